//! The built-in outlet table: the few hundred outlets that dominate English-language
//! news (wire agencies first), with their homepage hosts, the short names and acronyms
//! people write for them, and their kind. It lets `cnn.com`, `edition.cnn.com`, "CNN"
//! and "Cable News Network" resolve to one source without any setup.
//!
//! The data is `src/source/outlets.tsv`, embedded in the binary. Its format (also read by
//! `corroborate sources import-outlets` for a user's own table):
//!
//! * one outlet per line, four TAB-separated columns: `name`, `hosts`, `aliases`, `kind`;
//! * `hosts` and `aliases` are `|`-separated lists; the first host is the homepage;
//!   hosts are bare domains (a leading `www.` is dropped); aliases may be empty;
//! * `kind` is a source kind as `--kind` accepts it (`wire_agency`, `Wire agency`, …);
//! * lines starting with `#`, and blank lines, are ignored;
//! * no name, alias or host may belong to two outlets (names compare as
//!   [`crate::source::name_key`] does: case, white space and NFKC folded).
//!
//! How the table is used is the registry's business (`crate::source`): a hop name that
//! no source of the database matches, but the table knows, creates the table's outlet
//! (name, homepage, aliases, kind). Every change to the data is a new [`VERSION`].

use std::collections::HashMap;
use std::io::Read;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::{domain_of, name_key, Registry, SourceKind, SourcePatch};
use crate::error::{Error, Result};

/// The version of the built-in table. It changes with every change to
/// `src/source/outlets.tsv`; see `docs/ARCHITECTURE.md` ("The built-in outlet table") for
/// what a database does when it differs from the one its store was built with.
pub const VERSION: u32 = 1;

/// The embedded data file.
const BUILTIN: &str = include_str!("outlets.tsv");

/// At most this many outlets are read from a user's table.
pub const MAX_OUTLETS: usize = 100_000;

/// At most this many bytes are read from a user's table.
pub const MAX_TABLE_BYTES: usize = 16 << 20;

/// One outlet of a table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outlet {
    /// Canonical name.
    pub name: String,
    /// Homepage hosts (host keys: lowercase, no `www.`); the first is the homepage.
    pub hosts: Vec<String>,
    /// Other names.
    pub aliases: Vec<String>,
    /// What kind of source.
    pub kind: SourceKind,
}

impl Outlet {
    /// The homepage URL (`https://FIRST-HOST/`).
    pub fn homepage(&self) -> Option<url::Url> {
        self.hosts
            .first()
            .and_then(|h| url::Url::parse(&format!("https://{h}/")).ok())
    }

    /// The name and every alias, in table order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A parsed outlet table with its name and host indexes.
#[derive(Clone, Debug, Default)]
pub struct OutletTable {
    outlets: Vec<Outlet>,
    /// The line each outlet was read from.
    lines: Vec<u64>,
    by_name: HashMap<String, usize>,
    by_host: HashMap<String, usize>,
}

/// The built-in table (parsed once; a unit test proves it parses).
pub fn builtin() -> &'static OutletTable {
    static TABLE: LazyLock<OutletTable> =
        LazyLock::new(|| OutletTable::parse(BUILTIN).unwrap_or_default());
    &TABLE
}

fn bad(line: u64, message: String) -> Error {
    Error::Line { line, message }
}

impl OutletTable {
    /// Parse a table in the format of the module documentation. Errors name the line.
    pub fn parse(text: &str) -> Result<OutletTable> {
        let mut t = OutletTable::default();
        for (i, raw) in text.lines().enumerate() {
            let line = i as u64 + 1;
            if t.outlets.len() >= MAX_OUTLETS {
                return Err(bad(
                    line,
                    format!("a table may hold at most {MAX_OUTLETS} outlets"),
                ));
            }
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            let raw = if line == 1 {
                raw.trim_start_matches('\u{feff}')
            } else {
                raw
            };
            if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = raw.split('\t').collect();
            if cols.len() != 4 {
                return Err(bad(
                    line,
                    format!(
                        "{} TAB-separated columns; an outlet line has 4: name, hosts, aliases, kind",
                        cols.len()
                    ),
                ));
            }
            let outlet = parse_outlet(line, &cols)?;
            t.insert(line, outlet)?;
        }
        Ok(t)
    }

    fn insert(&mut self, line: u64, o: Outlet) -> Result<()> {
        let i = self.outlets.len();
        let mut names: Vec<String> = Vec::new();
        for n in o.names() {
            let k = name_key(n);
            if !names.contains(&k) {
                names.push(k);
            }
        }
        for k in &names {
            if let Some(&j) = self.by_name.get(k) {
                return Err(bad(
                    line,
                    format!(
                        "the name {k:?} already belongs to the outlet {:?}; a name may belong to one outlet only",
                        self.outlets[j].name
                    ),
                ));
            }
        }
        for h in &o.hosts {
            if let Some(&j) = self.by_host.get(h) {
                if j != i {
                    return Err(bad(
                        line,
                        format!(
                            "the host {h} already belongs to the outlet {:?}; a host may belong to one outlet only",
                            self.outlets[j].name
                        ),
                    ));
                }
            }
        }
        for k in names {
            self.by_name.insert(k, i);
        }
        for h in &o.hosts {
            self.by_host.insert(h.clone(), i);
        }
        self.outlets.push(o);
        self.lines.push(line);
        Ok(())
    }

    /// Every outlet, in table order.
    pub fn outlets(&self) -> &[Outlet] {
        &self.outlets
    }

    /// Number of outlets.
    pub fn len(&self) -> usize {
        self.outlets.len()
    }

    /// True when the table has no outlet.
    pub fn is_empty(&self) -> bool {
        self.outlets.is_empty()
    }

    /// The outlet a written name or alias denotes (case, white space, NFKC folded).
    pub fn by_name(&self, written: &str) -> Option<&Outlet> {
        self.by_name
            .get(&name_key(written))
            .and_then(|&i| self.outlets.get(i))
    }

    /// The outlet whose host is exactly this host key (no parent-domain walk: the
    /// registry walks, so that the longest registered host wins across the registry
    /// and the table).
    pub fn by_host(&self, host: &str) -> Option<&Outlet> {
        self.by_host.get(host).and_then(|&i| self.outlets.get(i))
    }
}

/// What `sources import-outlets` will do (or did).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ImportPlan {
    /// The source patches to write, with the line of each outlet.
    #[serde(skip)]
    pub patches: Vec<super::PlannedPatch>,
    /// Outlets read.
    pub outlets: u64,
    /// Sources to create.
    pub created: u64,
    /// Existing sources that get aliases, a homepage or a kind.
    pub updated: u64,
    /// Outlets that change nothing.
    pub unchanged: u64,
}

/// Read a user's outlet table (at most [`MAX_TABLE_BYTES`], UTF-8) and plan one source
/// record per outlet against `reg` (unchanged): the outlet's name with its aliases, its
/// first host as homepage, its further hosts as aliases, and its kind. A name that
/// already resolves (to a source, or to a built-in outlet) is extended; an alias or
/// host that belongs to another source stops the import with the outlet's line.
pub fn plan_import(input: impl std::io::Read, reg: &Registry) -> Result<ImportPlan> {
    let mut buf = Vec::new();
    input
        .take(MAX_TABLE_BYTES as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Error::io("reading the outlet table", e))?;
    if buf.len() > MAX_TABLE_BYTES {
        return Err(Error::Invalid(format!(
            "the outlet table is longer than {MAX_TABLE_BYTES} bytes; split it"
        )));
    }
    let text = String::from_utf8(buf).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        bad(line, "the line is not valid UTF-8".into())
    })?;
    let table = OutletTable::parse(&text)?;
    let mut scratch = reg.clone();
    let mut plan = ImportPlan::default();
    for (o, &line) in table.outlets.iter().zip(&table.lines) {
        plan.outlets += 1;
        let before = match scratch.resolve(&o.name) {
            super::Resolution::Known(id) => scratch.get(id).cloned(),
            super::Resolution::Unknown => None,
        };
        let patch = SourcePatch {
            aliases: o
                .aliases
                .iter()
                .chain(o.hosts.iter().skip(1))
                .cloned()
                .collect(),
            homepage: o.homepage(),
            kind: Some(o.kind),
            ..Default::default()
        };
        let id = scratch
            .upsert(&o.name, &patch)
            .map_err(|e| bad(line, e.to_string()))?;
        match before {
            None => plan.created += 1,
            Some(b) if scratch.get(id) == Some(&b) => {
                plan.unchanged += 1;
                continue;
            }
            Some(_) => plan.updated += 1,
        }
        plan.patches.push((line, o.name.clone(), patch));
    }
    Ok(plan)
}

/// Split a `|`-separated cell into trimmed, white-space-collapsed, non-empty items.
fn list(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(crate::chain::collapse_ws)
        .filter(|s| !s.is_empty())
        .collect()
}

fn parse_outlet(line: u64, cols: &[&str]) -> Result<Outlet> {
    let name = crate::chain::collapse_ws(cols[0]);
    if name.is_empty() {
        return Err(bad(line, "the name (column 1) is empty".into()));
    }
    let too_long = |n: &str| n.len() > crate::chain::MAX_HOP_NAME_BYTES;
    let aliases = list(cols[2]);
    if let Some(n) = std::iter::once(&name).chain(&aliases).find(|n| too_long(n)) {
        return Err(bad(
            line,
            format!(
                "the name {:?}… is longer than {} bytes",
                n.chars().take(40).collect::<String>(),
                crate::chain::MAX_HOP_NAME_BYTES
            ),
        ));
    }
    let mut hosts: Vec<String> = Vec::new();
    for h in list(cols[1]) {
        let is_bare = !h.contains("://");
        match domain_of(&h) {
            Some(k) if is_bare => {
                if !hosts.contains(&k) {
                    hosts.push(k);
                }
            }
            _ => {
                return Err(bad(
                    line,
                    format!(
                        "the host {:?} (column 2) is not a bare domain such as cnn.com",
                        h.chars().take(200).collect::<String>()
                    ),
                ))
            }
        }
    }
    let kind = SourceKind::parse(cols[3].trim()).map_err(|e| bad(line, e.to_string()))?;
    Ok(Outlet {
        name,
        hosts,
        aliases,
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_parses_and_knows_the_corpus_outlets() {
        let t = OutletTable::parse(BUILTIN).unwrap();
        assert!(t.len() >= 200, "{}", t.len());
        assert_eq!(builtin().len(), t.len());
        let cnn = t.by_name("Cable News Network").unwrap();
        assert_eq!(cnn.name, "CNN");
        assert_eq!(t.by_host("cnn.com").unwrap().name, "CNN");
        for (written, name) in [
            ("RT", "RT"),
            ("Russia Today", "RT"),
            ("rt international", "RT"),
            ("Sputnik International", "Sputnik"),
            ("AP", "Associated Press"),
            ("Al Jazeera", "Al Jazeera"),
            ("TASS", "TASS"),
            ("ABC News", "ABC News"),
            ("RTE", "RTÉ"),
            ("HuffPost", "HuffPost"),
            ("DW", "Deutsche Welle"),
            ("China Daily", "China Daily"),
            ("BBC", "BBC"),
        ] {
            assert_eq!(t.by_name(written).map(|o| o.name.as_str()), Some(name));
        }
        assert_eq!(t.by_host("abcnews.go.com").unwrap().name, "ABC News");
        assert!(t.by_host("go.com").is_none());
        // Wire agencies come first.
        assert_eq!(t.outlets()[0].kind, SourceKind::WireAgency);
    }

    #[test]
    fn parse_errors_name_the_line() {
        let cases = [
            (
                "A\ta.com\t\tnewspaper\nB\tb.com\n",
                "line 2: 2 TAB-separated",
            ),
            ("\ta.com\t\tnewspaper\n", "line 1: the name"),
            ("A\ta.com/x\t\tnewspaper\n", "line 1: the host \"a.com/x\""),
            ("A\thttps://a.com\t\tnewspaper\n", "line 1: the host"),
            ("A\ta.com\t\tblog\n", "line 1: unknown source kind"),
            (
                "A\ta.com\tX\tother\nB\tb.com\tx\tother\n",
                "line 2: the name \"x\"",
            ),
            (
                "A\ta.com\t\tother\nB\tA.COM\t\tother\n",
                "line 2: the host a.com",
            ),
        ];
        for (text, want) in cases {
            let e = OutletTable::parse(text).unwrap_err().to_string();
            assert!(e.starts_with(want), "{e}");
        }
    }

    #[test]
    fn format_details() {
        let t = OutletTable::parse(
            "\u{feff}# comment\n\nNews One\twww.one.example| one.example |two.example\tN1 | |n1\tWire Agency\r\n",
        )
        .unwrap();
        let o = &t.outlets()[0];
        assert_eq!(o.hosts, ["one.example", "two.example"]);
        assert_eq!(o.aliases, ["N1", "n1"]);
        assert_eq!(o.kind, SourceKind::WireAgency);
        assert_eq!(o.homepage().unwrap().as_str(), "https://one.example/");
    }

    proptest::proptest! {
        #[test]
        fn parse_never_panics(s in "(\\PC|\t|\n|\\||#){0,200}") {
            let _ = OutletTable::parse(&s);
        }

        #[test]
        fn parsed_rows_round_trip(
            rows in proptest::collection::vec(("[A-Z][a-z]{1,8}", "[a-z]{1,8}"), 1..8)
        ) {
            let mut text = String::new();
            for (i, (name, host)) in rows.iter().enumerate() {
                text.push_str(&format!("{name}{i}\t{host}{i}.example\t\tother\n"));
            }
            let t = OutletTable::parse(&text).unwrap();
            proptest::prop_assert_eq!(t.len(), rows.len());
            for (i, (name, host)) in rows.iter().enumerate() {
                let n = format!("{name}{i}");
                let by_name = t.by_name(&n.to_uppercase());
                proptest::prop_assert_eq!(by_name.map(|o| o.name.as_str()), Some(n.as_str()));
                let by_host = t.by_host(&format!("{host}{i}.example"));
                proptest::prop_assert_eq!(by_host.map(|o| o.name.as_str()), Some(n.as_str()));
            }
        }
    }
}
