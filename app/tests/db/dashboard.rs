//! Dashboard figures on known data in two communities (十九街社区 = 7, 二街社区 = 8): each
//! figure counts only the scope's communities, and a 无人应答 later delivered shows as resolved.

use app::dashboard::db::{self, DashboardScope};
use app::dashboard::model::{DashboardFilter, NoAnswerOutcome};
use app::db::Pool;
use app::domain::age::AgeBand;
use app::domain::elder::SubsidyCategory;
use app::volunteer::model::requests::RequestCategory;
use chrono::{NaiveDate, TimeZone, Utc};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Unix seconds of a wall-clock time in Shanghai.
fn shanghai(y: i32, m: u32, d: u32, h: u32, min: u32) -> i64 {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .timestamp()
        - 8 * 3600
}

fn november() -> DashboardFilter {
    DashboardFilter {
        from: day("2026-11-01"),
        to: day("2026-11-30"),
        community: None,
    }
}

fn nineteenth() -> DashboardScope {
    DashboardScope::only(vec![7])
}

fn second_street() -> DashboardScope {
    DashboardScope::only(vec![8])
}

/// Canteens, elders and orders in both communities.
async fn canteens(pool: &Pool) {
    crate::fixtures::load_rows(
        pool,
        "INSERT INTO users (id, phone, display_name, password_hash) VALUES
            (1, '13800000001', '陈静', 'x'), (2, '13800000002', '赵磊', 'x'),
            (3, '13900000009', '李军', 'x'), (4, '13800000004', '黄丽', 'x'),
            (5, '13800000005', '周强', 'x');
         INSERT INTO canteens (id, community_id, name, address) VALUES
            (1, 7, '十九街社区幸福食堂', '十九街'), (2, 8, '二街社区幸福食堂', '二街');
         INSERT INTO meal_services (id, canteen_id, meal, cutoff_time, serve_time, capacity) VALUES
            (1, 1, 'lunch', '09:30', '11:30', 100), (2, 1, 'dinner', '15:00', '17:30', 100),
            (3, 2, 'lunch', '09:30', '11:30', 100);
         INSERT INTO elders (id, name, birth_date, community_id, building, unit, room, phone, subsidy_category, created_by) VALUES
            (1, '王秀英', '1944-03-08', 7, '12栋', '1单元', '301', '', 'dibao', 1),
            (2, '李建国', '1960-06-01', 7, '3栋', '', '102', '13700000001', 'none', 1),
            (3, '张桂芳', '1950-01-01', 7, '5栋', '', '201', '', 'none', 1),
            (4, '周桂兰', '1940-01-01', 8, '1栋', '', '101', '13700000004', 'none', 1),
            (5, '刘福', '1945-05-05', 8, '2栋', '', '202', '13700000005', 'none', 1);
         INSERT INTO family_links (elder_id, user_id, relation) VALUES (1, 3, '儿子'), (3, 3, '邻居');
         INSERT INTO orders (id, elder_id, service_id, date, fulfilment, status, full_price_fen, subsidy_fen, pay_fen, placed_by, rating) VALUES
            (1, 1, 1, '2026-11-02', 'dine_in', 'delivered', 1500, 1000, 500, 1, 5),
            (2, 1, 2, '2026-11-02', 'delivery', 'delivered', 1500, 1000, 500, 1, 3),
            (3, 2, 1, '2026-11-03', 'pickup', 'delivered', 1500, 800, 700, 1, NULL),
            (4, 2, 1, '2026-11-04', 'dine_in', 'placed', 1500, 800, 700, 1, NULL),
            (5, 4, 3, '2026-11-02', 'delivery', 'delivered', 1500, 1200, 300, 1, 1),
            (6, 1, 1, '2026-11-05', 'delivery', 'out_for_delivery', 1500, 1000, 500, 1, NULL),
            (7, 2, 1, '2026-11-06', 'delivery', 'out_for_delivery', 1500, 800, 700, 1, NULL),
            (8, 1, 1, '2026-10-20', 'dine_in', 'delivered', 1500, 1000, 500, 1, NULL),
            (9, 3, 1, '2026-10-15', 'dine_in', 'delivered', 1500, 0, 1500, 1, NULL),
            (10, 5, 3, '2026-10-16', 'dine_in', 'delivered', 1500, 0, 1500, 1, NULL),
            (11, 4, 3, '2026-10-16', 'dine_in', 'cancelled', 1500, 0, 1500, 1, NULL);
         UPDATE orders SET status = 'no_answer', status_changed_at = 1000 WHERE id IN (6, 7);
         UPDATE orders SET status = 'delivered', status_changed_at = 2000 WHERE id = 6;",
    )
    .await;
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn meals_subsidy_and_ratings_count_only_the_communitys_own_orders(pool: Pool) {
    canteens(&pool).await;
    let mine = db::canteen::figures(&pool, &nineteenth(), november())
        .await
        .unwrap();
    assert_eq!(mine.meals_per_day.len(), 30, "every day of November");
    let on = |date: &str| {
        *mine
            .meals_per_day
            .iter()
            .find(|d| d.date == day(date))
            .unwrap()
    };
    let second = on("2026-11-02");
    assert_eq!((second.dine_in, second.pickup, second.delivery), (1, 0, 1));
    assert_eq!(on("2026-11-03").pickup, 1);
    assert_eq!(on("2026-11-04").dine_in, 0, "a placed order is not served");
    assert_eq!(
        on("2026-11-05").delivery,
        1,
        "delivered on the second knock"
    );
    let served: i64 = mine
        .meals_per_day
        .iter()
        .map(|d| d.dine_in + d.pickup + d.delivery)
        .sum();
    assert_eq!(served, 4, "二街's meal is not counted");

    assert_eq!(mine.subsidy.len(), 2);
    let eighty = &mine.subsidy[1];
    assert_eq!(
        (eighty.month.as_str(), eighty.age_band, eighty.category),
        ("2026-11", AgeBand::From80To89, SubsidyCategory::Dibao)
    );
    assert_eq!((eighty.meals, eighty.subsidy_fen), (3, 3000));
    assert_eq!(mine.subsidy[0].age_band, AgeBand::From60To79);
    assert_eq!(mine.subsidy[0].subsidy_fen, 800);

    assert_eq!(mine.average_rating, Some(4.0));
    assert_eq!(mine.ratings, 2);

    let theirs = db::canteen::figures(&pool, &second_street(), november())
        .await
        .unwrap();
    assert_eq!(theirs.average_rating, Some(1.0));
    assert_eq!(theirs.subsidy.len(), 1);
    assert_eq!(theirs.subsidy[0].subsidy_fen, 1200);
    assert!(theirs.no_answers.is_empty());
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_no_answer_later_delivered_shows_as_resolved(pool: Pool) {
    canteens(&pool).await;
    let cases = db::canteen::no_answers(&pool, &nineteenth(), day("2026-11-01"), day("2026-11-30"))
        .await
        .unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0].order_id, 7, "newest first");
    assert_eq!(cases[0].outcome, NoAnswerOutcome::Open);
    assert_eq!(cases[0].resolved_at, None);
    assert_eq!(cases[1].order_id, 6);
    assert_eq!(cases[1].outcome, NoAnswerOutcome::Delivered);
    assert_eq!(
        (cases[1].noted_at, cases[1].resolved_at),
        (1000, Some(2000))
    );
    assert_eq!(cases[1].address, "12栋 1单元 301");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn elders_who_ordered_last_month_but_not_this_month_come_with_a_phone(pool: Pool) {
    canteens(&pool).await;
    let mine = db::canteen::figures(&pool, &nineteenth(), november())
        .await
        .unwrap();
    assert_eq!(
        (mine.last_month.as_str(), mine.this_month.as_str()),
        ("2026-10", "2026-11")
    );
    assert_eq!(mine.lapsed.len(), 1, "{:?}", mine.lapsed);
    let lapsed = &mine.lapsed[0];
    assert_eq!(lapsed.name, "张桂芳");
    assert_eq!(lapsed.phone, "13900000009", "a family member's phone");
    assert_eq!(lapsed.last_order, day("2026-10-15"));
    let theirs = db::canteen::figures(&pool, &second_street(), november())
        .await
        .unwrap();
    let names: Vec<&str> = theirs.lapsed.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["刘福"]);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn today_counts_orders_by_meal_and_deliveries_by_status(pool: Pool) {
    canteens(&pool).await;
    let today = db::today::today(&pool, &nineteenth(), day("2026-11-02"))
        .await
        .unwrap();
    let orders: Vec<i64> = today.ordered.iter().map(|m| m.orders).collect();
    assert_eq!(orders, [1, 1], "lunch and dinner");
    assert_eq!(today.delivered, 1);
    let later = db::today::today(&pool, &nineteenth(), day("2026-11-06"))
        .await
        .unwrap();
    assert_eq!((later.no_answer, later.out_for_delivery), (1, 0));
    let theirs = db::today::today(&pool, &second_street(), day("2026-11-06"))
        .await
        .unwrap();
    assert_eq!(theirs.no_answer, 0);
}

/// A semester with a class in each community, enrollments, attendance and fees.
async fn school(pool: &Pool) {
    crate::fixtures::load_rows(
        pool,
        "INSERT INTO semesters (id, name, starts_on, ends_on, returning_opens, enroll_opens, enroll_closes)
            VALUES (1, '2026 秋季', '2026-09-01', '2027-01-15', '2026-08-01', '2026-08-10', '2026-08-31'),
                   (2, '2026 春季', '2026-03-01', '2026-07-15', '2026-02-01', '2026-02-10', '2026-02-28');
         INSERT INTO school_sites (id, community_id, name, address) VALUES
            (1, 7, '十九街教学点', '十九街'), (2, 8, '二街教学点', '二街');
         INSERT INTO rooms (id, site_id, name) VALUES (1, 1, '101'), (2, 2, '201');
         INSERT INTO teachers (id, name) VALUES (1, '王老师');
         INSERT INTO courses (id, name) VALUES (1, '书法');
         INSERT INTO classes (id, semester_id, course_id, teacher_id, name, capacity, fee_fen, community_id) VALUES
            (1, 1, 1, 1, '书法初级班', 10, 20000, 7), (2, 1, 1, 1, '书法提高班', 5, 0, 8),
            (3, 2, 1, 1, '春季书法班', 10, 0, 7);
         INSERT INTO class_slots (class_id, room_id, weekday, start_time, end_time) VALUES
            (1, 1, 1, '09:00', '10:30'), (2, 2, 2, '09:00', '10:30');
         INSERT INTO elders (id, name, birth_date, community_id, building, room, created_by)
            SELECT 100 + value, '学员' || value, '1950-01-01', 7, '1栋', '101', 1 FROM json_each('[1,2,3,4,5,6,7,8,9,10,11]');
         INSERT INTO enrollments (class_id, elder_id, status, enrolled_by, paid_at) VALUES
            (1, 101, 'enrolled', 1, 100), (1, 102, 'enrolled', 1, 100), (1, 103, 'enrolled', 1, NULL),
            (1, 104, 'waitlisted', 1, NULL), (1, 105, 'offered', 1, NULL), (1, 106, 'dropped', 1, NULL),
            (2, 107, 'enrolled', 1, NULL), (2, 108, 'enrolled', 1, NULL), (2, 109, 'enrolled', 1, NULL),
            (2, 110, 'enrolled', 1, NULL), (2, 111, 'enrolled', 1, NULL);
         INSERT INTO attendance (class_id, session_date, elder_id, present, marked_by) VALUES
            (1, '2026-11-09', 101, TRUE, 1), (1, '2026-11-09', 102, TRUE, 1), (1, '2026-11-09', 103, FALSE, 1),
            (1, '2026-10-12', 101, TRUE, 1), (1, '2026-10-12', 102, TRUE, 1), (1, '2026-10-12', 103, TRUE, 1),
            (2, '2026-11-10', 107, FALSE, 1);",
    )
    .await;
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn classes_of_the_semester_show_places_waiting_attendance_and_fees(pool: Pool) {
    canteens(&pool).await;
    school(&pool).await;
    let mine = db::school::figures(&pool, &nineteenth(), november())
        .await
        .unwrap();
    assert_eq!(mine.semester.as_deref(), Some("2026 秋季"));
    assert_eq!(
        mine.classes.len(),
        1,
        "二街's class and last semester's are not shown"
    );
    let class = &mine.classes[0];
    assert_eq!(class.site, "十九街教学点");
    assert_eq!(
        (class.enrolled, class.capacity, class.waitlisted),
        (3, 10, 2)
    );
    assert_eq!(
        (class.present, class.marked),
        (2, 3),
        "November's marks only"
    );
    assert_eq!((class.paid, class.unpaid), (2, 1));
    assert_eq!(mine.sites.len(), 1);
    assert_eq!((mine.sites[0].enrolled, mine.sites[0].capacity), (3, 10));
    let both = db::school::figures(&pool, &DashboardScope::only(vec![7, 8]), november())
        .await
        .unwrap();
    assert_eq!(both.classes.len(), 2);
    let free = both.classes.iter().find(|c| c.class_id == 2).unwrap();
    assert_eq!(
        (free.paid, free.unpaid),
        (0, 0),
        "a free class owes nothing"
    );
}

type Request = (
    i64,
    &'static str,
    &'static str,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

/// Volunteer time credited around the turn of the month (Shanghai time), and requests.
async fn volunteering(pool: &Pool) {
    let posted = shanghai(2026, 11, 10, 9, 0);
    let ledger = [
        (2, 7, 1, 90, shanghai(2026, 11, 10, 12, 0)),
        (5, 7, 2, 30, shanghai(2026, 11, 1, 0, 30)),
        (4, 7, 3, 60, shanghai(2026, 10, 31, 23, 30)),
        (4, 8, 4, 150, shanghai(2026, 11, 11, 12, 0)),
    ];
    for (user, community, source, minutes, at) in ledger {
        sqlx::query(
            "INSERT INTO points_ledger (user_id, community_id, source, source_id, minutes, points, note, created_at)
             VALUES ($1, $2, 'shift', $3, $4, 10, '', $5)",
        )
        .bind(user)
        .bind(community)
        .bind(source)
        .bind(minutes)
        .bind(at)
        .execute(pool)
        .await
        .unwrap();
    }
    // (community, kind, status, minutes to 领单, minutes to 完成, stars)
    let requests: [Request; 6] = [
        (7, "haircut", "done", Some(10), Some(70), Some(5)),
        (7, "haircut", "done", Some(30), Some(90), Some(3)),
        (7, "haircut", "taken", Some(20), None, None),
        (7, "repair", "open", None, None, None),
        (7, "haircut", "cancelled", None, None, None),
        (8, "haircut", "taken", Some(1000), None, None),
    ];
    for (community, category, status, taken, done, rating) in requests {
        sqlx::query(
            "INSERT INTO service_requests (community_id, requester_id, category, detail, wished_time, place, status,
                                           posted_at, taken_at, done_at, rating)
             VALUES ($1, 3, $2, '', '', '', $3, $4, $5, $6, $7)",
        )
        .bind(community)
        .bind(category)
        .bind(status)
        .bind(posted)
        .bind(taken.map(|m| posted + m * 60))
        .bind(done.map(|m| posted + m * 60))
        .bind(rating)
        .execute(pool)
        .await
        .unwrap();
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn volunteer_hours_follow_shanghai_months_and_requests_get_percentiles(pool: Pool) {
    canteens(&pool).await;
    volunteering(&pool).await;
    let mine = db::volunteer::figures(&pool, &nineteenth(), november())
        .await
        .unwrap();
    assert_eq!(mine.hours_per_month.len(), 1);
    assert_eq!(
        mine.hours_per_month[0].minutes, 120,
        "00:30 on 1 November counts, 23:30 on 31 October and 二街's do not"
    );
    assert_eq!(mine.active_volunteers, 2);
    assert_eq!(mine.requests.len(), 2);
    let haircut = &mine.requests[0];
    assert_eq!(haircut.category, RequestCategory::Haircut);
    assert_eq!(haircut.posted, 3, "the cancelled request is left out");
    assert_eq!(
        (haircut.taken_median, haircut.taken_p90),
        (Some(20), Some(30))
    );
    assert_eq!(
        (haircut.done_median, haircut.done_p90),
        (Some(70), Some(90))
    );
    assert_eq!((haircut.rated, haircut.rated_good), (2, 1));
    assert_eq!(mine.requests[1].category, RequestCategory::Repair);
    assert_eq!(mine.requests[1].taken_median, None);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn communities_side_by_side_each_keep_their_own_numbers(pool: Pool) {
    canteens(&pool).await;
    school(&pool).await;
    volunteering(&pool).await;
    let both = DashboardScope::only(vec![7, 8]);
    let dashboard = db::dashboard(&pool, &both, november()).await.unwrap();
    assert_eq!(dashboard.comparison.len(), 2);
    let (first, second) = (&dashboard.comparison[0], &dashboard.comparison[1]);
    assert_eq!((first.community_id, second.community_id), (7, 8));
    assert_eq!((first.meals, first.subsidy_fen), (4, 3800));
    assert_eq!((second.meals, second.subsidy_fen), (1, 1200));
    assert_eq!((first.enrolled, first.capacity), (3, 10));
    assert_eq!((second.enrolled, second.capacity), (5, 5));
    assert_eq!(
        (first.volunteer_minutes, second.volunteer_minutes),
        (120, 150)
    );

    let one = db::dashboard(&pool, &nineteenth(), november())
        .await
        .unwrap();
    assert!(one.comparison.is_empty(), "one community is not compared");
}
