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

/// A Python interpreter that can `import module`: `$CORROBORATE_PYTHON` (set by
/// `.ci/run` to a venv with `prov`), else `python3`.
pub fn python_with(module: &str) -> Option<String> {
    let candidates = [
        std::env::var("CORROBORATE_PYTHON").ok(),
        Some("python3".into()),
    ];
    candidates.into_iter().flatten().find(|p| {
        std::process::Command::new(p)
            .args(["-c", &format!("import {module}")])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Run a Python script with `stdin` as its input; panic with its stderr on failure
/// (prefixed by `what`), return its stdout parsed as JSON.
pub fn run_python(py: &str, script: &str, stdin: &str, what: &str) -> Value {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = std::process::Command::new(py)
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start python");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write to python");
    let out = child.wait_with_output().expect("python output");
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("python printed JSON")
}

/// `sources import-affiliations` of a state-media matrix at `path` (the columns of the
/// one in `../shared/data`, which the test fixture copies in miniature).
pub fn import_affiliations_args(path: &str) -> [&str; 11] {
    [
        "sources",
        "import-affiliations",
        path,
        "--name-column",
        "Main assets",
        "--homepage-column",
        "URL",
        "--affiliation-column",
        "Media company",
        "--label-template",
        "{Typology|typology}:{Country}",
    ]
}
