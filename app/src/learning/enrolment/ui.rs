//! The learner's pages: "Belajar" (their courses with progress, and the courses open to
//! them) and a course's page (its modules, where to resume, enrolling and withdrawing); and
//! the pengelola OPD's page of applications.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::learning::enrolment::{
    DecideApplication, Enrol, Withdraw, get_applications, get_course, get_my_learning,
};
use crate::{
    catalog::ProgramMode,
    i18n::*,
    learning::{
        CourseCard, CourseView, EnrolmentStatus,
        certificate::ui::MyCertificate,
        quiz::ui::CourseTests,
        rules::Decision,
        ui::{CourseProgress, StatusTag},
    },
    ui::{
        DataTable, ErrorMessage, FormKey, Loading, PageTitle, TableName, page_or_error,
        posted_error, posted_flag,
    },
    validation::FormValue,
};

/// The program id of a learning page's path (`/belajar/:program/…`); 0 when it is not one.
pub fn program_param() -> impl Fn() -> i64 + Copy + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("program")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    }
}

#[component]
pub fn MyLearningPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(|| (), |_| get_my_learning());
    view! {
        <PageTitle text=|i18n| t_string!(i18n, learning.title) />
        <h1>{t!(i18n, learning.title)}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(
                    data.await,
                    move |l| {
                        view! {
                            <section aria-labelledby="program-saya">
                                <h2 id="program-saya">{t!(i18n, learning.mine)}</h2>
                                {if l.mine.is_empty() {
                                    view! { <p class="empty">{t!(i18n, learning.mine_empty)}</p> }.into_any()
                                } else {
                                    view! { <ul class="plain-list course-list">{l.mine.into_iter().map(|c| view! { <CourseItem c /> }).collect_view()}</ul> }
                                        .into_any()
                                }}
                            </section>
                            <section aria-labelledby="program-terbuka">
                                <h2 id="program-terbuka">{t!(i18n, learning.open)}</h2>
                                {if l.open.is_empty() {
                                    view! { <p class="empty">{t!(i18n, learning.open_empty)}</p> }.into_any()
                                } else {
                                    view! { <ul class="plain-list course-list">{l.open.into_iter().map(|c| view! { <CourseItem c /> }).collect_view()}</ul> }
                                        .into_any()
                                }}
                            </section>
                            {(!l.facilitating.is_empty()).then(|| view! {
                                <section aria-labelledby="program-ampu">
                                    <h2 id="program-ampu">{t!(i18n, learning.facilitating)}</h2>
                                    <ul class="plain-list">
                                        {l.facilitating.into_iter().map(|c| view! {
                                            <li><a href=format!("/belajar/{}/kelola", c.program_id)>{c.title}</a></li>
                                        }).collect_view()}
                                    </ul>
                                </section>
                            })}
                        }
                    },
                )
            })}
        </Suspense>
    }
}

#[component]
fn CourseItem(c: CourseCard) -> impl IntoView {
    let i18n = use_i18n();
    let mode = c.mode;
    let progress_id = format!("kemajuan-{}", c.program_id);
    view! {
        <li class="card">
            <h3><a href=format!("/belajar/{}", c.program_id)>{c.title}</a></h3>
            <p class="muted">{move || mode.label(i18n)} " · " {c.jp} " JP · " {c.organiser}</p>
            {c.status.map(|status| view! { <StatusTag status /> })}
            {(c.status.is_some_and(EnrolmentStatus::reads) && c.required > 0)
                .then(|| view! { <CourseProgress done=c.done required=c.required label_id=progress_id /> })}
        </li>
    }
}

#[component]
pub fn CoursePage() -> impl IntoView {
    let i18n = use_i18n();
    let program = program_param();
    let data = Resource::new(program, get_course);
    let enrol = ServerAction::<Enrol>::new();
    let withdraw = ServerAction::<Withdraw>::new();
    let error = posted_error();
    let enrolled = posted_flag("terdaftar");
    let finished = posted_flag("selesai");
    view! {
        <PageTitle text=|i18n| t_string!(i18n, learning.course_title) />
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        {move || enrolled().then(|| view! { <p class="alert alert-ok" role="status">{t!(i18n, learning.enrolled)}</p> })}
        {move || finished().then(|| view! { <p class="alert alert-ok" role="status">{t!(i18n, learning.all_read)}</p> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(data.await, move |c| view! { <Course c enrol withdraw /> })
            })}
        </Suspense>
    }
}

#[component]
fn Course(
    c: CourseView,
    enrol: ServerAction<Enrol>,
    withdraw: ServerAction<Withdraw>,
) -> impl IntoView {
    let i18n = use_i18n();
    let mode = c.info.mode;
    let pid = c.info.program_id;
    let classroom = mode != ProgramMode::Online;
    let seats = c.seats.map(|s| (s, c.seats_taken));
    let may_withdraw = c.status.is_some_and(EnrolmentStatus::is_open);
    let learner = c.status.is_some_and(EnrolmentStatus::reads);
    let waitlist = c.waitlist_position;
    let status = c.status;
    let resume = c.resume.map(|m| format!("/belajar/{pid}/modul/{m}"));
    let started = c.modules.iter().any(|m| m.opened);
    view! {
        <h1>{c.info.title.clone()}</h1>
        <p class="muted">
            <span class="code">{c.info.competency_code.clone()}</span> " · " {move || mode.label(i18n)} " · " {c.info.jp} " JP · "
            {c.info.organiser.clone()} " · " {format!("{} – {}", c.info.starts_on, c.info.ends_on)}
            {classroom.then(|| view! { " · " {c.info.place.clone()} })}
        </p>
        {seats.map(|(seats, taken)| view! { <p>{t!(i18n, learning.seats, taken = taken, seats = seats)}</p> })}
        {status.map(|status| view! { <p>{t!(i18n, learning.your_status)} " " <StatusTag status /></p> })}
        {waitlist.map(|n| view! { <p class="alert alert-warn">{t!(i18n, learning.waitlist_position, n = n)}</p> })}
        {(status == Some(EnrolmentStatus::Completed)).then(|| view! {
            <p class="alert alert-ok">{t!(i18n, learning.course_completed)}</p>
            <MyCertificate program_id=pid />
        })}
        {(status == Some(EnrolmentStatus::Applied)).then(|| view! { <p class="muted">{t!(i18n, learning.applied_wait)}</p> })}
        {learner.then(|| view! {
            <CourseProgress done=c.done required=c.required label_id="kemajuan-program".to_owned() />
            <p class="muted">{t!(i18n, learning.minutes_left, minutes = c.minutes_left)}</p>
        })}
        <div class="review-actions">
            {resume.map(|href| view! {
                <a class="button primary" href=href>
                    {if started { t!(i18n, learning.resume).into_any() } else { t!(i18n, learning.start).into_any() }}
                </a>
            })}
            {c.may_enrol.then(|| view! {
                <ActionForm action=enrol>
                    <input type="hidden" name="program_id" value=pid />
                    <FormKey />
                    <button type="submit" class="button primary">
                        {if classroom { t!(i18n, learning.apply).into_any() } else { t!(i18n, learning.enrol).into_any() }}
                    </button>
                </ActionForm>
            })}
            {c.may_manage.then(|| view! { <a class="button" href=format!("/belajar/{pid}/kelola")>{t!(i18n, learning.manage)}</a> })}
        </div>
        <section aria-labelledby="modul">
            <h2 id="modul">{t!(i18n, learning.modules)}</h2>
            {if c.modules.is_empty() {
                view! { <p class="empty">{t!(i18n, learning.no_modules)}</p> }.into_any()
            } else {
                let may_read = c.may_read;
                view! {
                    <ol class="module-list">
                        {c.modules.into_iter().map(|m| {
                            let title = m.title.clone();
                            let readable = may_read && m.published.is_some();
                            view! {
                                <li class=m.done.then_some("done")>
                                    {if readable {
                                        view! { <a href=format!("/belajar/{pid}/modul/{}", m.id)>{title}</a> }.into_any()
                                    } else {
                                        view! { <span>{title}</span> }.into_any()
                                    }}
                                    " "
                                    <small class="muted">
                                        {t!(i18n, learning.minutes, minutes = m.minutes)}
                                        {(!m.required).then(|| view! { " · " {t!(i18n, learning.optional)} })}
                                        {(learner && m.done).then(|| view! { " · " <strong>{t!(i18n, learning.done)}</strong> })}
                                        {m.published.is_none().then(|| view! { " · " {t!(i18n, learning.draft_only)} })}
                                    </small>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
                    .into_any()
            }}
        </section>
        {c.may_read.then(|| view! { <CourseTests program_id=pid /> })}
        {may_withdraw.then(|| view! {
            <ActionForm action=withdraw attr:class="card">
                <input type="hidden" name="program_id" value=pid />
                <p class="muted">{t!(i18n, learning.withdraw_hint)}</p>
                <button type="submit" class="button">{t!(i18n, learning.withdraw)}</button>
            </ActionForm>
        })}
    }
}

/// The pengelola OPD's (and the admin's) applications for classroom and blended courses.
#[component]
pub fn ApplicationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(|| (), |_| get_applications());
    let decide = ServerAction::<DecideApplication>::new();
    let error = posted_error();
    view! {
        <PageTitle text=|i18n| t_string!(i18n, learning.applications_title) />
        <h1>{t!(i18n, learning.applications_title)}</h1>
        <p class="muted">{t!(i18n, learning.applications_intro)}</p>
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(
                    data.await,
                    move |rows| {
                        if rows.is_empty() {
                            return view! { <p class="empty">{t!(i18n, learning.applications_empty)}</p> }.into_any();
                        }
                        view! {
                            <DataTable name=TableName::Text(|i18n| t_string!(i18n, learning.applications_title)) head=move || view! {
                                <th scope="col">{t!(i18n, learning.applicant)}</th>
                                <th scope="col">{t!(i18n, catalog.program)}</th>
                                <th scope="col">{t!(i18n, learning.seats_col)}</th>
                                <th scope="col">{t!(i18n, learning.decision)}</th>
                            }>
                                {rows.into_iter().map(|a| {
                                    let seats = a.seats.map_or_else(|| "–".to_owned(), |s| format!("{}/{s}", a.seats_taken));
                                    view! {
                                        <tr>
                                            <th scope="row">{a.name} <br /> <small class="muted">{a.nip} " · " {a.jabatan}</small></th>
                                            <td><a href=format!("/belajar/{}", a.program_id)>{a.program_title}</a> <br /> <small class="muted">{a.applied_on}</small></td>
                                            <td class="num">{seats}</td>
                                            <td>
                                                <div class="review-actions">
                                                    <ActionForm action=decide>
                                                        <input type="hidden" name="enrolment_id" value=a.enrolment_id />
                                                        <input type="hidden" name="keputusan" value=Decision::Confirm.form_value() />
                                                        <button type="submit" class="button primary">{t!(i18n, learning.confirm)}</button>
                                                    </ActionForm>
                                                    <ActionForm action=decide>
                                                        <input type="hidden" name="enrolment_id" value=a.enrolment_id />
                                                        <input type="hidden" name="keputusan" value=Decision::Refuse.form_value() />
                                                        <button type="submit" class="button">{t!(i18n, learning.refuse)}</button>
                                                    </ActionForm>
                                                </div>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </DataTable>
                        }
                            .into_any()
                    },
                )
            })}
        </Suspense>
    }
}
