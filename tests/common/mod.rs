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

/// The shared data directory: `$CORROBORATE_SHARED` when set, else `../shared` beside
/// the repository (where CI lays it). Panics, saying how to get it, when it is absent:
/// a test that needs the real data must fail without it, never pass untested.
pub fn shared() -> PathBuf {
    let p = match std::env::var_os("CORROBORATE_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => root().join("../shared"),
    };
    assert!(
        p.is_dir(),
        "the shared data directory {} is missing: this test reads the project's real data \
         from shared/ beside the repository (CI puts it there); put a copy of shared/ \
         beside the repository or point CORROBORATE_SHARED at one",
        p.display()
    );
    p
}

/// A file inside the shared data directory (`rel` like `data/domain_pc1.csv`). Panics,
/// saying what is missing, when it is absent.
pub fn shared_file(rel: &str) -> PathBuf {
    let p = shared().join(rel);
    assert!(
        p.is_file(),
        "the shared data file {} is missing: shared/ beside the repository is incomplete; \
         get a complete copy of shared/ (CI has one)",
        p.display()
    );
    p
}

/// A Python interpreter that can `import module`: `$CORROBORATE_PYTHON` when set (by
/// `.ci/run`, to a venv with `prov`), else `python3`. Panics, saying how to get one,
/// when neither can import the module: the test must fail, not pass untested.
pub fn python_with(module: &str) -> String {
    let configured = std::env::var("CORROBORATE_PYTHON").ok();
    let py = configured.clone().unwrap_or_else(|| "python3".into());
    let out = std::process::Command::new(&py)
        .args(["-c", &format!("import {module}")])
        .output();
    match out {
        Ok(o) if o.status.success() => py,
        Ok(o) => panic!(
            "{py} cannot import the Python module `{module}`: {}\nthis test needs it; \
             run `bash .ci/run` (it makes .ci/venv with prov==3.2.3) and set \
             CORROBORATE_PYTHON=$PWD/.ci/venv/bin/python, or install it into {py}",
            String::from_utf8_lossy(&o.stderr).trim()
        ),
        Err(e) => panic!(
            "cannot run the Python interpreter {py:?} ({e}){}: this test needs Python 3; \
             install python3 or set CORROBORATE_PYTHON to an interpreter (.ci/run sets it \
             to .ci/venv/bin/python)",
            if configured.is_some() {
                " named by CORROBORATE_PYTHON"
            } else {
                ""
            }
        ),
    }
}

/// Check that Graphviz's `dot` is installed (`dot -V` succeeds). Panics, saying how to
/// install it, when it is not: the Graphviz tests must fail, not pass untested.
pub fn require_dot() {
    match std::process::Command::new("dot").arg("-V").output() {
        Ok(o) if o.status.success() => {}
        Ok(o) => panic!(
            "`dot -V` failed ({}): {}; this test needs a working Graphviz \
             (apt install graphviz; .ci/run installs it)",
            o.status,
            String::from_utf8_lossy(&o.stderr).trim()
        ),
        Err(e) => panic!(
            "Graphviz's `dot` is not on PATH ({e}); this test needs it: \
             apt install graphviz (brew install graphviz on macOS); .ci/run installs it"
        ),
    }
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
