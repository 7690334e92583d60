//! The browser entry point. Pages are server-rendered; the page's loader (the shell's
//! `IslandHydration`) calls `hydrate()` once, then each island's own hydrate function, which
//! the `#[island]` components of `bina-app` export from this module.

// Links bina-app, whose islands export their hydrate functions.
use bina_app as _;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
