//! iCalendar (RFC 5545), written directly: content lines folded at 75 octets without
//! splitting a UTF-8 character, ended with CRLF, TEXT values escaped, each event's
//! properties in name order. Every time is in UTC (`…Z`), which RFC 5545 allows and every
//! calendar shows in local time, so the file needs no VTIMEZONE blocks.

use chrono::{DateTime, Utc};

use super::agenda::Sheet;
use super::{Lang, role_line, venue_line};
use crate::model::{Programme, RoleKind, Session, Slot, Status};

/// What an iCalendar export needs besides the seminars.
#[derive(Debug, Clone, Copy)]
pub struct IcsOptions {
    pub lang: Lang,
    /// Also one event per slot of each rundown.
    pub slots: bool,
    /// The DTSTAMP of every event: when the file was made.
    pub now: DateTime<Utc>,
}

/// Text as iCalendar may carry it: every line break as `\n`, no other control characters
/// but tabs. TEXT values are escaped when written (`\n`, `\ , ;`); a carriage return would
/// break the line.
fn clean(text: &str) -> String {
    if !(text.chars()).any(|c| c.is_control() && c != '\n' && c != '\t') {
        return text.to_string();
    }
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
        .collect()
}

fn instant(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

/// The calendar of seminars: one VEVENT each (recurring daily for a seminar of several
/// days), and with `slots` one more per slot.
pub fn calendar(programmes: &[Programme], options: &IcsOptions) -> String {
    let only_title = match programmes {
        [one] => Some(one.seminar.title.as_str()),
        _ => None,
    };
    let shared_zone = programmes.first().and_then(|first| {
        let zone = first.seminar.schedule.zone;
        (programmes.iter())
            .all(|p| p.seminar.schedule.zone == zone)
            .then(|| zone.name())
    });
    let head = IcsHead {
        only_title,
        shared_zone,
    };
    let mut out = Vec::new();
    let written = IcsWriter::start(&mut out, &head, options).and_then(|mut calendar| {
        for programme in programmes {
            calendar.seminar(programme)?;
        }
        calendar.finish()
    });
    // Writing into memory cannot fail, and everything written is UTF-8.
    debug_assert!(written.is_ok());
    String::from_utf8(out).unwrap_or_default()
}

/// One VEVENT: its properties, written in name order.
struct VEvent {
    categories: Option<String>,
    description: String,
    ends: DateTime<Utc>,
    starts: DateTime<Utc>,
    location: Option<String>,
    related_to: Option<String>,
    sequence: Option<u32>,
    status: &'static str,
    summary: String,
    uid: String,
    session: Option<String>,
}

/// Content lines, folded as they are written.
#[derive(Default)]
struct Lines {
    text: String,
    line: String,
}

impl Lines {
    /// A property whose value is written as it is.
    fn raw(&mut self, name: &str, value: &str) {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        self.line.push_str(value);
        self.fold();
    }

    /// A property of TEXT: backslash, comma, semicolon and line break escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        let mut rest = value;
        while let Some(at) = rest.find(['\\', ',', ';', '\n']) {
            self.line.push_str(&rest[..at]);
            self.line.push('\\');
            self.line.push(match rest.as_bytes()[at] {
                b'\n' => 'n',
                special => char::from(special),
            });
            rest = &rest[at + 1..];
        }
        self.line.push_str(rest);
        self.fold();
    }

    fn time(&mut self, name: &str, at: DateTime<Utc>) {
        use chrono::{Datelike, Timelike};
        use std::fmt::Write;
        self.line.clear();
        self.line.push_str(name);
        let _ = match at.year() {
            0..=9999 => write!(
                self.line,
                ":{:04}{:02}{:02}T{:02}{:02}{:02}Z",
                at.year(),
                at.month(),
                at.day(),
                at.hour(),
                at.minute(),
                at.second()
            ),
            _ => write!(self.line, ":{}", at.format("%Y%m%dT%H%M%SZ")),
        };
        self.fold();
    }

    /// Folds the line at 75 octets without splitting a UTF-8 character; a continuation
    /// line starts with a space, which counts.
    fn fold(&mut self) {
        const LIMIT: usize = 75;
        let mut rest = self.line.as_str();
        let mut limit = LIMIT;
        while rest.len() > limit {
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            self.text.push_str(&rest[..cut]);
            self.text.push_str("\r\n ");
            rest = &rest[cut..];
            limit = LIMIT - 1;
        }
        self.text.push_str(rest);
        self.text.push_str("\r\n");
    }

    fn event(&mut self, event: &VEvent, now: DateTime<Utc>) {
        self.text.push_str("BEGIN:VEVENT\r\n");
        if let Some(categories) = &event.categories {
            self.raw("CATEGORIES", categories);
        }
        self.text("DESCRIPTION", &event.description);
        self.time("DTEND", event.ends);
        self.time("DTSTAMP", now);
        self.time("DTSTART", event.starts);
        if let Some(location) = &event.location {
            self.text("LOCATION", location);
        }
        if let Some(related_to) = &event.related_to {
            self.text("RELATED-TO", related_to);
        }
        if let Some(sequence) = event.sequence {
            self.raw("SEQUENCE", &sequence.to_string());
        }
        self.raw("STATUS", event.status);
        self.text("SUMMARY", &event.summary);
        self.text("UID", &event.uid);
        if let Some(session) = &event.session {
            self.text("X-SEMINAR-SESSION", session);
        }
        self.text.push_str("END:VEVENT\r\n");
    }
}

/// A seminar's events: one per day, and with `slots`, one per session and slot.
fn programme_events(programme: &Programme, options: &IcsOptions) -> Vec<VEvent> {
    let mut events = seminar_events(programme, options);
    if options.slots {
        for session in &programme.sessions {
            events.push(session_event(programme, session, options, false));
        }
        for slot in &programme.slots {
            events.push(slot_event(programme, slot, false));
        }
        // Cancelled after a publication: calendars that hold them learn it by their UID.
        for session in &programme.history.cancelled_sessions {
            events.push(session_event(programme, session, options, true));
        }
        for slot in &programme.history.cancelled_slots {
            events.push(slot_event(programme, slot, true));
        }
    }
    events
}

/// The calendar of [`calendar`] written as its seminars come: byte for byte the same file.
pub struct IcsWriter<'a, W: std::io::Write> {
    out: W,
    options: &'a IcsOptions,
    lines: Lines,
}

/// What the calendar's head says of all its seminars.
pub struct IcsHead<'a> {
    /// The title of the only seminar, if there is one and only one.
    pub only_title: Option<&'a str>,
    /// The zone of every seminar, if they share one.
    pub shared_zone: Option<&'a str>,
}

impl<'a, W: std::io::Write> IcsWriter<'a, W> {
    /// Writes the calendar's properties.
    pub fn start(mut out: W, head: &IcsHead<'_>, options: &'a IcsOptions) -> std::io::Result<Self> {
        let mut lines = Lines::default();
        lines.text.push_str("BEGIN:VCALENDAR\r\n");
        lines.text("VERSION", "2.0");
        let product = format!("-//seminar//seminar {}//EN", env!("CARGO_PKG_VERSION"));
        lines.text("PRODID", &product);
        lines.text("CALSCALE", "GREGORIAN");
        lines.text("METHOD", "PUBLISH");
        let name = head
            .only_title
            .unwrap_or_else(|| options.lang.labels().seminars);
        lines.text("X-WR-CALNAME", &clean(name));
        if let Some(zone) = head.shared_zone {
            lines.text("X-WR-TIMEZONE", zone);
        }
        out.write_all(lines.text.as_bytes())?;
        lines.text.clear();
        Ok(IcsWriter {
            out,
            options,
            lines,
        })
    }

    /// Writes one seminar's events.
    pub fn seminar(&mut self, programme: &Programme) -> std::io::Result<()> {
        for event in programme_events(programme, self.options) {
            self.lines.event(&event, self.options.now);
        }
        self.out.write_all(self.lines.text.as_bytes())?;
        self.lines.text.clear();
        Ok(())
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.out.write_all(b"END:VCALENDAR\r\n")?;
        self.out.flush()
    }
}

fn session_event(
    programme: &Programme,
    session: &Session,
    options: &IcsOptions,
    cancelled: bool,
) -> VEvent {
    let lang = options.lang;
    let chairs: Vec<String> = programme.chairs_of(session).map(role_line).collect();
    let mut description = String::new();
    if !chairs.is_empty() {
        description.push_str(&format!(
            "{}: {}\n\n",
            lang.labels().chairs,
            chairs.join("; ")
        ));
    }
    description.push_str(&programme.seminar.title);
    let location = room_line(programme, programme.session_room(session));
    VEvent {
        categories: Some(session.kind.as_str().to_uppercase()),
        description: clean(&description),
        ends: session.ends_at(),
        starts: session.starts_at,
        location: (!location.is_empty()).then(|| clean(&location)),
        related_to: Some(clean(&programme.seminar.uid)),
        sequence: sequence(programme, &session.uid),
        status: status(programme.seminar.status, cancelled),
        summary: clean(&session.title),
        uid: clean(&session.uid),
        session: None,
    }
}

fn slot_event(programme: &Programme, slot: &Slot, cancelled: bool) -> VEvent {
    let people: Vec<String> = programme.people_on(slot).map(role_line).collect();
    let mut description = people.join("\n");
    if !description.is_empty() {
        description.push_str("\n\n");
    }
    description.push_str(&programme.seminar.title);
    let location = room_line(programme, programme.room_of(slot));
    VEvent {
        categories: Some(slot.kind.as_str().to_uppercase()),
        description: clean(&description),
        ends: slot.ends_at(),
        starts: slot.starts_at,
        location: (!location.is_empty()).then(|| clean(&location)),
        related_to: Some(clean(&programme.seminar.uid)),
        sequence: sequence(programme, &slot.uid),
        status: status(programme.seminar.status, cancelled),
        summary: clean(&slot.title),
        uid: clean(&slot.uid),
        session: programme
            .session_of(slot)
            .map(|session| clean(&session.uid)),
    }
}

/// Once the seminar's schedule has been published, an event's SEQUENCE: the versions in
/// which it changed.
fn sequence(programme: &Programme, uid: &str) -> Option<u32> {
    (programme.history.publication.as_ref()).map(|publication| publication.sequence(uid))
}

/// The event's STATUS: cancelled, or the seminar's.
fn status(status: Status, cancelled: bool) -> &'static str {
    match (cancelled, status) {
        (true, _) | (_, Status::Cancelled) => "CANCELLED",
        (_, Status::Planned) => "TENTATIVE",
        (_, Status::Confirmed) => "CONFIRMED",
    }
}

/// The seminar as calendar events: one for each day, with that day's hours. The first
/// day's event has the seminar's UID, the others `UID-day2`, `UID-day3`...
fn seminar_events(programme: &Programme, options: &IcsOptions) -> Vec<VEvent> {
    let seminar = &programme.seminar;
    let windows = seminar.schedule.windows().unwrap_or_default();
    let location = venue_line(seminar.venue.as_ref());
    let description = clean(&description(programme, options.lang));
    let uid = clean(&seminar.uid);
    let summary = clean(&seminar.title);
    let location = (!location.is_empty()).then(|| clean(&location));
    let sequence = sequence(programme, &seminar.uid);
    windows
        .iter()
        .enumerate()
        .map(|(index, window)| VEvent {
            categories: None,
            description: description.clone(),
            ends: instant(window.end),
            starts: instant(window.start),
            location: location.clone(),
            related_to: None,
            sequence,
            status: status(seminar.status, false),
            summary: summary.clone(),
            uid: match index {
                0 => uid.clone(),
                n => format!("{uid}-day{}", n + 1),
            },
            session: None,
        })
        .collect()
}

/// Where a slot or session is: its room, and the seminar's venue with its address when the
/// room is another part of it (`Ruang 2, Universitas Gadjah Mada, Yogyakarta`).
fn room_line(programme: &Programme, room: Option<&crate::model::Venue>) -> String {
    let venue = programme.seminar.venue.as_ref();
    match room {
        Some(room) if Some(room.id) != venue.map(|v| v.id) && room.address.is_none() => {
            [room.name.clone(), venue_line(venue)]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        }
        room => venue_line(room),
    }
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
    let speakers: Vec<String> = (programme.roles.iter())
        .filter(|role| role.kind.speaks())
        .map(|role| match role.kind {
            RoleKind::Keynote => format!("{}: {}", lang.role(role.kind), role_line(role)),
            _ => role_line(role),
        })
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

/// The calendar as the `icalendar` crate made it before it was written directly: what
/// the tests hold the direct writing to, byte for byte.
#[cfg(test)]
pub(crate) mod made_with_icalendar {
    use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

    use super::{IcsOptions, clean, description, instant, room_line};
    use crate::model::{Programme, Session, Slot, Status};
    use crate::render::{role_line, venue_line};

    /// The calendar of seminars: one VEVENT each (recurring daily for a seminar of several
    /// days), and with `slots` one more per slot.
    pub(crate) fn calendar(programmes: &[Programme], options: &IcsOptions) -> String {
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
        calendar.append_property(("X-WR-CALNAME", clean(name).as_str()));
        if let Some(first) = programmes.first() {
            let zone = first.seminar.schedule.zone;
            if programmes.iter().all(|p| p.seminar.schedule.zone == zone) {
                calendar.append_property(("X-WR-TIMEZONE", zone.name()));
            }
        }
        for programme in programmes {
            for event in programme_events(programme, options) {
                calendar.push(event);
            }
        }
        refold(&calendar.to_string())
    }

    /// A seminar's events: one per day, and with `slots`, one per session and slot.
    fn programme_events(programme: &Programme, options: &IcsOptions) -> Vec<Event> {
        let mut events = seminar_events(programme, options);
        if options.slots {
            for session in &programme.sessions {
                events.push(session_event(programme, session, options, false));
            }
            for slot in &programme.slots {
                events.push(slot_event(programme, slot, options, false));
            }
            // Cancelled after a publication: calendars that hold them learn it by their UID.
            for session in &programme.history.cancelled_sessions {
                events.push(session_event(programme, session, options, true));
            }
            for slot in &programme.history.cancelled_slots {
                events.push(slot_event(programme, slot, options, true));
            }
        }
        events
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

    fn session_event(
        programme: &Programme,
        session: &Session,
        options: &IcsOptions,
        cancelled: bool,
    ) -> Event {
        let lang = options.lang;
        let mut event = Event::new();
        let chairs: Vec<String> = programme.chairs_of(session).map(role_line).collect();
        let mut description = String::new();
        if !chairs.is_empty() {
            description.push_str(&format!(
                "{}: {}\n\n",
                lang.labels().chairs,
                chairs.join("; ")
            ));
        }
        description.push_str(&programme.seminar.title);
        event
            .uid(&clean(&session.uid))
            .timestamp(options.now)
            .starts(session.starts_at)
            .ends(session.ends_at())
            .summary(&clean(&session.title))
            .description(&clean(&description))
            .add_property("RELATED-TO", clean(&programme.seminar.uid))
            .add_property("CATEGORIES", session.kind.as_str().to_uppercase());
        let location = room_line(programme, programme.session_room(session));
        if !location.is_empty() {
            event.location(&clean(&location));
        }
        finish(&mut event, programme, &session.uid, cancelled);
        event.done()
    }

    fn slot_event(
        programme: &Programme,
        slot: &Slot,
        options: &IcsOptions,
        cancelled: bool,
    ) -> Event {
        let mut event = Event::new();
        let people: Vec<String> = programme.people_on(slot).map(role_line).collect();
        let mut description = people.join("\n");
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        description.push_str(&programme.seminar.title);
        event
            .uid(&clean(&slot.uid))
            .timestamp(options.now)
            .starts(slot.starts_at)
            .ends(slot.ends_at())
            .summary(&clean(&slot.title))
            .description(&clean(&description))
            .add_property("RELATED-TO", clean(&programme.seminar.uid))
            .add_property("CATEGORIES", slot.kind.as_str().to_uppercase());
        if let Some(session) = programme.session_of(slot) {
            event.add_property("X-SEMINAR-SESSION", clean(&session.uid));
        }
        let location = room_line(programme, programme.room_of(slot));
        if !location.is_empty() {
            event.location(&clean(&location));
        }
        finish(&mut event, programme, &slot.uid, cancelled);
        event.done()
    }

    /// The event's status (cancelled, or the seminar's) and, once the seminar's schedule has
    /// been published, its SEQUENCE: the versions in which it changed.
    fn finish(event: &mut Event, programme: &Programme, uid: &str, cancelled: bool) {
        if cancelled {
            event.status(EventStatus::Cancelled);
        } else {
            event.status(status(programme.seminar.status));
        }
        if let Some(publication) = &programme.history.publication {
            event.add_property("SEQUENCE", publication.sequence(uid).to_string());
        }
    }

    fn status(status: Status) -> EventStatus {
        match status {
            Status::Planned => EventStatus::Tentative,
            Status::Confirmed => EventStatus::Confirmed,
            Status::Cancelled => EventStatus::Cancelled,
        }
    }

    /// The seminar as calendar events: one for each day, with that day's hours. The first
    /// day's event has the seminar's UID, the others `UID-day2`, `UID-day3`...
    fn seminar_events(programme: &Programme, options: &IcsOptions) -> Vec<Event> {
        let seminar = &programme.seminar;
        let windows = seminar.schedule.windows().unwrap_or_default();
        let location = venue_line(seminar.venue.as_ref());
        let description = clean(&description(programme, options.lang));
        windows
            .iter()
            .enumerate()
            .map(|(index, window)| {
                let mut event = Event::new();
                let uid = match index {
                    0 => clean(&seminar.uid),
                    n => format!("{}-day{}", clean(&seminar.uid), n + 1),
                };
                event
                    .uid(&uid)
                    .timestamp(options.now)
                    .summary(&clean(&seminar.title))
                    .description(&description)
                    .starts(instant(window.start))
                    .ends(instant(window.end));
                finish(&mut event, programme, &seminar.uid, false);
                if !location.is_empty() {
                    event.location(&clean(&location));
                }
                event.done()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_on_character_boundaries() {
        let value = format!("a{}", "é".repeat(100));
        let mut lines = Lines::default();
        lines.raw("DESCRIPTION", &value);
        let folded = lines.text;
        for part in folded.split_terminator("\r\n") {
            assert!(part.len() <= 75, "{part:?}");
        }
        assert_eq!(folded.matches("\r\n ").count(), 2, "{folded:?}");
        assert_eq!(
            folded.replace("\r\n ", ""),
            format!("DESCRIPTION:{value}\r\n")
        );
        let mut short = Lines::default();
        short.raw("A", "b");
        assert_eq!(short.text, "A:b\r\n");
    }

    /// The calendars of every test here, written directly, are byte for byte the ones
    /// the `icalendar` crate made with its folding undone and done again.
    #[test]
    fn calendars_written_directly_are_the_ones_icalendar_made() {
        let jakarta = Zone::known("Asia/Jakarta");
        let mut tricky = programme(
            "A; title, with \\ and\nbreaks\r\n\u{7}\r — é ü 日本語\t"
                .repeat(4)
                .as_str(),
        );
        tricky.seminar.status = Status::Planned;
        let mut cancelled = in_zone(
            programme("Cancelled"),
            Zone::known("Europe/Berlin"),
            date(2021, 3, 26),
            date(2021, 3, 29),
        );
        cancelled.seminar.status = Status::Cancelled;
        let several = [
            programme("One"),
            tricky,
            cancelled,
            in_zone(
                programme("Three"),
                jakarta,
                date(2017, 6, 1),
                date(2017, 6, 3),
            ),
        ];
        for programmes in [&several[..1], &several[1..2], &several[..]] {
            for slots in [false, true] {
                let options = options(slots);
                assert_eq!(
                    calendar(programmes, &options),
                    made_with_icalendar::calendar(programmes, &options),
                    "{} seminar(s), slots {slots}",
                    programmes.len()
                );
            }
        }
    }

    #[test]
    fn line_breaks_become_newlines_and_other_control_characters_go() {
        assert_eq!(clean("a\r\nb\rc\nd\te\u{0}f\u{7}"), "a\nb\nc\nd\tef");
    }

    use crate::model::zone::Zone;
    use chrono::{NaiveDate, NaiveTime, TimeZone};

    use crate::model::{Institution, Role, Schedule, Seminar, Slot, SlotKind, Status, Venue};

    const SEMINAR_UID: &str = "0b5b3f0e-8a4e-4c1a-9d3e-5f6a7b8c9d0e";
    const SLOT_UID: &str = "6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn clock(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn role(id: i64, name: &str, position: &str, institution: &str) -> Role {
        Role {
            id,
            seminar_id: 1,
            person_id: id * 10,
            person_name: name.into(),
            person_titles: Default::default(),
            person_uid: format!("00000000-0000-4000-8000-{:012}", id * 10),
            kind: RoleKind::Speaker,
            position: Some(position.into()),
            institution: Some(Institution {
                id,
                name: institution.into(),
                short_name: None,
            }),
            contact: None,
        }
    }

    /// A seminar in Jakarta on 18 May 2017, 09:00–12:00, with two speakers and one slot.
    fn programme(title: &str) -> Programme {
        let zone = Zone::known("Asia/Jakarta");
        Programme {
            seminar: Seminar {
                id: 1,
                uid: SEMINAR_UID.into(),
                slug: "kss-2017".into(),
                title: title.into(),
                subtitle: Some("Proud to Contribute".into()),
                description: None,
                organizers: vec!["FISIP UI".into()],
                status: Status::Confirmed,
                schedule: Schedule {
                    zone,
                    first_day: date(2017, 5, 18),
                    last_day: date(2017, 5, 18),
                    start: clock(9, 0),
                    end: clock(12, 0),
                    days: Vec::new(),
                },
                venue: Some(Venue {
                    id: 1,
                    name: "Auditorium".into(),
                    address: Some("Depok".into()),
                    capacity: None,
                }),
            },
            roles: vec![
                role(1, "Dinur Krismasari", "Senior Representative", "JICA"),
                role(2, "Asra Virgianita", "Dosen", "FISIP UI"),
            ],
            sessions: Vec::new(),
            slots: vec![Slot {
                id: 7,
                uid: SLOT_UID.into(),
                seminar_id: 1,
                kind: SlotKind::Talk,
                title: "Knowledge sharing".into(),
                starts_at: zone
                    .with_ymd_and_hms(2017, 5, 18, 9, 15, 0)
                    .unwrap()
                    .with_timezone(&Utc),
                minutes: 30,
                role_ids: vec![1],
                room: None,
                session_id: None,
                track: None,
                details: Default::default(),
            }],
            history: Default::default(),
        }
    }

    fn in_zone(
        mut programme: Programme,
        zone: Zone,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Programme {
        let schedule = &mut programme.seminar.schedule;
        schedule.zone = zone;
        schedule.first_day = first;
        schedule.last_day = last;
        schedule.start = clock(9, 0);
        schedule.end = clock(17, 0);
        programme.slots.clear();
        programme
    }

    fn options(slots: bool) -> IcsOptions {
        IcsOptions {
            lang: Lang::En,
            slots,
            now: Utc.with_ymd_and_hms(2017, 5, 1, 0, 0, 0).unwrap(),
        }
    }

    /// The unfolded content lines, each still escaped.
    fn lines(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split_terminator("\r\n")
            .map(str::to_string)
            .collect()
    }

    /// The values of a property, in order, from every component.
    fn values(ics: &str, name: &str) -> Vec<String> {
        lines(ics)
            .into_iter()
            .filter_map(|line| line.strip_prefix(&format!("{name}:")).map(str::to_string))
            .collect()
    }

    fn value(ics: &str, name: &str) -> String {
        values(ics, name).into_iter().next().unwrap_or_default()
    }

    #[test]
    fn every_line_ends_in_crlf_and_fits_in_75_octets() {
        let title = format!(
            "Seminar Kerja Sama Selatan-Selatan dan Triangular Indonesia 🇮🇩🎉 {} ✨ {}",
            "التعاون بين بلدان الجنوب",
            "ñ".repeat(40)
        );
        let ics = calendar(&[programme(&title)], &options(true));
        assert!(ics.ends_with("\r\n"));
        for line in ics.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
            assert!(!line.contains(['\r', '\n']), "bare line break in {line:?}");
        }
        assert!(ics.contains("\r\n "), "long lines are folded");
        assert_eq!(value(&ics, "SUMMARY"), title, "folding loses no character");
        assert_eq!(value(&ics, "X-WR-CALNAME"), title);
    }

    #[test]
    fn text_values_are_escaped_once() {
        let ics = calendar(&[programme("a,b;c\nd\\e\r\nf\rg\u{7}")], &options(false));
        let escaped = r"a\,b\;c\nd\\e\nf\ng";
        assert_eq!(value(&ics, "SUMMARY"), escaped);
        assert_eq!(value(&ics, "X-WR-CALNAME"), escaped);
        assert_eq!(value(&ics, "LOCATION"), r"Auditorium\, Depok");
    }

    #[test]
    fn the_seminar_is_one_event_in_utc() {
        let ics = calendar(&[programme("Seminar")], &options(false));
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert_eq!(
            values(&ics, "PRODID"),
            [format!(
                "-//seminar//seminar {}//EN",
                env!("CARGO_PKG_VERSION")
            )]
        );
        assert_eq!(values(&ics, "CALSCALE"), ["GREGORIAN"]);
        assert_eq!(values(&ics, "METHOD"), ["PUBLISH"]);
        assert_eq!(values(&ics, "X-WR-TIMEZONE"), ["Asia/Jakarta"]);
        assert_eq!(values(&ics, "BEGIN"), ["VCALENDAR", "VEVENT"]);
        assert_eq!(value(&ics, "UID"), SEMINAR_UID);
        assert_eq!(value(&ics, "DTSTAMP"), "20170501T000000Z");
        assert_eq!(value(&ics, "DTSTART"), "20170518T020000Z");
        assert_eq!(value(&ics, "DTEND"), "20170518T050000Z");
        assert_eq!(value(&ics, "STATUS"), "CONFIRMED");
        assert!(values(&ics, "RRULE").is_empty() && values(&ics, "RDATE").is_empty());
        let description = value(&ics, "DESCRIPTION");
        for expected in [
            "Proud to Contribute",
            r"Thursday\, 18 May 2017 · 09:00–12:00 WIB",
            r"Dinur Krismasari (Senior Representative\, JICA)",
            "09:15–09:45 Knowledge sharing",
        ] {
            assert!(
                description.contains(expected),
                "{expected} in {description}"
            );
        }
    }

    #[test]
    fn with_slots_each_slot_is_an_event_of_its_own() {
        let ics = calendar(&[programme("Seminar")], &options(true));
        assert_eq!(values(&ics, "UID"), [SEMINAR_UID, SLOT_UID]);
        assert_eq!(values(&ics, "DTSTART")[1], "20170518T021500Z");
        assert_eq!(values(&ics, "DTEND")[1], "20170518T024500Z");
        assert_eq!(values(&ics, "SUMMARY")[1], "Knowledge sharing");
        assert_eq!(values(&ics, "RELATED-TO"), [SEMINAR_UID]);
        assert_eq!(values(&ics, "CATEGORIES"), ["TALK"]);
        assert_eq!(values(&ics, "LOCATION")[1], r"Auditorium\, Depok");
        assert_eq!(
            values(&ics, "DESCRIPTION")[1],
            r"Dinur Krismasari (Senior Representative\, JICA)\n\nSeminar"
        );
    }

    #[test]
    fn a_seminar_of_three_days_has_an_event_each_day() {
        let three_days = in_zone(
            programme("Seminar"),
            Zone::known("Asia/Jakarta"),
            date(2017, 5, 18),
            date(2017, 5, 20),
        );
        let ics = calendar(&[three_days], &options(false));
        assert_eq!(
            values(&ics, "DTSTART"),
            ["20170518T020000Z", "20170519T020000Z", "20170520T020000Z"]
        );
        assert_eq!(values(&ics, "DTEND")[0], "20170518T100000Z");
        assert_eq!(
            values(&ics, "UID"),
            [
                SEMINAR_UID.to_string(),
                format!("{SEMINAR_UID}-day2"),
                format!("{SEMINAR_UID}-day3")
            ]
        );
        assert!(values(&ics, "RRULE").is_empty());
    }

    #[test]
    fn a_seminar_across_a_clock_change_keeps_its_local_hours_each_day() {
        let berlin = in_zone(
            programme("Seminar"),
            Zone::known("Europe/Berlin"),
            date(2024, 3, 30),
            date(2024, 4, 1),
        );
        let ics = calendar(&[berlin], &options(false));
        // 09:00 is 08:00 UTC before the clocks go forward on 31 March, 07:00 UTC after.
        assert_eq!(
            values(&ics, "DTSTART"),
            ["20240330T080000Z", "20240331T070000Z", "20240401T070000Z"]
        );
        assert!(values(&ics, "RRULE").is_empty() && values(&ics, "RDATE").is_empty());
    }

    #[test]
    fn several_seminars_share_a_generic_name_and_a_zone_only_if_they_have_one() {
        let berlin = in_zone(
            programme("Two"),
            Zone::known("Europe/Berlin"),
            date(2024, 3, 30),
            date(2024, 3, 30),
        );
        let both = [programme("One"), berlin];
        let ics = calendar(&both, &options(false));
        assert_eq!(values(&ics, "X-WR-CALNAME"), ["Seminars"]);
        assert!(values(&ics, "X-WR-TIMEZONE").is_empty());
        assert_eq!(values(&ics, "SUMMARY"), ["One", "Two"]);
        let indonesian = IcsOptions {
            lang: Lang::Id,
            ..options(false)
        };
        assert_eq!(
            values(&calendar(&both, &indonesian), "X-WR-CALNAME"),
            ["Seminar"]
        );
    }

    #[test]
    fn planned_and_cancelled_seminars_say_so() {
        for (status, word) in [
            (Status::Planned, "TENTATIVE"),
            (Status::Cancelled, "CANCELLED"),
        ] {
            let mut planned = programme("Seminar");
            planned.seminar.status = status;
            let ics = calendar(&[planned], &options(false));
            assert_eq!(value(&ics, "STATUS"), word);
        }
    }
}
