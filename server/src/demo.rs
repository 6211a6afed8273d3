//! Demo data for trying the app: staff, families, a volunteer and their elders, drawn from
//! the communities in the brief. Loaded only into a database without accounts, in one
//! transaction. Every demo account's password is `DEMO_PASSWORD`.

use app::auth::hashing::hash_password;
use sqlx::SqlitePool;

pub const DEMO_PASSWORD: &str = "xingfu-demo";

/// (phone, name, [(role, community)])
const ACCOUNTS: &[(&str, &str, &[(&str, Option<i64>)])] = &[
    ("13900000001", "张主任", &[("admin", None)]),
    (
        "13900000002",
        "陈静",
        &[("worker", Some(7)), ("admin", Some(7))],
    ),
    ("13900000003", "刘芳", &[("canteen_staff", Some(7))]),
    ("13900000004", "赵磊", &[("volunteer", None)]),
    ("13900000005", "李军", &[("family", None)]),
    ("13900000006", "王秀英", &[("elder", None)]),
    (
        "13900000007",
        "黄丽",
        &[("family", None), ("volunteer", None)],
    ),
];

struct DemoElder {
    name: &'static str,
    birth: &'static str,
    community: i64,
    building: &'static str,
    unit: &'static str,
    room: &'static str,
    phone: &'static str,
    needs_delivery: bool,
    allergies: &'static str,
    diet: &'static str,
    subsidy: &'static str,
    notes: &'static str,
    /// (family phone, relation)
    family: Option<(&'static str, &'static str)>,
    own_login: Option<&'static str>,
}

const ELDERS: &[DemoElder] = &[
    DemoElder {
        name: "王秀英",
        birth: "1944-03-08",
        community: 7,
        building: "12栋",
        unit: "2单元",
        room: "301",
        phone: "13900000006",
        needs_delivery: true,
        allergies: "peanut",
        diet: "low_salt",
        subsidy: "dibao",
        notes: "3楼，敲门要大声",
        family: Some(("13900000005", "儿子")),
        own_login: Some("13900000006"),
    },
    DemoElder {
        name: "李建国",
        birth: "1952-09-15",
        community: 7,
        building: "8栋",
        unit: "1单元",
        room: "502",
        phone: "",
        needs_delivery: false,
        allergies: "",
        diet: "low_sugar",
        subsidy: "none",
        notes: "",
        family: Some(("13900000005", "父亲")),
        own_login: None,
    },
    DemoElder {
        name: "周桂兰",
        birth: "1934-01-20",
        community: 1,
        building: "3栋",
        unit: "",
        room: "102",
        phone: "13900000021",
        needs_delivery: true,
        allergies: "seafood,milk",
        diet: "soft",
        subsidy: "tekun",
        notes: "独居，腿脚不便",
        family: Some(("13900000007", "女儿")),
        own_login: None,
    },
    DemoElder {
        name: "孙大海",
        birth: "1948-11-02",
        community: 7,
        building: "5栋",
        unit: "3单元",
        room: "201",
        phone: "13900000022",
        needs_delivery: true,
        allergies: "",
        diet: "liquid",
        subsidy: "shineng",
        notes: "没有智能手机，电话订餐",
        family: None,
        own_login: None,
    },
];

/// Loads the demo data unless the database already has accounts.
pub async fn load_if_empty(pool: &SqlitePool) -> anyhow::Result<()> {
    let accounts: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(pool)
        .await?;
    if accounts > 0 {
        return Ok(());
    }
    let hash = hash_password(DEMO_PASSWORD)?;
    let mut tx = pool.begin().await?;
    for (phone, name, roles) in ACCOUNTS {
        let user_id =
            sqlx::query("INSERT INTO users (phone, display_name, password_hash) VALUES (?, ?, ?)")
                .bind(phone)
                .bind(name)
                .bind(&hash)
                .execute(&mut *tx)
                .await?
                .last_insert_rowid();
        for (role, community) in *roles {
            sqlx::query("INSERT INTO user_roles (user_id, role, community_id) VALUES (?, ?, ?)")
                .bind(user_id)
                .bind(role)
                .bind(community)
                .execute(&mut *tx)
                .await?;
        }
    }
    for e in ELDERS {
        let elder_id = sqlx::query(
            "INSERT INTO elders (name, birth_date, community_id, building, unit, room, phone, needs_delivery,
                                 allergies, diet_needs, subsidy_category, notes, user_id, created_by)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT id FROM users WHERE phone = ?),
                     (SELECT id FROM users WHERE phone = '13900000002'))",
        )
        .bind(e.name)
        .bind(e.birth)
        .bind(e.community)
        .bind(e.building)
        .bind(e.unit)
        .bind(e.room)
        .bind(e.phone)
        .bind(e.needs_delivery)
        .bind(e.allergies)
        .bind(e.diet)
        .bind(e.subsidy)
        .bind(e.notes)
        .bind(e.own_login)
        .execute(&mut *tx)
        .await?
        .last_insert_rowid();
        if let Some((family_phone, relation)) = e.family {
            sqlx::query(
                "INSERT INTO family_links (elder_id, user_id, relation)
                 VALUES (?, (SELECT id FROM users WHERE phone = ?), ?)",
            )
            .bind(elder_id)
            .bind(family_phone)
            .bind(relation)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    tracing::info!(password = DEMO_PASSWORD, "loaded demo data");
    Ok(())
}
