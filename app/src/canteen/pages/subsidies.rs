//! /canteen/manage/subsidies — 补贴规则: the subsidy per set meal by age band and category.
//! Everyone running a canteen can read them; admins of every community change them.

use leptos::prelude::*;

use crate::canteen::api::setup::{subsidy_rules_view, AddSubsidyRule, DeleteSubsidyRule};
use crate::canteen::rules::pricing::yuan;
use crate::domain::age::AgeBand;
use crate::domain::elder::SubsidyCategory;
use crate::i18n::{use_locale, use_texts};
use crate::ui::form::{CodeSelect, SaveNotices, Saves};
use crate::ui::layout::WithUser;
use crate::ui::loaded::loaded;
use crate::ui::page_head::PageHead;
use crate::ui::table::DataTable;

#[component]
pub fn SubsidiesPage() -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let saves = Saves::new();
    let add = saves.action::<AddSubsidyRule>();
    let delete = saves.action::<DeleteSubsidyRule>();
    let rules = Resource::new(move || saves.count(), |_| subsidy_rules_view());
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.canteen.subsidy_rules intro=t.canteen.subsidy_rules_intro />
            <SaveNotices saves />
            {loaded(rules, move |(rules, can_edit)| view! {
                <DataTable class="card" headings={
                    [t.canteen.age_band, t.subsidy_category, t.canteen.subsidy].into_iter().chain(can_edit.then_some("")).collect()
                }>
                    {rules.into_iter().map(|r| view! {
                        <tr>
                            <td>{r.age_band.label_in(locale)}</td>
                            <td>{r.category.map_or(t.canteen.any_category, |c| c.label_in(locale))}</td>
                            <td>{yuan(r.subsidy_fen)}</td>
                            {can_edit.then(|| view! {
                                <td>
                                    <ActionForm action=delete attr:class="inline-form">
                                        <input type="hidden" name="rule_id" value=r.id.to_string() />
                                        <button type="submit" class="button danger small">{t.canteen.delete}</button>
                                    </ActionForm>
                                </td>
                            })}
                        </tr>
                    }).collect_view()}
                </DataTable>
                {can_edit.then(|| view! {
                    <ActionForm action=add attr:class="card picker">
                        <CodeSelect id="rule-band" name="age_band" label=t.canteen.age_band
                            choices=AgeBand::SUBSIDISED.map(|b| (b.code(), b.label_in(locale))).to_vec() />
                        <CodeSelect id="rule-category" name="category" label=t.subsidy_category any=t.canteen.any_category
                            choices=SubsidyCategory::ALL.iter().filter(|c| **c != SubsidyCategory::None).map(|c| (c.code(), c.label_in(locale))).collect() />
                        <div class="field">
                            <label for="rule-subsidy">{t.canteen.subsidy_per_meal}</label>
                            <input id="rule-subsidy" name="subsidy" inputmode="decimal" required=true />
                        </div>
                        <button type="submit" class="button primary">{t.canteen.add_rule}</button>
                    </ActionForm>
                })}
            }.into_any())}
        } />
    }
}
