//! Turning results into what people and scripts read. One module per format; nothing here
//! touches the database.

pub mod agenda;
pub mod csv;
pub mod drafts;
pub mod frab;
pub mod grid;
pub mod html;
pub mod i18n;
pub mod ics;
pub mod json;
pub mod markdown;
pub mod problems;
pub mod roster;
pub mod speakers;
pub mod text;
pub mod versions;
pub mod visible;
pub mod when;

use comfy_table::{ContentArrangement, Table, presets};

pub use i18n::Lang;
pub use visible::visible;

/// How wide tables may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// Fit the terminal the output goes to.
    Terminal,
    Columns(u16),
    Unlimited,
}

/// How text output should look.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub lang: Lang,
    pub width: Width,
    /// Output goes to a terminal: box-drawing characters instead of plain ASCII.
    pub terminal: bool,
}

impl Style {
    pub fn plain(lang: Lang) -> Self {
        Style {
            lang,
            width: Width::Unlimited,
            terminal: false,
        }
    }

    pub fn table(&self, headers: &[&str]) -> TextTable {
        let mut table = Table::new();
        if self.terminal {
            table.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners());
        } else {
            table
                .load_style(presets::ASCII_FULL_CONDENSED)
                .force_no_tty();
        }
        match self.width {
            Width::Terminal => {
                table.set_content_arrangement(ContentArrangement::Dynamic);
            }
            Width::Columns(columns) => {
                table
                    .set_content_arrangement(ContentArrangement::Dynamic)
                    .set_width(columns);
            }
            Width::Unlimited => {
                table.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        table.set_header(
            headers
                .iter()
                .map(|header| visible(header).into_owned())
                .collect::<Vec<_>>(),
        );
        TextTable(table)
    }
}

/// A comfy-table whose cells are shown with [`visible`] before the table measures them, so
/// an escaped control character widens its column instead of breaking the layout.
pub struct TextTable(Table);

impl TextTable {
    pub fn add_row<Cells, Text>(&mut self, cells: Cells) -> &mut Self
    where
        Cells: IntoIterator<Item = Text>,
        Text: AsRef<str>,
    {
        self.0.add_row(
            cells
                .into_iter()
                .map(|cell| visible(cell.as_ref()).into_owned())
                .collect::<Vec<_>>(),
        );
        self
    }
}

impl std::fmt::Display for TextTable {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(formatter)
    }
}

/// Aligned `Label  value` lines; empty values are left out.
pub fn fields(rows: &[(&str, String)]) -> String {
    let width = rows
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(label, _)| label.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (label, value) in rows.iter().filter(|(_, value)| !value.is_empty()) {
        let mut lines = value.lines();
        out.push_str(&format!(
            "{label:<width$}  {}\n",
            lines.next().unwrap_or_default()
        ));
        for line in lines {
            out.push_str(&format!("{:<width$}  {line}\n", ""));
        }
    }
    out
}

/// `Direktur Kerja Sama Teknik, Kementerian Luar Negeri`
pub fn affiliation(
    position: Option<&str>,
    institution: Option<&crate::model::Institution>,
) -> String {
    [position, institution.map(|i| i.name.as_str())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ")
}

/// `Moh. Syarif Alatas (Direktur Kerja Sama Teknik, Kementerian Luar Negeri)`
pub fn role_line(role: &crate::model::Role) -> String {
    let affiliation = affiliation(role.position.as_deref(), role.institution.as_ref());
    if affiliation.is_empty() {
        role.person_name.clone()
    } else {
        format!("{} ({affiliation})", role.person_name)
    }
}

/// `Auditorium Juwono Sudarsono, FISIP Universitas Indonesia, Depok`
pub fn venue_line(venue: Option<&crate::model::Venue>) -> String {
    venue
        .map(|venue| match &venue.address {
            Some(address) => format!("{}, {address}", venue.name),
            None => venue.name.clone(),
        })
        .unwrap_or_default()
}
