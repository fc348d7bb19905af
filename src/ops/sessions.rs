//! Sessions: titled blocks of a seminar on one day in one room, with their chairs.

use chrono::{NaiveDate, NaiveTime};

use super::lookup::{FileIdentity, find_seminar, venue_for};
use super::people::{PersonDetails, upsert_person};
use super::{Notice, Permission, guarded, optional, required};
use crate::error::{Error, Result};
use crate::model::names::name_key;
use crate::model::{MAX_SLOT_MINUTES, Role, RoleKind, Seminar, Session, SessionKind};
use crate::store::Db;

/// How long a session lasts: a number of minutes, or until a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    Minutes(u32),
    Until(NaiveTime),
}

/// Everything `session add` takes, parsed.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub title: String,
    pub kind: SessionKind,
    pub on: Option<NaiveDate>,
    pub at: NaiveTime,
    pub length: Length,
    pub room: Option<String>,
    pub track: Option<String>,
    /// Names of its chairs.
    pub chairs: Vec<String>,
    /// The session's UUID when it comes from an import; a new one otherwise.
    pub uid: Option<String>,
}

/// A session by `#ID`, its title, or the first words of its title.
pub fn find_session(sessions: &[Session], seminar: &Seminar, reference: &str) -> Result<Session> {
    let reference = reference.trim();
    let by_id = reference
        .strip_prefix('#')
        .and_then(|id| id.parse::<i64>().ok())
        .and_then(|id| sessions.iter().find(|session| session.id == id));
    // By its whole title, else by the words it starts with (`Panel 1A` for `Panel 1A: ASEAN`).
    let key = name_key(reference);
    let titled = |whole: bool| -> Vec<&Session> {
        (sessions.iter())
            .filter(|session| {
                let title = name_key(&session.title);
                title == key || (!whole && title.starts_with(&format!("{key} ")))
            })
            .collect()
    };
    let matches: Vec<&Session> = match by_id {
        Some(session) => vec![session],
        None if key.is_empty() => Vec::new(),
        None => match titled(true) {
            exact if !exact.is_empty() => exact,
            _ => titled(false),
        },
    };
    match matches.as_slice() {
        [session] => Ok((*session).clone()),
        [] => Err(Error::NotFound {
            what: "session",
            name: reference.to_string(),
            suggestions: sessions
                .iter()
                .filter(|session| {
                    strsim::jaro_winkler(&name_key(&session.title), &name_key(reference)) > 0.85
                })
                .take(3)
                .map(|session| session.title.clone())
                .collect(),
            see: "seminar session list SEMINAR",
        }),
        several => Err(Error::refused(format!(
            "session '{reference}' matches {} sessions of {}; name it by id: {}",
            several.len(),
            seminar.slug,
            several
                .iter()
                .map(|session| format!("#{}", session.id))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// The minutes from `at` to the end of a [`Length`]; an end at or before the start is the
/// next morning's.
pub fn minutes_of(at: NaiveTime, length: Length) -> Result<u32> {
    let minutes = match length {
        Length::Minutes(minutes) => minutes,
        Length::Until(end) => {
            let mut span = (end - at).num_minutes();
            if span <= 0 {
                span += 24 * 60;
            }
            span as u32
        }
    };
    if minutes == 0 || minutes > MAX_SLOT_MINUTES {
        return Err(Error::usage(format!(
            "minutes: {minutes} is out of range; accepted: 1 to {MAX_SLOT_MINUTES}, or --end HH:MM"
        )));
    }
    Ok(minutes)
}

/// The role that makes a person chair of a session: their moderator role in the seminar,
/// created (and the person too, if new) when they have none.
fn chair_role(
    db: &Db<'_>,
    seminar: &Seminar,
    name: &str,
    permission: Permission,
    notices: &mut Vec<Notice>,
) -> Result<i64> {
    let (_, person) = upsert_person(
        db,
        name,
        PersonDetails::default(),
        &FileIdentity::default(),
        permission,
        notices,
        None,
    )?;
    match db.role(seminar.id, person.id, RoleKind::Moderator)? {
        Some(role) => Ok(role.id),
        None => db.insert_role(&Role::taking_current(
            &person,
            seminar.id,
            RoleKind::Moderator,
        )),
    }
}

fn day_of_seminar(seminar: &Seminar, on: Option<NaiveDate>) -> Result<NaiveDate> {
    let schedule = &seminar.schedule;
    let day = on.unwrap_or(schedule.first_day);
    if schedule.day_index(day).is_none() {
        return Err(Error::usage(format!(
            "on: {day} is not a day of {} ({} to {})",
            seminar.slug, schedule.first_day, schedule.last_day
        )));
    }
    Ok(day)
}

/// Adds a session with its chairs, under the booking rules.
pub fn add_session(
    db: &Db<'_>,
    seminar_reference: &str,
    input: NewSession,
    permission: Permission,
) -> Result<(Session, Vec<Notice>)> {
    let seminar = find_seminar(db, seminar_reference)?;
    let mut notices = Vec::new();
    let session = guarded(db, seminar.id, permission, &mut notices, |notices| {
        insert_session(db, &seminar, &input, permission, notices)
    })?;
    Ok((session, notices))
}

/// Writes a session (without the booking rules, which the caller checks).
pub(super) fn insert_session(
    db: &Db<'_>,
    seminar: &Seminar,
    input: &NewSession,
    permission: Permission,
    notices: &mut Vec<Notice>,
) -> Result<Session> {
    let title = required("title", &input.title)?;
    let sessions = db.sessions_of_seminar(seminar.id)?;
    if sessions
        .iter()
        .any(|session| name_key(&session.title) == name_key(&title))
    {
        return Err(Error::refused(format!(
            "{} already has a session '{title}'; give it another title, or change that one with 'seminar session edit'",
            seminar.slug
        )));
    }
    let mut session = session_of(db, seminar, input, permission, notices)?;
    session.id = db.insert_session(&session)?;
    Ok(session)
}

/// The session a [`NewSession`] describes, checked and placed (its room and chairs looked
/// up or added), not yet written: its id is 0.
pub(super) fn session_of(
    db: &Db<'_>,
    seminar: &Seminar,
    input: &NewSession,
    permission: Permission,
    notices: &mut Vec<Notice>,
) -> Result<Session> {
    let title = required("title", &input.title)?;
    let day = day_of_seminar(seminar, input.on)?;
    let starts_at = seminar
        .schedule
        .instant_on(day, input.at)
        .map_err(|e| Error::usage(format!("at: {e}")))?;
    let room = match input.room.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(name) => Some(venue_for(db, name, permission, notices)?),
    };
    let mut chair_role_ids = Vec::new();
    for name in &input.chairs {
        let role_id = chair_role(db, seminar, name, permission, notices)?;
        if !chair_role_ids.contains(&role_id) {
            chair_role_ids.push(role_id);
        }
    }
    Ok(Session {
        id: 0,
        uid: input.uid.clone().unwrap_or_else(crate::model::new_uid),
        seminar_id: seminar.id,
        title,
        kind: input.kind,
        track: optional("track", input.track.as_deref())?,
        room,
        starts_at,
        minutes: minutes_of(input.at, input.length)?,
        chair_role_ids,
    })
}

/// What `session edit` and `session move` change; `None` leaves a field as it is. An empty
/// room or track clears it; chairs given replace the chairs.
#[derive(Debug, Clone, Default)]
pub struct SessionChanges {
    pub title: Option<String>,
    pub kind: Option<SessionKind>,
    pub on: Option<NaiveDate>,
    pub at: Option<NaiveTime>,
    pub length: Option<Length>,
    pub room: Option<String>,
    pub track: Option<String>,
    pub chairs: Option<Vec<String>>,
}

impl SessionChanges {
    fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.kind.is_none()
            && self.on.is_none()
            && self.at.is_none()
            && self.length.is_none()
            && self.room.is_none()
            && self.track.is_none()
            && self.chairs.is_none()
    }
}

/// Changes a session in place. Moving it to another day, time or room moves its slots
/// along (by the same time; into the new room where they were in the session's); every
/// id and UID stays.
pub fn edit_session(
    db: &Db<'_>,
    seminar_reference: &str,
    session_reference: &str,
    changes: SessionChanges,
    permission: Permission,
) -> Result<(Session, Vec<Notice>)> {
    if changes.is_empty() {
        return Err(Error::usage(
            "session edit: nothing to change; pass at least one of --on, --at, --minutes, --end, --room, --track, --chair, --title, --kind",
        ));
    }
    let seminar = find_seminar(db, seminar_reference)?;
    let mut notices = Vec::new();
    let session = guarded(db, seminar.id, permission, &mut notices, |notices| {
        let old = find_session(
            &db.sessions_of_seminar(seminar.id)?,
            &seminar,
            session_reference,
        )?;
        let schedule = &seminar.schedule;
        let mut session = old.clone();
        if let Some(title) = &changes.title {
            let title = required("title", title)?;
            let taken = db
                .sessions_of_seminar(seminar.id)?
                .into_iter()
                .any(|other| other.id != old.id && name_key(&other.title) == name_key(&title));
            if taken {
                return Err(Error::refused(format!(
                    "{} already has a session '{title}'; give it another title",
                    seminar.slug
                )));
            }
            session.title = title;
        }
        if let Some(kind) = changes.kind {
            session.kind = kind;
        }
        if let Some(track) = &changes.track {
            session.track = optional("track", Some(track))?;
        }
        match changes.room.as_deref().map(str::trim) {
            None => {}
            Some("") => session.room = None,
            Some(name) => session.room = Some(venue_for(db, name, permission, notices)?),
        }
        let old_at = old.starts_at.with_timezone(&schedule.zone).time();
        if changes.on.is_some() || changes.at.is_some() {
            let day = match changes.on {
                Some(on) => day_of_seminar(&seminar, Some(on))?,
                None => schedule.day_of(old.starts_at),
            };
            session.starts_at = schedule
                .instant_on(day, changes.at.unwrap_or(old_at))
                .map_err(|e| Error::usage(format!("at: {e}")))?;
        }
        if let Some(length) = changes.length {
            let at = session.starts_at.with_timezone(&schedule.zone).time();
            session.minutes = minutes_of(at, length)?;
        }
        if let Some(names) = &changes.chairs {
            let mut chair_role_ids = Vec::new();
            for name in names {
                let role_id = chair_role(db, &seminar, name, permission, notices)?;
                if !chair_role_ids.contains(&role_id) {
                    chair_role_ids.push(role_id);
                }
            }
            session.chair_role_ids = chair_role_ids;
        }
        let shift = session.starts_at - old.starts_at;
        if shift != chrono::Duration::zero() {
            for slot in db.slots_of_seminar(seminar.id)? {
                if slot.session_id == Some(old.id) {
                    db.move_slot(slot.id, (slot.starts_at + shift).timestamp())?;
                }
            }
        }
        db.update_session(&session)?;
        Ok(session)
    })?;
    Ok((session, notices))
}

/// What `session remove` took away.
#[derive(Debug, Clone)]
pub struct RemovedSession {
    pub session: Session,
    /// The session's slots, removed with it unless they were kept.
    pub slots_removed: Vec<i64>,
    pub slots_kept: Vec<i64>,
    /// Kept on record as cancelled, the schedule having been published.
    pub cancelled: bool,
}

/// Removes a session and, unless `keep_slots`, its slots; kept slots stand alone in the
/// session's room.
pub fn remove_session(
    db: &Db<'_>,
    seminar_reference: &str,
    session_reference: &str,
    keep_slots: bool,
) -> Result<RemovedSession> {
    let seminar = find_seminar(db, seminar_reference)?;
    let session = find_session(
        &db.sessions_of_seminar(seminar.id)?,
        &seminar,
        session_reference,
    )?;
    let keep_cancelled = super::versions::keeps_cancelled(db, seminar.id)?;
    let mut removed = RemovedSession {
        session,
        slots_removed: Vec::new(),
        slots_kept: Vec::new(),
        cancelled: keep_cancelled,
    };
    for mut slot in db.slots_of_seminar(seminar.id)? {
        if slot.session_id != Some(removed.session.id) {
            continue;
        }
        if keep_slots {
            slot.session_id = None;
            slot.room = slot.room.or_else(|| removed.session.room.clone());
            slot.track = slot.track.or_else(|| removed.session.track.clone());
            db.update_slot(&slot)?;
            removed.slots_kept.push(slot.id);
        } else {
            if keep_cancelled {
                db.cancel_slot(slot.id)?;
            } else {
                db.delete_slot(slot.id)?;
            }
            removed.slots_removed.push(slot.id);
        }
    }
    withdraw_session(db, seminar.id, removed.session.id)?;
    Ok(removed)
}

/// Takes a session out of the programme (not its slots): once the seminar's schedule has
/// been published it stays on record as cancelled (then `true`), else it is deleted.
pub(super) fn withdraw_session(db: &Db<'_>, seminar_id: i64, session_id: i64) -> Result<bool> {
    let cancelled = super::versions::keeps_cancelled(db, seminar_id)?;
    if cancelled {
        db.cancel_session(session_id)?;
    } else {
        db.delete_session(session_id)?;
    }
    Ok(cancelled)
}
