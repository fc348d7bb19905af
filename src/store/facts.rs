use rusqlite::params_from_iter;

use super::seminars::{day_hours_column, schedule_from_row};
use super::{Db, corrupt};
use crate::error::Result;
use crate::model::conflict::{Engagement, Item, SeminarFacts, SessionFacts, SlotFacts};
use crate::model::{Interval, RoleKind, Status};

/// What the booking rules look at: seminars, their sessions and slots, and who is engaged
/// where.
#[derive(Debug, Default)]
pub struct Facts {
    pub seminars: Vec<SeminarFacts>,
    pub sessions: Vec<SessionFacts>,
    pub slots: Vec<SlotFacts>,
    pub engagements: Vec<Engagement>,
}

/// Seminars that are not cancelled and run at some point within `[?1, ?2)`. A seminar lasts
/// at most a year, so `?3` (a year and a day before `?1`) bounds the index range searched.
const IN_RANGE: &str =
    "s.status <> 'cancelled' AND s.starts_at >= ?3 AND s.starts_at < ?2 AND s.ends_at > ?1";

/// [`IN_RANGE`], or one of the seminars listed in `?4` (a JSON array of ids).
const IN_RANGE_OR_LISTED: &str = "s.status <> 'cancelled' AND ((s.starts_at >= ?3 AND s.starts_at < ?2 \
     AND s.ends_at > ?1) OR s.id IN (SELECT value FROM json_each(?4)))";

const LONGEST_SEMINAR_SECONDS: i64 = 367 * 86_400;

impl Db<'_> {
    /// The facts of every seminar that runs at some point within `during` (all of them when
    /// `during` is `None`; cancelled ones come too, marked, and book nothing).
    pub fn facts(&self, during: Option<Interval>) -> Result<Facts> {
        self.facts_where(during, &[])
    }

    /// The facts of every seminar that runs at some point within `during`, and of the
    /// seminars `also` lists (cancelled ones excepted).
    pub fn facts_within(&self, during: Interval, also: &[i64]) -> Result<Facts> {
        self.facts_where(Some(during), also)
    }

    /// From the earliest start to the latest end of the seminars that are not cancelled;
    /// `None` when there are none.
    pub fn booking_span(&self) -> Result<Option<Interval>> {
        let (start, end): (Option<i64>, Option<i64>) = self.conn.query_row(
            "SELECT min(starts_at), max(ends_at) FROM seminar WHERE status <> 'cancelled'",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        Ok(start.zip(end).map(|(start, end)| Interval::new(start, end)))
    }

    /// Live slots and sessions of seminars that are not cancelled that reach outside their
    /// seminar's first start and last end, as (seminar id, interval): the bookings that a
    /// look at one stretch of time finds only through their seminar's id.
    pub fn items_outside_their_seminars(&self) -> Result<Vec<(i64, Interval)>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT t.seminar_id, t.starts_at, t.starts_at + 60 * t.minutes FROM slot t \
             JOIN seminar s ON s.id = t.seminar_id \
             WHERE t.cancelled = 0 AND s.status <> 'cancelled' \
               AND (t.starts_at < s.starts_at OR t.starts_at + 60 * t.minutes > s.ends_at) \
             UNION ALL \
             SELECT x.seminar_id, x.starts_at, x.starts_at + 60 * x.minutes FROM session x \
             JOIN seminar s ON s.id = x.seminar_id \
             WHERE x.cancelled = 0 AND s.status <> 'cancelled' \
               AND (x.starts_at < s.starts_at OR x.starts_at + 60 * x.minutes > s.ends_at)",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((row.get(0)?, Interval::new(row.get(1)?, row.get(2)?)))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn facts_where(&self, during: Option<Interval>, also: &[i64]) -> Result<Facts> {
        use rusqlite::types::Value;
        let values: Vec<Value> = match during {
            Some(range) => {
                let mut values = vec![
                    Value::Integer(range.start),
                    Value::Integer(range.end),
                    Value::Integer(range.start.saturating_sub(LONGEST_SEMINAR_SECONDS)),
                ];
                if !also.is_empty() {
                    values.push(Value::Text(super::id_list(also)));
                }
                values
            }
            None => Vec::new(),
        };
        let in_range = if also.is_empty() {
            IN_RANGE
        } else {
            IN_RANGE_OR_LISTED
        };
        // Without a range nothing needs the seminar table, and the joins are left out.
        let (seminar_filter, join_seminar_of) = match during {
            Some(_) => (format!("WHERE {in_range}"), "JOIN seminar s ON s.id ="),
            None => (String::new(), ""),
        };
        // Cancelled slots and sessions book nothing.
        let live_filter = |alias: &str| match during {
            Some(_) => format!("WHERE ({in_range}) AND {alias}.cancelled = 0"),
            None => format!("WHERE {alias}.cancelled = 0"),
        };
        let join = |column: &str| {
            if join_seminar_of.is_empty() {
                String::new()
            } else {
                format!("{join_seminar_of} {column}")
            }
        };
        let seminars_sql = format!(
            "SELECT s.id, s.slug, s.title, s.status, s.time_zone, s.first_day, s.last_day, \
             s.start_time, s.end_time, s.starts_at, s.ends_at, v.id, v.name, {} \
             FROM seminar s LEFT JOIN venue v ON v.id = s.venue_id {seminar_filter}",
            day_hours_column!()
        );
        let mut statement = self.conn.prepare_cached(&seminars_sql)?;
        let seminars = statement
            .query_map(params_from_iter(&values), |row| {
                let schedule = schedule_from_row(row, 4, 13)?;
                // A seminar of one day runs from its stored start to its stored end.
                let windows = if schedule.first_day == schedule.last_day {
                    vec![Interval::new(row.get(9)?, row.get(10)?)]
                } else {
                    schedule.windows().unwrap_or_default()
                };
                Ok(SeminarFacts {
                    id: row.get(0)?,
                    slug: row.get(1)?,
                    title: row.get(2)?,
                    zone: schedule.zone,
                    windows,
                    venue: match row.get::<_, Option<i64>>(11)? {
                        Some(id) => Some((id, row.get(12)?)),
                        None => None,
                    },
                    cancelled: row.get_ref(3)?.as_str()? == Status::Cancelled.as_str(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        let room = |row: &rusqlite::Row<'_>, id: usize| -> rusqlite::Result<_> {
            Ok(match row.get::<_, Option<i64>>(id)? {
                Some(room_id) => Some((room_id, row.get(id + 1)?)),
                None => None,
            })
        };
        let sessions_sql = format!(
            "SELECT x.id, x.seminar_id, x.title, x.starts_at, x.minutes, r.id, r.name \
             FROM session x LEFT JOIN venue r ON r.id = x.room_id {} {}",
            join("x.seminar_id"),
            live_filter("x")
        );
        let mut statement = self.conn.prepare_cached(&sessions_sql)?;
        let sessions = statement
            .query_map(params_from_iter(&values), |row| {
                let start: i64 = row.get(3)?;
                let minutes: i64 = row.get(4)?;
                Ok(SessionFacts {
                    id: row.get(0)?,
                    seminar_id: row.get(1)?,
                    title: row.get(2)?,
                    interval: Interval::new(start, start + minutes * 60),
                    room: room(row, 5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        let slots_sql = format!(
            "SELECT t.id, t.seminar_id, t.title, t.starts_at, t.minutes, t.session_id, \
             r.id, r.name FROM slot t LEFT JOIN venue r ON r.id = t.room_id \
             {} {}",
            join("t.seminar_id"),
            live_filter("t")
        );
        let mut statement = self.conn.prepare_cached(&slots_sql)?;
        let slots = statement
            .query_map(params_from_iter(&values), |row| {
                let start: i64 = row.get(3)?;
                let minutes: i64 = row.get(4)?;
                Ok(SlotFacts {
                    id: row.get(0)?,
                    seminar_id: row.get(1)?,
                    title: row.get(2)?,
                    interval: Interval::new(start, start + minutes * 60),
                    session_id: row.get(5)?,
                    room: room(row, 6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        // Roles, and the slots each puts its person on, both in role order: merged below
        // rather than joined, which is faster on a large database.
        let roles_sql = format!(
            "SELECT r.id, r.person_id, r.seminar_id, r.kind FROM role r {} {seminar_filter} \
             ORDER BY r.id",
            join("r.seminar_id")
        );
        let mut statement = self.conn.prepare_cached(&roles_sql)?;
        let roles = statement
            .query_map(params_from_iter(&values), |row| {
                let kind = row.get_ref(3)?.as_str()?;
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, i64>(2)?,
                    RoleKind::parse(kind).ok_or_else(|| corrupt(3, kind.to_string()))?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        // The slots and sessions each role puts its person in, by role: slots they are on,
        // sessions they chair.
        let links_sql = format!(
            "SELECT sr.role_id, 0, sr.slot_id FROM slot_role sr \
             JOIN slot t ON t.id = sr.slot_id {} {} \
             UNION ALL \
             SELECT c.role_id, 1, c.session_id FROM session_chair c \
             JOIN session x ON x.id = c.session_id {} {} \
             ORDER BY 1",
            join("t.seminar_id"),
            live_filter("t"),
            join("x.seminar_id"),
            live_filter("x")
        );
        let mut statement = self.conn.prepare_cached(&links_sql)?;
        let links = statement
            .query_map(params_from_iter(&values), |row| {
                let id: i64 = row.get(2)?;
                let item = match row.get::<_, i64>(1)? {
                    0 => Item::Slot(id),
                    _ => Item::Session(id),
                };
                Ok((row.get::<_, i64>(0)?, item))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut engagements = Vec::with_capacity(links.len().max(roles.len()));
        let mut links = links.into_iter().peekable();
        for (role_id, person_id, seminar_id, kind) in roles {
            let engagement = |on| Engagement {
                person_id,
                seminar_id,
                kind,
                on,
            };
            while links.next_if(|(linked, _)| *linked < role_id).is_some() {}
            let mut placed = false;
            while let Some((_, item)) = links.next_if(|(linked, _)| *linked == role_id) {
                engagements.push(engagement(Some(item)));
                placed = true;
            }
            if !placed {
                engagements.push(engagement(None));
            }
        }
        Ok(Facts {
            seminars,
            sessions,
            slots,
            engagements,
        })
    }

    /// The names of people, by id.
    /// The emails and phones of these people.
    pub fn contacts(
        &self,
        ids: &[i64],
    ) -> Result<std::collections::HashMap<i64, crate::model::Contact>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, email, phone FROM person WHERE id IN (SELECT value FROM json_each(?1))",
        )?;
        let rows = statement.query_map([super::id_list(ids)], |row| {
            Ok((
                row.get(0)?,
                crate::model::Contact {
                    email: row.get(1)?,
                    phone: row.get(2)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn people_names(&self, ids: &[i64]) -> Result<std::collections::HashMap<i64, String>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, name FROM person WHERE id IN (SELECT value FROM json_each(?1))",
        )?;
        let rows =
            statement.query_map([super::id_list(ids)], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
