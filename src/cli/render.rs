//! The CLI's text for people: every answer a command prints, in one place, shared by
//! the local commands and those run through a server (`remote.rs`). Listings go
//! through the library's `output` (tables, JSON, CSV); this module writes the
//! sentences around them. Everything it writes reaches a terminal through
//! `output::Escaping`, so it never escapes by itself except where a value is put in a
//! table cell.

use std::io::{self, Write};

use corroborate::chars;
use corroborate::db::WriteSummary;
use corroborate::output::{self, Format};
use corroborate::view;

use super::Ctx;

/// `verify`'s report: for people unless JSON is asked for explicitly; a failure when
/// it found a problem.
pub(crate) fn render_verify(
    out: &mut dyn Write,
    ctx: &Ctx,
    rep: &corroborate::db::VerifyReport,
) -> anyhow::Result<()> {
    // A report for people unless JSON is asked for explicitly.
    if !matches!(ctx.format, Some(Format::Json | Format::Jsonl)) {
        writeln!(
                    out,
                    "checked {} ledger entries ({} commits), {} claim ids, {} report ids, {} claim links ({} groups of wordings), and the store against the ledger",
                    rep.entries, rep.commits, rep.claims, rep.reports, rep.links, rep.groups
                )?;
        for p in &rep.problems {
            writeln!(out, "PROBLEM: {p}")?;
        }
        if rep.problems.is_empty() {
            writeln!(out, "ok")?;
        }
    } else {
        output::write_json(out, ctx.format(), rep)?;
    }
    if rep.problems.is_empty() {
        Ok(())
    } else {
        Err(anyhow::anyhow!(
                    "verification found {} problem{}: a problem of the store alone is repaired by `corroborate rebuild`; a damaged ledger by `corroborate salvage NEW_DIR` (rebuild refuses, changing nothing, when the ledger is damaged)",
                    rep.problems.len(),
                    plural(rep.problems.len())
                ))
    }
}

/// `show`'s claim in the chosen format.
pub(crate) fn render_detail(
    out: &mut dyn Write,
    ctx: &Ctx,
    d: &view::ClaimDetail,
) -> anyhow::Result<()> {
    match ctx.format() {
        Format::Table => print_detail(out, d)?,
        f @ (Format::Json | Format::Jsonl) => output::write_json(out, f, d)?,
        Format::Csv => {
            output::write_rows(out, Format::Csv, std::slice::from_ref(&d.summary), None)?;
        }
    }
    Ok(())
}

/// A new user's token: once, as the last line (or in JSON).
pub(crate) fn print_token(
    out: &mut dyn Write,
    ctx: &Ctx,
    made: &corroborate::users::NewToken,
) -> anyhow::Result<()> {
    match ctx.format {
        Some(f @ (Format::Json | Format::Jsonl)) => output::write_json(out, f, made)?,
        _ => {
            writeln!(
                out,
                "{} ({}): keep this token now, it is not shown again; send it as `Authorization: Bearer TOKEN`",
                made.name,
                made.role.as_str()
            )?;
            writeln!(out, "{}", made.token)?;
        }
    }
    Ok(())
}

/// What `add` did: the claim's id, then its counts with the report added.
pub(crate) fn print_added(
    out: &mut dyn Write,
    id: &str,
    duplicate: bool,
    s: &view::ClaimSummary,
) -> io::Result<()> {
    if duplicate {
        writeln!(out, "{id}  (this report was already recorded)")?;
    } else {
        writeln!(out, "{id}")?;
    }
    writeln!(
        out,
        "{} report{}, {} independent source{}{}",
        s.reports,
        plural(s.reports),
        s.independent_sources,
        plural(s.independent_sources),
        flag_suffix(s)
    )
}

/// What `link` did, from the number of links it wrote.
pub(crate) fn print_link(
    out: &mut dyn Write,
    a: &str,
    b: &str,
    links: u64,
    different: bool,
) -> io::Result<()> {
    let (ha, hb) = (&a[..12.min(a.len())], &b[..12.min(b.len())]);
    match (links, different) {
        (0, _) => writeln!(out, "{ha} and {hb} were already linked so"),
        (_, false) => writeln!(
            out,
            "linked {ha} and {hb} as the same claim; `corroborate show {ha}` counts their reports together"
        ),
        (_, true) => writeln!(
            out,
            "marked {ha} and {hb} as different claims: no automatic match will join them"
        ),
    }
}

/// Print what joining two sources changes.
pub(crate) fn print_join(out: &mut dyn Write, p: &corroborate::db::JoinPlan) -> io::Result<()> {
    let side = |s: &corroborate::db::JoinSide| {
        format!(
            "{:?} ({} report{} in {} claim{})",
            s.name,
            s.reports,
            plural(s.reports),
            s.claims,
            plural(s.claims)
        )
    };
    writeln!(
        out,
        "would merge {} into {}: it becomes an alias, its reports go through {:?}, and every count that involves both changes",
        side(&p.from),
        side(&p.into),
        p.into.name
    )
}

pub(crate) fn print_salvage(
    out: &mut dyn Write,
    ctx: &Ctx,
    r: &corroborate::db::SalvageReport,
) -> anyhow::Result<()> {
    if matches!(ctx.format, Some(Format::Json | Format::Jsonl)) {
        output::write_json(out, ctx.format(), r)?;
        return Ok(());
    }
    writeln!(
        out,
        "salvaged {} entries ({} bytes, {} claims) into {}",
        r.kept_entries, r.kept_bytes, r.kept_claims, r.to
    )?;
    match &r.damage {
        Some(d) => writeln!(out, "damage at byte {}: {}", d.offset, d.why)?,
        None => writeln!(out, "no damage found: only an unfinished write followed")?,
    }
    writeln!(
        out,
        "lost: {} bytes, {} readable entries, {} unreadable bytes, {} claims not in the new database",
        r.lost_bytes,
        r.lost_entries,
        r.unreadable_bytes,
        r.lost_claims.len()
    )?;
    for l in &r.lost {
        let altered = if l.altered {
            " (the entry that may have been altered)"
        } else {
            ""
        };
        writeln!(out, "  lost at byte {}: {}{altered}", l.offset, l.what)?;
    }
    if !r.lost.is_empty() {
        writeln!(
            out,
            "Record what was lost again in the new database (`salvage --lost FILE` writes it as import records); {} itself is unchanged.",
            r.from
        )?;
    }
    Ok(())
}

pub(crate) fn print_summary(out: &mut dyn Write, s: &WriteSummary) -> io::Result<()> {
    writeln!(
        out,
        "imported {} records: claims {} new, {} known; reports {} new, {} duplicate; sources {} created, {} records applied; verdicts {}{}",
        s.records,
        s.claims_new,
        s.claims_known,
        s.reports_new,
        s.reports_duplicate,
        s.sources_created,
        s.source_records,
        s.verdicts,
        if s.links > 0 {
            format!("; claim links {}", s.links)
        } else {
            String::new()
        }
    )
}

pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

pub(crate) fn flag_suffix(s: &view::ClaimSummary) -> String {
    let f = output::flags(s);
    if f.is_empty() {
        String::new()
    } else {
        format!(" [{}]", f.join(", "))
    }
}

pub(crate) fn print_detail(out: &mut dyn Write, d: &view::ClaimDetail) -> io::Result<()> {
    let s = &d.summary;
    writeln!(out, "claim   {}", s.id)?;
    writeln!(out, "text    {}", s.text)?;
    writeln!(
        out,
        "count   {} report{}, {} independent source{}{}",
        s.reports,
        plural(s.reports),
        s.independent_sources,
        plural(s.independent_sources),
        flag_suffix(s)
    )?;
    writeln!(out, "seen    {} to {}", s.first_seen, s.last_seen)?;
    if d.wordings.len() > 1 {
        writeln!(
            out,
            "\nwordings ({}, counted as one claim)",
            d.wordings.len()
        )?;
        for w in &d.wordings {
            writeln!(
                out,
                "  {}  {} report{}  {}",
                &w.id[..12],
                w.reports,
                plural(w.reports),
                w.text
            )?;
            writeln!(out, "      {}", w.why)?;
        }
    }
    writeln!(out, "\nchains")?;
    for c in &d.chains {
        let mut extra = vec![format!("report {}", &c.report[..c.report.len().min(12)])];
        if d.wordings.len() > 1 {
            extra.push(format!("wording {}", &c.claim[..c.claim.len().min(12)]));
        }
        if let Some(p) = &c.published {
            extra.push(p.clone());
        }
        if let Some(u) = &c.url {
            extra.push(u.clone());
        }
        let written: Vec<String> = c
            .hops
            .iter()
            .filter_map(|h| h.written.as_ref().map(|w| format!("{w:?} = {}", h.name)))
            .collect();
        if !written.is_empty() {
            extra.push(format!("written {}", written.join(", ")));
        }
        if extra.is_empty() {
            writeln!(out, "  {}", c.chain)?;
        } else {
            writeln!(out, "  {}  ({})", c.chain, extra.join("; "))?;
        }
    }
    if !d.tree.is_empty() {
        writeln!(out, "\nattribution graph")?;
        for line in d.tree.lines() {
            writeln!(out, "  {line}")?;
        }
    }
    writeln!(out, "\nwhy")?;
    for e in &d.explanation {
        writeln!(out, "  {e}")?;
    }
    writeln!(out, "\nsupport {:.3}", s.support)?;
    for e in view::support_explanation(d) {
        writeln!(out, "  {e}")?;
    }
    if !d.verdicts.is_empty() {
        writeln!(out, "\nverdicts")?;
        for v in &d.verdicts {
            writeln!(
                out,
                "  {} {}{}{}  [entry {}]",
                v.date,
                v.verdict,
                v.by.as_ref()
                    .map(|b| format!(" by {b}"))
                    .unwrap_or_default(),
                v.note
                    .as_ref()
                    .map(|n| format!(": {n}"))
                    .unwrap_or_default(),
                v.entry
            )?;
        }
    }
    Ok(())
}

/// What `match` did (or would do).
pub(crate) fn print_match(
    out: &mut dyn Write,
    ctx: &Ctx,
    s: &corroborate::matching::MatchSummary,
) -> anyhow::Result<()> {
    match ctx.format {
        Some(f @ (Format::Json | Format::Jsonl)) => output::write_json(out, f, s)?,
        _ => {
            writeln!(
                out,
                "{} {} claim link{} ({} new of {} claims matched, {} pairs decided, {} left out for a person's \"different\", {} kept apart because the groups' first wordings differ; model {}, threshold {:.2})",
                if s.dry_run { "would record" } else { "recorded" },
                s.links,
                plural(s.links),
                s.new_claims,
                s.claims,
                s.pairs_compared,
                s.refused,
                s.kept_apart,
                s.model,
                s.threshold
            )?;
            if s.dry_run {
                for p in &s.pairs {
                    writeln!(
                        out,
                        "  {:.3}  {}  {}",
                        p.score,
                        &p.a[..12],
                        chars::visible(&p.a_text)
                    )?;
                    writeln!(
                        out,
                        "         {}  {}",
                        &p.b[..12],
                        chars::visible(&p.b_text)
                    )?;
                }
            } else if s.model == corroborate::similarity::MODEL_LEXICAL {
                writeln!(
                    out,
                    "no embedding model was found, so claims were matched by their words; `corroborate model show` says how to install one"
                )?;
            }
        }
    }
    Ok(())
}

pub(crate) fn print_retracted(
    out: &mut dyn Write,
    claim: &str,
    s: &WriteSummary,
) -> anyhow::Result<()> {
    if s.retracted > 0 {
        writeln!(
            out,
            "retracted; `corroborate show {}` shows the claim now",
            &claim[..12.min(claim.len())]
        )?;
    }
    Ok(())
}

pub(crate) fn print_aliased(
    out: &mut dyn Write,
    name: &str,
    alias: &str,
    s: &WriteSummary,
) -> anyhow::Result<()> {
    if s.merges > 0 {
        writeln!(
            out,
            "merged {alias:?} into {name:?}: it is now an alias, and its reports follow (undo: corroborate source unalias {name:?} {alias:?})"
        )?;
    } else {
        writeln!(out, "{alias:?} is now an alias of {name:?}")?;
    }
    Ok(())
}

pub(crate) fn print_unaliased(
    out: &mut dyn Write,
    name: &str,
    alias: &str,
    s: &WriteSummary,
) -> anyhow::Result<()> {
    if s.sources_created > 0 {
        writeln!(
            out,
            "{alias:?} is no longer an alias of {name:?}; the reports written with it now go through a new source {alias:?}"
        )?;
    } else {
        writeln!(out, "{alias:?} is no longer an alias of {name:?}")?;
    }
    Ok(())
}

pub(crate) fn print_distinct(
    out: &mut dyn Write,
    a: &str,
    b: &str,
    s: &WriteSummary,
) -> anyhow::Result<()> {
    if s.records == 0 {
        writeln!(out, "{a:?} and {b:?} were already recorded as distinct")?;
    } else {
        writeln!(
            out,
            "{a:?} and {b:?} are recorded as distinct sources: suggestions leave the pair out"
        )?;
    }
    Ok(())
}

/// `sources builtin`: the built-in outlet table (no database needed).
pub(crate) fn print_builtin(ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let rows: Vec<OutletRow> = corroborate::source::outlets::builtin()
        .outlets()
        .iter()
        .map(|o| OutletRow(o.clone()))
        .collect();
    output::write_rows(out, ctx.format(), &rows, ctx.width())?;
    Ok(())
}

/// One outlet of the built-in table as a listing row.
#[derive(serde::Serialize)]
#[serde(transparent)]
pub(crate) struct OutletRow(corroborate::source::outlets::Outlet);

impl output::Row for OutletRow {
    fn headers() -> Vec<&'static str> {
        vec!["name", "hosts", "aliases", "kind"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.0.name.clone(),
            self.0.hosts.join("|"),
            self.0.aliases.join("|"),
            self.0.kind.as_str().to_string(),
        ]
    }
}

/// One extracted statement as a listing row.
#[derive(serde::Serialize)]
pub(crate) struct ExtractRow {
    pub(crate) chain: String,
    pub(crate) claim: String,
}

impl output::Row for ExtractRow {
    fn headers() -> Vec<&'static str> {
        vec!["chain", "claim"]
    }
    fn cells(&self) -> Vec<String> {
        vec![self.chain.clone(), self.claim.clone()]
    }
}

/// What a `sources import-…` wrote: the plan's JSON, or its counts in words.
pub(crate) fn print_list_import(
    out: &mut dyn Write,
    ctx: &Ctx,
    done: &corroborate::ingest::ListImport,
) -> anyhow::Result<()> {
    use corroborate::ingest::ListImport;
    if matches!(ctx.format, Some(Format::Json | Format::Jsonl)) {
        // Through a `Value`, as it always was: its keys come out sorted.
        output::write_json(out, Format::Jsonl, &serde_json::to_value(done)?)?;
        return Ok(());
    }
    let skipped = match done {
        ListImport::Ratings(plan) => {
            writeln!(
                out,
                "rated {} rows: {} sources created, {} updated, {} unchanged, {} kept their rating{}, {} folded into a parent domain or earlier row, {} skipped",
                plan.rows, plan.created, plan.updated, plan.unchanged, plan.kept,
                if plan.kept > 0 { " (use --override to replace)" } else { "" },
                plan.folded, plan.skipped.len()
            )?;
            for c in &plan.conflicts {
                writeln!(
                    out,
                    "  warning: {} is rated twice: line {} ({:.3}) is kept, line {} ({:.3}) ignored",
                    c.domain, c.kept_line, c.kept, c.ignored_line, c.ignored
                )?;
            }
            &plan.skipped[..]
        }
        ListImport::Affiliations(plan) => {
            writeln!(
                out,
                "read {} rows: {} sources created, {} updated ({} labels, {} aliases added; {} namesakes with another homepage; {} names shared by several sources not made aliases), {} unchanged, {} skipped, {} conflicting rows",
                plan.rows, plan.created, plan.updated, plan.labels, plan.aliases, plan.namesakes, plan.shared_names, plan.unchanged, plan.skipped.len(), plan.conflicts.len()
            )?;
            for c in plan.conflicts.iter().take(20) {
                writeln!(out, "  conflict line {}: {:?}: {}", c.line, c.value, c.why)?;
            }
            if plan.conflicts.len() > 20 {
                writeln!(
                    out,
                    "  … and {} more conflicts (see --format json)",
                    plan.conflicts.len() - 20
                )?;
            }
            &plan.skipped[..]
        }
        ListImport::Outlets(plan) => {
            writeln!(
                out,
                "read {} outlets: {} sources created, {} extended, {} unchanged",
                plan.outlets, plan.created, plan.updated, plan.unchanged
            )?;
            &[]
        }
    };
    for s in skipped.iter().take(20) {
        writeln!(out, "  skipped line {}: {:?}: {}", s.line, s.value, s.why)?;
    }
    if skipped.len() > 20 {
        writeln!(
            out,
            "  … and {} more (see --format json)",
            skipped.len() - 20
        )?;
    }
    Ok(())
}

/// `match --pending`: the matcher's links no person has decided on.
pub(crate) fn print_pending(
    out: &mut dyn Write,
    ctx: &Ctx,
    rows: &[corroborate::matching::PendingLink],
) -> anyhow::Result<()> {
    if rows.is_empty() && ctx.format() == Format::Table {
        writeln!(out, "no match is waiting for a person's decision")?;
        return Ok(());
    }
    super::write_limited(out, ctx, rows, None)
}
