//! Speakers and moderators from a CSV file (RFC 4180, UTF-8, a header row). The columns,
//! in any order and case:
//!
//! - `name` (required): a PERSON reference, as on the command line (`NAME`, `NAME
//!   (INSTITUTION)`, `NAME <email>` or `#ID`)
//! - `seminar`: the seminar's slug or `#ID`, unless `--seminar` names it for every row
//! - `role`: `speaker` (the default) or `moderator`
//! - `position`, `institution` (`Name (ABBR)` also sets a short name), `email`, `phone`
//! - `talk`, `start` (`09:15`), `minutes`: a talk slot, all three or none; `date` is its
//!   day in a seminar of several days; `room` (a venue, added if new), `session` (its title)
//!   and `track` place it. A room or track that the talk would have anyway (its session's,
//!   else the seminar's venue) is inherited, not set.
//!
//! `seminar speaker list --format csv` writes these columns, so a list reads back in.
//!
//! People who share a name are never merged silently: a row's `email` picks out the person
//! with that email, its `institution` the one of that institution; a plain name that
//! several people share is refused as ambiguous, and a name on record for someone of
//! another institution is refused as "looks like" (`--new` adds a new person instead).
//! Rows of one file with the same name and institution are one person; with different
//! institutions, two.

use std::collections::HashMap;

use super::{ReadOptions, all_problems};
use crate::error::{Error, Result};
use crate::model::RoleKind;
use crate::model::time::{parse_date, parse_minutes, parse_time};
use crate::ops::import::{Plan, RoleEntry};
use crate::ops::people::{NewRole, NewTalk};
use crate::ops::slots::SlotPlace;
use crate::render::csv::FORMULA_STARTERS;

/// The columns a CSV import understands.
pub const COLUMNS: [&str; 14] = [
    "seminar",
    "role",
    "name",
    "position",
    "institution",
    "email",
    "phone",
    "talk",
    "date",
    "start",
    "minutes",
    "room",
    "session",
    "track",
];

pub fn read(text: &str, options: &ReadOptions) -> Result<Plan> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|error| Error::Invalid(csv_problem(&mut Lines::new(text), &error)))?
        .clone();
    let mut lines = Lines::new(text);
    let columns = column_indexes(&headers)?;
    let mut plan = Plan::default();
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                problems.push(csv_problem(&mut lines, &error));
                continue;
            }
        };
        let line = record
            .position()
            .map_or(0, |position| lines.line_at(position));
        if record.iter().all(str::is_empty) {
            continue;
        }
        let cell = |column: &str| {
            columns
                .get(column)
                .and_then(|index| record.get(*index))
                .map(restore)
                .filter(|value| !value.is_empty())
        };
        match entry(&cell, options) {
            Ok((seminar, role)) => plan.roles.push(RoleEntry {
                place: format!("line {line}"),
                seminar,
                role,
            }),
            Err(problem) => problems.push(format!("line {line}: {problem}")),
        }
    }
    all_problems(problems)?;
    if plan.roles.is_empty() {
        return Err(Error::Invalid(
            "file: it has a header row but no rows to import".into(),
        ));
    }
    Ok(plan)
}

fn column_indexes(headers: &csv::StringRecord) -> Result<HashMap<&'static str, usize>> {
    let mut columns = HashMap::new();
    for (index, header) in headers.iter().enumerate() {
        let key = header.trim().to_lowercase();
        let Some(known) = COLUMNS.iter().find(|column| **column == key) else {
            return Err(Error::Invalid(format!(
                "line 1: unknown column '{header}'; accepted columns: {}",
                COLUMNS.join(", ")
            )));
        };
        if columns.insert(*known, index).is_some() {
            return Err(Error::Invalid(format!(
                "line 1: the column '{known}' appears twice"
            )));
        }
    }
    if !columns.contains_key("name") {
        return Err(Error::Invalid(format!(
            "line 1: no 'name' column; the first row must name the columns, from: {}",
            COLUMNS.join(", ")
        )));
    }
    Ok(columns)
}

/// One row as the seminar it goes to and the role it adds.
fn entry<'a>(
    cell: &dyn Fn(&str) -> Option<&'a str>,
    options: &ReadOptions,
) -> Result<(String, NewRole), String> {
    let seminar = match (&options.seminar, cell("seminar")) {
        (Some(seminar), _) => seminar.clone(),
        (None, Some(seminar)) => seminar.to_string(),
        (None, None) => {
            return Err("seminar: empty; pass --seminar SEMINAR or fill the seminar column".into());
        }
    };
    let kind = match cell("role").map(str::to_lowercase).as_deref() {
        None => RoleKind::Speaker,
        Some(word) => RoleKind::parse(word).ok_or_else(|| {
            format!("role: '{word}' is not a role; accepted: speaker, moderator, keynote, mc")
        })?,
    };
    let name = cell("name").ok_or("name: empty; every row needs a name")?;
    let talk = match (cell("talk"), cell("start"), cell("minutes")) {
        (None, None, None) => {
            if let Some(column) = ["room", "session", "track"]
                .into_iter()
                .find(|column| cell(column).is_some())
            {
                return Err(format!(
                    "{column}: places a talk; give talk, start and minutes too, or leave {column} empty"
                ));
            }
            None
        }
        (Some(title), Some(start), Some(minutes)) => Some(NewTalk {
            title: title.to_string(),
            at: parse_time(start).map_err(|e| format!("start: {e}"))?,
            on: cell("date")
                .map(|day| parse_date(day, options.today))
                .transpose()
                .map_err(|e| format!("date: {e}"))?,
            minutes: parse_minutes(minutes).map_err(|e| format!("minutes: {e}"))?,
            place: SlotPlace {
                room: cell("room").map(str::to_string),
                session: cell("session").map(str::to_string),
                track: cell("track").map(str::to_string),
            },
        }),
        _ => {
            return Err(
                "talk: give talk, start and minutes together, or leave all three empty".into(),
            );
        }
    };
    Ok((
        seminar,
        NewRole {
            kind,
            name: name.to_string(),
            institution: cell("institution").map(str::to_string),
            position: cell("position").map(str::to_string),
            email: cell("email").map(str::to_string),
            phone: cell("phone").map(str::to_string),
            titles: None,
            talk,
            from_file: crate::ops::FileIdentity::default(),
        },
    ))
}

/// The line a record starts on. The csv crate's own line count is one short after CRLF line
/// ends (rust-csv#395), which Excel and our own exports write, so lines are counted here,
/// onwards from the last record asked about: records come in order, so a file is counted
/// once, not once per row.
struct Lines<'t> {
    bytes: &'t [u8],
    /// A byte offset, and the line it is on.
    at: usize,
    line: u64,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        Lines {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, position: &csv::Position) -> u64 {
        let bytes = self.bytes;
        let mut start = (position.byte() as usize).min(bytes.len());
        // After a CRLF the recorded start can be the LF: a record never begins with a line end.
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start < self.at {
            (self.at, self.line) = (0, 1);
        }
        self.line += bytes[self.at..start]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64;
        self.at = start;
        self.line
    }
}

fn csv_problem(lines: &mut Lines<'_>, error: &csv::Error) -> String {
    let line = error
        .position()
        .map_or(0, |position| lines.line_at(position));
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("line {line}: has {len} fields, but the header row has {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => format!("line {line}: not UTF-8 text"),
        _ => format!("line {line}: {error}"),
    }
}
/// Undoes what CSV exports do to keep a spreadsheet from running a cell as a formula
/// (`'=SUM(...)` for `=SUM(...)`, `''quoted` for `'quoted`), so that an exported list reads
/// back as it was. Only an apostrophe that the export could have added goes: one before a
/// formula starter or before another apostrophe.
fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTERS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::restore;
    use crate::render::csv::neutralize;

    #[test]
    fn exported_cells_read_back_as_they_were() {
        for cell in [
            "=HYPERLINK(\"x\")",
            "+62 21 5084 7000",
            "-1",
            "@home",
            "'quoted",
            "'=' in SQL",
            "''",
            "'",
            "plain",
            "",
        ] {
            assert_eq!(restore(&neutralize(cell)), cell);
        }
        assert_eq!(neutralize("'=' in SQL"), "''=' in SQL");
        assert_eq!(restore("'plain"), "'plain", "a hand-made apostrophe stays");
    }
}
