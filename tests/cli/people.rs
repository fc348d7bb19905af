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
            "Kementerian Luar Negri",
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
    // The same columns as across seminars and in every other format.
    assert_eq!(one.lines().next(), all.lines().next(), "{one}");
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

/// Two seminars, and in each a different Budi Santoso: of UGM in `ugm-2024`, of ITB (added
/// with `--new`) in `itb-2024`. Returns their ids, UGM's first.
fn two_budis(env: &Env) -> (i64, i64) {
    env.create_morning_seminar("ugm-2024", "2024-03-01");
    env.create_morning_seminar("itb-2024", "2024-03-08");
    env.ok(&[
        "speaker",
        "add",
        "ugm-2024",
        "Budi Santoso",
        "--institution",
        "Universitas Gadjah Mada (UGM)",
        "--email",
        "budi.ugm@example.org",
        "--phone",
        "+62 274 588 688",
        "--talk",
        "Rivers of Yogyakarta",
        "--at",
        "09:00",
        "--minutes",
        "30",
    ]);
    let itb = env.json(&[
        "speaker",
        "add",
        "itb-2024",
        "Budi Santoso",
        "--new",
        "--institution",
        "Institut Teknologi Bandung (ITB)",
        "--email",
        "budi.itb@example.org",
        "--talk",
        "Bridges of Bandung",
        "--at",
        "10:00",
        "--minutes",
        "30",
    ]);
    let ugm = env.json(&["person", "show", "Budi Santoso (UGM)"]);
    (
        ugm["id"].as_i64().unwrap(),
        itb["person_id"].as_i64().unwrap(),
    )
}

fn institution_of(person: &serde_json::Value) -> &str {
    person["institution"]["short_name"].as_str().unwrap()
}

#[test]
fn a_new_person_with_a_name_on_record_is_a_different_person() {
    let env = Env::new();
    let (ugm, itb) = two_budis(&env);
    assert_ne!(ugm, itb);

    let people = env.json(&["person", "list"]);
    let budis: Vec<_> = people
        .as_array()
        .unwrap()
        .iter()
        .filter(|person| person["name"] == "Budi Santoso")
        .collect();
    assert_eq!(budis.len(), 2, "{people}");
    assert_ne!(budis[0]["id"], budis[1]["id"]);
    assert_ne!(budis[0]["uid"], budis[1]["uid"]);
    let text = env.ok(&["person", "list"]);
    assert!(
        text.contains("Universitas Gadjah Mada")
            && text.contains("Institut Teknologi Bandung")
            && text.contains(&format!("#{ugm}"))
            && text.contains(&format!("#{itb}")),
        "{text}"
    );

    let first = env.json(&["person", "show", "Budi Santoso (UGM)"]);
    assert_eq!(first["id"], ugm);
    assert_eq!(first["email"], "budi.ugm@example.org");
    assert_eq!(first["phone"], "+62 274 588 688");
    assert_eq!(institution_of(&first), "UGM");
    assert_eq!(first["roles"].as_array().unwrap().len(), 1);
    assert_eq!(first["roles"][0]["seminar"]["slug"], "ugm-2024");

    let second = env.json(&["person", "show", "Budi Santoso <budi.itb@example.org>"]);
    assert_eq!(second["id"], itb);
    assert_eq!(second["email"], "budi.itb@example.org");
    assert!(second["phone"].is_null(), "{second}");
    assert_eq!(institution_of(&second), "ITB");
    assert_eq!(second["roles"].as_array().unwrap().len(), 1);
    assert_eq!(second["roles"][0]["seminar"]["slug"], "itb-2024");

    let ugm_agenda = env.ok(&["agenda", "ugm-2024"]);
    assert!(
        ugm_agenda.contains("Universitas Gadjah Mada") && !ugm_agenda.contains("Bandung"),
        "{ugm_agenda}"
    );
    let itb_agenda = env.ok(&["agenda", "itb-2024"]);
    assert!(
        itb_agenda.contains("Institut Teknologi Bandung") && !itb_agenda.contains("Gadjah"),
        "{itb_agenda}"
    );
}

#[test]
fn a_name_two_people_share_is_refused_listing_both_and_changes_nothing() {
    let env = Env::new();
    let (ugm, itb) = two_budis(&env);
    env.create_morning_seminar("third-2024", "2024-03-15");
    let expected = format!(
        "error: person 'Budi Santoso' is ambiguous: #{ugm} Budi Santoso (UGM), #{itb} Budi Santoso (ITB); name one as 'Budi Santoso (ITB)', 'Budi Santoso <email>' or '#{itb}'"
    );
    for args in [
        vec!["person", "show", "Budi Santoso"],
        vec!["person", "show", "budi  SANTOSO"],
        vec!["speaker", "add", "third-2024", "Budi Santoso"],
        vec!["moderator", "assign", "third-2024", "Budi Santoso"],
        vec![
            "slot",
            "add",
            "third-2024",
            "Panel",
            "--at",
            "09:00",
            "--minutes",
            "30",
            "--speaker",
            "Budi Santoso",
        ],
        vec!["person", "merge", "Budi Santoso", "#1", "--yes"],
    ] {
        assert_eq!(env.fails(1, &args), expected, "{args:?}");
    }
}

#[test]
fn each_form_of_person_reference_names_one_of_two_namesakes() {
    let env = Env::new();
    let (ugm, itb) = two_budis(&env);
    let itb_id = format!("#{itb}");
    for (reference, id) in [
        ("Budi Santoso (UGM)", ugm),
        ("budi santoso (universitas gadjah mada)", ugm),
        ("Budi Santoso (Institut Teknologi Bandúng)", itb),
        ("Budi Santoso <BUDI.ugm@example.org>", ugm),
        ("Budi Santoso <budi.itb@example.org>", itb),
        (itb_id.as_str(), itb),
    ] {
        assert_eq!(
            env.json(&["person", "show", reference])["id"],
            id,
            "{reference}"
        );
    }

    // Both in one seminar, each by a qualified name, and on one slot.
    env.create_morning_seminar("both-2024", "2024-03-22");
    env.ok(&["speaker", "add", "both-2024", "Budi Santoso (UGM)"]);
    env.ok(&["moderator", "assign", "both-2024", &itb_id]);
    env.ok(&[
        "slot",
        "add",
        "both-2024",
        "Two Budis",
        "--at",
        "09:00",
        "--minutes",
        "30",
        "--kind",
        "panel",
        "--speaker",
        "Budi Santoso <budi.ugm@example.org>",
        "--speaker",
        "Budi Santoso (ITB)",
    ]);
    let programme = env.json(&["agenda", "both-2024"]);
    let people: Vec<i64> = programme["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .chain(programme["moderators"].as_array().unwrap())
        .map(|role| role["person_id"].as_i64().unwrap())
        .collect();
    assert_eq!(people, [ugm, itb], "{programme}");
    assert_eq!(
        programme["slots"][0]["role_ids"].as_array().unwrap().len(),
        2
    );

    // frab keeps them apart by person id.
    let xml = env.ok(&["agenda", "both-2024", "--format", "frab"]);
    let schedule: FrabSchedule = quick_xml::de::from_str(&xml).unwrap();
    let persons = &schedule.day[0].room[0].event[0].persons.person;
    let ids: Vec<i64> = persons.iter().map(|person| person.id).collect();
    assert_eq!(persons.len(), 2, "{xml}");
    assert!(persons.iter().all(|person| person.name == "Budi Santoso"));
    assert!(ids.contains(&ugm) && ids.contains(&itb), "{ids:?}");

    // Removing by a plain name means the one of them at that seminar.
    env.ok(&["speaker", "remove", "ugm-2024", "Budi Santoso"]);
    assert_eq!(env.count(&["speaker", "list", "ugm-2024"]), 0);
    assert_eq!(env.count(&["speaker", "list", "itb-2024"]), 1);

    // Merging names both exactly, and asks telling them apart; afterwards the plain name is
    // no longer ambiguous.
    let line = env.fails(
        2,
        &[
            "person",
            "merge",
            "Budi Santoso (ITB)",
            "Budi Santoso (UGM)",
        ],
    );
    assert!(
        line.contains(&format!(
            "Merge #{itb} Budi Santoso into #{ugm} Budi Santoso?"
        )),
        "{line}"
    );
    env.ok(&[
        "person",
        "merge",
        "Budi Santoso (ITB)",
        "Budi Santoso (UGM)",
        "--yes",
    ]);
    assert_eq!(env.json(&["person", "show", "Budi Santoso"])["id"], ugm);
}

#[derive(serde::Deserialize)]
struct FrabSchedule {
    day: Vec<FrabDay>,
}

#[derive(serde::Deserialize)]
struct FrabDay {
    room: Vec<FrabRoom>,
}

#[derive(serde::Deserialize)]
struct FrabRoom {
    event: Vec<FrabEvent>,
}

#[derive(serde::Deserialize)]
struct FrabEvent {
    persons: FrabPersons,
}

#[derive(serde::Deserialize)]
struct FrabPersons {
    person: Vec<FrabPerson>,
}

#[derive(serde::Deserialize)]
struct FrabPerson {
    #[serde(rename = "@id")]
    id: i64,
    #[serde(rename = "$text")]
    name: String,
}

#[test]
fn a_qualified_or_new_name_is_not_a_near_duplicate_of_its_namesake() {
    let env = Env::new();
    two_budis(&env);
    env.create_morning_seminar("ui-2024", "2024-03-29");
    // A third Budi, of an institution nobody has yet: a new person, no "looks like".
    env.ok(&[
        "speaker",
        "add",
        "ui-2024",
        "Budi Santoso (Universitas Indonesia)",
    ]);
    let third = env.json(&["person", "show", "Budi Santoso (Universitas Indonesia)"]);
    assert_eq!(third["name"], "Budi Santoso");
    assert_eq!(third["institution"]["name"], "Universitas Indonesia");
    assert_eq!(env.count(&["person", "list", "--search", "budi"]), 3);
    // A slip of the pen is still caught.
    let line = env.fails(1, &["speaker", "add", "ui-2024", "Budi Santosa"]);
    assert!(line.contains("looks like existing"), "{line}");
}

/// The slugs of the seminars a person had a part in, as `person show` lists them.
fn slugs_of(person: &serde_json::Value) -> Vec<&str> {
    person["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|role| role["seminar"]["slug"].as_str().unwrap())
        .collect()
}

#[test]
fn a_json_archive_brings_back_two_people_who_share_a_name() {
    let env = Env::new();
    two_budis(&env);
    // And both on one panel of a third seminar.
    env.create_morning_seminar("both-2024", "2024-03-22");
    env.ok(&[
        "slot",
        "add",
        "both-2024",
        "Two Budis",
        "--at",
        "09:00",
        "--minutes",
        "30",
        "--kind",
        "panel",
        "--speaker",
        "Budi Santoso (UGM)",
        "--speaker",
        "Budi Santoso (ITB)",
    ]);
    let archive = env.dir().join("archive.json");
    env.ok(&[
        "export",
        "--format",
        "json",
        "--include-contacts",
        "-o",
        archive.to_str().unwrap(),
    ]);
    let document: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&archive).unwrap()).unwrap();
    let uids: Vec<&str> = document["seminars"]
        .as_array()
        .unwrap()
        .iter()
        .take(2)
        .map(|seminar| seminar["speakers"][0]["person_uid"].as_str().unwrap())
        .collect();
    assert_ne!(uids[0], uids[1]);

    let empty = Env::new();
    empty.ok(&["import", archive.to_str().unwrap()]);
    assert_eq!(empty.count(&["person", "list"]), 2);
    let ugm = empty.json(&["person", "show", "Budi Santoso (UGM)"]);
    assert_eq!(ugm["email"], "budi.ugm@example.org");
    assert_eq!(ugm["institution"]["name"], "Universitas Gadjah Mada");
    assert_eq!(slugs_of(&ugm), ["both-2024", "ugm-2024"]);
    let itb = empty.json(&["person", "show", "Budi Santoso (ITB)"]);
    assert_eq!(itb["email"], "budi.itb@example.org");
    assert_eq!(itb["institution"]["name"], "Institut Teknologi Bandung");
    assert_eq!(slugs_of(&itb), ["both-2024", "itb-2024"]);
    assert_eq!(
        [ugm["uid"].as_str().unwrap(), itb["uid"].as_str().unwrap()],
        [uids[0], uids[1]]
    );
    let panel = empty.json(&["agenda", "both-2024"]);
    let on_it: Vec<&str> = panel["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|role| role["person_uid"].as_str().unwrap())
        .collect();
    assert_eq!(on_it, uids, "{panel}");
    assert_eq!(panel["slots"][0]["role_ids"].as_array().unwrap().len(), 2);
    // And again into the database it came from: the same two people, not two more.
    // The seminars are there already: each is updated in place, and nothing has changed.
    let dump = env.dump();
    let into_itself = env.json(&["import", archive.to_str().unwrap()]);
    let updated = into_itself["updated"].as_array().unwrap();
    assert_eq!(updated.len(), 3, "{into_itself}");
    assert!(
        updated
            .iter()
            .all(|seminar| seminar["items"] == serde_json::json!([]))
    );
    assert_eq!(env.count(&["person", "list"]), 2);
    assert_eq!(env.dump(), dump);
}

#[test]
fn a_csv_import_never_merges_namesakes_of_different_institutions_silently() {
    let env = Env::new();
    two_budis(&env);
    env.create_morning_seminar("csv-2024", "2024-04-05");
    let file = env.dir().join("speakers.csv");
    let path = file.to_str().unwrap();
    // One Budi on record for an institution: a row of another is refused, not merged.
    let one = Env::new();
    one.create_morning_seminar("csv-2024", "2024-04-05");
    one.ok(&[
        "speaker",
        "add",
        "csv-2024",
        "Budi Santoso",
        "--institution",
        "UGM",
    ]);
    std::fs::write(&file, "name,institution\r\nBudi Santoso,ITB\r\n").unwrap();
    let line = one.fails(1, &["import", path, "--seminar", "csv-2024"]);
    assert_eq!(
        line,
        "error: line 2: person 'Budi Santoso' looks like existing 'Budi Santoso (UGM)'; use that name, or pass --new to add 'Budi Santoso' as a new person"
    );
    one.ok(&["import", path, "--seminar", "csv-2024", "--new"]);
    assert_eq!(one.count(&["person", "list"]), 2);

    // Rows that name their person: each goes to the one meant.
    std::fs::write(
        &file,
        "name,institution\r\nBudi Santoso (ITB),\r\nBudi Santoso <budi.ugm@example.org>,\r\n",
    )
    .unwrap();
    env.ok(&["import", path, "--seminar", "csv-2024"]);
    assert_eq!(env.count(&["person", "list"]), 2);
    assert_eq!(env.count(&["speaker", "list", "csv-2024"]), 2);
    // A plain name both share is refused.
    env.create_morning_seminar("csv-2025", "2025-04-05");
    std::fs::write(&file, "name\r\nBudi Santoso\r\n").unwrap();
    let line = env.fails(1, &["import", path, "--seminar", "csv-2025"]);
    assert!(line.contains("is ambiguous"), "{line}");

    // Into an empty database, a speaker list with both comes back as two people.
    let list = env.ok(&["speaker", "list", "csv-2024", "--format", "csv"]);
    let fresh = Env::new();
    fresh.create_morning_seminar("csv-2024", "2024-04-05");
    std::fs::write(&file, &list).unwrap();
    fresh.ok(&["import", path]);
    assert_eq!(fresh.count(&["person", "list"]), 2);
    // (The speaker list names institutions without their short names.)
    fresh.json(&["person", "show", "Budi Santoso (Universitas Gadjah Mada)"]);
    fresh.json(&[
        "person",
        "show",
        "Budi Santoso (Institut Teknologi Bandung)",
    ]);
}
