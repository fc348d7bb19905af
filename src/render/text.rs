//! Tables and summaries for the read commands.

use super::Lang;
use super::problems::describe;
use super::when::{hours, long_date, schedule_line, short_days, slot_times};
use super::{Style, affiliation, fields};
use crate::model::conflict::Problem;
use crate::model::{Person, Programme, SeminarSummary, Session, Venue, VenueUse};
use crate::store::{InstitutionRow, PersonRow, RoleRow};

fn nothing(style: &Style) -> String {
    format!("{}\n", style.lang.labels().nothing_found)
}

pub fn seminar_list(seminars: &[SeminarSummary], style: &Style) -> String {
    if seminars.is_empty() {
        return nothing(style);
    }
    let lang = style.lang;
    let labels = lang.labels();
    let mut table = style.table(&[
        "Slug",
        labels.date,
        labels.time,
        labels.title,
        labels.venue,
        labels.speakers,
        labels.status,
    ]);
    for summary in seminars {
        let seminar = &summary.seminar;
        table.add_row(vec![
            seminar.slug.clone(),
            short_days(&seminar.schedule),
            hours(&seminar.schedule, lang),
            seminar.title.clone(),
            seminar
                .venue
                .as_ref()
                .map(|v| v.name.clone())
                .unwrap_or_default(),
            summary.speakers.to_string(),
            lang.status(seminar.status).to_string(),
        ]);
    }
    format!("{table}\n")
}

/// Everything recorded about a seminar, with ids, for the people who maintain it.
pub fn seminar_detail(programme: &Programme, style: &Style) -> String {
    let lang = style.lang;
    let labels = lang.labels();
    let seminar = &programme.seminar;
    let venue = super::venue_line(seminar.venue.as_ref());
    let mut out = fields(&[
        ("ID", format!("#{}", seminar.id)),
        ("Slug", seminar.slug.clone()),
        (labels.title, seminar.title.clone()),
        (labels.theme, seminar.subtitle.clone().unwrap_or_default()),
        (labels.date, schedule_line(&seminar.schedule, lang)),
        (labels.zone, seminar.schedule.zone.name().to_string()),
        (labels.venue, venue),
        (labels.organizers, seminar.organizers.join("\n")),
        (labels.status, lang.status(seminar.status).to_string()),
        (
            labels.about,
            seminar.description.clone().unwrap_or_default(),
        ),
    ]);
    if !programme.roles.is_empty() {
        let mut table = style.table(&[
            labels.role,
            labels.name,
            labels.position,
            labels.institution,
        ]);
        for role in &programme.roles {
            table.add_row(vec![
                lang.role(role.kind).to_string(),
                role.person_name.clone(),
                role.position.clone().unwrap_or_default(),
                role.institution
                    .as_ref()
                    .map(|i| i.name.clone())
                    .unwrap_or_default(),
            ]);
        }
        out.push_str(&format!("\n{table}\n"));
    }
    if !programme.slots.is_empty() {
        out.push_str(&format!("\n{}", slot_list(programme, style)));
    }
    out
}

pub fn slot_list(programme: &Programme, style: &Style) -> String {
    if programme.slots.is_empty() {
        return format!("{}\n", style.lang.labels().no_rundown);
    }
    let lang = style.lang;
    let labels = lang.labels();
    let zone = programme.seminar.schedule.zone;
    let several_days = programme.seminar.schedule.first_day != programme.seminar.schedule.last_day;
    let mut table = style.table(&[
        "ID",
        labels.time,
        labels.minutes,
        labels.kind,
        labels.title,
        labels.people,
    ]);
    for slot in &programme.slots {
        let mut time = slot_times(slot, zone, lang, None);
        if several_days {
            time = format!(
                "{} {time}",
                slot.starts_at.with_timezone(&zone).date_naive()
            );
        }
        let people: Vec<String> = programme
            .people_on(slot)
            .map(|r| r.person_name.clone())
            .collect();
        table.add_row(vec![
            format!("#{}", slot.id),
            time,
            slot.minutes.to_string(),
            lang.slot_kind(slot.kind).to_string(),
            slot.title.clone(),
            people.join(", "),
        ]);
    }
    format!("{table}\n")
}

/// Speakers with position and institution as they were at each seminar, one row per talk,
/// in the columns of every speaker list (see [`super::speakers`]).
pub fn speaker_list(rows: &[RoleRow], style: &Style) -> String {
    if rows.is_empty() {
        return nothing(style);
    }
    let columns = super::speakers::columns(false);
    let headers: Vec<&str> = columns.iter().map(|c| c.label(style.lang)).collect();
    let mut table = style.table(&headers);
    for row in super::speakers::rows(rows, &columns, Some(style.lang)) {
        table.add_row(row);
    }
    format!("{table}\n")
}

pub fn people_list(people: &[PersonRow], style: &Style) -> String {
    if people.is_empty() {
        return nothing(style);
    }
    let labels = style.lang.labels();
    let mut table = style.table(&[
        "ID",
        labels.name,
        labels.position,
        labels.institution,
        labels.seminars,
    ]);
    for row in people {
        table.add_row(vec![
            format!("#{}", row.person.id),
            row.person.name.clone(),
            row.person.position.clone().unwrap_or_default(),
            row.person
                .institution
                .as_ref()
                .map(|i| i.name.clone())
                .unwrap_or_default(),
            row.seminars.to_string(),
        ]);
    }
    format!("{table}\n")
}

/// A person's current details and their part in every seminar, as it was then.
pub fn person_detail(person: &Person, roles: &[RoleRow], style: &Style) -> String {
    let lang = style.lang;
    let labels = lang.labels();
    let mut out = fields(&[
        ("ID", format!("#{}", person.id)),
        (labels.name, person.name.clone()),
        (
            labels.formal_name,
            if person.titles.is_empty() {
                String::new()
            } else {
                person.formal_name()
            },
        ),
        (
            labels.now_at,
            affiliation(person.position.as_deref(), person.institution.as_ref()),
        ),
        (labels.email, person.email.clone().unwrap_or_default()),
        (labels.phone, person.phone.clone().unwrap_or_default()),
    ]);
    if !roles.is_empty() {
        let mut table = style.table(&[
            labels.date,
            labels.seminar,
            labels.role,
            labels.position,
            labels.institution,
            labels.talk,
        ]);
        for row in roles {
            table.add_row(vec![
                short_days(&row.seminar.schedule),
                row.seminar.slug.clone(),
                lang.role(row.role.kind).to_string(),
                row.role.position.clone().unwrap_or_default(),
                row.role
                    .institution
                    .as_ref()
                    .map(|i| i.name.clone())
                    .unwrap_or_default(),
                talk_titles(row),
            ]);
        }
        out.push_str(&format!("\n{table}\n"));
    }
    out
}

pub fn institution_list(institutions: &[InstitutionRow], style: &Style) -> String {
    if institutions.is_empty() {
        return nothing(style);
    }
    let labels = style.lang.labels();
    // The aliases column only where some institution has aliases.
    let aliases = institutions.iter().any(|row| !row.aliases.is_empty());
    let mut header = vec!["ID", labels.name, labels.short_name];
    if aliases {
        header.push(labels.aliases);
    }
    header.extend([labels.people, labels.roles_held]);
    let mut table = style.table(&header);
    for row in institutions {
        let mut cells = vec![
            format!("#{}", row.institution.id),
            row.institution.name.clone(),
            row.institution.short_name.clone().unwrap_or_default(),
        ];
        if aliases {
            cells.push(row.aliases.join(", "));
        }
        cells.extend([row.people.to_string(), row.roles.to_string()]);
        table.add_row(cells);
    }
    format!("{table}\n")
}

pub fn venue_list(venues: &[(Venue, VenueUse)], style: &Style) -> String {
    if venues.is_empty() {
        return nothing(style);
    }
    let labels = style.lang.labels();
    let mut table = style.table(&[
        "ID",
        labels.name,
        labels.address,
        labels.capacity,
        labels.seminars,
        labels.sessions,
        labels.slots,
    ]);
    for (venue, used) in venues {
        table.add_row(vec![
            format!("#{}", venue.id),
            venue.name.clone(),
            venue.address.clone().unwrap_or_default(),
            venue.capacity.map(|c| c.to_string()).unwrap_or_default(),
            used.seminars.to_string(),
            used.sessions.to_string(),
            used.slots.to_string(),
        ]);
    }
    format!("{table}\n")
}

pub fn backup_report(report: &super::json::BackupReport) -> String {
    let records = &report.records;
    format!(
        "Backed up {} seminar(s), {} person(s) and {} institution(s) to {} (schema version {})\n",
        records.seminars, records.people, records.institutions, report.file, report.schema_version
    )
}

pub fn doctor_report(report: &super::json::DoctorReport, style: &Style) -> String {
    let mut table = style.table(&["check", "", "detail"]);
    for check in &report.checks {
        let verdict = if check.ok { "ok" } else { "PROBLEM" };
        table.add_row(vec![
            check.name.to_string(),
            verdict.to_string(),
            check.detail.clone(),
        ]);
    }
    let summary = if report.healthy {
        "The database is sound."
    } else {
        "The database has problems (see above)."
    };
    format!("{table}\n{summary}\n")
}

pub fn problem_report(problems: &[Problem], style: &Style) -> String {
    let labels = style.lang.labels();
    if problems.is_empty() {
        return format!("{}\n", labels.no_problems);
    }
    let mut out = String::new();
    for problem in problems {
        out.push_str(&format!("- {}\n", describe(problem, style.lang)));
    }
    out.push_str(&format!("{} {}\n", problems.len(), labels.problems_found));
    out
}

/// The line a mutating command prints about the seminar it touched.
pub fn seminar_line(seminar: &crate::model::Seminar, style: &Style) -> String {
    let mut line = format!(
        "{} (#{}): {} · {}",
        seminar.slug,
        seminar.id,
        seminar.title,
        schedule_line(&seminar.schedule, style.lang)
    );
    if let Some(venue) = &seminar.venue {
        line.push_str(&format!(" · {}", venue.name));
    }
    line
}

pub fn slot_line(
    slot: &crate::model::Slot,
    zone: crate::model::zone::Zone,
    style: &Style,
) -> String {
    format!(
        "#{} {} {} {} ({} min)",
        slot.id,
        long_date(slot.starts_at.with_timezone(&zone).date_naive(), style.lang),
        slot_times(slot, zone, style.lang, None),
        slot.title,
        slot.minutes
    )
}

fn talk_titles(row: &RoleRow) -> String {
    row.talks
        .iter()
        .map(|talk| talk.title.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `config show`: the config file, then each setting with its value and source.
pub fn settings(config_file: &str, rows: &[(&str, String, String)], style: &Style) -> String {
    let mut table = style.table(&["setting", "value", "from"]);
    for (name, value, source) in rows {
        table.add_row(vec![name.to_string(), value.clone(), source.clone()]);
    }
    format!("Config file: {config_file}\n{table}\n")
}

/// `Added 1 seminar(s), 7 slot(s), …`, or what a dry run would add.
/// What `import` prints: the change report of each seminar on record it updated, then
/// what it added (unless it only updated seminars and added nothing new).
pub fn import_text(outcome: &crate::ops::import::Outcome, dry_run: bool, lang: Lang) -> String {
    let reports: Vec<String> = (outcome.updated.iter())
        .map(|updated| {
            super::versions::updated_text(&updated.seminar, &updated.changes, dry_run, lang)
        })
        .collect();
    let mut out = reports.join("\n");
    if outcome.updated.is_empty() || outcome.added != Default::default() {
        out.push_str(&import_summary(&outcome.added, dry_run, lang));
    }
    out
}

fn import_summary(added: &crate::ops::import::Summary, dry_run: bool, lang: Lang) -> String {
    let (verb, nouns, rehearsed) = match lang {
        Lang::En => (
            if dry_run { "Would add" } else { "Added" },
            [
                "seminar(s)",
                "slot(s)",
                "role(s)",
                "new person(s)",
                "new institution(s)",
                "new venue(s)",
            ],
            "; nothing was changed (dry run)",
        ),
        Lang::Id => (
            if dry_run {
                "Akan ditambahkan"
            } else {
                "Ditambahkan"
            },
            [
                "seminar",
                "acara",
                "peran",
                "orang baru",
                "institusi baru",
                "tempat baru",
            ],
            "; belum ada yang diubah (uji coba)",
        ),
    };
    let counts = [
        added.seminars,
        added.slots,
        added.roles,
        added.people,
        added.institutions,
        added.venues,
    ];
    let counted: Vec<String> = (counts.iter().zip(nouns))
        .map(|(count, noun)| format!("{count} {noun}"))
        .collect();
    let mut line = format!("{verb} {}", counted.join(", "));
    if dry_run {
        line.push_str(rehearsed);
    }
    line.push('\n');
    line
}

/// A seminar's sessions: when, where, who chairs, how many slots.
pub fn session_list(programme: &Programme, style: &Style) -> String {
    if programme.sessions.is_empty() {
        return format!("{}\n", style.lang.labels().no_sessions);
    }
    let lang = style.lang;
    let labels = lang.labels();
    let mut table = style.table(&[
        "ID",
        labels.date,
        labels.time,
        labels.title,
        labels.kind,
        labels.room,
        labels.chairs,
        labels.track,
        labels.rundown,
    ]);
    for session in &programme.sessions {
        let (day, times) = session_when(programme, session, lang);
        table.add_row(vec![
            format!("#{}", session.id),
            day,
            times,
            session.title.clone(),
            lang.session_kind(session.kind).to_string(),
            programme
                .session_room(session)
                .map_or(String::new(), |room| room.name.clone()),
            chair_names(programme, session),
            session.track.clone().unwrap_or_default(),
            programme
                .slots
                .iter()
                .filter(|slot| slot.session_id == Some(session.id))
                .count()
                .to_string(),
        ]);
    }
    format!("{table}\n")
}

/// The day of the seminar a session is on, and its times with the zone.
fn session_when(programme: &Programme, session: &Session, lang: Lang) -> (String, String) {
    let schedule = &programme.seminar.schedule;
    (
        long_date(schedule.day_of(session.starts_at), lang),
        super::when::time_range(session.starts_at, session.ends_at(), schedule.zone, lang),
    )
}

fn chair_names(programme: &Programme, session: &Session) -> String {
    programme
        .chairs_of(session)
        .map(|role| role.person_name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The line a session command prints about the session it touched:
/// `#3 Panel 1B · Wednesday, 12 May 2027 · 10:30–12:00 WIB · Ruang 2 · chair: Siti Rahmawati`.
pub fn session_line(programme: &Programme, session: &Session, style: &Style) -> String {
    let labels = style.lang.labels();
    let (day, times) = session_when(programme, session, style.lang);
    let mut line = format!("#{} {} · {day} · {times}", session.id, session.title);
    if let Some(room) = programme.session_room(session) {
        line.push_str(&format!(" · {}", room.name));
    }
    let chairs = chair_names(programme, session);
    if !chairs.is_empty() {
        line.push_str(&format!(" · {}: {chairs}", labels.chairs.to_lowercase()));
    }
    line
}

/// One session with its slots.
pub fn session_detail(programme: &Programme, session: &Session, style: &Style) -> String {
    let lang = style.lang;
    let labels = lang.labels();
    let (day, times) = session_when(programme, session, lang);
    let mut out = fields(&[
        (labels.title, session.title.clone()),
        (labels.kind, lang.session_kind(session.kind).to_string()),
        (labels.date, day),
        (labels.time, times),
        (
            labels.room,
            (programme.session_room(session)).map_or(String::new(), |room| room.name.clone()),
        ),
        (labels.chairs, chair_names(programme, session)),
        (labels.track, session.track.clone().unwrap_or_default()),
    ]);
    let inside = Programme {
        slots: programme
            .slots
            .iter()
            .filter(|slot| slot.session_id == Some(session.id))
            .cloned()
            .collect(),
        ..programme.clone()
    };
    out.push('\n');
    out.push_str(&slot_list(&inside, style));
    out
}
