//! Published versions of a seminar's schedule, and what changed between two of them.
//!
//! A version keeps the seminar's JSON (the shape of `agenda --json`) as it was when it was
//! published. [`changes`] compares two such snapshots, matching sessions and slots by uid;
//! [`sequences`] counts, for each uid, the versions in which its item changed (the
//! iCalendar `SEQUENCE`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One published version as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// 1, 2, … in the order of publication.
    pub number: i64,
    /// When it was published, RFC 3339 in UTC.
    pub published_at: String,
    pub note: Option<String>,
    /// The seminar's JSON as it was.
    pub snapshot: String,
}

impl Version {
    /// The day it was published (`2027-04-01`).
    pub fn date(&self) -> &str {
        self.published_at.get(..10).unwrap_or(&self.published_at)
    }
}

/// What a programme shows of its publication: the last version, whether the schedule has
/// changed since, and each item's iCalendar sequence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Publication {
    pub number: i64,
    /// The day the last version was published.
    pub date: String,
    /// The schedule differs from the last published version.
    pub draft: bool,
    /// By uid (seminar, session or slot): the versions in which it changed.
    pub sequences: BTreeMap<String, u32>,
}

impl Publication {
    pub fn sequence(&self, uid: &str) -> u32 {
        self.sequences.get(uid).copied().unwrap_or(0)
    }

    /// The version as frab carries it: `2`, or `2+draft` with unpublished changes.
    pub fn label(&self) -> String {
        if self.draft {
            format!("{}+draft", self.number)
        } else {
            self.number.to_string()
        }
    }
}

/// The parts of a seminar's JSON that a change report compares.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Snapshot {
    pub seminar: SeminarState,
    #[serde(default)]
    pub moderators: Vec<ModeratorState>,
    #[serde(default)]
    pub sessions: Vec<ItemState>,
    #[serde(default)]
    pub slots: Vec<ItemState>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct SeminarState {
    pub uid: String,
    pub title: String,
    pub status: String,
    pub time_zone: String,
    pub first_day: String,
    pub last_day: String,
    pub start_time: String,
    pub end_time: String,
    pub venue: Option<Named>,
    #[serde(default)]
    pub days: Vec<DayState>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Named {
    pub name: String,
}

/// One of the seminar's moderators, or its MC.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ModeratorState {
    pub name: String,
    /// `mc` for the master of ceremonies (absent in versions published before MCs were
    /// recorded).
    #[serde(default)]
    pub role: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct DayState {
    pub date: String,
    pub start_time: String,
    pub end_time: String,
}

/// A session or a slot: its time, length, room, title and people (a session's chairs),
/// and what else a schedule says of it (its details).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct ItemState {
    pub uid: String,
    pub title: String,
    pub starts_at: String,
    pub minutes: u32,
    pub room: Option<String>,
    #[serde(default, alias = "chairs")]
    pub people: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track: Option<String>,
    #[serde(default, rename = "abstract", skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<crate::model::Link>,
}

impl ItemState {
    /// Its kind, track, abstract and links.
    fn details(
        &self,
    ) -> (
        &Option<String>,
        &Option<String>,
        &Option<String>,
        &[crate::model::Link],
    ) {
        (&self.kind, &self.track, &self.summary, &self.links)
    }
}

impl Snapshot {
    pub fn parse(text: &str) -> Result<Snapshot, String> {
        serde_json::from_str(text)
            .map_err(|error| format!("a published version is damaged: {error}"))
    }

    fn items(&self) -> impl Iterator<Item = (Item, &ItemState)> {
        let sessions = self.sessions.iter().map(|s| (Item::Session, s));
        sessions.chain(self.slots.iter().map(|s| (Item::Slot, s)))
    }

    fn find(&self, item: Item, uid: &str) -> Option<&ItemState> {
        let list = match item {
            Item::Session => &self.sessions,
            Item::Slot => &self.slots,
        };
        list.iter().find(|state| state.uid == uid)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    Session,
    Slot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Cancelled,
    Changed,
}

/// What changed of an item that is in both snapshots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    /// Another day, time or room.
    Moved,
    Retitled,
    Relengthened,
    People,
    /// Another kind, track, abstract or links.
    Details,
}

/// One session or slot that was added, cancelled or changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemChange {
    pub item: Item,
    pub uid: String,
    pub change: ChangeKind,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aspects: Vec<Aspect>,
    pub before: Option<ItemState>,
    pub after: Option<ItemState>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people_added: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people_removed: Vec<String>,
}

impl ItemChange {
    /// Its title now, or as it was when cancelled.
    pub fn title(&self) -> &str {
        (self.after.as_ref().or(self.before.as_ref())).map_or("", |state| state.title.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SeminarField {
    Title,
    Date,
    Hours,
    TimeZone,
    Venue,
    Status,
    ModeratorAdded,
    ModeratorRemoved,
    McAdded,
    McRemoved,
}

/// A change to the seminar itself; `from` and `to` as the JSON writes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeminarChange {
    pub field: SeminarField,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    pub seminar: Vec<SeminarChange>,
    pub items: Vec<ItemChange>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.seminar.is_empty() && self.items.is_empty()
    }
}

fn dates(state: &SeminarState) -> String {
    if state.first_day == state.last_day {
        state.first_day.clone()
    } else {
        format!("{}/{}", state.first_day, state.last_day)
    }
}

fn hours(state: &SeminarState) -> String {
    let mut text = format!("{}-{}", state.start_time, state.end_time);
    for day in &state.days {
        text.push_str(&format!(
            "; {} {}-{}",
            day.date, day.start_time, day.end_time
        ));
    }
    text
}

fn seminar_changes(before: &Snapshot, after: &Snapshot) -> Vec<SeminarChange> {
    let (old, new) = (&before.seminar, &after.seminar);
    let mut changes = Vec::new();
    let mut compare = |field, from: Option<String>, to: Option<String>| {
        if from != to {
            changes.push(SeminarChange { field, from, to });
        }
    };
    compare(
        SeminarField::Title,
        Some(old.title.clone()),
        Some(new.title.clone()),
    );
    compare(SeminarField::Date, Some(dates(old)), Some(dates(new)));
    compare(SeminarField::Hours, Some(hours(old)), Some(hours(new)));
    compare(
        SeminarField::TimeZone,
        Some(old.time_zone.clone()),
        Some(new.time_zone.clone()),
    );
    let venue = |state: &SeminarState| state.venue.as_ref().map(|v| v.name.clone());
    compare(SeminarField::Venue, venue(old), venue(new));
    compare(
        SeminarField::Status,
        Some(old.status.clone()),
        Some(new.status.clone()),
    );
    let names = |snapshot: &Snapshot, mc: bool| -> Vec<String> {
        (snapshot.moderators.iter())
            .filter(|m| (m.role.as_deref() == Some("mc")) == mc)
            .map(|m| m.name.clone())
            .collect()
    };
    for (mc, added, removed) in [
        (
            false,
            SeminarField::ModeratorAdded,
            SeminarField::ModeratorRemoved,
        ),
        (true, SeminarField::McAdded, SeminarField::McRemoved),
    ] {
        let (was, is) = (names(before, mc), names(after, mc));
        for name in is.iter().filter(|name| !was.contains(name)) {
            changes.push(SeminarChange {
                field: added,
                from: None,
                to: Some(name.clone()),
            });
        }
        for name in was.iter().filter(|name| !is.contains(name)) {
            changes.push(SeminarChange {
                field: removed,
                from: Some(name.clone()),
                to: None,
            });
        }
    }
    changes
}

fn item_change(item: Item, before: &ItemState, after: &ItemState) -> Option<ItemChange> {
    if before == after {
        return None;
    }
    let mut aspects = Vec::new();
    if before.starts_at != after.starts_at || before.room != after.room {
        aspects.push(Aspect::Moved);
    }
    if before.title != after.title {
        aspects.push(Aspect::Retitled);
    }
    if before.minutes != after.minutes {
        aspects.push(Aspect::Relengthened);
    }
    let people_added: Vec<String> = (after.people.iter())
        .filter(|name| !before.people.contains(name))
        .cloned()
        .collect();
    let people_removed: Vec<String> = (before.people.iter())
        .filter(|name| !after.people.contains(name))
        .cloned()
        .collect();
    if before.people != after.people {
        aspects.push(Aspect::People);
    }
    if before.details() != after.details() {
        aspects.push(Aspect::Details);
    }
    Some(ItemChange {
        item,
        uid: after.uid.clone(),
        change: ChangeKind::Changed,
        aspects,
        before: Some(before.clone()),
        after: Some(after.clone()),
        people_added,
        people_removed,
    })
}

/// What changed from `before` to `after`: the seminar's own fields, then sessions and slots
/// (matched by uid) that were added, changed or cancelled, in the order of `after` and then
/// of `before` for the cancelled.
pub fn changes(before: &Snapshot, after: &Snapshot) -> Changes {
    let mut items = Vec::new();
    for (item, now) in after.items() {
        match before.find(item, &now.uid) {
            Some(then) => items.extend(item_change(item, then, now)),
            None => items.push(ItemChange {
                item,
                uid: now.uid.clone(),
                change: ChangeKind::Added,
                aspects: Vec::new(),
                before: None,
                after: Some(now.clone()),
                people_added: Vec::new(),
                people_removed: Vec::new(),
            }),
        }
    }
    for (item, then) in before.items() {
        if after.find(item, &then.uid).is_none() {
            items.push(ItemChange {
                item,
                uid: then.uid.clone(),
                change: ChangeKind::Cancelled,
                aspects: Vec::new(),
                before: Some(then.clone()),
                after: None,
                people_added: Vec::new(),
                people_removed: Vec::new(),
            });
        }
    }
    Changes {
        seminar: seminar_changes(before, after),
        items,
    }
}

/// A speaker or chair as a snapshot lists them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct RoleState {
    pub id: i64,
    pub person_id: i64,
    pub name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
struct CastItem {
    uid: String,
    #[serde(default, alias = "chair_role_ids")]
    role_ids: Vec<i64>,
}

/// Who is on each session and slot of a snapshot, by person: the part of the seminar's JSON
/// that [`affected`] needs beside the [`Changes`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Cast {
    #[serde(default)]
    moderators: Vec<RoleState>,
    #[serde(default)]
    speakers: Vec<RoleState>,
    #[serde(default)]
    sessions: Vec<CastItem>,
    #[serde(default)]
    slots: Vec<CastItem>,
}

/// Someone whose part in the schedule changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub id: i64,
    pub name: String,
}

impl Cast {
    pub fn parse(text: &str) -> Result<Cast, String> {
        serde_json::from_str(text)
            .map_err(|error| format!("a published version is damaged: {error}"))
    }

    /// The people on an item, once each, in the order the item lists them.
    fn people(&self, item: Item, uid: &str) -> Vec<Person> {
        let list = match item {
            Item::Session => &self.sessions,
            Item::Slot => &self.slots,
        };
        let Some(found) = list.iter().find(|entry| entry.uid == uid) else {
            return Vec::new();
        };
        let mut people: Vec<Person> = Vec::new();
        for role_id in &found.role_ids {
            let role = (self.speakers.iter().chain(&self.moderators)).find(|r| r.id == *role_id);
            if let Some(role) = role
                && !people.iter().any(|p| p.id == role.person_id)
            {
                people.push(Person {
                    id: role.person_id,
                    name: role.name.clone(),
                });
            }
        }
        people
    }
}

/// How one person's part in one session or slot changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartChange {
    /// Another day, time, length or room.
    Moved,
    /// The item is cancelled.
    Cancelled,
    /// They were added to it (or it is new).
    Added,
    /// They were taken off it.
    Removed,
}

/// One change to a person's part: on which item (a session they chair, a slot they speak
/// in), and the item before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    pub item: Item,
    pub change: PartChange,
    pub before: Option<ItemState>,
    pub after: Option<ItemState>,
}

impl Part {
    pub fn title(&self) -> &str {
        (self.after.as_ref().or(self.before.as_ref())).map_or("", |state| state.title.as_str())
    }
}

/// A person whose part changed, with each change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Affected {
    pub person: Person,
    pub parts: Vec<Part>,
}

impl Affected {
    /// The name of their drafts without the extension: `arif-budiman-4`.
    pub fn file_stem(&self) -> String {
        let folded = deunicode::deunicode(&self.person.name).to_lowercase();
        let words: Vec<&str> = (folded.split(|c: char| !c.is_ascii_alphanumeric()))
            .filter(|word| !word.is_empty())
            .collect();
        if words.is_empty() {
            format!("person-{}", self.person.id)
        } else {
            format!("{}-{}", words.join("-"), self.person.id)
        }
    }
}

fn moved(before: &ItemState, after: &ItemState) -> bool {
    before.starts_at != after.starts_at
        || before.room != after.room
        || before.minutes != after.minutes
}

/// Who is affected by `changes` and how, in the order their first change comes: the
/// speakers of a moved, cancelled or new slot, the chairs of such a session, and whoever
/// was added to or taken off one. A retitled item with the same time and room, and
/// everyone on an unchanged one, affects nobody.
pub fn affected(changes: &Changes, before: &Cast, after: &Cast) -> Vec<Affected> {
    let mut found: Vec<Affected> = Vec::new();
    let mut add = |person: Person, part: Part| match found
        .iter_mut()
        .find(|entry| entry.person.id == person.id)
    {
        Some(entry) => entry.parts.push(part),
        None => found.push(Affected {
            person,
            parts: vec![part],
        }),
    };
    for change in &changes.items {
        let part = |kind: PartChange| Part {
            item: change.item,
            change: kind,
            before: change.before.clone(),
            after: change.after.clone(),
        };
        let was = before.people(change.item, &change.uid);
        let is = after.people(change.item, &change.uid);
        match (&change.before, &change.after) {
            (None, Some(_)) => is.into_iter().for_each(|p| add(p, part(PartChange::Added))),
            (Some(_), None) => was
                .into_iter()
                .for_each(|p| add(p, part(PartChange::Cancelled))),
            (Some(then), Some(now)) => {
                let was_ids: Vec<i64> = was.iter().map(|p| p.id).collect();
                let is_ids: Vec<i64> = is.iter().map(|p| p.id).collect();
                for person in is {
                    if !was_ids.contains(&person.id) {
                        add(person, part(PartChange::Added));
                    } else if moved(then, now) {
                        add(person, part(PartChange::Moved));
                    }
                }
                for person in was.into_iter().filter(|p| !is_ids.contains(&p.id)) {
                    add(person, part(PartChange::Removed));
                }
            }
            (None, None) => {}
        }
    }
    found
}

/// For each uid (the seminar's, its sessions' and slots'), in how many steps of `chain`
/// (version 1, 2, …, then the schedule now) its item changed or was cancelled. Appearing
/// is not a change.
pub fn sequences(chain: &[Snapshot]) -> BTreeMap<String, u32> {
    let mut counts = BTreeMap::new();
    for pair in chain.windows(2) {
        let (before, after) = (&pair[0], &pair[1]);
        if before.seminar != after.seminar {
            *counts.entry(after.seminar.uid.clone()).or_insert(0) += 1;
        }
        for (item, then) in before.items() {
            if after.find(item, &then.uid) != Some(then) {
                *counts.entry(then.uid.clone()).or_insert(0) += 1;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(uid: &str, title: &str, at: &str, room: &str, people: &[&str]) -> ItemState {
        ItemState {
            uid: uid.into(),
            title: title.into(),
            starts_at: at.into(),
            minutes: 30,
            room: Some(room.into()),
            people: people.iter().map(|p| p.to_string()).collect(),
            ..ItemState::default()
        }
    }

    fn snapshot(slots: Vec<ItemState>) -> Snapshot {
        Snapshot {
            seminar: SeminarState {
                uid: "seminar".into(),
                title: "Konferensi".into(),
                status: "confirmed".into(),
                time_zone: "Asia/Jakarta".into(),
                first_day: "2027-05-18".into(),
                last_day: "2027-05-18".into(),
                start_time: "09:00".into(),
                end_time: "12:00".into(),
                venue: Some(Named {
                    name: "Aula".into(),
                }),
                days: Vec::new(),
            },
            moderators: Vec::new(),
            sessions: Vec::new(),
            slots,
        }
    }

    const NINE: &str = "2027-05-18T09:00:00+07:00";
    const TEN: &str = "2027-05-18T10:00:00+07:00";

    #[test]
    fn an_unchanged_schedule_has_no_changes_and_no_sequences() {
        let one = snapshot(vec![item("a", "Talk", NINE, "Aula", &["Ani"])]);
        assert!(changes(&one, &one.clone()).is_empty());
        assert!(sequences(&[one.clone(), one]).is_empty());
    }

    #[test]
    fn added_cancelled_and_moved_items_are_matched_by_uid() {
        let before = snapshot(vec![
            item("moved", "Panel", NINE, "Aula", &["Ani"]),
            item("gone", "Talk", NINE, "Ruang 2", &["Budi"]),
        ]);
        let after = snapshot(vec![
            item("moved", "Panel", TEN, "Ruang 3", &["Ani"]),
            item("new", "Keynote", TEN, "Aula", &["Citra"]),
        ]);
        let found = changes(&before, &after);
        assert!(found.seminar.is_empty());
        let summary: Vec<(&str, ChangeKind, Vec<Aspect>)> = (found.items.iter())
            .map(|c| (c.uid.as_str(), c.change, c.aspects.clone()))
            .collect();
        assert_eq!(
            summary,
            [
                ("moved", ChangeKind::Changed, vec![Aspect::Moved]),
                ("new", ChangeKind::Added, vec![]),
                ("gone", ChangeKind::Cancelled, vec![]),
            ]
        );
        assert_eq!(found.items[2].title(), "Talk");
    }

    #[test]
    fn retitles_lengths_and_people_are_told_apart() {
        let before = snapshot(vec![item("a", "Talk", NINE, "Aula", &["Ani", "Budi"])]);
        let mut changed = item("a", "Talk, revised", NINE, "Aula", &["Ani", "Citra"]);
        changed.minutes = 45;
        let found = changes(&before, &snapshot(vec![changed]));
        let only = &found.items[0];
        assert_eq!(
            only.aspects,
            [Aspect::Retitled, Aspect::Relengthened, Aspect::People]
        );
        assert_eq!(only.people_added, ["Citra"]);
        assert_eq!(only.people_removed, ["Budi"]);
    }

    #[test]
    fn a_new_kind_track_abstract_or_link_is_a_change_of_details() {
        let before = snapshot(vec![item("a", "Talk", NINE, "Aula", &["Ani"])]);
        for change in [
            |state: &mut ItemState| state.kind = Some("panel".into()),
            |state: &mut ItemState| state.track = Some("Iklim".into()),
            |state: &mut ItemState| state.summary = Some("Tentang iklim.".into()),
            |state: &mut ItemState| {
                state.links.push(crate::model::Link {
                    href: "https://example.org".into(),
                    title: "Slides".into(),
                })
            },
        ] {
            let mut after = before.clone();
            change(&mut after.slots[0]);
            let found = changes(&before, &after);
            assert_eq!(found.items[0].aspects, [Aspect::Details]);
            assert_eq!(sequences(&[before.clone(), after]).get("a"), Some(&1));
        }
    }

    #[test]
    fn the_seminar_date_venue_status_and_moderators_are_compared() {
        let before = snapshot(Vec::new());
        let mut after = before.clone();
        after.seminar.first_day = "2027-05-19".into();
        after.seminar.last_day = "2027-05-19".into();
        after.seminar.venue = None;
        after.seminar.status = "cancelled".into();
        after.moderators.push(ModeratorState {
            name: "Dewi".into(),
            role: None,
        });
        after.moderators.push(ModeratorState {
            name: "Najwa".into(),
            role: Some("mc".into()),
        });
        let fields: Vec<SeminarField> = (changes(&before, &after).seminar.iter())
            .map(|change| change.field)
            .collect();
        assert_eq!(
            fields,
            [
                SeminarField::Date,
                SeminarField::Venue,
                SeminarField::Status,
                SeminarField::ModeratorAdded,
                SeminarField::McAdded
            ]
        );
    }

    #[test]
    fn a_session_is_read_with_its_chairs_as_its_people() {
        let text = r#"{
            "seminar": {"uid": "s", "title": "T", "status": "planned", "time_zone": "UTC",
                "first_day": "2027-05-18", "last_day": "2027-05-18", "start_time": "09:00",
                "end_time": "12:00", "venue": null, "id": 1},
            "sessions": [{"uid": "p", "title": "Panel", "starts_at": "2027-05-18T09:00:00Z",
                "minutes": 60, "room": "Aula", "chairs": ["Dewi"], "id": 3}],
            "slots": []
        }"#;
        let before = Snapshot::parse(text).unwrap();
        assert_eq!(before.sessions[0].people, ["Dewi"]);
        let mut after = before.clone();
        after.sessions[0].people = vec!["Eka".into()];
        let found = changes(&before, &after);
        assert_eq!(found.items[0].item, Item::Session);
        assert_eq!(found.items[0].aspects, [Aspect::People]);
        assert_eq!(found.items[0].people_added, ["Eka"]);
        assert_eq!(found.items[0].people_removed, ["Dewi"]);
        assert!(Snapshot::parse("{").is_err());
    }

    #[test]
    fn a_sequence_counts_the_versions_in_which_an_item_changed() {
        let one = snapshot(vec![
            item("a", "Talk", NINE, "Aula", &[]),
            item("b", "Panel", NINE, "Ruang 2", &[]),
        ]);
        let two = snapshot(vec![
            item("a", "Talk", TEN, "Aula", &[]),
            item("b", "Panel", NINE, "Ruang 2", &[]),
            item("c", "New", TEN, "Ruang 2", &[]),
        ]);
        let three = snapshot(vec![
            item("a", "Talk", NINE, "Aula", &[]),
            item("c", "New", TEN, "Ruang 2", &[]),
        ]);
        let counts = sequences(&[one, two, three.clone(), three]);
        assert_eq!(counts.get("a"), Some(&2));
        assert_eq!(counts.get("b"), Some(&1));
        assert_eq!(counts.get("c"), None);
    }

    fn cast(slots: &[(&str, &[i64])], sessions: &[(&str, &[i64])]) -> Cast {
        let entries = |list: &[(&str, &[i64])]| -> Vec<CastItem> {
            (list.iter())
                .map(|(uid, ids)| CastItem {
                    uid: uid.to_string(),
                    role_ids: ids.to_vec(),
                })
                .collect()
        };
        let role = |id: i64, person_id: i64, name: &str| RoleState {
            id,
            person_id,
            name: name.into(),
        };
        Cast {
            moderators: vec![role(10, 4, "Dewi")],
            speakers: vec![
                role(1, 1, "Ani"),
                role(2, 2, "Budi"),
                role(3, 3, "Citra"),
                role(5, 5, "Eka"),
            ],
            sessions: entries(sessions),
            slots: entries(slots),
        }
    }

    #[test]
    fn the_people_affected_are_those_on_moved_cancelled_new_or_changed_parts() {
        let mut panel = item("panel", "Panel", NINE, "Aula", &["Dewi"]);
        let mut before = snapshot(vec![
            item("moved", "Talk", NINE, "Aula", &["Ani", "Eka"]),
            item("gone", "Talk 2", NINE, "Ruang 2", &["Budi"]),
            item("same", "Talk 3", NINE, "Ruang 3", &["Eka"]),
            item("retitled", "Talk 4", NINE, "Ruang 4", &["Eka"]),
        ]);
        before.sessions.push(panel.clone());
        panel.room = Some("Ruang 9".into());
        let mut retitled = item("retitled", "Talk 4, revised", NINE, "Ruang 4", &["Eka"]);
        retitled.minutes = 30;
        let mut after = snapshot(vec![
            item("moved", "Talk", TEN, "Aula", &["Ani"]),
            item("same", "Talk 3", NINE, "Ruang 3", &["Eka"]),
            retitled,
            item("new", "Keynote", TEN, "Aula", &["Citra"]),
        ]);
        after.sessions.push(panel);
        let cast_before = cast(
            &[
                ("moved", &[1, 5]),
                ("gone", &[2]),
                ("same", &[5]),
                ("retitled", &[5]),
            ],
            &[("panel", &[10])],
        );
        let cast_after = cast(
            &[
                ("moved", &[1]),
                ("same", &[5]),
                ("retitled", &[5]),
                ("new", &[3]),
            ],
            &[("panel", &[10])],
        );
        let found = affected(&changes(&before, &after), &cast_before, &cast_after);
        let summary: Vec<(&str, Vec<(&str, PartChange)>)> = (found.iter())
            .map(|a| {
                let parts = a.parts.iter().map(|p| (p.title(), p.change)).collect();
                (a.person.name.as_str(), parts)
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("Dewi", vec![("Panel", PartChange::Moved)]),
                ("Ani", vec![("Talk", PartChange::Moved)]),
                ("Eka", vec![("Talk", PartChange::Removed)]),
                ("Citra", vec![("Keynote", PartChange::Added)]),
                ("Budi", vec![("Talk 2", PartChange::Cancelled)]),
            ]
        );
        assert_eq!(found[1].parts[0].before.as_ref().unwrap().starts_at, NINE);
        assert_eq!(found[1].parts[0].after.as_ref().unwrap().starts_at, TEN);
        assert_eq!(found[0].person.id, 4);
    }

    #[test]
    fn a_draft_is_named_after_the_person_and_their_id() {
        let named = |name: &str, id| Affected {
            person: Person {
                id,
                name: name.into(),
            },
            parts: Vec::new(),
        };
        assert_eq!(named("Arif Budiman", 4).file_stem(), "arif-budiman-4");
        assert_eq!(
            named("Dr. Émile Ó'Brien", 7).file_stem(),
            "dr-emile-o-brien-7"
        );
        assert_eq!(named("../..", 9).file_stem(), "person-9");
    }

    #[test]
    fn a_cast_is_read_from_the_seminars_json() {
        let text = r#"{"moderators": [{"id": 7, "person_id": 3, "name": "Dewi"}],
            "speakers": [], "sessions": [{"uid": "p", "chair_role_ids": [7]}], "slots": []}"#;
        let read = Cast::parse(text).unwrap();
        assert_eq!(read.people(Item::Session, "p")[0].name, "Dewi");
        assert!(read.people(Item::Slot, "p").is_empty());
    }
}
