//! A year of made-up data for measuring the app on a 街道's full load
//! (`server demo --scale year`): the normal demo first, then 50 more communities, each with
//! a canteen, ~150 elders and their families, staff and volunteers, and 365 days of meal
//! orders, delivery routes, school terms, volunteer shifts and service requests.
//!
//! Everything comes from one seeded random generator and from `today`, so two runs on the same
//! day write the same rows. Prices, subsidies and routes come from the app's own rules; codes
//! and money units are the ones the app stores.

mod canteen;
mod delivery;
mod names;
mod orders;
mod people;
mod requests;
pub mod rows;
mod school;
mod volunteer;

use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use app::canteen::rules::pricing::SubsidyRule;
use app::db::Pool;
use chrono::NaiveDate;
use rand::rngs::StdRng;
use rand::SeedableRng;
use sqlx::Connection as _;

use rows::{Ids, Written};

/// How much to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// 50 communities, 365 days: the size the dashboard is measured on.
    Year,
    /// 2 communities, 7 days: enough to check the shape of every table quickly.
    Week,
}

impl Scale {
    pub fn parse(text: &str) -> anyhow::Result<Scale> {
        match text {
            "year" => Ok(Scale::Year),
            "week" => Ok(Scale::Week),
            other => bail!("unknown scale {other}; expected `year` or `week`"),
        }
    }

    fn shape(self) -> Shape {
        match self {
            Scale::Year => Shape {
                communities: 50,
                days: 365,
                elders: (130, 170),
                volunteers: (15, 25),
            },
            Scale::Week => Shape {
                communities: 2,
                days: 7,
                elders: (24, 30),
                volunteers: (4, 6),
            },
        }
    }
}

struct Shape {
    communities: usize,
    /// Days of history, today included.
    days: i64,
    /// Elders per community, fewest and most.
    elders: (usize, usize),
    volunteers: (usize, usize),
}

/// The seed of every run: the same data each time.
const SEED: u64 = 0x5846_5945_4152;

/// What the generator works with while it writes.
struct Gen {
    rng: StdRng,
    today: NaiveDate,
    shape: Shape,
    /// The moment the data describes (today 12:15 in Shanghai): lunch is being delivered,
    /// dinner is still open for orders.
    now: i64,
    /// One argon2 hash of the demo password, shared by every generated account.
    password_hash: String,
    subsidy_rules: Vec<SubsidyRule>,
    ids: Ids,
    written: Written,
}

impl Gen {
    /// The first day of history.
    fn first_day(&self) -> NaiveDate {
        self.today - chrono::Duration::days(self.shape.days - 1)
    }

    /// Every day of history, oldest first.
    fn days(&self) -> impl Iterator<Item = NaiveDate> {
        let first = self.first_day();
        (0..self.shape.days).map(move |d| first + chrono::Duration::days(d))
    }
}

/// Unix seconds of a Shanghai wall-clock time, `minute` minutes after midnight of `date`
/// (beyond 1440 runs into the next days).
fn at(date: NaiveDate, minute: i64) -> i64 {
    let midnight = date
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc()
        .timestamp();
    midnight - i64::from(app::clock::SHANGHAI_UTC_OFFSET_SECS) + minute * 60
}

/// What a run wrote and how long it took.
pub struct Report {
    pub written: Written,
    pub took: Duration,
}

impl Report {
    pub fn lines(&self) -> String {
        let mut out = String::new();
        for (table, rows) in &self.written.0 {
            out.push_str(&format!("{table:>20} {rows:>10}\n"));
        }
        out.push_str(&format!(
            "{:>20} {:>10}\nwritten in {:.1} s\n",
            "total",
            self.written.total(),
            self.took.as_secs_f64()
        ));
        out
    }
}

/// Fills an empty database: the demo, then `scale` of generated history up to `today`.
/// Refused when the database already has accounts.
pub async fn generate(pool: &Pool, scale: Scale, today: NaiveDate) -> anyhow::Result<Report> {
    let started = Instant::now();
    let accounts = sqlx::query_scalar!(r#"SELECT count(*) AS "n!: i64" FROM users"#)
        .fetch_one(pool)
        .await?;
    if accounts > 0 {
        bail!(
            "this database already has {accounts} accounts; the demo data goes only into a new, \
             empty database (name another file in DATABASE_URL)"
        );
    }
    crate::demo::load_if_empty(pool).await?;
    let password_hash =
        sqlx::query_scalar!("SELECT password_hash FROM users WHERE phone = '13900000001'")
            .fetch_one(pool)
            .await
            .context("the demo admin 13900000001")?;
    let subsidy_rules = app::canteen::db::menu::subsidy_rules(pool).await?;
    let semester = app::school::db::semester::latest(pool)
        .await?
        .context("the demo semester")?;
    let mut conn = pool.acquire().await?;
    let synchronous = rows::unsynced(&mut conn).await?;
    let ids = Ids::read(&mut conn, &rows::WITH_IDS).await?;
    let mut gen = Gen {
        rng: StdRng::seed_from_u64(SEED),
        today,
        now: at(today, 12 * 60 + 15),
        shape: scale.shape(),
        password_hash,
        subsidy_rules,
        ids,
        written: Written::default(),
    };
    // One transaction per part: the people, the school, then each community's year.
    let mut tx = conn.begin().await?;
    let communities = people::write(&mut tx, &mut gen).await?;
    let classes = school::write(&mut tx, &mut gen, &communities, &semester).await?;
    tx.commit().await?;
    for community in &communities {
        let mut tx = conn.begin().await?;
        let routes = canteen::write(&mut tx, &mut gen, community).await?;
        volunteer::write(&mut tx, &mut gen, community, &routes, &classes).await?;
        tx.commit().await?;
    }
    rows::finish(&mut conn, synchronous).await?;
    Ok(Report {
        written: gen.written,
        took: started.elapsed(),
    })
}
