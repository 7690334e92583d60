//! The competency-planning dashboard: plans by state, who reached the yearly JP, the JP
//! distribution, verified JP by access class (the urban–remote gap), and a heatmap of the
//! average competency gap. The pure part (aggregation, drill-down, CSV rows) lives here; the
//! queries in `server_fns`.

mod api;
mod figures;
mod model;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod ui;

pub use api::*;
pub use figures::*;
pub use model::*;
