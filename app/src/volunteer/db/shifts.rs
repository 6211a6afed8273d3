//! Shifts and sign-ups. A shift never confirms more volunteers than it needs: counting and
//! inserting happen in one `BEGIN IMMEDIATE` transaction, and a cancellation promotes the
//! first on the waitlist in the same transaction. A delivery shift's confirmed volunteer is
//! the deliverer of its canteen route.

use crate::db::{Connection, Pool};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::canteen::model::menu::Meal;
use crate::error::{AppError, AppResult};
use crate::i18n::dates::day_label;
use crate::volunteer::model::shifts::{
    DeliveryRoute, ShiftKind, ShiftView, SignupStatus, SignupView,
};
use crate::volunteer::rules::shifts::{check_open, place_for, ShiftForSave};

pub fn already_signed_up() -> String {
    crate::tr!(
        "您已经报名了这个班次。",
        "You have already signed up for this shift."
    )
}

struct ShiftHead {
    date: NaiveDate,
    start_time: String,
    cutoff_hours: i64,
    needed: i64,
    route_id: Option<i64>,
    title: String,
}

async fn head(conn: &mut Connection, shift_id: i64) -> AppResult<ShiftHead> {
    sqlx::query_as!(
        ShiftHead,
        r#"SELECT date AS "date: NaiveDate", start_time, cutoff_hours, needed, route_id, title
           FROM shifts WHERE id = $1"#,
        shift_id
    )
    .fetch_optional(conn)
    .await?
    .ok_or(AppError::NotFound)
}

fn check_head_open(head: &ShiftHead, now: DateTime<Utc>) -> AppResult<()> {
    let start = NaiveTime::parse_from_str(&head.start_time, "%H:%M")
        .map_err(|e| AppError::internal("stored shift time", e))?;
    check_open(head.date, start, head.cutoff_hours, now)
}

async fn set_route_deliverer(
    conn: &mut Connection,
    route_id: Option<i64>,
    user_id: Option<i64>,
) -> AppResult<()> {
    if let Some(route_id) = route_id {
        sqlx::query!(
            "UPDATE delivery_routes SET deliverer_id = $1 WHERE id = $2",
            user_id,
            route_id
        )
        .execute(conn)
        .await?;
    }
    Ok(())
}

/// The outcome of a sign-up: confirmed, or waitlisted at `position` (1 = next in line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignupOutcome {
    pub status: SignupStatus,
    pub position: i64,
}

pub async fn sign_up(
    pool: &Pool,
    shift_id: i64,
    user_id: i64,
    now: DateTime<Utc>,
) -> AppResult<SignupOutcome> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let shift = head(&mut tx, shift_id).await?;
    check_head_open(&shift, now)?;
    let confirmed = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!: i64" FROM shift_signups WHERE shift_id = $1 AND status = 'confirmed'"#,
        shift_id
    )
    .fetch_one(&mut *tx)
    .await?;
    let status = place_for(confirmed, shift.needed);
    let code = status.code();
    let inserted = sqlx::query_scalar!(
        r#"INSERT INTO shift_signups (shift_id, user_id, status) VALUES ($1, $2, $3)
           RETURNING id AS "id!: i64""#,
        shift_id,
        user_id,
        code
    )
    .fetch_one(&mut *tx)
    .await;
    let signup_id = match inserted {
        Ok(id) => id,
        Err(e) if crate::db::is_unique_violation(&e) => {
            return Err(AppError::conflict(already_signed_up()))
        }
        Err(e) => return Err(e.into()),
    };
    let position = if status == SignupStatus::Confirmed {
        set_route_deliverer(&mut tx, shift.route_id, Some(user_id)).await?;
        0
    } else {
        sqlx::query_scalar!(
            r#"SELECT count(*) AS "n!: i64" FROM shift_signups
               WHERE shift_id = $1 AND status = 'waitlisted' AND id <= $2"#,
            shift_id,
            signup_id
        )
        .fetch_one(&mut *tx)
        .await?
    };
    tx.commit().await?;
    crate::figures::place("sign_up", status == SignupStatus::Confirmed);
    Ok(SignupOutcome { status, position })
}

/// Cancels the caller's sign-up before the cutoff; a freed place goes to the first on the
/// waitlist, who is told in the notification centre.
pub async fn cancel(pool: &Pool, shift_id: i64, user_id: i64, now: DateTime<Utc>) -> AppResult<()> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let shift = head(&mut tx, shift_id).await?;
    check_head_open(&shift, now)?;
    let was = sqlx::query_scalar!(
        "SELECT status FROM shift_signups WHERE shift_id = $1 AND user_id = $2 AND status <> 'cancelled'",
        shift_id,
        user_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| {
        AppError::conflict(crate::tr!(
            "您没有报名这个班次。",
            "You have not signed up for this shift."
        ))
    })?;
    sqlx::query!(
        "UPDATE shift_signups SET status = 'cancelled', changed_at = unixepoch()
         WHERE shift_id = $1 AND user_id = $2 AND status <> 'cancelled'",
        shift_id,
        user_id
    )
    .execute(&mut *tx)
    .await?;
    if was == SignupStatus::Confirmed.code() {
        let next = sqlx::query!(
            r#"SELECT id AS "id!", user_id FROM shift_signups
               WHERE shift_id = $1 AND status = 'waitlisted' ORDER BY id LIMIT 1"#,
            shift_id
        )
        .fetch_optional(&mut *tx)
        .await?;
        let promoted = next.map(|n| (n.id, n.user_id));
        if let Some((signup_id, promoted_user)) = promoted {
            sqlx::query!(
                "UPDATE shift_signups SET status = 'confirmed', changed_at = unixepoch() WHERE id = $1",
                signup_id
            )
            .execute(&mut *tx)
            .await?;
            let message = crate::tr_each!(locale =>
                "候补成功：您已确认参加“{}”（{} {}）。",
                "You are off the waitlist: you are confirmed for “{}” ({} {}).",
                shift.title,
                day_label(shift.date, locale),
                shift.start_time
            );
            crate::notify::db::notify(&mut tx, promoted_user, &message, "/volunteer/mine").await?;
        }
        set_route_deliverer(&mut tx, shift.route_id, promoted.map(|(_, u)| u)).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn create(pool: &Pool, shift: &ShiftForSave, created_by: i64) -> AppResult<i64> {
    let (kind, date) = (shift.kind.code(), shift.date);
    let (start, end) = (
        shift.start_time.format("%H:%M").to_string(),
        shift.end_time.format("%H:%M").to_string(),
    );
    let id = sqlx::query_scalar!(
        r#"INSERT INTO shifts (community_id, kind, title, place, date, start_time, end_time, needed, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           RETURNING id AS "id!: i64""#,
        shift.community_id,
        kind,
        shift.title,
        shift.place,
        date,
        start,
        end,
        shift.needed,
        created_by
    )
    .fetch_one(pool)
    .await?;
    Ok(id)
}

/// Offers each delivery route of a service and day as a one-volunteer shift, once; the route's
/// current deliverer, if any, is signed up already. Returns how many shifts were created.
pub async fn offer_routes(
    pool: &Pool,
    service_id: i64,
    date: NaiveDate,
    created_by: i64,
) -> AppResult<u64> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let routes = sqlx::query!(
        r#"SELECT r.id AS "id!", r.route_no, r.deliverer_id, s.meal, s.serve_time, k.name AS canteen, k.community_id,
                  (SELECT count(*) FROM delivery_stops st WHERE st.route_id = r.id) AS "stops!: i64"
           FROM delivery_routes r JOIN meal_services s ON s.id = r.service_id JOIN canteens k ON k.id = s.canteen_id
           WHERE r.service_id = $1 AND r.date = $2
             AND NOT EXISTS (SELECT 1 FROM shifts sh WHERE sh.route_id = r.id)
           ORDER BY r.route_no"#,
        service_id,
        date
    )
    .fetch_all(&mut *tx)
    .await?;
    for route in &routes {
        let title = format!(
            "{}送餐 · 路线 {}（{} 户）",
            Meal::from_code(&route.meal).map_or("", Meal::label),
            route.route_no,
            route.stops
        );
        let start = route.serve_time.clone();
        let end = NaiveTime::parse_from_str(&start, "%H:%M")
            .map(|t| {
                (t + chrono::Duration::minutes(90))
                    .format("%H:%M")
                    .to_string()
            })
            .unwrap_or_else(|_| start.clone());
        let kind = ShiftKind::Delivery.code();
        let shift_id = sqlx::query_scalar!(
            r#"INSERT INTO shifts (community_id, kind, title, place, date, start_time, end_time, needed, route_id, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9)
           RETURNING id AS "id!: i64""#,
            route.community_id,
            kind,
            title,
            route.canteen,
            date,
            start,
            end,
            route.id,
            created_by
        )
        .fetch_one(&mut *tx)
        .await?;
        if let Some(deliverer) = route.deliverer_id {
            sqlx::query!(
                "INSERT INTO shift_signups (shift_id, user_id, status) VALUES ($1, $2, 'confirmed')",
                shift_id,
                deliverer
            )
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(routes.len() as u64)
}

struct ShiftRow {
    id: i64,
    community: String,
    kind: ShiftKind,
    title: String,
    route_meal: Option<Meal>,
    route_no: Option<i64>,
    route_stops: i64,
    place: String,
    date: NaiveDate,
    start_time: String,
    end_time: String,
    needed: i64,
    cutoff_hours: i64,
    confirmed: i64,
    waitlisted: i64,
    my_status: Option<SignupStatus>,
    my_position: i64,
}

/// Shifts between two ISO dates (inclusive), optionally of one community, with the places
/// taken and the viewer's own sign-up.
pub async fn list(
    pool: &Pool,
    viewer: i64,
    community: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
    only_mine: bool,
) -> AppResult<Vec<ShiftView>> {
    let rows = sqlx::query_as!(
        ShiftRow,
        r#"SELECT sh.id AS "id!", c.name AS community, sh.kind AS "kind: ShiftKind", sh.title,
                  ms.meal AS "route_meal?: Meal", r.route_no AS "route_no?",
                  (SELECT count(*) FROM delivery_stops st WHERE st.route_id = r.id) AS "route_stops!: i64",
                  sh.place,
                  sh.date AS "date: NaiveDate", sh.start_time,
                  sh.end_time, sh.needed, sh.cutoff_hours,
                  (SELECT count(*) FROM shift_signups x WHERE x.shift_id = sh.id AND x.status = 'confirmed') AS "confirmed!: i64",
                  (SELECT count(*) FROM shift_signups x WHERE x.shift_id = sh.id AND x.status = 'waitlisted') AS "waitlisted!: i64",
                  me.status AS "my_status?: SignupStatus",
                  (SELECT count(*) FROM shift_signups x WHERE x.shift_id = sh.id AND x.status = 'waitlisted'
                     AND me.status = 'waitlisted' AND x.id <= me.id) AS "my_position!: i64"
           FROM shifts sh
           JOIN communities c ON c.id = sh.community_id
           LEFT JOIN delivery_routes r ON r.id = sh.route_id
           LEFT JOIN meal_services ms ON ms.id = r.service_id
           LEFT JOIN shift_signups me ON me.shift_id = sh.id AND me.user_id = $1 AND me.status <> 'cancelled'
           WHERE sh.date BETWEEN $2 AND $3 AND (CAST($4 AS BIGINT) IS NULL OR sh.community_id = $4)
             AND ($5 = FALSE OR me.id IS NOT NULL)
           ORDER BY sh.date, sh.start_time, sh.id"#,
        viewer,
        from,
        to,
        community,
        only_mine
    )
    .fetch_all(pool)
    .await?;
    let now = Utc::now();
    let today = crate::clock::today_in_shanghai();
    Ok(rows
        .into_iter()
        .map(|r| {
            let open = NaiveTime::parse_from_str(&r.start_time, "%H:%M")
                .is_ok_and(|start| check_open(r.date, start, r.cutoff_hours, now).is_ok());
            ShiftView {
                day_has_come: r.date <= today,
                id: r.id,
                community: r.community,
                kind: r.kind,
                title: r.title,
                route: r
                    .route_meal
                    .zip(r.route_no)
                    .map(|(meal, route_no)| DeliveryRoute {
                        meal,
                        route_no,
                        stops: r.route_stops,
                    }),
                place: r.place,
                date: r.date,
                start_time: r.start_time,
                end_time: r.end_time,
                needed: r.needed,
                confirmed: r.confirmed,
                waitlisted: r.waitlisted,
                my_status: r.my_status,
                my_position: r.my_position,
                open,
            }
        })
        .collect())
}

/// The community of a shift, for staff checks.
pub async fn community_of(pool: &Pool, shift_id: i64) -> AppResult<i64> {
    sqlx::query_scalar!("SELECT community_id FROM shifts WHERE id = $1", shift_id)
        .fetch_optional(pool)
        .await?
        .ok_or(AppError::NotFound)
}

/// Who signed up for a shift, confirmed first, then the waitlist in order.
pub async fn signups(pool: &Pool, shift_id: i64) -> AppResult<Vec<SignupView>> {
    let rows = sqlx::query_as!(
        SignupView,
        r#"SELECT u.display_name AS name, u.phone, s.status AS "status: SignupStatus"
           FROM shift_signups s JOIN users u ON u.id = s.user_id
           WHERE s.shift_id = $1 AND s.status <> 'cancelled'
           ORDER BY CASE s.status WHEN 'confirmed' THEN 0 ELSE 1 END, s.id"#,
        shift_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

/// Sends each confirmed volunteer one reminder the day before and one on the day of a shift;
/// returns how many were sent.
pub async fn send_reminders(pool: &Pool, today: NaiveDate) -> AppResult<usize> {
    let mut sent = 0;
    let days = [
        (
            today + chrono::Days::new(1),
            "day_before",
            ("明天", "tomorrow"),
        ),
        (today, "same_day", ("今天", "today")),
    ];
    for (date, which, (when, when_en)) in days {
        let mut tx = crate::db::begin_immediate(pool).await?;
        let due = sqlx::query!(
            r#"SELECT s.id AS "signup_id!", s.user_id, sh.title, sh.start_time, sh.place
               FROM shift_signups s JOIN shifts sh ON sh.id = s.shift_id
               WHERE sh.date = $1 AND s.status = 'confirmed'
                 AND NOT EXISTS (SELECT 1 FROM shift_reminders r WHERE r.signup_id = s.id AND r.which = $2)"#,
            date,
            which
        )
        .fetch_all(&mut *tx)
        .await?;
        for r in &due {
            sqlx::query!(
                "INSERT INTO shift_reminders (signup_id, which) VALUES ($1, $2)",
                r.signup_id,
                which
            )
            .execute(&mut *tx)
            .await?;
            let message = crate::tr_each!(
                "提醒：{when} {} 有您的班次“{}”，地点：{}。",
                "Reminder: your shift “{1}” starts {when_en} at {0}, at {2}.",
                r.start_time,
                r.title,
                r.place
            );
            crate::notify::db::notify(&mut tx, r.user_id, &message, "/volunteer/mine").await?;
        }
        tx.commit().await?;
        sent += due.len();
    }
    Ok(sent)
}
