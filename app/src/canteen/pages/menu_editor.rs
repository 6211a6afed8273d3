//! /canteen/manage/menu — 菜单管理: a week of menus, day by day and meal by meal; save as a
//! draft or publish, and copy last week's menu forward.

use leptos::prelude::*;

use crate::canteen::api::setup::{load_menu_week, CopyLastWeek, SaveMenuWeek};
use crate::canteen::model::menu::Meal;
use crate::canteen::model::setup::MenuWeek;
use crate::i18n::dates::day_label;
use crate::i18n::{use_locale, use_texts};
use crate::ui::address::query_text;
use crate::ui::form::{SaveNotices, Saves};
use crate::ui::layout::WithUser;
use crate::ui::loaded::loaded;
use crate::ui::page_head::PageHead;

#[component]
pub fn MenuEditorPage() -> impl IntoView {
    let t = use_texts();
    let week = query_text("week");
    let saves = Saves::new();
    let save = saves.action::<SaveMenuWeek>();
    let copy = saves.action::<CopyLastWeek>();
    let menu = Resource::new(
        move || (week(), saves.count()),
        |(week, _)| load_menu_week(None, week),
    );
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.canteen.menu_editor links=vec![("/canteen/manage", t.canteen.kitchen_title)] />
            <SaveNotices saves />
            {loaded(menu, move |menu| week_view(menu, save, copy).into_any())}
        } />
    }
}

fn week_view(
    menu: MenuWeek,
    save: ServerAction<SaveMenuWeek>,
    copy: ServerAction<CopyLastWeek>,
) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let MenuWeek {
        canteen_id,
        canteen,
        monday,
        previous,
        next,
        days,
        services,
        dishes,
        items,
        published,
    } = menu;
    let copy_monday = monday.clone();
    view! {
        <nav class="actions">
            <a class="button" href=format!("/canteen/manage/menu?week={previous}")>"← " {t.canteen.previous_week}</a>
            <strong>{canteen} " · " {days.first().map(|&d| day_label(d, locale))} " – " {days.last().map(|&d| day_label(d, locale))}</strong>
            <a class="button" href=format!("/canteen/manage/menu?week={next}")>{t.canteen.next_week} " →"</a>
            <ActionForm action=copy attr:class="inline-form">
                <input type="hidden" name="canteen_id" value=canteen_id.to_string() />
                <input type="hidden" name="monday" value=copy_monday />
                <button type="submit" class="button">{t.canteen.copy_last_week}</button>
            </ActionForm>
        </nav>
        <ActionForm action=save attr:class="menu-week">
            <input type="hidden" name="form[canteen_id]" value=canteen_id.to_string() />
            <input type="hidden" name="form[monday]" value=monday />
            {days.into_iter().map(|date| view! {
                <section class="card menu-day">
                    <h2>{day_label(date, locale)}</h2>
                    {services.iter().map(|s| {
                        let key = format!("{}:{}", s.id, date);
                        let is_published = published.contains(&key);
                        view! {
                            <fieldset class="field choices">
                                <legend>{Meal::from_code(&s.meal).map_or("", |m| m.label_in(locale))} " "
                                    {if is_published {
                                        view! { <span class="badge status-delivered">{t.canteen.published}</span> }.into_any()
                                    } else {
                                        view! { <span class="badge">{t.canteen.draft}</span> }.into_any()
                                    }}
                                </legend>
                                {dishes.iter().map(|d| {
                                    let value = format!("{key}:{}", d.id);
                                    let checked = items.contains(&value);
                                    view! {
                                        <label class="choice">
                                            <input type="checkbox" name="form[items][]" value=value checked=checked />
                                            {d.name.clone()}
                                        </label>
                                    }
                                }).collect_view()}
                            </fieldset>
                        }
                    }).collect_view()}
                </section>
            }).collect_view()}
            <div class="actions">
                <button type="submit" name="form[publish]" value="1" class="button primary">{t.canteen.save_and_publish}</button>
                <button type="submit" name="form[publish]" value="0" class="button">{t.canteen.save_as_draft}</button>
            </div>
        </ActionForm>
    }
}
