//! The facilitators' pages of a course's questions: the tests' settings, the GIFT import
//! with its preview, the questions by module with how often each is answered right, and
//! the bank written out as GIFT. Every action is a plain form.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    RetireQuestion, SaveQuestionImport, SaveQuizSettings, get_question_bank, get_question_import,
    model::{Bank, BankGroup, ImportPreview, QuizKind, QuizSettings},
    rules::{MAX_ATTEMPTS, MAX_DRAWN, MAX_IMPORT_BYTES},
    ui::gift_reason,
};
use crate::{
    i18n::*,
    learning::enrolment::ui::program_param,
    ui::{
        BusyForm, ErrorMessage, Field, FormKey, Loading, PageTitle, page_or_error, percent,
        posted_error, posted_flag,
    },
    validation::FormValue,
};

#[component]
pub fn BankPage() -> impl IntoView {
    let i18n = use_i18n();
    let program = program_param();
    let data = Resource::new(program, get_question_bank);
    let error = posted_error();
    let query = use_query_map();
    let imported = move || query.read().get("diimpor");
    let retired = posted_flag("ditarik");
    let set = posted_flag("diatur");
    view! {
        <PageTitle text=|i18n| t_string!(i18n, quiz.bank_title) />
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        {move || imported().map(|n| view! { <p class="alert alert-ok" role="status">{t!(i18n, quiz.imported, n = n)}</p> })}
        {move || retired().then(|| view! { <p class="alert alert-ok" role="status">{t!(i18n, quiz.retired)}</p> })}
        {move || set().then(|| view! { <p class="alert alert-ok" role="status">{t!(i18n, quiz.settings_saved)}</p> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { page_or_error(data.await, |b| view! { <BankView b /> }) })}
        </Suspense>
    }
}

#[component]
fn BankView(b: Bank) -> impl IntoView {
    let i18n = use_i18n();
    let pid = b.program_id;
    view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, learning.breadcrumb)>
            <a href=format!("/belajar/{pid}/kelola")>{b.program_title.clone()}</a>
        </nav>
        <h1>{t!(i18n, quiz.bank_title)}</h1>
        <section aria-labelledby="tes" id="tes-bagian">
            <h2 id="tes">{t!(i18n, quiz.tests)}</h2>
            <p class="muted">{t!(i18n, quiz.tests_intro)}</p>
            {b.tests.into_iter().map(|s| view! { <Settings pid s /> }).collect_view()}
        </section>
        <section class="card" aria-labelledby="impor">
            <h2 id="impor">{t!(i18n, quiz.import_title)}</h2>
            <ImportForm pid modules=b.modules.clone() module_id=0 source=String::new() />
            <GiftGuide />
        </section>
        <section aria-labelledby="soal" id="soal-bagian">
            <h2 id="soal">{t!(i18n, quiz.questions)}</h2>
            {if b.groups.is_empty() {
                view! { <p class="empty">{t!(i18n, quiz.no_questions)}</p> }.into_any()
            } else {
                view! {
                    <p><a class="button" href=format!("/belajar/{pid}/soal.gift") download>{t!(i18n, quiz.export)}</a></p>
                    {b.groups.into_iter().map(|g| view! { <Group pid g /> }).collect_view()}
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn Settings(pid: i64, s: QuizSettings) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveQuizSettings>::new();
    let key = format!("{}-{}", s.kind.form_value(), s.module_id);
    let id = |field: &str| format!("tes-{key}-{field}");
    let (pass_id, attempts_id, count_id, open_id) =
        (id("lulus"), id("kesempatan"), id("jumlah"), id("buka"));
    let count_hint = format!("{count_id}-hint");
    let kind = s.kind;
    view! {
        <ActionForm action=save attr:class="form card">
            <h3>
                {move || kind.label(i18n)}
                {(kind == QuizKind::Module).then(|| view! { ": " {s.module_title.clone()} })}
            </h3>
            <p class="muted">{t!(i18n, quiz.available, n = s.available)}</p>
            <input type="hidden" name="program_id" value=pid />
            <input type="hidden" name="jenis" value=kind.form_value() />
            <input type="hidden" name="module_id" value=s.module_id />
            <Field id=pass_id.clone() label=move || t!(i18n, quiz.pass_mark)>
                <input id=pass_id name="tes[pass]" type="number" min="0" max="100" value=s.pass_percent required />
            </Field>
            <Field id=attempts_id.clone() label=move || t!(i18n, quiz.max_attempts)>
                <input id=attempts_id name="tes[attempts]" type="number" min="1" max=MAX_ATTEMPTS value=s.max_attempts required />
            </Field>
            <Field id=count_id.clone() label=move || t!(i18n, quiz.question_count) hint=move || t!(i18n, quiz.question_count_hint)>
                <input id=count_id name="tes[count]" type="number" min="0" max=MAX_DRAWN value=s.question_count aria-describedby=count_hint required />
            </Field>
            <div class="field checkbox">
                <input id=open_id.clone() type="checkbox" name="tes[open]" value="ya" checked=s.open />
                <label for=open_id>{t!(i18n, quiz.open)}</label>
            </div>
            <button type="submit" class="button">{t!(i18n, quiz.save_settings)}</button>
        </ActionForm>
    }
}

/// The GIFT text (typed or a file) sent for its preview; `source` refills the text after a
/// bad line, so nothing typed is lost.
#[component]
fn ImportForm(
    pid: i64,
    modules: Vec<(i64, String)>,
    module_id: i64,
    source: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <BusyForm
            action="/api/belajar-soal-impor".to_owned()
            multipart=true
            submit_label=t_string!(i18n, quiz.check).to_owned()
            busy_label=t_string!(i18n, quiz.checking).to_owned()
        >
            <input type="hidden" name="program_id" value=pid />
            <FormKey />
            <Field id="modul-soal" label=move || t!(i18n, quiz.tie_module)>
                <select id="modul-soal" name="module_id">
                    <option value="">{t!(i18n, quiz.whole_course)}</option>
                    {modules.into_iter().map(|(id, title)| view! { <option value=id selected=id == module_id>{title}</option> }).collect_view()}
                </select>
            </Field>
            <Field id="teks-gift" label=move || t!(i18n, quiz.gift_text) hint=move || t!(i18n, quiz.gift_text_hint)>
                <textarea id="teks-gift" name="teks" rows="12" maxlength=MAX_IMPORT_BYTES aria-describedby="teks-gift-hint">{source}</textarea>
            </Field>
            <Field id="berkas-gift" label=move || t!(i18n, quiz.gift_file) hint=move || t!(i18n, quiz.gift_file_hint)>
                <input id="berkas-gift" name="berkas" type="file" accept=".gift,.txt,text/plain" aria-describedby="berkas-gift-hint" />
            </Field>
        </BusyForm>
    }
}

/// The five kinds of question as GIFT, to copy.
#[component]
fn GiftGuide() -> impl IntoView {
    let i18n = use_i18n();
    let examples = [
        (
            t_string!(i18n, quiz.kind_single),
            "Ibu kota Sulawesi Tengah adalah {=Palu ~Poso ~Luwuk}",
        ),
        (
            t_string!(i18n, quiz.kind_multiple),
            "Pilih nilai dasar ASN BerAKHLAK: {~%50%Berorientasi Pelayanan ~%50%Akuntabel ~%-100%Eksklusif}",
        ),
        (
            t_string!(i18n, quiz.kind_true_false),
            "Setiap PNS berhak atas pengembangan kompetensi paling sedikit 20 JP setahun. {T}",
        ),
        (
            t_string!(i18n, quiz.kind_short),
            "Singkatan dari ASN adalah {=Aparatur Sipil Negara}",
        ),
        (
            t_string!(i18n, quiz.kind_numeric),
            "Berapa JP minimal setahun? {#20}",
        ),
    ];
    view! {
        <details>
            <summary>{t!(i18n, quiz.gift_guide)}</summary>
            <p class="muted">{t!(i18n, quiz.gift_guide_intro)}</p>
            <dl>
                {examples.into_iter().map(|(kind, example)| view! { <dt>{kind}</dt> <dd><code>{example}</code></dd> }).collect_view()}
            </dl>
        </details>
    }
}

#[component]
fn Group(pid: i64, g: BankGroup) -> impl IntoView {
    let i18n = use_i18n();
    let share = percent(i64::from(g.correct), i64::from(g.answered));
    let retire = ServerAction::<RetireQuestion>::new();
    view! {
        <section class="card">
            <h3>
                {if g.module_id.is_none() { t!(i18n, quiz.whole_course).into_any() } else { view! { {g.module_title.clone()} }.into_any() }}
            </h3>
            <p class="muted">
                {if g.answered == 0 {
                    t!(i18n, quiz.no_answers).into_any()
                } else {
                    t!(i18n, quiz.share_right, share = share, n = g.answered).into_any()
                }}
            </p>
            <ol class="plain-list question-list">
                {g.questions.into_iter().map(|q| {
                    let kind = q.kind;
                    let share = percent(i64::from(q.correct), i64::from(q.answered));
                    let text_id = format!("soal-{}", q.id);
                    view! {
                        <li class=q.retired.then_some("retired")>
                            <span class="badge">{move || kind.label(i18n)}</span> " " <span id=text_id.clone()>{q.text}</span>
                            <br />
                            <small class="muted">
                                {if q.answered == 0 {
                                    t!(i18n, quiz.no_answers).into_any()
                                } else {
                                    t!(i18n, quiz.share_right, share = share, n = q.answered).into_any()
                                }}
                                {q.retired.then(|| view! { " · " <strong>{t!(i18n, quiz.withdrawn)}</strong> })}
                            </small>
                            {(!q.retired).then(|| view! {
                                <ActionForm action=retire attr:class="inline-form">
                                    <input type="hidden" name="program_id" value=pid />
                                    <input type="hidden" name="question_id" value=q.id />
                                    <button type="submit" class="button small" aria-describedby=text_id>
                                        {t!(i18n, quiz.withdraw)}
                                    </button>
                                </ActionForm>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

fn import_param() -> impl Fn() -> i64 + Copy + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("import")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let program = program_param();
    let import = import_param();
    let data = Resource::new(
        move || (program(), import()),
        |(p, i)| get_question_import(p, i),
    );
    let error = posted_error();
    view! {
        <PageTitle text=|i18n| t_string!(i18n, quiz.preview_title) />
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { page_or_error(data.await, |p| view! { <Preview p /> }) })}
        </Suspense>
    }
}

#[component]
fn Preview(p: ImportPreview) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveQuestionImport>::new();
    let pid = p.program_id;
    let count = p.questions.len();
    let clean = p.problems.is_empty();
    let modules = p
        .module_title
        .clone()
        .map(|t| vec![(p.module_id, t)])
        .unwrap_or_default();
    view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, learning.breadcrumb)>
            <a href=format!("/belajar/{pid}/kelola/soal")>{t!(i18n, quiz.bank_title)}</a>
        </nav>
        <h1>{t!(i18n, quiz.preview_title)}</h1>
        <p>
            {t!(i18n, quiz.preview_counts, good = count, bad = p.problems.len())}
            {p.module_title.clone().map(|t| view! { " " {t!(i18n, quiz.tied_to)} " " <strong>{t}</strong> })}
        </p>
        {(!clean).then(|| view! {
            <div class="alert alert-error" role="alert">
                <p>{t!(i18n, quiz.preview_fix)}</p>
                <ul>
                    {p.problems.iter().map(|b| {
                        let reason = b.reason;
                        view! { <li>{t!(i18n, quiz.line, n = b.line)} ": " {move || gift_reason(reason, i18n)}</li> }
                    }).collect_view()}
                </ul>
            </div>
        })}
        {p.imported.then(|| view! { <p class="alert alert-ok" role="status">{t!(i18n, quiz.already_saved)}</p> })}
        {(clean && !p.imported).then(|| view! {
            <ActionForm action=save attr:class="card">
                <input type="hidden" name="program_id" value=pid />
                <input type="hidden" name="import_id" value=p.import_id />
                <button type="submit" class="button primary">{t!(i18n, quiz.save_questions, n = count)}</button>
            </ActionForm>
        })}
        <ol class="plain-list question-list">
            {p.questions.into_iter().map(|q| {
                let kind = q.kind;
                view! {
                    <li>
                        <small class="muted">{t!(i18n, quiz.line, n = q.line)}</small> " "
                        <span class="badge">{move || kind.label(i18n)}</span> " " {q.text}
                    </li>
                }
            }).collect_view()}
        </ol>
        {(!clean).then(|| view! {
            <section class="card" aria-labelledby="perbaiki">
                <h2 id="perbaiki">{t!(i18n, quiz.fix_and_check)}</h2>
                <ImportForm pid modules module_id=p.module_id source=p.source />
            </section>
        })}
    }
}
