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
/// dropped, or a few typing slips apart ("kementrian" / "kementerian").
pub fn is_near(a: &str, b: &str) -> bool {
    let (a, b) = (without_titles(a), without_titles(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    if differ_in_a_code(&a, &b) {
        return false;
    }
    let shorter = a.len().min(b.len());
    a.len().abs_diff(b.len()) <= tolerated_edits(shorter)
        && strsim::levenshtein(&a, &b) <= tolerated_edits(shorter)
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
    fn contains_folds_case_and_accents() {
        assert!(contains("Kementerian Luar Negeri", "luar NEGERI"));
        assert!(contains("Universitas Indonésia", "indonesia"));
        assert!(!contains("JICA", "INFID"));
    }
}
