//! `bina seed --demo`: a synthetic but realistic city government of Kota Palu, one module per
//! feature, each generating its data (pure, deterministic) and inserting it.
//!
//! Deterministic (a fixed random seed), so the demo logins in the README stay valid. The real
//! OPD names and the 8 kecamatan with their 46 kelurahan come from DOMAIN.md; people are
//! invented. The access class of each kelurahan is a demo classification, not an official one.

mod city;
mod development;
mod learning;
mod mentoring;

use bina_app::{
    auth::queries::audit,
    db::{Db, DbKind, Tx, unix_now},
};
use sqlx::{Any, Row, query::Query};

pub use city::DEFAULT_EMPLOYEES;

pub const DEMO_PASSWORD: &str = "bina-demo";

/// Binds one row's values onto a multi-row INSERT.
type AnyQuery<'q> = Query<'q, Any, sqlx::any::AnyArguments<'q>>;

/// Inserts rows in batches: one statement per `batch` rows, all inside `tx`.
async fn insert_batched<T>(
    tx: &mut Tx,
    table_and_columns: &str,
    columns: usize,
    rows: &[T],
    bind: impl for<'q> Fn(AnyQuery<'q>, &'q T) -> AnyQuery<'q>,
) -> Result<(), sqlx::Error> {
    const BATCH: usize = 400;
    for chunk in rows.chunks(BATCH) {
        let mut sql = format!("INSERT INTO {table_and_columns} VALUES ");
        for (r, _) in chunk.iter().enumerate() {
            if r > 0 {
                sql.push(',');
            }
            sql.push('(');
            for c in 0..columns {
                if c > 0 {
                    sql.push(',');
                }
                sql.push_str(&format!("${}", r * columns + c + 1));
            }
            sql.push(')');
        }
        let mut query = sqlx::query(&sql);
        for row in chunk {
            query = bind(query, row);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

pub async fn seed_demo(db: &Db, employees: usize) -> Result<(), sqlx::Error> {
    let existing: i64 = sqlx::query("SELECT COUNT(*) AS n FROM employee")
        .fetch_one(&db.pool)
        .await?
        .get("n");
    if existing > 0 {
        println!("Basis data sudah berisi {existing} pegawai; data demo tidak dimuat ulang.");
        return print_demo_logins(db).await;
    }
    let started = std::time::Instant::now();
    let city = city::generate(employees, 2026);
    let now = unix_now();
    let hash = tokio::task::spawn_blocking(|| password_auth::generate_hash(DEMO_PASSWORD))
        .await
        .map_err(|e| sqlx::Error::Protocol(e.to_string()))?;

    let mut tx = db.begin_write().await?;
    city::insert(&mut tx, &city, &hash, now).await?;
    let today = bina_app::calendar::IsoDate::from_unix_wita(now);
    let (year, month) = (today.year, today.month);
    let dev = development::generate(&city, year, month, now);
    development::insert(&mut tx, &dev, year, now).await?;
    let mentoring = mentoring::generate(&city, &dev, now);
    mentoring::insert(&mut tx, &mentoring, &today.to_string(), now).await?;
    let learning = learning::generate(&city, &dev, now);
    learning::insert(&mut tx, &learning, year, now).await?;
    audit(
        &mut tx,
        None,
        "seed_demo",
        &format!("{} employees", city.employees.len()),
    )
    .await
    .map_err(|_| sqlx::Error::Protocol("audit failed".into()))?;
    if db.kind == DbKind::Postgres {
        // Explicit ids do not move PostgreSQL's identity sequences; move them past the data.
        for table in [
            "opd",
            "location",
            "unit_kerja",
            "employee",
            "account",
            "competency",
            "program",
            "dev_plan",
            "mentoring_request",
            "mentorship",
            "enrolment",
            "course_module",
            "module_revision",
            "scorm_package",
        ] {
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            ))
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    println!(
        "Data demo dimuat: {} perangkat daerah, {} unit kerja, {} pegawai ({:.1} detik).",
        city.opds.len(),
        city.units.len(),
        city.employees.len(),
        started.elapsed().as_secs_f64()
    );
    print_demo_logins(db).await
}

/// Prints the demo accounts as the table of the README.
pub async fn print_demo_logins(db: &Db) -> Result<(), sqlx::Error> {
    let rows = sqlx::query(
        "SELECT e.nip, e.name, \
                COALESCE((SELECT MIN(r.role) FROM account_role r WHERE r.account_id = a.id), \
                         CASE WHEN EXISTS (SELECT 1 FROM employee s WHERE s.supervisor_id = e.id) \
                              THEN 'atasan' \
                              WHEN EXISTS (SELECT 1 FROM mentor_profile m \
                                           WHERE m.employee_id = e.id AND m.active = 1) \
                              THEN 'mentor' ELSE 'pegawai' END) AS role \
         FROM account a JOIN employee e ON e.id = a.employee_id ORDER BY a.id",
    )
    .fetch_all(&db.pool)
    .await?;
    println!("\nAkun demo (kata sandi: {DEMO_PASSWORD}):");
    println!("| role | NIP | name |");
    println!("|---|---|---|");
    for row in rows {
        let (nip, name, role): (String, String, String) =
            (row.get("nip"), row.get("name"), row.get("role"));
        println!("| {role} | {nip} | {name} |");
    }
    Ok(())
}
