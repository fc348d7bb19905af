use chrono::{NaiveDate, NaiveTime};
use rusqlite::{OptionalExtension, Row, params, params_from_iter, types::Value};

use super::{Db, corrupt};
use crate::error::Result;
use crate::model::{Schedule, Seminar, SeminarSummary, Status, Venue};

/// Columns read by [`seminar_from_row`], in order; the query must join `venue v`.
pub(super) const SEMINAR_COLUMNS: &str = "s.id, s.slug, s.title, s.subtitle, s.description, \
    s.status, s.time_zone, s.first_day, s.last_day, s.start_time, s.end_time, \
    v.id, v.name, v.address, v.capacity, \
    (SELECT json_group_array(name) FROM \
        (SELECT name FROM organizer o WHERE o.seminar_id = s.id ORDER BY o.position))";

pub(super) const SEMINAR_FROM: &str = "seminar s LEFT JOIN venue v ON v.id = s.venue_id";

pub(super) fn seminar_from_row(row: &Row<'_>) -> rusqlite::Result<Seminar> {
    seminar_from_row_offset(row, 0)
}

/// Reads a seminar whose columns start at `o` in the row.
pub(super) fn seminar_from_row_offset(row: &Row<'_>, o: usize) -> rusqlite::Result<Seminar> {
    let status: String = row.get(o + 5)?;
    let zone: String = row.get(o + 6)?;
    let date = |index: usize| -> rusqlite::Result<NaiveDate> {
        let text: String = row.get(index)?;
        text.parse()
            .map_err(|_| corrupt(index, format!("date {text}")))
    };
    let time = |index: usize| -> rusqlite::Result<NaiveTime> {
        let text: String = row.get(index)?;
        NaiveTime::parse_from_str(&text, "%H:%M")
            .map_err(|_| corrupt(index, format!("time {text}")))
    };
    let venue = match row.get::<_, Option<i64>>(o + 11)? {
        Some(id) => Some(Venue {
            id,
            name: row.get(o + 12)?,
            address: row.get(o + 13)?,
            capacity: row.get(o + 14)?,
        }),
        None => None,
    };
    let organizers: String = row.get(o + 15)?;
    Ok(Seminar {
        id: row.get(o)?,
        slug: row.get(o + 1)?,
        title: row.get(o + 2)?,
        subtitle: row.get(o + 3)?,
        description: row.get(o + 4)?,
        status: Status::parse(&status).ok_or_else(|| corrupt(o + 5, format!("status {status}")))?,
        schedule: Schedule {
            zone: zone
                .parse()
                .map_err(|_| corrupt(o + 6, format!("time zone {zone}")))?,
            first_day: date(o + 7)?,
            last_day: date(o + 8)?,
            start: time(o + 9)?,
            end: time(o + 10)?,
        },
        venue,
        organizers: serde_json::from_str(&organizers)
            .map_err(|_| corrupt(o + 15, format!("organizers {organizers}")))?,
    })
}

/// Which seminars a list shows. Dates are local days of each seminar.
#[derive(Debug, Clone, Default)]
pub struct SeminarFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub venue_id: Option<i64>,
    pub include_cancelled: bool,
}

impl Db<'_> {
    pub fn seminar_by_slug(&self, slug: &str) -> Result<Option<Seminar>> {
        let sql = format!("SELECT {SEMINAR_COLUMNS} FROM {SEMINAR_FROM} WHERE s.slug = ?1");
        Ok(self
            .conn
            .query_row(&sql, [slug], seminar_from_row)
            .optional()?)
    }

    pub fn seminar_by_id(&self, id: i64) -> Result<Option<Seminar>> {
        let sql = format!("SELECT {SEMINAR_COLUMNS} FROM {SEMINAR_FROM} WHERE s.id = ?1");
        Ok(self
            .conn
            .query_row(&sql, [id], seminar_from_row)
            .optional()?)
    }

    /// Slugs that start with `prefix`, at most `limit` of them.
    pub fn slugs_starting_with(&self, prefix: &str, limit: u32) -> Result<Vec<String>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT slug FROM seminar WHERE slug >= ?1 AND slug < ?1 || x'ff' ORDER BY slug LIMIT ?2",
        )?;
        let slugs = statement.query_map(params![prefix, limit], |row| row.get(0))?;
        Ok(slugs.collect::<rusqlite::Result<_>>()?)
    }

    pub fn slug_taken(&self, slug: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM seminar WHERE slug = ?1", [slug], |_| Ok(()))
            .optional()?
            .is_some())
    }

    pub fn insert_seminar(&self, seminar: &Seminar) -> Result<i64> {
        let (starts_at, ends_at) = instants(&seminar.schedule)?;
        self.conn.execute(
            "INSERT INTO seminar (slug, title, subtitle, description, status, time_zone, \
             first_day, last_day, start_time, end_time, starts_at, ends_at, venue_id) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                seminar.slug,
                seminar.title,
                seminar.subtitle,
                seminar.description,
                seminar.status.as_str(),
                seminar.schedule.zone.name(),
                seminar.schedule.first_day.to_string(),
                seminar.schedule.last_day.to_string(),
                seminar.schedule.start.format("%H:%M").to_string(),
                seminar.schedule.end.format("%H:%M").to_string(),
                starts_at,
                ends_at,
                seminar.venue.as_ref().map(|venue| venue.id),
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        self.replace_organizers(id, &seminar.organizers)?;
        Ok(id)
    }

    pub fn update_seminar(&self, seminar: &Seminar) -> Result<()> {
        let (starts_at, ends_at) = instants(&seminar.schedule)?;
        self.conn.execute(
            "UPDATE seminar SET slug = ?2, title = ?3, subtitle = ?4, description = ?5, \
             status = ?6, time_zone = ?7, first_day = ?8, last_day = ?9, start_time = ?10, \
             end_time = ?11, starts_at = ?12, ends_at = ?13, venue_id = ?14 WHERE id = ?1",
            params![
                seminar.id,
                seminar.slug,
                seminar.title,
                seminar.subtitle,
                seminar.description,
                seminar.status.as_str(),
                seminar.schedule.zone.name(),
                seminar.schedule.first_day.to_string(),
                seminar.schedule.last_day.to_string(),
                seminar.schedule.start.format("%H:%M").to_string(),
                seminar.schedule.end.format("%H:%M").to_string(),
                starts_at,
                ends_at,
                seminar.venue.as_ref().map(|venue| venue.id),
            ],
        )?;
        self.replace_organizers(seminar.id, &seminar.organizers)
    }

    fn replace_organizers(&self, seminar_id: i64, organizers: &[String]) -> Result<()> {
        self.conn
            .execute("DELETE FROM organizer WHERE seminar_id = ?1", [seminar_id])?;
        let mut insert = self.conn.prepare_cached(
            "INSERT INTO organizer (seminar_id, position, name) VALUES (?1, ?2, ?3)",
        )?;
        for (position, name) in organizers.iter().enumerate() {
            insert.execute(params![seminar_id, position as i64, name])?;
        }
        Ok(())
    }

    /// Deletes a seminar with its roles and slots; people, institutions and venues stay.
    pub fn delete_seminar(&self, seminar_id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM seminar WHERE id = ?1", [seminar_id])?;
        Ok(())
    }

    pub fn list_seminars(&self, filter: &SeminarFilter) -> Result<Vec<SeminarSummary>> {
        let mut conditions = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        if let Some(from) = filter.from {
            values.push(Value::Text(from.to_string()));
            conditions.push(format!("s.last_day >= ?{}", values.len()));
        }
        if let Some(to) = filter.to {
            values.push(Value::Text(to.to_string()));
            conditions.push(format!("s.first_day <= ?{}", values.len()));
        }
        if let Some(venue_id) = filter.venue_id {
            values.push(Value::Integer(venue_id));
            conditions.push(format!("s.venue_id = ?{}", values.len()));
        }
        if !filter.include_cancelled {
            conditions.push("s.status <> 'cancelled'".into());
        }
        let where_clause = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        let sql = format!(
            "SELECT {SEMINAR_COLUMNS}, \
             (SELECT count(*) FROM role r WHERE r.seminar_id = s.id AND r.kind = 'speaker'), \
             (SELECT count(*) FROM slot t WHERE t.seminar_id = s.id) \
             FROM {SEMINAR_FROM} {where_clause} ORDER BY s.starts_at, s.id"
        );
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map(params_from_iter(values), |row| {
            Ok(SeminarSummary {
                seminar: seminar_from_row(row)?,
                speakers: row.get(16)?,
                slots: row.get(17)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn instants(schedule: &Schedule) -> Result<(i64, i64)> {
    let starts_at = schedule.starts_at().map_err(crate::error::Error::Usage)?;
    let ends_at = schedule.ends_at().map_err(crate::error::Error::Usage)?;
    Ok((starts_at.timestamp(), ends_at.timestamp()))
}
