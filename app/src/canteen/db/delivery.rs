//! Delivery routes: planning the day's deliveries into routes, adjusting the order of stops,
//! assigning a deliverer, and marking each stop 已送达 or 无人应答 (which tells the family
//! and the community's staff at once).

use crate::db::Pool;
use chrono::NaiveDate;

use crate::canteen::model::delivery::{RouteStop, RouteView};
use crate::canteen::model::order::OrderStatus;
use crate::canteen::rules::delivery::{plan_routes, StopAddress};
use crate::db::{dish_lines, LINE_SEPARATOR};
use crate::error::{AppError, AppResult};

/// Plans the routes of a service and day afresh, keeping each route number's deliverer.
/// Refused once any stop has been marked.
pub async fn generate(
    pool: &Pool,
    service_id: i64,
    date: NaiveDate,
    max_stops: usize,
) -> AppResult<usize> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let marked = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!: i64" FROM delivery_stops st JOIN delivery_routes r ON r.id = st.route_id
           WHERE r.service_id = $1 AND r.date = $2 AND st.marked_at IS NOT NULL"#,
        service_id,
        date
    )
    .fetch_one(&mut *tx)
    .await?;
    if marked > 0 {
        return Err(AppError::conflict(crate::tr!(
            "已经有站点标记了送达结果，不能再重新排路线；可以手动调整站点。",
            "Some stops are already marked, so the routes cannot be planned again. You can still move stops by hand."
        )));
    }
    let deliverers = sqlx::query!(
        "SELECT route_no, deliverer_id FROM delivery_routes WHERE service_id = $1 AND date = $2",
        service_id,
        date
    )
    .fetch_all(&mut *tx)
    .await?;
    sqlx::query!(
        "DELETE FROM delivery_stops WHERE route_id IN (SELECT id FROM delivery_routes WHERE service_id = $1 AND date = $2)",
        service_id,
        date
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "DELETE FROM delivery_routes WHERE service_id = $1 AND date = $2",
        service_id,
        date
    )
    .execute(&mut *tx)
    .await?;
    let stops = sqlx::query_as!(
        StopAddress,
        r#"SELECT o.id AS "order_id!", e.building, e.unit, e.room
           FROM orders o JOIN elders e ON e.id = o.elder_id
           WHERE o.service_id = $1 AND o.date = $2 AND o.fulfilment = 'delivery' AND o.status <> 'cancelled'"#,
        service_id,
        date
    )
    .fetch_all(&mut *tx)
    .await?;
    let routes = plan_routes(&stops, max_stops);
    for (index, route) in routes.iter().enumerate() {
        let route_no = index as i64 + 1;
        let deliverer = deliverers
            .iter()
            .find(|d| d.route_no == route_no)
            .and_then(|d| d.deliverer_id);
        let route_id = sqlx::query_scalar!(
            r#"INSERT INTO delivery_routes (service_id, date, route_no, deliverer_id) VALUES ($1, $2, $3, $4)
           RETURNING id AS "id!: i64""#,
            service_id,
            date,
            route_no,
            deliverer
        )
        .fetch_one(&mut *tx)
        .await?;
        for (position, order_id) in route.iter().enumerate() {
            let position = position as i64 + 1;
            sqlx::query!(
                "INSERT INTO delivery_stops (order_id, route_id, position) VALUES ($1, $2, $3)",
                order_id,
                route_id,
                position
            )
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(routes.len())
}

struct RouteRow {
    id: i64,
    route_no: i64,
    deliverer: Option<String>,
    deliverer_phone: Option<String>,
}

struct StopRow {
    order_id: i64,
    position: i64,
    elder_name: String,
    community: String,
    building: String,
    unit: String,
    room: String,
    phone: String,
    notes: String,
    status: OrderStatus,
    lines: String,
}

/// The routes of a service and day with their stops in order.
pub async fn routes(
    pool: &Pool,
    service_id: i64,
    date: NaiveDate,
    only_deliverer: Option<i64>,
) -> AppResult<Vec<RouteView>> {
    let rows = sqlx::query_as!(
        RouteRow,
        r#"SELECT r.id AS "id!", r.route_no, u.display_name AS "deliverer?", u.phone AS "deliverer_phone?"
           FROM delivery_routes r LEFT JOIN users u ON u.id = r.deliverer_id
           WHERE r.service_id = $1 AND r.date = $2 AND (CAST($3 AS BIGINT) IS NULL OR r.deliverer_id = $3)
           ORDER BY r.route_no"#,
        service_id,
        date,
        only_deliverer
    )
    .fetch_all(pool)
    .await?;
    let mut routes = Vec::with_capacity(rows.len());
    for row in rows {
        let stops = sqlx::query_as!(
            StopRow,
            r#"SELECT st.order_id AS "order_id!", st.position, e.name AS elder_name, c.name AS community, e.building, e.unit,
                      e.room, e.phone, e.notes, o.status AS "status: OrderStatus",
                      coalesce((SELECT string_agg(d.name || '×' || l.quantity, $2)
                         FROM order_lines l JOIN dishes d ON d.id = l.dish_id WHERE l.order_id = o.id), '') AS "lines!: String"
               FROM delivery_stops st
               JOIN orders o ON o.id = st.order_id
               JOIN elders e ON e.id = o.elder_id
               JOIN communities c ON c.id = e.community_id
               WHERE st.route_id = $1 ORDER BY st.position"#,
            row.id,
            LINE_SEPARATOR
        )
        .fetch_all(pool)
        .await?;
        routes.push(RouteView {
            id: row.id,
            route_no: row.route_no,
            service_id,
            date,
            deliverer: row.deliverer.unwrap_or_default(),
            deliverer_phone: row.deliverer_phone.unwrap_or_default(),
            stops: stops.into_iter().map(stop_view).collect(),
        });
    }
    Ok(routes)
}

fn stop_view(row: StopRow) -> RouteStop {
    let status = row.status;
    let address = [row.building.as_str(), row.unit.as_str(), row.room.as_str()]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    RouteStop {
        order_id: row.order_id,
        position: row.position,
        elder_name: row.elder_name,
        address: format!("{} {address}", row.community),
        phone: row.phone,
        notes: row.notes,
        lines: dish_lines(&row.lines),
        status,
        can_mark: status.can_mark_delivery(),
    }
}

/// Delivery orders of the service and day that are on no route yet.
pub async fn unrouted(pool: &Pool, service_id: i64, date: NaiveDate) -> AppResult<i64> {
    let n = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!: i64" FROM orders o
           WHERE o.service_id = $1 AND o.date = $2 AND o.fulfilment = 'delivery' AND o.status <> 'cancelled'
             AND NOT EXISTS (SELECT 1 FROM delivery_stops st WHERE st.order_id = o.id)"#,
        service_id,
        date
    )
    .fetch_one(pool)
    .await?;
    Ok(n)
}

/// The service a stop's route belongs to, and its deliverer.
pub struct StopOwner {
    pub service_id: i64,
    pub route_id: i64,
    pub deliverer_id: Option<i64>,
    pub date: NaiveDate,
}

pub async fn stop_owner(pool: &Pool, order_id: i64) -> AppResult<StopOwner> {
    sqlx::query_as!(
        StopOwner,
        r#"SELECT r.service_id, r.id AS "route_id!", r.deliverer_id, r.date AS "date: NaiveDate"
           FROM delivery_stops st JOIN delivery_routes r ON r.id = st.route_id WHERE st.order_id = $1"#,
        order_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

/// Moves a stop one place up or down its route, or to the end of another route of the day.
pub async fn move_stop(pool: &Pool, order_id: i64, to: &str) -> AppResult<()> {
    let owner = stop_owner(pool, order_id).await?;
    let mut tx = crate::db::begin_immediate(pool).await?;
    let position = sqlx::query_scalar!(
        "SELECT position FROM delivery_stops WHERE order_id = $1",
        order_id
    )
    .fetch_one(&mut *tx)
    .await?;
    match to {
        "up" | "down" => {
            let neighbour = if to == "up" {
                position - 1
            } else {
                position + 1
            };
            let swapped = sqlx::query!(
                "UPDATE delivery_stops SET position = $1 WHERE route_id = $2 AND position = $3",
                position,
                owner.route_id,
                neighbour
            )
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if swapped == 0 {
                return Ok(());
            }
            sqlx::query!(
                "UPDATE delivery_stops SET position = $1 WHERE order_id = $2",
                neighbour,
                order_id
            )
            .execute(&mut *tx)
            .await?;
        }
        route_no => {
            let route_no: i64 = route_no.parse().map_err(|_| {
                AppError::invalid(crate::tr!(
                    "请选择要移到的路线。",
                    "Please choose the route to move to."
                ))
            })?;
            let target = sqlx::query_scalar!(
                r#"SELECT id AS "id!" FROM delivery_routes WHERE service_id = $1 AND date = $2 AND route_no = $3"#,
                owner.service_id,
                owner.date,
                route_no
            )
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| AppError::invalid(crate::tr!("没有这条路线。", "There is no such route.")))?;
            sqlx::query!(
                "UPDATE delivery_stops SET position = position - 1 WHERE route_id = $1 AND position > $2",
                owner.route_id,
                position
            )
            .execute(&mut *tx)
            .await?;
            sqlx::query!(
                "UPDATE delivery_stops SET route_id = $1,
                        position = (SELECT coalesce(max(position), 0) + 1 FROM delivery_stops WHERE route_id = $1)
                 WHERE order_id = $2",
                target,
                order_id
            )
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Gives a route to the account with this mobile number.
pub async fn assign(pool: &Pool, route_id: i64, phone: &str) -> AppResult<String> {
    let user = sqlx::query!("SELECT id, display_name FROM users WHERE phone = $1", phone)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| {
            AppError::invalid(crate::tr!(
                "没有找到这个手机号的用户，请先请他注册。",
                "No account has this mobile number. Please ask them to register first."
            ))
        })?;
    sqlx::query!(
        "UPDATE delivery_routes SET deliverer_id = $1 WHERE id = $2",
        user.id,
        route_id
    )
    .execute(pool)
    .await?;
    Ok(user.display_name)
}

/// The service of a route, to check the caller runs its canteen.
pub async fn route_service(pool: &Pool, route_id: i64) -> AppResult<i64> {
    sqlx::query_scalar!(
        "SELECT service_id FROM delivery_routes WHERE id = $1",
        route_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

/// Routes given to `user_id` from the day before `today` to the day after.
pub async fn my_route_days(
    pool: &Pool,
    user_id: i64,
    today: NaiveDate,
) -> AppResult<Vec<(i64, NaiveDate)>> {
    let from = today - chrono::Days::new(1);
    let to = today + chrono::Days::new(1);
    let rows = sqlx::query!(
        r#"SELECT DISTINCT service_id, date AS "date: NaiveDate" FROM delivery_routes
           WHERE deliverer_id = $1 AND date BETWEEN $2 AND $3 ORDER BY date, service_id"#,
        user_id,
        from,
        to
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|r| (r.service_id, r.date)).collect())
}

/// Who marks a stop: the account, and the name the family is told.
pub struct Deliverer<'a> {
    pub user_id: i64,
    pub name: &'a str,
}

/// Marks a stop delivered or not answered. 无人应答 notifies the elder's family and the staff
/// of the canteen's community in the same transaction.
pub async fn mark(
    pool: &Pool,
    by: Deliverer<'_>,
    order_id: i64,
    outcome: OrderStatus,
) -> AppResult<()> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let order = sqlx::query!(
        r#"SELECT o.status, o.elder_id, o.date AS "date: NaiveDate", e.name AS elder_name, e.building, e.unit, e.room,
                  s.meal, k.community_id, s.id AS service_id
           FROM orders o JOIN elders e ON e.id = o.elder_id
           JOIN meal_services s ON s.id = o.service_id JOIN canteens k ON k.id = s.canteen_id
           WHERE o.id = $1"#,
        order_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let status = OrderStatus::from_code(&order.status).unwrap_or(OrderStatus::Placed);
    if !status.can_mark_delivery() {
        return Err(AppError::conflict(crate::tr!(
            "这份餐还没有出餐，出发配送后才能标记送达结果。",
            "This meal has not been sent out yet. Stops can be marked once it is out for delivery."
        )));
    }
    let code = outcome.code();
    sqlx::query!(
        "UPDATE orders SET status = $1, status_changed_at = unixepoch() WHERE id = $2",
        code,
        order_id
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE delivery_stops SET marked_at = unixepoch(), marked_by = $1 WHERE order_id = $2",
        by.user_id,
        order_id
    )
    .execute(&mut *tx)
    .await?;
    if outcome == OrderStatus::NoAnswer && status != OrderStatus::NoAnswer {
        let meal = crate::canteen::model::menu::Meal::from_code(&order.meal);
        let message = crate::tr_each!(locale =>
            "无人应答：{}（{} {} {}）{}{}的送餐，送餐员{}敲门无人应答，请尽快联系长者。",
            "No answer: {} ({} {} {}), {} {} delivery. The deliverer {} knocked and nobody answered. Please contact the elder soon.",
            order.elder_name,
            order.building,
            order.unit,
            order.room,
            crate::i18n::dates::day_label(order.date, locale),
            meal.map_or("", |m| m.label_in(locale)),
            by.name
        );
        let family = sqlx::query_scalar!(
            "SELECT user_id FROM family_links WHERE elder_id = $1",
            order.elder_id
        )
        .fetch_all(&mut *tx)
        .await?;
        for member in family {
            crate::notify::db::notify(&mut tx, member, &message, "/canteen/orders").await?;
        }
        let staff = sqlx::query_scalar!(
            r#"SELECT DISTINCT user_id AS "user_id!" FROM user_roles
               WHERE role IN ('canteen_staff', 'worker', 'admin') AND community_id = $1"#,
            order.community_id
        )
        .fetch_all(&mut *tx)
        .await?;
        let link = format!(
            "/canteen/manage/routes?service={}&date={}",
            order.service_id, order.date
        );
        for member in staff {
            crate::notify::db::notify(&mut tx, member, &message, &link).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
