//! The write path: every write goes through `Database::write` (validate each item into
//! a ledger entry with `to_entry` against a scratch registry, append, commit, apply),
//! and the commands built on it (import, add, verdicts, registry changes, retractions,
//! links, users).

use super::*;

impl Database {
    // ---- writes ----------------------------------------------------------------

    /// Import JSONL records (all or nothing). `progress` is called with the bytes read
    /// so far. `label` names the command in the audit trail.
    pub fn import(
        &mut self,
        input: impl BufRead,
        label: &str,
        progress: &mut dyn FnMut(u64),
    ) -> Result<WriteSummary> {
        let mut lines = LineReader::new(input);
        let mut bytes = 0u64;
        let records = std::iter::from_fn(|| loop {
            let (n, line) = match lines.next_line() {
                Ok(Some(x)) => x,
                Ok(None) => return None,
                Err(e) => return Some(Err(e)),
            };
            bytes += line.len() as u64 + 1;
            if n.is_multiple_of(1024) {
                progress(bytes);
            }
            if line.trim().is_empty() {
                continue;
            }
            return Some(
                record::parse_unchecked(&line)
                    .map_err(|e| Error::Line {
                        line: n,
                        message: e.to_string(),
                    })
                    .map(|r| (n, r)),
            );
        });
        self.write_records(records, label)
    }

    /// Write records (each with its line number for errors) as one commit.
    pub fn write_records(
        &mut self,
        records: impl Iterator<Item = Result<(u64, Record)>>,
        label: &str,
    ) -> Result<WriteSummary> {
        let entries = records.map(|r| r.map(|(n, rec)| (n, Pending::Record(rec))));
        self.write(entries, label)
    }

    /// The one path of every write: refuse when the database may not be written,
    /// turn each item into a ledger entry (validating it, see `to_entry`), append,
    /// commit, apply. A failure before the commit trims what was appended; a failure
    /// to apply after it undoes the commit; either way the database is left as it was.
    pub(super) fn write(
        &mut self,
        items: impl Iterator<Item = Result<(u64, Pending)>>,
        label: &str,
    ) -> Result<WriteSummary> {
        if self.read_only {
            return Err(Error::ReadOnly(self.dir.clone()));
        }
        if self.poisoned {
            return Err(Error::Invalid(
                "an earlier write through this handle failed; open the database again".into(),
            ));
        }
        if let Some((offset, why)) = &self.damaged {
            return Err(Error::LedgerCorrupt {
                offset: *offset,
                why: why.clone(),
            });
        }
        let before = self.progress()?;
        recovery::check_for_write(&self.ledger, &before, &self.dir.join("ledger.log"))?;
        let now = crate::date::now_secs();
        let mut scratch = self.reg.clone();
        let mut seen = Seen::default();
        // A second handle reads what is stored while the first one appends.
        let reader = Ledger::open_read_only(self.ledger.path())?;
        let mut cursors = (reader.cursor(POINT_WINDOW), reader.cursor(POINT_WINDOW));
        let mut app = self.ledger.appender(before.head)?;
        let start = app.start();
        let mut result: Result<()> = Ok(());
        for item in items {
            let step = item.and_then(|(n, p)| {
                let entry = to_entry(p, &self.store, &mut cursors, &mut scratch, &mut seen, now)
                    .map_err(|e| {
                        if n == 0 || matches!(e, Error::Line { .. }) {
                            e
                        } else {
                            Error::Line {
                                line: n,
                                message: e.to_string(),
                            }
                        }
                    })?;
                match entry {
                    Some(entry) => app.append(&entry).map(|_| ()),
                    None => Ok(()),
                }
            });
            if let Err(e) = step {
                result = Err(e);
                break;
            }
        }
        let records = app.records();
        if let Err(e) = result {
            drop(app);
            self.ledger.truncate(start)?;
            return Err(match e {
                e @ Error::Io { .. } => Error::WriteUndone {
                    cause: e.to_string(),
                },
                e => e,
            });
        }
        if records == 0 {
            drop(app);
            self.ledger.truncate(start)?;
            return Ok(WriteSummary {
                reports_duplicate: seen.duplicates,
                claims_known: seen.stored.len() as u64,
                ..Default::default()
            });
        }
        let (end, _) = match app.commit(label, self.actor.as_deref(), now) {
            Ok(x) => x,
            Err(e) => {
                self.ledger.truncate(start)?;
                return Err(Error::WriteUndone {
                    cause: e.to_string(),
                });
            }
        };
        self.obs.stage("indexing", end - start);
        let applied = apply(
            &self.ledger,
            &self.store,
            &mut self.reg,
            before,
            end,
            &mut *self.obs,
        );
        self.obs.done();
        match applied {
            Ok(mut summary) => {
                summary.records = records;
                summary.reports_duplicate += seen.duplicates;
                summary.claims_known = seen.stored.len() as u64;
                Ok(summary)
            }
            Err(cause) => Err(self.undo(start, cause)),
        }
    }

    /// A write whose commit reached the ledger could not be applied to the store (a
    /// full disk, a permission, an I/O error): take the commit back out of the ledger,
    /// and mark the store, which may hold part of it, for a rebuild when next opened.
    pub(super) fn undo(&mut self, start: u64, cause: Error) -> Error {
        self.poisoned = true;
        let marked = recovery::mark_stale(&self.dir);
        match (self.ledger.truncate(start), marked) {
            (Ok(()), Ok(())) => Error::WriteUndone {
                cause: format!("the store could not be updated: {cause}"),
            },
            (trim, marked) => Error::WriteStuck {
                cause: cause.to_string(),
                trimmed: trim.is_ok(),
                marked: marked.is_ok(),
            },
        }
    }

    /// Add one report.
    pub fn add(&mut self, rec: record::ReportRecord) -> Result<(ClaimId, WriteSummary)> {
        let id = ClaimId::of_text(&rec.claim);
        let r = Record::Report(rec);
        let s = self.write_records(std::iter::once(Ok((0, r))), "add")?;
        Ok((id, s))
    }

    /// Record a verdict.
    pub fn verdict(&mut self, rec: record::VerdictRecord) -> Result<WriteSummary> {
        let r = Record::Verdict(rec);
        self.write_records(std::iter::once(Ok((0, r))), "verdict")
    }

    /// Name who is writing: registry changes and retractions record it in their audit
    /// label ("source unmerge \"CNN\" \"Fox News\" by maria"), which `log` shows.
    /// Control characters are dropped and the name is cut at 64 characters.
    pub fn set_actor(&mut self, who: Option<&str>) {
        self.actor = who
            .map(|w| {
                w.chars()
                    .filter(|c| !c.is_control())
                    .take(64)
                    .collect::<String>()
            })
            .filter(|w| !w.trim().is_empty());
    }

    /// The audit label of a registry command: the command, its arguments quoted, and
    /// who ran it when known.
    pub(super) fn label(&self, command: &str, args: &[&str]) -> String {
        let mut l = command.to_string();
        for a in args {
            l.push_str(&format!(" {:?}", a.chars().take(60).collect::<String>()));
        }
        if let Some(who) = &self.actor {
            l.push_str(&format!(" by {who}"));
        }
        l
    }

    /// What `source alias NAME ALIAS` would do, without doing it.
    pub fn plan_alias(&self, name: &str, alias: &str) -> Result<AliasPlan> {
        use crate::source::Resolution::{Known, Unknown};
        match (self.reg.resolve(name), self.reg.resolve(alias)) {
            (Known(a), Known(b)) if a != b => Ok(AliasPlan::Join(self.plan_join(a, b)?)),
            (Known(_), _) => Ok(AliasPlan::Alias),
            (Unknown, Unknown) => Err(Error::Invalid(format!(
                "no source is known as {name:?}: to create it with this alias, run `corroborate source set {name:?} --alias {alias:?}`; `corroborate sources` lists the known ones (check the spelling)"
            ))),
            (Unknown, Known(b)) => Err(Error::Invalid(format!(
                "no source is known as {name:?}, but {alias:?} is the source {:?}: to give it the name {name:?} too, run `corroborate source alias {:?} {name:?}`",
                self.reg.display_name(b),
                self.reg.display_name(b)
            ))),
        }
    }

    /// What `source merge INTO FROM` would do, without doing it.
    pub fn plan_merge(&self, into: &str, from: &str) -> Result<JoinPlan> {
        let a = self.reg.find(into)?;
        let b = self.reg.find(from)?;
        if a == b {
            return Err(Error::Invalid(format!(
                "{into:?} and {from:?} are already the same source ({})",
                self.reg.display_name(a)
            )));
        }
        self.plan_join(a, b)
    }

    /// The two sources a merge would join, with how many claims and reports each has.
    pub(super) fn plan_join(&self, into: SourceId, from: SourceId) -> Result<JoinPlan> {
        let side = |id: SourceId| -> Result<JoinSide> {
            let group = self.source_ids_of(id);
            let mut claims = 0;
            let mut reports = 0;
            for c in self.claims_of_source(id)? {
                let c = c?;
                let n = c
                    .reports
                    .iter()
                    .filter(|r| {
                        r.hops.iter().any(
                            |h| matches!(h, Hop::Named { source, .. } if group.contains(source)),
                        )
                    })
                    .count();
                if n > 0 {
                    claims += 1;
                    reports += n;
                }
            }
            Ok(JoinSide {
                name: self.reg.display_name(id).to_string(),
                claims,
                reports,
            })
        };
        Ok(JoinPlan {
            into: side(into)?,
            from: side(from)?,
        })
    }

    /// Add an alias to a source. When the alias already names another source, that
    /// source is merged into this one (its reports follow), which is what a desk means
    /// by "these two names are the same outlet" (see [`Database::plan_alias`] for the
    /// confirmation a front-end should ask). A name no source is known by is refused,
    /// with the command that creates it.
    pub fn alias(&mut self, name: &str, alias: &str) -> Result<WriteSummary> {
        let label = self.label("source alias", &[name, alias]);
        let joins = match (self.reg.resolve(name), self.reg.resolve(alias)) {
            (crate::source::Resolution::Known(a), crate::source::Resolution::Known(b)) => a != b,
            (crate::source::Resolution::Unknown, _) => {
                // The same refusal (with its advice) as the plan gives.
                self.plan_alias(name, alias)?;
                false
            }
            _ => false,
        };
        if joins {
            let item = Pending::Merge(name.to_string(), alias.to_string());
            self.write(std::iter::once(Ok((0, item))), &label)
        } else {
            self.patch_source(
                name,
                SourcePatch {
                    aliases: vec![alias.to_string()],
                    ..Default::default()
                },
                &label,
            )
        }
    }

    /// Add an affiliation label to a source. A name no source is known by is refused
    /// (a typo must not create a source), with the command that creates it.
    pub fn affiliate(&mut self, name: &str, label: &str) -> Result<WriteSummary> {
        if label.trim().is_empty() {
            return Err(Error::Invalid("the affiliation label is empty".into()));
        }
        if self.reg.find(name).is_err() {
            return Err(Error::Invalid(format!(
                "no source is known as {name:?}: to create it with this label, run `corroborate source set {name:?} --affiliation {label:?}`; `corroborate sources` lists the known ones (check the spelling)"
            )));
        }
        let audit = self.label("source affiliate", &[name, label]);
        self.patch_source(
            name,
            SourcePatch {
                affiliations: vec![label.to_string()],
                ..Default::default()
            },
            &audit,
        )
    }

    /// Undo `source merge INTO FROM` (or an alias that merged): FROM is a source of
    /// its own again, with its reports, and INTO loses what the merge gave it.
    pub fn unmerge(&mut self, into: &str, from: &str) -> Result<WriteSummary> {
        let label = self.label("source unmerge", &[into, from]);
        let item = Pending::Unmerge(into.to_string(), from.to_string());
        self.write(std::iter::once(Ok((0, item))), &label)
    }

    /// Undo `source alias NAME ALIAS`: remove the alias, or, when the alias named a
    /// source that was merged in, unmerge that source. Reports written with the alias
    /// resolve again as if it had never been one (a source of that name is created
    /// when none matches).
    pub fn unalias(&mut self, name: &str, alias: &str) -> Result<WriteSummary> {
        let label = self.label("source unalias", &[name, alias]);
        let item = Pending::Unalias(name.to_string(), alias.to_string());
        self.write(std::iter::once(Ok((0, item))), &label)
    }

    /// Undo `source affiliate NAME LABEL`: remove the label.
    pub fn unaffiliate(&mut self, name: &str, label: &str) -> Result<WriteSummary> {
        let audit = self.label("source unaffiliate", &[name, label]);
        let item = Pending::Unaffiliate(name.to_string(), label.to_string());
        self.write(std::iter::once(Ok((0, item))), &audit)
    }

    /// Retract a report of a claim, given its report id or a unique prefix of it
    /// (as `show` prints it). The report stays in the ledger and leaves every count.
    pub fn retract_report(
        &mut self,
        claim: &ClaimId,
        report: &str,
        reason: Option<String>,
    ) -> Result<WriteSummary> {
        let c = self.claim(claim)?;
        let p = report.trim().to_ascii_lowercase();
        if p.len() < 4 || p.len() > 64 || !crate::hex::is_hex(&p) {
            return Err(Error::Invalid(format!(
                "{report:?} is not a report id: give at least 4 hexadecimal digits of an id that `corroborate show {}` lists",
                &claim.to_hex()[..12]
            )));
        }
        let hits: Vec<&Report> = c
            .reports
            .iter()
            .filter(|r| r.id.to_hex().starts_with(&p))
            .collect();
        let id = match hits.as_slice() {
            [_] if c.reports.len() == 1 => {
                return Err(Error::Invalid(format!(
                    "that is the only report of claim {}: a claim keeps at least one report, so it cannot be retracted (record a `false` verdict instead, or add the right report first)",
                    claim.to_hex()
                )))
            }
            [one] => one.id,
            [] => {
                return Err(Error::Invalid(format!(
                    "claim {} has no report with an id starting with {p:?}: `corroborate show {}` lists its reports",
                    claim.to_hex(),
                    &claim.to_hex()[..12]
                )))
            }
            _ => {
                return Err(Error::Invalid(format!(
                    "{p:?} starts the ids of {} reports of claim {}: give more digits",
                    hits.len(),
                    claim.to_hex()
                )))
            }
        };
        let label = self.label(
            "retract report",
            &[&claim.to_hex()[..12], &id.to_hex()[..12]],
        );
        let item = Pending::Retract(*claim, RetractTarget::Report(id.0), reason);
        self.write(std::iter::once(Ok((0, item))), &label)
    }

    /// Retract a verdict of a claim, given its ledger offset (the `entry` that `show`
    /// prints with each verdict).
    pub fn retract_verdict(
        &mut self,
        claim: &ClaimId,
        entry: u64,
        reason: Option<String>,
    ) -> Result<WriteSummary> {
        let label = self.label(
            "retract verdict",
            &[&claim.to_hex()[..12], &entry.to_string()],
        );
        let item = Pending::Retract(*claim, RetractTarget::Verdict(entry), reason);
        self.write(std::iter::once(Ok((0, item))), &label)
    }

    /// Create or update a source.
    pub fn patch_source(
        &mut self,
        name: &str,
        patch: SourcePatch,
        label: &str,
    ) -> Result<WriteSummary> {
        let item = Pending::Record(source_record(name.to_string(), patch));
        self.write(std::iter::once(Ok((0, item))), label)
    }

    /// Create or update many sources in one commit, all or nothing (the importers of
    /// `sources import-ratings` and `import-affiliations`). Each item carries the input
    /// line it comes from, so an error is reported as `line N: …`; nothing is written
    /// when any item fails, and nothing at all when `items` is empty.
    pub fn patch_sources(
        &mut self,
        items: Vec<(u64, String, SourcePatch)>,
        label: &str,
    ) -> Result<WriteSummary> {
        let items = items
            .into_iter()
            .map(|(n, name, patch)| Ok((n, Pending::Record(source_record(name, patch)))));
        self.write(items, label)
    }

    /// Merge source `from` into `into` (see [`Database::plan_merge`] for the
    /// confirmation a front-end should ask).
    pub fn merge(&mut self, into: &str, from: &str) -> Result<WriteSummary> {
        self.merge_as(into, from, "source merge")
    }

    /// Merge source `from` into `into`, naming the command `label` in the audit trail
    /// (an automatic merge says there that it was automatic, and why).
    pub fn merge_as(&mut self, into: &str, from: &str, label: &str) -> Result<WriteSummary> {
        let a = self.reg.find(into)?;
        let b = self.reg.find(from)?;
        if a == b {
            return Err(Error::Invalid(format!(
                "{into:?} and {from:?} are already the same source ({})",
                self.reg.display_name(a)
            )));
        }
        let label = self.label(label, &[into, from]);
        let item = Pending::Merge(into.to_string(), from.to_string());
        self.write(std::iter::once(Ok((0, item))), &label)
    }

    /// Record a person's decision that sources `a` and `b` are not the same, so that
    /// source-resolution suggestions leave the pair out. Recording a pair that is
    /// already recorded writes nothing (the summary's `records` is 0).
    pub fn distinct(&mut self, a: &str, b: &str) -> Result<WriteSummary> {
        let item = Pending::Distinct(a.to_string(), b.to_string());
        self.write(std::iter::once(Ok((0, item))), "source distinct")
    }

    /// Link two claims as the same claim (`same`) or as different claims, as a
    /// person. Refused when it contradicts a person's other links (see
    /// `docs/matching.md`); nothing is written when the link is already recorded.
    pub fn link(&mut self, a: &ClaimId, b: &ClaimId, same: bool) -> Result<WriteSummary> {
        let rec = record::LinkRecord {
            a: a.to_hex(),
            b: b.to_hex(),
            relation: if same {
                record::LinkRelation::Same
            } else {
                record::LinkRelation::Different
            },
            by: record::LinkAuthor::Person,
            score: None,
            model: None,
            threshold: None,
        };
        let (ha, hb) = (a.to_hex(), b.to_hex());
        let command = if same { "link" } else { "link --different" };
        let label = self.label(command, &[&ha[..12], &hb[..12]]);
        self.write_records(std::iter::once(Ok((0, Record::Link(rec)))), &label)
    }

    /// Remove every link (a person's and the matcher's) between two claims.
    pub fn unlink(&mut self, a: &ClaimId, b: &ClaimId) -> Result<WriteSummary> {
        let (ha, hb) = (a.to_hex(), b.to_hex());
        let label = self.label("unlink", &[&ha[..12], &hb[..12]]);
        self.write(std::iter::once(Ok((0, Pending::Unlink(*a, *b)))), &label)
    }

    // ---- users of the server -------------------------------------------------------

    /// Every user and role, by name.
    pub fn users(&self) -> Result<Vec<crate::users::UserRow>> {
        self.store
            .users()?
            .into_iter()
            .map(|(name, role)| {
                Ok(crate::users::UserRow {
                    role: crate::users::Role::parse(&role)?,
                    name,
                })
            })
            .collect()
    }

    /// Who a token belongs to, with the role: `None` for an unknown token or a removed
    /// user.
    pub fn authenticate(
        &self,
        secrets: &crate::users::Secrets,
        token: &str,
    ) -> Result<Option<(String, crate::users::Role)>> {
        let Some(name) = secrets.user_of(token) else {
            return Ok(None);
        };
        match self.store.user_role(name)? {
            Some(role) => Ok(Some((name.to_string(), crate::users::Role::parse(&role)?))),
            None => Ok(None),
        }
    }

    /// Add a user with a role and a new token, which is returned (and never kept).
    pub fn add_user(
        &mut self,
        name: &str,
        role: crate::users::Role,
    ) -> Result<crate::users::NewToken> {
        let change = ledger::UserChange::Add(role.as_str().into());
        self.user_change(name, change, role)
    }

    /// Give a user a new token; the old one stops working.
    pub fn reset_user(&mut self, name: &str) -> Result<crate::users::NewToken> {
        let role = self.user_role(name)?;
        self.user_change(name, ledger::UserChange::Reset, role)
    }

    /// Give a user another role.
    pub fn set_user_role(&mut self, name: &str, role: crate::users::Role) -> Result<()> {
        let label = self.label("user role", &[name, role.as_str()]);
        let change = ledger::UserChange::Role(role.as_str().into());
        self.write(
            std::iter::once(Ok((0, Pending::User(name.into(), change)))),
            &label,
        )?;
        Ok(())
    }

    /// Set a user's password (for the web page's login); only its argon2id hash is kept.
    pub fn set_user_password(&mut self, name: &str, password: &str) -> Result<()> {
        self.user_role(name)?;
        let mut secrets = crate::users::Secrets::load(&self.dir)?;
        secrets.set_password(name, password)?;
        let label = self.label("user password", &[name]);
        let change = ledger::UserChange::Password;
        self.write(
            std::iter::once(Ok((0, Pending::User(name.into(), change)))),
            &label,
        )?;
        secrets.save(&self.dir)
    }

    /// Remove a user and its token.
    pub fn remove_user(&mut self, name: &str) -> Result<()> {
        let label = self.label("user remove", &[name]);
        let change = ledger::UserChange::Remove;
        self.write(
            std::iter::once(Ok((0, Pending::User(name.into(), change)))),
            &label,
        )?;
        let mut secrets = crate::users::Secrets::load(&self.dir)?;
        secrets.remove(name);
        secrets.save(&self.dir)
    }

    pub(super) fn user_role(&self, name: &str) -> Result<crate::users::Role> {
        self.user_role_of(name)?
            .ok_or_else(|| Error::NoSuchUser(crate::chars::visible(name).into_owned()))
    }

    /// A user's role, `None` when there is no such user.
    pub fn user_role_of(&self, name: &str) -> Result<Option<crate::users::Role>> {
        self.store
            .user_role(name)?
            .map(|r| crate::users::Role::parse(&r))
            .transpose()
    }

    /// Record a user change that issues a token: the ledger entry first (validated like
    /// every write), then the token's hash in `secrets.json`.
    pub(super) fn user_change(
        &mut self,
        name: &str,
        change: ledger::UserChange,
        role: crate::users::Role,
    ) -> Result<crate::users::NewToken> {
        let token = crate::users::new_token()?;
        let label = match change {
            ledger::UserChange::Reset => self.label("user reset", &[name]),
            _ => self.label("user add", &[name, role.as_str()]),
        };
        self.write(
            std::iter::once(Ok((0, Pending::User(name.into(), change)))),
            &label,
        )?;
        let mut secrets = crate::users::Secrets::load(&self.dir)?;
        secrets.set(name, &token);
        secrets.save(&self.dir).map_err(|e| {
            Error::Invalid(format!(
                "the user {name} is recorded but its token could not be kept ({e}); run `corroborate user reset {name}` to issue a new one"
            ))
        })?;
        Ok(crate::users::NewToken {
            name: name.to_string(),
            role,
            token,
        })
    }

    /// Keep claims' vectors (or, for `lexical`, the mark that the matcher has seen
    /// them) in the store's cache. Nothing is kept in a read-only database: the
    /// matcher computes them again next time.
    pub fn put_vectors(&self, model: &str, items: &[(ClaimId, Vec<f32>)]) -> Result<()> {
        if self.read_only {
            return Ok(());
        }
        for (id, v) in items {
            self.store.put_vector(id, model, v)?;
        }
        self.store.flush()
    }
}

/// An item to write: a record, or a registry command. Registry commands that set
/// attributes are source records, so that they are validated like imported ones.
pub(super) enum Pending {
    Record(Record),
    Merge(String, String),
    /// `into`, `from`.
    Unmerge(String, String),
    /// Source, alias.
    Unalias(String, String),
    /// Source, label.
    Unaffiliate(String, String),
    /// Claim, what, reason.
    Retract(ClaimId, RetractTarget, Option<String>),
    Distinct(String, String),
    /// Remove the links between two claims.
    Unlink(ClaimId, ClaimId),
    /// A change to a server user.
    User(String, ledger::UserChange),
}

/// The stored distinct pairs as pairs of live sources (merges followed), in id order.
pub(super) fn canonical_pairs(store: &Store, reg: &Registry) -> Result<Vec<(SourceId, SourceId)>> {
    let mut out: Vec<(SourceId, SourceId)> = store
        .distinct_pairs()?
        .into_iter()
        .map(|(a, b)| {
            let (a, b) = (reg.canonical(a), reg.canonical(b));
            if a <= b {
                (a, b)
            } else {
                (b, a)
            }
        })
        .filter(|(a, b)| a != b)
        .collect();
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// A source patch (from `source set`, `alias`, a list importer) as the record that
/// writes it.
pub(super) fn source_record(name: String, patch: SourcePatch) -> Record {
    Record::Source(record::SourceRecord {
        name,
        aliases: patch.aliases,
        homepage: patch.homepage.map(|u| u.to_string()),
        kind: patch.kind,
        affiliations: patch.affiliations,
        rating: patch.rating,
    })
}

/// Turn a validated item into a ledger entry, checking it against the registry as it
/// will be when the entry is applied (`scratch` follows the write as it goes; `names`
/// holds the hop names already resolved in it since the last registry entry).
/// What a write has met so far, so that each report is written once.
#[derive(Default)]
pub(super) struct Seen {
    /// Claims met in this write.
    pub(super) claims: HashSet<ClaimId>,
    /// Claims met that were stored before this write.
    pub(super) stored: HashSet<ClaimId>,
    /// Report ids (their first 16 bytes) of the stored claims met: those stored, and
    /// those this write adds. (A claim new in this write cannot repeat a stored
    /// report; a line repeated inside one write is collapsed when applied. Tracking
    /// only stored claims keeps a first import of millions of reports from holding
    /// every report id in memory.)
    pub(super) reports: HashSet<u128>,
    /// Hop names resolved since the last registry entry, and their sources.
    pub(super) names: HashMap<String, SourceId>,
    /// Reports left out as already recorded.
    pub(super) duplicates: u64,
    /// The claim links as the write leaves them, once a link or unlink is met.
    pub(super) links: Option<Vec<StoredLink>>,
}

impl Seen {
    fn links(&mut self, store: &Store) -> Result<&mut Vec<StoredLink>> {
        if self.links.is_none() {
            self.links = Some(store.links()?);
        }
        Ok(self.links.as_mut().expect("just set"))
    }
}

pub(super) fn same_pair(l: &StoredLink, a: &ClaimId, b: &ClaimId) -> bool {
    (l.a == *a && l.b == *b) || (l.a == *b && l.b == *a)
}

/// Check a person's link against the person's other links: "same" must not join two
/// claims a person marked different, and "different" must not split claims a person
/// joined (directly or through other claims). The matcher's links give way to either.
pub(super) fn check_person_link(
    store: &Store,
    stored: &[StoredLink],
    new: &StoredLink,
) -> Result<()> {
    let short = |c: &ClaimId| c.to_hex()[..12].to_string();
    let mut person: Vec<StoredLink> = stored
        .iter()
        .filter(|s| s.person && !same_pair(s, &new.a, &new.b))
        .cloned()
        .collect();
    let number = |c: &ClaimId| store.claim_number(c).ok().flatten().or(Some(u64::MAX));
    if new.same {
        person.push(new.clone());
    } else {
        // Which claims a person's "same" links join, without this link.
        person.retain(|l| l.same);
    }
    let groups = Groups::build(person, number);
    if new.same {
        if let Some(r) = groups.refused().iter().find(|r| r.link.entry == u64::MAX) {
            return Err(Error::Invalid(format!(
                "claims {} and {} cannot be linked as the same: a person marked {} and {} as different claims, and this link would put them in one group; if that was wrong, `corroborate unlink {} {}` first",
                short(&new.a),
                short(&new.b),
                short(&r.because.a),
                short(&r.because.b),
                short(&r.because.a),
                short(&r.because.b)
            )));
        }
    } else if groups.same(&new.a, &new.b) {
        let path: Vec<String> = groups
            .group_of(&new.a)
            .map(|g| {
                g.joined_by
                    .iter()
                    .map(|l| format!("{}={}", short(&l.a), short(&l.b)))
                    .collect()
            })
            .unwrap_or_default();
        return Err(Error::Invalid(format!(
            "claims {} and {} cannot be marked different: a person linked them as the same (links {}); `corroborate unlink` one of those first",
            short(&new.a),
            short(&new.b),
            path.join(", ")
        )));
    }
    Ok(())
}

pub(super) fn report_key(id: &ReportId) -> u128 {
    let mut k = [0u8; 16];
    k.copy_from_slice(&id.0[..16]);
    u128::from_le_bytes(k)
}

/// Turn an item into a ledger entry, validating it and checking it against the
/// registry as it will be when the entry is applied (`scratch` follows the write as it
/// goes). A report already recorded (same claim, chain, URL and date) gives no entry:
/// re-importing a file adds nothing to the ledger.
pub(super) fn to_entry(
    p: Pending,
    store: &Store,
    cursors: &mut (ledger::Cursor<'_>, ledger::Cursor<'_>),
    scratch: &mut Registry,
    seen: &mut Seen,
    now: i64,
) -> Result<Option<Entry>> {
    // The one place where what is written is validated: every write path (import,
    // add, verdict, extract --import, registry commands, list importers) comes here.
    match &p {
        Pending::Record(r) => r.validate()?,
        Pending::Merge(into, from)
        | Pending::Unmerge(into, from)
        | Pending::Distinct(into, from) => {
            record::check_name("source", into)?;
            record::check_name("source", from)?;
        }
        Pending::Unalias(name, other) | Pending::Unaffiliate(name, other) => {
            record::check_name("source", name)?;
            record::check_name("alias or label", other)?;
        }
        Pending::Retract(_, _, reason) => {
            if let Some(r) = reason {
                record::check_name("reason", r)?;
            }
        }
        Pending::User(name, change) => {
            crate::users::check_name(name)?;
            if let ledger::UserChange::Add(r) | ledger::UserChange::Role(r) = change {
                crate::users::Role::parse(r)?;
            }
            let exists = store.user_role(name)?.is_some();
            match (change, exists) {
                (ledger::UserChange::Add(_), true) => {
                    return Err(Error::Invalid(format!(
                        "a user named {name} exists already; `corroborate user reset {name}` gives it a new token, `corroborate user role {name} ROLE` a new role"
                    )))
                }
                (ledger::UserChange::Add(_), false) | (_, true) => {}
                (_, false) => return Err(Error::NoSuchUser(name.clone())),
            }
        }
        Pending::Unlink(a, b) => {
            if a == b {
                return Err(Error::Invalid(
                    "unlink needs two different claims; both ids are the same".into(),
                ));
            }
        }
    }
    if !matches!(
        p,
        Pending::Record(Record::Report(_))
            | Pending::Record(Record::Verdict(_))
            | Pending::Record(Record::Link(_))
            | Pending::Unlink(..)
    ) {
        seen.names.clear();
    }
    Ok(Some(match p {
        Pending::Record(Record::Report(r)) => {
            let id = ClaimId::of_text(&r.claim);
            let first = seen.claims.insert(id);
            let stored = if first {
                store.has_claim(&id)?
            } else {
                seen.stored.contains(&id)
            };
            if first && stored {
                seen.stored.insert(id);
                if let Some(c) = store.get_claim(&id)? {
                    let c = join(&mut cursors.0, &mut cursors.1, scratch, c)?;
                    seen.reports
                        .extend(c.reports.iter().map(|r| report_key(&r.id)));
                }
            }
            let hops: Vec<HopEntry> = r
                .chain
                .into_hops()
                .into_iter()
                .map(|h| HopEntry {
                    name: h.name,
                    anonymous: h.anonymous,
                })
                .collect();
            // Resolve every named hop against the registry as the write leaves it
            // (creating sources as apply will), remembering the answer per name.
            for h in hops.iter().filter(|h| !h.anonymous) {
                if !seen.names.contains_key(&h.name) {
                    let (s, _) = scratch.resolve_or_create(&h.name);
                    seen.names.insert(h.name.clone(), s);
                }
            }
            if stored {
                let resolved: Vec<Hop> = hops
                    .iter()
                    .map(|h| match h.anonymous {
                        true => Hop::Anonymous(h.name.clone()),
                        false => Hop::Named {
                            source: seen.names[&h.name],
                            written: None,
                        },
                    })
                    .collect();
                let rid = report_id(
                    &id,
                    &resolved,
                    r.url.as_deref(),
                    r.published.as_deref(),
                    scratch,
                );
                if !seen.reports.insert(report_key(&rid)) {
                    seen.duplicates += 1;
                    return Ok(None);
                }
            }
            Entry::Report {
                claim: if first && !stored {
                    ClaimRef::Text(r.claim)
                } else {
                    ClaimRef::Id(id.0)
                },
                hops,
                url: r.url,
                published: r.published,
                // Validated above; a backup's recording time is kept.
                added: match r.recorded.as_deref() {
                    Some(d) => crate::date::sort_key(d)?,
                    None => now,
                },
            }
        }
        Pending::Record(Record::Source(s)) => {
            let patch = s.patch()?;
            scratch.upsert(&s.name, &patch)?;
            Entry::Source {
                name: s.name,
                aliases: s.aliases,
                homepage: patch.homepage.map(|u| u.to_string()),
                kind: s.kind,
                affiliations: s.affiliations,
                rating: s.rating,
            }
        }
        Pending::Record(Record::Verdict(v)) => {
            let id = v.claim_id()?;
            if !seen.claims.contains(&id) && !store.has_claim(&id)? {
                return Err(Error::NoSuchClaim(id.to_hex()));
            }
            Entry::Verdict {
                claim: id.0,
                verdict: v.verdict,
                by: v.by,
                url: v.url,
                note: v.note,
                date: v.date,
                added: now,
            }
        }
        Pending::Record(Record::Link(l)) => {
            let (a, b) = l.ids()?;
            for id in [a, b] {
                if !seen.claims.contains(&id) && !store.has_claim(&id)? {
                    return Err(Error::NoSuchClaim(id.to_hex()));
                }
            }
            let link = ledger::ClaimLink::from_record(&l);
            let stored = seen.links(store)?;
            let person = link.matcher.is_none();
            if stored
                .iter()
                .any(|s| s.person == person && s.same == link.same && same_pair(s, &a, &b))
            {
                return Ok(None);
            }
            let new = StoredLink {
                a: if a.0 <= b.0 { a } else { b },
                b: if a.0 <= b.0 { b } else { a },
                person,
                same: link.same,
                score: link.matcher.as_ref().map(|m| m.score),
                model: link.matcher.as_ref().map(|m| m.model.clone()),
                threshold: link.matcher.as_ref().map(|m| m.threshold),
                // Orders after every stored link.
                entry: u64::MAX,
            };
            if person {
                check_person_link(store, stored, &new)?;
            }
            stored.retain(|s| !(s.person == person && same_pair(s, &a, &b)));
            stored.push(new);
            Entry::Link {
                a: a.0,
                b: b.0,
                link,
                added: now,
            }
        }
        Pending::Unlink(a, b) => {
            let stored = seen.links(store)?;
            if !stored.iter().any(|s| same_pair(s, &a, &b)) {
                let groups =
                    Groups::build(stored.clone(), |c| store.claim_number(c).ok().flatten());
                let why = if groups.same(&a, &b) {
                    format!(
                        "they are in one group through other links; `corroborate show {}` lists the links that joined it, unlink one of those",
                        &a.to_hex()[..12]
                    )
                } else {
                    "they are not in one group either".to_string()
                };
                return Err(Error::Invalid(format!(
                    "claims {} and {} are not linked to each other: {why}",
                    &a.to_hex()[..12],
                    &b.to_hex()[..12]
                )));
            }
            stored.retain(|s| !same_pair(s, &a, &b));
            Entry::Unlink { a: a.0, b: b.0 }
        }
        Pending::User(name, change) => Entry::User { name, change },
        Pending::Merge(into, from) => {
            let a = scratch.find(&into)?;
            let b = scratch.find(&from)?;
            scratch.merge(a, b)?;
            Entry::Merge { into, from }
        }
        Pending::Unmerge(into, from) => {
            let a = scratch.find(&into)?;
            let b = merged_in(scratch, a, &from)?;
            scratch_unmerge(store, scratch, a, b)?;
            Entry::Unmerge { into, from }
        }
        Pending::Unalias(name, alias) => {
            let a = scratch.find(&name)?;
            if let Some(b) = scratch.merged_into_by_name(a, &alias) {
                // The alias came with a merge (`source alias` of a name that was a
                // source): undoing it is undoing that merge.
                scratch_unmerge(store, scratch, a, b)?;
                Entry::Unmerge {
                    into: name,
                    from: alias,
                }
            } else {
                if scratch.remove_alias(a, &alias).is_none() {
                    let s = scratch
                        .get(a)
                        .map(|s| s.aliases.join(", "))
                        .unwrap_or_default();
                    return Err(Error::Invalid(format!(
                        "{:?} has no alias {alias:?} (its aliases: {}); `corroborate source show {name:?}` lists them and where each came from",
                        scratch.display_name(a),
                        if s.is_empty() { "none".to_string() } else { s }
                    )));
                }
                Entry::Unalias { name, alias }
            }
        }
        Pending::Unaffiliate(name, label) => {
            let a = scratch.find(&name)?;
            if !scratch.remove_affiliation(a, &label) {
                let s = scratch
                    .get(a)
                    .map(|s| s.affiliations.join(", "))
                    .unwrap_or_default();
                return Err(Error::Invalid(format!(
                    "{:?} is not affiliated with {label:?} (its labels: {})",
                    scratch.display_name(a),
                    if s.is_empty() { "none".to_string() } else { s }
                )));
            }
            Entry::Unaffiliate { name, label }
        }
        Pending::Retract(claim, target, reason) => {
            if !store.has_claim(&claim)? {
                return Err(Error::NoSuchClaim(claim.to_hex()));
            }
            match target {
                RetractTarget::Report(id) => {
                    let c = store
                        .get_claim(&claim)?
                        .ok_or_else(|| Error::NoSuchClaim(claim.to_hex()))?;
                    let c = join(&mut cursors.0, &mut cursors.1, scratch, c)?;
                    if !c.reports.iter().any(|r| r.id.0 == id) {
                        return Err(Error::Invalid(format!(
                            "claim {} has no report {} (retracted already?)",
                            claim.to_hex(),
                            crate::hex::encode(&id)
                        )));
                    }
                }
                RetractTarget::Verdict(at) => {
                    if !store.verdicts_of(&claim)?.iter().any(|v| v.seq == at) {
                        return Err(Error::Invalid(format!(
                            "claim {} has no verdict at entry {at} (retracted already?): `corroborate show {}` lists each verdict with its entry",
                            claim.to_hex(),
                            &claim.to_hex()[..12]
                        )));
                    }
                }
            }
            Entry::Retract {
                claim: claim.0,
                target,
                reason,
            }
        }
        Pending::Distinct(a, b) => {
            let x = scratch.find(&a)?;
            let y = scratch.find(&b)?;
            if x == y {
                return Err(Error::Invalid(format!(
                    "{a:?} and {b:?} are already the same source ({}), so they cannot be kept apart",
                    scratch.display_name(x)
                )));
            }
            let pair = if x <= y { (x, y) } else { (y, x) };
            if canonical_pairs(store, scratch)?
                .binary_search(&pair)
                .is_ok()
            {
                return Ok(None);
            }
            Entry::Distinct { a, b }
        }
    }))
}

/// The source merged directly into `into` that `from` names, or an error that says
/// what `from` is.
pub(super) fn merged_in(reg: &Registry, into: SourceId, from: &str) -> Result<SourceId> {
    if let Some(b) = reg.merged_into_by_name(into, from) {
        return Ok(b);
    }
    let what = match reg.resolve(from) {
        crate::source::Resolution::Known(b) if b != into => {
            format!("it is the separate source {:?}", reg.display_name(b))
        }
        crate::source::Resolution::Known(_) => format!(
            "it is {:?}'s own name or alias, or that of a source merged into another one first (unmerge that one first)",
            reg.display_name(into)
        ),
        crate::source::Resolution::Unknown => "no source is known by it".to_string(),
    };
    Err(Error::Invalid(format!(
        "{from:?} was not merged into {:?}: {what}",
        reg.display_name(into)
    )))
}

/// Unmerge `from` out of `into` in a scratch registry, with what the store recorded
/// of the merge.
pub(super) fn scratch_unmerge(
    store: &Store,
    reg: &mut Registry,
    into: SourceId,
    from: SourceId,
) -> Result<()> {
    let m = store.merge_of(from)?;
    let (aliases, labels, homepage, rating) = match &m {
        Some(m) => (
            m.aliases.as_slice(),
            m.affiliations.as_slice(),
            m.homepage,
            m.rating,
        ),
        None => (&[][..], &[][..], false, false),
    };
    reg.unmerge(into, from, aliases, labels, homepage, rating);
    Ok(())
}

/// Reads lines with a size cap, so a hostile input cannot make one line fill memory.
pub(super) struct LineReader<R> {
    pub(super) r: R,
    pub(super) n: u64,
    pub(super) buf: Vec<u8>,
}

impl<R: BufRead> LineReader<R> {
    fn new(r: R) -> Self {
        LineReader {
            r,
            n: 0,
            buf: Vec::new(),
        }
    }

    /// The next line (1-based number, text without the newline).
    fn next_line(&mut self) -> Result<Option<(u64, String)>> {
        self.buf.clear();
        let cap = record::MAX_LINE_BYTES as u64 + 2;
        let got = (&mut self.r)
            .take(cap)
            .read_until(b'\n', &mut self.buf)
            .map_err(|e| Error::io("reading the input", e))?;
        if got == 0 {
            return Ok(None);
        }
        self.n += 1;
        if self.buf.last() == Some(&b'\n') {
            self.buf.pop();
            if self.buf.last() == Some(&b'\r') {
                self.buf.pop();
            }
        } else if got as u64 >= cap {
            // Say how long the line really is: count the rest of it without keeping
            // it (memory stays bounded whatever the input).
            let mut len = got as u64;
            loop {
                let chunk = self
                    .r
                    .fill_buf()
                    .map_err(|e| Error::io("reading the input", e))?;
                if chunk.is_empty() {
                    break;
                }
                let (used, end) = match chunk.iter().position(|b| *b == b'\n') {
                    Some(i) => (i + 1, true),
                    None => (chunk.len(), false),
                };
                len += (used - usize::from(end)) as u64;
                self.r.consume(used);
                if end {
                    break;
                }
            }
            return Err(Error::Line {
                line: self.n,
                message: format!(
                    "the line is longer than {} bytes (1 MiB), the most allowed: it is {len} bytes long",
                    record::MAX_LINE_BYTES
                ),
            });
        }
        let line = std::str::from_utf8(&self.buf).map_err(|e| Error::Line {
            line: self.n,
            message: format!("the line is not valid UTF-8 (byte {})", e.valid_up_to() + 1),
        })?;
        Ok(Some((self.n, line.to_string())))
    }
}
