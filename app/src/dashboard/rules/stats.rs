//! The dashboard's statistics: nearest-rank percentiles, rates, periods filled with zeros,
//! places per site, subsidy per age band and response times per kind of request.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::dashboard::model::{
    ClassFigures, DayMeals, MonthMinutes, RequestKindFigures, RequestTimes, SiteFill, SubsidySpent,
};
use crate::domain::age::AgeBand;
use crate::domain::elder::SubsidyCategory;
use crate::volunteer::model::requests::RequestCategory;

/// The `p`th percentile (1–100) by nearest rank: the smallest value with at least `p`% of the
/// values at or below it. None for no values.
pub fn percentile(values: &[i64], p: u32) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    let rank = (p.clamp(1, 100) as usize * n).div_ceil(100);
    sorted.get(rank.max(1) - 1).copied()
}

/// The median by nearest rank (of an even count, the lower middle value).
pub fn median(values: &[i64]) -> Option<i64> {
    percentile(values, 50)
}

/// `part` of `whole` in percent, to one decimal; None when `whole` is 0.
pub fn percent(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

/// One row per day of the period, zero where nothing was served.
pub fn every_day(days: &[NaiveDate], served: &[DayMeals]) -> Vec<DayMeals> {
    days.iter()
        .map(|&date| {
            served
                .iter()
                .find(|d| d.date == date)
                .copied()
                .unwrap_or(DayMeals {
                    date,
                    ..Default::default()
                })
        })
        .collect()
}

/// One row per month of the period, zero where no time was credited.
pub fn every_month(months: &[String], credited: &[MonthMinutes]) -> Vec<MonthMinutes> {
    months
        .iter()
        .map(|month| MonthMinutes {
            month: month.clone(),
            minutes: credited
                .iter()
                .filter(|m| &m.month == month)
                .map(|m| m.minutes)
                .sum(),
        })
        .collect()
}

/// Places and enrolments summed per teaching site, sites in name order.
pub fn per_site(classes: &[ClassFigures]) -> Vec<SiteFill> {
    let mut sites: BTreeMap<&str, SiteFill> = BTreeMap::new();
    for class in classes {
        let site = sites.entry(&class.site).or_insert_with(|| SiteFill {
            site: class.site.clone(),
            capacity: 0,
            enrolled: 0,
        });
        site.capacity += class.capacity;
        site.enrolled += class.enrolled;
    }
    sites.into_values().collect()
}

/// Meals and subsidy of one month, elders of one age (on the day of the meal) and category.
pub struct SubsidyByAge {
    pub month: String,
    pub age: i64,
    pub category: String,
    pub meals: i64,
    pub subsidy_fen: i64,
}

/// Subsidy per month, age band and category; months in order, then bands from youngest.
pub fn subsidy_per_band(rows: &[SubsidyByAge]) -> Vec<SubsidySpent> {
    let mut cells: BTreeMap<(String, usize, usize), SubsidySpent> = BTreeMap::new();
    for row in rows {
        let band = AgeBand::for_age(i32::try_from(row.age).unwrap_or(0));
        let category = SubsidyCategory::from_code(&row.category).unwrap_or(SubsidyCategory::None);
        let key = (
            row.month.clone(),
            position(AgeBand::ALL, band),
            position(SubsidyCategory::ALL, category),
        );
        let cell = cells.entry(key).or_insert_with(|| SubsidySpent {
            month: row.month.clone(),
            age_band: band,
            category,
            meals: 0,
            subsidy_fen: 0,
        });
        cell.meals += row.meals;
        cell.subsidy_fen += row.subsidy_fen;
    }
    cells.into_values().collect()
}

fn position<T: PartialEq>(all: &[T], value: T) -> usize {
    all.iter().position(|v| *v == value).unwrap_or(usize::MAX)
}

/// Per kind of request, in the kinds' order: how many were posted, the median and 90th
/// percentile minutes to 领单 and to 服务完成, and the rated ones with 4–5 stars.
pub fn per_request_kind(requests: &[RequestTimes]) -> Vec<RequestKindFigures> {
    RequestCategory::ALL
        .iter()
        .filter_map(|&category| {
            let of_kind: Vec<&RequestTimes> =
                requests.iter().filter(|r| r.category == category).collect();
            if of_kind.is_empty() {
                return None;
            }
            let taken: Vec<i64> = of_kind.iter().filter_map(|r| r.to_taken).collect();
            let done: Vec<i64> = of_kind.iter().filter_map(|r| r.to_done).collect();
            let ratings: Vec<i64> = of_kind.iter().filter_map(|r| r.rating).collect();
            Some(RequestKindFigures {
                category,
                posted: of_kind.len() as i64,
                taken_median: median(&taken),
                taken_p90: percentile(&taken, 90),
                done_median: median(&done),
                done_p90: percentile(&done, 90),
                rated: ratings.len() as i64,
                rated_good: ratings.iter().filter(|&&stars| stars >= 4).count() as i64,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_take_the_nearest_rank() {
        let values = [15, 20, 35, 40, 50];
        assert_eq!(percentile(&values, 30), Some(20));
        assert_eq!(percentile(&values, 40), Some(20));
        assert_eq!(percentile(&values, 50), Some(35));
        assert_eq!(percentile(&values, 100), Some(50));
        let ten: Vec<i64> = (1..=10).rev().collect();
        assert_eq!(percentile(&ten, 90), Some(9));
        assert_eq!(median(&ten), Some(5), "the lower middle of an even count");
        assert_eq!(percentile(&[7], 90), Some(7));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn rates_are_percent_to_one_decimal_and_none_of_nothing() {
        assert_eq!(percent(1, 3), Some(33.3));
        assert_eq!(percent(2, 3), Some(66.7));
        assert_eq!(percent(0, 5), Some(0.0));
        assert_eq!(percent(3, 0), None);
    }

    #[test]
    fn days_without_meals_are_zero() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let served = [DayMeals {
            date: day(2),
            dine_in: 3,
            pickup: 1,
            delivery: 2,
        }];
        let all = every_day(&[day(1), day(2), day(3)], &served);
        assert_eq!(all.len(), 3);
        assert_eq!(all[0].dine_in + all[2].delivery, 0);
        assert_eq!(all[1].delivery, 2);
    }

    #[test]
    fn months_without_hours_are_zero() {
        let months = ["2026-10".to_string(), "2026-11".to_string()];
        let credited = [MonthMinutes {
            month: "2026-11".into(),
            minutes: 90,
        }];
        let all = every_month(&months, &credited);
        assert_eq!(all[0].minutes, 0);
        assert_eq!(all[1].minutes, 90);
    }

    #[test]
    fn ages_fall_into_bands_per_month_and_category() {
        let row = |month: &str, age, category: &str, subsidy_fen| SubsidyByAge {
            month: month.into(),
            age,
            category: category.into(),
            meals: 1,
            subsidy_fen,
        };
        let cells = subsidy_per_band(&[
            row("2026-11", 82, "dibao", 1000),
            row("2026-10", 70, "none", 800),
            row("2026-11", 85, "dibao", 1000),
            row("2026-11", 91, "none", 1200),
        ]);
        assert_eq!(cells.len(), 3);
        assert_eq!(cells[0].month, "2026-10");
        assert_eq!(
            (cells[1].age_band, cells[1].category),
            (AgeBand::From80To89, SubsidyCategory::Dibao)
        );
        assert_eq!((cells[1].meals, cells[1].subsidy_fen), (2, 2000));
        assert_eq!(cells[2].age_band, AgeBand::From90);
    }

    #[test]
    fn request_kinds_get_median_p90_and_share_of_good_ratings() {
        let times = |category, to_taken, to_done, rating| RequestTimes {
            category,
            to_taken,
            to_done,
            rating,
        };
        let figures = per_request_kind(&[
            times(RequestCategory::Haircut, Some(10), Some(70), Some(5)),
            times(RequestCategory::Haircut, Some(30), Some(90), Some(3)),
            times(RequestCategory::Haircut, Some(20), None, None),
            times(RequestCategory::Haircut, None, None, None),
            times(RequestCategory::Repair, Some(5), Some(60), Some(4)),
        ]);
        assert_eq!(figures.len(), 2);
        let haircut = &figures[0];
        assert_eq!(haircut.category, RequestCategory::Haircut);
        assert_eq!(haircut.posted, 4);
        assert_eq!(
            (haircut.taken_median, haircut.taken_p90),
            (Some(20), Some(30))
        );
        assert_eq!(
            (haircut.done_median, haircut.done_p90),
            (Some(70), Some(90))
        );
        assert_eq!((haircut.rated, haircut.rated_good), (2, 1));
    }

    #[test]
    fn sites_add_up_their_classes() {
        let class = |site: &str, capacity, enrolled| ClassFigures {
            class_id: 1,
            name: "书法".into(),
            site: site.into(),
            capacity,
            enrolled,
            waitlisted: 0,
            present: 0,
            marked: 0,
            paid: 0,
            unpaid: 0,
            fee_fen: 0,
        };
        let sites = per_site(&[
            class("红河", 20, 10),
            class("二街", 10, 10),
            class("红河", 30, 5),
        ]);
        assert_eq!(sites.len(), 2);
        assert_eq!(
            (sites[1].site.as_str(), sites[1].capacity, sites[1].enrolled),
            ("红河", 50, 15)
        );
    }
}
