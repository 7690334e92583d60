//! The editor's list of a course's files, each with the code to paste into a module's
//! text, and the upload form (a plain multipart form; the button says it is uploading).

use leptos::prelude::*;

use super::{
    get_course_files,
    rules::{MAX_FILE_BYTES, MAX_LABEL},
};
use crate::{
    i18n::*,
    learning::{CourseFile, FileKind},
    ui::{BusyForm, Field, FormKey, Loading, page_or_error},
};

/// The files of program `program_id`, shown in the editor of module `module_id` (0: a new
/// module, which has no editor to come back to until its draft is saved).
#[component]
pub fn CourseFiles(program_id: i64, module_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let files = Resource::new(move || program_id, get_course_files);
    view! {
        <section class="card" aria-labelledby="berkas" id="berkas-bagian">
            <h2 id="berkas">{t!(i18n, learning.files_title)}</h2>
            {if module_id == 0 {
                view! { <p class="muted">{t!(i18n, learning.files_save_first)}</p> }.into_any()
            } else {
                view! {
                    <p class="muted">{t!(i18n, learning.files_intro)}</p>
                    <Upload program_id module_id />
                    <Suspense fallback=Loading>
                        {move || Suspend::new(async move { page_or_error(files.await, |list| view! { <FileList list /> }) })}
                    </Suspense>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn Upload(program_id: i64, module_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let accept = "image/jpeg,image/png,image/webp,application/pdf";
    view! {
        <BusyForm
            action="/api/belajar-berkas".to_owned()
            multipart=true
            submit_label=t_string!(i18n, learning.upload).to_owned()
            busy_label=t_string!(i18n, ledger.uploading).to_owned()
        >
            <input type="hidden" name="program_id" value=program_id />
            <input type="hidden" name="module_id" value=module_id />
            <FormKey />
            <Field id="label-berkas" label=move || t!(i18n, learning.file_label) hint=move || t!(i18n, learning.file_label_hint)>
                <input id="label-berkas" name="label" maxlength=MAX_LABEL aria-describedby="label-berkas-hint" required />
            </Field>
            <Field id="isi-berkas" label=move || t!(i18n, learning.file_choose) hint=move || t!(i18n, learning.file_choose_hint, mb = MAX_FILE_BYTES / (1024 * 1024))>
                <input id="isi-berkas" name="berkas" type="file" accept=accept aria-describedby="isi-berkas-hint" required />
            </Field>
        </BusyForm>
    }
}

#[component]
fn FileList(list: Vec<CourseFile>) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p class="empty">{t!(i18n, learning.files_empty)}</p> }.into_any();
    }
    view! {
        <ul class="file-list">
            {list.into_iter().map(|f| {
                let code_id = format!("kode-berkas-{}", f.id);
                let kind = match f.kind {
                    FileKind::Image => view! { {t!(i18n, learning.kind_image)} " " {f.width} "×" {f.height} }.into_any(),
                    FileKind::Pdf => t!(i18n, learning.kind_pdf).into_any(),
                };
                view! {
                    <li>
                        <a href=f.url>{f.label}</a>
                        " " <small class="muted">{kind} " · " {f.size}</small>
                        <label class="visually-hidden" for=code_id.clone()>{t!(i18n, learning.file_snippet)}</label>
                        <input id=code_id class="snippet" readonly value=f.snippet />
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
