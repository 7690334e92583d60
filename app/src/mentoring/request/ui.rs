//! The mentee's Mentoring page (recommendations, requests, mentorships) and the mentor's desk
//! of incoming requests. Every form posts without JavaScript.

use leptos::prelude::*;
use leptos_router::{
    components::{A, Form},
    hooks::use_query_map,
};

use crate::{
    i18n::*,
    mentoring::{
        DeclineReason, FindMentorPage, Recommendation, RequestStatus, RequestView,
        request::{
            AcceptMentoringRequest, DeclineMentoringRequest, SendMentoringRequest,
            WithdrawMentoringRequest, get_find_mentor, get_mentor_desk,
        },
        ui::{MentorshipList, decline_reason_text, gap_label, reason_view, status_text},
    },
    ui::{
        ErrorMessage, Field, Loading, PageTitle, hint_id, page_or_error, posted_error, posted_flag,
    },
};

#[component]
pub fn FindMentorPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let competency = move || {
        query
            .read()
            .get("kompetensi")
            .and_then(|v| v.parse::<i64>().ok())
    };
    let send = ServerAction::<SendMentoringRequest>::new();
    let withdraw = ServerAction::<WithdrawMentoringRequest>::new();
    let data = Resource::new(competency, get_find_mentor);
    let error = posted_error();
    let sent = posted_flag("terkirim");
    view! {
        <PageTitle text=|i18n| t_string!(i18n, mentoring.title) />
        <h1>{t!(i18n, mentoring.title)}</h1>
        <p class="muted">{t!(i18n, mentoring.intro)}</p>
        <p class="actions">
            <A href="/mentoring/profil">{t!(i18n, mentoring.to_profile)}</A>
        </p>
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(
                    data.await,
                    move |page| {
                        let days = page.request_days;
                        view! {
                            <Show when=sent>
                                <p class="alert alert-ok" role="status">{t!(i18n, mentoring.sent, days = days)}</p>
                            </Show>
                            <FindMentor page send withdraw />
                        }
                    },
                )
            })}
        </Suspense>
    }
}

#[component]
fn FindMentor(
    page: FindMentorPage,
    send: ServerAction<SendMentoringRequest>,
    withdraw: ServerAction<WithdrawMentoringRequest>,
) -> impl IntoView {
    let i18n = use_i18n();
    let FindMentorPage {
        gaps,
        competency_id,
        recommendations,
        pending_here,
        requests,
        mentorships,
        ..
    } = page;
    let chosen = gaps
        .iter()
        .find(|g| Some(g.competency_id) == competency_id)
        .cloned();
    view! {
        <section class="card" aria-labelledby="cari-mentor">
            <h2 id="cari-mentor">{t!(i18n, mentoring.find)}</h2>
            <Form method="GET" action="/mentoring" attr:class="filters">
                <Field id="kompetensi" label=move || t!(i18n, mentoring.competency)>
                    <select id="kompetensi" name="kompetensi">
                        {gaps
                            .iter()
                            .map(|g| {
                                view! {
                                    <option value=g.competency_id selected=Some(g.competency_id) == competency_id>
                                        {gap_label(g)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </Field>
                <button type="submit" class="button">{t!(i18n, mentoring.show)}</button>
            </Form>
            {match (chosen, pending_here) {
                (None, _) => view! { <p class="empty">{t!(i18n, mentoring.no_gaps)}</p> }.into_any(),
                (Some(_), true) => view! { <p class="alert alert-warn">{t!(i18n, mentoring.pending_here)}</p> }.into_any(),
                (Some(_), false) if recommendations.is_empty() => {
                    view! { <p class="empty">{t!(i18n, mentoring.no_recommendations)}</p> }.into_any()
                }
                (Some(gap), false) => {
                    view! {
                        <h3>{t!(i18n, mentoring.recommended)}</h3>
                        <ol class="recommendations">
                            {recommendations
                                .into_iter()
                                .map(|r| view! { <li><RecommendationCard r competency_id=gap.competency_id send /></li> })
                                .collect_view()}
                        </ol>
                    }
                        .into_any()
                }
            }}
        </section>
        <section class="card" aria-labelledby="permintaan-saya">
            <h2 id="permintaan-saya">{t!(i18n, mentoring.my_requests)}</h2>
            {if requests.is_empty() {
                view! { <p class="empty">{t!(i18n, mentoring.no_requests)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {requests.into_iter().map(|r| view! { <MyRequest r withdraw /> }).collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
        <MentorshipList title_mentee=true list=mentorships />
    }
}

#[component]
fn RecommendationCard(
    r: Recommendation,
    competency_id: i64,
    send: ServerAction<SendMentoringRequest>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = r.mentor.mentor_id;
    let goal_id = format!("tujuan-{id}");
    let goal_for = goal_id.clone();
    let goal_hint = hint_id(&goal_id);
    let message_id = format!("pesan-{id}");
    let message_for = message_id.clone();
    let label = r.mentor.name.clone();
    let code = r.competency_code.clone();
    let points = r.scored.points;
    view! {
        <article class="card recommendation" aria-label=label>
            <h4>{r.mentor.name.clone()} " " <span class="badge">{t!(i18n, mentoring.score, points = points)}</span></h4>
            <p class="muted">{r.mentor.jabatan.clone()} " · " {r.mentor.opd_name.clone()} " · " {r.mentor.location_name.clone()}</p>
            <p class="why">
                {r.scored
                    .reasons
                    .iter()
                    .enumerate()
                    .map(|(i, reason)| {
                        let sep = if i == 0 { "" } else { ", " };
                        view! { {sep} {reason_view(i18n, *reason, code.clone())} }
                    })
                    .collect_view()}
            </p>
            {(!r.mentor.bio.is_empty()).then(|| view! { <p>{r.mentor.bio.clone()}</p> })}
            <details>
                <summary>{t!(i18n, mentoring.ask)}</summary>
                <ActionForm action=send attr:class="form">
                    <input type="hidden" name="mentor_id" value=id />
                    <input type="hidden" name="competency_id" value=competency_id />
                    <Field id=goal_for label=move || t!(i18n, mentoring.goal) hint=move || t!(i18n, mentoring.goal_hint)>
                        <input id=goal_id name="goal" required maxlength="300" aria-describedby=goal_hint />
                    </Field>
                    <Field id=message_for label=move || t!(i18n, mentoring.message)>
                        <textarea id=message_id name="message" rows="3" maxlength="1000"></textarea>
                    </Field>
                    <button type="submit" class="button primary">{t!(i18n, mentoring.send)}</button>
                </ActionForm>
            </details>
        </article>
    }
}

#[component]
fn MyRequest(r: RequestView, withdraw: ServerAction<WithdrawMentoringRequest>) -> impl IntoView {
    let i18n = use_i18n();
    let status = r.status;
    let reason = r.decline_reason;
    let expires = r.expires_at.clone();
    view! {
        <li class="request">
            <strong>{r.competency_code.clone()} " " {r.competency_name.clone()}</strong>
            " · " {r.mentor_name.clone()} " · "
            <span class=format!("badge status-{}", status.as_db())>{move || status_text(i18n, status)}</span>
            <br />
            <small class="muted">{r.goal.clone()} " · " {r.sent_at.clone()}</small>
            {reason.map(|reason| view! {
                <p class="muted">{move || decline_reason_text(i18n, reason)} {(!r.decline_note.is_empty()).then(|| format!(": {}", r.decline_note))}</p>
            })}
            {(status == RequestStatus::Pending).then(|| view! {
                <small class="muted">" · " {t!(i18n, mentoring.expires, at = expires.clone())}</small>
                <ActionForm action=withdraw>
                    <input type="hidden" name="request_id" value=r.id />
                    <button type="submit" class="button">{t!(i18n, mentoring.withdraw)}</button>
                </ActionForm>
            })}
        </li>
    }
}

#[component]
pub fn MentorDeskPage() -> impl IntoView {
    let i18n = use_i18n();
    let accept = ServerAction::<AcceptMentoringRequest>::new();
    let decline = ServerAction::<DeclineMentoringRequest>::new();
    let data = Resource::new(|| (), |_| get_mentor_desk());
    let error = posted_error();
    view! {
        <PageTitle text=|i18n| t_string!(i18n, mentoring.desk_title) />
        <h1>{t!(i18n, mentoring.desk_title)}</h1>
        <p class="actions"><A href="/mentoring/profil">{t!(i18n, mentoring.to_profile)}</A></p>
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(
                    data.await,
                    move |desk| {
                        let (active, capacity) = (desk.active_mentees, desk.capacity);
                        view! {
                            <p class="muted">{t!(i18n, mentoring.desk_intro, active = active, capacity = capacity)}</p>
                            {if desk.pending.is_empty() {
                                view! { <p class="empty">{t!(i18n, mentoring.no_pending)}</p> }.into_any()
                            } else {
                                desk.pending
                                    .into_iter()
                                    .map(|r| view! { <IncomingRequest r accept decline /> })
                                    .collect_view()
                                    .into_any()
                            }}
                            <MentorshipList title_mentee=false list=desk.mentorships />
                        }
                    },
                )
            })}
        </Suspense>
    }
}

#[component]
fn IncomingRequest(
    r: RequestView,
    accept: ServerAction<AcceptMentoringRequest>,
    decline: ServerAction<DeclineMentoringRequest>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = r.id;
    let reason_id = format!("alasan-{id}");
    let reason_for = reason_id.clone();
    let note_id = format!("catatan-{id}");
    let note_for = note_id.clone();
    let label = format!("{}: {}", r.mentee_name, r.competency_code);
    let expires = r.expires_at.clone();
    view! {
        <article class="card review" aria-label=label>
            <h2>{r.mentee_name.clone()} " · " {r.competency_code.clone()} " " {r.competency_name.clone()}</h2>
            <p class="muted">{r.mentee_jabatan.clone()} " · " {r.mentee_opd.clone()} " · " {r.mentee_location.clone()}</p>
            <p><strong>{t!(i18n, mentoring.goal)} ": "</strong> {r.goal.clone()}</p>
            {(!r.message.is_empty()).then(|| view! { <p>{r.message.clone()}</p> })}
            <p class="muted">{r.sent_at.clone()} " · " {t!(i18n, mentoring.expires, at = expires)}</p>
            {(!r.mentee_gaps.is_empty()).then(|| view! {
                <details>
                    <summary>{t!(i18n, mentoring.mentee_gaps)}</summary>
                    <ul>{r.mentee_gaps.iter().map(|g| view! { <li>{gap_label(g)}</li> }).collect_view()}</ul>
                </details>
            })}
            <div class="review-actions">
                <ActionForm action=accept>
                    <input type="hidden" name="request_id" value=id />
                    <button type="submit" class="button primary">{t!(i18n, mentoring.accept)}</button>
                </ActionForm>
                <ActionForm action=decline attr:class="form">
                    <input type="hidden" name="request_id" value=id />
                    <Field id=reason_for label=move || t!(i18n, mentoring.decline_reason)>
                        <select id=reason_id name="alasan">
                            {DeclineReason::ALL
                                .into_iter()
                                .map(|d| view! { <option value=d.as_db()>{move || decline_reason_text(i18n, d)}</option> })
                                .collect_view()}
                        </select>
                    </Field>
                    <Field id=note_for label=move || t!(i18n, mentoring.decline_note)>
                        <textarea id=note_id name="catatan" rows="2" maxlength="500"></textarea>
                    </Field>
                    <button type="submit" class="button">{t!(i18n, mentoring.decline)}</button>
                </ActionForm>
            </div>
        </article>
    }
}

// ----- The mentorship -----
