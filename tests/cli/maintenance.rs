//! Keeping the file safe: upgrades from every earlier schema (with a copy first), `backup`,
//! and `doctor`.

use rusqlite::Connection;

use crate::files::temporaries;
use crate::support::{Env, dump_file, redact_uids};

fn user_version(path: &std::path::Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap()
}

/// The seed seminar as the current version prints it, from the flags.
fn seed_agendas() -> Vec<String> {
    let env = Env::new();
    env.seed();
    agendas(&env)
}

fn agendas(env: &Env) -> Vec<String> {
    [
        vec!["agenda", "kss-2017"],
        vec!["agenda", "kss-2017", "--lang", "id"],
        vec!["agenda", "kss-2017", "--format", "csv"],
        vec!["speaker", "list", "--format", "csv"],
    ]
    .iter()
    .map(|args| redact_uids(&env.ok(args)))
    .collect()
}

#[test]
fn a_fixture_from_every_earlier_schema_upgrades_intact_after_a_copy_is_kept() {
    let current = seminar::store::schema::current_version();
    let expected = seed_agendas();
    for version in 1..current {
        let fixture = format!(
            "{}/tests/fixtures/schema-v{version}.sql",
            env!("CARGO_MANIFEST_DIR")
        );
        let sql = std::fs::read_to_string(&fixture)
            .unwrap_or_else(|_| panic!("every earlier schema needs a fixture: {fixture}"));
        let env = Env::new();
        std::fs::create_dir_all(env.db.parent().unwrap()).unwrap();
        Connection::open(&env.db)
            .unwrap()
            .execute_batch(&sql)
            .unwrap();
        assert_eq!(user_version(&env.db), version);
        let before = env.dump();

        let run = env.run(&["agenda", "kss-2017"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let backup = env.db.with_file_name(format!("seminar.db.v{version}.bak"));
        assert_eq!(
            run.stderr.trim(),
            format!(
                "note: upgraded {} from schema version {version} to {current}; the file as it was is kept as {}",
                env.db.display(),
                backup.display()
            )
        );
        assert_eq!(user_version(&env.db), current);
        assert_eq!(user_version(&backup), version);
        assert_eq!(dump_file(&backup), before, "the copy is the file as it was");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&backup).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "the copy holds personal data");
        }
        assert_eq!(
            agendas(&env),
            expected,
            "schema {version}: the data reads back"
        );
        let again = env.run(&["list"]);
        assert_eq!(again.stderr, "", "an upgraded file is not upgraded again");
    }
}

#[test]
fn backup_writes_a_private_copy_that_reads_back_as_the_same_data() {
    let env = Env::new();
    env.seed();
    let copy = env.dir().join("copies").join("seminar-copy.db");
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    let report = env.json(&["backup", copy.to_str().unwrap()]);
    assert_eq!(report["records"]["seminars"], 1);
    assert_eq!(report["records"]["people"], 5);
    assert_eq!(
        report["schema_version"],
        seminar::store::schema::current_version()
    );
    assert_eq!(dump_file(&copy), env.dump());
    let from_copy = Env::new().with_env("SEMINAR_DB", copy.to_str().unwrap());
    assert_eq!(
        redact_uids(&from_copy.ok(&["agenda", "kss-2017"])),
        redact_uids(&env.ok(&["agenda", "kss-2017"]))
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copy).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Again over the old copy: replaced whole, nothing left beside it.
    env.ok(&["speaker", "remove", "kss-2017", "Mickael B. Hoelman"]);
    env.ok(&["backup", copy.to_str().unwrap()]);
    assert_eq!(dump_file(&copy), env.dump());
    let leftovers: Vec<_> = std::fs::read_dir(copy.parent().unwrap())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");

    let line = env.fails(2, &["backup", env.db.to_str().unwrap()]);
    assert!(line.contains("is the database itself"), "{line}");
    let line = env.fails(1, &["backup", "/nonexistent-folder/copy.db"]);
    assert!(
        line.contains("cannot write /nonexistent-folder/copy.db"),
        "{line}"
    );
}

#[test]
fn doctor_passes_a_sound_file_and_names_each_kind_of_damage() {
    let env = Env::new();
    env.seed();
    let report = env.json(&["doctor"]);
    assert_eq!(report["healthy"], true, "{report}");
    let names: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|check| check["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "integrity",
            "foreign keys",
            "schema version",
            "journal",
            "booking rules"
        ]
    );
    assert!(env.ok(&["doctor"]).contains("The database is sound."));

    let verdicts = |env: &Env| -> Vec<(String, bool)> {
        let run = env.run(&["doctor", "--json"]);
        assert_eq!(run.code, 3, "{}{}", run.stdout, run.stderr);
        let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(report["healthy"], false);
        report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["name"].as_str().unwrap().to_string(),
                    c["ok"].as_bool().unwrap(),
                )
            })
            .collect()
    };
    let failing = |verdicts: Vec<(String, bool)>| -> Vec<String> {
        verdicts
            .into_iter()
            .filter(|(_, ok)| !ok)
            .map(|(name, _)| name)
            .collect()
    };

    // A double booking recorded with --force.
    env.create_morning_seminar("clash", "18/05/2017");
    env.ok(&[
        "venue",
        "assign",
        "clash",
        "Auditorium Juwono Sudarsono",
        "--force",
    ]);
    assert_eq!(failing(verdicts(&env)), ["booking rules"]);
    env.ok(&["delete", "clash", "--yes"]);

    // A reference to nobody, written behind seminar's back.
    let conn = Connection::open(&env.db).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF; UPDATE role SET person_id = 999 WHERE id = 1;")
        .unwrap();
    drop(conn);
    assert_eq!(failing(verdicts(&env)), ["foreign keys"]);
}

#[test]
fn doctor_reports_a_damaged_file_in_one_line_or_a_table() {
    let env = Env::new();
    env.seed();
    // Checkpoint the log into the file, then overwrite the middle of a table page.
    let conn = Connection::open(&env.db).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    let page_size: i64 = conn
        .pragma_query_value(None, "page_size", |row| row.get(0))
        .unwrap();
    drop(conn);
    let mut bytes = std::fs::read(&env.db).unwrap();
    let start = page_size as usize + 8;
    for (i, byte) in bytes[start..start + 1200].iter_mut().enumerate() {
        *byte = [0x00, 0x07, 0xff, 0x12][i % 4];
    }
    std::fs::write(&env.db, &bytes).unwrap();

    let run = env.run(&["doctor"]);
    match run.code {
        3 => {
            assert!(run.stdout.contains("PROBLEM"), "{}", run.stdout);
            assert!(run.stdout.contains("damaged:"), "{}", run.stdout);
        }
        1 => {
            assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
            assert!(run.stderr.contains("damaged"), "{}", run.stderr);
        }
        other => panic!(
            "doctor on a damaged file exited {other}: {}{}",
            run.stdout, run.stderr
        ),
    }
}

#[test]
fn processes_racing_to_upgrade_an_old_file_keep_the_old_one_once() {
    let sql = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/schema-v1.sql"
    ))
    .unwrap();
    let env = Env::new();
    const PROCESSES: usize = 6;
    for round in 0..8 {
        let folder = env.dir().join(format!("round-{round}"));
        std::fs::create_dir(&folder).unwrap();
        let db = folder.join("seminar.db");
        Connection::open(&db).unwrap().execute_batch(&sql).unwrap();
        let original = dump_file(&db);
        let children: Vec<_> = (0..PROCESSES)
            .map(|_| {
                env.command()
                    .args(["--db", db.to_str().unwrap(), "list"])
                    .stdin(std::process::Stdio::null())
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let mut notes = 0;
        for child in children {
            let output = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(output.status.success(), "round {round}: {stderr}");
            notes += stderr.matches("note: upgraded").count();
        }
        assert_eq!(notes, 1, "round {round}: one process upgrades and says so");
        let backup = folder.join("seminar.db.v1.bak");
        assert_eq!(user_version(&backup), 1, "round {round}");
        assert_eq!(
            dump_file(&backup),
            original,
            "round {round}: the copy is the file as it was"
        );
        assert_eq!(user_version(&db), seminar::store::schema::current_version());
        assert_eq!(temporaries(&folder), Vec::<String>::new());
    }
}
