//! The dashboard feature on the server (ssr only): who is asking, may they, and the SQL of
//! each step in one transaction.

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use moka::sync::Cache;
use sqlx::Row;

use super::{Dashboard, DashboardFilter, EmployeeFacts, PEOPLE_PAGE_SIZE, PeoplePage};
use crate::error::AppError;
use crate::{
    auth::{
        CurrentUser, Scope,
        queries::{require_user, state},
    },
    calendar::this_year,
    competency::queries::latest_level,
    csv_export,
    dashboard::{Drill, heatmap, people_csv_rows, summarize, tenths},
    db::{Db, unix_now},
    org::{
        AccessClass, JenisJabatan,
        queries::{opd_choices, opd_name},
    },
    plan::PlanStatus,
};

/// Filter values cleaned to what the database knows; anything else means "all".
fn clean(filter: &DashboardFilter) -> (String, String) {
    let jenis = filter
        .jenis
        .as_deref()
        .filter(|j| JenisJabatan::ALL.iter().any(|k| k.as_db() == *j))
        .unwrap_or_default()
        .to_owned();
    let access = filter
        .access
        .as_deref()
        .filter(|a| AccessClass::ALL.iter().any(|k| k.as_db() == *a))
        .unwrap_or_default()
        .to_owned();
    (jenis, access)
}

/// The filter conditions with their three parameters numbered from `first`: the OPD
/// (0 for all), the jenis jabatan and the access class ('' for all).
fn filters_sql(first: usize) -> String {
    let (opd, jenis, access) = (first, first + 1, first + 2);
    format!(
        "(${opd} = 0 OR e.opd_id = ${opd}) AND (${jenis} = '' OR e.jenis_jabatan = ${jenis}) \
         AND (${access} = '' OR l.access_class = ${access})"
    )
}

pub async fn facts(
    db: &Db,
    year: i32,
    opd: Option<i64>,
    filter: &DashboardFilter,
) -> Result<Vec<EmployeeFacts>, AppError> {
    let (jenis, access) = clean(filter);
    let rows = sqlx::query(&format!(
        "SELECT e.id, e.nip, e.name, o.name AS opd_name, u.name AS unit_name, \
                CASE WHEN $2 = 0 THEN e.opd_id ELSE e.unit_id END AS group_id, l.access_class, \
                e.jenis_jabatan, \
                COALESCE((SELECT CAST(SUM(j.jp) AS BIGINT) FROM jp_entry j \
                          WHERE j.employee_id = e.id AND j.year = $1 AND j.status = 'verified'), 0) AS verified_jp, \
                (SELECT p.status FROM dev_plan p WHERE p.employee_id = e.id AND p.year = $1 \
                 ORDER BY p.revision DESC LIMIT 1) AS plan_status \
         FROM employee e JOIN opd o ON o.id = e.opd_id JOIN unit_kerja u ON u.id = e.unit_id \
         JOIN location l ON l.id = e.location_id WHERE {} ORDER BY o.name, e.name, e.id",
        filters_sql(2)
    ))
    .bind(i64::from(year))
    .bind(opd.unwrap_or(0))
    .bind(jenis)
    .bind(access)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| EmployeeFacts {
            id: r.get("id"),
            nip: r.get("nip"),
            name: r.get("name"),
            opd_name: r.get("opd_name"),
            unit_name: r.get("unit_name"),
            group_id: r.get("group_id"),
            access: AccessClass::from_db(&r.get::<String, _>("access_class")),
            jenis: JenisJabatan::from_db(&r.get::<String, _>("jenis_jabatan")),
            verified_jp: r.get::<i64, _>("verified_jp").max(0) as u32,
            plan: r
                .get::<Option<String>, _>("plan_status")
                .and_then(|s| PlanStatus::from_db(&s))
                // A superseded revision always has a newer one; never the latest.
                .filter(|s| *s != PlanStatus::Superseded),
        })
        .collect())
}

/// One cell of the gap heatmap: group id and name, competency code, total gap, people.
type HeatRow = (i64, String, String, i64, i64);

/// How long the heatmap's rows are kept. They read the latest assessment of every (employee,
/// competency) pair, most of a dashboard's time (0.4 s of a core city-wide), and gaps change
/// only when an assessment or a position standard does (an import, the admin's work), not
/// with the JP and plans the rest of the dashboard shows fresh. So each (OPD, filter)'s rows
/// are computed at most once a minute and shared by everyone who may see them: ten HR
/// officers on their dashboards no longer slow every other page.
const HEAT_KEPT: Duration = Duration::from_secs(60);

/// (OPD or 0 for the city, jenis jabatan, access class) of a heatmap.
type HeatKey = (i64, String, String);

static HEAT: LazyLock<Cache<HeatKey, Arc<Vec<HeatRow>>>> = LazyLock::new(|| {
    Cache::builder()
        .max_capacity(512)
        .time_to_live(HEAT_KEPT)
        .build()
});

/// The heatmap's rows, from the last minute's computation when there is one.
async fn heat_rows_kept(
    db: &Db,
    opd: Option<i64>,
    filter: &DashboardFilter,
) -> Result<Arc<Vec<HeatRow>>, AppError> {
    let (jenis, access) = clean(filter);
    let key = (opd.unwrap_or(0), jenis, access);
    if let Some(rows) = HEAT.get(&key) {
        return Ok(rows);
    }
    let rows = Arc::new(heat_rows(db, opd, filter).await?);
    HEAT.insert(key, rows.clone());
    Ok(rows)
}

async fn heat_rows(
    db: &Db,
    opd: Option<i64>,
    filter: &DashboardFilter,
) -> Result<Vec<HeatRow>, AppError> {
    let (jenis, access) = clean(filter);
    let rows = sqlx::query(&format!(
        "SELECT g.grp, g.grp_name, g.code, \
                CAST(SUM(CASE WHEN g.required > g.current THEN g.required - g.current ELSE 0 END) AS BIGINT) \
                    AS gap_total, \
                COUNT(*) AS people \
         FROM (SELECT CASE WHEN $1 = 0 THEN e.opd_id ELSE e.unit_id END AS grp, \
                      CASE WHEN $1 = 0 THEN o.name ELSE u.name END AS grp_name, \
                      c.code AS code, s.required_level AS required, \
                      COALESCE({}, 0) AS current \
               FROM employee e JOIN opd o ON o.id = e.opd_id JOIN unit_kerja u ON u.id = e.unit_id \
               JOIN location l ON l.id = e.location_id \
               JOIN position_standard s ON s.jabatan = e.jabatan \
               JOIN competency c ON c.id = s.competency_id AND c.retired = 0 \
               WHERE {}) g \
         GROUP BY g.grp, g.grp_name, g.code",
        latest_level("e.id", "s.competency_id"),
        filters_sql(1)
    ))
    .bind(opd.unwrap_or(0))
    .bind(jenis)
    .bind(access)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            (
                r.get("grp"),
                r.get("grp_name"),
                r.get("code"),
                r.get("gap_total"),
                r.get("people"),
            )
        })
        .collect())
}

pub async fn dashboard(filter: DashboardFilter) -> Result<Dashboard, AppError> {
    let user = require_user().await?;
    let opd = Scope::of_report(&user, filter.opd)?.opd();
    let state = state()?;
    let db = &state.db;
    let year = filter.year.unwrap_or_else(|| this_year(unix_now()));
    let target = state.settings.jp_yearly_target;
    let facts = facts(db, year, opd, &filter).await?;
    let heat = heat_rows_kept(db, opd, &filter).await?;
    let opd_choices = if Scope::may_choose_opd(&user) {
        opd_choices(db).await?
    } else {
        vec![]
    };
    let opd_name = match opd {
        Some(id) => opd_name(db, id).await?,
        None => None,
    };
    Ok(Dashboard {
        filter: DashboardFilter {
            year: Some(year),
            opd,
            ..filter
        },
        year,
        target,
        opd_name,
        opd_choices,
        summary: summarize(&facts, target),
        heatmap: heatmap(&heat, opd.is_some()),
    })
}

pub async fn people(
    filter: DashboardFilter,
    drill: &str,
    page: usize,
) -> Result<PeoplePage, AppError> {
    let user = require_user().await?;
    let opd = Scope::of_report(&user, filter.opd)?.opd();
    let state = state()?;
    let year = filter.year.unwrap_or_else(|| this_year(unix_now()));
    let target = state.settings.jp_yearly_target;
    let drill = Drill::parse(drill);
    let all: Vec<EmployeeFacts> = facts(&state.db, year, opd, &filter)
        .await?
        .into_iter()
        .filter(|f| drill.matches(f, target))
        .collect();
    let page = page.max(1);
    Ok(PeoplePage {
        year,
        target,
        total: all.len(),
        people: all
            .into_iter()
            .skip((page - 1) * PEOPLE_PAGE_SIZE)
            .take(PEOPLE_PAGE_SIZE)
            .collect(),
        page,
    })
}

/// One table of the dashboard as CSV: `ringkasan` (plans and JP distribution), `akses`
/// (JP by access class), `peta` (the heatmap) or `pegawai` (the people behind `drill`).
pub async fn csv(
    db: &Db,
    target: u32,
    user: &CurrentUser,
    filter: DashboardFilter,
    table: &str,
    drill: &str,
) -> Result<(String, Vec<u8>), AppError> {
    let opd = Scope::of_report(user, filter.opd)?.opd();
    let year = filter.year.unwrap_or_else(|| this_year(unix_now()));
    let rows: Vec<Vec<String>> = match table {
        "ringkasan" | "akses" => {
            let summary = summarize(&facts(db, year, opd, &filter).await?, target);
            if table == "akses" {
                let mut rows = vec![
                    ["akses", "pegawai", "rata_rata_jp", "mencapai_target"]
                        .map(str::to_owned)
                        .to_vec(),
                ];
                rows.extend(summary.by_access.iter().map(|a| {
                    vec![
                        a.access.as_db().to_owned(),
                        a.employees.to_string(),
                        tenths(a.avg_jp_tenths),
                        a.reached.to_string(),
                    ]
                }));
                rows
            } else {
                let mut rows = vec![["kelompok", "jumlah_pegawai"].map(str::to_owned).to_vec()];
                rows.extend(
                    summary
                        .plans
                        .iter()
                        .chain(&summary.jp_buckets)
                        .map(|f| vec![f.drill.code(), f.count.to_string()]),
                );
                rows.push(vec!["capai-ya".into(), summary.reached.to_string()]);
                rows
            }
        }
        "peta" => {
            let map = heatmap(&heat_rows_kept(db, opd, &filter).await?, opd.is_some());
            let mut header = vec!["kelompok".to_owned()];
            header.extend(map.competencies.iter().cloned());
            let mut rows = vec![header];
            rows.extend(map.rows.iter().map(|r| {
                let mut row = vec![r.name.clone()];
                row.extend(r.cells.iter().map(|c| c.map(tenths).unwrap_or_default()));
                row
            }));
            rows
        }
        _ => {
            let drill = Drill::parse(drill);
            let facts: Vec<EmployeeFacts> = facts(db, year, opd, &filter)
                .await?
                .into_iter()
                .filter(|f| drill.matches(f, target))
                .collect();
            people_csv_rows(&facts)
        }
    };
    // The file's name from the fixed list of tables, never the query's text.
    let name = match table {
        "ringkasan" | "akses" | "peta" => table,
        _ => "pegawai",
    };
    Ok((
        format!("bina-{name}-{year}.csv"),
        csv_export::to_bytes(rows)?,
    ))
}
