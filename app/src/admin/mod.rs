//! Administration: the community tree, users' roles, and the audit log of admin changes.

pub mod api;
pub mod page;

#[cfg(feature = "ssr")]
pub mod db;
