//! Venues as rooms: `venue edit` renames or sets address and capacity as `venue add` would
//! accept them; `venue remove` is refused while a seminar, session or slot holds the venue;
//! `venue list` counts all three.

use serde_json::Value;

use crate::support::Env;

const AUDITORIUM: &str = "Auditorium Juwono Sudarsono";

fn venue<'a>(list: &'a Value, name: &str) -> Option<&'a Value> {
    list.as_array()
        .unwrap()
        .iter()
        .find(|venue| venue["name"] == name)
}

#[test]
fn venue_edit_renames_sets_and_clears_and_refuses_a_taken_or_close_name() {
    let env = Env::new();
    env.seed();
    env.ok(&["venue", "add", "Ruang Sidang", "--capacity", "40"]);

    let taken = env.fails(1, &["venue", "edit", AUDITORIUM, "--name", "ruang sidang"]);
    assert!(taken.contains("'Ruang Sidang' already exists"), "{taken}");
    let close = env.fails(1, &["venue", "edit", AUDITORIUM, "--name", "Ruang Sidangg"]);
    assert!(
        close.contains("looks like existing 'Ruang Sidang'") && close.contains("--new"),
        "{close}"
    );
    env.ok(&[
        "venue",
        "edit",
        AUDITORIUM,
        "--name",
        "Ruang Sidangg",
        "--new",
    ]);
    // A venue is never a near-duplicate of itself: respelling it is no new name.
    env.ok(&[
        "venue",
        "edit",
        "ruang sidangg",
        "--name",
        "Auditorium FISIP UI",
    ]);
    env.ok(&[
        "venue",
        "edit",
        "auditorium fisip ui",
        "--name",
        "Auditorium FISIP-UI",
    ]);
    let show = env.json(&["show", "kss-2017"]);
    assert_eq!(show["seminar"]["venue"]["name"], "Auditorium FISIP-UI");
    assert_eq!(
        show["seminar"]["venue"]["address"],
        "FISIP Universitas Indonesia, Depok"
    );

    let edited = env.json(&[
        "venue",
        "edit",
        "Ruang Sidang",
        "--address",
        "Gedung A, lantai 2",
        "--capacity",
        "60",
    ]);
    assert_eq!(edited["name"], "Ruang Sidang");
    assert_eq!(edited["address"], "Gedung A, lantai 2");
    assert_eq!(edited["capacity"], 60);
    let cleared = env.json(&[
        "venue",
        "edit",
        "Ruang Sidang",
        "--address",
        "",
        "--capacity",
        "",
    ]);
    assert_eq!(cleared["address"], Value::Null);
    assert_eq!(cleared["capacity"], Value::Null);
    let list = env.json(&["venue", "list"]);
    let sidang = venue(&list, "Ruang Sidang").expect("listed");
    assert_eq!(
        (&sidang["address"], &sidang["capacity"]),
        (&Value::Null, &Value::Null)
    );
    assert_eq!(list.as_array().unwrap().len(), 2, "renames add no venue");
}

#[test]
fn venue_remove_is_refused_while_a_seminar_session_or_slot_uses_it_and_asks_first() {
    let env = Env::new();
    env.seed();
    env.ok(&[
        "session",
        "add",
        "kss-2017",
        "Side panel",
        "--at",
        "09:30",
        "--minutes",
        "60",
        "--room",
        "Ruang 2",
    ]);
    env.ok(&[
        "slot",
        "add",
        "kss-2017",
        "Poster walk",
        "--at",
        "11:00",
        "--minutes",
        "15",
        "--room",
        "Ruang 3",
    ]);
    env.ok(&["venue", "add", "Ruang 4"]);

    let list = env.json(&["venue", "list"]);
    let counts = |name: &str| {
        let venue = venue(&list, name).expect(name);
        (
            venue["seminars"].as_u64().unwrap(),
            venue["sessions"].as_u64().unwrap(),
            venue["slots"].as_u64().unwrap(),
        )
    };
    assert_eq!(counts(AUDITORIUM), (1, 0, 0));
    assert_eq!(counts("Ruang 2"), (0, 1, 0));
    assert_eq!(counts("Ruang 3"), (0, 0, 1));
    assert_eq!(counts("Ruang 4"), (0, 0, 0));
    let table = env.ok(&["venue", "list"]);
    assert!(
        table.contains("Sessions") && table.contains("Slots"),
        "{table}"
    );

    let held = env.fails(1, &["venue", "remove", AUDITORIUM, "--yes"]);
    assert!(
        held.contains("1 seminar(s)") && held.contains("seminar venue assign"),
        "{held}"
    );
    let session = env.fails(1, &["venue", "remove", "ruang 2", "--yes"]);
    assert!(
        session.contains("1 session(s)") && session.contains("session move --room"),
        "{session}"
    );
    let slot = env.fails(1, &["venue", "remove", "Ruang 3", "--yes"]);
    assert!(
        slot.contains("1 slot(s)") && slot.contains("slot move --room"),
        "{slot}"
    );
    // Without a terminal, only --yes removes.
    let unconfirmed = env.fails(2, &["venue", "remove", "Ruang 4"]);
    assert!(unconfirmed.contains("--yes"), "{unconfirmed}");

    env.ok(&[
        "session",
        "move",
        "kss-2017",
        "Side panel",
        "--room",
        "Ruang 4",
    ]);
    let removed = env.json(&["venue", "remove", "Ruang 2", "--yes"]);
    assert_eq!(removed["removed_name"], "Ruang 2");
    assert!(removed["removed_venue_id"].as_i64().is_some());
    let list = env.json(&["venue", "list"]);
    assert!(venue(&list, "Ruang 2").is_none());
    assert_eq!(venue(&list, "Ruang 4").unwrap()["sessions"], 1);
    let sessions = env.json(&["session", "list", "kss-2017"]);
    assert_eq!(sessions[0]["room"], "Ruang 4");
}

#[test]
fn venue_remove_asks_first_on_a_terminal() {
    use rexpect::session::spawn_command;

    let env = Env::new();
    env.seed();
    env.ok(&["venue", "add", "Ruang 4"]);
    let ask = |key: &str| {
        let mut command = env.command();
        command
            .env("TERM", "xterm")
            .args(["venue", "remove", "ruang 4"]);
        let mut session = spawn_command(command, Some(20_000)).expect("a pseudo-terminal");
        session
            .exp_string("Remove venue Ruang 4?")
            .expect("the question");
        session.send(key).unwrap();
        session.flush().unwrap();
        let rest = session.exp_eof().expect("the command ends");
        match session.process_mut().wait().expect("the exit status") {
            rexpect::process::WaitStatus::Exited(_, code) => (rest, code),
            other => panic!("the command did not exit normally: {other:?}"),
        }
    };
    let before = env.dump();
    let (rest, code) = ask("n");
    assert_eq!(code, 1, "{rest}");
    assert!(rest.contains("not removed: nothing was changed"), "{rest}");
    assert_eq!(env.dump(), before);
    let (rest, code) = ask("y");
    assert_eq!(code, 0, "{rest}");
    assert!(rest.contains("Removed venue Ruang 4"), "{rest}");
    assert!(venue(&env.json(&["venue", "list"]), "Ruang 4").is_none());
}
