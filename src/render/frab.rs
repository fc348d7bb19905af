//! frab / C3VOC `schedule.xml`, the schedule format that pretalx and frab export and that
//! conference apps (Giggity, EventFahrplan, ConfClerk) read. Valid against the C3VOC XSD:
//! rooms are venues, events are slots (or a seminar without slots, once per day), persons
//! are the people on them. Written with quick-xml, which escapes every value.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
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
    version: &'static str,
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
    language: &'static str,
    #[serde(rename = "abstract")]
    summary: String,
    description: String,
    persons: PersonsXml,
}

#[derive(Serialize)]
struct PersonsXml {
    person: Vec<PersonXml>,
}

#[derive(Serialize)]
struct PersonXml {
    #[serde(rename = "@id")]
    id: i64,
    #[serde(rename = "$text")]
    name: String,
}

/// An event before it is placed in a day and room.
struct Placed {
    day: NaiveDate,
    room: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    zone: Tz,
    event: EventXml,
}

/// Events of seminars without slots get ids above every slot id: this plus the seminar id
/// times 1000 plus the day of the seminar (from 0; a seminar lasts at most 367 days).
const SEMINAR_EVENT_IDS: u64 = 1_000_000_000;

/// Only the characters XML 1.0 allows: no control characters but tab and line breaks.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| {
            matches!(c, '\t' | '\n' | '\r')
                || !(c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        })
        .collect()
}

fn offset_time(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone)
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

fn duration(minutes: i64) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
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

/// The schedule of seminars, or an error if the acronym does not fit the XSD.
pub fn schedule(programmes: &[Programme], options: &FrabOptions) -> Result<String, String> {
    let acronym_ok = options.acronym.len() >= 4
        && options
            .acronym
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    if !acronym_ok {
        return Err(format!(
            "acronym: '{}' is not at least four of a-z, 0-9, _ and -",
            options.acronym
        ));
    }
    let lang = options.lang;
    let no_venue = match lang {
        Lang::En => "To be announced",
        Lang::Id => "Belum ditentukan",
    };
    let mut placed = Vec::new();
    for programme in programmes {
        let seminar = &programme.seminar;
        let zone = seminar.schedule.zone;
        let room = clean(
            seminar
                .venue
                .as_ref()
                .map_or(no_venue, |venue| venue.name.as_str()),
        );
        let track = clean(&seminar.title);
        let subtitle = clean(seminar.subtitle.as_deref().unwrap_or_default());
        let place = |starts_at: DateTime<Utc>, ends_at: DateTime<Utc>, event: EventXml| Placed {
            day: starts_at.with_timezone(&zone).date_naive(),
            room: room.clone(),
            starts_at,
            ends_at,
            zone,
            event,
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
            track: track.clone(),
            language: language(lang),
            summary: subtitle.clone(),
            description: String::new(),
            persons: PersonsXml { person: Vec::new() },
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
                let mut xml = event(id, day_guid(&seminar.uid, index), starts_at, ends_at);
                xml.title = track.clone();
                xml.subtitle = subtitle.clone();
                xml.kind = "seminar";
                xml.description = description.clone();
                xml.persons = persons(programme.roles.iter());
                placed.push(place(starts_at, ends_at, xml));
            }
        }
        for slot in &programme.slots {
            let people: Vec<&Role> = programme.people_on(slot).collect();
            let mut xml = event(
                slot.id.unsigned_abs(),
                clean(&slot.uid),
                slot.starts_at,
                slot.ends_at(),
            );
            xml.title = clean(&slot.title);
            xml.subtitle = track.clone();
            xml.kind = slot.kind.as_str();
            xml.description = clean(
                &people
                    .iter()
                    .map(|role| role_line(role))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
            xml.persons = persons(people.into_iter());
            placed.push(place(slot.starts_at, slot.ends_at(), xml));
        }
    }
    if placed.is_empty() {
        return Err("schedule: no events to put in it; give at least one seminar".into());
    }
    placed.sort_by(|a, b| (a.day, &a.room, a.starts_at).cmp(&(b.day, &b.room, b.starts_at)));

    let mut days: BTreeMap<NaiveDate, Vec<Placed>> = BTreeMap::new();
    for event in placed {
        days.entry(event.day).or_default().push(event);
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
            let earliest = events.iter().min_by_key(|e| e.starts_at);
            let latest = events.iter().max_by_key(|e| e.ends_at);
            let start = earliest
                .map(|e| offset_time(e.starts_at, e.zone))
                .unwrap_or_default();
            let end = latest
                .map(|e| offset_time(e.ends_at, e.zone))
                .unwrap_or_default();
            let mut rooms: BTreeMap<String, Vec<EventXml>> = BTreeMap::new();
            for placed in events {
                rooms.entry(placed.room).or_default().push(placed.event);
            }
            DayXml {
                index: index + 1,
                date: date.to_string(),
                start,
                end,
                room: rooms
                    .into_iter()
                    .map(|(name, event)| RoomXml { name, event })
                    .collect(),
            }
        })
        .collect();
    let document = ScheduleXml {
        generator: GeneratorXml {
            name: "seminar",
            version: env!("CARGO_PKG_VERSION"),
        },
        version: "1.0",
        conference: ConferenceXml {
            title: clean(&options.title),
            acronym: options.acronym.clone(),
            start: first.map(|d| d.to_string()).unwrap_or_default(),
            end: last.map(|d| d.to_string()).unwrap_or_default(),
            days: day_count,
            time_zone_name: one_zone.map(|zone| zone.name()),
        },
        day,
    };
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let mut serializer = quick_xml::se::Serializer::new(&mut out);
    serializer.indent(' ', 2);
    document
        .serialize(serializer)
        .map_err(|error| format!("schedule: {error}"))?;
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_hours_and_minutes() {
        assert_eq!(duration(30), "00:30");
        assert_eq!(duration(95), "01:35");
    }

    #[test]
    fn each_day_of_a_seminar_event_gets_its_own_guid() {
        let uid = "0b5b3f0e-8a4e-4c1a-9d3e-5f6a7b8c9d0e";
        assert_eq!(day_guid(uid, 0), uid);
        assert_eq!(day_guid(uid, 2), "0b5b3f0e-8a4e-4c1a-9d3e-5f6a7b8c0002");
    }

    #[test]
    fn characters_xml_forbids_are_dropped() {
        assert_eq!(clean("a\u{0}b\u{1b}c\td\u{FFFF}"), "abc\td");
    }
}
