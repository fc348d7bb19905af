//! A seminar from an iCalendar file (RFC 5545), as Indico, pretalx, Google, Apple and
//! Thunderbird calendars write it.
//!
//! The calendar is one seminar: its X-WR-CALNAME (else its first event's summary) is the
//! title, each timed VEVENT a slot, its LOCATION the room (one location for all: the
//! seminar's venue), DESCRIPTION the slot's abstract, URL a link, CATEGORIES the kind when
//! it names one. Days and hours come from the events, as for a frab schedule. A calendar our
//! own `agenda --format ics --slots` wrote (see [`crate::render::ics`]) comes back as its
//! seminars: the per-day seminar events (`UID`, `UID-day2`...) give each seminar's uid,
//! title, venue and days, the session events are left out, the slot events are its slots.
//!
//! Lines are unfolded on bytes before they are decoded, so a fold inside a multi-byte
//! UTF-8 character is read whole.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::zone::Zone;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

use super::frab::{Event, seminar, slot_kind};
use super::{ReadOptions, all_problems};
use crate::error::{Error, Result};
use crate::model::time::local_instant;
use crate::model::{
    FIRST_YEAR, LAST_YEAR, Link, MAX_SLOT_MINUTES, SlotDetails, SlotKind, Status, canonical_uid,
};
use crate::ops::import::{Plan, SeminarEntry, SlotEntry, Updates};
use crate::ops::slots::{NewSlot, SlotPlace};

/// The most occurrences a `FREQ=DAILY;COUNT=n` rule may make: a conference's days.
const MOST_OCCURRENCES: u32 = 31;

/// One content line, unfolded and decoded: `NAME;PARAM=VALUE:VALUE`.
#[derive(Debug, Clone)]
struct Property {
    /// The physical line it starts on.
    line: usize,
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

impl Property {
    fn param(&self, name: &str) -> Option<&str> {
        (self.params.iter())
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// Content lines with their line numbers: folds (a line break followed by a space or a
/// tab) undone on bytes, then each logical line decoded as UTF-8.
fn content_lines(bytes: &[u8]) -> Result<Vec<(usize, String)>> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut logical: Vec<(usize, Vec<u8>)> = Vec::new();
    for (index, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        match line.first() {
            Some(b' ' | b'\t') if !logical.is_empty() => {
                if let Some((_, last)) = logical.last_mut() {
                    last.extend_from_slice(&line[1..]);
                }
            }
            _ => logical.push((index + 1, line.to_vec())),
        }
    }
    let mut lines = Vec::new();
    for (line, bytes) in logical {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let text = String::from_utf8(bytes).map_err(|_| {
            Error::Invalid(format!(
                "line {line}: not UTF-8 text; save the calendar as UTF-8 and import again"
            ))
        })?;
        if let Some(c) = text.chars().find(|c| c.is_control() && *c != '\t') {
            return Err(Error::Invalid(format!(
                "line {line}: a control character U+{:04X}, which iCalendar does not allow",
                c as u32
            )));
        }
        lines.push((line, text));
    }
    Ok(lines)
}

/// Splits a content line into its name, parameters and value; quoted parameter values may
/// hold `:`, `;` and `,`.
fn property(line: usize, text: &str) -> Result<Property, String> {
    let mut name_end = None;
    let mut value_start = None;
    let mut quoted = false;
    for (at, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted && name_end.is_none() => name_end = Some(at),
            ':' if !quoted => {
                value_start = Some(at);
                break;
            }
            _ => {}
        }
    }
    let colon = value_start.ok_or_else(|| {
        format!("line {line}: not a property like NAME:VALUE (the file is not iCalendar)")
    })?;
    let name_end = name_end.unwrap_or(colon);
    let name = text[..name_end].trim().to_ascii_uppercase();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(format!(
            "line {line}: not a property like NAME:VALUE (the file is not iCalendar)"
        ));
    }
    let mut params = Vec::new();
    if name_end < colon {
        let mut rest = &text[name_end + 1..colon];
        while !rest.is_empty() {
            let (key, tail) = rest
                .split_once('=')
                .ok_or_else(|| format!("line {line}: {name}: a parameter without '=': '{rest}'"))?;
            let (value, tail) = match tail.strip_prefix('"') {
                Some(quoted) => {
                    let end = quoted
                        .find('"')
                        .ok_or_else(|| format!("line {line}: {name}: an unclosed quote"))?;
                    let after = &quoted[end + 1..];
                    (&quoted[..end], after.strip_prefix(';').unwrap_or(after))
                }
                None => match tail.split_once(';') {
                    Some((value, tail)) => (value, tail),
                    None => (tail, ""),
                },
            };
            params.push((key.trim().to_ascii_uppercase(), value.to_string()));
            rest = tail;
        }
    }
    Ok(Property {
        line,
        name,
        params,
        value: text[colon + 1..].to_string(),
    })
}

/// A TEXT value with its escapes read: `\n`, `\,`, `\;`, `\\`.
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A component: its properties and the components inside it.
#[derive(Debug, Default)]
struct Component {
    name: String,
    line: usize,
    properties: Vec<Property>,
    children: Vec<Component>,
}

impl Component {
    fn first(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }

    fn text(&self, name: &str) -> Option<String> {
        self.first(name)
            .map(|p| unescape(&p.value).trim().to_string())
            .filter(|text| !text.is_empty())
    }
}

/// The file's VCALENDAR, its components nested as BEGIN/END say.
fn calendar(bytes: &[u8]) -> Result<Component> {
    let lines = content_lines(bytes)?;
    let not_icalendar = || {
        Error::Invalid(
            "file: not an iCalendar file (it does not start with BEGIN:VCALENDAR)".into(),
        )
    };
    let mut stack: Vec<Component> = Vec::new();
    let mut done: Option<Component> = None;
    for (line, text) in &lines {
        if done.is_some() {
            break;
        }
        let property = property(*line, text).map_err(|problem| {
            if stack.is_empty() {
                not_icalendar()
            } else {
                Error::Invalid(problem)
            }
        })?;
        match property.name.as_str() {
            "BEGIN" => {
                let name = property.value.trim().to_ascii_uppercase();
                if stack.is_empty() && name != "VCALENDAR" {
                    return Err(not_icalendar());
                }
                if stack.len() >= 8 {
                    return Err(Error::Invalid(format!(
                        "line {line}: BEGIN:{name} nests components too deeply"
                    )));
                }
                stack.push(Component {
                    name,
                    line: *line,
                    ..Component::default()
                });
            }
            "END" => {
                let name = property.value.trim().to_ascii_uppercase();
                let component = stack.pop().ok_or_else(not_icalendar)?;
                if component.name != name {
                    return Err(Error::Invalid(format!(
                        "line {line}: END:{name} closes BEGIN:{} of line {}",
                        component.name, component.line
                    )));
                }
                match stack.last_mut() {
                    Some(parent) => parent.children.push(component),
                    None => done = Some(component),
                }
            }
            _ => match stack.last_mut() {
                Some(component) => component.properties.push(property),
                None => return Err(not_icalendar()),
            },
        }
    }
    match (done, stack.last()) {
        (Some(calendar), _) => Ok(calendar),
        (None, Some(open)) => Err(Error::Invalid(format!(
            "line {}: BEGIN:{} is never closed with END:{}",
            open.line, open.name, open.name
        ))),
        (None, None) => Err(not_icalendar()),
    }
}

/// Where a time is: in UTC, in a zone, or floating (nowhere until `--tz` says).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Anchor {
    Utc,
    Zone(Zone),
    Floating,
}

/// A DTSTART or DTEND: a date with a time, or a whole day.
#[derive(Debug, Clone, Copy)]
enum When {
    At(NaiveDateTime, Anchor),
    Day(NaiveDate),
}

/// The zones the file's VTIMEZONE blocks stand for, by TZID: the IANA zone their TZID
/// names, else the fixed zone their one offset gives; `None` for one we cannot tell.
fn zones(calendar: &Component) -> BTreeMap<String, Option<Zone>> {
    let mut zones = BTreeMap::new();
    for block in calendar.children.iter().filter(|c| c.name == "VTIMEZONE") {
        let Some(tzid) = block.first("TZID").map(|p| p.value.trim().to_string()) else {
            continue;
        };
        let offsets: BTreeSet<String> = (block.children.iter())
            .flat_map(|part| &part.properties)
            .filter(|p| p.name == "TZOFFSETTO")
            .map(|p| p.value.trim().to_string())
            .collect();
        let zone = iana(&tzid).or_else(|| match offsets.iter().collect::<Vec<_>>()[..] {
            [offset] => fixed_zone(offset),
            _ => None,
        });
        zones.insert(tzid, zone);
    }
    zones
}

/// An IANA zone a TZID names, as many programs write it (`Europe/Berlin`,
/// `/Europe/Berlin`, `/mozilla.org/20050126_1/Europe/Berlin`).
fn iana(tzid: &str) -> Option<Zone> {
    let parts: Vec<&str> = (tzid.trim().trim_matches('"').split('/'))
        .filter(|part| !part.is_empty())
        .collect();
    (0..parts.len()).find_map(|from| {
        let name = parts[from..].join("/");
        Zone::named(&name)
    })
}

/// `+0700` or `-0130` as a fixed zone, when it is a whole number of hours.
fn fixed_zone(offset: &str) -> Option<Zone> {
    let (sign, digits) = match offset.split_at_checked(1)? {
        ("+", digits) => (1, digits),
        ("-", digits) => (-1, digits),
        _ => return None,
    };
    let hours: i32 = digits.get(..2)?.parse().ok()?;
    let minutes: i32 = digits.get(2..4)?.parse().ok()?;
    if minutes != 0 {
        return None;
    }
    // The IANA names for whole-hour offsets count the other way: +07:00 is Etc/GMT-7.
    let name = match sign * hours {
        0 => "Etc/UTC".to_string(),
        h if h > 0 => format!("Etc/GMT-{h}"),
        h => format!("Etc/GMT+{}", -h),
    };
    name.parse().ok()
}

fn when(property: &Property, zones: &BTreeMap<String, Option<Zone>>) -> Result<When, String> {
    let line = property.line;
    let name = &property.name;
    let value = property.value.trim();
    let is_date = property
        .param("VALUE")
        .is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
        || (value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()));
    if is_date {
        return NaiveDate::parse_from_str(value, "%Y%m%d")
            .map(When::Day)
            .map_err(|_| format!("line {line}: {name}: '{value}' is not a date like 20270512"));
    }
    let (local, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(local) => (local, true),
        None => (value, false),
    };
    let at = NaiveDateTime::parse_from_str(local, "%Y%m%dT%H%M%S").map_err(|_| {
        format!(
            "line {line}: {name}: '{value}' is not a time like 20270512T083000 or 20270512T013000Z"
        )
    })?;
    let anchor = match (utc, property.param("TZID")) {
        (true, _) => Anchor::Utc,
        (false, Some(tzid)) => {
            let zone = match zones.get(tzid.trim()) {
                Some(zone) => *zone,
                None => iana(tzid),
            };
            Anchor::Zone(zone.ok_or_else(|| {
                format!(
                    "line {line}: {name}: the time zone TZID={tzid} is not an IANA zone name and no VTIMEZONE block with one fixed offset defines it; export the calendar with IANA zone names (e.g. Europe/Berlin)"
                )
            })?)
        }
        (false, None) => Anchor::Floating,
    };
    Ok(When::At(at, anchor))
}

/// An RFC 5545 DURATION (`PT1H30M`, `P1D`, `P1W`) in whole minutes, seconds rounded up.
fn duration_minutes(text: &str) -> Option<i64> {
    let text = text.trim();
    let text = text.strip_prefix('+').unwrap_or(text);
    let mut rest = text.strip_prefix(['P', 'p'])?;
    let mut seconds: i64 = 0;
    let mut in_time = false;
    let mut any = false;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix(['T', 't']) {
            if in_time {
                return None;
            }
            in_time = true;
            rest = after;
            continue;
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 6 {
            return None;
        }
        let number: i64 = rest[..digits].parse().ok()?;
        let unit = rest[digits..].chars().next()?.to_ascii_uppercase();
        let factor = match (unit, in_time) {
            ('W', false) => 7 * 86_400,
            ('D', false) => 86_400,
            ('H', true) => 3_600,
            ('M', true) => 60,
            ('S', true) => 1,
            _ => return None,
        };
        seconds = seconds.saturating_add(number * factor);
        any = true;
        rest = &rest[digits + 1..];
    }
    any.then_some((seconds + 59) / 60)
}

/// A VEVENT as read, before its zone is known for floating times.
struct RawEvent {
    line: usize,
    uid: Option<String>,
    title: Option<String>,
    start: When,
    start_line: usize,
    /// Its length in minutes (DTEND or DURATION), or the end to subtract from.
    end: Option<When>,
    minutes: Option<i64>,
    location: Option<String>,
    description: Option<String>,
    url: Option<String>,
    categories: Vec<String>,
    related_to: Option<String>,
    status: Option<String>,
    /// How many daily occurrences (1 without a rule).
    occurrences: u32,
}

fn raw_event(
    event: &Component,
    zones: &BTreeMap<String, Option<Zone>>,
) -> Result<RawEvent, String> {
    let line = event.line;
    let start_property = event
        .first("DTSTART")
        .ok_or_else(|| format!("line {line}: VEVENT has no DTSTART; every event needs a start"))?;
    let start = when(start_property, zones)?;
    let end = event.first("DTEND").map(|p| when(p, zones)).transpose()?;
    let minutes = match event.first("DURATION") {
        Some(p) => Some(duration_minutes(&p.value).ok_or_else(|| {
            format!(
                "line {}: DURATION: '{}' is not a length like PT1H30M",
                p.line,
                p.value.trim()
            )
        })?),
        None => None,
    };
    if let Some(p) = event.first("RECURRENCE-ID").or(event.first("RDATE")) {
        return Err(format!(
            "line {}: {}: events that repeat on given dates or change one occurrence are not read; export the occurrences as events of their own",
            p.line, p.name
        ));
    }
    let mut occurrences = 1;
    if let Some(rule) = event.first("RRULE") {
        occurrences = daily_count(&rule.value).ok_or_else(|| {
            format!(
                "line {}: RRULE: '{}' is a repetition this import does not expand; accepted: FREQ=DAILY;COUNT=n (n up to {MOST_OCCURRENCES}), else export the occurrences as events of their own",
                rule.line,
                rule.value.trim()
            )
        })?;
    }
    let categories = (event.properties.iter())
        .filter(|p| p.name == "CATEGORIES")
        .flat_map(|p| split_list(&p.value))
        .collect();
    Ok(RawEvent {
        line,
        uid: event.text("UID"),
        title: event.text("SUMMARY"),
        start,
        start_line: start_property.line,
        end,
        minutes,
        location: event.text("LOCATION"),
        description: event.text("DESCRIPTION"),
        url: event.text("URL"),
        categories,
        related_to: event.text("RELATED-TO"),
        status: event.text("STATUS"),
        occurrences,
    })
}

/// A comma-separated TEXT list, escaped commas kept.
fn split_list(value: &str) -> Vec<String> {
    let mut items = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(next), Some(item)) = (chars.next(), items.last_mut()) {
                    item.push('\\');
                    item.push(next);
                }
            }
            ',' => items.push(String::new()),
            c => {
                if let Some(item) = items.last_mut() {
                    item.push(c);
                }
            }
        }
    }
    items
        .iter()
        .map(|item| unescape(item).trim().to_string())
        .filter(|item| !item.is_empty())
        .collect()
}

/// The number of occurrences of `FREQ=DAILY;COUNT=n` (with `INTERVAL=1` allowed).
fn daily_count(rule: &str) -> Option<u32> {
    let mut daily = false;
    let mut count = None;
    for part in rule.trim().split(';') {
        let (key, value) = part.split_once('=')?;
        match (key.trim().to_ascii_uppercase().as_str(), value.trim()) {
            ("FREQ", value) if value.eq_ignore_ascii_case("DAILY") => daily = true,
            ("COUNT", value) => count = value.parse::<u32>().ok(),
            ("INTERVAL", "1") => {}
            _ => return None,
        }
    }
    count.filter(|n| daily && (1..=MOST_OCCURRENCES).contains(n))
}

/// The seminar's zone: with floating times `--tz` (or the configured zone), which they are
/// read in, and they are refused without it: never the machine's zone unasked. Else
/// X-WR-TIMEZONE, else the first zone the events' times are in, else `--tz`, else UTC.
fn zone_of(calendar: &Component, events: &[RawEvent], options: &ReadOptions) -> Result<Zone> {
    let anchors: Vec<(usize, Anchor)> = (events.iter())
        .filter_map(|event| match event.start {
            When::At(_, anchor) => Some((event.start_line, anchor)),
            When::Day(_) => None,
        })
        .collect();
    if let Some((line, _)) = anchors.iter().find(|(_, a)| *a == Anchor::Floating) {
        // Floating times are in the zone the user names, whatever the calendar says.
        return options.zone.ok_or_else(|| Error::usage(format!(
            "tz: line {line}: the event's time names no time zone (no TZID, no Z); pass --tz with the zone the calendar's times are in, e.g. --tz Asia/Jakarta"
        )));
    }
    if let Some(name) = calendar.text("X-WR-TIMEZONE")
        && let Some(zone) = iana(&name)
    {
        return Ok(zone);
    }
    let named = anchors.iter().find_map(|(_, anchor)| match anchor {
        Anchor::Zone(zone) => Some(*zone),
        _ => None,
    });
    Ok(named.or(options.zone).unwrap_or(Zone::utc()))
}

fn instant(at: NaiveDateTime, anchor: Anchor, zone: Zone) -> Result<DateTime<Utc>, String> {
    match anchor {
        Anchor::Utc => Ok(Utc.from_utc_datetime(&at)),
        Anchor::Zone(in_zone) => local_instant(in_zone, at.date(), at.time()),
        Anchor::Floating => local_instant(zone, at.date(), at.time()),
    }
}

/// The seminar events of our own export, by the seminar's uid (`UID`, `UID-day2`...).
fn own_seminar_uid(uid: &str) -> Option<(String, u32)> {
    if let Some(uid) = canonical_uid(uid) {
        return Some((uid, 1));
    }
    let (uid, day) = uid.rsplit_once("-day")?;
    Some((
        canonical_uid(uid)?,
        day.parse().ok().filter(|day| *day >= 2)?,
    ))
}

/// An event placed in time: its start and length.
fn placed(event: &RawEvent, zone: Zone) -> Result<(DateTime<Utc>, u32), String> {
    let line = event.start_line;
    let When::At(at, anchor) = event.start else {
        return Err(format!("line {line}: DTSTART is a whole day, not a time"));
    };
    let starts_at = instant(at, anchor, zone).map_err(|e| format!("line {line}: DTSTART: {e}"))?;
    let year = at.year();
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(format!(
            "line {line}: DTSTART: the year {year} is out of range; accepted: {FIRST_YEAR} to {LAST_YEAR}"
        ));
    }
    let minutes = match (&event.end, event.minutes) {
        (Some(When::At(end, anchor)), _) => {
            let ends_at = instant(*end, *anchor, zone)
                .map_err(|e| format!("line {}: DTEND: {e}", event.line))?;
            if ends_at <= starts_at {
                return Err(format!(
                    "line {}: DTEND is not after DTSTART; an event ends after it starts",
                    event.line
                ));
            }
            ((ends_at - starts_at).num_seconds() + 59).div_euclid(60)
        }
        (Some(When::Day(_)), _) => {
            return Err(format!(
                "line {}: DTEND is a whole day while DTSTART is a time",
                event.line
            ));
        }
        (None, Some(minutes)) => minutes,
        (None, None) => {
            return Err(format!(
                "line {}: VEVENT has no DTEND or DURATION; a slot needs a length",
                event.line
            ));
        }
    };
    if minutes <= 0 || minutes > i64::from(MAX_SLOT_MINUTES) {
        return Err(format!(
            "line {}: the event lasts {minutes} minutes; accepted: 1 minute to 24 hours",
            event.line
        ));
    }
    Ok((starts_at, minutes as u32))
}

/// The slot kind a CATEGORIES value names, if one does.
fn kind_of(categories: &[String]) -> SlotKind {
    categories
        .iter()
        .find_map(|category| {
            let word = category.to_lowercase();
            SlotKind::parse(&word).or_else(|| {
                let kind = slot_kind(&word);
                (kind != SlotKind::Talk).then_some(kind)
            })
        })
        .unwrap_or(SlotKind::Talk)
}

fn status_of(status: Option<&str>) -> Status {
    match status.map(str::to_ascii_uppercase).as_deref() {
        Some("TENTATIVE") => Status::Planned,
        Some("CANCELLED") => Status::Cancelled,
        _ => Status::Confirmed,
    }
}

pub fn read(bytes: &[u8], options: &ReadOptions) -> Result<Plan> {
    let calendar = calendar(bytes)?;
    let zones = zones(&calendar);
    let mut problems = Vec::new();
    let mut raw = Vec::new();
    for event in calendar.children.iter().filter(|c| c.name == "VEVENT") {
        match raw_event(event, &zones) {
            Ok(event) => raw.push(event),
            Err(problem) => problems.push(problem),
        }
    }
    all_problems(problems)?;
    if raw.is_empty() {
        return Err(Error::Invalid("file: the calendar has no events".into()));
    }
    let zone = zone_of(&calendar, &raw, options)?;
    let own =
        (calendar.text("PRODID")).is_some_and(|prodid| prodid.starts_with("-//seminar//seminar "));
    if let Some(reference) = &options.seminar {
        // Into a seminar on record: every event a slot of it (of our own export, the
        // slots' events only).
        let sessions = session_uids(&calendar);
        let is_slot = |event: &RawEvent| !own || own_slot(&sessions, event);
        let mut plan = Plan::default();
        for (line, event) in events(&raw, zone, is_slot)? {
            plan.slots.push(SlotEntry {
                place: format!("line {line}"),
                seminar: reference.clone(),
                starts_at: event.starts_at,
                slot: NewSlot {
                    title: event.title,
                    kind: event.kind,
                    at: NaiveTime::MIN,
                    on: None,
                    minutes: event.minutes,
                    people: Vec::new(),
                    uid: event.uid,
                    place: SlotPlace {
                        room: event.room,
                        session: None,
                        track: None,
                    },
                    details: event.details,
                },
            });
        }
        return Ok(plan);
    }
    if own {
        return own_export(&calendar, raw, zone);
    }
    let title = calendar
        .text("X-WR-CALNAME")
        .or_else(|| raw.iter().find_map(|event| event.title.clone()))
        .ok_or_else(|| {
            Error::Invalid("file: the calendar has no X-WR-CALNAME and no event a SUMMARY".into())
        })?;
    let events = (events(&raw, zone, |_| true)?.into_iter())
        .map(|(_, event)| event)
        .collect();
    let mut plan = Plan::default();
    plan.seminars.push(
        seminar(title, None, zone, None, events, &BTreeMap::new())
            .map(|entry| SeminarEntry {
                updates: Updates::Nothing,
                ..entry
            })
            .map_err(|problem| Error::Invalid(format!("calendar: {problem}")))?,
    );
    Ok(plan)
}

/// The timed events `keep` selects as slots (a daily rule's occurrences each one); all-day
/// events mark a seminar's days and are left out when timed events fill those days.
fn events(
    raw: &[RawEvent],
    zone: Zone,
    keep: impl Fn(&RawEvent) -> bool,
) -> Result<Vec<(usize, Event)>> {
    let mut events = Vec::new();
    let mut problems = Vec::new();
    let mut whole_days = Vec::new();
    for event in raw.iter().filter(|event| keep(event)) {
        if let When::Day(day) = event.start {
            whole_days.push((event.start_line, day));
            continue;
        }
        let (starts_at, minutes) = match placed(event, zone) {
            Ok(placed) => placed,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let title = match &event.title {
            Some(title) => title.clone(),
            None => {
                problems.push(format!("line {}: VEVENT has no SUMMARY", event.line));
                continue;
            }
        };
        let links = event
            .url
            .iter()
            .map(|href| Link {
                href: href.clone(),
                title: String::new(),
            })
            .collect::<Vec<_>>();
        for occurrence in 0..event.occurrences {
            let starts_at = starts_at + Duration::days(i64::from(occurrence));
            // A later occurrence keeps its wall-clock time over a clock change.
            let starts_at = match occurrence {
                0 => starts_at,
                _ => {
                    let first = starts_at - Duration::days(i64::from(occurrence));
                    let local = first.with_timezone(&zone).naive_local()
                        + Duration::days(i64::from(occurrence));
                    match local_instant(zone, local.date(), local.time()) {
                        Ok(at) => at,
                        Err(problem) => {
                            problems.push(format!("line {}: RRULE: {problem}", event.line));
                            continue;
                        }
                    }
                }
            };
            events.push((
                event.line,
                Event {
                    day: starts_at.with_timezone(&zone).date_naive(),
                    room: event.location.clone(),
                    starts_at,
                    minutes,
                    title: title.clone(),
                    kind: kind_of(&event.categories),
                    track: None,
                    details: SlotDetails {
                        summary: event.description.clone(),
                        language: None,
                        links: links.clone(),
                    },
                    people: Vec::new(),
                    uid: (occurrence == 0)
                        .then(|| event.uid.as_deref().and_then(canonical_uid))
                        .flatten(),
                },
            ));
        }
    }
    let timed_days: BTreeSet<NaiveDate> = events.iter().map(|(_, event)| event.day).collect();
    for (line, day) in whole_days {
        if !timed_days.contains(&day) {
            problems.push(format!(
                "line {line}: an all-day event on {day}, a day with no timed events; a slot needs a time (give it one, or remove the event)"
            ));
        }
    }
    all_problems(problems)?;
    if events.is_empty() {
        return Err(Error::Invalid(
            "file: the calendar has no timed events".into(),
        ));
    }
    Ok(events)
}

/// The sessions of our own export: the uids its slot events name in X-SEMINAR-SESSION.
fn session_uids(calendar: &Component) -> BTreeSet<String> {
    (calendar.children.iter())
        .filter_map(|event| event.text("X-SEMINAR-SESSION"))
        .collect()
}

/// Whether an event of our own export is a slot's: related to a seminar, and not a
/// session's (which slots name in X-SEMINAR-SESSION, and whose kind is a session kind).
fn own_slot(sessions: &BTreeSet<String>, event: &RawEvent) -> bool {
    let is_session_kind = |category: &String| {
        (crate::model::SessionKind::ALL.iter())
            .any(|kind| kind.as_str().eq_ignore_ascii_case(category))
    };
    event.related_to.is_some()
        && !event.uid.as_ref().is_some_and(|uid| sessions.contains(uid))
        && !event.categories.iter().any(is_session_kind)
}

/// Our own export: each seminar from its per-day events, its slots from the events related
/// to it that are not its sessions'.
fn own_export(calendar: &Component, raw: Vec<RawEvent>, zone: Zone) -> Result<Plan> {
    let sessions = session_uids(calendar);
    let mut seminars: Vec<(String, Vec<&RawEvent>)> = Vec::new();
    for event in &raw {
        if event.related_to.is_some() {
            continue;
        }
        if let Some((uid, _)) = event.uid.as_deref().and_then(own_seminar_uid) {
            match seminars.iter_mut().find(|(known, _)| *known == uid) {
                Some((_, days)) => days.push(event),
                None => seminars.push((uid, vec![event])),
            }
        }
    }
    let mut plan = Plan::default();
    for (uid, days) in seminars {
        let first = days[0];
        let title = first
            .title
            .clone()
            .ok_or_else(|| Error::Invalid(format!("line {}: VEVENT has no SUMMARY", first.line)))?;
        let venue = first.location.clone();
        let mut hours = BTreeMap::new();
        for day in &days {
            let (starts_at, minutes) = placed(day, zone).map_err(Error::Invalid)?;
            let ends_at = starts_at + Duration::minutes(i64::from(minutes));
            hours.insert(
                starts_at.with_timezone(&zone).date_naive(),
                (starts_at, ends_at),
            );
        }
        let is_slot = |event: &RawEvent| {
            event.related_to.as_deref().and_then(canonical_uid).as_ref() == Some(&uid)
                && own_slot(&sessions, event)
        };
        let mut events: Vec<Event> = (events(&raw, zone, is_slot)?.into_iter())
            .map(|(_, event)| event)
            .collect();
        for event in &mut events {
            event.details.summary = None;
            // A room of the venue is written `Room, Venue`.
            if let (Some(room), Some(venue)) = (&event.room, &venue)
                && let Some(name) =
                    (room.strip_suffix(venue.as_str())).and_then(|room| room.strip_suffix(", "))
            {
                event.room = Some(name.to_string());
            }
        }
        let mut entry = seminar(title, None, zone, venue, events, &hours)
            .map_err(|problem| Error::Invalid(format!("calendar: {problem}")))?;
        entry.seminar.uid = Some(uid);
        entry.updates = Updates::Nothing;
        entry.seminar.status = status_of(first.status.as_deref());
        plan.seminars.push(entry);
    }
    if plan.seminars.is_empty() {
        return Err(Error::Invalid(
            "file: written by seminar, but it has no seminar events".into(),
        ));
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_are_undone_on_bytes_even_inside_a_character() {
        let mut file = b"BEGIN:VCALENDAR\r\nSUMMARY:caf\xC3".to_vec();
        file.extend_from_slice(b"\r\n \xA9 ok\r\nEND:VCALENDAR\r\n");
        let lines = content_lines(&file).unwrap();
        assert_eq!(lines[1], (2, "SUMMARY:café ok".to_string()));
        assert_eq!(lines[2].0, 4);
    }

    #[test]
    fn parameters_may_quote_colons() {
        let p = property(
            3,
            "DTSTART;TZID=\"Europe/Berlin:x\";VALUE=DATE-TIME:20270512T090000",
        )
        .unwrap();
        assert_eq!(p.name, "DTSTART");
        assert_eq!(p.param("tzid"), Some("Europe/Berlin:x"));
        assert_eq!(p.value, "20270512T090000");
    }

    #[test]
    fn text_values_lose_their_escapes() {
        assert_eq!(unescape(r"a\, b\; c\nd\\e"), "a, b; c\nd\\e");
        assert_eq!(
            split_list(r"Talk,Coffee\, tea"),
            vec!["Talk", "Coffee, tea"]
        );
    }

    #[test]
    fn durations_read_as_minutes() {
        assert_eq!(duration_minutes("PT1H30M"), Some(90));
        assert_eq!(duration_minutes("PT45M"), Some(45));
        assert_eq!(duration_minutes("PT30S"), Some(1));
        assert_eq!(duration_minutes("P1D"), Some(1440));
        assert_eq!(duration_minutes("-PT1H"), None);
        assert_eq!(duration_minutes("1 hour"), None);
    }

    #[test]
    fn only_simple_daily_rules_expand() {
        assert_eq!(daily_count("FREQ=DAILY;COUNT=3"), Some(3));
        assert_eq!(daily_count("FREQ=WEEKLY;COUNT=3"), None);
        assert_eq!(daily_count("FREQ=DAILY;UNTIL=20270520T000000Z"), None);
        assert_eq!(daily_count("FREQ=DAILY;COUNT=400"), None);
    }

    #[test]
    fn zone_names_as_programs_write_them() {
        assert_eq!(iana("Europe/Berlin"), Some(Zone::known("Europe/Berlin")));
        assert_eq!(iana("/Asia/Jakarta"), Some(Zone::known("Asia/Jakarta")));
        assert_eq!(
            iana("/mozilla.org/20050126_1/Europe/Berlin"),
            Some(Zone::known("Europe/Berlin"))
        );
        assert_eq!(iana("W. Europe Standard Time"), None);
        assert_eq!(fixed_zone("+0700"), Some(Zone::known("Etc/GMT-7")));
        assert_eq!(fixed_zone("+0530"), None);
    }

    #[test]
    fn our_seminar_event_uids_name_their_day() {
        let uid = "0b5b3f0e-8a4e-4c1a-9d3e-5f6a7b8c9d0e";
        assert_eq!(own_seminar_uid(uid), Some((uid.to_string(), 1)));
        assert_eq!(
            own_seminar_uid(&format!("{uid}-day2")),
            Some((uid.to_string(), 2))
        );
        assert_eq!(own_seminar_uid("indico-event-12@indico.cern.ch"), None);
    }
}
