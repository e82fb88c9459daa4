//! Opening and recovery, built so that no path makes things worse:
//!
//! - the lock, waited for (`OpenOptions::wait`), and a read-only database read
//!   under a shared lock from a temporary copy of its store;
//! - the checks that stop a write to a damaged or shortened ledger;
//! - `rebuild`: a new store built beside the old one and swapped in only when
//!   complete, refused when the ledger holds less than the store applied or
//!   disagrees with it;
//! - the automatic rebuild of a store that reads as damaged, or that a failed write
//!   may have left half-written (`store.stale`);
//! - `salvage`: the intact part of a damaged ledger into a new database, with an
//!   account of everything that was lost.

use std::fs::{File, OpenOptions as FsOpen};
use std::io::{ErrorKind, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::{apply, Database, Observer};
use crate::claim::ClaimId;
use crate::error::{Error, Result};
use crate::ledger::{self, ClaimRef, Entry, Ledger, LinkScan};
use crate::source::Registry;
use crate::store::{Progress, Store};

/// The store directory inside a database.
pub(super) const STORE: &str = "store";
/// Where a rebuild writes the new store before swapping it in.
const STORE_NEW: &str = "store.new";
/// Where the old store waits while the new one is swapped in.
const STORE_OLD: &str = "store.old";
/// Present when a failed write may have left part of itself in the store: the store
/// is rebuilt from the ledger before anything reads it.
pub(super) const STALE: &str = "store.stale";
/// Every name a database directory may hold.
pub(super) const KNOWN: [&str; 6] = ["LOCK", "ledger.log", STORE, STORE_NEW, STORE_OLD, STALE];

/// The lock a process holds on a database directory. Declared last in `Database`, so
/// that it is released after the store and the ledger are closed.
#[derive(Debug)]
pub(super) enum Lock {
    /// A writer (or a reader that could write).
    Exclusive(#[allow(dead_code)] File),
    /// A reader of a directory it may not write.
    Shared(#[allow(dead_code)] File),
    /// A read-only directory without a lock file: nobody can be writing it.
    None,
}

/// Retry `try_lock` until it succeeds or `wait` has passed.
fn wait_for(
    dir: &Path,
    wait: Duration,
    mut try_lock: impl FnMut() -> std::result::Result<(), std::fs::TryLockError>,
) -> Result<()> {
    let start = Instant::now();
    let mut pause = Duration::from_millis(10);
    loop {
        match try_lock() {
            Ok(()) => return Ok(()),
            Err(std::fs::TryLockError::WouldBlock) => {
                // A server holds a database until it stops: waiting would not help.
                if let Some(url) = super::running_server(dir) {
                    return Err(Error::Served {
                        path: dir.to_path_buf(),
                        url,
                    });
                }
                if start.elapsed() >= wait {
                    return Err(Error::Locked {
                        path: dir.to_path_buf(),
                        waited: wait.as_secs(),
                    });
                }
                std::thread::sleep(pause.min(wait.saturating_sub(start.elapsed())));
                pause = (pause * 2).min(Duration::from_millis(200));
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(Error::io(format!("locking {}", dir.display()), e))
            }
        }
    }
}

/// Whether an I/O error means "this may not be written here".
fn cannot_write(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem | ErrorKind::StorageFull
    )
}

/// Take the directory's lock, waiting up to `wait` for another process to let go.
pub(super) fn lock_dir(dir: &Path, wait: Duration) -> Result<Lock> {
    let path = dir.join("LOCK");
    match FsOpen::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
    {
        Ok(f) => {
            wait_for(dir, wait, || f.try_lock())?;
            Ok(Lock::Exclusive(f))
        }
        Err(e) if cannot_write(&e) => match File::open(&path) {
            Ok(f) => {
                wait_for(dir, wait, || f.try_lock_shared())?;
                Ok(Lock::Shared(f))
            }
            Err(_) => Ok(Lock::None),
        },
        Err(e) => Err(Error::io(format!("opening {}", path.display()), e)),
    }
}

/// Open the sled store, waiting like [`lock_dir`] when sled's own lock is still held
/// (a handle that was just dropped in this process may keep it a moment longer).
pub(super) fn open_store(path: &Path, wait: Duration) -> Result<Store> {
    let start = Instant::now();
    loop {
        match Store::open(path) {
            Err(Error::Locked { .. }) if start.elapsed() < wait.max(Duration::from_secs(2)) => {
                std::thread::sleep(Duration::from_millis(50));
            }
            other => return other,
        }
    }
}

/// Finish or undo a rebuild that stopped half-way: a complete new store is only ever
/// renamed into place after the old one was moved aside.
pub(super) fn tidy(dir: &Path) -> Result<()> {
    let (store, new, old) = (dir.join(STORE), dir.join(STORE_NEW), dir.join(STORE_OLD));
    if old.exists() {
        if store.exists() {
            remove_dir(&old)?;
        } else {
            std::fs::rename(&old, &store)
                .map_err(|e| Error::io(format!("restoring {}", store.display()), e))?;
        }
    }
    if new.exists() {
        remove_dir(&new)?;
    }
    Ok(())
}

fn remove_dir(p: &Path) -> Result<()> {
    std::fs::remove_dir_all(p).map_err(|e| Error::io(format!("removing {}", p.display()), e))
}

/// Whether an error says the store's data cannot be trusted (as opposed to the disk
/// being full, a permission, a lock). Such a store is rebuilt from the ledger.
pub(super) fn is_store_damage(e: &Error) -> bool {
    matches!(
        e,
        Error::Corrupt(_)
            | Error::Encoding(_)
            | Error::Store(crate::error::StoreFailure::Corruption(_))
    )
}

/// Whether an error says the store cannot be written here (full disk, read-only
/// file system, permission): the database can still be read from a copy.
pub(super) fn is_unwritable(e: &Error) -> bool {
    match e {
        Error::Store(crate::error::StoreFailure::Io(io)) => cannot_write(io),
        Error::Io { source, .. } => cannot_write(source),
        _ => false,
    }
}

/// The store's progress, if it can be read at all (for the checks before replacing
/// it), waiting like [`open_store`] for a lock that is still held.
pub(super) fn peek_progress(path: &Path, wait: Duration) -> Option<Progress> {
    let start = Instant::now();
    loop {
        match Store::peek_progress(path) {
            Err(Error::Locked { .. }) if start.elapsed() < wait.max(Duration::from_secs(2)) => {
                std::thread::sleep(Duration::from_millis(50));
            }
            other => return other.ok().flatten(),
        }
    }
}

/// Refuse to go on when the ledger holds less than the store applied, or something
/// else at that point. `scan` is a full pass over the ledger.
pub(super) fn check_against(scan: &LinkScan, p: &Progress, path: &Path) -> Result<()> {
    if scan.committed < p.applied && scan.len >= p.applied {
        // The file is long enough: an entry's length was altered so that it seems to
        // run past the end (an unfinished write can only follow what was applied).
        return Err(Error::LedgerCorrupt {
            offset: scan.stopped,
            why: "the entry here claims more bytes than the ledger holds, although the store applied entries after it (its length was altered)".into(),
        });
    }
    if scan.committed < p.applied {
        return Err(Error::LedgerLost {
            path: path.to_path_buf(),
            len: scan.committed,
            applied: p.applied,
        });
    }
    if scan.hash_at != Some(p.head) {
        return Err(Error::LedgerCorrupt {
            offset: p.applied,
            why: "the entry that ends here no longer hashes to the value the store recorded when it applied it (the ledger was altered or replaced)".into(),
        });
    }
    Ok(())
}

/// Refuse a write to a ledger that is damaged anywhere, or that no longer holds what
/// the store applied: appending would extend a record that is no longer sound.
pub(super) fn check_for_write(ledger: &Ledger, p: &Progress, path: &Path) -> Result<()> {
    let scan = ledger.scan_links(p.applied)?;
    if let Some((offset, why)) = scan.damage {
        return Err(Error::LedgerCorrupt { offset, why });
    }
    check_against(&scan, p, path)
}

/// Build a new store from the whole committed ledger in `store.new`, then swap it in
/// for the old one (which stays untouched until the new one is complete).
pub(super) fn build_store(
    dir: &Path,
    ledger: &Ledger,
    end: u64,
    wait: Duration,
    obs: &mut dyn Observer,
) -> Result<Store> {
    let new = dir.join(STORE_NEW);
    if new.exists() {
        remove_dir(&new)?;
    }
    {
        let fresh = Store::open(&new)?;
        let mut reg = Registry::new();
        obs.stage("rebuilding the store from the ledger", end);
        apply(ledger, &fresh, &mut reg, Progress::start(), end, obs)?;
        obs.done();
        fresh.flush()?;
    }
    let (store, old) = (dir.join(STORE), dir.join(STORE_OLD));
    if store.exists() {
        std::fs::rename(&store, &old)
            .map_err(|e| Error::io(format!("moving {} aside", store.display()), e))?;
    }
    std::fs::rename(&new, &store)
        .map_err(|e| Error::io(format!("putting the new store in {}", store.display()), e))?;
    if old.exists() {
        remove_dir(&old)?;
    }
    open_store(&store, wait)
}

/// Copy the store into a temporary directory and open the copy: how a database that
/// cannot be written here (read-only, full disk) is read. The copy is brought up to
/// date with the committed ledger; nothing of the original changes.
pub(super) fn temporary_store(
    dir: &Path,
    ledger: &Ledger,
    copy: bool,
    obs: &mut dyn Observer,
) -> Result<(Store, tempfile::TempDir)> {
    let tmp = tempfile::Builder::new()
        .prefix("corroborate-read-")
        .tempdir()
        .map_err(|e| Error::io("creating a temporary directory", e))?;
    let target = tmp.path().join(STORE);
    let src = dir.join(STORE);
    if copy && src.is_dir() && !dir.join(STALE).exists() {
        copy_dir(&src, &target)?;
    }
    let store = Store::open(&target)?;
    let from = store.progress()?.unwrap_or_else(Progress::start);
    let scan = ledger.scan_links(from.applied)?;
    check_against(&scan, &from, &dir.join("ledger.log"))?;
    if scan.committed > from.applied {
        let mut reg = store.load_registry()?;
        obs.stage("indexing the ledger", scan.committed - from.applied);
        apply(ledger, &store, &mut reg, from, scan.committed, obs)?;
        obs.done();
    }
    Ok((store, tmp))
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).map_err(|e| Error::io(format!("creating {}", to.display()), e))?;
    let entries =
        std::fs::read_dir(from).map_err(|e| Error::io(format!("reading {}", from.display()), e))?;
    for e in entries {
        let e = e.map_err(|e| Error::io(format!("reading {}", from.display()), e))?;
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target)?;
        } else {
            std::fs::copy(e.path(), &target)
                .map_err(|err| Error::io(format!("copying {}", e.path().display()), err))?;
        }
    }
    Ok(())
}

/// Mark the store as possibly half-written by a failed write (see [`STALE`]).
pub(super) fn mark_stale(dir: &Path) -> std::io::Result<()> {
    File::create(dir.join(STALE))?.sync_all()
}

impl Database {
    /// Recreate the store from the ledger, beside the old one, and swap it in when it
    /// is complete. Refuses, changing nothing, when the ledger is damaged, or holds
    /// less than (or something else than) what the old store applied: rebuilding then
    /// would drop records that the store still shows.
    pub fn rebuild(dir: &Path, opts: super::OpenOptions) -> Result<Database> {
        let ledger_path = dir.join("ledger.log");
        if !ledger_path.exists() {
            if let Some(p) = peek_progress(&dir.join(STORE), opts.wait) {
                if p.applied > ledger::HEADER_LEN {
                    return Err(Error::LedgerLost {
                        path: ledger_path,
                        len: 0,
                        applied: p.applied,
                    });
                }
            }
            return Err(Error::NotADatabase(dir.to_path_buf()));
        }
        let lock = lock_dir(dir, opts.wait)?;
        if !matches!(lock, Lock::Exclusive(_)) {
            return Err(Error::ReadOnly(dir.to_path_buf()));
        }
        tidy(dir)?;
        let ledger = Ledger::open(&ledger_path)?;
        let scan = ledger.scan_links(0)?;
        if let Some((offset, why)) = scan.damage.clone() {
            return Err(Error::LedgerCorrupt { offset, why });
        }
        if let Some(p) = peek_progress(&dir.join(STORE), opts.wait) {
            let scan = ledger.scan_links(p.applied)?;
            check_against(&scan, &p, &ledger_path)?;
        }
        let mut obs = opts.observer;
        let store = build_store(dir, &ledger, scan.committed, opts.wait, &mut *obs)?;
        if dir.join(STALE).exists() {
            remove_file(&dir.join(STALE))?;
        }
        let reg = store.load_registry()?;
        Ok(Database::assemble(dir, lock, ledger, store, reg, None, obs))
    }

    /// Start a new database in `to` from the intact part of the ledger in `dir` (every
    /// commit before the first damage), and account for the rest. `dir` is only read.
    ///
    /// The readable entries after the intact part are listed in the report; those that
    /// are records (reports, sources, verdicts) are also returned as import records in
    /// [`SalvageReport::records`], to be reviewed and imported again. The entry just
    /// before the damage is left out of them: it is the one that may have been altered.
    pub fn salvage(dir: &Path, to: &Path, opts: super::OpenOptions) -> Result<SalvageReport> {
        let ledger_path = dir.join("ledger.log");
        if !ledger_path.exists() {
            return Err(Error::Invalid(format!(
                "{} has no ledger.log, so there is nothing to salvage: the store alone holds no claim texts. Restore ledger.log from a backup",
                dir.display()
            )));
        }
        if to.exists()
            && std::fs::read_dir(to)
                .map_err(|e| Error::io(format!("reading {}", to.display()), e))?
                .next()
                .is_some()
        {
            return Err(Error::Invalid(format!(
                "{} is not empty: salvage into a new directory",
                to.display()
            )));
        }
        let _lock = lock_dir(dir, opts.wait)?;
        let ledger = Ledger::open_read_only(&ledger_path)?;
        let scan = ledger.scan_links(0)?;
        std::fs::create_dir_all(to)
            .map_err(|e| Error::io(format!("creating {}", to.display()), e))?;
        let mut out = File::create(to.join("ledger.log"))
            .map_err(|e| Error::io(format!("creating {}", to.display()), e))?;
        ledger.copy_prefix(scan.committed, &mut out)?;
        out.flush()
            .and_then(|_| out.sync_all())
            .map_err(|e| Error::io("writing the salvaged ledger", e))?;
        drop(out);

        let mut lost = Vec::new();
        let mut records = Vec::new();
        let suspect = scan.damage.as_ref().map(|_| scan.last_entry);
        let texts = claim_texts(&ledger)?;
        let mut lost_claims = std::collections::BTreeSet::new();
        let mut lost_entries = 0;
        let mut r = ledger.reader(scan.committed, [0; 32], false)?;
        let unreadable = loop {
            match r.next_entry() {
                Ok(Some(e)) => {
                    lost_entries += 1;
                    if let Entry::Report { claim, .. } = &e.entry {
                        lost_claims.insert(claim.id());
                    }
                    if !matches!(e.entry, Entry::Commit { .. }) {
                        let altered = suspect == Some(e.offset);
                        if !altered {
                            records.extend(as_record(&e.entry, &texts));
                        }
                        lost.push(LostEntry {
                            offset: e.offset,
                            kind: e.entry.kind().to_string(),
                            what: super::describe(&e.entry),
                            altered,
                        });
                    }
                }
                // The end, a torn entry, or bytes that are not an entry at all.
                Ok(None) | Err(_) => break scan.len - r.position(),
            }
        };
        let db = Database::open(to)?;
        let kept_claims = db.store().claim_count() as u64;
        let still_lost: Vec<String> = lost_claims
            .into_iter()
            .filter(|id| !matches!(db.store().has_claim(id), Ok(true)))
            .map(|id| id.to_hex())
            .collect();
        Ok(SalvageReport {
            from: dir.display().to_string(),
            to: to.display().to_string(),
            kept_bytes: scan.committed,
            kept_entries: scan_entries_before(&ledger, scan.committed)?,
            kept_claims,
            damage: scan.damage.map(|(offset, why)| Damage { offset, why }),
            lost_bytes: scan.len - scan.committed,
            lost_entries,
            unreadable_bytes: unreadable,
            lost_claims: still_lost,
            lost,
            records,
        })
    }
}

fn scan_entries_before(ledger: &Ledger, end: u64) -> Result<u64> {
    let mut r = ledger.read_all()?;
    let mut n = 0;
    while r.position() < end {
        match r.next_entry()? {
            Some(_) => n += 1,
            None => break,
        }
    }
    Ok(n)
}

fn remove_file(p: &Path) -> Result<()> {
    std::fs::remove_file(p).map_err(|e| Error::io(format!("removing {}", p.display()), e))
}

/// Where a ledger's damage starts.
#[derive(Clone, Debug, Serialize)]
pub struct Damage {
    /// Byte offset.
    pub offset: u64,
    /// What is wrong there.
    pub why: String,
}

/// One entry that `salvage` could read after the intact part but did not keep.
#[derive(Clone, Debug, Serialize)]
pub struct LostEntry {
    /// Byte offset in the damaged ledger.
    pub offset: u64,
    /// Entry kind.
    pub kind: String,
    /// What it recorded, in words.
    pub what: String,
    /// The entry just before the damage: the one that may have been altered.
    pub altered: bool,
}

/// What `salvage` kept and what it lost.
#[derive(Clone, Debug, Serialize)]
pub struct SalvageReport {
    /// The damaged database (left as it was).
    pub from: String,
    /// The new database.
    pub to: String,
    /// Bytes of the ledger kept (every commit before the damage).
    pub kept_bytes: u64,
    /// Entries kept.
    pub kept_entries: u64,
    /// Claims in the new database.
    pub kept_claims: u64,
    /// The damage found, if any (none: only an unfinished write followed).
    pub damage: Option<Damage>,
    /// Bytes after the kept part.
    pub lost_bytes: u64,
    /// Entries after the kept part that could still be read (commits included).
    pub lost_entries: u64,
    /// Bytes at the end that could not be read as entries at all.
    pub unreadable_bytes: u64,
    /// Claims reported after the kept part that the new database does not have.
    pub lost_claims: Vec<String>,
    /// The readable entries not kept, in ledger order.
    pub lost: Vec<LostEntry>,
    /// The lost reports, sources and verdicts as import records (not the altered
    /// entry, nor merges, undoing entries, retractions and distinct pairs, which have
    /// no record form).
    #[serde(skip)]
    pub records: Vec<crate::record::Record>,
}

/// The text of every claim whose first sighting can still be read, by id (links are
/// not checked: a report after the damage may refer to a claim recorded before it).
fn claim_texts(ledger: &Ledger) -> Result<std::collections::HashMap<ClaimId, String>> {
    let mut out = std::collections::HashMap::new();
    let mut r = ledger.reader(ledger::HEADER_LEN, [0; 32], false)?;
    while let Ok(Some(e)) = r.next_entry() {
        if let Entry::Report {
            claim: ClaimRef::Text(t),
            ..
        } = e.entry
        {
            out.insert(ClaimId::of_text(&t), t);
        }
    }
    Ok(out)
}

/// An entry as the import record that would write it again, when it has one.
fn as_record(
    entry: &Entry,
    texts: &std::collections::HashMap<ClaimId, String>,
) -> Option<crate::record::Record> {
    use crate::chain::{Chain, HopSpec};
    use crate::record::{Record, ReportRecord, SourceRecord, VerdictRecord};
    Some(match entry.clone() {
        Entry::Report {
            claim,
            hops,
            url,
            published,
            added,
        } => {
            let claim = match claim {
                ClaimRef::Text(t) => t,
                ClaimRef::Id(b) => texts.get(&ClaimId(b))?.clone(),
            };
            let hops = hops
                .iter()
                .map(|h| {
                    if h.anonymous {
                        HopSpec::anonymous(&h.name)
                    } else {
                        HopSpec::named(&h.name)
                    }
                })
                .collect();
            Record::Report(ReportRecord {
                claim,
                chain: Chain::new(hops).ok()?,
                url,
                published,
                recorded: Some(crate::date::format_utc(added)),
            })
        }
        Entry::Source {
            name,
            aliases,
            homepage,
            kind,
            affiliations,
            rating,
        } => Record::Source(SourceRecord {
            name,
            aliases,
            homepage,
            kind,
            affiliations,
            rating,
        }),
        Entry::Verdict {
            claim,
            verdict,
            by,
            url,
            note,
            date,
            ..
        } => Record::Verdict(VerdictRecord {
            claim: None,
            claim_id: Some(ClaimId(claim).to_hex()),
            verdict,
            by,
            url,
            note,
            date,
        }),
        Entry::Link { a, b, link, .. } => Record::Link(crate::record::LinkRecord {
            a: ClaimId(a).to_hex(),
            b: ClaimId(b).to_hex(),
            relation: if link.same {
                crate::record::LinkRelation::Same
            } else {
                crate::record::LinkRelation::Different
            },
            by: if link.matcher.is_some() {
                crate::record::LinkAuthor::Matcher
            } else {
                crate::record::LinkAuthor::Person
            },
            score: link.matcher.as_ref().map(|m| m.score),
            model: link.matcher.as_ref().map(|m| m.model.clone()),
            threshold: link.matcher.as_ref().map(|m| m.threshold),
        }),
        Entry::Merge { .. }
        | Entry::Unlink { .. }
        | Entry::Unmerge { .. }
        | Entry::Unalias { .. }
        | Entry::Unaffiliate { .. }
        | Entry::Retract { .. }
        | Entry::Distinct { .. }
        | Entry::User { .. }
        | Entry::Commit { .. } => return None,
    })
}
