//! The audit side: `verify` (the hash chain, every id, the store against a fresh
//! materialization), the `log`, where a source's aliases and labels came from, and the
//! words for what an entry recorded.

use super::*;

impl Database {
    // ---- integrity -------------------------------------------------------------

    /// Check the ledger's hash chain, recompute every claim and report id, and compare
    /// the store with a fresh materialization of the ledger.
    pub fn verify(&self) -> Result<VerifyReport> {
        let mut rep = VerifyReport::default();
        let mut r = self.ledger.read_all()?;
        let mut chain_ok = true;
        loop {
            match r.next_entry() {
                Ok(Some(e)) => {
                    rep.entries += 1;
                    if matches!(e.entry, Entry::Commit { .. }) {
                        rep.commits += 1;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    rep.problems.push(format!("ledger: {e}"));
                    chain_ok = false;
                    break;
                }
            }
        }
        let p = self.progress()?;
        if chain_ok {
            if r.position() != self.ledger.size()? {
                rep.problems.push(format!(
                    "ledger: {} trailing bytes after the last complete entry",
                    self.ledger.size()? - r.position()
                ));
            }
            if r.position() == p.applied && r.last_hash() != p.head {
                rep.problems.push(format!(
                    "ledger: the last entry (entry {}) does not hash to the value the store recorded; it was altered",
                    rep.entries.saturating_sub(1)
                ));
            }
        }
        for c in self.claims() {
            let c = match c {
                Ok(c) => c,
                Err(e) => {
                    rep.problems.push(format!("store: {e}"));
                    break;
                }
            };
            rep.claims += 1;
            if ClaimId::of_text(&c.text) != c.id {
                rep.problems.push(format!(
                    "claim {}: its stored text hashes to {}",
                    c.id,
                    ClaimId::of_text(&c.text)
                ));
            }
            // Report ids are recomputed from the hops when read; two equal ones in a
            // claim mean a duplicate was stored.
            let mut ids = HashSet::new();
            for r in &c.reports {
                rep.reports += 1;
                if !ids.insert(r.id) {
                    rep.problems.push(format!(
                        "claim {}: report {} is stored twice",
                        c.id,
                        r.id.to_hex()
                    ));
                }
            }
        }
        match self.groups() {
            Ok(g) => {
                rep.links = g.links().len() as u64;
                rep.groups = g.groups().len() as u64;
                for l in g.links() {
                    for c in [l.a, l.b] {
                        if !self.store.has_claim(&c)? {
                            rep.problems.push(format!(
                                "link at entry {}: claim {} is not stored",
                                l.entry, c
                            ));
                        }
                    }
                }
            }
            Err(e) => rep.problems.push(format!("store: {e}")),
        }
        if chain_ok {
            let tmp = self.dir.join("store.verify");
            if tmp.exists() {
                std::fs::remove_dir_all(&tmp)
                    .map_err(|e| Error::io(format!("removing {}", tmp.display()), e))?;
            }
            let fresh = Store::open(&tmp)?;
            let mut reg = Registry::new();
            let start = Progress::start();
            let result = apply(&self.ledger, &fresh, &mut reg, start, p.applied, &mut Quiet)
                .and_then(|_| self.store.diff(&fresh));
            drop(fresh);
            let _ = std::fs::remove_dir_all(&tmp);
            for d in result? {
                rep.problems
                    .push(format!("store differs from the ledger: {d}"));
            }
        }
        Ok(rep)
    }

    /// The audit trail: one line per commit, or every entry about one claim.
    pub fn log(&self, claim: Option<&ClaimId>) -> Result<Vec<LogLine>> {
        let mut out = Vec::new();
        let mut r = self.ledger.read_all()?;
        let mut pending: Vec<LogLine> = Vec::new();
        let mut counts: HashMap<&'static str, u64> = HashMap::new();
        while let Some(e) = r.next_entry()? {
            let idx = e.index;
            match &e.entry {
                Entry::Commit {
                    records,
                    time,
                    command,
                    author,
                } => {
                    let when = Some(crate::date::format_utc(*time));
                    if claim.is_some() {
                        for mut l in pending.drain(..) {
                            l.time = when.clone();
                            l.author = author.clone();
                            out.push(l);
                        }
                    } else {
                        let mut parts: Vec<String> = counts
                            .drain()
                            .map(|(k, v)| format!("{v} {k}{}", if v == 1 { "" } else { "s" }))
                            .collect();
                        parts.sort();
                        out.push(LogLine {
                            entry: idx,
                            time: when,
                            kind: "commit".into(),
                            claim: None,
                            what: format!("{command}: {records} records ({})", parts.join(", ")),
                            author: author.clone(),
                        });
                    }
                }
                other => {
                    *counts.entry(other.kind()).or_default() += 1;
                    if let Some(want) = claim {
                        let about = match other {
                            Entry::Report { claim: c, hops, .. } => (c.id() == *want)
                                .then(|| format!("report via {}", ledger::chain_words(hops))),
                            Entry::Verdict {
                                claim: c,
                                verdict,
                                by,
                                ..
                            } => (ClaimId(*c) == *want).then(|| {
                                format!(
                                    "verdict {}{}",
                                    verdict.as_str(),
                                    by.as_ref().map(|b| format!(" by {b}")).unwrap_or_default()
                                )
                            }),
                            Entry::Retract {
                                claim: c,
                                target,
                                reason,
                            } => (ClaimId(*c) == *want).then(|| {
                                let what = match target {
                                    RetractTarget::Report(id) => {
                                        format!("report {}", &crate::hex::encode(id)[..12])
                                    }
                                    RetractTarget::Verdict(at) => format!("verdict [entry {at}]"),
                                };
                                format!(
                                    "retraction of {what}{}",
                                    reason
                                        .as_ref()
                                        .map(|r| format!(": {r}"))
                                        .unwrap_or_default()
                                )
                            }),
                            Entry::Link { a, b, .. } | Entry::Unlink { a, b }
                                if ClaimId(*a) == *want || ClaimId(*b) == *want =>
                            {
                                Some(describe(other))
                            }
                            _ => None,
                        };
                        if let Some(what) = about {
                            pending.push(LogLine {
                                entry: idx,
                                time: None,
                                kind: other.kind().into(),
                                claim: Some(want.to_hex()),
                                what,
                                author: None,
                            });
                        }
                    }
                }
            }
        }
        Ok(out)
    }

    /// Where each alias and affiliation label of a source came from, read from the
    /// ledger (for `source show` only: one pass over the whole ledger). For each
    /// current alias, the last entry that gave it: a source record naming the source
    /// (from `source alias`, `source set`, an import or a list importer; the commit's
    /// audit label says which), or a merge that brought in the source it names; for
    /// each current label, the last source record naming the source that carried it.
    /// Names in records are resolved with the current registry.
    pub fn provenance(&self, id: SourceId) -> Result<SourceProvenance> {
        let live = self.reg.canonical(id);
        let Some(src) = self.reg.get(live) else {
            return Ok(SourceProvenance::default());
        };
        let keys: HashMap<String, &String> = src.aliases.iter().map(|a| (name_key(a), a)).collect();
        let is_here = |name: &str| matches!(self.reg.resolve(name), crate::source::Resolution::Known(x) if x == live);
        let mut aliases: HashMap<String, usize> = HashMap::new();
        let mut labels: HashMap<String, usize> = HashMap::new();
        // (entry number, alias key or label, how) waiting for their commit.
        let mut pending: Vec<(u64, bool, String, String)> = Vec::new();
        let mut done: Vec<(bool, String, Provenance)> = Vec::new();
        let mut r = self.ledger.read_all()?;
        while let Some(e) = r.next_entry()? {
            match &e.entry {
                Entry::Source {
                    name,
                    aliases: added,
                    affiliations,
                    ..
                } if is_here(name) => {
                    for a in added {
                        let k = name_key(a);
                        if keys.contains_key(&k) {
                            pending.push((e.index, true, k, format!("source record for {name:?}")));
                        }
                    }
                    for l in affiliations {
                        let l = crate::chain::collapse_ws(l);
                        if src.affiliations.contains(&l) {
                            pending.push((
                                e.index,
                                false,
                                l,
                                format!("source record for {name:?}"),
                            ));
                        }
                    }
                }
                Entry::Merge { into, from } if is_here(into) && is_here(from) => {
                    if let Some(v) = self.reg.merged_into_by_name(live, from) {
                        if let Some(v) = self.reg.get(v) {
                            for a in std::iter::once(&v.name).chain(v.aliases.iter()) {
                                let k = name_key(a);
                                if keys.contains_key(&k) {
                                    pending.push((
                                        e.index,
                                        true,
                                        k,
                                        format!("merge of {from:?} into {into:?}"),
                                    ));
                                }
                            }
                        }
                    }
                }
                Entry::Commit { time, command, .. } => {
                    for (entry, alias, k, how) in pending.drain(..) {
                        done.push((
                            alias,
                            k,
                            Provenance {
                                value: String::new(),
                                how,
                                command: command.clone(),
                                entry,
                                time: crate::date::format_utc(*time),
                            },
                        ));
                    }
                }
                _ => {}
            }
        }
        // The last of each wins.
        for (i, (alias, k, _)) in done.iter().enumerate() {
            let slot = if *alias { &mut aliases } else { &mut labels };
            slot.insert(k.clone(), i);
        }
        let pick = |i: Option<&usize>, value: &String| {
            i.map(|&i| Provenance {
                value: value.clone(),
                ..done[i].2.clone()
            })
        };
        Ok(SourceProvenance {
            aliases: src
                .aliases
                .iter()
                .filter_map(|a| pick(aliases.get(&name_key(a)), a))
                .collect(),
            affiliations: src
                .affiliations
                .iter()
                .filter_map(|l| pick(labels.get(l), l))
                .collect(),
        })
    }
}

/// What an entry recorded, in words (the audit trail, salvage's list of losses).
pub(super) fn describe(entry: &Entry) -> String {
    match entry {
        Entry::Report { claim, hops, .. } => {
            let chain = ledger::chain_words(hops);
            match claim {
                ClaimRef::Text(t) => format!("report of {t:?} via {chain}"),
                ClaimRef::Id(b) => format!("report of claim {} via {chain}", ClaimId(*b).to_hex()),
            }
        }
        Entry::Source { name, .. } => format!("source record {name:?}"),
        Entry::Verdict {
            claim, verdict, by, ..
        } => format!(
            "verdict {} on claim {}{}",
            verdict.as_str(),
            ClaimId(*claim).to_hex(),
            by.as_ref().map(|b| format!(" by {b}")).unwrap_or_default()
        ),
        Entry::Merge { into, from } => format!("merge of {from:?} into {into:?}"),
        Entry::Unmerge { into, from } => format!("unmerge of {from:?} from {into:?}"),
        Entry::Unalias { name, alias } => format!("alias {alias:?} removed from {name:?}"),
        Entry::Unaffiliate { name, label } => {
            format!("affiliation {label:?} removed from {name:?}")
        }
        Entry::Retract {
            claim,
            target,
            reason,
        } => {
            let what = match target {
                RetractTarget::Report(id) => format!("report {}", crate::hex::encode(id)),
                RetractTarget::Verdict(at) => format!("the verdict at entry {at}"),
            };
            format!(
                "retraction of {what} of claim {}{}",
                ClaimId(*claim).to_hex(),
                reason
                    .as_ref()
                    .map(|r| format!(": {r}"))
                    .unwrap_or_default()
            )
        }
        Entry::Distinct { a, b } => format!("{a:?} and {b:?} marked as distinct sources"),
        Entry::Link { a, b, link, .. } => {
            let (a, b) = (ClaimId(*a).to_hex(), ClaimId(*b).to_hex());
            let what = if link.same {
                "the same claim"
            } else {
                "different claims"
            };
            match &link.matcher {
                None => format!("claims {a} and {b} linked as {what} by a person"),
                Some(m) => format!(
                    "claims {a} and {b} matched as {what} (score {:.3}, model {}, threshold {:.3})",
                    m.score, m.model, m.threshold
                ),
            }
        }
        Entry::Unlink { a, b } => format!(
            "links between claims {} and {} removed",
            ClaimId(*a).to_hex(),
            ClaimId(*b).to_hex()
        ),
        Entry::Commit {
            records, command, ..
        } => format!("commit of {records} records ({command})"),
        Entry::User { name, change } => match change {
            ledger::UserChange::Add(role) => format!("user {name} added as {role}"),
            ledger::UserChange::Role(role) => format!("user {name} given the role {role}"),
            ledger::UserChange::Reset => format!("user {name} given a new token"),
            ledger::UserChange::Password => format!("user {name} given a new password"),
            ledger::UserChange::Remove => format!("user {name} removed"),
        },
    }
}
