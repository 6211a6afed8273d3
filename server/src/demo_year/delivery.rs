//! Each day's deliveries planned into routes the way the routes page plans them (by
//! building, at most eight stops), a volunteer delivering each route, every stop marked
//! 已送达 or 无人应答, and the 无人应答 alerts the family and the community's staff received.

use app::canteen::model::menu::Meal;
use app::canteen::rules::delivery::{plan_routes, StopAddress};
use app::db::Connection;
use app::i18n::dates::day_label;
use chrono::NaiveDate;
use rand::Rng;

use super::canteen::Canteen;
use super::names::weighted;
use super::orders::Delivery;
use super::people::{Community, Volunteer};
use super::rows::{self, row, Rows};
use super::Gen;

/// Stops per route, as staff usually set it.
const MAX_STOPS: usize = 8;

/// A planned route, for its delivery shift.
pub struct Route {
    pub id: i64,
    pub date: NaiveDate,
    pub meal: Meal,
    pub route_no: i64,
    pub stops: usize,
    pub deliverer: i64,
    /// "11:30": when the shift starts.
    pub serve_time: String,
    /// The canteen, where the shift starts.
    pub place: String,
}

struct DeliveryRows {
    routes: Rows,
    stops: Rows,
    notifications: Rows,
}

pub async fn write(
    conn: &mut Connection,
    gen: &mut Gen,
    community: &Community,
    canteen: &Canteen,
    deliveries: &[Delivery],
) -> anyhow::Result<Vec<Route>> {
    let mut out = DeliveryRows {
        routes: Rows::new(&rows::DELIVERY_ROUTES),
        stops: Rows::new(&rows::DELIVERY_STOPS),
        notifications: Rows::new(&rows::NOTIFICATIONS),
    };
    // A few regulars deliver most routes.
    let weights: Vec<u32> = (0..community.volunteers.len())
        .map(|i| if i < 4 { 6 } else { 1 })
        .collect();
    let mut planned = Vec::new();
    for day in deliveries.chunk_by(|a, b| (a.date, a.service) == (b.date, b.service)) {
        let stops: Vec<StopAddress> = day
            .iter()
            .map(|d| {
                let elder = &community.elders[d.elder];
                StopAddress {
                    order_id: d.order_id,
                    building: elder.building.clone(),
                    unit: elder.unit.clone(),
                    room: elder.room.clone(),
                }
            })
            .collect();
        let service = &canteen.services[day[0].service];
        for (index, order_ids) in plan_routes(&stops, MAX_STOPS).iter().enumerate() {
            let deliverer = &community.volunteers[weighted(&mut gen.rng, &weights)];
            let route = Route {
                id: gen.ids.next(&rows::DELIVERY_ROUTES),
                date: day[0].date,
                meal: service.meal,
                route_no: index as i64 + 1,
                stops: order_ids.len(),
                deliverer: deliverer.id,
                serve_time: service.serve_time(),
                place: canteen.name.clone(),
            };
            out.routes.push(row![
                route.id,
                service.id,
                route.date,
                route.route_no,
                deliverer.id
            ]);
            for (position, order_id) in order_ids.iter().enumerate() {
                let Some(stop) = day.iter().find(|d| d.order_id == *order_id) else {
                    continue;
                };
                let marked_by = stop.marked_at.map(|_| deliverer.id);
                out.stops.push(row![
                    *order_id,
                    route.id,
                    position as i64 + 1,
                    stop.marked_at,
                    marked_by
                ]);
                if let Some(knocked) = stop.no_answer_at {
                    alert(
                        gen,
                        &mut out.notifications,
                        community,
                        (stop, service.id, service.meal),
                        deliverer,
                        knocked,
                    );
                }
            }
            planned.push(route);
        }
    }
    out.routes.write(conn, &mut gen.written).await?;
    out.stops.write(conn, &mut gen.written).await?;
    out.notifications.write(conn, &mut gen.written).await?;
    Ok(planned)
}

/// The 无人应答 alert, as the deliverer's mark sends it: to the elder's family and to the
/// community's staff. Alerts older than two days have been read.
fn alert(
    gen: &mut Gen,
    notifications: &mut Rows,
    community: &Community,
    (stop, service_id, meal): (&Delivery, i64, Meal),
    deliverer: &Volunteer,
    knocked: i64,
) {
    use app::ui::prefs::Locale;
    let elder = &community.elders[stop.elder];
    let text = |locale: Locale| {
        let (day, meal) = (day_label(stop.date, locale), meal.label_in(locale));
        match locale {
            Locale::Zh => format!(
                "无人应答：{}（{} {} {}）{}{}的送餐，送餐员{}敲门无人应答，请尽快联系长者。",
                elder.name, elder.building, elder.unit, elder.room, day, meal, deliverer.name
            ),
            Locale::En => format!(
                "No answer: {} ({} {} {}), {} {} delivery. The deliverer {} knocked and nobody answered. Please contact the elder soon.",
                elder.name, elder.building, elder.unit, elder.room, day, meal, deliverer.name
            ),
        }
    };
    let (zh, en) = (text(Locale::Zh), text(Locale::En));
    let staff_link = format!(
        "/canteen/manage/routes?service={service_id}&date={}",
        stop.date.format("%Y-%m-%d")
    );
    let family = elder
        .family
        .map(|user| (user, "/canteen/orders".to_string()));
    let staff = community.staff().map(|user| (user, staff_link.clone()));
    for (user, link) in family.into_iter().chain(staff) {
        let read_at =
            (knocked < gen.now - 2 * 86_400).then(|| knocked + 60 * gen.rng.gen_range(5..600));
        notifications.push(row![user, zh.clone(), en.clone(), link, knocked, read_at]);
    }
}
