//! `server` serves the app; the other commands (`create-admin`, `backup`, `restore`,
//! `healthcheck`, `demo`) are described in `cli`.

use std::net::SocketAddr;
use std::sync::Arc;

use app::canteen::db::order_queue::OrderQueue;
use app::state::AppState;
use axum::serve::ListenerExt;
use leptos::prelude::get_configuration;
use server::{backup, cli, config, database, demo, demo_year, jobs, router};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            // The message and its causes, without a stack trace: read by a person.
            eprintln!("error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into()),
        )
        .init();

    let url = config::database_url();
    match cli::parse(std::env::args().skip(1))? {
        cli::Command::CreateAdmin(args) => {
            let pool = database::open(&url).await?;
            cli::create_admin(&pool, args).await
        }
        cli::Command::Backup { to } => {
            let copy = backup::backup(&url, &to).await?;
            print!("Backed up to {}", copy.report());
            Ok(())
        }
        cli::Command::Restore { from } => {
            let restored = backup::restore(&from, &url).await?;
            print!(
                "Restored {} as {}",
                from.display(),
                restored.summary.report()
            );
            if let Some(kept) = restored.kept_previous {
                println!("The database it replaced is kept as {}.", kept.display());
            }
            Ok(())
        }
        cli::Command::Healthcheck => {
            let conf = get_configuration(None)?;
            cli::healthcheck(conf.leptos_options.site_addr).await
        }
        cli::Command::Demo { scale } => {
            if !url.starts_with("sqlite:") {
                anyhow::bail!("the generated year of demo data is written into SQLite only");
            }
            let pool = database::open(&url).await?;
            let today = app::clock::today_in_shanghai();
            let report = demo_year::generate(&pool, scale, today).await?;
            print!("Wrote into {url}:\n{}", report.lines());
            Ok(())
        }
        cli::Command::MigrateToPostgres { from, to } => migrate_to_postgres(&from, &to).await,
        cli::Command::Serve => serve(&url).await,
    }
}

#[cfg(feature = "postgres")]
async fn migrate_to_postgres(from: &str, to: &str) -> anyhow::Result<()> {
    let report = server::migrate_to_postgres::migrate(from, to).await?;
    print!("Copied {from} into {to}:\n{}", report.lines());
    Ok(())
}

#[cfg(not(feature = "postgres"))]
async fn migrate_to_postgres(_: &str, _: &str) -> anyhow::Result<()> {
    anyhow::bail!("this server is built for SQLite; build it with `--features postgres` to migrate")
}

async fn serve(url: &str) -> anyhow::Result<()> {
    // Held until the process exits: no second server and no restore on this database.
    let _lock = backup::lock_for_serving(url)?;
    server::metrics::handle();
    let pool = database::open(url).await?;
    if config::demo_data_wanted() {
        demo::load_if_empty(&pool).await?;
    }
    let writer = database::open_writer(url).await?;
    let live = app::live::bus::LiveBus::default();
    // The jobs write (orders, offers, reminders, sweeping): they queue with the users' writes,
    // and announce the orders they place to the live boards.
    let (stop_jobs, jobs) = jobs::spawn_announcing(
        writer.clone(),
        url.to_string(),
        config::backup_schedule()?,
        live.clone(),
    );
    let conf = get_configuration(None)?;
    let addr = conf.leptos_options.site_addr;
    let state = AppState {
        leptos_options: conf.leptos_options,
        orders: OrderQueue::start(writer.clone()),
        writer,
        pool,
        config: Arc::new(config::app_config()?),
        live: live.clone(),
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
    .with_graceful_shutdown(async move {
        shutdown_signal().await;
        // Open event streams end, so the connections they hold can close.
        live.close();
    })
    .await?;
    // A job in the middle of its run finishes it; then the loop ends.
    let _ = stop_jobs.send(true);
    let _ = jobs.await;
    tracing::info!("stopped");
    Ok(())
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
