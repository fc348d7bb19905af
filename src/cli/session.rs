//! `session add|list|show|edit|move|remove`.

use chrono::{NaiveDate, NaiveTime};
use clap::{Args, Subcommand};

use super::values::{date, minutes, time_of_day};
use super::{Context, PermissionArgs};
use crate::error::{Record, Result};
use crate::model::SessionKind;
use crate::ops::seminars;
use crate::ops::sessions::{self, Length, NewSession, SessionChanges};
use crate::render::{json, text};

#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Add a session: a titled block on one day in one room, with its chairs
    #[command(
        after_help = "Example:\n  seminar session add knhi-2027 \"Panel 1B: Diplomasi ekonomi\" --on 2027-05-12 --at 10:30 \\\n    --minutes 90 --room \"Ruang 2\" --chair \"Siti Rahmawati\" --kind parallel --track Ekonomi"
    )]
    Add(AddArgs),
    /// List a seminar's sessions with their rooms and chairs
    #[command(after_help = "Example:\n  seminar session list knhi-2027")]
    List(ListArgs),
    /// Show one session with its slots
    #[command(after_help = "Example:\n  seminar session show knhi-2027 \"Panel 1B\"")]
    Show(ShowArgs),
    /// Change or move a session; its slots move along and keep their calendar UIDs
    #[command(
        visible_alias = "move",
        after_help = "Examples:\n  seminar session move knhi-2027 \"Panel 2B\" --room \"Ruang 3\" --at 13:30\n  seminar session edit knhi-2027 \"#4\" --chair \"Poppy Lestari\" --chair \"Wawan Mas'udi\""
    )]
    Edit(EditArgs),
    /// Remove a session and its slots (or keep the slots with --keep-slots)
    #[command(
        after_help = "Example:\n  seminar session remove knhi-2027 \"Panel 2B\" --keep-slots"
    )]
    Remove(RemoveArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The seminar: its slug (kss-2017) or #ID
    pub seminar: String,
    /// The session's title
    pub title: String,
    /// The day [default: the seminar's first day]
    #[arg(long, value_parser = date, value_name = "DATE")]
    pub on: Option<NaiveDate>,
    /// Start time, 09:00 or 09.00
    #[arg(long, value_parser = time_of_day, value_name = "HH:MM")]
    pub at: NaiveTime,
    /// Length in minutes
    #[arg(long, value_parser = minutes, value_name = "N", allow_hyphen_values = true, required_unless_present = "end", conflicts_with = "end")]
    pub minutes: Option<u32>,
    /// End time (at or before the start: the next morning)
    #[arg(long, value_parser = time_of_day, value_name = "HH:MM")]
    pub end: Option<NaiveTime>,
    /// The room (added as a venue if new) [default: the seminar's venue]
    #[arg(long, value_name = "VENUE")]
    pub room: Option<String>,
    /// A chair of the session; repeat for several (added as moderator of the seminar)
    #[arg(long = "chair", value_name = "NAME")]
    pub chairs: Vec<String>,
    /// A track label
    #[arg(long, value_name = "T")]
    pub track: Option<String>,
    #[arg(long, value_enum, default_value = "parallel")]
    pub kind: SessionKind,
    #[command(flatten)]
    pub permission: PermissionArgs,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// The seminar: its slug (kss-2017) or #ID
    pub seminar: String,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The seminar: its slug (kss-2017) or #ID
    pub seminar: String,
    /// The session: its title or #ID
    pub session: String,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The seminar: its slug (kss-2017) or #ID
    pub seminar: String,
    /// The session: its title or #ID
    pub session: String,
    /// New day
    #[arg(long, value_parser = date, value_name = "DATE")]
    pub on: Option<NaiveDate>,
    /// New start time (its slots move by as much)
    #[arg(long, value_parser = time_of_day, value_name = "HH:MM")]
    pub at: Option<NaiveTime>,
    /// New length in minutes
    #[arg(long, value_parser = minutes, value_name = "N", allow_hyphen_values = true, conflicts_with = "end")]
    pub minutes: Option<u32>,
    /// New end time
    #[arg(long, value_parser = time_of_day, value_name = "HH:MM")]
    pub end: Option<NaiveTime>,
    /// New room ("" for the seminar's venue)
    #[arg(long, value_name = "VENUE")]
    pub room: Option<String>,
    /// The chairs, replacing the current ones; repeat for several
    #[arg(long = "chair", value_name = "NAME")]
    pub chairs: Vec<String>,
    /// New track ("" for none)
    #[arg(long, value_name = "T")]
    pub track: Option<String>,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long, value_enum)]
    pub kind: Option<SessionKind>,
    #[command(flatten)]
    pub permission: PermissionArgs,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The seminar: its slug (kss-2017) or #ID
    pub seminar: String,
    /// The session: its title or #ID
    pub session: String,
    /// Keep the session's slots, standing alone in its room
    #[arg(long)]
    pub keep_slots: bool,
}

fn length(minutes: Option<u32>, end: Option<NaiveTime>) -> Option<Length> {
    match (minutes, end) {
        (Some(minutes), _) => Some(Length::Minutes(minutes)),
        (None, Some(end)) => Some(Length::Until(end)),
        (None, None) => None,
    }
}

/// Prints the session a change touched, as a line or as JSON.
fn report(
    context: &Context,
    verb: &str,
    programme: &crate::model::Programme,
    session_id: i64,
) -> Result<()> {
    let Some(session) = programme.session(session_id) else {
        return Ok(());
    };
    if context.json {
        let sessions = json::sessions(programme);
        context.print_json(&sessions.into_iter().find(|s| s.id == session_id))
    } else {
        context.print(&format!(
            "{verb} session {}\n",
            text::session_line(programme, session, &context.style)
        ))
    }
}

pub fn run(command: SessionCommand, context: &Context) -> Result<()> {
    match command {
        SessionCommand::Add(args) => {
            let input = NewSession {
                title: args.title,
                kind: args.kind,
                on: args.on,
                at: args.at,
                length: length(args.minutes, args.end).unwrap_or(Length::Minutes(0)),
                room: args.room,
                track: args.track,
                chairs: args.chairs,
                uid: None,
            };
            let mut store = context.open()?;
            let (programme, session, notices) =
                context.settle(args.permission.into(), |answers, permission| {
                    let input = NewSession {
                        room: answers.resolve_option(Record::Venue, &input.room),
                        chairs: (input.chairs.iter())
                            .map(|name| answers.resolve(Record::Person, name))
                            .collect(),
                        ..input.clone()
                    };
                    store.write(|db| {
                        let (session, notices) =
                            sessions::add_session(db, &args.seminar, input.clone(), permission)?;
                        Ok((seminars::programme(db, &args.seminar)?, session, notices))
                    })
                })?;
            context.tell(&notices);
            report(context, "Added", &programme, session.id)
        }
        SessionCommand::List(args) => {
            let programme = context
                .open()?
                .read(|db| seminars::programme(db, &args.seminar))?;
            if context.json {
                context.print_json(&json::sessions(&programme))
            } else {
                context.print(&text::session_list(&programme, &context.style))
            }
        }
        SessionCommand::Show(args) => {
            let (programme, session) = context.open()?.read(|db| {
                let programme = seminars::programme(db, &args.seminar)?;
                let session =
                    sessions::find_session(&programme.sessions, &programme.seminar, &args.session)?;
                Ok((programme, session))
            })?;
            if context.json {
                let sessions = json::sessions(&programme);
                context.print_json(&sessions.into_iter().find(|s| s.id == session.id))
            } else {
                context.print(&text::session_detail(&programme, &session, &context.style))
            }
        }
        SessionCommand::Edit(args) => {
            let changes = SessionChanges {
                title: args.title,
                kind: args.kind,
                on: args.on,
                at: args.at,
                length: length(args.minutes, args.end),
                room: args.room,
                track: args.track,
                chairs: (!args.chairs.is_empty()).then_some(args.chairs),
            };
            let mut store = context.open()?;
            let (programme, session, notices) =
                context.settle(args.permission.into(), |answers, permission| {
                    let changes = SessionChanges {
                        room: answers.resolve_option(Record::Venue, &changes.room),
                        chairs: changes.chairs.as_ref().map(|chairs| {
                            (chairs.iter())
                                .map(|name| answers.resolve(Record::Person, name))
                                .collect()
                        }),
                        ..changes.clone()
                    };
                    store.write(|db| {
                        let (session, notices) = sessions::edit_session(
                            db,
                            &args.seminar,
                            &args.session,
                            changes.clone(),
                            permission,
                        )?;
                        Ok((seminars::programme(db, &args.seminar)?, session, notices))
                    })
                })?;
            context.tell(&notices);
            report(context, "Changed", &programme, session.id)
        }
        SessionCommand::Remove(args) => {
            let mut store = context.open()?;
            let removed = store.write(|db| {
                sessions::remove_session(db, &args.seminar, &args.session, args.keep_slots)
            })?;
            if context.json {
                context.print_json(
                    &json::Removed::session(removed.session.id, removed.slots_removed.clone())
                        .cancelled(removed.cancelled),
                )
            } else {
                let mut line = format!(
                    "{} session #{} {}",
                    if removed.cancelled {
                        "Cancelled"
                    } else {
                        "Removed"
                    },
                    removed.session.id,
                    removed.session.title
                );
                match (removed.slots_removed.len(), removed.slots_kept.len()) {
                    (0, 0) => {}
                    (gone, 0) => line.push_str(&format!(" and its {gone} slot(s)")),
                    (_, kept) => line.push_str(&format!("; its {kept} slot(s) stay")),
                }
                context.print(&format!("{line}\n"))
            }
        }
    }
}
