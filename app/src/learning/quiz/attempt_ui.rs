//! Tests as a learner meets them: the course page's list of tests with the gain, and an
//! attempt, which is one plain form (works without JavaScript) and then its result.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{
    BeginAttempt, SubmitAttempt, get_attempt, get_course_tests,
    model::{AttemptQuestion, AttemptView, CourseTests as Tests, QuestionKind, QuizCard, QuizKind},
    rules,
};
use crate::{
    error::AppError,
    i18n::*,
    learning::enrolment::ui::program_param,
    ui::{ErrorMessage, FormKey, Loading, PageTitle, page_or_error, posted_error, posted_flag},
};

/// The course's open tests on its page (`program_id`), with the learner's attempts.
#[component]
pub fn CourseTests(program_id: i64) -> impl IntoView {
    let tests = Resource::new(move || program_id, get_course_tests);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { page_or_error(tests.await, |t| view! { <TestList t /> }) })}
        </Suspense>
    }
}

#[component]
fn TestList(t: Tests) -> impl IntoView {
    let i18n = use_i18n();
    if t.quizzes.is_empty() {
        return ().into_any();
    }
    let pid = t.program_id;
    let learner = t.learner;
    view! {
        <section aria-labelledby="tes" id="tes-bagian">
            <h2 id="tes">{t!(i18n, quiz.tests)}</h2>
            {t.gain.map(|g| view! {
                <p class="alert alert-ok" role="status">{t!(i18n, quiz.gain, points = format!("{g:+}"))}</p>
            })}
            <ul class="plain-list">
                {t.quizzes.into_iter().map(|q| view! { <li><Card pid q learner /></li> }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

#[component]
fn Card(pid: i64, q: QuizCard, learner: bool) -> impl IntoView {
    let i18n = use_i18n();
    let begin = ServerAction::<BeginAttempt>::new();
    let kind = q.kind;
    // An open attempt may always be gone on with (may_begin allows it).
    let refusal = rules::may_begin(q.state).err().map(AppError::from);
    let may_begin = learner && refusal.is_none();
    let closed = refusal.filter(|_| learner);
    view! {
        <article class="card">
            <h3>
                {move || kind.label(i18n)}
                {(kind == QuizKind::Module).then(|| view! { ": " {q.module_title.clone()} })}
            </h3>
            <p class="muted">
                {t!(i18n, quiz.pass_at, pass = q.pass_percent)} " · "
                {t!(i18n, quiz.attempts_used, used = q.attempts_used, max = q.max_attempts)}
            </p>
            {q.best.map(|best| view! {
                <p>
                    {t!(i18n, quiz.best, score = best)} " "
                    {if q.passed {
                        view! { <strong class="badge status-completed">{t!(i18n, quiz.passed)}</strong> }.into_any()
                    } else {
                        view! { <span class="badge">{t!(i18n, quiz.not_passed)}</span> }.into_any()
                    }}
                </p>
            })}
            {(!q.attempts.is_empty()).then(|| view! {
                <ul class="plain-list">
                    {q.attempts.iter().map(|(id, n, score)| view! {
                        <li><a href=format!("/belajar/{pid}/tes/{id}")>{t!(i18n, quiz.attempt_score, n = *n, score = *score)}</a></li>
                    }).collect_view()}
                </ul>
            })}
            {closed.map(|e| view! { <p class="muted">{move || crate::ui::error_text(i18n, &e)}</p> })}
            {may_begin.then(|| view! {
                <ActionForm action=begin>
                    <input type="hidden" name="program_id" value=pid />
                    <input type="hidden" name="quiz_id" value=q.quiz_id />
                    <FormKey />
                    <button type="submit" class="button primary">
                        {if q.open_attempt.is_some() { t!(i18n, quiz.go_on).into_any() } else { t!(i18n, quiz.begin).into_any() }}
                    </button>
                </ActionForm>
            })}
        </article>
    }
}

fn attempt_param() -> impl Fn() -> i64 + Copy + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("attempt")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    }
}

#[component]
pub fn AttemptPage() -> impl IntoView {
    let i18n = use_i18n();
    let program = program_param();
    let attempt = attempt_param();
    let data = Resource::new(move || (program(), attempt()), |(p, a)| get_attempt(p, a));
    let error = posted_error();
    let sent = posted_flag("terkirim");
    let completed = posted_flag("tamat");
    view! {
        <PageTitle text=|i18n| t_string!(i18n, quiz.attempt_title) />
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        {move || sent().then(|| view! { <p class="alert alert-ok" role="status">{t!(i18n, quiz.sent)}</p> })}
        {move || completed().then(|| view! { <p class="alert alert-ok" role="status">{t!(i18n, learning.course_completed)}</p> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { page_or_error(data.await, |a| view! { <Attempt a /> }) })}
        </Suspense>
    }
}

#[component]
fn Attempt(a: AttemptView) -> impl IntoView {
    let i18n = use_i18n();
    let pid = a.program_id;
    let kind = a.quiz_kind;
    let submit = ServerAction::<SubmitAttempt>::new();
    let heading = view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, learning.breadcrumb)>
            <a href=format!("/belajar/{pid}#tes")>{a.program_title.clone()}</a>
        </nav>
        <h1>
            {move || kind.label(i18n)}
            {(kind == QuizKind::Module).then(|| view! { ": " {a.module_title.clone()} })}
        </h1>
        <p class="muted">{t!(i18n, quiz.attempt_of, n = a.number)} " · " {t!(i18n, quiz.pass_at, pass = a.pass_percent)}</p>
    };
    if !a.submitted {
        let count = a.questions.len();
        return view! {
            {heading}
            <ActionForm action=submit attr:class="form quiz">
                <input type="hidden" name="program_id" value=pid />
                <input type="hidden" name="attempt_id" value=a.attempt_id />
                <ol class="plain-list">
                    {a.questions.into_iter().enumerate().map(|(i, q)| view! { <li><Ask n=i + 1 q /></li> }).collect_view()}
                </ol>
                <p class="muted">{t!(i18n, quiz.submit_hint, n = count)}</p>
                <button type="submit" class="button primary">{t!(i18n, quiz.submit)}</button>
            </ActionForm>
        }
        .into_any();
    }
    let score = a.score.unwrap_or(0);
    view! {
        {heading}
        <p class=if a.passed == Some(true) { "alert alert-ok" } else { "alert alert-warn" } role="status">
            {t!(i18n, quiz.your_score, score = score)} " "
            {if a.passed == Some(true) { t!(i18n, quiz.passed).into_any() } else { t!(i18n, quiz.not_passed).into_any() }}
        </p>
        {(kind == QuizKind::Pre).then(|| view! { <p class="muted">{t!(i18n, quiz.pre_hides_answers)}</p> })}
        <ol class="plain-list">
            {a.questions.into_iter().enumerate().map(|(i, q)| view! { <li><Marked n=i + 1 q /></li> }).collect_view()}
        </ol>
        <p><a class="button" href=format!("/belajar/{pid}#tes")>{t!(i18n, learning.back_to_course)}</a></p>
    }
    .into_any()
}

/// One question of an open attempt as form fields.
#[component]
fn Ask(n: usize, q: AttemptQuestion) -> impl IntoView {
    let i18n = use_i18n();
    let qid = q.question_id;
    let name = format!("jawaban[q{qid}]");
    let field = |suffix: &str| format!("soal-{qid}-{suffix}");
    let inputs = match q.kind {
        QuestionKind::Single => q
            .choices
            .into_iter()
            .map(|(i, text)| {
                view! {
                    <div class="field checkbox">
                        <input type="radio" id=field(&i.to_string()) name=name.clone() value=i />
                        <label for=field(&i.to_string())>{text}</label>
                    </div>
                }
            })
            .collect_view()
            .into_any(),
        QuestionKind::Multiple => q
            .choices
            .into_iter()
            .map(|(i, text)| {
                view! {
                    <div class="field checkbox">
                        <input type="checkbox" id=field(&i.to_string()) name=format!("jawaban[q{qid}-{i}]") value="ya" />
                        <label for=field(&i.to_string())>{text}</label>
                    </div>
                }
            })
            .collect_view()
            .into_any(),
        QuestionKind::TrueFalse => [("benar", true), ("salah", false)]
            .into_iter()
            .map(|(value, truth)| {
                view! {
                    <div class="field checkbox">
                        <input type="radio" id=field(value) name=name.clone() value=value />
                        <label for=field(value)>{truth_word(i18n, truth)}</label>
                    </div>
                }
            })
            .collect_view()
            .into_any(),
        QuestionKind::Short | QuestionKind::Numeric => {
            let numeric = q.kind == QuestionKind::Numeric;
            view! {
                <label for=field("isian")>{if numeric { t!(i18n, quiz.your_number).into_any() } else { t!(i18n, quiz.your_answer).into_any() }}</label>
                <input id=field("isian") name=name.clone() inputmode=numeric.then_some("decimal") autocomplete="off" maxlength="300" />
            }
            .into_any()
        }
    };
    let hint = (q.kind == QuestionKind::Multiple)
        .then(|| view! { <p class="muted">{t!(i18n, quiz.pick_all)}</p> });
    view! {
        <fieldset class="question">
            <legend><span class="muted">{n} ". "</span>{q.text}</legend>
            {hint}
            {inputs}
        </fieldset>
    }
}

fn truth_word(i18n: leptos_i18n::I18nContext<Locale>, truth: bool) -> &'static str {
    if truth {
        t_string!(i18n, quiz.true_word)
    } else {
        t_string!(i18n, quiz.false_word)
    }
}

/// A question of a submitted attempt: the answer given, right or wrong, and (except in the
/// pre-test) the right answer and feedback.
#[component]
fn Marked(n: usize, q: AttemptQuestion) -> impl IntoView {
    let i18n = use_i18n();
    let words = move |text: String| -> String {
        if q.kind != QuestionKind::TrueFalse {
            return text;
        }
        match text.as_str() {
            "benar" => truth_word(i18n, true).to_owned(),
            "salah" => truth_word(i18n, false).to_owned(),
            _ => text,
        }
    };
    let right = q.correct == Some(true);
    let given = q.given.clone().filter(|g| !g.is_empty()).map(words);
    view! {
        <article class=if right { "card answer-right" } else { "card answer-wrong" }>
            <p><span class="muted">{n} ". "</span>{q.text}</p>
            <p>
                <strong>{if right { t!(i18n, quiz.right).into_any() } else { t!(i18n, quiz.wrong).into_any() }}</strong>
                " · " {t!(i18n, quiz.you_answered)} " "
                {given.unwrap_or_else(|| t_string!(i18n, quiz.blank).to_owned())}
            </p>
            {q.right_answer.map(|r| view! { <p>{t!(i18n, quiz.right_answer)} " " {words(r)}</p> })}
            {q.feedback.into_iter().map(|f| view! { <p class="muted">{f}</p> }).collect_view()}
        </article>
    }
}
