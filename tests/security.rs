//! Hostile input through the real binary: one test per row of the table in
//! `docs/security.md` (same names, same order). Each test drives `corroborate` with a
//! fresh database and checks what it refuses, what it accepts, and that nothing hidden
//! reaches a terminal or a spreadsheet.

mod common;

use std::path::PathBuf;

use common::{report, TestDb};
use serde_json::{json, Value};

/// Run with args and optional stdin; (exit code, stdout, stderr).
fn run(db: &TestDb, args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut c = db.cmd();
    c.args(args);
    if let Some(s) = stdin {
        c.write_stdin(s);
    }
    let out = c.output().expect("run");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

/// Import JSONL through stdin, expect exit 2, return stderr.
fn import_fails(db: &TestDb, jsonl: &str) -> String {
    let (code, out, err) = run(db, &["import", "-"], Some(jsonl));
    assert_eq!(code, 2, "stdout {out} stderr {err}");
    err
}

/// Characters that must never reach a terminal: every control but the line feed,
/// bidirectional controls and invisible characters.
fn hidden_chars(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
        })
        .collect()
}

fn assert_terminal_safe(what: &str, s: &str) {
    let h = hidden_chars(s);
    assert!(h.is_empty(), "{what} shows {h:?} raw:\n{s}");
}

/// A file in the test's directory.
fn file(db: &TestDb, name: &str, content: &str) -> PathBuf {
    let p = db.dir.path().join(name);
    std::fs::write(&p, content).expect("write file");
    p
}

fn sources(db: &TestDb) -> Vec<Value> {
    let v: Value = serde_json::from_str(&db.ok(&["sources", "--format", "json"])).unwrap();
    v.as_array().unwrap().clone()
}

fn source_names(db: &TestDb) -> Vec<String> {
    sources(db)
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_string())
        .collect()
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

// ---- size limits -------------------------------------------------------------------

#[test]
fn line_over_one_mib_is_refused() {
    let db = TestDb::new();
    let line = report(&"a".repeat(1_100_000), "AP");
    let err = import_fails(&db, &line);
    assert!(
        err.contains("line 1:") && err.contains("1048576 bytes"),
        "{err}"
    );
    // The message gives the line's true length, counted without keeping it.
    assert!(
        err.contains(&format!("it is {} bytes long", line.len())),
        "{err}"
    );
}

#[test]
fn claim_over_64_kib_states_its_size() {
    let db = TestDb::new();
    let err = import_fails(&db, &report(&"a".repeat(70_000), "AP"));
    assert!(
        err.contains("the claim is 70000 bytes long; at most 65536"),
        "{err}"
    );
}

#[test]
fn chain_of_10000_hops_states_the_true_count() {
    let db = TestDb::new();
    let chain = vec!["X"; 10_000].join(" via ");
    let err = db.fails(&["add", "c", "--chain", &chain], 2);
    assert!(
        err.contains("the chain has 10000 hops; at most 64 are allowed"),
        "{err}"
    );
    let err = import_fails(&db, &report("c", &chain));
    assert!(err.contains("the chain has 10000 hops"), "{err}");
    // 65 is the first count refused, 64 still passes.
    let err = db.fails(&["add", "c", "--chain", &vec!["X"; 65].join(" via ")], 2);
    assert!(err.contains("the chain has 65 hops"), "{err}");
    db.ok(&["add", "c", "--chain", &vec!["X"; 64].join(" via ")]);
}

#[test]
fn chain_array_of_10000_hops_states_the_true_count() {
    let db = TestDb::new();
    let line = json!({"type": "report", "claim": "c", "chain": vec!["X"; 10_000]}).to_string();
    let err = import_fails(&db, &line);
    assert!(
        err.contains("the chain has 10000 hops; at most 64 are allowed"),
        "{err}"
    );
}

#[test]
fn hop_name_over_512_bytes_states_its_size() {
    let db = TestDb::new();
    let chain = format!("AP via {}", "n".repeat(600));
    let err = db.fails(&["add", "c", "--chain", &chain], 2);
    assert!(
        err.contains("hop 2 is 600 bytes long; at most 512"),
        "{err}"
    );
}

#[test]
fn url_over_4096_bytes_states_its_size() {
    let db = TestDb::new();
    let url = format!("https://example.org/{}", "p".repeat(5000));
    let err = db.fails(&["add", "c", "--chain", "AP", "--url", &url], 2);
    assert!(err.contains("it is 5020 bytes long; at most 4096"), "{err}");
}

#[test]
fn field_over_4096_bytes_states_its_size() {
    let db = TestDb::new();
    let line = json!({"type": "source", "name": "n".repeat(5000)}).to_string();
    let err = import_fails(&db, &line);
    assert!(
        err.contains("`name` is 5000 bytes long; at most 4096"),
        "{err}"
    );
}

#[test]
fn more_than_256_aliases_states_the_count() {
    let db = TestDb::new();
    let aliases: Vec<String> = (0..300).map(|i| format!("alias {i}")).collect();
    let line = json!({"type": "source", "name": "AP", "aliases": aliases}).to_string();
    let err = import_fails(&db, &line);
    assert!(
        err.contains("the source has 300 aliases and 0 affiliations; at most 256"),
        "{err}"
    );
}

// ---- control characters --------------------------------------------------------------

#[test]
fn nul_in_a_claim_is_stored_and_shown_escaped() {
    let db = TestDb::new();
    let text = "before\0after";
    db.import(&report(text, "AP"));
    // Stored as written (a backup must keep it), counted as one claim.
    assert_eq!(db.claims(&[])[0]["text"], text);
    let jsonl = db.ok(&["claims", "--format", "jsonl"]);
    assert!(jsonl.contains(r"before\u0000after"), "{jsonl}");
    let table = db.ok(&["claims", "--format", "table"]);
    assert!(table.contains(r"before\u{0}after"), "{table}");
    let csv = db.ok(&["export", "--format", "csv"]);
    assert!(csv.contains(r"before\u{0}after"), "{csv}");
    let dot = db.ok(&["export", "--format", "dot"]);
    assert!(dot.contains("before after"), "{dot}");
    for out in [jsonl, table, csv, dot] {
        assert_terminal_safe("the output", &out);
    }
}

#[test]
fn escape_sequences_in_a_claim_are_shown_escaped() {
    let db = TestDb::new();
    for (text, shown) in [
        ("red \u{1b}[31mALERT", r"red \u{1b}[31mALERT"),
        (
            "link \u{1b}]8;;https://evil.example\u{7}click\u{1b}]8;;\u{7}",
            r"link \u{1b}]8;;https://evil.example\u{7}click",
        ),
        ("bell\u{7}", r"bell\u{7}"),
        ("del\u{7f}", r"del\u{7f}"),
        ("csi \u{9b}2J", r"csi \u{9b}2J"),
    ] {
        let added = db.ok(&["add", text, "--chain", "AP"]);
        assert_terminal_safe("add", &added);
        let id = added.split_whitespace().next().unwrap().to_string();
        let show = db.ok(&["show", &id, "--format", "table"]);
        assert!(show.contains(shown), "{text:?}: {show}");
        assert_terminal_safe("show", &show);
    }
    for args in [
        vec!["claims", "--format", "table"],
        vec!["claims", "--format", "json"],
        vec!["claims", "--format", "csv"],
        vec!["export", "--format", "csv"],
        vec!["export", "--format", "jsonl"],
        vec!["log", "--format", "table"],
    ] {
        let out = db.ok(&args);
        assert_terminal_safe(&format!("{args:?}"), &out);
    }
    assert_eq!(db.claims(&[]).len(), 5);
}

#[test]
fn tab_and_line_breaks_in_a_claim_are_kept_and_shown_escaped() {
    let db = TestDb::new();
    let text = "first line\r\nsecond\tline";
    db.import(&report(text, "AP"));
    assert_eq!(db.claims(&[])[0]["text"], text);
    // Wide enough that the text is not wrapped inside the escape (the `seen` column
    // takes room in 120 columns).
    let out = db
        .cmd()
        .args(["claims", "--format", "table"])
        .env("COLUMNS", "160")
        .output()
        .unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.contains(r"first line\u{d}\u{a}second\u{9}line"),
        "{table}"
    );
    assert_terminal_safe("the table", &table);
}

#[test]
fn controls_in_source_names_are_refused() {
    let db = TestDb::new();
    for line in [
        json!({"type": "source", "name": "AP\u{1b}[2J"}),
        json!({"type": "source", "name": "AP", "aliases": ["A\0P"]}),
        json!({"type": "source", "name": "AP", "affiliations": ["owner\u{85}"]}),
        json!({"type": "verdict", "claim": "c", "verdict": "false", "by": "Desk\u{7}"}),
    ] {
        let err = import_fails(&db, &line.to_string());
        assert!(err.contains("U+00"), "{line}: {err}");
        assert!(err.contains("at character"), "{line}: {err}");
    }
}

#[test]
fn controls_in_hop_names_are_refused() {
    let db = TestDb::new();
    let err = db.fails(&["add", "c", "--chain", "AP via Reu\u{1b}[8mters"], 2);
    assert!(err.contains("hop 2 has U+001B"), "{err}");
    assert_terminal_safe("the error", &err);
    let line = json!({"type": "report", "claim": "c", "chain": ["AP", "X\u{0}Y"]}).to_string();
    let err = import_fails(&db, &line);
    assert!(err.contains("hop 2 has U+0000"), "{err}");
}

#[test]
fn tables_and_text_show_hidden_characters_escaped() {
    let db = TestDb::new();
    db.import(
        &[
            json!({"type": "source", "name": "Two\nLines", "aliases": ["twolines"]}).to_string(),
            report("The \u{202E}gpj.exe claim", "twolines via AP"),
        ]
        .join("\n"),
    );
    let id = db.claims(&[])[0]["id"].as_str().unwrap().to_string();
    for args in [
        vec!["claims", "--format", "table"],
        vec!["sources", "--format", "table"],
        vec!["show", &id, "--format", "table"],
        vec!["source", "show", "twolines", "--format", "table"],
        vec!["log", "--format", "table"],
    ] {
        let out = db.ok(&args);
        assert_terminal_safe(&format!("{args:?}"), &out);
    }
    assert!(db
        .ok(&["claims", "--format", "table"])
        .contains(r"The \u{202e}gpj.exe"));
    assert!(db
        .ok(&["show", &id, "--format", "table"])
        .contains(r"The \u{202e}gpj.exe"));
    assert!(db
        .ok(&["sources", "--format", "table"])
        .contains(r"Two\u{a}Lines"));
}

#[test]
fn error_messages_escape_what_they_echo() {
    let db = TestDb::new();
    let (code, _, err) = run(&db, &["import", "missing\u{1b}[31m.jsonl"], None);
    assert_eq!(code, 1);
    assert!(err.contains(r"missing\u{1b}[31m.jsonl"), "{err}");
    assert_terminal_safe("the error", &err);
    // serde quotes the unknown value it read.
    let err = import_fails(&db, r#"{"type":"\u001b]0;owned\u0007"}"#);
    assert_terminal_safe("the error", &err);
    assert!(err.contains("unknown variant"), "{err}");
    // clap quotes the argument it refused.
    let err = db.fails(&["claims", "--format", "\u{1b}[31mred"], 2);
    assert_terminal_safe("the usage error", &err);
    let err = db.fails(&["show", "\u{1b}[31m"], 2);
    assert_terminal_safe("the error", &err);
}

#[test]
fn json_output_escapes_hidden_characters_losslessly() {
    let db = TestDb::new();
    let text = "The \u{202E}gpj.exe claim\u{200B}\r\n";
    db.import(&report(text, "AP"));
    for args in [
        vec!["claims", "--format", "json"],
        vec!["claims", "--format", "jsonl"],
    ] {
        let out = db.ok(&args);
        assert_terminal_safe(&format!("{args:?}"), &out);
        assert!(out.contains(r"\u202e") && out.contains(r"\u200b"), "{out}");
    }
    assert_eq!(db.claims(&[])[0]["text"], text);
}

// ---- byte order marks and line ends -----------------------------------------------

#[test]
fn bom_before_jsonl_is_accepted() {
    let db = TestDb::new();
    let input = format!(
        "\u{FEFF}{}\n{}\n",
        report("One.", "AP"),
        report("Two.", "AP")
    );
    db.import(&input);
    assert_eq!(db.claims(&[]).len(), 2);
}

#[test]
fn bom_in_ratings_csv_is_stripped() {
    let db = TestDb::new();
    let f = file(&db, "r.csv", "\u{FEFF}domain,score\nbugle.example,0.8\n");
    let f = f.to_str().unwrap();
    db.ok(&[
        "sources",
        "import-ratings",
        f,
        "--domain-column",
        "domain",
        "--rating-column",
        "score",
    ]);
    let s = sources(&db);
    assert_eq!(s[0]["name"], "bugle.example");
    assert_eq!(s[0]["rating"], 0.8);
}

#[test]
fn bom_in_affiliations_csv_is_stripped() {
    let db = TestDb::new();
    let f = file(
        &db,
        "a.csv",
        "\u{FEFF}name,owner\r\nRT,state-controlled:Russia\r\n",
    );
    let f = f.to_str().unwrap();
    db.ok(&[
        "sources",
        "import-affiliations",
        f,
        "--name-column",
        "name",
        "--affiliation-column",
        "owner",
    ]);
    let s = sources(&db);
    assert_eq!(s[0]["name"], "RT");
    assert_eq!(s[0]["affiliations"], json!(["state-controlled:Russia"]));
}

const ARTICLE: &str = "The bridge was closed on Monday, a police spokesman said. Officials later reopened one lane, according to Reuters.";

#[test]
fn bom_before_extract_text_keeps_the_first_statement() {
    let db = TestDb::new();
    let plain = file(&db, "plain.txt", ARTICLE);
    let bom = file(&db, "bom.txt", &format!("\u{FEFF}{ARTICLE}"));
    let run_on = |p: &PathBuf| {
        db.ok(&[
            "extract",
            p.to_str().unwrap(),
            "--publisher",
            "Daily News",
            "--format",
            "jsonl",
        ])
    };
    let want = run_on(&plain);
    assert!(want.contains("The bridge was closed on Monday"), "{want}");
    assert_eq!(run_on(&bom), want);
}

#[test]
fn bom_before_extract_csv_header_is_stripped() {
    let db = TestDb::new();
    let csv = format!("\u{FEFF}text,publisher\r\n\"{ARTICLE}\",Daily News\r\n");
    let f = file(&db, "corpus.csv", &csv);
    let out = db.ok(&[
        "extract",
        "--csv",
        f.to_str().unwrap(),
        "--publisher-column",
        "publisher",
    ]);
    assert!(out.contains("The bridge was closed on Monday"), "{out}");
}

#[test]
fn bom_before_a_chain_is_ignored() {
    let db = TestDb::new();
    db.ok(&["add", "c", "--chain", "\u{FEFF}Bugle Desk via Wire Nine"]);
    assert_eq!(source_names(&db), ["Bugle Desk", "Wire Nine"]);
}

#[test]
fn crlf_jsonl_is_accepted() {
    let db = TestDb::new();
    let input = format!("{}\r\n{}\r\n", report("One.", "AP"), report("Two.", "AP"));
    db.import(&input);
    assert_eq!(db.claims(&[]).len(), 2);
}

#[test]
fn crlf_ratings_csv_is_accepted() {
    let db = TestDb::new();
    let f = file(
        &db,
        "r.csv",
        "domain,score\r\napnews.com,0.8\r\nreuters.com,0.9\r\n",
    );
    let f = f.to_str().unwrap();
    db.ok(&[
        "sources",
        "import-ratings",
        f,
        "--domain-column",
        "domain",
        "--rating-column",
        "score",
    ]);
    let ratings: Vec<f64> = sources(&db)
        .iter()
        .map(|s| s["rating"].as_f64().unwrap())
        .collect();
    assert_eq!(ratings, [0.8, 0.9]);
}

// ---- invisible and bidirectional characters in names ------------------------------

#[test]
fn zero_width_characters_in_names_are_refused() {
    let db = TestDb::new();
    for (line, code) in [
        (
            json!({"type": "source", "name": "ap\u{200B}news"}),
            "U+200B (an invisible character) at character 3",
        ),
        (
            json!({"type": "source", "name": "AP", "aliases": ["A\u{2060}P"]}),
            "U+2060",
        ),
        (
            json!({"type": "source", "name": "\u{FEFF}AP"}),
            "U+FEFF (a byte order mark) at character 1",
        ),
        (
            json!({"type": "source", "name": "ap\u{200D}news"}),
            "U+200D",
        ),
    ] {
        let err = import_fails(&db, &line.to_string());
        assert!(err.contains(code), "{line}: {err}");
    }
    let err = db.fails(&["add", "c", "--chain", "AP via Reu\u{200B}ters"], 2);
    assert!(err.contains("hop 2 has U+200B"), "{err}");
    assert!(source_names(&db).is_empty());
}

#[test]
fn bidi_overrides_in_names_are_refused() {
    let db = TestDb::new();
    let err = db.fails(
        &["add", "c", "--chain", "AP via evil\u{202E}moc.sretuer"],
        2,
    );
    assert!(
        err.contains("hop 2 has U+202E (a bidirectional control) at character 5"),
        "{err}"
    );
    assert_terminal_safe("the error", &err);
    for c in ['\u{202A}', '\u{202D}', '\u{2066}', '\u{2069}', '\u{200F}'] {
        let line = json!({"type": "source", "name": format!("News{c}Desk")}).to_string();
        let err = import_fails(&db, &line);
        assert!(err.contains(&format!("U+{:04X}", c as u32)), "{err}");
    }
    // Every other way to name a source goes through the same rule.
    db.ok(&["add", "c", "--chain", "Bugle Desk"]);
    for args in [
        vec!["source", "set", "Evil\u{202E}Desk"],
        vec!["source", "set", "Bugle Desk", "--alias", "A\u{202E}P"],
        vec!["source", "alias", "Bugle Desk", "A\u{2066}P"],
        vec!["source", "affiliate", "Bugle Desk", "owner\u{202E}"],
    ] {
        let err = db.fails(&args, 2);
        assert!(err.contains("(a bidirectional control)"), "{args:?}: {err}");
        assert_terminal_safe("the error", &err);
    }
    let f = file(&db, "a.csv", "name,owner\nNews\u{202E}Desk,x\n");
    let err = db.fails(
        &[
            "sources",
            "import-affiliations",
            f.to_str().unwrap(),
            "--name-column",
            "name",
            "--affiliation-column",
            "owner",
        ],
        2,
    );
    assert!(err.contains("line 2") && err.contains("U+202E"), "{err}");
    assert_eq!(source_names(&db), ["Bugle Desk"]);
}

#[test]
fn joiners_inside_persian_and_arabic_names_are_accepted() {
    let db = TestDb::new();
    // "Fars News" with a zero-width non-joiner between two Arabic-script letters.
    let name = "\u{62E}\u{628}\u{631}\u{200C}\u{641}\u{627}\u{631}\u{633}";
    db.ok(&["add", "c", "--chain", &format!("{name} via Wire Nine")]);
    assert_eq!(source_names(&db), [name, "Wire Nine"]);
}

// ---- internationalized and look-alike domains -----------------------------------

/// `apnews.com` with a Cyrillic а (U+0430) in the first place.
const FAKE_AP: &str = "\u{430}pnews.com";

#[test]
fn lookalike_domain_is_shown_in_punycode_with_a_warning() {
    let db = TestDb::new();
    let (code, _, err) = run(
        &db,
        &["add", "c", "--chain", &format!("{FAKE_AP} via AP")],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let names = source_names(&db);
    let shown = &names[0];
    assert!(
        shown.starts_with("xn--") && shown.ends_with(".com") && shown.is_ascii(),
        "{shown}"
    );
    assert!(
        err.contains("warning:") && err.contains(shown.as_str()),
        "{err}"
    );
    assert!(err.contains("only looks like apnews.com"), "{err}");
    let table = db.ok(&["sources", "--format", "table"]);
    assert!(
        table.contains(shown.as_str()) && !table.contains(FAKE_AP),
        "{table}"
    );
}

#[test]
fn lookalike_domain_is_never_merged_with_the_ascii_one() {
    let db = TestDb::new();
    db.ok(&["source", "set", "AP", "--homepage", "https://apnews.com"]);
    db.ok(&["add", "c", "--chain", "apnews.com"]);
    db.ok(&["add", "c", "--chain", FAKE_AP]);
    db.ok(&[
        "add",
        "c",
        "--chain",
        &format!("https://www.{FAKE_AP}/article"),
    ]);
    let claims = db.claims(&[]);
    assert_eq!(claims[0]["independent_sources"], 2, "{claims:?}");
    let names = source_names(&db);
    assert_eq!(names.len(), 2, "{names:?}");
    // The built-in outlet table names the real one.
    assert_eq!(names[0], "Associated Press");
    assert!(names[1].starts_with("xn--"), "{names:?}");
}

#[test]
fn bare_and_url_forms_of_one_idn_are_one_source() {
    let db = TestDb::new();
    db.ok(&["add", "c", "--chain", &format!("https://{FAKE_AP}/story")]);
    db.ok(&["add", "d", "--chain", FAKE_AP]);
    db.ok(&[
        "add",
        "e",
        "--chain",
        &format!("WWW.{}", FAKE_AP.to_uppercase()),
    ]);
    let s = sources(&db);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0]["claims"], 3);
}

#[test]
fn idn_homepage_is_stored_in_punycode() {
    let db = TestDb::new();
    let line =
        json!({"type": "source", "name": "Fake AP", "homepage": format!("https://{FAKE_AP}/")});
    db.import(&line.to_string());
    let home = sources(&db)[0]["homepage"].as_str().unwrap().to_string();
    assert!(
        home.starts_with("https://xn--") && home.is_ascii(),
        "{home}"
    );
    // Its hops resolve to it by host, in either form.
    db.ok(&["add", "c", "--chain", FAKE_AP]);
    assert_eq!(source_names(&db), ["Fake AP"]);
}

#[test]
fn mixed_script_lookalike_names_are_warned_about() {
    let db = TestDb::new();
    db.ok(&["add", "c", "--chain", "Reuters"]);
    // Reuters with a Cyrillic dze (U+0455) for the s.
    let (code, _, err) = run(&db, &["add", "c", "--chain", "Reuter\u{455}"], None);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning:") && err.contains(r#"different source from "reuters""#),
        "{err}"
    );
    assert_eq!(db.claims(&[])[0]["independent_sources"], 2);
    // A name written wholly in one script is not a look-alike.
    let (_, _, err) = run(
        &db,
        &[
            "add",
            "c",
            "--chain",
            "\u{420}\u{418}\u{410} \u{41D}\u{43E}\u{432}\u{43E}\u{441}\u{442}\u{438}",
        ],
        None,
    );
    assert!(!err.contains("warning"), "{err}");
}

// ---- URLs, dates, published lists --------------------------------------------------

#[test]
fn only_http_and_https_urls_are_accepted() {
    let db = TestDb::new();
    for url in [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org/x",
        "http://",
        "example.org/no-scheme",
    ] {
        let err = db.fails(&["add", "c", "--chain", "AP", "--url", url], 2);
        assert!(err.contains("not a usable URL"), "{url}: {err}");
        let line = json!({"type": "source", "name": "AP", "homepage": url}).to_string();
        import_fails(&db, &line);
    }
    db.ok(&[
        "add",
        "c",
        "--chain",
        "AP",
        "--url",
        "https://example.org/a",
    ]);
}

#[test]
fn dates_outside_1800_to_next_year_are_refused() {
    let db = TestDb::new();
    for date in ["9999-12-31", "1799-12-31", "0001-01-01T00:00:00Z"] {
        let err = db.fails(&["add", "c", "--chain", "AP", "--published", date], 2);
        assert!(
            err.contains("is not between 1800-01-01 and"),
            "{date}: {err}"
        );
        let line = json!({"type": "verdict", "claim": "c", "verdict": "false", "date": date});
        let err = import_fails(&db, &line.to_string());
        assert!(err.contains("check the year"), "{date}: {err}");
    }
    for date in ["1800-01-01", "2016-12-10T18:30:00Z"] {
        db.ok(&["add", "c", "--chain", "AP", "--published", date]);
    }
}

#[test]
fn malformed_dates_are_refused() {
    let db = TestDb::new();
    for date in [
        "yesterday",
        "2016-02-30",
        "2016-12-10T25:00",
        "+02016-12-10",
    ] {
        let err = db.fails(&["add", "c", "--chain", "AP", "--published", date], 2);
        assert!(err.contains("is not an ISO 8601 date"), "{date}: {err}");
    }
}

#[test]
fn conflicting_duplicate_rating_rows_are_reported() {
    let db = TestDb::new();
    let f = file(
        &db,
        "r.csv",
        "domain,score\nx.com,0.5\nwire.example,0.9\nwww.x.com,0.8\n",
    );
    let f = f.to_str().unwrap();
    let args = [
        "sources",
        "import-ratings",
        f,
        "--domain-column",
        "domain",
        "--rating-column",
        "score",
    ];
    let out = db.ok(&args);
    assert!(
        out.contains(
            "warning: x.com is rated twice: line 2 (0.500) is kept, line 4 (0.800) ignored"
        ),
        "{out}"
    );
    let rated: Vec<(String, f64)> = sources(&db)
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().into(),
                s["rating"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rated,
        [
            ("x.com".to_string(), 0.5),
            ("wire.example".to_string(), 0.9)
        ]
    );
    // The JSON summary lists the conflict too.
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let v: Value = serde_json::from_str(&db.ok(&json_args)).unwrap();
    assert_eq!(
        v["conflicts"],
        json!([{"domain": "x.com", "kept_line": 2, "kept": 0.5, "ignored_line": 4, "ignored": 0.8}])
    );
}

#[test]
fn identical_duplicate_rating_rows_are_fine() {
    let db = TestDb::new();
    let f = file(&db, "r.csv", "domain,score\nx.com,0.5\nwww.x.com,0.5\n");
    let out = db.ok(&[
        "sources",
        "import-ratings",
        f.to_str().unwrap(),
        "--domain-column",
        "domain",
        "--rating-column",
        "score",
    ]);
    assert!(!out.contains("warning"), "{out}");
    assert!(out.contains("1 folded"), "{out}");
}

// ---- CSV formula injection ----------------------------------------------------------

/// Claims and names a spreadsheet would run as formulas.
fn formula_db() -> TestDb {
    let db = TestDb::new();
    db.import(
        &[
            report(
                "=HYPERLINK(\"https://evil.example\",\"click\")",
                "Blog via @SUM(A1)",
            ),
            report("+1 more", "Blog via -2+3"),
            report("\tcmd", "Blog via Wire"),
            report("-5 degrees tonight", "Blog via Wire"),
        ]
        .join("\n"),
    );
    db
}

fn assert_no_formula(rows: &[Vec<String>]) {
    for row in rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell starts a formula: {cell:?}"
            );
        }
    }
}

#[test]
fn csv_export_defuses_formulas() {
    let db = formula_db();
    let rows = csv_rows(&db.ok(&["export", "--format", "csv"]));
    assert_eq!(rows.len(), 4);
    assert_no_formula(&rows);
    let texts: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert!(
        texts.contains(&"'=HYPERLINK(\"https://evil.example\",\"click\")"),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"'-5 degrees tonight") && texts.contains(&"'\tcmd"),
        "{texts:?}"
    );
    let origins: Vec<&str> = rows.iter().map(|r| r[4].as_str()).collect();
    assert!(
        origins.contains(&"'@SUM(A1)") && origins.contains(&"'-2+3"),
        "{origins:?}"
    );
}

#[test]
fn csv_listings_defuse_formulas() {
    let db = formula_db();
    db.ok(&["source", "set", "Wire", "--alias", "=cmd|' /C calc'!A0"]);
    let claims = csv_rows(&db.ok(&["claims", "--format", "csv"]));
    assert_eq!(claims.len(), 4);
    assert_no_formula(&claims);
    let srcs = csv_rows(&db.ok(&["sources", "--format", "csv"]));
    assert_no_formula(&srcs);
    assert!(
        srcs.iter().any(|r| r[1] == "'=cmd|' /C calc'!A0"),
        "{srcs:?}"
    );
    // Numbers the tool writes stay numbers.
    assert!(claims
        .iter()
        .all(|r| r[2].parse::<u64>().is_ok() && r[6].parse::<f64>().is_ok()));
}

#[test]
fn extract_csv_output_defuses_formulas() {
    let db = TestDb::new();
    let f = file(&db, "a.txt", ARTICLE);
    let out = db.ok(&[
        "extract",
        f.to_str().unwrap(),
        "--publisher",
        "=HYPERLINK(1)",
        "--format",
        "csv",
    ]);
    let rows = csv_rows(&out);
    assert!(!rows.is_empty(), "{out}");
    assert_no_formula(&rows);
    assert!(rows[0][0].starts_with("'=HYPERLINK(1) via"), "{rows:?}");
}

// ---- graph and JSON-LD escaping -----------------------------------------------------

#[test]
fn dot_labels_escape_quotes_backslashes_and_line_breaks() {
    let db = TestDb::new();
    db.import(&report(
        "Say \"hi\" \\N\r\nnext\tline }; digraph x {",
        "Evil \"Desk\" \\G via AP",
    ));
    let dot = db.ok(&["export", "--format", "dot"]);
    assert!(
        dot.contains(r#"Say \"hi\" \\N \nnext line }; digraph x {"#),
        "{dot}"
    );
    assert!(dot.contains(r#"label="Evil \"Desk\" \\G""#), "{dot}");
    assert_terminal_safe("the DOT", &dot);
    assert_eq!(dot.matches("digraph").count(), 2, "{dot}");
}

#[test]
fn claimreview_json_ld_cannot_close_its_script_element() {
    let db = TestDb::new();
    let text = "</script><script>alert(1)</script> & <!-- \u{2028}";
    db.import(&report(text, "AP"));
    let id = db.claims(&[])[0]["id"].as_str().unwrap().to_string();
    db.ok(&[
        "verdict",
        &id,
        "false",
        "--by",
        "Desk",
        "--url",
        "https://factcheck.example/1",
    ]);
    let out = db.ok(&["export", "--format", "claimreview"]);
    assert!(
        !out.contains('<') && !out.contains('>') && !out.contains('&'),
        "{out}"
    );
    assert!(
        out.contains(r"\u003c/script\u003e") && out.contains(r"\u2028"),
        "{out}"
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["claimReviewed"], text);
}

#[test]
fn jsonl_export_round_trips_hidden_characters() {
    let db = TestDb::new();
    let text = "The \u{202E}gpj.exe claim\u{85}\u{1b}[2J";
    db.import(&report(text, "AP"));
    let backup = db.ok(&["export", "--format", "jsonl"]);
    assert!(
        backup.contains(r"\u202egpj.exe claim\u0085\u001b[2J"),
        "{backup}"
    );
    assert_terminal_safe("the backup", &backup);
    let copy = TestDb::new();
    copy.import(&backup);
    assert_eq!(copy.claims(&[])[0]["text"], text);
    assert_eq!(copy.claims(&[])[0]["id"], db.claims(&[])[0]["id"]);
}

// ---- malformed input that was already refused ----------------------------------

#[test]
fn invalid_utf8_is_refused() {
    let db = TestDb::new();
    let out = db
        .cmd()
        .args(["import", "-"])
        .write_stdin(b"{\"type\":\"report\",\"claim\":\"\xff\xfe\",\"chain\":\"AP\"}\n".to_vec())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("line 1: the line is not valid UTF-8 (byte 27)"),
        "{err}"
    );
}

#[test]
fn deeply_nested_json_is_refused_without_crashing() {
    let db = TestDb::new();
    let line = format!(
        r#"{{"type":"report","claim":"c","chain":{}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let err = import_fails(&db, &line);
    assert!(err.contains("line 1:"), "{err}");
}

#[test]
fn unknown_fields_and_types_are_refused() {
    let db = TestDb::new();
    let err = import_fails(
        &db,
        r#"{"type":"report","claim":"c","chain":"AP","admin":true}"#,
    );
    assert!(err.contains("unknown field `admin`"), "{err}");
    let err = import_fails(&db, r#"{"type":"delete","claim":"c"}"#);
    assert!(err.contains("unknown variant"), "{err}");
}

#[test]
fn hostile_claim_ids_are_refused() {
    let db = TestDb::new();
    db.import(&report("c", "AP"));
    for id in ["../../etc/passwd", "abc", "", "ffff\u{1b}[2J"] {
        let err = db.fails(&["show", id], 2);
        assert_terminal_safe("the error", &err);
    }
}

#[test]
fn ratings_that_are_not_numbers_are_refused() {
    let db = TestDb::new();
    for r in ["NaN", "inf", "-0.1", "1.5"] {
        let err = db.fails(&["source", "set", "AP", &format!("--rating={r}")], 2);
        assert!(err.contains("outside [0, 1]"), "{r}: {err}");
    }
    let f = file(&db, "r.csv", "domain,score\nx.com,NaN\n");
    let err = db.fails(
        &[
            "sources",
            "import-ratings",
            f.to_str().unwrap(),
            "--domain-column",
            "domain",
            "--rating-column",
            "score",
        ],
        2,
    );
    assert!(err.contains("line 2:"), "{err}");
}

#[test]
fn empty_and_blank_names_are_refused() {
    let db = TestDb::new();
    let err = import_fails(&db, r#"{"type":"source","name":"   "}"#);
    assert!(err.contains("`name` is empty"), "{err}");
    let err = db.fails(&["add", "c", "--chain", "AP via  via X"], 2);
    assert!(err.contains("hop 2 is empty"), "{err}");
    let err = db.fails(&["add", "  . ", "--chain", "AP"], 2);
    assert!(err.contains("the claim is empty"), "{err}");
}
