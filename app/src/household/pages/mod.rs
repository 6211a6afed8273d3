//! Household pages: /family, the elder form, and /community/elders for staff.

mod community;
mod elder_card;
pub mod elder_form;
mod family;

pub use community::CommunityEldersPage;
pub use elder_form::{EditElderPage, NewElderPage};
pub use family::FamilyPage;
