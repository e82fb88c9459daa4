//! Applying committed ledger entries to the store: batches of reports per claim,
//! postings, merges and their undoing, retractions, links and users.

use super::*;

/// One claim's reports in the batch being applied.
pub(super) struct BatchClaim {
    pub(super) id: ClaimId,
    /// Claim number: the ledger offset of the entry that first recorded the claim.
    pub(super) n: u64,
    /// For a claim first recorded in this batch, when.
    pub(super) head: Option<i64>,
    pub(super) reports: Vec<(ReportId, StoredReport)>,
}

/// Accumulates one batch of applied report entries.
#[derive(Default)]
pub(super) struct Batch {
    pub(super) key: u64,
    /// Where this apply started: claims numbered from there on are new to it.
    pub(super) first_new: u64,
    /// Claims stored before this apply that it added reports to (counted once).
    pub(super) seen_known: HashSet<ClaimId>,
    pub(super) index: HashMap<ClaimId, usize>,
    pub(super) claims: Vec<BatchClaim>,
    pub(super) dirty: BTreeSet<SourceId>,
}

/// Apply ledger entries from `from` (a commit boundary) up to `end` (just past a
/// commit) to `store`, then record the progress and flush. Idempotent: applying a
/// range twice leaves the store as applying it once.
pub(super) fn apply(
    ledger: &Ledger,
    store: &Store,
    reg: &mut Registry,
    from: Progress,
    end: u64,
    obs: &mut dyn Observer,
) -> Result<WriteSummary> {
    let mut r = ledger.reader(from.applied, from.head, true)?;
    let mut sum = WriteSummary::default();
    let mut batch = Batch {
        key: from.applied,
        first_new: from.applied,
        ..Default::default()
    };
    // Written hop name → source. The same few thousand names recur across millions of
    // hops; registry entries (new aliases, homepages, merges) can change resolution,
    // so they clear it.
    let mut resolved: HashMap<String, SourceId> = HashMap::new();
    let mut cursors = (ledger.cursor(POINT_WINDOW), ledger.cursor(POINT_WINDOW));
    let mut in_commit = 0u64;
    let mut head = from.head;
    while r.position() < end {
        let Some(e) = r.next_entry()? else {
            return Err(Error::Corrupt(format!(
                "the ledger ends at byte {} inside a committed range ending at {end}",
                r.position()
            )));
        };
        head = e.hash;
        if e.index.is_multiple_of(4096) {
            obs.progress(e.offset - from.applied);
        }
        if in_commit > 0 && in_commit.is_multiple_of(BATCH) {
            flush_batch(store, reg, &mut cursors, &mut batch, &mut sum)?;
            batch.key = e.offset;
        }
        in_commit += 1;
        match e.entry {
            Entry::Report {
                claim,
                hops,
                added,
                url,
                published,
            } => {
                let (id, first_sighting) = (claim.id(), matches!(claim, ClaimRef::Text(_)));
                let mut stored = Vec::with_capacity(hops.len());
                let hops: Vec<Hop> = hops
                    .into_iter()
                    .map(|h| {
                        if h.anonymous {
                            stored.push(None);
                            return Hop::Anonymous(h.name);
                        }
                        let sid = match resolved.get(&h.name) {
                            Some(&hit) => hit,
                            None => {
                                let (sid, created) = reg.resolve_or_create(&h.name);
                                if created {
                                    sum.sources_created += 1;
                                    batch.dirty.insert(sid);
                                }
                                resolved.insert(h.name, sid);
                                sid
                            }
                        };
                        stored.push(Some(sid));
                        Hop::Named {
                            source: sid,
                            written: None,
                        }
                    })
                    .collect();
                let slot = match batch.index.get(&id) {
                    Some(&i) => i,
                    None => {
                        let (n, head) = if first_sighting {
                            (e.offset, Some(added))
                        } else {
                            let n = store.claim_number(&id)?.ok_or_else(|| {
                                Error::Corrupt(format!(
                                    "the ledger refers to claim {id} before recording its text"
                                ))
                            })?;
                            (n, None)
                        };
                        batch.claims.push(BatchClaim {
                            id,
                            n,
                            head,
                            reports: Vec::new(),
                        });
                        batch.index.insert(id, batch.claims.len() - 1);
                        batch.claims.len() - 1
                    }
                };
                batch.claims[slot].reports.push((
                    report_id(&id, &hops, url.as_deref(), published.as_deref(), reg),
                    StoredReport {
                        entry: e.offset,
                        hops: stored,
                    },
                ));
            }
            Entry::Source {
                name,
                aliases,
                homepage,
                kind,
                affiliations,
                rating,
            } => {
                resolved.clear();
                let existed = matches!(reg.resolve(&name), crate::source::Resolution::Known(_));
                let patch = SourcePatch {
                    aliases,
                    homepage: homepage.as_deref().and_then(|u| url::Url::parse(u).ok()),
                    kind,
                    affiliations,
                    rating,
                };
                // Checked when written; a failure here can only come from replaying a
                // ledger whose later state differs, and the rest of the patch still holds.
                let id = match reg.upsert(&name, &patch) {
                    Ok(id) => Some(id),
                    Err(_) => match reg.resolve(&name) {
                        crate::source::Resolution::Known(id) => Some(id),
                        crate::source::Resolution::Unknown => None,
                    },
                };
                if let Some(id) = id {
                    batch.dirty.insert(id);
                    if !existed {
                        sum.sources_created += 1;
                    }
                }
                sum.source_records += 1;
            }
            Entry::Verdict {
                claim,
                verdict,
                by,
                url,
                note,
                date,
                added,
            } => {
                store.put_verdict(&VerdictEntry {
                    claim: ClaimId(claim),
                    verdict,
                    by,
                    url,
                    note,
                    date,
                    added,
                    seq: e.offset,
                })?;
                sum.verdicts += 1;
            }
            Entry::Merge { into, from } => {
                resolved.clear();
                flush_batch(store, reg, &mut cursors, &mut batch, &mut sum)?;
                batch.key = e.end;
                if let (Ok(a), Ok(b)) = (reg.find(&into), reg.find(&from)) {
                    if a != b {
                        let affected: Vec<SourceId> = reg
                            .all()
                            .iter()
                            .filter(|s| reg.canonical(s.id) == b)
                            .map(|s| s.id)
                            .collect();
                        let before = reg.get(a).cloned();
                        reg.merge(a, b)?;
                        let collapsed =
                            collapse_merged(store, reg, &mut cursors, &affected, e.offset)?;
                        // What the merge changed, for `source unmerge`. A replay after a
                        // crash may find fewer reports left to collapse: it adds to what
                        // the first run recorded.
                        if let (Some(old), Some(new)) = (before, reg.get(a)) {
                            let mut m = MergeRecord {
                                into: a,
                                at: e.offset,
                                aliases: new
                                    .aliases
                                    .iter()
                                    .filter(|x| !old.aliases.contains(x))
                                    .cloned()
                                    .collect(),
                                affiliations: new
                                    .affiliations
                                    .iter()
                                    .filter(|x| !old.affiliations.contains(x))
                                    .cloned()
                                    .collect(),
                                homepage: old.homepage.is_none() && new.homepage.is_some(),
                                rating: old.rating.is_none() && new.rating.is_some(),
                                collapsed,
                            };
                            if let Some(prev) = store.merge_of(b)?.filter(|p| p.at == e.offset) {
                                for c in prev.collapsed {
                                    if !m
                                        .collapsed
                                        .iter()
                                        .any(|x| x.0 == c.0 && x.1.entry == c.1.entry)
                                    {
                                        m.collapsed.push(c);
                                    }
                                }
                                m.collapsed.sort_by_key(|(n, r)| (*n, r.entry));
                            }
                            store.put_merge(b, &m)?;
                        }
                        // Saved last: if the process dies before this, the replay after
                        // it finds the sources unmerged and does all of the above again
                        // (collapsing twice is collapsing once).
                        store.put_sources([a, b].iter().filter_map(|i| reg.get(*i)))?;
                        sum.merges += 1;
                    }
                }
            }
            Entry::Unmerge { into, from } => {
                resolved.clear();
                flush_batch(store, reg, &mut cursors, &mut batch, &mut sum)?;
                batch.key = e.end;
                if let Ok(a) = reg.find(&into) {
                    if let Some(b) = reg.merged_into_by_name(a, &from) {
                        apply_unmerge(store, reg, &mut cursors, a, b, e.offset)?;
                        sum.undone += 1;
                    }
                }
            }
            Entry::Unalias { name, alias } => {
                resolved.clear();
                flush_batch(store, reg, &mut cursors, &mut batch, &mut sum)?;
                batch.key = e.end;
                if let Ok(a) = reg.find(&name) {
                    if reg.remove_alias(a, &alias).is_some() {
                        // Hops written with the alias resolve again without it.
                        let key = name_key(&alias);
                        let group = ids_of(reg, a);
                        let created = repoint(
                            store,
                            reg,
                            &mut cursors,
                            &group,
                            0,
                            e.offset,
                            &mut |reg, written, stored| {
                                (name_key(written) == key && reg.canonical(stored) == a)
                                    .then(|| reg.resolve_or_create(written))
                            },
                        )?;
                        sum.sources_created += created.len() as u64;
                        store.put_sources(
                            std::iter::once(a).chain(created).filter_map(|i| reg.get(i)),
                        )?;
                        sum.undone += 1;
                    }
                }
            }
            Entry::Unaffiliate { name, label } => {
                resolved.clear();
                if let Ok(a) = reg.find(&name) {
                    if reg.remove_affiliation(a, &label) {
                        batch.dirty.insert(a);
                        sum.undone += 1;
                    }
                }
            }
            Entry::Retract {
                claim,
                target,
                reason: _,
            } => match target {
                RetractTarget::Verdict(at) => {
                    if store.remove_verdict(&ClaimId(claim), at)? {
                        sum.retracted += 1;
                    }
                }
                RetractTarget::Report(rid) => {
                    flush_batch(store, reg, &mut cursors, &mut batch, &mut sum)?;
                    batch.key = e.end;
                    if let Some(n) = store.claim_number(&ClaimId(claim))? {
                        if let Some(mut sc) = store.claim_before(n, e.offset)? {
                            let c = join(&mut cursors.0, &mut cursors.1, reg, sc.clone())?;
                            let count = sc.reports.len();
                            let mut seen = HashSet::new();
                            let mut ids = c.reports.iter().map(|r| r.id);
                            sc.reports.retain(|_| {
                                ids.next().is_some_and(|id| id.0 != rid && seen.insert(id))
                            });
                            if sc.reports.len() < count {
                                let was = sources_in(&c_hops(&c));
                                store.rewrite_claim(n, e.offset, &sc)?;
                                unpost_gone(store, n, &was, &sc, e.offset)?;
                                sum.retracted += 1;
                            }
                        }
                    }
                }
            },
            Entry::Distinct { a, b } => {
                // Checked when written; both names resolve at this point of the ledger.
                if let (Ok(x), Ok(y)) = (reg.find(&a), reg.find(&b)) {
                    if x != y {
                        store.put_distinct(x, y, e.offset)?;
                    }
                }
            }
            Entry::Link { a, b, link, .. } => {
                let (a, b) = (ClaimId(a), ClaimId(b));
                store.put_link(&StoredLink {
                    a: if a.0 <= b.0 { a } else { b },
                    b: if a.0 <= b.0 { b } else { a },
                    person: link.matcher.is_none(),
                    same: link.same,
                    score: link.matcher.as_ref().map(|m| m.score),
                    model: link.matcher.as_ref().map(|m| m.model.clone()),
                    threshold: link.matcher.as_ref().map(|m| m.threshold),
                    entry: e.offset,
                })?;
                sum.links += 1;
            }
            Entry::Unlink { a, b } => {
                if store.remove_links(&ClaimId(a), &ClaimId(b))? {
                    sum.undone += 1;
                }
            }
            Entry::User { name, change } => match change {
                ledger::UserChange::Add(role) | ledger::UserChange::Role(role) => {
                    store.put_user(&name, &role, e.offset)?;
                }
                ledger::UserChange::Remove => {
                    store.remove_user(&name)?;
                }
                ledger::UserChange::Reset | ledger::UserChange::Password => {}
            },
            Entry::Commit { .. } => {
                flush_batch(store, reg, &mut cursors, &mut batch, &mut sum)?;
                batch.key = e.end;
                in_commit = 0;
            }
        }
    }
    flush_batch(store, reg, &mut cursors, &mut batch, &mut sum)?;
    store.set_progress(Progress { applied: end, head })?;
    store.flush()?;
    Ok(sum)
}

/// After a merge, collapse the reports that it made identical (same claim, same
/// canonical chain) into the first, in every claim citing one of `affected`. Only
/// chunks written before `before` (the merge's entry) count: after a crash, chunks of
/// later batches may exist already, and are written again as they were when those
/// batches are replayed.
pub(super) fn collapse_merged(
    store: &Store,
    reg: &Registry,
    cursors: &mut (ledger::Cursor<'_>, ledger::Cursor<'_>),
    affected: &[SourceId],
    before: u64,
) -> Result<Vec<(u64, StoredReport)>> {
    let mut collapsed = Vec::new();
    for n in store.claim_numbers_of_sources(affected)? {
        if let Some(mut sc) = store.claim_before(n, before)? {
            let c = join(&mut cursors.0, &mut cursors.1, reg, sc.clone())?;
            let mut seen = HashSet::new();
            let count = sc.reports.len();
            let mut ids = c.reports.iter().map(|r| r.id);
            let mut dropped = Vec::new();
            sc.reports.retain(|r| {
                let keep = ids.next().is_some_and(|id| seen.insert(id));
                if !keep {
                    dropped.push((n, r.clone()));
                }
                keep
            });
            if sc.reports.len() < count {
                store.rewrite_claim(n, before, &sc)?;
                collapsed.extend(dropped);
            }
        }
    }
    Ok(collapsed)
}

/// The sources a claim's joined reports cite.
pub(super) fn c_hops(c: &Claim) -> Vec<SourceId> {
    c.reports
        .iter()
        .flat_map(|r| r.hops.iter())
        .filter_map(|h| match h {
            Hop::Named { source, .. } => Some(*source),
            Hop::Anonymous(_) => None,
        })
        .collect()
}

pub(super) fn sources_in(ids: &[SourceId]) -> BTreeSet<SourceId> {
    ids.iter().copied().collect()
}

/// Claim `n` no longer cites the sources of `was` that `now` lacks: take it out of
/// their postings (of batches before `before`), so that a source's claims are the
/// claims it appears in.
pub(super) fn unpost_gone(
    store: &Store,
    n: u64,
    was: &BTreeSet<SourceId>,
    now: &StoredClaim,
    before: u64,
) -> Result<()> {
    let still: BTreeSet<SourceId> = now
        .reports
        .iter()
        .flat_map(|r| r.hops.iter().flatten().copied())
        .collect();
    let one = BTreeSet::from([n]);
    for s in was.difference(&still) {
        store.unpost(*s, &one, before)?;
    }
    Ok(())
}

/// Every source id merged (directly or not) into the live source `id` stands for,
/// that one included.
pub(super) fn ids_of(reg: &Registry, id: SourceId) -> Vec<SourceId> {
    let live = reg.canonical(id);
    reg.all()
        .iter()
        .filter(|s| reg.canonical(s.id) == live)
        .map(|s| s.id)
        .collect()
}

/// Undo the merge of `from` into `into` at the ledger entry `at`: the registry lets
/// `from` go with what the merge took (see `store::MergeRecord`), the reports the
/// merge collapsed come back, and hops that were resolved to `into` after the merge
/// through one of `from`'s names (or its homepage) go back to `from`. Sources are
/// saved and the merge record removed last, so a replay after a crash does it again.
pub(super) fn apply_unmerge(
    store: &Store,
    reg: &mut Registry,
    cursors: &mut (ledger::Cursor<'_>, ledger::Cursor<'_>),
    into: SourceId,
    from: SourceId,
    at: u64,
) -> Result<()> {
    let m = store.merge_of(from)?;
    let (aliases, labels, homepage, rating) = match &m {
        Some(m) => (
            m.aliases.clone(),
            m.affiliations.clone(),
            m.homepage,
            m.rating,
        ),
        None => (Vec::new(), Vec::new(), false, false),
    };
    let group = ids_of(reg, into);
    reg.unmerge(into, from, &aliases, &labels, homepage, rating);
    if let Some(m) = &m {
        // The collapsed reports go back into their claims, in ledger order.
        let mut by_claim: std::collections::BTreeMap<u64, Vec<StoredReport>> = Default::default();
        for (n, r) in &m.collapsed {
            by_claim.entry(*n).or_default().push(r.clone());
        }
        for (n, restored) in by_claim {
            if let Some(mut sc) = store.claim_before(n, at)? {
                let count = sc.reports.len();
                for r in restored {
                    if !sc.reports.iter().any(|x| x.entry == r.entry) {
                        sc.reports.push(r);
                    }
                }
                if sc.reports.len() > count {
                    sc.reports.sort_by_key(|r| r.entry);
                    store.rewrite_claim(n, at, &sc)?;
                }
            }
        }
    }
    let since = m.as_ref().map_or(0, |m| m.at);
    let created = repoint(
        store,
        reg,
        cursors,
        &group,
        since,
        at,
        &mut |reg, written, stored| {
            if reg.canonical(stored) != into {
                return None;
            }
            match reg.resolve(written) {
                crate::source::Resolution::Known(x) if reg.canonical(x) == from => Some((x, false)),
                _ => None,
            }
        },
    )?;
    store.put_sources(
        [into, from]
            .into_iter()
            .chain(created)
            .filter_map(|i| reg.get(i)),
    )?;
    store.remove_merge(from)?;
    Ok(())
}

/// Where a hop goes now, given the registry, its written name and its stored source:
/// the new source and whether it was just created, or `None` to leave it.
pub(super) type Repick<'a> =
    dyn FnMut(&mut Registry, &str, SourceId) -> Option<(SourceId, bool)> + 'a;

/// Re-resolve the named hops of reports recorded after ledger offset `since` in the
/// claims that cite one of `group` (postings), in the store as it was before the entry
/// at `before`: `pick(registry, written name, stored source)` gives the source a hop
/// now goes to (and whether it was just created), or `None` to leave it. Changed
/// claims are rewritten (reports that became identical collapsed into the first), and
/// postings are written for the sources hops now go to, under batch key `before`.
/// Returns the sources created.
pub(super) fn repoint(
    store: &Store,
    reg: &mut Registry,
    cursors: &mut (ledger::Cursor<'_>, ledger::Cursor<'_>),
    group: &[SourceId],
    since: u64,
    before: u64,
    pick: &mut Repick<'_>,
) -> Result<Vec<SourceId>> {
    let mut created = Vec::new();
    let mut postings: Vec<(SourceId, u64)> = Vec::new();
    for n in store.claim_numbers_of_sources(group)? {
        let Some(mut sc) = store.claim_before(n, before)? else {
            continue;
        };
        if sc.reports.iter().all(|r| r.entry <= since) {
            continue;
        }
        let was: BTreeSet<SourceId> = sc
            .reports
            .iter()
            .flat_map(|r| r.hops.iter().flatten().copied())
            .collect();
        let mut changed = false;
        for r in sc.reports.iter_mut().filter(|r| r.entry > since) {
            let Entry::Report { hops, .. } = cursors.1.entry_at(r.entry)? else {
                continue;
            };
            for (h, stored) in hops.iter().zip(r.hops.iter_mut()) {
                let Some(s) = *stored else { continue };
                if h.anonymous {
                    continue;
                }
                if let Some((to, new)) = pick(reg, &h.name, s) {
                    if new {
                        created.push(to);
                    }
                    if to != s {
                        *stored = Some(to);
                        postings.push((to, n));
                        changed = true;
                    }
                }
            }
        }
        if changed {
            let c = join(&mut cursors.0, &mut cursors.1, reg, sc.clone())?;
            let mut seen = HashSet::new();
            let mut ids = c.reports.iter().map(|r| r.id);
            sc.reports
                .retain(|_| ids.next().is_some_and(|id| seen.insert(id)));
            store.rewrite_claim(n, before, &sc)?;
            unpost_gone(store, n, &was, &sc, before)?;
        }
    }
    postings.sort_unstable();
    postings.dedup();
    for g in postings.chunk_by(|a, b| a.0 == b.0) {
        store.put_posting(g[0].0, before, g.iter().map(|p| p.1))?;
    }
    Ok(created)
}

/// Write one batch: per claim, the chunk of its reports that are new (not already
/// stored in an earlier batch, not repeated within this one), in claim-number order so
/// that sled appends near the end of the tree; then the batch's postings and the
/// sources it created. Every key and value is a function of the ledger up to the
/// batch, so writing a batch twice leaves what writing it once does.
pub(super) fn flush_batch(
    store: &Store,
    reg: &Registry,
    cursors: &mut (ledger::Cursor<'_>, ledger::Cursor<'_>),
    batch: &mut Batch,
    sum: &mut WriteSummary,
) -> Result<()> {
    let mut postings: Vec<(SourceId, u64)> = Vec::new();
    let mut new_claims: Vec<StoredClaim> = Vec::new();
    let mut claims = std::mem::take(&mut batch.claims);
    batch.index.clear();
    // New claim ids go in in key order, so that neighbours share sled leaves.
    claims.sort_unstable_by_key(|c| c.id.0);
    for c in claims.iter_mut().filter(|c| c.head.is_some()) {
        match store.set_claim_number(&c.id, c.n)? {
            Some(old) if old != c.n => {
                // A second first sighting of a claim already stored (a ledger written
                // by a faulty build): its reports join the stored claim, whose number
                // `set_claim_number` left as it was.
                c.n = old;
                c.head = None;
            }
            _ => {}
        }
    }
    claims.sort_by_key(|c| c.n);
    for c in claims {
        let mut known: Vec<ReportId> = Vec::new();
        if c.head.is_some() {
            if c.n >= batch.first_new {
                sum.claims_new += 1;
            }
        } else {
            if batch.seen_known.insert(c.id) && c.n < batch.first_new {
                sum.claims_known += 1;
            }
            if let Some(stored) = store.claim_before(c.n, batch.key)? {
                let claim = join(&mut cursors.0, &mut cursors.1, reg, stored)?;
                known.extend(claim.reports.iter().map(|r| r.id));
            }
        }
        // Most claims have a few reports: a linear search beats hashing them.
        let many = known.len() + c.reports.len() > 32;
        let mut known_set: HashSet<ReportId> = if many {
            known.drain(..).collect()
        } else {
            HashSet::new()
        };
        let mut fresh = Vec::with_capacity(c.reports.len());
        for (id, r) in c.reports {
            // Postings list every claim of the batch, duplicates included, so that a
            // batch replayed after a crash writes exactly what the first run would have.
            postings.extend(r.hops.iter().flatten().map(|s| (*s, c.n)));
            let new = if many {
                known_set.insert(id)
            } else if known.contains(&id) {
                false
            } else {
                known.push(id);
                true
            };
            if new {
                fresh.push(r);
                sum.reports_new += 1;
            } else {
                sum.reports_duplicate += 1;
            }
        }
        match c.head {
            Some(added) => new_claims.push(StoredClaim {
                n: c.n,
                id: c.id,
                added,
                reports: fresh,
            }),
            None if !fresh.is_empty() => store.put_chunk(c.n, batch.key, &fresh)?,
            None => {}
        }
    }
    // Claims first recorded here go in groups: one sled write per GROUP claims.
    for group in new_claims.chunks(crate::store::GROUP) {
        store.put_group(group)?;
    }
    postings.sort_unstable();
    postings.dedup();
    for group in postings.chunk_by(|a, b| a.0 == b.0) {
        store.put_posting(group[0].0, batch.key, group.iter().map(|p| p.1))?;
    }
    store.put_sources(batch.dirty.iter().filter_map(|id| reg.get(*id)))?;
    batch.dirty.clear();
    Ok(())
}
