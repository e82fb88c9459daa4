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

/// Extract every article of a corpus CSV (see [`extract::extract_csv`]; publishers
/// named from URLs with the database's registry) and import all statements in one
/// write. `progress` gets the CSV bytes read.
pub fn import_csv(
    db: &mut Database,
    input: impl Read + Send,
    opts: &CsvOptions,
    label: &str,
    progress: &mut (dyn FnMut(u64) + Send),
) -> Result<(CsvSummary, WriteSummary)> {
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
        let written = written?;
        Ok((summary.unwrap_or_default(), written))
    })
}
