//! 幸福里: the app shell and its routes — the table of contents, nothing else.

pub mod admin;
pub mod auth;
pub mod canteen;
pub mod clock;
pub mod community;
pub mod cookies;
pub mod domain;
pub mod error;
pub mod household;
pub mod i18n;
pub mod notify;
pub mod school;
pub mod ui;
pub mod volunteer;

#[cfg(feature = "ssr")]
pub mod state;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Html, Link, Meta, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode, StaticSegment};

use crate::admin::page::AdminPage;
use crate::auth::pages::{AccountPage, LoginPage, RegisterPage};
use crate::canteen::pages::{
    CanteenListPage, CanteenMenuPage, DeliverPage, KitchenPage, MenuEditorPage, OrderPage,
    OrdersPage, RoutesPage, SettlementPage, SetupPage, SubsidiesPage,
};
use crate::household::pages::elder_form::Filler;
use crate::household::pages::{CommunityEldersPage, EditElderPage, FamilyPage, NewElderPage};
use crate::i18n::use_texts;
use crate::notify::page::NotificationsPage;
use crate::school::pages::{
    CatalogPage, MyTimetablePage, ProposalsPage, RosterPage, SchoolSetupPage, TimetablePage,
    WeekGridPage,
};
use crate::ui::home::{HomePage, NotFound};
use crate::ui::layout::{provide_auth, Header};
use crate::ui::prefs::{DisplayMode, UiPrefs};
use crate::volunteer::pages::{
    ManageShiftsPage, MyShiftsPage, PointsPage, RequestsPage, ShiftsPage,
};

/// The HTML document around the app, rendered on the server. Routes render with
/// `SsrMode::Async`: the whole page is in the HTML, so it works before and without WebAssembly.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options=options.clone() />
                <HashedStylesheet options=options.clone() id="leptos" />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Everything inside the router: the account actions are created here, where a failed plain
/// form post's error (in the URL) is visible to them.
#[component]
fn Frame(children: Children) -> impl IntoView {
    provide_auth();
    view! {
        <Header />
        <main id="main" tabindex="-1">
            {children()}
        </main>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let prefs = RwSignal::new(UiPrefs::current());
    provide_context(prefs);
    let t = use_texts();
    let mode_class = move || match prefs.get().mode {
        DisplayMode::Elder => "elder-mode",
        DisplayMode::Standard => "standard-mode",
    };
    view! {
        <Html {..} lang=prefs.get_untracked().locale.html_lang() class=mode_class />
        <Meta name="theme-color" content="#b3261e" />
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml" />
        <Title text=t.app_name />
        <Router>
            <Frame>
                <Routes fallback=NotFound>
                    <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/register") view=RegisterPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/family") view=FamilyPage ssr=SsrMode::Async />
                    <Route path=path!("/family/elders/new") view=|| view! { <NewElderPage filler=Filler::Family /> } ssr=SsrMode::Async />
                    <Route path=path!("/family/elders/:id") view=EditElderPage ssr=SsrMode::Async />
                    <Route path=path!("/community/elders") view=CommunityEldersPage ssr=SsrMode::Async />
                    <Route path=path!("/community/elders/new") view=|| view! { <NewElderPage filler=Filler::Staff /> } ssr=SsrMode::Async />
                    <Route path=path!("/admin") view=AdminPage ssr=SsrMode::Async />
                    <Route path=path!("/canteen") view=CanteenListPage ssr=SsrMode::Async />
                    <Route path=path!("/canteen/order") view=OrderPage ssr=SsrMode::Async />
                    <Route path=path!("/canteen/orders") view=OrdersPage ssr=SsrMode::Async />
                    <Route path=path!("/canteen/deliver") view=DeliverPage ssr=SsrMode::Async />
                    <Route path=path!("/canteen/manage") view=KitchenPage ssr=SsrMode::Async />
                    <Route path=path!("/canteen/manage/routes") view=RoutesPage ssr=SsrMode::Async />
                    <Route path=path!("/canteen/manage/menu") view=MenuEditorPage ssr=SsrMode::Async />
                    <Route path=path!("/canteen/manage/setup") view=SetupPage ssr=SsrMode::Async />
                    <Route path=path!("/canteen/manage/subsidies") view=SubsidiesPage ssr=SsrMode::Async />
                    <Route path=path!("/canteen/manage/settlement") view=SettlementPage ssr=SsrMode::Async />
                    <Route path=path!("/canteen/:id") view=CanteenMenuPage ssr=SsrMode::Async />
                    <Route path=path!("/volunteer") view=ShiftsPage ssr=SsrMode::Async />
                    <Route path=path!("/volunteer/mine") view=MyShiftsPage ssr=SsrMode::Async />
                    <Route path=path!("/volunteer/manage") view=ManageShiftsPage ssr=SsrMode::Async />
                    <Route path=path!("/volunteer/requests") view=RequestsPage ssr=SsrMode::Async />
                    <Route path=path!("/volunteer/points") view=PointsPage ssr=SsrMode::Async />
                    <Route path=path!("/school") view=CatalogPage ssr=SsrMode::Async />
                    <Route path=path!("/school/mine") view=MyTimetablePage ssr=SsrMode::Async />
                    <Route path=path!("/school/proposals") view=ProposalsPage ssr=SsrMode::Async />
                    <Route path=path!("/school/manage") view=TimetablePage ssr=SsrMode::Async />
                    <Route path=path!("/school/manage/week") view=WeekGridPage ssr=SsrMode::Async />
                    <Route path=path!("/school/manage/setup") view=SchoolSetupPage ssr=SsrMode::Async />
                    <Route path=path!("/school/manage/roster") view=RosterPage ssr=SsrMode::Async />
                    <Route path=path!("/notifications") view=NotificationsPage ssr=SsrMode::Async />
                    <Route path=path!("/*any") view=NotFound ssr=SsrMode::Async />
                </Routes>
            </Frame>
        </Router>
    }
}
