//! The mentoring dashboard page: figures, access classes, mentors, drill-down lists.

use leptos::prelude::*;
use leptos_router::{
    components::{A, Form},
    hooks::use_query_map,
};

use super::api::*;
use super::model::{Drill, MentoringDashboard, MentoringFilter};
use crate::mentoring::ui::status_text;
use crate::{
    i18n::*,
    ui::{DataTable, Field, Loading, PageTitle, TableName, page_or_error, urlencode},
};

#[component]
pub fn MentoringDashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        let text = |key: &str| q.get(key).filter(|v| !v.is_empty());
        MentoringFilter {
            tahun: text("tahun").and_then(|v| v.parse().ok()),
            opd: text("opd").and_then(|v| v.parse().ok()),
            kompetensi: text("kompetensi").and_then(|v| v.parse().ok()),
            lihat: text("lihat"),
        }
    };
    let data = Resource::new(filter, get_mentoring_dashboard);
    view! {
        <PageTitle text=|i18n| t_string!(i18n, mdash.title) />
        <h1>{t!(i18n, mdash.title)}</h1>
        <p class="muted"><A href="/dasbor">{t!(i18n, mdash.to_planning)}</A></p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(data.await, |d| view! { <MentoringDashboardView d /> })
            })}
        </Suspense>
    }
}

#[component]
fn MentoringDashboardView(d: MentoringDashboard) -> impl IntoView {
    let i18n = use_i18n();
    let f = d.filter.clone();
    let base = f.query();
    let link = move |drill: &Drill| {
        let sep = if base.is_empty() { "" } else { "&" };
        format!(
            "/dasbor/mentoring?{base}{sep}lihat={}",
            urlencode(&drill.code())
        )
    };
    let s = d.summary.clone();
    let scope = d.scope_name.clone();
    let years = [d.year - 1, d.year, d.year + 1];
    let rate = s
        .acceptance_percent
        .map_or("–".to_owned(), |p| format!("{p}%"));
    let median = s
        .median_answer_hours
        .map_or("–".to_owned(), |h| h.to_string());
    let (places_used, places) = (s.places_used, s.places);
    let (mentors, mentors_full) = (s.mentors, s.mentors_full);
    let csv_all = format!("/dasbor/mentoring/unduh?{}", f.query());
    view! {
        <p class="muted">
            {match scope {
                Some(name) => name,
                None => t_string!(i18n, dashboard.city).to_owned(),
            }} " · " {d.year}
        </p>
        <Form method="GET" action="/dasbor/mentoring" attr:class="filters dashboard-filters">
            <Field id="tahun" label=move || t!(i18n, dashboard.year)>
                <select id="tahun" name="tahun">
                    {years.into_iter().map(|y| view! { <option value=y selected=y == d.year>{y}</option> }).collect_view()}
                </select>
            </Field>
            {(!d.opd_choices.is_empty()).then(|| view! {
                <Field id="opd" label=move || t!(i18n, staff.opd)>
                    <select id="opd" name="opd">
                        <option value="">{t!(i18n, dashboard.city)}</option>
                        {d.opd_choices.iter().map(|c| view! { <option value=c.id selected=f.opd == Some(c.id)>{c.name.clone()}</option> }).collect_view()}
                    </select>
                </Field>
            })}
            <Field id="kompetensi" label=move || t!(i18n, mdash.competency)>
                <select id="kompetensi" name="kompetensi">
                    <option value="">{t!(i18n, dashboard.all)}</option>
                    {d.competency_choices.iter().map(|c| view! { <option value=c.id selected=f.kompetensi == Some(c.id)>{format!("{} {}", c.code, c.name)}</option> }).collect_view()}
                </select>
            </Field>
            <button type="submit" class="button">{t!(i18n, staff.show)}</button>
        </Form>
        <section class="card" aria-labelledby="m-permintaan" data-figure="requests">
            <h2 id="m-permintaan">{t!(i18n, mdash.requests, count = s.requests)}</h2>
            <ul class="plain-list">
                {s.by_status.iter().map(|(status, n)| {
                    let status = *status;
                    let href = link(&Drill::Status(status));
                    let n = *n;
                    view! { <li><A href=href>{move || status_text(i18n, status)} ": " {n}</A></li> }
                }).collect_view()}
            </ul>
            <p>{t!(i18n, mdash.acceptance, rate = rate)} " · " {t!(i18n, mdash.median_answer, hours = median)}</p>
            <p><A href=link(&Drill::ActivePairs)>{t!(i18n, mdash.active_pairs, count = s.active_pairs)}</A></p>
        </section>
        <section class="card" aria-labelledby="m-menunggu">
            <h2 id="m-menunggu">{t!(i18n, mdash.waiting)}</h2>
            {if s.waiting.is_empty() {
                view! { <p class="empty">{t!(i18n, mdash.none_waiting)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {s.waiting.clone().into_iter().map(|(code, n)| {
                            let href = link(&Drill::Waiting(code.clone()));
                            view! { <li><A href=href>{code} ": " {n}</A></li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section class="card" aria-labelledby="m-akses">
            <h2 id="m-akses">{t!(i18n, mdash.by_access)}</h2>
            <DataTable name=TableName::Heading("m-akses") head=move || view! {
                <th scope="col">{t!(i18n, dashboard.access)}</th>
                <th scope="col" class="num">{t!(i18n, mdash.requests_col)}</th>
                <th scope="col" class="num">{t!(i18n, mdash.matched_col)}</th>
            }>
                {s.by_access.clone().into_iter().map(|row| {
                    let access = row.access;
                    let href = link(&Drill::Matched(access));
                    view! { <tr>
                        <th scope="row">{move || access.label(i18n)}</th>
                        <td class="num">{row.requests}</td>
                        <td class="num"><A href=href>{row.matched}</A></td>
                    </tr> }
                }).collect_view()}
            </DataTable>
        </section>
        <section class="card" aria-labelledby="m-mentor">
            <h2 id="m-mentor">{t!(i18n, mdash.mentor_load)}</h2>
            <p>{t!(i18n, mdash.load_line, mentors = mentors, full = mentors_full, used = places_used, places = places)}</p>
            {(!d.mentors.is_empty()).then(|| view! {
                <DataTable name=TableName::Heading("m-mentor") head=move || view! {
                    <th scope="col">{t!(i18n, mentoring.mentor)}</th>
                    <th scope="col">{t!(i18n, staff.opd)}</th>
                    <th scope="col" class="num">{t!(i18n, mdash.load_col)}</th>
                }>
                    {d.mentors.iter().map(|m| view! { <tr>
                        <th scope="row">{m.name.clone()}</th>
                        <td>{m.opd.clone()}</td>
                        <td class="num">{format!("{}/{}", m.active, m.capacity)}</td>
                    </tr> }).collect_view()}
                </DataTable>
            })}
        </section>
        <p><a href=csv_all rel="external" download>{t!(i18n, mdash.csv_all)}</a></p>
        {d.drill.map(|(drill, rows)| {
            let sep = if f.query().is_empty() { "" } else { "&" };
            let csv = format!("/dasbor/mentoring/unduh?{}{sep}lihat={}", f.query(), urlencode(&drill.code()));
            view! {
                <section class="card" aria-labelledby="m-daftar">
                    <h2 id="m-daftar">{t!(i18n, mdash.list, count = rows.len())}</h2>
                    <p><a href=csv rel="external" download>{t!(i18n, dashboard.csv)}</a></p>
                    <DataTable name=TableName::Heading("m-daftar") head=move || view! {
                        <th scope="col">{t!(i18n, mentoring.mentee)}</th>
                        <th scope="col">{t!(i18n, mentoring.mentor)}</th>
                        <th scope="col">{t!(i18n, mdash.competency)}</th>
                        <th scope="col">{t!(i18n, mdash.status_col)}</th>
                        <th scope="col">{t!(i18n, mdash.sent_col)}</th>
                    }>
                        {rows.into_iter().map(|r| {
                            let status = r.status;
                            view! { <tr>
                                <th scope="row">{r.mentee_name} <br /><small class="muted">{r.mentee_opd}</small></th>
                                <td>{r.mentor_name}</td>
                                <td>{r.competency_code}</td>
                                <td>{move || status_text(i18n, status)}</td>
                                <td>{r.sent_at}</td>
                            </tr> }
                        }).collect_view()}
                    </DataTable>
                </section>
            }
        })}
    }
}
