//! Reading the monthly settlement: the meals a canteen served in a month.

use crate::db::Pool;
use chrono::NaiveDate;

use crate::canteen::model::menu::CanteenInfo;
use crate::canteen::model::settlement::{ServedMeal, SettlementReport};
use crate::canteen::rules::settlement::aggregate;
use crate::domain::age::{age_on, AgeBand};
use crate::domain::elder::SubsidyCategory;
use crate::error::AppResult;

/// Meals served (delivered or collected) by a canteen in a month ("2026-11").
pub async fn monthly(
    pool: &Pool,
    canteen: CanteenInfo,
    month: String,
) -> AppResult<SettlementReport> {
    let first = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
        .map_err(|e| crate::error::AppError::internal("settlement month", e))?;
    let next = first + chrono::Months::new(1);
    let rows = sqlx::query!(
        r#"SELECT o.date AS "date: NaiveDate", e.birth_date AS "birth_date: NaiveDate", e.subsidy_category, o.full_price_fen, o.subsidy_fen, o.pay_fen
           FROM orders o JOIN elders e ON e.id = o.elder_id JOIN meal_services s ON s.id = o.service_id
           WHERE s.canteen_id = $1 AND o.status = 'delivered'
             AND o.date >= $2 AND o.date < $3"#,
        canteen.id,
        first,
        next
    )
    .fetch_all(pool)
    .await?;
    let meals: Vec<ServedMeal> = rows
        .into_iter()
        .map(|r| {
            let age = age_on(r.birth_date, r.date);
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
