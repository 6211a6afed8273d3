//! The settlement report server function (/api/canteen/manage/settlement) and its query.
//! Staff of the canteen's community only.

use leptos::prelude::*;

use crate::canteen::settlement::SettlementReport;
use crate::error::AppError;

/// Meals served (delivered or collected) by a canteen in a month ("2026-11").
#[cfg(feature = "ssr")]
pub async fn monthly(
    pool: &sqlx::SqlitePool,
    user: &crate::auth::model::CurrentUser,
    canteen_id: Option<i64>,
    month: Option<String>,
) -> Result<SettlementReport, AppError> {
    use crate::canteen::settlement::{aggregate, ServedMeal};
    use crate::domain::age::{age_on, AgeBand};
    use crate::domain::elder::SubsidyCategory;
    use chrono::NaiveDate;

    let canteen = crate::canteen::db::canteens(pool)
        .await?
        .into_iter()
        .filter(|c| user.runs_canteen_of(c.community_id))
        .find(|c| canteen_id.is_none_or(|id| id == c.id))
        .ok_or(AppError::Forbidden)?;
    let month = match month.as_deref().map(str::trim) {
        None | Some("") => crate::clock::today_in_shanghai()
            .format("%Y-%m")
            .to_string(),
        Some(text) => NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d")
            .map(|d| d.format("%Y-%m").to_string())
            .map_err(|_| AppError::invalid("月份格式应为 2026-11。"))?,
    };
    let like = format!("{month}-%");
    let rows = sqlx::query!(
        r#"SELECT o.date, e.birth_date, e.subsidy_category, o.full_price_fen, o.subsidy_fen, o.pay_fen
           FROM orders o JOIN elders e ON e.id = o.elder_id JOIN meal_services s ON s.id = o.service_id
           WHERE s.canteen_id = ? AND o.status = 'delivered' AND o.date LIKE ?"#,
        canteen.id,
        like
    )
    .fetch_all(pool)
    .await?;
    let meals: Vec<ServedMeal> = rows
        .into_iter()
        .map(|r| {
            let age = match (
                NaiveDate::parse_from_str(&r.birth_date, "%Y-%m-%d"),
                NaiveDate::parse_from_str(&r.date, "%Y-%m-%d"),
            ) {
                (Ok(birth), Ok(day)) => age_on(birth, day),
                _ => 0,
            };
            ServedMeal {
                age_band: AgeBand::for_age(age),
                category: SubsidyCategory::from_code(&r.subsidy_category)
                    .unwrap_or(SubsidyCategory::None),
                full_price_fen: r.full_price_fen,
                subsidy_fen: r.subsidy_fen,
                pay_fen: r.pay_fen,
            }
        })
        .collect();
    let (rows, total) = aggregate(&meals);
    Ok(SettlementReport {
        canteen_id: canteen.id,
        canteen: canteen.name,
        month,
        rows,
        total,
    })
}

#[server(endpoint = "canteen/manage/settlement")]
pub async fn load_settlement(
    canteen_id: Option<i64>,
    month: Option<String>,
) -> Result<SettlementReport, AppError> {
    let user = crate::auth::session::require_user().await?;
    monthly(&crate::state::pool()?, &user, canteen_id, month).await
}
