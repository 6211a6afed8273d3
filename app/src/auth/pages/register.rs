//! /register — a new family account.

use leptos::prelude::*;

use crate::auth::api::Register;
use crate::i18n::use_texts;
use crate::ui::form::{
    action_error, FormError, PasswordField, PhoneField, SubmitButton, TextField,
};
use crate::ui::layout::use_auth_actions;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let t = use_texts();
    let register = ServerAction::<Register>::new();
    use_auth_actions().refresh_after(register);
    view! {
        <section class="card narrow">
            <h1>{t.register_title}</h1>
            <ActionForm action=register>
                <FormError error=action_error(register) />
                <TextField
                    label=t.display_name
                    name="display_name"
                    hint=t.display_name_hint
                    required=true
                    autocomplete="name"
                />
                <PhoneField />
                <PasswordField label=t.password name="password" new=true hint=t.password_hint />
                <PasswordField label=t.password_confirm name="password_confirm" new=true />
                <SubmitButton label=t.register pending=register.pending() />
            </ActionForm>
            <p>{t.have_account} " " <a href="/login">{t.log_in}</a></p>
        </section>
    }
}
