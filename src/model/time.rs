//! Parsing of the dates, times and zones that organizers type, and turning a local date and
//! time into an instant.

use crate::model::zone::Zone;
use chrono::{
    DateTime, Datelike, LocalResult, NaiveDate, NaiveTime, Offset, SecondsFormat, TimeZone, Utc,
    Weekday,
};

pub const DATE_FORMS: &str =
    "2017-05-18, 18/05/2017, 18 May 2017, 18 Mei 2017, Kamis, 18 Mei 2017, today or tomorrow";
pub const TIME_FORMS: &str = "HH:MM or HH.MM from 00:00 to 23:59, e.g. 09:00 or 13.30";
pub const ZONE_FORMS: &str = "an IANA name such as Asia/Jakarta, or WIB, WITA, WIT, UTC";

const MONTHS: [(&str, u32); 30] = [
    ("january", 1),
    ("januari", 1),
    ("february", 2),
    ("februari", 2),
    ("pebruari", 2),
    ("march", 3),
    ("maret", 3),
    ("april", 4),
    ("may", 5),
    ("mei", 5),
    ("june", 6),
    ("juni", 6),
    ("july", 7),
    ("juli", 7),
    ("august", 8),
    ("agustus", 8),
    ("september", 9),
    ("october", 10),
    ("oktober", 10),
    ("november", 11),
    ("nopember", 11),
    ("december", 12),
    ("desember", 12),
    ("agt", 8),
    ("ags", 8),
    ("agu", 8),
    ("okt", 10),
    ("des", 12),
    ("sept", 9),
    ("peb", 2),
];

const WEEKDAYS: [(&str, Weekday); 14] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("senin", Weekday::Mon),
    ("selasa", Weekday::Tue),
    ("rabu", Weekday::Wed),
    ("kamis", Weekday::Thu),
    ("jumat", Weekday::Fri),
    ("sabtu", Weekday::Sat),
    ("minggu", Weekday::Sun),
];

fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .or_else(|| {
            MONTHS
                .iter()
                .find(|(name, _)| name.len() > 4 && word.len() == 3 && name.starts_with(&word))
        })
        .map(|(_, number)| *number)
}

fn weekday_named(word: &str) -> Option<Weekday> {
    let word = word
        .trim_end_matches([',', '.'])
        .to_lowercase()
        .replace('\'', "");
    if word.len() < 3 {
        return None;
    }
    WEEKDAYS
        .iter()
        .find(|(name, _)| *name == word || (word.len() == 3 && name.starts_with(&word)))
        .map(|(_, day)| *day)
}

fn english_weekday(day: Weekday) -> &'static str {
    WEEKDAYS[day.num_days_from_monday() as usize].0
}

/// Parses a calendar date in any of [`DATE_FORMS`]. `today` resolves the words `today` and
/// `tomorrow`. A leading weekday (English or Indonesian) must agree with the date.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let text = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(format!("empty date; accepted: {DATE_FORMS}"));
    }
    match text.to_lowercase().as_str() {
        "today" | "hari ini" => return Ok(today),
        "tomorrow" | "besok" => return Ok(today + chrono::Days::new(1)),
        _ => {}
    }
    let (weekday, rest) = split_weekday(&text);
    let rest = rest
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    let date =
        parse_plain_date(rest).map_err(|reason| format!("{reason}; accepted: {DATE_FORMS}"))?;
    if let Some(named) = weekday
        && named != date.weekday()
    {
        return Err(format!(
            "{} is a {}, not a {}",
            date.format("%Y-%m-%d"),
            capitalize(english_weekday(date.weekday())),
            capitalize(english_weekday(named))
        ));
    }
    Ok(date)
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn split_weekday(text: &str) -> (Option<Weekday>, &str) {
    let first_end = text.find([' ', ',', '(']).unwrap_or(text.len());
    match weekday_named(&text[..first_end]) {
        Some(day) => (
            Some(day),
            text[first_end..].trim_start_matches([',', ' ']).trim(),
        ),
        None => (None, text),
    }
}

fn parse_plain_date(text: &str) -> Result<NaiveDate, String> {
    let not_a_date = || format!("'{text}' is not a date");
    if let Some((year, month, day)) = split3(text, '-').filter(|(y, _, _)| y.len() == 4) {
        return calendar_date(number(year)?, number(month)?, number(day)?);
    }
    for separator in ['/', '-', '.'] {
        if let Some((day, month, year)) = split3(text, separator) {
            if day.len() == 4 && year.len() <= 2 {
                return Err(format!(
                    "'{text}': with '{separator}' the day comes first (18{separator}05{separator}2017); a year first is written 2017-05-18"
                ));
            }
            if year.len() != 4 {
                return Err(format!("'{text}': write the year with four digits"));
            }
            return calendar_date(number(year)?, number(month)?, number(day)?);
        }
    }
    let words: Vec<&str> = text.split(' ').collect();
    if let [day, month, year] = words.as_slice() {
        let month = month_number(month).ok_or_else(|| format!("'{month}' is not a month name"))?;
        return calendar_date(number(year)?, month, number(day)?);
    }
    Err(not_a_date())
}

fn split3(text: &str, separator: char) -> Option<(&str, &str, &str)> {
    let mut parts = text.split(separator);
    let found = (parts.next()?, parts.next()?, parts.next()?);
    let all_digits = [found.0, found.1, found.2]
        .iter()
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
    (parts.next().is_none() && all_digits).then_some(found)
}

fn number(text: &str) -> Result<u32, String> {
    text.parse::<u32>()
        .map_err(|_| format!("'{text}' is not a number"))
}

fn calendar_date(year: u32, month: u32, day: u32) -> Result<NaiveDate, String> {
    if !(super::FIRST_YEAR..=super::LAST_YEAR).contains(&(year as i32)) {
        return Err(format!(
            "year {year} is outside {}–{}",
            super::FIRST_YEAR,
            super::LAST_YEAR
        ));
    }
    if !(1..=12).contains(&month) {
        return Err(format!("month {month} does not exist (1–12)"));
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(|| {
        let days_in_month = NaiveDate::from_ymd_opt(year as i32, month, 1)
            .and_then(|first| first.checked_add_months(chrono::Months::new(1)))
            .map(|next| next.pred_opt().map_or(31, |last| last.day()))
            .unwrap_or(31);
        format!(
            "day {day} does not exist in {} {year}, which has {days_in_month} days",
            capitalize(MONTHS.iter().find(|(_, n)| *n == month).map_or("", |m| m.0))
        )
    })
}

/// Parses a time of day: `09:00`, `9:00`, `09.00`.
pub fn parse_time(input: &str) -> Result<NaiveTime, String> {
    let text = input.trim();
    let invalid = || format!("'{text}' is not a time of day; accepted: {TIME_FORMS}");
    let (hours, minutes) = text.split_once([':', '.']).ok_or_else(invalid)?;
    let is_number = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    };
    if !is_number(hours, 1..=2) || !is_number(minutes, 2..=2) {
        return Err(invalid());
    }
    let (hours, minutes) = (
        hours.parse().map_err(|_| invalid())?,
        minutes.parse().map_err(|_| invalid())?,
    );
    NaiveTime::from_hms_opt(hours, minutes, 0).ok_or_else(invalid)
}

/// Parses a time zone: an IANA name (any case) or one of Indonesia's WIB, WITA, WIT.
pub fn parse_zone(input: &str) -> Result<Zone, String> {
    let text = input.trim();
    let upper = text.to_uppercase();
    let alias = match upper.as_str() {
        "WIB" => Zone::named("Asia/Jakarta"),
        "WITA" => Zone::named("Asia/Makassar"),
        "WIT" => Zone::named("Asia/Jayapura"),
        "UTC" | "Z" | "GMT" => Some(Zone::utc()),
        _ => None,
    };
    if let Some(zone) = alias.or_else(|| Zone::named(text)) {
        return Ok(zone);
    }
    let suggestion = suggest_zone(text)
        .map(|zone| format!(" (did you mean {}?)", zone.name()))
        .unwrap_or_default();
    Err(format!(
        "unknown time zone '{text}'{suggestion}; accepted: {ZONE_FORMS}"
    ))
}

/// The zone whose name is closest to a mistyped one, if any is close. Comparing costs the
/// product of the lengths, for each of some 600 zones: a name at least three times as long
/// as the longest zone name cannot come close (its Jaro-Winkler similarity stays below
/// 0.87), so a long text (a whole file's worth, from an import) is not compared at all.
fn suggest_zone(text: &str) -> Option<Zone> {
    let text = text.to_lowercase();
    let longest = Zone::names()
        .map(|name| name.chars().count())
        .max()
        .unwrap_or(0);
    if text.chars().count() >= 3 * longest {
        return None;
    }
    Zone::names()
        .map(|name| (strsim::jaro_winkler(&name.to_lowercase(), &text), name))
        .filter(|(score, _)| *score > 0.9)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .and_then(|(_, name)| Zone::named(name))
}

/// The instant at which a local date and time happen in a zone. A time skipped by a clock
/// change is an error; a time that happens twice resolves to the earlier one.
pub fn local_instant(
    zone: Zone,
    date: NaiveDate,
    time: NaiveTime,
) -> Result<DateTime<Utc>, String> {
    match zone.from_local_datetime(&date.and_time(time)) {
        LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => Ok(at.with_timezone(&Utc)),
        LocalResult::None => Err(format!(
            "{} does not exist on {date} in {} (the clocks change then)",
            time.format("%H:%M"),
            zone.name()
        )),
    }
}

/// An instant as RFC 3339 text with the offset `zone` has then: `2017-05-18T09:00:00+07:00`.
/// RFC 3339 offsets are whole minutes; where the zone's offset then is not (Asia/Jakarta
/// before 1924 was +07:07:12), the instant is written in UTC instead, so it is never shifted.
pub fn rfc3339_in(at: DateTime<Utc>, zone: Zone) -> String {
    let local = at.with_timezone(&zone);
    if local.offset().fix().local_minus_utc() % 60 == 0 {
        local.to_rfc3339_opts(SecondsFormat::Secs, false)
    } else {
        at.to_rfc3339_opts(SecondsFormat::Secs, true)
    }
}

/// Reads an RFC 3339 time written for a seminar in `zone`. Programs that round a zone's
/// sub-minute offset to the minute (`09:30:00+07:07` for Asia/Jakarta in 1900, at
/// +07:07:12) mean the wall-clock time, so when the written offset is within a minute of
/// the zone's own at that local time, the zone's offset is taken.
pub fn parse_rfc3339_in(text: &str, zone: Zone) -> Result<DateTime<Utc>, chrono::ParseError> {
    let written = DateTime::parse_from_rfc3339(text.trim())?;
    let written_offset = written.offset().local_minus_utc();
    let candidates = match zone.from_local_datetime(&written.naive_local()) {
        LocalResult::Single(at) => vec![at],
        LocalResult::Ambiguous(earlier, later) => vec![earlier, later],
        LocalResult::None => Vec::new(),
    };
    let rounded = candidates.into_iter().find(|candidate| {
        let difference = candidate.offset().fix().local_minus_utc() - written_offset;
        difference != 0 && difference.abs() < 60
    });
    Ok(rounded.map_or(written.with_timezone(&Utc), |at| at.with_timezone(&Utc)))
}

/// A half-open span of time `[start, end)` in seconds since the Unix epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval {
    pub start: i64,
    pub end: i64,
}

impl Interval {
    pub fn new(start: i64, end: i64) -> Self {
        Self { start, end }
    }

    pub fn of(start: DateTime<Utc>, end: DateTime<Utc>) -> Self {
        Self::new(start.timestamp(), end.timestamp())
    }

    pub fn from_minutes(start: DateTime<Utc>, minutes: u32) -> Self {
        let start = start.timestamp();
        Self::new(start, start + i64::from(minutes) * 60)
    }

    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(&self, other: &Interval) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// The length of a slot in whole minutes, from 1 to a day.
pub fn parse_minutes(text: &str) -> Result<u32, String> {
    let max = super::MAX_SLOT_MINUTES;
    match text.trim().parse::<i64>() {
        Ok(n) if (1..=i64::from(max)).contains(&n) => Ok(n as u32),
        Ok(n) => Err(format!("{n} is out of range; accepted: 1 to {max}")),
        Err(_) => Err(format!(
            "'{text}' is not a number of minutes; accepted: 1 to {max}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn date(text: &str) -> Result<NaiveDate, String> {
        parse_date(text, today())
    }

    #[test]
    fn accepts_every_documented_date_form() {
        let expected = NaiveDate::from_ymd_opt(2017, 5, 18).unwrap();
        for form in [
            "2017-05-18",
            "18/05/2017",
            "18-05-2017",
            "18.05.2017",
            "18 May 2017",
            "18 Mei 2017",
            "18 mei 2017",
            "Kamis, 18 Mei 2017",
            "Kamis, 18/05/2017",
            "Kamis (18/05/2017)",
            "Thursday, 18 May 2017",
            "Thu 18 May 2017",
            "  18   Mei   2017 ",
            "18 Mei. 2017",
        ] {
            assert_eq!(date(form), Ok(expected), "{form}");
        }
    }

    #[test]
    fn indonesian_month_names_map_to_the_right_month() {
        for (name, month) in [
            ("Januari", 1),
            ("Februari", 2),
            ("Maret", 3),
            ("April", 4),
            ("Juni", 6),
            ("Juli", 7),
            ("Agustus", 8),
            ("Agt", 8),
            ("Oktober", 10),
            ("Desember", 12),
            ("Des", 12),
        ] {
            let parsed = date(&format!("1 {name} 2020")).unwrap();
            assert_eq!(parsed.month(), month, "{name}");
        }
    }

    #[test]
    fn relative_words_use_today() {
        assert_eq!(date("today"), Ok(today()));
        assert_eq!(date("besok"), Ok(today().succ_opt().unwrap()));
    }

    #[test]
    fn refuses_impossible_and_malformed_dates() {
        let error = date("31/02/2017").unwrap_err();
        assert!(
            error.contains("February 2017, which has 28 days"),
            "{error}"
        );
        assert!(date("29/02/2016").is_ok());
        assert!(date("13/13/2017").unwrap_err().contains("month 13"));
        assert!(date("18/05/17").unwrap_err().contains("four digits"));
        let error = date("2017/05/18").unwrap_err();
        assert!(error.contains("day comes first"), "{error}");
        assert!(!error.contains("four digits"), "{error}");
        assert!(
            date("18 Mai 2017")
                .unwrap_err()
                .contains("not a month name")
        );
        assert!(date("").unwrap_err().contains("accepted"));
        assert!(date("next week").unwrap_err().contains("accepted"));
        assert!(date("2017-05-18T09:00").is_err());
        assert!(date("0000-01-01").unwrap_err().contains("outside"));
        assert!(date("99999999999999999999-01-01").is_err());
    }

    #[test]
    fn a_weekday_must_agree_with_the_date() {
        let error = date("Jumat, 18 Mei 2017").unwrap_err();
        assert_eq!(error, "2017-05-18 is a Thursday, not a Friday");
    }

    #[test]
    fn times_take_colon_or_dot() {
        let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        assert_eq!(parse_time("09:00"), Ok(nine));
        assert_eq!(parse_time("9.00"), Ok(nine));
        assert_eq!(
            parse_time("23:59"),
            NaiveTime::from_hms_opt(23, 59, 0).ok_or(String::new())
        );
        for bad in [
            "24:00", "9", "09:60", "09:0", "09:000", "-1:00", "ab:cd", "", "9 am", "+9:00",
        ] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn zones_accept_iana_names_and_indonesian_abbreviations() {
        assert_eq!(parse_zone("WIB"), Ok(Zone::known("Asia/Jakarta")));
        assert_eq!(parse_zone("wita"), Ok(Zone::known("Asia/Makassar")));
        assert_eq!(parse_zone("WIT"), Ok(Zone::known("Asia/Jayapura")));
        assert_eq!(parse_zone("asia/jakarta"), Ok(Zone::known("Asia/Jakarta")));
        assert_eq!(
            parse_zone("Europe/Berlin"),
            Ok(Zone::known("Europe/Berlin"))
        );
        let error = parse_zone("Asia/Jakart").unwrap_err();
        assert!(error.contains("did you mean Asia/Jakarta?"), "{error}");
        assert!(parse_zone("Mars/Base").unwrap_err().contains("accepted"));
    }

    #[test]
    fn a_huge_zone_name_is_refused_at_once() {
        // Found by fuzz/dates: the suggestion compared every zone name with the whole text,
        // in time quadratic in its length; a 1 MB <time_zone_name> in an import took minutes.
        let huge = "Asia/Jakarta".repeat(100_000);
        let started = std::time::Instant::now();
        let error = parse_zone(&huge).unwrap_err();
        assert!(!error.contains("did you mean"));
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        // The longest names still get suggestions.
        let error = parse_zone("America/Argentina/ComodRivadavi").unwrap_err();
        assert!(
            error.contains("did you mean America/Argentina/ComodRivadavia?"),
            "{error}"
        );
    }

    #[test]
    fn skipped_local_times_are_refused_and_repeated_ones_take_the_first() {
        let berlin = Zone::known("Europe/Berlin");
        let spring = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        let error = local_instant(berlin, spring, NaiveTime::from_hms_opt(2, 30, 0).unwrap());
        assert!(error.unwrap_err().contains("does not exist"));
        let autumn = NaiveDate::from_ymd_opt(2026, 10, 25).unwrap();
        let first = local_instant(berlin, autumn, NaiveTime::from_hms_opt(2, 30, 0).unwrap());
        assert_eq!(first.unwrap().to_rfc3339(), "2026-10-25T00:30:00+00:00");
    }

    #[test]
    fn intervals_are_half_open() {
        let morning = Interval::new(0, 10);
        assert!(!morning.overlaps(&Interval::new(10, 20)));
        assert!(morning.overlaps(&Interval::new(9, 20)));
        assert!(morning.contains(&Interval::new(0, 10)));
        assert!(!morning.contains(&Interval::new(5, 11)));
    }

    #[test]
    fn offsets_with_seconds_survive_rfc3339() {
        let jakarta = Zone::known("Asia/Jakarta");
        let monrovia = Zone::known("Africa/Monrovia");
        for (zone, local) in [
            (jakarta, "1900-05-18T09:30:00"),
            (monrovia, "1971-03-01T10:00:00"),
            (jakarta, "2017-05-18T09:30:00"),
        ] {
            let at = zone
                .from_local_datetime(&local.parse().unwrap())
                .single()
                .unwrap()
                .with_timezone(&Utc);
            let written = rfc3339_in(at, zone);
            assert_eq!(parse_rfc3339_in(&written, zone).unwrap(), at, "{written}");
            // As other programs (and earlier versions) write it: the offset rounded.
            let rounded = at.with_timezone(&zone).to_rfc3339();
            assert_eq!(parse_rfc3339_in(&rounded, zone).unwrap(), at, "{rounded}");
        }
        assert_eq!(
            rfc3339_in("2017-05-18T02:30:00Z".parse().unwrap(), jakarta),
            "2017-05-18T09:30:00+07:00"
        );
    }
}
