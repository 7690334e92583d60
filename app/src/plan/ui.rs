//! Pages of development plans: Rencana Pengembangan (the employee) and Persetujuan (the
//! supervisor's queue). Every form is a plain HTML form; the planned JP following the chosen
//! path is the one island.

use super::PlanError;
use crate::error::feature::UserMessage;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::hooks::use_query_map;

use super::{
    AddPlanItem, MyPlanPage, PlanAction, PlanEventView, PlanItemView, PlanStatus, PlanToReview,
    PlanView, RemovePlanItem, ReviewPlan, RevisePlan, SubmitPlan, get_approval_queue, get_my_plan,
    rules::{MAX_ITEM_JP, MAX_TITLE_CHARS, under_target},
    suggest_ui::Suggestions,
};
use crate::{catalog::ProgramMode, plan::ReviewDecision, validation::FormValue};
use crate::{
    i18n::*,
    jp::{
        DevPath,
        ui::{JpProgressBar, PathSelect, path_text},
    },
    ui::{
        DataTable, DecisionQueue, ErrorMessage, Field, FormKey, Loading, PageTitle, TableName,
        page_or_error, posted_error,
    },
};

pub fn status_text(i18n: I18nContext<Locale>, status: PlanStatus) -> &'static str {
    match status {
        PlanStatus::Draft => t_string!(i18n, plan.status_draft),
        PlanStatus::Submitted => t_string!(i18n, plan.status_submitted),
        PlanStatus::Returned => t_string!(i18n, plan.status_returned),
        PlanStatus::Approved => t_string!(i18n, plan.status_approved),
        PlanStatus::Superseded => t_string!(i18n, plan.status_superseded),
    }
}

fn action_text(i18n: I18nContext<Locale>, action: PlanAction) -> &'static str {
    match action {
        PlanAction::Submit => t_string!(i18n, plan.event_submit),
        PlanAction::Approve => t_string!(i18n, plan.event_approve),
        PlanAction::Return => t_string!(i18n, plan.event_return),
        PlanAction::Revise => t_string!(i18n, plan.event_revise),
    }
}

#[component]
pub fn StatusBadge(status: PlanStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("badge status-{}", status.as_db()) data-status=status.as_db()>
            {move || status_text(i18n, status)}
        </span>
    }
}

#[component]
pub fn PlanPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let year = move || {
        query
            .read()
            .get("tahun")
            .and_then(|y| y.parse::<i32>().ok())
    };
    let add = ServerAction::<AddPlanItem>::new();
    let remove = ServerAction::<RemovePlanItem>::new();
    let submit = ServerAction::<SubmitPlan>::new();
    let revise = ServerAction::<RevisePlan>::new();
    let data = Resource::new(year, get_my_plan);
    let error = posted_error();
    view! {
        <PageTitle text=|i18n| t_string!(i18n, plan.title) />
        <h1>{t!(i18n, plan.title)}</h1>
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(
                    data.await,
                    move |page| view! { <PlanEditor page add remove submit revise /> },
                )
            })}
        </Suspense>
    }
}

#[component]
fn PlanEditor(
    page: MyPlanPage,
    add: ServerAction<AddPlanItem>,
    remove: ServerAction<RemovePlanItem>,
    submit: ServerAction<SubmitPlan>,
    revise: ServerAction<RevisePlan>,
) -> impl IntoView {
    let i18n = use_i18n();
    let MyPlanPage {
        plan,
        has_supervisor,
        competencies,
        programs,
        default_jp,
        progress,
        suggestions,
    } = page;
    let status = plan.status;
    let editable = status.is_editable();
    let total = plan.total_jp();
    let target = progress.target;
    let year = plan.year;
    let plan_id = plan.id;
    let can_submit = editable && has_supervisor && !plan.items.is_empty();
    let missing = super::suggest::jp_to_plan(progress.verified + progress.pending, total, target);
    let returned = (status == PlanStatus::Returned)
        .then(|| plan.return_comment().map(str::to_owned))
        .flatten();
    view! {
        <p class="plan-head">
            {t!(i18n, plan.year_label, year = year)} " · " {t!(i18n, plan.revision, revision = plan.revision)} " "
            <StatusBadge status />
        </p>
        <JpProgressBar progress />
        {returned
            .map(|comment| {
                view! {
                    <div class="alert alert-warn" role="status">
                        <strong>{t!(i18n, plan.returned_note)}</strong>
                        <p class="comment">{comment}</p>
                    </div>
                }
            })}
        <section class="card" aria-labelledby="items-title">
            <h2 id="items-title">{t!(i18n, plan.items)}</h2>
            {if plan.items.is_empty() {
                view! { <p class="empty">{t!(i18n, plan.no_items)}</p> }.into_any()
            } else {
                view! {
                    <PlanItems
                        items=plan.items.clone()
                        remove=editable.then_some(remove)
                        learn=status == PlanStatus::Approved
                    />
                }
                    .into_any()
            }}
            <p class="total" data-total=total>
                {t!(i18n, plan.total, jp = total)}
            </p>
            {under_target(total, target)
                .then(|| {
                    view! {
                        <p class="alert alert-warn" role="status">
                            {t!(i18n, plan.under_target, target = target)}
                        </p>
                    }
                })}
            {(editable && !has_supervisor)
                .then(|| view! { <p class="muted">{t!(i18n, plan.no_supervisor)}</p> })}
            {plan_id
                .filter(|_| can_submit)
                .map(|id| {
                    view! {
                        <ActionForm action=submit>
                            <input type="hidden" name="plan_id" value=id />
                            <button type="submit" class="button primary">
                                {t!(i18n, plan.submit)}
                            </button>
                        </ActionForm>
                    }
                })}
            {plan_id
                .filter(|_| status == PlanStatus::Approved)
                .map(|id| {
                    view! {
                        <p class="muted">{t!(i18n, plan.approved_note)}</p>
                        <ActionForm action=revise>
                            <input type="hidden" name="plan_id" value=id />
                            <button type="submit" class="button">
                                {t!(i18n, plan.revise)}
                            </button>
                        </ActionForm>
                    }
                })}
        </section>
        {editable
            .then(|| {
                view! {
                    <Suggestions year items=suggestions missing add />
                    <AddItemForm year competencies programs default_jp add />
                }
            })}
        <PlanHistory events=plan.events />
    }
}

/// The items of a plan; with `remove`, each has a remove button; with `learn` (an approved
/// plan, on its owner's page), an item whose program is a course in Bina links to it.
#[component]
pub fn PlanItems(
    items: Vec<PlanItemView>,
    remove: Option<ServerAction<RemovePlanItem>>,
    learn: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DataTable name=TableName::Heading("items-title") class="plan-items" head=move || view! {
            <th scope="col">{t!(i18n, plan.item_title)}</th>
            <th scope="col">{t!(i18n, plan.competency)}</th>
            <th scope="col">{t!(i18n, plan.path)}</th>
            <th scope="col" class="num">{t!(i18n, plan.planned_jp)}</th>
            <th scope="col">{t!(i18n, plan.quarter)}</th>
            {remove.map(|_| view! { <th scope="col"><span class="visually-hidden">{t!(i18n, plan.remove)}</span></th> })}
        }>
            {items
                .into_iter()
                .map(|item| {
                    let path = item.path;
                    view! {
                        <tr>
                            <th scope="row">
                                {item.title.clone()}
                                {item.program_title.clone().map(|p| view! { <br /><small class="muted">{p}</small> })}
                                {item.course.filter(|_| learn).map(|(id, mode)| view! {
                                    <br />
                                    <a class="button" href=format!("/belajar/{id}")>
                                        {if mode == ProgramMode::Online {
                                            t!(i18n, plan.start_learning).into_any()
                                        } else {
                                            t!(i18n, plan.apply_program).into_any()
                                        }}
                                    </a>
                                })}
                            </th>
                            <td>
                                <span class="code">{item.competency_code.clone()}</span>
                                " "
                                {item.competency_name.clone()}
                            </td>
                            <td>{move || path_text(i18n, path)}</td>
                            <td class="num">{item.planned_jp}</td>
                            <td>{format!("TW {}", item.target_quarter)}</td>
                            {remove
                                .map(|action| {
                                    view! {
                                        <td>
                                            <ActionForm action>
                                                <input type="hidden" name="item_id" value=item.id />
                                                <button
                                                    type="submit"
                                                    class="link-button"
                                                    aria-label=format!("{} {}", t_string!(i18n, plan.remove), item.title)
                                                >
                                                    {t!(i18n, plan.remove)}
                                                </button>
                                            </ActionForm>
                                        </td>
                                    }
                                })}
                        </tr>
                    }
                })
                .collect_view()}
        </DataTable>
    }
}

#[component]
fn AddItemForm(
    year: i32,
    competencies: Vec<crate::competency::CompetencyChoice>,
    programs: Vec<crate::catalog::ProgramRef>,
    default_jp: Vec<(DevPath, u32)>,
    add: ServerAction<AddPlanItem>,
) -> impl IntoView {
    let i18n = use_i18n();
    let first_path = DevPath::PelatihanTeknis;
    let first_jp = jp_of(&default_jp, first_path);
    view! {
        <section class="card" aria-labelledby="add-title">
            <h2 id="add-title">{t!(i18n, plan.add_title)}</h2>
            <ActionForm action=add attr:class="form">
                <FormKey />
                <input type="hidden" name="year" value=year />
                <Field id="competency_id" label=move || t!(i18n, plan.competency)>
                    <select id="competency_id" name="competency_id" required>
                        {competencies
                            .into_iter()
                            .map(|c| {
                                let label = format!("{} {} ({} {})", c.code, c.name, t_string!(i18n, plan.gap_short), c.gap);
                                view! { <option value=c.id>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                </Field>
                <JpFollowsPath default_jp>
                    <Field id="path" label=move || t!(i18n, plan.path)>
                        <PathSelect selected=first_path />
                    </Field>
                    <Field id="title" label=move || t!(i18n, plan.item_title)>
                        <input id="title" name="title" type="text" required maxlength=MAX_TITLE_CHARS />
                    </Field>
                    <Field id="planned_jp" label=move || t!(i18n, plan.planned_jp) hint=move || t!(i18n, plan.jp_hint)>
                        <input
                            id="planned_jp"
                            name="planned_jp"
                            type="number"
                            inputmode="numeric"
                            min="1"
                            max=MAX_ITEM_JP
                            required
                            aria-describedby="planned_jp-hint"
                            value=first_jp
                        />
                    </Field>
                </JpFollowsPath>
                <Field id="target_quarter" label=move || t!(i18n, plan.quarter)>
                    <select id="target_quarter" name="target_quarter">
                        {(1..=4).map(|q| view! { <option value=q>{format!("TW {q}")}</option> }).collect_view()}
                    </select>
                </Field>
                <Field id="program_id" label=move || t!(i18n, plan.program)>
                    <select id="program_id" name="program_id">
                        <option value="">{t!(i18n, plan.no_program)}</option>
                        {programs
                            .into_iter()
                            .map(|p| {
                                let label = format!("{} · {} · {} JP", p.competency_code, p.title, p.jp);
                                view! { <option value=p.id>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                </Field>
                <button type="submit" class="button primary">
                    {t!(i18n, plan.add)}
                </button>
            </ActionForm>
        </section>
    }
}

/// The usual JP of `path` in `default_jp` (1 if it has none).
fn jp_of(default_jp: &[(DevPath, u32)], path: DevPath) -> u32 {
    default_jp
        .iter()
        .find(|(p, _)| *p == path)
        .map_or(1, |(_, jp)| *jp)
}

/// The planned JP follow the chosen development path until the employee types their own.
/// An island around the path and JP fields (server-rendered, its children) that listens to
/// their events as they bubble up; without JavaScript the employee types the JP.
#[island]
fn JpFollowsPath(default_jp: Vec<(DevPath, u32)>, children: Children) -> impl IntoView {
    use leptos::wasm_bindgen::JsCast;
    let touched = StoredValue::new(false);
    let control_id = |ev: &leptos::ev::Event| {
        ev.target()
            .and_then(|t| t.dyn_into::<leptos::web_sys::Element>().ok())
            .map(|el| el.id())
    };
    let on_input = move |ev: leptos::ev::Event| {
        if control_id(&ev).as_deref() == Some("planned_jp") {
            touched.set_value(true);
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        if touched.get_value() || control_id(&ev).as_deref() != Some("path") {
            return;
        }
        let Some(path) = DevPath::from_code(&event_target_value(&ev)) else {
            return;
        };
        if let Some(input) = document()
            .get_element_by_id("planned_jp")
            .and_then(|el| el.dyn_into::<leptos::web_sys::HtmlInputElement>().ok())
        {
            input.set_value(&jp_of(&default_jp, path).to_string());
        }
    };
    view! {
        <div class="field-group" on:input=on_input on:change=on_change>
            {children()}
        </div>
    }
}

#[component]
pub fn PlanHistory(events: Vec<PlanEventView>) -> impl IntoView {
    let i18n = use_i18n();
    (!events.is_empty()).then(|| {
        view! {
            <section class="card" aria-labelledby="history-title">
                <h2 id="history-title">{t!(i18n, plan.history)}</h2>
                <ol class="history">
                    {events
                        .into_iter()
                        .map(|e| {
                            let action = e.action;
                            view! {
                                <li>
                                    <time>{e.at}</time>
                                    " · "
                                    <strong>{e.actor_name}</strong>
                                    " "
                                    {move || action_text(i18n, action)}
                                    " (" {t!(i18n, plan.revision, revision = e.revision)} ")"
                                    {(!e.comment.is_empty())
                                        .then(|| view! { <p class="comment">{e.comment.clone()}</p> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </section>
        }
    })
}

#[component]
pub fn ApprovalPage() -> impl IntoView {
    let review = ServerAction::<ReviewPlan>::new();
    let queue = Resource::new(|| (), |_| get_approval_queue());
    let error = posted_error();
    view! {
        <DecisionQueue
            title=|i18n| t_string!(i18n, approval.title)
            intro=|i18n| t_string!(i18n, approval.intro)
            empty=|i18n| t_string!(i18n, approval.empty)
            queue
            error
            item=move |p| view! { <PlanReview plan=p review /> }
        />
    }
}

#[component]
fn PlanReview(plan: PlanToReview, review: ServerAction<ReviewPlan>) -> impl IntoView {
    let i18n = use_i18n();
    let PlanToReview {
        employee_name,
        nip,
        jabatan,
        plan,
    } = plan;
    let PlanView {
        id, items, events, ..
    } = plan.clone();
    let id = id.unwrap_or_default();
    let total = plan.total_jp();
    let comment_id = format!("komentar-{id}");
    let comment_for = comment_id.clone();
    let label = employee_name.clone();
    view! {
        <article class="card review" aria-label=label>
            <h2>{employee_name}</h2>
            <p class="muted">
                <span class="nip">{nip}</span>
                " · "
                {jabatan}
                " · "
                {t!(i18n, plan.year_label, year = plan.year)}
            </p>
            <PlanItems items remove=None learn=false />
            <p class="total">{t!(i18n, plan.total, jp = total)}</p>
            <PlanHistory events />
            <div class="review-actions">
                <ActionForm action=review>
                    <input type="hidden" name="plan_id" value=id />
                    <input type="hidden" name="keputusan" value=ReviewDecision::Approve.form_value() />
                    <input type="hidden" name="komentar" value="" />
                    <button type="submit" class="button primary">
                        {t!(i18n, approval.approve)}
                    </button>
                </ActionForm>
                <ActionForm action=review attr:class="form">
                    <input type="hidden" name="plan_id" value=id />
                    <input type="hidden" name="keputusan" value=ReviewDecision::Return.form_value() />
                    <Field id=comment_for label=move || t!(i18n, approval.comment)>
                        <textarea id=comment_id name="komentar" rows="3" required maxlength="1000"></textarea>
                    </Field>
                    <button type="submit" class="button">
                        {t!(i18n, approval.return_plan)}
                    </button>
                </ActionForm>
            </div>
        </article>
    }
}

impl UserMessage for PlanError {
    fn message(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            PlanError::UnreadableText => t_string!(i18n, errors.text_unreadable),
            PlanError::TitleEmpty => t_string!(i18n, errors.plan_title_empty),
            PlanError::TitleTooLong => t_string!(i18n, errors.plan_title_too_long),
            PlanError::JpNotNumber => t_string!(i18n, errors.plan_jp_not_number),
            PlanError::JpNotPositive => t_string!(i18n, errors.plan_jp_not_positive),
            PlanError::JpTooLarge => t_string!(i18n, errors.plan_jp_too_large),
            PlanError::QuarterInvalid => t_string!(i18n, errors.plan_quarter_invalid),
            PlanError::YearOutOfRange => t_string!(i18n, errors.plan_year_out_of_range),
            PlanError::PathUnknown => t_string!(i18n, errors.path_unknown),
            PlanError::CompetencyUnknown => t_string!(i18n, errors.plan_competency_unknown),
            PlanError::ProgramUnknown => t_string!(i18n, errors.plan_program_unknown),
            PlanError::NoItems => t_string!(i18n, errors.plan_no_items),
            PlanError::TooManyItems => t_string!(i18n, errors.plan_too_many_items),
            PlanError::CommentRequired => t_string!(i18n, errors.plan_comment_required),
            PlanError::CommentTooLong => t_string!(i18n, errors.plan_comment_too_long),
            PlanError::NotEditable => t_string!(i18n, errors.plan_not_editable),
            PlanError::IllegalTransition => t_string!(i18n, errors.plan_illegal_transition),
        }
    }
}
