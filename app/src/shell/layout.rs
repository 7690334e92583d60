//! The frame of every page: skip link, header with navigation by role, language switch,
//! and the main landmark.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::{
    auth::{CurrentUser, Permission, Scope, can, ui::LogoutButton, use_session},
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
                <a href="/" class="brand">
                    <span aria-hidden="true" class="logo">
                        "B"
                    </span>
                    <span>{t!(i18n, app_name)}</span>
                </a>
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
    let show_staff = Scope::managed(&user).is_some();
    let show_verify = show_staff;
    let show_admin = can(&user, Permission::Administer);
    let show_mentor_desk = can(&user, Permission::ActAsMentor);
    view! {
        <nav aria-label=move || t_string!(i18n, nav.label).to_string() class="main-nav">
            <ul>
                <NavLink href="/" exact=true>
                    {t!(i18n, nav.home)}
                </NavLink>
                <NavLink href="/kompetensi">{t!(i18n, nav.competency)}</NavLink>
                <NavLink href="/rencana">{t!(i18n, nav.plan)}</NavLink>
                <NavLink href="/jp">{t!(i18n, nav.ledger)}</NavLink>
                <NavLink href="/belajar">{t!(i18n, nav.learning)}</NavLink>
                <NavLink href="/katalog">{t!(i18n, nav.catalog)}</NavLink>
                <NavLink href="/mentoring" exact=true>
                    {t!(i18n, nav.mentoring)}
                </NavLink>
                {show_mentor_desk
                    .then(|| {
                        view! {
                            <NavLink href="/mentoring/permintaan">
                                {t!(i18n, nav.mentor_desk)}
                            </NavLink>
                        }
                    })}
                {show_team
                    .then(|| {
                        view! {
                            <NavLink href="/tim">{t!(i18n, nav.team)}</NavLink>
                            <NavLink href="/persetujuan">{t!(i18n, nav.approval)}</NavLink>
                        }
                    })}
                {show_staff
                    .then(|| view! { <NavLink href="/pegawai">{t!(i18n, nav.staff)}</NavLink> })}
                {show_verify
                    .then(|| {
                        view! {
                            <NavLink href="/verifikasi">{t!(i18n, nav.verify)}</NavLink>
                            <NavLink href="/belajar/pendaftaran">{t!(i18n, nav.applications)}</NavLink>
                            <NavLink href="/dasbor">{t!(i18n, nav.dashboard)}</NavLink>
                        }
                    })}
                <NavLink href="/notifikasi">{t!(i18n, nav.notifications)}</NavLink>
                {show_admin
                    .then(|| {
                        view! {
                            <NavLink href="/admin/kompetensi">{t!(i18n, nav.admin)}</NavLink>
                        }
                    })}
                <NavLink href="/akun">{t!(i18n, nav.account)}</NavLink>
                <li>
                    <LogoutButton />
                </li>
            </ul>
        </nav>
    }
}

/// One entry of the navigation, marked `aria-current="page"` while its page is shown. A
/// plain anchor, whose clicks the router handles like those of its `<A>`: the navigation
/// needs none of `<A>`'s relative-path resolution, and a page renders a dozen of these.
#[component]
fn NavLink(href: &'static str, #[prop(optional)] exact: bool, children: Children) -> impl IntoView {
    let pathname = use_location().pathname;
    let current = move || is_current(&pathname.read(), href, exact).then_some("page");
    view! {
        <li>
            <a href=href aria-current=current>
                {children()}
            </a>
        </li>
    }
}

/// Whether `path` shows the page of the link `href`: the same path, or (unless `exact`) a
/// path below it.
fn is_current(path: &str, href: &str, exact: bool) -> bool {
    let path = path.trim_end_matches('/');
    let href = href.trim_end_matches('/');
    path == href
        || (!exact
            && path
                .strip_prefix(href)
                .is_some_and(|rest| rest.starts_with('/')))
}

/// Switches between Bahasa Indonesia and English: a plain form post to `/bahasa`, which sets
/// the cookie and sends the browser back to this page, rendered in the other language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let target = match i18n.get_locale_untracked() {
        Locale::id => Locale::en,
        Locale::en => Locale::id,
    };
    let search = location.search.get_untracked();
    let back = if search.is_empty() {
        location.pathname.get_untracked()
    } else {
        format!("{}?{search}", location.pathname.get_untracked())
    };
    view! {
        <form method="post" action="/bahasa" class="lang-switch">
            <input type="hidden" name="ke" value=target.as_str() />
            <input type="hidden" name="kembali" value=back />
            <button
                type="submit"
                class="link-button"
                lang=target.as_str()
                aria-label=t_string!(i18n, lang.switch_label)
            >
                {t!(i18n, lang.switch_to)}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::is_current;

    #[test]
    fn a_link_is_current_on_its_page_and_below_unless_exact() {
        assert!(is_current("/", "/", true));
        assert!(!is_current("/rencana", "/", true));
        assert!(is_current("/rencana", "/rencana", false));
        assert!(is_current("/rencana/", "/rencana", false));
        assert!(is_current("/mentoring/bimbingan/3", "/mentoring", false));
        assert!(!is_current("/mentoring/bimbingan/3", "/mentoring", true));
        assert!(
            !is_current("/jpx", "/jp", false),
            "a longer name is another page"
        );
        assert!(!is_current("/jp", "/rencana", false));
    }
}
