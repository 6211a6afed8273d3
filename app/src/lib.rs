//! 幸福里: the app shell and its routes — the table of contents, nothing else.

pub mod admin;
pub mod auth;
pub mod canteen;
pub mod clock;
pub mod community;
pub mod cookies;
pub mod dashboard;
pub mod domain;
pub mod error;
pub mod export;
pub mod household;
pub mod i18n;
pub mod live;
pub mod notify;
pub mod routes;
pub mod school;
pub mod ui;
pub mod volunteer;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod figures;
#[cfg(feature = "ssr")]
pub mod state;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Html, Link, Meta, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode, StaticSegment};

use crate::i18n::use_texts;
use crate::routes as page;
use crate::ui::home::NotFound;
use crate::ui::layout::{provide_auth, Header};
use crate::ui::prefs::{DisplayMode, UiPrefs};

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
                    <Route path=StaticSegment("") view={Lazy::<page::Home>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/login") view={Lazy::<page::Login>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/register") view={Lazy::<page::Register>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/account") view={Lazy::<page::Account>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/family") view={Lazy::<page::Family>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/family/elders/new") view={Lazy::<page::NewElderForFamily>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/family/elders/:id") view={Lazy::<page::EditElder>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/community/elders") view={Lazy::<page::CommunityElders>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/community/elders/new") view={Lazy::<page::NewElderForStaff>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin") view={Lazy::<page::Admin>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/canteen") view={Lazy::<page::CanteenList>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/canteen/order") view={Lazy::<page::CanteenOrder>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/canteen/orders") view={Lazy::<page::CanteenOrders>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/canteen/deliver") view={Lazy::<page::CanteenDeliver>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/canteen/manage") view={Lazy::<page::CanteenKitchen>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/canteen/manage/routes") view={Lazy::<page::CanteenRoutes>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/canteen/manage/menu") view={Lazy::<page::CanteenMenuEditor>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/canteen/manage/setup") view={Lazy::<page::CanteenSetup>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/canteen/manage/subsidies") view={Lazy::<page::CanteenSubsidies>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/canteen/manage/settlement") view={Lazy::<page::CanteenSettlement>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/canteen/:id") view={Lazy::<page::CanteenMenu>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/volunteer") view={Lazy::<page::VolunteerShifts>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/volunteer/mine") view={Lazy::<page::VolunteerMine>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/volunteer/manage") view={Lazy::<page::VolunteerManage>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/volunteer/requests") view={Lazy::<page::VolunteerRequests>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/volunteer/points") view={Lazy::<page::VolunteerPoints>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/school") view={Lazy::<page::SchoolCatalog>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/school/mine") view={Lazy::<page::SchoolMine>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/school/proposals") view={Lazy::<page::SchoolProposals>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/school/manage") view={Lazy::<page::SchoolTimetable>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/school/manage/week") view={Lazy::<page::SchoolWeek>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/school/manage/setup") view={Lazy::<page::SchoolSetup>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/school/manage/roster") view={Lazy::<page::SchoolRoster>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/dashboard") view={Lazy::<page::Dashboard>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/notifications") view={Lazy::<page::Notifications>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/*any") view=NotFound ssr=SsrMode::Async />
                </Routes>
            </Frame>
        </Router>
    }
}
