//! A test client for the real router on a fresh database: form posts to server functions,
//! page loads, and the session cookie carried between them like a browser would.

use std::sync::Arc;

use app::canteen::db::order_queue::OrderQueue;
use app::db::Pool;
use app::live::bus::LiveBus;
use app::state::{AppState, Config};
use axum::body::{to_bytes, Body};
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::Router;
use tower::ServiceExt;

/// The router on the demo data: communities, accounts, canteens with menus, classes, shifts.
pub async fn demo(pool: Pool) -> TestApp {
    server::demo::load_if_empty(&pool).await.unwrap();
    TestApp::new(pool)
}

/// The one integer `sql` selects.
pub async fn scalar(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.pool).await.unwrap()
}

pub struct TestApp {
    pub router: Router,
    pub pool: Pool,
    /// The live bus the router announces order changes on.
    pub live: LiveBus,
    /// The meal orders' queue, started once for this test's database.
    pub orders: OrderQueue,
}

/// A browser holding a cookie — a signed-in account's session, or a display preference —
/// that its requests carry. It reads as the cookie itself where one is wanted (`&*browser`).
pub struct Browser<'a> {
    app: &'a TestApp,
    cookie: String,
}

impl Browser<'_> {
    /// Calls a server function from this browser.
    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> Reply {
        self.app.call(path, form, Some(&self.cookie)).await
    }

    /// Loads a page in this browser.
    pub async fn get(&self, path: &str) -> Reply {
        self.app.get(path, Some(&self.cookie)).await
    }
}

impl std::ops::Deref for Browser<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.cookie
    }
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    /// `name=value` of the first `Set-Cookie` for `name`.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.set_cookie_lines()
            .into_iter()
            .find(|line| line.starts_with(&format!("{name}=")))
            .map(|line| line.split(';').next().unwrap_or_default().to_string())
    }

    pub fn set_cookie_lines(&self) -> Vec<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect()
    }

    pub fn location(&self) -> Option<&str> {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
    }
}

impl TestApp {
    pub fn new(pool: Pool) -> Self {
        let app = Self {
            router: Router::new(),
            orders: OrderQueue::start(pool.clone()),
            pool,
            live: LiveBus::default(),
        };
        Self {
            router: server::router::router(app.state()),
            ..app
        }
    }

    /// The server state the router is built with: this test's database, default settings.
    pub fn state(&self) -> AppState {
        AppState {
            leptos_options: leptos_config::LeptosOptions::builder()
                .output_name("xingfu")
                .build(),
            pool: self.pool.clone(),
            writer: self.pool.clone(),
            orders: self.orders.clone(),
            config: Arc::new(Config::default()),
            live: self.live.clone(),
        }
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = to_bytes(response.into_body(), 10 * 1024 * 1024)
            .await
            .unwrap();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    /// Calls a server function the way the hydrated page does (same-origin fetch).
    pub async fn call(&self, path: &str, form: &[(&str, &str)], cookie: Option<&str>) -> Reply {
        let mut request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .header(header::HOST, "127.0.0.1:3000")
            .header(header::ORIGIN, "http://127.0.0.1:3000")
            .header("sec-fetch-site", "same-origin");
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        let body = serde_urlencoded::to_string(form).unwrap();
        self.send(request.body(Body::from(body)).unwrap()).await
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Reply {
        let mut request = Request::get(path).header(header::HOST, "127.0.0.1:3000");
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    /// A browser that holds `cookie` (`name=value`).
    pub fn browser(&self, cookie: String) -> Browser<'_> {
        Browser { app: self, cookie }
    }

    /// Registers an account and returns it signed in.
    pub async fn register(&self, phone: &str, name: &str) -> Browser<'_> {
        let reply = self
            .call(
                "/api/auth/register",
                &[
                    ("display_name", name),
                    ("phone", phone),
                    ("password", "红钢城wh2024!"),
                    ("password_confirm", "红钢城wh2024!"),
                ],
                None,
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        self.browser(reply.cookie("xf_session").expect("a session cookie"))
    }

    /// Logs in a demo account (password `xingfu-demo`) and returns it signed in.
    pub async fn log_in_demo(&self, phone: &str) -> Browser<'_> {
        let reply = self
            .call(
                "/api/auth/login",
                &[("phone", phone), ("password", "xingfu-demo")],
                None,
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        self.browser(reply.cookie("xf_session").expect("a session cookie"))
    }

    /// Registers an elder for the family with `cookie` and returns the elder's id.
    pub async fn add_elder(&self, cookie: &str, name: &str, community: &str) -> i64 {
        let reply = self
            .call(
                "/api/household/add",
                &[
                    ("form[name]", name),
                    ("form[birth_date]", "1944-03-08"),
                    ("form[community_id]", community),
                    ("form[building]", "12栋"),
                    ("form[room]", "301"),
                    ("form[phone]", "13907123456"),
                    ("form[needs_delivery]", "true"),
                    ("form[allergies][]", "peanut"),
                    ("form[allergies][]", "seafood"),
                ],
                Some(cookie),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        sqlx::query_scalar("SELECT max(id) FROM elders")
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }

    /// Makes the account with `phone` an admin (or worker) in the database directly.
    pub async fn grant(&self, phone: &str, role: &str, community: Option<i64>) {
        sqlx::query("INSERT INTO user_roles (user_id, role, community_id) SELECT id, $1, $2 FROM users WHERE phone = $3")
            .bind(role)
            .bind(community)
            .bind(phone)
            .execute(&self.pool)
            .await
            .unwrap();
    }
}
