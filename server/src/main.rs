//! `bina`: the server binary. `bina serve`, `bina migrate`, `bina seed --demo`,
//! `bina backup DIR`, `bina restore DIR`.

mod backup;
mod config;
mod downloads;
mod guard;
mod page_cache;
mod paths;
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
    /// Copy the database and its evidence files into a new folder, while the server runs.
    Backup {
        /// The folder to create (it must be empty or absent).
        dir: std::path::PathBuf,
    },
    /// Bring a backup back (stop the server first), then migrate it to this version.
    Restore {
        /// A folder made by `bina backup`.
        dir: std::path::PathBuf,
        /// Overwrite a database that already holds data.
        #[arg(long)]
        replace: bool,
    },
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
        for route in paths::route_list() {
            println!("{route}");
        }
        return Ok(());
    }
    let config = config::Config::from_env()?;
    if let Command::Restore { dir, replace } = &cli.command {
        let evidence = &config.settings.evidence_dir;
        let made = backup::restore(&config.database_url, evidence, dir, *replace).await?;
        connect(&config).await?;
        println!(
            "Cadangan dipulihkan: basis data dan {} berkas bukti. Semua orang masuk lagi.",
            made.evidence_files
        );
        return Ok(());
    }
    let (db, store) = connect(&config).await?;
    match cli.command {
        Command::Serve => startup::serve(config, db, store)
            .await
            .map_err(|e| format!("server stopped: {e}")),
        Command::Routes | Command::Restore { .. } => Ok(()),
        Command::Backup { dir } => {
            let evidence = &config.settings.evidence_dir;
            let made = backup::backup(&db, &config.database_url, evidence, &dir).await?;
            println!(
                "Cadangan dibuat di {}: basis data dan {} berkas bukti.",
                dir.display(),
                made.evidence_files
            );
            Ok(())
        }
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
