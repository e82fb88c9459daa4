//! `export --format parquet`: the four tables, their schema version, and the columnar
//! engine (`columnar::Engine`, what the Spark wheel runs) giving exactly the lines of
//! `claims --format jsonl` for every claim, on a generated workload with aliases,
//! affiliations, anonymous hops and cycles, plus a merge and verdicts (track records).

mod common;
#[allow(dead_code)]
#[path = "../benches/support/gen_core.rs"]
mod gen_core;

use std::fs::File;
use std::path::Path;

use arrow_array::{Array, Int64Array, RecordBatch, StringArray};
use common::TestDb;
use corroborate::columnar;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

fn read(path: &Path) -> (Vec<RecordBatch>, Vec<(String, String)>) {
    let b = ParquetRecordBatchReaderBuilder::try_new(File::open(path).expect("open parquet"))
        .expect("a Parquet file");
    let meta: Vec<(String, String)> = b
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .map(|kv| {
            kv.iter()
                .map(|k| (k.key.clone(), k.value.clone().unwrap_or_default()))
                .collect()
        })
        .unwrap_or_default();
    let batches = b
        .build()
        .expect("reader")
        .collect::<Result<Vec<_>, _>>()
        .expect("batches");
    (batches, meta)
}

fn rows(batches: &[RecordBatch]) -> usize {
    batches.iter().map(RecordBatch::num_rows).sum()
}

/// A database with the generated workload, one merge and verdicts on three claims.
fn workload() -> (TestDb, u64) {
    let db = TestDb::new();
    let mut jsonl = Vec::new();
    let stats = gen_core::generate(
        &gen_core::GenConfig {
            reports: 3_000,
            seed: 11,
        },
        &mut jsonl,
    )
    .expect("generate");
    let input = db.dir.path().join("work.jsonl");
    std::fs::write(&input, &jsonl).expect("write workload");
    db.ok(&["import", input.to_str().unwrap()]);
    // Verdicts on the first three claims, so track records move some support values.
    let claims = db.claims(&["--sort", "reports"]);
    let mut verdicts = String::new();
    for (c, v) in claims.iter().take(3).zip(["true", "false", "mixed"]) {
        verdicts.push_str(
            &serde_json::json!({"type": "verdict", "claim": c["text"], "verdict": v, "by": "Desk"})
                .to_string(),
        );
        verdicts.push('\n');
    }
    db.import(&verdicts);
    // A merge: two wire agencies of the generated registry become one source.
    db.ok(&[
        "source",
        "merge",
        "Reuters",
        "Agence France-Presse",
        "--yes",
    ]);
    (db, stats.reports)
}

#[test]
fn the_columnar_engine_answers_exactly_like_claims() {
    let (db, reports) = workload();
    let out = db.dir.path().join("export");
    let said = db.ok(&["export", "--format", "parquet", "-o", out.to_str().unwrap()]);
    assert!(said.contains("as Parquet (schema version 1"), "{said}");

    let (report_batches, meta) = read(&out.join("reports.parquet"));
    assert!(
        meta.contains(&(columnar::VERSION_KEY.into(), "1".into())),
        "{meta:?}"
    );
    assert!(
        meta.contains(&(columnar::TABLE_KEY.into(), "reports".into())),
        "{meta:?}"
    );
    assert_eq!(rows(&report_batches) as u64, reports, "one row per report");
    let (source_batches, _) = read(&out.join("sources.parquet"));
    let (verdict_batches, _) = read(&out.join("verdicts.parquet"));
    assert_eq!(rows(&verdict_batches), 3);
    let (link_batches, meta) = read(&out.join("links.parquet"));
    assert_eq!(rows(&link_batches), 0, "no link records exist yet");
    assert!(meta.contains(&(columnar::TABLE_KEY.into(), "links".into())));

    // No claim is linked in this workload: every claim is its own group.
    for b in &report_batches {
        let id = b.column_by_name("claim_id").unwrap();
        let group = b.column_by_name("claim_group").unwrap();
        assert_eq!(id.to_data(), group.to_data());
    }
    // The merge is in the registry: one source points to another.
    let merged = source_batches[0]
        .column_by_name("merged_into")
        .unwrap()
        .as_any()
        .downcast_ref::<Int64Array>()
        .unwrap()
        .clone();
    assert_eq!(merged.len() - merged.null_count(), 1, "one merged source");

    // Shuffle the reports of each group (Spark's collect_list keeps no order): the
    // engine must put them back in recorded order itself.
    let reversed: Vec<RecordBatch> = report_batches
        .iter()
        .rev()
        .flat_map(|b| (0..b.num_rows()).rev().map(move |i| b.slice(i, 1)))
        .collect();
    let engine = columnar::Engine::from_sources(&source_batches).expect("registry");
    let input = columnar::group_reports(&reversed).expect("grouped");
    let results = engine.results(&input).expect("engine");
    let json = results
        .column_by_name("json")
        .unwrap()
        .as_any()
        .downcast_ref::<StringArray>()
        .unwrap();
    let mut engine_lines: Vec<String> = json.iter().map(|l| l.unwrap().to_string()).collect();
    engine_lines.sort();

    let cli = db.ok(&["claims", "--format", "jsonl"]);
    let mut cli_lines: Vec<String> = cli.lines().map(str::to_string).collect();
    cli_lines.sort();
    assert_eq!(engine_lines.len(), cli_lines.len(), "one line per claim");
    for (a, b) in engine_lines.iter().zip(&cli_lines) {
        assert_eq!(a, b);
    }
    // The workload has what the engine must get right.
    let all = db.claims(&[]);
    assert!(all.iter().any(|c| c["circular"] == true));
    assert!(all.iter().any(|c| c["anonymous_only"] == true));
    assert!(all.iter().any(|c| c["support"] != c["support_low"]));
}

#[test]
fn parquet_needs_a_new_directory_and_the_whole_database() {
    let db = TestDb::new();
    db.import(&common::report("The dam holds.", "Daily via AP"));
    let err = db.fails(&["export", "--format", "parquet"], 2);
    assert!(err.contains("-o DIR"), "{err}");
    let existing = db.dir.path().join("there");
    std::fs::create_dir(&existing).unwrap();
    let err = db.fails(
        &[
            "export",
            "--format",
            "parquet",
            "-o",
            existing.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("already exists"), "{err}");
    let out = db.dir.path().join("some");
    let err = db.fails(
        &[
            "export",
            "--format",
            "parquet",
            "--single-source",
            "-o",
            out.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("whole database"), "{err}");
    assert!(!out.exists(), "nothing is left behind");
    let leftovers: Vec<_> = std::fs::read_dir(db.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
