//! /admin — the community tree, finding a user and granting or revoking roles, the audit log.
//! Community workers see their phone-booking entry here too.

use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use crate::admin::api::{audit_log, find_user, GrantRole, RevokeRole};
use crate::admin::model::{AuditEntry, UserSummary};
use crate::auth::model::CurrentUser;
use crate::community::api::{list_communities, AddCommunity};
use crate::community::model::Community;
use crate::domain::role::Role;
use crate::error::AppError;
use crate::i18n::{use_locale, use_texts};
use crate::ui::form::{action_error, CodeSelect, FormError};
use crate::ui::layout::WithUser;
use crate::ui::page_head::PageHead;

fn community_name(communities: &[Community], id: Option<i64>) -> String {
    match id {
        None => use_texts().all_communities.to_string(),
        Some(id) => communities
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.full_name())
            .unwrap_or_default(),
    }
}

#[component]
fn CommunityTree(
    communities: Vec<Community>,
    can_add: bool,
    add: ServerAction<AddCommunity>,
) -> impl IntoView {
    let t = use_texts();
    let streets: Vec<(i64, String)> = communities.iter().fold(Vec::new(), |mut acc, c| {
        if !acc.iter().any(|(id, _)| *id == c.subdistrict_id) {
            acc.push((c.subdistrict_id, c.subdistrict.clone()));
        }
        acc
    });
    let mut groups: Vec<(String, Vec<Community>)> = Vec::new();
    for c in communities {
        let key = format!("{}{} · {}", c.city, c.district, c.subdistrict);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(c),
            None => groups.push((key, vec![c])),
        }
    }
    view! {
        <section class="card">
            <h2>{t.communities}</h2>
            {groups
                .into_iter()
                .map(|(street, list)| {
                    view! {
                        <h3>{street}</h3>
                        <ul class="chips">
                            {list.into_iter().map(|c| view! { <li>{c.name}</li> }).collect_view()}
                        </ul>
                    }
                })
                .collect_view()}
            {can_add.then(|| view! {
                <ActionForm action=add attr:class="grant-form">
                    <FormError error=action_error(add) />
                    <div class="field-row">
                        <div class="field">
                            <label for="new-community-street">{t.subdistrict}</label>
                            <select id="new-community-street" name="subdistrict_id">
                                {streets.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="new-community-name">{t.new_community}</label>
                            <input id="new-community-name" type="text" name="name" required=true />
                        </div>
                    </div>
                    <button type="submit" class="button primary">{t.add_community}</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn RoleManager(
    found: UserSummary,
    communities: Vec<Community>,
    grant: ServerAction<GrantRole>,
    revoke: ServerAction<RevokeRole>,
) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let user_id = found.id.to_string();
    let grant_user_id = user_id.clone();
    let role_items = found
        .roles
        .into_iter()
        .map(|g| {
            let scope = if g.role.is_scoped() { community_name(&communities, g.community_id) } else { String::new() };
            let label = format!("{} {}", g.role.label_in(locale), scope);
            let user_id = user_id.clone();
            let community_id = g.community_id.map(|c| c.to_string()).unwrap_or_default();
            let revoke_label = format!("{}：{}", t.revoke, label);
            view! {
                <li>
                    <span>{label.clone()}</span>
                    <ActionForm action=revoke attr:class="inline-form">
                        <input type="hidden" name="user_id" value=user_id />
                        <input type="hidden" name="role" value=g.role.code() />
                        <input type="hidden" name="community_id" value=community_id />
                        <button type="submit" class="button" aria-label=revoke_label>{t.revoke}</button>
                    </ActionForm>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="found-user">
            <h3>{found.display_name} " · " {found.phone}</h3>
            <FormError error=action_error(revoke) />
            <ul class="role-list">{role_items}</ul>
            <ActionForm action=grant attr:class="grant-form">
                <FormError error=action_error(grant) />
                <input type="hidden" name="user_id" value=grant_user_id />
                <div class="field-row">
                    <CodeSelect id="grant-role" name="role" label=t.role
                        choices=Role::ALL.iter().map(|r| (r.code(), r.label_in(locale))).collect() />
                    <div class="field">
                        <label for="grant-community">{t.community}</label>
                        <select id="grant-community" name="community_id">
                            <option value="">{t.all_communities}</option>
                            {communities.iter().map(|c| view! { <option value=c.id.to_string()>{c.full_name()}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                <button type="submit" class="button primary">{t.grant_role}</button>
            </ActionForm>
        </div>
    }
}

type FoundUser = Resource<Result<Option<UserSummary>, AppError>>;

fn searched_phone() -> String {
    use_query_map().with(|q| q.get("phone").unwrap_or_default())
}

#[component]
fn UserRoles(
    communities: Vec<Community>,
    found: FoundUser,
    grant: ServerAction<GrantRole>,
    revoke: ServerAction<RevokeRole>,
) -> impl IntoView {
    let t = use_texts();
    let phone = searched_phone;
    view! {
        <section class="card">
            <h2>{t.users}</h2>
            <Form method="GET" action="">
                <div class="field-row">
                    <div class="field">
                        <label for="search-phone">{t.search_phone}</label>
                        <input id="search-phone" type="tel" name="phone" inputmode="numeric" value=phone />
                    </div>
                    <button type="submit" class="button">{t.find}</button>
                </div>
            </Form>
            <Suspense fallback=|| ()>
                {move || {
                    let communities = communities.clone();
                    Suspend::new(async move {
                        match found.await {
                            Ok(Some(user)) => view! { <RoleManager found=user communities grant revoke /> }.into_any(),
                            Ok(None) if !phone().is_empty() => view! { <p>{AppError::NotFound.to_string()}</p> }.into_any(),
                            Ok(None) => ().into_any(),
                            Err(error) => view! { <FormError error=Signal::stored(Some(error)) /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn AuditLog(entries: Resource<Result<Vec<AuditEntry>, AppError>>) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    view! {
        <section class="card">
            <h2>{t.audit_log}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let list = entries.await.unwrap_or_default();
                    view! {
                        <ul class="audit">
                            {list.into_iter().map(|e| view! {
                                <li><time>{e.at.clone()}</time> " " {e.actor.clone()} "：" {e.detail_in(locale).to_string()}</li>
                            }).collect_view()}
                        </ul>
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn AdminPage() -> impl IntoView {
    let t = use_texts();
    // Every resource is created here, in a fixed order, never inside a suspended branch: the
    // browser must meet them in the order the server serialized them.
    let add = ServerAction::<AddCommunity>::new();
    let grant = ServerAction::<GrantRole>::new();
    let revoke = ServerAction::<RevokeRole>::new();
    let communities = Resource::new(move || add.version().get(), |_| list_communities());
    let found: FoundUser = Resource::new(
        move || {
            (
                searched_phone(),
                grant.version().get(),
                revoke.version().get(),
            )
        },
        |(phone, _, _)| async move {
            if phone.is_empty() {
                Ok(None)
            } else {
                find_user(phone).await
            }
        },
    );
    let entries = Resource::new(
        move || {
            (
                add.version().get(),
                grant.version().get(),
                revoke.version().get(),
            )
        },
        |_| audit_log(),
    );
    view! {
        <WithUser view=move |user: CurrentUser| {
            let is_admin = user.is_any_admin();
            let can_add = user.is_global_admin();
            view! {
                <PageHead title=t.admin_title links=vec![("/community/elders", t.staff_elders_title)] />
                {if is_admin {
                    view! {
                        <Suspense fallback=move || view! { <p class="muted">{t.loading}</p> }>
                            {move || Suspend::new(async move {
                                let list = communities.await.unwrap_or_default();
                                view! {
                                    <UserRoles communities=list.clone() found grant revoke />
                                    <CommunityTree communities=list can_add add />
                                }
                            })}
                        </Suspense>
                        <AuditLog entries />
                    }.into_any()
                } else {
                    ().into_any()
                }}
            }
        } />
    }
}
