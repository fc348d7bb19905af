//! `roster`: everyone with a part in a seminar, or in the seminars of a period.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::find_seminar;
use super::seminars::{programme_of, programmes};
use crate::error::{Error, Result};
use crate::model::roster::{RosterEntry, roster};
use crate::model::{Programme, Seminar};
use crate::store::Db;

/// Which seminars a roster covers.
#[derive(Debug, Clone)]
pub enum RosterScope {
    /// One seminar, by slug or `#ID`.
    Seminar(String),
    /// The seminars whose days touch `from`..=`to`.
    Period { from: NaiveDate, to: NaiveDate },
}

/// A roster with what it covers.
#[derive(Debug, Clone)]
pub struct Roster {
    /// The one seminar asked for; `None` for a period.
    pub seminar: Option<Seminar>,
    pub period: Option<(NaiveDate, NaiveDate)>,
    pub entries: Vec<RosterEntry>,
}

/// The roster of one seminar or of a period, with emails and phones when asked for.
pub fn roster_of(db: &Db<'_>, scope: &RosterScope, contacts: bool) -> Result<Roster> {
    let (seminar, period, mut programmes) = match scope {
        RosterScope::Seminar(reference) => {
            let seminar = find_seminar(db, reference)?;
            let programme = programme_of(db, seminar.clone())?;
            (Some(seminar), None, vec![programme])
        }
        RosterScope::Period { from, to } => {
            if to < from {
                return Err(Error::usage(format!("to: {to} is before --from {from}")));
            }
            let programmes = programmes(db, Some(*from), Some(*to))?;
            (None, Some((*from, *to)), programmes)
        }
    };
    add_cancelled(db, &mut programmes)?;
    if contacts {
        super::people::add_contacts(db, programmes.iter_mut().flat_map(|p| p.roles.iter_mut()))?;
    }
    Ok(Roster {
        seminar,
        period,
        entries: roster(&programmes),
    })
}

/// Puts the sessions and slots cancelled after a publication into each programme's history.
fn add_cancelled(db: &Db<'_>, programmes: &mut [Programme]) -> Result<()> {
    let ids: Vec<i64> = programmes.iter().map(|p| p.seminar.id).collect();
    let mut sessions: HashMap<i64, Vec<_>> = HashMap::new();
    for session in db.cancelled_sessions_of_seminars(&ids)? {
        sessions
            .entry(session.seminar_id)
            .or_default()
            .push(session);
    }
    let mut slots: HashMap<i64, Vec<_>> = HashMap::new();
    for slot in db.cancelled_slots_of_seminars(&ids)? {
        slots.entry(slot.seminar_id).or_default().push(slot);
    }
    for programme in programmes {
        let id = programme.seminar.id;
        programme.history.cancelled_sessions = sessions.remove(&id).unwrap_or_default();
        programme.history.cancelled_slots = slots.remove(&id).unwrap_or_default();
    }
    Ok(())
}
