//! `import FILE`.

use std::path::PathBuf;

use clap::Args;

use super::progress::Progress;
use super::prompt::Answers;
use super::versions::snapshot;
use super::{Context, PermissionArgs};
use crate::error::Record;
use crate::error::{Error, Result};
use crate::import::{self, Format, ReadOptions};
use crate::ops::import::{Plan, apply_reporting};
use crate::ops::people::NewRole;
use crate::render::{json, text};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file: a JSON archive, a CSV of speakers, a frab/pretalx schedule.xml or an
    /// iCalendar .ics
    pub file: PathBuf,
    /// The file's format [default: from its extension: .json, .csv, .xml, .ics]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// CSV: the seminar every row goes to (slug or #ID), instead of a seminar column;
    /// iCalendar: the seminar on record the events become slots of
    #[arg(long)]
    pub seminar: Option<String>,
    /// The time zone of a schedule that names none [default: the configured zone]
    #[arg(long, value_parser = super::values::zone, value_name = "ZONE")]
    pub tz: Option<crate::model::zone::Zone>,
    /// Check everything and say what would change (for a seminar on record, the change
    /// report), without changing anything
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub permission: PermissionArgs,
}

pub fn run(args: ImportArgs, context: &Context) -> Result<()> {
    let format = match args.format.or_else(|| Format::of_path(&args.file)) {
        Some(format) => format,
        None => {
            return Err(Error::usage(format!(
                "format: cannot tell the format of {} from its name; pass --format json, csv, frab or ics",
                args.file.display()
            )));
        }
    };
    let progress = Progress::start(&format!("Reading {}", args.file.display()));
    let bytes = import::read_bytes(&args.file)?;
    let options = ReadOptions {
        seminar: args.seminar,
        today: context.today,
        zone: args.tz.or_else(|| context.configured_zone()),
    };
    let plan = import::read_file(&args.file, bytes, format, &options)?;
    drop(progress);
    let mut store = context.open()?;
    let outcome = context.settle(args.permission.into(), |answers, permission| {
        let plan = answered(&plan, answers);
        // A progress bar per try: the previous one is gone before a question is asked.
        let progress = Progress::start("Importing");
        progress.stage(
            "Importing",
            Some((plan.seminars.len() + plan.roles.len()) as u64),
        );
        let report = |done, _| progress.set_position(done);
        if args.dry_run {
            store.rehearse(|db| apply_reporting(db, plan, permission, &snapshot, &mut { report }))
        } else {
            store.write(|db| {
                apply_reporting(db, plan.clone(), permission, &snapshot, &mut { report })
            })
        }
    })?;
    // What was added is counted in the summary line; the rest (forced problems, updated
    // roles) is told one by one.
    let notices: Vec<_> = (outcome.notices.iter())
        .filter(|notice| !matches!(notice, crate::ops::Notice::Created { .. }))
        .cloned()
        .collect();
    context.tell(&notices);
    if context.json {
        return context.print_json(&json::import_report(&outcome, args.dry_run));
    }
    context.print(&text::import_text(
        &outcome,
        args.dry_run,
        context.style.lang,
    ))
}

/// The plan with the names the user chose at "did you mean ...?" in place of the file's.
fn answered(plan: &Plan, answers: &Answers) -> Plan {
    let role = |role: &NewRole| NewRole {
        name: answers.resolve(Record::Person, &role.name),
        institution: answers.resolve_option(Record::Institution, &role.institution),
        ..role.clone()
    };
    let mut plan = plan.clone();
    for entry in &mut plan.seminars {
        entry.seminar.venue = answers.resolve_option(Record::Venue, &entry.seminar.venue);
        if let Some(venue) = &mut entry.venue {
            venue.name = answers.resolve(Record::Venue, &venue.name);
        }
        entry.roles = entry.roles.iter().map(role).collect();
        for session in &mut entry.sessions {
            session.room = answers.resolve_option(Record::Venue, &session.room);
        }
        for slot in &mut entry.slots {
            slot.people = (slot.people.iter())
                .map(|name| answers.resolve(Record::Person, name))
                .collect();
            slot.place.room = answers.resolve_option(Record::Venue, &slot.place.room);
        }
    }
    for entry in &mut plan.slots {
        entry.slot.place.room = answers.resolve_option(Record::Venue, &entry.slot.place.room);
    }
    for venue in &mut plan.venues {
        venue.name = answers.resolve(Record::Venue, &venue.name);
    }
    for entry in &mut plan.roles {
        entry.role = role(&entry.role);
        if let Some(talk) = &mut entry.role.talk {
            talk.place.room = answers.resolve_option(Record::Venue, &talk.place.room);
        }
    }
    plan
}
