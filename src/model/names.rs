//! Matching names of people, institutions and venues the way organizers type them: without
//! regard to case, accents, spacing or punctuation, and noticing near-misses.

/// The form under which a name is stored for matching: ASCII-folded, lower case, without
/// apostrophes, and with every run of other punctuation and spaces turned into one space. "Dinur  krismasari" and
/// "Dinur Krismasari" share the key `dinur krismasari`.
pub fn name_key(name: &str) -> String {
    let folded = deunicode::deunicode(name).to_lowercase().replace('\'', "");
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Academic and religious titles that do not tell two people apart.
const TITLES: [&str; 14] = [
    "dr", "prof", "ir", "drs", "dra", "h", "hj", "mr", "mrs", "ms", "bapak", "ibu", "pak", "bu",
];

fn without_titles(key: &str) -> String {
    key.split(' ')
        .skip_while(|word| TITLES.contains(word))
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many single-letter edits still count as the same name, by the name's length.
fn tolerated_edits(length: usize) -> usize {
    match length {
        0..=5 => 0,
        6..=11 => 1,
        12..=23 => 2,
        _ => 3,
    }
}

/// Whether two name keys probably mean the same person or institution: equal once titles are
/// dropped, or a few typing slips apart ("kementrian" / "kementerian"). Names that differ in
/// a number, a letter or a roman numeral are different (`ruang 1` / `ruang 2`), and so are
/// names that share some words but differ in a short one that is neither a slip nor an
/// abbreviation of the other (`undp indonesia` / `univ indonesia`).
pub fn is_near(a: &str, b: &str) -> bool {
    let (a, b) = (without_titles(a), without_titles(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    if differ_in_a_code(&a, &b) || differ_in_a_word(&a, &b) {
        return false;
    }
    let shorter = a.len().min(b.len());
    a.len().abs_diff(b.len()) <= tolerated_edits(shorter)
        && strsim::levenshtein(&a, &b) <= tolerated_edits(shorter)
}

/// Whether two names of as many words have a pair of words in the same place that are
/// different words: neither a prefix of the other (an initial, an abbreviation) nor a slip
/// of it, but half of it or more rewritten (`undp` / `univ`, unlike `rom` / `room`).
fn differ_in_a_word(a: &str, b: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    a.len() == b.len()
        && a.iter().zip(&b).any(|(x, y)| {
            x != y
                && !x.starts_with(y)
                && !y.starts_with(x)
                && 2 * strsim::levenshtein(x, y) >= x.len().max(y.len())
        })
}

/// A word that numbers or letters a thing rather than naming it: `2`, `m1`, `b`, `iii`.
fn is_code(word: &str) -> bool {
    let roman =
        |w: &str| !w.is_empty() && w.len() <= 5 && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
    word.chars().any(|c| c.is_ascii_digit()) || word.len() == 1 || roman(word)
}

/// Whether two names of as many words differ in a number, a letter or a roman numeral
/// (`ruang 1` / `ruang 2`, `room a` / `room b`, `sesi i` / `sesi ii`): different places or
/// sessions, however alike the rest.
fn differ_in_a_code(a: &str, b: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    a.len() == b.len()
        && a.iter()
            .zip(&b)
            .any(|(x, y)| x != y && is_code(x) && is_code(y))
}

/// Abbreviations and spellings of the generic words of institutions' names, each with the
/// words it stands for: `Univ. Indonesia` is `Universitas Indonesia`. Only generic words
/// belong here, never one institution's acronym (`Kemenlu`, `UGM`): those are its short
/// name or aliases, which its organizers give (`institution alias add`).
const SPELLINGS: &[(&str, &str)] = &[
    ("univ", "universitas"),
    ("kementrian", "kementerian"),
    ("kemen", "kementerian"),
    ("dep", "departemen"),
    ("dept", "departemen"),
    ("depertemen", "departemen"),
    ("pemprov", "pemerintah provinsi"),
    ("pemkab", "pemerintah kabupaten"),
    ("pemkot", "pemerintah kota"),
    ("prov", "provinsi"),
    ("propinsi", "provinsi"),
    ("kab", "kabupaten"),
    ("fak", "fakultas"),
    ("inst", "institut"),
];

/// The key of an institution's name, short name or alias: its [`name_key`] with the
/// abbreviations and spellings of [`SPELLINGS`] written out, so that `Univ. Gadjah Mada`
/// and `Universitas Gadjah Mada` share the key `universitas gadjah mada`.
pub fn institution_key(name: &str) -> String {
    name_key(name)
        .split(' ')
        .map(|word| {
            SPELLINGS
                .iter()
                .find(|(short, _)| *short == word)
                .map_or(word, |(_, long)| long)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Name keys to find near names among (see [`is_near`]) without comparing a new name with
/// every one: an exact index of the keys without titles, and one of their trigrams. A name
/// within k slips of another shares at least one of any 3k+1 of its distinct trigrams with
/// it (one slip changes at most three), so looking up the 3k+1 rarest of them finds every
/// near name. Cheap checks that [`is_near`] implies (lengths, numbers and letters that
/// differ) set most candidates aside before [`is_near`] decides. Built once per command,
/// grown as names are added.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    entries: Vec<Entry>,
    exact: std::collections::HashMap<String, Vec<u32>>,
    grams: std::collections::HashMap<u32, Vec<u32>>,
}

/// A key with what the cheap checks need of it without titles.
#[derive(Debug, Clone)]
struct Entry {
    key: String,
    shape: Shape,
}

/// A key without titles: its length, its number of words, and its code words (numbers,
/// letters, roman numerals) by their place, hashed.
#[derive(Debug, Clone)]
struct Shape {
    length: usize,
    words: usize,
    codes: Vec<(usize, u64)>,
}

impl Shape {
    fn of(bare: &str) -> Shape {
        let words: Vec<&str> = bare.split(' ').collect();
        let codes = words
            .iter()
            .enumerate()
            .filter(|(_, word)| is_code(word))
            .map(|(place, word)| {
                use std::hash::{Hash, Hasher};
                let mut hasher = std::collections::hash_map::DefaultHasher::new();
                word.hash(&mut hasher);
                (place, hasher.finish())
            })
            .collect();
        Shape {
            length: bare.len(),
            words: words.len(),
            codes,
        }
    }

    /// Whether `is_near` would certainly say no: lengths too far apart for the slips they
    /// tolerate, or a number or letter in the same place that differs.
    fn rules_out(&self, other: &Shape) -> bool {
        let shorter = self.length.min(other.length);
        self.length.abs_diff(other.length) > tolerated_edits(shorter)
            || (self.words == other.words
                && self.codes.iter().any(|(place, code)| {
                    other
                        .codes
                        .iter()
                        .any(|(other_place, other_code)| place == other_place && code != other_code)
                }))
    }
}

fn trigrams(key: &str) -> Vec<u32> {
    let mut grams: Vec<u32> = key
        .as_bytes()
        .windows(3)
        .map(|w| u32::from(w[0]) << 16 | u32::from(w[1]) << 8 | u32::from(w[2]))
        .collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// How many of a key's distinct trigrams a near key must share one of.
fn grams_to_look_up(key: &str) -> usize {
    3 * tolerated_edits(key.len()) + 1
}

impl NameIndex {
    pub fn new() -> NameIndex {
        NameIndex::default()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds a name key; returns its position, by which [`NameIndex::near`] names it.
    pub fn insert(&mut self, key: &str) -> usize {
        let position = self.entries.len() as u32;
        let bare = without_titles(key);
        for gram in trigrams(&bare) {
            self.grams.entry(gram).or_default().push(position);
        }
        self.entries.push(Entry {
            key: key.to_string(),
            shape: Shape::of(&bare),
        });
        self.exact.entry(bare).or_default().push(position);
        position as usize
    }

    /// The positions of the keys near `key`, in the order they were added.
    pub fn near(&self, key: &str) -> Vec<usize> {
        let bare = without_titles(key);
        if bare.is_empty() {
            return Vec::new();
        }
        let mut near: Vec<usize> = self.exact.get(&bare).map_or(Vec::new(), |same| {
            same.iter().map(|&p| p as usize).collect()
        });
        if tolerated_edits(bare.len()) > 0 {
            let shape = Shape::of(&bare);
            let mut seen = vec![0u64; self.entries.len().div_ceil(64)];
            for &position in &near {
                seen[position / 64] |= 1 << (position % 64);
            }
            let mut consider = |position: usize| {
                let bit = 1 << (position % 64);
                if seen[position / 64] & bit == 0 {
                    seen[position / 64] |= bit;
                    let entry = &self.entries[position];
                    if !shape.rules_out(&entry.shape) && is_near(key, &entry.key) {
                        near.push(position);
                    }
                }
            };
            let grams = trigrams(&bare);
            if grams.len() < grams_to_look_up(&bare) {
                (0..self.entries.len()).for_each(&mut consider);
            } else {
                let mut postings: Vec<&[u32]> = grams
                    .iter()
                    .map(|gram| self.grams.get(gram).map_or(&[][..], Vec::as_slice))
                    .collect();
                postings.sort_by_key(|posting| posting.len());
                for posting in &postings[..grams_to_look_up(&bare)] {
                    posting.iter().for_each(|&p| consider(p as usize));
                }
            }
        }
        near.sort_unstable();
        near
    }
}

/// Whether `text` (any case or accents) occurs in `name`.
pub fn contains(name: &str, text: &str) -> bool {
    name_key(name).contains(&name_key(text))
}

/// How a person is named on the command line or in an import: `NAME`, `NAME (INSTITUTION)`,
/// `NAME <email>` or `#ID`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonRef {
    Id(i64),
    Name {
        name: String,
        qualifier: Option<Qualifier>,
    },
}

/// What tells apart people who share a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Qualifier {
    /// An institution's name or short name.
    Institution(String),
    Email(String),
}

/// The forms a person may be named in, for messages.
pub const PERSON_FORMS: &str = "NAME, 'NAME (INSTITUTION)', 'NAME <email>' or #ID";

/// Whether `text` looks like an email address (`name@example.org`).
pub fn is_email(text: &str) -> bool {
    text.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
    }) && !text.contains(|c: char| c.is_whitespace() || c == '<' || c == '>')
}

impl PersonRef {
    /// Reads a reference; the error says what is wrong and which forms are accepted.
    pub fn parse(text: &str) -> Result<PersonRef, String> {
        let text = text.trim();
        let wrong = |why: &str| format!("person: '{text}' {why}; accepted: {PERSON_FORMS}");
        if let Some(id) = text.strip_prefix('#') {
            return match id.parse::<i64>() {
                Ok(number) if number > 0 && id.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(PersonRef::Id(number))
                }
                _ => Err(wrong(
                    "is not a person id (#ID is # and a number, such as #7)",
                )),
            };
        }
        let name_before = |open: usize, what: &str| {
            let name = text[..open].trim();
            if name_key(name).is_empty() {
                Err(wrong(&format!("has no name before its {what}")))
            } else {
                Ok(name.to_string())
            }
        };
        // The qualifiers follow the name after a space: "=HYPERLINK(1)" is a name.
        if text.contains(" <") || (text.ends_with('>') && text.contains('<')) {
            let (Some(open), true) = (text.rfind('<'), text.ends_with('>')) else {
                return Err(wrong("has an unclosed < >"));
            };
            let email = text[open + 1..text.len() - 1].trim();
            if !is_email(email) {
                return Err(wrong("has no email address between < and >"));
            }
            let name = name_before(open, "email")?;
            if name.contains(['<', '>']) {
                return Err(wrong("has more than one < >"));
            }
            return Ok(PersonRef::Name {
                name,
                qualifier: Some(Qualifier::Email(email.to_string())),
            });
        }
        if text.contains(" (") || text.starts_with('(') {
            let (Some(open), true) = (text.rfind('('), text.ends_with(')')) else {
                return Err(wrong("has an unclosed parenthesis"));
            };
            let institution = text[open + 1..text.len() - 1].trim();
            if name_key(institution).is_empty() {
                return Err(wrong("has no institution between ( and )"));
            }
            return Ok(PersonRef::Name {
                name: name_before(open, "institution")?,
                qualifier: Some(Qualifier::Institution(institution.to_string())),
            });
        }
        Ok(PersonRef::Name {
            name: text.to_string(),
            qualifier: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_references_take_four_forms() {
        let named = |name: &str, qualifier: Option<Qualifier>| PersonRef::Name {
            name: name.into(),
            qualifier,
        };
        assert_eq!(PersonRef::parse(" #7 "), Ok(PersonRef::Id(7)));
        assert_eq!(
            PersonRef::parse("Budi Santoso"),
            Ok(named("Budi Santoso", None))
        );
        assert_eq!(
            PersonRef::parse("Budi Santoso (ITB)"),
            Ok(named(
                "Budi Santoso",
                Some(Qualifier::Institution("ITB".into()))
            ))
        );
        assert_eq!(
            PersonRef::parse("Budi Santoso (Institut Teknologi Bandung)"),
            Ok(named(
                "Budi Santoso",
                Some(Qualifier::Institution("Institut Teknologi Bandung".into()))
            ))
        );
        for name in ["=HYPERLINK(\"http://x\")", "a<b", "x > y", "Rock(s) Name"] {
            assert_eq!(PersonRef::parse(name), Ok(named(name, None)), "{name}");
        }
        assert_eq!(
            PersonRef::parse("Budi Santoso <budi.itb@example.org>"),
            Ok(named(
                "Budi Santoso",
                Some(Qualifier::Email("budi.itb@example.org".into()))
            ))
        );
    }

    #[test]
    fn malformed_person_references_are_refused_with_the_accepted_forms() {
        for text in [
            "#abc",
            "#",
            "#-3",
            "#0",
            "# 7",
            "Name (",
            "Name (ITB",
            "Name ()",
            "(ITB)",
            "Name <bad",
            "Name <bad>",
            "Name <a@example.org",
            "<a@example.org>",
            "Name <a@example.org> x",
        ] {
            let error = PersonRef::parse(text).expect_err(text);
            assert!(error.starts_with("person: '"), "{error}");
            assert!(error.ends_with(PERSON_FORMS), "{error}");
        }
    }

    #[test]
    fn emails_have_a_local_part_and_a_dotted_domain() {
        assert!(is_email("budi.itb@example.org"));
        for text in [
            "bad",
            "@example.org",
            "a@b",
            "a@.org",
            "a@org.",
            "a b@c.org",
            "a@b@c.org",
        ] {
            assert!(!is_email(text), "{text}");
        }
    }

    #[test]
    fn keys_ignore_case_accents_spacing_and_punctuation() {
        assert_eq!(name_key("Dinur  krismasari"), "dinur krismasari");
        assert_eq!(name_key("Moh. Syarif Alatas"), "moh syarif alatas");
        assert_eq!(name_key("Universitas Indonésia"), "universitas indonesia");
        assert_eq!(name_key("  FISIP-UI "), "fisip ui");
        assert_eq!(name_key("!!!"), "");
        assert_eq!(name_key("Zoë O’Brien-Łukasz"), "zoe obrien lukasz");
    }

    #[test]
    fn near_names_are_caught_and_different_names_are_not() {
        let near = [
            ("kementrian luar negeri", "kementerian luar negeri"),
            ("dinur krismasari", "dinur krismasari"),
            ("dr asra virgianita", "asra virgianita"),
            ("mickael b hoelman", "michael b hoelman"),
            ("valerina danie", "valerina daniel"),
            ("moh syarif alatas", "m syarif alatas"),
            ("Auditorium Mandiri", "Auditorium Mandri"),
        ];
        for (a, b) in near {
            assert!(is_near(&name_key(a), &name_key(b)), "{a} ~ {b}");
        }
        let far = [
            ("jica", "jica indonesia"),
            ("ui", "ub"),
            ("infid", "infis"),
            ("asra virgianita", "dinur krismasari"),
            ("kementerian luar negeri", "kementerian dalam negeri"),
            ("dr", "prof"),
            ("Ruang 1", "Ruang 2"),
            ("Ruang 3", "Ruang 2"),
            ("Room A", "Room B"),
            ("Lecture room M1", "Lecture room M2"),
            ("Sesi I", "Sesi II"),
            ("Panel 1A", "Panel 1B"),
            ("Hall 12", "Hall 13"),
        ];
        for (a, b) in far {
            assert!(!is_near(&name_key(a), &name_key(b)), "{a} !~ {b}");
        }
    }

    #[test]
    fn a_shared_generic_word_is_no_match() {
        for (a, b) in [
            ("UNDP Indonesia", "Univ. Indonesia"),
            ("UNDP Indonesia", "Universitas Indonesia"),
            ("Budi Santoso", "Dedi Santoso"),
        ] {
            assert!(!is_near(&name_key(a), &name_key(b)), "{a} !~ {b}");
            assert!(
                !is_near(&institution_key(a), &institution_key(b)),
                "{a} !~ {b}"
            );
        }
    }

    #[test]
    fn institution_keys_write_out_abbreviations_and_spellings() {
        let same = [
            ("Univ. Indonesia", "Universitas Indonesia"),
            ("Univ. Gadjah Mada", "Universitas Gadjah Mada"),
            ("Kementrian Luar Negeri", "Kementerian Luar Negeri"),
            ("Dep. Luar Negeri", "Departemen Luar Negeri"),
            ("Dept. Luar Negeri", "Departemen Luar Negeri"),
            ("Pemprov DKI Jakarta", "Pemerintah Provinsi DKI Jakarta"),
            ("Pemkab Sleman", "Pemerintah Kabupaten Sleman"),
            ("Pemkot Bandung", "Pemerintah Kota Bandung"),
            (
                "Pemerintah Prov. Jawa Barat",
                "Pemerintah Provinsi Jawa Barat",
            ),
            ("Fak. Hukum UI", "Fakultas Hukum UI"),
        ];
        for (a, b) in same {
            assert_eq!(institution_key(a), institution_key(b), "{a} = {b}");
        }
        let different = [
            ("Kemenlu", "Kementerian Luar Negeri"),
            ("UNDP Indonesia", "Universitas Indonesia"),
            ("Universe Indonesia", "Universitas Indonesia"),
            ("Departemen Luar Negeri", "Kementerian Luar Negeri"),
        ];
        for (a, b) in different {
            assert_ne!(institution_key(a), institution_key(b), "{a} != {b}");
        }
        assert_eq!(institution_key("UGM"), "ugm");
    }

    /// Names such as organizers type them, with slips, titles, numbers and namesakes.
    fn generated_names(count: usize) -> Vec<String> {
        const FIRST: [&str; 12] = [
            "Siti", "Budi", "Dewi", "Agus", "Wawan", "Poppy", "Dinur", "Asra", "Rina", "Joko",
            "Ani", "Moh",
        ];
        const LAST: [&str; 10] = [
            "Rahmawati",
            "Santoso",
            "Lestari",
            "Mas'udi",
            "Krismasari",
            "Virgianita",
            "Hartono",
            "Wibowo",
            "Kusuma",
            "Ruang",
        ];
        let mut seed: u64 = 2017;
        let mut next = move |below: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % below
        };
        (0..count)
            .map(|_| {
                let mut name = format!("{} {}", FIRST[next(12)], LAST[next(10)]);
                match next(8) {
                    0 => name.insert_str(0, "Dr. "),
                    1 => name.push_str(&format!(" {}", next(4))),
                    2 => name.push_str(["", " I", " II", " B", " M2"][next(5)]),
                    3 => {
                        let at = next(name.len());
                        if name.is_char_boundary(at) {
                            name.remove(at);
                        }
                    }
                    4 => {
                        let at = next(name.len());
                        if name.is_char_boundary(at) {
                            name.insert(at, ['a', 'e', 'x'][next(3)]);
                        }
                    }
                    5 => name = format!("{name} {}", LAST[next(10)]),
                    _ => {}
                }
                name
            })
            .collect()
    }

    #[test]
    fn the_index_finds_what_comparing_with_every_name_finds() {
        let names = generated_names(1500);
        let mut index = NameIndex::new();
        let mut keys: Vec<String> = Vec::new();
        let mut found = 0;
        for name in &names {
            let key = name_key(name);
            let scanned: Vec<usize> = keys
                .iter()
                .enumerate()
                .filter(|(_, other)| is_near(&key, other))
                .map(|(position, _)| position)
                .collect();
            assert_eq!(index.near(&key), scanned, "{name}");
            found += scanned.len();
            assert_eq!(index.insert(&key), keys.len());
            keys.push(key);
        }
        assert!(found > 1000, "the names are near each other often: {found}");
        for key in ["", "ab", "x", "aaaaaaa", "ruang 2"] {
            let scanned: Vec<usize> = (0..keys.len())
                .filter(|&p| is_near(key, &keys[p]))
                .collect();
            assert_eq!(index.near(key), scanned, "{key}");
        }
    }

    #[test]
    fn contains_folds_case_and_accents() {
        assert!(contains("Kementerian Luar Negeri", "luar NEGERI"));
        assert!(contains("Universitas Indonésia", "indonesia"));
        assert!(!contains("JICA", "INFID"));
    }
}
