//! `versions` and `changes` as text and Markdown, and the "version N" line of agendas.

use chrono::{DateTime, NaiveDate};

use super::when::{clock, long_date};
use super::{Lang, Style};
use crate::model::Seminar;
use crate::model::versions::{
    Aspect, ChangeKind, Changes, Item, ItemChange, ItemState, Publication, SeminarChange,
    SeminarField, Version,
};
use crate::ops::versions::ChangeReport;

struct Words {
    version: &'static str,
    published: &'static str,
    note: &'static str,
    no_versions: &'static str,
    draft: &'static str,
    since: &'static str,
    nothing_changed: &'static str,
    added: &'static str,
    cancelled: &'static str,
    moved: &'static str,
    retitled: &'static str,
    relengthened: &'static str,
    details: &'static str,
    people_added: &'static str,
    people_removed: &'static str,
    session: &'static str,
    slot: &'static str,
    minutes: &'static str,
    none: &'static str,
    updated: &'static str,
    would_update: &'static str,
    already_as_file: &'static str,
}

const EN: Words = Words {
    version: "Version",
    published: "Published",
    note: "Note",
    no_versions: "No published version yet.",
    draft: "draft",
    since: "Changes since version",
    nothing_changed: "Nothing has changed.",
    added: "added",
    cancelled: "cancelled",
    moved: "moved",
    retitled: "retitled",
    relengthened: "length changed",
    details: "details changed",
    people_added: "joined",
    people_removed: "left",
    session: "session",
    slot: "slot",
    minutes: "min",
    none: "none",
    updated: "updated from the file",
    would_update: "would be updated from the file; nothing was changed (dry run)",
    already_as_file: "already as in the file; nothing has changed",
};

const ID: Words = Words {
    version: "Versi",
    published: "Diterbitkan",
    note: "Catatan",
    no_versions: "Belum ada versi yang diterbitkan.",
    draft: "draf",
    since: "Perubahan sejak versi",
    nothing_changed: "Tidak ada perubahan.",
    added: "ditambahkan",
    cancelled: "batal",
    moved: "dipindah",
    retitled: "judul diubah",
    relengthened: "durasi diubah",
    details: "rincian diubah",
    people_added: "bergabung",
    people_removed: "keluar",
    session: "sesi",
    slot: "acara",
    minutes: "menit",
    none: "tidak ada",
    updated: "diperbarui dari berkas",
    would_update: "akan diperbarui dari berkas; belum ada yang diubah (uji coba)",
    already_as_file: "sudah sama dengan berkas; tidak ada perubahan",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Id => &ID,
    }
}

/// The marker of a cancelled item in an agenda: "(cancelled)" or "(batal)".
pub fn cancelled_marker(lang: Lang) -> String {
    format!("({})", words(lang).cancelled)
}

fn day(text: &str, lang: Lang) -> String {
    match text.parse::<NaiveDate>() {
        Ok(date) => long_date(date, lang),
        Err(_) => text.to_string(),
    }
}

/// "version 2, Kamis, 1 April 2027" (", draft" with unpublished changes), under an agenda's
/// title.
pub fn version_line(publication: &Publication, lang: Lang) -> String {
    let words = words(lang);
    let mut line = format!(
        "{} {}, {}",
        words.version.to_lowercase(),
        publication.number,
        day(&publication.date, lang)
    );
    if publication.draft {
        line.push_str(&format!(" ({})", words.draft));
    }
    line
}

/// What `publish` prints.
pub fn published(seminar: &Seminar, version: &Version, lang: Lang) -> String {
    match lang {
        Lang::En => format!("published version {} of {}\n", version.number, seminar.slug),
        Lang::Id => format!(
            "versi {} dari {} diterbitkan\n",
            version.number, seminar.slug
        ),
    }
}

pub fn versions(seminar: &Seminar, versions: &[Version], style: &Style) -> String {
    let words = words(style.lang);
    if versions.is_empty() {
        return format!("{}: {}\n", seminar.slug, words.no_versions);
    }
    let mut table = style.table(&[words.version, words.published, words.note]);
    for version in versions {
        table.add_row(vec![
            version.number.to_string(),
            day(version.date(), style.lang),
            version.note.clone().unwrap_or_default(),
        ]);
    }
    format!("{table}\n")
}

/// Where and when an item is: `Kamis, 18 Mei 2027 09.00, 30 min, Ruang 2`.
fn place(state: &ItemState, lang: Lang) -> String {
    let words = words(lang);
    let when = match DateTime::parse_from_rfc3339(&state.starts_at) {
        Ok(at) => format!(
            "{} {}",
            long_date(at.date_naive(), lang),
            clock(at.time(), lang)
        ),
        Err(_) => state.starts_at.clone(),
    };
    let mut text = format!("{when}, {} {}", state.minutes, words.minutes);
    if let Some(room) = &state.room {
        text.push_str(&format!(", {room}"));
    }
    text
}

fn seminar_field(field: SeminarField, lang: Lang) -> &'static str {
    match (lang, field) {
        (Lang::En, SeminarField::Title) => "title",
        (Lang::En, SeminarField::Date) => "date",
        (Lang::En, SeminarField::Hours) => "hours",
        (Lang::En, SeminarField::TimeZone) => "time zone",
        (Lang::En, SeminarField::Venue) => "venue",
        (Lang::En, SeminarField::Status) => "status",
        (Lang::En, SeminarField::ModeratorAdded) => "moderator added",
        (Lang::En, SeminarField::ModeratorRemoved) => "moderator removed",
        (Lang::En, SeminarField::McAdded) => "MC added",
        (Lang::En, SeminarField::McRemoved) => "MC removed",
        (Lang::Id, SeminarField::Title) => "judul",
        (Lang::Id, SeminarField::Date) => "tanggal",
        (Lang::Id, SeminarField::Hours) => "waktu",
        (Lang::Id, SeminarField::TimeZone) => "zona waktu",
        (Lang::Id, SeminarField::Venue) => "tempat",
        (Lang::Id, SeminarField::Status) => "status",
        (Lang::Id, SeminarField::ModeratorAdded) => "moderator ditambahkan",
        (Lang::Id, SeminarField::ModeratorRemoved) => "moderator dilepas",
        (Lang::Id, SeminarField::McAdded) => "pembawa acara ditambahkan",
        (Lang::Id, SeminarField::McRemoved) => "pembawa acara dilepas",
    }
}

fn seminar_line(change: &SeminarChange, lang: Lang) -> String {
    let words = words(lang);
    let value = |value: &Option<String>| value.clone().unwrap_or_else(|| words.none.into());
    match change.field {
        SeminarField::ModeratorAdded | SeminarField::McAdded => {
            format!(
                "{}: {}",
                seminar_field(change.field, lang),
                value(&change.to)
            )
        }
        SeminarField::ModeratorRemoved | SeminarField::McRemoved => {
            format!(
                "{}: {}",
                seminar_field(change.field, lang),
                value(&change.from)
            )
        }
        field => format!(
            "{}: {} → {}",
            seminar_field(field, lang),
            value(&change.from),
            value(&change.to)
        ),
    }
}

/// The lines that say what happened to one item: its heading, then its details.
fn item_lines(change: &ItemChange, lang: Lang) -> (String, Vec<String>) {
    let words = words(lang);
    let noun = match change.item {
        Item::Session => words.session,
        Item::Slot => words.slot,
    };
    let mut details = Vec::new();
    let what = match change.change {
        ChangeKind::Added => {
            details.extend(change.after.as_ref().map(|state| place(state, lang)));
            words.added.to_string()
        }
        ChangeKind::Cancelled => {
            details.extend(change.before.as_ref().map(|state| place(state, lang)));
            words.cancelled.to_string()
        }
        ChangeKind::Changed => {
            let (before, after) = (change.before.as_ref(), change.after.as_ref());
            let mut aspects = Vec::new();
            for aspect in &change.aspects {
                match aspect {
                    Aspect::Moved => aspects.push(words.moved),
                    Aspect::Retitled => aspects.push(words.retitled),
                    Aspect::Relengthened => aspects.push(words.relengthened),
                    Aspect::Details => aspects.push(words.details),
                    Aspect::People => {}
                }
            }
            if let (Some(before), Some(after)) = (before, after) {
                if change.aspects.contains(&Aspect::Retitled) {
                    details.push(format!("'{}' → '{}'", before.title, after.title));
                }
                if change.aspects.contains(&Aspect::Moved)
                    || change.aspects.contains(&Aspect::Relengthened)
                {
                    details.push(format!("{} → {}", place(before, lang), place(after, lang)));
                }
            }
            if !change.people_added.is_empty() {
                details.push(format!(
                    "{}: {}",
                    words.people_added,
                    change.people_added.join(", ")
                ));
            }
            if !change.people_removed.is_empty() {
                details.push(format!(
                    "{}: {}",
                    words.people_removed,
                    change.people_removed.join(", ")
                ));
            }
            if aspects.is_empty() {
                aspects.push(match lang {
                    Lang::En => "people changed",
                    Lang::Id => "orang berubah",
                });
            }
            aspects.join(", ")
        }
    };
    (format!("{noun} '{}': {what}", change.title()), details)
}

fn heading(report: &ChangeReport, lang: Lang) -> String {
    let words = words(lang);
    format!(
        "{} — {} {} ({})",
        report.seminar.title,
        words.since.to_lowercase(),
        report.since.number,
        day(report.since.date(), lang)
    )
}

pub fn changes_text(report: &ChangeReport, lang: Lang) -> String {
    format!(
        "{}\n\n{}",
        heading(report, lang),
        change_lines(&report.changes, lang)
    )
}

/// What `import` prints for a seminar on record that a file updated in place (or would,
/// with `--dry-run`): the change report, as `changes` words it.
pub fn updated_text(seminar: &Seminar, changes: &Changes, dry_run: bool, lang: Lang) -> String {
    let words = words(lang);
    if changes.is_empty() {
        return format!("{} — {}\n", seminar.title, words.already_as_file);
    }
    let verb = if dry_run {
        words.would_update
    } else {
        words.updated
    };
    format!(
        "{} — {verb}\n\n{}",
        seminar.title,
        change_lines(changes, lang)
    )
}

/// One line per change, its details indented below it; "Nothing has changed." for none.
fn change_lines(changes: &Changes, lang: Lang) -> String {
    let mut out = String::new();
    if changes.is_empty() {
        out.push_str(words(lang).nothing_changed);
        out.push('\n');
        return out;
    }
    for change in &changes.seminar {
        out.push_str(&format!("* {}\n", seminar_line(change, lang)));
    }
    for change in &changes.items {
        let (line, details) = item_lines(change, lang);
        out.push_str(&format!("* {line}\n"));
        for detail in details {
            out.push_str(&format!("    {detail}\n"));
        }
    }
    out
}

fn markdown_text(text: &str) -> String {
    super::markdown::escape(text)
}

pub fn changes_markdown(report: &ChangeReport, lang: Lang) -> String {
    let mut out = format!("# {}\n\n", markdown_text(&heading(report, lang)));
    if report.changes.is_empty() {
        out.push_str(&markdown_text(words(lang).nothing_changed));
        out.push('\n');
        return out;
    }
    for change in &report.changes.seminar {
        out.push_str(&format!(
            "- {}\n",
            markdown_text(&seminar_line(change, lang))
        ));
    }
    for change in &report.changes.items {
        let (line, details) = item_lines(change, lang);
        out.push_str(&format!("- {}\n", markdown_text(&line)));
        for detail in details {
            out.push_str(&format!("  - {}\n", markdown_text(&detail)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_line_says_draft_when_the_schedule_changed_since() {
        let mut publication = Publication {
            number: 2,
            date: "2027-04-01".into(),
            ..Publication::default()
        };
        assert_eq!(
            version_line(&publication, Lang::En),
            "version 2, Thursday, 1 April 2027"
        );
        publication.draft = true;
        assert_eq!(
            version_line(&publication, Lang::Id),
            "versi 2, Kamis, 1 April 2027 (draf)"
        );
    }

    #[test]
    fn an_update_from_a_file_is_reported_as_changes_words_it() {
        let schedule = crate::model::Schedule::daily(
            crate::model::zone::Zone::known("Asia/Jakarta"),
            "2027-05-18".parse().unwrap(),
            "2027-05-18".parse().unwrap(),
            chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
        );
        let seminar = Seminar {
            id: 1,
            uid: String::new(),
            slug: "kss".into(),
            title: "Seminar".into(),
            subtitle: None,
            description: None,
            organizers: Vec::new(),
            status: crate::model::Status::Confirmed,
            schedule,
            venue: None,
        };
        let state = ItemState {
            uid: "a".into(),
            title: "Talk".into(),
            starts_at: "2027-05-18T09:00:00+07:00".into(),
            minutes: 30,
            room: None,
            people: Vec::new(),
            ..ItemState::default()
        };
        let changes = Changes {
            seminar: Vec::new(),
            items: vec![ItemChange {
                item: Item::Slot,
                uid: "a".into(),
                change: ChangeKind::Added,
                aspects: Vec::new(),
                before: None,
                after: Some(state),
                people_added: Vec::new(),
                people_removed: Vec::new(),
            }],
        };
        assert_eq!(
            updated_text(&seminar, &changes, false, Lang::En),
            "Seminar — updated from the file\n\n* slot 'Talk': added\n    Tuesday, 18 May 2027 09:00, 30 min\n"
        );
        assert_eq!(
            updated_text(&seminar, &Changes::default(), true, Lang::Id),
            "Seminar — sudah sama dengan berkas; tidak ada perubahan\n"
        );
    }
}
