//! The sled store: an index over the ledger. **Only this module touches sled.** It
//! translates between the store's own types ([`StoredClaim`], sources, verdicts) and
//! the persisted values of [`values`], and owns the tree and key layout (documented in
//! `docs/ARCHITECTURE.md`). It never reads the ledger: a stored report is the ledger
//! offset of its entry and its resolved hops, and `db` joins the two.
//!
//! Trees (format 2):
//! - `meta`: `format` → u32 BE format version; `applied` → u64 BE ledger offset applied
//!   so far; `head` → 32-byte hash of the last applied ledger entry.
//! - `ids`: claim id (32 bytes) → claim number (u64 BE). A claim's number is the ledger
//!   offset of the entry that first recorded it (the one holding its text), so numbers
//!   grow with time and are a pure function of the ledger.
//! - `heads`: number of a group's first claim (u64 BE) → [`values::GroupV1`]: up to
//!   [`GROUP`] claims first recorded in one batch, with that batch's reports.
//! - `chunks`: claim number (u64 BE) ++ batch key (u64 BE) → [`values::ChunkV1`]: the
//!   reports a later batch added to an older claim.
//! - `sources`: source id (u32 BE) → [`values::SourceV1`].
//! - `postings`: source id (u32 BE) ++ batch key (u64 BE) → [`values::PostingV1`], the
//!   numbers of the claims in which that source appeared in that import batch.
//! - `verdicts`: claim id ++ ledger offset (u64 BE) → [`values::VerdictV1`].
//! - `merges`: absorbed source id (u32 BE) → [`values::MergeV1`], what a merge changed
//!   (for `source unmerge`).
//! - `distinct`: two source ids (u32 BE each, the smaller first) → [`values::DistinctV1`]:
//!   pairs a person said are not the same source. A store without this tree (written
//!   before it existed) has no such pairs, and its ledger none either.
//! - `links`: two claim ids (the smaller first) ++ one byte (0 a person, 1 the matcher)
//!   → [`values::LinkV1`]: the live "same"/"different" links between claims. Absent
//!   in a store written before links existed, whose ledger has none either.
//! - `users`: user name → [`values::UserV1`]: the server's users and their roles
//!   (their tokens are not here: see `users`). Absent in a store written before users
//!   existed, whose ledger has none either.
//! - `vectors`: claim id → [`values::VectorV1`], the matcher's cache of embeddings
//!   (not an index of the ledger: `diff` leaves it out, a rebuild starts it empty).
//!
//! Keys of `heads` and `chunks` grow with the ledger, so an import appends near the
//! end of those trees, and a scan of both in key order visits claims in the order they
//! were first recorded. A batch key is a ledger position fixed by the ledger alone (see
//! `db`), so replaying a range of the ledger writes the same keys and values again.

mod gate;
pub mod values;

pub use gate::{Gate, Pass};

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use url::Url;

use crate::claim::ClaimId;
use crate::error::{Error, Result};
use crate::record::{Verdict, VerdictEntry};
use crate::source::{Registry, Source, SourceId, SourceKind};
use values::{
    ChunkV1, DistinctV1, GroupV1, HeadV1, LinkV1, MergeV1, PostingV1, ReportV2, SourceV1, VectorV1,
    VerdictV1,
};

/// On-disk format version of the sled store. Format 1 kept each claim with all its
/// reports in one value under its id; format 2 had no `merges` tree. A store in an
/// older format is rebuilt from the ledger when opened (see `Database::open`).
pub const FORMAT_VERSION: u32 = 3;

/// The opened sled store, or a pinned view of it (see [`Store::pinned`]).
#[derive(Clone)]
pub struct Store {
    path: PathBuf,
    /// A pinned view reads only what lies before this ledger offset (`u64::MAX`: the
    /// live store reads everything).
    upto: u64,
    /// A pinned view's progress, as it was when it was pinned.
    pin: Option<Progress>,
    /// Closed before the first change of data a pinned view can see (see [`Gate`]).
    gate: Option<std::sync::Arc<Gate>>,
    db: sled::Db,
    meta: sled::Tree,
    ids: sled::Tree,
    heads: sled::Tree,
    chunks: sled::Tree,
    sources: sled::Tree,
    postings: sled::Tree,
    verdicts: sled::Tree,
    merges: sled::Tree,
    distinct: sled::Tree,
    links: sled::Tree,
    users: sled::Tree,
    vectors: sled::Tree,
}

/// A live link between two claims, as the store keeps it.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredLink {
    /// The claim with the smaller id.
    pub a: ClaimId,
    /// The other claim.
    pub b: ClaimId,
    /// A person's link (else the matcher's).
    pub person: bool,
    /// Same claim (else different).
    pub same: bool,
    /// The matcher's score, model and threshold.
    pub score: Option<f32>,
    pub model: Option<String>,
    pub threshold: Option<f32>,
    /// Ledger offset of the entry that recorded it.
    pub entry: u64,
}

/// A claim as the store keeps it: an index into the ledger. `db` joins it with the
/// ledger entries it points at to make a [`crate::report::Claim`].
#[derive(Clone, Debug, PartialEq)]
pub struct StoredClaim {
    /// Claim number: the ledger offset of the entry that first recorded the claim
    /// (the entry that holds its text).
    pub n: u64,
    /// Claim id.
    pub id: ClaimId,
    /// First added, seconds since 1970.
    pub added: i64,
    /// Its reports, in the order they were first recorded.
    pub reports: Vec<StoredReport>,
}

/// A report as the store keeps it.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredReport {
    /// Ledger offset of the report's entry.
    pub entry: u64,
    /// Each hop's source as resolved when the report was recorded (`None` for an
    /// anonymous hop), reader-facing first.
    pub hops: Vec<Option<SourceId>>,
}

/// What one merge changed (see [`values::MergeV1`]).
#[derive(Clone, Debug, PartialEq)]
pub struct MergeRecord {
    /// The surviving source.
    pub into: SourceId,
    /// Ledger offset of the merge entry.
    pub at: u64,
    /// Aliases the surviving source gained.
    pub aliases: Vec<String>,
    /// Affiliation labels it gained.
    pub affiliations: Vec<String>,
    /// It took the absorbed source's homepage.
    pub homepage: bool,
    /// It took the absorbed source's rating.
    pub rating: bool,
    /// Reports collapsed into others, with their claim numbers.
    pub collapsed: Vec<(u64, StoredReport)>,
}

/// How far the store has applied the ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Ledger offset just past the last applied commit.
    pub applied: u64,
    /// Hash of the last applied entry.
    pub head: [u8; 32],
}

impl Progress {
    /// Nothing applied yet: the offset just past the ledger's header.
    pub fn start() -> Progress {
        Progress {
            applied: crate::ledger::HEADER_LEN,
            head: crate::ledger::genesis_hash(),
        }
    }
}

fn map_open_error(path: &Path, e: sled::Error) -> Error {
    if let sled::Error::Io(io) = &e {
        // sled words its lock failure as "could not acquire lock" (kind Other).
        let locked = io.kind() == std::io::ErrorKind::WouldBlock
            || io.raw_os_error() == Some(11)
            || io.to_string().contains("could not acquire lock");
        if locked {
            return Error::Locked {
                path: path.to_path_buf(),
                waited: 0,
            };
        }
    }
    sled_err(e)
}

/// The library's error for a sled failure (sled's own types stay inside this module).
pub(crate) fn sled_err(e: sled::Error) -> Error {
    use crate::error::StoreFailure;
    Error::Store(match e {
        sled::Error::Io(io) => StoreFailure::Io(io),
        sled::Error::Corruption { at, .. } => StoreFailure::Corruption(match at {
            Some(at) => format!("at {at:?}"),
            None => "found while reading".into(),
        }),
        other => StoreFailure::Other(other.to_string()),
    })
}

impl Store {
    /// Open (or create) the store in directory `path`.
    pub fn open(path: &Path) -> Result<Store> {
        // sled flushes on its own every 500 ms; we flush explicitly before reporting
        // success, and the ledger is what makes writes durable.
        let db = sled::Config::new()
            .path(path)
            .cache_capacity(256 * 1024 * 1024)
            .mode(sled::Mode::HighThroughput)
            .open()
            .map_err(|e| map_open_error(path, e))?;
        let store = Store {
            path: path.to_path_buf(),
            upto: u64::MAX,
            pin: None,
            gate: None,
            meta: db.open_tree("meta").map_err(sled_err)?,
            ids: db.open_tree("ids").map_err(sled_err)?,
            heads: db.open_tree("heads").map_err(sled_err)?,
            chunks: db.open_tree("chunks").map_err(sled_err)?,
            sources: db.open_tree("sources").map_err(sled_err)?,
            postings: db.open_tree("postings").map_err(sled_err)?,
            verdicts: db.open_tree("verdicts").map_err(sled_err)?,
            merges: db.open_tree("merges").map_err(sled_err)?,
            distinct: db.open_tree("distinct").map_err(sled_err)?,
            links: db.open_tree("links").map_err(sled_err)?,
            users: db.open_tree("users").map_err(sled_err)?,
            vectors: db.open_tree("vectors").map_err(sled_err)?,
            db,
        };
        let outlets = crate::source::outlets::VERSION.to_be_bytes();
        match store.meta.get("format").map_err(sled_err)? {
            None => {
                store
                    .meta
                    .insert("format", &FORMAT_VERSION.to_be_bytes())
                    .map_err(sled_err)?;
                store.meta.insert("outlets", &outlets).map_err(sled_err)?;
            }
            Some(v) => {
                let found = u32::from_be_bytes(
                    v.as_ref()
                        .try_into()
                        .map_err(|_| Error::Corrupt("the format version is malformed".into()))?,
                );
                if found > FORMAT_VERSION {
                    return Err(Error::NewerFormat {
                        path: path.to_path_buf(),
                        found,
                        supported: FORMAT_VERSION,
                    });
                }
                if found < FORMAT_VERSION {
                    return Err(Error::OlderFormat {
                        path: path.to_path_buf(),
                        found,
                    });
                }
                // Hops were resolved with the built-in outlet table: a store made
                // with another version of it is rebuilt, never read as if it agreed.
                let table = store.meta.get("outlets").map_err(sled_err)?;
                if table.as_deref() != Some(&outlets[..]) {
                    return Err(Error::OutletsChanged {
                        path: path.to_path_buf(),
                        found: table
                            .and_then(|v| v.as_ref().try_into().ok().map(u32::from_be_bytes)),
                        now: crate::source::outlets::VERSION,
                    });
                }
            }
        }
        Ok(store)
    }

    /// How far the store at `path` applied the ledger, read without the format checks
    /// of [`Store::open`] (for the checks before a store is replaced). `Ok(None)` when
    /// there is no store or it records no progress.
    pub fn peek_progress(path: &Path) -> Result<Option<Progress>> {
        if !path.is_dir() {
            return Ok(None);
        }
        let db = sled::Config::new()
            .path(path)
            .open()
            .map_err(|e| map_open_error(path, e))?;
        let meta = db.open_tree("meta").map_err(sled_err)?;
        let (Some(a), Some(h)) = (
            meta.get("applied").map_err(sled_err)?,
            meta.get("head").map_err(sled_err)?,
        ) else {
            return Ok(None);
        };
        let bad = || Error::Corrupt("the store's progress is malformed".into());
        Ok(Some(Progress {
            applied: u64::from_be_bytes(a.as_ref().try_into().map_err(|_| bad())?),
            head: h.as_ref().try_into().map_err(|_| bad())?,
        }))
    }

    /// A view of the store as it is now, which keeps reading it so while the one
    /// writer appends the next write: every read skips what lies at or past the
    /// applied ledger offset (claim numbers, batch keys and entry offsets are all
    /// ledger positions). Writes that change what the view can see close the gate
    /// first (see [`Store::set_gate`]). Take it when no write is under way.
    pub fn pinned(&self) -> Result<Store> {
        let p = self.progress()?.unwrap_or_else(Progress::start);
        let mut view = self.clone();
        view.upto = p.applied;
        view.pin = Some(p);
        view.gate = None;
        Ok(view)
    }

    /// Close `gate` before the first change of data that a pinned view can see.
    pub fn set_gate(&mut self, gate: Option<std::sync::Arc<Gate>>) {
        self.gate = gate;
    }

    /// About to change (not only add to) what a pinned view reads: wait for its
    /// readers to leave, and hold new ones (see [`Gate`]).
    fn changing(&self) {
        if let Some(g) = &self.gate {
            g.close();
        }
    }

    /// Whether ledger position `at` is visible here.
    fn sees(&self, at: u64) -> bool {
        at < self.upto
    }

    /// Directory of the store.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Write everything to disk.
    pub fn flush(&self) -> Result<()> {
        self.db.flush().map_err(sled_err)?;
        Ok(())
    }

    // ---- progress --------------------------------------------------------------

    /// How far the ledger has been applied (`None` for a new store).
    pub fn progress(&self) -> Result<Option<Progress>> {
        if let Some(p) = self.pin {
            return Ok(Some(p));
        }
        let (Some(a), Some(h)) = (
            self.meta.get("applied").map_err(sled_err)?,
            self.meta.get("head").map_err(sled_err)?,
        ) else {
            return Ok(None);
        };
        let applied = u64::from_be_bytes(
            a.as_ref()
                .try_into()
                .map_err(|_| Error::Corrupt("the applied offset is malformed".into()))?,
        );
        let head: [u8; 32] = h
            .as_ref()
            .try_into()
            .map_err(|_| Error::Corrupt("the head hash is malformed".into()))?;
        Ok(Some(Progress { applied, head }))
    }

    /// Record how far the ledger has been applied.
    pub fn set_progress(&self, p: Progress) -> Result<()> {
        self.meta
            .insert("applied", &p.applied.to_be_bytes())
            .map_err(sled_err)?;
        self.meta.insert("head", &p.head).map_err(sled_err)?;
        Ok(())
    }

    // ---- sources ---------------------------------------------------------------

    /// Load every source into a registry.
    pub fn load_registry(&self) -> Result<Registry> {
        let mut sources = Vec::new();
        for kv in self.sources.iter() {
            let (k, v) = kv.map_err(sled_err)?;
            let id = u32::from_be_bytes(
                k.as_ref()
                    .try_into()
                    .map_err(|_| Error::Corrupt("a source key is malformed".into()))?,
            );
            let s: SourceV1 = values::decode(&v, "source")?;
            sources.push(Source {
                id: SourceId(id),
                name: s.name,
                aliases: s.aliases,
                homepage: s.homepage.as_deref().and_then(|u| Url::parse(u).ok()),
                kind: SourceKind::parse(&s.kind).unwrap_or_default(),
                affiliations: s.affiliations,
                rating: s.rating,
                merged_into: s.merged_into.map(SourceId),
            });
        }
        Registry::from_sources(sources)
    }

    /// Save sources (those created or changed).
    pub fn put_sources<'a>(&self, sources: impl IntoIterator<Item = &'a Source>) -> Result<()> {
        for s in sources {
            let v = SourceV1 {
                name: s.name.clone(),
                aliases: s.aliases.clone(),
                homepage: s.homepage.as_ref().map(|u| u.to_string()),
                kind: s.kind.as_str().to_string(),
                affiliations: s.affiliations.clone(),
                rating: s.rating,
                merged_into: s.merged_into.map(|m| m.0),
            };
            self.sources
                .insert(s.id.0.to_be_bytes(), values::encode(&v)?)
                .map_err(sled_err)?;
        }
        Ok(())
    }

    // ---- claims ----------------------------------------------------------------

    fn reports_value<'a>(reports: &[StoredReport], hops: &'a mut Vec<u8>) -> Vec<ReportV2<'a>> {
        let mut ends = Vec::with_capacity(reports.len());
        for r in reports {
            encode_hops(&r.hops, hops);
            ends.push(hops.len());
        }
        let mut start = 0;
        let hops: &'a [u8] = hops;
        reports
            .iter()
            .zip(ends)
            .map(|(r, end)| {
                let slice = &hops[start..end];
                start = end;
                ReportV2 {
                    entry: r.entry,
                    hops: slice,
                }
            })
            .collect()
    }

    fn add_reports(into: &mut Vec<StoredReport>, reports: &[ReportV2]) -> Result<()> {
        for r in reports {
            let mut hops = Vec::new();
            decode_hops(r.hops, |h| hops.push(h))?;
            into.push(StoredReport {
                entry: r.entry,
                hops,
            });
        }
        Ok(())
    }

    /// A claim of the group at key `start`, with the reports of its first batch.
    fn head_claim(start: u64, h: &HeadV1) -> Result<StoredClaim> {
        let mut c = StoredClaim {
            n: start + h.n,
            id: ClaimId(h.id),
            added: h.added,
            reports: Vec::new(),
        };
        Self::add_reports(&mut c.reports, &h.reports)?;
        Ok(c)
    }

    /// The claim number stored for a claim id.
    pub fn claim_number(&self, id: &ClaimId) -> Result<Option<u64>> {
        match self.ids.get(id.0).map_err(sled_err)? {
            Some(v) => Ok(Some(u64_of(&v, "claim number")?).filter(|n| self.sees(*n))),
            None => Ok(None),
        }
    }

    /// Whether a claim exists.
    pub fn has_claim(&self, id: &ClaimId) -> Result<bool> {
        Ok(self.claim_number(id)?.is_some())
    }

    /// Map a claim id to its number unless it has one; returns the number it had, if
    /// any (and then leaves it: a pinned view never sees a number change).
    pub fn set_claim_number(&self, id: &ClaimId, n: u64) -> Result<Option<u64>> {
        match self
            .ids
            .compare_and_swap(id.0, None::<&[u8]>, Some(&n.to_be_bytes()[..]))
            .map_err(sled_err)?
        {
            Ok(()) => Ok(None),
            Err(e) => match e.current {
                Some(v) => Ok(Some(u64_of(&v, "claim number")?)),
                None => Err(Error::Corrupt(format!("claim {id} lost its number"))),
            },
        }
    }

    /// Write a group of claims first recorded in one batch, in ascending number order
    /// (at most [`GROUP`] of them), under the number of the first.
    pub fn put_group(&self, claims: &[StoredClaim]) -> Result<()> {
        let Some(first) = claims.first() else {
            return Ok(());
        };
        let mut bufs: Vec<Vec<u8>> = claims.iter().map(|_| Vec::new()).collect();
        let mut heads = Vec::with_capacity(claims.len());
        for (c, buf) in claims.iter().zip(bufs.iter_mut()) {
            heads.push(HeadV1 {
                n: c.n - first.n,
                id: c.id.0,
                added: c.added,
                reports: Self::reports_value(&c.reports, buf),
            });
        }
        self.heads
            .insert(
                first.n.to_be_bytes(),
                values::encode(&GroupV1 { claims: heads })?,
            )
            .map_err(sled_err)?;
        Ok(())
    }

    /// Write the reports of claim `n` (first recorded in an earlier batch) new in the
    /// batch at `batch`.
    pub fn put_chunk(&self, n: u64, batch: u64, reports: &[StoredReport]) -> Result<()> {
        let mut hops = Vec::new();
        let v = ChunkV1 {
            reports: Self::reports_value(reports, &mut hops),
        };
        self.chunks
            .insert(pair_key(n, batch), values::encode(&v)?)
            .map_err(sled_err)?;
        Ok(())
    }

    /// The group holding claim `n`'s head: its key and bytes.
    fn group_of(&self, n: u64) -> Result<Option<(u64, sled::IVec)>> {
        match self.heads.range(..=n.to_be_bytes()).next_back() {
            Some(kv) => {
                let (k, v) = kv.map_err(sled_err)?;
                Ok(Some((u64_of(&k, "group key")?, v)))
            }
            None => Ok(None),
        }
    }

    /// Claim `n` as made of its head and its chunks written before batch key `before`
    /// (all of them for `u64::MAX`).
    pub fn claim_before(&self, n: u64, before: u64) -> Result<Option<StoredClaim>> {
        if !self.sees(n) {
            return Ok(None);
        }
        let before = before.min(self.upto);
        let Some((start, bytes)) = self.group_of(n)? else {
            return Ok(None);
        };
        let group: GroupV1 = values::decode_borrowed(&bytes, "claim group")?;
        let Some(h) = group.claims.iter().find(|h| start + h.n == n) else {
            return Ok(None);
        };
        let mut c = Self::head_claim(start, h)?;
        for kv in self.chunks.range(pair_key(n, 0)..pair_key(n, before)) {
            let (_, v) = kv.map_err(sled_err)?;
            let chunk: ChunkV1 = values::decode_borrowed(&v, "claim chunk")?;
            Self::add_reports(&mut c.reports, &chunk.reports)?;
        }
        Ok(Some(c))
    }

    /// Replace claim `n`'s reports recorded before batch key `before` with those of
    /// `claim`: they go into its head, and its chunks before `before` are removed.
    pub fn rewrite_claim(&self, n: u64, before: u64, claim: &StoredClaim) -> Result<()> {
        self.changing();
        let Some((start, bytes)) = self.group_of(n)? else {
            return Err(Error::Corrupt(format!("claim number {n} has no head")));
        };
        let group: GroupV1 = values::decode_borrowed(&bytes, "claim group")?;
        let mut claims = Vec::with_capacity(group.claims.len());
        for h in &group.claims {
            let mut c = Self::head_claim(start, h)?;
            if c.n == n {
                c.reports.clone_from(&claim.reports);
            }
            claims.push(c);
        }
        self.put_group(&claims)?;
        let keys: Vec<sled::IVec> = self
            .chunks
            .range(pair_key(n, 0)..pair_key(n, before))
            .keys()
            .collect::<std::result::Result<_, _>>()
            .map_err(sled_err)?;
        for k in keys {
            self.chunks.remove(k).map_err(sled_err)?;
        }
        Ok(())
    }

    /// One claim by number.
    pub fn claim_at(&self, n: u64) -> Result<Option<StoredClaim>> {
        self.claim_before(n, u64::MAX)
    }

    /// One claim by id.
    pub fn get_claim(&self, id: &ClaimId) -> Result<Option<StoredClaim>> {
        match self.claim_number(id)? {
            Some(n) => self
                .claim_at(n)?
                .map(Some)
                .ok_or_else(|| Error::Corrupt(format!("claim {id} has a number but no head"))),
            None => Ok(None),
        }
    }

    /// Every claim, in the order they were first recorded.
    pub fn claims(&self) -> impl Iterator<Item = Result<StoredClaim>> + '_ {
        let mut ready: std::collections::VecDeque<StoredClaim> = Default::default();
        let mut groups = self.heads.range(..self.upto.to_be_bytes());
        let mut chunks = Chunks::new(self.chunks.iter(), self.upto);
        let mut done = false;
        std::iter::from_fn(move || loop {
            if let Some(c) = ready.pop_front() {
                return Some(Ok(c));
            }
            if done {
                return None;
            }
            let step = (|| -> Result<bool> {
                let Some(kv) = groups.next() else {
                    chunks.finish()?;
                    return Ok(false);
                };
                let (k, v) = kv.map_err(sled_err)?;
                let start = u64_of(&k, "group key")?;
                let group: GroupV1 = values::decode_borrowed(&v, "claim group")?;
                for h in &group.claims {
                    let mut c = Self::head_claim(start, h)?;
                    chunks.each_of(c.n, |r| Self::add_reports(&mut c.reports, r))?;
                    ready.push_back(c);
                }
                Ok(true)
            })();
            match step {
                Ok(true) => {}
                Ok(false) => done = true,
                Err(e) => {
                    done = true;
                    return Some(Err(e));
                }
            }
        })
    }

    /// Visit every claim, in the order they were first recorded, with only what
    /// listings need: its number, its id, and each report's hops as engine hops
    /// (stored source ids: the caller follows merges), given as one flat buffer and a
    /// range per report. Decodes without allocating per report, and reuses its
    /// buffers.
    pub fn scan_chains(
        &self,
        mut f: impl FnMut(
            u64,
            ClaimId,
            &[std::ops::Range<usize>],
            &mut [crate::independence::Hop],
        ) -> Result<()>,
    ) -> Result<()> {
        self.scan_chains_at(|n, id, ranges, hops, _| f(n, id, ranges, hops))
    }

    /// [`Store::scan_chains`], also giving each report's ledger offset (one per
    /// range) and how many of the reports, from the first, came with the claim's
    /// first batch (the rest were added by later batches, further on in the ledger).
    pub fn scan_chains_at(
        &self,
        mut f: impl FnMut(
            u64,
            ClaimId,
            &[std::ops::Range<usize>],
            &mut [crate::independence::Hop],
            (&[u64], usize),
        ) -> Result<()>,
    ) -> Result<()> {
        use crate::independence::Hop as EHop;
        let mut hops: Vec<EHop> = Vec::new();
        let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
        let mut entries: Vec<u64> = Vec::new();
        let mut chunks = Chunks::new(self.chunks.iter(), self.upto);
        let add = |hops: &mut Vec<EHop>,
                   ranges: &mut Vec<_>,
                   entries: &mut Vec<u64>,
                   reports: &[ReportV2]| {
            for r in reports {
                let start = hops.len();
                decode_hops(r.hops, |h| {
                    hops.push(match h {
                        Some(s) => EHop::Named(s),
                        None => EHop::Anonymous,
                    })
                })?;
                ranges.push(start..hops.len());
                entries.push(r.entry);
            }
            Ok::<_, Error>(())
        };
        for kv in self.heads.range(..self.upto.to_be_bytes()) {
            let (k, v) = kv.map_err(sled_err)?;
            let start = u64_of(&k, "group key")?;
            let group: GroupV1 = values::decode_borrowed(&v, "claim group")?;
            for h in &group.claims {
                hops.clear();
                ranges.clear();
                entries.clear();
                add(&mut hops, &mut ranges, &mut entries, &h.reports)?;
                let head = entries.len();
                chunks.each_of(start + h.n, |r| {
                    add(&mut hops, &mut ranges, &mut entries, r)
                })?;
                f(
                    start + h.n,
                    ClaimId(h.id),
                    &ranges,
                    &mut hops,
                    (&entries, head),
                )?;
            }
        }
        chunks.finish()
    }

    /// Visit the number and id of every claim first recorded at or after ledger
    /// offset `from`, in that order (their reports are not decoded).
    pub fn claim_ids_from(
        &self,
        from: u64,
        mut f: impl FnMut(u64, ClaimId) -> Result<()>,
    ) -> Result<()> {
        // A group holds the claims of one batch, and no batch straddles an applied
        // offset: the groups from `from` on hold exactly the claims from `from` on.
        for kv in self
            .heads
            .range(from.to_be_bytes()..self.upto.to_be_bytes())
        {
            let (k, v) = kv.map_err(sled_err)?;
            let start = u64_of(&k, "group key")?;
            let group: GroupV1 = values::decode_borrowed(&v, "claim group")?;
            for h in &group.claims {
                f(start + h.n, ClaimId(h.id))?;
            }
        }
        Ok(())
    }

    /// Number of claims.
    pub fn claim_count(&self) -> usize {
        if self.pin.is_none() {
            return self.ids.len();
        }
        self.ids
            .iter()
            .values()
            .filter(|v| {
                v.as_ref()
                    .is_ok_and(|v| u64_of(v, "claim number").is_ok_and(|n| self.sees(n)))
            })
            .count()
    }

    /// Ids of the claims whose hex id starts with `hex_prefix` (at most `limit`).
    pub fn claims_with_prefix(&self, hex_prefix: &str, limit: usize) -> Result<Vec<ClaimId>> {
        let lower = hex_prefix.to_ascii_lowercase();
        let even = &lower[..lower.len() / 2 * 2];
        let mut bytes = Vec::with_capacity(even.len() / 2);
        for pair in even.as_bytes().chunks_exact(2) {
            let s = std::str::from_utf8(pair).map_err(|_| Error::BadPrefix(hex_prefix.into()))?;
            bytes.push(u8::from_str_radix(s, 16).map_err(|_| Error::BadPrefix(hex_prefix.into()))?);
        }
        let mut out = Vec::new();
        for kv in self.ids.scan_prefix(&bytes) {
            let (k, v) = kv.map_err(sled_err)?;
            let hex = crate::hex::encode(&k);
            if hex.starts_with(&lower) && self.sees(u64_of(&v, "claim number")?) {
                let id: [u8; 32] = k
                    .as_ref()
                    .try_into()
                    .map_err(|_| Error::Corrupt("a claim key is not 32 bytes".into()))?;
                out.push(ClaimId(id));
                if out.len() >= limit {
                    break;
                }
            }
        }
        Ok(out)
    }

    // ---- postings --------------------------------------------------------------

    /// Record that the claims numbered `claims` mention `source`, under the import
    /// batch at `batch`.
    /// The numbers must come in ascending order.
    pub fn put_posting(
        &self,
        source: SourceId,
        batch: u64,
        claims: impl IntoIterator<Item = u64>,
    ) -> Result<()> {
        let mut key = [0u8; 12];
        key[..4].copy_from_slice(&source.0.to_be_bytes());
        key[4..].copy_from_slice(&batch.to_be_bytes());
        let mut prev = 0;
        let deltas = claims
            .into_iter()
            .map(|n| {
                let d = n - prev;
                prev = n;
                d
            })
            .collect();
        self.postings
            .insert(key, values::encode(&PostingV1 { deltas })?)
            .map_err(sled_err)?;
        Ok(())
    }

    /// Numbers of the claims that mention any of `sources` (pass a source and every id
    /// merged into it).
    pub fn claim_numbers_of_sources(&self, sources: &[SourceId]) -> Result<BTreeSet<u64>> {
        let mut out = BTreeSet::new();
        for s in sources {
            for kv in self.postings.scan_prefix(s.0.to_be_bytes()) {
                let (k, v) = kv.map_err(sled_err)?;
                if k.len() == 12 && !self.sees(u64_of(&k[4..], "posting key")?) {
                    continue;
                }
                let p: PostingV1 = values::decode(&v, "posting list")?;
                let mut n = 0u64;
                for d in p.deltas {
                    n = n
                        .checked_add(d)
                        .ok_or_else(|| Error::Corrupt("a posting list overflows".into()))?;
                    out.insert(n);
                }
            }
        }
        Ok(out)
    }

    /// Take the claims `claims` out of `source`'s postings of batches before batch key
    /// `before` (a report was retracted or its hop now goes to another source). A
    /// posting left empty is removed.
    pub fn unpost(&self, source: SourceId, claims: &BTreeSet<u64>, before: u64) -> Result<()> {
        self.changing();
        let mut key = [0u8; 12];
        key[..4].copy_from_slice(&source.0.to_be_bytes());
        let end = key;
        key[4..].copy_from_slice(&before.to_be_bytes());
        let mut changes = Vec::new();
        for kv in self.postings.range(end..key) {
            let (k, v) = kv.map_err(sled_err)?;
            let p: PostingV1 = values::decode(&v, "posting list")?;
            let mut n = 0u64;
            let mut kept = Vec::with_capacity(p.deltas.len());
            for d in p.deltas {
                n = n
                    .checked_add(d)
                    .ok_or_else(|| Error::Corrupt("a posting list overflows".into()))?;
                if !claims.contains(&n) {
                    kept.push(n);
                }
            }
            changes.push((k, kept));
        }
        for (k, kept) in changes {
            if kept.is_empty() {
                self.postings.remove(k).map_err(sled_err)?;
            } else {
                let mut prev = 0;
                let deltas = kept
                    .into_iter()
                    .map(|n| {
                        let d = n - prev;
                        prev = n;
                        d
                    })
                    .collect();
                self.postings
                    .insert(k, values::encode(&PostingV1 { deltas })?)
                    .map_err(sled_err)?;
            }
        }
        Ok(())
    }

    // ---- verdicts --------------------------------------------------------------

    /// Store a verdict (idempotent: keyed by claim and ledger offset).
    pub fn put_verdict(&self, v: &VerdictEntry) -> Result<()> {
        let mut key = [0u8; 40];
        key[..32].copy_from_slice(&v.claim.0);
        key[32..].copy_from_slice(&v.seq.to_be_bytes());
        let val = VerdictV1 {
            verdict: v.verdict.as_str().to_string(),
            by: v.by.clone(),
            url: v.url.clone(),
            note: v.note.clone(),
            date: v.date.clone(),
            added: v.added,
        };
        self.verdicts
            .insert(key, values::encode(&val)?)
            .map_err(sled_err)?;
        Ok(())
    }

    fn decode_verdict(k: &[u8], v: &[u8]) -> Result<VerdictEntry> {
        if k.len() != 40 {
            return Err(Error::Corrupt("a verdict key is not 40 bytes".into()));
        }
        let mut claim = [0u8; 32];
        claim.copy_from_slice(&k[..32]);
        let mut seq = [0u8; 8];
        seq.copy_from_slice(&k[32..]);
        let val: VerdictV1 = values::decode(v, "verdict")?;
        Ok(VerdictEntry {
            claim: ClaimId(claim),
            verdict: Verdict::parse(&val.verdict)
                .map_err(|_| Error::Corrupt(format!("unknown stored verdict {:?}", val.verdict)))?,
            by: val.by,
            url: val.url,
            note: val.note,
            date: val.date,
            added: val.added,
            seq: u64::from_be_bytes(seq),
        })
    }

    /// Verdicts on one claim, oldest first.
    pub fn verdicts_of(&self, claim: &ClaimId) -> Result<Vec<VerdictEntry>> {
        self.verdicts
            .scan_prefix(claim.0)
            .map(|kv| {
                let (k, v) = kv.map_err(sled_err)?;
                Self::decode_verdict(&k, &v)
            })
            .filter(|v| v.as_ref().map_or(true, |v| self.sees(v.seq)))
            .collect()
    }

    /// Every verdict, by claim then age.
    pub fn verdicts(&self) -> impl Iterator<Item = Result<VerdictEntry>> + '_ {
        self.verdicts
            .iter()
            .map(|kv| {
                let (k, v) = kv.map_err(sled_err)?;
                Self::decode_verdict(&k, &v)
            })
            .filter(|v| v.as_ref().map_or(true, |v| self.sees(v.seq)))
    }

    /// Remove a verdict (a retraction); removing one that is not there does nothing.
    pub fn remove_verdict(&self, claim: &ClaimId, seq: u64) -> Result<bool> {
        self.changing();
        let mut key = [0u8; 40];
        key[..32].copy_from_slice(&claim.0);
        key[32..].copy_from_slice(&seq.to_be_bytes());
        Ok(self.verdicts.remove(key).map_err(sled_err)?.is_some())
    }

    // ---- merges ----------------------------------------------------------------

    /// Record what merging `from` changed.
    pub fn put_merge(&self, from: SourceId, m: &MergeRecord) -> Result<()> {
        self.changing();
        let v = MergeV1 {
            into: m.into.0,
            at: m.at,
            aliases: m.aliases.clone(),
            affiliations: m.affiliations.clone(),
            homepage: m.homepage,
            rating: m.rating,
            collapsed: m
                .collapsed
                .iter()
                .map(|(n, r)| {
                    let mut hops = Vec::new();
                    encode_hops(&r.hops, &mut hops);
                    (*n, r.entry, hops)
                })
                .collect(),
        };
        self.merges
            .insert(from.0.to_be_bytes(), values::encode(&v)?)
            .map_err(sled_err)?;
        Ok(())
    }

    /// What merging `from` changed, if it is merged.
    pub fn merge_of(&self, from: SourceId) -> Result<Option<MergeRecord>> {
        let Some(v) = self.merges.get(from.0.to_be_bytes()).map_err(sled_err)? else {
            return Ok(None);
        };
        let m: MergeV1 = values::decode(&v, "merge record")?;
        let mut collapsed = Vec::with_capacity(m.collapsed.len());
        for (n, entry, bytes) in m.collapsed {
            let mut hops = Vec::new();
            decode_hops(&bytes, |h| hops.push(h))?;
            collapsed.push((n, StoredReport { entry, hops }));
        }
        Ok(Some(MergeRecord {
            into: SourceId(m.into),
            at: m.at,
            aliases: m.aliases,
            affiliations: m.affiliations,
            homepage: m.homepage,
            rating: m.rating,
            collapsed,
        }))
    }

    /// Forget what merging `from` changed (after an unmerge).
    pub fn remove_merge(&self, from: SourceId) -> Result<()> {
        self.changing();
        self.merges.remove(from.0.to_be_bytes()).map_err(sled_err)?;
        Ok(())
    }

    // ---- distinct pairs --------------------------------------------------------

    /// Record that sources `a` and `b` are not the same (idempotent; the pair is kept
    /// in id order, `entry` is the ledger offset of the `distinct` entry).
    pub fn put_distinct(&self, a: SourceId, b: SourceId, entry: u64) -> Result<()> {
        self.changing();
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let mut key = [0u8; 8];
        key[..4].copy_from_slice(&lo.0.to_be_bytes());
        key[4..].copy_from_slice(&hi.0.to_be_bytes());
        self.distinct
            .insert(key, values::encode(&DistinctV1 { entry })?)
            .map_err(sled_err)?;
        Ok(())
    }

    /// Every pair recorded by [`Store::put_distinct`], as the ids were when it was
    /// recorded (follow merges with `Registry::canonical`).
    pub fn distinct_pairs(&self) -> Result<Vec<(SourceId, SourceId)>> {
        self.distinct
            .iter()
            .map(|kv| {
                let (k, v) = kv.map_err(sled_err)?;
                let _: DistinctV1 = values::decode(&v, "distinct pair")?;
                if k.len() != 8 {
                    return Err(Error::Corrupt("a distinct-pair key is not 8 bytes".into()));
                }
                let id = |b: &[u8]| SourceId(u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
                Ok((id(&k[..4]), id(&k[4..])))
            })
            .collect()
    }

    // ---- users ------------------------------------------------------------------

    /// Record a user's role (a new user, or a new role), with the ledger offset of the
    /// entry that set it.
    pub fn put_user(&self, name: &str, role: &str, entry: u64) -> Result<()> {
        self.changing();
        let v = values::UserV1 {
            role: role.to_string(),
            entry,
        };
        self.users
            .insert(name.as_bytes(), values::encode(&v)?)
            .map_err(sled_err)?;
        Ok(())
    }

    /// Remove a user; true when there was one.
    pub fn remove_user(&self, name: &str) -> Result<bool> {
        self.changing();
        Ok(self
            .users
            .remove(name.as_bytes())
            .map_err(sled_err)?
            .is_some())
    }

    /// A user's role, when the user exists.
    pub fn user_role(&self, name: &str) -> Result<Option<String>> {
        match self.users.get(name.as_bytes()).map_err(sled_err)? {
            None => Ok(None),
            Some(v) => {
                let v: values::UserV1 = values::decode(&v, "user")?;
                Ok(Some(v.role))
            }
        }
    }

    /// Every user and role, by name.
    pub fn users(&self) -> Result<Vec<(String, String)>> {
        self.users
            .iter()
            .map(|kv| {
                let (k, v) = kv.map_err(sled_err)?;
                let v: values::UserV1 = values::decode(&v, "user")?;
                Ok((String::from_utf8_lossy(&k).into_owned(), v.role))
            })
            .collect()
    }

    // ---- claim links ----------------------------------------------------------

    fn link_key(a: &ClaimId, b: &ClaimId, person: bool) -> [u8; 65] {
        let (lo, hi) = if a.0 <= b.0 { (a, b) } else { (b, a) };
        let mut key = [0u8; 65];
        key[..32].copy_from_slice(&lo.0);
        key[32..64].copy_from_slice(&hi.0);
        key[64] = u8::from(!person);
        key
    }

    /// Record a link (replacing the same author's earlier link of the pair).
    pub fn put_link(&self, l: &StoredLink) -> Result<()> {
        self.changing();
        let v = LinkV1 {
            same: l.same,
            score: l.score,
            model: l.model.clone(),
            threshold: l.threshold,
            entry: l.entry,
        };
        self.links
            .insert(Self::link_key(&l.a, &l.b, l.person), values::encode(&v)?)
            .map_err(sled_err)?;
        Ok(())
    }

    /// Remove every link of a pair; true when there was one.
    pub fn remove_links(&self, a: &ClaimId, b: &ClaimId) -> Result<bool> {
        self.changing();
        let p = self
            .links
            .remove(Self::link_key(a, b, true))
            .map_err(sled_err)?
            .is_some();
        let m = self
            .links
            .remove(Self::link_key(a, b, false))
            .map_err(sled_err)?
            .is_some();
        Ok(p || m)
    }

    /// Every live link, in key order.
    pub fn links(&self) -> Result<Vec<StoredLink>> {
        self.links
            .iter()
            .map(|kv| {
                let (k, v) = kv.map_err(sled_err)?;
                if k.len() != 65 {
                    return Err(Error::Corrupt("a link key is not 65 bytes".into()));
                }
                let v: LinkV1 = values::decode(&v, "claim link")?;
                let id = |b: &[u8]| {
                    let mut x = [0u8; 32];
                    x.copy_from_slice(b);
                    ClaimId(x)
                };
                Ok(StoredLink {
                    a: id(&k[..32]),
                    b: id(&k[32..64]),
                    person: k[64] == 0,
                    same: v.same,
                    score: v.score,
                    model: v.model,
                    threshold: v.threshold,
                    entry: v.entry,
                })
            })
            .collect()
    }

    // ---- the matcher's vectors ------------------------------------------------

    /// Store a claim's vector under a model id.
    pub fn put_vector(&self, id: &ClaimId, model: &str, vector: &[f32]) -> Result<()> {
        let v = VectorV1 {
            model: model.to_string(),
            vector: vector.to_vec(),
        };
        self.vectors
            .insert(id.0, values::encode(&v)?)
            .map_err(sled_err)?;
        Ok(())
    }

    /// The model id a claim's stored vector was made with, if any.
    pub fn vector_model(&self, id: &ClaimId) -> Result<Option<String>> {
        match self.vectors.get(id.0).map_err(sled_err)? {
            None => Ok(None),
            Some(v) => {
                let v: VectorV1 = values::decode(&v, "claim vector")?;
                Ok(Some(v.model))
            }
        }
    }

    /// A claim's stored vector, when it was made with `model`.
    pub fn vector(&self, id: &ClaimId, model: &str) -> Result<Option<Vec<f32>>> {
        match self.vectors.get(id.0).map_err(sled_err)? {
            None => Ok(None),
            Some(v) => {
                let v: VectorV1 = values::decode(&v, "claim vector")?;
                Ok((v.model == model).then_some(v.vector))
            }
        }
    }

    /// Hand every stored vector made with `model` to `f`, one at a time. A visitor,
    /// not a list: at a million claims the list was 1.5 GB of small vectors held until
    /// the corpus was filled and then freed all at once; without it the load's peak
    /// is 1.6 GB lower and the first `similar` after the load took 35 ms instead of
    /// 80 (an A/B pair, docs/benchmarks.md, "Claim matching"), which fits the
    /// allocator sorting that freed garbage on the next large allocation.
    pub fn each_vector(&self, model: &str, mut f: impl FnMut(ClaimId, &[f32])) -> Result<()> {
        for kv in self.vectors.iter() {
            let (k, v) = kv.map_err(sled_err)?;
            let v: VectorV1 = values::decode(&v, "claim vector")?;
            if v.model == model && k.len() == 32 {
                let mut x = [0u8; 32];
                x.copy_from_slice(&k);
                f(ClaimId(x), &v.vector);
            }
        }
        Ok(())
    }

    /// Compare every tree except `meta` with another store, key by key. Returns a
    /// description of the first difference of each tree.
    pub fn diff(&self, other: &Store) -> Result<Vec<String>> {
        let mut out = Vec::new();
        let pairs = [
            ("ids", &self.ids, &other.ids),
            ("heads", &self.heads, &other.heads),
            ("chunks", &self.chunks, &other.chunks),
            ("sources", &self.sources, &other.sources),
            ("postings", &self.postings, &other.postings),
            ("verdicts", &self.verdicts, &other.verdicts),
            ("merges", &self.merges, &other.merges),
            ("distinct", &self.distinct, &other.distinct),
            ("links", &self.links, &other.links),
            ("users", &self.users, &other.users),
        ];
        for (name, a, b) in pairs {
            let mut ia = a.iter();
            let mut ib = b.iter();
            loop {
                match (
                    ia.next().transpose().map_err(sled_err)?,
                    ib.next().transpose().map_err(sled_err)?,
                ) {
                    (None, None) => break,
                    (Some((k, _)), None) => {
                        out.push(format!(
                            "{name}: the store has key {} that the ledger does not produce",
                            describe_key(name, &k)
                        ));
                        break;
                    }
                    (None, Some((k, _))) => {
                        out.push(format!(
                            "{name}: the ledger produces key {} that the store lacks",
                            describe_key(name, &k)
                        ));
                        break;
                    }
                    (Some((ka, va)), Some((kb, vb))) => {
                        if ka != kb {
                            out.push(format!(
                                "{name}: the store has key {} where the ledger produces {}",
                                describe_key(name, &ka),
                                describe_key(name, &kb)
                            ));
                            break;
                        }
                        if va != vb {
                            out.push(format!(
                                "{name}: the value at key {} differs from what the ledger produces",
                                describe_key(name, &ka)
                            ));
                            break;
                        }
                    }
                }
            }
        }
        Ok(out)
    }
}

fn describe_key(tree: &str, k: &[u8]) -> String {
    match tree {
        "ids" | "verdicts" if k.len() >= 32 => crate::hex::encode(&k[..32]),
        "heads" if k.len() == 8 => match u64_of(k, "group key") {
            Ok(n) => format!("claim number {n}"),
            Err(_) => crate::hex::encode(k),
        },
        "chunks" if k.len() == 16 => match pair_of(k) {
            Ok((n, b)) => format!("claim number {n}, batch {b}"),
            Err(_) => crate::hex::encode(k),
        },
        "sources" if k.len() == 4 => {
            format!("source #{}", u32::from_be_bytes([k[0], k[1], k[2], k[3]]))
        }
        _ => crate::hex::encode(k),
    }
}

/// Key of a claim number and batch key (both u64 big-endian, so keys sort by number
/// then batch).
fn pair_key(n: u64, batch: u64) -> [u8; 16] {
    let mut k = [0u8; 16];
    k[..8].copy_from_slice(&n.to_be_bytes());
    k[8..].copy_from_slice(&batch.to_be_bytes());
    k
}

/// The claim number and batch key of a `chunks` key.
fn pair_of(k: &[u8]) -> Result<(u64, u64)> {
    if k.len() != 16 {
        return Err(Error::Corrupt("a claim chunk key is not 16 bytes".into()));
    }
    Ok((
        u64_of(&k[..8], "claim number")?,
        u64_of(&k[8..], "batch key")?,
    ))
}

fn u64_of(b: &[u8], what: &str) -> Result<u64> {
    Ok(u64::from_be_bytes(b.try_into().map_err(|_| {
        Error::Corrupt(format!("a stored {what} is not 8 bytes"))
    })?))
}

/// Most claims in one group of tree `heads`. Groups are cut at fixed positions of a
/// batch's new claims (in number order), so a replayed batch writes the same groups.
pub const GROUP: usize = 64;

/// Walks tree `chunks` alongside a scan of `heads` (both in claim-number order),
/// handing out each claim's chunks in turn.
struct Chunks {
    it: sled::Iter,
    next: Option<(u64, sled::IVec)>,
    /// Chunks of batches at or past this ledger offset are skipped (a pinned view).
    upto: u64,
}

impl Chunks {
    fn new(it: sled::Iter, upto: u64) -> Chunks {
        Chunks {
            it,
            next: None,
            upto,
        }
    }

    fn peek(&mut self) -> Result<Option<u64>> {
        while self.next.is_none() {
            let Some(kv) = self.it.next() else { break };
            let (k, v) = kv.map_err(sled_err)?;
            let (n, batch) = pair_of(&k)?;
            if batch < self.upto {
                self.next = Some((n, v));
            }
        }
        Ok(self.next.as_ref().map(|(n, _)| *n))
    }

    /// Call `f` with the reports of each chunk of claim `n`, in batch order. A chunk of
    /// an earlier number was skipped: it belongs to no claim.
    fn each_of(&mut self, n: u64, mut f: impl FnMut(&[ReportV2]) -> Result<()>) -> Result<()> {
        while let Some(m) = self.peek()? {
            if m > n {
                break;
            }
            if m < n {
                return Err(orphan(m));
            }
            if let Some((_, v)) = self.next.take() {
                let chunk: ChunkV1 = values::decode_borrowed(&v, "claim chunk")?;
                f(&chunk.reports)?;
            }
        }
        Ok(())
    }

    /// Check that no chunk is left over at the end of a scan.
    fn finish(&mut self) -> Result<()> {
        match self.peek()? {
            Some(m) => Err(orphan(m)),
            None => Ok(()),
        }
    }
}

fn orphan(n: u64) -> Error {
    Error::Corrupt(format!(
        "reports are stored for claim number {n}, which has no head"
    ))
}

/// Append hops to `out` as varints: source id + 1, or 0 for an anonymous hop.
fn encode_hops(hops: &[Option<SourceId>], out: &mut Vec<u8>) {
    for h in hops {
        let mut v = h.map_or(0u64, |s| u64::from(s.0) + 1);
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                out.push(byte);
                break;
            }
            out.push(byte | 0x80);
        }
    }
}

/// Decode hops written by [`encode_hops`], calling `f` for each.
fn decode_hops(mut bytes: &[u8], mut f: impl FnMut(Option<SourceId>)) -> Result<()> {
    let bad = || Error::Corrupt("a stored chain is malformed".into());
    while !bytes.is_empty() {
        let mut v: u64 = 0;
        let mut shift = 0;
        loop {
            let (&b, rest) = bytes.split_first().ok_or_else(bad)?;
            bytes = rest;
            if shift > 28 {
                return Err(bad());
            }
            v |= u64::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                break;
            }
        }
        f(match v {
            0 => None,
            v => Some(SourceId(u32::try_from(v - 1).map_err(|_| bad())?)),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hops_round_trip_through_varints() {
        let hops = vec![
            Some(SourceId(0)),
            None,
            Some(SourceId(127)),
            Some(SourceId(128)),
            Some(SourceId(u32::MAX - 1)),
            Some(SourceId(u32::MAX)),
        ];
        let mut bytes = Vec::new();
        encode_hops(&hops, &mut bytes);
        let mut back = Vec::new();
        decode_hops(&bytes, |h| back.push(h)).unwrap();
        assert_eq!(back, hops);
        let mut bytes = Vec::new();
        encode_hops(&[Some(SourceId(0)), None], &mut bytes);
        assert_eq!(bytes, vec![1, 0]);
        assert!(decode_hops(&[0x80], |_| {}).is_err());
        assert!(decode_hops(&[0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], |_| {}).is_err());
    }

    fn claim(n: u64, entries: &[u64]) -> StoredClaim {
        StoredClaim {
            n,
            id: ClaimId([n as u8; 32]),
            added: 5,
            reports: entries
                .iter()
                .map(|&e| StoredReport {
                    entry: e,
                    hops: vec![Some(SourceId(e as u32)), None],
                })
                .collect(),
        }
    }

    #[test]
    fn groups_and_later_chunks_read_back_as_whole_claims() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store
            .put_group(&[
                claim(100, &[100, 110]),
                claim(130, &[130]),
                claim(170, &[170]),
            ])
            .unwrap();
        store.put_group(&[claim(900, &[900])]).unwrap();
        store
            .put_chunk(130, 500, &claim(0, &[520, 530]).reports)
            .unwrap();
        store
            .put_chunk(130, 800, &claim(0, &[810]).reports)
            .unwrap();

        let whole = claim(130, &[130, 520, 530, 810]);
        assert_eq!(store.claim_at(130).unwrap(), Some(whole.clone()));
        assert_eq!(
            store.claim_before(130, 800).unwrap(),
            Some(claim(130, &[130, 520, 530]))
        );
        assert_eq!(store.claim_at(120).unwrap(), None);
        assert_eq!(store.claim_at(50).unwrap(), None);
        let all: Vec<StoredClaim> = store.claims().map(|c| c.unwrap()).collect();
        assert_eq!(
            all,
            vec![
                claim(100, &[100, 110]),
                whole,
                claim(170, &[170]),
                claim(900, &[900])
            ]
        );
        let mut seen = Vec::new();
        store
            .scan_chains(|n, _, ranges, hops| {
                seen.push((n, ranges.len(), hops.len()));
                Ok(())
            })
            .unwrap();
        assert_eq!(
            seen,
            vec![(100, 2, 4), (130, 4, 8), (170, 1, 2), (900, 1, 2)]
        );

        // A merge folds what came before it into the head and drops those chunks.
        store
            .rewrite_claim(130, 800, &claim(130, &[130, 530]))
            .unwrap();
        assert_eq!(
            store.claim_at(130).unwrap(),
            Some(claim(130, &[130, 530, 810]))
        );
        assert_eq!(store.claim_at(170).unwrap(), Some(claim(170, &[170])));

        // Reports of a claim without a head are damage, and scans say so.
        store
            .put_chunk(120, 500, &claim(0, &[521]).reports)
            .unwrap();
        assert!(store.claims().any(|c| c.is_err()));
        assert!(store.scan_chains(|_, _, _, _| Ok(())).is_err());
    }
}
