//! The year's volunteer work in one community: a delivery shift for every route, a weekly
//! class-assistant shift, two events a month, sign-ups with waitlists and cancellations,
//! shifts confirmed done with hours and points in the ledger, and the service requests.

use app::db::Connection;
use app::volunteer::db::points::rule;
use app::volunteer::model::shifts::ShiftKind;
use app::volunteer::rules::points::points_for;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Timelike};
use rand::seq::SliceRandom;
use rand::Rng;

use super::delivery::Route;
use super::names::pick;
use super::people::Community;
use super::requests;
use super::rows::{self, row, Rows};
use super::school::AssistedClass;
use super::{at, Gen};

pub struct VolunteerRows {
    pub shifts: Rows,
    pub signups: Rows,
    pub ledger: Rows,
    pub requests: Rows,
}

/// Minutes and points per hour of each kind of shift, as the admin set them.
struct ShiftRules {
    delivery: (i64, i64),
    class_assistant: (i64, i64),
    event: (i64, i64),
}

/// A shift to write, with the people who signed up in the order they did.
struct Shift<'a> {
    kind: ShiftKind,
    title: String,
    place: &'a str,
    date: NaiveDate,
    start: &'a str,
    end: String,
    needed: usize,
    route_id: Option<i64>,
    created_by: i64,
    created_at: i64,
    people: Vec<i64>,
}

const EVENTS: &[&str] = &[
    "重阳敬老健康义诊",
    "社区环境清洁日",
    "防诈骗宣传进楼栋",
    "爱心义剪",
    "智能手机教学",
    "独居老人走访",
    "节日包饺子",
];

pub async fn write(
    conn: &mut Connection,
    gen: &mut Gen,
    community: &Community,
    routes: &[Route],
    classes: &[AssistedClass],
) -> anyhow::Result<()> {
    let mut rules = ShiftRules {
        delivery: (0, 0),
        class_assistant: (0, 0),
        event: (0, 0),
    };
    for (kind, slot) in [
        (ShiftKind::Delivery, &mut rules.delivery),
        (ShiftKind::ClassAssistant, &mut rules.class_assistant),
        (ShiftKind::Event, &mut rules.event),
    ] {
        let (minutes, per_hour, _) = rule(conn, kind.code()).await?;
        *slot = (minutes, per_hour);
    }
    let request_rule = rule(conn, "request").await?;
    let mut out = VolunteerRows {
        shifts: Rows::new(&rows::SHIFTS),
        signups: Rows::new(&rows::SHIFT_SIGNUPS),
        ledger: Rows::new(&rows::POINTS_LEDGER),
        requests: Rows::new(&rows::SERVICE_REQUESTS),
    };
    for route in routes {
        let start = NaiveTime::parse_from_str(&route.serve_time, "%H:%M")?;
        // Routes are planned once the meal's orders close, before it is served.
        let planned = at(route.date, minutes_of(&route.serve_time) - 90);
        let shift = Shift {
            kind: ShiftKind::Delivery,
            title: format!(
                "{}送餐 · 路线 {}（{} 户）",
                route.meal.label(),
                route.route_no,
                route.stops
            ),
            place: &route.place,
            date: route.date,
            start: &route.serve_time,
            end: (start + Duration::minutes(90)).format("%H:%M").to_string(),
            needed: 1,
            route_id: Some(route.id),
            created_by: community.canteen_staff,
            created_at: planned,
            people: vec![route.deliverer],
        };
        write_shift(gen, &mut out, community, shift, rules.delivery);
    }
    let last = gen.today + Duration::days(14);
    for class in classes.iter().filter(|c| c.community_id == community.id) {
        let mut day = class.starts_on.max(gen.first_day());
        while day <= class.ends_on.min(last) {
            if day.weekday().number_from_monday() == class.weekday {
                let shift = Shift {
                    kind: ShiftKind::ClassAssistant,
                    title: format!("{}课堂助教", class.name),
                    place: &class.place,
                    date: day,
                    start: class.start,
                    end: class.end.to_string(),
                    needed: 1,
                    route_id: None,
                    created_by: community.worker,
                    created_at: at(day - Duration::days(10), 10 * 60),
                    people: volunteers(gen, community, 0..=2),
                };
                write_shift(gen, &mut out, community, shift, rules.class_assistant);
            }
            day += Duration::days(1);
        }
    }
    let square = format!("{}服务中心广场", community.name);
    let mut day = gen.first_day() + Duration::days(gen.rng.gen_range(0..10));
    while day <= last {
        let needed = gen.rng.gen_range(3..=8);
        let shift = Shift {
            kind: ShiftKind::Event,
            title: pick(&mut gen.rng, EVENTS).to_string(),
            place: &square,
            date: day,
            start: "09:00",
            end: "11:30".to_string(),
            needed,
            route_id: None,
            created_by: community.worker,
            created_at: at(day - Duration::days(14), 15 * 60),
            people: volunteers(gen, community, needed.saturating_sub(2)..=needed + 3),
        };
        write_shift(gen, &mut out, community, shift, rules.event);
        day += Duration::days(gen.rng.gen_range(12..18));
    }
    requests::generate(gen, &mut out, community, request_rule);
    out.shifts.write(conn, &mut gen.written).await?;
    out.signups.write(conn, &mut gen.written).await?;
    out.requests.write(conn, &mut gen.written).await?;
    out.ledger.write(conn, &mut gen.written).await?;
    Ok(())
}

/// Some of the community's volunteers, each once, in the order they signed up.
fn volunteers(
    gen: &mut Gen,
    community: &Community,
    how_many: std::ops::RangeInclusive<usize>,
) -> Vec<i64> {
    let mut all: Vec<i64> = community.volunteers.iter().map(|v| v.id).collect();
    all.shuffle(&mut gen.rng);
    all.truncate(gen.rng.gen_range(how_many));
    all
}

/// The shift, its sign-ups (the first `needed` confirmed, the rest waitlisted; a confirmed
/// volunteer who cancels before the cutoff hands the place to the first on the waitlist), and
/// once it is over, its completion with hours and points for everyone confirmed.
fn write_shift(
    gen: &mut Gen,
    out: &mut VolunteerRows,
    community: &Community,
    shift: Shift,
    (minutes, per_hour): (i64, i64),
) {
    let id = gen.ids.next(&rows::SHIFTS);
    let (start, end) = (minutes_of(shift.start), minutes_of(&shift.end));
    let created_at = shift.created_at.min(gen.now - 3600);
    let over = at(shift.date, end) < gen.now;
    let completed_at = over.then(|| at(shift.date, end + 30));
    let cutoff = at(shift.date, start - 120);
    let mut statuses: Vec<(&str, i64, i64)> = Vec::new();
    let mut signed = created_at;
    let mut people = shift.people;
    for _ in &people {
        signed = (signed + 60 * gen.rng.gen_range(5..600))
            .min(cutoff - 60)
            .max(created_at);
        if signed > gen.now {
            break;
        }
        let live = statuses
            .iter()
            .filter(|(s, _, _)| *s == "confirmed")
            .count();
        let status = if live < shift.needed {
            "confirmed"
        } else {
            "waitlisted"
        };
        statuses.push((status, signed, signed));
    }
    people.truncate(statuses.len());
    let cancels = statuses.len() > 1 && statuses[0].0 == "confirmed" && gen.rng.gen_bool(0.08);
    if cancels && (statuses[0].2 < gen.now) {
        let cancelled = (statuses[0].1 + 3600).min(cutoff - 30).min(gen.now);
        statuses[0] = ("cancelled", statuses[0].1, cancelled);
        if let Some(next) = statuses.iter_mut().find(|(s, _, _)| *s == "waitlisted") {
            *next = ("confirmed", next.1, cancelled.max(next.1));
        }
    }
    out.shifts.push(row![
        id,
        community.id,
        shift.kind.code(),
        shift.title.clone(),
        shift.place.to_string(),
        shift.date,
        shift.start.to_string(),
        shift.end,
        shift.needed as i64,
        2,
        shift.route_id,
        shift.created_by,
        created_at,
        completed_at,
    ]);
    let note = format!("{} {}", shift.date.format("%Y-%m-%d"), shift.title);
    for (user, (status, signed_up_at, changed_at)) in people.iter().zip(statuses) {
        let signup = gen.ids.next(&rows::SHIFT_SIGNUPS);
        out.signups
            .push(row![signup, id, *user, status, signed_up_at, changed_at]);
        if let (Some(done), "confirmed") = (completed_at, status) {
            out.ledger.push(row![
                *user,
                community.id,
                "shift",
                id,
                minutes,
                points_for(minutes, per_hour),
                note.clone(),
                done,
            ]);
        }
    }
}

/// Minutes after midnight of "HH:MM".
fn minutes_of(time: &str) -> i64 {
    NaiveTime::parse_from_str(time, "%H:%M").map_or(0, |t| i64::from(t.hour() * 60 + t.minute()))
}
