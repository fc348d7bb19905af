//! One self-contained HTML5 page (inline CSS, no scripts, nothing fetched from the network)
//! laid out for A4 paper. The markup is also well-formed XML, and every value is escaped.

use super::agenda::{Level, Sheet};
use super::{Lang, visible};
use crate::model::Programme;

/// Escapes text for use in HTML content and attribute values. Control, bidi and zero-width
/// characters, which HTML does not allow or would hide, are shown as [`visible`] shows them.
pub fn escape(text: &str) -> String {
    let text = visible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text whose line breaks become `<br />`.
pub(crate) fn lines(text: &str) -> String {
    text.lines().map(escape).collect::<Vec<_>>().join("<br />")
}

const STYLE: &str = "\
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: \"Noto Sans\", \"Segoe UI\", Helvetica, Arial, sans-serif; font-size: 11pt;
  line-height: 1.4; color: #111; margin: 0 auto; max-width: 178mm; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 0 0 2pt; }
h2 { font-size: 13pt; margin: 14pt 0 4pt; border-bottom: 1px solid #999; }
h3 { font-size: 11.5pt; margin: 10pt 0 4pt; }
.subtitle { font-style: italic; margin: 0 0 10pt; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 10pt; margin: 0 0 8pt; }
dt { font-weight: bold; }
dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; }
th, td { text-align: left; vertical-align: top; padding: 4pt 6pt; border: 1px solid #bbb; }
th { background: #eee; }
td.time { white-space: nowrap; width: 1%; }
.affiliation { color: #444; font-size: 9.5pt; }
tr.session td { background: #f3f3f3; font-weight: bold; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
tr.in-session td:nth-last-child(2) { padding-left: 14pt; }
thead { display: table-header-group; }
tr, li { break-inside: avoid; page-break-inside: avoid; }
section + section { break-before: page; page-break-before: always; }
@media print { body { padding: 0; max-width: none; } th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
";

/// The start of a page, up to and including `<body>`: its language, title and A4 style.
pub(crate) fn page_start(title: &str, lang: Lang) -> String {
    let code = match lang {
        Lang::En => "en",
        Lang::Id => "id",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <meta name=\"generator\" content=\"seminar {}\" />\n<title>{}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(title)
    )
}

/// The agendas of seminars as one printable page, each seminar starting a new sheet.
pub fn agenda(programmes: &[Programme], lang: Lang) -> String {
    let labels = lang.labels();
    let page_title = match programmes {
        [one] => one.seminar.title.clone(),
        _ => labels.seminars.to_string(),
    };
    let mut out = page_start(&page_title, lang);
    if programmes.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", escape(labels.no_upcoming)));
    }
    for programme in programmes {
        let sheet = Sheet::new(&programme.with_formal_names(), lang);
        out.push_str("<section>\n");
        out.push_str(&format!("<h1>{}</h1>\n", escape(&sheet.title)));
        if let Some(subtitle) = &sheet.subtitle {
            out.push_str(&format!("<p class=\"subtitle\">{}</p>\n", escape(subtitle)));
        }
        if let Some(version) = &sheet.version {
            out.push_str(&format!("<p class=\"version\">{}</p>\n", escape(version)));
        }
        if !sheet.fields.is_empty() {
            out.push_str("<dl>\n");
            for (label, value) in &sheet.fields {
                out.push_str(&format!(
                    "<dt>{}</dt><dd>{}</dd>\n",
                    escape(label),
                    lines(value)
                ));
            }
            out.push_str("</dl>\n");
        }
        if let Some(description) = &sheet.description {
            out.push_str(&format!("<p>{}</p>\n", lines(description)));
        }
        if sheet.days.is_empty() && sheet.unslotted.is_empty() {
            out.push_str(&format!("<p>{}</p>\n", escape(labels.no_rundown)));
        }
        if !sheet.days.is_empty() {
            out.push_str(&format!("<h2>{}</h2>\n", escape(labels.rundown)));
        }
        for day in &sheet.days {
            if let Some(heading) = &day.heading {
                out.push_str(&format!("<h3>{}</h3>\n", escape(heading)));
            }
            let room_header = if day.rooms {
                format!("<th>{}</th>", escape(labels.room))
            } else {
                String::new()
            };
            out.push_str(&format!(
                "<table>\n<thead><tr><th>{}</th>{room_header}<th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
                escape(&day.time_header),
                escape(labels.session),
                escape(labels.speaker)
            ));
            for row in &day.rows {
                let people: Vec<String> = row
                    .people
                    .iter()
                    .map(|person| match person.affiliation.as_str() {
                        "" => escape(&person.name),
                        affiliation => format!(
                            "{}<br /><span class=\"affiliation\">{}</span>",
                            escape(&person.name),
                            escape(affiliation)
                        ),
                    })
                    .collect();
                let room = if day.rooms {
                    format!("<td>{}</td>", escape(&row.room))
                } else {
                    String::new()
                };
                let (class, people) = match row.level {
                    Level::Session if people.is_empty() => (" class=\"session\"", String::new()),
                    Level::Session => (
                        " class=\"session\"",
                        format!("{}: {}", escape(labels.chairs), people.join("<br />")),
                    ),
                    Level::InSession => (" class=\"in-session\"", people.join("<br />")),
                    Level::Alone => ("", people.join("<br />")),
                };
                let session = if row.cancelled {
                    format!(
                        "<s>{}</s> {}",
                        escape(&row.session),
                        escape(&super::versions::cancelled_marker(lang))
                    )
                } else {
                    escape(&row.session)
                };
                out.push_str(&format!(
                    "<tr{class}><td class=\"time\">{}</td>{room}<td>{session}</td><td>{people}</td></tr>\n",
                    escape(&row.times),
                ));
            }
            out.push_str("</tbody>\n</table>\n");
        }
        if !sheet.unslotted.is_empty() {
            out.push_str(&format!("<h2>{}</h2>\n<ul>\n", escape(labels.speakers)));
            for line in &sheet.unslotted {
                out.push_str(&format!("<li>{}</li>\n", escape(line)));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
        assert_eq!(
            escape("a\u{0}b\u{1b}]0;x\u{7}\u{202e}c"),
            "a\\u{0}b\\u{1b}]0;x\\u{7}\\u{202e}c"
        );
        assert_eq!(lines("a\nb<"), "a<br />b&lt;");
    }
}
