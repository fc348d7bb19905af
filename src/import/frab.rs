//! Seminars from a frab / C3VOC `schedule.xml`, as pretalx, frab and wafer export it.
//!
//! A schedule from elsewhere is one seminar: the conference's title and acronym, its days
//! with their hours, each event a slot in its room (a venue of that name; the rooms of one
//! file are never taken for near-duplicates of each other), its persons speakers: one
//! person per `id` (else per `guid`), their `guid` as their uid. A schedule our own export
//! wrote carries each seminar's record in a conference track and names it in each event's
//! slug (see [`crate::render::frab`]): it comes back as those seminars, with their
//! sessions, chairs and people. The reader never resolves DTDs or external entities: a
//! document that declares entities is refused.

use std::collections::BTreeMap;

use crate::model::zone::Zone;
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Offset, Utc};
use serde::Deserialize;

use super::{ReadOptions, all_problems};
use crate::error::{Error, Result};
use crate::model::slug::validate_slug;
use crate::model::time::parse_zone;
use crate::model::{
    FIRST_YEAR, LAST_YEAR, LONGEST_DAY_HOURS, Link, MAX_SLOT_MINUTES, RoleKind, Schedule,
    SlotDetails, SlotKind, Status, canonical_uid,
};
use crate::ops::import::{Plan, SeminarEntry};
use crate::ops::people::NewRole;
use crate::ops::seminars::NewSeminar;
use crate::ops::slots::{NewSlot, SlotPlace};

#[derive(Deserialize)]
struct ScheduleXml {
    generator: Option<GeneratorXml>,
    conference: ConferenceXml,
    #[serde(default, rename = "day")]
    days: Vec<DayXml>,
}

#[derive(Deserialize)]
struct GeneratorXml {
    #[serde(rename = "@name")]
    name: Option<String>,
}

#[derive(Deserialize)]
struct ConferenceXml {
    title: Option<String>,
    acronym: Option<String>,
    time_zone_name: Option<String>,
    #[serde(default, rename = "track")]
    tracks: Vec<TrackXml>,
}

/// A conference track; in our own export, a seminar with its record as its text.
#[derive(Deserialize)]
struct TrackXml {
    #[serde(rename = "@name")]
    name: Option<String>,
    #[serde(rename = "$text", default)]
    record: String,
}

#[derive(Deserialize)]
struct DayXml {
    #[serde(rename = "@date")]
    date: Option<String>,
    #[serde(rename = "@start")]
    start: Option<String>,
    #[serde(rename = "@end")]
    end: Option<String>,
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
    track: Option<String>,
    language: Option<String>,
    #[serde(rename = "abstract")]
    summary: Option<String>,
    slug: Option<String>,
    persons: Option<PersonsXml>,
    links: Option<LinksXml>,
}

#[derive(Deserialize)]
struct PersonsXml {
    #[serde(default, rename = "person")]
    people: Vec<PersonXml>,
}

#[derive(Deserialize)]
struct PersonXml {
    #[serde(rename = "@id")]
    id: Option<String>,
    #[serde(rename = "@guid")]
    guid: Option<String>,
    #[serde(rename = "@public_name")]
    public_name: Option<String>,
    #[serde(rename = "$text", default)]
    name: String,
}

#[derive(Deserialize)]
struct LinksXml {
    #[serde(default, rename = "link")]
    links: Vec<LinkXml>,
}

#[derive(Deserialize)]
struct LinkXml {
    #[serde(rename = "@href")]
    href: Option<String>,
    #[serde(rename = "$text", default)]
    title: String,
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

/// An event, checked and placed in time and in its room (the seminar's venue when `None`).
pub(super) struct Event {
    /// The schedule day it is listed under: events after midnight stay on their day.
    pub(super) day: NaiveDate,
    pub(super) room: Option<String>,
    pub(super) starts_at: DateTime<Utc>,
    pub(super) minutes: u32,
    pub(super) title: String,
    pub(super) kind: SlotKind,
    pub(super) track: Option<String>,
    pub(super) details: SlotDetails,
    pub(super) people: Vec<FilePerson>,
    pub(super) uid: Option<String>,
}

/// A person of the file: the name they first have in it, and their uid (their `guid`, or
/// one given here to a person the file names by an `id` only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FilePerson {
    name: String,
    uid: Option<String>,
}

impl FilePerson {
    /// How a slot names them: by their uid, else by name.
    fn reference(&self) -> String {
        self.uid.clone().unwrap_or_else(|| self.name.clone())
    }
}

fn person_name(person: &PersonXml) -> &str {
    match person.name.trim() {
        "" => person.public_name.as_deref().unwrap_or("").trim(),
        name => name,
    }
}

/// What makes two persons of a file one: their `id` (pretalx writes the `guid` only on a
/// person's first appearance), else their `guid`.
fn person_key(person: &PersonXml) -> Option<String> {
    let id = person
        .id
        .as_deref()
        .map(str::trim)
        .filter(|id| !id.is_empty());
    let guid = person.guid.as_deref().and_then(canonical_uid);
    match (id, guid) {
        (Some(id), _) => Some(format!("id {id}")),
        (None, Some(guid)) => Some(format!("guid {guid}")),
        (None, None) => None,
    }
}

/// Every person of the file with an id or guid, by [`person_key`]: one key is one person,
/// under the name they first have; persons with different keys are different people.
fn people_of(schedule: &ScheduleXml) -> BTreeMap<String, FilePerson> {
    let mut people: BTreeMap<String, FilePerson> = BTreeMap::new();
    let persons = (schedule.days.iter())
        .flat_map(|day| &day.rooms)
        .flat_map(|room| &room.events)
        .flat_map(|event| &event.persons)
        .flat_map(|persons| &persons.people);
    for person in persons {
        let name = person_name(person);
        let Some(key) = person_key(person).filter(|_| !name.is_empty()) else {
            continue;
        };
        let known = people.entry(key).or_insert_with(|| FilePerson {
            name: name.to_string(),
            uid: None,
        });
        if known.uid.is_none() {
            known.uid = person.guid.as_deref().and_then(canonical_uid);
        }
    }
    for person in people.values_mut() {
        person.uid.get_or_insert_with(crate::model::new_uid);
    }
    people
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
    if let Some(plan) = own_export(&schedule)? {
        return Ok(plan);
    }
    let conference = &schedule.conference;
    let zone = zone_of(&schedule, options)?;
    let title = conference
        .title
        .as_deref()
        .map(str::trim)
        .filter(|title| !title.is_empty())
        .ok_or_else(|| Error::Invalid("conference: it has no title".into()))?
        .to_string();

    let people = people_of(&schedule);
    let mut events = Vec::new();
    let mut hours: BTreeMap<NaiveDate, (DateTime<Utc>, DateTime<Utc>)> = BTreeMap::new();
    let mut problems = Vec::new();
    for (index, day) in schedule.days.iter().enumerate() {
        let place = format!("day {}", index + 1);
        let date = match day
            .date
            .as_deref()
            .map(|date| date.trim().parse::<NaiveDate>())
        {
            Some(Ok(date)) => Some(date),
            Some(Err(_)) => {
                problems.push(format!("{place}: date is not a date like 2017-05-18"));
                continue;
            }
            None => None,
        };
        if let (Some(date), Some(start), Some(end)) = (date, &day.start, &day.end) {
            let instant = |text: &str| crate::model::time::parse_rfc3339_in(text, zone);
            match (instant(start), instant(end)) {
                (Ok(start), Ok(end)) => {
                    hours.insert(date, (start, end));
                }
                _ => problems.push(format!(
                    "{place}: start and end are not times like 2017-05-18T09:00:00+07:00"
                )),
            }
        }
        for room in &day.rooms {
            for (index, event) in room.events.iter().enumerate() {
                let place = match &event.id {
                    Some(id) => format!("event {id}"),
                    None => format!("room '{}' event {}", room.name, index + 1),
                };
                match checked(event, day, date, room.name.trim(), zone, &people) {
                    Ok(event) => events.push(event),
                    Err(problem) => problems.push(format!("{place}: {problem}")),
                }
            }
        }
    }
    all_problems(problems)?;
    if events.is_empty() {
        return Err(Error::Invalid("file: the schedule has no events".into()));
    }
    let slug = conference
        .acronym
        .as_deref()
        .map(|acronym| acronym.trim().to_lowercase())
        .filter(|acronym| validate_slug(acronym).is_ok());
    let mut plan = Plan::default();
    plan.seminars.push(
        seminar(title, slug, zone, None, events, &hours)
            .map_err(|problem| Error::Invalid(format!("conference: {problem}")))?,
    );
    Ok(plan)
}

/// The seminars of a schedule `seminar export --format frab` wrote (its generator is
/// `seminar`, and each seminar is a conference track with its record), each as it was:
/// its record gives the seminar, its people and sessions; the events that name it in
/// their `<slug>` give its slots. `None` for a schedule written by anything else.
fn own_export(schedule: &ScheduleXml) -> Result<Option<Plan>> {
    let ours = (schedule.generator.as_ref()).and_then(|generator| generator.name.as_deref())
        == Some("seminar");
    let mut records: Vec<(String, serde_json::Value)> = Vec::new();
    for track in schedule.conference.tracks.iter().filter(|_| ours) {
        let place = format!(
            "conference track '{}'",
            track.name.as_deref().unwrap_or_default().trim()
        );
        if track.record.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value = serde_json::from_str(&track.record)
            .map_err(|error| Error::Invalid(format!("{place}: not a seminar record: {error}")))?;
        if !record
            .get("seminar")
            .is_some_and(serde_json::Value::is_object)
        {
            return Err(Error::Invalid(format!(
                "{place}: not a seminar record (it has no 'seminar')"
            )));
        }
        records.push((place, record));
    }
    if records.is_empty() {
        return Ok(None);
    }
    let slug_of =
        |record: &serde_json::Value| record["seminar"]["slug"].as_str().map(str::to_string);
    let slugs: Vec<Option<String>> = records.iter().map(|(_, record)| slug_of(record)).collect();
    let listed: Vec<Listed<'_>> = (records.iter())
        .map(|(_, record)| Listed::of(record))
        .collect();
    let mut slots: Vec<Vec<serde_json::Value>> = vec![Vec::new(); records.len()];
    let mut problems = Vec::new();
    for room in schedule.days.iter().flat_map(|day| &day.rooms) {
        for event in &room.events {
            let place = format!("event {}", event.id.as_deref().unwrap_or("?"));
            let named = (event.slug.as_deref())
                .and_then(crate::render::frab::seminar_of_event_slug)
                .and_then(|slug| slugs.iter().position(|own| own.as_deref() == Some(slug)));
            let index = match (named, records.len()) {
                (Some(index), _) => index,
                (None, 1) => 0,
                (None, _) => {
                    problems.push(format!(
                        "{place}: its slug names none of the file's seminars"
                    ));
                    continue;
                }
            };
            match own_slot(event, room.name.trim(), &listed[index]) {
                Ok(Some(slot)) => slots[index].push(slot),
                Ok(None) => {}
                Err(problem) => problems.push(format!("{place}: {problem}")),
            }
        }
    }
    all_problems(problems)?;
    let mut plan = Plan::default();
    for ((place, mut record), slots) in records.into_iter().zip(slots) {
        record["slots"] = serde_json::Value::Array(slots);
        let entry = super::json::programme_entry(record, &place)
            .map_err(|problem| Error::Invalid(format!("{place}: {problem}")))?;
        plan.seminars.push(entry);
    }
    Ok(Some(plan))
}

/// What a seminar's record says of the events that stand for it: its sessions' uids and
/// its slots' records, by uid.
struct Listed<'a> {
    sessions: std::collections::HashSet<String>,
    slots: std::collections::HashMap<String, &'a serde_json::Value>,
    has_slots: bool,
}

impl<'a> Listed<'a> {
    fn of(record: &'a serde_json::Value) -> Self {
        let by_uid = |list: &str| {
            (record[list].as_array().into_iter().flatten())
                .filter_map(|item| Some((canonical_uid(item["uid"].as_str()?)?, item)))
        };
        Listed {
            sessions: by_uid("sessions").map(|(uid, _)| uid).collect(),
            slots: by_uid("slots").collect(),
            has_slots: record["slots"]
                .as_array()
                .is_some_and(|slots| !slots.is_empty()),
        }
    }
}

/// An event of our own export as a slot of the seminar `listed` is of, in the shape of a
/// JSON archive's slot; `None` for an event that stands for the seminar itself or for one
/// of its sessions (which its record gives).
fn own_slot(
    event: &EventXml,
    room: &str,
    listed: &Listed<'_>,
) -> Result<Option<serde_json::Value>, String> {
    use serde_json::{Value, json};
    let guid = event.guid.as_deref().and_then(canonical_uid);
    if guid
        .as_ref()
        .is_some_and(|guid| listed.sessions.contains(guid))
    {
        return Ok(None);
    }
    let own = guid.as_ref().and_then(|guid| listed.slots.get(guid));
    if own.is_none() && !listed.has_slots && event.kind.as_deref() == Some("seminar") {
        return Ok(None);
    }
    let text = |value: &Option<String>| {
        value
            .as_deref()
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(str::to_string)
    };
    let duration = event.duration.as_deref().unwrap_or("").trim();
    let minutes = parse_duration(duration)
        .ok_or_else(|| format!("duration: '{duration}' is not a length like 00:30 or 01:30:00"))?;
    let kind = event.kind.as_deref().unwrap_or("").trim();
    let kind = SlotKind::parse(kind).unwrap_or_else(|| slot_kind(kind));
    let links: Vec<Value> = (event.links.iter())
        .flat_map(|links| &links.links)
        .filter_map(|link| {
            let href = link.href.as_deref()?.trim();
            (!href.is_empty()).then(|| json!({"href": href, "title": link.title.trim()}))
        })
        .collect();
    let mut slot = json!({
        "uid": guid,
        "kind": kind.as_str(),
        "title": text(&event.title).unwrap_or_default(),
        "starts_at": event.date.as_deref().unwrap_or_default().trim(),
        "minutes": minutes,
        "room": room,
        "links": links,
    });
    match own {
        Some(own) => {
            for field in [
                "role_ids",
                "session_id",
                "room",
                "track",
                "abstract",
                "language",
            ] {
                slot[field] = own[field].clone();
            }
        }
        None => {
            let people: Vec<&str> = (event.persons.iter())
                .flat_map(|persons| &persons.people)
                .map(person_name)
                .filter(|name| !name.is_empty())
                .collect();
            slot["people"] = json!(people);
            slot["track"] = json!(text(&event.track));
            slot["abstract"] = json!(text(&event.summary));
            slot["language"] = json!(text(&event.language));
        }
    }
    Ok(Some(slot))
}

/// The schedule's time zone: its `time_zone_name`, else the zone its times' offsets give
/// (`--tz` or the configured zone when they agree with them), else `--tz` or the
/// configured zone; never the machine's without being asked.
fn zone_of(schedule: &ScheduleXml, options: &ReadOptions) -> Result<Zone> {
    if let Some(name) = (schedule.conference.time_zone_name.as_deref())
        .map(str::trim)
        .filter(|name| !name.is_empty())
    {
        return parse_zone(name)
            .map_err(|e| Error::Invalid(format!("conference time_zone_name: {e}")));
    }
    let mut offsets = std::collections::BTreeSet::new();
    for text in schedule.days.iter().flat_map(|day| {
        [day.start.as_deref(), day.end.as_deref()]
            .into_iter()
            .flatten()
            .chain(
                day.rooms
                    .iter()
                    .flat_map(|room| room.events.iter().filter_map(|event| event.date.as_deref())),
            )
    }) {
        if let Ok(at) = DateTime::parse_from_rfc3339(text.trim()) {
            offsets.insert(at.offset().local_minus_utc());
        }
    }
    let agrees = |zone: Zone| {
        schedule.days.iter().all(|day| {
            day.rooms.iter().flat_map(|room| &room.events).all(|event| {
                event.date.as_deref().is_none_or(|text| {
                    DateTime::parse_from_rfc3339(text.trim()).is_ok_and(|at| {
                        at.with_timezone(&zone).offset().fix().local_minus_utc()
                            == at.offset().local_minus_utc()
                    })
                })
            })
        })
    };
    if let Some(zone) = options
        .zone
        .filter(|zone| !offsets.is_empty() && agrees(*zone))
    {
        return Ok(zone);
    }
    if let [offset] = offsets.iter().copied().collect::<Vec<_>>()[..]
        && offset % 3600 == 0
    {
        // The IANA names for whole-hour offsets count the other way: +07:00 is Etc/GMT-7.
        let hours = offset / 3600;
        let name = match hours {
            0 => "Etc/UTC".to_string(),
            h if h > 0 => format!("Etc/GMT-{h}"),
            h => format!("Etc/GMT+{}", -h),
        };
        if let Ok(zone) = name.parse::<Zone>() {
            return Ok(zone);
        }
    }
    match options.zone {
        Some(zone) if offsets.is_empty() => Ok(zone),
        _ => Err(Error::usage(
            "tz: the schedule names no time zone (no time_zone_name, and its times' offsets do not give one); pass --tz with the zone its times are in, e.g. --tz Asia/Jakarta",
        )),
    }
}

fn checked(
    event: &EventXml,
    day: &DayXml,
    date: Option<NaiveDate>,
    room: &str,
    zone: Zone,
    people_by_key: &BTreeMap<String, FilePerson>,
) -> Result<Event, String> {
    let title = event
        .title
        .as_deref()
        .map(str::trim)
        .filter(|title| !title.is_empty())
        .ok_or("title: empty")?
        .to_string();
    let starts_at = match (&event.date, &event.start, &day.date) {
        // A <start> after midnight on a day that runs past it is the next morning's; the
        // <date> says so, and is read first.
        (Some(date), _, _) => crate::model::time::parse_rfc3339_in(date, zone)
            .map_err(|_| format!("date: '{date}' is not a time like 2017-05-18T09:15:00+07:00"))?,
        (None, Some(start), Some(date)) => {
            let date: NaiveDate = date
                .trim()
                .parse()
                .map_err(|_| format!("day date: '{date}' is not a date"))?;
            let time = NaiveTime::parse_from_str(start.trim(), "%H:%M")
                .map_err(|_| format!("start: '{start}' is not a time like 09:15"))?;
            // Before the day's own start is after midnight, on a day that runs past it.
            let day_starts = (day.start.as_deref())
                .and_then(|text| crate::model::time::parse_rfc3339_in(text, zone).ok())
                .map(|at| at.with_timezone(&zone).time());
            let date = match day_starts {
                Some(day_start) if time < day_start => date.succ_opt().unwrap_or(date),
                _ => date,
            };
            crate::model::time::local_instant(zone, date, time)?
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
    let mut people = Vec::new();
    for person in event.persons.iter().flat_map(|persons| &persons.people) {
        let name = person_name(person);
        if name.is_empty() {
            continue;
        }
        let person = match person_key(person) {
            Some(key) => people_by_key[&key].clone(),
            None => FilePerson {
                name: name.to_string(),
                uid: None,
            },
        };
        if !people.contains(&person) {
            people.push(person);
        }
    }
    let text = |value: &Option<String>| {
        value
            .as_deref()
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(str::to_string)
    };
    let links = (event.links.iter())
        .flat_map(|links| &links.links)
        .filter_map(|link| {
            let href = link.href.as_deref()?.trim();
            (!href.is_empty()).then(|| Link {
                href: href.to_string(),
                title: link.title.trim().to_string(),
            })
        })
        .collect();
    Ok(Event {
        day: date.unwrap_or_else(|| starts_at.with_timezone(&zone).date_naive()),
        room: Some(room.to_string()),
        starts_at,
        minutes,
        title,
        kind: slot_kind(event.kind.as_deref().unwrap_or("")),
        track: text(&event.track),
        details: SlotDetails {
            summary: text(&event.summary),
            language: text(&event.language),
            links,
        },
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
pub(super) fn slot_kind(kind: &str) -> SlotKind {
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

/// The conference as one seminar: its days with their hours (the `<day>`'s start and end,
/// else its events' first start and last end), its rooms, and every event a slot in its
/// room. The seminar's venue is `venue`, else the one room of all events.
pub(super) fn seminar(
    title: String,
    slug: Option<String>,
    zone: Zone,
    venue: Option<String>,
    mut events: Vec<Event>,
    hours: &BTreeMap<NaiveDate, (DateTime<Utc>, DateTime<Utc>)>,
) -> Result<SeminarEntry, String> {
    events.sort_by(|a, b| (a.starts_at, &a.room).cmp(&(b.starts_at, &b.room)));
    let local = |at: DateTime<Utc>| at.with_timezone(&zone).naive_local();
    let mut spans: BTreeMap<NaiveDate, (DateTime<Utc>, DateTime<Utc>)> = BTreeMap::new();
    for event in &events {
        let ends = event.starts_at + chrono::Duration::minutes(i64::from(event.minutes));
        let span = spans.entry(event.day).or_insert((event.starts_at, ends));
        span.0 = span.0.min(event.starts_at);
        span.1 = span.1.max(ends);
    }
    let first_day = *spans.keys().next().ok_or("the schedule has no events")?;
    let last_day = *spans.keys().next_back().unwrap_or(&first_day);
    // Each day's hours: the file's, widened to hold its events.
    let mut day_hours = Vec::new();
    for (day, (first, last)) in &spans {
        // The file's hours for the day where they are a day's (pretalx gives 04:00–03:59,
        // the whole day: then the events' span), widened to hold its events.
        let (start, end) = match hours.get(day) {
            Some((day_start, day_end))
                if (*day_end - *day_start).num_hours() <= LONGEST_DAY_HOURS =>
            {
                ((*day_start).min(*first), (*day_end).max(*last))
            }
            _ => (*first, *last),
        };
        // When the clocks go back in between, the end's wall time can read earlier than the
        // start's: the start's wall time plus the length reaches it.
        let end_wall = local(end).max(local(start) + (end - start));
        if end - start >= chrono::Duration::hours(24) {
            return Err(format!(
                "day {day}: its events run from {} to {}, more than a day",
                local(start).format("%Y-%m-%d %H:%M"),
                end_wall.format("%Y-%m-%d %H:%M")
            ));
        }
        let (start, end) = (local(start).time(), end_wall.time());
        crate::model::check_day_hours(start, end).map_err(|e| format!("day {day}: {e}"))?;
        day_hours.push((*day, start, end));
    }
    let (_, start, end) = day_hours[0];
    let mut schedule = Schedule::daily(zone, first_day, last_day, start, end);
    for (day, start, end) in &day_hours[1..] {
        schedule.set_hours(*day, *start, *end);
    }
    let rooms: std::collections::BTreeSet<&str> = (events.iter())
        .filter_map(|event| event.room.as_deref())
        .collect();
    let venue = venue.or_else(|| match rooms.iter().collect::<Vec<_>>()[..] {
        [one] => Some(one.to_string()),
        _ => None,
    });
    let mut roles: Vec<NewRole> = Vec::new();
    for person in events.iter().flat_map(|event| &event.people) {
        let known = |role: &NewRole| match &person.uid {
            Some(uid) => role.from_file.uid.as_ref() == Some(uid),
            None => role.from_file.uid.is_none() && role.name == person.name,
        };
        if !roles.iter().any(known) {
            roles.push(NewRole {
                kind: RoleKind::Speaker,
                name: person.name.clone(),
                institution: None,
                position: None,
                email: None,
                phone: None,
                titles: None,
                talk: None,
                from_file: crate::ops::FileIdentity {
                    uid: person.uid.clone(),
                    exact_name: true,
                },
            });
        }
    }
    let slots = events
        .into_iter()
        .map(|event| NewSlot {
            title: event.title,
            kind: event.kind,
            at: local(event.starts_at).time(),
            on: Some(event.day),
            minutes: event.minutes,
            people: event.people.iter().map(FilePerson::reference).collect(),
            uid: event.uid,
            place: SlotPlace {
                room: event.room.filter(|room| Some(room) != venue.as_ref()),
                session: None,
                track: event.track,
            },
            details: event.details,
        })
        .collect();
    Ok(SeminarEntry {
        place: "conference".to_string(),
        seminar: NewSeminar {
            title,
            schedule,
            venue,
            subtitle: None,
            organizers: Vec::new(),
            description: None,
            slug,
            status: Status::Confirmed,
            uid: None,
        },
        venue: None,
        roles,
        sessions: Vec::new(),
        slots,
        updates: crate::ops::import::Updates::Schedule,
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
