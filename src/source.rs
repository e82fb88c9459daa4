//! Sources: the registry of outlets, agencies and people, and how written names,
//! aliases, domains and URLs resolve to them.

/// Dense id of a source in one database (assigned in ledger order). Never shown to
/// users and never hashed: report ids hash canonical names, so they are the same in
/// every database.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceId(pub u32);
