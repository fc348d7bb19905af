//! `agenda [SEMINAR]`.

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::Context;
use super::values::date;
use crate::error::Result;
use crate::ops::seminars;
use crate::render::{agenda, json};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgendaFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// The seminar (slug or #ID); without it, the coming seminars grouped by day
    pub seminar: Option<String>,
    /// Output format (--json is the same as --format json)
    #[arg(long, value_enum, default_value = "text")]
    pub format: AgendaFormat,
    /// Without a seminar: start from this day instead of today
    #[arg(long, value_parser = date, conflicts_with = "seminar")]
    pub from: Option<NaiveDate>,
    /// Without a seminar: stop after this day
    #[arg(long, value_parser = date, conflicts_with = "seminar")]
    pub to: Option<NaiveDate>,
}

pub fn run(args: AgendaArgs, context: &Context) -> Result<()> {
    let as_json = context.json || args.format == AgendaFormat::Json;
    let mut store = context.open()?;
    match &args.seminar {
        Some(reference) => {
            let programme = store.read(|db| seminars::programme(db, reference))?;
            if as_json {
                context.print_json(&json::programme(&programme))
            } else {
                context.print(&agenda::agenda(&programme, &context.style))
            }
        }
        None => {
            let from = args.from.unwrap_or(context.today);
            let coming = store.read(|db| seminars::upcoming(db, from, args.to))?;
            if as_json {
                context.print_json(&json::seminar_list(&coming))
            } else {
                context.print(&agenda::upcoming(&coming, &context.style))
            }
        }
    }
}
