//! The rundown: timed slots and the people on them.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use super::lookup::{FileIdentity, find_seminar, venue_for};
use super::people::{PersonDetails, upsert_person};
use super::seminars::programme_of;
use super::sessions::find_session;
use super::{Notice, Permission, guarded, optional, required};
use crate::error::{Error, Result};
use crate::model::names::{PersonRef, Qualifier, institution_key, name_key};
use crate::model::titles::split_titles;
use crate::model::{
    MAX_SLOT_MINUTES, Programme, Role, RoleKind, Seminar, Session, Slot, SlotDetails, SlotKind,
    Venue, time,
};
use crate::store::Db;

/// Everything `slot add` takes, parsed.
#[derive(Debug, Clone)]
pub struct NewSlot {
    pub title: String,
    pub kind: SlotKind,
    pub at: NaiveTime,
    /// The day, for a seminar of several days; the first day when `None`.
    pub on: Option<NaiveDate>,
    pub minutes: u32,
    /// Names of the people on the slot.
    pub people: Vec<String>,
    /// The slot's UUID when it comes from an import; a new one otherwise.
    pub uid: Option<String>,
    pub place: SlotPlace,
    /// A summary, language and links, from a schedule written elsewhere.
    pub details: SlotDetails,
}

/// Where a slot is in the seminar: its room, session and track, by the names users type.
/// A slot without a room is in its session's, else in the seminar's venue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SlotPlace {
    pub room: Option<String>,
    pub session: Option<String>,
    pub track: Option<String>,
}

/// The room, session and track a [`SlotPlace`] names, looked up (a new room is created, as
/// a venue).
struct Placed {
    room: Option<Venue>,
    session: Option<Session>,
    track: Option<String>,
}

fn place(
    db: &Db<'_>,
    seminar: &Seminar,
    place: &SlotPlace,
    permission: Permission,
    notices: &mut Vec<Notice>,
) -> Result<Placed> {
    let room = match place.room.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(name) => Some(venue_for(db, name, permission, notices)?),
    };
    let session = match place.session.as_deref() {
        None => None,
        Some(reference) => Some(find_session(
            &db.sessions_of_seminar(seminar.id)?,
            seminar,
            reference,
        )?),
    };
    Ok(Placed {
        room,
        session,
        track: optional("track", place.track.as_deref())?,
    })
}

/// `place` without a room or track that a slot there would have anyway (its session's, else
/// the seminar's venue): a file that names every slot's room, as CSV exports do, does not
/// pin its slots to it. A session that is not found is left for [`place`] to report.
pub(super) fn without_inherited(
    db: &Db<'_>,
    seminar: &Seminar,
    place: &SlotPlace,
) -> Result<SlotPlace> {
    let session = match place.session.as_deref() {
        None => None,
        Some(reference) => {
            find_session(&db.sessions_of_seminar(seminar.id)?, seminar, reference).ok()
        }
    };
    let inherited_room = crate::model::conflict::resolve_room(
        None,
        session.as_ref().and_then(|session| session.room.as_ref()),
        seminar.venue.as_ref(),
    )
    .map(|room| name_key(&room.name));
    let inherited_track = session.as_ref().and_then(|session| session.track.clone());
    Ok(SlotPlace {
        room: place
            .room
            .clone()
            .filter(|room| Some(name_key(room)) != inherited_room),
        session: place.session.clone(),
        track: place
            .track
            .clone()
            .filter(|track| Some(track.trim()) != inherited_track.as_deref()),
    })
}

/// The instant a slot starts: `at` on `on` (else on its session's day, else the seminar's
/// first day).
fn start_of(
    seminar: &Seminar,
    on: Option<NaiveDate>,
    session: Option<&Session>,
    at: NaiveTime,
) -> Result<DateTime<Utc>> {
    let schedule = &seminar.schedule;
    let day = on
        .or_else(|| session.map(|session| schedule.day_of(session.starts_at)))
        .unwrap_or(schedule.first_day);
    if schedule.day_index(day).is_none() {
        return Err(Error::usage(format!(
            "on: {day} is not a day of {} ({} to {})",
            seminar.slug, schedule.first_day, schedule.last_day
        )));
    }
    schedule
        .instant_on(day, at)
        .map_err(|e| Error::usage(format!("at: {e}")))
}

fn check_minutes(minutes: u32) -> Result<u32> {
    if minutes == 0 || minutes > MAX_SLOT_MINUTES {
        return Err(Error::usage(format!(
            "minutes: {minutes} is out of range; accepted: 1 to {MAX_SLOT_MINUTES}"
        )));
    }
    Ok(minutes)
}

/// Writes a slot with the given roles on it.
pub(super) fn insert_slot(
    db: &Db<'_>,
    seminar: &Seminar,
    slot: &NewSlot,
    role_ids: &[i64],
    permission: Permission,
    notices: &mut Vec<Notice>,
) -> Result<Slot> {
    let mut slot = slot_of(db, seminar, slot, role_ids, permission, notices)?;
    slot.id = db.insert_slot(&slot)?;
    Ok(slot)
}

/// The slot a [`NewSlot`] describes, checked and placed (its room looked up or added), not
/// yet written: its id is 0.
pub(super) fn slot_of(
    db: &Db<'_>,
    seminar: &Seminar,
    slot: &NewSlot,
    role_ids: &[i64],
    permission: Permission,
    notices: &mut Vec<Notice>,
) -> Result<Slot> {
    let title = required("title", &slot.title)?;
    let minutes = check_minutes(slot.minutes)?;
    let placed = place(db, seminar, &slot.place, permission, notices)?;
    let starts_at = start_of(seminar, slot.on, placed.session.as_ref(), slot.at)?;
    Ok(Slot {
        id: 0,
        uid: slot.uid.clone().unwrap_or_else(crate::model::new_uid),
        seminar_id: seminar.id,
        kind: slot.kind,
        title,
        starts_at,
        minutes,
        role_ids: role_ids.to_vec(),
        room: placed.room,
        session_id: placed.session.map(|session| session.id),
        track: placed.track,
        details: slot.details.clone(),
    })
}

/// Adds a slot to a seminar's rundown. People named on it keep the role they have in the
/// seminar; anyone without one becomes a speaker.
pub fn add_slot(
    db: &Db<'_>,
    seminar_reference: &str,
    input: NewSlot,
    permission: Permission,
) -> Result<(Slot, Vec<Notice>)> {
    let seminar = find_seminar(db, seminar_reference)?;
    let mut notices = Vec::new();
    let slot = guarded(db, seminar.id, permission, &mut notices, |notices| {
        add_slot_unchecked(db, &seminar, &input, permission, notices)
    })?;
    Ok((slot, notices))
}

/// [`add_slot`] without the booking rules, for a caller that checks them once around many
/// changes to one seminar (an import).
pub(super) fn add_slot_unchecked(
    db: &Db<'_>,
    seminar: &Seminar,
    input: &NewSlot,
    permission: Permission,
    notices: &mut Vec<Notice>,
) -> Result<Slot> {
    let role_ids = slot_role_ids(db, seminar, &input.people, permission, notices)?;
    insert_slot(db, seminar, input, &role_ids, permission, notices)
}

/// The roles of the people a slot names, in order: the role each has in the seminar, else
/// a new speaker role (and a new person when nobody fits).
pub(super) fn slot_role_ids(
    db: &Db<'_>,
    seminar: &Seminar,
    people: &[String],
    permission: Permission,
    notices: &mut Vec<Notice>,
) -> Result<Vec<i64>> {
    let roles = db.roles_of_seminar(seminar.id)?;
    let mut role_ids = Vec::new();
    for name in people {
        let role_id = match role_by_reference(&roles, name)? {
            Some(role) => role.id,
            None => {
                let (_, person) = upsert_person(
                    db,
                    name,
                    PersonDetails::default(),
                    &FileIdentity::default(),
                    permission,
                    notices,
                    None,
                )?;
                match (roles.iter())
                    .filter(|role| role.person_id == person.id)
                    .min_by_key(|role| (role.kind, role.id))
                {
                    Some(role) => role.id,
                    None => db.insert_role(&Role::taking_current(
                        &person,
                        seminar.id,
                        RoleKind::Speaker,
                    ))?,
                }
            }
        };
        if !role_ids.contains(&role_id) {
            role_ids.push(role_id);
        }
    }
    Ok(role_ids)
}

/// The role in the seminar of the one person a reference names there (`#ID`, a name, or a
/// name with the institution of their role), preferring their speaker role. `None` when
/// nobody or several people in the seminar fit: then the reference is looked up among
/// everyone.
fn role_by_reference<'a>(roles: &'a [Role], reference: &str) -> Result<Option<&'a Role>> {
    let fits: Box<dyn Fn(&Role) -> bool> =
        match PersonRef::parse(reference).map_err(Error::Usage)? {
            PersonRef::Id(id) => Box::new(move |role: &Role| role.person_id == id),
            PersonRef::Name { name, qualifier } => {
                let key = name_key(&split_titles(&name).name);
                match qualifier {
                    None => Box::new(move |role: &Role| name_key(&role.person_name) == key),
                    Some(Qualifier::Institution(institution)) => {
                        let institution = institution_key(&institution);
                        Box::new(move |role: &Role| {
                            name_key(&role.person_name) == key
                                && role.institution.as_ref().is_some_and(|i| {
                                    institution_key(&i.name) == institution
                                        || i.short_name.as_deref().map(institution_key).as_deref()
                                            == Some(institution.as_str())
                                })
                        })
                    }
                    Some(Qualifier::Email(_)) => return Ok(None),
                }
            }
        };
    let theirs: Vec<&Role> = roles.iter().filter(|role| fits(role)).collect();
    if theirs
        .iter()
        .any(|role| role.person_id != theirs[0].person_id)
    {
        return Ok(None);
    }
    // As the booking rules assume (see `Draft::put_people`): the speaker role, else the
    // first kind of role they have.
    Ok(theirs
        .iter()
        .min_by_key(|role| (role.kind, role.id))
        .copied())
}

/// A slot by `#ID`, start time (`09:30`) or title.
pub fn find_slot<'a>(programme: &'a Programme, reference: &str) -> Result<&'a Slot> {
    let reference = reference.trim();
    let zone = programme.seminar.schedule.zone;
    let by_id = reference
        .strip_prefix('#')
        .unwrap_or(reference)
        .parse::<i64>()
        .ok()
        .and_then(|id| programme.slots.iter().find(|slot| slot.id == id));
    let matches: Vec<&Slot> = match by_id {
        Some(slot) => vec![slot],
        None => match time::parse_time(reference) {
            Ok(at) => programme
                .slots
                .iter()
                .filter(|slot| slot.starts_at.with_timezone(&zone).time() == at)
                .collect(),
            Err(_) => programme
                .slots
                .iter()
                .filter(|slot| name_key(&slot.title) == name_key(reference))
                .collect(),
        },
    };
    match matches.as_slice() {
        [slot] => Ok(slot),
        [] => Err(Error::NotFound {
            what: "slot",
            name: reference.to_string(),
            suggestions: Vec::new(),
            see: "seminar slot list SEMINAR",
        }),
        several => Err(Error::refused(format!(
            "slot '{reference}' matches {} slots; name it by id: {}",
            several.len(),
            several
                .iter()
                .map(|slot| format!("#{}", slot.id))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// Removes a slot; once the seminar's schedule has been published, keeps it as cancelled
/// (then `true`).
pub fn remove_slot(
    db: &Db<'_>,
    seminar_reference: &str,
    slot_reference: &str,
) -> Result<(Slot, bool)> {
    let seminar = find_seminar(db, seminar_reference)?;
    let programme = programme_of(db, seminar)?;
    let slot = find_slot(&programme, slot_reference)?.clone();
    let cancelled = withdraw_slot(db, programme.seminar.id, slot.id)?;
    Ok((slot, cancelled))
}

/// Takes a slot out of the rundown: once the seminar's schedule has been published it stays
/// on record as cancelled (then `true`), else it is deleted.
pub(super) fn withdraw_slot(db: &Db<'_>, seminar_id: i64, slot_id: i64) -> Result<bool> {
    let cancelled = super::versions::keeps_cancelled(db, seminar_id)?;
    if cancelled {
        db.cancel_slot(slot_id)?;
    } else {
        db.delete_slot(slot_id)?;
    }
    Ok(cancelled)
}

/// What `slot edit` and `slot move` change; `None` leaves a field as it is, and an empty
/// room, session or track clears it.
#[derive(Debug, Clone, Default)]
pub struct SlotChanges {
    pub title: Option<String>,
    pub kind: Option<SlotKind>,
    pub at: Option<NaiveTime>,
    pub on: Option<NaiveDate>,
    pub minutes: Option<u32>,
    pub room: Option<String>,
    pub session: Option<String>,
    pub track: Option<String>,
}

impl SlotChanges {
    fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.kind.is_none()
            && self.at.is_none()
            && self.on.is_none()
            && self.minutes.is_none()
            && self.room.is_none()
            && self.session.is_none()
            && self.track.is_none()
    }
}

/// Changes a slot in place: its id, its UID and the people on it stay, so calendars that
/// imported it see the same event moved.
pub fn edit_slot(
    db: &Db<'_>,
    seminar_reference: &str,
    slot_reference: &str,
    changes: SlotChanges,
    permission: Permission,
) -> Result<(Slot, Vec<Notice>)> {
    if changes.is_empty() {
        return Err(Error::usage(
            "slot edit: nothing to change; pass at least one of --at, --on, --minutes, --room, --session, --track, --title, --kind",
        ));
    }
    let seminar = find_seminar(db, seminar_reference)?;
    let mut notices = Vec::new();
    let slot = guarded(db, seminar.id, permission, &mut notices, |notices| {
        let programme = programme_of(db, seminar.clone())?;
        let old = find_slot(&programme, slot_reference)?.clone();
        update_slot(db, &seminar, &old, &changes, permission, notices)
    })?;
    Ok((slot, notices))
}

/// Writes `changes` to a slot of `seminar` (without the booking rules, which the caller
/// checks).
pub(super) fn update_slot(
    db: &Db<'_>,
    seminar: &Seminar,
    old: &Slot,
    changes: &SlotChanges,
    permission: Permission,
    notices: &mut Vec<Notice>,
) -> Result<Slot> {
    let schedule = &seminar.schedule;
    let mut slot = old.clone();
    if let Some(title) = &changes.title {
        slot.title = required("title", title)?;
    }
    if let Some(kind) = changes.kind {
        slot.kind = kind;
    }
    if let Some(minutes) = changes.minutes {
        slot.minutes = check_minutes(minutes)?;
    }
    match changes.room.as_deref().map(str::trim) {
        None => {}
        Some("") => slot.room = None,
        Some(name) => slot.room = Some(venue_for(db, name, permission, notices)?),
    }
    let mut new_session = None;
    match changes.session.as_deref().map(str::trim) {
        None => {}
        Some("") => slot.session_id = None,
        Some(reference) => {
            let session = find_session(&db.sessions_of_seminar(seminar.id)?, seminar, reference)?;
            slot.session_id = Some(session.id);
            new_session = Some(session);
        }
    }
    if let Some(track) = &changes.track {
        slot.track = optional("track", Some(track))?;
    }
    if changes.at.is_some() || changes.on.is_some() || new_session.is_some() {
        // Put into a session on another day without a day given: the session's day.
        let day = changes.on.unwrap_or_else(|| match &new_session {
            Some(session) => schedule.day_of(session.starts_at),
            None => schedule.day_of(old.starts_at),
        });
        let at = changes
            .at
            .unwrap_or_else(|| old.starts_at.with_timezone(&schedule.zone).time());
        slot.starts_at = start_of(seminar, Some(day), None, at)?;
    }
    if slot != *old {
        db.update_slot(&slot)?;
    }
    Ok(slot)
}
