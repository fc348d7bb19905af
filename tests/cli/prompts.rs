//! The guided prompts, driven through a pseudo-terminal as a person would type them.

use rexpect::session::{PtySession, spawn_command};
use serde_json::Value;

use crate::support::{Env, redact_uids};

const DOWN: &str = "\x1b[B";
const ESC: &str = "\x1b";

/// One exchange: wait for a question, then type an answer (and Enter) or press keys; or
/// only wait for a message.
enum Step<'a> {
    Line(&'a str, &'a str),
    Keys(&'a str, &'a str),
    Wait(&'a str),
}
use Step::{Keys, Line, Wait};

fn start(env: &Env, args: &[&str]) -> PtySession {
    let mut command = env.command();
    command.env("TERM", "xterm").args(args);
    // The timeout guards against a hang, not a pace: a busy machine may take a while.
    spawn_command(command, Some(120_000)).expect("the binary starts on a pseudo-terminal")
}

fn play(session: &mut PtySession, steps: &[Step<'_>]) {
    for step in steps {
        let (question, typed) = match step {
            Line(question, answer) => (question, format!("{answer}\r")),
            Keys(question, keys) => (question, keys.to_string()),
            Wait(message) => (message, String::new()),
        };
        if let Err(error) = session.exp_string(question) {
            panic!("waiting for '{question}': {error}");
        }
        session.send(&typed).unwrap();
        session.flush().unwrap();
    }
}

/// Waits for the end and returns everything printed after the last step, and the exit code.
fn finish(mut session: PtySession) -> (String, i32) {
    let rest = session.exp_eof().expect("the command ends");
    let status = session.process_mut().wait().expect("the exit status");
    let code = match status {
        rexpect::process::WaitStatus::Exited(_, code) => code,
        other => panic!("the command did not exit normally: {other:?}"),
    };
    (rest, code)
}

/// Every record a seminar and its people leave, without row ids (which follow the order of
/// entry) and uids (which are random).
fn logical_content(env: &Env) -> Vec<Value> {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(map) => {
                map.retain(|key, _| {
                    key != "id" && !key.ends_with("_id") && key != "uid" && !key.ends_with("_uid")
                });
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let listings: [&[&str]; 6] = [
        &["show", "kss-2017"],
        &["speaker", "list", "kss-2017"],
        &["slot", "list", "kss-2017"],
        &["person", "list"],
        &["institution", "list"],
        &["venue", "list"],
    ];
    listings
        .iter()
        .map(|args| {
            let mut value = env.json(args);
            strip(&mut value);
            value
        })
        .collect()
}

/// How many rows each table holds.
fn row_counts(env: &Env) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for line in env.dump().lines() {
        match line.strip_prefix('[') {
            Some(table) => counts.push((table.trim_end_matches(']').to_string(), 0)),
            None => counts.last_mut().expect("a table").1 += 1,
        }
    }
    counts
}

/// The seed seminar typed in answer to `seminar create`'s questions.
const SEED_ANSWERS: &[Step<'static>] = &[
    Line(
        "Title",
        "Seminar on Indonesia's South-South and Triangular Cooperation",
    ),
    Line(
        "Theme",
        "Proud to Contribute: Maximizing Potentials in South-South Cooperation",
    ),
    // A wrong date is refused under the question, which is asked again.
    Line("Date", "31/02/2017"),
    Wait("day 31 does not exist in February 2017"),
    Line("Date", "Kamis, 18/05/2017"),
    Line("Last day", ""),
    Line("Starts at", "09:00"),
    Line("Ends at", "12:00"),
    Line("Time zone", "WIB"),
    Line("Venue", "Auditorium Juwono Sudarsono"),
    Line("Address", "FISIP Universitas Indonesia, Depok"),
    Line("Organizer", "FISIP UI"),
    Line(
        "Organizer",
        "Tim Koordinasi Nasional Kerja Sama Selatan-Selatan",
    ),
    Line("Organizer", ""),
    Line("Short name", "kss-2017"),
    Keys("Status", DOWN),
    Keys("confirmed", "\r"),
    // No sessions: the seminar is one room.
    Line("Session title", ""),
    Line("Moderator: name", "Valerina Daniel"),
    Line("Institution", ""),
    Line("Position", ""),
    Line("Speaker: name", "Moh. Syarif Alatas"),
    Line("Institution", "Kementerian Luar Negeri (Kemlu)"),
    Line("Position", "Direktur Kerja Sama Teknik"),
    Line(
        "Talk title",
        "Indonesia's growing role as a provider of South-South cooperation",
    ),
    Line("Starts at", "09:15"),
    Line("Minutes", "30"),
    Line("Speaker: name", "Dinur Krismasari"),
    Line("Institution", "JICA Indonesia (JICA)"),
    Line("Position", "Senior Representative"),
    Line("Talk title", "Knowledge sharing in triangular cooperation"),
    Line("Starts at", "09.45"),
    Line("Minutes", "30"),
    Line("Speaker: name", "Asra Virgianita"),
    Line("Institution", "FISIP UI"),
    Line("Position", "Dosen Hubungan Internasional"),
    Line(
        "Talk title",
        "South-South cooperation in international relations",
    ),
    // A talk overlapping the one before is refused, and its time asked again.
    Line("Starts at", "10:00"),
    Line("Minutes", "30"),
    Wait("it overlaps 'Knowledge sharing in triangular cooperation'; give another time"),
    Line("Starts at", "10:15"),
    Line("Minutes", "30"),
    Line("Speaker: name", "Mickael B. Hoelman"),
    Line("Institution", "INFID"),
    Line("Position", "Senior Advisor"),
    Line("Talk title", "Civil society in South-South cooperation"),
    Line("Starts at", "10:45"),
    Line("Minutes", "30"),
    Line("Speaker: name", ""),
    Line("Other rundown item", "Opening remarks"),
    Keys("Kind", "\r"),
    Line("Starts at", "09:00"),
    Line("Minutes", "15"),
    Line("People on it", ""),
    Line("Other rundown item", "Questions and answers"),
    Keys("Kind", "\r"),
    Line("Starts at", "11:15"),
    Line("Minutes", "35"),
    Line("People on it", "valerina daniel"),
    Line("Other rundown item", "Closing"),
    Keys("Kind", "\r"),
    Line("Starts at", "11:50"),
    Line("Minutes", "10"),
    Line("People on it", ""),
    Line("Other rundown item", ""),
    Keys("Create 'Seminar on Indonesia", "y"),
];

#[test]
fn typing_the_seed_through_the_prompts_gives_the_data_the_flags_give() {
    let typed = Env::new();
    let mut session = start(&typed, &["create"]);
    play(&mut session, SEED_ANSWERS);
    let (rest, code) = finish(session);
    assert_eq!(code, 0, "{rest}");
    assert!(rest.contains("Created kss-2017"), "{rest}");

    let flagged = Env::new();
    flagged.seed();
    assert_eq!(row_counts(&typed), row_counts(&flagged));
    assert_eq!(logical_content(&typed), logical_content(&flagged));
    let agenda = |env: &Env| redact_uids(&env.ok(&["agenda", "kss-2017", "--lang", "id"]));
    assert_eq!(agenda(&typed), agenda(&flagged));
}

#[test]
fn the_seeds_misspellings_typed_at_the_prompts_never_make_a_second_record() {
    let env = Env::new();
    env.seed();
    env.create_morning_seminar("follow-up", "2017-06-08");
    let before = row_counts(&env);
    // "Dinur krismasari" is typed as a new name, and "Negri" for Negeri:
    // the first is the same person, the second is offered as the institution it resembles.
    let mut session = start(&env, &["speaker", "add", "follow-up"]);
    play(&mut session, &[Keys("Speaker (type to search", ESC)]);
    let (rest, code) = finish(session);
    assert_eq!(code, 1, "Esc at the search chooses nobody: {rest}");
    assert!(rest.contains("no speaker chosen"), "{rest}");

    let mut session = start(&env, &["speaker", "add", "follow-up"]);
    play(
        &mut session,
        &[
            Keys("Speaker (type to search", "someone\r"),
            Line("Speaker: name", "Dinur krismasari"),
            Line("Institution", "Kementerian Luar Negri"),
            Keys("Did you mean Kementerian Luar Negeri (Kemlu)?", "\r"),
            Line("Position", "Tenaga Ahli"),
            Line("Talk title", ""),
        ],
    );
    let (rest, code) = finish(session);
    assert_eq!(code, 0, "{rest}");
    assert!(rest.contains("Dinur Krismasari"), "{rest}");

    // Picked from the list by typing part of the name; the defaults are what is on record.
    let mut session = start(&env, &["moderator", "assign", "follow-up"]);
    play(
        &mut session,
        &[
            Keys("Moderator (type to search", "alatas"),
            Keys("Moh. Syarif Alatas", "\r"),
            Line("Institution", ""),
            Line("Position", ""),
        ],
    );
    let (rest, code) = finish(session);
    assert_eq!(code, 0, "{rest}");

    let after = row_counts(&env);
    let rows = |counts: &[(String, usize)], table: &str| {
        counts
            .iter()
            .find(|(name, _)| name == table)
            .map(|(_, n)| *n)
    };
    assert_eq!(rows(&after, "person"), rows(&before, "person"));
    assert_eq!(rows(&after, "institution"), rows(&before, "institution"));
    assert_eq!(rows(&after, "role"), rows(&before, "role").map(|n| n + 2));
    let speakers = env.json(&["speaker", "list", "follow-up"]);
    assert_eq!(speakers[0]["name"], "Dinur Krismasari");
    assert_eq!(speakers[0]["institution"]["short_name"], "Kemlu");
    let moderator = &env.json(&["show", "follow-up"])["moderators"][0];
    assert_eq!(moderator["name"], "Moh. Syarif Alatas");
    assert_eq!(moderator["position"], "Direktur Kerja Sama Teknik");
}

#[test]
fn flags_with_a_near_duplicate_ask_on_a_terminal_and_can_add_a_new_record() {
    let env = Env::new();
    env.seed();
    let mut session = start(
        &env,
        &[
            "venue",
            "add",
            "Auditorium Juwono Sudarsno",
            "--address",
            "Depok",
        ],
    );
    play(
        &mut session,
        &[Keys("Did you mean Auditorium Juwono Sudarsono?", "\r")],
    );
    let (rest, code) = finish(session);
    assert_eq!(code, 0, "{rest}");
    assert!(rest.contains("Nothing added"), "{rest}");
    assert_eq!(env.count(&["venue", "list"]), 1);

    // "No" adds the new name: the user knows best.
    let mut session = start(&env, &["institution", "add", "Kementrian Luar Negri"]);
    play(
        &mut session,
        &[Keys(
            "Did you mean Kementerian Luar Negeri (Kemlu)?",
            &format!("{DOWN}\r"),
        )],
    );
    let (rest, code) = finish(session);
    assert_eq!(code, 0, "{rest}");
    assert!(
        rest.contains("Added institution Kementrian Luar Negri"),
        "{rest}"
    );

    // Cancel leaves the database as it was, with exit 1 and the usual refusal.
    let before = env.dump();
    let mut session = start(
        &env,
        &[
            "speaker",
            "add",
            "kss-2017",
            "Valerina Danial",
            "--position",
            "MC",
        ],
    );
    play(
        &mut session,
        &[Keys(
            "Did you mean Valerina Daniel?",
            &format!("{DOWN}{DOWN}\r"),
        )],
    );
    let (rest, code) = finish(session);
    assert_eq!(code, 1, "{rest}");
    assert!(
        rest.contains("looks like existing 'Valerina Daniel'"),
        "{rest}"
    );
    assert_eq!(env.dump(), before);
}

/// A CSV of `rows` new speakers, all with distinct names.
fn speakers_csv(rows: usize) -> String {
    let mut csv = String::from("name,position,institution\n");
    for i in 0..rows {
        csv.push_str(&format!(
            "Person Number{i:05} Q{},Staff,Institution {}\n",
            i * 7919 % 100_003,
            i % 50
        ));
    }
    csv
}

#[test]
fn a_long_import_shows_progress_on_a_terminal_and_nowhere_else() {
    let env = Env::new();
    env.create_morning_seminar("big", "2017-06-08");
    let file = env.dir().join("speakers.csv");
    std::fs::write(&file, speakers_csv(40_000)).unwrap();
    let file = file.to_str().unwrap();
    let args = ["import", file, "--seminar", "big", "--new"];

    let dry: Vec<&str> = args.iter().copied().chain(["--dry-run"]).collect();
    let mut session = start(&env, &dry);
    play(&mut session, &[Wait("Importing ["), Wait("/40000")]);
    let (rest, code) = finish(session);
    assert_eq!(code, 0, "{rest}");
    assert!(rest.contains("Would add"), "{rest}");

    let run = env.run(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("Importing"), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 0, "{}", run.stderr);
    assert_eq!(env.count(&["speaker", "list", "big"]), 40_000);
}

#[test]
fn an_import_on_a_terminal_asks_about_near_duplicates_instead_of_failing() {
    let env = Env::new();
    env.seed();
    env.create_morning_seminar("follow-up", "2017-06-08");
    let file = env.dir().join("speakers.csv");
    std::fs::write(
        &file,
        "name,position,institution\nRetno Marsudi,Menteri,Kementerian Luar Negri\nDinur krismasari,,\n",
    )
    .unwrap();
    let mut session = start(
        &env,
        &["import", file.to_str().unwrap(), "--seminar", "follow-up"],
    );
    play(
        &mut session,
        &[Keys("Did you mean Kementerian Luar Negeri (Kemlu)?", "\r")],
    );
    let (rest, code) = finish(session);
    assert_eq!(code, 0, "{rest}");
    assert!(
        rest.contains(
            "Added 0 seminar(s), 0 slot(s), 2 role(s), 1 new person(s), 0 new institution(s)"
        ),
        "{rest}"
    );
    let retno = env.json(&["person", "show", "Retno Marsudi"]);
    assert_eq!(retno["institution"]["short_name"], "Kemlu");

    // The same file without a terminal is refused, naming the line and the candidate.
    let other = Env::new();
    other.seed();
    other.create_morning_seminar("follow-up", "2017-06-08");
    let before = other.dump();
    let line = other.fails(
        1,
        &["import", file.to_str().unwrap(), "--seminar", "follow-up"],
    );
    assert!(
        line.starts_with("error: line 2: institution 'Kementerian Luar Negri' looks like existing 'Kementerian Luar Negeri (Kemlu)'"),
        "{line}"
    );
    assert_eq!(other.dump(), before);
}

/// A record listing without row ids and uids, which follow the order of entry or are random.
fn without_ids(mut value: Value) -> Value {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(map) => {
                map.retain(|key, _| {
                    key != "id"
                        && !key.ends_with("_id")
                        && !key.ends_with("_ids")
                        && key != "uid"
                        && !key.ends_with("_uid")
                });
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut value);
    value
}

const CONFERENCE: &str = "Konferensi Nasional Hubungan Internasional 2027";
const KNHI: &str = "knhi-2027";

/// A two-day conference typed in answer to `seminar create`'s questions: a plenary in one
/// room, two parallel panels at once in two others, each with a chair and a talk, a
/// coffee break in the venue, and a closing plenary on a shorter second day.
const CONFERENCE_ANSWERS: &[Step<'static>] = &[
    Line("Title", CONFERENCE),
    Line("Theme", ""),
    Line("Date", "Rabu, 12 Mei 2027"),
    Line("Last day", "13/05/2027"),
    Line("Starts at", "08:00"),
    Line("Ends at", "17:00"),
    Line("Time zone", "WIB"),
    // Each day keeps the seminar's hours or has its own.
    Keys("Hours on Wednesday, 12 May 2027", "\r"),
    Keys("Hours on Thursday, 13 May 2027", DOWN_ENTER),
    Line("Starts at", "08:00"),
    // An end before the start is the next morning, as with `edit --on`: not 23 hours on.
    Line("Ends at", "07:00"),
    Wait("the next morning's 07:00 would be 23 hours after it"),
    Line("Ends at", "12:00"),
    Line("Venue", "Universitas Gadjah Mada"),
    Line("Address", ""),
    Line("Organizer", ""),
    Line("Short name", KNHI),
    Keys("Status", "\r"),
    // The opening plenary, in a new room.
    Line("Session title", "Pleno pembukaan"),
    Line("Day", "2027-05-12"),
    Line("Starts at", "08:30"),
    Line("Minutes, or the end", "90"),
    Keys("Room (type to search", DOWN_ENTER),
    Line("Room: name", "Auditorium Mandiri"),
    Keys("Kind", "\r"),
    Line("Track", ""),
    Line("Chair: name", "Yulia Rahman"),
    Line("Chair: name", ""),
    // Two parallel panels at the same time, in two rooms.
    Line("Session title", "Panel 1A"),
    Line("Day", ""),
    Line("Starts at", "10:30"),
    Line("Minutes, or the end", "12.00"),
    Keys("Room (type to search", DOWN_ENTER),
    Line("Room: name", "Ruang 1"),
    Keys("Kind", "\r"),
    Line("Track", "Ekonomi"),
    Line("Chair: name", "Siti Rahmawati"),
    Line("Chair: name", ""),
    Line("Session title", "Panel 1B"),
    Line("Day", "2027-05-12"),
    Line("Starts at", "10:30"),
    Line("Minutes, or the end", "90"),
    // A room already booked then is refused under the question, which is asked again.
    Keys("Room (type to search", "ruang 1\r"),
    Wait("Ruang 1 is taken then: it overlaps 'Panel 1A'; give another time or room"),
    Line("Day", "2027-05-12"),
    Line("Starts at", "10:30"),
    Line("Minutes, or the end", "90"),
    Keys("Room (type to search", DOWN_ENTER),
    Line("Room: name", "Ruang 2"),
    Keys("Kind", "\r"),
    Line("Track", ""),
    // So is a chair who would be in two rooms at once.
    Line("Chair: name", "Siti Rahmawati"),
    Wait("Siti Rahmawati is in two places at once"),
    Line("Chair: name", "Budi Santoso"),
    Line("Chair: name", ""),
    // The closing plenary on the second day, in a room named before.
    Line("Session title", "Pleno penutupan"),
    Line("Day", "13/05/2027"),
    Line("Starts at", "10:00"),
    Line("Minutes, or the end", "60"),
    Keys("Room (type to search", "mandiri\r"),
    Keys("Kind", "\r"),
    Line("Track", ""),
    Line("Chair: name", "Yulia Rahman"),
    Line("Chair: name", ""),
    Line("Session title", ""),
    Line("Moderator: name", ""),
    // Each talk in its session and (by default) its session's room.
    Line("Speaker: name", "Zainal Abidin"),
    Line("Institution", "Universitas Gadjah Mada"),
    Line("Position", ""),
    Line("Talk title", "Keynote: Indonesia di dunia"),
    Keys("Session", DOWN_ENTER),
    Line("Starts at", "08:45"),
    Line("Minutes", "60"),
    Keys("Room (type to search", "\r"),
    Line("Speaker: name", "Dewi Lestari"),
    Line("Institution", "Universitas Gadjah Mada"),
    Line("Position", ""),
    Line("Talk title", "Makalah Dewi Lestari"),
    Keys("Session", "\x1b[B\x1b[B\r"),
    Line("Starts at", "10:30"),
    Line("Minutes", "25"),
    Keys("Room (type to search", "\r"),
    Line("Speaker: name", "Rizal Hakim"),
    Line("Institution", "Universitas Gadjah Mada"),
    Line("Position", ""),
    Line("Talk title", "Makalah Rizal Hakim"),
    Keys("Session", "\x1b[B\x1b[B\x1b[B\r"),
    Line("Starts at", "10:30"),
    Line("Minutes", "25"),
    Keys("Room (type to search", "\r"),
    Line("Speaker: name", ""),
    // A break in no session, in the venue.
    Line("Other rundown item", "Rehat kopi"),
    Keys("Kind", "\r"),
    Keys("Session", "\r"),
    Line("Day", "2027-05-12"),
    Line("Starts at", "10:00"),
    Line("Minutes", "30"),
    Keys("Room (type to search", "\r"),
    Line("People on it", ""),
    Line("Other rundown item", ""),
    Keys("Create 'Konferensi Nasional", "y"),
];

const DOWN_ENTER: &str = "\x1b[B\r";

/// The same conference, built with flags.
fn conference_with_flags() -> Env {
    let env = Env::new();
    env.ok(&[
        "create",
        CONFERENCE,
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
        KNHI,
    ]);
    env.ok(&["edit", KNHI, "--on", "2027-05-13", "--end", "12:00"]);
    let sessions: [&[&str]; 4] = [
        &[
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
        ],
        &[
            "Panel 1A",
            "--on",
            "2027-05-12",
            "--at",
            "10:30",
            "--end",
            "12:00",
            "--room",
            "Ruang 1",
            "--track",
            "Ekonomi",
            "--chair",
            "Siti Rahmawati",
        ],
        &[
            "Panel 1B",
            "--on",
            "2027-05-12",
            "--at",
            "10:30",
            "--minutes",
            "90",
            "--room",
            "Ruang 2",
            "--chair",
            "Budi Santoso",
        ],
        &[
            "Pleno penutupan",
            "--on",
            "2027-05-13",
            "--at",
            "10:00",
            "--minutes",
            "60",
            "--room",
            "Auditorium Mandiri",
            "--kind",
            "plenary",
            "--chair",
            "Yulia Rahman",
        ],
    ];
    for session in sessions {
        let mut args = vec!["session", "add", KNHI];
        args.extend_from_slice(session);
        env.ok(&args);
    }
    let talks = [
        (
            "Zainal Abidin",
            "Keynote: Indonesia di dunia",
            "08:45",
            "60",
            "Pleno pembukaan",
        ),
        (
            "Dewi Lestari",
            "Makalah Dewi Lestari",
            "10:30",
            "25",
            "Panel 1A",
        ),
        (
            "Rizal Hakim",
            "Makalah Rizal Hakim",
            "10:30",
            "25",
            "Panel 1B",
        ),
    ];
    for (speaker, talk, at, minutes, session) in talks {
        env.ok(&[
            "speaker",
            "add",
            KNHI,
            speaker,
            "--institution",
            "Universitas Gadjah Mada",
            "--talk",
            talk,
            "--on",
            "2027-05-12",
            "--at",
            at,
            "--minutes",
            minutes,
            "--session",
            session,
        ]);
    }
    env.ok(&[
        "slot",
        "add",
        KNHI,
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
    env
}

#[test]
fn typing_a_two_day_conference_with_rooms_and_sessions_gives_what_the_flags_give() {
    let typed = Env::new();
    let mut session = start(&typed, &["create"]);
    play(&mut session, CONFERENCE_ANSWERS);
    let (rest, code) = finish(session);
    assert_eq!(code, 0, "{rest}");
    assert!(rest.contains(&format!("Created {KNHI}")), "{rest}");

    let flagged = conference_with_flags();
    let listings: [&[&str]; 3] = [
        &["session", "list", KNHI],
        &["slot", "list", KNHI],
        &["show", KNHI],
    ];
    for listing in listings {
        assert_eq!(
            without_ids(typed.json(listing)),
            without_ids(flagged.json(listing)),
            "{listing:?}"
        );
    }
    // The typed data is what was meant, not only the same as the flags' (both could be
    // wrong alike): the panels run at once in their own rooms, the second day is shorter.
    let sessions = typed.json(&["session", "list", KNHI]);
    let rooms: Vec<&str> = sessions
        .as_array()
        .unwrap()
        .iter()
        .map(|session| session["room"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        rooms,
        [
            "Auditorium Mandiri",
            "Ruang 1",
            "Ruang 2",
            "Auditorium Mandiri"
        ]
    );
    assert_eq!(typed.count(&["slot", "list", KNHI]), 4);
    assert!(typed.ok(&["check", KNHI]).contains("No problems"));
}

#[test]
fn a_guided_talk_picks_its_session_and_a_speaker_in_two_panels_at_once_is_asked_again() {
    let env = conference_with_flags();
    let mut session = start(&env, &["speaker", "add", KNHI]);
    play(
        &mut session,
        &[
            Keys("Speaker (type to search", "dewi lestari"),
            Keys("Dewi Lestari", "\r"),
            Line("Institution", ""),
            Line("Position", ""),
            Line("Talk title", "Makalah kedua"),
            // Panel 1B runs while she speaks in Panel 1A, in another room.
            Keys("Session", "\x1b[B\x1b[B\x1b[B\r"),
            Line("Starts at", "10:30"),
            Line("Minutes", "25"),
            Keys("Room (type to search", "\r"),
            Wait("Dewi Lestari is in two places at once"),
            Keys("Session", "\x1b[B\x1b[B\x1b[B\r"),
            Line("Starts at", "11:00"),
            Line("Minutes", "25"),
            Keys("Room (type to search", "\r"),
        ],
    );
    let (rest, code) = finish(session);
    assert_eq!(code, 0, "{rest}");
    let slots = env.json(&["slot", "list", KNHI]);
    let talk = slots
        .as_array()
        .unwrap()
        .iter()
        .find(|slot| slot["title"] == "Makalah kedua")
        .expect("the talk is in the rundown");
    let sessions = env.json(&["session", "list", KNHI]);
    let panel = sessions
        .as_array()
        .unwrap()
        .iter()
        .find(|session| session["title"] == "Panel 1B")
        .unwrap();
    assert_eq!(talk["session_id"], panel["id"], "{talk}");
    assert_eq!(talk["room"], "Ruang 2", "{talk}");
    assert_eq!(talk["starts_at"], "2027-05-12T11:00:00+07:00", "{talk}");
    assert!(env.ok(&["check", KNHI]).contains("No problems"));
}
