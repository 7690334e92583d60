//! A module as a learner reads it (server-rendered, readable on a 360 px phone, every
//! action a plain form or link), and the facilitator's editor with its preview and history.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{MarkModuleDone, PublishModule, SaveModuleDraft, get_module, get_module_editor};
use crate::{
    i18n::*,
    learning::{
        ModuleEditor, ModuleRead,
        enrolment::ui::program_param,
        material::ui::CourseFiles,
        module::rules::{MAX_BODY, MAX_CHANGE_NOTE, MAX_TITLE, MODULE_MINUTES},
        scorm::ui::{CoursePackages, PackageChoice, ScormPlayer},
    },
    ui::{
        ErrorMessage, Field, FormKey, Loading, PageTitle, page_or_error, posted_error, posted_flag,
    },
};

/// The module id of the path; 0 for anything else (`baru`: a new module).
fn module_param() -> impl Fn() -> i64 + Copy + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("module")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    }
}

#[component]
pub fn ModulePage() -> impl IntoView {
    let program = program_param();
    let module = module_param();
    let data = Resource::new(move || (program(), module()), |(p, m)| get_module(p, m));
    let done = ServerAction::<MarkModuleDone>::new();
    let error = posted_error();
    view! {
        <PageTitle text=|i18n| t_string!(i18n, learning.module_title) />
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { page_or_error(data.await, move |m| view! { <Module m done /> }) })}
        </Suspense>
    }
}

#[component]
fn Module(m: ModuleRead, done: ServerAction<MarkModuleDone>) -> impl IntoView {
    let i18n = use_i18n();
    let pid = m.program_id;
    let course = format!("/belajar/{pid}");
    view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, learning.breadcrumb)>
            <a href=course.clone()>{m.program_title.clone()}</a>
        </nav>
        <article class="module">
            <header>
                <p class="muted">
                    {t!(i18n, learning.module_of, n = m.position, count = m.count)} " · "
                    {t!(i18n, learning.minutes, minutes = m.minutes)} " · "
                    {t!(i18n, learning.revision, n = m.revision)}
                </p>
                <h1>{m.title.clone()}</h1>
            </header>
            // Rendered from Markdown and sanitised on the server when the revision was saved.
            <div class="module-text" inner_html=m.html.clone()></div>
        </article>
        {m.package_id.map(|_| view! { <ScormPlayer program_id=pid module_id=m.id /> })}
        {(m.learner && m.done).then(|| view! { <p class="alert alert-ok" role="status">{t!(i18n, learning.module_done)}</p> })}
        // A package's module is done when the package reports it.
        {(m.learner && !m.done && m.package_id.is_none()).then(|| view! {
            <ActionForm action=done attr:class="card">
                <input type="hidden" name="program_id" value=pid />
                <input type="hidden" name="module_id" value=m.id />
                <FormKey />
                <button type="submit" class="button primary">{t!(i18n, learning.mark_done)}</button>
            </ActionForm>
        })}
        <nav class="pager" aria-label=move || t_string!(i18n, learning.module_nav)>
            {m.prev.map(|id| view! { <a rel="prev" href=format!("/belajar/{pid}/modul/{id}")>{t!(i18n, learning.prev)}</a> })}
            <a href=course>{t!(i18n, learning.back_to_course)}</a>
            {m.next.map(|id| view! { <a rel="next" href=format!("/belajar/{pid}/modul/{id}")>{t!(i18n, learning.next)}</a> })}
        </nav>
    }
}

#[component]
pub fn ModuleEditorPage() -> impl IntoView {
    let i18n = use_i18n();
    let program = program_param();
    let module = module_param();
    let data = Resource::new(
        move || (program(), module()),
        |(p, m)| get_module_editor(p, m),
    );
    let error = posted_error();
    let saved = posted_flag("tersimpan");
    let published = posted_flag("terbit");
    let uploaded = posted_flag("diunggah");
    view! {
        <PageTitle text=|i18n| t_string!(i18n, learning.editor_title) />
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        {move || saved().then(|| view! { <p class="alert alert-ok" role="status">{t!(i18n, learning.draft_saved)}</p> })}
        {move || published().then(|| view! { <p class="alert alert-ok" role="status">{t!(i18n, learning.published)}</p> })}
        {move || uploaded().then(|| view! { <p class="alert alert-ok" role="status">{t!(i18n, learning.uploaded)}</p> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { page_or_error(data.await, move |e| view! { <Editor e /> }) })}
        </Suspense>
    }
}

#[component]
fn Editor(e: ModuleEditor) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveModuleDraft>::new();
    let publish = ServerAction::<PublishModule>::new();
    let pid = e.program_id;
    let is_new = e.module_id == 0;
    // Back from an upload (`?paket=ID`), the new package is the one chosen.
    let query = use_query_map();
    let package = query
        .read_untracked()
        .get("paket")
        .and_then(|v| v.parse().ok())
        .or(e.package_id);
    view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, learning.breadcrumb)>
            <a href=format!("/belajar/{pid}/kelola")>{e.program_title.clone()}</a>
        </nav>
        <h1>{if is_new { t!(i18n, learning.add_module).into_any() } else { view! { {e.title.clone()} }.into_any() }}</h1>
        <ActionForm action=save attr:class="form card">
            <input type="hidden" name="program_id" value=pid />
            <input type="hidden" name="module_id" value=e.module_id />
            <FormKey />
            <Field id="judul-modul" label=move || t!(i18n, learning.module_name)>
                <input id="judul-modul" name="module[title]" value=e.title.clone() maxlength=MAX_TITLE required />
            </Field>
            <Field id="menit-modul" label=move || t!(i18n, learning.module_minutes)>
                <input
                    id="menit-modul"
                    name="module[minutes]"
                    type="number"
                    min=*MODULE_MINUTES.start()
                    max=*MODULE_MINUTES.end()
                    value=e.minutes
                    required
                />
            </Field>
            <div class="field checkbox">
                <input id="wajib-modul" type="checkbox" name="module[required]" value="ya" checked=e.required />
                <label for="wajib-modul">{t!(i18n, learning.module_required)}</label>
            </div>
            <Field id="isi-modul" label=move || t!(i18n, learning.module_body) hint=move || t!(i18n, learning.module_body_hint)>
                <textarea id="isi-modul" name="module[body]" rows="16" maxlength=MAX_BODY aria-describedby="isi-modul-hint" required>
                    {e.body_md.clone()}
                </textarea>
            </Field>
            <PackageChoice program_id=pid selected=package />
            <button type="submit" class="button primary">{t!(i18n, learning.save_draft)}</button>
        </ActionForm>
        <CourseFiles program_id=pid module_id=e.module_id />
        <CoursePackages program_id=pid module_id=e.module_id />
        {e.preview_html.clone().map(|html| view! {
            <section class="card" aria-labelledby="pratinjau">
                <h2 id="pratinjau">{t!(i18n, learning.preview)}</h2>
                <div class="module-text" inner_html=html></div>
                <ActionForm action=publish attr:class="form">
                    <input type="hidden" name="program_id" value=pid />
                    <input type="hidden" name="module_id" value=e.module_id />
                    <Field id="catatan-revisi" label=move || t!(i18n, learning.change_note)>
                        <input id="catatan-revisi" name="catatan" maxlength=MAX_CHANGE_NOTE required />
                    </Field>
                    <button type="submit" class="button primary">{t!(i18n, learning.publish)}</button>
                </ActionForm>
            </section>
        })}
        {(!e.revisions.is_empty()).then(|| view! {
            <section aria-labelledby="riwayat">
                <h2 id="riwayat">{t!(i18n, learning.history)}</h2>
                <ol class="plain-list" reversed>
                    {e.revisions.into_iter().map(|r| view! {
                        <li>
                            <strong>{t!(i18n, learning.revision, n = r.number)}</strong> " · " {r.at} " · " {r.author}
                            {if r.published {
                                view! { " · " {r.change_note} }.into_any()
                            } else {
                                view! { " · " <em>{t!(i18n, learning.draft)}</em> }.into_any()
                            }}
                        </li>
                    }).collect_view()}
                </ol>
            </section>
        })}
    }
}
