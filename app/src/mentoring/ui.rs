//! Mentoring pages: the mentee's page (recommendations, requests, mentorships), the mentor
//! profile, the mentor's desk of incoming requests, and one mentorship with its sessions.
//! Every form is a server-rendered form that posts without JavaScript.

use super::MentoringError;
use crate::error::feature::UserMessage;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::{
    components::{A, Form},
    hooks::{use_params_map, use_query_map},
};

use super::{
    AcceptMentoringRequest, AddMentorshipGoal, AnswerFitCheck, ConfirmMentoringSession,
    DeclineMentoringRequest, DeclineReason, EndMentorship, FindMentorPage, GoalView,
    LogMentoringSession, MentorMode, MentorshipSummary, Reason, Recommendation, RequestStatus,
    RequestView, SaveMentorProfile, SendMentoringRequest, SessionMode, SessionView,
    SetGoalProgress, WithdrawMentoringRequest, get_find_mentor, get_mentor_desk,
    get_mentor_profile, get_mentorship,
    rules::{MAX_CAPACITY, SESSION_MINUTES},
};
use crate::{
    competency::CompetencyGap,
    i18n::*,
    ui::{ErrorMessage, Loading, PageTitle, action_error, page_or_error},
};

pub fn status_text(i18n: I18nContext<Locale>, status: RequestStatus) -> &'static str {
    match status {
        RequestStatus::Pending => t_string!(i18n, mentoring.status_pending),
        RequestStatus::Accepted => t_string!(i18n, mentoring.status_accepted),
        RequestStatus::Declined => t_string!(i18n, mentoring.status_declined),
        RequestStatus::Withdrawn => t_string!(i18n, mentoring.status_withdrawn),
        RequestStatus::Expired => t_string!(i18n, mentoring.status_expired),
    }
}

fn decline_reason_text(i18n: I18nContext<Locale>, reason: DeclineReason) -> &'static str {
    match reason {
        DeclineReason::NoTime => t_string!(i18n, mentoring.reason_no_time),
        DeclineReason::OutsideExpertise => t_string!(i18n, mentoring.reason_outside_expertise),
        DeclineReason::BetterFit => t_string!(i18n, mentoring.reason_better_fit),
        DeclineReason::Other => t_string!(i18n, mentoring.reason_other),
    }
}

fn mode_text(i18n: I18nContext<Locale>, mode: MentorMode) -> &'static str {
    match mode {
        MentorMode::Online => t_string!(i18n, mentoring.mode_online),
        MentorMode::InPerson => t_string!(i18n, mentoring.mode_in_person),
        MentorMode::Both => t_string!(i18n, mentoring.mode_both),
    }
}

fn session_mode_text(i18n: I18nContext<Locale>, mode: SessionMode) -> &'static str {
    match mode {
        SessionMode::Online => t_string!(i18n, mentoring.mode_online),
        SessionMode::InPerson => t_string!(i18n, mentoring.mode_in_person),
    }
}

/// One reason behind a recommendation ("level 4 in M.03", "2 places left", "meets online").
fn reason_view(i18n: I18nContext<Locale>, reason: Reason, code: String) -> AnyView {
    match reason {
        Reason::Level(level) => {
            t!(i18n, mentoring.why_level, level = level, code = code).into_any()
        }
        Reason::PlacesLeft(count) => t!(i18n, mentoring.why_places, count = count).into_any(),
        Reason::MeetsOnline => t!(i18n, mentoring.why_online).into_any(),
        Reason::MeetsInPerson => t!(i18n, mentoring.why_in_person).into_any(),
        Reason::SameOpd => t!(i18n, mentoring.why_same_opd).into_any(),
        Reason::OtherOpd => t!(i18n, mentoring.why_other_opd).into_any(),
        Reason::Rated { tenths, count } => {
            let rating = format!("{},{}", tenths / 10, tenths % 10);
            t!(i18n, mentoring.why_rated, rating = rating, count = count).into_any()
        }
    }
}

fn gap_label(gap: &CompetencyGap) -> String {
    let current = gap.current.map_or("–".to_owned(), |c| c.to_string());
    format!("{} {} ({current} → {})", gap.code, gap.name, gap.required)
}

/// A notice from the query string after a plain form post (`?terkirim=1`).
fn flag(key: &'static str) -> impl Fn() -> bool + Copy {
    let query = use_query_map();
    move || query.read().get(key).is_some()
}

// ----- The mentee -----

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
    let data = Resource::new(
        move || (competency(), send.version().get(), withdraw.version().get()),
        |(competency, ..)| get_find_mentor(competency),
    );
    let error = action_error(move || {
        [send.value().get(), withdraw.value().get()]
            .into_iter()
            .flatten()
            .find_map(|r| r.err())
    });
    let sent = flag("terkirim");
    let sent_now = move || sent() || send.value().get().is_some_and(|r| r.is_ok());
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
                            <Show when=sent_now>
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
                <div class="field">
                    <label for="kompetensi">{t!(i18n, mentoring.competency)}</label>
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
                </div>
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
                    <div class="field">
                        <label for=goal_for>{t!(i18n, mentoring.goal)}</label>
                        <input id=goal_id name="goal" required maxlength="300" />
                        <small class="muted">{t!(i18n, mentoring.goal_hint)}</small>
                    </div>
                    <div class="field">
                        <label for=message_for>{t!(i18n, mentoring.message)}</label>
                        <textarea id=message_id name="message" rows="3" maxlength="1000"></textarea>
                    </div>
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
fn MentorshipList(title_mentee: bool, list: Vec<MentorshipSummary>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="bimbingan">
            <h2 id="bimbingan">
                {if title_mentee {
                    t!(i18n, mentoring.my_mentorships).into_any()
                } else {
                    t!(i18n, mentoring.my_mentees).into_any()
                }}
            </h2>
            {if list.is_empty() {
                view! { <p class="empty">{t!(i18n, mentoring.no_mentorships)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {list
                            .into_iter()
                            .map(|m| {
                                let sessions = m.confirmed_sessions;
                                view! {
                                    <li>
                                        <A href=format!("/mentoring/bimbingan/{}", m.id)>
                                            {m.partner_name.clone()} " · " {m.competency_code.clone()} " "
                                            {m.competency_name.clone()}
                                        </A>
                                        " · "
                                        {if m.active {
                                            t!(i18n, mentoring.active).into_any()
                                        } else {
                                            t!(i18n, mentoring.ended).into_any()
                                        }} " · " {t!(i18n, mentoring.sessions_count, count = sessions)}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

// ----- The mentor -----

#[component]
pub fn MentorProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveMentorProfile>::new();
    let data = Resource::new(move || save.version().get(), |_| get_mentor_profile());
    let error = action_error(move || save.value().get().and_then(|r| r.err()));
    let saved = flag("tersimpan");
    let saved_now = move || saved() || save.value().get().is_some_and(|r| r.is_ok());
    view! {
        <PageTitle text=|i18n| t_string!(i18n, mentoring.profile_title) />
        <h1>{t!(i18n, mentoring.profile_title)}</h1>
        <p class="muted">{t!(i18n, mentoring.profile_intro)}</p>
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        <Show when=saved_now>
            <p class="alert alert-ok" role="status">{t!(i18n, mentoring.saved)} " " <A href="/mentoring/permintaan">{t!(i18n, mentoring.to_desk)}</A></p>
        </Show>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(
                    data.await,
                    move |p| {
                        if p.expertise.is_empty() {
                            return view! { <p class="empty">{t!(i18n, mentoring.no_expertise_choices)}</p> }.into_any();
                        }
                        let mode = p.mode;
                        view! {
                            <ActionForm action=save attr:class="form card">
                                <fieldset>
                                    <legend>{t!(i18n, mentoring.expertise)}</legend>
                                    {p.expertise
                                        .iter()
                                        .enumerate()
                                        .map(|(i, e)| {
                                            let id = format!("keahlian-{}", e.competency_id);
                                            let for_id = id.clone();
                                            let level = e.level.unwrap_or(0);
                                            view! {
                                                <div class="check">
                                                    <input type="checkbox" id=id name=format!("profile[expertise][{i}]") value=e.competency_id checked=e.chosen />
                                                    <label for=for_id>
                                                        {e.code.clone()} " " {e.name.clone()} " · " {t!(i18n, mentoring.level_short, level = level)}
                                                    </label>
                                                </div>
                                            }
                                        })
                                        .collect_view()}
                                </fieldset>
                                <div class="field">
                                    <label for="kapasitas">{t!(i18n, mentoring.capacity)}</label>
                                    <input id="kapasitas" name="profile[capacity]" type="number" min="1" max=MAX_CAPACITY required value=p.capacity />
                                </div>
                                <div class="field">
                                    <label for="cara">{t!(i18n, mentoring.mode)}</label>
                                    <select id="cara" name="profile[mode]">
                                        {MentorMode::ALL
                                            .into_iter()
                                            .map(|m| view! { <option value=m.as_db() selected=m == mode>{move || mode_text(i18n, m)}</option> })
                                            .collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="bio">{t!(i18n, mentoring.bio)}</label>
                                    <textarea id="bio" name="profile[bio]" rows="3" maxlength="500">{p.bio.clone()}</textarea>
                                </div>
                                <div class="check">
                                    <input type="checkbox" id="menerima" name="profile[accepting]" value="1" checked=p.accepting />
                                    <label for="menerima">{t!(i18n, mentoring.accepting)}</label>
                                </div>
                                <button type="submit" class="button primary">{t!(i18n, mentoring.save)}</button>
                            </ActionForm>
                        }
                            .into_any()
                    },
                )
            })}
        </Suspense>
    }
}

#[component]
pub fn MentorDeskPage() -> impl IntoView {
    let i18n = use_i18n();
    let accept = ServerAction::<AcceptMentoringRequest>::new();
    let decline = ServerAction::<DeclineMentoringRequest>::new();
    let data = Resource::new(
        move || (accept.version().get(), decline.version().get()),
        |_| get_mentor_desk(),
    );
    let error = action_error(move || {
        [accept.value().get(), decline.value().get()]
            .into_iter()
            .flatten()
            .find_map(|r| r.err())
    });
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
                    <div class="field">
                        <label for=reason_for>{t!(i18n, mentoring.decline_reason)}</label>
                        <select id=reason_id name="alasan">
                            {DeclineReason::ALL
                                .into_iter()
                                .map(|d| view! { <option value=d.as_db()>{move || decline_reason_text(i18n, d)}</option> })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=note_for>{t!(i18n, mentoring.decline_note)}</label>
                        <textarea id=note_id name="catatan" rows="2" maxlength="500"></textarea>
                    </div>
                    <button type="submit" class="button">{t!(i18n, mentoring.decline)}</button>
                </ActionForm>
            </div>
        </article>
    }
}

// ----- The mentorship -----

#[component]
pub fn MentorshipPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let log = ServerAction::<LogMentoringSession>::new();
    let confirm = ServerAction::<ConfirmMentoringSession>::new();
    let end = ServerAction::<EndMentorship>::new();
    let add_goal = ServerAction::<AddMentorshipGoal>::new();
    let progress = ServerAction::<SetGoalProgress>::new();
    let fit = ServerAction::<AnswerFitCheck>::new();
    let data = Resource::new(
        move || {
            (
                id(),
                log.version().get(),
                confirm.version().get(),
                end.version().get(),
                add_goal.version().get(),
                progress.version().get(),
                fit.version().get(),
            )
        },
        |(id, ..)| get_mentorship(id),
    );
    let error = action_error(move || {
        [
            log.value().get(),
            confirm.value().get(),
            end.value().get(),
            add_goal.value().get(),
            progress.value().get(),
            fit.value().get(),
        ]
        .into_iter()
        .flatten()
        .find_map(|r| r.err())
    });
    view! {
        <PageTitle text=|i18n| t_string!(i18n, mentoring.mentorship_title) />
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(
                    data.await,
                    move |m| {
                        let is_mentor = m.viewer_is_mentor;
                        let active = m.active;
                        let feedback_given = m.feedback_given;
                        let mid = m.id;
                        let today = m.today.clone();
                        let started = m.started_on.clone();
                        let fit_due = m.fit_check_due;
                        let rematch = (m.ended_not_a_fit && !is_mentor)
                            .then(|| format!("/mentoring?kompetensi={}", m.competency_id));
                        let goals = m.goals.clone();
                        view! {
                            <h1>{t!(i18n, mentoring.mentorship_title)} " · " {m.competency_code.clone()} " " {m.competency_name.clone()}</h1>
                            <p class="muted">
                                {t!(i18n, mentoring.mentor)} ": " {m.mentor_name.clone()} " · " {t!(i18n, mentoring.mentee)} ": "
                                {m.mentee_name.clone()} " · " {t!(i18n, mentoring.started, date = started.clone())} " · "
                                {if active { t!(i18n, mentoring.active).into_any() } else { t!(i18n, mentoring.ended).into_any() }}
                            </p>
                            <p><strong>{t!(i18n, mentoring.goal)} ": "</strong> {m.goal.clone()}</p>
                            {rematch.map(|href| view! {
                                <p class="alert alert-warn">{t!(i18n, mentoring.not_a_fit_ended)} " " <A href=href>{t!(i18n, mentoring.find_another)}</A></p>
                            })}
                            {fit_due.then(|| view! { <FitCheck mid fit /> })}
                            <Goals mid active goals add_goal progress />
                            <section class="card" aria-labelledby="sesi">
                                <h2 id="sesi">{t!(i18n, mentoring.sessions)}</h2>
                                {if m.sessions.is_empty() {
                                    view! { <p class="empty">{t!(i18n, mentoring.no_sessions)}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="plain-list">
                                            {m.sessions.into_iter().map(|s| view! { <SessionItem s is_mentor confirm /> }).collect_view()}
                                        </ul>
                                    }
                                        .into_any()
                                }}
                            </section>
                            {active.then(|| view! { <LogSessionForm mid today=today.clone() started=started.clone() log /> })}
                            {(!feedback_given).then(|| view! { <EndForm mid active end /> })}
                            {feedback_given.then(|| view! { <p class="alert alert-ok" role="status">{t!(i18n, mentoring.feedback_thanks)}</p> })}
                        }
                    },
                )
            })}
        </Suspense>
    }
}

#[component]
fn FitCheck(mid: i64, fit: ServerAction<AnswerFitCheck>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="cocok">
            <h2 id="cocok">{t!(i18n, mentoring.fit_title)}</h2>
            <p class="muted">{t!(i18n, mentoring.fit_intro)}</p>
            <div class="review-actions">
                <ActionForm action=fit>
                    <input type="hidden" name="mentorship_id" value=mid />
                    <input type="hidden" name="cocok" value="ya" />
                    <button type="submit" class="button primary">{t!(i18n, mentoring.fit_yes)}</button>
                </ActionForm>
                <ActionForm action=fit>
                    <input type="hidden" name="mentorship_id" value=mid />
                    <input type="hidden" name="cocok" value="tidak" />
                    <button type="submit" class="button">{t!(i18n, mentoring.fit_no)}</button>
                </ActionForm>
            </div>
        </section>
    }
}

#[component]
fn Goals(
    mid: i64,
    active: bool,
    goals: Vec<GoalView>,
    add_goal: ServerAction<AddMentorshipGoal>,
    progress: ServerAction<SetGoalProgress>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="tujuan">
            <h2 id="tujuan">{t!(i18n, mentoring.goals)}</h2>
            {if goals.is_empty() {
                view! { <p class="empty">{t!(i18n, mentoring.no_goals)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {goals
                            .into_iter()
                            .map(|g| {
                                let input_id = format!("kemajuan-{}", g.id);
                                let input_for = input_id.clone();
                                let label = g.text.clone();
                                view! {
                                    <li>
                                        <strong>{g.text.clone()}</strong>
                                        <progress max="100" value=g.progress aria-label=label>{g.progress} "%"</progress>
                                        " " {g.progress} "%"
                                        {active.then(|| view! {
                                            <ActionForm action=progress attr:class="inline-form">
                                                <input type="hidden" name="goal_id" value=g.id />
                                                <label for=input_for>{t!(i18n, mentoring.progress)}</label>
                                                <input id=input_id type="number" name="kemajuan" min="0" max="100" step="5" value=g.progress required />
                                                <button type="submit" class="button">{t!(i18n, mentoring.update)}</button>
                                            </ActionForm>
                                        })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            {active.then(|| view! {
                <ActionForm action=add_goal attr:class="form">
                    <input type="hidden" name="mentorship_id" value=mid />
                    <div class="field">
                        <label for="tujuan-baru">{t!(i18n, mentoring.new_goal)}</label>
                        <input id="tujuan-baru" name="tujuan" required maxlength="300" />
                    </div>
                    <button type="submit" class="button">{t!(i18n, mentoring.add_goal)}</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn SessionItem(
    s: SessionView,
    is_mentor: bool,
    confirm: ServerAction<ConfirmMentoringSession>,
) -> impl IntoView {
    let i18n = use_i18n();
    let mode = s.mode;
    let mine = if is_mentor {
        s.mentor_confirmed
    } else {
        s.mentee_confirmed
    };
    let minutes = s.minutes;
    view! {
        <li class="session">
            <strong>{s.held_on.clone()}</strong> " · " {t!(i18n, mentoring.minutes_count, minutes = minutes)} " · "
            {move || session_mode_text(i18n, mode)}
            {(!s.notes.is_empty()).then(|| view! { <p>{s.notes.clone()}</p> })}
            <p class="muted">
                {match s.jp {
                    Some(jp) => t!(i18n, mentoring.confirmed_both, jp = jp).into_any(),
                    None if mine => t!(i18n, mentoring.waiting_other).into_any(),
                    None => view! {
                        <ActionForm action=confirm>
                            <input type="hidden" name="session_id" value=s.id />
                            <button type="submit" class="button primary">{t!(i18n, mentoring.confirm)}</button>
                        </ActionForm>
                    }
                        .into_any(),
                }}
            </p>
        </li>
    }
}

#[component]
fn LogSessionForm(
    mid: i64,
    today: String,
    started: String,
    log: ServerAction<LogMentoringSession>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="catat-sesi">
            <h2 id="catat-sesi">{t!(i18n, mentoring.log_session)}</h2>
            <ActionForm action=log attr:class="form">
                <input type="hidden" name="mentorship_id" value=mid />
                <div class="field">
                    <label for="tanggal-sesi">{t!(i18n, mentoring.held_on)}</label>
                    <input id="tanggal-sesi" type="date" name="session[held_on]" required min=started max=today.clone() value=today.clone() />
                </div>
                <div class="field">
                    <label for="durasi">{t!(i18n, mentoring.minutes)}</label>
                    <input id="durasi" type="number" name="session[minutes]" required min=*SESSION_MINUTES.start() max=*SESSION_MINUTES.end() value="60" />
                </div>
                <div class="field">
                    <label for="cara-sesi">{t!(i18n, mentoring.session_mode)}</label>
                    <select id="cara-sesi" name="session[mode]">
                        <option value="online">{t!(i18n, mentoring.mode_online)}</option>
                        <option value="in_person">{t!(i18n, mentoring.mode_in_person)}</option>
                    </select>
                </div>
                <div class="field">
                    <label for="catatan-sesi">{t!(i18n, mentoring.notes)}</label>
                    <textarea id="catatan-sesi" name="session[notes]" rows="3" maxlength="2000"></textarea>
                </div>
                <button type="submit" class="button primary">{t!(i18n, mentoring.log)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn EndForm(mid: i64, active: bool, end: ServerAction<EndMentorship>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="akhiri">
            <h2 id="akhiri">
                {if active { t!(i18n, mentoring.end_title).into_any() } else { t!(i18n, mentoring.feedback_title).into_any() }}
            </h2>
            {active.then(|| view! { <p class="muted">{t!(i18n, mentoring.end_intro)}</p> })}
            <ActionForm action=end attr:class="form">
                <input type="hidden" name="mentorship_id" value=mid />
                <div class="field">
                    <label for="nilai">{t!(i18n, mentoring.rating)}</label>
                    <select id="nilai" name="nilai" required>
                        {(1..=5).rev().map(|n| view! { <option value=n>{n}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="komentar">{t!(i18n, mentoring.comment)}</label>
                    <textarea id="komentar" name="komentar" rows="3" maxlength="1000"></textarea>
                </div>
                <button type="submit" class="button">
                    {if active { t!(i18n, mentoring.end).into_any() } else { t!(i18n, mentoring.send_feedback).into_any() }}
                </button>
            </ActionForm>
        </section>
    }
}

impl UserMessage for MentoringError {
    fn message(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            MentoringError::CapacityInvalid => t_string!(i18n, errors.mentoring_capacity_invalid),
            MentoringError::ModeUnknown => t_string!(i18n, errors.mentoring_mode_unknown),
            MentoringError::BioTooLong => t_string!(i18n, errors.mentoring_bio_too_long),
            MentoringError::ExpertiseEmpty => t_string!(i18n, errors.mentoring_expertise_empty),
            MentoringError::ExpertiseTooMany => {
                t_string!(i18n, errors.mentoring_expertise_too_many)
            }
            MentoringError::ExpertiseLevelTooLow => {
                t_string!(i18n, errors.mentoring_expertise_level_too_low)
            }
            MentoringError::CapacityBelowActive => {
                t_string!(i18n, errors.mentoring_capacity_below_active)
            }
            MentoringError::GoalEmpty => t_string!(i18n, errors.mentoring_goal_empty),
            MentoringError::GoalTooLong => t_string!(i18n, errors.mentoring_goal_too_long),
            MentoringError::MessageTooLong => t_string!(i18n, errors.mentoring_message_too_long),
            MentoringError::CompetencyUnknown => {
                t_string!(i18n, errors.mentoring_competency_unknown)
            }
            MentoringError::PendingExists => t_string!(i18n, errors.mentoring_pending_exists),
            MentoringError::MentorNotEligible => {
                t_string!(i18n, errors.mentoring_mentor_not_eligible)
            }
            MentoringError::NotAccepting => t_string!(i18n, errors.mentoring_not_accepting),
            MentoringError::MentorFull => t_string!(i18n, errors.mentoring_mentor_full),
            MentoringError::SelfRequest => t_string!(i18n, errors.mentoring_self_request),
            MentoringError::ReasonUnknown => t_string!(i18n, errors.mentoring_reason_unknown),
            MentoringError::NoteRequired => t_string!(i18n, errors.mentoring_note_required),
            MentoringError::NoteTooLong => t_string!(i18n, errors.mentoring_note_too_long),
            MentoringError::AlreadyAnswered => t_string!(i18n, errors.mentoring_already_answered),
            MentoringError::SessionDateInvalid => {
                t_string!(i18n, errors.mentoring_session_date_invalid)
            }
            MentoringError::SessionInFuture => t_string!(i18n, errors.mentoring_session_in_future),
            MentoringError::SessionBeforeStart => {
                t_string!(i18n, errors.mentoring_session_before_start)
            }
            MentoringError::MinutesInvalid => t_string!(i18n, errors.mentoring_minutes_invalid),
            MentoringError::NotesTooLong => t_string!(i18n, errors.mentoring_notes_too_long),
            MentoringError::AlreadyConfirmed => t_string!(i18n, errors.mentoring_already_confirmed),
            MentoringError::NotActive => t_string!(i18n, errors.mentoring_not_active),
            MentoringError::RatingInvalid => t_string!(i18n, errors.mentoring_rating_invalid),
            MentoringError::CommentTooLong => t_string!(i18n, errors.mentoring_comment_too_long),
            MentoringError::FeedbackGiven => t_string!(i18n, errors.mentoring_feedback_given),
            MentoringError::NothingToPublish => {
                t_string!(i18n, errors.mentoring_nothing_to_publish)
            }
            MentoringError::ProgressInvalid => t_string!(i18n, errors.mentoring_progress_invalid),
            MentoringError::FitNotDue => t_string!(i18n, errors.mentoring_fit_not_due),
            MentoringError::TooManyGoals => t_string!(i18n, errors.mentoring_too_many_goals),
        }
    }
}
