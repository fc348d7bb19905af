//! Names as Indonesian organizers write them (issue 14): titles and degrees kept apart from
//! the name and ignored when matching, institutions' abbreviations and aliases, numbered and
//! lettered names, and the upgrade of names on record from schema 5.

use rusqlite::Connection;
use serde_json::Value;

use crate::support::Env;

/// An empty database with one seminar, `knhi-2026`, to add people to.
fn conference() -> Env {
    let env = Env::new();
    env.create_morning_seminar("knhi-2026", "2026-03-10");
    env
}

/// Everyone on record, as `person list --json` gives them.
fn people(env: &Env) -> Vec<Value> {
    env.json(&["person", "list"]).as_array().unwrap().clone()
}

fn person<'a>(people: &'a [Value], name: &str) -> &'a Value {
    people
        .iter()
        .find(|person| person["name"] == name)
        .unwrap_or_else(|| panic!("{name} is not on record: {people:?}"))
}

fn institutions(env: &Env) -> Vec<Value> {
    env.json(&["institution", "list"])
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn dr_siti_rahmawati_ma_is_the_siti_rahmawati_on_record_and_her_titles_are_recorded() {
    let env = conference();
    env.create_morning_seminar("kss-2027", "2027-05-18");
    env.ok(&[
        "speaker",
        "add",
        "kss-2027",
        "Siti Rahmawati",
        "--position",
        "Dosen",
        "--institution",
        "Universitas Indonesia",
    ]);
    let added = env.json(&["speaker", "add", "knhi-2026", "Dr. Siti Rahmawati, M.A."]);
    assert_eq!(added["name"], "Siti Rahmawati");
    assert_eq!(added["position"], "Dosen", "her position came along");
    assert_eq!(added["institution"]["name"], "Universitas Indonesia");
    let everyone = people(&env);
    assert_eq!(everyone.len(), 1, "one Siti Rahmawati: {everyone:?}");
    let siti = person(&everyone, "Siti Rahmawati");
    assert_eq!(siti["titles_front"], "Dr.");
    assert_eq!(siti["titles_back"], "M.A.");
    assert_eq!(siti["seminars"], 2);
    let shown = env.ok(&["person", "show", "Siti Rahmawati"]);
    assert!(
        shown.contains("With titles  Dr. Siti Rahmawati, M.A."),
        "{shown}"
    );
    let ditampilkan = env.ok(&["person", "show", "Siti Rahmawati", "--lang", "id"]);
    assert!(
        ditampilkan.contains("Dengan gelar  Dr. Siti Rahmawati, M.A."),
        "{ditampilkan}"
    );
}

#[test]
fn poppy_lestari_is_not_refused_as_looking_like_dr_poppy_lestari() {
    let env = conference();
    env.ok(&["speaker", "add", "knhi-2026", "Dr. Poppy Lestari"]);
    env.ok(&[
        "slot",
        "add",
        "knhi-2026",
        "Diplomasi publik",
        "--at",
        "10:00",
        "--minutes",
        "30",
        "--speaker",
        "Poppy Lestari",
    ]);
    env.ok(&["moderator", "assign", "knhi-2026", "Poppy Lestari"]);
    let everyone = people(&env);
    assert_eq!(everyone.len(), 1, "{everyone:?}");
    assert_eq!(person(&everyone, "Poppy Lestari")["titles_front"], "Dr.");
}

#[test]
fn wawan_masudi_with_or_without_titles_is_one_person() {
    let env = conference();
    env.ok(&["speaker", "add", "knhi-2026", "Wawan Mas'udi"]);
    env.ok(&[
        "moderator",
        "assign",
        "knhi-2026",
        "Dr. Wawan Mas'udi, M.A.",
    ]);
    env.ok(&[
        "slot",
        "add",
        "knhi-2026",
        "Politik lokal",
        "--at",
        "09:00",
        "--minutes",
        "30",
        "--speaker",
        "Wawan Mas'udi, M.A.",
    ]);
    let everyone = people(&env);
    assert_eq!(everyone.len(), 1, "{everyone:?}");
    let wawan = person(&everyone, "Wawan Mas'udi");
    assert_eq!(
        (&wawan["titles_front"], &wawan["titles_back"]),
        (&Value::from("Dr."), &Value::from("M.A."))
    );
}

#[test]
fn the_titles_flag_sets_and_clears_titles_and_the_html_agenda_prints_the_formal_name() {
    let env = conference().with_env("COLUMNS", "250");
    env.ok(&[
        "speaker",
        "add",
        "knhi-2026",
        "Bambang Hartono",
        "--titles",
        "Prof. Dr. Ir. H., M.Sc.",
        "--talk",
        "Ketahanan pangan",
        "--at",
        "09:00",
        "--minutes",
        "30",
    ]);
    env.ok(&[
        "moderator",
        "assign",
        "knhi-2026",
        "Hj. Ani Suryani, S.H., M.Hum.",
    ]);
    let html = env.ok(&["agenda", "knhi-2026", "--format", "html"]);
    assert!(
        html.contains("Prof. Dr. Ir. H. Bambang Hartono, M.Sc."),
        "{html}"
    );
    assert!(html.contains("Hj. Ani Suryani, S.H., M.Hum."), "{html}");
    for plain in [
        env.ok(&["agenda", "knhi-2026"]),
        env.ok(&["agenda", "knhi-2026", "--format", "markdown"]),
        // Markdown: the text table of twelve columns wraps names at 120 columns.
        env.ok(&["speaker", "list", "knhi-2026", "--format", "markdown"]),
    ] {
        assert!(plain.contains("Bambang Hartono"), "{plain}");
        assert!(!plain.contains("Prof."), "plain names elsewhere: {plain}");
        assert!(!plain.contains("M.Hum."), "plain names elsewhere: {plain}");
    }
    let agenda = env.json(&["agenda", "knhi-2026", "--format", "json"]);
    let text = agenda.to_string();
    assert!(
        text.contains(r#""titles_front":"Prof. Dr. Ir. H.""#),
        "{text}"
    );
    assert!(text.contains(r#""titles_back":"M.Sc.""#), "{text}");

    env.ok(&[
        "speaker",
        "add",
        "knhi-2026",
        "Bambang Hartono",
        "--titles",
        "Dr., M.Si.",
    ]);
    let bambang = person(&people(&env), "Bambang Hartono").clone();
    assert_eq!(
        (&bambang["titles_front"], &bambang["titles_back"]),
        (&Value::from("Dr."), &Value::from("M.Si."))
    );
    env.ok(&[
        "speaker",
        "add",
        "knhi-2026",
        "Bambang Hartono",
        "--titles",
        "",
    ]);
    let bambang = person(&people(&env), "Bambang Hartono").clone();
    assert!(bambang.get("titles_front").is_none(), "{bambang}");
    assert!(bambang.get("titles_back").is_none(), "{bambang}");
}

#[test]
fn titles_go_through_a_json_archive_and_old_archives_with_titles_in_names_still_import() {
    let env = conference();
    env.ok(&[
        "speaker",
        "add",
        "knhi-2026",
        "Prof. Dr. Ir. H. Bambang Hartono, M.Sc.",
    ]);
    let archive = env.dir().join("archive.json");
    env.ok(&[
        "export",
        "--format",
        "json",
        "-o",
        archive.to_str().unwrap(),
    ]);
    let other = Env::new();
    other.ok(&["import", archive.to_str().unwrap()]);
    let everyone = people(&other);
    let bambang = person(&everyone, "Bambang Hartono");
    assert_eq!(bambang["titles_front"], "Prof. Dr. Ir. H.");
    assert_eq!(bambang["titles_back"], "M.Sc.");

    // An archive from before titles: the titles are in the name.
    let mut old: Value = serde_json::from_str(&std::fs::read_to_string(&archive).unwrap()).unwrap();
    let speakers = old["seminars"][0]["speakers"].as_array_mut().unwrap();
    let speaker = speakers[0].as_object_mut().unwrap();
    speaker.remove("titles_front");
    speaker.remove("titles_back");
    speaker.insert("name".into(), "Dr. Siti Rahmawati, M.A.".into());
    speaker.remove("person_uid");
    let old_archive = env.dir().join("old.json");
    std::fs::write(&old_archive, old.to_string()).unwrap();
    let third = Env::new();
    third.ok(&["import", old_archive.to_str().unwrap()]);
    let siti = person(&people(&third), "Siti Rahmawati").clone();
    assert_eq!(
        (&siti["titles_front"], &siti["titles_back"]),
        (&Value::from("Dr."), &Value::from("M.A."))
    );
}

#[test]
fn univ_indonesia_is_universitas_indonesia_and_univ_gadjah_mada_is_ugm() {
    let env = conference();
    env.ok(&["institution", "add", "Universitas Indonesia"]);
    env.ok(&["institution", "add", "Universitas Gadjah Mada (UGM)"]);
    env.ok(&[
        "speaker",
        "add",
        "knhi-2026",
        "Siti Rahmawati",
        "--institution",
        "Univ. Indonesia",
    ]);
    env.ok(&[
        "speaker",
        "add",
        "knhi-2026",
        "Poppy Lestari",
        "--institution",
        "Univ. Gadjah Mada",
    ]);
    let everyone = people(&env);
    assert_eq!(
        person(&everyone, "Siti Rahmawati")["institution"]["name"],
        "Universitas Indonesia"
    );
    assert_eq!(
        person(&everyone, "Poppy Lestari")["institution"]["short_name"],
        "UGM"
    );
    assert_eq!(institutions(&env).len(), 2, "no institution was added");
    let line = env.fails(1, &["institution", "add", "Univ. Indonesia"]);
    assert!(line.contains("already exists"), "{line}");
}

#[test]
fn undp_indonesia_is_not_a_near_duplicate_of_univ_indonesia_or_universitas_indonesia() {
    let env = Env::new();
    env.ok(&["institution", "add", "Univ. Indonesia"]);
    env.ok(&["institution", "add", "UNDP Indonesia"]);
    let other = Env::new();
    other.ok(&["institution", "add", "Universitas Indonesia"]);
    other.ok(&["institution", "add", "UNDP Indonesia"]);
    assert_eq!(institutions(&env).len(), 2);
    assert_eq!(institutions(&other).len(), 2);
    // Slips are still caught.
    let line = other.fails(1, &["institution", "add", "Universitas Indonesai"]);
    assert!(line.contains("looks like"), "{line}");
}

#[test]
fn an_alias_finds_its_institution_wherever_an_institution_is_named() {
    let env = conference();
    env.ok(&[
        "institution",
        "add",
        "Kementerian Luar Negeri",
        "--short",
        "Kemlu",
    ]);
    env.ok(&[
        "institution",
        "alias",
        "add",
        "Kementerian Luar Negeri",
        "Kemenlu",
    ]);
    env.ok(&["institution", "alias", "add", "Kemlu", "Deplu"]);
    env.ok(&[
        "speaker",
        "add",
        "knhi-2026",
        "Moh. Syarif Alatas",
        "--institution",
        "kemenlu",
    ]);
    env.ok(&[
        "speaker",
        "add",
        "knhi-2026",
        "Dinur Krismasari",
        "--institution",
        "Dep. Luar Negeri",
        "--new",
    ]);
    let listed = institutions(&env);
    assert_eq!(listed.len(), 2, "{listed:?}");
    let kemlu = &listed[1];
    assert_eq!(kemlu["name"], "Kementerian Luar Negeri");
    assert_eq!(kemlu["aliases"], serde_json::json!(["Deplu", "Kemenlu"]));
    assert_eq!(kemlu["people"], 1);
    let speakers = env.count(&["speaker", "list", "--institution", "Kemenlu"]);
    assert_eq!(speakers, 1);
    let table = env.ok(&["institution", "list"]);
    assert!(
        table.contains("Aliases") && table.contains("Deplu, Kemenlu"),
        "{table}"
    );
    let tabel = env.ok(&["institution", "list", "--lang", "id"]);
    assert!(tabel.contains("Nama lain"), "{tabel}");
    // A person named with an alias of their institution.
    env.ok(&[
        "speaker",
        "remove",
        "knhi-2026",
        "Moh. Syarif Alatas (Kemenlu)",
    ]);

    env.ok(&[
        "institution",
        "alias",
        "remove",
        "Kementerian Luar Negeri",
        "KEMENLU",
    ]);
    env.fails(1, &["speaker", "list", "--institution", "Kemenlu"]);
    let line = env.fails(
        1,
        &[
            "institution",
            "alias",
            "add",
            "Departemen Luar Negeri",
            "Deplu",
        ],
    );
    assert!(line.contains("already names"), "{line}");
    let line = env.fails(1, &["institution", "alias", "remove", "Kemlu", "Kemenlu"]);
    assert!(line.contains("Kemenlu"), "{line}");
}

#[test]
fn merging_institutions_keeps_the_aliases_of_the_one_removed() {
    let env = Env::new();
    env.ok(&["institution", "add", "Universitas Indonesia"]);
    env.ok(&["institution", "add", "Kampus Depok", "--new"]);
    env.ok(&["institution", "alias", "add", "Kampus Depok", "UI Depok"]);
    env.ok(&[
        "--yes",
        "institution",
        "merge",
        "Kampus Depok",
        "Universitas Indonesia",
    ]);
    let listed = institutions(&env);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["aliases"], serde_json::json!(["UI Depok"]));
}

#[test]
fn numbered_and_lettered_names_are_different_places_people_and_institutions() {
    let env = conference();
    for venue in [
        "Ruang 1",
        "Ruang 3",
        "Ruang 2",
        "Room A",
        "Room B",
        "Lecture room M1",
        "Lecture room M2",
    ] {
        env.ok(&["venue", "add", venue]);
    }
    assert_eq!(env.count(&["venue", "list"]), 7);
    for institution in ["Kantor Wilayah I", "Kantor Wilayah II", "Kantor Wilayah 3"] {
        env.ok(&["institution", "add", institution]);
    }
    for name in ["Peserta Undangan 1", "Peserta Undangan 2"] {
        env.ok(&["speaker", "add", "knhi-2026", name]);
    }
    assert_eq!(people(&env).len(), 2);
    for (title, at) in [("Sesi I", "09:00"), ("Sesi II", "10:00")] {
        env.ok(&[
            "session",
            "add",
            "knhi-2026",
            title,
            "--on",
            "2026-03-10",
            "--at",
            at,
            "--minutes",
            "60",
        ]);
    }
    let shown = env.json(&["session", "show", "knhi-2026", "Sesi II"]);
    assert_eq!(shown["title"], "Sesi II", "{shown}");
    // A slip in a name is still caught.
    let line = env.fails(1, &["venue", "add", "Lecture rom M2"]);
    assert!(line.contains("Lecture room M2"), "{line}");
}

fn upgraded_from_schema_5() -> Env {
    let env = Env::new();
    std::fs::create_dir_all(env.db.parent().unwrap()).unwrap();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/schema-v5-names.sql"
    );
    Connection::open(&env.db)
        .unwrap()
        .execute_batch(&std::fs::read_to_string(fixture).unwrap())
        .unwrap();
    env
}

#[test]
fn the_upgrade_from_schema_5_splits_titles_off_the_names_on_record_keeping_ids_and_uids() {
    let env = upgraded_from_schema_5();
    let uids_before: Vec<(i64, String)> = {
        let conn = Connection::open(&env.db).unwrap();
        let mut statement = conn
            .prepare("SELECT id, uid FROM person ORDER BY id")
            .unwrap();
        statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    env.ok(&["list"]);
    let conn = Connection::open(&env.db).unwrap();
    let mut statement = conn
        .prepare(
            "SELECT id, uid, name, name_key, titles_front, titles_back FROM person ORDER BY id",
        )
        .unwrap();
    type Row = (i64, String, String, String, Option<String>, Option<String>);
    let rows: Vec<Row> = statement
        .query_map([], |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
                row.get(5)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let ids_and_uids: Vec<(i64, String)> = rows.iter().map(|r| (r.0, r.1.clone())).collect();
    assert_eq!(ids_and_uids, uids_before);
    let split: Vec<(&str, &str, Option<&str>, Option<&str>)> = rows[5..]
        .iter()
        .map(|r| (r.2.as_str(), r.3.as_str(), r.4.as_deref(), r.5.as_deref()))
        .collect();
    assert_eq!(
        split,
        [
            (
                "Siti Rahmawati",
                "siti rahmawati",
                Some("Dr."),
                Some("M.A.")
            ),
            (
                "Bambang Hartono",
                "bambang hartono",
                Some("Prof. Dr. Ir. H."),
                Some("M.Sc.")
            ),
            ("Wawan Mas'udi", "wawan masudi", None, None),
            ("Poppy Lestari", "poppy lestari", Some("Dr."), None),
            (
                "Ani Suryani",
                "ani suryani",
                Some("Hj."),
                Some("S.H., M.Hum.")
            ),
        ]
    );
    assert_eq!(
        rows[0].2, "Moh. Syarif Alatas",
        "the seed's names are as they were"
    );

    // Matching finds them by their names without titles, and the agenda prints them.
    env.ok(&[
        "slot",
        "add",
        "knhi-2026",
        "Diplomasi publik II",
        "--at",
        "11:00",
        "--minutes",
        "30",
        "--speaker",
        "Poppy Lestari",
    ]);
    assert_eq!(env.count(&["person", "list"]), 10);
    let html = env.ok(&["agenda", "knhi-2026", "--format", "html"]);
    assert!(
        html.contains("Prof. Dr. Ir. H. Bambang Hartono, M.Sc."),
        "{html}"
    );
}

#[test]
fn the_upgrade_from_schema_5_writes_out_institution_abbreviations_and_keeps_both_of_a_pair() {
    let env = upgraded_from_schema_5();
    env.ok(&["list"]);
    let listed = institutions(&env);
    let names: Vec<&str> = listed.iter().map(|i| i["name"].as_str().unwrap()).collect();
    assert!(
        names.contains(&"Univ. Indonesia") && names.contains(&"Universitas Indonesia"),
        "{names:?}"
    );
    // Each is found by its own name, so that they can be merged.
    env.ok(&[
        "--yes",
        "institution",
        "merge",
        "Univ. Indonesia",
        "Universitas Indonesia",
    ]);
    env.ok(&[
        "speaker",
        "add",
        "knhi-2026",
        "Poppy Lestari",
        "--institution",
        "Univ. Gadjah Mada",
    ]);
    let everyone = people(&env);
    assert_eq!(
        person(&everyone, "Siti Rahmawati")["institution"]["name"],
        "Universitas Indonesia"
    );
    assert_eq!(
        person(&everyone, "Poppy Lestari")["institution"]["short_name"],
        "UGM"
    );
    assert_eq!(institutions(&env).len(), 6);
}

#[test]
fn an_import_matches_names_without_their_titles_and_records_the_titles() {
    let env = conference();
    env.ok(&[
        "speaker",
        "add",
        "knhi-2026",
        "Siti Rahmawati",
        "--institution",
        "Universitas Indonesia",
    ]);
    env.ok(&["speaker", "add", "knhi-2026", "Dr. Poppy Lestari"]);
    let file = env.dir().join("speakers.csv");
    std::fs::write(
        &file,
        "seminar,role,name,institution\n\
         knhi-2026,moderator,\"Dr. Siti Rahmawati, M.A.\",Univ. Indonesia\n\
         knhi-2026,moderator,Poppy Lestari,Univ. Gadjah Mada\n\
         knhi-2026,speaker,\"Prof. Dr. Ir. H. Bambang Hartono, M.Sc.\",UNDP Indonesia\n",
    )
    .unwrap();
    env.ok(&["import", file.to_str().unwrap()]);
    let everyone = people(&env);
    assert_eq!(everyone.len(), 3, "{everyone:?}");
    let siti = person(&everyone, "Siti Rahmawati");
    assert_eq!(siti["titles_back"], "M.A.");
    assert_eq!(siti["institution"]["name"], "Universitas Indonesia");
    let bambang = person(&everyone, "Bambang Hartono");
    assert_eq!(bambang["titles_front"], "Prof. Dr. Ir. H.");
    let names: Vec<String> = institutions(&env)
        .iter()
        .map(|i| i["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "UNDP Indonesia",
            "Univ. Gadjah Mada",
            "Universitas Indonesia"
        ]
    );
    let shown = env.json(&["person", "show", "Dr. Siti Rahmawati, M.A."]);
    assert_eq!(shown["name"], "Siti Rahmawati");
}

#[test]
fn titles_written_in_a_chair_or_a_slot_speaker_are_recorded_too() {
    let env = conference();
    env.ok(&[
        "session",
        "add",
        "knhi-2026",
        "Sesi I",
        "--on",
        "2026-03-10",
        "--at",
        "09:00",
        "--minutes",
        "60",
        "--chair",
        "Prof. Dr. Ir. H. Bambang Hartono, M.Sc.",
    ]);
    env.ok(&[
        "slot",
        "add",
        "knhi-2026",
        "Diplomasi publik",
        "--at",
        "10:00",
        "--minutes",
        "30",
        "--speaker",
        "Dr. Poppy Lestari",
    ]);
    let everyone = people(&env);
    assert_eq!(
        person(&everyone, "Bambang Hartono")["titles_front"],
        "Prof. Dr. Ir. H."
    );
    assert_eq!(person(&everyone, "Poppy Lestari")["titles_front"], "Dr.");
    let html = env.ok(&["agenda", "knhi-2026", "--format", "html"]);
    assert!(
        html.contains("Prof. Dr. Ir. H. Bambang Hartono, M.Sc."),
        "{html}"
    );
    assert!(html.contains("Dr. Poppy Lestari"), "{html}");
}
