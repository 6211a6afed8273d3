//! 幸福食堂 pages: menus, ordering and order history for families; the prep sheet, delivery
//! routes and the deliverer's stops for staff and volunteers.

mod deliver;
mod kitchen;
mod menu;
mod menu_editor;
mod order;
mod orders;
mod routes;
mod settlement;
mod setup;
mod staff_picker;
mod subsidies;

pub use deliver::DeliverPage;
pub use kitchen::KitchenPage;
pub use menu::{CanteenListPage, CanteenMenuPage};
pub use menu_editor::MenuEditorPage;
pub use order::OrderPage;
pub use orders::OrdersPage;
pub use routes::RoutesPage;
pub use settlement::SettlementPage;
pub use setup::SetupPage;
pub use subsidies::SubsidiesPage;
