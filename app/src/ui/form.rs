//! Form helpers shared by every page: the error banner and labelled fields. Forms post to
//! server functions, so they work with JavaScript off and are enhanced when it loads.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::error::AppError;
use crate::ui::prefs::Locale;

/// The error of an action's latest submission, if it failed.
pub fn action_error<S>(action: ServerAction<S>) -> Signal<Option<AppError>>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
}

/// Whether an action's latest submission succeeded.
pub fn action_succeeded<S>(action: ServerAction<S>) -> Signal<bool>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || matches!(action.value().get(), Some(Ok(_))))
}

/// The forms of a page that save. What the page shows reloads after each successful save, not
/// on every submission, so a refused form stays as the person left it (open, with what they
/// typed) next to the message saying why; 已保存 shows while the latest submission succeeded.
#[derive(Clone, Copy)]
pub struct Saves {
    successes: RwSignal<usize>,
    latest_ok: RwSignal<bool>,
    errors: StoredValue<Vec<Signal<Option<AppError>>>>,
}

impl Saves {
    pub fn new() -> Self {
        Saves {
            successes: RwSignal::new(0),
            latest_ok: RwSignal::new(false),
            errors: StoredValue::new(Vec::new()),
        }
    }

    /// A server action whose submissions are saves of this page.
    pub fn action<S>(self) -> ServerAction<S>
    where
        S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
        S::Output: Clone + Send + Sync + 'static,
    {
        let action = ServerAction::<S>::new();
        Effect::new(
            move |_| match action.value().with(|v| v.as_ref().map(Result::is_ok)) {
                Some(true) => {
                    self.successes.update(|c| *c += 1);
                    self.latest_ok.set(true);
                }
                Some(false) => self.latest_ok.set(false),
                None => {}
            },
        );
        self.errors
            .update_value(|errors| errors.push(action_error(action)));
        action
    }

    /// How many saves have succeeded: what the page's data reloads on.
    pub fn count(self) -> usize {
        self.successes.get()
    }
}

impl Default for Saves {
    fn default() -> Self {
        Self::new()
    }
}

/// Why the latest save of each form was refused, or 已保存 when the latest save succeeded.
#[component]
pub fn SaveNotices(saves: Saves) -> impl IntoView {
    let saved = crate::i18n::use_texts().saved;
    view! {
        {saves.errors.get_value().into_iter().map(|error| view! { <FormError error /> }).collect_view()}
        {move || saves.latest_ok.get().then(|| view! { <Notice>{saved}</Notice> })}
    }
}

/// A message people cannot miss; screen readers announce it.
#[component]
pub fn FormError(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! {
                <p class="notice notice-error" role="alert">
                    <span aria-hidden="true">"⚠ "</span>
                    {e.to_string()}
                </p>
            }
        })
    }
}

#[component]
pub fn Notice(children: Children) -> impl IntoView {
    view! {
        <p class="notice notice-ok" role="status">
            <span aria-hidden="true">"✓ "</span>
            {children()}
        </p>
    }
}

/// What was typed into field `name` before a plain form post (JavaScript off) failed: the
/// server kept the fields under the id in the `__form` query parameter (`form_store`). Such a
/// page is only ever rendered by the server; in the browser there is nothing to fill.
pub fn submitted_values(name: &str) -> Vec<String> {
    let id = use_query_map()
        .with_untracked(|q| q.get("__form"))
        .unwrap_or_default();
    #[cfg(feature = "ssr")]
    let kept = crate::ui::form_store::fields(&id).unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    let kept = {
        let _ = id;
        String::new()
    };
    form_urlencoded::parse(kept.as_bytes())
        .filter(|(field, _)| field == name)
        .map(|(_, value)| value.into_owned())
        .collect()
}

/// `value`, or what was typed before a failed plain form post.
pub fn value_or_submitted(value: String, name: &str) -> String {
    if value.is_empty() {
        submitted_values(name)
            .into_iter()
            .next()
            .unwrap_or_default()
    } else {
        value
    }
}

/// A labelled text input. `name` is the server function argument it fills.
#[component]
pub fn TextField(
    label: &'static str,
    name: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: &'static str,
    #[prop(optional, into)] value: String,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] inputmode: &'static str,
) -> impl IntoView {
    let id = format!("field-{}", name.replace(['[', ']'], "-"));
    let value = if kind == "password" {
        String::new()
    } else {
        value_or_submitted(value, name)
    };
    let hint_id = format!("{id}-hint");
    let has_hint = !hint.is_empty();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type=kind
                name=name
                value=value
                required=required
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                inputmode=(!inputmode.is_empty()).then_some(inputmode)
                aria-describedby=has_hint.then(|| hint_id.clone())
            />
            {has_hint.then(|| view! { <p class="hint" id=hint_id>{hint}</p> })}
        </div>
    }
}

/// The submit button, which says so while the form is being sent.
#[component]
pub fn SubmitButton(label: &'static str, #[prop(into)] pending: Signal<bool>) -> impl IntoView {
    let submitting = crate::i18n::use_texts().submitting;
    view! {
        <button type="submit" class="button primary" disabled=move || pending.get()>
            {move || if pending.get() { submitting } else { label }}
        </button>
    }
}

/// The mobile-number field of the log-in and registration forms.
#[component]
pub fn PhoneField() -> impl IntoView {
    let t = crate::i18n::use_texts();
    view! {
        <TextField
            label=t.phone
            name="phone"
            kind="tel"
            hint=t.phone_hint
            required=true
            autocomplete="username"
            inputmode="numeric"
        />
    }
}

/// A password field: for the current password, or (`new`) for choosing one, where the browser
/// offers to generate and save it.
#[component]
pub fn PasswordField(
    label: &'static str,
    name: &'static str,
    #[prop(optional)] new: bool,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView {
    let autocomplete = if new {
        "new-password"
    } else {
        "current-password"
    };
    view! { <TextField label name kind="password" hint required=true autocomplete /> }
}

/// A labelled choice of codes (roles, age bands, kinds of shift): `choices` are (code, label)
/// pairs and `chosen` the code selected; `any`, when given, is a first choice that sends no code.
#[component]
pub fn CodeSelect(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    choices: Vec<(&'static str, &'static str)>,
    #[prop(optional, into)] chosen: String,
    #[prop(optional)] any: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=name>
                {any.map(|any| view! { <option value="">{any}</option> })}
                {choices.into_iter().map(|(code, text)| view! {
                    <option value=code selected=code == chosen>{text}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// A group of checkboxes for coded options (allergens, diet needs), `chosen` ticked.
pub fn checkbox_group<T: Copy + 'static>(
    legend: &'static str,
    name: &'static str,
    options: &'static [T],
    code: fn(T) -> &'static str,
    label: fn(T, Locale) -> &'static str,
    chosen: Vec<String>,
) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    view! {
        <fieldset class="field choices">
            <legend>{legend}</legend>
            {options
                .iter()
                .map(|option| {
                    let value = code(*option);
                    let checked = chosen.iter().any(|c| c == value);
                    view! {
                        <label class="choice">
                            <input type="checkbox" name=name value=value checked=checked />
                            {label(*option, locale)}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// A labelled input that must be filled, whose id is unique on the page (`key` tells the
/// forms apart).
pub fn input_field(
    key: &str,
    label: &'static str,
    name: &'static str,
    value: String,
    kind: &'static str,
) -> impl IntoView + use<> {
    keyed_input(key, label, name, value, kind, true)
}

/// As `input_field`; `required: false` for a field that may stay empty.
pub fn keyed_input(
    key: &str,
    label: &'static str,
    name: &'static str,
    value: String,
    kind: &'static str,
    required: bool,
) -> impl IntoView + use<> {
    let id = format!("{}-{key}", name.replace(['[', ']'], "-"));
    let inputmode = (kind == "tel").then_some("numeric");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type=kind name=name value=value required=required inputmode=inputmode />
        </div>
    }
}

/// A labelled select of (id, name) options with `chosen` selected.
pub fn select_field(
    key: &str,
    label: &'static str,
    name: &'static str,
    options: &[(i64, String)],
    chosen: i64,
) -> impl IntoView {
    let id = format!("{}-{key}", name.replace(['[', ']'], "-"));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                {options.iter().map(|(value, text)| view! {
                    <option value=value.to_string() selected=*value == chosen>{text.clone()}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
