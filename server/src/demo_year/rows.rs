//! Writing generated rows in bulk: multi-row `INSERT`s of up to 500 rows, each statement
//! prepared once per connection and reused for every full batch.
//!
//! The SQL of the year generator lives here and only here, as one column list per table.
//! It is built at run time (`sqlx::query` with binds) rather than checked by `query!`,
//! because a statement inserting hundreds of rows at once has a variable number of
//! placeholders, which the checked macros cannot express; row by row, a year of data would
//! take many times longer to write.

use std::borrow::Cow;

use app::db::Connection;
use chrono::NaiveDate;

/// A table and the columns the generator fills, in the order rows give their values.
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [&'static str],
}

macro_rules! tables {
    ($($konst:ident = $name:literal [$($column:literal),+ $(,)?];)+) => {
        $(pub const $konst: Table = Table { name: $name, columns: &[$($column),+] };)+
    };
}

tables! {
    COMMUNITIES = "communities" ["id", "subdistrict_id", "name"];
    USERS = "users" ["id", "phone", "display_name", "password_hash", "created_at"];
    USER_ROLES = "user_roles" ["user_id", "role", "community_id", "granted_at"];
    ELDERS = "elders" [
        "id", "name", "birth_date", "community_id", "building", "unit", "room", "phone",
        "needs_delivery", "allergies", "diet_needs", "subsidy_category", "notes", "user_id",
        "created_by", "created_at", "updated_at",
    ];
    FAMILY_LINKS = "family_links" ["elder_id", "user_id", "relation"];
    VOLUNTEER_PROFILES = "volunteer_profiles" [
        "user_id", "community_id", "skills", "is_party_member", "availability",
    ];
    CANTEENS = "canteens" ["id", "community_id", "name", "address", "opening_hours"];
    MEAL_SERVICES = "meal_services" [
        "id", "canteen_id", "meal", "cutoff_time", "serve_time", "capacity",
    ];
    DISHES = "dishes" [
        "id", "canteen_id", "name", "is_set_meal", "description", "price_fen", "allergens",
        "diet_tags",
    ];
    MENU_ITEMS = "menu_items" ["service_id", "date", "dish_id", "published"];
    ORDERS = "orders" [
        "id", "elder_id", "service_id", "date", "fulfilment", "status", "full_price_fen",
        "subsidy_fen", "pay_fen", "placed_by", "placed_at", "status_changed_at", "rating",
        "rating_comment",
    ];
    ORDER_LINES = "order_lines" ["order_id", "dish_id", "quantity", "unit_price_fen"];
    DELIVERY_ROUTES = "delivery_routes" ["id", "service_id", "date", "route_no", "deliverer_id"];
    DELIVERY_STOPS = "delivery_stops" ["order_id", "route_id", "position", "marked_at", "marked_by"];
    NOTIFICATIONS = "notifications" [
        "user_id", "message", "message_en", "link", "created_at", "read_at",
    ];
    SHIFTS = "shifts" [
        "id", "community_id", "kind", "title", "place", "date", "start_time", "end_time",
        "needed", "cutoff_hours", "route_id", "created_by", "created_at", "completed_at",
    ];
    SHIFT_SIGNUPS = "shift_signups" [
        "id", "shift_id", "user_id", "status", "signed_up_at", "changed_at",
    ];
    POINTS_LEDGER = "points_ledger" [
        "user_id", "community_id", "source", "source_id", "minutes", "points", "note",
        "created_at",
    ];
    SERVICE_REQUESTS = "service_requests" [
        "id", "community_id", "elder_id", "requester_id", "category", "detail", "wished_time",
        "place", "status", "volunteer_id", "posted_at", "dispatched_by", "dispatched_at",
        "taken_at", "done_at", "cancelled_at", "rating", "rating_comment", "rated_at",
    ];
    SEMESTERS = "semesters" [
        "id", "name", "starts_on", "ends_on", "returning_opens", "enroll_opens",
        "enroll_closes", "max_classes_per_person", "offer_hours", "open_at_committed",
    ];
    SCHOOL_SITES = "school_sites" ["id", "community_id", "name", "address"];
    ROOMS = "rooms" ["id", "site_id", "name"];
    SITE_TRAVEL = "site_travel" ["from_site", "to_site", "minutes"];
    TEACHERS = "teachers" ["id", "name", "phone", "subjects"];
    COURSES = "courses" ["id", "name", "description"];
    CLASSES = "classes" [
        "id", "semester_id", "course_id", "teacher_id", "name", "capacity", "fee_fen",
        "min_age", "community_id",
    ];
    CLASS_SLOTS = "class_slots" ["class_id", "room_id", "weekday", "start_time", "end_time"];
    ENROLLMENTS = "enrollments" [
        "id", "class_id", "elder_id", "status", "enrolled_by", "created_at", "changed_at",
        "offer_expires_at", "paid_at",
    ];
    ATTENDANCE = "attendance" ["class_id", "session_date", "elder_id", "present", "marked_by"];
}

/// One stored value.
pub enum Value {
    Int(i64),
    Text(Cow<'static, str>),
    Null,
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(v)
    }
}

impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Int(i64::from(v))
    }
}

impl From<&'static str> for Value {
    fn from(v: &'static str) -> Self {
        Value::Text(Cow::Borrowed(v))
    }
}

impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(Cow::Owned(v))
    }
}

impl From<NaiveDate> for Value {
    /// Dates are stored as ISO `YYYY-MM-DD`.
    fn from(v: NaiveDate) -> Self {
        Value::Text(Cow::Owned(v.format("%Y-%m-%d").to_string()))
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

/// `row![a, b, c]`: one row's values, in the table's column order.
macro_rules! row {
    ($($value:expr),+ $(,)?) => {
        [$($crate::demo_year::rows::Value::from($value)),+]
    };
}
pub(crate) use row;

/// Rows per table written so far, in the order tables were first written.
#[derive(Debug, Default, Clone)]
pub struct Written(pub Vec<(&'static str, u64)>);

impl Written {
    fn add(&mut self, table: &'static str, rows: u64) {
        match self.0.iter_mut().find(|(name, _)| *name == table) {
            Some((_, n)) => *n += rows,
            None => self.0.push((table, rows)),
        }
    }

    /// Rows written to `table`.
    pub fn rows(&self, table: &str) -> u64 {
        self.0
            .iter()
            .find(|(name, _)| *name == table)
            .map_or(0, |(_, n)| *n)
    }

    pub fn total(&self) -> u64 {
        self.0.iter().map(|(_, n)| n).sum()
    }
}

/// Rows gathered for one table, written with [`Rows::write`].
pub struct Rows {
    table: &'static Table,
    values: Vec<Value>,
}

impl Rows {
    pub fn new(table: &'static Table) -> Self {
        Rows {
            table,
            values: Vec::new(),
        }
    }

    pub fn push<const N: usize>(&mut self, row: [Value; N]) {
        assert_eq!(
            N,
            self.table.columns.len(),
            "columns of {}",
            self.table.name
        );
        self.values.extend(row);
    }

    pub fn len(&self) -> usize {
        self.values.len() / self.table.columns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Inserts the rows in batches on `conn` (inside the caller's transaction).
    pub async fn write(self, conn: &mut Connection, written: &mut Written) -> sqlx::Result<()> {
        let width = self.table.columns.len();
        let per_batch = (30_000 / width).min(500);
        let rows = self.len() as u64;
        let full_batch = insert_sql(self.table, per_batch);
        for batch in self.values.chunks(per_batch * width) {
            let rows_here = batch.len() / width;
            let sql = if rows_here == per_batch {
                Cow::Borrowed(full_batch.as_str())
            } else {
                Cow::Owned(insert_sql(self.table, rows_here))
            };
            let mut query = sqlx::query(sql.as_ref());
            for value in batch {
                query = match value {
                    Value::Int(v) => query.bind(*v),
                    Value::Text(v) => query.bind(v.as_ref()),
                    Value::Null => query.bind(None::<i64>),
                };
            }
            query.execute(&mut *conn).await?;
        }
        written.add(self.table.name, rows);
        Ok(())
    }
}

/// `INSERT INTO t (a, b) VALUES (?, ?), (?, ?), …` for `rows` rows.
fn insert_sql(table: &Table, rows: usize) -> String {
    let one = format!("({})", vec!["?"; table.columns.len()].join(", "));
    format!(
        "INSERT INTO {} ({}) VALUES {}",
        table.name,
        table.columns.join(", "),
        vec![one; rows].join(", ")
    )
}

/// The next free id of each table whose ids the generator chooses itself, so that rows can
/// name their parents before those are written.
pub struct Ids(Vec<(&'static str, i64)>);

impl Ids {
    /// Reads the largest id of each table.
    pub async fn read(conn: &mut Connection, tables: &[&'static Table]) -> sqlx::Result<Ids> {
        let mut next = Vec::with_capacity(tables.len());
        for table in tables {
            let sql = format!("SELECT coalesce(max(id), 0) FROM {}", table.name);
            let max: i64 = sqlx::query_scalar(&sql).fetch_one(&mut *conn).await?;
            next.push((table.name, max + 1));
        }
        Ok(Ids(next))
    }

    /// A new id for a row of `table`.
    pub fn next(&mut self, table: &Table) -> i64 {
        let (_, next) = self
            .0
            .iter_mut()
            .find(|(name, _)| *name == table.name)
            .unwrap_or_else(|| panic!("ids of {} were not read", table.name));
        *next += 1;
        *next - 1
    }
}

/// Commits are not synced on this connection: the generator writes a throw-away database,
/// and a crash means running it again. Returns what the setting was.
pub async fn unsynced(conn: &mut Connection) -> sqlx::Result<i64> {
    let before: i64 = sqlx::query_scalar("PRAGMA synchronous")
        .fetch_one(&mut *conn)
        .await?;
    sqlx::query("PRAGMA synchronous = OFF")
        .execute(&mut *conn)
        .await?;
    Ok(before)
}

/// Puts the connection's `synchronous` back, refreshes the planner's statistics, and moves
/// everything written from the write-ahead log into the database file.
pub async fn finish(conn: &mut Connection, synchronous: i64) -> sqlx::Result<()> {
    sqlx::query(&format!("PRAGMA synchronous = {synchronous}"))
        .execute(&mut *conn)
        .await?;
    sqlx::query("ANALYZE").execute(&mut *conn).await?;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The tables whose ids the generator chooses.
pub const WITH_IDS: [&Table; 18] = [
    &COMMUNITIES,
    &USERS,
    &ELDERS,
    &CANTEENS,
    &MEAL_SERVICES,
    &DISHES,
    &ORDERS,
    &DELIVERY_ROUTES,
    &SHIFTS,
    &SHIFT_SIGNUPS,
    &SERVICE_REQUESTS,
    &SEMESTERS,
    &SCHOOL_SITES,
    &ROOMS,
    &TEACHERS,
    &COURSES,
    &CLASSES,
    &ENROLLMENTS,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_names_every_column_once_and_a_placeholder_per_value() {
        assert_eq!(
            insert_sql(&ROOMS, 2),
            "INSERT INTO rooms (id, site_id, name) VALUES (?, ?, ?), (?, ?, ?)"
        );
    }
}
