//! `publish`, `versions` and `changes`.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::Context;
use super::values::date;
use crate::error::{Error, Result};
use crate::model::Programme;
use crate::ops::versions::{self, Since};
use crate::output::{Kind, Privacy, Target};
use crate::render::{drafts, json, versions as render};

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
    /// Write a message draft (.eml and .txt) to each speaker or chair whose part changed,
    /// into the folder given with -o; nothing is sent
    #[arg(long, requires = "output")]
    pub per_person: bool,
    /// The folder for the --per-person drafts (created if missing)
    #[arg(
        short = 'o',
        long = "output",
        value_name = "DIR",
        requires = "per_person"
    )]
    pub output: Option<PathBuf>,
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
    if let Some(folder) = &args.output {
        return drafts(&args, folder, context);
    }
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

/// `changes --per-person -o DIR`: one `.eml` and one `.txt` draft per person affected.
fn drafts(args: &ChangesArgs, folder: &Path, context: &Context) -> Result<()> {
    if folder.exists() && !folder.is_dir() {
        return Err(Error::usage(format!(
            "output: {} is not a folder; give the folder to write the drafts into",
            folder.display()
        )));
    }
    let found = context
        .open()?
        .read(|db| versions::affected(db, &args.seminar, args.since, &snapshot))?;
    let seminar = &found.report.seminar;
    let lang = context.style.lang;
    let mut files = Vec::new();
    for affected in &found.affected {
        let message = drafts::message(&seminar.title, seminar.schedule.zone, affected, lang);
        let email = (found.contacts.get(&affected.person.id)).and_then(|c| c.email.as_deref());
        let eml = drafts::eml(&message, &affected.person.name, email, context.now);
        let stem = affected.file_stem();
        let eml_target = Target::check(
            &folder.join(format!("{stem}.eml")),
            Kind::Document,
            &context.db_path,
        )?;
        let txt_target = Target::check(
            &folder.join(format!("{stem}.txt")),
            Kind::Document,
            &context.db_path,
        )?;
        eml_target.require_regular()?;
        txt_target.require_regular()?;
        files.push((affected, email, eml, eml_target, message.body, txt_target));
    }
    std::fs::create_dir_all(folder).map_err(|error| {
        Error::usage(format!(
            "output: cannot create the folder {}: {error}",
            folder.display()
        ))
    })?;
    for (_, _, eml, eml_target, body, txt_target) in &files {
        eml_target.write(eml.as_bytes(), Privacy::Private)?;
        txt_target.write(body.as_bytes(), Privacy::Private)?;
    }
    let written: Vec<json::DraftJson> = (files.iter())
        .map(|(affected, email, _, eml, _, txt)| json::DraftJson {
            person_id: affected.person.id,
            name: &affected.person.name,
            email: *email,
            eml: eml.path().display().to_string(),
            txt: txt.path().display().to_string(),
        })
        .collect();
    if context.json {
        context.print_json(&json::drafts(&found.report, &written))
    } else {
        context.print(&drafts::written(&found.report, &written, lang))
    }
}
