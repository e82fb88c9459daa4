//! The CSV export: one row per selected claim, RFC 4180 quoting (the `csv` crate), a
//! header row. Columns come from [`COLUMNS`], a list of (header, cell) pairs, so a new
//! column is one line. List cells (origins) are joined with `"; "`, flags with spaces,
//! as in `claims --format csv`. Every cell goes through [`output::csv_cell`], so a
//! claim starting with `=`, `+`, `-` or `@` is not run as a spreadsheet formula.

use std::io::{self, Write};

use crate::db::Database;
use crate::error::Result;
use crate::output;
use crate::view::ClaimSummary;

use super::{write_error, Selection, Summary};

/// How one cell is computed from a claim's summary.
type Cell = fn(&ClaimSummary) -> String;

/// The columns, in order.
pub(super) const COLUMNS: &[(&str, Cell)] = &[
    ("id", |s| s.id.clone()),
    ("text", |s| s.text.clone()),
    ("reports", |s| s.reports.to_string()),
    ("independent_sources", |s| s.independent_sources.to_string()),
    ("origins", |s| {
        s.origins
            .iter()
            .map(|o| o.label.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    }),
    ("flags", |s| output::flags(s).join(" ")),
    ("support", |s| format!("{:.4}", s.support)),
];

/// Write the selected claims as CSV.
pub(super) fn write(db: &Database, sel: &Selection, out: &mut dyn Write) -> Result<Summary> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(COLUMNS.iter().map(|(h, _)| *h))
        .map_err(csv_error)?;
    let mut sum = Summary::default();
    sel.for_each(db, |_, _, s| {
        // Every cell defused against spreadsheet formulas (`output::csv_cell`).
        w.write_record(
            COLUMNS
                .iter()
                .map(|(_, cell)| output::csv_cell(&cell(s)).into_owned()),
        )
        .map_err(csv_error)?;
        sum.claims += 1;
        sum.items += 1;
        Ok(())
    })?;
    w.flush().map_err(write_error)?;
    Ok(sum)
}

/// Keep an I/O error as an `io::Error` (a closed pipe must stay recognisable).
fn csv_error(e: ::csv::Error) -> crate::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(io) => write_error(io),
        other => write_error(io::Error::other(format!("{other:?}"))),
    }
}
