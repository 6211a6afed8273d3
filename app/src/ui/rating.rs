//! The inside of a rating form: five big star choices, an optional comment, and the button.
//! Callers wrap it in the `ActionForm` of their own rating server function.

use leptos::prelude::*;

use crate::i18n::use_texts;

/// `id_name`/`id` name the record being rated (a hidden field).
pub fn rating_fields(legend: &'static str, id_name: &'static str, id: i64) -> impl IntoView {
    let t = use_texts();
    let comment_id = format!("{}-comment-{id}", id_name.replace('_', "-"));
    view! {
        <input type="hidden" name=id_name value=id.to_string() />
        <fieldset>
            <legend>{legend}</legend>
            <div class="stars">
                {(1..=5).rev().map(|n| view! {
                    <label class="choice">
                        <input type="radio" name="stars" value=n.to_string() required=true />
                        <span>{n} " " {"★".repeat(n)}</span>
                    </label>
                }).collect_view()}
            </div>
        </fieldset>
        <div class="field">
            <label for=comment_id.clone()>{t.canteen.comment}</label>
            <input id=comment_id type="text" name="comment" maxlength="200" />
        </div>
        <button type="submit" class="button primary">{t.canteen.submit_rating}</button>
    }
}
