use chrono::{NaiveDate, NaiveTime};
use rusqlite::{OptionalExtension, Row, params, params_from_iter, types::Value};

use super::{Conditions, Db, corrupt};
use crate::error::Result;
use crate::model::{DayHours, Schedule, Seminar, SeminarSummary, Status, Venue};

/// A seminar's days with their own hours (the seminar row is `s`), as a JSON array of
/// `[day, start, end]` in date order.
macro_rules! day_hours_column {
    () => {
        "(SELECT json_group_array(json_array(d.day, d.start_time, d.end_time)) FROM \
            (SELECT day, start_time, end_time FROM day_hours WHERE seminar_id = s.id \
             ORDER BY day) d)"
    };
}
pub(super) use day_hours_column;

/// Columns read by [`seminar_from_row`], in order; the query must join `venue v`.
pub(super) const SEMINAR_COLUMNS: &str = concat!(
    "s.id, s.slug, s.title, s.subtitle, s.description, \
    s.status, s.time_zone, s.first_day, s.last_day, s.start_time, s.end_time, \
    v.id, v.name, v.address, v.capacity, \
    (SELECT json_group_array(name) FROM \
        (SELECT name FROM organizer o WHERE o.seminar_id = s.id ORDER BY o.position)), \
    s.uid, ",
    day_hours_column!()
);

/// How many columns [`SEMINAR_COLUMNS`] has.
pub(super) const SEMINAR_COLUMN_COUNT: usize = 18;

pub(super) const SEMINAR_FROM: &str = "seminar s LEFT JOIN venue v ON v.id = s.venue_id";

pub(super) fn seminar_from_row(row: &Row<'_>) -> rusqlite::Result<Seminar> {
    seminar_from_row_offset(row, 0)
}

/// Reads a schedule from five columns starting at `o` (time_zone, first_day, last_day,
/// start_time, end_time) and the days with hours of their own at `days`
/// ([`day_hours_column`]).
pub(super) fn schedule_from_row(
    row: &Row<'_>,
    o: usize,
    days: usize,
) -> rusqlite::Result<Schedule> {
    let zone: String = row.get(o)?;
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
    Ok(Schedule {
        zone: zone
            .parse()
            .map_err(|_| corrupt(o, format!("time zone {zone}")))?,
        first_day: date(o + 1)?,
        last_day: date(o + 2)?,
        start: time(o + 3)?,
        end: time(o + 4)?,
        days: day_hours_from(row, days)?,
    })
}

fn day_hours_from(row: &Row<'_>, index: usize) -> rusqlite::Result<Vec<DayHours>> {
    let text: String = row.get(index)?;
    let days: Vec<(String, String, String)> =
        serde_json::from_str(&text).map_err(|_| corrupt(index, format!("days {text}")))?;
    days.into_iter()
        .map(|(day, start, end)| {
            let parsed = (
                day.parse::<NaiveDate>(),
                NaiveTime::parse_from_str(&start, "%H:%M"),
                NaiveTime::parse_from_str(&end, "%H:%M"),
            );
            match parsed {
                (Ok(date), Ok(start), Ok(end)) => Ok(DayHours { date, start, end }),
                _ => Err(corrupt(index, format!("day hours {day} {start} {end}"))),
            }
        })
        .collect()
}

/// Reads a seminar whose columns start at `o` in the row.
pub(super) fn seminar_from_row_offset(row: &Row<'_>, o: usize) -> rusqlite::Result<Seminar> {
    let status: String = row.get(o + 5)?;
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
        uid: row.get(o + 16)?,
        slug: row.get(o + 1)?,
        title: row.get(o + 2)?,
        subtitle: row.get(o + 3)?,
        description: row.get(o + 4)?,
        status: Status::parse(&status).ok_or_else(|| corrupt(o + 5, format!("status {status}")))?,
        schedule: schedule_from_row(row, o + 6, o + 17)?,
        venue,
        organizers: serde_json::from_str(&organizers)
            .map_err(|_| corrupt(o + 15, format!("organizers {organizers}")))?,
    })
}

/// What [`Db::outline_of_listed_seminars`] tells of the seminars a list shows.
#[derive(Debug, Clone, Default)]
pub struct ListedOutline {
    pub count: usize,
    pub only_title: Option<String>,
    pub shared_zone: Option<String>,
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
        Ok(self.query_row(&sql, [slug], seminar_from_row).optional()?)
    }

    pub fn seminar_by_id(&self, id: i64) -> Result<Option<Seminar>> {
        let sql = format!("SELECT {SEMINAR_COLUMNS} FROM {SEMINAR_FROM} WHERE s.id = ?1");
        Ok(self.query_row(&sql, [id], seminar_from_row).optional()?)
    }

    /// Every slug, in order.
    pub fn slugs(&self) -> Result<Vec<String>> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT slug FROM seminar ORDER BY slug")?;
        let slugs = statement.query_map([], |row| row.get(0))?;
        Ok(slugs.collect::<rusqlite::Result<_>>()?)
    }

    pub fn seminar_by_uid(&self, uid: &str) -> Result<Option<Seminar>> {
        let sql = format!("SELECT {SEMINAR_COLUMNS} FROM {SEMINAR_FROM} WHERE s.uid = ?1");
        Ok(self.query_row(&sql, [uid], seminar_from_row).optional()?)
    }

    pub fn slug_taken(&self, slug: &str) -> Result<bool> {
        Ok(self
            .query_row("SELECT 1 FROM seminar WHERE slug = ?1", [slug], |_| Ok(()))
            .optional()?
            .is_some())
    }

    pub fn insert_seminar(&self, seminar: &Seminar) -> Result<i64> {
        self.execute(
            "INSERT INTO seminar (id, slug, title, subtitle, description, status, time_zone, \
             first_day, last_day, start_time, end_time, starts_at, ends_at, venue_id, uid) \
             VALUES (NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params_from_iter(seminar_values(seminar)?),
        )?;
        let id = self.conn.last_insert_rowid();
        self.replace_organizers(id, &seminar.organizers)?;
        self.replace_day_hours(id, &seminar.schedule.days)?;
        Ok(id)
    }

    pub fn update_seminar(&self, seminar: &Seminar) -> Result<()> {
        self.execute(
            "UPDATE seminar SET slug = ?2, title = ?3, subtitle = ?4, description = ?5, \
             status = ?6, time_zone = ?7, first_day = ?8, last_day = ?9, start_time = ?10, \
             end_time = ?11, starts_at = ?12, ends_at = ?13, venue_id = ?14, uid = ?15 WHERE id = ?1",
            params_from_iter(seminar_values(seminar)?),
        )?;
        self.replace_organizers(seminar.id, &seminar.organizers)?;
        self.replace_day_hours(seminar.id, &seminar.schedule.days)
    }

    fn replace_day_hours(&self, seminar_id: i64, days: &[DayHours]) -> Result<()> {
        self.execute("DELETE FROM day_hours WHERE seminar_id = ?1", [seminar_id])?;
        let mut insert = self.conn.prepare_cached(
            "INSERT INTO day_hours (seminar_id, day, start_time, end_time) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for day in days {
            insert.execute(params![
                seminar_id,
                day.date.to_string(),
                day.start.format("%H:%M").to_string(),
                day.end.format("%H:%M").to_string()
            ])?;
        }
        Ok(())
    }

    fn replace_organizers(&self, seminar_id: i64, organizers: &[String]) -> Result<()> {
        self.execute("DELETE FROM organizer WHERE seminar_id = ?1", [seminar_id])?;
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
        self.execute("DELETE FROM seminar WHERE id = ?1", [seminar_id])?;
        Ok(())
    }

    pub fn list_seminars(&self, filter: &SeminarFilter) -> Result<Vec<SeminarSummary>> {
        let conditions = seminar_conditions(filter);
        let where_clause = conditions.where_clause();
        let sql = format!(
            "SELECT {SEMINAR_COLUMNS}, \
             (SELECT count(*) FROM role r WHERE r.seminar_id = s.id AND r.kind = 'speaker'), \
             (SELECT count(*) FROM slot t WHERE t.seminar_id = s.id AND t.cancelled = 0) \
             FROM {SEMINAR_FROM} {where_clause} ORDER BY s.starts_at, s.id"
        );
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map(params_from_iter(conditions.values), |row| {
            Ok(SeminarSummary {
                seminar: seminar_from_row(row)?,
                speakers: row.get(SEMINAR_COLUMN_COUNT)?,
                slots: row.get(SEMINAR_COLUMN_COUNT + 1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The seminars [`list_seminars`](Self::list_seminars) lists, in its order, handed to
    /// `each` in batches of `size` as they are read: memory for one batch, not for all.
    pub fn seminars_in_batches(
        &self,
        filter: &SeminarFilter,
        size: usize,
        mut each: impl FnMut(Vec<Seminar>) -> Result<()>,
    ) -> Result<()> {
        let conditions = seminar_conditions(filter);
        let where_clause = conditions.where_clause();
        let sql = format!(
            "SELECT {SEMINAR_COLUMNS} FROM {SEMINAR_FROM} {where_clause} ORDER BY s.starts_at, s.id"
        );
        let mut statement = self.conn.prepare(&sql)?;
        let mut rows = statement.query(params_from_iter(conditions.values))?;
        let mut batch = Vec::with_capacity(size);
        while let Some(row) = rows.next()? {
            batch.push(seminar_from_row(row)?);
            if batch.len() == size {
                each(std::mem::replace(&mut batch, Vec::with_capacity(size)))?;
            }
        }
        if !batch.is_empty() {
            each(batch)?;
        }
        Ok(())
    }

    /// How many seminars [`list_seminars`](Self::list_seminars) lists, the title of the
    /// only one when there is one, and the zone they share when they share one.
    pub fn outline_of_listed_seminars(&self, filter: &SeminarFilter) -> Result<ListedOutline> {
        let conditions = seminar_conditions(filter);
        let where_clause = conditions.where_clause();
        let sql = format!(
            "SELECT count(*), count(DISTINCT s.time_zone), min(s.time_zone), min(s.title) \
             FROM seminar s {where_clause}"
        );
        let mut statement = self.conn.prepare(&sql)?;
        Ok(
            statement.query_row(params_from_iter(conditions.values), |row| {
                let count: i64 = row.get(0)?;
                let zones: i64 = row.get(1)?;
                Ok(ListedOutline {
                    count: count as usize,
                    only_title: if count == 1 { row.get(3)? } else { None },
                    shared_zone: if zones == 1 { row.get(2)? } else { None },
                })
            })?,
        )
    }

    /// The venues that the live slots and sessions of the listed seminars are in, by name
    /// (then id): the rooms of an archive of them.
    pub fn rooms_of_listed_seminars(&self, filter: &SeminarFilter) -> Result<Vec<Venue>> {
        let conditions = seminar_conditions(filter);
        let where_clause = conditions.where_clause();
        let and = if where_clause.is_empty() {
            "WHERE"
        } else {
            "AND"
        };
        let sql = format!(
            "SELECT v.id, v.name, v.address, v.capacity FROM venue v WHERE v.id IN ( \
               SELECT t.room_id FROM slot t JOIN seminar s ON s.id = t.seminar_id \
               {where_clause} {and} t.cancelled = 0 \
               UNION \
               SELECT x.room_id FROM session x JOIN seminar s ON s.id = x.seminar_id \
               {where_clause} {and} x.cancelled = 0) \
             ORDER BY v.name, v.id"
        );
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map(params_from_iter(conditions.values), |row| {
            Ok(Venue {
                id: row.get(0)?,
                name: row.get(1)?,
                address: row.get(2)?,
                capacity: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The conditions on `s` (a seminar) that a filter sets.
fn seminar_conditions(filter: &SeminarFilter) -> Conditions {
    let mut conditions = Conditions::default();
    if let Some(from) = filter.from {
        conditions.bind("s.last_day >= ?", from.to_string());
        // A seminar lasts at most a year: this lets the index on first_day narrow the
        // search to the range instead of everything before `to`.
        let earliest = from - chrono::Days::new(367);
        conditions.bind("s.first_day >= ?", earliest.to_string());
    }
    if let Some(to) = filter.to {
        conditions.bind("s.first_day <= ?", to.to_string());
    }
    if let Some(venue_id) = filter.venue_id {
        conditions.bind("s.venue_id = ?", venue_id);
    }
    if !filter.include_cancelled {
        conditions.add("s.status <> 'cancelled'");
    }
    conditions
}

/// The values of a seminar's row, `?1` (the id) to `?14`.
fn seminar_values(seminar: &Seminar) -> Result<Vec<Value>> {
    let schedule = &seminar.schedule;
    let starts_at = schedule.starts_at().map_err(crate::error::Error::Usage)?;
    let ends_at = schedule.ends_at().map_err(crate::error::Error::Usage)?;
    let text = |value: &str| Value::Text(value.to_string());
    let optional = |value: &Option<String>| value.as_deref().map_or(Value::Null, text);
    Ok(vec![
        Value::Integer(seminar.id),
        text(&seminar.slug),
        text(&seminar.title),
        optional(&seminar.subtitle),
        optional(&seminar.description),
        text(seminar.status.as_str()),
        text(schedule.zone.name()),
        Value::Text(schedule.first_day.to_string()),
        Value::Text(schedule.last_day.to_string()),
        Value::Text(schedule.start.format("%H:%M").to_string()),
        Value::Text(schedule.end.format("%H:%M").to_string()),
        Value::Integer(starts_at.timestamp()),
        Value::Integer(ends_at.timestamp()),
        seminar
            .venue
            .as_ref()
            .map_or(Value::Null, |venue| Value::Integer(venue.id)),
        text(&seminar.uid),
    ])
}
