//! `kill -9` at random moments (seeded) during a large import and a large export: the
//! database stays intact, an import is kept whole or not at all, and an export's file is the
//! old one or a whole new one.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;

use crate::support::Env;

const TRIALS: usize = 20;
const IMPORT_ROWS: i64 = 50_000;
const EXPORT_SEMINARS: usize = 2_000;

/// A small linear congruential generator: the same seed gives the same kill moments.
struct Lcg(u64);

impl Lcg {
    /// A number in [0, 1).
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// When to kill, in each trial. The first half of the trials are timed from the start: one
/// moment in each of equal stretches of [-5 %, 115 %] of the measured `duration`, so that some
/// fall before the start, some after the end, and the rest all over the run. The second half
/// wait for the first sign of writing, then one moment in each stretch of the measured
/// `writing` window that follows it: the stretch where a kill can do harm, found however
/// loaded the machine is.
fn kill_moments(duration: Duration, writing: Duration, seed: u64) -> Vec<(bool, Duration)> {
    let mut random = Lcg(seed);
    let half = TRIALS / 2;
    (0..TRIALS)
        .map(|trial| {
            if trial < half {
                let share = -0.05 + 1.2 * (trial as f64 + random.next()) / half as f64;
                (false, duration.mul_f64(share.max(0.0)))
            } else {
                let share = ((trial - half) as f64 + random.next()) / (TRIALS - half) as f64;
                (true, writing.mul_f64(share))
            }
        })
        .collect()
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temporary path")
}

/// Starts the binary on `db` with nothing to read and nothing shown.
fn spawn(env: &Env, db: &Path, args: &[&str]) -> Child {
    env.command()
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts")
}

/// How a trial's process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// It had already exited when its moment came.
    Finished,
    /// It was still running and was killed.
    Killed,
}

/// Kills `child` (SIGKILL on unix) `moment` after its start, or after `sign()` first holds
/// if `after_sign`, unless it has already exited.
fn kill_at(mut child: Child, after_sign: bool, moment: Duration, sign: &dyn Fn() -> bool) -> End {
    if after_sign {
        while !sign() && child.try_wait().expect("the child's status").is_none() {
            std::thread::sleep(Duration::from_micros(200));
        }
    }
    std::thread::sleep(moment);
    let end = match child.try_wait().expect("the child's status") {
        Some(_) => End::Finished,
        None => {
            child.kill().expect("the child is killed");
            End::Killed
        }
    };
    child.wait().expect("the child is reaped");
    end
}

/// Runs `child` to its end; returns how long it took, and how long it ran after `sign()`
/// first held.
fn measure(mut child: Child, sign: &dyn Fn() -> bool) -> (Duration, Duration) {
    let started = Instant::now();
    let mut signed = None;
    loop {
        if let Some(status) = child.try_wait().expect("the child's status") {
            assert!(status.success(), "the uninterrupted run failed");
            break;
        }
        if signed.is_none() && sign() {
            signed = Some(started.elapsed());
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    let duration = started.elapsed();
    let signed = signed.expect("the sign of writing was seen");
    (duration, duration - signed)
}

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |metadata| metadata.len())
}

fn wal_of(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

/// Opens `db` with the binary (`seminar check`, which recovers the file as any command
/// would), then checks the file with SQLite's own integrity check.
fn assert_intact(env: &Env, db: &Path, context: &str) {
    let run = env
        .command()
        .arg("--db")
        .arg(db)
        .args(["check"])
        .output()
        .expect("the binary runs");
    assert_eq!(
        run.status.code(),
        Some(0),
        "{context}: seminar check: {}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let conn = Connection::open(db).expect("the database opens");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(integrity, "ok", "{context}");
    let orphans: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })
        .unwrap();
    assert_eq!(orphans, 0, "{context}");
}

fn count(db: &Path, table: &str) -> i64 {
    let conn = Connection::open(db).expect("the database opens");
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
        row.get(0)
    })
    .unwrap()
}

#[test]
fn an_import_killed_at_any_moment_is_kept_whole_or_not_at_all() {
    let env = Env::new();
    let trials = env.dir().join("trials");
    std::fs::create_dir_all(&trials).unwrap();
    let base = trials.join("base.db");
    env.ok(&["--db", path_arg(&base), "venue", "add", "Aula Utama"]);
    env.ok(&[
        "--db",
        path_arg(&base),
        "create",
        "Big seminar",
        "--date",
        "2017-05-18",
        "--start",
        "09:00",
        "--end",
        "12:00",
        "--tz",
        "WIB",
        "--venue",
        "Aula Utama",
        "--slug",
        "big",
    ]);
    // Every process has closed the file, so it is whole without its -wal.
    assert!(!wal_of(&base).exists());
    let csv = env.dir().join("speakers.csv");
    let mut text = String::from("name,position\n");
    for row in 0..IMPORT_ROWS {
        text.push_str(&format!("Speaker {row},Position {}\n", row % 97));
    }
    std::fs::write(&csv, text).unwrap();
    let import = [
        "import",
        path_arg(&csv),
        "--format",
        "csv",
        "--seminar",
        "big",
        "--new",
    ];

    // The sign of writing: the first page in the -wal file.
    let measured = trials.join("measured.db");
    std::fs::copy(&base, &measured).unwrap();
    let (duration, writing) = measure(spawn(&env, &measured, &import), &|| {
        file_size(&wal_of(&measured)) > 0
    });
    assert_eq!(count(&measured, "role"), IMPORT_ROWS);

    let (mut finished, mut before_writing, mut mid_write, mut after_commit) = (0, 0, 0, 0);
    for (trial, (after_sign, moment)) in kill_moments(duration, writing, 2017)
        .into_iter()
        .enumerate()
    {
        let db = trials.join(format!("import-{trial}.db"));
        std::fs::copy(&base, &db).unwrap();
        let wal = wal_of(&db);
        let child = spawn(&env, &db, &import);
        let end = kill_at(child, after_sign, moment, &|| file_size(&wal) > 0);
        let wal = file_size(&wal);
        let context = format!(
            "import trial {trial} ({end:?} {moment:?} after {}, -wal {wal} bytes)",
            if after_sign {
                "the first write"
            } else {
                "the start"
            }
        );
        assert_intact(&env, &db, &context);
        let roles = count(&db, "role");
        let people = count(&db, "person");
        assert!(
            (roles, people) == (0, 0) || (roles, people) == (IMPORT_ROWS, IMPORT_ROWS),
            "{context}: {roles} roles and {people} people kept"
        );
        match (end, roles) {
            (End::Finished, _) => {
                assert_eq!(roles, IMPORT_ROWS, "{context}");
                finished += 1;
            }
            (End::Killed, 0) if wal == 0 => before_writing += 1,
            (End::Killed, 0) => mid_write += 1,
            (End::Killed, _) => after_commit += 1,
        }
        std::fs::remove_file(&db).unwrap();
    }
    eprintln!(
        "crash trials (import of {IMPORT_ROWS} rows, {duration:?} uninterrupted, \
         {writing:?} of it after the first write): {TRIALS} trials, \
         {TRIALS} intact; killed before its first write {before_writing}, during its write \
         transaction {mid_write}, after its commit {after_commit}; finished before the kill {finished}"
    );
    assert!(mid_write > 0, "no kill fell inside the write transaction");
}

#[test]
fn an_export_killed_at_any_moment_leaves_the_old_file_or_the_whole_new_one() {
    use seminar::sample::{SampleSize, generate};
    use seminar::store::Store;

    let env = Env::new();
    let db = env.dir().join("sample.db");
    let mut store = Store::open(&db).unwrap();
    store
        .write(|db| {
            generate(
                db,
                SampleSize {
                    seminars: EXPORT_SEMINARS,
                    seed: 7,
                },
            )
        })
        .unwrap();
    drop(store);
    let out = env.dir().join("out");
    std::fs::create_dir(&out).unwrap();
    let file = out.join("backup.json");
    let export = ["export", "--format", "json", "-o", path_arg(&file)];

    let leftovers = |out: &Path| -> std::collections::BTreeSet<String> {
        std::fs::read_dir(out)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with(".seminar-export-"))
            .collect()
    };
    // The sign of writing: a temporary file beside the output.
    let (duration, writing) = measure(spawn(&env, &db, &export), &|| !leftovers(&out).is_empty());
    let whole_new = std::fs::read(&file).unwrap();

    let (mut finished, mut old_kept, mut mid_write, mut new_written) = (0, 0, 0, 0);
    for (trial, (after_sign, moment)) in kill_moments(duration, writing, 1805)
        .into_iter()
        .enumerate()
    {
        let old = format!("{{\"old\": {trial}}}\n");
        std::fs::write(&file, &old).unwrap();
        let temporary_before = leftovers(&out);
        let child = spawn(&env, &db, &export);
        // A run removes the temporary files that killed runs left: count only new ones.
        let new_temporaries = || leftovers(&out).difference(&temporary_before).count();
        let end = kill_at(child, after_sign, moment, &|| new_temporaries() > 0);
        let left_behind = new_temporaries();
        let context = format!(
            "export trial {trial} ({end:?} {moment:?} after {})",
            if after_sign {
                "the first write"
            } else {
                "the start"
            }
        );
        let now = std::fs::read(&file).unwrap();
        let replaced = now != old.as_bytes();
        if replaced {
            let document: serde_json::Value = serde_json::from_slice(&now)
                .unwrap_or_else(|e| panic!("{context}: a partial file ({e})"));
            assert_eq!(document["format"], "seminar-archive", "{context}");
            assert_eq!(
                document["seminars"].as_array().map(Vec::len),
                Some(EXPORT_SEMINARS),
                "{context}"
            );
            assert!(now == whole_new, "{context}: not the same document");
        }
        match (end, replaced) {
            (End::Finished, _) => {
                assert!(replaced, "{context}: finished without replacing the file");
                finished += 1;
            }
            (End::Killed, true) => new_written += 1,
            (End::Killed, false) if left_behind > 0 => mid_write += 1,
            (End::Killed, false) => old_kept += 1,
        }
    }
    // The database only was read; it is as whole as before.
    assert_intact(&env, &db, "after the export trials");
    let temporary = leftovers(&out).len();
    assert!(
        temporary <= 1,
        "only the last killed run's file is left: {temporary}"
    );
    env.ok(&[
        "--db",
        path_arg(&db),
        "export",
        "--format",
        "json",
        "-o",
        path_arg(&file),
    ]);
    assert!(
        leftovers(&out).is_empty(),
        "the next run removes what killed runs left"
    );
    eprintln!(
        "crash trials (export of {EXPORT_SEMINARS} seminars, {} bytes, {duration:?} uninterrupted, \
         {writing:?} of it after the temporary file appeared): \
         {TRIALS} trials, {TRIALS} files old or whole; killed before writing {old_kept}, while \
         writing its temporary file {mid_write}, after the rename {new_written}; finished before \
         the kill {finished}; {temporary} temporary file(s) left beside the output",
        whole_new.len()
    );
}
