//! 我的课表 as an iCalendar (.ics) feed: one weekly repeating event per class time, from the
//! semester's first week to its end, in Asia/Shanghai time.

use chrono::{Datelike, NaiveDate, NaiveTime};

/// One weekly class meeting to publish.
pub struct CalendarClass {
    pub uid: String,
    pub title: String,
    pub location: String,
    pub weekday: u32,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

/// The first date on or after `from` that falls on ISO `weekday`.
pub fn first_on_or_after(from: NaiveDate, weekday: u32) -> NaiveDate {
    let today = from.weekday().number_from_monday();
    let ahead = (weekday + 7 - today) % 7;
    from + chrono::Days::new(u64::from(ahead))
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// The feed for classes meeting weekly from `starts` until `ends` (inclusive).
pub fn ics(name: &str, classes: &[CalendarClass], starts: NaiveDate, ends: NaiveDate) -> String {
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//xingfu//school//ZH\r\nCALSCALE:GREGORIAN\r\n",
    );
    out.push_str(&format!(
        "X-WR-CALNAME:{}\r\nX-WR-TIMEZONE:Asia/Shanghai\r\n",
        escape(name)
    ));
    for class in classes {
        let day = first_on_or_after(starts, class.weekday);
        if day > ends {
            continue;
        }
        let stamp = |t: NaiveTime| format!("{}T{}", day.format("%Y%m%d"), t.format("%H%M%S"));
        out.push_str("BEGIN:VEVENT\r\n");
        out.push_str(&format!("UID:{}\r\n", class.uid));
        out.push_str(&format!("DTSTAMP:{}T000000Z\r\n", starts.format("%Y%m%d")));
        out.push_str(&format!(
            "DTSTART;TZID=Asia/Shanghai:{}\r\n",
            stamp(class.start)
        ));
        out.push_str(&format!(
            "DTEND;TZID=Asia/Shanghai:{}\r\n",
            stamp(class.end)
        ));
        out.push_str(&format!(
            "RRULE:FREQ=WEEKLY;UNTIL={}T155959Z\r\n",
            ends.format("%Y%m%d")
        ));
        out.push_str(&format!("SUMMARY:{}\r\n", escape(&class.title)));
        out.push_str(&format!("LOCATION:{}\r\n", escape(&class.location)));
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, day).unwrap()
    }

    #[test]
    fn the_first_meeting_is_the_first_matching_weekday_of_the_semester() {
        // 2027-03-01 is a Monday.
        assert_eq!(first_on_or_after(d(3, 1), 1), d(3, 1));
        assert_eq!(first_on_or_after(d(3, 1), 3), d(3, 3));
        assert_eq!(first_on_or_after(d(3, 3), 1), d(3, 8));
    }

    #[test]
    fn each_class_time_is_a_weekly_event_until_the_semester_ends() {
        let classes = [CalendarClass {
            uid: "slot-7@xingfu".into(),
            title: "书法·周三班".into(),
            location: "红河社区教学点, 书画室".into(),
            weekday: 3,
            start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(10, 30, 0).unwrap(),
        }];
        let feed = ics("王秀英的课表", &classes, d(3, 1), d(6, 30));
        assert!(feed.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(feed.contains("DTSTART;TZID=Asia/Shanghai:20270303T090000\r\n"));
        assert!(feed.contains("DTEND;TZID=Asia/Shanghai:20270303T103000\r\n"));
        assert!(feed.contains("RRULE:FREQ=WEEKLY;UNTIL=20270630T155959Z\r\n"));
        assert!(feed.contains("LOCATION:红河社区教学点\\, 书画室\r\n"));
        assert!(feed.ends_with("END:VCALENDAR\r\n"));
    }
}
