//! `person list|show|merge`.

use clap::{Args, Subcommand};

use super::Context;
use crate::error::Result;
use crate::ops::{merge, people};
use crate::render::{json, text};

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// List people who speak or moderate
    #[command(after_help = "Example:\n  seminar person list --search jica")]
    List(ListArgs),
    /// Show a person, with every seminar they took part in
    #[command(after_help = "Example:\n  seminar person show \"dinur krismasari\"")]
    Show(ShowArgs),
    /// Fold a duplicate person into another: roles and talks move over, nothing is lost
    #[command(
        after_help = "Example:\n  seminar person merge \"Dinur Krismasari (JICA)\" \"Dinur Krismasari\""
    )]
    Merge(MergeArgs),
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The duplicate, which is removed: NAME, "NAME (INSTITUTION)", "NAME <email>" or #ID
    pub from: String,
    /// The person who stays and takes over the duplicate's roles (named the same ways)
    pub into: String,
    /// Merge even if the person would then be in two places at once
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only people whose name, position or institution contains this text
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The person: NAME (any case or accents), "NAME (INSTITUTION)", "NAME <email>" or #ID;
    /// a name several people share is refused, listing them
    pub name: String,
}

pub fn run(command: PersonCommand, context: &Context) -> Result<()> {
    match command {
        PersonCommand::List(args) => {
            let people = context
                .open()?
                .read(|db| people::people(db, args.search.as_deref()))?;
            if context.json {
                context.print_json(&json::people(&people))
            } else {
                context.print(&text::people_list(&people, &context.style))
            }
        }
        PersonCommand::Merge(args) => {
            let permission = crate::ops::Permission::new(args.force, false);
            let mut store = context.open()?;
            let (from, into) = store.read(|db| {
                Ok((
                    crate::ops::find_person(db, &args.from)?,
                    crate::ops::find_person(db, &args.into)?,
                ))
            })?;
            // Namesakes are told apart by their ids.
            let (from_name, into_name) = if from.name == into.name {
                (
                    format!("#{} {}", from.id, from.name),
                    format!("#{} {}", into.id, into.name),
                )
            } else {
                (from.name.clone(), into.name.clone())
            };
            context.confirm(
                &format!(
                    "Merge {from_name} into {into_name}? {from_name} is removed; their roles and talks move over"
                ),
                "not merged",
            )?;
            let (merged, notices) =
                store.write(|db| merge::merge_people(db, &args.from, &args.into, permission))?;
            context.tell(&notices);
            if context.json {
                context.print_json(&merged)
            } else {
                context.print(&format!(
                    "Merged {} into {}: {} role(s) moved, {} combined with roles {} already had\n",
                    merged.removed_name,
                    merged.into_name,
                    merged.roles_moved,
                    merged.roles_combined,
                    merged.into_name
                ))
            }
        }
        PersonCommand::Show(args) => {
            let (person, roles) = context.open()?.read(|db| people::person(db, &args.name))?;
            if context.json {
                context.print_json(&json::person_detail(&person, &roles))
            } else {
                context.print(&text::person_detail(&person, &roles, &context.style))
            }
        }
    }
}
