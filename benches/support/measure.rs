//! The measurements behind `benches/store.rs`, kept apart from its command line so the
//! smoke test can run each of them once on a small file. Two systems do the same
//! logical work on the same JSONL: corroborate (ledger + sled through `Database`) and a
//! SQLite baseline (rusqlite, WAL, one transaction) that parses with the library's
//! record types, hashes with its claim and report ids, resolves names with its
//! `Registry` and computes every summary with the same `view`/`independence` code, so
//! the differences come from the store.
//!
//! Nothing here asserts on time; callers print what it returns.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::time::Instant;

use corroborate::claim::ClaimId;
use corroborate::db::Database;
use corroborate::record::{parse_line, Record};
use corroborate::report::Claim;
use corroborate::report::{report_id, Hop, Report, ReportId};
use corroborate::source::{name_key, Registry, Source, SourceId, SourceKind};
use corroborate::view::{self, ClaimDetail, ClaimFilter, ClaimSort, ClaimSummary};
use rusqlite::{params, Connection, OptionalExtension};

/// Result of one import.
#[derive(Clone, Copy, Debug, Default)]
pub struct ImportOutcome {
    /// Wall time from opening the empty store to the data being flushed.
    pub secs: f64,
    /// Report lines read (stored plus duplicates).
    pub reports_in: u64,
    /// Reports stored.
    pub reports_stored: u64,
    /// Claims stored.
    pub claims: u64,
}

/// Bytes and allocated bytes of every file under `path`.
pub fn dir_bytes(path: &Path) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    let mut total = (0u64, 0u64);
    let Ok(entries) = std::fs::read_dir(path) else {
        return total;
    };
    for e in entries.flatten() {
        let Ok(md) = e.metadata() else { continue };
        if md.is_dir() {
            let (a, b) = dir_bytes(&e.path());
            total.0 += a;
            total.1 += b;
        } else {
            total.0 += md.len();
            total.1 += md.blocks() * 512;
        }
    }
    total
}

/// Peak resident set of this process in KiB (`VmHWM`), where /proc has it.
pub fn vm_hwm_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time (user + system, all threads) this process has used so far, in seconds,
/// from `/proc/self/stat` (clock ticks of 1/100 s, Linux's fixed `USER_HZ`).
pub fn cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the 14th and
    // 15th fields of the whole line, so the 12th and 13th after it.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace().skip(11);
    let utime: f64 = fields.next()?.parse().ok()?;
    let stime: f64 = fields.next()?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

// ---- corroborate --------------------------------------------------------------

/// Import `input` into a new database in `dir` and flush it.
pub fn import_sled(input: &Path, dir: &Path) -> ImportOutcome {
    let start = Instant::now();
    let mut db = Database::open(dir).expect("open the corroborate database");
    let file = File::open(input).expect("open the workload file");
    let sum = db
        .import(
            BufReader::with_capacity(1 << 20, file),
            "bench",
            &mut |_| {},
        )
        .expect("corroborate import");
    db.flush().expect("flush the store");
    let secs = start.elapsed().as_secs_f64();
    drop(db);
    ImportOutcome {
        secs,
        reports_in: sum.reports_new + sum.reports_duplicate,
        reports_stored: sum.reports_new,
        claims: sum.claims_new,
    }
}

/// Open an existing corroborate database.
pub fn open_sled(dir: &Path) -> Database {
    Database::open(dir).expect("open the corroborate database")
}

/// The full report: every claim with its count and flags.
pub fn full_report_sled(db: &Database) -> Vec<ClaimSummary> {
    view::list_claims(db, &ClaimFilter::default(), ClaimSort::Id).expect("list claims")
}

/// Claims with exactly one independent source.
pub fn single_source_sled(db: &Database) -> Vec<ClaimSummary> {
    let filter = ClaimFilter {
        single_source: true,
        ..ClaimFilter::default()
    };
    view::list_claims(db, &filter, ClaimSort::Id).expect("list single-source claims")
}

/// `show` of one claim.
pub fn show_sled(db: &Database, id: &ClaimId) -> ClaimDetail {
    let claim = db.claim(id).expect("claim exists in corroborate");
    view::detail(&claim, &[], db.registry())
}

// ---- SQLite baseline ----------------------------------------------------------

const SCHEMA: &str = "
CREATE TABLE sources(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    homepage TEXT,
    affiliations TEXT NOT NULL,
    rating REAL,
    merged_into INTEGER
);
CREATE TABLE aliases(
    key TEXT PRIMARY KEY,
    source INTEGER NOT NULL,
    written TEXT NOT NULL,
    canonical INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE claims(
    id BLOB NOT NULL UNIQUE,
    text TEXT NOT NULL,
    added INTEGER NOT NULL
);
CREATE TABLE reports(
    id BLOB NOT NULL UNIQUE,
    claim INTEGER NOT NULL,
    url TEXT,
    published TEXT,
    added INTEGER NOT NULL
);
CREATE INDEX reports_by_claim ON reports(claim);
CREATE TABLE hops(
    report INTEGER NOT NULL,
    pos INTEGER NOT NULL,
    source INTEGER,
    anon TEXT,
    written TEXT,
    PRIMARY KEY(report, pos)
) WITHOUT ROWID;
CREATE INDEX hops_by_source ON hops(source);
";

/// Open (or create) the baseline database file with the benchmark's settings.
pub fn open_sqlite(path: &Path) -> Connection {
    let conn = Connection::open(path).expect("open the SQLite file");
    conn.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144;",
    )
    .expect("set SQLite pragmas");
    conn
}

fn kind_name(k: SourceKind) -> &'static str {
    k.as_str()
}

/// Import `input` into a new SQLite file at `path` in one transaction, then
/// checkpoint the WAL into the main file (the counterpart of the store flush).
pub fn import_sqlite(input: &Path, path: &Path) -> ImportOutcome {
    let start = Instant::now();
    let mut conn = open_sqlite(path);
    conn.execute_batch(SCHEMA)
        .expect("create the SQLite schema");
    let now = corroborate::date::now_secs();
    let mut reg = Registry::new();
    let mut out = ImportOutcome::default();
    let tx = conn.transaction().expect("begin");
    {
        let mut find_claim = tx
            .prepare("SELECT rowid FROM claims WHERE id = ?1")
            .expect("prepare");
        let mut add_claim = tx
            .prepare("INSERT INTO claims(id, text, added) VALUES (?1, ?2, ?3)")
            .expect("prepare");
        let mut add_report = tx
            .prepare(
                "INSERT OR IGNORE INTO reports(id, claim, url, published, added)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .expect("prepare");
        let mut add_hop = tx
            .prepare(
                "INSERT INTO hops(report, pos, source, anon, written) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .expect("prepare");
        let file = File::open(input).expect("open the workload file");
        let mut reader = BufReader::with_capacity(1 << 20, file);
        let mut line = String::new();
        let mut n = 0u64;
        loop {
            line.clear();
            if reader.read_line(&mut line).expect("read a line") == 0 {
                break;
            }
            n += 1;
            let text = line.trim_end_matches(['\n', '\r']);
            if text.trim().is_empty() {
                continue;
            }
            let rec = parse_line(text).unwrap_or_else(|e| panic!("line {n}: {e}"));
            match rec {
                // The workload has no claim links.
                Record::Link(_) => {}
                Record::Source(s) => {
                    let patch = s.patch().expect("valid source patch");
                    reg.upsert(&s.name, &patch)
                        .unwrap_or_else(|e| panic!("line {n}: {e}"));
                }
                Record::Report(r) => {
                    out.reports_in += 1;
                    let cid = ClaimId::of_text(&r.claim);
                    let claim_row: Option<i64> = find_claim
                        .query_row([&cid.0[..]], |row| row.get(0))
                        .optional()
                        .expect("find claim");
                    let claim_row = match claim_row {
                        Some(x) => x,
                        None => {
                            add_claim
                                .execute(params![&cid.0[..], r.claim, now])
                                .expect("insert claim");
                            out.claims += 1;
                            tx.last_insert_rowid()
                        }
                    };
                    let hops: Vec<Hop> = r
                        .chain
                        .into_hops()
                        .into_iter()
                        .map(|h| {
                            if h.anonymous {
                                Hop::Anonymous(h.name)
                            } else {
                                let (sid, _) = reg.resolve_or_create(&h.name);
                                let written = (name_key(&h.name)
                                    != name_key(reg.display_name(sid)))
                                .then_some(h.name);
                                Hop::Named {
                                    source: sid,
                                    written,
                                }
                            }
                        })
                        .collect();
                    let rid =
                        report_id(&cid, &hops, r.url.as_deref(), r.published.as_deref(), &reg);
                    let added = add_report
                        .execute(params![&rid.0[..], claim_row, r.url, r.published, now])
                        .expect("insert report");
                    if added == 0 {
                        continue;
                    }
                    out.reports_stored += 1;
                    let report_row = tx.last_insert_rowid();
                    for (pos, h) in hops.iter().enumerate() {
                        match h {
                            Hop::Named { source, written } => add_hop.execute(params![
                                report_row,
                                pos as i64,
                                source.0 as i64,
                                None::<&str>,
                                written
                            ]),
                            Hop::Anonymous(d) => add_hop.execute(params![
                                report_row,
                                pos as i64,
                                None::<i64>,
                                d,
                                None::<&str>
                            ]),
                        }
                        .expect("insert hop");
                    }
                }
                Record::Verdict(_) => panic!("line {n}: the benchmark workload has no verdicts"),
            }
        }
        let mut put_source = tx
            .prepare(
                "INSERT OR REPLACE INTO sources(id, name, kind, homepage, affiliations, rating, merged_into)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .expect("prepare");
        let mut put_alias = tx
            .prepare("INSERT OR IGNORE INTO aliases(key, source, written, canonical) VALUES (?1, ?2, ?3, ?4)")
            .expect("prepare");
        for s in reg.all() {
            put_source
                .execute(params![
                    s.id.0 as i64,
                    s.name,
                    kind_name(s.kind),
                    s.homepage.as_ref().map(|u| u.as_str()),
                    s.affiliations.join("\n"),
                    s.rating,
                    s.merged_into.map(|m| m.0 as i64),
                ])
                .expect("insert source");
            put_alias
                .execute(params![name_key(&s.name), s.id.0 as i64, s.name, 1])
                .expect("insert name");
            for a in &s.aliases {
                put_alias
                    .execute(params![name_key(a), s.id.0 as i64, a, 0])
                    .expect("insert alias");
            }
        }
    }
    tx.commit().expect("commit");
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .expect("checkpoint");
    out.secs = start.elapsed().as_secs_f64();
    drop(conn);
    out
}

/// Rebuild the registry from the `sources` and `aliases` rows.
pub fn registry_sqlite(conn: &Connection) -> Registry {
    let mut sources: Vec<Source> = Vec::new();
    let mut stmt = conn
        .prepare("SELECT id, name, kind, homepage, affiliations, rating, merged_into FROM sources ORDER BY id")
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| {
            let kind: String = r.get(2)?;
            let home: Option<String> = r.get(3)?;
            let aff: String = r.get(4)?;
            let merged: Option<i64> = r.get(6)?;
            Ok(Source {
                id: SourceId(r.get::<_, i64>(0)? as u32),
                name: r.get(1)?,
                aliases: Vec::new(),
                homepage: home.and_then(|h| url::Url::parse(&h).ok()),
                kind: SourceKind::parse(&kind).unwrap_or_default(),
                affiliations: if aff.is_empty() {
                    Vec::new()
                } else {
                    aff.split('\n').map(str::to_string).collect()
                },
                rating: r.get(5)?,
                merged_into: merged.map(|m| SourceId(m as u32)),
            })
        })
        .expect("query sources");
    for s in rows {
        sources.push(s.expect("source row"));
    }
    let mut stmt = conn
        .prepare("SELECT source, written FROM aliases WHERE canonical = 0 ORDER BY source, written")
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
        .expect("query aliases");
    for row in rows {
        let (id, alias) = row.expect("alias row");
        if let Some(s) = sources.get_mut(id as usize) {
            s.aliases.push(alias);
        }
    }
    Registry::from_sources(sources).expect("dense source ids")
}

/// Columns shared by the full scan and the point query, in claim/report/hop order.
/// `CROSS JOIN` pins the join order (claims by id, then their reports, then hops), so
/// the scan streams in `ORDER BY` order without a sort: without statistics the planner
/// otherwise starts from `hops_by_source` and sorts all rows in a temporary b-tree.
const CLAIM_COLUMNS: &str = "c.id, c.text, c.added, r.rowid, r.id, r.url, r.published, r.added,
     h.source, h.anon, h.written
     FROM claims c CROSS JOIN reports r ON r.claim = c.rowid
     CROSS JOIN hops h ON h.report = r.rowid";

/// Fold joined rows (claim, report, hop) into claims, calling `each` per claim.
fn fold_claims(mut rows: rusqlite::Rows<'_>, mut each: impl FnMut(Claim)) {
    let mut current: Option<Claim> = None;
    let mut report_row = i64::MIN;
    while let Some(row) = rows.next().expect("step") {
        let id = row.get_ref(0).expect("id").as_blob().expect("id blob");
        let same = current.as_ref().is_some_and(|c| c.id.0[..] == *id);
        if !same {
            if let Some(c) = current.take() {
                each(c);
            }
            current = Some(Claim {
                id: ClaimId(id.try_into().expect("32-byte claim id")),
                text: row.get(1).expect("text"),
                added: row.get(2).expect("added"),
                reports: Vec::new(),
            });
            report_row = i64::MIN;
        }
        let Some(claim) = current.as_mut() else {
            continue;
        };
        let r: i64 = row.get(3).expect("report rowid");
        if r != report_row {
            report_row = r;
            let rid = row.get_ref(4).expect("rid").as_blob().expect("rid blob");
            claim.reports.push(Report {
                id: ReportId(rid.try_into().expect("32-byte report id")),
                claim: claim.id,
                hops: Vec::new(),
                url: row.get(5).expect("url"),
                published: row.get(6).expect("published"),
                added: row.get(7).expect("added"),
            });
        }
        let source: Option<i64> = row.get(8).expect("source");
        let hop = match source {
            Some(s) => Hop::Named {
                source: SourceId(s as u32),
                written: row.get(10).expect("written"),
            },
            None => Hop::Anonymous(row.get(9).expect("anon")),
        };
        if let Some(rep) = claim.reports.last_mut() {
            rep.hops.push(hop);
        }
    }
    if let Some(c) = current {
        each(c);
    }
}

/// Every claim that passes `filter`, analysed by the shared engine, in id order.
pub fn list_claims_sqlite(
    conn: &Connection,
    reg: &Registry,
    filter: &ClaimFilter,
) -> Vec<ClaimSummary> {
    let sql = format!("SELECT {CLAIM_COLUMNS} ORDER BY c.id, r.rowid, h.pos");
    let mut stmt = conn.prepare_cached(&sql).expect("prepare the scan");
    let rows = stmt.query([]).expect("scan");
    let mut out = Vec::new();
    fold_claims(rows, |c| {
        // The workload has no verdicts, so support rests on ratings alone, as in corroborate.
        let s = view::summarize(
            &c,
            &view::analyze(&c, reg),
            reg,
            &view::CredibilityIndex::default(),
        );
        if filter.keeps(&s) {
            out.push(s);
        }
    });
    out
}

/// The full report from SQLite.
pub fn full_report_sqlite(conn: &Connection, reg: &Registry) -> Vec<ClaimSummary> {
    list_claims_sqlite(conn, reg, &ClaimFilter::default())
}

/// Single-source claims from SQLite.
pub fn single_source_sqlite(conn: &Connection, reg: &Registry) -> Vec<ClaimSummary> {
    let filter = ClaimFilter {
        single_source: true,
        ..ClaimFilter::default()
    };
    list_claims_sqlite(conn, reg, &filter)
}

/// `show` of one claim from SQLite.
pub fn show_sqlite(conn: &Connection, reg: &Registry, id: &ClaimId) -> ClaimDetail {
    let sql = format!("SELECT {CLAIM_COLUMNS} WHERE c.id = ?1 ORDER BY r.rowid, h.pos");
    let mut stmt = conn.prepare_cached(&sql).expect("prepare the lookup");
    let rows = stmt.query([&id.0[..]]).expect("lookup");
    let mut found = None;
    fold_claims(rows, |c| found = Some(c));
    let claim = found.expect("claim exists in SQLite");
    view::detail(&claim, &[], reg)
}

// ---- point-query helpers -------------------------------------------------------

/// `count` claim ids drawn (with repetition) from `summaries` by a fixed PRNG.
pub fn sample_ids(summaries: &[ClaimSummary], count: usize, seed: u64) -> Vec<ClaimId> {
    let mut rng = crate::gen_core::SplitMix64::new(seed ^ 0x0051_u64);
    if summaries.is_empty() {
        return Vec::new();
    }
    (0..count)
        .map(|_| {
            let s = rng.pick(summaries);
            ClaimId::from_hex(&s.id).expect("ids in summaries are hex")
        })
        .collect()
}

/// Median and 99th percentile of per-lookup latencies, in microseconds.
pub fn latencies(mut f: impl FnMut(&ClaimId), ids: &[ClaimId]) -> (f64, f64) {
    let mut us: Vec<f64> = Vec::with_capacity(ids.len());
    for id in ids {
        let t = Instant::now();
        f(id);
        us.push(t.elapsed().as_secs_f64() * 1e6);
    }
    if us.is_empty() {
        return (0.0, 0.0);
    }
    us.sort_by(f64::total_cmp);
    let p = |q: usize| us[((us.len() - 1) * q) / 100];
    (p(50), p(99))
}

/// Distinct claim ids of a listing (to compare the two systems' answers).
pub fn id_set(summaries: &[ClaimSummary]) -> HashSet<&str> {
    summaries.iter().map(|s| s.id.as_str()).collect()
}
