//! What every handler needs: where the database is, how to print, whether it may ask.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::GlobalArgs;
use super::prompt::{Answers, Prompter};
use super::settings::Settings;
use crate::error::{Error, Result};
use crate::ops::{Notice, Permission};
use crate::output::{Kind, Privacy, Target};
use crate::render::{Style, Width, visible};
use crate::store::Store;

pub struct Context {
    pub db_path: PathBuf,
    pub json: bool,
    pub yes: bool,
    /// Prompts are allowed: stdin is a terminal and `--no-input` was not given.
    pub interactive: bool,
    pub style: Style,
    pub today: NaiveDate,
    /// The current instant (pinned by `SEMINAR_NOW` like `today`), for export timestamps.
    pub now: DateTime<Utc>,
    pub default_zone: crate::model::zone::Zone,
    /// The database, language and zone, with where each came from.
    pub settings: Settings,
}

/// An environment variable, with an empty value counted as unset.
pub fn env(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .filter(|value| !value.trim().is_empty())
}

/// Today's date where the user is. `SEMINAR_NOW` (a date or an RFC 3339 time) pins it, for
/// reproducible output and tests.
pub fn today() -> Result<NaiveDate> {
    Ok(match pinned_now()? {
        None => chrono::Local::now().date_naive(),
        Some((date, _)) => date,
    })
}

/// The current instant: `SEMINAR_NOW` (a date counts as its midnight UTC), else the clock.
pub fn now() -> Result<DateTime<Utc>> {
    Ok(match pinned_now()? {
        None => Utc::now(),
        Some((_, at)) => at,
    })
}

fn pinned_now() -> Result<Option<(NaiveDate, DateTime<Utc>)>> {
    let Some(text) = env("SEMINAR_NOW") else {
        return Ok(None);
    };
    if let Ok(at) = DateTime::parse_from_rfc3339(&text) {
        return Ok(Some((at.date_naive(), at.with_timezone(&Utc))));
    }
    match text.parse::<NaiveDate>() {
        Ok(date) => Ok(Some((
            date,
            date.and_time(chrono::NaiveTime::MIN).and_utc(),
        ))),
        Err(_) => Err(Error::usage(format!(
            "SEMINAR_NOW: '{text}' is not a date; accepted: 2017-05-18 or 2017-05-18T09:00:00+07:00"
        ))),
    }
}

impl Context {
    pub fn new(global: &GlobalArgs) -> Result<Context> {
        let settings = Settings::resolve(global)?;
        let terminal = std::io::stdout().is_terminal();
        let width = match env("COLUMNS").and_then(|c| c.parse::<u16>().ok()) {
            Some(columns) => Width::Columns(columns),
            None if terminal => Width::Terminal,
            None => Width::Unlimited,
        };
        Ok(Context {
            db_path: settings.db.value.clone(),
            json: global.json,
            yes: global.yes,
            interactive: !global.no_input && std::io::stdin().is_terminal(),
            style: Style {
                lang: settings.lang.value,
                width,
                terminal,
            },
            today: today()?,
            now: now()?,
            default_zone: settings.zone.value,
            settings,
        })
    }

    /// The time zone the user chose (SEMINAR_TZ or the config file), not the machine's.
    pub fn configured_zone(&self) -> Option<crate::model::zone::Zone> {
        (self.settings.zone.source != super::settings::Source::Default)
            .then_some(self.settings.zone.value)
    }

    /// The database; a file that does not exist yet is created by the first write.
    pub fn open(&self) -> Result<Store> {
        let store = Store::open_lazily(&self.db_path)?;
        if let Some(upgrade) = store.upgrade() {
            say(&format!(
                "note: upgraded {} from schema version {} to {}; the file as it was is kept as {}",
                self.db_path.display(),
                upgrade.from,
                upgrade.to,
                upgrade.backup.display()
            ));
        }
        Ok(store)
    }

    /// Writes text for people to stdout, with hidden characters shown escaped (see
    /// [`visible`]); a closed pipe ends the command quietly.
    pub fn print(&self, text: &str) -> Result<()> {
        self.print_data(&visible(text))
    }

    /// Writes a data format (JSON, CSV, iCalendar, XML) to stdout as it is: such formats
    /// keep the exact text, in their own escaping.
    pub fn print_data(&self, text: &str) -> Result<()> {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(text.as_bytes())?;
        stdout.flush()?;
        Ok(())
    }

    /// Checks where `-o` sends a document, before any work: `None` (no `-o`, or `-`) is
    /// stdout. The database and its companions are refused (see [`Target::check`]).
    pub fn output(&self, path: Option<&Path>) -> Result<Option<Target>> {
        match path {
            None => Ok(None),
            Some(path) if path.as_os_str() == "-" => Ok(None),
            Some(path) => Target::check(path, Kind::Document, &self.db_path).map(Some),
        }
    }

    /// Writes a document to `output` (see [`Context::output`]), or to stdout.
    pub fn deliver(&self, text: &str, output: Option<&Target>, privacy: Privacy) -> Result<()> {
        match output {
            None => self.print_data(text),
            Some(target) => target.write(text.as_bytes(), privacy),
        }
    }

    /// [`deliver`](Self::deliver) for a document written as it is made: `write` gets the
    /// file (replaced only once it succeeds) or stdout.
    pub fn deliver_streamed(
        &self,
        output: Option<&Target>,
        privacy: Privacy,
        write: impl FnOnce(&mut dyn Write) -> Result<()>,
    ) -> Result<()> {
        match output {
            None => {
                let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
                write(&mut stdout)?;
                stdout.flush()?;
                Ok(())
            }
            Some(target) => target.write_with(privacy, write),
        }
    }

    /// [`deliver`](Self::deliver) for a document people read (text, Markdown, HTML): hidden
    /// characters are shown escaped in a file too, as it may be shown on a terminal later.
    pub fn deliver_readable(
        &self,
        text: &str,
        output: Option<&Target>,
        privacy: Privacy,
    ) -> Result<()> {
        self.deliver(&visible(text), output, privacy)
    }

    pub fn print_json<T: Serialize + ?Sized>(&self, value: &T) -> Result<()> {
        self.print_data(&crate::render::json::to_string(value))
    }

    /// Tells the user on stderr what a command did besides its main work.
    pub fn tell(&self, notices: &[Notice]) {
        for notice in notices {
            say(&crate::render::problems::notice(notice, self.style.lang));
        }
    }

    /// Runs a change. On a terminal, a new name close to existing ones is met with "did you
    /// mean ...?", and the change is tried again with the answer: the existing name in
    /// place of the typed one, or the new record approved. Each try is its own transaction,
    /// so a refused try leaves nothing behind.
    pub fn settle<T>(
        &self,
        permission: Permission,
        mut attempt: impl FnMut(&Answers, Permission) -> Result<T>,
    ) -> Result<T> {
        let mut answers = Answers::default();
        let mut permission = permission;
        loop {
            match attempt(&answers, permission) {
                Err(Error::LooksLike {
                    record,
                    name,
                    candidates,
                    ..
                }) if self.interactive
                    && !answers.knows(record, &name)
                    && !permission.allows_new(record) =>
                {
                    match Prompter::new().did_you_mean(record, &name, &candidates)? {
                        Some(existing) => answers.replace(record, &name, existing),
                        None => permission = permission.approve_new(record),
                    }
                }
                outcome => return outcome,
            }
        }
    }

    /// Asks before something that cannot be undone; "no" refuses with `declined` (and
    /// changes nothing). Without a terminal (or with `--no-input`) only `--yes` lets it
    /// happen.
    pub fn confirm(&self, question: &str, declined: &str) -> Result<()> {
        match self.ask_yes(question)? {
            true => Ok(()),
            false => Err(Error::refused(format!("{declined}: nothing was changed"))),
        }
    }

    fn ask_yes(&self, question: &str) -> Result<bool> {
        if self.yes {
            return Ok(true);
        }
        if !self.interactive {
            return Err(Error::usage(format!(
                "{question} needs confirmation; pass --yes to confirm without a prompt"
            )));
        }
        dialoguer::Confirm::new()
            .with_prompt(visible(question))
            .default(false)
            .interact()
            .map_err(|error| Error::usage(format!("confirmation: {error}")))
    }
}

/// Tells the user something on stderr, on a line of its own, with hidden characters shown
/// escaped (see [`visible`]). A closed stderr is ignored: there is nowhere left to tell it.
pub fn say(text: &str) {
    let mut line = visible(text).into_owned();
    line.push('\n');
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}
