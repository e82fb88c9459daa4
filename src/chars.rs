//! Character classes for hostile input: control characters, bidirectional controls and
//! invisible characters. One definition serves the input rule (names refuse them; texts
//! such as claims and notes keep them as written) and the output rule (every terminal
//! shows them as visible escapes, see [`visible`]).
//!
//! Documented case by case in `docs/security.md`.

use std::borrow::Cow;

use crate::error::{Error, Result};

/// Is `c` a character that reorders the text around it: the bidirectional embeddings,
/// overrides, isolates and marks (`U+202E RIGHT-TO-LEFT OVERRIDE` makes
/// `txt.exe` look like `exe.txt`).
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Is `c` a character that takes no visible space on its own: zero-width spaces and
/// joiners, the word joiner and invisible operators, the byte order mark, soft hyphen,
/// fillers, line and paragraph separators, variation selectors and tag characters.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{2060}'..='\u{2065}'
            | '\u{206A}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// Is `c` a control character that no text needs: every C0 control but tab, line feed
/// and carriage return, DEL, and every C1 control (NUL, ESC, BEL, CSI…).
pub fn is_bad_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Characters that are legitimate inside words of some scripts and invisible after
/// ASCII: the zero-width non-joiner and joiner (Persian, Indic scripts, emoji) and the
/// variation selectors (emoji presentation).
fn is_script_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}')
}

/// Is `c` hidden in this context: a control (white space included), a bidirectional
/// control, or an invisible character. A joiner or variation selector right after a
/// visible non-ASCII character (and, for the joiners, before one or at the end) is part
/// of the writing and not hidden: `می‌گوید` keeps its non-joiner, `apnews` with a joiner
/// inside does not. Only visible neighbours count, so escaping the hidden characters
/// around a joiner never changes whether the joiner itself is hidden.
pub fn is_hidden(prev: Option<char>, c: char, next: Option<char>) -> bool {
    if c.is_control() || is_bidi_control(c) {
        return true;
    }
    if !is_invisible(c) {
        return false;
    }
    if is_script_joiner(c) {
        let script = |x: Option<char>| {
            x.is_some_and(|x| {
                !x.is_ascii() && !x.is_control() && !is_bidi_control(x) && !is_invisible(x)
            })
        };
        let before_ok = c >= '\u{FE00}' || next.is_none() || script(next);
        return !(script(prev) && before_ok);
    }
    true
}

/// The first hidden character of `s` (see [`is_hidden`]), with its 1-based position
/// in characters.
pub fn first_hidden(s: &str) -> Option<(usize, char)> {
    let chars: Vec<char> = s.chars().collect();
    (0..chars.len()).find_map(|i| {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        is_hidden(prev, chars[i], next).then_some((i + 1, chars[i]))
    })
}

/// A short description of a hidden character for messages: `U+202E (a bidirectional
/// control)`.
pub fn describe(c: char) -> String {
    let what = if c == '\0' {
        "NUL"
    } else if c.is_control() {
        "a control character"
    } else if is_bidi_control(c) {
        "a bidirectional control"
    } else if c == '\u{FEFF}' {
        "a byte order mark"
    } else {
        "an invisible character"
    };
    format!("U+{:04X} ({what})", c as u32)
}

/// Check a name (source name, alias, hop, affiliation label, reviewer): no bad control
/// characters, no bidirectional controls and no invisible characters, since two names
/// that look the same must be the same name. White space (tab, line feed, carriage
/// return) is allowed; it is folded when names are matched and shown escaped.
pub fn check_name(what: &str, s: &str) -> Result<()> {
    let chars: Vec<char> = s.chars().collect();
    for i in 0..chars.len() {
        let c = chars[i];
        // White space is folded when names are matched. The Arabic letter mark belongs
        // to the Arabic block and Arabic names may carry it; it is weak (it cannot
        // reorder Latin letters) and terminals show it escaped.
        if matches!(c, '\t' | '\n' | '\r' | '\u{061C}') {
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        if is_hidden(prev, c, next) {
            return Err(Error::Invalid(format!(
                "{what} has {} at character {}; names may not contain control, bidirectional or invisible characters: remove it",
                describe(c),
                i + 1
            )));
        }
    }
    Ok(())
}

/// `s` without one leading byte order mark.
pub fn strip_bom(s: &str) -> &str {
    s.strip_prefix('\u{FEFF}').unwrap_or(s)
}

/// `s` as it may be shown on a terminal, on one line: every control character (line
/// breaks and tabs too), bidirectional control and invisible character (see
/// [`is_hidden`]) written as a `\u{..}` escape. `"AP\u{1b}]8;;x\u{7}"` shows
/// an OSC hyperlink attempt as text instead of running it.
pub fn visible(s: &str) -> Cow<'_, str> {
    escape_hidden(s, false)
}

/// Like [`visible`], but line feeds stay line breaks: for whole messages.
pub fn visible_lines(s: &str) -> Cow<'_, str> {
    escape_hidden(s, true)
}

fn escape_hidden(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let mut prev = None;
    let hidden_at = |prev: Option<char>, c: char, rest: &str| {
        !(keep_newlines && c == '\n') && is_hidden(prev, c, rest.chars().next())
    };
    let mut iter = s.char_indices();
    let first = loop {
        match iter.next() {
            None => return Cow::Borrowed(s),
            Some((i, c)) => {
                if hidden_at(prev, c, &s[i + c.len_utf8()..]) {
                    break i;
                }
                prev = Some(c);
            }
        }
    };
    let mut out = String::with_capacity(s.len() + 16);
    out.push_str(&s[..first]);
    for (i, c) in s[first..].char_indices() {
        if hidden_at(prev, c, &s[first + i + c.len_utf8()..]) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    Cow::Owned(out)
}

/// Shorten text to `max` characters with an ellipsis.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_name_passes_exactly_when_nothing_in_it_is_hidden(
            s in prop_oneof![
                any::<String>(),
                // Dense in the characters the rules are about.
                "[a-z\u{628}\u{645}\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{61C}\u{FE0F}\u{FEFF}\u{85}\u{9B}\t\n\r\x00\x1b\x7f]{0,12}",
            ]
        ) {
            let ok = check_name("the name", &s).is_ok();
            let cleaned: String = s
                .chars()
                // The allowed exceptions, replaced by a space: like them, a space is no
                // script letter a neighbouring joiner could belong to.
                .map(|c| match c {
                    '\t' | '\n' | '\r' | '\u{061C}' => ' ',
                    c => c,
                })
                .collect();
            prop_assert_eq!(ok, first_hidden(&cleaned).is_none(), "{:?}", s);
        }
    }

    #[test]
    fn hidden_table() {
        let cases: [(&str, Option<(usize, char)>); 10] = [
            ("Reuters", None),
            ("AP\u{1b}[31m", Some((3, '\u{1b}'))),
            ("a\0b", Some((2, '\0'))),
            ("ap\u{200B}news", Some((3, '\u{200B}'))),
            ("evil\u{202E}gpj.exe", Some((5, '\u{202E}'))),
            ("ap\u{200D}news", Some((3, '\u{200D}'))),
            // Persian: the non-joiner between two Arabic letters is writing.
            ("\u{645}\u{6CC}\u{200C}\u{6AF}", None),
            ("\u{2764}\u{FE0F}", None),
            ("x\u{FE0F}", Some((2, '\u{FE0F}'))),
            ("\u{FEFF}AP", Some((1, '\u{FEFF}'))),
        ];
        for (s, want) in cases {
            assert_eq!(first_hidden(s), want, "{s:?}");
        }
    }

    #[test]
    fn names() {
        assert!(check_name("the name", "Two\nLines").is_ok());
        let e = check_name("the name", "AP\u{202E}")
            .unwrap_err()
            .to_string();
        assert!(e.contains("U+202E") && e.contains("character 3"), "{e}");
        assert_eq!(strip_bom("\u{FEFF}{}"), "{}");
        assert_eq!(strip_bom("{}"), "{}");
    }
}
