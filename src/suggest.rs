//! Source-resolution suggestions: pairs of live sources that are probably one source
//! under two names ("Trump" / "Donald Trump", "DOJ" / "Justice Department",
//! "cnn.com" / "CNN"), each with the evidence for it and a score in [0, 1]. A person
//! decides: `source merge` accepts a pair, `source distinct` rejects it for good.
//! Only the pairs whose evidence is certain (the same homepage host, a difference of
//! case or punctuation alone) may be merged without a person, and each such merge is
//! an ordinary, recorded `merge` entry.
//!
//! [`gather`] reads what the rules need through `Database` (every report's URL and
//! resolved sources); [`suggest`] is a pure function of the registry, those facts and
//! the pairs already marked distinct. The rules and the scoring are documented, with
//! worked examples, in `docs/sources.md`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::db::Database;
use crate::error::Result;
use crate::report::Hop;
use crate::source::{domain_of, host_key, name_key, Registry, SourceId};

/// What the rules read from the reports: how often each live source is cited, and
/// which sources are cited together in one article (reports with the same URL).
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Reports citing each live source (a report counts once per source).
    pub mentions: HashMap<SourceId, u64>,
    /// Per article (one URL), the live sources its reports cite, in id order.
    pub articles: Vec<Vec<SourceId>>,
    /// Per claim cited by two sources or more, the live sources its reports cite, in
    /// id order.
    pub claims: Vec<Vec<SourceId>>,
}

/// Read the facts of every report in the database (merges followed to live sources).
pub fn gather(db: &Database) -> Result<Facts> {
    let reg = db.registry();
    let mut mentions: HashMap<SourceId, u64> = HashMap::new();
    let mut by_url: HashMap<String, BTreeSet<SourceId>> = HashMap::new();
    let mut claims = Vec::new();
    for claim in db.claims() {
        let mut cited: BTreeSet<SourceId> = BTreeSet::new();
        for r in claim?.reports {
            let ids: BTreeSet<SourceId> = r
                .hops
                .iter()
                .filter_map(|h| match h {
                    Hop::Named { source, .. } => Some(reg.canonical(*source)),
                    Hop::Anonymous(_) => None,
                })
                .collect();
            for id in &ids {
                *mentions.entry(*id).or_default() += 1;
            }
            cited.extend(ids.iter().copied());
            if let Some(url) = r.url {
                by_url.entry(url).or_default().extend(ids);
            }
        }
        if cited.len() >= 2 {
            claims.push(cited.into_iter().collect());
        }
    }
    let mut articles: Vec<Vec<SourceId>> = by_url
        .into_values()
        .map(|s| s.into_iter().collect())
        .collect();
    articles.sort_unstable();
    Ok(Facts {
        mentions,
        articles,
        claims,
    })
}

/// Why two names may be one source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// The outlet's homepage host is exactly the domain the other name is (certain).
    SameHomepage,
    /// The names differ only in case, punctuation or spacing: "U.S." / "US" (certain).
    Punctuation,
    /// The names differ only in accents: "RTÉ" / "RTE".
    Accents,
    /// One name is the other with a possessive: "Trump's" / "Trump".
    Possessive,
    /// A party tag: "Adam Schiff, D-Calif" / "Adam Schiff", "R-Calif" / "R-California".
    PartyTag,
    /// An acronym and its expansion: "DOJ" / "Justice Department".
    Acronym,
    /// A publisher domain spells an outlet name: "aljazeera.com" / "Al Jazeera".
    HostName,
    /// A surname or short form of a full name cited in the same article.
    ShortForm,
    /// Both names are cited in the same articles (supports other evidence).
    SameArticle,
}

impl EvidenceKind {
    /// Whether this evidence alone makes the pair certain (automatic merges).
    pub fn certain(self) -> bool {
        matches!(self, EvidenceKind::SameHomepage | EvidenceKind::Punctuation)
    }

    /// The word used in JSON and in the audit trail.
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::SameHomepage => "same_homepage",
            EvidenceKind::Punctuation => "punctuation",
            EvidenceKind::Accents => "accents",
            EvidenceKind::Possessive => "possessive",
            EvidenceKind::PartyTag => "party_tag",
            EvidenceKind::Acronym => "acronym",
            EvidenceKind::HostName => "host_name",
            EvidenceKind::ShortForm => "short_form",
            EvidenceKind::SameArticle => "same_article",
        }
    }
}

/// One reason for a suggestion, with the weight it adds to the score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    /// What kind of reason.
    pub kind: EvidenceKind,
    /// The reason in words.
    pub reason: String,
    /// Its weight in [0, 1] (see `docs/sources.md`).
    pub weight: f64,
}

/// A likely same-source pair: `b` would be merged into `a` (`source merge A B`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    /// The name proposed to stay (a full name, an outlet name rather than a domain,
    /// else the more cited).
    pub a: String,
    /// The name proposed to become its alias.
    pub b: String,
    /// 1 − Π(1 − weight) over the evidence, rounded to three decimals.
    pub score: f64,
    /// Whether some evidence is certain, so that `--apply-certain` merges the pair.
    pub certain: bool,
    /// The reasons, strongest first.
    pub evidence: Vec<Evidence>,
    /// Reports citing `a` and `b`.
    pub mentions: [u64; 2],
    /// The two live sources (`a`, `b`).
    #[serde(skip)]
    pub ids: (SourceId, SourceId),
}

impl crate::output::Row for Suggestion {
    fn headers() -> Vec<&'static str> {
        vec!["a", "b", "score", "certain", "evidence"]
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.a.clone(),
            self.b.clone(),
            format!("{:.3}", self.score),
            self.certain.to_string(),
            self.evidence
                .iter()
                .map(|e| format!("{}: {}", e.kind.as_str(), e.reason))
                .collect::<Vec<_>>()
                .join("; "),
        ]
    }
}

/// Options of [`suggest`].
#[derive(Clone, Debug)]
pub struct Options {
    /// Leave out pairs scoring below this.
    pub min_score: f64,
    /// At most this many pairs (the best), when set.
    pub limit: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            min_score: DEFAULT_MIN_SCORE,
            limit: None,
        }
    }
}

/// Pairs scoring below this are not shown unless asked for (`--min-score`).
pub const DEFAULT_MIN_SCORE: f64 = 0.6;

/// Evidence for one pair as it is collected: kind → (weight, reason); the strongest
/// reason of each kind is kept.
type Found = BTreeMap<EvidenceKind, (f64, String)>;

/// The likely same-source pairs among the live sources of `reg`, best first, leaving
/// out every pair in `distinct` (pairs of live ids, see `Database::distinct_pairs`).
pub fn suggest(
    reg: &Registry,
    facts: &Facts,
    distinct: &[(SourceId, SourceId)],
    opts: &Options,
) -> Vec<Suggestion> {
    let names = Names::of(reg);
    let mut pairs: HashMap<(SourceId, SourceId), Found> = HashMap::new();
    let mut add = |x: SourceId, y: SourceId, kind: EvidenceKind, weight: f64, reason: String| {
        if x == y {
            return;
        }
        let key = if x < y { (x, y) } else { (y, x) };
        let found = pairs.entry(key).or_default();
        match found.get(&kind) {
            Some((w, _)) if *w >= weight => {}
            _ => {
                found.insert(kind, (weight, reason));
            }
        }
    };
    spelling_rules(&names, &mut add);
    party_tags(&names, &mut add);
    acronyms(&names, &mut add);
    hosts(reg, &names, &mut add);
    let together = together(facts);
    short_forms(&names, facts, &mut add);

    let distinct: HashSet<(SourceId, SourceId)> = distinct.iter().copied().collect();
    let mut out: Vec<Suggestion> = Vec::new();
    for ((x, y), mut found) in pairs {
        if distinct.contains(&(x, y)) {
            continue;
        }
        if !found.contains_key(&EvidenceKind::ShortForm) {
            if let Some(&n) = together.get(&(x, y)) {
                found.insert(
                    EvidenceKind::SameArticle,
                    (
                        same_article_weight(n),
                        format!("cited together in {n} article{}", plural(n as u64)),
                    ),
                );
            }
        }
        let mut evidence: Vec<Evidence> = found
            .into_iter()
            .map(|(kind, (weight, reason))| Evidence {
                kind,
                reason,
                weight,
            })
            .collect();
        evidence.sort_by(|p, q| q.weight.total_cmp(&p.weight).then(p.kind.cmp(&q.kind)));
        let score = 1.0 - evidence.iter().map(|e| 1.0 - e.weight).product::<f64>();
        let score = (score * 1000.0).round() / 1000.0;
        let certain = evidence.iter().any(|e| e.kind.certain());
        if score < opts.min_score && !certain {
            continue;
        }
        let (a, b) = direction(reg, &names, facts, x, y, &evidence);
        let mention = |id: SourceId| facts.mentions.get(&id).copied().unwrap_or(0);
        out.push(Suggestion {
            a: reg.display_name(a).to_string(),
            b: reg.display_name(b).to_string(),
            score,
            certain,
            evidence,
            mentions: [mention(a), mention(b)],
            ids: (a, b),
        });
    }
    out.sort_by(|p, q| {
        q.score
            .total_cmp(&p.score)
            .then_with(|| name_key(&p.a).cmp(&name_key(&q.a)))
            .then_with(|| name_key(&p.b).cmp(&name_key(&q.b)))
    });
    if let Some(n) = opts.limit {
        out.truncate(n);
    }
    out
}

/// The certain evidence of a suggestion, in words (for the audit trail).
pub fn certain_reason(s: &Suggestion) -> String {
    s.evidence
        .iter()
        .find(|e| e.kind.certain())
        .map(|e| format!("{}: {}", e.kind.as_str(), e.reason))
        .unwrap_or_default()
}

/// Merge a certain suggestion (`b` into `a`) as an ordinary, recorded merge whose audit
/// label says it was automatic and why. Returns false, writing nothing, when the pair
/// is not certain or its sources have become one already (an earlier merge).
pub fn apply_certain(db: &mut Database, s: &Suggestion) -> Result<bool> {
    if !s.certain {
        return Ok(false);
    }
    let reg = db.registry();
    if reg.canonical(s.ids.0) == reg.canonical(s.ids.1) {
        return Ok(false);
    }
    let into = reg.display_name(reg.canonical(s.ids.0)).to_string();
    let from = reg.display_name(reg.canonical(s.ids.1)).to_string();
    let label = format!(
        "sources suggest --apply-certain: automatic merge ({})",
        certain_reason(s)
    );
    db.merge_as(&into, &from, &label)?;
    Ok(true)
}

/// Which of the pair stays: the outlet name rather than the domain, the full name
/// rather than the short form or the tagged one, else the more cited, else the longer.
fn direction(
    reg: &Registry,
    names: &Names,
    facts: &Facts,
    x: SourceId,
    y: SourceId,
    evidence: &[Evidence],
) -> (SourceId, SourceId) {
    let is_domain = |id: SourceId| names.domain.contains_key(&id);
    if is_domain(x) != is_domain(y) {
        return if is_domain(x) { (y, x) } else { (x, y) };
    }
    let name = |id: SourceId| reg.display_name(id);
    let words = |id: SourceId| name(id).split_whitespace().count();
    let prefers_full = evidence.iter().any(|e| {
        matches!(
            e.kind,
            EvidenceKind::ShortForm | EvidenceKind::Possessive | EvidenceKind::PartyTag
        )
    });
    if prefers_full {
        let tagged = |id: SourceId| party_tag(name(id)).is_some_and(|(base, _)| !base.is_empty());
        if tagged(x) != tagged(y) {
            return if tagged(x) { (y, x) } else { (x, y) };
        }
        let possessive = |id: SourceId| strip_possessive(name(id)).is_some();
        if possessive(x) != possessive(y) {
            return if possessive(x) { (y, x) } else { (x, y) };
        }
        if words(x) != words(y) {
            return if words(x) > words(y) { (x, y) } else { (y, x) };
        }
    }
    let m = |id: SourceId| facts.mentions.get(&id).copied().unwrap_or(0);
    let key = |id: SourceId| (m(id), name(id).chars().count(), std::cmp::Reverse(id));
    if key(x) >= key(y) {
        (x, y)
    } else {
        (y, x)
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Every name and alias of every live source, with the forms the rules compare.
struct Names {
    /// (live source, name as written) for every name and alias.
    all: Vec<(SourceId, String)>,
    /// Homepage host key of each live source named by a domain ("cnn.com").
    domain: HashMap<SourceId, String>,
    /// Every host a live source goes by: its name or an alias written as a domain (an
    /// outlet that absorbed its domain keeps it as an alias).
    hosts: Vec<(SourceId, String)>,
    /// name_key → live source, for every name and alias.
    by_key: HashMap<String, SourceId>,
}

impl Names {
    fn of(reg: &Registry) -> Names {
        let mut all = Vec::new();
        let mut domain = HashMap::new();
        let mut by_key = HashMap::new();
        let mut hosts = Vec::new();
        for s in reg.live() {
            if let Some(host) = domain_of(&s.name) {
                domain.insert(s.id, host);
            }
            for n in std::iter::once(&s.name).chain(s.aliases.iter()) {
                all.push((s.id, n.clone()));
                by_key.entry(name_key(n)).or_insert(s.id);
                if let Some(host) = domain_of(n) {
                    hosts.push((s.id, host));
                }
            }
        }
        Names {
            all,
            domain,
            hosts,
            by_key,
        }
    }

    /// The live source a name stands for, when it is a name of one.
    fn find(&self, name: &str) -> Option<SourceId> {
        self.by_key.get(&name_key(name)).copied()
    }
}

/// Letters and digits only, lowercase (NFKC first): what is left when case,
/// punctuation and spacing are ignored.
pub fn letters(name: &str) -> String {
    name.nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// [`letters`] without accents (NFKD, combining marks dropped).
pub fn letters_unaccented(name: &str) -> String {
    name.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Same letters (case, punctuation, spacing aside): certain. Same letters but for
/// accents: likely. A possessive of a known name: likely.
fn spelling_rules(
    names: &Names,
    add: &mut impl FnMut(SourceId, SourceId, EvidenceKind, f64, String),
) {
    let mut exact: HashMap<String, Vec<(SourceId, &str)>> = HashMap::new();
    let mut plain: HashMap<String, Vec<(SourceId, &str)>> = HashMap::new();
    for (id, n) in &names.all {
        let l = letters(n);
        // One letter or digit is too little to call a difference "only punctuation".
        if l.chars().count() >= 2 {
            exact.entry(l).or_default().push((*id, n));
        }
        let u = letters_unaccented(n);
        if u.chars().count() >= 3 {
            plain.entry(u).or_default().push((*id, n));
        }
        if let Some(base) = strip_possessive(n) {
            if let Some(other) = names.find(base) {
                add(
                    *id,
                    other,
                    EvidenceKind::Possessive,
                    0.85,
                    format!("{n:?} is the possessive of {base:?}"),
                );
            }
        }
    }
    for group in exact.values() {
        for (i, (x, nx)) in group.iter().enumerate() {
            for (y, ny) in &group[i + 1..] {
                add(
                    *x,
                    *y,
                    EvidenceKind::Punctuation,
                    0.99,
                    format!("{nx:?} and {ny:?} differ only in case, punctuation or spacing"),
                );
            }
        }
    }
    for group in plain.values() {
        for (i, (x, nx)) in group.iter().enumerate() {
            for (y, ny) in &group[i + 1..] {
                if letters(nx) != letters(ny) {
                    add(
                        *x,
                        *y,
                        EvidenceKind::Accents,
                        0.9,
                        format!("{nx:?} and {ny:?} differ only in accents"),
                    );
                }
            }
        }
    }
}

/// "Trump's" → "Trump" (also with a typographic apostrophe, and "Jones'" → "Jones").
fn strip_possessive(name: &str) -> Option<&str> {
    let t = name.trim();
    let base = t
        .strip_suffix("'s")
        .or_else(|| t.strip_suffix("’s"))
        .or_else(|| t.strip_suffix("'S"))
        .or_else(|| t.strip_suffix("s'"))
        .or_else(|| t.strip_suffix("s’"))?
        .trim_end();
    // "He's" and "That's" are contractions, not possessives.
    let pronoun = [
        "he", "she", "it", "that", "there", "here", "what", "who", "let", "where",
    ]
    .contains(&base.to_lowercase().as_str());
    (!pronoun && base.chars().filter(|c| c.is_alphanumeric()).count() >= 2).then_some(base)
}

/// US states and territories: postal code, the AP style abbreviations, the full name.
const STATES: &[(&str, &[&str], &str)] = &[
    ("AL", &["Ala"], "Alabama"),
    ("AK", &[], "Alaska"),
    ("AZ", &["Ariz"], "Arizona"),
    ("AR", &["Ark"], "Arkansas"),
    ("CA", &["Calif", "Cal"], "California"),
    ("CO", &["Colo"], "Colorado"),
    ("CT", &["Conn"], "Connecticut"),
    ("DE", &["Del"], "Delaware"),
    ("DC", &[], "District of Columbia"),
    ("FL", &["Fla"], "Florida"),
    ("GA", &[], "Georgia"),
    ("HI", &[], "Hawaii"),
    ("ID", &[], "Idaho"),
    ("IL", &["Ill"], "Illinois"),
    ("IN", &["Ind"], "Indiana"),
    ("IA", &[], "Iowa"),
    ("KS", &["Kan", "Kans"], "Kansas"),
    ("KY", &[], "Kentucky"),
    ("LA", &[], "Louisiana"),
    ("ME", &[], "Maine"),
    ("MD", &[], "Maryland"),
    ("MA", &["Mass"], "Massachusetts"),
    ("MI", &["Mich"], "Michigan"),
    ("MN", &["Minn"], "Minnesota"),
    ("MS", &["Miss"], "Mississippi"),
    ("MO", &[], "Missouri"),
    ("MT", &["Mont"], "Montana"),
    ("NE", &["Neb", "Nebr"], "Nebraska"),
    ("NV", &["Nev"], "Nevada"),
    ("NH", &[], "New Hampshire"),
    ("NJ", &[], "New Jersey"),
    ("NM", &[], "New Mexico"),
    ("NY", &[], "New York"),
    ("NC", &[], "North Carolina"),
    ("ND", &[], "North Dakota"),
    ("OH", &[], "Ohio"),
    ("OK", &["Okla"], "Oklahoma"),
    ("OR", &["Ore", "Oreg"], "Oregon"),
    ("PA", &["Penn", "Penna"], "Pennsylvania"),
    ("RI", &[], "Rhode Island"),
    ("SC", &[], "South Carolina"),
    ("SD", &[], "South Dakota"),
    ("TN", &["Tenn"], "Tennessee"),
    ("TX", &["Tex"], "Texas"),
    ("UT", &[], "Utah"),
    ("VT", &[], "Vermont"),
    ("VA", &[], "Virginia"),
    ("WA", &["Wash"], "Washington"),
    ("WV", &[], "West Virginia"),
    ("WI", &["Wis", "Wisc"], "Wisconsin"),
    ("WY", &["Wyo"], "Wyoming"),
];

/// The postal code of a state written as its code ("CA", "N.C."), its AP style
/// abbreviation ("Calif.") or its name ("California"), case aside.
fn state_code(written: &str) -> Option<&'static str> {
    let w = letters(written);
    if w.is_empty() {
        return None;
    }
    STATES.iter().find_map(|(code, abbrevs, full)| {
        (w == code.to_ascii_lowercase()
            || abbrevs.iter().any(|a| w == a.to_ascii_lowercase())
            || w == letters(full))
        .then_some(*code)
    })
}

/// A party tag at the end of a name: "Adam Schiff, D-Calif." → ("Adam Schiff",
/// "D-CA"); "R-California" → ("", "R-CA"). Parties D, R and I; the state must be known.
pub fn party_tag(name: &str) -> Option<(&str, String)> {
    let t = name
        .trim()
        .trim_end_matches(|c: char| c == '.' || c == ')' || c.is_whitespace());
    let mut found = None;
    let mut prev: Option<char> = None;
    for (i, c) in t.char_indices() {
        let boundary = prev.is_none_or(|p| matches!(p, ' ' | ',' | '('));
        prev = Some(c);
        if !boundary || !matches!(c, 'D' | 'R' | 'I') {
            continue;
        }
        // The party letter is ASCII, so the dash starts at i + 1.
        let rest = &t[i + 1..];
        let after = if rest.starts_with('-') {
            i + 2
        } else if rest.starts_with('–') {
            i + 1 + '–'.len_utf8()
        } else {
            continue;
        };
        found = Some((i, c, after));
    }
    let (i, party, after) = found?;
    let code = state_code(t.get(after..)?)?;
    let base = t[..i]
        .trim_end_matches(|c: char| c == ',' || c == '(' || c.is_whitespace())
        .trim();
    Some((base, format!("{party}-{code}")))
}

/// Names with a party tag and the same name without it, or the same tag spelled two
/// ways ("R-Calif" / "R-California").
fn party_tags(names: &Names, add: &mut impl FnMut(SourceId, SourceId, EvidenceKind, f64, String)) {
    let mut tagged: HashMap<(String, String), Vec<(SourceId, &str)>> = HashMap::new();
    for (id, n) in &names.all {
        if let Some((base, tag)) = party_tag(n) {
            if !base.is_empty() {
                if let Some(other) = names.find(base) {
                    add(
                        *id,
                        other,
                        EvidenceKind::PartyTag,
                        0.9,
                        format!("{n:?} is {base:?} with the party tag {tag}"),
                    );
                }
            }
            tagged
                .entry((name_key(base), tag))
                .or_default()
                .push((*id, n));
        }
    }
    for ((base, tag), group) in &tagged {
        for (i, (x, nx)) in group.iter().enumerate() {
            for (y, ny) in &group[i + 1..] {
                let (weight, what) = if base.is_empty() {
                    (0.85, "the same party tag")
                } else {
                    (0.9, "the same name with the same party tag")
                };
                add(
                    *x,
                    *y,
                    EvidenceKind::PartyTag,
                    weight,
                    format!("{nx:?} and {ny:?} are {what} ({tag})"),
                );
            }
        }
    }
}

/// Small words left out of an acronym ("Federal Bureau of Investigation" → FBI).
const MINOR: &[&str] = &[
    "of", "the", "and", "for", "on", "in", "at", "to", "a", "an", "&",
];

/// Head nouns written either way round: "Justice Department" is "Department of
/// Justice" (DOJ), "Defence Ministry" is "Ministry of Defence" (MOD).
const HEADS: &[&str] = &[
    "department",
    "ministry",
    "office",
    "commission",
    "agency",
    "bureau",
];

/// Country words that may lead a body's name without being in its acronym ("US
/// Justice Department" is still DOJ).
const LEADING: &[&str] = &["us", "u.s.", "u.s", "uk", "u.k.", "the"];

/// The letters of an acronym as written ("DOJ", "U.S.", "U.N."): one word of two to
/// six capital letters, dots allowed.
fn acronym_letters(name: &str) -> Option<String> {
    let t = name.trim();
    if t.contains(char::is_whitespace) {
        return None;
    }
    let l: String = t.chars().filter(|c| *c != '.').collect();
    let n = l.chars().count();
    ((2..=6).contains(&n) && l.chars().all(|c| c.is_ascii_uppercase())).then(|| l.to_lowercase())
}

/// The acronyms a multi-word name may go by: the initials of every word, of the
/// words that are not minor, and of the same after the word-order table and without
/// a leading country word.
fn expansions(name: &str) -> Vec<String> {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 || words.len() > 8 {
        return Vec::new();
    }
    // Every word (but minor ones) must start with a capital, as names of bodies do.
    let capitalized = name
        .split_whitespace()
        .filter(|w| !MINOR.contains(&w.to_lowercase().as_str()))
        .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
    if !capitalized {
        return Vec::new();
    }
    let mut forms: Vec<Vec<String>> = vec![words.clone()];
    let mut w = words;
    while w.len() > 2 && LEADING.contains(&w[0].as_str()) {
        w.remove(0);
        forms.push(w.clone());
    }
    let plain = forms.len();
    for f in forms.clone() {
        // "Justice Department" → "Department of Justice".
        if let Some(last) = f.last() {
            if f.len() >= 2 && HEADS.contains(&last.as_str()) {
                let mut turned = vec![last.clone(), "of".to_string()];
                turned.extend(f[..f.len() - 1].iter().cloned());
                forms.push(turned);
            }
        }
    }
    let mut out = BTreeSet::new();
    for (i, f) in forms.iter().enumerate() {
        let initial = |w: &String| w.chars().next();
        let all: String = f.iter().filter_map(initial).collect();
        // A turned form ("Department of Justice" from "Justice Department") counts
        // with every word: without "of" it would read as another name's initials.
        let turned = i >= plain;
        let major: String = if turned {
            String::new()
        } else {
            f.iter()
                .filter(|w| !MINOR.contains(&w.as_str()))
                .filter_map(initial)
                .collect()
        };
        for s in [all, major] {
            if s.chars().count() >= 2 {
                out.insert(s);
            }
        }
    }
    out.into_iter().collect()
}

/// Words that mark the name of a body rather than a person ("Human Rights Watch",
/// not "Rocker Alice Cooper"): an acronym of three letters or more weighs more when
/// its expansion has one.
const BODY_WORDS: &[&str] = &[
    "administration",
    "agency",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "center",
    "centre",
    "commission",
    "committee",
    "company",
    "corporation",
    "council",
    "court",
    "department",
    "executive",
    "force",
    "foundation",
    "fund",
    "group",
    "institute",
    "journal",
    "ministry",
    "nations",
    "network",
    "news",
    "observatory",
    "office",
    "organisation",
    "organization",
    "party",
    "police",
    "press",
    "programme",
    "program",
    "service",
    "times",
    "union",
    "unit",
    "university",
    "watch",
];

/// An acronym and a name whose initials spell it.
fn acronyms(names: &Names, add: &mut impl FnMut(SourceId, SourceId, EvidenceKind, f64, String)) {
    let mut short: HashMap<String, Vec<(SourceId, &str)>> = HashMap::new();
    for (id, n) in &names.all {
        if let Some(l) = acronym_letters(n) {
            short.entry(l).or_default().push((*id, n));
        }
    }
    if short.is_empty() {
        return;
    }
    for (id, n) in &names.all {
        if names.domain.contains_key(id) {
            continue;
        }
        for e in expansions(n) {
            for (other, acr) in short.get(&e).into_iter().flatten() {
                let body = n
                    .split_whitespace()
                    .any(|w| BODY_WORDS.contains(&letters(w).as_str()));
                let weight = match (e.chars().count() >= 3, body) {
                    (true, true) => 0.75,
                    (true, false) => 0.5,
                    (false, _) => 0.4,
                };
                add(
                    *id,
                    *other,
                    EvidenceKind::Acronym,
                    weight,
                    format!("{acr:?} is the initials of {n:?}"),
                );
            }
        }
    }
}

/// Labels of a host that can name an outlet: without the top-level domain, a second
/// level such as `co.` or `com.` under a country code, and `www`.
/// ("abcnews.go.com" → abcnews, go; "bbc.co.uk" → bbc.)
fn host_labels(host: &str) -> Vec<&str> {
    let mut labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let Some(tld) = labels.pop() else {
        return labels;
    };
    if tld.len() == 2 {
        if let Some(second) = labels.last() {
            if ["co", "com", "org", "net", "gov", "ac", "edu", "or", "ne"].contains(second)
                && labels.len() >= 2
            {
                labels.pop();
            }
        }
    }
    labels.retain(|l| *l != "www" && !EDITION_LABELS.contains(l));
    labels
}

/// Words a domain may add to an outlet's name ("abcnews" for ABC).
const HOST_SUFFIXES: &[&str] = &["news", "online", "tv", "media"];

/// Host labels that name an edition or a section, not an outlet
/// ("europe.chinadaily.com.cn", "edition.cnn.com", "news.sky.com").
const EDITION_LABELS: &[&str] = &[
    "africa",
    "amp",
    "asia",
    "de",
    "edition",
    "en",
    "es",
    "europe",
    "fr",
    "global",
    "int",
    "international",
    "m",
    "mobile",
    "news",
    "uk",
    "us",
    "usa",
    "world",
];

/// The ways a name may be spelled in a host label: its letters, and for two to four
/// words each word whole or as its initial ("nytimes", "dw"), with or without a
/// leading "the". The bool says whether the spelling is the whole name.
fn host_spellings(name: &str) -> Vec<(String, bool)> {
    let mut out = vec![(letters_unaccented(name), true)];
    let words: Vec<String> = name
        .split_whitespace()
        .map(letters_unaccented)
        .filter(|w| !w.is_empty())
        .collect();
    let words: &[String] = match words.first() {
        Some(w) if w == "the" && words.len() > 1 => {
            out.push((words[1..].concat(), true));
            &words[1..]
        }
        _ => &words,
    };
    // Mixed spellings only for names whose words all start with a capital (outlets,
    // not "governor's office"), and never initials alone (a person's initials spell
    // too many short domains: "rte" is RTÉ, not Recep Tayyip Erdogan).
    let capitalized = name
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if capitalized && (2..=4).contains(&words.len()) {
        for mask in 0u32..(1 << words.len()) - 1 {
            if mask == 0 {
                continue;
            }
            let s: String = words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    if mask & (1 << i) == 0 {
                        w.chars().next().map(String::from).unwrap_or_default()
                    } else {
                        w.clone()
                    }
                })
                .collect();
            out.push((s, false));
        }
    }
    out.retain(|(s, _)| s.chars().count() >= 2);
    out
}

/// Whether `host` is `home` or a subdomain of it (label boundaries, as resolution
/// matches domains).
fn under(host: &str, home: &str) -> bool {
    host == home
        || host
            .strip_suffix(home)
            .is_some_and(|rest| rest.ends_with('.'))
}

/// A publisher domain and an outlet name: the outlet's homepage host (its own, or its
/// hosts in the built-in outlet table) is the domain or a parent of it (certain), or a
/// host label spells the name. Two names the table gives to one outlet are certain too.
fn hosts(
    reg: &Registry,
    names: &Names,
    add: &mut impl FnMut(SourceId, SourceId, EvidenceKind, f64, String),
) {
    let table = crate::source::outlets::builtin();
    // Names the table knows, by outlet: two sources named for one outlet are one.
    let mut by_outlet: HashMap<&str, Vec<(SourceId, &str)>> = HashMap::new();
    for (id, n) in &names.all {
        if let Some(o) = table.by_name(n) {
            by_outlet.entry(o.name.as_str()).or_default().push((*id, n));
        }
    }
    for (outlet, group) in &by_outlet {
        for (i, (x, nx)) in group.iter().enumerate() {
            for (y, ny) in &group[i + 1..] {
                add(
                    *x,
                    *y,
                    EvidenceKind::SameHomepage,
                    1.0,
                    format!("the built-in outlet table lists {nx:?} and {ny:?} as {outlet:?}"),
                );
            }
        }
    }
    if names.hosts.is_empty() {
        return;
    }
    // Label → the sources going by a host that has it.
    let mut by_label: HashMap<String, Vec<(SourceId, &str)>> = HashMap::new();
    for (id, host) in &names.hosts {
        for l in host_labels(host) {
            by_label.entry(l.to_string()).or_default().push((*id, host));
        }
    }
    for s in reg.live() {
        if names.domain.contains_key(&s.id) {
            continue;
        }
        let mut homes: Vec<(String, String)> = Vec::new();
        if let Some(h) = s.homepage.as_ref().and_then(|u| u.host_str()) {
            homes.push((
                host_key(h),
                format!("the homepage of {:?} is {}", s.name, host_key(h)),
            ));
        }
        for n in std::iter::once(&s.name).chain(s.aliases.iter()) {
            for h in table.by_name(n).into_iter().flat_map(|o| o.hosts.iter()) {
                homes.push((
                    h.clone(),
                    format!("the built-in outlet table gives {n:?} the host {h}"),
                ));
            }
        }
        for (home, why) in &homes {
            for (d, host) in &names.hosts {
                if under(host, home) {
                    let reason = if host == home {
                        why.clone()
                    } else {
                        format!("{why}, and {host} is under it")
                    };
                    add(s.id, *d, EvidenceKind::SameHomepage, 1.0, reason);
                }
            }
        }
        for n in std::iter::once(&s.name).chain(s.aliases.iter()) {
            for (spelling, whole) in host_spellings(n) {
                let mut hits: Vec<(SourceId, &str, bool)> = Vec::new();
                for (d, host) in by_label.get(&spelling).into_iter().flatten() {
                    hits.push((*d, host, whole));
                }
                for suffix in HOST_SUFFIXES {
                    let longer = format!("{spelling}{suffix}");
                    for (d, host) in by_label.get(&longer).into_iter().flatten() {
                        hits.push((*d, host, false));
                    }
                }
                for (d, host, exact) in hits {
                    let weight = if exact { 0.9 } else { 0.8 };
                    add(
                        s.id,
                        d,
                        EvidenceKind::HostName,
                        weight,
                        format!("the domain {host} spells {n:?}"),
                    );
                }
            }
        }
    }
}

/// Articles citing both sources of each pair (pairs in id order).
fn together(facts: &Facts) -> HashMap<(SourceId, SourceId), u32> {
    let mut out: HashMap<(SourceId, SourceId), u32> = HashMap::new();
    for a in &facts.articles {
        // A pathological article citing thousands of sources would cost its square.
        if a.len() > 400 {
            continue;
        }
        for (i, x) in a.iter().enumerate() {
            for y in &a[i + 1..] {
                *out.entry((*x, *y)).or_default() += 1;
            }
        }
    }
    out
}

/// Weight of being cited together in `n` articles.
fn same_article_weight(n: u32) -> f64 {
    match n {
        0 => 0.0,
        1 => 0.3,
        2 => 0.45,
        _ => 0.6,
    }
}

/// The words of a person-like name: split on spaces, outer punctuation trimmed.
fn name_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .nfkc()
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// A short form and a full name cited in the same article, or for the same claim: the
/// short form's words end the full name ("Trump" / "Donald Trump", "Le Drian" /
/// "Jean-Yves Le Drian", "Khalid Abu Bakar" / "Inspector-General Khalid Abu Bakar").
/// The weight grows with the meetings (articles plus claims) and is shared among the
/// full names the short form meets, so an ambiguous surname scores low.
fn short_forms(
    names: &Names,
    facts: &Facts,
    add: &mut impl FnMut(SourceId, SourceId, EvidenceKind, f64, String),
) {
    // The own name of each live source only: aliases met in an article are already it.
    let mut own: HashMap<SourceId, (&str, Vec<String>)> = HashMap::new();
    for (id, n) in &names.all {
        if names.domain.contains_key(id) || own.contains_key(id) {
            continue;
        }
        let starts_upper = n.trim().chars().next().is_some_and(char::is_uppercase);
        let words = name_words(n);
        if starts_upper && !words.is_empty() && words.len() <= 6 {
            own.insert(*id, (n.as_str(), words));
        }
    }
    // (short, full) → (articles, claims) where both are cited.
    let mut met: HashMap<(SourceId, SourceId), (u32, u32)> = HashMap::new();
    let groups = facts
        .articles
        .iter()
        .map(|g| (g, true))
        .chain(facts.claims.iter().map(|g| (g, false)));
    for (group, article) in groups {
        if group.len() > 400 {
            continue;
        }
        for s in group {
            let Some((_, sw)) = own.get(s) else { continue };
            for f in group {
                let Some((_, fw)) = own.get(f) else { continue };
                // "ETBI" in "Michael Moriarty of the ETBI" is another entity.
                let before = fw.len().checked_sub(sw.len() + 1).map(|i| fw[i].as_str());
                let after_minor = before.is_some_and(|w| MINOR.contains(&w));
                let ends = fw.len() > sw.len()
                    && fw.ends_with(sw)
                    && !after_minor
                    && sw.iter().any(|w| w.len() >= 2);
                // "Clint Watts" / "Clinton Watts": a first name cut short.
                let cut = fw.len() == sw.len()
                    && fw.len() >= 2
                    && fw[1..] == sw[1..]
                    && sw[0].chars().count() >= 3
                    && fw[0].chars().chain(sw[0].chars()).all(char::is_alphabetic)
                    && fw[0].len() > sw[0].len()
                    && fw[0].starts_with(sw[0].as_str());
                if ends || cut {
                    let m = met.entry((*s, *f)).or_default();
                    if article {
                        m.0 += 1;
                    } else {
                        m.1 += 1;
                    }
                }
            }
        }
    }
    let met: HashMap<(SourceId, SourceId), (u32, u32, u32)> = met
        .into_iter()
        .map(|(k, (a, c))| (k, (a + c, a, c)))
        .collect();
    let mut total: HashMap<SourceId, u32> = HashMap::new();
    for ((s, _), (n, _, _)) in &met {
        *total.entry(*s).or_default() += n;
    }
    for ((s, f), (n, articles, claims)) in &met {
        let share = f64::from(*n) / f64::from(total[s].max(1));
        let base = match n {
            1 => 0.6,
            2 => 0.75,
            _ => 0.85,
        };
        let (sn, _) = own[s];
        let (fname, _) = own[f];
        let mut wher = Vec::new();
        if *articles > 0 {
            wher.push(format!(
                "{articles} article{}",
                plural(u64::from(*articles))
            ));
        }
        if *claims > 0 {
            wher.push(format!("{claims} claim{}", plural(u64::from(*claims))));
        }
        let others = total[s] - n;
        let mut reason = format!(
            "{sn:?} is a short form of {fname:?}; both are cited in {}",
            wher.join(" and ")
        );
        if others > 0 {
            reason.push_str(&format!(
                ", but {sn:?} also meets other full names ({others} time{})",
                plural(u64::from(others))
            ));
        }
        add(*s, *f, EvidenceKind::ShortForm, base * share, reason);
    }
}

/// A labelled pair: a person's judgement whether two names are one source.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// One name.
    pub a: String,
    /// The other name.
    pub b: String,
    /// Whether they are one source.
    pub same: bool,
}

/// Read labelled pairs: one per line, tab-separated `a`, `b`, `same` or `different`,
/// then anything; blank lines and lines starting with `#` are left out.
pub fn parse_labels(text: &str) -> Result<Vec<Label>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(a), Some(b), Some(label)) = (cols.next(), cols.next(), cols.next()) else {
            return Err(crate::Error::Line {
                line: i as u64 + 1,
                message: "expected a, b and a label separated by tabs".into(),
            });
        };
        let same = match label.trim() {
            "same" => true,
            "different" => false,
            other => {
                return Err(crate::Error::Line {
                    line: i as u64 + 1,
                    message: format!("the label is {other:?}; write same or different"),
                })
            }
        };
        out.push(Label {
            a: a.to_string(),
            b: b.to_string(),
            same,
        });
    }
    Ok(out)
}

/// Precision of suggestions on labelled pairs.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Precision {
    /// Labelled pairs that `--apply-certain` would merge, and how many are the same.
    pub automatic: (usize, usize),
    /// Labelled pairs listed by default (certain, or scoring at least the default
    /// minimum), and how many are the same.
    pub shown: (usize, usize),
    /// Labelled pairs not suggested at all, or hidden below the minimum score.
    pub not_shown: usize,
}

impl Precision {
    fn ratio((total, same): (usize, usize)) -> f64 {
        if total == 0 {
            1.0
        } else {
            same as f64 / total as f64
        }
    }

    /// Share of the automatic merges that are right.
    pub fn automatic_precision(&self) -> f64 {
        Self::ratio(self.automatic)
    }

    /// Share of the shown suggestions that are right.
    pub fn shown_precision(&self) -> f64 {
        Self::ratio(self.shown)
    }
}

/// Score `suggestions` (listed with a minimum score of 0) against `labels`; a pair
/// matches in either order, names compared as resolution compares them.
pub fn precision(suggestions: &[(String, String, f64, bool)], labels: &[Label]) -> Precision {
    let key = |a: &str, b: &str| {
        let (x, y) = (name_key(a), name_key(b));
        if x <= y {
            (x, y)
        } else {
            (y, x)
        }
    };
    let by_pair: HashMap<(String, String), (f64, bool)> = suggestions
        .iter()
        .map(|(a, b, score, certain)| (key(a, b), (*score, *certain)))
        .collect();
    let mut p = Precision::default();
    for l in labels {
        match by_pair.get(&key(&l.a, &l.b)) {
            Some(&(score, certain)) if certain || score >= DEFAULT_MIN_SCORE => {
                p.shown.0 += 1;
                p.shown.1 += usize::from(l.same);
                if certain {
                    p.automatic.0 += 1;
                    p.automatic.1 += usize::from(l.same);
                }
            }
            _ => p.not_shown += 1,
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{parse_http_url, SourcePatch};

    #[test]
    fn labels_and_precision() {
        let labels = parse_labels("# c\nA\tB\tsame\tx\nC\tD\tdifferent\n\nE\tF\tsame\n").unwrap();
        assert_eq!(labels.len(), 3);
        assert!(parse_labels("A\tB\tmaybe\n").is_err());
        assert!(parse_labels("A B same\n").is_err());
        let s = vec![
            ("b".to_string(), "a".to_string(), 1.0, true),
            ("C".to_string(), "D".to_string(), 0.7, false),
            ("E".to_string(), "F".to_string(), 0.5, false),
        ];
        let p = precision(&s, &labels);
        assert_eq!(p.automatic, (1, 1));
        assert_eq!(p.shown, (2, 1));
        assert_eq!(p.not_shown, 1);
        assert_eq!(p.shown_precision(), 0.5);
    }

    fn reg(names: &[&str]) -> Registry {
        let mut r = Registry::new();
        for n in names {
            r.resolve_or_create(n);
        }
        r
    }

    fn pairs(r: &Registry, facts: &Facts) -> Vec<(String, String, Vec<EvidenceKind>)> {
        let opts = Options {
            min_score: 0.0,
            limit: None,
        };
        suggest(r, facts, &[], &opts)
            .into_iter()
            .map(|s| (s.a, s.b, s.evidence.iter().map(|e| e.kind).collect()))
            .collect()
    }

    #[test]
    fn party_tags_parse() {
        assert_eq!(
            party_tag("Ada Quill, D-Calif."),
            Some(("Ada Quill", "D-CA".to_string()))
        );
        assert_eq!(party_tag("R-California"), Some(("", "R-CA".to_string())));
        assert_eq!(party_tag("R-N.C."), Some(("", "R-NC".to_string())));
        assert_eq!(
            party_tag("Ada Quill (R-Texas)"),
            Some(("Ada Quill", "R-TX".to_string()))
        );
        assert_eq!(party_tag("Ada Quill"), None);
        assert_eq!(party_tag("Jean-Yves Le Drian"), None);
        assert_eq!(party_tag("D-Nowhere"), None);
        assert_eq!(party_tag("é-"), None);
    }

    #[test]
    fn acronyms_and_expansions() {
        assert_eq!(acronym_letters("U.S."), Some("us".into()));
        assert_eq!(acronym_letters("DOJ"), Some("doj".into()));
        assert_eq!(acronym_letters("Doj"), None);
        assert!(expansions("Justice Department").contains(&"doj".to_string()));
        assert!(expansions("Department of Justice").contains(&"doj".to_string()));
        assert!(expansions("Federal Bureau of Investigation").contains(&"fbi".to_string()));
        assert!(expansions("US Justice Department").contains(&"doj".to_string()));
        assert!(expansions("police officers").is_empty());
        let turned = expansions("Defense Ministry");
        assert!(turned.contains(&"mod".to_string()), "{turned:?}");
        assert!(!turned.contains(&"md".to_string()), "{turned:?}");
    }

    #[test]
    fn host_labels_and_spellings() {
        assert_eq!(host_labels("abcnews.go.com"), ["abcnews", "go"]);
        assert_eq!(host_labels("bbc.co.uk"), ["bbc"]);
        assert_eq!(host_labels("europe.chinadaily.com.cn"), ["chinadaily"]);
        let s: Vec<String> = host_spellings("New Harbor Times")
            .into_iter()
            .map(|x| x.0)
            .collect();
        assert!(s.contains(&"nhtimes".to_string()));
        assert!(s.contains(&"newharbortimes".to_string()));
        assert!(!s.contains(&"nht".to_string()));
        let two: Vec<String> = host_spellings("Dov Wexler")
            .into_iter()
            .map(|x| x.0)
            .collect();
        assert!(!two.contains(&"dw".to_string()), "{two:?}");
        assert_eq!(host_spellings("governor's office").len(), 1);
    }

    #[test]
    fn every_rule_finds_its_pair() {
        let r = reg(&[
            "Q.R.",
            "QR",
            "Zoë Quill",
            "Zoe Quill",
            "Theo Marsh",
            "Theodore Marsh",
            "Quill's",
            "Quill",
            "Ada Vance, R-Calif",
            "Ada Vance",
            "Bureau of Tides",
            "BOT",
            "harborherald.example",
            "Harbor Herald",
        ]);
        let id = |n: &str| r.find(n).unwrap();
        let facts = Facts {
            mentions: HashMap::new(),
            articles: vec![vec![id("Zoë Quill"), id("Quill")]],
            claims: vec![vec![id("Theo Marsh"), id("Theodore Marsh")]],
        };
        let got = pairs(&r, &facts);
        let has = |a: &str, b: &str, k: EvidenceKind| {
            got.iter()
                .any(|(x, y, ks)| x == a && y == b && ks.contains(&k))
        };
        assert!(
            has("Q.R.", "QR", EvidenceKind::Punctuation)
                || has("QR", "Q.R.", EvidenceKind::Punctuation),
            "{got:?}"
        );
        assert!(
            has("Zoë Quill", "Zoe Quill", EvidenceKind::Accents)
                || has("Zoe Quill", "Zoë Quill", EvidenceKind::Accents),
            "{got:?}"
        );
        assert!(has("Quill", "Quill's", EvidenceKind::Possessive), "{got:?}");
        assert!(
            has("Ada Vance", "Ada Vance, R-Calif", EvidenceKind::PartyTag),
            "{got:?}"
        );
        assert!(
            has("Bureau of Tides", "BOT", EvidenceKind::Acronym)
                || has("BOT", "Bureau of Tides", EvidenceKind::Acronym),
            "{got:?}"
        );
        assert!(
            has(
                "Harbor Herald",
                "harborherald.example",
                EvidenceKind::HostName
            ),
            "{got:?}"
        );
        assert!(
            has("Zoë Quill", "Quill", EvidenceKind::ShortForm),
            "{got:?}"
        );
    }

    #[test]
    fn same_homepage_is_certain_and_distinct_pairs_are_left_out() {
        // A publisher domain first seen in a URL, then the outlet given the parent host.
        let mut r = reg(&["news.tidewire.example"]);
        let outlet = r
            .upsert(
                "Tide Wire",
                &SourcePatch {
                    homepage: Some(parse_http_url("https://www.tidewire.example/").unwrap()),
                    ..Default::default()
                },
            )
            .unwrap();
        let d = r.find("news.tidewire.example").unwrap();
        assert_ne!(outlet, d);
        let facts = Facts::default();
        let opts = Options::default();
        let all = suggest(&r, &facts, &[], &opts);
        let s = all
            .iter()
            .find(|s| s.ids == (outlet, d))
            .expect("suggested");
        assert!(s.certain);
        assert_eq!(s.score, 1.0);
        assert_eq!(s.evidence[0].kind, EvidenceKind::SameHomepage);
        let pair = if outlet < d { (outlet, d) } else { (d, outlet) };
        assert!(suggest(&r, &facts, &[pair], &opts)
            .iter()
            .all(|s| s.ids != (outlet, d)));
        assert!(under("a.b.example", "b.example"));
        assert!(!under("ab.example", "b.example"));
    }

    #[test]
    fn an_ambiguous_surname_scores_low() {
        let r = reg(&["Vance", "Ada Vance", "Bo Vance"]);
        let id = |n: &str| r.find(n).unwrap();
        let mut articles = vec![vec![id("Vance"), id("Ada Vance")]; 3];
        articles.push(vec![id("Vance"), id("Bo Vance")]);
        let facts = Facts {
            mentions: HashMap::new(),
            articles,
            claims: vec![vec![id("Vance"), id("Ada Vance")]],
        };
        let all = suggest(
            &r,
            &facts,
            &[],
            &Options {
                min_score: 0.0,
                limit: None,
            },
        );
        let score = |full: &str| {
            all.iter()
                .find(|s| s.a == full && s.b == "Vance")
                .map(|s| s.score)
                .unwrap()
        };
        // Ada Vance meets Vance in 3 articles and 1 claim, Bo Vance in 1 article:
        // 0.85 × 4/5 and 0.6 × 1/5.
        assert_eq!(score("Ada Vance"), 0.68);
        assert_eq!(score("Bo Vance"), 0.12);
    }

    proptest::proptest! {
        /// The name rules take any string without panicking, and the suggestions for
        /// any registry are well formed: scores in [0, 1], never a source paired with
        /// itself.
        #[test]
        fn any_names_are_handled(names in proptest::collection::vec(".{0,24}", 0..12)) {
            for n in &names {
                let _ = party_tag(n);
                let _ = strip_possessive(n);
                let _ = acronym_letters(n);
                let _ = expansions(n);
                let _ = host_spellings(n);
                let _ = host_labels(n);
                let _ = name_words(n);
            }
            let r = reg(&names.iter().map(String::as_str).collect::<Vec<_>>());
            let ids: Vec<SourceId> = r.live().map(|s| s.id).collect();
            let facts = Facts {
                mentions: HashMap::new(),
                articles: vec![ids.clone()],
                claims: vec![ids],
            };
            let opts = Options { min_score: 0.0, limit: None };
            for s in suggest(&r, &facts, &[], &opts) {
                proptest::prop_assert!((0.0..=1.0).contains(&s.score));
                proptest::prop_assert!(s.ids.0 != s.ids.1);
            }
        }
    }

    #[test]
    fn hostile_names_do_not_panic() {
        let r = reg(&[
            "",
            "'s",
            "R-",
            "I–",
            "D-\u{0301}",
            ".",
            "..com",
            "é.é",
            "A B C D E F G H I J",
        ]);
        let facts = Facts::default();
        let _ = pairs(&r, &facts);
    }
}
