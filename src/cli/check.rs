//! `check [SEMINAR]`.

use clap::Args;

use super::Context;
use crate::error::Result;
use crate::ops;
use crate::render::{json, text};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Only problems that concern this seminar (slug or #ID)
    pub seminar: Option<String>,
}

/// Exit code 3 when problems are found, so scripts can tell.
pub fn run(args: CheckArgs, context: &Context) -> Result<u8> {
    let problems = context.open()?.read(|db| {
        let seminar = match &args.seminar {
            Some(reference) => Some(ops::find_seminar(db, reference)?),
            None => None,
        };
        ops::check(db, seminar.as_ref())
    })?;
    if context.json {
        context.print_json(&json::problems(&problems))?;
    } else {
        context.print(&text::problem_report(&problems, &context.style))?;
    }
    Ok(if problems.is_empty() { 0 } else { 3 })
}
