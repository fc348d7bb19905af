//! Short names by which seminars are referred to on the command line.

pub const SLUG_FORMS: &str =
    "lower-case letters, digits and single hyphens, starting with a letter, e.g. kss-2017";

/// Words that say nothing about which seminar is meant.
const FILLER: [&str; 21] = [
    "a", "an", "and", "the", "of", "on", "in", "for", "to", "at", "s", "seminar", "webinar",
    "workshop", "di", "dan", "yang", "untuk", "dalam", "pada", "ke",
];

/// A slug from a title and a year: the first meaningful words, then the year.
/// "Seminar on Indonesia's South-South Cooperation" in 2017 -> `indonesias-south-south-cooperation-2017`.
pub fn slug_from_title(title: &str, year: i32) -> String {
    let folded = deunicode::deunicode(title)
        .to_lowercase()
        .replace(['\'', '’'], "");
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty() && !FILLER.contains(word))
        .collect();
    let mut slug = String::new();
    for word in words.iter().take(4) {
        if !slug.is_empty() && slug.len() + word.len() > 40 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    if slug.is_empty() || !slug.starts_with(|c: char| c.is_ascii_lowercase()) {
        slug.insert_str(
            0,
            if slug.is_empty() {
                "seminar"
            } else {
                "seminar-"
            },
        );
    }
    format!("{slug}-{year}")
}

/// Checks a slug given by hand.
pub fn validate_slug(slug: &str) -> Result<(), String> {
    let well_formed = slug.len() <= 80
        && slug.starts_with(|c: char| c.is_ascii_lowercase())
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if well_formed {
        Ok(())
    } else {
        Err(format!("'{slug}' is not a slug; accepted: {SLUG_FORMS}"))
    }
}

/// The slugs closest to a mistyped one, closest first, at most `limit`: those a few
/// typing slips away (one slip per four characters, at least two; a word left out counts
/// as one), ties broken by a common beginning and then alphabetically.
pub fn closest_slugs<'a>(
    typed: &str,
    slugs: impl IntoIterator<Item = &'a str>,
    limit: usize,
) -> Vec<String> {
    let tolerated = (typed.chars().count() / 4).max(2);
    let typed_words: Vec<&str> = typed.split('-').collect();
    let words_left_out = |slug: &str| {
        let words: Vec<&str> = slug.split('-').collect();
        let mut rest = words.iter();
        typed_words
            .iter()
            .all(|word| rest.any(|other| other == word))
            .then(|| words.len() - typed_words.len())
    };
    let mut near: Vec<(usize, std::cmp::Reverse<u64>, &str)> = slugs
        .into_iter()
        .filter_map(|slug| {
            let slips =
                strsim::osa_distance(typed, slug).min(words_left_out(slug).unwrap_or(usize::MAX));
            let likeness = (strsim::jaro_winkler(typed, slug) * 1e6) as u64;
            (slips <= tolerated).then_some((slips, std::cmp::Reverse(likeness), slug))
        })
        .collect();
    near.sort();
    near.into_iter()
        .take(limit)
        .map(|(_, _, slug)| slug.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_come_from_meaningful_title_words_and_the_year() {
        assert_eq!(
            slug_from_title(
                "Seminar on Indonesia's South-South and Triangular Cooperation",
                2017
            ),
            "indonesias-south-south-triangular-2017"
        );
        assert_eq!(
            slug_from_title("Diskusi Publik: Ekonomi Digital", 2024),
            "diskusi-publik-ekonomi-digital-2024"
        );
        assert_eq!(slug_from_title("Seminar", 2020), "seminar-2020");
        assert_eq!(
            slug_from_title("2030 Agenda", 2020),
            "seminar-2030-agenda-2020"
        );
        assert_eq!(
            slug_from_title("Éducation à Paris", 2020),
            "education-paris-2020"
        );
    }

    #[test]
    fn the_closest_slugs_come_first_and_unrelated_ones_not_at_all() {
        let slugs = [
            "knhi-2027",
            "kss-2016",
            "kss-2017",
            "kss-2018",
            "ksx-lokakarya-2019",
            "kss-lokakarya-pemuda-2020",
            "abc-2017",
            "kts-2017",
        ];
        assert_eq!(
            closest_slugs("kss-2071", slugs, 3),
            ["kss-2017", "kss-2016", "kss-2018"]
        );
        assert_eq!(closest_slugs("ksss-2017", slugs, 3)[0], "kss-2017");
        assert_eq!(closest_slugs("kss-2107", slugs, 3).len(), 3);
        assert!(closest_slugs("totally-else", slugs, 3).is_empty());
        assert_eq!(closest_slugs("knhi-2072", slugs, 3), ["knhi-2027"]);
        assert_eq!(
            closest_slugs("kss-pemuda-2020", slugs, 3),
            ["kss-lokakarya-pemuda-2020"],
            "a word left out"
        );
    }

    #[test]
    fn derived_slugs_are_valid() {
        for title in [
            "Seminar",
            "",
            "!!!",
            "2030",
            "Ünïcödé ✨ title with many many words indeed",
        ] {
            let slug = slug_from_title(title, 2020);
            assert_eq!(validate_slug(&slug), Ok(()), "{slug}");
        }
    }

    #[test]
    fn hand_written_slugs_are_checked() {
        assert!(validate_slug("kss-2017").is_ok());
        for bad in [
            "",
            "KSS",
            "-kss",
            "kss-",
            "kss--2017",
            "2017",
            "kss 2017",
            "#1",
            "kss_2017",
        ] {
            assert!(validate_slug(bad).is_err(), "{bad}");
        }
    }
}
