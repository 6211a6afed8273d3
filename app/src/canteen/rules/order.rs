//! The meal-order form and its checks that need no database: which dates or weekdays, which
//! dishes in what quantity, and how the meal reaches the elder.

use chrono::{Datelike, NaiveDate};

use crate::canteen::model::order::Fulfilment;
use crate::canteen::model::order::MealOrderForm;
use crate::error::AppError;

/// How far ahead meals can be ordered, today included.
pub const ORDER_WINDOW_DAYS: u64 = 14;
/// The most portions of one dish in one order.
pub const MAX_QUANTITY: i64 = 5;

/// The form after its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MealOrderRequest {
    pub dates: Vec<NaiveDate>,
    pub weekdays: Vec<u32>,
    /// (dish id, quantity), each dish once.
    pub lines: Vec<(i64, i64)>,
    pub fulfilment: Fulfilment,
}

impl MealOrderForm {
    /// Checks the form against today's date (Asia/Shanghai).
    pub fn parse(&self, today: NaiveDate) -> Result<MealOrderRequest, AppError> {
        let dates = parse_dates(&self.dates, today)?;
        let weekdays = parse_weekdays(&self.weekdays)?;
        if dates.is_empty() && weekdays.is_empty() {
            return Err(AppError::invalid(crate::tr!(
                "请至少选择一个日期，或选择每周固定订餐的星期。",
                "Please choose at least one day, or the weekdays for a weekly order."
            )));
        }
        let lines = parse_lines(&self.dishes)?;
        let fulfilment = Fulfilment::from_code(&self.fulfilment).ok_or_else(|| {
            AppError::invalid(crate::tr!(
                "请选择用餐方式：堂食、自取或送餐上门。",
                "Please choose how the meal is served: dine in, pick up or delivery."
            ))
        })?;
        Ok(MealOrderRequest {
            dates,
            weekdays,
            lines,
            fulfilment,
        })
    }
}

fn parse_dates(raw: &[String], today: NaiveDate) -> Result<Vec<NaiveDate>, AppError> {
    let last = today + chrono::Days::new(ORDER_WINDOW_DAYS - 1);
    let mut dates = Vec::new();
    for text in raw.iter().map(|d| d.trim()).filter(|d| !d.is_empty()) {
        let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            AppError::invalid(crate::tr!(
                "日期“{text}”无法识别。",
                "The date “{text}” could not be read."
            ))
        })?;
        if date < today || date > last {
            return Err(AppError::invalid(crate::tr!(
                "只能预订今天起 {ORDER_WINDOW_DAYS} 天内的餐。",
                "Meals can only be ordered for the {ORDER_WINDOW_DAYS} days from today."
            )));
        }
        if !dates.contains(&date) {
            dates.push(date);
        }
    }
    dates.sort_unstable();
    Ok(dates)
}

fn parse_weekdays(raw: &[String]) -> Result<Vec<u32>, AppError> {
    let mut days = Vec::new();
    for text in raw.iter().map(|d| d.trim()).filter(|d| !d.is_empty()) {
        match text.parse::<u32>() {
            Ok(day @ 1..=7) if !days.contains(&day) => days.push(day),
            Ok(1..=7) => {}
            _ => {
                return Err(AppError::invalid(crate::tr!(
                    "星期的选择无法识别。",
                    "The weekdays chosen could not be read."
                )))
            }
        }
    }
    days.sort_unstable();
    Ok(days)
}

fn parse_lines(raw: &[String]) -> Result<Vec<(i64, i64)>, AppError> {
    let mut lines: Vec<(i64, i64)> = Vec::new();
    for text in raw.iter().map(|d| d.trim()).filter(|d| !d.is_empty()) {
        let parsed = text
            .split_once(':')
            .and_then(|(dish, qty)| Some((dish.parse::<i64>().ok()?, qty.parse::<i64>().ok()?)));
        let Some((dish, quantity)) = parsed else {
            return Err(AppError::invalid(crate::tr!(
                "菜品的选择无法识别，请重新选择。",
                "The dishes chosen could not be read. Please choose again."
            )));
        };
        if !(1..=MAX_QUANTITY).contains(&quantity) {
            return Err(AppError::invalid(crate::tr!(
                "每道菜每餐最多 {MAX_QUANTITY} 份。",
                "At most {MAX_QUANTITY} portions of each dish per meal."
            )));
        }
        if lines.iter().any(|(d, _)| *d == dish) {
            return Err(AppError::invalid(crate::tr!(
                "同一道菜请只选一次。",
                "Please choose each dish only once."
            )));
        }
        lines.push((dish, quantity));
    }
    if lines.is_empty() {
        return Err(AppError::invalid(crate::tr!(
            "请至少选择一份套餐或一道菜。",
            "Please choose at least one set meal or dish."
        )));
    }
    Ok(lines)
}

/// Weekdays as stored: "1,2,3,4,5".
pub fn weekdays_code(days: &[u32]) -> String {
    days.iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

pub fn weekdays_from_code(code: &str) -> Vec<u32> {
    code.split(',')
        .filter_map(|d| d.trim().parse().ok())
        .filter(|d| (1..=7).contains(d))
        .collect()
}

/// "周一、周三、周五"
pub fn weekdays_label(days: &[u32]) -> String {
    crate::i18n::dates::weekdays_label(days, crate::ui::prefs::Locale::Zh)
}

/// The dates from `from` for `days` days that fall on one of `weekdays`.
pub fn dates_on_weekdays(weekdays: &[u32], from: NaiveDate, days: u64) -> Vec<NaiveDate> {
    (0..days)
        .map(|offset| from + chrono::Days::new(offset))
        .filter(|date| weekdays.contains(&date.weekday().number_from_monday()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn form() -> MealOrderForm {
        MealOrderForm {
            elder_id: 1,
            service_id: 1,
            dates: vec![
                "2026-11-25".into(),
                "2026-11-24".into(),
                "2026-11-24".into(),
            ],
            weekdays: vec![],
            dishes: vec!["3:1".into(), "".into(), "7:2".into()],
            fulfilment: "delivery".into(),
            replaces: 0,
        }
    }

    #[test]
    fn a_complete_form_is_sorted_and_deduplicated() {
        let request = form().parse(today()).unwrap();
        assert_eq!(
            request.dates,
            vec![
                NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
                NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
            ]
        );
        assert_eq!(request.lines, vec![(3, 1), (7, 2)]);
        assert_eq!(request.fulfilment, Fulfilment::Delivery);
    }

    #[test]
    fn dates_outside_the_window_are_refused() {
        let yesterday = MealOrderForm {
            dates: vec!["2026-11-22".into()],
            ..form()
        };
        assert!(yesterday.parse(today()).is_err());
        let too_far = MealOrderForm {
            dates: vec!["2026-12-07".into()],
            ..form()
        };
        assert!(too_far.parse(today()).is_err());
        let last_day = MealOrderForm {
            dates: vec!["2026-12-06".into()],
            ..form()
        };
        assert!(last_day.parse(today()).is_ok());
    }

    #[test]
    fn an_order_needs_a_day_a_dish_and_a_way_to_eat() {
        let no_day = MealOrderForm {
            dates: vec![],
            ..form()
        };
        assert!(no_day
            .parse(today())
            .unwrap_err()
            .to_string()
            .contains("日期"));
        let no_dish = MealOrderForm {
            dishes: vec!["".into()],
            ..form()
        };
        assert!(no_dish
            .parse(today())
            .unwrap_err()
            .to_string()
            .contains("套餐"));
        let no_way = MealOrderForm {
            fulfilment: "".into(),
            ..form()
        };
        assert!(no_way
            .parse(today())
            .unwrap_err()
            .to_string()
            .contains("用餐方式"));
    }

    #[test]
    fn quantities_are_bounded_and_malformed_lines_refused() {
        for bad in ["3:0", "3:6", "x:1", "3"] {
            let f = MealOrderForm {
                dishes: vec![bad.into()],
                ..form()
            };
            assert!(f.parse(today()).is_err(), "{bad}");
        }
    }

    #[test]
    fn weekdays_alone_make_a_standing_order() {
        let weekly = MealOrderForm {
            dates: vec![],
            weekdays: vec!["5".into(), "1".into(), "3".into()],
            ..form()
        };
        let request = weekly.parse(today()).unwrap();
        assert_eq!(request.weekdays, vec![1, 3, 5]);
        assert_eq!(weekdays_code(&request.weekdays), "1,3,5");
        assert_eq!(weekdays_from_code("1,3,5"), vec![1, 3, 5]);
        assert_eq!(weekdays_label(&request.weekdays), "周一、周三、周五");
        let bad = MealOrderForm {
            weekdays: vec!["8".into()],
            ..weekly
        };
        assert!(bad.parse(today()).is_err());
    }

    #[test]
    fn monday_to_friday_over_a_week_is_five_dates() {
        // 2026-11-23 is a Monday.
        let dates = dates_on_weekdays(&[1, 2, 3, 4, 5], today(), 7);
        assert_eq!(dates.len(), 5);
        assert_eq!(dates[0], today());
        assert_eq!(dates[4], NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
    }
}
