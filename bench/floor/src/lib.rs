//! One page with one island: the least a Leptos 0.8 page with interactivity costs.

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="id">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>"Floor"</title>
                <HydrationScripts options islands=true />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=|| "Tidak ditemukan">
                <Route path=path!("/") view=Page />
            </Routes>
        </Router>
    }
}

#[component]
fn Page() -> impl IntoView {
    view! {
        <main>
            <h1>"Halaman dasar"</h1>
            <p>"Satu halaman yang dirender server dengan satu pulau interaktif."</p>
            <Counter start=0 />
        </main>
    }
}

#[island]
fn Counter(start: i32) -> impl IntoView {
    let (count, set_count) = signal(start);
    // Effects run in the browser only, once the island is hydrated: the mark the benchmark
    // waits for, as it waits for Bina's own.
    Effect::new(|| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "");
        }
    });
    view! {
        <button type="button" on:click=move |_| set_count.update(|n| *n += 1)>
            "Tambah: " {count}
        </button>
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
