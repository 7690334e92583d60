//! One labelled form field, the same on every form: the label names the control by its id,
//! and the hint (when there is one) is `{id}-hint`, which the control names in its
//! `aria-describedby` so that a screen reader reads it with the field.

use leptos::prelude::*;

/// The id of a field's hint, for the control's `aria-describedby` when its id is computed.
pub fn hint_id(id: &str) -> String {
    format!("{id}-hint")
}

#[component]
pub fn Field(
    /// The id of the control inside (an `input`, `select` or `textarea`).
    #[prop(into)]
    id: String,
    #[prop(into)] label: ViewFn,
    #[prop(optional, into)] hint: Option<ViewFn>,
    children: Children,
) -> impl IntoView {
    let hint = hint.map(|hint| {
        view! { <small id=hint_id(&id) class="hint">{hint.run()}</small> }
    });
    view! {
        <div class="field">
            <label for=id>{label.run()}</label>
            {children()}
            {hint}
        </div>
    }
}
