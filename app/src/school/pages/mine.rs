//! /school/mine — 我的课表: the household's classes this semester with status, waitlist place,
//! and seat offers to accept or decline before they lapse; drop a class.

use leptos::prelude::*;

use crate::i18n::dates::time_label;
use crate::i18n::{use_locale, use_texts};
use crate::school::api::enrollment::{my_enrollments, ChangeEnrollment};
use crate::school::model::enrollment::{EnrollmentAction, EnrollmentStatus, EnrollmentView};
use crate::ui::form::{action_error, FormError};
use crate::ui::layout::WithUser;
use crate::ui::loaded::loaded;
use crate::ui::page_head::PageHead;
use crate::ui::print::PrintButton;

#[component]
pub fn MyTimetablePage() -> impl IntoView {
    let t = use_texts();
    let change = ServerAction::<ChangeEnrollment>::new();
    let mine = Resource::new(move || change.version().get(), |_| my_enrollments());
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.school.my_timetable links=vec![("/school", t.school.catalog_title)]>
                <PrintButton label=t.canteen.print/>
            </PageHead>
            <FormError error=action_error(change) />
            {loaded(mine, move |(list, calendars)| view! {
                {if list.is_empty() {
                    view! { <p class="card">{t.school.no_enrollments}</p> }.into_any()
                } else {
                    view! { <ul class="orders">{list.into_iter().map(|e| enrollment_card(e, change)).collect_view()}</ul> }.into_any()
                }}
                <section class="card no-print">
                    <h2>{t.school.calendar}</h2>
                    <p class="hint">{t.school.calendar_hint}</p>
                    <ul>{calendars.into_iter().map(|(name, href)| view! {
                        <li><a href=href>{name} " · " {t.school.calendar_link}</a></li>
                    }).collect_view()}</ul>
                </section>
            }.into_any())}
        } />
    }
}

fn action_button(
    id: i64,
    action: EnrollmentAction,
    label: &'static str,
    class: &'static str,
    change: ServerAction<ChangeEnrollment>,
) -> impl IntoView {
    view! {
        <ActionForm action=change attr:class="inline-form">
            <input type="hidden" name="enrollment_id" value=id.to_string() />
            <input type="hidden" name="action" value=action.code() />
            <button type="submit" class=class>{label}</button>
        </ActionForm>
    }
}

fn enrollment_card(e: EnrollmentView, change: ServerAction<ChangeEnrollment>) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let offered = e.status == EnrollmentStatus::Offered;
    let live = matches!(
        e.status,
        EnrollmentStatus::Enrolled | EnrollmentStatus::Waitlisted
    );
    view! {
        <li class="card enrollment" data-status=e.status.code()>
            <h3>{e.class_name.clone()} <span class="muted">" · " {e.elder_name.clone()}</span></h3>
            <ul>{e.slots.iter().map(|s| view! { <li>{s.label_in(locale)}</li> }).collect_view()}</ul>
            <p>
                <span class=format!("badge status-{}", e.status.code())>{e.status.label_in(locale)}</span>
                {(e.position > 0).then(|| view! { " " {t.school.waitlist_place} " " {e.position} })}
                {offered.then(|| view! { " " {t.school.offer_until} " " {e.offer_expires.map(|at| time_label(at, locale)).unwrap_or_default()} })}
            </p>
            <div class="actions no-print">
                {offered.then(|| view! {
                    {action_button(e.id, EnrollmentAction::Accept, t.school.accept, "button primary", change)}
                    {action_button(e.id, EnrollmentAction::Decline, t.school.decline, "button", change)}
                })}
                {live.then(|| action_button(e.id, EnrollmentAction::Drop, t.school.drop_class, "button danger", change))}
            </div>
        </li>
    }
}
