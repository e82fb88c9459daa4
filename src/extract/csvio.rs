//! Streaming extraction over a corpus CSV: one record at a time, so memory stays bounded
//! by the largest row, with a progress callback and a summary of what was done.

use std::io::Read;

use crate::error::Error;

use super::{extract, ArticleMeta, Extracted, MAX_ARTICLE_BYTES};

/// Which columns of the CSV hold what. Column names are matched exactly after trimming.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvOptions {
    /// The article text (required).
    pub text_column: String,
    /// The outlet name; when absent the publisher comes from the URL.
    pub publisher_column: Option<String>,
    /// The article URL: copied into records and used for the publisher if needed.
    pub url_column: Option<String>,
    /// An article identifier, used in messages about skipped rows.
    pub id_column: Option<String>,
    /// The publication date: each row's becomes the `published` date of its records
    /// (read by [`crate::date::parse_loose`]; an empty cell gives no date, a date that
    /// cannot be read stops the run with the line and the value).
    pub date_column: Option<String>,
}

impl Default for CsvOptions {
    fn default() -> CsvOptions {
        CsvOptions {
            text_column: "text".into(),
            publisher_column: None,
            url_column: None,
            id_column: None,
            date_column: None,
        }
    }
}

/// What a run of [`extract_csv`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CsvSummary {
    /// Rows analysed.
    pub articles: u64,
    /// Statements emitted.
    pub statements: u64,
    /// Rows skipped (too long, not UTF-8, no publisher, wrong number of fields).
    pub skipped_rows: u64,
    /// Bytes of input read.
    pub bytes: u64,
    /// Why the first few rows were skipped (`row N (id X): reason`), at most 20.
    pub skipped: Vec<String>,
}

/// Extract every article of a CSV with a header row, calling `emit` for each statement
/// and `progress` with the number of bytes read every 64 rows and at the end.
///
/// The publisher of a row is its `publisher_column` value; otherwise
/// `publisher_for_url(url)`; otherwise the URL's host without `www.`. Rows that cannot
/// be analysed are skipped and counted; a missing column is an [`Error::Invalid`]; a
/// malformed CSV is an [`Error::Line`]; an error from `emit` stops the run.
pub fn extract_csv<R: Read>(
    input: R,
    opts: &CsvOptions,
    publisher_for_url: &dyn Fn(&str) -> Option<String>,
    emit: &mut dyn FnMut(&Extracted, &ArticleMeta) -> Result<(), Error>,
    progress: &mut dyn FnMut(u64),
) -> Result<CsvSummary, Error> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(input);
    let headers = rdr
        .byte_headers()
        .map_err(|e| Error::Line {
            line: 1,
            message: format!("cannot read the CSV header: {e}"),
        })?
        .clone();
    let find = |name: &str| -> Result<usize, Error> {
        headers
            .iter()
            // The first header carries the byte order mark of a file saved with one.
            .position(|h| {
                crate::chars::strip_bom(String::from_utf8_lossy(h).trim()).trim() == name.trim()
            })
            .ok_or_else(|| {
                let have: Vec<String> = headers
                    .iter()
                    .map(|h| String::from_utf8_lossy(h).into_owned())
                    .collect();
                Error::Invalid(format!(
                    "the CSV has no column {name:?}; its columns are: {}",
                    have.join(", ")
                ))
            })
    };
    let text_i = find(&opts.text_column)?;
    let pub_i = opts.publisher_column.as_deref().map(find).transpose()?;
    let url_i = opts.url_column.as_deref().map(find).transpose()?;
    let id_i = opts.id_column.as_deref().map(find).transpose()?;
    let date_i = opts.date_column.as_deref().map(find).transpose()?;
    if pub_i.is_none() && url_i.is_none() {
        return Err(Error::Invalid(
            "give a publisher column or a URL column: every chain starts with the publisher".into(),
        ));
    }
    let mut summary = CsvSummary::default();
    let mut rec = csv::ByteRecord::new();
    let mut row: u64 = 0;
    loop {
        let more = rdr.read_byte_record(&mut rec).map_err(|e| Error::Line {
            line: e.position().map(|p| p.line()).unwrap_or(row + 2),
            message: format!("malformed CSV: {e}"),
        })?;
        if !more {
            break;
        }
        row += 1;
        summary.bytes = rec.position().map(|p| p.byte()).unwrap_or(summary.bytes);
        let id = id_i
            .and_then(|i| rec.get(i))
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        let skip = |summary: &mut CsvSummary, why: &str| {
            summary.skipped_rows += 1;
            if summary.skipped.len() < 20 {
                summary.skipped.push(if id.is_empty() {
                    format!("row {row}: {why}")
                } else {
                    format!("row {row} (id {id}): {why}")
                });
            }
        };
        let Some(raw) = rec.get(text_i) else {
            skip(&mut summary, "the row has no text field");
            continue;
        };
        if raw.len() > MAX_ARTICLE_BYTES {
            skip(
                &mut summary,
                &format!(
                    "the text is {} bytes; at most {MAX_ARTICLE_BYTES} are analysed",
                    raw.len()
                ),
            );
            continue;
        }
        let Ok(text) = std::str::from_utf8(raw) else {
            skip(&mut summary, "the text is not UTF-8");
            continue;
        };
        let url = url_i
            .and_then(|i| rec.get(i))
            .and_then(|b| std::str::from_utf8(b).ok())
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(str::to_string);
        let publisher = pub_i
            .and_then(|i| rec.get(i))
            .and_then(|b| std::str::from_utf8(b).ok())
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .or_else(|| url.as_deref().and_then(publisher_for_url))
            .or_else(|| url.as_deref().and_then(host_of));
        let Some(publisher) = publisher else {
            skip(&mut summary, "no publisher (empty publisher and URL)");
            continue;
        };
        let published = match date_i.and_then(|i| rec.get(i)) {
            None => None,
            Some(raw) => row_date(raw).map_err(|why| Error::Line {
                line: rec.position().map(|p| p.line()).unwrap_or(row + 1),
                message: why,
            })?,
        };
        let meta = ArticleMeta {
            publisher,
            url,
            published,
        };
        summary.articles += 1;
        for x in extract(text, &meta) {
            emit(&x, &meta)?;
            summary.statements += 1;
        }
        if row.is_multiple_of(64) {
            progress(summary.bytes);
        }
    }
    summary.bytes = rdr.position().byte();
    progress(summary.bytes);
    Ok(summary)
}

/// A row's date cell as an ISO 8601 date: `None` when empty, an error naming the value
/// when it cannot be read or is not a plausible date.
fn row_date(raw: &[u8]) -> Result<Option<String>, String> {
    let text = String::from_utf8_lossy(raw);
    let value = text.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let shown = || crate::chars::visible(&value.chars().take(64).collect::<String>()).into_owned();
    let iso = crate::date::parse_loose(value).ok_or_else(|| {
        format!(
            "the date {:?} cannot be read; write it as 2017-02-07, 2017/2/7, 7 February 2017 or Feb 7, 2017, or leave the cell empty",
            shown()
        )
    })?;
    crate::date::validate(&iso).map_err(|e| format!("the date {:?}: {e}", shown()))?;
    Ok(Some(iso))
}

/// The host of an http(s) URL without a leading `www.`.
pub(crate) fn host_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    let host = parsed.host_str()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    if host.is_empty() {
        None
    } else {
        Some(host.to_string())
    }
}
