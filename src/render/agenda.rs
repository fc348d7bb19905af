//! The agenda of one seminar as text, and the calendar-like list of coming seminars.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::when::{hours, long_date, schedule_line, slot_times};
use super::{Style, affiliation, fields, role_line, venue_line};
use crate::model::{Programme, Role, RoleKind, SeminarSummary, Slot, Status};

fn person_cell(role: &Role) -> String {
    let affiliation = affiliation(role.position.as_deref(), role.institution.as_ref());
    if affiliation.is_empty() {
        role.person_name.clone()
    } else {
        format!("{}\n{affiliation}", role.person_name)
    }
}

/// The header (title, theme, date and hours, venue, organizers, moderator) and the rundown.
pub fn agenda(programme: &Programme, style: &Style) -> String {
    let lang = style.lang;
    let labels = lang.labels();
    let seminar = &programme.seminar;
    let mut out = String::new();
    out.push_str(&seminar.title);
    out.push('\n');
    if let Some(subtitle) = &seminar.subtitle {
        out.push_str(subtitle);
        out.push('\n');
    }
    out.push('\n');
    let moderators: Vec<String> = programme
        .roles_of(RoleKind::Moderator)
        .map(role_line)
        .collect();
    let mut rows = vec![
        (labels.date, schedule_line(&seminar.schedule, lang)),
        (labels.venue, venue_line(programme.seminar.venue.as_ref())),
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
        rows.push((labels.status, lang.status(seminar.status).to_string()));
    }
    out.push_str(&fields(&rows));
    if let Some(description) = &seminar.description {
        out.push('\n');
        out.push_str(description);
        out.push('\n');
    }

    let speakers_without_slot: Vec<&Role> = programme
        .roles_of(RoleKind::Speaker)
        .filter(|role| programme.slots_of(role).next().is_none())
        .collect();
    out.push('\n');
    if programme.slots.is_empty() {
        if speakers_without_slot.is_empty() {
            out.push_str(labels.no_rundown);
            out.push('\n');
        }
    } else {
        out.push_str(&rundown(programme, style));
    }
    if !speakers_without_slot.is_empty() {
        if !programme.slots.is_empty() {
            out.push('\n');
        }
        out.push_str(labels.speakers);
        out.push('\n');
        for role in speakers_without_slot {
            out.push_str(&format!("- {}\n", role_line(role)));
        }
    }
    out
}

/// The rundown tables, one per day for a seminar of several days.
fn rundown(programme: &Programme, style: &Style) -> String {
    let lang = style.lang;
    let labels = lang.labels();
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
    let mut out = String::new();
    for (index, (day, slots)) in by_day.iter().enumerate() {
        if several_days {
            if index > 0 {
                out.push('\n');
            }
            out.push_str(&long_date(*day, lang));
            out.push('\n');
        }
        let mut table = style.table(&[
            &format!(
                "{} ({})",
                labels.time,
                super::when::zone_abbreviation(zone, slots[0].starts_at)
            ),
            labels.session,
            labels.speaker,
        ]);
        for slot in slots {
            let session = session_title(slot, lang);
            let people: Vec<String> = programme.people_on(slot).map(person_cell).collect();
            table.add_row(vec![
                slot_times(slot, zone, lang),
                session,
                people.join("\n"),
            ]);
        }
        out.push_str(&table.to_string());
        out.push('\n');
    }
    out
}

/// A slot's title, tagged with its kind unless it is a talk or the title already says it.
fn session_title(slot: &Slot, lang: super::Lang) -> String {
    let kind = lang.slot_kind(slot.kind);
    let says_it = [kind, super::Lang::En.slot_kind(slot.kind)]
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
