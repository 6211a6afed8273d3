//! Background work, every half hour and at start-up: weekly standing orders become concrete
//! orders for the days inside the ordering window, volunteers are reminded of tomorrow's and
//! today's shifts, unanswered class offers lapse, and old rows are swept (ended sessions, failed
//! log-ins past the throttling window, notifications read a month ago). Running any of them
//! again changes nothing. Scheduled backups (`XINGFU_BACKUP_DIR`) run on their own timer. On
//! shutdown the loops finish the run they are in and stop.

use std::time::Duration;

use app::db::Pool;
use app::live::bus::LiveBus;
use app::live::model::LiveKind;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::config::BackupSchedule;

pub const STANDING_ORDER_INTERVAL: Duration = Duration::from_secs(30 * 60);

/// Runs the standing-order job once, announces the orders it placed to the live boards, and
/// logs what it did.
pub async fn place_standing_orders(pool: &Pool, live: &LiveBus) {
    let today = app::clock::today_in_shanghai();
    let ran = app::canteen::db::standing::run_listing(pool, today, chrono::Utc::now(), None).await;
    crate::metrics::job_ran("standing_orders", ran.is_ok());
    match ran {
        Ok((summary, placed)) => {
            live.publish(pool, LiveKind::OrderPlaced, &placed).await;
            tracing::info!(
                placed = summary.placed,
                refused = summary.refused,
                "standing orders"
            )
        }
        Err(error) => tracing::error!(%error, "standing orders failed"),
    }
}

/// Reminds confirmed volunteers of tomorrow's and today's shifts, once each.
pub async fn remind_volunteers(pool: &Pool) {
    let today = app::clock::today_in_shanghai();
    let ran = app::volunteer::db::shifts::send_reminders(pool, today).await;
    crate::metrics::job_ran("shift_reminders", ran.is_ok());
    match ran {
        Ok(sent) if sent > 0 => tracing::info!(sent, "shift reminders"),
        Ok(_) => {}
        Err(error) => tracing::error!(%error, "shift reminders failed"),
    }
}

/// Lets unanswered offers of class seats lapse and offers them to the next in line.
pub async fn lapse_school_offers(pool: &Pool) {
    let ran = app::school::db::enrollment::lapse_offers(pool, app::clock::now_unix()).await;
    crate::metrics::job_ran("class_offers", ran.is_ok());
    match ran {
        Ok(lapsed) if lapsed > 0 => tracing::info!(lapsed, "class seat offers lapsed"),
        Ok(_) => {}
        Err(error) => tracing::error!(%error, "lapsing class seat offers failed"),
    }
}

/// Failed log-ins are kept a day (the throttle looks back 15 minutes).
const KEEP_LOGIN_FAILURES_SECS: i64 = 24 * 3600;
/// Read notifications are kept 30 days.
const KEEP_READ_NOTIFICATIONS_SECS: i64 = 30 * 24 * 3600;

/// Deletes ended sessions, old failed log-ins and notifications read long ago.
pub async fn sweep(pool: &Pool) {
    let times = app::auth::session::session_times(&app::state::Config::default());
    let now = times.now;
    let swept = async {
        let sessions = app::auth::db::delete_expired_sessions(pool, &times).await?;
        let failures =
            app::auth::db::delete_login_failures_before(pool, now - KEEP_LOGIN_FAILURES_SECS)
                .await?;
        let notifications =
            app::notify::db::delete_read_before(pool, now - KEEP_READ_NOTIFICATIONS_SECS).await?;
        Ok::<_, app::error::AppError>((sessions, failures, notifications))
    };
    let swept = swept.await;
    crate::metrics::job_ran("sweep", swept.is_ok());
    match swept {
        Ok((0, 0, 0)) => {}
        Ok((sessions, failures, notifications)) => {
            tracing::info!(sessions, failures, notifications, "swept old rows")
        }
        Err(error) => tracing::error!(%error, "sweeping old rows failed"),
    }
}

/// Takes one scheduled backup and removes the oldest beyond the number kept.
pub async fn scheduled_backup(url: &str, schedule: &BackupSchedule) {
    if let Err(error) = std::fs::create_dir_all(&schedule.dir) {
        tracing::error!(%error, dir = %schedule.dir.display(), "backup directory cannot be made");
        return;
    }
    let taken = crate::backup::scheduled_backup(url, &schedule.dir, schedule.keep).await;
    crate::metrics::job_ran("backup", taken.is_ok());
    match taken {
        Ok(copy) => {
            crate::metrics::backup_taken(std::time::SystemTime::now());
            tracing::info!(file = %copy.path.display(), bytes = copy.bytes, "backup taken")
        }
        Err(error) => tracing::error!(error = format!("{error:#}"), "backup failed"),
    }
}

/// Runs `work` now and then every `every` until `stop` turns true.
async fn every<F, Fut>(every: Duration, mut stop: watch::Receiver<bool>, mut work: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut tick = tokio::time::interval(every);
    loop {
        tokio::select! {
            _ = tick.tick() => work().await,
            changed = stop.changed() => {
                if changed.is_err() || *stop.borrow() {
                    return;
                }
            }
        }
    }
}

/// Starts the job loops with no live board to tell; see [`spawn_announcing`].
pub fn spawn(
    pool: Pool,
    url: String,
    backups: Option<BackupSchedule>,
) -> (watch::Sender<bool>, JoinHandle<()>) {
    spawn_announcing(pool, url, backups, LiveBus::default())
}

/// Starts the job loops, announcing placed orders on `live`; send `true` on the returned
/// sender to stop them, then await the handle.
pub fn spawn_announcing(
    pool: Pool,
    url: String,
    backups: Option<BackupSchedule>,
    live: LiveBus,
) -> (watch::Sender<bool>, JoinHandle<()>) {
    let (stop, stopped) = watch::channel(false);
    let half_hourly = every(STANDING_ORDER_INTERVAL, stopped.clone(), move || {
        let (pool, live) = (pool.clone(), live.clone());
        async move {
            place_standing_orders(&pool, &live).await;
            remind_volunteers(&pool).await;
            lapse_school_offers(&pool).await;
            sweep(&pool).await;
        }
    });
    let handle = tokio::spawn(async move {
        match backups {
            Some(schedule) => {
                let backups = every(schedule.every, stopped, move || {
                    let (url, schedule) = (url.clone(), schedule.clone());
                    async move { scheduled_backup(&url, &schedule).await }
                });
                tokio::join!(half_hourly, backups);
            }
            None => half_hourly.await,
        }
    });
    (stop, handle)
}
