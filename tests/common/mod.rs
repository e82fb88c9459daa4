//! Helpers shared by the integration tests: a fresh database per test, the real
//! binary, and JSON Schema validation against `schemas/`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// A temporary database directory that disappears with the test.
pub struct TestDb {
    pub dir: tempfile::TempDir,
}

impl TestDb {
    pub fn new() -> TestDb {
        TestDb {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The database path passed with --db.
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("db")
    }

    /// The binary with --db set (and NO_COLOR, so output is plain).
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("corroborate").expect("binary");
        c.arg("--db").arg(self.path()).env("NO_COLOR", "1");
        c.env_remove("CORROBORATE_DB");
        c
    }

    /// Run with args, assert success, return stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("run");
        assert!(
            out.status.success(),
            "{args:?} failed: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// Run with args and stdin, assert success, return stdout.
    pub fn ok_stdin(&self, args: &[&str], stdin: &str) -> String {
        let out = self
            .cmd()
            .args(args)
            .write_stdin(stdin)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// Run, expect exit code `code`, return stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.cmd().args(args).output().expect("run");
        assert_eq!(
            out.status.code(),
            Some(code),
            "{args:?}: stdout {} stderr {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stderr).expect("utf-8 stderr")
    }

    /// Import JSONL text through stdin.
    pub fn import(&self, jsonl: &str) -> String {
        self.ok_stdin(&["import", "-"], jsonl)
    }

    /// `claims --format json` parsed.
    pub fn claims(&self, extra: &[&str]) -> Vec<Value> {
        let mut args = vec!["claims", "--format", "json"];
        args.extend_from_slice(extra);
        let v: Value = serde_json::from_str(&self.ok(&args)).expect("json");
        v.as_array().expect("array").clone()
    }
}

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Validate `instance` against `schemas/<name>`, panicking with every error.
pub fn assert_schema(name: &str, instance: &Value) {
    let text = std::fs::read_to_string(root().join("schemas").join(name)).expect("schema file");
    let schema: Value = serde_json::from_str(&text).expect("schema json");
    let v = jsonschema::validator_for(&schema).expect("valid schema");
    let errors: Vec<String> = v.iter_errors(instance).map(|e| e.to_string()).collect();
    assert!(
        errors.is_empty(),
        "{name}: {errors:?}\ninstance: {instance}"
    );
}

/// A report line.
pub fn report(claim: &str, chain: &str) -> String {
    serde_json::json!({"type": "report", "claim": claim, "chain": chain}).to_string()
}

/// The shared data directory beside the repository, when present.
pub fn shared() -> Option<PathBuf> {
    let p = root().join("../shared");
    p.is_dir().then_some(p)
}
