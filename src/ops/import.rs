//! Applying an import: the readers in [`crate::import`] turn a file into a [`Plan`], and
//! [`apply`] carries it out through the same calls the commands use, so an imported record
//! obeys every rule a typed one does. The caller runs it in one transaction: all or nothing.

use super::lookup::{Imported, add_venue, refuse_near, venue_for};
use super::people::{NewRole, add_role_unchecked, upsert_role};
use super::seminars::{NewSeminar, create, organizers, programme_of};
use super::sessions::{NewSession, insert_session, session_of, withdraw_session};
use super::slots::{
    NewSlot, add_slot_unchecked, insert_slot, slot_of, slot_role_ids, withdraw_slot,
    without_inherited,
};
use super::{
    Notice, Permission, find_seminar, guarded, guarded_all, optional, optional_lines, required,
};
use crate::error::{Error, Record, Result};
use crate::model::names::name_key;
use crate::model::versions::{self, Changes, Snapshot};
use crate::model::{Programme, RoleKind, Seminar, Status, Venue};
use crate::store::{Counts, Db};
use std::collections::{HashMap, HashSet};

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
    /// What of the seminar on record it updates when the seminar or its events are already
    /// there (same uid).
    pub updates: Updates,
}

/// What a file may update in place of a seminar on record whose uid, or whose slots' or
/// sessions' uids, it carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Updates {
    /// Nothing: a seminar or event already on record is refused (a calendar, the answers
    /// of the guided entry).
    #[default]
    Nothing,
    /// The title, days, hours and zone, and the events with their people (a schedule that
    /// another program wrote).
    Schedule,
    /// Everything: also the subtitle, description, organizers, status and venue, the
    /// sessions, the speakers and the moderators (our own JSON and frab files, which carry
    /// the whole record).
    Record,
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

/// What an import did.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// The records it added: the new seminars with everything in them, and the people,
    /// institutions and venues new to the database (for the seminars it updated too).
    pub added: Summary,
    /// What to tell besides: forced problems, updated roles.
    pub notices: Vec<Notice>,
    /// The seminars on record it updated in place, each with what changed.
    pub updated: Vec<Updated>,
}

/// A seminar on record that an import updated in place.
#[derive(Debug, Clone)]
pub struct Updated {
    pub seminar: Seminar,
    /// What changed, as `changes` reports it.
    pub changes: Changes,
}

/// Carries out a plan. Any error ends it, and the caller's transaction then keeps nothing.
/// `snapshot_of` renders a programme as the snapshots of published versions are (see
/// [`super::versions`]): the report of a seminar updated in place compares two of them.
pub fn apply(
    db: &Db<'_>,
    plan: Plan,
    permission: Permission,
    snapshot_of: &dyn Fn(&Programme) -> String,
) -> Result<Outcome> {
    apply_reporting(db, plan, permission, snapshot_of, &mut |_, _| {})
}

/// [`apply`], telling `report` how many of the plan's seminars and rows are done, of how
/// many, as it goes.
pub fn apply_reporting(
    db: &Db<'_>,
    plan: Plan,
    permission: Permission,
    snapshot_of: &dyn Fn(&Programme) -> String,
    report: &mut dyn FnMut(u64, u64),
) -> Result<Outcome> {
    let before = db.counts()?;
    refuse_repeated_uids(&plan)?;
    let total = (plan.seminars.len() + plan.roles.len() + plan.slots.len()) as u64;
    let mut done = 0;
    let mut notices = Vec::new();
    let mut imported = Imported::default();
    let mut updated: Vec<Updated> = Vec::new();
    // The slots and roles that updating seminars added or took away are told in their
    // change reports, not counted as added.
    let mut moved_by_updates = Counts::default();
    add_rooms(db, &plan, permission, &mut notices)?;
    for entry in plan.seminars {
        let place = entry.place.clone();
        match on_record(db, &entry).map_err(|error| error.at(&place))? {
            Some(seminar) => {
                if updated.iter().any(|other| other.seminar.id == seminar.id) {
                    return Err(Error::refused(format!(
                        "{place}: its events are those of a seminar the file updates already ('{}'); a seminar is in a file once",
                        seminar.slug
                    )));
                }
                let counted = db.counts()?;
                let update = Update {
                    permission,
                    snapshot_of,
                    record: entry.updates == Updates::Record,
                };
                let synced = update
                    .seminar(db, seminar, entry, &mut notices, &mut imported)
                    .map_err(|error| error.at(&place))?;
                let change = db.counts()?.since(counted);
                moved_by_updates.slots += change.slots;
                moved_by_updates.roles += change.roles;
                updated.push(synced);
            }
            None => import_seminar(db, entry, permission, &mut notices, &mut imported)
                .map_err(|error| error.at(&place))?,
        }
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
    let mut added = db.counts()?.since(before);
    added.slots -= moved_by_updates.slots;
    added.roles -= moved_by_updates.roles;
    Ok(Outcome {
        added,
        notices,
        updated,
    })
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

/// The seminar on record that an entry updates: the one with its uid, or the one that
/// holds its slots and sessions (by uid). `None` for an entry that is new, or that may
/// update nothing ([`Updates::Nothing`]: [`import_seminar`] refuses what is on record).
fn on_record(db: &Db<'_>, entry: &SeminarEntry) -> Result<Option<Seminar>> {
    if entry.updates == Updates::Nothing {
        return Ok(None);
    }
    let by_uid = match &entry.seminar.uid {
        Some(uid) => db.seminar_by_uid(uid)?,
        None => None,
    };
    let uids: Vec<&str> = (entry.slots.iter().filter_map(|slot| slot.uid.as_deref()))
        .chain(entry.sessions.iter().filter_map(|s| s.uid.as_deref()))
        .collect();
    let mut ids = db.seminars_holding(&uids)?;
    ids.extend(by_uid.as_ref().map(|seminar| seminar.id));
    ids.sort_unstable();
    ids.dedup();
    let seminar = match ids.as_slice() {
        [] => return Ok(None),
        [id] => match by_uid {
            Some(seminar) => seminar,
            None => db
                .seminar_by_id(*id)?
                .ok_or_else(|| Error::Storage(format!("seminar #{id} holds slots but is gone")))?,
        },
        several => {
            let mut slugs = Vec::new();
            for id in several {
                slugs.extend(db.seminar_by_id(*id)?.map(|s| format!("'{}'", s.slug)));
            }
            return Err(Error::refused(format!(
                "its seminar and events are in {} seminars on record ({}); a file updates one seminar, so nothing was imported",
                several.len(),
                slugs.join(", ")
            )));
        }
    };
    if let Some(uid) = &entry.seminar.uid
        && uid != &seminar.uid
    {
        return Err(Error::refused(format!(
            "its events are those of '{}' on record, but its seminar has another uid ({uid}); nothing was imported",
            seminar.slug
        )));
    }
    let reopens = !(entry.updates == Updates::Record && entry.seminar.status == Status::Cancelled);
    if seminar.status == Status::Cancelled && reopens {
        return Err(Error::refused(format!(
            "'{}' on record is cancelled, and a file does not reopen it; reopen it with 'seminar edit {} --status confirmed' and import again",
            seminar.slug, seminar.slug
        )));
    }
    Ok(Some(seminar))
}

/// Updating a seminar on record in place from a file's entry: its own facts, people,
/// sessions and slots become the file's (matched by uid), under the booking rules, and
/// what changed is found by comparing the seminar's snapshot before and after.
struct Update<'a> {
    permission: Permission,
    snapshot_of: &'a dyn Fn(&Programme) -> String,
    /// The file carries the whole record ([`Updates::Record`]).
    record: bool,
}

impl Update<'_> {
    fn snapshot(&self, db: &Db<'_>, seminar: Seminar) -> Result<Snapshot> {
        let programme = programme_of(db, seminar)?;
        Snapshot::parse(&(self.snapshot_of)(&programme)).map_err(Error::Storage)
    }

    fn seminar(
        &self,
        db: &Db<'_>,
        old: Seminar,
        entry: SeminarEntry,
        notices: &mut Vec<Notice>,
        imported: &mut Imported,
    ) -> Result<Updated> {
        let before = self.snapshot(db, old.clone())?;
        let seminar = guarded(db, old.id, self.permission, notices, |notices| {
            let seminar = self.facts(db, &old, &entry, notices)?;
            let people = self.roles(db, &seminar, &entry.roles, notices, imported)?;
            if self.record {
                self.sessions(db, &seminar, &entry.sessions, notices)?;
            }
            let speaking: HashSet<i64> = (db.slots_of_seminar(seminar.id)?.iter())
                .flat_map(|slot| slot.role_ids.clone())
                .collect();
            let venue = entry.seminar.venue.as_deref();
            self.slots(db, &seminar, entry.slots, venue, &people, notices)?;
            if !self.record {
                drop_idle_speakers(db, seminar.id, &speaking)?;
            }
            Ok(seminar)
        })?;
        let after = self.snapshot(db, seminar.clone())?;
        Ok(Updated {
            changes: versions::changes(&before, &after),
            seminar,
        })
    }

    /// The seminar's title, days, hours and zone from the file, and with a whole record its
    /// subtitle, description, organizers, status and venue. Its slug stays. The slots and
    /// sessions are not carried along: the file places each of them.
    fn facts(
        &self,
        db: &Db<'_>,
        old: &Seminar,
        entry: &SeminarEntry,
        notices: &mut Vec<Notice>,
    ) -> Result<Seminar> {
        let input = &entry.seminar;
        input.schedule.validate().map_err(Error::Invalid)?;
        let mut seminar = Seminar {
            title: required("title", &input.title)?,
            schedule: input.schedule.clone(),
            ..old.clone()
        };
        if self.record {
            seminar.subtitle = optional("subtitle", input.subtitle.as_deref())?;
            seminar.description = optional_lines("description", input.description.as_deref())?;
            seminar.organizers = organizers(&input.organizers)?;
            seminar.status = input.status;
            seminar.venue = match (&entry.venue, &input.venue) {
                (Some(venue), _) => Some(match db.venue_by_key(&name_key(&venue.name))? {
                    Some(known) => known,
                    None => add_venue(db, venue.clone(), self.permission, notices)?,
                }),
                (None, Some(name)) => Some(venue_for(db, name, self.permission, notices)?),
                (None, None) => None,
            };
        }
        if seminar != *old {
            db.update_seminar(&seminar)?;
        }
        Ok(seminar)
    }

    /// The file's people in the seminar, added or brought up to date; with a whole record,
    /// the speakers and moderators it does not list leave. Returns the people by their uid
    /// in the file, as slots name them.
    fn roles(
        &self,
        db: &Db<'_>,
        seminar: &Seminar,
        roles: &[NewRole],
        notices: &mut Vec<Notice>,
        imported: &mut Imported,
    ) -> Result<HashMap<String, i64>> {
        let mut people_by_uid = HashMap::new();
        let mut listed = Vec::new();
        for role in roles {
            let uid = role.from_file.uid.clone();
            let (role, _) = upsert_role(
                db,
                seminar,
                role.clone(),
                self.permission,
                notices,
                Some(&mut *imported),
            )?;
            if let Some(uid) = uid {
                people_by_uid.insert(uid, role.person_id);
            }
            listed.push(role.id);
        }
        if self.record {
            for role in db.roles_of_seminar(seminar.id)? {
                if !listed.contains(&role.id) {
                    db.delete_role(role.id)?;
                }
            }
        }
        Ok(people_by_uid)
    }

    /// The file's sessions: those on record by uid updated (a cancelled one back in the
    /// programme), the others added; those on record that the file lacks removed, or kept
    /// as cancelled once the schedule has been published, as `session remove` does.
    fn sessions(
        &self,
        db: &Db<'_>,
        seminar: &Seminar,
        sessions: &[NewSession],
        notices: &mut Vec<Notice>,
    ) -> Result<()> {
        let active = db.sessions_of_seminar(seminar.id)?;
        let cancelled = db.cancelled_sessions_of_seminar(seminar.id)?;
        let in_file: HashSet<&str> = sessions.iter().filter_map(|s| s.uid.as_deref()).collect();
        for session in active.iter().filter(|s| !in_file.contains(s.uid.as_str())) {
            withdraw_session(db, seminar.id, session.id)?;
        }
        for input in sessions {
            let known = (input.uid.as_deref())
                .and_then(|uid| active.iter().chain(&cancelled).find(|s| s.uid == uid));
            let Some(old) = known else {
                insert_session(db, seminar, input, self.permission, notices)?;
                continue;
            };
            let mut session = session_of(db, seminar, input, self.permission, notices)?;
            session.id = old.id;
            if cancelled.iter().any(|s| s.id == old.id) {
                db.restore_session(old.id)?;
            }
            if session != *old {
                db.update_session(&session)?;
            }
        }
        Ok(())
    }

    /// The file's slots, as [`Update::sessions`] does sessions (`slot remove` for those the
    /// file lacks). Without a whole record, a slot stays in its session, and one without a
    /// room is in `venue`, the file's one room, when given.
    fn slots(
        &self,
        db: &Db<'_>,
        seminar: &Seminar,
        slots: Vec<NewSlot>,
        venue: Option<&str>,
        people_by_uid: &HashMap<String, i64>,
        notices: &mut Vec<Notice>,
    ) -> Result<()> {
        let active = db.slots_of_seminar(seminar.id)?;
        let cancelled = db.cancelled_slots_of_seminar(seminar.id)?;
        let in_file: HashSet<&str> = slots.iter().filter_map(|s| s.uid.as_deref()).collect();
        for slot in active.iter().filter(|s| !in_file.contains(s.uid.as_str())) {
            withdraw_slot(db, seminar.id, slot.id)?;
        }
        for mut input in slots {
            for person in &mut input.people {
                if let Some(id) = people_by_uid.get(person.as_str()) {
                    *person = format!("#{id}");
                }
            }
            let known = (input.uid.as_deref())
                .and_then(|uid| active.iter().chain(&cancelled).find(|s| s.uid == uid));
            if !self.record {
                // A schedule from elsewhere has no sessions: a slot keeps the one it is in.
                let session = known.and_then(|slot| slot.session_id);
                input.place.session = session.map(|id| format!("#{id}"));
                if input.place.room.is_none() && input.place.session.is_none() {
                    input.place.room = venue.map(str::to_string);
                }
            }
            input.place = without_inherited(db, seminar, &input.place)?;
            let role_ids = slot_role_ids(db, seminar, &input.people, self.permission, notices)?;
            let Some(old) = known else {
                insert_slot(db, seminar, &input, &role_ids, self.permission, notices)?;
                continue;
            };
            let mut slot = slot_of(db, seminar, &input, &role_ids, self.permission, notices)?;
            slot.id = old.id;
            if cancelled.iter().any(|s| s.id == old.id) {
                db.restore_slot(old.id)?;
            }
            if slot != *old {
                db.update_slot(&slot)?;
                if slot.details != old.details {
                    db.update_slot_details(&slot)?;
                }
                if slot.role_ids != old.role_ids {
                    db.replace_slot_roles(slot.id, &slot.role_ids)?;
                }
            }
        }
        Ok(())
    }
}

/// Takes out of a seminar the speakers who spoke in it before (`speaking`, by role) and no
/// longer speak or chair there, as `speaker remove` would: a schedule from elsewhere knows
/// its speakers only by their talks.
fn drop_idle_speakers(db: &Db<'_>, seminar_id: i64, speaking: &HashSet<i64>) -> Result<()> {
    let busy: HashSet<i64> = (db.slots_of_seminar(seminar_id)?.into_iter())
        .flat_map(|slot| slot.role_ids)
        .chain(
            (db.sessions_of_seminar(seminar_id)?.into_iter())
                .flat_map(|session| session.chair_role_ids),
        )
        .collect();
    for role in db.roles_of_seminar(seminar_id)? {
        if role.kind == RoleKind::Speaker && speaking.contains(&role.id) && !busy.contains(&role.id)
        {
            db.delete_role(role.id)?;
        }
    }
    Ok(())
}
