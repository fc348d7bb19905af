//! Front titles and back degrees of Indonesian formal names (`Prof. Dr. Ir. H. Bambang
//! Hartono, M.Sc.`): kept apart from the name, ignored when matching, printed where a formal
//! name is customary.

use serde::Serialize;

/// Titles written before a name, without their dots and in lower case. A one-letter title
/// (`H.`) counts only with its dot, so that an initial without one stays part of the name.
const FRONT: &[&str] = &[
    "prof", "dr", "drs", "dra", "ir", "h", "hj", "drg", "kh", "ust", "ustadz", "rm", "habib",
];

/// Degrees written after a name and a comma, without their dots and in lower case.
const BACK: &[&str] = &[
    // Sarjana (bachelor's)
    "sh", "se", "ssos", "sip", "st", "ssi", "spd", "skom", "shum", "sag", "sked", "skm", "spsi",
    "sfarm", "sp", "ssn", "sikom", "sgz", "stp", "sipol", "ak", "apt", "ba", "bsc",
    // Magister (master's)
    "ma", "msi", "mhum", "mkom", "mh", "mm", "mpd", "mt", "msc", "mag", "mkes", "mpsi", "mse",
    "mip", "msos", "mba", "mpa", "mpp", "llm", "mphil", "med", "ms", "mikom", "march", "mfa",
    // Doctorates and specialists
    "phd", "dphil", "edd", "dea", "mpharm", "spog", "sppd", "cpa",
];

/// A person's front titles and back degrees, each as written (`Prof. Dr.`, `M.Si., Ph.D.`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Titles {
    pub front: Option<String>,
    pub back: Option<String>,
}

/// A name as typed, split into its titles and the name itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitledName {
    pub titles: Titles,
    pub name: String,
}

fn folded(word: &str) -> String {
    word.chars()
        .filter(|c| *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

/// `Prof.`, `Dr`, `H.`, and glued forms such as `Prof.Dr.`.
fn is_front_title(word: &str) -> bool {
    let pieces: Vec<&str> = word.split_inclusive('.').collect();
    !pieces.is_empty()
        && pieces.iter().all(|piece| {
            let bare = piece.trim_end_matches('.');
            let key = folded(bare);
            FRONT.contains(&key.as_str())
                && (key.chars().count() > 1 || piece.ends_with('.'))
                && bare.chars().all(char::is_alphabetic)
        })
}

/// `M.Si.`, `S.Sos`, `Ph.D.`, `MBA`: a known degree, written with a dot or in capitals (so
/// that a word such as "Ma" is a name, not a degree).
fn is_degree(word: &str) -> bool {
    let key = folded(word);
    let letters_only = word.chars().all(|c| c.is_alphabetic() || c == '.');
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    letters_only && BACK.contains(&key.as_str()) && (word.contains('.') || capitals >= 2)
}

/// Whether every word of a comma-separated part is a degree (`M.Si.`, `S.H. M.H.`).
fn is_degree_part(part: &str) -> bool {
    let mut words = part.split_whitespace().peekable();
    words.peek().is_some() && words.all(is_degree)
}

impl Titles {
    pub fn is_empty(&self) -> bool {
        self.front.is_none() && self.back.is_none()
    }

    /// The name with its titles: `Prof. Dr. Bambang Hartono, M.Sc.`.
    pub fn formal(&self, name: &str) -> String {
        let mut formal = String::new();
        if let Some(front) = &self.front {
            formal.push_str(front);
            formal.push(' ');
        }
        formal.push_str(name);
        if let Some(back) = &self.back {
            formal.push_str(", ");
            formal.push_str(back);
        }
        formal
    }

    /// Reads `--titles`: front titles, a comma, back degrees (`"Prof. Dr., M.Si."`,
    /// `", M.A."`); without a comma, degrees alone are back degrees (`"M.Si."`) and anything
    /// else front titles (`"Dr."`). An empty text clears both.
    pub fn parse(text: &str) -> Titles {
        let text = text.trim();
        let (front, back) = match text.split_once(',') {
            Some((front, _)) if is_degree_part(front) => ("", text),
            Some((front, back)) => (front, back),
            None if is_degree_part(text) => ("", text),
            None => (text, ""),
        };
        Titles {
            front: Some(front.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|front| !front.is_empty()),
            back: back_text(back.split(',')),
        }
    }
}

fn back_text<'a>(parts: impl Iterator<Item = &'a str>) -> Option<String> {
    let parts: Vec<String> = parts
        .map(|part| part.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|part| !part.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Splits the titles off a name as typed or imported. Front titles are the known titles at
/// its start, back degrees the comma-separated parts at its end made only of known degrees;
/// at least one word of name always remains, so a person called "Ir" or "Hj" keeps their
/// name, and a comma followed by anything but degrees stays in the name.
pub fn split_titles(text: &str) -> TitledName {
    let text = text.trim();
    let parts: Vec<&str> = text.split(',').collect();
    let name_parts = parts
        .iter()
        .rposition(|part| !is_degree_part(part))
        .map_or(1, |last| last + 1)
        .max(1);
    let mut name = parts[..name_parts].join(",");
    let back = back_text(parts[name_parts..].iter().copied());
    let words: Vec<&str> = name.split_whitespace().collect();
    let titled = words.iter().take_while(|word| is_front_title(word)).count();
    // Titles alone are a name after all.
    let titled = if titled == words.len() { 0 } else { titled };
    let front = (titled > 0).then(|| words[..titled].join(" "));
    if titled > 0 {
        name = words[titled..].join(" ");
    }
    if crate::model::names::name_key(&name).is_empty() {
        // Nothing but degrees: a name after all.
        return TitledName {
            titles: Titles::default(),
            name: text.to_string(),
        };
    }
    TitledName {
        titles: Titles { front, back },
        name: name.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> (Option<&'static str>, String, Option<&'static str>) {
        let titled = split_titles(text);
        let leak = |s: Option<String>| s.map(|s| &*Box::leak(s.into_boxed_str()));
        (
            leak(titled.titles.front),
            titled.name,
            leak(titled.titles.back),
        )
    }

    #[test]
    fn titles_before_and_degrees_after_are_split_off() {
        assert_eq!(
            split("Prof. Dr. Ir. H. Bambang Hartono, M.Sc."),
            (
                Some("Prof. Dr. Ir. H."),
                "Bambang Hartono".into(),
                Some("M.Sc.")
            )
        );
        assert_eq!(
            split("Dr. Siti Rahmawati, M.A."),
            (Some("Dr."), "Siti Rahmawati".into(), Some("M.A."))
        );
        assert_eq!(
            split("Hj. Ani Suryani, S.H., M.Hum."),
            (Some("Hj."), "Ani Suryani".into(), Some("S.H., M.Hum."))
        );
        assert_eq!(
            split("Drs. Joko, S.Sos, S.IP., M.Si., Ph.D., MBA"),
            (
                Some("Drs."),
                "Joko".into(),
                Some("S.Sos, S.IP., M.Si., Ph.D., MBA")
            )
        );
        assert_eq!(
            split("dr. Rina, M.Kom."),
            (Some("dr."), "Rina".into(), Some("M.Kom."))
        );
        assert_eq!(
            split("Prof.Dr. Dra. Wati, S.E."),
            (Some("Prof.Dr. Dra."), "Wati".into(), Some("S.E."))
        );
    }

    #[test]
    fn real_names_are_not_eaten() {
        for name in [
            "Wawan Mas'udi",
            "Poppy Lestari",
            "Ir",
            "Hj",
            "Dr.",
            "Prof. Dr.",
            "Hartono, Bambang",
            "Moh. Syarif Alatas",
            "Mickael B. Hoelman",
            "H Bambang",
            "Yo-Yo Ma",
            "Lee, Ma",
            "Drake Hartono",
            "Irwan Prayitno",
            "Hjalmar Berg",
            "Seminar, Inc.",
        ] {
            let titled = split_titles(name);
            assert_eq!(titled.name, name, "{name}");
            assert!(titled.titles.is_empty(), "{name}: {titled:?}");
        }
        assert_eq!(split("Ir Hartono"), (Some("Ir"), "Hartono".into(), None));
        assert_eq!(split("Dr. Ir"), (None, "Dr. Ir".into(), None));
    }

    #[test]
    fn the_formal_name_puts_titles_around_the_name() {
        let titles = Titles {
            front: Some("Prof. Dr.".into()),
            back: Some("M.Si.".into()),
        };
        assert_eq!(titles.formal("Siti"), "Prof. Dr. Siti, M.Si.");
        assert_eq!(Titles::default().formal("Siti"), "Siti");
        let round = split_titles(&titles.formal("Siti"));
        assert_eq!((round.titles, round.name), (titles, "Siti".into()));
    }

    #[test]
    fn the_titles_flag_takes_front_a_comma_and_back() {
        let titles = |front: Option<&str>, back: Option<&str>| Titles {
            front: front.map(Into::into),
            back: back.map(Into::into),
        };
        assert_eq!(
            Titles::parse("Prof.  Dr., M.Si."),
            titles(Some("Prof. Dr."), Some("M.Si."))
        );
        assert_eq!(Titles::parse(", M.A."), titles(None, Some("M.A.")));
        assert_eq!(
            Titles::parse("M.Si., Ph.D."),
            titles(None, Some("M.Si., Ph.D."))
        );
        assert_eq!(Titles::parse("M.Si."), titles(None, Some("M.Si.")));
        assert_eq!(Titles::parse("Dr."), titles(Some("Dr."), None));
        assert_eq!(Titles::parse("Dr.,"), titles(Some("Dr."), None));
        assert_eq!(Titles::parse(""), titles(None, None));
    }
}
