//! `export`: many seminars in one file, and the document formats `agenda` shares with it.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::Context;
use super::progress::Progress;
use super::values::date;
use crate::error::{Error, Result};
use crate::model::Programme;
use crate::ops::{self, seminars};
use crate::output::Privacy;
use crate::render::{self, frab, ics, json};

/// The document formats of agendas and exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables for the terminal
    Text,
    /// GitHub-style Markdown tables
    Markdown,
    /// One printable HTML page (A4)
    Html,
    /// CSV (RFC 4180), one row per slot
    Csv,
    /// JSON (see README: JSON shapes)
    Json,
    /// iCalendar (RFC 5545), one event per seminar
    Ics,
    /// frab / C3VOC schedule.xml
    Frab,
}

impl Format {
    /// Writes a document in this format: formats for people (text, Markdown, HTML) with
    /// hidden characters shown escaped, data formats with their exact text.
    pub fn deliver(
        self,
        text: &str,
        output: Option<&crate::output::Target>,
        privacy: crate::output::Privacy,
        context: &Context,
    ) -> Result<()> {
        match self {
            Format::Text | Format::Markdown | Format::Html => {
                context.deliver_readable(text, output, privacy)
            }
            Format::Csv | Format::Json | Format::Ics | Format::Frab => {
                context.deliver(text, output, privacy)
            }
        }
    }
}

/// What an export covers, for the titles of calendars and schedules.
pub enum Scope {
    One,
    Range {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
}

/// Options that only some formats use.
#[derive(Debug, Args, Clone, Copy, Default)]
pub struct DocumentArgs {
    /// iCalendar: also one event per slot of the rundown
    #[arg(long)]
    pub slots: bool,
    /// JSON: add people's emails and phones (personal data: left out otherwise)
    #[arg(long)]
    pub include_contacts: bool,
}

impl DocumentArgs {
    /// Refuses contacts in a format that has no place for them, before anything is read.
    pub fn check(&self, format: Format) -> Result<()> {
        if self.include_contacts && format != Format::Json {
            return Err(Error::usage(
                "--include-contacts: only --format json carries emails and phones (and speaker list --format csv or json); the other formats are for sharing",
            ));
        }
        Ok(())
    }
}

/// Reads programmes and, when asked, the contacts of the people in them, in one transaction.
/// Who may read a written document: one with emails and phones is private to its owner.
pub fn privacy(include_contacts: bool) -> Privacy {
    if include_contacts {
        Privacy::Private
    } else {
        Privacy::Public
    }
}

pub fn read_programmes(
    store: &mut crate::store::Store,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    include_contacts: bool,
) -> Result<Vec<Programme>> {
    store.read(|db| {
        let mut programmes = seminars::programmes(db, from, to)?;
        complete(db, &mut programmes, include_contacts)?;
        Ok(programmes)
    })
}

/// How many seminars an export reads at once.
const EXPORT_BATCH: usize = 256;

/// Hands each seminar in the range, with its people's details, to `write`, one batch at a
/// time; the number of seminars.
fn each_complete_programme(
    db: &crate::store::Db<'_>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    include_contacts: bool,
    mut write: impl FnMut(&Programme) -> std::io::Result<()>,
) -> Result<usize> {
    let mut written = 0;
    seminars::programmes_in_batches(db, from, to, EXPORT_BATCH, |mut programmes| {
        complete(db, &mut programmes, include_contacts)?;
        programmes.iter().try_for_each(&mut write)?;
        written += programmes.len();
        Ok(())
    })?;
    Ok(written)
}

/// The JSON archive of the seminars in the range, written as they are read: memory for one
/// batch of them, whatever the size of the database. The number of seminars written.
pub fn write_archive(
    db: &crate::store::Db<'_>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    include_contacts: bool,
    out: &mut dyn std::io::Write,
) -> Result<usize> {
    let rooms = seminars::rooms_of_programmes(db, from, to)?;
    let mut archive = json::ArchiveWriter::start(out, &rooms)?;
    each_complete_programme(db, from, to, include_contacts, |programme| {
        archive.seminar(programme)
    })?;
    Ok(archive.finish()?)
}

/// The CSV rundowns of the seminars in the range, written as they are read.
pub fn write_csv(
    db: &crate::store::Db<'_>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    include_contacts: bool,
    out: &mut dyn std::io::Write,
) -> Result<usize> {
    let mut rows = render::csv::AgendaWriter::start(out)?;
    let written = each_complete_programme(db, from, to, include_contacts, |programme| {
        rows.seminar(programme)
    })?;
    rows.finish()?;
    Ok(written)
}

/// The iCalendar file of the seminars in the range, written as they are read.
pub fn write_ics(
    db: &crate::store::Db<'_>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    include_contacts: bool,
    options: &ics::IcsOptions,
    out: &mut dyn std::io::Write,
) -> Result<usize> {
    let outline = seminars::outline_of_programmes(db, from, to)?;
    let head = ics::IcsHead {
        only_title: outline.only_title.as_deref(),
        shared_zone: outline.shared_zone.as_deref(),
    };
    let mut calendar = ics::IcsWriter::start(out, &head, options)?;
    let written = each_complete_programme(db, from, to, include_contacts, |programme| {
        calendar.seminar(programme)
    })?;
    calendar.finish()?;
    Ok(written)
}

/// What the head of the frab schedule of the seminars in the range says of all of them:
/// a first look at every seminar, before anything is written.
pub fn outline_schedule(
    db: &crate::store::Db<'_>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<frab::ScheduleOutline> {
    let mut outline = frab::ScheduleOutline::default();
    seminars::programmes_in_batches(db, from, to, EXPORT_BATCH, |programmes| {
        programmes
            .iter()
            .for_each(|programme| outline.add(programme));
        Ok(())
    })?;
    Ok(outline)
}

/// The frab schedule of several seminars in the range, written as they are read: their
/// tracks in one pass, their days in a second, keeping only the days still open.
pub fn write_frab(
    db: &crate::store::Db<'_>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    outline: frab::ScheduleOutline,
    options: &frab::FrabOptions,
    out: &mut dyn std::io::Write,
) -> Result<usize> {
    let mut schedule = frab::ScheduleWriter::start(out, outline, options)?;
    // (The version of each seminar is no part of a schedule of several: no histories.)
    seminars::programmes_in_batches(db, from, to, EXPORT_BATCH, |programmes| {
        for programme in &programmes {
            schedule.track(programme)?;
        }
        Ok(())
    })?;
    let mut written = 0;
    seminars::programmes_in_batches(db, from, to, EXPORT_BATCH, |programmes| {
        for programme in &programmes {
            schedule.seminar(programme)?;
        }
        written += programmes.len();
        Ok(())
    })?;
    schedule.finish()?;
    Ok(written)
}

fn nothing_to_export() -> Error {
    Error::refused(
        "no seminars in that range, so there is nothing to put in the file; widen --from/--to",
    )
}

/// Adds what an export shows besides the seminars' own records: their histories, and the
/// people's contacts when asked for.
fn complete(
    db: &crate::store::Db<'_>,
    programmes: &mut [Programme],
    include_contacts: bool,
) -> Result<()> {
    ops::versions::add_histories(db, programmes, &super::versions::snapshot)?;
    if include_contacts {
        ops::people::add_contacts(
            db,
            programmes
                .iter_mut()
                .flat_map(|programme| programme.roles.iter_mut()),
        )?;
    }
    Ok(())
}

/// Renders seminars in a document format (every format but `text`, which `agenda` lays out
/// itself).
pub fn document(
    format: Format,
    programmes: &[Programme],
    scope: &Scope,
    options: DocumentArgs,
    context: &Context,
) -> Result<String> {
    let lang = context.style.lang;
    if programmes.is_empty() && matches!(format, Format::Ics | Format::Frab) {
        // Both formats need at least one event to be valid.
        return Err(nothing_to_export());
    }
    Ok(match format {
        Format::Text => programmes
            .iter()
            .map(|programme| render::agenda::agenda(programme, &context.style))
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Markdown => render::markdown::agenda(programmes, lang),
        Format::Html => render::html::agenda(programmes, lang),
        Format::Csv => render::csv::agenda(programmes),
        Format::Json => match (scope, programmes) {
            (Scope::One, [one]) => json::to_string(&json::programme(one)),
            _ => json::to_string(&json::archive(programmes)),
        },
        Format::Ics => ics::calendar(
            programmes,
            &ics::IcsOptions {
                lang,
                slots: options.slots,
                now: context.now,
            },
        ),
        Format::Frab => {
            let (title, acronym) = match (scope, programmes) {
                (_, [one]) => (one.seminar.title.clone(), acronym(&one.seminar.slug)),
                (Scope::Range { from, to }, _) => range_names(lang, *from, *to),
                (Scope::One, _) => range_names(lang, None, None),
            };
            frab::schedule(
                programmes,
                &frab::FrabOptions {
                    lang,
                    title,
                    acronym,
                },
            )
            .map_err(Error::Usage)?
        }
    })
}

/// frab acronyms are at least four of `a-z 0-9 _ -`; slugs are of those characters.
fn acronym(slug: &str) -> String {
    if slug.len() >= 4 {
        slug.to_string()
    } else {
        format!("seminar-{slug}")
    }
}

fn range_names(
    lang: render::Lang,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> (String, String) {
    let seminars = lang.labels().seminars;
    match (from, to) {
        (None, None) => (seminars.to_string(), "seminars".to_string()),
        (from, to) => {
            let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            (
                format!("{seminars} {}–{}", day(from), day(to)),
                format!("seminars-{}-{}", day(from), day(to))
                    .trim_end_matches('-')
                    .to_string(),
            )
        }
    }
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format of the file
    #[arg(long, value_enum)]
    pub format: Format,
    /// The file to write (replaced atomically); `-` for standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Only seminars on or after this day
    #[arg(long, value_parser = date)]
    pub from: Option<NaiveDate>,
    /// Only seminars on or before this day
    #[arg(long, value_parser = date)]
    pub to: Option<NaiveDate>,
    #[command(flatten)]
    pub document: DocumentArgs,
}

pub fn run(args: ExportArgs, context: &Context) -> Result<()> {
    args.document.check(args.format)?;
    let output = context.output(Some(&args.output))?;
    let progress = Progress::start("Reading seminars");
    let mut store = context.open()?;
    // A frab schedule of one seminar takes its title and version: made at once (it is small).
    let several_seminars = |store: &mut crate::store::Store| {
        store.read(|db| Ok(seminars::outline_of_programmes(db, args.from, args.to)?.count > 1))
    };
    if matches!(args.format, Format::Json | Format::Csv | Format::Ics)
        || (args.format == Format::Frab && several_seminars(&mut store)?)
    {
        let include_contacts = args.document.include_contacts;
        let written = store.read(|db| {
            let mut written = 0;
            if args.format == Format::Ics
                && seminars::outline_of_programmes(db, args.from, args.to)?.count == 0
            {
                return Err(nothing_to_export());
            }
            let schedule = match args.format {
                Format::Frab => Some(outline_schedule(db, args.from, args.to)?),
                _ => None,
            };
            context.deliver_streamed(output.as_ref(), privacy(include_contacts), |out| {
                written = match (args.format, schedule) {
                    (Format::Frab, Some(outline)) => {
                        let (title, acronym) = range_names(context.style.lang, args.from, args.to);
                        let options = frab::FrabOptions {
                            lang: context.style.lang,
                            title,
                            acronym,
                        };
                        write_frab(db, args.from, args.to, outline, &options, out)?
                    }
                    (Format::Csv, _) => write_csv(db, args.from, args.to, include_contacts, out)?,
                    (Format::Ics, _) => {
                        let options = ics::IcsOptions {
                            lang: context.style.lang,
                            slots: args.document.slots,
                            now: context.now,
                        };
                        write_ics(db, args.from, args.to, include_contacts, &options, out)?
                    }
                    (_, _) => write_archive(db, args.from, args.to, include_contacts, out)?,
                };
                Ok(())
            })?;
            Ok(written)
        })?;
        drop(progress);
        if output.is_some() {
            super::context::say(&format!(
                "Exported {written} seminar(s) to {}",
                args.output.display()
            ));
        }
        return Ok(());
    }
    let programmes = read_programmes(
        &mut store,
        args.from,
        args.to,
        args.document.include_contacts,
    )?;
    let scope = Scope::Range {
        from: args.from,
        to: args.to,
    };
    progress.stage(&format!("Writing {} seminar(s)", programmes.len()), None);
    let text = document(args.format, &programmes, &scope, args.document, context)?;
    progress.stage(&format!("Saving {}", args.output.display()), None);
    args.format.deliver(
        &text,
        output.as_ref(),
        privacy(args.document.include_contacts),
        context,
    )?;
    drop(progress);
    if output.is_some() {
        super::context::say(&format!(
            "Exported {} seminar(s) to {}",
            programmes.len(),
            args.output.display()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod streamed {
    use super::*;
    use crate::model::Venue;
    use crate::sample::{SampleSize, generate};
    use crate::store::Store;

    /// A generated database of more seminars than one batch, some slots in rooms.
    fn database() -> Store {
        let mut store = Store::open_in_memory().expect("a database");
        store
            .write(|db| {
                generate(
                    db,
                    SampleSize {
                        seminars: 2 * EXPORT_BATCH + 30,
                        seed: 11,
                    },
                )?;
                for (n, seminar_id) in [3_i64, 250, 260, 400, 530].into_iter().enumerate() {
                    let mut room = Venue {
                        id: 0,
                        name: format!("Ruang {}", 5 - n),
                        address: (n % 2 == 0).then(|| format!("Lantai {n}")),
                        capacity: Some(20 + n as u32),
                    };
                    room.id = db.insert_venue(&room)?;
                    let mut slot = db.slots_of_seminar(seminar_id)?[1].clone();
                    slot.room = Some(room);
                    db.update_slot(&slot)?;
                }
                // A seminar of forty days without slots, whose days other seminars come
                // between, and a session without slots.
                let mut long = db.seminar_by_id(252)?.expect("a seminar");
                for slot in db.slots_of_seminar(long.id)? {
                    db.delete_slot(slot.id)?;
                }
                let last_day = long.schedule.first_day + chrono::Days::new(39);
                long.schedule.last_day = last_day;
                db.update_seminar(&long)?;
                let slot = db.slots_of_seminar(300)?[2].clone();
                db.insert_session(&crate::model::Session {
                    id: 0,
                    uid: crate::model::new_uid(),
                    seminar_id: 300,
                    title: "Sesi tanpa acara".into(),
                    kind: crate::model::SessionKind::Parallel,
                    track: Some("Trek".into()),
                    room: None,
                    starts_at: slot.starts_at,
                    minutes: 45,
                    chair_role_ids: Vec::new(),
                })?;
                Ok(())
            })
            .expect("the data");
        store
    }

    fn in_memory(store: &mut Store, from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
        let programmes = read_programmes(store, from, to, true).expect("programmes");
        json::to_string(&json::archive(&programmes))
    }

    fn written(store: &mut Store, from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
        let mut out = Vec::new();
        store
            .read(|db| write_archive(db, from, to, true, &mut out))
            .expect("the archive");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn exports_written_as_read_are_byte_for_byte_the_ones_made_at_once() {
        let mut store = database();
        let day = |text: &str| Some(text.parse::<NaiveDate>().expect("a date"));
        for (from, to) in [
            (None, None),
            (day("2018-01-01"), day("2019-06-30")),
            (day("2030-01-01"), None),
        ] {
            let expected = in_memory(&mut store, from, to);
            assert_eq!(written(&mut store, from, to), expected, "{from:?}–{to:?}");
        }
        let options = ics::IcsOptions {
            lang: render::Lang::Id,
            slots: true,
            now: chrono::DateTime::from_timestamp(1_700_000_000, 0).expect("a time"),
        };
        // A day with one seminar: the calendar takes its title and zone.
        let one = read_programmes(&mut store, None, None, false).expect("programmes")[100]
            .seminar
            .schedule
            .first_day;
        for (from, to) in [
            (None, None),
            (day("2018-01-01"), day("2019-06-30")),
            (Some(one), Some(one)),
        ] {
            let programmes = read_programmes(&mut store, from, to, true).expect("programmes");
            let mut csv = Vec::new();
            let mut calendar = Vec::new();
            store
                .read(|db| {
                    write_csv(db, from, to, true, &mut csv)?;
                    write_ics(db, from, to, true, &options, &mut calendar)
                })
                .expect("the files");
            assert_eq!(
                String::from_utf8(csv).expect("UTF-8"),
                render::csv::agenda(&programmes),
                "CSV {from:?}–{to:?}"
            );
            let calendar = String::from_utf8(calendar).expect("UTF-8");
            assert_eq!(
                calendar,
                ics::calendar(&programmes, &options),
                "iCalendar {from:?}–{to:?}"
            );
            assert_eq!(
                calendar,
                ics::made_with_icalendar::calendar(&programmes, &options),
                "iCalendar as the icalendar crate made it, {from:?}–{to:?}"
            );
            if from == Some(one) {
                assert_eq!(programmes.len(), 1);
                continue;
            }
            let (title, acronym) = range_names(render::Lang::Id, from, to);
            let frab_options = frab::FrabOptions {
                lang: render::Lang::Id,
                title,
                acronym,
            };
            let mut schedule = Vec::new();
            store
                .read(|db| {
                    let outline = outline_schedule(db, from, to)?;
                    write_frab(db, from, to, outline, &frab_options, &mut schedule)
                })
                .expect("the schedule");
            assert_eq!(
                String::from_utf8(schedule).expect("UTF-8"),
                frab::schedule(&programmes, &frab_options).expect("a schedule"),
                "frab {from:?}–{to:?}"
            );
        }
        let whole = written(&mut store, None, None);
        let archive: serde_json::Value = serde_json::from_str(&whole).expect("JSON");
        assert_eq!(
            archive["seminars"].as_array().map(Vec::len),
            Some(2 * EXPORT_BATCH + 30)
        );
        assert_eq!(archive["rooms"].as_array().map(Vec::len), Some(5));
    }
}
