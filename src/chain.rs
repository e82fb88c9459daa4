//! Provenance chains as people write them: parsing the string and array forms,
//! validating them, and printing them back.
//!
//! A chain lists hops from the reader-facing outlet (first) to the earliest known
//! source (last): `"Blog via Arutz Sheva via AP via Osama al-Khatib"`. A hop written
//! with a leading `~` is anonymous (`"WaPo via ~a senior official"`). This module knows
//! nothing about the source registry; resolving names to sources happens in `source`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// Most hops a chain may have.
pub const MAX_HOPS: usize = 64;
/// Longest hop name, in bytes.
pub const MAX_HOP_NAME_BYTES: usize = 512;

/// One hop of a chain as written: a source name (or domain, or URL) or an anonymous
/// description such as "a Syrian military official".
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct HopSpec {
    /// The name as written, with white space runs collapsed to one space.
    pub name: String,
    /// True for a source the report does not name ("activists", "an official").
    pub anonymous: bool,
}

impl HopSpec {
    /// A named hop.
    pub fn named(name: &str) -> HopSpec {
        HopSpec {
            name: collapse_ws(name),
            anonymous: false,
        }
    }

    /// An anonymous hop.
    pub fn anonymous(description: &str) -> HopSpec {
        HopSpec {
            name: collapse_ws(description),
            anonymous: true,
        }
    }
}

/// A provenance chain: at least one hop, the first named.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Chain {
    hops: Vec<HopSpec>,
}

impl Chain {
    /// Build a chain from hops, checking every rule (non-empty, at most [`MAX_HOPS`],
    /// names non-empty and at most [`MAX_HOP_NAME_BYTES`], first hop named).
    pub fn new(hops: Vec<HopSpec>) -> Result<Chain, Error> {
        if hops.is_empty() {
            return Err(Error::BadChain("a chain needs at least one hop".into()));
        }
        if hops.len() > MAX_HOPS {
            return Err(Error::BadChain(format!(
                "the chain has {} hops; at most {MAX_HOPS} are allowed",
                hops.len()
            )));
        }
        for (i, hop) in hops.iter().enumerate() {
            if hop.name.is_empty() {
                return Err(Error::BadChain(format!("hop {} is empty", i + 1)));
            }
            if hop.name.len() > MAX_HOP_NAME_BYTES {
                return Err(Error::BadChain(format!(
                    "hop {} is {} bytes long; at most {MAX_HOP_NAME_BYTES} are allowed",
                    i + 1,
                    hop.name.len()
                )));
            }
            // Names are refused, not repaired: two hops that look alike must be alike.
            crate::chars::check_name(&format!("hop {}", i + 1), &hop.name)
                .map_err(|e| Error::BadChain(e.to_string()))?;
        }
        if hops[0].anonymous {
            return Err(Error::BadChain(format!(
                "the first hop ({:?}) is anonymous, but it must name the outlet where the claim was read",
                hops[0].name
            )));
        }
        Ok(Chain { hops })
    }

    /// Parse the string form: hops separated by the word `via` (any case, surrounded by
    /// white space); a hop starting with `~` is anonymous.
    ///
    /// A leading byte order mark is ignored. A chain with more than [`MAX_HOPS`] hops
    /// is refused with its true number of hops, counted without keeping them.
    pub fn parse(s: &str) -> Result<Chain, Error> {
        let s = crate::chars::strip_bom(s);
        let mut hops = Vec::new();
        let mut current: Vec<&str> = Vec::new();
        let mut tokens = 0usize;
        let mut separators = 0usize;
        for word in s.split_whitespace() {
            tokens += 1;
            if word.eq_ignore_ascii_case("via") {
                separators += 1;
                if separators <= MAX_HOPS {
                    hops.push(Self::hop_from_words(&current, hops.len() + 1)?);
                }
                current.clear();
            } else if separators < MAX_HOPS {
                current.push(word);
            }
        }
        if tokens == 0 {
            return Err(Error::BadChain("the chain is empty".into()));
        }
        if separators >= MAX_HOPS {
            return Err(Error::BadChain(format!(
                "the chain has {} hops; at most {MAX_HOPS} are allowed",
                separators + 1
            )));
        }
        hops.push(Self::hop_from_words(&current, hops.len() + 1)?);
        Chain::new(hops)
    }

    fn hop_from_words(words: &[&str], position: usize) -> Result<HopSpec, Error> {
        let joined = words.join(" ");
        let (anonymous, name) = match joined.strip_prefix('~') {
            Some(rest) => (true, rest.trim()),
            None => (false, joined.as_str()),
        };
        if name.is_empty() {
            return Err(Error::BadChain(format!(
                "hop {position} is empty (write hops as \"Outlet via Agency via ~an official\")"
            )));
        }
        Ok(HopSpec {
            name: name.to_string(),
            anonymous,
        })
    }

    /// The hops, reader-facing outlet first.
    pub fn hops(&self) -> &[HopSpec] {
        &self.hops
    }

    /// Consume the chain into its hops.
    pub fn into_hops(self) -> Vec<HopSpec> {
        self.hops
    }
}

impl fmt::Display for Chain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, hop) in self.hops.iter().enumerate() {
            if i > 0 {
                f.write_str(" via ")?;
            }
            write!(f, "{hop}")?;
        }
        Ok(())
    }
}

/// A hop as the string form writes it: the name, after `~` when anonymous.
impl fmt::Display for HopSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.anonymous {
            f.write_str("~")?;
        }
        f.write_str(&self.name)
    }
}

/// Collapse white space runs to one space and trim.
pub fn collapse_ws(s: &str) -> String {
    // One allocation: extraction calls this for every name and claim it builds.
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The JSON forms of a chain: a string, or an array of names and hop objects.
#[derive(Deserialize, Serialize)]
#[serde(untagged)]
enum ChainRepr {
    Text(String),
    List(Vec<HopRepr>),
}

#[derive(Deserialize, Serialize)]
#[serde(untagged)]
enum HopRepr {
    Name(String),
    Object(HopObject),
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct HopObject {
    name: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    anonymous: bool,
}

impl<'de> Deserialize<'de> for Chain {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Chain, D::Error> {
        use serde::de::Error as _;
        let repr = ChainRepr::deserialize(d).map_err(|_| {
            D::Error::custom(
                "`chain` must be a string (\"A via B\") or an array of names and {\"name\", \"anonymous\"} objects",
            )
        })?;
        let chain = match repr {
            ChainRepr::Text(s) => Chain::parse(&s),
            ChainRepr::List(items) => {
                if items.len() > MAX_HOPS {
                    return Err(D::Error::custom(format!(
                        "the chain has {} hops; at most {MAX_HOPS} are allowed",
                        items.len()
                    )));
                }
                let hops = items
                    .into_iter()
                    .map(|item| match item {
                        HopRepr::Name(n) => match n.trim_start().strip_prefix('~') {
                            Some(rest) => HopSpec::anonymous(rest),
                            None => HopSpec::named(&n),
                        },
                        HopRepr::Object(o) => HopSpec {
                            name: collapse_ws(&o.name),
                            anonymous: o.anonymous,
                        },
                    })
                    .collect();
                Chain::new(hops)
            }
        };
        chain.map_err(|e| D::Error::custom(e.to_string()))
    }
}

impl Serialize for Chain {
    /// Chains serialize to the array form, which survives any hop name.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let items: Vec<HopRepr> = self
            .hops
            .iter()
            .map(|h| {
                if h.anonymous || h.name.starts_with('~') {
                    HopRepr::Object(HopObject {
                        name: h.name.clone(),
                        anonymous: h.anonymous,
                    })
                } else {
                    HopRepr::Name(h.name.clone())
                }
            })
            .collect();
        ChainRepr::List(items).serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(c: &Chain) -> Vec<(String, bool)> {
        c.hops()
            .iter()
            .map(|h| (h.name.clone(), h.anonymous))
            .collect()
    }

    #[test]
    fn parse_table() {
        let c = Chain::parse("Blog via Arutz Sheva VIA AP via Osama al-Khatib").unwrap();
        assert_eq!(
            names(&c),
            vec![
                ("Blog".into(), false),
                ("Arutz Sheva".into(), false),
                ("AP".into(), false),
                ("Osama al-Khatib".into(), false)
            ]
        );
        let c = Chain::parse("  WaPo   via ~ a  Syrian official ").unwrap();
        assert_eq!(
            names(&c),
            vec![("WaPo".into(), false), ("a Syrian official".into(), true)]
        );
        // "via" inside a word is not a separator.
        let c = Chain::parse("Viacom via Trivia Weekly").unwrap();
        assert_eq!(c.hops().len(), 2);
        assert_eq!(c.hops()[0].name, "Viacom");
        assert_eq!(Chain::parse("Washington Post").unwrap().hops().len(), 1);
    }

    #[test]
    fn parse_errors() {
        for bad in [
            "",
            "   ",
            "via AP",
            "AP via",
            "A via via B",
            "~an official",
            "A via ~",
        ] {
            assert!(Chain::parse(bad).is_err(), "{bad:?} should fail");
        }
        let long = vec!["X"; MAX_HOPS + 1].join(" via ");
        assert!(Chain::parse(&long).is_err());
        let ok = vec!["X"; MAX_HOPS].join(" via ");
        assert_eq!(Chain::parse(&ok).unwrap().hops().len(), MAX_HOPS);
    }

    #[test]
    fn hostile_chains() {
        // The true number of hops, however many there are.
        for n in [65, 10_000] {
            let long = vec!["X"; n].join(" via ");
            let e = Chain::parse(&long).unwrap_err().to_string();
            assert!(e.contains(&format!("the chain has {n} hops")), "{e}");
        }
        let e = serde_json::from_str::<Chain>(&serde_json::to_string(&vec!["X"; 10_000]).unwrap())
            .unwrap_err()
            .to_string();
        assert!(e.contains("the chain has 10000 hops"), "{e}");
        // A byte order mark before the chain is ignored; inside a name it is refused.
        assert_eq!(
            Chain::parse("\u{FEFF}AP via Reuters").unwrap().to_string(),
            "AP via Reuters"
        );
        for (bad, code) in [
            ("AP via Reu\u{FEFF}ters", "U+FEFF"),
            ("AP via Re\u{200B}uters", "U+200B"),
            ("AP via evil\u{202E}moc.sretuer", "U+202E"),
            ("AP via Reuters\u{1b}[2J", "U+001B"),
            ("AP via X\0Y", "U+0000"),
        ] {
            let e = Chain::parse(bad).unwrap_err().to_string();
            assert!(e.contains(code) && e.contains("hop 2"), "{bad:?}: {e}");
        }
    }

    #[test]
    fn json_forms() {
        let c: Chain = serde_json::from_str(
            r#"["Blog", "Arutz Sheva", {"name": "a Syrian military official", "anonymous": true}]"#,
        )
        .unwrap();
        assert_eq!(
            c.to_string(),
            "Blog via Arutz Sheva via ~a Syrian military official"
        );
        let back: Chain = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(back, c);
        let s: Chain = serde_json::from_str(r#""A via ~someone""#).unwrap();
        assert!(s.hops()[1].anonymous);
        assert!(serde_json::from_str::<Chain>(r#"[{"name":"A","anon":true}]"#).is_err());
        assert!(serde_json::from_str::<Chain>("[]").is_err());
        assert!(serde_json::from_str::<Chain>("42").is_err());
    }
}
