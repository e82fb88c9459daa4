//! The sled store: the materialized view of the ledger. **Only this module touches
//! sled.** It translates between domain types and the persisted values of
//! [`values`], and owns the tree and key layout (documented in
//! `docs/ARCHITECTURE.md`).
//!
//! Trees:
//! - `meta`: `format` → u32 BE format version; `applied` → u64 BE ledger offset applied
//!   so far; `head` → 32-byte hash of the last applied ledger entry.
//! - `claims`: claim id (32 bytes) → [`values::ClaimV1`], the claim with all its
//!   reports in one value (one read serves `show`; one write per claim per batch).
//! - `sources`: source id (u32 BE) → [`values::SourceV1`].
//! - `postings`: source id (u32 BE) ++ batch offset (u64 BE) → claim ids (32 bytes each)
//!   of the claims in which that source appeared in that import batch.
//! - `verdicts`: claim id ++ ledger offset (u64 BE) → [`values::VerdictV1`].

pub mod values;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use url::Url;

use crate::claim::{Claim, ClaimId};
use crate::error::{Error, Result};
use crate::record::{Verdict, VerdictEntry};
use crate::report::{Hop, Report, ReportId};
use crate::source::{Registry, Source, SourceId, SourceKind};
use values::{ClaimV1, HopV1, ReportV1, SourceV1, VerdictV1};

/// On-disk format version of the sled store.
pub const FORMAT_VERSION: u32 = 1;

/// The opened sled store.
pub struct Store {
    path: PathBuf,
    db: sled::Db,
    meta: sled::Tree,
    claims: sled::Tree,
    sources: sled::Tree,
    postings: sled::Tree,
    verdicts: sled::Tree,
}

/// How far the store has applied the ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Ledger offset just past the last applied commit.
    pub applied: u64,
    /// Hash of the last applied entry.
    pub head: [u8; 32],
}

fn map_open_error(path: &Path, e: sled::Error) -> Error {
    if let sled::Error::Io(io) = &e {
        if io.kind() == std::io::ErrorKind::WouldBlock || io.raw_os_error() == Some(11) {
            return Error::Locked(path.to_path_buf());
        }
    }
    Error::Store(e)
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
            meta: db.open_tree("meta")?,
            claims: db.open_tree("claims")?,
            sources: db.open_tree("sources")?,
            postings: db.open_tree("postings")?,
            verdicts: db.open_tree("verdicts")?,
            db,
        };
        match store.meta.get("format")? {
            None => {
                store.meta.insert("format", &FORMAT_VERSION.to_be_bytes())?;
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
            }
        }
        Ok(store)
    }

    /// Directory of the store.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Write everything to disk.
    pub fn flush(&self) -> Result<()> {
        self.db.flush()?;
        Ok(())
    }

    // ---- progress --------------------------------------------------------------

    /// How far the ledger has been applied (`None` for a new store).
    pub fn progress(&self) -> Result<Option<Progress>> {
        let (Some(a), Some(h)) = (self.meta.get("applied")?, self.meta.get("head")?) else {
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
        self.meta.insert("applied", &p.applied.to_be_bytes())?;
        self.meta.insert("head", &p.head)?;
        Ok(())
    }

    // ---- sources ---------------------------------------------------------------

    /// Load every source into a registry.
    pub fn load_registry(&self) -> Result<Registry> {
        let mut sources = Vec::new();
        for kv in self.sources.iter() {
            let (k, v) = kv?;
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
                .insert(s.id.0.to_be_bytes(), values::encode(&v)?)?;
        }
        Ok(())
    }

    // ---- claims ----------------------------------------------------------------

    fn claim_from_value(id: ClaimId, v: ClaimV1) -> Claim {
        let reports = v
            .reports
            .into_iter()
            .map(|r| Report {
                id: ReportId(r.id),
                claim: id,
                hops: r
                    .hops
                    .into_iter()
                    .map(|h| match h {
                        HopV1::Named(s, written) => Hop::Named {
                            source: SourceId(s),
                            written,
                        },
                        HopV1::Anonymous(d) => Hop::Anonymous(d),
                    })
                    .collect(),
                url: r.url,
                published: r.published,
                added: r.added,
            })
            .collect();
        Claim {
            id,
            text: v.text,
            added: v.added,
            reports,
        }
    }

    fn claim_to_value(c: &Claim) -> ClaimV1 {
        ClaimV1 {
            text: c.text.clone(),
            added: c.added,
            reports: c
                .reports
                .iter()
                .map(|r| ReportV1 {
                    id: r.id.0,
                    hops: r
                        .hops
                        .iter()
                        .map(|h| match h {
                            Hop::Named { source, written } => {
                                HopV1::Named(source.0, written.clone())
                            }
                            Hop::Anonymous(d) => HopV1::Anonymous(d.clone()),
                        })
                        .collect(),
                    url: r.url.clone(),
                    published: r.published.clone(),
                    added: r.added,
                })
                .collect(),
        }
    }

    fn decode_claim(k: &[u8], v: &[u8]) -> Result<Claim> {
        let id = ClaimId(
            k.try_into()
                .map_err(|_| Error::Corrupt("a claim key is not 32 bytes".into()))?,
        );
        Ok(Self::claim_from_value(id, values::decode(v, "claim")?))
    }

    /// One claim by id.
    pub fn get_claim(&self, id: &ClaimId) -> Result<Option<Claim>> {
        match self.claims.get(id.0)? {
            Some(v) => Ok(Some(Self::decode_claim(&id.0, &v)?)),
            None => Ok(None),
        }
    }

    /// Whether a claim exists.
    pub fn has_claim(&self, id: &ClaimId) -> Result<bool> {
        Ok(self.claims.contains_key(id.0)?)
    }

    /// Write a claim (replacing the stored value).
    pub fn put_claim(&self, c: &Claim) -> Result<()> {
        self.claims
            .insert(c.id.0, values::encode(&Self::claim_to_value(c))?)?;
        Ok(())
    }

    /// Every claim, in id order.
    pub fn claims(&self) -> impl Iterator<Item = Result<Claim>> + '_ {
        self.claims.iter().map(|kv| {
            let (k, v) = kv?;
            Self::decode_claim(&k, &v)
        })
    }

    /// Visit every claim with only what listings need: its id, text, and each
    /// report's hops as engine hops (stored source ids: the caller follows merges),
    /// given as one flat buffer and a range per report. Decodes without allocating per
    /// string, and reuses its buffers across claims.
    pub fn scan_chains(
        &self,
        mut f: impl FnMut(
            ClaimId,
            &str,
            &[std::ops::Range<usize>],
            &mut [crate::independence::Hop],
        ) -> Result<()>,
    ) -> Result<()> {
        use crate::independence::Hop as EHop;
        let mut hops: Vec<EHop> = Vec::new();
        let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
        for kv in self.claims.iter() {
            let (k, v) = kv?;
            let id = ClaimId(
                k.as_ref()
                    .try_into()
                    .map_err(|_| Error::Corrupt("a claim key is not 32 bytes".into()))?,
            );
            let c: values::ClaimLiteV1 = values::decode_borrowed(&v, "claim")?;
            hops.clear();
            ranges.clear();
            for r in &c.reports {
                let start = hops.len();
                hops.extend(r.hops.iter().map(|h| match h {
                    values::HopLiteV1::Named(s, _) => EHop::Named(SourceId(*s)),
                    values::HopLiteV1::Anonymous(_) => EHop::Anonymous,
                }));
                ranges.push(start..hops.len());
            }
            f(id, c.text, &ranges, &mut hops)?;
        }
        Ok(())
    }

    /// Number of claims.
    pub fn claim_count(&self) -> usize {
        self.claims.len()
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
        for k in self.claims.scan_prefix(&bytes).keys() {
            let k = k?;
            let hex = crate::hex::encode(&k);
            if hex.starts_with(&lower) {
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

    /// Record that `claims` mention `source`, under the import batch at `batch`.
    pub fn put_posting(
        &self,
        source: SourceId,
        batch: u64,
        claims: &BTreeSet<ClaimId>,
    ) -> Result<()> {
        let mut key = [0u8; 12];
        key[..4].copy_from_slice(&source.0.to_be_bytes());
        key[4..].copy_from_slice(&batch.to_be_bytes());
        let mut v = Vec::with_capacity(claims.len() * 32);
        for c in claims {
            v.extend_from_slice(&c.0);
        }
        self.postings.insert(key, v)?;
        Ok(())
    }

    /// Claims that mention any of `sources` (pass a source and every id merged into it).
    pub fn claims_of_sources(&self, sources: &[SourceId]) -> Result<BTreeSet<ClaimId>> {
        let mut out = BTreeSet::new();
        for s in sources {
            for kv in self.postings.scan_prefix(s.0.to_be_bytes()) {
                let (_, v) = kv?;
                if v.len() % 32 != 0 {
                    return Err(Error::Corrupt("a posting list is malformed".into()));
                }
                for chunk in v.chunks_exact(32) {
                    let mut id = [0u8; 32];
                    id.copy_from_slice(chunk);
                    out.insert(ClaimId(id));
                }
            }
        }
        Ok(out)
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
        self.verdicts.insert(key, values::encode(&val)?)?;
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
                let (k, v) = kv?;
                Self::decode_verdict(&k, &v)
            })
            .collect()
    }

    /// Every verdict, by claim then age.
    pub fn verdicts(&self) -> impl Iterator<Item = Result<VerdictEntry>> + '_ {
        self.verdicts.iter().map(|kv| {
            let (k, v) = kv?;
            Self::decode_verdict(&k, &v)
        })
    }

    /// Compare every tree except `meta` with another store, key by key. Returns a
    /// description of the first difference of each tree.
    pub fn diff(&self, other: &Store) -> Result<Vec<String>> {
        let mut out = Vec::new();
        let pairs = [
            ("claims", &self.claims, &other.claims),
            ("sources", &self.sources, &other.sources),
            ("postings", &self.postings, &other.postings),
            ("verdicts", &self.verdicts, &other.verdicts),
        ];
        for (name, a, b) in pairs {
            let mut ia = a.iter();
            let mut ib = b.iter();
            loop {
                match (ia.next().transpose()?, ib.next().transpose()?) {
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
        "claims" | "verdicts" if k.len() >= 32 => crate::hex::encode(&k[..32]),
        "sources" if k.len() == 4 => {
            format!("source #{}", u32::from_be_bytes([k[0], k[1], k[2], k[3]]))
        }
        _ => crate::hex::encode(k),
    }
}
