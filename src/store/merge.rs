//! Folding one person or institution into another.

use rusqlite::params;

use super::Db;
use crate::error::Result;

impl Db<'_> {
    /// Gives a role to another person.
    pub fn move_role(&self, role_id: i64, person_id: i64) -> Result<()> {
        self.execute(
            "UPDATE role SET person_id = ?2 WHERE id = ?1",
            params![role_id, person_id],
        )?;
        Ok(())
    }

    /// Puts the person of `into` on every slot `from` was on, then deletes `from`: two roles
    /// of one person in one seminar become one.
    pub fn combine_roles(&self, from: i64, into: i64) -> Result<()> {
        self.execute(
            "INSERT OR IGNORE INTO slot_role (slot_id, role_id, position) \
             SELECT slot_id, ?2, position FROM slot_role WHERE role_id = ?1",
            params![from, into],
        )?;
        self.execute("DELETE FROM role WHERE id = ?1", [from])?;
        Ok(())
    }

    pub fn delete_person(&self, person_id: i64) -> Result<()> {
        self.execute("DELETE FROM person WHERE id = ?1", [person_id])?;
        self.forget_people_names();
        Ok(())
    }

    /// Points every person and role of institution `from` to `into`; returns how many
    /// people and roles moved.
    pub fn move_institution(&self, from: i64, into: i64) -> Result<(usize, usize)> {
        let people = self.execute(
            "UPDATE person SET institution_id = ?2 WHERE institution_id = ?1",
            params![from, into],
        )?;
        let roles = self.execute(
            "UPDATE role SET institution_id = ?2 WHERE institution_id = ?1",
            params![from, into],
        )?;
        self.execute(
            "UPDATE OR IGNORE institution_alias SET institution_id = ?2 WHERE institution_id = ?1",
            params![from, into],
        )?;
        self.forget_people_names();
        Ok((people, roles))
    }

    pub fn delete_institution(&self, institution_id: i64) -> Result<()> {
        self.execute("DELETE FROM institution WHERE id = ?1", [institution_id])?;
        Ok(())
    }
}
