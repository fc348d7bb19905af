use crate::support::Env;

fn create_simple(env: &Env, title: &str, slug: &str, date: &str, extra: &[&str]) -> String {
    let mut args = vec!["create", title, "--date", date, "--slug", slug];
    args.extend_from_slice(extra);
    env.ok(&args)
}

#[test]
fn create_records_every_field_and_show_reads_it_back() {
    let env = Env::new();
    env.seed();
    let shown = env.json(&["show", "kss-2017"]);
    let seminar = &shown["seminar"];
    assert_eq!(seminar["slug"], "kss-2017");
    assert_eq!(
        seminar["title"],
        "Seminar on Indonesia's South-South and Triangular Cooperation"
    );
    assert_eq!(
        seminar["subtitle"],
        "Proud to Contribute: Maximizing Potentials in South-South Cooperation"
    );
    assert_eq!(seminar["time_zone"], "Asia/Jakarta");
    assert_eq!(seminar["first_day"], "2017-05-18");
    assert_eq!(seminar["starts_at"], "2017-05-18T09:00:00+07:00");
    assert_eq!(seminar["ends_at"], "2017-05-18T12:00:00+07:00");
    assert_eq!(seminar["status"], "confirmed");
    assert_eq!(seminar["venue"]["name"], "Auditorium Juwono Sudarsono");
    assert_eq!(
        seminar["organizers"],
        serde_json::json!([
            "FISIP UI",
            "Tim Koordinasi Nasional Kerja Sama Selatan-Selatan"
        ])
    );
    assert!(seminar["id"].as_i64().unwrap() > 0);
    assert_eq!(shown["speakers"].as_array().unwrap().len(), 4);
    assert_eq!(shown["moderators"][0]["name"], "Valerina Daniel");
    assert_eq!(shown["slots"].as_array().unwrap().len(), 7);
}

#[test]
fn show_prints_ids_people_and_slots() {
    let env = Env::new();
    env.seed();
    let text = env.ok(&["show", "kss-2017"]);
    for expected in [
        "#1",
        "kss-2017",
        "Asia/Jakarta",
        "Dinur Krismasari",
        "Senior Representative",
        "Opening remarks",
        "confirmed",
    ] {
        assert!(text.contains(expected), "missing {expected}:\n{text}");
    }
}

#[test]
fn slugs_are_derived_from_title_and_year_and_kept_unique() {
    let env = Env::new();
    let first = env.json(&[
        "create",
        "Seminar on Digital Economy",
        "--date",
        "2024-03-01",
    ]);
    let second = env.json(&[
        "create",
        "Seminar on Digital Economy",
        "--date",
        "2024-06-01",
    ]);
    assert_eq!(first["slug"], "digital-economy-2024");
    assert_eq!(second["slug"], "digital-economy-2024-2");
    let by_id = env.json(&["show", &format!("#{}", second["id"])]);
    assert_eq!(by_id["seminar"]["first_day"], "2024-06-01");
}

#[test]
fn a_taken_or_malformed_slug_is_refused() {
    let env = Env::new();
    create_simple(&env, "First", "kss-2017", "2017-05-18", &[]);
    let taken = env.fails(
        1,
        &[
            "create",
            "Second",
            "--date",
            "2017-05-19",
            "--slug",
            "kss-2017",
        ],
    );
    assert!(taken.contains("already used by 'First'"), "{taken}");
    let malformed = env.fails(
        2,
        &[
            "create",
            "Second",
            "--date",
            "2017-05-19",
            "--slug",
            "KSS 2017",
        ],
    );
    assert!(
        malformed.contains("slug") && malformed.contains("accepted"),
        "{malformed}"
    );
}

#[test]
fn defaults_are_nine_to_five_in_the_configured_zone() {
    let env = Env::new();
    let created = env.json(&[
        "create",
        "Workshop",
        "--date",
        "2024-03-01",
        "--slug",
        "ws-2024",
    ]);
    assert_eq!(created["start_time"], "09:00");
    assert_eq!(created["end_time"], "17:00");
    assert_eq!(created["time_zone"], "Asia/Jakarta");
    assert_eq!(created["status"], "planned");
}

#[test]
fn list_filters_by_dates_venue_and_text() {
    let env = Env::new();
    env.seed();
    create_simple(
        &env,
        "Diskusi Ekonomi Digital",
        "ekonomi-2017",
        "2017-06-02",
        &["--venue", "Balai Sidang"],
    );
    create_simple(
        &env,
        "Kuliah Umum Hubungan Internasional",
        "kuliah-2018",
        "2018-01-10",
        &[],
    );
    let slugs = |args: &[&str]| -> Vec<String> {
        let mut full = vec!["list"];
        full.extend_from_slice(args);
        env.json(&full)
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["slug"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(slugs(&[]), ["kss-2017", "ekonomi-2017", "kuliah-2018"]);
    assert_eq!(
        slugs(&["--from", "1 Juni 2017", "--to", "31/12/2017"]),
        ["ekonomi-2017"]
    );
    assert_eq!(slugs(&["--to", "2017-05-18"]), ["kss-2017"]);
    assert_eq!(slugs(&["--venue", "balai sidang"]), ["ekonomi-2017"]);
    assert_eq!(slugs(&["--search", "EKONOMI"]), ["ekonomi-2017"]);
    assert_eq!(slugs(&["--search", "selatan-selatan"]), ["kss-2017"]);
    let listed = env.json(&["list"]);
    assert_eq!(listed[0]["speakers"], 4);
    assert_eq!(listed[0]["slots"], 7);
    let table = env.ok(&["list"]);
    assert!(
        table.contains("kss-2017") && table.contains("09:00–12:00 WIB"),
        "{table}"
    );
    let refused = env.fails(2, &["list", "--from", "2018-01-01", "--to", "2017-01-01"]);
    assert!(refused.contains("before"), "{refused}");
}

#[test]
fn edit_changes_fields_and_moves_the_rundown_with_the_date() {
    let env = Env::new();
    env.seed();
    env.ok(&[
        "edit",
        "kss-2017",
        "--date",
        "Jumat, 19 Mei 2017",
        "--title",
        "KSS Seminar",
        "--theme",
        "",
    ]);
    let shown = env.json(&["show", "kss-2017"]);
    assert_eq!(shown["seminar"]["title"], "KSS Seminar");
    assert_eq!(shown["seminar"]["subtitle"], serde_json::Value::Null);
    assert_eq!(shown["seminar"]["first_day"], "2017-05-19");
    assert_eq!(shown["slots"][0]["starts_at"], "2017-05-19T09:00:00+07:00");
    assert_eq!(shown["slots"][6]["starts_at"], "2017-05-19T11:50:00+07:00");
    assert!(env.ok(&["check"]).contains("No problems"));
}

#[test]
fn edit_to_another_zone_keeps_local_times() {
    let env = Env::new();
    env.seed();
    env.ok(&["edit", "kss-2017", "--tz", "WITA"]);
    let shown = env.json(&["show", "kss-2017"]);
    assert_eq!(shown["seminar"]["starts_at"], "2017-05-18T09:00:00+08:00");
    assert_eq!(shown["slots"][1]["starts_at"], "2017-05-18T09:15:00+08:00");
}

#[test]
fn edit_with_nothing_to_change_is_a_usage_error() {
    let env = Env::new();
    env.seed();
    let line = env.fails(2, &["edit", "kss-2017"]);
    assert!(line.contains("nothing to change"), "{line}");
}

#[test]
fn edit_that_shortens_the_day_under_the_rundown_is_refused_unless_forced() {
    let env = Env::new();
    env.seed();
    let line = env.fails(1, &["edit", "kss-2017", "--end", "11:00"]);
    assert!(
        line.contains("outside the seminar's hours") && line.contains("--force"),
        "{line}"
    );
    env.ok(&["edit", "kss-2017", "--end", "11:00", "--force"]);
    assert_eq!(env.run(&["check"]).code, 3);
}

#[test]
fn organizers_can_be_replaced_or_cleared() {
    let env = Env::new();
    env.seed();
    env.ok(&[
        "edit",
        "kss-2017",
        "--organizer",
        "FISIP UI",
        "--organizer",
        "Kemlu",
        "--organizer",
        "FISIP UI",
    ]);
    assert_eq!(
        env.json(&["show", "kss-2017"])["seminar"]["organizers"],
        serde_json::json!(["FISIP UI", "Kemlu"])
    );
    env.ok(&["edit", "kss-2017", "--no-organizers"]);
    assert_eq!(
        env.json(&["show", "kss-2017"])["seminar"]["organizers"],
        serde_json::json!([])
    );
}

#[test]
fn cancel_keeps_the_seminar_but_frees_its_venue() {
    let env = Env::new();
    env.seed();
    let line = env.fails(
        1,
        &[
            "create",
            "Other",
            "--date",
            "2017-05-18",
            "--start",
            "10:00",
            "--end",
            "11:00",
            "--venue",
            "Auditorium Juwono Sudarsono",
            "--slug",
            "other",
        ],
    );
    assert!(line.contains("booked twice"), "{line}");
    env.ok(&["cancel", "kss-2017"]);
    assert_eq!(
        env.json(&["show", "kss-2017"])["seminar"]["status"],
        "cancelled"
    );
    create_simple(
        &env,
        "Other",
        "other",
        "2017-05-18",
        &[
            "--start",
            "10:00",
            "--end",
            "11:00",
            "--venue",
            "Auditorium Juwono Sudarsono",
        ],
    );
    let again = env.fails(1, &["cancel", "kss-2017"]);
    assert!(again.contains("already cancelled"), "{again}");
    let refused = env.fails(1, &["edit", "kss-2017", "--status", "confirmed"]);
    assert!(refused.contains("booked twice"), "{refused}");
}

#[test]
fn delete_asks_first_and_keeps_people() {
    let env = Env::new();
    env.seed();
    let line = env.fails(2, &["delete", "kss-2017"]);
    assert!(line.contains("--yes"), "{line}");
    env.ok(&["delete", "kss-2017", "--yes"]);
    env.fails(1, &["show", "kss-2017"]);
    assert_eq!(env.json(&["person", "list"]).as_array().unwrap().len(), 5);
    assert_eq!(env.json(&["venue", "list"])[0]["seminars"], 0);
    assert_eq!(env.json(&["list"]), serde_json::json!([]));
}
