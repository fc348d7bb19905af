//! Sentences for broken booking rules and for what a command did on the side.

use super::Lang;
use super::when::{long_date, time_range};
use crate::model::conflict::{Booking, Item, ItemAt, Problem, SeminarAt};
use crate::ops::Notice;

fn instant(second: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(second, 0).unwrap_or_default()
}

fn seminar_at(seminar: &SeminarAt, lang: Lang) -> String {
    let (start, end) = (instant(seminar.during.start), instant(seminar.during.end));
    format!(
        "{} ({} · {})",
        seminar.slug,
        long_date(start.with_timezone(&seminar.zone).date_naive(), lang),
        time_range(start, end, seminar.zone, lang)
    )
}

/// `slot 'Panel 1B' (10:30–12:00 WIB)`, `sesi 'Panel 1' (…)`.
fn item_at(item: &ItemAt, seminar: &SeminarAt, lang: Lang) -> String {
    let (start, end) = (instant(item.during.start), instant(item.during.end));
    let noun = match (item.item, lang) {
        (Item::Slot(_), Lang::En) => "slot",
        (Item::Session(_), Lang::En) => "session",
        (Item::Slot(_), Lang::Id) => "acara",
        (Item::Session(_), Lang::Id) => "sesi",
    };
    format!(
        "{noun} '{}' ({})",
        item.title,
        time_range(start, end, seminar.zone, lang)
    )
}

/// A seminar as a whole (`kss-2017 (Thursday, 18 May 2017 · 09:00–12:00 WIB)`) or one of
/// its slots or sessions (`knhi-2027 slot 'Panel 1B' (Wednesday, 12 May 2027 · 10:30–12:00
/// WIB)`).
fn booking(booking: &Booking, lang: Lang) -> String {
    match &booking.item {
        None => seminar_at(&booking.seminar, lang),
        Some(item) => {
            let seminar = &booking.seminar;
            let start = instant(item.during.start);
            format!(
                "{} {}",
                seminar.slug,
                item_at(item, seminar, lang).replacen(
                    " (",
                    &format!(
                        " ({} · ",
                        long_date(start.with_timezone(&seminar.zone).date_naive(), lang)
                    ),
                    1
                )
            )
        }
    }
}

fn hours(seminar: &SeminarAt, lang: Lang) -> String {
    time_range(
        instant(seminar.during.start),
        instant(seminar.during.end),
        seminar.zone,
        lang,
    )
}

/// One sentence naming the seminars, slots and sessions involved.
pub fn describe(problem: &Problem, lang: Lang) -> String {
    match (problem, lang) {
        (
            Problem::VenueDoubleBooked {
                venue,
                first,
                second,
                ..
            },
            Lang::En,
        ) => format!(
            "venue {venue} is booked twice: {} and {}",
            booking(first, lang),
            booking(second, lang)
        ),
        (
            Problem::VenueDoubleBooked {
                venue,
                first,
                second,
                ..
            },
            Lang::Id,
        ) => format!(
            "tempat {venue} dipesan dua kali: {} dan {}",
            booking(first, lang),
            booking(second, lang)
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
            booking(first, lang),
            booking(second, lang)
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
            booking(first, lang),
            booking(second, lang)
        ),
        (
            Problem::SlotsOverlap {
                seminar,
                room,
                first,
                second,
            },
            Lang::En,
        ) => format!(
            "in {}{}, {} overlaps {}",
            seminar.slug,
            room.as_ref()
                .map(|room| format!(" ({room})"))
                .unwrap_or_default(),
            item_at(first, seminar, lang),
            item_at(second, seminar, lang)
        ),
        (
            Problem::SlotsOverlap {
                seminar,
                room,
                first,
                second,
            },
            Lang::Id,
        ) => format!(
            "di {}{}, {} bertumpang tindih dengan {}",
            seminar.slug,
            room.as_ref()
                .map(|room| format!(" ({room})"))
                .unwrap_or_default(),
            item_at(first, seminar, lang),
            item_at(second, seminar, lang)
        ),
        (Problem::SlotOutsideHours { seminar, slot }, Lang::En) => format!(
            "in {}, {} is outside the seminar's hours ({})",
            seminar.slug,
            item_at(slot, seminar, lang),
            hours(seminar, lang)
        ),
        (Problem::SlotOutsideHours { seminar, slot }, Lang::Id) => format!(
            "di {}, {} di luar jam seminar ({})",
            seminar.slug,
            item_at(slot, seminar, lang),
            hours(seminar, lang)
        ),
        (
            Problem::SlotOutsideSession {
                seminar,
                slot,
                session,
            },
            Lang::En,
        ) => format!(
            "in {}, {} runs outside its {}",
            seminar.slug,
            item_at(slot, seminar, lang),
            item_at(session, seminar, lang)
        ),
        (
            Problem::SlotOutsideSession {
                seminar,
                slot,
                session,
            },
            Lang::Id,
        ) => format!(
            "di {}, {} berada di luar {}",
            seminar.slug,
            item_at(slot, seminar, lang),
            item_at(session, seminar, lang)
        ),
    }
}

/// A line for stderr about something a command did besides its main work.
pub fn notice(notice: &Notice, lang: Lang) -> String {
    match notice {
        Notice::Created { what, name } => format!("added {what} {name}"),
        Notice::Updated { what, name, detail } => format!("updated {what} {name} {detail}"),
        Notice::SlotRemoved { title } => format!("removed the talk '{title}'"),
        Notice::SlotCancelled { title } => match lang {
            Lang::En => format!("cancelled the talk '{title}' (kept on record: it was published)"),
            Lang::Id => format!("acara '{title}' dibatalkan (tetap tercatat: sudah diterbitkan)"),
        },
        Notice::Forced(problem) => {
            format!(
                "warning: recorded with --force although {}",
                describe(problem, lang)
            )
        }
    }
}
