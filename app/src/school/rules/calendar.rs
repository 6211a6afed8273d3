//! 我的课表 as an iCalendar (RFC 5545) feed, written with the `ics` crate: one weekly
//! repeating event per class time, from the semester's first week to its end, in
//! Asia/Shanghai time with its VTIMEZONE; long lines (a Chinese class name passes 75 octets at
//! about 22 characters) are folded by the crate. Server only.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use ics::parameters::TzIDParam;
use ics::properties::{CalScale, DtEnd, DtStart, Location, RRule, Summary, TzName};
use ics::{escape_text, Event, ICalendar, Standard, TimeZone};

use crate::clock::SHANGHAI_UTC_OFFSET_SECS;

const TZID: &str = "Asia/Shanghai";

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

/// Asia/Shanghai as a VTIMEZONE: UTC+8 all year, no daylight saving since 1991.
fn shanghai_zone() -> TimeZone<'static> {
    let hours = SHANGHAI_UTC_OFFSET_SECS / 3600;
    let offset = format!("+{hours:02}00");
    let mut standard = Standard::new("19700101T000000", offset.clone(), offset);
    standard.push(TzName::new("CST"));
    TimeZone::standard(TZID, standard)
}

/// A local Shanghai time as a DTSTART or DTEND value with its TZID.
fn local(day: NaiveDate, time: NaiveTime) -> String {
    format!("{}T{}", day.format("%Y%m%d"), time.format("%H%M%S"))
}

/// The feed for classes meeting weekly from `starts` until `ends` (inclusive); `now` is the
/// feed's DTSTAMP (when this copy of the calendar was made).
pub fn ics(
    name: &str,
    classes: &[CalendarClass],
    starts: NaiveDate,
    ends: NaiveDate,
    now: DateTime<Utc>,
) -> String {
    let mut calendar = ICalendar::new("2.0", "-//xingfu//school//ZH");
    calendar.push(CalScale::new("GREGORIAN"));
    calendar.push(ics::components::Property::new(
        "X-WR-CALNAME",
        escape_text(name),
    ));
    calendar.push(ics::components::Property::new("X-WR-TIMEZONE", TZID));
    calendar.add_timezone(shanghai_zone());
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    // The last instant of the last day, in UTC.
    let until = ends.and_hms_opt(23, 59, 59).map(|t| {
        (t - chrono::Duration::seconds(i64::from(SHANGHAI_UTC_OFFSET_SECS)))
            .format("%Y%m%dT%H%M%SZ")
            .to_string()
    });
    for class in classes {
        let day = first_on_or_after(starts, class.weekday);
        if day > ends {
            continue;
        }
        let mut event = Event::new(class.uid.clone(), stamp.clone());
        let mut start = DtStart::new(local(day, class.start));
        start.add(TzIDParam::new(TZID));
        event.push(start);
        let mut end = DtEnd::new(local(day, class.end));
        end.add(TzIDParam::new(TZID));
        event.push(end);
        if let Some(until) = &until {
            event.push(RRule::new(format!("FREQ=WEEKLY;UNTIL={until}")));
        }
        event.push(Summary::new(escape_text(class.title.clone())));
        event.push(Location::new(escape_text(class.location.clone())));
        calendar.add_event(event);
    }
    calendar.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, day).unwrap()
    }

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_802_671_500, 0).unwrap() // 2027-02-15 06:05 UTC
    }

    fn class(title: &str) -> CalendarClass {
        CalendarClass {
            uid: "slot-7-elder-1@xingfu".into(),
            title: title.into(),
            location: "红河社区教学点, 书画室".into(),
            weekday: 3,
            start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(10, 30, 0).unwrap(),
        }
    }

    #[test]
    fn no_line_is_longer_than_75_octets_and_the_zone_is_defined() {
        let long = "老年大学书法与国画综合提高班（周三上午，含毛笔字基础与山水画入门）";
        let feed = ics("王秀英的课表", &[class(long)], d(3, 1), d(6, 30), now());
        for line in feed.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        assert!(feed.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n"));
        assert!(feed.contains("TZOFFSETTO:+0800\r\n"));
    }

    #[test]
    fn an_independent_parser_reads_the_feed_back() {
        let long = "老年大学书法与国画综合提高班（周三上午，含毛笔字基础与山水画入门）";
        let feed = ics("王秀英的课表", &[class(long)], d(3, 1), d(6, 30), now());
        let mut parser = ical::IcalParser::new(feed.as_bytes());
        let calendar = parser.next().expect("one calendar").expect("it parses");
        assert!(parser.next().is_none());
        assert_eq!(calendar.timezones.len(), 1);
        assert_eq!(calendar.events.len(), 1);
        let value = |name: &str| {
            calendar.events[0]
                .properties
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.value.clone())
        };
        assert_eq!(value("SUMMARY").as_deref(), Some(long));
        assert_eq!(value("DTSTAMP").as_deref(), Some("20270215T060500Z"));
        assert_eq!(value("DTSTART").as_deref(), Some("20270303T090000"));
        assert_eq!(value("UID").as_deref(), Some("slot-7-elder-1@xingfu"));
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
        let feed = ics("王秀英的课表", &classes, d(3, 1), d(6, 30), now());
        assert!(feed.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(feed.contains("DTSTAMP:20270215T060500Z\r\n"));
        assert!(feed.contains("DTSTART;TZID=Asia/Shanghai:20270303T090000\r\n"));
        assert!(feed.contains("DTEND;TZID=Asia/Shanghai:20270303T103000\r\n"));
        assert!(feed.contains("RRULE:FREQ=WEEKLY;UNTIL=20270630T155959Z\r\n"));
        assert!(feed.contains("LOCATION:红河社区教学点\\, 书画室\r\n"));
        assert!(feed.ends_with("END:VCALENDAR\r\n"));
    }
}
