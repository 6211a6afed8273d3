//! The 幸福里 web server: configuration, database, HTTP router and the command line.
//! `main.rs` only parses the command and calls in here, so tests can build the same router.

pub mod assets;
pub mod backup;
pub mod cli;
pub mod config;
pub mod database;
pub mod demo;
pub mod demo_canteen;
pub mod demo_school;
pub mod demo_volunteer;
pub mod demo_year;
pub mod error_status;
pub mod exports;
pub mod form_errors;
pub mod health;
pub mod jobs;
pub mod live;
pub mod locale;
pub mod metrics;
#[cfg(feature = "postgres")]
pub mod migrate_to_postgres;
pub mod page_cache;
pub mod request_id;
pub mod router;
pub mod security;
pub mod security_headers;
