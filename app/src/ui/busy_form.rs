//! A form that says it is busy while it sends: for a post that takes long on a slow link
//! (an upload). An island: the browser disables its button and shows `busy_label` once the
//! form is submitted, so a second tap does not send the file twice. Without JavaScript it is
//! the same plain form, and the browser shows its own progress.

use leptos::prelude::*;

#[island]
pub fn BusyForm(
    /// Where the form posts.
    action: String,
    /// Sends `multipart/form-data` (a form with a file).
    multipart: bool,
    /// The submit button's text, and its text while the form is being sent.
    submit_label: String,
    busy_label: String,
    /// The fields (server-rendered; the island does not re-render them).
    children: Children,
) -> impl IntoView {
    let (busy, set_busy) = signal(false);
    view! {
        <form
            method="post"
            action=action
            enctype=multipart.then_some("multipart/form-data")
            class="form"
            aria-busy=move || busy.get().to_string()
            on:submit=move |_| set_busy.set(true)
        >
            {children()}
            <button type="submit" class="button primary" disabled=move || busy.get()>
                {move || if busy.get() { busy_label.clone() } else { submit_label.clone() }}
            </button>
        </form>
    }
}
