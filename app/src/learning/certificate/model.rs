//! What certificates look like to the browser and to the PDF.

use serde::{Deserialize, Serialize};

use crate::catalog::ProgramMode;

/// What the public verification page may say of a certificate: whether it stands, and the
/// name, program, JP and date printed on it. Nothing else about the person (no NIP, no OPD).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CertificateCheck {
    /// No certificate has this code (or what was typed cannot be a code): said the same way
    /// in both cases, and without a hint at any real code.
    Unknown,
    Valid(CertificateFace),
    Revoked {
        face: CertificateFace,
        /// `YYYY-MM-DD` (WITA) the certificate was revoked on.
        revoked_on: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateFace {
    pub code: String,
    pub holder_name: String,
    pub program_title: String,
    pub jp: u32,
    /// `YYYY-MM-DD` the course was completed on.
    pub completed_on: String,
}

/// A learner's own certificate of one course, on the course page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCertificate {
    pub code: String,
    pub revoked: bool,
}

/// A row of the admin's list of certificates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateRow {
    pub id: i64,
    pub code: String,
    pub holder_name: String,
    pub holder_nip: String,
    pub program_title: String,
    pub jp: u32,
    pub completed_on: String,
    /// The reason and the date (`YYYY-MM-DD`) when revoked.
    pub revoked: Option<(String, String)>,
}

/// A page of the admin's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateList {
    pub rows: Vec<CertificateRow>,
    /// Certificates matching the search, of which `rows` are the newest.
    pub total: u32,
}

/// Everything a certificate's PDF prints, as issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateDocument {
    pub code: String,
    pub holder_name: String,
    pub holder_nip: String,
    pub program_title: String,
    pub organiser: String,
    pub mode: ProgramMode,
    pub jp: u32,
    pub started_on: String,
    pub completed_on: String,
}
