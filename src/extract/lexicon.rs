//! The typed lexicon: every word list the extractor consults, in one place, grouped in
//! sections — lookups (and composing a list from shared parts), the calendar, the
//! reporting cues (the inventory generated from lemmas and frames) and the words that
//! decide whether a cue form is a cue, clause grammar, names and speakers, documents,
//! relays and media, and sentence splitting. No list is written twice: a list that
//! contains another (the weekdays inside the noun-phrase stops, for example) is joined
//! from the shared part at compile time. Lists with different meanings may share some
//! words (the passive and the progressive auxiliaries).
//!
//! Most lists are grammar: closed classes of English words and the vocabulary of
//! attribution. A few are world knowledge that a user might want to extend — the known
//! media ([`MEDIA`]) and the alias table ([`ALIASES`]), the platforms ([`PLATFORMS`]),
//! and the nationality, country and body names among the title words ([`TITLES`]) and
//! organisation words ([`ORG_WORDS`]); their doc comments say so. They stay here, built
//! in, because the extractor's output must not depend on a user's registry; a user's
//! own outlets are known to the source registry (`src/source/outlets.rs`,
//! `sources import-outlets`), which resolves the names the extractor proposes.
//!
//! Lookups of one to three words that belong to one rule's pattern (`that`, `by`/`in`,
//! `named`, `identified as`) stay inline in that rule: they are syntax, not vocabulary.
//! The evaluation (`eval`) keeps its own list of words dropped from names on purpose:
//! the scorer must not share the extractor's vocabulary.
//!
//! Lookups through [`is_in`] are ASCII case-insensitive and allocation-free; the few
//! lists matched otherwise say so.

// ---------------------------------------------------------------------------------
// Lookups
// ---------------------------------------------------------------------------------

/// `w` lower-cased into `buf`, or `None` when it is longer than `buf` or not ASCII
/// (no table entry is either).
fn ascii_lower<'b>(w: &str, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    if w.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    let key = &mut buf[..w.len()];
    for (d, s) in key.iter_mut().zip(w.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    Some(key)
}

/// `w` lower-cased in `buf` for matching against keywords, without allocating; ""
/// when it is longer than `buf` or not ASCII (no keyword is either).
pub(crate) fn lower_key<'b>(w: &str, buf: &'b mut [u8]) -> &'b str {
    ascii_lower(w, buf)
        .and_then(|k| std::str::from_utf8(k).ok())
        .unwrap_or("")
}

/// Is `w` one of `list` (ASCII case-insensitive)? `list` is a [`Words`] list, a
/// slice or an inline array such as `&["the", "a"]`.
pub(crate) fn is_in(w: &str, list: impl WordList) -> bool {
    list.has(w)
}

/// A list of words that [`is_in`] can test.
pub(crate) trait WordList: Copy {
    fn has(self, w: &str) -> bool;
}

/// Short lists: a scan costs less than a hash lookup.
impl WordList for &[&str] {
    fn has(self, w: &str) -> bool {
        self.iter().any(|x| w.eq_ignore_ascii_case(x))
    }
}

impl<const N: usize> WordList for &[&str; N] {
    fn has(self, w: &str) -> bool {
        self.as_slice().has(w)
    }
}

/// A word list of eight or more entries, numbered so that all of them are looked up
/// in one table: [`MEMBERSHIP`] maps a word (in any case) to the set of long lists that
/// hold it, so a test is one hash lookup and a bit test, whatever the list's length.
/// Its entries are still a slice (through `Deref`) for the rules that walk them.
#[derive(Clone, Copy)]
pub(crate) struct Words {
    id: Id,
    /// The entries, as written.
    pub(crate) all: &'static [&'static str],
}

impl Words {
    const fn new(id: Id, all: &'static [&'static str]) -> Self {
        Self { id, all }
    }
}

impl std::ops::Deref for Words {
    type Target = [&'static str];
    fn deref(&self) -> &Self::Target {
        self.all
    }
}

impl WordList for Words {
    fn has(self, w: &str) -> bool {
        let found = MEMBERSHIP
            .get(w)
            .is_some_and(|bits| bits & (1 << self.id as u32) != 0);
        // Unit tests check every lookup against the plain scan, which catches a list
        // given another list's `Id`.
        #[cfg(test)]
        assert_eq!(
            found,
            self.all.has(w),
            "{w:?} in the list numbered {}",
            self.id as u32
        );
        found
    }
}

/// Declares the long lists: one `Id` per list, in this order, and [`LONG_LISTS`],
/// checked at compile time to hold each list at its own number.
macro_rules! long_lists {
    ($($name:ident),+ $(,)?) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug)]
        enum Id { $($name),+ }
        const LONG_LISTS: &[Words] = &[$($name),+];
    };
}

long_lists!(
    GENERIC_ORG_HEADS,
    REFUSED_ACTS,
    PRONOUNS,
    SPOKES_WORDS,
    NOT_AFTER_REPORTED,
    TITLE_MODIFIERS,
    TOLD_THINGS,
    LEADING_LINKERS,
    NAME_PARTICLES,
    PLACE_TIME_PREPS,
    MONTHS,
    NOT_AFTER_SUBJECT_NAME,
    PARTICIPLE_PREPS,
    DETERMINERS,
    GLUED_CUES,
    MEDIA_REF_HEADS,
    PLATFORMS,
    RELAY_NP_STOP,
    ROLE_HEADS,
    SUBORDINATORS,
    APPOSITION_CUTS,
    NOT_PREDICATE_OPENERS,
    PLURAL_SUBJECT_ENDS,
    SUBJECT_VERBS,
    CALENDAR,
    PARTICIPLES,
    COMMA_ADVERBIALS,
    ADJECTIVE_LEADS,
    CONNECTORS,
    CLAUSE_WORDS,
    PERSON_TITLES,
    QUESTION_OPENERS,
    MALE_WORDS,
    TITLE_ABBREVIATIONS,
    FEMALE_WORDS,
    ANON_OPENERS,
    MEDIA_WORDS,
    DOCS,
    NOT_SUBJECT_START,
    NOT_AGENT_NOUNS,
    KIN_NOUNS,
    ORG_REFS,
    INSTITUTIONS,
    NP_STOP,
    PEOPLE_NOUNS,
    SUBJECT_ADVERBS,
    ADVERBIAL,
    PERSON_REFS,
    NOT_BEFORE_CUE,
    TEASER_ENDS,
    NOT_NAMES,
    ANON_NOUNS,
    PLACE_ENDS,
    ORG_WORDS,
    FEMALE_FIRST_NAMES,
    MALE_FIRST_NAMES,
    TITLES,
    STATEMENT_NOUNS,
    BODY_SUBJECT_VERBS,
);

const _: () = {
    assert!(
        LONG_LISTS.len() <= 64,
        "MEMBERSHIP holds a list's bit in a u64"
    );
    let mut i = 0;
    while i < LONG_LISTS.len() {
        assert!(
            LONG_LISTS[i].id as usize == i,
            "a long list carries another list's Id"
        );
        i += 1;
    }
};

/// Every long list's words with the bit set of the lists that hold each.
static MEMBERSHIP: std::sync::LazyLock<FoldTable<&'static str, u64>> =
    std::sync::LazyLock::new(|| {
        let pairs = LONG_LISTS
            .iter()
            .flat_map(|l| l.all.iter().map(move |w| (*w, 1u64 << l.id as u32)))
            .collect();
        FoldTable::build(pairs, |bits, more| *bits |= more)
    });

/// A fixed open-addressing table with ASCII case-insensitive keys, for the lookups
/// the extractor makes millions of times per corpus (list membership, cue forms),
/// nearly always of a word that is not there. A probe reads 16-bit tags from a
/// small array (2 bytes a slot, at most half the slots used, so it stays in cache)
/// and compares text only on a tag match. The hash is taken of the bytes with bit
/// 0x20 set, which is the same for both cases of a letter, so no lower-cased copy
/// is made. The table never changes after it is built, so however hostile the
/// input, no probe is longer than the table's longest cluster (a test bounds it).
pub(crate) struct FoldTable<K, V> {
    /// 0: empty slot; otherwise the top 16 bits of the key's hash, with bit 0 set.
    tags: Vec<u16>,
    entries: Vec<Option<(K, V)>>,
}

impl<K: AsRef<str>, V> FoldTable<K, V> {
    /// The table of `pairs`; a key that comes again (in any case) is folded into
    /// the first one's value with `merge`.
    pub(crate) fn build(pairs: Vec<(K, V)>, mut merge: impl FnMut(&mut V, V)) -> Self {
        let size = (pairs.len() * 2).next_power_of_two().max(8);
        let mut table = Self {
            tags: vec![0; size],
            entries: std::iter::repeat_with(|| None).take(size).collect(),
        };
        for (k, v) in pairs {
            match table.slot(k.as_ref()) {
                Ok(i) => {
                    if let Some((_, old)) = table.entries[i].as_mut() {
                        merge(old, v);
                    }
                }
                Err(free) => {
                    table.tags[free] = Self::tag(Self::hash(k.as_ref().as_bytes()));
                    table.entries[free] = Some((k, v));
                }
            }
        }
        table
    }

    fn hash(w: &[u8]) -> u64 {
        const K: u64 = 0x2545_f491_4f6c_dd1d;
        // Eight bytes at a time, each OR-ed with 0x20 (ASCII case folded; other
        // bytes change too, alike in every spelling, which is all a hash needs).
        // Lookups are about a sixth of extraction's instructions: the per-byte
        // loop this replaced cost about 4 % of a whole run (stop 57, cachegrind).
        const FOLD: u64 = 0x2020_2020_2020_2020;
        let mut h = 0x9e37_79b9_7f4a_7c15 ^ w.len() as u64;
        let mut chunks = w.chunks_exact(8);
        for c in &mut chunks {
            let acc = u64::from_be_bytes(c.try_into().expect("eight bytes")) | FOLD;
            h = (h ^ acc).wrapping_mul(K);
            h ^= h >> 32;
        }
        let acc = chunks
            .remainder()
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b | 0x20));
        h = (h ^ acc).wrapping_mul(K);
        h ^ (h >> 29)
    }

    fn tag(h: u64) -> u16 {
        (h >> 48) as u16 | 1
    }

    /// `Ok(slot)` holding `w`, or `Err(free slot)` where it would go.
    fn slot(&self, w: &str) -> Result<usize, usize> {
        let h = Self::hash(w.as_bytes());
        let tag = Self::tag(h);
        let mask = self.tags.len() - 1;
        let mut i = h as usize & mask;
        loop {
            match self.tags[i] {
                0 => return Err(i),
                t if t == tag
                    && self.entries[i]
                        .as_ref()
                        .is_some_and(|(k, _)| k.as_ref().eq_ignore_ascii_case(w)) =>
                {
                    return Ok(i)
                }
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// The value of `w` (ASCII case-insensitive).
    pub(crate) fn get(&self, w: &str) -> Option<&V> {
        let i = self.slot(w).ok()?;
        self.entries[i].as_ref().map(|(_, v)| v)
    }

    /// The most slots a probe can walk: the longest run of filled slots.
    #[cfg(test)]
    fn longest_cluster(&self) -> usize {
        let (mut longest, mut run) = (0, 0);
        for t in self.tags.iter().chain(&self.tags) {
            run = if *t == 0 { 0 } else { run + 1 };
            longest = longest.max(run);
        }
        longest
    }
}

/// Does `w` end with one of `suffixes` (ASCII case-insensitive)?
pub(crate) fn ends_with_any(w: &str, suffixes: &[&str]) -> bool {
    suffixes.iter().any(|x| {
        w.len() >= x.len() && w.as_bytes()[w.len() - x.len()..].eq_ignore_ascii_case(x.as_bytes())
    })
}

/// Join word lists into one array at compile time, in order. Lookups are membership
/// tests, so an entry that two parts share does no harm.
const fn join<const N: usize>(parts: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    let mut p = 0;
    while p < parts.len() {
        let mut j = 0;
        while j < parts[p].len() {
            out[i] = parts[p][j];
            i += 1;
            j += 1;
        }
        p += 1;
    }
    assert!(i == N, "join: the parts do not fill the array");
    out
}

/// A `&'static [&str]` made of several lists (literal slices or other constants), so
/// a shared part such as [`WEEKDAYS`] is written once.
macro_rules! joined {
    ($($part:expr),+ $(,)?) => {{
        const PARTS: &[&[&str]] = &[$($part),+];
        const LEN: usize = {
            let mut n = 0;
            let mut p = 0;
            while p < PARTS.len() {
                n += PARTS[p].len();
                p += 1;
            }
            n
        };
        const OUT: [&str; LEN] = join::<LEN>(PARTS);
        &OUT
    }};
}

// ---------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------

/// The days of the week, lower case.
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The months, lower case, without "may": as a capitalised word it opens far more
/// sentences as the modal verb than it names the month.
pub(crate) const MONTHS: Words = Words::new(
    Id::MONTHS,
    &[
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
);

/// First names that are (almost) only given to women, for "she" against "he" (world
/// knowledge; names given to both, such as Chris, Kim, Jean or Andrea, are left out).
pub(crate) const FEMALE_FIRST_NAMES: Words = Words::new(
    Id::FEMALE_FIRST_NAMES,
    &[
        "mary",
        "patricia",
        "alexandra",
        "yolanda",
        "jennifer",
        "linda",
        "elizabeth",
        "barbara",
        "susan",
        "jessica",
        "sarah",
        "karen",
        "lisa",
        "nancy",
        "betty",
        "margaret",
        "sandra",
        "ashley",
        "kimberly",
        "emily",
        "donna",
        "michelle",
        "carol",
        "amanda",
        "melissa",
        "deborah",
        "stephanie",
        "rebecca",
        "sharon",
        "laura",
        "cynthia",
        "kathleen",
        "amy",
        "angela",
        "shirley",
        "anna",
        "joanna",
        "joanne",
        "johanna",
        "brenda",
        "pamela",
        "emma",
        "nicole",
        "helen",
        "samantha",
        "katherine",
        "christine",
        "debra",
        "rachel",
        "carolyn",
        "janet",
        "catherine",
        "maria",
        "heather",
        "diane",
        "ruth",
        "julie",
        "olivia",
        "joyce",
        "virginia",
        "victoria",
        "kelly",
        "lauren",
        "christina",
        "joan",
        "evelyn",
        "judith",
        "megan",
        "cheryl",
        "hannah",
        "jacqueline",
        "martha",
        "gloria",
        "teresa",
        "theresa",
        "ann",
        "anne",
        "sara",
        "madison",
        "frances",
        "kathryn",
        "janice",
        "abigail",
        "alice",
        "julia",
        "judy",
        "sophia",
        "grace",
        "denise",
        "amber",
        "doris",
        "marilyn",
        "danielle",
        "beverly",
        "isabella",
        "diana",
        "natalie",
        "brittany",
        "charlotte",
        "marie",
        "kayla",
        "alexis",
        "lori",
        "hillary",
        "nikki",
        "melania",
        "ivanka",
        "kellyanne",
        "marine",
        "ségolène",
        "segolene",
        "arlene",
        "mairead",
        "mary-lou",
        "katie",
        "claire",
        "fiona",
        "siobhan",
        "aoife",
        "niamh",
        "sinead",
        "orla",
        "irina",
        "olga",
        "natalia",
        "tatiana",
        "svetlana",
        "yulia",
        "elena",
        "ekaterina",
        "valentina",
        "ursula",
        "angelika",
        "sabine",
        "petra",
        "federica",
        "sophie",
        "isabelle",
        "nathalie",
        "valerie",
        "sylvie",
        "christiane",
        "ines",
        "fatima",
        "aisha",
        "leila",
        "layla",
        "zainab",
        "mariam",
        "noura",
        "hanan",
        "hana",
        "yasmin",
        "priya",
        "sushma",
        "indira",
        "sonia",
        "yuko",
        "akiko",
        "lucy",
        "jane",
        "louise",
        "caroline",
        "harriet",
        "eleanor",
        "hazel",
        "alison",
        "gillian",
        "jill",
        "kate",
        "susanna",
        "tanya",
        "tina",
        "wendy",
        "yvonne",
        "nadia",
        "natasha",
        "rosa",
        "carmen",
        "lucia",
        "elisa",
        "paola",
        "giulia",
    ],
);

/// First names that are (almost) only given to men.
pub(crate) const MALE_FIRST_NAMES: Words = Words::new(
    Id::MALE_FIRST_NAMES,
    &[
        "james",
        "john",
        "robert",
        "michael",
        "william",
        "david",
        "richard",
        "joseph",
        "thomas",
        "charles",
        "christopher",
        "daniel",
        "matthew",
        "anthony",
        "mark",
        "donald",
        "steven",
        "paul",
        "andrew",
        "joshua",
        "kenneth",
        "kevin",
        "brian",
        "george",
        "timothy",
        "ronald",
        "edward",
        "jason",
        "jeffrey",
        "ryan",
        "jacob",
        "gary",
        "nicholas",
        "eric",
        "jonathan",
        "stephen",
        "larry",
        "justin",
        "scott",
        "brandon",
        "benjamin",
        "samuel",
        "gregory",
        "alexander",
        "frank",
        "patrick",
        "raymond",
        "jack",
        "dennis",
        "jerry",
        "aaron",
        "jose",
        "adam",
        "nathan",
        "henry",
        "douglas",
        "zachary",
        "peter",
        "kyle",
        "ethan",
        "walter",
        "noah",
        "jeremy",
        "christian",
        "keith",
        "roger",
        "terry",
        "gerald",
        "harold",
        "sean",
        "austin",
        "carl",
        "arthur",
        "lawrence",
        "dylan",
        "jesse",
        "bryan",
        "billy",
        "joe",
        "bruce",
        "gabriel",
        "logan",
        "albert",
        "willie",
        "alan",
        "juan",
        "wayne",
        "elijah",
        "randy",
        "roy",
        "vincent",
        "ralph",
        "eugene",
        "russell",
        "bobby",
        "mason",
        "philip",
        "louis",
        "barack",
        "mike",
        "mitch",
        "chuck",
        "bernie",
        "rex",
        "jeff",
        "ted",
        "marco",
        "rand",
        "reince",
        "sergey",
        "sergei",
        "vladimir",
        "dmitry",
        "dmitri",
        "alexei",
        "alexey",
        "nikolai",
        "igor",
        "yuri",
        "viktor",
        "mikhail",
        "ivan",
        "pavel",
        "andrei",
        "boris",
        "shinzo",
        "recep",
        "bashar",
        "ali",
        "mohammed",
        "muhammad",
        "ahmed",
        "ahmad",
        "hassan",
        "hussein",
        "mahmoud",
        "omar",
        "abdullah",
        "ibrahim",
        "khalid",
        "yousef",
        "youssef",
        "mustafa",
        "emmanuel",
        "francois",
        "françois",
        "jean-claude",
        "jean-marc",
        "jean-yves",
        "pierre",
        "jacques",
        "nicolas",
        "manuel",
        "wolfgang",
        "frank-walter",
        "sigmar",
        "martin",
        "heiko",
        "horst",
        "jens",
        "hans",
        "klaus",
        "jürgen",
        "juergen",
        "enda",
        "micheál",
        "micheal",
        "leo",
        "simon",
        "gerry",
        "eamon",
        "declan",
        "seamus",
        "niall",
        "conor",
        "ciaran",
        "liam",
        "kieran",
        "fergus",
        "rory",
        "nigel",
        "keir",
        "tim",
        "nick",
        "hugh",
        "ian",
        "neil",
        "gordon",
        "tony",
        "jim",
        "tom",
        "bill",
        "bob",
        "dan",
        "ben",
        "sam",
        "matt",
        "luke",
        "narendra",
        "rahul",
        "rajnath",
        "nawaz",
        "imran",
        "ashraf",
        "hamid",
        "abdel",
        "fethullah",
        "binali",
        "mevlut",
        "mevlüt",
        "ahmet",
        "tayyip",
        "rodrigo",
        "jair",
        "luiz",
        "mauricio",
        "enrique",
        "carlos",
        "luis",
        "miguel",
        "pedro",
        "antonio",
        "giuseppe",
        "matteo",
        "paolo",
    ],
);

/// Words in a description that make its person a woman ("a spokeswoman", "his
/// mother") …
pub(crate) const FEMALE_WORDS: Words = Words::new(
    Id::FEMALE_WORDS,
    &[
        "woman",
        "women",
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "businesswoman",
        "mother",
        "wife",
        "daughter",
        "sister",
        "grandmother",
        "widow",
        "girl",
        "girlfriend",
        "actress",
        "queen",
        "princess",
        "duchess",
        "lady",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "aunt",
        "niece",
    ],
);

/// … or a man.
pub(crate) const MALE_WORDS: Words = Words::new(
    Id::MALE_WORDS,
    &[
        "man",
        "men",
        "spokesman",
        "chairman",
        "congressman",
        "businessman",
        "father",
        "husband",
        "son",
        "brother",
        "grandfather",
        "widower",
        "boy",
        "boyfriend",
        "king",
        "prince",
        "duke",
        "mr",
        "mr.",
        "sir",
        "lord",
        "uncle",
        "nephew",
    ],
);

/// Relations of a person: "the mother of Ana Ruiz said" is the mother, not Ana Ruiz.
pub(crate) const KIN_NOUNS: Words = Words::new(
    Id::KIN_NOUNS,
    &[
        "mother",
        "father",
        "parents",
        "son",
        "sons",
        "daughter",
        "daughters",
        "wife",
        "husband",
        "widow",
        "widower",
        "brother",
        "brothers",
        "sister",
        "sisters",
        "family",
        "relatives",
        "relative",
        "friend",
        "friends",
        "uncle",
        "aunt",
        "cousin",
        "grandmother",
        "grandfather",
        "girlfriend",
        "boyfriend",
        "fiancee",
        "fiance",
        "neighbour",
        "neighbours",
        "neighbor",
        "neighbors",
        "classmate",
        "classmates",
        "lawyer",
        "lawyers",
        "attorney",
        "attorneys",
    ],
);

/// Endings of occupation nouns that are never a first name, so that such a word
/// before a full name is a description, not part of the name ("Biologist Ana Ruiz",
/// "Translator Ivo M. Brandt", "Academician …"); "-er", "-or" and "-ian" are left out
/// (Peter, Victor, Brian).
pub(crate) const OCCUPATION_ENDINGS: &[&str] = &["ist", "ician", "ator", "grapher"];

/// Occupations and conditions written before a full name at a sentence's start, and
/// so capitalised ("Survivor Allen Pembroke told …", "Singer-songwriter Huey Lewis
/// said"): no part of the name. Only for that place; the rules' other person nouns
/// are `PEOPLE_NOUNS`.
pub(crate) const OCCUPATION_NOUNS: &[&str] = &[
    "survivor",
    "accountant",
    "reveler",
    "reveller",
    "singer",
    "songwriter",
    "parliamentarian",
    "campaigner",
    "commentator",
    "rapper",
    "actor",
    "actress",
    "designer",
    "entrepreneur",
    "investor",
    "resident",
    "farmer",
    "teacher",
    "student",
    "writer",
    "author",
    "businessman",
    "businesswoman",
    "blogger",
    "comedian",
    "presenter",
    "producer",
    "filmmaker",
    "footballer",
    "striker",
    "goalkeeper",
];

/// Cue lemmas that are no speech before "to" ("police responded to a call", "is
/// determined to stop it").
pub(crate) const NOT_BEFORE_TO_LEMMAS: &[&str] = &["respond", "reply", "determine", "add"];

/// Cue lemmas that before "to" and a verb make a commitment or an intention
/// ("promised to leave", "vowed to fight"), which is no statement (rulebook R1).
pub(crate) const COMMITMENT_LEMMAS: &[&str] = &[
    "promise",
    "pledge",
    "vow",
    "threaten",
    "agree",
    "offer",
    "refuse",
    "decline",
    "hope",
    "expect",
    "swear",
    "undertake",
    "intend",
    "plan",
    "aim",
    "seek",
];

/// Singular nouns for a group of people ("the couple", "the family"): unresolved, an
/// unnamed group of sources, as a plural of people is.
pub(crate) const PEOPLE_GROUPS: &[&str] = &["couple", "family", "pair", "duo", "trio"];

/// Nouns for a person that neither the role lists nor an agent suffix (-er, -ist,
/// -ian, -ent, -ant, -or) give: "another inmate", "one witness", "the rabbis".
pub(crate) const PEOPLE_NOUNS: Words = Words::new(
    Id::PEOPLE_NOUNS,
    &[
        "inmate",
        "whistleblower",
        "advocate",
        "candidate",
        "graduate",
        "delegate",
        "colleague",
        "associate",
        "witness",
        "victim",
        "nurse",
        "doctor",
        "mother",
        "father",
        "son",
        "daughter",
        "wife",
        "husband",
        "friend",
        "relative",
        "refugee",
        "pilot",
        "chef",
        "judge",
        "expert",
        "diplomat",
        "employee",
        "trainee",
        "teen",
        "youth",
        "child",
        "woman",
        "man",
        "person",
        "girl",
        "boy",
        "monk",
        "priest",
        "imam",
        "rabbi",
        "moderate",
        "hardliner",
        "bishop",
        "cleric",
        "analyst",
        "nominee",
        "attendee",
        "detainee",
        "guide",
        "athlete",
        "veteran",
        "voter",
        "lawyer",
        "academic",
        "scholar",
        "tribe",
        "teammate",
        "congressman",
        "congresswoman",
    ],
);

/// Words that end the core of an apposition ("an artist *from* Lima", "a company
/// *that* makes …").
pub(crate) const APPOSITION_CUTS: Words = Words::new(
    Id::APPOSITION_CUTS,
    &[
        "of", "from", "in", "at", "for", "with", "on", "by", "who", "which", "that", "whose",
        "and", "based", "to",
    ],
);

/// Head nouns that describe the same kind of body: an entity introduced as "a group"
/// is "the organization" later, "a firm" is "the company".
pub(crate) const SAME_KIND_NOUNS: &[&[&str]] = &[
    &["group", "organization", "organisation"],
    &["company", "firm"],
    &["lawyer", "attorney", "counsel"],
    &["commander", "admiral", "general", "colonel"],
];

/// Heads of descriptions that name no office ("the British leader", "the Friends
/// star", "the then-presidential candidate"): a definite one may be any person the
/// article is about, whatever title that person was named with.
pub(crate) const EPITHET_HEADS: &[&str] = &["leader", "star", "candidate", "politician", "figure"];

/// Do `a` and `b` belong to one set of [`SAME_KIND_NOUNS`]?
pub(crate) fn same_kind_nouns(a: &str, b: &str) -> bool {
    SAME_KIND_NOUNS
        .iter()
        .any(|set| set.contains(&a) && set.contains(&b))
}

/// Endings of agent nouns, which name a person ("passenger", "separatist",
/// "parliamentarian", "patient", "migrant", "investor").
pub(crate) const AGENT_SUFFIXES: &[&str] = &["er", "or", "ist", "ian", "ent", "ant"];

/// Nouns with an agent ending that name no person ("the letter", "the centre", "the
/// government"), for "the … said" read as an unnamed person.
pub(crate) const NOT_AGENT_NOUNS: Words = Words::new(
    Id::NOT_AGENT_NOUNS,
    &[
        "paper",
        "letter",
        "center",
        "centre",
        "order",
        "number",
        "chamber",
        "computer",
        "water",
        "matter",
        "sector",
        "factor",
        "movement",
        "comment",
        "management",
        "tournament",
        "incident",
        "accident",
        "restaurant",
        "plant",
        "giant",
        "poster",
        "register",
        "theater",
        "theatre",
        "quarter",
        "border",
        "power",
        "tower",
        "answer",
        "cancer",
        "river",
        "winter",
        "summer",
        "government",
        "department",
        "parliament",
        "statement",
        "document",
        "agreement",
        "amendment",
        "investment",
        "development",
        "establishment",
        "settlement",
        "assessment",
        "judgment",
        "judgement",
        "event",
        "content",
        "element",
        "segment",
        "moment",
        "argument",
        "experiment",
        "equipment",
        "environment",
        "treatment",
        "payment",
        "shipment",
        "shipper",
        "trailer",
        "flyer",
        "newsletter",
        "charter",
        "filter",
        "meter",
        "monitor",
        "indicator",
        "regulator",
        "operator",
        "carrier",
        "provider",
        "retailer",
        "insurer",
        "manufacturer",
        "lender",
        "broker",
        "publisher",
        "broadcaster",
        "sponsor",
        "list",
        "playlist",
        "checklist",
    ],
);

/// Words after which a past participle is an adjective.
pub(crate) const ADJECTIVE_LEADS: Words = Words::new(
    Id::ADJECTIVE_LEADS,
    &[
        "a", "an", "the", "some", "one", "another", "two", "several", "many", "well", "newly",
        "ill", "poorly", "highly", "its", "their", "his", "her", "other", "any",
    ],
);

/// Prepositions after which a past participle describes a source rather than
/// being its verb.
pub(crate) const PARTICIPLE_PREPS: Words = Words::new(
    Id::PARTICIPLE_PREPS,
    &[
        "by", "on", "to", "as", "in", "with", "about", "from", "for", "at", "of",
    ],
);

/// Verbs after an existential "there" ("there were", "there had been", "there
/// could be", "there wasn't"), which make it the start of a clause rather than a place.
pub(crate) const EXISTENTIAL_VERBS: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "had",
    "has",
    "have",
    "will",
    "would",
    "could",
    "may",
    "might",
    "should",
    "must",
    "can",
    "seems",
    "seemed",
    "appears",
    "appeared",
    "remain",
    "remains",
    "remained",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "hasn't",
    "haven't",
    "hadn't",
    "won't",
    "wouldn't",
    "couldn't",
    "can't",
    "shouldn't",
];

/// Reporting verbs after which the scraped corpus sometimes has a hyphen for a space
/// ("said-the minister"); the text preparation puts the space back.
pub(crate) const GLUED_CUES: Words = Words::new(
    Id::GLUED_CUES,
    &[
        "said",
        "says",
        "told",
        "reported",
        "added",
        "stated",
        "announced",
        "confirmed",
        "tweeted",
        "wrote",
        "warned",
        "insisted",
        "spoke",
    ],
);

/// Words that form compounds with a reporting verb ("under-reported", "well-said"):
/// the hyphen after them is no mangled space.
pub(crate) const CUE_COMPOUND_PREFIXES: &[&str] = &[
    "well", "under", "widely", "self", "often", "oft", "much", "so", "fore", "un", "above", "ill",
    "over", "mis", "re", "pre", "co",
];

/// Weekdays and months: time words that end up in a speaker span when an adverbial is
/// glued to it ("Mexico Wednesday").
pub(crate) const CALENDAR: Words = Words::new(Id::CALENDAR, joined!(WEEKDAYS, MONTHS.all));

/// A day named in an adverbial ("on Monday", "said yesterday"): the time phrase ends
/// after it or after its part of the day.
pub(crate) const DAY_WORDS: &[&str] =
    joined!(WEEKDAYS, &["today", "yesterday", "tonight", "tomorrow"]);

/// Parts of a day that continue a day's phrase ("Monday night").
pub(crate) const PARTS_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night"];

/// "at least 30", "at most five": a quantity, not a place or time adverbial.
pub(crate) const LEAST_MOST: &[&str] = &["least", "most"];

// ---------------------------------------------------------------------------------
// Reporting cues
// ---------------------------------------------------------------------------------

/// How a reporting verb may take its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cue {
    /// Takes a bare clause ("said the talks failed").
    Bare,
    /// Needs "that", a colon or a quotation ("announced that …").
    Clausal,
    /// "told": an object (the listener) comes first.
    Told,
    /// "quoted X as saying".
    Quoted,
}

/// The inflected form of a cue verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// "say", "deny": after a plural subject.
    Base,
    /// "says", "denies".
    Third,
    /// "said", "denied" (past tense and past participle).
    Past,
    /// "saying": a cue only as a progressive ("are saying").
    Progressive,
}

/// One verb of the cue inventory: its lemma, its frame, and the forms that differ from
/// the regular inflection (`None`: regular).
struct Lemma {
    base: &'static str,
    frame: Frame,
    irregular: Option<(&'static str, &'static str, &'static str)>,
}

/// How a cue verb takes its content (the frame), before the forms are generated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Frame {
    /// A bare clause ("said the talks failed").
    Bare,
    /// "that", a colon, a quotation, or a pronoun/name + auxiliary.
    Clausal,
    /// As `Clausal`, or a noun object that is itself a checkable fact ("denied any
    /// role", "confirmed three deaths").
    FactObject,
    /// The listener first ("told X that …").
    Told,
    /// "quoted X as saying".
    Quoted,
    /// An evaluative speech act: an object then `of`/`as`/`for`/a quotation ("accused
    /// X of …", "described X as …", "called X "…"").
    Evaluative,
}

const fn lemma(base: &'static str, frame: Frame) -> Lemma {
    Lemma {
        base,
        frame,
        irregular: None,
    }
}

const fn irregular(
    base: &'static str,
    frame: Frame,
    forms: (&'static str, &'static str, &'static str),
) -> Lemma {
    Lemma {
        base,
        frame,
        irregular: Some(forms),
    }
}

/// The reporting verbs of the rulebook (R1) and of general English, by lemma. Every
/// inflection is generated from these; irregular forms are given as (third person,
/// past, progressive).
const LEMMAS: &[Lemma] = &[
    irregular("say", Frame::Bare, ("says", "said", "saying")),
    irregular("tell", Frame::Told, ("tells", "told", "telling")),
    lemma("quote", Frame::Quoted),
    lemma("add", Frame::Bare),
    lemma("insist", Frame::Bare),
    lemma("explain", Frame::Bare),
    lemma("note", Frame::Bare),
    lemma("stress", Frame::Bare),
    lemma("argue", Frame::Bare),
    lemma("assert", Frame::Bare),
    lemma("emphasise", Frame::Bare),
    lemma("emphasize", Frame::Bare),
    lemma("reiterate", Frame::Bare),
    lemma("contend", Frame::Bare),
    lemma("conclude", Frame::Bare),
    lemma("complain", Frame::Bare),
    lemma("reply", Frame::Clausal),
    lemma("respond", Frame::Clausal),
    lemma("testify", Frame::Bare),
    lemma("declare", Frame::Bare),
    lemma("comment", Frame::Bare),
    lemma("remark", Frame::Bare),
    lemma("caution", Frame::Bare),
    lemma("underline", Frame::Bare),
    lemma("underscore", Frame::Bare),
    lemma("suggest", Frame::Bare),
    lemma("state", Frame::Bare),
    lemma("claim", Frame::Clausal),
    lemma("announce", Frame::Clausal),
    lemma("reveal", Frame::Clausal),
    lemma("disclose", Frame::Clausal),
    lemma("indicate", Frame::Clausal),
    lemma("clarify", Frame::Clausal),
    lemma("assure", Frame::Clausal),
    lemma("warn", Frame::Clausal),
    lemma("report", Frame::Clausal),
    irregular("write", Frame::Clausal, ("writes", "wrote", "writing")),
    irregular("tweet", Frame::Clausal, ("tweets", "tweeted", "tweeting")),
    lemma("post", Frame::Clausal),
    lemma("predict", Frame::Clausal),
    lemma("estimate", Frame::Clausal),
    irregular(
        "forecast",
        Frame::Clausal,
        ("forecasts", "forecast", "forecasting"),
    ),
    lemma("hint", Frame::Clausal),
    irregular(
        "signal",
        Frame::Clausal,
        ("signals", "signalled", "signalling"),
    ),
    lemma("inform", Frame::Clausal),
    lemma("notify", Frame::Clausal),
    lemma("remind", Frame::Clausal),
    lemma("vow", Frame::Clausal),
    lemma("promise", Frame::Clausal),
    lemma("pledge", Frame::Clausal),
    lemma("threaten", Frame::Clausal),
    lemma("allege", Frame::Clausal),
    lemma("concede", Frame::Clausal),
    lemma("dispute", Frame::Clausal),
    lemma("recall", Frame::Clausal),
    lemma("maintain", Frame::Clausal),
    // Findings of institutions ("the inquiry found that …").
    irregular("find", Frame::Clausal, ("finds", "found", "finding")),
    irregular("show", Frame::Clausal, ("shows", "showed", "showing")),
    lemma("determine", Frame::Clausal),
    // Rulings ("the magistrate ruled that …"); "ruled out" takes no clause.
    lemma("rule", Frame::Clausal),
    // Verbs whose noun object can itself be the claim.
    lemma("confirm", Frame::FactObject),
    lemma("deny", Frame::FactObject),
    irregular(
        "admit",
        Frame::FactObject,
        ("admits", "admitted", "admitting"),
    ),
    lemma("acknowledge", Frame::FactObject),
    // Evaluative speech acts.
    lemma("accuse", Frame::Evaluative),
    lemma("describe", Frame::Evaluative),
    lemma("characterize", Frame::Evaluative),
    lemma("characterise", Frame::Evaluative),
    lemma("dismiss", Frame::Evaluative),
    lemma("blame", Frame::Evaluative),
    lemma("criticise", Frame::Evaluative),
    lemma("criticize", Frame::Evaluative),
    lemma("lambast", Frame::Evaluative),
    lemma("rebuke", Frame::Evaluative),
    lemma("brand", Frame::Evaluative),
    lemma("label", Frame::Evaluative),
    lemma("call", Frame::Evaluative),
    // Only with "as" ("condemned the launch as intolerable"): "condemned the attack"
    // and "denounced the "illegal" raid" state nothing. ("hail" is no cue: "hail cabs",
    // "was hailed a hero".)
    lemma("condemn", Frame::Evaluative),
    lemma("denounce", Frame::Evaluative),
];

/// Phrasal reporting verbs: a verb and the words that must follow it ("pointed out
/// that …", "made it clear that …", "went on to say …"). The rules read the verb and
/// its particle as one cue word (see `rules::cues::join_phrasal_cues`), so every form
/// gets the usual sense checks; "pointed out the window" has no clause and is no cue.
const PHRASAL_LEMMAS: &[(Lemma, &str)] = &[
    (lemma("point", Frame::Clausal), "out"),
    (
        irregular("make", Frame::Clausal, ("makes", "made", "making")),
        "clear",
    ),
    (
        irregular("make", Frame::Clausal, ("makes", "made", "making")),
        "it clear",
    ),
    (
        irregular("go", Frame::Bare, ("goes", "went", "going")),
        "on to say",
    ),
];

/// Past forms that double their last consonant or are otherwise irregular, and the
/// second spelling some verbs have ("signaled").
const EXTRA_FORMS: &[(&str, &str, Form)] = &[
    ("signaled", "signal", Form::Past),
    ("signaling", "signal", Form::Progressive),
    ("shown", "show", Form::Past),
    ("written", "write", Form::Past),
    ("labelled", "label", Form::Past),
    ("labeled", "label", Form::Past),
];

/// The regular inflections of a base form: (third person, past, progressive).
fn inflect(base: &str) -> (String, String, String) {
    let stem_y = base
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']));
    if let Some(stem) = stem_y {
        return (
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{base}ing"),
        );
    }
    let third = if base.ends_with(['s', 'x', 'z']) || base.ends_with("sh") || base.ends_with("ch") {
        format!("{base}es")
    } else {
        format!("{base}s")
    };
    if let Some(stem) = base.strip_suffix('e') {
        return (third, format!("{base}d"), format!("{stem}ing"));
    }
    (third, format!("{base}ed"), format!("{base}ing"))
}

/// Every form of a lemma with its kind: base, third person, past, progressive.
fn forms(l: &Lemma) -> [(String, Form); 4] {
    let (third, past, ing) = match l.irregular {
        Some((t, p, i)) => (t.to_string(), p.to_string(), i.to_string()),
        None => inflect(l.base),
    };
    [
        (l.base.to_string(), Form::Base),
        (third, Form::Third),
        (past, Form::Past),
        (ing, Form::Progressive),
    ]
}

/// The verb forms that open a phrasal cue, each with the particles that may follow it.
static PHRASAL_HEADS: std::sync::LazyLock<FoldTable<String, Vec<&'static str>>> =
    std::sync::LazyLock::new(|| {
        let pairs = PHRASAL_LEMMAS
            .iter()
            .flat_map(|(l, particle)| forms(l).map(|(w, _)| (w, vec![*particle])))
            .collect();
        FoldTable::build(pairs, |ps, more| ps.extend(more))
    });

/// The particles that can follow `word` to make a phrasal cue ("pointed" → "out",
/// "made" → "clear" or "it clear"); empty for any other word.
pub(crate) fn phrasal_particles(word: &str) -> &'static [&'static str] {
    PHRASAL_HEADS.get(word).map_or(&[], |v| v.as_slice())
}

/// Can `word` open a phrasal cue's particle ("out", "clear", "it", "on")? A cheap
/// test run on the word after every verb before the verb is looked up.
pub(crate) fn opens_particle(word: &[u8]) -> bool {
    word.len() <= 5 && PARTICLE_STARTS.iter().any(|p| p.as_bytes() == word)
}

/// The first word of every particle in `PHRASAL_LEMMAS` (a unit test keeps the two
/// in step).
const PARTICLE_STARTS: &[&str] = &["out", "clear", "it", "on"];

/// A cue occurrence: the verb's frame, its form and its lemma.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CueWord {
    pub frame: Frame,
    pub form: Form,
    pub lemma: &'static str,
}

static CUE_FORMS: std::sync::LazyLock<FoldTable<String, CueWord>> =
    std::sync::LazyLock::new(|| {
        let cue = |l: &Lemma, form| CueWord {
            frame: l.frame,
            form,
            lemma: l.base,
        };
        let mut pairs = Vec::new();
        for l in LEMMAS {
            pairs.extend(forms(l).map(|(w, form)| (w, cue(l, form))));
        }
        for (l, particle) in PHRASAL_LEMMAS {
            pairs.extend(forms(l).map(|(w, form)| (format!("{w} {particle}"), cue(l, form))));
        }
        for &(w, base, form) in EXTRA_FORMS {
            if let Some(l) = LEMMAS.iter().find(|l| l.base == base) {
                pairs.push((w.to_string(), cue(l, form)));
            }
        }
        // The first reading of a form wins.
        FoldTable::build(pairs, |_, _| {})
    });

/// Look a word up in the cue inventory (ASCII case-insensitive).
pub(crate) fn cue_word(word: &str) -> Option<CueWord> {
    CUE_FORMS.get(word).copied()
}

/// The cue class of a finite verb form (progressives and base forms included; the
/// rules decide from the context whether the occurrence is a cue).
pub(crate) fn cue(word: &str) -> Option<Cue> {
    cue_word(word).map(|c| match c.frame {
        Frame::Bare => Cue::Bare,
        Frame::Clausal | Frame::FactObject | Frame::Evaluative => Cue::Clausal,
        Frame::Told => Cue::Told,
        Frame::Quoted => Cue::Quoted,
    })
}

/// The prepositions an evaluative cue needs after its object, by lemma ("accused X
/// of …", "blamed X for/on …", "described X as …"); `call` needs a quotation instead.
pub(crate) fn evaluative_preps(lemma: &str) -> &'static [&'static str] {
    match lemma {
        "accuse" => &["of"],
        "blame" => &["for", "on"],
        "criticise" | "criticize" | "lambast" | "rebuke" => &["for", "over", "as"],
        "call" => &[],
        _ => &["as"],
    }
}

/// Evaluative lemmas whose frame needs its preposition: a quotation inside the object
/// ("denounced the "illegal" raid") is no description of it.
pub(crate) const PREP_ONLY_EVALUATIVE: &[&str] = &[
    "accuse",
    "blame",
    "condemn",
    "denounce",
    "characterize",
    "characterise",
];

// ---------------------------------------------------------------------------------
// Where a cue form is a cue
// ---------------------------------------------------------------------------------

/// Auxiliaries that make a progressive of an -ing form ("are saying").
pub(crate) const PROGRESSIVE_AUX: &[&str] = &["is", "are", "was", "were", "been", "be", "am"];

/// Plural subjects without a final -s before a base-form cue ("media say", "they
/// deny", "police allege").
pub(crate) const PLURAL_SUBJECT_ENDS: Words = Words::new(
    Id::PLURAL_SUBJECT_ENDS,
    &[
        "they", "media", "police", "people", "staff", "men", "women", "children", "data",
        "critics", "both", "others", "many", "some", "all", "few",
    ],
);

/// Cues of a source named at the start of a reported clause ("Nordlicht Wire reported
/// that harbour master Elke Saarin said two tugs were missing"): one hop per level
/// (rulebook R2, nesting).
pub(crate) const NESTED_CUES: &[&str] = &["said", "says", "say", "reported", "claimed", "stated"];

/// Cues that open a relative clause after a statement noun and the content after
/// them ("a Dravel Post report that said …", "a report that revealed …").
pub(crate) const RELATIVE_CLAUSE_CUES: &[&str] = &[
    "said",
    "says",
    "claimed",
    "claims",
    "stated",
    "alleged",
    "revealed",
    "suggested",
];

/// Auxiliaries between a nested source and its cue ("… that police had said …").
pub(crate) const NESTED_AUX: &[&str] = &["had", "has", "have"];

/// Words that make a nested source phrase something else: a clause, a question or a
/// noun "say" ("… said what Russia said was false", "the man who said …", "MPs would
/// get a say on …"). Compared in lower case.
pub(crate) const NESTED_NOT_SOURCE: &[&str] = &[
    "who", "which", "whom", "whose", "what", "that", "when", "where", "if", "whether", "how",
    "why", "and", "or", "not", "also", "never", "will", "would", "could", "should", "can", "may",
    "might", "must", "get", "got", "a", "an",
];

/// Participles that, after a comma following a statement, give the same speaker a
/// second statement ("…, adding that …"). Directive participles (*urging*) are not here.
pub(crate) const SECOND_STATEMENT_PARTICIPLES: &[&str] = &[
    "adding",
    "noting",
    "saying",
    "stressing",
    "insisting",
    "warning",
    "explaining",
    "arguing",
    "claiming",
    "stating",
    "confirming",
    "asserting",
    "acknowledging",
    "admitting",
    "emphasising",
    "emphasizing",
    "recalling",
    "alleging",
    "conceding",
    "declaring",
    "pointing out",
    "making clear",
    "making it clear",
];

/// Words before a verb form that make it a noun, an adjective, a passive or not a
/// report at all ("the claims", "was reported", "refused to say", "who said").
pub(crate) const NOT_BEFORE_CUE: Words = Words::new(
    Id::NOT_BEFORE_CUE,
    &[
        "the",
        "a",
        "an",
        "these",
        "those",
        "this",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "such",
        "of",
        "to",
        "not",
        "never",
        "n't",
        "was",
        "were",
        "been",
        "being",
        "is",
        "are",
        "be",
        "who",
        "which",
        "that",
        "what",
        "whom",
        "by",
        "with",
        "any",
        "no",
        "unconfirmed",
        "initial",
        "press",
        "news",
        "some",
        "many",
        "other",
        "all",
        "if",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "will",
        "did",
        "do",
        "does",
        "i",
        "we",
        "you",
        "ve",
        "as",
        "when",
        "where",
        "how",
        "why",
        "whether",
        // A finite verb never follows a preposition: "from promises she made", "amid
        // claims", "over reports" are nouns.
        "from",
        "about",
        "for",
        "into",
        "against",
        "over",
        "amid",
        "despite",
        "without",
        "upon",
        "under",
        "than",
        "in",
        "on",
        "at",
    ],
);

/// Parenthetical adverbs between a subject and its verb (", however,").
pub(crate) const PARENTHETICALS: &[&str] = &["however", "too", "though", "meanwhile", "also"];

/// Last words of the names of documents, laws and agreements ("Paris Agreement",
/// "Affordable Care Act"): such a name is never a person's.
pub(crate) const NAMED_DOCUMENT_HEADS: &[&str] = &[
    "agreement",
    "accord",
    "accords",
    "treaty",
    "convention",
    "protocol",
    "charter",
    "declaration",
    "act",
    "amendment",
    "constitution",
];

/// A person's own offices ("his office", "her campaign"): they speak for the person.
pub(crate) const PERSONAL_OFFICES: &[&str] = &["office", "campaign", "camp", "team", "staff"];

/// Numbers and quantifiers that open a content clause's subject without a "that"
/// ("reported two people were killed", "said several were hurt").
pub(crate) const QUANTITY_OPENERS: &[&str] = joined!(
    &["one"],
    NUMBER_WORDS,
    &["several", "many", "some", "most", "all", "both"],
);

/// Number words from two to twelve and the plural round numbers.
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
];

/// Negative quantifiers that open a subject ("no party", "neither X nor Y"): such a
/// hop names nobody who spoke (validity check).
pub(crate) const NEGATIVE_SUBJECTS: &[&str] = &["no", "nobody", "none", "neither", "nor"];

/// Sentence connectives and adverbs that open a sentence before a comma ("Besides,
/// said …", "Elsewhere, …"): read alone as a name they are a mis-read (validity check).
pub(crate) const SENTENCE_CONNECTIVES: &[&str] = &[
    "besides",
    "however",
    "meanwhile",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "instead",
    "indeed",
    "elsewhere",
    "here",
    "otherwise",
    "likewise",
    "similarly",
    "therefore",
    "thus",
    "having",
    "being",
];

/// Words after a base form that make it an infinitive, a phrasal verb or a noun
/// ("say to", "call for", "report on", "set out", "caution against").
pub(crate) const NOT_AFTER_BASE_CUE: &[&str] = &["to", "for", "on", "up", "out", "off", "against"];

/// Words after "states" that make it the plural noun ("states against …", "states of
/// the region", "states such as …", "states where …").
pub(crate) const AFTER_STATES_NOUN: &[&str] = &[
    "against",
    "of",
    "across",
    "along",
    "including",
    "such",
    "like",
    "where",
    "which",
    "bordering",
];

/// Forms of "be" that make a past participle passive ("was quoted", "were reported").
pub(crate) const PASSIVE_AUX: &[&str] = &["was", "were", "is", "are", "been", "being"];

/// Cue forms that are as often plural nouns ("repeat claims", "media reports"): a cue
/// after a lower-case word only after a pronoun, an adverb or before "that".
pub(crate) const NOUN_LIKE_CUES: &[&str] = &[
    "claims",
    "reports",
    "notes",
    "states",
    "estimates",
    "disputes",
    "replies",
    "answers",
    "comments",
    "remarks",
    "promises",
    "tweets",
    "posts",
];

/// Nouns that carry a statement in a that-clause (rulebook R1, noun cues): "Ana Ruiz's
/// claim that …", "reports from Ostland Radio that …".
pub(crate) const STATEMENT_NOUNS: Words = Words::new(
    Id::STATEMENT_NOUNS,
    &[
        "claim",
        "claims",
        "assertion",
        "assertions",
        "allegation",
        "allegations",
        "accusation",
        "accusations",
        "insistence",
        "contention",
        "argument",
        "assurance",
        "assurances",
        "warning",
        "warnings",
        "report",
        "reports",
        "statement",
        "denial",
        "denials",
    ],
);

/// Words after "reported"/"reports" that make it a passive report of a fact ("reported
/// dead", "reported to be", "reports of", "reported by"), not a cue.
pub(crate) const NOT_AFTER_REPORTED: Words = Words::new(
    Id::NOT_AFTER_REPORTED,
    &[
        "missing", "dead", "killed", "injured", "wounded", "to", "of", "on", "by",
    ],
);

/// Words right after an evaluative verb that make it another verb ("called for",
/// "called on", "described how", "labelled it"), or the verb a noun ("global brands
/// should be left as …": no object opens with a modal or "are").
pub(crate) const NOT_EVALUATIVE_OBJECT: &[&str] = &[
    "for", "on", "off", "up", "in", "out", "how", "what", "it", "should", "would", "could", "will",
    "can", "may", "might", "must", "are", "were",
];

/// Objects of "claimed" that are a claim themselves ("claimed responsibility for …").
pub(crate) const CLAIMED_OBJECTS: &[&str] = &["responsibility", "credit"];

/// Words that cannot open the noun object of a fact-object cue ("denied to", "admitted
/// having", "confirmed that", "denied it", "confirmed whether").
pub(crate) const NOT_FACT_OBJECT: &[&str] = &["to", "having", "that", "it", "if", "whether"];

/// Nouns that make a speech verb's object a stance, not a checkable fact
/// ("stressed the need to cooperate", "underlined the importance of the ties",
/// "reiterated his calls for free education"): a motive or topic under rulebook R1, no
/// statement unless a verb follows ("stressed the need to act was urgent").
pub(crate) const STANCE_NOUNS: &[&str] = &[
    "need",
    "importance",
    "necessity",
    "call",
    "calls",
    "support",
    "commitment",
    "opposition",
    "demand",
    "demands",
];

/// Objects of "declare" that make it an official act, not a statement ("declared a
/// state of emergency", "declared war", "declared its intention to …"; rulebook R1).
pub(crate) const DECLARED_ACTS: &[&str] = &[
    "emergency",
    "war",
    "independence",
    "caliphate",
    "victory",
    "ceasefire",
    "truce",
    "curfew",
    "mourning",
    "holiday",
    "surrender",
    "disaster",
    "foundation",
    "establishment",
    "candidacy",
    "amnesty",
    "intention",
    "support",
];

/// Heads of a fact-object cue's object that make it a decision on a request, not a
/// statement ("a court denied his extradition", "denied bail", "rejected the appeal").
pub(crate) const DECIDED_THINGS: &[&str] = &[
    "extradition",
    "bail",
    "entry",
    "access",
    "request",
    "requests",
    "permission",
    "visa",
    "visas",
    "application",
    "appeal",
    "motion",
    "petition",
    "asylum",
];

/// Auxiliaries and modals that, a word or three after a pronoun or name, show a bare
/// clause after a clausal cue ("announced the talks had failed").
pub(crate) const CLAUSE_AUX: &[&str] = &[
    "was", "is", "were", "are", "had", "has", "have", "would", "will", "could", "did", "should",
    "might",
];

/// Conjunctions that join a second predicate to the same subject ("… expected a
/// default and said …").
pub(crate) const PREDICATE_JOINERS: &[&str] = &["and", "but"];

/// Cues that show a second clause with its own speaker ("…, while B said …").
pub(crate) const CLAUSE_CUES: &[&str] = &["said", "says", "told", "added", "stated"];

/// Cues after "and"/"but" that end the content: the same speaker goes on ("… and
/// told reporters …").
pub(crate) const COORDINATED_CUES: &[&str] = &[
    "told", "added", "said", "denied", "denies", "admitted", "insisted", "warned",
];

/// Cues of a closing attribution (", he said." / ", the agency reported.").
pub(crate) const CLOSING_CUES: &[&str] = &["said", "says", "added", "told", "reported", "reports"];

/// Cues after which a closing outlet relays the statement ("…, the Ostwind news agency
/// reported.").
pub(crate) const TRAILING_RELAY_CUES: &[&str] = &["reported", "reports", "said", "says", "added"];

/// Participles after "quoted X as" ("as saying", "as stating", "as telling").
pub(crate) const QUOTED_AS_VERBS: &[&str] = &["saying", "stating", "telling"];

/// Endings of a web address written as a publication's name ("Philly.com",
/// "PennLive.com"): a medium, and its final full stop ends the sentence.
pub(crate) const WEB_SUFFIXES: &[&str] = &[".com", ".org", ".net", ".co.uk", ".com.au", ".ie"];

/// Is `w` a web address of [`WEB_SUFFIXES`] with a name before it ("Philly.com")?
pub(crate) fn is_web_address(w: &str) -> bool {
    w.find('.').is_some_and(|d| d >= 2) && ends_with_any(w, WEB_SUFFIXES)
}

/// "issued a statement saying …": a verb that puts out a document, and the documents,
/// after which "saying"/"stating" needs no comma (the subject's own statement).
pub(crate) const ISSUING_VERBS: &[&str] = &[
    "issued",
    "released",
    "posted",
    "tweeted",
    "published",
    "sent",
    "signed",
    "wrote",
    "made",
    "put",
    "issue",
    "release",
    "post",
    "publish",
    "send",
    "sign",
    "write",
    "make",
];
/// The documents of [`ISSUING_VERBS`].
pub(crate) const ISSUED_DOCS: &[&str] = &[
    "statement",
    "statements",
    "letter",
    "letters",
    "tweet",
    "tweets",
    "message",
    "messages",
    "release",
    "post",
    "notice",
];

/// Prepositions that open where an [`ISSUED_DOCS`] document was put ("posted a
/// statement on its website saying …").
pub(crate) const ISSUED_WHERE: &[&str] = &["on", "in", "to", "via"];

/// Participles that carry a statement after a comma ("…, saying that …").
pub(crate) const PARTICIPLES: Words = Words::new(
    Id::PARTICIPLES,
    &[
        "saying",
        "insisting",
        "claiming",
        "arguing",
        "warning",
        "noting",
        "stressing",
        "explaining",
        "adding",
        "stating",
        "declaring",
        "alleging",
        "asserting",
        "telling",
        "accusing",
        "pointing out",
        "making clear",
        "making it clear",
    ],
);

/// The participle of "tell", whose listener comes before the content ("…, telling
/// reporters that …").
pub(crate) const TELLING: &[&str] = &["telling"];

// ---------------------------------------------------------------------------------
// Clause grammar: function words, subjects, noun phrases, adverbials
// ---------------------------------------------------------------------------------

/// The articles.
pub(crate) const ARTICLES: &[&str] = &["the", "a", "an"];

/// Possessive determiners that refer back to a speaker ("his aide", "its statement").
pub(crate) const POSSESSIVES: &[&str] = &["his", "her", "their", "its"];

/// A definite opener of a role noun that refers back ("the minister", "his aide").
pub(crate) const DEFINITE_OPENERS: &[&str] = joined!(&["the", "this", "that"], POSSESSIVES);

/// "the" or a possessive before a description ("the residents", "their families").
pub(crate) const THE_OR_POSSESSIVE: &[&str] = joined!(&["the"], POSSESSIVES);

/// Relative pronouns that end a speaker phrase ("officials who …").
pub(crate) const RELATIVE_PRONOUNS: &[&str] = &["who", "which", "whose"];

/// Relative and interrogative pronouns that open a clause inside a subject ("…, who
/// officials say had …"). Matched in lower case only, with `contains`, not `is_in`:
/// "WHO said" is the World Health Organization.
pub(crate) const RELATIVE_OPENERS: &[&str] = &["who", "which", "whom", "what"];

/// Openers of an indefinite apposition, which does not hold the speaker's name ("a
/// UK-based group …").
pub(crate) const INDEFINITE_OPENERS: &[&str] = &["a", "an", "one", "another"];

/// What a medium publishes, before the medium that carried it ("according to a report
/// in the Fresno Bee", "an interview published by Ostland Radio").
pub(crate) const MEDIUM_PIECES: &[&str] = &[
    "report",
    "article",
    "story",
    "interview",
    "piece",
    "op-ed",
    "column",
    "editorial",
    "broadcast",
    "dispatch",
    "documentary",
    "programme",
    "program",
    "feature",
    "profile",
];

/// Participles between a medium's piece and the medium ("an interview published by …").
pub(crate) const CARRIED_PARTICIPLES: &[&str] = &["published", "carried", "aired", "broadcast"];

/// World knowledge: legislatures and chambers by their own names, told things in
/// debate ("told the Dáil", "told the Knesset"); no medium. Extend as needed.
pub(crate) const LEGISLATURES: &[&str] = &[
    "dail",
    "dáil",
    "seanad",
    "oireachtas",
    "knesset",
    "duma",
    "bundestag",
    "bundesrat",
    "commons",
    "lords",
    "congress",
    "senate",
    "parliament",
    "assembly",
    "majlis",
    "rada",
    "sejm",
    "storting",
    "riksdag",
    "folketing",
    "cortes",
    "diet",
    "legislature",
    "council",
];

/// Endings of demonyms and group names that the nationality list lacks ("Eritreans",
/// "Vietnamese", "Western", "Republicans").
pub(crate) const DEMONYM_ENDINGS: &[&str] = &["an", "ans", "ese", "ern", "ish", "i"];

/// Words that may follow a medium told something ("told KNXV that …", "told the Forward
/// on Monday …"); any other word means the name ran on ("told Vietnamese officials").
pub(crate) const AFTER_TOLD_MEDIUM: &[&str] = &[
    "that",
    "in",
    "on",
    "last",
    "this",
    "earlier",
    "recently",
    "of",
    "about",
    "when",
    "after",
    "before",
    "during",
    "late",
    "early",
    "yesterday",
    "today",
    "he",
    "she",
    "they",
    "it",
    "the",
];

/// Openers of an unnamed relay ("a local TV network", "some media").
pub(crate) const UNNAMED_RELAY_OPENERS: &[&str] = &["a", "an", "one", "some", "several"];

/// Conjunctions that join two clauses, each with its own speaker ("A said …, while B
/// said …").
pub(crate) const CLAUSE_JOINERS: &[&str] = &["while", "whereas", "but", "and"];

/// Words after ", but" that carry the speaker's claim on ("…, but that …", "…, but
/// also …"): no other speaker's clause starts there.
pub(crate) const NOT_AFTER_BUT: &[&str] = &["that", "also", "then", "not", "only", "rather"];

/// Verbs of refusing after ", but" ("…, but declined to comment"): the claim ends.
pub(crate) const REFUSALS: &[&str] = &["declined", "refused"];

/// What a speaker refuses when a refusal ends the claim ("declined to comment",
/// "did not provide details"); "declined to release the pages" is a claim.
pub(crate) const REFUSED_ACTS: Words = Words::new(
    Id::REFUSED_ACTS,
    &[
        "say",
        "comment",
        "elaborate",
        "confirm",
        "provide",
        "provided",
        "give",
        "gave",
        "specify",
        "disclose",
        "explain",
        "answer",
        "discuss",
        "respond",
        "reveal",
        "name",
        "identify",
        "evidence",
        "details",
        "further",
    ],
);

/// Auxiliaries that, negated after ", but", end the claim ("…, but did not say
/// how", "…, but has provided no evidence").
pub(crate) const REFUSAL_AUX: &[&str] =
    &["did", "would", "could", "has", "have", "gave", "offered"];

/// Joiners of a contrasting clause ("…, while EU leaders have called …"): a clause
/// after them with any reporting verb is another statement.
pub(crate) const CONTRAST_JOINERS: &[&str] = &["while", "whereas"];

/// Conjunctions that open a clause with its own subject inside a sentence ("…, but
/// the law says …"); "and" is left out: it also joins coordinated speakers.
pub(crate) const CLAUSE_CONJUNCTIONS: &[&str] = &["but", "yet", "whereas"];

/// Words that open a new clause rather than the rest of an interrupted one ("The port,
/// according to officials, will close" against "…, according to officials, and the
/// unions …").
pub(crate) const NOT_PREDICATE_OPENERS: Words = Words::new(
    Id::NOT_PREDICATE_OPENERS,
    &[
        "and", "but", "yet", "whereas", "while", "as", "when", "where", "so", "because",
        "although", "though", "who", "which", "whose",
    ],
);

/// Linking words dropped from the front of a speaker phrase ("But the minister said").
pub(crate) const LEADING_LINKERS: Words = Words::new(
    Id::LEADING_LINKERS,
    &[
        "and",
        "but",
        "however",
        "meanwhile",
        "so",
        "now",
        "then",
        "also",
        "while",
        "yet",
        "even",
        "later",
        "earlier",
        "separately",
        "previously",
        "afterwards",
        "subsequently",
    ],
);

/// Verbs that end the subject of a sentence before a ", saying …" participle ("The
/// ministry issued a statement, saying …"), besides every lower-case word in -ed.
pub(crate) const SUBJECT_VERBS: Words = Words::new(
    Id::SUBJECT_VERBS,
    &[
        "has", "have", "had", "is", "was", "were", "are", "will", "gave", "made", "took", "sent",
        "held", "put", "went", "urged", "told",
        // Irregular past tenses (the rules otherwise look for "-ed").
        "paid", "met", "led", "won", "lost", "saw", "came", "left", "spoke", "wrote", "brought",
        "began", "kept", "found", "thought", "felt", "became", "drew", "threw", "flew", "struck",
        "stood", "sought", "broke", "chose", "spent", "built", "shook", "heard", "ran", "rose",
        "fell",
        // Present tenses of belief ("Ripley believes the West is right …, warning
        // …": the subject ends before them).
        "believes", "thinks", "feels", "fears", "hopes", "expects", "knows",
    ],
);

/// Words that open a predicate right after a body's name, making it the sentence's
/// subject ("The RMT held …", "Amnesty International has …"; not "NHS services"):
/// auxiliaries, common irregular pasts and linking adverbs (a past in "-ed" is
/// tested apart). Not "said", "says", "told": a body that speaks is a speaker, the
/// nearer antecedent anyway, and those sentences are too many to test for nothing.
pub(crate) const BODY_SUBJECT_VERBS: Words = Words::new(
    Id::BODY_SUBJECT_VERBS,
    &[
        "is", "was", "has", "had", "have", "will", "would", "can", "could", "did", "does", "held",
        "made", "took", "gave", "sent", "set", "began", "put", "found", "won", "lost", "led",
        "kept", "left", "met", "paid", "sold", "spent", "brought", "bought", "became", "came",
        "went", "saw", "got", "shot", "hit", "struck", "also", "later", "then", "now", "already",
        "still",
    ],
);

/// Words between a subject and a passive "quoted" ("has also been quoted").
pub(crate) const AUX_BEFORE_PASSIVE: &[&str] = &["has", "have", "had", "also"];

/// Pronouns that open a clause.
pub(crate) const PRONOUNS: Words = Words::new(
    Id::PRONOUNS,
    &["he", "she", "they", "we", "it", "i", "there", "you"],
);

/// Determiners and possessives that open a noun phrase.
pub(crate) const DETERMINERS: Words = Words::new(
    Id::DETERMINERS,
    &[
        "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my",
    ],
);

/// An adverb between a subject and its verb: [`SUBJECT_ADVERBS`], or "long" spelt in
/// lower case ("has long said"; "Long" is a surname).
pub(crate) fn is_subject_adverb(w: &str) -> bool {
    is_in(w, SUBJECT_ADVERBS) || w == "long"
}

/// Adverbs between a subject and its verb ("has also said").
pub(crate) const SUBJECT_ADVERBS: Words = Words::new(
    Id::SUBJECT_ADVERBS,
    &[
        "was",
        "were",
        "is",
        "are",
        "been",
        "has",
        "have",
        "had",
        "also",
        "later",
        "earlier",
        "then",
        "previously",
        "further",
        "again",
        "repeatedly",
        "reportedly",
        "publicly",
        "would",
        "originally",
        "initially",
        "separately",
        "recently",
        "once",
        "subsequently",
        "himself",
        "herself",
        "itself",
        "themselves",
        "just",
        "strongly",
        "firmly",
        "flatly",
        "instead",
        "thus",
        "nevertheless",
        "already",
        "first",
        "last",
        "often",
        "always",
        "never",
        "still",
        "however",
        "now",
        "quickly",
        "privately",
        "personally",
        "clearly",
        "openly",
        "explicitly",
        "simply",
        "merely",
        "formally",
        "officially",
        "bluntly",
        "today",
        "yesterday",
    ],
);

/// Nouns spelt like an "-ly" adverb, which may head a speaker ("the family said").
pub(crate) const LY_NOUNS: &[&str] = &[
    "family",
    "assembly",
    "ally",
    "rally",
    "monopoly",
    "anomaly",
    "bully",
    "supply",
    "homily",
    "weekly",
    "monthly",
    "quarterly",
    "biweekly",
];

/// Words opening a segment that cannot hold the speaker.
pub(crate) const NOT_SUBJECT_START: Words = Words::new(
    Id::NOT_SUBJECT_START,
    &[
        "however",
        "who",
        "which",
        "whose",
        "where",
        "when",
        "speaking",
        "citing",
        "according",
        "in",
        "on",
        "at",
        "after",
        "before",
        "during",
        "meanwhile",
        "moreover",
        "earlier",
        "later",
        "separately",
        "yesterday",
        "today",
        "last",
        "following",
        "despite",
        "since",
        "while",
        "as",
        "with",
        "for",
        "by",
        "from",
        "late",
        "early",
        "although",
        "though",
        "if",
        "once",
        "elsewhere",
        "besides",
        "nonetheless",
        "nevertheless",
        "furthermore",
        "through",
        "throughout",
        "via",
        "amid",
        "unlike",
    ],
);

/// Words that end a short noun phrase (the listener of "told", a relay's name).
pub(crate) const NP_STOP: Words = Words::new(
    Id::NP_STOP,
    joined!(
        &[
            "that",
            "as",
            "saying",
            "said",
            "says",
            "on",
            "in",
            "at",
            "during",
            "after",
            "before",
            "from",
            "while",
            "when",
            "last",
            "this",
            "late",
            "early",
            "earlier",
            "later",
            "yesterday",
            "today",
        ],
        WEEKDAYS,
        &[
            "and",
            "but",
            "about",
            "over",
            "for",
            "amid",
            "following",
            "who",
            "which",
            "where",
            "because",
            "although",
            "if",
            "adding",
            "reported",
            "told",
            "stated",
            "to",
            "by",
            "behind",
        ],
    ),
);

/// Words that end the name of an outer relay or a cited source before the content
/// ("according to Reuters, which said …").
pub(crate) const RELAY_NP_STOP: Words = Words::new(
    Id::RELAY_NP_STOP,
    &[
        "that", "as", "saying", "said", "says", "reported", "told", "on", "while", "when", "who",
        "which",
    ],
);

/// The means of a statement after "by" ("told reporters by phone").
pub(crate) const CONTACT_MEANS: &[&str] =
    &["phone", "telephone", "email", "text", "video", "letter"];

/// Words that name where a statement came from ("citing …", "according to …").
pub(crate) const CITING_WORDS: &[&str] = &["citing", "quoting", "referring", "according"];

/// Words after a comma that end the content: a trailer naming the source or a second
/// statement follows (", citing …", ", adding …", ", speaking to …").
pub(crate) const CONTENT_TRAILERS: &[&str] =
    joined!(CITING_WORDS, &["adding", "speaking", "talking"]);

/// Words after a comma right after a cue that open an adverbial running to the next
/// comma ("said, citing …, that"; "said, in a statement, that").
pub(crate) const COMMA_ADVERBIALS: Words = Words::new(
    Id::COMMA_ADVERBIALS,
    joined!(
        CONTENT_TRAILERS,
        &[
            "in", "on", "at", "during", "after", "while", "when", "as", "without", "from",
            "writing", "posting",
        ],
    ),
);

/// Prepositions after which a capitalised word is their object, not a subject ("In May
/// Koh said": "May" is not the speaker).
pub(crate) const PLACE_TIME_PREPS: Words = Words::new(
    Id::PLACE_TIME_PREPS,
    &[
        "in", "on", "at", "since", "until", "by", "from", "during", "after", "before",
    ],
);

/// Members of a parliament named by their title after a party or a seat ("the Fianna
/// Fáil TD", "the Lagan Valley MP"). Matched in any case, like every list.
pub(crate) const LEGISLATOR_TITLES: &[&str] = &["TD", "MP", "MEP", "MLA", "MSP"];

/// Words that lead into a quotation continuing their sentence ("dubbed "The Arctic
/// …"", "as "a usurpation""), besides the prepositions of `PLACE_TIME_PREPS` and
/// `OBJECT_PREPS` ("to", "of", …) that the same test reads: what follows is no
/// sentence of its own.
pub(crate) const QUOTE_LEAD_INS: &[&str] = &[
    "as", "that", "than", "like", "called", "dubbed", "billed", "titled", "entitled", "named",
    "saying",
];

/// Does what follows `w` continue its sentence ("of the", "was", "dubbed")? A capital
/// after any other word starts a sentence whose full stop the scrape lost.
pub(crate) fn leads_in(w: &str) -> bool {
    is_in(w, PLACE_TIME_PREPS)
        || is_in(w, OBJECT_PREPS)
        || is_in(w, ARTICLES)
        || is_in(w, PASSIVE_AUX)
        || is_in(w, QUOTE_LEAD_INS)
}

/// "this"/"last": a time phrase only before a unit of time.
pub(crate) const DEICTIC_TIME_OPENERS: &[&str] = &["this", "last"];

/// Units of time after "this"/"last" ("this week", "last month").
pub(crate) const TIME_UNITS: &[&str] = joined!(
    WEEKDAYS,
    MONTHS.all,
    &[
        "week",
        "weekend",
        "month",
        "year",
        "morning",
        "afternoon",
        "evening",
        "night",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "time",
        "season",
        "quarter",
        "decade",
        "century",
    ]
);

/// Words that count something: a span of time before "ago"/"earlier" ("a day
/// earlier", "two weeks ago"), which after a cue dates the telling, or what was
/// reported ("reported seven violations": without "a"/"an", a checkable fact).
pub(crate) const COUNT_WORDS: &[&str] = joined!(&["a", "an", "one", "several"], NUMBER_WORDS);

/// Units a span of time is counted in, singular and plural.
pub(crate) const SPAN_UNITS: &[&str] = &[
    "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
    "year", "years",
];

/// Words that end a counted span of time ("two days ago", "a week earlier").
pub(crate) const SPAN_ENDS: &[&str] = &["ago", "earlier", "before", "later"];

/// Subordinating conjunctions: after a cue and its adverbials they open a clause about
/// the telling ("said Thursday as he left"), not its content.
pub(crate) const SUBORDINATORS: Words = Words::new(
    Id::SUBORDINATORS,
    &[
        "as", "while", "when", "because", "although", "though", "since", "before", "after", "if",
        "where", "whereas",
    ],
);

/// Words that make a following ambiguous cue form a noun ("media reports that …").
pub(crate) const NOUN_CUE_MODIFIERS: &[&str] = &["media", "news", "press", "earlier"];

/// Prepositions that govern the noun phrase after them inside an adverbial ("the night
/// of the attack", "a visit to the port").
pub(crate) const OBJECT_PREPS: &[&str] = &["of", "with", "to", "for"];

/// Words that open a time phrase after a speaker ("Adam Ode on Friday", "late Monday").
pub(crate) const TIME_OPENERS: &[&str] = &["on", "late", "early", "last", "this"];

/// Prepositions that open a place phrase after a role noun ("the commander in Chile").
pub(crate) const PLACE_OPENERS: &[&str] = &["in", "at", "from", "on"];

/// Prepositions before a place whose country or state may follow after a comma ("a
/// teacher from Paris, France,").
pub(crate) const LOCATION_PREPS: &[&str] = &["in", "from", "near", "outside", "of"];

/// Prepositions after which a capitalised run is a place, never a person ("a
/// researcher in Ann Arbor").
pub(crate) const IN_PLACE_PREPS: &[&str] = &["in", "near", "outside"];

/// Words that a scrape glues to the word before with a hyphen where a space was
/// ("Thursday-that", "Zappone-also", "He-was"): no compound word ends in one of them
/// followed by a space (`text::normalise`; lower case, matched exactly). Reporting
/// verbs are `GLUED_CUES`' ("a well-said line" is a compound).
pub(crate) const GLUED_FUNCTION_WORDS: &[&str] = &[
    "that", "also", "later", "then", "has", "had", "was", "were", "is", "are", "the", "a", "an",
    "he", "she", "it", "they", "who", "which", "and", "but", "with", "from",
];

/// A person's own words as a document ("the prepared speech said", "the remarks
/// said"): their author speaks. (Lower case, matched exactly: a test in the hot path
/// of every noun phrase.)
pub(crate) fn spoken_doc(w: &str) -> bool {
    matches!(w, "speech" | "remarks" | "testimony")
}

/// Conjunctions and articles a scraper glued to the capitalised word after them with
/// a hyphen ("notes that-Chiyangwa has", "according to the-Food and Agriculture
/// Organization"): no compound word is made so (`text::normalise`; lower case,
/// matched exactly).
pub(crate) const GLUED_CONJUNCTIONS: &[&str] =
    &["that", "and", "but", "because", "while", "the", "a", "an"];

/// Prepositions that tie a role to the body or place it serves ("Britain's ambassador
/// to Ireland", "the mayor of Kyoto", "the director of the FBI").
pub(crate) const ROLE_PREPS: &[&str] = &["to", "for", "of", "at"];

/// Words that may open a time or place phrase glued to a speaker.
pub(crate) const SPEAKER_PHRASE_CUTS: &[&str] = joined!(PLACE_OPENERS, TIME_OPENERS);

/// Finite verbs, subordinators and subject pronouns: none of them is ever part of a
/// source's name or description.
pub(crate) const CLAUSE_WORDS: Words = Words::new(
    Id::CLAUSE_WORDS,
    &[
        "is",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "did",
        "does",
        "said",
        "says",
        "spoke",
        "he",
        "she",
        "they",
        "we",
        "i",
        "himself",
        "herself",
        "themselves",
    ],
);

/// Prepositions and time words that start an adverbial after a reporting verb.
pub(crate) const ADVERBIAL: Words = Words::new(
    Id::ADVERBIAL,
    joined!(
        &[
            "in",
            "on",
            "at",
            "during",
            "after",
            "before",
            "from",
            "to",
            "with",
            "by",
            "via",
            "through",
            "last",
            "this",
            "late",
            "early",
            "earlier",
            "later",
            "yesterday",
            "today",
            "tonight",
        ],
        WEEKDAYS,
        &[
            "previously",
            "also",
            "again",
            "separately",
            "recently",
            "publicly",
            "privately",
            "repeatedly",
            "shortly",
            "afterwards",
            "afterward",
            "further",
            "while",
            "when",
            "upon",
            "following",
            "here",
            "there",
            "next",
            "overnight",
            "wednesdays",
            "briefly",
            "directly",
            "personally",
            "online",
            "amid",
            "outside",
            "inside",
            "told",
            "speaking",
            "citing",
            "quoting",
            "referring",
        ],
    ),
);

// ---------------------------------------------------------------------------------
// Names, titles and speakers
// ---------------------------------------------------------------------------------

/// Lower-case words that may join capitalised words into one name.
pub(crate) const CONNECTORS: Words = Words::new(
    Id::CONNECTORS,
    &[
        "of", "for", "the", "and", "de", "del", "da", "di", "al", "el", "bin", "ibn", "van", "von",
        "der", "la", "le", "du", "on", "to",
    ],
);

/// Connectors that join two capitalised runs into one name only after a body or a title
/// ("Ambassador to the UN"), never between two people ("Trump to Xi").
pub(crate) const WEAK_CONNECTORS: &[&str] = &["to", "on"];

/// Words that split a capitalised run into pieces, each of which may be a name ("Foreign
/// Minister of Chile Ana Ruiz"); a person's name never holds one.
pub(crate) const NAME_SPLITTERS: &[&str] = &["of", "for", "the", "and", "on"];

/// Lower-case particles joined by a hyphen to a name ("al-Rashid", "el-Nour",
/// "bin-Tariq"): the word is still capitalised.
pub(crate) const NAME_PARTICLES: Words = Words::new(
    Id::NAME_PARTICLES,
    &[
        "al", "el", "ad", "as", "ash", "bin", "abu", "ibn", "an", "az",
    ],
);

/// Words that continue a name as its inner part ("Rami Abdel Rahman", "Anat Ben Nun",
/// "Josep Maria Bartomeu"), though some are first names on their own.
pub(crate) const COMPOUND_NAME_PARTS: &[&str] = &[
    "abdel", "abdul", "abd", "ben", "bin", "abu", "ibn", "maria", "marie", "jose", "anne",
];

/// Capitalised words that are not names.
pub(crate) const NOT_NAMES: Words = Words::new(
    Id::NOT_NAMES,
    joined!(
        &[
            "the",
            "a",
            "an",
            "he",
            "she",
            "it",
            "they",
            "we",
            "i",
            "this",
            "that",
            "these",
            "those",
            "his",
            "her",
            "its",
            "their",
            "but",
            "and",
            "however",
            "meanwhile",
            "on",
            "in",
            "at",
        ],
        WEEKDAYS,
        &[
            "also",
            "later",
            "earlier",
            "speaking",
            "citing",
            "according",
            "after",
            "before",
            "while",
            "when",
            "last",
            "yesterday",
            "today",
            "separately",
            "as",
            "mr",
            "mrs",
            "ms",
            "mr.",
            "mrs.",
            "ms.",
            "dr",
            "dr.",
            "one",
            "some",
            "many",
            "several",
            "both",
            "other",
            "another",
            "there",
            "if",
            "so",
            "our",
            "my",
            "you",
            "your",
            "what",
            "who",
            "asked",
        ],
        MONTHS.all,
        &[
            "late",
            "early",
            "during",
            "read",
            "more",
            "opinion",
            "watch",
            "source",
            "sources",
            "reporting",
            "by",
            "with",
            "from",
            "for",
            "to",
            "of",
            "despite",
            "since",
            // Subordinators and "neither" open a sentence, never a name ("Though Ana
            // Ruiz …", "Unlike Ivo Brandt …", "Neither Ruiz nor Brandt …").
            "although",
            "though",
            "because",
            "whereas",
            "unless",
            "unlike",
            "like",
            "until",
            "neither",
        ],
        NUMBER_WORDS,
    ),
);

/// Nationality adjectives (world knowledge): title words before a name ("Turkish
/// President …"), never a source on their own.
pub(crate) const NATIONALITIES: &[&str] = &[
    "russian",
    "american",
    "british",
    "chinese",
    "syrian",
    "iraqi",
    "israeli",
    "palestinian",
    "turkish",
    "iranian",
    "german",
    "french",
    "irish",
    "japanese",
    "korean",
    "indian",
    "pakistani",
    "afghan",
    "egyptian",
    "libyan",
    "saudi",
    "ukrainian",
];

/// More nationality adjectives, for the speaker validity check only: a lone one is
/// a word of a description, never a source ("Congolese and UN officials said").
/// Not titles (as [`NATIONALITIES`] are): "Australian Competition and Consumer
/// Commission", "Centre for European Economic Research" keep them in the name.
pub(crate) const MORE_NATIONALITIES: &[&str] = &[
    "canadian",
    "australian",
    "belgian",
    "austrian",
    "dutch",
    "italian",
    "spanish",
    "polish",
    "swedish",
    "greek",
    "mexican",
    "brazilian",
    "nigerian",
    "kenyan",
    "ugandan",
    "congolese",
    "sudanese",
    "lebanese",
    "jordanian",
    "yemeni",
    "qatari",
    "vietnamese",
    "indonesian",
    "filipino",
    "malaysian",
    "hungarian",
    "european",
];

/// Title words stripped from the front of a person's name. Mostly grammar (ranks, roles,
/// honorifics); the nationality adjectives and the names of bodies ("kremlin",
/// "pentagon", "nato") among them are world knowledge.
pub(crate) const TITLES: Words = Words::new(
    Id::TITLES,
    joined!(
        &[
            "president",
            "minister",
            "prime",
            "foreign",
            "defense",
            "defence",
            "deputy",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "secretary",
            "general",
            "secretary-general",
            "chief",
            "director",
            "director-general",
            "senator",
            "sen.",
            "sen",
            "rep.",
            "rep",
            "gov.",
            "gov",
            "governor",
            "mayor",
            "chairman",
            "chairwoman",
            "chair",
            "head",
            "ambassador",
            "commander",
            "colonel",
            "col.",
            "gen.",
            "lt.",
            "sgt.",
            "officer",
            "detective",
            "judge",
            "justice",
            "prosecutor",
            "attorney",
            "professor",
            "prof",
            "prof.",
            "dr.",
            "dr",
            "mr.",
            "mr",
            "mrs.",
            "mrs",
            "ms.",
            "ms",
            "miss",
            "sir",
            "lord",
            "lady",
            "king",
            "queen",
            "prince",
            "princess",
            "pope",
            "vice",
            "press",
            "speaker",
            "leader",
            "chancellor",
            "premier",
            "executive",
            "ceo",
            "coach",
            "captain",
            "capt.",
            "sheriff",
            "inspector",
            "superintendent",
            "sergeant",
            "lieutenant",
            "major",
            "commissioner",
            "councillor",
            "councilor",
            "envoy",
            "special",
            "representative",
            "spokesman's",
            "lawmaker",
            "congressman",
            "congresswoman",
            "assemblyman",
            "counsel",
            "advisor",
            "adviser",
            "analyst",
            "economist",
            "expert",
            "researcher",
            "founder",
            "manager",
            "senior",
            "former",
            "acting",
            "interim",
            "first",
            "health",
            "interior",
            "finance",
            "economy",
            "education",
            "state",
            "trade",
            "energy",
            "security",
            "national",
            "sheikh",
            "emir",
            "sultan",
            "ayatollah",
            "rabbi",
            "bishop",
            "archbishop",
            "cardinal",
            "father",
            // "Fr Francis Bradley": Irish and British papers write the abbreviation
            // without its period.
            "fr",
            "imam",
            "reverend",
            "rev.",
            "house",
            "senate",
            "white",
            "un",
            "u.n.",
            "eu",
            "nato",
            "us",
            "u.s.",
            "uk",
        ],
        NATIONALITIES,
        &[
            "kremlin",
            "pentagon",
            "police",
            "military",
            "army",
            "agriculture",
            "transport",
            "environment",
            "communications",
            "labor",
            "labour",
            "attorney-general",
            "solicitor",
            "barrister",
            "opposition",
            "party",
            "democratic",
            "republican",
            "democrat",
            "ex-president",
            "taoiseach",
            "tanaiste",
            "commerce",
            "affairs",
            "development",
            "relations",
            "ministry",
            "spokesperson's",
            "trader",
            "farmer",
            "resident",
            "lawyer",
            "doctor",
            "teacher",
            "student",
            "worker",
            "activist",
            "engineer",
            "nurse",
            "pilot",
            "driver",
            "priest",
            "historian",
            "author",
            "writer",
            "journalist",
            "reporter",
            "correspondent",
            "photographer",
            "owner",
            "businessman",
            "businesswoman",
            "investor",
            "scientist",
            "physician",
            "surgeon",
            "veteran",
            "campaigner",
            "organiser",
            "organizer",
            "candidate",
            "nominee",
            "mp",
            "mep",
            "td",
            "senator-elect",
            "president-elect",
            "chef",
            "singer",
            "actor",
            "actress",
            "striker",
            "midfielder",
            "defender",
            "goalkeeper",
            "boss",
            "player",
            "star",
            "legend",
            "rapper",
            "musician",
            "artist",
            "producer",
            "host",
            "anchor",
            "pastor",
            "cleric",
            "commentator",
            "strategist",
            "pollster",
            "consultant",
            "col",
            "gen",
            "lt",
            "sgt",
            "capt",
            "maj",
            "adm",
            "insp",
            "supt",
            "det",
            "cpl",
            "pvt",
            "brig",
            "witness",
            "admiral",
            "marshal",
            "brigadier",
            "commodore",
            "ambassador-designate",
        ]
    ),
);

/// Acronyms in the title list that count as titles only in capitals, so that the names
/// "Un" or "Us" are not taken for one.
pub(crate) const TITLE_ACRONYMS: &[&str] = &["un", "us", "eu", "uk", "u.n.", "u.s."];

/// Title words that name an office or a side, never a person on their own ("the
/// opposition said" is no role noun for the latest person).
pub(crate) const OFFICE_WORDS: &[&str] = &[
    "opposition",
    "foreign",
    "prime",
    "interior",
    "state",
    "defense",
    "defence",
];

/// Words naming a minister's or secretary's portfolio before the title ("the prime
/// minister", "Finance Minister …"): two different ones name two offices.
pub(crate) const PORTFOLIOS: &[&str] = joined!(
    OFFICE_WORDS,
    &[
        "finance",
        "justice",
        "health",
        "education",
        "trade",
        "economy",
        "agriculture",
        "transport",
        "environment",
        "energy",
        "labour",
        "labor",
        "culture",
        "home",
        "treasury",
        "housing",
        "communications",
        "immigration",
        "security",
    ]
);

/// Title words that modify another title and name no office on their own ("Former
/// President …", "Acting Director …"): before a single word they make no name.
pub(crate) const TITLE_MODIFIERS: Words = Words::new(
    Id::TITLE_MODIFIERS,
    &[
        "former", "acting", "interim", "senior", "vice", "outgoing", "incoming", "then", "late",
    ],
);

/// Forms of cue lemmas that are nouns far more often than verbs: never cues.
pub(crate) const NOUN_ONLY_CUES: &[&str] = &["rules", "rule"];

/// Things told rather than listeners after "told" ("told the story of …", "told
/// lies").
pub(crate) const TOLD_THINGS: Words = Words::new(
    Id::TOLD_THINGS,
    &[
        "story", "stories", "tale", "tales", "truth", "lie", "lies", "joke", "jokes",
    ],
);

/// Honorifics before a surname ("Mr Brandt"): the name after one is a person's.
pub(crate) const HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss", "prof", "prof.",
];

/// Lower-case words after a capitalised run at the start of a sentence that show the
/// run is no subject ("Ana Ruiz or …", "Paris in the spring …").
pub(crate) const NOT_AFTER_SUBJECT_NAME: Words = Words::new(
    Id::NOT_AFTER_SUBJECT_NAME,
    &[
        "or", "in", "at", "to", "from", "with", "as", "by", "than", "versus", "vs",
    ],
);

/// Capitalised words that open a question or a headline, not a name ("Does Ana Ruiz
/// …?", "How Ruritania …").
pub(crate) const QUESTION_OPENERS: Words = Words::new(
    Id::QUESTION_OPENERS,
    &[
        "does", "do", "did", "is", "are", "was", "were", "can", "could", "will", "would", "should",
        "has", "have", "why", "how", "where", "when", "who", "which", "what",
    ],
);

/// Titles of a person that never make a source on their own.
pub(crate) const PERSON_TITLES: Words = Words::new(
    Id::PERSON_TITLES,
    &[
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "sir",
        "president",
        "minister",
        "secretary",
        "senator",
        "governor",
        "mayor",
        "chairman",
        "chairwoman",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "prime",
    ],
);

/// Words of a spokesperson or a statement: the phrase speaks for an organisation even
/// without an organisation word ("a Kremlin spokesman", "the ministry's press office").
pub(crate) const SPOKES_WORDS: Words = Words::new(
    Id::SPOKES_WORDS,
    &[
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "representative",
        "press",
        "spokespeople",
        "spokesmen",
        "statement",
    ],
);

/// A medium's own staff: "Reuters correspondents" speak for Reuters.
pub(crate) const STAFF_WORDS: &[&str] = &[
    "correspondents",
    "correspondent",
    "reporters",
    "reporter",
    "journalists",
    "journalist",
];

/// Heads that make a phrase an organisation rather than a person. Mostly grammar; the
/// names of agencies and bodies among them ("reuters", "unicef", "hamas") are world
/// knowledge.
pub(crate) const ORG_WORDS: Words = Words::new(
    Id::ORG_WORDS,
    joined!(
        &[
            "ministry",
            "department",
            "office",
            "headquarters",
            "agency",
            "observatory",
            "council",
            "committee",
            "panel",
            "tribunal",
            "commission",
            "party",
            "army",
            "forces",
            "force",
            "police",
            "customs",
            "service",
            "court",
            "palace",
            "government",
            "administration",
            "house",
            "kremlin",
            "pentagon",
            "union",
            "organization",
            "organisation",
            "association",
            "network",
            "group",
            "institute",
            "institutes",
            "centers",
            "centres",
            "university",
            "company",
            "corp",
            "inc",
            "bank",
            "news",
            "tv",
            "post",
            "times",
            "journal",
            "press",
            "daily",
            "channel",
            "radio",
            "television",
            "federation",
            "foundation",
            "center",
            "centre",
            "coalition",
            "academy",
            "front",
            "movement",
            "brigade",
            "brigades",
            "embassy",
            "consulate",
            "board",
            "authority",
            "corporation",
            "ltd",
            "limited",
            "holdings",
            "securities",
            "capital",
            "airlines",
            "airport",
            "gallery",
            "museum",
            "bus",
            "rail",
            "railway",
            "railways",
            "airways",
            "airports",
            "airline",
            "fund",
            "program",
            "programme",
            "alliance",
            "league",
            "club",
            "watch",
            "international",
            "amnesty",
            "reuters",
            "interfax",
            "sana",
            "tass",
            "xinhua",
            "kcna",
            "yonhap",
            "state",
            "department's",
            "ministry's",
            "bureau",
            "guard",
            "guards",
            "navy",
            "command",
            "hospital",
            "school",
            "college",
            // "Francis Bradley from St Mary's Church": a church after a possessive is no
            // person's surname.
            "church",
            "secretariat",
            "parliament",
            "congress",
            "senate",
            "assembly",
            "cabinet",
            "unit",
            "team",
            "trust",
            "society",
            "media",
            "outlet",
            "broadcaster",
            "newspaper",
            "gazette",
            "tribune",
            "herald",
            "telegraph",
            "guardian",
            "mirror",
            "express",
            "magazine",
            "institution",
            "authorities",
            "mission",
            "operation",
            "monitor",
            "monitors",
            "forum",
            "nations",
            "who",
            "unicef",
            "unhcr",
            "oxfam",
            "icrc",
            "msf",
            "caucus",
            "regime",
            "hezbollah",
            "hamas",
            "taliban",
            "isil",
            "isis",
            "icao",
            "fbi",
            "cia",
            "nsa",
            "dhs",
            "ice",
            "epa",
            "fda",
            "cdc",
            "nasa",
            "ap",
            "afp",
        ],
        // Company names' last words ("Purdue Pharma", "Great Wall Motor"): a
        // business, never a person's surname.
        COMPANY_NAME_ENDS,
    ),
);

/// Last words that make a name a company's, and only a company's ("Purdue Pharma",
/// "General Motors"); part of [`ORG_WORDS`].
const COMPANY_NAME_ENDS: &[&str] = &[
    "pharma",
    "pharmaceutical",
    "pharmaceuticals",
    "motor",
    "motors",
    "technologies",
    "industries",
    "enterprises",
    "petroleum",
    "telecom",
];

/// The last words of a company's name after which its first word alone stands for it
/// ("Purdue Pharma …. Purdue said"); all are in [`ORG_WORDS`].
pub(crate) const COMPANY_ENDS: &[&str] = joined!(
    COMPANY_NAME_ENDS,
    &[
        "corp",
        "corporation",
        "inc",
        "ltd",
        "limited",
        "holdings",
        "airlines",
        "airways"
    ],
);

/// Plurals of people taking sides, unnamed groups when they speak ("Opponents argue",
/// "Supporters say"; capitalised only as a sentence's first word).
pub(crate) const SIDE_PLURALS: &[&str] = &[
    "opponents",
    "supporters",
    "proponents",
    "backers",
    "detractors",
    "advocates",
    "sceptics",
    "skeptics",
    "conservatives",
    "liberals",
    "hackers",
];

/// Plural findings and records, unnamed documents when they speak ("Tests showed that
/// …", "Figures released on Monday show"; capitalised only as a sentence's first word).
pub(crate) const FINDING_PLURALS: &[&str] = &[
    "tests",
    "results",
    "figures",
    "records",
    "documents",
    "photos",
    "videos",
    "images",
    "findings",
    "estimates",
    "statistics",
];

/// Words whose presence in a speaker phrase marks an unnamed source.
pub(crate) const ANON_NOUNS: Words = Words::new(
    Id::ANON_NOUNS,
    &[
        "source",
        "sources",
        "official",
        "officials",
        "activist",
        "activists",
        "witness",
        "witnesses",
        "resident",
        "residents",
        "insider",
        "insiders",
        "diplomat",
        "diplomats",
        "analysts",
        "experts",
        "observers",
        "people",
        "aides",
        "aide",
        "medics",
        "medic",
        "rescuers",
        "locals",
        "eyewitnesses",
        "eyewitness",
        "monitors",
        "campaigners",
        "villagers",
        "survivors",
        "relatives",
        "neighbours",
        "neighbors",
        "someone",
        "person",
        "employee",
        "employees",
        "staff",
        "workers",
        "soldiers",
        "fighters",
        "rebels",
        "commanders",
        "doctors",
        "nurses",
        "students",
        "protesters",
        "protestors",
        "critics",
        "lawmakers",
        "legislators",
        "members",
        "representatives",
        "spokespeople",
        "individuals",
        "anyone",
        "familiar",
        "anonymity",
        "mourners",
        "parents",
        "fans",
        "users",
        "delegates",
        "monitor",
        "media",
        "reports",
        "outlets",
        "generals",
        "refugee",
        "refugees",
        "seekers",
        "detainees",
        "migrants",
        "prisoners",
        "man",
        "woman",
        "men",
        "women",
        "boy",
        "girl",
        "victim",
        "victims",
        "son",
        "daughter",
        "wife",
        "husband",
        "brother",
        "sister",
        "mother",
        "father",
        "widow",
        "uncle",
        "aunt",
        "cousin",
        "grandmother",
        "grandfather",
        "friend",
        "friends",
        "neighbour",
        "neighbor",
        "schools",
        "passengers",
        "pilots",
        "inmates",
        "citizens",
        "civilians",
        "traders",
        "shopkeepers",
        "farmers",
        "families",
        "owners",
        "volunteers",
        "investors",
        "economists",
        "scientists",
        "researchers",
        "commentators",
        "polls",
        "surveys",
        "groups",
        "agencies",
        "outlet",
        "organisers",
        "organizers",
        "participants",
        "attendees",
        "family",
        "correspondents",
        "reporters",
        "journalists",
        "correspondent",
    ],
);

/// Determiners and quantifiers that open an unnamed-source phrase.
pub(crate) const ANON_OPENERS: Words = Words::new(
    Id::ANON_OPENERS,
    &[
        "a",
        "an",
        "one",
        "two",
        "three",
        "four",
        "five",
        "several",
        "some",
        "many",
        "other",
        "another",
        "unnamed",
        "anonymous",
        "multiple",
        "various",
        "numerous",
        "few",
        "most",
        "local",
        "senior",
        "security",
        "military",
        "government",
        "syrian",
        "iraqi",
        "western",
    ],
);

/// Lower-case heads naming an institution without a proper name ("police said").
pub(crate) const INSTITUTIONS: Words = Words::new(
    Id::INSTITUTIONS,
    &[
        "police",
        "prosecutors",
        "authorities",
        "investigators",
        "military",
        "intelligence",
        "army",
        "government",
        "ministry",
        "navy",
        "court",
        "palace",
        "judge",
        "coroner",
        "firefighters",
        "administration",
        "network",
        "group",
        "organisation",
        "organization",
        "agency",
        "embassy",
        "council",
        "regime",
        "coalition",
        "committee",
        "panel",
        "tribunal",
        "commission",
        "department",
        "company",
        "firm",
        "prosecution",
        "defence",
        "defense",
        "airline",
        "club",
        "union",
        "party",
        "force",
        "forces",
        "service",
        "office",
        "headquarters",
        "board",
        "parliament",
        "campaign",
        "camp",
        "observatory",
        "coastguard",
        "television",
        "tv",
        "radio",
    ],
);

/// Pronouns and role nouns that refer back to a person.
pub(crate) const PERSON_REFS: Words = Words::new(
    Id::PERSON_REFS,
    &[
        "he",
        "she",
        "member",
        "minister",
        "diplomat",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "president",
        "senator",
        "leader",
        "lawmaker",
        "chief",
        "head",
        "envoy",
        "ambassador",
        "prosecutor",
        "lawyer",
        "attorney",
        "judge",
        "governor",
        "mayor",
        "commander",
        "general",
        "secretary",
        "chairman",
        "chairwoman",
        "director",
        "activist",
        "doctor",
        "officer",
        "teacher",
        "coach",
        "player",
        "star",
        "actor",
        "actress",
        "singer",
        "official",
        "politician",
        "premier",
        "chancellor",
        "king",
        "queen",
        "prince",
        "pope",
        "professor",
        "expert",
        "analyst",
        "economist",
        "author",
        "researcher",
        "scientist",
        "ceo",
        "executive",
        "founder",
        "deputy",
        "congressman",
        "congresswoman",
        "manager",
        "colonel",
        "lieutenant",
        "sheriff",
        "captain",
        "emir",
        "sheikh",
        "cleric",
        "rapper",
        "host",
        "candidate",
        "nominee",
        "defendant",
        "writer",
        "refugee",
        "fighter",
        "adviser",
        "advisor",
        "aide",
        "counselor",
        "counsellor",
    ],
);

/// Role nouns, besides the titles and [`PERSON_REFS`], that stand before a person's
/// name after a place or body: "said Dravel resident Ilse Marrow", "said the
/// network's political contributor Tom Ade", "Pulitzer Prize winner Ana Ruiz".
pub(crate) const ROLE_HEADS: Words = Words::new(
    Id::ROLE_HEADS,
    &[
        "winner",
        "laureate",
        "editor",
        "strategist",
        "resident",
        "owner",
        "journalist",
        "correspondent",
        "reporter",
        "boss",
        "adviser",
        "advisor",
        "aide",
        "contributor",
    ],
);

/// Lower-case heads that refer back to an organisation.
pub(crate) const ORG_REFS: Words = Words::new(
    Id::ORG_REFS,
    &[
        "it",
        "ministry",
        "agency",
        "group",
        "company",
        "network",
        "organisation",
        "organization",
        "department",
        "office",
        "statement",
        "newspaper",
        "channel",
        "broadcaster",
        "paper",
        "outlet",
        "daily",
        "agency's",
        "observatory",
        "monitor",
        "firm",
        "bank",
        "council",
        "committee",
        "panel",
        "tribunal",
        "commission",
        "embassy",
        "court",
        "palace",
        "report",
        "website",
        "service",
        "body",
        "watchdog",
        "regulator",
        "union",
        "party",
        "movement",
        "television",
        "station",
        "magazine",
        // Bodies of everyday news ("the church said", "the electricity provider
        // says"; "the club", "the gallery" are `ORG_WORDS`).
        "church",
        "charity",
        "provider",
        "operator",
        "retailer",
        "lender",
        "insurer",
        "manufacturer",
        "carmaker",
    ],
);

/// Heads of "the …"/"its …" that refer back to a medium ("the newspaper", "the
/// channel", "the report").
pub(crate) const MEDIA_REF_HEADS: Words = Words::new(
    Id::MEDIA_REF_HEADS,
    &[
        "newspaper",
        "channel",
        "broadcaster",
        "paper",
        "outlet",
        "daily",
        "agency",
        "television",
        "station",
        "magazine",
        "website",
        "report",
    ],
);

/// Bodies an article has one of, so that "the police" or "the government" left
/// unresolved still names the article's own; any other unresolved "the ministry",
/// "the department" is an anonymous description.
pub(crate) const STANDING_BODIES: &[&str] = &[
    "police",
    "prosecutors",
    "military",
    "intelligence",
    "army",
    "government",
    "navy",
    "court",
    "judge",
    "coroner",
    "firefighters",
    "administration",
    "regime",
    "prosecution",
    "defence",
    "defense",
    "force",
    "forces",
    "parliament",
    "television",
    "tv",
    "radio",
];

/// Things one concludes by ending them, not by finding ("concluded his remarks",
/// "concluded the deal"): after "concluded" and an article or possessive, no finding.
pub(crate) const CONCLUDED_THINGS: &[&str] = &[
    "remarks",
    "speech",
    "show",
    "deal",
    "operation",
    "dialogue",
    "talks",
    "visit",
    "tour",
    "trip",
    "meeting",
    "session",
    "summit",
    "agreement",
    "acquisition",
    "purchase",
    "sale",
    "season",
    "match",
    "game",
    "concert",
    "ceremony",
    "conference",
    "negotiations",
    "contract",
    "exercise",
    "exercises",
    "drills",
    "interview",
    "hearing",
];

/// Words in the name of a public body, which "the company" or "the firm" never is
/// ("U.S. Court of Appeals", "Ministry of Trade").
pub(crate) const PUBLIC_BODY_WORDS: &[&str] = &[
    "court",
    "ministry",
    "government",
    "police",
    "army",
    "navy",
    "parliament",
    "senate",
    "congress",
    "commission",
    "council",
    "committee",
    "department",
    "embassy",
    "administration",
    "party",
    "regime",
    "prosecutor's",
];

/// Generic heads of "the …" that refer back to the latest organisation that spoke,
/// whatever its name ("the group", "the company").
pub(crate) const GENERIC_ORG_HEADS: Words = Words::new(
    Id::GENERIC_ORG_HEADS,
    &[
        "it",
        "group",
        "organisation",
        "organization",
        "company",
        "firm",
        "body",
        "movement",
    ],
);

/// Heads of a description of a business or a monitor by its place, besides the
/// generic ones ("the South Korean electronics giant", "the Doha-based airline", "the
/// UK-based war monitor"): a body described, never one named.
pub(crate) const DESCRIBED_BODY_HEADS: &[&str] = &[
    "giant",
    "airline",
    "retailer",
    "lender",
    "insurer",
    "conglomerate",
    "manufacturer",
    "monitor",
    // (Not every "-maker": a filmmaker or a lawmaker is a person.)
    "carmaker",
    "automaker",
    "chipmaker",
    "drugmaker",
    "planemaker",
];

/// Lower-case modifiers that belong to an organisation's name before an institution or
/// media word ("the Kremlin's state television", "the Oslo town hall").
pub(crate) const ORG_NAME_MODIFIERS: &[&str] = &[
    "state",
    "state-run",
    "official",
    "town",
    "city",
    "local",
    "national",
];

/// Generic outlet words dropped from the end of an organisation's name after its last
/// capitalised word ("the Ostwind news agency" → "Ostwind").
pub(crate) const OUTLET_TAIL_WORDS: &[&str] = &["news", "agency", "newspaper", "daily"];

/// Generic outlet words at the end of a name, dropped when names are compared ("Ostwind
/// News Agency" and "Ostwind"); tried in this order, the first that matches is dropped
/// and only when a word is left.
pub(crate) const OUTLET_NAME_TAILS: &[&[&str]] = &[
    &["news", "agency"],
    &["agency"],
    &["newspaper"],
    &["daily"],
    &["news"],
    &["group"],
];

/// Suffixes of modifiers that say where or by whom a source is run, not who it is
/// ("Oslo-based", "state-run", "Iran-backed", "Saudi-led"); dropped from names.
pub(crate) const AFFILIATION_SUFFIXES: &[&str] = &[
    "-based",
    "-headquartered",
    "-run",
    "-backed",
    "-led",
    "-born",
];

/// Ownership suffixes, dropped from a relay's or speaker's name with the affiliation
/// suffixes ("state-owned", "Kremlin-controlled").
pub(crate) const OWNERSHIP_SUFFIXES: &[&str] = &["-owned", "-controlled"];

// ---------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------

/// Nouns for documents that speak for their owner.
pub(crate) const DOCS: Words = Words::new(
    Id::DOCS,
    &[
        "statement",
        "lawsuit",
        "suit",
        "report",
        "study",
        "survey",
        "data",
        "figures",
        "estimates",
        "document",
        "documents",
        "record",
        "records",
        "filing",
        "complaint",
        "indictment",
        "letter",
        "post",
        "tweet",
        "website",
        "poll",
        "analysis",
        "announcement",
        "research",
        "census",
        "statistics",
        "account",
        "transcript",
        "memo",
        "release",
        "affidavit",
        "petition",
        "papers",
        "count",
        "tally",
        "reports",
        "note",
        "calculations",
        "findings",
        "results",
        "bulletin",
        "communique",
        "investigation",
        "article",
        "advice",
        "summary",
        "assessment",
        "ruling",
        "judgment",
        "judgement",
        "circular",
        "biography",
    ],
);

/// Documents of counted numbers ("the figures", "the data"): a body that counts put
/// them out, seldom a medium, so "the figures showed" is the latest body that spoke,
/// not the latest outlet.
pub(crate) const COUNT_DOCS: &[&str] = &[
    "data",
    "figures",
    "estimates",
    "statistics",
    "census",
    "count",
    "tally",
    "calculations",
    "results",
];

/// Bodies an article names with a lower-case word, as its own ("a bulletin published
/// by police"): named hops (rulebook example 24).
pub(crate) const OWN_INSTITUTIONS: &[&str] = &[
    "police",
    "army",
    "military",
    "prosecutors",
    "coroner",
    "court",
];

/// Words before a document noun in an "according to" phrase ("a new joint statement",
/// "its preliminary report", "unconfirmed reports").
pub(crate) const DOC_MODIFIERS: &[&str] = &[
    "a",
    "an",
    "the",
    "new",
    "latest",
    "official",
    "recent",
    "joint",
    "written",
    "preliminary",
    "published",
    "released",
    "its",
    "their",
    "his",
    "her",
    "court",
    "local",
    "initial",
    "unconfirmed",
    "this",
    "that",
];

/// Determiners by which a bare document noun refers back to the latest organisation
/// ("according to the report", "its statement").
pub(crate) const DOC_BACK_REFS: &[&str] = &["the", "its", "this", "that"];

/// Prepositions that introduce a document's owner ("a statement by/from/of/on …").
pub(crate) const DOC_OWNER_PREPS: &[&str] = &["by", "from", "of", "on"];

/// Prepositions that give a document in a speaker phrase its author ("a report by X",
/// "a report … carried by X", "a statement from X"); later "the report" and "it"
/// resolve to X (R3). Not "of"/"on", which introduce the topic ("a report on the launch").
pub(crate) const DOC_AUTHOR_PREPS: &[&str] = &["by", "from"];

/// Participles between a document and its author ("a summary released by the
/// committee"), unlike those of a medium that obtained it ("obtained by", "seen by").
pub(crate) const AUTHORING: &[&str] = &[
    "released",
    "issued",
    "published",
    "prepared",
    "written",
    "compiled",
];

// ---------------------------------------------------------------------------------
// Relays and media
// ---------------------------------------------------------------------------------

/// Social platforms: "wrote on Twitter" names no relay (rulebook R2). World knowledge.
pub(crate) const PLATFORMS: Words = Words::new(
    Id::PLATFORMS,
    &[
        "twitter",
        "facebook",
        "instagram",
        "telegram",
        "youtube",
        "weibo",
        "wechat",
        "tiktok",
        "linkedin",
        "reddit",
        "snapchat",
        "whatsapp",
    ],
);

/// Qualifiers that make another office of a role ("vice president", "deputy
/// minister"): a bare role never means the holder of the qualified one.
pub(crate) const OFFICE_QUALIFIERS: &[&str] = &["vice", "deputy", "assistant", "under"];

/// Words that narrow a role ("the former vice president"): a mention must carry
/// them too for a definite description to resolve to it.
pub(crate) const ROLE_QUALIFIERS: &[&str] = &[
    "former",
    "acting",
    "interim",
    "vice",
    "outgoing",
    "incoming",
    "deputy",
    "assistant",
];

/// Words that qualify one party's time in office ("current and former officials"):
/// coordinated, they describe one source (rulebook R4), not two.
pub(crate) const TENURE_WORDS: &[&str] =
    &["current", "former", "past", "present", "serving", "retired"];

/// Quantifiers that take a part of a group ("one of the organisers", "some of
/// their neighbours"): the phrase is the group's unnamed members.
pub(crate) const PARTITIVE_QUANTIFIERS: &[&str] = &[
    "one", "two", "three", "some", "many", "several", "most", "few", "each", "another",
];

/// Lower-case words inside a body's name between capitalised ones ("Unidos da
/// Tijuca", "Say NO to KHTO"), read after a kind of body before its name.
pub(crate) const NAME_INNER_JOINERS: &[&str] =
    &["da", "de", "del", "di", "do", "dos", "of", "to", "for"];

/// Prepositions that may open a kind of body before its name in place of an article
/// ("… happened with samba school Mocidade Independente").
pub(crate) const KIND_OPENING_PREPS: &[&str] = &["with", "from", "by", "at", "for", "against"];

/// Capitalised nouns for a party's members ("a senior Republican", "House
/// Democrats"): a description of unnamed people, never a name.
pub(crate) const PARTY_MEMBERS: &[&str] = &["republican", "republicans", "democrat", "democrats"];

/// Words that make a party's name of "Democrats" ("the Liberal Democrats", "Sweden
/// Democrats"): a named party, not its members.
pub(crate) const PARTY_NAME_LEADS: &[&str] = &[
    "liberal",
    "social",
    "christian",
    "free",
    "sweden",
    "swiss",
    "european",
    "young",
];

/// Capitalised modifiers that do not name a medium ("Pakistani state TV" names one
/// through its country; "Local", "State" at a sentence start do not).
pub(crate) const DEMONYM_LIKE: &[&str] = &[
    "local",
    "state",
    "regional",
    "national",
    "independent",
    "private",
    "public",
];

/// The head word of an unnamed medium ("local media", "a regional TV network"): the
/// only kind of anonymous hop that may stand in the middle of a chain (rulebook R2).
pub(crate) fn is_media_head(w: &str) -> bool {
    is_in(w, MEDIA_WORDS) || is_in(w, MEDIA_HEADS)
}

/// Does an unnamed source's name end in a medium's head word, singular or plural
/// ("~local media", "~the AFP news agency", "~various media agencies"), a trailing
/// "report(s)" aside ("~Ostlandic media reports")? Only such a source may be a middle
/// hop (rulebook R2).
pub(crate) fn names_a_medium(name: &str) -> bool {
    let mut words = name.split_whitespace().rev().peekable();
    words.next_if(|w| is_in(w, &["reports", "report"]));
    words.next().is_some_and(|w| {
        is_media_head(w)
            || w.strip_suffix("ies")
                .is_some_and(|s| is_media_head(&format!("{s}y")))
            || w.strip_suffix('s').is_some_and(is_media_head)
    })
}

/// Media words that name a medium only inside a name ("the Washington Post", "Daily
/// Mail"): in lower case they are something else ("in a weekend online post").
pub(crate) const NAME_ONLY_MEDIA_WORDS: &[&str] = &[
    "post",
    "mail",
    "standard",
    "observer",
    "examiner",
    "today",
    "online",
    "times",
    "guardian",
    "herald",
    "telegraph",
    "tribune",
    "chronicle",
    "gazette",
    "reporter",
];

/// Head words of an unnamed medium besides the media words ("local media", "a TV
/// network", "a radio station").
pub(crate) const MEDIA_HEADS: &[&str] = &["media", "network", "station", "outlet", "outlets"];

/// Participles after which "by/in/on Y" names the medium that carried a statement
/// ("according to a statement carried by Y", "quoted in Y").
pub(crate) const CARRIED_BY_VERBS: &[&str] = &[
    "quoted",
    "carried",
    "cited",
    "published",
    "reported",
    "broadcast",
    "aired",
    "circulated",
];

/// Lower-case words that stay inside a relay's name ("Ministry of Defence", "Voice of
/// America", "Asharq al-Awsat").
pub(crate) const RELAY_NAME_CONNECTORS: &[&str] = &["of", "for", "and", "de", "al"];

/// Kinds of medium whose name may follow in quotation marks ("the German daily "Die
/// Welt"", "the magazine "Attitude""): such a quotation is a name.
pub(crate) const MEDIUM_KINDS: &[&str] = &[
    "magazine",
    "newspaper",
    "paper",
    "daily",
    "weekly",
    "monthly",
    "tabloid",
    "broadcaster",
    "channel",
    "station",
    "outlet",
    "website",
    "journal",
    "programme",
    "program",
    "show",
];

/// Words that make a capitalised name a medium ("Latvian state TV", "Nordposten daily").
pub(crate) const MEDIA_WORDS: Words = Words::new(
    Id::MEDIA_WORDS,
    &[
        "news",
        "tv",
        "television",
        "radio",
        "agency",
        "times",
        "post",
        "journal",
        "press",
        "daily",
        "gazette",
        "tribune",
        "herald",
        "telegraph",
        "guardian",
        "channel",
        "broadcasting",
        "broadcaster",
        "magazine",
        "newspaper",
        "paper",
        "chronicle",
        "mail",
        "observer",
        "standard",
        "examiner",
        "reporter",
        "weekly",
        "today",
        "online",
        "wire",
        "station",
        "affiliate",
    ],
);

/// Known news media and agencies (normalised form). World knowledge, not grammar: the
/// outlets the rules recognise as media by name.
pub(crate) const MEDIA: &[&str] = &[
    "ap",
    "associated press",
    "afp",
    "agence france-presse",
    "agence france presse",
    "reuters",
    "tass",
    "ria novosti",
    "ria",
    "interfax",
    "sputnik",
    "rt",
    "russia today",
    "sana",
    "xinhua",
    "kcna",
    "yonhap",
    "kyodo",
    "nhk",
    "irna",
    "isna",
    "fars",
    "tasnim",
    "anadolu",
    "dpa",
    "ansa",
    "efe",
    "pti",
    "ani",
    "bbc",
    "cnn",
    "abc",
    "abc news",
    "nbc",
    "cbs",
    "fox news",
    "msnbc",
    "npr",
    "pbs",
    "cnbc",
    "bloomberg",
    "al jazeera",
    "al arabiya",
    "al-arabiya",
    "al-mayadeen",
    "al mayadeen",
    "haaretz",
    "arutz sheva",
    "izvestia",
    "kommersant",
    "rossiya",
    "vedomosti",
    "rbc",
    "ntv",
    "politico",
    "axios",
    "the hill",
    "breitbart",
    "buzzfeed",
    "huffpost",
    "huffington post",
    "the huffington post",
    "dw",
    "deutsche welle",
    "rte",
    "rté",
    "china daily",
    "global times",
    "people's daily",
    "cctv",
    "cgtn",
    "caixin",
    "sky news",
    "itv",
    "channel 4",
    "the guardian",
    "guardian",
    "the times",
    "new york times",
    "washington post",
    "wall street journal",
    "financial times",
    "the independent",
    "daily mail",
    "the sun",
    "the telegraph",
    "le monde",
    "der spiegel",
    "spiegel",
    "bild",
    "die welt",
    "sueddeutsche zeitung",
    "yedioth ahronoth",
    "ynet",
    "times of israel",
    "jerusalem post",
    "asharq al-awsat",
    "al-hayat",
    "press tv",
    "wafa",
    "mena",
    "al-ahram",
    "dawn",
    "the hindu",
    "times of india",
    "ndtv",
    "abc7",
    "kabc",
    "wabc",
    "cbc",
    "ctv",
    "globe and mail",
    "usa today",
    "los angeles times",
    "chicago tribune",
    "miami herald",
    "newsweek",
    "the atlantic",
    "the new yorker",
    "vox",
    "slate",
    "the daily beast",
    "tmz",
    "variety",
    "hollywood reporter",
    "irish times",
    "irish independent",
    "newstalk",
    "morning ireland",
    "south china morning post",
    "nikkei",
    "asahi",
    "yomiuri",
    "mainichi",
    "jiji",
    "bernama",
    "straits times",
    "the new york times",
    "the washington post",
    "the wall street journal",
];

/// Name aliases: each row lists spellings of one source; the first is canonical. World
/// knowledge, not grammar (shared with the evaluation, which compares names through it).
pub const ALIASES: &[&[&str]] = &[
    &[
        "AP",
        "Associated Press",
        "The Associated Press",
        "AP news agency",
    ],
    &[
        "AFP",
        "Agence France-Presse",
        "Agence France Presse",
        "French news agency AFP",
    ],
    &["Reuters", "Reuters news agency", "Thomson Reuters"],
    &["TASS", "ITAR-TASS"],
    &["RIA Novosti", "RIA"],
    &["RT", "Russia Today"],
    &[
        "SANA",
        "Syrian Arab News Agency",
        "Syria's state news agency SANA",
    ],
    &["SOHR", "Syrian Observatory for Human Rights", "Observatory"],
    &["KCNA", "Korean Central News Agency"],
    &["Yonhap", "Yonhap News Agency", "Yonhap news agency"],
    &["Xinhua", "Xinhua News Agency", "Xinhua news agency"],
    &["BBC", "BBC News", "the BBC"],
    &["DW", "Deutsche Welle"],
    &[
        "HuffPost",
        "Huffington Post",
        "The Huffington Post",
        "HuffPost US",
    ],
    &["ABC News", "ABC"],
    &["RTE", "RTÉ", "RTÉ News", "RTE News", "RT? News", "RT?"],
    &["Washington Post", "WaPo", "The Washington Post"],
    &["New York Times", "NYT", "The New York Times"],
    &["Wall Street Journal", "WSJ", "The Wall Street Journal"],
    &["CNN", "CNN International"],
    &["Al Jazeera", "Al-Jazeera", "Al Jazeera English"],
    &["China Daily", "chinadaily.com.cn"],
    &["Interfax", "Interfax news agency"],
    &["IRNA", "Islamic Republic News Agency"],
    &["Anadolu", "Anadolu Agency", "Anadolu news agency"],
    &[
        "dpa",
        "DPA",
        "German Press Agency",
        "Deutsche Presse-Agentur",
    ],
    &["U.S.", "US", "United States", "America"],
    &["UN", "U.N.", "United Nations"],
    &["Islamic State", "ISIS", "ISIL", "IS", "Daesh"],
];

// ---------------------------------------------------------------------------------
// Sentence splitting
// ---------------------------------------------------------------------------------

/// Nouns that end a broadcaster's name as a listener ("told BBC Radio 4's Today
/// programme").
pub(crate) const PROGRAMMES: &[&str] = &["programme", "program", "show", "podcast"];

/// Nouns for a body that a document word may modify ("research firm IDC").
pub(crate) const FIRM_NOUNS: &[&str] = &[
    "firm",
    "firms",
    "company",
    "group",
    "institute",
    "consultancy",
    "agency",
    "centre",
    "center",
];

/// Plural and mass document nouns that need no article to be an unnamed source
/// ("according to official figures", "preliminary data").
pub(crate) const BARE_DOCS: &[&str] = &["figures", "data", "statistics", "estimates", "records"];

/// Abbreviated month names ("Jan 11", "Dec. 28").
pub(crate) const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// A month, weekday or abbreviated month ("Dec", "Jan.").
pub(crate) fn date_word(w: &str) -> bool {
    is_in(w, CALENDAR) || is_in(w.trim_end_matches('.'), MONTH_ABBREVIATIONS)
}

/// A weekday that opens a paper's name ("Sunday Times", "Sunday Independent") rather
/// than a time phrase: the next word is a capitalised medium word.
pub(crate) fn weekday_paper(day: &str, next: Option<&str>) -> bool {
    is_in(day, WEEKDAYS)
        && next.is_some_and(|n| {
            n.starts_with(|c: char| c.is_uppercase())
                && (is_in(n, MEDIA_WORDS) || is_in(n, &["independent", "world"]))
        })
}

/// Abbreviated company suffixes ("Co.", "Inc."), which end a sentence more often than
/// they continue a name.
pub(crate) const COMPANY_SUFFIXES: &[&str] = &["inc", "corp", "co", "ltd", "llc", "plc", "limited"];

/// Adjectives that are capitalised at a sentence's start before a lower-case noun
/// ("Recent polls show", "Senior doctors said", "New book argues"): a description,
/// never a name. On the dev CSV (stop 66) seven one-word speakers were such a word.
pub(crate) const OPENING_ADJECTIVES: &[&str] = &[
    "New", "Recent", "Senior", "Local", "Fresh", "Latest", "Early", "Further", "Previous",
    "Current", "Leading", "Junior",
];

/// Capitalised words that open a sentence and do not continue a name: after a dotted
/// abbreviation ("… apply in the U.S. An opposition lawmaker …", "at 3 p.m. The
/// crowd …") one starts a new sentence (a name goes on: "U.S. Army"). On the dev CSV
/// about 26 such periods, all sentence ends.
pub(crate) const OPENERS_AFTER_DOTTED: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "In",
    "This",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "If",
    "As",
    "After",
    "When",
    "Yet",
    "However",
    "Meanwhile",
];

/// Words after which a period does not end a sentence.
pub(crate) const ABBREVIATIONS: &[&str] = joined!(
    TITLE_ABBREVIATIONS.all,
    MONTH_ABBREVIATIONS,
    &[
        "st", "no", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "v", "mt", "ft", "fig", "approx",
        "est", "dept", "univ",
    ]
);

/// The words that join a title to its portfolio ("Minister *for* Health", "Chief *of*
/// Staff", "Ambassador *to* Chile", "Minister for Education *and* Skills"): after
/// them, the run of capitalised words ends with the person's name.
pub(crate) const PORTFOLIO_LINKS: &[&str] = &["for", "of", "to", "and"];

/// Pinyin initials, longest first ("zh" before "z"), and the empty one: with
/// `PINYIN_FINALS` they spell the syllables of a Chinese given name ("Zhenwei",
/// "Jinping"), which no English word such as "Tower" or "Law" splits into.
pub(crate) const PINYIN_INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w", "",
];

/// Pinyin finals, longest first.
pub(crate) const PINYIN_FINALS: &[&str] = &[
    "iang", "iong", "uang", "ueng", "ang", "eng", "ing", "ong", "iao", "ian", "uai", "uan", "ai",
    "ei", "ui", "ao", "ou", "iu", "ie", "ue", "an", "en", "in", "un", "ia", "ua", "uo", "er", "a",
    "o", "e", "i", "u",
];

/// The words that join a posted title to its post ("ambassador *in* Cyprus",
/// "envoy *to* the Islamic Republic").
pub(crate) const POST_LINKS: &[&str] = &["in", "to"];

/// Lower-case titles of a post abroad, which a place and then the holder's name may
/// follow without a comma ("Russian ambassador in Cyprus Ana Ruiz").
pub(crate) const POSTED_TITLES: &[&str] = &["ambassador", "envoy", "consul", "representative"];

/// Abbreviated titles before a name ("Lt. Gov. Ana Ruiz"): the tokenizer keeps their
/// period so that the title stays inside the speaker's phrase.
pub(crate) const TITLE_ABBREVIATIONS: Words = Words::new(
    Id::TITLE_ABBREVIATIONS,
    &[
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
        "maj", "adm", "cmdr", "supt", "insp", "det", "rev", "hon", "messrs", "gens",
    ],
);

/// Page furniture: the labels that introduce a teaser for another story ("READ MORE:
/// <headline>") or a credit line ("Author: <name>", then often a sub-heading),
/// matched case-sensitively as written; scrapers glue what follows the label onto the
/// next sentence (rulebook R1: teasers and credit lines are not items).
pub(crate) const TEASER_LABELS: &[&str] = &[
    "Author",
    "READ MORE",
    "READ ALSO",
    "ALSO READ",
    "SEE ALSO",
    "RELATED",
    "WATCH",
    "INTERACTIVE",
    "Read more",
    "Related",
    "Also read",
    "See also",
    "Send Facebook Twitter",
];

/// Capitalised words that open a sentence far more often than they sit inside a
/// sentence-case headline: inside a teaser, the first of them (after its first word)
/// is where the article's own sentence starts again.
pub(crate) const TEASER_ENDS: Words = Words::new(
    Id::TEASER_ENDS,
    joined!(
        &[
            "the",
            "a",
            "an",
            "but",
            "and",
            "in",
            "on",
            "at",
            "from",
            "for",
            "by",
            "with",
            "as",
            "after",
            "before",
            "during",
            "since",
            "despite",
            "although",
            "while",
            "when",
            "until",
            "according",
            "asked",
            "speaking",
            "meanwhile",
            "however",
            "still",
            "indeed",
            "instead",
            "earlier",
            "later",
            "last",
            "this",
            "that",
            "these",
            "those",
            "there",
            "he",
            "she",
            "it",
            "they",
            "we",
            "his",
            "her",
            "their",
            "its",
            "our",
            "most",
            "many",
            "some",
            "several",
            "nearly",
            "almost",
            "more",
            "another",
            "other",
            "both",
            "each",
            "such",
            "now",
            "yet",
            "so",
            "also",
            "former",
            "under",
            "over",
            "about",
            "only",
            "if",
        ],
        NUMBER_WORDS,
    ),
);

/// World knowledge: the last word of country, region and US state names, which end many
/// teaser headlines ("… the war in Yemen"); a capitalised word right after one inside a
/// teaser starts the article's sentence again. Extend as needed.
pub(crate) const PLACE_ENDS: Words = Words::new(
    Id::PLACE_ENDS,
    &[
        "afghanistan",
        "albania",
        "algeria",
        "angola",
        "argentina",
        "armenia",
        "australia",
        "austria",
        "azerbaijan",
        "bahrain",
        "bangladesh",
        "belarus",
        "belgium",
        "bolivia",
        "bosnia",
        "brazil",
        "britain",
        "bulgaria",
        "burundi",
        "cambodia",
        "cameroon",
        "canada",
        "chad",
        "chile",
        "china",
        "colombia",
        "congo",
        "croatia",
        "cuba",
        "cyprus",
        "denmark",
        "ecuador",
        "egypt",
        "eritrea",
        "ethiopia",
        "europe",
        "africa",
        "asia",
        "america",
        "finland",
        "france",
        "gambia",
        "gaza",
        "georgia",
        "germany",
        "ghana",
        "greece",
        "guatemala",
        "guinea",
        "haiti",
        "honduras",
        "hungary",
        "india",
        "indonesia",
        "iran",
        "iraq",
        "ireland",
        "israel",
        "italy",
        "japan",
        "jordan",
        "kashmir",
        "kazakhstan",
        "kenya",
        "korea",
        "kosovo",
        "kuwait",
        "latvia",
        "lebanon",
        "libya",
        "lithuania",
        "macedonia",
        "malaysia",
        "mali",
        "mexico",
        "moldova",
        "morocco",
        "mosul",
        "myanmar",
        "nepal",
        "netherlands",
        "nicaragua",
        "niger",
        "nigeria",
        "norway",
        "pakistan",
        "palestine",
        "panama",
        "paraguay",
        "peru",
        "philippines",
        "poland",
        "portugal",
        "qatar",
        "romania",
        "russia",
        "rwanda",
        "arabia",
        "scotland",
        "senegal",
        "serbia",
        "singapore",
        "somalia",
        "spain",
        "sudan",
        "sweden",
        "switzerland",
        "syria",
        "taiwan",
        "tanzania",
        "thailand",
        "tunisia",
        "turkey",
        "uganda",
        "ukraine",
        "emirates",
        "kingdom",
        "states",
        "uruguay",
        "venezuela",
        "vietnam",
        "wales",
        "yemen",
        "zambia",
        "zimbabwe",
        "zealand",
        "slovakia",
        "slovenia",
        "estonia",
        "iceland",
        "luxembourg",
        "lanka",
        "oman",
        "mongolia",
        "uzbekistan",
        "laos",
        "malta",
        "montenegro",
        "namibia",
        "botswana",
        "mozambique",
        "liberia",
        "chechnya",
        "crimea",
        // US states (not "Washington" or "Montana", which end people's names too).
        "alabama",
        "alaska",
        "arizona",
        "arkansas",
        "california",
        "colorado",
        "connecticut",
        "delaware",
        "florida",
        "hawaii",
        "idaho",
        "illinois",
        "indiana",
        "iowa",
        "kansas",
        "kentucky",
        "louisiana",
        "maine",
        "maryland",
        "massachusetts",
        "michigan",
        "minnesota",
        "mississippi",
        "missouri",
        "nebraska",
        "nevada",
        "hampshire",
        "jersey",
        "york",
        "carolina",
        "dakota",
        "ohio",
        "oklahoma",
        "oregon",
        "pennsylvania",
        "tennessee",
        "texas",
        "utah",
        "vermont",
        "virginia",
        "wisconsin",
        "wyoming",
    ],
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_company_end_is_an_org_word() {
        for w in COMPANY_ENDS {
            assert!(is_in(w, ORG_WORDS), "{w}");
        }
    }

    #[test]
    fn every_phrasal_particle_opens_with_a_listed_word() {
        for (l, particle) in PHRASAL_LEMMAS {
            let first = particle.split(' ').next().unwrap_or("");
            assert!(opens_particle(first.as_bytes()), "{} {particle}", l.base);
        }
        assert_eq!(phrasal_particles("made"), ["clear", "it clear"]);
        assert!(cue_word("pointed out").is_some());
    }

    #[test]
    fn joined_lists_keep_every_part_in_order() {
        let expected: Vec<&str> = WEEKDAYS.iter().chain(MONTHS.all).copied().collect();
        assert_eq!(CALENDAR.all, expected.as_slice());
        // 22 words before the weekdays, 7 weekdays, 20 after.
        assert_eq!(NP_STOP.len(), 22 + 7 + 20);
        assert_eq!(&NP_STOP[22..29], WEEKDAYS);
        assert_eq!(NP_STOP.last(), Some(&"behind"));
        assert_eq!(NOT_NAMES.len(), 24 + 7 + 40 + 11 + 27 + 23);
        assert_eq!(&NOT_NAMES[24..31], WEEKDAYS);
        assert_eq!(&NOT_NAMES[71..82], MONTHS.all);
        assert_eq!(&NOT_NAMES[109..], NUMBER_WORDS);
        assert_eq!(
            DEFINITE_OPENERS,
            ["the", "this", "that", "his", "her", "their", "its"]
        );
    }

    #[test]
    fn long_lists_are_found_through_the_shared_table() {
        for list in LONG_LISTS {
            for w in list.all {
                assert!(is_in(w, *list), "{w}");
                assert!(is_in(&w.to_ascii_uppercase(), *list), "{w}");
            }
        }
        // A word of one list is not taken for a member of another.
        assert!(is_in("spokeswoman", FEMALE_WORDS) && !is_in("spokeswoman", MALE_WORDS));
        assert!(!is_in("", NOT_NAMES) && !is_in("Montag", CALENDAR));
        // Too long for the table, or not ASCII: still an answer, and the right one.
        assert!(!is_in(&"x".repeat(80), TITLES) && !is_in("Zürich", TITLES));
    }

    #[test]
    fn no_long_list_repeats_a_word() {
        // A second copy is harmless to lookups but hides which entry a change should
        // touch, and it piles up when words are added from error samples.
        for list in LONG_LISTS {
            let mut seen = std::collections::HashSet::new();
            for w in list.all {
                assert!(
                    seen.insert(w.to_ascii_lowercase()),
                    "{w} twice in {:?}",
                    list.id
                );
            }
        }
    }

    #[test]
    fn table_probes_stay_short() {
        // The longest run of filled slots bounds every lookup, whatever the input.
        assert!(MEMBERSHIP.longest_cluster() <= 16);
        assert!(CUE_FORMS.longest_cluster() <= 16);
        assert!(PHRASAL_HEADS.longest_cluster() <= 16);
        assert!(MEMBERSHIP.get("zzzz-not-a-word").is_none());
        assert_eq!(MEMBERSHIP.get("Monday"), MEMBERSHIP.get("MONDAY"));
    }

    #[test]
    fn may_is_no_month() {
        // "May" opens more sentences as the modal verb than as the month.
        assert!(!is_in("May", MONTHS));
        assert!(!is_in("May", NOT_NAMES));
        assert!(is_in("June", NOT_NAMES));
    }

    #[test]
    fn lookups_ignore_ascii_case_in_short_and_long_lists() {
        // PRONOUNS is scanned, NOT_NAMES (over 24 words) goes through the hash set.
        assert!(PRONOUNS.len() < 24 && NOT_NAMES.len() >= 24);
        for (w, list) in [
            ("She", PRONOUNS),
            ("WEDNESDAY", NOT_NAMES),
            ("Ms.", NOT_NAMES),
        ] {
            assert!(is_in(w, list), "{w}");
        }
        assert!(!is_in("Shelby", PRONOUNS));
        assert!(!is_in("Wednesdays", NOT_NAMES));
        assert!(!is_in("Ménage", NOT_NAMES));
    }
}
