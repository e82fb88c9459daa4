//! Output formats for listings: aligned tables for people, JSON, JSON Lines and CSV
//! for programs. Tables are the default on a terminal, JSON Lines in a pipe. Output is
//! never coloured, so `NO_COLOR` is always honoured.
//!
//! Nothing here reads the database; callers hand over rows.

use std::io::{self, Write};

use serde::Serialize;

/// A listing format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned table for people.
    Table,
    /// One JSON array (or object, for a single item).
    Json,
    /// One JSON object per line.
    Jsonl,
    /// RFC 4180 CSV with a header row.
    Csv,
}

impl Format {
    /// The format to use: the one asked for, else a table on a terminal and JSON Lines
    /// in a pipe.
    pub fn choose(asked: Option<Format>, is_terminal: bool) -> Format {
        asked.unwrap_or(if is_terminal {
            Format::Table
        } else {
            Format::Jsonl
        })
    }
}

/// A row that can be shown in a table or CSV.
pub trait Row: Serialize {
    /// Column names.
    fn headers() -> Vec<&'static str>;
    /// Cell values, in the order of [`Row::headers`].
    fn cells(&self) -> Vec<String>;
    /// Cell values for a table on a terminal (may be shortened).
    fn table_cells(&self) -> Vec<String> {
        self.cells()
    }
    /// Column names for a table on a terminal (may be shorter than [`Row::headers`]).
    fn table_headers() -> Vec<&'static str> {
        Self::headers()
    }
}

/// A JSON writing error as an I/O error of the same kind, so that a closed pipe
/// stays recognisable as one (and exits 0).
fn json_io(e: serde_json::Error) -> io::Error {
    match e.io_error_kind() {
        Some(kind) => io::Error::new(kind, e),
        None => io::Error::other(e),
    }
}

/// A CSV writing error as an I/O error, keeping the kind of an I/O failure.
fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Write rows in a format.
pub fn write_rows<T: Row>(
    out: &mut dyn Write,
    format: Format,
    rows: &[T],
    width: Option<u16>,
) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rows).map_err(json_io)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for r in rows {
                serde_json::to_writer(&mut *out, r).map_err(json_io)?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(T::headers()).map_err(csv_io)?;
            for r in rows {
                w.write_record(r.cells()).map_err(csv_io)?;
            }
            w.flush()
        }
        Format::Table => {
            let mut t = table(width);
            t.set_header(T::table_headers());
            for r in rows {
                t.add_row(r.table_cells());
            }
            writeln!(out, "{t}")
        }
    }
}

/// A table in the house style (no colour, UTF-8 borders, wrapped to `width`).
pub fn table(width: Option<u16>) -> comfy_table::Table {
    let mut t = comfy_table::Table::new();
    t.load_style(comfy_table::presets::UTF8_BORDERS_ONLY)
        .set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
    if let Some(w) = width {
        t.set_width(w);
    }
    t
}

/// Shorten text to `max` characters with an ellipsis.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

impl Row for crate::view::ClaimSummary {
    fn headers() -> Vec<&'static str> {
        vec![
            "id",
            "text",
            "reports",
            "independent_sources",
            "origins",
            "flags",
            "support",
        ]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.text.clone(),
            self.reports.to_string(),
            self.independent_sources.to_string(),
            self.origins
                .iter()
                .map(|o| o.label.clone())
                .collect::<Vec<_>>()
                .join("; "),
            flags(self).join(" "),
            format!("{:.3}", self.support),
        ]
    }
    fn table_cells(&self) -> Vec<String> {
        let mut c = self.cells();
        c[0] = self.id[..12].to_string();
        c[1] = shorten(&self.text, 70);
        c
    }
    fn table_headers() -> Vec<&'static str> {
        vec![
            "id", "text", "reports", "sources", "origins", "flags", "support",
        ]
    }
}

/// The flag words of a claim ("single-source anonymous-only circular unsourced").
pub fn flags(s: &crate::view::ClaimSummary) -> Vec<&'static str> {
    let mut f = Vec::new();
    if s.single_source {
        f.push("single-source");
    }
    if s.anonymous_only {
        f.push("anonymous-only");
    }
    if s.unsourced {
        f.push("unsourced");
    }
    if s.circular {
        f.push("circular");
    }
    f
}

impl Row for crate::view::SourceSummary {
    fn headers() -> Vec<&'static str> {
        vec![
            "name",
            "aliases",
            "kind",
            "homepage",
            "affiliations",
            "rating",
            "claims",
            "credibility",
            "blast_radius",
        ]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.name.clone(),
            self.aliases.join("; "),
            self.kind.clone(),
            self.homepage.clone().unwrap_or_default(),
            self.affiliations.join("; "),
            self.rating.map(|r| format!("{r:.2}")).unwrap_or_default(),
            self.claims.to_string(),
            format!("{:.3}", self.credibility),
            self.blast_radius.to_string(),
        ]
    }
    fn table_headers() -> Vec<&'static str> {
        vec![
            "name", "aliases", "kind", "host", "labels", "rating", "claims", "cred", "blast",
        ]
    }
    fn table_cells(&self) -> Vec<String> {
        let mut c = self.cells();
        // The host says as much as the whole homepage URL, in a third of the width.
        c[3] = self
            .homepage
            .as_deref()
            .and_then(|h| url::Url::parse(h).ok())
            .and_then(|u| u.host_str().map(crate::source::host_key))
            .unwrap_or_default();
        c
    }
}

impl Row for crate::db::LogLine {
    fn headers() -> Vec<&'static str> {
        vec!["entry", "time", "kind", "claim", "what"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.entry.to_string(),
            self.time.clone().unwrap_or_default(),
            self.kind.clone(),
            self.claim.clone().unwrap_or_default(),
            self.what.clone(),
        ]
    }
}

/// Write one value as pretty JSON (`json`) or one compact line (`jsonl` and any other
/// format), followed by a newline.
pub fn write_json<T: Serialize>(out: &mut dyn Write, format: Format, value: &T) -> io::Result<()> {
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, value).map_err(json_io)?;
    } else {
        serde_json::to_writer(&mut *out, value).map_err(json_io)?;
    }
    writeln!(out)
}
