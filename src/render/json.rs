//! The `--json` output: stable field names, every record with its id, times as RFC 3339 with
//! the seminar's own offset, and no contact details (emails, phones) except in `person show`.

use crate::model::zone::Zone;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use super::visible::is_hidden;
use crate::model::conflict::Problem;
use crate::model::versions::{Changes, Version};
use crate::model::{
    Institution, Person, Programme, Role, RoleKind, Seminar, SeminarSummary, Session, SessionKind,
    Slot, SlotKind, Status, Venue, VenueUse,
};
use crate::ops::versions::ChangeReport;
use crate::store::{InstitutionRow, PersonRow, RoleRow};

fn local(at: DateTime<Utc>, zone: Zone) -> String {
    crate::model::time::rfc3339_in(at, zone)
}

#[derive(Serialize)]
pub struct SeminarJson<'a> {
    pub id: i64,
    pub uid: &'a str,
    pub slug: &'a str,
    pub title: &'a str,
    pub subtitle: Option<&'a str>,
    pub description: Option<&'a str>,
    pub status: Status,
    pub organizers: &'a [String],
    pub time_zone: &'static str,
    pub first_day: String,
    pub last_day: String,
    pub start_time: String,
    pub end_time: String,
    pub starts_at: String,
    pub ends_at: String,
    pub venue: Option<&'a Venue>,
    /// Days with hours of their own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub days: Vec<DayJson>,
}

#[derive(Serialize)]
pub struct DayJson {
    pub date: String,
    pub start_time: String,
    pub end_time: String,
}

pub fn seminar(seminar: &Seminar) -> SeminarJson<'_> {
    let schedule = &seminar.schedule;
    SeminarJson {
        id: seminar.id,
        uid: &seminar.uid,
        slug: &seminar.slug,
        title: &seminar.title,
        subtitle: seminar.subtitle.as_deref(),
        description: seminar.description.as_deref(),
        status: seminar.status,
        organizers: &seminar.organizers,
        time_zone: schedule.zone.name(),
        first_day: schedule.first_day.to_string(),
        last_day: schedule.last_day.to_string(),
        start_time: schedule.start.format("%H:%M").to_string(),
        end_time: schedule.end.format("%H:%M").to_string(),
        starts_at: schedule
            .starts_at()
            .map(|at| local(at, schedule.zone))
            .unwrap_or_default(),
        ends_at: schedule
            .ends_at()
            .map(|at| local(at, schedule.zone))
            .unwrap_or_default(),
        venue: seminar.venue.as_ref(),
        days: (schedule.days.iter())
            .map(|day| DayJson {
                date: day.date.to_string(),
                start_time: day.start.format("%H:%M").to_string(),
                end_time: day.end.format("%H:%M").to_string(),
            })
            .collect(),
    }
}

#[derive(Serialize)]
pub struct SummaryJson<'a> {
    #[serde(flatten)]
    pub seminar: SeminarJson<'a>,
    pub speakers: u32,
    pub slots: u32,
}

pub fn seminar_list(seminars: &[SeminarSummary]) -> Vec<SummaryJson<'_>> {
    seminars
        .iter()
        .map(|summary| SummaryJson {
            seminar: seminar(&summary.seminar),
            speakers: summary.speakers,
            slots: summary.slots,
        })
        .collect()
}

#[derive(Serialize)]
pub struct RoleJson<'a> {
    pub id: i64,
    pub person_id: i64,
    /// The person's uid: the same person in every seminar and every export.
    pub person_uid: &'a str,
    pub name: &'a str,
    /// The person's front titles and back degrees (`Prof. Dr.`, `M.Si.`), when they have them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub titles_front: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub titles_back: Option<&'a str>,
    pub role: RoleKind,
    pub position: Option<&'a str>,
    pub institution: Option<&'a Institution>,
    /// `email` and `phone`, only when the export asked for contacts.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub contact: Option<&'a crate::model::Contact>,
}

fn role(role: &Role) -> RoleJson<'_> {
    RoleJson {
        id: role.id,
        person_id: role.person_id,
        person_uid: &role.person_uid,
        name: &role.person_name,
        titles_front: role.person_titles.front.as_deref(),
        titles_back: role.person_titles.back.as_deref(),
        role: role.kind,
        position: role.position.as_deref(),
        institution: role.institution.as_ref(),
        contact: role.contact.as_ref(),
    }
}

/// A role on its own, as `speaker add` and `moderator assign` print it.
#[derive(Serialize)]
pub struct RoleRecordJson<'a> {
    #[serde(flatten)]
    pub role: RoleJson<'a>,
    pub seminar_id: i64,
}

pub fn role_record(record: &Role) -> RoleRecordJson<'_> {
    RoleRecordJson {
        role: role(record),
        seminar_id: record.seminar_id,
    }
}

/// What a removing command prints: the id of what it removed.
#[derive(Serialize, Default)]
pub struct Removed {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed_role_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed_slot_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed_session_id: Option<i64>,
    /// The slots removed with a session.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed_slot_ids: Vec<i64>,
    /// Kept on record as cancelled: the seminar's schedule had been published.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cancelled: bool,
}

impl Removed {
    pub fn role(id: i64) -> Self {
        Removed {
            removed_role_id: Some(id),
            ..Removed::default()
        }
    }

    pub fn slot(id: i64) -> Self {
        Removed {
            removed_role_id: None,
            removed_slot_id: Some(id),
            ..Removed::default()
        }
    }

    /// Marks what was removed as kept on record, cancelled.
    pub fn cancelled(self, cancelled: bool) -> Self {
        Removed { cancelled, ..self }
    }

    pub fn session(id: i64, slot_ids: Vec<i64>) -> Self {
        Removed {
            removed_session_id: Some(id),
            removed_slot_ids: slot_ids,
            ..Removed::default()
        }
    }
}

#[derive(Serialize)]
pub struct SlotJson<'a> {
    pub id: i64,
    pub uid: &'a str,
    pub kind: SlotKind,
    pub title: &'a str,
    pub starts_at: String,
    pub ends_at: String,
    pub minutes: u32,
    /// Ids of the roles (see `moderators` and `speakers`) of the people on the slot.
    pub role_ids: &'a [i64],
    pub people: Vec<&'a str>,
    /// Where the slot is: its own room, else its session's, else the seminar's venue.
    pub room: Option<&'a str>,
    pub session_id: Option<i64>,
    /// Its own track, else its session's.
    pub track: Option<&'a str>,
    /// A summary, from a schedule imported from elsewhere.
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    pub summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub links: &'a [crate::model::Link],
}

#[derive(Serialize)]
pub struct SessionJson<'a> {
    pub id: i64,
    pub uid: &'a str,
    pub kind: SessionKind,
    pub title: &'a str,
    pub track: Option<&'a str>,
    /// Its own room, else the seminar's venue.
    pub room: Option<&'a str>,
    pub starts_at: String,
    pub ends_at: String,
    pub minutes: u32,
    /// Ids of the roles (see `moderators`) of its chairs.
    pub chair_role_ids: &'a [i64],
    pub chairs: Vec<&'a str>,
}

fn session<'a>(programme: &'a Programme, session: &'a Session) -> SessionJson<'a> {
    let zone = programme.seminar.schedule.zone;
    SessionJson {
        id: session.id,
        uid: &session.uid,
        kind: session.kind,
        title: &session.title,
        track: session.track.as_deref(),
        room: programme
            .session_room(session)
            .map(|room| room.name.as_str()),
        starts_at: local(session.starts_at, zone),
        ends_at: local(session.ends_at(), zone),
        minutes: session.minutes,
        chair_role_ids: &session.chair_role_ids,
        chairs: programme
            .chairs_of(session)
            .map(|r| r.person_name.as_str())
            .collect(),
    }
}

pub fn sessions(programme: &Programme) -> Vec<SessionJson<'_>> {
    (programme.sessions.iter())
        .map(|s| session(programme, s))
        .collect()
}

fn slot<'a>(programme: &'a Programme, slot: &'a Slot) -> SlotJson<'a> {
    let zone = programme.seminar.schedule.zone;
    SlotJson {
        id: slot.id,
        uid: &slot.uid,
        kind: slot.kind,
        title: &slot.title,
        starts_at: local(slot.starts_at, zone),
        ends_at: local(slot.ends_at(), zone),
        minutes: slot.minutes,
        role_ids: &slot.role_ids,
        people: programme
            .people_on(slot)
            .map(|r| r.person_name.as_str())
            .collect(),
        room: programme.room_of(slot).map(|room| room.name.as_str()),
        session_id: slot.session_id,
        track: programme.track_of(slot),
        summary: slot.details.summary.as_deref(),
        language: slot.details.language.as_deref(),
        links: &slot.details.links,
    }
}

#[derive(Serialize)]
pub struct ProgrammeJson<'a> {
    pub seminar: SeminarJson<'a>,
    pub moderators: Vec<RoleJson<'a>>,
    pub speakers: Vec<RoleJson<'a>>,
    pub sessions: Vec<SessionJson<'a>>,
    pub slots: Vec<SlotJson<'a>>,
}

pub fn programme(programme: &Programme) -> ProgrammeJson<'_> {
    ProgrammeJson {
        seminar: seminar(&programme.seminar),
        moderators: (programme.roles.iter())
            .filter(|r| !r.kind.speaks())
            .map(role)
            .collect(),
        speakers: (programme.roles.iter())
            .filter(|r| r.kind.speaks())
            .map(role)
            .collect(),
        sessions: sessions(programme),
        slots: programme.slots.iter().map(|s| slot(programme, s)).collect(),
    }
}

/// The name of the JSON archive format that `seminar export --format json` writes.
pub const ARCHIVE_FORMAT: &str = "seminar-archive";
/// Its version: raised when a field changes meaning or goes away, not when one is added.
pub const ARCHIVE_VERSION: u32 = 1;

/// Many seminars with everything in them, as `seminar export --format json` writes them and
/// `seminar import` reads them back.
#[derive(Serialize)]
pub struct ArchiveJson<'a> {
    pub format: &'static str,
    pub version: u32,
    pub generator: String,
    /// The venues the seminars' sessions and slots are in, with their addresses and
    /// capacities (sessions and slots name their rooms only).
    pub rooms: Vec<&'a Venue>,
    pub seminars: Vec<ProgrammeJson<'a>>,
}

pub fn archive(programmes: &[Programme]) -> ArchiveJson<'_> {
    let mut rooms: Vec<&Venue> = programmes
        .iter()
        .flat_map(|programme| {
            let sessions = programme.sessions.iter().map(|session| &session.room);
            let slots = programme.slots.iter().map(|slot| &slot.room);
            sessions.chain(slots).flatten()
        })
        .collect();
    rooms.sort_by(|a, b| (&a.name, a.id).cmp(&(&b.name, b.id)));
    rooms.dedup_by_key(|room| room.id);
    ArchiveJson {
        format: ARCHIVE_FORMAT,
        version: ARCHIVE_VERSION,
        generator: format!("seminar {}", env!("CARGO_PKG_VERSION")),
        rooms,
        seminars: programmes.iter().map(programme).collect(),
    }
}

/// The archive of [`archive`] written piece by piece as its seminars come: byte for byte
/// what [`to_string`] gives for all of them at once, in memory for one seminar.
pub struct ArchiveWriter<W: std::io::Write> {
    out: W,
    seminars: usize,
}

/// The archive's fields before its seminars.
#[derive(Serialize)]
struct ArchiveHead<'a> {
    format: &'static str,
    version: u32,
    generator: String,
    rooms: &'a [Venue],
}

impl<W: std::io::Write> ArchiveWriter<W> {
    /// Writes the archive's fields up to its list of seminars.
    pub fn start(mut out: W, rooms: &[Venue]) -> std::io::Result<Self> {
        let head = to_string(&ArchiveHead {
            format: ARCHIVE_FORMAT,
            version: ARCHIVE_VERSION,
            generator: format!("seminar {}", env!("CARGO_PKG_VERSION")),
            rooms,
        });
        let open = head.strip_suffix("\n}\n").unwrap_or(&head);
        out.write_all(open.as_bytes())?;
        out.write_all(b",\n  \"seminars\": [")?;
        Ok(ArchiveWriter { out, seminars: 0 })
    }

    /// Writes one seminar, as the next element of the list, indented two levels.
    pub fn seminar(&mut self, programme: &Programme) -> std::io::Result<()> {
        let text = to_string(&self::programme(programme));
        self.out
            .write_all(if self.seminars == 0 { b"\n" } else { b",\n" })?;
        for (index, line) in text.trim_end_matches('\n').split('\n').enumerate() {
            if index > 0 {
                self.out.write_all(b"\n")?;
            }
            self.out.write_all(b"    ")?;
            self.out.write_all(line.as_bytes())?;
        }
        self.seminars += 1;
        Ok(())
    }

    /// Closes the list and the archive; the number of seminars written.
    pub fn finish(mut self) -> std::io::Result<usize> {
        if self.seminars > 0 {
            self.out.write_all(b"\n  ")?;
        }
        self.out.write_all(b"]\n}\n")?;
        self.out.flush()?;
        Ok(self.seminars)
    }
}

/// What `config show --json` prints: the config file, then each setting as
/// `{value, source}` under its name.
pub fn settings<S: Serialize>(
    config_file: Option<&std::path::Path>,
    config_file_exists: bool,
    rows: &[(&str, String, &S)],
) -> serde_json::Value {
    let mut shown = serde_json::Map::new();
    shown.insert("config_file".into(), serde_json::json!(config_file));
    shown.insert("config_file_exists".into(), config_file_exists.into());
    for (name, value, source) in rows {
        shown.insert(
            (*name).to_string(),
            serde_json::json!({ "value": value, "source": source }),
        );
    }
    serde_json::Value::Object(shown)
}

/// What `backup --json` prints.
#[derive(Serialize)]
pub struct BackupReport {
    pub file: String,
    pub schema_version: i64,
    pub records: crate::store::Counts,
}

/// What `doctor --json` prints: each check with its verdict.
#[derive(Serialize)]
pub struct DoctorReport {
    pub healthy: bool,
    pub checks: Vec<DoctorCheck>,
}

#[derive(Serialize)]
pub struct DoctorCheck {
    pub name: &'static str,
    pub ok: bool,
    pub detail: String,
}

pub fn doctor_report(health: &crate::store::Health, problems: &[Problem]) -> DoctorReport {
    let current = crate::store::schema::current_version();
    let integrity_ok = health.integrity == ["ok"];
    let dangling: Vec<String> = health
        .dangling
        .iter()
        .take(5)
        .map(|(table, row, parent)| format!("{table} {row} -> {parent}"))
        .collect();
    let checks = vec![
        DoctorCheck {
            name: "integrity",
            ok: integrity_ok,
            detail: if integrity_ok {
                "ok (PRAGMA integrity_check)".to_string()
            } else {
                let lines: Vec<&str> = health
                    .integrity
                    .iter()
                    .flat_map(|entry| entry.lines())
                    .filter(|line| !line.starts_with("***"))
                    .collect();
                let mut found: Vec<&str> = lines.iter().copied().take(5).collect();
                if lines.len() > 5 {
                    found.push("...");
                }
                format!(
                    "damaged: {}; restore a backup (seminar backup) or an export",
                    found.join("; ")
                )
            },
        },
        DoctorCheck {
            name: "foreign keys",
            ok: health.dangling.is_empty(),
            detail: if health.dangling.is_empty() {
                "every reference points to a record".to_string()
            } else {
                format!(
                    "{} row(s) point nowhere: {}",
                    health.dangling.len(),
                    dangling.join(", ")
                )
            },
        },
        DoctorCheck {
            name: "schema version",
            ok: health.schema_version == current,
            detail: format!("{} (this seminar writes {current})", health.schema_version),
        },
        DoctorCheck {
            name: "journal",
            ok: health.journal_mode.eq_ignore_ascii_case("wal"),
            detail: health.journal_mode.to_lowercase(),
        },
        DoctorCheck {
            name: "booking rules",
            ok: problems.is_empty(),
            detail: match problems.len() {
                0 => "no double bookings or rundown problems".to_string(),
                n => format!("{n} problem(s); see 'seminar check'"),
            },
        },
    ];
    DoctorReport {
        healthy: checks.iter().all(|check| check.ok),
        checks,
    }
}

/// What `import --json` prints.
#[derive(Serialize)]
pub struct ImportReport<'a> {
    pub dry_run: bool,
    pub added: crate::ops::import::Summary,
    /// The seminars on record that the file updated in place, each with what changed in
    /// the shape of `changes --json`.
    pub updated: Vec<UpdatedJson<'a>>,
}

/// A seminar that `import` updated in place, and what changed.
#[derive(Serialize)]
pub struct UpdatedJson<'a> {
    pub seminar_id: i64,
    pub slug: &'a str,
    #[serde(flatten)]
    pub changes: &'a Changes,
}

pub fn import_report(outcome: &crate::ops::import::Outcome, dry_run: bool) -> ImportReport<'_> {
    ImportReport {
        dry_run,
        added: outcome.added,
        updated: (outcome.updated.iter())
            .map(|updated| UpdatedJson {
                seminar_id: updated.seminar.id,
                slug: &updated.seminar.slug,
                changes: &updated.changes,
            })
            .collect(),
    }
}

#[derive(Serialize)]
pub struct RoleRowJson<'a> {
    #[serde(flatten)]
    pub role: RoleJson<'a>,
    pub seminar: SeminarRefJson<'a>,
    pub talks: Vec<&'a str>,
    /// Each talk under the keys of the talk's columns of a speaker list (`talk`, `date`,
    /// `start`, `minutes`, `room`, `session`, `track`).
    pub talk_details: Vec<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Serialize)]
pub struct SeminarRefJson<'a> {
    pub id: i64,
    pub slug: &'a str,
    pub title: &'a str,
    pub first_day: String,
    pub status: Status,
}

pub fn role_rows(rows: &[RoleRow]) -> Vec<RoleRowJson<'_>> {
    rows.iter()
        .map(|row| RoleRowJson {
            role: role(&row.role),
            seminar: SeminarRefJson {
                id: row.seminar.id,
                slug: &row.seminar.slug,
                title: &row.seminar.title,
                first_day: row.seminar.schedule.first_day.to_string(),
                status: row.seminar.status,
            },
            talks: row.talks.iter().map(|talk| talk.title.as_str()).collect(),
            talk_details: row
                .talks
                .iter()
                .map(|talk| talk_detail(row, talk))
                .collect(),
        })
        .collect()
}

/// A talk of a speaker list with the values its columns have in CSV; `minutes` a number.
fn talk_detail(
    row: &RoleRow,
    talk: &crate::store::Talk,
) -> serde_json::Map<String, serde_json::Value> {
    use super::speakers::{SpeakerColumn, columns, talk_cell};
    columns(false)
        .into_iter()
        .filter(|column| column.of_talk())
        .map(|column| {
            let value = match column {
                SpeakerColumn::Minutes => serde_json::Value::from(talk.minutes),
                SpeakerColumn::Room => serde_json::json!(talk.room),
                SpeakerColumn::Session => serde_json::json!(talk.session),
                SpeakerColumn::Track => serde_json::json!(talk.track),
                _ => serde_json::Value::from(talk_cell(column, row, Some(talk))),
            };
            (column.key().to_string(), value)
        })
        .collect()
}

#[derive(Serialize)]
pub struct PersonJson<'a> {
    pub id: i64,
    pub uid: &'a str,
    pub name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub titles_front: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub titles_back: Option<&'a str>,
    pub position: Option<&'a str>,
    pub institution: Option<&'a Institution>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seminars: Option<u32>,
}

fn person(person: &Person, contacts: bool) -> PersonJson<'_> {
    PersonJson {
        id: person.id,
        uid: &person.uid,
        name: &person.name,
        titles_front: person.titles.front.as_deref(),
        titles_back: person.titles.back.as_deref(),
        position: person.position.as_deref(),
        institution: person.institution.as_ref(),
        email: person.email.as_deref().filter(|_| contacts),
        phone: person.phone.as_deref().filter(|_| contacts),
        seminars: None,
    }
}

pub fn people(rows: &[PersonRow]) -> Vec<PersonJson<'_>> {
    rows.iter()
        .map(|row| PersonJson {
            seminars: Some(row.seminars),
            ..person(&row.person, false)
        })
        .collect()
}

#[derive(Serialize)]
pub struct PersonDetailJson<'a> {
    #[serde(flatten)]
    pub person: PersonJson<'a>,
    pub roles: Vec<RoleRowJson<'a>>,
}

pub fn person_detail<'a>(who: &'a Person, roles: &'a [RoleRow]) -> PersonDetailJson<'a> {
    PersonDetailJson {
        person: person(who, true),
        roles: role_rows(roles),
    }
}

#[derive(Serialize)]
pub struct InstitutionJson<'a> {
    #[serde(flatten)]
    pub institution: &'a Institution,
    /// Its other names (`institution alias add`), which find it as its name does.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub aliases: &'a [String],
    pub people: u32,
    pub roles: u32,
}

pub fn institutions(rows: &[InstitutionRow]) -> Vec<InstitutionJson<'_>> {
    rows.iter()
        .map(|row| InstitutionJson {
            institution: &row.institution,
            aliases: &row.aliases,
            people: row.people,
            roles: row.roles,
        })
        .collect()
}

#[derive(Serialize)]
pub struct VenueJson<'a> {
    #[serde(flatten)]
    pub venue: &'a Venue,
    #[serde(flatten)]
    pub used: VenueUse,
}

pub fn venues(rows: &[(Venue, VenueUse)]) -> Vec<VenueJson<'_>> {
    rows.iter()
        .map(|(venue, used)| VenueJson { venue, used: *used })
        .collect()
}

/// What `venue remove` prints.
#[derive(Serialize)]
pub struct VenueRemoved<'a> {
    pub removed_venue_id: i64,
    pub removed_name: &'a str,
}

pub fn venue_removed(venue: &Venue) -> VenueRemoved<'_> {
    VenueRemoved {
        removed_venue_id: venue.id,
        removed_name: &venue.name,
    }
}

#[derive(Serialize)]
pub struct ProblemJson {
    pub kind: &'static str,
    pub seminars: Vec<i64>,
    pub message: String,
}

pub fn problems(problems: &[Problem]) -> Vec<ProblemJson> {
    problems
        .iter()
        .map(|problem| ProblemJson {
            kind: problem.kind(),
            seminars: problem.seminar_ids(),
            message: super::problems::describe(problem, super::Lang::En),
        })
        .collect()
}

pub fn slots(programme: &Programme) -> Vec<SlotJson<'_>> {
    programme.slots.iter().map(|s| slot(programme, s)).collect()
}

/// Pretty JSON in which every character that could act on a terminal or hide is written as
/// a `\uXXXX` escape: serde_json escapes C0 controls itself, this adds DEL, C1 controls and
/// the bidi, zero-width and other invisible characters. The text stays exactly the same for
/// any JSON reader; only its spelling changes.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    let mut bytes = Vec::new();
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut bytes, TerminalSafe(PrettyFormatter::new()));
    let mut text = match value.serialize(&mut serializer) {
        Ok(()) => String::from_utf8(bytes).unwrap_or_default(),
        Err(error) => format!("{{\"error\": \"{error}\"}}"),
    };
    text.push('\n');
    text
}

struct TerminalSafe<'a>(PrettyFormatter<'a>);

impl Formatter for TerminalSafe<'_> {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut units = [0u16; 2];
        for c in fragment.chars() {
            if is_hidden(c) {
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
            } else {
                writer.write_all(c.encode_utf8(&mut [0; 4]).as_bytes())?;
            }
        }
        Ok(())
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        self.0.end_object_value(writer)
    }
}

/// A published version, as `publish` and `versions` print it.
#[derive(Serialize)]
pub struct VersionJson<'a> {
    pub seminar_id: i64,
    pub slug: &'a str,
    pub number: i64,
    pub published_at: &'a str,
    pub note: Option<&'a str>,
}

pub fn version<'a>(seminar: &'a Seminar, version: &'a Version) -> VersionJson<'a> {
    VersionJson {
        seminar_id: seminar.id,
        slug: &seminar.slug,
        number: version.number,
        published_at: &version.published_at,
        note: version.note.as_deref(),
    }
}

pub fn versions<'a>(seminar: &'a Seminar, versions: &'a [Version]) -> Vec<VersionJson<'a>> {
    versions.iter().map(|v| version(seminar, v)).collect()
}

/// What `changes --json` prints: the version compared with and what changed since.
#[derive(Serialize)]
pub struct ChangesJson<'a> {
    pub seminar_id: i64,
    pub slug: &'a str,
    pub since: VersionJson<'a>,
    /// The number of the last published version.
    pub latest: i64,
    #[serde(flatten)]
    pub changes: &'a Changes,
}

pub fn changes(report: &ChangeReport) -> ChangesJson<'_> {
    ChangesJson {
        seminar_id: report.seminar.id,
        slug: &report.seminar.slug,
        since: version(&report.seminar, &report.since),
        latest: report.latest,
        changes: &report.changes,
    }
}

/// A message draft written by `changes --per-person`.
#[derive(Serialize)]
pub struct DraftJson<'a> {
    pub person_id: i64,
    pub name: &'a str,
    pub email: Option<&'a str>,
    pub eml: String,
    pub txt: String,
}

/// What `changes --per-person --json` prints: the version compared with and the drafts.
#[derive(Serialize)]
pub struct DraftsJson<'a> {
    pub seminar_id: i64,
    pub slug: &'a str,
    pub since: VersionJson<'a>,
    pub drafts: &'a [DraftJson<'a>],
}

pub fn drafts<'a>(report: &'a ChangeReport, drafts: &'a [DraftJson<'a>]) -> DraftsJson<'a> {
    DraftsJson {
        seminar_id: report.seminar.id,
        slug: &report.seminar.slug,
        since: version(&report.seminar, &report.since),
        drafts,
    }
}
