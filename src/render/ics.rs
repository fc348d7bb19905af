//! iCalendar (RFC 5545), written with the `icalendar` crate, which folds lines at 75 octets,
//! ends them with CRLF and escapes TEXT values. That crate cannot write VTIMEZONE blocks, so
//! every time is in UTC (`…Z`), which RFC 5545 allows and every calendar shows in local time.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

use super::agenda::Sheet;
use super::{Lang, role_line, venue_line};
use crate::model::{Programme, RoleKind, Status};

/// What an iCalendar export needs besides the seminars.
#[derive(Debug, Clone, Copy)]
pub struct IcsOptions {
    pub lang: Lang,
    /// Also one event per slot of each rundown.
    pub slots: bool,
    /// The DTSTAMP of every event: when the file was made.
    pub now: DateTime<Utc>,
}

/// Text as iCalendar may carry it: line breaks as `\n`, no other control characters (the
/// crate escapes `\n` but would pass a carriage return through and break the line).
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
        .collect()
}

/// Escapes a TEXT value by hand, for the `X-` properties the crate does not know as text.
fn escape(text: &str) -> String {
    clean(text)
        .replace('\\', "\\\\")
        .replace(',', "\\,")
        .replace(';', "\\;")
        .replace('\n', "\\n")
}

fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

fn instant(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

/// The calendar of seminars: one VEVENT each (recurring daily for a seminar of several
/// days), and with `slots` one more per slot.
pub fn calendar(programmes: &[Programme], options: &IcsOptions) -> String {
    let lang = options.lang;
    let mut calendar = Calendar::empty();
    calendar.append_property(("VERSION", "2.0"));
    calendar.append_property((
        "PRODID",
        format!("-//seminar//seminar {}//EN", env!("CARGO_PKG_VERSION")).as_str(),
    ));
    calendar.append_property(("CALSCALE", "GREGORIAN"));
    calendar.append_property(("METHOD", "PUBLISH"));
    let name = match programmes {
        [one] => one.seminar.title.as_str(),
        _ => lang.labels().seminars,
    };
    calendar.append_property(("X-WR-CALNAME", escape(name).as_str()));
    if let Some(first) = programmes.first() {
        let zone = first.seminar.schedule.zone;
        if programmes.iter().all(|p| p.seminar.schedule.zone == zone) {
            calendar.append_property(("X-WR-TIMEZONE", zone.name()));
        }
    }
    for programme in programmes {
        calendar.push(seminar_event(programme, options));
        if options.slots {
            for slot in &programme.slots {
                let mut event = Event::new();
                let people: Vec<String> = programme.people_on(slot).map(role_line).collect();
                let mut description = people.join("\n");
                if !description.is_empty() {
                    description.push_str("\n\n");
                }
                description.push_str(&programme.seminar.title);
                event
                    .uid(&slot.uid)
                    .timestamp(options.now)
                    .starts(slot.starts_at)
                    .ends(slot.ends_at())
                    .summary(&clean(&slot.title))
                    .description(&clean(&description))
                    .add_property("RELATED-TO", programme.seminar.uid.as_str())
                    .add_property("CATEGORIES", slot.kind.as_str().to_uppercase());
                let location = venue_line(programme.seminar.venue.as_ref());
                if !location.is_empty() {
                    event.location(&clean(&location));
                }
                event.status(status(programme.seminar.status));
                calendar.push(event.done());
            }
        }
    }
    refold(&calendar.to_string())
}

/// Folds content lines at 75 octets without splitting a UTF-8 character. The crate folds
/// too, but lets a last continuation line reach 76 octets, so its folding is undone here
/// and done again.
fn refold(text: &str) -> String {
    const LIMIT: usize = 75;
    let unfolded = text.replace("\r\n ", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 64 * 3);
    for line in unfolded.split_terminator("\r\n") {
        let mut rest = line;
        let mut limit = LIMIT;
        loop {
            if rest.len() <= limit {
                out.push_str(rest);
                out.push_str("\r\n");
                break;
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            // A continuation line starts with a space, which counts.
            limit = LIMIT - 1;
        }
    }
    out
}

fn status(status: Status) -> EventStatus {
    match status {
        Status::Planned => EventStatus::Tentative,
        Status::Confirmed => EventStatus::Confirmed,
        Status::Cancelled => EventStatus::Cancelled,
    }
}

fn seminar_event(programme: &Programme, options: &IcsOptions) -> Event {
    let seminar = &programme.seminar;
    let windows = seminar.schedule.windows().unwrap_or_default();
    let mut event = Event::new();
    event
        .uid(&seminar.uid)
        .timestamp(options.now)
        .summary(&clean(&seminar.title))
        .description(&clean(&description(programme, options.lang)))
        .status(status(seminar.status));
    if let Some(first) = windows.first() {
        event.starts(instant(first.start)).ends(instant(first.end));
    }
    if windows.len() > 1 {
        let same_hour = windows
            .iter()
            .all(|window| (window.start - windows[0].start) % 86_400 == 0);
        if same_hour {
            event.add_property("RRULE", format!("FREQ=DAILY;COUNT={}", windows.len()));
        } else {
            // A clock change within the seminar: list each day's start instead.
            let days: Vec<String> = windows[1..]
                .iter()
                .map(|window| utc(instant(window.start)))
                .collect();
            event.add_property("RDATE", days.join(","));
        }
    }
    let location = venue_line(seminar.venue.as_ref());
    if !location.is_empty() {
        event.location(&clean(&location));
    }
    event.done()
}

/// The subtitle, the agenda's fields, the speakers and the rundown, as plain lines.
fn description(programme: &Programme, lang: Lang) -> String {
    let labels = lang.labels();
    let sheet = Sheet::new(programme, lang);
    let mut lines = Vec::new();
    if let Some(subtitle) = &sheet.subtitle {
        lines.push(subtitle.clone());
        lines.push(String::new());
    }
    for (label, value) in &sheet.fields {
        lines.push(format!("{label}: {}", value.replace('\n', "; ")));
    }
    let speakers: Vec<String> = programme
        .roles_of(RoleKind::Speaker)
        .map(role_line)
        .collect();
    if !speakers.is_empty() {
        lines.push(String::new());
        lines.push(format!("{}:", labels.speakers));
        lines.extend(speakers.into_iter().map(|line| format!("- {line}")));
    }
    if !sheet.days.is_empty() {
        lines.push(String::new());
        lines.push(format!("{}:", labels.rundown));
    }
    for day in &sheet.days {
        if let Some(heading) = &day.heading {
            lines.push(heading.clone());
        }
        for row in &day.rows {
            let people: Vec<&str> = row.people.iter().map(|p| p.name.as_str()).collect();
            let mut line = format!("{} {}", row.times, row.session);
            if !people.is_empty() {
                line.push_str(&format!(" — {}", people.join(", ")));
            }
            lines.push(line);
        }
    }
    if let Some(text) = &sheet.description {
        lines.push(String::new());
        lines.push(text.clone());
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_on_character_boundaries() {
        let line = format!("DESCRIPTION:{}", "é".repeat(100));
        let folded = refold(&format!("{line}\r\n"));
        for part in folded.split_terminator("\r\n") {
            assert!(part.len() <= 75, "{part:?}");
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
        assert_eq!(refold("A:b\r\n"), "A:b\r\n");
    }

    #[test]
    fn text_for_x_properties_is_escaped_and_loses_control_characters() {
        assert_eq!(escape("a,b;c\\d\r\ne\u{7}"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(clean("x\ry\u{0}z"), "xyz");
    }
}
