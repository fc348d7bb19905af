//! A hermetic environment for running the real binary on a temporary database.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

/// What a run of the binary left behind.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub struct Env {
    dir: TempDir,
    pub db: PathBuf,
    extra: Vec<(String, String)>,
}

impl Env {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let db = dir.path().join("data").join("seminar.db");
        Env {
            dir,
            db,
            extra: Vec::new(),
        }
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Sets (or overrides) an environment variable for every later run.
    pub fn with_env(mut self, name: &str, value: &str) -> Self {
        self.extra.push((name.into(), value.into()));
        self
    }

    /// The binary with a cleared environment: its own HOME, database, clock, zone and width.
    pub fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_seminar"));
        command
            .env_clear()
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("xdg-config"))
            .env("SEMINAR_DB", &self.db)
            .env("SEMINAR_NOW", "2017-05-01")
            .env("SEMINAR_TZ", "Asia/Jakarta")
            .env("TZ", "UTC")
            .env("COLUMNS", "120")
            .current_dir(self.dir.path());
        for (name, value) in &self.extra {
            command.env(name, value);
        }
        command
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let output = self.command().args(args).output().expect("the binary runs");
        let run = Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        };
        assert!(
            !run.stderr.contains("panicked"),
            "panic on {args:?}: {}",
            run.stderr
        );
        run
    }

    /// Runs a command that must succeed; returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, 0, "{args:?} failed: {}{}", run.stdout, run.stderr);
        run.stdout
    }

    /// Runs a command that must fail with `code`, print one error line and change nothing
    /// in the database; returns that line.
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        let before = self.dump();
        let run = self.run(args);
        assert_eq!(
            run.code, code,
            "{args:?}: expected exit {code}, got {}: {}{}",
            run.code, run.stdout, run.stderr
        );
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(
            lines.len(),
            1,
            "{args:?}: expected one error line, got: {}",
            run.stderr
        );
        assert!(lines[0].starts_with("error: "), "{args:?}: {}", lines[0]);
        assert_eq!(before, self.dump(), "{args:?} changed the database");
        lines[0].to_string()
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut with_json = vec!["--json"];
        with_json.extend_from_slice(args);
        let stdout = self.ok(&with_json);
        serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {stdout}"))
    }

    /// How many records a listing command prints as JSON.
    pub fn count(&self, args: &[&str]) -> usize {
        self.json(args).as_array().map_or(0, Vec::len)
    }

    /// Creates a morning seminar (09:00–12:00 WIB) on `date`, to add people to.
    pub fn create_morning_seminar(&self, slug: &str, date: &str) {
        self.ok(&[
            "create",
            "Follow-up seminar",
            "--date",
            date,
            "--start",
            "09:00",
            "--end",
            "12:00",
            "--tz",
            "WIB",
            "--slug",
            slug,
        ]);
    }

    /// The logical content of the database: every row of every table, in order.
    pub fn dump(&self) -> String {
        dump_file(&self.db)
    }

    /// Types in the seed seminar (the one `examples/seed_seminar.rs` builds) as an organizer
    /// would, misspellings from the article included where the tool should catch them.
    pub fn seed(&self) {
        self.ok(&[
            "institution",
            "add",
            "Kementerian Luar Negeri",
            "--short",
            "Kemlu",
        ]);
        self.ok(&[
            "venue",
            "add",
            "Auditorium Juwono Sudarsono",
            "--address",
            "FISIP Universitas Indonesia, Depok",
        ]);
        self.ok(&[
            "create",
            "Seminar on Indonesia's South-South and Triangular Cooperation",
            "--theme",
            "Proud to Contribute: Maximizing Potentials in South-South Cooperation",
            "--date",
            "Kamis, 18/05/2017",
            "--start",
            "09:00",
            "--end",
            "12:00",
            "--tz",
            "WIB",
            "--venue",
            "auditorium juwono sudarsono",
            "--organizer",
            "FISIP UI",
            "--organizer",
            "Tim Koordinasi Nasional Kerja Sama Selatan-Selatan",
            "--slug",
            "kss-2017",
            "--status",
            "confirmed",
        ]);
        self.ok(&[
            "slot",
            "add",
            "kss-2017",
            "Opening remarks",
            "--at",
            "09:00",
            "--minutes",
            "15",
            "--kind",
            "opening",
        ]);
        let speakers = [
            (
                "Moh. Syarif Alatas",
                "Direktur Kerja Sama Teknik",
                "Kemlu",
                "Indonesia's growing role as a provider of South-South cooperation",
                "09:15",
            ),
            (
                "Dinur Krismasari",
                "Senior Representative",
                "JICA Indonesia (JICA)",
                "Knowledge sharing in triangular cooperation",
                "09.45",
            ),
            (
                "Asra Virgianita",
                "Dosen Hubungan Internasional",
                "FISIP UI",
                "South-South cooperation in international relations",
                "10:15",
            ),
            (
                "Mickael B. Hoelman",
                "Senior Advisor",
                "INFID",
                "Civil society in South-South cooperation",
                "10:45",
            ),
        ];
        for (name, position, institution, talk, at) in speakers {
            self.ok(&[
                "speaker",
                "add",
                "kss-2017",
                name,
                "--position",
                position,
                "--institution",
                institution,
                "--talk",
                talk,
                "--at",
                at,
                "--minutes",
                "30",
            ]);
        }
        self.ok(&["moderator", "assign", "kss-2017", "Valerina Daniel"]);
        self.ok(&[
            "slot",
            "add",
            "kss-2017",
            "Questions and answers",
            "--at",
            "11:15",
            "--minutes",
            "35",
            "--kind",
            "qa",
            "--speaker",
            "valerina daniel",
        ]);
        self.ok(&[
            "slot",
            "add",
            "kss-2017",
            "Closing",
            "--at",
            "11:50",
            "--minutes",
            "10",
            "--kind",
            "closing",
        ]);
    }
}

/// Replaces every UUID in `text` with `[uid]`: uids are random, so snapshots hide them.
pub fn redact_uids(text: &str) -> String {
    fn is_uuid(candidate: &[u8]) -> bool {
        candidate.len() == 36
            && candidate.iter().enumerate().all(|(i, b)| match i {
                8 | 13 | 18 | 23 => *b == b'-',
                _ => b.is_ascii_hexdigit(),
            })
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        if i + 36 <= bytes.len() && is_uuid(&bytes[i..i + 36]) {
            out.push_str("[uid]");
            i += 36;
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The logical content of a database file: every row of every table, in order.
pub fn dump_file(path: &Path) -> String {
    if !path.exists() {
        return String::from("(no database)");
    }
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("the database opens");
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .and_then(|mut s| s.query_map([], |row| row.get(0))?.collect())
        .unwrap_or_default();
    tables.retain(|name| !name.starts_with("sqlite_"));
    let mut out = String::new();
    for table in tables {
        out.push_str(&format!("[{table}]\n"));
        let mut statement = conn
            .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY 1, 2"))
            .unwrap();
        let columns = statement.column_count();
        let mut rows = statement.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let values: Vec<String> = (0..columns)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            out.push_str(&values.join("|"));
            out.push('\n');
        }
    }
    out
}
