//! /school/proposals — 开课投票: residents propose courses for next semester and vote for
//! their community's proposals, ticking “开班就报名” to commit; an admin opens a proposal
//! with enough committed sign-ups as a class in one step.

use leptos::prelude::*;

use crate::i18n::{list_label, use_locale, use_texts};
use crate::school::api::proposals::{load_proposals, OpenProposal, ProposeCourse, VoteForCourse};
use crate::school::model::proposals::{ProposalView, Proposals};
use crate::ui::form::{input_field, select_field};
use crate::ui::form::{SaveNotices, Saves};
use crate::ui::layout::WithUser;
use crate::ui::loaded::loaded;
use crate::ui::page_head::PageHead;

fn open_form(
    p: &ProposalView,
    teachers: &[(i64, String)],
    action: ServerAction<OpenProposal>,
) -> impl IntoView + use<> {
    let t = use_texts();
    let key = format!("open{}", p.id);
    let fields = (
        select_field(&key, t.school.teacher, "form[teacher_id]", teachers, 0),
        input_field(
            &key,
            t.school.class_name,
            "form[name]",
            t.school.class_of_course.replace("{course}", &p.title),
            "text",
        ),
        input_field(
            &key,
            t.school.capacity,
            "form[capacity]",
            p.committed.max(20).to_string(),
            "number",
        ),
        input_field(
            &key,
            t.school.fee_yuan,
            "form[fee_yuan]",
            "140".into(),
            "text",
        ),
        input_field(
            &key,
            t.school.min_age,
            "form[min_age]",
            "55".into(),
            "number",
        ),
    );
    let id = p.id.to_string();
    view! {
        <details>
            <summary class="button primary">{t.school.open_class}</summary>
            <ActionForm action=action attr:class="picker">
                <input type="hidden" name="form[proposal_id]" value=id />
                {fields}
                <button type="submit" class="button primary">{t.school.open_class}</button>
            </ActionForm>
        </details>
    }
}

fn proposal_card(
    p: ProposalView,
    list: &Proposals,
    vote: ServerAction<VoteForCourse>,
    open: ServerAction<OpenProposal>,
) -> impl IntoView + use<> {
    let t = use_texts();
    let key = format!("vote{}", p.id);
    let tally = format!(
        "{} {} · {} {} / {}",
        t.school.votes, p.votes, t.school.committed, p.committed, list.needed
    );
    let locale = use_locale();
    let mine = (!p.my_votes.is_empty()).then(|| {
        let votes = p.my_votes.iter().map(|v| v.label_in(locale));
        format!("✓ {}", list_label(votes, locale))
    });
    let may_vote = p.opened_class.is_none() && !list.elders.is_empty();
    let voter = select_field(&key, t.school.voter, "elder_id", &list.elders, 0);
    let id = p.id.to_string();
    let vote_form = may_vote.then(|| {
        view! {
            <ActionForm action=vote attr:class="picker">
                <input type="hidden" name="proposal_id" value=id />
                {voter}
                <label class="choice">
                    <input type="checkbox" name="committed" value="1" />
                    {t.school.commit}
                </label>
                <button type="submit" class="button primary">{t.school.vote}</button>
            </ActionForm>
        }
    });
    let opening = (p.opened_class.is_none() && p.may_open && p.committed >= list.needed)
        .then(|| open_form(&p, &list.teachers, open));
    let opened = p.opened_class.clone().map(|class| {
        view! { <p class="notice notice-ok">{t.school.opened} "：" <a href="/school">{class}</a></p> }
    });
    view! {
        <section class="card proposal">
            <h2>{p.title} " · " {p.community}</h2>
            <p>{p.description}</p>
            <p><strong>{tally}</strong></p>
            {mine.map(|m| view! { <p>{m}</p> })}
            {opened}
            {vote_form}
            {opening}
        </section>
    }
}

fn propose_form(list: &Proposals, action: ServerAction<ProposeCourse>) -> impl IntoView + use<> {
    let t = use_texts();
    let fields = (
        select_field("propose", t.school.proposer, "elder_id", &list.elders, 0),
        input_field(
            "propose",
            t.school.course_name,
            "title",
            String::new(),
            "text",
        ),
    );
    view! {
        <ActionForm action=action attr:class="card picker">
            <h2>{t.school.propose}</h2>
            {fields}
            <div class="field">
                <label for="propose-description">{t.school.description}</label>
                <input id="propose-description" type="text" name="description" maxlength="200" />
            </div>
            <button type="submit" class="button primary">{t.school.propose}</button>
        </ActionForm>
    }
}

#[component]
pub fn ProposalsPage() -> impl IntoView {
    let t = use_texts();
    let saves = Saves::new();
    let propose = saves.action::<ProposeCourse>();
    let vote = saves.action::<VoteForCourse>();
    let open = saves.action::<OpenProposal>();
    let list = Resource::new(move || saves.count(), |_| load_proposals());
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.school.proposals_title intro=t.school.proposals_intro links=vec![("/school", t.school.catalog_title)] />
            <SaveNotices saves />
            {loaded(list, move |list| {
                let needed = format!("{} · {} {} {}", list.semester, t.school.needed, list.needed, t.school.committed);
                let form = (!list.elders.is_empty()).then(|| propose_form(&list, propose));
                let empty = list.proposals.is_empty();
                let cards = list.proposals.clone().into_iter().map(|p| proposal_card(p, &list, vote, open)).collect_view();
                view! {
                    <p class="card">{needed}</p>
                    {form}
                    {empty.then(|| view! { <p class="muted">{t.school.no_proposals}</p> })}
                    {cards}
                }.into_any()
            })}
        } />
    }
}
