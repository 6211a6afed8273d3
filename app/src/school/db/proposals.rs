//! Course proposals and votes. Opening a proposal creates the course (if new) and the class,
//! and seats the committed voters in vote order, all in one transaction.

use std::collections::BTreeSet;

use crate::db::Pool;
use chrono::NaiveDate;

use crate::db::{is_unique_violation, json_ids};
use crate::domain::age::age_on;
use crate::error::{AppError, AppResult};
use crate::household::db::ElderScope;
use crate::i18n::message::{in_locale, EachLanguage};
use crate::school::db::enrollment::notify_family;
use crate::school::model::enrollment::EnrollmentStatus;
use crate::school::model::proposals::{MyVote, OpenProposalForm, ProposalView, Proposals};
use crate::school::rules::enrollment::Applicant;
use crate::school::rules::proposals::{check_can_open, opening_plan, CommittedVoter};
use crate::school::rules::setup::ClassTerms;
use crate::ui::prefs::Locale;

/// The latest semester: (id, name, committed sign-ups needed to open).
async fn semester(pool: &Pool) -> AppResult<(i64, String, i64)> {
    let s = super::semester::latest_or_refuse(pool).await?;
    Ok((s.id, s.name, s.open_at_committed))
}

/// Proposals of the communities the elders of `scope` live in, and of its communities; who may
/// open them and the teachers to choose from are the caller's to add.
pub async fn proposals_for(pool: &Pool, scope: &ElderScope) -> AppResult<Proposals> {
    let (semester_id, semester_name, needed) = semester(pool).await?;
    let elders = crate::household::db::elders_in_scope(pool, scope).await?;
    let mut communities: BTreeSet<i64> = elders.iter().map(|e| e.community_id).collect();
    match &scope.communities {
        Some(ids) => communities.extend(ids),
        None => communities.extend(
            crate::community::db::all_communities(pool)
                .await?
                .into_iter()
                .map(|c| c.id),
        ),
    }
    let elder_ids = json_ids(elders.iter().map(|e| e.id));
    let community_ids = json_ids(communities.iter().copied());
    let rows = sqlx::query!(
        r#"SELECT p.id AS "id!", p.title, p.description, p.community_id, c.name AS community,
                  cl.name AS "opened_class?",
                  (SELECT count(*) FROM proposal_votes v WHERE v.proposal_id = p.id) AS "votes!: i64",
                  (SELECT count(*) FROM proposal_votes v WHERE v.proposal_id = p.id AND v.committed = TRUE) AS "committed!: i64"
           FROM course_proposals p JOIN communities c ON c.id = p.community_id
           LEFT JOIN classes cl ON cl.id = p.opened_class_id
           WHERE p.semester_id = $1 AND p.community_id IN (SELECT value FROM json_each($2))
           ORDER BY p.opened_class_id IS NOT NULL, "committed!: i64" DESC, "votes!: i64" DESC, p.id"#,
        semester_id,
        community_ids
    )
    .fetch_all(pool)
    .await?;
    let mut proposals = Vec::with_capacity(rows.len());
    for r in rows {
        let my_votes = sqlx::query!(
            r#"SELECT e.name, v.committed AS "committed: bool"
               FROM proposal_votes v JOIN elders e ON e.id = v.elder_id
               WHERE v.proposal_id = $1 AND v.elder_id IN (SELECT value FROM json_each($2)) ORDER BY v.id"#,
            r.id,
            elder_ids
        )
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|v| MyVote {
            name: v.name,
            committed: v.committed,
        })
        .collect();
        proposals.push(ProposalView {
            id: r.id,
            title: r.title,
            description: r.description,
            community_id: r.community_id,
            community: r.community,
            votes: r.votes,
            committed: r.committed,
            opened_class: r.opened_class,
            my_votes,
            may_open: false,
        });
    }
    Ok(Proposals {
        semester: semester_name,
        needed,
        proposals,
        elders: elders.into_iter().map(|e| (e.id, e.name)).collect(),
        teachers: Vec::new(),
    })
}

/// Every teacher (id, name), for the form that opens a proposal as a class.
pub async fn teacher_names(pool: &Pool) -> AppResult<Vec<(i64, String)>> {
    let rows = sqlx::query!(r#"SELECT id AS "id!", name FROM teachers ORDER BY id"#)
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(|t| (t.id, t.name)).collect())
}

/// A new proposal in the elder's community for the latest semester, with the elder's vote.
pub async fn propose(
    pool: &Pool,
    elder_id: i64,
    title: &str,
    description: &str,
    user_id: i64,
) -> AppResult<()> {
    let (semester_id, ..) = semester(pool).await?;
    let mut tx = pool.begin().await?;
    let community = sqlx::query_scalar!("SELECT community_id FROM elders WHERE id = $1", elder_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
    let proposal = sqlx::query_scalar!(
        r#"INSERT INTO course_proposals (community_id, semester_id, title, description, proposed_by) VALUES ($1, $2, $3, $4, $5)
           RETURNING id AS "id!: i64""#,
        community,
        semester_id,
        title,
        description,
        user_id
    )
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            AppError::conflict(crate::tr!(
                "本社区已经有人提议“{title}”了，请直接投票。",
                "“{title}” has already been proposed in this community. Please vote for it instead."
            ))
        } else {
            e.into()
        }
    })?;
    sqlx::query!(
        "INSERT INTO proposal_votes (proposal_id, elder_id, voted_by) VALUES ($1, $2, $3)",
        proposal,
        elder_id,
        user_id
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Records the elder's vote (one per proposal); voting again only changes the commitment.
pub async fn vote(
    pool: &Pool,
    proposal_id: i64,
    elder_id: i64,
    committed: bool,
    voted_by: i64,
) -> AppResult<()> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let proposal = sqlx::query!(
        "SELECT community_id, opened_class_id FROM course_proposals WHERE id = $1",
        proposal_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    if proposal.opened_class_id.is_some() {
        return Err(AppError::conflict(crate::tr!(
            "这门课已经开班了，请到课程列表报名。",
            "This course has already opened as a class. Please enroll from the class list."
        )));
    }
    let community = sqlx::query_scalar!("SELECT community_id FROM elders WHERE id = $1", elder_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
    if community != proposal.community_id {
        return Err(AppError::conflict(crate::tr!(
            "只有本社区的居民可以为这个提议投票。",
            "Only residents of this community can vote for this proposal."
        )));
    }
    let existing = sqlx::query_scalar!(
        r#"SELECT committed AS "committed: bool" FROM proposal_votes WHERE proposal_id = $1 AND elder_id = $2"#,
        proposal_id,
        elder_id
    )
    .fetch_optional(&mut *tx)
    .await?;
    if existing == Some(committed) {
        return Ok(());
    }
    // A changed commitment is a new vote: committed voters are seated in the order they
    // committed.
    sqlx::query!(
        "DELETE FROM proposal_votes WHERE proposal_id = $1 AND elder_id = $2",
        proposal_id,
        elder_id
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "INSERT INTO proposal_votes (proposal_id, elder_id, committed, voted_by) VALUES ($1, $2, $3, $4)",
        proposal_id,
        elder_id,
        committed,
        voted_by
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn proposal_community(pool: &Pool, proposal_id: i64) -> AppResult<i64> {
    sqlx::query_scalar!(
        "SELECT community_id FROM course_proposals WHERE id = $1",
        proposal_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

/// Opens a proposal with enough committed sign-ups as a class of its community: the course
/// (made if new), the class, and the committed voters seated in vote order (then waitlisted),
/// each family told. Returns the class id.
pub async fn open_as_class(
    pool: &Pool,
    form: &OpenProposalForm,
    terms: &ClassTerms,
    today: NaiveDate,
    actor: i64,
) -> AppResult<i64> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let p = sqlx::query!(
        "SELECT p.title, p.community_id, p.semester_id, p.opened_class_id, s.open_at_committed, s.max_classes_per_person
         FROM course_proposals p JOIN semesters s ON s.id = p.semester_id WHERE p.id = $1",
        form.proposal_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    if p.opened_class_id.is_some() {
        return Err(AppError::conflict(crate::tr!(
            "这门课已经开班了。",
            "This course has already opened as a class."
        )));
    }
    let voters = sqlx::query!(
        r#"SELECT v.elder_id, v.voted_by, e.name, e.birth_date AS "birth_date: NaiveDate",
                  (SELECT count(*) FROM enrollments x JOIN classes c ON c.id = x.class_id
                    WHERE x.elder_id = v.elder_id AND c.semester_id = $2
                      AND x.status IN ('enrolled', 'waitlisted', 'offered')) AS "classes!: i64"
           FROM proposal_votes v JOIN elders e ON e.id = v.elder_id
           WHERE v.proposal_id = $1 AND v.committed = TRUE ORDER BY v.id"#,
        form.proposal_id,
        p.semester_id
    )
    .fetch_all(&mut *tx)
    .await?;
    check_can_open(voters.len() as i64, p.open_at_committed)?;
    let teacher = sqlx::query_scalar!(
        r#"SELECT id AS "id!" FROM teachers WHERE id = $1"#,
        form.teacher_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| AppError::invalid(crate::tr!("请选择老师。", "Please choose a teacher.")))?;
    sqlx::query!(
        "INSERT INTO courses (name) VALUES ($1) ON CONFLICT DO NOTHING",
        p.title
    )
    .execute(&mut *tx)
    .await?;
    let class_id = sqlx::query_scalar!(
        r#"INSERT INTO classes (semester_id, course_id, teacher_id, community_id, name, capacity, fee_fen, min_age)
         SELECT $1, id, $2, $3, $4, $5, $6, $7 FROM courses WHERE name = $8
           RETURNING id AS "id!: i64""#,
        p.semester_id,
        teacher,
        p.community_id,
        terms.name,
        terms.capacity,
        terms.fee_fen,
        terms.min_age,
        p.title
    )
    .fetch_one(&mut *tx)
    .await?;
    let mut committed = Vec::with_capacity(voters.len());
    for v in &voters {
        let birth = v.birth_date;
        committed.push(CommittedVoter {
            elder_id: v.elder_id,
            applicant: Applicant {
                age: age_on(birth, today),
                returning: false,
                classes_this_semester: v.classes,
            },
        });
    }
    let plan_in = |locale| {
        in_locale(locale, || {
            opening_plan(
                &committed,
                terms.capacity,
                terms.min_age as i32,
                p.max_classes_per_person,
            )
        })
    };
    let reasons_in_english = plan_in(Locale::En).into_iter().map(|(_, o)| o.err());
    for ((v, (_, outcome)), reason_en) in voters
        .iter()
        .zip(plan_in(Locale::Zh))
        .zip(reasons_in_english)
    {
        let message = match outcome {
            Ok(status) => {
                let code = status.code();
                sqlx::query!(
                    "INSERT INTO enrollments (class_id, elder_id, status, enrolled_by) VALUES ($1, $2, $3, $4)",
                    class_id,
                    v.elder_id,
                    code,
                    v.voted_by
                )
                .execute(&mut *tx)
                .await?;
                if status == EnrollmentStatus::Enrolled {
                    crate::tr_each!(
                        "“{}”开班了，{}已报名“{}”，上课时间请看我的课表。",
                        "“{}” has opened: {} is enrolled in “{}”. See My classes for the times.",
                        p.title,
                        v.name,
                        terms.name
                    )
                } else {
                    crate::tr_each!(
                        "“{}”开班了，名额已满，{}在“{}”的候补名单上。",
                        "“{}” has opened but is full: {} is on the waitlist of “{}”.",
                        p.title,
                        v.name,
                        terms.name
                    )
                }
            }
            Err(reason) => EachLanguage {
                zh: format!("“{}”开班了，但{}没能报名：{reason}", p.title, v.name),
                en: format!(
                    "“{}” has opened, but {} could not be enrolled: {}",
                    p.title,
                    v.name,
                    reason_en.unwrap_or_default()
                ),
            },
        };
        notify_family(&mut tx, v.elder_id, &message).await?;
    }
    sqlx::query!(
        "UPDATE course_proposals SET opened_class_id = $1 WHERE id = $2",
        class_id,
        form.proposal_id
    )
    .execute(&mut *tx)
    .await?;
    let detail = crate::tr_each!(
        "按课程提议 #{} 开班 #{class_id}",
        "Class #{class_id} opened from course proposal #{}",
        form.proposal_id
    );
    crate::db::record_audit(&mut tx, actor, "school.open_proposal", &detail).await?;
    tx.commit().await?;
    Ok(class_id)
}
