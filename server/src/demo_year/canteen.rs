//! Each generated community's 幸福食堂: lunch and dinner with their cutoffs and places, a
//! menu of set meals and single dishes published every day of the year (single dishes in
//! rotation) and for the coming week, then the year's orders and delivery routes.

use app::canteen::model::menu::Meal;
use app::db::Connection;
use chrono::{Datelike, Duration, NaiveDate};
use rand::Rng;

use super::delivery::{self, Route};
use super::orders;
use super::people::Community;
use super::rows::{self, row, Rows};
use super::Gen;
use crate::demo_canteen::{dish, MenuDish};

pub struct Canteen {
    pub name: String,
    pub services: [Service; 2],
    pub dishes: Vec<Dish>,
}

pub struct Service {
    pub id: i64,
    pub meal: Meal,
    pub capacity: usize,
    /// Minutes after midnight.
    pub cutoff: i64,
    pub serve: i64,
}

impl Service {
    /// "11:30".
    pub fn serve_time(&self) -> String {
        format!("{:02}:{:02}", self.serve / 60, self.serve % 60)
    }
}

pub struct Dish {
    pub id: i64,
    pub set_meal: bool,
    pub price_fen: i64,
    pub allergens: &'static [&'static str],
    pub at_dinner: bool,
    /// Single dishes are off the menu one day in four, each on its own day.
    rotation: usize,
}

impl Dish {
    pub fn on_menu(&self, meal: Meal, date: NaiveDate) -> bool {
        let served = meal == Meal::Lunch || self.at_dinner;
        let in_rotation =
            self.set_meal || !(date.num_days_from_ce() as usize + self.rotation).is_multiple_of(4);
        served && in_rotation
    }

    /// Whether an elder with these allergies may order it (the app refuses the others).
    pub fn safe_for(&self, allergies: &[&str]) -> bool {
        !self.allergens.iter().any(|a| allergies.contains(a))
    }
}

/// The set meals come first: orders pick them by position.
pub const ELDERLY_SET: usize = 0;
pub const SOFT_SET: usize = 1;
pub const HEARTY_SET: usize = 2;

const MENU: &[MenuDish] = &[
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
    dish(
        "营养套餐（两荤一素一汤）",
        (true, 1800),
        &["egg"],
        "",
        false,
    ),
    dish("红烧鱼块", (false, 1200), &["seafood"], "", false),
    dish("宫保鸡丁", (false, 1000), &["peanut", "soy"], "", false),
    dish("红烧肉", (false, 1200), &["soy"], "", false),
    dish("番茄炒蛋", (false, 600), &["egg"], "", true),
    dish("清炒时蔬", (false, 400), &[], "low_salt,low_sugar", true),
    dish("冬瓜排骨汤", (false, 500), &[], "low_salt", true),
    dish("小米粥", (false, 200), &[], "soft,liquid,low_sugar", true),
    dish("馒头", (false, 100), &["wheat"], "", true),
];

/// Days of published menu after today, so that ordering works on the generated canteens.
const MENU_AHEAD: i64 = 6;

/// Writes the community's canteen and its year of orders; returns the delivery routes.
pub async fn write(
    conn: &mut Connection,
    gen: &mut Gen,
    community: &Community,
) -> anyhow::Result<Vec<Route>> {
    let canteen = setup(conn, gen, community).await?;
    let year = orders::generate(gen, community, &canteen);
    year.orders.write(conn, &mut gen.written).await?;
    year.lines.write(conn, &mut gen.written).await?;
    delivery::write(conn, gen, community, &canteen, &year.deliveries).await
}

async fn setup(
    conn: &mut Connection,
    gen: &mut Gen,
    community: &Community,
) -> anyhow::Result<Canteen> {
    let id = gen.ids.next(&rows::CANTEENS);
    let name = format!("{}幸福食堂", community.name);
    let mut canteens = Rows::new(&rows::CANTEENS);
    canteens.push(row![
        id,
        community.id,
        name.clone(),
        format!("{}{}服务中心一楼", community.district, community.name),
        "11:00–13:00，17:00–18:30",
    ]);
    let services = [
        Service {
            id: gen.ids.next(&rows::MEAL_SERVICES),
            meal: Meal::Lunch,
            capacity: gen.rng.gen_range(100..=140),
            cutoff: 9 * 60 + 30,
            serve: 11 * 60 + 30,
        },
        Service {
            id: gen.ids.next(&rows::MEAL_SERVICES),
            meal: Meal::Dinner,
            capacity: gen.rng.gen_range(50..=70),
            cutoff: 15 * 60,
            serve: 17 * 60 + 30,
        },
    ];
    let mut service_rows = Rows::new(&rows::MEAL_SERVICES);
    for s in &services {
        let cutoff = format!("{:02}:{:02}", s.cutoff / 60, s.cutoff % 60);
        service_rows.push(row![
            s.id,
            id,
            s.meal.code(),
            cutoff,
            s.serve_time(),
            s.capacity as i64
        ]);
    }
    let mut dish_rows = Rows::new(&rows::DISHES);
    let mut dishes = Vec::with_capacity(MENU.len());
    for (rotation, d) in MENU.iter().enumerate() {
        let dish_id = gen.ids.next(&rows::DISHES);
        dish_rows.push(row![
            dish_id,
            id,
            d.name,
            d.set_meal,
            "",
            d.price_fen,
            d.allergens.join(","),
            d.diet_tags,
        ]);
        dishes.push(Dish {
            id: dish_id,
            set_meal: d.set_meal,
            price_fen: d.price_fen,
            allergens: d.allergens,
            at_dinner: d.at_dinner,
            rotation,
        });
    }
    let mut menu = Rows::new(&rows::MENU_ITEMS);
    let last = gen.today + Duration::days(MENU_AHEAD);
    for date in gen.first_day().iter_days().take_while(|d| *d <= last) {
        for s in &services {
            for d in dishes.iter().filter(|d| d.on_menu(s.meal, date)) {
                menu.push(row![s.id, date, d.id, true]);
            }
        }
    }
    canteens.write(conn, &mut gen.written).await?;
    service_rows.write(conn, &mut gen.written).await?;
    dish_rows.write(conn, &mut gen.written).await?;
    menu.write(conn, &mut gen.written).await?;
    Ok(Canteen {
        name,
        services,
        dishes,
    })
}
