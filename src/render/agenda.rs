//! The agenda of one seminar as text, and the calendar-like list of coming seminars.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::when::{hours, long_date, schedule_lines, slot_times};
use super::{Lang, Style, affiliation, fields, role_line, venue_line};
use crate::model::{Programme, Role, RoleKind, SeminarSummary, Slot, Status};

/// Someone on a slot: their name, and their position and institution if known.
pub struct Person {
    pub name: String,
    pub affiliation: String,
}

impl Person {
    /// `Name (Position, Institution)`
    pub fn line(&self) -> String {
        if self.affiliation.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.affiliation)
        }
    }
}

fn person(role: &Role, lang: Lang) -> Person {
    Person {
        name: labelled_name(role, lang),
        affiliation: affiliation(role.position.as_deref(), role.institution.as_ref()),
    }
}

/// The person's name, after their role where a rundown shows it: `Keynote: Name`.
pub(super) fn labelled_name(role: &Role, lang: Lang) -> String {
    match role.kind {
        RoleKind::Keynote => format!("{}: {}", lang.role(role.kind), role.person_name),
        _ => role.person_name.clone(),
    }
}

/// One line of a rundown.
pub struct Row {
    pub times: String,
    /// The room, where the seminar uses more than one (else empty).
    pub room: String,
    /// The title: of a slot (tagged with its kind), or of a session (with its kind).
    pub session: String,
    /// The people on a slot, or the chairs of a session.
    pub people: Vec<Person>,
    pub level: Level,
    /// Cancelled after a publication (shown only with `--show-cancelled`).
    pub cancelled: bool,
}

/// Where a row stands in the rundown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// A session's heading; its people are its chairs.
    Session,
    /// A slot of the session above it.
    InSession,
    /// A slot on its own (a break, the opening).
    Alone,
}

/// The rundown of one day.
pub struct Day {
    /// The date, for a seminar of several days.
    pub heading: Option<String>,
    /// `Time (WIB)`
    pub time_header: String,
    /// Whether rows name their rooms: the seminar uses more than one.
    pub rooms: bool,
    pub rows: Vec<Row>,
}

/// What every agenda format shows, in the chosen language: the text, Markdown and HTML
/// renderers only lay it out.
pub struct Sheet {
    pub title: String,
    pub subtitle: Option<String>,
    /// `version 2, Thursday, 1 April 2027`, once a version has been published.
    pub version: Option<String>,
    /// `(label, value)`; values may span lines and empty ones are left out.
    pub fields: Vec<(&'static str, String)>,
    pub description: Option<String>,
    pub days: Vec<Day>,
    /// Speakers without a slot, as `Name (Position, Institution)`.
    pub unslotted: Vec<String>,
}

impl Sheet {
    pub fn new(programme: &Programme, lang: Lang) -> Sheet {
        let labels = lang.labels();
        let seminar = &programme.seminar;
        // Chairs are named with their sessions; the seminar's own moderators here.
        let moderators: Vec<String> = programme
            .roles_of(RoleKind::Moderator)
            .filter(|role| !programme.chairs_a_session(role))
            .map(role_line)
            .collect();
        let mcs: Vec<String> = programme.roles_of(RoleKind::Mc).map(role_line).collect();
        let mut fields = vec![
            (labels.date, schedule_lines(&seminar.schedule, lang)),
            (labels.venue, venue_line(seminar.venue.as_ref())),
            (labels.organizers, seminar.organizers.join("; ")),
            (
                if moderators.len() > 1 {
                    labels.moderators
                } else {
                    labels.moderator
                },
                moderators.join("\n"),
            ),
            (labels.mc, mcs.join("\n")),
        ];
        if seminar.status != Status::Planned {
            fields.push((labels.status, lang.status(seminar.status).to_string()));
        }
        fields.retain(|(_, value)| !value.is_empty());
        Sheet {
            title: seminar.title.clone(),
            subtitle: seminar.subtitle.clone(),
            version: (programme.history.publication.as_ref())
                .map(|publication| super::versions::version_line(publication, lang)),
            fields,
            description: seminar.description.clone(),
            days: days(programme, lang),
            unslotted: (programme.roles.iter())
                .filter(|role| role.kind.speaks() && programme.slots_of(role).next().is_none())
                .map(|role| match role.kind {
                    RoleKind::Keynote => format!("{}: {}", lang.role(role.kind), role_line(role)),
                    _ => role_line(role),
                })
                .collect(),
        }
    }
}

fn days(programme: &Programme, lang: Lang) -> Vec<Day> {
    let schedule = &programme.seminar.schedule;
    let zone = schedule.zone;
    let room_name =
        |room: Option<&crate::model::Venue>| room.map_or(String::new(), |r| r.name.clone());
    let rooms: BTreeSet<String> = (programme.slots.iter())
        .map(|slot| room_name(programme.room_of(slot)))
        .chain(
            (programme.sessions.iter()).map(|session| room_name(programme.session_room(session))),
        )
        .collect();
    let several_rooms = rooms.len() > 1;
    // Sessions and the slots standing alone, each day in time order, parallel ones by room.
    let mut by_day: BTreeMap<NaiveDate, Vec<Entry<'_>>> = BTreeMap::new();
    for session in &programme.sessions {
        by_day
            .entry(schedule.day_of(session.starts_at))
            .or_default()
            .push(Entry::Session(session));
    }
    for slot in &programme.slots {
        if programme.session_of(slot).is_none() {
            by_day
                .entry(schedule.day_of(slot.starts_at))
                .or_default()
                .push(Entry::Slot(slot));
        }
    }
    let several_days = by_day.len() > 1 || schedule.first_day != schedule.last_day;
    by_day
        .into_iter()
        .map(|(day, mut entries)| {
            entries.sort_by_key(|entry| match entry {
                Entry::Session(s) => (s.starts_at, room_name(programme.session_room(s)), 0, s.id),
                Entry::Slot(s) => (s.starts_at, room_name(programme.room_of(s)), 1, s.id),
            });
            let first = entries.first().map(Entry::starts_at).unwrap_or_default();
            let shown = super::when::zone_abbreviation(zone, first);
            let slot_row = |slot: &Slot, level: Level| Row {
                times: slot_times(slot, zone, lang, Some(&shown)),
                room: if several_rooms {
                    room_name(programme.room_of(slot))
                } else {
                    String::new()
                },
                session: session_title(slot, lang),
                people: programme
                    .people_on(slot)
                    .map(|role| person(role, lang))
                    .collect(),
                level,
                cancelled: programme
                    .history
                    .cancelled_slots
                    .iter()
                    .any(|c| c.id == slot.id),
            };
            let mut rows = Vec::new();
            for entry in entries {
                match entry {
                    Entry::Slot(slot) => rows.push(slot_row(slot, Level::Alone)),
                    Entry::Session(session) => {
                        rows.push(Row {
                            times: super::when::clock_range(
                                session.starts_at,
                                session.ends_at(),
                                zone,
                                lang,
                                Some(&shown),
                            ),
                            room: if several_rooms {
                                room_name(programme.session_room(session))
                            } else {
                                String::new()
                            },
                            session: match &session.track {
                                Some(track) => format!(
                                    "{} [{}; {track}]",
                                    session.title,
                                    lang.session_kind(session.kind)
                                ),
                                None => format!(
                                    "{} [{}]",
                                    session.title,
                                    lang.session_kind(session.kind)
                                ),
                            },
                            people: (programme.chairs_of(session))
                                .map(|role| person(role, lang))
                                .collect(),
                            level: Level::Session,
                            cancelled: (programme.history.cancelled_sessions.iter())
                                .any(|c| c.id == session.id),
                        });
                        rows.extend(
                            (programme.slots.iter())
                                .filter(|slot| slot.session_id == Some(session.id))
                                .map(|slot| slot_row(slot, Level::InSession)),
                        );
                    }
                }
            }
            Day {
                heading: several_days.then(|| day_heading(schedule, day, lang)),
                time_header: format!("{} ({shown})", lang.labels().time),
                rooms: several_rooms,
                rows,
            }
        })
        .collect()
}

/// A session, or a slot outside any session.
enum Entry<'a> {
    Session(&'a crate::model::Session),
    Slot(&'a Slot),
}

impl Entry<'_> {
    fn starts_at(&self) -> chrono::DateTime<chrono::Utc> {
        match self {
            Entry::Session(session) => session.starts_at,
            Entry::Slot(slot) => slot.starts_at,
        }
    }
}

/// `Thursday, 13 May 2027`, with the day's hours where they are its own.
fn day_heading(schedule: &crate::model::Schedule, day: NaiveDate, lang: Lang) -> String {
    let date = long_date(day, lang);
    match schedule.window_on(day) {
        Ok(window) if schedule.has_own_hours(day) => format!(
            "{date} · {}",
            super::when::time_range(
                chrono::DateTime::from_timestamp(window.start, 0).unwrap_or_default(),
                chrono::DateTime::from_timestamp(window.end, 0).unwrap_or_default(),
                schedule.zone,
                lang
            )
        ),
        _ => date,
    }
}

/// The header (title, theme, date and hours, venue, organizers, moderator) and the rundown.
pub fn agenda(programme: &Programme, style: &Style) -> String {
    let labels = style.lang.labels();
    let sheet = Sheet::new(programme, style.lang);
    let mut out = String::new();
    out.push_str(&sheet.title);
    out.push('\n');
    if let Some(subtitle) = &sheet.subtitle {
        out.push_str(subtitle);
        out.push('\n');
    }
    if let Some(version) = &sheet.version {
        out.push_str(version);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&fields(&sheet.fields));
    if let Some(description) = &sheet.description {
        out.push('\n');
        out.push_str(description);
        out.push('\n');
    }
    out.push('\n');
    if sheet.days.is_empty() && sheet.unslotted.is_empty() {
        out.push_str(labels.no_rundown);
        out.push('\n');
    }
    for (index, day) in sheet.days.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        if let Some(heading) = &day.heading {
            out.push_str(heading);
            out.push('\n');
        }
        let mut headers = vec![day.time_header.as_str()];
        if day.rooms {
            headers.push(labels.room);
        }
        headers.extend([labels.session, labels.speaker]);
        let mut table = style.table(&headers);
        for row in &day.rows {
            let people: Vec<String> = row
                .people
                .iter()
                .map(|person| {
                    if person.affiliation.is_empty() {
                        person.name.clone()
                    } else {
                        format!("{}\n{}", person.name, person.affiliation)
                    }
                })
                .collect();
            let session = if row.cancelled {
                format!(
                    "{} {}",
                    row.session,
                    super::versions::cancelled_marker(style.lang)
                )
            } else {
                row.session.clone()
            };
            let (title, people) = match row.level {
                Level::Session if people.is_empty() => (session, String::new()),
                Level::Session => (session, format!("{}: {}", labels.chairs, people.join("\n"))),
                Level::InSession => (format!("↳ {session}"), people.join("\n")),
                Level::Alone => (session, people.join("\n")),
            };
            let mut cells = vec![row.times.clone()];
            if day.rooms {
                cells.push(row.room.clone());
            }
            cells.extend([title, people]);
            table.add_row(cells);
        }
        out.push_str(&table.to_string());
        out.push('\n');
    }
    if !sheet.unslotted.is_empty() {
        if !sheet.days.is_empty() {
            out.push('\n');
        }
        out.push_str(labels.speakers);
        out.push('\n');
        for line in &sheet.unslotted {
            out.push_str(&format!("- {line}\n"));
        }
    }
    out
}

/// A slot's title, tagged with its kind unless it is a talk or the title already says it.
pub(super) fn session_title(slot: &Slot, lang: Lang) -> String {
    let kind = lang.slot_kind(slot.kind);
    let says_it = [kind, Lang::En.slot_kind(slot.kind)]
        .iter()
        .any(|word| crate::model::names::contains(&slot.title, word));
    if slot.kind == crate::model::SlotKind::Talk || says_it {
        slot.title.clone()
    } else {
        format!("{} [{kind}]", slot.title)
    }
}

/// Coming seminars grouped by their first day, like a calendar's agenda view.
pub fn upcoming(seminars: &[SeminarSummary], style: &Style) -> String {
    let lang = style.lang;
    if seminars.is_empty() {
        return format!("{}\n", lang.labels().no_upcoming);
    }
    let mut by_day: BTreeMap<NaiveDate, Vec<&SeminarSummary>> = BTreeMap::new();
    for summary in seminars {
        by_day
            .entry(summary.seminar.schedule.first_day)
            .or_default()
            .push(summary);
    }
    let slug_width = seminars
        .iter()
        .map(|s| s.seminar.slug.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (index, (day, seminars)) in by_day.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        out.push_str(&long_date(*day, lang));
        out.push('\n');
        for summary in seminars {
            let seminar = &summary.seminar;
            let mut line = format!(
                "  {}  {:<slug_width$}  {}",
                hours(&seminar.schedule, lang),
                seminar.slug,
                seminar.title
            );
            if let Some(venue) = &seminar.venue {
                line.push_str(&format!(" · {}", venue.name));
            }
            if seminar.schedule.first_day != seminar.schedule.last_day {
                line.push_str(&format!(
                    " · {}",
                    super::when::short_days(&seminar.schedule)
                ));
            }
            if seminar.status == Status::Cancelled {
                line.push_str(&format!(" · {}", lang.status(seminar.status)));
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}
