//! The roster: everyone with a part in a seminar, one entry per person and seminar, for a
//! certificate committee or a press release.
//!
//! A part is what a person does at a seminar: a talk or a panel (through a speaker role), a
//! keynote (through a keynote role), a session they chair or the whole seminar they moderate
//! (through a moderator role) or host (through an MC role), a slot a moderator leads. Cancelled seminars, and talks and sessions cancelled after a
//! publication, earn no part: someone whose only parts were cancelled is not on the roster.

use chrono::{DateTime, NaiveDate, Utc};

use super::names::name_key;
use super::titles::Titles;
use super::{
    Contact, Institution, Programme, Role, RoleKind, Seminar, SessionKind, SlotKind, Status,
};

/// What a person does in one part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// Gives a keynote talk, or is a keynote speaker without a talk in the rundown yet.
    Keynote,
    /// Gives a talk (or speaks in an opening, a Q&A, a closing), or is a speaker without a
    /// talk in the rundown yet.
    Speaker,
    /// Speaks in a panel.
    Panelist,
    /// Is the master of ceremonies of the whole seminar, or leads a slot of it.
    Mc,
    /// Moderates the whole seminar, or leads a slot of it.
    Moderator,
    /// Chairs a session.
    Chair,
}

impl PartKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PartKind::Keynote => "keynote",
            PartKind::Speaker => "speaker",
            PartKind::Panelist => "panelist",
            PartKind::Mc => "mc",
            PartKind::Moderator => "moderator",
            PartKind::Chair => "chair",
        }
    }
}

/// What a part is in: a slot of the rundown or a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Slot(SlotKind),
    Session(SessionKind),
}

/// The slot or session of a part, as the roster shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartItem {
    pub kind: ItemKind,
    pub id: i64,
    pub uid: String,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The day of the seminar it is on.
    pub day: NaiveDate,
    /// Where it is: its own room, else its session's, else the seminar's venue.
    pub room: Option<String>,
    /// The session a slot belongs to.
    pub session: Option<String>,
}

/// One part of a person at a seminar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub kind: PartKind,
    /// The role that gives the part.
    pub role_id: i64,
    /// Its slot or session; `None` for a part across the whole seminar (a moderator, a
    /// speaker whose talk is not in the rundown).
    pub item: Option<PartItem>,
}

/// A person with every part they have at one seminar, and their position and institution
/// as they were at that seminar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterEntry {
    pub seminar: Seminar,
    pub person_id: i64,
    pub person_uid: String,
    /// The plain name, as matched and sorted.
    pub name: String,
    /// Front titles and back degrees, printed around the name.
    pub titles: Titles,
    pub position: Option<String>,
    pub institution: Option<Institution>,
    /// The person's email and phone, only when asked for.
    pub contact: Option<Contact>,
    /// The ids of the person's roles at the seminar.
    pub role_ids: Vec<i64>,
    /// Across the seminar first, then in time order.
    pub parts: Vec<Part>,
}

impl RosterEntry {
    /// The name printed on the roster and on certificates: the one place that decides it.
    pub fn printed_name(&self) -> String {
        self.titles.formal(&self.name)
    }

    /// The part kinds, each once, in the order speaker, panelist, moderator, chair.
    pub fn kinds(&self) -> Vec<PartKind> {
        let mut kinds: Vec<PartKind> = self.parts.iter().map(|part| part.kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        kinds
    }

    /// The sessions the person chairs, in time order.
    pub fn chaired(&self) -> impl Iterator<Item = &PartItem> {
        self.parts
            .iter()
            .filter(|part| part.kind == PartKind::Chair)
            .filter_map(|part| part.item.as_ref())
    }

    /// The slots the person speaks in or leads, in time order.
    pub fn slots(&self) -> impl Iterator<Item = (PartKind, &PartItem)> {
        self.parts
            .iter()
            .filter(|part| part.kind != PartKind::Chair)
            .filter_map(|part| Some((part.kind, part.item.as_ref()?)))
    }
}

/// The roster of these programmes (their cancelled sessions and slots in `history`): one
/// entry per person and seminar, sorted by name as names match (case and accents aside),
/// then by when the seminar is.
pub fn roster(programmes: &[Programme]) -> Vec<RosterEntry> {
    let mut entries = Vec::new();
    for programme in programmes {
        if programme.seminar.status == Status::Cancelled {
            continue;
        }
        let mut people: Vec<i64> = programme.roles.iter().map(|r| r.person_id).collect();
        people.sort_unstable();
        people.dedup();
        for person_id in people {
            let mut roles: Vec<&Role> = (programme.roles.iter())
                .filter(|role| role.person_id == person_id)
                .collect();
            roles.sort_by_key(|role| (!role.kind.speaks(), role.id));
            let mut parts: Vec<Part> = roles
                .iter()
                .flat_map(|role| parts_of(programme, role))
                .collect();
            if parts.is_empty() {
                continue;
            }
            parts.sort_by_key(|part| {
                part.item
                    .as_ref()
                    .map(|item| (item.starts_at, item.ends_at, item.id))
            });
            let first = roles[0];
            let affiliated = (roles.iter())
                .find(|role| role.position.is_some() || role.institution.is_some())
                .unwrap_or(&first);
            entries.push(RosterEntry {
                seminar: programme.seminar.clone(),
                person_id,
                person_uid: first.person_uid.clone(),
                name: first.person_name.clone(),
                titles: first.person_titles.clone(),
                position: affiliated.position.clone(),
                institution: affiliated.institution.clone(),
                contact: roles.iter().find_map(|role| role.contact.clone()),
                role_ids: roles.iter().map(|role| role.id).collect(),
                parts,
            });
        }
    }
    entries.sort_by_cached_key(|entry| {
        (
            name_key(&entry.name),
            entry.seminar.schedule.first_day,
            entry.seminar.id,
            entry.person_id,
        )
    });
    entries
}

/// The parts one role gives: its slots that are not cancelled, the sessions it chairs that
/// are not, and for a role with neither, the seminar as a whole unless everything it had
/// was cancelled.
fn parts_of(programme: &Programme, role: &Role) -> Vec<Part> {
    let zone_day = |at| programme.seminar.schedule.day_of(at);
    let mut parts = Vec::new();
    for slot in programme.slots_of(role) {
        let kind = match (role.kind, slot.kind) {
            (RoleKind::Moderator, _) => PartKind::Moderator,
            (RoleKind::Mc, _) => PartKind::Mc,
            (RoleKind::Keynote, _) => PartKind::Keynote,
            (RoleKind::Speaker, SlotKind::Panel) => PartKind::Panelist,
            (RoleKind::Speaker, _) => PartKind::Speaker,
        };
        parts.push(Part {
            kind,
            role_id: role.id,
            item: Some(PartItem {
                kind: ItemKind::Slot(slot.kind),
                id: slot.id,
                uid: slot.uid.clone(),
                title: slot.title.clone(),
                starts_at: slot.starts_at,
                ends_at: slot.ends_at(),
                day: zone_day(slot.starts_at),
                room: programme.room_of(slot).map(|room| room.name.clone()),
                session: programme.session_of(slot).map(|s| s.title.clone()),
            }),
        });
    }
    let chaired: Vec<_> = (programme.sessions.iter())
        .filter(|session| session.chair_role_ids.contains(&role.id))
        .collect();
    for session in &chaired {
        parts.push(Part {
            kind: PartKind::Chair,
            role_id: role.id,
            item: Some(PartItem {
                kind: ItemKind::Session(session.kind),
                id: session.id,
                uid: session.uid.clone(),
                title: session.title.clone(),
                starts_at: session.starts_at,
                ends_at: session.ends_at(),
                day: zone_day(session.starts_at),
                room: programme
                    .session_room(session)
                    .map(|room| room.name.clone()),
                session: None,
            }),
        });
    }
    let history = &programme.history;
    let had_cancelled_slot =
        (history.cancelled_slots.iter()).any(|s| s.role_ids.contains(&role.id));
    let chaired_cancelled = (history.cancelled_sessions.iter())
        .any(|session| session.chair_role_ids.contains(&role.id));
    let across_the_seminar = match role.kind {
        // A moderator who chairs no session serves the whole seminar, and so does the MC.
        RoleKind::Moderator | RoleKind::Mc => chaired.is_empty() && !chaired_cancelled,
        RoleKind::Speaker | RoleKind::Keynote => parts.is_empty() && !had_cancelled_slot,
    };
    if across_the_seminar {
        parts.insert(
            0,
            Part {
                kind: match role.kind {
                    RoleKind::Speaker => PartKind::Speaker,
                    RoleKind::Keynote => PartKind::Keynote,
                    RoleKind::Moderator => PartKind::Moderator,
                    RoleKind::Mc => PartKind::Mc,
                },
                role_id: role.id,
                item: None,
            },
        );
    }
    parts
}

#[cfg(test)]
mod tests {
    use chrono::NaiveTime;

    use super::*;
    use crate::model::{History, Schedule, Session, Slot, SlotDetails};

    fn seminar(id: i64, day: u32, status: Status) -> Seminar {
        let date = NaiveDate::from_ymd_opt(2017, 5, day).unwrap();
        Seminar {
            id,
            uid: format!("seminar-{id}"),
            slug: format!("s-{id}"),
            title: format!("Seminar {id}"),
            subtitle: None,
            description: None,
            organizers: Vec::new(),
            status,
            schedule: Schedule::daily(
                crate::model::zone::Zone::known("Asia/Jakarta"),
                date,
                date,
                NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
            ),
            venue: None,
        }
    }

    fn role(id: i64, person_id: i64, name: &str, kind: RoleKind) -> Role {
        Role {
            id,
            seminar_id: 0,
            person_id,
            person_name: name.into(),
            kind,
            position: None,
            institution: None,
            person_uid: format!("person-{person_id}"),
            person_titles: Titles::default(),
            contact: None,
        }
    }

    fn slot(id: i64, kind: SlotKind, hour: u32, role_ids: Vec<i64>) -> Slot {
        Slot {
            id,
            uid: format!("slot-{id}"),
            seminar_id: 0,
            kind,
            title: format!("Slot {id}"),
            starts_at: DateTime::from_timestamp(1_495_072_800 + i64::from(hour) * 3600, 0).unwrap(),
            minutes: 30,
            role_ids,
            room: None,
            session_id: None,
            track: None,
            details: SlotDetails::default(),
        }
    }

    fn session(id: i64, hour: u32, chair_role_ids: Vec<i64>) -> Session {
        Session {
            id,
            uid: format!("session-{id}"),
            seminar_id: 0,
            title: format!("Session {id}"),
            kind: SessionKind::Parallel,
            track: None,
            room: None,
            starts_at: DateTime::from_timestamp(1_495_072_800 + i64::from(hour) * 3600, 0).unwrap(),
            minutes: 60,
            chair_role_ids,
        }
    }

    fn programme(seminar: Seminar, roles: Vec<Role>) -> Programme {
        Programme {
            seminar,
            roles,
            sessions: Vec::new(),
            slots: Vec::new(),
            history: History::default(),
        }
    }

    fn names(entries: &[RosterEntry]) -> Vec<&str> {
        entries.iter().map(|entry| entry.name.as_str()).collect()
    }

    #[test]
    fn one_entry_per_person_with_every_part_sorted_by_name_as_names_match() {
        let mut p = programme(
            seminar(1, 18, Status::Confirmed),
            vec![
                role(1, 10, "Zainal Abidin", RoleKind::Speaker),
                role(2, 11, "élan Vital", RoleKind::Speaker),
                role(3, 10, "Zainal Abidin", RoleKind::Moderator),
                role(4, 12, "Ahmad Dani", RoleKind::Moderator),
                role(5, 13, "budi Santoso", RoleKind::Speaker),
            ],
        );
        p.slots = vec![
            slot(1, SlotKind::Talk, 1, vec![1]),
            slot(2, SlotKind::Panel, 2, vec![2, 5]),
        ];
        p.sessions = vec![session(7, 0, vec![3])];
        let entries = roster(&[p]);
        assert_eq!(
            names(&entries),
            ["Ahmad Dani", "budi Santoso", "élan Vital", "Zainal Abidin"]
        );
        let zainal = &entries[3];
        assert_eq!(zainal.kinds(), [PartKind::Speaker, PartKind::Chair]);
        assert_eq!(zainal.role_ids, [1, 3]);
        assert_eq!(
            zainal.chaired().map(|s| s.id).collect::<Vec<_>>(),
            [7],
            "the chaired session"
        );
        assert_eq!(zainal.parts[0].kind, PartKind::Chair, "in time order");
        assert_eq!(entries[1].kinds(), [PartKind::Panelist]);
        assert_eq!(entries[0].kinds(), [PartKind::Moderator]);
        assert!(entries[0].parts[0].item.is_none(), "across the seminar");
    }

    #[test]
    fn cancelled_parts_earn_nothing_and_cancelled_seminars_nobody() {
        let mut p = programme(
            seminar(1, 18, Status::Confirmed),
            vec![
                role(1, 10, "Only cancelled talk", RoleKind::Speaker),
                role(2, 11, "No talk yet", RoleKind::Speaker),
                role(3, 12, "Chaired a cancelled session", RoleKind::Moderator),
                role(4, 13, "One of two talks cancelled", RoleKind::Speaker),
            ],
        );
        p.slots = vec![slot(2, SlotKind::Talk, 2, vec![4])];
        p.history.cancelled_slots = vec![
            slot(1, SlotKind::Talk, 1, vec![1]),
            slot(3, SlotKind::Talk, 3, vec![4]),
        ];
        p.history.cancelled_sessions = vec![session(7, 0, vec![3])];
        let entries = roster(&[p]);
        assert_eq!(
            names(&entries),
            ["No talk yet", "One of two talks cancelled"]
        );
        assert_eq!(entries[1].slots().count(), 1);
        let cancelled = programme(
            seminar(2, 19, Status::Cancelled),
            vec![role(9, 10, "Anyone", RoleKind::Speaker)],
        );
        assert!(roster(&[cancelled]).is_empty());
    }

    #[test]
    fn across_seminars_one_entry_per_person_and_seminar_in_date_order() {
        let later = programme(
            seminar(2, 25, Status::Planned),
            vec![role(5, 10, "Dinur Krismasari", RoleKind::Speaker)],
        );
        let earlier = programme(
            seminar(1, 18, Status::Planned),
            vec![
                role(1, 10, "Dinur Krismasari", RoleKind::Speaker),
                role(2, 11, "Asra Virgianita", RoleKind::Speaker),
            ],
        );
        let entries = roster(&[later, earlier]);
        let seen: Vec<(&str, i64)> = entries
            .iter()
            .map(|entry| (entry.name.as_str(), entry.seminar.id))
            .collect();
        assert_eq!(
            seen,
            [
                ("Asra Virgianita", 1),
                ("Dinur Krismasari", 1),
                ("Dinur Krismasari", 2)
            ]
        );
    }

    #[test]
    fn the_position_and_institution_are_the_roles_of_that_seminar() {
        let mut speaker = role(1, 10, "Asra Virgianita", RoleKind::Speaker);
        speaker.position = Some("Dosen".into());
        let mut moderator = role(2, 10, "Asra Virgianita", RoleKind::Moderator);
        moderator.position = Some("Ketua".into());
        let entries = roster(&[programme(
            seminar(1, 18, Status::Planned),
            vec![moderator, speaker],
        )]);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].position.as_deref(), Some("Dosen"));
        assert_eq!(entries[0].printed_name(), "Asra Virgianita");
    }
}
