//! `person list|show`.

use clap::{Args, Subcommand};

use super::Context;
use crate::error::Result;
use crate::ops::people;
use crate::render::{json, text};

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// List people who speak or moderate
    #[command(after_help = "Example:\n  seminar person list --search jica")]
    List(ListArgs),
    /// Show a person, with every seminar they took part in
    #[command(after_help = "Example:\n  seminar person show \"dinur krismasari\"")]
    Show(ShowArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only people whose name, position or institution contains this text
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The person's name (any case or accents)
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
