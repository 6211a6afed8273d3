//! The live boards' event streams through the real router: who may open which stream, that
//! each stream carries only what its reader may see, and that an order placed through the
//! order form reaches the canteen's board.

use std::time::Duration;

use app::canteen::model::order::OrderStatus;
use app::db::Pool;
use app::live::model::{LiveEvent, LiveKind, RELOAD};
use axum::body::{Body, BodyDataStream};
use axum::http::{header, Request, StatusCode};
use futures_util::StreamExt;
use tower::ServiceExt;

use crate::support::{demo, scalar, TestApp};

const ADMIN: &str = "13900000001"; // 张主任, admin of every community
const WORKER: &str = "13900000002"; // 陈静, worker and admin of 十九街社区 (7)
const COOK: &str = "13900000003"; // 刘芳, canteen staff of 十九街社区
const LI: &str = "13900000005"; // 李军, family of 王秀英 and 李建国 (十九街社区)
const HUANG: &str = "13900000007"; // 黄丽, family of 周桂兰 (红河社区, 1)

/// An open event stream, read message by message.
struct Events {
    body: BodyDataStream,
    buffer: String,
}

impl Events {
    /// The next message's `(id, data)`, skipping keep-alive comments; `None` when nothing
    /// arrives within a second.
    async fn next(&mut self) -> Option<(String, String)> {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let message: String = self.buffer.drain(..end + 2).collect();
                let field = |name: &str| {
                    message
                        .lines()
                        .filter_map(|line| line.strip_prefix(name))
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                let data = field("data: ");
                if data.is_empty() {
                    continue;
                }
                return Some((field("id: "), data));
            }
            let chunk = tokio::time::timeout(Duration::from_secs(1), self.body.next())
                .await
                .ok()??
                .ok()?;
            self.buffer.push_str(&String::from_utf8_lossy(&chunk));
        }
    }

    /// The next change announced on the stream.
    async fn next_event(&mut self) -> Option<LiveEvent> {
        let (_, data) = self.next().await?;
        Some(serde_json::from_str(&data).expect("an event"))
    }
}

async fn open(app: &TestApp, path: &str, cookie: Option<&str>) -> (StatusCode, Option<Events>) {
    let mut request = Request::get(path).header(header::HOST, "127.0.0.1:3000");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    let response = app
        .router
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    if status != StatusCode::OK {
        return (status, None);
    }
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/event-stream",
        "a stream, not compressed or buffered"
    );
    assert!(response.headers().get(header::CONTENT_ENCODING).is_none());
    let mut events = Events {
        body: response.into_body().into_data_stream(),
        buffer: String::new(),
    };
    let (_, greeting) = events.next().await.expect("the greeting");
    assert_eq!(greeting, RELOAD);
    (status, Some(events))
}

fn event_for(elder_id: i64, community_id: i64, order_id: i64) -> LiveEvent {
    LiveEvent {
        kind: LiveKind::OrderPlaced,
        order_id,
        elder_id,
        service_id: 1,
        canteen_id: 1,
        community_id,
        date: app::clock::today_in_shanghai(),
        status: OrderStatus::Placed,
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn nobody_signed_out_opens_a_stream(pool: Pool) {
    let app = demo(pool).await;
    for path in ["/events/family", "/events/canteen/1", "/events/dashboard"] {
        let (status, _) = open(&app, path, None).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn staff_open_only_their_own_communitys_boards(pool: Pool) {
    let app = demo(pool).await;
    sqlx::query(
        "INSERT INTO canteens (id, community_id, name, address, opening_hours)
         VALUES (2, 1, '红河社区食堂', '', '')",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let cook = app.log_in_demo(COOK).await;
    let (status, _) = open(&app, "/events/canteen/2", Some(&cook)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "another community's canteen");
    let (status, _) = open(&app, "/events/canteen/1", Some(&cook)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = open(&app, "/events/dashboard?community=7", Some(&cook)).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "the today numbers are for workers and admins"
    );

    let worker = app.log_in_demo(WORKER).await;
    let (status, _) = open(&app, "/events/dashboard?community=1", Some(&worker)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = open(&app, "/events/dashboard?community=7", Some(&worker)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = open(&app, "/events/dashboard", Some(&worker)).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "every community the worker works for"
    );
    let (status, _) = open(&app, "/events/dashboard?community=", Some(&worker)).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "an empty field, as a GET form sends it"
    );
    let (status, _) = open(&app, "/events/dashboard?community=seven", Some(&worker)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_family_hears_only_of_their_own_elders_orders(pool: Pool) {
    let app = demo(pool).await;
    let wang = scalar(&app, "SELECT id FROM elders WHERE name = '王秀英'").await;
    let zhou = scalar(&app, "SELECT id FROM elders WHERE name = '周桂兰'").await;
    let li = app.log_in_demo(LI).await;
    let huang = app.log_in_demo(HUANG).await;
    let (_, li_events) = open(&app, "/events/family", Some(&li)).await;
    let (_, huang_events) = open(&app, "/events/family", Some(&huang)).await;
    let (mut li_events, mut huang_events) = (li_events.unwrap(), huang_events.unwrap());

    app.live
        .send(vec![event_for(zhou, 1, 11), event_for(wang, 7, 12)]);

    let heard = li_events.next_event().await.expect("王秀英's order");
    assert_eq!((heard.elder_id, heard.order_id), (wang, 12));
    assert!(li_events.next().await.is_none(), "nothing of 周桂兰's");
    let heard = huang_events.next_event().await.expect("周桂兰's order");
    assert_eq!((heard.elder_id, heard.order_id), (zhou, 11));
    assert!(huang_events.next().await.is_none(), "nothing of 王秀英's");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_dashboard_hears_only_of_the_communities_it_shows(pool: Pool) {
    let app = demo(pool).await;
    let wang = scalar(&app, "SELECT id FROM elders WHERE name = '王秀英'").await;
    let zhou = scalar(&app, "SELECT id FROM elders WHERE name = '周桂兰'").await;
    let worker = app.log_in_demo(WORKER).await;
    let admin = app.log_in_demo(ADMIN).await;
    let (_, mine) = open(&app, "/events/dashboard", Some(&worker)).await;
    let (_, everywhere) = open(&app, "/events/dashboard", Some(&admin)).await;
    let (_, honghe) = open(&app, "/events/dashboard?community=1", Some(&admin)).await;
    let (mut mine, mut everywhere, mut honghe) =
        (mine.unwrap(), everywhere.unwrap(), honghe.unwrap());

    app.live
        .send(vec![event_for(zhou, 1, 11), event_for(wang, 7, 12)]);

    let heard = mine.next_event().await.expect("十九街社区's order");
    assert_eq!((heard.community_id, heard.order_id), (7, 12));
    assert!(mine.next().await.is_none(), "nothing of 红河社区's");
    let heard = honghe.next_event().await.expect("红河社区's order");
    assert_eq!((heard.community_id, heard.order_id), (1, 11));
    assert!(honghe.next().await.is_none(), "only the community picked");
    let first = everywhere.next_event().await.expect("the first order");
    let second = everywhere.next_event().await.expect("the second order");
    assert_eq!((first.order_id, second.order_id), (11, 12));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_order_placed_on_the_form_reaches_the_kitchen_board_in_order(pool: Pool) {
    let app = demo(pool).await;
    let cook = app.log_in_demo(COOK).await;
    let (_, board) = open(&app, "/events/canteen/1", Some(&cook)).await;
    let mut board = board.unwrap();

    let family = app.log_in_demo(LI).await;
    let wang = scalar(&app, "SELECT id FROM elders WHERE name = '王秀英'").await;
    let set_meal = scalar(&app, "SELECT id FROM dishes WHERE name LIKE '敬老套餐%'").await;
    let tomorrow = app::clock::today_in_shanghai() + chrono::Days::new(1);
    let reply = family
        .post(
            "/api/canteen/order",
            &[
                ("form[elder_id]", &wang.to_string()),
                ("form[service_id]", "1"),
                ("form[dates][]", &tomorrow.to_string()),
                ("form[dishes][]", &format!("{set_meal}:1")),
                ("form[fulfilment]", "delivery"),
                ("form[replaces]", "0"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let order = scalar(&app, "SELECT max(id) FROM orders").await;

    let placed = board
        .next_event()
        .await
        .expect("the new order on the board");
    assert_eq!(placed.kind, LiveKind::OrderPlaced);
    assert_eq!(
        (
            placed.order_id,
            placed.elder_id,
            placed.canteen_id,
            placed.date
        ),
        (order, wang, 1, tomorrow)
    );
    assert!(
        !serde_json::to_string(&placed).unwrap().contains("王秀英"),
        "ids and codes only"
    );

    let reply = family
        .post("/api/canteen/cancel", &[("order_id", &order.to_string())])
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let cancelled = board.next_event().await.expect("the cancellation");
    assert_eq!(
        (cancelled.kind, cancelled.status),
        (LiveKind::OrderCancelled, OrderStatus::Cancelled)
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn streams_end_when_the_server_shuts_down(pool: Pool) {
    let app = demo(pool).await;
    let li = app.log_in_demo(LI).await;
    let (_, events) = open(&app, "/events/family", Some(&li)).await;
    let mut events = events.unwrap();
    app.live.close();
    let ended = tokio::time::timeout(Duration::from_secs(2), events.body.next())
        .await
        .expect("the stream ended");
    assert!(ended.is_none());
}
