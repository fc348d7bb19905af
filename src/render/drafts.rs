//! Message drafts for the people whose part in a schedule changed (`changes --per-person`):
//! the text of each message, and the same as an RFC 5322 `.eml` file to open in a mail
//! program. Nothing is ever sent.

use crate::model::zone::Zone;
use chrono::{DateTime, Duration, Utc};

use super::Lang;
use super::json::DraftJson;
use super::when::{long_date, time_range};
use crate::model::versions::{Affected, Item, ItemState, Part, PartChange};
use crate::ops::versions::ChangeReport;

/// A message to one person: its subject and its plain-text body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub subject: String,
    pub body: String,
}

/// `Wednesday, 12 May 2027, 13:00–13:30 WIB, Ruang 2`
fn place_and_time(state: &ItemState, zone: Zone, lang: Lang) -> String {
    let when = match DateTime::parse_from_rfc3339(&state.starts_at) {
        Ok(start) => {
            let start = start.with_timezone(&Utc);
            let end = start + Duration::minutes(i64::from(state.minutes));
            let date = start.with_timezone(&zone).date_naive();
            format!(
                "{}, {}",
                long_date(date, lang),
                time_range(start, end, zone, lang)
            )
        }
        Err(_) => state.starts_at.clone(),
    };
    match &state.room {
        Some(room) => format!("{when}, {room}"),
        None => when,
    }
}

fn part_lines(part: &Part, zone: Zone, lang: Lang) -> String {
    let title = part.title();
    let at = |state: &Option<ItemState>| {
        (state.as_ref()).map_or_else(String::new, |s| place_and_time(s, zone, lang))
    };
    let (before, after) = (at(&part.before), at(&part.after));
    let session = part.item == Item::Session;
    match (lang, part.change) {
        (Lang::En, PartChange::Moved) => {
            let what = if session {
                "The session you chair"
            } else {
                "Your talk"
            };
            format!("- {what} \"{title}\" has moved.\n  Before: {before}\n  Now:    {after}")
        }
        (Lang::En, PartChange::Cancelled) => {
            let what = if session {
                "The session you chair"
            } else {
                "Your talk"
            };
            format!("- {what} \"{title}\" is cancelled.\n  It was: {before}")
        }
        (Lang::En, PartChange::Added) => {
            let role = if session { "the chair" } else { "a speaker" };
            format!("- You are now {role} of \"{title}\".\n  When and where: {after}")
        }
        (Lang::En, PartChange::Removed) => {
            let role = if session { "the chair" } else { "a speaker" };
            format!("- You are no longer {role} of \"{title}\".\n  It was: {before}")
        }
        (Lang::Id, PartChange::Moved) => {
            let what = if session {
                "Sesi yang Anda pimpin"
            } else {
                "Makalah Anda"
            };
            format!(
                "- {what} \"{title}\" dipindahkan.\n  Sebelumnya: {before}\n  Sekarang:   {after}"
            )
        }
        (Lang::Id, PartChange::Cancelled) => {
            let what = if session {
                "Sesi yang Anda pimpin"
            } else {
                "Makalah Anda"
            };
            format!("- {what} \"{title}\" dibatalkan.\n  Semula: {before}")
        }
        (Lang::Id, PartChange::Added) => {
            let role = if session { "ketua sesi" } else { "pembicara" };
            format!("- Anda kini menjadi {role} \"{title}\".\n  Waktu dan tempat: {after}")
        }
        (Lang::Id, PartChange::Removed) => {
            let role = if session { "ketua sesi" } else { "pembicara" };
            format!("- Anda tidak lagi menjadi {role} \"{title}\".\n  Semula: {before}")
        }
    }
}

/// The message to one affected person about a seminar (its title and time zone).
pub fn message(seminar: &str, zone: Zone, affected: &Affected, lang: Lang) -> Message {
    let name = &affected.person.name;
    let parts: Vec<String> = (affected.parts.iter())
        .map(|part| part_lines(part, zone, lang))
        .collect();
    let parts = parts.join("\n");
    match lang {
        Lang::En => Message {
            subject: format!("Schedule change – {seminar}"),
            body: format!(
                "Dear {name},\n\nthe schedule of {seminar} has changed for you:\n\n{parts}\n\nWith kind regards,\nThe organizers\n"
            ),
        },
        Lang::Id => Message {
            subject: format!("Perubahan jadwal – {seminar}"),
            body: format!(
                "Yth. {name},\n\njadwal {seminar} berubah untuk Anda:\n\n{parts}\n\nHormat kami,\nPanitia\n"
            ),
        },
    }
}

/// What `changes --per-person` prints: the drafts written, one person a line.
pub fn written(report: &ChangeReport, drafts: &[DraftJson<'_>], lang: Lang) -> String {
    let since = report.since.number;
    let mut text = match (lang, drafts.len()) {
        (Lang::En, 0) => {
            format!("Nobody's part has changed since version {since}; no drafts written.\n")
        }
        (Lang::En, n) => {
            format!("{n} drafts about the changes since version {since} (not sent):\n")
        }
        (Lang::Id, 0) => {
            format!("Tidak ada bagian yang berubah sejak versi {since}; tidak ada draf.\n")
        }
        (Lang::Id, n) => {
            format!("{n} draf tentang perubahan sejak versi {since} (belum dikirim):\n")
        }
    };
    for draft in drafts {
        let to = draft
            .email
            .map_or_else(String::new, |email| format!(" <{email}>"));
        text.push_str(&format!(
            "  {}{to}: {}, {}\n",
            draft.name, draft.eml, draft.txt
        ));
    }
    text
}

const ENCODED_WORD_LIMIT: usize = 75;

/// `text` as RFC 2047 encoded-words (`=?utf-8?q?…?=`, at most 75 characters each, folded onto
/// lines of their own), or as it is when it is printable ASCII.
pub fn encode_header(text: &str) -> String {
    if text.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
        return text.to_string();
    }
    const OPEN: &str = "=?utf-8?q?";
    const CLOSE: &str = "?=";
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        let mut encoded = String::new();
        if c.is_ascii_alphanumeric() {
            encoded.push(c);
        } else if c == ' ' {
            encoded.push('_');
        } else {
            let mut buffer = [0; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                encoded.push_str(&format!("={byte:02X}"));
            }
        }
        if OPEN.len() + word.len() + encoded.len() + CLOSE.len() > ENCODED_WORD_LIMIT {
            words.push(std::mem::take(&mut word));
        }
        word.push_str(&encoded);
    }
    words.push(word);
    let words: Vec<String> = words.iter().map(|w| format!("{OPEN}{w}{CLOSE}")).collect();
    words.join("\r\n ")
}

/// A name and address for `To:`: `"Name" <a@b>`, the name encoded when it is not ASCII.
fn mailbox(name: &str, email: &str) -> String {
    if name.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
        let quoted = name.replace('\\', "\\\\").replace('"', "\\\"");
        format!("\"{quoted}\" <{email}>")
    } else {
        format!("{} <{email}>", encode_header(name))
    }
}

/// An address fit for a header: printable ASCII with one `@`, no spaces or angle brackets.
fn usable_email(email: &str) -> Option<&str> {
    let email = email.trim();
    let fits = email
        .chars()
        .all(|c| c.is_ascii_graphic() && !"<>,;\"".contains(c))
        && email.matches('@').count() == 1;
    fits.then_some(email)
}

/// The message as an `.eml` draft: CRLF lines, UTF-8 text sent as 8bit, `To:` only when
/// the person has an email address.
pub fn eml(message: &Message, name: &str, email: Option<&str>, date: DateTime<Utc>) -> String {
    let mut headers = vec![format!("Date: {}", date.to_rfc2822())];
    if let Some(email) = email.and_then(usable_email) {
        headers.push(format!("To: {}", mailbox(name, email)));
    }
    headers.push(format!("Subject: {}", encode_header(&message.subject)));
    headers.push("MIME-Version: 1.0".to_string());
    headers.push("Content-Type: text/plain; charset=utf-8".to_string());
    headers.push("Content-Transfer-Encoding: 8bit".to_string());
    headers.push("X-Unsent: 1".to_string());
    let body = message.body.replace("\r\n", "\n").replace('\n', "\r\n");
    format!("{}\r\n\r\n{body}", headers.join("\r\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::versions::Person;

    fn talk(at: &str, room: &str) -> ItemState {
        ItemState {
            uid: "t".into(),
            title: "Makalah Ani".into(),
            starts_at: at.into(),
            minutes: 30,
            room: Some(room.into()),
            people: vec!["Ani".into()],
            ..ItemState::default()
        }
    }

    fn ani(change: PartChange) -> Affected {
        Affected {
            person: Person {
                id: 4,
                name: "Ani Sulastri".into(),
            },
            parts: vec![Part {
                item: Item::Slot,
                change,
                before: Some(talk("2027-05-12T13:00:00+07:00", "Ruang 2")),
                after: Some(talk("2027-05-12T15:00:00+07:00", "Ruang 1")),
            }],
        }
    }

    #[test]
    fn a_move_tells_the_old_and_new_time_and_room_in_both_languages() {
        let english = message(
            "KNHI",
            Zone::known("Asia/Jakarta"),
            &ani(PartChange::Moved),
            Lang::En,
        );
        assert_eq!(english.subject, "Schedule change – KNHI");
        assert!(english.body.contains(
            "Before: Wednesday, 12 May 2027, 13:00–13:30 WIB, Ruang 2\n  Now:    Wednesday, 12 May 2027, 15:00–15:30 WIB, Ruang 1"
        ), "{}", english.body);
        let indonesian = message(
            "KNHI",
            Zone::known("Asia/Jakarta"),
            &ani(PartChange::Moved),
            Lang::Id,
        );
        assert!(indonesian.body.starts_with("Yth. Ani Sulastri,"));
        assert!(
            indonesian
                .body
                .contains("Sebelumnya: Rabu, 12 Mei 2027, 13.00–13.30 WIB, Ruang 2"),
            "{}",
            indonesian.body
        );
        let cancelled = message(
            "KNHI",
            Zone::known("Asia/Jakarta"),
            &ani(PartChange::Cancelled),
            Lang::En,
        );
        assert!(cancelled.body.contains("\"Makalah Ani\" is cancelled"));
    }

    #[test]
    fn headers_that_are_not_ascii_become_encoded_words_of_at_most_75_characters() {
        assert_eq!(encode_header("Plain subject"), "Plain subject");
        assert_eq!(encode_header("Café"), "=?utf-8?q?Caf=C3=A9?=");
        let long = encode_header(&"Perubahan jadwal – Konferensi Nasional ".repeat(4));
        for word in long.split("\r\n ") {
            assert!(word.len() <= 75, "{word}");
            assert!(word.starts_with("=?utf-8?q?") && word.ends_with("?="));
        }
        assert!(!encode_header("a\r\nBcc: x").contains('\n'));
    }

    #[test]
    fn an_eml_has_crlf_lines_and_a_to_only_for_a_usable_address() {
        let message = Message {
            subject: "Hi".into(),
            body: "Line one\nLine two\n".into(),
        };
        let at = DateTime::parse_from_rfc3339("2027-04-10T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let with = eml(&message, "Ani \"A\"", Some("ani@example.org"), at);
        assert!(with.contains("To: \"Ani \\\"A\\\"\" <ani@example.org>\r\n"));
        assert!(with.contains("Date: Sat, 10 Apr 2027 00:00:00 +0000\r\n"));
        assert!(with.ends_with("\r\n\r\nLine one\r\nLine two\r\n"));
        let without = eml(&message, "Ani", Some("ani@x\r\nBcc: y@z"), at);
        assert!(!without.contains("To:"));
        assert!(!eml(&message, "Ani", None, at).contains("To:"));
        assert!(
            eml(&message, "Ésa", Some("e@x.org"), at)
                .contains("To: =?utf-8?q?=C3=89sa?= <e@x.org>")
        );
    }
}
