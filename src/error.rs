//! The library's error type: each variant says what went wrong and what to do about it.
//!
//! Errors are split in two families that the binary maps to exit codes: bad input or
//! usage ([`Error::is_user_error`], exit 2) and runtime failures (exit 1).

use std::path::PathBuf;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    // ---- bad input -------------------------------------------------------------
    /// The claim text is empty after normalization.
    #[error("the claim is empty: write the statement that was reported")]
    EmptyClaim,
    /// The claim text exceeds the size limit.
    #[error("the claim is {bytes} bytes long; at most 65536 are allowed (store a summary, not the article)")]
    ClaimTooLong {
        /// Size of the rejected text.
        bytes: usize,
    },
    /// A chain could not be parsed or breaks a rule.
    #[error("bad chain: {0}")]
    BadChain(String),
    /// A string that should be a full claim id is not 64 hex digits.
    #[error("{0:?} is not a claim id: expected 64 hexadecimal digits")]
    BadClaimId(String),
    /// An id prefix is malformed (too short, not hex).
    #[error("{0:?} is not a usable claim id prefix: give at least 4 hexadecimal digits")]
    BadPrefix(String),
    /// No claim matches the given id or prefix.
    #[error("no claim has an id starting with {0:?}: list claims with `corroborate claims`")]
    NoSuchClaim(String),
    /// A prefix matches more than one claim.
    #[error("the prefix {prefix:?} is ambiguous; it matches:\n{}\ngive more digits", candidates.join("\n"))]
    AmbiguousPrefix {
        /// The prefix given.
        prefix: String,
        /// `id  text` lines of the matching claims (at most a screenful).
        candidates: Vec<String>,
    },
    /// No claim's id starts with the argument and no claim's text has its words.
    #[error("no claim has an id starting with {0:?} or a wording with all its words: give an id prefix of at least 4 hexadecimal digits, or words of the claim (`corroborate claims --grep WORDS` lists the claims that have them)")]
    NoClaimMatches(String),
    /// A text fragment matches the wordings of more than one claim group.
    #[error("{total} claims have wordings with all the words of {fragment:?}:\n{}\ngive a longer fragment, or a claim id", candidates.join("\n"))]
    AmbiguousText {
        /// The fragment given.
        fragment: String,
        /// `id-prefix  text` lines of the first ten groups (hidden characters escaped).
        candidates: Vec<String>,
        /// How many claim groups match.
        total: usize,
    },
    /// No source matches a name, alias, domain or URL.
    #[error("no source is known as {0:?}: list sources with `corroborate sources`")]
    NoSuchSource(String),
    /// A URL is not an absolute http(s) URL.
    #[error("{url:?} is not a usable URL: {why}")]
    BadUrl {
        /// The rejected text (shortened).
        url: String,
        /// Why it was rejected.
        why: String,
    },
    /// A date is not ISO 8601.
    #[error("{0:?} is not an ISO 8601 date: write 2016-12-10 or 2016-12-10T18:30:00Z")]
    BadDate(String),
    /// A date is ISO 8601 but outside the plausible range.
    #[error("{date:?} is not between 1800-01-01 and {max_year}-12-31; check the year")]
    DateOutOfRange {
        /// The date as written.
        date: String,
        /// The latest year accepted (next year).
        max_year: i64,
    },
    /// A rating is outside [0, 1] or not a number.
    #[error("rating {0} is outside [0, 1]")]
    BadRating(f64),
    /// A field value is not acceptable.
    #[error("{0}")]
    Invalid(String),
    /// A line of a JSONL input is wrong; `line` counts from 1.
    #[error("line {line}: {message}")]
    Line {
        /// 1-based line number.
        line: u64,
        /// What is wrong with it.
        message: String,
    },

    /// A change that needs confirmation was not confirmed; nothing changed.
    #[error("nothing changed: {0}; run the command again with --yes to go ahead (--dry-run shows the change)")]
    Unconfirmed(String),

    // ---- the embedding model --------------------------------------------------
    /// A directory given as a model is not a usable sentence-embedding model.
    #[error("{dir} is not a usable sentence-embedding model: {why}. Give a sentence-transformers directory of all-MiniLM-L6-v2 (config.json, tokenizer.json, model.safetensors); `corroborate model show` says how to get one")]
    BadModel {
        /// The directory given.
        dir: PathBuf,
        /// What is wrong with it.
        why: String,
    },
    /// Another model is installed where a model is being installed.
    #[error("another model ({installed}) is installed at {path}; installing {new} in its place means every stored embedding is computed again: run the command again with --force to replace it")]
    ModelExists {
        /// The installed model directory.
        path: PathBuf,
        /// Id of the installed model.
        installed: String,
        /// Id of the model being installed.
        new: String,
    },
    /// The model failed on an input (a bug: every input should be embeddable).
    #[error("the embedding model failed: {0}; nothing was stored. Please report this with the text being embedded")]
    Embedding(String),

    // ---- the database ----------------------------------------------------------
    /// Another process holds the database lock.
    #[error("the database at {path} is in use by another process (waited {waited} s); a long import may be running: try again when it has finished, or wait longer with --wait SECONDS")]
    Locked {
        /// Database directory.
        path: PathBuf,
        /// Seconds waited.
        waited: u64,
    },
    /// No server user has this name.
    #[error("there is no user named {0}; `corroborate user list` shows the users")]
    NoSuchUser(String),
    /// A `corroborate serve` holds the database.
    #[error("the database at {path} is held by the corroborate server at {url}; use it through the server (its web page or API, docs/server.md), or stop the server (Ctrl-C or SIGTERM: it finishes what it is writing) and run the command again")]
    Served {
        /// Database directory.
        path: PathBuf,
        /// The server's address, from its `server.json`.
        url: String,
    },
    /// The database cannot be written here.
    #[error("the database at {0} can only be read here (its directory, ledger or store cannot be written: a read-only file system, a permission, or a full disk); reads work, writes need write access and free space")]
    ReadOnly(PathBuf),
    /// The ledger holds less than the store applied: entries were lost.
    #[error("the ledger {path} holds {len} bytes of committed entries, but the store holds records up to byte {applied}: entries the store still refers to are missing from the ledger. Do not delete the store. Restore ledger.log from a backup if you have one; otherwise `corroborate salvage NEW_DIR` starts a new database from what is left and lists what was lost")]
    LedgerLost {
        /// The ledger file.
        path: PathBuf,
        /// Bytes of it that are committed and intact.
        len: u64,
        /// Bytes the store applied.
        applied: u64,
    },
    /// A write could not be completed on disk, and was undone.
    #[error("the write failed and was undone, nothing of it is recorded ({cause}). Free disk space or fix the permission, then run the command again")]
    WriteUndone {
        /// Why the store could not be written.
        cause: String,
    },
    /// A shared database (`corroborate serve`) cannot serve requests any more: a
    /// write failed part-way, or its readers' view could not be renewed.
    #[error("the server cannot use the database any more ({0}); restart the server: nothing committed is lost, and a write that did not finish is undone when the database is opened again")]
    Unavailable(String),
    /// A write reached the ledger but not the store, and could not be fully undone.
    #[error("the write failed: the store could not be updated ({cause}); {}{}", if *trimmed { "the ledger was trimmed back" } else { "its records stay committed in the ledger and are applied when the store can be written" }, if *marked { "" } else { "; run `corroborate rebuild` once the disk has room" })]
    WriteStuck {
        /// Why the store could not be written.
        cause: String,
        /// Whether the ledger was trimmed back to before the write.
        trimmed: bool,
        /// Whether the store was marked for a rebuild.
        marked: bool,
    },
    /// The database was written by a newer corroborate.
    #[error("the database at {path} has format version {found}, newer than this corroborate understands ({supported}); upgrade corroborate")]
    NewerFormat {
        /// Database directory.
        path: PathBuf,
        /// Version found on disk.
        found: u32,
        /// Highest version this build reads.
        supported: u32,
    },
    /// The store was written in an older format. `Database::open` answers this by
    /// rebuilding the store from the ledger, so users see it only if that fails.
    #[error("the store at {path} has format version {found}, older than this corroborate writes; run `corroborate rebuild` to recreate it from the ledger")]
    OlderFormat {
        /// Store directory.
        path: PathBuf,
        /// Version found on disk.
        found: u32,
    },
    /// The store was built with another version of the built-in outlet table.
    /// `Database::open` answers this by rebuilding the store from the ledger.
    #[error("the store at {path} was built with {} of the built-in outlet table, this corroborate has version {now}; `corroborate rebuild` resolves every hop again", found.map(|v| format!("version {v}")).unwrap_or_else(|| "no version".into()))]
    OutletsChanged {
        /// Store directory.
        path: PathBuf,
        /// Version recorded in the store.
        found: Option<u32>,
        /// This build's version.
        now: u32,
    },
    /// The path exists but does not look like a corroborate database.
    #[error("{0} is not a corroborate database (no ledger.log or store beside it); choose an empty or new directory")]
    NotADatabase(PathBuf),
    /// Stored data failed to decode or contradicts itself.
    #[error("the database is damaged: {0}; run `corroborate verify` for details; `corroborate rebuild` recreates the store from the ledger (it refuses, changing nothing, when that would lose records)")]
    Corrupt(String),
    /// The ledger file is damaged.
    #[error("the ledger is damaged at byte {offset}: {why}. Nothing is written to a damaged ledger; reads and exports still work. Keep a copy of the database directory, save what you can with `corroborate export --format jsonl -o backup.jsonl`, then `corroborate salvage NEW_DIR` starts a new database from the intact part and lists what was lost")]
    LedgerCorrupt {
        /// Byte offset of the bad entry.
        offset: u64,
        /// What is wrong.
        why: String,
    },
    /// The store's database engine failed (its own words; the engine is not part of
    /// this API).
    #[error("the store failed: {0}")]
    Store(StoreFailure),
    /// An I/O error with context.
    #[error("{context}: {source}")]
    Io {
        /// What was being done.
        context: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// Encoding or decoding a stored value failed.
    #[error("could not encode or decode a stored value: {0}")]
    Encoding(String),
    /// Building or writing Arrow/Parquet data failed.
    #[error("could not build or write Arrow/Parquet data: {0}; check the output directory's disk space and permissions, then run the export again")]
    Columnar(String),
    /// The work was stopped by Ctrl-C or SIGTERM before it finished.
    #[error("interrupted before finishing; the temporary files were removed and no output file was written (run the command again to start over)")]
    Interrupted,
}

impl Error {
    /// True when the error is caused by the user's input or command line (exit code 2).
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            Error::EmptyClaim
                | Error::ClaimTooLong { .. }
                | Error::BadChain(_)
                | Error::BadClaimId(_)
                | Error::BadPrefix(_)
                | Error::NoSuchClaim(_)
                | Error::AmbiguousPrefix { .. }
                | Error::NoClaimMatches(_)
                | Error::AmbiguousText { .. }
                | Error::NoSuchSource(_)
                | Error::NoSuchUser(_)
                | Error::BadUrl { .. }
                | Error::BadDate(_)
                | Error::DateOutOfRange { .. }
                | Error::BadRating(_)
                | Error::Invalid(_)
                | Error::Line { .. }
                | Error::Unconfirmed(_)
                | Error::BadModel { .. }
                | Error::ModelExists { .. }
        )
    }

    /// Wrap an I/O error with what was being done.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Error {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

/// Result with the library's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What the store's engine reported, without exposing the engine's types.
#[derive(Debug, thiserror::Error)]
pub enum StoreFailure {
    /// Reading or writing its files failed.
    #[error("{0}")]
    Io(#[source] std::io::Error),
    /// Its files do not hold what it wrote.
    #[error("its files are damaged ({0})")]
    Corruption(String),
    /// Anything else, in the engine's words.
    #[error("{0}")]
    Other(String),
}
