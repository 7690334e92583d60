//! The admin's bulk matching page: the cohort filter, the proposal with swaps, publishing.

use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

use super::api::*;
use super::model::{BulkMatchPage, CohortFilter, MAX_COHORT, Proposal, UnmatchedReason};
use crate::{
    i18n::*,
    ui::{
        DataTable, ErrorMessage, Field, Loading, PageTitle, TableName, page_or_error, posted_error,
        posted_flag,
    },
};
use crate::{mentoring::bulk::MentorDesignation, validation::FormValue};

fn reason_text(i18n: leptos_i18n::I18nContext<Locale>, reason: UnmatchedReason) -> &'static str {
    match reason {
        UnmatchedReason::NoEligibleMentor => t_string!(i18n, bulk.no_eligible),
        UnmatchedReason::PlacesTaken => t_string!(i18n, bulk.places_taken),
    }
}

#[component]
pub fn BulkMatchPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        let number = |key: &str| q.get(key).and_then(|v| v.parse::<i64>().ok());
        CohortFilter {
            kompetensi: number("filter[kompetensi]"),
            opd: number("filter[opd]"),
            program: number("filter[program]"),
        }
    };
    let published = posted_flag("terbit");
    let publish = ServerAction::<PublishBulkMatch>::new();
    let set_mentor = ServerAction::<AdminSetMentor>::new();
    let data = Resource::new(filter, get_bulk_match);
    let error = posted_error();
    let mentor_saved = posted_flag("mentor");
    view! {
        <PageTitle text=|i18n| t_string!(i18n, bulk.title) />
        <h1>{t!(i18n, bulk.title)}</h1>
        <p class="muted">{t!(i18n, bulk.intro, max = MAX_COHORT)}</p>
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        <Show when=published>
            <p class="alert alert-ok" role="status">{t!(i18n, bulk.published)}</p>
        </Show>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(data.await, move |p| view! { <BulkMatch p publish /> })
            })}
        </Suspense>
        <section class="card" aria-labelledby="tetapkan-mentor">
            <h2 id="tetapkan-mentor">{t!(i18n, bulk.designate_title)}</h2>
            <p class="muted">{t!(i18n, bulk.designate_intro)}</p>
            <Show when=mentor_saved>
                <p class="alert alert-ok" role="status">{t!(i18n, bulk.designated)}</p>
            </Show>
            <ActionForm action=set_mentor attr:class="form">
                <div class="field">
                    <label for="nip-mentor">"NIP"</label>
                    <input id="nip-mentor" name="nip" inputmode="numeric" autocomplete="off" required maxlength="18" />
                </div>
                <Field id="tindakan" label=move || t!(i18n, bulk.action)>
                    <select id="tindakan" name="tindakan">
                        <option value=MentorDesignation::Designate.form_value()>{t!(i18n, bulk.designate)}</option>
                        <option value=MentorDesignation::Remove.form_value()>{t!(i18n, bulk.remove)}</option>
                    </select>
                </Field>
                <button type="submit" class="button">{t!(i18n, bulk.apply)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn BulkMatch(p: BulkMatchPage, publish: ServerAction<PublishBulkMatch>) -> impl IntoView {
    let i18n = use_i18n();
    let f = p.filter.clone();
    view! {
        <Form method="GET" action="/admin/pencocokan" attr:class="filters">
            <Field id="kompetensi" label=move || t!(i18n, bulk.competency)>
                <select id="kompetensi" name="filter[kompetensi]" required>
                    <option value="">{t!(i18n, bulk.choose)}</option>
                    {p.competencies
                        .iter()
                        .map(|c| view! { <option value=c.id selected=f.kompetensi == Some(c.id)>{format!("{} {}", c.code, c.name)}</option> })
                        .collect_view()}
                </select>
            </Field>
            <Field id="opd" label=move || t!(i18n, bulk.opd)>
                <select id="opd" name="filter[opd]">
                    <option value="">{t!(i18n, bulk.whole_city)}</option>
                    {p.opds
                        .iter()
                        .map(|o| view! { <option value=o.id selected=f.opd == Some(o.id)>{o.name.clone()}</option> })
                        .collect_view()}
                </select>
            </Field>
            // Programmes follow the chosen competency, so they appear once one is chosen.
            {(!p.programs.is_empty()).then(|| view! {
                <Field id="program" label=move || t!(i18n, bulk.program)>
                    <select id="program" name="filter[program]">
                        <option value="">{t!(i18n, bulk.any_program)}</option>
                        {p.programs
                            .iter()
                            .map(|g| view! { <option value=g.id selected=f.program == Some(g.id)>{g.title.clone()}</option> })
                            .collect_view()}
                    </select>
                </Field>
            })}
            <button type="submit" class="button">{t!(i18n, bulk.compute)}</button>
        </Form>
        {p.proposal.map(|proposal| view! { <ProposalView proposal publish /> })}
    }
}

#[component]
fn ProposalView(proposal: Proposal, publish: ServerAction<PublishBulkMatch>) -> impl IntoView {
    let i18n = use_i18n();
    let Proposal {
        competency_id,
        competency_code,
        mentees,
        mentors,
        places,
        total_score,
        pairs,
        unmatched,
    } = proposal;
    let matched = pairs.len();
    let left = unmatched.len();
    view! {
        <section class="card" aria-labelledby="usulan">
            <h2 id="usulan">{t!(i18n, bulk.proposal, code = competency_code)}</h2>
            <p>
                {t!(i18n, bulk.summary, mentees = mentees, mentors = mentors, places = places, matched = matched, total = total_score, left = left)}
            </p>
            {if pairs.is_empty() {
                view! { <p class="empty">{t!(i18n, bulk.no_pairs)}</p> }.into_any()
            } else {
                view! {
                    <ActionForm action=publish attr:class="form">
                        <input type="hidden" name="competency_id" value=competency_id />
                        <DataTable name=TableName::Heading("usulan") head=move || view! {
                            <th scope="col">{t!(i18n, bulk.keep)}</th>
                            <th scope="col">{t!(i18n, bulk.mentee)}</th>
                            <th scope="col">{t!(i18n, bulk.mentor)}</th>
                        }>
                            {pairs
                                .into_iter()
                                .enumerate()
                                .map(|(i, pair)| {
                                    let keep_id = format!("pakai-{i}");
                                    let mentor_id = format!("mentor-{i}");
                                    let keep_label = format!("{} ({})", pair.mentee_name, pair.mentee_opd);
                                    view! {
                                        <tr>
                                            <td>
                                                <input type="hidden" name=format!("pasangan[{i}][mentee]") value=pair.mentee_id />
                                                <input type="checkbox" id=keep_id.clone() name=format!("pasangan[{i}][pakai]") value="1" checked=true aria-label=keep_label.clone() />
                                            </td>
                                            <th scope="row"><label for=keep_id>{pair.mentee_name.clone()}</label> <br /><small class="muted">{pair.mentee_opd.clone()}</small></th>
                                            <td>
                                                <label class="visually-hidden" for=mentor_id.clone()>{t!(i18n, bulk.mentor_for, name = pair.mentee_name.clone())}</label>
                                                <select id=mentor_id name=format!("pasangan[{i}][mentor]")>
                                                    {std::iter::once(pair.mentor.clone())
                                                        .chain(pair.alternatives.clone())
                                                        .map(|m| view! { <option value=m.mentor_id>{format!("{} · {}", m.name, m.score)}</option> })
                                                        .collect_view()}
                                                </select>
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </DataTable>
                        <button type="submit" class="button primary">{t!(i18n, bulk.publish)}</button>
                    </ActionForm>
                }
                    .into_any()
            }}
            {(!unmatched.is_empty()).then(|| view! {
                <h3>{t!(i18n, bulk.unmatched)}</h3>
                <ul class="plain-list">
                    {unmatched
                        .into_iter()
                        .map(|u| {
                            let reason = u.reason;
                            view! { <li>{u.name} " · " {u.opd} " — " {move || reason_text(i18n, reason)}</li> }
                        })
                        .collect_view()}
                </ul>
            })}
        </section>
    }
}
