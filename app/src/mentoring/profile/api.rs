//! Server functions of the mentor profile: opting in, expertise, capacity.

use leptos::prelude::*;

use crate::{
    error::AppError,
    mentoring::{MentorProfileView, rules::ProfileInput},
};

#[cfg(feature = "ssr")]
use super::queries;

/// The logged-in person's mentor profile (or the empty form to opt in).
#[server(endpoint = "mentor-profil")]
pub async fn get_mentor_profile() -> Result<MentorProfileView, AppError> {
    crate::error::respond(queries::profile().await)
}

/// Opts in as a mentor, or changes the profile.
#[server(endpoint = "mentor-profil-simpan")]
pub async fn save_mentor_profile(profile: ProfileInput) -> Result<(), AppError> {
    let result = queries::save_profile(profile).await;
    crate::error::form_result(result, "/mentoring/profil?tersimpan=1", "/mentoring/profil")
}
