use rusqlite::{OptionalExtension, Row, params};

use super::Db;
use crate::error::Result;
use crate::model::names::name_key;
use crate::model::{Venue, VenueUse};

fn venue_from_row(row: &Row<'_>) -> rusqlite::Result<Venue> {
    Ok(Venue {
        id: row.get(0)?,
        name: row.get(1)?,
        address: row.get(2)?,
        capacity: row.get(3)?,
    })
}

/// A venue joined as `r` in a query of slots or sessions: its four columns from `o`, all
/// NULL when there is none.
pub(super) fn room_from_row(row: &Row<'_>, o: usize) -> rusqlite::Result<Option<Venue>> {
    Ok(match row.get::<_, Option<i64>>(o)? {
        Some(id) => Some(Venue {
            id,
            name: row.get(o + 1)?,
            address: row.get(o + 2)?,
            capacity: row.get(o + 3)?,
        }),
        None => None,
    })
}

/// The three counts of [`VenueUse`] for the venue `v` of a query.
const VENUE_USE: &str = "(SELECT count(*) FROM seminar s WHERE s.venue_id = v.id), \
     (SELECT count(*) FROM session s WHERE s.room_id = v.id), \
     (SELECT count(*) FROM slot s WHERE s.room_id = v.id)";

fn use_from_row(row: &Row<'_>, o: usize) -> rusqlite::Result<VenueUse> {
    Ok(VenueUse {
        seminars: row.get(o)?,
        sessions: row.get(o + 1)?,
        slots: row.get(o + 2)?,
    })
}

impl Db<'_> {
    pub fn venue_by_key(&self, key: &str) -> Result<Option<Venue>> {
        Ok(self
            .query_row(
                "SELECT id, name, address, capacity FROM venue WHERE name_key = ?1",
                [key],
                venue_from_row,
            )
            .optional()?)
    }

    /// Every venue with the seminars held there and the sessions and slots in it as a room.
    pub fn venues(&self) -> Result<Vec<(Venue, VenueUse)>> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT v.id, v.name, v.address, v.capacity, {VENUE_USE} \
             FROM venue v ORDER BY v.name_key"
        ))?;
        let rows =
            statement.query_map([], |row| Ok((venue_from_row(row)?, use_from_row(row, 4)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What holds the venue `venue_id`.
    pub fn venue_use(&self, venue_id: i64) -> Result<VenueUse> {
        Ok(self.query_row(
            &format!("SELECT {VENUE_USE} FROM venue v WHERE v.id = ?1"),
            [venue_id],
            |row| use_from_row(row, 0),
        )?)
    }

    pub fn delete_venue(&self, venue_id: i64) -> Result<()> {
        self.execute("DELETE FROM venue WHERE id = ?1", [venue_id])?;
        Ok(())
    }

    pub fn insert_venue(&self, venue: &Venue) -> Result<i64> {
        self.execute(
            "INSERT INTO venue (name, name_key, address, capacity) VALUES (?1, ?2, ?3, ?4)",
            params![
                venue.name,
                name_key(&venue.name),
                venue.address,
                venue.capacity
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn update_venue(&self, venue: &Venue) -> Result<()> {
        self.execute(
            "UPDATE venue SET name = ?2, name_key = ?3, address = ?4, capacity = ?5 WHERE id = ?1",
            params![
                venue.id,
                venue.name,
                name_key(&venue.name),
                venue.address,
                venue.capacity
            ],
        )?;
        Ok(())
    }
}
