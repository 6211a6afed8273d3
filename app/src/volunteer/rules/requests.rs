//! Service-request rules without a database: checking what a resident posts.

use crate::error::AppError;
use crate::volunteer::model::requests::{RequestCategory, RequestForm};

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
