//! Class rosters: enrolled students with fee and attendance, the waitlist, and the CSV for
//! the office. Attendance for a meeting is written in one transaction, all students at once.

use crate::db::Pool;
use chrono::NaiveDate;

use crate::domain::age::age_on;
use crate::error::{AppError, AppResult};
use crate::export::csv_field;
use crate::school::model::enrollment::EnrollmentStatus;
use crate::school::model::roster::{AttendanceForm, Roster, RosterStudent, WaitingStudent};
use crate::school::rules::sessions::{check_attendance_date, current_session, session_dates};

pub async fn class_of_enrollment(pool: &Pool, enrollment_id: i64) -> AppResult<i64> {
    sqlx::query_scalar!(
        "SELECT class_id FROM enrollments WHERE id = $1",
        enrollment_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

/// Every meeting date of the class in its semester.
pub async fn class_sessions(pool: &Pool, class_id: i64) -> AppResult<Vec<NaiveDate>> {
    let semester = sqlx::query!(
        r#"SELECT s.starts_on AS "starts_on: NaiveDate", s.ends_on AS "ends_on: NaiveDate"
           FROM classes c JOIN semesters s ON s.id = c.semester_id WHERE c.id = $1"#,
        class_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let weekdays: Vec<u32> = sqlx::query_scalar!(
        "SELECT DISTINCT weekday FROM class_slots WHERE class_id = $1",
        class_id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .filter_map(|d| u32::try_from(d).ok())
    .collect();
    Ok(session_dates(
        semester.starts_on,
        semester.ends_on,
        &weekdays,
    ))
}

struct StudentRow {
    enrollment_id: i64,
    elder_id: i64,
    name: String,
    birth_date: NaiveDate,
    phone: String,
    paid_at: Option<i64>,
    present: Option<i64>,
    attended: i64,
}

async fn students(
    pool: &Pool,
    class_id: i64,
    session: Option<NaiveDate>,
) -> AppResult<Vec<StudentRow>> {
    Ok(sqlx::query_as!(
        StudentRow,
        r#"SELECT e.id AS "enrollment_id!", e.elder_id, el.name, el.birth_date AS "birth_date: NaiveDate", el.phone, e.paid_at,
                  (SELECT a.present FROM attendance a WHERE a.class_id = e.class_id AND a.elder_id = e.elder_id
                     AND a.session_date = $2) AS "present: i64",
                  (SELECT count(*) FROM attendance a WHERE a.class_id = e.class_id AND a.elder_id = e.elder_id
                     AND a.present = TRUE) AS "attended!: i64"
           FROM enrollments e JOIN elders el ON el.id = e.elder_id
           WHERE e.class_id = $1 AND e.status = 'enrolled' ORDER BY e.id"#,
        class_id,
        session
    )
    .fetch_all(pool)
    .await?)
}

pub async fn roster(
    pool: &Pool,
    class_id: i64,
    session: Option<NaiveDate>,
    today: NaiveDate,
) -> AppResult<Roster> {
    let class = sqlx::query!(
        "SELECT c.name, c.fee_fen, t.name AS teacher FROM classes c JOIN teachers t ON t.id = c.teacher_id WHERE c.id = $1",
        class_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let dates = class_sessions(pool, class_id).await?;
    let chosen = session
        .filter(|d| dates.contains(d))
        .or_else(|| current_session(&dates, today));
    let mut list = Vec::new();
    for s in students(pool, class_id, chosen).await? {
        list.push(RosterStudent {
            age: age_on(s.birth_date, today),
            enrollment_id: s.enrollment_id,
            elder_id: s.elder_id,
            name: s.name,
            phone: s.phone,
            paid: s.paid_at.is_some(),
            present: s.present.map(|p| p == 1),
            attended: s.attended,
        });
    }
    let taken = sqlx::query_scalar!(
        r#"SELECT count(DISTINCT session_date) AS "n!: i64" FROM attendance WHERE class_id = $1"#,
        class_id
    )
    .fetch_one(pool)
    .await?;
    let waiting = sqlx::query!(
        r#"SELECT el.name, e.status AS "status: EnrollmentStatus" FROM enrollments e JOIN elders el ON el.id = e.elder_id
         WHERE e.class_id = $1 AND e.status IN ('waitlisted', 'offered') ORDER BY e.id"#,
        class_id
    )
    .fetch_all(pool)
    .await?;
    let mut place = 0;
    let waiting = waiting
        .into_iter()
        .map(|w| {
            let position = if w.status == EnrollmentStatus::Waitlisted {
                place += 1;
                place
            } else {
                0
            };
            WaitingStudent {
                name: w.name,
                status: w.status,
                position,
            }
        })
        .collect();
    Ok(Roster {
        class_id,
        class_name: class.name,
        teacher: class.teacher,
        fee_fen: class.fee_fen,
        sessions: dates,
        session: chosen,
        taken,
        students: list,
        waiting,
    })
}

/// Marks an enrolled student's fee paid (now) or unpaid, and records who did it.
pub async fn set_paid(
    pool: &Pool,
    enrollment_id: i64,
    paid: bool,
    actor: i64,
    now: i64,
) -> AppResult<()> {
    let mut tx = pool.begin().await?;
    let paid_at = paid.then_some(now);
    let changed = sqlx::query!(
        "UPDATE enrollments SET paid_at = $1 WHERE id = $2 AND status = 'enrolled'",
        paid_at,
        enrollment_id
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(AppError::conflict(crate::tr!(
            "这位学员已不在班上。",
            "This student is no longer in the class."
        )));
    }
    let detail = if paid {
        crate::tr_each!(
            "报名 #{enrollment_id} 已缴学费",
            "Enrollment #{enrollment_id}: fee paid"
        )
    } else {
        crate::tr_each!(
            "报名 #{enrollment_id} 改为未缴学费",
            "Enrollment #{enrollment_id}: fee marked unpaid"
        )
    };
    crate::db::record_audit(&mut tx, actor, "school.fee", &detail).await?;
    tx.commit().await?;
    Ok(())
}

/// Records one meeting's attendance for every enrolled student: those in `form.present` were
/// there, the others were not. Someone not on the roster is refused and nothing is written.
pub async fn save_attendance(
    pool: &Pool,
    form: &AttendanceForm,
    session: NaiveDate,
    marked_by: i64,
    today: NaiveDate,
) -> AppResult<()> {
    let dates = class_sessions(pool, form.class_id).await?;
    check_attendance_date(&dates, session, today)?;
    let mut tx = crate::db::begin_immediate(pool).await?;
    let enrolled: Vec<i64> = sqlx::query_scalar!(
        "SELECT elder_id FROM enrollments WHERE class_id = $1 AND status = 'enrolled'",
        form.class_id
    )
    .fetch_all(&mut *tx)
    .await?;
    if form.present.iter().any(|id| !enrolled.contains(id)) {
        return Err(AppError::invalid(crate::tr!(
            "名单里没有这位学员，请刷新后再记。",
            "This student is not on the roster. Please refresh the page and try again."
        )));
    }
    for elder in enrolled {
        let present = form.present.contains(&elder);
        sqlx::query!(
            "INSERT INTO attendance (class_id, session_date, elder_id, present, marked_by) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (class_id, session_date, elder_id) DO UPDATE SET present = excluded.present, marked_by = excluded.marked_by",
            form.class_id,
            session,
            elder,
            present,
            marked_by
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The roster as CSV (with a BOM so spreadsheet programs read the Chinese): name, age,
/// phone, fee status and meetings attended.
pub async fn roster_csv(pool: &Pool, class_id: i64, today: NaiveDate) -> AppResult<String> {
    let roster = roster(pool, class_id, None, today).await?;
    let mut out = String::from("\u{feff}姓名,年龄,电话,学费,出勤次数\r\n");
    for s in &roster.students {
        out.push_str(&format!(
            "{},{},{},{},{}\r\n",
            csv_field(&s.name),
            s.age,
            csv_field(&s.phone),
            if s.paid { "已缴" } else { "未缴" },
            s.attended
        ));
    }
    Ok(out)
}
