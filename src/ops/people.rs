//! Speakers, moderators, people, institutions and venues.

use super::lookup::{
    self, Chosen, Clues, FileIdentity, Imported, institution_for, person_for_role, venue_for,
};
use super::seminars::programme_of;
use super::slots::{NewSlot, SlotChanges, SlotPlace, insert_slot, update_slot};
use super::{Notice, Permission, find_seminar, guarded, optional};
use crate::error::{Error, Result};
use crate::model::names::{contains, is_email};
use crate::model::{
    Institution, Person, Role, RoleKind, Seminar, SlotKind, Titles, Venue, VenueUse,
};
use crate::store::{Db, InstitutionRow, PersonRow, RoleRow, SpeakerFilter};

/// A talk to create with a speaker in one step.
#[derive(Debug, Clone)]
pub struct NewTalk {
    pub title: String,
    pub at: chrono::NaiveTime,
    pub on: Option<chrono::NaiveDate>,
    pub minutes: u32,
    pub place: SlotPlace,
}

/// Everything `speaker add` and `moderator assign` take, parsed.
#[derive(Debug, Clone)]
pub struct NewRole {
    pub kind: RoleKind,
    pub name: String,
    pub institution: Option<String>,
    pub position: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// `--titles`: front titles, a comma, back degrees (see [`Titles::parse`]); they replace
    /// any written in the name. An empty text clears them.
    pub titles: Option<String>,
    pub talk: Option<NewTalk>,
    /// How an import file identifies the person (empty for typed input).
    pub from_file: FileIdentity,
}

impl NewRole {
    /// A role with only a name, to fill in.
    pub fn named(kind: RoleKind, name: String) -> Self {
        NewRole {
            kind,
            name,
            institution: None,
            position: None,
            email: None,
            phone: None,
            titles: None,
            talk: None,
            from_file: FileIdentity::default(),
        }
    }
}

fn check_email(email: Option<&str>) -> Result<Option<String>> {
    let Some(email) = optional("email", email)? else {
        return Ok(None);
    };
    if is_email(&email) {
        Ok(Some(email))
    } else {
        Err(Error::usage(format!(
            "email: '{email}' is not an email address; accepted: name@example.org"
        )))
    }
}

fn check_phone(phone: Option<&str>) -> Result<Option<String>> {
    let Some(phone) = optional("phone", phone)? else {
        return Ok(None);
    };
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed = phone
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if allowed && (6..=20).contains(&digits) {
        Ok(Some(phone))
    } else {
        Err(Error::usage(format!(
            "phone: '{phone}' is not a phone number; accepted: digits with + - ( ) . or spaces, e.g. +62 21 786 4000"
        )))
    }
}

/// Adds a person to a seminar as speaker or moderator, creating the person and institution
/// if needed, and the talk slot if one is given. The role keeps the position and
/// institution given now (or the person's current ones), so later changes do not rewrite
/// this seminar's agenda.
pub fn add_role(
    db: &Db<'_>,
    seminar_reference: &str,
    input: NewRole,
    permission: Permission,
) -> Result<(Role, Vec<Notice>)> {
    add_role_importing(db, seminar_reference, input, permission, None)
}

/// [`add_role`] as one record of an import, which keeps apart the people it adds.
pub(super) fn add_role_importing(
    db: &Db<'_>,
    seminar_reference: &str,
    input: NewRole,
    permission: Permission,
    imported: Option<&mut Imported>,
) -> Result<(Role, Vec<Notice>)> {
    let seminar = find_seminar(db, seminar_reference)?;
    let mut notices = Vec::new();
    let role = guarded(db, seminar.id, permission, &mut notices, |notices| {
        add_role_unchecked(db, &seminar, input, permission, notices, imported)
    })?;
    Ok((role, notices))
}

/// [`add_role`] without the booking rules, for a caller that checks them once around many
/// changes to one seminar (an import).
pub(super) fn add_role_unchecked(
    db: &Db<'_>,
    seminar: &Seminar,
    input: NewRole,
    permission: Permission,
    notices: &mut Vec<Notice>,
    imported: Option<&mut Imported>,
) -> Result<Role> {
    let kind = input.kind;
    let (role, changed) = upsert_role(db, seminar, input, permission, notices, imported)?;
    if !changed {
        return Err(Error::refused(format!(
            "{} is already {} at {}; give --position, --institution, --email, --phone, --titles or --talk to change something",
            role.person_name,
            kind.with_article(),
            seminar.slug
        )));
    }
    Ok(role)
}

/// The person's role in the seminar, added or brought up to date with what `input` says
/// (without the booking rules); `true` when anything changed.
pub(super) fn upsert_role(
    db: &Db<'_>,
    seminar: &Seminar,
    input: NewRole,
    permission: Permission,
    notices: &mut Vec<Notice>,
    imported: Option<&mut Imported>,
) -> Result<(Role, bool)> {
    let email = check_email(input.email.as_deref())?;
    let phone = check_phone(input.phone.as_deref())?;
    let position = optional("position", input.position.as_deref())?;
    let institution = match optional("institution", input.institution.as_deref())? {
        Some(name) => Some(institution_for(db, &name, permission, notices)?),
        None => None,
    };
    let titles = match &input.titles {
        Some(text) => Some(check_titles(text)?),
        None => None,
    };
    let details = PersonDetails {
        position: position.clone(),
        institution: institution.clone(),
        email,
        phone,
        titles,
    };
    let (before, person) = upsert_person(
        db,
        &input.name,
        details,
        &input.from_file,
        permission,
        notices,
        imported,
    )?;
    // New contact details for someone already on the seminar are a change too.
    let mut changed = before.is_some_and(|before| {
        before.email != person.email
            || before.phone != person.phone
            || before.titles != person.titles
    });
    let role = match db.role(seminar.id, person.id, input.kind)? {
        Some(mut role) => {
            if position.is_some() && role.position != position {
                role.position = position.clone();
                changed = true;
            }
            if institution.is_some() && role.institution != institution {
                role.institution = institution.clone();
                changed = true;
            }
            if changed {
                db.update_role(&role)?;
                notices.push(Notice::Updated {
                    what: input.kind.as_str(),
                    name: person.name.clone(),
                    detail: format!("at {}", seminar.slug),
                });
            }
            role
        }
        None => {
            changed = true;
            let mut role = Role::taking_current(&person, seminar.id, input.kind);
            role.position = position.clone().or(role.position);
            role.institution = institution.clone().or(role.institution);
            role.id = db.insert_role(&role)?;
            role
        }
    };
    if let Some(talk) = &input.talk {
        // The same talk again is a correction of it, not a second talk.
        let key = crate::model::names::name_key(&talk.title);
        let existing = db.slots_of_seminar(seminar.id)?.into_iter().find(|slot| {
            slot.role_ids.contains(&role.id) && crate::model::names::name_key(&slot.title) == key
        });
        match existing {
            Some(slot) => {
                let changes = SlotChanges {
                    title: Some(talk.title.clone()),
                    at: Some(talk.at),
                    on: talk.on,
                    minutes: Some(talk.minutes),
                    room: talk.place.room.clone(),
                    session: talk.place.session.clone(),
                    track: talk.place.track.clone(),
                    kind: None,
                };
                let updated = update_slot(db, seminar, &slot, &changes, permission, notices)?;
                changed |= updated != slot;
            }
            None => {
                let slot = NewSlot {
                    title: talk.title.clone(),
                    kind: SlotKind::Talk,
                    at: talk.at,
                    on: talk.on,
                    minutes: talk.minutes,
                    people: Vec::new(),
                    uid: None,
                    place: talk.place.clone(),
                    details: Default::default(),
                };
                insert_slot(db, seminar, &slot, &[role.id], permission, notices)?;
                changed = true;
            }
        }
    }
    Ok((role, changed))
}

/// What is known of a person now; `None` leaves a recorded detail as it is.
#[derive(Debug, Clone, Default)]
pub(super) struct PersonDetails {
    pub position: Option<String>,
    pub institution: Option<Institution>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub titles: Option<Titles>,
}

/// Checks `--titles` (see [`Titles::parse`]).
fn check_titles(text: &str) -> Result<Titles> {
    if text.trim().is_empty() {
        return Ok(Titles::default());
    }
    let text = optional("titles", Some(text))?.unwrap_or_default();
    let titles = Titles::parse(&text);
    if [&titles.front, &titles.back]
        .into_iter()
        .flatten()
        .any(|part| crate::model::names::name_key(part).is_empty())
    {
        return Err(Error::usage(format!(
            "titles: '{text}' has no letters; accepted: front titles, a comma, back degrees, e.g. \"Prof. Dr., M.Si.\""
        )));
    }
    Ok(titles)
}

/// The person a reference names (see [`person_for_role`]), created if new; given details
/// become their current ones, and so do titles written in the reference (`Dr. Siti
/// Rahmawati, M.A.`) unless `details` gives titles. Returns the person as they were (`None` if new) and as they
/// are now.
pub(super) fn upsert_person(
    db: &Db<'_>,
    reference: &str,
    details: PersonDetails,
    from_file: &FileIdentity,
    permission: Permission,
    notices: &mut Vec<Notice>,
    imported: Option<&mut Imported>,
) -> Result<(Option<Person>, Person)> {
    let typed = lookup::typed_titles(reference, from_file.exact_name);
    let details = PersonDetails {
        titles: details
            .titles
            .or_else(|| (!typed.is_empty()).then_some(typed)),
        ..details
    };
    let clues = Clues {
        institution: details.institution.as_ref(),
        email: details.email.as_deref(),
        file: Some(from_file),
    };
    match person_for_role(db, reference, clues, permission, imported.as_deref())? {
        Chosen::Existing(mut person) => {
            let before = person.clone();
            person.position = details.position.or(person.position);
            person.institution = details.institution.or(person.institution);
            person.email = details.email.or(person.email);
            person.phone = details.phone.or(person.phone);
            person.titles = details.titles.unwrap_or(person.titles);
            if person != before {
                db.update_person(&person)?;
            }
            Ok((Some(before), person))
        }
        Chosen::New {
            name,
            institution,
            email,
        } => {
            let institution = match (details.institution, institution) {
                (Some(given), _) => Some(given),
                (None, Some(named)) => Some(institution_for(db, &named, permission, notices)?),
                (None, None) => None,
            };
            let mut person = Person {
                id: 0,
                uid: from_file.uid.clone().unwrap_or_else(crate::model::new_uid),
                name,
                titles: details.titles.unwrap_or_default(),
                email: details.email.or(email),
                phone: details.phone,
                position: details.position,
                institution,
            };
            person.id = db.insert_person(&person)?;
            if let Some(imported) = imported {
                imported.add(person.id);
            }
            notices.push(Notice::Created {
                what: "person",
                name: person.name.clone(),
            });
            Ok((None, person))
        }
    }
}

/// Removes a person's role from a seminar, and the talks that only they gave there. The
/// role is the first of `kinds` the person has there (`speaker remove` takes the speaker
/// role before the keynote one, so a person with both keeps the keynote).
pub fn remove_role(
    db: &Db<'_>,
    seminar_reference: &str,
    name: &str,
    kinds: &[RoleKind],
) -> Result<(Role, Vec<Notice>)> {
    let seminar = find_seminar(db, seminar_reference)?;
    let roles = db.roles_of_seminar(seminar.id)?;
    let person = lookup::find_person_preferring(db, name, |person| {
        roles
            .iter()
            .any(|role| role.person_id == person.id && kinds.contains(&role.kind))
    })?;
    let mut found = None;
    for kind in kinds {
        found = db.role(seminar.id, person.id, *kind)?;
        if found.is_some() {
            break;
        }
    }
    let Some(role) = found else {
        let kind = kinds.first().copied().unwrap_or(RoleKind::Speaker);
        return Err(Error::NotFound {
            what: kind.noun(),
            name: person.name,
            suggestions: Vec::new(),
            see: if kind.speaks() {
                "seminar speaker list SEMINAR"
            } else {
                "seminar show SEMINAR"
            },
        });
    };
    let keep_cancelled = super::versions::keeps_cancelled(db, seminar.id)?;
    let programme = programme_of(db, seminar)?;
    let mut notices = Vec::new();
    for slot in programme.slots_of(&role) {
        if slot.kind == SlotKind::Talk && slot.role_ids == [role.id] {
            let title = slot.title.clone();
            if keep_cancelled {
                db.cancel_slot(slot.id)?;
                notices.push(Notice::SlotCancelled { title });
            } else {
                db.delete_slot(slot.id)?;
                notices.push(Notice::SlotRemoved { title });
            }
        }
    }
    db.delete_role(role.id)?;
    Ok((role, notices))
}

/// Speakers of one seminar or of all, optionally only those who spoke for an institution.
pub fn speakers(
    db: &Db<'_>,
    seminar_reference: Option<&str>,
    institution: Option<&str>,
) -> Result<Vec<RoleRow>> {
    let seminar_id = match seminar_reference {
        Some(reference) => Some(find_seminar(db, reference)?.id),
        None => None,
    };
    let institution_id = match institution {
        Some(name) => Some(lookup::find_institution(db, name)?.id),
        None => None,
    };
    db.role_rows(&SpeakerFilter {
        seminar_id,
        institution_id,
        person_id: None,
        kinds: vec![RoleKind::Speaker, RoleKind::Keynote],
    })
}

/// Fills in the email and phone of everyone in these roles, for an export that asks for
/// contacts.
pub fn add_contacts<'r>(db: &Db<'_>, roles: impl IntoIterator<Item = &'r mut Role>) -> Result<()> {
    let mut roles: Vec<&mut Role> = roles.into_iter().collect();
    let mut ids: Vec<i64> = roles.iter().map(|role| role.person_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let contacts = db.contacts(&ids)?;
    for role in &mut roles {
        role.contact = Some(contacts.get(&role.person_id).cloned().unwrap_or_default());
    }
    Ok(())
}

pub fn people(db: &Db<'_>, search: Option<&str>) -> Result<Vec<PersonRow>> {
    let mut people = db.people()?;
    if let Some(text) = search {
        people.retain(|row| {
            let person = &row.person;
            contains(&person.name, text)
                || person
                    .position
                    .as_deref()
                    .is_some_and(|p| contains(p, text))
                || person.institution.as_ref().is_some_and(|i| {
                    contains(&i.name, text)
                        || i.short_name.as_deref().is_some_and(|s| contains(s, text))
                })
        });
    }
    Ok(people)
}

/// A person with every part they had in any seminar, newest first.
pub fn person(db: &Db<'_>, name: &str) -> Result<(Person, Vec<RoleRow>)> {
    let person = lookup::find_person(db, name)?;
    let roles = db.role_rows(&SpeakerFilter {
        person_id: Some(person.id),
        ..SpeakerFilter::default()
    })?;
    Ok((person, roles))
}

pub fn add_institution(
    db: &Db<'_>,
    name: &str,
    short_name: Option<&str>,
    permission: Permission,
) -> Result<Institution> {
    // "Universitas Gadjah Mada (UGM)" names its short name, as --institution does.
    let (name, written_short) = match short_name {
        Some(_) => (name.to_string(), None),
        None => lookup::split_short_name(name),
    };
    let short_name = short_name.or(written_short.as_deref());
    lookup::add_institution(db, &name, short_name, permission, &mut Vec::new())
}

/// Every institution, with its aliases.
pub fn institutions(db: &Db<'_>) -> Result<Vec<InstitutionRow>> {
    let mut aliases: std::collections::HashMap<i64, Vec<String>> = Default::default();
    for (institution_id, alias) in db.institution_aliases()? {
        aliases.entry(institution_id).or_default().push(alias);
    }
    Ok(db
        .institutions()?
        .into_iter()
        .map(|(institution, people, roles)| InstitutionRow {
            aliases: aliases.remove(&institution.id).unwrap_or_default(),
            institution,
            people,
            roles,
        })
        .collect())
}

pub fn add_venue(db: &Db<'_>, venue: Venue, permission: Permission) -> Result<Venue> {
    lookup::add_venue(db, venue, permission, &mut Vec::new())
}

pub use super::lookup::{VenueChange, edit_venue, removable_venue, remove_venue};

pub fn venues(db: &Db<'_>) -> Result<Vec<(Venue, VenueUse)>> {
    db.venues()
}

/// Holds a seminar at a venue (created if new), if the venue is free then.
pub fn assign_venue(
    db: &Db<'_>,
    seminar_reference: &str,
    venue_name: &str,
    permission: Permission,
) -> Result<(crate::model::Seminar, Vec<Notice>)> {
    let mut seminar = find_seminar(db, seminar_reference)?;
    let mut notices = Vec::new();
    guarded(db, seminar.id, permission, &mut notices, |notices| {
        seminar.venue = Some(venue_for(db, venue_name, permission, notices)?);
        db.update_seminar(&seminar)
    })?;
    Ok((seminar, notices))
}
