//! What an elder pays for a meal: menu price minus the subsidy that the admin's rules give
//! for the elder's age band and subsidy category. Money is integer fen throughout.

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use crate::domain::age::age_on;
use crate::domain::age::AgeBand;
use crate::domain::elder::SubsidyCategory;
use crate::household::model::ElderView;

/// One rule: elders of `age_band` (and of `category`, when given) get `subsidy_fen` off one
/// set meal per service and day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubsidyRule {
    pub id: i64,
    pub age_band: AgeBand,
    pub category: Option<SubsidyCategory>,
    pub subsidy_fen: i64,
}

/// The largest subsidy any rule gives this elder; 0 for members of the public and under-60s.
pub fn subsidy_for(rules: &[SubsidyRule], band: AgeBand, category: SubsidyCategory) -> i64 {
    rules
        .iter()
        .filter(|rule| rule.age_band == band)
        .filter(|rule| rule.category.is_none() || rule.category == Some(category))
        .map(|rule| rule.subsidy_fen)
        .max()
        .unwrap_or(0)
}

/// One ordered dish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PricedLine {
    pub unit_price_fen: i64,
    pub quantity: i64,
    pub is_set_meal: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub full_price_fen: i64,
    pub subsidy_fen: i64,
    pub pay_fen: i64,
}

/// Prices an order: the subsidy applies to one set meal (the dearest), never more than its
/// price; everything else is at the menu price.
pub fn quote(lines: &[PricedLine], subsidy_per_meal_fen: i64) -> Quote {
    let full_price_fen = lines.iter().map(|l| l.unit_price_fen * l.quantity).sum();
    let dearest_set_meal = lines
        .iter()
        .filter(|l| l.is_set_meal)
        .map(|l| l.unit_price_fen)
        .max();
    let subsidy_fen = dearest_set_meal.map_or(0, |price| subsidy_per_meal_fen.clamp(0, price));
    Quote {
        full_price_fen,
        subsidy_fen,
        pay_fen: full_price_fen - subsidy_fen,
    }
}

/// "¥7.00" — fen shown as yuan with two decimals, without floating point.
pub fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.abs();
    format!("{sign}¥{}.{:02}", fen / 100, fen % 100)
}

/// The subsidy one set meal gets for `elder` on `date`, by age that day and category.
pub fn elder_subsidy(rules: &[SubsidyRule], elder: &ElderView, date: NaiveDate) -> i64 {
    let age = age_on(elder.birth_date, date);
    subsidy_for(rules, AgeBand::for_age(age), elder.subsidy_category)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> Vec<SubsidyRule> {
        vec![
            SubsidyRule {
                id: 0,
                age_band: AgeBand::From60To79,
                category: None,
                subsidy_fen: 800,
            },
            SubsidyRule {
                id: 0,
                age_band: AgeBand::From80To89,
                category: None,
                subsidy_fen: 1000,
            },
            SubsidyRule {
                id: 0,
                age_band: AgeBand::From60To79,
                category: Some(SubsidyCategory::Tekun),
                subsidy_fen: 1200,
            },
        ]
    }

    const SET_MEAL: PricedLine = PricedLine {
        unit_price_fen: 1500,
        quantity: 1,
        is_set_meal: true,
    };

    #[test]
    fn a_resident_over_sixty_pays_seven_yuan_for_the_fifteen_yuan_set_meal() {
        let subsidy = subsidy_for(&rules(), AgeBand::From60To79, SubsidyCategory::None);
        assert_eq!(
            quote(&[SET_MEAL], subsidy),
            Quote {
                full_price_fen: 1500,
                subsidy_fen: 800,
                pay_fen: 700
            }
        );
        assert_eq!(yuan(700), "¥7.00");
    }

    #[test]
    fn the_largest_matching_rule_wins_and_other_categories_do_not_match() {
        assert_eq!(
            subsidy_for(&rules(), AgeBand::From60To79, SubsidyCategory::Tekun),
            1200
        );
        assert_eq!(
            subsidy_for(&rules(), AgeBand::From60To79, SubsidyCategory::Dibao),
            800
        );
        assert_eq!(
            subsidy_for(&rules(), AgeBand::From80To89, SubsidyCategory::Tekun),
            1000
        );
    }

    #[test]
    fn the_public_and_under_sixties_pay_full_price() {
        assert_eq!(
            subsidy_for(&rules(), AgeBand::Under60, SubsidyCategory::Dibao),
            0
        );
        assert_eq!(quote(&[SET_MEAL], 0).pay_fen, 1500);
    }

    #[test]
    fn only_one_set_meal_is_subsidised_and_single_dishes_never() {
        let soup = PricedLine {
            unit_price_fen: 300,
            quantity: 2,
            is_set_meal: false,
        };
        let two_sets = PricedLine {
            quantity: 2,
            ..SET_MEAL
        };
        assert_eq!(
            quote(&[two_sets, soup], 800),
            Quote {
                full_price_fen: 3600,
                subsidy_fen: 800,
                pay_fen: 2800
            }
        );
        assert_eq!(quote(&[soup], 800).subsidy_fen, 0);
    }

    #[test]
    fn a_subsidy_never_exceeds_the_meal_price() {
        let cheap = PricedLine {
            unit_price_fen: 500,
            quantity: 1,
            is_set_meal: true,
        };
        assert_eq!(
            quote(&[cheap], 800),
            Quote {
                full_price_fen: 500,
                subsidy_fen: 500,
                pay_fen: 0
            }
        );
    }

    #[test]
    fn yuan_formats_fen_exactly() {
        assert_eq!(yuan(0), "¥0.00");
        assert_eq!(yuan(5), "¥0.05");
        assert_eq!(yuan(12_345), "¥123.45");
        assert_eq!(yuan(-250), "-¥2.50");
    }
}
