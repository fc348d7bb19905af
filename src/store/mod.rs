//! SQLite storage: every SQL statement of the program lives under this module.
//!
//! [`Store`] owns the connection; [`Store::read`] and [`Store::write`] run a closure inside
//! one transaction (`BEGIN IMMEDIATE` for writes) and hand it a [`Db`], whose methods are
//! the queries. Queries return [`crate::model`] types.

mod facts;
mod merge;
mod people;
pub mod schema;
mod seminars;
mod sessions;
mod slots;
mod venues;
mod versions;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::error::{Error, Result};
use crate::output::{Kind, Privacy, Target};

pub use facts::Facts;
pub use people::{
    InstitutionRow, PeopleNames, PersonName, PersonRow, RoleRow, SpeakerFilter, Talk,
};
pub use seminars::{ListedOutline, SeminarFilter};

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    upgrade: Option<Upgrade>,
    /// A file that does not exist yet (see [`Store::open_lazily`]): until the first write
    /// creates it, `conn` is an empty database in memory.
    pending: Option<PathBuf>,
}

/// A schema upgrade done on opening, and where the copy of the file from before it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upgrade {
    pub from: i64,
    pub to: i64,
    pub backup: PathBuf,
}

/// What `doctor` finds: SQLite's own checks and the schema's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    /// `PRAGMA integrity_check`: "ok", or what is damaged.
    pub integrity: Vec<String>,
    /// Rows whose reference points nowhere: (table, rowid, referred table).
    pub dangling: Vec<(String, i64, String)>,
    pub schema_version: i64,
    pub journal_mode: String,
    pub size_bytes: i64,
}

/// The queries, borrowed for the length of one transaction.
pub struct Db<'c> {
    conn: &'c Connection,
    /// Everyone's name, to find near names by, read once per transaction when first needed
    /// and kept up to date by the writes to people (see [`people::PeopleNames`]).
    people_names: std::cell::RefCell<Option<people::PeopleNames>>,
}

impl<'c> Db<'c> {
    fn new(conn: &'c Connection) -> Db<'c> {
        Db {
            conn,
            people_names: Default::default(),
        }
    }
}

const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

impl Store {
    /// Opens (creating if needed, with mode 0600 and its folder) and migrates a database file.
    pub fn open(path: &Path) -> Result<Store> {
        refuse_unusable(path)?;
        if !path.exists() {
            create_private_file(path)?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|error| located(path, error.into()))?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
            upgrade: None,
            pending: None,
        };
        store.configure().map_err(|error| located(path, error))?;
        Ok(store)
    }

    /// Opens a database file as [`Store::open`] does, except that a file that does not exist
    /// yet (or is empty) is created by the first write that succeeds: until then, reads and
    /// rehearsals see an empty database. A command that only reads, or fails, leaves no
    /// file behind.
    pub fn open_lazily(path: &Path) -> Result<Store> {
        refuse_unusable(path)?;
        if !is_absent(path) {
            return Store::open(path);
        }
        let mut store = Store::open_in_memory()?;
        store.pending = Some(path.to_path_buf());
        Ok(store)
    }

    /// A database that lives in memory only, for examples and tests.
    pub fn open_in_memory() -> Result<Store> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
            path: None,
            upgrade: None,
            pending: None,
        };
        store.configure()?;
        Ok(store)
    }

    /// Opens a file without migrating it further than `version`: for tests of migrations.
    pub fn open_at_version(path: &Path, version: i64) -> Result<Store> {
        let mut conn = Connection::open(path)?;
        schema::migrate(&mut conn, version)?;
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
            upgrade: None,
            pending: None,
        })
    }

    fn configure(&mut self) -> Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        self.conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )?;
        // Room for every statement of the program, so that none is parsed twice.
        self.conn.set_prepared_statement_cache_capacity(128);
        self.conn.pragma_update(None, "foreign_keys", true)?;
        let version = schema::check_compatible(&self.conn)?;
        if self.path.is_some() {
            use_wal(&self.conn)?;
            self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        if version < schema::current_version() {
            self.upgrade_schema()?;
        }
        Ok(())
    }

    /// Brings the schema up to date. A file with data in it is first copied, so that the
    /// upgrade can be undone by hand (and an older seminar can still read the copy). The copy
    /// and the upgrade happen under one write lock, and the version is read again once it is
    /// held: of two processes opening an old file at once, one copies and upgrades it, and the
    /// other finds it upgraded.
    fn upgrade_schema(&mut self) -> Result<()> {
        let current = schema::current_version();
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Exclusive)?;
        let version = schema::check_compatible(&tx)?;
        if version >= current {
            return Ok(());
        }
        let mut upgrade = None;
        if version > 0
            && let Some(path) = &path
        {
            let backup = upgrade_backup_path(path, version);
            // Read by a second connection: the lock held here lets it read, and nobody write.
            let reader = Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            reader.busy_timeout(BUSY_TIMEOUT)?;
            let target = Target::check(&backup, Kind::DatabaseCopy, path)?;
            copy_database(&reader, &target)?;
            upgrade = Some(Upgrade {
                from: version,
                to: current,
                backup,
            });
        }
        schema::apply(&tx, version, current)?;
        tx.commit()?;
        self.upgrade = upgrade;
        Ok(())
    }

    /// Whether there is no database file yet (see [`Store::open_lazily`]).
    pub fn is_absent(&self) -> bool {
        self.pending.is_some()
    }

    /// The schema upgrade this open did, if any.
    pub fn upgrade(&self) -> Option<&Upgrade> {
        self.upgrade.as_ref()
    }

    /// Copies the whole database, as one consistent state, to `target`, while others may go
    /// on using it (see [`copy_database`]).
    pub fn backup_to(&self, target: &Target) -> Result<()> {
        copy_database(&self.conn, target)
    }

    /// SQLite's integrity and foreign-key checks, and the schema's state.
    pub fn health(&mut self) -> Result<Health> {
        let tx = self.conn.transaction()?;
        let integrity = tx
            .prepare("PRAGMA integrity_check")?
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let dangling = tx
            .prepare("PRAGMA foreign_key_check")?
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let schema_version = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
        let journal_mode = tx.pragma_query_value(None, "journal_mode", |row| row.get(0))?;
        let size_bytes = tx.query_row(
            "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
            [],
            |row| row.get(0),
        )?;
        tx.commit()?;
        Ok(Health {
            integrity,
            dangling,
            schema_version,
            journal_mode,
            size_bytes,
        })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref().or(self.pending.as_deref())
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    /// Runs `work` in one read transaction, so that it sees one consistent state.
    pub fn read<T>(&mut self, work: impl FnOnce(&Db<'_>) -> Result<T>) -> Result<T> {
        self.run(TransactionBehavior::Deferred, work)
    }

    /// Runs `work` in one write transaction: all of it is kept, or none if it fails.
    ///
    /// On a file that does not exist yet (see [`Store::open_lazily`]), `work` runs twice:
    /// first on the empty database in memory, so that a change that fails creates no file,
    /// then on the new file.
    pub fn write<T>(&mut self, work: impl Fn(&Db<'_>) -> Result<T>) -> Result<T> {
        if let Some(path) = self.pending.clone() {
            self.rehearse(&work)?;
            *self = Store::open(&path)?;
        }
        self.run(TransactionBehavior::Immediate, work)
    }

    /// Runs `work` in a write transaction and then rolls it back: what a change would do,
    /// with every rule checked, and nothing kept.
    pub fn rehearse<T>(&mut self, work: impl FnOnce(&Db<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = work(&Db::new(&tx))?;
        tx.rollback()?;
        Ok(value)
    }

    /// Runs `work` and returns, with its result, the SQL of every statement it ran (values
    /// bound in), in order: to check query plans, and how many queries a command needs.
    pub fn capture_statements<T>(
        &mut self,
        work: impl FnOnce(&mut Store) -> Result<T>,
    ) -> Result<(T, Vec<String>)> {
        use rusqlite::trace::{TraceEvent, TraceEventCodes};
        let captured = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = std::sync::Arc::clone(&captured);
        self.conn.trace_v2(
            TraceEventCodes::SQLITE_TRACE_PROFILE,
            Some(move |event: TraceEvent<'_>| {
                if let TraceEvent::Profile(statement, _) = event
                    && let Ok(mut sink) = sink.lock()
                {
                    sink.push(
                        statement
                            .expanded_sql()
                            .unwrap_or_else(|| statement.sql().into_owned()),
                    );
                }
            }),
        )?;
        let value = work(self);
        self.conn
            .trace_v2(TraceEventCodes::empty(), None::<fn(TraceEvent<'_>)>)?;
        let statements = captured
            .lock()
            .map(|statements| statements.clone())
            .unwrap_or_default();
        Ok((value?, statements))
    }

    fn run<T>(
        &mut self,
        behavior: TransactionBehavior,
        work: impl FnOnce(&Db<'_>) -> Result<T>,
    ) -> Result<T> {
        let located_busy = |error: rusqlite::Error| match (&self.path, error.sqlite_error_code()) {
            (
                Some(path),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked),
            ) => located(path, error.into()),
            _ => error.into(),
        };
        let tx = self
            .conn
            .transaction_with_behavior(behavior)
            .map_err(located_busy)?;
        let value = work(&Db::new(&tx))?;
        tx.commit().map_err(located_busy)?;
        Ok(value)
    }
}

/// Copies the database `conn` is on, as one consistent state, to `target` with `VACUUM
/// INTO`: it reads from one read transaction, so writers go on meanwhile and never make it
/// start again. The copy is written into a temporary file beside `target` and renamed over it
/// at the end, so `target` is never half written; it is private (0600) and self-contained (in
/// rollback-journal mode, without a log beside it).
fn copy_database(conn: &Connection, target: &Target) -> Result<()> {
    target.replace_with(Privacy::Private, |staged| {
        let path = staged.path().to_str().ok_or_else(|| {
            Error::usage(format!(
                "file: {} is not valid UTF-8; choose another name",
                target.path().display()
            ))
        })?;
        conn.execute("VACUUM main INTO ?1", [path])?;
        Ok(())
    })
}

/// Switches a file to write-ahead logging. The switch needs the file to itself and SQLite
/// does not wait for that, so another process opening the same new file is waited out here.
fn use_wal(conn: &Connection) -> Result<()> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        let mode: String = conn.pragma_query_value(None, "journal_mode", |row| row.get(0))?;
        if mode.eq_ignore_ascii_case("wal") {
            return Ok(());
        }
        match conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))
        {
            Ok(_) => return Ok(()),
            Err(error)
                if Instant::now() < deadline
                    && matches!(
                        error.sqlite_error_code(),
                        Some(
                            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                        )
                    ) =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(error) => return Err(error.into()),
        }
    }
}

/// Where the copy of a file from before a schema upgrade goes: `seminar.db.v1.bak`.
fn upgrade_backup_path(path: &Path, version: i64) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".v{version}.bak"));
    path.with_file_name(name)
}

/// Refuses a folder, a device, a FIFO or a socket as the database: SQLite would fail on it
/// with a bare I/O error, or write a journal beside it.
fn refuse_unusable(path: &Path) -> Result<()> {
    let Ok(metadata) = std::fs::metadata(path) else {
        return Ok(());
    };
    let what = if metadata.is_file() {
        return Ok(());
    } else if metadata.is_dir() {
        "a folder"
    } else {
        special_file_kind(&metadata)
    };
    Err(Error::Storage(format!(
        "{} is {what}, not a database file; pass --db with a file name",
        path.display()
    )))
}

fn special_file_kind(metadata: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = metadata.file_type();
        if kind.is_char_device() {
            return "a character device";
        } else if kind.is_block_device() {
            return "a block device";
        } else if kind.is_fifo() {
            return "a FIFO (named pipe)";
        } else if kind.is_socket() {
            return "a socket";
        }
    }
    let _ = metadata;
    "a special file"
}

/// Whether there is no database at `path` yet: no file (its folder may be missing too), or
/// an empty file without a write-ahead log beside it.
fn is_absent(path: &Path) -> bool {
    match std::fs::metadata(path) {
        Err(error) => error.kind() == std::io::ErrorKind::NotFound,
        Ok(metadata) => {
            let mut wal = path.as_os_str().to_owned();
            wal.push("-wal");
            metadata.is_file() && metadata.len() == 0 && !Path::new(&wal).exists()
        }
    }
}

fn located(path: &Path, error: Error) -> Error {
    match error {
        Error::Storage(message) => Error::Storage(format!("{}: {message}", path.display())),
        other => other,
    }
}

fn create_private_file(path: &Path) -> Result<()> {
    if let Some(parent) = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent).map_err(|error| {
            Error::Storage(format!(
                "cannot create the folder {}: {error}",
                parent.display()
            ))
        })?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(error) => Err(Error::Storage(format!(
            "cannot create {}: {error}",
            path.display()
        ))),
    }
}

impl Db<'_> {
    /// `Connection::execute` through the statement cache: the same writes run many times
    /// in an import.
    fn execute<P: rusqlite::Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize> {
        self.conn.prepare_cached(sql)?.execute(params)
    }

    /// `Connection::query_row` through the statement cache.
    fn query_row<T, P, F>(&self, sql: &str, params: P, read: F) -> rusqlite::Result<T>
    where
        P: rusqlite::Params,
        F: FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    {
        self.conn.prepare_cached(sql)?.query_row(params, read)
    }
}

/// Ids as a JSON array, for `IN (SELECT value FROM json_each(?))`.
fn id_list(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

/// How many records of each kind the database holds (or a change added).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub seminars: i64,
    pub slots: i64,
    pub roles: i64,
    pub people: i64,
    pub institutions: i64,
    pub venues: i64,
}

impl Counts {
    /// What was added since `before`.
    pub fn since(self, before: Counts) -> Counts {
        Counts {
            seminars: self.seminars - before.seminars,
            slots: self.slots - before.slots,
            roles: self.roles - before.roles,
            people: self.people - before.people,
            institutions: self.institutions - before.institutions,
            venues: self.venues - before.venues,
        }
    }
}

impl Db<'_> {
    /// Refreshes the statistics the query planner uses, after a large load.
    pub fn analyze(&self) -> Result<()> {
        self.conn.execute_batch("ANALYZE")?;
        Ok(())
    }

    pub fn counts(&self) -> Result<Counts> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM seminar), (SELECT count(*) FROM slot), \
                    (SELECT count(*) FROM role), (SELECT count(*) FROM person), \
                    (SELECT count(*) FROM institution), (SELECT count(*) FROM venue)",
            [],
            |row| {
                Ok(Counts {
                    seminars: row.get(0)?,
                    slots: row.get(1)?,
                    roles: row.get(2)?,
                    people: row.get(3)?,
                    institutions: row.get(4)?,
                    venues: row.get(5)?,
                })
            },
        )?)
    }
}

/// The `WHERE` clause of a query whose filters are chosen at run time.
#[derive(Default)]
struct Conditions {
    clauses: Vec<String>,
    values: Vec<rusqlite::types::Value>,
}

impl Conditions {
    /// Adds a clause with one `?`, bound to `value`.
    fn bind(&mut self, clause: &str, value: impl Into<rusqlite::types::Value>) {
        self.values.push(value.into());
        self.clauses
            .push(clause.replace('?', &format!("?{}", self.values.len())));
    }

    fn add(&mut self, clause: &str) {
        self.clauses.push(clause.to_string());
    }

    fn where_clause(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }
}

/// Turns a stored value that does not parse into a storage error naming the column.
fn corrupt(column: usize, message: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        rusqlite::types::Type::Text,
        format!("unexpected stored value: {message}").into(),
    )
}

#[cfg(test)]
mod bundled_sqlite {
    /// A file with statistics (from ANALYZE elsewhere) must not cost every open the loading
    /// of STAT4 samples: the tool never runs ANALYZE and gains nothing from them.
    #[test]
    fn is_built_without_stat4() {
        let connection = rusqlite::Connection::open_in_memory().expect("a connection");
        let mut statement = connection
            .prepare("PRAGMA compile_options")
            .expect("compile options");
        let options: Vec<String> = statement
            .query_map([], |row| row.get(0))
            .expect("compile options")
            .collect::<rusqlite::Result<_>>()
            .expect("compile options");
        assert!(
            options.iter().any(|o| o.starts_with("THREADSAFE")),
            "{options:?}"
        );
        assert!(!options.iter().any(|o| o.contains("STAT4")), "{options:?}");
    }
}
