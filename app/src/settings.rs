//! Settings read from the environment by the server and handed to the app.

use serde::{Deserialize, Serialize};

use crate::auth::throttle::ThrottlePolicy;

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
    pub throttle: ThrottlePolicy,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_proxy: bool,
    /// Folder of uploaded evidence (certificates), outside the web root.
    pub evidence_dir: String,
    /// Days a mentoring request waits for the mentor's answer before it expires.
    pub mentoring_request_days: i64,
    /// Who may mentor whom, and how the OPD of mentor and mentee weighs, in recommendations
    /// and bulk matching.
    pub mentor_rules: crate::mentoring::score::MatchRules,
}

impl Settings {
    /// The JP conversion rules with this deployment's JP length.
    pub fn jp_rules(&self) -> crate::jp::JpRules {
        crate::jp::JpRules::with_minutes(self.jp_minutes)
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            jp_minutes: 45,
            jp_yearly_target: 20,
            session_idle_minutes: 120,
            session_max_hours: 12,
            throttle: ThrottlePolicy::default(),
            trust_proxy: false,
            evidence_dir: "data/evidence".into(),
            mentoring_request_days: 7,
            mentor_rules: crate::mentoring::score::MatchRules::default(),
        }
    }
}
