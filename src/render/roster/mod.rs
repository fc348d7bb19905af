//! The roster in every format: a sheet of localized rows shared by the formats for people
//! (text here, Markdown and HTML), and the data formats (CSV, JSON) from the entries.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;

use super::when::{day_and_month, long_date, schedule_line, short_days, time_range};
use super::{Lang, Style};
use crate::model::roster::{PartItem, PartKind, RosterEntry};
use crate::ops::roster::Roster;

/// The roster's own words, in English and Indonesian.
pub struct Words {
    pub roster: &'static str,
    pub roles: &'static str,
    pub talks: &'static str,
    pub panelist: &'static str,
    /// Before a session's title: `Chair: Panel 1A`.
    pub chair: &'static str,
    pub period_to: &'static str,
}

const EN: Words = Words {
    roster: "Roster",
    roles: "Roles",
    talks: "Talks",
    panelist: "Panelist",
    chair: "Chair",
    period_to: "to",
};

const ID: Words = Words {
    roster: "Daftar pengisi acara",
    roles: "Peran",
    talks: "Materi",
    panelist: "Panelis",
    chair: "Moderator sesi",
    period_to: "s.d.",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Id => &ID,
    }
}

/// `5 people`, `5 orang`; across seminars `7 people in 2 seminars`.
fn count_line(people: usize, seminars: Option<usize>, lang: Lang) -> String {
    match (lang, seminars) {
        (Lang::En, None) => format!("{people} {}", if people == 1 { "person" } else { "people" }),
        (Lang::En, Some(seminars)) => format!(
            "{people} {} in {seminars} {}",
            if people == 1 { "person" } else { "people" },
            if seminars == 1 { "seminar" } else { "seminars" }
        ),
        (Lang::Id, None) => format!("{people} orang"),
        (Lang::Id, Some(seminars)) => format!("{people} orang dari {seminars} seminar"),
    }
}

/// The label of a part kind in a table for people.
pub fn kind_label(kind: PartKind, lang: Lang) -> &'static str {
    let labels = lang.labels();
    match kind {
        PartKind::Keynote => labels.keynote,
        PartKind::Speaker => labels.speaker,
        PartKind::Panelist => words(lang).panelist,
        PartKind::Mc => labels.mc,
        PartKind::Moderator => labels.moderator,
        PartKind::Chair => words(lang).chair,
    }
}

/// When a slot or session is: `09:15–09:45 WIB`, with its day on a seminar of several days
/// (`Rabu, 12 Mei 10.30–12.00 WIB`).
fn when(entry: &RosterEntry, item: &PartItem, lang: Lang) -> String {
    let schedule = &entry.seminar.schedule;
    let times = time_range(item.starts_at, item.ends_at, schedule.zone, lang);
    if schedule.first_day == schedule.last_day {
        times
    } else {
        format!("{} {times}", day_and_month(item.day, lang))
    }
}

/// What the roster shows of one entry, ready for a table for people.
pub struct Row {
    /// `Seminar title (slug)` and its dates, for a roster across seminars.
    pub seminar: String,
    pub name: String,
    pub position: String,
    pub institution: String,
    /// One role a line: `Speaker`, `Chair: Panel 1A (10:30–12:00 WIB)`.
    pub roles: String,
    /// One talk or slot a line, with when it is.
    pub talks: String,
    pub email: String,
    pub phone: String,
}

/// A roster laid out for people: heading, lines under it, headers and rows.
pub struct Sheet {
    pub title: String,
    pub lines: Vec<String>,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
    pub empty: Option<&'static str>,
}

fn row(entry: &RosterEntry, lang: Lang) -> Row {
    let mut roles: Vec<String> = entry
        .kinds()
        .into_iter()
        .filter(|kind| *kind != PartKind::Chair)
        .map(|kind| kind_label(kind, lang).to_string())
        .collect();
    for session in entry.chaired() {
        roles.push(format!(
            "{}: {} ({})",
            words(lang).chair,
            session.title,
            when(entry, session, lang)
        ));
    }
    let talks: Vec<String> = entry
        .slots()
        .map(|(_, slot)| format!("{} · {}", slot.title, when(entry, slot, lang)))
        .collect();
    let contact = entry.contact.clone().unwrap_or_default();
    Row {
        seminar: format!(
            "{} ({})\n{}",
            entry.seminar.title,
            entry.seminar.slug,
            short_days(&entry.seminar.schedule)
        ),
        name: entry.printed_name(),
        position: entry.position.clone().unwrap_or_default(),
        institution: entry
            .institution
            .as_ref()
            .map(|institution| institution.name.clone())
            .unwrap_or_default(),
        roles: roles.join("\n"),
        talks: talks.join("\n"),
        email: contact.email.unwrap_or_default(),
        phone: contact.phone.unwrap_or_default(),
    }
}

impl Sheet {
    pub fn new(roster: &Roster, contacts: bool, lang: Lang) -> Sheet {
        let labels = lang.labels();
        let words = words(lang);
        let across = roster.seminar.is_none();
        let (title, mut lines) = match (&roster.seminar, roster.period) {
            (Some(seminar), _) => (
                format!("{}: {}", words.roster, seminar.title),
                vec![schedule_line(&seminar.schedule, lang)],
            ),
            (None, Some((from, to))) => (
                words.roster.to_string(),
                vec![format!(
                    "{} {} {}",
                    long_date(from, lang),
                    words.period_to,
                    long_date(to, lang)
                )],
            ),
            (None, None) => (words.roster.to_string(), Vec::new()),
        };
        let mut seminars: Vec<i64> = roster.entries.iter().map(|e| e.seminar.id).collect();
        seminars.sort_unstable();
        seminars.dedup();
        lines.push(count_line(
            roster.entries.len(),
            across.then_some(seminars.len()),
            lang,
        ));
        let mut headers = Vec::new();
        if across {
            headers.push(labels.seminar);
        }
        headers.extend([
            labels.name,
            labels.position,
            labels.institution,
            words.roles,
            words.talks,
        ]);
        if contacts {
            headers.extend([labels.email, labels.phone]);
        }
        let rows = (roster.entries.iter())
            .map(|entry| {
                let row = row(entry, lang);
                let mut cells = Vec::new();
                if across {
                    cells.push(row.seminar);
                }
                cells.extend([
                    row.name,
                    row.position,
                    row.institution,
                    row.roles,
                    row.talks,
                ]);
                if contacts {
                    cells.extend([row.email, row.phone]);
                }
                cells
            })
            .collect();
        Sheet {
            title,
            lines,
            headers,
            rows,
            empty: roster.entries.is_empty().then_some(labels.nothing_found),
        }
    }
}

/// The roster as a heading and a table fitted to the terminal.
pub fn text(roster: &Roster, contacts: bool, style: &Style) -> String {
    let sheet = Sheet::new(roster, contacts, style.lang);
    let mut out = format!("{}\n", sheet.title);
    for line in &sheet.lines {
        out.push_str(&format!("{line}\n"));
    }
    out.push('\n');
    if let Some(empty) = sheet.empty {
        out.push_str(&format!("{empty}\n"));
        return out;
    }
    let mut table = style.table(&sheet.headers);
    for row in sheet.rows {
        table.add_row(row);
    }
    out.push_str(&format!("{table}\n"));
    out
}
