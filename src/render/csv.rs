//! CSV (RFC 4180: CRLF line ends, quoting, a header row, UTF-8). Column names are English
//! and stable whatever `--lang` is, so scripts and `seminar import` can rely on them. Every
//! cell that a spreadsheet would read as a formula is neutralized (OWASP "CSV injection").

use chrono::DateTime;

use super::role_line;
use super::speakers::local_parts;
use crate::model::Programme;
use crate::store::RoleRow;

/// The columns of an agenda: one row per slot, or one per day for a seminar without slots.
pub const AGENDA_COLUMNS: [&str; 13] = [
    "seminar",
    "seminar_title",
    "date",
    "start",
    "end",
    "time_zone",
    "venue",
    "kind",
    "title",
    "people",
    "room",
    "session",
    "track",
];

/// The first characters that make a spreadsheet read a cell as a formula.
pub const FORMULA_STARTERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Makes a cell safe to open in a spreadsheet: a leading `= + - @`, tab or carriage return
/// would start a formula, so such a cell gets a leading apostrophe, which spreadsheets show
/// as text and do not evaluate. A cell that already starts with an apostrophe gets one
/// more, so that reading the file back (see `import::csv`) can tell the apostrophe added
/// here from one that belongs to the text: `'=' in SQL` is written `''=' in SQL`.
pub fn neutralize(cell: &str) -> String {
    if cell.starts_with(FORMULA_STARTERS) || cell.starts_with('\'') {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

pub(crate) fn write(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut write_record = |record: Vec<String>| {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(record.iter().map(|cell| neutralize(cell)));
    };
    write_record(header.iter().map(|column| column.to_string()).collect());
    for row in rows {
        write_record(row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The rundowns of seminars, one row per slot.
pub fn agenda(programmes: &[Programme]) -> String {
    let mut rows = Vec::new();
    for programme in programmes {
        rows.extend(agenda_rows(programme));
    }
    write(&AGENDA_COLUMNS, rows)
}

/// The rows of [`agenda`] written as the seminars come: byte for byte the same file.
pub struct AgendaWriter<W: std::io::Write> {
    writer: csv::Writer<W>,
}

impl<W: std::io::Write> AgendaWriter<W> {
    /// Writes the header row.
    pub fn start(out: W) -> std::io::Result<Self> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        writer.write_record(AGENDA_COLUMNS.iter().map(|column| neutralize(column)))?;
        Ok(AgendaWriter { writer })
    }

    /// Writes one seminar's rows.
    pub fn seminar(&mut self, programme: &Programme) -> std::io::Result<()> {
        for row in agenda_rows(programme) {
            self.writer
                .write_record(row.iter().map(|cell| neutralize(cell)))?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.writer.flush()
    }
}

/// One seminar's rows of [`agenda`]: one per slot, or one per day without a rundown.
fn agenda_rows(programme: &Programme) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let seminar = &programme.seminar;
    let zone = seminar.schedule.zone;
    let venue = super::venue_line(seminar.venue.as_ref());
    let seminar_room = seminar
        .venue
        .as_ref()
        .map_or("", |venue| venue.name.as_str());
    let row = |start, end, kind: &str, title: &str, people: String, place: [&str; 3]| {
        let (date, start) = local_parts(start, zone);
        let (_, end) = local_parts(end, zone);
        let mut row = vec![
            seminar.slug.clone(),
            seminar.title.clone(),
            date,
            start,
            end,
            zone.name().to_string(),
            venue.clone(),
            kind.to_string(),
            title.to_string(),
            people,
        ];
        row.extend(place.map(str::to_string));
        row
    };
    if programme.slots.is_empty() {
        let people = programme
            .roles
            .iter()
            .map(role_line)
            .collect::<Vec<_>>()
            .join("; ");
        for window in seminar.schedule.windows().unwrap_or_default() {
            let instant = |seconds| DateTime::from_timestamp(seconds, 0).unwrap_or_default();
            rows.push(row(
                instant(window.start),
                instant(window.end),
                "seminar",
                &seminar.title,
                people.clone(),
                [seminar_room, "", ""],
            ));
        }
    }
    for slot in &programme.slots {
        let people = programme
            .people_on(slot)
            .map(role_line)
            .collect::<Vec<_>>()
            .join("; ");
        let session = programme
            .session_of(slot)
            .map_or("", |session| session.title.as_str());
        rows.push(row(
            slot.starts_at,
            slot.ends_at(),
            slot.kind.as_str(),
            &slot.title,
            people,
            [
                programme
                    .room_of(slot)
                    .map_or("", |room| room.name.as_str()),
                session,
                programme.track_of(slot).unwrap_or_default(),
            ],
        ));
    }
    rows
}

/// Speakers, one row per talk (or one row for someone without a talk), in the columns of
/// every speaker list (see [`super::speakers`]), which `seminar import` reads back. Rows
/// whose roles carry contacts (a listing that asked for them) add `email` and `phone`.
pub fn speakers(rows: &[RoleRow]) -> String {
    let columns = super::speakers::columns(super::speakers::with_contacts(rows));
    let header: Vec<&str> = columns.iter().map(|column| column.key()).collect();
    write(&header, super::speakers::rows(rows, &columns, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starters_are_neutralized_and_other_cells_kept() {
        for hostile in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(neutralize(hostile), format!("'{hostile}"));
        }
        for plain in ["Dinur Krismasari", "09:00", "", "a=b", "Ω"] {
            assert_eq!(neutralize(plain), plain);
        }
    }

    #[test]
    fn records_are_quoted_and_end_in_crlf() {
        let out = write(
            &["a", "b"],
            vec![vec!["x,y".into(), "say \"hi\"\nthere".into()]],
        );
        assert_eq!(out, "a,b\r\n\"x,y\",\"say \"\"hi\"\"\nthere\"\r\n");
    }
}
