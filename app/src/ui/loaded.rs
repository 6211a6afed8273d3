//! What most pages show while their data loads: a "loading" line, then the data, or the error
//! that kept it from loading.

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

use crate::error::AppResult;
use crate::i18n::use_texts;
use crate::ui::form::FormError;

/// Shows `resource` through `show` once it has loaded, or its error.
pub fn loaded<T, V, F>(resource: Resource<AppResult<T>>, show: F) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    let t = use_texts();
    view! {
        <Suspense fallback=move || view! { <p class="muted">{t.loading}</p> }>
            {move || {
                let show = show.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => show(value).into_any(),
                        Err(error) => view! { <FormError error=Signal::stored(Some(error)) /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
