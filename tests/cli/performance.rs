//! Query shapes that keep the tool fast on a large database: the hot commands' statements
//! use indexes (EXPLAIN QUERY PLAN shows no full scan of a large table), and the number of
//! statements an agenda or an export needs does not grow with its size (no N+1). Timings
//! live in the benchmarks (benches/), not here.

use chrono::NaiveDate;
use seminar::model::RoleKind;
use seminar::ops::people::{NewRole, NewTalk, add_role, person, speakers};
use seminar::ops::seminars::{ListQuery, list, programme, programmes};
use seminar::ops::{Permission, check, find_seminar};
use seminar::sample::{SampleSize, generate};
use seminar::store::Store;

/// Tables that grow with the number of seminars.
const LARGE_TABLES: [&str; 7] = [
    "seminar",
    "slot",
    "role",
    "slot_role",
    "person",
    "institution",
    "organizer",
];

fn sample(seminars: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("sample.db")).unwrap();
    store
        .write(|db| generate(db, SampleSize { seminars, seed: 7 }))
        .unwrap();
    store.write(|db| db.analyze()).unwrap();
    (dir, store)
}

/// The statements each hot command runs, by command.
fn hot_statements(store: &mut Store) -> Vec<(&'static str, Vec<String>)> {
    let (slug, person_name, institution) = store
        .read(|db| {
            let seminar = find_seminar(db, "#1500")?;
            let programme = programme(db, &seminar.slug)?;
            let role = &programme.roles[1];
            Ok((
                seminar.slug.clone(),
                role.person_name.clone(),
                role.institution.clone().unwrap().name,
            ))
        })
        .unwrap();
    let month = (
        NaiveDate::from_ymd_opt(2020, 3, 1),
        NaiveDate::from_ymd_opt(2020, 3, 31),
    );
    let mut runs = Vec::new();
    let mut capture = |name, work: &dyn Fn(&mut Store)| {
        let ((), statements) = store
            .capture_statements(|store| {
                work(store);
                Ok(())
            })
            .unwrap();
        runs.push((name, statements));
    };
    capture("agenda SLUG", &|store| {
        store.read(|db| programme(db, &slug)).unwrap();
    });
    capture("speaker list --institution", &|store| {
        store
            .read(|db| speakers(db, None, Some(&institution)))
            .unwrap();
    });
    capture("list --from --to (a month)", &|store| {
        let query = ListQuery {
            from: month.0,
            to: month.1,
            ..ListQuery::default()
        };
        store.read(|db| list(db, &query)).unwrap();
    });
    capture("person show", &|store| {
        store.read(|db| person(db, &person_name)).unwrap();
    });
    capture("check SLUG (as every change does)", &|store| {
        store
            .read(|db| check(db, Some(&find_seminar(db, &slug)?)))
            .unwrap();
    });
    capture("export a month", &|store| {
        store.read(|db| programmes(db, month.0, month.1)).unwrap();
    });
    runs
}

#[test]
fn hot_queries_use_indexes_not_full_scans() {
    let (dir, mut store) = sample(3000);
    let runs = hot_statements(&mut store);
    let conn = rusqlite::Connection::open(dir.path().join("sample.db")).unwrap();
    for (command, statements) in runs {
        assert!(!statements.is_empty(), "{command} ran no statement");
        for sql in statements {
            if !sql.trim_start().to_uppercase().starts_with("SELECT") {
                continue;
            }
            let mut explain = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            let plan: Vec<String> = explain
                .query_map([], |row| row.get::<_, String>(3))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            for step in &plan {
                let words: Vec<&str> = step.split_whitespace().collect();
                if let ["SCAN", alias, ..] = words.as_slice() {
                    let table = table_of(&sql, alias);
                    assert!(
                        !LARGE_TABLES.contains(&table.as_str()),
                        "{command}: full scan of {table} in\n{sql}\nplan: {plan:#?}"
                    );
                }
            }
        }
    }
}

/// The table an alias in a statement stands for (`role r` gives `role` for `r`).
fn table_of(sql: &str, alias: &str) -> String {
    let words: Vec<&str> = sql
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(2)
        .find(|pair| pair[1] == alias && LARGE_TABLES.contains(&pair[0]))
        .map_or(alias.to_string(), |pair| pair[0].to_string())
}

fn statements_for_agenda(speakers: usize) -> usize {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(|db| {
            seminar::ops::seminars::create(
                db,
                seminar::ops::seminars::NewSeminar {
                    title: "Scaling seminar".into(),
                    schedule: seminar::model::Schedule {
                        zone: seminar::model::zone::Zone::known("Asia/Jakarta"),
                        first_day: NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
                        last_day: NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
                        start: chrono::NaiveTime::from_hms_opt(0, 0, 0).unwrap(),
                        end: chrono::NaiveTime::from_hms_opt(23, 59, 0).unwrap(),
                        days: Vec::new(),
                    },
                    venue: Some("Hall".into()),
                    subtitle: None,
                    organizers: vec!["Org".into()],
                    description: None,
                    slug: Some("scaling".into()),
                    status: seminar::model::Status::Confirmed,
                    uid: None,
                },
                Permission::default(),
            )?;
            for i in 0..speakers {
                let role = NewRole {
                    kind: RoleKind::Speaker,
                    name: format!("Speaker {i}"),
                    institution: Some(format!("Institution {i}")),
                    position: Some("Dosen".into()),
                    email: None,
                    phone: None,
                    titles: None,
                    talk: Some(NewTalk {
                        title: format!("Talk {i}"),
                        at: chrono::NaiveTime::from_hms_opt(0, 0, 0).unwrap()
                            + chrono::Duration::minutes(i as i64 * 20),
                        on: None,
                        minutes: 20,
                        place: Default::default(),
                    }),
                    from_file: Default::default(),
                };
                // `new`: the numbered names are near-duplicates of each other on purpose.
                let permission = Permission::new(false, true);
                add_role(db, "scaling", role, permission)?;
            }
            Ok(())
        })
        .unwrap();
    let (_, statements) = store
        .capture_statements(|store| store.read(|db| programme(db, "scaling")))
        .unwrap();
    statements.len()
}

#[test]
fn an_agenda_needs_as_many_queries_for_forty_speakers_as_for_two() {
    let few = statements_for_agenda(2);
    let many = statements_for_agenda(40);
    assert_eq!(few, many, "queries per agenda grow with its speakers");
    assert!(few <= 8, "{few} statements for one agenda");
}

#[test]
fn an_export_needs_as_many_queries_for_many_seminars_as_for_few() {
    let count = |seminars| {
        let (_dir, mut store) = sample(seminars);
        let (exported, statements) = store
            .capture_statements(|store| store.read(|db| programmes(db, None, None)))
            .unwrap();
        assert_eq!(exported.len(), seminars);
        statements.len()
    };
    assert_eq!(
        count(20),
        count(400),
        "queries per export grow with its seminars"
    );
}
