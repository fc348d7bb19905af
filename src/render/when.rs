//! Dates and times as people read them: `Thursday, 18 May 2017 · 09:00–12:00 WIB`, or in
//! Indonesian `Kamis, 18 Mei 2017 · 09.00–12.00 WIB`.

use crate::model::zone::Zone;
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};

use super::Lang;
use crate::model::time::local_instant;
use crate::model::{Schedule, Slot};

/// `Thursday, 18 May 2017`, `Kamis, 18 Mei 2017`
pub fn long_date(date: NaiveDate, lang: Lang) -> String {
    format!("{} {}", day_and_month(date, lang), date.year())
}

/// `Thursday, 18 May`, `Kamis, 18 Mei`
pub fn day_and_month(date: NaiveDate, lang: Lang) -> String {
    format!(
        "{}, {} {}",
        lang.weekday(date.weekday()),
        date.day(),
        lang.month(date.month())
    )
}

pub fn clock(time: NaiveTime, lang: Lang) -> String {
    match lang {
        Lang::En => time.format("%H:%M").to_string(),
        Lang::Id => time.format("%H.%M").to_string(),
    }
}

/// The zone's abbreviation at an instant (`WIB`, `CEST`), or its name where the zone has
/// only a numeric one.
pub fn zone_abbreviation(zone: Zone, at: DateTime<Utc>) -> String {
    let abbreviation = at.with_timezone(&zone).format("%Z").to_string();
    if abbreviation.starts_with(['+', '-']) {
        zone.name().to_string()
    } else {
        abbreviation
    }
}

/// `09:00–12:00 WIB`; when the clocks change in between, each end carries its own label:
/// `02:00 CEST–02:30 CET`.
pub fn time_range(start: DateTime<Utc>, end: DateTime<Utc>, zone: Zone, lang: Lang) -> String {
    let (from, to) = (zone_abbreviation(zone, start), zone_abbreviation(zone, end));
    let (start, end) = (
        clock(start.with_timezone(&zone).time(), lang),
        clock(end.with_timezone(&zone).time(), lang),
    );
    if from == to {
        format!("{start}–{end} {from}")
    } else {
        format!("{start} {from}–{end} {to}")
    }
}

/// `09:00–09:30` for a row of a rundown. `shown` is the zone label its heading gives: an end
/// with another label (the clocks changed) carries its own, `02:00–02:30 CET`. Without a
/// heading, both ends are labelled when they differ, `02:00 CEST–02:30 CET`, and neither
/// when they do not.
pub fn slot_times(slot: &Slot, zone: Zone, lang: Lang, shown: Option<&str>) -> String {
    clock_range(slot.starts_at, slot.ends_at(), zone, lang, shown)
}

/// [`slot_times`] for any span.
pub fn clock_range(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    zone: Zone,
    lang: Lang,
    shown: Option<&str>,
) -> String {
    let (from, to) = (zone_abbreviation(zone, start), zone_abbreviation(zone, end));
    let label = |abbreviation: &str| match shown {
        Some(shown) if shown == abbreviation => String::new(),
        None if from == to => String::new(),
        _ => format!(" {abbreviation}"),
    };
    format!(
        "{}{}–{}{}",
        clock(start.with_timezone(&zone).time(), lang),
        label(&from),
        clock(end.with_timezone(&zone).time(), lang),
        label(&to)
    )
}

/// `Thursday, 18 May 2017 · 09:00–12:00 WIB`; several days run `Thursday, 18 May – Friday,
/// 19 May 2017 · 09:00–17:00 WIB`.
pub fn schedule_line(schedule: &Schedule, lang: Lang) -> String {
    let hours = hours(schedule, lang);
    if schedule.first_day == schedule.last_day {
        format!("{} · {hours}", long_date(schedule.first_day, lang))
    } else {
        let first = if chrono::Datelike::year(&schedule.first_day)
            == chrono::Datelike::year(&schedule.last_day)
        {
            day_and_month(schedule.first_day, lang)
        } else {
            long_date(schedule.first_day, lang)
        };
        let mut line = format!("{first} – {} · {hours}", long_date(schedule.last_day, lang));
        for day in &schedule.days {
            line.push_str(&format!("; {}", own_hours(schedule, day, lang)));
        }
        line
    }
}

/// `Thursday, 13 May 08:00–12:00 WIB`: a day with its own hours.
fn own_hours(schedule: &Schedule, day: &crate::model::DayHours, lang: Lang) -> String {
    let own = Schedule::daily(schedule.zone, day.date, day.date, day.start, day.end);
    format!("{} {}", day_and_month(day.date, lang), hours(&own, lang))
}

/// [`schedule_line`] with each day's own hours on a line of its own, for agendas.
pub fn schedule_lines(schedule: &Schedule, lang: Lang) -> String {
    let plain = Schedule {
        days: Vec::new(),
        ..schedule.clone()
    };
    let mut lines = schedule_line(&plain, lang);
    for day in &schedule.days {
        lines.push('\n');
        lines.push_str(&own_hours(schedule, day, lang));
    }
    lines
}

/// A short date for tables: `2017-05-18`, or `2017-05-18 – 2017-05-19`.
pub fn short_days(schedule: &Schedule) -> String {
    if schedule.first_day == schedule.last_day {
        schedule.first_day.to_string()
    } else {
        format!("{} – {}", schedule.first_day, schedule.last_day)
    }
}

/// `09:00–12:00 WIB` for a schedule's daily hours (as on its first day, with each end
/// labelled when the clocks change that day).
pub fn hours(schedule: &Schedule, lang: Lang) -> String {
    // The seminar's own hours: as on its first day that keeps them.
    let day = schedule
        .days()
        .find(|day| !schedule.has_own_hours(*day))
        .unwrap_or(schedule.first_day);
    let schedule = &Schedule::daily(schedule.zone, day, day, schedule.start, schedule.end);
    match (
        local_instant(schedule.zone, day, schedule.start),
        local_instant(schedule.zone, day, schedule.end),
    ) {
        (Ok(start), Ok(end)) if end > start => time_range(start, end, schedule.zone, lang),
        _ => format!(
            "{}–{} {}",
            clock(schedule.start, lang),
            clock(schedule.end, lang),
            zone_abbreviation(schedule.zone, schedule.starts_at().unwrap_or_default())
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed_schedule() -> Schedule {
        Schedule {
            zone: Zone::known("Asia/Jakarta"),
            first_day: NaiveDate::from_ymd_opt(2017, 5, 18).unwrap(),
            last_day: NaiveDate::from_ymd_opt(2017, 5, 18).unwrap(),
            start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
            days: Vec::new(),
        }
    }

    #[test]
    fn schedule_lines_in_both_languages() {
        let schedule = seed_schedule();
        assert_eq!(
            schedule_line(&schedule, Lang::En),
            "Thursday, 18 May 2017 · 09:00–12:00 WIB"
        );
        assert_eq!(
            schedule_line(&schedule, Lang::Id),
            "Kamis, 18 Mei 2017 · 09.00–12.00 WIB"
        );
    }

    #[test]
    fn several_days_show_a_range() {
        let mut schedule = seed_schedule();
        schedule.last_day = NaiveDate::from_ymd_opt(2017, 5, 19).unwrap();
        assert_eq!(
            schedule_line(&schedule, Lang::Id),
            "Kamis, 18 Mei – Jumat, 19 Mei 2017 · 09.00–12.00 WIB"
        );
    }

    #[test]
    fn every_indonesian_month_and_day_name() {
        let months: Vec<String> = (1..=12)
            .map(|m| long_date(NaiveDate::from_ymd_opt(2017, m, 1).unwrap(), Lang::Id))
            .collect();
        assert_eq!(months[0], "Minggu, 1 Januari 2017");
        assert_eq!(months[1], "Rabu, 1 Februari 2017");
        assert_eq!(months[7], "Selasa, 1 Agustus 2017");
        assert_eq!(months[11], "Jumat, 1 Desember 2017");
    }

    fn berlin_slot(start_utc: &str, minutes: u32) -> Slot {
        Slot {
            id: 1,
            uid: String::new(),
            seminar_id: 1,
            kind: crate::model::SlotKind::Talk,
            title: "Talk".into(),
            starts_at: start_utc.parse().unwrap(),
            minutes,
            role_ids: Vec::new(),
            room: None,
            session_id: None,
            track: None,
            details: Default::default(),
        }
    }

    #[test]
    fn each_end_of_a_time_carries_its_own_offset_when_the_clocks_change() {
        let berlin = Zone::known("Europe/Berlin");
        // Autumn: 02:00 CEST (00:00 UTC) for 90 minutes ends 02:30 CET.
        let autumn = berlin_slot("2017-10-29T00:00:00Z", 90);
        assert_eq!(
            time_range(autumn.starts_at, autumn.ends_at(), berlin, Lang::En),
            "02:00 CEST–02:30 CET"
        );
        assert_eq!(
            slot_times(&autumn, berlin, Lang::En, None),
            "02:00 CEST–02:30 CET"
        );
        assert_eq!(
            slot_times(&autumn, berlin, Lang::Id, Some("CEST")),
            "02.00–02.30 CET"
        );
        // Spring: 01:30 CET (00:30 UTC) for 60 minutes ends 03:30 CEST.
        let spring = berlin_slot("2017-03-26T00:30:00Z", 60);
        assert_eq!(
            time_range(spring.starts_at, spring.ends_at(), berlin, Lang::En),
            "01:30 CET–03:30 CEST"
        );
        assert_eq!(
            slot_times(&spring, berlin, Lang::En, Some("CET")),
            "01:30–03:30 CEST"
        );
        // An ordinary day labels nothing twice.
        let summer = berlin_slot("2017-06-01T07:00:00Z", 60);
        assert_eq!(
            slot_times(&summer, berlin, Lang::En, Some("CEST")),
            "09:00–10:00"
        );
        assert_eq!(slot_times(&summer, berlin, Lang::En, None), "09:00–10:00");
        let day = Schedule {
            zone: berlin,
            first_day: NaiveDate::from_ymd_opt(2017, 3, 26).unwrap(),
            last_day: NaiveDate::from_ymd_opt(2017, 3, 26).unwrap(),
            start: NaiveTime::from_hms_opt(1, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(4, 0, 0).unwrap(),
            days: Vec::new(),
        };
        assert_eq!(hours(&day, Lang::En), "01:00 CET–04:00 CEST");
    }

    #[test]
    fn zones_without_letters_fall_back_to_their_name() {
        let at = DateTime::from_timestamp(1_495_072_800, 0).unwrap();
        assert_eq!(
            zone_abbreviation(Zone::known("America/Sao_Paulo"), at),
            "America/Sao_Paulo"
        );
        assert_eq!(zone_abbreviation(Zone::known("Asia/Makassar"), at), "WITA");
    }
}
