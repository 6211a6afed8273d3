//! Course-vote server functions under /api/school/proposals/: residents (or their family, or
//! staff for them) propose courses and vote for their community's proposals, optionally
//! committing to enroll; admins of the community open a proposal with enough committed
//! sign-ups as a class, seating the committed voters first.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalView {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub community: String,
    pub votes: i64,
    pub committed: i64,
    /// The class it opened as, if it has.
    pub opened_class: Option<String>,
    /// How the caller's people voted: "王秀英（开班就报名）".
    pub my_votes: Vec<String>,
    /// Whether the caller may open it (an admin of its community).
    pub may_open: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposals {
    pub semester: String,
    /// Committed sign-ups a proposal needs to open.
    pub needed: i64,
    pub proposals: Vec<ProposalView>,
    /// The people the caller may propose and vote for: (id, name).
    pub elders: Vec<(i64, String)>,
    /// Teachers to choose from when opening (empty unless the caller is an admin).
    pub teachers: Vec<(i64, String)>,
}

/// Opening a proposal as a class: who teaches, its name and terms.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenProposalForm {
    pub proposal_id: i64,
    pub teacher_id: i64,
    pub name: String,
    pub capacity: String,
    pub fee_yuan: String,
    pub min_age: String,
}

impl OpenProposalForm {
    /// The class's name and terms, checked like any class's.
    pub fn terms(&self) -> Result<crate::school::setup::ClassTerms, AppError> {
        crate::school::setup::ClassForm {
            name: self.name.clone(),
            capacity: self.capacity.clone(),
            fee_yuan: self.fee_yuan.clone(),
            min_age: self.min_age.clone(),
            ..Default::default()
        }
        .parse()
    }
}

#[server(endpoint = "school/proposals")]
pub async fn load_proposals() -> Result<Proposals, AppError> {
    let user = crate::auth::session::require_user().await?;
    let pool = crate::state::pool()?;
    crate::school::proposals_db::proposals_for(&pool, &user).await
}

#[server(endpoint = "school/proposals/new")]
pub async fn propose_course(
    elder_id: i64,
    title: String,
    description: String,
) -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    let pool = crate::state::pool()?;
    crate::household::policy::authorize(&pool, &user, elder_id).await?;
    let title = crate::school::setup::parse_name(&title, "想学的课程", 20)?;
    let description = description.trim();
    if description.chars().count() > 200 {
        return Err(AppError::invalid("说明最多 200 个字。"));
    }
    crate::school::proposals_db::propose(&pool, elder_id, &title, description, user.id).await
}

/// One vote per person and proposal; voting again changes only the commitment.
#[server(endpoint = "school/proposals/vote")]
pub async fn vote_for_course(
    proposal_id: i64,
    elder_id: i64,
    committed: Option<String>,
) -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    let pool = crate::state::pool()?;
    crate::household::policy::authorize(&pool, &user, elder_id).await?;
    let committed = committed.is_some_and(|v| !v.is_empty());
    crate::school::proposals_db::vote(&pool, proposal_id, elder_id, committed, user.id).await
}

#[server(endpoint = "school/proposals/open")]
pub async fn open_proposal(form: OpenProposalForm) -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    let pool = crate::state::pool()?;
    let community =
        crate::school::proposals_db::proposal_community(&pool, form.proposal_id).await?;
    if !user.is_admin_of(community) {
        return Err(AppError::Forbidden);
    }
    let terms = form.terms()?;
    let today = crate::clock::today_in_shanghai();
    crate::school::proposals_db::open_as_class(&pool, &form, &terms, today, user.id).await?;
    leptos_axum::redirect("/school/manage");
    Ok(())
}
