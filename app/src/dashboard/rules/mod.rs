//! Dashboard rules without a database: the filter and its periods, the statistics (median,
//! 90th percentile, rates) and the CSV of a chart.

pub mod csv;
pub mod filter;
pub mod stats;
