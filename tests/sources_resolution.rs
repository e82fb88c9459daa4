//! How written names become sources (issue 14): the built-in outlet table, the
//! longest registered host, Public Suffix List folding, the README's affiliation
//! example on the real State Media Matrix, kinds as people write them, and how
//! unrated sources rank by support. Every test drives the real binary.

mod common;

use common::{report, TestDb};
use serde_json::Value;

/// `sources --format json`, names in id order.
fn source_names(db: &TestDb) -> Vec<String> {
    let v: Value = serde_json::from_str(&db.ok(&["sources", "--format", "json"])).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_string())
        .collect()
}

fn show_source(db: &TestDb, name: &str) -> Value {
    let v: Value =
        serde_json::from_str(&db.ok(&["source", "show", name, "--format", "json"])).unwrap();
    common::assert_schema("source-detail.schema.json", &v);
    v
}

/// The independent-source count of the claim with this text.
fn count(db: &TestDb, text: &str) -> u64 {
    db.claims(&[])
        .iter()
        .find(|c| c["text"] == text)
        .unwrap_or_else(|| panic!("no claim {text:?}"))["independent_sources"]
        .as_u64()
        .unwrap()
}

#[test]
fn a_domain_and_its_outlet_name_are_one_hop() {
    let db = TestDb::new();
    db.import(&report("Storm hits the coast.", "cnn.com via CNN"));
    // One source, created from the table; the chain cnn.com → CNN is a self-loop.
    assert_eq!(source_names(&db), ["CNN"]);
    let c = &db.claims(&[])[0];
    common::assert_schema("claim.schema.json", c);
    assert_eq!(c["independent_sources"], 1);
    assert_eq!(c["origin_names"], serde_json::json!(["CNN"]));
    assert_eq!(c["circular"], false);
    let cnn = show_source(&db, "CNN");
    assert_eq!(cnn["kind"], "broadcaster");
    assert_eq!(cnn["homepage"], "https://cnn.com/");
}

#[test]
fn every_name_of_cnn_rt_and_sputnik_is_one_source() {
    let db = TestDb::new();
    db.import(
        &[
            report("CNN said it.", "Blog via edition.cnn.com"),
            report("CNN said it.", "Site via CNN"),
            report("CNN said it.", "Paper via Cable News Network"),
            report("CNN said it.", "Zine via https://www.cnn.com/2017/03/01/x"),
            report("RT said it.", "Blog via RT"),
            report("RT said it.", "Site via Russia Today"),
            report("RT said it.", "Paper via RT International"),
            report("Sputnik said it.", "Blog via Sputnik"),
            report("Sputnik said it.", "Site via Sputnik International"),
        ]
        .join("\n"),
    );
    assert_eq!(count(&db, "CNN said it."), 1);
    assert_eq!(count(&db, "RT said it."), 1);
    assert_eq!(count(&db, "Sputnik said it."), 1);
    let names = source_names(&db);
    for n in ["CNN", "RT", "Sputnik"] {
        assert_eq!(names.iter().filter(|s| *s == n).count(), 1, "{names:?}");
    }
    // The names as written stay visible in `show`.
    let claims = db.claims(&[]);
    let cnn_claim = claims.iter().find(|c| c["text"] == "CNN said it.").unwrap();
    let id = cnn_claim["id"].as_str().unwrap().to_string();
    let text = db.ok(&["show", &id[..12], "--format", "table"]);
    assert!(
        text.contains("written \"Cable News Network\" = CNN"),
        "{text}"
    );
    // Store and ledger agree, and a rebuild gives the same answers.
    assert!(db.ok(&["verify"]).contains("ok"));
    let answers = db.ok(&["claims", "--format", "jsonl"]);
    db.ok(&["rebuild"]);
    assert_eq!(db.ok(&["claims", "--format", "jsonl"]), answers);
}

#[test]
fn the_longest_registered_host_wins_and_platform_blogs_stay_apart() {
    let db = TestDb::new();
    db.import(
        &[
            report("Portal.", "Blog via go.com"),
            report(
                "Portal.",
                "Site via https://abcnews.go.com/International/story",
            ),
            report("Portal.", "Paper via espn.go.com"),
            report("Blogs.", "Reader via alice.blogspot.com"),
            report(
                "Blogs.",
                "Reader via https://bob.blogspot.com/2017/03/post.html",
            ),
        ]
        .join("\n"),
    );
    // go.com (with espn.go.com under it) and ABC News: two sources.
    assert_eq!(count(&db, "Portal."), 2);
    assert_eq!(show_source(&db, "abcnews.go.com")["name"], "ABC News");
    assert_eq!(show_source(&db, "espn.go.com")["name"], "go.com");
    // blogspot.com is a public suffix: each blog is its own source.
    assert_eq!(count(&db, "Blogs."), 2);
    assert_eq!(
        show_source(&db, "https://alice.blogspot.com/x")["name"],
        "alice.blogspot.com"
    );
}

#[test]
fn rating_rows_fold_only_within_a_registrable_domain() {
    let db = TestDb::new();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ratings.csv");
    std::fs::write(
        &csv,
        "domain,score\nblogspot.com,0.2\nalice.blogspot.com,0.6\nbob.blogspot.com,0.7\ngo.com,0.3\nabcnews.go.com,0.8\ncnn.com,0.6\nedition.cnn.com,0.7\n",
    )
    .unwrap();
    let out = db.ok(&[
        "sources",
        "import-ratings",
        csv.to_str().unwrap(),
        "--domain-column",
        "domain",
        "--rating-column",
        "score",
        "--format",
        "json",
    ]);
    let sum: Value = serde_json::from_str(&out).unwrap();
    // Six sources; only edition.cnn.com folds (into CNN).
    assert_eq!(sum["created"], 6, "{sum}");
    assert_eq!(sum["folded"], 1, "{sum}");
    assert_eq!(show_source(&db, "bob.blogspot.com")["rating"], 0.7);
    assert_eq!(show_source(&db, "ABC News")["rating"], 0.8);
    assert_eq!(show_source(&db, "go.com")["rating"], 0.3);
    assert_eq!(show_source(&db, "edition.cnn.com")["rating"], 0.6);
}

/// Split a shell command line on white space, honouring single and double quotes and
/// backslash-newline continuations (enough for the README's examples).
fn shell_words(line: &str) -> Vec<String> {
    let line = line.replace("\\\n", " ");
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut in_word = false;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            (None, c) => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}

#[test]
fn the_readme_affiliation_example_keeps_public_broadcasters_apart() {
    let shared = common::root().join("../shared/data/state_media_matrix.csv");
    assert!(
        shared.is_file(),
        "{} is missing: this test needs the real State Media Matrix beside the repository",
        shared.display()
    );
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let line = readme
        .lines()
        .find(|l| l.starts_with("corroborate sources import-affiliations"))
        .expect("the README shows an import-affiliations example");
    let line = line.split(" #").next().unwrap();
    let mut args = shell_words(line);
    assert_eq!(args[0], "corroborate");
    args.remove(0);
    let file = args
        .iter()
        .position(|a| a == "state_media_matrix.csv")
        .expect("the example imports state_media_matrix.csv");
    args[file] = shared.display().to_string();
    let db = TestDb::new();
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = db.ok(&argv);
    assert!(out.starts_with("read 1156 rows"), "{out}");
    db.import(
        &[
            report("German claim.", "Blog via ARD"),
            report("German claim.", "Site via ZDF"),
            report("British claim.", "Blog via Channel 4"),
            report("British claim.", "Site via S4C"),
            report("Russian claim.", "A via RT International"),
            report("Russian claim.", "B via Sputnik"),
            report("Russian claim.", "C via TASS"),
            report("Russian claim.", "D via RT"),
            report("Russian claim.", "E via Russia Today"),
        ]
        .join("\n"),
    );
    // Independent public broadcasters of one country are not grouped.
    assert_eq!(count(&db, "German claim."), 2);
    assert_eq!(count(&db, "British claim."), 2);
    // Russia's state-controlled outlets are one group; RT's names are one source.
    assert_eq!(count(&db, "Russian claim."), 1);
    assert_eq!(show_source(&db, "Russia Today")["name"], "RT");
    // A company with one outlet became that outlet's alias, not a label.
    let zdf = show_source(&db, "Zweites Deutsches Fernsehen (ZDF)");
    assert_eq!(zdf["name"], "ZDF");
    assert_eq!(zdf["affiliations"], serde_json::json!([]));
    // Importing it again writes nothing.
    let again = db.ok(&argv);
    assert!(again.contains("0 sources created, 0 updated"), "{again}");
}

#[test]
fn kinds_are_read_as_people_write_them_and_printed_canonically() {
    let db = TestDb::new();
    db.ok(&["source", "set", "Desk Wire", "--kind", "Wire Agency"]);
    assert_eq!(show_source(&db, "Desk Wire")["kind"], "wire_agency");
    db.ok(&["source", "set", "Desk Wire", "--kind", "online-outlet"]);
    assert_eq!(show_source(&db, "Desk Wire")["kind"], "online_outlet");
    db.import(r#"{"type":"source","name":"Net Monitor","kind":"NGO"}"#);
    db.import(r#"{"type":"source","name":"Feed","kind":"social account"}"#);
    assert_eq!(show_source(&db, "Net Monitor")["kind"], "ngo");
    assert_eq!(show_source(&db, "Feed")["kind"], "social_account");
    let err = db.fails(&["source", "set", "X", "--kind", "blog"], 2);
    assert!(err.contains("unknown source kind \"blog\""), "{err}");
    let err = db.ok_stdin_fails(r#"{"type":"source","name":"Y","kind":"blog"}"#);
    assert!(err.contains("line 1"), "{err}");
    // The backup writes the canonical form.
    let backup = db.ok(&["export", "--format", "jsonl"]);
    assert!(backup.contains(r#""kind":"social_account""#), "{backup}");
}

trait FailsStdin {
    fn ok_stdin_fails(&self, stdin: &str) -> String;
}

impl FailsStdin for TestDb {
    /// `import -` with this input must exit 2; returns stderr.
    fn ok_stdin_fails(&self, stdin: &str) -> String {
        let out = self
            .cmd()
            .args(["import", "-"])
            .write_stdin(stdin)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8(out.stderr).unwrap()
    }
}

#[test]
fn an_unrated_origin_ranks_below_a_low_rated_one() {
    let db = TestDb::new();
    db.ok(&["source", "set", "Low Gazette", "--rating", "0.2"]);
    db.ok(&["source", "set", "Fair Courier", "--rating", "0.5"]);
    db.import(
        &[
            report("Unrated.", "Blog via Nobody Knows"),
            report("Low.", "Blog via Low Gazette"),
            report("Fair.", "Blog via Fair Courier"),
        ]
        .join("\n"),
    );
    let sorted = db.claims(&["--sort", "support"]);
    let texts: Vec<&str> = sorted.iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["Fair.", "Low.", "Unrated."]);
    for c in &sorted {
        common::assert_schema("claim.schema.json", c);
        let (lo, s, hi) = (
            c["support_low"].as_f64().unwrap(),
            c["support"].as_f64().unwrap(),
            c["support_high"].as_f64().unwrap(),
        );
        assert!(lo <= s && s <= hi, "{c}");
    }
    // Unrated: the uniform prior, 0.5 in [0.05, 0.95]; rated 0.2: Beta(3, 9).
    let unrated = &sorted[2];
    assert_eq!(unrated["support"], 0.5);
    assert!((unrated["support_low"].as_f64().unwrap() - 0.05).abs() < 1e-9);
    assert!((unrated["support_high"].as_f64().unwrap() - 0.95).abs() < 1e-9);
    let low = &sorted[1];
    assert!((low["support"].as_f64().unwrap() - 0.25).abs() < 1e-12);
    assert!((low["support_low"].as_f64().unwrap() - 0.0788).abs() < 1e-4);
}

#[test]
fn the_builtin_table_is_listed_and_a_users_table_extends_it() {
    let db = TestDb::new();
    let csv = db.ok(&["sources", "builtin", "--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("name,hosts,aliases,kind"));
    assert!(csv.contains("CNN,cnn.com,Cable News Network|CNN International,broadcaster"));
    assert!(lines.count() >= 200);
    // Wire agencies come first.
    let rows: Value =
        serde_json::from_str(&db.ok(&["sources", "builtin", "--format", "json"])).unwrap();
    assert_eq!(rows[0]["kind"], "wire_agency");
    assert_eq!(rows[0]["name"], "Associated Press");
    // Listing needs no database writes.
    assert!(source_names(&db).is_empty());

    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("mine.tsv");
    std::fs::write(
        &table,
        "# our own outlets\nValley Herald\tvalleyherald.example|vh.example\tVH|The Herald of the Valley\tnewspaper\nCNN\tcnn.com\tCNN Worldwide\tBroadcaster\n",
    )
    .unwrap();
    let out = db.ok(&["sources", "import-outlets", table.to_str().unwrap()]);
    assert!(
        out.starts_with("read 2 outlets: 2 sources created"),
        "{out}"
    );
    db.import(
        &[
            report("Valley.", "Blog via VH"),
            report("Valley.", "Site via https://www.vh.example/a"),
            report("Valley.", "Paper via The Herald of the Valley"),
            report("Valley.", "Zine via CNN Worldwide"),
            report("Valley.", "Zine via Cable News Network"),
        ]
        .join("\n"),
    );
    assert_eq!(count(&db, "Valley."), 2);
    // Again: nothing to do.
    let out = db.ok(&["sources", "import-outlets", table.to_str().unwrap()]);
    assert!(
        out.contains("0 sources created, 0 extended, 2 unchanged"),
        "{out}"
    );
    // A bad line stops the import with its number, and writes nothing.
    std::fs::write(
        &table,
        "A\ta.example\t\tnewspaper\nB\tb.example\tVH\tmagazine\n",
    )
    .unwrap();
    let err = db.fails(&["sources", "import-outlets", table.to_str().unwrap()], 2);
    assert!(
        err.contains("line 2: unknown source kind \"magazine\""),
        "{err}"
    );
    let err = db.fails(&["source", "show", "A"], 2);
    assert!(err.contains("no source is known as \"A\""), "{err}");
}
