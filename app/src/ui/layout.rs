//! The page frame: header with navigation, account links and the 长辈版 / language switches;
//! the signed-in account as a resource every page can wait on.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::auth::api::{get_current_user, Logout};
use crate::auth::model::CurrentUser;
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::ui::prefs::{use_prefs, DisplayMode, Locale, SetDisplayMode, SetLocale};

/// Log-out, and the signal that reloads the signed-in account after log-in or registration.
/// Log-in and registration actions live in their pages, inside `<Routes>`: only there do they
/// see the error of a failed plain form post (JavaScript off).
#[derive(Clone, Copy)]
pub struct AuthActions {
    pub logout: ServerAction<Logout>,
    refresh: RwSignal<usize>,
}

impl AuthActions {
    /// Reloads the signed-in account whenever `action` completes.
    pub fn refresh_after<S>(&self, action: ServerAction<S>)
    where
        S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
        S::Output: Clone + Send + Sync + 'static,
    {
        let refresh = self.refresh;
        Effect::new(move |_| {
            if action.version().get() > 0 {
                refresh.update(|n| *n += 1);
            }
        });
    }
}

pub type UserResource = Resource<Result<Option<CurrentUser>, AppError>>;

/// Creates the account actions and the signed-in account resource, once, in `App`.
pub fn provide_auth() {
    let actions = AuthActions {
        logout: ServerAction::new(),
        refresh: RwSignal::new(0),
    };
    let user: UserResource = Resource::new(
        move || (actions.refresh.get(), actions.logout.version().get()),
        |_| get_current_user(),
    );
    provide_context(actions);
    provide_context(user);
}

pub fn use_auth_actions() -> AuthActions {
    expect_context::<AuthActions>()
}

pub fn use_user() -> UserResource {
    expect_context::<UserResource>()
}

/// Renders `view` with the signed-in account, or asks to log in first.
#[component]
pub fn WithUser<F, V>(view: F) -> impl IntoView
where
    F: Fn(CurrentUser) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let t = use_texts();
    let user = use_user();
    let here = use_location().pathname.get_untracked();
    view! {
        <Suspense fallback=move || view! { <p class="muted">{t.loading}</p> }>
            {move || {
                let view = view.clone();
                let here = here.clone();
                Suspend::new(async move {
                    match user.await {
                        Ok(Some(current)) => view(current).into_any(),
                        Ok(None) => {
                            let href = format!("/login?next={here}");
                            view! {
                                <section class="card">
                                    <p>{t.please_log_in}</p>
                                    <a class="button primary" href=href>{t.log_in}</a>
                                </section>
                            }
                                .into_any()
                        }
                        Err(error) => {
                            view! { <p class="notice notice-error" role="alert">{error.to_string()}</p> }
                                .into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn DisplaySwitches() -> impl IntoView {
    let t = use_texts();
    let prefs = use_prefs();
    let set_mode = ServerAction::<SetDisplayMode>::new();
    let set_locale = ServerAction::<SetLocale>::new();
    // Apply the new mode at once; the cookie keeps it for the next page load.
    Effect::new(move |_| {
        if let Some(input) = set_mode.input().get() {
            let mode = if input.elder {
                DisplayMode::Elder
            } else {
                DisplayMode::Standard
            };
            prefs.update(|p| p.mode = mode);
        }
    });
    // Every text on the page changes with the language: load the page again.
    Effect::new(move |_| {
        if let Some(Ok(())) = set_locale.value().get() {
            let _ = window().location().reload();
        }
    });
    let elder = move || prefs.get().mode == DisplayMode::Elder;
    let english = prefs.get_untracked().locale == Locale::En;
    view! {
        <div class="switches">
            <ActionForm action=set_mode attr:class="inline-form">
                <input type="hidden" name="elder" value=move || (!elder()).to_string() />
                <button type="submit" class="button switch" aria-pressed=move || elder().to_string()>
                    {move || if elder() { t.elder_mode_off } else { t.elder_mode_on }}
                </button>
            </ActionForm>
            <ActionForm action=set_locale attr:class="inline-form">
                <input type="hidden" name="english" value=(!english).to_string() />
                <button type="submit" class="button switch" lang=if english { "zh-CN" } else { "en" }>
                    {t.switch_language}
                </button>
            </ActionForm>
        </div>
    }
}

#[component]
fn AccountLinks() -> impl IntoView {
    let t = use_texts();
    let user = use_user();
    let logout = use_auth_actions().logout;
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(current)) => {
                        let show_admin = current.is_any_admin()
                            || current.staff_communities().is_none_or(|c| !c.is_empty());
                        view! {
                            <nav class="account" aria-label=t.nav_account>
                                <A href="/family">{t.nav_family}</A>
                                <A href="/notifications">{t.nav_notifications}</A>
                                {show_admin.then(|| view! { <A href="/admin">{t.nav_admin}</A> })}
                                {show_admin.then(|| view! { <A href="/dashboard">{t.dashboard.title}</A> })}
                                <A href="/account">{current.display_name.clone()}</A>
                                <ActionForm action=logout attr:class="inline-form">
                                    <button type="submit" class="button link-button">{t.log_out}</button>
                                </ActionForm>
                            </nav>
                        }
                            .into_any()
                    }
                    _ => {
                        view! {
                            <nav class="account" aria-label=t.nav_account>
                                <A href="/login">{t.log_in}</A>
                                <A href="/register">{t.register}</A>
                            </nav>
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let t = use_texts();
    view! {
        <a class="skip-link" href="#main">{t.skip_to_content}</a>
        <header class="site-header">
            <A href="/" attr:class="brand">
                <span aria-hidden="true">"🏠 "</span>
                {t.app_name}
            </A>
            <AccountLinks />
            <DisplaySwitches />
        </header>
    }
}
