//! /volunteer — 志愿班次: the coming two weeks' shifts, by community and date, to sign up for
//! (or join the waitlist); /volunteer/mine — 我的班次.

use leptos::prelude::*;
use leptos_router::components::Form;

use crate::community::api::list_communities;
use crate::i18n::use_texts;
use crate::ui::address::{query_number, query_text};
use crate::ui::form::{action_error, FormError};
use crate::ui::layout::WithUser;
use crate::ui::loaded::loaded;
use crate::ui::page_head::PageHead;
use crate::volunteer::api::shifts::{list_shifts, my_shifts};
use crate::volunteer::model::shifts::ShiftView;
use crate::volunteer::pages::shift_card::{shift_card, ShiftActions};

fn shift_list(shifts: Vec<ShiftView>, actions: ShiftActions, empty: &'static str) -> AnyView {
    if shifts.is_empty() {
        view! { <p class="card">{empty}</p> }.into_any()
    } else {
        view! { <ul class="orders">{shifts.into_iter().map(|s| shift_card(s, actions)).collect_view()}</ul> }.into_any()
    }
}

#[component]
pub fn ShiftsPage() -> impl IntoView {
    let t = use_texts();
    let community = query_number("community");
    let from = query_text("from");
    let actions = ShiftActions {
        sign_up: ServerAction::new(),
        cancel: ServerAction::new(),
    };
    let communities = Resource::new(|| (), |_| list_communities());
    let shifts = Resource::new(
        move || {
            (
                community(),
                from(),
                actions.sign_up.version().get(),
                actions.cancel.version().get(),
            )
        },
        |(community, from, ..)| list_shifts(community, from),
    );
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.volunteer.shifts_title intro=t.volunteer.shifts_intro links=vec![("/volunteer/mine", t.volunteer.my_shifts), ("/volunteer/requests", t.volunteer.requests_title), ("/volunteer/points", t.volunteer.points_title), ("/volunteer/manage", t.volunteer.manage_title)] />
            <Form method="get" action="/volunteer" attr:class="card picker">
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let chosen = community();
                        let list = communities.await.unwrap_or_default();
                        view! {
                            <div class="field">
                                <label for="pick-community">{t.community}</label>
                                <select id="pick-community" name="community">
                                    <option value="">{t.all_communities}</option>
                                    {list.into_iter().map(|c| view! {
                                        <option value=c.id.to_string() selected=chosen == Some(c.id)>{c.name}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                        }
                    })}
                </Suspense>
                <div class="field">
                    <label for="pick-from">{t.volunteer.from_date}</label>
                    <input id="pick-from" type="date" name="from" value=from().unwrap_or_default() />
                </div>
                <button type="submit" class="button">{t.canteen.show}</button>
            </Form>
            <FormError error=action_error(actions.sign_up) />
            <FormError error=action_error(actions.cancel) />
            {loaded(shifts, move |list| shift_list(list, actions, t.volunteer.no_shifts))}
        } />
    }
}

#[component]
pub fn MyShiftsPage() -> impl IntoView {
    let t = use_texts();
    let actions = ShiftActions {
        sign_up: ServerAction::new(),
        cancel: ServerAction::new(),
    };
    let shifts = Resource::new(
        move || {
            (
                actions.sign_up.version().get(),
                actions.cancel.version().get(),
            )
        },
        |_| my_shifts(),
    );
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.volunteer.my_shifts links=vec![("/volunteer", t.volunteer.shifts_title)] />
            <FormError error=action_error(actions.cancel) />
            {loaded(shifts, move |list| shift_list(list, actions, t.volunteer.no_my_shifts))}
        } />
    }
}
