//! Creating, changing, listing and removing seminars.

use std::collections::{BTreeSet, HashMap};

use crate::model::zone::Zone;
use chrono::{NaiveDate, NaiveTime};

use super::lookup::venue_for;
use super::{
    Notice, Permission, find_seminar, guarded, optional, optional_lines, required, settle,
};
use crate::error::{Error, Result};
use crate::model::names::contains;
use crate::model::slug::{slug_from_title, validate_slug};
use crate::model::{
    Programme, Role, Schedule, Seminar, SeminarSummary, Session, Slot, Status, Venue,
};
use crate::store::{Db, SeminarFilter};

/// Everything `seminar create` takes, parsed.
#[derive(Debug, Clone)]
pub struct NewSeminar {
    pub title: String,
    pub schedule: Schedule,
    pub venue: Option<String>,
    pub subtitle: Option<String>,
    pub organizers: Vec<String>,
    pub description: Option<String>,
    pub slug: Option<String>,
    pub status: Status,
    /// The seminar's UUID when it comes from an import; a new one otherwise.
    pub uid: Option<String>,
}

pub(super) fn organizers(names: &[String]) -> Result<Vec<String>> {
    let mut cleaned = Vec::new();
    for name in names {
        let name = required("organizer", name)?;
        if !cleaned.contains(&name) {
            cleaned.push(name);
        }
    }
    Ok(cleaned)
}

/// The slug `create` would give a seminar with this title in this year.
pub fn suggested_slug(db: &Db<'_>, title: &str, year: i32) -> Result<String> {
    unique_slug(db, title, year)
}

/// A slug typed for a new seminar, if it is well-formed and free.
pub fn free_slug(db: &Db<'_>, slug: &str) -> Result<String> {
    chosen_slug(db, slug, None)
}

fn unique_slug(db: &Db<'_>, title: &str, year: i32) -> Result<String> {
    let base = slug_from_title(title, year);
    let mut candidate = base.clone();
    let mut n = 2;
    while db.slug_taken(&candidate)? {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    Ok(candidate)
}

fn chosen_slug(db: &Db<'_>, slug: &str, except: Option<i64>) -> Result<String> {
    let slug = slug.trim().to_string();
    validate_slug(&slug).map_err(|e| Error::usage(format!("slug: {e}")))?;
    if let Some(other) = db.seminar_by_slug(&slug)?
        && Some(other.id) != except
    {
        return Err(Error::refused(format!(
            "slug '{slug}' is already used by '{}'; choose another --slug",
            other.title
        )));
    }
    Ok(slug)
}

pub fn create(
    db: &Db<'_>,
    input: NewSeminar,
    permission: Permission,
) -> Result<(Seminar, Vec<Notice>)> {
    let mut notices = Vec::new();
    let title = required("title", &input.title)?;
    input.schedule.validate().map_err(Error::Usage)?;
    let slug = match &input.slug {
        Some(slug) => chosen_slug(db, slug, None)?,
        None => unique_slug(
            db,
            &title,
            chrono::Datelike::year(&input.schedule.first_day),
        )?,
    };
    let venue = match input.venue.as_deref().and_then(|v| super::clean(Some(v))) {
        Some(name) => Some(venue_for(db, &name, permission, &mut notices)?),
        None => None,
    };
    let mut seminar = Seminar {
        id: 0,
        uid: input.uid.unwrap_or_else(crate::model::new_uid),
        slug,
        title,
        subtitle: optional("subtitle", input.subtitle.as_deref())?,
        description: optional_lines("description", input.description.as_deref())?,
        organizers: organizers(&input.organizers)?,
        status: input.status,
        schedule: input.schedule,
        venue,
    };
    seminar.id = db.insert_seminar(&seminar)?;
    settle(
        db,
        &[seminar.id],
        &BTreeSet::new(),
        permission,
        &mut notices,
    )?;
    Ok((seminar, notices))
}

/// What `seminar edit` changes; `None` leaves a field alone and an empty text clears it.
#[derive(Debug, Clone, Default)]
pub struct SeminarChanges {
    pub title: Option<String>,
    pub slug: Option<String>,
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    /// The one day that `start` and `end` apply to, instead of every day.
    pub on: Option<NaiveDate>,
    pub zone: Option<Zone>,
    pub venue: Option<String>,
    pub subtitle: Option<String>,
    pub description: Option<String>,
    pub organizers: Option<Vec<String>>,
    pub status: Option<Status>,
}

impl SeminarChanges {
    fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.slug.is_none()
            && self.first_day.is_none()
            && self.last_day.is_none()
            && self.start.is_none()
            && self.end.is_none()
            && self.on.is_none()
            && self.zone.is_none()
            && self.venue.is_none()
            && self.subtitle.is_none()
            && self.description.is_none()
            && self.organizers.is_none()
            && self.status.is_none()
    }

    /// The new schedule. Moving the first day keeps the length of a multi-day seminar, and
    /// each day's own hours stay with the same day of the seminar (the second day's with
    /// the second day). With `on`, the hours given are that day's own.
    fn schedule(&self, old: &Schedule) -> Result<Schedule> {
        if let Some(day) = self.on {
            if old.day_index(day).is_none() {
                return Err(Error::usage(format!(
                    "on: {day} is not a day of the seminar ({} to {})",
                    old.first_day, old.last_day
                )));
            }
            if self.start.is_none() && self.end.is_none() {
                return Err(Error::usage(
                    "on: give the day's hours with --start and/or --end",
                ));
            }
            let (start, end) = old.hours_on(day);
            let mut schedule = Schedule {
                zone: self.zone.unwrap_or(old.zone),
                ..old.clone()
            };
            schedule.set_hours(day, self.start.unwrap_or(start), self.end.unwrap_or(end));
            return Ok(schedule);
        }
        let first_day = self.first_day.unwrap_or(old.first_day);
        let last_day = self
            .last_day
            .unwrap_or_else(|| first_day + (old.last_day - old.first_day));
        let mut days = old.days.clone();
        for day in &mut days {
            day.date = first_day + (day.date - old.first_day);
        }
        days.retain(|day| day.date <= last_day);
        Ok(Schedule {
            zone: self.zone.unwrap_or(old.zone),
            first_day,
            last_day,
            start: self.start.unwrap_or(old.start),
            end: self.end.unwrap_or(old.end),
            days,
        })
    }
}

pub fn edit(
    db: &Db<'_>,
    reference: &str,
    changes: SeminarChanges,
    permission: Permission,
) -> Result<(Seminar, Vec<Notice>)> {
    if changes.is_empty() {
        return Err(Error::usage(
            "edit: nothing to change; pass at least one of --title, --date, --until, --start, --end, --tz, --venue, --subtitle, --organizer, --description, --slug, --status",
        ));
    }
    let old = find_seminar(db, reference)?;
    let mut notices = Vec::new();
    let seminar = guarded(db, old.id, permission, &mut notices, |notices| {
        let schedule = changes.schedule(&old.schedule)?;
        schedule.validate().map_err(Error::Usage)?;
        if schedule != old.schedule {
            move_rundown_with(db, &old.schedule, &schedule, old.id)?;
        }
        let venue = match changes.venue.as_deref().map(str::trim) {
            None => old.venue.clone(),
            Some("") => None,
            Some(name) => Some(venue_for(db, name, permission, notices)?),
        };
        let seminar = Seminar {
            id: old.id,
            uid: old.uid.clone(),
            slug: match &changes.slug {
                Some(slug) => chosen_slug(db, slug, Some(old.id))?,
                None => old.slug.clone(),
            },
            title: match &changes.title {
                Some(title) => required("title", title)?,
                None => old.title.clone(),
            },
            subtitle: match &changes.subtitle {
                Some(text) => optional("subtitle", Some(text))?,
                None => old.subtitle.clone(),
            },
            description: match &changes.description {
                Some(text) => optional_lines("description", Some(text))?,
                None => old.description.clone(),
            },
            organizers: match &changes.organizers {
                Some(names) => organizers(names)?,
                None => old.organizers.clone(),
            },
            status: changes.status.unwrap_or(old.status),
            schedule,
            venue,
        };
        db.update_seminar(&seminar)?;
        Ok(seminar)
    })?;
    Ok((seminar, notices))
}

/// Keeps each slot and session on the same day of the seminar, as long after that day's
/// start as before, when the seminar moves to another date, zone or hours.
pub(super) fn move_rundown_with(
    db: &Db<'_>,
    old: &Schedule,
    new: &Schedule,
    seminar_id: i64,
) -> Result<()> {
    for mut session in db.sessions_of_seminar(seminar_id)? {
        session.starts_at = old
            .carry(session.starts_at, new)
            .map_err(|e| Error::usage(format!("session '{}': {e}", session.title)))?;
        db.update_session(&session)?;
    }
    for slot in db.slots_of_seminar(seminar_id)? {
        let moved = old
            .carry(slot.starts_at, new)
            .map_err(|e| Error::usage(format!("slot '{}': {e}", slot.title)))?;
        db.move_slot(slot.id, moved.timestamp())?;
    }
    Ok(())
}

/// Marks a seminar cancelled: it stays on record but books nothing.
pub fn cancel(db: &Db<'_>, reference: &str) -> Result<Seminar> {
    let mut seminar = find_seminar(db, reference)?;
    if seminar.status == Status::Cancelled {
        return Err(Error::refused(format!(
            "seminar '{}' is already cancelled",
            seminar.slug
        )));
    }
    seminar.status = Status::Cancelled;
    db.update_seminar(&seminar)?;
    Ok(seminar)
}

/// Deletes a seminar with its roles and slots; people, institutions and venues stay.
pub fn delete(db: &Db<'_>, reference: &str) -> Result<Seminar> {
    let seminar = find_seminar(db, reference)?;
    db.delete_seminar(seminar.id)?;
    Ok(seminar)
}

/// What `seminar list` shows.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub venue: Option<String>,
    pub search: Option<String>,
}

pub fn list(db: &Db<'_>, query: &ListQuery) -> Result<Vec<SeminarSummary>> {
    if let (Some(from), Some(to)) = (query.from, query.to)
        && to < from
    {
        return Err(Error::usage(format!("to: {to} is before --from {from}")));
    }
    let venue_id = match &query.venue {
        Some(name) => Some(super::find_venue(db, name)?.id),
        None => None,
    };
    let filter = SeminarFilter {
        from: query.from,
        to: query.to,
        venue_id,
        include_cancelled: true,
    };
    let mut seminars = db.list_seminars(&filter)?;
    if let Some(text) = &query.search {
        seminars.retain(|summary| {
            let seminar = &summary.seminar;
            contains(&seminar.title, text)
                || contains(&seminar.slug, text)
                || seminar
                    .subtitle
                    .as_deref()
                    .is_some_and(|s| contains(s, text))
                || seminar.organizers.iter().any(|o| contains(o, text))
        });
    }
    Ok(seminars)
}

/// The seminars from `today` on, cancelled ones included so that nobody travels in vain.
pub fn upcoming(
    db: &Db<'_>,
    today: NaiveDate,
    until: Option<NaiveDate>,
) -> Result<Vec<SeminarSummary>> {
    list(
        db,
        &ListQuery {
            from: Some(today),
            to: until,
            ..ListQuery::default()
        },
    )
}

/// The seminars whose days touch `from`..=`to` (all of them without bounds), each with its
/// people and rundown, in time order; cancelled ones included.
pub fn programmes(
    db: &Db<'_>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<Programme>> {
    let query = ListQuery {
        from,
        to,
        ..ListQuery::default()
    };
    let seminars: Vec<Seminar> = list(db, &query)?
        .into_iter()
        .map(|summary| summary.seminar)
        .collect();
    programmes_of(db, seminars)
}

/// The seminars of [`programmes`], with their people and rundowns, handed to `each` in
/// batches of `size` as they are read, in the same order.
pub fn programmes_in_batches(
    db: &Db<'_>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    size: usize,
    mut each: impl FnMut(Vec<Programme>) -> Result<()>,
) -> Result<()> {
    let filter = range_filter(from, to)?;
    db.seminars_in_batches(&filter, size, |seminars| each(programmes_of(db, seminars)?))
}

/// The rooms that the sessions and slots of [`programmes`] are in, by name.
pub fn rooms_of_programmes(
    db: &Db<'_>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<Venue>> {
    db.rooms_of_listed_seminars(&range_filter(from, to)?)
}

/// What the calendar's head of [`programmes`] needs: how many, the only title, the shared
/// zone.
pub fn outline_of_programmes(
    db: &Db<'_>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<crate::store::ListedOutline> {
    db.outline_of_listed_seminars(&range_filter(from, to)?)
}

fn range_filter(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<SeminarFilter> {
    if let (Some(from), Some(to)) = (from, to)
        && to < from
    {
        return Err(Error::usage(format!("to: {to} is before --from {from}")));
    }
    Ok(SeminarFilter {
        from,
        to,
        venue_id: None,
        include_cancelled: true,
    })
}

/// Seminars with their roles, sessions and slots: three queries however many.
fn programmes_of(db: &Db<'_>, seminars: Vec<Seminar>) -> Result<Vec<Programme>> {
    let ids: Vec<i64> = seminars.iter().map(|seminar| seminar.id).collect();
    let mut roles: HashMap<i64, Vec<Role>> = HashMap::new();
    for role in db.roles_of_seminars(&ids)? {
        roles.entry(role.seminar_id).or_default().push(role);
    }
    let mut sessions: HashMap<i64, Vec<Session>> = HashMap::new();
    for session in db.sessions_of_seminars(&ids)? {
        sessions
            .entry(session.seminar_id)
            .or_default()
            .push(session);
    }
    let mut slots: HashMap<i64, Vec<Slot>> = HashMap::new();
    for slot in db.slots_of_seminars(&ids)? {
        slots.entry(slot.seminar_id).or_default().push(slot);
    }
    Ok(seminars
        .into_iter()
        .map(|seminar| Programme {
            roles: roles.remove(&seminar.id).unwrap_or_default(),
            sessions: sessions.remove(&seminar.id).unwrap_or_default(),
            slots: slots.remove(&seminar.id).unwrap_or_default(),
            history: Default::default(),
            seminar,
        })
        .collect())
}

/// A seminar with its people and rundown.
pub fn programme(db: &Db<'_>, reference: &str) -> Result<Programme> {
    let seminar = find_seminar(db, reference)?;
    programme_of(db, seminar)
}

pub fn programme_of(db: &Db<'_>, seminar: Seminar) -> Result<Programme> {
    Ok(Programme {
        roles: db.roles_of_seminar(seminar.id)?,
        sessions: db.sessions_of_seminar(seminar.id)?,
        slots: db.slots_of_seminar(seminar.id)?,
        history: Default::default(),
        seminar,
    })
}
