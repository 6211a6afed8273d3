//! /school/manage — 排课: add a weekly slot to a class, move or remove one. A slot that
//! double-books a room or a teacher, or leaves a rotating teacher too little travel time, is
//! refused with the reason.

use leptos::prelude::*;

use crate::i18n::dates::weekday_names;
use crate::i18n::use_locale;
use crate::i18n::use_texts;
use crate::school::api::timetable::{load_timetable, AddClassSlot, MoveClassSlot, RemoveClassSlot};
use crate::school::model::timetable::{SlotRow, TimetableClass};
use crate::ui::form::{SaveNotices, Saves};
use crate::ui::layout::WithUser;
use crate::ui::loaded::loaded;
use crate::ui::page_head::PageHead;

/// Room, weekday and times of a slot; `key` keeps the field ids of each form apart.
fn slot_fields(key: String, rooms: &[(i64, String)], slot: Option<&SlotRow>) -> impl IntoView {
    let t = use_texts();
    let (room, weekday) = slot.map_or((0, 0), |s| (s.room_id, s.weekday));
    let (start, end) = slot.map_or((String::new(), String::new()), |s| {
        (s.start.clone(), s.end.clone())
    });
    let id = move |field: &str| format!("{field}-{key}");
    view! {
        <div class="field">
            <label for=id("room")>{t.school.room}</label>
            <select id=id("room") name="room_id">
                {rooms.iter().map(|(rid, name)| view! {
                    <option value=rid.to_string() selected=*rid == room>{name.clone()}</option>
                }).collect_view()}
            </select>
        </div>
        <div class="field">
            <label for=id("weekday")>{t.school.weekday}</label>
            <select id=id("weekday") name="weekday">
                {weekday_names(use_locale()).iter().enumerate().map(|(i, d)| {
                    let day = i as i64 + 1;
                    view! { <option value=day.to_string() selected=day == weekday>{*d}</option> }
                }).collect_view()}
            </select>
        </div>
        <div class="field">
            <label for=id("start")>{t.volunteer.start}</label>
            <input id=id("start") type="time" name="start_time" value=start required=true />
        </div>
        <div class="field">
            <label for=id("end")>{t.volunteer.end}</label>
            <input id=id("end") type="time" name="end_time" value=end required=true />
        </div>
    }
}

fn class_card(
    class: TimetableClass,
    rooms: &[(i64, String)],
    moving: ServerAction<MoveClassSlot>,
    removing: ServerAction<RemoveClassSlot>,
) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let roster = format!("/school/manage/roster?class={}", class.id);
    let empty = class.slots.is_empty();
    view! {
        <section class="card">
            <h2>{class.name.clone()} " · " {class.teacher.clone()}</h2>
            <p><a class="button" href=roster>{t.school.roster}</a></p>
            {empty.then(|| view! { <p class="muted">{t.school.no_slots}</p> })}
            <ul class="slots">
                {class.slots.into_iter().map(|slot| {
                    let slot_id = slot.id;
                    let fields = slot_fields(format!("slot{slot_id}"), rooms, Some(&slot));
                    view! {
                        <li>
                            <span>{slot.label_in(locale)}</span>
                            <details>
                                <summary class="button">{t.school.move_slot}</summary>
                                <ActionForm action=moving attr:class="picker">
                                    <input type="hidden" name="slot_id" value=slot_id.to_string() />
                                    {fields}
                                    <button type="submit" class="button primary">{t.save}</button>
                                </ActionForm>
                            </details>
                            <ActionForm action=removing attr:class="inline-form">
                                <input type="hidden" name="slot_id" value=slot_id.to_string() />
                                <button type="submit" class="button">{t.school.remove_slot}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
pub fn TimetablePage() -> impl IntoView {
    let t = use_texts();
    let saves = Saves::new();
    let add = saves.action::<AddClassSlot>();
    let moving = saves.action::<MoveClassSlot>();
    let removing = saves.action::<RemoveClassSlot>();
    let timetable = Resource::new(move || saves.count(), |_| load_timetable());
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.school.manage_title intro=t.school.manage_intro links=vec![("/school/manage/week", t.school.week_title), ("/school/manage/setup", t.school.setup_title), ("/school/proposals", t.school.proposals_title)] />
            <SaveNotices saves />
            {loaded(timetable, move |timetable| {
                let rooms = timetable.rooms;
                let rooms_for_cards = rooms.clone();
                let new_fields = slot_fields("new".to_string(), &rooms, None);
                let classes = timetable.classes.iter().map(|c| (c.id, c.name.clone())).collect::<Vec<_>>();
                view! {
                    <ActionForm action=add attr:class="card picker">
                        <h2>{t.school.add_slot}</h2>
                        <div class="field">
                            <label for="slot-class">{t.school.class}</label>
                            <select id="slot-class" name="class_id">
                                {classes.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                            </select>
                        </div>
                        {new_fields}
                        <button type="submit" class="button primary">{t.school.add_slot}</button>
                    </ActionForm>
                    {timetable.classes.into_iter().map(|c| class_card(c, &rooms_for_cards, moving, removing)).collect_view()}
                }.into_any()
            })}
        } />
    }
}
