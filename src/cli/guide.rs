//! Guided entry on a terminal: what `create`, `speaker add` and `moderator assign` ask when
//! values they need are not on the command line. Answers are parsed as the flags are, and
//! names are checked for near-duplicates as they are typed, so that the data a guided
//! command writes is the data the same command with flags writes.

use chrono::{NaiveDate, NaiveTime};

use super::Context;
use super::prompt::Prompter;
use crate::error::{Error, Record, Result};
use crate::model::names::{is_near, name_key};
use crate::model::{Interval, Person, RoleKind, Schedule, SlotKind, Venue, time};
use crate::ops::import::{Plan, SeminarEntry};
use crate::ops::people::{NewRole, NewTalk};
use crate::ops::seminars::NewSeminar;
use crate::ops::slots::{NewSlot, SlotPlace};
use crate::ops::{self, Permission};

/// What is on record already, read once, to offer and to check names against.
pub struct Known {
    pub people: Vec<Person>,
    pub venues: Vec<Venue>,
}

impl Known {
    pub fn load(context: &Context) -> Result<Known> {
        context.open()?.read(|db| {
            Ok(Known {
                people: ops::people::people(db, None)?
                    .into_iter()
                    .map(|row| row.person)
                    .collect(),
                venues: ops::people::venues(db)?
                    .into_iter()
                    .map(|(venue, _)| venue)
                    .collect(),
            })
        })
    }

    /// The person a name or `#ID` chosen from the list means, if it is only one.
    fn person(&self, reference: &str) -> Option<&Person> {
        if let Some(id) = reference.strip_prefix('#') {
            return self
                .people
                .iter()
                .find(|person| id == person.id.to_string());
        }
        let key = name_key(reference);
        let mut theirs = self
            .people
            .iter()
            .filter(|person| name_key(&person.name) == key);
        match (theirs.next(), theirs.next()) {
            (Some(person), None) => Some(person),
            _ => None,
        }
    }
}

/// A guided session: the questions, what is on record, and the new names typed so far
/// (which later answers are checked against too).
pub struct Guide<'a> {
    pub prompter: Prompter,
    context: &'a Context,
    pub known: Known,
    typed: Vec<(Record, String)>,
    pub permission: Permission,
}

/// The message when a value is needed and nobody can be asked.
pub fn missing(command: &str, names: &[&str]) -> Error {
    Error::usage(format!(
        "{command}: missing {}; give {} on the command line, or run it on a terminal without --no-input to be asked",
        names.join(", "),
        if names.len() == 1 { "it" } else { "them" }
    ))
}

impl<'a> Guide<'a> {
    pub fn new(context: &'a Context, permission: Permission) -> Result<Guide<'a>> {
        Ok(Guide {
            prompter: Prompter::new(),
            context,
            known: Known::load(context)?,
            typed: Vec::new(),
            permission,
        })
    }

    /// A name as the user means it: an existing record's when they say so at "did you
    /// mean ...?", their own otherwise (then approved as new).
    fn settled_name(&mut self, record: Record, name: String) -> Result<String> {
        if self.permission.allows_new(record) {
            return Ok(name);
        }
        let mut candidates = self
            .context
            .open()?
            .read(|db| ops::similar_names(db, record, &name))?;
        let key = name_key(&ops::split_short_name(&name).0);
        for (kind, earlier) in &self.typed {
            let earlier_key = name_key(&ops::split_short_name(earlier).0);
            if *kind == record && earlier_key != key && is_near(&key, &earlier_key) {
                candidates.push(earlier.clone());
            }
        }
        if candidates.is_empty() {
            self.typed.push((record, name.clone()));
            return Ok(name);
        }
        match self.prompter.did_you_mean(record, &name, &candidates)? {
            Some(existing) => Ok(existing),
            None => {
                self.permission = self.permission.approve_new(record);
                self.typed.push((record, name.clone()));
                Ok(name)
            }
        }
    }

    /// A person: someone on record, found by typing part of the name, or a new name.
    /// `None` when the user is done (Esc, or an empty name).
    pub fn person(&mut self, question: &str) -> Result<Option<String>> {
        if !self.known.people.is_empty() {
            let mut items = vec!["+ someone new".to_string()];
            items.extend(self.known.people.iter().map(person_label));
            let prompt = format!("{question} (type to search, Esc when done)");
            match self.prompter.search(&prompt, &items)? {
                None => return Ok(None),
                Some(0) => {}
                // By id: the name may be someone else's too.
                Some(n) => return Ok(Some(format!("#{}", self.known.people[n - 1].id))),
            }
        }
        let name = self.prompter.ask_optional(
            &format!("{question}: name (empty when done)"),
            None,
            |text| {
                if name_key(text).is_empty() {
                    Err("name: needs at least one letter or digit".to_string())
                } else {
                    Ok(text.to_string())
                }
            },
        )?;
        match name {
            None => Ok(None),
            Some(name) => self.settled_name(Record::Person, name).map(Some),
        }
    }

    /// A speaker's or moderator's role: institution and position (defaults: what is on
    /// record for them), and for a speaker a talk that must fit the seminar's hours and
    /// not overlap `taken`. What `given` holds already is not asked.
    pub fn role(
        &mut self,
        given: NewRole,
        schedule: &Schedule,
        taken: &mut Vec<(String, Interval)>,
    ) -> Result<NewRole> {
        let NewRole { kind, name, .. } = given.clone();
        let current = self.known.person(&name).cloned();
        let institution_default = current
            .as_ref()
            .and_then(|person| person.institution.as_ref())
            .map(|institution| match &institution.short_name {
                Some(short) => format!("{} ({short})", institution.name),
                None => institution.name.clone(),
            });
        let institution = match given.institution {
            Some(institution) => Some(institution),
            None => match self.prompter.text(
                "Institution, e.g. Kementerian Luar Negeri (Kemlu) (empty for none)",
                institution_default.as_deref(),
            )? {
                Some(text) => Some(self.settled_name(Record::Institution, text)?),
                None => None,
            },
        };
        let position = match given.position {
            Some(position) => Some(position),
            None => {
                let default = current.as_ref().and_then(|person| person.position.clone());
                self.prompter
                    .text("Position (empty for none)", default.as_deref())?
            }
        };
        let talk = match (kind, given.talk) {
            (_, Some(talk)) => Some(talk),
            (RoleKind::Speaker, None) => self.talk(schedule, taken)?,
            (RoleKind::Moderator, None) => None,
        };
        Ok(NewRole {
            kind,
            name,
            institution,
            position,
            talk,
            ..given
        })
    }

    fn talk(
        &mut self,
        schedule: &Schedule,
        taken: &mut Vec<(String, Interval)>,
    ) -> Result<Option<NewTalk>> {
        let Some(title) = self.prompter.text("Talk title (empty for none)", None)? else {
            return Ok(None);
        };
        let (on, at, minutes) = self.timing(schedule, taken, &title)?;
        Ok(Some(NewTalk {
            title,
            at,
            on,
            minutes,
            place: SlotPlace::default(),
        }))
    }

    /// When a slot is: its day (for a seminar of several days), start and length, asked
    /// until the slot fits the hours and overlaps no other.
    fn timing(
        &mut self,
        schedule: &Schedule,
        taken: &mut Vec<(String, Interval)>,
        title: &str,
    ) -> Result<(Option<NaiveDate>, NaiveTime, u32)> {
        loop {
            let on = if schedule.first_day == schedule.last_day {
                None
            } else {
                let today = self.context.today;
                self.prompter.ask_optional(
                    "Day, e.g. 19/05/2017 (empty for the first day)",
                    None,
                    |text| time::parse_date(text, today),
                )?
            };
            let at = self
                .prompter
                .ask("Starts at, e.g. 09:45", None, time::parse_time)?;
            let minutes = self.prompter.ask("Minutes", None, time::parse_minutes)?;
            let day = on.unwrap_or(schedule.first_day);
            let problem = match schedule.slot_during(day, at, minutes) {
                Err(problem) => problem,
                Ok(during) => match taken.iter().find(|(_, other)| other.overlaps(&during)) {
                    Some((other, _)) => format!("it overlaps '{other}'"),
                    None => {
                        taken.push((title.to_string(), during));
                        return Ok((on, at, minutes));
                    }
                },
            };
            self.prompter
                .complain(&format!("{problem}; give another time"));
        }
    }

    /// Other items of the rundown (opening, breaks, questions, closing), until one is left
    /// without a title.
    pub fn rundown(
        &mut self,
        schedule: &Schedule,
        taken: &mut Vec<(String, Interval)>,
    ) -> Result<Vec<NewSlot>> {
        let kinds: Vec<String> = SlotKind::ALL
            .iter()
            .map(|kind| kind.as_str().to_string())
            .collect();
        let mut slots = Vec::new();
        while let Some(title) = self.prompter.text(
            "Other rundown item, e.g. Opening remarks (empty when done)",
            None,
        )? {
            let kind = SlotKind::ALL[self.prompter.choose("Kind", &kinds, guess_kind(&title))?];
            let (on, at, minutes) = self.timing(schedule, taken, &title)?;
            let people = self
                .prompter
                .text("People on it, separated by ; (empty for none)", None)?
                .map(|names| {
                    names
                        .split(';')
                        .map(str::trim)
                        .filter(|name| !name.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            slots.push(NewSlot {
                title,
                kind,
                at,
                on,
                minutes,
                people,
                uid: None,
                place: SlotPlace::default(),
                details: Default::default(),
            });
        }
        Ok(slots)
    }

    /// A venue: one on record, a new one (with its address), or none.
    pub fn venue(&mut self) -> Result<Option<Venue>> {
        let mut items = vec!["(no venue)".to_string(), "+ a new venue".to_string()];
        items.extend(self.known.venues.iter().map(|venue| match &venue.address {
            Some(address) => format!("{} — {address}", venue.name),
            None => venue.name.clone(),
        }));
        let choice = if self.known.venues.is_empty() {
            1
        } else {
            self.prompter
                .search("Venue (type to search, Esc for none)", &items)?
                .unwrap_or_default()
        };
        match choice {
            0 => Ok(None),
            1 => {
                let Some(name) = self.prompter.text("Venue (empty for none)", None)? else {
                    return Ok(None);
                };
                let name = self.settled_name(Record::Venue, name)?;
                let existing = self
                    .known
                    .venues
                    .iter()
                    .find(|venue| name_key(&venue.name) == name_key(&name));
                if let Some(venue) = existing {
                    return Ok(Some(venue.clone()));
                }
                let address = self.prompter.text("Address (empty for none)", None)?;
                Ok(Some(Venue {
                    id: 0,
                    name,
                    address,
                    capacity: None,
                }))
            }
            n => Ok(Some(self.known.venues[n - 2].clone())),
        }
    }
}

fn person_label(person: &Person) -> String {
    let institution = person.institution.as_ref().map(|institution| {
        institution
            .short_name
            .clone()
            .unwrap_or_else(|| institution.name.clone())
    });
    match (person.position.clone(), institution) {
        (Some(position), Some(institution)) => {
            format!("{} — {position}, {institution}", person.name)
        }
        (None, Some(detail)) | (Some(detail), None) => format!("{} — {detail}", person.name),
        (None, None) => person.name.clone(),
    }
}

/// The kind of slot a title most likely means, as an index into [`SlotKind::ALL`].
fn guess_kind(title: &str) -> usize {
    let key = name_key(title);
    let kind = if key.contains("open") || key.contains("pembuka") || key.contains("welcom") {
        SlotKind::Opening
    } else if key.contains("question") || key.contains("tanya") || key.contains("q a") {
        SlotKind::Qa
    } else if key.contains("break") || key.contains("rehat") || key.contains("lunch") {
        SlotKind::Break
    } else if key.contains("clos") || key.contains("penutup") {
        SlotKind::Closing
    } else if key.contains("panel") || key.contains("diskusi") {
        SlotKind::Panel
    } else {
        SlotKind::Talk
    };
    SlotKind::ALL
        .iter()
        .position(|candidate| *candidate == kind)
        .unwrap_or(0)
}

/// What the guided `create` asks, with what was given as flags already filled in.
pub struct CreateAnswers {
    pub seminar: NewSeminar,
    pub venue: Option<Venue>,
    pub roles: Vec<NewRole>,
    pub slots: Vec<NewSlot>,
}

impl CreateAnswers {
    pub fn into_plan(self) -> Plan {
        Plan {
            seminars: vec![SeminarEntry {
                place: "the answers".to_string(),
                seminar: self.seminar,
                venue: self.venue,
                roles: self.roles,
                sessions: Vec::new(),
                slots: self.slots,
            }],
            ..Plan::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rundown_titles_suggest_their_kind() {
        let kind = |title| SlotKind::ALL[guess_kind(title)];
        assert_eq!(kind("Opening remarks"), SlotKind::Opening);
        assert_eq!(kind("Sambutan pembukaan"), SlotKind::Opening);
        assert_eq!(kind("Pembukaan"), SlotKind::Opening);
        assert_eq!(kind("Questions and answers"), SlotKind::Qa);
        assert_eq!(kind("Tanya jawab"), SlotKind::Qa);
        assert_eq!(kind("Coffee break"), SlotKind::Break);
        assert_eq!(kind("Closing"), SlotKind::Closing);
        assert_eq!(kind("Penutupan"), SlotKind::Closing);
        assert_eq!(kind("Keynote"), SlotKind::Talk);
    }
}
