//! The timetable of a seminar: rooms as columns, time as rows, one grid a day. In the
//! terminal as tables fitted to the width (rooms split over several tables when they do
//! not fit side by side); in HTML as a CSS grid that prints on A4 landscape.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::agenda::session_title;
use super::html::escape;
use super::when::{clock, long_date, zone_abbreviation};
use super::{Lang, Style, Width};
use crate::model::{Programme, Session, Slot, Venue};

/// One day's timetable.
pub struct GridDay {
    pub date: NaiveDate,
    pub heading: String,
    /// `Time (WIB)`
    pub time_header: String,
    pub rooms: Vec<String>,
    /// The instants at which something starts or ends, in order: the rows' boundaries.
    pub marks: Vec<DateTime<Utc>>,
    /// The row labels, one per mark but the last: `10:30`.
    pub labels: Vec<String>,
    pub cells: Vec<Cell>,
    /// Sessions with slots, as (room, first mark, last mark): the time they hold their room.
    pub sessions: Vec<(usize, usize, usize)>,
}

/// A slot (or a session without slots) in a room, from one mark to another.
pub struct Cell {
    pub room: usize,
    /// Indexes into the marks: the cell covers rows `first..last`.
    pub first: usize,
    pub last: usize,
    /// The session it belongs to, for the first slot of each session in the room.
    pub session: Option<String>,
    pub title: String,
    pub people: Vec<String>,
    pub times: String,
}

/// What goes in the grid: every slot, and every session that has no slots.
enum Leaf<'a> {
    Slot(&'a Slot),
    Session(&'a Session),
}

fn room_name(room: Option<&Venue>) -> String {
    room.map_or(String::new(), |room| room.name.clone())
}

pub fn days(programme: &Programme, lang: Lang) -> Vec<GridDay> {
    let schedule = &programme.seminar.schedule;
    let zone = schedule.zone;
    let mut by_day: BTreeMap<NaiveDate, Vec<Leaf<'_>>> = BTreeMap::new();
    for slot in &programme.slots {
        by_day
            .entry(schedule.day_of(slot.starts_at))
            .or_default()
            .push(Leaf::Slot(slot));
    }
    for session in &programme.sessions {
        if !(programme.slots.iter()).any(|slot| slot.session_id == Some(session.id)) {
            by_day
                .entry(schedule.day_of(session.starts_at))
                .or_default()
                .push(Leaf::Session(session));
        }
    }
    by_day
        .into_iter()
        .map(|(date, leaves)| {
            let place = |leaf: &Leaf<'_>| match leaf {
                Leaf::Slot(slot) => (
                    slot.starts_at,
                    slot.ends_at(),
                    room_name(programme.room_of(slot)),
                ),
                Leaf::Session(session) => (
                    session.starts_at,
                    session.ends_at(),
                    room_name(programme.session_room(session)),
                ),
            };
            // Rooms in the order they are first used, so the plenary hall comes first.
            let mut ordered: Vec<(DateTime<Utc>, String)> = leaves
                .iter()
                .map(|leaf| {
                    let (start, _, room) = place(leaf);
                    (start, room)
                })
                .collect();
            ordered.sort();
            let mut rooms: Vec<String> = Vec::new();
            for (_, room) in ordered {
                if !rooms.contains(&room) {
                    rooms.push(room);
                }
            }
            let with_slots: Vec<&Session> = (programme.sessions.iter())
                .filter(|session| {
                    schedule.day_of(session.starts_at) == date
                        && (programme.slots.iter()).any(|slot| slot.session_id == Some(session.id))
                })
                .collect();
            let mut marks: Vec<DateTime<Utc>> = leaves
                .iter()
                .flat_map(|leaf| {
                    let (start, end, _) = place(leaf);
                    [start, end]
                })
                .chain(with_slots.iter().flat_map(|s| [s.starts_at, s.ends_at()]))
                .collect();
            marks.sort();
            marks.dedup();
            let index = |at: DateTime<Utc>| marks.binary_search(&at).unwrap_or(0);
            let mut sessions_shown: Vec<(i64, usize)> = Vec::new();
            let mut cells: Vec<Cell> = leaves
                .iter()
                .map(|leaf| {
                    let (start, end, room) = place(leaf);
                    let room = rooms.iter().position(|r| *r == room).unwrap_or(0);
                    let times = super::when::clock_range(start, end, zone, lang, None);
                    match leaf {
                        Leaf::Slot(slot) => {
                            let session = programme.session_of(slot).filter(|session| {
                                let first = !sessions_shown.contains(&(session.id, room));
                                sessions_shown.push((session.id, room));
                                first
                            });
                            Cell {
                                room,
                                first: index(start),
                                last: index(end),
                                session: session.map(|s| session_heading(programme, s, lang)),
                                title: session_title(slot, lang),
                                people: programme
                                    .people_on(slot)
                                    .map(|role| super::agenda::labelled_name(role, lang))
                                    .collect(),
                                times,
                            }
                        }
                        Leaf::Session(session) => Cell {
                            room,
                            first: index(start),
                            last: index(end),
                            session: None,
                            title: session_heading(programme, session, lang),
                            people: Vec::new(),
                            times,
                        },
                    }
                })
                .collect();
            cells.sort_by_key(|cell| (cell.first, cell.room));
            let sessions = with_slots
                .iter()
                .filter_map(|session| {
                    let room = room_name(programme.session_room(session));
                    let room = rooms.iter().position(|r| *r == room)?;
                    Some((room, index(session.starts_at), index(session.ends_at())))
                })
                .collect();
            let first = marks.first().copied().unwrap_or_default();
            let shown = zone_abbreviation(zone, first);
            GridDay {
                date,
                heading: long_date(date, lang),
                time_header: format!("{} ({shown})", lang.labels().time),
                rooms,
                labels: marks
                    .iter()
                    .take(marks.len().saturating_sub(1))
                    .map(|at| clock(at.with_timezone(&zone).time(), lang))
                    .collect(),
                marks,
                cells,
                sessions,
            }
        })
        .collect()
}

/// `Panel 1B [Parallel] · Chair: Siti Rahmawati`
fn session_heading(programme: &Programme, session: &Session, lang: Lang) -> String {
    let chairs: Vec<&str> = programme
        .chairs_of(session)
        .map(|role| role.person_name.as_str())
        .collect();
    let mut heading = format!("{} [{}]", session.title, lang.session_kind(session.kind));
    if !chairs.is_empty() {
        heading.push_str(&format!(
            " · {}: {}",
            lang.labels().chairs,
            chairs.join(", ")
        ));
    }
    heading
}

/// The narrowest a room's column may be in the terminal before its titles break badly.
const MIN_ROOM_COLUMN: usize = 18;

/// The grid in the terminal: per day, one table with a column per room, or several tables
/// of as many rooms as fit side by side.
pub fn text(programme: &Programme, style: &Style) -> String {
    let lang = style.lang;
    let days = days(programme, lang);
    let mut out = format!("{}\n\n", programme.seminar.title);
    if days.is_empty() {
        out.push_str(lang.labels().no_rundown);
        out.push('\n');
        return out;
    }
    let width = match style.width {
        Width::Columns(columns) => Some(usize::from(columns)),
        Width::Terminal => comfy_table::Table::new().width().map(usize::from),
        Width::Unlimited => None,
    };
    for (index, day) in days.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        out.push_str(&day.heading);
        out.push('\n');
        let time_width = day.time_header.chars().count().max(5) + 3;
        let per_table = match width {
            Some(width) => ((width.saturating_sub(time_width + 1)) / (MIN_ROOM_COLUMN + 3)).max(1),
            None => day.rooms.len().max(1),
        };
        let room_indexes: Vec<usize> = (0..day.rooms.len()).collect();
        for (part, rooms) in room_indexes.chunks(per_table).enumerate() {
            if part > 0 {
                out.push('\n');
            }
            let mut headers = vec![day.time_header.clone()];
            headers.extend(rooms.iter().map(|room| day.rooms[*room].clone()));
            let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
            let mut table = style.table(&headers);
            for (row, label) in day.labels.iter().enumerate() {
                let mut cells = vec![label.clone()];
                let mut any = false;
                for room in rooms {
                    let starting = day
                        .cells
                        .iter()
                        .filter(|cell| cell.room == *room && cell.first == row)
                        .map(cell_text)
                        .collect::<Vec<_>>();
                    let running = day
                        .cells
                        .iter()
                        .any(|cell| cell.room == *room && cell.first < row && row < cell.last)
                        || (day.sessions.iter())
                            .any(|(r, first, last)| r == room && *first < row && row < *last);
                    any |= !starting.is_empty() || running;
                    cells.push(if !starting.is_empty() {
                        starting.join("\n")
                    } else if running {
                        "┆".to_string()
                    } else {
                        String::new()
                    });
                }
                if any {
                    table.add_row(cells);
                }
            }
            out.push_str(&table.to_string());
            out.push('\n');
        }
    }
    out
}

fn cell_text(cell: &Cell) -> String {
    let mut lines = Vec::new();
    if let Some(session) = &cell.session {
        lines.push(format!("▸ {session}"));
    }
    lines.push(format!("{} {}", cell.times, cell.title));
    lines.extend(cell.people.iter().map(|person| format!("  {person}")));
    lines.join("\n")
}

const STYLE: &str = "\
@page { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: \"Noto Sans\", \"Segoe UI\", Helvetica, Arial, sans-serif; font-size: 9.5pt;
  line-height: 1.3; color: #111; margin: 0 auto; padding: 6mm; }
table.page { width: 100%; border-collapse: collapse; }
table.page > thead th { text-align: left; font-size: 12pt; padding: 0 0 4pt; border-bottom: 1px solid #999; }
h2 { font-size: 11.5pt; margin: 10pt 0 4pt; break-after: avoid; page-break-after: avoid; }
section.day { break-inside: avoid; page-break-inside: avoid; }
.grid { display: grid; gap: 2pt; margin: 0 0 8pt; }
.grid > div { border: 1px solid #bbb; padding: 2pt 4pt; min-height: 1.6em; overflow-wrap: anywhere; }
.grid > .room { background: #eee; font-weight: bold; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.grid > .time { white-space: nowrap; color: #444; border: none; }
.grid > .item .session { font-weight: bold; }
.grid > .item .times { color: #444; font-size: 8.5pt; }
.grid > .item ul { margin: 0; padding-left: 10pt; }
@media print { body { padding: 0; } }
";

/// The grid as a page to print: every day a CSS grid, the seminar's title repeated at the
/// top of every printed page (a table header repeats), each day kept with its heading.
pub fn html(programme: &Programme, lang: Lang) -> String {
    let labels = lang.labels();
    let code = match lang {
        Lang::En => "en",
        Lang::Id => "id",
    };
    let title = escape(&programme.seminar.title);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <meta name=\"generator\" content=\"seminar {}\" />\n<title>{title}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n\
         <table class=\"page\">\n<thead><tr><th>{title}</th></tr></thead>\n<tbody><tr><td>\n",
        env!("CARGO_PKG_VERSION"),
    );
    let days = days(programme, lang);
    if days.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", escape(labels.no_rundown)));
    }
    for day in &days {
        out.push_str(&format!(
            "<section class=\"day\">\n<h2>{}</h2>\n<div class=\"grid\" style=\"grid-template-columns: max-content repeat({}, minmax(0, 1fr));\">\n",
            escape(&day.heading),
            day.rooms.len()
        ));
        out.push_str(&format!(
            "<div class=\"time\" style=\"grid-row: 1; grid-column: 1;\">{}</div>\n",
            escape(&day.time_header)
        ));
        for (index, room) in day.rooms.iter().enumerate() {
            out.push_str(&format!(
                "<div class=\"room\" style=\"grid-row: 1; grid-column: {};\">{}</div>\n",
                index + 2,
                escape(room)
            ));
        }
        for (row, label) in day.labels.iter().enumerate() {
            out.push_str(&format!(
                "<div class=\"time\" style=\"grid-row: {}; grid-column: 1;\">{}</div>\n",
                row + 2,
                escape(label)
            ));
        }
        for cell in &day.cells {
            out.push_str(&format!(
                "<div class=\"item\" style=\"grid-row: {} / {}; grid-column: {};\">",
                cell.first + 2,
                cell.last.max(cell.first + 1) + 2,
                cell.room + 2
            ));
            if let Some(session) = &cell.session {
                out.push_str(&format!("<div class=\"session\">{}</div>", escape(session)));
            }
            out.push_str(&format!(
                "<div><span class=\"times\">{}</span> {}</div>",
                escape(&cell.times),
                escape(&cell.title)
            ));
            if !cell.people.is_empty() {
                out.push_str("<ul>");
                for person in &cell.people {
                    out.push_str(&format!("<li>{}</li>", escape(person)));
                }
                out.push_str("</ul>");
            }
            out.push_str("</div>\n");
        }
        out.push_str("</div>\n</section>\n");
    }
    out.push_str("</td></tr></tbody>\n</table>\n</body>\n</html>\n");
    out
}
