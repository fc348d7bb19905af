//! What each command does, as library calls. Every function here runs inside one
//! transaction handed to it by the caller ([`crate::store::Store::write`] or `read`), takes
//! parsed values, applies the domain rules and returns model types. Nothing here prints:
//! what a user should hear about comes back as [`Notice`]s.

pub mod import;
mod lookup;
pub mod merge;
pub mod people;
pub mod roster;
pub mod seminars;
pub mod sessions;
pub mod slots;
pub mod versions;

use std::collections::{BTreeSet, HashSet};

use crate::error::{Error, Record, Result};
use crate::model::conflict::{self, Problem, ProblemKey};
use crate::model::text::{Lines, control_character};
use crate::model::{Interval, Seminar};
use crate::store::{Db, Facts};

pub use lookup::{
    FileIdentity, find_institution, find_person, find_seminar, find_venue, parse_person,
    similar_names, split_short_name,
};

/// Something a command did besides its main work, or let through with `--force`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Created {
        what: &'static str,
        name: String,
    },
    Updated {
        what: &'static str,
        name: String,
        detail: String,
    },
    SlotRemoved {
        title: String,
    },
    /// A talk removed after the schedule was published: kept on record as cancelled.
    SlotCancelled {
        title: String,
    },
    Forced(Box<Problem>),
}

/// How a mutating command treats the rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Permission {
    /// Record the change even if it breaks a booking rule.
    pub force: bool,
    /// Create a person, institution or venue even if its name is close to an existing one.
    pub new: bool,
    /// Kinds of record the user has approved as new one by one (a bit per [`Record`]).
    approved: u8,
}

impl Permission {
    pub fn new(force: bool, new: bool) -> Self {
        Permission {
            force,
            new,
            approved: 0,
        }
    }

    /// The same permission, also letting a new record of this kind through although its
    /// name is close to an existing one: the answer to "did you mean ...?" being "no".
    pub fn approve_new(self, record: Record) -> Self {
        Permission {
            approved: self.approved | record_bit(record),
            ..self
        }
    }

    pub fn allows_new(self, record: Record) -> bool {
        self.new || self.approved & record_bit(record) != 0
    }
}

fn record_bit(record: Record) -> u8 {
    match record {
        Record::Person => 1,
        Record::Institution => 2,
        Record::Venue => 4,
    }
}

/// How many records of each kind the database holds.
pub fn counts(db: &Db<'_>) -> Result<crate::store::Counts> {
    db.counts()
}

/// The problems among facts, with the names of the people they concern.
fn problems_in(db: &Db<'_>, facts: &Facts) -> Result<Vec<Problem>> {
    let mut problems = conflict::find_problems(
        &facts.seminars,
        &facts.sessions,
        &facts.slots,
        &facts.engagements,
    );
    let names = db.people_names(&conflict::people_in(&problems))?;
    conflict::name_people(&mut problems, &names);
    Ok(problems)
}

/// Every problem in the database, or those that concern one seminar.
pub fn check(db: &Db<'_>, seminar: Option<&Seminar>) -> Result<Vec<Problem>> {
    match seminar {
        None => problems_swept(db),
        Some(seminar) => problems_around(db, &[seminar.id]),
    }
}

/// How much time `check` looks at at once: its memory follows what runs in this long, not
/// the size of the database.
const SWEEP_STRETCH_SECONDS: i64 = 28 * 86_400;

/// Every problem in the database, found stretch by stretch through time: a problem lies
/// where its bookings overlap, so each is found in a stretch that holds all of them (slots
/// and sessions outside their seminar's time bring their seminar to the stretches they
/// reach). The same problems in the same order as one look at everything
/// ([`conflict::merge_stretches`]).
fn problems_swept(db: &Db<'_>) -> Result<Vec<Problem>> {
    let outside = db.items_outside_their_seminars()?;
    let Some(span) = db.booking_span()? else {
        return Ok(Vec::new());
    };
    let span = outside.iter().fold(span, |span, (_, item)| {
        Interval::new(span.start.min(item.start), span.end.max(item.end))
    });
    let mut stretches = Vec::new();
    let mut start = span.start;
    while start < span.end {
        let stretch = Interval::new(start, start.saturating_add(SWEEP_STRETCH_SECONDS));
        let mut reaching: Vec<i64> = outside
            .iter()
            .filter(|(_, item)| item.overlaps(&stretch))
            .map(|(seminar_id, _)| *seminar_id)
            .collect();
        reaching.sort_unstable();
        reaching.dedup();
        stretches.push(problems_in(db, &db.facts_within(stretch, &reaching)?)?);
        start = stretch.end;
    }
    Ok(conflict::merge_stretches(stretches))
}

/// Every problem in the database from one look at all of it: what [`problems_swept`] gives,
/// in memory that grows with the database.
#[cfg(test)]
fn problems_at_once(db: &Db<'_>) -> Result<Vec<Problem>> {
    problems_in(db, &db.facts(None)?)
}

/// The problems that concern any of the seminars, found among everything that runs
/// between the earliest of their starts and the latest of their ends.
fn problems_around(db: &Db<'_>, seminar_ids: &[i64]) -> Result<Vec<Problem>> {
    let mut range: Option<Interval> = None;
    for id in seminar_ids {
        let Some(seminar) = db.seminar_by_id(*id)? else {
            continue;
        };
        for window in seminar.schedule.windows().unwrap_or_default() {
            range = Some(match range {
                None => window,
                Some(range) => {
                    Interval::new(range.start.min(window.start), range.end.max(window.end))
                }
            });
        }
    }
    let Some(range) = range else {
        return Ok(Vec::new());
    };
    let facts = db.facts(Some(range))?;
    let mut problems = problems_in(db, &facts)?;
    let wanted: HashSet<i64> = seminar_ids.iter().copied().collect();
    problems.retain(|problem| problem.seminar_ids().iter().any(|id| wanted.contains(id)));
    Ok(problems)
}

/// Runs `change` and refuses it if it brings a seminar new problems, unless forced; forced
/// problems come back as notices.
fn guarded<T>(
    db: &Db<'_>,
    seminar_id: i64,
    permission: Permission,
    notices: &mut Vec<Notice>,
    change: impl FnOnce(&mut Vec<Notice>) -> Result<T>,
) -> Result<T> {
    guarded_all(db, &[seminar_id], permission, notices, change)
}

/// [`guarded`] for a change to several seminars at once (an import): the rules are checked
/// once before and once after, not per seminar.
fn guarded_all<T>(
    db: &Db<'_>,
    seminar_ids: &[i64],
    permission: Permission,
    notices: &mut Vec<Notice>,
    change: impl FnOnce(&mut Vec<Notice>) -> Result<T>,
) -> Result<T> {
    let before = problem_keys(db, seminar_ids)?;
    let value = change(notices)?;
    settle(db, seminar_ids, &before, permission, notices)?;
    Ok(value)
}

fn problem_keys(db: &Db<'_>, seminar_ids: &[i64]) -> Result<BTreeSet<ProblemKey>> {
    Ok(problems_around(db, seminar_ids)?
        .iter()
        .map(Problem::key)
        .collect())
}

/// Refuses the problems of seminars that are not in `before`, unless forced.
fn settle(
    db: &Db<'_>,
    seminar_ids: &[i64],
    before: &BTreeSet<ProblemKey>,
    permission: Permission,
    notices: &mut Vec<Notice>,
) -> Result<()> {
    let new: Vec<Problem> = problems_around(db, seminar_ids)?
        .into_iter()
        .filter(|problem| !before.contains(&problem.key()))
        .collect();
    if !new.is_empty() {
        if !permission.force {
            return Err(Error::Conflicts(new));
        }
        notices.extend(
            new.into_iter()
                .map(|problem| Notice::Forced(Box::new(problem))),
        );
    }
    Ok(())
}

/// Trims a text field; an empty one means "none".
pub fn clean(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|text| !text.is_empty())
        .map(str::to_string)
}

/// Refuses an empty or overlong required one-line text field, or one with control
/// characters (see [`control_character`]).
pub fn required(field: &str, text: &str) -> Result<String> {
    checked(field, text, Lines::One)
}

/// Checks an optional one-line text field as [`required`] does, when present.
pub fn optional(field: &str, text: Option<&str>) -> Result<Option<String>> {
    optional_text(field, text, Lines::One)
}

/// Checks an optional text of several lines (a description), when present.
pub fn optional_lines(field: &str, text: Option<&str>) -> Result<Option<String>> {
    optional_text(field, text, Lines::Many)
}

fn optional_text(field: &str, text: Option<&str>, lines: Lines) -> Result<Option<String>> {
    match clean(text) {
        Some(text) => checked(field, &text, lines).map(Some),
        None => Ok(None),
    }
}

fn checked(field: &str, text: &str, lines: Lines) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::usage(format!("{field}: must not be empty")));
    }
    if text.chars().count() > MAX_TEXT {
        return Err(Error::usage(format!(
            "{field}: longer than {MAX_TEXT} characters"
        )));
    }
    if let Some(problem) = control_character(text, lines) {
        return Err(Error::usage(format!("{field}: {problem}")));
    }
    Ok(text.to_string())
}

const MAX_TEXT: usize = 10_000;

#[cfg(test)]
mod tests {
    use chrono::{Days, NaiveTime};

    use super::*;
    use crate::model::{Schedule, Status};
    use crate::sample::{SampleSize, generate};
    use crate::store::Store;

    /// A generated database with problems of every kind planted in it, some across the
    /// stretches `check` sweeps through and one through a slot outside its seminar's days.
    fn database_with_problems() -> Store {
        let mut store = Store::open_in_memory().expect("a database");
        store
            .write(|db| {
                generate(
                    db,
                    SampleSize {
                        seminars: 600,
                        seed: 7,
                    },
                )?;
                let live = |id: i64| -> Result<Seminar> {
                    let seminar = db.seminar_by_id(id)?.expect("a seminar");
                    Ok(seminar)
                };
                for (moved, onto) in [(11, 40), (12, 40), (200, 201), (310, 330)] {
                    // The same day, hours and venue as another seminar, and one of its people.
                    let target = live(onto)?;
                    let mut seminar = live(moved)?;
                    seminar.status = Status::Confirmed;
                    seminar.schedule = target.schedule.clone();
                    seminar.venue = target.venue.clone();
                    db.update_seminar(&seminar)?;
                    let mut role = db.roles_of_seminar(onto)?[2].clone();
                    role.id = 0;
                    role.seminar_id = moved;
                    db.insert_role(&role)?;
                }
                // Eight weeks long, in a venue that others use meanwhile: problems in
                // every stretch it crosses, found more than once.
                let mut long = live(100)?;
                let first = long.schedule.first_day;
                long.status = Status::Confirmed;
                long.schedule = Schedule::daily(
                    long.schedule.zone,
                    first,
                    first + Days::new(56),
                    NaiveTime::from_hms_opt(8, 0, 0).expect("time"),
                    NaiveTime::from_hms_opt(18, 0, 0).expect("time"),
                );
                long.venue = live(104)?.venue;
                db.update_seminar(&long)?;
                // A slot moved onto another seminar's slot, in that seminar's venue, weeks
                // away from its own seminar's days.
                let far = &db.slots_of_seminar(430)?[1];
                let mut slot = db.slots_of_seminar(150)?[2].clone();
                slot.starts_at = far.starts_at;
                slot.room = live(430)?.venue;
                db.update_slot(&slot)?;
                // Two slots of one seminar at once.
                let slots = db.slots_of_seminar(500)?;
                let mut second = slots[2].clone();
                second.starts_at = slots[1].starts_at;
                db.update_slot(&second)?;
                Ok(())
            })
            .expect("the planted data");
        store
    }

    #[test]
    fn the_sweep_finds_what_one_look_at_everything_finds_in_the_same_order() {
        let mut store = database_with_problems();
        let (swept, at_once) = store
            .read(|db| Ok((problems_swept(db)?, problems_at_once(db)?)))
            .expect("the checks");
        let kinds: BTreeSet<&str> = at_once.iter().map(Problem::kind).collect();
        assert_eq!(
            kinds,
            BTreeSet::from([
                "person_double_booked",
                "slot_outside_hours",
                "slots_overlap",
                "venue_double_booked"
            ]),
            "the planted problems: {at_once:#?}"
        );
        assert!(at_once.len() >= 12, "{} problems", at_once.len());
        assert_eq!(swept, at_once);
    }
}
