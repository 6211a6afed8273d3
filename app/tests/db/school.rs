//! Database tests for the elderly school: a class never seats more than its capacity when
//! hundreds enroll at once; freed seats are offered to the waitlist in order, with no gaps or
//! duplicates while drops and enrollments interleave; offers lapse and pass on; the timetable
//! refuses clashing slots with the reason.

use app::db::Pool;
use app::school::db::enrollment::{
    answer_offer, drop_enrollment, enroll, lapse_offers, set_capacity,
};
use app::school::db::timetable::save_slot;
use app::school::model::enrollment::EnrollmentStatus;
use app::school::rules::timetable::Slot;
use chrono::{NaiveDate, NaiveTime};

use crate::fixtures::{all_at_once, count, racing_pool};

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

pub const NOW: i64 = 1_795_400_000;

/// A semester open for enrollment, two sites 40 minutes apart, a teacher, a 书法 class of
/// `capacity` on Monday 09:00–10:30 in room 1, and `people` elders (ids 1..=people).
pub async fn school_with(pool: &Pool, capacity: i64, people: i64) -> i64 {
    let setup = [
        "INSERT INTO users (id, phone, display_name, password_hash) VALUES (1, '13800138000', '陈静', 'x')",
        "INSERT INTO semesters (id, name, starts_on, ends_on, returning_opens, enroll_opens, enroll_closes, max_classes_per_person, offer_hours)
         VALUES (1, '2027 春季', '2027-03-01', '2027-06-30', '2026-11-01', '2026-11-10', '2026-12-31', 3, 48)",
        "INSERT INTO school_sites (id, community_id, name, address) VALUES (1, 1, '红河社区教学点', '红河社区'), (2, 2, '界牌社区教学点', '界牌社区')",
        "INSERT INTO rooms (id, site_id, name) VALUES (1, 1, '一楼教室'), (2, 1, '二楼教室'), (3, 2, '活动室')",
        "INSERT INTO site_travel (from_site, to_site, minutes) VALUES (1, 2, 40)",
        "INSERT INTO teachers (id, name) VALUES (1, '周老师'), (2, '吴老师')",
        "INSERT INTO courses (id, name) VALUES (1, '书法'), (2, '太极')",
    ];
    for sql in setup {
        sqlx::query(sql).execute(pool).await.unwrap();
    }
    sqlx::query("INSERT INTO classes (id, semester_id, course_id, teacher_id, name, capacity, fee_fen, min_age) VALUES (1, 1, 1, 1, '书法·周一班', $1, 14000, 55)")
        .bind(capacity)
        .execute(pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO class_slots (class_id, room_id, weekday, start_time, end_time) VALUES (1, 1, 1, '09:00', '10:30')")
        .execute(pool)
        .await
        .unwrap();
    for i in 1..=people {
        sqlx::query("INSERT INTO elders (id, name, birth_date, community_id, building, room, created_by) VALUES ($1, $2, '1955-05-01', 1, '1栋', $3, 1)")
            .bind(i)
            .bind(format!("学员{i}"))
            .bind(format!("{i}"))
            .execute(pool)
            .await
            .unwrap();
    }
    crate::fixtures::numbered_after_fixtures(pool).await;
    1
}

async fn ids_with(pool: &Pool, status: &str) -> Vec<i64> {
    sqlx::query_scalar("SELECT elder_id FROM enrollments WHERE status = $1 ORDER BY id")
        .bind(status)
        .fetch_all(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn five_hundred_racing_for_thirty_seats_get_thirty_and_a_strict_waitlist(test_pool: Pool) {
    let pool = racing_pool(&test_pool).await;
    let class = school_with(&pool, 30, 500).await;
    let outcomes = all_at_once(&pool, 1..=500, |pool, elder| async move {
        enroll(&pool, class, elder, 1, today()).await
    })
    .await;
    let (mut seated, mut positions) = (0, Vec::new());
    for outcome in outcomes {
        let outcome = outcome.expect("no errors, only waitlisting");
        match outcome.status {
            EnrollmentStatus::Enrolled => seated += 1,
            _ => positions.push(outcome.position),
        }
    }
    assert_eq!(seated, 30);
    positions.sort_unstable();
    assert_eq!(positions, (1..=470).collect::<Vec<i64>>());
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn drops_and_enrollments_interleaved_offer_seats_in_order_without_gaps_or_duplicates(
    test_pool: Pool,
) {
    let pool = racing_pool(&test_pool).await;
    let class = school_with(&pool, 30, 60).await;
    for elder in 1..=40 {
        enroll(&pool, class, elder, 1, today()).await.unwrap();
    }
    let enrolled_ids: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM enrollments WHERE elder_id <= 5 ORDER BY id")
            .fetch_all(&pool)
            .await
            .unwrap();
    let (dropped, enrolled) = tokio::join!(
        all_at_once(&pool, enrolled_ids, |pool, id| async move {
            drop_enrollment(&pool, id, NOW).await
        }),
        all_at_once(&pool, 41..=50, |pool, elder| async move {
            enroll(&pool, class, elder, 1, today()).await.map(|_| ())
        }),
    );
    dropped.into_iter().chain(enrolled).for_each(Result::unwrap);
    assert_eq!(
        ids_with(&pool, "offered").await,
        vec![31, 32, 33, 34, 35],
        "the first five waiting"
    );
    assert_eq!(ids_with(&pool, "enrolled").await.len(), 25);
    let waiting = ids_with(&pool, "waitlisted").await;
    assert_eq!(waiting.len(), 15);
    assert_eq!(
        &waiting[..5],
        &[36, 37, 38, 39, 40],
        "then the rest, in order"
    );
    let mut all: Vec<i64> = sqlx::query_scalar(
        "SELECT elder_id FROM enrollments WHERE status IN ('enrolled', 'offered', 'waitlisted')",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), 45, "nobody lost or doubled");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn an_offer_is_accepted_declined_or_lapses_and_passes_on(pool: Pool) {
    let class = school_with(&pool, 1, 4).await;
    for elder in 1..=4 {
        enroll(&pool, class, elder, 1, today()).await.unwrap();
    }
    let first = count(&pool, "SELECT id FROM enrollments WHERE elder_id = 1").await;
    drop_enrollment(&pool, first, NOW).await.unwrap();
    assert_eq!(ids_with(&pool, "offered").await, vec![2]);
    let second = count(&pool, "SELECT id FROM enrollments WHERE elder_id = 2").await;
    answer_offer(&pool, second, false, NOW + 60).await.unwrap();
    assert_eq!(
        ids_with(&pool, "offered").await,
        vec![3],
        "declined: the next is offered"
    );

    // 48 hours later nobody answered: the offer lapses and passes to the fourth.
    assert_eq!(lapse_offers(&pool, NOW + 60 + 48 * 3600).await.unwrap(), 1);
    assert_eq!(ids_with(&pool, "offered").await, vec![4]);
    let third = count(&pool, "SELECT id FROM enrollments WHERE elder_id = 3").await;
    assert!(
        answer_offer(&pool, third, true, NOW + 50 * 3600)
            .await
            .is_err(),
        "too late"
    );
    let fourth = count(&pool, "SELECT id FROM enrollments WHERE elder_id = 4").await;
    answer_offer(&pool, fourth, true, NOW + 50 * 3600)
        .await
        .unwrap();
    assert_eq!(ids_with(&pool, "enrolled").await, vec![4]);

    sqlx::query("INSERT INTO enrollments (class_id, elder_id, status, enrolled_by) VALUES (1, 1, 'waitlisted', 1)")
        .execute(&pool)
        .await
        .unwrap();
    set_capacity(&pool, class, 2, NOW).await.unwrap();
    assert_eq!(
        ids_with(&pool, "offered").await,
        vec![1],
        "a larger class offers the new seat"
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn enrollment_is_refused_with_the_reason(pool: Pool) {
    let class = school_with(&pool, 30, 2).await;
    sqlx::query("UPDATE elders SET birth_date = '1975-01-01' WHERE id = 2")
        .execute(&pool)
        .await
        .unwrap();
    let young = enroll(&pool, class, 2, 1, today()).await.unwrap_err();
    assert!(young.to_string().contains("55 岁以上"), "{young}");
    let early = enroll(
        &pool,
        class,
        1,
        1,
        NaiveDate::from_ymd_opt(2026, 11, 5).unwrap(),
    )
    .await
    .unwrap_err();
    assert!(early.to_string().contains("老学员可提前报名"), "{early}");
    enroll(&pool, class, 1, 1, today()).await.unwrap();
    assert!(enroll(&pool, class, 1, 1, today())
        .await
        .unwrap_err()
        .to_string()
        .contains("已经报过"));

    // A 太极 class at the same time clashes for this person.
    sqlx::query("INSERT INTO classes (id, semester_id, course_id, teacher_id, name, capacity, fee_fen) VALUES (2, 1, 2, 2, '太极·周一班', 30, 12000)")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO class_slots (class_id, room_id, weekday, start_time, end_time) VALUES (2, 2, 1, '10:00', '11:00')")
        .execute(&pool)
        .await
        .unwrap();
    let clash = enroll(&pool, 2, 1, 1, today()).await.unwrap_err();
    assert!(clash.to_string().contains("书法·周一班"), "{clash}");
}

fn slot(weekday: u32, start: (u32, u32), end: (u32, u32), room_id: i64) -> Slot {
    Slot {
        weekday,
        start: NaiveTime::from_hms_opt(start.0, start.1, 0).unwrap(),
        end: NaiveTime::from_hms_opt(end.0, end.1, 0).unwrap(),
        site_id: 0,
        room_id,
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_timetable_refuses_a_clashing_slot_and_saves_a_good_one(pool: Pool) {
    school_with(&pool, 30, 0).await;
    sqlx::query("INSERT INTO classes (id, semester_id, course_id, teacher_id, name, capacity, fee_fen) VALUES (2, 1, 2, 1, '太极·界牌班', 30, 12000)")
        .execute(&pool)
        .await
        .unwrap();
    // Same room as 书法 on Monday morning.
    let room = save_slot(&pool, 2, None, &slot(1, (10, 0), (11, 0), 1))
        .await
        .unwrap_err();
    assert!(room.to_string().contains("一楼教室"), "{room}");
    // Same teacher at the other site, 30 minutes after 书法 ends: 40 are needed.
    let travel = save_slot(&pool, 2, None, &slot(1, (11, 0), (12, 0), 3))
        .await
        .unwrap_err();
    assert!(travel.to_string().contains("要 40 分钟"), "{travel}");
    let id = save_slot(&pool, 2, None, &slot(1, (11, 10), (12, 10), 3))
        .await
        .unwrap();
    // Moving it onto 书法's time is refused; moving to Tuesday is fine.
    assert!(save_slot(&pool, 2, Some(id), &slot(1, (9, 0), (10, 0), 3))
        .await
        .is_err());
    save_slot(&pool, 2, Some(id), &slot(2, (9, 0), (10, 0), 3))
        .await
        .unwrap();
}
