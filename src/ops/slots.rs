//! The rundown: timed slots and the people on them.

use chrono::{NaiveDate, NaiveTime};

use super::lookup::FileIdentity;
use super::lookup::find_seminar;
use super::people::{PersonDetails, upsert_person};
use super::seminars::programme_of;
use super::{Notice, Permission, guarded, required};
use crate::error::{Error, Result};
use crate::model::names::{PersonRef, Qualifier, name_key};
use crate::model::{MAX_SLOT_MINUTES, Programme, Role, RoleKind, Seminar, Slot, SlotKind, time};
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
}

/// Writes a slot with the given roles on it.
pub(super) fn insert_slot(
    db: &Db<'_>,
    seminar: &Seminar,
    slot: &NewSlot,
    role_ids: &[i64],
) -> Result<Slot> {
    let title = required("title", &slot.title)?;
    if slot.minutes == 0 || slot.minutes > MAX_SLOT_MINUTES {
        return Err(Error::usage(format!(
            "minutes: {} is out of range; accepted: 1 to {MAX_SLOT_MINUTES}",
            slot.minutes
        )));
    }
    let schedule = &seminar.schedule;
    let day = slot.on.unwrap_or(schedule.first_day);
    if schedule.day_index(day).is_none() {
        return Err(Error::usage(format!(
            "on: {day} is not a day of {} ({} to {})",
            seminar.slug, schedule.first_day, schedule.last_day
        )));
    }
    let starts_at = time::local_instant(schedule.zone, day, slot.at)
        .map_err(|e| Error::usage(format!("at: {e}")))?;
    let mut slot = Slot {
        id: 0,
        uid: slot.uid.clone().unwrap_or_else(crate::model::new_uid),
        seminar_id: seminar.id,
        kind: slot.kind,
        title,
        starts_at,
        minutes: slot.minutes,
        role_ids: role_ids.to_vec(),
    };
    slot.id = db.insert_slot(&slot)?;
    Ok(slot)
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
        let roles = db.roles_of_seminar(seminar.id)?;
        let mut role_ids = Vec::new();
        for name in &input.people {
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
                    match roles.iter().find(|role| role.person_id == person.id) {
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
        insert_slot(db, &seminar, &input, &role_ids)
    })?;
    Ok((slot, notices))
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
                let key = name_key(&name);
                match qualifier {
                    None => Box::new(move |role: &Role| name_key(&role.person_name) == key),
                    Some(Qualifier::Institution(institution)) => {
                        let institution = name_key(&institution);
                        Box::new(move |role: &Role| {
                            name_key(&role.person_name) == key
                                && role.institution.as_ref().is_some_and(|i| {
                                    name_key(&i.name) == institution
                                        || i.short_name.as_deref().map(name_key).as_deref()
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
    Ok(theirs
        .iter()
        .find(|role| role.kind == RoleKind::Speaker)
        .or(theirs.first())
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

pub fn remove_slot(db: &Db<'_>, seminar_reference: &str, slot_reference: &str) -> Result<Slot> {
    let seminar = find_seminar(db, seminar_reference)?;
    let programme = programme_of(db, seminar)?;
    let slot = find_slot(&programme, slot_reference)?.clone();
    db.delete_slot(slot.id)?;
    Ok(slot)
}
