//! Reads: claim groups, claims by id and prefix, scans in claim-number order, verdicts,
//! a source's claims, and joining a stored claim with its ledger entries.

use super::*;

impl Database {
    /// The claim groups, from the live links.
    pub fn groups(&self) -> Result<Groups> {
        let links = self.store.links()?;
        Ok(Groups::build(links, |c| {
            self.store.claim_number(c).ok().flatten()
        }))
    }

    /// A claim's whole group as one claim: the representative's id, text and time, and
    /// the reports of every member (members in record order, each one's reports in
    /// theirs). Also returns, per report, the id of the wording it reported.
    pub fn group_claim(&self, groups: &Groups, id: &ClaimId) -> Result<(Claim, Vec<ClaimId>)> {
        let members = groups.members(id);
        let mut merged: Option<Claim> = None;
        let mut wording = Vec::new();
        for m in &members {
            let c = self.claim(m)?;
            wording.extend(std::iter::repeat_n(*m, c.reports.len()));
            match &mut merged {
                None => merged = Some(c),
                Some(g) => g.reports.extend(c.reports),
            }
        }
        Ok((merged.expect("a group has a member"), wording))
    }

    /// Verdicts on any claim of `id`'s group, oldest first.
    pub fn group_verdicts(&self, groups: &Groups, id: &ClaimId) -> Result<Vec<VerdictEntry>> {
        let mut out = Vec::new();
        for m in groups.members(id) {
            out.extend(self.verdicts_of(&m)?);
        }
        out.sort_by_key(|v| v.seq);
        Ok(out)
    }

    /// Every claim group as one claim (see [`Database::group_claim`]), in the order
    /// their representatives were first recorded.
    pub fn group_claims<'a>(
        &'a self,
        groups: &'a Groups,
    ) -> impl Iterator<Item = Result<Claim>> + 'a {
        self.claims().filter_map(move |c| match c {
            Err(e) => Some(Err(e)),
            Ok(c) => match groups.group_of(&c.id) {
                None => Some(Ok(c)),
                Some(g) if g.members[0] == c.id => {
                    Some(self.group_claim(groups, &c.id).map(|(c, _)| c))
                }
                Some(_) => None,
            },
        })
    }

    /// The pairs of live sources recorded as distinct (see [`Database::distinct`]),
    /// following merges made since, each in id order, sorted and without repeats.
    pub fn distinct_pairs(&self) -> Result<Vec<(SourceId, SourceId)>> {
        canonical_pairs(&self.store, &self.reg)
    }

    // ---- reads -----------------------------------------------------------------

    /// Resolve a full id or a unique prefix (≥ 4 hex digits) to a claim id.
    pub fn resolve_claim(&self, prefix: &str) -> Result<ClaimId> {
        let p = prefix.trim();
        if p.len() < 4 || p.len() > 64 || !crate::hex::is_hex(p) {
            return Err(Error::BadPrefix(prefix.to_string()));
        }
        let ids = self.store.claims_with_prefix(p, 11)?;
        match ids.len() {
            0 => Err(Error::NoSuchClaim(p.to_string())),
            1 => Ok(ids[0]),
            _ => {
                let mut candidates = Vec::new();
                for id in ids.iter().take(10) {
                    let text = self.claim(id)?.text.chars().take(60).collect::<String>();
                    candidates.push(format!("  {}  {}", id.to_hex(), text));
                }
                if ids.len() > 10 {
                    candidates.push("  …".into());
                }
                Err(Error::AmbiguousPrefix {
                    prefix: p.to_string(),
                    candidates,
                })
            }
        }
    }

    /// One claim by id.
    pub fn claim(&self, id: &ClaimId) -> Result<Claim> {
        let c = self
            .store
            .get_claim(id)?
            .ok_or_else(|| Error::NoSuchClaim(id.to_hex()))?;
        let mut texts = self.ledger.cursor(POINT_WINDOW);
        let mut entries = self.ledger.cursor(POINT_WINDOW);
        join(&mut texts, &mut entries, &self.reg, c)
    }

    /// Every claim, in the order they were first recorded.
    pub fn claims(&self) -> impl Iterator<Item = Result<Claim>> + '_ {
        let mut texts = self.ledger.cursor(SCAN_WINDOW);
        let mut entries = self.ledger.cursor(POINT_WINDOW);
        self.store
            .claims()
            .map(move |c| join(&mut texts, &mut entries, &self.reg, c?))
    }

    /// Visit every claim, in the order they were first recorded, with what listings
    /// need: id, text, and the hops of each report as engine hops (stored source ids;
    /// the caller follows merges) in one flat buffer with a range per report.
    pub fn scan_chains(
        &self,
        mut f: impl FnMut(
            ClaimId,
            &str,
            &[std::ops::Range<usize>],
            &mut [crate::independence::Hop],
        ) -> Result<()>,
    ) -> Result<()> {
        let mut texts = self.ledger.cursor(SCAN_WINDOW);
        self.store
            .scan_chains(|n, id, ranges, hops| f(id, texts.claim_text_at(n)?, ranges, hops))
    }

    /// Visit the id and text of every claim first recorded at or after ledger offset
    /// `from` (0: every claim), in the order they were recorded.
    pub fn claim_texts_from(&self, from: u64, mut f: impl FnMut(ClaimId, &str)) -> Result<()> {
        let mut texts = self.ledger.cursor(SCAN_WINDOW);
        self.store.claim_ids_from(from, |n, id| {
            f(id, texts.claim_text_at(n)?);
            Ok(())
        })
    }

    /// [`Database::scan_chains`] with each report's date as well (one per range:
    /// [`crate::date::report_date`], its publication date or else when it was
    /// recorded), read from the ledger: listings that show or filter by dates pay for
    /// one entry read per report, at most one small read each (a claim's reports lie
    /// anywhere in its batch, so a large window would be refilled for most of them).
    /// The reports of a claim's first batch and those of later batches have a window
    /// each.
    pub fn scan_dated(
        &self,
        mut f: impl FnMut(
            ClaimId,
            &str,
            &[std::ops::Range<usize>],
            &mut [crate::independence::Hop],
            &[(i64, String)],
        ) -> Result<()>,
    ) -> Result<()> {
        let mut texts = self.ledger.cursor(SCAN_WINDOW);
        let mut near = self.ledger.cursor(POINT_WINDOW);
        let mut far = self.ledger.cursor(POINT_WINDOW);
        let mut dates: Vec<(i64, String)> = Vec::new();
        self.store
            .scan_chains_at(|n, id, ranges, hops, (entries, head)| {
                dates.clear();
                for (i, &at) in entries.iter().enumerate() {
                    let cursor = if i < head { &mut near } else { &mut far };
                    let Entry::Report {
                        published, added, ..
                    } = cursor.entry_at(at)?
                    else {
                        return Err(Error::Corrupt(format!(
                            "claim {id}: the report at ledger byte {at} does not match the entry there"
                        )));
                    };
                    dates.push(crate::date::report_date(published.as_deref(), added));
                }
                f(id, texts.claim_text_at(n)?, ranges, hops, &dates)
            })
    }

    /// Verdicts on a claim, oldest first.
    pub fn verdicts_of(&self, id: &ClaimId) -> Result<Vec<VerdictEntry>> {
        self.store.verdicts_of(id)
    }

    /// Every verdict.
    pub fn verdicts(&self) -> impl Iterator<Item = Result<VerdictEntry>> + '_ {
        self.store.verdicts()
    }

    /// Ids of every source merged (directly or not) into `id`, `id` included.
    pub fn source_ids_of(&self, id: SourceId) -> Vec<SourceId> {
        let live = self.reg.canonical(id);
        self.reg
            .all()
            .iter()
            .filter(|s| self.reg.canonical(s.id) == live)
            .map(|s| s.id)
            .collect()
    }

    /// Claims in which the source (or any source merged into it) appears, in the order
    /// they were first recorded.
    pub fn claims_of_source(
        &self,
        id: SourceId,
    ) -> Result<impl Iterator<Item = Result<Claim>> + '_> {
        let numbers = self
            .store
            .claim_numbers_of_sources(&self.source_ids_of(id))?;
        let mut texts = self.ledger.cursor(SCAN_WINDOW);
        let mut entries = self.ledger.cursor(POINT_WINDOW);
        Ok(numbers.into_iter().map(move |n| {
            let c = self.store.claim_at(n)?.ok_or_else(|| {
                Error::Corrupt(format!(
                    "a posting names claim number {n}, which has no head"
                ))
            })?;
            join(&mut texts, &mut entries, &self.reg, c)
        }))
    }

    /// Number of claims each live source appears in.
    pub fn claim_counts(&self) -> Result<HashMap<SourceId, usize>> {
        // Group every id under its live source in one pass (asking `source_ids_of`
        // per source would be quadratic in the size of the registry).
        let mut ids: HashMap<SourceId, Vec<SourceId>> = HashMap::new();
        for s in self.reg.all() {
            ids.entry(self.reg.canonical(s.id)).or_default().push(s.id);
        }
        let mut out = HashMap::new();
        for (live, group) in ids {
            out.insert(live, self.store.claim_numbers_of_sources(&group)?.len());
        }
        Ok(out)
    }
}

/// Make a claim from what the store keeps and the ledger entries it points at: the
/// text from the entry at the claim's number, and from each report's entry the URL,
/// date, names as written and anonymous descriptions. A name as written is kept when
/// it is not the canonical name of the source it resolved to (an alias, a domain, a
/// name merged away). Report ids are recomputed.
pub(super) fn join(
    texts: &mut ledger::Cursor<'_>,
    entries: &mut ledger::Cursor<'_>,
    reg: &Registry,
    c: StoredClaim,
) -> Result<Claim> {
    let text = texts.claim_text_at(c.n)?.to_string();
    let mut reports = Vec::with_capacity(c.reports.len());
    for r in c.reports {
        let mismatch = || {
            Error::Corrupt(format!(
                "claim {}: the report at ledger byte {} does not match the entry there",
                c.id, r.entry
            ))
        };
        let Entry::Report {
            hops: names,
            url,
            published,
            added,
            ..
        } = entries.entry_at(r.entry)?
        else {
            return Err(mismatch());
        };
        if names.len() != r.hops.len() {
            return Err(mismatch());
        }
        let mut hops = Vec::with_capacity(names.len());
        for (h, stored) in names.into_iter().zip(&r.hops) {
            hops.push(match (stored, h.anonymous) {
                (Some(source), false) => Hop::Named {
                    source: *source,
                    written: (name_key(&h.name) != reg.key(*source)).then_some(h.name),
                },
                (None, true) => Hop::Anonymous(h.name),
                _ => return Err(mismatch()),
            });
        }
        reports.push(Report {
            id: report_id(&c.id, &hops, url.as_deref(), published.as_deref(), reg),
            claim: c.id,
            hops,
            url,
            published,
            added,
        });
    }
    Ok(Claim {
        id: c.id,
        text,
        added: c.added,
        reports,
    })
}
