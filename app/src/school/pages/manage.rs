//! /school/manage — 排课: add a weekly slot to a class in a room; a slot that double-books a
//! room or a teacher, or leaves a rotating teacher too little travel time, is refused with
//! the reason.

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::school::api::{load_catalog, timetable_options, AddClassSlot};
use crate::school::timetable::WEEKDAYS;
use crate::ui::form::{action_error, FormError, Notice};
use crate::ui::layout::WithUser;

#[component]
pub fn TimetablePage() -> impl IntoView {
    let t = use_texts();
    let add = ServerAction::<AddClassSlot>::new();
    let options = Resource::new(|| (), |_| timetable_options());
    let catalog = Resource::new(move || add.version().get(), |_| load_catalog(None, None));
    view! {
        <WithUser view=move |_user| view! {
            <section class="page-head">
                <h1>{t.school.manage_title}</h1>
                <p>{t.school.manage_intro}</p>
            </section>
            <FormError error=action_error(add) />
            {move || matches!(add.value().get(), Some(Ok(()))).then(|| view! { <Notice>{t.saved}</Notice> })}
            <Suspense fallback=move || view! { <p class="muted">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match options.await {
                        Ok((rooms, classes)) => view! {
                            <ActionForm action=add attr:class="card picker">
                                <div class="field">
                                    <label for="slot-class">{t.school.class}</label>
                                    <select id="slot-class" name="class_id">
                                        {classes.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="slot-room">{t.school.room}</label>
                                    <select id="slot-room" name="room_id">
                                        {rooms.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="slot-weekday">{t.school.weekday}</label>
                                    <select id="slot-weekday" name="weekday">
                                        {WEEKDAYS.iter().enumerate().map(|(i, d)| view! { <option value=(i + 1).to_string()>{*d}</option> }).collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="slot-start">{t.volunteer.start}</label>
                                    <input id="slot-start" type="time" name="start_time" required=true />
                                </div>
                                <div class="field">
                                    <label for="slot-end">{t.volunteer.end}</label>
                                    <input id="slot-end" type="time" name="end_time" required=true />
                                </div>
                                <button type="submit" class="button primary">{t.school.add_slot}</button>
                            </ActionForm>
                        }.into_any(),
                        Err(error) => view! { <FormError error=Signal::stored(Some(error)) /> }.into_any(),
                    }
                })}
            </Suspense>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let classes = catalog.await.map(|c| c.classes).unwrap_or_default();
                    view! {
                        <table class="data card">
                            <thead><tr><th>{t.school.class}</th><th>{t.school.teacher}</th><th>{t.school.times}</th></tr></thead>
                            <tbody>{classes.into_iter().map(|c| view! {
                                <tr><td>{c.name}</td><td>{c.teacher}</td><td>{c.slots.join("；")}</td></tr>
                            }).collect_view()}</tbody>
                        </table>
                    }
                })}
            </Suspense>
        } />
    }
}
