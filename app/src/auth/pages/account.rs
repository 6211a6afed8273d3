//! /account — the account's roles and the password change form.

use leptos::prelude::*;

use crate::auth::api::ChangePassword;
use crate::auth::model::CurrentUser;
use crate::i18n::{list_label, use_locale, use_texts};
use leptos_router::hooks::use_query_map;

use crate::ui::form::{action_error, FormError, Notice, PasswordField, SubmitButton};
use crate::ui::layout::WithUser;

fn role_list(user: &CurrentUser) -> Vec<String> {
    let locale = use_locale();
    user.roles
        .iter()
        .map(|grant| grant.role.label_in(locale).to_string())
        .collect()
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let t = use_texts();
    let change = ServerAction::<ChangePassword>::new();
    let query = use_query_map();
    let done = move || {
        query.with(|q| q.get("changed").is_some())
            && change.value().with(|v| !matches!(v, Some(Err(_))))
    };
    view! {
        <WithUser view=move |user: CurrentUser| {
            view! {
                <section class="card narrow">
                    <h1>{t.account_title}</h1>
                    <p>{user.display_name.clone()} " · " {user.phone.clone()}</p>
                    <p>{t.roles} "：" {list_label(role_list(&user), use_locale())}</p>
                </section>
                <section class="card narrow">
                    <h2>{t.change_password}</h2>
                    <ActionForm action=change>
                        <FormError error=action_error(change) />
                        <Show when=done>
                            <Notice>{t.password_changed}</Notice>
                        </Show>
                        <PasswordField label=t.current_password name="current_password" />
                        <PasswordField label=t.new_password name="new_password" new=true hint=t.password_hint />
                        <PasswordField label=t.new_password_confirm name="new_password_confirm" new=true />
                        <SubmitButton label=t.change_password pending=change.pending() />
                    </ActionForm>
                </section>
            }
        } />
    }
}
