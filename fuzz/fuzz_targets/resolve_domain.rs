//! Domain and URL resolution in the source registry, driven by a small script.
//!
//! Each input line is one operation (`S name|alias,alias|homepage`, `M into|from`,
//! `C written` for a hop that creates its source, anything else a lookup). Invariants:
//! no panic; `domain_of` gives a host key (lowercase, no trailing dot) of a bare domain
//! or an http(s) URL; a name that created a source resolves to it afterwards; every
//! source's name and aliases resolve to its live source; and a registry rebuilt from
//! its sources (what the database does when it opens) resolves every written name
//! exactly as the registry that was built step by step.
#![no_main]

use corroborate::source::{domain_of, parse_http_url, Registry, Resolution, SourcePatch};
use libfuzzer_sys::fuzz_target;

fn check_domain(s: &str) {
    if let Some(h) = domain_of(s) {
        assert_eq!(h, h.to_ascii_lowercase(), "host key of {s:?} not lowercase");
        assert!(!h.ends_with('.'), "host key of {s:?} ends with a dot");
        assert!(!h.is_empty());
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut reg = Registry::new();
    let mut written: Vec<String> = Vec::new();
    for line in text.lines().take(64) {
        let (op, rest) = line.split_at(line.char_indices().nth(1).map_or(line.len(), |(i, _)| i));
        let rest = rest.trim_start();
        check_domain(rest);
        written.push(rest.to_string());
        match op {
            "S" => {
                let mut parts = rest.splitn(3, '|');
                let name = parts.next().unwrap_or_default();
                let aliases: Vec<String> = parts
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .filter(|a| !a.trim().is_empty())
                    .map(str::to_string)
                    .collect();
                let homepage = parts.next().and_then(|h| parse_http_url(h.trim()).ok());
                if name.trim().is_empty() {
                    continue;
                }
                written.push(name.to_string());
                written.extend(aliases.iter().cloned());
                if let Some(h) = &homepage {
                    written.push(h.to_string());
                    written.extend(h.host_str().map(str::to_string));
                }
                let patch = SourcePatch {
                    aliases,
                    homepage,
                    ..Default::default()
                };
                let moves_home = patch.homepage.is_some();
                if let Ok(id) = reg.upsert(name, &patch) {
                    // A name written as a URL may have found the source by its old
                    // homepage, which this patch replaces; otherwise it finds it still.
                    if !moves_home {
                        assert_eq!(reg.resolve(name), Resolution::Known(reg.canonical(id)));
                    }
                }
            }
            "M" => {
                let (a, b) = rest.split_once('|').unwrap_or((rest, ""));
                if let (Ok(a), Ok(b)) = (reg.find(a), reg.find(b)) {
                    if reg.merge(a, b).is_ok() {
                        assert_eq!(reg.canonical(b), reg.canonical(a));
                    }
                }
            }
            "C" => {
                if rest.trim().is_empty() {
                    continue;
                }
                let (id, _) = reg.resolve_or_create(rest);
                assert_eq!(reg.resolve(rest), Resolution::Known(id), "{rest:?}");
                assert!(reg.get(id).is_some_and(|s| s.merged_into.is_none()));
            }
            _ => {
                if let Resolution::Known(id) = reg.resolve(rest) {
                    assert!(reg.get(id).is_some_and(|s| s.merged_into.is_none()));
                }
            }
        }
    }
    for s in reg.all() {
        let live = reg.canonical(s.id);
        for n in std::iter::once(&s.name).chain(&s.aliases) {
            assert_eq!(
                reg.resolve(n),
                Resolution::Known(live),
                "{n:?} of {:?}",
                s.name
            );
        }
    }
    let rebuilt = Registry::from_sources(reg.all().to_vec()).expect("dense ids");
    for w in &written {
        assert_eq!(
            rebuilt.resolve(w),
            reg.resolve(w),
            "{w:?} resolves differently after the registry is reloaded"
        );
    }
});
