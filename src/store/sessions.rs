use chrono::DateTime;
use rusqlite::{Row, params};

use super::venues::room_from_row;
use super::{Db, corrupt};
use crate::error::Result;
use crate::model::{Session, SessionKind};

const SESSION_SELECT: &str = "SELECT x.id, x.uid, x.seminar_id, x.title, x.kind, x.track, \
    x.starts_at, x.minutes, \
    (SELECT json_group_array(role_id) FROM \
        (SELECT c.role_id FROM session_chair c WHERE c.session_id = x.id ORDER BY c.position)), \
    r.id, r.name, r.address, r.capacity \
    FROM session x LEFT JOIN venue r ON r.id = x.room_id";

fn session_from_row(row: &Row<'_>) -> rusqlite::Result<Session> {
    let kind: String = row.get(4)?;
    let starts_at: i64 = row.get(6)?;
    let chairs: String = row.get(8)?;
    Ok(Session {
        id: row.get(0)?,
        uid: row.get(1)?,
        seminar_id: row.get(2)?,
        title: row.get(3)?,
        kind: SessionKind::parse(&kind)
            .ok_or_else(|| corrupt(4, format!("session kind {kind}")))?,
        track: row.get(5)?,
        starts_at: DateTime::from_timestamp(starts_at, 0)
            .ok_or_else(|| corrupt(6, format!("instant {starts_at}")))?,
        minutes: row.get(7)?,
        chair_role_ids: serde_json::from_str(&chairs).map_err(|_| corrupt(8, chairs))?,
        room: room_from_row(row, 9)?,
    })
}

impl Db<'_> {
    /// The sessions of a seminar in time order, each with its chairs.
    pub fn sessions_of_seminar(&self, seminar_id: i64) -> Result<Vec<Session>> {
        let sql = format!(
            "{SESSION_SELECT} WHERE x.seminar_id = ?1 AND x.cancelled = 0 \
             ORDER BY x.starts_at, x.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([seminar_id], session_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The sessions of a seminar cancelled after a publication, in time order.
    pub fn cancelled_sessions_of_seminar(&self, seminar_id: i64) -> Result<Vec<Session>> {
        let sql = format!(
            "{SESSION_SELECT} WHERE x.seminar_id = ?1 AND x.cancelled = 1 \
             ORDER BY x.starts_at, x.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([seminar_id], session_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keeps a session on record as cancelled: it leaves the rundown and books nothing.
    pub fn cancel_session(&self, session_id: i64) -> Result<()> {
        self.execute(
            "UPDATE session SET cancelled = 1 WHERE id = ?1",
            [session_id],
        )?;
        Ok(())
    }

    /// Takes a cancelled session back into the programme.
    pub fn restore_session(&self, session_id: i64) -> Result<()> {
        self.execute(
            "UPDATE session SET cancelled = 0 WHERE id = ?1",
            [session_id],
        )?;
        Ok(())
    }

    /// The sessions of several seminars, by seminar and then in time order.
    pub fn sessions_of_seminars(&self, seminar_ids: &[i64]) -> Result<Vec<Session>> {
        let sql = format!(
            "{SESSION_SELECT} WHERE x.seminar_id IN (SELECT value FROM json_each(?1)) \
             AND x.cancelled = 0 ORDER BY x.seminar_id, x.starts_at, x.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([super::id_list(seminar_ids)], session_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The sessions of several seminars cancelled after a publication, by seminar and then
    /// in time order.
    pub fn cancelled_sessions_of_seminars(&self, seminar_ids: &[i64]) -> Result<Vec<Session>> {
        let sql = format!(
            "{SESSION_SELECT} WHERE x.seminar_id IN (SELECT value FROM json_each(?1)) \
             AND x.cancelled = 1 ORDER BY x.seminar_id, x.starts_at, x.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([super::id_list(seminar_ids)], session_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn session_uid_taken(&self, uid: &str) -> Result<bool> {
        Ok(self.query_row(
            "SELECT count(*) FROM session WHERE uid = ?1",
            [uid],
            |row| row.get::<_, i64>(0),
        )? > 0)
    }

    pub fn insert_session(&self, session: &Session) -> Result<i64> {
        self.execute(
            "INSERT INTO session (uid, seminar_id, title, kind, track, room_id, starts_at, \
             minutes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                session.uid,
                session.seminar_id,
                session.title,
                session.kind.as_str(),
                session.track,
                session.room.as_ref().map(|room| room.id),
                session.starts_at.timestamp(),
                session.minutes
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        self.replace_chairs(id, &session.chair_role_ids)?;
        Ok(id)
    }

    /// Writes a session's fields and chairs, keeping its id and uid.
    pub fn update_session(&self, session: &Session) -> Result<()> {
        self.execute(
            "UPDATE session SET title = ?2, kind = ?3, track = ?4, room_id = ?5, \
             starts_at = ?6, minutes = ?7 WHERE id = ?1",
            params![
                session.id,
                session.title,
                session.kind.as_str(),
                session.track,
                session.room.as_ref().map(|room| room.id),
                session.starts_at.timestamp(),
                session.minutes
            ],
        )?;
        self.replace_chairs(session.id, &session.chair_role_ids)
    }

    fn replace_chairs(&self, session_id: i64, role_ids: &[i64]) -> Result<()> {
        self.execute(
            "DELETE FROM session_chair WHERE session_id = ?1",
            [session_id],
        )?;
        let mut insert = self.conn.prepare_cached(
            "INSERT OR IGNORE INTO session_chair (session_id, role_id, position) \
             VALUES (?1, ?2, ?3)",
        )?;
        for (position, role_id) in role_ids.iter().enumerate() {
            insert.execute(params![session_id, role_id, position as i64])?;
        }
        Ok(())
    }

    /// Deletes a session; its slots stay, outside any session.
    pub fn delete_session(&self, session_id: i64) -> Result<()> {
        self.execute("DELETE FROM session WHERE id = ?1", [session_id])?;
        Ok(())
    }
}
