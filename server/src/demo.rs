//! Demo data for trying the app: staff, families, a volunteer and their elders, drawn from
//! the communities in the brief. Loaded only into a database without accounts, in one
//! transaction. Every demo account's password is `DEMO_PASSWORD`.

use app::auth::hashing::hash_password;
use app::db::Pool;

pub const DEMO_PASSWORD: &str = "xingfu-demo";

struct DemoAccount {
    phone: &'static str,
    name: &'static str,
    /// (role code, community)
    roles: &'static [(&'static str, Option<i64>)],
}

const ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        phone: "13900000001",
        name: "张主任",
        roles: &[("admin", None)],
    },
    DemoAccount {
        phone: "13900000002",
        name: "陈静",
        roles: &[("worker", Some(7)), ("admin", Some(7))],
    },
    DemoAccount {
        phone: "13900000003",
        name: "刘芳",
        roles: &[("canteen_staff", Some(7))],
    },
    DemoAccount {
        phone: "13900000004",
        name: "赵磊",
        roles: &[("volunteer", None)],
    },
    DemoAccount {
        phone: "13900000005",
        name: "李军",
        roles: &[("family", None)],
    },
    DemoAccount {
        phone: "13900000006",
        name: "王秀英",
        roles: &[("elder", None)],
    },
    DemoAccount {
        phone: "13900000007",
        name: "黄丽",
        roles: &[("family", None), ("volunteer", None)],
    },
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
pub async fn load_if_empty(pool: &Pool) -> anyhow::Result<()> {
    let accounts = sqlx::query_scalar!(r#"SELECT count(*) AS "n!: i64" FROM users"#)
        .fetch_one(pool)
        .await?;
    if accounts > 0 {
        return Ok(());
    }
    let hash = hash_password(DEMO_PASSWORD)?;
    let mut tx = pool.begin().await?;
    for account in ACCOUNTS {
        let user_id = sqlx::query_scalar!(
            r#"INSERT INTO users (phone, display_name, password_hash) VALUES ($1, $2, $3)
           RETURNING id AS "id!: i64""#,
            account.phone,
            account.name,
            hash
        )
        .fetch_one(&mut *tx)
        .await?;
        for (role, community) in account.roles {
            sqlx::query!(
                "INSERT INTO user_roles (user_id, role, community_id) VALUES ($1, $2, $3)",
                user_id,
                role,
                *community
            )
            .execute(&mut *tx)
            .await?;
        }
    }
    for e in ELDERS {
        let birth = chrono::NaiveDate::parse_from_str(e.birth, "%Y-%m-%d")?;
        let elder_id = sqlx::query_scalar!(
            r#"INSERT INTO elders (name, birth_date, community_id, building, unit, room, phone, needs_delivery,
                                 allergies, diet_needs, subsidy_category, notes, user_id, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, (SELECT id FROM users WHERE phone = $13),
                     (SELECT id FROM users WHERE phone = '13900000002'))
           RETURNING id AS "id!: i64""#,
            e.name,
            birth,
            e.community,
            e.building,
            e.unit,
            e.room,
            e.phone,
            e.needs_delivery,
            e.allergies,
            e.diet,
            e.subsidy,
            e.notes,
            e.own_login
        )
        .fetch_one(&mut *tx)
        .await?;
        if let Some((family_phone, relation)) = e.family {
            sqlx::query!(
                "INSERT INTO family_links (elder_id, user_id, relation)
                 VALUES ($1, (SELECT id FROM users WHERE phone = $2), $3)",
                elder_id,
                family_phone,
                relation
            )
            .execute(&mut *tx)
            .await?;
        }
    }
    let today = app::clock::today_in_shanghai();
    crate::demo_canteen::load(&mut tx, today).await?;
    crate::demo_volunteer::load(&mut tx, today).await?;
    crate::demo_school::load(&mut tx, today).await?;
    crate::database::number_after_loaded_rows(&mut tx).await?;
    tx.commit().await?;
    tracing::info!(password = DEMO_PASSWORD, "loaded demo data");
    Ok(())
}
