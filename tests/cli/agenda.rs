//! Rendered agendas, snapshotted (tests/cli/snapshots/), and the JSON agenda parsed back.

use crate::support::Env;

#[test]
fn seed_agenda_in_english() {
    let env = Env::new();
    env.seed();
    insta::assert_snapshot!(env.ok(&["agenda", "kss-2017"]));
}

#[test]
fn seed_agenda_in_indonesian() {
    let env = Env::new();
    env.seed();
    let flag = env.ok(&["agenda", "kss-2017", "--lang", "id"]);
    let variable = Env::new().with_env("SEMINAR_LANG", "id");
    variable.seed();
    assert_eq!(
        flag,
        variable.ok(&["agenda", "kss-2017"]),
        "--lang id and SEMINAR_LANG=id agree"
    );
    insta::assert_snapshot!(flag);
}

#[test]
fn the_agenda_fits_a_narrow_terminal() {
    let env = Env::new().with_env("COLUMNS", "72");
    env.seed();
    let agenda = env.ok(&["agenda", "kss-2017"]);
    for line in agenda.lines().filter(|line| line.starts_with(['+', '|'])) {
        assert!(line.chars().count() <= 72, "{line}");
    }
    insta::assert_snapshot!(agenda);
}

#[test]
fn a_seminar_without_rundown_lists_its_speakers() {
    let env = Env::new();
    env.ok(&[
        "create",
        "Diskusi Publik",
        "--date",
        "Senin, 5 Juni 2017",
        "--start",
        "13.00",
        "--end",
        "15.00",
        "--tz",
        "WIB",
        "--slug",
        "diskusi",
    ]);
    assert!(env.ok(&["agenda", "diskusi"]).contains("No rundown yet."));
    env.ok(&[
        "speaker",
        "add",
        "diskusi",
        "Asra Virgianita",
        "--position",
        "Dosen",
        "--institution",
        "FISIP UI",
    ]);
    insta::assert_snapshot!(env.ok(&["agenda", "diskusi", "--lang", "id"]));
}

#[test]
fn agenda_without_a_seminar_lists_coming_ones_by_day() {
    let env = Env::new();
    env.seed();
    env.ok(&[
        "create",
        "Past seminar",
        "--date",
        "2017-04-01",
        "--slug",
        "past",
    ]);
    env.ok(&[
        "create",
        "Kuliah Umum",
        "--date",
        "2017-05-18",
        "--start",
        "13:00",
        "--end",
        "15:00",
        "--slug",
        "kuliah",
        "--venue",
        "Balai Sidang",
    ]);
    env.ok(&[
        "create",
        "Konferensi",
        "--date",
        "2017-06-01",
        "--until",
        "2017-06-02",
        "--slug",
        "konf",
    ]);
    env.ok(&[
        "create",
        "Batal",
        "--date",
        "2017-06-01",
        "--start",
        "08:00",
        "--end",
        "09:00",
        "--slug",
        "batal",
        "--status",
        "cancelled",
    ]);
    let upcoming = env.ok(&["agenda"]);
    assert!(!upcoming.contains("past"), "{upcoming}");
    insta::assert_snapshot!(upcoming);
    let coming: Vec<String> = env
        .json(&["agenda"])
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["slug"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(coming, ["kss-2017", "kuliah", "batal", "konf"]);
    let june = env.json(&["agenda", "--from", "2017-06-01", "--to", "2017-06-30"]);
    assert_eq!(june.as_array().unwrap().len(), 2);
    let later = Env::new().with_env("SEMINAR_NOW", "2030-01-01T00:00:00+07:00");
    assert_eq!(later.ok(&["agenda"]), "No coming seminars.\n");
}

#[test]
fn json_agenda_carries_everything_the_text_shows() {
    let env = Env::new();
    env.seed();
    let agenda = env.json(&["agenda", "kss-2017"]);
    assert_eq!(
        agenda,
        env.json(&["agenda", "kss-2017", "--format", "json"])
            .clone()
    );
    assert_eq!(
        agenda["seminar"]["venue"]["address"],
        "FISIP Universitas Indonesia, Depok"
    );
    let speakers = agenda["speakers"].as_array().unwrap();
    let names: Vec<&str> = speakers
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Moh. Syarif Alatas",
            "Dinur Krismasari",
            "Asra Virgianita",
            "Mickael B. Hoelman"
        ]
    );
    for speaker in speakers {
        assert!(speaker["id"].as_i64().is_some() && speaker["person_id"].as_i64().is_some());
        assert_eq!(speaker["role"], "speaker");
    }
    assert_eq!(speakers[0]["institution"]["short_name"], "Kemlu");
    let talk = &agenda["slots"][1];
    assert_eq!(
        talk["role_ids"],
        serde_json::json!([speakers[0]["id"].clone()])
    );
    assert_eq!(talk["starts_at"], "2017-05-18T09:15:00+07:00");
    insta::assert_snapshot!(crate::support::redact_uids(
        &env.ok(&["--json", "agenda", "kss-2017"])
    ));
}

#[test]
fn hostile_and_unusual_text_survives_intact() {
    let env = Env::new();
    let title = "<script>alert(1)</script> =HYPERLINK(\"http://x\") a,b;c 🎤 مؤتمر";
    env.ok(&["create", title, "--date", "2024-03-01", "--slug", "odd"]);
    env.ok(&[
        "speaker",
        "add",
        "odd",
        "Zoë O'Brien-Łukasz",
        "--institution",
        "Université d'État",
    ]);
    let agenda = env.ok(&["agenda", "odd"]);
    assert!(agenda.contains(title), "{agenda}");
    assert!(
        agenda.contains("Zoë O'Brien-Łukasz (Université d'État)"),
        "{agenda}"
    );
    assert_eq!(env.json(&["agenda", "odd"])["seminar"]["title"], title);
    assert_eq!(
        env.json(&["person", "show", "zoe obrien lukasz"])["name"],
        "Zoë O'Brien-Łukasz"
    );
}

#[test]
fn times_across_a_clock_change_carry_their_own_offsets() {
    let env = Env::new();
    env.ok(&[
        "create",
        "Night",
        "--date",
        "2017-10-29",
        "--start",
        "00:30",
        "--end",
        "04:00",
        "--tz",
        "Europe/Berlin",
        "--slug",
        "night",
    ]);
    let added = env.ok(&[
        "slot",
        "add",
        "night",
        "Across",
        "--at",
        "01:30",
        "--minutes",
        "90",
    ]);
    assert!(added.contains("01:30 CEST–02:00 CET"), "{added}");
    let agenda = env.ok(&["agenda", "night"]);
    assert!(agenda.contains("00:30 CEST–04:00 CET"), "{agenda}");
    assert!(
        agenda.contains("Time (CEST)") && agenda.contains("01:30–02:00 CET"),
        "{agenda}"
    );
    let slots = env.ok(&["slot", "list", "night"]);
    assert!(slots.contains("01:30 CEST–02:00 CET"), "{slots}");

    env.ok(&[
        "create",
        "Spring",
        "--date",
        "2017-03-26",
        "--start",
        "01:00",
        "--end",
        "04:00",
        "--tz",
        "Europe/Berlin",
        "--slug",
        "spring",
    ]);
    env.ok(&[
        "slot",
        "add",
        "spring",
        "Jump",
        "--at",
        "01:30",
        "--minutes",
        "60",
    ]);
    let agenda = env.ok(&["agenda", "spring", "--lang", "id"]);
    assert!(
        agenda.contains("01.00 CET–04.00 CEST")
            && agenda.contains("Waktu (CET)")
            && agenda.contains("01.30–03.30 CEST"),
        "{agenda}"
    );
}
