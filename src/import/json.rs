//! Seminars from JSON: the archive that `seminar export --format json` writes (format
//! `seminar-archive`, version 1), or one seminar as `seminar agenda SLUG --format json`
//! prints it. Ids are not kept (the database gives new ones); uids, slugs, people,
//! institutions, venues and rundowns are. A person's `person_uid` finds them again (in the
//! database, or among the people this file added); without a match their name is looked up
//! as a CSV row's is.

use chrono::{NaiveDate, NaiveTime, Utc};
use serde::Deserialize;
use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::names::name_key;
use crate::model::time::parse_zone;
use crate::model::{RoleKind, Schedule, SessionKind, SlotKind, Status, Venue, canonical_uid};
use crate::ops::FileIdentity;
use crate::ops::import::{Plan, SeminarEntry};
use crate::ops::people::NewRole;
use crate::ops::seminars::NewSeminar;
use crate::ops::sessions::{Length, NewSession};
use crate::ops::slots::{NewSlot, SlotPlace};
use crate::render::json::{ARCHIVE_FORMAT, ARCHIVE_VERSION};

#[derive(Deserialize)]
struct ProgrammeIn {
    seminar: SeminarIn,
    #[serde(default)]
    moderators: Vec<RoleIn>,
    #[serde(default)]
    speakers: Vec<RoleIn>,
    #[serde(default)]
    sessions: Vec<SessionIn>,
    #[serde(default)]
    slots: Vec<SlotIn>,
}

#[derive(Deserialize)]
struct SessionIn {
    id: Option<i64>,
    uid: Option<String>,
    kind: Option<String>,
    title: String,
    track: Option<String>,
    room: Option<String>,
    starts_at: String,
    minutes: u32,
    #[serde(default)]
    chair_role_ids: Vec<i64>,
    #[serde(default)]
    chairs: Vec<String>,
}

#[derive(Deserialize)]
struct DayIn {
    date: String,
    start_time: String,
    end_time: String,
}

#[derive(Deserialize)]
struct SeminarIn {
    uid: Option<String>,
    slug: Option<String>,
    title: String,
    subtitle: Option<String>,
    description: Option<String>,
    status: Option<String>,
    #[serde(default)]
    organizers: Vec<String>,
    time_zone: String,
    first_day: String,
    last_day: Option<String>,
    start_time: String,
    end_time: String,
    venue: Option<VenueIn>,
    #[serde(default)]
    days: Vec<DayIn>,
}

#[derive(Deserialize)]
struct VenueIn {
    name: String,
    address: Option<String>,
    capacity: Option<u32>,
}

impl VenueIn {
    fn into_venue(self) -> Venue {
        Venue {
            id: 0,
            name: self.name,
            address: self.address,
            capacity: self.capacity,
        }
    }
}

#[derive(Deserialize)]
struct RoleIn {
    id: Option<i64>,
    person_uid: Option<String>,
    name: String,
    position: Option<String>,
    institution: Option<InstitutionIn>,
    email: Option<String>,
    phone: Option<String>,
    /// Titles kept apart from the name (archives before them have none, or have them in it).
    titles_front: Option<String>,
    titles_back: Option<String>,
    /// `keynote` among the speakers, `mc` among the moderators (archives before them have
    /// none: the list says the kind).
    role: Option<String>,
}

/// The kind of a role listed among `list` (speakers or moderators): `plain`, or `other`
/// when the role says so.
fn listed_kind(
    list: &str,
    role: &RoleIn,
    plain: RoleKind,
    other: RoleKind,
) -> Result<RoleKind, String> {
    match role.role.as_deref() {
        None => Ok(plain),
        Some(word) => [plain, other]
            .into_iter()
            .find(|kind| kind.as_str() == word)
            .ok_or_else(|| {
                format!(
                    "{list}: role '{word}' of '{}' does not belong there; accepted: {}, {}",
                    role.name,
                    plain.as_str(),
                    other.as_str()
                )
            }),
    }
}

#[derive(Deserialize)]
struct InstitutionIn {
    name: String,
    short_name: Option<String>,
}

#[derive(Deserialize)]
struct SlotIn {
    uid: Option<String>,
    kind: String,
    title: String,
    starts_at: String,
    minutes: u32,
    #[serde(default)]
    role_ids: Vec<i64>,
    #[serde(default)]
    people: Vec<String>,
    room: Option<String>,
    session_id: Option<i64>,
    track: Option<String>,
    #[serde(rename = "abstract")]
    summary: Option<String>,
    language: Option<String>,
    #[serde(default)]
    links: Vec<crate::model::Link>,
}

/// How a slot names one of its seminar's people: by name, or by name and the institution
/// of their role when someone else in the seminar has the same name.
fn slot_reference<'a>(role: &RoleIn, everyone: impl Iterator<Item = &'a RoleIn>) -> String {
    let key = name_key(&role.name);
    let namesake = everyone
        .filter(|other| name_key(&other.name) == key)
        .any(|other| match (&other.person_uid, &role.person_uid) {
            (Some(theirs), Some(own)) => theirs != own,
            _ => {
                other.institution.as_ref().map(|i| &i.name)
                    != role.institution.as_ref().map(|i| &i.name)
            }
        });
    match (&role.institution, namesake) {
        (Some(institution), true) => format!("{} ({})", role.name, institution.name),
        _ => role.name.clone(),
    }
}

pub fn read(text: &str) -> Result<Plan> {
    let document: Value = serde_json::from_str(text).map_err(|error| {
        Error::Invalid(format!(
            "line {}: not valid JSON: {error}",
            error.line().max(1)
        ))
    })?;
    let mut plan = Plan::default();
    let (seminars, place): (Vec<Value>, fn(usize) -> String) = match &document {
        Value::Object(object) if object.contains_key("format") => {
            check_format(object)?;
            if let Some(rooms) = object.get("rooms") {
                let rooms: Vec<VenueIn> = serde_json::from_value(rooms.clone())
                    .map_err(|error| Error::Invalid(format!("rooms: {error}")))?;
                plan.venues = rooms.into_iter().map(VenueIn::into_venue).collect();
            }
            match object.get("seminars") {
                Some(Value::Array(seminars)) => (seminars.clone(), |i| format!("seminars[{i}]")),
                _ => {
                    return Err(Error::Invalid(
                        "file: the archive has no 'seminars' list".into(),
                    ));
                }
            }
        }
        Value::Object(object) if object.contains_key("seminar") => {
            (vec![document.clone()], |_| "seminar".to_string())
        }
        _ => {
            return Err(Error::Invalid(
                "file: not a seminar JSON file; expected an archive from `seminar export --format json` or one seminar from `seminar agenda SLUG --format json`".into(),
            ));
        }
    };
    for (index, value) in seminars.into_iter().enumerate() {
        let place = place(index);
        let programme: ProgrammeIn = serde_json::from_value(value)
            .map_err(|error| Error::Invalid(format!("{place}: {error}")))?;
        plan.seminars
            .push(entry(programme, &place).map_err(|e| Error::Invalid(format!("{place}: {e}")))?);
    }
    if plan.seminars.is_empty() {
        return Err(Error::Invalid("file: the archive holds no seminars".into()));
    }
    Ok(plan)
}

/// One seminar in the shape `agenda SLUG --format json` prints it, as a value: for readers
/// of other formats that carry such a record (our own frab export).
pub(super) fn programme_entry(value: Value, place: &str) -> Result<SeminarEntry, String> {
    let programme: ProgrammeIn = serde_json::from_value(value).map_err(|e| e.to_string())?;
    entry(programme, place)
}

fn check_format(object: &serde_json::Map<String, Value>) -> Result<()> {
    if object.get("format").and_then(Value::as_str) != Some(ARCHIVE_FORMAT) {
        return Err(Error::Invalid(format!(
            "file: 'format' is not '{ARCHIVE_FORMAT}'; this is not a seminar archive"
        )));
    }
    match object.get("version").and_then(Value::as_u64) {
        Some(version) if version <= u64::from(ARCHIVE_VERSION) => Ok(()),
        Some(version) => Err(Error::Invalid(format!(
            "file: archive version {version} is newer than this seminar reads ({ARCHIVE_VERSION}); upgrade seminar"
        ))),
        None => Err(Error::Invalid(
            "file: the archive has no version number".into(),
        )),
    }
}

fn entry(programme: ProgrammeIn, place: &str) -> Result<SeminarEntry, String> {
    let input = programme.seminar;
    let zone = parse_zone(&input.time_zone).map_err(|e| format!("time_zone: {e}"))?;
    let day = |field: &str, text: &str| {
        text.parse::<NaiveDate>()
            .map_err(|_| format!("{field}: '{text}' is not a date like 2017-05-18"))
    };
    let clock = |field: &str, text: &str| {
        NaiveTime::parse_from_str(text, "%H:%M")
            .map_err(|_| format!("{field}: '{text}' is not a time like 09:00"))
    };
    let first_day = day("first_day", &input.first_day)?;
    let mut schedule = Schedule {
        zone,
        first_day,
        last_day: match &input.last_day {
            Some(text) => day("last_day", text)?,
            None => first_day,
        },
        start: clock("start_time", &input.start_time)?,
        end: clock("end_time", &input.end_time)?,
        days: Vec::new(),
    };
    for (index, own) in input.days.iter().enumerate() {
        schedule.set_hours(
            day(&format!("days[{index}].date"), &own.date)?,
            clock(&format!("days[{index}].start_time"), &own.start_time)?,
            clock(&format!("days[{index}].end_time"), &own.end_time)?,
        );
    }
    // Before any slot is placed on a day: a day's search walks the seminar's days.
    schedule.validate()?;
    let status = match input.status.as_deref() {
        None => Status::Planned,
        Some(word) => Status::parse(word).ok_or_else(|| {
            format!("status: '{word}' is not a status; accepted: planned, confirmed, cancelled")
        })?,
    };
    let uid = match input.uid.as_deref() {
        None => None,
        Some(text) => {
            Some(canonical_uid(text).ok_or_else(|| format!("uid: '{text}' is not a UUID"))?)
        }
    };
    let venue_name = input.venue.as_ref().map(|venue| name_key(&venue.name));
    let venue = input.venue.map(VenueIn::into_venue);
    let mut names_by_role_id = Vec::new();
    let mut roles = Vec::new();
    // In the order they were first added (by id), so that people and roles come back in
    // the same order as in the database they were exported from.
    let mut listed: Vec<(RoleKind, RoleIn)> = Vec::new();
    for role in programme.moderators {
        let kind = listed_kind("moderators", &role, RoleKind::Moderator, RoleKind::Mc)?;
        listed.push((kind, role));
    }
    for role in programme.speakers {
        let kind = listed_kind("speakers", &role, RoleKind::Speaker, RoleKind::Keynote)?;
        listed.push((kind, role));
    }
    listed.sort_by_key(|(_, role)| role.id.unwrap_or(i64::MAX));
    let references: Vec<String> = listed
        .iter()
        .map(|(_, role)| slot_reference(role, listed.iter().map(|(_, other)| other)))
        .collect();
    for ((kind, role), reference) in listed.into_iter().zip(references) {
        if let Some(id) = role.id {
            names_by_role_id.push((id, reference));
        }
        roles.push(NewRole {
            kind,
            name: role.name,
            institution: role
                .institution
                .map(|institution| match institution.short_name {
                    Some(short) => format!("{} ({short})", institution.name),
                    None => institution.name,
                }),
            position: role.position,
            email: role.email,
            phone: role.phone,
            titles: (role.titles_front.is_some() || role.titles_back.is_some()).then(|| {
                format!(
                    "{}, {}",
                    role.titles_front.unwrap_or_default(),
                    role.titles_back.unwrap_or_default()
                )
            }),
            talk: None,
            from_file: FileIdentity {
                uid: role.person_uid.as_deref().and_then(canonical_uid),
                exact_name: true,
            },
        });
    }
    let names_of = |field: &str, ids: &[i64], names: Vec<String>| -> Result<Vec<String>, String> {
        if ids.is_empty() {
            return Ok(names);
        }
        ids.iter()
            .map(|id| {
                names_by_role_id
                    .iter()
                    .find(|(role_id, _)| role_id == id)
                    .map(|(_, name)| name.clone())
                    .ok_or_else(|| format!("{field}: no moderator or speaker has id {id}"))
            })
            .collect()
    };
    // A room the file names that is the one a slot would have anyway (its session's, the
    // seminar's venue) is inherited, not set.
    let mut session_rooms: Vec<(i64, String, Option<String>)> = Vec::new();
    let mut sessions = Vec::new();
    for (index, session) in programme.sessions.into_iter().enumerate() {
        let field = format!("sessions[{index}]");
        let at = crate::model::time::parse_rfc3339_in(&session.starts_at, zone)
            .map_err(|_| {
                format!(
                    "{field}.starts_at: '{}' is not a time like 2017-05-18T09:15:00+07:00",
                    session.starts_at
                )
            })?
            .with_timezone(&Utc);
        let kind = match session.kind.as_deref() {
            None => SessionKind::Other,
            Some(word) => SessionKind::parse(word).ok_or_else(|| {
                format!(
                    "{field}.kind: '{word}' is not a session kind; accepted: plenary, parallel, workshop, poster, other"
                )
            })?,
        };
        let room = session
            .room
            .filter(|room| Some(name_key(room)) != venue_name);
        if let Some(id) = session.id {
            session_rooms.push((id, session.title.clone(), room.clone()));
        }
        sessions.push(NewSession {
            title: session.title,
            kind,
            on: Some(schedule.day_of(at)),
            at: at.with_timezone(&zone).time(),
            length: Length::Minutes(session.minutes),
            room,
            track: session.track,
            chairs: names_of(
                &format!("{field}.chair_role_ids"),
                &session.chair_role_ids,
                session.chairs,
            )?,
            uid: session.uid.as_deref().and_then(canonical_uid),
        });
    }
    let mut slots = Vec::new();
    for (index, slot) in programme.slots.into_iter().enumerate() {
        let at = crate::model::time::parse_rfc3339_in(&slot.starts_at, zone)
            .map_err(|_| {
                format!(
                    "slots[{index}].starts_at: '{}' is not a time like 2017-05-18T09:15:00+07:00",
                    slot.starts_at
                )
            })?
            .with_timezone(&zone);
        let kind = SlotKind::parse(&slot.kind).ok_or_else(|| {
            format!(
                "slots[{index}].kind: '{}' is not a slot kind; accepted: opening, talk, panel, qa, break, closing",
                slot.kind
            )
        })?;
        let people = names_of(
            &format!("slots[{index}].role_ids"),
            &slot.role_ids,
            slot.people,
        )?;
        let session = match slot.session_id {
            None => None,
            Some(id) => Some(
                session_rooms
                    .iter()
                    .find(|(session_id, _, _)| *session_id == id)
                    .ok_or_else(|| format!("slots[{index}].session_id: no session has id {id}"))?,
            ),
        };
        let inherited = match session {
            Some((_, _, Some(room))) => Some(name_key(room)),
            _ => venue_name.clone(),
        };
        let room = slot.room.filter(|room| Some(name_key(room)) != inherited);
        slots.push(NewSlot {
            title: slot.title,
            kind,
            at: at.time(),
            on: Some(schedule.day_of(at.with_timezone(&Utc))),
            minutes: slot.minutes,
            people,
            uid: slot.uid.as_deref().and_then(canonical_uid),
            place: SlotPlace {
                room,
                session: session.map(|(_, title, _)| title.clone()),
                track: slot.track,
            },
            details: crate::model::SlotDetails {
                summary: slot.summary,
                language: slot.language,
                links: slot.links,
            },
        });
    }
    Ok(SeminarEntry {
        place: place.to_string(),
        seminar: NewSeminar {
            title: input.title,
            schedule,
            venue: None,
            subtitle: input.subtitle,
            organizers: input.organizers,
            description: input.description,
            slug: input.slug,
            status,
            uid,
        },
        venue,
        roles,
        sessions,
        slots,
        updates: crate::ops::import::Updates::Record,
    })
}
