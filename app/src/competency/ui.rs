//! "Kompetensi Saya": a server-rendered SVG chart of required vs current levels, the same
//! figures as an accessible table, and suggestions for each gap.

use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::components::A;

use super::{CompetencyKind, GapDetail, MyCompetencies, get_my_competencies};
use crate::{
    i18n::*,
    jp::ui::path_text,
    ui::{DataTable, Loading, PageTitle, TableName, page_or_error},
};

pub fn kind_text(i18n: I18nContext<Locale>, kind: CompetencyKind) -> &'static str {
    match kind {
        CompetencyKind::Manajerial => t_string!(i18n, competency.kind_manajerial),
        CompetencyKind::SosialKultural => t_string!(i18n, competency.kind_sosial_kultural),
        CompetencyKind::Teknis => t_string!(i18n, competency.kind_teknis),
    }
}

#[component]
pub fn CompetencyPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(|| (), |_| get_my_competencies());
    view! {
        <PageTitle text=|i18n| t_string!(i18n, competency.title) />
        <h1>{t!(i18n, competency.title)}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(data.await, |data| view! { <Competencies data /> })
            })}
        </Suspense>
    }
}

#[component]
fn Competencies(data: MyCompetencies) -> impl IntoView {
    let i18n = use_i18n();
    if data.details.is_empty() {
        return view! { <p class="empty">{t!(i18n, competency.empty)}</p> }.into_any();
    }
    let jabatan = data.jabatan.clone();
    let open: Vec<GapDetail> = data
        .details
        .iter()
        .filter(|d| d.gap.gap() > 0)
        .cloned()
        .collect();
    view! {
        <p class="muted">{t!(i18n, competency.intro, jabatan = jabatan.clone())}</p>
        <section class="card" aria-labelledby="chart-title">
            <h2 id="chart-title">{t!(i18n, competency.chart_title)}</h2>
            <GapChart details=data.details.clone() />
            <GapTable details=data.details />
        </section>
        <section aria-labelledby="suggest-title">
            <h2 id="suggest-title">{t!(i18n, competency.suggestions)}</h2>
            {if open.is_empty() {
                view! { <p class="empty">{t!(i18n, competency.no_gaps)}</p> }.into_any()
            } else {
                view! {
                    <ol class="gap-list">
                        {open.into_iter().map(|d| view! { <GapSuggestion detail=d /> }).collect_view()}
                    </ol>
                }
                    .into_any()
            }}
        </section>
    }
    .into_any()
}

const ROW: i32 = 26;
const LABEL: i32 = 78;
const PER_LEVEL: i32 = 48;

/// Horizontal bars: required level as an outline, assessed level filled. Decorative for
/// screen readers, which get the table below with the same figures.
#[component]
fn GapChart(details: Vec<GapDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let height = ROW * details.len() as i32 + 24;
    let width = LABEL + PER_LEVEL * 5 + 8;
    view! {
        <figure class="chart">
            <svg
                viewBox=format!("0 0 {width} {height}")
                role="img"
                aria-labelledby="chart-caption"
                preserveAspectRatio="xMinYMin meet"
            >
                {(0..=5)
                    .map(|level| {
                        let x = LABEL + PER_LEVEL * level;
                        view! {
                            <line class="grid-line" x1=x y1=14 x2=x y2=height />
                            <text class="tick" x=x y=10 text-anchor="middle">
                                {level}
                            </text>
                        }
                    })
                    .collect_view()}
                {details
                    .into_iter()
                    .enumerate()
                    .map(|(i, d)| {
                        let y = 18 + ROW * i as i32;
                        let required = PER_LEVEL * i32::from(d.gap.required);
                        let current = PER_LEVEL * i32::from(d.gap.current.unwrap_or(0));
                        let class = if d.gap.gap() >= 2 {
                            "bar-current big-gap"
                        } else if d.gap.gap() == 1 {
                            "bar-current gap"
                        } else {
                            "bar-current"
                        };
                        view! {
                            <text class="label" x=0 y=y + 14>
                                {d.gap.code.clone()}
                            </text>
                            <rect class=class x=LABEL y=y + 3 width=current height=ROW - 10 />
                            <rect class="bar-required" x=LABEL y=y width=required height=ROW - 4 />
                        }
                    })
                    .collect_view()}
            </svg>
            <figcaption id="chart-caption">{t!(i18n, competency.chart_caption)}</figcaption>
        </figure>
    }
}

#[component]
fn GapTable(details: Vec<GapDetail>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DataTable name=TableName::Heading("chart-title") head=move || view! {
            <th scope="col">{t!(i18n, competency.competency)}</th>
            <th scope="col">{t!(i18n, competency.kind)}</th>
            <th scope="col" class="num">{t!(i18n, competency.required)}</th>
            <th scope="col" class="num">{t!(i18n, competency.current)}</th>
            <th scope="col" class="num">{t!(i18n, competency.gap)}</th>
        }>
            {details
                .into_iter()
                .map(|d| {
                    let kind = d.gap.kind;
                    let gap = d.gap.gap();
                    view! {
                        <tr>
                            <th scope="row">
                                <span class="code">{d.gap.code.clone()}</span>
                                " "
                                {d.gap.name.clone()}
                            </th>
                            <td>{move || kind_text(i18n, kind)}</td>
                            <td class="num">{d.gap.required}</td>
                            <td class="num">
                                {match d.gap.current {
                                    Some(level) => level.to_string().into_any(),
                                    None => view! { <span class="muted">{t!(i18n, competency.not_assessed)}</span> }.into_any(),
                                }}
                            </td>
                            <td class="num" data-gap=gap>
                                {gap}
                            </td>
                        </tr>
                    }
                })
                .collect_view()}
        </DataTable>
    }
}

#[component]
fn GapSuggestion(detail: GapDetail) -> impl IntoView {
    let i18n = use_i18n();
    let GapDetail {
        gap,
        suggested,
        programs,
    } = detail;
    let size = gap.gap();
    view! {
        <li class="card gap-item">
            <h3>
                <span class="code">{gap.code.clone()}</span>
                " "
                {gap.name.clone()}
            </h3>
            <p>{t!(i18n, competency.gap_line, gap = size)}</p>
            <p>
                {t!(i18n, competency.paths)} " "
                {suggested
                    .into_iter()
                    .map(|path| view! { <span class="badge">{move || path_text(i18n, path)}</span> " " })
                    .collect_view()}
            </p>
            {(!programs.is_empty())
                .then(|| {
                    view! {
                        <ul class="programs">
                            {programs
                                .into_iter()
                                .map(|p| {
                                    let mode = p.mode;
                                    view! {
                                        <li>
                                            <strong>{p.title}</strong>
                                            " · "
                                            {t!(i18n, common.jp_count, jp = p.jp)}
                                            " · "
                                            {move || mode.label(i18n)}
                                            " · "
                                            {p.starts_on}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <A href="/rencana">{t!(i18n, competency.to_plan)}</A>
        </li>
    }
}
