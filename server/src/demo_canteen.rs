//! Demo canteen: 十九街社区幸福食堂 with its 15-yuan 敬老套餐 (7 yuan for residents 60+),
//! subsidy rules, and a published menu for the week from the day the demo is loaded.

use app::db::Transaction;

/// A dish of a demo menu; the year's generated canteens serve the same kind.
pub struct MenuDish {
    pub name: &'static str,
    pub set_meal: bool,
    pub price_fen: i64,
    pub allergens: &'static [&'static str],
    pub diet_tags: &'static str,
    pub at_dinner: bool,
}

pub const fn dish(
    name: &'static str,
    (set_meal, price_fen): (bool, i64),
    allergens: &'static [&'static str],
    diet_tags: &'static str,
    at_dinner: bool,
) -> MenuDish {
    MenuDish {
        name,
        set_meal,
        price_fen,
        allergens,
        diet_tags,
        at_dinner,
    }
}

const DISHES: &[MenuDish] = &[
    dish(
        "敬老套餐（一荤一素一汤）",
        (true, 1500),
        &[],
        "low_salt",
        true,
    ),
    dish(
        "软食套餐（肉末豆腐·南瓜粥）",
        (true, 1500),
        &["soy"],
        "soft,low_salt",
        true,
    ),
    dish("红烧鱼块", (false, 1200), &["seafood"], "", false),
    dish("宫保鸡丁", (false, 1000), &["peanut", "soy"], "", false),
    dish("番茄炒蛋", (false, 600), &["egg"], "", true),
    dish("清炒时蔬", (false, 400), &[], "low_salt,low_sugar", true),
    dish("小米粥", (false, 200), &[], "soft,liquid,low_sugar", true),
];

/// (age band, category, subsidy in fen)
const SUBSIDIES: &[(&str, Option<&str>, i64)] = &[
    ("60_79", None, 800),
    ("80_89", None, 1000),
    ("90_plus", None, 1200),
    ("60_79", Some("dibao"), 1000),
    ("60_79", Some("tekun"), 1200),
    ("80_89", Some("tekun"), 1300),
    ("90_plus", Some("tekun"), 1500),
    ("60_79", Some("shineng"), 1200),
    ("80_89", Some("shineng"), 1300),
];

pub async fn load(tx: &mut Transaction<'_>, today: chrono::NaiveDate) -> anyhow::Result<()> {
    sqlx::query!(
        "INSERT INTO canteens (id, community_id, name, address, opening_hours)
         VALUES (1, 7, '十九街社区幸福食堂', '青山区红钢城街道十九街社区服务中心一楼', '11:00–13:00，17:00–18:30')"
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        "INSERT INTO meal_services (id, canteen_id, meal, cutoff_time, serve_time, capacity)
         VALUES (1, 1, 'lunch', '09:30', '11:30', 120), (2, 1, 'dinner', '15:00', '17:30', 60)"
    )
    .execute(&mut **tx)
    .await?;
    for (age_band, category, subsidy) in SUBSIDIES {
        sqlx::query!(
            "INSERT INTO subsidy_rules (age_band, subsidy_category, subsidy_fen) VALUES ($1, $2, $3)",
            age_band,
            *category,
            subsidy
        )
        .execute(&mut **tx)
        .await?;
    }
    for d in DISHES {
        let allergens = d.allergens.join(",");
        let dish_id = sqlx::query_scalar!(
            r#"INSERT INTO dishes (canteen_id, name, is_set_meal, price_fen, allergens, diet_tags) VALUES (1, $1, $2, $3, $4, $5)
           RETURNING id AS "id!: i64""#,
            d.name,
            d.set_meal,
            d.price_fen,
            allergens,
            d.diet_tags
        )
        .fetch_one(&mut **tx)
        .await?;
        for offset in 0..7 {
            let date = today + chrono::Days::new(offset);
            let services: &[i64] = if d.at_dinner { &[1, 2] } else { &[1] };
            for service in services {
                sqlx::query!(
                    "INSERT INTO menu_items (service_id, date, dish_id, published) VALUES ($1, $2, $3, TRUE)",
                    service,
                    date,
                    dish_id
                )
                .execute(&mut **tx)
                .await?;
            }
        }
    }
    Ok(())
}
