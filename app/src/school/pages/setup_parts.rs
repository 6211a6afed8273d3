//! The people and classes parts of /school/manage/setup: teachers, courses, and classes with
//! their course, teacher, community, places, fee and minimum age.

use leptos::prelude::*;

use crate::canteen::rules::pricing::yuan;
use crate::i18n::use_texts;
use crate::school::api::setup::{SaveClass, SaveCourse, SaveTeacher};
use crate::school::model::setup::{SchoolSetup, SetupClassRow};
use crate::ui::form::{input_field, keyed_input, select_field};

fn teacher_form(
    key: String,
    id: i64,
    (name, phone, subjects): (String, String, String),
    action: ServerAction<SaveTeacher>,
) -> impl IntoView {
    let t = use_texts();
    let name = input_field(&key, t.school.teacher_name, "name", name, "text");
    let phone = keyed_input(&key, t.school.phone, "phone", phone, "tel", false);
    let subjects = keyed_input(&key, t.school.subjects, "subjects", subjects, "text", false);
    view! {
        <ActionForm action=action attr:class="picker">
            <input type="hidden" name="teacher_id" value=id.to_string() />
            {name}
            {phone}
            {subjects}
            <button type="submit" class="button primary">{t.save}</button>
        </ActionForm>
    }
}

fn course_form(
    key: String,
    id: i64,
    (name, description): (String, String),
    action: ServerAction<SaveCourse>,
) -> impl IntoView {
    let t = use_texts();
    let name = input_field(&key, t.school.course_name, "name", name, "text");
    let description = keyed_input(
        &key,
        t.school.description,
        "description",
        description,
        "text",
        false,
    );
    view! {
        <ActionForm action=action attr:class="picker">
            <input type="hidden" name="course_id" value=id.to_string() />
            {name}
            {description}
            <button type="submit" class="button primary">{t.save}</button>
        </ActionForm>
    }
}

/// Teachers and courses, each listed with an edit form, and a form for a new one.
pub fn people_sections(
    setup: &SchoolSetup,
    teacher: ServerAction<SaveTeacher>,
    course: ServerAction<SaveCourse>,
) -> impl IntoView + use<> {
    let t = use_texts();
    let blank = || (String::new(), String::new(), String::new());
    view! {
        <section class="card">
            <h2>{t.school.teachers}</h2>
            <ul class="setup-list">
                {setup.teachers.iter().cloned().map(|r| view! {
                    <li class="setup-item">
                        <strong>{r.name.clone()}</strong>
                        {(!r.subjects.is_empty()).then(|| format!(" · {}", r.subjects))}
                        <details>
                            <summary class="button">{t.school.edit}</summary>
                            {teacher_form(format!("teacher{}", r.id), r.id, (r.name, r.phone, r.subjects), teacher)}
                        </details>
                    </li>
                }).collect_view()}
            </ul>
            <details>
                <summary class="button">"＋ " {t.school.new_teacher}</summary>
                {teacher_form("new-teacher".into(), 0, blank(), teacher)}
            </details>
        </section>
        <section class="card">
            <h2>{t.school.courses}</h2>
            <ul class="setup-list">
                {setup.courses.iter().cloned().map(|r| view! {
                    <li class="setup-item">
                        <strong>{r.name.clone()}</strong> " " {r.description.clone()}
                        <details>
                            <summary class="button">{t.school.edit}</summary>
                            {course_form(format!("course{}", r.id), r.id, (r.name, r.description), course)}
                        </details>
                    </li>
                }).collect_view()}
            </ul>
            <details>
                <summary class="button">"＋ " {t.school.new_course}</summary>
                {course_form("new-course".into(), 0, (String::new(), String::new()), course)}
            </details>
        </section>
    }
}

fn class_form(
    setup: &SchoolSetup,
    key: String,
    class: SetupClassRow,
    action: ServerAction<SaveClass>,
) -> impl IntoView + use<> {
    let t = use_texts();
    let courses: Vec<(i64, String)> = setup
        .courses
        .iter()
        .map(|c| (c.id, c.name.clone()))
        .collect();
    let teachers: Vec<(i64, String)> = setup
        .teachers
        .iter()
        .map(|c| (c.id, c.name.clone()))
        .collect();
    let fee = if class.id == 0 {
        String::new()
    } else {
        fee_text(class.fee_fen)
    };
    let is_new = class.id == 0;
    let number = move |n: i64| if is_new { String::new() } else { n.to_string() };
    let fields = (
        input_field(
            &key,
            t.school.class_name,
            "form[name]",
            class.name.clone(),
            "text",
        ),
        select_field(
            &key,
            t.school.course,
            "form[course_id]",
            &courses,
            class.course_id,
        ),
        select_field(
            &key,
            t.school.teacher,
            "form[teacher_id]",
            &teachers,
            class.teacher_id,
        ),
        select_field(
            &key,
            t.school.community,
            "form[community_id]",
            &setup.communities,
            class.community_id,
        ),
        input_field(
            &key,
            t.school.capacity,
            "form[capacity]",
            number(class.capacity),
            "number",
        ),
        input_field(&key, t.school.fee_yuan, "form[fee_yuan]", fee, "text"),
        input_field(
            &key,
            t.school.min_age,
            "form[min_age]",
            class.min_age.to_string(),
            "number",
        ),
    );
    view! {
        <ActionForm action=action attr:class="picker">
            <input type="hidden" name="form[class_id]" value=class.id.to_string() />
            {fields}
            <button type="submit" class="button primary">{t.save}</button>
        </ActionForm>
    }
}

/// This semester's classes with an edit form for those the caller runs, and a new-class form.
pub fn class_section(
    setup: &SchoolSetup,
    action: ServerAction<SaveClass>,
) -> impl IntoView + use<> {
    let t = use_texts();
    let blank = SetupClassRow {
        id: 0,
        name: String::new(),
        course_id: 0,
        teacher_id: 0,
        community_id: 0,
        capacity: 0,
        fee_fen: 0,
        min_age: 60,
        editable: true,
    };
    let may_open = !setup.communities.is_empty() && setup.semester_id != 0;
    view! {
        <section class="card">
            <h2>{t.school.classes}</h2>
            <ul class="setup-list">
                {setup.classes.iter().map(|c| {
                    let summary = format!(
                        "{} · {} {} · {} {}",
                        c.name,
                        t.school.capacity,
                        c.capacity,
                        t.school.fee,
                        crate::canteen::rules::pricing::yuan(c.fee_fen)
                    );
                    let form = c.editable.then(|| class_form(setup, format!("class{}", c.id), c.clone(), action));
                    view! {
                        <li class="setup-item">
                            <strong>{summary}</strong>
                            {form.map(|form| view! {
                                <details>
                                    <summary class="button">{t.school.edit}</summary>
                                    {form}
                                </details>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {may_open.then(|| view! {
                <details>
                    <summary class="button primary">"＋ " {t.school.new_class}</summary>
                    {class_form(setup, "new-class".into(), blank, action)}
                </details>
            })}
        </section>
    }
}

/// "¥140.00" as the form's "140.00".
pub fn fee_text(fee_fen: i64) -> String {
    yuan(fee_fen).trim_start_matches('¥').to_string()
}
