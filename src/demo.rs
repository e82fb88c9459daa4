//! The demo: a small newsroom dataset written for this project (paraphrasing the facts
//! and attribution chains of a December 2016 blog post about Palmyra), embedded in the
//! binary so `corroborate demo` works from an installed copy.
//!
//! The last claim is invented to show circular reporting: two outlets citing each other.

/// The demo records, in the import format.
pub const DATA: &str = include_str!("demo.jsonl");
