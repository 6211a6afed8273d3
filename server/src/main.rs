//! `server` serves the app; `server create-admin …` creates the first administrator.

use std::net::SocketAddr;
use std::sync::Arc;

use app::state::AppState;
use axum::serve::ListenerExt;
use leptos::prelude::get_configuration;
use server::{cli, config, database, demo, jobs, router};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into()),
        )
        .init();

    let command = cli::parse(std::env::args().skip(1))?;
    let pool = database::open(&config::database_url()).await?;

    match command {
        cli::Command::CreateAdmin(args) => cli::create_admin(&pool, args).await,
        cli::Command::Serve => {
            if config::demo_data_wanted() {
                demo::load_if_empty(&pool).await?;
            }
            let writer = database::open_writer(&config::database_url()).await?;
            // The jobs write (orders, offers, reminders): they queue with the users' writes.
            jobs::spawn(writer.clone());
            let conf = get_configuration(None)?;
            let addr = conf.leptos_options.site_addr;
            let state = AppState {
                leptos_options: conf.leptos_options,
                writer,
                pool,
                config: Arc::new(config::app_config()),
            };
            let app = router::router(state);
            // Responses go out at once: without TCP_NODELAY a response written in two parts
            // (headers, then a body) waits ~40 ms for the client's delayed acknowledgement.
            let listener = tokio::net::TcpListener::bind(&addr).await?.tap_io(|tcp| {
                if let Err(error) = tcp.set_nodelay(true) {
                    tracing::warn!(%error, "could not set TCP_NODELAY");
                }
            });
            tracing::info!("幸福里 listening on http://{addr}");
            axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(shutdown_signal())
            .await?;
            tracing::info!("stopped");
            Ok(())
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM, letting requests in flight finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
