//! /school/manage/week — 一周课表: the semester's week at one teaching site, for one teacher
//! or in one room, as seven day columns that print on one landscape A4 page. For a teacher
//! it also gives the calendar link to send them.

use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use crate::i18n::dates::weekday_names;
use crate::i18n::use_locale;
use crate::i18n::use_texts;
use crate::school::api::timetable::load_week_grid;
use crate::school::model::timetable::{GridEntry, WeekGrid};
use crate::ui::layout::WithUser;
use crate::ui::loaded::loaded;
use crate::ui::page_head::PageHead;
use crate::ui::print::PrintButton;

fn day_column(day: usize, entries: &[GridEntry], by: &str) -> impl IntoView + use<> {
    let mine: Vec<GridEntry> = entries
        .iter()
        .filter(|e| e.weekday == day as i64 + 1)
        .cloned()
        .collect();
    let show_teacher = by != "teacher";
    view! {
        <div class="week-day">
            <h3>{weekday_names(use_locale())[day]}</h3>
            {mine.into_iter().map(|e| view! {
                <div class="week-entry">
                    <strong>{e.start} "–" {e.end}</strong>
                    <span>{e.class}</span>
                    {show_teacher.then(|| view! { <span>{e.teacher.clone()}</span> })}
                    <span class="muted">{e.place}</span>
                </div>
            }).collect_view()}
        </div>
    }
}

fn grid_view(grid: WeekGrid) -> impl IntoView {
    let t = use_texts();
    let kinds = [
        ("site", t.school.by_site),
        ("teacher", t.school.by_teacher),
        ("room", t.school.by_room),
    ];
    let by_label = kinds.iter().find(|(k, _)| *k == grid.by).map(|(_, l)| *l);
    let by_value = grid.by.clone();
    let options = grid
        .options
        .iter()
        .map(|(id, name)| view! { <option value=id.to_string() selected=*id == grid.chosen>{name.clone()}</option> })
        .collect_view();
    let calendar = (!grid.calendar.is_empty()).then(|| grid.calendar.clone());
    view! {
        <nav class="actions no-print">
            {kinds.into_iter().map(|(kind, label)| {
                let current = kind == grid.by;
                view! { <a class="button" class:primary=current href=format!("/school/manage/week?by={kind}")>{label}</a> }
            }).collect_view()}
        </nav>
        <Form method="get" action="/school/manage/week" attr:class="card picker no-print">
            <input type="hidden" name="by" value=by_value />
            <div class="field">
                <label for="week-pick">{by_label}</label>
                <select id="week-pick" name="id">
                    {options}
                </select>
            </div>
            <button type="submit" class="button primary">{t.school.show}</button>
        </Form>
        <h2>{grid.semester.clone()} " · " {grid.title.clone()}</h2>
        {calendar.map(|href| view! {
            <p class="no-print"><a href=href>{t.school.teacher_calendar}</a></p>
        })}
        <div class="week-grid">
            {(0..7).map(|day| day_column(day, &grid.entries, &grid.by)).collect_view()}
        </div>
    }
}

#[component]
pub fn WeekGridPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let grid = Resource::new(
        move || {
            query.with(|q| {
                (
                    q.get("by").unwrap_or_default(),
                    q.get("id").and_then(|v| v.parse::<i64>().ok()),
                )
            })
        },
        |(by, id)| load_week_grid(by, id),
    );
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.school.week_title links=vec![("/school/manage", t.school.manage_title)]>
                <PrintButton label=t.canteen.print/>
            </PageHead>
            {loaded(grid, move |grid| grid_view(grid).into_any())}
        } />
    }
}
