//! Every page as a lazy route. The browser bundle has one piece per group of pages that the
//! same people open together (a family's pages, a volunteer's, the canteen staff's…): a
//! group's code is fetched and compiled the first time one of its pages is shown, and the
//! server names the pieces a page needs in `<link rel="preload">`, so a first visit fetches
//! them beside the main bundle. The main bundle keeps only the frame: header, router and the
//! 404 page. (One piece per page made up to 227 small files per page; see docs/bundle.md.)

use leptos::prelude::*;
use leptos_router::LazyRoute;

use crate::admin::pages::AdminPage;
use crate::auth::pages::{AccountPage, LoginPage, RegisterPage};
use crate::canteen::pages::{
    CanteenListPage, CanteenMenuPage, DeliverPage, KitchenPage, MenuEditorPage, OrderPage,
    OrdersPage, RoutesPage, SettlementPage, SetupPage, SubsidiesPage,
};
use crate::dashboard::pages::DashboardPage;
use crate::household::pages::elder_form::Filler;
use crate::household::pages::{CommunityEldersPage, EditElderPage, FamilyPage, NewElderPage};
use crate::notify::pages::NotificationsPage;
use crate::school::pages::{
    CatalogPage, MyTimetablePage, ProposalsPage, RosterPage, SchoolSetupPage, TimetablePage,
    WeekGridPage,
};
use crate::ui::home::HomePage;
use crate::volunteer::pages::{
    ManageShiftsPage, MyShiftsPage, PointsPage, RequestsPage, ShiftsPage,
};

/// Declares, for one group of pages: an enum naming its pages, the lazily loaded function
/// that renders one of them (`$preload` is the name the `#[lazy]` macro gives the function
/// that only fetches its code), and a route type per page. The router preloads a route's code
/// before it hydrates or shows the page.
macro_rules! page_group {
    ($group:ident, $loader:ident, $preload:ident, { $($route:ident => $page:expr,)* }) => {
        #[derive(Clone, Copy)]
        pub enum $group {
            $($route,)*
        }

        #[lazy]
        fn $loader(page: $group) -> AnyView {
            match page {
                $($group::$route => $page.into_any(),)*
            }
        }

        $(
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    Self
                }

                async fn view(_this: Self) -> AnyView {
                    $loader($group::$route).await
                }

                async fn preload() {
                    #[cfg(target_arch = "wasm32")]
                    $preload().await;
                }
            }
        )*
    };
}

page_group!(PublicPage, public_pages, __preload_public_pages, {
    Home => view! { <HomePage /> },
    Login => view! { <LoginPage /> },
    Register => view! { <RegisterPage /> },
    CanteenList => view! { <CanteenListPage /> },
    CanteenMenu => view! { <CanteenMenuPage /> },
});

page_group!(SignedInPage, signed_in_pages, __preload_signed_in_pages, {
    Account => view! { <AccountPage /> },
    Notifications => view! { <NotificationsPage /> },
});

page_group!(HouseholdPage, household_pages, __preload_household_pages, {
    Family => view! { <FamilyPage /> },
    NewElderForFamily => view! { <NewElderPage filler=Filler::Family /> },
    EditElder => view! { <EditElderPage /> },
});

page_group!(OrderingPage, ordering_pages, __preload_ordering_pages, {
    CanteenOrder => view! { <OrderPage /> },
    CanteenOrders => view! { <OrdersPage /> },
});

page_group!(SchoolPage, school_pages, __preload_school_pages, {
    SchoolCatalog => view! { <CatalogPage /> },
    SchoolMine => view! { <MyTimetablePage /> },
    SchoolProposals => view! { <ProposalsPage /> },
});

page_group!(VolunteerPage, volunteer_pages, __preload_volunteer_pages, {
    VolunteerShifts => view! { <ShiftsPage /> },
    VolunteerMine => view! { <MyShiftsPage /> },
    VolunteerRequests => view! { <RequestsPage /> },
    VolunteerPoints => view! { <PointsPage /> },
    CanteenDeliver => view! { <DeliverPage /> },
});

page_group!(CanteenStaffPage, canteen_staff_pages, __preload_canteen_staff_pages, {
    CanteenKitchen => view! { <KitchenPage /> },
    CanteenRoutes => view! { <RoutesPage /> },
    CanteenMenuEditor => view! { <MenuEditorPage /> },
    CanteenSetup => view! { <SetupPage /> },
    CanteenSubsidies => view! { <SubsidiesPage /> },
    CanteenSettlement => view! { <SettlementPage /> },
});

page_group!(SchoolStaffPage, school_staff_pages, __preload_school_staff_pages, {
    SchoolTimetable => view! { <TimetablePage /> },
    SchoolWeek => view! { <WeekGridPage /> },
    SchoolSetup => view! { <SchoolSetupPage /> },
    SchoolRoster => view! { <RosterPage /> },
});

page_group!(CommunityStaffPage, community_staff_pages, __preload_community_staff_pages, {
    CommunityElders => view! { <CommunityEldersPage /> },
    NewElderForStaff => view! { <NewElderPage filler=Filler::Staff /> },
    VolunteerManage => view! { <ManageShiftsPage /> },
    Admin => view! { <AdminPage /> },
});

page_group!(DashboardGroup, dashboard_pages, __preload_dashboard_pages, {
    Dashboard => view! { <DashboardPage /> },
});
