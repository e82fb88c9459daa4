//! Smoke test for the benchmark tooling: the workload generator is deterministic and
//! every line it writes imports, and each measurement the store benchmark makes runs
//! once at 1k reports with both systems giving the same answers. Nothing here looks
//! at time; performance is measured by `cargo bench --bench store`, never asserted.

#[allow(dead_code)]
#[path = "../benches/support/gen_core.rs"]
mod gen_core;
#[allow(dead_code)]
#[path = "../benches/support/measure.rs"]
mod measure;

use std::io::Write;

use corroborate::view::ClaimSummary;

/// The summaries with the sightings that come from recording times (at or after
/// `since`, when the test started) blanked: the two stores record the same reports a
/// moment apart, so those differ by the clock; publication dates (all earlier in the
/// generated workload) are compared as they are.
fn clockless(mut rows: Vec<ClaimSummary>, since: i64) -> Vec<ClaimSummary> {
    let recorded =
        |d: &str| corroborate::date::sort_key(d).is_ok_and(|k| k >= since) && d.ends_with('Z');
    for r in &mut rows {
        for d in [&mut r.first_seen, &mut r.last_seen] {
            assert!(!d.is_empty(), "{}: no sighting", r.id);
            if recorded(d) {
                *d = "recorded".into();
            }
        }
    }
    rows
}

fn generate(reports: u64, seed: u64) -> (Vec<u8>, gen_core::GenStats) {
    let mut out = Vec::new();
    let stats = gen_core::generate(&gen_core::GenConfig { reports, seed }, &mut out)
        .expect("generate into memory");
    (out, stats)
}

#[test]
fn generator_is_deterministic_and_shaped() {
    let (a, stats) = generate(1_000, 7);
    let (b, _) = generate(1_000, 7);
    let (c, _) = generate(1_000, 8);
    assert_eq!(a, b, "same seed, same bytes");
    assert_ne!(a, c, "another seed, other bytes");
    assert_eq!(stats.reports, 1_000);
    assert_eq!(stats.bytes, a.len() as u64);

    let text = std::str::from_utf8(&a).expect("UTF-8 output");
    let mut seen_report = false;
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        match v["type"].as_str() {
            Some("source") => assert!(!seen_report, "sources come before reports"),
            Some("report") => {
                seen_report = true;
                let claim = v["claim"].as_str().expect("claim text");
                assert!(
                    (60..=300).contains(&claim.len()),
                    "claim length {}: {claim}",
                    claim.len()
                );
            }
            other => panic!("unexpected record type {other:?}"),
        }
    }
    assert!(stats.sources > 1_000, "a registry of thousands of sources");
    assert!(stats.claims > 100 && stats.claims < 1_000);
}

#[test]
fn workload_imports_and_measurements_run() {
    let started = corroborate::date::now_secs();
    let dir = tempfile::tempdir().expect("temporary directory");
    let input = dir.path().join("work.jsonl");
    let (bytes, stats) = generate(1_000, 3);
    std::fs::File::create(&input)
        .and_then(|mut f| f.write_all(&bytes))
        .expect("write the workload");

    // Every line imports, and the counts add up.
    let sled_dir = dir.path().join("db");
    let imp = measure::import_sled(&input, &sled_dir);
    assert_eq!(imp.reports_in, stats.reports);
    assert!(imp.claims > 0 && imp.claims <= stats.claims);
    assert!(imp.reports_stored > 900);

    let sqlite_dir = dir.path().join("sqlite");
    std::fs::create_dir_all(&sqlite_dir).expect("create the SQLite directory");
    let sq = measure::import_sqlite(&input, &sqlite_dir.join("bench.db"));
    assert_eq!(sq.reports_in, imp.reports_in);
    assert_eq!(sq.reports_stored, imp.reports_stored);
    assert_eq!(sq.claims, imp.claims);

    let db = measure::open_sled(&sled_dir);
    let conn = measure::open_sqlite(&sqlite_dir.join("bench.db"));
    let reg = measure::registry_sqlite(&conn);

    let full = measure::full_report_sled(&db);
    assert_eq!(full.len() as u64, imp.claims);
    assert_eq!(
        clockless(full.clone(), started),
        clockless(measure::full_report_sqlite(&conn, &reg), started)
    );

    let single = measure::single_source_sled(&db);
    assert!(single.iter().all(|s| s.independent_sources == 1));
    assert_eq!(
        clockless(single, started),
        clockless(measure::single_source_sqlite(&conn, &reg), started)
    );

    let ids = measure::sample_ids(&full, 20, 3);
    for id in &ids {
        assert_eq!(
            clockless(vec![measure::show_sled(&db, id).summary], started),
            clockless(vec![measure::show_sqlite(&conn, &reg, id).summary], started)
        );
    }
    let (p50, p99) = measure::latencies(|id| drop(measure::show_sled(&db, id)), &ids);
    assert!(p50 <= p99);

    assert!(measure::dir_bytes(&sled_dir).0 > 0);
    assert!(measure::dir_bytes(&sqlite_dir).0 > 0);
    assert!(measure::vm_hwm_kib().is_none_or(|k| k > 0));
}
