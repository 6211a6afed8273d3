//! The one error type of the app. Every server function returns `Result<T, AppError>`.
//! Its `Display` is the short sentence a user sees, in their language; internal details never leave
//! the server (they are logged where the error is created, see `AppError::internal`).

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppError {
    /// The input is wrong; the message says what to fix.
    Invalid(String),
    NotLoggedIn,
    Forbidden,
    NotFound,
    /// A rule or the current state forbids the action; the message explains it.
    Conflict(String),
    /// Minutes until the next attempt is allowed.
    TooManyAttempts(i64),
    Internal,
    /// An internal fault, with the request's id for the operator (see `RequestRef`).
    InternalRef(String),
    Network,
}

/// The sentence a user sees, in the language of the request (server) or page (browser).
impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Self::Invalid(message) | Self::Conflict(message) => return f.write_str(message),
            Self::NotLoggedIn => crate::tr!("请先登录。", "Please log in first."),
            Self::Forbidden => {
                crate::tr!("您没有权限进行此操作。", "You are not allowed to do this.")
            }
            Self::NotFound => crate::tr!("没有找到相关记录。", "Nothing was found."),
            Self::TooManyAttempts(minutes) => crate::tr!(
                "尝试次数过多，请 {minutes} 分钟后再试。",
                "Too many attempts. Please try again in {minutes} minutes."
            ),
            Self::Internal => crate::tr!(
                "系统繁忙，请稍后再试。",
                "The system is busy. Please try again later."
            ),
            Self::InternalRef(id) => crate::tr!(
                "系统繁忙，请稍后再试。（错误编号 {id}）",
                "The system is busy. Please try again later. (Error reference {id})"
            ),
            Self::Network => crate::tr!(
                "网络连接出现问题，请检查网络后重试。",
                "The network connection failed. Please check it and try again."
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for AppError {}

impl AppError {
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::Invalid(message.into())
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::Conflict(message.into())
    }

    /// Logs the cause with its context and returns the client-safe error, which carries the
    /// request's id when there is one, for the user to quote.
    #[cfg(feature = "ssr")]
    pub fn internal(context: &str, cause: impl std::fmt::Display) -> Self {
        tracing::error!(%cause, "{context}");
        match RequestRef::current() {
            Some(RequestRef(id)) => Self::InternalRef(id),
            None => Self::Internal,
        }
    }
}

/// HTTP statuses and metric labels: the one mapping used for failed server functions and for
/// plain handlers (downloads, the calendar feed), so a refusal reads the same everywhere.
#[cfg(feature = "ssr")]
impl AppError {
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            Self::Invalid(_) => StatusCode::BAD_REQUEST,
            Self::NotLoggedIn => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::TooManyAttempts(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::Internal | Self::InternalRef(_) | Self::Network => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    /// The error's kind as a metrics label.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Invalid(_) => "invalid",
            Self::NotLoggedIn => "not_logged_in",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::Conflict(_) => "conflict",
            Self::TooManyAttempts(_) => "too_many_attempts",
            Self::Internal | Self::InternalRef(_) => "internal",
            Self::Network => "network",
        }
    }
}

/// A plain handler's refusal: its status and the sentence as text.
#[cfg(feature = "ssr")]
impl axum::response::IntoResponse for AppError {
    fn into_response(self) -> axum::response::Response {
        (self.status(), self.to_string()).into_response()
    }
}

/// The id the server gave the request (`X-Request-Id`), on its log lines and in the message
/// of an internal error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRef(pub String);

#[cfg(feature = "ssr")]
impl RequestRef {
    /// The current request's id, from the request the server is rendering or answering.
    pub fn current() -> Option<Self> {
        leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<RequestRef>().cloned())
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(_) => Self::Network,
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                Self::invalid(crate::tr!(
                    "提交的内容不完整，请检查后重试。",
                    "The form is incomplete. Please check it and try again."
                ))
            }
            _ => Self::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        match error {
            sqlx::Error::RowNotFound => Self::NotFound,
            other => Self::internal("database error", other),
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;
