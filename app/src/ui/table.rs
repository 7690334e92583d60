//! A data table, the same on every page: on a narrow phone it scrolls sideways inside its
//! own box while the page stays put, and that box is a named region that takes the focus, so
//! a keyboard user can scroll it with the arrow keys and a screen reader announces it.

use leptos::prelude::*;
use leptos_i18n::I18nContext;

use crate::i18n::*;

/// What a table is called, for its region.
#[derive(Clone)]
pub enum TableName {
    /// The id of the heading that stands above it.
    Heading(&'static str),
    /// A text of its own, in the current language.
    Text(fn(I18nContext<Locale>) -> &'static str),
    /// A name from the data (a jabatan's table of levels).
    Data(String),
}

#[component]
pub fn DataTable(
    name: TableName,
    /// The table's own class (`heatmap`, `entries`), for its layout.
    #[prop(optional)]
    class: &'static str,
    /// The column headings: `<th scope="col">` cells.
    #[prop(into)]
    head: ViewFn,
    /// The rows.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let labelled_by = match name {
        TableName::Heading(id) => Some(id),
        _ => None,
    };
    let label = move || match &name {
        TableName::Heading(_) => None,
        TableName::Text(text) => Some(text(i18n).to_owned()),
        TableName::Data(text) => Some(text.clone()),
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby=labelled_by aria-label=label>
            <table class=(!class.is_empty()).then_some(class)>
                <thead>
                    <tr>{head.run()}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
