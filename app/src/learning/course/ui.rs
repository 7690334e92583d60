//! A course's page for its facilitators and the admin (`/belajar/{program}/kelola`): the
//! admin's settings and facilitators, the modules to edit, and the participants' progress.

use leptos::{form::ActionForm, prelude::*};

use crate::{
    catalog::ProgramMode,
    i18n::*,
    learning::{
        CourseSettings, ManageView, Participant, PersonRef,
        course::{RecordAttendance, SaveCourseSettings, SetFacilitator, get_course_admin},
        enrolment::ui::program_param,
        module::{MoveModule, rules::Direction},
        ui::StatusTag,
    },
    org::{JenisJabatan, OpdChoice},
    ui::{
        DataTable, ErrorMessage, Field, Loading, PageTitle, TableName, page_or_error, posted_error,
        posted_flag,
    },
    validation::FormValue,
};

#[component]
pub fn ManagePage() -> impl IntoView {
    let i18n = use_i18n();
    let program = program_param();
    let data = Resource::new(program, get_course_admin);
    let error = posted_error();
    let saved = posted_flag("tersimpan");
    let moved = posted_flag("diurutkan");
    let attended = posted_flag("hadir");
    view! {
        <PageTitle text=|i18n| t_string!(i18n, learning.manage_title) />
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        {move || saved().then(|| view! { <p class="alert alert-ok" role="status">{t!(i18n, learning.saved)}</p> })}
        {move || moved().then(|| view! { <p class="alert alert-ok" role="status">{t!(i18n, learning.moved)}</p> })}
        {move || attended().then(|| view! { <p class="alert alert-ok" role="status">{t!(i18n, learning.attendance_saved)}</p> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { page_or_error(data.await, move |m| view! { <Manage m /> }) })}
        </Suspense>
    }
}

#[component]
fn Manage(m: ManageView) -> impl IntoView {
    let i18n = use_i18n();
    let pid = m.program_id;
    let mode = m.mode;
    let is_course = m.settings.is_some();
    let required = m.required;
    let count = m.modules.len();
    view! {
        <h1>{t!(i18n, learning.manage_title)} " · " {m.title.clone()}</h1>
        <p class="muted">
            {move || mode.label(i18n)}
            {is_course.then(|| view! {
                " · " <a href=format!("/belajar/{pid}")>{t!(i18n, learning.learner_view)}</a>
                " · " <a href=format!("/belajar/{pid}/kelola/soal")>{t!(i18n, quiz.manage_link)}</a>
            })}
        </p>
        {m.is_admin.then(|| view! { <Settings pid settings=m.settings.clone() opds=m.opds.clone() /> })}
        {(m.is_admin && is_course).then(|| view! { <Facilitators pid people=m.facilitators.clone() /> })}
        {is_course.then(|| view! {
            <section class="card" aria-labelledby="modul">
                <h2 id="modul">{t!(i18n, learning.modules)}</h2>
                {if m.modules.is_empty() {
                    view! { <p class="empty">{t!(i18n, learning.no_modules)}</p> }.into_any()
                } else {
                    view! {
                        <ol class="module-list">
                            {m.modules.iter().enumerate().map(|(index, line)| {
                                let first = index == 0;
                                let last = index + 1 == count;
                                let status = match (line.published, line.has_draft) {
                                    (Some(n), false) => t!(i18n, learning.published_rev, n = n).into_any(),
                                    (Some(n), true) => t!(i18n, learning.published_with_draft, n = n).into_any(),
                                    (None, _) => t!(i18n, learning.draft_only).into_any(),
                                };
                                view! {
                                    <li>
                                        <a href=format!("/belajar/{pid}/kelola/modul/{}", line.id)>{line.title.clone()}</a>
                                        " " <small class="muted">{status}</small>
                                        <MoveButtons pid module_id=line.id title=line.title.clone() first last />
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }
                        .into_any()
                }}
                <a class="button" href=format!("/belajar/{pid}/kelola/modul/baru")>{t!(i18n, learning.add_module)}</a>
            </section>
            <Participants pid people=m.participants.clone() required attendance=(mode != ProgramMode::Online).then_some(m.course_days) />
        })}
    }
}

/// Up and down for one module: one form, the button pressed says which way. Each button's
/// name ends with the module's title, for a screen reader's list of buttons.
#[component]
fn MoveButtons(pid: i64, module_id: i64, title: String, first: bool, last: bool) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<MoveModule>::new();
    let up_title = title.clone();
    view! {
        <ActionForm action attr:class="inline-form">
            <input type="hidden" name="program_id" value=pid />
            <input type="hidden" name="module_id" value=module_id />
            {(!first).then(|| view! {
                <button type="submit" name="arah" value=Direction::Up.form_value() class="button small">
                    <span aria-hidden="true">"↑ "</span>
                    {t!(i18n, learning.move_up)}
                    <span class="visually-hidden">" " {up_title}</span>
                </button>
            })}
            {(!last).then(|| view! {
                <button type="submit" name="arah" value=Direction::Down.form_value() class="button small">
                    <span aria-hidden="true">"↓ "</span>
                    {t!(i18n, learning.move_down)}
                    <span class="visually-hidden">" " {title}</span>
                </button>
            })}
        </ActionForm>
    }
}

#[component]
fn Settings(pid: i64, settings: Option<CourseSettings>, opds: Vec<OpdChoice>) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveCourseSettings>::new();
    let is_course = settings.is_some();
    let s = settings.unwrap_or(CourseSettings {
        audience_opd_id: None,
        audience_jenis: String::new(),
        seats: None,
        open: true,
    });
    let seats = s.seats.map(|n| n.to_string()).unwrap_or_default();
    let jenis = s.audience_jenis.clone();
    view! {
        <section class="card" aria-labelledby="pengaturan">
            <h2 id="pengaturan">{t!(i18n, learning.settings)}</h2>
            {(!is_course).then(|| view! { <p class="alert alert-warn">{t!(i18n, learning.not_a_course)}</p> })}
            <ActionForm action=save attr:class="form">
                <input type="hidden" name="program_id" value=pid />
                <Field id="sasaran-opd" label=move || t!(i18n, learning.audience_opd)>
                    <select id="sasaran-opd" name="settings[opd]">
                        <option value="" selected=s.audience_opd_id.is_none()>{t!(i18n, learning.everyone)}</option>
                        {opds.into_iter().map(|o| view! {
                            <option value=o.id selected=s.audience_opd_id == Some(o.id)>{o.name}</option>
                        }).collect_view()}
                    </select>
                </Field>
                <Field id="sasaran-jenis" label=move || t!(i18n, learning.audience_jenis)>
                    <select id="sasaran-jenis" name="settings[jenis]">
                        <option value="" selected=jenis.is_empty()>{t!(i18n, learning.everyone)}</option>
                        {JenisJabatan::ALL.into_iter().map(|j| view! {
                            <option value=j.as_db() selected=jenis == j.as_db()>{j.label()}</option>
                        }).collect_view()}
                    </select>
                </Field>
                <Field id="kursi" label=move || t!(i18n, learning.seats_label) hint=move || t!(i18n, learning.seats_hint)>
                    <input id="kursi" name="settings[seats]" inputmode="numeric" value=seats aria-describedby="kursi-hint" />
                </Field>
                <div class="field checkbox">
                    <input id="terbuka" type="checkbox" name="settings[open]" value="ya" checked=s.open />
                    <label for="terbuka">{t!(i18n, learning.open_label)}</label>
                </div>
                <button type="submit" class="button primary">
                    {if is_course { t!(i18n, learning.save_settings).into_any() } else { t!(i18n, learning.open_course).into_any() }}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Facilitators(pid: i64, people: Vec<PersonRef>) -> impl IntoView {
    let i18n = use_i18n();
    let set = ServerAction::<SetFacilitator>::new();
    view! {
        <section class="card" aria-labelledby="pengampu">
            <h2 id="pengampu">{t!(i18n, learning.facilitators)}</h2>
            {if people.is_empty() {
                view! { <p class="empty">{t!(i18n, learning.no_facilitators)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {people.into_iter().map(|p| view! {
                            <li>
                                {p.name} " " <small class="muted">{p.nip.clone()}</small>
                                <ActionForm action=set attr:class="inline-form">
                                    <input type="hidden" name="program_id" value=pid />
                                    <input type="hidden" name="nip" value=p.nip />
                                    <input type="hidden" name="tindakan" value="cabut" />
                                    <button type="submit" class="button">{t!(i18n, learning.remove_facilitator)}</button>
                                </ActionForm>
                            </li>
                        }).collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            <ActionForm action=set attr:class="form">
                <input type="hidden" name="program_id" value=pid />
                <input type="hidden" name="tindakan" value="tetapkan" />
                <Field id="nip-pengampu" label=move || t!(i18n, learning.facilitator_nip)>
                    <input id="nip-pengampu" name="nip" inputmode="numeric" autocomplete="off" required />
                </Field>
                <button type="submit" class="button primary">{t!(i18n, learning.name_facilitator)}</button>
            </ActionForm>
        </section>
    }
}

/// The participants and their progress; in a classroom or blended course (`attendance`:
/// the course's days) each one with a seat gets a form for the days attended.
#[component]
fn Participants(
    pid: i64,
    people: Vec<Participant>,
    required: u32,
    attendance: Option<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let record = ServerAction::<RecordAttendance>::new();
    view! {
        <section aria-labelledby="peserta" id="peserta-bagian">
            <h2 id="peserta">{t!(i18n, learning.participants)}</h2>
            {attendance.map(|days| view! {
                <p class="muted">{t!(i18n, learning.attendance_rule, days = days, needed = crate::learning::completion::days_needed(days))}</p>
            })}
            {if people.is_empty() {
                view! { <p class="empty">{t!(i18n, learning.no_participants)}</p> }.into_any()
            } else {
                view! {
                    <DataTable name=TableName::Heading("peserta") head=move || view! {
                        <th scope="col">{t!(i18n, learning.participant)}</th>
                        <th scope="col">{t!(i18n, learning.status)}</th>
                        <th scope="col" class="num">{t!(i18n, learning.modules_done)}</th>
                        <th scope="col" class="num">{t!(i18n, learning.minutes_spent)}</th>
                        {attendance.is_some().then(|| view! { <th scope="col">{t!(i18n, learning.days_attended)}</th> })}
                    }>
                        {people.into_iter().map(|p| {
                            let status = p.status;
                            let field = format!("hadir-{}", p.enrolment_id);
                            let label = format!("{} {}", t_string!(i18n, learning.days_attended), p.name);
                            let form = attendance.filter(|_| status.reads()).map(|days| view! {
                                <ActionForm action=record attr:class="inline-form">
                                    <input type="hidden" name="program_id" value=pid />
                                    <input type="hidden" name="enrolment_id" value=p.enrolment_id />
                                    <input id=field.clone() name="hari" type="number" inputmode="numeric" min="0" max=days
                                        value=p.attended.map(|d| d.to_string()) aria-label=label required />
                                    <span class="muted">{format!("/ {days}")}</span>
                                    <button type="submit" class="button small">{t!(i18n, learning.save_attendance)}</button>
                                </ActionForm>
                            });
                            view! {
                                <tr>
                                    <th scope="row">{p.name} <br /> <small class="muted">{p.nip} " · " {p.opd_name}</small></th>
                                    <td><StatusTag status /></td>
                                    <td class="num">{format!("{}/{required}", p.done)}</td>
                                    <td class="num">{p.minutes_spent}</td>
                                    {attendance.is_some().then(|| view! { <td>{form}</td> })}
                                </tr>
                            }
                        }).collect_view()}
                    </DataTable>
                }
                    .into_any()
            }}
        </section>
    }
}
