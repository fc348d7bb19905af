//! `agenda [SEMINAR]`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use super::Context;
use super::export::{DocumentArgs, Format, Scope, document, privacy, read_programmes};
use super::values::date;
use crate::error::{Error, Result};
use crate::ops::{self, seminars};
use crate::render::{agenda, grid, json};

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
    /// Only this day of the seminar
    #[arg(long, value_parser = date, value_name = "DATE", requires = "seminar")]
    pub on: Option<NaiveDate>,
    /// Only what happens in this room
    #[arg(long, value_name = "VENUE", requires = "seminar")]
    pub room: Option<String>,
    /// Only this track
    #[arg(long, value_name = "T", requires = "seminar")]
    pub track: Option<String>,
    /// The timetable: rooms as columns, time as rows (text or html)
    #[arg(long, requires = "seminar")]
    pub grid: bool,
    /// Also the talks and sessions cancelled after a publication, struck through
    #[arg(long, requires = "seminar", conflicts_with = "grid")]
    pub show_cancelled: bool,
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
    if args.grid && !matches!(format, Format::Text | Format::Html) {
        return Err(Error::usage(
            "grid: the timetable comes as --format text or html",
        ));
    }
    if args.show_cancelled && !matches!(format, Format::Text | Format::Markdown | Format::Html) {
        return Err(Error::usage(
            "show-cancelled: cancelled items are struck through in --format text, markdown or html; ics marks them cancelled by itself",
        ));
    }
    let mut store = context.open()?;
    match &args.seminar {
        Some(reference) => {
            let programme = store.read(|db| {
                let mut programme = seminars::programme(db, reference)?;
                ops::versions::add_history(db, &mut programme, &super::versions::snapshot)?;
                if args.document.include_contacts {
                    ops::people::add_contacts(db, programme.roles.iter_mut())?;
                }
                Ok(programme)
            })?;
            let programme = if args.show_cancelled {
                programme.with_cancelled()
            } else {
                programme
            };
            let programme = if args.on.is_some() || args.room.is_some() || args.track.is_some() {
                programme.only(args.on, args.room.as_deref(), args.track.as_deref())
            } else {
                programme
            };
            let text = match format {
                Format::Text if args.grid => grid::text(&programme, &context.style),
                Format::Html if args.grid => grid::html(&programme, context.style.lang),
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
