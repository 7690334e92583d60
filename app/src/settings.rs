//! The deployment's settings, read from the environment by the server (`server/src/config.rs`)
//! and handed to the app. Plain values only: each feature builds its own rules from them
//! (`JpRules::from(&Settings)`, `ThrottlePolicy::from(&Settings)`, `MatchRules::from(&Settings)`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Minutes in one JP (lesson hour). Regulation practice is 45; some agencies use 60.
    pub jp_minutes: u32,
    /// JP each PNS has a right to every year.
    pub jp_yearly_target: u32,
    /// A session not used for this long ends.
    pub session_idle_minutes: i64,
    /// A session ends this long after login, however active.
    pub session_max_hours: i64,
    /// Failed logins older than this are forgotten.
    pub login_window_secs: i64,
    /// Failed logins allowed for one NIP from one address (or known device) inside the window.
    pub login_max_failures: usize,
    /// Failed logins allowed from one client address inside the window, whatever the NIPs.
    /// High, because an office shares one public address.
    pub login_max_failures_per_address: usize,
    /// Failed logins allowed for one NIP in a day from every device it has not logged in
    /// from before (see `auth::throttle`).
    pub login_max_failures_per_account_daily: usize,
    /// Trusted proxies in front of Bina (0: none). The client address is then the entry of
    /// `X-Forwarded-For` this many places from the right.
    pub proxy_hops: usize,
    /// Cookies are sent only over HTTPS.
    pub cookie_secure: bool,
    /// Folder of uploaded evidence (certificates), outside the web root.
    pub evidence_dir: String,
    /// Days a mentoring request waits for the mentor's answer before it expires.
    pub mentoring_request_days: i64,
    /// Confirmed sessions of one mentor and mentee a day whose JP enter verified; more
    /// wait for the pengelola OPD's verification.
    pub mentoring_sessions_per_day: u32,
    /// JP from mentoring sessions a mentee may have verified by confirmation in a year;
    /// more wait for the pengelola OPD's verification.
    pub mentoring_jp_yearly_cap: u32,
    /// Levels a mentor's assessed level must be above the mentee's current level (1–4).
    pub mentor_min_lead: u8,
    /// Whether a mentor must also reach the level the mentee's position requires.
    pub mentor_reach_required: bool,
    /// How the OPD of mentor and mentee weighs in recommendations and bulk matching: `same`,
    /// `other` or `neutral` (the server refuses anything else at start-up).
    pub mentor_opd: String,
    /// The site's public address (`https://bina.palukota.go.id`), printed on certificates and
    /// in their QR codes.
    pub public_url: String,
    /// The government that issues certificates, at their head.
    pub certificate_government: String,
    /// The city named beside a certificate's date.
    pub certificate_place: String,
    /// The position and the name of whoever signs certificates (the name may be empty).
    pub certificate_signer_title: String,
    pub certificate_signer_name: String,
    /// Certificate codes one client address may check on the public page in a minute.
    pub certificate_lookups_per_minute: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            jp_minutes: 45,
            jp_yearly_target: 20,
            session_idle_minutes: 120,
            session_max_hours: 12,
            login_window_secs: 15 * 60,
            login_max_failures: 5,
            login_max_failures_per_address: 100,
            login_max_failures_per_account_daily: 50,
            proxy_hops: 0,
            cookie_secure: false,
            evidence_dir: "data/evidence".into(),
            mentoring_request_days: 7,
            mentoring_sessions_per_day: 1,
            mentoring_jp_yearly_cap: 20,
            mentor_min_lead: 1,
            mentor_reach_required: true,
            mentor_opd: "same".into(),
            public_url: "http://127.0.0.1:3000".into(),
            certificate_government: "Pemerintah Kota Palu".into(),
            certificate_place: "Palu".into(),
            certificate_signer_title: "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya \
                                       Manusia Daerah Kota Palu"
                .into(),
            certificate_signer_name: String::new(),
            certificate_lookups_per_minute: 20,
        }
    }
}
