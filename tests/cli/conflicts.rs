//! The booking rules end to end: refused with the other seminar or slot named, recorded with
//! --force, and reported by `check` with exit 3.

use crate::support::Env;

fn seed_with_second(env: &Env, start: &str, end: &str, venue: Option<&str>) {
    let mut args = vec![
        "create",
        "Second seminar",
        "--date",
        "2017-05-18",
        "--start",
        start,
        "--end",
        end,
        "--slug",
        "second",
    ];
    if let Some(venue) = venue {
        args.extend(["--venue", venue]);
    }
    env.seed();
    env.ok(&args);
}

#[test]
fn a_venue_is_not_booked_twice() {
    let env = Env::new();
    env.seed();
    let line = env.fails(
        1,
        &[
            "create",
            "Second seminar",
            "--date",
            "2017-05-18",
            "--start",
            "11:00",
            "--end",
            "13:00",
            "--venue",
            "Auditorium Juwono Sudarsono",
            "--slug",
            "second",
        ],
    );
    assert!(
        line.contains("Auditorium Juwono Sudarsono is booked twice: kss-2017"),
        "{line}"
    );
    assert!(line.contains("second"), "{line}");
    env.ok(&[
        "create",
        "Second seminar",
        "--date",
        "2017-05-18",
        "--start",
        "12:00",
        "--end",
        "13:00",
        "--venue",
        "Auditorium Juwono Sudarsono",
        "--slug",
        "second",
    ]);
    let moved = env.fails(1, &["edit", "second", "--start", "11:30"]);
    assert!(moved.contains("booked twice"), "{moved}");
}

#[test]
fn venue_assign_is_refused_for_a_busy_venue() {
    let env = Env::new();
    seed_with_second(&env, "10:00", "11:00", None);
    let line = env.fails(
        1,
        &["venue", "assign", "second", "Auditorium Juwono Sudarsono"],
    );
    assert!(line.contains("kss-2017"), "{line}");
    env.ok(&[
        "venue",
        "assign",
        "second",
        "Auditorium Juwono Sudarsono",
        "--force",
    ]);
    let check = env.run(&["check"]);
    assert_eq!(check.code, 3);
    assert!(
        check
            .stdout
            .contains("venue Auditorium Juwono Sudarsono is booked twice"),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains("1 problem(s) found"),
        "{}",
        check.stdout
    );
}

#[test]
fn a_moderator_is_not_in_two_seminars_at_once() {
    let env = Env::new();
    seed_with_second(&env, "11:00", "13:00", Some("Balai Sidang"));
    let line = env.fails(1, &["moderator", "assign", "second", "Valerina Daniel"]);
    assert!(
        line.contains("Valerina Daniel is in two places at once: kss-2017"),
        "{line}"
    );
}

#[test]
fn a_speaker_is_busy_only_during_their_talk() {
    let env = Env::new();
    seed_with_second(&env, "10:00", "13:00", Some("Balai Sidang"));
    env.ok(&[
        "speaker",
        "add",
        "second",
        "Dinur Krismasari",
        "--talk",
        "Afternoon talk",
        "--at",
        "12:00",
        "--minutes",
        "30",
    ]);
    let line = env.fails(
        1,
        &[
            "speaker",
            "add",
            "second",
            "Asra Virgianita",
            "--talk",
            "Clashing talk",
            "--at",
            "10:30",
            "--minutes",
            "30",
        ],
    );
    assert!(
        line.contains("Asra Virgianita is in two places at once"),
        "{line}"
    );
    assert!(
        line.contains("10:15–10:45 WIB") && line.contains("10:30–11:00 WIB"),
        "{line}"
    );
}

#[test]
fn slots_of_one_seminar_do_not_overlap() {
    let env = Env::new();
    env.seed();
    let line = env.fails(
        1,
        &[
            "slot",
            "add",
            "kss-2017",
            "Coffee",
            "--at",
            "10:00",
            "--minutes",
            "20",
            "--kind",
            "break",
        ],
    );
    assert!(line.contains("in kss-2017, slot 'Knowledge sharing in triangular cooperation' (09:45–10:15 WIB) overlaps slot 'Coffee'"), "{line}");
}

#[test]
fn slots_stay_inside_the_seminars_hours() {
    let env = Env::new();
    env.seed();
    let late = env.fails(
        1,
        &[
            "slot",
            "add",
            "kss-2017",
            "Lunch",
            "--at",
            "12:00",
            "--minutes",
            "60",
            "--kind",
            "break",
        ],
    );
    assert!(
        late.contains("outside the seminar's hours (09:00–12:00 WIB)"),
        "{late}"
    );
    let early = env.fails(
        1,
        &[
            "speaker",
            "add",
            "kss-2017",
            "Someone Early",
            "--talk",
            "Early",
            "--at",
            "08:30",
            "--minutes",
            "20",
        ],
    );
    assert!(early.contains("outside"), "{early}");
}

#[test]
fn forced_problems_are_recorded_warned_and_checked() {
    let env = Env::new();
    env.seed();
    let run = env.run(&[
        "slot",
        "add",
        "kss-2017",
        "Coffee",
        "--at",
        "10:00",
        "--minutes",
        "20",
        "--kind",
        "break",
        "--force",
    ]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains("warning: recorded with --force"),
        "{}",
        run.stderr
    );
    let check = env.run(&["check", "kss-2017"]);
    assert_eq!(check.code, 3);
    assert!(
        check.stdout.contains("overlaps slot 'Coffee'"),
        "{}",
        check.stdout
    );
    let problems: serde_json::Value =
        serde_json::from_str(&env.run(&["--json", "check"]).stdout).unwrap();
    assert_eq!(problems[0]["kind"], "slots_overlap");
    assert_eq!(problems[0]["seminars"], serde_json::json!([1]));
    let indonesian = env.run(&["--lang", "id", "check"]);
    assert!(
        indonesian.stdout.contains("bertumpang tindih")
            && indonesian.stdout.contains("masalah ditemukan"),
        "{}",
        indonesian.stdout
    );
}

#[test]
fn an_existing_problem_does_not_block_unrelated_changes() {
    let env = Env::new();
    env.seed();
    env.ok(&[
        "slot",
        "add",
        "kss-2017",
        "Coffee",
        "--at",
        "10:00",
        "--minutes",
        "20",
        "--kind",
        "break",
        "--force",
    ]);
    env.ok(&[
        "edit",
        "kss-2017",
        "--description",
        "A seminar of FISIP UI.",
    ]);
    env.ok(&[
        "speaker",
        "add",
        "kss-2017",
        "Dinur Krismasari",
        "--position",
        "Chief Representative",
    ]);
}

#[test]
fn check_is_clean_on_the_seed_and_cancelled_seminars_book_nothing() {
    let env = Env::new();
    env.seed();
    assert_eq!(env.ok(&["check"]), "No problems found.\n");
    assert_eq!(env.json(&["check"]), serde_json::json!([]));
    env.ok(&[
        "create",
        "Clash",
        "--date",
        "2017-05-18",
        "--start",
        "10:00",
        "--end",
        "11:00",
        "--venue",
        "Auditorium Juwono Sudarsono",
        "--slug",
        "clash",
        "--force",
    ]);
    assert_eq!(env.run(&["check"]).code, 3);
    env.ok(&["cancel", "clash"]);
    assert_eq!(env.run(&["check"]).code, 0);
}
