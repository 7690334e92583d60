//! The plan feature on the server (ssr only): who is asking, may they, and the SQL of
//! each step in one transaction.

use sqlx::Row;

use super::{MyPlanPage, PlanToReview};
use crate::error::AppError;
use crate::jp::JpRules;
use crate::{
    auth::{
        CurrentUser, Permission, authorize,
        queries::{audit, require_user, state},
    },
    calendar::{IsoDate, this_year, wita_date_time},
    catalog::{
        ProgramMode,
        queries::{exists as program_exists, for_position},
    },
    competency::{CompetencyChoice, queries::gaps_of},
    db::{
        Db, Tx,
        idempotency::{Claim, claim},
        unix_now,
    },
    jp::{DevPath, default_planned_jp, queries::progress},
    notify::{NotificationKind, queries::notify},
    plan::{
        PlanAction, PlanError, PlanEventView, PlanItemInput, PlanItemView, PlanStatus, PlanView,
        rules::{
            approval_comment, check_can_add_item, check_submittable, check_year, return_comment,
            validate_item,
        },
        suggest::{Facts, MentorsFor, Need, suggest},
        transition,
    },
};
use crate::{plan::ReviewDecision, validation::FormValue};

/// The facts about a plan that decide who may do what to it.
struct PlanHead {
    id: i64,
    employee_id: i64,
    supervisor_id: Option<i64>,
    year: i32,
    revision: i64,
    status: PlanStatus,
}

async fn head(tx: &mut Tx, plan_id: i64) -> Result<PlanHead, AppError> {
    let row = sqlx::query(
        "SELECT p.id, p.employee_id, e.supervisor_id, p.year, p.revision, p.status \
         FROM dev_plan p JOIN employee e ON e.id = p.employee_id WHERE p.id = $1",
    )
    .bind(plan_id)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(PlanHead {
        id: row.get("id"),
        employee_id: row.get("employee_id"),
        supervisor_id: row.get("supervisor_id"),
        year: row.get::<i64, _>("year") as i32,
        revision: row.get("revision"),
        status: PlanStatus::from_db(&row.get::<String, _>("status")).ok_or(AppError::Internal)?,
    })
}

/// Starts one step on a plan: the session's user, a write transaction, the plan, and the
/// status the step leads to. The owner submits and revises; only the owner's direct
/// supervisor approves and returns. An illegal step is refused before anything is written.
async fn begin_step(
    plan_id: i64,
    action: PlanAction,
) -> Result<(CurrentUser, Tx, PlanHead, PlanStatus), AppError> {
    let user = require_user().await?;
    let mut tx = state()?.db.begin_write().await?;
    let plan = head(&mut tx, plan_id).await?;
    let permission = if action.by_owner() {
        Permission::OwnRecord {
            owner: plan.employee_id,
        }
    } else {
        Permission::ReviewPlan {
            supervisor: plan.supervisor_id,
        }
    };
    authorize(&user, permission)?;
    let to = transition(plan.status, action).ok_or(PlanError::IllegalTransition)?;
    Ok((user, tx, plan, to))
}

/// The latest revision of an employee's plan of a year.
async fn latest(
    db: &Db,
    employee_id: i64,
    year: i32,
) -> Result<Option<(i64, i64, PlanStatus)>, AppError> {
    let row = sqlx::query(
        "SELECT id, revision, status FROM dev_plan WHERE employee_id = $1 AND year = $2 \
         ORDER BY revision DESC LIMIT 1",
    )
    .bind(employee_id)
    .bind(i64::from(year))
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| {
        (
            r.get("id"),
            r.get("revision"),
            PlanStatus::from_db(&r.get::<String, _>("status")).unwrap_or(PlanStatus::Draft),
        )
    }))
}

/// A plan revision with its items, and the history of every revision of its year.
pub async fn plan_view(db: &Db, plan_id: i64) -> Result<PlanView, AppError> {
    let head_row =
        sqlx::query("SELECT employee_id, year, revision, status FROM dev_plan WHERE id = $1")
            .bind(plan_id)
            .fetch_one(&db.pool)
            .await?;
    let (employee_id, year): (i64, i64) = (head_row.get("employee_id"), head_row.get("year"));
    let items = sqlx::query(
        "SELECT i.id, i.competency_id, i.program_id, c.code, c.name, i.path, i.title, \
                i.planned_jp, i.target_quarter, \
                p.title AS program_title, p.mode AS program_mode, k.program_id AS course_id \
         FROM dev_plan_item i JOIN competency c ON c.id = i.competency_id \
         LEFT JOIN program p ON p.id = i.program_id \
         LEFT JOIN course k ON k.program_id = p.id \
         WHERE i.plan_id = $1 ORDER BY i.target_quarter, i.id",
    )
    .bind(plan_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| PlanItemView {
        id: r.get("id"),
        competency_id: r.get("competency_id"),
        program_id: r.get("program_id"),
        competency_code: r.get("code"),
        competency_name: r.get("name"),
        path: DevPath::from_code(&r.get::<String, _>("path")).unwrap_or(DevPath::BelajarMandiri),
        title: r.get("title"),
        planned_jp: r.get::<i64, _>("planned_jp").max(0) as u32,
        target_quarter: r.get::<i64, _>("target_quarter").clamp(1, 4) as u8,
        program_title: r.get("program_title"),
        course: r.get::<Option<i64>, _>("course_id").map(|id| {
            let mode: Option<String> = r.get("program_mode");
            (id, ProgramMode::from_db(&mode.unwrap_or_default()))
        }),
    })
    .collect();
    let events = sqlx::query(
        "SELECT a.name, ev.action, p.revision, ev.comment, ev.at FROM plan_event ev \
         JOIN dev_plan p ON p.id = ev.plan_id JOIN employee a ON a.id = ev.actor_employee_id \
         WHERE p.employee_id = $1 AND p.year = $2 ORDER BY ev.at, ev.id",
    )
    .bind(employee_id)
    .bind(year)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .filter_map(|r| {
        Some(PlanEventView {
            actor_name: r.get("name"),
            action: PlanAction::from_db(&r.get::<String, _>("action"))?,
            revision: r.get("revision"),
            comment: r.get("comment"),
            at: wita_date_time(r.get("at")),
        })
    })
    .collect();
    Ok(PlanView {
        id: Some(plan_id),
        year: year as i32,
        revision: head_row.get("revision"),
        status: PlanStatus::from_db(&head_row.get::<String, _>("status"))
            .unwrap_or(PlanStatus::Draft),
        items,
        events,
    })
}

pub async fn my_plan(year: Option<i32>) -> Result<MyPlanPage, AppError> {
    let user = require_user().await?;
    let state = state()?;
    let db = &state.db;
    let year = year.unwrap_or_else(|| this_year(unix_now()));
    check_year(year, this_year(unix_now()))?;
    let plan = match latest(db, user.employee_id, year).await? {
        Some((id, _, _)) => plan_view(db, id).await?,
        None => PlanView {
            id: None,
            year,
            revision: 1,
            status: PlanStatus::Draft,
            items: vec![],
            events: vec![],
        },
    };
    let mut gaps = gaps_of(db, user.employee_id).await?;
    crate::competency::sort_by_gap(&mut gaps);
    let rules = JpRules::with_minutes(state.settings.jp_minutes);
    let has_supervisor: bool = sqlx::query("SELECT supervisor_id FROM employee WHERE id = $1")
        .bind(user.employee_id)
        .fetch_one(&db.pool)
        .await?
        .get::<Option<i64>, _>("supervisor_id")
        .is_some();
    let programs = for_position(db, &user.jabatan).await?;
    let progress = progress(db, user.employee_id, year, state.settings.jp_yearly_target).await?;
    let suggestions = if plan.status.is_editable() {
        let needs: Vec<Need> = gaps
            .iter()
            .map(|g| Need {
                competency_id: g.competency_id,
                code: g.code.clone(),
                name: g.name.clone(),
                gap: g.gap(),
            })
            .collect();
        let mentors: Vec<MentorsFor> =
            crate::mentoring::profile::queries::open_expertise(db, user.employee_id)
                .await?
                .into_iter()
                .map(|(competency_id, online)| MentorsFor {
                    competency_id,
                    online,
                })
                .collect();
        let planned_competencies: Vec<i64> = plan.items.iter().map(|i| i.competency_id).collect();
        let planned_programs: Vec<i64> = plan.items.iter().filter_map(|i| i.program_id).collect();
        suggest(&Facts {
            needs: &needs,
            programs: &programs,
            mentors: &mentors,
            access: user.access_class,
            earned: progress.verified + progress.pending,
            planned: plan.total_jp(),
            target: progress.target,
            planned_competencies: &planned_competencies,
            planned_programs: &planned_programs,
            mentoring_session_jp: rules.mentoring_session,
            this_quarter: IsoDate::from_unix_wita(unix_now()).month.div_ceil(3) as u8,
        })
    } else {
        Vec::new()
    };
    Ok(MyPlanPage {
        plan,
        has_supervisor,
        suggestions,
        competencies: gaps
            .into_iter()
            .map(|g| CompetencyChoice {
                gap: g.gap(),
                id: g.competency_id,
                code: g.code,
                name: g.name,
            })
            .collect(),
        programs,
        default_jp: DevPath::ALL
            .iter()
            .map(|&p| (p, default_planned_jp(&rules, p)))
            .collect(),
        progress,
    })
}

async fn record_event(
    tx: &mut Tx,
    plan_id: i64,
    actor: &CurrentUser,
    action: PlanAction,
    from: PlanStatus,
    to: PlanStatus,
    comment: &str,
) -> Result<(), AppError> {
    let now = unix_now();
    sqlx::query(
        "INSERT INTO plan_event (plan_id, actor_employee_id, action, from_status, to_status, comment, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(plan_id)
    .bind(actor.employee_id)
    .bind(action.as_db())
    .bind(from.as_db())
    .bind(to.as_db())
    .bind(comment.to_owned())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    audit(
        tx,
        Some(actor.account_id),
        &format!("plan_{}", action.as_db()),
        &plan_id.to_string(),
    )
    .await
}

/// Moves a plan from `from` to `to`. The status in the WHERE clause makes concurrent
/// requests safe: only one of two identical transitions changes the row.
async fn set_status(
    tx: &mut Tx,
    plan_id: i64,
    from: PlanStatus,
    to: PlanStatus,
) -> Result<(), AppError> {
    let changed = sqlx::query(
        "UPDATE dev_plan SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4",
    )
    .bind(to.as_db())
    .bind(unix_now())
    .bind(plan_id)
    .bind(from.as_db())
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if changed == 1 {
        Ok(())
    } else {
        Err(PlanError::IllegalTransition.into())
    }
}

async fn item_count(tx: &mut Tx, plan_id: i64) -> Result<usize, AppError> {
    let n: i64 = sqlx::query("SELECT COUNT(*) AS n FROM dev_plan_item WHERE plan_id = $1")
        .bind(plan_id)
        .fetch_one(&mut **tx)
        .await?
        .get("n");
    Ok(n.max(0) as usize)
}

pub async fn add_item(year: i32, input: PlanItemInput, key: Option<&str>) -> Result<(), AppError> {
    let user = require_user().await?;
    check_year(year, this_year(unix_now()))?;
    let item = validate_item(&input)?;
    let db = state()?.db;
    let mut tx = db.begin_write().await?;
    if claim(&mut tx, user.account_id, "rencana-tambah", key, unix_now()).await? == Claim::Repeat {
        return Ok(());
    }
    let in_position = sqlx::query(
        "SELECT 1 FROM position_standard s JOIN competency c ON c.id = s.competency_id \
         WHERE s.jabatan = $1 AND c.id = $2 AND c.retired = 0",
    )
    .bind(user.jabatan.clone())
    .bind(item.competency_id)
    .fetch_optional(&mut *tx)
    .await?
    .is_some();
    if !in_position {
        return Err(PlanError::CompetencyUnknown.into());
    }
    if let Some(program) = item.program_id
        && !program_exists(&mut tx, program).await?
    {
        return Err(PlanError::ProgramUnknown.into());
    }
    let existing = sqlx::query(
        "SELECT id, status FROM dev_plan WHERE employee_id = $1 AND year = $2 \
         ORDER BY revision DESC LIMIT 1",
    )
    .bind(user.employee_id)
    .bind(i64::from(year))
    .fetch_optional(&mut *tx)
    .await?;
    let plan_id: i64 = match existing {
        Some(row) => {
            let status = PlanStatus::from_db(&row.get::<String, _>("status"))
                .unwrap_or(PlanStatus::Approved);
            if !status.is_editable() {
                return Err(PlanError::NotEditable.into());
            }
            row.get("id")
        }
        None => sqlx::query(
            "INSERT INTO dev_plan (employee_id, year, revision, status, updated_at) \
             VALUES ($1, $2, 1, 'draft', $3) RETURNING id",
        )
        .bind(user.employee_id)
        .bind(i64::from(year))
        .bind(unix_now())
        .fetch_one(&mut *tx)
        .await?
        .get("id"),
    };
    check_can_add_item(item_count(&mut tx, plan_id).await?)?;
    sqlx::query(
        "INSERT INTO dev_plan_item (plan_id, competency_id, path, title, planned_jp, target_quarter, program_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(plan_id)
    .bind(item.competency_id)
    .bind(item.path.code())
    .bind(item.title)
    .bind(i64::from(item.planned_jp))
    .bind(i64::from(item.target_quarter))
    .bind(item.program_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn remove_item(item_id: i64) -> Result<i32, AppError> {
    let user = require_user().await?;
    let db = state()?.db;
    let mut tx = db.begin_write().await?;
    let plan_id: i64 = sqlx::query("SELECT plan_id FROM dev_plan_item WHERE id = $1")
        .bind(item_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?
        .get("plan_id");
    let plan = head(&mut tx, plan_id).await?;
    authorize(
        &user,
        Permission::OwnRecord {
            owner: plan.employee_id,
        },
    )?;
    if !plan.status.is_editable() {
        return Err(PlanError::NotEditable.into());
    }
    sqlx::query("DELETE FROM dev_plan_item WHERE id = $1")
        .bind(item_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(plan.year)
}

pub async fn submit(plan_id: i64) -> Result<i32, AppError> {
    let (user, mut tx, plan, to) = begin_step(plan_id, PlanAction::Submit).await?;
    // Nobody above: nobody to approve. The page does not offer it; refuse a crafted post.
    let supervisor = plan.supervisor_id.ok_or(AppError::Forbidden)?;
    check_submittable(item_count(&mut tx, plan.id).await?)?;
    set_status(&mut tx, plan.id, plan.status, to).await?;
    record_event(
        &mut tx,
        plan.id,
        &user,
        PlanAction::Submit,
        plan.status,
        to,
        "",
    )
    .await?;
    notify(
        &mut tx,
        supervisor,
        NotificationKind::PlanSubmitted,
        &user.name,
        "/persetujuan",
    )
    .await?;
    tx.commit().await?;
    Ok(plan.year)
}

pub async fn revise(plan_id: i64) -> Result<i32, AppError> {
    let (user, mut tx, plan, to) = begin_step(plan_id, PlanAction::Revise).await?;
    set_status(&mut tx, plan.id, plan.status, to).await?;
    let new_id: i64 = sqlx::query(
        "INSERT INTO dev_plan (employee_id, year, revision, status, updated_at) \
         VALUES ($1, $2, $3, 'draft', $4) RETURNING id",
    )
    .bind(plan.employee_id)
    .bind(i64::from(plan.year))
    .bind(plan.revision + 1)
    .bind(unix_now())
    .fetch_one(&mut *tx)
    .await?
    .get("id");
    sqlx::query(
        "INSERT INTO dev_plan_item (plan_id, competency_id, path, title, planned_jp, target_quarter, program_id) \
         SELECT $1, competency_id, path, title, planned_jp, target_quarter, program_id \
         FROM dev_plan_item WHERE plan_id = $2 ORDER BY id",
    )
    .bind(new_id)
    .bind(plan.id)
    .execute(&mut *tx)
    .await?;
    record_event(
        &mut tx,
        new_id,
        &user,
        PlanAction::Revise,
        plan.status,
        PlanStatus::Draft,
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(plan.year)
}

pub async fn queue() -> Result<Vec<PlanToReview>, AppError> {
    let user = require_user().await?;
    authorize(&user, Permission::ViewTeam)?;
    let db = state()?.db;
    let rows = sqlx::query(
        "SELECT p.id, e.name, e.nip, e.jabatan FROM dev_plan p \
         JOIN employee e ON e.id = p.employee_id \
         WHERE e.supervisor_id = $1 AND p.status = 'submitted' ORDER BY p.updated_at, p.id",
    )
    .bind(user.employee_id)
    .fetch_all(&db.pool)
    .await?;
    let mut queue = Vec::with_capacity(rows.len());
    for r in rows {
        queue.push(PlanToReview {
            plan: plan_view(&db, r.get("id")).await?,
            employee_name: r.get("name"),
            nip: r.get("nip"),
            jabatan: r.get("jabatan"),
        });
    }
    Ok(queue)
}

pub async fn review(plan_id: i64, decision: &str, comment: &str) -> Result<(), AppError> {
    let (action, comment) = match ReviewDecision::from_form(decision) {
        Some(ReviewDecision::Approve) => (PlanAction::Approve, approval_comment(comment)?),
        Some(ReviewDecision::Return) => (PlanAction::Return, return_comment(comment)?),
        None => return Err(PlanError::IllegalTransition.into()),
    };
    let (user, mut tx, plan, to) = begin_step(plan_id, action).await?;
    set_status(&mut tx, plan.id, plan.status, to).await?;
    record_event(&mut tx, plan.id, &user, action, plan.status, to, &comment).await?;
    let kind = if action == PlanAction::Approve {
        NotificationKind::PlanApproved
    } else {
        NotificationKind::PlanReturned
    };
    notify(
        &mut tx,
        plan.employee_id,
        kind,
        &user.name,
        &format!("/rencana?tahun={}", plan.year),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
