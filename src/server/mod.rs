//! `corroborate serve`: one process holds the database and serves a desk over HTTP.
//!
//! A front-end, like the CLI: every handler authenticates, calls one library operation
//! (`db`, `view`, `find`, `matching`, `extract`, `users`) and renders its result with
//! `output`'s JSON writer, so that a list endpoint's body is byte for byte what
//! `corroborate … --format json` prints. No rule of the product lives here.
//!
//! Concurrency: the database is a [`crate::db::Shared`]. Writes (import, link,
//! verdict, …) take turns; reads get the state of the last finished write and do not
//! wait for a write that only adds (an import of reports); a write that changes what
//! readers see (a merge, a retraction, a link) holds new reads until it ends. Library
//! calls run on tokio's blocking threads.
//!
//! Shutdown (SIGINT, SIGTERM): the listener closes, requests in flight finish. A write
//! still running after 10 s is cut off by ending the process: the ledger makes that
//! safe (a write without its commit is trimmed when the database is next opened, a
//! committed one is applied then), so a client sees a response or a closed
//! connection, never a partial import.

mod api;
mod web;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use crate::db::Shared;
use std::time::Duration;

use crate::db::Database;
use crate::error::{Error, Result};
use crate::matching::{Corpus, Matcher};
use crate::users::Secrets;

/// The OpenAPI 3.1 document of the API (also `schemas/openapi.json`).
pub const OPENAPI: &str = include_str!("../../schemas/openapi.json");

/// Smallest request body limit `--max-body` accepts.
pub const MIN_BODY: usize = 1024;
/// Default request body limit: 64 MiB.
pub const DEFAULT_BODY: usize = 64 * 1024 * 1024;

/// How `serve` runs.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// Where to listen (port 0: any free port).
    pub addr: SocketAddr,
    /// Largest request body in bytes (413 beyond).
    pub max_body: usize,
    /// Longest a read may take before it is answered 408 (writes are never cut off:
    /// their answer says whether they committed).
    pub timeout: Duration,
    /// Listen on an address other than loopback (needs users).
    pub allow_remote: bool,
    /// The sentence-embedding model (`--model`), else the one `embed::locate` finds.
    pub model: Option<PathBuf>,
}

/// What every handler shares.
pub(crate) struct AppState {
    pub(crate) db: Shared,
    pub(crate) secrets: RwLock<Secrets>,
    pub(crate) matcher: Matcher,
    /// The web page's sessions, by session id (in memory: a restart logs everyone out).
    pub(crate) sessions: std::sync::Mutex<std::collections::HashMap<String, web::Session>>,
    /// Bumped by every write: answers kept in `cache` are for one version.
    pub(crate) version: std::sync::atomic::AtomicU64,
    /// Answers to reads, until the next write.
    pub(crate) cache: api::ReadCache,
    /// How long a read may take.
    pub(crate) timeout: Duration,
    /// What `similar` searches, for the state of the database it was loaded from.
    pub(crate) corpus: std::sync::Mutex<Option<Arc<Corpus>>>,
}

impl AppState {
    /// The corpus of `db`'s state: the one kept, or brought up to date (and kept)
    /// when a write came since. One request does that while the others asking wait.
    pub(crate) fn corpus(&self, db: &Database) -> Result<Arc<Corpus>> {
        let mut kept = self.corpus.lock().unwrap_or_else(|p| p.into_inner());
        match (
            Corpus::current(kept.as_deref(), db, &self.matcher)?,
            kept.as_ref(),
        ) {
            (None, Some(k)) => Ok(k.clone()),
            (Some(c), k) => {
                let c = Arc::new(c);
                // A reader still on an older state does not replace a newer corpus.
                if k.is_none_or(|k| k.applied() <= c.applied()) {
                    *kept = Some(c.clone());
                }
                Ok(c)
            }
            (None, None) => Ok(Arc::new(Corpus::load(db, &self.matcher)?)),
        }
    }
}

/// Serve `db` until SIGINT or SIGTERM. `ready` is called with the address once the
/// server listens (the CLI prints it).
pub fn serve(db: Database, opts: ServeOptions, ready: impl FnOnce(SocketAddr)) -> Result<()> {
    if opts.max_body < MIN_BODY {
        return Err(Error::Invalid(format!(
            "--max-body {} is too small: give at least {MIN_BODY} bytes (the default is {DEFAULT_BODY})",
            opts.max_body
        )));
    }
    if !opts.addr.ip().is_loopback() {
        if !opts.allow_remote {
            return Err(Error::Invalid(format!(
                "{} is not a loopback address: serving other machines needs users (`corroborate user add NAME --role admin`) and --allow-remote, behind a reverse proxy that adds TLS (docs/server.md)",
                opts.addr
            )));
        }
        if db.users()?.is_empty() {
            return Err(Error::Invalid(
                "--allow-remote needs at least one user: add one with `corroborate user add NAME --role admin` first (docs/server.md)".into(),
            ));
        }
    }
    let dir = db.dir().to_path_buf();
    let secrets = Secrets::load(&dir)?;
    let matcher = Matcher::open(opts.model.as_deref(), &dir)?;
    let state = Arc::new(AppState {
        db: Shared::new(db)?,
        secrets: RwLock::new(secrets),
        matcher,
        sessions: Default::default(),
        version: Default::default(),
        cache: Default::default(),
        timeout: opts.timeout,
        corpus: Default::default(),
    });
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::io("starting the server's threads", e))?;
    let result = rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(opts.addr)
            .await
            .map_err(|e| Error::io(format!("listening on {}", opts.addr), e))?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::io("reading the listening address", e))?;
        // The handlers are installed before anyone learns the address: a stop signal
        // sent the moment the server is announced must stop it gracefully, not kill it.
        let stop = stop_signal()?;
        let marker = ServerFile::write(&dir, addr)?;
        ready(addr);
        let app = api::router(state.clone(), &opts);
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let shutdown = async move {
            stop.await;
            let _ = tx.send(());
        };
        let serving = axum::serve(listener, app).with_graceful_shutdown(shutdown);
        let capped = async {
            // Once asked to stop, give requests in flight 10 s.
            let _ = rx.await;
            tokio::time::sleep(Duration::from_secs(10)).await;
        };
        tokio::select! {
            r = serving => r.map_err(|e| Error::io("serving", e))?,
            _ = capped => {
                eprintln!("note: a request was still running 10 s after the stop signal; stopping without it (an unfinished write is undone when the database is next opened)");
                drop(marker);
                std::process::exit(1);
            }
        }
        drop(marker);
        Ok::<(), Error>(())
    });
    rt.shutdown_timeout(Duration::from_secs(1));
    result?;
    match Arc::try_unwrap(state) {
        Ok(state) => state.db.into_inner()?.flush(),
        // A request's thread still holds the state: what the ledger holds is safe.
        Err(_) => Ok(()),
    }
}

/// Install the SIGINT and SIGTERM handlers now (from then on either signal only stops
/// the server gracefully) and return a future that ends when one arrives.
fn stop_signal() -> Result<impl std::future::Future<Output = ()>> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let install = |kind: SignalKind| {
            signal(kind).map_err(|e| Error::io("installing the stop-signal handler", e))
        };
        let mut int = install(SignalKind::interrupt())?;
        let mut term = install(SignalKind::terminate())?;
        Ok(async move {
            tokio::select! {
                _ = int.recv() => {},
                _ = term.recv() => {},
            }
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
        })
    }
}

/// `server.json` in the database directory while the server runs: tells a CLI command
/// that finds the database in use where the server is.
struct ServerFile(PathBuf);

impl ServerFile {
    fn write(dir: &std::path::Path, addr: SocketAddr) -> Result<ServerFile> {
        let path = dir.join(crate::db::SERVER_FILE);
        let body = serde_json::json!({
            "url": format!("http://{addr}"),
            "pid": std::process::id(),
        });
        std::fs::write(&path, format!("{body}\n"))
            .map_err(|e| Error::io(format!("writing {}", path.display()), e))?;
        Ok(ServerFile(path))
    }
}

impl Drop for ServerFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
