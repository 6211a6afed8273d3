//! Background work, every half hour and at start-up: weekly standing orders become concrete
//! orders for the days inside the ordering window, and volunteers are reminded of tomorrow's
//! and today's shifts. Running either again changes nothing.

use std::time::Duration;

use sqlx::SqlitePool;

pub const STANDING_ORDER_INTERVAL: Duration = Duration::from_secs(30 * 60);

/// Runs the standing-order job once and logs what it did.
pub async fn place_standing_orders(pool: &SqlitePool) {
    let today = app::clock::today_in_shanghai();
    match app::canteen::standing::run(pool, today, chrono::Utc::now(), None).await {
        Ok(summary) => tracing::info!(
            placed = summary.placed,
            refused = summary.refused,
            "standing orders"
        ),
        Err(error) => tracing::error!(%error, "standing orders failed"),
    }
}

/// Reminds confirmed volunteers of tomorrow's and today's shifts, once each.
pub async fn remind_volunteers(pool: &SqlitePool) {
    let today = app::clock::today_in_shanghai();
    match app::volunteer::shifts_db::send_reminders(pool, today).await {
        Ok(sent) if sent > 0 => tracing::info!(sent, "shift reminders"),
        Ok(_) => {}
        Err(error) => tracing::error!(%error, "shift reminders failed"),
    }
}

/// Lets unanswered offers of class seats lapse and offers them to the next in line.
pub async fn lapse_school_offers(pool: &SqlitePool) {
    match app::school::enroll_db::lapse_offers(pool, app::clock::now_unix()).await {
        Ok(lapsed) if lapsed > 0 => tracing::info!(lapsed, "class seat offers lapsed"),
        Ok(_) => {}
        Err(error) => tracing::error!(%error, "lapsing class seat offers failed"),
    }
}

/// Starts the job loop on the runtime; it stops with the process.
pub fn spawn(pool: SqlitePool) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(STANDING_ORDER_INTERVAL);
        loop {
            tick.tick().await;
            place_standing_orders(&pool).await;
            remind_volunteers(&pool).await;
            lapse_school_offers(&pool).await;
        }
    });
}
