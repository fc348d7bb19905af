//! Finding records by the names users type, and creating them without near-duplicates.

use super::{Notice, Permission, required};
use crate::error::{Error, Record, Result};
use crate::model::names::{is_near, name_key};
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
            let prefix: String = reference.to_lowercase().chars().take(3).collect();
            let mut suggestions = db.slugs_starting_with(&prefix, 200)?;
            suggestions.retain(|slug| strsim::jaro_winkler(slug, &reference.to_lowercase()) > 0.8);
            suggestions.truncate(3);
            Err(Error::NotFound {
                what: "seminar",
                name: reference.to_string(),
                suggestions,
                see: "seminar list",
            })
        }
    }
}

fn near_names<'a>(key: &str, names: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<String> {
    let mut near: Vec<String> = names
        .into_iter()
        .filter(|(_, other)| is_near(key, other))
        .map(|(name, _)| name.to_string())
        .collect();
    near.sort();
    near.dedup();
    near.truncate(5);
    near
}

/// Existing names close to a new one, for "did you mean ...?". Empty when the name is
/// already on record as it is (then it is no new record) or when nothing is close.
pub fn similar_names(db: &Db<'_>, record: Record, name: &str) -> Result<Vec<String>> {
    let name = match record {
        Record::Institution => split_short_name(name).0,
        Record::Person | Record::Venue => name.trim().to_string(),
    };
    let key = name_key(&name);
    if key.is_empty() {
        return Ok(Vec::new());
    }
    let labelled: Vec<(String, String)> = match record {
        Record::Person => {
            if db.person_by_key(&key)?.is_some() {
                return Ok(Vec::new());
            }
            db.person_names()?
        }
        Record::Institution => {
            if db.institution_by_key(&key)?.is_some() {
                return Ok(Vec::new());
            }
            db.institutions()?
                .iter()
                .map(|(institution, _, _)| {
                    (institution_label(institution), name_key(&institution.name))
                })
                .collect()
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
fn refuse_near(db: &Db<'_>, record: Record, name: &str) -> Result<()> {
    let candidates = similar_names(db, record, name)?;
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

/// An existing institution by name or short name, any case or accents.
pub fn find_institution(db: &Db<'_>, name: &str) -> Result<Institution> {
    let (name, _) = split_short_name(name);
    if let Some(found) = db.institution_by_key(&name_key(&name))? {
        return Ok(found);
    }
    let all = db.institutions()?;
    let labels: Vec<(String, String)> = all
        .iter()
        .map(|(institution, _, _)| (institution_label(institution), name_key(&institution.name)))
        .collect();
    let suggestions = near_names(
        &name_key(&name),
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
    if let Some(found) = db.institution_by_key(&name_key(&name))? {
        return Ok(found);
    }
    if let Some(short) = &short_name
        && let Some(found) = db.institution_by_key(&name_key(short))?
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
    let key = name_key(&name);
    if key.is_empty() {
        return Err(Error::usage(
            "institution: needs at least one letter or digit",
        ));
    }
    if let Some(existing) = db.institution_by_key(&key)? {
        return Err(Error::refused(format!(
            "institution '{}' already exists",
            institution_label(&existing)
        )));
    }
    if let Some(short) = short_name
        && let Some(existing) = db.institution_by_key(&name_key(short))?
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

/// An existing person, any case or accents.
pub fn find_person(db: &Db<'_>, name: &str) -> Result<Person> {
    let key = name_key(name);
    if let Some(person) = db.person_by_key(&key)? {
        return Ok(person);
    }
    let names = db.person_names()?;
    Err(Error::NotFound {
        what: "person",
        name: name.trim().to_string(),
        suggestions: near_names(&key, names.iter().map(|(n, k)| (n.as_str(), k.as_str()))),
        see: "seminar person list",
    })
}

/// The person with this name, or `None` if there is none and the name is not close to
/// anyone's (close names are refused unless `permission.new`).
pub fn existing_person(db: &Db<'_>, name: &str, permission: Permission) -> Result<Option<Person>> {
    let name = required("name", name)?;
    let key = name_key(&name);
    if key.is_empty() {
        return Err(Error::usage("name: needs at least one letter or digit"));
    }
    if let Some(person) = db.person_by_key(&key)? {
        return Ok(Some(person));
    }
    if !permission.allows_new(Record::Person) {
        refuse_near(db, Record::Person, &name)?;
    }
    Ok(None)
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
