//! Server only: the axum-login backend and the work behind the auth server functions.

use std::sync::OnceLock;

use axum_login::{AuthUser, AuthnBackend};
use leptos::prelude::*;
use sqlx::Row;

use super::{
    CurrentUser, attempts, lifetime,
    policy::{Grants, derive_roles},
};
use crate::auth::throttle::ThrottlePolicy;
use crate::{
    db::{AppState, Db, recent::Recent, unix_now},
    error::AppError,
    org::{AccessClass, JenisJabatan, nip::Nip},
    validation::check_new_password,
};

pub type AuthSession = axum_login::AuthSession<Backend>;

/// Session key of the login time, for the absolute session lifetime.
const LOGIN_AT_KEY: &str = "bina.login_at";
/// Session key of the last time the idle deadline moved (see `auth::lifetime`).
const IDLE_MOVED_AT_KEY: &str = "bina.idle_moved_at";

/// The account behind a session, loaded on every request by axum-login: the whole person
/// (one query), so that pages and server functions need no second look-up. The password
/// hash doubles as the session fingerprint: changing the password ends every other session
/// of the account.
#[derive(Clone)]
pub struct SessionAccount {
    pub user: CurrentUser,
    password_hash: String,
}

impl std::fmt::Debug for SessionAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionAccount")
            .field("account_id", &self.user.account_id)
            .finish()
    }
}

impl AuthUser for SessionAccount {
    type Id = i64;

    fn id(&self) -> i64 {
        self.user.account_id
    }

    fn session_auth_hash(&self) -> &[u8] {
        self.password_hash.as_bytes()
    }
}

pub struct Credentials {
    pub nip: Nip,
    pub password: String,
}

#[derive(Clone, Debug)]
pub struct Backend {
    db: Db,
    /// Accounts read in the last moment (see `db::recent`).
    recent: Recent<i64, SessionAccount>,
}

impl Backend {
    pub fn new(db: Db, recent: Recent<i64, SessionAccount>) -> Self {
        Backend { db, recent }
    }
}

/// A hash to verify against when the NIP has no account, so that a missing account takes
/// as long to refuse as a wrong password and the timing does not reveal which NIPs exist.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| password_auth::generate_hash("bina-no-such-account"))
}

async fn verify_password(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || password_auth::verify_password(&password, &hash).is_ok())
        .await
        .unwrap_or(false)
}

impl AuthnBackend for Backend {
    type User = SessionAccount;
    type Credentials = Credentials;
    type Error = sqlx::Error;

    async fn authenticate(
        &self,
        creds: Credentials,
    ) -> Result<Option<SessionAccount>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT a.id, a.password_hash FROM account a JOIN employee e ON e.id = a.employee_id \
             WHERE e.nip = $1 AND a.active = 1",
        )
        .bind(creds.nip.as_str().to_owned())
        .fetch_optional(&self.db.pool)
        .await?;
        let account: Option<(i64, String)> = row.map(|r| (r.get("id"), r.get("password_hash")));
        let hash = account
            .as_ref()
            .map_or_else(|| dummy_hash().to_owned(), |(_, hash)| hash.clone());
        if !verify_password(creds.password, hash).await {
            return Ok(None);
        }
        match account {
            Some((id, _)) => self.get_user(&id).await,
            None => Ok(None),
        }
    }

    async fn get_user(&self, id: &i64) -> Result<Option<SessionAccount>, sqlx::Error> {
        self.recent
            .get_or_load(*id, load_account(&self.db, *id))
            .await
    }
}

/// Reads an active account and the person behind it: employee, OPD, unit, location and
/// roles, in one query (this runs on every request of a logged-in person).
async fn load_account(db: &Db, account_id: i64) -> Result<Option<SessionAccount>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT a.id AS account_id, e.id AS employee_id, e.nip, e.name, e.jabatan, e.jenis_jabatan, \
                e.golongan, o.id AS opd_id, o.name AS opd_name, u.name AS unit_name, \
                l.name AS location_name, l.access_class, \
                (SELECT COUNT(*) FROM employee r WHERE r.supervisor_id = e.id) AS reports, \
                (SELECT COUNT(*) FROM mentor_profile m WHERE m.employee_id = e.id AND m.active = 1) \
                    AS mentor_profiles, \
                (SELECT COUNT(*) FROM account_role g WHERE g.account_id = a.id AND g.role = 'admin') \
                    AS admin_grants, \
                (SELECT g.opd_id FROM account_role g \
                 WHERE g.account_id = a.id AND g.role = 'pengelola_opd') AS pengelola_opd, \
                a.password_hash \
         FROM account a \
         JOIN employee e ON e.id = a.employee_id \
         JOIN opd o ON o.id = e.opd_id \
         JOIN unit_kerja u ON u.id = e.unit_id \
         JOIN location l ON l.id = e.location_id \
         WHERE a.id = $1 AND a.active = 1",
    )
    .bind(account_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|row| {
        let grants = Grants {
            admin: row.get::<i64, _>("admin_grants") > 0,
            pengelola_opd: row.get("pengelola_opd"),
        };
        SessionAccount {
            user: CurrentUser {
                account_id: row.get("account_id"),
                employee_id: row.get("employee_id"),
                nip: row.get("nip"),
                name: row.get("name"),
                jabatan: row.get("jabatan"),
                jenis_jabatan: JenisJabatan::from_db(&row.get::<String, _>("jenis_jabatan")),
                golongan: row.get("golongan"),
                opd_id: row.get("opd_id"),
                opd_name: row.get("opd_name"),
                unit_name: row.get("unit_name"),
                location_name: row.get("location_name"),
                access_class: AccessClass::from_db(&row.get::<String, _>("access_class")),
                roles: derive_roles(
                    grants,
                    row.get("reports"),
                    row.get::<i64, _>("mentor_profiles") > 0,
                ),
            },
            password_hash: row.get("password_hash"),
        }
    }))
}

pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Internal
    })
}

pub async fn auth_session() -> Result<AuthSession, AppError> {
    leptos_axum::extract::<AuthSession>().await.map_err(|e| {
        tracing::error!(error = %e, "auth session missing");
        AppError::Internal
    })
}

pub async fn login(nip: &str, password: &str) -> Result<(), AppError> {
    let nip = Nip::parse(nip)?;
    let state = state()?;
    let db = &state.db;
    let now = unix_now();
    let address = attempts::client_address(state.settings.proxy_hops).await;
    let device = attempts::Device::of_request(db, &nip, now).await?;
    let reservation = attempts::reserve(
        db,
        &ThrottlePolicy::from(&*state.settings),
        &nip,
        &address,
        &device,
        now,
    )
    .await?;
    let permit = match attempts::hashing_permit().await {
        Ok(permit) => permit,
        Err(busy) => {
            reservation.release(db).await?;
            return Err(busy);
        }
    };

    let mut session = auth_session().await?;
    let account = session
        .authenticate(Credentials {
            nip: nip.clone(),
            password: password.to_owned(),
        })
        .await
        .map_err(|e| {
            tracing::error!(error = ?e, "authentication backend failed");
            AppError::Internal
        })?;
    drop(permit);
    let Some(account) = account else {
        // The reservation stays: it is the failure.
        tracing::info!(nip = %nip, "failed login");
        return Err(AppError::InvalidCredentials);
    };

    // Written before the session exists: a login that cannot be audited leaves none.
    let mut tx = db.begin_write().await?;
    reservation.succeeded(&mut tx).await?;
    audit(&mut tx, Some(account.user.account_id), "login", "").await?;
    let token = device
        .remember(&mut tx, account.user.account_id, now)
        .await?;
    tx.commit().await?;

    RequestUser::forget().await;
    // A new session id also when someone logs in over a live session (axum-login makes one
    // only for a session without a login).
    session
        .session
        .cycle_id()
        .await
        .map_err(|_| AppError::Internal)?;
    session.login(&account).await.map_err(|e| {
        tracing::error!(error = ?e, "session login failed");
        AppError::Internal
    })?;
    for key in [LOGIN_AT_KEY, IDLE_MOVED_AT_KEY] {
        session
            .session
            .insert(key, now)
            .await
            .map_err(|_| AppError::Internal)?;
    }
    attempts::set_device_cookie(&token, state.settings.cookie_secure);
    Ok(())
}

pub async fn logout() -> Result<(), AppError> {
    RequestUser::forget().await;
    let mut session = auth_session().await?;
    let account = session.logout().await.map_err(|e| {
        tracing::error!(error = ?e, "logout failed");
        AppError::Internal
    })?;
    if let Some(account) = account {
        let mut tx = state()?.db.begin_write().await?;
        audit(&mut tx, Some(account.user.account_id), "logout", "").await?;
        tx.commit().await?;
    }
    Ok(())
}

/// The current user as resolved once for this request. A page render asks for the user
/// several times (the session resource of the shell, the page's own data); the server
/// provides one of these per request so the later asks reuse the first answer (and move
/// the idle deadline once).
#[derive(Clone, Default)]
pub struct RequestUser(std::sync::Arc<tokio::sync::Mutex<Option<Option<CurrentUser>>>>);

impl RequestUser {
    /// Drops the remembered answer, for a request that logs in or out.
    async fn forget() {
        if let Some(memo) = use_context::<RequestUser>() {
            *memo.0.lock().await = None;
        }
    }
}

/// The logged-in person, or `None`. Ends the session here when it is older than the
/// absolute lifetime, however active it has been.
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let Some(memo) = use_context::<RequestUser>() else {
        return resolve_current_user().await;
    };
    // Held across the resolution, so concurrent asks in one render wait for the first.
    let mut known = memo.0.lock().await;
    if let Some(user) = known.as_ref() {
        return Ok(user.clone());
    }
    let user = resolve_current_user().await?;
    *known = Some(user.clone());
    Ok(user)
}

async fn resolve_current_user() -> Result<Option<CurrentUser>, AppError> {
    user_of_session(&state()?, auth_session().await?).await
}

/// The person a session belongs to, or `None`. Ends the session when it is older than the
/// absolute lifetime, and moves its idle deadline forward when that is due. Leptos pages
/// and server functions reach it through `current_user`; the plain routes (downloads,
/// evidence files) call it with their own extracted session.
pub async fn user_of_session(
    state: &AppState,
    mut session: AuthSession,
) -> Result<Option<CurrentUser>, AppError> {
    let Some(account) = session.user.clone() else {
        return Ok(None);
    };
    let now = unix_now();
    let store = &session.session;
    let login_at = store.get(LOGIN_AT_KEY).await.ok().flatten().unwrap_or(0);
    if lifetime::outlived(login_at, now, state.settings.session_max_hours) {
        let _ = session.logout().await;
        return Ok(None);
    }
    let idle_moved_at = store
        .get(IDLE_MOVED_AT_KEY)
        .await
        .ok()
        .flatten()
        .unwrap_or(login_at);
    if lifetime::idle_deadline_due(idle_moved_at, now, state.settings.session_idle_minutes) {
        // Marks the session changed: the session layer saves it with a new idle deadline
        // and sends the cookie again with a fresh max-age.
        let _ = store.insert(IDLE_MOVED_AT_KEY, now).await;
    }
    Ok(Some(account.user))
}

pub async fn require_user() -> Result<CurrentUser, AppError> {
    current_user().await?.ok_or(AppError::Unauthenticated)
}

/// The logged-in person, once the rule book lets them administer Bina (the admin).
pub async fn require_admin() -> Result<CurrentUser, AppError> {
    let user = require_user().await?;
    super::authorize(&user, super::Permission::Administer)?;
    Ok(user)
}

pub async fn change_password(current: &str, new: &str, confirmation: &str) -> Result<(), AppError> {
    let user = require_user().await?;
    check_new_password(&user.nip, current, new, confirmation)?;
    let state = state()?;
    let mut session = auth_session().await?;
    // The session layer read the account's hash from the database for this very request.
    let Some(hash) = session.user.as_ref().map(|a| a.password_hash.clone()) else {
        return Err(AppError::Unauthenticated);
    };
    let permit = attempts::hashing_permit().await?;
    if !verify_password(current.to_owned(), hash).await {
        return Err(AppError::WrongCurrentPassword);
    }
    let new_owned = new.to_owned();
    let new_hash = tokio::task::spawn_blocking(move || password_auth::generate_hash(new_owned))
        .await
        .map_err(|_| AppError::Internal)?;
    drop(permit);
    let now = unix_now();
    let mut tx = state.db.begin_write().await?;
    sqlx::query("UPDATE account SET password_hash = $1, password_changed_at = $2 WHERE id = $3")
        .bind(new_hash.clone())
        .bind(now)
        .bind(user.account_id)
        .execute(&mut *tx)
        .await?;
    audit(&mut tx, Some(user.account_id), "change_password", "").await?;
    tx.commit().await?;
    // New session id for this browser; every other session of the account no longer
    // matches the new hash and ends.
    session
        .session
        .cycle_id()
        .await
        .map_err(|_| AppError::Internal)?;
    session
        .login(&SessionAccount {
            user,
            password_hash: new_hash,
        })
        .await
        .map_err(|_| AppError::Internal)?;
    Ok(())
}

/// Appends to the audit log inside the caller's transaction.
pub async fn audit(
    tx: &mut crate::db::Tx,
    account_id: Option<i64>,
    action: &str,
    detail: &str,
) -> Result<(), AppError> {
    sqlx::query("INSERT INTO audit_log (at, account_id, action, detail) VALUES ($1, $2, $3, $4)")
        .bind(unix_now())
        .bind(account_id)
        .bind(action.to_owned())
        .bind(detail.to_owned())
        .execute(&mut **tx)
        .await?;
    Ok(())
}
