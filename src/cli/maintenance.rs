//! `backup FILE` and `doctor`: keeping the database file safe and sound.

use std::path::PathBuf;

use clap::Args;

use super::Context;
use crate::error::{Error, Result};
use crate::ops;
use crate::output::{Kind, Target};
use crate::render::{json, text};

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy (replaced atomically if it exists)
    pub file: PathBuf,
}

pub fn backup(args: BackupArgs, context: &Context) -> Result<()> {
    let target = Target::check(&args.file, Kind::DatabaseCopy, &context.db_path)?;
    target.require_regular()?;
    let mut store = context.open()?;
    refuse_absent(&store, context)?;
    store.backup_to(&target)?;
    let counts = store.read(ops::counts)?;
    let report = json::BackupReport {
        file: args.file.display().to_string(),
        schema_version: store.schema_version()?,
        records: counts,
    };
    if context.json {
        context.print_json(&report)
    } else {
        context.print(&text::backup_report(&report))
    }
}

fn refuse_absent(store: &crate::store::Store, context: &Context) -> Result<()> {
    if store.is_absent() {
        return Err(Error::refused(format!(
            "there is no database at {} yet; check --db or SEMINAR_DB",
            context.db_path.display()
        )));
    }
    Ok(())
}

#[derive(Debug, Args)]
pub struct DoctorArgs {}

/// Exit code 3 when something is wrong, as `check` does.
pub fn doctor(_args: DoctorArgs, context: &Context) -> Result<u8> {
    let mut store = context.open()?;
    refuse_absent(&store, context)?;
    let health = store.health()?;
    let problems = store.read(|db| ops::check(db, None))?;
    let report = json::doctor_report(&health, &problems);
    if context.json {
        context.print_json(&report)?;
    } else {
        context.print(&text::doctor_report(&report, &context.style))?;
    }
    Ok(if report.healthy { 0 } else { 3 })
}
