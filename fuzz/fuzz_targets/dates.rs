//! The parsers of what organizers type: dates, times of day, zones and minutes. Each is fed
//! the whole input and each of its first four lines; a success must satisfy the parser's
//! promise. An input of three or more lines is also read as date, time, zone (and minutes),
//! and turned into an instant (and a span).

#![no_main]

use chrono::{Datelike, NaiveDate, Timelike};
use libfuzzer_sys::fuzz_target;
use seminar::model::time::{
    Interval, local_instant, parse_date, parse_minutes, parse_time, parse_zone,
};
use seminar::model::{FIRST_YEAR, LAST_YEAR, MAX_SLOT_MINUTES};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2017, 5, 1).expect("a valid date")
}

fn check_one(text: &str) {
    if let Ok(date) = parse_date(text, today()) {
        assert!(
            (FIRST_YEAR..=LAST_YEAR).contains(&date.year()),
            "{text:?} parsed to {date}, outside {FIRST_YEAR}..={LAST_YEAR}"
        );
        let iso = date.format("%Y-%m-%d").to_string();
        assert_eq!(parse_date(&iso, today()), Ok(date), "{text:?} -> {iso}");
    }
    if let Ok(time) = parse_time(text) {
        assert_eq!(time.second(), 0, "{text:?}");
        assert_eq!(time.nanosecond(), 0, "{text:?}");
        let shown = time.format("%H:%M").to_string();
        assert_eq!(parse_time(&shown), Ok(time), "{text:?} -> {shown}");
    }
    if let Ok(zone) = parse_zone(text) {
        assert_eq!(parse_zone(zone.name()), Ok(zone), "{text:?}");
    }
    if let Ok(minutes) = parse_minutes(text) {
        assert!((1..=MAX_SLOT_MINUTES).contains(&minutes), "{text:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check_one(text);
    // Four lines are all the structure needs; more would only repeat the zone suggestion
    // search (some 600 comparisons per line) and slow the fuzzer down.
    let lines: Vec<&str> = text.lines().take(4).collect();
    if lines.len() > 1 {
        for line in &lines {
            check_one(line);
        }
    }
    if let [date, time, zone, rest @ ..] = lines.as_slice() {
        let (Ok(date), Ok(time), Ok(zone)) = (
            parse_date(date, today()),
            parse_time(time),
            parse_zone(zone),
        ) else {
            return;
        };
        if let Ok(at) = local_instant(zone, date, time) {
            // The earlier of two instants, or the only one: either way the same wall time.
            assert_eq!(at.with_timezone(&zone).naive_local(), date.and_time(time));
            if let Some(Ok(minutes)) = rest.first().map(|line| parse_minutes(line)) {
                let span = Interval::from_minutes(at, minutes);
                assert!(span.start < span.end);
            }
        }
    }
});
