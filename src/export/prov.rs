//! The W3C PROV-JSON export (<https://www.w3.org/submissions/prov-json/>).
//!
//! Mapping, for each selected claim:
//! - the claim is a `prov:Entity` `claim:<claim id>` (`prov:type` `crb:Claim`,
//!   `prov:label` its text);
//! - each hop of each report is the claim *as stated by that hop's source in that
//!   report*: an entity `stmt:<report id>-<hop index>` (`prov:type` `crb:Statement`),
//!   `specializationOf` the claim and `wasAttributedTo` the hop's agent; the
//!   reader-facing statement (hop 0) carries the report's `crb:url` and
//!   `crb:published`;
//! - along each chain, each statement `wasDerivedFrom` the next hop's statement with
//!   `prov:type` `prov:Quotation` (the outlet quotes its source);
//! - when the chain's last hop is an origin of the claim (per the independence engine:
//!   a named origin, or the anonymous origin "anonymous source of X" for a chain that
//!   ends in anonymous hops) and the chain has two hops or more, the reader-facing
//!   statement also `wasDerivedFrom` the last hop's statement with `prov:type`
//!   `prov:PrimarySource`;
//! - sources are agents `src:<hash>` (a stable hash of the canonical name, the same in
//!   every database), `prov:Person` for the kind `person`, `prov:Organization` for
//!   every other kind; an anonymous hop is an agent `anon:<hash>` (hash of the nearest
//!   named source before it and its description) without a PROV type and with
//!   `crb:anonymous` true.
//!
//! So a claim with reports of h₁…hₙ hops gives 1 + Σhᵢ entities and Σ(hᵢ − 1) quotation
//! derivations, plus one primary-source derivation per report that reaches an origin
//! in two hops or more. Relation identifiers are blank nodes (`_:q1`, `_:p1`, `_:a1`,
//! `_:s1`). The document is built in memory (sections must each be complete objects).

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::{json, Map, Value};

use crate::db::Database;
use crate::error::Result;
use crate::independence::Vertex;
use crate::report::Hop;
use crate::source::{name_key, Registry, SourceId, SourceKind};

use super::{json_error, short_hash, write_error, Selection, Summary};

/// Namespace of corroborate's own PROV terms.
pub const CRB_NAMESPACE: &str = "https://corroborate.invalid/ns/prov#";

fn qname(q: &str) -> Value {
    json!({"$": q, "type": "prov:QUALIFIED_NAME"})
}

/// The agent id of a named source.
fn source_agent(reg: &Registry, id: SourceId) -> String {
    let name = reg.display_name(reg.canonical(id));
    format!("src:{}", short_hash("source", &[&name_key(name)]))
}

#[derive(Default)]
struct Doc {
    entity: Map<String, Value>,
    agent: BTreeMap<String, Value>,
    derived: Map<String, Value>,
    attributed: Map<String, Value>,
    specialization: Map<String, Value>,
    quotations: usize,
    primaries: usize,
}

impl Doc {
    fn relation(map: &mut Map<String, Value>, prefix: &str, body: Value) {
        let key = format!("_:{prefix}{}", map.len() + 1);
        map.insert(key, body);
    }
}

/// Write the selection as one PROV-JSON document.
pub(super) fn write(db: &Database, sel: &Selection, out: &mut dyn Write) -> Result<Summary> {
    let reg = db.registry();
    let mut doc = Doc::default();
    let mut sum = Summary::default();
    sel.for_each(db, |c, a, _| {
        let claim_q = format!("claim:{}", c.id.to_hex());
        doc.entity.insert(
            claim_q.clone(),
            json!({"prov:type": qname("crb:Claim"), "prov:label": c.text}),
        );
        for r in &c.reports {
            let rid = r.id.to_hex();
            let stmt = |i: usize| format!("stmt:{rid}-{i}");
            let mut vouching: Option<SourceId> = None;
            for (i, h) in r.hops.iter().enumerate() {
                let (agent, who) = match h {
                    Hop::Named { source, .. } => {
                        let live = reg.canonical(*source);
                        vouching = Some(live);
                        let s = reg.get(live);
                        let kind = s.map(|s| s.kind).unwrap_or_default();
                        let id = source_agent(reg, live);
                        let name = reg.display_name(live).to_string();
                        let ptype = if kind == SourceKind::Person {
                            "prov:Person"
                        } else {
                            "prov:Organization"
                        };
                        let mut body = json!({
                            "prov:type": qname(ptype),
                            "prov:label": name,
                            "crb:kind": kind.as_str(),
                        });
                        if let Some(home) = s.and_then(|s| s.homepage.as_ref()) {
                            body["crb:homepage"] =
                                json!({"$": home.as_str(), "type": "xsd:anyURI"});
                        }
                        doc.agent.entry(id.clone()).or_insert(body);
                        (id, name)
                    }
                    Hop::Anonymous(d) => {
                        let of = vouching
                            .map(|v| reg.display_name(v).to_string())
                            .unwrap_or_default();
                        let id = format!(
                            "anon:{}",
                            short_hash("anonymous", &[&name_key(&of), &name_key(d)])
                        );
                        doc.agent.entry(id.clone()).or_insert(json!({
                            "prov:label": format!("{d} (anonymous source of {of})"),
                            "crb:anonymous": true,
                        }));
                        (id, format!("{d} (anonymous)"))
                    }
                };
                let mut body = json!({
                    "prov:type": qname("crb:Statement"),
                    "prov:label": format!("{who}, hop {} of report {}", i + 1, &rid[..12]),
                    "crb:report": rid,
                    "crb:hop": i,
                });
                if i == 0 {
                    if let Some(u) = &r.url {
                        body["crb:url"] = json!({"$": u, "type": "xsd:anyURI"});
                    }
                    if let Some(p) = &r.published {
                        body["crb:published"] = json!(p);
                    }
                }
                doc.entity.insert(stmt(i), body);
                Doc::relation(
                    &mut doc.specialization,
                    "s",
                    json!({"prov:specificEntity": stmt(i), "prov:generalEntity": claim_q}),
                );
                Doc::relation(
                    &mut doc.attributed,
                    "a",
                    json!({"prov:entity": stmt(i), "prov:agent": agent}),
                );
                if i + 1 < r.hops.len() {
                    Doc::relation(
                        &mut doc.derived,
                        "d",
                        json!({
                            "prov:generatedEntity": stmt(i),
                            "prov:usedEntity": stmt(i + 1),
                            "prov:type": qname("prov:Quotation"),
                        }),
                    );
                    doc.quotations += 1;
                }
            }
            let last = r.hops.len().saturating_sub(1);
            if last > 0 && ends_at_origin(&r.hops, reg, &a.origins) {
                Doc::relation(
                    &mut doc.derived,
                    "d",
                    json!({
                        "prov:generatedEntity": stmt(0),
                        "prov:usedEntity": stmt(last),
                        "prov:type": qname("prov:PrimarySource"),
                    }),
                );
                doc.primaries += 1;
            }
        }
        sum.claims += 1;
        Ok(())
    })?;
    sum.items = doc.entity.len();
    let document = json!({
        "prefix": {
            "crb": CRB_NAMESPACE,
            "claim": "urn:corroborate:claim:",
            "stmt": "urn:corroborate:statement:",
            "src": "urn:corroborate:source:",
            "anon": "urn:corroborate:anonymous:",
        },
        "entity": doc.entity,
        "agent": doc.agent,
        "wasDerivedFrom": doc.derived,
        "wasAttributedTo": doc.attributed,
        "specializationOf": doc.specialization,
    });
    let mut w = crate::output::Escaping::new(&mut *out, crate::output::Mode::Json);
    serde_json::to_writer_pretty(&mut w, &document).map_err(json_error)?;
    out.write_all(b"\n").map_err(write_error)?;
    Ok(sum)
}

/// The origin vertex a chain ends at, as the engine names it: the last named source,
/// or "anonymous source of" it when anonymous hops follow it.
pub(super) fn last_vertex(hops: &[Hop], reg: &Registry) -> Option<Vertex> {
    let mut last_named = None;
    let mut trailing_anonymous = false;
    for h in hops {
        match h {
            Hop::Named { source, .. } => {
                last_named = Some(reg.canonical(*source));
                trailing_anonymous = false;
            }
            Hop::Anonymous(_) => trailing_anonymous = true,
        }
    }
    last_named.map(|s| {
        if trailing_anonymous {
            Vertex::anonymous_of(s)
        } else {
            Vertex::named(s)
        }
    })
}

/// True when the chain's last hop is one of the claim's origins.
pub(super) fn ends_at_origin(hops: &[Hop], reg: &Registry, origins: &[Vertex]) -> bool {
    last_vertex(hops, reg).is_some_and(|v| origins.binary_search(&v).is_ok())
}
