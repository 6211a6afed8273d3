//! Course proposals and votes as the pages see them.

use serde::{Deserialize, Serialize};

use crate::ui::prefs::Locale;

/// One of the caller's people who voted for a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyVote {
    pub name: String,
    /// Ticked “开班就报名”: will enroll if the class opens.
    pub committed: bool,
}

impl MyVote {
    /// "王秀英（开班就报名）" / "王秀英 (will enroll if it opens)", or just the name.
    pub fn label_in(&self, locale: Locale) -> String {
        if self.committed {
            format!(
                "{}{}",
                self.name,
                crate::i18n::texts(locale).school.will_enroll
            )
        } else {
            self.name.clone()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalView {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub community_id: i64,
    pub community: String,
    pub votes: i64,
    pub committed: i64,
    /// The class it opened as, if it has.
    pub opened_class: Option<String>,
    /// How the caller's people voted, in vote order.
    pub my_votes: Vec<MyVote>,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_committed_vote_says_so_in_each_language() {
        let vote = |committed| MyVote {
            name: "王秀英".into(),
            committed,
        };
        assert_eq!(vote(true).label_in(Locale::Zh), "王秀英（开班就报名）");
        assert_eq!(
            vote(true).label_in(Locale::En),
            "王秀英 (will enroll if it opens)"
        );
        assert_eq!(vote(false).label_in(Locale::Zh), "王秀英");
        assert_eq!(vote(false).label_in(Locale::En), "王秀英");
    }
}
