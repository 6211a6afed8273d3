//! The monthly subsidy settlement.

use serde::{Deserialize, Serialize};

use crate::domain::age::AgeBand;
use crate::domain::elder::SubsidyCategory;

/// One meal served (delivered or collected), as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedMeal {
    pub age_band: AgeBand,
    pub category: SubsidyCategory,
    pub full_price_fen: i64,
    pub subsidy_fen: i64,
    pub pay_fen: i64,
}

/// The meals of one age band and subsidy category; pages and the CSV label the codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementRow {
    pub age_band: AgeBand,
    pub category: SubsidyCategory,
    pub meals: i64,
    pub full_price_fen: i64,
    pub subsidy_fen: i64,
    pub pay_fen: i64,
}

/// The month's totals over every row (合计).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementTotal {
    pub meals: i64,
    pub full_price_fen: i64,
    pub subsidy_fen: i64,
    pub pay_fen: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementReport {
    pub canteen_id: i64,
    pub canteen: String,
    /// "2026-11"
    pub month: String,
    pub rows: Vec<SettlementRow>,
    pub total: SettlementTotal,
}
