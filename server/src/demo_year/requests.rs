//! A year of service requests (点单 → 派单/领单 → 服务完成 → 评单) in one community: about
//! one a day, of every kind; most taken within hours, some after days; a few cancelled while
//! still open; most of the done ones rated. Hours, points and the good-rating bonus go to the
//! ledger as the app credits them. Recent requests stand where they would be now.

use app::volunteer::model::requests::RequestCategory;
use app::volunteer::rules::points::{earns_bonus, points_for};
use chrono::{Datelike, Duration, NaiveDate};
use rand::Rng;

use super::names::{pick, weighted};
use super::people::Community;
use super::rows::{self, row};
use super::volunteer::VolunteerRows;
use super::{at, Gen};

const CATEGORIES: [(RequestCategory, u32, &[&str]); 6] = [
    (
        RequestCategory::Haircut,
        20,
        &["老人行动不便，想请人上门理发。", "剪短一点，夏天凉快。"],
    ),
    (
        RequestCategory::Escort,
        20,
        &[
            "去医院复查，需要有人陪同挂号取药。",
            "看牙科，家人上班走不开。",
        ],
    ),
    (
        RequestCategory::Shopping,
        20,
        &["帮忙买米和油，扛不动。", "代买降压药和一些蔬菜。"],
    ),
    (
        RequestCategory::Repair,
        15,
        &["厨房水龙头漏水。", "电灯不亮了，换个灯泡。", "门锁不好开。"],
    ),
    (
        RequestCategory::Company,
        20,
        &["独居，想有人陪着聊聊天。", "陪老人下楼晒晒太阳。"],
    ),
    (
        RequestCategory::Other,
        5,
        &["教老人用手机视频通话。", "帮忙填一张表。"],
    ),
];
const HOSPITALS: &[&str] = &["市第一医院", "协和医院西院", "社区卫生服务中心", "普爱医院"];
const COMMENTS: [&[&str]; 5] = [
    &["没有按约定时间来"],
    &["来晚了一些"],
    &["还行"],
    &["很耐心，谢谢", "服务周到"],
    &[
        "小伙子很热心，老人特别高兴",
        "非常满意，谢谢志愿者",
        "准时又细心",
    ],
];

pub fn generate(
    gen: &mut Gen,
    out: &mut VolunteerRows,
    community: &Community,
    (minutes, per_hour, bonus): (i64, i64, i64),
) {
    let days: Vec<NaiveDate> = gen.days().collect();
    for day in days {
        for _ in 0..3 {
            if gen.rng.gen_bool(0.27) {
                one(gen, out, community, day, (minutes, per_hour, bonus));
            }
        }
    }
}

fn one(
    gen: &mut Gen,
    out: &mut VolunteerRows,
    community: &Community,
    day: NaiveDate,
    (minutes, per_hour, bonus): (i64, i64, i64),
) {
    let now = gen.now;
    let rng = &mut gen.rng;
    let (category, _, details) = CATEGORIES[weighted(rng, &CATEGORIES.map(|c| c.1))];
    let elder = &community.elders[rng.gen_range(0..community.elders.len())];
    let posted_at = at(day, rng.gen_range(8 * 60..20 * 60));
    if posted_at >= now {
        return;
    }
    let wished = day + Duration::days(rng.gen_range(1..=3));
    let wished_time = format!(
        "{}月{}日{}",
        wished.month(),
        wished.day(),
        if rng.gen_bool(0.5) {
            "上午"
        } else {
            "下午"
        }
    );
    let place = if category == RequestCategory::Escort {
        pick(rng, HOSPITALS).to_string()
    } else {
        elder.address()
    };
    let detail = *pick(rng, details);
    let requester = elder.booker(community.worker);
    let id = gen.ids.next(&rows::SERVICE_REQUESTS);
    let rng = &mut gen.rng;
    let cancelled_at = posted_at + 60 * rng.gen_range(10..600);
    let taken_at = posted_at
        + 60 * match weighted(rng, &[35, 35, 20, 10]) {
            0 => rng.gen_range(10..60),
            1 => rng.gen_range(60..240),
            2 => rng.gen_range(240..1440),
            _ => rng.gen_range(1440..4320),
        };
    let done_at = taken_at + 60 * rng.gen_range(60..4320);
    let rated_at = done_at + 60 * rng.gen_range(30..2880);
    let volunteer = community.volunteers[rng.gen_range(0..community.volunteers.len())].id;
    let dispatched = rng.gen_bool(0.4);
    let stars = weighted(rng, &[2, 3, 10, 30, 55]);
    let comment = if rng.gen_bool(0.4) {
        *pick(rng, COMMENTS[stars])
    } else {
        ""
    };
    let stars = stars as i64 + 1;
    let rated = rng.gen_bool(0.75) && rated_at < now;
    let cancelled = rng.gen_bool(0.05) && cancelled_at < taken_at && cancelled_at < now;
    let (status, taken, done) = if cancelled {
        ("cancelled", false, false)
    } else if taken_at >= now {
        ("open", false, false)
    } else if done_at >= now {
        ("taken", true, false)
    } else {
        ("done", true, true)
    };
    let rated = rated && done;
    out.requests.push(row![
        id,
        community.id,
        Some(elder.id),
        requester,
        category.code(),
        detail,
        wished_time,
        place,
        status,
        taken.then_some(volunteer),
        posted_at,
        (taken && dispatched).then_some(community.worker),
        (taken && dispatched).then_some(taken_at),
        taken.then_some(taken_at),
        done.then_some(done_at),
        cancelled.then_some(cancelled_at),
        rated.then_some(stars),
        if rated { comment } else { "" },
        rated.then_some(rated_at),
    ]);
    if done {
        let points = points_for(minutes, per_hour);
        out.ledger.push(row![
            volunteer,
            community.id,
            "request",
            id,
            minutes,
            points,
            category.label(),
            done_at
        ]);
    }
    if rated && earns_bonus(stars) {
        out.ledger.push(row![
            volunteer,
            community.id,
            "rating_bonus",
            id,
            0,
            bonus,
            "好评奖励",
            rated_at
        ]);
    }
}
