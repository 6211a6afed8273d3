//! Password hashing with argon2id (the argon2 crate's defaults: 19 MiB, 2 passes).

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;

use crate::error::AppError;

pub fn hash_password(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| AppError::internal("hashing a password", e))
}

/// Whether `password` matches `stored`; an unreadable stored hash never matches.
pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Hashing work done when an account does not exist, so that a wrong phone number takes as
/// long to refuse as a wrong password.
pub fn verify_against_dummy(password: &str) {
    const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$J8mxhUzF+vbvwN1ddW2zqDeX9CiAIpBsLZ9z3yI6Ea0";
    let _ = verify_password(password, DUMMY);
}

/// `hash_password` off the async runtime (argon2 takes tens of milliseconds of CPU).
pub async fn hash_password_blocking(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| AppError::internal("hashing task", e))?
}

/// `verify_password` off the async runtime; `None` for the stored hash runs the dummy check.
pub async fn verify_password_blocking(
    password: String,
    stored: Option<String>,
) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || match stored {
        Some(stored) => verify_password(&password, &stored),
        None => {
            verify_against_dummy(&password);
            false
        }
    })
    .await
    .map_err(|e| AppError::internal("verifying task", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_is_argon2id_and_verifies_only_the_same_password() {
        let hash = hash_password("红钢城wh2024!").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("红钢城wh2024!", &hash));
        assert!(!verify_password("红钢城wh2024?", &hash));
    }

    #[test]
    fn the_same_password_hashes_differently_each_time() {
        assert_ne!(
            hash_password("same-password").unwrap(),
            hash_password("same-password").unwrap()
        );
    }

    #[test]
    fn a_garbled_stored_hash_never_matches() {
        assert!(!verify_password("anything", "not-a-hash"));
    }
}
