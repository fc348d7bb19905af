//! Cleaning up duplicates: one person or institution folded into another, and institutions
//! renamed or given a short name. Nothing is lost: roles, talks and affiliations move over.

use serde::Serialize;

use super::lookup::{find_institution, find_person, institution_label};
use super::{Notice, Permission, guarded_all, optional, required};
use crate::error::{Error, Result};
use crate::model::names::name_key;
use crate::model::{Institution, Person};
use crate::store::Db;

/// What `person merge` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeopleMerged {
    pub removed_person_id: i64,
    pub removed_name: String,
    pub into_person_id: i64,
    pub into_name: String,
    /// Roles that moved to the remaining person.
    pub roles_moved: u32,
    /// Roles the remaining person already had in the same seminar, now one role.
    pub roles_combined: u32,
}

/// Folds person `from` into person `into`: every role moves over (or joins the role `into`
/// already has in that seminar, with its talks), details `into` lacks are taken from `from`,
/// and `from` is deleted. Refused if it would put `into` in two places at once, unless
/// forced.
pub fn merge_people(
    db: &Db<'_>,
    from: &str,
    into: &str,
    permission: Permission,
) -> Result<(PeopleMerged, Vec<Notice>)> {
    let source = find_person(db, from)?;
    let mut target = find_person(db, into)?;
    if source.id == target.id {
        return Err(Error::usage(format!(
            "into: '{into}' is the same person as '{from}'; name two different people"
        )));
    }
    let source_roles = db.roles_of_person(source.id)?;
    let target_roles = db.roles_of_person(target.id)?;
    let mut seminars: Vec<i64> = source_roles.iter().map(|role| role.seminar_id).collect();
    seminars.extend(target_roles.iter().map(|role| role.seminar_id));
    seminars.sort_unstable();
    seminars.dedup();
    let mut notices = Vec::new();
    let merged = guarded_all(db, &seminars, permission, &mut notices, |_| {
        let (mut moved, mut combined) = (0, 0);
        for role in &source_roles {
            let same = target_roles
                .iter()
                .find(|other| other.seminar_id == role.seminar_id && other.kind == role.kind);
            match same {
                Some(kept) => {
                    db.combine_roles(role.id, kept.id)?;
                    let mut kept = kept.clone();
                    if kept.position.is_none() || kept.institution.is_none() {
                        kept.position = kept.position.or_else(|| role.position.clone());
                        kept.institution = kept.institution.or_else(|| role.institution.clone());
                        db.update_role(&kept)?;
                    }
                    combined += 1;
                }
                None => {
                    db.move_role(role.id, target.id)?;
                    moved += 1;
                }
            }
        }
        let before = target.clone();
        fill_in(&mut target, &source);
        db.delete_person(source.id)?;
        if target != before {
            db.update_person(&target)?;
        }
        Ok(PeopleMerged {
            removed_person_id: source.id,
            removed_name: source.name.clone(),
            into_person_id: target.id,
            into_name: target.name.clone(),
            roles_moved: moved,
            roles_combined: combined,
        })
    })?;
    Ok((merged, notices))
}

/// Takes from `other` the details `person` does not have.
fn fill_in(person: &mut Person, other: &Person) {
    person.email = person.email.take().or_else(|| other.email.clone());
    person.phone = person.phone.take().or_else(|| other.phone.clone());
    person.position = person.position.take().or_else(|| other.position.clone());
    person.institution = person
        .institution
        .take()
        .or_else(|| other.institution.clone());
}

/// What `institution merge` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InstitutionsMerged {
    pub removed_institution_id: i64,
    pub removed_name: String,
    pub into: Institution,
    pub people_moved: u32,
    pub roles_moved: u32,
}

/// Folds institution `from` into `into`: its people and roles move over, `into` takes its
/// short name if it has none, and `from` is deleted.
pub fn merge_institutions(db: &Db<'_>, from: &str, into: &str) -> Result<InstitutionsMerged> {
    let source = find_institution(db, from)?;
    let mut target = find_institution(db, into)?;
    if source.id == target.id {
        return Err(Error::usage(format!(
            "into: '{into}' is the same institution as '{from}'; name two different institutions"
        )));
    }
    let (people, roles) = db.move_institution(source.id, target.id)?;
    db.delete_institution(source.id)?;
    if target.short_name.is_none() && source.short_name.is_some() {
        target.short_name = source.short_name.clone();
        db.update_institution(&target)?;
    }
    Ok(InstitutionsMerged {
        removed_institution_id: source.id,
        removed_name: source.name,
        into: target,
        people_moved: people as u32,
        roles_moved: roles as u32,
    })
}

/// Renames an institution or sets its short name (an empty one removes it).
pub fn edit_institution(
    db: &Db<'_>,
    name: &str,
    new_name: Option<&str>,
    short_name: Option<&str>,
) -> Result<Institution> {
    let mut institution = find_institution(db, name)?;
    if new_name.is_none() && short_name.is_none() {
        return Err(Error::usage(
            "institution edit: nothing to change; give --name NEW or --short ABBR",
        ));
    }
    if let Some(new_name) = new_name {
        let new_name = required("name", new_name)?;
        if name_key(&new_name).is_empty() {
            return Err(Error::usage("name: needs at least one letter or digit"));
        }
        if let Some(other) = db.institution_by_name(&new_name)?
            && other.id != institution.id
        {
            return Err(Error::refused(format!(
                "name: '{new_name}' is already '{}'; to make them one, use: seminar institution merge",
                institution_label(&other)
            )));
        }
        institution.name = new_name;
    }
    if let Some(short) = short_name {
        let short = optional("short", Some(short))?;
        if let Some(short) = &short
            && let Some(other) = db.institution_by_name(short)?
            && other.id != institution.id
        {
            return Err(Error::refused(format!(
                "short: '{short}' already names '{}'; choose another",
                institution_label(&other)
            )));
        }
        institution.short_name = short;
    }
    db.update_institution(&institution)?;
    Ok(institution)
}

/// Gives an institution another name (`Univ. Gadjah Mada`, `Kemenlu`) that finds it wherever
/// an institution is named, as its short name does. An alias that already names an
/// institution is refused.
pub fn add_institution_alias(db: &Db<'_>, reference: &str, alias: &str) -> Result<Institution> {
    let institution = find_institution(db, reference)?;
    let alias = required("alias", alias)?;
    if name_key(&alias).is_empty() {
        return Err(Error::usage("alias: needs at least one letter or digit"));
    }
    if let Some(other) = db.institution_by_name(&alias)? {
        return Err(Error::refused(if other.id == institution.id {
            format!(
                "alias: '{alias}' already names '{}'",
                institution_label(&other)
            )
        } else {
            format!(
                "alias: '{alias}' already names '{}'; to make them one, use: seminar institution merge",
                institution_label(&other)
            )
        }));
    }
    db.insert_institution_alias(institution.id, &alias)?;
    Ok(institution)
}

/// Takes an alias from an institution.
pub fn remove_institution_alias(db: &Db<'_>, reference: &str, alias: &str) -> Result<Institution> {
    let institution = find_institution(db, reference)?;
    if !db.delete_institution_alias(institution.id, alias)? {
        return Err(Error::NotFound {
            what: "alias",
            name: format!("{} ({})", alias.trim(), institution_label(&institution)),
            suggestions: Vec::new(),
            see: "seminar institution list",
        });
    }
    Ok(institution)
}
