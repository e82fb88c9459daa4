//! Attribution extraction: turning the text of a news article into the claims it
//! reports, each with the provenance chain behind it (reader-facing outlet first,
//! origin last).
//!
//! The extractor is rule-based, deterministic and offline. It works on a same-length
//! normalised copy of the text (module `text`), splits paragraphs and sentences, pairs
//! quotation marks, finds a reporting cue in each sentence (said, told, according to,
//! quoted … as saying, reported …), reads the speaker phrase and the content around
//! it, collects relay modifiers (told X, speaking to X, citing Y, carried by Z, quoted
//! in W, a "Via X:" line introducing a block) and assembles the chain. Pronouns and
//! role nouns ("he", "the minister", "the group") are resolved to the most recent
//! matching speaker; unnamed sources become anonymous last hops. Photo credits such
//! as "(Photographer/Agency via Agency)" become photo chains. See `docs/extraction.md`.

mod csvio;
pub mod eval;
mod lexicon;
mod rules;
mod text;
mod validity;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::chain::{Chain, HopSpec};

pub use csvio::{extract_csv, CsvOptions, CsvSummary};
pub use lexicon::ALIASES;

/// Articles longer than this many bytes are not analysed ([`extract`] returns nothing
/// for them and [`extract_csv`] skips and counts them).
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// What is known about the article being analysed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleMeta {
    /// The reader-facing outlet: the first hop of every chain.
    pub publisher: String,
    /// Where the article was read, if known.
    pub url: Option<String>,
    /// Publication date (ISO 8601), if known.
    pub published: Option<String>,
}

/// How a statement was attributed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum ExtractKind {
    /// A quotation with a speaker ("…," she said).
    DirectQuote,
    /// Reported speech (X said that …, …, X reported).
    IndirectSpeech,
    /// "according to X".
    AccordingTo,
    /// A photo caption with its credit line.
    PhotoCredit,
}

/// One attributed statement found in an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extracted {
    /// The attributed content (quotation or reported speech), trimmed.
    pub claim: String,
    /// Publisher first, then each named relay, then the origin; unnamed sources are
    /// anonymous and always last.
    pub chain: Chain,
    /// Byte offsets `[start, end)` of the claim in the input text.
    pub span: (usize, usize),
    /// How the statement was attributed.
    pub kind: ExtractKind,
}

impl ArticleMeta {
    /// Refuse metadata no record may carry: an empty publisher, a URL that is not
    /// http(s), a date that is not ISO 8601.
    pub fn check(&self) -> crate::Result<()> {
        if self.publisher.trim().is_empty() {
            return Err(crate::Error::Invalid(
                "the publisher is empty: name the outlet that published the article".into(),
            ));
        }
        if let Some(u) = &self.url {
            crate::source::parse_http_url(u)?;
        }
        if let Some(d) = &self.published {
            crate::date::validate(d)?;
        }
        Ok(())
    }
}

/// An article's text from its bytes: at most [`MAX_ARTICLE_BYTES`], UTF-8.
pub fn article_text(bytes: Vec<u8>) -> crate::Result<String> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(crate::Error::Invalid(format!(
            "the article is longer than {MAX_ARTICLE_BYTES} bytes; give one article at a time"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        crate::Error::Invalid(format!(
            "the article is not UTF-8 text (byte {} is not); save it as UTF-8",
            e.utf8_error().valid_up_to() + 1
        ))
    })
}

/// What `extract` proposes for one article: its metadata checked, then one report
/// record per attributed statement (nothing is written).
pub fn propose(text: &str, meta: &ArticleMeta) -> crate::Result<Vec<crate::record::ReportRecord>> {
    meta.check()?;
    Ok(extract(text, meta).iter().map(|e| e.report(meta)).collect())
}

impl Extracted {
    /// The report record for this statement.
    pub fn report(&self, meta: &ArticleMeta) -> crate::record::ReportRecord {
        crate::record::ReportRecord {
            claim: self.claim.clone(),
            chain: self.chain.clone(),
            url: meta.url.clone(),
            published: meta.published.clone(),
            recorded: None,
        }
    }

    /// The import record for this statement:
    /// `{"type":"report","claim":…,"chain":[…],"url"?:…,"published"?:…}`.
    pub fn to_record(&self, meta: &ArticleMeta) -> Value {
        let mut m = Map::new();
        m.insert("type".into(), Value::String("report".into()));
        m.insert("claim".into(), Value::String(self.claim.clone()));
        m.insert(
            "chain".into(),
            serde_json::to_value(&self.chain).unwrap_or(Value::Null),
        );
        if let Some(u) = &meta.url {
            m.insert("url".into(), Value::String(u.clone()));
        }
        if let Some(p) = &meta.published {
            m.insert("published".into(), Value::String(p.clone()));
        }
        Value::Object(m)
    }
}

/// Extract the attributed statements of one article. Pure and deterministic; never
/// panics; returns nothing for texts over [`MAX_ARTICLE_BYTES`] or an empty publisher.
pub fn extract(text: &str, meta: &ArticleMeta) -> Vec<Extracted> {
    // A file saved with a byte order mark starts with one; it is not part of the text.
    let text = crate::chars::strip_bom(text);
    if text.len() > MAX_ARTICLE_BYTES || meta.publisher.trim().is_empty() {
        return Vec::new();
    }
    let found = rules::analyse(text, &meta.publisher);
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let s = text::ceil_boundary(text, f.span.0);
        let e = text::floor_boundary(text, f.span.1);
        if e <= s {
            continue;
        }
        let claim = crate::chain::collapse_ws(&f.claim_text(text, s, e));
        // Only what `import` accepts is proposed: a statement that is nothing but
        // punctuation (".") normalizes to an empty claim.
        if crate::claim::validate_text(&claim).is_err() {
            continue;
        }
        let Ok(chain) = Chain::new(f.hops) else {
            continue;
        };
        out.push(Extracted {
            claim,
            chain,
            span: (s, e),
            kind: f.kind,
        });
    }
    out
}

/// Lower-case, drop a leading "the", possessive "'s", punctuation other than inner
/// hyphens and dots, collapse white space, then map through [`ALIASES`] to the
/// canonical spelling. Used to compare hop names.
pub fn normalise_name(name: &str) -> String {
    // The rules compare the same few names again and again (every candidate against
    // the known media, every hop against the others), and folding a name is far
    // dearer than a hash lookup: remember the recent ones per thread. The keys come
    // from the input, so the hash is seeded per process (and the memo is bounded).
    type Memo = std::collections::HashMap<Box<str>, Box<str>, foldhash::fast::RandomState>;
    thread_local! {
        static SEEN: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::default());
    }
    if let Some(hit) = SEEN.with(|m| m.borrow().get(name).map(|v| v.to_string())) {
        return hit;
    }
    let folded = fold_name(name);
    SEEN.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= 4096 {
            m.clear(); // bounded memory on any corpus
        }
        m.insert(name.into(), folded.as_str().into());
    });
    folded
}

/// [`normalise_name`] without the memo.
fn fold_name(name: &str) -> String {
    let name: String = name
        .split_whitespace()
        .filter(|w| {
            !if w.is_ascii() {
                lexicon::ends_with_any(w, lexicon::AFFILIATION_SUFFIXES)
            } else {
                let l = w.to_lowercase();
                lexicon::AFFILIATION_SUFFIXES.iter().any(|x| l.ends_with(x))
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    // Curly apostrophes count as straight ones; the rest is the alias table's folding.
    let joined = plain_lower(&name.replace('’', "'"));
    match alias_map().get(&joined) {
        Some(canonical) => canonical.clone(),
        None => joined,
    }
}

/// Normalised alias spelling → normalised canonical spelling, built once.
fn alias_map() -> &'static std::collections::HashMap<String, String> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<String, String>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = std::collections::HashMap::new();
        for row in ALIASES {
            let canonical = plain_lower(row[0]);
            for a in row.iter() {
                m.entry(plain_lower(a)).or_insert_with(|| canonical.clone());
            }
        }
        m
    })
}

/// Lower-case, keep letters, digits and inner `-` `.` `'`, drop a leading "the", a
/// possessive "'s" and generic outlet words ("news agency", "daily", …).
fn plain_lower(a: &str) -> String {
    let mut s = String::with_capacity(a.len());
    for c in a.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == '\'' {
            s.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else {
            s.push(' ');
        }
    }
    let mut words: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_matches(|c| c == '.' || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    let mut words: Vec<&str> = words
        .iter()
        .map(|w| w.strip_suffix("'s").unwrap_or(w))
        .collect();
    for &tail in lexicon::OUTLET_NAME_TAILS {
        if words.len() > tail.len() && words.ends_with(tail) {
            let n = words.len() - tail.len();
            words.truncate(n);
            break;
        }
    }
    words.join(" ")
}

/// Do two hop names denote the same source? Equal after [`normalise_name`], or one's
/// words are a trailing part of the other's ("Varga" and "Lena Varga", "Harbour
/// Watch" and "Oslo-based Harbour Watch"). Anonymous hops match any anonymous hop.
pub fn same_hop(a: &HopSpec, b: &HopSpec) -> bool {
    if a.anonymous || b.anonymous {
        return a.anonymous && b.anonymous;
    }
    same_name(&a.name, &b.name)
}

/// Name part of [`same_hop`].
pub fn same_name(a: &str, b: &str) -> bool {
    let x = normalise_name(a);
    let y = normalise_name(b);
    if x == y {
        return true;
    }
    let xs: Vec<&str> = x.split(' ').collect();
    let ys: Vec<&str> = y.split(' ').collect();
    let (short, long) = if xs.len() <= ys.len() {
        (&xs, &ys)
    } else {
        (&ys, &xs)
    };
    !short.is_empty() && long.ends_with(short)
}

#[cfg(test)]
mod tests;
