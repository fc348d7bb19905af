//! A seminar as it is being typed in answer to questions, seen as the booking rules see
//! it: each new answer (a session, a chair, a talk) is checked with [`find_problems`]
//! against the answers before it, before anything is written.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;

use super::conflict::{
    Engagement, Item, Problem, ProblemKey, SeminarFacts, SessionFacts, SlotFacts, find_problems,
    name_people,
};
use super::names::name_key;
use super::{Interval, Programme, RoleKind, Schedule};

/// The answers so far. Rooms and people are told apart by keys the caller gives (a person
/// on record by id, a new one by name); items get ids of their own.
#[derive(Debug, Clone)]
pub struct Draft {
    pub schedule: Schedule,
    seminar: SeminarFacts,
    sessions: Vec<SessionFacts>,
    slots: Vec<SlotFacts>,
    engagements: Vec<Engagement>,
    /// Rooms by name key; a room's id is its index + 1.
    rooms: Vec<String>,
    /// People by the caller's key, with their names; a person's id is the index + 1.
    people: Vec<(String, String)>,
    next_item: i64,
}

/// A session among the answers, to offer for a talk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftSession {
    pub id: i64,
    pub title: String,
    pub day: NaiveDate,
    pub room: Option<String>,
}

impl Draft {
    /// A new seminar with nothing in it yet.
    pub fn new(
        slug: &str,
        title: &str,
        schedule: Schedule,
        venue: Option<&str>,
    ) -> Result<Draft, String> {
        let windows = schedule.windows()?;
        let mut draft = Draft {
            seminar: SeminarFacts {
                id: 0,
                slug: slug.to_string(),
                title: title.to_string(),
                zone: schedule.zone,
                windows,
                venue: None,
                cancelled: false,
            },
            schedule,
            sessions: Vec::new(),
            slots: Vec::new(),
            engagements: Vec::new(),
            rooms: Vec::new(),
            people: Vec::new(),
            next_item: 1,
        };
        draft.seminar.venue = venue.map(|name| draft.room(name));
        Ok(draft)
    }

    /// A seminar on record, with its sessions, slots and people (people keyed `#ID`).
    pub fn of(programme: &Programme) -> Result<Draft, String> {
        let seminar = &programme.seminar;
        let mut draft = Draft::new(
            &seminar.slug,
            &seminar.title,
            seminar.schedule.clone(),
            seminar.venue.as_ref().map(|venue| venue.name.as_str()),
        )?;
        for session in &programme.sessions {
            let room = session.room.as_ref().map(|venue| draft.room(&venue.name));
            draft.sessions.push(SessionFacts {
                id: session.id,
                seminar_id: 0,
                title: session.title.clone(),
                interval: session.interval(),
                room,
            });
        }
        for slot in &programme.slots {
            let room = slot.room.as_ref().map(|venue| draft.room(&venue.name));
            draft.slots.push(SlotFacts {
                id: slot.id,
                seminar_id: 0,
                title: slot.title.clone(),
                interval: slot.interval(),
                room,
                session_id: slot.session_id,
            });
        }
        for role in &programme.roles {
            let person_id = draft.person(&format!("#{}", role.person_id), &role.person_name);
            let mut on: Vec<Item> = (programme.slots.iter())
                .filter(|slot| slot.role_ids.contains(&role.id))
                .map(|slot| Item::Slot(slot.id))
                .collect();
            on.extend(
                (programme.sessions.iter())
                    .filter(|session| session.chair_role_ids.contains(&role.id))
                    .map(|session| Item::Session(session.id)),
            );
            let engagement = |on| Engagement {
                person_id,
                seminar_id: 0,
                kind: role.kind,
                on,
            };
            if on.is_empty() {
                draft.engagements.push(engagement(None));
            }
            (draft.engagements).extend(on.into_iter().map(|item| engagement(Some(item))));
        }
        let last = (programme.sessions.iter().map(|session| session.id))
            .chain(programme.slots.iter().map(|slot| slot.id))
            .max()
            .unwrap_or(0);
        draft.next_item = last + 1;
        Ok(draft)
    }

    fn room(&mut self, name: &str) -> (i64, String) {
        let key = name_key(name);
        let index = match self.rooms.iter().position(|room| *room == key) {
            Some(index) => index,
            None => {
                self.rooms.push(key);
                self.rooms.len() - 1
            }
        };
        (index as i64 + 1, name.to_string())
    }

    fn person(&mut self, key: &str, name: &str) -> i64 {
        let index = match self.people.iter().position(|(known, _)| known == key) {
            Some(index) => index,
            None => {
                self.people.push((key.to_string(), name.to_string()));
                self.people.len() - 1
            }
        };
        index as i64 + 1
    }

    /// The sessions so far, in the order they were given.
    pub fn sessions(&self) -> Vec<DraftSession> {
        self.sessions
            .iter()
            .map(|session| DraftSession {
                id: session.id,
                title: session.title.clone(),
                day: self.schedule.day_of(instant(session.interval.start)),
                room: session.room.as_ref().map(|(_, name)| name.clone()),
            })
            .collect()
    }

    /// The seminar's venue, if it has one.
    pub fn venue(&self) -> Option<&str> {
        self.seminar.venue.as_ref().map(|(_, name)| name.as_str())
    }

    /// Every problem among the answers, with people's names.
    fn problems(&self) -> Vec<Problem> {
        let mut problems = find_problems(
            std::slice::from_ref(&self.seminar),
            &self.sessions,
            &self.slots,
            &self.engagements,
        );
        let names: HashMap<i64, String> = (self.people.iter().enumerate())
            .map(|(index, (_, name))| (index as i64 + 1, name.clone()))
            .collect();
        name_people(&mut problems, &names);
        problems
    }

    /// Makes a change if it brings no new problem; otherwise leaves the draft as it was and
    /// returns the first new problem.
    fn admit(&mut self, change: impl FnOnce(&mut Draft)) -> Result<(), Box<Problem>> {
        let before: BTreeSet<ProblemKey> = self.problems().iter().map(Problem::key).collect();
        let mut next = self.clone();
        change(&mut next);
        match (next.problems().into_iter()).find(|problem| !before.contains(&problem.key())) {
            Some(problem) => Err(Box::new(problem)),
            None => {
                *self = next;
                Ok(())
            }
        }
    }

    fn next_id(&mut self) -> i64 {
        self.next_item += 1;
        self.next_item - 1
    }

    /// Adds a session in a room (`None`: the seminar's venue), unless that brings a problem.
    pub fn add_session(
        &mut self,
        title: &str,
        during: Interval,
        room: Option<&str>,
    ) -> Result<i64, Box<Problem>> {
        let id = self.next_item;
        self.admit(|draft| {
            draft.next_id();
            let room = room.map(|name| draft.room(name));
            draft.sessions.push(SessionFacts {
                id,
                seminar_id: 0,
                title: title.to_string(),
                interval: during,
                room,
            });
        })?;
        Ok(id)
    }

    /// Makes someone (by the caller's key) a chair of a session, unless they are elsewhere
    /// then.
    pub fn add_chair(&mut self, session: i64, key: &str, name: &str) -> Result<(), Box<Problem>> {
        self.admit(|draft| {
            let person_id = draft.person(key, name);
            draft.engage(person_id, RoleKind::Moderator, Some(Item::Session(session)));
        })
    }

    /// Adds a slot in a room (`None`: its session's, else the venue's), with people on it,
    /// unless that brings a problem.
    pub fn add_slot(
        &mut self,
        title: &str,
        during: Interval,
        room: Option<&str>,
        session: Option<i64>,
        people: &[(String, String)],
    ) -> Result<i64, Box<Problem>> {
        let id = self.next_item;
        self.admit(|draft| {
            draft.next_id();
            let room = room.map(|name| draft.room(name));
            draft.slots.push(SlotFacts {
                id,
                seminar_id: 0,
                title: title.to_string(),
                interval: during,
                room,
                session_id: session,
            });
            draft.put_people(id, people);
        })?;
        Ok(id)
    }

    /// Puts people (by the caller's key, with their names) on a slot, unless that brings a
    /// problem.
    pub fn add_people(
        &mut self,
        slot: i64,
        people: &[(String, String)],
    ) -> Result<(), Box<Problem>> {
        self.admit(|draft| draft.put_people(slot, people))
    }

    /// People on a slot take the part they have in the seminar already (as with `slot add`),
    /// else they speak.
    fn put_people(&mut self, slot: i64, people: &[(String, String)]) {
        for (key, name) in people {
            let person_id = self.person(key, name);
            let theirs = |draft: &Draft, kind| {
                (draft.engagements.iter()).any(|e| e.person_id == person_id && e.kind == kind)
            };
            let kind = match (RoleKind::ALL.iter().copied())
                .find(|kind| *kind != RoleKind::Speaker && theirs(self, *kind))
            {
                Some(kind) if !theirs(self, RoleKind::Speaker) => kind,
                _ => RoleKind::Speaker,
            };
            self.engage(person_id, kind, Some(Item::Slot(slot)));
        }
    }

    /// A part on an item replaces the same part without one, as a role on record has
    /// either its slots and sessions or none.
    fn engage(&mut self, person_id: i64, kind: RoleKind, on: Option<Item>) {
        self.engagements
            .retain(|e| !(e.person_id == person_id && e.kind == kind && e.on.is_none()));
        self.engagements.push(Engagement {
            person_id,
            seminar_id: 0,
            kind,
            on,
        });
    }
}

fn instant(second: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(second, 0).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn at(text: &str) -> NaiveTime {
        NaiveTime::parse_from_str(text, "%H:%M").unwrap()
    }

    fn conference() -> Draft {
        let schedule = Schedule::daily(
            crate::model::zone::Zone::known("Asia/Jakarta"),
            day("2027-05-12"),
            day("2027-05-13"),
            at("08:00"),
            at("17:00"),
        );
        Draft::new("knhi-2027", "KNHI", schedule, Some("UGM")).unwrap()
    }

    fn during(draft: &Draft, on: &str, start: &str, minutes: u32) -> Interval {
        draft
            .schedule
            .slot_during(day(on), at(start), minutes)
            .unwrap()
    }

    fn person(name: &str) -> (String, String) {
        (name_key(name), name.to_string())
    }

    #[test]
    fn parallel_sessions_in_different_rooms_pass_and_one_room_twice_does_not() {
        let mut draft = conference();
        let panel = during(&draft, "2027-05-12", "10:30", 90);
        let a = draft
            .add_session("Panel 1A", panel, Some("Ruang 1"))
            .unwrap();
        draft
            .add_session("Panel 1B", panel, Some("Ruang 2"))
            .unwrap();
        let refused = draft
            .add_session("Panel 1C", panel, Some("ruang 2"))
            .unwrap_err();
        assert_eq!(refused.kind(), "slots_overlap");
        assert_eq!(
            draft.sessions().len(),
            2,
            "a refused answer leaves nothing behind"
        );
        // A talk of a session sits inside it, in its room.
        let talk = during(&draft, "2027-05-12", "10:30", 25);
        let (key, name) = person("Dewi");
        draft
            .add_slot("Talk", talk, None, Some(a), &[(key, name)])
            .unwrap();
    }

    #[test]
    fn a_chair_in_two_rooms_at_once_is_refused_and_later_is_not() {
        let mut draft = conference();
        let panel = during(&draft, "2027-05-12", "10:30", 90);
        let a = draft
            .add_session("Panel 1A", panel, Some("Ruang 1"))
            .unwrap();
        let b = draft
            .add_session("Panel 1B", panel, Some("Ruang 2"))
            .unwrap();
        let (key, name) = person("Siti");
        draft.add_chair(a, &key, &name).unwrap();
        let refused = draft.add_chair(b, &key, &name).unwrap_err();
        assert!(
            matches!(&*refused, Problem::PersonDoubleBooked { person, .. } if person == "Siti"),
            "{refused:?}"
        );
        let later = during(&draft, "2027-05-12", "13:00", 60);
        let c = draft
            .add_session("Panel 2A", later, Some("Ruang 2"))
            .unwrap();
        draft.add_chair(c, &key, &name).unwrap();
    }

    #[test]
    fn a_talk_outside_its_session_is_refused() {
        let mut draft = conference();
        let panel = during(&draft, "2027-05-12", "10:30", 90);
        let a = draft
            .add_session("Panel 1A", panel, Some("Ruang 1"))
            .unwrap();
        let late = during(&draft, "2027-05-12", "11:45", 30);
        let refused = draft
            .add_slot("Late", late, None, Some(a), &[])
            .unwrap_err();
        assert_eq!(refused.kind(), "slot_outside_session");
    }

    #[test]
    fn people_put_on_a_slot_are_checked_and_a_refusal_leaves_the_slot_bare() {
        let mut draft = conference();
        let panel = during(&draft, "2027-05-12", "10:30", 90);
        let a = draft
            .add_session("Panel 1A", panel, Some("Ruang 1"))
            .unwrap();
        let (key, name) = person("Siti");
        draft.add_chair(a, &key, &name).unwrap();
        let meanwhile = during(&draft, "2027-05-12", "11:00", 30);
        let talk = draft
            .add_slot("Diskusi", meanwhile, Some("Ruang 2"), None, &[])
            .unwrap();
        let refused = draft
            .add_people(talk, &[(key.clone(), name.clone())])
            .unwrap_err();
        assert_eq!(refused.kind(), "person_double_booked");
        assert!(draft.problems().is_empty(), "nothing of the refusal stays");
        // In the venue after the panel, she is free.
        let after = during(&draft, "2027-05-12", "12:00", 30);
        let later = draft
            .add_slot("Tanya jawab", after, None, None, &[])
            .unwrap();
        draft.add_people(later, &[(key, name)]).unwrap();
    }
}
