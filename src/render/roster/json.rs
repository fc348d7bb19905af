//! The roster as JSON: one record per person and seminar, each with its ids.

use serde::Serialize;

use crate::model::roster::{ItemKind, Part, PartKind, RosterEntry};
use crate::model::time::rfc3339_in;
use crate::model::{Contact, Institution, Status};

#[derive(Serialize)]
pub struct RosterSeminarJson<'a> {
    pub id: i64,
    pub uid: &'a str,
    pub slug: &'a str,
    pub title: &'a str,
    pub first_day: String,
    pub last_day: String,
    pub status: Status,
}

#[derive(Serialize)]
pub struct RosterEntryJson<'a> {
    pub seminar: RosterSeminarJson<'a>,
    pub person_id: i64,
    pub person_uid: &'a str,
    /// The plain name, as matched and sorted.
    pub name: &'a str,
    /// The name printed on the roster and on certificates.
    pub formal_name: String,
    /// As at that seminar.
    pub position: Option<&'a str>,
    pub institution: Option<&'a Institution>,
    pub role_ids: &'a [i64],
    /// Each kind once: `speaker`, `panelist`, `moderator`, `chair`.
    pub roles: Vec<PartKind>,
    pub parts: Vec<PartJson<'a>>,
    /// `email` and `phone`, only with `--include-contacts`.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub contact: Option<&'a Contact>,
}

#[derive(Serialize)]
pub struct PartJson<'a> {
    pub kind: PartKind,
    pub role_id: i64,
    /// The slot or session; `null` for a part across the whole seminar.
    pub item: Option<ItemJson<'a>>,
}

#[derive(Serialize)]
pub struct ItemJson<'a> {
    /// `slot` or `session`.
    #[serde(rename = "type")]
    pub item_type: &'static str,
    pub id: i64,
    pub uid: &'a str,
    /// The slot's kind (`talk`, `panel`, …) or the session's (`plenary`, `parallel`, …).
    pub kind: &'static str,
    pub title: &'a str,
    pub starts_at: String,
    pub ends_at: String,
    pub room: Option<&'a str>,
    /// The session a slot belongs to.
    pub session: Option<&'a str>,
}

fn part<'a>(entry: &'a RosterEntry, part: &'a Part) -> PartJson<'a> {
    let zone = entry.seminar.schedule.zone;
    PartJson {
        kind: part.kind,
        role_id: part.role_id,
        item: part.item.as_ref().map(|item| {
            let (item_type, kind) = match item.kind {
                ItemKind::Slot(kind) => ("slot", kind.as_str()),
                ItemKind::Session(kind) => ("session", kind.as_str()),
            };
            ItemJson {
                item_type,
                id: item.id,
                uid: &item.uid,
                kind,
                title: &item.title,
                starts_at: rfc3339_in(item.starts_at, zone),
                ends_at: rfc3339_in(item.ends_at, zone),
                room: item.room.as_deref(),
                session: item.session.as_deref(),
            }
        }),
    }
}

pub fn roster(entries: &[RosterEntry]) -> Vec<RosterEntryJson<'_>> {
    entries
        .iter()
        .map(|entry| RosterEntryJson {
            seminar: RosterSeminarJson {
                id: entry.seminar.id,
                uid: &entry.seminar.uid,
                slug: &entry.seminar.slug,
                title: &entry.seminar.title,
                first_day: entry.seminar.schedule.first_day.to_string(),
                last_day: entry.seminar.schedule.last_day.to_string(),
                status: entry.seminar.status,
            },
            person_id: entry.person_id,
            person_uid: &entry.person_uid,
            name: &entry.name,
            formal_name: entry.printed_name(),
            position: entry.position.as_deref(),
            institution: entry.institution.as_ref(),
            role_ids: &entry.role_ids,
            roles: entry.kinds(),
            parts: entry.parts.iter().map(|p| part(entry, p)).collect(),
            contact: entry.contact.as_ref(),
        })
        .collect()
}
