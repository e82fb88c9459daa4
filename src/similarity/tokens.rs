//! Words and numbers of a statement, the way the lexical similarity and the agreement
//! checks see them: lower case, possessives and dots dropped, a light suffix stemmer,
//! function words removed, and every number in one canonical decimal form whether it
//! was written `1,200`, `1200`, `1.2 thousand`, `twelve hundred`, `$1.2k` or
//! `forty-one` (`41`). Works on any string; never panics.

/// One token of a statement.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Token {
    /// A content word, lower case and stemmed.
    Word(String),
    /// A number in canonical decimal form (`"1200"`, `"2.5"`, `"0.75"`).
    Number(String),
}

/// Function words that carry no topic (negations are kept out of this list on purpose:
/// the negation check reads them from the raw text, and a lexical match may use them).
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do",
    "does", "during", "each", "for", "from", "had", "has", "have", "having", "he", "her", "here",
    "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "more",
    "most", "mr", "mrs", "ms", "my", "of", "off", "on", "or", "other", "our", "out", "over", "own",
    "s", "said", "same", "say", "says", "she", "should", "so", "some", "such", "t", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to",
    "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "will", "with", "would", "you", "your",
];

pub(crate) fn is_stopword(w: &str) -> bool {
    STOPWORDS.binary_search(&w).is_ok()
}

const UNITS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const ORDINALS: &[(&str, u64)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
];

fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "millions" | "mn" => 1e6,
        "billion" | "billions" | "bn" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

fn unit_word(w: &str) -> Option<u64> {
    UNITS.iter().find(|(n, _)| *n == w).map(|(_, v)| *v)
}

fn ordinal_word(w: &str) -> Option<u64> {
    ORDINALS.iter().find(|(n, _)| *n == w).map(|(_, v)| *v)
}

/// The canonical decimal form of a number: integers without a point, other values
/// rounded to six decimals without trailing zeros. `None` for NaN, infinities and
/// values beyond 10^18 (no statement needs them, and they would not print exactly).
pub fn canonical_number(x: f64) -> Option<String> {
    if !x.is_finite() || x.abs() >= 1e18 {
        return None;
    }
    let r = (x * 1e6).round() / 1e6;
    let r = if r == 0.0 { 0.0 } else { r }; // no "-0"
    if r.fract() == 0.0 {
        return Some(format!("{}", r as i64));
    }
    let s = format!("{r:.6}");
    Some(s.trim_end_matches('0').trim_end_matches('.').to_string())
}

/// A raw piece of text: a run of letters and digits, with `.`, `,`, `'` and `-` kept
/// when they sit between two alphanumerics (`1,200`, `U.S`, `don't`, `forty-one`).
/// Each piece comes with whether a currency sign stands right before it (`$5.3m`).
fn pieces(text: &str) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut currency = false;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            if cur.is_empty() {
                currency = i > 0 && matches!(chars[i - 1], '$' | '\u{a3}' | '\u{20ac}' | '\u{a5}');
            }
            cur.push(c);
            continue;
        }
        let joins = matches!(
            c,
            '.' | ',' | '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}'
        ) && !cur.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if joins {
            cur.push(if c == '\u{2019}' { '\'' } else { c });
        } else if !cur.is_empty() {
            out.push((std::mem::take(&mut cur), currency));
        }
    }
    if !cur.is_empty() {
        out.push((cur, currency));
    }
    out
}

/// Parse a digit string with optional thousands commas and one decimal point.
fn parse_digits(s: &str) -> Vec<f64> {
    // "1,254,709" is one number; "12,30" is two.
    let groups: Vec<&str> = s.split(',').collect();
    let thousands = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..groups.len() - 1].iter().all(|g| g.len() == 3)
        && groups
            .last()
            .is_some_and(|g| g.len() == 3 || (g.len() > 4 && g.as_bytes()[3] == b'.'));
    let parts: Vec<String> = if thousands {
        vec![groups.concat()]
    } else {
        groups.iter().map(|g| g.to_string()).collect()
    };
    let mut out = Vec::new();
    for p in parts {
        // "3.30" is one number, "1.2.3" falls apart into its digit runs
        let dots = p.matches('.').count();
        if dots <= 1 {
            if let Ok(v) = p.parse::<f64>() {
                out.push(v);
                continue;
            }
        }
        for q in p.split('.') {
            if let Ok(v) = q.parse::<f64>() {
                out.push(v);
            }
        }
    }
    out
}

fn stem(w: &str) -> String {
    let n = w.chars().count();
    let strip = |suffix: &str, min: usize| n >= min && w.ends_with(suffix);
    let base = if strip("ies", 5) {
        format!("{}y", &w[..w.len() - 3])
    } else if strip("ing", 6) {
        w[..w.len() - 3].to_string()
    } else if strip("ed", 5) || (strip("es", 5) && !w.ends_with("ses")) {
        w[..w.len() - 2].to_string()
    } else if strip("s", 4) && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    };
    // a doubled final consonant left by -ing/-ed ("stopped" -> "stopp" -> "stop")
    let mut rev = base.chars().rev();
    let (last, before) = (rev.next(), rev.next());
    match (last, before) {
        (Some(l), Some(p))
            if l == p
                && l.is_ascii_alphabetic()
                && !"aeiouls".contains(l)
                && base.chars().count() >= 4 =>
        {
            base[..base.len() - 1].to_string()
        }
        _ => base,
    }
}

/// Lower-case a piece and drop possessive `'s`, other apostrophes and dots.
fn clean_word(p: &str) -> String {
    let lower = p.to_lowercase();
    let lower = lower
        .strip_suffix("'s")
        .map(str::to_string)
        .unwrap_or(lower);
    lower.chars().filter(|c| *c != '\'' && *c != '.').collect()
}

enum Raw {
    Word(String),
    Num(f64),
    /// A number word ("forty", "hundred") still to be combined with its neighbours.
    NumWord(String),
}

fn raw_tokens(text: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    for (piece, currency) in pieces(text) {
        // hyphenated and comma-joined pieces without digits are several words
        let has_digit = piece.chars().any(|c| c.is_ascii_digit());
        let subs: Vec<&str> = if has_digit {
            piece.split(['-', '\u{2010}', '\u{2011}']).collect()
        } else {
            piece.split(['-', ',', '\u{2010}', '\u{2011}']).collect()
        };
        for sub in subs {
            if sub.is_empty() {
                continue;
            }
            if sub.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                // digits, then an optional suffix: 5.3m, 100kg, 1990s, 21st, 3.30am
                let split = sub
                    .char_indices()
                    .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
                    .map(|(i, _)| i)
                    .unwrap_or(sub.len());
                let (digits, suffix) = sub.split_at(split);
                let digits = digits.trim_end_matches([',', '.']);
                let mut values = parse_digits(digits);
                let suffix = clean_word(suffix);
                // "m" is millions after a currency sign ("$5.3m") and metres otherwise
                let mult = match suffix.as_str() {
                    "k" => Some(1e3),
                    "m" | "mn" if currency => Some(1e6),
                    "mn" => Some(1e6),
                    "b" | "bn" => Some(1e9),
                    _ => None,
                };
                if let (Some(m), Some(last)) = (mult, values.last_mut()) {
                    *last *= m;
                }
                out.extend(values.into_iter().map(Raw::Num));
                let ordinal_or_plural = matches!(suffix.as_str(), "st" | "nd" | "rd" | "th" | "s");
                if mult.is_none() && !ordinal_or_plural && !suffix.is_empty() {
                    out.push(Raw::Word(suffix));
                }
                continue;
            }
            let w = clean_word(sub);
            if w.is_empty() {
                continue;
            }
            if unit_word(&w).is_some() || scale_word(&w).is_some() {
                out.push(Raw::NumWord(w));
            } else if let Some(v) = ordinal_word(&w) {
                out.push(Raw::Num(v as f64));
            } else {
                out.push(Raw::Word(w));
            }
        }
    }
    out
}

/// The tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    let raw = raw_tokens(text);
    let mut out: Vec<Token> = Vec::new();
    // the last pushed number, so that "52 million" multiplies it
    let mut last_num: Option<f64> = None;
    let mut i = 0;
    while i < raw.len() {
        match &raw[i] {
            Raw::Word(w) => {
                last_num = None;
                if !is_stopword(w) {
                    out.push(Token::Word(stem(w)));
                }
                i += 1;
            }
            Raw::Num(v) => {
                push_number(&mut out, *v);
                last_num = Some(*v);
                i += 1;
            }
            Raw::NumWord(_) => {
                // a run of number words: "two hundred thousand", "forty one"
                let mut total = 0.0f64;
                let mut current = 0.0f64;
                let mut any_unit = false;
                let start = i;
                while let Some(Raw::NumWord(w)) = raw.get(i) {
                    if let Some(u) = unit_word(w) {
                        current += u as f64;
                        any_unit = true;
                    } else if let Some(s) = scale_word(w) {
                        if !any_unit && i == start {
                            // "million" right after a digit number: scale that number
                            if let (Some(prev), Some(Token::Number(_))) = (last_num, out.last()) {
                                out.pop();
                                last_num = Some(prev * s);
                                push_number(&mut out, prev * s);
                                i += 1;
                                current = f64::NAN;
                                break;
                            }
                        }
                        if s >= 1e3 {
                            total += current.max(1.0) * s;
                            current = 0.0;
                        } else {
                            current = current.max(1.0) * s;
                        }
                        any_unit = true;
                    }
                    i += 1;
                }
                if current.is_nan() {
                    continue;
                }
                let v = total + current;
                push_number(&mut out, v);
                last_num = Some(v);
            }
        }
    }
    out
}

fn push_number(out: &mut Vec<Token>, v: f64) {
    if let Some(s) = canonical_number(v) {
        out.push(Token::Number(s));
    }
}

/// The numbers of `text` as values (for the tolerant comparison of the number check).
pub fn numbers(text: &str) -> Vec<f64> {
    tokens(text)
        .into_iter()
        .filter_map(|t| match t {
            Token::Number(s) => s.parse::<f64>().ok(),
            Token::Word(_) => None,
        })
        .collect()
}

/// The numbers of `text`, each with the content words right before and after it (for
/// telling "12 policemen" against "11 policemen" from unrelated numbers).
pub fn numbers_in_context(text: &str) -> Vec<(f64, Option<String>, Option<String>)> {
    numbers_in_tokens(&tokens(text))
}

/// [`numbers_in_context`] of a text already split into `toks` (by [`tokens`]).
pub(crate) fn numbers_in_tokens(toks: &[Token]) -> Vec<(f64, Option<String>, Option<String>)> {
    let word = |i: Option<usize>| match i.and_then(|i| toks.get(i)) {
        Some(Token::Word(w)) => Some(w.clone()),
        _ => None,
    };
    toks.iter()
        .enumerate()
        .filter_map(|(i, t)| match t {
            Token::Number(s) => Some((
                s.parse::<f64>().ok()?,
                word(i.checked_sub(1)),
                word(Some(i + 1)),
            )),
            Token::Word(_) => None,
        })
        .collect()
}

/// Lower-cased words of `text` before stemming and stop-word removal (for the cue lists
/// of the negation and modality checks).
pub(crate) fn plain_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (piece, _) in pieces(text) {
        for sub in piece.split(['-', ',']) {
            let lower = sub.to_lowercase().replace('\u{2019}', "'");
            if lower.is_empty() {
                continue;
            }
            out.push(lower);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(t: &str) -> Vec<String> {
        tokens(t)
            .into_iter()
            .filter_map(|t| match t {
                Token::Number(s) => Some(s),
                Token::Word(_) => None,
            })
            .collect()
    }

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        let mut s = STOPWORDS.to_vec();
        s.sort_unstable();
        assert_eq!(s, STOPWORDS);
    }

    #[test]
    fn numbers_in_every_spelling_are_one_token() {
        assert_eq!(nums("41 seats"), ["41"]);
        assert_eq!(nums("forty-one seats"), ["41"]);
        assert_eq!(nums("forty one seats"), ["41"]);
        assert_eq!(nums("1,200 people"), ["1200"]);
        assert_eq!(nums("twelve hundred people"), ["1200"]);
        assert_eq!(nums("1.2 thousand people"), ["1200"]);
        assert_eq!(nums("$1.2k"), ["1200"]);
        assert_eq!(nums("1,254,709 voters"), ["1254709"]);
        assert_eq!(nums("52 million people"), ["52000000"]);
        assert_eq!(nums("$5.3m in tax"), ["5300000"]);
        assert_eq!(nums("$4.48 billion"), ["4480000000"]);
        assert_eq!(nums("two hundred thousand"), ["200000"]);
        assert_eq!(nums("a million"), ["1000000"]);
        assert_eq!(nums("0.75 percent to 1 percent"), ["0.75", "1"]);
        assert_eq!(nums("the 21st time"), ["21"]);
        assert_eq!(nums("the second time in three months"), ["2", "3"]);
        assert_eq!(nums("by 335 votes to 287"), ["335", "287"]);
        assert_eq!(nums("100kg gold coin"), ["100"]);
        assert_eq!(nums("At 230m high"), ["230"]);
        assert_eq!(nums("paid \u{a3}31m"), ["31000000"]);
        assert_eq!(nums("at 12:30 local time"), ["12", "30"]);
    }

    #[test]
    fn words_are_lowered_stemmed_and_filtered() {
        let words: Vec<Token> = tokens("The U.S. forces' killings of Taliban fighters");
        assert_eq!(
            words,
            [
                Token::Word("us".into()),
                Token::Word("forc".into()),
                Token::Word("killing".into()),
                Token::Word("taliban".into()),
                Token::Word("fighter".into()),
            ]
        );
        assert_eq!(tokens("Trump's"), [Token::Word("trump".into())]);
        assert_eq!(tokens("stopped"), tokens("stop"));
    }

    #[test]
    fn canonical_numbers() {
        assert_eq!(canonical_number(1200.0).as_deref(), Some("1200"));
        assert_eq!(canonical_number(2.50).as_deref(), Some("2.5"));
        assert_eq!(canonical_number(-0.0).as_deref(), Some("0"));
        assert_eq!(canonical_number(f64::NAN), None);
        assert_eq!(canonical_number(1e30), None);
    }
}
