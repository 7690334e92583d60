//! The notifications page.

use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::components::A;

use super::{api::*, model::*};
use crate::{
    i18n::*,
    ui::{Loading, PageTitle, page_or_error},
};

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
        NotificationKind::SeatGiven => t!(i18n, notify.seat_given, name = who).into_any(),
        NotificationKind::Waitlisted => t!(i18n, notify.waitlisted, name = who).into_any(),
        NotificationKind::ApplicationRefused => {
            t!(i18n, notify.application_refused, name = who).into_any()
        }
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
    let list = Resource::new(|| (), |_| get_notifications());
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
