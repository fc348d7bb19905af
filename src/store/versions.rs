use rusqlite::params;

use super::Db;
use crate::error::Result;
use crate::model::versions::Version;

impl Db<'_> {
    /// The published versions of a seminar, oldest first, each with its snapshot.
    pub fn versions_of_seminar(&self, seminar_id: i64) -> Result<Vec<Version>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT number, published_at, note, snapshot FROM version \
             WHERE seminar_id = ?1 ORDER BY number",
        )?;
        let rows = statement.query_map([seminar_id], |row| {
            Ok(Version {
                number: row.get(0)?,
                published_at: row.get(1)?,
                note: row.get(2)?,
                snapshot: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn has_versions(&self, seminar_id: i64) -> Result<bool> {
        Ok(self.query_row(
            "SELECT count(*) FROM version WHERE seminar_id = ?1",
            [seminar_id],
            |row| row.get::<_, i64>(0),
        )? > 0)
    }

    /// Which of these seminars have a published version: one query however many.
    pub fn published_seminars(
        &self,
        seminar_ids: &[i64],
    ) -> Result<std::collections::HashSet<i64>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT DISTINCT seminar_id FROM version \
             WHERE seminar_id IN (SELECT value FROM json_each(?1))",
        )?;
        let rows = statement.query_map([super::id_list(seminar_ids)], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn insert_version(&self, seminar_id: i64, version: &Version) -> Result<()> {
        self.execute(
            "INSERT INTO version (seminar_id, number, published_at, note, snapshot) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                seminar_id,
                version.number,
                version.published_at,
                version.note,
                version.snapshot
            ],
        )?;
        Ok(())
    }
}
