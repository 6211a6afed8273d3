//! `/healthz`: the database answers (cheap, for the proxy). `/readyz`: it answers and has
//! every migration this version knows, so a new version is ready only once migrated.

use app::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;

/// 200 "ok" when the database answers, 503 otherwise.
pub async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match sqlx::query_scalar::<_, i64>("SELECT CAST(1 AS BIGINT)")
        .fetch_one(&state.pool)
        .await
    {
        Ok(_) => (StatusCode::OK, "ok"),
        Err(error) => {
            tracing::error!(%error, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

/// 200 "ready" when the database answers and is fully migrated, 503 with the reason otherwise.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, String) {
    let applied = sqlx::query_scalar::<_, Option<i64>>(
        "SELECT max(version) FROM _sqlx_migrations WHERE success",
    )
    .fetch_one(&state.pool)
    .await;
    let expected = crate::database::latest_migration();
    match applied {
        Ok(Some(version)) if version >= expected => (StatusCode::OK, "ready".to_string()),
        Ok(version) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "database at migration {}, this version needs {expected}",
                version.unwrap_or(0)
            ),
        ),
        Err(error) => {
            tracing::error!(%error, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "database unavailable".to_string(),
            )
        }
    }
}
