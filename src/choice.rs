//! Enums a person picks by name — on the command line or in a query string — without
//! the library knowing about either: each lists its names and a line of help, the
//! front-ends build their parsers from that (`main.rs` for clap, `server` for
//! query parameters).

/// An enum chosen by name.
pub trait Choice: Sized + Copy + PartialEq + 'static {
    /// Every value with its name and a line of help, in the order to show them.
    const CHOICES: &'static [(Self, &'static str, &'static str)];
    /// What a value is called in messages ("sort", "format").
    const WHAT: &'static str;

    /// The value's name.
    fn name(self) -> &'static str {
        Self::CHOICES
            .iter()
            .find(|(v, _, _)| *v == self)
            .map(|(_, n, _)| *n)
            .expect("every value is listed in CHOICES")
    }

    /// The value with this name (ASCII case ignored), or an error that lists the names.
    fn parse(s: &str) -> crate::Result<Self> {
        Self::CHOICES
            .iter()
            .find(|(_, n, _)| n.eq_ignore_ascii_case(s.trim()))
            .map(|(v, _, _)| *v)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::CHOICES.iter().map(|(_, n, _)| *n).collect();
                crate::Error::Invalid(format!(
                    "unknown {} {:?}; use one of {}",
                    Self::WHAT,
                    crate::chars::visible(&s.chars().take(40).collect::<String>()),
                    names.join(", ")
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::Choice;
    use crate::export::ExportFormat;
    use crate::output::Format;
    use crate::view::{ClaimSort, SourceSort};

    fn round_trips<T: Choice + std::fmt::Debug>() {
        for (v, n, help) in T::CHOICES {
            assert_eq!(T::parse(n).unwrap(), *v);
            assert_eq!(T::parse(&n.to_uppercase()).unwrap(), *v);
            assert_eq!(v.name(), *n);
            assert!(!help.is_empty());
        }
        let err = T::parse("nonsense").unwrap_err().to_string();
        assert!(err.contains(T::CHOICES[0].1), "{err}");
    }

    #[test]
    fn every_choice_reads_back_by_its_name() {
        round_trips::<Format>();
        round_trips::<ClaimSort>();
        round_trips::<SourceSort>();
        round_trips::<ExportFormat>();
        assert_eq!(
            SourceSort::parse("blast-radius").unwrap(),
            SourceSort::BlastRadius
        );
    }
}
