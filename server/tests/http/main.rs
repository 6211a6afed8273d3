//! The server through its real router on fresh databases: pages, server functions, sessions
//! and permissions, as a browser would use them. One test binary keeps links few and small.

mod support;

mod accounts;
mod admin;
// Backups copy the SQLite file (PostgreSQL is backed up with its own tools, docs/postgres.md).
#[cfg(not(feature = "postgres"))]
mod backup;
mod behind_a_proxy;
mod canteen;
mod canteen_orders;
mod canteen_setup;
mod dashboard;
// The generated year of demo data writes SQLite's rows directly.
#[cfg(not(feature = "postgres"))]
mod demo_year;
mod household;
mod live;
mod operations;
mod page_cache;
mod school;
mod school_manage;
mod security_headers;
mod static_files;
mod volunteer;
