//! Course votes without a database: when a proposal has enough committed sign-ups to open,
//! and who of the committed voters gets a seat, a waitlist place, or a reason why not, when it
//! opens as a class.

use crate::error::AppError;
use crate::school::model::enrollment::EnrollmentStatus;
use crate::school::model::proposals::OpenProposalForm;
use crate::school::rules::enrollment::{check_applicant, place_for, Applicant};

/// Refuses to open a proposal with fewer than `needed` committed sign-ups.
pub fn check_can_open(committed: i64, needed: i64) -> Result<(), AppError> {
    if committed < needed {
        return Err(AppError::conflict(crate::tr!(
            "还差 {} 人确定报名才能开班（需要 {needed} 人）。",
            "{} more committed sign-ups are needed to open the class ({needed} in all).",
            needed - committed
        )));
    }
    Ok(())
}

/// A committed voter, in the order they voted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommittedVoter {
    pub elder_id: i64,
    pub applicant: Applicant,
}

/// What opening does for each committed voter, in vote order: a seat while seats last, then
/// the waitlist; someone too young or at the cap of classes is skipped with the reason.
pub fn opening_plan(
    voters: &[CommittedVoter],
    capacity: i64,
    min_age: i32,
    cap: i64,
) -> Vec<(i64, Result<EnrollmentStatus, String>)> {
    let (mut seated, mut waiting) = (0, 0);
    voters
        .iter()
        .map(|v| {
            let outcome = match check_applicant(min_age, cap, v.applicant) {
                Err(reason) => Err(reason.to_string()),
                Ok(()) => {
                    let status = place_for(seated, capacity, waiting);
                    if status == EnrollmentStatus::Enrolled {
                        seated += 1;
                    } else {
                        waiting += 1;
                    }
                    Ok(status)
                }
            };
            (v.elder_id, outcome)
        })
        .collect()
}

impl OpenProposalForm {
    /// The class's name and terms, checked like any class's.
    pub fn terms(&self) -> Result<crate::school::rules::setup::ClassTerms, AppError> {
        crate::school::model::setup::ClassForm {
            name: self.name.clone(),
            capacity: self.capacity.clone(),
            fee_yuan: self.fee_yuan.clone(),
            min_age: self.min_age.clone(),
            ..Default::default()
        }
        .parse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voter(elder_id: i64, age: i32, classes: i64) -> CommittedVoter {
        CommittedVoter {
            elder_id,
            applicant: Applicant {
                age,
                returning: false,
                classes_this_semester: classes,
            },
        }
    }

    #[test]
    fn a_proposal_opens_only_with_enough_committed_sign_ups() {
        assert_eq!(
            check_can_open(7, 10).unwrap_err().to_string(),
            "还差 3 人确定报名才能开班（需要 10 人）。"
        );
        assert!(check_can_open(10, 10).is_ok());
    }

    #[test]
    fn committed_voters_are_seated_in_vote_order_then_wait() {
        let voters = [voter(1, 70, 0), voter(2, 66, 1), voter(3, 80, 0)];
        let plan = opening_plan(&voters, 2, 55, 3);
        assert_eq!(
            plan,
            vec![
                (1, Ok(EnrollmentStatus::Enrolled)),
                (2, Ok(EnrollmentStatus::Enrolled)),
                (3, Ok(EnrollmentStatus::Waitlisted)),
            ]
        );
    }

    #[test]
    fn a_voter_under_age_or_at_the_cap_is_skipped_and_does_not_take_a_seat() {
        let voters = [voter(1, 50, 0), voter(2, 70, 3), voter(3, 70, 0)];
        let plan = opening_plan(&voters, 1, 55, 3);
        assert!(plan[0].1.as_ref().unwrap_err().contains("55 岁以上"));
        assert!(plan[1].1.as_ref().unwrap_err().contains("最多报 3 个班"));
        assert_eq!(plan[2], (3, Ok(EnrollmentStatus::Enrolled)));
    }
}
