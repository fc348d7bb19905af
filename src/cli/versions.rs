//! `publish`, `versions` and `changes`.

use clap::{Args, ValueEnum};

use super::Context;
use super::values::date;
use crate::error::Result;
use crate::model::Programme;
use crate::ops::versions::{self, Since};
use crate::render::{json, versions as render};

/// A snapshot of a schedule: its JSON, as `agenda --json` prints it.
pub fn snapshot(programme: &Programme) -> String {
    json::to_string(&json::programme(programme))
}

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The seminar (slug or #ID)
    pub seminar: String,
    /// What this version is about ("room change for panel 2B")
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct VersionsArgs {
    /// The seminar (slug or #ID)
    pub seminar: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChangesFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Debug, Args)]
pub struct ChangesArgs {
    /// The seminar (slug or #ID)
    pub seminar: String,
    /// Compare with version N, or with the last version published on or before DATE
    /// [default: the last published version]
    #[arg(long, value_name = "N|DATE", value_parser = since)]
    pub since: Option<Since>,
    /// Output format (--json is the same as --format json)
    #[arg(long, value_enum, default_value = "text")]
    pub format: ChangesFormat,
}

fn since(text: &str) -> std::result::Result<Since, String> {
    let trimmed = text.trim();
    if !trimmed.is_empty() && trimmed.chars().all(|c| c.is_ascii_digit()) {
        return match trimmed.parse::<i64>() {
            Ok(number) if number > 0 => Ok(Since::Number(number)),
            _ => Err(format!(
                "'{text}' is not a version; versions are numbered from 1"
            )),
        };
    }
    date(trimmed).map(Since::Date).map_err(|_| {
        format!("'{text}' is neither a version number nor a date; accepted: 2, 2017-05-18, 18/05/2017, 18 Mei 2017")
    })
}

pub fn publish(args: PublishArgs, context: &Context) -> Result<()> {
    let now = context.now;
    let (seminar, version) = context
        .open()?
        .write(|db| versions::publish(db, &args.seminar, args.note.clone(), now, &snapshot))?;
    if context.json {
        context.print_json(&json::version(&seminar, &version))
    } else {
        context.print(&render::published(&seminar, &version, context.style.lang))
    }
}

pub fn list(args: VersionsArgs, context: &Context) -> Result<()> {
    let (seminar, found) = context
        .open()?
        .read(|db| versions::versions(db, &args.seminar))?;
    if context.json {
        context.print_json(&json::versions(&seminar, &found))
    } else {
        context.print(&render::versions(&seminar, &found, &context.style))
    }
}

pub fn changes(args: ChangesArgs, context: &Context) -> Result<()> {
    let report = context
        .open()?
        .read(|db| versions::changes(db, &args.seminar, args.since, &snapshot))?;
    let format = if context.json {
        ChangesFormat::Json
    } else {
        args.format
    };
    let lang = context.style.lang;
    match format {
        ChangesFormat::Json => context.print_json(&json::changes(&report)),
        ChangesFormat::Text => context.print(&render::changes_text(&report, lang)),
        ChangesFormat::Markdown => context.print(&render::changes_markdown(&report, lang)),
    }
}
