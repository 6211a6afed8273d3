//! Course-vote server functions under /api/school/proposals/: residents (or their family, or
//! staff for them) propose courses and vote for their community's proposals, optionally
//! committing to enroll; admins of the community open a proposal with enough committed
//! sign-ups as a class, seating the committed voters first.

use leptos::prelude::*;

use crate::error::AppError;
use crate::school::model::proposals::{OpenProposalForm, Proposals};

#[server(endpoint = "school/proposals")]
pub async fn load_proposals() -> Result<Proposals, AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    let scope = crate::household::policy::elder_scope(&user);
    let mut found = crate::school::db::proposals::proposals_for(&pool, &scope).await?;
    for proposal in &mut found.proposals {
        proposal.may_open = user.is_admin_of(proposal.community_id);
    }
    if user.is_any_admin() {
        found.teachers = crate::school::db::proposals::teacher_names(&pool).await?;
    }
    Ok(found)
}

#[server(endpoint = "school/proposals/new")]
pub async fn propose_course(
    elder_id: i64,
    title: String,
    description: String,
) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    crate::household::policy::authorize(&pool, &user, elder_id).await?;
    let title = crate::school::rules::setup::parse_name(
        &title,
        &crate::tr!("想学的课程", "course you would like to learn"),
        20,
    )?;
    let description = description.trim();
    if description.chars().count() > 200 {
        return Err(AppError::invalid(crate::tr!(
            "说明最多 200 个字。",
            "The description can have at most 200 characters."
        )));
    }
    crate::school::db::proposals::propose(&pool, elder_id, &title, description, user.id).await
}

/// One vote per person and proposal; voting again changes only the commitment.
#[server(endpoint = "school/proposals/vote")]
pub async fn vote_for_course(
    proposal_id: i64,
    elder_id: i64,
    committed: Option<String>,
) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    crate::household::policy::authorize(&pool, &user, elder_id).await?;
    let committed = committed.is_some_and(|v| !v.is_empty());
    crate::school::db::proposals::vote(&pool, proposal_id, elder_id, committed, user.id).await
}

#[server(endpoint = "school/proposals/open")]
pub async fn open_proposal(form: OpenProposalForm) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    let community =
        crate::school::db::proposals::proposal_community(&pool, form.proposal_id).await?;
    if !user.is_admin_of(community) {
        return Err(AppError::Forbidden);
    }
    let terms = form.terms()?;
    let today = crate::clock::today_in_shanghai();
    crate::school::db::proposals::open_as_class(&pool, &form, &terms, today, user.id).await?;
    leptos_axum::redirect("/school/manage");
    Ok(())
}
