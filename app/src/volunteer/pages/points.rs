//! /volunteer/points — 我的积分: hours and points with every entry traced to its shift or
//! request, the month's leaderboard of one's community, and one's volunteer profile.

use leptos::prelude::*;

use crate::community::api::list_communities;
use crate::i18n::dates::time_label;
use crate::i18n::{use_locale, use_texts};
use crate::ui::form::{action_error, FormError, Notice};
use crate::ui::layout::WithUser;
use crate::ui::page_head::PageHead;
use crate::ui::table::DataTable;
use crate::volunteer::api::points::{my_points, SaveProfile};
use crate::volunteer::rules::points::hours_label;

#[component]
pub fn PointsPage() -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let save = ServerAction::<SaveProfile>::new();
    let communities = Resource::new(|| (), |_| list_communities());
    let overview = Resource::new(move || save.version().get(), |_| my_points());
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.volunteer.points_title links=vec![("/volunteer", t.volunteer.shifts_title)] />
            <FormError error=action_error(save) />
            {move || matches!(save.value().get(), Some(Ok(()))).then(|| view! { <Notice>{t.saved}</Notice> })}
            <Suspense fallback=move || view! { <p class="muted">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    let communities = communities.await.unwrap_or_default();
                    match overview.await {
                        Ok(o) => view! {
                            <section class="card totals">
                                <p class="lead">{t.volunteer.total_hours} " " <strong>{hours_label(o.minutes, locale)}</strong>
                                    " · " {t.volunteer.total_points} " " <strong class="points-total">{o.points}</strong></p>
                            </section>
                            <section class="card">
                                <h2>{t.volunteer.ledger}</h2>
                                {if o.entries.is_empty() {
                                    view! { <p class="muted">{t.volunteer.no_entries}</p> }.into_any()
                                } else {
                                    view! {
                                        <DataTable headings=vec![t.volunteer.when, t.volunteer.source, t.volunteer.what, t.volunteer.hours, t.volunteer.points]>
                                            {o.entries.into_iter().map(|e| view! {
                                                <tr><td>{time_label(e.created_at, locale)}</td><td>{e.source.label_in(locale)}</td><td>{e.category.map_or(e.note, |c| c.label_in(locale).to_string())}</td><td>{hours_label(e.minutes, locale)}</td><td>{e.points}</td></tr>
                                            }).collect_view()}
                                        </DataTable>
                                    }.into_any()
                                }}
                            </section>
                            {(!o.community.is_empty()).then(|| view! {
                                <section class="card">
                                    <h2>{o.community.clone()} " · " {o.month.clone()} " · " {t.volunteer.leaderboard}</h2>
                                    <ol class="leaderboard">{o.leaders.into_iter().map(|l| view! {
                                        <li>{l.name} " · " {l.points} " " {t.volunteer.points} " · " {hours_label(l.minutes, locale)}</li>
                                    }).collect_view()}</ol>
                                </section>
                            })}
                            <ActionForm action=save attr:class="card order-form">
                                <h2>{t.volunteer.profile}</h2>
                                <div class="field">
                                    <label for="vp-community">{t.volunteer.my_community}</label>
                                    <select id="vp-community" name="community_id" required=true>
                                        <option value="">{t.canteen.choose}</option>
                                        {communities.into_iter().map(|c| view! {
                                            <option value=c.id.to_string() selected=o.profile.community_id == Some(c.id)>{c.name}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="vp-skills">{t.volunteer.skills}</label>
                                    <input id="vp-skills" name="skills" value=o.profile.skills.clone() maxlength="100" />
                                </div>
                                <label class="choice">
                                    <input type="checkbox" name="party_member" checked=o.profile.is_party_member />
                                    {t.volunteer.party_member}
                                </label>
                                <div class="field">
                                    <label for="vp-availability">{t.volunteer.availability}</label>
                                    <input id="vp-availability" name="availability" value=o.profile.availability.clone() maxlength="100" />
                                </div>
                                <button type="submit" class="button primary">{t.save}</button>
                            </ActionForm>
                        }.into_any(),
                        Err(error) => view! { <FormError error=Signal::stored(Some(error)) /> }.into_any(),
                    }
                })}
            </Suspense>
        } />
    }
}
