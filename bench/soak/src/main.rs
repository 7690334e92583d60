//! Bina's soak benchmark: simulated civil servants, each logged in on their own session,
//! going through the everyday flows at once (home, the plan page, adding a plan item and
//! removing it, mentor recommendations), and HR officers opening the dashboard. Goose
//! prints the throughput, the percentiles of every step and the errors at the end.
//!
//! Run by `scripts/soak.sh`, which seeds the demo, gives `BINA_SOAK_LOGINS` people a login
//! and passes their NIPs in the file `BINA_SOAK_NIPS` (one per line); the dashboard users log
//! in as the demo admin and pengelola OPD (`BINA_SOAK_MANAGERS`, NIPs by comma).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use goose::prelude::*;
use serde_json::Value;

const PASSWORD: &str = "bina-demo";
/// A person reads for a moment between two steps.
const THINK_MIN: Duration = Duration::from_millis(500);
const THINK_MAX: Duration = Duration::from_secs(2);

static STAFF: OnceLock<Vec<String>> = OnceLock::new();
static MANAGERS: OnceLock<Vec<String>> = OnceLock::new();
static NEXT_STAFF: AtomicUsize = AtomicUsize::new(0);
static NEXT_MANAGER: AtomicUsize = AtomicUsize::new(0);

/// What one simulated employee knows about their own plan.
struct Person {
    year: i64,
    competency: i64,
    /// Items added so far (each title is unique to this person).
    added: u64,
    nip: String,
}

#[tokio::main]
async fn main() -> Result<(), GooseError> {
    let staff = std::fs::read_to_string(std::env::var("BINA_SOAK_NIPS").expect("BINA_SOAK_NIPS"))
        .expect("the NIP file")
        .lines()
        .map(str::to_owned)
        .filter(|l| !l.is_empty())
        .collect();
    STAFF.set(staff).unwrap();
    let managers = std::env::var("BINA_SOAK_MANAGERS").expect("BINA_SOAK_MANAGERS");
    MANAGERS
        .set(managers.split(',').map(str::to_owned).collect())
        .unwrap();

    GooseAttack::initialize()?
        .register_scenario(
            scenario!("Pegawai")
                .set_weight(19)?
                .set_wait_time(THINK_MIN, THINK_MAX)?
                .register_transaction(transaction!(staff_log_in).set_on_start().set_name("log in"))
                .register_transaction(transaction!(home).set_name("home"))
                .register_transaction(transaction!(plan_page).set_name("plan page"))
                .register_transaction(
                    transaction!(add_and_remove_item).set_name("add and remove a plan item"),
                )
                .register_transaction(transaction!(mentors).set_name("mentor recommendations")),
        )
        .register_scenario(
            scenario!("Pengelola")
                .set_weight(1)?
                .set_wait_time(THINK_MIN, THINK_MAX)?
                .register_transaction(
                    transaction!(manager_log_in)
                        .set_on_start()
                        .set_name("log in"),
                )
                .register_transaction(transaction!(dashboard).set_name("dashboard")),
        )
        .execute()
        .await?;
    Ok(())
}

/// Logs `nip` in with a JSON answer (a 200 and the session cookie).
async fn log_in(user: &mut GooseUser, nip: &str) -> TransactionResult {
    let builder = user
        .get_request_builder(&GooseMethod::Post, "/api/masuk")?
        .header("accept", "application/json")
        .form(&[("nip", nip), ("password", PASSWORD)]);
    let request = GooseRequest::builder()
        .method(GooseMethod::Post)
        .path("/api/masuk")
        .name("log in")
        .set_request_builder(builder)
        .build();
    user.request(request).await?;
    Ok(())
}

/// Calls a server function with form arguments and a JSON answer.
async fn call(
    user: &mut GooseUser,
    name: &str,
    endpoint: &str,
    args: &[(&str, String)],
) -> Result<Value, Box<TransactionError>> {
    let path = format!("/api/{endpoint}");
    let builder = user
        .get_request_builder(&GooseMethod::Post, &path)?
        .header("accept", "application/json")
        .form(args);
    let request = GooseRequest::builder()
        .method(GooseMethod::Post)
        .path(path.as_str())
        .name(name)
        .set_request_builder(builder)
        .build();
    let mut goose = user.request(request).await?;
    match goose.response {
        Ok(response) => match response.json::<Value>().await {
            Ok(body) => Ok(body),
            Err(e) => {
                user.set_failure(&format!("not JSON: {e}"), &mut goose.request, None, None)?;
                Ok(Value::Null)
            }
        },
        Err(_) => Ok(Value::Null),
    }
}

async fn staff_log_in(user: &mut GooseUser) -> TransactionResult {
    let staff = STAFF.get().unwrap();
    let nip = staff[NEXT_STAFF.fetch_add(1, Ordering::Relaxed) % staff.len()].clone();
    log_in(user, &nip).await?;
    let page = call(user, "plan data", "rencana", &[]).await?;
    let year = page["plan"]["year"].as_i64().unwrap_or(2026);
    let competency = page["competencies"][0]["id"].as_i64().unwrap_or(1);
    user.set_session_data(Person {
        year,
        competency,
        added: 0,
        nip,
    });
    Ok(())
}

async fn manager_log_in(user: &mut GooseUser) -> TransactionResult {
    let managers = MANAGERS.get().unwrap();
    let nip = managers[NEXT_MANAGER.fetch_add(1, Ordering::Relaxed) % managers.len()].clone();
    log_in(user, &nip).await
}

async fn home(user: &mut GooseUser) -> TransactionResult {
    user.get_named("/", "home").await?;
    Ok(())
}

async fn plan_page(user: &mut GooseUser) -> TransactionResult {
    user.get_named("/rencana", "plan page").await?;
    Ok(())
}

async fn mentors(user: &mut GooseUser) -> TransactionResult {
    user.get_named("/mentoring", "mentor recommendations")
        .await?;
    Ok(())
}

async fn dashboard(user: &mut GooseUser) -> TransactionResult {
    user.get_named("/dasbor", "dashboard").await?;
    Ok(())
}

/// Adds an item to the person's draft plan, finds it, and removes it again (so the plan
/// never reaches its 30 items).
async fn add_and_remove_item(user: &mut GooseUser) -> TransactionResult {
    let (year, competency, title) = {
        let person = user.get_session_data_unchecked_mut::<Person>();
        person.added += 1;
        let title = format!("Uji beban {} {}", person.nip, person.added);
        (person.year, person.competency, title)
    };
    call(
        user,
        "add plan item",
        "rencana-tambah",
        &[
            ("year", year.to_string()),
            ("competency_id", competency.to_string()),
            ("path", "pelatihan_teknis".into()),
            ("title", title.clone()),
            ("planned_jp", "8".into()),
            ("target_quarter", "3".into()),
            ("program_id", String::new()),
        ],
    )
    .await?;
    let page = call(user, "plan data", "rencana", &[]).await?;
    let item = page["plan"]["items"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|i| i["title"] == title.as_str())
        .and_then(|i| i["id"].as_i64());
    if let Some(item) = item {
        call(
            user,
            "remove plan item",
            "rencana-hapus",
            &[("item_id", item.to_string())],
        )
        .await?;
    }
    Ok(())
}
