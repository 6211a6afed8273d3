//! Checks for what admins type when setting up the school: a semester's dates and enrollment
//! windows, a class's places, fee and minimum age, names, and travel minutes between sites.
//! Pure functions; the setup page posts these forms to `api::setup`.

use chrono::NaiveDate;

use crate::canteen::rules::setup::parse_yuan;
use crate::domain::number::whole_number;
use crate::error::AppError;
use crate::school::model::setup::{ClassForm, SemesterForm};

/// A trimmed name of 1 to `max` characters; the messages name `what` is missing.
pub fn parse_name(text: &str, what: &str, max: usize) -> Result<String, AppError> {
    let name = text.trim();
    if name.is_empty() {
        return Err(AppError::invalid(crate::tr!(
            "请填写{what}。",
            "Please fill in the {what}."
        )));
    }
    if name.chars().count() > max {
        return Err(AppError::invalid(crate::tr!(
            "{what}最多 {max} 个字。",
            "The {what} can have at most {max} characters."
        )));
    }
    Ok(name.to_string())
}

fn parse_date(text: &str, what: &str) -> Result<NaiveDate, AppError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        AppError::invalid(crate::tr!(
            "{what}请填写日期，如 2027-03-01。",
            "Please enter the {what} as a date, such as 2027-03-01."
        ))
    })
}

/// A semester after its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Semester {
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub returning_opens: NaiveDate,
    pub enroll_opens: NaiveDate,
    pub enroll_closes: NaiveDate,
    pub max_classes_per_person: i64,
    pub offer_hours: i64,
    pub open_at_committed: i64,
}

impl SemesterForm {
    pub fn parse(&self) -> Result<Semester, AppError> {
        let semester = Semester {
            name: parse_name(&self.name, &crate::tr!("学期名称", "semester name"), 30)?,
            starts_on: parse_date(&self.starts_on, &crate::tr!("开学日期", "start date"))?,
            ends_on: parse_date(&self.ends_on, &crate::tr!("结课日期", "end date"))?,
            returning_opens: parse_date(
                &self.returning_opens,
                &crate::tr!("老学员报名日期", "enrollment date for returning students"),
            )?,
            enroll_opens: parse_date(
                &self.enroll_opens,
                &crate::tr!("报名开始日期", "enrollment opening date"),
            )?,
            enroll_closes: parse_date(
                &self.enroll_closes,
                &crate::tr!("报名截止日期", "enrollment closing date"),
            )?,
            max_classes_per_person: whole_number(
                &self.max_classes_per_person,
                1..=10,
                &crate::tr!(
                    "每人最多可报的班数请填 1–10。",
                    "Please enter 1–10 for the classes each person may take."
                ),
            )?,
            offer_hours: whole_number(
                &self.offer_hours,
                1..=336,
                &crate::tr!(
                    "空位保留时间请填 1–336 小时。",
                    "Please enter 1–336 hours for holding an offered seat."
                ),
            )?,
            open_at_committed: whole_number(
                &self.open_at_committed,
                1..=500,
                &crate::tr!(
                    "开班所需的确定报名人数请填 1–500。",
                    "Please enter 1–500 for the committed sign-ups needed to open a class."
                ),
            )?,
        };
        let s = &semester;
        if s.ends_on <= s.starts_on {
            return Err(AppError::invalid(crate::tr!(
                "结课日期要晚于开学日期。",
                "The end date must be after the start date."
            )));
        }
        if s.returning_opens > s.enroll_opens {
            return Err(AppError::invalid(crate::tr!(
                "老学员报名不能晚于正式报名开始。",
                "Enrollment for returning students cannot open after general enrollment opens."
            )));
        }
        if s.enroll_closes < s.enroll_opens {
            return Err(AppError::invalid(crate::tr!(
                "报名截止不能早于报名开始。",
                "Enrollment cannot close before it opens."
            )));
        }
        if s.enroll_closes > s.ends_on {
            return Err(AppError::invalid(crate::tr!(
                "报名要在结课前截止。",
                "Enrollment must close before the semester ends."
            )));
        }
        Ok(semester)
    }
}

/// A class's terms after their checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassTerms {
    pub name: String,
    pub capacity: i64,
    pub fee_fen: i64,
    pub min_age: i64,
}

pub const MAX_FEE_FEN: i64 = 1_000_000;

impl ClassForm {
    pub fn parse(&self) -> Result<ClassTerms, AppError> {
        let fee_fen = parse_yuan(&self.fee_yuan)?;
        if fee_fen > MAX_FEE_FEN {
            return Err(AppError::invalid(crate::tr!(
                "学费最多 10000 元。",
                "The fee can be at most 10000 yuan."
            )));
        }
        Ok(ClassTerms {
            name: parse_name(&self.name, &crate::tr!("班级名称", "class name"), 30)?,
            capacity: whole_number(
                &self.capacity,
                1..=500,
                &crate::tr!("名额请填 1–500。", "Please enter 1–500 places."),
            )?,
            fee_fen,
            min_age: whole_number(
                &self.min_age,
                40..=100,
                &crate::tr!(
                    "最低年龄请填 40–100 岁。",
                    "Please enter a minimum age of 40–100."
                ),
            )?,
        })
    }
}

/// Minutes a teacher needs between two sites, 0 to 600.
pub fn parse_travel_minutes(text: &str) -> Result<i64, AppError> {
    whole_number(
        text,
        0..=600,
        &crate::tr!(
            "路上时间请填 0–600 分钟。",
            "Please enter 0–600 minutes of travel time."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn semester() -> SemesterForm {
        SemesterForm {
            name: " 2027 春季学期 ".into(),
            starts_on: "2027-03-01".into(),
            ends_on: "2027-06-30".into(),
            returning_opens: "2027-02-10".into(),
            enroll_opens: "2027-02-15".into(),
            enroll_closes: "2027-03-10".into(),
            max_classes_per_person: "3".into(),
            offer_hours: "48".into(),
            open_at_committed: "10".into(),
        }
    }

    fn message(result: Result<Semester, AppError>) -> String {
        result.unwrap_err().to_string()
    }

    #[test]
    fn a_well_formed_semester_is_accepted_and_trimmed() {
        let s = semester().parse().unwrap();
        assert_eq!(s.name, "2027 春季学期");
        assert_eq!(s.offer_hours, 48);
        assert_eq!(
            s.enroll_closes,
            NaiveDate::from_ymd_opt(2027, 3, 10).unwrap()
        );
    }

    #[test]
    fn semester_dates_must_be_in_order() {
        let mut f = semester();
        f.ends_on = "2027-03-01".into();
        assert_eq!(message(f.parse()), "结课日期要晚于开学日期。");
        let mut f = semester();
        f.returning_opens = "2027-02-16".into();
        assert_eq!(message(f.parse()), "老学员报名不能晚于正式报名开始。");
        let mut f = semester();
        f.enroll_closes = "2027-02-14".into();
        assert_eq!(message(f.parse()), "报名截止不能早于报名开始。");
        let mut f = semester();
        f.enroll_closes = "2027-07-01".into();
        assert_eq!(message(f.parse()), "报名要在结课前截止。");
        let mut f = semester();
        f.starts_on = "3月1日".into();
        assert_eq!(message(f.parse()), "开学日期请填写日期，如 2027-03-01。");
    }

    #[test]
    fn semester_limits_are_bounded() {
        let mut f = semester();
        f.max_classes_per_person = "0".into();
        assert!(message(f.parse()).contains("1–10"));
        let mut f = semester();
        f.offer_hours = "337".into();
        assert!(message(f.parse()).contains("1–336"));
        let mut f = semester();
        f.open_at_committed = "十".into();
        assert!(message(f.parse()).contains("1–500"));
    }

    #[test]
    fn class_terms_take_a_fee_in_yuan_and_check_places_and_age() {
        let form = ClassForm {
            name: "瑜伽·周六班".into(),
            capacity: "30".into(),
            fee_yuan: "140".into(),
            min_age: "55".into(),
            ..Default::default()
        };
        let terms = form.parse().unwrap();
        assert_eq!(
            (terms.capacity, terms.fee_fen, terms.min_age),
            (30, 14000, 55)
        );
        let bad = |f: ClassForm| f.parse().unwrap_err().to_string();
        assert_eq!(
            bad(ClassForm {
                capacity: "0".into(),
                ..form.clone()
            }),
            "名额请填 1–500。"
        );
        assert_eq!(
            bad(ClassForm {
                min_age: "30".into(),
                ..form.clone()
            }),
            "最低年龄请填 40–100 岁。"
        );
        assert_eq!(
            bad(ClassForm {
                fee_yuan: "20000".into(),
                ..form.clone()
            }),
            "学费最多 10000 元。"
        );
        assert_eq!(
            bad(ClassForm {
                name: "  ".into(),
                ..form
            }),
            "请填写班级名称。"
        );
    }

    #[test]
    fn names_and_minutes_are_bounded() {
        assert_eq!(parse_name(" 书法 ", "课程名称", 20).unwrap(), "书法");
        assert_eq!(
            parse_name(&"长".repeat(21), "课程名称", 20)
                .unwrap_err()
                .to_string(),
            "课程名称最多 20 个字。"
        );
        assert_eq!(parse_travel_minutes("45").unwrap(), 45);
        assert!(parse_travel_minutes("601").is_err());
        assert!(parse_travel_minutes("-1").is_err());
    }
}
