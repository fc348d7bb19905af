//! Domain types and the pure rules that govern them. Nothing here touches storage or prints.

pub mod conflict;
pub mod draft;
pub mod names;
pub mod roster;
pub mod slug;
pub mod text;
pub mod time;
pub mod titles;
pub mod versions;
pub mod zone;

use crate::model::zone::Zone;
use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};
use serde::Serialize;

pub use time::Interval;
pub use titles::Titles;

macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, clap::ValueEnum)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $(#[value(name = $word)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            pub fn parse(word: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|value| value.as_str() == word)
            }
        }
    };
}

word_enum!(
    /// Where a seminar stands. Cancelled seminars are kept but book nothing.
    Status { Planned = "planned", Confirmed = "confirmed", Cancelled = "cancelled" }
);

word_enum!(
    /// What happens in a slot of the rundown.
    SlotKind {
        Opening = "opening",
        Talk = "talk",
        Panel = "panel",
        Qa = "qa",
        Break = "break",
        Closing = "closing",
    }
);

word_enum!(
    /// What kind of block a session is.
    SessionKind {
        Plenary = "plenary",
        Parallel = "parallel",
        Workshop = "workshop",
        Poster = "poster",
        Other = "other",
    }
);

word_enum!(
    /// A person's part in one seminar.
    RoleKind { Speaker = "speaker", Moderator = "moderator", Keynote = "keynote", Mc = "mc" }
);

impl RoleKind {
    /// Speakers and keynote speakers: busy during their slots, listed with the speakers.
    pub fn speaks(self) -> bool {
        matches!(self, RoleKind::Speaker | RoleKind::Keynote)
    }

    /// The role `speaker add` (speaks) or `moderator assign` records with or without its
    /// flag: `--keynote` gives a keynote speaker, `--mc` the master of ceremonies.
    pub fn flagged(speaks: bool, flag: bool) -> RoleKind {
        match (speaks, flag) {
            (true, false) => RoleKind::Speaker,
            (true, true) => RoleKind::Keynote,
            (false, false) => RoleKind::Moderator,
            (false, true) => RoleKind::Mc,
        }
    }

    /// The role in a message: "speaker", "keynote speaker", "MC".
    pub fn noun(self) -> &'static str {
        match self {
            RoleKind::Speaker => "speaker",
            RoleKind::Moderator => "moderator",
            RoleKind::Keynote => "keynote speaker",
            RoleKind::Mc => "MC",
        }
    }

    /// The role with an article, for messages: "a speaker", "the MC".
    pub fn with_article(self) -> &'static str {
        match self {
            RoleKind::Speaker => "a speaker",
            RoleKind::Moderator => "a moderator",
            RoleKind::Keynote => "a keynote speaker",
            RoleKind::Mc => "the MC",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Institution {
    pub id: i64,
    pub name: String,
    pub short_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Venue {
    pub id: i64,
    pub name: String,
    pub address: Option<String>,
    pub capacity: Option<u32>,
}

/// How many records hold a venue: seminars as their main venue, sessions and slots as
/// their room.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct VenueUse {
    pub seminars: u32,
    pub sessions: u32,
    pub slots: u32,
}

impl VenueUse {
    pub fn is_unused(&self) -> bool {
        self.seminars == 0 && self.sessions == 0 && self.slots == 0
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    /// Stays with the person across exports and imports; tells apart people who share a name.
    pub uid: String,
    /// The name without titles: what matching, slugs and most output use.
    pub name: String,
    /// Front titles and back degrees, for the formal name.
    pub titles: Titles,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub position: Option<String>,
    pub institution: Option<Institution>,
}

impl Person {
    /// The name with titles, as certificates and formal agendas print it.
    pub fn formal_name(&self) -> String {
        self.titles.formal(&self.name)
    }
}

/// When a seminar happens: on each day from `first_day` to `last_day`, from `start` to `end`
/// (an end at or before the start is the next morning: 22:00–02:00), except on the days
/// that have hours of their own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub zone: Zone,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    /// Days whose hours differ from `start`–`end`, in date order.
    pub days: Vec<DayHours>,
}

/// One day's own hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DayHours {
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

/// The years a seminar may be in: wide enough for any real event, narrow enough that no
/// date arithmetic can overflow.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2199;

/// The longest a day of a seminar may run into the next morning. Longer is almost surely an
/// end typed before the start by mistake (`--start 14:00 --end 12:00`), not a night event.
pub const LONGEST_DAY_HOURS: i64 = 20;

/// Checks a day's hours: an end later the same day, or (at or before the start) the next
/// morning, at most [`LONGEST_DAY_HOURS`] after the start.
pub fn check_day_hours(start: NaiveTime, end: NaiveTime) -> Result<(), String> {
    let span = (end - start).num_minutes() + 24 * 60;
    if end <= start && span > LONGEST_DAY_HOURS * 60 {
        return Err(format!(
            "end: {} is not after the start {}, and the next morning's {} would be {} hours after it; accepted: an end later the same day, or the next morning up to {LONGEST_DAY_HOURS} hours after the start (22:00–02:00)",
            end.format("%H:%M"),
            start.format("%H:%M"),
            end.format("%H:%M"),
            span / 60
        ));
    }
    Ok(())
}

pub const DEFAULT_START: (u32, u32) = (9, 0);
pub const DEFAULT_END: (u32, u32) = (17, 0);

impl Schedule {
    /// A schedule with the same hours every day.
    pub fn daily(
        zone: Zone,
        first_day: NaiveDate,
        last_day: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
    ) -> Schedule {
        Schedule {
            zone,
            first_day,
            last_day,
            start,
            end,
            days: Vec::new(),
        }
    }

    /// Checks that the schedule makes sense and that its times exist in its zone.
    pub fn validate(&self) -> Result<(), String> {
        for day in [self.first_day, self.last_day] {
            if !(FIRST_YEAR..=LAST_YEAR).contains(&day.year()) {
                return Err(format!(
                    "date: {day} is out of range; accepted: a day from {FIRST_YEAR} to {LAST_YEAR}"
                ));
            }
        }
        if self.last_day < self.first_day {
            return Err(format!(
                "until: {} is before the first day {}",
                self.last_day, self.first_day
            ));
        }
        if (self.last_day - self.first_day).num_days() > 366 {
            return Err("until: a seminar lasts at most a year".into());
        }
        check_day_hours(self.start, self.end)?;
        for day in &self.days {
            check_day_hours(day.start, day.end).map_err(|e| format!("{e} (on {})", day.date))?;
        }
        if let Some(day) = self
            .days
            .iter()
            .find(|day| self.day_index(day.date).is_none())
        {
            return Err(format!(
                "on: {} is not a day of the seminar ({} to {})",
                day.date, self.first_day, self.last_day
            ));
        }
        self.windows().map(|_| ())
    }

    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.first_day
            .iter_days()
            .take_while(|day| *day <= self.last_day)
    }

    /// The hours of one day: its own, else the seminar's.
    pub fn hours_on(&self, date: NaiveDate) -> (NaiveTime, NaiveTime) {
        match self.days.iter().find(|day| day.date == date) {
            Some(day) => (day.start, day.end),
            None => (self.start, self.end),
        }
    }

    /// Whether a day keeps hours of its own.
    pub fn has_own_hours(&self, date: NaiveDate) -> bool {
        self.days.iter().any(|day| day.date == date)
    }

    /// Gives a day hours of its own; the seminar's hours again drop the day's own.
    pub fn set_hours(&mut self, date: NaiveDate, start: NaiveTime, end: NaiveTime) {
        self.days.retain(|day| day.date != date);
        if (start, end) != (self.start, self.end) {
            self.days.push(DayHours { date, start, end });
            self.days.sort_by_key(|day| day.date);
        }
    }

    /// When one day runs: from its start to its end, the next morning when the end is at or
    /// before the start.
    pub fn window_on(&self, date: NaiveDate) -> Result<Interval, String> {
        let (start, end) = self.hours_on(date);
        let end_date = if end <= start {
            date.succ_opt()
                .ok_or("end: the day after is out of range")?
        } else {
            date
        };
        let starts_at =
            time::local_instant(self.zone, date, start).map_err(|e| format!("start: {e}"))?;
        let ends_at =
            time::local_instant(self.zone, end_date, end).map_err(|e| format!("end: {e}"))?;
        if ends_at <= starts_at {
            return Err(format!(
                "end: {} on {date} is not after the start {}",
                end.format("%H:%M"),
                start.format("%H:%M")
            ));
        }
        Ok(Interval::of(starts_at, ends_at))
    }

    /// The instants at which each day of the seminar starts and ends.
    pub fn windows(&self) -> Result<Vec<Interval>, String> {
        self.days().map(|day| self.window_on(day)).collect()
    }

    pub fn starts_at(&self) -> Result<DateTime<Utc>, String> {
        Ok(instant(self.window_on(self.first_day)?.start))
    }

    pub fn ends_at(&self) -> Result<DateTime<Utc>, String> {
        Ok(instant(self.window_on(self.last_day)?.end))
    }

    /// When a slot at `at` on `day` for `minutes` would be, if it stays within the seminar's
    /// hours that day. A time before the day's start on an overnight day is the next
    /// morning's.
    pub fn slot_during(
        &self,
        day: NaiveDate,
        at: NaiveTime,
        minutes: u32,
    ) -> Result<Interval, String> {
        if self.day_index(day).is_none() {
            return Err(format!(
                "{day} is not a day of the seminar ({} to {})",
                self.first_day, self.last_day
            ));
        }
        let starts_at = self.instant_on(day, at)?;
        let during = Interval::from_minutes(starts_at, minutes);
        if !self.window_on(day)?.contains(&during) {
            let (start, end) = self.hours_on(day);
            return Err(format!(
                "{}–{} is outside the seminar's hours, {} to {}",
                at.format("%H:%M"),
                (at + chrono::Duration::minutes(i64::from(minutes))).format("%H:%M"),
                start.format("%H:%M"),
                end.format("%H:%M")
            ));
        }
        Ok(during)
    }

    /// The instant of a local time on a day of the seminar: on a day that runs past
    /// midnight, a time before the day's start is the next morning's.
    pub fn instant_on(&self, day: NaiveDate, at: NaiveTime) -> Result<DateTime<Utc>, String> {
        let (start, end) = self.hours_on(day);
        let date = if end <= start && at < start {
            day.succ_opt().ok_or("at: the day after is out of range")?
        } else {
            day
        };
        time::local_instant(self.zone, date, at)
    }

    /// The day of the seminar an instant belongs to: the day whose hours hold it, else the
    /// day of its local date (the nearest day of the seminar).
    pub fn day_of(&self, at: DateTime<Utc>) -> NaiveDate {
        let second = at.timestamp();
        if let Some(day) = self.days().find(|day| {
            self.window_on(*day)
                .is_ok_and(|window| window.start <= second && second < window.end)
        }) {
            return day;
        }
        let date = at.with_timezone(&self.zone).date_naive();
        // (A schedule not yet validated may end before it starts: no clamp then.)
        if self.first_day <= self.last_day {
            date.clamp(self.first_day, self.last_day)
        } else {
            date
        }
    }

    /// The day of the seminar on which `day` falls, counted from 0.
    pub fn day_index(&self, day: NaiveDate) -> Option<u64> {
        (self.first_day..=self.last_day)
            .contains(&day)
            .then(|| (day - self.first_day).num_days() as u64)
    }

    pub fn nth_day(&self, index: u64) -> NaiveDate {
        self.first_day + Days::new(index)
    }

    /// Where an instant of this schedule lands when the seminar moves to `new`: on the same
    /// day of the seminar, as long after that day's start as it was.
    pub fn carry(&self, at: DateTime<Utc>, new: &Schedule) -> Result<DateTime<Utc>, String> {
        let day = self.day_of(at);
        let new_day = new.nth_day((day - self.first_day).num_days().max(0) as u64);
        let old_start = instant(self.window_on(day)?.start);
        let new_start = instant(new.window_on(new_day)?.start);
        let after_start = at.with_timezone(&self.zone).naive_local()
            - old_start.with_timezone(&self.zone).naive_local();
        let local = new_start.with_timezone(&new.zone).naive_local() + after_start;
        time::local_instant(new.zone, local.date(), local.time())
    }
}

fn instant(second: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(second, 0).unwrap_or_default()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seminar {
    pub id: i64,
    /// A UUID that names the seminar everywhere it is exported (iCalendar UID, frab guid).
    pub uid: String,
    pub slug: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub description: Option<String>,
    pub organizers: Vec<String>,
    pub status: Status,
    pub schedule: Schedule,
    pub venue: Option<Venue>,
}

/// A person's part in one seminar, with the position and institution they had then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub id: i64,
    pub seminar_id: i64,
    pub person_id: i64,
    pub person_name: String,
    /// The person's titles now (not as at the seminar: titles are earned for good).
    pub person_titles: Titles,
    pub kind: RoleKind,
    pub position: Option<String>,
    pub institution: Option<Institution>,
    pub person_uid: String,
    /// The person's email and phone, only when an export asks for them.
    pub contact: Option<Contact>,
}

/// A person's email and phone: personal data, in exports only when asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Contact {
    pub email: Option<String>,
    pub phone: Option<String>,
}

impl Role {
    /// A new role for a person, with the position and institution they have now.
    pub fn taking_current(person: &Person, seminar_id: i64, kind: RoleKind) -> Role {
        Role {
            id: 0,
            seminar_id,
            person_id: person.id,
            person_name: person.name.clone(),
            person_titles: person.titles.clone(),
            kind,
            position: person.position.clone(),
            institution: person.institution.clone(),
            person_uid: person.uid.clone(),
            contact: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub id: i64,
    /// A UUID that names the slot everywhere it is exported.
    pub uid: String,
    pub seminar_id: i64,
    pub kind: SlotKind,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub minutes: u32,
    /// The roles of the people on this slot, in the order they were added.
    pub role_ids: Vec<i64>,
    /// The room set on the slot itself; see [`Programme::room_of`] for where it is.
    pub room: Option<Venue>,
    pub session_id: Option<i64>,
    pub track: Option<String>,
    pub details: SlotDetails,
}

/// What a schedule from elsewhere may say of a talk besides when and where it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SlotDetails {
    /// A summary of the talk.
    pub summary: Option<String>,
    /// The language it is given in (`en`, `id`); the seminar's when `None`.
    pub language: Option<String>,
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Link {
    pub href: String,
    pub title: String,
}

impl Slot {
    pub fn interval(&self) -> Interval {
        Interval::from_minutes(self.starts_at, self.minutes)
    }

    pub fn ends_at(&self) -> DateTime<Utc> {
        self.starts_at + chrono::Duration::minutes(i64::from(self.minutes))
    }
}

/// A new random (version 4) UUID, for a record that has none yet.
pub fn new_uid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A UUID in its canonical lowercase form, or `None` if `text` is not one.
pub fn canonical_uid(text: &str) -> Option<String> {
    uuid::Uuid::try_parse(text.trim())
        .ok()
        .map(|uid| uid.to_string())
}

pub const MAX_SLOT_MINUTES: u32 = 24 * 60;

/// A titled block of a seminar on one day in one room, with its chairs: a plenary, a
/// parallel panel, a workshop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id: i64,
    /// A UUID that names the session everywhere it is exported.
    pub uid: String,
    pub seminar_id: i64,
    pub title: String,
    pub kind: SessionKind,
    pub track: Option<String>,
    /// The room set on the session; the seminar's venue when `None`.
    pub room: Option<Venue>,
    pub starts_at: DateTime<Utc>,
    pub minutes: u32,
    /// The roles of its chairs, in the order they were added.
    pub chair_role_ids: Vec<i64>,
}

impl Session {
    pub fn interval(&self) -> Interval {
        Interval::from_minutes(self.starts_at, self.minutes)
    }

    pub fn ends_at(&self) -> DateTime<Utc> {
        self.starts_at + chrono::Duration::minutes(i64::from(self.minutes))
    }
}

/// A seminar with everyone and everything in it: what an agenda shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Programme {
    pub seminar: Seminar,
    pub roles: Vec<Role>,
    pub sessions: Vec<Session>,
    pub slots: Vec<Slot>,
    /// Its published versions and what was cancelled since the first: empty unless loaded.
    pub history: History,
}

impl Programme {
    /// The programme with each person named by their formal name, with titles and degrees
    /// (`Prof. Dr. Bambang Hartono, M.Sc.`), as printed programmes and certificates name them.
    pub fn with_formal_names(&self) -> Programme {
        let mut formal = self.clone();
        for role in &mut formal.roles {
            role.person_name = role.person_titles.formal(&role.person_name);
        }
        formal
    }
}

/// What a programme keeps from its publications: the sessions and slots cancelled after
/// one (kept out of `sessions` and `slots`), and the last version.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    pub cancelled_sessions: Vec<Session>,
    pub cancelled_slots: Vec<Slot>,
    pub publication: Option<versions::Publication>,
}

impl Programme {
    pub fn roles_of(&self, kind: RoleKind) -> impl Iterator<Item = &Role> {
        self.roles.iter().filter(move |role| role.kind == kind)
    }

    pub fn people_on<'a>(&'a self, slot: &'a Slot) -> impl Iterator<Item = &'a Role> {
        slot.role_ids
            .iter()
            .filter_map(|id| self.roles.iter().find(|role| role.id == *id))
    }

    pub fn slots_of<'a>(&'a self, role: &'a Role) -> impl Iterator<Item = &'a Slot> {
        self.slots
            .iter()
            .filter(|slot| slot.role_ids.contains(&role.id))
    }

    /// The part of the programme on one day, in one room or in one track (each filter when
    /// given; names matched as names are). A session that matches keeps all its slots.
    pub fn only(
        &self,
        on: Option<NaiveDate>,
        room: Option<&str>,
        track: Option<&str>,
    ) -> Programme {
        let schedule = &self.seminar.schedule;
        let key = |text: &str| names::name_key(text);
        let (room, track) = (room.map(key), track.map(key));
        let room_matches = |venue: Option<&Venue>| match &room {
            None => true,
            Some(wanted) => venue.is_some_and(|venue| key(&venue.name) == *wanted),
        };
        let track_matches = |label: Option<&str>| match &track {
            None => true,
            Some(wanted) => label.is_some_and(|label| key(label) == *wanted),
        };
        let day_matches = |at: DateTime<Utc>| on.is_none_or(|day| schedule.day_of(at) == day);
        let sessions: Vec<Session> = (self.sessions.iter())
            .filter(|session| {
                day_matches(session.starts_at)
                    && room_matches(self.session_room(session))
                    && track_matches(session.track.as_deref())
            })
            .cloned()
            .collect();
        let slots = (self.slots.iter())
            .filter(|slot| match slot.session_id {
                Some(id) if self.session(id).is_some() => {
                    sessions.iter().any(|session| session.id == id)
                }
                _ => {
                    day_matches(slot.starts_at)
                        && room_matches(self.room_of(slot))
                        && track_matches(self.track_of(slot))
                }
            })
            .cloned()
            .collect();
        Programme {
            seminar: self.seminar.clone(),
            roles: self.roles.clone(),
            sessions,
            slots,
            history: self.history.clone(),
        }
    }

    /// The programme with its cancelled sessions and slots back in the rundown, in time
    /// order, for an agenda that strikes them through.
    pub fn with_cancelled(&self) -> Programme {
        let mut shown = self.clone();
        shown
            .sessions
            .extend(self.history.cancelled_sessions.iter().cloned());
        shown
            .slots
            .extend(self.history.cancelled_slots.iter().cloned());
        shown
            .sessions
            .sort_by_key(|session| (session.starts_at, session.id));
        shown.slots.sort_by_key(|slot| (slot.starts_at, slot.id));
        shown
    }

    /// Whether a role chairs one of the sessions.
    pub fn chairs_a_session(&self, role: &Role) -> bool {
        (self.sessions.iter()).any(|session| session.chair_role_ids.contains(&role.id))
    }

    pub fn session(&self, id: i64) -> Option<&Session> {
        self.sessions.iter().find(|session| session.id == id)
    }

    pub fn session_of(&self, slot: &Slot) -> Option<&Session> {
        slot.session_id.and_then(|id| self.session(id))
    }

    /// Where a slot is: its own room, else its session's, else the seminar's venue.
    pub fn room_of<'a>(&'a self, slot: &'a Slot) -> Option<&'a Venue> {
        conflict::resolve_room(
            slot.room.as_ref(),
            self.session_of(slot)
                .and_then(|session| session.room.as_ref()),
            self.seminar.venue.as_ref(),
        )
    }

    /// Where a session is: its own room, else the seminar's venue.
    pub fn session_room<'a>(&'a self, session: &'a Session) -> Option<&'a Venue> {
        conflict::resolve_room(session.room.as_ref(), None, self.seminar.venue.as_ref())
    }

    /// The chairs of a session, in order.
    pub fn chairs_of<'a>(&'a self, session: &'a Session) -> impl Iterator<Item = &'a Role> {
        session
            .chair_role_ids
            .iter()
            .filter_map(|id| self.roles.iter().find(|role| role.id == *id))
    }

    /// The track of a slot: its own, else its session's.
    pub fn track_of<'a>(&'a self, slot: &'a Slot) -> Option<&'a str> {
        slot.track
            .as_deref()
            .or_else(|| self.session_of(slot).and_then(|s| s.track.as_deref()))
    }
}

/// One line of a seminar list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeminarSummary {
    pub seminar: Seminar,
    pub speakers: u32,
    pub slots: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 3, d).unwrap()
    }

    fn schedule(zone: Zone, first: u32, last: u32) -> Schedule {
        Schedule::daily(
            zone,
            day(first),
            day(last),
            NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
        )
    }

    #[test]
    fn a_slot_fits_only_inside_the_hours_of_a_day_of_the_seminar() {
        let seminar = schedule(Zone::known("Asia/Jakarta"), 1, 2);
        let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert!(seminar.slot_during(day(1), at(9, 0), 30).is_ok());
        assert!(seminar.slot_during(day(2), at(16, 30), 30).is_ok());
        let late = seminar.slot_during(day(1), at(16, 45), 30).unwrap_err();
        assert_eq!(
            late,
            "16:45–17:15 is outside the seminar's hours, 09:00 to 17:00"
        );
        assert!(seminar.slot_during(day(1), at(8, 59), 10).is_err());
        let elsewhere = seminar.slot_during(day(3), at(10, 0), 10).unwrap_err();
        assert!(
            elsewhere.contains("is not a day of the seminar"),
            "{elsewhere}"
        );
    }

    #[test]
    fn carried_instants_keep_their_day_of_the_seminar_and_local_time() {
        let old = schedule(Zone::known("Asia/Jakarta"), 1, 2);
        let new = schedule(Zone::known("Asia/Makassar"), 10, 11);
        let second_day_ten =
            time::local_instant(old.zone, day(2), NaiveTime::from_hms_opt(10, 0, 0).unwrap())
                .unwrap();
        let carried = old.carry(second_day_ten, &new).unwrap();
        assert_eq!(
            carried.with_timezone(&new.zone).to_rfc3339(),
            "2024-03-11T10:00:00+08:00"
        );
    }

    #[test]
    fn a_role_takes_the_current_position_and_institution() {
        let institution = Institution {
            id: 3,
            name: "FISIP UI".into(),
            short_name: None,
        };
        let person = Person {
            id: 7,
            uid: new_uid(),
            name: "Asra Virgianita".into(),
            titles: Titles::default(),
            email: Some("asra@example.org".into()),
            phone: None,
            position: Some("Dosen".into()),
            institution: Some(institution.clone()),
        };
        let role = Role::taking_current(&person, 1, RoleKind::Moderator);
        assert_eq!(
            (role.person_id, role.seminar_id, role.kind),
            (7, 1, RoleKind::Moderator)
        );
        assert_eq!(role.position.as_deref(), Some("Dosen"));
        assert_eq!(role.institution, Some(institution));
    }
}
