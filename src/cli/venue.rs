//! `venue add|list|assign`.

use clap::{Args, Subcommand};

use super::values::capacity;
use super::{Context, PermissionArgs};
use crate::error::Result;
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
            let permission = crate::ops::Permission {
                force: false,
                new: args.new,
            };
            let venue = context
                .open()?
                .write(|db| people::add_venue(db, venue.clone(), permission))?;
            if context.json {
                context.print_json(&venue)
            } else {
                context.print(&format!("Added venue {} (#{})\n", venue.name, venue.id))
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
        VenueCommand::Assign(args) => {
            let mut store = context.open()?;
            let (seminar, notices) = store.write(|db| {
                people::assign_venue(db, &args.seminar, &args.venue, args.permission.into())
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
