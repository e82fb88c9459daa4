//! The web page: its embedded assets (`web/`: one HTML page, one script, one style
//! sheet; no CDN, it works offline), logging in with a name and password, sessions
//! and the headers every response carries.
//!
//! A session is a random id in an HttpOnly, SameSite=Strict cookie (Secure when the
//! reverse proxy says the request came over HTTPS), kept in memory for 12 hours. Its
//! CSRF token is given to the page at login and must come back in `X-CSRF-Token` with
//! every write the page makes (`api::gate` checks it).

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use super::api::{poisoned, ApiError};
use super::AppState;

const INDEX: &str = include_str!("web/index.html");
const SCRIPT: &str = include_str!("web/app.js");
const STYLE: &str = include_str!("web/app.css");

/// The session cookie's name.
const COOKIE: &str = "crb_session";
/// How long a session lasts.
const SESSION_TTL: Duration = Duration::from_secs(12 * 3600);

/// A logged-in person.
#[derive(Clone, Debug)]
pub(crate) struct Session {
    pub(crate) name: String,
    pub(crate) csrf: String,
    expires: Instant,
}

pub(crate) async fn index() -> Response {
    asset("text/html; charset=utf-8", INDEX)
}

pub(crate) async fn script() -> Response {
    asset("text/javascript; charset=utf-8", SCRIPT)
}

pub(crate) async fn style() -> Response {
    asset("text/css; charset=utf-8", STYLE)
}

fn asset(kind: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

/// Headers on every response: the page loads only its own script and style, is never
/// framed, and nothing is sniffed or sent as a referrer.
pub(crate) async fn headers(mut resp: Response) -> Response {
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // An error without a body (a timeout, say) still answers in JSON.
    let status = resp.status();
    if (status.is_client_error() || status.is_server_error())
        && !resp.headers().contains_key(header::CONTENT_TYPE)
    {
        let why = status.canonical_reason().unwrap_or("error").to_lowercase();
        let mut r =
            ApiError::new(status, format!("{why} (HTTP {})", status.as_u16())).into_response();
        r.headers_mut().extend(resp.headers().clone());
        return r;
    }
    resp
}

/// The live session a request's cookie names.
pub(crate) fn session_of(st: &AppState, headers: &HeaderMap) -> Option<Session> {
    let id = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|kv| kv.trim().strip_prefix(COOKIE)?.strip_prefix('='))?
        .to_string();
    let mut sessions = st.sessions.lock().ok()?;
    let now = Instant::now();
    sessions.retain(|_, s| s.expires > now);
    sessions.get(&id).cloned()
}

fn random_hex() -> Result<String, ApiError> {
    let mut b = [0u8; 32];
    getrandom::fill(&mut b)
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    Ok(crate::hex::encode(&b))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Login {
    name: String,
    password: String,
}

/// `POST /login` `{"name","password"}`: a session cookie and the CSRF token.
pub(crate) async fn login(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Result<Json<Login>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(l) = body?;
    let st2 = st.clone();
    let role = tokio::task::spawn_blocking(move || {
        let secrets = st2.secrets.read().map_err(|_| poisoned())?.clone();
        let ok = secrets.check_password(&l.name, &l.password);
        let role = st2.db.read()?.user_role_of(&l.name)?;
        match (ok, role) {
            (true, Some(role)) => Ok((l.name, role)),
            _ => Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "wrong name or password (an admin sets one with `corroborate user password NAME`)",
            )),
        }
    })
    .await
    .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))??;
    let (name, role) = role;
    let id = random_hex()?;
    let csrf = random_hex()?;
    st.sessions.lock().map_err(|_| poisoned())?.insert(
        id.clone(),
        Session {
            name: name.clone(),
            csrf: csrf.clone(),
            expires: Instant::now() + SESSION_TTL,
        },
    );
    let https = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("https"));
    let cookie = format!(
        "{COOKIE}={id}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}{}",
        SESSION_TTL.as_secs(),
        if https { "; Secure" } else { "" }
    );
    let body = serde_json::json!({ "name": name, "role": role, "csrf": csrf });
    Ok((
        [(
            header::SET_COOKIE,
            HeaderValue::from_str(&cookie)
                .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?,
        )],
        Json(body),
    )
        .into_response())
}

/// `POST /logout` (with the session's `X-CSRF-Token`): end the session.
pub(crate) async fn logout(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if let Some(s) = session_of(&st, &headers) {
        let sent = headers.get("x-csrf-token").and_then(|v| v.to_str().ok());
        if !sent.is_some_and(|t| crate::users::same_secret(t, &s.csrf)) {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "logging out from the web page needs its X-CSRF-Token header; reload the page",
            ));
        }
        st.sessions
            .lock()
            .map_err(|_| poisoned())?
            .retain(|_, x| x.csrf != s.csrf);
    }
    let clear = format!("{COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
    Ok((
        StatusCode::NO_CONTENT,
        [(
            header::SET_COOKIE,
            HeaderValue::from_str(&clear).expect("ascii"),
        )],
    )
        .into_response())
}
