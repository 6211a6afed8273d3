//! 幸福食堂 figures: meals served per day, subsidy per month, 无人应答 deliveries, ratings and
//! elders who stopped ordering. Orders are reached through the meal services of the scope's
//! canteens, along the index on (service, date, status).

use crate::db::Pool;
use chrono::NaiveDate;

use crate::canteen::model::menu::Meal;
use crate::dashboard::db::DashboardScope;
use crate::dashboard::model::{
    CanteenFigures, DashboardFilter, DayMeals, LapsedElder, NoAnswerCase, NoAnswerOutcome,
    SubsidySpent, LONGEST_LIST,
};
use crate::dashboard::rules::filter::{days, month_of, month_span, previous_month_span};
use crate::dashboard::rules::stats::{every_day, subsidy_per_band, SubsidyByAge};
use crate::error::AppResult;

pub async fn figures(
    pool: &Pool,
    scope: &DashboardScope,
    filter: DashboardFilter,
) -> AppResult<CanteenFigures> {
    let served = meals_per_day(pool, scope, filter.from, filter.to).await?;
    let (average_rating, ratings) = ratings(pool, scope, filter.from, filter.to).await?;
    let (last_from, last_to) = previous_month_span(filter.to);
    let (this_from, this_to) = month_span(filter.to);
    let (no_answers, no_answers_total) =
        shortened(no_answers(pool, scope, filter.from, filter.to).await?);
    let lapsed = lapsed(pool, scope, (last_from, last_to), (this_from, this_to)).await?;
    let (lapsed, lapsed_total) = shortened(lapsed);
    Ok(CanteenFigures {
        meals_per_day: every_day(&days(filter.from, filter.to), &served),
        subsidy: subsidy(pool, scope, filter.from, filter.to).await?,
        no_answers,
        no_answers_total,
        average_rating,
        ratings,
        last_month: month_of(last_from),
        this_month: month_of(this_from),
        lapsed,
        lapsed_total,
    })
}

/// The first [`LONGEST_LIST`] of `rows`, and how many there were.
fn shortened<T>(mut rows: Vec<T>) -> (Vec<T>, usize) {
    let total = rows.len();
    rows.truncate(LONGEST_LIST);
    (rows, total)
}

/// Meals served (delivered or collected) per day, by way of eating; days without any are left out.
pub async fn meals_per_day(
    pool: &Pool,
    scope: &DashboardScope,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<DayMeals>> {
    let communities = scope.json();
    let rows = sqlx::query_as!(
        DayMeals,
        r#"SELECT o.date AS "date!: NaiveDate",
                  count(*) FILTER (WHERE o.fulfilment = 'dine_in') AS "dine_in!: i64",
                  count(*) FILTER (WHERE o.fulfilment = 'pickup') AS "pickup!: i64",
                  count(*) FILTER (WHERE o.fulfilment = 'delivery') AS "delivery!: i64"
           FROM orders o
           WHERE o.service_id IN (SELECT s.id FROM meal_services s JOIN canteens k ON k.id = s.canteen_id
                                  WHERE k.community_id IN (SELECT value FROM json_each($1)))
             AND o.date BETWEEN $2 AND $3 AND o.status = 'delivered'
           GROUP BY o.date ORDER BY o.date"#,
        communities,
        from,
        to
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

/// Subsidy on the meals served, per month, age band (on the day of the meal) and category.
pub async fn subsidy(
    pool: &Pool,
    scope: &DashboardScope,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<SubsidySpent>> {
    let communities = scope.json();
    let by_age = sqlx::query_as!(
        SubsidyByAge,
        r#"SELECT substr(CAST(o.date AS TEXT), 1, 7) AS "month!: String",
                  CAST(substr(CAST(o.date AS TEXT), 1, 4) AS BIGINT)
                    - CAST(substr(CAST(e.birth_date AS TEXT), 1, 4) AS BIGINT)
                    - CASE WHEN substr(CAST(o.date AS TEXT), 6, 5) < substr(CAST(e.birth_date AS TEXT), 6, 5)
                           THEN 1 ELSE 0 END AS "age!: i64",
                  e.subsidy_category AS category,
                  count(*) AS "meals!: i64", CAST(sum(o.subsidy_fen) AS BIGINT) AS "subsidy_fen!: i64"
           FROM orders o JOIN elders e ON e.id = o.elder_id
           WHERE o.service_id IN (SELECT s.id FROM meal_services s JOIN canteens k ON k.id = s.canteen_id
                                  WHERE k.community_id IN (SELECT value FROM json_each($1)))
             AND o.date BETWEEN $2 AND $3 AND o.status = 'delivered'
           GROUP BY 1, 2, 3"#,
        communities,
        from,
        to
    )
    .fetch_all(pool)
    .await?;
    Ok(subsidy_per_band(&by_age))
}

/// Deliveries of the period that met 无人应答, newest first, with how each ended.
pub async fn no_answers(
    pool: &Pool,
    scope: &DashboardScope,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<NoAnswerCase>> {
    let communities = scope.json();
    let rows = sqlx::query!(
        r#"SELECT o.id AS "order_id!", o.date AS "date!: NaiveDate", s.meal AS "meal!: Meal",
                  e.name AS elder_name, e.building, e.unit, e.room, n.noted_at,
                  o.status, o.status_changed_at
           FROM orders o
           JOIN delivery_no_answers n ON n.order_id = o.id
           JOIN meal_services s ON s.id = o.service_id
           JOIN elders e ON e.id = o.elder_id
           WHERE o.service_id IN (SELECT s2.id FROM meal_services s2 JOIN canteens k ON k.id = s2.canteen_id
                                  WHERE k.community_id IN (SELECT value FROM json_each($1)))
             AND o.date BETWEEN $2 AND $3
           ORDER BY o.date DESC, n.noted_at DESC"#,
        communities,
        from,
        to
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let delivered = r.status == "delivered";
            let address = [r.building.as_str(), r.unit.as_str(), r.room.as_str()]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            NoAnswerCase {
                order_id: r.order_id,
                date: r.date,
                meal: r.meal,
                elder_name: r.elder_name,
                address,
                noted_at: r.noted_at,
                outcome: if delivered {
                    NoAnswerOutcome::Delivered
                } else {
                    NoAnswerOutcome::Open
                },
                resolved_at: if delivered { r.status_changed_at } else { None },
            }
        })
        .collect())
}

/// The average stars of meals of the period that were rated, and how many were.
pub async fn ratings(
    pool: &Pool,
    scope: &DashboardScope,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<(Option<f64>, i64)> {
    let communities = scope.json();
    let row = sqlx::query!(
        r#"SELECT CAST(avg(o.rating) AS DOUBLE PRECISION) AS "average: f64", count(o.rating) AS "rated!: i64"
           FROM orders o
           WHERE o.service_id IN (SELECT s.id FROM meal_services s JOIN canteens k ON k.id = s.canteen_id
                                  WHERE k.community_id IN (SELECT value FROM json_each($1)))
             AND o.date BETWEEN $2 AND $3 AND o.rating IS NOT NULL"#,
        communities,
        from,
        to
    )
    .fetch_one(pool)
    .await?;
    Ok((row.average, row.rated))
}

/// Elders of the scope's communities with an order in `last` and none in `this` (both
/// (first, last) days), with a phone to call: their own, else a family member's.
pub async fn lapsed(
    pool: &Pool,
    scope: &DashboardScope,
    last: (NaiveDate, NaiveDate),
    this: (NaiveDate, NaiveDate),
) -> AppResult<Vec<LapsedElder>> {
    let communities = scope.json();
    let rows = sqlx::query_as!(
        LapsedElder,
        r#"SELECT e.id AS "elder_id!", e.name, c.name AS community,
                  CASE WHEN e.phone <> '' THEN e.phone
                       ELSE coalesce((SELECT u.phone FROM family_links f JOIN users u ON u.id = f.user_id
                                      WHERE f.elder_id = e.id ORDER BY u.id LIMIT 1), '') END AS "phone!: String",
                  (SELECT max(o.date) FROM orders o WHERE o.elder_id = e.id AND o.date BETWEEN $2 AND $3
                     AND o.status <> 'cancelled') AS "last_order!: NaiveDate"
           FROM elders e JOIN communities c ON c.id = e.community_id
           WHERE e.community_id IN (SELECT value FROM json_each($1))
             AND EXISTS (SELECT 1 FROM orders o WHERE o.elder_id = e.id AND o.date BETWEEN $2 AND $3
                           AND o.status <> 'cancelled')
             AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.elder_id = e.id AND o.date BETWEEN $4 AND $5
                               AND o.status <> 'cancelled')
           ORDER BY c.id, e.name"#,
        communities,
        last.0,
        last.1,
        this.0,
        this.1
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_is_cut_to_its_first_rows_and_counted() {
        let (rows, total) = shortened((0..250).collect::<Vec<i32>>());
        assert_eq!((rows.len(), total), (LONGEST_LIST, 250));
        assert_eq!(rows.last(), Some(&199));
        assert_eq!(shortened(vec![1, 2]), (vec![1, 2], 2));
    }
}
