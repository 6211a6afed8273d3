//! /school — 老年学校 课程: this semester's classes with their weekly times and sites, seats
//! left and the waitlist, and an enroll form for oneself or a household elder.

use leptos::prelude::*;
use leptos_router::components::Form;

use crate::canteen::rules::pricing::yuan;
use crate::i18n::dates::weekday_names;
use crate::i18n::use_locale;
use crate::i18n::use_texts;
use crate::school::api::enrollment::{load_catalog, EnrollInClass};
use crate::school::model::enrollment::ClassView;
use crate::ui::address::query_number;
use crate::ui::form::{action_error, FormError};
use crate::ui::layout::WithUser;
use crate::ui::loaded::loaded;
use crate::ui::page_head::PageHead;

#[component]
pub fn CatalogPage() -> impl IntoView {
    let t = use_texts();
    let site = query_number("site");
    let weekday = query_number("weekday");
    let enroll = ServerAction::<EnrollInClass>::new();
    let catalog = Resource::new(
        move || (site(), weekday(), enroll.version().get()),
        |(site, weekday, _)| load_catalog(site, weekday),
    );
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.school.catalog_title links=vec![("/school/mine", t.school.my_timetable), ("/school/proposals", t.school.proposals_title), ("/school/manage", t.school.manage_title)] />
            <FormError error=action_error(enroll) />
            {loaded(catalog, move |c| {
                let elders = c.elders.clone();
                view! {
                    <p class="card">{c.semester} " · " {t.school.enroll_window} " " {c.enroll_window}</p>
                    <Form method="get" action="/school" attr:class="card picker">
                        <div class="field">
                            <label for="pick-site">{t.school.site}</label>
                            <select id="pick-site" name="site">
                                <option value="">{t.school.all_sites}</option>
                                {c.sites.iter().map(|(id, name)| view! {
                                    <option value=id.to_string() selected=site() == Some(*id)>{name.clone()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="pick-weekday">{t.school.weekday}</label>
                            <select id="pick-weekday" name="weekday">
                                <option value="">{t.school.any_day}</option>
                                {weekday_names(use_locale()).iter().enumerate().map(|(i, d)| {
                                    let day = i as i64 + 1;
                                    view! { <option value=day.to_string() selected=weekday() == Some(day)>{*d}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button">{t.canteen.show}</button>
                    </Form>
                    <ul class="orders">
                        {c.classes.into_iter().map(|class| class_card(class, elders.clone(), enroll)).collect_view()}
                    </ul>
                }.into_any()
            })}
        } />
    }
}

fn class_card(
    class: ClassView,
    elders: Vec<(i64, String)>,
    enroll: ServerAction<EnrollInClass>,
) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let full = class.seats_left == 0;
    let select_id = format!("enroll-elder-{}", class.id);
    view! {
        <li class="card class" data-class=class.id.to_string()>
            <h3>{class.name.clone()} <span class="muted">" · " {class.teacher.clone()}</span></h3>
            <ul>{class.slots.iter().map(|s| view! { <li>{s.label_in(locale)}</li> }).collect_view()}</ul>
            <p>
                {t.school.fee} " " {yuan(class.fee_fen)} " · " {t.school.min_age} " " {class.min_age} " · "
                {t.school.seats_left} " " <strong>{class.seats_left}</strong> "/" {class.capacity}
                {(class.waiting > 0).then(|| view! { " · " {t.school.waiting} " " {class.waiting} })}
            </p>
            {(!elders.is_empty()).then(|| view! {
                <ActionForm action=enroll attr:class="inline-form">
                    <input type="hidden" name="class_id" value=class.id.to_string() />
                    <label for=select_id.clone()>{t.school.who}</label>
                    <select id=select_id name="elder_id">
                        {elders.iter().map(|(id, name)| view! { <option value=id.to_string()>{name.clone()}</option> }).collect_view()}
                    </select>
                    <button type="submit" class="button primary">
                        {if full { t.school.join_waitlist } else { t.school.enroll }}
                    </button>
                </ActionForm>
            })}
        </li>
    }
}
