//! Time zones come from the IANA database bundled in the binary: what the machine's own
//! zoneinfo holds (`TZDIR`, /usr/share/zoneinfo) changes no output.

use crate::support::{Env, redact_uids};

/// Everything the zone-sensitive commands print for seminars across a clock change, in the
/// Indonesian zones and in 1900 Jakarta (+07:07:12), and the refusal of a mistyped zone.
fn zone_answers(env: &Env) -> Vec<String> {
    let create = |title: &str, date: &str, start: &str, end: &str, zone: &str, slug: &str| {
        env.ok(&[
            "create", title, "--date", date, "--start", start, "--end", end, "--tz", zone,
            "--slug", slug,
        ])
    };
    let mut answers = vec![
        create(
            "Night",
            "2017-10-29",
            "00:30",
            "04:00",
            "Europe/Berlin",
            "night",
        ),
        create(
            "Spring",
            "2017-03-26",
            "01:00",
            "04:00",
            "europe/berlin",
            "spring",
        ),
        create("East", "2017-05-18", "09:00", "12:00", "WIT", "east"),
        create("Centre", "2017-05-19", "09:00", "12:00", "WITA", "centre"),
        create("Old", "1900-05-18", "09:00", "12:00", "Asia/Jakarta", "old"),
    ];
    for (seminar, at) in [("night", "01:30"), ("spring", "01:30"), ("old", "09:30")] {
        let added = [
            "slot",
            "add",
            seminar,
            "Talk",
            "--at",
            at,
            "--minutes",
            "90",
        ];
        answers.push(env.ok(&added));
    }
    for seminar in ["night", "spring", "east", "centre", "old"] {
        answers.push(env.ok(&["agenda", seminar]));
        answers.push(env.ok(&["agenda", seminar, "--lang", "id"]));
        for format in ["json", "ics", "frab", "csv"] {
            answers.push(env.ok(&["agenda", seminar, "--format", format]));
        }
    }
    answers.push(env.ok(&["slot", "list", "old", "--json"]));
    let mistyped = [
        "create",
        "Typo",
        "--date",
        "2017-06-01",
        "--tz",
        "Europe/Berln",
    ];
    answers.push(env.fails(2, &mistyped));
    answers.into_iter().map(|text| redact_uids(&text)).collect()
}

#[test]
fn zone_answers_are_the_same_without_the_machines_zoneinfo() {
    let usual = zone_answers(&Env::new());
    let joined = usual.join("\n");
    for expected in [
        "01:30 CEST–02:00 CET",
        "01.00 CET–04.00 CEST",
        "WIT",
        "WITA",
        "1900-05-18T02:22:48Z",
        "DTSTART:20171028T223000Z",
        "X-WR-TIMEZONE:Europe/Berlin",
        "<time_zone_name>Europe/Berlin</time_zone_name>",
        "did you mean Europe/Berlin?",
    ] {
        assert!(joined.contains(expected), "{expected} in:\n{joined}");
    }
    let empty = tempfile::tempdir().unwrap();
    for zoneinfo in [empty.path().to_path_buf(), empty.path().join("missing")] {
        let env = Env::new().with_env("TZDIR", zoneinfo.to_str().unwrap());
        assert_eq!(zone_answers(&env), usual, "TZDIR={}", zoneinfo.display());
    }
}
