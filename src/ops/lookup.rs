//! Finding records by the names users type, and creating them without near-duplicates.

use super::{Notice, Permission, required};
use crate::error::{Error, Record, Result};
use crate::model::names::{NameIndex, PersonRef, Qualifier, institution_key, name_key};
use crate::model::slug::closest_slugs;
use crate::model::titles::{Titles, split_titles};
use crate::model::{Institution, Person, Seminar, Venue};
use crate::store::Db;

/// A seminar by slug or `#ID`.
pub fn find_seminar(db: &Db<'_>, reference: &str) -> Result<Seminar> {
    let reference = reference.trim();
    let found = match reference.strip_prefix('#') {
        Some(id) => match id.parse::<i64>() {
            Ok(id) => db.seminar_by_id(id)?,
            Err(_) => {
                return Err(Error::usage(format!(
                    "seminar: '{reference}' is not a seminar; accepted: a slug such as kss-2017 or #ID such as #1"
                )));
            }
        },
        None => db.seminar_by_slug(&reference.to_lowercase())?,
    };
    match found {
        Some(seminar) => Ok(seminar),
        None => {
            let slugs = db.slugs()?;
            let suggestions = closest_slugs(
                &reference.to_lowercase(),
                slugs.iter().map(String::as_str),
                3,
            );
            Err(Error::NotFound {
                what: "seminar",
                name: reference.to_string(),
                suggestions,
                see: "seminar list",
            })
        }
    }
}

/// The labels of the names near `key` among `names` (label, key), found through a
/// [`NameIndex`]: at most five, in order.
fn near_names<'a>(key: &str, names: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<String> {
    let mut index = NameIndex::new();
    let labels: Vec<&str> = names
        .into_iter()
        .map(|(label, other)| {
            index.insert(other);
            label
        })
        .collect();
    first_labels(
        index
            .near(key)
            .into_iter()
            .map(|position| labels[position].to_string()),
    )
}

fn first_labels(labels: impl Iterator<Item = String>) -> Vec<String> {
    let mut near: Vec<String> = labels.collect();
    near.sort();
    near.dedup();
    near.truncate(5);
    near
}

/// The people whose names are near `key` (see [`crate::model::names::is_near`]), other than those in
/// `leaving_out`, by their shortest unambiguous reference (`Name`, `Name (INST)` or `#ID`):
/// at most five, in order.
fn near_people(
    db: &Db<'_>,
    key: &str,
    leaving_out: &std::collections::HashSet<i64>,
) -> Result<Vec<String>> {
    db.with_people_names(|names| {
        let kept = |position: &usize| !leaving_out.contains(&names.people[*position].id);
        let label = |position: usize| {
            let person = &names.people[position];
            let namesakes: Vec<usize> = names.by_key[&person.key]
                .iter()
                .copied()
                .filter(kept)
                .collect();
            let colleagues = namesakes
                .iter()
                .filter(|&&other| names.people[other].institution_id == person.institution_id)
                .count();
            match &person.institution {
                _ if namesakes.len() == 1 => person.name.clone(),
                Some(institution) if colleagues == 1 => {
                    format!("{} ({institution})", person.name)
                }
                _ => format!("#{}", person.id),
            }
        };
        first_labels(names.index.near(key).into_iter().filter(kept).map(label))
    })
}

/// Existing names close to a new one, for "did you mean ...?". Empty when the name is
/// already on record as it is (then it is no new record) or when nothing is close.
pub fn similar_names(db: &Db<'_>, record: Record, name: &str) -> Result<Vec<String>> {
    let name = match record {
        Record::Institution => split_short_name(name).0,
        Record::Person | Record::Venue => name.trim().to_string(),
    };
    let key = match record {
        Record::Institution => institution_key(&name),
        Record::Person => name_key(&split_titles(&name).name),
        Record::Venue => name_key(&name),
    };
    if key.is_empty() {
        return Ok(Vec::new());
    }
    let labelled: Vec<(String, String)> = match record {
        Record::Person => {
            // A qualified name or an id says which person is meant: nothing to be close to.
            let plain = matches!(
                PersonRef::parse(&name),
                Ok(PersonRef::Name {
                    qualifier: None,
                    ..
                })
            );
            if !plain || !db.people_by_key(&key)?.is_empty() {
                return Ok(Vec::new());
            }
            return near_people(db, &key, &Default::default());
        }
        Record::Institution => {
            if db.institution_by_name(&name)?.is_some() {
                return Ok(Vec::new());
            }
            institution_labels(db)?
        }
        Record::Venue => {
            if db.venue_by_key(&key)?.is_some() {
                return Ok(Vec::new());
            }
            db.venues()?
                .iter()
                .map(|(venue, _)| (venue.name.clone(), name_key(&venue.name)))
                .collect()
        }
    };
    Ok(near_names(
        &key,
        labelled.iter().map(|(n, k)| (n.as_str(), k.as_str())),
    ))
}

/// Refuses a new record whose name is close to existing ones.
pub(super) fn refuse_near(db: &Db<'_>, record: Record, name: &str) -> Result<()> {
    looks_like(record, name, similar_names(db, record, name)?)
}

/// Refuses a new person whose plain name is close to someone on record other than the
/// people in `leaving_out`.
fn refuse_near_person(
    db: &Db<'_>,
    name: &str,
    leaving_out: &std::collections::HashSet<i64>,
) -> Result<()> {
    let candidates = near_people(db, &name_key(name), leaving_out)?;
    looks_like(Record::Person, name, candidates)
}

/// The refusal of a new name that looks like the candidates, if there are any.
fn looks_like(record: Record, name: &str, candidates: Vec<String>) -> Result<()> {
    if candidates.is_empty() {
        return Ok(());
    }
    Err(Error::LooksLike {
        record,
        name: name.to_string(),
        candidates,
        place: None,
    })
}

/// Splits "Kementerian Luar Negeri (Kemlu)" into a name and a short name.
pub fn split_short_name(text: &str) -> (String, Option<String>) {
    let text = text.trim();
    if let Some(open) = text.rfind(" (")
        && text.ends_with(')')
    {
        let short = &text[open + 2..text.len() - 1];
        if !short.is_empty() && short.len() <= 16 && !short.contains(' ') {
            return (text[..open].trim().to_string(), Some(short.to_string()));
        }
    }
    (text.to_string(), None)
}

pub(super) fn institution_label(institution: &Institution) -> String {
    match &institution.short_name {
        Some(short) => format!("{} ({short})", institution.name),
        None => institution.name.clone(),
    }
}

/// Every institution's label with the key of its name, to find near names among.
fn institution_labels(db: &Db<'_>) -> Result<Vec<(String, String)>> {
    Ok(db
        .institutions()?
        .iter()
        .map(|(institution, _, _)| {
            (
                institution_label(institution),
                institution_key(&institution.name),
            )
        })
        .collect())
}

/// An existing institution by name, short name or alias, any case, accents or abbreviations.
pub fn find_institution(db: &Db<'_>, name: &str) -> Result<Institution> {
    let (name, _) = split_short_name(name);
    if let Some(found) = db.institution_by_name(&name)? {
        return Ok(found);
    }
    let labels = institution_labels(db)?;
    let suggestions = near_names(
        &institution_key(&name),
        labels
            .iter()
            .map(|(label, key)| (label.as_str(), key.as_str())),
    );
    Err(Error::NotFound {
        what: "institution",
        name,
        suggestions,
        see: "seminar institution list",
    })
}

/// The institution with this name (or short name), created if there is none. A name close
/// to an existing one is refused unless `permission.new`.
pub fn institution_for(
    db: &Db<'_>,
    text: &str,
    permission: Permission,
    notices: &mut Vec<Notice>,
) -> Result<Institution> {
    let (name, short_name) = split_short_name(text);
    let name = required("institution", &name)?;
    if let Some(found) = db.institution_by_name(&name)? {
        return Ok(found);
    }
    if let Some(short) = &short_name
        && let Some(found) = db.institution_by_name(short)?
    {
        return Ok(found);
    }
    add_institution(db, &name, short_name.as_deref(), permission, notices)
}

/// Adds an institution; refuses an existing or near-duplicate name (unless `permission.new`).
pub fn add_institution(
    db: &Db<'_>,
    name: &str,
    short_name: Option<&str>,
    permission: Permission,
    notices: &mut Vec<Notice>,
) -> Result<Institution> {
    let name = required("institution", name)?;
    if name_key(&name).is_empty() {
        return Err(Error::usage(
            "institution: needs at least one letter or digit",
        ));
    }
    if let Some(existing) = db.institution_by_name(&name)? {
        return Err(Error::refused(format!(
            "institution '{}' already exists",
            institution_label(&existing)
        )));
    }
    if let Some(short) = short_name
        && let Some(existing) = db.institution_by_name(short)?
    {
        return Err(Error::refused(format!(
            "short name '{short}' already belongs to '{}'; choose another --short",
            institution_label(&existing)
        )));
    }
    if !permission.allows_new(Record::Institution) {
        refuse_near(db, Record::Institution, &name)?;
    }
    let short_name = super::optional("short name", short_name)?;
    let institution = db.insert_institution(&name, short_name.as_deref())?;
    notices.push(Notice::Created {
        what: "institution",
        name: institution_label(&institution),
    });
    Ok(institution)
}

/// Reads a PERSON reference, refusing a malformed one as a usage error.
pub fn parse_person(reference: &str) -> Result<PersonRef> {
    PersonRef::parse(reference).map_err(Error::Usage)
}

fn institution_word(institution: &Institution) -> &str {
    institution
        .short_name
        .as_deref()
        .unwrap_or(institution.name.as_str())
}

/// `#7 Budi Santoso (ITB)`: a person as a list of candidates shows them.
fn candidate_label(person: &Person) -> String {
    match &person.institution {
        Some(institution) => format!(
            "#{} {} ({})",
            person.id,
            person.name,
            institution_word(institution)
        ),
        None => format!("#{} {}", person.id, person.name),
    }
}

/// `Budi Santoso (UGM)`, or `#3` for someone without an institution.
fn qualified_reference(person: &Person) -> String {
    match &person.institution {
        Some(institution) => format!("{} ({})", person.name, institution_word(institution)),
        None => format!("#{}", person.id),
    }
}

/// The refusal of a name that several people share, listing them.
fn ambiguous(people: &[Person]) -> Error {
    let listed: Vec<String> = people.iter().map(candidate_label).collect();
    let last = people.last().expect("ambiguous among several people");
    let name = &people[0].name;
    let qualified = match &last.institution {
        Some(institution) => format!("'{name} ({})', ", institution_word(institution)),
        None => String::new(),
    };
    Error::refused(format!(
        "person '{name}' is ambiguous: {}; name one as {qualified}'{name} <email>' or '#{}'",
        listed.join(", "),
        last.id
    ))
}

fn has_institution(person: &Person, institution: Option<&Institution>, key: &str) -> bool {
    person.institution.as_ref().is_some_and(|theirs| {
        institution.is_some_and(|named| named.id == theirs.id)
            || institution_key(&theirs.name) == key
            || theirs.short_name.as_deref().map(institution_key).as_deref() == Some(key)
    })
}

fn has_email(person: &Person, email: &str) -> bool {
    person
        .email
        .as_deref()
        .is_some_and(|own| own.eq_ignore_ascii_case(email))
}

/// The people a name with its qualifier may mean. A qualifier in parentheses that fits
/// nobody is read as part of the name, for people recorded as "Name (Something)".
fn people_named(
    db: &Db<'_>,
    whole: &str,
    name: &str,
    qualifier: Option<&Qualifier>,
) -> Result<Vec<Person>> {
    let mut people = db.people_by_key(&name_key(&split_titles(name).name))?;
    match qualifier {
        None => {}
        Some(Qualifier::Email(email)) => people.retain(|person| has_email(person, email)),
        Some(Qualifier::Institution(institution)) => {
            let key = institution_key(institution);
            let named = db.institution_by_name(institution)?;
            people.retain(|person| has_institution(person, named.as_ref(), &key));
            if people.is_empty() {
                return db.people_by_key(&name_key(&split_titles(whole).name));
            }
        }
    }
    Ok(people)
}

/// A person on record, named as `NAME`, `NAME (INSTITUTION)`, `NAME <email>` or `#ID`
/// (names in any case or accents). A name several people share is refused, listing them.
pub fn find_person(db: &Db<'_>, reference: &str) -> Result<Person> {
    find_person_preferring(db, reference, |_| false)
}

/// [`find_person`], where a name several people share means the one person among them
/// for whom `preferred` holds, if there is exactly one (the one who speaks at a seminar).
pub fn find_person_preferring(
    db: &Db<'_>,
    reference: &str,
    preferred: impl Fn(&Person) -> bool,
) -> Result<Person> {
    let (name, qualifier) = match parse_person(reference)? {
        PersonRef::Id(id) => {
            return db.person_by_id(id)?.ok_or_else(|| Error::NotFound {
                what: "person",
                name: format!("#{id}"),
                suggestions: Vec::new(),
                see: "seminar person list",
            });
        }
        PersonRef::Name { name, qualifier } => (name, qualifier),
    };
    let mut people = people_named(db, reference.trim(), &name, qualifier.as_ref())?;
    if people.len() > 1 && people.iter().filter(|p| preferred(p)).count() == 1 {
        people.retain(|p| preferred(p));
    }
    match people.len() {
        1 => Ok(people.remove(0)),
        0 => {
            let suggestions = near_people(
                db,
                &name_key(&split_titles(&name).name),
                &Default::default(),
            )?;
            Err(Error::NotFound {
                what: "person",
                name: reference.trim().to_string(),
                suggestions,
                see: "seminar person list",
            })
        }
        _ => Err(ambiguous(&people)),
    }
}

/// What else is known of the person a new role is for, to tell apart people who share a
/// name.
#[derive(Debug, Clone, Copy, Default)]
pub struct Clues<'a> {
    pub institution: Option<&'a Institution>,
    pub email: Option<&'a str>,
    pub file: Option<&'a FileIdentity>,
}

/// How an import file names a person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileIdentity {
    /// The person's uid in the file (a JSON archive's `person_uid`, a frab `<person guid>`),
    /// or one the reader gave a person the file tells apart by an id of its own (a frab
    /// `<person id>`): people with different uids are different people, never "looks like"
    /// each other, and a slot of the same seminar entry may name them by it.
    pub uid: Option<String>,
    /// The name is a name as recorded (JSON, frab), not a PERSON reference: "Name (X)" in
    /// it is part of the name.
    pub exact_name: bool,
}

/// The people an import has added so far. Its later rows find them again only by the same
/// uid or, without uids, by the same institution: two people a file keeps apart stay apart.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    created: std::collections::HashSet<i64>,
}

impl Imported {
    pub fn add(&mut self, person_id: i64) {
        self.created.insert(person_id);
    }
}

/// Who a new role is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chosen {
    Existing(Person),
    /// Someone new, with what the reference said of them.
    New {
        name: String,
        institution: Option<String>,
        email: Option<String>,
    },
}

/// The titles written in a reference to a person (`Dr. Siti Rahmawati, M.A.`): none for
/// `#ID`.
pub fn typed_titles(reference: &str, exact_name: bool) -> Titles {
    if exact_name {
        return split_titles(reference).titles;
    }
    match PersonRef::parse(reference) {
        Ok(PersonRef::Name { name, .. }) => split_titles(&name).titles,
        _ => Titles::default(),
    }
}

/// The person a role is for: someone on record, or someone new. A name one person has means
/// them; a name several share is refused unless the reference, the email or (without
/// `--new`) the institution picks one out. A plain new name close to someone else's is
/// refused unless `permission.new`; `--new` adds a new person even when the name is on
/// record. In an import (`imported`), a name on record for someone of another institution
/// is refused too, rather than merging two people.
pub fn person_for_role(
    db: &Db<'_>,
    reference: &str,
    clues: Clues<'_>,
    permission: Permission,
    imported: Option<&Imported>,
) -> Result<Chosen> {
    let exact_name = clues.file.is_some_and(|file| file.exact_name);
    let uid = clues.file.and_then(|file| file.uid.as_deref());
    let parsed = if exact_name {
        PersonRef::Name {
            name: reference.to_string(),
            qualifier: None,
        }
    } else {
        parse_person(reference)?
    };
    let (name, qualifier) = match parsed {
        PersonRef::Id(_) => return find_person(db, reference).map(Chosen::Existing),
        PersonRef::Name { name, qualifier } => {
            (split_titles(&required("name", &name)?).name, qualifier)
        }
    };
    if name_key(&name).is_empty() {
        return Err(Error::usage("name: needs at least one letter or digit"));
    }
    if let Some(uid) = uid
        && let Some(person) = db.person_by_uid(uid)?
    {
        return Ok(Chosen::Existing(person));
    }
    let mut people = people_named(db, reference.trim(), &name, qualifier.as_ref())?;
    if let Some(imported) = imported {
        people.retain(|person| {
            !imported.created.contains(&person.id)
                || (uid.is_none()
                    && person.institution.as_ref().map(|i| i.id) == clues.institution.map(|i| i.id))
        });
    }
    let new = || Chosen::New {
        name: name.clone(),
        institution: match &qualifier {
            Some(Qualifier::Institution(institution)) => Some(institution.clone()),
            _ => None,
        },
        email: match &qualifier {
            Some(Qualifier::Email(email)) => Some(email.clone()),
            _ => None,
        },
    };
    if let Some(email) = clues.email {
        let theirs: Vec<&Person> = people.iter().filter(|p| has_email(p, email)).collect();
        if let [person] = theirs[..] {
            return Ok(Chosen::Existing(person.clone()));
        }
    }
    let allows_new = permission.allows_new(Record::Person);
    if let Some(institution) = clues.institution
        && (imported.is_some() || !allows_new)
    {
        let theirs: Vec<&Person> = people
            .iter()
            .filter(|p| p.institution.as_ref().map(|i| i.id) == Some(institution.id))
            .collect();
        if let [person] = theirs[..] {
            return Ok(Chosen::Existing(person.clone()));
        }
    }
    if qualifier.is_some() {
        return match people.len() {
            0 => Ok(new()),
            1 => Ok(Chosen::Existing(people.remove(0))),
            _ => Err(ambiguous(&people)),
        };
    }
    if allows_new {
        return Ok(new());
    }
    match people.len() {
        0 => {
            match imported.filter(|_| uid.is_some()) {
                // The people this file added are told apart by their uids: only those on
                // record before it can be near-duplicates.
                Some(imported) => refuse_near_person(db, &name, &imported.created)?,
                None => refuse_near(db, Record::Person, &name)?,
            }
            Ok(new())
        }
        1 => {
            let person = people.remove(0);
            let elsewhere = match (clues.institution, &person.institution) {
                (Some(given), Some(theirs)) => given.id != theirs.id,
                _ => false,
            };
            if imported.is_some() && elsewhere {
                return Err(Error::LooksLike {
                    record: Record::Person,
                    name,
                    candidates: vec![qualified_reference(&person)],
                    place: None,
                });
            }
            Ok(Chosen::Existing(person))
        }
        _ => Err(ambiguous(&people)),
    }
}

/// An existing venue, any case or accents.
pub fn find_venue(db: &Db<'_>, name: &str) -> Result<Venue> {
    let key = name_key(name);
    if let Some(venue) = db.venue_by_key(&key)? {
        return Ok(venue);
    }
    let venues = db.venues()?;
    let keys: Vec<(String, String)> = venues
        .iter()
        .map(|(venue, _)| (venue.name.clone(), name_key(&venue.name)))
        .collect();
    Err(Error::NotFound {
        what: "venue",
        name: name.trim().to_string(),
        suggestions: near_names(&key, keys.iter().map(|(n, k)| (n.as_str(), k.as_str()))),
        see: "seminar venue list",
    })
}

/// Adds a venue; refuses an existing or near-duplicate name (unless `permission.new`).
pub fn add_venue(
    db: &Db<'_>,
    venue: Venue,
    permission: Permission,
    notices: &mut Vec<Notice>,
) -> Result<Venue> {
    let name = required("venue", &venue.name)?;
    let key = name_key(&name);
    if key.is_empty() {
        return Err(Error::usage("venue: needs at least one letter or digit"));
    }
    if db.venue_by_key(&key)?.is_some() {
        return Err(Error::refused(format!(
            "venue '{name}' already exists; see 'seminar venue list'"
        )));
    }
    if !permission.allows_new(Record::Venue) {
        refuse_near(db, Record::Venue, &name)?;
    }
    let venue = Venue {
        name,
        address: super::optional("address", venue.address.as_deref())?,
        ..venue
    };
    let id = db.insert_venue(&venue)?;
    notices.push(Notice::Created {
        what: "venue",
        name: venue.name.clone(),
    });
    Ok(Venue { id, ..venue })
}

/// What `venue edit` changes; `None` leaves a field as it is.
#[derive(Debug, Default, Clone)]
pub struct VenueChange {
    pub name: Option<String>,
    /// An empty text clears the address.
    pub address: Option<String>,
    /// `Some(None)` clears the capacity.
    pub capacity: Option<Option<u32>>,
}

/// Renames a venue or sets its address or capacity. A new name that another venue has, or
/// that is close to another venue's (unless `permission.new`), is refused as `venue add`
/// refuses it.
pub fn edit_venue(
    db: &Db<'_>,
    reference: &str,
    change: &VenueChange,
    permission: Permission,
) -> Result<Venue> {
    let mut venue = find_venue(db, reference)?;
    if change.name.is_none() && change.address.is_none() && change.capacity.is_none() {
        return Err(Error::usage(
            "venue edit: nothing to change; give --name NEW, --address TEXT or --capacity N",
        ));
    }
    if let Some(new_name) = &change.name {
        let new_name = required("name", new_name)?;
        let key = name_key(&new_name);
        if key.is_empty() {
            return Err(Error::usage("name: needs at least one letter or digit"));
        }
        if key != name_key(&venue.name) {
            if let Some(other) = db.venue_by_key(&key)? {
                return Err(Error::refused(format!(
                    "name: venue '{}' already exists; see 'seminar venue list'",
                    other.name
                )));
            }
            if !permission.allows_new(Record::Venue) {
                let candidates: Vec<String> = similar_names(db, Record::Venue, &new_name)?
                    .into_iter()
                    .filter(|candidate| *candidate != venue.name)
                    .collect();
                if !candidates.is_empty() {
                    return Err(Error::LooksLike {
                        record: Record::Venue,
                        name: new_name,
                        candidates,
                        place: None,
                    });
                }
            }
        }
        venue.name = new_name;
    }
    if let Some(address) = &change.address {
        venue.address = super::optional("address", Some(address))?;
    }
    if let Some(capacity) = change.capacity {
        venue.capacity = capacity;
    }
    db.update_venue(&venue)?;
    Ok(venue)
}

/// A venue that nothing holds, so that it may be removed; one that a seminar, session or
/// slot still holds is refused, saying how to move them.
pub fn removable_venue(db: &Db<'_>, reference: &str) -> Result<Venue> {
    let venue = find_venue(db, reference)?;
    let used = db.venue_use(venue.id)?;
    if used.is_unused() {
        return Ok(venue);
    }
    let mut holders = Vec::new();
    let mut moves = Vec::new();
    if used.seminars > 0 {
        holders.push(format!("{} seminar(s)", used.seminars));
        moves.push("`seminar venue assign`");
    }
    if used.sessions > 0 {
        holders.push(format!("{} session(s)", used.sessions));
        moves.push("`seminar session move --room`");
    }
    if used.slots > 0 {
        holders.push(format!("{} slot(s)", used.slots));
        moves.push("`seminar slot move --room`");
    }
    Err(Error::refused(format!(
        "venue '{}' is used by {}; move them first with {}, then remove it",
        venue.name,
        holders.join(", "),
        moves.join(" / ")
    )))
}

/// Removes a venue that nothing holds (see [`removable_venue`]).
pub fn remove_venue(db: &Db<'_>, reference: &str) -> Result<Venue> {
    let venue = removable_venue(db, reference)?;
    db.delete_venue(venue.id)?;
    Ok(venue)
}

/// The venue with this name, created if there is none (near-duplicates refused).
pub fn venue_for(
    db: &Db<'_>,
    name: &str,
    permission: Permission,
    notices: &mut Vec<Notice>,
) -> Result<Venue> {
    if let Some(venue) = db.venue_by_key(&name_key(name))? {
        return Ok(venue);
    }
    let venue = Venue {
        id: 0,
        name: name.to_string(),
        address: None,
        capacity: None,
    };
    add_venue(db, venue, permission, notices)
}

#[cfg(test)]
mod tests {
    use super::split_short_name;

    #[test]
    fn short_names_in_parentheses_are_split_off() {
        assert_eq!(
            split_short_name("Kementerian Luar Negeri (Kemlu)"),
            ("Kementerian Luar Negeri".into(), Some("Kemlu".into()))
        );
        assert_eq!(split_short_name("JICA"), ("JICA".into(), None));
        assert_eq!(
            split_short_name("Institute (of many words)"),
            ("Institute (of many words)".into(), None)
        );
    }
}
