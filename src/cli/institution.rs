//! `institution add|list`.

use clap::{Args, Subcommand};

use super::Context;
use crate::error::Result;
use crate::ops::people;
use crate::render::{json, text};

#[derive(Debug, Subcommand)]
pub enum InstitutionCommand {
    /// Add an institution
    #[command(
        after_help = "Example:\n  seminar institution add \"Kementerian Luar Negeri\" --short Kemlu"
    )]
    Add(AddArgs),
    /// List institutions
    #[command(after_help = "Example:\n  seminar institution list")]
    List,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The institution's full name
    pub name: String,
    /// Its short name (Kemlu, JICA, INFID), also accepted wherever an institution is named
    #[arg(long, value_name = "ABBR")]
    pub short: Option<String>,
    /// Add it even if its name is close to an existing institution's
    #[arg(long)]
    pub new: bool,
}

pub fn run(command: InstitutionCommand, context: &Context) -> Result<()> {
    match command {
        InstitutionCommand::Add(args) => {
            let permission = crate::ops::Permission {
                force: false,
                new: args.new,
            };
            let institution = context.open()?.write(|db| {
                people::add_institution(db, &args.name, args.short.as_deref(), permission)
            })?;
            if context.json {
                context.print_json(&institution)
            } else {
                context.print(&format!(
                    "Added institution {} (#{})\n",
                    institution.name, institution.id
                ))
            }
        }
        InstitutionCommand::List => {
            let institutions = context.open()?.read(people::institutions)?;
            if context.json {
                context.print_json(&json::institutions(&institutions))
            } else {
                context.print(&text::institution_list(&institutions, &context.style))
            }
        }
    }
}
