//! Readers for import files. Each turns the text of a file into an
//! [`ops::import::Plan`](crate::ops::import::Plan) without touching the database; bad rows
//! are reported with where they are in the file.

pub mod csv;
pub mod frab;
pub mod ics;
pub mod json;

use std::path::Path;

use crate::model::zone::Zone;
use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::ops::import::Plan;

/// The file formats `seminar import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A `seminar export --format json` archive, or one `agenda --format json` seminar
    Json,
    /// Speakers and moderators, one per row (see README: CSV columns)
    Csv,
    /// frab / C3VOC / pretalx schedule.xml
    Frab,
    /// An iCalendar file (Indico, pretalx, Google, Apple, Thunderbird), one seminar
    Ics,
}

impl Format {
    /// The format a file name implies, if any.
    pub fn of_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "xml" => Some(Format::Frab),
            "ics" | "ical" | "ifb" | "icalendar" => Some(Format::Ics),
            _ => None,
        }
    }
}

/// What a reader needs besides the text.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The seminar that CSV rows go to (else each row's `seminar` column).
    pub seminar: Option<String>,
    /// For dates written without a year.
    pub today: NaiveDate,
    /// The zone of a schedule that names none: `--tz`, or the configured zone (never the
    /// machine's unasked).
    pub zone: Option<Zone>,
}

/// The largest file `import` reads: far beyond any real schedule, small enough to hold.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads an import file's bytes, refusing folders and files beyond [`MAX_FILE_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let cannot = |error: std::io::Error| {
        Error::usage(format!("file: cannot read {}: {error}", path.display()))
    };
    let metadata = std::fs::metadata(path).map_err(cannot)?;
    if metadata.is_dir() {
        return Err(Error::usage(format!(
            "file: {} is a folder; give the file to import",
            path.display()
        )));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(Error::Invalid(format!(
            "file: {} is larger than {} MB",
            path.display(),
            MAX_FILE_BYTES / 1024 / 1024
        )));
    }
    std::fs::read(path).map_err(cannot)
}

/// Reads an import file as UTF-8 text, without a byte order mark.
pub fn read_text(path: &Path) -> Result<String> {
    decode(path, read_bytes(path)?)
}

/// A file's bytes as UTF-8 text, without a byte order mark.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_string()),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let text = &error.as_bytes()[..at];
            let line = text.iter().filter(|b| **b == b'\n').count() + 1;
            Err(Error::Invalid(format!(
                "file: {} is not UTF-8 text (line {line}); save it as UTF-8 and import again",
                path.display()
            )))
        }
    }
}

/// Reads a file's bytes in the given format. iCalendar is read as bytes (its lines are
/// unfolded before they are decoded); the others as UTF-8 text.
pub fn read_file(
    path: &Path,
    bytes: Vec<u8>,
    format: Format,
    options: &ReadOptions,
) -> Result<Plan> {
    match format {
        Format::Ics => {
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Err(Error::Invalid("file: it is empty".into()));
            }
            ics::read(&bytes, options)
        }
        _ => read(&decode(path, bytes)?, format, options),
    }
}

fn refuse_seminar(format: Format, options: &ReadOptions) -> Result<()> {
    if options.seminar.is_some() && !matches!(format, Format::Csv | Format::Ics) {
        return Err(Error::usage(
            "seminar: --seminar applies to CSV and iCalendar imports; JSON and schedule files name their own seminars",
        ));
    }
    Ok(())
}

/// Reads a file in the given format.
pub fn read(text: &str, format: Format, options: &ReadOptions) -> Result<Plan> {
    if text.trim().is_empty() {
        return Err(Error::Invalid("file: it is empty".into()));
    }
    refuse_seminar(format, options)?;
    match format {
        Format::Json => json::read(text),
        Format::Csv => csv::read(text, options),
        Format::Frab => frab::read(text, options),
        Format::Ics => ics::read(text.as_bytes(), options),
    }
}

/// Joins the problems of several rows into one line.
fn all_problems(problems: Vec<String>) -> Result<()> {
    match problems.len() {
        0 => Ok(()),
        1 => Err(Error::Invalid(problems.join(""))),
        n => {
            let shown: Vec<String> = problems.into_iter().take(10).collect();
            let more = if n > 10 {
                format!("; and {} more", n - 10)
            } else {
                String::new()
            };
            Err(Error::Invalid(format!(
                "{n} bad rows, nothing imported: {}{more}",
                shown.join("; ")
            )))
        }
    }
}
