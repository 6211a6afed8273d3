//! Running the elderly school through the real router on the demo data: set-up, rosters with
//! fees and the CSV, week grids, and course votes — each refused to those it does not concern.

use app::db::Pool;
use axum::http::StatusCode;

use crate::school::scalar as id;
use crate::support::demo;

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn set_up_is_for_admins_and_the_semester_for_admins_of_every_community(pool: Pool) {
    let app = demo(pool).await;
    let family = app.log_in_demo("13900000005").await;
    let admin = app.log_in_demo("13900000002").await;
    let director = app.log_in_demo("13900000001").await;
    let course = [("course_id", "0"), ("name", "瑜伽"), ("description", "")];
    let refused = family.post("/api/school/setup/course", &course).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let added = admin.post("/api/school/setup/course", &course).await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.body);
    let twice = admin.post("/api/school/setup/course", &course).await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert!(twice.body.contains("已有同名的课程"), "{}", twice.body);

    let semester = [
        ("semester_id", "0"),
        ("form[name]", "下学期"),
        ("form[starts_on]", "2027-09-01"),
        ("form[ends_on]", "2028-01-15"),
        ("form[returning_opens]", "2027-08-01"),
        ("form[enroll_opens]", "2027-08-10"),
        ("form[enroll_closes]", "2027-09-10"),
        ("form[max_classes_per_person]", "3"),
        ("form[offer_hours]", "48"),
        ("form[open_at_committed]", "10"),
    ];
    let community_admin = admin.post("/api/school/setup/semester", &semester).await;
    assert_eq!(community_admin.status, StatusCode::FORBIDDEN);
    let ok = director.post("/api/school/setup/semester", &semester).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);

    let site = id(&app, "SELECT id FROM school_sites WHERE community_id = 1").await;
    let room = [
        ("site_id", site.as_str()),
        ("room_id", "0"),
        ("name", "三楼教室"),
    ];
    let foreign = admin.post("/api/school/setup/room", &room).await;
    assert_eq!(
        foreign.status,
        StatusCode::FORBIDDEN,
        "红河社区 is not hers"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn rosters_fees_and_the_csv_are_for_staff_of_the_classs_community(pool: Pool) {
    let app = demo(pool).await;
    let family = app.log_in_demo("13900000005").await;
    let admin = app.log_in_demo("13900000002").await;
    let class = id(
        &app,
        "SELECT id FROM classes WHERE name = '摄影·周五下午班'",
    )
    .await;
    let wang = id(&app, "SELECT id FROM elders WHERE name = '王秀英'").await;
    let enroll = [("class_id", class.as_str()), ("elder_id", wang.as_str())];
    let enrolled = family.post("/api/school/enroll", &enroll).await;
    assert_eq!(enrolled.status, StatusCode::OK, "{}", enrolled.body);
    let enrollment = id(&app, "SELECT id FROM enrollments").await;

    let csv_path = format!("/school/manage/roster.csv?class={class}");
    assert_eq!(
        app.get(&csv_path, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(family.get(&csv_path).await.status, StatusCode::FORBIDDEN);
    let fee = [("enrollment_id", enrollment.as_str()), ("paid", "true")];
    let refused = family.post("/api/school/roster/fee", &fee).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let paid = admin.post("/api/school/roster/fee", &fee).await;
    assert_eq!(paid.status, StatusCode::OK, "{}", paid.body);
    let csv = admin.get(&csv_path).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.contains("王秀英,"), "{}", csv.body);
    assert!(csv.body.contains(",已缴,0"), "{}", csv.body);

    let roster = family
        .post("/api/school/roster", &[("class_id", class.as_str())])
        .await;
    assert_eq!(
        roster.status,
        StatusCode::FORBIDDEN,
        "phones are for staff only"
    );
    let hongh = id(
        &app,
        "SELECT id FROM classes WHERE name = '书法·周一上午班'",
    )
    .await;
    let other = admin
        .post("/api/school/roster", &[("class_id", hongh.as_str())])
        .await;
    assert_eq!(
        other.status,
        StatusCode::FORBIDDEN,
        "书法 is 红河社区's class"
    );

    let week = [("by", "teacher")];
    let grid = admin.post("/api/school/manage/week", &week).await;
    assert_eq!(grid.status, StatusCode::OK, "{}", grid.body);
    assert!(grid.body.contains(".ics"), "{}", grid.body);
    let not_staff = family.post("/api/school/manage/week", &week).await;
    assert_eq!(not_staff.status, StatusCode::FORBIDDEN);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn residents_vote_in_their_community_and_its_admin_opens_the_class(pool: Pool) {
    let app = demo(pool).await;
    let li_jun = app.log_in_demo("13900000005").await;
    let huang = app.log_in_demo("13900000007").await;
    let admin = app.log_in_demo("13900000002").await;
    let yoga = id(&app, "SELECT id FROM course_proposals WHERE title = '瑜伽'").await;
    let li = id(&app, "SELECT id FROM elders WHERE name = '李建国'").await;
    let zhou = id(&app, "SELECT id FROM elders WHERE name = '周桂兰'").await;
    let teacher = id(&app, "SELECT min(id) FROM teachers").await;
    let open = [
        ("form[proposal_id]", yoga.as_str()),
        ("form[teacher_id]", teacher.as_str()),
        ("form[name]", "瑜伽班"),
        ("form[capacity]", "20"),
        ("form[fee_yuan]", "120"),
        ("form[min_age]", "55"),
    ];
    let short = admin.post("/api/school/proposals/open", &open).await;
    assert_eq!(short.status, StatusCode::CONFLICT);
    assert!(short.body.contains("还差 1 人"), "{}", short.body);

    let outsider = [
        ("proposal_id", yoga.as_str()),
        ("elder_id", zhou.as_str()),
        ("committed", "1"),
    ];
    let other_community = huang.post("/api/school/proposals/vote", &outsider).await;
    assert_eq!(
        other_community.status,
        StatusCode::CONFLICT,
        "周桂兰 lives in 红河社区"
    );
    let not_theirs = [
        ("proposal_id", yoga.as_str()),
        ("elder_id", li.as_str()),
        ("committed", "1"),
    ];
    let stranger = huang.post("/api/school/proposals/vote", &not_theirs).await;
    assert_eq!(stranger.status, StatusCode::NOT_FOUND);
    let voted = li_jun.post("/api/school/proposals/vote", &not_theirs).await;
    assert_eq!(voted.status, StatusCode::OK, "{}", voted.body);

    let not_admin = li_jun.post("/api/school/proposals/open", &open).await;
    assert_eq!(not_admin.status, StatusCode::FORBIDDEN);
    let opened = admin.post("/api/school/proposals/open", &open).await;
    assert!(
        opened.status.is_success() || opened.status.is_redirection(),
        "{}",
        opened.body
    );
    let seated = id(
        &app,
        "SELECT count(*) FROM enrollments e JOIN classes c ON c.id = e.class_id
         WHERE c.name = '瑜伽班' AND e.status = 'enrolled'",
    )
    .await;
    assert_eq!(seated, "3", "the three committed voters are in");
}
