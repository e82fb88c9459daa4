//! # corroborate
//!
//! A source-credibility and provenance tracker for journalists and fact-checkers.
//! Claims are content-addressed (SHA-256 of their normalized text); every sighting of a
//! claim is a report with its provenance chain; an append-only, hash-chained ledger is
//! the record of truth, materialized into a sled store; and the independence engine
//! answers how many independent sources each claim really has.
//!
//! See `docs/ARCHITECTURE.md` for the module map and the rules each module keeps.

pub mod chain;
pub mod chars;
pub mod choice;
pub mod claim;
pub mod columnar;
pub mod credibility;
pub mod date;
pub mod db;
pub mod demo;
pub mod embed;
pub mod error;
pub mod export;
pub mod extract;
pub mod find;
pub mod groups;
pub mod hex;
pub mod independence;
pub mod ingest;
pub mod ledger;
pub mod matching;
pub mod output;
pub mod ratings;
pub mod record;
pub mod report;
#[cfg(feature = "server")]
pub mod server;
pub mod similarity;
pub mod source;
pub mod store;
pub mod suggest;
pub mod users;
pub mod view;

pub use error::{Error, Result};
