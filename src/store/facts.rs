use rusqlite::params;

use super::seminars::{SEMINAR_COLUMNS, SEMINAR_FROM, seminar_from_row};
use super::{Db, corrupt};
use crate::error::Result;
use crate::model::conflict::{Engagement, SlotFacts};
use crate::model::{Interval, RoleKind, Seminar};

/// What the booking rules look at: seminars, their slots and who is engaged where.
#[derive(Debug, Default)]
pub struct Facts {
    pub seminars: Vec<Seminar>,
    pub slots: Vec<SlotFacts>,
    pub engagements: Vec<Engagement>,
}

/// Seminars that are not cancelled and run at some point within `[?1, ?2)`.
const IN_RANGE: &str = "s.status <> 'cancelled' AND s.starts_at < ?2 AND s.ends_at > ?1";

impl Db<'_> {
    /// The facts of every seminar that runs at some point within `during` (all of them when
    /// `during` is `None`).
    pub fn facts(&self, during: Option<Interval>) -> Result<Facts> {
        let range = during.unwrap_or(Interval::new(i64::MIN, i64::MAX));
        let seminars_sql = format!(
            "SELECT {SEMINAR_COLUMNS} FROM {SEMINAR_FROM} WHERE {IN_RANGE} ORDER BY s.starts_at"
        );
        let mut statement = self.conn.prepare_cached(&seminars_sql)?;
        let seminars = statement
            .query_map(params![range.start, range.end], seminar_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        let slots_sql = format!(
            "SELECT t.id, t.seminar_id, t.title, t.starts_at, t.minutes FROM slot t \
             JOIN seminar s ON s.id = t.seminar_id WHERE {IN_RANGE}"
        );
        let mut statement = self.conn.prepare_cached(&slots_sql)?;
        let slots = statement
            .query_map(params![range.start, range.end], |row| {
                let start: i64 = row.get(3)?;
                let minutes: i64 = row.get(4)?;
                Ok(SlotFacts {
                    id: row.get(0)?,
                    seminar_id: row.get(1)?,
                    title: row.get(2)?,
                    interval: Interval::new(start, start + minutes * 60),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        let engagements_sql = format!(
            "SELECT r.person_id, p.name, r.seminar_id, r.kind, t.starts_at, t.minutes \
             FROM role r JOIN seminar s ON s.id = r.seminar_id JOIN person p ON p.id = r.person_id \
             LEFT JOIN slot_role sr ON sr.role_id = r.id LEFT JOIN slot t ON t.id = sr.slot_id \
             WHERE {IN_RANGE}"
        );
        let mut statement = self.conn.prepare_cached(&engagements_sql)?;
        let engagements = statement
            .query_map(params![range.start, range.end], |row| {
                let kind: String = row.get(3)?;
                let start: Option<i64> = row.get(4)?;
                let minutes: Option<i64> = row.get(5)?;
                Ok(Engagement {
                    person_id: row.get(0)?,
                    person_name: row.get(1)?,
                    seminar_id: row.get(2)?,
                    kind: RoleKind::parse(&kind).ok_or_else(|| corrupt(3, kind))?,
                    slot: start
                        .zip(minutes)
                        .map(|(s, m)| Interval::new(s, s + m * 60)),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Facts {
            seminars,
            slots,
            engagements,
        })
    }
}
