//! Builds the axum application: Leptos routes and server functions behind sessions and
//! login, static assets, health check, and the middleware every response goes through.

use std::{net::SocketAddr, path::Path as FsPath, sync::Arc, time::Duration};

use axum::{
    Form, Router,
    extract::{Request, State},
    http::{HeaderValue, Method, StatusCode, header},
    middleware::{self, Next},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};
use axum_login::AuthManagerLayerBuilder;
use bina_app::{
    App,
    auth::queries::{Backend, RequestUser},
    db::{
        AppState, Db,
        recent::{Recent, Writes},
    },
    shell,
};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use serde::Deserialize;
use tower_http::{
    CompressionLevel, catch_panic::CatchPanicLayer, compression::CompressionLayer,
    services::ServeDir, set_header::SetResponseHeaderLayer, trace::TraceLayer,
};
use tower_sessions::{Expiry, SessionManagerLayer, cookie::SameSite};

use crate::paths;
use crate::{config::Config, downloads, guard, sessions::Store};

/// Sessions, and accounts, remembered at once at most (see `db::recent`): more than the
/// city's 8,000 employees, a few megabytes of memory.
const REMEMBERED_AT_MOST: u64 = 10_000;
/// Name of the session cookie.
const SESSION_COOKIE: &str = "bina_sesi";
/// The cookie leptos_i18n reads for the chosen language.
const LANGUAGE_COOKIE: &str = "i18n_pref_locale";

fn leptos_options(config: &Config) -> LeptosOptions {
    // cargo-leptos writes hash.txt beside the server binary when it hashes asset names.
    let hashed = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt")))
        .is_some_and(|path| path.exists());
    LeptosOptions::builder()
        .output_name("bina")
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .hash_files(hashed)
        .env(leptos_config::Env::PROD)
        .build()
}

pub fn build(config: &Config, db: Db, store: Store) -> Router {
    let options = leptos_options(config);
    let state = AppState {
        db: db.clone(),
        settings: Arc::new(config.settings.clone()),
    };
    let routes = generate_route_list(App);

    // Sessions and accounts read in the last moment are reused until a request that may
    // write finishes (see `db::recent`).
    let writes = Writes::default();
    let store = store.remembering(Recent::new(
        config.session_cache,
        REMEMBERED_AT_MOST,
        writes.clone(),
    ));
    let session_layer = SessionManagerLayer::new(store)
        .with_name(SESSION_COOKIE)
        .with_secure(config.settings.cookie_secure)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(
            config.settings.session_idle_minutes,
        )));
    let auth_layer = AuthManagerLayerBuilder::new(
        Backend::new(
            db.clone(),
            Recent::new(config.session_cache, REMEMBERED_AT_MOST, writes.clone()),
        ),
        session_layer,
    )
    .build();

    let lookups = bina_app::learning::certificate::queries::CertificateLookups::new(
        config.settings.certificate_lookups_per_minute,
    );
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            provide_context(lookups.clone());
            provide_context(RequestUser::default());
        }
    };
    let app_routes = Router::new()
        .leptos_routes_with_context(&options, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .route(
            "/api/{*fn_name}",
            post({
                let context = context.clone();
                move |req: Request| leptos_axum::handle_server_fns_with_context(context, req)
            }),
        )
        .route(paths::LANGUAGE, post(set_language))
        .merge(downloads::routes(state.clone()))
        .fallback(leptos_axum::file_and_error_handler_with_context(
            context, shell,
        ))
        .layer(auth_layer)
        // Outside the session layer, so that the tag covers the page as it is sent.
        .layer(middleware::from_fn(crate::page_cache::revalidate_pages))
        // Outside the session layer, so a request counts as written once its session is saved.
        .layer(middleware::from_fn_with_state(writes, count_writes))
        .layer(middleware::from_fn(default_language))
        .with_state(options.clone());

    let pkg_dir = FsPath::new(config.site_root.as_str()).join("pkg");
    let assets = Router::new()
        .nest_service(
            "/pkg",
            ServeDir::new(pkg_dir)
                .precompressed_br()
                .precompressed_gzip(),
        )
        .layer(middleware::from_fn(cache_assets));

    let origins = Arc::new(guard::Origins {
        extra: config.public_origins.clone(),
        trust_forwarded_host: config.settings.proxy_hops > 0,
    });
    let router = Router::new()
        .route(paths::HEALTH, get(healthz))
        .with_state(db)
        .merge(assets)
        .merge(app_routes)
        .route_service(
            "/favicon.svg",
            tower_http::services::ServeFile::new(
                FsPath::new(config.site_root.as_str()).join("favicon.svg"),
            ),
        )
        // Before anything reads the body: a write from another site does nothing.
        .layer(middleware::from_fn(guard::uploads_are_multipart))
        .layer(middleware::from_fn_with_state(
            origins,
            guard::same_site_writes,
        ))
        // Outside the guards, so that a refused request's body is read only to this limit.
        .layer(middleware::from_fn(guard::limit_body))
        // nosniff, no framing (but a SCORM package's), a strict referrer policy, and a CSP for responses that are
        // not pages (pages set their own, with the nonce of their inline scripts).
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        // A SCORM package's files say SAMEORIGIN themselves: the module page frames them.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        // A 304 keeps the policy the browser stored with its copy (see `page_cache`).
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            |res: &Response| {
                (res.status() != StatusCode::NOT_MODIFIED)
                    .then(|| HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"))
            },
        ))
        // Pages are compressed per request at brotli quality 1 (gzip level 1): on a 5 KB page
        // it costs a quarter of the default level's time for 10% more bytes. The assets
        // under /pkg are precompressed at the highest level and not compressed again.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(1)))
        .layer(CatchPanicLayer::custom(guard::panic_page));
    // HTTPS only once cookies are (a browser ignores the header over plain HTTP).
    let router = if config.settings.cookie_secure {
        router.layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        ))
    } else {
        router
    };
    router.layer(TraceLayer::new_for_http())
}

/// Marks the end of every request that may have written (all but GET and HEAD), so that
/// nothing read before it is reused (see `db::recent`).
async fn count_writes(State(writes): State<Writes>, req: Request, next: Next) -> Response {
    let reads_only = matches!(*req.method(), Method::GET | Method::HEAD);
    let res = next.run(req).await;
    if !reads_only {
        writes.finished();
    }
    res
}

/// Hashed asset names (`bina.<hash>.wasm`) never change content: cache them for a year.
/// Anything else under /pkg is revalidated on each use.
async fn cache_assets(req: Request, next: Next) -> Response {
    let hashed = req
        .uri()
        .path()
        .rsplit('/')
        .next()
        .is_some_and(|name| name.split('.').count() >= 3);
    let mut res = next.run(req).await;
    let value = if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    res
}

/// Bina speaks Indonesian until the person picks English, whatever the browser's language.
/// A first visit without the language cookie is rendered as if it had `id` and is given the
/// cookie, so the hydrated app (which reads the cookie before the browser's languages)
/// agrees with the server.
async fn default_language(mut req: Request, next: Next) -> Response {
    let has_choice = req
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .any(|c| c.trim_start().starts_with(&format!("{LANGUAGE_COOKIE}=")));
    if has_choice {
        return next.run(req).await;
    }
    if let Ok(value) = HeaderValue::from_str(&format!("{LANGUAGE_COOKIE}=id")) {
        req.headers_mut().append(header::COOKIE, value);
    }
    let mut res = next.run(req).await;
    if let Ok(value) = HeaderValue::from_str(&language_cookie("id")) {
        res.headers_mut().append(header::SET_COOKIE, value);
    }
    res
}

fn language_cookie(locale: &str) -> String {
    format!("{LANGUAGE_COOKIE}={locale}; Path=/; Max-Age=31536000; SameSite=Lax")
}

#[derive(Deserialize)]
struct LanguageForm {
    ke: String,
    kembali: Option<String>,
}

/// Only paths on this site, never `//elsewhere` or `https://elsewhere`. Every character must
/// be printable ASCII: a browser drops tabs and line breaks from a URL, so `/\t/elsewhere`
/// would become `//elsewhere`, and a backslash counts as a slash.
fn local_path(path: Option<String>) -> String {
    match path {
        Some(p)
            if p.starts_with('/')
                && p.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
                && !p.starts_with("//") =>
        {
            p
        }
        _ => "/".to_owned(),
    }
}

/// The no-JavaScript language switch: remember the choice for a year, go back.
async fn set_language(Form(form): Form<LanguageForm>) -> Response {
    let locale = if form.ke == "en" { "en" } else { "id" };
    let mut res = Redirect::to(&local_path(form.kembali)).into_response();
    if let Ok(value) = HeaderValue::from_str(&language_cookie(locale)) {
        res.headers_mut().insert(header::SET_COOKIE, value);
    }
    res
}

async fn healthz(State(db): State<Db>) -> Response {
    match sqlx::query("SELECT 1").execute(&db.pool).await {
        Ok(_) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

pub async fn serve(config: Config, db: Db, store: Store) -> std::io::Result<()> {
    let deletion = tokio::task::spawn(
        tower_sessions::ExpiredDeletion::continuously_delete_expired(
            store.clone(),
            Duration::from_secs(600),
        ),
    );
    let sweeper = tokio::task::spawn(sweep_mentoring_requests(db.clone()));
    if !config.settings.cookie_secure && !config.addr.ip().is_loopback() {
        tracing::warn!(
            "BINA_COOKIE_SECURE=false while listening on {}: the session cookie also travels \
             over plain HTTP, where anyone on the network can read it",
            config.addr
        );
    }
    let router = build(&config, db.clone(), store.clone());
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    tracing::info!("Bina listening on http://{}", config.addr);
    println!("Bina berjalan di http://{}", listener.local_addr()?);
    // On SIGTERM or Ctrl-C: stop accepting, let the requests in flight finish within the
    // grace period (a stalled upload must not hold a deploy), then close the pools, so that
    // SQLite checkpoints its log and PostgreSQL sees its connections end.
    let (stopping, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown_signal().await;
        tracing::info!("stopping: finishing the requests in flight");
        let _ = stopping.send(());
    });
    let grace = config.shutdown_grace;
    let overdue = async move {
        if stopped.await.is_ok() {
            tokio::time::sleep(grace).await;
        } else {
            std::future::pending::<()>().await;
        }
    };
    tokio::select! {
        served = server => served?,
        () = overdue => tracing::warn!(?grace, "requests still in flight after the grace period; stopping anyway"),
    }
    deletion.abort();
    sweeper.abort();
    // Bounded too: a request still running after the grace period may hold a connection.
    let closing = async {
        db.pool.close().await;
        store.close().await;
    };
    if tokio::time::timeout(Duration::from_secs(5), closing)
        .await
        .is_err()
    {
        tracing::warn!("database connections still in use at exit");
    }
    tracing::info!("stopped");
    Ok(())
}

/// Every few minutes: reminds mentors of requests about to expire and expires the overdue
/// ones. Several server processes may run it at once; the status checks in its updates make
/// that harmless.
async fn sweep_mentoring_requests(db: Db) {
    let mut every = tokio::time::interval(Duration::from_secs(300));
    loop {
        every.tick().await;
        let now = bina_app::db::unix_now();
        match bina_app::mentoring::request::queries::sweep(&db, now).await {
            Ok(done) if done.reminded + done.expired > 0 => {
                tracing::info!(
                    reminded = done.reminded,
                    expired = done.expired,
                    "mentoring requests swept"
                );
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = ?e, "mentoring sweep failed"),
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut sig) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            sig.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn language_switch_returns_only_to_local_paths() {
        assert_eq!(local_path(Some("/pegawai?q=a".into())), "/pegawai?q=a");
        assert_eq!(local_path(Some("//evil.example".into())), "/");
        assert_eq!(local_path(Some("https://evil.example".into())), "/");
        assert_eq!(local_path(Some("/\\evil.example".into())), "/");
        assert_eq!(local_path(Some("/\t/evil.example".into())), "/");
        assert_eq!(local_path(Some("/\n/evil.example".into())), "/");
        assert_eq!(local_path(Some("/ /evil.example".into())), "/");
        assert_eq!(local_path(None), "/");
    }
}
