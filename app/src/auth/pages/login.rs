//! /login — phone number and password.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::auth::api::Login;
use crate::i18n::use_texts;
use crate::ui::form::{action_error, FormError, PasswordField, PhoneField, SubmitButton};
use crate::ui::layout::use_auth_actions;

#[component]
pub fn LoginPage() -> impl IntoView {
    let t = use_texts();
    let login = ServerAction::<Login>::new();
    use_auth_actions().refresh_after(login);
    let next = use_query_map()
        .get_untracked()
        .get("next")
        .unwrap_or_default();
    view! {
        <section class="card narrow">
            <h1>{t.login_title}</h1>
            <ActionForm action=login>
                <FormError error=action_error(login) />
                <input type="hidden" name="next" value=next />
                <PhoneField />
                <PasswordField label=t.password name="password" />
                <SubmitButton label=t.log_in pending=login.pending() />
            </ActionForm>
            <p>{t.no_account} " " <a href="/register">{t.register}</a></p>
        </section>
    }
}
