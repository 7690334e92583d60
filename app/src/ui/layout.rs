//! The frame of every page: skip link, header with navigation by role, language switch,
//! and the main landmark.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_location};

use super::use_session;
use crate::{
    auth::{CurrentUser, Permission, can, ui::LogoutButton},
    i18n::*,
};

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let nav = move || {
        Suspend::new(async move {
            let user = session.user.await.ok().flatten();
            user.map(|user| view! { <MainNav user /> })
        })
    };
    view! {
        <a class="skip-link" href="#main">
            {t!(i18n, skip_to_content)}
        </a>
        <header class="site-header">
            <div class="bar">
                <A href="/" attr:class="brand">
                    <span aria-hidden="true" class="logo">
                        "B"
                    </span>
                    <span>{t!(i18n, app_name)}</span>
                </A>
                <LanguageSwitch />
            </div>
            <Transition>{nav}</Transition>
        </header>
        <main id="main" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <p>{t!(i18n, app_tagline)} " · BKPSDMD Kota Palu"</p>
        </footer>
    }
}

#[component]
fn MainNav(user: CurrentUser) -> impl IntoView {
    let i18n = use_i18n();
    let show_team = can(&user, Permission::ViewTeam);
    let show_staff = user.roles.admin || user.roles.pengelola_opd.is_some();
    let show_verify = show_staff;
    let show_admin = can(&user, Permission::Administer);
    let show_mentor_desk = can(&user, Permission::ActAsMentor);
    view! {
        <nav aria-label=move || t_string!(i18n, nav.label).to_string() class="main-nav">
            <ul>
                <li>
                    <A href="/" exact=true>
                        {t!(i18n, nav.home)}
                    </A>
                </li>
                <li>
                    <A href="/kompetensi">{t!(i18n, nav.competency)}</A>
                </li>
                <li>
                    <A href="/rencana">{t!(i18n, nav.plan)}</A>
                </li>
                <li>
                    <A href="/jp">{t!(i18n, nav.ledger)}</A>
                </li>
                <li>
                    <A href="/katalog">{t!(i18n, nav.catalog)}</A>
                </li>
                <li>
                    <A href="/mentoring" exact=true>{t!(i18n, nav.mentoring)}</A>
                </li>
                <Show when=move || show_mentor_desk>
                    <li>
                        <A href="/mentoring/permintaan">{t!(i18n, nav.mentor_desk)}</A>
                    </li>
                </Show>
                <Show when=move || show_team>
                    <li>
                        <A href="/tim">{t!(i18n, nav.team)}</A>
                    </li>
                    <li>
                        <A href="/persetujuan">{t!(i18n, nav.approval)}</A>
                    </li>
                </Show>
                <Show when=move || show_staff>
                    <li>
                        <A href="/pegawai">{t!(i18n, nav.staff)}</A>
                    </li>
                </Show>
                <Show when=move || show_verify>
                    <li>
                        <A href="/verifikasi">{t!(i18n, nav.verify)}</A>
                    </li>
                    <li>
                        <A href="/dasbor">{t!(i18n, nav.dashboard)}</A>
                    </li>
                </Show>
                <li>
                    <A href="/notifikasi">{t!(i18n, nav.notifications)}</A>
                </li>
                <Show when=move || show_admin>
                    <li>
                        <A href="/admin/kompetensi">{t!(i18n, nav.admin)}</A>
                    </li>
                </Show>
                <li>
                    <A href="/akun">{t!(i18n, nav.account)}</A>
                </li>
                <li>
                    <LogoutButton />
                </li>
            </ul>
        </nav>
    }
}

/// Switches between Bahasa Indonesia and English. A plain form post to `/bahasa` (which sets
/// the cookie and comes back) without JavaScript; an instant switch with it.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let target = move || match i18n.get_locale() {
        Locale::id => Locale::en,
        Locale::en => Locale::id,
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        // Switch in place only once the whole page is hydrated: while a lazy page's chunk is
        // still on its way, its text would stay in the old language. Until then the form
        // posts, and the server answers with the page in the new language.
        if page_hydrated() {
            ev.prevent_default();
            i18n.set_locale(target());
        }
    };
    view! {
        <form method="post" action="/bahasa" class="lang-switch" on:submit=on_submit>
            <input type="hidden" name="ke" value=move || target().as_str() />
            <input
                type="hidden"
                name="kembali"
                value=move || {
                    let search = location.search.get();
                    if search.is_empty() {
                        location.pathname.get()
                    } else {
                        format!("{}?{}", location.pathname.get(), search)
                    }
                }
            />
            <button
                type="submit"
                class="link-button"
                lang=move || target().as_str()
                aria-label=move || t_string!(i18n, lang.switch_label).to_string()
            >
                {t!(i18n, lang.switch_to)}
            </button>
        </form>
    }
}

/// Whether the app has finished hydrating this page (see `HYDRATED_ATTRIBUTE`).
fn page_hydrated() -> bool {
    document()
        .document_element()
        .is_some_and(|root| root.has_attribute(crate::HYDRATED_ATTRIBUTE))
}
