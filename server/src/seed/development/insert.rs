//! Inserts the demo's competency side.

use bina_app::db::Tx;

use super::Development;
use crate::seed::insert_batched;

/// Inserts the competency dictionary, standards, assessments, catalog, plans and ledgers.
pub async fn insert(
    tx: &mut Tx,
    dev: &Development,
    year: i32,
    now: i64,
) -> Result<(), sqlx::Error> {
    insert_batched(
        tx,
        "competency (id, code, kind, name, description, indicators, retired)",
        7,
        &dev.competencies,
        |q, c| {
            q.bind(c.id)
                .bind(c.code)
                .bind(c.kind.as_db())
                .bind(c.name)
                .bind(c.description)
                .bind(c.indicators.as_str())
                .bind(0_i64)
        },
    )
    .await?;
    insert_batched(
        tx,
        "position_standard (jabatan, competency_id, required_level)",
        3,
        &dev.standards,
        |q, s| {
            q.bind(s.jabatan.as_str())
                .bind(s.competency_id)
                .bind(s.required_level)
        },
    )
    .await?;
    insert_batched(
        tx,
        "assessment (employee_id, competency_id, level, source, assessed_on, assessor_id)",
        6,
        &dev.assessments,
        |q, a| {
            q.bind(a.employee_id)
                .bind(a.competency_id)
                .bind(a.level)
                .bind(a.source)
                .bind(a.assessed_on.as_str())
                .bind(a.assessor_id)
        },
    )
    .await?;
    insert_batched(
        tx,
        "program (id, title, path, jp, organiser, mode, starts_on, ends_on, place, retired)",
        10,
        &dev.programs,
        |q, p| {
            q.bind(p.id)
                .bind(p.title.as_str())
                .bind(p.path.code())
                .bind(p.jp)
                .bind(p.organiser)
                .bind(p.mode)
                .bind(p.starts_on.as_str())
                .bind(p.ends_on.as_str())
                .bind(p.place)
                .bind(0_i64)
        },
    )
    .await?;
    insert_batched(
        tx,
        "program_competency (program_id, competency_id)",
        2,
        &dev.programs,
        |q, p| q.bind(p.id).bind(p.competency_id),
    )
    .await?;
    insert_batched(
        tx,
        "dev_plan (id, employee_id, year, revision, status, updated_at)",
        6,
        &dev.plans,
        |q, p| {
            q.bind(p.id)
                .bind(p.employee_id)
                .bind(i64::from(year))
                .bind(1_i64)
                .bind(p.status.as_db())
                .bind(p.updated_at)
        },
    )
    .await?;
    insert_batched(
        tx,
        "dev_plan_item (plan_id, competency_id, path, title, planned_jp, target_quarter, program_id)",
        7,
        &dev.items,
        |q, i| {
            q.bind(i.plan_id)
                .bind(i.competency_id)
                .bind(i.path.code())
                .bind(i.title.as_str())
                .bind(i.planned_jp)
                .bind(i.quarter)
                .bind(i.program_id)
        },
    )
    .await?;
    insert_batched(
        tx,
        "plan_event (plan_id, actor_employee_id, action, from_status, to_status, comment, at)",
        7,
        &dev.events,
        |q, e| {
            q.bind(e.plan_id)
                .bind(e.actor)
                .bind(e.action)
                .bind(e.from.as_db())
                .bind(e.to.as_db())
                .bind(e.comment)
                .bind(e.at)
        },
    )
    .await?;
    insert_batched(
        tx,
        "jp_entry (employee_id, year, path, title, organiser, starts_on, ends_on, amount, unit, jp, status, reason, created_at)",
        13,
        &dev.entries,
        |q, e| {
            q.bind(e.employee_id)
                .bind(i64::from(year))
                .bind(e.path.code())
                .bind(e.title.as_str())
                .bind(e.organiser)
                .bind(e.starts_on.as_str())
                .bind(e.ends_on.as_str())
                .bind(e.amount)
                .bind(e.unit.as_db())
                .bind(e.jp)
                .bind(e.status)
                .bind(e.reason)
                .bind(now)
        },
    )
    .await?;
    Ok(())
}
