//! `institution add|list|edit|merge`.

use clap::{Args, Subcommand};

use super::Context;
use crate::error::{Record, Result};
use crate::ops::{merge, people};
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
    /// Rename an institution or set its short name
    #[command(
        after_help = "Examples:\n  seminar institution edit \"JICA Indonesia\" --short JICA\n  seminar institution edit Kemlu --name \"Kementerian Luar Negeri\""
    )]
    Edit(EditArgs),
    /// Fold a duplicate institution into another: its people and roles move over
    #[command(
        after_help = "Example:\n  seminar institution merge \"Kementerian Luar Negri\" \"Kementerian Luar Negeri\""
    )]
    Merge(MergeArgs),
    /// Other names of an institution (Univ. Gadjah Mada, Kemenlu): found as its name is
    #[command(subcommand)]
    Alias(AliasCommand),
}

#[derive(Debug, Subcommand)]
pub enum AliasCommand {
    /// Give an institution another name that finds it wherever an institution is named
    #[command(
        after_help = "Example:\n  seminar institution alias add \"Kementerian Luar Negeri\" Kemenlu"
    )]
    Add(AliasArgs),
    /// Take an alias from an institution
    #[command(
        after_help = "Example:\n  seminar institution alias remove \"Kementerian Luar Negeri\" Kemenlu"
    )]
    Remove(AliasArgs),
}

#[derive(Debug, Args)]
pub struct AliasArgs {
    /// The institution, by name, short name or alias
    pub institution: String,
    /// The other name
    pub alias: String,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The institution, by name or short name
    pub name: String,
    /// Its new full name
    #[arg(long = "name", value_name = "NEW")]
    pub new_name: Option<String>,
    /// Its short name; an empty value removes it
    #[arg(long, value_name = "ABBR")]
    pub short: Option<String>,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The duplicate, which is removed
    pub from: String,
    /// The institution that stays and takes over the duplicate's people and roles
    pub into: String,
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
            let permission = crate::ops::Permission::new(false, args.new);
            let mut store = context.open()?;
            let added = context.settle(permission, |answers, permission| {
                if answers.knows(Record::Institution, &args.name) {
                    return Ok(None);
                }
                store
                    .write(|db| {
                        people::add_institution(db, &args.name, args.short.as_deref(), permission)
                    })
                    .map(Some)
            })?;
            match added {
                None => context.print("Nothing added: the institution is on record already\n"),
                Some(institution) if context.json => context.print_json(&institution),
                Some(institution) => context.print(&format!(
                    "Added institution {} (#{})\n",
                    institution.name, institution.id
                )),
            }
        }
        InstitutionCommand::Edit(args) => {
            let institution = context.open()?.write(|db| {
                merge::edit_institution(
                    db,
                    &args.name,
                    args.new_name.as_deref(),
                    args.short.as_deref(),
                )
            })?;
            if context.json {
                context.print_json(&institution)
            } else {
                let short = institution
                    .short_name
                    .as_deref()
                    .map(|short| format!(" ({short})"))
                    .unwrap_or_default();
                context.print(&format!(
                    "Institution #{}: {}{short}\n",
                    institution.id, institution.name
                ))
            }
        }
        InstitutionCommand::Merge(args) => {
            let mut store = context.open()?;
            let (from, into) = store.read(|db| {
                Ok((
                    crate::ops::find_institution(db, &args.from)?,
                    crate::ops::find_institution(db, &args.into)?,
                ))
            })?;
            context.confirm(
                &format!(
                    "Merge {} into {}? {} is removed; its people and roles move over",
                    from.name, into.name, from.name
                ),
                "not merged",
            )?;
            let merged = store.write(|db| merge::merge_institutions(db, &args.from, &args.into))?;
            if context.json {
                context.print_json(&merged)
            } else {
                context.print(&format!(
                    "Merged {} into {}: {} person(s) and {} role(s) moved\n",
                    merged.removed_name, merged.into.name, merged.people_moved, merged.roles_moved
                ))
            }
        }
        InstitutionCommand::Alias(AliasCommand::Add(args)) => {
            let institution = context
                .open()?
                .write(|db| merge::add_institution_alias(db, &args.institution, &args.alias))?;
            if context.json {
                context.print_json(&institution)
            } else {
                context.print(&format!(
                    "Institution #{} {} is also '{}'\n",
                    institution.id,
                    institution.name,
                    args.alias.trim()
                ))
            }
        }
        InstitutionCommand::Alias(AliasCommand::Remove(args)) => {
            let institution = context
                .open()?
                .write(|db| merge::remove_institution_alias(db, &args.institution, &args.alias))?;
            if context.json {
                context.print_json(&institution)
            } else {
                context.print(&format!(
                    "Institution #{} {} is no longer '{}'\n",
                    institution.id,
                    institution.name,
                    args.alias.trim()
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
