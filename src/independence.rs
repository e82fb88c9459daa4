//! The independence engine (placeholder; being written).
