//! Stored text never drives the terminal: escape sequences, C1 controls, bidi overrides and
//! zero-width characters in any field a person can set are shown escaped (`\u{1b}`) by every
//! human-readable output, on stdout and stderr, in English and Indonesian; data formats keep
//! the exact text; typed and imported text with control characters is refused by one rule.

use rexpect::session::spawn_command;
use serde_json::{Value, json};

use crate::support::{Env, Run};

/// What an attacker would store: a window title, a screen clear, colour, an OSC 8 hidden
/// link, a C1 CSI, DEL, a right-to-left override, an isolate, zero-width characters, a byte
/// order mark, bidi marks and the Arabic letter mark.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7} \u{1b}[2J\u{1b}[31mRED \u{1b}]8;;http://evil\u{1b}\\click\u{1b}]8;;\u{1b}\\ \u{9b}1m\u{7f} \u{202e}gnp.exe\u{2066}x\u{2069}\u{200b}\u{200d}\u{feff}\u{200e}\u{200f}\u{61c}\u{2060}";

/// Characters that must never reach a terminal raw. Written out here, apart from the
/// program's own rule, so that the test does not trust what it tests.
fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{ad}'
                | '\u{61c}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
                | '\u{e0000}'..='\u{e007f}'
        )
}

/// Every text field a person can set, with the table and column it is stored in (slugs
/// cannot hold such text: they are `a-z 0-9 -`).
const FIELDS: [(&str, &str, &str); 14] = [
    ("title", "seminar", "title"),
    ("subtitle", "seminar", "subtitle"),
    ("about", "seminar", "description"),
    ("organizer", "organizer", "name"),
    ("person", "person", "name"),
    ("position", "person", "position"),
    ("roleposition", "role", "position"),
    ("institution", "institution", "name"),
    ("short", "institution", "short_name"),
    ("venue", "venue", "name"),
    ("address", "venue", "address"),
    ("slot", "slot", "title"),
    ("email", "person", "email"),
    ("phone", "person", "phone"),
];

/// A seminar whose every text field holds `field=` and the hostile text. It is typed in
/// with plain names (typed text may not hold control characters), then its fields are
/// rewritten in the file, as an older version or another program could have left them.
/// Name keys stay, so names can still be looked up as typed.
fn hostile_env() -> Env {
    let mut env = Env::new().with_env("COLUMNS", "5000");
    // The database's folder too, as `config show` and notes name it.
    env.db = env
        .dir()
        .join("db-\u{1b}]0;pwned\u{7}\u{202e}gnp.exe")
        .join("seminar.db");
    env.ok(&[
        "venue",
        "add",
        "Auditorium Juwono Sudarsono",
        "--address",
        "Depok",
    ]);
    env.ok(&[
        "institution",
        "add",
        "Kementerian Luar Negeri",
        "--short",
        "Kemlu",
    ]);
    env.ok(&[
        "create",
        "Plain title",
        "--date",
        "2017-05-18",
        "--start",
        "09:00",
        "--end",
        "12:00",
        "--tz",
        "WIB",
        "--venue",
        "Auditorium Juwono Sudarsono",
        "--subtitle",
        "Plain theme",
        "--organizer",
        "FISIP UI",
        "--description",
        "First line\nsecond line",
        "--slug",
        "evil",
    ]);
    env.ok(&[
        "speaker",
        "add",
        "evil",
        "Dinur Krismasari",
        "--position",
        "Senior Representative",
        "--institution",
        "Kemlu",
        "--email",
        "dinur@example.org",
        "--phone",
        "+62 21 555 0101",
        "--talk",
        "Plain talk",
        "--at",
        "09:15",
        "--minutes",
        "30",
    ]);
    let db = rusqlite::Connection::open(&env.db).unwrap();
    assert!(env.db.exists());
    for (field, table, column) in FIELDS {
        let changed = db
            .execute(
                &format!("UPDATE {table} SET {column} = ?1"),
                [format!("{field}={HOSTILE}")],
            )
            .unwrap();
        assert!(changed > 0, "no {table}.{column} to change");
    }
    // A forced overlap, so that `check` and `doctor` have a problem to describe.
    env.ok(&[
        "slot",
        "add",
        "evil",
        "Plain clash",
        "--at",
        "09:30",
        "--minutes",
        "10",
        "--force",
    ]);
    db.execute(
        "UPDATE slot SET title = ?1 WHERE title = 'Plain clash'",
        [format!("slot={HOSTILE}")],
    )
    .unwrap();
    env
}

/// Every command whose output is for people, with the exit codes it may end with and
/// whether it shows stored text (`doctor` only counts problems).
fn readable_commands() -> Vec<(Vec<&'static str>, &'static [i32], bool)> {
    let commands: Vec<(&[&str], &'static [i32], bool)> = vec![
        (&["list"], &[0], true),
        (&["list", "--search", "title"], &[0], true),
        (&["show", "evil"], &[0], true),
        (&["agenda", "evil"], &[0], true),
        (&["agenda", "evil", "--format", "markdown"], &[0], true),
        (&["agenda", "evil", "--format", "html"], &[0], true),
        (&["agenda"], &[0], true),
        (&["slot", "list", "evil"], &[0], true),
        (&["speaker", "list", "evil"], &[0], true),
        (&["speaker", "list"], &[0], true),
        (
            &["speaker", "list", "evil", "--format", "markdown"],
            &[0],
            true,
        ),
        (&["person", "list"], &[0], true),
        (&["person", "show", "Dinur Krismasari"], &[0], true),
        (&["venue", "list"], &[0], true),
        (&["institution", "list"], &[0], true),
        (&["check"], &[3], true),
        (&["check", "evil"], &[3], true),
        (&["doctor"], &[3], false),
        (&["config", "show"], &[0], true),
        // Changes that print the record they touched, or tell about others on stderr.
        (&["edit", "evil", "--status", "confirmed"], &[0], true),
        (
            &["venue", "assign", "evil", "Auditorium Juwono Sudarsono"],
            &[0],
            true,
        ),
        (
            &[
                "slot",
                "add",
                "evil",
                "Overlap",
                "--at",
                "09:20",
                "--minutes",
                "5",
                "--force",
            ],
            &[0],
            true,
        ),
        (
            &["moderator", "assign", "evil", "Dinur Krismasari"],
            &[0],
            true,
        ),
        (
            &["moderator", "unassign", "evil", "Dinur Krismasari"],
            &[0],
            true,
        ),
        // Refusals name the other party on stderr.
        (
            &[
                "slot",
                "add",
                "evil",
                "Refused",
                "--at",
                "09:20",
                "--minutes",
                "5",
            ],
            &[1],
            true,
        ),
    ];
    commands
        .into_iter()
        .map(|(args, codes, shows)| (args.to_vec(), codes, shows))
        .collect()
}

fn raw_characters(text: &str) -> Vec<String> {
    let mut found: Vec<String> = text
        .chars()
        .filter(|c| forbidden(*c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    found.dedup();
    found
}

/// Markdown escapes the backslash of `\u{1b}` once more (`\\u{1b}`) and its brackets.
fn as_shown(run: &Run) -> String {
    format!("{}{}", run.stdout, run.stderr)
        .replace("\\\\u{", "\\u{")
        .replace("\\]", "]")
        .replace("\\[", "[")
        .replace("&amp;", "&")
}

#[test]
fn stored_hostile_text_is_shown_escaped_by_every_readable_command_in_both_languages() {
    let env = hostile_env();
    let commands = readable_commands();
    let mut failures = Vec::new();
    let mut runs = 0;
    for lang in ["en", "id"] {
        let mut shown_fields: Vec<&str> = Vec::new();
        for (args, codes, shows) in &commands {
            let mut full = vec!["--lang", lang];
            full.extend_from_slice(args);
            let run = env.run(&full);
            runs += 1;
            if !codes.contains(&run.code) {
                failures.push(format!(
                    "{full:?}: exit {}: {}{}",
                    run.code, run.stdout, run.stderr
                ));
            }
            for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
                let raw = raw_characters(text);
                if !raw.is_empty() {
                    failures.push(format!("{full:?}: raw {} on {stream}", raw.join(" ")));
                }
            }
            let shown = as_shown(&run);
            if *shows
                && (!shown.contains("\\u{1b}]0;pwned\\u{7}") || !shown.contains("\\u{202e}gnp.exe"))
            {
                failures.push(format!(
                    "{full:?}: the hostile text is not shown escaped:\n{}{}",
                    run.stdout, run.stderr
                ));
            }
            for (field, _, _) in FIELDS {
                if shown.contains(&format!("{field}=\\u{{1b}}")) && !shown_fields.contains(&field) {
                    shown_fields.push(field);
                }
            }
        }
        for (field, _, _) in FIELDS {
            if !shown_fields.contains(&field) {
                failures.push(format!(
                    "--lang {lang}: no command showed the field {field}"
                ));
            }
        }
    }
    eprintln!(
        "hostile text: {} commands x {} fields x 2 languages ({runs} runs)",
        commands.len(),
        FIELDS.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn tables_are_measured_on_the_escaped_text() {
    let env = hostile_env().with_env("COLUMNS", "100");
    for args in [&["list"][..], &["venue", "list"], &["slot", "list", "evil"]] {
        let out = env.ok(args);
        let widths: Vec<usize> = out.lines().map(|line| line.chars().count()).collect();
        assert!(
            widths.iter().all(|width| *width <= 100),
            "{args:?} is wider than the terminal:\n{out}"
        );
        // Every line of a table has the same width: no cell broke its border.
        assert!(
            widths.windows(2).all(|pair| pair[0] == pair[1]),
            "{args:?}: ragged table:\n{out}"
        );
    }
}

#[test]
fn the_did_you_mean_prompt_shows_stored_names_escaped() {
    let env = Env::new();
    env.ok(&["venue", "add", "Auditorium Juwono Sudarsono"]);
    // Hostile characters that leave the name's key (and so its likeness) as it was.
    let stored = "Auditorium\u{1b}\\ Juwono\u{202e}\u{200b}\u{7} Sudarsono\u{9b}\u{7f}\u{1b}";
    rusqlite::Connection::open(&env.db)
        .unwrap()
        .execute("UPDATE venue SET name = ?1", [stored])
        .unwrap();
    let mut command = env.command();
    command
        .env("TERM", "xterm")
        .args(["venue", "add", "Auditorium Juwono Sudarsno"]);
    let mut session = spawn_command(command, Some(20_000)).unwrap();
    let seen = session
        .exp_string("Did you mean Auditorium\\u{1b}\\ Juwono\\u{202e}\\u{200b}\\u{7} Sudarsono\\u{9b}\\u{7f}\\u{1b}?")
        .unwrap_or_else(|error| panic!("no escaped question: {error}"));
    // Cancel: the refusal names the candidate too.
    session.send("\x1b[B\x1b[B\r").unwrap();
    session.flush().unwrap();
    let rest = session.exp_eof().unwrap();
    let transcript = format!("{seen}{rest}");
    for raw in [
        "\u{1b}\\", "\u{9b}", "\u{7f}", "\u{202e}", "\u{200b}", "\u{7}",
    ] {
        assert!(
            !transcript.contains(raw),
            "{raw:?} reached the terminal raw: {transcript:?}"
        );
    }
    assert!(
        transcript.contains("looks like existing 'Auditorium\\u{1b}\\ Juwono"),
        "{transcript:?}"
    );
}

#[test]
fn typed_bidi_and_zero_width_text_is_kept_exactly_and_shown_escaped() {
    let env = Env::new();
    let title = "Seminar \u{202e}gnp.exe\u{2066} a\u{200b}b";
    env.ok(&["create", title, "--date", "2017-05-18", "--slug", "bidi"]);
    assert_eq!(env.json(&["show", "bidi"])["seminar"]["title"], title);
    let out = env.ok(&["show", "bidi"]);
    assert!(
        out.contains("Seminar \\u{202e}gnp.exe\\u{2066} a\\u{200b}b"),
        "{out}"
    );
    assert!(raw_characters(&out).is_empty(), "{out}");
}

#[test]
fn data_formats_keep_the_exact_text_in_their_own_escaping() {
    let env = hostile_env();
    let expected = format!("title={HOSTILE}");

    // JSON writes every hidden character as a \uXXXX escape (C0 and C1 controls, DEL, bidi
    // and zero-width characters), so it is safe on a terminal; the text comes back exactly.
    let agenda = env.ok(&["agenda", "evil", "--format", "json"]);
    assert!(raw_characters(&agenda).is_empty(), "{agenda}");
    assert!(agenda.contains("\\u001b]0;pwned\\u0007") && agenda.contains("\\u202egnp.exe"));
    let document: Value = serde_json::from_str(&agenda).expect("the agenda is JSON");
    assert_eq!(document["seminar"]["title"], json!(expected));
    let listed = env.ok(&["--json", "person", "list"]);
    assert!(raw_characters(&listed).is_empty(), "{listed}");
    let people: Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(people[0]["name"], json!(format!("person={HOSTILE}")));
    let archive = env.ok(&["export", "--format", "json", "-o", "-"]);
    assert!(!archive.contains('\u{1b}'), "JSON carries a raw escape");
    let copy = Env::new();
    let file = copy.dir().join("archive.json");
    // The archive round-trips through the importer only once control characters are gone:
    // they are refused on the way in, naming the record.
    std::fs::write(&file, &archive).unwrap();
    let refused = copy.fails(1, &["import", file.to_str().unwrap()]);
    assert!(refused.contains("control character (U+001B)"), "{refused}");

    // CSV (RFC 4180): the exact text, quoted where needed.
    let csv_text = env.ok(&["speaker", "list", "evil", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let name = headers.iter().position(|h| h == "name").unwrap();
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[name], format!("person={HOSTILE}"));

    // iCalendar (RFC 5545) forbids control characters in TEXT: they are left out, the rest
    // (bidi and zero-width characters are allowed) is kept.
    let calendar = env.ok(&["agenda", "evil", "--format", "ics"]);
    assert!(
        !calendar
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\r' | '\n' | '\t')),
        "iCalendar carries a control character"
    );
    let parsed = ical::IcalParser::new(calendar.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    let summary = parsed.events[0]
        .properties
        .iter()
        .find(|p| p.name == "SUMMARY")
        .and_then(|p| p.value.clone())
        .unwrap();
    let without_controls: String = expected.chars().filter(|c| !c.is_control()).collect();
    assert_eq!(unescape_ics_text(&summary), without_controls);

    // frab XML: XML 1.0 forbids C0 controls even as references (and discourages C1): they
    // are left out, the schedule is well-formed and imports back with the rest of the text.
    let schedule = env.ok(&["agenda", "evil", "--format", "frab"]);
    assert!(!schedule.contains("&#27;") && !schedule.contains('\u{1b}'));
    #[derive(serde::Deserialize)]
    struct Schedule {
        conference: Conference,
    }
    #[derive(serde::Deserialize)]
    struct Conference {
        title: String,
    }
    let parsed: Schedule = quick_xml::de::from_str(&schedule).expect("well-formed XML");
    assert_eq!(parsed.conference.title, without_controls);
    let file = copy.dir().join("schedule.xml");
    std::fs::write(&file, &schedule).unwrap();
    // It carries the forced overlap: recorded again with --force.
    copy.ok(&["import", file.to_str().unwrap(), "--force"]);
    let imported = copy.json(&["list"]);
    assert_eq!(imported[0]["title"], json!(without_controls), "{imported}");
}

/// A TEXT value as RFC 5545 escapes it, unescaped.
fn unescape_ics_text(raw: &str) -> String {
    let mut out = String::new();
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
}

/// Strings that the one rule accepts or refuses in a one-line field.
const VERDICTS: [(&str, bool); 9] = [
    ("Plain name", true),
    ("Ngô Bảo Châu 👩‍💻", true),
    ("Right \u{202e}to left\u{200b}", true),
    ("Escape \u{1b}[31m", false),
    ("Bell \u{7}", false),
    ("Tab\tinside", false),
    ("Line\nbreak", false),
    ("C1 \u{9b}1m", false),
    ("Delete \u{7f}", false),
];

#[test]
fn typed_and_imported_names_get_the_same_verdict_from_one_rule() {
    for (text, accepted) in VERDICTS {
        // Typed: a usage error (exit 2) naming the field.
        let env = Env::new();
        env.create_morning_seminar("follow-up", "2017-06-01");
        let typed = env.run(&["venue", "add", text]);
        assert_eq!(typed.code == 0, accepted, "typed {text:?}: {typed:?}");
        if !accepted {
            assert_eq!(typed.code, 2, "{typed:?}");
            assert!(
                typed
                    .stderr
                    .starts_with("error: venue: has a control character"),
                "{typed:?}"
            );
        }

        // CSV: an error (exit 1) naming the line.
        let file = env.dir().join("people.csv");
        let mut writer = csv::Writer::from_path(&file).unwrap();
        writer.write_record(["name", "position"]).unwrap();
        writer.write_record([text, "Speaker"]).unwrap();
        writer.flush().unwrap();
        let imported = env.run(&["import", file.to_str().unwrap(), "--seminar", "follow-up"]);
        assert_eq!(imported.code == 0, accepted, "CSV {text:?}: {imported:?}");
        if !accepted {
            assert_eq!(imported.code, 1, "{imported:?}");
            assert!(
                imported
                    .stderr
                    .starts_with("error: line 2: name: has a control character"),
                "{imported:?}"
            );
        }

        // JSON: an error (exit 1) naming the seminar.
        let mut archive: Value =
            serde_json::from_str(&env.ok(&["export", "--format", "json", "-o", "-"])).unwrap();
        let programme = &mut archive["seminars"][0];
        programme["slots"] = json!([]);
        let seminar = &mut programme["seminar"];
        seminar["title"] = json!(text);
        seminar["slug"] = json!("imported");
        seminar["uid"] = Value::Null;
        seminar["first_day"] = json!("2017-06-15");
        seminar["last_day"] = json!("2017-06-15");
        let file = env.dir().join("archive.json");
        std::fs::write(&file, serde_json::to_vec(&archive).unwrap()).unwrap();
        let imported = env.run(&["import", file.to_str().unwrap()]);
        assert_eq!(imported.code == 0, accepted, "JSON {text:?}: {imported:?}");
        if !accepted {
            assert_eq!(imported.code, 1, "{imported:?}");
            assert!(
                imported.stderr.contains("title: has a control character"),
                "{imported:?}"
            );
        }
    }
}

#[test]
fn a_frab_file_with_characters_xml_forbids_is_refused_with_the_line() {
    let fixture = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/pretalx-schedule.xml"),
    )
    .unwrap();
    let env = Env::new();
    for (from, to, expected) in [
        (
            "Opening &amp;",
            "Opening &#27;]0;pwned&#7;",
            "error: line 22: the character reference &#27;",
        ),
        (
            "Opening &amp;",
            "Opening &#xFFFE;",
            "error: line 22: the character reference &#xFFFE;",
        ),
        (
            "Opening &amp;",
            "Opening \u{1}",
            "error: line 22: a character U+0001",
        ),
        (
            "public_name=\"Jane Example\"",
            "public_name=\"Jane&#x1b;[2J\"",
            "error: line 33: the character reference &#x1b;",
        ),
    ] {
        let file = env.dir().join("schedule.xml");
        std::fs::write(&file, fixture.replacen(from, to, 1)).unwrap();
        let line = env.fails(1, &["import", file.to_str().unwrap()]);
        assert!(line.starts_with(expected), "{line}");
        assert!(line.contains("XML 1.0 does not allow"), "{line}");
    }
    // The same text in a comment or a CDATA section is plain text, not a reference.
    let file = env.dir().join("schedule.xml");
    let commented = fixture.replacen(
        "<title>Opening &amp; welcome</title>",
        "<!-- &#27; --><title><![CDATA[Opening &#27; welcome]]></title>",
        1,
    );
    std::fs::write(&file, commented).unwrap();
    env.ok(&["import", file.to_str().unwrap(), "--dry-run"]);
}
