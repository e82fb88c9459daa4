//! Exports: the database, or a selection of its claims, in formats other tools read.
//!
//! - `jsonl`: a backup in the import format (`schemas/record.schema.json`); importing it
//!   into an empty database reproduces the same claim ids, report ids and verdicts.
//! - `csv`: one row per claim, for spreadsheets.
//! - `dot` / `svg`: the attribution graphs, for Graphviz (svg runs Graphviz's `dot`):
//!   one graph of at most [`MAX_GRAPH_CLAIMS`] claims, or with [`Output::Split`] a new
//!   directory with one graph per claim and an `index.html` (`folder`).
//! - `prov`: W3C PROV-JSON (`schemas/export-prov.schema.json`).
//! - `claimreview`: schema.org ClaimReview JSON-LD for fact-checks
//!   (`schemas/export-claimreview.schema.json`).
//! - `parquet`: the whole database as Parquet files in a new directory
//!   ([`Output::Directory`]; schemas in [`crate::columnar`], `docs/parquet.md`).
//!
//! [`run`] is the entry point. It takes the [`Database`] by value and closes it —
//! releasing its lock — as soon as everything the export needs has been read, so
//! Graphviz never runs while the database is locked. Every exporter writes to any
//! [`Write`] and reads only through [`Database`]. The JSONL and CSV exporters stream:
//! they hold one claim at a time (plus, for a filtered JSONL backup, the ids of the
//! selected claims). [`Output::File`] writes atomically (a temporary file in the
//! target's directory, renamed into place) and never overwrites a file unless asked
//! to. Every export checks its [`Stop`] between claims and while Graphviz runs, and
//! then returns [`Error::Interrupted`] after removing its temporary files. [`write`]
//! serves a caller that keeps the database open (every format but `svg`).
//! `docs/exports.md` documents every format and its mapping.

mod claimreview;
mod csv;
mod dot;
mod folder;
mod graphviz;
mod jsonl;
#[cfg(feature = "parquet")]
mod parquet;
mod prov;

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::claim::ClaimId;
use crate::db::Database;
use crate::error::{Error, Result};
use crate::independence::Analysis;
use crate::report::Claim;
use crate::source::{name_key, Registry, SourceId};
use crate::view::{self, ClaimFilter, ClaimSummary};

pub use graphviz::render_svg;

/// The most claims a single-file `dot` or `svg` export takes. Graphviz lays one graph
/// out in time that grows much faster than its size (1,035 claims took minutes), so a
/// larger selection is refused with advice: `--split` (one graph per claim) or a
/// narrower selection.
pub const MAX_GRAPH_CLAIMS: usize = 300;

/// A request to stop an export early, set from a Ctrl-C or SIGTERM handler. Clones
/// share one flag.
#[derive(Clone, Debug, Default)]
pub struct Stop(Arc<AtomicBool>);

impl Stop {
    /// A flag that is not set.
    pub fn new() -> Stop {
        Stop::default()
    }

    /// Ask the export to stop (safe to call from a signal handler's thread).
    pub fn request(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// True once [`Stop::request`] was called.
    pub fn requested(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }

    /// [`Error::Interrupted`] once a stop was requested.
    pub(crate) fn check(&self) -> Result<()> {
        if self.requested() {
            Err(Error::Interrupted)
        } else {
            Ok(())
        }
    }
}

/// An export format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExportFormat {
    /// Backup in the import format (sources, reports, verdicts; one JSON record a line).
    #[default]
    Jsonl,
    /// One row per claim (RFC 4180).
    Csv,
    /// Graphviz DOT of the attribution graphs.
    Dot,
    /// The attribution graphs rendered to SVG by Graphviz's `dot`.
    Svg,
    /// W3C PROV-JSON.
    Prov,
    /// schema.org ClaimReview JSON-LD, one per reviewed claim and reviewer.
    Claimreview,
    /// The whole database as Parquet files (reports, sources, links, verdicts) in a
    /// new directory.
    Parquet,
}

impl crate::choice::Choice for ExportFormat {
    const WHAT: &'static str = "export format";
    const CHOICES: &'static [(Self, &'static str, &'static str)] = &[
        (
            ExportFormat::Jsonl,
            "jsonl",
            "Backup in the import format (sources, reports, verdicts; one JSON record a line)",
        ),
        (ExportFormat::Csv, "csv", "One row per claim (RFC 4180)"),
        (ExportFormat::Dot, "dot", "Graphviz DOT of the attribution graphs"),
        (
            ExportFormat::Svg,
            "svg",
            "The attribution graphs rendered to SVG by Graphviz's `dot`",
        ),
        (ExportFormat::Prov, "prov", "W3C PROV-JSON"),
        (
            ExportFormat::Claimreview,
            "claimreview",
            "schema.org ClaimReview JSON-LD, one per reviewed claim and reviewer",
        ),
        (
            ExportFormat::Parquet,
            "parquet",
            "The whole database as Parquet files (reports, sources, links, verdicts) in a new directory",
        ),
    ];
}

impl ExportFormat {
    /// The format's name as written on the command line.
    pub fn as_str(self) -> &'static str {
        crate::choice::Choice::name(self)
    }
}

/// What to export and how.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// The format.
    pub format: ExportFormat,
    /// Claim ids or unique prefixes; empty means every claim.
    pub claims: Vec<String>,
    /// The listing filter (the same flags as `claims`), applied to the claims above.
    pub filter: ClaimFilter,
    /// `claimreview` only: leave out claims without a verdict instead of failing.
    pub skip_unreviewed: bool,
}

/// Where an export goes.
pub enum Output<'a> {
    /// A stream, such as standard output.
    Stream(&'a mut dyn Write),
    /// A file, written atomically; an existing one is replaced only when `force`.
    File {
        /// The file.
        path: &'a Path,
        /// Replace it if it exists.
        force: bool,
    },
    /// `dot` and `svg` only: a new directory (its parent must exist, it must not) with
    /// one graph per claim, named by claim id, and an `index.html`.
    Split(&'a Path),
    /// `parquet` only: a new directory (its parent must exist, it must not) with one
    /// Parquet file per table.
    Directory(&'a Path),
}

/// What an export wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Claims exported.
    pub claims: usize,
    /// Records, rows or items written (format-dependent: JSONL lines, CSV rows, graph
    /// clusters, PROV entities, ClaimReview objects).
    pub items: usize,
}

/// The claims an export covers: explicit ids (deduplicated, in the order given) or
/// every claim in the order first recorded, kept by a listing filter.
#[derive(Clone, Debug)]
pub struct Selection {
    ids: Option<Vec<ClaimId>>,
    filter: ClaimFilter,
    stop: Stop,
}

impl Selection {
    /// Resolve `claims` (ids or unique prefixes; empty for all) against the database.
    pub fn resolve(db: &Database, claims: &[String], filter: ClaimFilter) -> Result<Selection> {
        let ids = if claims.is_empty() {
            None
        } else {
            let mut seen = HashSet::new();
            let mut ids = Vec::new();
            for c in claims {
                let id = db.resolve_claim(c)?;
                if seen.insert(id) {
                    ids.push(id);
                }
            }
            Some(ids)
        };
        Ok(Selection {
            ids,
            filter,
            stop: Stop::default(),
        })
    }

    /// The same selection, whose visits stop with [`Error::Interrupted`] once `stop`
    /// is requested.
    pub fn stopping_on(mut self, stop: Stop) -> Selection {
        self.stop = stop;
        self
    }

    /// True when the selection is the whole database (no ids, a filter that keeps
    /// everything), so an export is a full backup.
    pub fn is_everything(&self) -> bool {
        self.ids.is_none() && filter_keeps_everything(&self.filter)
    }

    /// Visit each selected claim group (as one claim: [`Database::group_claim`]) with
    /// its analysis and summary, in selection order.
    /// Holds one claim at a time. Checks the stop flag before each claim.
    pub fn for_each(
        &self,
        db: &Database,
        mut f: impl FnMut(&Claim, &Analysis, &ClaimSummary) -> Result<()>,
    ) -> Result<()> {
        let reg = db.registry();
        let groups = db.groups()?;
        let cred = view::CredibilityIndex::build_with(db, &groups)?;
        let mut visit = |c: Claim| -> Result<()> {
            self.stop.check()?;
            if !self.keeps_texts_dates(db, &groups, &c)? {
                return Ok(());
            }
            let a = view::analyze(&c, reg);
            let s = view::summarize(&c, &a, reg, &cred);
            if self.filter.keeps(&s) {
                f(&c, &a, &s)?;
            }
            Ok(())
        };
        // Every export works on claim groups: a selected wording brings its group,
        // once.
        match &self.ids {
            Some(ids) => {
                let mut done = std::collections::HashSet::new();
                for id in ids {
                    if done.insert(groups.group_id(id)) {
                        visit(db.group_claim(&groups, id)?.0)?;
                    }
                }
            }
            None => {
                for c in db.group_claims(&groups) {
                    visit(c?)?;
                }
            }
        }
        Ok(())
    }
}

impl Selection {
    /// Whether the filter's words and date range keep this claim group (its
    /// wordings' texts are read only when the filter has words).
    fn keeps_texts_dates(
        &self,
        db: &Database,
        groups: &crate::groups::Groups,
        c: &Claim,
    ) -> Result<bool> {
        let dates: Vec<(i64, String)> = c
            .reports
            .iter()
            .map(|r| crate::date::report_date(r.published.as_deref(), r.added))
            .collect();
        let mut texts = vec![c.text.clone()];
        if self.filter.grep.is_some() {
            for m in groups.members(&c.id) {
                if m != c.id {
                    texts.push(db.claim(&m)?.text);
                }
            }
        }
        Ok(self
            .filter
            .keeps_texts_dates(texts.iter().map(String::as_str), &dates))
    }
}

/// True when `f` is the default filter, which keeps every claim. Compared through
/// `Debug` so that a field added to [`ClaimFilter`] later is taken into account
/// without changing this function.
fn filter_keeps_everything(f: &ClaimFilter) -> bool {
    format!("{f:?}") == format!("{:?}", ClaimFilter::default())
}

/// Run the export `req` asks for into `output`. The database is taken by value and
/// closed, releasing its lock, once everything has been read: before Graphviz runs.
/// A single-file `dot` or `svg` export of more than [`MAX_GRAPH_CLAIMS`] claims is
/// refused before anything is written. `stop` is checked between claims and while
/// Graphviz runs; on failure or stop no temporary file or directory is left behind.
pub fn run(db: Database, req: &Request, output: Output<'_>, stop: &Stop) -> Result<Summary> {
    check(req, matches!(output, Output::Directory(_)))?;
    match output {
        Output::Directory(dir) => {
            if req.format != ExportFormat::Parquet {
                return Err(Error::Invalid(format!(
                    "only --format parquet writes a directory of tables, not {}",
                    req.format.as_str()
                )));
            }
            let sel = Selection::resolve(&db, &req.claims, req.filter.clone())?;
            if !sel.is_everything() {
                return Err(Error::Invalid(
                    "--format parquet exports the whole database; leave out --claim and the listing filters (select claims in the engine that reads the files)".into(),
                ));
            }
            #[cfg(feature = "parquet")]
            return parquet::write(&db, dir, stop);
            #[cfg(not(feature = "parquet"))]
            return {
                let _ = (db, dir, stop);
                Err(Error::Invalid(
                    "this build of corroborate has no Parquet writer (built without the cargo \
                     feature `parquet`); use a build with default features, or export \
                     --format jsonl"
                        .into(),
                ))
            };
        }
        Output::Stream(out) => write_closing(db, req, out, stop),
        Output::File { path, force } => {
            let mut target = AtomicFile::create(path, force)?;
            let summary = write_closing(db, req, &mut target, stop)?;
            stop.check()?;
            target.commit()?;
            Ok(summary)
        }
        Output::Split(dir) => {
            let svg = match req.format {
                ExportFormat::Dot => false,
                ExportFormat::Svg => true,
                other => {
                    return Err(Error::Invalid(format!(
                        "--split applies to --format dot and svg only, not {}; write {} to one file with -o FILE",
                        other.as_str(),
                        other.as_str()
                    )))
                }
            };
            let sel =
                Selection::resolve(&db, &req.claims, req.filter.clone())?.stopping_on(stop.clone());
            folder::write(db, &sel, svg, dir, stop)
        }
    }
}

/// Write the export `req` asks for to `out`, for a caller that keeps the database
/// open. Every format but `svg`, which is refused: it runs Graphviz, which must not
/// run while the database is locked — use [`run`], which closes it first.
pub fn write(db: &Database, req: &Request, out: &mut dyn Write) -> Result<Summary> {
    check(req, false)?;
    if req.format == ExportFormat::Svg {
        return Err(Error::Invalid(
            "export::write does not render SVG: use export::run, which closes the database before Graphviz runs".into(),
        ));
    }
    write_open(db, req, out, &Stop::default())
}

/// Checks of the request that need no database.
fn check(req: &Request, directory: bool) -> Result<()> {
    if req.format == ExportFormat::Parquet && !directory {
        return Err(Error::Invalid(
            "--format parquet writes a new directory of Parquet files; give its name with -o DIR"
                .into(),
        ));
    }
    if req.skip_unreviewed && req.format != ExportFormat::Claimreview {
        return Err(Error::Invalid(format!(
            "--skip-unreviewed applies to --format claimreview only, not {}",
            req.format.as_str()
        )));
    }
    Ok(())
}

/// Write the export to `out`; for `svg`, read the DOT text, close the database, then
/// run Graphviz.
fn write_closing(db: Database, req: &Request, out: &mut dyn Write, stop: &Stop) -> Result<Summary> {
    if req.format != ExportFormat::Svg {
        return write_open(&db, req, out, stop);
    }
    let sel = Selection::resolve(&db, &req.claims, req.filter.clone())?.stopping_on(stop.clone());
    let mut src = Vec::new();
    let summary = dot::write(&db, &sel, MAX_GRAPH_CLAIMS, &mut src)?;
    drop(db);
    let mut w = BufWriter::with_capacity(64 * 1024, out);
    render_svg(&src, &mut w, stop)?;
    w.flush().map_err(write_error)?;
    Ok(summary)
}

/// Write every format but `svg` to `out` while the database is open.
fn write_open(db: &Database, req: &Request, out: &mut dyn Write, stop: &Stop) -> Result<Summary> {
    let sel = Selection::resolve(db, &req.claims, req.filter.clone())?.stopping_on(stop.clone());
    let mut w = BufWriter::with_capacity(64 * 1024, out);
    let summary = match req.format {
        ExportFormat::Jsonl => jsonl::write(db, &sel, &mut w)?,
        ExportFormat::Csv => csv::write(db, &sel, &mut w)?,
        ExportFormat::Dot => dot::write(db, &sel, MAX_GRAPH_CLAIMS, &mut w)?,
        ExportFormat::Svg => {
            return Err(Error::Invalid(
                "svg is rendered after the database is closed".into(),
            ))
        }
        ExportFormat::Prov => prov::write(db, &sel, &mut w)?,
        ExportFormat::Claimreview => claimreview::write(db, &sel, req.skip_unreviewed, &mut w)?,
        ExportFormat::Parquet => {
            return Err(Error::Invalid(
                "--format parquet writes a directory, not a stream".into(),
            ))
        }
    };
    w.flush().map_err(write_error)?;
    Ok(summary)
}

/// Map an error writing the export to the library error, keeping the `io::Error` in
/// the source chain (so a closed pipe is recognised by the binary).
pub(crate) fn write_error(e: io::Error) -> Error {
    Error::io("writing the export", e)
}

/// Turn a `serde_json` error raised while writing into the library error.
pub(crate) fn json_error(e: serde_json::Error) -> Error {
    if e.is_io() {
        write_error(io::Error::from(e))
    } else {
        Error::Encoding(e.to_string())
    }
}

/// The name to write for a source in a chain: its canonical name when that is a valid
/// hop name, otherwise the first alias that is (report ids hash the canonical name of
/// the source a hop resolves to, so any name of the source gives the same id).
pub(crate) fn hop_name(reg: &Registry, id: SourceId) -> Result<String> {
    let id = reg.canonical(id);
    let Some(src) = reg.get(id) else {
        return Err(Error::Corrupt(format!("source id {} out of range", id.0)));
    };
    let usable = |n: &str| {
        let c = crate::chain::collapse_ws(n);
        !c.is_empty()
            && c.len() <= crate::chain::MAX_HOP_NAME_BYTES
            && !c.chars().any(char::is_control)
            && name_key(&c) == name_key(n)
    };
    std::iter::once(&src.name)
        .chain(src.aliases.iter())
        .find(|n| usable(n))
        .cloned()
        .ok_or_else(|| {
            Error::Invalid(format!(
                "the source {:?} has no name that can be written in a chain (at most {} bytes, no control characters); give it a short alias with `corroborate source alias`",
                src.name.chars().take(80).collect::<String>(),
                crate::chain::MAX_HOP_NAME_BYTES
            ))
        })
}

/// A short, stable identifier for a string key: the first 16 bytes of its SHA-256 with
/// a domain prefix, in hex. Used for PROV identifiers of sources.
pub(crate) fn short_hash(domain: &str, parts: &[&str]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(b"corroborate/");
    h.update(domain.as_bytes());
    for p in parts {
        h.update([0u8]);
        h.update(p.as_bytes());
    }
    let d: [u8; 32] = h.finalize().into();
    crate::hex::encode(&d[..16])
}

/// A file written under a temporary name and renamed into place on [`commit`]; the
/// temporary file is removed if the export fails.
///
/// [`commit`]: AtomicFile::commit
struct AtomicFile {
    target: PathBuf,
    temp: PathBuf,
    file: Option<File>,
    force: bool,
}

impl AtomicFile {
    fn create(path: &Path, force: bool) -> Result<AtomicFile> {
        let shown = path.display();
        if path.as_os_str().is_empty() {
            return Err(Error::Invalid("the output path is empty".into()));
        }
        if path
            .as_os_str()
            .to_string_lossy()
            .ends_with(std::path::is_separator)
        {
            return Err(Error::Invalid(format!(
                "{shown} names a directory; give a file name"
            )));
        }
        match std::fs::symlink_metadata(path) {
            Ok(m) if m.is_dir() => {
                return Err(Error::Invalid(format!(
                    "{shown} is a directory; give a file name, e.g. {}",
                    path.join("export.out").display()
                )))
            }
            Ok(m) if m.file_type().is_symlink() && path.is_dir() => {
                return Err(Error::Invalid(format!(
                    "{shown} points to a directory; give a file name"
                )))
            }
            Ok(_) if !force => {
                return Err(Error::Invalid(format!(
                    "{shown} already exists; pass --force to replace it, or choose another file"
                )))
            }
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(format!("checking {shown}"), e)),
        }
        let Some(name) = path.file_name() else {
            return Err(Error::Invalid(format!(
                "{shown} does not name a file; give a file name"
            )));
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !dir.is_dir() {
            return Err(Error::Invalid(format!(
                "the directory {} does not exist; create it first (export does not create directories)",
                dir.display()
            )));
        }
        for i in 0..1000u32 {
            let mut tmp_name = std::ffi::OsString::from(".");
            tmp_name.push(name);
            tmp_name.push(format!(".{}-{i}.tmp", std::process::id()));
            let temp = dir.join(tmp_name);
            match OpenOptions::new().write(true).create_new(true).open(&temp) {
                Ok(file) => {
                    return Ok(AtomicFile {
                        target: path.to_path_buf(),
                        temp,
                        file: Some(file),
                        force,
                    })
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    return Err(Error::io(
                        format!("creating a temporary file in {}", dir.display()),
                        e,
                    ))
                }
            }
        }
        Err(Error::Invalid(format!(
            "could not find a free temporary file name in {}",
            dir.display()
        )))
    }

    fn commit(mut self) -> Result<()> {
        let shown = self.target.display().to_string();
        if let Some(f) = self.file.take() {
            f.sync_all()
                .map_err(|e| Error::io(format!("writing {shown}"), e))?;
        }
        if self.force {
            std::fs::rename(&self.temp, &self.target)
                .map_err(|e| Error::io(format!("renaming the export to {shown}"), e))?;
        } else {
            // A hard link never replaces an existing file, so a file that appeared
            // since the check is not lost; where links are unsupported, check again
            // and rename.
            match std::fs::hard_link(&self.temp, &self.target) {
                Ok(()) => {
                    let _ = std::fs::remove_file(&self.temp);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    return Err(Error::Invalid(format!(
                        "{shown} appeared while the export was written; pass --force to replace it"
                    )))
                }
                Err(_) => {
                    if std::fs::symlink_metadata(&self.target).is_ok() {
                        return Err(Error::Invalid(format!(
                            "{shown} appeared while the export was written; pass --force to replace it"
                        )));
                    }
                    std::fs::rename(&self.temp, &self.target)
                        .map_err(|e| Error::io(format!("renaming the export to {shown}"), e))?;
                }
            }
        }
        self.temp = PathBuf::new();
        Ok(())
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        self.file.take();
        if !self.temp.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self.file.as_mut() {
            Some(f) => f.write(buf),
            None => Err(io::Error::other("the export file is already closed")),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self.file.as_mut() {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_filter_keeps_everything() {
        assert!(filter_keeps_everything(&ClaimFilter::default()));
        let f = ClaimFilter {
            min_sources: Some(0),
            ..Default::default()
        };
        assert!(!filter_keeps_everything(&f));
        let f = ClaimFilter {
            circular: true,
            ..Default::default()
        };
        assert!(!filter_keeps_everything(&f));
    }

    #[test]
    fn hop_names_fall_back_to_aliases() {
        let mut reg = Registry::new();
        let long = "x".repeat(600);
        let id = reg
            .upsert(
                &long,
                &crate::source::SourcePatch {
                    aliases: vec!["Short".into()],
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(hop_name(&reg, id).unwrap(), "Short");
        let ok = reg.upsert("Associated Press", &Default::default()).unwrap();
        assert_eq!(hop_name(&reg, ok).unwrap(), "Associated Press");
        let bad = reg.upsert(&"y".repeat(700), &Default::default()).unwrap();
        assert!(hop_name(&reg, bad)
            .unwrap_err()
            .to_string()
            .contains("source alias"));
    }

    #[test]
    fn short_hashes_are_stable_and_separated() {
        assert_eq!(short_hash("source", &["ap"]), short_hash("source", &["ap"]));
        assert_ne!(short_hash("source", &["ap"]), short_hash("anon", &["ap"]));
        assert_ne!(
            short_hash("anon", &["a", "bc"]),
            short_hash("anon", &["ab", "c"])
        );
        assert_eq!(short_hash("source", &["ap"]).len(), 32);
    }
}
