//! The roster as Markdown: a heading, the lines under it and one table.

use super::Sheet;
use crate::ops::roster::Roster;
use crate::render::Lang;
use crate::render::markdown::{escape, table};

pub fn roster(roster: &Roster, contacts: bool, lang: Lang) -> String {
    let sheet = Sheet::new(roster, contacts, lang);
    let mut out = format!("# {}\n\n", escape(&sheet.title));
    for line in &sheet.lines {
        out.push_str(&format!("{}  \n", escape(line)));
    }
    out.push('\n');
    match sheet.empty {
        Some(empty) => out.push_str(&format!("{}\n", escape(empty))),
        None => table(&mut out, &sheet.headers, &sheet.rows),
    }
    out
}
