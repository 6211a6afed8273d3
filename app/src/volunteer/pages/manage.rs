//! /volunteer/manage — 志愿管理: staff post class-assistant and event shifts for their
//! communities and see who signed up (delivery shifts come from the canteen's route sheet).

use leptos::prelude::*;

use crate::community::api::list_communities;
use crate::i18n::dates::day_label;
use crate::i18n::{use_locale, use_texts};
use crate::ui::form::{action_error, CodeSelect, FormError, SubmitButton};
use crate::ui::layout::WithUser;
use crate::ui::loaded::loaded_list;
use crate::ui::page_head::PageHead;
use crate::volunteer::api::points::{points_rules, CompleteShift, SavePointsRule};
use crate::volunteer::api::shifts::{managed_shifts, CreateShift};
use crate::volunteer::model::shifts::ShiftKind;
use crate::volunteer::pages::shift_card::shift_title;

#[component]
pub fn ManageShiftsPage() -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let create = ServerAction::<CreateShift>::new();
    let complete = ServerAction::<CompleteShift>::new();
    let save_rule = ServerAction::<SavePointsRule>::new();
    let communities = Resource::new(|| (), |_| list_communities());
    let shifts = Resource::new(
        move || (create.version().get(), complete.version().get()),
        |_| managed_shifts(),
    );
    let rules = Resource::new(move || save_rule.version().get(), |_| points_rules());
    view! {
        <WithUser view=move |user| view! {
            <PageHead title=t.volunteer.manage_title intro=t.volunteer.manage_intro links=vec![("/volunteer/requests", t.volunteer.requests_title)]>
                <a class="button" download="" href="/volunteer/manage/hours.csv">{t.volunteer.hours_csv}</a>
            </PageHead>
            <FormError error=action_error(complete) />
            <ActionForm action=create attr:class="card order-form">
                <h2>{t.volunteer.new_shift}</h2>
                <FormError error=action_error(create) />
                <Suspense fallback=|| ()>
                    {
                        let user = user.clone();
                        move || {
                            let user = user.clone();
                            Suspend::new(async move {
                                let list = communities.await.unwrap_or_default();
                                view! {
                                    <div class="field">
                                        <label for="shift-community">{t.community}</label>
                                        <select id="shift-community" name="form[community_id]" required=true>
                                            {list.into_iter().filter(|c| user.is_staff_of(c.id)).map(|c| view! {
                                                <option value=c.id.to_string()>{c.name}</option>
                                            }).collect_view()}
                                        </select>
                                    </div>
                                }
                            })
                        }
                    }
                </Suspense>
                <CodeSelect id="shift-kind" name="form[kind]" label=t.volunteer.kind
                    choices=[ShiftKind::ClassAssistant, ShiftKind::Event].map(|k| (k.code(), k.label_in(locale))).to_vec() />
                <div class="field">
                    <label for="shift-title">{t.volunteer.title}</label>
                    <input id="shift-title" name="form[title]" required=true maxlength="60" />
                </div>
                <div class="field">
                    <label for="shift-place">{t.volunteer.place}</label>
                    <input id="shift-place" name="form[place]" required=true maxlength="60" />
                </div>
                <div class="field">
                    <label for="shift-date">{t.canteen.date}</label>
                    <input id="shift-date" type="date" name="form[date]" required=true />
                </div>
                <div class="field">
                    <label for="shift-start">{t.volunteer.start}</label>
                    <input id="shift-start" type="time" name="form[start_time]" required=true />
                </div>
                <div class="field">
                    <label for="shift-end">{t.volunteer.end}</label>
                    <input id="shift-end" type="time" name="form[end_time]" required=true />
                </div>
                <div class="field">
                    <label for="shift-needed">{t.volunteer.needed}</label>
                    <input id="shift-needed" type="number" min="1" max="200" name="form[needed]" required=true inputmode="numeric" />
                </div>
                <SubmitButton label=t.volunteer.publish_shift pending=create.pending() />
            </ActionForm>
            {loaded_list(shifts, t.volunteer.no_shifts, move |list| view! {
                <ul class="orders">
                    {list.into_iter().map(|(shift, people)| view! {
                        <li class="card shift">
                            <h3><span class="badge">{shift.kind.label_in(use_locale())}</span> " " {shift_title(&shift, use_locale())}</h3>
                            <p>{day_label(shift.date, use_locale())} " " {shift.start_time.clone()} "–" {shift.end_time.clone()} " · " {shift.place.clone()} " · " {shift.community.clone()}</p>
                            <p>{t.volunteer.needed} " " {shift.needed} " · " {t.volunteer.confirmed} " " {shift.confirmed} " · " {t.volunteer.waitlisted} " " {shift.waitlisted}</p>
                            {shift.day_has_come.then(|| view! {
                                <ActionForm action=complete attr:class="inline-form">
                                    <input type="hidden" name="shift_id" value=shift.id.to_string() />
                                    <button type="submit" class="button primary">{t.volunteer.confirm_done}</button>
                                </ActionForm>
                            })}
                            <ol>
                                {people.into_iter().map(|p| view! {
                                    <li>{p.name} " " {p.phone} " "
                                        {p.status.label_in(use_locale())}
                                    </li>
                                }).collect_view()}
                            </ol>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any())}
            <FormError error=action_error(save_rule) />
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let (rules, can_edit) = rules.await.unwrap_or_default();
                    view! {
                        <section class="card">
                            <h2>{t.volunteer.points_rules}</h2>
                            {rules.into_iter().map(|r| {
                                let label = crate::volunteer::model::shifts::ShiftKind::from_code(&r.kind)
                                    .map_or(t.volunteer.requests_title, |k| k.label_in(locale));
                                view! {
                                    <ActionForm action=save_rule attr:class="inline-form service-form">
                                        <input type="hidden" name="kind" value=r.kind.clone() />
                                        <strong>{label}</strong>
                                        <label>{t.volunteer.minutes} " " <input type="number" name="minutes" min="0" max="1440" value=r.minutes.to_string() disabled=!can_edit /></label>
                                        <label>{t.volunteer.points_per_hour} " " <input type="number" name="points_per_hour" min="0" max="1000" value=r.points_per_hour.to_string() disabled=!can_edit /></label>
                                        <label>{t.volunteer.bonus} " " <input type="number" name="bonus" min="0" max="1000" value=r.bonus.to_string() disabled=!can_edit /></label>
                                        {can_edit.then(|| view! { <button type="submit" class="button">{t.save}</button> })}
                                    </ActionForm>
                                }
                            }).collect_view()}
                        </section>
                    }
                })}
            </Suspense>
        } />
    }
}
