//! Output formats for listings: aligned tables for people, JSON, JSON Lines and CSV
//! for programs. Tables are the default on a terminal, JSON Lines in a pipe. Output is
//! never coloured, so `NO_COLOR` is always honoured.
//!
//! Nothing here reads the database; callers hand over rows.
//!
//! Hostile text is made harmless here, in one place each (see `docs/security.md`):
//! - everything shown to people goes through [`chars::visible`] (table cells) or a
//!   [`Escaping`] writer in [`Mode::Terminal`] (whole messages): control characters,
//!   bidirectional controls and invisible characters become `\u{..}` escapes;
//! - JSON goes through an [`Escaping`] writer in [`Mode::Json`], which writes the same
//!   characters as JSON `\uXXXX` escapes (the JSON means the same, nothing raw reaches
//!   a terminal);
//! - every CSV cell goes through [`csv_cell`], which defuses spreadsheet formulas.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::chars::{self, shorten, visible};

use serde::Serialize;

/// A listing format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

impl crate::choice::Choice for Format {
    const WHAT: &'static str = "format";
    const CHOICES: &'static [(Self, &'static str, &'static str)] = &[
        (Format::Table, "table", "Aligned table for people"),
        (
            Format::Json,
            "json",
            "One JSON array (or object, for a single item)",
        ),
        (Format::Jsonl, "jsonl", "One JSON object per line"),
        (Format::Csv, "csv", "RFC 4180 CSV with a header row"),
    ];
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

/// Rows a table on a terminal shows when no limit is asked for.
pub const TERMINAL_ROWS: usize = 50;

/// How many rows a listing prints: `asked` (`--limit`) when given, every row with
/// `all`, else [`TERMINAL_ROWS`] for a table on a terminal and every row otherwise
/// (JSON, JSON Lines, CSV and pipes are never shortened by default, so that scripts
/// get the same rows wherever they run).
pub fn row_limit(asked: Option<usize>, all: bool, terminal_table: bool) -> Option<usize> {
    match (asked, all) {
        (Some(n), _) => Some(n),
        (None, true) => None,
        (None, false) => terminal_table.then_some(TERMINAL_ROWS),
    }
}

/// The line under a shortened table.
pub fn more_rows_line(hidden: usize) -> String {
    format!("… {hidden} more; --all shows every row, --limit N shows N")
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
            let mut w = Escaping::new(&mut *out, Mode::Json);
            serde_json::to_writer_pretty(&mut w, rows).map_err(json_io)?;
            writeln!(w)
        }
        Format::Jsonl => {
            for r in rows {
                write_json_line(&mut *out, r)?;
            }
            Ok(())
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(T::headers()).map_err(csv_io)?;
            for r in rows {
                w.write_record(r.cells().iter().map(|c| csv_cell(c).into_owned()))
                    .map_err(csv_io)?;
            }
            w.flush()
        }
        Format::Table => {
            let mut t = table(width);
            t.set_header(T::table_headers());
            for r in rows {
                t.add_row(
                    r.table_cells()
                        .iter()
                        .map(|c| visible(c).into_owned())
                        .collect::<Vec<_>>(),
                );
            }
            writeln!(out, "{t}")
        }
    }
}

/// Write `row` as one JSON Lines line (hidden characters escaped, newline ended): the
/// line `--format jsonl` prints for it. The Spark engine writes its lines with this too.
pub fn write_json_line<T: serde::Serialize + ?Sized>(
    out: &mut dyn Write,
    row: &T,
) -> io::Result<()> {
    let mut w = Escaping::new(out, Mode::Json);
    serde_json::to_writer(&mut w, row).map_err(json_io)?;
    // A whole JSON text ends on a complete character: nothing is held back.
    writeln!(w)
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
            "first_seen",
            "last_seen",
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
            self.first_seen.clone(),
            self.last_seen.clone(),
        ]
    }
    fn table_cells(&self) -> Vec<String> {
        let mut c = self.cells();
        c[0] = self.id[..12].to_string();
        c[1] = shorten(&self.text, 70);
        c.truncate(7);
        c.push(seen_span(&self.first_seen, &self.last_seen));
        c
    }
    fn table_headers() -> Vec<&'static str> {
        vec![
            "id", "text", "reports", "sources", "origins", "flags", "support", "seen",
        ]
    }
}

/// First and last sighting for a table: their days (`2017-02-07…2017-03-01`), one day
/// when both fall on it.
pub fn seen_span(first: &str, last: &str) -> String {
    let day = |s: &str| s.chars().take(10).collect::<String>();
    let (a, b) = (day(first), day(last));
    if a == b {
        a
    } else {
        format!("{a}…{b}")
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

impl Row for crate::matching::SimilarRow {
    fn headers() -> Vec<&'static str> {
        vec!["score", "same", "linked", "id", "text", "model"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            format!("{:.3}", self.score),
            self.same.to_string(),
            self.linked.to_string(),
            self.id.clone(),
            self.text.clone(),
            self.model.clone(),
        ]
    }
    fn table_headers() -> Vec<&'static str> {
        vec!["score", "same", "id", "text"]
    }
    fn table_cells(&self) -> Vec<String> {
        let same = match (self.linked, self.same) {
            (true, _) => "linked",
            (false, true) => "same",
            _ => "",
        };
        vec![
            format!("{:.3}", self.score),
            same.to_string(),
            self.id[..12.min(self.id.len())].to_string(),
            self.text.clone(),
        ]
    }
}

impl Row for crate::matching::PendingLink {
    fn headers() -> Vec<&'static str> {
        vec!["score", "a", "a_text", "b", "b_text", "model", "threshold"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            format!("{:.3}", self.score),
            self.a.clone(),
            self.a_text.clone(),
            self.b.clone(),
            self.b_text.clone(),
            self.model.clone(),
            format!("{:.2}", self.threshold),
        ]
    }
    fn table_headers() -> Vec<&'static str> {
        vec!["score", "a", "text", "b", "text"]
    }
    fn table_cells(&self) -> Vec<String> {
        let id = |s: &str| s[..12.min(s.len())].to_string();
        vec![
            format!("{:.3}", self.score),
            id(&self.a),
            shorten(&self.a_text, 50),
            id(&self.b),
            shorten(&self.b_text, 50),
        ]
    }
}

impl Row for crate::users::UserRow {
    fn headers() -> Vec<&'static str> {
        vec!["name", "role"]
    }
    fn cells(&self) -> Vec<String> {
        vec![self.name.clone(), self.role.as_str().to_string()]
    }
}

impl Row for crate::db::LogLine {
    fn headers() -> Vec<&'static str> {
        vec!["entry", "time", "kind", "claim", "what", "author"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.entry.to_string(),
            self.time.clone().unwrap_or_default(),
            self.kind.clone(),
            self.claim.clone().unwrap_or_default(),
            self.what.clone(),
            self.author.clone().unwrap_or_default(),
        ]
    }
}

/// Write one value as pretty JSON (`json`) or one compact line (`jsonl` and any other
/// format), followed by a newline.
pub fn write_json<T: Serialize>(out: &mut dyn Write, format: Format, value: &T) -> io::Result<()> {
    let mut w = Escaping::new(out, Mode::Json);
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut w, value).map_err(json_io)?;
    } else {
        serde_json::to_writer(&mut w, value).map_err(json_io)?;
    }
    writeln!(w)
}

/// How an [`Escaping`] writer writes hidden characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// For people: `\u{1b}`, as [`chars::visible_lines`] (line feeds stay).
    Terminal,
    /// For JSON text: `\u001b`, with surrogate pairs above U+FFFF. Only valid on
    /// JSON written by serde_json, where such characters can only occur inside strings
    /// (serde_json already escapes C0 controls there; this adds DEL, C1, bidirectional
    /// and invisible characters). The JSON decodes to the same values.
    Json,
    /// [`Mode::Json`] that can also be pasted into an HTML `<script>` element: `<`,
    /// `>` and `&` are escaped too (`\u003c`), so no `</script>` or `<!--` appears.
    JsonInHtml,
}

/// A writer that escapes hidden characters in everything written through it (see
/// [`Mode`]). Bytes that are not UTF-8 are written as `\x..` escapes in terminal mode;
/// a character split across two writes is held back until it is complete.
pub struct Escaping<W: Write> {
    inner: W,
    mode: Mode,
    pending: Vec<u8>,
    prev: Option<char>,
}

impl<W: Write> Escaping<W> {
    /// Wrap `inner`.
    pub fn new(inner: W, mode: Mode) -> Escaping<W> {
        Escaping {
            inner,
            mode,
            pending: Vec::new(),
            prev: None,
        }
    }

    fn emit(&mut self, text: &str) -> io::Result<()> {
        // Fast path: printable ASCII and line feeds need nothing (most of any output).
        let html = self.mode == Mode::JsonInHtml;
        if text.bytes().all(|b| {
            (0x20..0x7f).contains(&b) && !(html && matches!(b, b'<' | b'>' | b'&')) || b == b'\n'
        }) {
            self.prev = text.chars().next_back().or(self.prev);
            return self.inner.write_all(text.as_bytes());
        }
        let hidden = |prev, c, next| match self.mode {
            Mode::Terminal => c != '\n' && chars::is_hidden(prev, c, next),
            // Without context: a JSON escape changes no value, so escape them all.
            Mode::Json | Mode::JsonInHtml => {
                (c != '\n'
                    && (c.is_control() || chars::is_bidi_control(c) || chars::is_invisible(c)))
                    || (self.mode == Mode::JsonInHtml && matches!(c, '<' | '>' | '&'))
            }
        };
        let mut out = String::new();
        let mut start = 0;
        let mut prev = self.prev;
        for (i, c) in text.char_indices() {
            // At the end of a piece the next character is unknown: assume ASCII, so a
            // joiner there is shown escaped rather than hidden.
            let next = text[i + c.len_utf8()..].chars().next().or(Some('a'));
            if hidden(prev, c, next) {
                out.push_str(&text[start..i]);
                match self.mode {
                    Mode::Terminal => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
                    Mode::Json | Mode::JsonInHtml => {
                        let mut units = [0u16; 2];
                        for u in c.encode_utf16(&mut units) {
                            out.push_str(&format!("\\u{u:04x}"));
                        }
                    }
                }
                start = i + c.len_utf8();
            }
            prev = Some(c);
        }
        self.prev = prev;
        if start == 0 {
            return self.inner.write_all(text.as_bytes());
        }
        out.push_str(&text[start..]);
        self.inner.write_all(out.as_bytes())
    }

    /// The wrapped writer (anything held back is dropped).
    pub fn into_inner(self) -> W {
        self.inner
    }
}

impl<W: Write> Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.pending.is_empty() {
            self.write_bytes(buf)?;
        } else {
            let mut bytes = std::mem::take(&mut self.pending);
            bytes.extend_from_slice(buf);
            self.write_bytes(&bytes)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<W: Write> Escaping<W> {
    /// Escape and write `bytes`, keeping an incomplete character at the end pending.
    fn write_bytes(&mut self, bytes: &[u8]) -> io::Result<()> {
        let mut rest: &[u8] = bytes;
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.emit(text)?;
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    // Checked by from_utf8 above.
                    self.emit(std::str::from_utf8(good).unwrap_or_default())?;
                    match e.error_len() {
                        None => {
                            // An incomplete character at the end: wait for the rest.
                            self.pending = bad.to_vec();
                            break;
                        }
                        Some(n) => {
                            for b in &bad[..n] {
                                self.inner.write_all(format!("\\x{b:02x}").as_bytes())?;
                            }
                            self.prev = None;
                            rest = &bad[n..];
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

/// A CSV cell that a spreadsheet will read as text: a cell starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return (or their full-width forms) would be run as a
/// formula (`=HYPERLINK(…)`), so it gets a leading `'`, as OWASP recommends. The
/// numbers corroborate writes (counts, support, ratings) are never negative, so they
/// are never changed. Control characters other than tab and line breaks (NUL, ESC,
/// DEL, C1), which no spreadsheet can use and which a terminal showing the file would
/// run, are written as `\u{..}` escapes.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    let defuse = matches!(
        s.chars().next(),
        Some(
            '=' | '+' | '-' | '@' | '\t' | '\r' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}'
        )
    );
    let controls = s.chars().any(chars::is_bad_control);
    if !defuse && !controls {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    if defuse {
        out.push('\'');
    }
    for c in s.chars() {
        if chars::is_bad_control(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars::visible_lines;
    use proptest::prelude::*;

    #[test]
    fn visible_table() {
        let cases = [
            ("plain text", "plain text"),
            ("red \u{1b}[31mALERT", "red \\u{1b}[31mALERT"),
            (
                "\u{1b}]8;;https://x.example\u{7}click",
                "\\u{1b}]8;;https://x.example\\u{7}click",
            ),
            ("nul\0here", "nul\\u{0}here"),
            ("two\nlines\ttab", "two\\u{a}lines\\u{9}tab"),
            ("csi \u{9b}2J", "csi \\u{9b}2J"),
            ("del\u{7f}", "del\\u{7f}"),
            ("evil\u{202E}gpj.exe", "evil\\u{202e}gpj.exe"),
            ("ap\u{200B}news", "ap\\u{200b}news"),
            (
                "\u{645}\u{6CC}\u{200C}\u{6AF}",
                "\u{645}\u{6CC}\u{200C}\u{6AF}",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(visible(input), want, "{input:?}");
        }
        assert_eq!(visible_lines("a\nb\u{1b}"), "a\nb\\u{1b}");
    }

    #[test]
    fn escaping_writer_joins_split_characters() {
        let mut w = Escaping::new(Vec::new(), Mode::Terminal);
        let bytes = "x\u{202E}y\n\u{1b}".as_bytes();
        for b in bytes {
            w.write_all(std::slice::from_ref(b)).unwrap();
        }
        w.write_all(b"\xff!").unwrap();
        assert_eq!(
            String::from_utf8(w.into_inner()).unwrap(),
            "x\\u{202e}y\n\\u{1b}\\xff!"
        );
    }

    #[test]
    fn json_mode_keeps_the_value() {
        let value = serde_json::json!({"t": "a\u{7f}\u{85}\u{202E}\u{200B}\u{E0041}\u{1b}\n"});
        let mut w = Escaping::new(Vec::new(), Mode::Json);
        serde_json::to_writer_pretty(&mut w, &value).unwrap();
        let text = String::from_utf8(w.into_inner()).unwrap();
        assert!(
            text.contains(r"\u007f\u0085\u202e\u200b\udb40\udc41\u001b\n"),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn csv_cells() {
        for (input, want) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("+1", "'+1"),
            ("-0.5", "'-0.5"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("\u{FF1D}1+1", "'\u{FF1D}1+1"),
            ("plain", "plain"),
            ("0.500", "0.500"),
            ("a=b", "a=b"),
            ("", ""),
            ("bell\u{7} esc\u{1b}[2J\r\n", "bell\\u{7} esc\\u{1b}[2J\r\n"),
            ("=\0", "'=\\u{0}"),
        ] {
            assert_eq!(csv_cell(input), want, "{input:?}");
        }
    }

    proptest! {
        #[test]
        fn visible_never_shows_a_hidden_character(
            s in prop_oneof![
                any::<String>(),
                "[a-z\u{628}\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{61C}\u{FE0F}\u{FEFF}\u{85}\u{9B}\t\n\r\x00\x1b\x7f]{0,12}",
            ]
        ) {
            let v = visible(&s);
            prop_assert!(chars::first_hidden(&v).is_none(), "{:?} -> {:?}", s, v);
            let l = visible_lines(&s);
            prop_assert!(l.split('\n').all(|part| chars::first_hidden(part).is_none()));
        }

        #[test]
        fn escaping_writer_never_shows_a_hidden_character(
            s in prop_oneof![
                any::<String>(),
                "[a-z\u{628}\u{200B}-\u{200F}\u{202A}-\u{202E}\u{61C}\u{FE0F}\u{85}\n\x00\x1b]{0,12}",
            ],
            cut in 0usize..64,
        ) {
            let mut w = Escaping::new(Vec::new(), Mode::Terminal);
            let b = s.as_bytes();
            let cut = cut.min(b.len());
            w.write_all(&b[..cut]).unwrap();
            w.write_all(&b[cut..]).unwrap();
            let got = String::from_utf8(w.into_inner()).unwrap();
            prop_assert!(got.split('\n').all(|part| chars::first_hidden(part).is_none()), "{:?}", got);
        }

        #[test]
        fn json_mode_is_lossless(s in any::<String>()) {
            let mut w = Escaping::new(Vec::new(), Mode::Json);
            serde_json::to_writer(&mut w, &s).unwrap();
            let text = String::from_utf8(w.into_inner()).unwrap();
            prop_assert!(!text.chars().any(|c| c.is_control() || chars::is_bidi_control(c) || chars::is_invisible(c)));
            let back: String = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(back, s);
        }

        #[test]
        fn csv_cells_never_start_a_formula(s in any::<String>()) {
            let c = csv_cell(&s);
            let first = c.chars().next();
            prop_assert!(!matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')));
            prop_assert!(!c.chars().any(chars::is_bad_control));
            if !s.chars().any(chars::is_bad_control) {
                prop_assert!(c == s || c.strip_prefix('\'') == Some(s.as_str()));
            }
        }
    }
}
