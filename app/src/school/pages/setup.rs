//! /school/manage/setup — 学校设置: the semester and its enrollment windows, teaching sites
//! with rooms and the travel time between them, teachers, courses, and classes.

use leptos::prelude::*;

use crate::i18n::{list_label, use_locale, use_texts};
use crate::school::api::setup::{
    load_school_setup, SaveClass, SaveCourse, SaveRoom, SaveSemester, SaveSite, SaveTeacher,
    SaveTravel,
};
use crate::school::model::setup::{SchoolSetup, SiteRow};
use crate::school::pages::setup_parts::{class_section, people_sections};
use crate::ui::form::{input_field, select_field, SaveNotices, Saves};
use crate::ui::layout::WithUser;
use crate::ui::loaded::loaded;
use crate::ui::page_head::PageHead;

fn semester_section(
    setup: &SchoolSetup,
    action: ServerAction<SaveSemester>,
) -> impl IntoView + use<> {
    let t = use_texts();
    let s = setup.semester.clone();
    let editing = setup.semester_id;
    let form = move |id: i64, key: &'static str, title: &'static str| {
        let s = if id == 0 {
            Default::default()
        } else {
            s.clone()
        };
        view! {
            <ActionForm action=action attr:class="picker">
                <h3>{title}</h3>
                <input type="hidden" name="semester_id" value=id.to_string() />
                {input_field(key, t.school.semester_name, "form[name]", s.name, "text")}
                {input_field(key, t.school.starts_on, "form[starts_on]", s.starts_on, "date")}
                {input_field(key, t.school.ends_on, "form[ends_on]", s.ends_on, "date")}
                {input_field(key, t.school.returning_opens, "form[returning_opens]", s.returning_opens, "date")}
                {input_field(key, t.school.enroll_opens, "form[enroll_opens]", s.enroll_opens, "date")}
                {input_field(key, t.school.enroll_closes, "form[enroll_closes]", s.enroll_closes, "date")}
                {input_field(key, t.school.max_classes, "form[max_classes_per_person]", s.max_classes_per_person, "number")}
                {input_field(key, t.school.offer_hours, "form[offer_hours]", s.offer_hours, "number")}
                {input_field(key, t.school.open_at_committed, "form[open_at_committed]", s.open_at_committed, "number")}
                <button type="submit" class="button primary">{t.save}</button>
            </ActionForm>
        }
    };
    let summary = format!(
        "{} · {} – {} · {} {} – {}",
        setup.semester.name,
        setup.semester.starts_on,
        setup.semester.ends_on,
        t.school.enroll_window,
        setup.semester.enroll_opens,
        setup.semester.enroll_closes
    );
    view! {
        <section class="card">
            <h2>{t.school.semester}</h2>
            <p>{summary}</p>
            {setup.may_edit_semester.then(|| view! {
                {(editing != 0).then(|| form(editing, "current", t.school.semester))}
                <details>
                    <summary class="button">"＋ " {t.school.new_semester}</summary>
                    {form(0, "next", t.school.new_semester)}
                </details>
            })}
        </section>
    }
}

fn site_item(
    site: SiteRow,
    communities: &[(i64, String)],
    save_site: ServerAction<SaveSite>,
    save_room: ServerAction<SaveRoom>,
) -> impl IntoView + use<> {
    let t = use_texts();
    let key = format!("site{}", site.id);
    let site_id = site.id.to_string();
    let rooms = list_label(site.rooms.iter().map(|(_, name)| name), use_locale());
    let community = communities
        .iter()
        .find(|(_, name)| *name == site.community)
        .map_or(0, |(id, _)| *id);
    let heading = format!("{} · {} · {}", site.name, site.community, site.address);
    let edit = site.editable.then(|| {
        let community = select_field(
            &key,
            t.school.community,
            "community_id",
            communities,
            community,
        );
        let name = input_field(&key, t.school.site_name, "name", site.name, "text");
        let address = input_field(&key, t.school.address, "address", site.address, "text");
        let room = input_field(&key, t.school.room_name, "name", String::new(), "text");
        let room_site = site_id.clone();
        view! {
            <details>
                <summary class="button">{t.school.edit}</summary>
                <ActionForm action=save_site attr:class="picker">
                    <input type="hidden" name="site_id" value=site_id.clone() />
                    {community}
                    {name}
                    {address}
                    <button type="submit" class="button primary">{t.save}</button>
                </ActionForm>
            </details>
            <ActionForm action=save_room attr:class="inline-form">
                <input type="hidden" name="site_id" value=room_site />
                <input type="hidden" name="room_id" value="0" />
                {room}
                <button type="submit" class="button">{t.school.new_room}</button>
            </ActionForm>
        }
    });
    view! {
        <li class="setup-item">
            <strong>{heading}</strong>
            <p>{t.school.room} "：" {rooms}</p>
            {edit}
        </li>
    }
}

fn sites_section(
    setup: &SchoolSetup,
    save_site: ServerAction<SaveSite>,
    save_room: ServerAction<SaveRoom>,
    save_travel: ServerAction<SaveTravel>,
) -> impl IntoView + use<> {
    let t = use_texts();
    let communities = setup.communities.clone();
    let all_sites: Vec<(i64, String)> =
        setup.sites.iter().map(|s| (s.id, s.name.clone())).collect();
    let first = communities.first().map_or(0, |(id, _)| *id);
    let second = all_sites.get(1).map_or(0, |s| s.0);
    let travel_fields = (
        select_field(
            "travel-from",
            t.school.travel_from,
            "from_site",
            &all_sites,
            0,
        ),
        select_field(
            "travel-to",
            t.school.travel_to,
            "to_site",
            &all_sites,
            second,
        ),
        input_field(
            "travel",
            t.school.minutes,
            "minutes",
            String::new(),
            "number",
        ),
    );
    view! {
        <section class="card">
            <h2>{t.school.sites_rooms}</h2>
            <ul class="setup-list">
                {setup.sites.iter().cloned().map(|s| site_item(s, &communities, save_site, save_room)).collect_view()}
            </ul>
            {(!communities.is_empty()).then(|| {
                let fields = (
                    select_field("new-site", t.school.community, "community_id", &communities, first),
                    input_field("new-site", t.school.site_name, "name", String::new(), "text"),
                    input_field("new-site", t.school.address, "address", String::new(), "text"),
                );
                view! {
                <details>
                    <summary class="button">"＋ " {t.school.new_site}</summary>
                    <ActionForm action=save_site attr:class="picker">
                        <input type="hidden" name="site_id" value="0" />
                        {fields}
                        <button type="submit" class="button primary">{t.save}</button>
                    </ActionForm>
                </details>
                }
            })}
            <h3>{t.school.travel}</h3>
            <ul>
                {setup.travel.iter().map(|(_, _, pair, minutes)| view! {
                    <li>{pair.clone()} " · " {*minutes} " " {t.school.minutes}</li>
                }).collect_view()}
            </ul>
            <ActionForm action=save_travel attr:class="picker">
                {travel_fields}
                <button type="submit" class="button primary">{t.save}</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn SchoolSetupPage() -> impl IntoView {
    let t = use_texts();
    let saves = Saves::new();
    let semester = saves.action::<SaveSemester>();
    let site = saves.action::<SaveSite>();
    let room = saves.action::<SaveRoom>();
    let travel = saves.action::<SaveTravel>();
    let teacher = saves.action::<SaveTeacher>();
    let course = saves.action::<SaveCourse>();
    let class = saves.action::<SaveClass>();
    let setup = Resource::new(move || saves.count(), |_| load_school_setup());
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.school.setup_title links=vec![("/school/manage", t.school.manage_title)] />
            <SaveNotices saves />
            {loaded(setup, move |setup| view! {
                {semester_section(&setup, semester)}
                {sites_section(&setup, site, room, travel)}
                {people_sections(&setup, teacher, course)}
                {class_section(&setup, class)}
            }.into_any())}
        } />
    }
}
