//! The 街道 dashboard's wire types: the filter a staff member picks, and the figures of each
//! service for that period and scope. The server sends numbers, codes and dates; the page
//! labels them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::canteen::model::menu::Meal;
use crate::domain::age::AgeBand;
use crate::domain::code::coded_enum;
use crate::domain::elder::SubsidyCategory;
use crate::volunteer::model::requests::RequestCategory;

/// The filter as the GET form sends it (`?from=2026-11-01&to=2026-11-30&community=7`); empty
/// or missing fields take their defaults (the last 30 days, every community in scope).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardQuery {
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub community: Option<String>,
}

/// A checked filter: both days included; no community means every community in scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardFilter {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub community: Option<i64>,
}

/// Everything the dashboard shows for one filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub filter: DashboardFilter,
    pub canteen: CanteenFigures,
    pub school: SchoolFigures,
    pub volunteer: VolunteerFigures,
    /// Headline numbers per community, when the scope covers more than one and none is picked.
    pub comparison: Vec<CommunityHeadline>,
}

// 幸福食堂

/// Meals served (delivered or collected) on one day, by way of eating.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayMeals {
    pub date: NaiveDate,
    pub dine_in: i64,
    pub pickup: i64,
    pub delivery: i64,
}

/// Subsidy spent in one month ("2026-11") on elders of one age band and subsidy category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubsidySpent {
    pub month: String,
    pub age_band: AgeBand,
    pub category: SubsidyCategory,
    pub meals: i64,
    pub subsidy_fen: i64,
}

coded_enum!(wire = code;
    /// How a 无人应答 delivery ended.
    NoAnswerOutcome {
    Delivered = ("delivered", "再次上门已送达", "Delivered on a later visit"),
    Open = ("open", "仍未联系上", "Still not reached"),
});

/// A delivery that met 无人应答, with how it was resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoAnswerCase {
    pub order_id: i64,
    pub date: NaiveDate,
    pub meal: Meal,
    pub elder_name: String,
    pub address: String,
    /// Unix time the deliverer marked 无人应答.
    pub noted_at: i64,
    pub outcome: NoAnswerOutcome,
    /// Unix time it was marked delivered, when it was.
    pub resolved_at: Option<i64>,
}

/// An elder who ordered last month and has no order this month: someone to phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LapsedElder {
    pub elder_id: i64,
    pub name: String,
    pub community: String,
    /// The elder's phone, else a family member's; empty when neither is known.
    pub phone: String,
    pub last_order: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CanteenFigures {
    /// Every day of the period, oldest first.
    pub meals_per_day: Vec<DayMeals>,
    pub subsidy: Vec<SubsidySpent>,
    /// The newest [`LONGEST_LIST`] of the period's 无人应答 deliveries, of `no_answers_total`.
    pub no_answers: Vec<NoAnswerCase>,
    pub no_answers_total: usize,
    /// Average stars of the meals rated in the period, and how many were rated.
    pub average_rating: Option<f64>,
    pub ratings: i64,
    /// "2026-10" and "2026-11": the months the lapsed list compares.
    pub last_month: String,
    pub this_month: String,
    /// The first [`LONGEST_LIST`] elders to call, of `lapsed_total`.
    pub lapsed: Vec<LapsedElder>,
    pub lapsed_total: usize,
}

/// The most rows a list on the dashboard shows: a longer one (a year of all 50 communities)
/// would make the page megabytes long. A shorter period or one community shows the rest.
pub const LONGEST_LIST: usize = 200;

// 老年学校

/// One class of the semester: places, waitlist, attendance in the period and fees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassFigures {
    pub class_id: i64,
    pub name: String,
    pub site: String,
    pub capacity: i64,
    pub enrolled: i64,
    pub waitlisted: i64,
    /// Attendance marks in the period: present, and all marks.
    pub present: i64,
    pub marked: i64,
    pub paid: i64,
    pub unpaid: i64,
    pub fee_fen: i64,
}

/// Places taken at one teaching site over its classes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteFill {
    pub site: String,
    pub capacity: i64,
    pub enrolled: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SchoolFigures {
    /// The semester shown, if one has been set up.
    pub semester: Option<String>,
    pub classes: Vec<ClassFigures>,
    pub sites: Vec<SiteFill>,
}

// 志愿服务

/// Volunteer time credited in one month ("2026-11").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthMinutes {
    pub month: String,
    pub minutes: i64,
}

/// One posted request's times, in minutes from 点单, and its rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestTimes {
    pub category: RequestCategory,
    pub to_taken: Option<i64>,
    pub to_done: Option<i64>,
    pub rating: Option<i64>,
}

/// Requests of one kind posted in the period: how fast they were taken and done (median and
/// 90th percentile, minutes) and how many of the rated ones got 4–5 stars.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestKindFigures {
    pub category: RequestCategory,
    pub posted: i64,
    pub taken_median: Option<i64>,
    pub taken_p90: Option<i64>,
    pub done_median: Option<i64>,
    pub done_p90: Option<i64>,
    pub rated: i64,
    pub rated_good: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VolunteerFigures {
    /// Every month of the period, oldest first.
    pub hours_per_month: Vec<MonthMinutes>,
    /// Volunteers with time credited in the period.
    pub active_volunteers: i64,
    pub requests: Vec<RequestKindFigures>,
}

// Communities side by side

/// The headline numbers of one community for the period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommunityHeadline {
    pub community_id: i64,
    pub name: String,
    pub meals: i64,
    pub subsidy_fen: i64,
    pub capacity: i64,
    pub enrolled: i64,
    pub volunteer_minutes: i64,
}

// Today

/// Meals ordered for today at one meal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MealOrders {
    pub meal: Meal,
    pub orders: i64,
}

/// The "今天" strip: today's orders by meal, and where today's deliveries stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TodayFigures {
    pub date: NaiveDate,
    pub ordered: Vec<MealOrders>,
    pub delivered: i64,
    pub out_for_delivery: i64,
    pub no_answer: i64,
}

coded_enum!(wire = code;
    /// The dashboard's charts; each can be downloaded as CSV (`/dashboard/{code}.csv`).
    DashboardChart {
    Meals = ("meals", "每日供餐份数", "Meals served per day"),
    Subsidy = ("subsidy", "每月补贴支出", "Subsidy spent per month"),
    Fill = ("fill", "班级满员率", "Places taken per class"),
    Sites = ("sites", "教学点满员率", "Places taken per site"),
    Waitlist = ("waitlist", "候补人数", "Waiting lists"),
    Attendance = ("attendance", "出勤率", "Attendance"),
    Fees = ("fees", "学费缴纳", "Fees paid"),
    Hours = ("hours", "每月志愿服务时长", "Volunteer hours per month"),
    Requests = ("requests", "服务响应时间", "Request response times"),
});

/// A chart's numbers in one language: the categories along one axis and a series per colour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartData {
    pub chart: DashboardChart,
    pub title: String,
    /// What the categories are ("日期", "班级").
    pub category_header: String,
    pub unit: String,
    pub categories: Vec<String>,
    /// (name, one value per category)
    pub series: Vec<(String, Vec<f64>)>,
}
