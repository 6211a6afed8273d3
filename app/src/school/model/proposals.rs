//! Course proposals and votes as the pages see them.

use serde::{Deserialize, Serialize};

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
