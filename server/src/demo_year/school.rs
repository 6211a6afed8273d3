//! The elderly school in the generated communities: last semester (finished) and the demo's
//! current one; a teaching site with four rooms per community, travel times between the sites
//! of a 街道, rotating teachers, four classes per community and semester at clash-free weekly
//! times, enrollments with waitlists and offers of freed seats, fees, and attendance.

use app::db::Connection;
use app::school::db::semester::Semester;
use chrono::{Datelike, Duration, NaiveDate};
use rand::seq::SliceRandom;
use rand::Rng;

use super::names::{self, pick, weighted};
use super::people::Community;
use super::rows::{self, row, Rows};
use super::{at, Gen};

/// A class that has a volunteer assistant each week.
pub struct AssistedClass {
    pub community_id: i64,
    pub name: String,
    pub weekday: u32,
    pub start: &'static str,
    pub end: &'static str,
    pub place: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

const COURSES: &[(&str, &str)] = &[
    ("书法", "楷书入门到行书，笔墨纸砚学校准备。"),
    ("舞蹈", "广场舞和民族舞，活动筋骨。"),
    ("太极", "二十四式太极拳。"),
    ("柔力球", "柔力球基本动作和套路。"),
    ("摄影", "用手机拍出好照片。"),
    ("瑜伽", "椅子瑜伽，适合膝盖不好的老人。"),
    ("音乐", "识简谱，学唱经典老歌。"),
    ("模特", "形体和走秀。"),
    ("合唱", "每周合唱排练。"),
    ("国画", "花鸟写意。"),
    ("八段锦", "传统养生功法。"),
    ("智能手机", "微信、视频通话、防诈骗。"),
];
const ROOMS: [&str; 4] = ["书画室", "舞蹈室", "多功能厅", "活动室"];
const WEEKDAYS: [&str; 5] = ["周一", "周二", "周三", "周四", "周五"];
/// Weekly times: each weekday morning and afternoon, far enough apart for any travel.
const PERIODS: [(&str, &str, &str); 2] = [("09:00", "10:30", "上午"), ("14:30", "16:00", "下午")];
const CLASSES_PER_COMMUNITY: usize = 4;
const FEES: [i64; 4] = [12000, 14000, 15000, 16000];

struct Term {
    id: i64,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    returning_opens: NaiveDate,
    enroll_closes: NaiveDate,
}

struct SchoolRows {
    classes: Rows,
    slots: Rows,
    enrollments: Rows,
    attendance: Rows,
}

pub async fn write(
    conn: &mut Connection,
    gen: &mut Gen,
    communities: &[Community],
    current: &Semester,
) -> anyhow::Result<Vec<AssistedClass>> {
    let courses = courses(conn, gen).await?;
    let (teachers, sites, rooms) = places_and_teachers(conn, gen, communities).await?;
    let previous = previous_term(conn, gen).await?;
    let current = Term {
        id: current.id,
        starts_on: current.starts_on,
        ends_on: current.ends_on,
        returning_opens: current.enroll_opens - Duration::days(10),
        enroll_closes: current.enroll_closes,
    };
    let mut out = SchoolRows {
        classes: Rows::new(&rows::CLASSES),
        slots: Rows::new(&rows::CLASS_SLOTS),
        enrollments: Rows::new(&rows::ENROLLMENTS),
        attendance: Rows::new(&rows::ATTENDANCE),
    };
    let mut assisted = Vec::new();
    for term in [&previous, &current] {
        // (teacher, weekly time) and (community, weekly time) already taken this term.
        let mut teacher_busy: Vec<(usize, usize)> = Vec::new();
        for (c, community) in communities.iter().enumerate() {
            let mut community_busy: Vec<usize> = Vec::new();
            // Classes each elder has applied to this term, never more than the cap of 3.
            let mut applications = vec![0u8; community.elders.len()];
            for k in 0..CLASSES_PER_COMMUNITY {
                let teacher = (c * CLASSES_PER_COMMUNITY + k) % teachers.len();
                let time = (0..WEEKDAYS.len() * PERIODS.len())
                    .map(|t| (t + c + 3 * k) % (WEEKDAYS.len() * PERIODS.len()))
                    .find(|t| !community_busy.contains(t) && !teacher_busy.contains(&(teacher, *t)))
                    .expect("ten weekly times leave room for four classes and five per teacher");
                community_busy.push(time);
                teacher_busy.push((teacher, time));
                let (course_id, course) =
                    courses[(c + 3 * k + term.id as usize) % courses.len()].clone();
                let (start, end, period) = PERIODS[time % PERIODS.len()];
                let weekday = time / PERIODS.len();
                let class = Class {
                    id: gen.ids.next(&rows::CLASSES),
                    name: format!("{course}·{}{period}班", WEEKDAYS[weekday]),
                    weekday: weekday as u32 + 1,
                    capacity: if k == 3 {
                        12
                    } else {
                        gen.rng.gen_range(20..=30)
                    },
                };
                out.classes.push(row![
                    class.id,
                    term.id,
                    course_id,
                    teachers[teacher],
                    class.name.clone(),
                    class.capacity as i64,
                    FEES[(c + k) % FEES.len()],
                    if k == 2 { 60 } else { 50 },
                    community.id,
                ]);
                out.slots.push(row![
                    class.id,
                    rooms[c][k],
                    class.weekday as i64,
                    start,
                    end
                ]);
                enroll(gen, &mut out, (community, &mut applications), term, &class);
                if k == 0 {
                    assisted.push(AssistedClass {
                        community_id: community.id,
                        name: class.name.clone(),
                        weekday: class.weekday,
                        start,
                        end,
                        place: format!("{}{}", sites[c], ROOMS[k]),
                        starts_on: term.starts_on,
                        ends_on: term.ends_on,
                    });
                }
            }
        }
    }
    out.classes.write(conn, &mut gen.written).await?;
    out.slots.write(conn, &mut gen.written).await?;
    out.enrollments.write(conn, &mut gen.written).await?;
    out.attendance.write(conn, &mut gen.written).await?;
    Ok(assisted)
}

/// The courses, (id, name): those the database has, and the others added.
async fn courses(conn: &mut Connection, gen: &mut Gen) -> anyhow::Result<Vec<(i64, String)>> {
    let existing = sqlx::query!(r#"SELECT id AS "id!", name FROM courses"#)
        .fetch_all(&mut *conn)
        .await?;
    let mut rows = Rows::new(&rows::COURSES);
    let mut courses = Vec::new();
    for (name, description) in COURSES {
        let id = match existing.iter().find(|c| c.name == *name) {
            Some(c) => c.id,
            None => {
                let id = gen.ids.next(&rows::COURSES);
                rows.push(row![id, *name, *description]);
                id
            }
        };
        courses.push((id, name.to_string()));
    }
    rows.write(conn, &mut gen.written).await?;
    Ok(courses)
}

/// Teachers (ids), and per community its site's name and its four rooms (ids).
async fn places_and_teachers(
    conn: &mut Connection,
    gen: &mut Gen,
    communities: &[Community],
) -> anyhow::Result<(Vec<i64>, Vec<String>, Vec<[i64; 4]>)> {
    let mut teacher_rows = Rows::new(&rows::TEACHERS);
    let teachers: Vec<i64> = (0..(communities.len() * 4 / 5).max(2))
        .map(|n| {
            let id = gen.ids.next(&rows::TEACHERS);
            let name = names::younger_name(&mut gen.rng, None);
            let subjects = format!(
                "{}、{}",
                pick(&mut gen.rng, COURSES).0,
                pick(&mut gen.rng, COURSES).0
            );
            teacher_rows.push(row![id, name, format!("136{n:08}"), subjects]);
            id
        })
        .collect();
    let mut site_rows = Rows::new(&rows::SCHOOL_SITES);
    let mut room_rows = Rows::new(&rows::ROOMS);
    let mut travel = Rows::new(&rows::SITE_TRAVEL);
    let mut site_ids: Vec<i64> = Vec::new();
    let mut sites = Vec::new();
    let mut rooms = Vec::new();
    for community in communities {
        let id = gen.ids.next(&rows::SCHOOL_SITES);
        let name = format!("{}教学点", community.name);
        let address = format!("{}{}活动中心二楼", community.district, community.name);
        site_rows.push(row![id, community.id, name.clone(), address]);
        rooms.push(ROOMS.map(|room| {
            let room_id = gen.ids.next(&rows::ROOMS);
            room_rows.push(row![room_id, id, room]);
            room_id
        }));
        // Sites of the same 街道 are 15 to 90 minutes apart.
        for (other, other_id) in site_ids.iter().enumerate() {
            if other % 2 == community.index % 2 {
                let apart = (community.index - other) as i64 / 2;
                travel.push(row![*other_id, id, (15 + 10 * apart).min(90)]);
            }
        }
        site_ids.push(id);
        sites.push(name);
    }
    teacher_rows.write(conn, &mut gen.written).await?;
    site_rows.write(conn, &mut gen.written).await?;
    room_rows.write(conn, &mut gen.written).await?;
    travel.write(conn, &mut gen.written).await?;
    Ok((teachers, sites, rooms))
}

/// Last semester: twenty weeks that ended seven weeks ago.
async fn previous_term(conn: &mut Connection, gen: &mut Gen) -> anyhow::Result<Term> {
    let starts_on = gen.today - Duration::days(190);
    let term = Term {
        id: gen.ids.next(&rows::SEMESTERS),
        starts_on,
        ends_on: starts_on + Duration::days(140),
        returning_opens: starts_on - Duration::days(30),
        enroll_closes: starts_on + Duration::days(14),
    };
    let mut semesters = Rows::new(&rows::SEMESTERS);
    semesters.push(row![
        term.id,
        "上学期",
        term.starts_on,
        term.ends_on,
        term.returning_opens,
        starts_on - Duration::days(20),
        term.enroll_closes,
        3,
        48,
        10,
    ]);
    semesters.write(conn, &mut gen.written).await?;
    Ok(term)
}

struct Class {
    id: i64,
    name: String,
    weekday: u32,
    capacity: usize,
}

/// One enrollment as it stands: seated from `seated.0` until `seated.1` (a drop), if ever.
struct Seat {
    id: i64,
    elder: usize,
    status: &'static str,
    booked_by: i64,
    created_at: i64,
    changed_at: i64,
    offer_expires_at: Option<i64>,
    seated: Option<(i64, i64)>,
}

/// Applicants in the order they applied: the first `capacity` seated, the rest waitlisted;
/// a few drop out and their seat is offered down the waitlist (accepted, declined or left
/// to lapse); then fees and attendance.
fn enroll(
    gen: &mut Gen,
    out: &mut SchoolRows,
    (community, applications): (&Community, &mut [u8]),
    term: &Term,
    class: &Class,
) {
    let now = gen.now;
    let opens = at(term.returning_opens, 8 * 60);
    let closes = at(term.enroll_closes, 20 * 60)
        .min(now - 3600)
        .max(opens + 3600);
    let wanted = (class.capacity as f64 * gen.rng.gen_range(0.6..1.4)) as usize;
    let mut elders: Vec<usize> = (0..community.elders.len())
        .filter(|e| applications[*e] < 3)
        .collect();
    elders.shuffle(&mut gen.rng);
    elders.truncate(wanted);
    for e in &elders {
        applications[*e] += 1;
    }
    let mut applied: Vec<i64> = (0..elders.len())
        .map(|_| gen.rng.gen_range(opens..closes))
        .collect();
    applied.sort_unstable();
    let mut seats: Vec<Seat> = applied
        .iter()
        .zip(elders)
        .enumerate()
        .map(|(n, (created_at, elder))| Seat {
            id: gen.ids.next(&rows::ENROLLMENTS),
            elder,
            status: if n < class.capacity {
                "enrolled"
            } else {
                "waitlisted"
            },
            booked_by: community.elders[elder].booker(community.worker),
            created_at: *created_at,
            changed_at: *created_at,
            offer_expires_at: None,
            seated: (n < class.capacity).then_some((*created_at, i64::MAX)),
        })
        .collect();
    let starts = at(term.starts_on, 8 * 60);
    let last = at(term.ends_on, 8 * 60).min(now);
    for n in 0..seats.len().min(class.capacity) {
        if last <= starts || !gen.rng.gen_bool(0.06) {
            continue;
        }
        let dropped = gen.rng.gen_range(starts..last);
        let seat = &mut seats[n];
        seat.status = "dropped";
        seat.changed_at = dropped;
        seat.seated = seat.seated.map(|(from, _)| (from, dropped));
        offer_down_the_waitlist(gen, &mut seats, dropped);
    }
    for seat in &seats {
        let paid_at = (seat.status == "enrolled"
            && gen
                .rng
                .gen_bool(if term.ends_on < gen.today { 0.9 } else { 0.6 }))
        .then(|| (seat.changed_at + 86_400 * gen.rng.gen_range(1..20)).min(now - 600));
        out.enrollments.push(row![
            seat.id,
            class.id,
            community.elders[seat.elder].id,
            seat.status,
            seat.booked_by,
            seat.created_at,
            seat.changed_at,
            seat.offer_expires_at,
            paid_at,
        ]);
    }
    attendance(gen, out, community, term, class, &seats);
}

/// Offers a freed seat to the first waitlisted applicant, then the next, until one accepts or
/// an offer is still open now.
fn offer_down_the_waitlist(gen: &mut Gen, seats: &mut [Seat], freed: i64) {
    const OFFER_SECS: i64 = 48 * 3600;
    let mut offered_at = freed;
    while let Some(seat) = seats.iter_mut().find(|s| s.status == "waitlisted") {
        if offered_at + OFFER_SECS > gen.now {
            seat.status = "offered";
            seat.changed_at = offered_at;
            seat.offer_expires_at = Some(offered_at + OFFER_SECS);
            return;
        }
        match weighted(&mut gen.rng, &[60, 20, 20]) {
            0 => {
                let accepted = offered_at + gen.rng.gen_range(600..OFFER_SECS);
                seat.status = "enrolled";
                seat.changed_at = accepted;
                seat.seated = Some((accepted, i64::MAX));
                return;
            }
            1 => {
                seat.status = "declined";
                seat.changed_at = offered_at + gen.rng.gen_range(600..OFFER_SECS);
            }
            _ => {
                seat.status = "lapsed";
                seat.changed_at = offered_at + OFFER_SECS;
            }
        }
        offered_at = seat.changed_at;
    }
}

/// Each past meeting (the class's weekday within the term) taken for everyone seated then;
/// one meeting in twenty was not recorded.
fn attendance(
    gen: &mut Gen,
    out: &mut SchoolRows,
    community: &Community,
    term: &Term,
    class: &Class,
    seats: &[Seat],
) {
    let keen: Vec<f64> = seats.iter().map(|_| gen.rng.gen_range(0.7..0.98)).collect();
    let mut day = term.starts_on;
    while day <= term.ends_on && day < gen.today {
        let meeting = at(day, 9 * 60);
        if day.weekday().number_from_monday() == class.weekday && gen.rng.gen_bool(0.95) {
            for (seat, keen) in seats.iter().zip(&keen) {
                if seat
                    .seated
                    .is_some_and(|(from, until)| from <= meeting && meeting < until)
                {
                    let present = gen.rng.gen_bool(*keen);
                    let elder = community.elders[seat.elder].id;
                    out.attendance
                        .push(row![class.id, day, elder, present, community.worker]);
                }
            }
        }
        day += Duration::days(1);
    }
}
