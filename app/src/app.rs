//! The root component, the HTML shell and the route table.

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use crate::{
    admin::ui::{DictionaryPage, ProgramAdminPage, StandardPage},
    auth::{
        Login, Logout, get_current_user,
        ui::{AccountPage, LoginPage},
    },
    catalog::ui::CatalogPage,
    competency::ui::CompetencyPage,
    dashboard::ui::{DashboardPage, DashboardPeoplePage},
    home::HomePage,
    i18n::I18nContextProvider,
    jp::ui::{LedgerPage, VerifyPage},
    mentoring::{
        bulk::BulkMatchPage,
        dashboard::MentoringDashboardPage,
        ui::{FindMentorPage, MentorDeskPage, MentorProfilePage, MentorshipPage},
    },
    notify::NotificationsPage,
    org::ui::{StaffPage, TeamPage},
    plan::ui::{ApprovalPage, PlanPage},
    ui::{Layout, NotFound, SessionContext},
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
                <HashedStylesheet options=options.clone() id="leptos" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                // Hydrate when the browser is idle: the server-rendered page (forms work
                // without JavaScript) paints first and the wasm stays off the critical path,
                // which is what decides LCP on a slow phone link.
                <HydrationScripts options defer=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
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
    // Login and logout live here so that the session resource refetches after either.
    let login = ServerAction::<Login>::new();
    let logout = ServerAction::<Logout>::new();
    let user = Resource::new(
        move || (login.version().get(), logout.version().get()),
        |_| get_current_user(),
    );
    // Marks the document once the wasm has taken over: browser tests wait for it so the
    // hydrated project really exercises the enhanced forms, not the plain posts under them.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "");
        }
    });
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
