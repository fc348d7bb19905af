//! A corpus of bad input, table-driven: impossible dates and times, out-of-range numbers,
//! empty and 100 kB texts, malformed and hostile import files (CSV, JSON, XML), unusable
//! database files, unknown flags, commands and names. Each case must end with its exit code
//! (never 0, never a panic), exactly one line on stderr, nothing on stdout, and every file
//! in the test's folder (the seeded database among them) byte for byte as before.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Value, json};

use crate::support::Env;

struct Case {
    args: Vec<String>,
    /// A file to write first; `{file}` in `args` is its path.
    file: Option<(String, Vec<u8>)>,
    env: Vec<(String, String)>,
    code: i32,
    /// Needs a folder that the process cannot write to, which root can.
    needs_non_root: bool,
}

fn case(code: i32, args: &[&str]) -> Case {
    Case {
        args: args.iter().map(|arg| arg.to_string()).collect(),
        file: None,
        env: Vec::new(),
        code,
        needs_non_root: false,
    }
}

/// An import of `bytes`, written to a file called `name`, with more arguments after it.
fn import(name: &str, bytes: impl Into<Vec<u8>>, more: &[&str]) -> Case {
    let mut args = vec!["import", "{file}"];
    args.extend_from_slice(more);
    case(1, &args).file(name, bytes)
}

impl Case {
    fn file(mut self, name: &str, bytes: impl Into<Vec<u8>>) -> Self {
        self.file = Some((name.to_string(), bytes.into()));
        self
    }

    fn env(mut self, name: &str, value: &str) -> Self {
        self.env.push((name.to_string(), value.to_string()));
        self
    }

    fn code(mut self, code: i32) -> Self {
        self.code = code;
        self
    }

    fn label(&self) -> String {
        let mut label = self.args.join(" ");
        if let Some((name, bytes)) = &self.file {
            let shown = String::from_utf8_lossy(&bytes[..bytes.len().min(60)]).into_owned();
            label.push_str(&format!(" [{name}: {shown:?}]"));
        }
        for (name, value) in &self.env {
            label.push_str(&format!(" [{name}={value}]"));
        }
        if label.chars().count() > 160 {
            label = label.chars().take(160).collect::<String>() + "…";
        }
        label
    }
}

const LONG: usize = 100_000;

fn long() -> String {
    "x".repeat(LONG)
}

fn date_cases() -> Vec<Case> {
    let mut cases: Vec<Case> = [
        "31/02/2017",
        "29/02/2017",
        "00/01/2017",
        "32/01/2017",
        "2017-13-01",
        "2017-00-10",
        "2017-02-30",
        "9999-12-31",
        "01/01/9999",
        "99999-01-01",
        "0000-01-01",
        "18/05/17",
        "2017/05/18",
        "Jumat, 18/05/2017",
        "18 Foo 2017",
        "",
        "   ",
        "2017-05-18T09:00",
        "1e3",
        "yesterday-ish",
    ]
    .iter()
    .map(|date| case(2, &["create", "Dated", "--date", date, "--slug", "dated"]))
    .collect();
    cases.extend([
        case(2, &["create", "Dated", "--date=-1/05/2017"]),
        case(
            2,
            &[
                "create",
                "Dated",
                "--date",
                "2017-06-02",
                "--until",
                "2017-06-01",
            ],
        ),
        case(
            2,
            &[
                "slot",
                "add",
                "kss-2017",
                "Day",
                "--at",
                "09:00",
                "--minutes",
                "10",
                "--on",
                "31/02/2017",
            ],
        ),
        case(2, &["list", "--from", "2017-13-01"]),
        case(2, &["export", "--format", "json", "--to", "00/00/0000"]),
        case(2, &["agenda", "--from", "29/02/2019"]),
        case(2, &["edit", "kss-2017", "--date", "2017-02-30"]),
    ]);
    cases
}

fn time_cases() -> Vec<Case> {
    let mut cases: Vec<Case> = [
        "24:00", "25:00", "09:60", "9", "0900", "09:00:00", "", "noon", "23:59:60", "9 am", "09h00",
    ]
    .iter()
    .map(|at| {
        case(
            2,
            &[
                "slot",
                "add",
                "kss-2017",
                "Timed",
                "--at",
                at,
                "--minutes",
                "10",
            ],
        )
    })
    .collect();
    cases.extend([
        case(
            2,
            &[
                "slot",
                "add",
                "kss-2017",
                "Timed",
                "--at=-1:00",
                "--minutes",
                "10",
            ],
        ),
        case(
            2,
            &[
                "slot",
                "add",
                "kss-2017",
                "Timed",
                "--at",
                "-1:00",
                "--minutes",
                "10",
            ],
        ),
        case(
            2,
            &[
                "create",
                "Timed",
                "--date",
                "2017-06-01",
                "--start",
                "24:00",
            ],
        ),
        case(
            2,
            &[
                "create",
                "Timed",
                "--date",
                "2017-06-01",
                "--start",
                "10:00",
                "--end",
                "09:00",
            ],
        ),
        case(2, &["edit", "kss-2017", "--end", "08:00"]),
    ]);
    cases
}

fn number_cases() -> Vec<Case> {
    let mut cases: Vec<Case> = [
        "-5",
        "0",
        "1441",
        "99999999999999999999",
        "abc",
        "",
        "1.5",
        "0x10",
        "10min",
        "-0",
    ]
    .iter()
    .map(|minutes| {
        case(
            2,
            &[
                "slot",
                "add",
                "kss-2017",
                "Counted",
                "--at",
                "09:00",
                "--minutes",
                minutes,
            ],
        )
    })
    .collect();
    cases.push(case(
        2,
        &[
            "speaker",
            "add",
            "kss-2017",
            "Talk Giver",
            "--talk",
            "A talk",
            "--at",
            "09:00",
            "--minutes",
            "0",
        ],
    ));
    cases.extend(
        ["0", "-1", "1000001", "99999999999999999999", "many", ""]
            .iter()
            .map(|capacity| case(2, &["venue", "add", "Counted Hall", "--capacity", capacity])),
    );
    cases
}

fn zone_cases() -> Vec<Case> {
    let mut cases: Vec<Case> = [
        "Mars/Olympus",
        "WIBB",
        "",
        "UTC+25",
        "+07:00",
        "Asia/Jakarta/Extra",
        "../../etc/passwd",
    ]
    .iter()
    .map(|zone| {
        case(
            2,
            &["create", "Zoned", "--date", "2017-06-01", "--tz", zone],
        )
    })
    .collect();
    cases
        .push(case(2, &["create", "Zoned", "--date", "2017-06-01"]).env("SEMINAR_TZ", "Mars/Base"));
    cases
}

fn text_cases() -> Vec<Case> {
    let long = long();
    let long = long.as_str();
    vec![
        // 100 kB
        case(2, &["create", long, "--date", "2017-06-01"]),
        case(
            2,
            &["create", "Long", "--date", "2017-06-01", "--venue", long],
        ),
        case(
            2,
            &[
                "create",
                "Long",
                "--date",
                "2017-06-01",
                "--organizer",
                long,
            ],
        ),
        case(
            2,
            &["create", "Long", "--date", "2017-06-01", "--subtitle", long],
        ),
        case(
            2,
            &[
                "create",
                "Long",
                "--date",
                "2017-06-01",
                "--description",
                long,
            ],
        ),
        case(
            2,
            &["create", "Long", "--date", "2017-06-01", "--slug", long],
        ),
        case(2, &["speaker", "add", "kss-2017", long]),
        case(
            2,
            &[
                "speaker",
                "add",
                "kss-2017",
                "Ann Long",
                "--institution",
                long,
            ],
        ),
        case(
            2,
            &["speaker", "add", "kss-2017", "Ann Long", "--position", long],
        ),
        case(2, &["moderator", "assign", "kss-2017", long]),
        case(2, &["venue", "add", long]),
        case(2, &["venue", "add", "Long Hall", "--address", long]),
        case(2, &["venue", "assign", "kss-2017", long]),
        case(2, &["institution", "add", long]),
        case(
            2,
            &["institution", "add", "Long Institute", "--short", long],
        ),
        case(
            2,
            &[
                "slot",
                "add",
                "kss-2017",
                long,
                "--at",
                "09:00",
                "--minutes",
                "5",
            ],
        ),
        case(1, &["person", "show", long]),
        case(1, &["show", long]),
        // empty
        case(2, &["create", "", "--date", "2017-06-01"]),
        case(2, &["create", "   ", "--date", "2017-06-01"]),
        case(
            2,
            &["create", "Empty", "--date", "2017-06-01", "--slug", ""],
        ),
        case(
            2,
            &["create", "Empty", "--date", "2017-06-01", "--organizer", ""],
        ),
        case(2, &["speaker", "add", "kss-2017", ""]),
        case(2, &["speaker", "add", "kss-2017", "..."]),
        case(2, &["moderator", "assign", "kss-2017", "  "]),
        case(2, &["venue", "add", ""]),
        case(2, &["venue", "assign", "kss-2017", ""]),
        case(2, &["institution", "add", ""]),
        case(
            2,
            &[
                "slot",
                "add",
                "kss-2017",
                "",
                "--at",
                "09:00",
                "--minutes",
                "5",
            ],
        ),
        // malformed
        case(
            2,
            &[
                "create",
                "Slugged",
                "--date",
                "2017-06-01",
                "--slug",
                "Bad Slug!",
            ],
        ),
        case(
            2,
            &[
                "speaker",
                "add",
                "kss-2017",
                "Ann Mail",
                "--email",
                "not-an-email",
            ],
        ),
        case(
            2,
            &[
                "speaker",
                "add",
                "kss-2017",
                "Ann Phone",
                "--phone",
                "call me",
            ],
        ),
        case(2, &["show", "#abc"]),
        case(2, &["show", "#99999999999999999999"]),
    ]
}

/// The seed seminar as `export --format json` writes it, changed by `change` after its uid,
/// slug, day and rundown are made new (so that it would import, but for the change).
fn archive(env: &Env, change: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut document: Value =
        serde_json::from_str(&env.ok(&["export", "--format", "json", "-o", "-"])).unwrap();
    let programme = &mut document["seminars"][0];
    let seminar = &mut programme["seminar"];
    seminar["uid"] = Value::Null;
    seminar["slug"] = json!("imported-2017");
    seminar["first_day"] = json!("2017-06-15");
    seminar["last_day"] = json!("2017-06-15");
    programme["slots"] = json!([]);
    change(&mut document);
    serde_json::to_vec_pretty(&document).unwrap()
}

/// A change to make to the archive.
type Change = Box<dyn FnOnce(&mut Value)>;

fn seminar_field(document: &mut Value, field: &str, value: Value) {
    document["seminars"][0]["seminar"][field] = value;
}

const CSV_HEADER: &str = "name,position,institution,talk,start,minutes,date,role,email\n";

fn csv_cases() -> Vec<Case> {
    let on_seed = ["--seminar", "kss-2017"];
    let row = |cells: &str| format!("{CSV_HEADER}{cells}\n");
    let mut garbage = Vec::new();
    let mut state: u64 = 2017;
    for _ in 0..4096 {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        garbage.push((state >> 56) as u8);
    }
    vec![
        import("empty.csv", "", &on_seed),
        import("header-only.csv", CSV_HEADER, &on_seed),
        import("blank-rows.csv", format!("{CSV_HEADER}\n\n ,\n"), &on_seed),
        import(
            "quote.csv",
            "name,position\n\"Ann Quote,Pos\nBob,Pos\n",
            &on_seed,
        ),
        import(
            "fields.csv",
            "name,position\nAnn Fields,Pos,Extra\n",
            &on_seed,
        ),
        import(
            "few-fields.csv",
            "name,position,institution\nAnn Few\n",
            &on_seed,
        ),
        import("column.csv", "name,shoe size\nAnn Shoe,42\n", &on_seed),
        import("no-name.csv", "position\nDirector\n", &on_seed),
        import("twice.csv", "name,Name\nAnn,Bob\n", &on_seed),
        import("nul-header.csv", "name\0,position\nAnn Nul,Pos\n", &on_seed),
        import(
            "escape-header.csv",
            "name,\x1b[2J\x1b[31mred\r\nAnn,x\n",
            &on_seed,
        ),
        import("nul-cell.csv", "name,position\nAnn\0Nul,Pos\n", &on_seed),
        import(
            "latin1.csv",
            b"name,position\nAnn \xe9t\xe9,Pos\n".to_vec(),
            &on_seed,
        ),
        import("utf16.csv", b"\xff\xfen\0a\0m\0e\0\n\0".to_vec(), &on_seed),
        import("garbage.csv", garbage, &on_seed),
        import("seminar.csv", "name,seminar\nAnn Where,nope-2017\n", &[]),
        import("no-seminar.csv", "name\nAnn Nowhere\n", &[]),
        import("unknown.csv", "name\nAnn Unknown\n", &["--seminar", "nope"]),
        import("role.csv", row("Ann Role,,,,,,,chair,"), &on_seed),
        import(
            "half-talk.csv",
            row("Ann Half,,,A talk,09:00,,,,"),
            &on_seed,
        ),
        import("start.csv", row("Ann Start,,,A talk,25:00,30,,,"), &on_seed),
        import(
            "minutes.csv",
            row("Ann Minutes,,,A talk,09:00,-30,,,"),
            &on_seed,
        ),
        import(
            "huge-minutes.csv",
            row("Ann Huge,,,A talk,09:00,99999999999,,,"),
            &on_seed,
        ),
        import(
            "date.csv",
            row("Ann Date,,,A talk,09:00,30,31/02/2017,,"),
            &on_seed,
        ),
        import("email.csv", row("Ann Email,,,,,,,,not-an-email"), &on_seed),
        import("long.csv", format!("name\n{}\n", long()), &on_seed),
        import(
            "outside.csv",
            row("Ann Late,,,Late talk,11:55,30,,,"),
            &on_seed,
        ),
        import(
            "format.csv",
            "name\nAnn\n",
            &["--seminar", "kss-2017", "--format", "frab"],
        )
        .code(2),
    ]
}

fn json_cases(env: &Env) -> Vec<Case> {
    let exported = env.ok(&["export", "--format", "json", "-o", "-"]);
    let truncated = exported[..exported.len() / 2].to_string();
    let mut cases = vec![
        import("empty.json", "", &[]),
        import("truncated.json", truncated, &[]),
        import(
            "newer.json",
            r#"{"format":"seminar-archive","version":2,"generator":"seminar 9","seminars":[]}"#,
            &[],
        ),
        import(
            "version-text.json",
            r#"{"format":"seminar-archive","version":"1","seminars":[]}"#,
            &[],
        ),
        import(
            "version-huge.json",
            r#"{"format":"seminar-archive","version":1e400,"seminars":[]}"#,
            &[],
        ),
        import(
            "seminars-number.json",
            r#"{"format":"seminar-archive","version":1,"seminars":5}"#,
            &[],
        ),
        // Found by fuzzing: slots were placed on days before the seminar's dates were checked,
        // and finding the day of a slot walked five thousand years of days.
        import(
            "days-far-out-of-range.json",
            include_str!("../../fuzz/corpus/import_json/days-far-out-of-range.json"),
            &[],
        ),
        import(
            "no-seminars.json",
            r#"{"format":"seminar-archive","version":1,"seminars":[]}"#,
            &[],
        ),
        import(
            "other-format.json",
            r#"{"format":"other","version":1,"seminars":[]}"#,
            &[],
        ),
        import("array.json", "[]", &[]),
        import("null.json", "null", &[]),
        import("number.json", "42", &[]),
        import("object.json", "{}", &[]),
        import("deep.json", "[".repeat(100_000), &[]),
        import("bom.json", b"\xef\xbb\xbf{}".to_vec(), &[]),
        import(
            "latin1.json",
            b"{\"seminar\": {\"title\": \"Caf\xe9\"}}".to_vec(),
            &[],
        ),
        import("as-csv.json", exported.clone(), &["--format", "csv"]),
    ];
    let changes: Vec<(&str, Change)> = vec![
        (
            "title-number",
            Box::new(|d| seminar_field(d, "title", json!(5))),
        ),
        (
            "title-nul",
            Box::new(|d| seminar_field(d, "title", json!("A\u{0}B"))),
        ),
        (
            "title-long",
            Box::new(|d| seminar_field(d, "title", json!(long()))),
        ),
        (
            "title-empty",
            Box::new(|d| seminar_field(d, "title", json!("  "))),
        ),
        (
            "day",
            Box::new(|d| seminar_field(d, "first_day", json!("2017-02-31"))),
        ),
        (
            "year",
            Box::new(|d| seminar_field(d, "first_day", json!("9999-06-15"))),
        ),
        (
            "zone",
            Box::new(|d| seminar_field(d, "time_zone", json!("Mars/Base"))),
        ),
        (
            "start",
            Box::new(|d| seminar_field(d, "start_time", json!("25:00"))),
        ),
        (
            "end",
            Box::new(|d| seminar_field(d, "end_time", json!("08:00"))),
        ),
        (
            "status",
            Box::new(|d| seminar_field(d, "status", json!("maybe"))),
        ),
        (
            "uid",
            Box::new(|d| seminar_field(d, "uid", json!("not-a-uid"))),
        ),
        (
            "slug",
            Box::new(|d| seminar_field(d, "slug", json!("Not A Slug"))),
        ),
        (
            "taken-slug",
            Box::new(|d| seminar_field(d, "slug", json!("kss-2017"))),
        ),
        (
            "no-seminar",
            Box::new(|d| {
                d["seminars"][0].as_object_mut().unwrap().remove("seminar");
            }),
        ),
        (
            "speaker-number",
            Box::new(|d| d["seminars"][0]["speakers"] = json!([{"name": 5}])),
        ),
        (
            "speakers-text",
            Box::new(|d| d["seminars"][0]["speakers"] = json!("everyone")),
        ),
        (
            "capacity",
            Box::new(|d| seminar_field(d, "venue", json!({"name": "Hall", "capacity": -3}))),
        ),
        (
            "slot-minutes",
            Box::new(|d| {
                d["seminars"][0]["slots"] = json!([{
                    "kind": "talk", "title": "Long", "minutes": 100000,
                    "starts_at": "2017-06-15T09:00:00+07:00"
                }])
            }),
        ),
        (
            "slot-kind",
            Box::new(|d| {
                d["seminars"][0]["slots"] = json!([{
                    "kind": "party", "title": "Party", "minutes": 10,
                    "starts_at": "2017-06-15T09:00:00+07:00"
                }])
            }),
        ),
        (
            "slot-instant",
            Box::new(|d| {
                d["seminars"][0]["slots"] = json!([{
                    "kind": "talk", "title": "When", "minutes": 10, "starts_at": "soon"
                }])
            }),
        ),
    ];
    for (name, change) in changes {
        cases.push(import(&format!("{name}.json"), archive(env, change), &[]));
    }
    cases
}

fn xml_cases() -> Vec<Case> {
    let fixture = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pretalx-schedule.xml"),
    )
    .unwrap();
    let changed = |from: &str, to: &str| {
        assert!(fixture.contains(from), "the fixture has no {from}");
        fixture.replacen(from, to, 1)
    };
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE schedule [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<schedule><conference><title>&lol9;</title></conference></schedule>
"#;
    vec![
        import("empty.xml", "", &[]),
        import(
            "unclosed.xml",
            "<schedule><conference><title>X</title>",
            &[],
        ),
        import("mismatched.xml", changed("</title>", "</titel>"), &[]),
        import(
            "root.xml",
            "<?xml version=\"1.0\"?><html><body/></html>",
            &[],
        ),
        import("two-roots.xml", "<schedule/><schedule/>", &[]),
        import("text.xml", "just some text, not XML", &[]),
        import(
            "xxe.xml",
            "<?xml version=\"1.0\"?><!DOCTYPE schedule [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><schedule><conference><title>&xxe;</title></conference></schedule>",
            &[],
        ),
        import("laughs.xml", laughs, &[]),
        // An entity that only an external DTD could define; nothing is fetched.
        import(
            "external-dtd.xml",
            changed(
                "<schedule>",
                "<!DOCTYPE schedule SYSTEM \"http://example.invalid/schedule.dtd\"><schedule>",
            )
            .replacen("&amp;", "&defined-elsewhere;", 1),
            &[],
        ),
        import(
            "parameter-entity.xml",
            changed(
                "<schedule>",
                "<!DOCTYPE schedule [<!ENTITY % remote SYSTEM \"http://example.invalid/x.dtd\"> %remote;]><schedule>",
            ),
            &[],
        ),
        import("entity.xml", changed("&amp;", "&unknown;"), &[]),
        import(
            "date.xml",
            changed(
                "<date>2024-08-15T10:00:00+02:00",
                "<date>2024-02-31T10:00:00+02:00",
            ),
            &[],
        ),
        import(
            "duration.xml",
            changed("<duration>00:15", "<duration>-00:15"),
            &[],
        ),
        import(
            "duration-huge.xml",
            changed("<duration>00:15", "<duration>99:99"),
            &[],
        ),
        import("zone.xml", changed("Europe/Berlin", "Mars/Base"), &[]),
        import(
            "nul.xml",
            changed("Opening &amp; welcome", "Open\0ing"),
            &[],
        ),
        import(
            "latin1.xml",
            {
                let mut bytes = changed("Opening &amp; welcome", "Opening").into_bytes();
                let at = bytes.windows(7).position(|w| w == b"Opening").unwrap();
                bytes[at] = 0xd6;
                bytes
            },
            &[],
        ),
        import("as-json.xml", fixture.clone(), &["--format", "json"]),
    ]
}

/// Names and titles typed with control characters: an escape sequence, a bell, a tab, a
/// line break, DEL and a C1 CSI, in each field a person types (a description may have
/// line breaks, nothing else).
/// Our own frab export of two seminars, broken in the parts only `seminar` reads: each
/// seminar's record (a conference track) and the event slugs that name the seminars.
fn own_frab_cases(env: &Env) -> Vec<Case> {
    let source = Env::new();
    for (slug, date) in [("frab-one", "2030-03-04"), ("frab-two", "2030-03-05")] {
        source.ok(&[
            "create",
            slug,
            "--date",
            date,
            "--start",
            "09:00",
            "--end",
            "10:00",
            "--tz",
            "WIB",
            "--venue",
            "Ruang Frab",
            "--slug",
            slug,
        ]);
    }
    source.ok(&[
        "speaker",
        "add",
        "frab-one",
        "Frab Speaker",
        "--talk",
        "Frab talk",
        "--at",
        "09:00",
        "--minutes",
        "30",
    ]);
    let file = source.dir().join("both.xml");
    source.ok(&["export", "--format", "frab", "-o", file.to_str().unwrap()]);
    let xml = std::fs::read_to_string(&file).unwrap();
    env.ok(&["import", file.to_str().unwrap(), "--dry-run"]);
    let changed = |from: &str, to: &str| {
        assert!(xml.contains(from), "the export has no {from}");
        xml.replacen(from, to, 1)
    };
    vec![
        import(
            "record.xml",
            changed("slug=\"frab-one\">{", "slug=\"frab-one\">{seminar,"),
            &[],
        ),
        import(
            "record.xml",
            changed("\"seminar\":{", "\"seminars\":{"),
            &[],
        ),
        import(
            "record.xml",
            changed(
                "\"time_zone\":\"Asia/Jakarta\"",
                "\"time_zone\":\"Mars/Base\"",
            ),
            &[],
        ),
        import(
            "record.xml",
            changed("\"role_ids\":[1]", "\"role_ids\":[99]"),
            &[],
        ),
        import(
            "slug.xml",
            changed("-frab-one</slug>", "-frab-three</slug>"),
            &[],
        ),
    ]
}

fn typed_control_character_cases() -> Vec<Case> {
    let hostile = [
        "Evil \u{1b}]0;pwned\u{7}",
        "Evil \u{1b}[2J\u{1b}[31mRED",
        "Tab\there",
        "Two\nlines",
        "Delete\u{7f}",
        "C1 \u{9b}31m",
    ];
    let mut cases = Vec::new();
    for text in hostile {
        let create = |flag: &str| case(2, &["create", "Plain", "--date", "2017-06-01", flag, text]);
        let speaker = |more: &[&str]| {
            let mut args = vec!["speaker", "add", "kss-2017", "Plain Person"];
            args.extend_from_slice(more);
            case(2, &args)
        };
        cases.extend([
            case(2, &["create", text, "--date", "2017-06-01"]),
            create("--subtitle"),
            create("--organizer"),
            create("--venue"),
            case(2, &["edit", "kss-2017", "--title", text]),
            case(2, &["venue", "add", text]),
            case(2, &["venue", "add", "Plain Hall", "--address", text]),
            case(2, &["institution", "add", text]),
            case(
                2,
                &["institution", "add", "Plain Institute", "--short", text],
            ),
            case(2, &["speaker", "add", "kss-2017", text]),
            speaker(&["--position", text]),
            speaker(&["--institution", text]),
            speaker(&["--talk", text, "--at", "11:00", "--minutes", "5"]),
            case(2, &["moderator", "assign", "kss-2017", text]),
            case(
                2,
                &[
                    "slot",
                    "add",
                    "kss-2017",
                    text,
                    "--at",
                    "11:00",
                    "--minutes",
                    "5",
                ],
            ),
        ]);
        if !text.contains('\n') {
            cases.push(create("--description"));
        }
    }
    cases
}

/// Unknown names typed with bidi overrides, isolates and zero-width characters: the error
/// line names them escaped.
fn invisible_character_cases() -> Vec<Case> {
    vec![
        case(1, &["show", "kss\u{202e}7102"]),
        case(1, &["person", "show", "Ann\u{2066}\u{200b}Nobody"]),
        case(1, &["slot", "list", "\u{feff}kss-2017\u{200f}"]),
        case(
            1,
            &[
                "speaker",
                "remove",
                "kss-2017",
                "Ann\u{61c}\u{2060}\u{200d}Nobody",
            ],
        ),
    ]
}

/// frab files with characters that XML 1.0 forbids, raw or as references, in element text
/// and in attributes.
fn xml_forbidden_character_cases() -> Vec<Case> {
    let fixture = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pretalx-schedule.xml"),
    )
    .unwrap();
    let changed = |from: &str, to: &str| {
        assert!(fixture.contains(from), "the fixture has no {from}");
        fixture.replacen(from, to, 1)
    };
    vec![
        import(
            "ref-escape.xml",
            changed("Opening &amp;", "Opening &#27;[2J"),
            &[],
        ),
        import(
            "ref-hex.xml",
            changed("Opening &amp;", "Opening &#x1B;]0;x&#x7;"),
            &[],
        ),
        import(
            "ref-fffe.xml",
            changed("Opening &amp;", "Opening &#xFFFE;"),
            &[],
        ),
        import("ref-nul.xml", changed("Opening &amp;", "Opening &#0;"), &[]),
        import(
            "raw-soh.xml",
            changed("Opening &amp;", "Opening \u{1}"),
            &[],
        ),
        import(
            "raw-escape.xml",
            changed("Opening &amp;", "Opening \u{1b}[31m"),
            &[],
        ),
        import(
            "raw-fffe.xml",
            changed("Opening &amp;", "Opening \u{fffe}"),
            &[],
        ),
        import(
            "attribute-ref.xml",
            changed(
                "<room name=\"Main Hall\"",
                "<room name=\"Main&#27;]0;x&#7;Hall\"",
            ),
            &[],
        ),
        import(
            "attribute-raw.xml",
            changed(
                "public_name=\"Jane Example\"",
                "public_name=\"Jane\u{1}Example\"",
            ),
            &[],
        ),
        import(
            "conference-ref.xml",
            changed("<title>Demo Con 2024", "<title>Demo &#x9B;Con 2024"),
            &[],
        ),
        // XML allows C1 controls and DEL, but a title may not hold them.
        import(
            "raw-c1.xml",
            changed("Opening &amp;", "Opening \u{9b}31m"),
            &[],
        ),
        import(
            "raw-del.xml",
            changed("Opening &amp;", "Opening \u{7f}"),
            &[],
        ),
        import(
            "person-tab.xml",
            changed(">Jane Example<", ">Jane\tExample<"),
            &[],
        ),
    ]
}

/// CSV and JSON imports with control characters in names and titles.
fn import_control_character_cases(env: &Env) -> Vec<Case> {
    let on_seed = ["--seminar", "kss-2017"];
    let mut cases = Vec::new();
    for (column, value) in [
        ("name", "Evil \u{1b}]0;pwned\u{7}"),
        ("position", "Chief \u{1b}[2J"),
        ("institution", "Institute \u{9b}31m"),
        ("talk", "Talk \u{7f}"),
        ("name", "Tab\tName"),
        ("name", "\"Two\nlines\""),
    ] {
        let mut header = vec!["name", "talk", "start", "minutes"];
        let mut row = vec!["Ann Control", "A talk", "11:00", "5"];
        match header.iter().position(|h| *h == column) {
            Some(at) => row[at] = value,
            None => {
                header.push(column);
                row.push(value);
            }
        }
        cases.push(import(
            "control.csv",
            format!("{}\n{}\n", header.join(","), row.join(",")),
            &on_seed,
        ));
    }
    let changes: Vec<Change> = vec![
        Box::new(|d| seminar_field(d, "title", json!("Evil \u{1b}]0;pwned\u{7}"))),
        Box::new(|d| seminar_field(d, "subtitle", json!("Theme \u{1b}[2J"))),
        Box::new(|d| seminar_field(d, "description", json!("About\t\u{1b}[31m"))),
        Box::new(|d| seminar_field(d, "organizers", json!(["Org \u{9b}31m"]))),
        Box::new(|d| seminar_field(d, "title", json!("Two\nlines"))),
        Box::new(|d| {
            d["seminars"][0]["seminar"]["venue"]["name"] = json!("Hall \u{7f}");
        }),
        Box::new(|d| {
            d["seminars"][0]["speakers"][0]["name"] =
                json!("Speaker \u{1b}]8;;http://evil\u{1b}\\");
        }),
        Box::new(|d| {
            d["seminars"][0]["speakers"][0]["position"] = json!("Position \u{7}");
        }),
    ];
    for change in changes {
        cases.push(import("control.json", archive(env, change), &[]));
    }
    cases
}

fn command_line_cases() -> Vec<Case> {
    vec![
        case(2, &["--bogus", "list"]),
        case(2, &["frobnicate"]),
        case(2, &["speaker", "frob"]),
        case(2, &["list", "--bogus"]),
        case(2, &["list", "extra"]),
        case(2, &["create", "No date"]),
        case(2, &["speaker", "add", "kss-2017"]),
        case(2, &["--lang", "xx", "list"]),
        case(2, &["list"]).env("SEMINAR_LANG", "xx"),
        case(2, &["list"]).env("SEMINAR_NOW", "garbage"),
        case(2, &["export", "--format", "pdf", "-o", "x.pdf"]),
        case(2, &["completions", "tcsh"]),
        case(2, &["delete", "kss-2017"]),
        case(2, &["edit", "kss-2017"]),
        case(2, &["import", "{dir}/missing.csv"]),
        case(2, &["import", "{dir}"]),
        import("notes.txt", "name\nAnn\n", &["--seminar", "kss-2017"]).code(2),
        case(2, &["import", "{dir}/x.csv", "--format", "yaml"]),
        case(2, &["export", "--format", "json", "-o", "{dir}"]),
        case(
            1,
            &["export", "--format", "json", "-o", "{dir}/missing/x.json"],
        ),
        case(2, &["man", "--dir", "{file}"]).file("plain.txt", "not a folder"),
        case(2, &["list"])
            .env("SEMINAR_CONFIG", "{file}")
            .file("broken.toml", "db = [1, 2"),
        case(2, &["list"])
            .env("SEMINAR_CONFIG", "{file}")
            .file("lang.toml", "lang = \"xx\""),
        case(2, &["list"])
            .env("SEMINAR_CONFIG", "{file}")
            .file("key.toml", "colour = \"red\""),
        case(2, &["list"])
            .env("SEMINAR_CONFIG", "{file}")
            .file("latin1.toml", b"tz = \"Asia/Jakart\xe9\"".to_vec()),
    ]
}

fn unknown_name_cases() -> Vec<Case> {
    vec![
        case(1, &["show", "nope"]),
        case(1, &["show", "#0"]),
        case(1, &["show", "#999"]),
        case(1, &["show", ""]),
        case(1, &["agenda", "nope"]),
        case(1, &["cancel", "nope"]),
        case(1, &["check", "nope"]),
        case(1, &["slot", "list", "nope"]),
        case(
            1,
            &[
                "slot",
                "add",
                "nope",
                "Slot",
                "--at",
                "09:00",
                "--minutes",
                "5",
            ],
        ),
        case(1, &["slot", "remove", "kss-2017", "#999"]),
        case(1, &["slot", "remove", "kss-2017", "No such slot"]),
        case(1, &["speaker", "add", "nope", "Ann Nope"]),
        case(1, &["speaker", "remove", "kss-2017", "Nobody Here"]),
        case(1, &["speaker", "list", "nope"]),
        case(1, &["speaker", "list", "--institution", "Nowhere"]),
        case(1, &["moderator", "unassign", "kss-2017", "Nobody Here"]),
        case(1, &["venue", "assign", "nope", "Aula"]),
        case(1, &["list", "--venue", "Nowhere"]),
        case(1, &["person", "show", "Nobody Here"]),
        case(1, &["person", "merge", "Nobody Here", "Valerina Daniel"]),
        case(1, &["institution", "merge", "Nowhere", "Kemlu"]),
        case(1, &["institution", "edit", "Nowhere", "--short", "NW"]),
        // Refused by a rule or a near-duplicate name.
        case(1, &["speaker", "add", "kss-2017", "Dinur krismasari"]),
        case(
            1,
            &[
                "speaker",
                "add",
                "kss-2017",
                "Ratna Sari",
                "--institution",
                "Kementerian Luar Negri",
            ],
        ),
        case(1, &["institution", "add", "Kementerian Luar Negri"]),
        case(
            1,
            &[
                "create",
                "Taken",
                "--date",
                "2017-06-01",
                "--slug",
                "kss-2017",
            ],
        ),
        case(
            1,
            &[
                "create",
                "Same hall",
                "--date",
                "2017-05-18",
                "--start",
                "10:00",
                "--end",
                "11:00",
                "--tz",
                "WIB",
                "--venue",
                "Auditorium Juwono Sudarsono",
            ],
        ),
        case(
            1,
            &[
                "slot",
                "add",
                "kss-2017",
                "Too late",
                "--at",
                "11:55",
                "--minutes",
                "30",
            ],
        ),
    ]
}

/// Files the process must not be able to use as a database.
/// People named in a malformed way, or in a way that would merge two people.
fn person_reference_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for reference in [
        "#abc",
        "#0",
        "#-1",
        "Name (",
        "Name (ITB",
        "Name ()",
        "Name <bad",
        "Name <bad>",
    ] {
        cases.extend([
            case(2, &["person", "show", reference]),
            case(2, &["speaker", "add", "kss-2017", reference]),
            case(2, &["speaker", "remove", "kss-2017", reference]),
            case(2, &["moderator", "assign", "kss-2017", reference]),
            case(2, &["moderator", "unassign", "kss-2017", reference]),
            case(
                2,
                &[
                    "slot",
                    "add",
                    "kss-2017",
                    "Panel",
                    "--at",
                    "11:50",
                    "--minutes",
                    "5",
                    "--speaker",
                    reference,
                ],
            ),
            case(
                2,
                &["person", "merge", reference, "Valerina Daniel", "--yes"],
            ),
            case(
                2,
                &["person", "merge", "Valerina Daniel", reference, "--yes"],
            ),
        ]);
    }
    cases.extend([
        case(1, &["person", "show", "#999"]),
        case(1, &["person", "show", "Dinur Krismasari (INFID)"]),
        case(
            1,
            &["person", "show", "Dinur Krismasari <dinur@example.org>"],
        ),
        // The file's Dinur is of another institution than the one on record.
        import(
            "other-dinur.csv",
            "name,institution\r\nDinur Krismasari,INFID\r\n",
            &["--seminar", "kss-2017"],
        ),
        import(
            "bad-reference.csv",
            "name\r\nDinur Krismasari <dinur\r\n",
            &["--seminar", "kss-2017"],
        ),
    ]);
    cases
}

fn database_cases(env: &Env) -> Vec<Case> {
    let dir = env.dir().to_str().unwrap().to_string();
    let newer = env.dir().join("newer.db");
    std::fs::copy(&env.db, &newer).unwrap();
    let conn = rusqlite::Connection::open(&newer).unwrap();
    conn.pragma_update(None, "user_version", 999).unwrap();
    drop(conn);
    let foreign = env.dir().join("foreign.db");
    let conn = rusqlite::Connection::open(&foreign).unwrap();
    conn.execute_batch("CREATE TABLE foo (x INTEGER); INSERT INTO foo VALUES (42);")
        .unwrap();
    drop(conn);
    let mut read_only = case(
        1,
        &["--db", "{dir}/locked/seminar.db", "venue", "add", "Aula"],
    );
    read_only.needs_non_root = true;
    vec![
        case(1, &["--db", "{file}", "venue", "list"])
            .file("notes.db", "Agenda ideas\n- invite JICA\n".repeat(100)),
        case(1, &["--db", "{file}", "show", "kss-2017"]).file("empty.db", ""),
        case(1, &["--db", "{file}/seminar.db", "venue", "add", "Aula"])
            .file("plain-file", "not a folder"),
        case(
            1,
            &[
                "--db",
                &format!("{dir}/missing/folder/seminar.db"),
                "show",
                "kss-2017",
            ],
        ),
        case(
            1,
            &[
                "--db",
                &format!("{dir}/missing/folder/seminar.db"),
                "speaker",
                "add",
                "kss-2017",
                "Ann New",
            ],
        ),
        case(
            1,
            &["--db", "{file}", "speaker", "add", "kss-2017", "Ann New"],
        )
        .file("empty-too.db", ""),
        case(1, &["--db", &dir, "venue", "list"]),
        case(1, &["--db", &format!("{dir}/newer.db"), "venue", "list"]),
        case(1, &["--db", &format!("{dir}/foreign.db"), "venue", "list"]),
        case(1, &["--db", "{file}", "list"]).file("garbage.db", {
            let mut bytes = b"SQLite format 3\0".to_vec();
            bytes.extend(std::iter::repeat_n(0xa5u8, 8192));
            bytes
        }),
        read_only,
    ]
}

/// `-o`, `backup` and `man --dir` aimed at the database or one of its companions, however
/// spelled: each is refused before anything is written.
fn database_target_cases(env: &Env) -> Vec<Case> {
    let db = env.db.to_str().unwrap().to_string();
    let data = env.db.parent().unwrap();
    let dot_spelled = format!("{}/./seminar.db", data.display());
    let symlink = env.dir().join("link-to-db.db");
    let hard_link = env.dir().join("hard-link-to-db.db");
    let pages = env.dir().join("pages");
    std::fs::create_dir(&pages).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&env.db, &symlink).unwrap();
    std::fs::hard_link(&env.db, &hard_link).unwrap();
    std::fs::hard_link(&env.db, pages.join("seminar-agenda.1")).unwrap();
    let (symlink, hard_link) = (
        symlink.to_str().unwrap().to_string(),
        hard_link.to_str().unwrap().to_string(),
    );
    let mut cases = Vec::new();
    for target in [
        db.clone(),
        dot_spelled,
        symlink.clone(),
        hard_link.clone(),
        format!("{db}-wal"),
        format!("{db}-shm"),
        format!("{db}-journal"),
    ] {
        cases.push(case(2, &["export", "--format", "json", "-o", &target]));
        cases.push(case(2, &["agenda", "kss-2017", "-o", &target]));
        cases.push(case(
            2,
            &["speaker", "list", "--format", "csv", "-o", &target],
        ));
        cases.push(case(2, &["backup", &target]));
    }
    cases.push(case(2, &["man", "--dir", pages.to_str().unwrap()]));
    cases.push(case(2, &["backup", "/dev/null"]));
    cases
}

/// Files that are not regular files, given as the database.
fn special_database_cases(env: &Env) -> Vec<Case> {
    let mut cases = vec![
        case(1, &["--db", "/dev/null", "list"]),
        case(1, &["--db", "/dev/null", "venue", "add", "Aula"]),
    ];
    #[cfg(unix)]
    {
        let fifo = env.dir().join("pipe.db");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let fifo = fifo.to_str().unwrap();
        cases.push(case(1, &["--db", fifo, "list"]));
        cases.push(case(1, &["--db", fifo, "venue", "add", "Aula"]));
    }
    #[cfg(not(unix))]
    let _ = env;
    cases
}

/// Bidi overrides, isolates and marks, and zero-width characters.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{61c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
    )
}

/// Whether `path` is the -wal or -shm file of `db`: they come and go with connections (the
/// dump's own among them), and what they hold is compared through the dump.
fn is_companion_of(path: &Path, db: &Path) -> bool {
    ["-wal", "-shm"].iter().any(|suffix| {
        let mut companion = db.as_os_str().to_owned();
        companion.push(suffix);
        path == Path::new(&companion)
    })
}

/// Every file under `folder` but the companions of `skip`, with its bytes.
fn snapshot(folder: &Path, skip: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(path) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&path) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if !is_companion_of(&path, skip) {
                // A FIFO would block the read: it is compared by its kind.
                let bytes = if path.is_file() {
                    std::fs::read(&path).unwrap_or_default()
                } else {
                    b"(not a regular file)".to_vec()
                };
                files.insert(path.display().to_string(), bytes);
            }
        }
    }
    files
}

fn differences(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>) -> String {
    let mut changed = Vec::new();
    for (path, bytes) in after {
        match before.get(path) {
            None => changed.push(format!("{path} appeared")),
            Some(old) if old != bytes => changed.push(format!("{path} changed")),
            Some(_) => {}
        }
    }
    for path in before.keys().filter(|path| !after.contains_key(*path)) {
        changed.push(format!("{path} disappeared"));
    }
    changed.join(", ")
}

/// Rooms in imports: a speaker row's room, session or track without its talk, a session
/// the seminar does not have, and an archive's `rooms` list that is not one.
fn room_import_cases(env: &Env) -> Vec<Case> {
    let on_seed = ["--seminar", "kss-2017"];
    let room = |rooms: Value| archive(env, move |document| document["rooms"] = rooms);
    vec![
        import("room.csv", "name,room\nAni,Ruang 2\n", &on_seed),
        import("track.csv", "name,track\nAni,Iklim\n", &on_seed),
        import(
            "session.csv",
            "name,talk,start,minutes,session\nAni,Tema,11:00,10,Panel 9\n",
            &on_seed,
        ),
        import("rooms.json", room(json!("Ruang 2")), &[]),
        import("rooms.json", room(json!([{"address": "Gedung B"}])), &[]),
        import(
            "rooms.json",
            room(json!([{"name": "Ruang 2", "capacity": -1}])),
            &[],
        ),
        import("rooms.json", room(json!([{"name": "Ruang\u{7}2"}])), &[]),
    ]
}

/// `venue edit` and `venue remove` on the seed, whose one venue holds its seminar.
fn venue_cases() -> Vec<Case> {
    let auditorium = "Auditorium Juwono Sudarsono";
    vec![
        case(2, &["venue", "edit", auditorium]),
        case(2, &["venue", "edit", auditorium, "--name", ""]),
        case(2, &["venue", "edit", auditorium, "--name", "--"]),
        case(2, &["venue", "edit", auditorium, "--capacity", "0"]),
        case(2, &["venue", "edit", auditorium, "--capacity", "many"]),
        case(2, &["venue", "edit", auditorium, "--address", "a\u{7}b"]),
        case(
            1,
            &["venue", "edit", "Auditorium Nowhere", "--capacity", "10"],
        ),
        case(1, &["venue", "remove", auditorium, "--yes"]),
        case(1, &["venue", "remove", "Auditorium Nowhere", "--yes"]),
        case(1, &["venue", "remove", auditorium, "--no-input"]),
    ]
}

/// `--titles` and `institution alias` on the seed.
fn titles_and_alias_cases() -> Vec<Case> {
    let titles = |code: i32, value: &str| {
        case(
            code,
            &[
                "speaker",
                "add",
                "kss-2017",
                "Asra Virgianita",
                "--titles",
                value,
            ],
        )
    };
    vec![
        titles(2, "Dr.\u{7}"),
        titles(2, "., .."),
        // She has no titles: clearing them changes nothing.
        titles(1, ""),
        case(
            2,
            &["speaker", "add", "kss-2017", "Asra Virgianita", "--titles"],
        ),
        case(2, &["institution", "alias", "add", "Kemlu", ""]),
        case(2, &["institution", "alias", "add", "Kemlu", "!!!"]),
        case(2, &["institution", "alias", "add", "Kemlu", "Deplu\u{7}"]),
        case(2, &["institution", "alias", "add", "Kemlu"]),
        case(2, &["institution", "alias", "rename", "Kemlu", "Deplu"]),
        case(
            1,
            &["institution", "alias", "add", "Nowhere Institute", "NI"],
        ),
        case(1, &["institution", "alias", "add", "Kemlu", "JICA"]),
        case(
            1,
            &[
                "institution",
                "alias",
                "add",
                "Kemlu",
                "kementerian luar negeri",
            ],
        ),
        case(1, &["institution", "alias", "add", "JICA", "Kemlu"]),
        case(1, &["institution", "alias", "remove", "Kemlu", "Kemenlu"]),
        case(
            1,
            &["institution", "alias", "remove", "Nowhere Institute", "NI"],
        ),
    ]
}

/// `publish`, `versions` and `changes` on the seed, which has no published version.
fn version_cases() -> Vec<Case> {
    vec![
        case(2, &["changes", "kss-2017", "--since", "0"]),
        case(2, &["changes", "kss-2017", "--since", "nonsense"]),
        case(2, &["changes", "kss-2017", "--since", ""]),
        case(2, &["changes", "kss-2017", "--since", "-1"]),
        case(2, &["changes", "kss-2017", "--format", "pdf"]),
        case(1, &["changes", "kss-2017", "--since", "99"]),
        case(1, &["changes", "kss-2017"]),
        case(1, &["changes", "nowhere-2017"]),
        case(1, &["publish", "nowhere-2017"]),
        case(1, &["versions", "nowhere-2017"]),
        case(2, &["publish"]),
        case(2, &["publish", "kss-2017", "--note"]),
        case(
            2,
            &["agenda", "kss-2017", "--show-cancelled", "--format", "ics"],
        ),
        case(2, &["agenda", "kss-2017", "--show-cancelled", "--grid"]),
        case(2, &["agenda", "--show-cancelled"]),
    ]
}

/// `changes --per-person -o DIR`: a folder is needed, and never the database.
fn draft_cases(env: &Env) -> Vec<Case> {
    let db = env.db.to_str().unwrap();
    vec![
        case(2, &["changes", "kss-2017", "--per-person"]),
        case(2, &["changes", "kss-2017", "-o", "{dir}/drafts"]),
        case(2, &["changes", "kss-2017", "--per-person", "-o", db]),
        case(2, &["changes", "kss-2017", "--per-person", "-o", "{file}"]).file("notes.txt", "mine"),
        case(
            1,
            &["changes", "kss-2017", "--per-person", "-o", "{dir}/drafts"],
        ),
        case(
            1,
            &[
                "changes",
                "nowhere-2017",
                "--per-person",
                "-o",
                "{dir}/drafts",
            ],
        ),
    ]
}

/// `roster SEMINAR | --from DATE --to DATE`: one seminar or one period, never both, never
/// half a period, and never onto the database.
fn roster_cases(env: &Env) -> Vec<Case> {
    let db = env.db.to_str().unwrap();
    vec![
        case(1, &["roster", "nowhere-2017"]),
        case(1, &["roster", "#999"]),
        case(2, &["roster"]),
        case(2, &["roster", "--from", "2017-01-01"]),
        case(2, &["roster", "--to", "2017-12-31"]),
        case(
            2,
            &[
                "roster",
                "kss-2017",
                "--from",
                "2017-01-01",
                "--to",
                "2017-12-31",
            ],
        ),
        case(2, &["roster", "kss-2017", "--to", "2017-12-31"]),
        case(2, &["roster", "--from", "2017-13-01", "--to", "2017-12-31"]),
        case(2, &["roster", "--from", "31/02/2017", "--to", "2017-12-31"]),
        case(2, &["roster", "--from", "soon", "--to", "later"]),
        case(2, &["roster", "--from", "", "--to", "2017-12-31"]),
        case(2, &["roster", "--from", "2017-12-31", "--to", "2017-01-01"]),
        case(2, &["roster", "kss-2017", "--format", "pdf"]),
        case(2, &["roster", "kss-2017", "--format", "csv", "-o", db]),
        case(2, &["roster", "kss-2017", "-o", "{dir}"]),
    ]
}

/// Keynote speakers and MCs: flags on the wrong command, roles that are not there, a
/// keynote talk over another, and archives or CSV files with a role in the wrong place.
fn roles_cases(env: &Env) -> Vec<Case> {
    let role_in = |list: &'static str, role: &'static str| -> Change {
        Box::new(move |document: &mut Value| {
            document["seminars"][0][list][0]["role"] = json!(role);
        })
    };
    let mut cases = vec![
        case(2, &["speaker", "add", "kss-2017", "Najwa Shihab", "--mc"]),
        case(
            2,
            &[
                "moderator",
                "assign",
                "kss-2017",
                "Najwa Shihab",
                "--keynote",
            ],
        ),
        case(2, &["speaker", "add", "--keynote"]),
        case(2, &["moderator", "assign", "--mc"]),
        case(2, &["speaker", "remove", "kss-2017", "--keynote"]),
        case(
            2,
            &[
                "speaker",
                "add",
                "kss-2017",
                "Retno Marsudi",
                "--keynote=yes",
            ],
        ),
        case(
            1,
            &[
                "speaker",
                "add",
                "nowhere-2017",
                "Retno Marsudi",
                "--keynote",
            ],
        ),
        case(
            1,
            &[
                "moderator",
                "assign",
                "nowhere-2017",
                "Najwa Shihab",
                "--mc",
            ],
        ),
        case(
            1,
            &[
                "speaker",
                "remove",
                "kss-2017",
                "Dinur Krismasari",
                "--keynote",
            ],
        ),
        case(
            1,
            &[
                "moderator",
                "unassign",
                "kss-2017",
                "Valerina Daniel",
                "--mc",
            ],
        ),
        case(
            1,
            &[
                "speaker",
                "add",
                "kss-2017",
                "Dinur Krismasari",
                "--keynote",
                "--talk",
                "A keynote over her own talk",
                "--at",
                "09:45",
                "--minutes",
                "30",
            ],
        ),
        import(
            "roles.csv",
            "name,role\nNajwa Shihab,emcee\n",
            &["--seminar", "kss-2017"],
        ),
    ];
    for (list, role) in [
        ("speakers", "mc"),
        ("speakers", "moderator"),
        ("moderators", "keynote"),
        ("moderators", "chair"),
    ] {
        cases.push(import("roles.json", archive(env, role_in(list, role)), &[]));
    }
    cases
}

/// iCalendar files: each a change to a calendar that imports cleanly.
fn ics_cases() -> Vec<Case> {
    let fixture = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/indico-workshop.ics"),
    )
    .unwrap();
    // The fixture folds a line inside a character: the cases change it unfolded.
    let mut unfolded = Vec::new();
    let mut rest = &fixture[..];
    while let Some((byte, tail)) = rest.split_first() {
        match tail.strip_prefix(b"\n ") {
            Some(after) if *byte == b'\r' => rest = after,
            _ => {
                unfolded.push(*byte);
                rest = tail;
            }
        }
    }
    let fixture = String::from_utf8(unfolded).unwrap();
    let changed = |from: &str, to: &str| {
        assert!(fixture.contains(from), "the fixture has no {from}");
        fixture.replacen(from, to, 1)
    };
    let berlin = "DTSTART;TZID=Europe/Berlin:20270610T140000";
    let event = |lines: &str| {
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:a@b\r\nSUMMARY:Talk\r\n{lines}END:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    };
    let repeated = |rule: &str| changed(berlin, &format!("{berlin}\r\n{rule}"));
    let not_utf8: Vec<u8> =
        event("DESCRIPTION:caf\u{1}\r\nDTSTART:20270610T120000Z\r\nDURATION:PT1H\r\n")
            .into_bytes()
            .into_iter()
            .map(|byte| if byte == 1 { 0xe9 } else { byte })
            .collect();
    let same_room = changed("LOCATION:Foyer", "LOCATION:Hörsaal 1")
        .replace("20270609T081500Z", "20270609T073000Z")
        .replace("20270609T084500Z", "20270609T080000Z");
    vec![
        import("empty.ics", "", &[]),
        import("blank.ics", "\r\n  \r\n", &[]),
        import("text.ics", "Seminar on Monday at nine\n", &[]),
        import("vcard.ics", "BEGIN:VCARD\r\nFN:Budi\r\nEND:VCARD\r\n", &[]),
        import("schedule.ics", "<schedule><conference/></schedule>", &[]),
        import(
            "no-events.ics",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
            &[],
        ),
        import("unclosed.ics", changed("END:VCALENDAR\r\n", ""), &[]),
        import("mismatched.ics", changed("END:VEVENT", "END:VTODO"), &[]),
        import("no-dtstart.ics", changed(&format!("{berlin}\r\n"), ""), &[]),
        import("no-end.ics", event("DTSTART:20270610T120000Z\r\n"), &[]),
        import(
            "no-summary.ics",
            changed("SUMMARY:Podiumsdiskussion\r\n", ""),
            &[],
        ),
        import(
            "unknown-tzid.ics",
            changed(
                berlin,
                "DTSTART;TZID=W. Europe Standard Time:20270610T140000",
            ),
            &[],
        ),
        import(
            "custom-tzid.ics",
            changed("TZID:Europe/Berlin\r\n", "TZID:Mitteleuropa\r\n")
                .replace("TZID=Europe/Berlin", "TZID=Mitteleuropa"),
            &[],
        ),
        import("weekly.ics", repeated("RRULE:FREQ=WEEKLY;COUNT=4"), &[]),
        import(
            "until.ics",
            repeated("RRULE:FREQ=DAILY;UNTIL=20270620T000000Z"),
            &[],
        ),
        import("many.ics", repeated("RRULE:FREQ=DAILY;COUNT=400"), &[]),
        import(
            "override.ics",
            repeated("RECURRENCE-ID:20270610T120000Z"),
            &[],
        ),
        import(
            "bad-time.ics",
            changed(berlin, "DTSTART;TZID=Europe/Berlin:2027-06-10 14:00"),
            &[],
        ),
        import(
            "gap.ics",
            changed(berlin, "DTSTART;TZID=Europe/Berlin:20270328T023000"),
            &[],
        ),
        import(
            "year.ics",
            changed(berlin, "DTSTART;TZID=Europe/Berlin:18990610T140000"),
            &[],
        ),
        import(
            "backwards.ics",
            changed("20270610T150000", "20270610T130000"),
            &[],
        ),
        import(
            "duration.ics",
            event("DTSTART:20270610T120000Z\r\nDURATION:an hour\r\n"),
            &[],
        ),
        import(
            "long.ics",
            event("DTSTART:20270610T120000Z\r\nDURATION:P2D\r\n"),
            &[],
        ),
        import("all-day.ics", event("DTSTART;VALUE=DATE:20270610\r\n"), &[]),
        import("not-utf8.ics", not_utf8, &[]),
        import("same-room.ics", same_room, &[]),
        import(
            "other-days.ics",
            fixture.clone(),
            &["--seminar", "kss-2017"],
        ),
        import(
            "no-seminar.ics",
            fixture.clone(),
            &["--seminar", "kss-2099"],
        ),
        import(
            "floating.ics",
            event("DTSTART:20270610T120000\r\nDURATION:PT1H\r\n"),
            &[],
        )
        .env("SEMINAR_TZ", "")
        .code(2),
    ]
}

/// Files that update the seed seminar in place (its uid, its slots' uids) and break a rule
/// or name the wrong seminar: refused, with nothing changed, dry run or not.
fn sync_cases(env: &Env) -> Vec<Case> {
    let exported: Value =
        serde_json::from_str(&env.ok(&["export", "--format", "json", "-o", "-"])).unwrap();
    let slot = |title: &str| -> Value {
        let slots = exported["seminars"][0]["slots"].as_array().unwrap();
        (slots.iter().find(|slot| slot["title"] == title))
            .unwrap_or_else(|| panic!("the seed has '{title}'"))
            .clone()
    };
    let changed = |change: &dyn Fn(&mut Value)| -> Vec<u8> {
        let mut document = exported.clone();
        change(&mut document);
        serde_json::to_vec_pretty(&document).unwrap()
    };
    let closing = |field: &'static str, value: Value| {
        changed(&move |document: &mut Value| {
            let slots = document["seminars"][0]["slots"].as_array_mut().unwrap();
            let closing = (slots.iter_mut().find(|slot| slot["title"] == "Closing")).unwrap();
            closing[field] = value.clone();
        })
    };
    let qa_start = slot("Questions and answers")["starts_at"].clone();
    let overlap = closing("starts_at", qa_start);
    let other_uid = changed(&|document: &mut Value| {
        document["seminars"][0]["seminar"]["uid"] = json!("0b7e5e0c-1111-4222-8333-444455556666");
    });
    let frab = |events: &str| {
        format!(
            r#"<schedule><generator name="pretalx"/><conference><title>Seminar on Indonesia's South-South and Triangular Cooperation</title><time_zone_name>Asia/Jakarta</time_zone_name></conference><day index="1" date="2017-05-18" start="2017-05-18T09:00:00+07:00" end="2017-05-18T12:00:00+07:00"><room name="Auditorium Juwono Sudarsono">{events}</room></day></schedule>"#
        )
    };
    let event = |title: &str, at: &str, duration: &str| {
        format!(
            "<event guid=\"{}\" id=\"{title}\"><date>2017-05-18T{at}:00+07:00</date><duration>{duration}</duration><title>{title}</title><type>Talk</type></event>",
            slot(title)["uid"].as_str().unwrap()
        )
    };
    let same_room = frab(&format!(
        "{}{}",
        event("Opening remarks", "09:00", "00:30"),
        event("Closing", "09:15", "00:10")
    ));
    vec![
        import("sync-overlap.json", overlap.clone(), &[]),
        import("sync-overlap.json", overlap, &["--dry-run"]),
        import(
            "sync-late.json",
            closing("starts_at", json!("2017-05-18T12:30:00+07:00")),
            &[],
        ),
        import("sync-zero.json", closing("minutes", json!(0)), &[]),
        import("sync-other-uid.json", other_uid, &[]),
        import("sync-same-room.xml", same_room.clone(), &[]),
        import("sync-same-room.xml", same_room, &["--dry-run"]),
    ]
}

#[test]
fn every_bad_input_fails_in_one_line_and_changes_nothing() {
    let env = Env::new();
    env.seed();
    // The archive every JSON case starts from imports cleanly: each case fails for its change.
    let clean = env.dir().join("clean.json");
    std::fs::write(&clean, archive(&env, |_| {})).unwrap();
    env.ok(&["import", clean.to_str().unwrap(), "--dry-run"]);
    std::fs::remove_file(&clean).unwrap();

    let locked = env.dir().join("locked");
    std::fs::create_dir(&locked).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500)).unwrap();
    }
    // Root writes anywhere: then the read-only folder cannot be tested.
    let root = std::fs::write(locked.join("probe"), b"").is_ok();
    let _ = std::fs::remove_file(locked.join("probe"));

    let cases: Vec<Case> = [
        date_cases(),
        time_cases(),
        number_cases(),
        zone_cases(),
        text_cases(),
        csv_cases(),
        json_cases(&env),
        xml_cases(),
        own_frab_cases(&env),
        command_line_cases(),
        unknown_name_cases(),
        person_reference_cases(),
        database_cases(&env),
        typed_control_character_cases(),
        invisible_character_cases(),
        xml_forbidden_character_cases(),
        import_control_character_cases(&env),
        database_target_cases(&env),
        special_database_cases(&env),
        venue_cases(),
        room_import_cases(&env),
        version_cases(),
        ics_cases(),
        draft_cases(&env),
        roster_cases(&env),
        sync_cases(&env),
        titles_and_alias_cases(),
        roles_cases(&env),
    ]
    .into_iter()
    .flatten()
    .collect();

    let cases_dir = env.dir().join("cases");
    std::fs::create_dir(&cases_dir).unwrap();
    let dir = env.dir().to_str().unwrap().to_string();
    let (mut tried, mut skipped) = (0, 0);
    let mut failures = Vec::new();
    for (index, case) in cases.iter().enumerate() {
        if case.needs_non_root && root {
            skipped += 1;
            continue;
        }
        tried += 1;
        assert!(case.code != 0 && case.code != 101, "{}", case.label());
        let file = match &case.file {
            Some((name, bytes)) => {
                let path = cases_dir.join(format!("{index}-{name}"));
                std::fs::write(&path, bytes).unwrap();
                path.to_str().unwrap().to_string()
            }
            None => String::new(),
        };
        let fill = |text: &str| text.replace("{file}", &file).replace("{dir}", &dir);
        let before = snapshot(env.dir(), &env.db);
        let dump = env.dump();
        let mut command = env.command();
        command.args(case.args.iter().map(|arg| fill(arg)));
        for (name, value) in &case.env {
            command.env(name, fill(value));
        }
        let output = command
            .stdin(std::process::Stdio::null())
            .output()
            .expect("the binary runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let lines: Vec<&str> = stderr.lines().collect();
        let mut problems = Vec::new();
        if output.status.code() != Some(case.code) {
            problems.push(format!(
                "exit {:?}, expected {}",
                output.status.code(),
                case.code
            ));
        }
        if lines.len() != 1 || !lines[0].starts_with("error: ") || lines[0].len() <= 7 {
            problems.push(format!("{} lines on stderr", lines.len()));
        } else if lines[0]
            .chars()
            .any(|c| c.is_control() || is_invisible_format(c))
        {
            // A NUL, a carriage return or an escape sequence from the input would garble
            // (or drive) the terminal; a bidi override or zero-width space would disguise it.
            problems.push("a control or invisible character on stderr".into());
        }
        if !output.stdout.is_empty() {
            problems.push("output on stdout".into());
        }
        if stderr.contains("panicked") {
            problems.push("a panic".into());
        }
        if env.dump() != dump {
            problems.push("the database changed".into());
        }
        let changed = differences(&before, &snapshot(env.dir(), &env.db));
        if !changed.is_empty() {
            problems.push(format!("files changed: {changed}"));
        }
        if !problems.is_empty() {
            let shown: String = stderr.chars().take(300).collect();
            failures.push(format!(
                "{}: {}\n    stderr: {shown:?}",
                case.label(),
                problems.join("; "),
            ));
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    eprintln!(
        "bad input: {} cases, {tried} tried, {} handled, {} not; {skipped} skipped{}",
        cases.len(),
        tried - failures.len(),
        failures.len(),
        if skipped > 0 {
            " (the read-only folder: running as root, which may write anywhere)"
        } else {
            ""
        }
    );
    assert!(cases.len() >= 100, "only {} cases", cases.len());
    assert!(
        failures.is_empty(),
        "{} of {tried} cases mishandled:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
