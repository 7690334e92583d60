//! The root component, the HTML shell and the route table.

use leptos::prelude::*;
use leptos_meta::{MetaTags, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use crate::{
    admin::ui::{DictionaryPage, ProgramAdminPage, StandardPage},
    auth::{
        Login, Logout, SessionContext, get_current_user,
        ui::{AccountPage, LoginPage},
    },
    catalog::ui::CatalogPage,
    competency::ui::CompetencyPage,
    dashboard::ui::{DashboardPage, DashboardPeoplePage},
    home::ui::HomePage,
    i18n::I18nContextProvider,
    jp::ui::{LedgerPage, VerifyPage},
    learning::{
        certificate::ui::{CertificatesPage, VerificationPage},
        course::ui::ManagePage,
        enrolment::ui::{ApplicationsPage, CoursePage, MyLearningPage},
        module::ui::{ModuleEditorPage, ModulePage},
        quiz::ui::{AttemptPage, BankPage, ImportPage},
    },
    mentoring::{
        bulk::ui::BulkMatchPage,
        mentorship::ui::MentorshipPage,
        profile::ui::MentorProfilePage,
        report::ui::MentoringDashboardPage,
        request::ui::{FindMentorPage, MentorDeskPage},
    },
    notify::ui::NotificationsPage,
    org::ui::{StaffPage, TeamPage},
    plan::ui::{ApprovalPage, PlanPage},
    shell::Layout,
    ui::NotFound,
};

/// The document around the app. On the server it also sets the Content-Security-Policy
/// header with this response's nonce, which Leptos puts on its inline hydration scripts.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    view! {
        <!DOCTYPE html>
        <html lang="id">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#0b5e55" />
                <link id="leptos" rel="stylesheet" href=stylesheet_href(&options) />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <IslandHydration options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Pages are rendered on the server only; the few interactive parts are islands
/// (`#[island]` components, each a `<leptos-island>` element in the page). A page with no
/// island fetches no JavaScript and no wasm at all. A page with islands loads the one small
/// wasm module once the browser is idle and hydrates each island; the page around them, its
/// links and its forms, are plain HTML that work before, without or after the wasm.
///
/// Leptos's `HydrationScripts` would put preload hints in the head of every page (on a slow
/// phone link they compete with the page itself for the first paint) and fetch the app on
/// pages that have no island, so Bina writes its own loader. If the download fails (a flaky
/// link), the page stays a working server-rendered page: `data-hydrating` is taken off
/// again, and the next page opened tries again. `data-hydrated` on `<html>` says the islands
/// are live (browser tests wait for it).
#[component]
fn IslandHydration(options: LeptosOptions) -> impl IntoView {
    // Outside islands nothing is hydrated, so resources need not be serialised into the page.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let BundleNames { js, wasm, .. } = bundle_names(&options);
    let pkg = &options.site_pkg_dir;
    // A module script runs once the document is parsed, so every island is in the DOM.
    let script = format!(
        "const islands = document.querySelectorAll('leptos-island');\
         if (islands.length > 0) {{\
           const root = document.documentElement;\
           root.dataset.hydrating = '';\
           const hydrate = () => import('/{pkg}/{js}.js')\
             .then((app) => app.default({{ module_or_path: '/{pkg}/{wasm}.wasm' }}).then(() => {{\
               app.hydrate();\
               for (const island of islands) app[island.dataset.component]?.(island);\
               root.setAttribute('{HYDRATED_ATTRIBUTE}', '');\
             }}))\
             .catch(() => delete root.dataset.hydrating);\
           if ('requestIdleCallback' in window) {{\
             requestIdleCallback(hydrate, {{ timeout: 2000 }});\
           }} else {{ hydrate(); }}\
         }}"
    );
    view! { <script type="module" nonce=use_nonce()>{script}</script> }
}

/// Set on `<html>` once the islands of the page are hydrated.
pub const HYDRATED_ATTRIBUTE: &str = "data-hydrated";

/// The file names (without extension) of the browser bundle and the stylesheet.
struct BundleNames {
    js: String,
    wasm: String,
    css: String,
}

/// The bundle's file names with the content hashes cargo-leptos put in them (listed in the
/// hash file beside the server binary), read once: every page names them, and leptos_meta's
/// `HashedStylesheet` would read the file from disk on every render.
fn bundle_names(options: &LeptosOptions) -> &'static BundleNames {
    static NAMES: std::sync::OnceLock<BundleNames> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let name = options.output_name.to_string();
        let hashes = std::env::current_exe()
            .ok()
            .filter(|_| options.hash_files)
            .and_then(|exe| std::fs::read_to_string(exe.with_file_name(&*options.hash_file)).ok())
            .unwrap_or_default();
        let hashed = |kind: &str| {
            hashes
                .lines()
                .find_map(|line| {
                    let (file, hash) = line.split_once(':')?;
                    (file.trim() == kind).then(|| format!("{name}.{}", hash.trim()))
                })
                .unwrap_or_else(|| name.clone())
        };
        BundleNames {
            js: hashed("js"),
            wasm: hashed("wasm"),
            css: hashed("css"),
        }
    })
}

fn stylesheet_href(options: &LeptosOptions) -> String {
    format!(
        "/{}/{}.css",
        options.site_pkg_dir,
        bundle_names(options).css
    )
}

#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    use axum::http::{HeaderValue, header::CONTENT_SECURITY_POLICY};
    let (Some(nonce), Some(res)) = (use_nonce(), use_context::<leptos_axum::ResponseOptions>())
    else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        res.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // The person behind the request, and the login and logout forms' server functions.
    let login = ServerAction::<Login>::new();
    let logout = ServerAction::<Logout>::new();
    let user = Resource::new(|| (), |_| get_current_user());
    provide_context(SessionContext {
        user,
        login,
        logout,
    });

    view! {
        <I18nContextProvider>
            <Router>
                <Layout>
                    // Every page waits for its data on the server (SsrMode::Async), so the
                    // whole page arrives as HTML and works before (or without) the wasm.
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                        <Route path=path!("/masuk") view=LoginPage ssr=SsrMode::Async />
                        <Route path=path!("/tim") view=TeamPage ssr=SsrMode::Async />
                        <Route path=path!("/pegawai") view=StaffPage ssr=SsrMode::Async />
                        <Route path=path!("/akun") view=AccountPage ssr=SsrMode::Async />
                        <Route path=path!("/kompetensi") view=CompetencyPage ssr=SsrMode::Async />
                        <Route path=path!("/rencana") view=PlanPage ssr=SsrMode::Async />
                        <Route path=path!("/persetujuan") view=ApprovalPage ssr=SsrMode::Async />
                        <Route path=path!("/jp") view=LedgerPage ssr=SsrMode::Async />
                        <Route path=path!("/verifikasi") view=VerifyPage ssr=SsrMode::Async />
                        <Route path=path!("/katalog") view=CatalogPage ssr=SsrMode::Async />
                        <Route path=path!("/belajar") view=MyLearningPage ssr=SsrMode::Async />
                        <Route path=path!("/belajar/pendaftaran") view=ApplicationsPage ssr=SsrMode::Async />
                        <Route path=path!("/belajar/:program") view=CoursePage ssr=SsrMode::Async />
                        <Route path=path!("/belajar/:program/modul/:module") view=ModulePage ssr=SsrMode::Async />
                        <Route path=path!("/belajar/:program/kelola") view=ManagePage ssr=SsrMode::Async />
                        <Route path=path!("/belajar/:program/kelola/modul/:module") view=ModuleEditorPage ssr=SsrMode::Async />
                        <Route path=path!("/belajar/:program/kelola/soal") view=BankPage ssr=SsrMode::Async />
                        <Route path=path!("/belajar/:program/kelola/soal/impor/:import") view=ImportPage ssr=SsrMode::Async />
                        <Route path=path!("/belajar/:program/tes/:attempt") view=AttemptPage ssr=SsrMode::Async />
                        <Route path=path!("/sertifikat") view=VerificationPage ssr=SsrMode::Async />
                        <Route path=path!("/sertifikat/:kode") view=VerificationPage ssr=SsrMode::Async />
                        <Route path=path!("/mentoring") view=FindMentorPage ssr=SsrMode::Async />
                        <Route path=path!("/mentoring/profil") view=MentorProfilePage ssr=SsrMode::Async />
                        <Route path=path!("/mentoring/permintaan") view=MentorDeskPage ssr=SsrMode::Async />
                        <Route path=path!("/mentoring/bimbingan/:id") view=MentorshipPage ssr=SsrMode::Async />
                        <Route path=path!("/notifikasi") view=NotificationsPage ssr=SsrMode::Async />
                        <Route path=path!("/dasbor") view=DashboardPage ssr=SsrMode::Async />
                        <Route path=path!("/dasbor/mentoring") view=MentoringDashboardPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/kompetensi") view=DictionaryPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/standar") view=StandardPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/katalog") view=ProgramAdminPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/pencocokan") view=BulkMatchPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/sertifikat") view=CertificatesPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/dasbor/pegawai")
                            view=DashboardPeoplePage
                            ssr=SsrMode::Async
                        />
                    </Routes>
                </Layout>
            </Router>
        </I18nContextProvider>
    }
}
