//! Where the database, the language and the time zone come from: a flag, else an
//! environment variable, else the config file, else the built-in default. `config show`
//! prints each value with its source.

use std::path::{Path, PathBuf};

use crate::model::zone::Zone;
use clap::Subcommand;
use serde::{Deserialize, Serialize};

use super::context::env;
use super::{Context, GlobalArgs};
use crate::error::{Error, Result};
use crate::render::Lang;

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum Source {
    Flag(&'static str),
    Environment(&'static str),
    ConfigFile(PathBuf),
    Default,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "flag {flag}"),
            Source::Environment(name) => write!(f, "environment {name}"),
            Source::ConfigFile(path) => write!(f, "config file {}", path.display()),
            Source::Default => write!(f, "default"),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

/// The config file: `config.toml` in the platform config folder
/// (`~/.config/seminar/config.toml` on Linux), or the file `SEMINAR_CONFIG` names.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    db: Option<PathBuf>,
    lang: Option<String>,
    tz: Option<String>,
}

/// The settings every command starts from.
#[derive(Debug, Clone)]
pub struct Settings {
    pub config_file: Option<PathBuf>,
    pub db: Setting<PathBuf>,
    pub lang: Setting<Lang>,
    pub zone: Setting<Zone>,
}

fn config_path() -> Option<PathBuf> {
    match env("SEMINAR_CONFIG") {
        Some(path) => Some(PathBuf::from(path)),
        None => directories::ProjectDirs::from("", "", "seminar")
            .map(|dirs| dirs.config_dir().join("config.toml")),
    }
}

fn read_config(path: &Path) -> Result<ConfigFile> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(ConfigFile::default());
        }
        Err(error) => {
            return Err(Error::usage(format!(
                "config: cannot read {}: {error}",
                path.display()
            )));
        }
    };
    toml::from_str(&text).map_err(|error| {
        let message = error.message().replace('\n', " ");
        Error::usage(format!(
            "config: {} is not a valid config file: {message}; accepted keys: db, lang, tz",
            path.display()
        ))
    })
}

pub(super) fn parse_lang(text: &str) -> std::result::Result<Lang, String> {
    match text.trim().to_lowercase().as_str() {
        "en" => Ok(Lang::En),
        "id" => Ok(Lang::Id),
        other => Err(format!("'{other}' is not a language; accepted: en, id")),
    }
}

impl Settings {
    /// The language alone, for the help that is shown before the command line is parsed;
    /// a broken setting leaves it English (the command then reports the setting).
    pub fn language(flag: Option<Lang>) -> Lang {
        let config_file = config_path();
        let config = config_file
            .as_deref()
            .and_then(|path| read_config(path).ok())
            .unwrap_or_default();
        let from_file = || Source::ConfigFile(config_file.clone().unwrap_or_default());
        resolve_lang(flag, &config, from_file)
            .map(|setting| setting.value)
            .unwrap_or_default()
    }

    pub fn resolve(global: &GlobalArgs) -> Result<Settings> {
        let config_file = config_path();
        let config = match &config_file {
            Some(path) => read_config(path)?,
            None => ConfigFile::default(),
        };
        let from_file = || Source::ConfigFile(config_file.clone().unwrap_or_default());

        let db = match (&global.db, env("SEMINAR_DB"), &config.db) {
            (Some(path), _, _) if !path.as_os_str().is_empty() => Setting {
                value: path.clone(),
                source: Source::Flag("--db"),
            },
            (_, Some(path), _) => Setting {
                value: PathBuf::from(path),
                source: Source::Environment("SEMINAR_DB"),
            },
            (_, _, Some(path)) if !path.as_os_str().is_empty() => Setting {
                value: expand_home(path),
                source: from_file(),
            },
            _ => Setting {
                value: default_db_path()?,
                source: Source::Default,
            },
        };

        let lang = resolve_lang(global.lang, &config, from_file)?;

        let zone = match (env("SEMINAR_TZ"), &config.tz) {
            (Some(text), _) => Setting {
                value: crate::model::time::parse_zone(&text)
                    .map_err(|e| Error::usage(format!("SEMINAR_TZ: {e}")))?,
                source: Source::Environment("SEMINAR_TZ"),
            },
            (_, Some(text)) => Setting {
                value: crate::model::time::parse_zone(text)
                    .map_err(|e| Error::usage(format!("config tz: {e}")))?,
                source: from_file(),
            },
            _ => Setting {
                value: iana_time_zone::get_timezone()
                    .ok()
                    .and_then(|name| name.parse().ok())
                    .unwrap_or(Zone::utc()),
                source: Source::Default,
            },
        };
        Ok(Settings {
            config_file,
            db,
            lang,
            zone,
        })
    }
}

/// `--lang`, else `SEMINAR_LANG`, else the config file's `lang`, else English.
fn resolve_lang(
    flag: Option<Lang>,
    config: &ConfigFile,
    from_file: impl Fn() -> Source,
) -> Result<Setting<Lang>> {
    Ok(match (flag, env("SEMINAR_LANG"), &config.lang) {
        (Some(lang), _, _) => Setting {
            value: lang,
            source: Source::Flag("--lang"),
        },
        (_, Some(text), _) => Setting {
            value: parse_lang(&text).map_err(|e| Error::usage(format!("SEMINAR_LANG: {e}")))?,
            source: Source::Environment("SEMINAR_LANG"),
        },
        (_, _, Some(text)) => Setting {
            value: parse_lang(text).map_err(|e| Error::usage(format!("config lang: {e}")))?,
            source: from_file(),
        },
        _ => Setting {
            value: Lang::En,
            source: Source::Default,
        },
    })
}

/// `~/seminar.db` in a config file means the file in the home folder.
fn expand_home(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), directories::BaseDirs::new()) {
        (Ok(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => path.to_path_buf(),
    }
}

fn default_db_path() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "seminar")
        .map(|dirs| dirs.data_dir().join("seminar.db"))
        .ok_or_else(|| {
            Error::usage("db: cannot find a home folder for the default database; pass --db PATH or set SEMINAR_DB")
        })
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the database, language and time zone in effect, and where each comes from
    #[command(after_help = "Example:\n  seminar config show")]
    Show,
}

pub fn run(command: ConfigCommand, context: &Context) -> Result<()> {
    match command {
        ConfigCommand::Show => {
            let settings = &context.settings;
            let file = settings.config_file.as_ref();
            let file_state = match file {
                Some(path) if path.exists() => path.display().to_string(),
                Some(path) => format!("{} (not present)", path.display()),
                None => "(no config folder on this system)".to_string(),
            };
            let rows = [
                (
                    "db",
                    settings.db.value.display().to_string(),
                    &settings.db.source,
                ),
                (
                    "lang",
                    lang_code(settings.lang.value).to_string(),
                    &settings.lang.source,
                ),
                (
                    "tz",
                    settings.zone.value.name().to_string(),
                    &settings.zone.source,
                ),
            ];
            if context.json {
                let exists = file.is_some_and(|path| path.exists());
                return context.print_json(&crate::render::json::settings(
                    file.map(PathBuf::as_path),
                    exists,
                    &rows,
                ));
            }
            let rows = rows.map(|(name, value, source)| (name, value, source.to_string()));
            context.print(&crate::render::text::settings(
                &file_state,
                &rows,
                &context.style,
            ))
        }
    }
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Id => "id",
    }
}
