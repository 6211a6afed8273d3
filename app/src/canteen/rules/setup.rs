//! Checks for what staff set up: prices typed in yuan, dishes, meal services, and the weeks a
//! menu is planned in. Pure functions; the pages post these forms to `api::setup`.

use chrono::{Datelike, NaiveDate};

use crate::canteen::model::setup::DishForm;
use crate::canteen::rules::cutoff::parse_time;
use crate::domain::elder::{join_codes, Allergen, DietNeed};
use crate::error::AppError;

/// "15", "15.5", "15.50", "¥15.00" → 1500 fen, without floating point.
pub fn parse_yuan(text: &str) -> Result<i64, AppError> {
    let bad = || {
        AppError::invalid(crate::tr!(
            "金额“{}”无法识别，请填写如 15 或 15.50。",
            "The amount “{}” could not be read. Please enter it like 15 or 15.50.",
            text.trim()
        ))
    };
    let clean = text.trim().trim_start_matches(['¥', '￥']).trim();
    let (whole, fraction) = match clean.split_once('.') {
        Some((_, "")) => return Err(bad()),
        Some(parts) => parts,
        None => (clean, ""),
    };
    if whole.is_empty() || whole.len() > 5 || fraction.len() > 2 {
        return Err(bad());
    }
    if !whole
        .chars()
        .chain(fraction.chars())
        .all(|c| c.is_ascii_digit())
    {
        return Err(bad());
    }
    let yuan: i64 = whole.parse().map_err(|_| bad())?;
    let fen: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| bad())? * 10,
        _ => fraction.parse().map_err(|_| bad())?,
    };
    Ok(yuan * 100 + fen)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DishForSave {
    pub name: String,
    pub is_set_meal: bool,
    pub price_fen: i64,
    /// Codes joined by commas, as stored.
    pub allergens: String,
    pub diet_tags: String,
}

fn codes<T: Copy>(
    raw: &[String],
    from_code: fn(&str) -> Option<T>,
    code: fn(T) -> &'static str,
) -> Result<String, AppError> {
    let mut items: Vec<T> = Vec::new();
    for text in raw.iter().filter(|t| !t.is_empty()) {
        let item = from_code(text).ok_or_else(|| {
            AppError::invalid(crate::tr!(
                "有无法识别的选项，请重新选择。",
                "An option could not be read. Please choose again."
            ))
        })?;
        if !items.iter().any(|i| code(*i) == code(item)) {
            items.push(item);
        }
    }
    Ok(join_codes(&items, code))
}

impl DishForm {
    pub fn parse(&self) -> Result<DishForSave, AppError> {
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 40 {
            return Err(AppError::invalid(crate::tr!(
                "请填写菜名（不超过 40 个字）。",
                "Please enter the dish name (at most 40 characters)."
            )));
        }
        let price_fen = parse_yuan(&self.price)?;
        if price_fen == 0 {
            return Err(AppError::invalid(crate::tr!(
                "请填写价格。",
                "Please enter the price."
            )));
        }
        Ok(DishForSave {
            name: name.to_string(),
            is_set_meal: self.is_set_meal.is_some(),
            price_fen,
            allergens: codes(&self.allergens, Allergen::from_code, Allergen::code)?,
            diet_tags: codes(&self.diet_tags, DietNeed::from_code, DietNeed::code)?,
        })
    }
}

/// A canteen's name, address and opening hours, trimmed and checked.
pub fn parse_canteen(name: &str, address: &str, hours: &str) -> Result<[String; 3], AppError> {
    let fields = [
        (name, crate::tr!("名称", "name"), 40),
        (address, crate::tr!("地址", "address"), 80),
        (hours, crate::tr!("开放时间", "opening hours"), 60),
    ];
    let mut out: [String; 3] = Default::default();
    for (slot, (value, what, max)) in out.iter_mut().zip(fields) {
        let value = value.trim();
        if value.is_empty() || value.chars().count() > max {
            return Err(AppError::invalid(crate::tr!(
                "请填写食堂{what}（不超过 {max} 个字）。",
                "Please enter the canteen's {what} (at most {max} characters)."
            )));
        }
        *slot = value.to_string();
    }
    Ok(out)
}

/// A meal service's times and capacity, checked.
pub fn parse_service(
    cutoff: &str,
    serve: &str,
    capacity: &str,
) -> Result<(String, String, i64), AppError> {
    let cutoff_time = parse_time(cutoff.trim()).ok_or_else(|| {
        AppError::invalid(crate::tr!(
            "截止时间请填写如 09:30。",
            "Please enter the cutoff time like 09:30."
        ))
    })?;
    let serve_time = parse_time(serve.trim()).ok_or_else(|| {
        AppError::invalid(crate::tr!(
            "开餐时间请填写如 11:30。",
            "Please enter the serving time like 11:30."
        ))
    })?;
    if cutoff_time >= serve_time {
        return Err(AppError::invalid(crate::tr!(
            "订餐截止时间要早于开餐时间。",
            "The order cutoff must be before the serving time."
        )));
    }
    let capacity = crate::domain::number::whole_number(
        capacity,
        0..=2000,
        &crate::tr!(
            "每餐份数请填 0 到 2000 之间的整数。",
            "Places per meal must be a whole number from 0 to 2000."
        ),
    )?;
    Ok((
        cutoff_time.format("%H:%M").to_string(),
        serve_time.format("%H:%M").to_string(),
        capacity,
    ))
}

/// The Monday of the week `date` is in.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// The seven ISO dates of the week starting `monday`.
pub fn week_dates(monday: NaiveDate) -> Vec<NaiveDate> {
    (0..7).map(|d| monday + chrono::Days::new(d)).collect()
}

/// A menu item posted as "service_id:date:dish_id".
pub fn parse_item(text: &str, week: &[NaiveDate]) -> Result<(i64, NaiveDate, i64), AppError> {
    let bad = || {
        AppError::invalid(crate::tr!(
            "菜单的选择无法识别，请刷新后重试。",
            "The menu choices could not be read. Please refresh and try again."
        ))
    };
    let mut parts = text.splitn(3, ':');
    let service = parts.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
    let date = parts
        .next()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .ok_or_else(bad)?;
    let dish = parts.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
    if !week.contains(&date) {
        return Err(bad());
    }
    Ok((service, date, dish))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_are_read_exactly() {
        assert_eq!(parse_yuan("15").unwrap(), 1500);
        assert_eq!(parse_yuan(" 15.5 ").unwrap(), 1550);
        assert_eq!(parse_yuan("¥7.05").unwrap(), 705);
        assert_eq!(parse_yuan("0.1").unwrap(), 10);
        for bad in ["", "abc", "1.234", "-3", "1e3", "15.", "123456"] {
            assert!(parse_yuan(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_dish_needs_a_name_and_a_price_and_known_codes() {
        let form = DishForm {
            name: " 红烧狮子头 ".into(),
            is_set_meal: None,
            price: "12".into(),
            allergens: vec!["soy".into(), "soy".into(), "wheat".into()],
            diet_tags: vec!["soft".into()],
        };
        let dish = form.parse().unwrap();
        assert_eq!(dish.name, "红烧狮子头");
        assert_eq!(dish.price_fen, 1200);
        assert_eq!(dish.allergens, "soy,wheat");
        assert!(!dish.is_set_meal);
        let unknown = DishForm {
            allergens: vec!["arsenic".into()],
            ..form.clone()
        };
        assert!(unknown.parse().is_err());
        let nameless = DishForm {
            name: " ".into(),
            ..form
        };
        assert!(nameless.parse().unwrap_err().to_string().contains("菜名"));
    }

    #[test]
    fn the_cutoff_must_come_before_serving() {
        assert_eq!(
            parse_service("9:30", "11:30", "120").unwrap(),
            ("09:30".into(), "11:30".into(), 120)
        );
        assert!(parse_service("12:00", "11:30", "120").is_err());
        assert!(parse_service("09:30", "11:30", "-1").is_err());
    }

    #[test]
    fn weeks_start_on_monday() {
        let wednesday = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let monday = monday_of(wednesday);
        assert_eq!(monday, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        let week = week_dates(monday);
        assert_eq!(week.first().unwrap().to_string(), "2026-11-23");
        assert_eq!(week.last().unwrap().to_string(), "2026-11-29");
        assert_eq!(
            parse_item("1:2026-11-24:3", &week).unwrap(),
            (1, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(), 3)
        );
        assert!(
            parse_item("1:2026-12-24:3", &week).is_err(),
            "outside the week"
        );
    }
}
