//! Attribution extraction (placeholder; being written).
