//! Streaming extraction over CSV input: column handling, publisher resolution,
//! skipping, progress and the shape of the emitted records. Fixtures are written for
//! the test.

use corroborate::extract::{extract_csv, CsvOptions, CsvSummary, MAX_ARTICLE_BYTES};
use corroborate::Error;

fn run(input: &str, opts: &CsvOptions) -> Result<(CsvSummary, Vec<serde_json::Value>, u64), Error> {
    let mut records = Vec::new();
    let mut last_progress = 0;
    let lookup = |url: &str| {
        if url.contains("harbor-times.example") {
            Some("Harbor Times".to_string())
        } else {
            None
        }
    };
    let s = extract_csv(
        input.as_bytes(),
        opts,
        &lookup,
        &mut |x, m| {
            records.push(x.to_record(m));
            Ok(())
        },
        &mut |b| last_progress = b,
    )?;
    Ok((s, records, last_progress))
}

fn url_opts() -> CsvOptions {
    CsvOptions {
        text_column: "text".into(),
        publisher_column: None,
        url_column: Some("link".into()),
        id_column: Some("id".into()),
        date_column: None,
    }
}

#[test]
fn publisher_from_lookup_or_host() {
    let input = "id,link,text\n\
        1,https://harbor-times.example/a,\"Dock worker Ana Ruiz said the cranes stopped at noon.\"\n\
        2,https://www.quay-news.example/b,\"Captain Li Wen told the AFP news agency that the port was closed.\"\n";
    let (s, recs, progress) = run(input, &url_opts()).unwrap();
    assert_eq!(s.articles, 2);
    assert_eq!(s.statements, 2);
    assert_eq!(s.skipped_rows, 0);
    assert_eq!(progress, input.len() as u64);
    assert_eq!(
        recs[0]["chain"],
        serde_json::json!(["Harbor Times", "Ana Ruiz"])
    );
    assert_eq!(
        recs[1]["chain"],
        serde_json::json!(["quay-news.example", "AFP", "Li Wen"])
    );
    assert_eq!(recs[1]["url"], "https://www.quay-news.example/b");
    for r in &recs {
        let mut keys: Vec<&String> = r.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(keys, vec!["chain", "claim", "type", "url"]);
        assert_eq!(r["type"], "report");
    }
}

#[test]
fn publisher_column_wins() {
    let opts = CsvOptions {
        text_column: "body".into(),
        publisher_column: Some("outlet".into()),
        url_column: None,
        id_column: None,
        date_column: None,
    };
    let input =
        "outlet,body\nDaily Bugle,\"Mayor Lena Varga said the bridge would reopen in May.\"\n";
    let (_, recs, _) = run(input, &opts).unwrap();
    assert_eq!(
        recs[0]["chain"],
        serde_json::json!(["Daily Bugle", "Lena Varga"])
    );
    assert!(recs[0].get("url").is_none());
}

#[test]
fn missing_column_is_invalid() {
    let err = run("id,text\n1,hello\n", &url_opts()).unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ref m) if m.contains("link")),
        "{err}"
    );
    let opts = CsvOptions {
        text_column: "text".into(),
        publisher_column: None,
        url_column: None,
        id_column: None,
        date_column: None,
    };
    assert!(matches!(
        run("text\nx\n", &opts).unwrap_err(),
        Error::Invalid(_)
    ));
}

#[test]
fn bad_rows_are_skipped_and_counted() {
    let big = "a".repeat(MAX_ARTICLE_BYTES + 1);
    let input = format!(
        "id,link,text\n7,https://harbor-times.example/x,{big}\n8,,\"Nobody said anything here.\"\n9,https://harbor-times.example/y,\"Pilot Omar Dede said the runway was icy.\"\n"
    );
    let (s, recs, _) = run(&input, &url_opts()).unwrap();
    assert_eq!(s.skipped_rows, 2, "{:?}", s.skipped);
    assert!(s.skipped[0].contains("id 7"));
    assert_eq!(s.articles, 1);
    assert_eq!(recs.len(), 1);
}

#[test]
fn emit_error_stops_the_run() {
    let input = "id,link,text\n1,https://harbor-times.example/a,\"Dock worker Ana Ruiz said the cranes stopped at noon.\"\n";
    let r = extract_csv(
        input.as_bytes(),
        &url_opts(),
        &|_| None,
        &mut |_, _| Err(Error::Invalid("stop".into())),
        &mut |_| {},
    );
    assert!(matches!(r, Err(Error::Invalid(ref m)) if m == "stop"));
}
