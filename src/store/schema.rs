//! Versioned schema. Each migration runs in its own transaction and bumps `user_version`;
//! a file from a newer version of `seminar` is refused untouched.

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::model::names::{institution_key, name_key};
use crate::model::titles::split_titles;

/// Marks a file as a `seminar` database ("SEMN").
pub const APPLICATION_ID: i64 = 0x5345_4D4E;

/// The migrations, oldest first; the schema version is the number applied.
pub const MIGRATIONS: &[&str] = &[
    // 1: seminars, people, institutions, venues, roles and slots.
    r#"
    CREATE TABLE institution (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
        name_key   TEXT NOT NULL UNIQUE,
        short_name TEXT,
        short_key  TEXT UNIQUE
    );
    CREATE TABLE venue (
        id       INTEGER PRIMARY KEY,
        name     TEXT NOT NULL CHECK (length(trim(name)) > 0),
        name_key TEXT NOT NULL UNIQUE,
        address  TEXT,
        capacity INTEGER CHECK (capacity IS NULL OR capacity > 0)
    );
    CREATE TABLE person (
        id             INTEGER PRIMARY KEY,
        name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
        name_key       TEXT NOT NULL UNIQUE,
        email          TEXT,
        phone          TEXT,
        position       TEXT,
        institution_id INTEGER REFERENCES institution(id)
    );
    CREATE INDEX person_institution ON person(institution_id);
    CREATE TABLE seminar (
        id          INTEGER PRIMARY KEY,
        slug        TEXT NOT NULL UNIQUE,
        title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
        subtitle    TEXT,
        description TEXT,
        status      TEXT NOT NULL DEFAULT 'planned'
                    CHECK (status IN ('planned', 'confirmed', 'cancelled')),
        time_zone   TEXT NOT NULL,
        first_day   TEXT NOT NULL,
        last_day    TEXT NOT NULL,
        start_time  TEXT NOT NULL,
        end_time    TEXT NOT NULL,
        starts_at   INTEGER NOT NULL,
        ends_at     INTEGER NOT NULL,
        venue_id    INTEGER REFERENCES venue(id),
        CHECK (last_day >= first_day),
        CHECK (ends_at > starts_at)
    );
    CREATE INDEX seminar_days ON seminar(first_day, last_day);
    CREATE INDEX seminar_starts ON seminar(starts_at, ends_at);
    CREATE INDEX seminar_venue ON seminar(venue_id, starts_at);
    CREATE TABLE organizer (
        seminar_id INTEGER NOT NULL REFERENCES seminar(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        name       TEXT NOT NULL,
        PRIMARY KEY (seminar_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE role (
        id             INTEGER PRIMARY KEY,
        seminar_id     INTEGER NOT NULL REFERENCES seminar(id) ON DELETE CASCADE,
        person_id      INTEGER NOT NULL REFERENCES person(id),
        kind           TEXT NOT NULL
                       CHECK (kind IN ('speaker', 'moderator', 'keynote', 'panelist', 'mc')),
        position       TEXT,
        institution_id INTEGER REFERENCES institution(id),
        UNIQUE (seminar_id, person_id, kind)
    );
    CREATE INDEX role_person ON role(person_id);
    CREATE INDEX role_institution ON role(institution_id);
    CREATE TABLE slot (
        id         INTEGER PRIMARY KEY,
        seminar_id INTEGER NOT NULL REFERENCES seminar(id) ON DELETE CASCADE,
        kind       TEXT NOT NULL
                   CHECK (kind IN ('opening', 'talk', 'panel', 'qa', 'break', 'closing')),
        title      TEXT NOT NULL,
        starts_at  INTEGER NOT NULL,
        minutes    INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440)
    );
    CREATE INDEX slot_seminar ON slot(seminar_id, starts_at);
    CREATE TABLE slot_role (
        slot_id  INTEGER NOT NULL REFERENCES slot(id) ON DELETE CASCADE,
        role_id  INTEGER NOT NULL REFERENCES role(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (slot_id, role_id)
    ) WITHOUT ROWID;
    CREATE INDEX slot_role_role ON slot_role(role_id);
    "#,
    // 2: a universally unique id for each seminar and slot, kept across exports and imports
    // (iCalendar UID, frab guid). Existing rows get random (version 4) UUIDs.
    r#"
    ALTER TABLE seminar ADD COLUMN uid TEXT;
    ALTER TABLE slot ADD COLUMN uid TEXT;
    UPDATE seminar SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'
        || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1)
        || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
    UPDATE slot SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'
        || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1)
        || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
    CREATE UNIQUE INDEX seminar_uid ON seminar(uid);
    CREATE UNIQUE INDEX slot_uid ON slot(uid);
    "#,
    // 3: people who share a name are different people: `name_key` is no longer unique, and
    // each person has a uid, kept across exports and imports. SQLite cannot drop a UNIQUE
    // constraint, so the table is rebuilt; foreign keys are on inside the migration's
    // transaction, so the roles that refer to people are set aside while the table is
    // replaced and put back with their ids.
    r#"
    CREATE TEMP TABLE kept_role AS SELECT * FROM role;
    CREATE TEMP TABLE kept_slot_role AS SELECT * FROM slot_role;
    DELETE FROM slot_role;
    DELETE FROM role;
    CREATE TABLE person_v3 (
        id             INTEGER PRIMARY KEY,
        uid            TEXT NOT NULL UNIQUE,
        name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
        name_key       TEXT NOT NULL,
        email          TEXT,
        phone          TEXT,
        position       TEXT,
        institution_id INTEGER REFERENCES institution(id)
    );
    INSERT INTO person_v3 (id, uid, name, name_key, email, phone, position, institution_id)
        SELECT id, lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'
            || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1)
            || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
            name, name_key, email, phone, position, institution_id
        FROM person;
    DROP TABLE person;
    ALTER TABLE person_v3 RENAME TO person;
    CREATE INDEX person_institution ON person(institution_id);
    CREATE INDEX person_name ON person(name_key);
    INSERT INTO role SELECT * FROM temp.kept_role;
    INSERT INTO slot_role SELECT * FROM temp.kept_slot_role;
    DROP TABLE temp.kept_role;
    DROP TABLE temp.kept_slot_role;
    "#,
    // 4: days with hours of their own, rooms, sessions with their chairs, tracks. A slot's
    // room is its own, else its session's, else the seminar's venue: NULL means inherited.
    r#"
    CREATE TABLE day_hours (
        seminar_id INTEGER NOT NULL REFERENCES seminar(id) ON DELETE CASCADE,
        day        TEXT NOT NULL,
        start_time TEXT NOT NULL,
        end_time   TEXT NOT NULL,
        PRIMARY KEY (seminar_id, day)
    ) WITHOUT ROWID;
    CREATE TABLE session (
        id         INTEGER PRIMARY KEY,
        uid        TEXT NOT NULL UNIQUE,
        seminar_id INTEGER NOT NULL REFERENCES seminar(id) ON DELETE CASCADE,
        title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
        kind       TEXT NOT NULL
                   CHECK (kind IN ('plenary', 'parallel', 'workshop', 'poster', 'other')),
        track      TEXT,
        room_id    INTEGER REFERENCES venue(id),
        starts_at  INTEGER NOT NULL,
        minutes    INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440)
    );
    CREATE INDEX session_seminar ON session(seminar_id, starts_at);
    CREATE INDEX session_room ON session(room_id, starts_at);
    CREATE TABLE session_chair (
        session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        role_id    INTEGER NOT NULL REFERENCES role(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        PRIMARY KEY (session_id, role_id)
    ) WITHOUT ROWID;
    CREATE INDEX session_chair_role ON session_chair(role_id);
    ALTER TABLE slot ADD COLUMN room_id INTEGER REFERENCES venue(id);
    ALTER TABLE slot ADD COLUMN session_id INTEGER REFERENCES session(id) ON DELETE SET NULL;
    ALTER TABLE slot ADD COLUMN track TEXT;
    ALTER TABLE slot ADD COLUMN abstract TEXT;
    ALTER TABLE slot ADD COLUMN language TEXT;
    CREATE TABLE slot_link (
        slot_id  INTEGER NOT NULL REFERENCES slot(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        href     TEXT NOT NULL,
        title    TEXT NOT NULL,
        PRIMARY KEY (slot_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX slot_room ON slot(room_id, starts_at);
    CREATE INDEX slot_session ON slot(session_id);
    "#,
    // 5: published versions of a seminar's schedule, each a frozen copy of its JSON; talks
    // and sessions removed after a first publication stay on record as cancelled.
    r#"
    CREATE TABLE version (
        seminar_id   INTEGER NOT NULL REFERENCES seminar(id) ON DELETE CASCADE,
        number       INTEGER NOT NULL CHECK (number > 0),
        published_at TEXT NOT NULL,
        note         TEXT,
        snapshot     TEXT NOT NULL,
        PRIMARY KEY (seminar_id, number)
    ) WITHOUT ROWID;
    ALTER TABLE slot ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1));
    ALTER TABLE session ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0
        CHECK (cancelled IN (0, 1));
    "#,
    // 6: names as Indonesian organizers write them: a person's front titles and back degrees
    // apart from the name, other names of an institution (aliases). Then, in Rust
    // ([`after_sql`]), titles are split off the names on record, and institutions' keys
    // write out abbreviations (`Univ.` is `Universitas`).
    r#"
    ALTER TABLE person ADD COLUMN titles_front TEXT;
    ALTER TABLE person ADD COLUMN titles_back TEXT;
    CREATE TABLE institution_alias (
        institution_id INTEGER NOT NULL REFERENCES institution(id) ON DELETE CASCADE,
        alias          TEXT NOT NULL CHECK (length(trim(alias)) > 0),
        alias_key      TEXT NOT NULL UNIQUE,
        PRIMARY KEY (institution_id, alias_key)
    ) WITHOUT ROWID;
    "#,
];

pub fn current_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Refuses, without writing anything, a file from a newer `seminar` or from another program;
/// returns the file's schema version.
pub fn check_compatible(conn: &Connection) -> Result<i64> {
    // One statement, so that the three values come from one state of the file even while
    // another process is creating it.
    let (version, application_id, tables): (i64, i64, i64) = conn.query_row(
        "SELECT (SELECT user_version FROM pragma_user_version), \
                (SELECT application_id FROM pragma_application_id), \
                (SELECT count(*) FROM sqlite_schema)",
        [],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
    )?;
    if version > current_version() {
        return Err(Error::Storage(format!(
            "the file has schema version {version}, newer than this seminar knows ({}); upgrade seminar to open it",
            current_version()
        )));
    }
    if application_id != APPLICATION_ID && (tables > 0 || version > 0) {
        return Err(Error::Storage(
            "the file is an SQLite database of another program, not a seminar database".into(),
        ));
    }
    Ok(version)
}

/// Brings the schema up to `target` (normally [`current_version`]), one transaction per
/// migration.
pub fn migrate(conn: &mut Connection, target: i64) -> Result<()> {
    if check_compatible(conn)? >= target {
        return Ok(());
    }
    // The version is read again inside each transaction: another process may have
    // migrated the file meanwhile.
    loop {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let applied: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
        if applied >= target {
            return Ok(());
        }
        apply(&tx, applied, applied + 1)?;
        tx.commit()?;
    }
}

/// Applies the migrations from version `from` up to `target` inside the caller's write
/// transaction.
pub fn apply(conn: &Connection, from: i64, target: i64) -> Result<()> {
    for version in from..target {
        conn.execute_batch(MIGRATIONS[version as usize])?;
        after_sql(conn, version + 1)?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        conn.pragma_update(None, "user_version", version + 1)?;
    }
    Ok(())
}

/// The steps of a migration that SQL cannot do, run after its SQL in its transaction.
fn after_sql(conn: &Connection, version: i64) -> Result<()> {
    if version == 6 {
        split_recorded_titles(conn)?;
        write_out_institution_keys(conn)?;
    }
    Ok(())
}

/// Moves the titles in the names on record (`Dr. Siti Rahmawati, M.A.`) into their own
/// columns; the name key follows the name without them. Ids and uids stay.
fn split_recorded_titles(conn: &Connection) -> Result<()> {
    let mut people = conn.prepare("SELECT id, name FROM person ORDER BY id")?;
    let mut update = conn.prepare(
        "UPDATE person SET name = ?2, name_key = ?3, titles_front = ?4, titles_back = ?5 \
         WHERE id = ?1",
    )?;
    let rows = people.query_map([], |row| {
        Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (id, name) = row?;
        let titled = split_titles(&name);
        if !titled.titles.is_empty() {
            update.execute(rusqlite::params![
                id,
                titled.name,
                name_key(&titled.name),
                titled.titles.front,
                titled.titles.back
            ])?;
        }
    }
    Ok(())
}

/// Gives institutions keys with abbreviations written out (see [`institution_key`]). Where
/// two institutions on record would then share a key (`Univ. Indonesia` beside `Universitas
/// Indonesia`, added apart before), the later one keeps its old key: both stay findable by
/// their own names, for `institution merge`.
fn write_out_institution_keys(conn: &Connection) -> Result<()> {
    let mut institutions =
        conn.prepare("SELECT id, name, short_name FROM institution ORDER BY id")?;
    let mut update_name =
        conn.prepare("UPDATE OR IGNORE institution SET name_key = ?2 WHERE id = ?1")?;
    let mut update_short =
        conn.prepare("UPDATE OR IGNORE institution SET short_key = ?2 WHERE id = ?1")?;
    let rows = institutions.query_map([], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, Option<String>>(2)?,
        ))
    })?;
    for row in rows {
        let (id, name, short_name) = row?;
        update_name.execute(rusqlite::params![id, institution_key(&name)])?;
        if let Some(short) = short_name {
            update_short.execute(rusqlite::params![id, institution_key(&short)])?;
        }
    }
    Ok(())
}
