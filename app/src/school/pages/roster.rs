//! /school/manage/roster?class=… — 报名名单: the class's students with age, phone, fee paid or
//! not (staff switch it), meetings attended, attendance for one meeting, the waitlist, a
//! printable list and a CSV.

use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use crate::canteen::rules::pricing::yuan;
use crate::i18n::dates::day_label;
use crate::i18n::{use_locale, use_texts};
use crate::school::api::roster::{load_roster, SaveAttendance, SetFeePaid};
use crate::school::model::roster::{Roster, RosterStudent};
use crate::ui::form::{SaveNotices, Saves};
use crate::ui::layout::WithUser;
use crate::ui::loaded::loaded;
use crate::ui::page_head::PageHead;
use crate::ui::print::PrintButton;
use crate::ui::table::DataTable;

fn student_row(s: RosterStudent, taken: i64, fee: ServerAction<SetFeePaid>) -> impl IntoView {
    let t = use_texts();
    let (status, button) = if s.paid {
        (t.school.paid, t.school.mark_unpaid)
    } else {
        (t.school.unpaid, t.school.mark_paid)
    };
    let next = (!s.paid).to_string();
    view! {
        <tr class="student">
            <td>{s.name}</td>
            <td>{s.age}</td>
            <td>{s.phone}</td>
            <td>
                <span class:paid=s.paid>{status}</span>
                <ActionForm action=fee attr:class="inline-form no-print">
                    <input type="hidden" name="enrollment_id" value=s.enrollment_id.to_string() />
                    <input type="hidden" name="paid" value=next />
                    <button type="submit" class="button">{button}</button>
                </ActionForm>
            </td>
            <td>{s.attended} " / " {taken}</td>
        </tr>
    }
}

fn attendance_form(roster: &Roster, action: ServerAction<SaveAttendance>) -> impl IntoView + use<> {
    let t = use_texts();
    let locale = use_locale();
    let class_id = roster.class_id.to_string();
    let class_param = class_id.clone();
    let session = roster.session.map(|d| d.to_string()).unwrap_or_default();
    let options = roster
        .sessions
        .iter()
        .map(|&d| view! { <option value=d.to_string() selected=Some(d) == roster.session>{day_label(d, locale)}</option> })
        .collect_view();
    let boxes = roster
        .students
        .iter()
        .map(|s| {
            view! {
                <label class="choice">
                    <input type="checkbox" name="form[present][]" value=s.elder_id.to_string() checked=s.present == Some(true) />
                    {s.name.clone()}
                </label>
            }
        })
        .collect_view();
    view! {
        <section class="card no-print">
            <h2>{t.school.attendance}</h2>
            <Form method="get" action="/school/manage/roster" attr:class="picker">
                <input type="hidden" name="class" value=class_param />
                <div class="field">
                    <label for="roster-session">{t.school.session}</label>
                    <select id="roster-session" name="session">{options}</select>
                </div>
                <button type="submit" class="button">{t.school.show}</button>
            </Form>
            <ActionForm action=action>
                <input type="hidden" name="form[class_id]" value=class_id />
                <input type="hidden" name="form[session_date]" value=session />
                <fieldset class="field choices">
                    <legend>{t.school.present}</legend>
                    {boxes}
                </fieldset>
                <button type="submit" class="button primary">{t.school.save_attendance}</button>
            </ActionForm>
        </section>
    }
}

fn roster_view(
    roster: Roster,
    fee: ServerAction<SetFeePaid>,
    attendance: ServerAction<SaveAttendance>,
) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let csv = format!("/school/manage/roster.csv?class={}", roster.class_id);
    let heading = format!(
        "{} · {} · {} {}",
        roster.class_name,
        roster.teacher,
        t.school.fee,
        yuan(roster.fee_fen)
    );
    let empty = roster.students.is_empty();
    let has_sessions = !roster.sessions.is_empty() && !empty;
    let form = has_sessions.then(|| attendance_form(&roster, attendance));
    let taken = roster.taken;
    let waiting = (!roster.waiting.is_empty()).then_some(roster.waiting);
    let rows = roster
        .students
        .into_iter()
        .map(|s| student_row(s, taken, fee))
        .collect_view();
    let table = (!empty).then(|| {
        view! {
            <DataTable class="card" headings=vec![
                t.school.teacher_name, t.school.age, t.school.phone, t.school.fee_status, t.school.attended,
            ]>{rows}</DataTable>
        }
    });
    view! {
        <h2>{heading}</h2>
        <p class="no-print"><a class="button" href=csv download="">{t.school.export_csv}</a></p>
        {empty.then(|| view! { <p class="muted">{t.school.no_students}</p> })}
        {table}
        {form}
        {waiting.map(|waiting| view! {
            <section class="card">
                <h2>{t.school.waitlist}</h2>
                <ol>{waiting.into_iter().map(|w| {
                    let label = w.label_in(locale);
                    view! { <li>{w.name} " · " {label}</li> }
                }).collect_view()}</ol>
            </section>
        })}
    }
}

#[component]
pub fn RosterPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let saves = Saves::new();
    let fee = saves.action::<SetFeePaid>();
    let attendance = saves.action::<SaveAttendance>();
    let roster = Resource::new(
        move || {
            let (class, session) = query.with(|q| {
                (
                    q.get("class")
                        .and_then(|v| v.parse::<i64>().ok())
                        .unwrap_or(0),
                    q.get("session"),
                )
            });
            (class, session, saves.count())
        },
        |(class, session, _)| load_roster(class, session),
    );
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.school.roster links=vec![("/school/manage", t.school.manage_title)]>
                <PrintButton label=t.canteen.print/>
            </PageHead>
            <SaveNotices saves />
            {loaded(roster, move |roster| roster_view(roster, fee, attendance).into_any())}
        } />
    }
}
