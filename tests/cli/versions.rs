//! Published versions: `publish`, `versions`, `changes`; talks and sessions cancelled after a
//! publication; iCalendar SEQUENCE and STATUS:CANCELLED, frab `<version>`, the agendas'
//! version line. The conference of tests/cli/rooms.rs is the schedule that changes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::exports::validate_against_xsd;
use crate::rooms::{SLUG, conference};
use crate::support::Env;

pub(crate) const MOVED: &str = "Makalah Eko Prasetyo";
pub(crate) const CANCELLED: &str = "Makalah Vino Bastian";
pub(crate) const ADDED: &str = "Makalah Wulan Sari";

/// Runs a command on another day (`SEMINAR_NOW`), as an organizer would a week later.
pub(crate) fn ok_on(env: &Env, day: &str, args: &[&str]) -> String {
    let output = env
        .command()
        .env("SEMINAR_NOW", day)
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{args:?}: {stderr}");
    String::from_utf8(output.stdout).unwrap()
}

/// Writes the seminar's agenda in `format` to a file and returns its path.
pub(crate) fn export(env: &Env, format: &str, name: &str) -> PathBuf {
    let path = env.dir().join(name);
    let mut args = vec![
        "agenda",
        SLUG,
        "--format",
        format,
        "-o",
        path.to_str().unwrap(),
    ];
    if format == "ics" {
        args.push("--slots");
    }
    env.ok(&args);
    path
}

/// The events of an iCalendar file, with the line checks of tests/cli/exports.rs, parsed
/// with the `ical` crate: properties by name, by UID.
pub(crate) fn events(path: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.ends_with("\r\n"), "ends with CRLF");
    for line in text.split("\r\n") {
        assert!(!line.contains('\n'), "bare LF in {line:?}");
        assert!(line.len() <= 75, "longer than 75 octets: {line:?}");
    }
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser.next().expect("a calendar").expect("it parses");
    assert!(parser.next().is_none(), "one calendar");
    calendar
        .events
        .into_iter()
        .map(|event| {
            let properties: BTreeMap<String, String> = (event.properties.into_iter())
                .map(|p| (p.name, p.value.unwrap_or_default()))
                .collect();
            (properties["UID"].clone(), properties)
        })
        .collect()
}

#[derive(Debug, serde::Deserialize)]
struct Frab {
    version: String,
    #[serde(rename = "day", default)]
    days: Vec<FrabDay>,
}

#[derive(Debug, serde::Deserialize)]
struct FrabDay {
    #[serde(default)]
    room: Vec<FrabRoom>,
}

#[derive(Debug, serde::Deserialize)]
struct FrabRoom {
    #[serde(default)]
    event: Vec<FrabEvent>,
}

#[derive(Debug, serde::Deserialize)]
struct FrabEvent {
    #[serde(rename = "@guid")]
    guid: String,
}

/// A frab file, checked against the XSD and parsed: its version and the guids of its events.
fn frab(path: &Path) -> (String, Vec<String>) {
    validate_against_xsd(path);
    let xml = std::fs::read_to_string(path).unwrap();
    let schedule: Frab = quick_xml::de::from_str(&xml).unwrap();
    let guids = (schedule.days.iter())
        .flat_map(|day| &day.room)
        .flat_map(|room| &room.event)
        .map(|event| event.guid.clone())
        .collect();
    (schedule.version, guids)
}

pub(crate) fn slot_uids(env: &Env) -> BTreeMap<String, String> {
    let slots = env.json(&["slot", "list", SLUG]);
    (slots.as_array().unwrap().iter())
        .map(|slot| {
            (
                slot["title"].as_str().unwrap().to_string(),
                slot["uid"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The three changes of the issue: one talk moved to another room and time, one cancelled
/// (its only speaker withdrew), one added.
pub(crate) fn change_the_schedule(env: &Env) {
    env.ok(&[
        "slot",
        "move",
        SLUG,
        MOVED,
        "--on",
        "2027-05-12",
        "--at",
        "15:00",
        "--room",
        "Ruang 1",
        "--session",
        "",
    ]);
    env.ok(&["speaker", "remove", SLUG, "Vino Bastian"]);
    env.ok(&[
        "speaker",
        "add",
        SLUG,
        "Wulan Sari",
        "--talk",
        ADDED,
        "--on",
        "2027-05-12",
        "--at",
        "16:00",
        "--minutes",
        "30",
        "--room",
        "Ruang 3",
    ]);
}

#[test]
fn a_second_version_reports_its_three_changes_and_updates_calendars_under_the_same_uids() {
    let env = conference();
    let uids = slot_uids(&env);
    let published = env.json(&["publish", SLUG, "--note", "first programme"]);
    assert_eq!(published["number"], 1);
    assert_eq!(published["published_at"], "2027-04-01T00:00:00Z");
    let ics_one = events(&export(&env, "ics", "v1.ics"));
    let (frab_one, guids_one) = frab(&export(&env, "frab", "v1.xml"));
    assert_eq!(frab_one, "1");
    assert!(
        ics_one.values().all(|event| event["SEQUENCE"] == "0"),
        "nothing has changed yet"
    );
    assert!(guids_one.contains(&uids[CANCELLED]));

    change_the_schedule(&env);
    let draft = env.ok(&["agenda", SLUG]);
    assert!(
        draft.contains("version 1, Thursday, 1 April 2027 (draft)"),
        "{draft}"
    );
    ok_on(
        &env,
        "2027-04-10",
        &["publish", SLUG, "--note", "room changes"],
    );

    let report = env.json(&["changes", SLUG, "--since", "1"]);
    assert_eq!(report["since"]["number"], 1);
    assert_eq!(report["latest"], 2);
    assert_eq!(report["seminar"], Value::Array(Vec::new()));
    let items = report["items"].as_array().unwrap();
    let found: BTreeMap<&str, (&str, &Value)> = (items.iter())
        .map(|item| {
            let title = item["after"]["title"].as_str();
            let title = title.or(item["before"]["title"].as_str()).unwrap();
            (title, (item["change"].as_str().unwrap(), item))
        })
        .collect();
    assert_eq!(
        found.keys().copied().collect::<Vec<_>>(),
        [MOVED, CANCELLED, ADDED],
        "exactly the three changes: {report:#}"
    );
    let (change, moved) = found[MOVED];
    assert_eq!(change, "changed");
    assert_eq!(moved["uid"], uids[MOVED].as_str());
    assert_eq!(moved["aspects"], serde_json::json!(["moved"]));
    assert_eq!(moved["before"]["room"], "Ruang 2");
    assert_eq!(moved["after"]["room"], "Ruang 1");
    assert_eq!(moved["after"]["starts_at"], "2027-05-12T15:00:00+07:00");
    assert_eq!(found[CANCELLED].0, "cancelled");
    assert_eq!(found[CANCELLED].1["uid"], uids[CANCELLED].as_str());
    assert_eq!(
        found[CANCELLED].1["before"]["people"],
        serde_json::json!(["Vino Bastian"])
    );
    assert_eq!(found[ADDED].0, "added");

    // The last version is the schedule now: nothing changed since.
    let since_last = env.json(&["changes", SLUG]);
    assert_eq!(since_last["since"]["number"], 2);
    assert_eq!(since_last["items"], Value::Array(Vec::new()));
    // A date picks the last version published on or before it.
    let by_date = env.json(&["changes", SLUG, "--since", "2027-04-05"]);
    assert_eq!(by_date["since"]["number"], 1);
    assert_eq!(by_date["items"].as_array().unwrap().len(), 3);

    let ics_two = events(&export(&env, "ics", "v2.ics"));
    let added_uid = slot_uids(&env)[ADDED].clone();
    let mut expected: Vec<&String> = ics_one.keys().chain([&added_uid]).collect();
    expected.sort();
    assert_eq!(
        ics_two.keys().collect::<Vec<_>>(),
        expected,
        "the same UIDs, the cancelled one kept, and the new talk"
    );
    for (uid, event) in &ics_two {
        let sequence = if *uid == uids[MOVED] || *uid == uids[CANCELLED] {
            "1"
        } else {
            "0"
        };
        assert_eq!(event["SEQUENCE"], sequence, "{}", event["SUMMARY"]);
    }
    assert_eq!(ics_two[&uids[CANCELLED]]["STATUS"], "CANCELLED");
    assert_ne!(ics_two[&uids[MOVED]]["STATUS"], "CANCELLED");
    assert_ne!(
        ics_two[&uids[MOVED]]["DTSTART"],
        ics_one[&uids[MOVED]]["DTSTART"]
    );

    let (frab_two, guids_two) = frab(&export(&env, "frab", "v2.xml"));
    assert_eq!(frab_two, "2");
    assert_ne!(frab_two, frab_one);
    assert!(
        !guids_two.contains(&uids[CANCELLED]),
        "frab drops the cancelled"
    );
    assert!(guids_two.contains(&uids[MOVED]) && guids_two.contains(&added_uid));

    let listed = env.json(&["versions", SLUG]);
    let notes: Vec<(i64, &str, &str)> = (listed.as_array().unwrap().iter())
        .map(|v| {
            (
                v["number"].as_i64().unwrap(),
                v["published_at"].as_str().unwrap(),
                v["note"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        notes,
        [
            (1, "2027-04-01T00:00:00Z", "first programme"),
            (2, "2027-04-10T00:00:00Z", "room changes")
        ]
    );
}

#[test]
fn removing_before_any_publication_deletes() {
    let env = conference();
    let uids = slot_uids(&env);
    env.ok(&["speaker", "remove", SLUG, "Vino Bastian"]);
    env.ok(&["session", "remove", SLUG, "Panel 2B: Iklim", "--yes"]);
    let shown = env.ok(&["agenda", SLUG, "--show-cancelled"]);
    assert!(
        !shown.contains(CANCELLED) && !shown.contains("Panel 2B"),
        "{shown}"
    );
    assert!(!events(&export(&env, "ics", "now.ics")).contains_key(&uids[CANCELLED]));
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let rows: i64 = conn
        .query_row(
            "SELECT count(*) FROM slot WHERE uid = ?1",
            [&uids[CANCELLED]],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(rows, 0, "the talk is gone from the database");
    assert!(
        !shown.contains("version "),
        "no version line before a publication"
    );
}

#[test]
fn after_publication_removed_talks_and_sessions_stay_as_cancelled_and_book_nothing() {
    let env = conference();
    let uids = slot_uids(&env);
    assert_eq!(
        env.ok(&["publish", SLUG]),
        "published version 1 of knhi-2027\n"
    );
    let removed = env.json(&["slot", "remove", SLUG, CANCELLED]);
    assert_eq!(removed["cancelled"], true);
    let sessions = env.json(&["session", "list", SLUG]);
    let panel = (sessions.as_array().unwrap().iter())
        .find(|s| s["title"] == "Panel 2B: Iklim")
        .unwrap()["uid"]
        .as_str()
        .unwrap()
        .to_string();
    let removed = env.ok(&["session", "remove", SLUG, "Panel 2B: Iklim", "--yes"]);
    assert!(removed.starts_with("Cancelled session #"), "{removed}");

    let agenda = env.ok(&["agenda", SLUG]);
    assert!(
        !agenda.contains(CANCELLED) && !agenda.contains("Panel 2B"),
        "{agenda}"
    );
    assert!(agenda.contains("version 1, Thursday, 1 April 2027 (draft)"));
    let grid = env.ok(&["agenda", SLUG, "--grid"]);
    assert!(!grid.contains("Panel 2B"), "{grid}");
    let shown = env.ok(&["agenda", SLUG, "--show-cancelled"]);
    assert!(
        shown.contains(&format!("{CANCELLED} (cancelled)")),
        "{shown}"
    );
    assert!(
        shown.contains("Panel 2B: Iklim [Parallel] (cancelled)"),
        "{shown}"
    );
    let shown = env.ok(&["--lang", "id", "agenda", SLUG, "--show-cancelled"]);
    assert!(shown.contains(&format!("{CANCELLED} (batal)")), "{shown}");
    assert!(
        shown.contains("versi 1, Kamis, 1 April 2027 (draf)"),
        "{shown}"
    );
    let html = env.ok(&["agenda", SLUG, "--format", "html", "--show-cancelled"]);
    assert!(
        html.contains(&format!("<s>{CANCELLED}</s> (cancelled)")),
        "{html}"
    );
    assert!(html.contains("<p class=\"version\">version 1, Thursday, 1 April 2027 (draft)</p>"));

    let calendar = events(&export(&env, "ics", "now.ics"));
    assert_eq!(calendar[&uids[CANCELLED]]["STATUS"], "CANCELLED");
    assert_eq!(calendar[&panel]["STATUS"], "CANCELLED");
    assert_eq!(
        calendar[&uids["Makalah Pandu Wicaksono"]]["STATUS"],
        "CANCELLED"
    );
    let (version, guids) = frab(&export(&env, "frab", "now.xml"));
    assert_eq!(version, "1+draft");
    assert!(!guids.contains(&uids[CANCELLED]));
    assert!(!guids.contains(&uids["Makalah Pandu Wicaksono"]));

    // The cancelled talk's room and time are free again, and `check` sees nothing wrong.
    let talk = env.json(&["changes", SLUG]);
    let cancelled = (talk["items"].as_array().unwrap().iter())
        .find(|item| item["uid"] == uids[CANCELLED].as_str())
        .unwrap();
    assert_eq!(cancelled["change"], "cancelled");
    let at = cancelled["before"]["starts_at"].as_str().unwrap();
    let (day, time) = (&at[..10], &at[11..16]);
    let room = cancelled["before"]["room"].as_str().unwrap();
    env.ok(&[
        "slot",
        "add",
        SLUG,
        "Pengganti",
        "--on",
        day,
        "--at",
        time,
        "--minutes",
        "25",
        "--room",
        room,
        "--session",
        "Panel 2C: Teknologi",
    ]);
    assert_eq!(env.run(&["check", SLUG]).code, 0);
}

#[test]
fn changes_read_in_indonesian_and_markdown() {
    let env = conference();
    env.ok(&["publish", SLUG]);
    change_the_schedule(&env);
    let text = env.ok(&["--lang", "id", "changes", SLUG]);
    assert!(
        text.contains("perubahan sejak versi 1 (Kamis, 1 April 2027)"),
        "{text}"
    );
    assert!(
        text.contains(&format!("acara '{MOVED}': dipindah")),
        "{text}"
    );
    assert!(
        text.contains(&format!("acara '{CANCELLED}': batal")),
        "{text}"
    );
    assert!(
        text.contains(&format!("acara '{ADDED}': ditambahkan")),
        "{text}"
    );
    assert!(text.contains("Rabu, 12 Mei 2027 10.55, 25 menit, Ruang 2 → Rabu, 12 Mei 2027 15.00, 25 menit, Ruang 1"), "{text}");
    let english = env.ok(&["changes", SLUG, "--format", "markdown"]);
    assert!(
        english.starts_with(
            "# Konferensi Nasional Hubungan Internasional 2027 — changes since version 1"
        ),
        "{english}"
    );
    assert!(
        english.contains(&format!("- slot '{MOVED}': moved\n")),
        "{english}"
    );
    let published = ok_on(&env, "2027-04-10", &["--lang", "id", "publish", SLUG]);
    assert_eq!(published, "versi 2 dari knhi-2027 diterbitkan\n");
    let versions = env.ok(&["--lang", "id", "versions", SLUG]);
    assert!(
        versions.contains("Versi") && versions.contains("Diterbitkan"),
        "{versions}"
    );
    assert!(versions.contains("Kamis, 1 April 2027"), "{versions}");
}

#[test]
fn changes_without_a_published_version_says_to_publish_first() {
    let env = conference();
    let before = env.dump();
    let stderr = env.fails(1, &["changes", SLUG]);
    assert_eq!(
        stderr.trim(),
        format!(
            "error: {SLUG} has no published version to compare with; run 'seminar publish {SLUG}' first"
        )
    );
    assert_eq!(env.dump(), before);
    assert_eq!(
        env.ok(&["versions", SLUG]),
        format!("{SLUG}: No published version yet.\n")
    );
}

#[test]
fn a_version_that_was_never_published_is_refused_in_one_line() {
    let env = conference();
    env.ok(&["publish", SLUG]);
    let before = env.dump();
    let stderr = env.fails(1, &["changes", SLUG, "--since", "99"]);
    assert_eq!(
        stderr.trim(),
        "error: version '99' not found; see 'seminar versions SEMINAR'"
    );
    let stderr = env.fails(1, &["changes", SLUG, "--since", "2027-03-01"]);
    assert!(stderr.contains("no version of knhi-2027 was published on or before 2027-03-01"));
    assert_eq!(env.dump(), before);
}

/// A `.eml` draft parsed with a real mail parser: To address, decoded Subject, text body.
fn draft(path: &Path) -> (Option<String>, String, String) {
    let bytes = std::fs::read(path).unwrap();
    let message = mail_parser::MessageParser::default()
        .parse(&bytes[..])
        .expect("the draft parses");
    let to = (message.to())
        .and_then(|to| to.first())
        .and_then(|addr| addr.address())
        .map(str::to_string);
    let subject = message.subject().expect("a subject").to_string();
    let body = message.body_text(0).expect("a text body").to_string();
    assert!(message.date().is_some(), "a Date header");
    (to, subject, body)
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn file_names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = (std::fs::read_dir(folder).unwrap())
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn per_person_drafts_go_to_exactly_the_three_affected_speakers_in_their_language() {
    let env = conference();
    ok_on(&env, "2027-04-01", &["publish", SLUG]);
    change_the_schedule(&env);
    for (name, email) in [
        ("Eko Prasetyo", "eko@example.org"),
        ("Wulan Sari", "wulan@example.org"),
    ] {
        env.ok(&["speaker", "add", SLUG, name, "--email", email]);
    }
    ok_on(&env, "2027-04-10", &["publish", SLUG]);
    let people = env.json(&["person", "list"]);
    let id_of = |name: &str| -> i64 {
        let found = (people.as_array().unwrap().iter()).find(|p| p["name"] == name);
        found.unwrap_or_else(|| panic!("{name} in {people}"))["id"]
            .as_i64()
            .unwrap()
    };
    let stem = |name: &str| format!("{}-{}", name.to_lowercase().replace(' ', "-"), id_of(name));
    let (eko, vino, wulan) = (
        stem("Eko Prasetyo"),
        stem("Vino Bastian"),
        stem("Wulan Sari"),
    );

    let folder = env.dir().join("drafts");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("notes.txt"), "mine").unwrap();
    std::fs::write(folder.join(format!("{eko}.txt")), "an older draft").unwrap();
    let dir = folder.to_str().unwrap();
    let report = env.json(&["changes", SLUG, "--since", "1", "--per-person", "-o", dir]);
    assert_eq!(report["drafts"].as_array().unwrap().len(), 3, "{report:#}");
    let mut expected: Vec<String> = [&eko, &vino, &wulan]
        .iter()
        .flat_map(|stem| [format!("{stem}.eml"), format!("{stem}.txt")])
        .chain(["notes.txt".to_string()])
        .collect();
    expected.sort();
    assert_eq!(file_names(&folder), expected, "nobody else, e.g. no chair");
    assert_eq!(
        std::fs::read_to_string(folder.join("notes.txt")).unwrap(),
        "mine"
    );

    let (to, subject, body) = draft(&folder.join(format!("{eko}.eml")));
    assert_eq!(to.as_deref(), Some("eko@example.org"));
    assert_eq!(
        subject,
        "Schedule change – Konferensi Nasional Hubungan Internasional 2027"
    );
    let raw = std::fs::read_to_string(folder.join(format!("{eko}.eml"))).unwrap();
    assert!(raw.contains("Subject: =?utf-8?q?"), "encoded: {raw}");
    assert!(
        raw.contains("Date: Thu, 1 Apr 2027 00:00:00 +0000\r\n"),
        "the pinned clock: {raw}"
    );
    let line = |prefix: &str| -> String {
        let found = body.lines().find(|l| l.trim_start().starts_with(prefix));
        found
            .unwrap_or_else(|| panic!("{prefix} in {body}"))
            .to_string()
    };
    assert!(line("Before:").contains("Ruang 2"), "{body}");
    assert!(
        line("Now:").contains("15:00") && line("Now:").contains("Ruang 1"),
        "{body}"
    );
    assert!(body.contains(MOVED));
    let txt = std::fs::read_to_string(folder.join(format!("{eko}.txt"))).unwrap();
    assert_eq!(txt.replace("\r\n", "\n"), body.replace("\r\n", "\n"));

    let (to, _, body) = draft(&folder.join(format!("{vino}.eml")));
    assert_eq!(to, None, "no email recorded");
    assert!(
        body.contains(&format!("\"{CANCELLED}\" is cancelled")),
        "{body}"
    );
    let (to, _, body) = draft(&folder.join(format!("{wulan}.eml")));
    assert_eq!(to.as_deref(), Some("wulan@example.org"));
    assert!(body.contains(ADDED) && body.contains("Ruang 3"), "{body}");
    for name in file_names(&folder).iter().filter(|n| *n != "notes.txt") {
        assert_eq!(mode(&folder.join(name)), 0o600, "{name}");
    }

    let indonesian = env.dir().join("draf");
    let listed = env.ok(&[
        "changes",
        SLUG,
        "--since",
        "1",
        "--per-person",
        "-o",
        indonesian.to_str().unwrap(),
        "--lang",
        "id",
    ]);
    assert!(listed.contains(&format!("{eko}.eml")), "{listed}");
    let (_, subject, body) = draft(&indonesian.join(format!("{eko}.eml")));
    assert_eq!(
        subject,
        "Perubahan jadwal – Konferensi Nasional Hubungan Internasional 2027"
    );
    assert!(body.starts_with("Yth. Eko Prasetyo,"), "{body}");
    assert!(line_of(&body, "Sekarang:").contains("15.00"), "{body}");
    let (_, _, body) = draft(&indonesian.join(format!("{vino}.eml")));
    assert!(body.contains("dibatalkan"), "{body}");
}

fn line_of<'a>(text: &'a str, prefix: &str) -> &'a str {
    let found = text.lines().find(|l| l.trim_start().starts_with(prefix));
    found.unwrap_or_else(|| panic!("{prefix} in {text}"))
}
