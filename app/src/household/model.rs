//! An elder as the pages show it (only to the family, the elder and community staff).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::elder::{Allergen, DietNeed, ElderForm, SubsidyCategory};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ElderView {
    pub id: i64,
    pub name: String,
    pub birth_date: NaiveDate,
    pub age: i32,
    pub community_id: i64,
    pub community_name: String,
    pub building: String,
    pub unit: String,
    pub room: String,
    pub phone: String,
    pub needs_delivery: bool,
    pub allergies: Vec<Allergen>,
    pub diet_needs: Vec<DietNeed>,
    pub subsidy_category: SubsidyCategory,
    pub notes: String,
    /// The viewer's relation to the elder, when the viewer is family.
    pub relation: String,
    /// The elder's own login (masked number), when linked.
    pub own_login: Option<String>,
}

impl ElderView {
    /// "12栋 2单元 301"
    pub fn address(&self) -> String {
        [
            self.building.as_str(),
            self.unit.as_str(),
            self.room.as_str(),
        ]
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
    }

    /// The profile as an edit form starts out.
    pub fn to_form(&self) -> ElderForm {
        ElderForm {
            name: self.name.clone(),
            birth_date: self.birth_date.to_string(),
            community_id: self.community_id.to_string(),
            building: self.building.clone(),
            unit: self.unit.clone(),
            room: self.room.clone(),
            phone: self.phone.clone(),
            needs_delivery: self.needs_delivery,
            allergies: self
                .allergies
                .iter()
                .map(|a| a.code().to_string())
                .collect(),
            diet_needs: self
                .diet_needs
                .iter()
                .map(|d| d.code().to_string())
                .collect(),
            subsidy_category: self.subsidy_category.code().to_string(),
            notes: self.notes.clone(),
            relation: self.relation.clone(),
        }
    }
}
