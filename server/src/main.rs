//! `bina`: the server binary. `bina serve`, `bina migrate`, `bina seed --demo`.

mod config;
mod guard;
mod page_cache;
mod seed;
mod sessions;
mod startup;

use bina_app::db::Db;
use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

/// A page render allocates many small strings and the dynamic brotli encoder large tables;
/// glibc's allocator spent a fifth of the server's time on them under load, mimalloc far less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "bina",
    version,
    about = "Bina: pengembangan kompetensi ASN Kota Palu"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database, then serve the web application.
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// List every route that is not a page (server functions and plain routes) and exit.
    Routes,
    /// Load demo data of Kota Palu into an empty database.
    Seed {
        /// Synthetic city government with demo accounts (password `bina-demo`).
        #[arg(long)]
        demo: bool,
        /// Number of employees to create.
        #[arg(long, default_value_t = seed::DEFAULT_EMPLOYEES)]
        employees: usize,
    },
}

async fn connect(config: &config::Config) -> Result<(Db, sessions::Store), String> {
    let (db, native) = Db::connect(&config.database_url)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    db.migrate()
        .await
        .map_err(|e| format!("cannot migrate the database: {e}"))?;
    let store = sessions::Store::new(native);
    store
        .migrate()
        .await
        .map_err(|e| format!("cannot create the session table: {e}"))?;
    Ok((db, store))
}

async fn run(cli: Cli) -> Result<(), String> {
    if let Command::Routes = cli.command {
        for route in startup::route_list() {
            println!("{route}");
        }
        return Ok(());
    }
    let config = config::Config::from_env()?;
    let (db, store) = connect(&config).await?;
    match cli.command {
        Command::Serve => startup::serve(config, db, store)
            .await
            .map_err(|e| format!("server stopped: {e}")),
        Command::Routes => Ok(()),
        Command::Migrate => {
            println!("Migrasi basis data selesai.");
            Ok(())
        }
        Command::Seed { demo, employees } => {
            if !demo {
                return Err("only demo data can be seeded: use `bina seed --demo`".into());
            }
            seed::seed_demo(&db, employees)
                .await
                .map_err(|e| format!("seeding failed: {e}"))
        }
    }
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_env("BINA_LOG")
                .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    if let Err(message) = run(Cli::parse()).await {
        eprintln!("bina: {message}");
        std::process::exit(1);
    }
}
