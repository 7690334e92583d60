//! Dasbor: the planning dashboard and the list of people behind each figure. Filters are a
//! GET form, so every view has a URL that can be shared, bookmarked and opened without
//! JavaScript; every figure links to its people; every table has a CSV download.

use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::{
    components::{A, Form},
    hooks::use_query_map,
};

use super::{
    Dashboard, DashboardFilter, Drill, Figure, Heatmap, JP_BUCKETS, PeoplePage, Summary,
    get_dashboard, get_dashboard_people, tenths,
};
use crate::{
    i18n::*,
    org::{AccessClass, JenisJabatan},
    plan::ui::status_text,
    ui::{DataTable, Field, Loading, PageTitle, TableName, page_or_error},
};

/// The filters in the current URL.
fn filter_from_query() -> impl Fn() -> DashboardFilter + Copy {
    let query = use_query_map();
    move || {
        let q = query.read();
        let text = |key: &str| q.get(key).filter(|v| !v.is_empty());
        DashboardFilter {
            year: text("tahun").and_then(|v| v.parse().ok()),
            opd: text("opd").and_then(|v| v.parse().ok()),
            jenis: text("jenis"),
            access: text("akses"),
        }
    }
}

/// The query string of a filter (without `?`), for links and downloads.
fn filter_query(f: &DashboardFilter) -> String {
    let mut parts = vec![];
    if let Some(y) = f.year {
        parts.push(format!("tahun={y}"));
    }
    if let Some(o) = f.opd {
        parts.push(format!("opd={o}"));
    }
    if let Some(j) = &f.jenis {
        parts.push(format!("jenis={j}"));
    }
    if let Some(a) = &f.access {
        parts.push(format!("akses={a}"));
    }
    parts.join("&")
}

fn drill_label(i18n: I18nContext<Locale>, drill: Drill) -> String {
    match drill {
        Drill::All => t_string!(i18n, dashboard.everyone).to_owned(),
        Drill::Plan(None) => t_string!(i18n, dashboard.no_plan).to_owned(),
        Drill::Plan(Some(s)) => status_text(i18n, s).to_owned(),
        Drill::JpBucket(b) => match JP_BUCKETS[b] {
            (low, Some(high)) if low == high => format!("{low} JP"),
            (low, Some(high)) => format!("{low}–{high} JP"),
            (low, None) => format!("≥ {low} JP"),
        },
        Drill::Reached(true) => t_string!(i18n, dashboard.reached).to_owned(),
        Drill::Reached(false) => t_string!(i18n, dashboard.not_reached).to_owned(),
        Drill::Access(a) => a.label(i18n).to_owned(),
        Drill::Group(g) => format!("#{g}"),
    }
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let filter = filter_from_query();
    let data = Resource::new(filter, get_dashboard);
    view! {
        <PageTitle text=|i18n| t_string!(i18n, dashboard.title) />
        <h1>{t!(i18n, dashboard.title)}</h1>
        <p class="muted">
            <A href="/dasbor/mentoring">{t!(i18n, nav.mentoring_dashboard)}</A>
        </p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(data.await, |d| view! { <DashboardView d /> })
            })}
        </Suspense>
    }
}

#[component]
fn Filters(d: Dashboard) -> impl IntoView {
    let i18n = use_i18n();
    let f = d.filter.clone();
    let years = [d.year - 1, d.year, d.year + 1];
    view! {
        <Form method="GET" action="/dasbor" attr:class="filters dashboard-filters">
            <Field id="tahun" label=move || t!(i18n, dashboard.year)>
                <select id="tahun" name="tahun">
                    {years.into_iter().map(|y| view! { <option value=y selected=y == d.year>{y}</option> }).collect_view()}
                </select>
            </Field>
            {(!d.opd_choices.is_empty())
                .then(|| {
                    view! {
                        <Field id="opd" label=move || t!(i18n, staff.opd)>
                            <select id="opd" name="opd">
                                <option value="">{t!(i18n, dashboard.city)}</option>
                                {d.opd_choices
                                    .iter()
                                    .map(|c| view! { <option value=c.id selected=f.opd == Some(c.id)>{c.name.clone()}</option> })
                                    .collect_view()}
                            </select>
                        </Field>
                    }
                })}
            <Field id="jenis" label=move || t!(i18n, home.jenis_jabatan)>
                <select id="jenis" name="jenis">
                    <option value="">{t!(i18n, dashboard.all)}</option>
                    {JenisJabatan::ALL
                        .into_iter()
                        .map(|j| view! { <option value=j.as_db() selected=f.jenis.as_deref() == Some(j.as_db())>{j.label()}</option> })
                        .collect_view()}
                </select>
            </Field>
            <Field id="akses" label=move || t!(i18n, dashboard.access)>
                <select id="akses" name="akses">
                    <option value="">{t!(i18n, dashboard.all)}</option>
                    {AccessClass::ALL
                        .into_iter()
                        .map(|a| view! { <option value=a.as_db() selected=f.access.as_deref() == Some(a.as_db())>{a.label(i18n)}</option> })
                        .collect_view()}
                </select>
            </Field>
            <button type="submit" class="button">{t!(i18n, staff.show)}</button>
        </Form>
    }
}

#[component]
fn DashboardView(d: Dashboard) -> impl IntoView {
    let i18n = use_i18n();
    let query = filter_query(&d.filter);
    let Summary {
        employees,
        reached,
        plans,
        jp_buckets,
        by_access,
    } = d.summary.clone();
    let share = crate::ui::percent(i64::from(reached), i64::from(employees));
    let scope = d
        .opd_name
        .clone()
        .unwrap_or_else(|| t_string!(i18n, dashboard.city).to_owned());
    let csv_link = {
        let query = query.clone();
        move |table: &str| format!("/dasbor/unduh?tabel={table}&{query}")
    };
    let people = {
        let query = query.clone();
        move |drill: Drill| format!("/dasbor/pegawai?lihat={}&{query}", drill.code())
    };
    let heatmap = d.heatmap.clone();
    let access_people = people.clone();
    view! {
        <Filters d=d.clone() />
        <p class="scope"><strong>{scope}</strong> " · " {t!(i18n, dashboard.employees, count = employees)}</p>
        <div class="grid">
            <section class="card" aria-labelledby="reach-title">
                <h2 id="reach-title">{t!(i18n, dashboard.reach_title, target = d.target)}</h2>
                <p class="big-number" data-figure="reached">{format!("{share}%")}</p>
                <p>
                    <A href=people(Drill::Reached(true))>{t!(i18n, dashboard.reached_count, count = reached)}</A>
                    " · "
                    <A href=people(Drill::Reached(false))>{t!(i18n, dashboard.not_reached)}</A>
                </p>
            </section>
            <BarFigure
                id="plans"
                title=t_string!(i18n, dashboard.plans_title).to_owned()
                figures=plans
                link=people.clone()
            />
            <BarFigure
                id="jp"
                title=t_string!(i18n, dashboard.jp_title).to_owned()
                figures=jp_buckets
                link=people.clone()
            />
        </div>
        <section class="card" aria-labelledby="access-title">
            <h2 id="access-title">{t!(i18n, dashboard.access_title)}</h2>
            <p class="muted">{t!(i18n, dashboard.access_intro)}</p>
            <DataTable name=TableName::Heading("access-title") head=move || view! {
                <th scope="col">{t!(i18n, dashboard.access)}</th>
                <th scope="col" class="num">{t!(i18n, dashboard.people)}</th>
                <th scope="col" class="num">{t!(i18n, dashboard.avg_jp)}</th>
                <th scope="col" class="num">{t!(i18n, dashboard.reached)}</th>
            }>
                {by_access
                    .into_iter()
                    .map(|a| {
                        let access = a.access;
                        view! {
                            <tr data-access=access.as_db()>
                                <th scope="row"><A href=access_people(Drill::Access(access))>{move || access.label(i18n)}</A></th>
                                <td class="num">{a.employees}</td>
                                <td class="num" data-avg-tenths=a.avg_jp_tenths>{tenths(a.avg_jp_tenths)}</td>
                                <td class="num">{a.reached}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </DataTable>
            <p><a href=csv_link("akses") download>{t!(i18n, dashboard.csv)}</a></p>
        </section>
        <HeatmapTable heatmap people=people.clone() />
        <p class="downloads">
            <a href=csv_link("ringkasan") download>{t!(i18n, dashboard.csv_summary)}</a>
            " · "
            <a href=csv_link("peta") download>{t!(i18n, dashboard.csv_heatmap)}</a>
            " · "
            <a href=csv_link("pegawai") download>{t!(i18n, dashboard.csv_people)}</a>
        </p>
    }
}

/// A horizontal bar chart (SVG, attributes only: the CSP forbids inline styles) with a
/// link per bar to the people behind it, and the same figures as a list for screen readers.
#[component]
fn BarFigure(
    id: &'static str,
    title: String,
    figures: Vec<Figure>,
    link: impl Fn(Drill) -> String + Clone + Send + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let max = figures.iter().map(|f| f.count).max().unwrap_or(0).max(1);
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h2 id=title_id>{title}</h2>
            <ul class="bars" data-figure=id>
                {figures
                    .into_iter()
                    .map(|f| {
                        let width = f.count * 100 / max;
                        let label = drill_label(i18n, f.drill);
                        view! {
                            <li>
                                <A href=link(f.drill)>
                                    <span class="bar-label">{label}</span>
                                    <svg viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                                        <rect x="0" y="0" width=width height="8" />
                                    </svg>
                                    <span class="bar-count" data-drill=f.drill.code()>{f.count}</span>
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn HeatmapTable(
    heatmap: Heatmap,
    people: impl Fn(Drill) -> String + Clone + Send + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let Heatmap {
        by_unit,
        competencies,
        rows,
    } = heatmap;
    view! {
        <section class="card" aria-labelledby="heat-title">
            <h2 id="heat-title">
                {if by_unit { t_string!(i18n, dashboard.heat_title_unit) } else { t_string!(i18n, dashboard.heat_title_opd) }}
            </h2>
            <p class="muted">{t!(i18n, dashboard.heat_intro)}</p>
            {if rows.is_empty() {
                view! { <p class="empty">{t!(i18n, dashboard.empty)}</p> }.into_any()
            } else {
                view! {
                    <DataTable name=TableName::Heading("heat-title") class="heatmap" head=move || view! {
                        <th scope="col">{if by_unit { t_string!(i18n, home.unit) } else { t_string!(i18n, home.opd) }}</th>
                        {competencies.iter().map(|c| view! { <th scope="col" class="num code">{c.clone()}</th> }).collect_view()}
                    }>
                        {rows
                            .into_iter()
                            .map(|r| {
                                view! {
                                    <tr>
                                        <th scope="row"><A href=people(Drill::Group(r.group_id))>{r.name.clone()}</A></th>
                                        {r.cells
                                            .iter()
                                            .map(|c| match c {
                                                Some(v) => view! { <td class=format!("num heat-{}", (v / 5).min(4))>{tenths(*v)}</td> }.into_any(),
                                                None => view! { <td class="num muted">"–"</td> }.into_any(),
                                            })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </DataTable>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
pub fn DashboardPeoplePage() -> impl IntoView {
    let i18n = use_i18n();
    let filter = filter_from_query();
    let query = use_query_map();
    let params = move || {
        let q = query.read();
        (
            filter(),
            q.get("lihat").unwrap_or_default(),
            q.get("hal")
                .and_then(|p| p.parse::<usize>().ok())
                .unwrap_or(1),
        )
    };
    let data = Resource::new(params, |(f, lihat, page)| {
        get_dashboard_people(f, lihat, page)
    });
    view! {
        <PageTitle text=|i18n| t_string!(i18n, dashboard.people_title) />
        <h1>{t!(i18n, dashboard.people_title)}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let (f, lihat, _) = params();
                page_or_error(data.await, move |page| view! { <PeopleList page filter=f lihat /> })
            })}
        </Suspense>
    }
}

#[component]
fn PeopleList(page: PeoplePage, filter: DashboardFilter, lihat: String) -> impl IntoView {
    let i18n = use_i18n();
    let drill = Drill::parse(&lihat);
    let query = filter_query(&filter);
    let pages = page.total.div_ceil(super::PEOPLE_PAGE_SIZE).max(1);
    let link = {
        let query = query.clone();
        let code = drill.code();
        move |to: usize| format!("/dasbor/pegawai?lihat={code}&{query}&hal={to}")
    };
    let prev = (page.page > 1).then(|| link(page.page - 1));
    let next = (page.page < pages).then(|| link(page.page + 1));
    view! {
        <p>
            <strong>{drill_label(i18n, drill)}</strong> " · " {t!(i18n, dashboard.employees, count = page.total)} " · "
            <A href=format!("/dasbor?{query}")>{t!(i18n, dashboard.back)}</A> " · "
            <a href=format!("/dasbor/unduh?tabel=pegawai&lihat={}&{query}", drill.code()) download>{t!(i18n, dashboard.csv)}</a>
        </p>
        {if page.people.is_empty() {
            view! { <p class="empty">{t!(i18n, dashboard.empty)}</p> }.into_any()
        } else {
            view! {
                <DataTable name=TableName::Text(|i18n| t_string!(i18n, dashboard.people_title)) head=move || view! {
                    <th scope="col">{t!(i18n, table.name)}</th>
                    <th scope="col">{t!(i18n, table.nip)}</th>
                    <th scope="col">{t!(i18n, home.opd)}</th>
                    <th scope="col">{t!(i18n, dashboard.access)}</th>
                    <th scope="col" class="num">{t!(i18n, dashboard.verified_jp)}</th>
                    <th scope="col">{t!(i18n, dashboard.plan)}</th>
                }>
                    {page
                        .people
                        .into_iter()
                        .map(|p| {
                            let (access, plan) = (p.access, p.plan);
                            view! {
                                <tr>
                                    <th scope="row">{p.name}</th>
                                    <td class="nip">{p.nip}</td>
                                    <td>{p.opd_name} <br /> <small class="muted">{p.unit_name}</small></td>
                                    <td>{move || access.label(i18n)}</td>
                                    <td class="num">{p.verified_jp}</td>
                                    <td>{move || plan.map_or_else(|| t_string!(i18n, dashboard.no_plan), |s| status_text(i18n, s))}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </DataTable>
            }
                .into_any()
        }}
        <nav class="pager" aria-label=move || t_string!(i18n, staff.pager).to_string()>
            {prev.map(|href| view! { <A href=href attr:rel="prev">{t!(i18n, staff.prev)}</A> })}
            <span>{t!(i18n, staff.page, page = page.page, pages = pages)}</span>
            {next.map(|href| view! { <A href=href attr:rel="next">{t!(i18n, staff.next)}</A> })}
        </nav>
    }
}
