//! Seminars from a frab / C3VOC `schedule.xml`, as pretalx, frab and wafer export it.
//!
//! Each room becomes a seminar (its venue), spanning the days on which the room has events,
//! from the earliest start to the latest end; events become slots and their persons
//! speakers. A schedule with one room keeps the conference title and acronym; with several,
//! each seminar is titled `Conference — Room`. The reader never resolves DTDs or external
//! entities: a document that declares entities is refused.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;

use super::{ReadOptions, all_problems};
use crate::error::{Error, Result};
use crate::model::slug::validate_slug;
use crate::model::time::parse_zone;
use crate::model::{
    FIRST_YEAR, LAST_YEAR, MAX_SLOT_MINUTES, RoleKind, Schedule, SlotKind, Status, canonical_uid,
};
use crate::ops::import::{Plan, SeminarEntry};
use crate::ops::people::NewRole;
use crate::ops::seminars::NewSeminar;
use crate::ops::slots::NewSlot;

#[derive(Deserialize)]
struct ScheduleXml {
    conference: ConferenceXml,
    #[serde(default, rename = "day")]
    days: Vec<DayXml>,
}

#[derive(Deserialize)]
struct ConferenceXml {
    title: Option<String>,
    acronym: Option<String>,
    time_zone_name: Option<String>,
}

#[derive(Deserialize)]
struct DayXml {
    #[serde(rename = "@date")]
    date: Option<String>,
    #[serde(default, rename = "room")]
    rooms: Vec<RoomXml>,
}

#[derive(Deserialize)]
struct RoomXml {
    #[serde(rename = "@name")]
    name: String,
    #[serde(default, rename = "event")]
    events: Vec<EventXml>,
}

#[derive(Deserialize)]
struct EventXml {
    #[serde(rename = "@id")]
    id: Option<String>,
    #[serde(rename = "@guid")]
    guid: Option<String>,
    date: Option<String>,
    start: Option<String>,
    duration: Option<String>,
    title: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    persons: Option<PersonsXml>,
}

#[derive(Deserialize)]
struct PersonsXml {
    #[serde(default, rename = "person")]
    people: Vec<PersonXml>,
}

#[derive(Deserialize)]
struct PersonXml {
    #[serde(rename = "@public_name")]
    public_name: Option<String>,
    #[serde(rename = "$text", default)]
    name: String,
}

/// Whether XML 1.0 allows `c` in a document (its `Char` production).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// The first character that XML 1.0 forbids, written as it is or as a character reference
/// (`&#27;`, `&#xFFFE;`), with its line. quick-xml accepts both, so they are looked for
/// here; references inside comments and CDATA sections are plain text and not looked at.
fn forbidden_character(text: &str) -> Option<(usize, String)> {
    let line_of = |at: usize| text[..at].matches('\n').count() + 1;
    if let Some((at, c)) = text.char_indices().find(|(_, c)| !is_xml_char(*c)) {
        return Some((line_of(at), format!("a character U+{:04X}", c as u32)));
    }
    let mut rest = 0;
    while let Some(found) = text[rest..].find(['&', '<']) {
        let at = rest + found;
        let tail = &text[at..];
        let skip_to = |end: &str| tail.find(end).map_or(text.len(), |end_at| at + end_at);
        if tail.starts_with("<!--") {
            rest = skip_to("-->");
        } else if tail.starts_with("<![CDATA[") {
            rest = skip_to("]]>");
        } else if let Some(reference) = tail.strip_prefix("&#") {
            let end = reference.find(';').unwrap_or(reference.len());
            let number = &reference[..end];
            let code = match number.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16),
                None => number.parse::<u32>(),
            };
            let allowed = code.ok().and_then(char::from_u32).is_some_and(is_xml_char);
            if !allowed {
                return Some((line_of(at), format!("the character reference &#{number};")));
            }
            rest = at + 2;
        } else {
            rest = at + 1;
        }
    }
    None
}

/// An event, checked and placed in time.
struct Event {
    starts_at: DateTime<Utc>,
    minutes: u32,
    title: String,
    kind: SlotKind,
    people: Vec<String>,
    uid: Option<String>,
}

pub fn read(text: &str, options: &ReadOptions) -> Result<Plan> {
    if let Some((line, problem)) = forbidden_character(text) {
        return Err(Error::Invalid(format!(
            "line {line}: {problem}, which XML 1.0 does not allow in a document; remove it and import again"
        )));
    }
    if text.contains("<!ENTITY") {
        return Err(Error::Invalid(
            "file: the XML declares entities, which a schedule never needs; refused for safety"
                .into(),
        ));
    }
    let schedule: ScheduleXml = quick_xml::de::from_str(text).map_err(|error| {
        Error::Invalid(format!(
            "file: not a frab schedule.xml (<schedule> with <conference> and <day>s): {error}"
        ))
    })?;
    let conference = &schedule.conference;
    let zone = match conference.time_zone_name.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => parse_zone(name)
            .map_err(|e| Error::Invalid(format!("conference time_zone_name: {e}")))?,
        _ => options.default_zone,
    };
    let title = conference
        .title
        .as_deref()
        .map(str::trim)
        .filter(|title| !title.is_empty())
        .ok_or_else(|| Error::Invalid("conference: it has no title".into()))?
        .to_string();

    let mut rooms: BTreeMap<String, Vec<Event>> = BTreeMap::new();
    let mut problems = Vec::new();
    for day in &schedule.days {
        for room in &day.rooms {
            for (index, event) in room.events.iter().enumerate() {
                let place = match &event.id {
                    Some(id) => format!("event {id}"),
                    None => format!("room '{}' event {}", room.name, index + 1),
                };
                match checked(event, day, zone) {
                    Ok(event) => rooms
                        .entry(room.name.trim().to_string())
                        .or_default()
                        .push(event),
                    Err(problem) => problems.push(format!("{place}: {problem}")),
                }
            }
        }
    }
    all_problems(problems)?;
    if rooms.is_empty() {
        return Err(Error::Invalid("file: the schedule has no events".into()));
    }
    let one_room = rooms.len() == 1;
    let mut plan = Plan::default();
    for (room, events) in rooms {
        let seminar_title = if one_room {
            title.clone()
        } else {
            format!("{title} — {room}")
        };
        let slug = conference
            .acronym
            .as_deref()
            .map(|acronym| acronym.trim().to_lowercase())
            .filter(|acronym| one_room && validate_slug(acronym).is_ok());
        plan.seminars.push(
            seminar(&room, seminar_title, slug, zone, events)
                .map_err(|problem| Error::Invalid(format!("room '{room}': {problem}")))?,
        );
    }
    Ok(plan)
}

fn checked(event: &EventXml, day: &DayXml, zone: Tz) -> Result<Event, String> {
    let title = event
        .title
        .as_deref()
        .map(str::trim)
        .filter(|title| !title.is_empty())
        .ok_or("title: empty")?
        .to_string();
    let starts_at = match (&event.date, &event.start, &day.date) {
        (Some(date), _, _) => crate::model::time::parse_rfc3339_in(date, zone)
            .map_err(|_| format!("date: '{date}' is not a time like 2017-05-18T09:15:00+07:00"))?,
        (None, Some(start), Some(day)) => {
            let day: NaiveDate = day
                .trim()
                .parse()
                .map_err(|_| format!("day date: '{day}' is not a date"))?;
            let time = NaiveTime::parse_from_str(start.trim(), "%H:%M")
                .map_err(|_| format!("start: '{start}' is not a time like 09:15"))?;
            crate::model::time::local_instant(zone, day, time)?
        }
        _ => {
            return Err(
                "date: missing; an event needs <date> or a <start> within a dated <day>".into(),
            );
        }
    };
    let year = starts_at.year();
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(format!(
            "date: the year {year} is out of range; accepted: {FIRST_YEAR} to {LAST_YEAR}"
        ));
    }
    let duration = event.duration.as_deref().unwrap_or("").trim();
    let minutes = parse_duration(duration)
        .ok_or_else(|| format!("duration: '{duration}' is not a length like 00:30 or 01:30:00"))?;
    if minutes == 0 || minutes > MAX_SLOT_MINUTES {
        return Err(format!(
            "duration: {duration} is out of range; accepted: 00:01 to 24:00"
        ));
    }
    let people = event
        .persons
        .iter()
        .flat_map(|persons| &persons.people)
        .map(|person| {
            let name = person.name.trim();
            if name.is_empty() {
                person
                    .public_name
                    .as_deref()
                    .unwrap_or("")
                    .trim()
                    .to_string()
            } else {
                name.to_string()
            }
        })
        .filter(|name| !name.is_empty())
        .collect();
    Ok(Event {
        starts_at,
        minutes,
        title,
        kind: slot_kind(event.kind.as_deref().unwrap_or("")),
        people,
        uid: event.guid.as_deref().and_then(canonical_uid),
    })
}

/// `HH:MM` or `HH:MM:SS` as whole minutes (seconds rounded up).
fn parse_duration(text: &str) -> Option<u32> {
    let parts: Vec<&str> = text.split(':').collect();
    let number = |part: &str| part.parse::<u32>().ok();
    match parts.as_slice() {
        [hours, minutes] => Some(number(hours)? * 60 + number(minutes)?),
        [hours, minutes, seconds] => {
            let seconds = number(seconds)?;
            Some(number(hours)? * 60 + number(minutes)? + u32::from(seconds > 0))
        }
        _ => None,
    }
}

/// The slot kind closest to a free-form event type (`Talk`, `Workshop`, `Coffee break`...).
fn slot_kind(kind: &str) -> SlotKind {
    let kind = kind.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|word| kind.contains(word));
    if has(&["panel", "podium", "diskusi panel"]) {
        SlotKind::Panel
    } else if has(&["break", "pause", "lunch", "coffee", "istirahat", "rehat"]) {
        SlotKind::Break
    } else if has(&["opening", "welcome", "keynote opening", "pembukaan"]) {
        SlotKind::Opening
    } else if has(&["closing", "penutupan"]) {
        SlotKind::Closing
    } else if has(&["q&a", "qa", "questions", "tanya jawab"]) {
        SlotKind::Qa
    } else {
        SlotKind::Talk
    }
}

fn seminar(
    room: &str,
    title: String,
    slug: Option<String>,
    zone: Tz,
    mut events: Vec<Event>,
) -> Result<SeminarEntry, String> {
    events.sort_by_key(|event| event.starts_at);
    let local = |at: DateTime<Utc>| at.with_timezone(&zone).naive_local();
    let mut first_day = NaiveDate::MAX;
    let mut last_day = NaiveDate::MIN;
    let mut start = NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN);
    let mut end = NaiveTime::MIN;
    for event in &events {
        let begins = local(event.starts_at);
        let length = chrono::Duration::minutes(i64::from(event.minutes));
        // When the clocks go back during an event, its end reads earlier on the wall than
        // its start (02:30 + 30 min = 02:00), and the day's hours would end before they
        // begin. The start's wall time plus the length is then later, and reaches the end:
        // the repeated hour resolves to its first occurrence.
        let ends = local(event.starts_at + length).max(begins + length);
        if ends.date() > begins.date() {
            // A seminar's hours lie within each of its days.
            return Err(format!(
                "'{}' ends at or after midnight; events must end by 23:59",
                event.title
            ));
        }
        first_day = first_day.min(begins.date());
        last_day = last_day.max(begins.date());
        start = start.min(begins.time());
        end = end.max(ends.time());
    }
    let mut roles: Vec<NewRole> = Vec::new();
    for name in events.iter().flat_map(|event| &event.people) {
        if !roles.iter().any(|role| &role.name == name) {
            roles.push(NewRole {
                kind: RoleKind::Speaker,
                name: name.clone(),
                institution: None,
                position: None,
                email: None,
                phone: None,
                talk: None,
                from_file: crate::ops::FileIdentity {
                    uid: None,
                    exact_name: true,
                },
            });
        }
    }
    let slots = events
        .into_iter()
        .map(|event| {
            let begins = local(event.starts_at);
            NewSlot {
                title: event.title,
                kind: event.kind,
                at: begins.time(),
                on: Some(begins.date()),
                minutes: event.minutes,
                people: event.people,
                uid: event.uid,
            }
        })
        .collect();
    Ok(SeminarEntry {
        place: format!("room '{room}'"),
        seminar: NewSeminar {
            title,
            schedule: Schedule {
                zone,
                first_day,
                last_day,
                start,
                end,
            },
            venue: Some(room.to_string()),
            subtitle: None,
            organizers: Vec::new(),
            description: None,
            slug,
            status: Status::Confirmed,
            uid: None,
        },
        venue: None,
        roles,
        slots,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_minutes() {
        assert_eq!(parse_duration("00:30"), Some(30));
        assert_eq!(parse_duration("01:30:00"), Some(90));
        assert_eq!(parse_duration("00:00:30"), Some(1));
        assert_eq!(parse_duration("half an hour"), None);
    }

    #[test]
    fn event_types_map_to_slot_kinds() {
        assert_eq!(slot_kind("Talk"), SlotKind::Talk);
        assert_eq!(slot_kind("Workshop"), SlotKind::Talk);
        assert_eq!(slot_kind("Coffee Break"), SlotKind::Break);
        assert_eq!(slot_kind("Panel discussion"), SlotKind::Panel);
        assert_eq!(slot_kind("Q&A"), SlotKind::Qa);
    }
}
