//! `slot add|list|remove`.

use chrono::{NaiveDate, NaiveTime};
use clap::{Args, Subcommand};

use super::values::{date, minutes, time_of_day};
use super::{Context, PermissionArgs};
use crate::error::{Record, Result};
use crate::model::SlotKind;
use crate::ops::seminars;
use crate::ops::slots::{self, NewSlot, SlotChanges, SlotPlace};
use crate::render::{json, text};

#[derive(Debug, Subcommand)]
pub enum SlotCommand {
    /// Add a slot to a seminar's rundown
    #[command(
        after_help = "Example:\n  seminar slot add kss-2017 \"Opening remarks\" --at 09:00 --minutes 15 --kind opening"
    )]
    Add(AddArgs),
    /// Change or move a slot (time, day, room, length, title, kind, session, track); it
    /// keeps its id and calendar UID
    #[command(
        visible_alias = "move",
        after_help = "Examples:\n  seminar slot move knhi-2027 \"Panel 2B\" --room \"Ruang 3\" --at 13:30\n  seminar slot edit kss-2017 '#4' --minutes 45 --title \"Q&A\""
    )]
    Edit(EditArgs),
    /// List a seminar's slots with their ids
    #[command(after_help = "Example:\n  seminar slot list kss-2017")]
    List(ListArgs),
    /// Remove a slot, named by #ID, start time or title
    #[command(
        after_help = "Examples:\n  seminar slot remove kss-2017 '#3'\n  seminar slot remove kss-2017 10:30"
    )]
    Remove(RemoveArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The seminar: its slug (kss-2017) or #ID
    pub seminar: String,
    /// What happens in the slot
    pub title: String,
    /// Start time, 09:00 or 09.00
    #[arg(long, value_parser = time_of_day, value_name = "HH:MM")]
    pub at: NaiveTime,
    /// Length in minutes
    #[arg(long, value_parser = minutes, value_name = "N", allow_hyphen_values = true)]
    pub minutes: u32,
    /// The day, for a seminar of several days [default: the first day]
    #[arg(long, value_parser = date, value_name = "DATE")]
    pub on: Option<NaiveDate>,
    #[arg(long, value_enum, default_value = "talk")]
    pub kind: SlotKind,
    /// A person on the slot (NAME, "NAME (INSTITUTION)", "NAME <email>" or #ID); repeat for
    /// several (added as speaker if not yet in the seminar)
    #[arg(long = "speaker", value_name = "NAME")]
    pub speakers: Vec<String>,
    /// The room (added as a venue if new) [default: its session's, else the seminar's venue]
    #[arg(long, value_name = "VENUE")]
    pub room: Option<String>,
    /// The session the slot belongs to: its title or #ID
    #[arg(long, value_name = "SESSION")]
    pub session: Option<String>,
    /// A track label [default: its session's]
    #[arg(long, value_name = "T")]
    pub track: Option<String>,
    #[command(flatten)]
    pub permission: PermissionArgs,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The seminar: its slug (kss-2017) or #ID
    pub seminar: String,
    /// The slot: #ID, its start time (10:30) or its title
    pub slot: String,
    /// New start time
    #[arg(long, value_parser = time_of_day, value_name = "HH:MM")]
    pub at: Option<NaiveTime>,
    /// New day, for a seminar of several days
    #[arg(long, value_parser = date, value_name = "DATE")]
    pub on: Option<NaiveDate>,
    /// New length in minutes
    #[arg(long, value_parser = minutes, value_name = "N", allow_hyphen_values = true)]
    pub minutes: Option<u32>,
    /// New room ("" for the session's or seminar's)
    #[arg(long, value_name = "VENUE")]
    pub room: Option<String>,
    /// New session, by title or #ID ("" for none)
    #[arg(long, value_name = "SESSION")]
    pub session: Option<String>,
    /// New track ("" for none)
    #[arg(long, value_name = "T")]
    pub track: Option<String>,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long, value_enum)]
    pub kind: Option<SlotKind>,
    #[command(flatten)]
    pub permission: PermissionArgs,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// The seminar: its slug (kss-2017) or #ID
    pub seminar: String,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The seminar: its slug (kss-2017) or #ID
    pub seminar: String,
    /// The slot: #ID, its start time (10:30) or its title
    pub slot: String,
}

pub fn run(command: SlotCommand, context: &Context) -> Result<()> {
    match command {
        SlotCommand::Add(args) => {
            let input = NewSlot {
                title: args.title,
                kind: args.kind,
                at: args.at,
                on: args.on,
                minutes: args.minutes,
                people: args.speakers,
                uid: None,
                place: SlotPlace {
                    room: args.room,
                    session: args.session,
                    track: args.track,
                },
                details: Default::default(),
            };
            let mut store = context.open()?;
            let (programme, slot, notices) =
                context.settle(args.permission.into(), |answers, permission| {
                    let input = NewSlot {
                        people: (input.people.iter())
                            .map(|name| answers.resolve(Record::Person, name))
                            .collect(),
                        place: SlotPlace {
                            room: answers.resolve_option(Record::Venue, &input.place.room),
                            ..input.place.clone()
                        },
                        ..input.clone()
                    };
                    store.write(|db| {
                        let (slot, notices) =
                            slots::add_slot(db, &args.seminar, input.clone(), permission)?;
                        Ok((seminars::programme(db, &args.seminar)?, slot, notices))
                    })
                })?;
            context.tell(&notices);
            if context.json {
                let json = json::slots(&programme);
                context.print_json(&json.into_iter().find(|s| s.id == slot.id))
            } else {
                let zone = programme.seminar.schedule.zone;
                context.print(&format!(
                    "Added slot {}\n",
                    text::slot_line(&slot, zone, &context.style)
                ))
            }
        }
        SlotCommand::Edit(args) => {
            let changes = SlotChanges {
                title: args.title,
                kind: args.kind,
                at: args.at,
                on: args.on,
                minutes: args.minutes,
                room: args.room,
                session: args.session,
                track: args.track,
            };
            let mut store = context.open()?;
            let (programme, slot, notices) =
                context.settle(args.permission.into(), |answers, permission| {
                    let changes = SlotChanges {
                        room: answers.resolve_option(Record::Venue, &changes.room),
                        ..changes.clone()
                    };
                    store.write(|db| {
                        let (slot, notices) = slots::edit_slot(
                            db,
                            &args.seminar,
                            &args.slot,
                            changes.clone(),
                            permission,
                        )?;
                        Ok((seminars::programme(db, &args.seminar)?, slot, notices))
                    })
                })?;
            context.tell(&notices);
            if context.json {
                let json = json::slots(&programme);
                context.print_json(&json.into_iter().find(|s| s.id == slot.id))
            } else {
                let zone = programme.seminar.schedule.zone;
                context.print(&format!(
                    "Changed slot {}\n",
                    text::slot_line(&slot, zone, &context.style)
                ))
            }
        }
        SlotCommand::List(args) => {
            let programme = context
                .open()?
                .read(|db| seminars::programme(db, &args.seminar))?;
            if context.json {
                context.print_json(&json::slots(&programme))
            } else {
                context.print(&text::slot_list(&programme, &context.style))
            }
        }
        SlotCommand::Remove(args) => {
            let mut store = context.open()?;
            let ((slot, cancelled), zone) = store.write(|db| {
                let zone = crate::ops::find_seminar(db, &args.seminar)?.schedule.zone;
                Ok((slots::remove_slot(db, &args.seminar, &args.slot)?, zone))
            })?;
            if context.json {
                context.print_json(&json::Removed::slot(slot.id).cancelled(cancelled))
            } else {
                let done = if cancelled {
                    "Cancelled slot"
                } else {
                    "Removed slot"
                };
                context.print(&format!(
                    "{done} {}\n",
                    text::slot_line(&slot, zone, &context.style)
                ))
            }
        }
    }
}
