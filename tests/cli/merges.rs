//! Cleaning up duplicates: person and institution merges, institution edits. Counts before
//! and after; nothing lost; one transaction (a refused merge changes nothing).

use serde_json::Value;

use crate::support::Env;

#[test]
fn a_duplicate_person_folds_into_the_real_one_with_roles_and_talks() {
    let env = Env::new();
    env.seed();
    env.create_morning_seminar("follow-up", "2017-06-01");
    env.ok(&[
        "speaker",
        "add",
        "follow-up",
        "Dinur Krismasari MA",
        "--new",
        "--email",
        "dinur@example.org",
        "--talk",
        "JICA in Asia",
        "--at",
        "10:00",
        "--minutes",
        "30",
    ]);
    let people = env.count(&["person", "list"]);
    let merged = env.json(&[
        "person",
        "merge",
        "-y",
        "Dinur Krismasari MA",
        "dinur krismasari",
    ]);
    assert_eq!(merged["removed_name"], "Dinur Krismasari MA");
    assert_eq!(merged["into_name"], "Dinur Krismasari");
    assert_eq!(
        (
            merged["roles_moved"].as_u64(),
            merged["roles_combined"].as_u64()
        ),
        (Some(1), Some(0))
    );
    assert_eq!(env.count(&["person", "list"]), people - 1);
    let person = env.json(&["person", "show", "Dinur Krismasari"]);
    assert_eq!(
        person["email"], "dinur@example.org",
        "details the kept person lacked are taken"
    );
    assert_eq!(person["roles"].as_array().map(Vec::len), Some(2));
    let slots = env.json(&["slot", "list", "follow-up"]);
    assert_eq!(
        slots[0]["people"],
        serde_json::json!(["Dinur Krismasari"]),
        "the talk moved too"
    );
    env.fails(1, &["person", "show", "Dinur Krismasari MA"]);
}

#[test]
fn two_roles_in_one_seminar_become_one_with_both_talks() {
    let env = Env::new();
    env.seed();
    env.ok(&[
        "speaker",
        "add",
        "kss-2017",
        "Asra Virgianita PhD",
        "--new",
        "--position",
        "Dosen",
        "--talk",
        "Second look",
        "--at",
        "11:15",
        "--minutes",
        "10",
        "--force",
    ]);
    let before = env.json(&["agenda", "kss-2017"])["speakers"]
        .as_array()
        .map(Vec::len);
    let merged = env.json(&[
        "person",
        "merge",
        "-y",
        "Asra Virgianita PhD",
        "Asra Virgianita",
        "--force",
    ]);
    assert_eq!(merged["roles_combined"], 1);
    let speakers = env.json(&["agenda", "kss-2017"])["speakers"].clone();
    assert_eq!(speakers.as_array().map(Vec::len), before.map(|n| n - 1));
    let asra: Vec<&Value> = speakers
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["name"] == "Asra Virgianita")
        .collect();
    assert_eq!(asra.len(), 1);
    assert_eq!(
        asra[0]["position"], "Dosen Hubungan Internasional",
        "the kept role's details stay"
    );
}

#[test]
fn a_merge_that_would_double_book_someone_is_refused_unless_forced() {
    let env = Env::new();
    env.seed();
    env.ok(&[
        "create",
        "Parallel session",
        "--date",
        "2017-05-18",
        "--start",
        "09:00",
        "--end",
        "12:00",
        "--tz",
        "WIB",
        "--slug",
        "parallel",
    ]);
    env.ok(&[
        "moderator",
        "assign",
        "parallel",
        "Valeria Danielle",
        "--new",
    ]);
    let line = env.fails(
        1,
        &[
            "person",
            "merge",
            "-y",
            "Valeria Danielle",
            "Valerina Daniel",
        ],
    );
    assert!(line.contains("Valerina Daniel"), "{line}");
    assert!(line.contains("--force"), "{line}");
    env.ok(&[
        "person",
        "merge",
        "-y",
        "Valeria Danielle",
        "Valerina Daniel",
        "--force",
    ]);
    assert_eq!(
        env.run(&["check"]).code,
        3,
        "check reports the forced double booking"
    );
}

#[test]
fn merging_a_person_into_themselves_or_an_unknown_one_is_an_error() {
    let env = Env::new();
    env.seed();
    let line = env.fails(
        2,
        &[
            "person",
            "merge",
            "-y",
            "Dinur Krismasari",
            "dinur krismasari",
        ],
    );
    assert!(line.contains("same person"), "{line}");
    let line = env.fails(
        1,
        &["person", "merge", "-y", "Nobody Here", "Dinur Krismasari"],
    );
    assert!(line.contains("person 'Nobody Here' not found"), "{line}");
}

#[test]
fn a_misspelled_institution_folds_into_the_right_one() {
    let env = Env::new();
    env.seed();
    env.create_morning_seminar("follow-up", "2017-06-01");
    env.ok(&["institution", "add", "Kementerian Luar Negri", "--new"]);
    env.ok(&[
        "speaker",
        "add",
        "follow-up",
        "Ratna Sari",
        "--institution",
        "Kementerian Luar Negri",
        "--position",
        "Peneliti",
    ]);
    let institutions = env.count(&["institution", "list"]);
    let merged = env.json(&[
        "institution",
        "merge",
        "-y",
        "Kementerian Luar Negri",
        "Kemlu",
    ]);
    assert_eq!(merged["into"]["name"], "Kementerian Luar Negeri");
    assert_eq!(
        (
            merged["people_moved"].as_u64(),
            merged["roles_moved"].as_u64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(env.count(&["institution", "list"]), institutions - 1);
    let speakers = env.json(&["speaker", "list", "follow-up"]);
    assert_eq!(
        speakers[0]["institution"]["name"],
        "Kementerian Luar Negeri"
    );
    assert_eq!(
        env.json(&["person", "show", "Ratna Sari"])["institution"]["short_name"],
        "Kemlu"
    );
}

#[test]
fn institutions_are_renamed_and_given_short_names() {
    let env = Env::new();
    env.seed();
    let edited = env.json(&["institution", "edit", "INFID", "--short", "INFID"]);
    assert_eq!(edited["short_name"], "INFID");
    env.ok(&[
        "institution",
        "edit",
        "FISIP UI",
        "--name",
        "FISIP Universitas Indonesia",
        "--short",
        "FISIP UI",
    ]);
    let speakers = env.json(&["speaker", "list", "--institution", "fisip ui"]);
    assert_eq!(
        speakers[0]["institution"]["name"],
        "FISIP Universitas Indonesia"
    );
    let line = env.fails(
        1,
        &[
            "institution",
            "edit",
            "INFID",
            "--name",
            "Kementerian Luar Negeri",
        ],
    );
    assert!(line.contains("institution merge"), "{line}");
    let line = env.fails(1, &["institution", "edit", "INFID", "--short", "Kemlu"]);
    assert!(line.contains("already names"), "{line}");
    env.fails(2, &["institution", "edit", "INFID"]);
    let cleared = env.json(&["institution", "edit", "INFID", "--short", ""]);
    assert_eq!(cleared["short_name"], Value::Null);
}

#[test]
fn merges_remove_a_record_so_without_a_terminal_they_need_yes() {
    let env = Env::new();
    env.seed();
    env.ok(&["institution", "add", "Kementerian Luar Negri", "--new"]);
    let before = env.dump();
    for args in [
        ["institution", "merge", "Kementerian Luar Negri", "Kemlu"],
        ["person", "merge", "Valerina Daniel", "Dinur Krismasari"],
    ] {
        let line = env.fails(2, &args);
        assert!(line.contains("needs confirmation; pass --yes"), "{line}");
    }
    assert_eq!(env.dump(), before);
}
