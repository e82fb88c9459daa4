//! The module rules of docs/ARCHITECTURE.md, checked on the source text:
//!
//! - the library's modules depend on each other without circles (each may name only
//!   modules below it), so any one of them can be read, tested and changed with only
//!   what it stands on in mind;
//! - sled is named only inside `store` (the rest of the library, its errors included,
//!   never shows the engine's types);
//! - the front-ends sit on top: no library module names `server`, and none names clap,
//!   axum or tokio except `server` itself, and none (nor lib.rs) depends on the `cli`
//!   feature;
//! - the only `unsafe` is the processor-feature dispatch in `matching`.
//!
//! A module's dependencies are the `crate::NAME` paths in its non-comment code, unit
//! tests left out (a test module may use anything).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The library's top-level modules, from `src/lib.rs`.
fn modules() -> Vec<String> {
    let lib = std::fs::read_to_string(src().join("lib.rs")).expect("src/lib.rs");
    let mods: Vec<String> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').to_string())
        .collect();
    assert!(
        mods.len() >= 20,
        "found only {mods:?} in src/lib.rs: the check would mean nothing"
    );
    mods
}

fn files_of(module: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let file = src().join(format!("{module}.rs"));
    if file.is_file() {
        out.push(file);
    }
    let dir = src().join(module);
    if dir.is_dir() {
        let mut stack = vec![dir];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push(p);
                }
            }
        }
    }
    assert!(!out.is_empty(), "no source file for module {module}");
    out.sort();
    out
}

/// The code of a file without comments, string literals' line comments aside, and
/// without its unit-test module (by convention the file's last item).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => &text[..],
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .map(|l| match l.find(" // ") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn ident_at(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The top-level modules a piece of code names through `crate::`.
fn named_modules(code: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                let name = ident_at(item.trim());
                if known.contains(name) {
                    out.insert(name.to_string());
                }
            }
        } else {
            let name = ident_at(rest);
            if known.contains(name) {
                out.insert(name.to_string());
            }
        }
    }
    out
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mods = modules();
    let known: BTreeSet<String> = mods.iter().cloned().collect();
    mods.iter()
        .map(|m| {
            let mut deps = BTreeSet::new();
            for f in files_of(m) {
                deps.extend(named_modules(&code(&f), &known));
            }
            deps.remove(m);
            (m.clone(), deps)
        })
        .collect()
}

/// A circle through `start`, if there is one: the modules along it.
fn circle_from(g: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((at, path)) = stack.pop() {
        for next in &g[&at] {
            if next == start {
                let mut p = path.clone();
                p.push(start.to_string());
                return Some(p);
            }
            if seen.insert(next.clone()) {
                let mut p = path.clone();
                p.push(next.clone());
                stack.push((next.clone(), p));
            }
        }
    }
    None
}

#[test]
fn library_modules_have_no_import_circles() {
    let g = graph();
    let circles: Vec<String> = g
        .keys()
        .filter_map(|m| circle_from(&g, m))
        .map(|c| c.join(" → "))
        .collect();
    assert!(
        circles.is_empty(),
        "modules that depend on each other in a circle (move what both need below \
         both):\n{}",
        circles.join("\n")
    );
    // The three circles docs/ARCHITECTURE.md names as cut, checked by name too.
    for (a, b) in [
        ("claim", "report"),
        ("independence", "source"),
        ("view", "output"),
    ] {
        assert!(!g[a].contains(b), "{a} names {b}, which depends on {a}");
    }
}

#[test]
fn only_store_names_sled() {
    let mut offenders = Vec::new();
    for m in modules() {
        for f in files_of(&m) {
            if f.starts_with(src().join("store")) {
                continue;
            }
            if code(&f).contains("sled::") {
                offenders.push(f.display().to_string());
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "sled named outside store: {offenders:?}"
    );
}

/// The one `unsafe` block is the processor-feature dispatch of the sign-code scan
/// (`matching::sign_distances`, docs/ARCHITECTURE.md); anything else is refused here.
#[test]
fn unsafe_only_in_the_sign_scan_dispatch() {
    let mut found = Vec::new();
    for m in modules() {
        for f in files_of(&m) {
            let n = code(&f).matches("unsafe").count();
            if n > 0 {
                found.push((f.strip_prefix(src()).unwrap().display().to_string(), n));
            }
        }
    }
    for f in ["lib.rs", "main.rs"] {
        assert!(
            !code(&src().join(f)).contains("unsafe"),
            "unsafe in src/{f}"
        );
    }
    assert_eq!(
        found,
        [("matching.rs".to_string(), 1)],
        "files with `unsafe`"
    );
}

#[test]
fn front_ends_sit_on_top() {
    assert!(
        !code(&src().join("lib.rs")).contains("feature = \"cli\""),
        "src/lib.rs depends on the `cli` feature"
    );
    for m in modules() {
        if m == "server" {
            continue;
        }
        for f in files_of(&m) {
            let code = code(&f);
            assert!(
                !code.contains("crate::server"),
                "{} uses the server, a front-end",
                f.display()
            );
            for framework in ["clap::", "axum::", "tokio::"] {
                assert!(
                    !code.contains(framework),
                    "{} names {framework} (front-end frameworks stay in main.rs, cli/ and server/)",
                    f.display()
                );
            }
            // .ci/run lints the model-less library only through the `cli` binary's
            // build, which is the same code only while no library module asks for
            // that feature.
            assert!(
                !code.contains("feature = \"cli\""),
                "{} depends on the `cli` feature (the library is the same with and without it)",
                f.display()
            );
        }
    }
}

/// Every named word list of the extractor lives in `extract::lexicon` (issue 12: one
/// typed lexicon), so a list is never kept twice or hidden in a rule. The evaluator's
/// name comparison (`extract::eval`) keeps its own list on purpose: it must not share
/// the extractor's words.
#[test]
fn extractor_word_lists_live_in_the_lexicon() {
    let mut offenders = Vec::new();
    for f in files_of("extract") {
        if f.ends_with("lexicon.rs") || f.ends_with("eval.rs") {
            continue;
        }
        // The file's own lines (not `code`, which drops comment lines), so that the
        // reported line numbers are the file's; any visibility counts.
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let t = line.trim_start();
            let item = t
                .strip_prefix("pub(crate) ")
                .or_else(|| t.strip_prefix("pub(super) "))
                .or_else(|| t.strip_prefix("pub "))
                .unwrap_or(t);
            if (item.starts_with("const ") || item.starts_with("static "))
                && item.contains(": &[&str]")
            {
                offenders.push(format!("{}:{}", f.display(), n + 1));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "word lists outside extract::lexicon: {offenders:?}"
    );
}
