use chrono::DateTime;
use rusqlite::{OptionalExtension, Row, params};

use super::venues::room_from_row;
use super::{Db, corrupt};
use crate::error::Result;
use crate::model::{Slot, SlotDetails, SlotKind};

const SLOT_SELECT: &str = "SELECT t.id, t.seminar_id, t.kind, t.title, t.starts_at, t.minutes, \
    (SELECT json_group_array(role_id) FROM \
        (SELECT sr.role_id FROM slot_role sr WHERE sr.slot_id = t.id ORDER BY sr.position)), \
    t.uid, t.session_id, t.track, r.id, r.name, r.address, r.capacity, t.abstract, t.language, \
    (SELECT json_group_array(json_object('href', href, 'title', title)) FROM \
        (SELECT href, title FROM slot_link l WHERE l.slot_id = t.id ORDER BY l.position)) \
    FROM slot t LEFT JOIN venue r ON r.id = t.room_id";

fn slot_from_row(row: &Row<'_>) -> rusqlite::Result<Slot> {
    let kind: String = row.get(2)?;
    let starts_at: i64 = row.get(4)?;
    let role_ids: String = row.get(6)?;
    Ok(Slot {
        id: row.get(0)?,
        uid: row.get(7)?,
        seminar_id: row.get(1)?,
        kind: SlotKind::parse(&kind).ok_or_else(|| corrupt(2, format!("slot kind {kind}")))?,
        title: row.get(3)?,
        starts_at: DateTime::from_timestamp(starts_at, 0)
            .ok_or_else(|| corrupt(4, format!("instant {starts_at}")))?,
        minutes: row.get(5)?,
        role_ids: serde_json::from_str(&role_ids).map_err(|_| corrupt(6, role_ids))?,
        session_id: row.get(8)?,
        track: row.get(9)?,
        room: room_from_row(row, 10)?,
        details: SlotDetails {
            summary: row.get(14)?,
            language: row.get(15)?,
            links: {
                let links: String = row.get(16)?;
                serde_json::from_str(&links).map_err(|_| corrupt(16, links))?
            },
        },
    })
}

impl Db<'_> {
    /// The slots of a seminar in time order, each with the roles of the people on it.
    pub fn slots_of_seminar(&self, seminar_id: i64) -> Result<Vec<Slot>> {
        let sql = format!(
            "{SLOT_SELECT} WHERE t.seminar_id = ?1 AND t.cancelled = 0 ORDER BY t.starts_at, t.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([seminar_id], slot_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The slots of a seminar cancelled after a publication, in time order.
    pub fn cancelled_slots_of_seminar(&self, seminar_id: i64) -> Result<Vec<Slot>> {
        let sql = format!(
            "{SLOT_SELECT} WHERE t.seminar_id = ?1 AND t.cancelled = 1 ORDER BY t.starts_at, t.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([seminar_id], slot_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keeps a slot on record as cancelled: it leaves the rundown and books nothing.
    pub fn cancel_slot(&self, slot_id: i64) -> Result<()> {
        self.execute("UPDATE slot SET cancelled = 1 WHERE id = ?1", [slot_id])?;
        Ok(())
    }

    /// The slots of several seminars, by seminar and then in time order: one query however
    /// many seminars there are.
    pub fn slots_of_seminars(&self, seminar_ids: &[i64]) -> Result<Vec<Slot>> {
        let sql = format!(
            "{SLOT_SELECT} WHERE t.seminar_id IN (SELECT value FROM json_each(?1)) \
             AND t.cancelled = 0 ORDER BY t.seminar_id, t.starts_at, t.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([super::id_list(seminar_ids)], slot_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The slots of several seminars cancelled after a publication, by seminar and then in
    /// time order.
    pub fn cancelled_slots_of_seminars(&self, seminar_ids: &[i64]) -> Result<Vec<Slot>> {
        let sql = format!(
            "{SLOT_SELECT} WHERE t.seminar_id IN (SELECT value FROM json_each(?1)) \
             AND t.cancelled = 1 ORDER BY t.seminar_id, t.starts_at, t.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([super::id_list(seminar_ids)], slot_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn slot_uid_taken(&self, uid: &str) -> Result<bool> {
        Ok(self
            .query_row("SELECT 1 FROM slot WHERE uid = ?1", [uid], |_| Ok(()))
            .optional()?
            .is_some())
    }

    pub fn insert_slot(&self, slot: &Slot) -> Result<i64> {
        self.execute(
            "INSERT INTO slot (seminar_id, kind, title, starts_at, minutes, uid, room_id, \
             session_id, track, abstract, language) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                slot.seminar_id,
                slot.kind.as_str(),
                slot.title,
                slot.starts_at.timestamp(),
                slot.minutes,
                slot.uid,
                slot.room.as_ref().map(|room| room.id),
                slot.session_id,
                slot.track,
                slot.details.summary,
                slot.details.language
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        for (position, link) in slot.details.links.iter().enumerate() {
            self.execute(
                "INSERT INTO slot_link (slot_id, position, href, title) VALUES (?1, ?2, ?3, ?4)",
                params![id, position as i64, link.href, link.title],
            )?;
        }
        for role_id in &slot.role_ids {
            self.link_slot_role(id, *role_id)?;
        }
        Ok(id)
    }

    /// Puts the person of a role on a slot, after those already on it.
    pub fn link_slot_role(&self, slot_id: i64, role_id: i64) -> Result<()> {
        self.execute(
            "INSERT OR IGNORE INTO slot_role (slot_id, role_id, position) VALUES (?1, ?2, \
             (SELECT coalesce(max(position), -1) + 1 FROM slot_role WHERE slot_id = ?1))",
            params![slot_id, role_id],
        )?;
        Ok(())
    }

    /// Writes a slot's own fields (not the people on it), keeping its id and uid.
    pub fn update_slot(&self, slot: &Slot) -> Result<()> {
        self.execute(
            "UPDATE slot SET kind = ?2, title = ?3, starts_at = ?4, minutes = ?5, room_id = ?6, \
             session_id = ?7, track = ?8 WHERE id = ?1",
            params![
                slot.id,
                slot.kind.as_str(),
                slot.title,
                slot.starts_at.timestamp(),
                slot.minutes,
                slot.room.as_ref().map(|room| room.id),
                slot.session_id,
                slot.track
            ],
        )?;
        Ok(())
    }

    pub fn move_slot(&self, slot_id: i64, starts_at: i64) -> Result<()> {
        self.execute(
            "UPDATE slot SET starts_at = ?2 WHERE id = ?1",
            params![slot_id, starts_at],
        )?;
        Ok(())
    }

    /// Takes a cancelled slot back into the rundown.
    pub fn restore_slot(&self, slot_id: i64) -> Result<()> {
        self.execute("UPDATE slot SET cancelled = 0 WHERE id = ?1", [slot_id])?;
        Ok(())
    }

    /// Writes a slot's summary, language and links.
    pub fn update_slot_details(&self, slot: &Slot) -> Result<()> {
        self.execute(
            "UPDATE slot SET abstract = ?2, language = ?3 WHERE id = ?1",
            params![slot.id, slot.details.summary, slot.details.language],
        )?;
        self.execute("DELETE FROM slot_link WHERE slot_id = ?1", [slot.id])?;
        for (position, link) in slot.details.links.iter().enumerate() {
            self.execute(
                "INSERT INTO slot_link (slot_id, position, href, title) VALUES (?1, ?2, ?3, ?4)",
                params![slot.id, position as i64, link.href, link.title],
            )?;
        }
        Ok(())
    }

    /// Puts exactly these roles on a slot, in this order.
    pub fn replace_slot_roles(&self, slot_id: i64, role_ids: &[i64]) -> Result<()> {
        self.execute("DELETE FROM slot_role WHERE slot_id = ?1", [slot_id])?;
        for role_id in role_ids {
            self.link_slot_role(slot_id, *role_id)?;
        }
        Ok(())
    }

    /// The seminars whose slots or sessions (cancelled ones too) carry any of these uids,
    /// by id.
    pub fn seminars_holding(&self, uids: &[&str]) -> Result<Vec<i64>> {
        let list = serde_json::to_string(uids).unwrap_or_else(|_| "[]".into());
        let mut statement = self.conn.prepare_cached(
            "SELECT seminar_id FROM slot WHERE uid IN (SELECT value FROM json_each(?1)) \
             UNION SELECT seminar_id FROM session WHERE uid IN (SELECT value FROM json_each(?1)) \
             ORDER BY 1",
        )?;
        let rows = statement.query_map([list], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn delete_slot(&self, slot_id: i64) -> Result<()> {
        self.execute("DELETE FROM slot WHERE id = ?1", [slot_id])?;
        Ok(())
    }
}
