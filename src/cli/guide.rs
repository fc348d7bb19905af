//! Guided entry on a terminal: what `create`, `speaker add` and `moderator assign` ask when
//! values they need are not on the command line. Answers are parsed as the flags are, and
//! names are checked for near-duplicates as they are typed, so that the data a guided
//! command writes is the data the same command with flags writes.

use chrono::{NaiveDate, NaiveTime};

use super::Context;
use super::prompt::Prompter;
use crate::error::{Error, Record, Result};
use crate::model::conflict::{Item, Problem};
use crate::model::draft::{Draft, DraftSession};
use crate::model::names::{is_near, name_key};
use crate::model::{
    Person, RoleKind, Schedule, SessionKind, SlotKind, Venue, check_day_hours, time,
};
use crate::ops::import::{Plan, SeminarEntry};
use crate::ops::people::{NewRole, NewTalk};
use crate::ops::seminars::NewSeminar;
use crate::ops::sessions::{Length, NewSession, minutes_of};
use crate::ops::slots::{NewSlot, SlotPlace};
use crate::ops::{self, Permission};
use crate::render::{Lang, problems::describe};

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
    /// Venues named in answers that are not on record yet, to offer as rooms.
    new_venues: Vec<String>,
    lang: Lang,
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
            new_venues: Vec::new(),
            lang: context.style.lang,
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

    /// Who a reference names within the answers: someone on record (by id), else the
    /// name typed; with the name to show.
    fn who(&self, reference: &str) -> (String, String) {
        match self.known.person(reference) {
            Some(person) => (format!("#{}", person.id), person.name.clone()),
            None => (
                format!("name:{}", name_key(reference)),
                reference.to_string(),
            ),
        }
    }

    /// A problem the rules find with an answer, as said under the question.
    fn objection(&self, problem: &Problem) -> String {
        match problem {
            Problem::SlotsOverlap {
                room,
                first,
                second,
                ..
            } => {
                // The answer is the newer item; the other was there before.
                let number = |item: Item| match item {
                    Item::Slot(id) | Item::Session(id) => id,
                };
                let other = if number(first.item) < number(second.item) {
                    first
                } else {
                    second
                };
                match room {
                    Some(room) => format!("{room} is taken then: it overlaps '{}'", other.title),
                    None => format!("it overlaps '{}'", other.title),
                }
            }
            other => describe(other, self.lang),
        }
    }

    /// For a seminar of several days: whether each day keeps the seminar's hours or has its
    /// own, checked as `edit --on` checks them.
    pub fn day_hours(&mut self, schedule: &mut Schedule) -> Result<()> {
        if schedule.first_day == schedule.last_day {
            return Ok(());
        }
        let (start, end) = (schedule.start, schedule.end);
        let seminar_hours = format!("{}–{}", start.format("%H:%M"), end.format("%H:%M"));
        let items = vec![
            format!("the seminar's hours, {seminar_hours}"),
            "hours of its own".to_string(),
        ];
        let days: Vec<NaiveDate> = schedule.days().collect();
        for day in days {
            let question = format!("Hours on {}", day.format("%A, %-d %B %Y"));
            if self.prompter.choose(&question, &items, 0)? == 0 {
                continue;
            }
            loop {
                let (day_start, day_end) = self.hours(start, end)?;
                let mut next = schedule.clone();
                next.set_hours(day, day_start, day_end);
                match next.validate() {
                    Ok(()) => {
                        *schedule = next;
                        break;
                    }
                    Err(problem) => self
                        .prompter
                        .complain(&format!("{problem}; give other hours")),
                }
            }
        }
        Ok(())
    }

    /// A start and an end (at or before the start: the next morning), with defaults.
    fn hours(
        &self,
        default_start: NaiveTime,
        default_end: NaiveTime,
    ) -> Result<(NaiveTime, NaiveTime)> {
        let start = self.prompter.ask(
            "Starts at",
            Some(&default_start.format("%H:%M").to_string()),
            time::parse_time,
        )?;
        let end = self.prompter.ask(
            "Ends at (at or before the start: the next morning)",
            Some(&default_end.format("%H:%M").to_string()),
            |text| {
                let end = time::parse_time(text)?;
                check_day_hours(start, end)?;
                Ok(end)
            },
        )?;
        Ok((start, end))
    }

    /// Sessions, until one is left without a title: each checked as it is typed against
    /// the rules and the sessions before it.
    pub fn sessions(&mut self, draft: &mut Draft) -> Result<Vec<NewSession>> {
        let kinds: Vec<String> = SessionKind::ALL
            .iter()
            .map(|kind| kind.as_str().to_string())
            .collect();
        let mut sessions = Vec::new();
        loop {
            let titles: Vec<String> = draft.sessions().into_iter().map(|s| s.title).collect();
            let title = self.prompter.ask_optional(
                "Session title, e.g. Panel 1A (empty when done)",
                None,
                |text| match titles
                    .iter()
                    .find(|title| name_key(title) == name_key(text))
                {
                    Some(title) => Err(format!(
                        "title: there is a session '{title}' already; give another title"
                    )),
                    None => Ok(text.to_string()),
                },
            )?;
            let Some(title) = title else {
                return Ok(sessions);
            };
            let (id, on, at, length, room) = loop {
                let on = self.day(&draft.schedule)?;
                let at = self
                    .prompter
                    .ask("Starts at, e.g. 10:30", None, time::parse_time)?;
                let (length, minutes) =
                    self.prompter
                        .ask("Minutes, or the end as HH:MM", None, |text| {
                            parse_length(at, text)
                        })?;
                let venue = draft.venue().map(str::to_string);
                let room = self.room(venue.as_deref(), "the venue")?;
                let day = on.unwrap_or(draft.schedule.first_day);
                let problem = match draft.schedule.slot_during(day, at, minutes) {
                    Err(problem) => problem,
                    Ok(during) => match draft.add_session(&title, during, room.as_deref()) {
                        Ok(id) => break (id, on, at, length, room),
                        Err(problem) => self.objection(&problem),
                    },
                };
                self.prompter
                    .complain(&format!("{problem}; give another time or room"));
            };
            let kind = SessionKind::ALL[self.prompter.choose(
                "Kind",
                &kinds,
                guess_session_kind(&title),
            )?];
            let track = self.prompter.text("Track (empty for none)", None)?;
            let mut chairs = Vec::new();
            while let Some(name) = self.person("Chair")? {
                let (key, shown) = self.who(&name);
                match draft.add_chair(id, &key, &shown) {
                    Ok(()) => chairs.push(name),
                    Err(problem) => {
                        let problem = self.objection(&problem);
                        self.prompter
                            .complain(&format!("{problem}; give another chair"));
                    }
                }
            }
            sessions.push(NewSession {
                title,
                kind,
                on,
                at,
                length,
                room,
                track,
                chairs,
                uid: None,
            });
        }
    }

    /// A speaker's or moderator's role: institution and position (defaults: what is on
    /// record for them), and for a speaker a talk checked against the rules and the answers
    /// before it. What `given` holds already is not asked.
    pub fn role(&mut self, given: NewRole, draft: &mut Draft) -> Result<NewRole> {
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
            (RoleKind::Speaker | RoleKind::Keynote, None) => {
                let speaker = self.who(&name);
                self.talk(draft, speaker)?
            }
            (RoleKind::Moderator | RoleKind::Mc, None) => None,
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

    fn talk(&mut self, draft: &mut Draft, speaker: (String, String)) -> Result<Option<NewTalk>> {
        let Some(title) = self.prompter.text("Talk title (empty for none)", None)? else {
            return Ok(None);
        };
        let Placement {
            on,
            at,
            minutes,
            place,
            ..
        } = self.placed(draft, &title, &[speaker])?;
        Ok(Some(NewTalk {
            title,
            at,
            on,
            minutes,
            place,
        }))
    }

    /// The day of a slot or session, for a seminar of several days (`None`: the first).
    fn day(&self, schedule: &Schedule) -> Result<Option<NaiveDate>> {
        if schedule.first_day == schedule.last_day {
            return Ok(None);
        }
        let today = self.context.today;
        self.prompter.ask_optional(
            "Day, e.g. 19/05/2017 (empty for the first day)",
            None,
            |text| time::parse_date(text, today),
        )
    }

    /// Where and when a slot is, with `people` on it: its session and room (when the
    /// seminar has sessions), day (for several days, unless its session's), start and
    /// length; asked again until the rules accept it.
    fn placed(
        &mut self,
        draft: &mut Draft,
        title: &str,
        people: &[(String, String)],
    ) -> Result<Placement> {
        let sessions = draft.sessions();
        loop {
            let session = self.session(&sessions, draft.venue())?;
            let on = match session {
                Some(_) => None,
                None => self.day(&draft.schedule)?,
            };
            let day =
                (on.or(session.map(|session| session.day))).unwrap_or(draft.schedule.first_day);
            let at = self
                .prompter
                .ask("Starts at, e.g. 09:45", None, time::parse_time)?;
            let minutes = self.prompter.ask("Minutes", None, time::parse_minutes)?;
            let room = match (sessions.is_empty(), session) {
                (true, _) => None,
                (false, Some(session)) => {
                    let default = session.room.clone().or(draft.venue().map(str::to_string));
                    self.room(default.as_deref(), "the session's room")?
                }
                (false, None) => {
                    let venue = draft.venue().map(str::to_string);
                    self.room(venue.as_deref(), "the venue")?
                }
            };
            let problem = match draft.schedule.slot_during(day, at, minutes) {
                Err(problem) => problem,
                Ok(during) => {
                    let session_id = session.map(|session| session.id);
                    match draft.add_slot(title, during, room.as_deref(), session_id, people) {
                        Ok(id) => {
                            return Ok(Placement {
                                id,
                                on,
                                at,
                                minutes,
                                place: SlotPlace {
                                    room,
                                    session: session.map(|session| session.title.clone()),
                                    track: None,
                                },
                            });
                        }
                        Err(problem) => self.objection(&problem),
                    }
                }
            };
            self.prompter
                .complain(&format!("{problem}; give another time"));
        }
    }

    /// The session a slot belongs to, picked from `sessions` (none when there are none).
    fn session<'s>(
        &self,
        sessions: &'s [DraftSession],
        venue: Option<&str>,
    ) -> Result<Option<&'s DraftSession>> {
        if sessions.is_empty() {
            return Ok(None);
        }
        let mut items = vec!["(no session)".to_string()];
        items.extend(
            sessions
                .iter()
                .map(|session| match session.room.as_deref().or(venue) {
                    Some(room) => format!("{} — {}, {room}", session.title, session.day),
                    None => format!("{} — {}", session.title, session.day),
                }),
        );
        Ok(match self.prompter.choose("Session", &items, 0)? {
            0 => None,
            n => Some(&sessions[n - 1]),
        })
    }

    /// Other items of the rundown (opening, breaks, questions, closing), until one is left
    /// without a title.
    pub fn rundown(&mut self, draft: &mut Draft) -> Result<Vec<NewSlot>> {
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
            let Placement {
                id,
                on,
                at,
                minutes,
                place,
            } = self.placed(draft, &title, &[])?;
            let people = loop {
                let people: Vec<String> = self
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
                let who: Vec<(String, String)> = people.iter().map(|name| self.who(name)).collect();
                match draft.add_people(id, &who) {
                    Ok(()) => break people,
                    Err(problem) => {
                        let problem = self.objection(&problem);
                        self.prompter
                            .complain(&format!("{problem}; give other people"));
                    }
                }
            };
            slots.push(NewSlot {
                title,
                kind,
                at,
                on,
                minutes,
                people,
                uid: None,
                place,
                details: Default::default(),
            });
        }
        Ok(slots)
    }

    /// Venues to pick from: those on record, then new ones named in earlier answers.
    fn venue_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.known.venues.iter().map(|v| v.name.clone()).collect();
        for name in &self.new_venues {
            if !names.iter().any(|known| name_key(known) == name_key(name)) {
                names.push(name.clone());
            }
        }
        names
    }

    /// A new venue's name as the user means it: one on record or named before when they
    /// say so at "did you mean ...?".
    fn new_venue(&mut self, question: &str) -> Result<Option<String>> {
        let Some(name) = self.prompter.text(question, None)? else {
            return Ok(None);
        };
        let name = self.settled_name(Record::Venue, name)?;
        match (self.venue_names().into_iter()).find(|known| name_key(known) == name_key(&name)) {
            Some(known) => Ok(Some(known)),
            None => {
                self.new_venues.push(name.clone());
                Ok(Some(name))
            }
        }
    }

    /// A room, picked like the venue: `None` for the default (`default`, named by `whose`).
    fn room(&mut self, default: Option<&str>, whose: &str) -> Result<Option<String>> {
        let names = self.venue_names();
        let mut items = vec![match default {
            Some(room) => format!("({whose}: {room})"),
            None => "(no room)".to_string(),
        }];
        items.push("+ a new venue".to_string());
        items.extend(names.iter().cloned());
        let chosen = match self
            .prompter
            .search("Room (type to search, Esc for the default)", &items)?
        {
            None | Some(0) => None,
            Some(1) => self.new_venue("Room: name (empty for the default)")?,
            Some(n) => Some(names[n - 2].clone()),
        };
        Ok(chosen.filter(|room| default.is_none_or(|default| name_key(default) != name_key(room))))
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
                let Some(name) = self.new_venue("Venue (empty for none)")? else {
                    return Ok(None);
                };
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

/// When and where a slot is, as answered; `id` is the slot's in the draft.
struct Placement {
    id: i64,
    on: Option<NaiveDate>,
    at: NaiveTime,
    minutes: u32,
    place: SlotPlace,
}

/// A session's length, typed as minutes (`90`) or as its end (`12:00`, the next morning
/// when at or before the start), with its minutes.
fn parse_length(at: NaiveTime, text: &str) -> std::result::Result<(Length, u32), String> {
    let length = if text.contains([':', '.']) {
        Length::Until(time::parse_time(text)?)
    } else {
        Length::Minutes(time::parse_minutes(text)?)
    };
    let minutes = minutes_of(at, length).map_err(|error| error.to_string())?;
    Ok((length, minutes))
}

/// The kind of session a title most likely means, as an index into [`SessionKind::ALL`].
fn guess_session_kind(title: &str) -> usize {
    let key = name_key(title);
    let kind = if key.contains("plen") || key.contains("keynote") || key.contains("utama") {
        SessionKind::Plenary
    } else if key.contains("workshop") || key.contains("lokakarya") {
        SessionKind::Workshop
    } else if key.contains("poster") {
        SessionKind::Poster
    } else {
        SessionKind::Parallel
    };
    SessionKind::ALL
        .iter()
        .position(|candidate| *candidate == kind)
        .unwrap_or(0)
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
    pub sessions: Vec<NewSession>,
    pub slots: Vec<NewSlot>,
}

impl CreateAnswers {
    /// The answers as one plan. A talk in a session becomes a slot with its speaker on it,
    /// written after the sessions (as `slot add --session --speaker` would write it).
    pub fn into_plan(self) -> Plan {
        let mut roles = Vec::with_capacity(self.roles.len());
        let mut slots = Vec::new();
        for mut role in self.roles {
            match role.talk.take() {
                Some(talk) if talk.place.session.is_some() => slots.push(NewSlot {
                    title: talk.title,
                    kind: SlotKind::Talk,
                    at: talk.at,
                    on: talk.on,
                    minutes: talk.minutes,
                    people: vec![role.name.clone()],
                    uid: None,
                    place: talk.place,
                    details: Default::default(),
                }),
                talk => role.talk = talk,
            }
            roles.push(role);
        }
        slots.extend(self.slots);
        Plan {
            seminars: vec![SeminarEntry {
                place: "the answers".to_string(),
                seminar: self.seminar,
                venue: self.venue,
                roles,
                sessions: self.sessions,
                slots,
                updates: crate::ops::import::Updates::Nothing,
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

    #[test]
    fn session_titles_suggest_their_kind() {
        let kind = |title| SessionKind::ALL[guess_session_kind(title)];
        assert_eq!(kind("Pleno pembukaan"), SessionKind::Plenary);
        assert_eq!(kind("Closing plenary"), SessionKind::Plenary);
        assert_eq!(kind("Panel 1A: ASEAN"), SessionKind::Parallel);
        assert_eq!(kind("Lokakarya menulis"), SessionKind::Workshop);
        assert_eq!(kind("Poster session"), SessionKind::Poster);
    }

    #[test]
    fn a_length_is_minutes_or_an_end() {
        let at = NaiveTime::from_hms_opt(10, 30, 0).unwrap();
        let end = NaiveTime::from_hms_opt(12, 0, 0).unwrap();
        assert_eq!(parse_length(at, "90"), Ok((Length::Minutes(90), 90)));
        assert_eq!(parse_length(at, "12.00"), Ok((Length::Until(end), 90)));
        assert!(parse_length(at, "0").is_err());
        assert!(parse_length(at, "ninety").is_err());
    }
}
