//! `venue add|list|assign|edit|remove`.

use clap::{Args, Subcommand};

use super::values::{CapacityOrNone, capacity, capacity_or_none};
use super::{Context, PermissionArgs};
use crate::error::{Record, Result};
use crate::model::Venue;
use crate::ops::people;
use crate::render::{json, text};

#[derive(Debug, Subcommand)]
pub enum VenueCommand {
    /// Add a venue
    #[command(
        after_help = "Example:\n  seminar venue add \"Auditorium Juwono Sudarsono\" --address \"FISIP UI, Depok\" --capacity 300"
    )]
    Add(AddArgs),
    /// List venues
    #[command(after_help = "Example:\n  seminar venue list")]
    List,
    /// Hold a seminar at a venue (refused if the venue is booked then)
    #[command(
        after_help = "Example:\n  seminar venue assign kss-2017 \"Auditorium Juwono Sudarsono\""
    )]
    Assign(AssignArgs),
    /// Rename a venue or set its address or capacity
    #[command(
        after_help = "Examples:\n  seminar venue edit \"Ruang 2\" --name \"Ruang Sidang 2\" --capacity 60\n  seminar venue edit \"Ruang 2\" --address \"\""
    )]
    Edit(EditArgs),
    /// Remove a venue that no seminar, session or slot uses (asks first; --yes to skip)
    #[command(after_help = "Example:\n  seminar venue remove \"Ruang 4\"")]
    Remove(RemoveArgs),
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The venue's name (any case or accents)
    pub venue: String,
    /// Its new name
    #[arg(long = "name", value_name = "NEW")]
    pub new_name: Option<String>,
    /// Its address; an empty value removes it
    #[arg(long, value_name = "TEXT")]
    pub address: Option<String>,
    /// Number of seats; an empty value removes it
    #[arg(long, value_parser = capacity_or_none, value_name = "N", allow_hyphen_values = true)]
    pub capacity: Option<CapacityOrNone>,
    /// Rename it even if the new name is close to an existing venue's
    #[arg(long)]
    pub new: bool,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The venue's name (any case or accents)
    pub venue: String,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The venue's name
    pub name: String,
    #[arg(long, value_name = "TEXT")]
    pub address: Option<String>,
    /// Number of seats
    #[arg(long, value_parser = capacity, value_name = "N", allow_hyphen_values = true)]
    pub capacity: Option<u32>,
    /// Add it even if its name is close to an existing venue's
    #[arg(long)]
    pub new: bool,
}

#[derive(Debug, Args)]
pub struct AssignArgs {
    /// The seminar: its slug (kss-2017) or #ID
    pub seminar: String,
    /// The venue's name (added if new)
    pub venue: String,
    #[command(flatten)]
    pub permission: PermissionArgs,
}

pub fn run(command: VenueCommand, context: &Context) -> Result<()> {
    match command {
        VenueCommand::Add(args) => {
            let venue = Venue {
                id: 0,
                name: args.name,
                address: args.address,
                capacity: args.capacity,
            };
            let permission = crate::ops::Permission::new(false, args.new);
            let mut store = context.open()?;
            let added = context.settle(permission, |answers, permission| {
                if answers.knows(Record::Venue, &venue.name) {
                    return Ok(None);
                }
                store
                    .write(|db| people::add_venue(db, venue.clone(), permission))
                    .map(Some)
            })?;
            match added {
                None => context.print("Nothing added: the venue is on record already\n"),
                Some(venue) if context.json => context.print_json(&venue),
                Some(venue) => {
                    context.print(&format!("Added venue {} (#{})\n", venue.name, venue.id))
                }
            }
        }
        VenueCommand::List => {
            let venues = context.open()?.read(people::venues)?;
            if context.json {
                context.print_json(&json::venues(&venues))
            } else {
                context.print(&text::venue_list(&venues, &context.style))
            }
        }
        VenueCommand::Edit(args) => {
            let change = people::VenueChange {
                name: args.new_name,
                address: args.address,
                capacity: args.capacity.map(|CapacityOrNone(capacity)| capacity),
            };
            let permission = crate::ops::Permission::new(false, args.new);
            let venue = context
                .open()?
                .write(|db| people::edit_venue(db, &args.venue, &change, permission))?;
            if context.json {
                context.print_json(&venue)
            } else {
                let seats = venue
                    .capacity
                    .map(|capacity| format!(" · {capacity} seats"))
                    .unwrap_or_default();
                context.print(&format!(
                    "Venue #{}: {}{seats}\n",
                    venue.id,
                    crate::render::venue_line(Some(&venue))
                ))
            }
        }
        VenueCommand::Remove(args) => {
            let mut store = context.open()?;
            let venue = store.read(|db| people::removable_venue(db, &args.venue))?;
            context.confirm(&format!("Remove venue {}?", venue.name), "not removed")?;
            let removed = store.write(|db| people::remove_venue(db, &venue.name))?;
            if context.json {
                context.print_json(&json::venue_removed(&removed))
            } else {
                context.print(&format!(
                    "Removed venue {} (#{})\n",
                    removed.name, removed.id
                ))
            }
        }
        VenueCommand::Assign(args) => {
            let mut store = context.open()?;
            let (seminar, notices) =
                context.settle(args.permission.into(), |answers, permission| {
                    let venue = answers.resolve(Record::Venue, &args.venue);
                    store.write(|db| people::assign_venue(db, &args.seminar, &venue, permission))
                })?;
            context.tell(&notices);
            if context.json {
                context.print_json(&json::seminar(&seminar))
            } else {
                context.print(&format!(
                    "Updated {}\n",
                    text::seminar_line(&seminar, &context.style)
                ))
            }
        }
    }
}
