//! Exports of agendas, seminar ranges and speaker lists, each parsed back with a real parser
//! (ical, quick-xml, csv, serde_json), golden files for the seed seminar, and hostile names.

use std::path::Path;

use crate::support::{Env, redact_uids};

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The value of a TEXT property, unescaped as RFC 5545 says (the parser leaves it raw).
fn unescape_text(raw: &str) -> String {
    let mut out = String::new();
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

struct Event {
    properties: Vec<(String, String)>,
}

impl Event {
    fn get(&self, name: &str) -> String {
        self.properties
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_else(|| panic!("no {name} in {:?}", self.properties))
    }

    fn text(&self, name: &str) -> String {
        unescape_text(&self.get(name))
    }
}

/// Parses an iCalendar file with the `ical` crate; checks line ends and folding on the way.
fn calendar_events(ics: &str) -> Vec<Event> {
    assert!(ics.ends_with("\r\n"), "ends with CRLF");
    for line in ics.split("\r\n") {
        assert!(!line.contains('\n'), "bare LF in {line:?}");
        assert!(line.len() <= 75, "longer than 75 octets: {line:?}");
    }
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let calendar = parser
        .next()
        .expect("one calendar")
        .expect("the calendar parses");
    assert!(parser.next().is_none(), "only one calendar");
    let version = calendar
        .properties
        .iter()
        .find(|p| p.name == "VERSION")
        .and_then(|p| p.value.clone());
    assert_eq!(version.as_deref(), Some("2.0"));
    calendar
        .events
        .into_iter()
        .map(|event| Event {
            properties: event
                .properties
                .into_iter()
                .map(|p| (p.name, p.value.unwrap_or_default()))
                .collect(),
        })
        .collect()
}

#[derive(Debug, serde::Deserialize)]
struct Schedule {
    conference: Conference,
    #[serde(rename = "day", default)]
    days: Vec<Day>,
}

#[derive(Debug, serde::Deserialize)]
struct Conference {
    title: String,
    acronym: String,
    start: String,
    end: String,
    days: u32,
}

#[derive(Debug, serde::Deserialize)]
struct Day {
    #[serde(rename = "@index")]
    index: u32,
    #[serde(rename = "@date")]
    date: String,
    #[serde(rename = "room", default)]
    rooms: Vec<Room>,
}

#[derive(Debug, serde::Deserialize)]
struct Room {
    #[serde(rename = "@name")]
    name: String,
    #[serde(rename = "event", default)]
    events: Vec<XmlEvent>,
}

#[derive(Debug, serde::Deserialize)]
struct XmlEvent {
    #[serde(rename = "@id")]
    id: u64,
    #[serde(rename = "@guid")]
    guid: String,
    date: String,
    start: String,
    duration: String,
    title: String,
    #[serde(rename = "type")]
    kind: String,
    persons: Option<Persons>,
}

#[derive(Debug, serde::Deserialize)]
struct Persons {
    #[serde(rename = "person", default)]
    people: Vec<Person>,
}

#[derive(Debug, serde::Deserialize)]
struct Person {
    #[serde(rename = "$text")]
    name: String,
}

/// Writes a seminar's frab schedule to a file, validates it and reads it back.
fn frab_schedule_of(env: &Env, seminar: &str) -> Schedule {
    let file = env.dir().join(format!("{seminar}.xml"));
    env.ok(&[
        "agenda",
        seminar,
        "--format",
        "frab",
        "-o",
        file.to_str().unwrap(),
    ]);
    validate_against_xsd(&file);
    parse_schedule(&read(&file))
}

fn parse_schedule(xml: &str) -> Schedule {
    assert!(xml.starts_with("<?xml"), "{xml}");
    quick_xml::de::from_str(xml).unwrap_or_else(|e| panic!("schedule.xml parses: {e}\n{xml}"))
}

/// Validates with `xmllint` against the frab XSD. CI installs it (libxml2-utils); where it
/// is missing outside CI the check is skipped with a note.
pub fn validate_against_xsd(file: &Path) {
    // A copy of the C3VOC schema (voc/schedule, validator/xsd/schedule.xml.xsd, EUPL 1.2).
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schedule.xml.xsd");
    match std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(file)
        .output()
    {
        Ok(output) => assert!(
            output.status.success(),
            "xmllint rejects {}: {}",
            file.display(),
            String::from_utf8_lossy(&output.stderr)
        ),
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("note: xmllint not found; XSD validation skipped");
        }
        Err(error) => panic!("CI must have xmllint (libxml2-utils): {error}"),
    }
}

/// Validates a page with the W3C Nu HTML checker (`VNU_JAR`, which CI sets after installing
/// the vnu-jar package); skipped with a note where it is not set outside CI.
pub fn validate_html(file: &Path) {
    let Some(jar) = std::env::var_os("VNU_JAR") else {
        assert!(std::env::var_os("CI").is_none(), "CI must set VNU_JAR");
        eprintln!("note: VNU_JAR not set; HTML validation skipped");
        return;
    };
    let output = std::process::Command::new("java")
        .arg("-jar")
        .arg(jar)
        .args(["--errors-only", "--stdout"])
        .arg(file)
        .output()
        .expect("java runs the Nu HTML checker");
    assert!(
        output.status.success(),
        "the Nu HTML checker rejects {}: {}",
        file.display(),
        String::from_utf8_lossy(&output.stdout)
    );
}

pub fn csv_records(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(text.ends_with("\r\n"), "records end in CRLF");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.expect("a valid record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    (header, rows)
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

#[test]
fn the_seed_seminar_exports_in_every_format_as_golden_files() {
    let env = Env::new();
    env.seed();
    for (format, extension) in [
        ("markdown", "md"),
        ("html", "html"),
        ("csv", "csv"),
        ("json", "json"),
        ("ics", "ics"),
        ("frab", "xml"),
    ] {
        let stdout = env.ok(&["agenda", "kss-2017", "--format", format]);
        let file = env.dir().join(format!("kss-2017.{extension}"));
        let written = env.run(&[
            "agenda",
            "kss-2017",
            "--format",
            format,
            "-o",
            file.to_str().unwrap(),
        ]);
        assert_eq!(written.code, 0, "{}", written.stderr);
        assert_eq!(written.stdout, "", "nothing on stdout with -o");
        assert_eq!(read(&file), stdout, "-o writes what stdout shows");
        insta::assert_snapshot!(format!("seed_{format}"), redact_uids(&stdout));
    }
}

#[test]
fn the_icalendar_file_has_the_seminar_at_its_local_time() {
    let env = Env::new();
    env.seed();
    let seminar = env.json(&["agenda", "kss-2017"]);
    let ics = env.ok(&["agenda", "kss-2017", "--format", "ics"]);
    let events = calendar_events(&ics);
    assert_eq!(events.len(), 1, "one event per seminar");
    let event = &events[0];
    assert_eq!(
        event.get("SUMMARY"),
        "Seminar on Indonesia's South-South and Triangular Cooperation"
    );
    // 09:00–12:00 WIB (UTC+7) is 02:00–05:00 UTC.
    assert_eq!(event.get("DTSTART"), "20170518T020000Z");
    assert_eq!(event.get("DTEND"), "20170518T050000Z");
    assert_eq!(
        event.get("UID"),
        seminar["seminar"]["uid"].as_str().unwrap()
    );
    assert_eq!(event.get("DTSTAMP"), "20170501T000000Z", "pinned clock");
    assert_eq!(event.get("STATUS"), "CONFIRMED");
    assert_eq!(
        event.text("LOCATION"),
        "Auditorium Juwono Sudarsono, FISIP Universitas Indonesia, Depok"
    );
    let description = event.text("DESCRIPTION");
    for expected in [
        "Dinur Krismasari (Senior Representative, JICA Indonesia)",
        "Moh. Syarif Alatas (Direktur Kerja Sama Teknik, Kementerian Luar Negeri)",
        "Valerina Daniel",
    ] {
        assert!(
            description.contains(expected),
            "{expected} in {description}"
        );
    }
    assert_eq!(
        ics,
        env.ok(&["agenda", "kss-2017", "--format", "ics"]),
        "the same file every time: stable UID and DTSTAMP"
    );
}

#[test]
fn the_icalendar_file_can_carry_one_event_per_slot() {
    let env = Env::new();
    env.seed();
    let ics = env.ok(&["agenda", "kss-2017", "--format", "ics", "--slots"]);
    let events = calendar_events(&ics);
    assert_eq!(events.len(), 1 + 7, "the seminar and its seven slots");
    let talk = events
        .iter()
        .find(|e| e.text("SUMMARY") == "Knowledge sharing in triangular cooperation")
        .expect("Dinur Krismasari's talk");
    assert_eq!(talk.get("DTSTART"), "20170518T024500Z", "09:45 WIB");
    assert_eq!(talk.get("DTEND"), "20170518T031500Z", "10:15 WIB");
    assert!(talk.text("DESCRIPTION").contains("Dinur Krismasari"));
    let uids: std::collections::BTreeSet<String> = events.iter().map(|e| e.get("UID")).collect();
    assert_eq!(uids.len(), events.len(), "every UID is different");
}

#[test]
fn the_frab_schedule_validates_and_reads_back() {
    let env = Env::new();
    env.seed();
    let schedule = frab_schedule_of(&env, "kss-2017");
    let conference = &schedule.conference;
    assert_eq!(
        conference.title,
        "Seminar on Indonesia's South-South and Triangular Cooperation"
    );
    assert_eq!(conference.acronym, "kss-2017");
    assert_eq!(
        (conference.start.as_str(), conference.end.as_str()),
        ("2017-05-18", "2017-05-18"),
        "plain dates, as ConfClerk needs"
    );
    assert_eq!(conference.days, 1);
    assert_eq!(schedule.days.len(), 1);
    assert_eq!(
        (schedule.days[0].index, schedule.days[0].date.as_str()),
        (1, "2017-05-18")
    );
    let rooms = &schedule.days[0].rooms;
    assert_eq!(rooms.len(), 1);
    assert_eq!(rooms[0].name, "Auditorium Juwono Sudarsono");
    let events = &rooms[0].events;
    assert_eq!(events.len(), 7);
    let talk = events
        .iter()
        .find(|e| e.title == "Knowledge sharing in triangular cooperation")
        .expect("the JICA talk");
    assert_eq!(talk.date, "2017-05-18T09:45:00+07:00");
    assert_eq!(
        (talk.start.as_str(), talk.duration.as_str()),
        ("09:45", "00:30")
    );
    assert_eq!(talk.kind, "talk");
    let people: Vec<&str> = talk
        .persons
        .iter()
        .flat_map(|p| &p.people)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(people, ["Dinur Krismasari"]);
    let ids: std::collections::BTreeSet<u64> = events.iter().map(|e| e.id).collect();
    let guids: std::collections::BTreeSet<&str> = events.iter().map(|e| e.guid.as_str()).collect();
    assert_eq!((ids.len(), guids.len()), (7, 7), "ids and guids are unique");
}

#[test]
fn csv_agenda_and_speaker_list_read_back_with_a_csv_parser() {
    let env = Env::new();
    env.seed();
    let (header, rows) = csv_records(&env.ok(&["agenda", "kss-2017", "--format", "csv"]));
    assert_eq!(rows.len(), 7, "one row per slot");
    let title = column(&header, "title");
    let talk = rows
        .iter()
        .find(|row| row[title] == "Knowledge sharing in triangular cooperation")
        .expect("the JICA talk");
    assert_eq!(talk[column(&header, "date")], "2017-05-18");
    assert_eq!(talk[column(&header, "start")], "09:45");
    assert_eq!(talk[column(&header, "end")], "10:15");
    assert_eq!(talk[column(&header, "time_zone")], "Asia/Jakarta");
    assert_eq!(
        talk[column(&header, "people")],
        "Dinur Krismasari (Senior Representative, JICA Indonesia)"
    );

    let (header, rows) = csv_records(&env.ok(&["speaker", "list", "kss-2017", "--format", "csv"]));
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
    assert_eq!(rows.len(), 4);
    let alatas = rows
        .iter()
        .find(|row| row[2] == "Moh. Syarif Alatas")
        .expect("the ministry's speaker");
    assert_eq!(alatas[3], "Direktur Kerja Sama Teknik");
    assert_eq!(alatas[4], "Kementerian Luar Negeri");
    assert_eq!((alatas[7].as_str(), alatas[8].as_str()), ("09:15", "30"));
}

#[test]
fn speaker_lists_come_as_json_and_markdown_too() {
    let env = Env::new();
    env.seed();
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["speaker", "list", "kss-2017", "--format", "json"]))
            .expect("JSON");
    assert_eq!(json, env.json(&["speaker", "list", "kss-2017"]));
    assert_eq!(json.as_array().map(Vec::len), Some(4));
    let markdown = env.ok(&["speaker", "list", "kss-2017", "--format", "markdown"]);
    let lines: Vec<&str> = markdown.lines().collect();
    assert_eq!(lines.len(), 2 + 4, "header, rule and four rows: {markdown}");
    assert!(
        lines
            .iter()
            .all(|line| line.starts_with("| ") || line.starts_with("|---"))
    );
    assert!(markdown.contains("| Dinur Krismasari | Senior Representative | JICA Indonesia |"));
}

#[test]
fn html_is_one_self_contained_well_formed_page() {
    let env = Env::new();
    env.seed();
    let html = env.ok(&["agenda", "kss-2017", "--format", "html", "--lang", "id"]);
    let file = env.dir().join("agenda.html");
    std::fs::write(&file, &html).unwrap();
    validate_html(&file);
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"id\">"),
        "{html}"
    );
    assert!(html.contains("@page { size: A4"), "A4 print rules");
    for remote in ["http://", "https://", "<script", "<link", "src="] {
        assert!(
            !html.contains(remote),
            "no {remote} in a self-contained page"
        );
    }
    let text = xml_text(&html);
    assert!(
        text.contains("Kamis, 18 Mei 2017 · 09.00–12.00 WIB"),
        "{text}"
    );
    assert!(text.contains("Susunan acara"), "{text}");
    assert_eq!(
        html.matches("<tr>").count(),
        1 + 7,
        "a header row and seven slots"
    );
}

/// The text content of a well-formed (polyglot) HTML page, read with an XML parser.
fn xml_text(html: &str) -> String {
    let mut reader = quick_xml::Reader::from_str(html);
    let mut text = String::new();
    let mut elements = Vec::new();
    loop {
        match reader.read_event().expect("the page is well-formed") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(start) => {
                elements.push(start.name().as_ref().to_string());
            }
            quick_xml::events::Event::Text(t) => {
                text.push_str(&t.xml10_content());
            }
            quick_xml::events::Event::GeneralRef(reference) => {
                if let Some(c) = reference.resolve_char_ref().expect("a character reference") {
                    text.push(c);
                    continue;
                }
                let name = reference.xml10_content().into_owned();
                text.push_str(match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    other => panic!("unexpected entity {other}"),
                });
            }
            _ => {}
        }
    }
    assert!(!elements.iter().any(|e| e == "script"), "no script element");
    text
}

#[test]
fn markdown_tables_keep_their_columns() {
    let env = Env::new();
    env.seed();
    let markdown = env.ok(&["agenda", "kss-2017", "--format", "markdown"]);
    assert!(
        markdown.starts_with("# Seminar on Indonesia's South-South"),
        "{markdown}"
    );
    let table: Vec<&str> = markdown.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(table.len(), 2 + 7);
    for line in table {
        let pipes = line.matches('|').count() - line.matches("\\|").count();
        assert_eq!(pipes, 4, "three columns: {line}");
    }
}

#[test]
fn hostile_and_unusual_names_survive_every_format_intact_and_harmless() {
    let env = Env::new();
    let title = "<script>alert(1)</script> & \"quotes\"";
    let formula = "=HYPERLINK(\"http://x\")";
    // A line break is no longer accepted in a name (one line of text): quotes stand in.
    let separators = "a,b;c \"d\"";
    let emoji_rtl = "Zoë 🎤 مؤتمر";
    env.ok(&[
        "create",
        title,
        "--date",
        "2024-03-01",
        "--start",
        "09:00",
        "--end",
        "12:00",
        "--tz",
        "UTC",
        "--slug",
        "odd",
    ]);
    for (name, at) in [
        (formula, "09:00"),
        (separators, "10:00"),
        (emoji_rtl, "11:00"),
    ] {
        env.ok(&[
            "speaker",
            "add",
            "odd",
            name,
            "--institution",
            "<b>Inst</b>",
            "--talk",
            name,
            "--at",
            at,
            "--minutes",
            "30",
        ]);
    }
    let names = [formula, separators, emoji_rtl];

    let events = calendar_events(&env.ok(&["agenda", "odd", "--format", "ics", "--slots"]));
    assert_eq!(events[0].text("SUMMARY"), title);
    for name in names {
        assert!(
            events.iter().any(|e| e.text("SUMMARY") == name),
            "{name:?} in iCalendar"
        );
    }

    let schedule = frab_schedule_of(&env, "odd");
    let events = &schedule.days[0].rooms[0].events;
    for name in names {
        let event = events
            .iter()
            .find(|e| e.title == name)
            .unwrap_or_else(|| panic!("{name:?} in XML"));
        assert_eq!(event.persons.as_ref().unwrap().people[0].name, name);
    }

    let (header, rows) = csv_records(&env.ok(&["speaker", "list", "odd", "--format", "csv"]));
    let name = column(&header, "name");
    let got: Vec<&str> = rows.iter().map(|row| row[name].as_str()).collect();
    assert!(
        got.contains(&"'=HYPERLINK(\"http://x\")"),
        "formula neutralized: {got:?}"
    );
    assert!(
        got.contains(&separators) && got.contains(&emoji_rtl),
        "{got:?}"
    );

    let html = env.ok(&["agenda", "odd", "--format", "html"]);
    let file = env.dir().join("odd.html");
    std::fs::write(&file, &html).unwrap();
    validate_html(&file);
    let text = xml_text(&html);
    assert!(text.contains(title) && text.contains(emoji_rtl) && text.contains("<b>Inst</b>"));
    assert!(
        !html.contains("<script>") && !html.contains("<b>"),
        "markup escaped"
    );

    let markdown = env.ok(&["agenda", "odd", "--format", "markdown"]);
    assert!(
        !markdown.contains("<script>") && !markdown.contains("<b>"),
        "{markdown}"
    );
    assert!(
        markdown.contains("\\<script\\>alert(1)\\</script\\>"),
        "{markdown}"
    );

    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["agenda", "odd", "--format", "json"])).unwrap();
    assert_eq!(json["seminar"]["title"], title);
    let speakers: Vec<&str> = json["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(speakers, names);
}

#[test]
fn export_writes_a_range_of_seminars_to_a_file() {
    let env = Env::new();
    env.seed();
    env.ok(&[
        "create",
        "June workshop",
        "--date",
        "2017-06-10",
        "--start",
        "13:00",
        "--end",
        "15:00",
        "--tz",
        "WITA",
        "--slug",
        "june-2017",
    ]);
    env.ok(&[
        "create",
        "Next year",
        "--date",
        "2018-01-10",
        "--slug",
        "jan-2018",
    ]);
    let ics = env.dir().join("2017.ics");
    let run = env.run(&[
        "export",
        "--format",
        "ics",
        "--from",
        "2017-01-01",
        "--to",
        "2017-12-31",
        "-o",
        ics.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("Exported 2 seminar(s)"),
        "{}",
        run.stderr
    );
    let events = calendar_events(&read(&ics));
    let starts: Vec<String> = events.iter().map(|e| e.get("DTSTART")).collect();
    assert_eq!(
        starts,
        ["20170518T020000Z", "20170610T050000Z"],
        "13:00 WITA is 05:00 UTC"
    );

    let xml = env.dir().join("2017.xml");
    env.ok(&[
        "export",
        "--format",
        "frab",
        "--from",
        "2017-01-01",
        "--to",
        "2017-12-31",
        "-o",
        xml.to_str().unwrap(),
    ]);
    validate_against_xsd(&xml);
    let schedule = parse_schedule(&read(&xml));
    assert_eq!(schedule.conference.days, 2);
    assert_eq!(
        (
            schedule.conference.start.as_str(),
            schedule.conference.end.as_str()
        ),
        ("2017-05-18", "2017-06-10")
    );
    let june = &schedule.days[1].rooms[0].events[0];
    assert_eq!(
        (june.title.as_str(), june.date.as_str()),
        ("June workshop", "2017-06-10T13:00:00+08:00")
    );

    let archive: serde_json::Value =
        serde_json::from_str(&env.ok(&["export", "--format", "json", "-o", "-"])).unwrap();
    assert_eq!(archive["format"], "seminar-archive");
    assert_eq!(archive["version"], 1);
    assert_eq!(archive["seminars"].as_array().map(Vec::len), Some(3));
}

#[test]
fn writing_a_file_replaces_it_whole_or_not_at_all() {
    let env = Env::new();
    env.seed();
    let file = env.dir().join("agenda.md");
    std::fs::write(&file, "old agenda").unwrap();
    env.ok(&[
        "agenda",
        "kss-2017",
        "--format",
        "markdown",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(read(&file).starts_with("# Seminar on Indonesia"));

    let missing = env.dir().join("no-such-folder").join("agenda.md");
    let line = env.fails(
        1,
        &[
            "agenda",
            "kss-2017",
            "--format",
            "markdown",
            "-o",
            missing.to_str().unwrap(),
        ],
    );
    assert!(line.contains("output: cannot write"), "{line}");
    let folder = env.dir().to_str().unwrap().to_string();
    let line = env.fails(2, &["export", "--format", "csv", "-o", &folder]);
    assert!(line.contains("is a folder"), "{line}");
    let leftovers: Vec<_> = std::fs::read_dir(env.dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".seminar-export-")
        })
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left behind");
}

#[test]
fn calendars_and_schedules_need_at_least_one_seminar() {
    let env = Env::new();
    env.seed();
    for format in ["ics", "frab"] {
        let file = env.dir().join("empty");
        let line = env.fails(
            1,
            &[
                "export",
                "--format",
                format,
                "--from",
                "2030-01-01",
                "-o",
                file.to_str().unwrap(),
            ],
        );
        assert!(line.contains("no seminars in that range"), "{line}");
        assert!(!file.exists(), "nothing written");
    }
    let archive: serde_json::Value = serde_json::from_str(&env.ok(&[
        "export",
        "--format",
        "json",
        "--from",
        "2030-01-01",
        "-o",
        "-",
    ]))
    .unwrap();
    assert_eq!(
        archive["seminars"],
        serde_json::json!([]),
        "an empty archive is fine"
    );
}

#[test]
fn contacts_leave_in_no_export_unless_asked_for_and_then_read_back() {
    let env = Env::new();
    env.seed();
    env.ok(&[
        "speaker",
        "add",
        "kss-2017",
        "Dinur Krismasari",
        "--email",
        "dinur@example.org",
        "--phone",
        "+62 21 5084 7000",
    ]);
    let leaks = |text: &str| text.contains("dinur@example.org") || text.contains("5084");
    let formats = ["text", "markdown", "html", "csv", "json", "ics", "frab"];
    for format in formats {
        let out = env.ok(&["agenda", "kss-2017", "--format", format]);
        assert!(!leaks(&out), "agenda --format {format} leaks contacts");
        if format != "text" {
            let file = env.dir().join(format!("all.{format}"));
            env.ok(&["export", "--format", format, "-o", file.to_str().unwrap()]);
            assert!(
                !leaks(&read(&file)),
                "export --format {format} leaks contacts"
            );
        }
    }
    for format in ["text", "csv", "json", "markdown"] {
        let out = env.ok(&["speaker", "list", "--format", format]);
        assert!(
            !leaks(&out),
            "speaker list --format {format} leaks contacts"
        );
    }

    // Asked for: the JSON archive carries them, and they read back on import.
    let archive = env.dir().join("with-contacts.json");
    env.ok(&[
        "export",
        "--format",
        "json",
        "--include-contacts",
        "-o",
        archive.to_str().unwrap(),
    ]);
    let parsed: serde_json::Value = serde_json::from_str(&read(&archive)).unwrap();
    let speakers = parsed["seminars"][0]["speakers"].as_array().unwrap();
    let dinur = speakers
        .iter()
        .find(|s| s["name"] == "Dinur Krismasari")
        .unwrap();
    assert_eq!(dinur["email"], "dinur@example.org");
    assert_eq!(dinur["phone"], "+62 21 5084 7000");
    let alatas = speakers
        .iter()
        .find(|s| s["name"] == "Moh. Syarif Alatas")
        .unwrap();
    assert_eq!(alatas["email"], serde_json::Value::Null);
    let elsewhere = Env::new();
    elsewhere.ok(&["import", archive.to_str().unwrap()]);
    let person = elsewhere.json(&["person", "show", "Dinur Krismasari"]);
    assert_eq!(person["email"], "dinur@example.org");
    assert_eq!(person["phone"], "+62 21 5084 7000");

    let agenda = env.json(&[
        "agenda",
        "kss-2017",
        "--format",
        "json",
        "--include-contacts",
    ]);
    assert!(
        agenda["speakers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["email"] == "dinur@example.org")
    );

    let csv = env.ok(&[
        "speaker",
        "list",
        "kss-2017",
        "--format",
        "csv",
        "--include-contacts",
    ]);
    let (header, rows) = csv_records(&csv);
    // Contacts keep their place after the list's first columns; rooms come after them.
    assert_eq!(&header[9..], ["email", "phone", "room", "session", "track"]);
    let dinur = rows
        .iter()
        .find(|row| row[column(&header, "name")] == "Dinur Krismasari")
        .unwrap();
    assert_eq!(dinur[column(&header, "email")], "dinur@example.org");
    // Kept from running as a formula in a spreadsheet; read back as typed.
    assert_eq!(dinur[column(&header, "phone")], "'+62 21 5084 7000");
    let list = env.dir().join("speakers.csv");
    std::fs::write(&list, &csv).unwrap();
    let elsewhere = Env::new();
    elsewhere.create_morning_seminar("kss-2017", "18/05/2017");
    elsewhere.ok(&["import", list.to_str().unwrap()]);
    let person = elsewhere.json(&["person", "show", "Dinur Krismasari"]);
    assert_eq!(person["phone"], "+62 21 5084 7000");
    assert_eq!(person["email"], "dinur@example.org");

    // Formats meant for sharing have no place for them: refused, nothing written.
    for args in [
        vec![
            "agenda",
            "kss-2017",
            "--format",
            "ics",
            "--include-contacts",
        ],
        vec![
            "agenda",
            "kss-2017",
            "--format",
            "html",
            "--include-contacts",
        ],
        vec![
            "speaker",
            "list",
            "--format",
            "markdown",
            "--include-contacts",
        ],
    ] {
        let line = env.fails(2, &args);
        assert!(
            line.contains("--include-contacts: only"),
            "{args:?}: {line}"
        );
    }
}
