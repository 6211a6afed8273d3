//! One shift at a glance: what, when, where, places left, the viewer's own place, and the
//! sign-up or cancel button while sign-ups are open.

use leptos::prelude::*;

use crate::i18n::dates::day_label;
use crate::i18n::{texts, use_locale, use_texts};
use crate::ui::prefs::Locale;
use crate::volunteer::api::shifts::{CancelShift, SignUpShift};
use crate::volunteer::model::shifts::{ShiftKind, ShiftView, SignupStatus};

#[derive(Clone, Copy)]
pub struct ShiftActions {
    pub sign_up: ServerAction<SignUpShift>,
    pub cancel: ServerAction<CancelShift>,
}

pub fn shift_card(shift: ShiftView, actions: ShiftActions) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let left = (shift.needed - shift.confirmed).max(0);
    let mine = match (shift.my_status, shift.my_position) {
        (Some(SignupStatus::Confirmed), _) => Some(t.volunteer.signed_up.to_string()),
        (Some(SignupStatus::Waitlisted), n) => Some(format!(
            "{} {n} {}",
            t.volunteer.waitlist_position, t.volunteer.position_unit
        )),
        _ => None,
    };
    let button = match (shift.open, shift.my_status.is_some()) {
        (false, _) => view! { <p class="muted">{t.volunteer.closed}</p> }.into_any(),
        (true, true) => view! {
            <ActionForm action=actions.cancel attr:class="inline-form">
                <input type="hidden" name="shift_id" value=shift.id.to_string() />
                <button type="submit" class="button danger">{t.volunteer.cancel_signup}</button>
            </ActionForm>
        }
        .into_any(),
        (true, false) => view! {
            <ActionForm action=actions.sign_up attr:class="inline-form">
                <input type="hidden" name="shift_id" value=shift.id.to_string() />
                <button type="submit" class="button primary">
                    {if left > 0 { t.volunteer.sign_up } else { t.volunteer.join_waitlist }}
                </button>
            </ActionForm>
        }
        .into_any(),
    };
    let is_delivery =
        shift.kind == ShiftKind::Delivery && shift.my_status == Some(SignupStatus::Confirmed);
    view! {
        <li class="card shift" data-shift=shift.id.to_string()>
            <h3><span class="badge">{shift.kind.label_in(locale)}</span> " " {shift_title(&shift, locale)}</h3>
            <p>{day_label(shift.date, locale)} " " {shift.start_time.clone()} "–" {shift.end_time.clone()} " · " {shift.place.clone()} " · " {shift.community.clone()}</p>
            <p>
                {t.volunteer.needed} " " {shift.needed} " · " {t.volunteer.places_left} " " <strong>{left}</strong>
                {(shift.waitlisted > 0).then(|| view! { " · " {t.volunteer.waitlisted} " " {shift.waitlisted} })}
            </p>
            {mine.map(|m| view! { <p><span class="badge status-delivered">{m}</span></p> })}
            {is_delivery.then(|| view! { <a class="button" href="/canteen/deliver">{t.volunteer.see_route}</a> })}
            {button}
        </li>
    }
}

/// The shift's name: as staff typed it, or, for a delivery route, "午餐送餐 · 路线 1（3 户）" /
/// "Lunch delivery · route 1 (3 homes)".
pub fn shift_title(shift: &ShiftView, locale: Locale) -> String {
    match shift.route {
        Some(route) => texts(locale)
            .volunteer
            .delivery_route
            .replace("{meal}", route.meal.label_in(locale))
            .replace("{no}", &route.route_no.to_string())
            .replace("{stops}", &route.stops.to_string()),
        None => shift.title.clone(),
    }
}
