//! 老年学校 pages: the catalog with enrollment, the household's timetable, scheduling, the
//! week grids, set-up, class rosters with fees and attendance, and course votes.

mod catalog;
mod manage;
mod mine;
mod proposals;
mod roster;
mod setup;
mod setup_parts;
mod week;

pub use catalog::CatalogPage;
pub use manage::TimetablePage;
pub use mine::MyTimetablePage;
pub use proposals::ProposalsPage;
pub use roster::RosterPage;
pub use setup::SchoolSetupPage;
pub use week::WeekGridPage;
