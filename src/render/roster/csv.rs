//! The roster as CSV (RFC 4180, safe against formula injection): one row per person and
//! seminar (`name` plain, `formal_name` with titles, as certificates print it), English
//! column names and words that stay the same whatever `--lang` is.

use crate::model::roster::RosterEntry;
use crate::render::csv::write;

/// The columns of a roster, then `email` and `phone` when contacts were asked for.
pub const COLUMNS: [&str; 10] = [
    "seminar",
    "seminar_title",
    "date",
    "name",
    "formal_name",
    "position",
    "institution",
    "roles",
    "chaired_sessions",
    "talks",
];

/// The roster; a cell with several values (roles, sessions, talks) has one per line.
pub fn roster(entries: &[RosterEntry], contacts: bool) -> String {
    let mut header = COLUMNS.to_vec();
    if contacts {
        header.extend(["email", "phone"]);
    }
    let rows = entries
        .iter()
        .map(|entry| {
            let kinds: Vec<&str> = entry.kinds().iter().map(|kind| kind.as_str()).collect();
            let chaired: Vec<&str> = entry.chaired().map(|s| s.title.as_str()).collect();
            let talks: Vec<&str> = entry.slots().map(|(_, s)| s.title.as_str()).collect();
            let mut row = vec![
                entry.seminar.slug.clone(),
                entry.seminar.title.clone(),
                entry.seminar.schedule.first_day.to_string(),
                entry.name.clone(),
                entry.printed_name(),
                entry.position.clone().unwrap_or_default(),
                entry
                    .institution
                    .as_ref()
                    .map(|institution| institution.name.clone())
                    .unwrap_or_default(),
                kinds.join("; "),
                chaired.join("\n"),
                talks.join("\n"),
            ];
            if contacts {
                let contact = entry.contact.clone().unwrap_or_default();
                row.extend([
                    contact.email.unwrap_or_default(),
                    contact.phone.unwrap_or_default(),
                ]);
            }
            row
        })
        .collect();
    write(&header, rows)
}
