//! Configuration from environment variables, each with a default that runs Bina locally.

use std::{net::SocketAddr, str::FromStr, time::Duration};

use bina_app::{
    mentoring::{OpdPreference, score::Eligibility},
    settings::Settings,
};

#[derive(Debug, Clone)]
pub struct Config {
    /// `sqlite://…` (default `sqlite://data/bina.db`) or `postgres://…`.
    pub database_url: String,
    /// Where `bina serve` listens (default 127.0.0.1:3000).
    pub addr: SocketAddr,
    /// The folder cargo-leptos built the site into (default `target/site`).
    pub site_root: String,
    /// How long a session and its account, once read, are reused without reading them again
    /// (default 1 s; 0 reads them on every request). Bounds how long a logout or a role
    /// change made through another server process takes to reach this one.
    pub session_cache: Duration,
    /// Origins besides the request's own `Host` that may send writes (`BINA_PUBLIC_ORIGIN`,
    /// comma-separated, e.g. `https://bina.palukota.go.id` behind a proxy that rewrites
    /// `Host`).
    pub public_origins: Vec<String>,
    /// How long a stopping server lets requests in flight finish (`BINA_SHUTDOWN_GRACE_SECS`,
    /// default 10) before it stops anyway.
    pub shutdown_grace: Duration,
    pub settings: Settings,
}

fn var<T: FromStr>(name: &str, default: T) -> Result<T, String> {
    match std::env::var(name) {
        Ok(value) if !value.trim().is_empty() => value
            .trim()
            .parse()
            .map_err(|_| format!("{name}={value:?} is not a valid value")),
        _ => Ok(default),
    }
}

fn flag(name: &str, default: bool) -> Result<bool, String> {
    match std::env::var(name).unwrap_or_default().trim() {
        "" => Ok(default),
        "0" | "false" | "no" => Ok(false),
        "1" | "true" | "yes" => Ok(true),
        other => Err(format!("{name}={other:?} must be true or false")),
    }
}

impl Config {
    pub fn from_env() -> Result<Config, String> {
        let defaults = Settings::default();
        let jp_minutes: u32 = var("BINA_JP_MINUTES", defaults.jp_minutes)?;
        if !(30..=60).contains(&jp_minutes) {
            return Err("BINA_JP_MINUTES must be between 30 and 60".into());
        }
        let mentoring_request_days: i64 = var(
            "BINA_MENTORING_REQUEST_DAYS",
            defaults.mentoring_request_days,
        )?;
        if !(1..=60).contains(&mentoring_request_days) {
            return Err("BINA_MENTORING_REQUEST_DAYS must be between 1 and 60".into());
        }
        let mentor_opd = match std::env::var("BINA_MENTOR_OPD") {
            Ok(text) if !text.trim().is_empty() => {
                OpdPreference::parse(text.trim())
                    .ok_or("BINA_MENTOR_OPD must be same, other or neutral")?;
                text.trim().to_owned()
            }
            _ => defaults.mentor_opd,
        };
        let mentor_min_lead: u8 = var("BINA_MENTOR_MIN_LEAD", defaults.mentor_min_lead)?;
        if !Eligibility::LEAD_RANGE.contains(&mentor_min_lead) {
            return Err("BINA_MENTOR_MIN_LEAD must be between 1 and 4".into());
        }
        let addr: SocketAddr = var("BINA_ADDR", SocketAddr::from(([127, 0, 0, 1], 3000)))?;
        let public_origins: Vec<String> = std::env::var("BINA_PUBLIC_ORIGIN")
            .unwrap_or_default()
            .split(',')
            .map(|o| o.trim().trim_end_matches('/').to_ascii_lowercase())
            .filter(|o| !o.is_empty())
            .collect();
        // Certificates print the address people reach Bina at: the first public origin,
        // else the address it listens on.
        let public_url = var(
            "BINA_PUBLIC_URL",
            public_origins
                .first()
                .cloned()
                .unwrap_or_else(|| format!("http://{addr}")),
        )?
        .trim_end_matches('/')
        .to_owned();
        if !public_url.starts_with("http://") && !public_url.starts_with("https://") {
            return Err("BINA_PUBLIC_URL must start with http:// or https://".into());
        }
        let proxy_hops = if flag("BINA_TRUST_PROXY", false)? {
            var("BINA_PROXY_HOPS", 1usize)?.max(1)
        } else {
            0
        };
        Ok(Config {
            database_url: var("DATABASE_URL", "sqlite://data/bina.db".to_owned())?,
            addr,
            site_root: var("BINA_SITE_ROOT", "target/site".to_owned())?,
            session_cache: Duration::from_millis(var("BINA_SESSION_CACHE_MS", 1000)?),
            shutdown_grace: Duration::from_secs(var("BINA_SHUTDOWN_GRACE_SECS", 10)?),
            public_origins,
            settings: Settings {
                jp_minutes,
                jp_yearly_target: var("BINA_JP_YEARLY_TARGET", defaults.jp_yearly_target)?,
                session_idle_minutes: var(
                    "BINA_SESSION_IDLE_MINUTES",
                    defaults.session_idle_minutes,
                )?,
                session_max_hours: var("BINA_SESSION_MAX_HOURS", defaults.session_max_hours)?,
                login_window_secs: var(
                    "BINA_LOGIN_WINDOW_MINUTES",
                    defaults.login_window_secs / 60,
                )? * 60,
                login_max_failures: var("BINA_LOGIN_MAX_FAILURES", defaults.login_max_failures)?,
                login_max_failures_per_address: var(
                    "BINA_LOGIN_MAX_FAILURES_PER_ADDRESS",
                    defaults.login_max_failures_per_address,
                )?,
                login_max_failures_per_account_daily: var(
                    "BINA_LOGIN_MAX_FAILURES_PER_ACCOUNT_DAILY",
                    defaults.login_max_failures_per_account_daily,
                )?,
                proxy_hops,
                // Only over HTTPS, unless Bina is reached on this machine alone: a browser
                // keeps no secure cookie over plain HTTP except from localhost.
                cookie_secure: flag("BINA_COOKIE_SECURE", !addr.ip().is_loopback())?,
                evidence_dir: var("BINA_EVIDENCE_DIR", defaults.evidence_dir)?,
                mentoring_request_days,
                mentoring_sessions_per_day: var(
                    "BINA_MENTORING_SESSIONS_PER_DAY",
                    defaults.mentoring_sessions_per_day,
                )?,
                mentoring_jp_yearly_cap: var(
                    "BINA_MENTORING_JP_YEARLY_CAP",
                    defaults.mentoring_jp_yearly_cap,
                )?,
                mentor_min_lead,
                mentor_reach_required: flag(
                    "BINA_MENTOR_REACH_REQUIRED",
                    defaults.mentor_reach_required,
                )?,
                mentor_opd,
                public_url,
                certificate_government: var(
                    "BINA_CERTIFICATE_GOVERNMENT",
                    defaults.certificate_government,
                )?,
                certificate_place: var("BINA_CERTIFICATE_PLACE", defaults.certificate_place)?,
                certificate_signer_title: var(
                    "BINA_CERTIFICATE_SIGNER_TITLE",
                    defaults.certificate_signer_title,
                )?,
                certificate_signer_name: var(
                    "BINA_CERTIFICATE_SIGNER_NAME",
                    defaults.certificate_signer_name,
                )?,
                certificate_lookups_per_minute: var(
                    "BINA_CERTIFICATE_LOOKUPS_PER_MINUTE",
                    defaults.certificate_lookups_per_minute,
                )?
                .max(1),
            },
        })
    }
}
