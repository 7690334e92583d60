//! The root component, the HTML shell and the route table.

use leptos::prelude::*;
use leptos_meta::{MetaTags, provide_meta_context};
use leptos_router::{
    Lazy, LazyRoute, SsrMode,
    components::{Route, Router, Routes},
    lazy_route, path,
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
                <IdleHydration options needs_app=needs_app() />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Loads the wasm and hydrates the page once the browser is idle. The server-rendered page
/// (its forms work without JavaScript) paints first. Leptos's `HydrationScripts` also puts
/// preload hints for the JS and wasm in the head; on a slow phone link the browser may start
/// that download while the page itself is still loading, which delays the first paint, so
/// Bina sends no hints: nothing is fetched for the app until the page is on screen.
///
/// A page that works as plain HTML (`needs_app` false: login and home) hydrates only when the
/// browser already holds this build's wasm (remembered in localStorage once it has been
/// loaded), so a first visit on a prepaid phone costs HTML and CSS only; the app is fetched
/// when the person first opens a page that needs it. `data-hydrating` on `<html>` says that
/// hydration is on its way (browser tests wait for `data-hydrated` then).
#[component]
fn IdleHydration(options: LeptosOptions, needs_app: bool) -> impl IntoView {
    let BundleNames { js, wasm, .. } = bundle_names(&options);
    let pkg = &options.site_pkg_dir;
    let script = format!(
        "const wasm = '/{pkg}/{wasm}.wasm';\
         let cached = false;\
         try {{ cached = localStorage.getItem('{APP_CACHED_KEY}') === wasm; }} catch (e) {{}}\
         if ({needs_app} || cached) {{\
           document.documentElement.dataset.hydrating = '';\
           const hydrate = () => import('/{pkg}/{js}.js').then((app) =>\
             app.default({{ module_or_path: wasm }}).then(() => {{\
               app.hydrate();\
               try {{ localStorage.setItem('{APP_CACHED_KEY}', wasm); }} catch (e) {{}}\
             }}));\
           if ('requestIdleCallback' in window) {{\
             requestIdleCallback(hydrate, {{ timeout: 2000 }});\
           }} else {{ hydrate(); }}\
         }}"
    );
    view! { <script type="module" nonce=use_nonce()>{script}</script> }
}

/// Set on `<html>` once the app has hydrated the whole page, lazy chunk included.
pub const HYDRATED_ATTRIBUTE: &str = "data-hydrated";

/// The localStorage key under which the browser remembers the wasm it has loaded.
const APP_CACHED_KEY: &str = "bina-app";

/// Pages that do all their work as server-rendered HTML and plain forms, so a first visit
/// needs no wasm: the login page and the home page, the two every person sees first.
#[cfg(feature = "ssr")]
const PLAIN_PAGES: [&str; 2] = ["/", "/masuk"];

/// Whether the page being rendered needs the app in the browser.
fn needs_app() -> bool {
    #[cfg(feature = "ssr")]
    if let Some(req) = use_context::<axum::http::request::Parts>() {
        return !PLAIN_PAGES.contains(&req.uri.path());
    }
    true
}

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

/// Wraps pages as lazy routes: with `cargo leptos build --split` the browser downloads a
/// page's code only when that page is first shown. Login and home stay in the main module:
/// as lazy routes they pushed the code they share with other pages out into hundreds of
/// tiny shared chunks (the plan page then fetched some 240 of them). On the server a lazy
/// route renders like any other.
macro_rules! lazy_routes {
    ($($route:ident => $page:ident),* $(,)?) => {$(
        struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page /> }.into_any()
            }
        }
    )*};
}

lazy_routes! {
    TeamRoute => TeamPage,
    StaffRoute => StaffPage,
    AccountRoute => AccountPage,
    CompetencyRoute => CompetencyPage,
    PlanRoute => PlanPage,
    ApprovalRoute => ApprovalPage,
    LedgerRoute => LedgerPage,
    VerifyRoute => VerifyPage,
    CatalogRoute => CatalogPage,
    FindMentorRoute => FindMentorPage,
    MentorProfileRoute => MentorProfilePage,
    MentorDeskRoute => MentorDeskPage,
    MentorshipRoute => MentorshipPage,
    NotificationsRoute => NotificationsPage,
    DashboardRoute => DashboardPage,
    MentoringDashboardRoute => MentoringDashboardPage,
    DictionaryRoute => DictionaryPage,
    StandardRoute => StandardPage,
    ProgramAdminRoute => ProgramAdminPage,
    BulkMatchRoute => BulkMatchPage,
    DashboardPeopleRoute => DashboardPeoplePage,
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Login and logout live here so that the session resource refetches after either.
    let login = ServerAction::<Login>::new();
    let logout = ServerAction::<Logout>::new();
    let user = Resource::new(
        move || (login.version().get(), logout.version().get()),
        |_| get_current_user(),
    );
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
                        <Route path=path!("/tim") view={Lazy::<TeamRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/pegawai") view={Lazy::<StaffRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/akun") view={Lazy::<AccountRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/kompetensi") view={Lazy::<CompetencyRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/rencana") view={Lazy::<PlanRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/persetujuan") view={Lazy::<ApprovalRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/jp") view={Lazy::<LedgerRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/verifikasi") view={Lazy::<VerifyRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/katalog") view={Lazy::<CatalogRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/mentoring") view={Lazy::<FindMentorRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/mentoring/profil") view={Lazy::<MentorProfileRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/mentoring/permintaan") view={Lazy::<MentorDeskRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/mentoring/bimbingan/:id") view={Lazy::<MentorshipRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/notifikasi") view={Lazy::<NotificationsRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/dasbor") view={Lazy::<DashboardRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/dasbor/mentoring") view={Lazy::<MentoringDashboardRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/admin/kompetensi") view={Lazy::<DictionaryRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/admin/standar") view={Lazy::<StandardRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/admin/katalog") view={Lazy::<ProgramAdminRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/admin/pencocokan") view={Lazy::<BulkMatchRoute>::new()} ssr=SsrMode::Async />
                        <Route
                            path=path!("/dasbor/pegawai")
                            view={Lazy::<DashboardPeopleRoute>::new()}
                            ssr=SsrMode::Async
                        />
                    </Routes>
                </Layout>
            </Router>
        </I18nContextProvider>
    }
}
