//! Extract-and-import: the statements `extract` finds in one article or in a corpus
//! CSV, written as one all-or-nothing import. One operation each for every front-end
//! (`extract --import`, `extract --csv --import`).
//!
//! A corpus is extracted on one thread and written on the calling one, through a
//! bounded channel: memory stays bounded by the channel and the largest row, nothing
//! goes through a temporary file, and the write is still one commit (a failure on
//! either side leaves the database as it was).

use std::io::Read;
use std::sync::mpsc;

use crate::db::{Database, WriteSummary};
use crate::error::{Error, Result};
use crate::extract::{self, ArticleMeta, CsvOptions, CsvSummary};
use crate::record::Record;

/// Records in flight between the extracting thread and the write.
const IN_FLIGHT: usize = 4096;

/// Extract one article's statements and import them in one write (`label` names the
/// command in the audit trail).
pub fn import_article(
    db: &mut Database,
    text: &str,
    meta: &ArticleMeta,
    label: &str,
) -> Result<WriteSummary> {
    let records = extract::propose(text, meta)?;
    db.write_records(
        records.into_iter().map(|r| Ok((0, Record::Report(r)))),
        label,
    )
}

/// What [`import_csv`] did: the extraction, and the write (also the answer of the
/// server's `POST /api/extract/corpus`).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CorpusImport {
    /// Articles read, statements found, rows skipped.
    pub extracted: CsvSummary,
    /// What the one write recorded.
    pub written: WriteSummary,
}

/// Extract every article of a corpus CSV (see [`extract::extract_csv`]; publishers
/// named from URLs with the database's registry) and import all statements in one
/// write. `progress` gets the CSV bytes read.
pub fn import_csv(
    db: &mut Database,
    input: impl Read + Send,
    opts: &CsvOptions,
    label: &str,
    progress: &mut (dyn FnMut(u64) + Send),
) -> Result<CorpusImport> {
    let reg = db.registry().clone();
    let (tx, rx) = mpsc::sync_channel::<Result<(u64, Record)>>(IN_FLIGHT);
    std::thread::scope(|scope| {
        let extracting = scope.spawn(move || {
            let lookup = |url: &str| -> Option<String> {
                reg.name_for_host(&crate::source::domain_of(url)?)
            };
            let mut emit = |e: &extract::Extracted, meta: &ArticleMeta| -> Result<()> {
                tx.send(Ok((0, Record::Report(e.report(meta)))))
                    // The write stopped (it has its own error to report).
                    .map_err(|_| Error::Invalid("the import stopped".into()))
            };
            let done = extract::extract_csv(input, opts, &lookup, &mut emit, progress);
            match done {
                Ok(summary) => Some(summary),
                Err(e) => {
                    // Ends the write with this error, so nothing is committed.
                    let _ = tx.send(Err(e));
                    None
                }
            }
        });
        let written = db.write_records(rx.into_iter(), label);
        let summary = extracting
            .join()
            .map_err(|_| Error::Invalid("the extraction failed unexpectedly".into()))?;
        Ok(CorpusImport {
            extracted: summary.unwrap_or_default(),
            written: written?,
        })
    })
}

/// A list of sources to import (`sources import-ratings|import-affiliations|
/// import-outlets`), with its options; as JSON (the server's `POST
/// /api/import/sources`) tagged by `list`.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "list", rename_all = "snake_case", deny_unknown_fields)]
pub enum SourceList {
    /// A CSV of domains and ratings.
    Ratings {
        domain_column: String,
        rating_column: String,
        /// `MIN:MAX`, mapped onto [0, 1].
        #[serde(default = "unit_scale")]
        scale: String,
        /// Replace ratings sources already have.
        #[serde(default, rename = "override")]
        override_existing: bool,
    },
    /// A CSV of outlets and their affiliations (owner, state control).
    Affiliations {
        name_column: String,
        #[serde(default)]
        homepage_column: Option<String>,
        #[serde(default)]
        affiliation_columns: Vec<String>,
        #[serde(default)]
        label_templates: Vec<String>,
        #[serde(default)]
        alias_columns: Vec<String>,
    },
    /// An outlet table in the format of the built-in one.
    Outlets,
}

fn unit_scale() -> String {
    "0:1".into()
}

/// What [`import_list`] did: the plan it wrote (its JSON is the plan's).
#[derive(Clone, Debug, serde::Serialize)]
#[serde(untagged)]
pub enum ListImport {
    Ratings(crate::ratings::RatingPlan),
    Affiliations(crate::ratings::AffiliationPlan),
    Outlets(crate::source::outlets::ImportPlan),
}

/// Plan a source list against the database's registry and write it, all or nothing.
pub fn import_list(
    db: &mut Database,
    list: &SourceList,
    input: impl Read,
    label: &str,
) -> Result<ListImport> {
    use crate::ratings;
    let (patches, done) = match list {
        SourceList::Ratings {
            domain_column,
            rating_column,
            scale,
            override_existing,
        } => {
            let opts = ratings::RatingOptions {
                domain_column: domain_column.clone(),
                rating_column: rating_column.clone(),
                scale: ratings::parse_scale(scale)?,
                override_existing: *override_existing,
            };
            let mut plan = ratings::plan_ratings(input, db.registry(), &opts)?;
            (std::mem::take(&mut plan.patches), ListImport::Ratings(plan))
        }
        SourceList::Affiliations {
            name_column,
            homepage_column,
            affiliation_columns,
            label_templates,
            alias_columns,
        } => {
            let opts = ratings::AffiliationOptions {
                name_column: name_column.clone(),
                homepage_column: homepage_column.clone(),
                affiliation_columns: affiliation_columns.clone(),
                alias_columns: alias_columns.clone(),
                templates: label_templates.clone(),
            };
            let mut plan = ratings::plan_affiliations(input, db.registry(), &opts)?;
            (
                std::mem::take(&mut plan.patches),
                ListImport::Affiliations(plan),
            )
        }
        SourceList::Outlets => {
            let mut plan = crate::source::outlets::plan_import(input, db.registry())?;
            (std::mem::take(&mut plan.patches), ListImport::Outlets(plan))
        }
    };
    db.patch_sources(patches, label)?;
    Ok(done)
}
