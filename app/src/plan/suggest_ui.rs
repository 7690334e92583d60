//! "Saran untuk saya" on the plan page: each suggested item with its reason
//! ("M.05 · kesenjangan 2 · daring · 12 JP") and a plain form that adds it to the draft.

use leptos::{form::ActionForm, prelude::*};

use super::{
    AddPlanItem,
    suggest::{Suggestion, Way},
};
use crate::{i18n::*, jp::DevPath, ui::FormKey};

/// The suggestions of an editable plan; `missing`: the JP still to plan for the target.
#[component]
pub fn Suggestions(
    year: i32,
    items: Vec<Suggestion>,
    missing: u32,
    add: ServerAction<AddPlanItem>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="saran-title">
            <h2 id="saran-title">{t!(i18n, plan.suggest_title)}</h2>
            {if missing == 0 {
                view! { <p class="muted">{t!(i18n, plan.suggest_reached)}</p> }.into_any()
            } else if items.is_empty() {
                view! { <p class="empty">{t!(i18n, plan.suggest_none)}</p> }.into_any()
            } else {
                view! {
                    <p class="muted">{t!(i18n, plan.suggest_intro, jp = missing)}</p>
                    <ul class="plain-list">
                        {items.into_iter().map(|s| view! { <SuggestionItem year s add /> }).collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn SuggestionItem(year: i32, s: Suggestion, add: ServerAction<AddPlanItem>) -> impl IntoView {
    let i18n = use_i18n();
    let (title, path, program_id, way) = match &s.way {
        Way::Program {
            program_id,
            title,
            path,
            mode,
        } => (
            title.clone(),
            *path,
            program_id.to_string(),
            mode.label(i18n).to_owned(),
        ),
        Way::Mentoring { online } => (
            format!("Mentoring {}", s.name),
            DevPath::Mentoring,
            String::new(),
            if *online {
                t_string!(i18n, plan.suggest_mentor_online).to_owned()
            } else {
                t_string!(i18n, plan.suggest_mentor_in_person).to_owned()
            },
        ),
    };
    let reason = format!(
        "{} · {} {} · {} · {} JP",
        s.code,
        t_string!(i18n, plan.gap_short),
        s.gap,
        way,
        s.jp
    );
    let button = format!("{} {}", t_string!(i18n, plan.suggest_add), title);
    view! {
        <li>
            <p><strong>{title.clone()}</strong> <br /> <span class="muted">{reason}</span></p>
            <ActionForm action=add attr:class="inline-form">
                <FormKey part=format!("saran-{}", s.competency_id) />
                <input type="hidden" name="year" value=year />
                <input type="hidden" name="competency_id" value=s.competency_id />
                <input type="hidden" name="path" value=path.code() />
                <input type="hidden" name="title" value=title />
                <input type="hidden" name="planned_jp" value=s.jp />
                <input type="hidden" name="target_quarter" value=s.quarter />
                <input type="hidden" name="program_id" value=program_id />
                <button type="submit" class="button small" aria-label=button>{t!(i18n, plan.suggest_add)}</button>
            </ActionForm>
        </li>
    }
}
