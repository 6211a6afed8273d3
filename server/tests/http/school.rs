//! The elderly school through the real router on the demo data: who may enroll whom, change
//! an enrollment, and schedule.

use app::db::Pool;
use axum::http::StatusCode;

use crate::support::{demo, TestApp};

/// The one integer `sql` selects, as text for a form field.
pub async fn scalar(app: &TestApp, sql: &str) -> String {
    crate::support::scalar(app, sql).await.to_string()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn only_the_family_changes_an_enrollment_and_only_admins_schedule(pool: Pool) {
    let app = demo(pool).await;
    let family = app.log_in_demo("13900000005").await;
    let wang = scalar(&app, "SELECT id FROM elders WHERE name = '王秀英'").await;
    let class = scalar(
        &app,
        "SELECT id FROM classes WHERE name = '书法·周一上午班'",
    )
    .await;
    let enroll = [("class_id", class.as_str()), ("elder_id", wang.as_str())];
    let stranger = app.register("13812345678", "陌生人").await;
    let refused = stranger.post("/api/school/enroll", &enroll).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    let ok = family.post("/api/school/enroll", &enroll).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let again = family.post("/api/school/enroll", &enroll).await;
    assert_eq!(again.status, StatusCode::CONFLICT);

    let enrollment = scalar(&app, "SELECT id FROM enrollments").await;
    let drop = [("enrollment_id", enrollment.as_str()), ("action", "drop")];
    let intruder = stranger.post("/api/school/answer", &drop).await;
    assert_eq!(intruder.status, StatusCode::NOT_FOUND);

    let room = scalar(&app, "SELECT id FROM rooms WHERE name = '活动室'").await;
    let theirs = scalar(
        &app,
        "SELECT id FROM classes WHERE name = '摄影·周五下午班'",
    )
    .await;
    let slot = [
        ("class_id", theirs.as_str()),
        ("room_id", room.as_str()),
        ("weekday", "6"),
        ("start_time", "09:00"),
        ("end_time", "10:00"),
    ];
    let not_admin = family.post("/api/school/manage/slot", &slot).await;
    assert_eq!(not_admin.status, StatusCode::FORBIDDEN);
    // Admin of 十九街社区, whose class 摄影 is and where 活动室 is.
    let admin = app.log_in_demo("13900000002").await;
    let added = admin.post("/api/school/manage/slot", &slot).await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.body);
    let mut other_community = slot;
    other_community[0] = ("class_id", class.as_str());
    let not_hers = admin
        .post("/api/school/manage/slot", &other_community)
        .await;
    assert_eq!(
        not_hers.status,
        StatusCode::FORBIDDEN,
        "书法 is 红河社区's class"
    );
    let elsewhere = scalar(&app, "SELECT id FROM rooms WHERE name = '书画室'").await;
    let other = [
        ("class_id", theirs.as_str()),
        ("room_id", elsewhere.as_str()),
        ("weekday", "6"),
        ("start_time", "14:00"),
        ("end_time", "15:00"),
    ];
    let foreign = admin.post("/api/school/manage/slot", &other).await;
    assert_eq!(
        foreign.status,
        StatusCode::FORBIDDEN,
        "红河社区 is not hers"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_timetable_is_a_calendar_feed_behind_a_secret_link(pool: Pool) {
    let app = demo(pool).await;
    let family = app.log_in_demo("13900000005").await;
    let wang = scalar(&app, "SELECT id FROM elders WHERE name = '王秀英'").await;
    let class = scalar(
        &app,
        "SELECT id FROM classes WHERE name = '太极·周三下午班'",
    )
    .await;
    let enrolled = family
        .post(
            "/api/school/enroll",
            &[("class_id", class.as_str()), ("elder_id", wang.as_str())],
        )
        .await;
    assert_eq!(enrolled.status, StatusCode::OK, "{}", enrolled.body);
    let page = family.get("/school/mine").await;
    let token: String =
        sqlx::query_scalar("SELECT calendar_token FROM elders WHERE name = '王秀英'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let link = format!("/school/calendar/{token}.ics");
    assert!(page.body.contains(&link), "the page links the feed");
    let link = link.as_str();
    let feed = app.get(link, None).await;
    assert_eq!(feed.status, StatusCode::OK, "{link}: {}", feed.body);
    assert!(
        feed.body.contains("BEGIN:VEVENT") && feed.body.contains("SUMMARY:太极·周三下午班"),
        "{}",
        feed.body
    );
    assert!(feed.body.contains("RRULE:FREQ=WEEKLY"));
    let guessed = app.get("/school/calendar/0000.ics", None).await;
    assert_eq!(guessed.status, StatusCode::NOT_FOUND);
}
