//! The pages' parts of SCORM packages: the player on a module's page (the package in a
//! frame, its runtime loaded by two scripts only on such a page), the editor's upload form
//! and list, and the package chosen in a module's draft form.

use leptos::prelude::*;
use leptos_i18n::I18nContext;

use super::{
    PackageView, ScormLaunch, get_course_packages, get_scorm_launch,
    rules::{LessonStatus, MAX_PACKAGE_BYTES, ScormError},
};
use crate::{
    error::feature::UserMessage,
    i18n::*,
    ui::{BusyForm, Field, FormKey, Loading, page_or_error},
};

impl UserMessage for ScormError {
    fn message(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            ScormError::FileMissing => t_string!(i18n, errors.scorm_file_missing),
            ScormError::NotZip => t_string!(i18n, errors.scorm_not_zip),
            ScormError::TooLarge => t_string!(i18n, errors.scorm_too_large),
            ScormError::UnpackedTooLarge => t_string!(i18n, errors.scorm_unpacked_too_large),
            ScormError::TooManyFiles => t_string!(i18n, errors.scorm_too_many_files),
            ScormError::UnsafePath => t_string!(i18n, errors.scorm_unsafe_path),
            ScormError::NoManifest => t_string!(i18n, errors.scorm_no_manifest),
            ScormError::ManifestInvalid => t_string!(i18n, errors.scorm_manifest_invalid),
            ScormError::Scorm2004 => t_string!(i18n, errors.scorm_2004),
            ScormError::NoLaunch => t_string!(i18n, errors.scorm_no_launch),
            ScormError::TooManyPackages => t_string!(i18n, errors.scorm_too_many_packages),
            ScormError::UnknownPackage => t_string!(i18n, errors.scorm_unknown_package),
            ScormError::ReportedByPackage => t_string!(i18n, errors.scorm_reported_by_package),
        }
    }
}

fn status_label(i18n: I18nContext<Locale>, status: &str) -> &'static str {
    match LessonStatus::from_cmi(status).unwrap_or(LessonStatus::NotAttempted) {
        LessonStatus::NotAttempted => t_string!(i18n, scorm.status_not_attempted),
        LessonStatus::Browsed | LessonStatus::Incomplete => {
            t_string!(i18n, scorm.status_incomplete)
        }
        LessonStatus::Failed => t_string!(i18n, scorm.status_failed),
        LessonStatus::Completed => t_string!(i18n, scorm.status_completed),
        LessonStatus::Passed => t_string!(i18n, scorm.status_passed),
    }
}

/// The names under `/pkg` of the SCORM runtime (scorm-again) and of Bina's `player.js`,
/// with the content hashes the build put in them (`scripts/build.sh` lists them in
/// `scorm-assets.txt` beside them), read once.
fn script_names() -> &'static (String, String) {
    static NAMES: std::sync::OnceLock<(String, String)> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        #[cfg(feature = "ssr")]
        let listed = use_context::<LeptosOptions>()
            .and_then(|o| {
                std::fs::read_to_string(
                    std::path::Path::new(&*o.site_root)
                        .join(&*o.site_pkg_dir)
                        .join("scorm-assets.txt"),
                )
                .ok()
            })
            .unwrap_or_default();
        #[cfg(not(feature = "ssr"))]
        let listed = String::new();
        let named = |key: &str, fallback: &str| {
            listed
                .lines()
                .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
                .unwrap_or(fallback)
                .trim()
                .to_owned()
        };
        (
            named("runtime", "scorm-again.js"),
            named("player", "scorm-player.js"),
        )
    })
}

/// The package of module `module_id`, run in a frame of Bina's own origin (a SCORM 1.2
/// package looks for its runtime, `window.API`, in the windows around it).
#[component]
pub fn ScormPlayer(program_id: i64, module_id: i64) -> impl IntoView {
    let launch = Resource::new(
        move || (program_id, module_id),
        |(p, m)| get_scorm_launch(p, m),
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(launch.await, move |l| view! { <Player l program_id module_id /> })
            })}
        </Suspense>
    }
}

#[component]
fn Player(l: ScormLaunch, program_id: i64, module_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let (runtime, player) = script_names();
    let state = serde_json_state(&l);
    let score = l
        .score
        .map(|s| format!(" · {} {s}", t_string!(i18n, scorm.score)))
        .unwrap_or_default();
    view! {
        <section class="card scorm" aria-labelledby="scorm-judul">
            <h2 id="scorm-judul">{t!(i18n, scorm.title)}</h2>
            {if l.learner {
                view! { <p class="muted">{t!(i18n, scorm.last_status)} " " <strong>{status_label(i18n, &l.status)}</strong> {score}</p> }.into_any()
            } else {
                view! { <p class="muted">{t!(i18n, scorm.preview_only)}</p> }.into_any()
            }}
            <div
                id="scorm-pemutar"
                data-launch=l.launch_url
                data-commit="/api/belajar-scorm-lapor"
                data-program=program_id
                data-module=module_id
                data-learner=if l.learner { "1" } else { "0" }
                data-state=state
                data-saved=t_string!(i18n, scorm.saved)
                data-finished=t_string!(i18n, scorm.finished)
                data-failed=t_string!(i18n, scorm.not_saved)
            >
                <p class="scorm-status" role="status" aria-live="polite"></p>
                <iframe class="scorm-frame" title=t_string!(i18n, scorm.frame_title)></iframe>
            </div>
            <noscript><p class="alert alert-error">{t!(i18n, scorm.needs_javascript)}</p></noscript>
            <script src=format!("/pkg/{runtime}") defer></script>
            <script src=format!("/pkg/{player}") defer></script>
        </section>
    }
}

/// What the runtime starts from, as `player.js` reads it from the page.
fn serde_json_state(l: &ScormLaunch) -> String {
    #[cfg(feature = "ssr")]
    {
        serde_json::json!({
            "student_id": l.student_id,
            "student_name": l.student_name,
            "status": l.status,
            "score": l.score.map(|s| s.to_string()).unwrap_or_default(),
            "location": l.location,
            "suspend_data": l.suspend_data,
        })
        .to_string()
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = l;
        String::new()
    }
}

/// The editor's packages: the upload form and the course's packages. After an upload the
/// editor comes back with the new package chosen in the draft form.
#[component]
pub fn CoursePackages(program_id: i64, module_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let packages = Resource::new(move || program_id, get_course_packages);
    view! {
        <section class="card" aria-labelledby="paket" id="paket-bagian">
            <h2 id="paket">{t!(i18n, scorm.packages_title)}</h2>
            <p class="muted">{t!(i18n, scorm.packages_intro)}</p>
            <BusyForm
                action="/api/belajar-scorm".to_owned()
                multipart=true
                submit_label=t_string!(i18n, scorm.upload).to_owned()
                busy_label=t_string!(i18n, ledger.uploading).to_owned()
            >
                <input type="hidden" name="program_id" value=program_id />
                <input type="hidden" name="module_id" value=module_id />
                <FormKey />
                <Field id="isi-paket" label=move || t!(i18n, scorm.choose) hint=move || t!(i18n, scorm.choose_hint, mb = MAX_PACKAGE_BYTES / (1024 * 1024))>
                    <input id="isi-paket" name="paket" type="file" accept=".zip,application/zip" aria-describedby="isi-paket-hint" required />
                </Field>
            </BusyForm>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move { page_or_error(packages.await, |list| view! { <PackageList list /> }) })}
            </Suspense>
        </section>
    }
}

#[component]
fn PackageList(list: Vec<PackageView>) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p class="empty">{t!(i18n, scorm.packages_empty)}</p> }.into_any();
    }
    view! {
        <ul class="file-list">
            {list.into_iter().map(|p| view! {
                <li>
                    {p.title} " " <small class="muted">{t!(i18n, scorm.files, n = p.files)} " · " {p.size} " · " {p.uploaded_at}</small>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The package a module's draft shows, chosen in its form (`module[package]`).
#[component]
pub fn PackageChoice(program_id: i64, selected: Option<i64>) -> impl IntoView {
    let i18n = use_i18n();
    let packages = Resource::new(move || program_id, get_course_packages);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let list = packages.await.unwrap_or_default();
                view! {
                    <Field id="paket-modul" label=move || t!(i18n, scorm.module_package) hint=move || t!(i18n, scorm.module_package_hint)>
                        <select id="paket-modul" name="module[package]" aria-describedby="paket-modul-hint">
                            <option value="" selected=selected.is_none()>{t!(i18n, scorm.no_package)}</option>
                            {list.into_iter().map(|p| view! {
                                <option value=p.id selected=selected == Some(p.id)>{p.title} " (" {p.uploaded_at} ")"</option>
                            }).collect_view()}
                        </select>
                    </Field>
                }
            })}
        </Suspense>
    }
}
