//! Sources: the registry of outlets, agencies and people, and how written names,
//! aliases, domains and URLs resolve to them.
//!
//! The registry is an in-memory structure; `store` loads and saves it. Resolution
//! rules (documented in `docs/guide.md`):
//! 1. a name or alias matches case-insensitively after NFKC and white-space folding;
//! 2. otherwise a URL (`https://edition.cnn.com/x`) or bare domain (`apnews.com`)
//!    matches the source whose homepage host is that host or a parent of it on label
//!    boundaries, ignoring a leading `www.` (`edition.cnn.com` → cnn.com; `cnn.com.de`
//!    never matches cnn.com);
//! 3. otherwise the name is unknown, and a hop that names it creates it.
//!
//! The built-in outlet table ([`crate::outlets`]) takes part in steps 1 and 2: a name,
//! alias or host the registry does not know but the table does stands for the
//! registry source that carries the outlet's canonical name or one of its hosts, or
//! else for the outlet itself, which a hop then creates with the table's name,
//! homepage and kind (its aliases stay in the table, so a user's source may still
//! claim one). Host matching walks from the written host up to its registrable domain
//! (Public Suffix List: `foo.blogspot.com` never reaches `blogspot.com`), and at each
//! step the registry (homepage hosts, then names written as domains), then the table,
//! is asked: the longest registered host wins (`abcnews.go.com` is ABC News even when
//! `go.com` is a source).

use std::collections::HashMap;

use serde::{Deserialize, Deserializer, Serialize};
use unicode_normalization::UnicodeNormalization;
use url::Url;

use crate::error::{Error, Result};
pub mod outlets;

use outlets::{Outlet, OutletTable};

/// Defined by the independence engine, which works on these ids and on nothing else
/// of a source (the engine sits below this module).
pub use crate::independence::SourceId;

/// A patch to write: the line of the list it comes from (a rating CSV, an outlet
/// table), the name it is applied to (an existing source's canonical name, or the name
/// of a source to create), the patch.
pub type PlannedPatch = (u64, String, SourcePatch);

/// What kind of source this is.
///
/// Written canonically (`wire_agency`) in records and output; read leniently (see
/// [`SourceKind::parse`]) from records, options and tables.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A news agency that sells copy to other outlets (AP, Reuters, AFP, TASS, SANA).
    WireAgency,
    /// A newspaper, in print or online.
    Newspaper,
    /// A television or radio broadcaster.
    Broadcaster,
    /// An online-only outlet or blog.
    OnlineOutlet,
    /// A non-governmental organisation or monitor.
    Ngo,
    /// A government body, ministry, army or official spokesperson's office.
    Government,
    /// A named person.
    Person,
    /// An account on a social network.
    SocialAccount,
    /// Anything else, and the default for sources first seen in a chain.
    #[default]
    Other,
}

impl SourceKind {
    /// All kinds, in documentation order.
    pub const ALL: [SourceKind; 9] = [
        SourceKind::WireAgency,
        SourceKind::Newspaper,
        SourceKind::Broadcaster,
        SourceKind::OnlineOutlet,
        SourceKind::Ngo,
        SourceKind::Government,
        SourceKind::Person,
        SourceKind::SocialAccount,
        SourceKind::Other,
    ];

    /// The snake_case name used in records and output.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::WireAgency => "wire_agency",
            SourceKind::Newspaper => "newspaper",
            SourceKind::Broadcaster => "broadcaster",
            SourceKind::OnlineOutlet => "online_outlet",
            SourceKind::Ngo => "ngo",
            SourceKind::Government => "government",
            SourceKind::Person => "person",
            SourceKind::SocialAccount => "social_account",
            SourceKind::Other => "other",
        }
    }

    /// Parse a kind as people write it: case, spaces, hyphens and underscores do not
    /// matter, so "wire agency", "Wire Agency", "wire-agency" and `wire_agency` are all
    /// [`SourceKind::WireAgency`].
    pub fn parse(s: &str) -> Result<SourceKind> {
        let folded: String = s
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
            .join("_");
        SourceKind::ALL
            .into_iter()
            .find(|k| k.as_str() == folded)
            .ok_or_else(|| {
                let all: Vec<&str> = SourceKind::ALL.iter().map(|k| k.as_str()).collect();
                Error::Invalid(format!(
                    "unknown source kind {s:?}; use one of {}",
                    all.join(", ")
                ))
            })
    }
}

impl std::str::FromStr for SourceKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<SourceKind> {
        SourceKind::parse(s)
    }
}

impl std::fmt::Display for SourceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for SourceKind {
    /// Human-readable formats (JSON records) give a string, read with
    /// [`SourceKind::parse`]; compact formats (postcard, in the ledger) give the
    /// variant as derived serde writes it, so their bytes are unchanged.
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<SourceKind, D::Error> {
        if d.is_human_readable() {
            let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
            return SourceKind::parse(&s).map_err(serde::de::Error::custom);
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum Tag {
            WireAgency,
            Newspaper,
            Broadcaster,
            OnlineOutlet,
            Ngo,
            Government,
            Person,
            SocialAccount,
            Other,
        }
        Ok(match Tag::deserialize(d)? {
            Tag::WireAgency => SourceKind::WireAgency,
            Tag::Newspaper => SourceKind::Newspaper,
            Tag::Broadcaster => SourceKind::Broadcaster,
            Tag::OnlineOutlet => SourceKind::OnlineOutlet,
            Tag::Ngo => SourceKind::Ngo,
            Tag::Government => SourceKind::Government,
            Tag::Person => SourceKind::Person,
            Tag::SocialAccount => SourceKind::SocialAccount,
            Tag::Other => SourceKind::Other,
        })
    }
}

/// A source as the rest of the program sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// Dense id in this database.
    pub id: SourceId,
    /// Canonical name, as first written.
    pub name: String,
    /// Other names that resolve to this source.
    pub aliases: Vec<String>,
    /// Homepage (http or https only).
    pub homepage: Option<Url>,
    /// What kind of source.
    pub kind: SourceKind,
    /// Group labels (owner, state, network); sources sharing one are not independent.
    pub affiliations: Vec<String>,
    /// Quality rating in [0, 1], when one is known.
    pub rating: Option<f64>,
    /// When this source was merged into another, that source.
    pub merged_into: Option<SourceId>,
}

/// A change to one source's attributes (from a `source` record or a command).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourcePatch {
    /// Aliases to add.
    pub aliases: Vec<String>,
    /// Homepage to set.
    pub homepage: Option<Url>,
    /// Kind to set.
    pub kind: Option<SourceKind>,
    /// Affiliation labels to add.
    pub affiliations: Vec<String>,
    /// Rating to set.
    pub rating: Option<f64>,
}

/// The key a name or alias is matched by: NFKC, lowercase, white space folded.
pub fn name_key(name: &str) -> String {
    // ASCII needs no NFKC (see `claim::normalize_v1`).
    let folded = if name.is_ascii() {
        name.to_ascii_lowercase()
    } else {
        name.nfkc().collect::<String>().to_lowercase()
    };
    crate::chain::collapse_ws(&folded)
}

/// Validate and parse a homepage or report URL: absolute, http or https, with a host.
pub fn parse_http_url(s: &str) -> Result<Url> {
    let short = || s.chars().take(200).collect::<String>();
    if s.len() > 4096 {
        return Err(Error::BadUrl {
            url: short(),
            why: format!("it is {} bytes long; at most 4096 are allowed", s.len()),
        });
    }
    let url = Url::parse(s).map_err(|e| Error::BadUrl {
        url: short(),
        why: e.to_string(),
    })?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(Error::BadUrl {
            url: short(),
            why: format!("only http and https are accepted, not {}", url.scheme()),
        });
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(Error::BadUrl {
            url: short(),
            why: "it has no host".into(),
        });
    }
    Ok(url)
}

/// The host a URL is matched by: lowercase, without a leading `www.` and trailing dot.
pub fn host_key(host: &str) -> String {
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    match h.strip_prefix("www.") {
        Some(rest) if rest.contains('.') => rest.to_string(),
        _ => h,
    }
}

/// If `s` is written as a URL or a bare domain ("apnews.com"), its host key.
pub fn domain_of(s: &str) -> Option<String> {
    let t = s.trim();
    if t.starts_with("http://") || t.starts_with("https://") {
        let url = Url::parse(t).ok()?;
        // "https://." has the host "."; its key is empty and names no domain.
        return url.host_str().map(host_key).filter(|h| !h.is_empty());
    }
    if looks_like_domain(t) {
        return Some(host_key(t));
    }
    // An internationalized domain (`аpnews.com` with a Cyrillic а) is matched by its
    // ASCII (punycode) form, as a URL's host is: `xn--pnews-6ve.com`.
    if !t.is_ascii() && !t.contains(|c: char| c.is_whitespace() || "/:@?#%\\[]".contains(c)) {
        if let Ok(url::Host::Domain(d)) = url::Host::parse(t) {
            if looks_like_domain(&d) {
                return Some(host_key(&d));
            }
        }
    }
    None
}

/// If `s` is written as a domain or URL whose host is internationalized (has an
/// `xn--` label once in ASCII), that host in punycode. Such a source is named and shown
/// by it, so `аpnews.com` can never pass for `apnews.com`.
pub fn idn_host(s: &str) -> Option<String> {
    domain_of(s).filter(|h| h.split('.').any(|l| l.starts_with("xn--")))
}

/// A warning for people when `s` names an internationalized domain: which ASCII
/// domain it is shown as and, when its letters only look like ASCII ones, which domain
/// it is not.
pub fn idn_warning(s: &str) -> Option<String> {
    let host = idn_host(s)?;
    let written = s.trim();
    let lookalike: String = written_host(written).chars().map(ascii_lookalike).collect();
    let mut w = format!("{written:?} is an internationalized domain, shown as {host}");
    if lookalike.is_ascii() && !lookalike.is_empty() && host_key(&lookalike) != host {
        w.push_str(&format!(
            "; it only looks like {} and is a different source",
            host_key(&lookalike)
        ));
    }
    Some(w)
}

/// A warning for people when a name that is not a domain mixes ASCII letters with
/// Cyrillic or Greek letters drawn like ASCII ones (`Reuterѕ` with a Cyrillic ѕ): it is
/// a different source from the name it looks like.
pub fn lookalike_warning(s: &str) -> Option<String> {
    if s.is_ascii() || idn_host(s).is_some() {
        return None;
    }
    let mixed = s.split_whitespace().any(|w| {
        w.chars().any(|c| c.is_ascii_alphabetic())
            && w.chars()
                .any(|c| !c.is_ascii() && ascii_lookalike(c).is_ascii())
    });
    if !mixed {
        return None;
    }
    let looks: String = s.chars().map(ascii_lookalike).collect();
    Some(format!(
        "{s:?} mixes Latin letters with Cyrillic or Greek ones drawn alike; it is a different source from {looks:?}"
    ))
}

/// The host part of a written domain or URL, as written.
fn written_host(s: &str) -> &str {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    rest.split(['/', '?', '#', ':']).next().unwrap_or(rest)
}

/// The ASCII letter a Cyrillic or Greek letter is drawn like, for warnings (the
/// common confusables of Unicode's list, lowercase); other characters stay.
fn ascii_lookalike(c: char) -> char {
    match c {
        'а' | 'α' => 'a',
        'ь' => 'b',
        'с' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'ε' => 'e',
        'һ' => 'h',
        'і' | 'ι' => 'i',
        'ј' => 'j',
        'к' | 'κ' => 'k',
        'ӏ' => 'l',
        'м' => 'm',
        'п' | 'η' => 'n',
        'о' | 'ο' | 'σ' => 'o',
        'р' | 'ρ' => 'p',
        'ԛ' => 'q',
        'г' => 'r',
        'ѕ' => 's',
        'т' | 'τ' => 't',
        'υ' | 'ս' => 'u',
        'ѵ' | 'ν' => 'v',
        'ԝ' | 'ω' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'γ' => 'y',
        'ᴢ' => 'z',
        c => c.to_ascii_lowercase(),
    }
}

/// A bare domain: at least two dot-separated labels of letters, digits and hyphens, no
/// label starting or ending with a hyphen, and a final label of letters.
fn looks_like_domain(s: &str) -> bool {
    if s.len() > 253 || !s.contains('.') {
        return false;
    }
    let s = s.trim_end_matches('.');
    let labels: Vec<&str> = s.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    let ok_label = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    labels.iter().all(ok_label)
        && labels.last().is_some_and(|tld| {
            tld.len() >= 2
                && (tld.bytes().all(|b| b.is_ascii_alphabetic()) || tld.starts_with("xn--"))
        })
}

/// Publishing platforms whose sub-domains are separate publications but which the
/// Public Suffix List does not list (it does list `blogspot.com` and `github.io`):
/// for host matching they count as public suffixes too.
pub const PLATFORMS: [&str; 7] = [
    "wordpress.com",
    "substack.com",
    "tumblr.com",
    "typepad.com",
    "weebly.com",
    "wixsite.com",
    "livejournal.com",
];

/// The hosts a host is matched by, longest first: the host itself, then each parent
/// domain down to its registrable domain by the Public Suffix List (`edition.cnn.com`,
/// `cnn.com`; `foo.blogspot.com` alone, since `blogspot.com` is a public suffix;
/// `bbc.co.uk` but never `co.uk`) and [`PLATFORMS`] (`foo.wordpress.com` alone). A
/// host that is itself a public suffix, an IP address or unknown to the list's rules
/// is matched only as written.
pub fn host_levels(host: &str) -> impl Iterator<Item = &str> {
    let numeric = host
        .rsplit('.')
        .next()
        .is_some_and(|l| l.bytes().all(|b| b.is_ascii_digit()));
    let platform = PLATFORMS.iter().find_map(|p| {
        let head = host.strip_suffix(p)?.strip_suffix('.')?;
        let label = head.rsplit('.').next()?;
        Some(label.len() + 1 + p.len())
    });
    let floor = match (platform, psl::domain_str(host)) {
        (Some(n), _) => n,
        (None, Some(d)) if !numeric && host.ends_with(d) => d.len(),
        _ => host.len(),
    };
    let mut next = Some(host);
    std::iter::from_fn(move || {
        let h = next?;
        next = match h.split_once('.') {
            Some((_, parent)) if parent.len() >= floor && h.len() > floor => Some(parent),
            _ => None,
        };
        Some(h)
    })
}

/// True when the URL's host is one of the outlet's hosts or under one of them.
fn outlet_has_host(o: &Outlet, url: &Url) -> bool {
    let Some(h) = url.host_str().map(host_key) else {
        return false;
    };
    o.hosts.iter().any(|oh| {
        h == *oh
            || h.strip_suffix(oh.as_str())
                .is_some_and(|p| p.ends_with('.'))
    })
}

/// The name a table outlet gets when a source of another homepage has its name.
fn namesake_name(o: &Outlet) -> String {
    match o.hosts.first() {
        Some(h) => format!("{} ({h})", o.name),
        None => o.name.clone(),
    }
}

/// What a written name stands for.
#[derive(Clone, Copy, Debug)]
enum Found {
    Source(SourceId),
    /// A table outlet the registry does not hold; `true` when a source of another
    /// homepage has its name, so it is created as `NAME (host)`.
    Outlet(&'static Outlet, bool),
    Nothing,
}

/// The registry of every source in a database, with its name and domain indexes, and
/// the outlet table it consults for names it does not know.
#[derive(Clone, Debug)]
pub struct Registry {
    sources: Vec<Source>,
    by_name: HashMap<String, SourceId>,
    by_host: HashMap<String, SourceId>,
    /// `name_key` of each source's own name, by id (names never change once created).
    keys: Vec<String>,
    /// Affiliation label classes over the live sources, computed on first use and
    /// dropped whenever affiliations or merges change.
    label_classes: std::sync::OnceLock<HashMap<String, String>>,
    /// The outlet table consulted for unknown names (the built-in one, or none).
    outlets: Option<&'static OutletTable>,
}

impl Default for Registry {
    /// An empty registry that consults the built-in outlet table.
    fn default() -> Registry {
        Registry {
            sources: Vec::new(),
            by_name: HashMap::new(),
            by_host: HashMap::new(),
            keys: Vec::new(),
            label_classes: std::sync::OnceLock::new(),
            outlets: Some(outlets::builtin()),
        }
    }
}

/// How a written name resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// An existing source.
    Known(SourceId),
    /// Nothing matches; the hop would create a source.
    Unknown,
}

impl Registry {
    /// An empty registry that consults the built-in outlet table.
    pub fn new() -> Registry {
        Registry::default()
    }

    /// An empty registry that consults no outlet table.
    pub fn without_outlets() -> Registry {
        Registry {
            outlets: None,
            ..Registry::default()
        }
    }

    /// Number of sources ever created (merged ones included).
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    /// True when there are no sources.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// The source with this id (which may have been merged into another).
    pub fn get(&self, id: SourceId) -> Option<&Source> {
        self.sources.get(id.0 as usize)
    }

    /// Follow merges to the live source an id stands for.
    pub fn canonical(&self, mut id: SourceId) -> SourceId {
        // Merge chains are short and acyclic (merge refuses to create a cycle); the
        // bound guards against a damaged store.
        for _ in 0..64 {
            match self.get(id).and_then(|s| s.merged_into) {
                Some(next) => id = next,
                None => break,
            }
        }
        id
    }

    /// The live (not merged) sources, by id.
    pub fn live(&self) -> impl Iterator<Item = &Source> {
        self.sources.iter().filter(|s| s.merged_into.is_none())
    }

    /// Every source, merged ones included, by id.
    pub fn all(&self) -> &[Source] {
        &self.sources
    }

    /// Resolve a written name, alias, domain or URL to a live source.
    pub fn resolve(&self, written: &str) -> Resolution {
        match self.found(written) {
            Found::Source(id) => Resolution::Known(id),
            Found::Outlet(..) | Found::Nothing => Resolution::Unknown,
        }
    }

    /// The table outlet a written name would create: `Some` exactly when
    /// [`Registry::resolve`] says `Unknown` and the outlet table knows the name.
    pub fn builtin_outlet(&self, written: &str) -> Option<&'static Outlet> {
        match self.found(written) {
            Found::Outlet(o, _) => Some(o),
            _ => None,
        }
    }

    /// The source that has this exact name or alias (no domain or table lookup).
    pub fn named(&self, written: &str) -> Option<SourceId> {
        self.by_name
            .get(&name_key(written))
            .map(|id| self.canonical(*id))
    }

    /// The name a publisher at this host goes by: its source's canonical name, or the
    /// name of the table outlet it would create.
    pub fn name_for_host(&self, host: &str) -> Option<String> {
        match self.found_host(host) {
            Found::Source(id) => Some(self.display_name(id).to_string()),
            Found::Outlet(o, false) => Some(o.name.clone()),
            Found::Outlet(o, true) => Some(namesake_name(o)),
            Found::Nothing => None,
        }
    }

    fn found(&self, written: &str) -> Found {
        if let Some(id) = self.by_name.get(&name_key(written)) {
            return Found::Source(self.canonical(*id));
        }
        if let Some(o) = self.outlets.and_then(|t| t.by_name(written)) {
            return self.outlet_source(o);
        }
        match domain_of(written) {
            Some(host) => self.found_host(&host),
            None => Found::Nothing,
        }
    }

    /// The longest registered host: at each level, a registry host, then a table host.
    fn found_host(&self, host: &str) -> Found {
        for h in host_levels(host) {
            // A homepage host, or a name or alias written as a domain.
            if let Some(id) = self.by_host.get(h).or_else(|| self.by_name.get(h)) {
                return Found::Source(self.canonical(*id));
            }
            if let Some(o) = self.outlets.and_then(|t| t.by_host(h)) {
                return self.outlet_source(o);
            }
        }
        Found::Nothing
    }

    /// The registry source carrying one of the outlet's hosts, else the one carrying
    /// its canonical name unless that source has a homepage elsewhere (a namesake:
    /// Azerbaijan's "CBC" is not cbc.ca), else the outlet itself. Not its aliases: a
    /// user's source that claims "AP" must not also capture "Associated Press".
    fn outlet_source(&self, o: &'static Outlet) -> Found {
        for h in &o.hosts {
            if let Some(id) = self.by_host.get(h) {
                return Found::Source(self.canonical(*id));
            }
        }
        let Some(&id) = self.by_name.get(&name_key(&o.name)) else {
            return Found::Outlet(o, false);
        };
        let id = self.canonical(id);
        let elsewhere = self
            .get(id)
            .and_then(|s| s.homepage.as_ref())
            .is_some_and(|u| !outlet_has_host(o, u));
        if !elsewhere {
            return Found::Source(id);
        }
        match self.by_name.get(&name_key(&namesake_name(o))) {
            Some(&id) => Found::Source(self.canonical(id)),
            None => Found::Outlet(o, true),
        }
    }

    /// Resolve, or fail with [`Error::NoSuchSource`].
    pub fn find(&self, written: &str) -> Result<SourceId> {
        match self.resolve(written) {
            Resolution::Known(id) => Ok(id),
            Resolution::Unknown => Err(Error::NoSuchSource(written.to_string())),
        }
    }

    /// The source whose homepage host is `host` or a parent domain of it down to the
    /// registrable domain ([`host_levels`]); `None` also when the longest match is a
    /// table outlet the registry does not hold yet.
    pub fn lookup_host(&self, host: &str) -> Option<SourceId> {
        match self.found_host(host) {
            Found::Source(id) => Some(id),
            _ => None,
        }
    }

    /// Resolve a written name, creating a source for it when nothing matches.
    /// Returns the id and whether it was created.
    pub fn resolve_or_create(&mut self, written: &str) -> (SourceId, bool) {
        match self.found(written) {
            Found::Source(id) => (id, false),
            Found::Outlet(o, namesake) => (self.create_outlet(o, namesake), true),
            Found::Nothing => {
                let homepage =
                    domain_of(written).and_then(|h| Url::parse(&format!("https://{h}/")).ok());
                // An internationalized domain is named by its punycode form.
                let name = idn_host(written);
                let id = self.create(name.as_deref().unwrap_or(written), homepage);
                (id, true)
            }
        }
    }

    /// Create a table outlet: its name (`NAME (host)` for a namesake), homepage (first
    /// host) and kind. Its aliases and other hosts are not copied: the table resolves
    /// them to the source by its name or homepage, and a user's source may still claim
    /// any of them for itself.
    fn create_outlet(&mut self, o: &Outlet, namesake: bool) -> SourceId {
        let name = if namesake {
            namesake_name(o)
        } else {
            o.name.clone()
        };
        let id = self.create(&name, o.homepage());
        if let Some(s) = self.sources.get_mut(id.0 as usize) {
            s.kind = o.kind;
        }
        id
    }

    /// Create a source with this canonical name (no check that it is unknown).
    fn create(&mut self, name: &str, homepage: Option<Url>) -> SourceId {
        let id = SourceId(self.sources.len() as u32);
        let key = name_key(name);
        self.by_name.entry(key.clone()).or_insert(id);
        self.keys.push(key);
        if let Some(h) = homepage.as_ref().and_then(|u| u.host_str()) {
            self.by_host.entry(host_key(h)).or_insert(id);
        }
        self.sources.push(Source {
            id,
            name: name.to_string(),
            aliases: Vec::new(),
            homepage,
            kind: SourceKind::Other,
            affiliations: Vec::new(),
            rating: None,
            merged_into: None,
        });
        id
    }

    /// Apply a patch to the source named `name` (creating it when unknown), merging
    /// aliases and affiliations and overwriting the scalar fields the patch sets.
    /// An alias that already names another source is an error: merge instead.
    pub fn upsert(&mut self, name: &str, patch: &SourcePatch) -> Result<SourceId> {
        let id = match self.found(name) {
            Found::Source(id) => id,
            // A record that puts the name at another homepage is not the table's outlet.
            Found::Outlet(o, _)
                if patch
                    .homepage
                    .as_ref()
                    .is_some_and(|u| !outlet_has_host(o, u)) =>
            {
                self.create(name, None)
            }
            Found::Outlet(o, namesake) => self.create_outlet(o, namesake),
            // An internationalized domain is named and homed by its punycode form, as a
            // hop would create it.
            Found::Nothing => match idn_host(name) {
                Some(h) => self.resolve_or_create(&h).0,
                None => self.create(name, None),
            },
        };
        for alias in &patch.aliases {
            self.add_alias(id, alias)?;
        }
        if let Some(h) = &patch.homepage {
            self.set_homepage(id, h.clone())?;
        }
        let idx = id.0 as usize;
        let Some(src) = self.sources.get_mut(idx) else {
            return Err(Error::Corrupt(format!("source id {} out of range", id.0)));
        };
        if let Some(k) = patch.kind {
            src.kind = k;
        }
        if let Some(r) = patch.rating {
            src.rating = Some(r);
        }
        for label in &patch.affiliations {
            let label = crate::chain::collapse_ws(label);
            if !label.is_empty() && !src.affiliations.contains(&label) {
                src.affiliations.push(label);
            }
        }
        if !patch.affiliations.is_empty() {
            self.label_classes.take();
        }
        Ok(id)
    }

    /// Add an alias to a live source. Adding a name that already resolves to the same
    /// source is a no-op; one that names another source is an error.
    pub fn add_alias(&mut self, id: SourceId, alias: &str) -> Result<()> {
        let alias = crate::chain::collapse_ws(alias);
        if alias.is_empty() {
            return Err(Error::Invalid("an alias cannot be empty".into()));
        }
        let key = name_key(&alias);
        match self.by_name.get(&key).map(|o| self.canonical(*o)) {
            Some(other) if other == id => Ok(()),
            Some(other) => Err(Error::Invalid(format!(
                "{alias:?} already names the source {:?}; use `corroborate source merge` to make them one",
                self.display_name(other)
            ))),
            None => {
                self.by_name.insert(key, id);
                if let Some(s) = self.sources.get_mut(id.0 as usize) {
                    s.aliases.push(alias);
                }
                Ok(())
            }
        }
    }

    /// Set a source's homepage, indexing its host. A host that already belongs to
    /// another source is an error.
    pub fn set_homepage(&mut self, id: SourceId, url: Url) -> Result<()> {
        // The index holds current homepages only, as a registry loaded from the store
        // does: a replaced homepage's host no longer finds this source.
        let old = self
            .get(id)
            .and_then(|s| s.homepage.as_ref())
            .and_then(|u| u.host_str())
            .map(host_key);
        if let Some(h) = url.host_str() {
            let key = host_key(h);
            match self.by_host.get(&key).map(|o| self.canonical(*o)) {
                Some(other) if other != id => {
                    return Err(Error::Invalid(format!(
                        "the host {key} is already the homepage of {:?}",
                        self.display_name(other)
                    )))
                }
                _ => {
                    // The index keeps what `reindex` would build: each host finds the
                    // lowest-numbered source homed there. A source merged into this one
                    // may keep the old host, so the old entry passes to it.
                    let first = self.by_host.get(&key).map_or(id, |o| (*o).min(id));
                    self.by_host.insert(key.clone(), first);
                    if let Some(old) = old.filter(|o| *o != key) {
                        if self.by_host.get(&old) == Some(&id) {
                            match self.first_homed_at(&old, id) {
                                Some(other) => self.by_host.insert(old, other),
                                None => self.by_host.remove(&old),
                            };
                        }
                    }
                }
            }
        }
        if let Some(s) = self.sources.get_mut(id.0 as usize) {
            s.homepage = Some(url);
        }
        Ok(())
    }

    /// The lowest-numbered source other than `except` whose homepage host is `key`
    /// (a scan: only a replaced homepage needs it).
    fn first_homed_at(&self, key: &str, except: SourceId) -> Option<SourceId> {
        self.sources
            .iter()
            .filter(|s| s.id != except)
            .find(|s| {
                s.homepage
                    .as_ref()
                    .and_then(|u| u.host_str())
                    .is_some_and(|h| host_key(h) == key)
            })
            .map(|s| s.id)
    }

    /// Merge `from` into `into`: `from`'s name and aliases become aliases of `into`,
    /// its affiliations are added, and every lookup that found `from` now finds `into`.
    pub fn merge(&mut self, into: SourceId, from: SourceId) -> Result<()> {
        let into = self.canonical(into);
        let from = self.canonical(from);
        if into == from {
            return Err(Error::Invalid(format!(
                "{:?} and {:?} are already the same source",
                self.display_name(into),
                self.display_name(into)
            )));
        }
        let Some(victim) = self.get(from).cloned() else {
            return Err(Error::Corrupt(format!("source id {} out of range", from.0)));
        };
        let target = self
            .sources
            .get_mut(into.0 as usize)
            .ok_or_else(|| Error::Corrupt(format!("source id {} out of range", into.0)))?;
        for name in std::iter::once(&victim.name).chain(victim.aliases.iter()) {
            if !target.aliases.contains(name) && *name != target.name {
                target.aliases.push(name.clone());
            }
        }
        for label in &victim.affiliations {
            if !target.affiliations.contains(label) {
                target.affiliations.push(label.clone());
            }
        }
        if target.homepage.is_none() {
            target.homepage = victim.homepage.clone();
        }
        if target.rating.is_none() {
            target.rating = victim.rating;
        }
        if let Some(v) = self.sources.get_mut(from.0 as usize) {
            v.merged_into = Some(into);
        }
        self.label_classes.take();
        Ok(())
    }

    /// The `name_key` of the canonical name of the live source `id` stands for
    /// (cached: report ids hash it for every hop).
    pub fn key(&self, id: SourceId) -> &str {
        self.keys
            .get(self.canonical(id).0 as usize)
            .map_or("?", String::as_str)
    }

    /// The `name_key` of this source's own name (which, after a merge, differs from
    /// the canonical one).
    pub fn own_key(&self, id: SourceId) -> &str {
        self.keys.get(id.0 as usize).map_or("?", String::as_str)
    }

    /// The display name of a source (its canonical name).
    pub fn display_name(&self, id: SourceId) -> &str {
        self.get(id).map(|s| s.name.as_str()).unwrap_or("?")
    }

    /// Rebuild a registry from stored sources (as saved by `store`), in id order.
    /// The registry consults the built-in outlet table.
    pub fn from_sources(sources: Vec<Source>) -> Result<Registry> {
        let mut reg = Registry::new();
        for (i, s) in sources.into_iter().enumerate() {
            if s.id.0 as usize != i {
                return Err(Error::Corrupt(format!(
                    "source ids are not dense: found {} at position {i}",
                    s.id.0
                )));
            }
            reg.keys.push(name_key(&s.name));
            reg.sources.push(s);
        }
        reg.reindex();
        Ok(reg)
    }

    /// Recompute the name and host indexes from the sources.
    fn reindex(&mut self) {
        self.by_name.clear();
        self.by_host.clear();
        for s in &self.sources {
            for n in std::iter::once(&s.name).chain(s.aliases.iter()) {
                self.by_name.entry(name_key(n)).or_insert(s.id);
            }
            if let Some(h) = s.homepage.as_ref().and_then(|u| u.host_str()) {
                self.by_host.entry(host_key(h)).or_insert(s.id);
            }
        }
    }

    /// The source absorbed by a merge whose own name or own alias is `written`, among
    /// the sources merged directly into the live source `into` stands for (its own
    /// name first). `None` when `written` names no such source.
    pub fn merged_into_by_name(&self, into: SourceId, written: &str) -> Option<SourceId> {
        let live = self.canonical(into);
        let key = name_key(written);
        let direct = || {
            self.sources
                .iter()
                .filter(move |s| s.merged_into == Some(live))
        };
        direct()
            .find(|s| self.own_key(s.id) == key)
            .or_else(|| direct().find(|s| s.aliases.iter().any(|a| name_key(a) == key)))
            .map(|s| s.id)
    }

    /// Undo the merge of `from` into `into`: `from` is live again (its own name,
    /// aliases and attributes were never changed by the merge), and `into` loses what
    /// the merge gave it: `aliases`, `labels`, and the homepage and rating when
    /// `homepage` / `rating` say it took them. Returns false when `from` is not merged
    /// into `into`.
    pub fn unmerge(
        &mut self,
        into: SourceId,
        from: SourceId,
        aliases: &[String],
        labels: &[String],
        homepage: bool,
        rating: bool,
    ) -> bool {
        if self.get(from).and_then(|s| s.merged_into) != Some(into) {
            return false;
        }
        let Some(victim) = self.get(from).cloned() else {
            return false;
        };
        if let Some(t) = self.sources.get_mut(into.0 as usize) {
            t.aliases.retain(|a| !aliases.contains(a));
            t.affiliations.retain(|l| !labels.contains(l));
            if homepage && t.homepage == victim.homepage {
                t.homepage = None;
            }
            if rating && t.rating == victim.rating {
                t.rating = None;
            }
        }
        if let Some(v) = self.sources.get_mut(from.0 as usize) {
            v.merged_into = None;
        }
        self.label_classes.take();
        self.reindex();
        true
    }

    /// Remove an alias (matched like a name) from the live source `id` stands for.
    /// Returns the alias as it was spelled, or `None` when the source has no such alias.
    pub fn remove_alias(&mut self, id: SourceId, alias: &str) -> Option<String> {
        let live = self.canonical(id);
        let key = name_key(alias);
        let s = self.sources.get_mut(live.0 as usize)?;
        let at = s.aliases.iter().position(|a| name_key(a) == key)?;
        let removed = s.aliases.remove(at);
        self.reindex();
        Some(removed)
    }

    /// Remove an affiliation label (white space folded) from the live source `id`
    /// stands for. Returns false when it does not carry the label.
    pub fn remove_affiliation(&mut self, id: SourceId, label: &str) -> bool {
        let live = self.canonical(id);
        let label = crate::chain::collapse_ws(label);
        let Some(s) = self.sources.get_mut(live.0 as usize) else {
            return false;
        };
        let before = s.affiliations.len();
        s.affiliations.retain(|l| *l != label);
        let changed = s.affiliations.len() != before;
        if changed {
            self.label_classes.take();
        }
        changed
    }
}

impl crate::independence::SourceView for Registry {
    fn name(&self, id: SourceId) -> &str {
        self.display_name(id)
    }

    fn affiliations(&self, id: SourceId) -> &[String] {
        self.get(id)
            .map(|s| s.affiliations.as_slice())
            .unwrap_or(&[])
    }

    fn label_class<'a>(&'a self, label: &'a str) -> &'a str {
        let classes = self.label_classes.get_or_init(|| {
            crate::independence::label_classes(self.live().map(|s| s.affiliations.as_slice()))
        });
        classes.get(label).map_or(label, String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reg_with(sources: &[(&str, Option<&str>)]) -> Registry {
        let mut r = Registry::without_outlets();
        for (name, home) in sources {
            let patch = SourcePatch {
                homepage: home.map(|h| parse_http_url(h).unwrap()),
                ..Default::default()
            };
            r.upsert(name, &patch).unwrap();
        }
        r
    }

    #[test]
    fn domain_matching_table() {
        let r = reg_with(&[
            ("CNN", Some("https://www.cnn.com/")),
            ("Washington Post", Some("https://www.washingtonpost.com")),
            ("AP", Some("https://apnews.com")),
        ]);
        let cnn = r.find("CNN").unwrap();
        let wapo = r.find("washington post").unwrap();
        let cases: [(&str, Option<SourceId>); 10] = [
            ("cnn.com", Some(cnn)),
            ("edition.cnn.com", Some(cnn)),
            ("https://edition.cnn.com/2016/12/10/world", Some(cnn)),
            ("WWW.CNN.COM", Some(cnn)),
            ("cnn.com.de", None),
            ("notcnn.com", None),
            ("washingtonpost.com.co", None),
            ("https://www.washingtonpost.com/world", Some(wapo)),
            ("  cnn  ", Some(cnn)),
            ("ftp://cnn.com", None),
        ];
        for (written, want) in cases {
            let got = match r.resolve(written) {
                Resolution::Known(id) => Some(id),
                Resolution::Unknown => None,
            };
            assert_eq!(got, want, "{written:?}");
        }
    }

    #[test]
    fn names_are_case_and_space_insensitive() {
        let mut r = Registry::without_outlets();
        let ap = r
            .upsert(
                "Associated Press",
                &SourcePatch {
                    aliases: vec!["AP".into()],
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(r.find("associated   PRESS").unwrap(), ap);
        assert_eq!(r.find("ap").unwrap(), ap);
        assert!(r.find("APF").is_err());
    }

    #[test]
    fn creation_from_domain_sets_homepage() {
        let mut r = Registry::without_outlets();
        let (id, created) = r.resolve_or_create("apnews.com");
        assert!(created);
        assert_eq!(
            r.get(id).unwrap().homepage.as_ref().unwrap().as_str(),
            "https://apnews.com/"
        );
        assert_eq!(
            r.resolve_or_create("https://www.apnews.com/article/x"),
            (id, false)
        );
    }

    #[test]
    fn merge_redirects_names() {
        let mut r = reg_with(&[("AP", None), ("Associated Press", None)]);
        let a = r.find("AP").unwrap();
        let b = r.find("Associated Press").unwrap();
        r.merge(a, b).unwrap();
        assert_eq!(r.find("associated press").unwrap(), a);
        assert_eq!(
            r.get(a).unwrap().aliases,
            vec!["Associated Press".to_string()]
        );
        assert!(r.merge(a, b).is_err());
        let rebuilt = Registry::from_sources(r.all().to_vec()).unwrap();
        assert_eq!(rebuilt.find("Associated Press").unwrap(), a);
    }

    #[test]
    fn alias_conflict_is_an_error() {
        let mut r = reg_with(&[("AP", None), ("Reuters", None)]);
        let ap = r.find("AP").unwrap();
        assert!(r.add_alias(ap, "reuters").is_err());
        assert!(r.add_alias(ap, "ap").is_ok());
    }

    #[test]
    fn idn_domains_are_punycode_and_never_the_lookalike() {
        let mut r = reg_with(&[("AP", Some("https://apnews.com"))]);
        let ap = r.find("AP").unwrap();
        // Cyrillic а in the first place.
        let (fake, created) = r.resolve_or_create("\u{430}pnews.com");
        assert!(created);
        assert_ne!(fake, ap);
        let name = r.display_name(fake).to_string();
        assert!(name.starts_with("xn--") && name.is_ascii(), "{name}");
        // The URL form, any case, and the punycode itself are the same source.
        for same in [
            "https://\u{430}pnews.com/article/1",
            "https://WWW.\u{430}PNEWS.com",
            name.as_str(),
        ] {
            assert_eq!(r.resolve_or_create(same), (fake, false), "{same}");
        }
        assert_eq!(r.find("apnews.com").unwrap(), ap);
        let w = idn_warning("\u{430}pnews.com").unwrap();
        assert!(
            w.contains(&name) && w.contains("only looks like apnews.com"),
            "{w}"
        );
        assert!(idn_warning("apnews.com").is_none());
        assert!(idn_warning("Associated Press").is_none());
        let w = lookalike_warning("Reuter\u{455}").unwrap();
        assert!(w.contains("different source from \"reuters\""), "{w}");
        assert!(lookalike_warning("Reuters").is_none());
        assert!(lookalike_warning(
            "\u{420}\u{418}\u{410} \u{41D}\u{43E}\u{432}\u{43E}\u{441}\u{442}\u{438}"
        )
        .is_none());
        assert!(lookalike_warning("\u{430}pnews.com").is_none());
        // A source record naming the IDN makes the same source.
        let mut r2 = Registry::new();
        let a = r2
            .upsert("\u{430}pnews.com", &SourcePatch::default())
            .unwrap();
        assert_eq!(r2.display_name(a), name);
        assert_eq!(
            r2.resolve("https://\u{430}pnews.com/x"),
            Resolution::Known(a)
        );
    }

    proptest::proptest! {
        #[test]
        fn a_domain_key_is_always_ascii(s in proptest::prelude::any::<String>()) {
            if let Some(h) = domain_of(&s) {
                proptest::prop_assert!(h.is_ascii(), "{:?} -> {:?}", s, h);
            }
            let _ = idn_warning(&s);
            let _ = lookalike_warning(&s);
        }
    }

    #[test]
    fn url_rules() {
        assert!(parse_http_url("https://example.org/a").is_ok());
        assert!(parse_http_url("javascript:alert(1)").is_err());
        assert!(parse_http_url("file:///etc/passwd").is_err());
        assert!(parse_http_url("example.org").is_err());
    }

    fn known(r: &Registry, written: &str) -> Option<SourceId> {
        match r.resolve(written) {
            Resolution::Known(id) => Some(id),
            Resolution::Unknown => None,
        }
    }

    #[test]
    fn host_levels_stop_at_the_registrable_domain() {
        fn levels(h: &str) -> Vec<&str> {
            host_levels(h).collect()
        }
        assert_eq!(levels("edition.cnn.com"), ["edition.cnn.com", "cnn.com"]);
        assert_eq!(
            levels("a.b.bbc.co.uk"),
            ["a.b.bbc.co.uk", "b.bbc.co.uk", "bbc.co.uk"]
        );
        assert_eq!(levels("foo.blogspot.com"), ["foo.blogspot.com"]);
        assert_eq!(
            levels("a.foo.wordpress.com"),
            ["a.foo.wordpress.com", "foo.wordpress.com"]
        );
        assert_eq!(levels("wordpress.com"), ["wordpress.com"]);
        assert_eq!(levels("notwordpress.com"), ["notwordpress.com"]);
        assert_eq!(levels("blogspot.com"), ["blogspot.com"]);
        assert_eq!(levels("co.uk"), ["co.uk"]);
        assert_eq!(levels("abcnews.go.com"), ["abcnews.go.com", "go.com"]);
        assert_eq!(levels("10.0.0.1"), ["10.0.0.1"]);
        assert_eq!(levels("localhost"), ["localhost"]);
    }

    #[test]
    fn the_outlet_table_joins_names_and_domains() {
        let mut r = Registry::new();
        let (cnn, created) = r.resolve_or_create("cnn.com");
        assert!(created);
        let src = r.get(cnn).unwrap();
        assert_eq!(src.name, "CNN");
        assert_eq!(src.kind, SourceKind::Broadcaster);
        assert!(src.aliases.is_empty());
        for w in [
            "CNN",
            "cable news network",
            "https://edition.cnn.com/2017/x",
            "www.cnn.com",
        ] {
            assert_eq!(r.resolve_or_create(w), (cnn, false), "{w}");
        }
        // Names people write for RT and Sputnik.
        let (rt, _) = r.resolve_or_create("Russia Today");
        assert_eq!(r.resolve_or_create("RT International"), (rt, false));
        assert_eq!(r.resolve_or_create("RT"), (rt, false));
        assert_eq!(r.resolve_or_create("https://de.rt.com/x"), (rt, false));
        let (sp, _) = r.resolve_or_create("Sputnik International");
        assert_eq!(r.resolve_or_create("Sputnik"), (sp, false));
        assert_ne!(sp, rt);
    }

    #[test]
    fn longest_registered_host_wins() {
        let mut r = Registry::new();
        let (go, _) = r.resolve_or_create("go.com");
        assert_eq!(r.get(go).unwrap().name, "go.com");
        // abcnews.go.com is a table host: longer than the registry's go.com.
        assert_eq!(r.builtin_outlet("abcnews.go.com").unwrap().name, "ABC News");
        let (abc, created) = r.resolve_or_create("https://abcnews.go.com/International/x");
        assert!(created);
        assert_ne!(abc, go);
        assert_eq!(r.resolve_or_create("ABC News"), (abc, false));
        assert_eq!(r.resolve_or_create("espn.go.com"), (go, false));
        // Platform subdomains stay apart (the Public Suffix List).
        let (a, _) = r.resolve_or_create("alice.blogspot.com");
        let (b, created) = r.resolve_or_create("bob.blogspot.com");
        assert!(created);
        assert_ne!(a, b);
        assert_eq!(
            r.resolve_or_create("https://alice.blogspot.com/2017/"),
            (a, false)
        );
    }

    #[test]
    fn registry_sources_take_precedence_over_the_table() {
        let mut r = Registry::new();
        // A source created without the table: the table's CNN is that source.
        let mut plain = Registry::without_outlets();
        let (c, _) = plain.resolve_or_create("cnn.com");
        let mut r2 = Registry::from_sources(plain.all().to_vec()).unwrap();
        assert_eq!(r2.resolve_or_create("Cable News Network"), (c, false));
        // A record for a name the table knows creates the table's outlet, then patches it.
        let user = r
            .upsert(
                "AP",
                &SourcePatch {
                    kind: Some(SourceKind::Person),
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(r.get(user).unwrap().name, "Associated Press");
        assert_eq!(r.get(user).unwrap().kind, SourceKind::Person);
        // A user source that claims "AP" first overrides the table's alias.
        let mut r3 = Registry::new();
        let mine = r3
            .upsert(
                "My AP",
                &SourcePatch {
                    aliases: vec!["AP".into()],
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(known(&r3, "AP"), Some(mine));
        assert_ne!(known(&r3, "Associated Press"), Some(mine));
    }

    #[test]
    fn a_namesake_with_another_homepage_is_not_the_table_outlet() {
        let mut r = Registry::new();
        let az = r
            .upsert(
                "CBC",
                &SourcePatch {
                    homepage: Some(parse_http_url("https://www.socar.az/").unwrap()),
                    ..Default::default()
                },
            )
            .unwrap();
        let (ca, created) = r.resolve_or_create("https://www.cbc.ca/news/x");
        assert!(created);
        assert_ne!(ca, az);
        assert_eq!(r.get(ca).unwrap().name, "CBC (cbc.ca)");
        assert_eq!(
            r.resolve_or_create("Canadian Broadcasting Corporation"),
            (ca, false)
        );
        assert_eq!(r.resolve_or_create("CBC"), (az, false));
        // Without a homepage, the registry's CBC is taken to be the table's.
        let mut r = Registry::new();
        let plain = r.upsert("CBC", &SourcePatch::default()).unwrap();
        assert_eq!(r.resolve_or_create("cbc.ca"), (plain, false));
    }

    #[test]
    fn kinds_are_read_as_people_write_them() {
        for k in SourceKind::ALL {
            let spaced = k.as_str().replace('_', " ");
            let title: String = spaced
                .split(' ')
                .map(|w| {
                    let mut c = w.chars();
                    c.next().map_or(String::new(), |f| {
                        f.to_ascii_uppercase().to_string() + c.as_str()
                    })
                })
                .collect::<Vec<_>>()
                .join(" ");
            for w in [
                k.as_str().to_string(),
                spaced.clone(),
                title,
                k.as_str().replace('_', "-"),
                format!("  {}  ", k.as_str().to_uppercase()),
            ] {
                assert_eq!(SourceKind::parse(&w).unwrap(), k, "{w}");
                let json: SourceKind =
                    serde_json::from_str(&serde_json::to_string(&w).unwrap()).unwrap();
                assert_eq!(json, k);
            }
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
            // The compact (ledger) encoding is the derived one and round-trips.
            let bytes = postcard::to_allocvec(&k).unwrap();
            assert_eq!(bytes, [k as u8]);
            assert_eq!(postcard::from_bytes::<SourceKind>(&bytes).unwrap(), k);
        }
        assert!(SourceKind::parse("blog").is_err());
        assert!(SourceKind::parse("wire__").is_err());
    }

    proptest::proptest! {
        #[test]
        fn resolution_never_panics(s in "\\PC{0,80}") {
            let mut r = Registry::new();
            let _ = r.resolve_or_create(&s);
            let _ = r.resolve(&s);
            let _ = SourceKind::parse(&s);
            let _ = host_levels(&s).count();
        }

        /// Among registered hosts that are the host or its parents (within the
        /// registrable domain), the longest one wins.
        #[test]
        fn the_longest_registered_host_wins(
            labels in proptest::collection::vec("[a-z]{1,6}", 1..5),
            registered in proptest::collection::vec(proptest::bool::ANY, 5),
        ) {
            // A leading "www." is no level of its own (`host_key` drops it), so
            // "www.example.org" and "example.org" are one host.
            proptest::prop_assume!(!labels.iter().any(|l| l == "www"));
            let host = format!("{}.example.org", labels.join("."));
            let levels: Vec<&str> = host_levels(&host).collect();
            let mut r = Registry::without_outlets();
            let mut ids = Vec::new();
            for (i, l) in levels.iter().enumerate() {
                if registered.get(i).copied().unwrap_or(false) {
                    let id = r.upsert(&format!("S{i}"), &SourcePatch {
                        homepage: Some(Url::parse(&format!("https://{l}/")).unwrap()),
                        ..Default::default()
                    }).unwrap();
                    ids.push((i, id));
                }
            }
            let want = ids.first().map(|p| p.1);
            proptest::prop_assert_eq!(r.lookup_host(&host), want);
        }
    }
}
