//! Katalog: the year's programs, filterable by competency.

use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

use super::get_catalog;
use crate::{
    i18n::*,
    jp::ui::path_text,
    ui::{DataTable, Field, Loading, PageTitle, TableName, page_or_error},
};

#[component]
pub fn CatalogPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let competency = move || query.read().get("kompetensi").filter(|c| !c.is_empty());
    let programs = Resource::new(competency, get_catalog);
    view! {
        <PageTitle text=|i18n| t_string!(i18n, catalog.title) />
        <h1>{t!(i18n, catalog.title)}</h1>
        <Form method="GET" action="/katalog" attr:class="filters">
            <Field id="kompetensi" label=move || t!(i18n, catalog.filter)>
                <input
                    id="kompetensi"
                    name="kompetensi"
                    type="search"
                    placeholder="M.03, T.KEU.01"
                    value=move || competency().unwrap_or_default()
                />
            </Field>
            <button type="submit" class="button">{t!(i18n, staff.show)}</button>
        </Form>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(
                    programs.await,
                    move |programs| {
                        if programs.is_empty() {
                            return view! { <p class="empty">{t!(i18n, catalog.empty)}</p> }.into_any();
                        }
                        view! {
                            <DataTable name=TableName::Text(|i18n| t_string!(i18n, catalog.title)) head=move || view! {
                                <th scope="col">{t!(i18n, catalog.program)}</th>
                                <th scope="col">{t!(i18n, plan.path)}</th>
                                <th scope="col" class="num">JP</th>
                                <th scope="col">{t!(i18n, catalog.mode)}</th>
                                <th scope="col">{t!(i18n, catalog.when_where)}</th>
                            }>
                                {programs
                                    .into_iter()
                                    .map(|p| {
                                        let (path, mode) = (p.path, p.mode);
                                        view! {
                                            <tr>
                                                <th scope="row">
                                                    {p.title}
                                                    <br />
                                                    <small class="muted"><span class="code">{p.competency_code}</span> " · " {p.organiser}</small>
                                                </th>
                                                <td>{move || path_text(i18n, path)}</td>
                                                <td class="num">{p.jp}</td>
                                                <td>{move || mode.label(i18n)}</td>
                                                <td>{format!("{} – {}", p.starts_on, p.ends_on)} <br /> <small>{p.place}</small></td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </DataTable>
                        }
                            .into_any()
                    },
                )
            })}
        </Suspense>
    }
}
