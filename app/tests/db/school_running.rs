//! Database tests for running the school: class terms that never drop below the seats taken
//! (and offer new places), fees and attendance per meeting, week grids and a teacher's
//! calendar, and course votes that open as a class with the committed voters seated first.

use crate::fixtures::count;
use app::db::Pool;
use app::error::AppError;
use app::school::db::enrollment::enroll;
use app::school::db::proposals::{open_as_class, propose, vote};
use app::school::db::roster::{roster, roster_csv, save_attendance, set_paid};
use app::school::db::setup::{save_class, save_semester};
use app::school::db::timetable::{remove_slot, week_grid};
use app::school::model::proposals::OpenProposalForm;
use app::school::model::roster::AttendanceForm;
use app::school::model::setup::{ClassForm, SemesterForm};
use app::ui::prefs::Locale;
use chrono::NaiveDate;

use crate::school::{school_with, today, NOW};

fn march(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, day).unwrap()
}

async fn statuses(pool: &Pool, class_id: i64) -> Vec<(i64, String)> {
    sqlx::query_as("SELECT elder_id, status FROM enrollments WHERE class_id = $1 ORDER BY id")
        .bind(class_id)
        .fetch_all(pool)
        .await
        .unwrap()
}

fn class_form(capacity: &str) -> ClassForm {
    ClassForm {
        class_id: 1,
        course_id: 1,
        teacher_id: 1,
        community_id: 1,
        name: "书法·周一班".into(),
        capacity: capacity.into(),
        fee_yuan: "140".into(),
        min_age: "55".into(),
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn places_cannot_drop_below_seats_taken_and_new_places_are_offered(pool: Pool) {
    let class = school_with(&pool, 2, 3).await;
    for elder in 1..=3 {
        enroll(&pool, class, elder, 1, today()).await.unwrap();
    }
    let fewer = class_form("1");
    let error = save_class(&pool, &fewer, &fewer.parse().unwrap(), NOW)
        .await
        .unwrap_err();
    assert_eq!(
        error,
        AppError::conflict("已有 2 人报名或在确认中，名额不能少于 2。")
    );
    let more = class_form("3");
    save_class(&pool, &more, &more.parse().unwrap(), NOW)
        .await
        .unwrap();
    let after = statuses(&pool, class).await;
    assert_eq!(after[2], (3, "offered".to_string()), "{after:?}");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_semester_is_added_then_changed_and_both_are_audited(pool: Pool) {
    school_with(&pool, 1, 0).await;
    let form = SemesterForm {
        name: "2027 秋季".into(),
        starts_on: "2027-09-01".into(),
        ends_on: "2028-01-15".into(),
        returning_opens: "2027-08-01".into(),
        enroll_opens: "2027-08-10".into(),
        enroll_closes: "2027-09-10".into(),
        max_classes_per_person: "2".into(),
        offer_hours: "24".into(),
        open_at_committed: "8".into(),
    };
    save_semester(&pool, 0, &form.parse().unwrap(), 1)
        .await
        .unwrap();
    let id = count(&pool, "SELECT id FROM semesters WHERE name = '2027 秋季'").await;
    let renamed = SemesterForm {
        name: "2027 秋季学期".into(),
        ..form
    };
    save_semester(&pool, id, &renamed.parse().unwrap(), 1)
        .await
        .unwrap();
    let (name, hours): (String, i64) =
        sqlx::query_as("SELECT name, offer_hours FROM semesters WHERE id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!((name.as_str(), hours), ("2027 秋季学期", 24));
    let audits = count(
        &pool,
        "SELECT count(*) FROM audit_log WHERE action = 'school.semester'",
    )
    .await;
    assert_eq!(audits, 2);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn fees_and_attendance_are_kept_per_student_and_meeting(pool: Pool) {
    let class = school_with(&pool, 2, 3).await;
    for elder in 1..=3 {
        enroll(&pool, class, elder, 1, today()).await.unwrap();
    }
    let first = 1;
    set_paid(&pool, first, true, 1, NOW).await.unwrap();
    let waiting_enrollment = 3;
    assert_eq!(
        set_paid(&pool, waiting_enrollment, true, 1, NOW)
            .await
            .unwrap_err(),
        AppError::conflict("这位学员已不在班上。")
    );

    let in_class = march(2);
    let form = |present: Vec<i64>, date: &str| AttendanceForm {
        class_id: class,
        session_date: date.into(),
        present,
    };
    save_attendance(&pool, &form(vec![1], "2027-03-01"), march(1), 1, in_class)
        .await
        .unwrap();
    // Taken again: corrected, not added.
    save_attendance(
        &pool,
        &form(vec![1, 2], "2027-03-01"),
        march(1),
        1,
        in_class,
    )
    .await
    .unwrap();
    save_attendance(&pool, &form(vec![2], "2027-03-08"), march(8), 1, march(8))
        .await
        .unwrap();
    let refused = [
        (
            form(vec![1], "2027-03-15"),
            march(15),
            "还没到这次课，不能记考勤。",
        ),
        (
            form(vec![1], "2027-03-02"),
            march(2),
            "这一天这个班没有课。",
        ),
        (
            form(vec![3], "2027-03-08"),
            march(8),
            "名单里没有这位学员，请刷新后再记。",
        ),
    ];
    for (f, date, message) in refused {
        let error = save_attendance(&pool, &f, date, 1, march(9))
            .await
            .unwrap_err();
        assert_eq!(error.to_string(), message);
    }
    let rows = count(&pool, "SELECT count(*) FROM attendance").await;
    assert_eq!(rows, 4, "two students × two meetings, nothing half-written");

    let list = roster(&pool, class, Some(march(8)), march(9))
        .await
        .unwrap();
    assert_eq!(
        list.session.map(|d| d.to_string()).as_deref(),
        Some("2027-03-08")
    );
    assert_eq!(list.taken, 2);
    let summary: Vec<_> = list
        .students
        .iter()
        .map(|s| (s.name.as_str(), s.paid, s.present, s.attended))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("学员1", true, Some(false), 1),
            ("学员2", false, Some(true), 2)
        ]
    );
    let waiting: Vec<(String, String)> = list
        .waiting
        .iter()
        .map(|w| (w.name.clone(), w.label_in(Locale::Zh)))
        .collect();
    assert_eq!(
        waiting,
        vec![("学员3".to_string(), "候补第 1 位".to_string())]
    );
    let csv = roster_csv(&pool, class, march(9)).await.unwrap();
    assert!(
        csv.starts_with("\u{feff}姓名,年龄,电话,学费,出勤次数\r\n"),
        "{csv}"
    );
    assert!(csv.contains("学员1,71,,已缴,1\r\n"), "{csv}");
    assert!(csv.contains("学员2,71,,未缴,2\r\n"), "{csv}");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn week_grids_and_the_teachers_calendar_follow_the_slots(pool: Pool) {
    school_with(&pool, 5, 0).await;
    let by_room = week_grid(&pool, "room", Some(1)).await.unwrap();
    assert_eq!(by_room.title, "红河社区教学点 · 一楼教室");
    assert_eq!(by_room.entries.len(), 1);
    assert_eq!(by_room.entries[0].start, "09:00");
    assert!(week_grid(&pool, "room", Some(2))
        .await
        .unwrap()
        .entries
        .is_empty());

    let by_teacher = week_grid(&pool, "teacher", Some(1)).await.unwrap();
    assert_eq!(by_teacher.entries[0].class, "书法·周一班");
    let token = by_teacher
        .calendar
        .strip_prefix("/school/calendar/")
        .and_then(|f| f.strip_suffix(".ics"))
        .unwrap()
        .to_string();
    let again = week_grid(&pool, "teacher", Some(1)).await.unwrap();
    assert_eq!(again.calendar, by_teacher.calendar, "one link per teacher");
    let feed = app::school::db::calendar::calendar_feed(&pool, &token)
        .await
        .unwrap();
    assert!(feed.contains("X-WR-CALNAME:周老师老师的课表"), "{feed}");
    assert!(feed.contains("SUMMARY:书法·周一班"), "{feed}");

    let slot = count(&pool, "SELECT id FROM class_slots").await;
    remove_slot(&pool, slot).await.unwrap();
    assert!(week_grid(&pool, "site", None)
        .await
        .unwrap()
        .entries
        .is_empty());
    let feed = app::school::db::calendar::calendar_feed(&pool, &token)
        .await
        .unwrap();
    assert!(!feed.contains("BEGIN:VEVENT"));
}

fn opening(
    proposal_id: i64,
    capacity: &str,
) -> (OpenProposalForm, app::school::rules::setup::ClassTerms) {
    let form = OpenProposalForm {
        proposal_id,
        teacher_id: 2,
        name: "瑜伽·周六班".into(),
        capacity: capacity.into(),
        fee_yuan: "120".into(),
        min_age: "55".into(),
    };
    let terms = form.terms().unwrap();
    (form, terms)
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_proposal_with_enough_committed_votes_opens_with_them_seated_first(pool: Pool) {
    school_with(&pool, 5, 5).await;
    sqlx::query("UPDATE semesters SET open_at_committed = 3")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("UPDATE elders SET community_id = 2 WHERE id = 5")
        .execute(&pool)
        .await
        .unwrap();
    propose(&pool, 1, "瑜伽", "椅子瑜伽", 1).await.unwrap();
    assert_eq!(
        propose(&pool, 2, "瑜伽", "", 1).await.unwrap_err(),
        AppError::conflict("本社区已经有人提议“瑜伽”了，请直接投票。")
    );
    let proposal = count(&pool, "SELECT id FROM course_proposals").await;
    // One vote per person: voting again only changes the commitment.
    vote(&pool, proposal, 3, true, 1).await.unwrap();
    vote(&pool, proposal, 2, true, 1).await.unwrap();
    vote(&pool, proposal, 2, false, 1).await.unwrap();
    vote(&pool, proposal, 2, true, 1).await.unwrap();
    assert_eq!(
        vote(&pool, proposal, 5, true, 1).await.unwrap_err(),
        AppError::conflict("只有本社区的居民可以为这个提议投票。")
    );
    let votes = count(&pool, "SELECT count(*) FROM proposal_votes").await;
    assert_eq!(votes, 3);

    let (form, terms) = opening(proposal, "1");
    assert_eq!(
        open_as_class(&pool, &form, &terms, today(), 1)
            .await
            .unwrap_err(),
        AppError::conflict("还差 1 人确定报名才能开班（需要 3 人）。")
    );
    vote(&pool, proposal, 1, true, 1).await.unwrap();
    let class = open_as_class(&pool, &form, &terms, today(), 1)
        .await
        .unwrap();
    // In the order they committed: elder 3, then 2 (committed again), then 1 (who proposed).
    assert_eq!(
        statuses(&pool, class).await,
        vec![
            (3, "enrolled".to_string()),
            (2, "waitlisted".to_string()),
            (1, "waitlisted".to_string())
        ]
    );
    let (course, community): (String, i64) = sqlx::query_as(
        "SELECT co.name, c.community_id FROM classes c JOIN courses co ON co.id = c.course_id WHERE c.id = $1",
    )
    .bind(class)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((course.as_str(), community), ("瑜伽", 1));
    assert_eq!(
        open_as_class(&pool, &form, &terms, today(), 1)
            .await
            .unwrap_err(),
        AppError::conflict("这门课已经开班了。")
    );
    assert_eq!(
        vote(&pool, proposal, 4, true, 1).await.unwrap_err(),
        AppError::conflict("这门课已经开班了，请到课程列表报名。")
    );
}
