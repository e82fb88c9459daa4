//! Deterministic workload generator for the store benchmarks: a source registry
//! (outlets with Zipf popularity, wire agencies, affiliation groups, aliases and
//! homepages, some named people) followed by report lines whose claims carry 1–20
//! reports each and whose chains run 1–6 hops to wire agencies, people, officials or
//! anonymous sources, with a few deliberately circular pairs.
//!
//! Everything random comes from a SplitMix64 stream seeded by the caller and every
//! weight is an integer, so one seed always yields the same bytes on every platform.
//! Output is streamed: only the registry (a few thousand entries) and a bounded pool of
//! claims still being reported are held in memory. Shared by `examples/gen.rs`,
//! `benches/store.rs` and `tests/bench_smoke.rs` through `#[path]`.

use std::collections::HashSet;
use std::io::{self, Write};

/// SplitMix64: tiny, fast, and fixed forever (unlike `rand`'s generators).
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A stream for this seed.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed ^ 0x5EED_C0FF_EE00_0001)
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`), by the multiply-high method.
    pub fn below(&mut self, n: u64) -> u64 {
        ((self.next_u64() as u128 * n as u128) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    /// A uniformly chosen element.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Sampling from integer weights through a cumulative table (binary search).
pub struct Weighted {
    cumulative: Vec<u64>,
}

impl Weighted {
    /// From explicit weights (at least one non-zero).
    pub fn new(weights: impl IntoIterator<Item = u64>) -> Self {
        let mut total = 0u64;
        let cumulative = weights
            .into_iter()
            .map(|w| {
                total += w;
                total
            })
            .collect();
        Weighted { cumulative }
    }

    /// Zipf with exponent 1 over `n` ranks: weight of rank `i` is `2^32 / (i + 1)`.
    pub fn zipf(n: usize) -> Self {
        Self::new((0..n as u64).map(|i| (1u64 << 32) / (i + 1)))
    }

    /// An index drawn by weight.
    pub fn sample(&self, rng: &mut SplitMix64) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0);
        let x = rng.below(total.max(1));
        self.cumulative.partition_point(|&c| c <= x)
    }
}

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct GenConfig {
    /// Report lines to write.
    pub reports: u64,
    /// PRNG seed.
    pub seed: u64,
}

/// What was generated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GenStats {
    /// Source lines.
    pub sources: u64,
    /// Distinct claims started.
    pub claims: u64,
    /// Report lines.
    pub reports: u64,
    /// Claims given a circular pair of reports.
    pub circular_claims: u64,
    /// Reports whose last hop is anonymous.
    pub anonymous_origins: u64,
    /// Bytes written.
    pub bytes: u64,
}

const WIRE_AGENCIES: &[&str] = &[
    "Associated Press",
    "Reuters",
    "Agence France-Presse",
    "TASS",
    "SANA",
    "Xinhua",
    "ANSA",
    "EFE",
    "Deutsche Presse-Agentur",
    "Kyodo News",
    "Yonhap",
    "Press Trust of India",
    "Anadolu Agency",
    "IRNA",
    "Interfax",
    "Agencia Brasil",
    "Notimex",
    "Bernama",
    "Antara",
    "MENA",
];

const PLACES: &[&str] = &[
    "Northfield",
    "Ashbury",
    "Caldera",
    "Dunmore",
    "Elmshade",
    "Farrow",
    "Glenharbor",
    "Halvorsen",
    "Ironvale",
    "Juniper",
    "Kestrel",
    "Larkspur",
    "Marlow",
    "Norwick",
    "Oakhurst",
    "Pellham",
    "Quarry",
    "Redmarsh",
    "Stonebridge",
    "Thornbury",
    "Umberlee",
    "Valemont",
    "Westreach",
    "Yarrow",
    "Zephyr",
    "Brightwater",
    "Coldspring",
    "Driftwood",
    "Eastmoor",
    "Foxhollow",
    "Greystone",
    "Highcliff",
    "Kingsport",
    "Lowmere",
    "Millbrook",
    "Newhaven",
    "Oldcastle",
    "Portsmere",
    "Riverton",
    "Saltmarsh",
];

const OUTLET_NOUNS: &[&str] = &[
    "Gazette",
    "Herald",
    "Tribune",
    "Courier",
    "Chronicle",
    "Observer",
    "Sentinel",
    "Ledger",
    "Dispatch",
    "Post",
    "Times",
    "Monitor",
    "Record",
    "Journal",
    "Bulletin",
    "Express",
    "Examiner",
    "Standard",
    "Beacon",
    "Register",
];

const BROADCAST_NOUNS: &[&str] = &["Radio", "TV", "Broadcasting", "News Channel", "FM", "Live"];
const ONLINE_NOUNS: &[&str] = &["Daily", "Wire", "Report", "Insider", "Blog", "Watch", "Now"];
const NGO_NOUNS: &[&str] = &[
    "Observatory for Human Rights",
    "Monitoring Group",
    "Relief Council",
    "Civil Defence",
    "Documentation Centre",
];
const GOV_NOUNS: &[&str] = &[
    "Ministry of Defence",
    "Ministry of Health",
    "Interior Ministry",
    "Foreign Ministry",
    "Army Command",
    "Police Department",
];
const GROUP_NOUNS: &[&str] = &[
    "Media Group",
    "Holdings",
    "Press Trust",
    "Network",
    "Publishing",
];

const FIRST_NAMES: &[&str] = &[
    "Osama", "Layla", "Dmitri", "Amara", "Kenji", "Sofia", "Tariq", "Ingrid", "Mateo", "Nadia",
    "Olu", "Priya", "Ruslan", "Selin", "Tomas", "Yara", "Hana", "Elias", "Mira", "Jonas", "Farah",
    "Ivan", "Leila", "Karim", "Anya", "Bilal", "Chiara", "Dario",
];
const LAST_NAMES: &[&str] = &[
    "al-Khatib",
    "Haddad",
    "Petrov",
    "Okafor",
    "Tanaka",
    "Moreno",
    "Rahman",
    "Lindqvist",
    "Alvarez",
    "Kovacs",
    "Adeyemi",
    "Sharma",
    "Volkov",
    "Demir",
    "Novak",
    "Nasser",
    "Sato",
    "Bergstrom",
    "Costa",
    "Mansour",
    "Ivanova",
    "Kaya",
    "Mendes",
    "Farouk",
];

const ANONYMOUS: &[&str] = &[
    "a senior official",
    "a military source",
    "activists",
    "local residents",
    "a security source",
    "a diplomat familiar with the talks",
    "witnesses",
    "a government spokesman who asked not to be named",
    "people close to the matter",
    "an opposition source",
];

const ACTORS: &[&str] = &[
    "government forces",
    "rebel fighters",
    "the army",
    "police",
    "the health ministry",
    "the electoral commission",
    "a coalition spokesperson",
    "the central bank",
    "local authorities",
    "aid workers",
    "the opposition",
    "the prime minister",
    "border guards",
    "the navy",
    "the city council",
    "protesters",
    "the foreign minister",
    "state media",
    "the energy company",
    "hospital staff",
];
const VERBS: &[&str] = &[
    "retook",
    "shelled",
    "evacuated",
    "announced new restrictions in",
    "denied reports about",
    "reported casualties in",
    "closed the border near",
    "sent reinforcements to",
    "opened an investigation into",
    "suspended flights to",
    "signed an agreement on",
    "withdrew from",
    "confirmed an outbreak in",
    "arrested organisers in",
    "delivered supplies to",
    "cut electricity to",
];
const OBJECTS: &[&str] = &[
    "the old city",
    "the main airport",
    "the northern district",
    "two villages",
    "the industrial zone",
    "a refugee camp",
    "the port",
    "the river crossing",
    "the central market",
    "the university campus",
    "an oil field",
    "the eastern suburbs",
];
const TAILS: &[&str] = &[
    "on Tuesday",
    "late on Friday",
    "after days of fighting",
    "according to early figures",
    "despite international appeals",
    "amid growing tension",
    "for the first time since the truce",
    "in a statement",
    "overnight",
    "before dawn",
    "as talks stalled",
    "citing security concerns",
];
const DETAILS: &[&str] = &[
    "at least {n} people were reported killed",
    "some {n} families were displaced",
    "officials put the number of injured at {n}",
    "about {n} vehicles were seen leaving the area",
    "the operation involved roughly {n} troops",
    "{n} buildings were said to be damaged",
    "the figure could rise above {n}",
];

const TLDS: &[&str] = &["com", "org", "net", "co.uk", "de", "fr", "info", "news"];

/// The kinds a generated source may have (names as in the import format).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Wire,
    Newspaper,
    Broadcaster,
    Online,
    Ngo,
    Government,
    Person,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Wire => "wire_agency",
            Kind::Newspaper => "newspaper",
            Kind::Broadcaster => "broadcaster",
            Kind::Online => "online_outlet",
            Kind::Ngo => "ngo",
            Kind::Government => "government",
            Kind::Person => "person",
        }
    }
}

/// One generated source and the ways a chain may write it.
struct GenSource {
    name: String,
    alias: Option<String>,
    host: Option<String>,
    kind: Kind,
    affiliations: Vec<String>,
    rating: Option<u64>,
    /// Whether a `source` record is written for it (unregistered people appear only in
    /// chains, where the import creates them).
    registered: bool,
}

/// The whole registry, with popularity tables per role.
struct World {
    sources: Vec<GenSource>,
    /// Outlets (newspapers, broadcasters, online) in popularity order.
    outlets: Vec<usize>,
    outlet_pop: Weighted,
    wires: Vec<usize>,
    wire_pop: Weighted,
    people: Vec<usize>,
    people_pop: Weighted,
    officials: Vec<usize>,
    official_pop: Weighted,
}

fn lower_slug(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Case-insensitive key used to keep generated names and aliases unique.
fn key(s: &str) -> String {
    s.to_lowercase()
}

/// Collects sources while keeping names, aliases and homepage hosts unique.
struct Builder {
    names: HashSet<String>,
    hosts: HashSet<String>,
    sources: Vec<GenSource>,
    groups: Vec<String>,
    group_pop: Weighted,
}

impl Builder {
    /// Add a source unless its name is taken; aliases, homepage, affiliations and
    /// rating are drawn here.
    fn add(&mut self, rng: &mut SplitMix64, name: String, kind: Kind, registered: bool) {
        if !self.names.insert(key(&name)) {
            return;
        }
        let is_org = kind != Kind::Person;
        let mut alias = None;
        if is_org && rng.chance(300) {
            let a = initials(&name);
            if a.len() >= 2 && self.names.insert(key(&a)) {
                alias = Some(a);
            }
        }
        let mut host = None;
        if is_org && rng.chance(800) {
            let h = format!("{}.{}", lower_slug(&name), rng.pick(TLDS));
            if self.hosts.insert(h.clone()) {
                host = Some(h);
            }
        }
        let mut affiliations = Vec::new();
        if is_org && rng.chance(350) {
            affiliations.push(self.groups[self.group_pop.sample(rng)].clone());
            if rng.chance(150) {
                let g = self.groups[self.group_pop.sample(rng)].clone();
                if !affiliations.contains(&g) {
                    affiliations.push(g);
                }
            }
        }
        let rating = rng.chance(600).then(|| rng.below(101));
        self.sources.push(GenSource {
            name,
            alias,
            host,
            kind,
            affiliations,
            rating,
            registered,
        });
    }
}

/// Build a registry of roughly 3,000 outlets plus agencies, officials and people.
fn build_world(rng: &mut SplitMix64) -> World {
    let groups: Vec<String> = (0..120)
        .map(|i| {
            format!(
                "{} {} {}",
                PLACES[i % PLACES.len()],
                GROUP_NOUNS[(i / PLACES.len()) % GROUP_NOUNS.len()],
                i / (PLACES.len() * GROUP_NOUNS.len()) + 1
            )
        })
        .collect();
    let mut b = Builder {
        names: HashSet::new(),
        hosts: HashSet::new(),
        sources: Vec::new(),
        group_pop: Weighted::zipf(groups.len()),
        groups,
    };

    for w in WIRE_AGENCIES {
        b.add(rng, (*w).to_string(), Kind::Wire, true);
    }
    let mut i = 0u64;
    while b.sources.len() < 40 {
        let name = format!("{} News Agency", rng.pick(PLACES));
        b.add(rng, name, Kind::Wire, true);
        i += 1;
        if i > 10_000 {
            break;
        }
    }
    let target = 3_000 + WIRE_AGENCIES.len();
    let mut attempts = 0u64;
    while b.sources.len() < target && attempts < 1_000_000 {
        attempts += 1;
        let place = rng.pick(PLACES);
        let roll = rng.below(100);
        let (name, kind) = match roll {
            0..=44 => {
                let n = rng.pick(OUTLET_NOUNS);
                match rng.below(3) {
                    0 => (format!("The {place} {n}"), Kind::Newspaper),
                    1 => (format!("{place} {n}"), Kind::Newspaper),
                    _ => (format!("{place} {n} {}", rng.range(2, 99)), Kind::Newspaper),
                }
            }
            45..=64 => (
                format!("{place} {} {}", rng.pick(BROADCAST_NOUNS), rng.range(1, 40)),
                Kind::Broadcaster,
            ),
            65..=84 => (
                format!("{place}{} {}", rng.pick(ONLINE_NOUNS), rng.range(1, 60)),
                Kind::Online,
            ),
            85..=91 => (format!("{place} {}", rng.pick(NGO_NOUNS)), Kind::Ngo),
            _ => (format!("{place} {}", rng.pick(GOV_NOUNS)), Kind::Government),
        };
        b.add(rng, name, kind, true);
    }
    let people_target = b.sources.len() + 1_500;
    attempts = 0;
    while b.sources.len() < people_target && attempts < 1_000_000 {
        attempts += 1;
        let name = format!(
            "{} {}{}",
            rng.pick(FIRST_NAMES),
            rng.pick(LAST_NAMES),
            if rng.chance(500) {
                format!(" {}", (b'A' + rng.below(26) as u8) as char)
            } else {
                String::new()
            }
        );
        let registered = rng.chance(400);
        b.add(rng, name, Kind::Person, registered);
    }

    let sources = b.sources;
    let by_kind = |pred: &dyn Fn(Kind) -> bool| -> Vec<usize> {
        sources
            .iter()
            .enumerate()
            .filter(|(_, s)| pred(s.kind))
            .map(|(i, _)| i)
            .collect()
    };
    let outlets = by_kind(&|k| matches!(k, Kind::Newspaper | Kind::Broadcaster | Kind::Online));
    let wires = by_kind(&|k| k == Kind::Wire);
    let people = by_kind(&|k| k == Kind::Person);
    let officials = by_kind(&|k| matches!(k, Kind::Government | Kind::Ngo));
    World {
        outlet_pop: Weighted::zipf(outlets.len()),
        wire_pop: Weighted::zipf(wires.len()),
        people_pop: Weighted::zipf(people.len()),
        official_pop: Weighted::zipf(officials.len()),
        outlets,
        wires,
        people,
        officials,
        sources,
    }
}

/// Append `s` as a JSON string literal.
fn push_json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn source_line(s: &GenSource, out: &mut String) {
    out.push_str("{\"type\":\"source\",\"name\":");
    push_json_str(out, &s.name);
    if let Some(a) = &s.alias {
        out.push_str(",\"aliases\":[");
        push_json_str(out, a);
        out.push(']');
    }
    if let Some(h) = &s.host {
        out.push_str(",\"homepage\":");
        push_json_str(out, &format!("https://www.{h}/"));
    }
    out.push_str(",\"kind\":\"");
    out.push_str(s.kind.as_str());
    out.push('"');
    if !s.affiliations.is_empty() {
        out.push_str(",\"affiliations\":[");
        for (i, a) in s.affiliations.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_json_str(out, a);
        }
        out.push(']');
    }
    if let Some(r) = s.rating {
        if r >= 100 {
            out.push_str(",\"rating\":1.0");
        } else {
            out.push_str(&format!(",\"rating\":0.{r:02}"));
        }
    }
    out.push_str("}\n");
}

/// Claim text of 60–300 characters built from the phrase lists.
fn claim_text(rng: &mut SplitMix64) -> String {
    let target = match rng.below(10) {
        0..=5 => rng.range(60, 160),
        6..=8 => rng.range(160, 240),
        _ => rng.range(240, 300),
    } as usize;
    let mut text = String::new();
    while text.len() < target {
        let actor = rng.pick(ACTORS);
        let mut sentence = format!(
            "{} {} {} in {} {}",
            actor,
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(PLACES),
            rng.pick(TAILS)
        );
        if rng.chance(600) {
            let n = rng.range(2, 4_999).to_string();
            sentence.push_str(", and ");
            sentence.push_str(&rng.pick(DETAILS).replace("{n}", &n));
        }
        let mut chars = sentence.chars();
        let first: String = chars
            .next()
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_default();
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&first);
        text.push_str(chars.as_str());
        text.push('.');
    }
    if text.len() > 300 {
        // Keep whole sentences when that leaves at least 60 characters; otherwise cut
        // at the last word boundary that fits and close the sentence there.
        match text[..300].rfind(". ") {
            Some(end) if end + 1 >= 60 => text.truncate(end + 1),
            _ => {
                let cut = text[..299].rfind(' ').unwrap_or(299);
                text.truncate(cut);
                text.push('.');
            }
        }
    }
    text
}

/// A hop as it will be written: a source (by one of its written forms) or anonymous.
#[derive(Clone, PartialEq, Eq)]
enum GenHop {
    Source(usize),
    Anonymous(&'static str),
}

/// A claim that still has reports to emit.
struct Active {
    text: String,
    /// Origin tails (relays then origin) shared by this claim's reports.
    tails: Vec<Vec<GenHop>>,
    remaining: u64,
    /// A circular pair still to write: (A, B) gives "A via B" and then "B via A".
    circular: Option<(usize, usize, bool)>,
    /// (first outlet, tail index) pairs already written for this claim.
    used: Vec<(usize, usize)>,
}

/// Reports per claim: 1–20, long-tailed (about 3.1 on average).
const REPORTS_PER_CLAIM: [u64; 20] = [
    400, 180, 110, 75, 55, 42, 33, 27, 22, 18, 15, 13, 11, 10, 9, 8, 7, 6, 6, 5,
];

/// Total hops per chain, 1–6.
const CHAIN_LENGTH: [u64; 6] = [15, 30, 25, 15, 10, 5];

fn pick_outlet(w: &World, rng: &mut SplitMix64) -> usize {
    w.outlets[w.outlet_pop.sample(rng)]
}

/// An origin and the relays before it, for a chain that will be `hops` long in total
/// (the first hop, the reader-facing outlet, is chosen per report).
fn origin_tail(w: &World, rng: &mut SplitMix64, hops: usize) -> Vec<GenHop> {
    let mut tail = Vec::new();
    if hops <= 1 {
        return tail;
    }
    for _ in 0..hops - 2 {
        tail.push(GenHop::Source(pick_outlet(w, rng)));
    }
    let origin = match rng.below(100) {
        0..=11 => GenHop::Anonymous(ANONYMOUS[rng.below(ANONYMOUS.len() as u64) as usize]),
        12..=54 => GenHop::Source(w.wires[w.wire_pop.sample(rng)]),
        55..=79 => GenHop::Source(w.people[w.people_pop.sample(rng)]),
        80..=91 => GenHop::Source(w.officials[w.official_pop.sample(rng)]),
        _ => GenHop::Source(pick_outlet(w, rng)),
    };
    tail.push(origin);
    tail.dedup();
    tail
}

/// How a chain writes a source: mostly its name, sometimes its alias or domain.
fn written_name<'a>(w: &'a World, i: usize, rng: &mut SplitMix64) -> std::borrow::Cow<'a, str> {
    let s = &w.sources[i];
    let roll = rng.below(100);
    if roll < 8 {
        if let Some(a) = &s.alias {
            return a.as_str().into();
        }
    }
    if roll >= 95 {
        if let Some(h) = &s.host {
            return h.as_str().into();
        }
    }
    s.name.as_str().into()
}

fn report_line(w: &World, rng: &mut SplitMix64, claim: &str, hops: &[GenHop], out: &mut String) {
    out.push_str("{\"type\":\"report\",\"claim\":");
    push_json_str(out, claim);
    out.push_str(",\"chain\":");
    let written: Vec<(String, bool)> = hops
        .iter()
        .map(|h| match h {
            GenHop::Source(i) => (written_name(w, *i, rng).into_owned(), false),
            GenHop::Anonymous(d) => ((*d).to_string(), true),
        })
        .collect();
    if rng.chance(100) {
        out.push('[');
        for (i, (name, anon)) in written.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            if *anon {
                out.push_str("{\"name\":");
                push_json_str(out, name);
                out.push_str(",\"anonymous\":true}");
            } else {
                push_json_str(out, name);
            }
        }
        out.push(']');
    } else {
        let text: Vec<String> = written
            .iter()
            .map(|(n, anon)| if *anon { format!("~{n}") } else { n.clone() })
            .collect();
        push_json_str(out, &text.join(" via "));
    }
    if let GenHop::Source(first) = hops[0] {
        if let Some(h) = &w.sources[first].host {
            if rng.chance(700) {
                out.push_str(&format!(
                    ",\"url\":\"https://www.{h}/{}/{:02}/story-{}\"",
                    rng.range(2015, 2025),
                    rng.range(1, 12),
                    rng.next_u64() % 1_000_000_007
                ));
            }
        }
    }
    if rng.chance(800) {
        out.push_str(&format!(
            ",\"published\":\"{}-{:02}-{:02}\"",
            rng.range(2015, 2025),
            rng.range(1, 12),
            rng.range(1, 28)
        ));
    }
    out.push_str("}\n");
}

/// Claims being reported at once: reports of one claim are spread over the file.
const POOL: usize = 512;

/// Write the workload to `out` (buffer it yourself). Sources first, then reports.
pub fn generate<W: Write>(cfg: &GenConfig, mut out: W) -> io::Result<GenStats> {
    let mut rng = SplitMix64::new(cfg.seed);
    let world = build_world(&mut rng);
    let mut stats = GenStats::default();
    let mut line = String::with_capacity(1024);
    for s in world.sources.iter().filter(|s| s.registered) {
        line.clear();
        source_line(s, &mut line);
        out.write_all(line.as_bytes())?;
        stats.sources += 1;
        stats.bytes += line.len() as u64;
    }

    let per_claim = Weighted::new(REPORTS_PER_CLAIM);
    let length = Weighted::new(CHAIN_LENGTH);
    let mut pool: Vec<Active> = Vec::with_capacity(POOL);
    let mut reserved = 0u64;
    let mut hops: Vec<GenHop> = Vec::with_capacity(8);
    while stats.reports < cfg.reports {
        while pool.len() < POOL && reserved < cfg.reports {
            let want = per_claim.sample(&mut rng) as u64 + 1;
            let n = want.min(cfg.reports - reserved);
            reserved += n;
            let origins = 1 + usize::from(rng.chance(300)) + usize::from(rng.chance(100));
            let tails = (0..origins)
                .map(|_| {
                    let len = length.sample(&mut rng) + 1;
                    origin_tail(&world, &mut rng, len)
                })
                .collect();
            let circular = (n >= 2 && rng.chance(10)).then(|| {
                let a = pick_outlet(&world, &mut rng);
                let mut b = pick_outlet(&world, &mut rng);
                if a == b {
                    b = world.outlets[(world.outlets.iter().position(|&x| x == a).unwrap_or(0)
                        + 1)
                        % world.outlets.len()];
                }
                (a, b, false)
            });
            stats.circular_claims += u64::from(circular.is_some());
            stats.claims += 1;
            pool.push(Active {
                text: claim_text(&mut rng),
                tails,
                remaining: n,
                circular,
                used: Vec::new(),
            });
        }
        let slot = rng.below(pool.len() as u64) as usize;
        let c = &mut pool[slot];
        hops.clear();
        match c.circular {
            Some((a, b, second)) => {
                if second {
                    hops.extend([GenHop::Source(b), GenHop::Source(a)]);
                    c.circular = None;
                } else {
                    hops.extend([GenHop::Source(a), GenHop::Source(b)]);
                    c.circular = Some((a, b, true));
                }
            }
            None => {
                // Redraw the outlet a few times so that one claim rarely gets the
                // same chain twice (a duplicate report, which the import skips).
                let t = rng.below(c.tails.len() as u64) as usize;
                let tail = &c.tails[t];
                let mut first = pick_outlet(&world, &mut rng);
                for _ in 0..8 {
                    if !c.used.contains(&(first, t)) && tail.first() != Some(&GenHop::Source(first))
                    {
                        break;
                    }
                    first = pick_outlet(&world, &mut rng);
                }
                if tail.first() == Some(&GenHop::Source(first)) {
                    first = world.outlets[0];
                }
                c.used.push((first, t));
                hops.push(GenHop::Source(first));
                hops.extend(tail.iter().cloned());
                hops.dedup();
            }
        }
        stats.anonymous_origins += u64::from(matches!(hops.last(), Some(GenHop::Anonymous(_))));
        line.clear();
        report_line(&world, &mut rng, &c.text, &hops, &mut line);
        out.write_all(line.as_bytes())?;
        stats.reports += 1;
        stats.bytes += line.len() as u64;
        c.remaining -= 1;
        if c.remaining == 0 {
            pool.swap_remove(slot);
        }
    }
    out.flush()?;
    Ok(stats)
}
