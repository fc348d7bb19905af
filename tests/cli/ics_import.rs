//! `seminar import FILE.ics`: calendars other programs wrote, and our own export read back.

use serde_json::Value;

use crate::rooms::{SLUG, conference};
use crate::support::Env;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Each slot of a seminar as (title, kind, starts_at, minutes, room).
fn slots(env: &Env, slug: &str) -> Vec<(String, String, String, u64, Value)> {
    env.json(&["slot", "list", slug])
        .as_array()
        .unwrap()
        .iter()
        .map(|slot| {
            (
                slot["title"].as_str().unwrap().to_string(),
                slot["kind"].as_str().unwrap().to_string(),
                slot["starts_at"].as_str().unwrap().to_string(),
                slot["minutes"].as_u64().unwrap(),
                slot["room"].clone(),
            )
        })
        .collect()
}

#[test]
fn an_indico_calendar_imports_with_its_local_times_rooms_and_abstracts() {
    let env = Env::new();
    let out = env.ok(&["import", &fixture("indico-workshop.ics")]);
    assert!(out.starts_with("Added 1 seminar(s), 4 slot(s)"), "{out}");
    let seminars = env.json(&["list"]);
    let seminar = &seminars[0];
    assert_eq!(seminar["title"], "Workshop Künstliche Intelligenz 2027");
    assert_eq!(seminar["time_zone"], "Europe/Berlin");
    let slug = seminar["slug"].as_str().unwrap();
    assert_eq!(
        slots(&env, slug),
        vec![
            (
                "Eröffnung".into(),
                "opening".into(),
                "2027-06-09T09:00:00+02:00".into(),
                30,
                Value::from("Hörsaal 1")
            ),
            (
                "Große Sprachmodelle für die Verwaltung".into(),
                "talk".into(),
                "2027-06-09T09:30:00+02:00".into(),
                45,
                Value::from("Hörsaal 1")
            ),
            // Written in UTC (08:15Z): 10:15 in Berlin's summer time.
            (
                "Kaffeepause".into(),
                "break".into(),
                "2027-06-09T10:15:00+02:00".into(),
                30,
                Value::from("Foyer")
            ),
            (
                "Podiumsdiskussion".into(),
                "panel".into(),
                "2027-06-10T14:00:00+02:00".into(),
                60,
                Value::from("Seminarraum 2")
            ),
        ]
    );
    let listed = env.json(&["slot", "list", slug]);
    let talk = &listed[1];
    // The description was folded inside the "Ü" and its commas and newline escaped.
    assert_eq!(
        talk["abstract"],
        "Modelle, Daten und Recht; ein Überblick.\nMit Beispielen aus München."
    );
    assert_eq!(talk["uid"], "2d7a9f4e-31b8-4c55-9a1e-7f0c3b2d6e11");
    assert_eq!(
        listed[0]["links"][0]["href"],
        "https://indico.example.org/event/42/contributions/101/"
    );
    // The days and hours are the events': 09:00–10:45, and 14:00–15:00 the second day.
    let agenda = env.json(&["agenda", slug]);
    let seminar = &agenda["seminar"];
    assert_eq!(
        (&seminar["start_time"], &seminar["end_time"]),
        (&Value::from("09:00"), &Value::from("10:45"))
    );
    assert_eq!(
        seminar["days"],
        serde_json::json!([{"date": "2027-06-10", "start_time": "14:00", "end_time": "15:00"}])
    );
}

#[test]
fn our_own_calendar_export_reads_back_as_the_same_seminar_with_its_rooms() {
    let source = conference();
    let file = source.dir().join("knhi.ics");
    let text = source.ok(&["agenda", SLUG, "--format", "ics", "--slots"]);
    std::fs::write(&file, &text).unwrap();
    // A real parser reads what is imported.
    assert!(ical::IcalParser::new(text.as_bytes()).all(|calendar| calendar.is_ok()));

    let copy = Env::new().with_env("SEMINAR_NOW", "2027-04-01");
    copy.ok(&["import", file.to_str().unwrap()]);
    let seminars = copy.json(&["list"]);
    assert_eq!(seminars.as_array().unwrap().len(), 1, "{seminars}");
    let original = &source.json(&["list"])[0];
    assert_eq!(seminars[0]["uid"], original["uid"]);
    assert_eq!(seminars[0]["title"], original["title"]);
    assert_eq!(seminars[0]["venue"]["name"], "Universitas Gadjah Mada");
    assert_eq!(seminars[0]["time_zone"], "Asia/Jakarta");
    let slug = seminars[0]["slug"].as_str().unwrap();
    let uids = |env: &Env, slug: &str| -> Vec<Value> {
        (env.json(&["slot", "list", slug]).as_array().unwrap().iter())
            .map(|slot| slot["uid"].clone())
            .collect()
    };
    assert_eq!(slots(&copy, slug), slots(&source, SLUG));
    assert_eq!(uids(&copy, slug), uids(&source, SLUG));
    assert!(
        slots(&copy, slug)
            .iter()
            .any(|slot| slot.4 == "Auditorium Mandiri"),
        "the rooms come back"
    );
    let line = copy.fails(1, &["import", file.to_str().unwrap()]);
    assert!(line.contains("already in the database"), "{line}");
}

const FLOATING: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r\nX-WR-CALNAME:Seminar Kebijakan Publik\r\nBEGIN:VEVENT\r\nUID:6b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\r\nSUMMARY:Pembukaan\r\nDTSTART:20270818T090000\r\nDTEND:20270818T093000\r\nCATEGORIES:Pembukaan\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:7c2a3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e\r\nSUMMARY:Diskusi panel\r\nDTSTART:20270818T093000\r\nDURATION:PT1H30M\r\nCATEGORIES:Diskusi panel\r\nRRULE:FREQ=DAILY;COUNT=2\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

#[test]
fn floating_times_need_the_zone_they_are_in() {
    // No configured zone: the machine's (TZ) is never taken unasked.
    let env = Env::new().with_env("SEMINAR_TZ", "");
    let file = env.dir().join("thunderbird.ics");
    std::fs::write(&file, FLOATING).unwrap();
    let line = env.fails(2, &["import", file.to_str().unwrap()]);
    assert!(line.contains("--tz"), "{line}");
    assert!(line.contains("line 8"), "{line}");
    assert_eq!(env.count(&["list"]), 0);

    env.ok(&["import", file.to_str().unwrap(), "--tz", "Asia/Jakarta"]);
    let slug = env.json(&["list"])[0]["slug"].as_str().unwrap().to_string();
    let listed = slots(&env, &slug);
    let starts: Vec<&str> = listed.iter().map(|slot| slot.2.as_str()).collect();
    assert_eq!(
        starts,
        [
            "2027-08-18T09:00:00+07:00",
            "2027-08-18T09:30:00+07:00",
            "2027-08-19T09:30:00+07:00"
        ],
        "the daily rule gives two panels"
    );
    assert_eq!(listed[0].1, "opening", "CATEGORIES:Pembukaan is an opening");
    assert_eq!(listed[1].1, "panel");

    // --tz says where floating times are, whatever zone the calendar calls its own.
    let other = Env::new().with_env("SEMINAR_TZ", "");
    let file = other.dir().join("google.ics");
    let named = FLOATING.replace(
        "X-WR-CALNAME:",
        "X-WR-TIMEZONE:Europe/Berlin\r\nX-WR-CALNAME:",
    );
    std::fs::write(&file, named).unwrap();
    other.ok(&["import", file.to_str().unwrap(), "--tz", "Asia/Jakarta"]);
    let seminar = &other.json(&["list"])[0];
    assert_eq!(seminar["time_zone"], "Asia/Jakarta");
    let slug = seminar["slug"].as_str().unwrap();
    assert_eq!(slots(&other, slug)[0].2, "2027-08-18T09:00:00+07:00");
}

#[test]
fn a_calendar_goes_into_a_seminar_on_record_with_seminar() {
    let env = Env::new();
    env.ok(&[
        "create",
        "Workshop KI",
        "--date",
        "2027-06-09",
        "--until",
        "2027-06-10",
        "--start",
        "08:30",
        "--end",
        "17:00",
        "--tz",
        "Europe/Berlin",
        "--venue",
        "Hörsaal 1",
        "--slug",
        "ki-2027",
    ]);
    let out = env.ok(&[
        "import",
        &fixture("indico-workshop.ics"),
        "--seminar",
        "ki-2027",
    ]);
    assert!(out.starts_with("Added 0 seminar(s), 4 slot(s)"), "{out}");
    let listed = slots(&env, "ki-2027");
    let starts: Vec<(&str, &Value)> = (listed.iter())
        .map(|slot| (slot.2.as_str(), &slot.4))
        .collect();
    assert_eq!(
        starts,
        [
            ("2027-06-09T09:00:00+02:00", &Value::from("Hörsaal 1")),
            ("2027-06-09T09:30:00+02:00", &Value::from("Hörsaal 1")),
            ("2027-06-09T10:15:00+02:00", &Value::from("Foyer")),
            ("2027-06-10T14:00:00+02:00", &Value::from("Seminarraum 2")),
        ]
    );
    let line = env.fails(
        1,
        &[
            "import",
            &fixture("indico-workshop.ics"),
            "--seminar",
            "ki-2027",
        ],
    );
    assert!(line.contains("already in the database"), "{line}");

    // The booking rules apply: a seminar that starts at 10:00 takes no 09:00 opening.
    let env = Env::new();
    env.ok(&[
        "create",
        "KI am Nachmittag",
        "--date",
        "2027-06-09",
        "--until",
        "2027-06-10",
        "--start",
        "10:00",
        "--end",
        "17:00",
        "--tz",
        "Europe/Berlin",
        "--slug",
        "ki-spaet",
    ]);
    let before = env.dump();
    let line = env.fails(
        1,
        &[
            "import",
            &fixture("indico-workshop.ics"),
            "--seminar",
            "ki-spaet",
        ],
    );
    assert!(
        line.contains("'Eröffnung' (09:00–09:30 CEST) is outside"),
        "{line}"
    );
    assert_eq!(env.dump(), before, "nothing changed");
}
