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
    spawn_command(command, Some(20_000)).expect("the binary starts on a pseudo-terminal")
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
    // "Dinur krismasari" is typed as a new name, and "Kementrian" for Kementerian:
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
            Line("Institution", "Kementrian Luar Negeri"),
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
        "name,position,institution\nRetno Marsudi,Menteri,Kementrian Luar Negeri\nDinur krismasari,,\n",
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
        line.starts_with("error: line 2: institution 'Kementrian Luar Negeri' looks like existing 'Kementerian Luar Negeri (Kemlu)'"),
        "{line}"
    );
    assert_eq!(other.dump(), before);
}
