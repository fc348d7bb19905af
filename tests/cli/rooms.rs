//! A national conference as organizers run it, as one seminar: two days with their own
//! hours, a plenary and parallel panels in several rooms, a chair per panel, moves that
//! keep every calendar UID.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::support::Env;

pub(crate) const SLUG: &str = "knhi-2027";

/// A panel of the conference: title, day, start, room, chair, three speakers.
type Panel = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    [&'static str; 3],
);

const PANELS: [Panel; 6] = [
    (
        "Panel 1A: ASEAN",
        "2027-05-12",
        "10:30",
        "Ruang 1",
        "Poppy Lestari",
        ["Arif Budiman", "Bonifasius Tarigan", "Citra Maharani"],
    ),
    (
        "Panel 1B: Diplomasi ekonomi",
        "2027-05-12",
        "10:30",
        "Ruang 2",
        "Wawan Mas'udi",
        ["Dewi Fortuna", "Eko Prasetyo", "Fitri Handayani"],
    ),
    (
        "Panel 1C: Keamanan maritim",
        "2027-05-12",
        "10:30",
        "Ruang 3",
        "Gita Savitri",
        ["Hendra Kusuma", "Indah Permata", "Joko Santoso"],
    ),
    (
        "Panel 2A: Migrasi",
        "2027-05-13",
        "08:30",
        "Ruang 1",
        "Kartika Sari",
        ["Lukman Hakim", "Maya Anggraini", "Nugroho Adi"],
    ),
    (
        "Panel 2B: Iklim",
        "2027-05-13",
        "08:30",
        "Ruang 2",
        "Oktaviani Putri",
        ["Pandu Wicaksono", "Qori Amalia", "Rizky Ramadhan"],
    ),
    (
        "Panel 2C: Teknologi",
        "2027-05-13",
        "08:30",
        "Ruang 3",
        "Sri Wahyuni",
        ["Taufik Hidayat", "Umi Kalsum", "Vino Bastian"],
    ),
];

/// Types in the conference with flags, as an organizer would.
pub(crate) fn conference() -> Env {
    let env = Env::new().with_env("SEMINAR_NOW", "2027-04-01");
    env.ok(&[
        "create",
        "Konferensi Nasional Hubungan Internasional 2027",
        "--date",
        "Rabu, 12 Mei 2027",
        "--until",
        "2027-05-13",
        "--start",
        "08:00",
        "--end",
        "17:00",
        "--tz",
        "WIB",
        "--venue",
        "Universitas Gadjah Mada",
        "--slug",
        SLUG,
    ]);
    env.ok(&["edit", SLUG, "--on", "2027-05-13", "--end", "12:00"]);
    env.ok(&[
        "session",
        "add",
        SLUG,
        "Pleno pembukaan",
        "--on",
        "2027-05-12",
        "--at",
        "08:30",
        "--minutes",
        "90",
        "--room",
        "Auditorium Mandiri",
        "--kind",
        "plenary",
        "--chair",
        "Yulia Rahman",
    ]);
    env.ok(&[
        "slot",
        "add",
        SLUG,
        "Keynote: Indonesia di dunia",
        "--at",
        "08:45",
        "--minutes",
        "60",
        "--on",
        "2027-05-12",
        "--session",
        "Pleno pembukaan",
        "--speaker",
        "Zainal Abidin",
    ]);
    env.ok(&[
        "slot",
        "add",
        SLUG,
        "Rehat kopi",
        "--on",
        "2027-05-12",
        "--at",
        "10:00",
        "--minutes",
        "30",
        "--kind",
        "break",
    ]);
    env.ok(&[
        "slot",
        "add",
        SLUG,
        "Makan siang",
        "--on",
        "2027-05-12",
        "--at",
        "12:00",
        "--minutes",
        "60",
        "--kind",
        "break",
    ]);
    for (title, day, at, room, chair, speakers) in PANELS {
        env.ok(&[
            "session",
            "add",
            SLUG,
            title,
            "--on",
            day,
            "--at",
            at,
            "--minutes",
            "90",
            "--room",
            room,
            "--chair",
            chair,
        ]);
        let start = chrono::NaiveTime::parse_from_str(at, "%H:%M").unwrap();
        for (index, speaker) in speakers.iter().enumerate() {
            let talk_at = (start + chrono::Duration::minutes(25 * index as i64))
                .format("%H:%M")
                .to_string();
            env.ok(&[
                "speaker",
                "add",
                SLUG,
                speaker,
                "--institution",
                "Universitas Gadjah Mada",
                "--talk",
                &format!("Makalah {speaker}"),
                "--on",
                day,
                "--at",
                &talk_at,
                "--minutes",
                "25",
                "--session",
                title,
            ]);
        }
    }
    env.ok(&[
        "session",
        "add",
        SLUG,
        "Pleno penutupan",
        "--on",
        "2027-05-13",
        "--at",
        "10:30",
        "--end",
        "12:00",
        "--room",
        "Auditorium Mandiri",
        "--kind",
        "plenary",
        "--chair",
        "Yulia Rahman",
    ]);
    env
}

#[test]
fn a_two_day_conference_with_parallel_rooms_is_one_seminar() {
    let env = conference();
    assert_eq!(env.count(&["list"]), 1, "one seminar");
    let sessions = env.json(&["session", "list", SLUG]);
    assert_eq!(sessions.as_array().unwrap().len(), 8);
    let rooms: Vec<&str> = (sessions.as_array().unwrap().iter())
        .map(|s| s["room"].as_str().unwrap())
        .collect();
    assert_eq!(
        rooms,
        [
            "Auditorium Mandiri",
            "Ruang 1",
            "Ruang 2",
            "Ruang 3",
            "Ruang 1",
            "Ruang 2",
            "Ruang 3",
            "Auditorium Mandiri"
        ]
    );
    let slots = env.json(&["slot", "list", SLUG]);
    let in_panels = (slots.as_array().unwrap().iter())
        .filter(|slot| slot["session_id"].is_number())
        .count();
    assert_eq!(in_panels, 19, "18 talks and the keynote belong to sessions");
    let talk = (slots.as_array().unwrap().iter())
        .find(|slot| slot["title"] == "Makalah Eko Prasetyo")
        .unwrap();
    assert_eq!(talk["room"], "Ruang 2", "a talk is in its session's room");
    assert_eq!(talk["starts_at"], "2027-05-12T10:55:00+07:00");
    assert!(
        env.run(&["check", SLUG]).code == 0,
        "{}",
        env.run(&["check", SLUG]).stdout
    );

    // Day 2 has its own hours: it closes at 12:00.
    let seminar = env.json(&["show", SLUG]);
    assert_eq!(
        seminar["seminar"]["days"],
        serde_json::json!([{"date": "2027-05-13", "start_time": "08:00", "end_time": "12:00"}])
    );
    let late = env.fails(
        1,
        &[
            "session",
            "add",
            SLUG,
            "Sesi sore",
            "--on",
            "2027-05-13",
            "--at",
            "13:00",
            "--minutes",
            "60",
            "--room",
            "Ruang 1",
        ],
    );
    assert!(late.contains("outside the seminar's hours"), "{late}");
}

#[test]
fn the_rules_judge_rooms_chairs_and_speakers_by_time_and_place() {
    let env = conference();
    // Ruang 2 holds Panel 1B at 10:30: another panel there at 11:00 is refused, naming both.
    let line = env.fails(
        1,
        &[
            "session",
            "add",
            SLUG,
            "Panel 1D",
            "--on",
            "2027-05-12",
            "--at",
            "11:00",
            "--minutes",
            "60",
            "--room",
            "Ruang 2",
        ],
    );
    assert!(
        line.contains("Panel 1B: Diplomasi ekonomi") && line.contains("Panel 1D"),
        "{line}"
    );
    assert!(line.contains("Ruang 2"), "{line}");
    // The chair of 1A speaks in 2B, the next morning: accepted.
    env.ok(&[
        "speaker",
        "add",
        SLUG,
        "Poppy Lestari",
        "--talk",
        "Catatan penutup iklim",
        "--on",
        "2027-05-13",
        "--at",
        "09:45",
        "--minutes",
        "15",
        "--session",
        "Panel 2B: Iklim",
    ]);
    // A speaker in two parallel panels at once: the last quarter of 1C, then of 1B.
    let closing_word = |panel: &str| {
        vec![
            "speaker".to_string(),
            "add".into(),
            SLUG.into(),
            "Arif Budiman".into(),
            "--talk".into(),
            format!("Tanggapan untuk {panel}"),
            "--on".into(),
            "2027-05-12".into(),
            "--at".into(),
            "11:45".into(),
            "--minutes".into(),
            "15".into(),
            "--session".into(),
            panel.into(),
        ]
    };
    let args = closing_word("Panel 1C: Keamanan maritim");
    env.ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let mut args = closing_word("Panel 1B: Diplomasi ekonomi");
    let line = env.fails(1, &args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(
        line.contains("Arif Budiman is in two places at once"),
        "{line}"
    );
    // The same, recorded with --force, is what check reports: one verdict.
    args.push("--force".into());
    let forced = env.run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert!(forced.stderr.contains("warning: recorded with --force"));
    let check = env.run(&["--json", "check", SLUG]);
    assert_eq!(check.code, 3);
    let problems: Value = serde_json::from_str(&check.stdout).unwrap();
    let kinds: Vec<&str> = (problems.as_array().unwrap().iter())
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["person_double_booked"], "{problems}");
    assert!(
        problems[0]["message"]
            .as_str()
            .unwrap()
            .contains("Arif Budiman"),
        "{problems}"
    );
}

/// Every event of the calendar export, by UID: (DTSTART, LOCATION).
fn calendar(env: &Env) -> BTreeMap<String, (String, String)> {
    let text = env.ok(&["agenda", SLUG, "--format", "ics", "--slots"]);
    let reader = ical::IcalParser::new(text.as_bytes());
    let mut events = BTreeMap::new();
    for calendar in reader {
        for event in calendar.expect("RFC 5545").events {
            let value = |name: &str| {
                (event.properties.iter())
                    .find(|p| p.name == name)
                    .and_then(|p| p.value.clone())
                    .unwrap_or_default()
            };
            events.insert(value("UID"), (value("DTSTART"), value("LOCATION")));
        }
    }
    events
}

#[test]
fn moving_a_panel_moves_its_talks_and_keeps_every_uid() {
    let env = conference();
    let before = calendar(&env);
    let slots_before = env.json(&["slot", "list", SLUG]);
    let out = env.ok(&[
        "session",
        "move",
        SLUG,
        "Panel 2B",
        "--room",
        "Ruang Sidang",
        "--at",
        "10:30",
        "--end",
        "12:00",
    ]);
    assert!(out.contains("Ruang Sidang"), "{out}");
    // "Panel" starts six titles: which one is meant is asked, not guessed.
    let line = env.fails(1, &["session", "show", SLUG, "Panel"]);
    assert!(line.contains("matches 6 sessions"), "{line}");
    let after = calendar(&env);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "the same UIDs"
    );
    let slots_after = env.json(&["slot", "list", SLUG]);
    let by_uid = |slots: &Value| -> BTreeMap<String, Value> {
        (slots.as_array().unwrap().iter())
            .map(|slot| (slot["uid"].as_str().unwrap().to_string(), slot.clone()))
            .collect()
    };
    let (was, now) = (by_uid(&slots_before), by_uid(&slots_after));
    assert_eq!(
        was.keys().collect::<Vec<_>>(),
        now.keys().collect::<Vec<_>>()
    );
    let moved: Vec<(&Value, &Value)> = (was.values())
        .zip(now.values())
        .filter(|(a, b)| a["starts_at"] != b["starts_at"] || a["room"] != b["room"])
        .collect();
    assert_eq!(moved.len(), 3, "the three talks of 2B move, nothing else");
    for (was, now) in moved {
        assert_eq!(was["uid"], now["uid"]);
        assert_eq!(now["room"], "Ruang Sidang");
        let shift = chrono::DateTime::parse_from_rfc3339(now["starts_at"].as_str().unwrap())
            .unwrap()
            - chrono::DateTime::parse_from_rfc3339(was["starts_at"].as_str().unwrap()).unwrap();
        assert_eq!(shift.num_minutes(), 120, "by as much as the session");
        assert!(
            after[now["uid"].as_str().unwrap()]
                .1
                .contains("Ruang Sidang"),
            "LOCATION follows the room"
        );
    }
    // A slot moves by itself too, with its UID.
    let uid = slots_after[1]["uid"].clone();
    assert_eq!(slots_after[1]["title"], "Rehat kopi");
    env.ok(&[
        "slot",
        "move",
        SLUG,
        "Rehat kopi",
        "--at",
        "10:05",
        "--minutes",
        "25",
    ]);
    let moved = env.json(&["slot", "list", SLUG]);
    assert_eq!(moved[1]["uid"], uid);
    assert_eq!(moved[1]["starts_at"], "2027-05-12T10:05:00+07:00");
}

#[test]
fn a_seminars_hours_carry_its_rundown_and_a_night_runs_past_midnight() {
    let env = Env::new();
    env.ok(&[
        "create",
        "Malam",
        "--date",
        "2017-06-01",
        "--start",
        "09:00",
        "--end",
        "10:30",
        "--tz",
        "WIB",
        "--slug",
        "malam",
    ]);
    env.ok(&[
        "slot",
        "add",
        "malam",
        "Pembukaan",
        "--at",
        "09:15",
        "--minutes",
        "30",
    ]);
    env.ok(&["edit", "malam", "--start", "13:00", "--end", "14:30"]);
    let slots = env.json(&["slot", "list", "malam"]);
    assert_eq!(slots[0]["starts_at"], "2017-06-01T13:15:00+07:00");

    env.ok(&["edit", "malam", "--start", "22:00", "--end", "02:00"]);
    let slots = env.json(&["slot", "list", "malam"]);
    assert_eq!(slots[0]["starts_at"], "2017-06-01T22:15:00+07:00");
    env.ok(&[
        "slot",
        "add",
        "malam",
        "Larut",
        "--at",
        "01:00",
        "--minutes",
        "45",
    ]);
    let slots = env.json(&["slot", "list", "malam"]);
    assert_eq!(slots[1]["starts_at"], "2017-06-02T01:00:00+07:00");
    assert_eq!(env.run(&["check", "malam"]).code, 0);
    let line = env.fails(2, &["edit", "malam", "--start", "14:00", "--end", "12:00"]);
    assert!(line.contains("end") && line.contains("22 hours"), "{line}");
}

#[test]
fn the_agenda_and_the_grid_in_both_languages_at_two_widths() {
    let env = conference();
    for columns in ["80", "120"] {
        for lang in ["en", "id"] {
            let run = |args: &[&str]| {
                let output = env
                    .command()
                    .env("COLUMNS", columns)
                    .args(args)
                    .args(["--lang", lang])
                    .output()
                    .unwrap();
                assert!(output.status.success());
                String::from_utf8(output.stdout).unwrap()
            };
            let agenda = run(&["agenda", SLUG]);
            let grid = run(&["agenda", SLUG, "--grid"]);
            let width: usize = columns.parse().unwrap();
            for line in agenda.lines().chain(grid.lines()) {
                assert!(line.chars().count() <= width, "{line}");
            }
            insta::assert_snapshot!(format!("agenda_{lang}_{columns}"), agenda);
            insta::assert_snapshot!(format!("grid_{lang}_{columns}"), grid);
        }
    }
    let one_room = env.ok(&["agenda", SLUG, "--room", "Ruang 2", "--on", "2027-05-13"]);
    assert!(one_room.contains("Panel 2B") && !one_room.contains("Panel 2A"));
    assert!(!one_room.contains("Panel 1B"), "{one_room}");
}

#[test]
fn the_html_grid_is_valid_html() {
    let env = conference();
    let file = env.dir().join("grid.html");
    env.ok(&[
        "agenda",
        SLUG,
        "--grid",
        "--format",
        "html",
        "-o",
        file.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("size: A4 landscape"));
    assert!(html.contains("<thead><tr><th>Konferensi Nasional"));
    assert_eq!(html.matches("<section class=\"day\">").count(), 2);
    crate::exports::validate_html(&file);
}

/// A frab schedule as a large conference writes it: `rooms` rooms over three days from
/// 10:00 to 04:00 the next morning, `per_room` events a day in each room (the last ones
/// after midnight), and speakers who speak in several rooms at different times.
fn generated_schedule(rooms: usize, per_room: usize) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule><version>7</version>\
         <conference><title>Generated Congress</title><acronym>gencon</acronym>\
         <start>2026-12-27</start><end>2026-12-29</end><days>3</days>\
         <time_zone_name>Europe/Berlin</time_zone_name></conference>\n",
    );
    let mut id = 0;
    for day in 0..3 {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 27 + day).unwrap();
        let next = date.succ_opt().unwrap();
        xml.push_str(&format!(
            "<day index=\"{}\" date=\"{date}\" start=\"{date}T10:00:00+01:00\" end=\"{next}T04:00:00+01:00\">\n",
            day + 1
        ));
        for room in 0..rooms {
            xml.push_str(&format!("<room name=\"Hall {room}\">\n"));
            for slot in 0..per_room {
                id += 1;
                // 10:00 onwards, 50 minutes each, 10 minutes apart: per_room of 17 ends at 03:50.
                let start = chrono::NaiveDateTime::new(
                    date,
                    chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
                ) + chrono::Duration::minutes(60 * slot as i64);
                // Each speaker has one slot per room-hour column, in a room that moves along:
                // never two places at once.
                let speaker = (room + slot) % rooms + rooms * (slot % 3);
                xml.push_str(&format!(
                    "<event id=\"{id}\" guid=\"{:08x}-0000-4000-8000-{:012x}\"><room>Hall {room}</room>\
                     <title>Talk {id}</title><subtitle/><type>Talk</type>\
                     <date>{}+01:00</date><start>{}</start><duration>00:50</duration>\
                     <abstract>Abstract {id}</abstract><slug>gencon-{id}-talk</slug>\
                     <track>Track {}</track><language>{}</language>\
                     <persons><person id=\"{speaker}\">Speaker {speaker}</person></persons>\
                     <links><link href=\"https://example.org/talk/{id}\">Slides {id}</link></links>\
                     </event>\n",
                    id,
                    id,
                    start.format("%Y-%m-%dT%H:%M:%S"),
                    start.format("%H:%M"),
                    room % 7,
                    if id % 2 == 0 { "en" } else { "de" },
                ));
            }
            xml.push_str("</room>\n");
        }
        xml.push_str("</day>\n");
    }
    xml.push_str("</schedule>\n");
    xml
}

#[test]
fn a_hundred_room_schedule_past_midnight_imports_into_one_seminar_and_check_agrees() {
    let env = Env::new();
    let file = env.dir().join("congress.xml");
    // 100 rooms × 5 events × 3 days = 1,500 events; the fifth of each day starts at 14:00.
    std::fs::write(&file, generated_schedule(100, 5)).unwrap();
    let out = env.ok(&["import", file.to_str().unwrap()]);
    assert!(out.starts_with("Added 1 seminar(s), 1500 slot(s)"), "{out}");
    assert_eq!(env.run(&["check"]).code, 0, "the import and check agree");

    // Events after midnight land on the next calendar day, in their day of the schedule.
    let night = env.dir().join("night.xml");
    std::fs::write(&night, generated_schedule(3, 17)).unwrap();
    let night_env = Env::new();
    night_env.ok(&["import", night.to_str().unwrap()]);
    let slots = night_env.json(&["slot", "list", "gencon"]);
    let last = (slots.as_array().unwrap().iter())
        .filter(|slot| slot["room"] == "Hall 0")
        .map(|slot| slot["starts_at"].as_str().unwrap())
        .max()
        .unwrap()
        .to_string();
    assert_eq!(
        last, "2026-12-30T02:00:00+01:00",
        "the third day's last talk"
    );
    let seminar = night_env.json(&["show", "gencon"]);
    assert_eq!(seminar["seminar"]["start_time"], "10:00");
    assert_eq!(
        seminar["seminar"]["end_time"], "04:00",
        "days run past midnight"
    );
    assert_eq!(seminar["seminar"]["last_day"], "2026-12-29");
    assert_eq!(night_env.run(&["check"]).code, 0);
}

/// The events of a frab file, by guid: (title, room, start instant, duration, track,
/// abstract, language, persons, links).
fn frab_events(xml: &str) -> BTreeMap<String, Vec<String>> {
    #[derive(serde::Deserialize)]
    struct Schedule {
        #[serde(rename = "day")]
        days: Vec<Day>,
    }
    #[derive(serde::Deserialize)]
    struct Day {
        #[serde(default, rename = "room")]
        rooms: Vec<Room>,
    }
    #[derive(serde::Deserialize)]
    struct Room {
        #[serde(rename = "@name")]
        name: String,
        #[serde(default, rename = "event")]
        events: Vec<Event>,
    }
    #[derive(serde::Deserialize)]
    struct Event {
        #[serde(rename = "@guid")]
        guid: String,
        title: String,
        room: String,
        date: String,
        duration: String,
        track: String,
        #[serde(rename = "abstract")]
        summary: String,
        /// Without one, a talk is in the schedule's language: here, `en`.
        language: Option<String>,
        persons: Persons,
        links: Option<Links>,
    }
    #[derive(serde::Deserialize)]
    struct Persons {
        #[serde(default, rename = "person")]
        people: Vec<Text>,
    }
    #[derive(serde::Deserialize)]
    struct Links {
        #[serde(default, rename = "link")]
        links: Vec<Link>,
    }
    #[derive(serde::Deserialize)]
    struct Link {
        #[serde(rename = "@href")]
        href: String,
        #[serde(rename = "$text", default)]
        title: String,
    }
    #[derive(serde::Deserialize)]
    struct Text {
        #[serde(rename = "$text", default)]
        text: String,
    }
    let schedule: Schedule = quick_xml::de::from_str(xml).expect("frab XML");
    let mut events = BTreeMap::new();
    for room in schedule.days.iter().flat_map(|day| &day.rooms) {
        for event in &room.events {
            assert_eq!(event.room, room.name);
            let instant = chrono::DateTime::parse_from_rfc3339(&event.date)
                .unwrap()
                .to_utc()
                .to_rfc3339();
            let mut people: Vec<String> = (event.persons.people.iter())
                .map(|p| p.text.clone())
                .collect();
            people.sort();
            let links: Vec<String> = (event.links.iter())
                .flat_map(|links| &links.links)
                .map(|link| format!("{} {}", link.href, link.title))
                .collect();
            events.insert(
                event.guid.clone(),
                vec![
                    event.title.clone(),
                    event.room.clone(),
                    instant,
                    event.duration.clone(),
                    event.track.clone(),
                    event.summary.clone(),
                    event.language.clone().unwrap_or_else(|| "en".into()),
                    people.join("; "),
                    links.join("; "),
                ],
            );
        }
    }
    events
}

#[test]
fn a_frab_file_imported_and_exported_again_keeps_every_event_room_person_track_abstract_and_link() {
    let env = Env::new();
    let pretalx = format!(
        "{}/tests/fixtures/pretalx-schedule.xml",
        env!("CARGO_MANIFEST_DIR")
    );
    let generated = env.dir().join("generated.xml");
    std::fs::write(&generated, generated_schedule(4, 17)).unwrap();
    for (file, slug) in [
        (pretalx.as_str(), "democon2024"),
        (generated.to_str().unwrap(), "gencon"),
    ] {
        env.ok(&["import", file]);
        let again = env.ok(&["agenda", slug, "--format", "frab"]);
        let original = frab_events(&std::fs::read_to_string(file).unwrap());
        assert_eq!(frab_events(&again), original, "{file}");
        let written = env.dir().join(format!("{slug}.xml"));
        std::fs::write(&written, &again).unwrap();
        crate::exports::validate_against_xsd(&written);
    }
}

/// One verdict, whatever the path: over random changes to a random multi-room schedule, a
/// change the rules refuse is exactly one that, recorded with `--force`, makes `check`
/// report the problems the refusal named, and a change they accept makes it report nothing
/// new.
#[test]
fn a_refused_change_is_exactly_what_check_reports_after_force() {
    use std::collections::BTreeSet;

    use seminar::error::Error;
    use seminar::model::{Schedule, SessionKind, SlotKind, Status};
    use seminar::ops::seminars::{NewSeminar, create};
    use seminar::ops::sessions::{Length, NewSession, add_session};
    use seminar::ops::slots::{NewSlot, SlotPlace, add_slot};
    use seminar::ops::{Permission, check};
    use seminar::store::{Db, Store};

    let mut state = 0x5eed_u64;
    let mut next = |n: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % n
    };
    let people = [
        "Arif Budiman",
        "Citra Kirana",
        "Dewi Lestari",
        "Eko Prasetyo",
        "Fajar Nugraha",
        "Gita Savitri",
        "Hendra Kusuma",
        "Indah Permata",
    ];
    let rooms = [
        "Ruang 1", "Ruang 2", "Ruang 3", "Ruang 4", "Ruang 5", "Ruang 6",
    ];
    let day = |d: u64| chrono::NaiveDate::from_ymd_opt(2027, 5, 12 + d as u32).unwrap();
    let at = |minutes: u64| {
        chrono::NaiveTime::from_hms_opt(7, 0, 0).unwrap()
            + chrono::Duration::minutes(minutes as i64)
    };
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(|db| {
            for (slug, venue) in [("konf", "Aula"), ("lain", "Ruang 3")] {
                create(
                    db,
                    NewSeminar {
                        title: format!("Seminar {slug}"),
                        schedule: Schedule::daily(
                            seminar::model::zone::Zone::known("Asia/Jakarta"),
                            day(0),
                            day(1),
                            at(60),
                            at(600),
                        ),
                        venue: Some(venue.into()),
                        subtitle: None,
                        organizers: Vec::new(),
                        description: None,
                        slug: Some(slug.into()),
                        status: Status::Confirmed,
                        uid: None,
                    },
                    Permission::default(),
                )?;
            }
            Ok(())
        })
        .unwrap();
    let keys =
        |db: &Db<'_>| -> BTreeSet<_> { check(db, None).unwrap().iter().map(|p| p.key()).collect() };
    let (mut refused, mut accepted) = (0, 0);
    let mut sessions: Vec<(String, String)> = Vec::new();
    for step in 0..160 {
        let seminar = if next(5) == 0 { "lain" } else { "konf" };
        let on = Some(day(next(2)));
        let start = at(next(40) * 15);
        let room = Some(rooms[next(6) as usize].to_string());
        let new_session = next(4) == 0;
        let in_session = (!new_session && !sessions.is_empty() && next(2) == 0)
            .then(|| sessions[next(sessions.len() as u64) as usize].clone());
        let person = people[next(8) as usize].to_string();
        let change = |db: &Db<'_>, permission: Permission| -> seminar::error::Result<()> {
            if new_session {
                add_session(
                    db,
                    seminar,
                    NewSession {
                        title: format!("Sesi {step}"),
                        kind: SessionKind::Parallel,
                        on,
                        at: start,
                        length: Length::Minutes(60 + 15 * (step % 4)),
                        room: room.clone(),
                        track: None,
                        chairs: vec![person.clone()],
                        uid: None,
                    },
                    permission,
                )?;
            } else {
                let (session_seminar, session) = match &in_session {
                    Some((s, title)) => (s.as_str(), Some(title.clone())),
                    None => (seminar, None),
                };
                add_slot(
                    db,
                    session_seminar,
                    NewSlot {
                        title: format!("Acara {step}"),
                        kind: SlotKind::Talk,
                        at: start,
                        on,
                        minutes: 15 + 15 * (step % 3),
                        people: vec![person.clone()],
                        uid: None,
                        place: SlotPlace {
                            room: if session.is_some() {
                                None
                            } else {
                                room.clone()
                            },
                            session,
                            track: None,
                        },
                        details: Default::default(),
                    },
                    permission,
                )?;
            }
            Ok(())
        };
        let before = store.read(|db| Ok(keys(db))).unwrap();
        match store.write(|db| change(db, Permission::default())) {
            Ok(()) => {
                accepted += 1;
                let after = store.read(|db| Ok(keys(db))).unwrap();
                assert!(
                    after.is_subset(&before),
                    "step {step}: accepted, yet check finds new problems"
                );
            }
            Err(Error::Conflicts(problems)) => {
                refused += 1;
                let named: BTreeSet<_> = problems.iter().map(|p| p.key()).collect();
                store
                    .write(|db| change(db, Permission::new(true, false)))
                    .unwrap();
                let after = store.read(|db| Ok(keys(db))).unwrap();
                let new: BTreeSet<_> = after.difference(&before).copied().collect();
                assert_eq!(
                    new, named,
                    "step {step}: refused for exactly what check reports"
                );
            }
            Err(other) => panic!("step {step}: {other}"),
        }
        if new_session {
            sessions.push((seminar.to_string(), format!("Sesi {step}")));
        }
    }
    assert!(
        refused > 20 && accepted > 20,
        "both verdicts tried: {refused} refused, {accepted} accepted"
    );
}

/// The conference's days, rooms, sessions with their chairs and breaks, without speakers: a
/// seminar to import a speaker list into. Panel 2B carries the track "Iklim".
fn conference_frame() -> Env {
    let env = Env::new().with_env("SEMINAR_NOW", "2027-04-01");
    env.ok(&[
        "create",
        "Konferensi Nasional Hubungan Internasional 2027",
        "--date",
        "2027-05-12",
        "--until",
        "2027-05-13",
        "--start",
        "08:00",
        "--end",
        "17:00",
        "--tz",
        "WIB",
        "--venue",
        "Universitas Gadjah Mada",
        "--slug",
        SLUG,
    ]);
    env.ok(&["edit", SLUG, "--on", "2027-05-13", "--end", "12:00"]);
    let plenaries = [
        ("Pleno pembukaan", "2027-05-12", "08:30", "90"),
        ("Pleno penutupan", "2027-05-13", "10:30", "90"),
    ];
    for (title, day, at, minutes) in plenaries {
        env.ok(&[
            "session",
            "add",
            SLUG,
            title,
            "--on",
            day,
            "--at",
            at,
            "--minutes",
            minutes,
            "--room",
            "Auditorium Mandiri",
            "--kind",
            "plenary",
            "--chair",
            "Yulia Rahman",
        ]);
    }
    for (title, at, minutes) in [
        ("Rehat kopi", "10:00", "30"),
        ("Makan siang", "12:00", "60"),
    ] {
        let args = ["slot", "add", SLUG, title, "--on", "2027-05-12", "--at", at];
        let mut args = args.to_vec();
        args.extend(["--minutes", minutes, "--kind", "break"]);
        env.ok(&args);
    }
    for (title, day, at, room, chair, _) in PANELS {
        env.ok(&[
            "session",
            "add",
            SLUG,
            title,
            "--on",
            day,
            "--at",
            at,
            "--minutes",
            "90",
            "--room",
            room,
            "--chair",
            chair,
        ]);
    }
    env.ok(&["session", "edit", SLUG, "Panel 2B", "--track", "Iklim"]);
    env
}

fn csv_table(text: &str) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = (reader.records())
        .map(|record| {
            let record = record.expect("a valid CSV record");
            header
                .iter()
                .cloned()
                .zip(record.iter().map(String::from))
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn csv_exports_carry_rooms_sessions_and_tracks_and_a_speaker_list_reads_back_in_place() {
    let env = conference();
    env.ok(&["session", "edit", SLUG, "Panel 2B", "--track", "Iklim"]);
    env.ok(&[
        "slot",
        "edit",
        SLUG,
        "Makalah Dewi Fortuna",
        "--track",
        "Ekonomi",
    ]);

    let (header, rows) = csv_table(&env.ok(&["agenda", SLUG, "--format", "csv"]));
    assert_eq!(
        header,
        [
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
            "track"
        ]
    );
    // Every row's room and session are the ones the JSON agenda gives that slot.
    let slots = env.json(&["slot", "list", SLUG]);
    let sessions = env.json(&["session", "list", SLUG]);
    let session_title = |id: &Value| -> String {
        (sessions.as_array().unwrap().iter())
            .find(|session| session["id"] == *id)
            .map_or(String::new(), |session| {
                session["title"].as_str().unwrap().to_string()
            })
    };
    assert_eq!(rows.len(), slots.as_array().unwrap().len());
    for (row, slot) in rows.iter().zip(slots.as_array().unwrap()) {
        assert_eq!(row["title"], slot["title"].as_str().unwrap());
        assert_eq!(row["room"], slot["room"].as_str().unwrap(), "{row:?}");
        assert_eq!(
            row["session"],
            session_title(&slot["session_id"]),
            "{row:?}"
        );
    }
    let row = |title: &str| rows.iter().find(|row| row["title"] == title).unwrap();
    let place = |title: &str| {
        let row = row(title);
        [row["room"].as_str(), &row["session"], &row["track"]].map(str::to_string)
    };
    assert_eq!(
        place("Makalah Dewi Fortuna"),
        ["Ruang 2", "Panel 1B: Diplomasi ekonomi", "Ekonomi"]
    );
    assert_eq!(
        place("Makalah Qori Amalia"),
        ["Ruang 2", "Panel 2B: Iklim", "Iklim"]
    );
    assert_eq!(place("Rehat kopi"), ["Universitas Gadjah Mada", "", ""]);
    assert_eq!(
        place("Keynote: Indonesia di dunia"),
        ["Auditorium Mandiri", "Pleno pembukaan", ""]
    );

    let list = env.dir().join("speakers.csv");
    let list = list.to_str().unwrap();
    env.ok(&["speaker", "list", SLUG, "--format", "csv", "-o", list]);
    let written = std::fs::read_to_string(list).unwrap();
    let (header, speakers) = csv_table(&written);
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
        ],
        "the new columns come after the ones scripts already read"
    );
    let dewi = (speakers.iter())
        .find(|row| row["name"] == "Dewi Fortuna")
        .unwrap();
    assert_eq!(
        [&dewi["room"], &dewi["session"], &dewi["track"]],
        ["Ruang 2", "Panel 1B: Diplomasi ekonomi", "Ekonomi"]
    );

    // Read back into the same frame elsewhere, the list gives the same agenda.
    let copy = conference_frame();
    copy.ok(&["import", list]);
    copy.ok(&[
        "speaker",
        "list",
        SLUG,
        "--format",
        "csv",
        "-o",
        "again.csv",
    ]);
    assert_eq!(
        std::fs::read_to_string(copy.dir().join("again.csv")).unwrap(),
        written
    );
    for format in ["csv", "text"] {
        assert_eq!(
            copy.ok(&["agenda", SLUG, "--format", format]),
            env.ok(&["agenda", SLUG, "--format", format]),
            "{format}"
        );
    }
    // A room the talk would have anyway (its session's) is inherited, not pinned to it.
    let venues = copy.json(&["venue", "list"]);
    let pinned: Vec<(&Value, &Value)> = (venues.as_array().unwrap().iter())
        .map(|venue| (&venue["name"], &venue["slots"]))
        .filter(|(_, slots)| **slots != 0)
        .collect();
    assert!(pinned.is_empty(), "{pinned:?}");
}

#[test]
fn speaker_add_with_the_same_talk_again_corrects_that_talk_in_place() {
    let env = Env::new();
    env.create_morning_seminar("follow-up", "2017-05-18");
    env.ok(&[
        "session",
        "add",
        "follow-up",
        "Panel",
        "--at",
        "10:00",
        "--minutes",
        "90",
        "--room",
        "Ruang 2",
    ]);
    let talk = |more: &[&str]| {
        let mut args = vec![
            "speaker",
            "add",
            "follow-up",
            "Dewi Fortuna",
            "--talk",
            "Diplomasi",
        ];
        args.extend_from_slice(more);
        env.ok(&args);
        let slots = env.json(&["slot", "list", "follow-up"]);
        assert_eq!(slots.as_array().unwrap().len(), 1, "one talk: {slots}");
        slots[0].clone()
    };
    let first = talk(&["--institution", "LIPI", "--at", "09:00", "--minutes", "30"]);
    let moved = talk(&[
        "--at",
        "10:15",
        "--minutes",
        "45",
        "--session",
        "Panel",
        "--room",
        "Ruang 3",
    ]);
    assert_eq!(moved["uid"], first["uid"], "the same talk, the same UID");
    assert_eq!(moved["starts_at"], "2017-05-18T10:15:00+07:00");
    assert_eq!(moved["minutes"], 45);
    assert_eq!(moved["room"], "Ruang 3");
    assert!(moved["session_id"].as_i64().is_some());
    // Only the institution corrected, with the same talk as it now is.
    let corrected = talk(&[
        "--institution",
        "BRIN",
        "--at",
        "10:15",
        "--minutes",
        "45",
        "--session",
        "Panel",
    ]);
    assert_eq!(corrected["uid"], first["uid"]);
    assert_eq!(corrected["starts_at"], moved["starts_at"]);
    assert_eq!(corrected["room"], "Ruang 3");
    let speakers = env.json(&["speaker", "list", "follow-up"]);
    assert_eq!(speakers.as_array().unwrap().len(), 1);
    assert_eq!(speakers[0]["institution"]["name"], "BRIN");
    assert_eq!(speakers[0]["talks"], serde_json::json!(["Diplomasi"]));
}

/// A JSON value without database ids (`id`, `*_id`, `*_ids`), which an import into another
/// database renumbers; uids stay, as an import keeps them.
fn without_ids(value: &Value) -> Value {
    match value {
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .filter(|(key, _)| *key != "id" && !key.ends_with("_id") && !key.ends_with("_ids"))
                .map(|(key, value)| (key.clone(), without_ids(value)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_ids).collect()),
        other => other.clone(),
    }
}

#[test]
fn a_json_archive_of_several_seminars_imports_into_an_empty_database_as_the_same_seminars() {
    let env = conference();
    env.seed();
    env.ok(&[
        "create",
        "Diskusi buku",
        "--date",
        "2027-06-02",
        "--start",
        "21:00",
        "--end",
        "01:00",
        "--tz",
        "WIB",
        "--venue",
        "Ruang 1",
        "--slug",
        "diskusi-2027",
    ]);
    env.ok(&[
        "speaker",
        "add",
        "diskusi-2027",
        "Arif Budiman",
        "--talk",
        "Membaca ASEAN",
        "--at",
        "23:30",
        "--minutes",
        "45",
        "--room",
        "Ruang 2",
    ]);
    env.ok(&[
        "slot",
        "add",
        "diskusi-2027",
        "Tanya jawab",
        "--at",
        "00:20",
        "--minutes",
        "30",
        "--kind",
        "qa",
    ]);
    env.ok(&["moderator", "assign", "diskusi-2027", "Poppy Lestari"]);
    env.ok(&["cancel", "diskusi-2027"]);
    env.ok(&["session", "edit", SLUG, "Panel 2B", "--track", "Iklim"]);
    env.ok(&[
        "slot",
        "edit",
        SLUG,
        "Makalah Dewi Fortuna",
        "--track",
        "Ekonomi",
    ]);
    env.ok(&[
        "venue",
        "edit",
        "Ruang 2",
        "--address",
        "Gedung B, lantai 2",
        "--capacity",
        "60",
    ]);

    let archive = env.dir().join("archive.json");
    env.ok(&[
        "export",
        "--format",
        "json",
        "-o",
        archive.to_str().unwrap(),
    ]);
    let copy = Env::new().with_env("SEMINAR_NOW", "2027-04-01");
    copy.ok(&["import", archive.to_str().unwrap()]);

    let seminars = |env: &Env| -> Vec<(String, String, String)> {
        let list = env.json(&["list", "--from", "2000-01-01"]);
        let mut seminars: Vec<_> = (list.as_array().unwrap().iter())
            .map(|seminar| {
                let field = |name: &str| seminar[name].as_str().unwrap().to_string();
                (field("slug"), field("title"), field("status"))
            })
            .collect();
        seminars.sort();
        seminars
    };
    assert_eq!(seminars(&copy), seminars(&env));
    assert_eq!(seminars(&env).len(), 3);
    for (slug, _, _) in seminars(&env) {
        for args in [
            vec!["agenda", &slug],
            vec!["agenda", &slug, "--grid"],
            vec!["agenda", &slug, "--lang", "id", "--format", "csv"],
        ] {
            assert_eq!(copy.ok(&args), env.ok(&args), "{args:?}");
        }
        for args in [
            vec!["show", &slug],
            vec!["session", "list", &slug],
            vec!["slot", "list", &slug],
            vec!["speaker", "list", &slug],
        ] {
            assert_eq!(
                without_ids(&copy.json(&args)),
                without_ids(&env.json(&args)),
                "{args:?}"
            );
        }
    }
    let show = copy.json(&["show", SLUG]);
    let days = &show["seminar"]["days"];
    assert_eq!(days[0]["date"], "2027-05-13", "{days}");
    assert_eq!(days[0]["end_time"], "12:00");
    let chairs: Vec<&Value> = (show["sessions"].as_array().unwrap().iter())
        .map(|session| &session["chairs"])
        .collect();
    assert_eq!(chairs.len(), 8);
    assert!(
        chairs
            .iter()
            .all(|chairs| chairs.as_array().unwrap().len() == 1)
    );
    // The rooms come back as rooms, inherited where they were inherited.
    let rooms = |env: &Env| without_ids(&env.json(&["venue", "list"]));
    assert_eq!(rooms(&copy), rooms(&env));
}

/// A schedule as pretalx writes it (no seminar records), with the given `<room>`s, each
/// holding events `(id, title, start, persons as (id, guid, name))` on 2024-08-15 in Berlin.
type OtherEvent<'a> = (u32, &'a str, &'a str, Vec<(u32, Option<&'a str>, &'a str)>);

fn pretalx_schedule(rooms: &[(&str, Vec<OtherEvent<'_>>)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\
         <generator name=\"pretalx\" version=\"2024.1.0\"/><version>1</version>\
         <conference><title>Demo Con</title><acronym>democon</acronym>\
         <time_zone_name>Europe/Berlin</time_zone_name></conference>\n\
         <day index=\"1\" date=\"2024-08-15\" start=\"2024-08-15T09:00:00+02:00\" \
         end=\"2024-08-15T18:00:00+02:00\">\n",
    );
    for (room, events) in rooms {
        xml.push_str(&format!("<room name=\"{room}\">\n"));
        for (id, title, start, persons) in events {
            let persons: String = persons
                .iter()
                .map(|(id, guid, name)| match guid {
                    Some(guid) => format!("<person id=\"{id}\" guid=\"{guid}\">{name}</person>"),
                    None => format!("<person id=\"{id}\">{name}</person>"),
                })
                .collect();
            xml.push_str(&format!(
                "<event id=\"{id}\" guid=\"00000000-0000-4000-8000-{id:012}\"><room>{room}</room>\
                 <title>{title}</title><type>Talk</type><date>2024-08-15T{start}:00+02:00</date>\
                 <start>{start}</start><duration>00:30</duration><abstract/><track/>\
                 <persons>{persons}</persons></event>\n"
            ));
        }
        xml.push_str("</room>\n");
    }
    xml.push_str("</day>\n</schedule>\n");
    xml
}

#[test]
fn people_of_a_schedule_are_told_apart_by_their_ids_and_guids() {
    const GUID: &str = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    let schedule = pretalx_schedule(&[(
        "Main Hall",
        vec![
            // Near names with different ids are two people, not "looks like".
            (1, "Near one", "09:00", vec![(7, None, "Budi Santoso")]),
            (2, "Near two", "09:30", vec![(9, None, "Budi Santosa")]),
            // Namesakes with different ids are two people, each on their own talk.
            (3, "Namesake one", "10:00", vec![(11, None, "Siti Rahma")]),
            (4, "Namesake two", "10:30", vec![(12, None, "Siti Rahma")]),
            // One id under two spellings is one person, under the first; its guid, given
            // once, is the person's uid.
            (
                5,
                "Spelling one",
                "11:00",
                vec![(13, Some(GUID), "Dewi Lestari")],
            ),
            (6, "Spelling two", "11:30", vec![(13, None, "Dewi Lestary")]),
        ],
    )]);
    let env = Env::new();
    let file = env.dir().join("people.xml");
    std::fs::write(&file, &schedule).unwrap();
    let out = env.ok(&["import", file.to_str().unwrap()]);
    assert!(
        out.starts_with("Added 1 seminar(s), 6 slot(s), 5 role(s), 5 new person(s)"),
        "{out}"
    );
    let people = env.json(&["person", "list"]);
    let mut names: Vec<&str> = (people.as_array().unwrap().iter())
        .map(|person| person["name"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Budi Santosa",
            "Budi Santoso",
            "Dewi Lestari",
            "Siti Rahma",
            "Siti Rahma"
        ]
    );
    let dewi = (people.as_array().unwrap().iter())
        .find(|person| person["name"] == "Dewi Lestari")
        .unwrap();
    assert_eq!(dewi["uid"], GUID);
    let slots = env.json(&["slot", "list", "democon"]);
    let role_of = |title: &str| {
        let slot = (slots.as_array().unwrap().iter())
            .find(|slot| slot["title"] == title)
            .unwrap();
        slot["role_ids"].clone()
    };
    assert_ne!(role_of("Namesake one"), role_of("Namesake two"));
    assert_eq!(role_of("Spelling one"), role_of("Spelling two"));
    assert_eq!(env.run(&["check"]).code, 0);

    // Someone close to a person already on record is still asked about.
    let other = Env::new();
    other.seed();
    let near = pretalx_schedule(&[(
        "Main Hall",
        vec![(1, "Near", "09:00", vec![(1, None, "Valerina Danial")])],
    )]);
    let file = other.dir().join("near.xml");
    std::fs::write(&file, near).unwrap();
    let before = other.dump();
    let line = other.fails(1, &["import", file.to_str().unwrap()]);
    assert!(line.contains("Valerina Daniel"), "{line}");
    assert_eq!(other.dump(), before, "nothing written");
}

#[test]
fn rooms_of_one_schedule_are_created_as_given_and_matched_exactly_to_venues_on_record() {
    let env = Env::new();
    env.ok(&["venue", "add", "Auditorium Utama", "--address", "Depok"]);
    let schedule = pretalx_schedule(&[
        ("Hall Ada", vec![(1, "In Ada", "09:00", vec![])]),
        ("Hall Adb", vec![(2, "In Adb", "09:00", vec![])]),
        ("AUDITORIUM  utama", vec![(3, "On record", "09:00", vec![])]),
    ]);
    let file = env.dir().join("rooms.xml");
    std::fs::write(&file, schedule).unwrap();
    let out = env.ok(&["import", file.to_str().unwrap()]);
    assert!(out.ends_with("2 new venue(s)\n"), "{out}");
    let venues = env.json(&["venue", "list"]);
    let mut names: Vec<&str> = (venues.as_array().unwrap().iter())
        .map(|venue| venue["name"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["Auditorium Utama", "Hall Ada", "Hall Adb"]);
    let slots = env.json(&["slot", "list", "democon"]);
    let rooms: BTreeMap<&str, &str> = (slots.as_array().unwrap().iter())
        .map(|slot| {
            (
                slot["title"].as_str().unwrap(),
                slot["room"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(rooms["In Ada"], "Hall Ada");
    assert_eq!(rooms["In Adb"], "Hall Adb");
    assert_eq!(rooms["On record"], "Auditorium Utama");

    // A room close to a venue on record is asked about, as a typed one is.
    let near = pretalx_schedule(&[("Auditorium Utamaa", vec![(1, "Near", "09:00", vec![])])]);
    let other = Env::new();
    other.ok(&["venue", "add", "Auditorium Utama"]);
    let file = other.dir().join("near.xml");
    std::fs::write(&file, near).unwrap();
    let line = other.fails(1, &["import", file.to_str().unwrap()]);
    assert!(line.contains("Auditorium Utama"), "{line}");
    assert_eq!(other.json(&["venue", "list"]).as_array().unwrap().len(), 1);
}

/// The sessions of a seminar as `session list --json` gives them, without ids.
fn sessions_without_ids(env: &Env, slug: &str) -> Vec<Value> {
    let mut sessions = env.json(&["session", "list", slug]);
    for session in sessions.as_array_mut().unwrap() {
        let session = session.as_object_mut().unwrap();
        session.remove("id");
        session.remove("chair_role_ids");
    }
    sessions.as_array().unwrap().clone()
}

#[test]
fn our_frab_export_of_a_conference_gives_back_its_sessions() {
    let env = conference();
    let file = env.dir().join("knhi.xml");
    std::fs::write(&file, env.ok(&["agenda", SLUG, "--format", "frab"])).unwrap();
    crate::exports::validate_against_xsd(&file);
    let copy = Env::new().with_env("SEMINAR_NOW", "2027-04-01");
    copy.ok(&["import", file.to_str().unwrap()]);
    let sessions = sessions_without_ids(&copy, SLUG);
    assert_eq!(sessions.len(), 8);
    assert_eq!(sessions, sessions_without_ids(&env, SLUG));
    let panel = (sessions.iter())
        .find(|session| session["title"] == "Panel 1B: Diplomasi ekonomi")
        .unwrap();
    assert_eq!(
        (&panel["room"], &panel["kind"], &panel["chairs"]),
        (
            &Value::from("Ruang 2"),
            &Value::from("parallel"),
            &serde_json::json!(["Wawan Mas'udi"])
        )
    );
    let slots = |env: &Env| {
        let mut slots = env.json(&["slot", "list", SLUG]);
        for slot in slots.as_array_mut().unwrap() {
            let slot = slot.as_object_mut().unwrap();
            for field in ["id", "role_ids", "session_id"] {
                slot.remove(field);
            }
        }
        slots
    };
    assert_eq!(slots(&copy), slots(&env));
    let in_sessions = |env: &Env| {
        (env.json(&["slot", "list", SLUG]).as_array().unwrap().iter())
            .filter(|slot| slot["session_id"].is_number())
            .count()
    };
    assert_eq!(in_sessions(&copy), 19);
    for args in [
        &["agenda", SLUG][..],
        &["agenda", SLUG, "--grid", "--lang", "id"],
    ] {
        assert_eq!(copy.ok(args), env.ok(args), "{args:?}");
    }

    // A schedule from elsewhere has no sessions: its events stay slots.
    let pretalx = format!(
        "{}/tests/fixtures/pretalx-schedule.xml",
        env!("CARGO_MANIFEST_DIR")
    );
    let other = Env::new();
    other.ok(&["import", &pretalx]);
    assert_eq!(other.count(&["session", "list", "democon2024"]), 0);
}

#[test]
fn several_seminars_in_one_frab_file_come_back_as_the_same_seminars() {
    let env = conference();
    env.seed();
    env.ok(&[
        "create",
        "Diskusi lanjutan",
        "--date",
        "2017-05-25",
        "--start",
        "13:00",
        "--end",
        "15:00",
        "--tz",
        "WIB",
        "--venue",
        "Auditorium Juwono Sudarsono",
        "--slug",
        "diskusi-2017",
    ]);
    env.ok(&[
        "speaker",
        "add",
        "diskusi-2017",
        "Asra Virgianita",
        "--talk",
        "Kerja sama Selatan-Selatan",
        "--at",
        "13:00",
        "--minutes",
        "45",
    ]);
    // A seminar without a venue is in no room of its own ("To be announced" to apps).
    env.ok(&[
        "create",
        "Rapat persiapan",
        "--date",
        "2017-06-02",
        "--start",
        "10:00",
        "--end",
        "11:00",
        "--tz",
        "WIB",
        "--slug",
        "rapat-2017",
    ]);
    env.ok(&[
        "slot",
        "add",
        "rapat-2017",
        "Agenda",
        "--at",
        "10:00",
        "--minutes",
        "30",
    ]);
    let file = env.dir().join("all.xml");
    env.ok(&["export", "--format", "frab", "-o", file.to_str().unwrap()]);
    crate::exports::validate_against_xsd(&file);

    let copy = Env::new().with_env("SEMINAR_NOW", "2027-04-01");
    let out = copy.ok(&["import", file.to_str().unwrap()]);
    assert!(out.starts_with("Added 4 seminar(s)"), "{out}");
    let seminars = |env: &Env| -> Vec<(Value, Value, Value, Value, Value, Value)> {
        (env.json(&["list"]).as_array().unwrap().iter())
            .map(|seminar| {
                (
                    seminar["slug"].clone(),
                    seminar["title"].clone(),
                    seminar["first_day"].clone(),
                    seminar["last_day"].clone(),
                    seminar["days"].clone(),
                    seminar["venue"]["name"].clone(),
                )
            })
            .collect()
    };
    assert_eq!(seminars(&copy), seminars(&env));
    let venues = |env: &Env| {
        let mut venues = env.json(&["venue", "list"]);
        for venue in venues.as_array_mut().unwrap() {
            venue.as_object_mut().unwrap().remove("id");
        }
        venues
    };
    assert_eq!(venues(&copy), venues(&env), "no room for 'To be announced'");
    for slug in ["kss-2017", "diskusi-2017", "rapat-2017", SLUG] {
        assert_eq!(
            copy.ok(&["agenda", slug]),
            env.ok(&["agenda", slug]),
            "{slug}"
        );
    }
    assert_eq!(copy.run(&["check"]).code, 0);

    // Conference apps see events in their rooms: one hall, each seminar its own track.
    let xml = std::fs::read_to_string(&file).unwrap();
    let events = frab_events(&xml);
    let tracks: std::collections::BTreeSet<&str> = (events.values())
        .filter(|event| event[1] == "Auditorium Juwono Sudarsono")
        .map(|event| event[4].as_str())
        .collect();
    assert_eq!(
        tracks,
        [
            "Diskusi lanjutan",
            "Seminar on Indonesia's South-South and Triangular Cooperation"
        ]
        .into()
    );
}
