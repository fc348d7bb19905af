//! `import FILE`.

use std::path::PathBuf;

use clap::Args;

use super::{Context, PermissionArgs};
use crate::error::{Error, Result};
use crate::import::{self, Format, ReadOptions};
use crate::ops::import::apply;
use crate::render::{json, text};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file: a JSON archive, a CSV of speakers, or a frab/pretalx schedule.xml
    pub file: PathBuf,
    /// The file's format [default: from its extension: .json, .csv, .xml]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// CSV: the seminar every row goes to (slug or #ID), instead of a seminar column
    #[arg(long)]
    pub seminar: Option<String>,
    /// Check everything and say what would change, without changing anything
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub permission: PermissionArgs,
}

pub fn run(args: ImportArgs, context: &Context) -> Result<()> {
    let format = match args.format.or_else(|| Format::of_path(&args.file)) {
        Some(format) => format,
        None => {
            return Err(Error::usage(format!(
                "format: cannot tell the format of {} from its name; pass --format json, csv or frab",
                args.file.display()
            )));
        }
    };
    let text = import::read_text(&args.file)?;
    let options = ReadOptions {
        seminar: args.seminar,
        today: context.today,
        default_zone: context.default_zone,
    };
    let plan = import::read(&text, format, &options)?;
    let permission = args.permission.into();
    let mut store = context.open()?;
    let (summary, notices) = if args.dry_run {
        store.rehearse(|db| apply(db, plan, permission))?
    } else {
        store.write(|db| apply(db, plan.clone(), permission))?
    };
    // What was added is counted in the summary line; the rest (forced problems, updated
    // roles) is told one by one.
    let notices: Vec<_> = notices
        .into_iter()
        .filter(|notice| !matches!(notice, crate::ops::Notice::Created { .. }))
        .collect();
    context.tell(&notices);
    if context.json {
        context.print_json(&json::ImportReport {
            dry_run: args.dry_run,
            added: summary,
        })
    } else {
        context.print(&text::import_summary(&summary, args.dry_run))
    }
}
