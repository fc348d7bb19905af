//! Sync from a published schedule: importing a frab schedule.xml or a JSON archive whose
//! seminar or events are already on record updates that seminar in place (by uid) and
//! prints the change report of `changes`.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::rooms::{SLUG, conference};
use crate::support::{Env, dump_file};
use crate::versions::{CANCELLED, MOVED, change_the_schedule, events, export, ok_on, slot_uids};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A copy of `env`'s database in a new environment with the same clock.
fn copy_of(env: &Env) -> Env {
    let copy = Env::new().with_env("SEMINAR_NOW", "2027-04-01");
    std::fs::create_dir_all(copy.db.parent().unwrap()).unwrap();
    env.ok(&["backup", copy.db.to_str().unwrap()]);
    copy
}

/// Every file in the environment's folder, with its bytes.
fn files(env: &Env) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let mut folders = vec![env.dir().to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                found.push((path.clone(), std::fs::read(&path).unwrap()));
            }
        }
    }
    found.sort();
    found
}

/// A text agenda without its version line (the copy that published version 2 says so).
fn agenda_without_version(env: &Env, args: &[&str]) -> String {
    (env.ok(args).lines())
        .filter(|line| !line.trim_start().starts_with("version "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The changes of a report as `(title, change, aspects)`, in its order.
fn summary(changes: &Value) -> Vec<(String, String, Value)> {
    (changes["items"].as_array().unwrap().iter())
        .map(|item| {
            let title = item["after"]["title"].as_str();
            let title = title.or(item["before"]["title"].as_str()).unwrap();
            (
                title.to_string(),
                item["change"].as_str().unwrap().to_string(),
                item.get("aspects").cloned().unwrap_or(Value::Null),
            )
        })
        .collect()
}

#[test]
fn importing_version_two_over_version_one_reports_its_three_changes_and_gives_the_same_calendar() {
    let env = conference();
    let uids = slot_uids(&env);
    env.ok(&["publish", SLUG]);
    let copy = copy_of(&env);
    change_the_schedule(&copy);
    ok_on(&copy, "2027-04-10", &["publish", SLUG]);
    let expected = copy.json(&["changes", SLUG, "--since", "1"]);
    let version_two = export(&copy, "frab", "v2.xml");

    let report = env.json(&["import", version_two.to_str().unwrap()]);
    assert_eq!(report["dry_run"], false);
    let updated = report["updated"].as_array().unwrap();
    assert_eq!(updated.len(), 1, "{report:#}");
    assert_eq!(updated[0]["slug"], SLUG);
    assert_eq!(updated[0]["seminar"], expected["seminar"]);
    assert_eq!(
        updated[0]["items"], expected["items"],
        "the same three changes as `changes --since 1`"
    );
    assert_eq!(updated[0]["items"].as_array().unwrap().len(), 3);
    assert_eq!(report["added"]["seminars"], 0);
    assert_eq!(report["added"]["people"], 1, "Wulan Sari is new here");

    // The calendar is version 2's: the same UIDs and sequences, the cancelled kept so.
    let mine = events(&export(&env, "ics", "mine.ics"));
    let theirs = events(&export(&copy, "ics", "theirs.ics"));
    assert_eq!(mine, theirs);
    assert_eq!(mine[&uids[CANCELLED]]["STATUS"], "CANCELLED");
    assert_eq!(mine[&uids[MOVED]]["SEQUENCE"], "1");
    for args in [
        &["agenda", SLUG][..],
        &["agenda", SLUG, "--show-cancelled"],
        &["--lang", "id", "agenda", SLUG, "--grid"],
    ] {
        assert_eq!(
            agenda_without_version(&env, args),
            agenda_without_version(&copy, args),
            "{args:?}"
        );
    }
    let draft = env.ok(&["agenda", SLUG]);
    assert!(draft.contains("version 1, Thursday, 1 April 2027 (draft)"));
    assert_eq!(
        env.json(&["changes", SLUG])["items"],
        expected["items"],
        "the update is an unpublished change to version 1"
    );
    assert_eq!(env.run(&["check", SLUG]).code, 0);

    // The same file again changes nothing and writes nothing.
    let before = files(&env);
    let again = env.ok(&["import", version_two.to_str().unwrap()]);
    assert_eq!(
        again,
        "Konferensi Nasional Hubungan Internasional 2027 — already as in the file; nothing has changed\n"
    );
    assert_eq!(files(&env), before, "byte for byte");
}

#[test]
fn the_report_of_an_update_reads_in_english_and_indonesian() {
    let env = conference();
    env.ok(&["publish", SLUG]);
    let copy = copy_of(&env);
    change_the_schedule(&copy);
    let file = export(&copy, "frab", "next.xml");
    let file = file.to_str().unwrap();
    let text = env.ok(&["import", file, "--dry-run"]);
    assert!(
        text.starts_with("Konferensi Nasional Hubungan Internasional 2027 — would be updated from the file; nothing was changed (dry run)\n\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!("* slot '{MOVED}': moved\n")),
        "{text}"
    );
    assert!(
        text.contains(&format!("* slot '{CANCELLED}': cancelled\n")),
        "{text}"
    );
    let text = env.ok(&["--lang", "id", "import", file]);
    assert!(
        text.starts_with(
            "Konferensi Nasional Hubungan Internasional 2027 — diperbarui dari berkas\n\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(&format!("* acara '{MOVED}': dipindah\n")),
        "{text}"
    );
    assert!(
        text.contains("Rabu, 12 Mei 2027 10.55, 25 menit, Ruang 2 → Rabu, 12 Mei 2027 15.00, 25 menit, Ruang 1"),
        "{text}"
    );
    assert!(
        text.contains(&format!("* acara '{CANCELLED}': batal\n")),
        "{text}"
    );
    assert!(
        text.ends_with(
            "\nDitambahkan 0 seminar, 0 acara, 0 peran, 1 orang baru, 0 institusi baru, 0 tempat baru\n"
        ),
        "the new speaker is a new person: {text}"
    );
}

#[test]
fn a_dry_run_prints_the_report_and_leaves_every_file_as_it_was() {
    let env = conference();
    env.ok(&["publish", SLUG]);
    let copy = copy_of(&env);
    change_the_schedule(&copy);
    let file = export(&copy, "frab", "next.xml");
    let expected = copy.json(&["changes", SLUG]);
    let before = files(&env);
    let report = env.json(&["import", file.to_str().unwrap(), "--dry-run"]);
    assert_eq!(report["dry_run"], true);
    assert_eq!(report["updated"][0]["items"], expected["items"]);
    assert_eq!(files(&env), before, "byte for byte");
}

/// The pretalx fixture, changed as a programme committee would: one talk moved to another
/// room and time, one break removed, one talk added, one retitled.
fn pretalx_changed() -> String {
    let text = std::fs::read_to_string(fixture("pretalx-schedule.xml")).unwrap();
    let workshop_start = text.find("<event guid=\"6c4fad85").unwrap();
    let workshop_end = workshop_start + text[workshop_start..].find("</event>").unwrap() + 8;
    let workshop = text[workshop_start..workshop_end]
        .replace("<room>Workshop Room</room>", "<room>Main Hall</room>")
        .replace("2024-08-15T14:00:00+02:00", "2024-08-15T13:00:00+02:00")
        .replace("<start>14:00</start>", "<start>13:00</start>");
    let added = r#"<event guid="8e61cfa7-e39a-5c7f-d3b4-6f708192a3b4" id="202" code="FGHIJK">
        <room>Workshop Room</room>
        <title>Lightning talks</title>
        <type>Talk</type>
        <date>2024-08-15T14:00:00+02:00</date>
        <start>14:00</start>
        <duration>01:30</duration>
        <abstract>Five minutes each.</abstract>
        <track>Community</track>
        <persons>
          <person id="10" code="VVV333" public_name="Sari Dewi" guid="b2c3d4e5-f6a7-5b8c-9d0e-1f2a3b4c5d6e">Sari Dewi</person>
        </persons>
      </event>"#;
    let mut changed = format!(
        "{}{added}{}",
        &text[..workshop_start],
        &text[workshop_end..]
    );
    let coffee_start = changed.find("<event guid=\"5b3e9c74").unwrap();
    let coffee_end = coffee_start + changed[coffee_start..].find("</event>").unwrap() + 8;
    changed.replace_range(coffee_start..coffee_end, "");
    // The moved workshop goes into Main Hall, after the opening talks.
    let main_hall_end = changed
        .find("</room>\n    <room name=\"Workshop Room\"")
        .unwrap();
    changed.insert_str(main_hall_end, &workshop);
    // The closing panel gets an abstract: a change of its details.
    let closing = changed.find("<title>Closing panel</title>").unwrap();
    let empty = closing + changed[closing..].find("<abstract></abstract>").unwrap();
    changed.replace_range(
        empty..empty + "<abstract></abstract>".len(),
        "<abstract>Last words.</abstract>",
    );
    changed.replace(
        "<title>Schedules in the wild</title>",
        "<title>Schedules in the wild, revisited</title>",
    )
}

#[test]
fn a_changed_pretalx_schedule_updates_the_seminar_it_was_imported_as() {
    let env = Env::new();
    env.ok(&["import", fixture("pretalx-schedule.xml").to_str().unwrap()]);
    // A session of our own, which pretalx knows nothing of: it stays, with its talk.
    env.ok(&[
        "session",
        "add",
        "democon2024",
        "Welcome",
        "--on",
        "2024-08-15",
        "--at",
        "10:00",
        "--minutes",
        "15",
        "--room",
        "Main Hall",
        "--force",
    ]);
    env.ok(&[
        "slot",
        "move",
        "democon2024",
        "Opening & welcome",
        "--session",
        "Welcome",
    ]);
    let before = env.json(&["agenda", "democon2024"]);
    let file = env.dir().join("schedule-v2.xml");
    std::fs::write(&file, pretalx_changed()).unwrap();

    let report = env.json(&["import", file.to_str().unwrap()]);
    let updated = &report["updated"][0];
    assert_eq!(updated["slug"], "democon2024");
    assert_eq!(updated["seminar"], Value::Array(Vec::new()), "{report:#}");
    assert_eq!(
        summary(updated),
        [
            (
                "Schedules in the wild, revisited".to_string(),
                "changed".to_string(),
                serde_json::json!(["retitled"])
            ),
            (
                "Hands-on: exporting a schedule".to_string(),
                "changed".to_string(),
                serde_json::json!(["moved"])
            ),
            (
                "Lightning talks".to_string(),
                "added".to_string(),
                Value::Null
            ),
            (
                "Closing panel".to_string(),
                "changed".to_string(),
                serde_json::json!(["details"])
            ),
            ("Coffee".to_string(), "cancelled".to_string(), Value::Null),
        ]
    );
    let moved = &updated["items"][1];
    assert_eq!(moved["before"]["room"], "Workshop Room");
    assert_eq!(moved["after"]["room"], "Main Hall");
    assert_eq!(moved["after"]["starts_at"], "2024-08-15T13:00:00+02:00");

    let agenda = env.json(&["agenda", "democon2024"]);
    assert_eq!(agenda["seminar"]["id"], before["seminar"]["id"], "in place");
    assert_eq!(agenda["seminar"]["uid"], before["seminar"]["uid"]);
    let rundown: Vec<(&str, &str, &str, &str)> = (agenda["slots"].as_array().unwrap().iter())
        .map(|s| {
            (
                s["title"].as_str().unwrap(),
                s["starts_at"].as_str().unwrap(),
                s["room"].as_str().unwrap(),
                s["uid"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rundown,
        [
            (
                "Opening & welcome",
                "2024-08-15T10:00:00+02:00",
                "Main Hall",
                "3f1c7a52-9e4b-5d2a-8c6f-1a2b3c4d5e6f"
            ),
            (
                "Schedules in the wild, revisited",
                "2024-08-15T10:30:00+02:00",
                "Main Hall",
                "4a2d8b63-af5c-5e3b-9d70-2b3c4d5e6f70"
            ),
            (
                "Hands-on: exporting a schedule",
                "2024-08-15T13:00:00+02:00",
                "Main Hall",
                "6c4fad85-c17e-5a5d-b192-4d5e6f708192"
            ),
            (
                "Lightning talks",
                "2024-08-15T14:00:00+02:00",
                "Workshop Room",
                "8e61cfa7-e39a-5c7f-d3b4-6f708192a3b4"
            ),
            (
                "Closing panel",
                "2024-08-16T16:00:00+02:00",
                "Main Hall",
                "7d50be96-d28f-5b6e-c2a3-5e6f708192a3"
            ),
        ]
    );
    assert_eq!(agenda["sessions"][0]["title"], "Welcome");
    assert_eq!(
        agenda["slots"][0]["session_id"],
        agenda["sessions"][0]["id"]
    );
    assert_eq!(agenda["slots"][4]["abstract"], "Last words.");
    let lightning = &agenda["slots"][3];
    assert_eq!(lightning["people"], serde_json::json!(["Sari Dewi"]));
    assert_eq!(lightning["abstract"], "Five minutes each.");
    let speakers: Vec<&str> = (agenda["speakers"].as_array().unwrap().iter())
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        speakers,
        ["Jane Example", "Zoë Łukasz", "Budi Santoso", "Sari Dewi"]
    );
    assert_eq!(env.count(&["person", "list"]), 4, "nobody twice");
    let slots = env.dump();
    assert!(
        !slots.contains("5b3e9c74"),
        "never published: the coffee break is deleted"
    );

    // The same file again: nothing changes.
    let dump = env.dump();
    let again = env.json(&["import", file.to_str().unwrap()]);
    assert_eq!(again["updated"][0]["items"], Value::Array(Vec::new()));
    assert_eq!(env.dump(), dump);
}

#[test]
fn a_json_archive_updates_its_seminar_in_place_and_cancels_after_publication() {
    let env = Env::new();
    env.seed();
    env.ok(&["publish", "kss-2017"]);
    let copy = Env::new();
    std::fs::create_dir_all(copy.db.parent().unwrap()).unwrap();
    env.ok(&["backup", copy.db.to_str().unwrap()]);
    copy.ok(&[
        "slot",
        "move",
        "kss-2017",
        "Closing",
        "--at",
        "11:55",
        "--minutes",
        "5",
    ]);
    copy.ok(&["speaker", "remove", "kss-2017", "Mickael B. Hoelman"]);
    copy.ok(&[
        "edit",
        "kss-2017",
        "--subtitle",
        "Proud to Contribute",
        "--title",
        "Seminar on South-South Cooperation",
    ]);
    copy.ok(&["moderator", "assign", "kss-2017", "Dinur Krismasari"]);
    let archive = copy.dir().join("archive.json");
    copy.ok(&[
        "export",
        "--format",
        "json",
        "-o",
        archive.to_str().unwrap(),
    ]);
    let expected = copy.json(&["changes", "kss-2017"]);
    assert!(!expected["items"].as_array().unwrap().is_empty());

    let report = env.json(&["import", archive.to_str().unwrap()]);
    let updated = &report["updated"][0];
    assert_eq!(updated["items"], expected["items"]);
    assert_eq!(updated["seminar"], expected["seminar"]);
    let fields: Vec<&str> = (updated["seminar"].as_array().unwrap().iter())
        .map(|change| change["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["title", "moderator_added"]);
    for args in [
        &["agenda", "kss-2017", "--show-cancelled"][..],
        &["agenda", "kss-2017", "--format", "ics", "--slots"],
        &["show", "kss-2017"],
        &["speaker", "list", "kss-2017", "--format", "csv"],
    ] {
        assert_eq!(env.ok(args), copy.ok(args), "{args:?}");
    }
    let again = env.ok(&["import", archive.to_str().unwrap()]);
    assert!(
        again.ends_with("already as in the file; nothing has changed\n"),
        "{again}"
    );
}

#[test]
fn an_update_that_double_books_a_room_is_refused_unless_forced() {
    let env = Env::new();
    env.ok(&["import", fixture("pretalx-schedule.xml").to_str().unwrap()]);
    env.create_morning_seminar("other", "2024-08-15");
    env.ok(&["venue", "assign", "other", "Workshop Room"]);
    env.ok(&["edit", "other", "--tz", "Europe/Berlin"]);
    let text = std::fs::read_to_string(fixture("pretalx-schedule.xml")).unwrap();
    // The talk moves into the Workshop Room, which the other seminar holds that morning.
    let talk_start = text.find("<event guid=\"4a2d8b63").unwrap();
    let talk_end = talk_start + text[talk_start..].find("</event>").unwrap() + 8;
    let talk = text[talk_start..talk_end].to_string();
    let mut changed = text.clone();
    changed.replace_range(talk_start..talk_end, "");
    let workshop_room = changed.find("<room name=\"Workshop Room\"").unwrap();
    let after_tag = workshop_room + changed[workshop_room..].find('>').unwrap() + 1;
    changed.insert_str(after_tag, &talk);
    let file = env.dir().join("clash.xml");
    std::fs::write(&file, changed).unwrap();
    let file = file.to_str().unwrap();

    let line = env.fails(1, &["import", file]);
    assert!(
        line.contains("venue Workshop Room is booked twice: other (")
            && line.contains("slot 'Schedules in the wild'"),
        "names the conflict: {line}"
    );

    let run = env.run(&["import", file, "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("moved"), "{}", run.stdout);
    let check = env.run(&["check"]);
    assert_eq!(check.code, 3, "{}", check.stdout);
    assert!(check.stdout.contains("Workshop Room"), "{}", check.stdout);
}

#[test]
fn a_file_whose_events_are_in_two_seminars_on_record_is_refused() {
    let env = Env::new();
    env.ok(&["import", fixture("pretalx-schedule.xml").to_str().unwrap()]);
    // A second seminar holding one of the file's events (a hand-made JSON with its uid).
    let other = env.dir().join("other.json");
    std::fs::write(
        &other,
        r#"{"seminar": {"title": "Other", "slug": "other", "time_zone": "Europe/Berlin",
            "first_day": "2024-09-01", "start_time": "09:00", "end_time": "12:00"},
            "slots": [{"uid": "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", "kind": "talk",
            "title": "Elsewhere", "starts_at": "2024-09-01T09:00:00+02:00", "minutes": 30}]}"#,
    )
    .unwrap();
    env.ok(&["import", other.to_str().unwrap()]);
    let text = std::fs::read_to_string(fixture("pretalx-schedule.xml"))
        .unwrap()
        .replace(
            "5b3e9c74-b06d-5f4c-a081-3c4d5e6f7081",
            "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
        );
    let file = env.dir().join("both.xml");
    std::fs::write(&file, text).unwrap();
    let before = dump_file(&env.db);
    let line = env.fails(1, &["import", file.to_str().unwrap()]);
    assert_eq!(
        line,
        "error: conference: its seminar and events are in 2 seminars on record ('democon2024', 'other'); a file updates one seminar, so nothing was imported"
    );
    assert_eq!(dump_file(&env.db), before);
}

#[test]
fn a_cancelled_seminar_is_not_reopened_by_a_file() {
    let env = Env::new();
    let schedule = fixture("pretalx-schedule.xml");
    env.ok(&["import", schedule.to_str().unwrap()]);
    env.ok(&["cancel", "democon2024"]);
    let line = env.fails(1, &["import", schedule.to_str().unwrap()]);
    assert_eq!(
        line,
        "error: conference: 'democon2024' on record is cancelled, and a file does not reopen it; reopen it with 'seminar edit democon2024 --status confirmed' and import again"
    );
}

#[test]
fn sessions_are_updated_added_and_cancelled_from_our_own_archive() {
    let env = conference();
    env.ok(&["publish", SLUG]);
    let copy = copy_of(&env);
    copy.ok(&["session", "remove", SLUG, "Panel 2B: Iklim", "--yes"]);
    copy.ok(&[
        "session",
        "edit",
        SLUG,
        "Panel 1A: ASEAN",
        "--room",
        "Ruang 4",
        "--chair",
        "Kartika Sari",
    ]);
    copy.ok(&[
        "session",
        "add",
        SLUG,
        "Poster",
        "--on",
        "2027-05-12",
        "--at",
        "13:00",
        "--minutes",
        "60",
        "--room",
        "Selasar",
        "--kind",
        "poster",
    ]);
    let archive = copy.dir().join("archive.json");
    copy.ok(&[
        "export",
        "--format",
        "json",
        "-o",
        archive.to_str().unwrap(),
    ]);
    let expected = copy.json(&["changes", SLUG]);

    let report = env.json(&["import", archive.to_str().unwrap()]);
    assert_eq!(report["updated"][0]["items"], expected["items"]);
    let sessions: Vec<(String, String)> = (report["updated"][0]["items"].as_array().unwrap())
        .iter()
        .filter(|item| item["item"] == "session")
        .map(|item| {
            let title = item["after"]["title"].as_str();
            let title = title.or(item["before"]["title"].as_str()).unwrap();
            (
                title.to_string(),
                item["change"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        sessions,
        [
            ("Panel 1A: ASEAN".to_string(), "changed".to_string()),
            ("Poster".to_string(), "added".to_string()),
            ("Panel 2B: Iklim".to_string(), "cancelled".to_string()),
        ]
    );
    let listed = |env: &Env| env.ok(&["session", "list", SLUG]);
    assert_eq!(listed(&env), listed(&copy));
    assert_eq!(
        events(&export(&env, "ics", "mine.ics")),
        events(&export(&copy, "ics", "theirs.ics")),
        "the cancelled session and its talks keep their UIDs, cancelled"
    );
}
