//! Hours and points: what a piece of volunteer work earns under the admin's rules, and the
//! categories and form of service requests. Pure functions.

use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Points for `minutes` of work at `points_per_hour`, rounded to the nearest point.
pub fn points_for(minutes: i64, points_per_hour: i64) -> i64 {
    (minutes * points_per_hour + 30) / 60
}

/// "1.5 小时" — minutes as hours with one decimal, without floating point.
pub fn hours_label(minutes: i64) -> String {
    let tenths = (minutes * 10 + 30) / 60;
    format!("{}.{} 小时", tenths / 10, tenths % 10)
}

/// Whether a rating earns the bonus.
pub fn earns_bonus(stars: i64) -> bool {
    stars >= 4
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequestCategory {
    Haircut,
    Escort,
    Shopping,
    Repair,
    Company,
    Other,
}

impl RequestCategory {
    pub const ALL: [RequestCategory; 6] = [
        Self::Haircut,
        Self::Escort,
        Self::Shopping,
        Self::Repair,
        Self::Company,
        Self::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Haircut => "haircut",
            Self::Escort => "escort",
            Self::Shopping => "shopping",
            Self::Repair => "repair",
            Self::Company => "company",
            Self::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Haircut => "上门理发",
            Self::Escort => "陪诊",
            Self::Shopping => "代购",
            Self::Repair => "维修",
            Self::Company => "聊天陪伴",
            Self::Other => "其他",
        }
    }
}

/// A service request as posted: for an elder (id) or for the poster, in a community.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestForm {
    #[serde(default)]
    pub elder_id: String,
    #[serde(default)]
    pub community_id: String,
    pub category: String,
    pub detail: String,
    pub wished_time: String,
    pub place: String,
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
            return Err(AppError::invalid("请选择为哪位长者，或选择所在社区。"));
        }
        let category = RequestCategory::from_code(&self.category)
            .ok_or_else(|| AppError::invalid("请选择需要哪种服务。"))?;
        let text = |value: &str, what: &str, max: usize| {
            let value = value.trim();
            if value.is_empty() || value.chars().count() > max {
                Err(AppError::invalid(format!(
                    "请填写{what}（不超过 {max} 个字）。"
                )))
            } else {
                Ok(value.to_string())
            }
        };
        Ok(RequestForSave {
            elder_id,
            community_id,
            category,
            detail: text(&self.detail, "需要帮什么忙", 200)?,
            wished_time: text(&self.wished_time, "希望的时间", 40)?,
            place: text(&self.place, "地点", 60)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_follow_the_hours_and_round_to_the_nearest() {
        assert_eq!(points_for(90, 10), 15);
        assert_eq!(points_for(60, 10), 10);
        assert_eq!(points_for(20, 10), 3);
        assert_eq!(points_for(0, 10), 0);
        assert_eq!(hours_label(90), "1.5 小时");
        assert_eq!(hours_label(150), "2.5 小时");
        assert_eq!(hours_label(0), "0.0 小时");
    }

    #[test]
    fn four_or_five_stars_earn_the_bonus() {
        assert!(!earns_bonus(3));
        assert!(earns_bonus(4));
        assert!(earns_bonus(5));
    }

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
