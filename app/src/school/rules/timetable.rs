//! Timetable rules without a database: weekly slots, when two overlap, and whether a new slot
//! fits a teacher, a room and the teacher's travel between teaching sites (流动授课).

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

/// One weekly class meeting: ISO weekday (1 = Monday) and local times, at a site and room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub weekday: u32,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub site_id: i64,
    pub room_id: i64,
}

/// An existing slot with what it belongs to, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookedSlot {
    pub slot: Slot,
    pub teacher_id: i64,
    /// "书法·周一班"
    pub class_name: String,
    pub room_name: String,
    pub site_name: String,
}

/// Travel minutes between two sites (0 within a site).
pub trait TravelTimes {
    fn minutes(&self, from: i64, to: i64) -> i64;
}

impl TravelTimes for [(i64, i64, i64)] {
    fn minutes(&self, from: i64, to: i64) -> i64 {
        if from == to {
            return 0;
        }
        self.iter()
            .find(|(a, b, _)| (*a == from && *b == to) || (*a == to && *b == from))
            .map_or(0, |(_, _, m)| *m)
    }
}

/// Whether two slots share any minute on the same weekday. Back-to-back (one ends when the
/// other starts) is not an overlap.
pub fn overlaps(a: &Slot, b: &Slot) -> bool {
    a.weekday == b.weekday && a.start < b.end && b.start < a.end
}

/// Minutes between the end of the earlier slot and the start of the later one on the same
/// day, or `None` when they are on different days or overlap.
pub fn gap_minutes(a: &Slot, b: &Slot) -> Option<i64> {
    if a.weekday != b.weekday || overlaps(a, b) {
        return None;
    }
    let (first, second) = if a.end <= b.start { (a, b) } else { (b, a) };
    Some((second.start - first.end).num_minutes())
}

/// "周一 09:00–10:30" / "Mon 09:00–10:30", in the language of the message.
fn describe(b: &BookedSlot) -> String {
    format!(
        "{} {}–{}",
        crate::i18n::dates::weekday_name(b.slot.weekday, crate::i18n::message_locale()),
        b.slot.start.format("%H:%M"),
        b.slot.end.format("%H:%M")
    )
}

/// Why `slot` for `teacher_id` cannot be added next to `booked` (other classes' slots), or
/// `None` when it fits: the room is taken, the teacher teaches elsewhere then, or the teacher
/// cannot travel from one site to the other in time.
pub fn clash(
    slot: &Slot,
    teacher_id: i64,
    booked: &[BookedSlot],
    travel: &[(i64, i64, i64)],
) -> Option<String> {
    if slot.end <= slot.start {
        return Some(crate::tr!(
            "结束时间要晚于开始时间。",
            "The end time must be after the start time."
        ));
    }
    for b in booked {
        if b.slot.room_id == slot.room_id && overlaps(&b.slot, slot) {
            return Some(crate::tr!(
                "{}（{}）这时已有“{}”（{}）。",
                "{} ({}) already has “{}” at this time ({}).",
                b.room_name,
                b.site_name,
                b.class_name,
                describe(b)
            ));
        }
    }
    for b in booked.iter().filter(|b| b.teacher_id == teacher_id) {
        if overlaps(&b.slot, slot) {
            return Some(crate::tr!(
                "这位老师这时在上“{}”（{}，{}）。",
                "The teacher is teaching “{}” at this time ({}, {}).",
                b.class_name,
                describe(b),
                b.site_name
            ));
        }
        let needed = travel.minutes(b.slot.site_id, slot.site_id);
        if let Some(gap) = gap_minutes(&b.slot, slot) {
            if gap < needed {
                return Some(crate::tr!(
                    "这位老师{}在{}上“{}”，赶到这里要 {needed} 分钟，只隔了 {gap} 分钟。",
                    "The teacher has “{2}” at {1} ({0}) and needs {needed} minutes to get here, but there are only {gap} minutes in between.",
                    describe(b),
                    b.site_name,
                    b.class_name
                ));
            }
        }
    }
    None
}

/// Whether a person's classes (their slots) clash with a class they want to join.
pub fn person_clash<'a>(wanted: &[Slot], theirs: &'a [(String, Slot)]) -> Option<&'a str> {
    theirs
        .iter()
        .find(|(_, s)| wanted.iter().any(|w| overlaps(w, s)))
        .map(|(name, _)| name.as_str())
}

/// A slot as typed into the timetable form: weekday "1"–"7" and times "09:00". The site is
/// filled in from the room when it is stored.
pub fn slot_from_form(
    room_id: i64,
    weekday: &str,
    start: &str,
    end: &str,
) -> Result<Slot, crate::error::AppError> {
    use crate::error::AppError;
    let time = |text: &str| {
        NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| {
            AppError::invalid(crate::tr!(
                "时间请填写如 09:00。",
                "Please enter times like 09:00."
            ))
        })
    };
    Ok(Slot {
        weekday: weekday
            .trim()
            .parse()
            .ok()
            .filter(|d| (1..=7).contains(d))
            .ok_or_else(|| {
                AppError::invalid(crate::tr!("请选择星期几。", "Please choose a weekday."))
            })?,
        start: time(start)?,
        end: time(end)?,
        site_id: 0,
        room_id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn slot(weekday: u32, start: (u32, u32), end: (u32, u32), site_id: i64, room_id: i64) -> Slot {
        Slot {
            weekday,
            start: t(start.0, start.1),
            end: t(end.0, end.1),
            site_id,
            room_id,
        }
    }

    fn booked(slot: Slot, teacher_id: i64) -> BookedSlot {
        BookedSlot {
            slot,
            teacher_id,
            class_name: "书法·周一班".into(),
            room_name: "一楼教室".into(),
            site_name: "红河社区教学点".into(),
        }
    }

    #[test]
    fn back_to_back_is_not_an_overlap_but_one_shared_minute_is() {
        let a = slot(1, (9, 0), (10, 30), 1, 1);
        assert!(!overlaps(&a, &slot(1, (10, 30), (12, 0), 1, 1)));
        assert!(overlaps(&a, &slot(1, (10, 29), (12, 0), 1, 1)));
        assert!(
            !overlaps(&a, &slot(2, (9, 0), (10, 30), 1, 1)),
            "another day"
        );
        assert_eq!(gap_minutes(&a, &slot(1, (11, 0), (12, 0), 2, 2)), Some(30));
        assert_eq!(gap_minutes(&slot(1, (11, 0), (12, 0), 2, 2), &a), Some(30));
    }

    #[test]
    fn a_room_is_not_double_booked() {
        let existing = [booked(slot(1, (9, 0), (10, 30), 1, 1), 7)];
        let reason = clash(&slot(1, (10, 0), (11, 0), 1, 1), 8, &existing, &[]).unwrap();
        assert!(
            reason.contains("一楼教室") && reason.contains("周一 09:00–10:30"),
            "{reason}"
        );
        assert!(clash(&slot(1, (10, 0), (11, 0), 1, 2), 8, &existing, &[]).is_none());
    }

    #[test]
    fn a_teacher_is_not_in_two_places_at_once() {
        let existing = [booked(slot(3, (14, 0), (15, 30), 1, 1), 7)];
        let reason = clash(&slot(3, (15, 0), (16, 0), 2, 5), 7, &existing, &[]).unwrap();
        assert!(reason.contains("这位老师这时在上"), "{reason}");
    }

    #[test]
    fn a_rotating_teacher_needs_the_travel_time_between_sites() {
        let existing = [booked(slot(1, (9, 0), (10, 30), 1, 1), 7)];
        let travel = [(1, 2, 40)];
        // 30 minutes after class at site 1 is too soon for site 2, 40 is exactly enough.
        let reason = clash(&slot(1, (11, 0), (12, 0), 2, 5), 7, &existing, &travel).unwrap();
        assert!(reason.contains("要 40 分钟，只隔了 30 分钟"), "{reason}");
        assert!(clash(&slot(1, (11, 10), (12, 0), 2, 5), 7, &existing, &travel).is_none());
        // Before the other class counts too, and the same site needs no travel.
        assert!(clash(&slot(1, (8, 0), (8, 45), 2, 5), 7, &existing, &travel).is_some());
        assert!(clash(&slot(1, (10, 30), (11, 30), 1, 2), 7, &existing, &travel).is_none());
    }

    #[test]
    fn a_person_cannot_join_two_classes_at_the_same_time() {
        let theirs = vec![("太极·周二班".to_string(), slot(2, (9, 0), (10, 0), 1, 1))];
        assert_eq!(
            person_clash(&[slot(2, (9, 30), (11, 0), 2, 3)], &theirs),
            Some("太极·周二班")
        );
        assert_eq!(
            person_clash(&[slot(2, (10, 0), (11, 0), 2, 3)], &theirs),
            None
        );
    }

    #[test]
    fn a_slot_form_needs_a_weekday_and_clock_times() {
        let s = slot_from_form(4, "3", "09:00", " 10:30 ").unwrap();
        assert_eq!(
            (s.weekday, s.start, s.end, s.room_id),
            (3, t(9, 0), t(10, 30), 4)
        );
        assert_eq!(
            slot_from_form(4, "8", "09:00", "10:30")
                .unwrap_err()
                .to_string(),
            "请选择星期几。"
        );
        assert_eq!(
            slot_from_form(4, "1", "9点", "10:30")
                .unwrap_err()
                .to_string(),
            "时间请填写如 09:00。"
        );
    }
}
