//! `channelops-bridge`: the app's command set over HTTP, for developing and
//! testing the UI in a browser on the real core — as GitButler's `but-server`
//! serves its API to its web UI. Never part of the shipped app or CLI.
//!
//! It listens on 127.0.0.1 only, on a free port, and prints one JSON line
//! `{"url": …, "token": …}`. It serves the built UI (`--ui DIR`) as static files,
//! and `POST /invoke/COMMAND` with the command's arguments as a JSON object calls
//! the same `channelops_core::app::Session` function as the Tauri command of that
//! name. Every call must carry the per-run random token (`Authorization: Bearer
//! TOKEN`), and a request from a browser page must come from the bridge's own
//! origin. Progress events go out on the WebSocket `GET /events?token=TOKEN` as
//! `{"event": NAME, "payload": …}`, named as the Tauri events are.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use channelops_core::app::{AwsDefaults, Session};
use channelops_core::aws::stack::StackStatus;
use channelops_core::cur::Progress;
use tokio::sync::broadcast;

mod dispatch;

/// The event names of the window (tauri-specta names them after the types).
pub const VALIDATION_PROGRESS: &str = "validation-progress";
pub const STACK_PROGRESS: &str = "stack-progress";

/// One bridge: one session (one user of one window), its token, its events.
pub struct Bridge {
    pub session: Session,
    token: String,
    origin: String,
    ui: Option<PathBuf>,
    events: broadcast::Sender<String>,
}

impl Bridge {
    /// Progress of a validation, as the window's `ValidationProgress` event.
    pub fn validation_events(&self) -> impl Fn(Progress) + Send + Sync + 'static {
        let tx = self.events.clone();
        move |p| {
            let msg = serde_json::json!({ "event": VALIDATION_PROGRESS, "payload": p });
            let _ = tx.send(msg.to_string());
        }
    }

    /// Each status change of the stack, as the window's `StackProgress` event.
    pub fn stack_events(&self) -> impl Fn(&StackStatus) + Send + Sync + 'static {
        let tx = self.events.clone();
        move |s| {
            let payload = serde_json::json!({
                "status": s.status.clone().unwrap_or_default(),
                "phase": s.phase,
            });
            let msg = serde_json::json!({ "event": STACK_PROGRESS, "payload": payload });
            let _ = tx.send(msg.to_string());
        }
    }

    /// The token is right, and a browser's request comes from this bridge's origin.
    fn admits(
        &self,
        headers: &HeaderMap,
        token: Option<&str>,
    ) -> Result<(), (StatusCode, &'static str)> {
        let bearer = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        if bearer.or(token) != Some(self.token.as_str()) {
            return Err((StatusCode::UNAUTHORIZED, "a valid bridge token is required"));
        }
        match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
            Some(origin) if origin != self.origin => Err((
                StatusCode::FORBIDDEN,
                "requests from other origins are refused",
            )),
            _ => Ok(()),
        }
    }
}

async fn invoke(
    State(bridge): State<Arc<Bridge>>,
    UrlPath(cmd): UrlPath<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(refused) = bridge.admits(&headers, None) {
        return refused.into_response();
    }
    let args: serde_json::Value = if body.is_empty() {
        serde_json::json!({})
    } else {
        match serde_json::from_slice(&body) {
            Ok(v) => v,
            Err(e) => {
                return (
                    StatusCode::BAD_REQUEST,
                    format!("the body is not JSON: {e}"),
                )
                    .into_response();
            }
        }
    };
    match dispatch::call(&bridge, &cmd, &args).await {
        dispatch::Outcome::Ok(v) => (StatusCode::OK, axum::Json(v)).into_response(),
        dispatch::Outcome::Err(e) => {
            (StatusCode::UNPROCESSABLE_ENTITY, axum::Json(e)).into_response()
        }
    }
}

#[derive(serde::Deserialize)]
struct TokenQuery {
    token: Option<String>,
}

async fn event_socket(
    State(bridge): State<Arc<Bridge>>,
    Query(q): Query<TokenQuery>,
    headers: HeaderMap,
    ws: WebSocketUpgrade,
) -> Response {
    if let Err(refused) = bridge.admits(&headers, q.token.as_deref()) {
        return refused.into_response();
    }
    let rx = bridge.events.subscribe();
    ws.on_upgrade(move |socket| forward(socket, rx))
}

async fn forward(mut socket: WebSocket, mut rx: broadcast::Receiver<String>) {
    loop {
        match rx.recv().await {
            Ok(text) => {
                if socket.send(Message::Text(text.into())).await.is_err() {
                    return;
                }
            }
            Err(broadcast::error::RecvError::Lagged(_)) => {}
            Err(broadcast::error::RecvError::Closed) => return,
        }
    }
}

/// The built UI's files; `/` is its index.html. Only paths inside the folder.
async fn static_file(State(bridge): State<Arc<Bridge>>, uri: axum::http::Uri) -> Response {
    let Some(root) = &bridge.ui else {
        return (StatusCode::NOT_FOUND, "no UI folder (--ui)").into_response();
    };
    let rel = uri.path().trim_start_matches('/');
    let rel = if rel.is_empty() { "index.html" } else { rel };
    let rel = Path::new(rel);
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return StatusCode::NOT_FOUND.into_response();
    }
    match tokio::fs::read(root.join(rel)).await {
        Ok(bytes) => {
            let kind = match rel.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript",
                Some("css") => "text/css",
                Some("png") => "image/png",
                Some("svg") => "image/svg+xml",
                Some("json") => "application/json",
                _ => "application/octet-stream",
            };
            ([(header::CONTENT_TYPE, kind)], bytes).into_response()
        }
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

struct Options {
    db: Option<PathBuf>,
    ui: Option<PathBuf>,
}

fn options() -> Result<Options, String> {
    let mut db = None;
    let mut ui = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(a) = args.next() {
        match a.to_str() {
            Some("--db") => db = args.next().map(PathBuf::from),
            Some("--ui") => ui = args.next().map(PathBuf::from),
            _ => {
                return Err(format!(
                    "unknown argument {a:?}; usage: channelops-bridge [--db FILE] [--ui DIR]"
                ));
            }
        }
    }
    Ok(Options { db, ui })
}

fn token() -> Result<String, channelops_core::CoreError> {
    Ok(channelops_core::signing::b64url(
        &channelops_core::ids::random_bytes::<32>()?,
    ))
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("CHANNELOPS_LOG"))
        .with_writer(std::io::stderr)
        .init();
    match serve().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::from(2)
        }
    }
}

async fn serve() -> Result<(), String> {
    let opts = options()?;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .map_err(|e| format!("could not listen on 127.0.0.1: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let url = format!("http://{addr}");
    let (events, _) = broadcast::channel(256);
    let bridge = Arc::new(Bridge {
        session: Session::new(opts.db, AwsDefaults::default()),
        token: token().map_err(|e| e.to_string())?,
        origin: url.clone(),
        ui: opts.ui,
        events,
    });
    println!(
        "{}",
        serde_json::json!({ "url": url, "token": bridge.token, "commands": dispatch::COMMANDS.len() })
    );
    let app = Router::new()
        .route("/invoke/{cmd}", post(invoke))
        .route("/events", get(event_socket))
        .fallback(get(static_file))
        .with_state(bridge);
    axum::serve(listener, app).await.map_err(|e| e.to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The bridge serves exactly the app's command set.
    #[test]
    fn the_bridge_serves_the_commands_of_commands_list() {
        let list = include_str!("../../../commands.list");
        let mut listed: Vec<&str> = list
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .split(',')
            .map(|s| s.trim().trim_matches('"'))
            .collect();
        listed.sort_unstable();
        let mut served = dispatch::COMMANDS.to_vec();
        served.sort_unstable();
        assert_eq!(served, listed);
    }

    /// Without the token, or from another origin, nothing is served.
    #[test]
    fn calls_need_the_token_and_the_bridges_own_origin() {
        let (events, _) = broadcast::channel(1);
        let bridge = Bridge {
            session: Session::new(
                Some(PathBuf::from("/nonexistent/ws.db")),
                AwsDefaults::default(),
            ),
            token: "secret".into(),
            origin: "http://127.0.0.1:1234".into(),
            ui: None,
            events,
        };
        let headers = |pairs: &[(header::HeaderName, &str)]| {
            let mut h = HeaderMap::new();
            for (k, v) in pairs {
                h.insert(k.clone(), v.parse().unwrap());
            }
            h
        };
        let refused = |h: &HeaderMap, q: Option<&str>| bridge.admits(h, q).err().map(|(s, _)| s);
        assert_eq!(refused(&headers(&[]), None), Some(StatusCode::UNAUTHORIZED));
        let wrong = headers(&[(header::AUTHORIZATION, "Bearer guess")]);
        assert_eq!(refused(&wrong, None), Some(StatusCode::UNAUTHORIZED));
        let right = headers(&[(header::AUTHORIZATION, "Bearer secret")]);
        assert_eq!(refused(&right, None), None);
        assert_eq!(refused(&headers(&[]), Some("secret")), None);
        let other_site = headers(&[
            (header::AUTHORIZATION, "Bearer secret"),
            (header::ORIGIN, "http://evil.example"),
        ]);
        assert_eq!(refused(&other_site, None), Some(StatusCode::FORBIDDEN));
        let own = headers(&[
            (header::AUTHORIZATION, "Bearer secret"),
            (header::ORIGIN, "http://127.0.0.1:1234"),
        ]);
        assert_eq!(refused(&own, None), None);
    }

    /// The events are named as the generated bindings name the window's events.
    #[test]
    fn events_carry_the_names_of_the_windows_events() {
        let bindings = include_str!("../../../../ui/src/lib/bindings.ts");
        for name in [VALIDATION_PROGRESS, STACK_PROGRESS] {
            assert!(bindings.contains(&format!(": \"{name}\"")), "{name}");
        }
    }
}
