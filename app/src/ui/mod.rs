//! Shared UI: the page layout and navigation, messages for errors, 404 and error pages.

mod layout;

pub use layout::{LanguageSwitch, Layout};

use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_meta::Title;
use leptos_router::{
    components::{A, Redirect},
    hooks::use_query_map,
};

use crate::{
    admin::AdminError,
    auth::{CurrentUser, Login, Logout},
    error::AppError,
    i18n::*,
    jp::LedgerError,
    mentoring::MentoringError,
    org::{AccessClass, nip::NipError},
    plan::PlanError,
    validation::PasswordRuleError,
};

/// The session as every component sees it.
#[derive(Clone, Copy)]
pub struct SessionContext {
    pub user: Resource<Result<Option<CurrentUser>, AppError>>,
    pub login: ServerAction<Login>,
    pub logout: ServerAction<Logout>,
}

pub fn use_session() -> SessionContext {
    expect_context::<SessionContext>()
}

/// The document title, in the current language: `<PageTitle text=|i18n| t_string!(i18n, x) />`.
/// On the server the text is fixed while the page renders. leptos_meta reads the title once
/// more after the render, when the page's reactive owner may already be disposed; a reactive
/// title then panicked the worker and dropped the page (about one page in twenty under load).
/// In the browser it follows the language switch.
#[component]
pub fn PageTitle(text: fn(I18nContext<Locale>) -> &'static str) -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "ssr")]
    let title = leptos::text_prop::TextProp::from(text(i18n));
    #[cfg(not(feature = "ssr"))]
    let title = leptos::text_prop::TextProp::from(move || text(i18n));
    view! { <Title text=title /> }
}

/// The message a person reads for an error, in the current language. The one message with a
/// number in it (throttling) is rendered by [`ErrorMessage`].
pub fn error_text(i18n: I18nContext<Locale>, error: &AppError) -> String {
    match error {
        AppError::Unauthenticated => t_string!(i18n, errors.unauthenticated).to_string(),
        AppError::Forbidden => t_string!(i18n, errors.forbidden).to_string(),
        AppError::NotFound => t_string!(i18n, errors.not_found).to_string(),
        AppError::InvalidCredentials => t_string!(i18n, errors.invalid_credentials).to_string(),
        AppError::Throttled { .. } => t_string!(i18n, errors.internal).to_string(),
        AppError::InvalidNip(e) => match e {
            NipError::Empty => t_string!(i18n, errors.nip_empty),
            NipError::Length => t_string!(i18n, errors.nip_length),
            NipError::NotDigits => t_string!(i18n, errors.nip_not_digits),
            NipError::BirthDate => t_string!(i18n, errors.nip_birth_date),
            NipError::AppointmentDate => t_string!(i18n, errors.nip_appointment_date),
            NipError::SexDigit => t_string!(i18n, errors.nip_sex_digit),
            NipError::Sequence => t_string!(i18n, errors.nip_sequence),
        }
        .to_string(),
        AppError::InvalidPassword(e) => match e {
            PasswordRuleError::TooShort => t_string!(i18n, errors.password_too_short),
            PasswordRuleError::TooLong => t_string!(i18n, errors.password_too_long),
            PasswordRuleError::ContainsNip => t_string!(i18n, errors.password_contains_nip),
            PasswordRuleError::Mismatch => t_string!(i18n, errors.password_mismatch),
            PasswordRuleError::Unchanged => t_string!(i18n, errors.password_unchanged),
        }
        .to_string(),
        AppError::WrongCurrentPassword => {
            t_string!(i18n, errors.wrong_current_password).to_string()
        }
        AppError::Plan(e) => plan_error_text(i18n, *e).to_string(),
        AppError::Ledger(e) => ledger_error_text(i18n, *e).to_string(),
        AppError::Admin(e) => admin_error_text(i18n, *e).to_string(),
        AppError::Mentoring(e) => mentoring_error_text(i18n, *e).to_string(),
        AppError::Internal => t_string!(i18n, errors.internal).to_string(),
        AppError::Transport(_) => t_string!(i18n, errors.transport).to_string(),
    }
}

fn mentoring_error_text(i18n: I18nContext<Locale>, e: MentoringError) -> &'static str {
    match e {
        MentoringError::CapacityInvalid => t_string!(i18n, errors.mentoring_capacity_invalid),
        MentoringError::ModeUnknown => t_string!(i18n, errors.mentoring_mode_unknown),
        MentoringError::BioTooLong => t_string!(i18n, errors.mentoring_bio_too_long),
        MentoringError::ExpertiseEmpty => t_string!(i18n, errors.mentoring_expertise_empty),
        MentoringError::ExpertiseTooMany => t_string!(i18n, errors.mentoring_expertise_too_many),
        MentoringError::ExpertiseLevelTooLow => {
            t_string!(i18n, errors.mentoring_expertise_level_too_low)
        }
        MentoringError::CapacityBelowActive => {
            t_string!(i18n, errors.mentoring_capacity_below_active)
        }
        MentoringError::GoalEmpty => t_string!(i18n, errors.mentoring_goal_empty),
        MentoringError::GoalTooLong => t_string!(i18n, errors.mentoring_goal_too_long),
        MentoringError::MessageTooLong => t_string!(i18n, errors.mentoring_message_too_long),
        MentoringError::CompetencyUnknown => t_string!(i18n, errors.mentoring_competency_unknown),
        MentoringError::PendingExists => t_string!(i18n, errors.mentoring_pending_exists),
        MentoringError::MentorNotEligible => t_string!(i18n, errors.mentoring_mentor_not_eligible),
        MentoringError::NotAccepting => t_string!(i18n, errors.mentoring_not_accepting),
        MentoringError::MentorFull => t_string!(i18n, errors.mentoring_mentor_full),
        MentoringError::SelfRequest => t_string!(i18n, errors.mentoring_self_request),
        MentoringError::ReasonUnknown => t_string!(i18n, errors.mentoring_reason_unknown),
        MentoringError::NoteRequired => t_string!(i18n, errors.mentoring_note_required),
        MentoringError::NoteTooLong => t_string!(i18n, errors.mentoring_note_too_long),
        MentoringError::AlreadyAnswered => t_string!(i18n, errors.mentoring_already_answered),
        MentoringError::SessionDateInvalid => {
            t_string!(i18n, errors.mentoring_session_date_invalid)
        }
        MentoringError::SessionInFuture => t_string!(i18n, errors.mentoring_session_in_future),
        MentoringError::SessionBeforeStart => {
            t_string!(i18n, errors.mentoring_session_before_start)
        }
        MentoringError::MinutesInvalid => t_string!(i18n, errors.mentoring_minutes_invalid),
        MentoringError::NotesTooLong => t_string!(i18n, errors.mentoring_notes_too_long),
        MentoringError::AlreadyConfirmed => t_string!(i18n, errors.mentoring_already_confirmed),
        MentoringError::NotActive => t_string!(i18n, errors.mentoring_not_active),
        MentoringError::RatingInvalid => t_string!(i18n, errors.mentoring_rating_invalid),
        MentoringError::CommentTooLong => t_string!(i18n, errors.mentoring_comment_too_long),
        MentoringError::FeedbackGiven => t_string!(i18n, errors.mentoring_feedback_given),
        MentoringError::NothingToPublish => t_string!(i18n, errors.mentoring_nothing_to_publish),
        MentoringError::ProgressInvalid => t_string!(i18n, errors.mentoring_progress_invalid),
        MentoringError::FitNotDue => t_string!(i18n, errors.mentoring_fit_not_due),
        MentoringError::TooManyGoals => t_string!(i18n, errors.mentoring_too_many_goals),
    }
}

fn plan_error_text(i18n: I18nContext<Locale>, e: PlanError) -> &'static str {
    match e {
        PlanError::TitleEmpty => t_string!(i18n, errors.plan_title_empty),
        PlanError::TitleTooLong => t_string!(i18n, errors.plan_title_too_long),
        PlanError::JpNotNumber => t_string!(i18n, errors.plan_jp_not_number),
        PlanError::JpNotPositive => t_string!(i18n, errors.plan_jp_not_positive),
        PlanError::JpTooLarge => t_string!(i18n, errors.plan_jp_too_large),
        PlanError::QuarterInvalid => t_string!(i18n, errors.plan_quarter_invalid),
        PlanError::YearOutOfRange => t_string!(i18n, errors.plan_year_out_of_range),
        PlanError::PathUnknown => t_string!(i18n, errors.path_unknown),
        PlanError::CompetencyUnknown => t_string!(i18n, errors.plan_competency_unknown),
        PlanError::ProgramUnknown => t_string!(i18n, errors.plan_program_unknown),
        PlanError::NoItems => t_string!(i18n, errors.plan_no_items),
        PlanError::TooManyItems => t_string!(i18n, errors.plan_too_many_items),
        PlanError::CommentRequired => t_string!(i18n, errors.plan_comment_required),
        PlanError::CommentTooLong => t_string!(i18n, errors.plan_comment_too_long),
        PlanError::NotEditable => t_string!(i18n, errors.plan_not_editable),
        PlanError::IllegalTransition => t_string!(i18n, errors.plan_illegal_transition),
    }
}

fn ledger_error_text(i18n: I18nContext<Locale>, e: LedgerError) -> &'static str {
    match e {
        LedgerError::TitleEmpty => t_string!(i18n, errors.ledger_title_empty),
        LedgerError::OrganiserEmpty => t_string!(i18n, errors.ledger_organiser_empty),
        LedgerError::TextTooLong => t_string!(i18n, errors.ledger_text_too_long),
        LedgerError::PathUnknown => t_string!(i18n, errors.path_unknown),
        LedgerError::DateInvalid => t_string!(i18n, errors.ledger_date_invalid),
        LedgerError::EndsBeforeStart => t_string!(i18n, errors.ledger_ends_before_start),
        LedgerError::InFuture => t_string!(i18n, errors.ledger_in_future),
        LedgerError::YearClosed => t_string!(i18n, errors.ledger_year_closed),
        LedgerError::AmountNotNumber => t_string!(i18n, errors.ledger_amount_not_number),
        LedgerError::AmountNotPositive => t_string!(i18n, errors.ledger_amount_not_positive),
        LedgerError::UnitNotAllowed => t_string!(i18n, errors.ledger_unit_not_allowed),
        LedgerError::TooShort => t_string!(i18n, errors.ledger_too_short),
        LedgerError::EvidenceMissing => t_string!(i18n, errors.ledger_evidence_missing),
        LedgerError::EvidenceTooLarge => t_string!(i18n, errors.ledger_evidence_too_large),
        LedgerError::EvidenceType => t_string!(i18n, errors.ledger_evidence_type),
        LedgerError::ReasonRequired => t_string!(i18n, errors.ledger_reason_required),
        LedgerError::ReasonTooLong => t_string!(i18n, errors.ledger_reason_too_long),
        LedgerError::AlreadyDecided => t_string!(i18n, errors.ledger_already_decided),
    }
}

fn admin_error_text(i18n: I18nContext<Locale>, e: AdminError) -> &'static str {
    match e {
        AdminError::CodeInvalid => t_string!(i18n, errors.admin_code_invalid),
        AdminError::CodeTaken => t_string!(i18n, errors.admin_code_taken),
        AdminError::KindInvalid => t_string!(i18n, errors.admin_kind_invalid),
        AdminError::NameInvalid => t_string!(i18n, errors.admin_name_invalid),
        AdminError::DescriptionTooLong => t_string!(i18n, errors.admin_description_too_long),
        AdminError::IndicatorsInvalid => t_string!(i18n, errors.admin_indicators_invalid),
        AdminError::InUse => t_string!(i18n, errors.admin_in_use),
        AdminError::LevelInvalid => t_string!(i18n, errors.admin_level_invalid),
        AdminError::JabatanUnknown => t_string!(i18n, errors.admin_jabatan_unknown),
        AdminError::ProgramInvalid => t_string!(i18n, errors.admin_program_invalid),
        AdminError::DatesInvalid => t_string!(i18n, errors.admin_dates_invalid),
    }
}

/// Percent-encodes a query value (letters, digits and `-_.~` pass through).
pub fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The error to show on a page with forms: the latest failed action when the app is
/// hydrated, or the `galat` code a plain form post was sent back with.
pub fn action_error(
    latest: impl Fn() -> Option<AppError> + Copy + 'static,
) -> impl Fn() -> Option<AppError> + Copy + 'static {
    let query = use_query_map();
    move || {
        latest().or_else(|| {
            query
                .read()
                .get("galat")
                .map(|code| AppError::from_query_code(&code))
        })
    }
}

pub fn access_class_text(i18n: I18nContext<Locale>, class: AccessClass) -> &'static str {
    match class {
        AccessClass::Urban => t_string!(i18n, access.urban),
        AccessClass::PeriUrban => t_string!(i18n, access.peri_urban),
        AccessClass::Remote => t_string!(i18n, access.remote),
    }
}

/// An error shown in place, announced to screen readers.
#[component]
pub fn ErrorMessage(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let text = match error {
        AppError::Throttled {
            retry_after_minutes,
        } => t!(i18n, errors.throttled, minutes = retry_after_minutes).into_any(),
        error => (move || error_text(i18n, &error)).into_any(),
    };
    view! {
        <p class="alert alert-error" role="alert">
            {text}
        </p>
    }
}

/// A page's content once its data has loaded: an error message, or the view.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="muted" aria-live="polite">{t!(i18n, common.loading)}</p> }
}

/// Shows a loaded page, or sends an anonymous visitor to the login page.
pub fn page_or_error<T, V: IntoView + 'static>(
    result: Result<T, AppError>,
    view: impl FnOnce(T) -> V,
) -> AnyView {
    match result {
        Ok(data) => view(data).into_any(),
        Err(AppError::Unauthenticated) => view! { <Redirect path="/masuk" /> }.into_any(),
        Err(error) => view! { <ErrorPage error /> }.into_any(),
    }
}

/// The 404 page, with the 404 status on the server.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <section class="card narrow">
            <h1>{t!(i18n, not_found.title)}</h1>
            <p>{t!(i18n, not_found.text)}</p>
            <p>
                <A href="/">{t!(i18n, common.back_home)}</A>
            </p>
        </section>
    }
}

/// A page that could not be shown: the error, and the way home.
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card narrow">
            <h1>{t!(i18n, error_page.title)}</h1>
            <ErrorMessage error />
            <p>
                <A href="/">{t!(i18n, common.back_home)}</A>
            </p>
        </section>
    }
}
