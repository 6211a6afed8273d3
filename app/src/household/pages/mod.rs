//! Household pages: /family, the elder form, and /community/elders for staff.

mod elder_card;
pub mod elder_form;
mod elders;

pub use elder_form::{EditElderPage, NewElderPage};
pub use elders::{CommunityEldersPage, FamilyPage};
