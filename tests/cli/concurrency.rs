//! Many processes writing to one database at once: nothing is lost, nobody is told the
//! file is busy, and a booking rule holds between two processes racing for one venue.

use std::process::{Output, Stdio};
use std::sync::Barrier;

use rusqlite::Connection;

use crate::support::Env;

const WORKERS: usize = 8;
const ROWS_PER_WORKER: usize = 200;

fn count(env: &Env, sql: &str) -> i64 {
    let conn = Connection::open(&env.db).expect("the database opens");
    conn.query_row(sql, [], |row| row.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Runs the binary with `args`, stdin closed, and collects what it printed.
fn output(env: &Env, args: &[String]) -> Output {
    env.command()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

/// The `row`th command of worker `worker`: speakers (a person new to the database, with a
/// short name so that no two are near-duplicates) and slots (five minutes each, from 08:00)
/// in turn, all on the worker's own seminar.
fn worker_command(worker: usize, row: usize) -> Vec<String> {
    let slug = format!("w{worker}");
    if row.is_multiple_of(2) {
        // Name keys of four characters tolerate no typing slip, so each is its own person.
        let letter = char::from(b'a' + worker as u8);
        let name = format!("{letter}{row:03}");
        ["speaker", "add", &slug, &name].map(String::from).to_vec()
    } else {
        let minutes_in = 5 * (row / 2);
        let at = format!("{:02}:{:02}", 8 + minutes_in / 60, minutes_in % 60);
        let title = format!("Session {row} of worker {worker}");
        ["slot", "add", &slug, &title, "--at", &at, "--minutes", "5"]
            .map(String::from)
            .to_vec()
    }
}

#[test]
fn eight_processes_writing_at_once_lose_nothing() {
    let env = Env::new();
    // Eight seminars on eight days: no rule ties one worker's rows to another's.
    for worker in 0..WORKERS {
        env.ok(&[
            "create",
            &format!("Worker seminar {worker}"),
            "--date",
            &format!("2017-06-{:02}", worker + 1),
            "--start",
            "08:00",
            "--end",
            "17:00",
            "--tz",
            "WIB",
            "--slug",
            &format!("w{worker}"),
        ]);
    }
    let start = Barrier::new(WORKERS);
    let failures: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..WORKERS)
            .map(|worker| {
                let (env, start) = (&env, &start);
                scope.spawn(move || {
                    start.wait();
                    let mut failures = Vec::new();
                    for row in 0..ROWS_PER_WORKER {
                        let args = worker_command(worker, row);
                        let output = output(env, &args);
                        // A new person is announced on stderr by design; nothing else may be.
                        let expected = match args[0].as_str() {
                            "speaker" => format!("added person {}\n", args[3]),
                            _ => String::new(),
                        };
                        if !output.status.success() || output.stderr != expected.as_bytes() {
                            failures.push(format!(
                                "{args:?}: exit {:?}: {}",
                                output.status.code(),
                                String::from_utf8_lossy(&output.stderr).trim_end()
                            ));
                        }
                    }
                    failures
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().expect("a worker thread"))
            .collect()
    });
    let attempted = WORKERS * ROWS_PER_WORKER;
    let kept = count(&env, "SELECT count(*) FROM role") + count(&env, "SELECT count(*) FROM slot");
    eprintln!(
        "concurrent writers: {attempted} writes attempted, {kept} kept, {} failed",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {attempted} commands failed or wrote to stderr; first: {}",
        failures.len(),
        failures[0]
    );
    assert_eq!(kept, attempted as i64);
    // The binary agrees, seminar by seminar.
    for worker in 0..WORKERS {
        let shown = env.json(&["show", &format!("w{worker}")]);
        assert_eq!(
            shown["speakers"].as_array().map(Vec::len),
            Some(ROWS_PER_WORKER / 2),
            "w{worker}"
        );
        assert_eq!(
            shown["slots"].as_array().map(Vec::len),
            Some(ROWS_PER_WORKER / 2),
            "w{worker}"
        );
    }
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"
        ),
        1
    );
}

/// Runs each command in its own process, all released at the same moment.
fn race(env: &Env, commands: &[Vec<String>]) -> Vec<Output> {
    let start = Barrier::new(commands.len());
    std::thread::scope(|scope| {
        let racers: Vec<_> = commands
            .iter()
            .map(|args| {
                let start = &start;
                scope.spawn(move || {
                    let mut command = env.command();
                    command.args(args).stdin(Stdio::null());
                    start.wait();
                    command.output().expect("the binary runs")
                })
            })
            .collect();
        racers
            .into_iter()
            .map(|racer| racer.join().expect("a racing thread"))
            .collect()
    })
}

/// Asserts that exactly one of two racing commands won and the other was refused by the
/// venue rule in one line.
fn one_winner(round: usize, outputs: &[Output]) {
    let codes: Vec<_> = outputs.iter().map(|o| o.status.code()).collect();
    let winners = codes.iter().filter(|code| **code == Some(0)).count();
    assert_eq!(winners, 1, "round {round}: exit codes {codes:?}");
    let loser = outputs
        .iter()
        .find(|o| !o.status.success())
        .expect("a loser");
    assert_eq!(loser.status.code(), Some(1), "round {round}");
    let stderr = String::from_utf8_lossy(&loser.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "round {round}: {stderr}");
    assert!(
        lines[0].starts_with("error: refused:") && lines[0].contains("Aula Utama"),
        "round {round}: {}",
        lines[0]
    );
}

const ROUNDS: usize = 10;

#[test]
fn two_seminars_created_at_once_in_one_venue_one_wins() {
    let env = Env::new();
    env.ok(&["venue", "add", "Aula Utama"]);
    for round in 0..ROUNDS {
        let date = format!("2017-07-{:02}", round + 1);
        let commands: Vec<Vec<String>> = ["a", "b"]
            .iter()
            .map(|side| {
                [
                    "create",
                    &format!("Racing seminar {side}"),
                    "--date",
                    &date,
                    "--start",
                    "09:00",
                    "--end",
                    "12:00",
                    "--tz",
                    "WIB",
                    "--venue",
                    "Aula Utama",
                    "--slug",
                    &format!("race-{round}-{side}"),
                ]
                .map(String::from)
                .to_vec()
            })
            .collect();
        one_winner(round, &race(&env, &commands));
        let booked = count(
            &env,
            &format!(
                "SELECT count(*) FROM seminar JOIN venue ON venue.id = seminar.venue_id \
                 WHERE venue.name = 'Aula Utama' AND first_day = '{date}'"
            ),
        );
        assert_eq!(booked, 1, "round {round}");
    }
    assert_eq!(count(&env, "SELECT count(*) FROM seminar"), ROUNDS as i64);
    eprintln!("venue race (create): {ROUNDS} rounds, one winner in each");
}

#[test]
fn two_seminars_moved_at_once_into_one_venue_one_wins() {
    let env = Env::new();
    env.ok(&["venue", "add", "Aula Utama"]);
    for round in 0..ROUNDS {
        let date = format!("2017-08-{:02}", round + 1);
        for side in ["a", "b"] {
            env.create_morning_seminar(&format!("move-{round}-{side}"), &date);
        }
        let commands: Vec<Vec<String>> = ["a", "b"]
            .iter()
            .map(|side| {
                [
                    "venue",
                    "assign",
                    &format!("move-{round}-{side}"),
                    "Aula Utama",
                ]
                .map(String::from)
                .to_vec()
            })
            .collect();
        one_winner(round, &race(&env, &commands));
        let booked = count(
            &env,
            &format!(
                "SELECT count(*) FROM seminar WHERE venue_id IS NOT NULL AND first_day = '{date}'"
            ),
        );
        assert_eq!(booked, 1, "round {round}");
    }
    eprintln!("venue race (venue assign): {ROUNDS} rounds, one winner in each");
}
