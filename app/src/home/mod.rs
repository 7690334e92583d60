//! Beranda: the role-aware home page.

use leptos::prelude::*;
use leptos_i18n::I18nContext;
use serde::{Deserialize, Serialize};

use crate::{
    auth::{CurrentUser, Role},
    error::AppError,
    i18n::*,
    jp::{JpProgress, ui::JpProgressBar},
    org::JenisJabatan,
    ui::{PageTitle, page_or_error},
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HomeData {
    pub user: CurrentUser,
    pub team_size: i64,
    pub staff: Option<StaffSummary>,
    pub city: Option<CitySummary>,
    pub jp_target: u32,
    pub jp_minutes: u32,
    pub progress: JpProgress,
}

/// What a pengelola OPD sees of their OPD.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffSummary {
    pub opd_name: String,
    pub employees: i64,
    pub remote: i64,
}

/// What an admin sees of the city.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CitySummary {
    pub employees: i64,
    pub opds: i64,
    pub outside_centre_percent: u32,
}

#[server(endpoint = "beranda")]
pub async fn get_home() -> Result<HomeData, AppError> {
    crate::error::respond(queries::home().await)
}

#[cfg(feature = "ssr")]
mod queries {
    use sqlx::Row;

    use super::*;
    use crate::auth::{
        Permission, can,
        queries::{require_user, state},
    };

    pub async fn home() -> Result<HomeData, AppError> {
        let user = require_user().await?;
        let state = state()?;
        let pool = &state.db.pool;
        let team_size: i64 = if user.roles.atasan {
            sqlx::query("SELECT COUNT(*) FROM employee WHERE supervisor_id = $1")
                .bind(user.employee_id)
                .fetch_one(pool)
                .await?
                .get(0)
        } else {
            0
        };
        let staff = match user.roles.pengelola_opd {
            Some(opd_id) => {
                let row = sqlx::query(
                    "SELECT o.name, COUNT(e.id), \
                            COALESCE(SUM(CASE WHEN l.access_class = 'remote' THEN 1 ELSE 0 END), 0) \
                     FROM opd o \
                     LEFT JOIN employee e ON e.opd_id = o.id \
                     LEFT JOIN location l ON l.id = e.location_id \
                     WHERE o.id = $1 GROUP BY o.name",
                )
                .bind(opd_id)
                .fetch_one(pool)
                .await?;
                Some(StaffSummary {
                    opd_name: row.get(0),
                    employees: row.get(1),
                    remote: row.get(2),
                })
            }
            None => None,
        };
        let city = if can(&user, Permission::ViewCity) {
            let row = sqlx::query(
                "SELECT COUNT(e.id), \
                        COALESCE(SUM(CASE WHEN l.access_class <> 'urban' THEN 1 ELSE 0 END), 0), \
                        (SELECT COUNT(*) FROM opd) \
                 FROM employee e JOIN location l ON l.id = e.location_id",
            )
            .fetch_one(pool)
            .await?;
            let employees: i64 = row.get(0);
            Some(CitySummary {
                employees,
                opds: row.get(2),
                outside_centre_percent: crate::ui::percent(row.get(1), employees),
            })
        } else {
            None
        };
        let progress = crate::jp::queries::progress(
            &state.db,
            user.employee_id,
            crate::calendar::this_year(crate::db::unix_now()),
            state.settings.jp_yearly_target,
        )
        .await?;
        Ok(HomeData {
            progress,
            user,
            team_size,
            staff,
            city,
            jp_target: state.settings.jp_yearly_target,
            jp_minutes: state.settings.jp_minutes,
        })
    }
}

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
