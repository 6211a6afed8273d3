//! /volunteer/requests — 服务需求: post a need (for oneself or a household elder), and follow
//! each one through 派单 / 领单, 完成 and 评单, every step with its time.

use leptos::prelude::*;

use crate::canteen::api::order::order_options;
use crate::community::api::list_communities;
use crate::i18n::dates::time_label;
use crate::i18n::{use_locale, use_texts};
use crate::ui::form::{action_error, FormError, SubmitButton};
use crate::ui::layout::WithUser;
use crate::ui::loaded::loaded_list;
use crate::ui::page_head::PageHead;
use crate::ui::rating::rating_fields;
use crate::volunteer::api::requests::{
    list_requests, CancelRequest, ClaimRequest, CompleteRequest, DispatchRequest, PostRequest,
    RateRequest,
};
use crate::volunteer::model::requests::RequestCategory;
use crate::volunteer::model::requests::RequestView;

#[derive(Clone, Copy)]
struct RequestActions {
    claim: ServerAction<ClaimRequest>,
    dispatch: ServerAction<DispatchRequest>,
    complete: ServerAction<CompleteRequest>,
    cancel: ServerAction<CancelRequest>,
    rate: ServerAction<RateRequest>,
}

#[component]
pub fn RequestsPage() -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let post = ServerAction::<PostRequest>::new();
    let actions = RequestActions {
        claim: ServerAction::new(),
        dispatch: ServerAction::new(),
        complete: ServerAction::new(),
        cancel: ServerAction::new(),
        rate: ServerAction::new(),
    };
    let communities = Resource::new(|| (), |_| list_communities());
    let elders = Resource::new(|| (), |_| order_options(None, None, None));
    let requests = Resource::new(
        move || {
            (
                post.version().get(),
                actions.claim.version().get(),
                actions.dispatch.version().get(),
                actions.complete.version().get(),
                actions.cancel.version().get(),
                actions.rate.version().get(),
            )
        },
        |_| list_requests(),
    );
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.volunteer.requests_title intro=t.volunteer.requests_intro />
            <ActionForm action=post attr:class="card order-form">
                <h2>{t.volunteer.post_request}</h2>
                <FormError error=action_error(post) />
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let elders = elders.await.map(|o| o.elders).unwrap_or_default();
                        let communities = communities.await.unwrap_or_default();
                        view! {
                            <div class="field">
                                <label for="req-elder">{t.volunteer.for_whom}</label>
                                <select id="req-elder" name="form[elder_id]">
                                    <option value="">{t.volunteer.for_myself}</option>
                                    {elders.into_iter().map(|e| view! { <option value=e.id.to_string()>{e.name}</option> }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="req-community">{t.volunteer.my_community}</label>
                                <select id="req-community" name="form[community_id]">
                                    <option value="">{t.canteen.choose}</option>
                                    {communities.into_iter().map(|c| view! { <option value=c.id.to_string()>{c.name}</option> }).collect_view()}
                                </select>
                            </div>
                        }
                    })}
                </Suspense>
                <fieldset class="field choices">
                    <legend>{t.volunteer.what_service}</legend>
                    {RequestCategory::ALL.iter().copied().map(|c| view! {
                        <label class="choice">
                            <input type="radio" name="form[category]" value=c.code() required=true />
                            {c.label_in(locale)}
                        </label>
                    }).collect_view()}
                </fieldset>
                <div class="field">
                    <label for="req-detail">{t.volunteer.detail}</label>
                    <textarea id="req-detail" name="form[detail]" rows="3" maxlength="200" required=true></textarea>
                </div>
                <div class="field">
                    <label for="req-time">{t.volunteer.wished_time}</label>
                    <input id="req-time" name="form[wished_time]" maxlength="40" required=true />
                </div>
                <div class="field">
                    <label for="req-place">{t.volunteer.place}</label>
                    <input id="req-place" name="form[place]" maxlength="60" required=true />
                </div>
                <SubmitButton label=t.volunteer.post_request pending=post.pending() />
            </ActionForm>
            <FormError error=action_error(actions.claim) />
            <FormError error=action_error(actions.dispatch) />
            <FormError error=action_error(actions.complete) />
            <FormError error=action_error(actions.cancel) />
            <FormError error=action_error(actions.rate) />
            {loaded_list(requests, t.volunteer.no_requests, move |list| view! {
                <ul class="orders">{list.into_iter().map(|r| request_card(r, actions)).collect_view()}</ul>
            }.into_any())}
        } />
    }
}

fn hidden_id(id: i64) -> impl IntoView {
    view! { <input type="hidden" name="request_id" value=id.to_string() /> }
}

fn request_card(r: RequestView, actions: RequestActions) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let id = r.id;
    let whom = if r.elder_name.is_empty() {
        r.requester.clone()
    } else {
        r.elder_name.clone()
    };
    view! {
        <li class="card request" data-request=id.to_string()>
            <h3><span class="badge">{r.category.label_in(locale)}</span> " " {whom} " · " {r.community.clone()}</h3>
            <p><span class=format!("badge status-{}", r.status.code())>{r.status.label_for_in(r.rating.is_some(), locale)}</span> " " {t.volunteer.wished_time} "：" {r.wished_time.clone()}</p>
            <p>{r.detail.clone()}</p>
            {(!r.place.is_empty()).then(|| view! { <p>{t.volunteer.place} "：" {r.place.clone()}</p> })}
            {(!r.requester_phone.is_empty()).then(|| view! {
                <p>{t.volunteer.requester} "：" {r.requester.clone()} " " <a href=format!("tel:{}", r.requester_phone)>{r.requester_phone.clone()}</a></p>
            })}
            {(!r.volunteer.is_empty()).then(|| view! {
                <p>{t.volunteer.volunteer} "：" {r.volunteer.clone()} " " {r.volunteer_phone.clone()}</p>
            })}
            <ol class="timeline">{r.timeline.iter().map(|&(step, at)| view! {
                <li>{step.label_in(locale)} " " {time_label(at, locale)}</li>
            }).collect_view()}</ol>
            {r.rating.map(|stars| view! {
                <p class="rating">{"★".repeat(stars as usize)} {"☆".repeat(5 - stars as usize)} " " {r.rating_comment.clone()}</p>
            })}
            <div class="actions">
                {r.can_claim.then(|| view! {
                    <ActionForm action=actions.claim attr:class="inline-form">
                        {hidden_id(id)}
                        <button type="submit" class="button primary">{t.volunteer.claim}</button>
                    </ActionForm>
                })}
                {r.can_complete.then(|| view! {
                    <ActionForm action=actions.complete attr:class="inline-form">
                        {hidden_id(id)}
                        <button type="submit" class="button primary">{t.volunteer.mark_done}</button>
                    </ActionForm>
                })}
                {r.can_cancel.then(|| view! {
                    <ActionForm action=actions.cancel attr:class="inline-form">
                        {hidden_id(id)}
                        <button type="submit" class="button danger">{t.volunteer.cancel_request}</button>
                    </ActionForm>
                })}
                {r.can_dispatch.then(|| view! {
                    <ActionForm action=actions.dispatch attr:class="inline-form">
                        {hidden_id(id)}
                        <label>{t.volunteer.volunteer_phone} " "
                            <input type="tel" name="phone" inputmode="numeric" required=true />
                        </label>
                        <button type="submit" class="button">{t.volunteer.dispatch}</button>
                    </ActionForm>
                })}
            </div>
            {r.can_rate.then(|| view! {
                <ActionForm action=actions.rate attr:class="rating-form">
                    {rating_fields(t.volunteer.rate_service, "request_id", id)}
                </ActionForm>
            })}
        </li>
    }
}
