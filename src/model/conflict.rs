//! The booking rules, one set for every way a change comes in (typed commands, guided
//! entry, imports) and for `check`:
//!
//! - a room (a venue) is not booked twice at once: a seminar books its main venue during
//!   its hours on each day, and each slot and session books its room (its own, else its
//!   session's, else the seminar's venue) while it runs; a seminar's own slots and sessions
//!   sit inside its booking of its main venue, and a session's slots inside the session;
//! - a person is not in two places at once: busy during their slots, a chair during their
//!   session, anyone else with a part (moderator, MC, a speaker without a slot) during the
//!   seminar's hours; two parts of one seminar clash only in two different rooms;
//! - within a seminar, slots and sessions in one room do not overlap, each stays inside its
//!   day's hours, and a slot of a session stays inside that session.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::model::zone::Zone;

use super::{Interval, RoleKind};

/// What the rules need to know of a seminar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeminarFacts {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub zone: Zone,
    /// When the seminar runs, one interval per day.
    pub windows: Vec<Interval>,
    /// The main venue: (id, name).
    pub venue: Option<(i64, String)>,
    pub cancelled: bool,
}

/// A slot, with the room set on it (if any) and its session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotFacts {
    pub id: i64,
    pub seminar_id: i64,
    pub title: String,
    pub interval: Interval,
    pub room: Option<(i64, String)>,
    pub session_id: Option<i64>,
}

/// A session, with the room set on it (if any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionFacts {
    pub id: i64,
    pub seminar_id: i64,
    pub title: String,
    pub interval: Interval,
    pub room: Option<(i64, String)>,
}

/// A slot or a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    Slot(i64),
    Session(i64),
}

/// One person's part in one seminar, and the slot or session it puts them in, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Engagement {
    pub person_id: i64,
    pub seminar_id: i64,
    pub kind: RoleKind,
    pub on: Option<Item>,
}

/// A seminar as named in a problem, with the time that matters for that problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeminarAt {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub zone: Zone,
    pub during: Interval,
}

/// A slot or session as named in a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemAt {
    pub item: Item,
    pub title: String,
    pub during: Interval,
}

/// What holds a room or a person at a time: a seminar as a whole, or one of its slots or
/// sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Booking {
    pub seminar: SeminarAt,
    pub item: Option<ItemAt>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A room (or a seminar's main venue) is held by two seminars at once.
    VenueDoubleBooked {
        venue_id: i64,
        venue: String,
        first: Booking,
        second: Booking,
    },
    PersonDoubleBooked {
        person_id: i64,
        /// Filled in by [`name_people`]: the rules work on ids only.
        person: String,
        first: Booking,
        second: Booking,
    },
    /// Two slots or sessions of one seminar overlap in one room.
    SlotsOverlap {
        seminar: SeminarAt,
        /// The room's name; `None` where neither the items nor the seminar name one.
        room: Option<String>,
        first: ItemAt,
        second: ItemAt,
    },
    /// A slot or session outside its day's hours.
    SlotOutsideHours { seminar: SeminarAt, slot: ItemAt },
    /// A slot of a session that runs outside it.
    SlotOutsideSession {
        seminar: SeminarAt,
        slot: ItemAt,
        session: ItemAt,
    },
}

/// What a booking holds, independently of names and times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Booked {
    Seminar(i64),
    Item(Item),
}

/// Identifies a problem independently of names and times, to tell old problems from new.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProblemKey {
    Venue(Booked, Booked),
    Person(i64, Booked, Booked),
    Overlap(Item, Item),
    Outside(Item),
    OutsideSession(Item),
}

impl Booking {
    fn booked(&self) -> Booked {
        match &self.item {
            Some(item) => Booked::Item(item.item),
            None => Booked::Seminar(self.seminar.id),
        }
    }
}

impl Problem {
    pub fn key(&self) -> ProblemKey {
        match self {
            Problem::VenueDoubleBooked { first, second, .. } => {
                ProblemKey::Venue(first.booked(), second.booked())
            }
            Problem::PersonDoubleBooked {
                person_id,
                first,
                second,
                ..
            } => ProblemKey::Person(*person_id, first.booked(), second.booked()),
            Problem::SlotsOverlap { first, second, .. } => {
                ProblemKey::Overlap(first.item, second.item)
            }
            Problem::SlotOutsideHours { slot, .. } => ProblemKey::Outside(slot.item),
            Problem::SlotOutsideSession { slot, .. } => ProblemKey::OutsideSession(slot.item),
        }
    }

    /// The seminars a problem concerns.
    pub fn seminar_ids(&self) -> Vec<i64> {
        match self {
            Problem::VenueDoubleBooked { first, second, .. }
            | Problem::PersonDoubleBooked { first, second, .. } => {
                let mut ids = vec![first.seminar.id, second.seminar.id];
                ids.dedup();
                ids
            }
            Problem::SlotsOverlap { seminar, .. }
            | Problem::SlotOutsideHours { seminar, .. }
            | Problem::SlotOutsideSession { seminar, .. } => vec![seminar.id],
        }
    }

    pub fn involves(&self, seminar_id: i64) -> bool {
        self.seminar_ids().contains(&seminar_id)
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Problem::VenueDoubleBooked { .. } => "venue_double_booked",
            Problem::PersonDoubleBooked { .. } => "person_double_booked",
            Problem::SlotsOverlap { .. } => "slots_overlap",
            Problem::SlotOutsideHours { .. } => "slot_outside_hours",
            Problem::SlotOutsideSession { .. } => "slot_outside_session",
        }
    }
}

/// Pairs `(i, j)`, `i < j` in input order, of items whose intervals overlap. Sorting then
/// sweeping keeps this at O(n log n + pairs) rather than comparing every pair.
pub fn overlapping_pairs(intervals: &[Interval]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..intervals.len()).collect();
    order.sort_by_key(|&i| (intervals[i].start, intervals[i].end));
    let mut active: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    for i in order {
        let current = intervals[i];
        active.retain(|&j| intervals[j].end > current.start);
        for &j in &active {
            if intervals[j].overlaps(&current) {
                pairs.push((i.min(j), i.max(j)));
            }
        }
        if current.end > current.start {
            active.push(i);
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Where something happens, for telling rooms apart: a venue, or the one unnamed room of a
/// seminar that names none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Room {
    Venue(i64),
    Unnamed(i64),
}

/// A slot or session with everything the rules ask of it, its room resolved.
#[derive(Debug, Clone)]
struct Placed<'a> {
    item: Item,
    seminar: &'a SeminarFacts,
    title: &'a str,
    during: Interval,
    room: Room,
    room_name: Option<&'a str>,
    session: Option<i64>,
}

impl Placed<'_> {
    fn at(&self) -> ItemAt {
        ItemAt {
            item: self.item,
            title: self.title.to_string(),
            during: self.during,
        }
    }
}

/// The room a slot or session is in: its own, else its session's, else the seminar's venue.
pub fn resolve_room<T>(own: Option<T>, session: Option<T>, seminar: Option<T>) -> Option<T> {
    own.or(session).or(seminar)
}

fn seminar_at(seminar: &SeminarFacts, during: Interval) -> SeminarAt {
    SeminarAt {
        id: seminar.id,
        slug: seminar.slug.clone(),
        title: seminar.title.clone(),
        zone: seminar.zone,
        during,
    }
}

fn first_window(seminar: &SeminarFacts) -> Interval {
    seminar
        .windows
        .first()
        .copied()
        .unwrap_or(Interval::new(0, 0))
}

/// Every problem among the given facts. Cancelled seminars book nothing. Problems come in a
/// stable order: rooms, people, then each seminar's rundown, each by time.
pub fn find_problems(
    seminars: &[SeminarFacts],
    sessions: &[SessionFacts],
    slots: &[SlotFacts],
    engagements: &[Engagement],
) -> Vec<Problem> {
    let mut active: Vec<&SeminarFacts> = seminars.iter().filter(|s| !s.cancelled).collect();
    active.sort_unstable_by_key(|seminar| seminar.id);
    let by_id: HashMap<i64, &SeminarFacts> = active.iter().map(|s| (s.id, *s)).collect();
    let placed = place(&by_id, sessions, slots);
    let mut problems = room_problems(&active, &placed);
    problems.extend(person_problems(&by_id, &placed, engagements));
    problems.extend(rundown_problems(&placed));
    problems
}

/// The problems of several looks at the same rules, each over the seminars that run in one
/// stretch of time (a problem lies where its bookings overlap, so the stretches that cover
/// the whole time find every problem, some more than once), as one list in the order
/// [`find_problems`] gives for all the seminars at once: each problem once, rooms by id,
/// people by id, each by time, then each seminar's rundown in its own order.
pub fn merge_stretches(stretches: impl IntoIterator<Item = Vec<Problem>>) -> Vec<Problem> {
    let mut seen = HashSet::new();
    let mut problems: Vec<Problem> = stretches
        .into_iter()
        .flatten()
        .filter(|problem| seen.insert(problem.key()))
        .collect();
    problems.sort_by_key(|problem| match problem {
        Problem::VenueDoubleBooked {
            venue_id,
            first,
            second,
            ..
        } => (
            0,
            *venue_id,
            Some((first.seminar.during, second.seminar.during)),
        ),
        Problem::PersonDoubleBooked {
            person_id,
            first,
            second,
            ..
        } => (
            1,
            *person_id,
            Some((first.seminar.during, second.seminar.during)),
        ),
        Problem::SlotsOverlap { seminar, .. }
        | Problem::SlotOutsideHours { seminar, .. }
        | Problem::SlotOutsideSession { seminar, .. } => (2, seminar.id, None),
    });
    problems
}

/// Every slot and session of an active seminar, with its room resolved, in a stable order.
fn place<'a>(
    seminars: &HashMap<i64, &'a SeminarFacts>,
    sessions: &'a [SessionFacts],
    slots: &'a [SlotFacts],
) -> Vec<Placed<'a>> {
    let room_of = |seminar: &'a SeminarFacts, own: &'a Option<(i64, String)>| match resolve_room(
        own.as_ref(),
        None,
        seminar.venue.as_ref(),
    ) {
        Some((id, name)) => (Room::Venue(*id), Some(name.as_str())),
        None => (Room::Unnamed(seminar.id), None),
    };
    let mut placed = Vec::with_capacity(sessions.len() + slots.len());
    let mut session_rooms: HashMap<i64, (Room, Option<&'a str>)> = HashMap::new();
    for session in sessions {
        let Some(seminar) = seminars.get(&session.seminar_id) else {
            continue;
        };
        let (room, room_name) = room_of(seminar, &session.room);
        session_rooms.insert(session.id, (room, room_name));
        placed.push(Placed {
            item: Item::Session(session.id),
            seminar,
            title: &session.title,
            during: session.interval,
            room,
            room_name,
            session: None,
        });
    }
    for slot in slots {
        let Some(seminar) = seminars.get(&slot.seminar_id) else {
            continue;
        };
        let (room, room_name) = match (&slot.room, slot.session_id) {
            (None, Some(session)) if session_rooms.contains_key(&session) => {
                session_rooms[&session]
            }
            _ => room_of(seminar, &slot.room),
        };
        placed.push(Placed {
            item: Item::Slot(slot.id),
            seminar,
            title: &slot.title,
            during: slot.interval,
            room,
            room_name,
            session: slot.session_id.filter(|id| session_rooms.contains_key(id)),
        });
    }
    placed.sort_by_key(|p| (p.seminar.id, p.during, p.item));
    placed
}

/// A seminar's booking of its main venue for one day, or a slot or session in a room.
struct RoomBooking<'a> {
    seminar: &'a SeminarFacts,
    during: Interval,
    placed: Option<&'a Placed<'a>>,
}

impl RoomBooking<'_> {
    fn booking(&self) -> Booking {
        Booking {
            seminar: seminar_at(self.seminar, self.during),
            item: self.placed.map(Placed::at),
        }
    }
}

/// Two seminars in one room at once. (Two items of one seminar in one room are the
/// rundown's problem, [`Problem::SlotsOverlap`].)
fn room_problems(active: &[&SeminarFacts], placed: &[Placed<'_>]) -> Vec<Problem> {
    let mut by_room: HashMap<i64, (String, Vec<RoomBooking<'_>>)> = HashMap::new();
    for seminar in active {
        if let Some((venue_id, venue_name)) = &seminar.venue {
            let entry = by_room
                .entry(*venue_id)
                .or_insert_with(|| (venue_name.clone(), Vec::new()));
            for window in &seminar.windows {
                entry.1.push(RoomBooking {
                    seminar,
                    during: *window,
                    placed: None,
                });
            }
        }
    }
    for item in placed {
        // An item in its seminar's main venue, within its hours, sits inside the seminar's
        // own booking of it.
        let main_venue = item.seminar.venue.as_ref().map(|(id, _)| Room::Venue(*id));
        let within_hours = (item.seminar.windows.iter()).any(|w| w.contains(&item.during));
        if main_venue == Some(item.room) && within_hours {
            continue;
        }
        if let (Room::Venue(id), Some(name)) = (item.room, item.room_name) {
            by_room
                .entry(id)
                .or_insert_with(|| (name.to_string(), Vec::new()))
                .1
                .push(RoomBooking {
                    seminar: item.seminar,
                    during: item.during,
                    placed: Some(item),
                });
        }
    }
    let mut rooms: Vec<_> = by_room.into_iter().collect();
    rooms.sort_unstable_by_key(|(id, _)| *id);
    let mut problems = Vec::new();
    for (venue_id, (venue, bookings)) in rooms {
        let intervals: Vec<Interval> = bookings.iter().map(|b| b.during).collect();
        let mut seen = BTreeSet::new();
        let mut found = Vec::new();
        for (i, j) in overlapping_pairs(&intervals) {
            let (a, b) = (&bookings[i], &bookings[j]);
            if a.seminar.id == b.seminar.id {
                continue;
            }
            let (first, second) = ordered(a.booking(), b.booking());
            if seen.insert((first.booked(), second.booked())) {
                found.push((first, second));
            }
        }
        found.sort_by_key(|(a, b)| (a.seminar.during, b.seminar.during));
        problems.extend(
            found
                .into_iter()
                .map(|(first, second)| Problem::VenueDoubleBooked {
                    venue_id,
                    venue: venue.clone(),
                    first,
                    second,
                }),
        );
    }
    problems
}

/// The earlier booking first (the lower seminar, then item, at equal times).
fn ordered(a: Booking, b: Booking) -> (Booking, Booking) {
    let key = |x: &Booking| (x.seminar.during.start, x.seminar.id, x.booked());
    if key(&a) <= key(&b) { (a, b) } else { (b, a) }
}

/// Where a person is during one part: everywhere in the seminar (a seminar-wide role), or
/// in one room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Everywhere,
    In(Room),
}

struct Presence<'a> {
    seminar: &'a SeminarFacts,
    during: Interval,
    place: Place,
    item: Option<&'a Placed<'a>>,
}

impl Presence<'_> {
    fn clashes_with(&self, other: &Presence<'_>) -> bool {
        if self.seminar.id != other.seminar.id {
            return true;
        }
        matches!((self.place, other.place), (Place::In(a), Place::In(b)) if a != b)
    }

    fn booking(&self) -> Booking {
        Booking {
            seminar: seminar_at(self.seminar, self.during),
            item: self.item.map(Placed::at),
        }
    }
}

/// Engagements are grouped by sorting, so that a large database is checked in
/// O(n log n).
fn person_problems(
    seminars: &HashMap<i64, &SeminarFacts>,
    placed: &[Placed<'_>],
    engagements: &[Engagement],
) -> Vec<Problem> {
    let items: HashMap<Item, &Placed<'_>> = placed.iter().map(|p| (p.item, p)).collect();
    let mut ordered_engagements: Vec<&Engagement> = engagements
        .iter()
        .filter(|engagement| seminars.contains_key(&engagement.seminar_id))
        .collect();
    ordered_engagements.sort_unstable_by_key(|e| (e.person_id, e.seminar_id, e.on));
    let mut problems = Vec::new();
    for person in ordered_engagements.chunk_by(|a, b| a.person_id == b.person_id) {
        if person.len() < 2 {
            continue;
        }
        let mut presences = Vec::new();
        for at_seminar in person.chunk_by(|a, b| a.seminar_id == b.seminar_id) {
            let seminar = seminars[&at_seminar[0].seminar_id];
            // A moderator or MC serves the whole seminar (even when on one of its slots),
            // unless they chair sessions: then they are busy in those.
            let chairs = |kind: RoleKind| {
                at_seminar
                    .iter()
                    .any(|e| e.kind == kind && matches!(e.on, Some(Item::Session(_))))
            };
            let mut anywhere = false;
            for engagement in at_seminar {
                if !engagement.kind.speaks() && !chairs(engagement.kind) {
                    anywhere = true;
                    continue;
                }
                match engagement.on.and_then(|item| items.get(&item)) {
                    Some(item) => presences.push(Presence {
                        seminar,
                        during: item.during,
                        place: Place::In(item.room),
                        item: Some(item),
                    }),
                    None => anywhere = true,
                }
            }
            if anywhere {
                for window in &seminar.windows {
                    presences.push(Presence {
                        seminar,
                        during: *window,
                        place: Place::Everywhere,
                        item: None,
                    });
                }
            }
        }
        let intervals: Vec<Interval> = presences.iter().map(|p| p.during).collect();
        let mut seen = BTreeSet::new();
        let mut found = Vec::new();
        for (i, j) in overlapping_pairs(&intervals) {
            let (a, b) = (&presences[i], &presences[j]);
            if !a.clashes_with(b) {
                continue;
            }
            let (first, second) = ordered(a.booking(), b.booking());
            if seen.insert((first.booked(), second.booked())) {
                found.push((first, second));
            }
        }
        found.sort_by_key(|(a, b)| (a.seminar.during, b.seminar.during));
        problems.extend(
            found
                .into_iter()
                .map(|(first, second)| Problem::PersonDoubleBooked {
                    person_id: person[0].person_id,
                    person: String::new(),
                    first,
                    second,
                }),
        );
    }
    problems
}

/// Gives each person problem the person's name, from `names` (person id, name).
pub fn name_people(problems: &mut [Problem], names: &HashMap<i64, String>) {
    for problem in problems {
        if let Problem::PersonDoubleBooked {
            person_id, person, ..
        } = problem
            && let Some(name) = names.get(person_id)
        {
            person.clone_from(name);
        }
    }
}

/// The people that problems name, to look their names up.
pub fn people_in(problems: &[Problem]) -> Vec<i64> {
    let mut ids: Vec<i64> = problems
        .iter()
        .filter_map(|problem| match problem {
            Problem::PersonDoubleBooked { person_id, .. } => Some(*person_id),
            _ => None,
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Each seminar's rundown: items in one room that overlap, items outside their day's hours,
/// slots outside their session. `placed` is by seminar, then by time.
fn rundown_problems(placed: &[Placed<'_>]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for in_seminar in placed.chunk_by(|a, b| a.seminar.id == b.seminar.id) {
        let seminar = in_seminar[0].seminar;
        let mut by_room: Vec<&Placed<'_>> = in_seminar.iter().collect();
        by_room.sort_by_key(|p| (p.room, p.during, p.item));
        for in_room in by_room.chunk_by(|a, b| a.room == b.room) {
            let intervals: Vec<Interval> = in_room.iter().map(|p| p.during).collect();
            for (i, j) in overlapping_pairs(&intervals) {
                let (a, b) = (in_room[i], in_room[j]);
                let inside = |slot: &Placed<'_>, session: &Placed<'_>| {
                    slot.session
                        .is_some_and(|s| session.item == Item::Session(s))
                };
                if inside(a, b) || inside(b, a) {
                    continue;
                }
                let main_venue = seminar.venue.as_ref().map(|(id, _)| Room::Venue(*id));
                problems.push(Problem::SlotsOverlap {
                    seminar: seminar_at(seminar, first_window(seminar)),
                    // Named where the seminar has other rooms than its venue.
                    room: a
                        .room_name
                        .filter(|_| Some(a.room) != main_venue)
                        .map(str::to_string),
                    first: a.at(),
                    second: b.at(),
                });
            }
        }
        let sessions: HashMap<i64, &Placed<'_>> = in_seminar
            .iter()
            .filter_map(|p| match p.item {
                Item::Session(id) => Some((id, p)),
                Item::Slot(_) => None,
            })
            .collect();
        for item in in_seminar {
            if !seminar
                .windows
                .iter()
                .any(|window| window.contains(&item.during))
            {
                let day = seminar
                    .windows
                    .iter()
                    .find(|window| window.overlaps(&item.during))
                    .copied()
                    .unwrap_or_else(|| first_window(seminar));
                problems.push(Problem::SlotOutsideHours {
                    seminar: seminar_at(seminar, day),
                    slot: item.at(),
                });
            }
            if let Some(session) = item.session.and_then(|id| sessions.get(&id))
                && !session.during.contains(&item.during)
            {
                problems.push(Problem::SlotOutsideSession {
                    seminar: seminar_at(seminar, session.during),
                    slot: item.at(),
                    session: session.at(),
                });
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: i64 = 3600;

    fn seminar(id: i64, start_hour: i64, end_hour: i64, venue: Option<i64>) -> SeminarFacts {
        SeminarFacts {
            id,
            slug: format!("s{id}"),
            title: format!("Seminar {id}"),
            zone: Zone::known("Asia/Jakarta"),
            windows: vec![Interval::new(start_hour * HOUR, end_hour * HOUR)],
            venue: venue.map(|v| (v, format!("Venue {v}"))),
            cancelled: false,
        }
    }

    fn hours(start_hour: i64, minutes: i64) -> Interval {
        Interval::new(start_hour * HOUR, start_hour * HOUR + minutes * 60)
    }

    fn slot(id: i64, seminar_id: i64, start_hour: i64, minutes: i64) -> SlotFacts {
        SlotFacts {
            id,
            seminar_id,
            title: format!("Slot {id}"),
            interval: hours(start_hour, minutes),
            room: None,
            session_id: None,
        }
    }

    fn in_room(mut slot: SlotFacts, room: i64) -> SlotFacts {
        slot.room = Some((room, format!("Room {room}")));
        slot
    }

    fn session(id: i64, seminar_id: i64, start_hour: i64, minutes: i64, room: i64) -> SessionFacts {
        SessionFacts {
            id,
            seminar_id,
            title: format!("Session {id}"),
            interval: hours(start_hour, minutes),
            room: Some((room, format!("Room {room}"))),
        }
    }

    fn of_session(mut slot: SlotFacts, session: i64) -> SlotFacts {
        slot.session_id = Some(session);
        slot
    }

    fn engagement(person: i64, seminar_id: i64, kind: RoleKind, on: Option<Item>) -> Engagement {
        Engagement {
            person_id: person,
            seminar_id,
            kind,
            on,
        }
    }

    fn kinds(problems: &[Problem]) -> Vec<&'static str> {
        problems.iter().map(Problem::kind).collect()
    }

    #[test]
    fn sweep_finds_exactly_the_overlapping_pairs() {
        let intervals = [
            Interval::new(0, 10),
            Interval::new(10, 20),
            Interval::new(5, 15),
            Interval::new(30, 40),
            Interval::new(0, 100),
        ];
        assert_eq!(
            overlapping_pairs(&intervals),
            vec![(0, 2), (0, 4), (1, 2), (1, 4), (2, 4), (3, 4)]
        );
        assert!(overlapping_pairs(&[]).is_empty());
    }

    #[test]
    fn sweep_agrees_with_comparing_every_pair() {
        let mut state = 7u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as i64
        };
        let intervals: Vec<Interval> = (0..300)
            .map(|_| {
                let start = next() % 1000;
                Interval::new(start, start + next() % 30)
            })
            .collect();
        let mut brute = Vec::new();
        for i in 0..intervals.len() {
            for j in i + 1..intervals.len() {
                if intervals[i].overlaps(&intervals[j]) {
                    brute.push((i, j));
                }
            }
        }
        assert_eq!(overlapping_pairs(&intervals), brute);
    }

    #[test]
    fn a_venue_is_not_booked_twice_at_once() {
        let seminars = [
            seminar(1, 9, 12, Some(1)),
            seminar(2, 11, 13, Some(1)),
            seminar(3, 12, 14, Some(1)),
        ];
        let problems = find_problems(&seminars, &[], &[], &[]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        let Problem::VenueDoubleBooked {
            venue,
            first,
            second,
            ..
        } = &problems[0]
        else {
            panic!()
        };
        assert_eq!(
            (venue.as_str(), first.seminar.id, second.seminar.id),
            ("Venue 1", 1, 2)
        );
        assert!(
            matches!(&problems[1], Problem::VenueDoubleBooked { first, second, .. } if first.seminar.id == 2 && second.seminar.id == 3)
        );
    }

    #[test]
    fn different_venues_back_to_back_and_cancelled_seminars_do_not_clash() {
        let mut cancelled = seminar(4, 9, 12, Some(1));
        cancelled.cancelled = true;
        let seminars = [
            seminar(1, 9, 12, Some(1)),
            seminar(2, 9, 12, Some(2)),
            seminar(3, 12, 13, Some(1)),
            cancelled,
            seminar(5, 9, 12, None),
            seminar(6, 9, 12, None),
        ];
        assert!(find_problems(&seminars, &[], &[], &[]).is_empty());
    }

    #[test]
    fn a_person_is_not_in_two_places_at_once() {
        let seminars = [seminar(1, 9, 12, Some(1)), seminar(2, 10, 15, Some(2))];
        let moderator = [
            engagement(7, 1, RoleKind::Moderator, None),
            engagement(7, 2, RoleKind::Speaker, None),
        ];
        let mut problems = find_problems(&seminars, &[], &[], &moderator);
        assert_eq!(kinds(&problems), ["person_double_booked"]);
        assert_eq!(people_in(&problems), [7]);
        name_people(&mut problems, &HashMap::from([(7, "Person 7".to_string())]));
        assert!(
            matches!(&problems[0], Problem::PersonDoubleBooked { person, .. } if person == "Person 7")
        );
    }

    #[test]
    fn speakers_with_slots_are_busy_only_during_their_slots() {
        let seminars = [seminar(1, 9, 12, Some(1)), seminar(2, 9, 12, Some(2))];
        let slots = [slot(1, 1, 9, 60), slot(2, 2, 11, 60), slot(3, 2, 9, 60)];
        let apart = [
            engagement(7, 1, RoleKind::Speaker, Some(Item::Slot(1))),
            engagement(7, 2, RoleKind::Speaker, Some(Item::Slot(2))),
        ];
        assert!(find_problems(&seminars, &[], &slots, &apart).is_empty());
        let together = [
            engagement(7, 1, RoleKind::Speaker, Some(Item::Slot(1))),
            engagement(7, 2, RoleKind::Speaker, Some(Item::Slot(3))),
        ];
        assert_eq!(
            kinds(&find_problems(&seminars, &[], &slots, &together)),
            ["person_double_booked"]
        );
        let one_person_twice_in_one_seminar = [
            engagement(7, 1, RoleKind::Speaker, Some(Item::Slot(1))),
            engagement(7, 1, RoleKind::Moderator, None),
        ];
        assert!(find_problems(&seminars, &[], &slots, &one_person_twice_in_one_seminar).is_empty());
    }

    #[test]
    fn a_keynote_is_busy_in_their_slots_and_an_mc_through_the_seminar() {
        let seminars = [seminar(1, 9, 12, Some(1)), seminar(2, 9, 12, Some(2))];
        let slots = [slot(1, 1, 9, 60), slot(2, 2, 11, 60), slot(3, 2, 9, 60)];
        let keynote_apart = [
            engagement(7, 1, RoleKind::Keynote, Some(Item::Slot(1))),
            engagement(7, 2, RoleKind::Speaker, Some(Item::Slot(2))),
        ];
        assert!(find_problems(&seminars, &[], &slots, &keynote_apart).is_empty());
        let keynote_together = [
            engagement(7, 1, RoleKind::Keynote, Some(Item::Slot(1))),
            engagement(7, 2, RoleKind::Keynote, Some(Item::Slot(3))),
        ];
        assert_eq!(
            kinds(&find_problems(&seminars, &[], &slots, &keynote_together)),
            ["person_double_booked"]
        );
        let mc_and_a_later_talk = [
            engagement(7, 1, RoleKind::Mc, None),
            engagement(7, 2, RoleKind::Speaker, Some(Item::Slot(2))),
        ];
        assert_eq!(
            kinds(&find_problems(&seminars, &[], &slots, &mc_and_a_later_talk)),
            ["person_double_booked"]
        );
        let mc_and_keynote_in_one_seminar = [
            engagement(7, 1, RoleKind::Mc, None),
            engagement(7, 1, RoleKind::Keynote, Some(Item::Slot(1))),
        ];
        assert!(find_problems(&seminars, &[], &slots, &mc_and_keynote_in_one_seminar).is_empty());
    }

    #[test]
    fn slots_do_not_overlap_and_stay_inside_the_hours() {
        let seminars = [seminar(1, 9, 12, None)];
        let slots = [
            slot(1, 1, 9, 30),
            slot(2, 1, 9, 60),
            slot(3, 1, 10, 30),
            slot(4, 1, 11, 90),
            slot(5, 1, 8, 30),
        ];
        let problems = find_problems(&seminars, &[], &slots, &[]);
        assert_eq!(
            kinds(&problems),
            ["slots_overlap", "slot_outside_hours", "slot_outside_hours"]
        );
        assert!(
            matches!(&problems[0], Problem::SlotsOverlap { first, second, room: None, .. } if first.item == Item::Slot(1) && second.item == Item::Slot(2))
        );
        assert!(
            matches!(&problems[1], Problem::SlotOutsideHours { slot, .. } if slot.item == Item::Slot(5))
        );
        assert!(
            matches!(&problems[2], Problem::SlotOutsideHours { slot, .. } if slot.item == Item::Slot(4))
        );
    }

    #[test]
    fn multi_day_seminars_book_only_their_daytime_windows() {
        let mut conference = seminar(1, 9, 17, Some(1));
        conference.windows.push(Interval::new(33 * HOUR, 41 * HOUR));
        let evening = seminar(2, 19, 21, Some(1));
        let second_day = seminar(3, 34, 35, Some(1));
        let problems = find_problems(
            &[conference, evening, second_day],
            &[],
            &[slot(1, 1, 20, 30)],
            &[],
        );
        // The slot at 20:00 is outside the conference's hours, and in its main venue
        // while the evening seminar holds it.
        assert_eq!(
            kinds(&problems),
            [
                "venue_double_booked",
                "venue_double_booked",
                "slot_outside_hours"
            ]
        );
        assert!(
            matches!(&problems[1], Problem::VenueDoubleBooked { second, .. } if second.seminar.id == 3)
        );
    }

    #[test]
    fn keys_tell_problems_apart() {
        let seminars = [seminar(1, 9, 12, Some(1)), seminar(2, 9, 12, Some(1))];
        let problems = find_problems(&seminars, &[], &[], &[]);
        assert_eq!(
            problems[0].key(),
            ProblemKey::Venue(Booked::Seminar(1), Booked::Seminar(2))
        );
        assert!(problems[0].involves(2) && !problems[0].involves(3));
    }

    #[test]
    fn parallel_slots_in_different_rooms_are_normal_and_one_room_is_not_booked_twice() {
        let seminars = [seminar(1, 8, 17, Some(9))];
        let slots = [
            in_room(slot(1, 1, 10, 90), 1),
            in_room(slot(2, 1, 10, 90), 2),
            in_room(slot(3, 1, 10, 90), 3),
        ];
        assert!(find_problems(&seminars, &[], &slots, &[]).is_empty());
        let twice = [
            in_room(slot(1, 1, 10, 90), 2),
            in_room(slot(2, 1, 11, 90), 2),
        ];
        let problems = find_problems(&seminars, &[], &twice, &[]);
        assert!(
            matches!(&problems[..], [Problem::SlotsOverlap { room: Some(room), first, second, .. }]
                if room == "Room 2" && first.item == Item::Slot(1) && second.item == Item::Slot(2)),
            "{problems:?}"
        );
    }

    #[test]
    fn a_room_of_one_seminar_is_not_free_for_another() {
        let seminars = [seminar(1, 8, 17, Some(9)), seminar(2, 8, 17, Some(8))];
        let slots = [
            in_room(slot(1, 1, 10, 60), 3),
            in_room(slot(2, 2, 10, 30), 3),
        ];
        let problems = find_problems(&seminars, &[], &slots, &[]);
        assert!(
            matches!(&problems[..], [Problem::VenueDoubleBooked { venue, first, second, .. }]
                if venue == "Room 3" && first.item.as_ref().unwrap().item == Item::Slot(1)
                && second.item.as_ref().unwrap().item == Item::Slot(2)),
            "{problems:?}"
        );
        // The other seminar's main venue, held for its whole day.
        let into_main_venue = [in_room(slot(1, 1, 10, 60), 8)];
        let problems = find_problems(&seminars, &[], &into_main_venue, &[]);
        assert!(
            matches!(&problems[..], [Problem::VenueDoubleBooked { first, second, .. }]
                if first.item.is_none() && second.item.is_some()),
            "{problems:?}"
        );
    }

    #[test]
    fn sessions_hold_their_room_and_their_slots_stay_inside() {
        let seminars = [seminar(1, 8, 17, Some(9))];
        let sessions = [session(1, 1, 10, 90, 1), session(2, 1, 10, 90, 2)];
        let slots = [
            of_session(slot(1, 1, 10, 30), 1),
            of_session(slot(2, 1, 10, 30), 2),
            of_session(slot(3, 1, 11, 60), 1),
        ];
        let problems = find_problems(&seminars, &sessions, &slots, &[]);
        assert_eq!(kinds(&problems), ["slot_outside_session"], "{problems:?}");
        assert!(
            matches!(&problems[0], Problem::SlotOutsideSession { slot, session, .. }
                if slot.item == Item::Slot(3) && session.item == Item::Session(1))
        );
        // A break standing alone in a session's room while it runs.
        let mut lone_break = in_room(slot(4, 1, 11, 15), 2);
        lone_break.title = "Break".into();
        let problems = find_problems(&seminars, &sessions, &[lone_break], &[]);
        assert!(
            matches!(&problems[..], [Problem::SlotsOverlap { first, second, .. }]
                if first.item == Item::Session(2) && second.item == Item::Slot(4)),
            "{problems:?}"
        );
    }

    #[test]
    fn chairs_and_speakers_are_busy_where_they_are() {
        let seminars = [seminar(1, 8, 17, Some(9))];
        // Panel 1A in room 1 at 10:00, panel 1B in room 2 at 10:00, panel 2B in room 2 at 13:00.
        let sessions = [
            session(1, 1, 10, 90, 1),
            session(2, 1, 10, 90, 2),
            session(3, 1, 13, 90, 2),
        ];
        let slots = [
            of_session(slot(1, 1, 10, 30), 1),
            of_session(slot(2, 1, 10, 30), 2),
            of_session(slot(3, 1, 13, 30), 3),
        ];
        let find = |engagements: &[Engagement]| {
            kinds(&find_problems(&seminars, &sessions, &slots, engagements))
        };
        // The chair of 1A who speaks in 1A: one room.
        assert!(
            find(&[
                engagement(7, 1, RoleKind::Moderator, Some(Item::Session(1))),
                engagement(7, 1, RoleKind::Speaker, Some(Item::Slot(1))),
            ])
            .is_empty()
        );
        // The chair of 1A who speaks in 2B, later: free by then.
        assert!(
            find(&[
                engagement(7, 1, RoleKind::Moderator, Some(Item::Session(1))),
                engagement(7, 1, RoleKind::Speaker, Some(Item::Slot(3))),
            ])
            .is_empty()
        );
        // A speaker in 1A and in 1B at once.
        assert_eq!(
            find(&[
                engagement(7, 1, RoleKind::Speaker, Some(Item::Slot(1))),
                engagement(7, 1, RoleKind::Speaker, Some(Item::Slot(2))),
            ]),
            ["person_double_booked"]
        );
        // The seminar's moderator is everywhere in it, and so clashes with nothing in it.
        assert!(
            find(&[
                engagement(7, 1, RoleKind::Moderator, None),
                engagement(7, 1, RoleKind::Speaker, Some(Item::Slot(2))),
            ])
            .is_empty()
        );
    }

    #[test]
    fn a_person_in_several_rooms_of_several_seminars_is_judged_by_time_and_place() {
        // A five-room conference: one person speaks at 11:00 in room 1 and at 17:00 in room 5.
        let seminars = [seminar(1, 9, 20, None)];
        let slots = [
            in_room(slot(1, 1, 11, 60), 1),
            in_room(slot(2, 1, 17, 60), 5),
        ];
        let engagements = [
            engagement(7, 1, RoleKind::Speaker, Some(Item::Slot(1))),
            engagement(7, 1, RoleKind::Speaker, Some(Item::Slot(2))),
        ];
        assert!(find_problems(&seminars, &[], &slots, &engagements).is_empty());
    }
}
