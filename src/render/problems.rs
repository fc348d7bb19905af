//! Sentences for broken booking rules and for what a command did on the side.

use super::Lang;
use super::when::{long_date, time_range};
use crate::model::conflict::{Problem, SeminarAt, SlotAt};
use crate::ops::Notice;

fn seminar_at(seminar: &SeminarAt, lang: Lang) -> String {
    let (start, end) = (
        chrono::DateTime::from_timestamp(seminar.during.start, 0).unwrap_or_default(),
        chrono::DateTime::from_timestamp(seminar.during.end, 0).unwrap_or_default(),
    );
    format!(
        "{} ({} · {})",
        seminar.slug,
        long_date(start.with_timezone(&seminar.zone).date_naive(), lang),
        time_range(start, end, seminar.zone, lang)
    )
}

fn slot_at(slot: &SlotAt, seminar: &SeminarAt, lang: Lang) -> String {
    let start = chrono::DateTime::from_timestamp(slot.during.start, 0).unwrap_or_default();
    let end = chrono::DateTime::from_timestamp(slot.during.end, 0).unwrap_or_default();
    format!(
        "'{}' ({})",
        slot.title,
        time_range(start, end, seminar.zone, lang)
    )
}

fn hours(seminar: &SeminarAt, lang: Lang) -> String {
    let start = chrono::DateTime::from_timestamp(seminar.during.start, 0).unwrap_or_default();
    let end = chrono::DateTime::from_timestamp(seminar.during.end, 0).unwrap_or_default();
    time_range(start, end, seminar.zone, lang)
}

/// One sentence naming the seminars or slots involved.
pub fn describe(problem: &Problem, lang: Lang) -> String {
    match (problem, lang) {
        (
            Problem::VenueDoubleBooked {
                venue,
                first,
                second,
            },
            Lang::En,
        ) => format!(
            "venue {venue} is booked twice: {} and {}",
            seminar_at(first, lang),
            seminar_at(second, lang)
        ),
        (
            Problem::VenueDoubleBooked {
                venue,
                first,
                second,
            },
            Lang::Id,
        ) => format!(
            "tempat {venue} dipesan dua kali: {} dan {}",
            seminar_at(first, lang),
            seminar_at(second, lang)
        ),
        (
            Problem::PersonDoubleBooked {
                person,
                first,
                second,
                ..
            },
            Lang::En,
        ) => format!(
            "{person} is in two places at once: {} and {}",
            seminar_at(first, lang),
            seminar_at(second, lang)
        ),
        (
            Problem::PersonDoubleBooked {
                person,
                first,
                second,
                ..
            },
            Lang::Id,
        ) => format!(
            "{person} berada di dua tempat sekaligus: {} dan {}",
            seminar_at(first, lang),
            seminar_at(second, lang)
        ),
        (
            Problem::SlotsOverlap {
                seminar,
                first,
                second,
            },
            Lang::En,
        ) => format!(
            "in {}, slot {} overlaps slot {}",
            seminar.slug,
            slot_at(first, seminar, lang),
            slot_at(second, seminar, lang)
        ),
        (
            Problem::SlotsOverlap {
                seminar,
                first,
                second,
            },
            Lang::Id,
        ) => format!(
            "di {}, sesi {} bertumpang tindih dengan sesi {}",
            seminar.slug,
            slot_at(first, seminar, lang),
            slot_at(second, seminar, lang)
        ),
        (Problem::SlotOutsideHours { seminar, slot }, Lang::En) => format!(
            "in {}, slot {} is outside the seminar's hours ({})",
            seminar.slug,
            slot_at(slot, seminar, lang),
            hours(seminar, lang)
        ),
        (Problem::SlotOutsideHours { seminar, slot }, Lang::Id) => format!(
            "di {}, sesi {} di luar jam seminar ({})",
            seminar.slug,
            slot_at(slot, seminar, lang),
            hours(seminar, lang)
        ),
    }
}

/// A line for stderr about something a command did besides its main work.
pub fn notice(notice: &Notice, lang: Lang) -> String {
    match notice {
        Notice::Created { what, name } => format!("added {what} {name}"),
        Notice::Updated { what, name, detail } => format!("updated {what} {name} {detail}"),
        Notice::SlotRemoved { title } => format!("removed the talk '{title}'"),
        Notice::Forced(problem) => {
            format!(
                "warning: recorded with --force although {}",
                describe(problem, lang)
            )
        }
    }
}
