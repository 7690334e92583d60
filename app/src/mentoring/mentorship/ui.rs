//! One mentorship's page: sessions, goals, the good-fit check and the closing feedback.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_params_map};

use crate::{
    i18n::*,
    mentoring::{
        GoalView, SessionView,
        mentorship::{
            AddMentorshipGoal, AnswerFitCheck, ConfirmMentoringSession, EndMentorship,
            LogMentoringSession, SetGoalProgress, get_mentorship,
        },
        rules::SESSION_MINUTES,
        ui::session_mode_text,
    },
    ui::{ErrorMessage, Field, FormKey, Loading, PageTitle, page_or_error, posted_error},
};
use crate::{mentoring::FitAnswer, validation::FormValue};

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
    let data = Resource::new(id, get_mentorship);
    let error = posted_error();
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
                    <input type="hidden" name="cocok" value=FitAnswer::Yes.form_value() />
                    <button type="submit" class="button primary">{t!(i18n, mentoring.fit_yes)}</button>
                </ActionForm>
                <ActionForm action=fit>
                    <input type="hidden" name="mentorship_id" value=mid />
                    <input type="hidden" name="cocok" value=FitAnswer::No.form_value() />
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
                    <FormKey />
                    <input type="hidden" name="mentorship_id" value=mid />
                    <Field id="tujuan-baru" label=move || t!(i18n, mentoring.new_goal)>
                        <input id="tujuan-baru" name="tujuan" required maxlength="300" />
                    </Field>
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
                <FormKey />
                <input type="hidden" name="mentorship_id" value=mid />
                <Field id="tanggal-sesi" label=move || t!(i18n, mentoring.held_on)>
                    <input id="tanggal-sesi" type="date" name="session[held_on]" required min=started max=today.clone() value=today.clone() />
                </Field>
                <Field id="durasi" label=move || t!(i18n, mentoring.minutes)>
                    <input id="durasi" type="number" name="session[minutes]" required min=*SESSION_MINUTES.start() max=*SESSION_MINUTES.end() value="60" />
                </Field>
                <Field id="cara-sesi" label=move || t!(i18n, mentoring.session_mode)>
                    <select id="cara-sesi" name="session[mode]">
                        <option value="online">{t!(i18n, mentoring.mode_online)}</option>
                        <option value="in_person">{t!(i18n, mentoring.mode_in_person)}</option>
                    </select>
                </Field>
                <Field id="catatan-sesi" label=move || t!(i18n, mentoring.notes)>
                    <textarea id="catatan-sesi" name="session[notes]" rows="3" maxlength="2000"></textarea>
                </Field>
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
                <Field id="nilai" label=move || t!(i18n, mentoring.rating)>
                    <select id="nilai" name="nilai" required>
                        {(1..=5).rev().map(|n| view! { <option value=n>{n}</option> }).collect_view()}
                    </select>
                </Field>
                <Field id="komentar" label=move || t!(i18n, mentoring.comment)>
                    <textarea id="komentar" name="komentar" rows="3" maxlength="1000"></textarea>
                </Field>
                <button type="submit" class="button">
                    {if active { t!(i18n, mentoring.end).into_any() } else { t!(i18n, mentoring.send_feedback).into_any() }}
                </button>
            </ActionForm>
        </section>
    }
}
