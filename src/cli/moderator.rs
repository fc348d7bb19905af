//! `moderator assign|unassign`.

use clap::{Args, Subcommand};

use super::speaker::{PersonArgs, add_role};
use super::{Context, PermissionArgs};
use crate::error::Result;
use crate::model::RoleKind;
use crate::ops::people;

#[derive(Debug, Subcommand)]
pub enum ModeratorCommand {
    /// Make someone a moderator of a seminar
    #[command(after_help = "Example:\n  seminar moderator assign kss-2017 \"Valerina Daniel\"")]
    Assign(AssignArgs),
    /// Take a moderator off a seminar
    #[command(after_help = "Example:\n  seminar moderator unassign kss-2017 \"Valerina Daniel\"")]
    Unassign(UnassignArgs),
}

#[derive(Debug, Args)]
pub struct AssignArgs {
    #[command(flatten)]
    pub person: PersonArgs,
    /// Record them as the master of ceremonies (busy during the seminar's hours, like a
    /// moderator of the whole seminar)
    #[arg(long)]
    pub mc: bool,
    #[command(flatten)]
    pub permission: PermissionArgs,
}

#[derive(Debug, Args)]
pub struct UnassignArgs {
    /// The seminar: its slug (kss-2017) or #ID
    pub seminar: String,
    /// The moderator: NAME, "NAME (INSTITUTION)", "NAME <email>" or #ID
    pub name: String,
    /// Take off their MC role [default: their moderator role, else their MC role]
    #[arg(long)]
    pub mc: bool,
}

pub fn run(command: ModeratorCommand, context: &Context) -> Result<()> {
    match command {
        ModeratorCommand::Assign(args) => add_role(
            RoleKind::flagged(false, args.mc),
            args.person,
            None,
            args.permission.into(),
            context,
        ),
        ModeratorCommand::Unassign(args) => {
            let mut store = context.open()?;
            let kinds: &[RoleKind] = if args.mc {
                &[RoleKind::Mc]
            } else {
                &[RoleKind::Moderator, RoleKind::Mc]
            };
            let (role, _) =
                store.write(|db| people::remove_role(db, &args.seminar, &args.name, kinds))?;
            if context.json {
                context.print_json(&crate::render::json::Removed::role(role.id))
            } else {
                context.print(&format!(
                    "Unassigned {} {} from {}\n",
                    role.kind.noun(),
                    role.person_name,
                    args.seminar
                ))
            }
        }
    }
}
