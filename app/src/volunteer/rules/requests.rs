//! Service-request rules without a database: checking what a resident posts, and what a
//! viewer sees of a request and may do with it.

use crate::error::AppError;
use crate::volunteer::model::requests::{RequestCategory, RequestForm, RequestStatus};

/// How a viewer stands to a service request.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Relation {
    /// The viewer posted it.
    pub mine: bool,
    pub taken_by_me: bool,
    /// Staff of the request's community.
    pub staff: bool,
    /// The viewer holds the volunteer role.
    pub volunteer: bool,
}

impl Relation {
    /// Its parties and its community's staff see a request; volunteers see it while it is open.
    pub fn sees(self, status: RequestStatus) -> bool {
        self.is_party() || self.may_claim(status)
    }

    /// Only they see the place and the phones.
    pub fn is_party(self) -> bool {
        self.mine || self.taken_by_me || self.staff
    }

    pub fn may_claim(self, status: RequestStatus) -> bool {
        self.volunteer && !self.mine && status == RequestStatus::Open
    }

    pub fn may_cancel(self, status: RequestStatus) -> bool {
        self.mine && status == RequestStatus::Open
    }

    pub fn may_dispatch(self, status: RequestStatus) -> bool {
        self.staff && status == RequestStatus::Open
    }

    pub fn may_complete(self, status: RequestStatus) -> bool {
        self.taken_by_me && status == RequestStatus::Taken
    }

    pub fn may_rate(self, status: RequestStatus, rated: bool) -> bool {
        self.mine && status == RequestStatus::Done && !rated
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestForSave {
    pub elder_id: Option<i64>,
    pub community_id: Option<i64>,
    pub category: RequestCategory,
    pub detail: String,
    pub wished_time: String,
    pub place: String,
}

impl RequestForm {
    pub fn parse(&self) -> Result<RequestForSave, AppError> {
        let id = |text: &str| text.trim().parse::<i64>().ok().filter(|id| *id > 0);
        let (elder_id, community_id) = (id(&self.elder_id), id(&self.community_id));
        if elder_id.is_none() && community_id.is_none() {
            return Err(AppError::invalid(crate::tr!(
                "请选择为哪位长者，或选择所在社区。",
                "Please choose the elder, or your community."
            )));
        }
        let category = RequestCategory::from_code(&self.category).ok_or_else(|| {
            AppError::invalid(crate::tr!(
                "请选择需要哪种服务。",
                "Please choose the service needed."
            ))
        })?;
        let text = |value: &str, what: &str, max: usize| {
            let value = value.trim();
            if value.is_empty() || value.chars().count() > max {
                Err(AppError::invalid(crate::tr!(
                    "请填写{what}（不超过 {max} 个字）。",
                    "Please fill in {what} (up to {max} characters)."
                )))
            } else {
                Ok(value.to_string())
            }
        };
        Ok(RequestForSave {
            elder_id,
            community_id,
            category,
            detail: text(
                &self.detail,
                &crate::tr!("需要帮什么忙", "what help is needed"),
                200,
            )?,
            wished_time: text(
                &self.wished_time,
                &crate::tr!("希望的时间", "the wished time"),
                40,
            )?,
            place: text(&self.place, &crate::tr!("地点", "the place"), 60)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strangers_see_only_open_requests_and_never_the_place() {
        let volunteer = Relation {
            volunteer: true,
            ..Relation::default()
        };
        assert!(volunteer.sees(RequestStatus::Open));
        assert!(!volunteer.sees(RequestStatus::Taken));
        assert!(!volunteer.is_party());
        assert!(volunteer.may_claim(RequestStatus::Open));
        let resident = Relation::default();
        assert!(!resident.sees(RequestStatus::Open));
    }

    #[test]
    fn each_party_has_its_own_next_step() {
        let mine = Relation {
            mine: true,
            volunteer: true,
            ..Relation::default()
        };
        assert!(mine.may_cancel(RequestStatus::Open));
        assert!(
            !mine.may_claim(RequestStatus::Open),
            "not one's own request"
        );
        assert!(mine.may_rate(RequestStatus::Done, false));
        assert!(!mine.may_rate(RequestStatus::Done, true));
        let taker = Relation {
            taken_by_me: true,
            ..Relation::default()
        };
        assert!(taker.is_party() && taker.may_complete(RequestStatus::Taken));
        let staff = Relation {
            staff: true,
            ..Relation::default()
        };
        assert!(staff.may_dispatch(RequestStatus::Open));
        assert!(!staff.may_dispatch(RequestStatus::Taken));
    }
    use crate::volunteer::model::requests::RequestCategory;

    #[test]
    fn a_request_needs_whom_what_when_and_where() {
        let form = RequestForm {
            elder_id: "3".into(),
            community_id: String::new(),
            category: "escort".into(),
            detail: "去协和医院复查，需要人陪同挂号取药".into(),
            wished_time: "周四上午 8:30".into(),
            place: "协和医院西院".into(),
        };
        let request = form.parse().unwrap();
        assert_eq!(request.category, RequestCategory::Escort);
        assert_eq!(request.elder_id, Some(3));
        let nobody = RequestForm {
            elder_id: String::new(),
            ..form.clone()
        };
        assert!(nobody.parse().is_err());
        let vague = RequestForm {
            detail: " ".into(),
            ..form
        };
        assert!(vague.parse().unwrap_err().to_string().contains("帮什么忙"));
    }
}
