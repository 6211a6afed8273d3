//! An elder's profile as families and staff enter it: allergens, diet needs, subsidy category,
//! and the checks a profile must pass before it is saved.

use crate::domain::code::coded_enum;
use crate::domain::phone::PhoneNumber;
use crate::error::AppError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// The allergens menus are labelled with.
    Allergen {
    Peanut = ("peanut", "花生", "Peanut"),
    Seafood = ("seafood", "海鲜", "Seafood"),
    Egg = ("egg", "鸡蛋", "Egg"),
    Milk = ("milk", "牛奶", "Milk"),
    Wheat = ("wheat", "小麦", "Wheat"),
    Soy = ("soy", "大豆", "Soy"),
    TreeNut = ("tree_nut", "坚果", "Tree nuts"),
    Sesame = ("sesame", "芝麻", "Sesame"),
});

coded_enum!(
    /// Diet needs, matched against the diet tags of dishes.
    DietNeed {
    LowSalt = ("low_salt", "低盐", "Low salt"),
    LowSugar = ("low_sugar", "低糖", "Low sugar"),
    Soft = ("soft", "软食", "Soft food"),
    Liquid = ("liquid", "流食", "Liquid food"),
});

coded_enum!(
    /// The subsidy category that, with the age band, decides the meal subsidy.
    SubsidyCategory {
    None = ("none", "无", "None"),
    Dibao = ("dibao", "低保", "Low income (dibao)"),
    Tekun = ("tekun", "特困", "Extreme hardship (tekun)"),
    Shineng = ("shineng", "失能", "Disabled (shineng)"),
});

/// Stores a set of codes as one comma-separated column, in a stable order.
pub fn join_codes<T: Copy>(items: &[T], code: impl Fn(T) -> &'static str) -> String {
    items
        .iter()
        .map(|item| code(*item))
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads a comma-separated column back, skipping codes it no longer knows.
pub fn split_codes<T>(column: &str, from_code: impl Fn(&str) -> Option<T>) -> Vec<T> {
    column
        .split(',')
        .filter_map(|code| from_code(code.trim()))
        .collect()
}

/// The profile form exactly as submitted: every field is text, so that a wrong value gets a
/// clear message instead of a decoding error.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ElderForm {
    pub name: String,
    pub birth_date: String,
    pub community_id: String,
    pub building: String,
    pub unit: String,
    pub room: String,
    pub phone: String,
    pub needs_delivery: bool,
    pub allergies: Vec<String>,
    pub diet_needs: Vec<String>,
    pub subsidy_category: String,
    pub notes: String,
    pub relation: String,
}

/// A checked profile, ready to be saved.
#[derive(Debug, Clone, PartialEq)]
pub struct ElderForSave {
    pub name: String,
    pub birth_date: NaiveDate,
    pub community_id: i64,
    pub building: String,
    pub unit: String,
    pub room: String,
    pub phone: Option<PhoneNumber>,
    pub needs_delivery: bool,
    pub allergies: Vec<Allergen>,
    pub diet_needs: Vec<DietNeed>,
    pub subsidy_category: SubsidyCategory,
    pub notes: String,
    pub relation: String,
}

fn required(value: &str, what: &str, max_chars: usize) -> Result<String, AppError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(AppError::invalid(crate::tr!(
            "请填写{what}。",
            "Please fill in the {what}."
        )));
    }
    optional(value, what, max_chars)
}

fn optional(value: &str, what: &str, max_chars: usize) -> Result<String, AppError> {
    let value = value.trim();
    if value.chars().count() > max_chars {
        return Err(AppError::invalid(crate::tr!(
            "{what}不能超过 {max_chars} 个字。",
            "The {what} can have at most {max_chars} characters."
        )));
    }
    Ok(value.to_string())
}

fn parse_all<T>(
    codes: &[String],
    from_code: impl Fn(&str) -> Option<T>,
    what: &str,
) -> Result<Vec<T>, AppError>
where
    T: PartialEq,
{
    let mut items = Vec::new();
    for code in codes.iter().filter(|c| !c.is_empty()) {
        let item = from_code(code).ok_or_else(|| {
            AppError::invalid(crate::tr!(
                "{what}里有无法识别的选项。",
                "There is an unknown choice in the {what}."
            ))
        })?;
        if !items.contains(&item) {
            items.push(item);
        }
    }
    Ok(items)
}

impl ElderForm {
    /// Checks the form against `today` (Asia/Shanghai) and returns what to save.
    pub fn parse(&self, today: NaiveDate) -> Result<ElderForSave, AppError> {
        let name = required(&self.name, &crate::tr!("长者姓名", "elder's name"), 20)?;
        let birth_date =
            NaiveDate::parse_from_str(self.birth_date.trim(), "%Y-%m-%d").map_err(|_| {
                AppError::invalid(crate::tr!(
                    "请按 年-月-日 填写出生日期，例如 1948-05-20。",
                    "Please write the date of birth as year-month-day, such as 1948-05-20."
                ))
            })?;
        let age = crate::domain::age::age_on(birth_date, today);
        if !(0..=120).contains(&age) {
            return Err(AppError::invalid(crate::tr!(
                "出生日期不正确，请检查年份。",
                "The date of birth is not right. Please check the year."
            )));
        }
        let community_id = self.community_id.trim().parse::<i64>().map_err(|_| {
            AppError::invalid(crate::tr!(
                "请选择所在社区。",
                "Please choose the community."
            ))
        })?;
        let phone = match self.phone.trim() {
            "" => None,
            text => Some(PhoneNumber::parse(text)?),
        };
        let subsidy_category = match self.subsidy_category.trim() {
            "" => SubsidyCategory::None,
            code => SubsidyCategory::from_code(code).ok_or_else(|| {
                AppError::invalid(crate::tr!(
                    "请选择补贴类别。",
                    "Please choose a subsidy category."
                ))
            })?,
        };
        Ok(ElderForSave {
            name,
            birth_date,
            community_id,
            building: required(&self.building, &crate::tr!("楼栋", "building"), 20)?,
            unit: optional(&self.unit, &crate::tr!("单元", "unit"), 10)?,
            room: required(&self.room, &crate::tr!("门牌号", "room number"), 10)?,
            phone,
            needs_delivery: self.needs_delivery,
            allergies: parse_all(
                &self.allergies,
                Allergen::from_code,
                &crate::tr!("过敏", "food allergies"),
            )?,
            diet_needs: parse_all(
                &self.diet_needs,
                DietNeed::from_code,
                &crate::tr!("饮食需要", "diet needs"),
            )?,
            subsidy_category,
            notes: optional(&self.notes, &crate::tr!("备注", "notes"), 200)?,
            relation: optional(
                &self.relation,
                &crate::tr!("与长者的关系", "relation to the elder"),
                10,
            )?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn form() -> ElderForm {
        ElderForm {
            name: " 王秀英 ".into(),
            birth_date: "1944-03-08".into(),
            community_id: "3".into(),
            building: "12栋".into(),
            unit: "2单元".into(),
            room: "301".into(),
            phone: "139 0712 3456".into(),
            needs_delivery: true,
            allergies: vec!["peanut".into(), "seafood".into(), "peanut".into()],
            diet_needs: vec!["low_salt".into()],
            subsidy_category: "dibao".into(),
            notes: "3楼，敲门要大声".into(),
            relation: "女儿".into(),
        }
    }

    #[test]
    fn a_complete_profile_is_trimmed_and_deduplicated() {
        let elder = form().parse(today()).unwrap();
        assert_eq!(elder.name, "王秀英");
        assert_eq!(elder.community_id, 3);
        assert_eq!(elder.phone.unwrap().as_str(), "13907123456");
        assert_eq!(elder.allergies, vec![Allergen::Peanut, Allergen::Seafood]);
        assert_eq!(elder.diet_needs, vec![DietNeed::LowSalt]);
        assert_eq!(elder.subsidy_category, SubsidyCategory::Dibao);
    }

    #[test]
    fn missing_name_building_or_room_names_the_field() {
        for (field, message) in [
            ("name", "请填写长者姓名。"),
            ("building", "请填写楼栋。"),
            ("room", "请填写门牌号。"),
        ] {
            let mut f = form();
            match field {
                "name" => f.name = "  ".into(),
                "building" => f.building.clear(),
                _ => f.room.clear(),
            }
            assert_eq!(f.parse(today()).unwrap_err().to_string(), message);
        }
    }

    #[test]
    fn a_malformed_or_future_birth_date_is_refused() {
        let mut f = form();
        f.birth_date = "1944/03/08".into();
        assert!(f
            .parse(today())
            .unwrap_err()
            .to_string()
            .contains("年-月-日"));
        f.birth_date = "2030-01-01".into();
        assert!(f
            .parse(today())
            .unwrap_err()
            .to_string()
            .contains("出生日期不正确"));
    }

    #[test]
    fn the_phone_is_optional_but_must_be_valid_when_given() {
        let mut f = form();
        f.phone.clear();
        assert_eq!(f.parse(today()).unwrap().phone, None);
        f.phone = "12345".into();
        assert!(f.parse(today()).is_err());
    }

    #[test]
    fn unknown_allergen_codes_are_refused_not_dropped() {
        let mut f = form();
        f.allergies = vec!["durian".into()];
        assert!(f.parse(today()).unwrap_err().to_string().contains("过敏"));
    }

    #[test]
    fn codes_survive_a_round_trip_through_the_database_column() {
        let stored = join_codes(&[Allergen::Egg, Allergen::Milk], Allergen::code);
        assert_eq!(stored, "egg,milk");
        assert_eq!(
            split_codes(&stored, Allergen::from_code),
            vec![Allergen::Egg, Allergen::Milk]
        );
        assert!(split_codes("", Allergen::from_code).is_empty());
    }
}
