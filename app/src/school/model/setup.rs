//! The school's set-up (semester, sites, teachers, courses, classes) and its forms.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteRow {
    pub id: i64,
    pub community_id: i64,
    pub community: String,
    pub name: String,
    pub address: String,
    /// (id, name)
    pub rooms: Vec<(i64, String)>,
    /// Whether the caller may change this site and its rooms.
    pub editable: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeacherRow {
    pub id: i64,
    pub name: String,
    pub phone: String,
    pub subjects: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseRow {
    pub id: i64,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetupClassRow {
    pub id: i64,
    pub name: String,
    pub course_id: i64,
    pub teacher_id: i64,
    pub community_id: i64,
    pub capacity: i64,
    pub fee_fen: i64,
    pub min_age: i64,
    pub editable: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolSetup {
    /// The latest semester as its form (empty when there is none yet), and its id or 0.
    pub semester: SemesterForm,
    pub semester_id: i64,
    pub may_edit_semester: bool,
    pub sites: Vec<SiteRow>,
    /// (site a, site b, "a ↔ b", minutes)
    pub travel: Vec<(i64, i64, String, i64)>,
    pub teachers: Vec<TeacherRow>,
    pub courses: Vec<CourseRow>,
    pub classes: Vec<SetupClassRow>,
    /// Communities the caller administers (every community as the database reads it): (id, name).
    pub communities: Vec<(i64, String)>,
}

/// The semester form as posted; every field as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SemesterForm {
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
    pub returning_opens: String,
    pub enroll_opens: String,
    pub enroll_closes: String,
    pub max_classes_per_person: String,
    pub offer_hours: String,
    pub open_at_committed: String,
}

/// A class form as posted: what is taught by whom for which community, and its terms.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassForm {
    /// The class being changed, or 0 for a new one.
    pub class_id: i64,
    pub course_id: i64,
    pub teacher_id: i64,
    pub community_id: i64,
    pub name: String,
    pub capacity: String,
    pub fee_yuan: String,
    pub min_age: String,
}
