//! The pages of certificates: the public verification page (`/sertifikat`, a form, and
//! `/sertifikat/{kode}`, what its QR code opens), the learner's certificate on the course
//! page, and the admin's list with revocation (`/admin/sertifikat`). Plain HTML and forms.

use leptos::{form::ActionForm, prelude::*};
use leptos_i18n::I18nContext;
use leptos_router::{
    components::{A, Form},
    hooks::{use_params_map, use_query_map},
};

use super::{
    RevokeCertificate, check_certificate, get_certificates, get_my_certificate,
    model::{CertificateCheck, CertificateFace, CertificateList},
    rules::{CertificateError, MAX_REASON, PAGE},
};
use crate::{
    error::feature::UserMessage,
    i18n::*,
    ui::{
        ErrorMessage, Field, Loading, PageTitle, page_or_error, posted_error, posted_flag,
        urlencode,
    },
};

impl UserMessage for CertificateError {
    fn message(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            CertificateError::UnreadableText => t_string!(i18n, errors.text_unreadable),
            CertificateError::ReasonMissing => t_string!(i18n, errors.certificate_reason_missing),
            CertificateError::ReasonTooLong => t_string!(i18n, errors.certificate_reason_too_long),
            CertificateError::AlreadyRevoked => t_string!(i18n, errors.certificate_revoked),
        }
    }
}

/// `/sertifikat` (a code typed into its form arrives as `?kode=`) and `/sertifikat/{kode}`.
#[component]
pub fn VerificationPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let code = move || {
        params
            .read()
            .get("kode")
            .or_else(|| query.read().get("kode"))
            .filter(|c| !c.trim().is_empty())
    };
    let typed = code().unwrap_or_default();
    let result = Resource::new(code, |code| async move {
        match code {
            Some(code) => check_certificate(code).await.map(Some),
            None => Ok(None),
        }
    });
    view! {
        <PageTitle text=|i18n| t_string!(i18n, certificate.verify_title) />
        <section class="card narrow">
            <h1>{t!(i18n, certificate.verify_title)}</h1>
            <p class="muted">{t!(i18n, certificate.verify_intro)}</p>
            <Form method="GET" action="/sertifikat" attr:class="filters">
                <Field id="kode" label=move || t!(i18n, certificate.code)>
                    <input id="kode" name="kode" value=typed autocomplete="off" spellcheck="false" autocapitalize="characters" placeholder="XXXX-XXXX-XXXX-XXXX" required />
                </Field>
                <button type="submit" class="button primary">{t!(i18n, certificate.check)}</button>
            </Form>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match result.await {
                        Ok(None) => ().into_any(),
                        Ok(Some(check)) => view! { <CheckResult check /> }.into_any(),
                        Err(error) => view! { <ErrorMessage error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn CheckResult(check: CertificateCheck) -> impl IntoView {
    let i18n = use_i18n();
    match check {
        CertificateCheck::Unknown => view! {
            <div class="alert alert-warn" role="status">
                <p><strong>{t!(i18n, certificate.unknown)}</strong></p>
                <p>{t!(i18n, certificate.unknown_hint)}</p>
            </div>
        }
        .into_any(),
        CertificateCheck::Valid(face) => view! {
            <div class="alert alert-ok" role="status">
                <p><strong>{t!(i18n, certificate.valid)}</strong></p>
                <Face face />
            </div>
        }
        .into_any(),
        CertificateCheck::Revoked { face, revoked_on } => view! {
            <div class="alert alert-error" role="status">
                <p><strong>{t!(i18n, certificate.revoked, date = revoked_on)}</strong></p>
                <Face face />
            </div>
        }
        .into_any(),
    }
}

#[component]
fn Face(face: CertificateFace) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <dl class="facts">
            <dt>{t!(i18n, certificate.holder)}</dt>
            <dd>{face.holder_name}</dd>
            <dt>{t!(i18n, certificate.program)}</dt>
            <dd>{face.program_title}</dd>
            <dt>"JP"</dt>
            <dd>{face.jp}</dd>
            <dt>{t!(i18n, certificate.completed_on)}</dt>
            <dd>{face.completed_on}</dd>
            <dt>{t!(i18n, certificate.code)}</dt>
            <dd class="code">{face.code}</dd>
        </dl>
    }
}

/// The learner's certificate of a course, on the course page: its PDF and its code.
#[component]
pub fn MyCertificate(program_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let mine = Resource::new(move || program_id, get_my_certificate);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match mine.await {
                    Ok(Some(c)) if c.revoked => view! {
                        <p class="alert alert-warn">{t!(i18n, certificate.yours_revoked)}</p>
                    }
                    .into_any(),
                    Ok(Some(c)) => {
                        let pdf = format!("/sertifikat/{}/unduh", c.code);
                        let check = format!("/sertifikat/{}", c.code);
                        view! {
                            <section class="card" aria-labelledby="sertifikat">
                                <h2 id="sertifikat">{t!(i18n, certificate.yours)}</h2>
                                <p>
                                    {t!(i18n, certificate.code)} ": " <span class="code">{c.code.clone()}</span>
                                </p>
                                <p class="review-actions">
                                    <a class="button primary" href=pdf download>{t!(i18n, certificate.download)}</a>
                                    <a class="button" href=check>{t!(i18n, certificate.open_check)}</a>
                                </p>
                            </section>
                        }
                        .into_any()
                    }
                    _ => ().into_any(),
                }
            })}
        </Suspense>
    }
}

/// `/admin/sertifikat`: every certificate, searched, newest first, each revocable.
#[component]
pub fn CertificatesPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let params = move || {
        let q = query.read();
        (
            q.get("q").unwrap_or_default(),
            q.get("hal")
                .and_then(|v| v.parse::<u32>().ok())
                .unwrap_or(1)
                .max(1),
        )
    };
    let list = Resource::new(params, |(q, page)| get_certificates(q, page - 1));
    let error = posted_error();
    let revoked = posted_flag("dicabut");
    view! {
        <PageTitle text=|i18n| t_string!(i18n, certificate.admin_title) />
        <h1>{t!(i18n, certificate.admin_title)}</h1>
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        {move || revoked().then(|| view! { <p class="alert alert-ok" role="status">{t!(i18n, certificate.revoke_done)}</p> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(list.await, move |list| view! { <CertificateTable list /> })
            })}
        </Suspense>
    }
}

#[component]
fn CertificateTable(list: CertificateList) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let search = query.read_untracked().get("q").unwrap_or_default();
    let page = query
        .read_untracked()
        .get("hal")
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(1)
        .max(1);
    let pages = list.total.div_ceil(PAGE).max(1);
    let link = {
        let search = search.clone();
        move |to: u32| format!("/admin/sertifikat?q={}&hal={to}", urlencode(&search))
    };
    let prev = (page > 1).then(|| link(page - 1));
    let next = (page < pages).then(|| link(page + 1));
    let total = list.total;
    let revoke = ServerAction::<RevokeCertificate>::new();
    view! {
        <Form method="GET" action="/admin/sertifikat" attr:class="filters">
            <Field id="q" label=move || t!(i18n, certificate.search)>
                <input id="q" name="q" type="search" value=search />
            </Field>
            <button type="submit" class="button">{t!(i18n, certificate.search_button)}</button>
        </Form>
        <p class="muted">{t!(i18n, certificate.count, n = total)}</p>
        {if list.rows.is_empty() {
            view! { <p class="empty">{t!(i18n, certificate.none)}</p> }.into_any()
        } else {
            view! {
                <ul class="plain-list">
                    {list.rows.into_iter().map(|c| {
                        let reason_id = format!("alasan-{}", c.id);
                        view! {
                            <li>
                                <p>
                                    <strong>{c.holder_name}</strong> " · NIP " {c.holder_nip}
                                </p>
                                <p>{c.program_title} " · " {c.jp} " JP · " {c.completed_on}</p>
                                <p><A href=format!("/sertifikat/{}", c.code)><span class="code">{c.code.clone()}</span></A></p>
                                {match c.revoked {
                                    Some((reason, on)) => view! {
                                        <p class="alert alert-error">{t!(i18n, certificate.revoked, date = on)} " " {reason}</p>
                                    }.into_any(),
                                    None => view! {
                                        <details>
                                            <summary>{t!(i18n, certificate.revoke)}</summary>
                                            <ActionForm action=revoke>
                                                <input type="hidden" name="certificate_id" value=c.id />
                                                <Field id=reason_id.clone() label=move || t!(i18n, certificate.reason)>
                                                    <textarea id=reason_id.clone() name="reason" maxlength=MAX_REASON required rows="2"></textarea>
                                                </Field>
                                                <button type="submit" class="button">{t!(i18n, certificate.revoke_confirm)}</button>
                                            </ActionForm>
                                        </details>
                                    }.into_any(),
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <nav class="pager" aria-label=move || t_string!(i18n, staff.pager).to_string()>
                    {prev.map(|href| view! { <A href=href attr:rel="prev">{t!(i18n, staff.prev)}</A> })}
                    <span>{t!(i18n, staff.page, page = page, pages = pages)}</span>
                    {next.map(|href| view! { <A href=href attr:rel="next">{t!(i18n, staff.next)}</A> })}
                </nav>
            }.into_any()
        }}
    }
}
