//! Domain types and the pure rules that govern them. Nothing here touches storage or prints.

pub mod conflict;
pub mod names;
pub mod slug;
pub mod text;
pub mod time;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

pub use time::Interval;

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
    /// A person's part in one seminar.
    RoleKind { Speaker = "speaker", Moderator = "moderator" }
);

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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    /// Stays with the person across exports and imports; tells apart people who share a name.
    pub uid: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub position: Option<String>,
    pub institution: Option<Institution>,
}

/// When a seminar happens: from `start` on `first_day` to `end` on `last_day`, each day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub zone: Tz,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

/// The years a seminar may be in: wide enough for any real event, narrow enough that no
/// date arithmetic can overflow.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2199;

pub const DEFAULT_START: (u32, u32) = (9, 0);
pub const DEFAULT_END: (u32, u32) = (17, 0);

impl Schedule {
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
        if self.end <= self.start {
            return Err(format!(
                "end: {} is not after the start {}; accepted: a time later the same day",
                self.end.format("%H:%M"),
                self.start.format("%H:%M")
            ));
        }
        self.windows().map(|_| ())
    }

    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.first_day
            .iter_days()
            .take_while(|day| *day <= self.last_day)
    }

    /// The instants at which each day of the seminar starts and ends.
    pub fn windows(&self) -> Result<Vec<Interval>, String> {
        self.days()
            .map(|day| {
                let start = time::local_instant(self.zone, day, self.start)
                    .map_err(|e| format!("start: {e}"))?;
                let end = time::local_instant(self.zone, day, self.end)
                    .map_err(|e| format!("end: {e}"))?;
                Ok(Interval::of(start, end))
            })
            .collect()
    }

    pub fn starts_at(&self) -> Result<DateTime<Utc>, String> {
        time::local_instant(self.zone, self.first_day, self.start)
    }

    pub fn ends_at(&self) -> Result<DateTime<Utc>, String> {
        time::local_instant(self.zone, self.last_day, self.end)
    }

    /// When a slot at `at` on `day` for `minutes` would be, if it stays within the seminar's
    /// hours that day.
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
        let starts_at = time::local_instant(self.zone, day, at)?;
        let during = Interval::from_minutes(starts_at, minutes);
        if !self
            .windows()?
            .iter()
            .any(|window| window.contains(&during))
        {
            return Err(format!(
                "{}–{} is outside the seminar's hours, {} to {}",
                at.format("%H:%M"),
                (at + chrono::Duration::minutes(i64::from(minutes))).format("%H:%M"),
                self.start.format("%H:%M"),
                self.end.format("%H:%M")
            ));
        }
        Ok(during)
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
    /// day of the seminar, at the same local time.
    pub fn carry(&self, at: DateTime<Utc>, new: &Schedule) -> Result<DateTime<Utc>, String> {
        let local = at.with_timezone(&self.zone);
        let day_index = (local.date_naive() - self.first_day).num_days().max(0) as u64;
        time::local_instant(new.zone, new.nth_day(day_index), local.time())
    }
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

/// A seminar with everyone and everything in it: what an agenda shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Programme {
    pub seminar: Seminar,
    pub roles: Vec<Role>,
    pub slots: Vec<Slot>,
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

    fn schedule(zone: Tz, first: u32, last: u32) -> Schedule {
        Schedule {
            zone,
            first_day: day(first),
            last_day: day(last),
            start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
        }
    }

    #[test]
    fn a_slot_fits_only_inside_the_hours_of_a_day_of_the_seminar() {
        let seminar = schedule(chrono_tz::Asia::Jakarta, 1, 2);
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
        let old = schedule(chrono_tz::Asia::Jakarta, 1, 2);
        let new = schedule(chrono_tz::Asia::Makassar, 10, 11);
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
