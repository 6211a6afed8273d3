//! Service requests: 点单 (post) → 派单 (staff dispatch) or 领单 (a volunteer claims) →
//! 完成 (the volunteer marks it done, earning hours and points once) → 评单 (the requester
//! rates it; 4–5 stars add a bonus once). Every step is timestamped; each change is one
//! conditional UPDATE, so two people can never take the same request.

use crate::db::Pool;

use crate::error::{AppError, AppResult};
use crate::volunteer::db::points::{credit, rule, Credit};
use crate::volunteer::model::requests::{RequestCategory, RequestStatus, RequestStep, RequestView};
use crate::volunteer::rules::points::{earns_bonus, points_for};
use crate::volunteer::rules::requests::{Relation, RequestForSave};

pub async fn create(
    pool: &Pool,
    request: &RequestForSave,
    community_id: i64,
    requester: i64,
) -> AppResult<i64> {
    let category = request.category.code();
    let id = sqlx::query_scalar!(
        r#"INSERT INTO service_requests (community_id, elder_id, requester_id, category, detail, wished_time, place)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
           RETURNING id AS "id!: i64""#,
        community_id,
        request.elder_id,
        requester,
        category,
        request.detail,
        request.wished_time,
        request.place
    )
    .fetch_one(pool)
    .await?;
    Ok(id)
}

fn taken_already() -> String {
    crate::tr!(
        "这个需求已经有人接了，或已被取消。",
        "This request has already been taken or cancelled."
    )
}

/// A volunteer takes an open request (领单).
pub async fn claim(pool: &Pool, request_id: i64, volunteer: i64) -> AppResult<()> {
    let done = sqlx::query!(
        "UPDATE service_requests SET status = 'taken', volunteer_id = $1, taken_at = unixepoch()
         WHERE id = $2 AND status = 'open'",
        volunteer,
        request_id
    )
    .execute(pool)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::conflict(taken_already()));
    }
    Ok(())
}

/// Staff give an open request to a volunteer (派单), who is told.
pub async fn dispatch(pool: &Pool, request_id: i64, staff: i64, volunteer: i64) -> AppResult<()> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let done = sqlx::query!(
        "UPDATE service_requests SET status = 'taken', volunteer_id = $1, dispatched_by = $2,
                dispatched_at = unixepoch(), taken_at = unixepoch()
         WHERE id = $3 AND status = 'open'",
        volunteer,
        staff,
        request_id
    )
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::conflict(taken_already()));
    }
    crate::notify::db::notify(
        &mut tx,
        volunteer,
        &crate::tr_each!(
            "社区给您派了一个服务需求，请查看时间和地点。",
            "The community has given you a service request. Please check its time and place."
        ),
        "/volunteer/requests",
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The volunteer marks their request done; hours and points are credited once, however often
/// this is submitted.
pub async fn complete(pool: &Pool, request_id: i64, volunteer: i64) -> AppResult<()> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let request = sqlx::query!(
        "SELECT status, community_id, category, requester_id FROM service_requests WHERE id = $1 AND volunteer_id = $2",
        request_id,
        volunteer
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    if request.status == "taken" {
        sqlx::query!(
            "UPDATE service_requests SET status = 'done', done_at = unixepoch() WHERE id = $1",
            request_id
        )
        .execute(&mut *tx)
        .await?;
        crate::notify::db::notify(
            &mut tx,
            request.requester_id,
            &crate::tr_each!(
                "志愿者已完成您的服务需求，请给这次服务打个分。",
                "A volunteer has completed your service request. Please rate the service."
            ),
            "/volunteer/requests",
        )
        .await?;
    } else if request.status != "done" {
        return Err(AppError::conflict(crate::tr!(
            "这个需求已被取消。",
            "This request has been cancelled."
        )));
    }
    let (minutes, per_hour, _) = rule(&mut tx, "request").await?;
    let label = RequestCategory::from_code(&request.category).map_or("服务", |c| c.label());
    credit(
        &mut tx,
        &Credit {
            user_id: volunteer,
            community_id: request.community_id,
            source: "request",
            source_id: request_id,
            minutes,
            points: points_for(minutes, per_hour),
            note: label,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The requester cancels while nobody has taken it yet.
pub async fn cancel(pool: &Pool, request_id: i64, requester: i64) -> AppResult<()> {
    let done = sqlx::query!(
        "UPDATE service_requests SET status = 'cancelled', cancelled_at = unixepoch()
         WHERE id = $1 AND requester_id = $2 AND status = 'open'",
        request_id,
        requester
    )
    .execute(pool)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::conflict(crate::tr!(
            "已经有志愿者接了这个需求，不能再取消；请直接联系志愿者或社区。",
            "A volunteer has already taken this request, so it can no longer be cancelled. Please contact the volunteer or the community directly."
        )));
    }
    Ok(())
}

/// The requester rates a done request once (checked by `domain::rating::parse_rating`);
/// 4–5 stars add the volunteer's bonus.
pub async fn rate(
    pool: &Pool,
    request_id: i64,
    requester: i64,
    stars: i64,
    comment: &str,
) -> AppResult<()> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let done = sqlx::query!(
        "UPDATE service_requests SET rating = $1, rating_comment = $2, rated_at = unixepoch()
         WHERE id = $3 AND requester_id = $4 AND status = 'done' AND rating IS NULL",
        stars,
        comment,
        request_id,
        requester
    )
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::conflict(crate::tr!(
            "完成后才能评价，每个需求只评价一次。",
            "A request can be rated once it is done, and only once."
        )));
    }
    if earns_bonus(stars) {
        let request = sqlx::query!(
            r#"SELECT volunteer_id AS "volunteer_id!", community_id FROM service_requests WHERE id = $1"#,
            request_id
        )
        .fetch_one(&mut *tx)
        .await?;
        let (_, _, bonus) = rule(&mut tx, "request").await?;
        credit(
            &mut tx,
            &Credit {
                user_id: request.volunteer_id,
                community_id: request.community_id,
                source: "rating_bonus",
                source_id: request_id,
                minutes: 0,
                points: bonus,
                note: "好评奖励",
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The request's community, requester and volunteer, for permission checks.
pub struct RequestParties {
    pub community_id: i64,
    pub requester_id: i64,
}

pub async fn parties(pool: &Pool, request_id: i64) -> AppResult<RequestParties> {
    sqlx::query_as!(
        RequestParties,
        "SELECT community_id, requester_id FROM service_requests WHERE id = $1",
        request_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

/// A recent request with everything about it; `volunteer::policy` decides, from its parties
/// and status, what a viewer sees (`into_view`).
pub struct RequestRow {
    id: i64,
    pub community_id: i64,
    community: String,
    elder_name: Option<String>,
    pub requester_id: i64,
    requester: String,
    requester_phone: String,
    category: RequestCategory,
    detail: String,
    wished_time: String,
    place: String,
    pub status: RequestStatus,
    pub volunteer_id: Option<i64>,
    volunteer: Option<String>,
    volunteer_phone: Option<String>,
    posted_at: i64,
    dispatched_at: Option<i64>,
    taken_at: Option<i64>,
    done_at: Option<i64>,
    cancelled_at: Option<i64>,
    rating: Option<i64>,
    rating_comment: String,
    rated_at: Option<i64>,
}

/// The requests of the last 90 days, newest first.
pub async fn recent(pool: &Pool) -> AppResult<Vec<RequestRow>> {
    let rows = sqlx::query_as!(
        RequestRow,
        r#"SELECT r.id AS "id!", r.community_id, c.name AS community, e.name AS "elder_name?",
                  r.requester_id, q.display_name AS requester, q.phone AS requester_phone,
                  r.category AS "category: RequestCategory", r.detail, r.wished_time, r.place,
                  r.status AS "status: RequestStatus",
                  r.volunteer_id, v.display_name AS "volunteer?", v.phone AS "volunteer_phone?",
                  r.posted_at, r.dispatched_at, r.taken_at, r.done_at, r.cancelled_at,
                  r.rating, r.rating_comment, r.rated_at
           FROM service_requests r
           JOIN communities c ON c.id = r.community_id
           JOIN users q ON q.id = r.requester_id
           LEFT JOIN users v ON v.id = r.volunteer_id
           LEFT JOIN elders e ON e.id = r.elder_id
           WHERE r.posted_at >= unixepoch() - 90 * 86400
           ORDER BY r.posted_at DESC, r.id DESC LIMIT 300"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

impl RequestRow {
    /// The request as a viewer standing in `relation` to it sees it: the place and phones only
    /// for its parties, and the steps they may take next.
    pub fn into_view(self, relation: Relation) -> RequestView {
        let party = relation.is_party();
        let shown_to_parties = |value: String| if party { value } else { String::new() };
        let status = self.status;
        RequestView {
            timeline: self.timeline(),
            id: self.id,
            community: self.community,
            elder_name: self.elder_name.unwrap_or_default(),
            requester: self.requester,
            requester_phone: shown_to_parties(self.requester_phone),
            category: self.category,
            detail: self.detail,
            wished_time: self.wished_time,
            place: shown_to_parties(self.place),
            status,
            volunteer: self.volunteer.unwrap_or_default(),
            volunteer_phone: shown_to_parties(self.volunteer_phone.unwrap_or_default()),
            can_rate: relation.may_rate(status, self.rating.is_some()),
            rating: self.rating,
            rating_comment: self.rating_comment,
            mine: relation.mine,
            taken_by_me: relation.taken_by_me,
            can_cancel: relation.may_cancel(status),
            can_claim: relation.may_claim(status),
            can_dispatch: relation.may_dispatch(status),
            can_complete: relation.may_complete(status),
        }
    }

    /// What happened to the request and when, in order.
    fn timeline(&self) -> Vec<(RequestStep, i64)> {
        let mut timeline = vec![(RequestStep::Posted, self.posted_at)];
        let steps = [
            (RequestStep::Dispatched, self.dispatched_at),
            (RequestStep::Taken, self.taken_at),
            (RequestStep::Done, self.done_at),
            (RequestStep::Cancelled, self.cancelled_at),
            (RequestStep::Rated, self.rated_at),
        ];
        timeline.extend(
            steps
                .into_iter()
                .filter_map(|(step, at)| at.map(|at| (step, at))),
        );
        timeline.sort_by_key(|(_, at)| *at);
        timeline
    }
}
