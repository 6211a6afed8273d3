//! The dashboard's SQL: aggregates per service, each limited to a scope of communities the
//! policy built, so that no figure crosses into a community the caller may not see.

pub mod canteen;
pub mod compare;
pub mod school;
pub mod today;
pub mod volunteer;

use crate::db::Pool;

use crate::dashboard::model::{Dashboard, DashboardFilter};
use crate::error::AppResult;

/// The communities every figure is limited to (`dashboard::policy::scope` builds it). Queries
/// take it as a JSON list, read with `json_each` (`crate::db::json_ids`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DashboardScope {
    communities: Vec<i64>,
}

impl DashboardScope {
    pub fn only(communities: Vec<i64>) -> Self {
        Self { communities }
    }

    pub fn communities(&self) -> &[i64] {
        &self.communities
    }

    /// "[1,7]"
    pub fn json(&self) -> String {
        crate::db::json_ids(self.communities.iter().copied())
    }

    /// Whether the figures are shown per community side by side: when no single community
    /// is picked and the scope has more than one.
    pub fn compares(&self, filter: &DashboardFilter) -> bool {
        filter.community.is_none() && self.communities.len() > 1
    }
}

/// Every figure of the dashboard for `filter` within `scope`.
pub async fn dashboard(
    pool: &Pool,
    scope: &DashboardScope,
    filter: DashboardFilter,
) -> AppResult<Dashboard> {
    let comparison = if scope.compares(&filter) {
        compare::headlines(pool, scope, filter).await?
    } else {
        Vec::new()
    };
    Ok(Dashboard {
        filter,
        canteen: canteen::figures(pool, scope, filter).await?,
        school: school::figures(pool, scope, filter).await?,
        volunteer: volunteer::figures(pool, scope, filter).await?,
        comparison,
    })
}
