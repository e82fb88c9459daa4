//! The HTTP API's routes and handlers (described in `schemas/openapi.json`).
//!
//! Each handler: who is asking (bearer token → user and role), one library call on a
//! blocking thread, the result rendered by `output` (the CLI's JSON writer) or an
//! error as `{"error": …}` with the CLI's wording.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Extension, Json, Router};
use serde::Deserialize;

use super::{AppState, ServeOptions};
use crate::db::Database;
use crate::error::Error;
use crate::output::{self, Format};
use crate::users::Role;

type St = State<Arc<AppState>>;

/// The routes. Keep `schemas/openapi.json` in step (a test compares them).
pub(crate) fn router(state: Arc<AppState>, opts: &ServeOptions) -> Router {
    // Everything under /api/ but the OpenAPI document needs a user; `gate` finds
    // who asks and whether the role allows the request before any handler runs.
    let api = Router::new()
        .route("/api/session", get(session))
        .route("/api/claims", get(list_claims))
        .route("/api/claims/{id}", get(one_claim))
        .route("/api/claims/{id}/similar", get(similar))
        .route("/api/sources", get(list_sources))
        .route("/api/sources/{name}", get(one_source).patch(set_source))
        .route("/api/sources/{name}/aliases", post(add_alias))
        .route("/api/sources/{name}/affiliations", post(add_affiliation))
        .route("/api/log", get(log))
        .route("/api/verify", get(verify))
        .route("/api/import", post(import))
        .route("/api/reports", post(add_report))
        .route("/api/links", post(link))
        .route("/api/links/{a}/{b}", delete(unlink))
        .route("/api/links/pending", get(pending_links))
        .route("/api/verdicts", post(verdict))
        .route("/api/extract", post(extract))
        .route("/api/extract/corpus", post(extract_corpus))
        .route("/api/import/sources", post(import_source_list))
        .route("/api/users", get(list_users).post(add_user))
        .route("/api/users/{name}", delete(remove_user).patch(change_user))
        .route("/api/users/{name}/token", post(reset_user))
        .route("/api/merges", post(merge_sources))
        .route("/api/merges/{into}/{from}", delete(unmerge_sources))
        .route("/api/sources/{name}/aliases/{alias}", delete(remove_alias))
        .route(
            "/api/sources/{name}/affiliations/{label}",
            delete(remove_affiliation),
        )
        .route("/api/distinct", post(distinct_sources))
        .route("/api/similar", get(similar_text))
        .route("/api/match", post(run_match))
        .route("/api/retractions", post(retract))
        .route("/api/export", get(export))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), gate));
    Router::new()
        .route("/healthz", get(healthz))
        .route("/api/openapi.json", get(openapi))
        .route("/", get(super::web::index))
        .route("/app.js", get(super::web::script))
        .route("/app.css", get(super::web::style))
        .route("/login", post(super::web::login))
        .route("/logout", post(super::web::logout))
        .merge(api)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::map_response(super::web::headers))
        .layer(DefaultBodyLimit::max(opts.max_body))
        .with_state(state)
}

// ---- errors ------------------------------------------------------------------------

/// An error answer: a status and the message, sent as `{"error": message}`.
pub(crate) struct ApiError(StatusCode, String);

impl ApiError {
    pub(crate) fn new(status: StatusCode, msg: impl Into<String>) -> ApiError {
        ApiError(status, msg.into())
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        let status = match &e {
            Error::NoSuchClaim(_)
            | Error::NoClaimMatches(_)
            | Error::NoSuchSource(_)
            | Error::NoSuchUser(_) => StatusCode::NOT_FOUND,
            e if e.is_user_error() => StatusCode::BAD_REQUEST,
            Error::ReadOnly(_) | Error::LedgerCorrupt { .. } | Error::Unavailable(_) => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError(status, e.to_string())
    }
}

impl From<JsonRejection> for ApiError {
    fn from(r: JsonRejection) -> ApiError {
        ApiError(
            r.status(),
            format!(
                "the request body is not the JSON expected: {}",
                r.body_text()
            ),
        )
    }
}

impl From<QueryRejection> for ApiError {
    fn from(r: QueryRejection) -> ApiError {
        ApiError(
            r.status(),
            format!("bad query parameters: {}", r.body_text()),
        )
    }
}

impl From<BytesRejection> for ApiError {
    fn from(r: BytesRejection) -> ApiError {
        let msg = if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
            "the request body is larger than this server accepts (`corroborate serve --max-body BYTES`); split the import into smaller files".to_string()
        } else {
            r.body_text()
        };
        ApiError(r.status(), msg)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": crate::chars::visible_lines(&self.1) });
        (self.0, Json(body)).into_response()
    }
}

type Answer = Result<Response, ApiError>;

/// A JSON body exactly as the CLI's `--format json` writes it.
fn json_body(bytes: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], bytes).into_response()
}

/// A request's media type (its `Content-Type` without parameters), lower case; empty
/// when it has none.
fn media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn rows<T: output::Row>(rows: &[T], page: &Page) -> Result<Vec<u8>, Error> {
    let start = page.offset.unwrap_or(0).min(rows.len());
    let end = page
        .limit
        .map_or(rows.len(), |n| start.saturating_add(n).min(rows.len()));
    let mut buf = Vec::new();
    output::write_rows(&mut buf, Format::Json, &rows[start..end], None)
        .map_err(|e| Error::io("rendering JSON", e))?;
    Ok(buf)
}

fn value<T: serde::Serialize>(v: &T) -> Result<Vec<u8>, Error> {
    let mut buf = Vec::new();
    output::write_json(&mut buf, Format::Json, v).map_err(|e| Error::io("rendering JSON", e))?;
    Ok(buf)
}

async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "no such endpoint; GET /api/openapi.json lists them",
    )
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "this endpoint does not take that method; GET /api/openapi.json lists them",
    )
}

// ---- who is asking -----------------------------------------------------------------

/// Who made a request, as `gate` found out.
#[derive(Clone, Debug)]
pub(crate) struct Caller {
    pub(crate) name: String,
    pub(crate) role: Role,
}

/// The role a request needs: reading (and extraction, which writes nothing) needs a
/// viewer, managing users an admin, every other write an editor.
fn needed(method: &Method, path: &str) -> Role {
    if path == "/api/users" || path.starts_with("/api/users/") {
        Role::Admin
    } else if method == Method::GET || method == Method::HEAD || path == "/api/extract" {
        Role::Viewer
    } else {
        Role::Editor
    }
}

/// Authenticate every /api/ request before its handler reads anything: a bearer token,
/// else the web page's session cookie (whose writes must carry the session's CSRF
/// token in `X-CSRF-Token`); then check the role.
async fn gate(State(st): St, mut req: Request, next: Next) -> Response {
    let st2 = st.clone();
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let headers = req.headers().clone();
    let found = tokio::task::spawn_blocking(move || caller(&st2, &headers, &method, &path)).await;
    match found {
        Ok(Ok(c)) => {
            let key = cacheable(&req).then(|| req.uri().to_string());
            let version = st.version.load(std::sync::atomic::Ordering::SeqCst);
            if let Some(body) = key.as_deref().and_then(|k| st.cache.get(k, version)) {
                return json_body(body.to_vec());
            }
            // One computation per answer at a time: the others wait for it and are
            // answered from the cache (after a write, fifty readers of the same
            // listing would otherwise all compute it at once).
            let _turn = match key.as_deref() {
                Some(k) => {
                    let slot = st.cache.slot(k);
                    let turn = slot.lock_owned().await;
                    if let Some(body) = st.cache.get(k, version) {
                        return json_body(body.to_vec());
                    }
                    Some(turn)
                }
                None => None,
            };
            req.extensions_mut().insert(c);
            // A read that takes too long is answered 408. A write is never cut off:
            // it commits or not whatever the client does, and its answer says which.
            let resp = if req.method() == Method::GET || req.method() == Method::HEAD {
                match tokio::time::timeout(st.timeout, next.run(req)).await {
                    Ok(r) => r,
                    Err(_) => {
                        return ApiError::new(
                            StatusCode::REQUEST_TIMEOUT,
                            format!(
                                "the answer took longer than {} s (`corroborate serve --timeout SECONDS`)",
                                st.timeout.as_secs()
                            ),
                        )
                        .into_response()
                    }
                }
            } else {
                next.run(req).await
            };
            match key {
                Some(k) if resp.status() == StatusCode::OK => {
                    let (parts, body) = resp.into_parts();
                    match axum::body::to_bytes(body, usize::MAX).await {
                        Ok(bytes) => {
                            // Kept only when no write ended meanwhile (the answer may
                            // then show either state).
                            if st.version.load(std::sync::atomic::Ordering::SeqCst) == version {
                                st.cache.put(k, version, bytes.clone());
                            }
                            Response::from_parts(parts, axum::body::Body::from(bytes))
                        }
                        Err(e) => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
                            .into_response(),
                    }
                }
                _ => resp,
            }
        }
        Ok(Err(e)) => e.into_response(),
        Err(e) => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

fn caller(
    st: &AppState,
    headers: &HeaderMap,
    method: &Method,
    path: &str,
) -> Result<Caller, ApiError> {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let name = match bearer {
        Some(token) => {
            // Never hold the secrets while waiting for the database: a write holds
            // the database and may replace the secrets.
            let secrets = st.secrets.read().map_err(|_| poisoned())?.clone();
            secrets.user_of(token).map(str::to_string).ok_or_else(|| {
                ApiError::new(
                    StatusCode::UNAUTHORIZED,
                    "the token is not valid (wrong, reset or its user removed); ask an admin for a new one (`corroborate user reset NAME`)",
                )
            })?
        }
        None => {
            let session = super::web::session_of(st, headers).ok_or_else(|| {
                ApiError::new(
                    StatusCode::UNAUTHORIZED,
                    "this needs a user: send `Authorization: Bearer TOKEN` (an admin makes one with `corroborate user add NAME --role viewer|editor|admin`), or log in on the web page",
                )
            })?;
            let safe = method == Method::GET || method == Method::HEAD;
            let sent = headers.get("x-csrf-token").and_then(|v| v.to_str().ok());
            if !safe && !sent.is_some_and(|t| crate::users::same_secret(t, &session.csrf)) {
                return Err(ApiError::new(
                    StatusCode::FORBIDDEN,
                    "a write from the web page needs its X-CSRF-Token header; reload the page",
                ));
            }
            session.name
        }
    };
    let role = st.db.read()?.user_role_of(&name)?.ok_or_else(|| {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "the user no longer exists; ask an admin",
        )
    })?;
    let need = needed(method, path);
    if role < need {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            format!(
                "user {name} is a {} and this needs an {}",
                role.as_str(),
                need.as_str()
            ),
        ));
    }
    Ok(Caller { name, role })
}

pub(crate) fn poisoned() -> ApiError {
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "an earlier request failed while holding the database; restart the server (nothing committed is lost)",
    )
}

/// Whether a request's answer may be kept until the next write: a read of data that
/// does not depend on who asks.
fn cacheable(req: &Request) -> bool {
    let p = req.uri().path();
    req.method() == Method::GET && p != "/api/session" && !p.starts_with("/api/users")
}

/// Answers to reads, kept until the next write (`AppState::version`). Reads of a
/// listing the desk already asked for are answered without the database, so they
/// neither recompute it nor wait behind a write: until a write ends they get the
/// state before it, as the database would give them.
#[derive(Default)]
pub(crate) struct ReadCache {
    entries: std::sync::Mutex<std::collections::HashMap<String, (u64, Bytes)>>,
    /// Who is computing which answer.
    slots: std::sync::Mutex<std::collections::HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

/// At most this many answers are kept (a write or this limit empties the cache).
const CACHE_ENTRIES: usize = 256;
/// An answer larger than this is not kept.
const CACHE_LARGEST: usize = 8 * 1024 * 1024;

impl ReadCache {
    fn slot(&self, key: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut slots = self.slots.lock().unwrap_or_else(|p| p.into_inner());
        // Forget the slots nobody holds or waits for.
        if slots.len() >= CACHE_ENTRIES {
            slots.retain(|_, m| Arc::strong_count(m) > 1);
        }
        slots.entry(key.to_string()).or_default().clone()
    }

    fn get(&self, key: &str, version: u64) -> Option<Bytes> {
        let map = self.entries.lock().ok()?;
        map.get(key)
            .filter(|(v, _)| *v == version)
            .map(|(_, b)| b.clone())
    }

    fn put(&self, key: String, version: u64, body: Bytes) {
        if body.len() > CACHE_LARGEST {
            return;
        }
        if let Ok(mut map) = self.entries.lock() {
            map.retain(|_, (v, _)| *v == version);
            if map.len() >= CACHE_ENTRIES {
                map.clear();
            }
            map.insert(key, (version, body));
        }
    }
}

/// Run a read on a blocking thread.
async fn read(
    st: Arc<AppState>,
    f: impl FnOnce(&AppState, &Database) -> Result<Vec<u8>, Error> + Send + 'static,
) -> Answer {
    tokio::task::spawn_blocking(move || {
        let db = st.db.read()?;
        Ok(json_body(f(&st, &db)?))
    })
    .await
    .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
}

/// Run a write on a blocking thread, with the caller as its author.
async fn write(
    st: Arc<AppState>,
    who: Caller,
    f: impl FnOnce(&mut Database) -> Result<Vec<u8>, Error> + Send + 'static,
) -> Answer {
    tokio::task::spawn_blocking(move || {
        let out = st.db.write(|db| {
            db.set_actor(Some(&who.name));
            let out = f(db);
            db.set_actor(None);
            out
        })?;
        // Kept answers describe the state before this write (even a refused write
        // may have changed nothing, but never mind: the next read recomputes).
        st.version.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Ok(json_body(out?))
    })
    .await
    .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
}

async fn session(Extension(who): Extension<Caller>, State(st): St, headers: HeaderMap) -> Answer {
    let csrf = super::web::session_of(&st, &headers).map(|s| s.csrf);
    Ok(json_body(value(&serde_json::json!({
        "name": who.name,
        "role": who.role,
        "csrf": csrf,
    }))?))
}

// ---- open endpoints ----------------------------------------------------------------

async fn healthz() -> Response {
    json_body(b"{\"status\":\"ok\"}\n".to_vec())
}

async fn openapi() -> Response {
    json_body(super::OPENAPI.as_bytes().to_vec())
}

// ---- reads ---------------------------------------------------------------------------

/// `limit` and `offset` of a list.
#[derive(Deserialize, Default)]
struct Page {
    limit: Option<usize>,
    offset: Option<usize>,
}

/// A query string with the CLI's listing filters (those of `claims` and `export`) and
/// the endpoint's own fields, with `filter()` building the library's filter from them.
/// A macro because serde_urlencoded cannot read numbers and booleans through a
/// flattened struct.
macro_rules! filter_query {
    ($(#[$m:meta])* struct $name:ident { $($(#[$fm:meta])* $field:ident : $ty:ty,)* }) => {
        $(#[$m])*
        #[derive(Deserialize, Default)]
        #[serde(deny_unknown_fields)]
        struct $name {
            #[serde(default)]
            single_source: bool,
            #[serde(default)]
            anonymous_only: bool,
            #[serde(default)]
            circular: bool,
            #[serde(default)]
            unsourced: bool,
            min_sources: Option<usize>,
            max_sources: Option<usize>,
            min_support: Option<f64>,
            max_support: Option<f64>,
            /// Words (the CLI's `--grep`).
            q: Option<String>,
            since: Option<String>,
            until: Option<String>,
            $($(#[$fm])* $field: $ty,)*
        }

        impl $name {
            /// The listing filter these parameters ask for.
            fn filter(&self) -> Result<crate::view::ClaimFilter, Error> {
                for (name, v) in [("min_support", self.min_support), ("max_support", self.max_support)] {
                    if v.is_some_and(|x| !(0.0..=1.0).contains(&x)) {
                        return Err(Error::Invalid(format!("{name} is a support between 0 and 1")));
                    }
                }
                Ok(crate::view::ClaimFilter {
                    single_source: self.single_source,
                    anonymous_only: self.anonymous_only,
                    circular: self.circular,
                    unsourced: self.unsourced,
                    min_sources: self.min_sources,
                    max_sources: self.max_sources,
                    min_support: self.min_support,
                    max_support: self.max_support,
                    grep: self
                        .q
                        .as_deref()
                        .filter(|s| !s.trim().is_empty())
                        .map(crate::find::TextQuery::new)
                        .transpose()?,
                    dates: crate::find::DateRange::parse(self.since.as_deref(), self.until.as_deref())?,
                })
            }
        }
    };
}

filter_query! {
    /// `GET /api/claims`: the CLI's `claims` filters and sorts.
    struct ClaimsQuery {
        sort: Option<String>,
        #[serde(default)]
        by_text: bool,
        limit: Option<usize>,
        offset: Option<usize>,
    }
}

async fn list_claims(State(st): St, q: Result<Query<ClaimsQuery>, QueryRejection>) -> Answer {
    let Query(q) = q?;
    let filter = q.filter()?;
    read(st, move |_, db| {
        let sort = match &q.sort {
            Some(s) => crate::choice::Choice::parse(s)?,
            None => Default::default(),
        };
        let list = crate::view::list_claims_as(db, &filter, sort, q.by_text)?;
        rows(
            &list,
            &Page {
                limit: q.limit,
                offset: q.offset,
            },
        )
    })
    .await
}

async fn one_claim(State(st): St, Path(id): Path<String>) -> Answer {
    read(st, move |_, db| {
        let id = crate::find::resolve_claim_or_text(db, &id)?;
        value(&crate::view::claim_detail(db, &id)?)
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SimilarQuery {
    limit: Option<usize>,
    threshold: Option<f32>,
}

async fn similar(
    State(st): St,
    Path(id): Path<String>,
    q: Result<Query<SimilarQuery>, QueryRejection>,
) -> Answer {
    let Query(q) = q?;
    read(st, move |st, db| {
        let id = db.resolve_claim(&id)?;
        let limit = q.limit.unwrap_or(10).clamp(1, 100);
        let (found, _) = crate::matching::similar_in(
            &*st.corpus(db)?,
            &st.matcher,
            &crate::matching::Query::Claim(id),
            limit,
            q.threshold,
        )?;
        rows(&found, &Page::default())
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SimilarTextQuery {
    text: String,
    limit: Option<usize>,
    threshold: Option<f32>,
}

/// `similar --text`: the stored claims nearest to a text that need not be stored.
async fn similar_text(State(st): St, q: Result<Query<SimilarTextQuery>, QueryRejection>) -> Answer {
    let Query(q) = q?;
    read(st, move |st, db| {
        let limit = q.limit.unwrap_or(10).clamp(1, 100);
        crate::claim::validate_text(&q.text)?;
        let (found, _) = crate::matching::similar_in(
            &*st.corpus(db)?,
            &st.matcher,
            &crate::matching::Query::Text(q.text),
            limit,
            q.threshold,
        )?;
        rows(&found, &Page::default())
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesQuery {
    sort: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

async fn list_sources(State(st): St, q: Result<Query<SourcesQuery>, QueryRejection>) -> Answer {
    let Query(q) = q?;
    read(st, move |_, db| {
        let sort = match &q.sort {
            Some(s) => crate::choice::Choice::parse(s)?,
            None => Default::default(),
        };
        let list = crate::view::list_sources(db, sort)?;
        rows(
            &list,
            &Page {
                limit: q.limit,
                offset: q.offset,
            },
        )
    })
    .await
}

async fn one_source(State(st): St, Path(name): Path<String>) -> Answer {
    read(st, move |_, db| {
        value(&crate::view::source_detail(db, &name)?)
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LogQuery {
    claim: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

async fn log(State(st): St, q: Result<Query<LogQuery>, QueryRejection>) -> Answer {
    let Query(q) = q?;
    read(st, move |_, db| {
        let id = q
            .claim
            .as_deref()
            .map(|c| db.resolve_claim(c))
            .transpose()?;
        rows(
            &db.log(id.as_ref())?,
            &Page {
                limit: q.limit,
                offset: q.offset,
            },
        )
    })
    .await
}

async fn verify(State(st): St) -> Answer {
    // On the writer's side: verify compares the whole store with the ledger, so it
    // must not run beside a write (a reader's view is pinned, the store is not).
    tokio::task::spawn_blocking(move || {
        let report = st.db.write(|db| db.verify())??;
        Ok(json_body(value(&report)?))
    })
    .await
    .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
}

// ---- writes --------------------------------------------------------------------------

/// `POST /api/import`: JSONL records, all or nothing.
async fn import(
    State(st): St,
    Extension(who): Extension<Caller>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Answer {
    let kind = media_type(&headers);
    if !matches!(
        kind.as_str(),
        "application/x-ndjson" | "text/plain" | "application/jsonl"
    ) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send the records as JSON Lines with `Content-Type: application/x-ndjson` (or text/plain)",
        ));
    }
    let body = body?;
    write(st, who, move |db| {
        let summary = db.import(std::io::Cursor::new(body), "import (api)", &mut |_| {})?;
        value(&summary)
    })
    .await
}

/// `POST /api/extract/corpus`: the columns of a corpus CSV, as `extract --csv` names
/// them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CorpusQuery {
    text_column: Option<String>,
    publisher_column: Option<String>,
    url_column: Option<String>,
    id_column: Option<String>,
    date_column: Option<String>,
}

/// `POST /api/extract/corpus`: `extract --csv FILE --import` on the server. The CSV is
/// the body; every statement of every article is imported in one all-or-nothing write
/// with the caller as author, publishers named from URLs with the server's registry.
async fn extract_corpus(
    State(st): St,
    Extension(who): Extension<Caller>,
    headers: HeaderMap,
    q: Result<Query<CorpusQuery>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Answer {
    let Query(q) = q?;
    let kind = media_type(&headers);
    if !matches!(kind.as_str(), "text/csv" | "text/plain") {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send the corpus as CSV with `Content-Type: text/csv`",
        ));
    }
    let body = body?;
    let opts = crate::extract::CsvOptions {
        text_column: q.text_column.unwrap_or_else(|| "text".into()),
        publisher_column: q.publisher_column,
        url_column: q.url_column,
        id_column: q.id_column,
        date_column: q.date_column,
    };
    write(st, who, move |db| {
        let done = crate::ingest::import_csv(
            db,
            std::io::Cursor::new(body),
            &opts,
            "extract --csv (api)",
            &mut |_| {},
        )?;
        value(&done)
    })
    .await
}

/// `POST /api/import/sources`: a source list and its file's text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListUpload {
    list: crate::ingest::SourceList,
    file: String,
}

/// `POST /api/import/sources`: `sources import-ratings|import-affiliations|
/// import-outlets` on the server; the answer is the plan it wrote, as the CLI's
/// `--format json` prints it.
async fn import_source_list(
    State(st): St,
    Extension(who): Extension<Caller>,
    body: Result<Json<ListUpload>, JsonRejection>,
) -> Answer {
    let Json(u) = body?;
    write(st, who, move |db| {
        let label = match &u.list {
            crate::ingest::SourceList::Ratings { .. } => "sources import-ratings (api)",
            crate::ingest::SourceList::Affiliations { .. } => "sources import-affiliations (api)",
            crate::ingest::SourceList::Outlets => "sources import-outlets (api)",
        };
        let done = crate::ingest::import_list(db, &u.list, u.file.as_bytes(), label)?;
        value(&done)
    })
    .await
}

/// `POST /api/reports`: one report, as the `report` record of an import.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewReport {
    claim: String,
    chain: crate::chain::Chain,
    url: Option<String>,
    published: Option<String>,
}

async fn add_report(
    State(st): St,
    Extension(who): Extension<Caller>,
    body: Result<Json<NewReport>, JsonRejection>,
) -> Answer {
    let Json(r) = body?;
    write(st, who, move |db| {
        let (id, summary) = db.add(crate::record::ReportRecord {
            claim: r.claim,
            chain: r.chain,
            url: r.url,
            published: r.published,
            recorded: None,
        })?;
        value(&serde_json::json!({ "id": id.to_hex(), "summary": summary }))
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewLink {
    a: String,
    b: String,
    /// `same` (default) or `different`.
    relation: Option<String>,
}

async fn link(
    State(st): St,
    Extension(who): Extension<Caller>,
    body: Result<Json<NewLink>, JsonRejection>,
) -> Answer {
    let Json(l) = body?;
    write(st, who, move |db| {
        let same = match l.relation.as_deref().unwrap_or("same") {
            "same" => true,
            "different" => false,
            other => {
                return Err(Error::Invalid(format!(
                    "unknown relation {other:?}; use \"same\" or \"different\""
                )))
            }
        };
        let (a, b) = (db.resolve_claim(&l.a)?, db.resolve_claim(&l.b)?);
        value(&db.link(&a, &b, same)?)
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageQuery {
    limit: Option<usize>,
    offset: Option<usize>,
}

/// The matcher's links no person has decided on, weakest first.
async fn pending_links(State(st): St, q: Result<Query<PageQuery>, QueryRejection>) -> Answer {
    let Query(q) = q?;
    read(st, move |_, db| {
        rows(
            &crate::matching::pending(db)?,
            &Page {
                limit: q.limit,
                offset: q.offset,
            },
        )
    })
    .await
}

async fn unlink(
    State(st): St,
    Extension(who): Extension<Caller>,
    Path((a, b)): Path<(String, String)>,
) -> Answer {
    write(st, who, move |db| {
        let (a, b) = (db.resolve_claim(&a)?, db.resolve_claim(&b)?);
        value(&db.unlink(&a, &b)?)
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewVerdict {
    /// Claim id or prefix.
    claim: String,
    verdict: String,
    by: Option<String>,
    url: Option<String>,
    note: Option<String>,
}

async fn verdict(
    State(st): St,
    Extension(who): Extension<Caller>,
    body: Result<Json<NewVerdict>, JsonRejection>,
) -> Answer {
    let Json(v) = body?;
    write(st, who, move |db| {
        let id = db.resolve_claim(&v.claim)?;
        let summary = db.verdict(crate::record::VerdictRecord {
            claim: None,
            claim_id: Some(id.to_hex()),
            verdict: crate::record::Verdict::parse(&v.verdict)?,
            by: v.by,
            url: v.url,
            note: v.note,
            date: None,
        })?;
        value(&summary)
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewAlias {
    alias: String,
    /// Answer `{"plan": …}` (an alias to add, or a source to merge in) and change
    /// nothing.
    #[serde(default)]
    dry_run: bool,
}

async fn add_alias(
    State(st): St,
    Extension(who): Extension<Caller>,
    Path(name): Path<String>,
    body: Result<Json<NewAlias>, JsonRejection>,
) -> Answer {
    let Json(a) = body?;
    if a.dry_run {
        return read(st, move |_, db| {
            value(&serde_json::json!({ "plan": db.plan_alias(&name, &a.alias)? }))
        })
        .await;
    }
    write(st, who, move |db| value(&db.alias(&name, &a.alias)?)).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewLabel {
    label: String,
}

async fn add_affiliation(
    State(st): St,
    Extension(who): Extension<Caller>,
    Path(name): Path<String>,
    body: Result<Json<NewLabel>, JsonRejection>,
) -> Answer {
    let Json(l) = body?;
    write(st, who, move |db| value(&db.affiliate(&name, &l.label)?)).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Merge {
    into: String,
    from: String,
    /// Answer `{"plan": …}` (what the merge would change) and change nothing.
    #[serde(default)]
    dry_run: bool,
}

async fn merge_sources(
    State(st): St,
    Extension(who): Extension<Caller>,
    body: Result<Json<Merge>, JsonRejection>,
) -> Answer {
    let Json(m) = body?;
    if m.dry_run {
        return read(st, move |_, db| {
            value(&serde_json::json!({ "plan": db.plan_merge(&m.into, &m.from)? }))
        })
        .await;
    }
    write(st, who, move |db| value(&db.merge(&m.into, &m.from)?)).await
}

async fn unmerge_sources(
    State(st): St,
    Extension(who): Extension<Caller>,
    Path((into, from)): Path<(String, String)>,
) -> Answer {
    write(st, who, move |db| value(&db.unmerge(&into, &from)?)).await
}

async fn remove_alias(
    State(st): St,
    Extension(who): Extension<Caller>,
    Path((name, alias)): Path<(String, String)>,
) -> Answer {
    write(st, who, move |db| value(&db.unalias(&name, &alias)?)).await
}

async fn remove_affiliation(
    State(st): St,
    Extension(who): Extension<Caller>,
    Path((name, label)): Path<(String, String)>,
) -> Answer {
    write(st, who, move |db| value(&db.unaffiliate(&name, &label)?)).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    a: String,
    b: String,
}

async fn distinct_sources(
    State(st): St,
    Extension(who): Extension<Caller>,
    body: Result<Json<Pair>, JsonRejection>,
) -> Answer {
    let Json(p) = body?;
    write(st, who, move |db| value(&db.distinct(&p.a, &p.b)?)).await
}

/// `source set NAME`: the fields of a source record other than its name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceChange {
    #[serde(default)]
    aliases: Vec<String>,
    homepage: Option<String>,
    kind: Option<String>,
    #[serde(default)]
    affiliations: Vec<String>,
    rating: Option<f64>,
}

async fn set_source(
    State(st): St,
    Extension(who): Extension<Caller>,
    Path(name): Path<String>,
    body: Result<Json<SourceChange>, JsonRejection>,
) -> Answer {
    let Json(c) = body?;
    write(st, who, move |db| {
        if let Some(r) = c.rating {
            crate::record::check_rating(r)?;
        }
        let patch = crate::source::SourcePatch {
            aliases: c.aliases,
            homepage: c
                .homepage
                .as_deref()
                .map(crate::source::parse_http_url)
                .transpose()?,
            kind: c
                .kind
                .as_deref()
                .map(crate::source::SourceKind::parse)
                .transpose()?,
            affiliations: c.affiliations,
            rating: c.rating,
        };
        value(&db.patch_source(&name, patch, "source set")?)
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MatchRequest {
    threshold: Option<f32>,
    #[serde(default)]
    dry_run: bool,
}

/// `match`: the matcher over the claims it has not seen, its links in one commit.
async fn run_match(
    State(st): St,
    Extension(who): Extension<Caller>,
    body: Result<Json<MatchRequest>, JsonRejection>,
) -> Answer {
    let Json(m) = body?;
    let state = st.clone();
    write(st, who, move |db| {
        let opts = crate::matching::MatchOptions {
            threshold: m.threshold,
            dry_run: m.dry_run,
        };
        let summary = crate::matching::run(db, &state.matcher, &opts, &mut crate::db::Quiet)?;
        value(&summary)
    })
    .await
}

/// `retract report` (with `report`, an id prefix) or `retract verdict` (with `entry`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Retraction {
    claim: String,
    report: Option<String>,
    entry: Option<u64>,
    reason: Option<String>,
}

async fn retract(
    State(st): St,
    Extension(who): Extension<Caller>,
    body: Result<Json<Retraction>, JsonRejection>,
) -> Answer {
    let Json(r) = body?;
    write(st, who, move |db| {
        let claim = db.resolve_claim(&r.claim)?;
        let summary = match (r.report, r.entry) {
            (Some(report), None) => db.retract_report(&claim, &report, r.reason)?,
            (None, Some(entry)) => db.retract_verdict(&claim, entry, r.reason)?,
            _ => {
                return Err(Error::Invalid(
                    "name either a report (`report`: its id or a prefix) or a verdict (`entry`: its log entry), not both".into(),
                ))
            }
        };
        value(&summary)
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtractQuery {
    publisher: String,
    url: Option<String>,
    published: Option<String>,
}

/// `POST /api/extract`: article text in, proposed report records out (the CLI's
/// `extract --format json`); nothing is written.
async fn extract(
    State(st): St,
    q: Result<Query<ExtractQuery>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Answer {
    let Query(q) = q?;
    let body = body?;
    read(st, move |_, _| {
        use crate::extract as ex;
        let text = ex::article_text(body.to_vec())?;
        let meta = ex::ArticleMeta {
            publisher: q.publisher,
            url: q.url,
            published: q.published,
        };
        let recs: Vec<crate::record::Record> = ex::propose(&text, &meta)?
            .into_iter()
            .map(crate::record::Record::Report)
            .collect();
        value(&recs)
    })
    .await
}

// ---- export -----------------------------------------------------------------------------

filter_query! {
    /// `GET /api/export`: the format, the claims and the listing filters.
    struct ExportQuery {
        format: Option<String>,
        /// Claim ids or prefixes, separated by commas (default: every claim).
        claims: Option<String>,
        #[serde(default)]
        skip_unreviewed: bool,
    }
}

/// `export` on the served database (every format but `svg` and `parquet`, which need
/// the server's files), streamed from one pinned view, so the export is one consistent
/// state; imports go on meanwhile, a write that changes what the view sees waits.
async fn export(
    State(st): St,
    q: Result<Query<ExportQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    use crate::export::{ExportFormat, Request};
    let Query(q) = q?;
    let filter = q.filter()?;
    let format: ExportFormat = match &q.format {
        Some(f) => crate::choice::Choice::parse(f)?,
        None => ExportFormat::Jsonl,
    };
    let content_type = match format {
        ExportFormat::Jsonl => "application/x-ndjson",
        ExportFormat::Csv => "text/csv; charset=utf-8",
        ExportFormat::Dot => "text/vnd.graphviz; charset=utf-8",
        ExportFormat::Prov => "application/json",
        ExportFormat::Claimreview => "application/ld+json",
        ExportFormat::Svg | ExportFormat::Parquet => {
            return Err(Error::Invalid(format!(
                "{} is not exported through the API (it needs Graphviz or a directory on the server's machine); ask for dot, or run `corroborate export` there",
                format.as_str()
            ))
            .into())
        }
    };
    let req = Request {
        format,
        claims: q
            .claims
            .as_deref()
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect(),
        filter,
        skip_unreviewed: q.skip_unreviewed,
    };
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(8);
    let (started_tx, started_rx) = tokio::sync::oneshot::channel::<Result<(), Error>>();
    tokio::task::spawn_blocking(move || {
        let mut w = Chunks {
            buf: Vec::new(),
            tx,
            started: Some(started_tx),
            patience: st.timeout,
        };
        let done = st.db.read().and_then(|db| {
            crate::export::write(&db, &req, &mut w)
                .and_then(|_| w.send_buf().map_err(|e| Error::io("sending the export", e)))
        });
        match (done, w.started.take()) {
            (Ok(()), Some(s)) => {
                let _ = s.send(Ok(()));
            }
            (Err(e), Some(s)) => {
                let _ = s.send(Err(e));
            }
            (Ok(()), None) => {}
            // Part of the body is out: end it with an error, so the client sees a
            // broken transfer instead of a short export.
            (Err(e), None) => {
                let _ = w.send(Err(std::io::Error::other(e.to_string())));
            }
        }
    });
    match started_rx.await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(e.into()),
        Err(_) => {
            return Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the export stopped unexpectedly",
            ))
        }
    }
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    });
    let mut resp = Response::new(axum::body::Body::from_stream(stream));
    resp.headers_mut().insert(
        axum::http::header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static(content_type),
    );
    Ok(resp)
}

/// Sends what an export writes in chunks of 64 KiB; the first chunk tells the handler
/// that the export has started (so an error before it is an error status).
struct Chunks {
    buf: Vec<u8>,
    tx: tokio::sync::mpsc::Sender<Result<Bytes, std::io::Error>>,
    started: Option<tokio::sync::oneshot::Sender<Result<(), Error>>>,
    /// How long one chunk may wait for the client: the export holds a pinned view,
    /// which a merge or retraction waits for, so a client that stops reading must not
    /// hold those writes back for ever.
    patience: std::time::Duration,
}

impl Chunks {
    fn send_buf(&mut self) -> std::io::Result<()> {
        if let Some(s) = self.started.take() {
            let _ = s.send(Ok(()));
        }
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = Ok(Bytes::from(std::mem::take(&mut self.buf)));
        self.send(chunk)
    }

    /// Queue one item of the body, waiting at most `patience` for room.
    fn send(&self, mut chunk: Result<Bytes, std::io::Error>) -> std::io::Result<()> {
        let since = std::time::Instant::now();
        loop {
            match self.tx.try_send(chunk) {
                Ok(()) => return Ok(()),
                Err(tokio::sync::mpsc::error::TrySendError::Full(back)) => {
                    if since.elapsed() > self.patience {
                        return Err(std::io::Error::new(
                            std::io::ErrorKind::TimedOut,
                            "the client stopped reading the export",
                        ));
                    }
                    chunk = back;
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                Err(tokio::sync::mpsc::error::TrySendError::Closed(_)) => {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::BrokenPipe,
                        "the client left",
                    ))
                }
            }
        }
    }
}

impl std::io::Write for Chunks {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= 64 * 1024 {
            self.send_buf()?;
        }
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

// ---- users ---------------------------------------------------------------------------

async fn list_users(State(st): St) -> Answer {
    read(st, move |_, db| rows(&db.users()?, &Page::default())).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewUser {
    name: String,
    role: String,
}

async fn add_user(
    State(st): St,
    Extension(who): Extension<Caller>,
    body: Result<Json<NewUser>, JsonRejection>,
) -> Answer {
    let Json(u) = body?;
    let st2 = st.clone();
    write(st, who, move |db| {
        let made = db.add_user(&u.name, Role::parse(&u.role)?)?;
        reload_secrets(&st2, db)?;
        value(&made)
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UserChange {
    role: Option<String>,
    password: Option<String>,
}

/// `user role` and `user password`.
async fn change_user(
    State(st): St,
    Extension(who): Extension<Caller>,
    Path(name): Path<String>,
    body: Result<Json<UserChange>, JsonRejection>,
) -> Answer {
    let Json(c) = body?;
    let st2 = st.clone();
    write(st, who, move |db| {
        if c.role.is_none() && c.password.is_none() {
            return Err(Error::Invalid(
                "say what to change: `role`, `password` or both".into(),
            ));
        }
        if let Some(role) = &c.role {
            db.set_user_role(&name, crate::users::Role::parse(role)?)?;
        }
        if let Some(password) = &c.password {
            db.set_user_password(&name, password)?;
        }
        reload_secrets(&st2, db)?;
        value(&serde_json::json!({ "name": name, "role": db.user_role_of(&name)? }))
    })
    .await
}

async fn remove_user(
    State(st): St,
    Extension(who): Extension<Caller>,
    Path(name): Path<String>,
) -> Answer {
    let st2 = st.clone();
    write(st, who, move |db| {
        db.remove_user(&name)?;
        reload_secrets(&st2, db)?;
        value(&serde_json::json!({ "removed": name }))
    })
    .await
}

async fn reset_user(
    State(st): St,
    Extension(who): Extension<Caller>,
    Path(name): Path<String>,
) -> Answer {
    let st2 = st.clone();
    write(st, who, move |db| {
        let made = db.reset_user(&name)?;
        reload_secrets(&st2, db)?;
        value(&made)
    })
    .await
}

fn reload_secrets(st: &AppState, db: &Database) -> Result<(), Error> {
    let fresh = crate::users::Secrets::load(db.dir())?;
    if let Ok(mut s) = st.secrets.write() {
        *s = fresh;
    }
    Ok(())
}
