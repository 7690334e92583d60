//! Pages and pieces of the JP ledger: names of paths, modes and units, the progress bar, the
//! ledger page with its upload form, and the verifier's queue.

use super::LedgerError;
use crate::error::feature::UserMessage;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::hooks::use_query_map;

use super::{
    AmountUnit, DecideJpEntry, DevPath, EntryStatus, EntryToVerify, EntryView, JpProgress,
    MyLedger, PathFamily, get_my_ledger, get_verification_queue, ledger::MAX_TEXT_CHARS,
};
use crate::{
    i18n::*,
    ui::{
        BusyForm, DataTable, DecisionQueue, ErrorMessage, Field, FormKey, Loading, PageTitle,
        TableName, page_or_error, posted_error,
    },
};
use crate::{jp::VerifyDecision, validation::FormValue};

pub fn path_text(i18n: I18nContext<Locale>, path: DevPath) -> &'static str {
    use DevPath::*;
    match path {
        TugasBelajar => t_string!(i18n, paths.tugas_belajar),
        PelatihanKepemimpinan => t_string!(i18n, paths.pelatihan_kepemimpinan),
        PelatihanManajerial => t_string!(i18n, paths.pelatihan_manajerial),
        PelatihanTeknis => t_string!(i18n, paths.pelatihan_teknis),
        PelatihanFungsional => t_string!(i18n, paths.pelatihan_fungsional),
        PelatihanSosialKultural => t_string!(i18n, paths.pelatihan_sosial_kultural),
        Seminar => t_string!(i18n, paths.seminar),
        Workshop => t_string!(i18n, paths.workshop),
        Kursus => t_string!(i18n, paths.kursus),
        Penataran => t_string!(i18n, paths.penataran),
        BimbinganTeknis => t_string!(i18n, paths.bimbingan_teknis),
        Sosialisasi => t_string!(i18n, paths.sosialisasi),
        Coaching => t_string!(i18n, paths.coaching),
        Mentoring => t_string!(i18n, paths.mentoring),
        ELearning => t_string!(i18n, paths.e_learning),
        PelatihanJarakJauh => t_string!(i18n, paths.pelatihan_jarak_jauh),
        Detasering => t_string!(i18n, paths.detasering),
        PembelajaranAlamTerbuka => t_string!(i18n, paths.alam_terbuka),
        PatokBanding => t_string!(i18n, paths.patok_banding),
        PertukaranPegawai => t_string!(i18n, paths.pertukaran_pegawai),
        BelajarMandiri => t_string!(i18n, paths.belajar_mandiri),
        KomunitasBelajar => t_string!(i18n, paths.komunitas_belajar),
        BimbinganDiTempatKerja => t_string!(i18n, paths.bimbingan_di_tempat_kerja),
        Magang => t_string!(i18n, paths.magang),
    }
}

pub fn unit_text(i18n: I18nContext<Locale>, unit: AmountUnit) -> &'static str {
    match unit {
        AmountUnit::Hours => t_string!(i18n, ledger.unit_hours),
        AmountUnit::Days => t_string!(i18n, ledger.unit_days),
        AmountUnit::Sessions => t_string!(i18n, ledger.unit_sessions),
        AmountUnit::Activities => t_string!(i18n, ledger.unit_activities),
    }
}

pub fn entry_status_text(i18n: I18nContext<Locale>, status: EntryStatus) -> &'static str {
    match status {
        EntryStatus::Recorded => t_string!(i18n, ledger.status_recorded),
        EntryStatus::Verified => t_string!(i18n, ledger.status_verified),
        EntryStatus::Rejected => t_string!(i18n, ledger.status_rejected),
    }
}

/// Verified JP of the year toward the target, with pending JP shown apart.
#[component]
pub fn JpProgressBar(progress: JpProgress) -> impl IntoView {
    let i18n = use_i18n();
    let JpProgress {
        year,
        target,
        verified,
        pending,
    } = progress;
    let pending_share = (pending * 100)
        .checked_div(target)
        .map_or(0, |share| share.min(100 - progress.percent()));
    view! {
        <div class="jp-progress" data-verified=verified data-pending=pending>
            <p id="jp-progress-label">
                {t!(i18n, ledger.progress, verified = verified, target = target, year = year)}
                {(pending > 0).then(|| view! { " " <span class="muted">{t!(i18n, ledger.pending, pending = pending)}</span> })}
            </p>
            <div
                class="meter"
                role="progressbar"
                aria-labelledby="jp-progress-label"
                aria-valuemin="0"
                aria-valuemax=target
                aria-valuenow=verified.min(target)
            >
                // SVG attributes, not inline styles: the CSP allows no inline style.
                <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                    <rect class="verified" x="0" y="0" width=progress.percent() height="10" />
                    <rect class="pending" x=progress.percent() y="0" width=pending_share height="10" />
                </svg>
            </div>
            {progress.reached().then(|| view! { <p class="ok">{t!(i18n, ledger.reached)}</p> })}
        </div>
    }
}

#[component]
pub fn LedgerPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let year = move || {
        query
            .read()
            .get("tahun")
            .and_then(|y| y.parse::<i32>().ok())
    };
    let data = Resource::new(year, get_my_ledger);
    let error = posted_error();
    let recorded = move || query.read().get("tercatat").is_some();
    view! {
        <PageTitle text=|i18n| t_string!(i18n, ledger.title) />
        <h1>{t!(i18n, ledger.title)}</h1>
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        <Show when=recorded>
            <p class="alert alert-ok" role="status">{t!(i18n, ledger.recorded)}</p>
        </Show>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(data.await, |ledger| view! { <Ledger ledger /> })
            })}
        </Suspense>
    }
}

#[component]
fn Ledger(ledger: MyLedger) -> impl IntoView {
    let i18n = use_i18n();
    let MyLedger {
        progress,
        entries,
        today,
    } = ledger;
    view! {
        <JpProgressBar progress />
        <section class="card" aria-labelledby="entries-title">
            <h2 id="entries-title">{t!(i18n, ledger.entries)}</h2>
            {if entries.is_empty() {
                view! { <p class="empty">{t!(i18n, ledger.empty)}</p> }.into_any()
            } else {
                view! { <EntryTable entries /> }.into_any()
            }}
        </section>
        <RecordForm today />
    }
}

#[component]
fn EntryTable(entries: Vec<EntryView>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DataTable name=TableName::Heading("entries-title") class="entries" head=move || view! {
            <th scope="col">{t!(i18n, ledger.activity)}</th>
            <th scope="col">{t!(i18n, ledger.dates)}</th>
            <th scope="col" class="num">JP</th>
            <th scope="col">{t!(i18n, ledger.status)}</th>
        }>
            {entries.into_iter().map(|e| view! { <EntryRow e /> }).collect_view()}
        </DataTable>
    }
}

#[component]
fn EntryRow(e: EntryView) -> impl IntoView {
    let i18n = use_i18n();
    let (path, status, unit) = (e.path, e.status, e.unit);
    view! {
        <tr data-status=status.as_db()>
            <th scope="row">
                {e.title.clone()}
                <br />
                <small class="muted">
                    {move || path_text(i18n, path)} " · " {e.organiser.clone()} " · " {e.amount} " "
                    {move || unit_text(i18n, unit)}
                </small>
            </th>
            <td>{format!("{} – {}", e.starts_on, e.ends_on)}</td>
            <td class="num">{e.jp}</td>
            <td>
                <span class=format!("badge status-{}", status.as_db())>
                    {move || entry_status_text(i18n, status)}
                </span>
                {(!e.reason.is_empty()).then(|| view! { <p class="comment">{e.reason.clone()}</p> })}
                {e.has_evidence.then(|| view! {
                    <br />
                    <a href=format!("/bukti/{}", e.id) rel="external">{t!(i18n, ledger.evidence_link)}</a>
                })}
            </td>
        </tr>
    }
}

/// The development path of an activity (`id` and `name` "path"), grouped by family as
/// Peraturan LAN 10/2018 groups them: the plan form and the ledger's record form.
#[component]
pub fn PathSelect(selected: DevPath) -> impl IntoView {
    let i18n = use_i18n();
    let families = [
        (
            PathFamily::Pendidikan,
            t_string!(i18n, paths.family_pendidikan),
        ),
        (PathFamily::Klasikal, t_string!(i18n, paths.family_klasikal)),
        (
            PathFamily::NonKlasikal,
            t_string!(i18n, paths.family_non_klasikal),
        ),
    ];
    view! {
        <select id="path" name="path" required>
            {families
                .into_iter()
                .map(|(family, label)| {
                    view! {
                        <optgroup label=label>
                            {DevPath::ALL
                                .iter()
                                .filter(|p| p.family() == family)
                                .map(|&p| view! { <option value=p.code() selected=p == selected>{path_text(i18n, p)}</option> })
                                .collect_view()}
                        </optgroup>
                    }
                })
                .collect_view()}
        </select>
    }
}

/// The form to record an activity with its certificate. A multipart form post (the browser
/// shows the upload's progress, the button says it is uploading); the server sends the
/// browser back to this page.
#[component]
fn RecordForm(today: String) -> impl IntoView {
    let today_start = today.clone();
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="record-title">
            <h2 id="record-title">{t!(i18n, ledger.record_title)}</h2>
            <p class="muted">{t!(i18n, ledger.record_intro)}</p>
            <BusyForm
                action="/api/jp-catat".to_owned()
                multipart=true
                submit_label=t_string!(i18n, ledger.record).to_owned()
                busy_label=t_string!(i18n, ledger.uploading).to_owned()
            >
                <FormKey />
                <Field id="path" label=move || t!(i18n, plan.path)>
                    <PathSelect selected=DevPath::BimbinganTeknis />
                </Field>
                <Field id="entry-title" label=move || t!(i18n, ledger.activity)>
                    <input id="entry-title" name="title" type="text" required maxlength=MAX_TEXT_CHARS />
                </Field>
                <Field id="organiser" label=move || t!(i18n, ledger.organiser)>
                    <input id="organiser" name="organiser" type="text" required maxlength=MAX_TEXT_CHARS />
                </Field>
                <div class="field-row">
                    <Field id="starts_on" label=move || t!(i18n, ledger.starts_on)>
                        <input id="starts_on" name="starts_on" type="date" required max=today_start />
                    </Field>
                    <Field id="ends_on" label=move || t!(i18n, ledger.ends_on)>
                        <input id="ends_on" name="ends_on" type="date" required max=today />
                    </Field>
                </div>
                <div class="field-row">
                    <Field id="amount" label=move || t!(i18n, ledger.amount)>
                        <input id="amount" name="amount" type="number" inputmode="numeric" min="1" required />
                    </Field>
                    <Field id="unit" label=move || t!(i18n, ledger.unit)>
                        <select id="unit" name="unit">
                            {[AmountUnit::Days, AmountUnit::Hours, AmountUnit::Sessions, AmountUnit::Activities]
                                .into_iter()
                                .map(|u| view! { <option value=u.as_db()>{unit_text(i18n, u)}</option> })
                                .collect_view()}
                        </select>
                    </Field>
                </div>
                <div class="field checkbox">
                    <input id="international" name="international" type="checkbox" value="1" />
                    <label for="international">{t!(i18n, ledger.international)}</label>
                </div>
                <Field id="bukti" label=move || t!(i18n, ledger.evidence) hint=move || t!(i18n, ledger.evidence_hint)>
                    <input
                        id="bukti"
                        name="bukti"
                        type="file"
                        required
                        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                        aria-describedby="bukti-hint"
                    />
                </Field>
                <p class="muted">{t!(i18n, ledger.jp_rules_hint)}</p>
            </BusyForm>
        </section>
    }
}

#[component]
pub fn VerifyPage() -> impl IntoView {
    let decide = ServerAction::<DecideJpEntry>::new();
    let queue = Resource::new(|| (), |_| get_verification_queue());
    let error = posted_error();
    view! {
        <DecisionQueue
            title=|i18n| t_string!(i18n, verify.title)
            intro=|i18n| t_string!(i18n, verify.intro)
            empty=|i18n| t_string!(i18n, verify.empty)
            queue
            error
            item=move |e| view! { <VerifyCard item=e decide /> }
        />
    }
}

#[component]
fn VerifyCard(item: EntryToVerify, decide: ServerAction<DecideJpEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let EntryToVerify {
        entry,
        employee_name,
        nip,
        opd_name,
    } = item;
    let id = entry.id;
    let path = entry.path;
    let unit = entry.unit;
    let reason_id = format!("alasan-{id}");
    let reason_for = reason_id.clone();
    let label = format!("{employee_name}: {}", entry.title);
    view! {
        <article class="card review" aria-label=label>
            <h2>{entry.title.clone()}</h2>
            <p class="muted">
                <strong>{employee_name}</strong> " · " <span class="nip">{nip}</span> " · " {opd_name}
            </p>
            <p>
                {move || path_text(i18n, path)} " · " {entry.organiser.clone()} " · "
                {format!("{} – {}", entry.starts_on, entry.ends_on)} " · " {entry.amount} " "
                {move || unit_text(i18n, unit)} " · " <strong>{t!(i18n, common.jp_count, jp = entry.jp)}</strong>
            </p>
            {entry.has_evidence.then(|| view! {
                <p><a href=format!("/bukti/{id}") rel="external">{t!(i18n, ledger.evidence_link)}</a></p>
            })}
            <div class="review-actions">
                <ActionForm action=decide>
                    <input type="hidden" name="entry_id" value=id />
                    <input type="hidden" name="keputusan" value=VerifyDecision::Verify.form_value() />
                    <input type="hidden" name="alasan" value="" />
                    <button type="submit" class="button primary">{t!(i18n, verify.verify)}</button>
                </ActionForm>
                <ActionForm action=decide attr:class="form">
                    <input type="hidden" name="entry_id" value=id />
                    <input type="hidden" name="keputusan" value=VerifyDecision::Reject.form_value() />
                    <Field id=reason_for label=move || t!(i18n, verify.reason)>
                        <textarea id=reason_id name="alasan" rows="2" required maxlength="1000"></textarea>
                    </Field>
                    <button type="submit" class="button">{t!(i18n, verify.reject)}</button>
                </ActionForm>
            </div>
        </article>
    }
}

impl UserMessage for LedgerError {
    fn message(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            LedgerError::UnreadableText => t_string!(i18n, errors.text_unreadable),
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
            LedgerError::AmountBeyondDates => t_string!(i18n, errors.ledger_amount_beyond_dates),
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
}
