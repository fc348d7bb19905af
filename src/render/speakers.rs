//! The columns of a speaker list, one list for every format: text and Markdown tables,
//! CSV (which `seminar import` reads back) and JSON (whose records carry each column under
//! its key, the talk's columns in `talk_details`). One row per talk, or one for a speaker
//! without a talk.

use crate::model::zone::Zone;
use chrono::{DateTime, Utc};

use super::Lang;
use super::when::clock;
use crate::store::{RoleRow, Talk};

/// A column of a speaker list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerColumn {
    Seminar,
    Role,
    Name,
    Position,
    Institution,
    Talk,
    Date,
    Start,
    Minutes,
    Email,
    Phone,
    Room,
    Session,
    Track,
}

impl SpeakerColumn {
    /// The column's name in CSV and its key in JSON: English and stable whatever `--lang`.
    pub fn key(self) -> &'static str {
        match self {
            SpeakerColumn::Seminar => "seminar",
            SpeakerColumn::Role => "role",
            SpeakerColumn::Name => "name",
            SpeakerColumn::Position => "position",
            SpeakerColumn::Institution => "institution",
            SpeakerColumn::Talk => "talk",
            SpeakerColumn::Date => "date",
            SpeakerColumn::Start => "start",
            SpeakerColumn::Minutes => "minutes",
            SpeakerColumn::Email => "email",
            SpeakerColumn::Phone => "phone",
            SpeakerColumn::Room => "room",
            SpeakerColumn::Session => "session",
            SpeakerColumn::Track => "track",
        }
    }

    /// The column's header in a table for people.
    pub fn label(self, lang: Lang) -> &'static str {
        let labels = lang.labels();
        match self {
            SpeakerColumn::Seminar => labels.seminar,
            SpeakerColumn::Role => labels.role,
            SpeakerColumn::Name => labels.name,
            SpeakerColumn::Position => labels.position,
            SpeakerColumn::Institution => labels.institution,
            SpeakerColumn::Talk => labels.talk,
            SpeakerColumn::Date => labels.date,
            SpeakerColumn::Start => labels.time,
            SpeakerColumn::Minutes => labels.minutes,
            SpeakerColumn::Email => labels.email,
            SpeakerColumn::Phone => labels.phone,
            SpeakerColumn::Room => labels.room,
            SpeakerColumn::Session => labels.session,
            SpeakerColumn::Track => labels.track,
        }
    }

    /// Whether the column is the talk's (in JSON: a key of each `talk_details` record).
    pub fn of_talk(self) -> bool {
        matches!(
            self,
            SpeakerColumn::Talk
                | SpeakerColumn::Date
                | SpeakerColumn::Start
                | SpeakerColumn::Minutes
                | SpeakerColumn::Room
                | SpeakerColumn::Session
                | SpeakerColumn::Track
        )
    }
}

/// The columns, in order: contacts (only when asked for) after every column scripts read
/// before they existed, then where the talk is.
pub fn columns(contacts: bool) -> Vec<SpeakerColumn> {
    use SpeakerColumn::*;
    let mut columns = vec![
        Seminar,
        Role,
        Name,
        Position,
        Institution,
        Talk,
        Date,
        Start,
        Minutes,
    ];
    if contacts {
        columns.extend([Email, Phone]);
    }
    columns.extend([Room, Session, Track]);
    columns
}

/// Whether the rows carry contacts (a listing that asked for them).
pub fn with_contacts(rows: &[RoleRow]) -> bool {
    rows.iter().any(|row| row.role.contact.is_some())
}

/// The date and time of day of an instant where the seminar is: `2017-05-18`, `09:45`.
pub fn local_parts(at: DateTime<Utc>, zone: Zone) -> (String, String) {
    let local = at.with_timezone(&zone);
    (
        local.format("%Y-%m-%d").to_string(),
        local.format("%H:%M").to_string(),
    )
}

/// One cell of a talk's column: the talk's date and start in the seminar's zone (the
/// seminar's first day for a speaker without a talk).
pub fn talk_cell(column: SpeakerColumn, row: &RoleRow, talk: Option<&Talk>) -> String {
    let zone = row.seminar.schedule.zone;
    let text = |value: Option<&String>| value.cloned().unwrap_or_default();
    match column {
        SpeakerColumn::Talk => talk.map(|talk| talk.title.clone()).unwrap_or_default(),
        SpeakerColumn::Date => match talk {
            Some(talk) => local_parts(talk.starts_at, zone).0,
            None => row.seminar.schedule.first_day.to_string(),
        },
        SpeakerColumn::Start => talk.map_or(String::new(), |t| local_parts(t.starts_at, zone).1),
        SpeakerColumn::Minutes => talk.map_or(String::new(), |talk| talk.minutes.to_string()),
        SpeakerColumn::Room => text(talk.and_then(|talk| talk.room.as_ref())),
        SpeakerColumn::Session => text(talk.and_then(|talk| talk.session.as_ref())),
        SpeakerColumn::Track => text(talk.and_then(|talk| talk.track.as_ref())),
        _ => String::new(),
    }
}

/// The rows of a speaker list: one per talk, or one for a speaker without a talk. For data
/// formats (`lang` `None`) the role is its word (`speaker`) and the start `09:45`; for
/// people, the role's label and the time as `lang` writes it (`Pembicara`, `09.45`).
pub fn rows(rows: &[RoleRow], columns: &[SpeakerColumn], lang: Option<Lang>) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    for row in rows {
        let role = &row.role;
        let contact = role.contact.clone().unwrap_or_default();
        let record = |talk: Option<&Talk>| -> Vec<String> {
            columns
                .iter()
                .map(|column| match column {
                    SpeakerColumn::Seminar => row.seminar.slug.clone(),
                    SpeakerColumn::Role => match lang {
                        None => role.kind.as_str().to_string(),
                        Some(lang) => lang.role(role.kind).to_string(),
                    },
                    SpeakerColumn::Name => role.person_name.clone(),
                    SpeakerColumn::Position => role.position.clone().unwrap_or_default(),
                    SpeakerColumn::Institution => role
                        .institution
                        .as_ref()
                        .map(|institution| institution.name.clone())
                        .unwrap_or_default(),
                    SpeakerColumn::Email => contact.email.clone().unwrap_or_default(),
                    SpeakerColumn::Phone => contact.phone.clone().unwrap_or_default(),
                    SpeakerColumn::Start => match (lang, talk) {
                        // People read the time as their language writes it: 09.45.
                        (Some(lang), Some(talk)) => {
                            let zone = row.seminar.schedule.zone;
                            clock(talk.starts_at.with_timezone(&zone).time(), lang)
                        }
                        _ => talk_cell(*column, row, talk),
                    },
                    talk_column => talk_cell(*talk_column, row, talk),
                })
                .collect()
        };
        if row.talks.is_empty() {
            records.push(record(None));
        }
        for talk in &row.talks {
            records.push(record(Some(talk)));
        }
    }
    records
}
