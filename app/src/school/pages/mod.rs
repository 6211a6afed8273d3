//! 老年学校 pages: the catalog with enrollment, the household's timetable, and scheduling.

mod catalog;
mod manage;
mod mine;

pub use catalog::CatalogPage;
pub use manage::TimetablePage;
pub use mine::MyTimetablePage;
