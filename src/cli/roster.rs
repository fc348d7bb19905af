//! `roster`: everyone with a part in a seminar, or in the seminars of a period.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{ArgGroup, Args, ValueEnum};

use super::Context;
use super::export::{Format, privacy};
use super::values::date;
use crate::error::{Error, Result};
use crate::ops::roster::{RosterScope, roster_of};
use crate::render::{json, roster};

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("scope").args(["seminar", "from"]).required(true)))]
pub struct RosterArgs {
    /// The seminar: its slug (kss-2017) or #ID
    #[arg(conflicts_with_all = ["from", "to"])]
    pub seminar: Option<String>,
    /// Every seminar with a day from this date on (with --to)
    #[arg(long, value_parser = date, value_name = "DATE", requires = "to")]
    pub from: Option<NaiveDate>,
    /// Every seminar with a day up to this date (with --from)
    #[arg(long, value_parser = date, value_name = "DATE", requires = "from")]
    pub to: Option<NaiveDate>,
    /// Output format (--json is the same as --format json)
    #[arg(long, value_enum, default_value = "text")]
    pub format: RosterFormat,
    /// Write to this file (replaced atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Add emails and phones (personal data: left out otherwise; a file is made private)
    #[arg(long)]
    pub include_contacts: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RosterFormat {
    /// A table
    Text,
    /// A Markdown table
    Markdown,
    /// One printable HTML page (A4)
    Html,
    /// CSV (RFC 4180), one row per person and seminar
    Csv,
    /// JSON (see README: JSON output)
    Json,
}

pub fn run(args: RosterArgs, context: &Context) -> Result<()> {
    let format = if context.json {
        RosterFormat::Json
    } else {
        args.format
    };
    let scope = match (args.seminar, args.from, args.to) {
        (Some(seminar), _, _) => RosterScope::Seminar(seminar),
        (None, Some(from), Some(to)) => RosterScope::Period { from, to },
        _ => {
            return Err(Error::usage(
                "roster: give a SEMINAR, or --from DATE and --to DATE",
            ));
        }
    };
    let output = context.output(args.output.as_deref())?;
    let contacts = args.include_contacts;
    let found = context.open()?.read(|db| roster_of(db, &scope, contacts))?;
    let lang = context.style.lang;
    let (document, shape) = match format {
        RosterFormat::Text => (roster::text(&found, contacts, &context.style), Format::Text),
        RosterFormat::Markdown => (
            roster::markdown::roster(&found, contacts, lang),
            Format::Markdown,
        ),
        RosterFormat::Html => (roster::html::roster(&found, contacts, lang), Format::Html),
        RosterFormat::Csv => (roster::csv::roster(&found.entries, contacts), Format::Csv),
        RosterFormat::Json => (
            json::to_string(&roster::json::roster(&found.entries)),
            Format::Json,
        ),
    };
    shape.deliver(&document, output.as_ref(), privacy(contacts), context)
}
