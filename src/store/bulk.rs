//! Loading many records at once, for generated test data and benchmarks: the same tables
//! and keys as the single-record queries, through statements prepared once, in the one
//! transaction of [`Store::write`](super::Store::write). No rule is checked here: the caller
//! hands in data that keeps them.

use rusqlite::{params, params_from_iter};

use super::Db;
use super::seminars::seminar_values;
use crate::error::Result;
use crate::model::names::name_key;
use crate::model::{Person, Role, Seminar, Slot, Venue};

impl Db<'_> {
    pub fn load_institution(&self, name: &str, short_name: Option<&str>) -> Result<i64> {
        self.conn
            .prepare_cached(
                "INSERT INTO institution (name, name_key, short_name, short_key) \
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                name,
                name_key(name),
                short_name,
                short_name.map(name_key)
            ])?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn load_venue(&self, venue: &Venue) -> Result<i64> {
        self.conn
            .prepare_cached(
                "INSERT INTO venue (name, name_key, address, capacity) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                venue.name,
                name_key(&venue.name),
                venue.address,
                venue.capacity
            ])?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn load_person(&self, person: &Person) -> Result<i64> {
        self.conn
            .prepare_cached(
                "INSERT INTO person (name, name_key, email, phone, position, institution_id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                person.name,
                name_key(&person.name),
                person.email,
                person.phone,
                person.position,
                person.institution.as_ref().map(|i| i.id)
            ])?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn load_seminar(&self, seminar: &Seminar) -> Result<i64> {
        self.conn
            .prepare_cached(
                "INSERT INTO seminar (id, slug, title, subtitle, description, status, time_zone, \
                 first_day, last_day, start_time, end_time, starts_at, ends_at, venue_id, uid) \
                 VALUES (NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )?
            .execute(params_from_iter(seminar_values(seminar)?))?;
        let id = self.conn.last_insert_rowid();
        let mut organizer = self.conn.prepare_cached(
            "INSERT INTO organizer (seminar_id, position, name) VALUES (?1, ?2, ?3)",
        )?;
        for (position, name) in seminar.organizers.iter().enumerate() {
            organizer.execute(params![id, position as i64, name])?;
        }
        Ok(id)
    }

    pub fn load_role(&self, role: &Role) -> Result<i64> {
        self.conn
            .prepare_cached(
                "INSERT INTO role (seminar_id, person_id, kind, position, institution_id) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                role.seminar_id,
                role.person_id,
                role.kind.as_str(),
                role.position,
                role.institution.as_ref().map(|i| i.id)
            ])?;
        Ok(self.conn.last_insert_rowid())
    }

    /// A slot with the roles of the people on it, in order.
    pub fn load_slot(&self, slot: &Slot) -> Result<i64> {
        self.conn
            .prepare_cached(
                "INSERT INTO slot (seminar_id, kind, title, starts_at, minutes, uid) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                slot.seminar_id,
                slot.kind.as_str(),
                slot.title,
                slot.starts_at.timestamp(),
                slot.minutes,
                slot.uid
            ])?;
        let id = self.conn.last_insert_rowid();
        let mut link = self.conn.prepare_cached(
            "INSERT INTO slot_role (slot_id, role_id, position) VALUES (?1, ?2, ?3)",
        )?;
        for (position, role_id) in slot.role_ids.iter().enumerate() {
            link.execute(params![id, role_id, position as i64])?;
        }
        Ok(id)
    }

    /// Refreshes the statistics the query planner uses, after a large load.
    pub fn analyze(&self) -> Result<()> {
        self.conn.execute_batch("ANALYZE")?;
        Ok(())
    }
}
