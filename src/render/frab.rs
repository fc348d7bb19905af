//! frab / C3VOC `schedule.xml`, the schedule format that pretalx and frab export and that
//! conference apps (Giggity, EventFahrplan, ConfClerk) read. Valid against the C3VOC XSD:
//! rooms are venues, events are slots (or a seminar without slots, once per day, or a
//! session without slots), persons are the people on them with their uids as guids.
//! Written with quick-xml, which escapes every value.
//!
//! So that `seminar import` gives the seminars back as they were, each seminar is also a
//! conference `<track>` (its title and slug, as apps list tracks) whose text is its record
//! ([`SeminarRecord`]), and every event's `<slug>` names its seminar
//! (`ACRONYM-ID-SEMINAR`, C3VOC's form). Apps show neither; both stay within the XSD.

use std::collections::BTreeMap;

use crate::model::zone::Zone;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::{Lang, role_line};
use crate::model::{Programme, Role};

/// What a schedule needs besides the seminars.
#[derive(Debug, Clone)]
pub struct FrabOptions {
    pub lang: Lang,
    /// The conference title: the seminar's, or a name for a range of seminars.
    pub title: String,
    /// At least four of `a-z 0-9 _ -`, as the XSD requires.
    pub acronym: String,
}

#[derive(Serialize)]
#[serde(rename = "schedule")]
struct ScheduleXml {
    generator: GeneratorXml,
    version: String,
    conference: ConferenceXml,
    day: Vec<DayXml>,
}

#[derive(Serialize)]
struct GeneratorXml {
    #[serde(rename = "@name")]
    name: &'static str,
    #[serde(rename = "@version")]
    version: &'static str,
}

#[derive(Serialize)]
struct ConferenceXml {
    title: String,
    acronym: String,
    start: String,
    end: String,
    days: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_zone_name: Option<&'static str>,
    track: Vec<TrackXml>,
}

/// A seminar of the schedule, as a conference track: its title and slug, and as its text
/// the seminar's record (see [`SeminarRecord`]), which apps that list tracks do not show.
#[derive(Serialize)]
struct TrackXml {
    #[serde(rename = "@name")]
    name: String,
    #[serde(rename = "@slug", skip_serializing_if = "Option::is_none")]
    slug: Option<String>,
    #[serde(rename = "$text")]
    record: String,
}

/// What frab has no element for, for `seminar import` to give the seminar back as it was:
/// the seminar as `agenda --format json` prints it (without contacts), its people with
/// their positions and institutions, its sessions with their kinds and chairs, and for
/// each slot (an event with that guid) its people, session and own track, abstract and
/// language. The events give each slot's title, kind, time, room and links.
#[derive(Serialize)]
pub struct SeminarRecord<'a> {
    pub seminar: super::json::SeminarJson<'a>,
    pub moderators: Vec<super::json::RoleJson<'a>>,
    pub speakers: Vec<super::json::RoleJson<'a>>,
    pub sessions: Vec<super::json::SessionJson<'a>>,
    pub slots: Vec<SlotRecord<'a>>,
}

#[derive(Serialize)]
pub struct SlotRecord<'a> {
    pub uid: &'a str,
    pub role_ids: &'a [i64],
    pub session_id: Option<i64>,
    /// Its own room (the event's is where it is, which may be its session's or none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub track: Option<&'a str>,
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    pub summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'a str>,
}

/// The event `<slug>` of our export: `ACRONYM-ID-SEMINAR` (the acronym's hyphens as
/// underscores), C3VOC's `acronym-id-name` form, naming the seminar the event belongs to.
/// The schedule's `<version>`: the published version of a single seminar (`2`, or
/// `2+draft` with unpublished changes), else `1.0`.
fn schedule_version(programmes: &[Programme]) -> String {
    match programmes {
        [one] => (one.history.publication.as_ref())
            .map_or_else(|| "1.0".to_string(), |publication| publication.label()),
        _ => "1.0".to_string(),
    }
}

fn event_slug(acronym: &str, id: u64, seminar: &str) -> String {
    let prefix = acronym.replace('-', "_");
    match format!("{id}-{seminar}") {
        rest if rest.len() >= 4 => format!("{prefix}-{rest}"),
        _ => format!("{prefix}-{id:03}-{seminar}"),
    }
}

/// The seminar slug an event `<slug>` of our export names.
pub fn seminar_of_event_slug(slug: &str) -> Option<&str> {
    let mut parts = slug.trim().splitn(3, '-');
    let (_prefix, id, seminar) = (parts.next()?, parts.next()?, parts.next()?);
    id.chars().all(|c| c.is_ascii_digit()).then_some(seminar)
}

fn seminar_track(programme: &Programme) -> TrackXml {
    let mut json = super::json::programme(programme);
    for role in json.moderators.iter_mut().chain(json.speakers.iter_mut()) {
        role.contact = None;
    }
    let record = SeminarRecord {
        seminar: json.seminar,
        moderators: json.moderators,
        speakers: json.speakers,
        sessions: json.sessions,
        slots: (programme.slots.iter())
            .map(|slot| SlotRecord {
                uid: &slot.uid,
                role_ids: &slot.role_ids,
                session_id: slot.session_id,
                room: slot.room.as_ref().map(|room| room.name.as_str()),
                track: slot.track.as_deref(),
                summary: slot.details.summary.as_deref(),
                language: slot.details.language.as_deref(),
            })
            .collect(),
    };
    // Without what XML forbids, as in every other value of the schedule.
    let mut value = serde_json::to_value(&record).unwrap_or_default();
    clean_strings(&mut value);
    let text = value.to_string();
    let slug = &programme.seminar.slug;
    TrackXml {
        name: clean(&programme.seminar.title),
        slug: (slug.len() >= 2).then(|| slug.clone()),
        record: text,
    }
}

#[derive(Serialize)]
struct DayXml {
    #[serde(rename = "@index")]
    index: usize,
    #[serde(rename = "@date")]
    date: String,
    #[serde(rename = "@start")]
    start: String,
    #[serde(rename = "@end")]
    end: String,
    room: Vec<RoomXml>,
}

#[derive(Serialize)]
struct RoomXml {
    #[serde(rename = "@name")]
    name: String,
    event: Vec<EventXml>,
}

#[derive(Serialize)]
struct EventXml {
    #[serde(rename = "@id")]
    id: u64,
    #[serde(rename = "@guid")]
    guid: String,
    date: String,
    start: String,
    duration: String,
    room: String,
    title: String,
    subtitle: String,
    #[serde(rename = "type")]
    kind: &'static str,
    track: String,
    language: String,
    #[serde(rename = "abstract")]
    summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    slug: Option<String>,
    description: String,
    persons: PersonsXml,
    #[serde(skip_serializing_if = "Option::is_none")]
    links: Option<LinksXml>,
}

#[derive(Serialize)]
struct LinksXml {
    link: Vec<LinkXml>,
}

#[derive(Serialize)]
struct LinkXml {
    #[serde(rename = "@href")]
    href: String,
    #[serde(rename = "$text")]
    title: String,
}

#[derive(Serialize)]
struct PersonsXml {
    person: Vec<PersonXml>,
}

#[derive(Serialize)]
struct PersonXml {
    #[serde(rename = "@id")]
    id: i64,
    #[serde(rename = "@guid")]
    guid: String,
    #[serde(rename = "$text")]
    name: String,
}

/// An event before it is placed in a day and room.
struct Placed {
    day: NaiveDate,
    room: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    zone: Zone,
    event: EventXml,
}

/// Events of seminars without slots get ids above every slot id: this plus the seminar id
/// times 1000 plus the day of the seminar (from 0; a seminar lasts at most 367 days).
const SEMINAR_EVENT_IDS: u64 = 1_000_000_000;
/// Sessions without slots are events too, with ids from here on (beyond any seminar's).
const SESSION_EVENT_IDS: u64 = 4_000_000_000_000_000;

/// When something starts and ends, and the zone to write it in.
type Bounds = (DateTime<Utc>, DateTime<Utc>, Zone);

/// Only the characters XML 1.0 allows: no control characters but tab and line breaks.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| {
            matches!(c, '\t' | '\n' | '\r')
                || !(c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        })
        .collect()
}

/// [`clean`] on every string in a JSON value.
fn clean_strings(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(text) => *text = clean(text),
        serde_json::Value::Array(items) => items.iter_mut().for_each(clean_strings),
        serde_json::Value::Object(fields) => fields.values_mut().for_each(clean_strings),
        _ => {}
    }
}

fn offset_time(at: DateTime<Utc>, zone: Zone) -> String {
    crate::model::time::rfc3339_in(at, zone)
}

fn duration(minutes: i64) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A language as the file gives it, kept when it is a plain code (`en`, `id`, `pt-br`).
fn language_code(text: &str) -> String {
    clean(text.trim())
}

fn language(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Id => "id",
    }
}

fn persons<'a>(roles: impl Iterator<Item = &'a Role>) -> PersonsXml {
    PersonsXml {
        person: roles
            .map(|role| PersonXml {
                id: role.person_id,
                guid: clean(&role.person_uid),
                name: clean(&role.person_name),
            })
            .collect(),
    }
}

/// The guid of day `index` (from 0) of a seminar-event: the seminar's uid on its first
/// day; on later days the uid with the day number XORed into its last four hex digits.
/// That keeps each day's guid stable, a well-formed UUID, and different from the uid and
/// from every other day's (for up to 65535 days), whatever digits the uid ends in.
fn day_guid(uid: &str, index: usize) -> String {
    let split = uid.len().saturating_sub(4);
    let head = uid.get(..split);
    let tail = uid
        .get(split..)
        .filter(|tail| tail.chars().all(|c| c.is_ascii_hexdigit()))
        .and_then(|tail| u16::from_str_radix(tail, 16).ok());
    match (head, tail) {
        (Some(head), Some(tail)) if index > 0 => {
            format!("{head}{:04x}", tail ^ (index & 0xffff) as u16)
        }
        _ => uid.to_string(),
    }
}

/// Whether an acronym fits the XSD: at least four of `a-z 0-9 _ -`.
fn check_acronym(acronym: &str) -> Result<(), String> {
    let fits = acronym.len() >= 4
        && (acronym.chars())
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    if fits {
        Ok(())
    } else {
        Err(format!(
            "acronym: '{acronym}' is not at least four of a-z, 0-9, _ and -"
        ))
    }
}

const NO_EVENTS: &str = "schedule: no events to put in it; give at least one seminar";

/// The events of one seminar, in the order the schedule lists them before it sorts each
/// day's by room and time; and the hours of its days (which make a day of the schedule run
/// from the earliest to the latest of them and of its events).
fn seminar_events(
    programme: &Programme,
    options: &FrabOptions,
    several: bool,
    placed: &mut Vec<Placed>,
    hours: &mut Vec<(NaiveDate, Bounds)>,
) {
    let lang = options.lang;
    let no_venue = match lang {
        Lang::En => "To be announced",
        Lang::Id => "Belum ditentukan",
    };
    let seminar = &programme.seminar;
    let zone = seminar.schedule.zone;
    for day in seminar.schedule.days() {
        if let Ok(window) = seminar.schedule.window_on(day) {
            let at = |second| DateTime::from_timestamp(second, 0).unwrap_or_default();
            hours.push((day, (at(window.start), at(window.end), zone)));
        }
    }
    let room = clean(
        seminar
            .venue
            .as_ref()
            .map_or(no_venue, |venue| venue.name.as_str()),
    );
    let track = clean(&seminar.title);
    // In a schedule of several seminars, each event without a track of its own is in
    // its seminar's, so that conference apps can tell the seminars apart.
    let default_track = if several {
        track.clone()
    } else {
        String::new()
    };
    let subtitle = clean(seminar.subtitle.as_deref().unwrap_or_default());
    let place = |starts_at: DateTime<Utc>, ends_at: DateTime<Utc>, event: EventXml| Placed {
        day: seminar.schedule.day_of(starts_at),
        room: event.room.clone(),
        starts_at,
        ends_at,
        zone,
        event,
    };
    let room_of = |venue: Option<&crate::model::Venue>| {
        clean(venue.map_or(no_venue, |venue| venue.name.as_str()))
    };
    let event = |id, guid, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>| EventXml {
        id,
        guid,
        date: offset_time(starts_at, zone),
        start: starts_at.with_timezone(&zone).format("%H:%M").to_string(),
        duration: duration((ends_at - starts_at).num_minutes()),
        room: room.clone(),
        title: String::new(),
        subtitle: String::new(),
        kind: "talk",
        track: default_track.clone(),
        language: language(lang).to_string(),
        summary: subtitle.clone(),
        slug: Some(event_slug(&options.acronym, id, &seminar.slug)),
        description: String::new(),
        persons: PersonsXml { person: Vec::new() },
        links: None,
    };
    if programme.slots.is_empty() {
        let description = clean(
            &programme
                .roles
                .iter()
                .map(role_line)
                .collect::<Vec<_>>()
                .join("\n"),
        );
        let windows = seminar.schedule.windows().unwrap_or_default();
        for (index, window) in windows.iter().enumerate() {
            let starts_at = DateTime::from_timestamp(window.start, 0).unwrap_or_default();
            let ends_at = DateTime::from_timestamp(window.end, 0).unwrap_or_default();
            let id = seminar
                .id
                .unsigned_abs()
                .saturating_mul(1000)
                .saturating_add(SEMINAR_EVENT_IDS + index as u64);
            let mut xml = event(
                id,
                day_guid(&clean(&seminar.uid), index),
                starts_at,
                ends_at,
            );
            xml.title = track.clone();
            xml.subtitle = subtitle.clone();
            xml.kind = "seminar";
            xml.description = description.clone();
            xml.persons = persons(programme.roles.iter());
            placed.push(place(starts_at, ends_at, xml));
        }
    }
    let chair_line = |session: &crate::model::Session| {
        let chairs: Vec<String> = programme.chairs_of(session).map(role_line).collect();
        (!chairs.is_empty()).then(|| format!("{}: {}", lang.labels().chairs, chairs.join("; ")))
    };
    for session in sessions_without_slots(programme) {
        let mut xml = event(
            SESSION_EVENT_IDS.saturating_add(session.id.unsigned_abs()),
            clean(&session.uid),
            session.starts_at,
            session.ends_at(),
        );
        xml.room = room_of(programme.session_room(session));
        xml.title = clean(&session.title);
        xml.subtitle = track.clone();
        xml.kind = session.kind.as_str();
        if let Some(own) = &session.track {
            xml.track = clean(own);
        }
        xml.description = clean(&chair_line(session).unwrap_or_default());
        xml.persons = persons(programme.chairs_of(session));
        placed.push(place(session.starts_at, session.ends_at(), xml));
    }
    for slot in &programme.slots {
        let people: Vec<&Role> = programme.people_on(slot).collect();
        let mut xml = event(
            slot.id.unsigned_abs(),
            clean(&slot.uid),
            slot.starts_at,
            slot.ends_at(),
        );
        xml.room = room_of(programme.room_of(slot));
        xml.title = clean(&slot.title);
        xml.subtitle = track.clone();
        xml.kind = slot.kind.as_str();
        if let Some(own) = programme.track_of(slot) {
            xml.track = clean(own);
        }
        if let Some(language) = &slot.details.language {
            xml.language = language_code(language);
        }
        if let Some(summary) = &slot.details.summary {
            xml.summary = clean(summary);
        }
        if !slot.details.links.is_empty() {
            xml.links = Some(LinksXml {
                link: (slot.details.links.iter())
                    .map(|link| LinkXml {
                        href: clean(&link.href),
                        title: clean(&link.title),
                    })
                    .collect(),
            });
        }
        let mut lines: Vec<String> = people.iter().map(|role| role_line(role)).collect();
        if let Some(session) = programme.session_of(slot) {
            xml.subtitle = clean(&session.title);
            lines.extend(chair_line(session));
        }
        xml.description = clean(&lines.join("\n"));
        xml.persons = persons(people.into_iter());
        placed.push(place(slot.starts_at, slot.ends_at(), xml));
    }
}

/// The sessions of a seminar that are events of their own: those without slots.
fn sessions_without_slots(programme: &Programme) -> impl Iterator<Item = &crate::model::Session> {
    (programme.sessions.iter())
        .filter(|session| !(programme.slots.iter()).any(|slot| slot.session_id == Some(session.id)))
}

/// The days of the schedule that a seminar has events on: those [`seminar_events`] places,
/// without making them.
fn event_days(programme: &Programme) -> impl Iterator<Item = NaiveDate> + '_ {
    let schedule = &programme.seminar.schedule;
    let windows = match programme.slots.is_empty() {
        true => schedule.windows().unwrap_or_default(),
        false => Vec::new(),
    };
    let starts = (windows.into_iter())
        .map(|window| DateTime::from_timestamp(window.start, 0).unwrap_or_default())
        .chain(sessions_without_slots(programme).map(|session| session.starts_at))
        .chain(programme.slots.iter().map(|slot| slot.starts_at));
    starts.map(|starts_at| schedule.day_of(starts_at))
}

/// One day of the schedule: its events (in the order they were placed) by room in name
/// order, each room's by time.
fn day_xml(index: usize, date: NaiveDate, mut events: Vec<Placed>, hours: &[Bounds]) -> DayXml {
    events.sort_by(|a, b| (&a.room, a.starts_at).cmp(&(&b.room, b.starts_at)));
    let bounds = (events.iter())
        .map(|e| (e.starts_at, e.ends_at, e.zone))
        .chain(hours.iter().copied());
    let start = bounds
        .clone()
        .min_by_key(|(start, _, _)| *start)
        .map(|(start, _, zone)| offset_time(start, zone))
        .unwrap_or_default();
    let end = bounds
        .max_by_key(|(_, end, _)| *end)
        .map(|(_, end, zone)| offset_time(end, zone))
        .unwrap_or_default();
    let mut rooms: BTreeMap<String, Vec<EventXml>> = BTreeMap::new();
    for placed in events {
        rooms.entry(placed.room).or_default().push(placed.event);
    }
    DayXml {
        index,
        date: date.to_string(),
        start,
        end,
        room: rooms
            .into_iter()
            .map(|(name, event)| RoomXml { name, event })
            .collect(),
    }
}

fn generator() -> GeneratorXml {
    GeneratorXml {
        name: "seminar",
        version: env!("CARGO_PKG_VERSION"),
    }
}

const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// The schedule of seminars, or an error if the acronym does not fit the XSD.
pub fn schedule(programmes: &[Programme], options: &FrabOptions) -> Result<String, String> {
    check_acronym(&options.acronym)?;
    let several = programmes.len() > 1;
    let mut placed = Vec::new();
    let mut hours = Vec::new();
    for programme in programmes {
        seminar_events(programme, options, several, &mut placed, &mut hours);
    }
    if placed.is_empty() {
        return Err(NO_EVENTS.into());
    }
    let mut days: BTreeMap<NaiveDate, Vec<Placed>> = BTreeMap::new();
    for event in placed {
        days.entry(event.day).or_default().push(event);
    }
    let mut hours_of: BTreeMap<NaiveDate, Vec<Bounds>> = BTreeMap::new();
    for (day, bounds) in hours {
        hours_of.entry(day).or_default().push(bounds);
    }
    let first = days.keys().next().copied();
    let last = days.keys().next_back().copied();
    let zone = programmes.first().map(|p| p.seminar.schedule.zone);
    let one_zone = zone.filter(|zone| programmes.iter().all(|p| p.seminar.schedule.zone == *zone));
    let day_count = days.len();
    let day = days
        .into_iter()
        .enumerate()
        .map(|(index, (date, events))| {
            let hours = hours_of.get(&date).map_or(&[][..], Vec::as_slice);
            day_xml(index + 1, date, events, hours)
        })
        .collect();
    let document = ScheduleXml {
        generator: generator(),
        version: schedule_version(programmes),
        conference: ConferenceXml {
            title: clean(&options.title),
            acronym: options.acronym.clone(),
            start: first.map(|d| d.to_string()).unwrap_or_default(),
            end: last.map(|d| d.to_string()).unwrap_or_default(),
            days: day_count,
            time_zone_name: one_zone.map(|zone| zone.name()),
            track: programmes.iter().map(seminar_track).collect(),
        },
        day,
    };
    let mut out = String::from(DECLARATION);
    let mut serializer = quick_xml::se::Serializer::new(&mut out);
    serializer.indent(' ', 2);
    document
        .serialize(serializer)
        .map_err(|error| format!("schedule: {error}"))?;
    out.push('\n');
    Ok(out)
}

/// What the head of a schedule of several seminars says of all of them, gathered one
/// seminar at a time (in the order they will be written) before [`ScheduleWriter`] starts.
#[derive(Debug, Default)]
pub struct ScheduleOutline {
    /// The days with events.
    days: std::collections::BTreeSet<NaiveDate>,
    /// The zone of the first seminar, and whether every other shares it.
    zone: Option<Zone>,
    one_zone: bool,
    /// For each seminar, the earliest day it has events or hours on.
    earliest: Vec<NaiveDate>,
}

impl ScheduleOutline {
    pub fn add(&mut self, programme: &Programme) {
        let schedule = &programme.seminar.schedule;
        match self.zone {
            None => {
                self.zone = Some(schedule.zone);
                self.one_zone = true;
            }
            Some(zone) => self.one_zone &= zone == schedule.zone,
        }
        let mut earliest = schedule.first_day;
        for day in event_days(programme) {
            earliest = earliest.min(day);
            self.days.insert(day);
        }
        self.earliest.push(earliest);
    }

    /// How many seminars it has seen.
    pub fn seminars(&self) -> usize {
        self.earliest.len()
    }

    /// Refuses a schedule without events, which the XSD does not allow.
    pub fn check(&self) -> Result<(), String> {
        match self.days.is_empty() {
            true => Err(NO_EVENTS.into()),
            false => Ok(()),
        }
    }
}

/// The schedule of [`schedule`] for several seminars, written as they come, byte for byte
/// the same file. It is given the seminars twice, in the same order: first for the
/// conference's tracks ([`track`](Self::track)), then for the days' events
/// ([`seminar`](Self::seminar)); it keeps only the days that a later seminar may still add
/// to, as seminars come by their first day.
pub struct ScheduleWriter<W: std::io::Write> {
    xml: quick_xml::Writer<W>,
    options: FrabOptions,
    /// For each seminar, the earliest day that it or any after it has events or hours on.
    open_from: Vec<NaiveDate>,
    seen: usize,
    pending: BTreeMap<NaiveDate, Vec<Placed>>,
    hours: BTreeMap<NaiveDate, Vec<Bounds>>,
    written_days: usize,
}

fn xml_error(error: quick_xml::se::SeError) -> std::io::Error {
    match error {
        quick_xml::se::SeError::Io(error) => std::io::Error::new(error.kind(), error.to_string()),
        other => std::io::Error::other(format!("schedule: {other}")),
    }
}

impl<W: std::io::Write> ScheduleWriter<W> {
    /// Writes the schedule's head up to the conference's tracks; an error if the acronym
    /// does not fit the XSD or there are no events.
    pub fn start(
        mut out: W,
        outline: ScheduleOutline,
        options: &FrabOptions,
    ) -> Result<Self, crate::error::Error> {
        check_acronym(&options.acronym).map_err(crate::error::Error::Usage)?;
        outline.check().map_err(crate::error::Error::Usage)?;
        let mut open_from = outline.earliest;
        for index in (1..open_from.len()).rev() {
            open_from[index - 1] = open_from[index - 1].min(open_from[index]);
        }
        out.write_all(DECLARATION.as_bytes())?;
        let mut xml = quick_xml::Writer::new_with_indent(out, b' ', 2);
        let start =
            |name| quick_xml::events::Event::Start(quick_xml::events::BytesStart::new(name));
        xml.write_event(start("schedule"))?;
        xml.write_serializable("generator", &generator())
            .map_err(xml_error)?;
        xml.write_serializable("version", &"1.0")
            .map_err(xml_error)?;
        xml.write_event(start("conference"))?;
        let day = |day: Option<&NaiveDate>| day.map(|d| d.to_string()).unwrap_or_default();
        let fields: [(&str, String); 5] = [
            ("title", clean(&options.title)),
            ("acronym", options.acronym.clone()),
            ("start", day(outline.days.first())),
            ("end", day(outline.days.last())),
            ("days", outline.days.len().to_string()),
        ];
        for (name, value) in &fields {
            xml.write_serializable(name, value).map_err(xml_error)?;
        }
        if let Some(zone) = outline.zone.filter(|_| outline.one_zone) {
            xml.write_serializable("time_zone_name", &zone.name())
                .map_err(xml_error)?;
        }
        Ok(ScheduleWriter {
            xml,
            options: options.clone(),
            open_from,
            seen: 0,
            pending: BTreeMap::new(),
            hours: BTreeMap::new(),
            written_days: 0,
        })
    }

    /// Writes a seminar's track (all of them before any [`seminar`](Self::seminar)).
    pub fn track(&mut self, programme: &Programme) -> std::io::Result<()> {
        self.xml
            .write_serializable("track", &seminar_track(programme))
            .map_err(xml_error)
    }

    /// Places a seminar's events, and writes the days that no later seminar can add to.
    pub fn seminar(&mut self, programme: &Programme) -> std::io::Result<()> {
        if self.seen == 0 {
            self.end_conference()?;
        }
        let mut placed = Vec::new();
        let mut hours = Vec::new();
        seminar_events(programme, &self.options, true, &mut placed, &mut hours);
        for event in placed {
            self.pending.entry(event.day).or_default().push(event);
        }
        for (day, bounds) in hours {
            self.hours.entry(day).or_default().push(bounds);
        }
        self.seen += 1;
        match self.open_from.get(self.seen).copied() {
            Some(open) => self.write_days_before(Some(open)),
            None => Ok(()),
        }
    }

    fn end_conference(&mut self) -> std::io::Result<()> {
        let end = quick_xml::events::BytesEnd::new("conference");
        self.xml.write_event(quick_xml::events::Event::End(end))
    }

    /// Writes the days before `open` (all when `None`) and forgets their hours.
    fn write_days_before(&mut self, open: Option<NaiveDate>) -> std::io::Result<()> {
        let done = |day: &NaiveDate| open.is_none_or(|open| *day < open);
        while let Some(entry) = self.pending.first_entry() {
            if !done(entry.key()) {
                break;
            }
            let (date, events) = entry.remove_entry();
            let hours = self.hours.get(&date).map_or(&[][..], Vec::as_slice);
            self.written_days += 1;
            let day = day_xml(self.written_days, date, events, hours);
            self.xml
                .write_serializable("day", &day)
                .map_err(xml_error)?;
        }
        while let Some(entry) = self.hours.first_entry() {
            if !done(entry.key()) {
                break;
            }
            entry.remove();
        }
        Ok(())
    }

    /// Writes the last days and closes the schedule.
    pub fn finish(mut self) -> std::io::Result<W> {
        if self.seen == 0 {
            self.end_conference()?;
        }
        self.write_days_before(None)?;
        let end = quick_xml::events::BytesEnd::new("schedule");
        self.xml.write_event(quick_xml::events::Event::End(end))?;
        let mut out = self.xml.into_inner();
        out.write_all(b"\n")?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use chrono::{NaiveTime, TimeZone};
    use serde::Deserialize;

    use super::*;
    use crate::model::{Institution, RoleKind, Schedule, Seminar, Slot, SlotKind, Status, Venue};

    #[test]
    fn durations_are_hours_and_minutes() {
        assert_eq!(duration(30), "00:30");
        assert_eq!(duration(95), "01:35");
    }

    #[test]
    fn each_day_of_a_seminar_event_gets_its_own_guid() {
        let uid = "0b5b3f0e-8a4e-4c1a-9d3e-5f6a7b8c9d0e";
        assert_eq!(day_guid(uid, 0), uid);
        assert_eq!(day_guid(uid, 2), "0b5b3f0e-8a4e-4c1a-9d3e-5f6a7b8c9d0c");
        let ends_in_one = "0b5b3f0e-8a4e-4c1a-9d3e-5f6a7b8c0001";
        let days: BTreeSet<String> = (0..367).map(|day| day_guid(ends_in_one, day)).collect();
        assert_eq!(days.len(), 367, "no day repeats the uid or another day");
        assert_eq!(
            day_guid("é", 1),
            "é",
            "odd uids pass through without a panic"
        );
        assert_eq!(day_guid("xxé", 1), "xxé");
    }

    #[test]
    fn event_slugs_name_their_seminar_in_the_c3voc_form() {
        // voc-slug-new: [a-z0-9_]{4,}-[a-z0-9\-_]{4,}
        let fits = |slug: &str| {
            let (head, rest) = slug.split_once('-').unwrap();
            let of = |text: &str, extra: &[char]| {
                text.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || extra.contains(&c))
            };
            head.len() >= 4 && of(head, &['_']) && rest.len() >= 4 && of(rest, &['_', '-'])
        };
        for (acronym, id, seminar, slug) in [
            ("kss-2017", 12, "kss-2017", "kss_2017-12-kss-2017"),
            ("seminars", 7, "ab", "seminars-7-ab"),
            ("seminar-a", 1, "a", "seminar_a-001-a"),
        ] {
            assert_eq!(event_slug(acronym, id, seminar), slug);
            assert!(fits(slug), "{slug}");
            assert_eq!(seminar_of_event_slug(slug), Some(seminar));
        }
        assert_eq!(seminar_of_event_slug("democon-talk"), None);
    }

    #[test]
    fn characters_xml_forbids_are_dropped() {
        assert_eq!(clean("a\u{0}b\u{1b}c\td\u{FFFF}"), "abc\td");
    }

    const SEMINAR_UID: &str = "0b5b3f0e-8a4e-4c1a-9d3e-5f6a7b8c9d0e";
    const TRICKY_NAME: &str = "<script>alert(1)</script> & \"Ω\" 'x'";

    #[derive(Debug, Deserialize)]
    struct Document {
        generator: Generator,
        version: String,
        conference: Conference,
        #[serde(rename = "day")]
        days: Vec<Day>,
    }

    #[derive(Debug, Deserialize)]
    struct Generator {
        #[serde(rename = "@name")]
        name: String,
    }

    #[derive(Debug, Deserialize)]
    struct Conference {
        title: String,
        acronym: String,
        start: String,
        end: String,
        days: usize,
        time_zone_name: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    struct Day {
        #[serde(rename = "@index")]
        index: usize,
        #[serde(rename = "@date")]
        date: String,
        #[serde(rename = "@start")]
        start: String,
        #[serde(rename = "@end")]
        end: String,
        #[serde(rename = "room", default)]
        rooms: Vec<Room>,
    }

    #[derive(Debug, Deserialize)]
    struct Room {
        #[serde(rename = "@name")]
        name: String,
        #[serde(rename = "event", default)]
        events: Vec<Event>,
    }

    #[derive(Debug, Deserialize)]
    struct Event {
        #[serde(rename = "@id")]
        id: u64,
        #[serde(rename = "@guid")]
        guid: String,
        date: String,
        start: String,
        duration: String,
        room: String,
        title: String,
        subtitle: String,
        #[serde(rename = "type")]
        kind: String,
        track: String,
        language: String,
        #[serde(rename = "abstract")]
        summary: String,
        description: String,
        persons: Persons,
    }

    #[derive(Debug, Deserialize)]
    struct Persons {
        #[serde(rename = "person", default)]
        people: Vec<Person>,
    }

    #[derive(Debug, Deserialize)]
    struct Person {
        #[serde(rename = "@id")]
        id: i64,
        #[serde(rename = "$text")]
        name: String,
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn clock(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn jakarta(h: u32, m: u32) -> DateTime<Utc> {
        Zone::known("Asia/Jakarta")
            .with_ymd_and_hms(2017, 5, 18, h, m, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn role(id: i64, kind: RoleKind, name: &str) -> Role {
        Role {
            id,
            seminar_id: 1,
            person_id: id * 10,
            person_name: name.into(),
            person_titles: Default::default(),
            person_uid: format!("00000000-0000-4000-8000-{:012}", id * 10),
            kind,
            position: Some("Dosen".into()),
            institution: Some(Institution {
                id: 1,
                name: "FISIP UI".into(),
                short_name: Some("FISIP".into()),
            }),
            contact: None,
        }
    }

    fn slot(id: i64, title: &str, at: DateTime<Utc>, minutes: u32, role_ids: Vec<i64>) -> Slot {
        Slot {
            id,
            uid: format!("6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e{id:02x}"),
            seminar_id: 1,
            kind: SlotKind::Talk,
            title: title.into(),
            starts_at: at,
            minutes,
            role_ids,
            room: None,
            session_id: None,
            track: None,
            details: Default::default(),
        }
    }

    /// A seminar in Jakarta on 18 May 2017, 09:00–12:00, at a venue, with two slots.
    fn programme() -> Programme {
        Programme {
            seminar: Seminar {
                id: 1,
                uid: SEMINAR_UID.into(),
                slug: "kss-2017".into(),
                title: "Seminar & <Co>".into(),
                subtitle: Some("Proud to Contribute".into()),
                description: None,
                organizers: vec!["FISIP UI".into()],
                status: Status::Confirmed,
                schedule: Schedule {
                    zone: Zone::known("Asia/Jakarta"),
                    first_day: date(2017, 5, 18),
                    last_day: date(2017, 5, 18),
                    start: clock(9, 0),
                    end: clock(12, 0),
                    days: Vec::new(),
                },
                venue: Some(Venue {
                    id: 1,
                    name: "Auditorium \"A\" <1>".into(),
                    address: Some("Depok".into()),
                    capacity: None,
                }),
            },
            roles: vec![
                role(1, RoleKind::Moderator, "Valerina Daniel"),
                role(2, RoleKind::Speaker, TRICKY_NAME),
            ],
            sessions: Vec::new(),
            slots: vec![
                slot(1, "Opening\u{0} remarks\u{1b}", jakarta(9, 0), 15, vec![1]),
                slot(2, "Knowledge sharing", jakarta(9, 15), 30, vec![2]),
            ],
            history: Default::default(),
        }
    }

    /// The same seminar without its rundown, venue and zone, over `days` days in Berlin.
    fn without_slots(id: i64, days: u64) -> Programme {
        let mut programme = programme();
        programme.slots.clear();
        programme.seminar.id = id;
        programme.seminar.venue = None;
        programme.seminar.schedule = Schedule {
            zone: Zone::known("Europe/Berlin"),
            first_day: date(2024, 3, 30),
            last_day: date(2024, 3, 30) + chrono::Days::new(days - 1),
            start: clock(9, 0),
            end: clock(17, 0),
            days: Vec::new(),
        };
        programme
    }

    fn options(lang: Lang) -> FrabOptions {
        FrabOptions {
            lang,
            title: "Seminars & more".into(),
            acronym: "kss-2017".into(),
        }
    }

    fn parse(xml: &str) -> Document {
        quick_xml::de::from_str(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"))
    }

    fn events(document: &Document) -> Vec<&Event> {
        document
            .days
            .iter()
            .flat_map(|day| &day.rooms)
            .flat_map(|room| &room.events)
            .collect()
    }

    #[test]
    fn a_seminar_with_slots_reads_back() {
        let xml = schedule(&[programme()], &options(Lang::En)).unwrap();
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>"));
        let document = parse(&xml);
        assert_eq!(document.generator.name, "seminar");
        assert_eq!(document.version, "1.0");
        let conference = &document.conference;
        assert_eq!(conference.title, "Seminars & more");
        assert_eq!(conference.acronym, "kss-2017");
        assert_eq!(
            (conference.start.as_str(), conference.end.as_str()),
            ("2017-05-18", "2017-05-18")
        );
        assert_eq!(conference.days, 1);
        assert_eq!(conference.time_zone_name.as_deref(), Some("Asia/Jakarta"));

        let [day] = document.days.as_slice() else {
            panic!("one day: {:?}", document.days)
        };
        assert_eq!((day.index, day.date.as_str()), (1, "2017-05-18"));
        assert_eq!(day.start, "2017-05-18T09:00:00+07:00");
        assert_eq!(day.end, "2017-05-18T12:00:00+07:00", "the day's own hours");
        assert_eq!(day.rooms.len(), 1);
        assert_eq!(day.rooms[0].name, "Auditorium \"A\" <1>");

        let events = events(&document);
        let ids: BTreeSet<u64> = events.iter().map(|e| e.id).collect();
        let guids: BTreeSet<&str> = events.iter().map(|e| e.guid.as_str()).collect();
        assert_eq!((ids.len(), guids.len()), (2, 2), "ids and guids are unique");
        assert_eq!(
            events[0].title, "Opening remarks",
            "control characters dropped"
        );
        let talk = events[1];
        assert_eq!(talk.date, "2017-05-18T09:15:00+07:00");
        assert_eq!(talk.start, "09:15");
        assert_eq!(talk.duration, "00:30");
        assert_eq!(talk.room, "Auditorium \"A\" <1>");
        assert_eq!(talk.title, "Knowledge sharing");
        assert_eq!(talk.subtitle, "Seminar & <Co>");
        assert_eq!(
            talk.track, "",
            "one seminar: no track unless the talk has one"
        );
        assert_eq!(talk.kind, "talk");
        assert_eq!(talk.language, "en");
        assert_eq!(talk.summary, "Proud to Contribute");
        assert_eq!(talk.description, format!("{TRICKY_NAME} (Dosen, FISIP UI)"));
        assert_eq!(talk.persons.people.len(), 1);
        assert_eq!(talk.persons.people[0].id, 20);
        assert_eq!(
            talk.persons.people[0].name, TRICKY_NAME,
            "the name survives exactly"
        );
    }

    #[test]
    fn markup_in_values_is_escaped() {
        let xml = schedule(&[programme()], &options(Lang::En)).unwrap();
        assert!(!xml.contains("<script>") && !xml.contains("<Co>"), "{xml}");
        assert!(
            xml.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"),
            "{xml}"
        );
    }

    #[test]
    fn a_seminar_without_slots_is_one_event_a_day() {
        let xml = schedule(&[without_slots(3, 1)], &options(Lang::Id)).unwrap();
        let document = parse(&xml);
        assert_eq!(
            document.conference.time_zone_name.as_deref(),
            Some("Europe/Berlin")
        );
        let events = events(&document);
        let [event] = events.as_slice() else {
            panic!("one event: {events:?}")
        };
        assert_eq!(document.days[0].rooms[0].name, "Belum ditentukan");
        assert_eq!(event.id, 1_000_003_000);
        assert_eq!(event.guid, SEMINAR_UID);
        assert_eq!(event.date, "2024-03-30T09:00:00+01:00");
        assert_eq!(event.duration, "08:00");
        assert_eq!(
            (event.kind.as_str(), event.language.as_str()),
            ("seminar", "id")
        );
        assert_eq!(event.title, "Seminar & <Co>");
        let names: Vec<&str> = event
            .persons
            .people
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(
            names,
            ["Valerina Daniel", TRICKY_NAME],
            "moderators and speakers"
        );
    }

    #[test]
    fn days_rooms_and_ids_over_several_seminars() {
        // Three days across the clock change in Berlin, and the Jakarta seminar.
        let programmes = [without_slots(3, 3), programme()];
        let document = parse(&schedule(&programmes, &options(Lang::En)).unwrap());
        let conference = &document.conference;
        assert_eq!(
            (conference.start.as_str(), conference.end.as_str()),
            ("2017-05-18", "2024-04-01")
        );
        assert_eq!(conference.days, 4);
        assert_eq!(conference.time_zone_name, None, "two zones");
        let days: Vec<(usize, &str, &str)> = document
            .days
            .iter()
            .map(|day| (day.index, day.date.as_str(), day.start.as_str()))
            .collect();
        assert_eq!(
            days,
            [
                (1, "2017-05-18", "2017-05-18T09:00:00+07:00"),
                (2, "2024-03-30", "2024-03-30T09:00:00+01:00"),
                (3, "2024-03-31", "2024-03-31T09:00:00+02:00"),
                (4, "2024-04-01", "2024-04-01T09:00:00+02:00"),
            ]
        );
        assert_eq!(document.days[1].rooms[0].name, "To be announced");
        let events = events(&document);
        let ids: BTreeSet<u64> = events.iter().map(|e| e.id).collect();
        let guids: BTreeSet<&str> = events.iter().map(|e| e.guid.as_str()).collect();
        assert_eq!((events.len(), ids.len(), guids.len()), (5, 5, 5));
        assert!(ids.iter().all(|id| *id > 0));
    }

    #[test]
    fn rooms_of_a_day_are_in_name_order() {
        let mut other = programme();
        other.seminar.id = 2;
        other.seminar.uid = "1b5b3f0e-8a4e-4c1a-9d3e-5f6a7b8c9d0e".into();
        other.seminar.venue = None;
        other.slots = vec![slot(9, "Elsewhere", jakarta(10, 0), 60, vec![])];
        let document = parse(&schedule(&[programme(), other], &options(Lang::En)).unwrap());
        let rooms: Vec<&str> = document.days[0]
            .rooms
            .iter()
            .map(|r| r.name.as_str())
            .collect();
        assert_eq!(rooms, ["Auditorium \"A\" <1>", "To be announced"]);
        assert_eq!(document.days[0].end, "2017-05-18T12:00:00+07:00");
    }

    #[test]
    fn a_bad_acronym_or_nothing_to_schedule_is_an_error() {
        for acronym in ["kss", "KSS-2017", "kss 2017", "kss/2017"] {
            let options = FrabOptions {
                acronym: acronym.into(),
                ..options(Lang::En)
            };
            let error = schedule(&[programme()], &options).unwrap_err();
            assert!(error.contains(acronym), "{error}");
        }
        assert!(schedule(&[], &options(Lang::En)).is_err());
    }
}
