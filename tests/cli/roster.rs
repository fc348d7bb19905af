//! `roster`: everyone with a part in a seminar or a period, one row per person and seminar,
//! for a certificate committee or a press release; and `speaker list` with one column list
//! in every format.

use serde_json::Value;

use crate::exports::{csv_records, validate_html};
use crate::rooms::{SLUG, conference};
use crate::support::{Env, redact_uids};

fn cell<'a>(header: &[String], row: &'a [String], column: &str) -> &'a str {
    let index = (header.iter().position(|name| name == column))
        .unwrap_or_else(|| panic!("no column {column} in {header:?}"));
    &row[index]
}

fn names(roster: &Value) -> Vec<String> {
    roster
        .as_array()
        .expect("an array of records")
        .iter()
        .map(|record| record["name"].as_str().unwrap().to_string())
        .collect()
}

fn record<'a>(roster: &'a Value, name: &str) -> &'a Value {
    (roster.as_array().unwrap().iter())
        .find(|record| record["name"] == name)
        .unwrap_or_else(|| panic!("{name} is not on the roster: {roster:#}"))
}

#[test]
fn the_seed_roster_in_both_languages() {
    let env = Env::new();
    env.seed();
    for lang in ["en", "id"] {
        for format in ["text", "markdown"] {
            let out = env.ok(&["roster", "kss-2017", "--lang", lang, "--format", format]);
            insta::assert_snapshot!(format!("seed_{format}_{lang}"), out);
        }
    }
}

#[test]
fn the_conference_roster_in_both_languages() {
    let env = conference().with_env("COLUMNS", "160");
    for lang in ["en", "id"] {
        for format in ["text", "markdown"] {
            let out = env.ok(&["roster", SLUG, "--lang", lang, "--format", format]);
            insta::assert_snapshot!(format!("conference_{format}_{lang}"), out);
        }
    }
    let roster = env.json(&["roster", SLUG]);
    let everyone = names(&roster);
    assert_eq!(
        everyone.len(),
        1 + 1 + 6 + 18,
        "chair, keynote, 6 panel chairs, 18 speakers"
    );
    let mut sorted = everyone.clone();
    sorted.sort_by_key(|name| name.to_lowercase());
    assert_eq!(everyone, sorted, "sorted by name");
    let yulia = record(&roster, "Yulia Rahman");
    assert_eq!(yulia["roles"], serde_json::json!(["chair"]));
    let sessions: Vec<&str> = (yulia["parts"].as_array().unwrap().iter())
        .map(|part| part["item"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        sessions,
        ["Pleno pembukaan", "Pleno penutupan"],
        "one row, both plenaries"
    );
    let arif = record(&roster, "Arif Budiman");
    assert_eq!(arif["parts"][0]["item"]["room"], "Ruang 1");
    assert_eq!(arif["parts"][0]["item"]["session"], "Panel 1A: ASEAN");
    assert_eq!(
        arif["parts"][0]["item"]["starts_at"],
        "2027-05-12T10:30:00+07:00"
    );
}

#[test]
fn csv_has_one_row_per_person_and_seminar_and_reads_back() {
    let env = Env::new();
    env.seed();
    let (header, rows) = csv_records(&env.ok(&["roster", "kss-2017", "--format", "csv"]));
    assert_eq!(
        header,
        [
            "seminar",
            "seminar_title",
            "date",
            "name",
            "formal_name",
            "position",
            "institution",
            "roles",
            "chaired_sessions",
            "talks"
        ]
    );
    let people: Vec<&str> = rows.iter().map(|row| cell(&header, row, "name")).collect();
    assert_eq!(
        people,
        [
            "Asra Virgianita",
            "Dinur Krismasari",
            "Mickael B. Hoelman",
            "Moh. Syarif Alatas",
            "Valerina Daniel"
        ]
    );
    let alatas = &rows[3];
    assert_eq!(cell(&header, alatas, "seminar"), "kss-2017");
    assert_eq!(cell(&header, alatas, "date"), "2017-05-18");
    assert_eq!(
        cell(&header, alatas, "position"),
        "Direktur Kerja Sama Teknik"
    );
    assert_eq!(
        cell(&header, alatas, "institution"),
        "Kementerian Luar Negeri"
    );
    assert_eq!(cell(&header, alatas, "roles"), "speaker");
    assert_eq!(
        cell(&header, alatas, "talks"),
        "Indonesia's growing role as a provider of South-South cooperation"
    );
    let valerina = &rows[4];
    assert_eq!(cell(&header, valerina, "roles"), "moderator");
    assert_eq!(cell(&header, valerina, "talks"), "Questions and answers");
    // CSV words and column names stay English whatever the language.
    assert_eq!(
        env.ok(&["roster", "kss-2017", "--format", "csv", "--lang", "id"]),
        env.ok(&["roster", "kss-2017", "--format", "csv"])
    );
}

#[test]
fn the_roster_prints_formal_names_with_titles_and_sorts_by_the_plain_name() {
    let env = Env::new().with_env("COLUMNS", "200");
    env.seed();
    env.ok(&[
        "speaker",
        "add",
        "kss-2017",
        "Prof. Dr. Ir. H. Bambang Hartono, M.Sc.",
        "--institution",
        "Universitas Gadjah Mada",
        "--new",
    ]);
    env.ok(&[
        "speaker",
        "add",
        "kss-2017",
        "Asra Virgianita",
        "--titles",
        "Dr., M.Si.",
    ]);
    let formal_bambang = "Prof. Dr. Ir. H. Bambang Hartono, M.Sc.";
    let formal_asra = "Dr. Asra Virgianita, M.Si.";

    let roster = env.json(&["roster", "kss-2017"]);
    assert_eq!(
        names(&roster),
        [
            "Asra Virgianita",
            "Bambang Hartono",
            "Dinur Krismasari",
            "Mickael B. Hoelman",
            "Moh. Syarif Alatas",
            "Valerina Daniel"
        ],
        "sorted by the plain name, titles left out of `name`"
    );
    assert_eq!(
        record(&roster, "Bambang Hartono")["formal_name"],
        formal_bambang
    );
    assert_eq!(
        record(&roster, "Asra Virgianita")["formal_name"],
        formal_asra
    );
    assert_eq!(
        record(&roster, "Dinur Krismasari")["formal_name"],
        "Dinur Krismasari"
    );

    let (header, rows) = csv_records(&env.ok(&["roster", "kss-2017", "--format", "csv"]));
    assert_eq!(cell(&header, &rows[1], "name"), "Bambang Hartono");
    assert_eq!(cell(&header, &rows[1], "formal_name"), formal_bambang);
    assert_eq!(cell(&header, &rows[0], "formal_name"), formal_asra);

    for format in ["text", "markdown", "html"] {
        for lang in ["en", "id"] {
            let out = env.ok(&["roster", "kss-2017", "--format", format, "--lang", lang]);
            assert!(out.contains(formal_bambang), "{format} {lang}: {out}");
            assert!(out.contains(formal_asra), "{format} {lang}: {out}");
        }
    }
}

#[test]
fn json_records_carry_their_ids_and_every_part() {
    let env = Env::new();
    env.seed();
    let roster = env.json(&["roster", "kss-2017"]);
    assert_eq!(
        roster,
        serde_json::from_str::<Value>(&env.ok(&["roster", "kss-2017", "--format", "json"]))
            .unwrap(),
        "--json is --format json"
    );
    let dinur = record(&roster, "Dinur Krismasari");
    for key in ["person_id", "role_ids"] {
        assert!(!dinur[key].is_null(), "{key}: {dinur:#}");
    }
    assert_eq!(dinur["seminar"]["slug"], "kss-2017");
    assert!(dinur["seminar"]["id"].is_i64());
    assert_eq!(dinur["person_uid"].as_str().map(str::len), Some(36));
    assert_eq!(dinur["formal_name"], "Dinur Krismasari");
    assert_eq!(dinur["position"], "Senior Representative");
    assert_eq!(dinur["institution"]["name"], "JICA Indonesia");
    assert_eq!(dinur["institution"]["short_name"], "JICA");
    let talk = &dinur["parts"][0];
    assert_eq!(talk["kind"], "speaker");
    assert_eq!(talk["role_id"], dinur["role_ids"][0]);
    assert_eq!(talk["item"]["type"], "slot");
    assert_eq!(talk["item"]["kind"], "talk");
    assert!(talk["item"]["id"].is_i64());
    assert_eq!(
        talk["item"]["title"],
        "Knowledge sharing in triangular cooperation"
    );
    assert_eq!(talk["item"]["starts_at"], "2017-05-18T09:45:00+07:00");
    assert_eq!(talk["item"]["ends_at"], "2017-05-18T10:15:00+07:00");
    assert_eq!(talk["item"]["room"], "Auditorium Juwono Sudarsono");
    let valerina = record(&roster, "Valerina Daniel");
    assert_eq!(valerina["roles"], serde_json::json!(["moderator"]));
    let parts = valerina["parts"].as_array().unwrap();
    assert_eq!(parts.len(), 2, "the seminar and the Q&A: {valerina:#}");
    assert!(parts[0]["item"].is_null(), "across the seminar");
    assert_eq!(parts[1]["item"]["kind"], "qa");
}

#[test]
fn the_html_roster_prints_on_a4_and_validates() {
    let env = conference();
    for lang in ["en", "id"] {
        let file = env.dir().join(format!("roster-{lang}.html"));
        let path = file.to_str().unwrap();
        assert_eq!(
            env.ok(&[
                "roster", SLUG, "--format", "html", "--lang", lang, "-o", path
            ]),
            ""
        );
        let page = std::fs::read_to_string(&file).unwrap();
        assert!(page.contains("@page { size: A4;"), "{page}");
        assert!(page.contains(&format!("<html lang=\"{lang}\">")));
        assert!(page.contains("Pleno pembukaan"));
        validate_html(&file);
    }
    let empty = Env::new();
    empty.create_morning_seminar("nobody-yet", "2017-06-15");
    let file = empty.dir().join("empty.html");
    empty.ok(&[
        "roster",
        "nobody-yet",
        "--format",
        "html",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("Nothing found.")
    );
    validate_html(&file);
}

const FORMATS: [&str; 5] = ["text", "markdown", "html", "csv", "json"];

#[test]
fn contacts_only_with_include_contacts_in_every_format() {
    let env = Env::new().with_env("COLUMNS", "400");
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
    for format in FORMATS {
        let plain = env.ok(&["roster", "kss-2017", "--format", format]);
        assert!(
            !plain.contains("dinur@example.org") && !plain.contains("5084"),
            "roster --format {format} leaks contacts: {plain}"
        );
        let with = env.ok(&[
            "roster",
            "kss-2017",
            "--format",
            format,
            "--include-contacts",
        ]);
        assert!(
            with.contains("dinur@example.org") && with.contains("+62 21 5084 7000"),
            "roster --format {format} --include-contacts: {with}"
        );
    }
    let (header, rows) = csv_records(&env.ok(&[
        "roster",
        "kss-2017",
        "--format",
        "csv",
        "--include-contacts",
    ]));
    assert_eq!(&header[header.len() - 2..], ["email", "phone"]);
    assert_eq!(cell(&header, &rows[1], "email"), "dinur@example.org");
    assert_eq!(cell(&header, &rows[0], "email"), "");
    let roster = env.json(&["roster", "kss-2017", "--include-contacts"]);
    assert_eq!(
        record(&roster, "Dinur Krismasari")["phone"],
        "+62 21 5084 7000"
    );
    let plain = env.json(&["roster", "kss-2017"]);
    assert!(record(&plain, "Dinur Krismasari").get("email").is_none());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let file = env.dir().join("contacts.csv");
        let path = file.to_str().unwrap();
        env.ok(&[
            "roster",
            "kss-2017",
            "--format",
            "csv",
            "--include-contacts",
            "-o",
            path,
        ]);
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "a file with contacts is private");
    }
}

#[test]
fn a_speaker_who_also_chairs_is_one_row_with_both_parts() {
    let env = conference();
    env.ok(&[
        "session",
        "edit",
        SLUG,
        "Panel 2A: Migrasi",
        "--chair",
        "Arif Budiman",
    ]);
    let roster = env.json(&["roster", SLUG]);
    let rows: Vec<&Value> = (roster.as_array().unwrap().iter())
        .filter(|record| record["name"] == "Arif Budiman")
        .collect();
    assert_eq!(rows.len(), 1, "one row: {roster:#}");
    assert_eq!(rows[0]["roles"], serde_json::json!(["speaker", "chair"]));
    assert_eq!(rows[0]["role_ids"].as_array().map(Vec::len), Some(2));
    assert_eq!(rows[0]["institution"]["name"], "Universitas Gadjah Mada");
    let text = env
        .with_env("COLUMNS", "250")
        .ok(&["roster", SLUG, "--format", "markdown"]);
    let line = (text.lines())
        .find(|line| line.starts_with("| Arif Budiman |"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains("Speaker<br>Chair: Panel 2A: Migrasi (Thursday, 13 May 08:30–10:00 WIB)"),
        "{line}"
    );
    assert!(
        line.contains("Makalah Arif Budiman · Wednesday, 12 May 10:30–10:55 WIB"),
        "{line}"
    );
}

#[test]
fn talks_and_sessions_cancelled_after_publication_earn_no_part() {
    let env = Env::new();
    env.seed();
    let talk = "Civil society in South-South cooperation";
    assert!(names(&env.json(&["roster", "kss-2017"])).contains(&"Mickael B. Hoelman".into()));
    env.ok(&["publish", "kss-2017"]);
    env.ok(&["slot", "remove", "kss-2017", talk]);
    let roster = env.json(&["roster", "kss-2017"]);
    assert_eq!(
        names(&roster),
        [
            "Asra Virgianita",
            "Dinur Krismasari",
            "Moh. Syarif Alatas",
            "Valerina Daniel"
        ],
        "the speaker of the cancelled talk is left out"
    );
    for format in FORMATS {
        let out = env.ok(&["roster", "kss-2017", "--format", format]);
        assert!(
            !out.contains("Hoelman") && !out.contains(talk),
            "{format}: {out}"
        );
    }
    // A speaker with no talk in the rundown yet has a part: the cancelled one does not.
    env.ok(&["speaker", "add", "kss-2017", "Siti Nurbaya"]);
    assert!(names(&env.json(&["roster", "kss-2017"])).contains(&"Siti Nurbaya".into()));

    let env = conference();
    env.ok(&["publish", SLUG]);
    env.ok(&["session", "remove", SLUG, "Panel 2B: Iklim", "--yes"]);
    let everyone = names(&env.json(&["roster", SLUG]));
    for gone in [
        "Oktaviani Putri",
        "Pandu Wicaksono",
        "Qori Amalia",
        "Rizky Ramadhan",
    ] {
        assert!(
            !everyone.contains(&gone.to_string()),
            "{gone}: {everyone:?}"
        );
    }
    assert_eq!(everyone.len(), 26 - 4);
}

#[test]
fn a_cancelled_seminar_has_nobody_on_its_roster() {
    let env = Env::new();
    env.seed();
    env.ok(&["cancel", "kss-2017"]);
    assert_eq!(env.count(&["roster", "kss-2017"]), 0);
    assert!(env.ok(&["roster", "kss-2017"]).contains("Nothing found."));
    assert_eq!(
        env.count(&["roster", "--from", "2017-01-01", "--to", "2017-12-31"]),
        0
    );
}

#[test]
fn from_to_lists_each_person_once_per_seminar_of_the_period() {
    let env = Env::new().with_env("COLUMNS", "250");
    env.seed();
    env.create_morning_seminar("follow-up", "15/06/2017");
    env.ok(&[
        "speaker",
        "add",
        "follow-up",
        "dinur krismasari",
        "--position",
        "Chief Representative",
        "--talk",
        "JICA projects in Asia",
        "--at",
        "09:30",
        "--minutes",
        "30",
    ]);
    env.create_morning_seminar("next-year", "2018-03-01");
    env.ok(&["speaker", "add", "next-year", "Asra Virgianita"]);

    let roster = env.json(&["roster", "--from", "2017-05-01", "--to", "2017-06-30"]);
    let rows: Vec<(String, String, String)> = (roster.as_array().unwrap().iter())
        .map(|record| {
            (
                record["name"].as_str().unwrap().to_string(),
                record["seminar"]["slug"].as_str().unwrap().to_string(),
                record["position"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let dinur: Vec<_> = rows
        .iter()
        .filter(|row| row.0 == "Dinur Krismasari")
        .collect();
    assert_eq!(
        dinur,
        [
            &(
                "Dinur Krismasari".to_string(),
                "kss-2017".to_string(),
                "Senior Representative".to_string()
            ),
            &(
                "Dinur Krismasari".to_string(),
                "follow-up".to_string(),
                "Chief Representative".to_string()
            ),
        ],
        "a row per seminar, in date order, each with the position of then"
    );
    assert_eq!(rows.len(), 6);
    assert!(!rows.iter().any(|row| row.1 == "next-year"));
    let june = env.json(&["roster", "--from", "2017-06-01", "--to", "30 Juni 2017"]);
    assert_eq!(names(&june), ["Dinur Krismasari"]);

    let text = env.ok(&["roster", "--from", "2017-05-01", "--to", "2017-06-30"]);
    assert!(text.contains("6 people in 2 seminars"), "{text}");
    assert!(text.contains("| Seminar "), "a seminar column: {text}");
    assert!(
        text.contains("(follow-up)") && text.contains("(kss-2017)"),
        "{text}"
    );
    let (header, csv_rows) = csv_records(&env.ok(&[
        "roster",
        "--from",
        "2017-05-01",
        "--to",
        "2017-06-30",
        "--format",
        "csv",
    ]));
    let seminars: Vec<&str> = (csv_rows.iter())
        .filter(|row| cell(&header, row, "name") == "Dinur Krismasari")
        .map(|row| cell(&header, row, "seminar"))
        .collect();
    assert_eq!(seminars, ["kss-2017", "follow-up"]);
    let indonesian = env.ok(&[
        "roster",
        "--from",
        "2017-05-01",
        "--to",
        "2017-06-30",
        "--lang",
        "id",
    ]);
    assert!(
        indonesian.contains("6 orang dari 2 seminar"),
        "{indonesian}"
    );
    assert!(
        indonesian.contains("Senin, 1 Mei 2017 s.d. Jumat, 30 Juni 2017"),
        "{indonesian}"
    );
}

/// A name an attacker could leave in the file: a terminal escape, a spreadsheet formula and
/// a script.
const HOSTILE: &str = "=HYPERLINK(\"http://evil\") <script>alert(1)</script> \u{1b}[31mRED\u{202e}";

#[test]
fn hostile_names_are_harmless_in_every_format() {
    let env = Env::new().with_env("COLUMNS", "500");
    env.seed();
    // Typed names may not hold control characters: this one is written into the file, as
    // an older version or another program could have left it.
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute(
        "UPDATE person SET name = ?1 WHERE name = 'Dinur Krismasari'",
        [HOSTILE],
    )
    .unwrap();
    drop(conn);
    for lang in ["en", "id"] {
        for format in ["text", "markdown", "html"] {
            let out = env.ok(&["roster", "kss-2017", "--format", format, "--lang", lang]);
            assert!(
                !out.chars().any(|c| c == '\u{1b}' || c == '\u{202e}'),
                "{format}: raw escape: {out:?}"
            );
            match format {
                "markdown" => {
                    assert!(out.contains("\\<script\\>"), "{out}");
                    assert!(!out.contains("<script>"), "{out}");
                }
                "html" => {
                    assert!(
                        out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
                        "{out}"
                    );
                    assert!(!out.contains("<script>"), "{out}");
                }
                _ => assert!(out.contains("\\u{1b}[31mRED\\u{202e}"), "{out}"),
            }
        }
    }
    let (header, rows) = csv_records(&env.ok(&["roster", "kss-2017", "--format", "csv"]));
    let hostile = (rows.iter())
        .find(|row| cell(&header, row, "name").contains("HYPERLINK"))
        .expect("the hostile row");
    assert_eq!(
        cell(&header, hostile, "name"),
        format!("'{HOSTILE}"),
        "neutralized"
    );
    let roster = env.json(&["roster", "kss-2017"]);
    assert!(
        names(&roster).contains(&HOSTILE.to_string()),
        "JSON keeps the exact text"
    );
}

/// The header cells of a text table (the first `|` line) or a Markdown table.
fn table_header(out: &str) -> Vec<String> {
    let line = (out.lines())
        .find(|line| line.starts_with('|'))
        .unwrap_or_else(|| panic!("no table: {out}"));
    line.trim_matches('|')
        .split('|')
        .map(|cell| cell.trim().to_string())
        .collect()
}

/// Rows of a text table: lines with cells, less the header.
fn table_rows(out: &str) -> usize {
    out.lines().filter(|line| line.starts_with("| ")).count() - 1
}

#[test]
fn speaker_list_has_the_same_columns_in_every_format() {
    let env = Env::new().with_env("COLUMNS", "400");
    env.seed();
    env.create_morning_seminar("follow-up", "2017-06-15");
    for talk in ["JICA projects in Asia", "Triangular cooperation"] {
        let at = if talk.starts_with('J') {
            "09:30"
        } else {
            "10:30"
        };
        env.ok(&[
            "speaker",
            "add",
            "follow-up",
            "Dinur Krismasari",
            "--talk",
            talk,
            "--at",
            at,
            "--minutes",
            "30",
        ]);
    }
    env.ok(&["speaker", "add", "follow-up", "Asra Virgianita"]);
    let keys = [
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
        "track",
    ];
    let english = [
        "Seminar",
        "Role",
        "Name",
        "Position",
        "Institution",
        "Talk",
        "Date",
        "Time",
        "Minutes",
        "Room",
        "Session",
        "Track",
    ];
    let indonesian = [
        "Seminar",
        "Peran",
        "Nama",
        "Jabatan",
        "Institusi",
        "Materi",
        "Tanggal",
        "Waktu",
        "Menit",
        "Ruang",
        "Sesi",
        "Jalur",
    ];
    for scope in [vec![], vec!["follow-up"], vec!["kss-2017"]] {
        let list = |more: &[&str]| {
            let mut args = vec!["speaker", "list"];
            args.extend(scope.iter().copied());
            args.extend_from_slice(more);
            env.ok(&args)
        };
        let (csv_header, csv_rows) = csv_records(&list(&["--format", "csv"]));
        assert_eq!(csv_header, keys, "{scope:?}");
        for (lang, labels) in [("en", english), ("id", indonesian)] {
            let text = list(&["--lang", lang]);
            let markdown = list(&["--format", "markdown", "--lang", lang]);
            assert_eq!(table_header(&text), labels, "text {scope:?} {lang}: {text}");
            assert_eq!(table_header(&markdown), labels, "markdown {scope:?} {lang}");
            assert_eq!(
                table_rows(&text),
                csv_rows.len(),
                "one text row per CSV row: {text}"
            );
            assert_eq!(markdown.lines().count(), 2 + csv_rows.len(), "{markdown}");
        }
        let json: Value = serde_json::from_str(&list(&["--format", "json"])).unwrap();
        let mut json_rows = 0;
        for record in json.as_array().unwrap() {
            for key in &keys[..5] {
                assert!(record.get(*key).is_some(), "{key} in {record:#}");
            }
            let details = record["talk_details"].as_array().unwrap();
            json_rows += details.len().max(1);
            for detail in details {
                let detail_keys: Vec<&str> = detail
                    .as_object()
                    .unwrap()
                    .keys()
                    .map(String::as_str)
                    .collect();
                let mut expected = keys[5..].to_vec();
                expected.sort_unstable();
                let mut detail_keys = detail_keys;
                detail_keys.sort_unstable();
                assert_eq!(detail_keys, expected);
            }
        }
        assert_eq!(json_rows, csv_rows.len(), "one JSON talk per CSV row");
    }
    // The talk's details in JSON are the CSV's cells.
    let json = env.json(&["speaker", "list", "follow-up"]);
    let dinur = (json.as_array().unwrap().iter())
        .find(|record| record["name"] == "Dinur Krismasari")
        .unwrap();
    assert_eq!(
        dinur["talk_details"][1],
        serde_json::json!({
            "talk": "Triangular cooperation",
            "date": "2017-06-15",
            "start": "10:30",
            "minutes": 30,
            "room": null,
            "session": null,
            "track": null
        })
    );
    let indonesian = env.ok(&["speaker", "list", "follow-up", "--lang", "id"]);
    assert!(
        indonesian.contains(" 10.30 ") && indonesian.contains(" Pembicara "),
        "{indonesian}"
    );
    let (header, rows) = csv_records(&env.ok(&["speaker", "list", "follow-up", "--format", "csv"]));
    let second = (rows.iter())
        .find(|row| cell(&header, row, "talk") == "Triangular cooperation")
        .unwrap();
    assert_eq!(cell(&header, second, "start"), "10:30");
    assert_eq!(redact_uids(&dinur["person_uid"].to_string()), "\"[uid]\"");
}

/// Two seminars on one morning: `opening-2017` (09:00–12:00 WIB) with a keynote speaker, a
/// speaker, a moderator and an MC; `later-2017` (10:00–13:00 WIB) with nobody yet.
fn keynote_and_mc() -> Env {
    let env = Env::new();
    for (title, slug, start, end) in [
        ("Opening Conference", "opening-2017", "09:00", "12:00"),
        ("Later Workshop", "later-2017", "10:00", "13:00"),
    ] {
        env.ok(&[
            "create",
            title,
            "--date",
            "2017-05-18",
            "--start",
            start,
            "--end",
            end,
            "--tz",
            "WIB",
            "--slug",
            slug,
        ]);
    }
    env.ok(&[
        "speaker",
        "add",
        "opening-2017",
        "Retno Marsudi",
        "--keynote",
        "--position",
        "Menteri Luar Negeri",
        "--institution",
        "Kementerian Luar Negeri (Kemlu)",
        "--talk",
        "Indonesia and the world",
        "--at",
        "09:00",
        "--minutes",
        "30",
    ]);
    env.ok(&[
        "speaker",
        "add",
        "opening-2017",
        "Asra Virgianita",
        "--talk",
        "South-South cooperation",
        "--at",
        "09:30",
        "--minutes",
        "30",
    ]);
    env.ok(&["moderator", "assign", "opening-2017", "Valerina Daniel"]);
    env.ok(&[
        "moderator",
        "assign",
        "opening-2017",
        "Najwa Shihab",
        "--mc",
    ]);
    env
}

fn roles_of(roster: &Value, name: &str) -> Value {
    record(roster, name)["roles"].clone()
}

#[test]
fn a_keynote_and_an_mc_show_in_agenda_roster_speaker_list_and_json() {
    let env = keynote_and_mc();
    for (lang, keynote, mc) in [
        ("en", "Keynote", "MC"),
        ("id", "Pembicara kunci", "Pembawa acara"),
    ] {
        let labelled = format!("{keynote}: Retno Marsudi");
        let agenda = env.ok(&["agenda", "opening-2017", "--lang", lang]);
        assert!(agenda.contains(&labelled), "{agenda}");
        let mc_line = (agenda.lines())
            .find(|line| line.starts_with(mc))
            .unwrap_or_else(|| panic!("no {mc} line in {agenda}"));
        assert!(mc_line.ends_with("Najwa Shihab"), "{mc_line}");
        for format in ["markdown", "html"] {
            let out = env.ok(&["agenda", "opening-2017", "--lang", lang, "--format", format]);
            assert!(out.contains(&labelled), "{format}: {out}");
            assert!(
                out.contains(mc) && out.contains("Najwa Shihab"),
                "{format}: {out}"
            );
        }
        let grid = env.ok(&["agenda", "opening-2017", "--lang", lang, "--grid"]);
        assert!(grid.contains(keynote), "{grid}");

        let roster = env.ok(&[
            "roster",
            "opening-2017",
            "--lang",
            lang,
            "--format",
            "markdown",
        ]);
        let row = |name: &str| {
            (roster.lines())
                .find(|line| line.contains(name))
                .unwrap_or_else(|| panic!("{name} not on {roster}"))
                .to_string()
        };
        assert!(
            row("Retno Marsudi").contains(&format!("| {keynote} |")),
            "{roster}"
        );
        assert!(
            row("Najwa Shihab").contains(&format!("| {mc} |")),
            "{roster}"
        );

        let list = env.ok(&[
            "speaker",
            "list",
            "opening-2017",
            "--lang",
            lang,
            "--format",
            "markdown",
        ]);
        assert!(row_of(&list, "Retno Marsudi").contains(keynote), "{list}");
        assert!(
            !list.contains("Najwa Shihab"),
            "an MC is not a speaker: {list}"
        );
    }
    let roster = env.json(&["roster", "opening-2017"]);
    assert_eq!(names(&roster).len(), 4);
    assert_eq!(
        roles_of(&roster, "Retno Marsudi"),
        serde_json::json!(["keynote"])
    );
    assert_eq!(roles_of(&roster, "Najwa Shihab"), serde_json::json!(["mc"]));
    assert_eq!(
        roles_of(&roster, "Valerina Daniel"),
        serde_json::json!(["moderator"])
    );

    let (header, rows) =
        csv_records(&env.ok(&["speaker", "list", "opening-2017", "--format", "csv"]));
    let retno = rows
        .iter()
        .find(|row| row.contains(&"Retno Marsudi".to_string()))
        .unwrap();
    assert_eq!(cell(&header, retno, "role"), "keynote");
    assert_eq!(rows.len(), 2, "the keynote and the speaker: {rows:?}");

    let programme = env.json(&["show", "opening-2017", "--json"]);
    let kinds = |list: &str| -> Vec<(String, String)> {
        (programme[list].as_array().unwrap().iter())
            .map(|role| {
                (
                    role["name"].as_str().unwrap().into(),
                    role["role"].as_str().unwrap().into(),
                )
            })
            .collect()
    };
    assert_eq!(
        kinds("speakers"),
        [
            ("Retno Marsudi".to_string(), "keynote".to_string()),
            ("Asra Virgianita".into(), "speaker".into())
        ]
    );
    assert_eq!(
        kinds("moderators"),
        [
            ("Valerina Daniel".to_string(), "moderator".to_string()),
            ("Najwa Shihab".into(), "mc".into())
        ]
    );
}

fn row_of<'a>(table: &'a str, name: &str) -> &'a str {
    (table.lines())
        .find(|line| line.contains(name))
        .unwrap_or_else(|| panic!("{name} not in {table}"))
}

#[test]
fn keynotes_and_mcs_survive_a_json_archive_round_trip() {
    let env = keynote_and_mc();
    let archive = env.dir().join("archive.json");
    env.ok(&[
        "export",
        "--format",
        "json",
        "-o",
        archive.to_str().unwrap(),
    ]);
    let copy = Env::new();
    copy.ok(&["import", archive.to_str().unwrap()]);
    let roster = copy.json(&["roster", "opening-2017"]);
    assert_eq!(roster, env.json(&["roster", "opening-2017"]));
    assert_eq!(
        roles_of(&roster, "Retno Marsudi"),
        serde_json::json!(["keynote"])
    );
    assert_eq!(roles_of(&roster, "Najwa Shihab"), serde_json::json!(["mc"]));
}

#[test]
fn a_csv_speaker_list_reads_its_keynote_back() {
    let env = keynote_and_mc();
    let list = env.dir().join("speakers.csv");
    env.ok(&[
        "speaker",
        "list",
        "opening-2017",
        "--format",
        "csv",
        "-o",
        list.to_str().unwrap(),
    ]);
    let copy = Env::new();
    copy.create_morning_seminar("opening-2017", "2017-05-18");
    copy.ok(&["import", list.to_str().unwrap()]);
    let roles = |env: &Env| -> Vec<(String, String)> {
        let (header, rows) =
            csv_records(&env.ok(&["speaker", "list", "opening-2017", "--format", "csv"]));
        rows.iter()
            .map(|row| {
                (
                    cell(&header, row, "name").into(),
                    cell(&header, row, "role").into(),
                )
            })
            .collect()
    };
    assert_eq!(roles(&copy), roles(&env));
    assert!(roles(&copy).contains(&("Retno Marsudi".into(), "keynote".into())));
}

#[test]
fn removing_takes_the_speaker_role_before_the_keynote_and_mc_by_flag() {
    let env = keynote_and_mc();
    env.ok(&[
        "speaker",
        "add",
        "opening-2017",
        "Retno Marsudi",
        "--talk",
        "Questions for the minister",
        "--at",
        "10:00",
        "--minutes",
        "30",
    ]);
    env.ok(&[
        "moderator",
        "assign",
        "opening-2017",
        "Valerina Daniel",
        "--mc",
    ]);
    let out = env.ok(&["speaker", "remove", "opening-2017", "Retno Marsudi"]);
    assert!(out.starts_with("Removed speaker Retno Marsudi"), "{out}");
    let roster = env.json(&["roster", "opening-2017"]);
    assert_eq!(
        roles_of(&roster, "Retno Marsudi"),
        serde_json::json!(["keynote"])
    );
    let out = env.ok(&["speaker", "remove", "opening-2017", "Retno Marsudi"]);
    assert!(
        out.starts_with("Removed keynote speaker Retno Marsudi"),
        "{out}"
    );

    let out = env.ok(&[
        "moderator",
        "unassign",
        "opening-2017",
        "Valerina Daniel",
        "--mc",
    ]);
    assert!(out.starts_with("Unassigned MC Valerina Daniel"), "{out}");
    let out = env.ok(&["moderator", "unassign", "opening-2017", "Najwa Shihab"]);
    assert!(out.starts_with("Unassigned MC Najwa Shihab"), "{out}");
    let roster = env.json(&["roster", "opening-2017"]);
    assert_eq!(names(&roster), ["Asra Virgianita", "Valerina Daniel"]);
    assert_eq!(
        roles_of(&roster, "Valerina Daniel"),
        serde_json::json!(["moderator"])
    );
}

#[test]
fn an_mc_is_busy_through_the_seminar_hours() {
    let env = keynote_and_mc();
    let refused = env.fails(
        1,
        &["moderator", "assign", "later-2017", "Najwa Shihab", "--mc"],
    );
    assert!(
        refused.contains("Najwa Shihab is in two places at once"),
        "{refused}"
    );
    // After the first seminar's hours the MC is free; a keynote is busy only in their talk.
    env.ok(&[
        "speaker",
        "add",
        "later-2017",
        "Najwa Shihab",
        "--talk",
        "Hosting",
        "--at",
        "12:00",
        "--minutes",
        "30",
    ]);
    env.ok(&["moderator", "assign", "later-2017", "Retno Marsudi", "--mc"]);
    assert_eq!(env.run(&["check"]).code, 0);

    env.ok(&[
        "moderator",
        "assign",
        "later-2017",
        "Valerina Daniel",
        "--mc",
        "--force",
    ]);
    let check = env.run(&["check"]);
    assert_eq!(check.code, 3, "{}", check.stdout);
    assert!(
        check
            .stdout
            .contains("Valerina Daniel is in two places at once"),
        "{}",
        check.stdout
    );
}

#[test]
fn the_change_report_names_an_mc_who_joined() {
    let env = keynote_and_mc();
    env.ok(&["publish", "opening-2017"]);
    env.ok(&[
        "moderator",
        "assign",
        "opening-2017",
        "Dewi Fortuna Anwar",
        "--mc",
    ]);
    let en = env.ok(&["changes", "opening-2017"]);
    assert!(en.contains("MC added: Dewi Fortuna Anwar"), "{en}");
    let id = env.ok(&["changes", "opening-2017", "--lang", "id"]);
    assert!(
        id.contains("pembawa acara ditambahkan: Dewi Fortuna Anwar"),
        "{id}"
    );
}
