//! Pages of the org feature: Tim Saya (supervisor) and Pegawai OPD (pengelola OPD, admin).

use super::nip::NipError;
use crate::error::feature::UserMessage;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::{
    components::{A, Form},
    hooks::use_query_map,
};

use super::{EmployeePage, EmployeeRow, get_opd_staff, get_team};
use crate::{
    i18n::*,
    ui::{DataTable, Field, Loading, PageTitle, TableName, page_or_error, urlencode},
};

#[component]
fn EmployeeTable(rows: Vec<EmployeeRow>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DataTable name=TableName::Text(|i18n| t_string!(i18n, table.name)) head=move || view! {
            <th scope="col">{t!(i18n, table.name)}</th>
            <th scope="col">{t!(i18n, table.nip)}</th>
            <th scope="col">{t!(i18n, table.jabatan)}</th>
            <th scope="col">{t!(i18n, table.golongan)}</th>
            <th scope="col">{t!(i18n, table.unit)}</th>
            <th scope="col">{t!(i18n, table.location)}</th>
        }>
            {rows
                .into_iter()
                .map(|row| {
                    let access = row.access_class;
                    view! {
                        <tr>
                            <th scope="row">{row.name}</th>
                            <td class="nip">{row.nip}</td>
                            <td>{row.jabatan}</td>
                            <td>{row.golongan}</td>
                            <td>{row.unit}</td>
                            <td>
                                {row.location} " "
                                <span class=format!("badge access-{}", access.as_db())>
                                    {move || access.label(i18n)}
                                </span>
                            </td>
                        </tr>
                    }
                })
                .collect_view()}
        </DataTable>
    }
}

#[component]
pub fn TeamPage() -> impl IntoView {
    let i18n = use_i18n();
    let team = Resource::new(|| (), |_| get_team());
    view! {
        <PageTitle text=|i18n| t_string!(i18n, team.title) />
        <h1>{t!(i18n, team.title)}</h1>
        <p class="muted">{t!(i18n, team.intro)}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(
                    team.await,
                    |rows| {
                        if rows.is_empty() {
                            view! { <p class="empty">{t!(i18n, team.empty)}</p> }.into_any()
                        } else {
                            view! { <EmployeeTable rows /> }.into_any()
                        }
                    },
                )
            })}
        </Suspense>
    }
}

#[component]
pub fn StaffPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let params = move || {
        let q = query.read();
        (
            q.get("opd").and_then(|v| v.parse::<i64>().ok()),
            q.get("q").unwrap_or_default(),
            q.get("hal")
                .and_then(|v| v.parse::<u32>().ok())
                .unwrap_or(1),
        )
    };
    let staff = Resource::new(params, |(opd, q, page)| get_opd_staff(opd, q, page));
    view! {
        <PageTitle text=|i18n| t_string!(i18n, staff.title) />
        <h1>{t!(i18n, staff.title)}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(staff.await, |page| view! { <StaffList page /> })
            })}
        </Suspense>
    }
}

#[component]
fn StaffList(page: EmployeePage) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let search = query.read_untracked().get("q").unwrap_or_default();
    let pages = ((page.total + i64::from(page.page_size) - 1) / i64::from(page.page_size)).max(1);
    let current = i64::from(page.page);
    let link = {
        let search = search.clone();
        let opd = page.opd_id;
        move |to: i64| format!("/pegawai?opd={opd}&q={}&hal={to}", urlencode(&search))
    };
    let prev = (current > 1).then(|| link(current - 1));
    let next = (current < pages).then(|| link(current + 1));
    let total = page.total;
    let selected = page.opd_id;
    view! {
        <Form method="GET" action="/pegawai" attr:class="filters">
            <Field id="opd" label=move || t!(i18n, staff.opd)>
                <select id="opd" name="opd">
                    {page
                        .opd_choices
                        .into_iter()
                        .map(|c| {
                            view! {
                                <option value=c.id.to_string() selected=c.id == selected>
                                    {c.name}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </Field>
            <Field id="q" label=move || t!(i18n, staff.search)>
                <input id="q" name="q" type="search" value=search />
            </Field>
            <button type="submit" class="button">
                {t!(i18n, staff.show)}
            </button>
        </Form>
        <p aria-live="polite">
            <strong>{page.opd_name}</strong>
            " · "
            {t!(i18n, staff.total, count = total)}
        </p>
        {if page.rows.is_empty() {
            view! { <p class="empty">{t!(i18n, staff.empty)}</p> }.into_any()
        } else {
            view! { <EmployeeTable rows=page.rows /> }.into_any()
        }}
        <nav class="pager" aria-label=move || t_string!(i18n, staff.pager).to_string()>
            {prev.map(|href| view! { <A href=href attr:rel="prev">{t!(i18n, staff.prev)}</A> })}
            <span>{t!(i18n, staff.page, page = current, pages = pages)}</span>
            {next.map(|href| view! { <A href=href attr:rel="next">{t!(i18n, staff.next)}</A> })}
        </nav>
    }
}

impl UserMessage for NipError {
    fn message(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            NipError::Empty => t_string!(i18n, errors.nip_empty),
            NipError::Length => t_string!(i18n, errors.nip_length),
            NipError::NotDigits => t_string!(i18n, errors.nip_not_digits),
            NipError::BirthDate => t_string!(i18n, errors.nip_birth_date),
            NipError::AppointmentDate => t_string!(i18n, errors.nip_appointment_date),
            NipError::SexDigit => t_string!(i18n, errors.nip_sex_digit),
            NipError::Sequence => t_string!(i18n, errors.nip_sequence),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::urlencode;

    #[test]
    fn urlencode_escapes_everything_but_unreserved() {
        assert_eq!(urlencode("Andi Lamba"), "Andi%20Lamba");
        assert_eq!(urlencode("a&b=c"), "a%26b%3Dc");
        assert_eq!(urlencode("é"), "%C3%A9");
        assert_eq!(urlencode("x-y_z.~"), "x-y_z.~");
    }
}
