//! /notifications — 消息中心.

use leptos::prelude::*;

use crate::i18n::dates::time_label;
use crate::i18n::{use_locale, use_texts};
use crate::notify::api::{my_notifications, MarkNotificationsRead};
use crate::ui::form::{action_error, FormError};
use crate::ui::layout::WithUser;
use crate::ui::loaded::loaded_list;
use crate::ui::page_head::PageHead;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let mark_read = ServerAction::<MarkNotificationsRead>::new();
    let notes = Resource::new(move || mark_read.version().get(), |_| my_notifications());
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.notifications_title>
                <ActionForm action=mark_read>
                    <FormError error=action_error(mark_read) />
                    <button type="submit" class="button">{t.mark_all_read}</button>
                </ActionForm>
            </PageHead>
            {loaded_list(notes, t.no_notifications, move |list| view! {
                <ul class="notifications">
                    {list.into_iter().map(|n| view! {
                        <li class="card" class:unread=!n.read>
                            <p class="muted">{time_label(n.created_at, locale)}
                                {(!n.read).then(|| view! { " " <span class="badge badge-warn">{t.unread}</span> })}
                            </p>
                            <p>{n.message}</p>
                            {(!n.link.is_empty()).then(|| view! { <a class="button" href=n.link>{t.go_handle}</a> })}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any())}
        } />
    }
}
