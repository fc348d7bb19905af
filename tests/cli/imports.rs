//! `seminar import`: CSV speaker lists, JSON archives and frab/pretalx schedules; all or
//! nothing, bad rows named by line, existing people and institutions matched.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::Env;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn write(env: &Env, name: &str, content: &str) -> String {
    let path = env.dir().join(name);
    std::fs::write(&path, content).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn a_csv_of_speakers_fills_a_seminar() {
    let env = Env::new();
    env.create_morning_seminar("follow-up", "2017-06-01");
    let file = write(
        &env,
        "speakers.csv",
        "Name,Position,Institution,Talk,Start,Minutes,Email\r\n\
         Asra Virgianita,Dosen,FISIP UI,Cooperation and theory,09:30,45,asra@example.org\r\n\
         \"Hoelman, Mickael B.\",Senior Advisor,INFID (INFID),,,,\r\n\
         Valerina Daniel,,,,,,\r\n",
    );
    let out = env.ok(&["import", &file, "--seminar", "follow-up"]);
    assert_eq!(
        out,
        "Added 0 seminar(s), 1 slot(s), 3 role(s), 3 new person(s), 2 new institution(s), 0 new venue(s)\n"
    );
    let speakers = env.json(&["speaker", "list", "follow-up"]);
    let asra = speakers
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Asra Virgianita")
        .expect("Asra Virgianita");
    assert_eq!(asra["position"], "Dosen");
    assert_eq!(asra["institution"]["name"], "FISIP UI");
    assert_eq!(asra["talks"], serde_json::json!(["Cooperation and theory"]));
    let slots = env.json(&["slot", "list", "follow-up"]);
    assert_eq!(slots[0]["starts_at"], "2017-06-01T09:30:00+07:00");
    assert_eq!(slots[0]["minutes"], 45);
    let agenda = env.ok(&["agenda", "follow-up"]);
    assert!(
        agenda.lines().any(|line| line.contains("09:30–10:15")
            && line.contains("Cooperation and theory")
            && line.contains("Asra Virgianita")),
        "the talk is in the agenda at its time: {agenda}"
    );
    let institutions = env.json(&["institution", "list"]);
    assert!(
        institutions
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["name"] == "INFID" && i["short_name"] == "INFID")
    );
}

#[test]
fn existing_people_and_institutions_are_matched_not_duplicated() {
    let env = Env::new();
    env.seed();
    env.create_morning_seminar("follow-up", "2017-06-01");
    let people = env.count(&["person", "list"]);
    let institutions = env.count(&["institution", "list"]);
    let file = write(
        &env,
        "speakers.csv",
        "seminar,name,institution,position\n\
         follow-up,dinur krismasari,JICA,Senior Representative\n\
         follow-up,MOH. SYARIF ALATAS,Kemlu,Direktur\n",
    );
    let report = env.json(&["import", &file]);
    assert_eq!(report["dry_run"], false);
    assert_eq!(report["added"]["roles"], 2);
    assert_eq!(report["added"]["people"], 0);
    assert_eq!(report["added"]["institutions"], 0);
    assert_eq!(env.count(&["person", "list"]), people);
    assert_eq!(env.count(&["institution", "list"]), institutions);
    let names: Vec<Value> = env
        .json(&["speaker", "list", "follow-up"])
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].clone())
        .collect();
    assert!(names.contains(&"Dinur Krismasari".into()), "{names:?}");
}

#[test]
fn a_misspelled_institution_stops_the_whole_import_unless_new() {
    let env = Env::new();
    env.seed();
    env.create_morning_seminar("follow-up", "2017-06-01");
    let file = write(
        &env,
        "speakers.csv",
        "name,institution\nBudi Santoso,FISIP UI\nRatna Sari,Kementerian Luar Negri\n",
    );
    let line = env.fails(1, &["import", &file, "--seminar", "follow-up"]);
    assert!(line.contains("line 3"), "{line}");
    assert!(line.contains("Kementerian Luar Negeri"), "{line}");
    assert_eq!(
        env.count(&["speaker", "list", "follow-up"]),
        0,
        "Budi was not kept either"
    );
    env.ok(&["import", &file, "--seminar", "follow-up", "--new"]);
    assert_eq!(env.count(&["speaker", "list", "follow-up"]), 2);
}

#[test]
fn every_bad_row_is_named_in_one_line_and_nothing_is_written() {
    let env = Env::new();
    env.create_morning_seminar("follow-up", "2017-06-01");
    let file = write(
        &env,
        "speakers.csv",
        "name,talk,start,minutes\n\
         Good Person,Fine talk,09:00,30\n\
         Late Person,Too late,25:00,30\n\
         Negative Person,Short talk,10:00,-5\n\
         ,Nameless talk,11:00,30\n\
         Half Person,Only a title,,\n",
    );
    let line = env.fails(1, &["import", &file, "--seminar", "follow-up"]);
    assert!(line.contains("4 bad rows, nothing imported"), "{line}");
    for expected in [
        "line 3: start",
        "line 4: minutes",
        "line 5: name",
        "line 6: talk",
    ] {
        assert!(line.contains(expected), "{expected} in {line}");
    }
}

#[test]
fn malformed_files_are_refused_with_the_reason() {
    let env = Env::new();
    env.create_morning_seminar("follow-up", "2017-06-01");
    let cases: [(&str, &[u8], &str); 6] = [
        (
            "unknown.csv",
            b"name,shoe size\nA,42\n",
            "unknown column 'shoe size'; accepted columns: seminar, role, name, position, \
             institution, email, phone, talk, date, start, minutes",
        ),
        ("header.csv", b"name,position\n", "no rows to import"),
        ("empty.csv", b"", "it is empty"),
        ("latin1.csv", b"name\nJos\xe9\n", "not UTF-8 text (line 2)"),
        (
            "wide.csv",
            b"name,position\nA,B,C\n",
            "line 2: has 3 fields, but the header row has 2",
        ),
        ("noname.csv", b"position\nDosen\n", "no 'name' column"),
    ];
    for (name, content, expected) in cases {
        let path = env.dir().join(name);
        std::fs::write(&path, content).unwrap();
        let line = env.fails(
            1,
            &["import", path.to_str().unwrap(), "--seminar", "follow-up"],
        );
        assert!(line.contains(expected), "{name}: {expected} in {line}");
    }
    let file = write(&env, "speakers.txt", "name\nA\n");
    let line = env.fails(2, &["import", &file, "--seminar", "follow-up"]);
    assert!(line.contains("--format json, csv, frab or ics"), "{line}");
    let missing = env.dir().join("missing.csv");
    env.fails(
        2,
        &[
            "import",
            missing.to_str().unwrap(),
            "--seminar",
            "follow-up",
        ],
    );
    let bom = write(&env, "bom.csv", "\u{feff}name\nWith Bom\n");
    env.ok(&["import", &bom, "--seminar", "follow-up"]);
    assert_eq!(
        env.count(&["speaker", "list", "follow-up"]),
        1,
        "a byte order mark is fine"
    );
}

#[test]
fn a_speaker_list_reads_back_into_another_seminar() {
    let env = Env::new();
    env.seed();
    let list = env.dir().join("list.csv");
    env.ok(&[
        "speaker",
        "list",
        "kss-2017",
        "--format",
        "csv",
        "-o",
        list.to_str().unwrap(),
    ]);
    // The same rundown a week later: the list's dates are those of the first seminar, so
    // the date column is dropped and the talks land on the new seminar's day.
    let text = std::fs::read_to_string(&list).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = reader.headers().unwrap().clone();
    let keep: Vec<usize> = (0..header.len())
        .filter(|i| &header[*i] != "date")
        .collect();
    writer
        .write_record(keep.iter().map(|i| &header[*i]))
        .unwrap();
    for record in reader.records() {
        let record = record.unwrap();
        writer
            .write_record(keep.iter().map(|i| &record[*i]))
            .unwrap();
    }
    let file = write(
        &env,
        "next.csv",
        &String::from_utf8(writer.into_inner().unwrap()).unwrap(),
    );
    env.create_morning_seminar("kss-2017-b", "2017-05-25");
    let people = env.count(&["person", "list"]);
    env.ok(&["import", &file, "--seminar", "kss-2017-b"]);
    assert_eq!(env.count(&["person", "list"]), people, "nobody new");
    let strip = |value: Value| -> Vec<(Value, Value, Value, Value)> {
        value
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["name"].clone(),
                    s["position"].clone(),
                    s["institution"]["name"].clone(),
                    s["talks"].clone(),
                )
            })
            .collect()
    };
    let mut before = strip(env.json(&["speaker", "list", "kss-2017"]));
    let mut after = strip(env.json(&["speaker", "list", "kss-2017-b"]));
    before.sort_by_key(|row| row.0.to_string());
    after.sort_by_key(|row| row.0.to_string());
    assert_eq!(before, after);
}

#[test]
fn a_json_archive_round_trips_into_an_empty_database() {
    let source = Env::new();
    source.seed();
    let archive = source.dir().join("all.json");
    source.ok(&[
        "export",
        "--format",
        "json",
        "-o",
        archive.to_str().unwrap(),
    ]);

    let copy = Env::new();
    let out = copy.ok(&["import", archive.to_str().unwrap()]);
    assert!(out.starts_with("Added 1 seminar(s), 7 slot(s), 5 role(s), 5 new person(s), 4 new institution(s), 1 new venue(s)"), "{out}");
    for args in [
        &["agenda", "kss-2017"][..],
        &["agenda", "kss-2017", "--lang", "id"],
        &["agenda", "kss-2017", "--format", "ics"],
        &["agenda", "kss-2017", "--format", "ics", "--slots"],
        &["agenda", "kss-2017", "--format", "frab"],
        &["speaker", "list", "kss-2017", "--format", "csv"],
    ] {
        assert_eq!(
            source.ok(args),
            copy.ok(args),
            "{args:?} is the same after the round trip"
        );
    }
    let again = copy.dir().join("again.json");
    copy.ok(&["export", "--format", "json", "-o", again.to_str().unwrap()]);
    assert_eq!(
        std::fs::read_to_string(&archive).unwrap(),
        std::fs::read_to_string(&again).unwrap(),
        "the copy exports the same archive, uids included"
    );
    // The same archive again updates its seminar in place, and nothing has changed.
    let dump = copy.dump();
    let again = copy.ok(&["import", archive.to_str().unwrap()]);
    assert!(
        again.ends_with("— already as in the file; nothing has changed\n"),
        "{again}"
    );
    assert_eq!(copy.dump(), dump);

    let one = source.dir().join("one.json");
    source.ok(&[
        "agenda",
        "kss-2017",
        "--format",
        "json",
        "-o",
        one.to_str().unwrap(),
    ]);
    let third = Env::new();
    third.ok(&["import", one.to_str().unwrap()]);
    assert_eq!(
        source.ok(&["agenda", "kss-2017"]),
        third.ok(&["agenda", "kss-2017"])
    );
}

#[test]
fn json_from_a_newer_version_or_broken_json_is_refused() {
    let env = Env::new();
    let newer = write(
        &env,
        "newer.json",
        r#"{"format": "seminar-archive", "version": 99, "seminars": []}"#,
    );
    let line = env.fails(1, &["import", &newer]);
    assert!(line.contains("archive version 99 is newer"), "{line}");
    let broken = write(
        &env,
        "broken.json",
        "{\n  \"format\": \"seminar-archive\",\n  oops\n}",
    );
    let line = env.fails(1, &["import", &broken]);
    assert!(line.contains("line 3: not valid JSON"), "{line}");
    let other = write(&env, "other.json", "[1, 2, 3]");
    let line = env.fails(1, &["import", &other]);
    assert!(line.contains("not a seminar JSON file"), "{line}");
    let zone = write(
        &env,
        "zone.json",
        r#"{"seminar": {"title": "T", "time_zone": "Mars/Olympus", "first_day": "2024-01-01", "start_time": "09:00", "end_time": "10:00"}}"#,
    );
    let line = env.fails(1, &["import", &zone]);
    assert!(line.contains("seminar: time_zone"), "{line}");
}

#[test]
fn a_pretalx_schedule_becomes_one_seminar_with_its_rooms() {
    let env = Env::new();
    let schedule = fixture("pretalx-schedule.xml");
    let out = env.ok(&["import", schedule.to_str().unwrap()]);
    assert!(out.starts_with("Added 1 seminar(s), 5 slot(s)"), "{out}");
    let seminars = env.json(&["list"]);
    assert_eq!(seminars.as_array().unwrap().len(), 1);
    assert_eq!(seminars[0]["title"], "Demo Con 2024");
    assert_eq!(seminars[0]["slug"], "democon2024", "the acronym");
    let agenda = env.json(&["agenda", "democon2024"]);
    assert_eq!(agenda["seminar"]["time_zone"], "Europe/Berlin");
    assert!(
        agenda["seminar"]["venue"].is_null(),
        "two rooms, no one venue"
    );
    assert_eq!(
        (
            agenda["seminar"]["first_day"].as_str(),
            agenda["seminar"]["last_day"].as_str()
        ),
        (Some("2024-08-15"), Some("2024-08-16"))
    );
    let slots = agenda["slots"].as_array().unwrap();
    let talk = slots
        .iter()
        .find(|s| s["title"] == "Schedules in the wild")
        .unwrap();
    assert_eq!(talk["starts_at"], "2024-08-15T10:30:00+02:00");
    assert_eq!(talk["minutes"], 45);
    assert_eq!(talk["room"], "Main Hall");
    assert_eq!(
        talk["uid"], "4a2d8b63-af5c-5e3b-9d70-2b3c4d5e6f70",
        "the guid is kept"
    );
    assert_eq!(
        talk["people"],
        serde_json::json!(["Zoë Łukasz", "Jane Example"])
    );
    let placed: Vec<(&str, &str)> = slots
        .iter()
        .map(|s| (s["kind"].as_str().unwrap(), s["room"].as_str().unwrap()))
        .collect();
    assert_eq!(
        placed,
        [
            ("opening", "Main Hall"),
            ("talk", "Main Hall"),
            ("break", "Main Hall"),
            ("talk", "Workshop Room"),
            ("panel", "Main Hall")
        ]
    );
    let speakers: Vec<&str> = agenda["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(speakers, ["Jane Example", "Zoë Łukasz", "Budi Santoso"]);
    assert_eq!(env.run(&["check"]).code, 0, "the import and check agree");
    // The same schedule again updates its seminar in place, and nothing has changed.
    let dump = env.dump();
    let again = env.ok(&["import", schedule.to_str().unwrap()]);
    assert_eq!(
        again,
        "Demo Con 2024 — already as in the file; nothing has changed\n"
    );
    assert_eq!(env.dump(), dump);
}

#[test]
fn hostile_xml_is_refused_without_reading_anything_else() {
    let env = Env::new();
    let xxe = write(
        &env,
        "xxe.xml",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE schedule [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n\
         <schedule><version>1</version><conference><title>&xxe;</title></conference></schedule>",
    );
    let line = env.fails(1, &["import", &xxe]);
    assert!(line.contains("declares entities"), "{line}");
    assert!(!line.contains("root:"), "{line}");
    let mut laughs =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    for level in 1..10 {
        let previous = if level == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", level - 1)
        };
        laughs.push_str(&format!(
            "<!ENTITY lol{level} \"{}\">\n",
            format!("&{previous};").repeat(10)
        ));
    }
    laughs.push_str("]>\n<schedule><conference><title>&lol9;</title></conference></schedule>");
    let file = write(&env, "laughs.xml", &laughs);
    env.fails(1, &["import", &file]);
    let not_xml = write(&env, "junk.xml", "this is not a schedule");
    let line = env.fails(1, &["import", &not_xml]);
    assert!(line.contains("not a frab schedule.xml"), "{line}");
}

#[test]
fn dates_no_calendar_needs_are_refused_not_overflowed() {
    let env = Env::new();
    env.ok(&["list"]);
    let xml = write(
        &env,
        "late.xml",
        "<schedule><conference><title>T</title><time_zone_name>UTC</time_zone_name></conference>\
         <day date=\"9999-12-31\"><room name=\"R\"><event id=\"1\">\
         <date>9999-12-31T23:50:00+00:00</date><duration>00:30</duration><title>Late</title>\
         </event></room></day></schedule>",
    );
    let line = env.fails(1, &["import", &xml]);
    assert!(
        line.contains("event 1: date: the year 9999 is out of range"),
        "{line}"
    );
    let json = write(
        &env,
        "late.json",
        r#"{"seminar": {"title": "T", "time_zone": "UTC", "first_day": "9999-12-31", "start_time": "23:00", "end_time": "23:59"}}"#,
    );
    let line = env.fails(1, &["import", &json]);
    assert!(
        line.contains("out of range; accepted: a day from 1900 to 2199"),
        "{line}"
    );
}

#[test]
fn a_dry_run_counts_exactly_what_the_import_then_adds() {
    let env = Env::new();
    env.seed();
    env.create_morning_seminar("follow-up", "2017-06-01");
    let file = write(
        &env,
        "speakers.csv",
        "name,institution,talk,start,minutes\n\
         Dinur Krismasari,JICA,,,\n\
         Ratna Sari,Universitas Gadjah Mada,Regional cooperation,10:00,30\n\
         Budi Santoso,FISIP UI,,,\n",
    );
    let before = env.dump();
    let text = env.ok(&["import", &file, "--seminar", "follow-up", "--dry-run"]);
    assert_eq!(
        text,
        "Would add 0 seminar(s), 1 slot(s), 3 role(s), 2 new person(s), 1 new institution(s), \
         0 new venue(s); nothing was changed (dry run)\n"
    );
    let rehearsal = env.json(&["import", &file, "--seminar", "follow-up", "--dry-run"]);
    assert_eq!(rehearsal["dry_run"], true);
    assert_eq!(env.dump(), before, "a dry run keeps nothing");
    let report = env.json(&["import", &file, "--seminar", "follow-up"]);
    assert_eq!(report["dry_run"], false);
    assert_eq!(report["added"], rehearsal["added"]);
    assert_eq!(
        report["added"],
        serde_json::json!({
            "seminars": 0, "slots": 1, "roles": 3,
            "people": 2, "institutions": 1, "venues": 0
        })
    );
    assert_eq!(env.count(&["speaker", "list", "follow-up"]), 3);
    assert_eq!(env.count(&["slot", "list", "follow-up"]), 1);
}

#[test]
fn a_speaker_list_keeps_its_dates_so_a_seminar_on_another_day_refuses_it() {
    let env = Env::new();
    env.seed();
    let list = env.dir().join("list.csv");
    env.ok(&[
        "speaker",
        "list",
        "kss-2017",
        "--format",
        "csv",
        "-o",
        list.to_str().unwrap(),
    ]);
    let mut reader = csv::Reader::from_path(&list).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "seminar",
            "role",
            "name",
            "position",
            "institution",
            "talk",
            "date",
            "start",
            "minutes",
            "room",
            "session",
            "track"
        ]
    );
    let dates: Vec<String> = reader
        .records()
        .map(|record| record.unwrap()[6].to_string())
        .collect();
    assert_eq!(dates, ["2017-05-18"; 4]);
    env.create_morning_seminar("kss-2017-b", "2017-05-19");
    // The talks are dated the first seminar's day: the whole list is refused, not moved.
    let line = env.fails(
        1,
        &["import", list.to_str().unwrap(), "--seminar", "kss-2017-b"],
    );
    assert!(
        line.contains("2017-05-18 is not a day of kss-2017-b"),
        "{line}"
    );
    assert_eq!(env.count(&["speaker", "list", "kss-2017-b"]), 0);
}

#[test]
fn rows_of_a_crlf_file_are_named_by_their_own_line() {
    let env = Env::new();
    env.create_morning_seminar("follow-up", "2017-06-01");
    let file = write(
        &env,
        "windows.csv",
        "name,talk,start,minutes\r\n\
         Good Person,Fine talk,09:00,30\r\n\
         Late Person,Too late,25:00,30\r\n\
         Negative Person,Short talk,10:00,-5\r\n",
    );
    let line = env.fails(1, &["import", &file, "--seminar", "follow-up"]);
    assert!(
        line.contains("line 3: start") && line.contains("line 4: minutes"),
        "{line}"
    );
    let wide = write(&env, "wide.csv", "name,position\r\nA,B,C\r\n");
    let line = env.fails(1, &["import", &wide, "--seminar", "follow-up"]);
    assert!(line.contains("line 2: has 3 fields"), "{line}");
    let unknown = write(
        &env,
        "unknown.csv",
        "seminar,name\r\nfollow-up,Ratna Sari\r\nnope,Budi Santoso\r\n",
    );
    let line = env.fails(1, &["import", &unknown]);
    assert!(line.contains("line 3: seminar 'nope' not found"), "{line}");
}

#[test]
fn the_seminar_option_is_refused_for_files_that_name_their_seminars() {
    let env = Env::new();
    env.create_morning_seminar("follow-up", "2017-06-01");
    let schedule = fixture("pretalx-schedule.xml");
    let line = env.fails(
        2,
        &[
            "import",
            schedule.to_str().unwrap(),
            "--seminar",
            "follow-up",
        ],
    );
    assert!(
        line.contains("--seminar applies to CSV and iCalendar imports"),
        "{line}"
    );
}

#[test]
fn a_pretalx_schedule_puts_each_event_in_its_room_in_berlin_time() {
    let env = Env::new();
    let schedule = fixture("pretalx-schedule.xml");
    let report = env.json(&["import", schedule.to_str().unwrap()]);
    assert_eq!(
        report["added"],
        serde_json::json!({
            "seminars": 1, "slots": 5, "roles": 3,
            "people": 3, "institutions": 0, "venues": 2
        })
    );
    let venues: Vec<Value> = env
        .json(&["venue", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].clone())
        .collect();
    assert_eq!(venues, ["Main Hall", "Workshop Room"]);
    let mut people: Vec<String> = env
        .json(&["person", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    people.sort();
    assert_eq!(people, ["Budi Santoso", "Jane Example", "Zoë Łukasz"]);

    let workshop = env.ok(&["agenda", "democon2024", "--room", "Workshop Room"]);
    assert!(
        workshop.contains("Hands-on: exporting a schedule"),
        "{workshop}"
    );
    assert!(!workshop.contains("Schedules in the wild"), "{workshop}");
    let agenda = env.json(&["agenda", "democon2024"]);
    let times: Vec<(&str, &str, u64, &str)> = agenda["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["title"].as_str().unwrap(),
                s["starts_at"].as_str().unwrap(),
                s["minutes"].as_u64().unwrap(),
                s["room"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        times,
        [
            (
                "Opening & welcome",
                "2024-08-15T10:00:00+02:00",
                15,
                "Main Hall"
            ),
            (
                "Schedules in the wild",
                "2024-08-15T10:30:00+02:00",
                45,
                "Main Hall"
            ),
            ("Coffee", "2024-08-15T11:15:00+02:00", 30, "Main Hall"),
            (
                "Hands-on: exporting a schedule",
                "2024-08-15T14:00:00+02:00",
                90,
                "Workshop Room"
            ),
            (
                "Closing panel",
                "2024-08-16T16:00:00+02:00",
                45,
                "Main Hall"
            ),
        ]
    );
    let text = env.ok(&["agenda", "democon2024"]);
    assert!(text.contains("Zoë Łukasz"), "{text}");
}

#[test]
fn an_exported_frab_file_reads_back_as_the_same_seminar() {
    let source = Env::new();
    source.seed();
    let file = source.dir().join("s.xml");
    source.ok(&["export", "--format", "frab", "-o", file.to_str().unwrap()]);
    let copy = Env::new();
    let out = copy.ok(&["import", file.to_str().unwrap()]);
    assert_eq!(
        out,
        "Added 1 seminar(s), 7 slot(s), 5 role(s), 5 new person(s), 4 new institution(s), \
         1 new venue(s)\n",
        "the speakers' institutions come back with them"
    );
    let seminars = copy.json(&["list"]);
    assert_eq!(seminars.as_array().unwrap().len(), 1);
    assert_eq!(seminars[0]["slug"], "kss-2017");
    assert_eq!(seminars[0]["venue"]["name"], "Auditorium Juwono Sudarsono");
    assert_eq!(seminars[0]["time_zone"], "Asia/Jakarta");
    let rundown = |env: &Env| -> Vec<(Value, Value, Value, Value)> {
        env.json(&["agenda", "kss-2017"])["slots"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["title"].clone(),
                    s["starts_at"].clone(),
                    s["minutes"].clone(),
                    s["people"].clone(),
                )
            })
            .collect()
    };
    let slots = rundown(&copy);
    assert_eq!(slots.len(), 7);
    assert_eq!(slots, rundown(&source));
    let names = |env: &Env| -> Vec<Value> {
        env.json(&["person", "list"])
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].clone())
            .collect()
    };
    assert_eq!(names(&copy), names(&source));
    let dump = copy.dump();
    let again = copy.json(&["import", file.to_str().unwrap()]);
    assert_eq!(again["updated"][0]["items"], Value::Array(Vec::new()));
    assert_eq!(copy.dump(), dump, "the same file again changes nothing");
}

#[test]
fn a_schedule_that_repeats_a_guid_is_refused_naming_the_event() {
    let env = Env::new();
    env.ok(&["list"]);
    let event = |id: &str, at: &str, title: &str| {
        format!(
            "<event id=\"{id}\" guid=\"3f1c7a52-9e4b-5d2a-8c6f-1a2b3c4d5e6f\">\
             <date>2024-08-15T{at}:00+02:00</date><duration>00:30</duration>\
             <title>{title}</title></event>"
        )
    };
    let xml = write(
        &env,
        "twice.xml",
        &format!(
            "<schedule><conference><title>Demo</title>\
             <time_zone_name>Europe/Berlin</time_zone_name></conference>\
             <day date=\"2024-08-15\"><room name=\"Hall\">{}{}</room></day></schedule>",
            event("1", "10:00", "First"),
            event("2", "11:00", "Second")
        ),
    );
    let line = env.fails(1, &["import", &xml]);
    assert!(!line.contains("UNIQUE constraint"), "{line}");
    assert!(
        line.contains("3f1c7a52-9e4b-5d2a-8c6f-1a2b3c4d5e6f") || line.contains("event 2"),
        "{line}"
    );
}

#[test]
fn an_archive_whose_slug_is_taken_gives_advice_import_can_follow() {
    let source = Env::new();
    source.seed();
    let archive = source.dir().join("all.json");
    source.ok(&[
        "export",
        "--format",
        "json",
        "-o",
        archive.to_str().unwrap(),
    ]);
    let env = Env::new();
    env.create_morning_seminar("kss-2017", "2017-06-01");
    let line = env.fails(1, &["import", archive.to_str().unwrap()]);
    assert!(line.contains("'kss-2017'"), "{line}");
    assert!(!line.contains("choose another --slug"), "{line}");
    assert!(
        line.contains("seminar edit kss-2017 --slug NEW"),
        "advice import can follow: {line}"
    );
}

#[test]
fn an_external_doctype_reads_no_file() {
    let env = Env::new();
    let system = write(
        &env,
        "system.xml",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE schedule SYSTEM \"file:///etc/passwd\">\n\
         <schedule><conference><title>&xxe;</title></conference><day date=\"2024-08-15\">\
         <room name=\"R\"><event id=\"1\"><date>2024-08-15T10:00:00+02:00</date>\
         <duration>00:30</duration><title>&xxe;</title></event></room></day></schedule>",
    );
    let line = env.fails(1, &["import", &system]);
    assert!(!line.contains("root:"), "{line}");
    let parameter = write(
        &env,
        "parameter.xml",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE schedule [<!ENTITY % remote SYSTEM \
         \"file:///etc/passwd\"> %remote;]>\n<schedule><conference><title>T</title>\
         </conference></schedule>",
    );
    let line = env.fails(1, &["import", &parameter, "--format", "frab"]);
    assert!(line.contains("declares entities"), "{line}");
    assert!(!line.contains("root:"), "{line}");
    assert_eq!(env.count(&["list"]), 0);
}

#[test]
fn an_event_that_runs_past_midnight_stays_on_its_day() {
    let env = Env::new();
    env.ok(&["list"]);
    let xml = write(
        &env,
        "midnight.xml",
        "<schedule><conference><title>T</title><time_zone_name>UTC</time_zone_name></conference>\
         <day date=\"2024-08-15\"><room name=\"R\"><event id=\"1\">\
         <date>2024-08-15T23:30:00+00:00</date><duration>00:30</duration><title>Late</title>\
         </event></room></day></schedule>",
    );
    env.ok(&["import", &xml]);
    let slots = env.json(&["slot", "list", "#1"]);
    assert_eq!(slots[0]["starts_at"], "2024-08-15T23:30:00+00:00");
    assert_eq!(slots[0]["ends_at"], "2024-08-16T00:00:00+00:00");
    let seminar = env.json(&["show", "#1"]);
    assert_eq!(
        seminar["seminar"]["last_day"], "2024-08-15",
        "one day, to midnight"
    );
    assert_eq!(env.run(&["check"]).code, 0);
}

#[test]
fn a_slot_over_the_clock_change_reads_back_from_frab() {
    // Found by fuzz/import_frab: in Berlin on 25 October 2026 the clocks go back at 03:00,
    // so a slot from 02:30 CEST for 30 minutes ends at 02:00 CET, and the day's hours read
    // from the file ended before they began.
    let source = Env::new();
    source.ok(&[
        "create",
        "Berlin clock change",
        "--date",
        "2026-10-25",
        "--start",
        "01:00",
        "--end",
        "05:00",
        "--tz",
        "Europe/Berlin",
        "--slug",
        "dst-2026",
    ]);
    source.ok(&[
        "slot",
        "add",
        "dst-2026",
        "Repeated hour",
        "--at",
        "02:30",
        "--minutes",
        "30",
    ]);
    let file = source.dir().join("dst.xml");
    source.ok(&["export", "--format", "frab", "-o", file.to_str().unwrap()]);
    let copy = Env::new();
    let out = copy.ok(&["import", file.to_str().unwrap()]);
    assert!(out.starts_with("Added 1 seminar(s), 1 slot(s)"), "{out}");
    let slot = |env: &Env| env.json(&["agenda", "dst-2026"])["slots"][0].clone();
    assert_eq!(slot(&copy)["starts_at"], "2026-10-25T02:30:00+02:00");
    assert_eq!(slot(&copy)["ends_at"], slot(&source)["ends_at"]);
    assert_eq!(slot(&copy)["minutes"], 30);
}

#[test]
fn apostrophes_that_belong_to_the_text_survive_a_csv_round_trip() {
    let env = Env::new();
    env.create_morning_seminar("sql", "2017-06-01");
    let titles = ["'=' in SQL", "'quoted' words", "=SUM(A1)", "-1 and up"];
    let people = [
        "Asra Virgianita",
        "Budi Santoso",
        "Citra Kirana",
        "Dewi Lestari",
    ];
    for ((title, at), name) in titles
        .iter()
        .zip(["09:00", "09:30", "10:00", "10:30"])
        .zip(people)
    {
        env.ok(&[
            "speaker",
            "add",
            "sql",
            name,
            "--new",
            &format!("--talk={title}"),
            "--at",
            at,
            "--minutes",
            "30",
        ]);
    }
    let list = env.dir().join("list.csv");
    env.ok(&[
        "speaker",
        "list",
        "sql",
        "--format",
        "csv",
        "-o",
        list.to_str().unwrap(),
    ]);
    let copy = Env::new();
    copy.create_morning_seminar("sql", "2017-06-01");
    copy.ok(&["import", list.to_str().unwrap(), "--seminar", "sql"]);
    let talks = |env: &Env| -> Vec<String> {
        let mut talks: Vec<String> = env
            .json(&["slot", "list", "sql"])
            .as_array()
            .unwrap()
            .iter()
            .map(|slot| slot["title"].as_str().unwrap().to_string())
            .collect();
        talks.sort();
        talks
    };
    let mut expected: Vec<String> = titles.iter().map(|t| t.to_string()).collect();
    expected.sort();
    assert_eq!(talks(&env), expected);
    assert_eq!(talks(&copy), expected, "read back as they were");
}

#[test]
fn offsets_with_seconds_do_not_shift_times_on_a_round_trip() {
    for (zone, date) in [
        ("Asia/Jakarta", "1900-05-18"),
        ("Africa/Monrovia", "1971-03-01"),
    ] {
        let source = Env::new();
        source.ok(&[
            "create", "Old", "--date", date, "--start", "09:00", "--end", "12:00", "--tz", zone,
            "--slug", "old",
        ]);
        source.ok(&[
            "slot",
            "add",
            "old",
            "Talk",
            "--at",
            "09:30",
            "--minutes",
            "30",
        ]);
        let starts = |env: &Env, seminar: &str| -> String {
            let slots = env.json(&["slot", "list", seminar]);
            slots[0]["starts_at"].as_str().unwrap().to_string()
        };
        let original: chrono::DateTime<chrono::Utc> = starts(&source, "old").parse().unwrap();
        for (format, extension) in [("json", "json"), ("frab", "xml")] {
            let file = source.dir().join(format!("old.{extension}"));
            source.ok(&["export", "--format", format, "-o", file.to_str().unwrap()]);
            let copy = Env::new();
            copy.ok(&["import", file.to_str().unwrap()]);
            let seminar = copy.json(&["list"])[0]["slug"]
                .as_str()
                .unwrap()
                .to_string();
            let back: chrono::DateTime<chrono::Utc> = starts(&copy, &seminar).parse().unwrap();
            assert_eq!(back, original, "{zone} through {format}");
        }
        // Written by a program that rounds the offset to the minute: the wall clock counts.
        let archive = source.dir().join("old.json");
        let text = std::fs::read_to_string(&archive).unwrap();
        let local = original
            .with_timezone(&zone.parse::<seminar::model::zone::Zone>().unwrap())
            .to_rfc3339();
        let rounded = text.replace(&starts(&source, "old"), &local);
        assert_ne!(rounded, text, "the archive writes the exact instant");
        let copy = Env::new();
        let file = copy.dir().join("rounded.json");
        std::fs::write(&file, rounded).unwrap();
        copy.ok(&["import", file.to_str().unwrap()]);
        let back: chrono::DateTime<chrono::Utc> = starts(&copy, "old").parse().unwrap();
        assert_eq!(back, original, "{zone} with a rounded offset");
    }
}
