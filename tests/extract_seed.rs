//! The seed article (a blog post relaying the Washington Post, the Syrian Observatory
//! for Human Rights, Russia Today, the Palmyra Coordination network and, via Arutz
//! Sheva, the AP) must yield the chains a journalist would write down. Reads
//! `../shared/seed/palmyra-article.txt`; fails, saying what is missing, when it is
//! absent.

mod common;

use corroborate::extract::{extract, ArticleMeta, ExtractKind};

fn seed() -> String {
    let p = common::shared_file("seed/palmyra-article.txt");
    std::fs::read_to_string(&p)
        .unwrap_or_else(|e| panic!("cannot read the seed article {}: {e}", p.display()))
}

fn hops(c: &corroborate::chain::Chain) -> Vec<String> {
    c.hops().iter().map(|h| h.to_string()).collect()
}

#[test]
fn seed_article_chains() {
    let text = seed();
    let meta = ArticleMeta {
        publisher: "Blog".into(),
        url: None,
        published: None,
    };
    let got = extract(&text, &meta);
    let chains: Vec<Vec<String>> = got.iter().map(|x| hops(&x.chain)).collect();
    for x in &got {
        eprintln!("{:?} {:?} {}", x.kind, x.span, x.chain);
        assert!(text
            .get(x.span.0..x.span.1)
            .is_some_and(|s| !s.trim().is_empty()));
    }
    let has = |want: &[&str]| {
        chains
            .iter()
            .any(|c| c.iter().map(String::as_str).eq(want.iter().copied()))
    };
    for want in [
        &["Blog", "Washington Post"][..],
        &["Blog", "Syrian Observatory for Human Rights"],
        &["Blog", "Russia Today", "~a Syrian military official"],
        &["Blog", "Palmyra Coordination network"],
        &["Blog", "Arutz Sheva", "Palmyra Coordination network"],
        &["Blog", "Arutz Sheva", "AP", "Osama al-Khatib"],
        &["Blog", "Khaled al-Homsi"],
        &["Blog", "U.S. military"],
    ] {
        assert!(has(want), "no chain {want:?} among {chains:#?}");
    }
    // Every Khatib statement comes through the "Via Arutz Sheva:" block; only the one
    // whose sentence names the AP interview ("speaking to AP") comes through AP too:
    // rulebook R2 never carries a relay to another sentence.
    let khatib: Vec<&Vec<String>> = chains
        .iter()
        .filter(|c| c.last().is_some_and(|l| l.ends_with("Khatib")))
        .collect();
    let via_block = vec![
        "Blog".to_string(),
        "Arutz Sheva".into(),
        "Osama al-Khatib".into(),
    ];
    let via_ap = vec![
        "Blog".to_string(),
        "Arutz Sheva".into(),
        "AP".into(),
        "Osama al-Khatib".into(),
    ];
    assert_eq!(
        khatib,
        [&via_block, &via_block, &via_ap, &via_block],
        "{chains:#?}"
    );
    // The activists are an anonymous last hop.
    assert!(chains
        .iter()
        .any(|c| c.len() == 2 && c[1].starts_with('~') && c[1].contains("activists")));
    // The photo credit is a photo chain: distributor, agency, photographer.
    let photo: Vec<_> = got
        .iter()
        .filter(|x| x.kind == ExtractKind::PhotoCredit)
        .collect();
    assert_eq!(photo.len(), 1);
    assert_eq!(
        hops(&photo[0].chain),
        vec!["Blog", "AP", "Sputnik", "Maksim Blinov"]
    );
    // Nothing in the article is attributed to the blog itself or to an unnamed first hop.
    assert!(got
        .iter()
        .all(|x| x.chain.hops().len() >= 2 && !x.chain.hops()[0].anonymous));
}
