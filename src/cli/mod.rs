//! The command line: clap definitions, one handler module per noun, and the one place where
//! errors become messages and exit codes.

mod agenda;
mod check;
mod completions;
mod context;
mod export;
mod guide;
mod help;
mod import;
mod institution;
mod maintenance;
mod moderator;
mod person;
mod progress;
mod prompt;
mod roster;
pub mod seminar;
mod session;
mod settings;
mod slot;
mod speaker;
pub mod values;
mod venue;
pub(crate) mod versions;

use std::process::ExitCode;

use clap::{Args, FromArgMatches, Parser, Subcommand};

use crate::error::Error;
pub use context::Context;

const AFTER_HELP: &str = "\
Seminars are named by slug (kss-2017) or #ID. Dates: 2017-05-18, 18/05/2017, 18 Mei 2017,
Kamis, 18 Mei 2017. Times: 09:00 or 09.00. Zones: Asia/Jakarta, WIB, WITA, WIT.

Exit codes: 0 success, 1 error, 2 usage error, 3 `check` found problems.";

/// Plan seminars from one local SQLite file: speakers, moderators, venues, slots and agendas.
#[derive(Debug, Parser)]
#[command(name = "seminar", version, propagate_version = true, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Database file [env: SEMINAR_DB; config: db] [default: the platform data folder,
    /// e.g. ~/.local/share/seminar/seminar.db]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<std::path::PathBuf>,
    /// Print machine-readable JSON (read commands, and the record a change touched)
    #[arg(long, global = true)]
    pub json: bool,
    /// Language of the output [env: SEMINAR_LANG; config: lang] [default: en]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<crate::render::Lang>,
    /// Assume yes: do not ask before deleting
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,
    /// Never prompt (implied when stdin is not a terminal)
    #[arg(long, global = true)]
    pub no_input: bool,
}

/// `--force` and `--new`, for commands that a rule may refuse.
#[derive(Debug, Args, Clone, Copy)]
pub struct PermissionArgs {
    /// Record it even if it breaks a booking rule (`seminar check` will report it)
    #[arg(long)]
    pub force: bool,
    /// Create a person, institution or venue even if its name is close to an existing one;
    /// a person even if someone of that name is on record (a namesake)
    #[arg(long)]
    pub new: bool,
}

impl From<PermissionArgs> for crate::ops::Permission {
    fn from(args: PermissionArgs) -> Self {
        crate::ops::Permission::new(args.force, args.new)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a seminar
    #[command(
        after_help = "Example:\n  seminar create \"Seminar on South-South Cooperation\" --date \"Kamis, 18/05/2017\" \\\n    --start 09:00 --end 12:00 --tz WIB --venue \"Auditorium Juwono Sudarsono\" --slug kss-2017"
    )]
    Create(seminar::CreateArgs),
    /// List seminars
    #[command(
        after_help = "Example:\n  seminar list --from 2017-05-01 --to 2017-05-31 --search cooperation"
    )]
    List(seminar::ListArgs),
    /// Show everything recorded about a seminar
    #[command(after_help = "Example:\n  seminar show kss-2017")]
    Show(seminar::SeminarArg),
    /// Change a seminar
    #[command(after_help = "Example:\n  seminar edit kss-2017 --start 08:30 --status confirmed")]
    Edit(seminar::EditArgs),
    /// Mark a seminar cancelled (kept on record, books nothing)
    #[command(after_help = "Example:\n  seminar cancel kss-2017")]
    Cancel(seminar::SeminarArg),
    /// Delete a seminar with its roles and slots (asks first)
    #[command(after_help = "Example:\n  seminar delete kss-2017 --yes")]
    Delete(seminar::SeminarArg),
    /// Add, remove and list speakers
    #[command(subcommand)]
    Speaker(speaker::SpeakerCommand),
    /// Assign and unassign moderators
    #[command(subcommand)]
    Moderator(moderator::ModeratorCommand),
    /// Add, list and assign venues
    #[command(subcommand)]
    Venue(venue::VenueCommand),
    /// Add and list institutions
    #[command(subcommand)]
    Institution(institution::InstitutionCommand),
    /// List and show people
    #[command(subcommand)]
    Person(person::PersonCommand),
    /// Lay out a seminar's rundown
    #[command(subcommand)]
    Slot(slot::SlotCommand),
    /// Sessions: plenaries, parallel panels and workshops, each in a room with its chairs
    #[command(subcommand)]
    Session(session::SessionCommand),
    /// Publish the seminar's schedule as its next version (1, 2, …)
    #[command(
        after_help = "Example:\n  seminar publish kss-2017 --note \"panel 2B moved to Ruang 3\""
    )]
    Publish(versions::PublishArgs),
    /// List the seminar's published versions
    #[command(after_help = "Example:\n  seminar versions kss-2017")]
    Versions(versions::VersionsArgs),
    /// What changed since a published version: talks and sessions added, cancelled, moved
    #[command(
        after_help = "Examples:\n  seminar changes kss-2017\n  seminar changes kss-2017 --since 1 --format markdown"
    )]
    Changes(versions::ChangesArgs),
    /// Everyone with a part in a seminar, or in the seminars of a period: for certificates
    /// and press releases
    #[command(
        after_help = "Examples:\n  seminar roster kss-2017 --lang id\n  seminar roster --from 2017-01-01 --to 2017-12-31 --format csv -o roster-2017.csv\n  seminar roster kss-2017 --format html -o roster.html"
    )]
    Roster(roster::RosterArgs),
    /// Print a seminar's agenda, or the coming seminars by day
    #[command(
        after_help = "Examples:\n  seminar agenda kss-2017 --lang id\n  seminar agenda kss-2017 --format html -o agenda.html\n  seminar agenda"
    )]
    Agenda(agenda::AgendaArgs),
    /// Write many seminars to one file: JSON archive, iCalendar, frab XML, CSV...
    #[command(
        after_help = "Examples:\n  seminar export --format ics --from 2017-01-01 --to 2017-12-31 -o seminars-2017.ics\n  seminar export --format json -o backup.json"
    )]
    Export(export::ExportArgs),
    /// Read seminars or speakers from a file, all or nothing; a schedule or archive whose
    /// seminar or events are on record (same guid/uid) updates that seminar in place
    #[command(
        after_help = "Examples:\n  seminar import speakers.csv --seminar kss-2017 --dry-run\n  seminar import schedule.xml\n  seminar import schedule-v2.xml --dry-run   (what an updated schedule changes)\n  seminar import backup.json"
    )]
    Import(import::ImportArgs),
    /// Report double bookings and rundown problems (exit 3 if any)
    #[command(after_help = "Example:\n  seminar check")]
    Check(check::CheckArgs),
    /// Copy the database to a file, safely even while it is in use
    #[command(
        after_help = "Examples:\n  seminar backup ~/backups/seminar-2017-05-18.db\n  seminar --db copy.db agenda kss-2017      # read the copy like any database"
    )]
    Backup(maintenance::BackupArgs),
    /// Check the database file: integrity, references, schema version and booking rules
    /// (exit 3 if anything is wrong)
    #[command(after_help = "Example:\n  seminar doctor")]
    Doctor(maintenance::DoctorArgs),
    /// Show where the database, language and time zone come from
    #[command(subcommand)]
    Config(settings::ConfigCommand),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    #[command(
        after_help = "Examples:\n  seminar completions bash > ~/.local/share/bash-completion/completions/seminar\n  seminar completions zsh > ~/.zfunc/_seminar\n  seminar completions fish > ~/.config/fish/completions/seminar.fish"
    )]
    Completions(completions::CompletionsArgs),
    /// Print the manual page, or write one page per command
    #[command(
        after_help = "Examples:\n  seminar man | man -l -\n  seminar man --dir ~/.local/share/man/man1"
    )]
    Man(completions::ManArgs),
}

/// Parses the command line and runs it; returns the process exit code.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // A command line that parses needs no words; help, version and usage errors are parsed
    // again with the texts of the chosen language, which yields the same outcome in its words.
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(error) => {
            let help_lang = help::language(&args);
            let localized = help::command(help_lang)
                .try_get_matches_from(&args)
                .and_then(|matches| Cli::from_arg_matches(&matches));
            return clap_exit(&localized.err().unwrap_or(error), help_lang);
        }
    };
    let mut context = match Context::new(&cli.global) {
        Ok(context) => context,
        Err(error) => return report(&error, crate::render::Lang::En),
    };
    let lang = context.style.lang;
    match run(cli.command, &mut context) {
        Ok(code) => ExitCode::from(code),
        Err(error) => report(&error, lang),
    }
}

/// Runs one command; `Ok` carries the exit code (0, or 3 when `check` finds problems).
pub fn run(command: Command, context: &mut Context) -> Result<u8, Error> {
    match command {
        Command::Create(args) => seminar::create(args, context)?,
        Command::List(args) => seminar::list(args, context)?,
        Command::Show(args) => seminar::show(args, context)?,
        Command::Edit(args) => seminar::edit(args, context)?,
        Command::Cancel(args) => seminar::cancel(args, context)?,
        Command::Delete(args) => seminar::delete(args, context)?,
        Command::Speaker(command) => speaker::run(command, context)?,
        Command::Moderator(command) => moderator::run(command, context)?,
        Command::Venue(command) => venue::run(command, context)?,
        Command::Institution(command) => institution::run(command, context)?,
        Command::Person(command) => person::run(command, context)?,
        Command::Slot(command) => slot::run(command, context)?,
        Command::Session(command) => session::run(command, context)?,
        Command::Publish(args) => versions::publish(args, context)?,
        Command::Versions(args) => versions::list(args, context)?,
        Command::Changes(args) => versions::changes(args, context)?,
        Command::Roster(args) => roster::run(args, context)?,
        Command::Agenda(args) => agenda::run(args, context)?,
        Command::Export(args) => export::run(args, context)?,
        Command::Import(args) => import::run(args, context)?,
        Command::Check(args) => return check::run(args, context),
        Command::Backup(args) => maintenance::backup(args, context)?,
        Command::Doctor(args) => return maintenance::doctor(args, context),
        Command::Config(command) => settings::run(command, context)?,
        Command::Completions(args) => completions::completions(args, context)?,
        Command::Man(args) => completions::man(args, context)?,
    }
    Ok(0)
}

/// Prints an error as one line on stderr and returns its exit code.
fn report(error: &Error, lang: crate::render::Lang) -> ExitCode {
    if error.is_broken_pipe() {
        return ExitCode::SUCCESS;
    }
    let message = match error {
        Error::Conflicts(problems) => {
            let first = crate::render::problems::describe(&problems[0], lang);
            let more = match problems.len() {
                1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            format!(
                "refused: {first}{more}; change the time or place, or pass --force to record it anyway"
            )
        }
        other => other.to_string(),
    };
    print_error_line(&format!("error: {message}"));
    ExitCode::from(error.exit_code())
}

/// Writes an error message as one line on stderr. Line breaks become spaces, and other
/// hidden characters (a NUL or an escape sequence from an input file, a bidi override) are
/// shown escaped, so that they can neither break the line nor drive the terminal.
fn print_error_line(message: &str) {
    context::say(&message.replace(['\n', '\r', '\t'], " "));
}

/// Help and version go to stdout with exit 0; usage errors become one line and exit 2.
fn clap_exit(error: &clap::Error, lang: crate::render::Lang) -> ExitCode {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            ExitCode::from(2)
        }
        _ => {
            print_error_line(&help::usage_line(error, lang));
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
