//! What someone typed into a plain form post (JavaScript off) that was refused, kept on the
//! server for a few minutes under a random id, so that the form can be filled in again
//! without the typed values — addresses, phones, allergies — ever appearing in an address,
//! the browser's history, server logs or a `Referer` header. Only the id travels (`__form`).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How long typed values wait for the form to be shown again.
pub const KEEP_FOR: Duration = Duration::from_secs(10 * 60);
/// At most this many forms are kept; beyond it the oldest go first.
const MAX_FORMS: usize = 10_000;

struct Kept {
    at: Instant,
    fields: String,
}

fn store() -> &'static Mutex<HashMap<String, Kept>> {
    static STORE: OnceLock<Mutex<HashMap<String, Kept>>> = OnceLock::new();
    STORE.get_or_init(Default::default)
}

/// Keeps the url-encoded `fields` and returns the id to put in the redirect.
pub fn keep(fields: String) -> String {
    let id = crate::auth::session::new_token();
    let Ok(mut forms) = store().lock() else {
        return id;
    };
    forms.retain(|_, kept| kept.at.elapsed() < KEEP_FOR);
    if forms.len() >= MAX_FORMS {
        if let Some(oldest) = forms
            .iter()
            .min_by_key(|(_, kept)| kept.at)
            .map(|(id, _)| id.clone())
        {
            forms.remove(&oldest);
        }
    }
    forms.insert(
        id.clone(),
        Kept {
            at: Instant::now(),
            fields,
        },
    );
    id
}

/// The url-encoded fields kept under `id`, while they are fresh.
pub fn fields(id: &str) -> Option<String> {
    let forms = store().lock().ok()?;
    forms
        .get(id)
        .filter(|kept| kept.at.elapsed() < KEEP_FOR)
        .map(|kept| kept.fields.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_fields_come_back_only_under_their_id() {
        let id = keep("address=%E5%8D%81%E4%B9%9D%E8%A1%97".to_string());
        assert_eq!(id.len(), 64);
        assert_eq!(
            fields(&id).as_deref(),
            Some("address=%E5%8D%81%E4%B9%9D%E8%A1%97")
        );
        assert_eq!(fields("not-an-id"), None);
        assert_ne!(keep(String::new()), id);
    }
}
