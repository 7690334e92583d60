//! In-app notifications: a plan submitted (to the supervisor), approved or returned (to the
//! employee), a JP entry verified or rejected, and each step of a mentoring request and
//! mentorship.

use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::components::A;
use serde::{Deserialize, Serialize};

use crate::{
    error::AppError,
    i18n::*,
    ui::{Loading, PageTitle, page_or_error},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NotificationKind {
    PlanSubmitted,
    PlanApproved,
    PlanReturned,
    JpVerified,
    JpRejected,
    MentoringRequested,
    MentoringWithdrawn,
    MentoringAccepted,
    MentoringDeclined,
    MentoringExpired,
    MentoringReminder,
    SessionLogged,
    MentorshipEnded,
    MentorshipNotAFit,
}

impl NotificationKind {
    const ALL: [NotificationKind; 14] = [
        NotificationKind::PlanSubmitted,
        NotificationKind::PlanApproved,
        NotificationKind::PlanReturned,
        NotificationKind::JpVerified,
        NotificationKind::JpRejected,
        NotificationKind::MentoringRequested,
        NotificationKind::MentoringWithdrawn,
        NotificationKind::MentoringAccepted,
        NotificationKind::MentoringDeclined,
        NotificationKind::MentoringExpired,
        NotificationKind::MentoringReminder,
        NotificationKind::SessionLogged,
        NotificationKind::MentorshipEnded,
        NotificationKind::MentorshipNotAFit,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            NotificationKind::PlanSubmitted => "plan_submitted",
            NotificationKind::PlanApproved => "plan_approved",
            NotificationKind::PlanReturned => "plan_returned",
            NotificationKind::JpVerified => "jp_verified",
            NotificationKind::JpRejected => "jp_rejected",
            NotificationKind::MentoringRequested => "mentoring_requested",
            NotificationKind::MentoringWithdrawn => "mentoring_withdrawn",
            NotificationKind::MentoringAccepted => "mentoring_accepted",
            NotificationKind::MentoringDeclined => "mentoring_declined",
            NotificationKind::MentoringExpired => "mentoring_expired",
            NotificationKind::MentoringReminder => "mentoring_reminder",
            NotificationKind::SessionLogged => "session_logged",
            NotificationKind::MentorshipEnded => "mentorship_ended",
            NotificationKind::MentorshipNotAFit => "mentorship_not_a_fit",
        }
    }

    pub fn from_db(s: &str) -> Option<NotificationKind> {
        NotificationKind::ALL.into_iter().find(|k| k.as_db() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    pub id: i64,
    pub kind: NotificationKind,
    pub actor_name: String,
    pub link: String,
    /// When, as WITA text (`2026-11-27 14:05`).
    pub at: String,
    pub unread: bool,
}

/// The latest notifications of the logged-in person.
#[server(endpoint = "notifikasi")]
pub async fn get_notifications() -> Result<Vec<Notification>, AppError> {
    crate::error::respond(queries::list().await)
}

/// Marks every notification of the logged-in person read.
#[server(endpoint = "notifikasi-dibaca")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    let result = queries::mark_read().await;
    if result.is_ok() {
        crate::error::form_done("/notifikasi");
    }
    crate::error::respond(result)
}

#[cfg(feature = "ssr")]
pub mod queries {
    use sqlx::Row;

    use super::*;
    use crate::{
        auth::queries::{require_user, state},
        calendar::wita_date_time,
        db::unix_now,
    };

    /// Adds a notification inside the caller's transaction.
    pub async fn notify(
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        employee_id: i64,
        kind: NotificationKind,
        actor_name: &str,
        link: &str,
    ) -> Result<(), AppError> {
        sqlx::query(
            "INSERT INTO notification (employee_id, kind, actor_name, link, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(employee_id)
        .bind(kind.as_db())
        .bind(actor_name.to_owned())
        .bind(link.to_owned())
        .bind(unix_now())
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    pub async fn list() -> Result<Vec<Notification>, AppError> {
        let user = require_user().await?;
        let rows = sqlx::query(
            "SELECT id, kind, actor_name, link, created_at, read_at FROM notification \
             WHERE employee_id = $1 ORDER BY created_at DESC, id DESC LIMIT 50",
        )
        .bind(user.employee_id)
        .fetch_all(&state()?.db.pool)
        .await?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                Some(Notification {
                    id: r.get(0),
                    kind: NotificationKind::from_db(&r.get::<String, _>(1))?,
                    actor_name: r.get(2),
                    link: r.get(3),
                    at: wita_date_time(r.get(4)),
                    unread: r.get::<Option<i64>, _>(5).is_none(),
                })
            })
            .collect())
    }

    pub async fn mark_read() -> Result<(), AppError> {
        let user = require_user().await?;
        let mut tx = state()?.db.begin_write().await?;
        sqlx::query(
            "UPDATE notification SET read_at = $1 WHERE employee_id = $2 AND read_at IS NULL",
        )
        .bind(unix_now())
        .bind(user.employee_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

fn notification_text(i18n: I18nContext<Locale>, n: &Notification) -> AnyView {
    let who = n.actor_name.clone();
    match n.kind {
        NotificationKind::PlanSubmitted => t!(i18n, notify.plan_submitted, name = who).into_any(),
        NotificationKind::PlanApproved => t!(i18n, notify.plan_approved, name = who).into_any(),
        NotificationKind::PlanReturned => t!(i18n, notify.plan_returned, name = who).into_any(),
        NotificationKind::JpVerified => t!(i18n, notify.jp_verified, name = who).into_any(),
        NotificationKind::JpRejected => t!(i18n, notify.jp_rejected, name = who).into_any(),
        NotificationKind::MentoringRequested => {
            t!(i18n, notify.mentoring_requested, name = who).into_any()
        }
        NotificationKind::MentoringWithdrawn => {
            t!(i18n, notify.mentoring_withdrawn, name = who).into_any()
        }
        NotificationKind::MentoringAccepted => {
            t!(i18n, notify.mentoring_accepted, name = who).into_any()
        }
        NotificationKind::MentoringDeclined => {
            t!(i18n, notify.mentoring_declined, name = who).into_any()
        }
        NotificationKind::MentoringExpired => {
            t!(i18n, notify.mentoring_expired, name = who).into_any()
        }
        NotificationKind::MentoringReminder => t!(i18n, notify.mentoring_reminder).into_any(),
        NotificationKind::SessionLogged => t!(i18n, notify.session_logged, name = who).into_any(),
        NotificationKind::MentorshipNotAFit => {
            t!(i18n, notify.mentorship_not_a_fit, name = who).into_any()
        }
        NotificationKind::MentorshipEnded => {
            t!(i18n, notify.mentorship_ended, name = who).into_any()
        }
    }
}

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let mark = ServerAction::<MarkNotificationsRead>::new();
    let list = Resource::new(move || mark.version().get(), |_| get_notifications());
    view! {
        <PageTitle text=|i18n| t_string!(i18n, notify.title) />
        <h1>{t!(i18n, notify.title)}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(
                    list.await,
                    |items| {
                        if items.is_empty() {
                            return view! { <p class="empty">{t!(i18n, notify.empty)}</p> }
                                .into_any();
                        }
                        let any_unread = items.iter().any(|n| n.unread);
                        view! {
                            {any_unread
                                .then(|| {
                                    view! {
                                        <ActionForm action=mark>
                                            <button type="submit" class="button">
                                                {t!(i18n, notify.mark_read)}
                                            </button>
                                        </ActionForm>
                                    }
                                })}
                            <ul class="notifications">
                                {items
                                    .into_iter()
                                    .map(|n| {
                                        let text = notification_text(i18n, &n);
                                        view! {
                                            <li class:unread=n.unread>
                                                <A href=n.link.clone()>{text}</A>
                                                <small class="muted">" · " {n.at.clone()}</small>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    },
                )
            })}
        </Suspense>
    }
}
