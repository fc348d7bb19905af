//! `create`, `list`, `show`, `edit`, `cancel`, `delete`.

use crate::model::zone::Zone;
use chrono::{Datelike, NaiveDate, NaiveTime};
use clap::Args;

use super::guide::{self, CreateAnswers, Guide};
use super::prompt::Prompter;
use super::values::{date, time_of_day, zone};
use super::{Context, PermissionArgs};
use crate::error::{Error, Record, Result};
use crate::model::draft::Draft;
use crate::model::{
    DEFAULT_END, DEFAULT_START, RoleKind, Schedule, Seminar, Status, check_day_hours, time,
};
use crate::ops::people::NewRole;
use crate::ops::seminars::{self, ListQuery, NewSeminar, SeminarChanges};
use crate::render::{json, text};

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The seminar's title; without one (on a terminal) every detail is asked for in turn
    pub title: Option<String>,
    /// The (first) day: 2017-05-18, 18/05/2017, 18 Mei 2017, Kamis, 18 Mei 2017
    #[arg(long, value_parser = date)]
    pub date: Option<NaiveDate>,
    /// The last day, for a seminar of several days
    #[arg(long, value_parser = date, value_name = "DATE")]
    pub until: Option<NaiveDate>,
    /// Start time each day, 09:00 or 09.00 [default: 09:00]
    #[arg(long, value_parser = time_of_day, value_name = "HH:MM")]
    pub start: Option<NaiveTime>,
    /// End time each day [default: 17:00, or two hours after a later start]
    #[arg(long, value_parser = time_of_day, value_name = "HH:MM")]
    pub end: Option<NaiveTime>,
    /// Time zone: Asia/Jakarta, WIB, WITA, WIT... [env: SEMINAR_TZ] [default: the system's]
    #[arg(long, value_parser = zone, value_name = "ZONE")]
    pub tz: Option<Zone>,
    /// Venue by name (added if new)
    #[arg(long)]
    pub venue: Option<String>,
    /// Theme or subtitle
    #[arg(long, visible_alias = "theme", value_name = "TEXT")]
    pub subtitle: Option<String>,
    /// An organizer; repeat for several
    #[arg(long = "organizer", value_name = "NAME")]
    pub organizers: Vec<String>,
    /// A description for the agenda
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
    /// Short name for the command line [default: from the title and year]
    #[arg(long)]
    pub slug: Option<String>,
    /// planned, confirmed or cancelled [default: planned]
    #[arg(long, value_enum)]
    pub status: Option<Status>,
    #[command(flatten)]
    pub permission: PermissionArgs,
}

/// The end of the day when none is given: 17:00, or two hours after a later start.
fn default_end(start: NaiveTime) -> NaiveTime {
    let five_pm = NaiveTime::from_hms_opt(DEFAULT_END.0, DEFAULT_END.1, 0).unwrap_or(start);
    if start < five_pm {
        five_pm
    } else {
        let later = start + chrono::Duration::hours(2);
        if later > start {
            later
        } else {
            NaiveTime::from_hms_opt(23, 59, 0).unwrap_or(start)
        }
    }
}

pub fn create(args: CreateArgs, context: &Context) -> Result<()> {
    let Some(title) = args.title.clone() else {
        if !context.interactive {
            let mut missing = vec!["TITLE"];
            if args.date.is_none() {
                missing.push("--date");
            }
            return Err(guide::missing("create", &missing));
        }
        return create_guided(args, context);
    };
    let first_day = match args.date {
        Some(day) => day,
        None if context.interactive => {
            let today = context.today;
            Prompter::new().ask("Date, e.g. Kamis, 18/05/2017", None, |text| {
                time::parse_date(text, today)
            })?
        }
        None => return Err(guide::missing("create", &["--date"])),
    };
    let start = args.start.unwrap_or_else(default_start);
    let input = NewSeminar {
        title,
        schedule: Schedule {
            zone: args.tz.unwrap_or(context.default_zone),
            first_day,
            last_day: args.until.unwrap_or(first_day),
            start,
            end: args.end.unwrap_or_else(|| default_end(start)),
            days: Vec::new(),
        },
        venue: args.venue,
        subtitle: args.subtitle,
        organizers: args.organizers,
        description: args.description,
        slug: args.slug,
        status: args.status.unwrap_or(Status::Planned),
        uid: None,
    };
    let mut store = context.open()?;
    let (seminar, notices) = context.settle(args.permission.into(), |answers, permission| {
        let input = NewSeminar {
            venue: answers.resolve_option(Record::Venue, &input.venue),
            ..input.clone()
        };
        store.write(|db| seminars::create(db, input.clone(), permission))
    })?;
    context.tell(&notices);
    print_created(&seminar, context)
}

fn default_start() -> NaiveTime {
    NaiveTime::from_hms_opt(DEFAULT_START.0, DEFAULT_START.1, 0).unwrap_or_default()
}

fn print_created(seminar: &Seminar, context: &Context) -> Result<()> {
    if context.json {
        context.print_json(&json::seminar(seminar))
    } else {
        context.print(&format!(
            "Created {}\n",
            text::seminar_line(seminar, &context.style)
        ))
    }
}

/// `create` without a title, on a terminal: asks for every detail not given as a flag,
/// then the moderator, the speakers with their talks and the rest of the rundown, and
/// writes it all in one transaction.
fn create_guided(args: CreateArgs, context: &Context) -> Result<()> {
    let mut guide = Guide::new(context, args.permission.into())?;
    let ask = &guide.prompter;
    let title = ask.ask("Title", None, |text| match text {
        "" => Err("title: cannot be empty".to_string()),
        text => Ok(text.to_string()),
    })?;
    let subtitle = match args.subtitle {
        Some(subtitle) => Some(subtitle),
        None => ask.text("Theme (empty for none)", None)?,
    };
    let today = context.today;
    let first_day = match args.date {
        Some(day) => day,
        None => ask.ask("Date, e.g. Kamis, 18/05/2017", None, |text| {
            time::parse_date(text, today)
        })?,
    };
    let last_day = match args.until {
        Some(day) => day,
        None => ask
            .ask_optional(
                "Last day, for a seminar of several days (empty for one day)",
                None,
                |text| match time::parse_date(text, today)? {
                    day if day < first_day => {
                        Err(format!("until: {day} is before the first day {first_day}"))
                    }
                    day => Ok(day),
                },
            )?
            .unwrap_or(first_day),
    };
    let start = match args.start {
        Some(start) => start,
        None => ask.ask("Starts at", Some("09:00"), time::parse_time)?,
    };
    let end = match args.end {
        Some(end) => end,
        None => ask.ask(
            "Ends at",
            Some(&default_end(start).format("%H:%M").to_string()),
            |text| {
                let end = time::parse_time(text)?;
                check_day_hours(start, end)?;
                Ok(end)
            },
        )?,
    };
    let zone = match args.tz {
        Some(zone) => zone,
        None => ask.ask(
            "Time zone, e.g. Asia/Jakarta or WIB",
            Some(context.default_zone.name()),
            time::parse_zone,
        )?,
    };
    let mut schedule = Schedule::daily(zone, first_day, last_day, start, end);
    schedule.validate().map_err(Error::usage)?;
    guide.day_hours(&mut schedule)?;
    let (venue_name, venue) = match args.venue {
        Some(name) => (Some(name), None),
        None => (None, guide.venue()?),
    };
    let ask = &guide.prompter;
    let organizers = match args.organizers.is_empty() {
        false => args.organizers,
        true => ask.list("Organizer (empty when done)")?,
    };
    let slug = match args.slug {
        Some(slug) => slug,
        None => {
            let suggested = context
                .open()?
                .read(|db| seminars::suggested_slug(db, &title, first_day.year()))?;
            ask.ask(
                "Short name for the command line",
                Some(&suggested),
                |text| {
                    context
                        .open()
                        .and_then(|mut store| store.read(|db| seminars::free_slug(db, text)))
                        .map_err(|error| error.to_string())
                },
            )?
        }
    };
    let status = match args.status {
        Some(status) => status,
        None => {
            let words = [Status::Planned, Status::Confirmed];
            let items: Vec<String> = words.iter().map(|s| s.as_str().to_string()).collect();
            words[ask.choose("Status", &items, 0)?]
        }
    };
    let venue_of_seminar = venue_name
        .clone()
        .or(venue.as_ref().map(|v| v.name.clone()));
    let mut draft = Draft::new(&slug, &title, schedule.clone(), venue_of_seminar.as_deref())
        .map_err(Error::usage)?;
    let sessions = guide.sessions(&mut draft)?;
    let mut roles = Vec::new();
    let moderator = match guide.person("Moderator")? {
        Some(name) => Some(guide.role(NewRole::named(RoleKind::Moderator, name), &mut draft)?),
        None => None,
    };
    while let Some(name) = guide.person("Speaker")? {
        roles.push(guide.role(NewRole::named(RoleKind::Speaker, name), &mut draft)?);
    }
    roles.extend(moderator);
    let slots = guide.rundown(&mut draft)?;
    let answers = CreateAnswers {
        seminar: NewSeminar {
            title,
            schedule,
            venue: venue_name,
            subtitle,
            organizers,
            description: args.description,
            slug: Some(slug.clone()),
            status,
            uid: None,
        },
        venue,
        roles,
        sessions,
        slots,
    };
    let question = format!(
        "Create '{}' with {}{} speaker(s), {} moderator(s) and {} more rundown item(s)?",
        answers.seminar.title,
        match answers.sessions.len() {
            0 => String::new(),
            n => format!("{n} session(s), "),
        },
        answers
            .roles
            .iter()
            .filter(|r| r.kind == RoleKind::Speaker)
            .count(),
        answers
            .roles
            .iter()
            .filter(|r| r.kind == RoleKind::Moderator)
            .count(),
        answers.slots.len()
    );
    if !guide.prompter.confirm(&question, true)? {
        return Err(Error::refused("not created: nothing was written"));
    }
    let plan = answers.into_plan();
    let mut store = context.open()?;
    let (seminar, notices) = store.write(|db| {
        let outcome = crate::ops::import::apply(
            db,
            plan.clone(),
            guide.permission,
            &super::versions::snapshot,
        )?;
        Ok((crate::ops::find_seminar(db, &slug)?, outcome.notices))
    })?;
    context.tell(&notices);
    print_created(&seminar, context)
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only seminars on or after this day
    #[arg(long, value_parser = date)]
    pub from: Option<NaiveDate>,
    /// Only seminars on or before this day
    #[arg(long, value_parser = date)]
    pub to: Option<NaiveDate>,
    /// Only seminars at this venue
    #[arg(long)]
    pub venue: Option<String>,
    /// Only seminars whose title, theme, slug or organizers contain this text
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

pub fn list(args: ListArgs, context: &Context) -> Result<()> {
    let query = ListQuery {
        from: args.from,
        to: args.to,
        venue: args.venue,
        search: args.search,
    };
    let seminars = context.open()?.read(|db| seminars::list(db, &query))?;
    if context.json {
        context.print_json(&json::seminar_list(&seminars))
    } else {
        context.print(&text::seminar_list(&seminars, &context.style))
    }
}

#[derive(Debug, Args)]
pub struct SeminarArg {
    /// The seminar: its slug (kss-2017) or #ID
    pub seminar: String,
}

pub fn show(args: SeminarArg, context: &Context) -> Result<()> {
    let programme = context
        .open()?
        .read(|db| seminars::programme(db, &args.seminar))?;
    if context.json {
        context.print_json(&json::programme(&programme))
    } else {
        context.print(&text::seminar_detail(&programme, &context.style))
    }
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The seminar: its slug (kss-2017) or #ID
    pub seminar: String,
    /// New title
    #[arg(long)]
    pub title: Option<String>,
    /// New (first) day; slots move with it
    #[arg(long, value_parser = date)]
    pub date: Option<NaiveDate>,
    /// New last day
    #[arg(long, value_parser = date, value_name = "DATE")]
    pub until: Option<NaiveDate>,
    /// New start of the day (every day, or the day given by --on); the rundown moves with it
    #[arg(long, value_parser = time_of_day, value_name = "HH:MM")]
    pub start: Option<NaiveTime>,
    /// New end of the day (at or before the start: the next morning)
    #[arg(long, value_parser = time_of_day, value_name = "HH:MM")]
    pub end: Option<NaiveTime>,
    /// Give one day its own hours with --start and --end (the seminar's hours again drop them)
    #[arg(long, value_parser = date, value_name = "DATE", conflicts_with_all = ["date", "until"])]
    pub on: Option<NaiveDate>,
    /// New time zone; slots keep their local times
    #[arg(long, value_parser = zone, value_name = "ZONE")]
    pub tz: Option<Zone>,
    /// New venue by name (added if new); "" removes the venue
    #[arg(long)]
    pub venue: Option<String>,
    /// New theme; "" removes it
    #[arg(long, visible_alias = "theme", value_name = "TEXT")]
    pub subtitle: Option<String>,
    /// Organizers, replacing the old list; repeat for several
    #[arg(long = "organizer", value_name = "NAME")]
    pub organizers: Vec<String>,
    /// Remove all organizers
    #[arg(long, conflicts_with = "organizers")]
    pub no_organizers: bool,
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
    #[arg(long)]
    pub slug: Option<String>,
    #[arg(long, value_enum)]
    pub status: Option<Status>,
    #[command(flatten)]
    pub permission: PermissionArgs,
}

pub fn edit(args: EditArgs, context: &Context) -> Result<()> {
    let organizers = if args.no_organizers {
        Some(Vec::new())
    } else if args.organizers.is_empty() {
        None
    } else {
        Some(args.organizers)
    };
    let changes = SeminarChanges {
        title: args.title,
        slug: args.slug,
        first_day: args.date,
        last_day: args.until,
        start: args.start,
        end: args.end,
        on: args.on,
        zone: args.tz,
        venue: args.venue,
        subtitle: args.subtitle,
        description: args.description,
        organizers,
        status: args.status,
    };
    let mut store = context.open()?;
    let (seminar, notices) = context.settle(args.permission.into(), |answers, permission| {
        let changes = SeminarChanges {
            venue: answers.resolve_option(Record::Venue, &changes.venue),
            ..changes.clone()
        };
        store.write(|db| seminars::edit(db, &args.seminar, changes.clone(), permission))
    })?;
    context.tell(&notices);
    if context.json {
        context.print_json(&json::seminar(&seminar))
    } else {
        context.print(&format!(
            "Updated {}\n",
            text::seminar_line(&seminar, &context.style)
        ))
    }
}

pub fn cancel(args: SeminarArg, context: &Context) -> Result<()> {
    let seminar = context
        .open()?
        .write(|db| seminars::cancel(db, &args.seminar))?;
    if context.json {
        context.print_json(&json::seminar(&seminar))
    } else {
        context.print(&format!(
            "Cancelled {}\n",
            text::seminar_line(&seminar, &context.style)
        ))
    }
}

pub fn delete(args: SeminarArg, context: &Context) -> Result<()> {
    let mut store = context.open()?;
    let seminar = store.read(|db| crate::ops::find_seminar(db, &args.seminar))?;
    context.confirm(
        &format!("Delete {} with its speakers and rundown?", seminar.slug),
        "not deleted",
    )?;
    let deleted = store.write(|db| seminars::delete(db, &format!("#{}", seminar.id)))?;
    if context.json {
        context.print_json(&json::seminar(&deleted))
    } else {
        context.print(&format!(
            "Deleted {}\n",
            text::seminar_line(&deleted, &context.style)
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_end_follows_the_start() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(default_end(t(9, 0)), t(17, 0));
        assert_eq!(default_end(t(18, 0)), t(20, 0));
        assert_eq!(default_end(t(23, 0)), t(23, 59));
    }
}
