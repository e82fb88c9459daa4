//! `--server URL`: run a command through a `corroborate serve` instead of opening the
//! database. The API's JSON is read back into the library's own view types and shown
//! by the same code as a local command, so the output is the same either way.
//! The token comes from `$CORROBORATE_TOKEN` (never from the command line, where other
//! users of the machine could read it).

use std::io::{Read, Write};

use anyhow::Context as _;
use corroborate::db::WriteSummary;
use corroborate::output::{self, Format};
use corroborate::{view, Error};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use super::{
    print_summary, render_detail, render_verify, write_limited, Command, Ctx, SourceCommand,
    UserCommand,
};

/// A server and the token to use it.
pub(crate) struct Remote {
    base: url::Url,
    token: String,
    client: reqwest::blocking::Client,
}

/// Largest file `import` sends in one request (the server's default `--max-body`).
const MAX_IMPORT: u64 = 64 * 1024 * 1024;

impl Remote {
    pub(crate) fn new(server: &str) -> anyhow::Result<Remote> {
        let base = corroborate::source::parse_http_url(server)?;
        let token = std::env::var("CORROBORATE_TOKEN")
            .ok()
            .filter(|t| !t.trim().is_empty())
            .ok_or_else(|| {
                Error::Invalid(
                    "--server needs a token in $CORROBORATE_TOKEN (an admin makes one with `corroborate user add NAME --role editor`)".into(),
                )
            })?;
        let client = reqwest::blocking::Client::builder()
            .timeout(std::time::Duration::from_secs(600))
            .build()?;
        Ok(Remote {
            base,
            token: token.trim().to_string(),
            client,
        })
    }

    /// The URL of an API path made of segments (each percent-encoded).
    fn url(&self, segments: &[&str]) -> url::Url {
        let mut u = self.base.clone();
        u.set_query(None);
        if let Ok(mut p) = u.path_segments_mut() {
            p.pop_if_empty();
            p.extend(segments);
        }
        u
    }

    fn send<T: DeserializeOwned>(
        &self,
        req: reqwest::blocking::RequestBuilder,
    ) -> anyhow::Result<T> {
        let resp = req
            .bearer_auth(&self.token)
            .send()
            .with_context(|| format!("cannot reach the server at {}", self.base))?;
        let status = resp.status();
        let body = resp.bytes()?;
        if !status.is_success() {
            let msg = serde_json::from_slice::<Value>(&body)
                .ok()
                .and_then(|v| v["error"].as_str().map(str::to_string))
                .unwrap_or_else(|| format!("the server answered HTTP {status}"));
            // What the library calls bad input is bad input here too (exit 2); being
            // refused or a server failure is a failure (exit 1).
            return Err(match status.as_u16() {
                400 | 404 | 409 | 413 | 415 | 422 => Error::Invalid(msg).into(),
                _ => anyhow::anyhow!("{msg} (HTTP {})", status.as_u16()),
            });
        }
        serde_json::from_slice(&body).context("the server's answer is not the JSON expected")
    }

    fn get<T: DeserializeOwned>(
        &self,
        path: &[&str],
        query: &[(&str, String)],
    ) -> anyhow::Result<T> {
        self.send(self.client.get(self.url(path)).query(query))
    }

    fn post<T: DeserializeOwned>(&self, path: &[&str], body: &Value) -> anyhow::Result<T> {
        self.send(self.client.post(self.url(path)).json(body))
    }

    /// The full id of a claim (by id prefix or text, as `show` takes it).
    fn claim_id(&self, arg: &str) -> anyhow::Result<String> {
        let d: view::ClaimDetail = self.get(&["api", "claims", arg], &[])?;
        Ok(d.summary.id)
    }
}

/// Run one command through the server.
pub(crate) fn dispatch(
    command: Command,
    r: &Remote,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match command {
        Command::Claims {
            filter,
            limit,
            sort,
            by_text,
        } => {
            let mut q: Vec<(&str, String)> = Vec::new();
            for (name, on) in [
                ("single_source", filter.single_source),
                ("anonymous_only", filter.anonymous_only),
                ("circular", filter.circular),
                ("unsourced", filter.unsourced),
                ("by_text", by_text),
            ] {
                if on {
                    q.push((name, "true".into()));
                }
            }
            let numbers = [
                ("min_sources", filter.min_sources.map(|n| n.to_string())),
                ("max_sources", filter.max_sources.map(|n| n.to_string())),
                ("min_support", filter.min_support.map(|n| n.to_string())),
                ("max_support", filter.max_support.map(|n| n.to_string())),
                ("q", filter.grep.clone()),
                ("since", filter.since.clone()),
                ("until", filter.until.clone()),
            ];
            q.extend(numbers.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))));
            q.push(("sort", corroborate::choice::Choice::name(sort).into()));
            let rows: Vec<view::ClaimSummary> = r.get(&["api", "claims"], &q)?;
            if rows.is_empty() && ctx.format() == Format::Table {
                writeln!(out, "no claims match")?;
                return Ok(());
            }
            write_limited(out, ctx, &rows, limit.rows(ctx))
        }
        Command::Show { id } => {
            let d: view::ClaimDetail = r.get(&["api", "claims", &id], &[])?;
            render_detail(out, ctx, &d)
        }
        Command::Sources {
            sort,
            limit,
            import: None,
        } => {
            let q = [("sort", corroborate::choice::Choice::name(sort).to_string())];
            let rows: Vec<view::SourceSummary> = r.get(&["api", "sources"], &q)?;
            write_limited(out, ctx, &rows, limit.rows(ctx))
        }
        Command::Source(SourceCommand::Show { name }) => {
            let d: view::SourceDetail = r.get(&["api", "sources", &name], &[])?;
            match ctx.format() {
                Format::Table | Format::Csv => write!(out, "{}", d.to_text())?,
                f => output::write_json(out, f, &d)?,
            }
            Ok(())
        }
        Command::Log { claim } => {
            let q: Vec<(&str, String)> = claim.into_iter().map(|c| ("claim", c)).collect();
            let rows: Vec<corroborate::db::LogLine> = r.get(&["api", "log"], &q)?;
            output::write_rows(out, ctx.format(), &rows, ctx.width())?;
            Ok(())
        }
        Command::Verify => {
            let rep: corroborate::db::VerifyReport = r.get(&["api", "verify"], &[])?;
            render_verify(out, ctx, &rep)
        }
        Command::Similar {
            id: Some(id),
            text: None,
            limit,
            ..
        } => {
            let q = [("limit", limit.to_string())];
            let rows: Vec<corroborate::matching::SimilarRow> =
                r.get(&["api", "claims", &id, "similar"], &q)?;
            if rows.is_empty() && ctx.format() == Format::Table {
                writeln!(out, "no similar claims")?;
            } else {
                output::write_rows(out, ctx.format(), &rows, ctx.width())?;
            }
            Ok(())
        }
        Command::Import {
            file,
            run_match: false,
            ..
        } => {
            let mut body = Vec::new();
            let what = if file == "-" {
                std::io::stdin()
                    .lock()
                    .take(MAX_IMPORT + 1)
                    .read_to_end(&mut body)?;
                "standard input".to_string()
            } else {
                std::fs::File::open(&file)
                    .with_context(|| format!("cannot open {file}"))?
                    .take(MAX_IMPORT + 1)
                    .read_to_end(&mut body)?;
                file.clone()
            };
            if body.len() as u64 > MAX_IMPORT {
                return Err(Error::Invalid(format!(
                    "{what} is larger than 64 MiB, more than one request to the server carries; split it into smaller files (each import is all or nothing)"
                ))
                .into());
            }
            let req = r
                .client
                .post(r.url(&["api", "import"]))
                .header("content-type", "application/x-ndjson")
                .body(body);
            let summary: WriteSummary = r.send(req)?;
            print_summary(out, &summary)?;
            Ok(())
        }
        Command::Add {
            claim,
            chain,
            url,
            published,
        } => {
            let v: Value = r.post(
                &["api", "reports"],
                &json!({"claim": claim, "chain": chain, "url": url, "published": published}),
            )?;
            let id = v["id"].as_str().unwrap_or_default().to_string();
            let dup = v["summary"]["reports_duplicate"].as_u64().unwrap_or(0) > 0;
            let d: view::ClaimDetail = r.get(&["api", "claims", &id], &[])?;
            super::print_added(out, &id, dup, &d.summary)?;
            Ok(())
        }
        Command::Link { a, b, different } => {
            let (a, b) = (r.claim_id(&a)?, r.claim_id(&b)?);
            let relation = if different { "different" } else { "same" };
            let s: WriteSummary = r.post(
                &["api", "links"],
                &json!({"a": a, "b": b, "relation": relation}),
            )?;
            super::print_link(out, &a, &b, s.links, different)?;
            Ok(())
        }
        Command::Unlink { a, b } => {
            let (a, b) = (r.claim_id(&a)?, r.claim_id(&b)?);
            let _: WriteSummary = r.send(r.client.delete(r.url(&["api", "links", &a, &b])))?;
            writeln!(
                out,
                "removed the links between {} and {}",
                &a[..12],
                &b[..12]
            )?;
            Ok(())
        }
        Command::Verdict {
            id,
            verdict,
            by,
            url,
            note,
        } => {
            let cid = r.claim_id(&id)?;
            let _: WriteSummary = r.post(
                &["api", "verdicts"],
                &json!({"claim": cid, "verdict": verdict, "by": by, "url": url, "note": note}),
            )?;
            writeln!(out, "recorded verdict {verdict} on {cid}")?;
            Ok(())
        }
        Command::User(uc) => {
            let made: corroborate::users::NewToken = match uc {
                UserCommand::List => {
                    let rows: Vec<corroborate::users::UserRow> = r.get(&["api", "users"], &[])?;
                    output::write_rows(out, ctx.format(), &rows, ctx.width())?;
                    return Ok(());
                }
                UserCommand::Remove { name } => {
                    let _: Value = r.send(r.client.delete(r.url(&["api", "users", &name])))?;
                    writeln!(out, "removed user {name}; its token no longer works")?;
                    return Ok(());
                }
                UserCommand::Add { name, role } => {
                    r.post(&["api", "users"], &json!({"name": name, "role": role}))?
                }
                UserCommand::Reset { name } => {
                    r.post(&["api", "users", &name, "token"], &json!({}))?
                }
                UserCommand::Role { .. } | UserCommand::Password { .. } => {
                    return Err(not_remote("user role and user password"))
                }
            };
            super::print_token(out, ctx, &made)?;
            Ok(())
        }
        other => Err(not_remote(other.name())),
    }
}

fn not_remote(what: &str) -> anyhow::Error {
    Error::Invalid(format!(
        "`{what}` does not run through --server yet; use the web page or the API (docs/server.md), or stop the server and run it on the database"
    ))
    .into()
}
