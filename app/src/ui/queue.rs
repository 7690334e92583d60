//! The shape of a page where someone decides items one by one: the supervisor's plans to
//! approve, the verifier's JP entries. Title, introduction, the last decision's error, then
//! the queue or its empty state.

use leptos::prelude::*;
use leptos_i18n::I18nContext;
use serde::{Serialize, de::DeserializeOwned};

use super::{ErrorMessage, Loading, PageTitle, page_or_error};
use crate::{error::AppError, i18n::*};

/// A text of the page, in the current language (`|i18n| t_string!(i18n, verify.title)`).
pub type Text = fn(I18nContext<Locale>) -> &'static str;

#[component]
pub fn DecisionQueue<T, V>(
    title: Text,
    intro: Text,
    empty: Text,
    /// The items waiting, refetched after each decision.
    queue: Resource<Result<Vec<T>, AppError>>,
    /// The error of the latest decision (see [`super::posted_error`]).
    error: impl Fn() -> Option<AppError> + Copy + Send + Sync + 'static,
    /// One item with its decision forms.
    item: impl Fn(T) -> V + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    view! {
        <PageTitle text=title />
        <h1>{move || title(i18n)}</h1>
        <p class="muted">{move || intro(i18n)}</p>
        {move || error().map(|error| view! { <ErrorMessage error /> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(
                    queue.await,
                    move |items| {
                        if items.is_empty() {
                            return view! { <p class="empty">{move || empty(i18n)}</p> }.into_any();
                        }
                        items.into_iter().map(item).collect_view().into_any()
                    },
                )
            })}
        </Suspense>
    }
}
