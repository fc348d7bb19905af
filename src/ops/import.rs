//! Applying an import: the readers in [`crate::import`] turn a file into a [`Plan`], and
//! [`apply`] carries it out through the same calls the commands use, so an imported record
//! obeys every rule a typed one does. The caller runs it in one transaction: all or nothing.

use super::lookup::{Imported, add_venue, refuse_near, venue_for};
use super::people::{NewRole, add_role_unchecked};
use super::seminars::{NewSeminar, create};
use super::sessions::{NewSession, insert_session};
use super::slots::{NewSlot, add_slot_unchecked, without_inherited};
use super::{Notice, Permission, find_seminar, guarded, guarded_all};
use crate::error::{Error, Record, Result};
use crate::model::names::name_key;
use crate::model::{Seminar, Venue};
use crate::store::{Counts, Db};
use std::collections::HashMap;

use chrono::{DateTime, Utc};

/// Everything an import file asks for.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// New seminars with their people and rundowns.
    pub seminars: Vec<SeminarEntry>,
    /// Speakers and moderators for seminars that exist (or that `seminars` creates).
    pub roles: Vec<RoleEntry>,
    /// Rooms with their addresses and capacities, each added first if no venue of that
    /// name exists.
    pub venues: Vec<Venue>,
    /// Slots for seminars that exist, placed by the instant they start.
    pub slots: Vec<SlotEntry>,
}

/// A new seminar from a file.
#[derive(Debug, Clone)]
pub struct SeminarEntry {
    /// Where it is in the file, for messages (`seminars[2]`, `room Auditorium`).
    pub place: String,
    pub seminar: NewSeminar,
    /// The venue with its address and capacity, added if no venue of that name exists.
    pub venue: Option<Venue>,
    /// Speakers and moderators, in the order they appear.
    pub roles: Vec<NewRole>,
    /// Sessions, which the slots name by title.
    pub sessions: Vec<NewSession>,
    /// Slots, which name their people as a PERSON reference or by the `from_file.uid` of
    /// one of `roles` (which tells apart namesakes the file keeps apart).
    pub slots: Vec<NewSlot>,
}

/// A speaker or moderator for a seminar, as one row of a file.
#[derive(Debug, Clone)]
pub struct RoleEntry {
    /// Where it is in the file (`line 4`).
    pub place: String,
    /// The seminar's slug or `#ID`.
    pub seminar: String,
    pub role: NewRole,
}

/// A slot for a seminar that exists, as one event of a file.
#[derive(Debug, Clone)]
pub struct SlotEntry {
    /// Where it is in the file (`line 12`).
    pub place: String,
    /// The seminar's slug or `#ID`.
    pub seminar: String,
    /// When it starts: its `at` and `on` are this instant's in the seminar's zone (on a
    /// day that runs past midnight, a time after it is that day's).
    pub starts_at: DateTime<Utc>,
    pub slot: NewSlot,
}

impl SlotEntry {
    /// The slot with its time and day in the seminar's schedule.
    fn placed_in(mut self, seminar: &Seminar) -> NewSlot {
        let schedule = &seminar.schedule;
        let local = self.starts_at.with_timezone(&schedule.zone);
        let day = schedule.day_of(self.starts_at);
        let on = match schedule.instant_on(day, local.time()) {
            Ok(at) if at == self.starts_at => day,
            _ => local.date_naive(),
        };
        self.slot.at = local.time();
        self.slot.on = Some(on);
        self.slot
    }
}

/// How many records of each kind an import added.
pub type Summary = Counts;

/// Carries out a plan. Any error ends it, and the caller's transaction then keeps nothing.
pub fn apply(db: &Db<'_>, plan: Plan, permission: Permission) -> Result<(Summary, Vec<Notice>)> {
    apply_reporting(db, plan, permission, &mut |_, _| {})
}

/// [`apply`], telling `report` how many of the plan's seminars and rows are done, of how
/// many, as it goes.
pub fn apply_reporting(
    db: &Db<'_>,
    plan: Plan,
    permission: Permission,
    report: &mut dyn FnMut(u64, u64),
) -> Result<(Summary, Vec<Notice>)> {
    let before = db.counts()?;
    refuse_repeated_uids(&plan)?;
    let total = (plan.seminars.len() + plan.roles.len() + plan.slots.len()) as u64;
    let mut done = 0;
    let mut notices = Vec::new();
    let mut imported = Imported::default();
    add_rooms(db, &plan, permission, &mut notices)?;
    for entry in plan.seminars {
        let place = entry.place.clone();
        import_seminar(db, entry, permission, &mut notices, &mut imported)
            .map_err(|error| error.at(&place))?;
        done += 1;
        report(done, total);
    }
    // The rows are checked against the booking rules together, once before and once after:
    // an import of many rows costs two checks, not two per row.
    let mut seminars: HashMap<String, Seminar> = HashMap::new();
    let references = (plan.roles.iter())
        .map(|entry| (&entry.seminar, &entry.place))
        .chain(
            plan.slots
                .iter()
                .map(|entry| (&entry.seminar, &entry.place)),
        );
    for (reference, place) in references {
        if !seminars.contains_key(reference) {
            let seminar = find_seminar(db, reference).map_err(|error| error.at(place))?;
            seminars.insert(reference.clone(), seminar);
        }
    }
    for entry in &plan.roles {
        if !seminars.contains_key(&entry.seminar) {
            let seminar =
                find_seminar(db, &entry.seminar).map_err(|error| error.at(&entry.place))?;
            seminars.insert(entry.seminar.clone(), seminar);
        }
    }
    let mut ids: Vec<i64> = seminars.values().map(|seminar| seminar.id).collect();
    ids.sort_unstable();
    ids.dedup();
    guarded_all(db, &ids, permission, &mut notices, |notices| {
        for mut entry in plan.roles {
            let seminar = &seminars[&entry.seminar];
            if let Some(talk) = &mut entry.role.talk {
                talk.place = without_inherited(db, seminar, &talk.place)?;
            }
            add_role_unchecked(
                db,
                seminar,
                entry.role,
                permission,
                notices,
                Some(&mut imported),
            )
            .map_err(|error| error.at(&entry.place))?;
            done += 1;
            report(done, total);
        }
        for entry in plan.slots {
            let seminar = &seminars[&entry.seminar];
            let place = entry.place.clone();
            let mut slot = entry.placed_in(seminar);
            if let Some(uid) = &slot.uid
                && db.slot_uid_taken(uid)?
            {
                return Err(Error::refused(format!(
                    "'{}' is already in the database (same uid {uid}); was this file imported before?",
                    slot.title
                ))
                .at(&place));
            }
            slot.place = without_inherited(db, seminar, &slot.place)?;
            add_slot_unchecked(db, seminar, &slot, permission, notices)
                .map_err(|error| error.at(&place))?;
            done += 1;
            report(done, total);
        }
        Ok(())
    })?;
    Ok((db.counts()?.since(before), notices))
}

/// Two records of one file with the same uid would be one record: the file is wrong.
fn refuse_repeated_uids(plan: &Plan) -> Result<()> {
    let mut seen: HashMap<&str, (&str, &str)> = HashMap::new();
    for entry in &plan.seminars {
        let named = entry
            .seminar
            .uid
            .as_deref()
            .map(|uid| (uid, entry.seminar.title.as_str()))
            .into_iter()
            .chain(
                entry
                    .slots
                    .iter()
                    .filter_map(|slot| Some((slot.uid.as_deref()?, slot.title.as_str()))),
            );
        for (uid, title) in named {
            if let Some((place, first)) = seen.insert(uid, (&entry.place, title)) {
                return Err(Error::Invalid(format!(
                    "{}: '{title}' has the same uid {uid} as '{first}' ({place}); every event needs its own",
                    entry.place
                )));
            }
        }
    }
    Ok(())
}

/// Adds every room and venue the plan's seminars name that is not on record (by name key),
/// as the file gives them: the rooms of one file are never near-duplicates of each other,
/// while a room close to a venue on record is refused as a typed one is.
fn add_rooms(
    db: &Db<'_>,
    plan: &Plan,
    permission: Permission,
    notices: &mut Vec<Notice>,
) -> Result<()> {
    let mut new: Vec<(String, Venue)> = Vec::new();
    // The rooms an archive lists with their addresses and capacities come first, so that
    // the same room named again below adds nothing.
    for (index, venue) in plan.venues.iter().enumerate() {
        let key = name_key(&venue.name);
        if !key.is_empty()
            && !new.iter().any(|(_, known)| name_key(&known.name) == key)
            && db.venue_by_key(&key)?.is_none()
        {
            new.push((format!("rooms[{index}]"), venue.clone()));
        }
    }
    let named = |name: &str| Venue {
        id: 0,
        name: name.trim().to_string(),
        address: None,
        capacity: None,
    };
    let mut named_rooms: Vec<(String, Venue)> = Vec::new();
    for entry in &plan.seminars {
        let venues = (entry.venue.clone())
            .or_else(|| entry.seminar.venue.as_deref().map(named))
            .into_iter()
            .chain(
                entry
                    .sessions
                    .iter()
                    .filter_map(|s| s.room.as_deref().map(named)),
            )
            .chain(
                entry
                    .slots
                    .iter()
                    .filter_map(|s| s.place.room.as_deref().map(named)),
            )
            .map(|venue| (entry.place.clone(), venue));
        named_rooms.extend(venues);
    }
    // The rooms of slots for seminars on record.
    named_rooms.extend((plan.slots.iter()).filter_map(|s| {
        let room = s.slot.place.room.as_deref()?;
        Some((s.place.clone(), named(room)))
    }));
    for (place, venue) in named_rooms {
        let key = name_key(&venue.name);
        if key.is_empty() || new.iter().any(|(_, known)| name_key(&known.name) == key) {
            continue;
        }
        if db.venue_by_key(&key)?.is_none() {
            new.push((place, venue));
        }
    }
    if !permission.allows_new(Record::Venue) {
        for (place, venue) in &new {
            refuse_near(db, Record::Venue, &venue.name).map_err(|error| error.at(place))?;
        }
    }
    let as_given = permission.approve_new(Record::Venue);
    for (place, venue) in new {
        add_venue(db, venue, as_given, notices).map_err(|error| error.at(&place))?;
    }
    Ok(())
}

fn import_seminar(
    db: &Db<'_>,
    entry: SeminarEntry,
    permission: Permission,
    notices: &mut Vec<Notice>,
    imported: &mut Imported,
) -> Result<()> {
    let mut input = entry.seminar;
    if let Some(uid) = &input.uid
        && let Some(existing) = db.seminar_by_uid(uid)?
    {
        return Err(Error::refused(format!(
            "this seminar is already in the database as '{}' (same uid {uid}); delete it first to import it again",
            existing.slug
        )));
    }
    for slot in &entry.slots {
        if let Some(uid) = &slot.uid
            && db.slot_uid_taken(uid)?
        {
            return Err(Error::refused(format!(
                "'{}' is already in the database (same uid {uid}); was this file imported before?",
                slot.title
            )));
        }
    }
    if let Some(slug) = &input.slug
        && let Some(other) = db.seminar_by_slug(slug)?
    {
        return Err(Error::refused(format!(
            "slug '{slug}' is already used by '{}'; give that seminar another slug (seminar edit {slug} --slug NEW) and import again",
            other.title
        )));
    }
    if let Some(venue) = entry.venue {
        let venue = match db.venue_by_key(&name_key(&venue.name))? {
            Some(existing) => existing,
            None => add_venue(db, venue, permission, notices)?,
        };
        input.venue = Some(venue.name);
    } else if let Some(name) = &input.venue {
        input.venue = Some(venue_for(db, name, permission, notices)?.name);
    }
    let (seminar, more) = create(db, input, permission)?;
    notices.extend(more);
    // Everything in the seminar is checked against the rules once, after it is all in:
    // the same rules, one pass instead of one per record.
    guarded(db, seminar.id, permission, notices, |notices| {
        let mut people_by_uid: HashMap<String, i64> = HashMap::new();
        for role in entry.roles {
            let uid = role.from_file.uid.clone();
            let role = add_role_unchecked(
                db,
                &seminar,
                role,
                permission,
                notices,
                Some(&mut *imported),
            )?;
            if let Some(uid) = uid {
                people_by_uid.insert(uid, role.person_id);
            }
        }
        for session in &entry.sessions {
            if let Some(uid) = &session.uid
                && db.session_uid_taken(uid)?
            {
                return Err(Error::refused(format!(
                    "session '{}' is already in the database (same uid {uid}); was this file imported before?",
                    session.title
                )));
            }
            insert_session(db, &seminar, session, permission, notices)?;
        }
        for mut slot in entry.slots {
            for person in &mut slot.people {
                if let Some(id) = people_by_uid.get(person.as_str()) {
                    *person = format!("#{id}");
                }
            }
            add_slot_unchecked(db, &seminar, &slot, permission, notices)?;
        }
        Ok(())
    })
}
