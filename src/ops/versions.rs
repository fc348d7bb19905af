//! `publish`, `versions` and `changes`: published versions of a seminar's schedule.
//!
//! A snapshot is the seminar's JSON, which the caller renders (`snapshot_of`): this layer
//! never formats output.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

use super::find_seminar;
use super::seminars::programme_of;
use crate::error::{Error, Result};
use std::collections::HashMap;

use crate::model::Contact;
use crate::model::versions::{self, Affected, Cast, Changes, Publication, Snapshot, Version};
use crate::model::{Programme, Seminar};
use crate::store::Db;

/// Which published version `changes` compares with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Since {
    /// Version N.
    Number(i64),
    /// The last version published on or before that day.
    Date(NaiveDate),
}

/// Records the seminar's schedule as it is now as its next version.
pub fn publish(
    db: &Db<'_>,
    reference: &str,
    note: Option<String>,
    now: DateTime<Utc>,
    snapshot_of: &dyn Fn(&Programme) -> String,
) -> Result<(Seminar, Version)> {
    let seminar = find_seminar(db, reference)?;
    let number = db.versions_of_seminar(seminar.id)?.len() as i64 + 1;
    let programme = programme_of(db, seminar)?;
    let version = Version {
        number,
        published_at: now.to_rfc3339_opts(SecondsFormat::Secs, true),
        note: note.filter(|note| !note.trim().is_empty()),
        snapshot: snapshot_of(&programme),
    };
    db.insert_version(programme.seminar.id, &version)?;
    Ok((programme.seminar, version))
}

/// The seminar's published versions, oldest first.
pub fn versions(db: &Db<'_>, reference: &str) -> Result<(Seminar, Vec<Version>)> {
    let seminar = find_seminar(db, reference)?;
    let versions = db.versions_of_seminar(seminar.id)?;
    Ok((seminar, versions))
}

/// What `changes` reports: the version compared with, and what changed since.
#[derive(Debug, Clone)]
pub struct ChangeReport {
    pub seminar: Seminar,
    pub since: Version,
    /// The number of the last published version.
    pub latest: i64,
    pub changes: Changes,
}

fn parse(version: &Version) -> Result<Snapshot> {
    Snapshot::parse(&version.snapshot).map_err(Error::Storage)
}

/// The change report since a published version, with the snapshot of the schedule now.
fn compare(
    db: &Db<'_>,
    reference: &str,
    since: Option<Since>,
    snapshot_of: &dyn Fn(&Programme) -> String,
) -> Result<(ChangeReport, String)> {
    let seminar = find_seminar(db, reference)?;
    let mut published = db.versions_of_seminar(seminar.id)?;
    let Some(latest) = published.last().map(|version| version.number) else {
        return Err(Error::Refused(format!(
            "{} has no published version to compare with; run 'seminar publish {}' first",
            seminar.slug, seminar.slug
        )));
    };
    let index = match since {
        None => published.len() - 1,
        Some(Since::Number(number)) => published
            .iter()
            .position(|version| version.number == number)
            .ok_or_else(|| Error::NotFound {
                what: "version",
                name: number.to_string(),
                suggestions: Vec::new(),
                see: "seminar versions SEMINAR",
            })?,
        Some(Since::Date(day)) => published
            .iter()
            .rposition(|version| version.date() <= day.to_string().as_str())
            .ok_or_else(|| {
                Error::Refused(format!(
                    "since: no version of {} was published on or before {day}; the first was published on {}",
                    seminar.slug,
                    published[0].date()
                ))
            })?,
    };
    let since = published.swap_remove(index);
    let before = parse(&since)?;
    let programme = programme_of(db, seminar)?;
    let now_text = snapshot_of(&programme);
    let now = Snapshot::parse(&now_text).map_err(Error::Storage)?;
    let report = ChangeReport {
        changes: versions::changes(&before, &now),
        seminar: programme.seminar,
        since,
        latest,
    };
    Ok((report, now_text))
}

/// What changed in the seminar's schedule since a published version (by default the last).
pub fn changes(
    db: &Db<'_>,
    reference: &str,
    since: Option<Since>,
    snapshot_of: &dyn Fn(&Programme) -> String,
) -> Result<ChangeReport> {
    compare(db, reference, since, snapshot_of).map(|(report, _)| report)
}

/// What `changes --per-person` drafts messages from: the change report, the people whose
/// part changed, and their contacts.
#[derive(Debug, Clone)]
pub struct AffectedReport {
    pub report: ChangeReport,
    pub affected: Vec<Affected>,
    pub contacts: HashMap<i64, Contact>,
}

/// [`changes`], with who is affected and how, and their contacts.
pub fn affected(
    db: &Db<'_>,
    reference: &str,
    since: Option<Since>,
    snapshot_of: &dyn Fn(&Programme) -> String,
) -> Result<AffectedReport> {
    let (report, now_text) = compare(db, reference, since, snapshot_of)?;
    let before = Cast::parse(&report.since.snapshot).map_err(Error::Storage)?;
    let now = Cast::parse(&now_text).map_err(Error::Storage)?;
    let affected = versions::affected(&report.changes, &before, &now);
    let ids: Vec<i64> = affected.iter().map(|a| a.person.id).collect();
    let contacts = db.contacts(&ids)?;
    Ok(AffectedReport {
        report,
        affected,
        contacts,
    })
}

/// Adds to a programme what its publications keep: the cancelled sessions and slots, the
/// last version, whether the schedule has changed since, and each item's sequence. A
/// seminar never published is left as it is.
pub fn add_history(
    db: &Db<'_>,
    programme: &mut Programme,
    snapshot_of: &dyn Fn(&Programme) -> String,
) -> Result<()> {
    let id = programme.seminar.id;
    let published = db.versions_of_seminar(id)?;
    let Some(last) = published.last() else {
        return Ok(());
    };
    let mut chain = published.iter().map(parse).collect::<Result<Vec<_>>>()?;
    let now = Snapshot::parse(&snapshot_of(programme)).map_err(Error::Storage)?;
    let draft = chain.last() != Some(&now);
    chain.push(now);
    programme.history.cancelled_sessions = db.cancelled_sessions_of_seminar(id)?;
    programme.history.cancelled_slots = db.cancelled_slots_of_seminar(id)?;
    programme.history.publication = Some(Publication {
        number: last.number,
        date: last.date().to_string(),
        draft,
        sequences: versions::sequences(&chain),
    });
    Ok(())
}

/// [`add_history`] for many programmes, with one query for those never published.
pub fn add_histories(
    db: &Db<'_>,
    programmes: &mut [Programme],
    snapshot_of: &dyn Fn(&Programme) -> String,
) -> Result<()> {
    let ids: Vec<i64> = programmes.iter().map(|p| p.seminar.id).collect();
    let published = db.published_seminars(&ids)?;
    for programme in programmes {
        if published.contains(&programme.seminar.id) {
            add_history(db, programme, snapshot_of)?;
        }
    }
    Ok(())
}

/// Whether removing a talk or session should keep it as cancelled: once the seminar's
/// schedule has been published, calendars hold it and must hear of its cancellation.
pub fn keeps_cancelled(db: &Db<'_>, seminar_id: i64) -> Result<bool> {
    db.has_versions(seminar_id)
}
