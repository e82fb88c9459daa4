//! The CSV importers of `sources import-ratings` and `sources import-affiliations`
//! (the planners in `corroborate::ratings`) on arbitrary files.
//!
//! Invariants: no panic; a plan that is accepted can be written: its patches apply in
//! order to the registry it was planned against (that is what the write path does with
//! its scratch registry), every rating is in [0, 1], every homepage is an http(s) URL
//! that reads back as itself, and the counters agree with the patches.
#![no_main]

use corroborate::ratings::{plan_affiliations, plan_ratings, AffiliationOptions, RatingOptions};
use corroborate::record::check_rating;
use corroborate::source::{parse_http_url, Registry, SourcePatch};
use libfuzzer_sys::fuzz_target;

/// A registry like a real one: a few outlets with homepages, an alias, a merge.
fn registry() -> Registry {
    let mut reg = Registry::new();
    let add = |reg: &mut Registry, name: &str, home: Option<&str>, aliases: &[&str]| {
        let patch = SourcePatch {
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            homepage: home.map(|h| parse_http_url(h).unwrap()),
            rating: Some(0.5),
            ..Default::default()
        };
        reg.upsert(name, &patch).unwrap()
    };
    add(
        &mut reg,
        "CNN",
        Some("https://www.cnn.com/"),
        &["Cable News Network"],
    );
    add(&mut reg, "Xinhua", Some("http://www.xinhuanet.com"), &[]);
    add(&mut reg, "RT", Some("https://rt.com"), &["Russia Today"]);
    let a = add(
        &mut reg,
        "AP",
        Some("https://apnews.com"),
        &["Associated Press"],
    );
    let b = add(&mut reg, "The AP", None, &[]);
    reg.merge(a, b).unwrap();
    reg.resolve_or_create("bbc.co.uk");
    reg
}

fn check_patches(reg: &Registry, patches: &[(u64, String, SourcePatch)]) {
    let mut scratch = reg.clone();
    for (line, name, patch) in patches {
        if let Some(r) = patch.rating {
            check_rating(r).unwrap_or_else(|e| panic!("line {line}: {e}"));
        }
        if let Some(u) = &patch.homepage {
            let back = parse_http_url(u.as_str())
                .unwrap_or_else(|e| panic!("line {line}: homepage {u} does not read back: {e}"));
            assert_eq!(&back, u);
        }
        scratch
            .upsert(name, patch)
            .unwrap_or_else(|e| panic!("line {line}: planned patch for {name:?} fails: {e}"));
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, csv)) = data.split_first() else {
        return;
    };
    let reg = registry();
    if mode & 1 == 0 {
        let opts = RatingOptions {
            domain_column: "domain".into(),
            rating_column: "rating".into(),
            scale: if mode & 2 == 0 {
                (0.0, 100.0)
            } else {
                (-1.0, 1.0)
            },
            override_existing: mode & 4 != 0,
        };
        if let Ok(plan) = plan_ratings(csv, &reg, &opts) {
            assert_eq!(plan.created + plan.updated, plan.patches.len() as u64);
            // Every non-blank row is counted exactly once.
            assert_eq!(
                plan.created
                    + plan.updated
                    + plan.unchanged
                    + plan.kept
                    + plan.folded
                    + plan.skipped.len() as u64,
                plan.rows
            );
            check_patches(&reg, &plan.patches);
        }
    } else {
        let opts = AffiliationOptions {
            name_column: "name".into(),
            homepage_column: (mode & 2 != 0).then(|| "url".into()),
            affiliation_columns: if mode & 4 != 0 {
                vec!["owner".into()]
            } else {
                vec![]
            },
            alias_columns: if mode & 16 != 0 {
                vec!["alias".into()]
            } else {
                vec![]
            },
            templates: if mode & 8 != 0 {
                vec!["{country} state media".into(), "{type|typology}".into()]
            } else {
                vec!["{{{owner}}}".into()]
            },
        };
        if let Ok(plan) = plan_affiliations(csv, &reg, &opts) {
            check_patches(&reg, &plan.patches);
        }
    }
});
