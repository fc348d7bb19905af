//! The roster as one printable HTML page (A4), every value escaped.

use super::Sheet;
use crate::ops::roster::Roster;
use crate::render::Lang;
use crate::render::html::{escape, lines, page_start};

pub fn roster(roster: &Roster, contacts: bool, lang: Lang) -> String {
    let sheet = Sheet::new(roster, contacts, lang);
    let mut out = page_start(&sheet.title, lang);
    out.push_str(&format!("<h1>{}</h1>\n", escape(&sheet.title)));
    for line in &sheet.lines {
        out.push_str(&format!("<p>{}</p>\n", escape(line)));
    }
    match sheet.empty {
        Some(empty) => out.push_str(&format!("<p>{}</p>\n", escape(empty))),
        None => {
            out.push_str("<table>\n<thead><tr>");
            for header in &sheet.headers {
                out.push_str(&format!("<th>{}</th>", escape(header)));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for row in &sheet.rows {
                out.push_str("<tr>");
                for cell in row {
                    out.push_str(&format!("<td>{}</td>", lines(cell)));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}
