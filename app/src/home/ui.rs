//! Beranda, the role-aware home page.

use leptos::prelude::*;
use leptos_i18n::I18nContext;

use super::{api::*, model::*};
use crate::{
    auth::Role,
    i18n::*,
    jp::ui::JpProgressBar,
    org::JenisJabatan,
    ui::{PageTitle, page_or_error},
};

fn role_text(i18n: I18nContext<Locale>, role: Role) -> &'static str {
    match role {
        Role::Pegawai => t_string!(i18n, roles.pegawai),
        Role::Mentor => t_string!(i18n, roles.mentor),
        Role::Atasan => t_string!(i18n, roles.atasan),
        Role::PengelolaOpd => t_string!(i18n, roles.pengelola_opd),
        Role::Admin => t_string!(i18n, roles.admin),
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_home());
    view! {
        <PageTitle text=|i18n| t_string!(i18n, home.title) />
        <Suspense fallback=crate::ui::Loading>
            {move || Suspend::new(async move {
                page_or_error(data.await, |data| view! { <Home data /> })
            })}
        </Suspense>
    }
}

#[component]
fn Home(data: HomeData) -> impl IntoView {
    let i18n = use_i18n();
    let HomeData {
        user,
        team_size,
        staff,
        city,
        jp_target,
        jp_minutes,
        progress,
    } = data;
    let name = user.name.clone();
    let roles = user.roles.list();
    let mentor = user.roles.mentor;
    let access = user.access_class;
    view! {
        <h1>{t!(i18n, home.greeting, name = name.clone())}</h1>
        <div class="grid">
            <section class="card" aria-labelledby="profile-title">
                <h2 id="profile-title">{t!(i18n, home.profile)}</h2>
                <dl class="facts">
                    <dt>{t!(i18n, home.nip)}</dt>
                    <dd class="nip">{user.nip.clone()}</dd>
                    <dt>{t!(i18n, home.jabatan)}</dt>
                    <dd>{user.jabatan.clone()}</dd>
                    <dt>{t!(i18n, home.jenis_jabatan)}</dt>
                    <dd>{JenisJabatan::label(user.jenis_jabatan)}</dd>
                    <dt>{t!(i18n, home.golongan)}</dt>
                    <dd>{user.golongan.clone()}</dd>
                    <dt>{t!(i18n, home.opd)}</dt>
                    <dd>{user.opd_name.clone()}</dd>
                    <dt>{t!(i18n, home.unit)}</dt>
                    <dd>{user.unit_name.clone()}</dd>
                    <dt>{t!(i18n, home.location)}</dt>
                    <dd>
                        {user.location_name.clone()} " "
                        <span class=format!("badge access-{}", access.as_db())>
                            {move || access.label(i18n)}
                        </span>
                    </dd>
                </dl>
                <h3>{t!(i18n, home.roles)}</h3>
                <ul class="roles">
                    {roles
                        .into_iter()
                        .map(|role| view! { <li class="badge">{move || role_text(i18n, role)}</li> })
                        .collect_view()}
                </ul>
            </section>
            <section class="card" aria-labelledby="jp-title">
                <h2 id="jp-title">{t!(i18n, home.jp_title)}</h2>
                <p>
                    {t!(i18n, home.jp_text, target = jp_target, minutes = jp_minutes)}
                </p>
                <JpProgressBar progress />
                <p class="links">
                    <a href="/rencana">{t!(i18n, home.plan_link)}</a>
                    " · "
                    <a href="/jp">{t!(i18n, home.ledger_link)}</a>
                </p>
            </section>
            {(team_size > 0)
                .then(|| {
                    view! {
                        <section class="card role-card" data-role="atasan">
                            <p>
                                {t!(i18n, home.team_card, count = team_size)}
                            </p>
                            <a href="/tim">{t!(i18n, home.team_link)}</a>
                        </section>
                    }
                })}
            {staff
                .map(|s| {
                    view! {
                        <section class="card role-card" data-role="pengelola_opd">
                            <p>
                                {t!(
                                    i18n, home.staff_card, opd = s.opd_name.clone(), count = s.employees, remote = s.remote
                                )}
                            </p>
                            <a href="/pegawai">{t!(i18n, home.staff_link)}</a>
                        </section>
                    }
                })}
            {city
                .map(|c| {
                    view! {
                        <section class="card role-card" data-role="admin">
                            <p>
                                {t!(
                                    i18n, home.city_card, employees = c.employees, opds = c.opds, outside = c.outside_centre_percent
                                )}
                            </p>
                            <a href="/pegawai">{t!(i18n, home.staff_link)}</a>
                        </section>
                    }
                })}
            {mentor
                .then(|| {
                    view! {
                        <section class="card role-card" data-role="mentor">
                            <p>{t!(i18n, home.mentor_card)}</p>
                        </section>
                    }
                })}
        </div>
    }
}
