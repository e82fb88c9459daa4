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
    confirm_join, print_match, print_summary, render_detail, render_verify, write_limited, Command,
    Ctx, MatchArgs, RetractCommand, SourceCommand, UserCommand,
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
            return Err(self.failure(status, &body));
        }
        serde_json::from_slice(&body).context("the server's answer is not the JSON expected")
    }

    /// The error for a refused request: the server's `{"error"}` in its words.
    fn failure(&self, status: reqwest::StatusCode, body: &[u8]) -> anyhow::Error {
        let msg = serde_json::from_slice::<Value>(body)
            .ok()
            .and_then(|v| v["error"].as_str().map(str::to_string))
            .unwrap_or_else(|| format!("the server answered HTTP {status}"));
        // What the library calls bad input is bad input here too (exit 2); being
        // refused or a server failure is a failure (exit 1).
        match status.as_u16() {
            400 | 404 | 409 | 413 | 415 | 422 => Error::Invalid(msg).into(),
            _ => anyhow::anyhow!("{msg} (HTTP {})", status.as_u16()),
        }
    }

    /// Send a request and return the response to read from, or the server's error.
    fn open(
        &self,
        req: reqwest::blocking::RequestBuilder,
    ) -> anyhow::Result<reqwest::blocking::Response> {
        let resp = req
            .bearer_auth(&self.token)
            .send()
            .with_context(|| format!("cannot reach the server at {}", self.base))?;
        if resp.status().is_success() {
            return Ok(resp);
        }
        let status = resp.status();
        let body = resp.bytes()?;
        Err(self.failure(status, &body))
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

    /// Import JSON Lines records (one all-or-nothing write on the server).
    fn import_body(&self, body: Vec<u8>) -> anyhow::Result<WriteSummary> {
        let req = self
            .client
            .post(self.url(&["api", "import"]))
            .header("content-type", "application/x-ndjson")
            .body(body);
        self.send(req)
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
            let mut q = filter_query(&filter);
            if by_text {
                q.push(("by_text", "true".into()));
            }
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
            id,
            text,
            limit,
            matching,
        } => {
            if matching.model.is_some() {
                return Err(Error::Invalid(
                    "--model picks the model of a local database; through --server the server's model is used".into(),
                )
                .into());
            }
            let mut q = vec![("limit", limit.to_string())];
            q.extend(matching.threshold.map(|t| ("threshold", t.to_string())));
            let rows: Vec<corroborate::matching::SimilarRow> = match (id, text) {
                (Some(id), None) => r.get(&["api", "claims", &id, "similar"], &q)?,
                (None, Some(text)) => {
                    q.push(("text", text));
                    r.get(&["api", "similar"], &q)?
                }
                _ => {
                    return Err(
                        Error::Invalid("give a claim id or --text, one of the two".into()).into(),
                    )
                }
            };
            if rows.is_empty() && ctx.format() == Format::Table {
                writeln!(out, "no similar claims")?;
            } else {
                output::write_rows(out, ctx.format(), &rows, ctx.width())?;
            }
            Ok(())
        }
        Command::Import {
            file,
            run_match,
            matching,
        } => {
            let summary = r.import_body(read_upload(&file)?)?;
            print_summary(out, &summary)?;
            if run_match {
                remote_match(r, ctx, out, &matching, false)?;
            }
            Ok(())
        }
        Command::Match { pending: true, .. } => {
            let rows: Vec<corroborate::matching::PendingLink> =
                r.get(&["api", "links", "pending"], &[])?;
            super::print_pending(out, ctx, &rows)
        }
        Command::Match {
            matching, dry_run, ..
        } => remote_match(r, ctx, out, &matching, dry_run),
        Command::Extract(args) => {
            if let Some(csv) = &args.csv {
                // The corpus goes to the server, which extracts it with its registry
                // naming publishers and imports it in one write.
                let mut query = vec![("text_column", args.text_column.clone())];
                for (k, v) in [
                    ("publisher_column", &args.publisher_column),
                    ("url_column", &args.url_column),
                    ("id_column", &args.id_column),
                    ("date_column", &args.date_column),
                ] {
                    query.extend(v.clone().map(|v| (k, v)));
                }
                let req = r
                    .client
                    .post(r.url(&["api", "extract", "corpus"]))
                    .query(&query)
                    .header("content-type", "text/csv")
                    .body(read_upload(csv)?);
                let done: corroborate::ingest::CorpusImport = r.send(req)?;
                super::report_corpus(&done.extracted);
                print_summary(out, &done.written)?;
                if args.run_match {
                    remote_match(r, ctx, out, &args.matching, false)?;
                }
                return Ok(());
            }
            // The article is read and its statements proposed here; the server imports
            // them with the caller as their author.
            let file = args.file.clone().unwrap_or_else(|| "-".into());
            let text = super::read_article(&file)?;
            let meta = corroborate::extract::ArticleMeta {
                publisher: args.publisher.clone().unwrap_or_default(),
                url: args.url.clone(),
                published: args.published.clone(),
            };
            let mut body = Vec::new();
            for rec in corroborate::extract::propose(&text, &meta)? {
                output::write_json(
                    &mut body,
                    Format::Jsonl,
                    &corroborate::record::Record::Report(rec),
                )?;
            }
            let summary = r.import_body(body)?;
            print_summary(out, &summary)?;
            if args.run_match {
                remote_match(r, ctx, out, &args.matching, false)?;
            }
            Ok(())
        }
        Command::Retract(rc) => {
            let (id, body) = match rc {
                RetractCommand::Report { id, report, reason } => {
                    let id = r.claim_id(&id)?;
                    let body = json!({"claim": id, "report": report, "reason": reason});
                    (id, body)
                }
                RetractCommand::Verdict { id, entry, reason } => {
                    let id = r.claim_id(&id)?;
                    let body = json!({"claim": id, "entry": entry, "reason": reason});
                    (id, body)
                }
            };
            let s: WriteSummary = r.post(&["api", "retractions"], &body)?;
            super::print_retracted(out, &id, &s)?;
            Ok(())
        }
        Command::Source(sc) => remote_source(sc, r, out),
        Command::Export(args) => remote_export(args, r, out),
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
                UserCommand::Role { name, role } => {
                    let _: Value = r.send(
                        r.client
                            .patch(r.url(&["api", "users", &name]))
                            .json(&json!({ "role": role })),
                    )?;
                    writeln!(out, "{name} is now {role}")?;
                    return Ok(());
                }
                UserCommand::Password { name } => {
                    let password = super::read_password(&name)?;
                    let _: Value = r.send(
                        r.client
                            .patch(r.url(&["api", "users", &name]))
                            .json(&json!({ "password": password })),
                    )?;
                    writeln!(out, "set the password of {name}")?;
                    return Ok(());
                }
            };
            super::print_token(out, ctx, &made)?;
            Ok(())
        }
        Command::Sources {
            import:
                Some(
                    ic @ (super::SourcesCommand::ImportRatings { .. }
                    | super::SourcesCommand::ImportAffiliations { .. }
                    | super::SourcesCommand::ImportOutlets { .. }),
                ),
            ..
        } => {
            use corroborate::ingest::{ListImport, SourceList};
            let (list, file, _) = super::source_list(ic)?;
            let text = String::from_utf8(read_upload(&file.to_string_lossy())?)
                .map_err(|_| Error::Invalid(format!("{} is not UTF-8 text", file.display())))?;
            let v: Value = r.post(
                &["api", "import", "sources"],
                &json!({ "list": list, "file": text }),
            )?;
            let bad = "the server's answer is not the plan expected";
            let done = match list {
                SourceList::Ratings { .. } => {
                    ListImport::Ratings(serde_json::from_value(v).context(bad)?)
                }
                SourceList::Affiliations { .. } => {
                    ListImport::Affiliations(serde_json::from_value(v).context(bad)?)
                }
                SourceList::Outlets => ListImport::Outlets(serde_json::from_value(v).context(bad)?),
            };
            super::print_list_import(out, ctx, &done)
        }
        other => Err(not_remote(other.name())),
    }
}

/// `export` through the server: the body is streamed to standard output or to `-o FILE`
/// (written beside it under a temporary name and renamed into place when complete).
fn remote_export(args: super::ExportArgs, r: &Remote, out: &mut dyn Write) -> anyhow::Result<()> {
    if args.split {
        return Err(not_remote("export --split"));
    }
    let format = args.format()?;
    let mut q = filter_query(&args.filter);
    q.push(("format", format.as_str().to_string()));
    if !args.claims.is_empty() {
        q.push(("claims", args.claims.join(",")));
    }
    if args.skip_unreviewed {
        q.push(("skip_unreviewed", "true".into()));
    }
    let mut resp = r.open(r.client.get(r.url(&["api", "export"])).query(&q))?;
    match &args.output {
        None => {
            std::io::copy(&mut resp, out).context("receiving the export")?;
        }
        Some(path) => {
            if path.exists() && !args.force {
                return Err(Error::Invalid(format!(
                    "{} exists; add --force to replace it",
                    path.display()
                ))
                .into());
            }
            let dir = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => std::path::Path::new("."),
            };
            let mut tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("cannot write in {}", dir.display()))?;
            std::io::copy(&mut resp, &mut tmp).context("receiving the export")?;
            tmp.as_file().sync_all()?;
            tmp.persist(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            writeln!(out, "exported to {} through the server", path.display())?;
        }
    }
    Ok(())
}

/// The query parameters of the listing filters (`claims`, `export`).
fn filter_query(f: &super::FilterArgs) -> Vec<(&'static str, String)> {
    let mut q: Vec<(&'static str, String)> = Vec::new();
    for (name, on) in [
        ("single_source", f.single_source),
        ("anonymous_only", f.anonymous_only),
        ("circular", f.circular),
        ("unsourced", f.unsourced),
    ] {
        if on {
            q.push((name, "true".into()));
        }
    }
    let values = [
        ("min_sources", f.min_sources.map(|n| n.to_string())),
        ("max_sources", f.max_sources.map(|n| n.to_string())),
        ("min_support", f.min_support.map(|n| n.to_string())),
        ("max_support", f.max_support.map(|n| n.to_string())),
        ("q", f.grep.clone()),
        ("since", f.since.clone()),
        ("until", f.until.clone()),
    ];
    q.extend(values.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))));
    q
}

/// `match` through the server (which uses the model it was started with).
fn remote_match(
    r: &Remote,
    ctx: &Ctx,
    out: &mut dyn Write,
    args: &MatchArgs,
    dry_run: bool,
) -> anyhow::Result<()> {
    if args.model.is_some() {
        return Err(Error::Invalid(
            "--model picks the model of a local database; through --server the server's model is used (`corroborate serve --model DIR`)".into(),
        )
        .into());
    }
    let s: corroborate::matching::MatchSummary = r.post(
        &["api", "match"],
        &json!({"threshold": args.threshold, "dry_run": dry_run}),
    )?;
    print_match(out, ctx, &s)
}

/// The `source` commands through the server, with the same plans and confirmations
/// as on a local database.
fn remote_source(sc: SourceCommand, r: &Remote, out: &mut dyn Write) -> anyhow::Result<()> {
    use corroborate::db::{AliasPlan, JoinPlan};
    #[derive(serde::Deserialize)]
    struct Plan<T> {
        plan: T,
    }
    match sc {
        SourceCommand::Show { .. } => unreachable!("handled by dispatch"),
        SourceCommand::Alias {
            name,
            alias,
            confirm,
        } => {
            let path = ["api", "sources", name.as_str(), "aliases"];
            let Plan { plan } =
                r.post::<Plan<AliasPlan>>(&path, &json!({"alias": alias, "dry_run": true}))?;
            match &plan {
                AliasPlan::Join(p) => {
                    let undo = format!("corroborate source unalias {name:?} {alias:?}");
                    if !confirm_join(out, p, &confirm, &undo)? {
                        return Ok(());
                    }
                }
                AliasPlan::Alias if confirm.dry_run => {
                    writeln!(
                        out,
                        "would add the alias {alias:?} to {name:?}\nnothing changed (dry run)"
                    )?;
                    return Ok(());
                }
                AliasPlan::Alias => {}
            }
            let s: WriteSummary = r.post(&path, &json!({ "alias": alias }))?;
            super::print_aliased(out, &name, &alias, &s)
        }
        SourceCommand::Merge { a, b, confirm } => {
            let Plan { plan } = r.post::<Plan<JoinPlan>>(
                &["api", "merges"],
                &json!({"into": a, "from": b, "dry_run": true}),
            )?;
            let undo = format!("corroborate source unmerge {a:?} {b:?}");
            if !confirm_join(out, &plan, &confirm, &undo)? {
                return Ok(());
            }
            let _: WriteSummary = r.post(&["api", "merges"], &json!({"into": a, "from": b}))?;
            writeln!(out, "merged {b:?} into {a:?} (undo: {undo})")?;
            Ok(())
        }
        SourceCommand::Unalias { name, alias } => {
            let s: WriteSummary = r.send(
                r.client
                    .delete(r.url(&["api", "sources", &name, "aliases", &alias])),
            )?;
            super::print_unaliased(out, &name, &alias, &s)
        }
        SourceCommand::Affiliate { name, label } => {
            let _: WriteSummary = r.post(
                &["api", "sources", &name, "affiliations"],
                &json!({ "label": label }),
            )?;
            writeln!(out, "{name:?} is now affiliated with {label:?}")?;
            Ok(())
        }
        SourceCommand::Unaffiliate { name, label } => {
            let _: WriteSummary =
                r.send(
                    r.client
                        .delete(r.url(&["api", "sources", &name, "affiliations", &label])),
                )?;
            writeln!(out, "{name:?} is no longer affiliated with {label:?}")?;
            Ok(())
        }
        SourceCommand::Unmerge { a, b } => {
            let _: WriteSummary = r.send(r.client.delete(r.url(&["api", "merges", &a, &b])))?;
            writeln!(out, "{b:?} is a source of its own again, with its reports")?;
            Ok(())
        }
        SourceCommand::Distinct { a, b } => {
            let s: WriteSummary = r.post(&["api", "distinct"], &json!({"a": a, "b": b}))?;
            super::print_distinct(out, &a, &b, &s)
        }
        SourceCommand::Set {
            name,
            aliases,
            homepage,
            kind,
            affiliations,
            rating,
        } => {
            let _: WriteSummary =
                r.send(r.client.patch(r.url(&["api", "sources", &name])).json(
                    &json!({"aliases": aliases, "homepage": homepage, "kind": kind,
                        "affiliations": affiliations, "rating": rating}),
                ))?;
            writeln!(out, "saved {name:?}")?;
            Ok(())
        }
    }
}

/// A file (or standard input, `-`) to send in one request: at most 64 MiB, the
/// server's default `--max-body`.
fn read_upload(file: &str) -> anyhow::Result<Vec<u8>> {
    let mut body = Vec::new();
    let what = if file == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_IMPORT + 1)
            .read_to_end(&mut body)?;
        "standard input".to_string()
    } else {
        std::fs::File::open(file)
            .with_context(|| format!("cannot open {file}"))?
            .take(MAX_IMPORT + 1)
            .read_to_end(&mut body)?;
        file.to_string()
    };
    if body.len() as u64 > MAX_IMPORT {
        return Err(Error::Invalid(format!(
            "{what} is larger than 64 MiB, more than one request to the server carries; split it into smaller files (each import is all or nothing)"
        ))
        .into());
    }
    Ok(body)
}

fn not_remote(what: &str) -> anyhow::Error {
    Error::Invalid(format!(
        "`{what}` does not run through --server yet; use the web page or the API (docs/server.md), or stop the server and run it on the database"
    ))
    .into()
}
