//! Admin pages: the dictionary (add, edit, retire, delete when unused), the standards of a
//! position, and adding programs to the catalog. Plain HTML forms.

use super::AdminError;
use crate::error::feature::UserMessage;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::{
    components::{A, Form},
    hooks::use_query_map,
};

use super::{
    CompetencyEntry, SaveCompetency, SaveProgram, SaveStandard, SetCompetencyState, get_dictionary,
    get_standard,
};
use crate::{
    catalog::ProgramMode,
    competency::{CompetencyKind, ui::kind_text},
    i18n::*,
    jp::{DevPath, ui::path_text},
    ui::{
        DataTable, ErrorMessage, Field, FormKey, Loading, PageTitle, TableName, page_or_error,
        posted_error, posted_flag,
    },
};

#[component]
pub fn DictionaryPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveCompetency>::new();
    let set_state = ServerAction::<SetCompetencyState>::new();
    let list = Resource::new(|| (), |_| get_dictionary());
    let query = use_query_map();
    let editing = move || {
        query
            .read()
            .get("ubah")
            .and_then(|id| id.parse::<i64>().ok())
    };
    let error = posted_error();
    view! {
        <PageTitle text=|i18n| t_string!(i18n, admin.dictionary_title) />
        <h1>{t!(i18n, admin.dictionary_title)}</h1>
        <p class="muted">
            <A href="/admin/standar">{t!(i18n, admin.standard_title)}</A> " · "
            <A href="/admin/katalog">{t!(i18n, admin.program_title)}</A> " · "
            <A href="/admin/pencocokan">{t!(i18n, bulk.title)}</A> " · "
            <A href="/admin/sertifikat">{t!(i18n, certificate.admin_title)}</A>
        </p>
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(
                    list.await,
                    move |list| {
                        let current = editing().and_then(|id| list.iter().find(|c| c.id == id).cloned());
                        view! {
                            <CompetencyForm current save />
                            <DictionaryTable list set_state />
                        }
                    },
                )
            })}
        </Suspense>
    }
}

#[component]
fn CompetencyForm(
    current: Option<CompetencyEntry>,
    save: ServerAction<SaveCompetency>,
) -> impl IntoView {
    let i18n = use_i18n();
    let value = |f: fn(&CompetencyEntry) -> String| current.as_ref().map(f).unwrap_or_default();
    let (id, code, name) = (
        value(|c| c.id.to_string()),
        value(|c| c.code.clone()),
        value(|c| c.name.clone()),
    );
    let description = value(|c| c.description.clone());
    let indicators = value(|c| c.indicators.clone());
    let kind = current.as_ref().map_or(CompetencyKind::Teknis, |c| c.kind);
    view! {
        <section class="card" aria-labelledby="competency-form-title">
            <h2 id="competency-form-title">
                {if current.is_some() { t_string!(i18n, admin.edit) } else { t_string!(i18n, admin.add) }}
            </h2>
            <ActionForm action=save attr:class="form">
                <input type="hidden" name="id" value=id />
                <div class="field-row">
                    <Field id="code" label=move || t!(i18n, admin.code)>
                        <input id="code" name="code" required maxlength="16" value=code />
                    </Field>
                    <Field id="kind" label=move || t!(i18n, competency.kind)>
                        <select id="kind" name="kind">
                            {[CompetencyKind::Teknis, CompetencyKind::Manajerial, CompetencyKind::SosialKultural]
                                .into_iter()
                                .map(|k| view! { <option value=k.as_db() selected=k == kind>{kind_text(i18n, k)}</option> })
                                .collect_view()}
                        </select>
                    </Field>
                </div>
                <Field id="name" label=move || t!(i18n, admin.name)>
                    <input id="name" name="name" required maxlength="120" value=name />
                </Field>
                <Field id="description" label=move || t!(i18n, admin.description)>
                    <textarea id="description" name="description" rows="2" maxlength="500">{description}</textarea>
                </Field>
                <Field id="indicators" label=move || t!(i18n, admin.indicators) hint=move || t!(i18n, admin.indicators_hint)>
                    <textarea id="indicators" name="indicators" rows="5" required aria-describedby="indicators-hint">{indicators}</textarea>
                </Field>
                <button type="submit" class="button primary">{t!(i18n, admin.save)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn DictionaryTable(
    list: Vec<CompetencyEntry>,
    set_state: ServerAction<SetCompetencyState>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DataTable name=TableName::Text(|i18n| t_string!(i18n, admin.dictionary_title)) head=move || view! {
            <th scope="col">{t!(i18n, competency.competency)}</th>
            <th scope="col">{t!(i18n, competency.kind)}</th>
            <th scope="col">{t!(i18n, ledger.status)}</th>
            <th scope="col">{t!(i18n, admin.actions)}</th>
        }>
            {list
                .into_iter()
                .map(|c| {
                    let kind = c.kind;
                    let id = c.id;
                    view! {
                        <tr data-code=c.code.clone()>
                            <th scope="row"><span class="code">{c.code.clone()}</span> " " {c.name.clone()}</th>
                            <td>{move || kind_text(i18n, kind)}</td>
                            <td>
                                {if c.retired { t_string!(i18n, admin.retired) } else { t_string!(i18n, admin.active) }}
                                {c.in_use.then(|| view! { <br /><small class="muted">{t!(i18n, admin.in_use)}</small> })}
                            </td>
                            <td class="row-actions">
                                <A href=format!("/admin/kompetensi?ubah={id}")>{t!(i18n, admin.edit)}</A>
                                <ActionForm action=set_state>
                                    <input type="hidden" name="id" value=id />
                                    <input type="hidden" name="pensiun" value=if c.retired { "0" } else { "1" } />
                                    <button type="submit" class="link-button">
                                        {if c.retired { t_string!(i18n, admin.restore) } else { t_string!(i18n, admin.retire) }}
                                    </button>
                                </ActionForm>
                                {(!c.in_use).then(|| view! {
                                    <ActionForm action=set_state>
                                        <input type="hidden" name="id" value=id />
                                        <input type="hidden" name="pensiun" value="hapus" />
                                        <button type="submit" class="link-button">{t!(i18n, admin.delete)}</button>
                                    </ActionForm>
                                })}
                            </td>
                        </tr>
                    }
                })
                .collect_view()}
        </DataTable>
    }
}

#[component]
pub fn StandardPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let jabatan = move || query.read().get("jabatan").filter(|j| !j.is_empty());
    let save = ServerAction::<SaveStandard>::new();
    let page = Resource::new(jabatan, get_standard);
    let error = posted_error();
    view! {
        <PageTitle text=|i18n| t_string!(i18n, admin.standard_title) />
        <h1>{t!(i18n, admin.standard_title)}</h1>
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(
                    page.await,
                    move |p| {
                        let chosen = p.jabatan.clone().unwrap_or_default();
                        view! {
                            <Form method="GET" action="/admin/standar" attr:class="filters">
                                <Field id="jabatan" label=move || t!(i18n, table.jabatan)>
                                    <select id="jabatan" name="jabatan">
                                        {p.positions
                                            .iter()
                                            .map(|j| view! { <option value=j.clone() selected=*j == chosen>{j.clone()}</option> })
                                            .collect_view()}
                                    </select>
                                </Field>
                                <button type="submit" class="button">{t!(i18n, staff.show)}</button>
                            </Form>
                            {p.jabatan.clone().map(|j| view! { <StandardTable jabatan=j levels=p.levels.clone() save /> })}
                        }
                    },
                )
            })}
        </Suspense>
    }
}

#[component]
fn StandardTable(
    jabatan: String,
    levels: Vec<(CompetencyEntry, Option<u8>)>,
    save: ServerAction<SaveStandard>,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = jabatan.clone();
    view! {
        <DataTable name=TableName::Data(label) head=move || view! {
            <th scope="col">{t!(i18n, competency.competency)}</th>
            <th scope="col">{t!(i18n, competency.required)}</th>
        }>
            {levels
                .into_iter()
                .map(|(c, level)| {
                    let select_id = format!("tingkat-{}", c.id);
                    let jabatan = jabatan.clone();
                    let label_for = select_id.clone();
                    view! {
                        <tr>
                            <th scope="row"><label for=label_for><span class="code">{c.code.clone()}</span> " " {c.name.clone()}</label></th>
                            <td>
                                <ActionForm action=save attr:class="inline-form">
                                    <input type="hidden" name="jabatan" value=jabatan />
                                    <input type="hidden" name="competency_id" value=c.id />
                                    <select id=select_id name="tingkat">
                                        <option value="" selected=level.is_none()>{t!(i18n, admin.not_required)}</option>
                                        {(1..=5u8).map(|l| view! { <option value=l selected=level == Some(l)>{l}</option> }).collect_view()}
                                    </select>
                                    <button type="submit" class="button">{t!(i18n, admin.save)}</button>
                                </ActionForm>
                            </td>
                        </tr>
                    }
                })
                .collect_view()}
        </DataTable>
    }
}

#[component]
pub fn ProgramAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveProgram>::new();
    let list = Resource::new(|| (), |_| get_dictionary());
    let error = posted_error();
    let saved = posted_flag("tersimpan");
    view! {
        <PageTitle text=|i18n| t_string!(i18n, admin.program_title) />
        <h1>{t!(i18n, admin.program_title)}</h1>
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        <Show when=saved>
            <p class="alert alert-ok" role="status">{t!(i18n, admin.program_saved)}</p>
        </Show>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(
                    list.await,
                    move |list| {
                        view! {
                            <ActionForm action=save attr:class="form card">
                                <FormKey />
                                <Field id="title" label=move || t!(i18n, catalog.program)>
                                    <input id="title" name="program[title]" required maxlength="200" />
                                </Field>
                                <Field id="competency_id" label=move || t!(i18n, competency.competency)>
                                    <select id="competency_id" name="program[competency_id]">
                                        {list.into_iter().filter(|c| !c.retired).map(|c| view! { <option value=c.id>{format!("{} {}", c.code, c.name)}</option> }).collect_view()}
                                    </select>
                                </Field>
                                <div class="field-row">
                                    <Field id="path" label=move || t!(i18n, plan.path)>
                                        <select id="path" name="program[path]">
                                            {DevPath::ALL.iter().map(|&p| view! { <option value=p.code()>{path_text(i18n, p)}</option> }).collect_view()}
                                        </select>
                                    </Field>
                                    <Field id="mode" label=move || t!(i18n, catalog.mode)>
                                        <select id="mode" name="program[mode]">
                                            {[ProgramMode::Classroom, ProgramMode::Online, ProgramMode::Blended]
                                                .into_iter()
                                                .map(|m| view! { <option value=m.as_db()>{m.label(i18n)}</option> })
                                                .collect_view()}
                                        </select>
                                    </Field>
                                </div>
                                <div class="field-row">
                                    <div class="field">
                                        <label for="jp">"JP"</label>
                                        <input id="jp" name="program[jp]" type="number" min="1" max="400" required />
                                    </div>
                                    <Field id="organiser" label=move || t!(i18n, ledger.organiser)>
                                        <input id="organiser" name="program[organiser]" required maxlength="200" />
                                    </Field>
                                </div>
                                <div class="field-row">
                                    <Field id="starts_on" label=move || t!(i18n, ledger.starts_on)>
                                        <input id="starts_on" name="program[starts_on]" type="date" required />
                                    </Field>
                                    <Field id="ends_on" label=move || t!(i18n, ledger.ends_on)>
                                        <input id="ends_on" name="program[ends_on]" type="date" required />
                                    </Field>
                                </div>
                                <Field id="place" label=move || t!(i18n, admin.place)>
                                    <input id="place" name="program[place]" required maxlength="200" />
                                </Field>
                                <button type="submit" class="button primary">{t!(i18n, admin.save)}</button>
                            </ActionForm>
                        }
                    },
                )
            })}
        </Suspense>
    }
}

impl UserMessage for AdminError {
    fn message(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            AdminError::UnreadableText => t_string!(i18n, errors.text_unreadable),
            AdminError::CodeInvalid => t_string!(i18n, errors.admin_code_invalid),
            AdminError::CodeTaken => t_string!(i18n, errors.admin_code_taken),
            AdminError::KindInvalid => t_string!(i18n, errors.admin_kind_invalid),
            AdminError::NameInvalid => t_string!(i18n, errors.admin_name_invalid),
            AdminError::DescriptionTooLong => t_string!(i18n, errors.admin_description_too_long),
            AdminError::IndicatorsInvalid => t_string!(i18n, errors.admin_indicators_invalid),
            AdminError::InUse => t_string!(i18n, errors.admin_in_use),
            AdminError::LevelInvalid => t_string!(i18n, errors.admin_level_invalid),
            AdminError::JabatanUnknown => t_string!(i18n, errors.admin_jabatan_unknown),
            AdminError::ProgramInvalid => t_string!(i18n, errors.admin_program_invalid),
            AdminError::DatesInvalid => t_string!(i18n, errors.admin_dates_invalid),
        }
    }
}
