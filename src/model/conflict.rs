//! The booking rules: a venue is not booked twice at once, a person is not in two places at
//! once, and the slots of a seminar neither overlap nor leave its hours.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono_tz::Tz;

use super::{Interval, RoleKind};

/// What the rules need to know of a seminar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeminarFacts {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub zone: Tz,
    /// When the seminar runs, one interval per day.
    pub windows: Vec<Interval>,
    pub venue: Option<(i64, String)>,
    pub cancelled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotFacts {
    pub id: i64,
    pub seminar_id: i64,
    pub title: String,
    pub interval: Interval,
}

/// One person's part in one seminar, and the slot it puts them on, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Engagement {
    pub person_id: i64,
    pub seminar_id: i64,
    pub kind: RoleKind,
    pub slot: Option<Interval>,
}

/// A seminar as named in a problem, with the time that matters for that problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeminarAt {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub zone: Tz,
    pub during: Interval,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotAt {
    pub id: i64,
    pub title: String,
    pub during: Interval,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    VenueDoubleBooked {
        venue: String,
        first: SeminarAt,
        second: SeminarAt,
    },
    PersonDoubleBooked {
        person_id: i64,
        /// Filled in by [`name_people`]: the rules work on ids only.
        person: String,
        first: SeminarAt,
        second: SeminarAt,
    },
    SlotsOverlap {
        seminar: SeminarAt,
        first: SlotAt,
        second: SlotAt,
    },
    SlotOutsideHours {
        seminar: SeminarAt,
        slot: SlotAt,
    },
}

/// Identifies a problem independently of names and times, to tell old problems from new.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProblemKey {
    Venue(i64, i64),
    Person(i64, i64, i64),
    Slots(i64, i64),
    Outside(i64),
}

impl Problem {
    pub fn key(&self) -> ProblemKey {
        match self {
            Problem::VenueDoubleBooked { first, second, .. } => {
                ProblemKey::Venue(first.id, second.id)
            }
            Problem::PersonDoubleBooked {
                person_id,
                first,
                second,
                ..
            } => ProblemKey::Person(*person_id, first.id, second.id),
            Problem::SlotsOverlap { first, second, .. } => ProblemKey::Slots(first.id, second.id),
            Problem::SlotOutsideHours { slot, .. } => ProblemKey::Outside(slot.id),
        }
    }

    /// The seminars a problem concerns.
    pub fn seminar_ids(&self) -> Vec<i64> {
        match self {
            Problem::VenueDoubleBooked { first, second, .. }
            | Problem::PersonDoubleBooked { first, second, .. } => vec![first.id, second.id],
            Problem::SlotsOverlap { seminar, .. } | Problem::SlotOutsideHours { seminar, .. } => {
                vec![seminar.id]
            }
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

fn at(seminar: &SeminarFacts, during: Interval) -> SeminarAt {
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
/// stable order: venues, people, then slots, each by time.
pub fn find_problems(
    seminars: &[SeminarFacts],
    slots: &[SlotFacts],
    engagements: &[Engagement],
) -> Vec<Problem> {
    let mut active: Vec<&SeminarFacts> = seminars.iter().filter(|s| !s.cancelled).collect();
    active.sort_unstable_by_key(|seminar| seminar.id);
    let by_id: HashMap<i64, &SeminarFacts> = active.iter().map(|s| (s.id, *s)).collect();
    let mut problems = venue_problems(&active, &by_id);
    problems.extend(person_problems(&by_id, engagements));
    problems.extend(slot_problems(&by_id, slots));
    problems
}

/// Day windows of many seminars, each tagged with its seminar, ready for a sweep.
struct Tagged<T> {
    intervals: Vec<Interval>,
    tags: Vec<T>,
}

impl<T: Copy + Ord> Tagged<T> {
    fn new() -> Self {
        Self {
            intervals: Vec::new(),
            tags: Vec::new(),
        }
    }

    fn push(&mut self, interval: Interval, tag: T) {
        self.intervals.push(interval);
        self.tags.push(tag);
    }

    /// Overlapping pairs with different tags, once per pair of tags, with the first
    /// overlapping intervals of each.
    fn clashes(&self) -> Vec<((T, Interval), (T, Interval))> {
        let mut seen = BTreeSet::new();
        let mut found = Vec::new();
        for (i, j) in overlapping_pairs(&self.intervals) {
            let (a, b) = (self.tags[i], self.tags[j]);
            if a == b {
                continue;
            }
            let (first, second) = if (self.intervals[i], a) <= (self.intervals[j], b) {
                (i, j)
            } else {
                (j, i)
            };
            let key = (a.min(b), a.max(b));
            if seen.insert(key) {
                found.push((
                    (self.tags[first], self.intervals[first]),
                    (self.tags[second], self.intervals[second]),
                ));
            }
        }
        found.sort_by_key(|((_, a), (_, b))| (*a, *b));
        found
    }
}

/// `active` is in id order, which keeps the problems found in a stable order.
fn venue_problems(
    active: &[&SeminarFacts],
    seminars: &HashMap<i64, &SeminarFacts>,
) -> Vec<Problem> {
    let mut by_venue: BTreeMap<i64, (String, Tagged<i64>)> = BTreeMap::new();
    for seminar in active {
        if let Some((venue_id, venue_name)) = &seminar.venue {
            let entry = by_venue
                .entry(*venue_id)
                .or_insert_with(|| (venue_name.clone(), Tagged::new()));
            for window in &seminar.windows {
                entry.1.push(*window, seminar.id);
            }
        }
    }
    let mut problems = Vec::new();
    for (venue, tagged) in by_venue.values() {
        for ((a, during_a), (b, during_b)) in tagged.clashes() {
            problems.push(Problem::VenueDoubleBooked {
                venue: venue.clone(),
                first: at(seminars[&a], during_a),
                second: at(seminars[&b], during_b),
            });
        }
    }
    problems
}

/// When a person is busy at a seminar: during their slots if they are a speaker with slots,
/// otherwise (moderators, speakers without a slot) for the whole seminar. Engagements are
/// grouped by sorting, so that a large database is checked in O(n log n).
fn person_problems(
    seminars: &HashMap<i64, &SeminarFacts>,
    engagements: &[Engagement],
) -> Vec<Problem> {
    let mut ordered: Vec<&Engagement> = engagements
        .iter()
        .filter(|engagement| seminars.contains_key(&engagement.seminar_id))
        .collect();
    ordered.sort_unstable_by_key(|e| (e.person_id, e.seminar_id));
    let mut problems = Vec::new();
    for person in ordered.chunk_by(|a, b| a.person_id == b.person_id) {
        if person.iter().all(|e| e.seminar_id == person[0].seminar_id) {
            continue;
        }
        let mut tagged = Tagged::new();
        for at_seminar in person.chunk_by(|a, b| a.seminar_id == b.seminar_id) {
            let seminar_id = at_seminar[0].seminar_id;
            let whole_seminar = at_seminar
                .iter()
                .any(|e| e.kind != RoleKind::Speaker || e.slot.is_none());
            if whole_seminar {
                for window in &seminars[&seminar_id].windows {
                    tagged.push(*window, seminar_id);
                }
            } else {
                for slot in at_seminar.iter().filter_map(|e| e.slot) {
                    tagged.push(slot, seminar_id);
                }
            }
        }
        for ((a, during_a), (b, during_b)) in tagged.clashes() {
            problems.push(Problem::PersonDoubleBooked {
                person_id: person[0].person_id,
                person: String::new(),
                first: at(seminars[&a], during_a),
                second: at(seminars[&b], during_b),
            });
        }
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

fn slot_problems(seminars: &HashMap<i64, &SeminarFacts>, slots: &[SlotFacts]) -> Vec<Problem> {
    let mut ordered: Vec<&SlotFacts> = slots
        .iter()
        .filter(|slot| seminars.contains_key(&slot.seminar_id))
        .collect();
    ordered.sort_unstable_by_key(|slot| (slot.seminar_id, slot.interval, slot.id));
    let slot_at = |slot: &SlotFacts| SlotAt {
        id: slot.id,
        title: slot.title.clone(),
        during: slot.interval,
    };
    let mut problems = Vec::new();
    for in_seminar in ordered.chunk_by(|a, b| a.seminar_id == b.seminar_id) {
        let seminar = seminars[&in_seminar[0].seminar_id];
        let intervals: Vec<Interval> = in_seminar.iter().map(|slot| slot.interval).collect();
        for (i, j) in overlapping_pairs(&intervals) {
            problems.push(Problem::SlotsOverlap {
                seminar: at(seminar, first_window(seminar)),
                first: slot_at(in_seminar[i]),
                second: slot_at(in_seminar[j]),
            });
        }
        for slot in in_seminar {
            if !seminar
                .windows
                .iter()
                .any(|window| window.contains(&slot.interval))
            {
                let day = seminar
                    .windows
                    .iter()
                    .find(|window| window.overlaps(&slot.interval))
                    .copied()
                    .unwrap_or_else(|| first_window(seminar));
                problems.push(Problem::SlotOutsideHours {
                    seminar: at(seminar, day),
                    slot: slot_at(slot),
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
            zone: chrono_tz::Asia::Jakarta,
            windows: vec![Interval::new(start_hour * HOUR, end_hour * HOUR)],
            venue: venue.map(|v| (v, format!("Venue {v}"))),
            cancelled: false,
        }
    }

    fn slot(id: i64, seminar_id: i64, start_hour: i64, minutes: i64) -> SlotFacts {
        SlotFacts {
            id,
            seminar_id,
            title: format!("Slot {id}"),
            interval: Interval::new(start_hour * HOUR, start_hour * HOUR + minutes * 60),
        }
    }

    fn engagement(
        person: i64,
        seminar_id: i64,
        kind: RoleKind,
        slot: Option<Interval>,
    ) -> Engagement {
        Engagement {
            person_id: person,
            seminar_id,
            kind,
            slot,
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
        let problems = find_problems(&seminars, &[], &[]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        let Problem::VenueDoubleBooked {
            venue,
            first,
            second,
        } = &problems[0]
        else {
            panic!()
        };
        assert_eq!((venue.as_str(), first.id, second.id), ("Venue 1", 1, 2));
        assert!(
            matches!(&problems[1], Problem::VenueDoubleBooked { first, second, .. } if first.id == 2 && second.id == 3)
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
        assert!(find_problems(&seminars, &[], &[]).is_empty());
    }

    #[test]
    fn a_person_is_not_in_two_places_at_once() {
        let seminars = [seminar(1, 9, 12, Some(1)), seminar(2, 10, 15, Some(2))];
        let moderator = [
            engagement(7, 1, RoleKind::Moderator, None),
            engagement(7, 2, RoleKind::Speaker, None),
        ];
        let mut problems = find_problems(&seminars, &[], &moderator);
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
        let early = Interval::new(9 * HOUR, 10 * HOUR);
        let late = Interval::new(11 * HOUR, 12 * HOUR);
        let apart = [
            engagement(7, 1, RoleKind::Speaker, Some(early)),
            engagement(7, 2, RoleKind::Speaker, Some(late)),
        ];
        assert!(find_problems(&seminars, &[], &apart).is_empty());
        let together = [
            engagement(7, 1, RoleKind::Speaker, Some(early)),
            engagement(7, 2, RoleKind::Speaker, Some(early)),
        ];
        assert_eq!(
            kinds(&find_problems(&seminars, &[], &together)),
            ["person_double_booked"]
        );
        let one_person_twice_in_one_seminar = [
            engagement(7, 1, RoleKind::Speaker, Some(early)),
            engagement(7, 1, RoleKind::Moderator, None),
        ];
        assert!(find_problems(&seminars, &[], &one_person_twice_in_one_seminar).is_empty());
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
        let problems = find_problems(&seminars, &slots, &[]);
        assert_eq!(
            kinds(&problems),
            ["slots_overlap", "slot_outside_hours", "slot_outside_hours"]
        );
        assert!(
            matches!(&problems[0], Problem::SlotsOverlap { first, second, .. } if first.id == 1 && second.id == 2)
        );
        assert!(matches!(&problems[1], Problem::SlotOutsideHours { slot, .. } if slot.id == 5));
        assert!(matches!(&problems[2], Problem::SlotOutsideHours { slot, .. } if slot.id == 4));
    }

    #[test]
    fn multi_day_seminars_book_only_their_daytime_windows() {
        let mut conference = seminar(1, 9, 17, Some(1));
        conference.windows.push(Interval::new(33 * HOUR, 41 * HOUR));
        let evening = seminar(2, 19, 21, Some(1));
        let second_day = seminar(3, 34, 35, Some(1));
        let problems = find_problems(
            &[conference, evening, second_day],
            &[slot(1, 1, 20, 30)],
            &[],
        );
        assert_eq!(
            kinds(&problems),
            ["venue_double_booked", "slot_outside_hours"]
        );
        assert!(
            matches!(&problems[0], Problem::VenueDoubleBooked { second, .. } if second.id == 3)
        );
    }

    #[test]
    fn keys_tell_problems_apart() {
        let seminars = [seminar(1, 9, 12, Some(1)), seminar(2, 9, 12, Some(1))];
        let problems = find_problems(&seminars, &[], &[]);
        assert_eq!(problems[0].key(), ProblemKey::Venue(1, 2));
        assert!(problems[0].involves(2) && !problems[0].involves(3));
    }
}
