//! Demo elderly school: a semester two weeks under way and still open for enrollment, three
//! teaching sites with rooms and travel times, rotating teachers, classes from the brief (书法,
//! 舞蹈, 太极…), and course votes.

use app::db::Transaction;

struct DemoClass {
    course: &'static str,
    teacher: &'static str,
    name: &'static str,
    capacity: i64,
    fee_fen: i64,
    /// (room id, ISO weekday, start, end)
    slot: (i64, i64, &'static str, &'static str),
}

const fn class(
    (course, teacher, name): (&'static str, &'static str, &'static str),
    capacity: i64,
    fee_fen: i64,
    slot: (i64, i64, &'static str, &'static str),
) -> DemoClass {
    DemoClass {
        course,
        teacher,
        name,
        capacity,
        fee_fen,
        slot,
    }
}

const CLASSES: &[DemoClass] = &[
    class(
        ("书法", "周文华", "书法·周一上午班"),
        30,
        14000,
        (1, 1, "09:00", "10:30"),
    ),
    class(
        ("舞蹈", "吴丽萍", "舞蹈·周二上午班"),
        25,
        16000,
        (2, 2, "09:00", "10:30"),
    ),
    class(
        ("太极", "周文华", "太极·周三下午班"),
        30,
        12000,
        (3, 3, "14:30", "16:00"),
    ),
    class(
        ("柔力球", "吴丽萍", "柔力球·周四上午班"),
        20,
        12000,
        (4, 4, "09:00", "10:30"),
    ),
    // One seat, so the waitlist shows at once.
    class(
        ("摄影", "陈志远", "摄影·周五下午班"),
        1,
        15000,
        (4, 5, "14:30", "16:00"),
    ),
];

pub async fn load(tx: &mut Transaction<'_>, today: chrono::NaiveDate) -> anyhow::Result<()> {
    let day = |offset: i64| today + chrono::Duration::days(offset);
    let (returning, opens, closes, starts, ends) =
        (day(-20), day(-10), day(30), day(-14), day(160));
    sqlx::query!(
        "INSERT INTO semesters (id, name, starts_on, ends_on, returning_opens, enroll_opens, enroll_closes, max_classes_per_person, offer_hours)
         VALUES (1, '本学期', $1, $2, $3, $4, $5, 3, 48)",
        starts,
        ends,
        returning,
        opens,
        closes
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        "INSERT INTO school_sites (id, community_id, name, address) VALUES
           (1, 1, '红河社区教学点', '张湾区红卫街道红河社区服务中心二楼'),
           (2, 2, '界牌社区教学点', '张湾区红卫街道界牌社区活动中心'),
           (3, 7, '十九街社区老年学校', '青山区红钢城街道十九街社区服务中心三楼')"
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        "INSERT INTO rooms (id, site_id, name) VALUES (1, 1, '书画室'), (2, 1, '舞蹈室'), (3, 2, '多功能厅'), (4, 3, '活动室')"
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!("INSERT INTO site_travel (from_site, to_site, minutes) VALUES (1, 2, 30), (1, 3, 90), (2, 3, 90)")
        .execute(&mut **tx)
        .await?;
    for c in CLASSES {
        let (course, teacher, name) = (c.course, c.teacher, c.name);
        let (capacity, fee) = (c.capacity, c.fee_fen);
        let (room, weekday, start, end) = c.slot;
        sqlx::query!(
            "INSERT INTO courses (name) VALUES ($1) ON CONFLICT DO NOTHING",
            course
        )
        .execute(&mut **tx)
        .await?;
        sqlx::query!(
            "INSERT INTO teachers (name) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM teachers WHERE name = $2)",
            teacher,
            teacher
        )
        .execute(&mut **tx)
        .await?;
        let class_id = sqlx::query_scalar!(
            r#"INSERT INTO classes (semester_id, course_id, teacher_id, name, capacity, fee_fen, min_age)
             SELECT 1, c.id, t.id, $1, $2, $3, 50 FROM courses c, teachers t WHERE c.name = $4 AND t.name = $5
           RETURNING id AS "id!: i64""#,
            name,
            capacity,
            fee,
            course,
            teacher
        )
        .fetch_one(&mut **tx)
        .await?;
        sqlx::query!(
            "INSERT INTO class_slots (class_id, room_id, weekday, start_time, end_time) VALUES ($1, $2, $3, $4, $5)",
            class_id,
            room,
            weekday,
            start,
            end
        )
        .execute(&mut **tx)
        .await?;
        sqlx::query!(
            "UPDATE classes SET community_id =
               (SELECT s.community_id FROM rooms r JOIN school_sites s ON s.id = r.site_id WHERE r.id = $1)
             WHERE id = $2",
            room,
            class_id
        )
        .execute(&mut **tx)
        .await?;
    }
    proposals(tx).await
}

/// Next semester's course votes in 十九街: 瑜伽 one committed sign-up short of opening, and a
/// new proposal for 合唱.
async fn proposals(tx: &mut Transaction<'_>) -> anyhow::Result<()> {
    sqlx::query!("UPDATE semesters SET open_at_committed = 3 WHERE id = 1")
        .execute(&mut **tx)
        .await?;
    sqlx::query!(
        "INSERT INTO course_proposals (id, community_id, semester_id, title, description, proposed_by)
         SELECT 1, 7, 1, '瑜伽', '椅子瑜伽，适合膝盖不好的老人。', id FROM users WHERE phone = '13900000006'
         UNION ALL
         SELECT 2, 7, 1, '合唱', '每周唱一次红歌和老歌。', id FROM users WHERE phone = '13900000005'"
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        "INSERT INTO proposal_votes (proposal_id, elder_id, committed, voted_by)
         SELECT 1, e.id, TRUE, u.id FROM elders e, users u
         WHERE e.name IN ('王秀英', '孙大海') AND e.community_id = 7 AND u.phone = '13900000002'"
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}
