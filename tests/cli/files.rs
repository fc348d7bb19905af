//! Files that are not the tool's to clobber: the database under another name, devices and
//! FIFOs, links in a folder of manual pages; the modes of written files; `backup` under
//! steady writes; temporary files left by killed processes.

use std::fs::OpenOptions;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rusqlite::Connection;

use crate::support::{Env, dump_file};

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temporary path")
}

/// The temporary files of seminar in `folder` (`.seminar-…`), by name.
pub fn temporaries(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".seminar-"))
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
fn make_fifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo");
}

#[cfg(unix)]
fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(path).is_ok_and(|metadata| metadata.file_type().is_fifo())
}

/// `env`'s command run under `umask`, through the shell.
#[cfg(unix)]
fn run_with_umask(env: &Env, umask: &str, args: &[&str]) {
    let template = env.command();
    let mut command = Command::new("sh");
    command.env_clear();
    for (name, value) in template.get_envs() {
        if let Some(value) = value {
            command.env(name, value);
        }
    }
    let output = command
        .current_dir(env.dir())
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
        .arg(template.get_program())
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[cfg(unix)]
#[test]
fn exports_with_contacts_are_private_and_others_honour_the_umask() {
    let env = Env::new();
    env.seed();
    let file = |name: &str| env.dir().join(name);
    let export = |umask: &str, path: &Path, contacts: bool| {
        let mut args = vec!["export", "--format", "json", "-o", path_arg(path)];
        if contacts {
            args.push("--include-contacts");
        }
        run_with_umask(&env, umask, &args);
    };
    export("077", &file("contacts-077.json"), true);
    assert_eq!(mode(&file("contacts-077.json")), 0o600);
    export("022", &file("contacts-022.json"), true);
    assert_eq!(mode(&file("contacts-022.json")), 0o600);
    export("077", &file("plain-077.json"), false);
    assert_eq!(mode(&file("plain-077.json")), 0o600);
    export("027", &file("plain-027.json"), false);
    assert_eq!(mode(&file("plain-027.json")), 0o640);
    export("022", &file("plain-022.json"), false);
    assert_eq!(mode(&file("plain-022.json")), 0o644);
    run_with_umask(
        &env,
        "077",
        &[
            "speaker",
            "list",
            "--format",
            "csv",
            "--include-contacts",
            "-o",
            path_arg(&file("speakers.csv")),
        ],
    );
    assert_eq!(mode(&file("speakers.csv")), 0o600);

    // A replaced file keeps its mode, except that contacts never make it more open than 0600.
    use std::os::unix::fs::PermissionsExt;
    let shared = file("shared.json");
    std::fs::write(&shared, "old").unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o664)).unwrap();
    export("077", &shared, false);
    assert_eq!(mode(&shared), 0o664);
    export("022", &shared, true);
    assert_eq!(mode(&shared), 0o600);
    let exported: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&shared).unwrap()).unwrap();
    assert!(exported.is_object() || exported.is_array());
}

#[cfg(unix)]
#[test]
fn man_dir_replaces_a_link_instead_of_writing_through_it() {
    let env = Env::new();
    let pages = env.dir().join("pages");
    std::fs::create_dir(&pages).unwrap();
    let victim = env.dir().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    std::os::unix::fs::symlink(&victim, pages.join("seminar.1")).unwrap();
    std::os::unix::fs::symlink(&victim, pages.join("seminar-backup.1")).unwrap();

    let run = env.run(&["man", "--dir", path_arg(&pages)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    for name in ["seminar.1", "seminar-backup.1", "seminar-speaker-add.1"] {
        let page = pages.join(name);
        assert!(
            std::fs::symlink_metadata(&page).unwrap().is_file(),
            "{name} is a file of its own"
        );
        assert!(
            std::fs::read_to_string(&page).unwrap().starts_with(".ie "),
            "{name} is a manual page"
        );
    }
    assert_eq!(temporaries(&pages), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn output_to_a_fifo_or_a_device_is_written_in_place() {
    let env = Env::new();
    env.seed();
    let fifo = env.dir().join("agenda.fifo");
    make_fifo(&fifo);
    // Opened for reading and writing, a FIFO opens at once (Linux): the command finds a
    // reader, and this end never sees the end of the stream, so it reads what is there.
    let mut reader = OpenOptions::new()
        .read(true)
        .write(true)
        .open(&fifo)
        .unwrap();
    env.ok(&[
        "agenda",
        "kss-2017",
        "--format",
        "csv",
        "-o",
        path_arg(&fifo),
    ]);
    assert!(is_fifo(&fifo), "the FIFO was replaced by a regular file");
    let mut buffer = vec![0; 1 << 16];
    let read = reader.read(&mut buffer).unwrap();
    let text = String::from_utf8_lossy(&buffer[..read]);
    let titles: Vec<String> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|record| record.unwrap()[8].to_string())
        .collect();
    assert_eq!(titles.len(), 7, "{text}");
    assert_eq!(titles[0], "Opening remarks");

    let line = env.fails(
        1,
        &["agenda", "kss-2017", "--format", "csv", "-o", "/dev/full"],
    );
    assert!(line.contains("/dev/full"), "{line}");
    assert!(line.contains("No space left on device"), "{line}");
    env.ok(&["agenda", "kss-2017", "-o", "/dev/null"]);
    use std::os::unix::fs::FileTypeExt;
    for device in ["/dev/null", "/dev/full"] {
        let kind = std::fs::symlink_metadata(device).unwrap().file_type();
        assert!(kind.is_char_device(), "{device} is still a device");
    }

    // /dev/stdout is the stream the command was given, and stays a link.
    let run = env.run(&[
        "agenda",
        "kss-2017",
        "--format",
        "json",
        "-o",
        "/dev/stdout",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let printed: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(printed["seminar"]["slug"], "kss-2017", "{printed}");
    assert!(
        std::fs::symlink_metadata("/dev/stdout")
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let dash = env.ok(&["agenda", "kss-2017", "--format", "json", "-o", "-"]);
    assert_eq!(dash, run.stdout);
}

#[cfg(unix)]
#[test]
fn a_device_or_a_fifo_as_the_database_is_refused_and_nothing_is_created() {
    let env = Env::new();
    let journal = Path::new("/dev/null-journal");
    let journal_before = journal.exists();
    let line = env.fails(1, &["--db", "/dev/null", "list"]);
    assert!(
        line.contains("/dev/null is a character device, not a database file"),
        "{line}"
    );
    if !journal_before {
        assert!(!journal.exists(), "a journal beside /dev/null");
    }

    let folder = env.dir().join("pipes");
    std::fs::create_dir(&folder).unwrap();
    let fifo = folder.join("seminar.db");
    make_fifo(&fifo);
    for args in [vec!["list"], vec!["venue", "add", "Aula"]] {
        let mut with_db = vec!["--db", path_arg(&fifo)];
        with_db.extend(args);
        let line = env.fails(1, &with_db);
        assert!(line.contains("is a FIFO (named pipe)"), "{line}");
    }
    let left: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
    assert_eq!(left.len(), 1, "only the FIFO: {left:?}");
}

#[test]
fn the_lock_message_names_the_file_and_who_may_hold_it() {
    let env = Env::new();
    env.ok(&["venue", "add", "Aula"]);
    let holder = Connection::open(&env.db).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let line = env.fails(1, &["venue", "add", "Aula Baru"]);
    holder.execute_batch("ROLLBACK").unwrap();
    assert!(line.contains(&env.db.display().to_string()), "{line}");
    assert!(
        line.contains("locked by another program or seminar command"),
        "{line}"
    );
}

/// A database of about 30 MB: the seed seminar's venue, then many more with long addresses.
fn big_database(env: &Env) {
    env.ok(&["venue", "add", "Auditorium Juwono Sudarsono"]);
    let conn = Connection::open(&env.db).unwrap();
    conn.execute_batch(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120000)
         INSERT INTO venue (name, name_key, address)
             SELECT 'Hall ' || i, 'hall ' || i, printf('%.200c', 'x') || i FROM n;",
    )
    .unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
}

/// Writes one venue `w<n>` per commit, every 50 ms, until `stop`; returns how many.
fn steady_writer(db: PathBuf, stop: Arc<AtomicBool>) -> std::thread::JoinHandle<i64> {
    std::thread::spawn(move || {
        let conn = Connection::open(&db).unwrap();
        conn.busy_timeout(Duration::from_secs(10)).unwrap();
        let mut written = 0;
        while !stop.load(Ordering::Relaxed) {
            conn.execute(
                "INSERT INTO venue (name, name_key) VALUES (?1, ?1)",
                [format!("w{written:06}")],
            )
            .unwrap();
            written += 1;
            std::thread::sleep(Duration::from_millis(50));
        }
        written
    })
}

fn spawn_backup(env: &Env, copy: &Path, stderr: Stdio) -> std::process::Child {
    env.command()
        .args(["backup", path_arg(copy)])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .unwrap()
}

/// Runs `backup` to `copy`, killing it (and failing) if it has not finished in `limit`.
fn timed_backup(env: &Env, copy: &Path, limit: Duration) -> Duration {
    let started = Instant::now();
    let mut child = spawn_backup(env, copy, Stdio::piped());
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut stderr = String::new();
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut stderr)
                .unwrap();
            assert!(status.success(), "backup failed: {stderr}");
            return started.elapsed();
        }
        if started.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("backup did not finish in {limit:?} while another process wrote");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn backup_finishes_under_steady_writes_with_a_consistent_copy() {
    let env = Env::new();
    big_database(&env);
    let idle_copy = env.dir().join("idle.db");
    let idle = timed_backup(&env, &idle_copy, Duration::from_secs(300));

    let stop = Arc::new(AtomicBool::new(false));
    let writer = steady_writer(env.db.clone(), Arc::clone(&stop));
    std::thread::sleep(Duration::from_millis(200));
    let copy = env.dir().join("busy.db");
    // A liveness bound, not a speed test: the old online backup never finished at all.
    let busy = timed_backup(&env, &copy, idle * 20 + Duration::from_secs(120));
    stop.store(true, Ordering::Relaxed);
    let written = writer.join().unwrap();
    eprintln!(
        "backup of {} MB: idle {idle:.2?}, under one commit every 50 ms {busy:.2?} ({written} commits in all)",
        std::fs::metadata(&idle_copy).unwrap().len() / 1_000_000
    );

    let conn = Connection::open(&copy).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let journal_mode: String = conn
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    assert_eq!(journal_mode, "delete", "a self-contained copy");
    // One state of the file: the first k writes, and none after a missing one.
    let names: Vec<String> = conn
        .prepare("SELECT name FROM venue WHERE name LIKE 'w%' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let expected: Vec<String> = (0..names.len()).map(|i| format!("w{i:06}")).collect();
    assert_eq!(names, expected);
    let halls: i64 = conn
        .query_row(
            "SELECT count(*) FROM venue WHERE name LIKE 'Hall %'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(halls, 120_000);
    assert_eq!(temporaries(env.dir()), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn temporaries_of_a_killed_backup_are_removed_by_the_next_run_and_live_ones_kept() {
    let env = Env::new();
    big_database(&env);
    let copies = env.dir().join("copies");
    std::fs::create_dir(&copies).unwrap();
    let copy = copies.join("seminar-copy.db");

    // Kill backups once their temporary file has grown.
    let mut killed = 0;
    for _ in 0..20 {
        if killed == 2 {
            break;
        }
        let mut child = spawn_backup(&env, &copy, Stdio::null());
        loop {
            let growing = std::fs::read_dir(&copies).unwrap().any(|entry| {
                let entry = entry.unwrap();
                entry
                    .file_name()
                    .to_string_lossy()
                    .starts_with(".seminar-backup-")
                    && entry.metadata().is_ok_and(|metadata| metadata.len() > 0)
            });
            if growing || child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(500));
        }
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            killed += 1;
        }
        child.wait().unwrap();
    }
    assert_eq!(killed, 2, "two backups were killed while writing");
    assert!(!temporaries(&copies).is_empty(), "the kills left files");

    // A temporary file that a live process holds is not touched.
    let live = copies.join(".seminar-export-live");
    std::fs::write(&live, "in the making").unwrap();
    let holder = std::fs::File::open(&live).unwrap();
    holder.lock().unwrap();

    env.ok(&["backup", path_arg(&copy)]);
    assert_eq!(temporaries(&copies), [".seminar-export-live"]);
    assert_eq!(std::fs::read_to_string(&live).unwrap(), "in the making");
    drop(holder);
    assert_eq!(dump_file(&copy), env.dump());
}

/// Unmounts a file system mounted by a test, however the test ends.
#[cfg(target_os = "linux")]
struct Mounted(PathBuf);

#[cfg(target_os = "linux")]
impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_named_when_a_read_fails() {
    let env = Env::new();
    env.ok(&["venue", "add", "Aula"]);
    let disk = env.dir().join("small-disk");
    std::fs::create_dir(&disk).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
        .arg(&disk)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !mounted {
        eprintln!("skipped: mounting a small disk needs root");
        return;
    }
    let _unmount = Mounted(disk.clone());
    let db = disk.join("seminar.db");
    Connection::open(&env.db)
        .unwrap()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    std::fs::copy(&env.db, &db).unwrap();
    let mut filler = std::fs::File::create(disk.join("filler")).unwrap();
    while std::io::Write::write_all(&mut filler, &[0; 4096]).is_ok() {}
    drop(filler);

    let run = env.run(&["--db", path_arg(&db), "venue", "list"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("free space"), "{}", run.stderr);
}
