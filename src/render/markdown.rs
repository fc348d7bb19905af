//! Markdown (CommonMark with GitHub-style tables): agendas and speaker lists that render on
//! common viewers. Every value is escaped, so a name cannot become a link, HTML or a table
//! column.

use super::agenda::{Level, Sheet};
use super::{Lang, visible};
use crate::model::Programme;
use crate::store::RoleRow;

/// Backslash-escapes the characters that would start Markdown or HTML inside a line, after
/// showing hidden characters as [`visible`] does.
pub fn escape(text: &str) -> String {
    let text = visible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A table cell: escaped, with line breaks kept as `<br>`.
pub(crate) fn cell(text: &str) -> String {
    text.lines().map(escape).collect::<Vec<_>>().join("<br>")
}

/// A paragraph of several lines; a line that would start a list, heading or quote is
/// escaped at its start too.
fn paragraph(text: &str) -> String {
    text.lines()
        .map(|line| {
            let escaped = escape(line.trim_end());
            if escaped.starts_with(['-', '+', '=']) {
                return format!("\\{escaped}");
            }
            // `1.` or `1)` would start a numbered list: escape the delimiter.
            let digits = escaped.chars().take_while(char::is_ascii_digit).count();
            match escaped[digits..].chars().next() {
                Some(delimiter @ ('.' | ')')) if digits > 0 => {
                    format!(
                        "{}\\{delimiter}{}",
                        &escaped[..digits],
                        &escaped[digits + 1..]
                    )
                }
                _ => escaped,
            }
        })
        .collect::<Vec<_>>()
        .join("  \n")
}

pub(crate) fn table(out: &mut String, headers: &[&str], rows: &[Vec<String>]) {
    out.push_str(&format!(
        "| {} |\n",
        headers
            .iter()
            .map(|h| escape(h))
            .collect::<Vec<_>>()
            .join(" | ")
    ));
    out.push_str(&format!("|{}\n", "---|".repeat(headers.len())));
    for row in rows {
        out.push_str(&format!(
            "| {} |\n",
            row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
        ));
    }
}

/// The agendas of seminars, one after the other.
pub fn agenda(programmes: &[Programme], lang: Lang) -> String {
    let labels = lang.labels();
    let mut out = String::new();
    for (index, programme) in programmes.iter().enumerate() {
        if index > 0 {
            out.push_str("\n---\n\n");
        }
        let sheet = Sheet::new(programme, lang);
        out.push_str(&format!("# {}\n\n", escape(&sheet.title)));
        if let Some(subtitle) = &sheet.subtitle {
            out.push_str(&format!("_{}_\n\n", escape(subtitle)));
        }
        if let Some(version) = &sheet.version {
            out.push_str(&format!("{}\n\n", escape(version)));
        }
        for (label, value) in &sheet.fields {
            out.push_str(&format!(
                "- **{}:** {}\n",
                escape(label),
                value.lines().map(escape).collect::<Vec<_>>().join("; ")
            ));
        }
        out.push('\n');
        if let Some(description) = &sheet.description {
            out.push_str(&paragraph(description));
            out.push_str("\n\n");
        }
        if sheet.days.is_empty() && sheet.unslotted.is_empty() {
            out.push_str(&format!("{}\n", escape(labels.no_rundown)));
        }
        if !sheet.days.is_empty() {
            out.push_str(&format!("## {}\n\n", escape(labels.rundown)));
        }
        for day in &sheet.days {
            if let Some(heading) = &day.heading {
                out.push_str(&format!("### {}\n\n", escape(heading)));
            }
            let rows: Vec<Vec<String>> = day
                .rows
                .iter()
                .map(|row| {
                    let people: Vec<String> = row.people.iter().map(|p| p.line()).collect();
                    let session = if row.cancelled {
                        let marker = super::versions::cancelled_marker(lang);
                        format!("{} {marker}", row.session)
                    } else {
                        row.session.clone()
                    };
                    let (title, people) = match row.level {
                        Level::Session if people.is_empty() => (session, String::new()),
                        Level::Session => {
                            (session, format!("{}: {}", labels.chairs, people.join("\n")))
                        }
                        Level::InSession => (format!("↳ {session}"), people.join("\n")),
                        Level::Alone => (session, people.join("\n")),
                    };
                    let mut cells = vec![row.times.clone()];
                    if day.rooms {
                        cells.push(row.room.clone());
                    }
                    cells.extend([title, people]);
                    cells
                })
                .collect();
            let mut headers = vec![day.time_header.as_str()];
            if day.rooms {
                headers.push(labels.room);
            }
            headers.extend([labels.session, labels.speaker]);
            table(&mut out, &headers, &rows);
            out.push('\n');
        }
        if !sheet.unslotted.is_empty() {
            out.push_str(&format!("## {}\n\n", escape(labels.speakers)));
            for line in &sheet.unslotted {
                out.push_str(&format!("- {}\n", escape(line)));
            }
            out.push('\n');
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// Speakers with position and institution, one row per talk, in the columns of every
/// speaker list (see [`super::speakers`]).
pub fn speakers(rows: &[RoleRow], lang: Lang) -> String {
    let columns = super::speakers::columns(false);
    let headers: Vec<&str> = columns.iter().map(|c| c.label(lang)).collect();
    let mut out = String::new();
    table(
        &mut out,
        &headers,
        &super::speakers::rows(rows, &columns, Some(lang)),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_values_is_escaped() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(escape("a|b [x](y) *z*"), "a\\|b \\[x\\](y) \\*z\\*");
        assert_eq!(cell("one\ntwo"), "one<br>two");
    }

    #[test]
    fn paragraph_lines_do_not_start_blocks() {
        assert_eq!(
            paragraph("- not a list\n1. nor this"),
            "\\- not a list  \n1\\. nor this"
        );
    }
}
