use rusqlite::{OptionalExtension, Row, params, params_from_iter};

use super::seminars::{SEMINAR_COLUMNS, seminar_from_row_offset};
use super::{Conditions, Db, corrupt};
use crate::error::Result;
use std::collections::HashMap;

use crate::model::names::{NameIndex, institution_key, name_key};
use crate::model::{Institution, Person, Role, RoleKind, Seminar, Titles};

const ROLE_COLUMNS: &str = "r.id, r.seminar_id, r.person_id, p.name, r.kind, r.position, \
    i.id, i.name, i.short_name, p.uid, p.titles_front, p.titles_back";
const ROLE_FROM: &str = "role r JOIN person p ON p.id = r.person_id \
    LEFT JOIN institution i ON i.id = r.institution_id";

fn institution_at(row: &Row<'_>, first: usize) -> rusqlite::Result<Option<Institution>> {
    Ok(match row.get::<_, Option<i64>>(first)? {
        Some(id) => Some(Institution {
            id,
            name: row.get(first + 1)?,
            short_name: row.get(first + 2)?,
        }),
        None => None,
    })
}

fn role_from_row(row: &Row<'_>) -> rusqlite::Result<Role> {
    let kind: String = row.get(4)?;
    Ok(Role {
        id: row.get(0)?,
        seminar_id: row.get(1)?,
        person_id: row.get(2)?,
        person_name: row.get(3)?,
        kind: RoleKind::parse(&kind).ok_or_else(|| corrupt(4, format!("role {kind}")))?,
        position: row.get(5)?,
        institution: institution_at(row, 6)?,
        person_uid: row.get(9)?,
        person_titles: Titles {
            front: row.get(10)?,
            back: row.get(11)?,
        },
        contact: None,
    })
}

const PERSON_COLUMNS: &str = "p.id, p.name, p.email, p.phone, p.position, i.id, i.name, \
    i.short_name, p.uid, p.titles_front, p.titles_back";
const PERSON_FROM: &str = "person p LEFT JOIN institution i ON i.id = p.institution_id";

fn person_from_row(row: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: row.get(0)?,
        name: row.get(1)?,
        email: row.get(2)?,
        phone: row.get(3)?,
        position: row.get(4)?,
        institution: institution_at(row, 5)?,
        uid: row.get(8)?,
        titles: Titles {
            front: row.get(9)?,
            back: row.get(10)?,
        },
    })
}

/// A person with how many seminars they took part in.
#[derive(Debug, Clone)]
pub struct PersonRow {
    pub person: Person,
    pub seminars: u32,
}

/// An institution with its other names and how many people and roles it has.
#[derive(Debug, Clone)]
pub struct InstitutionRow {
    pub institution: Institution,
    pub aliases: Vec<String>,
    pub people: u32,
    pub roles: u32,
}

/// A person's name, its key and their institution, by its short name or else its name.
#[derive(Debug, Clone)]
pub struct PersonName {
    pub id: i64,
    pub name: String,
    pub key: String,
    pub institution_id: Option<i64>,
    pub institution: Option<String>,
}

/// Everyone's name with a [`NameIndex`] of their keys, to find near names without comparing
/// with every one; positions in `people` are positions in `index`.
#[derive(Debug, Default)]
pub struct PeopleNames {
    pub people: Vec<PersonName>,
    pub index: NameIndex,
    /// The positions of the people who have each key.
    pub by_key: HashMap<String, Vec<usize>>,
    by_id: HashMap<i64, usize>,
}

impl PeopleNames {
    fn push(&mut self, person: PersonName) {
        let position = self.index.insert(&person.key);
        self.by_key
            .entry(person.key.clone())
            .or_default()
            .push(position);
        self.by_id.insert(person.id, position);
        self.people.push(person);
    }
}

/// A role together with its seminar and the titles of the person's slots there.
#[derive(Debug, Clone)]
pub struct RoleRow {
    pub role: Role,
    pub seminar: Seminar,
    pub talks: Vec<Talk>,
}

/// One of a person's slots, as a speaker list shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct Talk {
    pub title: String,
    #[serde(with = "chrono::serde::ts_seconds")]
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub minutes: u32,
    /// Its room: its own, else its session's, else the seminar's venue.
    pub room: Option<String>,
    /// The title of its session.
    pub session: Option<String>,
    /// Its track, else its session's.
    pub track: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct SpeakerFilter {
    pub seminar_id: Option<i64>,
    pub institution_id: Option<i64>,
    pub person_id: Option<i64>,
    pub kinds: Vec<RoleKind>,
}

impl Db<'_> {
    /// The institution with this name, short name or alias, in any case, accents or
    /// abbreviations (see [`institution_key`]); its name as written first.
    pub fn institution_by_name(&self, name: &str) -> Result<Option<Institution>> {
        let (plain, key) = (name_key(name), institution_key(name));
        if key.is_empty() {
            return Ok(None);
        }
        let mut statement = self.conn.prepare_cached(
            "SELECT id, name, short_name FROM institution \
             WHERE name_key IN (?1, ?2) OR short_key IN (?1, ?2) OR id IN \
             (SELECT institution_id FROM institution_alias WHERE alias_key IN (?1, ?2)) \
             ORDER BY name_key = ?1 DESC, name_key = ?2 DESC, short_key IN (?1, ?2) DESC \
             LIMIT 1",
        )?;
        Ok(statement
            .query_row([plain, key], |row| institution_at(row, 0))
            .optional()?
            .flatten())
    }

    /// Every alias of every institution, by institution and then alias.
    pub fn institution_aliases(&self) -> Result<Vec<(i64, String)>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT institution_id, alias FROM institution_alias ORDER BY institution_id, alias_key",
        )?;
        let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn insert_institution_alias(&self, institution_id: i64, alias: &str) -> Result<()> {
        self.execute(
            "INSERT INTO institution_alias (institution_id, alias, alias_key) VALUES (?1, ?2, ?3)",
            params![institution_id, alias, institution_key(alias)],
        )?;
        Ok(())
    }

    /// Removes an institution's alias; whether it had it.
    pub fn delete_institution_alias(&self, institution_id: i64, alias: &str) -> Result<bool> {
        let removed = self.execute(
            "DELETE FROM institution_alias WHERE institution_id = ?1 AND alias_key IN (?2, ?3)",
            params![institution_id, institution_key(alias), name_key(alias)],
        )?;
        Ok(removed > 0)
    }

    pub fn institution_by_id(&self, id: i64) -> Result<Option<Institution>> {
        Ok(self
            .query_row(
                "SELECT id, name, short_name FROM institution WHERE id = ?1",
                [id],
                |row| institution_at(row, 0),
            )
            .optional()?
            .flatten())
    }

    /// Every institution with the number of people now there and of roles held for it.
    pub fn institutions(&self) -> Result<Vec<(Institution, u32, u32)>> {
        let mut statement = self.conn.prepare(
            "SELECT i.id, i.name, i.short_name, \
             (SELECT count(*) FROM person p WHERE p.institution_id = i.id), \
             (SELECT count(*) FROM role r WHERE r.institution_id = i.id) \
             FROM institution i ORDER BY i.name_key",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((
                institution_at(row, 0)?.expect("id is a primary key"),
                row.get(3)?,
                row.get(4)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn insert_institution(&self, name: &str, short_name: Option<&str>) -> Result<Institution> {
        self.execute(
            "INSERT INTO institution (name, name_key, short_name, short_key) VALUES (?1, ?2, ?3, ?4)",
            params![
                name,
                institution_key(name),
                short_name,
                short_name.map(institution_key)
            ],
        )?;
        Ok(Institution {
            id: self.conn.last_insert_rowid(),
            name: name.to_string(),
            short_name: short_name.map(str::to_string),
        })
    }

    pub fn update_institution(&self, institution: &Institution) -> Result<()> {
        self.execute(
            "UPDATE institution SET name = ?2, short_name = ?4, short_key = ?5, \
             name_key = CASE WHEN EXISTS (SELECT 1 FROM institution o \
                 WHERE o.name_key = ?3 AND o.id <> ?1) THEN ?6 ELSE ?3 END \
             WHERE id = ?1",
            params![
                institution.id,
                institution.name,
                institution_key(&institution.name),
                institution.short_name,
                institution.short_name.as_deref().map(institution_key),
                name_key(&institution.name)
            ],
        )?;
        self.forget_people_names();
        Ok(())
    }

    /// Runs `look` on everyone's names, read once per transaction.
    pub fn with_people_names<T>(&self, look: impl FnOnce(&PeopleNames) -> T) -> Result<T> {
        let mut cached = self.people_names.borrow_mut();
        if cached.is_none() {
            let mut names = PeopleNames::default();
            for person in self.person_names()? {
                names.push(person);
            }
            *cached = Some(names);
        }
        Ok(look(cached.as_ref().expect("read above")))
    }

    /// Drops the names read by [`Db::with_people_names`] after a change they cannot follow.
    pub(super) fn forget_people_names(&self) {
        self.people_names.borrow_mut().take();
    }

    /// Keeps the names read by [`Db::with_people_names`] up to date with a person written.
    fn remember_person(&self, person: &Person) {
        let mut cached = self.people_names.borrow_mut();
        let Some(names) = cached.as_mut() else {
            return;
        };
        let name = PersonName {
            id: person.id,
            name: person.name.clone(),
            key: name_key(&person.name),
            institution_id: person.institution.as_ref().map(|i| i.id),
            institution: person
                .institution
                .as_ref()
                .map(|i| i.short_name.clone().unwrap_or_else(|| i.name.clone())),
        };
        match names.by_id.get(&person.id) {
            None => names.push(name),
            Some(&position) if names.people[position].key == name.key => {
                names.people[position] = name;
            }
            Some(_) => *cached = None,
        }
    }

    /// Everyone's name and institution, to suggest people by.
    fn person_names(&self) -> Result<Vec<PersonName>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT p.id, p.name, p.name_key, i.id, coalesce(i.short_name, i.name) \
             FROM person p LEFT JOIN institution i ON i.id = p.institution_id ORDER BY p.id",
        )?;
        let rows = statement.query_map([], |row| {
            Ok(PersonName {
                id: row.get(0)?,
                name: row.get(1)?,
                key: row.get(2)?,
                institution_id: row.get(3)?,
                institution: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Everyone whose name has this key, oldest first: people may share a name.
    pub fn people_by_key(&self, key: &str) -> Result<Vec<Person>> {
        let sql = format!(
            "SELECT {PERSON_COLUMNS} FROM {PERSON_FROM} WHERE p.name_key = ?1 ORDER BY p.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([key], person_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn person_by_id(&self, id: i64) -> Result<Option<Person>> {
        let sql = format!("SELECT {PERSON_COLUMNS} FROM {PERSON_FROM} WHERE p.id = ?1");
        Ok(self.query_row(&sql, [id], person_from_row).optional()?)
    }

    pub fn person_by_uid(&self, uid: &str) -> Result<Option<Person>> {
        let sql = format!("SELECT {PERSON_COLUMNS} FROM {PERSON_FROM} WHERE p.uid = ?1");
        Ok(self.query_row(&sql, [uid], person_from_row).optional()?)
    }

    pub fn insert_person(&self, person: &Person) -> Result<i64> {
        self.execute(
            "INSERT INTO person (name, name_key, email, phone, position, institution_id, uid, \
             titles_front, titles_back) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                person.name,
                name_key(&person.name),
                person.email,
                person.phone,
                person.position,
                person.institution.as_ref().map(|i| i.id),
                person.uid,
                person.titles.front,
                person.titles.back
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        self.remember_person(&Person {
            id,
            ..person.clone()
        });
        Ok(id)
    }

    pub fn update_person(&self, person: &Person) -> Result<()> {
        self.execute(
            "UPDATE person SET name = ?2, name_key = ?3, email = ?4, phone = ?5, position = ?6, \
             institution_id = ?7, titles_front = ?8, titles_back = ?9 WHERE id = ?1",
            params![
                person.id,
                person.name,
                name_key(&person.name),
                person.email,
                person.phone,
                person.position,
                person.institution.as_ref().map(|i| i.id),
                person.titles.front,
                person.titles.back
            ],
        )?;
        self.remember_person(person);
        Ok(())
    }

    pub fn people(&self) -> Result<Vec<PersonRow>> {
        let sql = format!(
            "SELECT {PERSON_COLUMNS}, \
             (SELECT count(DISTINCT r.seminar_id) FROM role r WHERE r.person_id = p.id) \
             FROM {PERSON_FROM} ORDER BY p.name_key, p.id"
        );
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map([], |row| {
            Ok(PersonRow {
                person: person_from_row(row)?,
                seminars: row.get(11)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn role(&self, seminar_id: i64, person_id: i64, kind: RoleKind) -> Result<Option<Role>> {
        let sql = format!(
            "SELECT {ROLE_COLUMNS} FROM {ROLE_FROM} \
             WHERE r.seminar_id = ?1 AND r.person_id = ?2 AND r.kind = ?3"
        );
        Ok(self
            .query_row(
                &sql,
                params![seminar_id, person_id, kind.as_str()],
                role_from_row,
            )
            .optional()?)
    }

    pub fn roles_of_person(&self, person_id: i64) -> Result<Vec<Role>> {
        let sql =
            format!("SELECT {ROLE_COLUMNS} FROM {ROLE_FROM} WHERE r.person_id = ?1 ORDER BY r.id");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([person_id], role_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn roles_of_seminar(&self, seminar_id: i64) -> Result<Vec<Role>> {
        let sql =
            format!("SELECT {ROLE_COLUMNS} FROM {ROLE_FROM} WHERE r.seminar_id = ?1 ORDER BY r.id");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([seminar_id], role_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The roles of several seminars, by seminar and then in the order they were added: one
    /// query however many seminars there are.
    pub fn roles_of_seminars(&self, seminar_ids: &[i64]) -> Result<Vec<Role>> {
        let sql = format!(
            "SELECT {ROLE_COLUMNS} FROM {ROLE_FROM} \
             WHERE r.seminar_id IN (SELECT value FROM json_each(?1)) ORDER BY r.seminar_id, r.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([super::id_list(seminar_ids)], role_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn insert_role(&self, role: &Role) -> Result<i64> {
        self.execute(
            "INSERT INTO role (seminar_id, person_id, kind, position, institution_id) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                role.seminar_id,
                role.person_id,
                role.kind.as_str(),
                role.position,
                role.institution.as_ref().map(|i| i.id)
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn update_role(&self, role: &Role) -> Result<()> {
        self.execute(
            "UPDATE role SET position = ?2, institution_id = ?3 WHERE id = ?1",
            params![
                role.id,
                role.position,
                role.institution.as_ref().map(|i| i.id)
            ],
        )?;
        Ok(())
    }

    pub fn delete_role(&self, role_id: i64) -> Result<()> {
        self.execute("DELETE FROM role WHERE id = ?1", [role_id])?;
        Ok(())
    }

    /// Roles across seminars, newest seminar first, with the titles of each person's slots.
    pub fn role_rows(&self, filter: &SpeakerFilter) -> Result<Vec<RoleRow>> {
        let mut conditions = Conditions::default();
        if let Some(id) = filter.seminar_id {
            conditions.bind("r.seminar_id = ?", id);
        }
        if let Some(id) = filter.institution_id {
            conditions.bind("r.institution_id = ?", id);
        }
        if let Some(id) = filter.person_id {
            conditions.bind("r.person_id = ?", id);
        }
        if !filter.kinds.is_empty() {
            let kinds: Vec<String> = filter
                .kinds
                .iter()
                .map(|kind| format!("'{}'", kind.as_str()))
                .collect();
            conditions.add(&format!("r.kind IN ({})", kinds.join(", ")));
        }
        let where_clause = conditions.where_clause();
        let sql = format!(
            "SELECT {ROLE_COLUMNS}, \
             (SELECT json_group_array(json_object('title', title, 'starts_at', starts_at, \
                'minutes', minutes, 'room', room, 'session', session, 'track', track)) \
                FROM (SELECT t.title, t.starts_at, t.minutes, tv.name AS room, \
                ts.title AS session, COALESCE(t.track, ts.track) AS track FROM slot_role sr \
                JOIN slot t ON t.id = sr.slot_id \
                LEFT JOIN session ts ON ts.id = t.session_id \
                LEFT JOIN venue tv ON tv.id = COALESCE(t.room_id, ts.room_id, s.venue_id) \
                WHERE sr.role_id = r.id AND t.cancelled = 0 ORDER BY t.starts_at)), \
             {SEMINAR_COLUMNS} \
             FROM {ROLE_FROM} JOIN seminar s ON s.id = r.seminar_id \
             LEFT JOIN venue v ON v.id = s.venue_id \
             {where_clause} ORDER BY s.starts_at DESC, s.id, r.kind DESC, r.id"
        );
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map(params_from_iter(conditions.values), |row| {
            let talks: String = row.get(12)?;
            Ok(RoleRow {
                role: role_from_row(row)?,
                talks: serde_json::from_str(&talks).map_err(|_| corrupt(12, talks))?,
                seminar: seminar_from_row_offset(row, 13)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
