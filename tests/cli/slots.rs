use crate::support::Env;

fn slot_titles(env: &Env) -> Vec<String> {
    env.json(&["slot", "list", "kss-2017"])
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn slots_list_in_time_order_with_people() {
    let env = Env::new();
    env.seed();
    let slots = env.json(&["slot", "list", "kss-2017"]);
    let slots = slots.as_array().unwrap();
    assert_eq!(slots.len(), 7);
    assert_eq!(slots[0]["kind"], "opening");
    assert_eq!(slots[0]["starts_at"], "2017-05-18T09:00:00+07:00");
    assert_eq!(slots[2]["people"], serde_json::json!(["Dinur Krismasari"]));
    assert_eq!(slots[2]["minutes"], 30);
    assert_eq!(slots[2]["ends_at"], "2017-05-18T10:15:00+07:00");
    assert_eq!(slots[5]["kind"], "qa");
    assert_eq!(slots[5]["people"], serde_json::json!(["Valerina Daniel"]));
    let table = env.ok(&["slot", "list", "kss-2017"]);
    assert!(
        table.contains("09:45–10:15") && table.contains("Q&A"),
        "{table}"
    );
}

#[test]
fn a_slot_is_removed_by_id_time_or_title() {
    let env = Env::new();
    env.seed();
    let first_id = env.json(&["slot", "list", "kss-2017"])[0]["id"]
        .as_i64()
        .unwrap();
    env.ok(&["slot", "remove", "kss-2017", &format!("#{first_id}")]);
    env.ok(&["slot", "remove", "kss-2017", "11.50"]);
    env.ok(&["slot", "remove", "kss-2017", "questions AND answers"]);
    assert_eq!(slot_titles(&env).len(), 4);
    assert!(!slot_titles(&env).contains(&"Closing".to_string()));
    env.fails(1, &["slot", "remove", "kss-2017", "08:00"]);
}

#[test]
fn a_slot_with_a_new_name_adds_that_person_as_speaker() {
    let env = Env::new();
    env.seed();
    env.ok(&["edit", "kss-2017", "--end", "13:00"]);
    env.ok(&[
        "slot",
        "add",
        "kss-2017",
        "Panel",
        "--at",
        "12:00",
        "--minutes",
        "60",
        "--kind",
        "panel",
        "--speaker",
        "Dinur Krismasari",
        "--speaker",
        "Retno Marsudi",
    ]);
    let shown = env.json(&["show", "kss-2017"]);
    assert_eq!(shown["speakers"].as_array().unwrap().len(), 5);
    let panel = shown["slots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["title"] == "Panel")
        .unwrap()
        .clone();
    assert_eq!(
        panel["people"],
        serde_json::json!(["Dinur Krismasari", "Retno Marsudi"])
    );
}

#[test]
fn several_day_seminars_take_the_day_of_each_slot() {
    let env = Env::new();
    env.ok(&[
        "create",
        "Konferensi",
        "--date",
        "2024-03-01",
        "--until",
        "2024-03-02",
        "--start",
        "09:00",
        "--end",
        "16:00",
        "--slug",
        "konf",
    ]);
    env.ok(&[
        "slot",
        "add",
        "konf",
        "Day one keynote",
        "--at",
        "09:00",
        "--minutes",
        "60",
    ]);
    env.ok(&[
        "slot",
        "add",
        "konf",
        "Day two keynote",
        "--at",
        "09:00",
        "--minutes",
        "60",
        "--on",
        "2 Maret 2024",
    ]);
    let slots = env.json(&["slot", "list", "konf"]);
    assert_eq!(slots[1]["starts_at"], "2024-03-02T09:00:00+07:00");
    let line = env.fails(
        2,
        &[
            "slot",
            "add",
            "konf",
            "Day three",
            "--at",
            "09:00",
            "--minutes",
            "60",
            "--on",
            "2024-03-03",
        ],
    );
    assert!(line.contains("not a day of konf"), "{line}");
    let agenda = env.ok(&["agenda", "konf"]);
    assert!(
        agenda.contains("Friday, 1 March 2024") && agenda.contains("Saturday, 2 March 2024"),
        "{agenda}"
    );
    env.ok(&["edit", "konf", "--date", "2024-04-01"]);
    let moved = env.json(&["slot", "list", "konf"]);
    assert_eq!(moved[1]["starts_at"], "2024-04-02T09:00:00+07:00");
}
