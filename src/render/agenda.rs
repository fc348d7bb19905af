//! The agenda of one seminar as text, and the calendar-like list of coming seminars.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::when::{hours, long_date, schedule_line, slot_times};
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

fn person(role: &Role) -> Person {
    Person {
        name: role.person_name.clone(),
        affiliation: affiliation(role.position.as_deref(), role.institution.as_ref()),
    }
}

/// One line of a rundown.
pub struct Row {
    pub times: String,
    pub session: String,
    pub people: Vec<Person>,
}

/// The rundown of one day.
pub struct Day {
    /// The date, for a seminar of several days.
    pub heading: Option<String>,
    /// `Time (WIB)`
    pub time_header: String,
    pub rows: Vec<Row>,
}

/// What every agenda format shows, in the chosen language: the text, Markdown and HTML
/// renderers only lay it out.
pub struct Sheet {
    pub title: String,
    pub subtitle: Option<String>,
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
        let moderators: Vec<String> = programme
            .roles_of(RoleKind::Moderator)
            .map(role_line)
            .collect();
        let mut fields = vec![
            (labels.date, schedule_line(&seminar.schedule, lang)),
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
        ];
        if seminar.status != Status::Planned {
            fields.push((labels.status, lang.status(seminar.status).to_string()));
        }
        fields.retain(|(_, value)| !value.is_empty());
        Sheet {
            title: seminar.title.clone(),
            subtitle: seminar.subtitle.clone(),
            fields,
            description: seminar.description.clone(),
            days: days(programme, lang),
            unslotted: programme
                .roles_of(RoleKind::Speaker)
                .filter(|role| programme.slots_of(role).next().is_none())
                .map(role_line)
                .collect(),
        }
    }
}

fn days(programme: &Programme, lang: Lang) -> Vec<Day> {
    let zone = programme.seminar.schedule.zone;
    let mut by_day: BTreeMap<NaiveDate, Vec<&Slot>> = BTreeMap::new();
    for slot in &programme.slots {
        by_day
            .entry(slot.starts_at.with_timezone(&zone).date_naive())
            .or_default()
            .push(slot);
    }
    let several_days = by_day.len() > 1
        || programme.seminar.schedule.first_day != programme.seminar.schedule.last_day;
    by_day
        .into_iter()
        .map(|(day, slots)| {
            let shown = super::when::zone_abbreviation(zone, slots[0].starts_at);
            Day {
                heading: several_days.then(|| long_date(day, lang)),
                time_header: format!("{} ({shown})", lang.labels().time),
                rows: slots
                    .iter()
                    .map(|slot| Row {
                        times: slot_times(slot, zone, lang, Some(&shown)),
                        session: session_title(slot, lang),
                        people: programme.people_on(slot).map(person).collect(),
                    })
                    .collect(),
            }
        })
        .collect()
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
        let mut table = style.table(&[&day.time_header, labels.session, labels.speaker]);
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
            table.add_row(vec![
                row.times.clone(),
                row.session.clone(),
                people.join("\n"),
            ]);
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
fn session_title(slot: &Slot, lang: Lang) -> String {
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
