//! Shift rules without a database: kinds of shift, whether a sign-up is confirmed or
//! waitlisted, the sign-up cutoff, and checking the form staff create shifts with.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::error::AppError;
use crate::volunteer::model::shifts::{ShiftForm, ShiftKind, SignupStatus};

/// A new sign-up is confirmed while places remain, otherwise it joins the waitlist.
pub fn place_for(confirmed: i64, needed: i64) -> SignupStatus {
    if confirmed < needed {
        SignupStatus::Confirmed
    } else {
        SignupStatus::Waitlisted
    }
}

/// Refuses sign-up changes from `cutoff_hours` before the shift starts (Asia/Shanghai).
pub fn check_open(
    date: NaiveDate,
    start: NaiveTime,
    cutoff_hours: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let closes = date.and_time(start) - chrono::Duration::hours(cutoff_hours);
    if crate::clock::shanghai_wall_clock(now) < closes {
        Ok(())
    } else {
        let (zh_closes, en_closes) = (
            closes.format("%m月%d日 %H:%M"),
            closes.format("%-d %b %H:%M"),
        );
        Err(AppError::conflict(crate::tr!(
            "这个班次的报名和取消已在 {zh_closes} 截止。",
            "Sign-ups and cancellations for this shift closed at {en_closes}."
        )))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftForSave {
    pub community_id: i64,
    pub kind: ShiftKind,
    pub title: String,
    pub place: String,
    pub date: NaiveDate,
    pub start_time: NaiveTime,
    pub end_time: NaiveTime,
    pub needed: i64,
}

impl ShiftForm {
    pub fn parse(&self, today: NaiveDate) -> Result<ShiftForSave, AppError> {
        let community_id = self.community_id.trim().parse().map_err(|_| {
            AppError::invalid(crate::tr!("请选择社区。", "Please choose a community."))
        })?;
        let kind = ShiftKind::from_code(&self.kind)
            .filter(|k| *k != ShiftKind::Delivery)
            .ok_or_else(|| {
                AppError::invalid(crate::tr!(
                    "请选择班次类型（送餐班次由送餐路线生成）。",
                    "Please choose the type of shift (delivery shifts come from the delivery routes)."
                ))
            })?;
        let text = |value: &str, what: &str| {
            let value = value.trim();
            if value.is_empty() || value.chars().count() > 60 {
                Err(AppError::invalid(crate::tr!(
                    "请填写{what}（不超过 60 个字）。",
                    "Please fill in {what} (up to 60 characters)."
                )))
            } else {
                Ok(value.to_string())
            }
        };
        let date = NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d")
            .ok()
            .filter(|d| *d >= today)
            .ok_or_else(|| {
                AppError::invalid(crate::tr!(
                    "请选择今天或以后的日期。",
                    "Please choose today or a later date."
                ))
            })?;
        let time = |value: &str, what: &str| {
            NaiveTime::parse_from_str(value.trim(), "%H:%M").map_err(|_| {
                AppError::invalid(crate::tr!(
                    "{what}请填写如 09:00。",
                    "Please enter {what} in the form 09:00."
                ))
            })
        };
        let start_time = time(&self.start_time, &crate::tr!("开始时间", "the start time"))?;
        let end_time = time(&self.end_time, &crate::tr!("结束时间", "the end time"))?;
        if end_time <= start_time {
            return Err(AppError::invalid(crate::tr!(
                "结束时间要晚于开始时间。",
                "The end time must be after the start time."
            )));
        }
        let needed = crate::domain::number::whole_number(
            &self.needed,
            1..=200,
            &crate::tr!(
                "需要人数请填 1 到 200。",
                "Please enter a number of people from 1 to 200."
            ),
        )?;
        Ok(ShiftForSave {
            community_id,
            kind,
            title: text(&self.title, &crate::tr!("班次名称", "the title"))?,
            place: text(&self.place, &crate::tr!("地点", "the place"))?,
            date,
            start_time,
            end_time,
            needed,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn places_are_confirmed_until_the_shift_is_full() {
        assert_eq!(place_for(0, 2), SignupStatus::Confirmed);
        assert_eq!(place_for(1, 2), SignupStatus::Confirmed);
        assert_eq!(place_for(2, 2), SignupStatus::Waitlisted);
    }

    #[test]
    fn sign_ups_close_hours_before_the_start_in_shanghai_time() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let start = NaiveTime::from_hms_opt(10, 30, 0).unwrap();
        // 00:29 UTC = 08:29 Shanghai: open until 08:30.
        let before = Utc.with_ymd_and_hms(2026, 11, 24, 0, 29, 0).unwrap();
        let at = Utc.with_ymd_and_hms(2026, 11, 24, 0, 30, 0).unwrap();
        assert!(check_open(date, start, 2, before).is_ok());
        let err = check_open(date, start, 2, at).unwrap_err();
        assert!(err.to_string().contains("11月24日 08:30"));
    }

    fn form() -> ShiftForm {
        ShiftForm {
            community_id: "7".into(),
            kind: "event".into(),
            title: "重阳节健康义诊".into(),
            place: "十九街社区服务中心".into(),
            date: "2026-11-28".into(),
            start_time: "09:00".into(),
            end_time: "11:30".into(),
            needed: "6".into(),
        }
    }

    #[test]
    fn a_shift_form_is_checked_field_by_field() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let shift = form().parse(today).unwrap();
        assert_eq!(shift.kind, ShiftKind::Event);
        assert_eq!(shift.needed, 6);
        let backwards = ShiftForm {
            end_time: "08:00".into(),
            ..form()
        };
        assert!(backwards.parse(today).is_err());
        let past = ShiftForm {
            date: "2026-11-01".into(),
            ..form()
        };
        assert!(past.parse(today).is_err());
        let delivery = ShiftForm {
            kind: "delivery".into(),
            ..form()
        };
        assert!(delivery
            .parse(today)
            .unwrap_err()
            .to_string()
            .contains("送餐路线"));
        let crowd = ShiftForm {
            needed: "0".into(),
            ..form()
        };
        assert!(crowd.parse(today).is_err());
    }
}
