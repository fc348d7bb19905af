//! What the binary does with the values people type: bad dates, times, zones and numbers,
//! unknown names, missing arguments, odd text, environment variables, help and pipes.

use std::io::Read;
use std::process::Stdio;

use crate::support::Env;

/// A database with one small seminar, `kss-2017`, so that refusals have something to keep.
fn with_one_seminar() -> Env {
    let env = Env::new();
    env.ok(&[
        "create",
        "Seminar on South-South Cooperation",
        "--date",
        "2017-05-18",
        "--start",
        "09:00",
        "--end",
        "12:00",
        "--tz",
        "WIB",
        "--slug",
        "kss-2017",
    ]);
    env
}

const ACCEPTED_DATES: &str = "accepted: 2017-05-18, 18/05/2017, 18 May 2017, 18 Mei 2017";

#[test]
fn bad_dates_are_usage_errors_that_name_the_flag() {
    let env = with_one_seminar();
    // (input, what the message must say, whether it must list the accepted forms)
    let cases = [
        ("31/02/2017", "February 2017, which has 28 days", true),
        ("29/02/2017", "February 2017, which has 28 days", true),
        ("13/13/2017", "month 13", true),
        ("18/05/17", "four digits", true),
        ("18 Mai 2017", "'Mai' is not a month name", true),
        ("Jumat, 18 Mei 2017", "is a Thursday, not a Friday", false),
        ("", "empty date", true),
        ("next week", "'next week' is not a date", true),
        ("0000-05-18", "outside", true),
    ];
    for (input, reason, lists_forms) in cases {
        let line = env.fails(2, &["create", "Another seminar", "--date", input]);
        assert!(line.contains("--date"), "{input:?}: {line}");
        assert!(line.contains(reason), "{input:?}: {line}");
        if lists_forms {
            assert!(line.contains(ACCEPTED_DATES), "{input:?}: {line}");
        }
    }
}

#[test]
fn every_documented_date_form_is_accepted() {
    let env = Env::new();
    let forms = [
        "2017-05-18",
        "18/05/2017",
        "18 May 2017",
        "18 Mei 2017",
        "Kamis, 18 Mei 2017",
        "Kamis, 18/05/2017",
    ];
    for (index, form) in forms.iter().enumerate() {
        let slug = format!("form-{index}");
        env.ok(&["create", "Date form", "--date", form, "--slug", &slug]);
        let shown = env.json(&["show", &slug]);
        assert_eq!(shown["seminar"]["first_day"], "2017-05-18", "{form}");
        assert_eq!(shown["seminar"]["last_day"], "2017-05-18", "{form}");
    }
}

#[test]
fn bad_times_are_usage_errors_that_name_the_flag() {
    let env = with_one_seminar();
    for input in ["24:00", "9", "09:60", "9 am", ""] {
        for flag in ["--start", "--end"] {
            let line = env.fails(2, &["create", "Timed", "--date", "2017-06-01", flag, input]);
            assert!(line.contains(flag), "{flag} {input:?}: {line}");
            assert!(
                line.contains("not a time of day"),
                "{flag} {input:?}: {line}"
            );
            assert!(line.contains("09:00 or 13.30"), "{flag} {input:?}: {line}");
        }
        let line = env.fails(
            2,
            &[
                "slot",
                "add",
                "kss-2017",
                "Talk",
                "--at",
                input,
                "--minutes",
                "30",
            ],
        );
        assert!(line.contains("--at"), "--at {input:?}: {line}");
        assert!(line.contains("not a time of day"), "--at {input:?}: {line}");
    }
}

#[test]
fn times_take_a_colon_or_a_dot() {
    let env = with_one_seminar();
    env.ok(&[
        "create",
        "Dotted",
        "--date",
        "2017-06-01",
        "--start",
        "09.00",
        "--end",
        "11:30",
        "--slug",
        "dotted",
    ]);
    let seminar = &env.json(&["show", "dotted"])["seminar"];
    assert_eq!(seminar["start_time"], "09:00");
    assert_eq!(seminar["end_time"], "11:30");
    assert_eq!(seminar["starts_at"], "2017-06-01T09:00:00+07:00");

    env.ok(&[
        "slot",
        "add",
        "kss-2017",
        "Dot",
        "--at",
        "09.15",
        "--minutes",
        "30",
    ]);
    env.ok(&[
        "slot",
        "add",
        "kss-2017",
        "Colon",
        "--at",
        "10:00",
        "--minutes",
        "30",
    ]);
    let slots = env.json(&["slot", "list", "kss-2017"]);
    let starts: Vec<&str> = slots
        .as_array()
        .unwrap()
        .iter()
        .map(|slot| slot["starts_at"].as_str().unwrap())
        .collect();
    assert_eq!(
        starts,
        ["2017-05-18T09:15:00+07:00", "2017-05-18T10:00:00+07:00"]
    );
}

#[test]
fn an_end_before_the_start_is_a_usage_error() {
    let env = with_one_seminar();
    let line = env.fails(
        2,
        &[
            "create",
            "Backwards",
            "--date",
            "2017-06-01",
            "--start",
            "12:00",
            "--end",
            "09:00",
        ],
    );
    assert!(line.contains("end"), "{line}");
    assert!(line.contains("12:00"), "{line}");
}

#[test]
fn unknown_zones_are_usage_errors_with_a_suggestion() {
    let env = with_one_seminar();
    let line = env.fails(
        2,
        &[
            "create",
            "Zoned",
            "--date",
            "2017-06-01",
            "--tz",
            "Mars/Base",
        ],
    );
    assert!(line.contains("--tz"), "{line}");
    assert!(line.contains("unknown time zone 'Mars/Base'"), "{line}");
    assert!(line.contains("WIB, WITA, WIT"), "{line}");

    let line = env.fails(
        2,
        &[
            "create",
            "Zoned",
            "--date",
            "2017-06-01",
            "--tz",
            "Asia/Jakart",
        ],
    );
    assert!(line.contains("did you mean Asia/Jakarta?"), "{line}");
}

#[test]
fn indonesian_zone_abbreviations_are_stored_as_iana_names() {
    let env = Env::new();
    for (index, (typed, stored)) in [
        ("WIB", "Asia/Jakarta"),
        ("WITA", "Asia/Makassar"),
        ("WIT", "Asia/Jayapura"),
        ("asia/jakarta", "Asia/Jakarta"),
    ]
    .into_iter()
    .enumerate()
    {
        let slug = format!("zone-{index}");
        env.ok(&[
            "create",
            "Zoned",
            "--date",
            "2017-06-01",
            "--tz",
            typed,
            "--slug",
            &slug,
        ]);
        let seminar = &env.json(&["show", &slug])["seminar"];
        assert_eq!(seminar["time_zone"], stored, "{typed}");
    }
}

#[test]
fn slot_minutes_out_of_range_are_usage_errors() {
    let env = with_one_seminar();
    for minutes in ["0", "-5", "1441", "abc", "99999999999"] {
        let line = env.fails(
            2,
            &[
                "slot",
                "add",
                "kss-2017",
                "Talk",
                "--at",
                "10:00",
                "--minutes",
                minutes,
            ],
        );
        assert!(line.contains("--minutes"), "{minutes}: {line}");
        assert!(line.contains("1 to 1440"), "{minutes}: {line}");
    }
}

#[test]
fn a_venue_capacity_must_be_positive() {
    let env = with_one_seminar();
    for capacity in ["0", "-1"] {
        let line = env.fails(2, &["venue", "add", "Hall", "--capacity", capacity]);
        assert!(line.contains("--capacity"), "{capacity}: {line}");
    }
    assert_eq!(env.json(&["venue", "list"]), serde_json::json!([]));
}

#[test]
fn an_unknown_slug_suggests_the_close_one() {
    let env = with_one_seminar();
    let line = env.fails(1, &["show", "kss-2071"]);
    assert!(line.contains("seminar 'kss-2071' not found"), "{line}");
    assert!(line.contains("did you mean 'kss-2017'?"), "{line}");
}

#[test]
fn an_unknown_slug_suggests_at_most_three_closest_first_and_nothing_unrelated() {
    let env = Env::new();
    for (slug, date) in [
        ("abc-2017", "2017-01-10"),
        ("knhi-2027", "2027-02-10"),
        ("kss-2016", "2016-05-18"),
        ("kss-2017", "2017-05-18"),
        ("kss-2018", "2018-05-18"),
        ("kss-lokakarya-pemuda-2020", "2020-05-18"),
        ("ksx-lokakarya-2019", "2019-05-18"),
        ("kts-2017", "2017-06-18"),
    ] {
        env.create_morning_seminar(slug, date);
    }
    for (typed, suggested) in [
        (
            "kss-2071",
            "did you mean one of: kss-2017, kss-2016, kss-2018?",
        ),
        (
            "ksd-2017",
            "did you mean one of: kss-2017, kts-2017, kss-2016?",
        ),
        (
            "kss-lokakarya-2020",
            "did you mean one of: kss-lokakarya-pemuda-2020, ksx-lokakarya-2019?",
        ),
        ("knhi-2072", "did you mean 'knhi-2027'?"),
        ("seminar-pemuda", "see 'seminar list'"),
    ] {
        let line = env.fails(1, &["show", typed]);
        assert_eq!(
            line,
            format!("error: seminar '{typed}' not found; {suggested}"),
            "{typed}"
        );
    }
}

#[test]
fn an_unknown_seminar_id_is_not_found() {
    let env = with_one_seminar();
    let line = env.fails(1, &["show", "#999"]);
    assert!(line.contains("seminar '#999' not found"), "{line}");
}

#[test]
fn a_malformed_seminar_id_is_a_usage_error() {
    let env = with_one_seminar();
    let line = env.fails(2, &["show", "#abc"]);
    assert!(line.contains("'#abc' is not a seminar"), "{line}");
}

#[test]
fn an_unknown_person_is_not_found() {
    let env = with_one_seminar();
    let line = env.fails(1, &["person", "show", "Nobody Known"]);
    assert!(line.contains("person 'Nobody Known' not found"), "{line}");
}

#[test]
fn removing_someone_who_is_not_a_speaker_is_refused() {
    let env = with_one_seminar();
    env.ok(&["moderator", "assign", "kss-2017", "Valerina Daniel"]);
    let line = env.fails(1, &["speaker", "remove", "kss-2017", "Valerina Daniel"]);
    assert!(
        line.contains("speaker 'Valerina Daniel' not found"),
        "{line}"
    );
    let line = env.fails(1, &["speaker", "remove", "kss-2017", "Nobody Known"]);
    assert!(line.contains("'Nobody Known' not found"), "{line}");
}

#[test]
fn an_unknown_institution_filter_is_not_found() {
    let env = with_one_seminar();
    let line = env.fails(
        1,
        &["speaker", "list", "--institution", "Nowhere Institute"],
    );
    assert!(
        line.contains("institution 'Nowhere Institute' not found"),
        "{line}"
    );
}

#[test]
fn an_unknown_venue_filter_is_not_found() {
    let env = with_one_seminar();
    let line = env.fails(1, &["list", "--venue", "Nowhere Hall"]);
    assert!(line.contains("venue 'Nowhere Hall' not found"), "{line}");
}

#[test]
fn removing_an_unknown_slot_is_not_found() {
    let env = with_one_seminar();
    env.ok(&[
        "slot",
        "add",
        "kss-2017",
        "Opening",
        "--at",
        "09:00",
        "--minutes",
        "15",
    ]);
    for slot in ["#999", "Lunch", "11:00"] {
        let line = env.fails(1, &["slot", "remove", "kss-2017", slot]);
        assert!(line.contains(&format!("slot '{slot}' not found")), "{line}");
    }
    assert_eq!(
        env.json(&["slot", "list", "kss-2017"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

/// Without a terminal nothing is asked: the command names every value it lacks.
#[test]
fn without_a_terminal_missing_values_are_named_not_asked() {
    let env = with_one_seminar();
    let before = env.dump();
    let cases: [(&[&str], &str); 6] = [
        (&["create", "Undated"], "create: missing --date;"),
        (&["create"], "create: missing TITLE, --date;"),
        (
            &["create", "--no-input", "--tz", "WIB"],
            "create: missing TITLE, --date;",
        ),
        (
            &["speaker", "add", "kss-2017"],
            "speaker add: missing NAME;",
        ),
        (
            &["speaker", "add", "kss-2017", "--position", "Dosen"],
            "speaker add: missing NAME;",
        ),
        (
            &["moderator", "assign", "kss-2017"],
            "moderator assign: missing NAME;",
        ),
    ];
    for (args, expected) in cases {
        let line = env.fails(2, args);
        assert!(
            line.starts_with(&format!("error: {expected}")),
            "{args:?}: {line}"
        );
        assert!(line.contains("without --no-input to be asked"), "{line}");
    }
    assert_eq!(env.dump(), before);
}

#[test]
fn a_talk_without_a_start_names_the_missing_flag() {
    let env = with_one_seminar();
    let line = env.fails(
        2,
        &[
            "speaker",
            "add",
            "kss-2017",
            "Asra Virgianita",
            "--talk",
            "A talk",
            "--minutes",
            "30",
        ],
    );
    assert!(line.contains("required"), "{line}");
    assert!(line.contains("--at"), "{line}");
}

#[test]
fn blank_titles_and_names_are_usage_errors() {
    let env = with_one_seminar();
    let line = env.fails(2, &["create", "  ", "--date", "2017-06-01"]);
    assert!(line.contains("title: must not be empty"), "{line}");
    for name in ["", "   "] {
        let line = env.fails(2, &["speaker", "add", "kss-2017", name]);
        assert!(line.contains("name: must not be empty"), "{name:?}: {line}");
    }
}

#[test]
fn a_title_of_100_kb_is_refused() {
    let env = with_one_seminar();
    let title = "a".repeat(100_000);
    let line = env.fails(2, &["create", &title, "--date", "2017-06-01"]);
    assert!(line.contains("title"), "{}", &line[..line.len().min(200)]);
    assert!(line.contains("10000"), "{}", &line[..line.len().min(200)]);
}

#[test]
fn emoji_and_right_to_left_text_survive_intact() {
    let env = Env::new();
    let title = "Kerja sama 🤝🇮🇩 التعاون بين بلدان الجنوب";
    env.ok(&["create", title, "--date", "2017-06-01", "--slug", "emoji"]);
    let agenda = env.ok(&["agenda", "emoji"]);
    assert!(agenda.contains(title), "{agenda}");
    assert_eq!(env.json(&["show", "emoji"])["seminar"]["title"], title);
}

#[test]
fn a_malformed_email_is_a_usage_error() {
    let env = with_one_seminar();
    let line = env.fails(
        2,
        &[
            "speaker",
            "add",
            "kss-2017",
            "Someone New",
            "--email",
            "not-an-email",
        ],
    );
    assert!(line.contains("email"), "{line}");
    assert!(line.contains("not-an-email"), "{line}");
}

#[test]
fn a_malformed_phone_is_a_usage_error() {
    let env = with_one_seminar();
    let line = env.fails(
        2,
        &[
            "speaker",
            "add",
            "kss-2017",
            "Someone New",
            "--phone",
            "abc",
        ],
    );
    assert!(line.contains("phone"), "{line}");
    assert!(line.contains("'abc'"), "{line}");
}

#[test]
fn delete_without_a_terminal_asks_for_yes() {
    let env = with_one_seminar();
    let line = env.fails(2, &["delete", "kss-2017"]);
    assert!(line.contains("--yes"), "{line}");
    assert_eq!(
        env.json(&["show", "kss-2017"])["seminar"]["slug"],
        "kss-2017"
    );
}

#[test]
fn delete_with_yes_removes_the_seminar() {
    let env = with_one_seminar();
    let out = env.ok(&["delete", "kss-2017", "--yes"]);
    assert!(out.contains("Deleted kss-2017"), "{out}");
    let line = env.fails(1, &["show", "kss-2017"]);
    assert!(line.contains("not found"), "{line}");
    assert_eq!(env.json(&["list"]), serde_json::json!([]));
}

#[test]
fn an_unknown_seminar_lang_is_a_usage_error() {
    let env = Env::new();
    env.seed();
    let env = env.with_env("SEMINAR_LANG", "fr");
    let line = env.fails(2, &["agenda", "kss-2017"]);
    assert!(line.contains("SEMINAR_LANG"), "{line}");
    assert!(line.contains("'fr'"), "{line}");
}

#[test]
fn an_empty_seminar_lang_counts_as_unset() {
    let env = Env::new();
    env.seed();
    let env = env.with_env("SEMINAR_LANG", "");
    let agenda = env.ok(&["agenda", "kss-2017"]);
    assert!(agenda.contains("Thursday, 18 May 2017"), "{agenda}");
    assert!(agenda.contains("Venue"), "{agenda}");
    assert!(!agenda.contains("Tanggal"), "{agenda}");
}

#[test]
fn seminar_lang_id_gives_indonesian_labels() {
    let env = Env::new();
    env.seed();
    let env = env.with_env("SEMINAR_LANG", "id");
    let agenda = env.ok(&["agenda", "kss-2017"]);
    for label in ["Tanggal", "Tempat", "Pembicara", "Kamis, 18 Mei 2017"] {
        assert!(agenda.contains(label), "missing {label}:\n{agenda}");
    }
}

#[test]
fn a_misspelt_subcommand_suggests_the_right_one() {
    let env = Env::new();
    let line = env.fails(2, &["craete"]);
    assert!(line.contains("'craete'"), "{line}");
    assert!(line.contains("tip"), "{line}");
    assert!(line.contains("'create'"), "{line}");
}

#[test]
fn help_and_version_go_to_stdout() {
    let env = Env::new();
    let help = env.run(&["--help"]);
    assert_eq!(help.code, 0, "{}", help.stderr);
    assert!(help.stdout.contains("Usage: seminar"), "{}", help.stdout);
    assert!(help.stdout.contains("Exit codes"), "{}", help.stdout);
    assert_eq!(help.stderr, "");

    let version = env.run(&["--version"]);
    assert_eq!(version.code, 0, "{}", version.stderr);
    assert_eq!(
        version.stdout.trim(),
        format!("seminar {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(version.stderr, "");
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    let env = Env::new();
    let commands: [&[&str]; 23] = [
        &["create"],
        &["list"],
        &["show"],
        &["edit"],
        &["cancel"],
        &["delete"],
        &["agenda"],
        &["check"],
        &["speaker", "add"],
        &["speaker", "remove"],
        &["speaker", "list"],
        &["moderator", "assign"],
        &["moderator", "unassign"],
        &["venue", "add"],
        &["venue", "list"],
        &["venue", "assign"],
        &["institution", "add"],
        &["institution", "list"],
        &["person", "list"],
        &["person", "show"],
        &["slot", "add"],
        &["slot", "list"],
        &["slot", "remove"],
    ];
    for command in commands {
        let mut args = command.to_vec();
        args.push("--help");
        let run = env.run(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(run.stdout.contains("Usage:"), "{args:?}: {}", run.stdout);
        assert!(run.stdout.contains("Example"), "{args:?}: {}", run.stdout);
        assert!(
            run.stdout
                .contains(&format!("seminar {}", command.join(" "))),
            "{args:?}: the example does not use the command: {}",
            run.stdout
        );
    }
    assert!(!env.db.exists(), "help created the database");
}

#[test]
fn a_closed_pipe_ends_list_quietly() {
    let env = Env::new();
    // Long titles make the listing far bigger than a pipe's buffer, so the write must fail.
    let title = "Cooperation ".repeat(125);
    for day in 0..60 {
        let date = format!("2017-06-{:02}", day % 28 + 1);
        let slug = format!("pipe-{day}");
        env.ok(&["create", &title, "--date", &date, "--slug", &slug]);
    }
    assert!(env.ok(&["list"]).len() > 200_000);

    let mut child = env
        .command()
        .arg("list")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let output = child.wait_with_output().expect("the binary ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
    assert_eq!(stderr, "");
}
