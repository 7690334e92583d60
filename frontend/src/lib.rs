//! The browser entry point: hydrates the server-rendered page.

use leptos::prelude::document;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Pages are lazy routes (their code is a separate wasm chunk), so hydration is
    // asynchronous: it waits for the chunk of the page being shown.
    wasm_bindgen_futures::spawn_local(async {
        let Some(body) = document().body() else {
            return;
        };
        leptos::mount::hydrate_from_async(body, bina_app::App)
            .await
            .forget();
        // Marks the document once the wasm has taken over: browser tests wait for it so the
        // hydrated project really exercises the enhanced forms, not the plain posts under
        // them.
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute(bina_app::HYDRATED_ATTRIBUTE, "");
        }
    });
}
