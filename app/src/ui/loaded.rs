//! What most pages show while their data loads: a "loading" line, then the data, or the error
//! that kept it from loading.

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

use crate::error::AppResult;
use crate::i18n::use_texts;
use crate::ui::form::FormError;

/// What a page loads through a resource: data sent from the server along with the page.
pub trait Loadable: Clone + Send + Sync + Serialize + DeserializeOwned + 'static {}
impl<T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static> Loadable for T {}

/// Shows `resource` through `show` once it has loaded, or its error.
pub fn loaded<T: Loadable, V: IntoView + 'static>(
    resource: Resource<AppResult<T>>,
    show: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <Suspense fallback=move || view! { <p class="muted">{t.loading}</p> }>
            {settled(resource, show)}
        </Suspense>
    }
}

/// Like [`loaded`], for a list: `none_yet` (没有……) stands in for an empty one.
pub fn loaded_list<T: Loadable, V: IntoView + 'static>(
    resource: Resource<AppResult<Vec<T>>>,
    none_yet: &'static str,
    show: impl Fn(Vec<T>) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView {
    loaded(resource, move |list: Vec<T>| {
        if list.is_empty() {
            view! { <p class="card">{none_yet}</p> }.into_any()
        } else {
            show(list).into_any()
        }
    })
}

/// Like [`loaded`], for a live board that loads again by itself: while it reloads, it keeps
/// showing what it had instead of the "loading" line, so the figures do not blink.
pub fn reloaded<T: Loadable, V: IntoView + 'static>(
    resource: Resource<AppResult<T>>,
    show: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <Transition fallback=move || view! { <p class="muted">{t.loading}</p> }>
            {settled(resource, show)}
        </Transition>
    }
}

/// The view of `resource` once it has loaded: `show` of its value, or its error.
fn settled<T: Loadable, V: IntoView + 'static>(
    resource: Resource<AppResult<T>>,
    show: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl Fn() -> Suspend<AnyView> + Send + Sync + 'static {
    move || {
        let show = show.clone();
        Suspend::new(async move {
            match resource.await {
                Ok(value) => show(value).into_any(),
                Err(error) => view! { <FormError error=Signal::stored(Some(error)) /> }.into_any(),
            }
        })
    }
}
