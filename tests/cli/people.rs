use crate::support::Env;

#[test]
fn names_match_without_regard_to_case_accents_or_spacing() {
    let env = Env::new();
    env.seed();
    let line = env.fails(1, &["speaker", "add", "kss-2017", "dinur  KRISMASARI"]);
    assert!(line.contains("already a speaker"), "{line}");
    let shown = env.json(&["person", "show", "Dínur krismasari"]);
    assert_eq!(shown["name"], "Dinur Krismasari");
    assert_eq!(env.json(&["person", "list"]).as_array().unwrap().len(), 5);
}

#[test]
fn near_duplicate_institutions_and_people_are_refused_unless_new() {
    let env = Env::new();
    env.seed();
    let line = env.fails(
        1,
        &[
            "speaker",
            "add",
            "kss-2017",
            "Retno Marsudi",
            "--institution",
            "Kementrian Luar Negeri",
        ],
    );
    assert!(
        line.contains("looks like existing 'Kementerian Luar Negeri (Kemlu)'")
            && line.contains("--new"),
        "{line}"
    );
    let person = env.fails(1, &["moderator", "assign", "kss-2017", "Valerina Danial"]);
    assert!(person.contains("'Valerina Daniel'"), "{person}");
    env.ok(&["institution", "add", "Kementrian Luar Negri", "--new"]);
    assert_eq!(
        env.json(&["institution", "list"]).as_array().unwrap().len(),
        5
    );
}

#[test]
fn institutions_are_found_by_short_name() {
    let env = Env::new();
    env.seed();
    let speakers = env.json(&["speaker", "list", "--institution", "kemlu"]);
    assert_eq!(speakers.as_array().unwrap().len(), 1);
    assert_eq!(speakers[0]["name"], "Moh. Syarif Alatas");
    assert_eq!(
        speakers[0]["institution"]["name"],
        "Kementerian Luar Negeri"
    );
    assert_eq!(speakers[0]["institution"]["short_name"], "Kemlu");
    let jica = env.json(&["speaker", "list", "kss-2017", "--institution", "JICA"]);
    assert_eq!(jica[0]["name"], "Dinur Krismasari");
    let taken = env.fails(
        1,
        &[
            "institution",
            "add",
            "Japan International Cooperation Agency",
            "--short",
            "jica",
        ],
    );
    assert!(
        taken.contains("already belongs to 'JICA Indonesia (JICA)'"),
        "{taken}"
    );
    let exists = env.fails(1, &["institution", "add", "infid"]);
    assert!(exists.contains("already exists"), "{exists}");
}

#[test]
fn roles_keep_the_position_and_institution_held_at_that_seminar() {
    let env = Env::new();
    env.seed();
    env.ok(&[
        "create",
        "Later seminar",
        "--date",
        "2019-09-01",
        "--slug",
        "later-2019",
    ]);
    env.ok(&[
        "speaker",
        "add",
        "later-2019",
        "Asra Virgianita",
        "--position",
        "Dekan",
        "--institution",
        "Universitas Indonesia",
    ]);
    let old = env.json(&["show", "kss-2017"]);
    let asra = old["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Asra Virgianita")
        .unwrap()
        .clone();
    assert_eq!(asra["position"], "Dosen Hubungan Internasional");
    assert_eq!(asra["institution"]["name"], "FISIP UI");
    assert!(
        env.ok(&["agenda", "kss-2017"])
            .contains("Dosen Hubungan Internasional, FISIP UI")
    );
    let person = env.json(&["person", "show", "asra virgianita"]);
    assert_eq!(person["position"], "Dekan");
    assert_eq!(person["institution"]["name"], "Universitas Indonesia");
    let roles = person["roles"].as_array().unwrap();
    assert_eq!(roles.len(), 2);
    assert_eq!(roles[0]["seminar"]["slug"], "later-2019");
    assert_eq!(roles[1]["seminar"]["slug"], "kss-2017");
    assert_eq!(
        roles[1]["talks"],
        serde_json::json!(["South-South cooperation in international relations"])
    );
}

#[test]
fn a_speaker_without_details_takes_their_current_ones() {
    let env = Env::new();
    env.seed();
    env.ok(&[
        "create",
        "Later seminar",
        "--date",
        "2019-09-01",
        "--slug",
        "later-2019",
    ]);
    env.ok(&["speaker", "add", "later-2019", "Dinur Krismasari"]);
    let speakers = env.json(&["speaker", "list", "later-2019"]);
    assert_eq!(speakers[0]["position"], "Senior Representative");
    assert_eq!(speakers[0]["institution"]["name"], "JICA Indonesia");
}

#[test]
fn an_existing_speaker_can_gain_a_talk_or_a_new_position() {
    let env = Env::new();
    env.seed();
    env.ok(&[
        "create",
        "Later seminar",
        "--date",
        "2019-09-01",
        "--slug",
        "later-2019",
    ]);
    env.ok(&["speaker", "add", "later-2019", "INFID speaker", "--new"]);
    env.ok(&[
        "speaker",
        "add",
        "later-2019",
        "infid speaker",
        "--talk",
        "Civil society",
        "--at",
        "10:00",
        "--minutes",
        "45",
    ]);
    env.ok(&[
        "speaker",
        "add",
        "later-2019",
        "infid speaker",
        "--position",
        "Director",
    ]);
    let speakers = env.json(&["speaker", "list", "later-2019"]);
    assert_eq!(speakers.as_array().unwrap().len(), 1);
    assert_eq!(speakers[0]["position"], "Director");
    assert_eq!(speakers[0]["talks"], serde_json::json!(["Civil society"]));
}

#[test]
fn removing_a_speaker_removes_their_own_talk_only() {
    let env = Env::new();
    env.seed();
    let run = env.run(&["speaker", "remove", "kss-2017", "mickael b hoelman"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("removed the talk 'Civil society in South-South cooperation'"),
        "{}",
        run.stderr
    );
    let shown = env.json(&["show", "kss-2017"]);
    assert_eq!(shown["speakers"].as_array().unwrap().len(), 3);
    assert_eq!(shown["slots"].as_array().unwrap().len(), 6);
    assert_eq!(
        env.json(&["person", "show", "Mickael B. Hoelman"])["roles"],
        serde_json::json!([])
    );
    let again = env.fails(1, &["speaker", "remove", "kss-2017", "Mickael B. Hoelman"]);
    assert!(again.contains("not found"), "{again}");
}

#[test]
fn moderators_are_assigned_and_unassigned() {
    let env = Env::new();
    env.seed();
    env.ok(&["moderator", "assign", "kss-2017", "Asra Virgianita"]);
    let shown = env.json(&["show", "kss-2017"]);
    assert_eq!(shown["moderators"].as_array().unwrap().len(), 2);
    assert!(env.ok(&["agenda", "kss-2017"]).contains("Moderators"));
    env.ok(&["moderator", "unassign", "kss-2017", "valerina daniel"]);
    let shown = env.json(&["show", "kss-2017"]);
    assert_eq!(shown["moderators"][0]["name"], "Asra Virgianita");
    assert!(
        shown["slots"][5]["people"].as_array().unwrap().is_empty(),
        "the Q&A loses its moderator"
    );
    env.fails(1, &["moderator", "unassign", "kss-2017", "Valerina Daniel"]);
}

#[test]
fn speaker_list_across_seminars_shows_each_seminar() {
    let env = Env::new().with_env("COLUMNS", "250");
    env.seed();
    let all = env.ok(&["speaker", "list"]);
    assert!(
        all.contains("kss-2017") && all.contains("2017-05-18"),
        "{all}"
    );
    let one = env.ok(&["speaker", "list", "kss-2017"]);
    assert!(!one.contains("2017-05-18"), "{one}");
    assert!(
        one.contains("Knowledge sharing in triangular cooperation"),
        "{one}"
    );
}

#[test]
fn person_list_searches_names_positions_and_institutions() {
    let env = Env::new();
    env.seed();
    let names = |text: &str| -> Vec<String> {
        env.json(&["person", "list", "--search", text])
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names("kemlu"), ["Moh. Syarif Alatas"]);
    assert_eq!(names("SENIOR"), ["Dinur Krismasari", "Mickael B. Hoelman"]);
    assert_eq!(names("virgianita"), ["Asra Virgianita"]);
    assert!(names("nobody").is_empty());
    assert!(
        env.ok(&["person", "list", "--search", "nobody"])
            .contains("Nothing found")
    );
}

#[test]
fn contact_details_show_for_the_person_but_nowhere_else() {
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
        "--position",
        "Chief Representative",
    ]);
    let person = env.json(&["person", "show", "Dinur Krismasari"]);
    assert_eq!(person["email"], "dinur@example.org");
    assert_eq!(person["phone"], "+62 21 5084 7000");
    assert!(
        env.ok(&["person", "show", "Dinur Krismasari"])
            .contains("dinur@example.org")
    );
    for args in [
        vec!["--json", "show", "kss-2017"],
        vec!["--json", "agenda", "kss-2017"],
        vec!["agenda", "kss-2017"],
        vec!["--json", "speaker", "list"],
        vec!["--json", "person", "list"],
        vec!["speaker", "list"],
    ] {
        let out = env.ok(&args);
        assert!(
            !out.contains("dinur@example.org") && !out.contains("5084"),
            "{args:?} leaks contacts"
        );
    }
}

#[test]
fn venues_are_added_listed_and_assigned() {
    let env = Env::new();
    env.ok(&[
        "venue",
        "add",
        "Balai Sidang",
        "--address",
        "Kampus UI, Depok",
        "--capacity",
        "800",
    ]);
    env.ok(&[
        "create",
        "Kuliah Umum",
        "--date",
        "2024-03-01",
        "--slug",
        "kuliah",
    ]);
    env.ok(&["venue", "assign", "kuliah", "balai sidang"]);
    let venues = env.json(&["venue", "list"]);
    assert_eq!(venues[0]["name"], "Balai Sidang");
    assert_eq!(venues[0]["capacity"], 800);
    assert_eq!(venues[0]["seminars"], 1);
    let near = env.fails(1, &["venue", "add", "Balai Sidangg"]);
    assert!(
        near.contains("looks like existing 'Balai Sidang'"),
        "{near}"
    );
    let table = env.ok(&["venue", "list"]);
    assert!(
        table.contains("Kampus UI, Depok") && table.contains("800"),
        "{table}"
    );
    let institutions = env.ok(&["institution", "list"]);
    assert!(institutions.contains("Nothing found"), "{institutions}");
}
