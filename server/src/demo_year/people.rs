//! The generated communities and their people: a community worker, an admin and canteen
//! staff each, volunteers with profiles, and elders with their addresses, needs, subsidy
//! category, eating habits, and the family account (or own login) that orders for them.

use app::db::Connection;
use app::domain::age::age_on;
use app::domain::elder::SubsidyCategory;
use chrono::{Duration, NaiveDate};
use rand::Rng;

use super::names::{self, pick, weighted};
use super::rows::{self, row, Rows};
use super::{at, Gen};

pub struct Community {
    pub id: i64,
    /// 0 for the first generated community.
    pub index: usize,
    pub name: String,
    /// "青山区红钢城街道" — the start of every address in it.
    pub district: String,
    pub worker: i64,
    pub admin: i64,
    pub canteen_staff: i64,
    pub volunteers: Vec<Volunteer>,
    pub elders: Vec<Elder>,
}

pub struct Volunteer {
    pub id: i64,
    pub name: String,
}

impl Community {
    /// Staff who are alerted about the community's deliveries.
    pub fn staff(&self) -> [i64; 3] {
        [self.worker, self.admin, self.canteen_staff]
    }
}

pub struct Elder {
    pub id: i64,
    pub name: String,
    pub birth: NaiveDate,
    pub building: String,
    pub unit: String,
    pub room: String,
    pub needs_delivery: bool,
    /// Allergen codes.
    pub allergies: Vec<&'static str>,
    /// Diet need codes.
    pub diet: Vec<&'static str>,
    pub category: SubsidyCategory,
    pub own_login: Option<i64>,
    pub family: Option<i64>,
    pub habit: Habit,
}

impl Elder {
    /// "12栋2单元301".
    pub fn address(&self) -> String {
        format!("{}{}{}", self.building, self.unit, self.room)
    }

    /// Who places an order or an enrollment for this elder: family, then the elder, else the
    /// community worker by phone (电话代办).
    pub fn booker(&self, worker: i64) -> i64 {
        self.family.or(self.own_login).unwrap_or(worker)
    }
}

/// How often an elder eats at the canteen, and the days they are around.
pub struct Habit {
    pub lunch: f64,
    pub dinner: f64,
    /// Share of canteen meals taken home rather than eaten there.
    pub pickup: f64,
    /// First and last day (counted from the first day of history) the elder orders.
    pub first_day: i64,
    pub last_day: i64,
}

const ALLERGENS: &[&str] = &["peanut", "seafood", "egg", "milk", "wheat", "soy"];
const RELATIONS: &[&str] = &["儿子", "女儿", "儿媳", "女婿", "孙女", "外孙", "侄子"];
const DELIVERY_NOTES: &[&str] = &[
    "3楼，敲门要大声",
    "独居，腿脚不便",
    "耳背，请多敲几下门",
    "没有智能手机，电话订餐",
    "行动不便，请送到屋里",
];
const SKILLS: &[&str] = &[
    "送餐",
    "陪诊",
    "理发",
    "维修",
    "代购",
    "聊天陪伴",
    "智能手机教学",
];
const AVAILABILITY: &[&str] = &["工作日上午", "周末", "每天下午", "周二、周四上午", "晚上"];

/// The accounts, roles and links of one batch of people, written together.
struct PeopleRows {
    users: Rows,
    roles: Rows,
    elders: Rows,
    family: Rows,
    profiles: Rows,
}

pub async fn write(conn: &mut Connection, gen: &mut Gen) -> anyhow::Result<Vec<Community>> {
    let subdistricts =
        sqlx::query!(r#"SELECT id AS "id!", district, name FROM subdistricts ORDER BY id"#)
            .fetch_all(&mut *conn)
            .await?;
    let mut communities_rows = Rows::new(&rows::COMMUNITIES);
    let mut people = PeopleRows {
        users: Rows::new(&rows::USERS),
        roles: Rows::new(&rows::USER_ROLES),
        elders: Rows::new(&rows::ELDERS),
        family: Rows::new(&rows::FAMILY_LINKS),
        profiles: Rows::new(&rows::VOLUNTEER_PROFILES),
    };
    let mut communities = Vec::with_capacity(gen.shape.communities);
    for index in 0..gen.shape.communities {
        let subdistrict = &subdistricts[index % subdistricts.len()];
        let id = gen.ids.next(&rows::COMMUNITIES);
        let name = names::community(index);
        communities_rows.push(row![id, subdistrict.id, name.clone()]);
        let district = format!("{}{}", subdistrict.district, subdistrict.name);
        communities.push(community(gen, &mut people, index, id, name, district));
    }
    communities_rows.write(conn, &mut gen.written).await?;
    people.users.write(conn, &mut gen.written).await?;
    people.roles.write(conn, &mut gen.written).await?;
    people.elders.write(conn, &mut gen.written).await?;
    people.family.write(conn, &mut gen.written).await?;
    people.profiles.write(conn, &mut gen.written).await?;
    Ok(communities)
}

fn community(
    gen: &mut Gen,
    people: &mut PeopleRows,
    index: usize,
    id: i64,
    name: String,
    district: String,
) -> Community {
    let opened = at(gen.first_day() - Duration::days(400), 9 * 60);
    let mut staff = |gen: &mut Gen, person: usize, role: &'static str| {
        let display = names::younger_name(&mut gen.rng, None);
        let user = account(gen, people, names::phone(index, person), display, opened);
        people.roles.push(row![user, role, Some(id), opened]);
        user
    };
    let worker = staff(gen, 1, "worker");
    let admin = staff(gen, 2, "admin");
    let canteen_staff = staff(gen, 3, "canteen_staff");
    let (fewest, most) = gen.shape.volunteers;
    let volunteers = (0..gen.rng.gen_range(fewest..=most))
        .map(|n| volunteer(gen, people, index, id, 10 + n, opened))
        .collect();
    let (fewest, most) = gen.shape.elders;
    let mut elders: Vec<Elder> = Vec::new();
    for n in 0..gen.rng.gen_range(fewest..=most) {
        let shares_family = elders
            .last()
            .and_then(|e| e.family)
            .filter(|_| gen.rng.gen_bool(0.2));
        let elder = elder(gen, people, (index, id, worker), n, shares_family);
        elders.push(elder);
    }
    Community {
        id,
        index,
        name,
        district,
        worker,
        admin,
        canteen_staff,
        volunteers,
        elders,
    }
}

fn account(gen: &mut Gen, people: &mut PeopleRows, phone: String, name: String, at: i64) -> i64 {
    let id = gen.ids.next(&rows::USERS);
    people
        .users
        .push(row![id, phone, name, gen.password_hash.clone(), at]);
    id
}

fn volunteer(
    gen: &mut Gen,
    people: &mut PeopleRows,
    index: usize,
    community: i64,
    person: usize,
    opened: i64,
) -> Volunteer {
    let name = names::younger_name(&mut gen.rng, None);
    let user = account(
        gen,
        people,
        names::phone(index, person),
        name.clone(),
        opened,
    );
    people
        .roles
        .push(row![user, "volunteer", None::<i64>, opened]);
    let skills = format!(
        "{},{}",
        pick(&mut gen.rng, SKILLS),
        pick(&mut gen.rng, SKILLS)
    );
    let party = gen.rng.gen_bool(0.4);
    let availability = *pick(&mut gen.rng, AVAILABILITY);
    people
        .profiles
        .push(row![user, Some(community), skills, party, availability]);
    Volunteer { id: user, name }
}

/// One elder (the `n`th of the community), with their own login and family as drawn.
fn elder(
    gen: &mut Gen,
    people: &mut PeopleRows,
    (index, community, worker): (usize, i64, i64),
    n: usize,
    shares_family: Option<i64>,
) -> Elder {
    let rng = &mut gen.rng;
    let age = match weighted(rng, &[30, 35, 25, 10]) {
        0 => rng.gen_range(60..70),
        1 => rng.gen_range(70..80),
        2 => rng.gen_range(80..90),
        _ => rng.gen_range(90..100),
    };
    let birth = gen.today - Duration::days(age * 365 + age / 4 + rng.gen_range(0..365));
    let age = age_on(birth, gen.today);
    let needs_delivery = rng.gen_bool(match age {
        ..=69 => 0.08,
        70..=79 => 0.2,
        80..=89 => 0.4,
        _ => 0.6,
    });
    let allergies = if rng.gen_bool(0.12) {
        vec![*pick(rng, ALLERGENS)]
    } else {
        Vec::new()
    };
    let diet = match weighted(rng, &[65, 15, 10, 8, 2]) {
        0 => Vec::new(),
        1 => vec!["low_salt"],
        2 => vec!["low_sugar"],
        3 => vec!["soft"],
        _ => vec!["liquid"],
    };
    let category = match weighted(rng, &[72, 10, 6, if needs_delivery { 30 } else { 6 }]) {
        0 => SubsidyCategory::None,
        1 => SubsidyCategory::Dibao,
        2 => SubsidyCategory::Tekun,
        _ => SubsidyCategory::Shineng,
    };
    let name = names::elder_name(rng);
    let building = format!("{}栋", rng.gen_range(1..=30));
    let unit = if rng.gen_bool(0.1) {
        String::new()
    } else {
        format!("{}单元", rng.gen_range(1..=4))
    };
    let room = format!("{}0{}", rng.gen_range(1..=7), rng.gen_range(1..=4));
    let phone = if rng.gen_bool(0.5) {
        format!("135{:04}{:04}", index + 1, n)
    } else {
        String::new()
    };
    let notes = if needs_delivery && rng.gen_bool(0.3) {
        *pick(rng, DELIVERY_NOTES)
    } else {
        ""
    };
    let habit = habit(gen);
    let since = at(
        gen.first_day() - Duration::days(gen.rng.gen_range(30..400)),
        gen.rng.gen_range(8 * 60..18 * 60),
    );
    let own_login = (age < 85 && gen.rng.gen_bool(0.15)).then(|| {
        let user = account(
            gen,
            people,
            names::phone(index, 5000 + n),
            name.clone(),
            since,
        );
        people.roles.push(row![user, "elder", None::<i64>, since]);
        user
    });
    let family = shares_family.or_else(|| {
        gen.rng.gen_bool(0.78).then(|| {
            let surname = name.chars().next().map(String::from);
            let display = names::younger_name(&mut gen.rng, surname.as_deref());
            let user = account(gen, people, names::phone(index, 100 + n), display, since);
            people.roles.push(row![user, "family", None::<i64>, since]);
            user
        })
    });
    let id = gen.ids.next(&rows::ELDERS);
    people.elders.push(row![
        id,
        name.clone(),
        birth,
        community,
        building.clone(),
        unit.clone(),
        room.clone(),
        phone,
        needs_delivery,
        allergies.join(","),
        diet.join(","),
        category.code(),
        notes,
        own_login,
        worker,
        since,
        since,
    ]);
    if let Some(user) = family {
        let relation = *pick(&mut gen.rng, RELATIONS);
        people.family.push(row![id, user, relation]);
    }
    Elder {
        id,
        name,
        birth,
        building,
        unit,
        room,
        needs_delivery,
        allergies,
        diet,
        category,
        own_login,
        family,
        habit,
    }
}

fn habit(gen: &mut Gen) -> Habit {
    let days = gen.shape.days;
    let rng = &mut gen.rng;
    let (lunch, dinner) = if rng.gen_bool(0.75) {
        let dinner = if rng.gen_bool(0.45) {
            rng.gen_range(0.25..0.85)
        } else {
            0.0
        };
        (rng.gen_range(0.35..0.95), dinner)
    } else {
        (rng.gen_range(0.02..0.15), rng.gen_range(0.0..0.05))
    };
    let first_day = if rng.gen_bool(0.8) {
        0
    } else {
        rng.gen_range(0..days)
    };
    let last_day = if rng.gen_bool(0.85) {
        days - 1
    } else {
        rng.gen_range(first_day..days)
    };
    Habit {
        lunch,
        dinner,
        pickup: rng.gen_range(0.0..0.5),
        first_day,
        last_day,
    }
}
