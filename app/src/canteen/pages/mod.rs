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

use crate::canteen::model::menu::Meal;
use crate::domain::elder::Allergen;
use crate::i18n::list_label;
use crate::ui::prefs::Locale;

/// A meal service as the pages name it: "十九街社区幸福食堂 · 午餐" / "… · Lunch".
fn service_title(canteen: &str, meal: Meal, locale: Locale) -> String {
    format!("{canteen} · {}", meal.label_in(locale))
}

/// The event stream of a canteen's kitchen and route boards.
/// Allergens as a list: "花生、海鲜" / "Peanut, Seafood".
fn allergen_list(allergens: &[Allergen], locale: Locale) -> String {
    list_label(allergens.iter().map(|a| a.label_in(locale)), locale)
}
