//! `speaker add|remove|list`.

use chrono::{NaiveDate, NaiveTime};
use clap::{Args, Subcommand};

use super::guide::{self, Guide};
use super::values::{date, minutes, time_of_day};
use super::{Context, PermissionArgs};
use crate::error::{Error, Record, Result};
use crate::model::RoleKind;
use crate::model::draft::Draft;
use crate::ops::people::{self, NewRole, NewTalk};
use crate::ops::slots::SlotPlace;
use crate::ops::{self, Permission};
use crate::render::{json, role_line, text};

#[derive(Debug, Subcommand)]
pub enum SpeakerCommand {
    /// Add a speaker, with a talk slot if --talk is given
    #[command(
        after_help = "Example:\n  seminar speaker add kss-2017 \"Dinur Krismasari\" --position \"Senior Representative\" \\\n    --institution \"JICA Indonesia\" --talk \"Japan's triangular cooperation\" --at 09:45 --minutes 30"
    )]
    Add(AddArgs),
    /// Remove a speaker from a seminar, and the talks only they gave there
    #[command(after_help = "Example:\n  seminar speaker remove kss-2017 \"Dinur Krismasari\"")]
    Remove(RemoveArgs),
    /// List speakers with position and institution as they were at each seminar
    #[command(
        after_help = "Examples:\n  seminar speaker list kss-2017\n  seminar speaker list --institution JICA"
    )]
    List(ListArgs),
}

/// Who a person is, for `speaker add` and `moderator assign`.
#[derive(Debug, Args)]
pub struct PersonArgs {
    /// The seminar: its slug (kss-2017) or #ID
    pub seminar: String,
    /// The person: NAME (any case or accents), "NAME (INSTITUTION)", "NAME <email>" or #ID;
    /// a name several people share must say which. Without one (on a terminal) known
    /// people are offered to pick from
    pub name: Option<String>,
    /// Their institution, by name, short name or alias (added if new); "Name (ABBR)" sets a short name
    #[arg(long, value_name = "INST")]
    pub institution: Option<String>,
    /// Their position at the time of this seminar
    #[arg(long, value_name = "TEXT")]
    pub position: Option<String>,
    /// Their email (personal data: kept out of exports)
    #[arg(long)]
    pub email: Option<String>,
    /// Their phone number (personal data: kept out of exports)
    #[arg(long)]
    pub phone: Option<String>,
    /// Their titles and degrees, as on a certificate: front titles, a comma, back degrees
    /// ("Prof. Dr., M.Si.", "Dr.", ", M.A."); "" removes them. Titles written in NAME
    /// ("Dr. Siti Rahmawati, M.A.") are taken too
    #[arg(long, value_name = "FRONT, BACK")]
    pub titles: Option<String>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    #[command(flatten)]
    pub person: PersonArgs,
    /// Title of their talk: creates a talk slot
    #[arg(long, value_name = "TITLE", requires_all = ["at", "minutes"])]
    pub talk: Option<String>,
    /// When the talk starts
    #[arg(long, value_parser = time_of_day, value_name = "HH:MM", requires = "talk")]
    pub at: Option<NaiveTime>,
    /// The day of the talk, for a seminar of several days [default: the first day]
    #[arg(long, value_parser = date, value_name = "DATE", requires = "talk")]
    pub on: Option<NaiveDate>,
    /// Length of the talk in minutes
    #[arg(long, value_parser = minutes, value_name = "N", requires = "talk", allow_hyphen_values = true)]
    pub minutes: Option<u32>,
    /// The room of the talk (added as a venue if new) [default: its session's, else the
    /// seminar's venue]
    #[arg(long, value_name = "VENUE", requires = "talk")]
    pub room: Option<String>,
    /// The session the talk belongs to: its title or #ID
    #[arg(long, value_name = "SESSION", requires = "talk")]
    pub session: Option<String>,
    /// Record them as a keynote speaker (busy during their talks, like a speaker)
    #[arg(long)]
    pub keynote: bool,
    #[command(flatten)]
    pub permission: PermissionArgs,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The seminar: its slug (kss-2017) or #ID
    pub seminar: String,
    /// The speaker: NAME, "NAME (INSTITUTION)", "NAME <email>" or #ID
    pub name: String,
    /// Remove their keynote role [default: their speaker role, else their keynote role]
    #[arg(long)]
    pub keynote: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this seminar's speakers (slug or #ID)
    pub seminar: Option<String>,
    /// Only those who spoke for this institution (name or short name)
    #[arg(long, value_name = "INST")]
    pub institution: Option<String>,
    /// Output format (--json is the same as --format json)
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
    /// Write to this file (replaced atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// CSV and JSON: add emails and phones (personal data: left out otherwise)
    #[arg(long)]
    pub include_contacts: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    /// A table
    Text,
    /// CSV with the columns `seminar import` reads back
    Csv,
    /// JSON (see README: JSON shapes)
    Json,
    /// A Markdown table
    Markdown,
}

/// `speaker add` and `moderator assign`: the role from the arguments, with what is missing
/// asked for on a terminal, written with "did you mean ...?" for names close to others.
pub fn add_role(
    kind: RoleKind,
    person: PersonArgs,
    talk: Option<NewTalk>,
    permission: Permission,
    context: &Context,
) -> Result<()> {
    let (label, command) = match kind {
        RoleKind::Speaker => ("Speaker", "speaker add"),
        RoleKind::Keynote => ("Keynote speaker", "speaker add"),
        RoleKind::Moderator => ("Moderator", "moderator assign"),
        RoleKind::Mc => ("MC", "moderator assign"),
    };
    let seminar = person.seminar;
    let given = NewRole {
        kind,
        name: person.name.clone().unwrap_or_default(),
        institution: person.institution,
        position: person.position,
        email: person.email,
        phone: person.phone,
        titles: person.titles,
        talk,
        from_file: ops::FileIdentity::default(),
    };
    let (input, permission) = match person.name {
        Some(_) => (given, permission),
        None if !context.interactive => return Err(guide::missing(command, &["NAME"])),
        None => {
            let programme = context
                .open()?
                .read(|db| ops::seminars::programme(db, &seminar))?;
            let mut guide = Guide::new(context, permission)?;
            let Some(name) = guide.person(label)? else {
                return Err(Error::refused(format!(
                    "no {} chosen: nothing was changed",
                    label.to_lowercase()
                )));
            };
            let mut draft = Draft::of(&programme).map_err(Error::usage)?;
            let role = guide.role(NewRole { name, ..given }, &mut draft)?;
            (role, guide.permission)
        }
    };
    let mut store = context.open()?;
    let (role, notices) = context.settle(permission, |answers, permission| {
        let input = NewRole {
            name: answers.resolve(Record::Person, &input.name),
            institution: answers.resolve_option(Record::Institution, &input.institution),
            ..input.clone()
        };
        store.write(|db| people::add_role(db, &seminar, input.clone(), permission))
    })?;
    context.tell(&notices);
    print_role(label, &role, &seminar, context)
}

pub fn run(command: SpeakerCommand, context: &Context) -> Result<()> {
    match command {
        SpeakerCommand::Add(args) => {
            let talk = match (args.talk, args.at, args.minutes) {
                (Some(title), Some(at), Some(minutes)) => Some(NewTalk {
                    title,
                    at,
                    on: args.on,
                    minutes,
                    place: SlotPlace {
                        room: args.room,
                        session: args.session,
                        track: None,
                    },
                }),
                _ => None,
            };
            add_role(
                RoleKind::flagged(true, args.keynote),
                args.person,
                talk,
                args.permission.into(),
                context,
            )
        }
        SpeakerCommand::Remove(args) => {
            let mut store = context.open()?;
            let kinds: &[RoleKind] = if args.keynote {
                &[RoleKind::Keynote]
            } else {
                &[RoleKind::Speaker, RoleKind::Keynote]
            };
            let (role, notices) =
                store.write(|db| people::remove_role(db, &args.seminar, &args.name, kinds))?;
            context.tell(&notices);
            if context.json {
                context.print_json(&json::Removed::role(role.id))
            } else {
                context.print(&format!(
                    "Removed {} {} from {}\n",
                    role.kind.noun(),
                    role.person_name,
                    args.seminar
                ))
            }
        }
        SpeakerCommand::List(args) => {
            let format = if context.json {
                ListFormat::Json
            } else {
                args.format
            };
            if args.include_contacts && !matches!(format, ListFormat::Csv | ListFormat::Json) {
                return Err(Error::usage(
                    "--include-contacts: only --format csv and json carry emails and phones",
                ));
            }
            let output = context.output(args.output.as_deref())?;
            let rows = context.open()?.read(|db| {
                let mut rows =
                    people::speakers(db, args.seminar.as_deref(), args.institution.as_deref())?;
                if args.include_contacts {
                    people::add_contacts(db, rows.iter_mut().map(|row| &mut row.role))?;
                }
                Ok(rows)
            })?;
            let document = match format {
                ListFormat::Text => text::speaker_list(&rows, &context.style),
                ListFormat::Csv => crate::render::csv::speakers(&rows),
                ListFormat::Json => json::to_string(&json::role_rows(&rows)),
                ListFormat::Markdown => {
                    crate::render::markdown::speakers(&rows, context.style.lang)
                }
            };
            let privacy = crate::cli::export::privacy(args.include_contacts);
            match format {
                ListFormat::Text | ListFormat::Markdown => {
                    context.deliver_readable(&document, output.as_ref(), privacy)
                }
                ListFormat::Csv | ListFormat::Json => {
                    context.deliver(&document, output.as_ref(), privacy)
                }
            }
        }
    }
}

/// What `speaker add` and `moderator assign` print.
pub fn print_role(
    label: &str,
    role: &crate::model::Role,
    seminar: &str,
    context: &Context,
) -> Result<()> {
    if context.json {
        context.print_json(&json::role_record(role))
    } else {
        context.print(&format!("{label} at {seminar}: {}\n", role_line(role)))
    }
}
