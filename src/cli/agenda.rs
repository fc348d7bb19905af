//! `agenda [SEMINAR]`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use super::Context;
use super::export::{DocumentArgs, Format, Scope, document, privacy, read_programmes};
use super::values::date;
use crate::error::Result;
use crate::ops::{self, seminars};
use crate::render::{agenda, json};

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// The seminar (slug or #ID); without it, the coming seminars grouped by day
    pub seminar: Option<String>,
    /// Output format (--json is the same as --format json)
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Write to this file (replaced atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Without a seminar: start from this day instead of today
    #[arg(long, value_parser = date, conflicts_with = "seminar")]
    pub from: Option<NaiveDate>,
    /// Without a seminar: stop after this day
    #[arg(long, value_parser = date, conflicts_with = "seminar")]
    pub to: Option<NaiveDate>,
    #[command(flatten)]
    pub document: DocumentArgs,
}

pub fn run(args: AgendaArgs, context: &Context) -> Result<()> {
    let format = if context.json {
        Format::Json
    } else {
        args.format
    };
    args.document.check(format)?;
    let output = context.output(args.output.as_deref())?;
    let privacy = privacy(args.document.include_contacts);
    let mut store = context.open()?;
    match &args.seminar {
        Some(reference) => {
            let programme = store.read(|db| {
                let mut programme = seminars::programme(db, reference)?;
                if args.document.include_contacts {
                    ops::people::add_contacts(db, programme.roles.iter_mut())?;
                }
                Ok(programme)
            })?;
            let text = match format {
                Format::Text => agenda::agenda(&programme, &context.style),
                _ => document(format, &[programme], &Scope::One, args.document, context)?,
            };
            format.deliver(&text, output.as_ref(), privacy, context)
        }
        None => {
            let from = args.from.unwrap_or(context.today);
            let text = match format {
                Format::Text | Format::Json if !args.document.include_contacts => {
                    let coming = store.read(|db| seminars::upcoming(db, from, args.to))?;
                    if format == Format::Json {
                        json::to_string(&json::seminar_list(&coming))
                    } else {
                        agenda::upcoming(&coming, &context.style)
                    }
                }
                _ => {
                    let programmes = read_programmes(
                        &mut store,
                        Some(from),
                        args.to,
                        args.document.include_contacts,
                    )?;
                    let scope = Scope::Range {
                        from: Some(from),
                        to: args.to,
                    };
                    document(format, &programmes, &scope, args.document, context)?
                }
            };
            format.deliver(&text, output.as_ref(), privacy, context)
        }
    }
}
