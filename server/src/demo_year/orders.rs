//! A year of meal orders in one canteen, as families, elders and phone bookings placed them:
//! never more than a service's places, one live order per elder and meal, dishes from that
//! day's menu and none the elder is allergic to, priced and subsidised by the app's own rules
//! on the elder's age that day; then cooked, served or delivered, a few cancelled before the
//! cutoff, some rated.

use app::canteen::model::menu::Meal;
use app::canteen::model::order::{Fulfilment, OrderStatus};
use app::canteen::rules::pricing::{quote, subsidy_for, PricedLine};
use app::domain::age::{age_on, AgeBand};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rand::Rng;

use super::canteen::{Canteen, Dish, Service, ELDERLY_SET, HEARTY_SET, SOFT_SET};
use super::names::weighted;
use super::people::{Community, Elder};
use super::rows::{self, row, Rows};
use super::{at, Gen};

/// A delivery order, kept for planning the day's routes.
pub struct Delivery {
    pub order_id: i64,
    /// Position in the community's elders.
    pub elder: usize,
    /// Position in the canteen's services.
    pub service: usize,
    pub date: NaiveDate,
    /// When the deliverer last marked the stop.
    pub marked_at: Option<i64>,
    /// When nobody answered the door, if that happened (the stop may have been delivered
    /// at a second try since).
    pub no_answer_at: Option<i64>,
}

pub struct Year {
    pub orders: Rows,
    pub lines: Rows,
    pub deliveries: Vec<Delivery>,
}

const COMMENTS: [&[&str]; 5] = [
    &["饭菜凉了", "送得太晚了"],
    &["菜有点咸", "分量少了点"],
    &["还可以", "米饭有点硬"],
    &["味道不错", "送餐员很耐心"],
    &["很好吃，老人很满意", "准时送到，谢谢", "软烂好嚼，适合老人"],
];

pub fn generate(gen: &mut Gen, community: &Community, canteen: &Canteen) -> Year {
    let mut year = Year {
        orders: Rows::new(&rows::ORDERS),
        lines: Rows::new(&rows::ORDER_LINES),
        deliveries: Vec::new(),
    };
    let days: Vec<NaiveDate> = gen.days().collect();
    let elders = &community.elders;
    for (day, date) in days.into_iter().enumerate() {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        for (service, s) in canteen.services.iter().enumerate() {
            // A different elder comes first each day, so a full service turns away others.
            let start = gen.rng.gen_range(0..elders.len());
            let mut live = 0;
            for n in (0..elders.len()).map(|i| (start + i) % elders.len()) {
                let elder = &elders[n];
                let habit = &elder.habit;
                if !(habit.first_day..=habit.last_day).contains(&(day as i64)) {
                    continue;
                }
                let rate = match s.meal {
                    Meal::Lunch => habit.lunch,
                    Meal::Dinner => habit.dinner,
                } * if weekend { 0.85 } else { 1.0 };
                if live >= s.capacity || !gen.rng.gen_bool(rate) {
                    continue;
                }
                let order = Order {
                    elder,
                    n,
                    service,
                    date,
                };
                if order.write(gen, community, canteen, &mut year) != OrderStatus::Cancelled {
                    live += 1;
                }
            }
        }
    }
    year
}

struct Order<'a> {
    elder: &'a Elder,
    n: usize,
    service: usize,
    date: NaiveDate,
}

impl Order<'_> {
    /// Adds the order and its lines; returns its status.
    fn write(
        &self,
        gen: &mut Gen,
        community: &Community,
        canteen: &Canteen,
        year: &mut Year,
    ) -> OrderStatus {
        let s = &canteen.services[self.service];
        let elder = self.elder;
        let dishes = choose_dishes(gen, elder, canteen, s.meal, self.date);
        let priced: Vec<PricedLine> = dishes
            .iter()
            .map(|(d, quantity)| PricedLine {
                unit_price_fen: d.price_fen,
                quantity: *quantity,
                is_set_meal: d.set_meal,
            })
            .collect();
        let band = AgeBand::for_age(age_on(elder.birth, self.date));
        let price = quote(
            &priced,
            subsidy_for(&gen.subsidy_rules, band, elder.category),
        );
        let fulfilment = fulfilment(gen, elder);
        let placed_at = placed_at(gen, s.cutoff, self.date);
        let (status, changed_at, no_answer_at) = outcome(gen, s, self.date, fulfilment, placed_at);
        let (rating, comment) = rating(gen, status, self.date);
        let id = gen.ids.next(&rows::ORDERS);
        let placed_by = if gen.rng.gen_bool(0.1) {
            community.worker
        } else {
            elder.booker(community.worker)
        };
        year.orders.push(row![
            id,
            elder.id,
            s.id,
            self.date,
            fulfilment.code(),
            status.code(),
            price.full_price_fen,
            price.subsidy_fen,
            price.pay_fen,
            placed_by,
            placed_at,
            changed_at,
            rating,
            comment,
        ]);
        for (dish, quantity) in &dishes {
            year.lines
                .push(row![id, dish.id, *quantity, dish.price_fen]);
        }
        let routed = fulfilment == Fulfilment::Delivery
            && status != OrderStatus::Cancelled
            && (self.date < gen.today || s.meal == Meal::Lunch);
        if routed {
            let marked = matches!(status, OrderStatus::Delivered | OrderStatus::NoAnswer);
            year.deliveries.push(Delivery {
                order_id: id,
                elder: self.n,
                service: self.service,
                date: self.date,
                marked_at: marked.then_some(changed_at),
                no_answer_at,
            });
        }
        status
    }
}

/// A set meal as the elder's diet and allergies allow, sometimes with a single dish; or
/// single dishes only (no subsidy then).
fn choose_dishes<'c>(
    gen: &mut Gen,
    elder: &Elder,
    canteen: &'c Canteen,
    meal: Meal,
    date: NaiveDate,
) -> Vec<(&'c Dish, i64)> {
    let offered: Vec<&Dish> = canteen
        .dishes
        .iter()
        .filter(|d| d.on_menu(meal, date) && d.safe_for(&elder.allergies))
        .collect();
    let singles: Vec<&Dish> = offered.iter().copied().filter(|d| !d.set_meal).collect();
    let soft = elder.diet.iter().any(|d| *d == "soft" || *d == "liquid");
    let wanted = if soft {
        Some(SOFT_SET)
    } else {
        match weighted(&mut gen.rng, &[70, 15, 5, 10]) {
            0 => Some(ELDERLY_SET),
            1 => Some(HEARTY_SET),
            2 => Some(SOFT_SET),
            _ => None,
        }
    };
    // A set meal the elder may not have (an allergen, or not served at dinner) gives way to
    // another set meal.
    let set = wanted.and_then(|i| {
        let preferred = canteen.dishes[i].id;
        offered
            .iter()
            .find(|d| d.id == preferred)
            .or_else(|| offered.iter().find(|d| d.set_meal))
            .copied()
    });
    let mut lines: Vec<(&Dish, i64)> = set.map(|d| (d, 1)).into_iter().collect();
    let extras = match (set.is_some(), gen.rng.gen_bool(0.3)) {
        (true, false) => 0,
        (true, true) => 1,
        (false, _) => gen.rng.gen_range(1..=2),
    };
    for _ in 0..extras.min(singles.len()) {
        let dish = singles[gen.rng.gen_range(0..singles.len())];
        if lines.iter().all(|(d, _)| d.id != dish.id) {
            let quantity = if gen.rng.gen_bool(0.1) { 2 } else { 1 };
            lines.push((dish, quantity));
        }
    }
    if lines.is_empty() {
        // Every elder can eat the 敬老套餐: it has no allergens.
        lines.push((&canteen.dishes[ELDERLY_SET], 1));
    }
    lines
}

fn fulfilment(gen: &mut Gen, elder: &Elder) -> Fulfilment {
    if elder.needs_delivery {
        if gen.rng.gen_bool(0.85) {
            Fulfilment::Delivery
        } else {
            Fulfilment::Pickup
        }
    } else if gen.rng.gen_bool(elder.habit.pickup) {
        Fulfilment::Pickup
    } else {
        Fulfilment::DineIn
    }
}

/// Up to three days ahead, or the same morning before the cutoff; never after the moment
/// the data describes.
fn placed_at(gen: &mut Gen, cutoff: i64, date: NaiveDate) -> i64 {
    let days_ahead = weighted(&mut gen.rng, &[40, 35, 15, 10]) as i64;
    let placed = if days_ahead == 0 {
        at(date, gen.rng.gen_range(7 * 60..cutoff - 5))
    } else {
        at(
            date - Duration::days(days_ahead),
            gen.rng.gen_range(8 * 60..21 * 60),
        )
    };
    placed.min(gen.now - 60 * gen.rng.gen_range(5..120))
}

/// Where the order ended (or stands now), when it last changed, and when nobody answered
/// the door if that happened.
fn outcome(
    gen: &mut Gen,
    service: &Service,
    date: NaiveDate,
    fulfilment: Fulfilment,
    placed_at: i64,
) -> (OrderStatus, i64, Option<i64>) {
    let (meal, serve) = (service.meal, service.serve);
    let rng = &mut gen.rng;
    let delivery = fulfilment == Fulfilment::Delivery;
    let cancelled_share = if date == gen.today && meal == Meal::Dinner {
        0.02
    } else {
        0.04
    };
    if rng.gen_bool(cancelled_share) {
        // Cancelled before the cutoff, as the app allows.
        let cancelled = (placed_at + 60 * rng.gen_range(5..180)).min(at(date, service.cutoff - 1));
        return (OrderStatus::Cancelled, cancelled, None);
    }
    if date == gen.today {
        // Today at 12:15: lunch is being served and delivered, dinner not yet cooked.
        if meal == Meal::Dinner {
            return (OrderStatus::Placed, placed_at, None);
        }
        let served = at(date, serve + rng.gen_range(0..40));
        return match (delivery, weighted(rng, &[45, 45, 10])) {
            (false, 0) | (false, 2) | (true, 0) => (OrderStatus::Delivered, served, None),
            (false, _) => (OrderStatus::Ready, at(date, serve - 10), None),
            (true, 1) => (OrderStatus::OutForDelivery, at(date, serve), None),
            (true, _) => (OrderStatus::NoAnswer, served, Some(served)),
        };
    }
    if !delivery {
        return (
            OrderStatus::Delivered,
            at(date, serve + rng.gen_range(0..60)),
            None,
        );
    }
    let knocked = at(date, serve + rng.gen_range(15..90));
    if !rng.gen_bool(0.03) {
        return (OrderStatus::Delivered, knocked, None);
    }
    // Nobody answered: most are delivered at a second try once the family or staff reach
    // the elder; the rest stay 无人应答 (the elder was out, or collected it themselves).
    if rng.gen_bool(0.6) {
        let second_try = knocked + 60 * rng.gen_range(20..120);
        (OrderStatus::Delivered, second_try, Some(knocked))
    } else {
        (OrderStatus::NoAnswer, knocked, Some(knocked))
    }
}

/// 1–5 stars on one delivered meal in five, before today.
fn rating(gen: &mut Gen, status: OrderStatus, date: NaiveDate) -> (Option<i64>, &'static str) {
    if status != OrderStatus::Delivered || date >= gen.today || !gen.rng.gen_bool(0.2) {
        return (None, "");
    }
    let stars = weighted(&mut gen.rng, &[3, 5, 12, 30, 50]);
    let comment = if gen.rng.gen_bool(0.3) {
        let options = COMMENTS[stars];
        options[gen.rng.gen_range(0..options.len())]
    } else {
        ""
    };
    (Some(stars as i64 + 1), comment)
}
