//! Builds a real seminar through the library: the "Seminar on Indonesia's South-South and
//! Triangular Cooperation" at FISIP UI on Thursday 18 May 2017, as a FISIP UI news article
//! (fisip.ui.ac.id, May 2017) reported it; every fact used is written out below. Then it
//! prints the agenda in English and in Indonesian.
//!
//!     cargo run --example seed_seminar                 # in a database held in memory
//!     cargo run --example seed_seminar -- --db kss.db  # kept in a file, for the CLI after
//!
//! The article gives the date, venue, speakers, moderator and organizers, and writes some
//! names two ways ("Kementrian"/"Kementerian", "Dinur krismasari"); the records here use
//! the correct spelling. It gives no times of day: the seminar is set 09:00–12:00 WIB, the
//! usual morning slot for a faculty seminar, with a 15-minute opening, four 30-minute talks
//! (government, donor agency, university, civil society: the order the article names them),
//! a moderated Q&A and a short closing. Talk titles are short summaries of what the article
//! reports each speaker saying.

use chrono::{NaiveDate, NaiveTime};
use seminar::error::Result;
use seminar::model::{RoleKind, Schedule, SlotKind, Status};
use seminar::ops::people::{NewRole, NewTalk, add_institution, add_role, add_venue};
use seminar::ops::seminars::{NewSeminar, create, programme};
use seminar::ops::slots::{NewSlot, add_slot};
use seminar::ops::{Notice, Permission};
use seminar::render::{Lang, Style, Width, agenda};
use seminar::store::{Db, Store};

pub const SLUG: &str = "kss-2017";

fn at(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).expect("a valid time of day")
}

struct Speaker {
    name: &'static str,
    position: &'static str,
    institution: &'static str,
    talk: &'static str,
    at: (u32, u32),
}

const SPEAKERS: [Speaker; 4] = [
    Speaker {
        name: "Moh. Syarif Alatas",
        position: "Direktur Kerja Sama Teknik",
        institution: "Kementerian Luar Negeri",
        talk: "Indonesia's growing role as a provider of South-South cooperation",
        at: (9, 15),
    },
    Speaker {
        name: "Dinur Krismasari",
        position: "Senior Representative",
        institution: "JICA Indonesia",
        talk: "Knowledge sharing in triangular cooperation",
        at: (9, 45),
    },
    Speaker {
        name: "Asra Virgianita",
        position: "Dosen Hubungan Internasional",
        institution: "FISIP UI",
        talk: "South-South cooperation in international relations",
        at: (10, 15),
    },
    Speaker {
        name: "Mickael B. Hoelman",
        position: "Senior Advisor",
        institution: "INFID",
        talk: "Civil society in South-South cooperation",
        at: (10, 45),
    },
];

/// Records the seed seminar; returns what the library reported doing on the side.
pub fn build(db: &Db<'_>) -> Result<Vec<Notice>> {
    let permission = Permission::default();
    let mut notices = Vec::new();
    add_institution(db, "Kementerian Luar Negeri", Some("Kemlu"), permission)?;
    add_institution(db, "JICA Indonesia", Some("JICA"), permission)?;
    add_institution(db, "FISIP UI", None, permission)?;
    add_institution(db, "INFID", None, permission)?;
    add_venue(
        db,
        seminar::model::Venue {
            id: 0,
            name: "Auditorium Juwono Sudarsono".into(),
            address: Some("FISIP Universitas Indonesia, Depok".into()),
            capacity: None,
        },
        permission,
    )?;
    let day = NaiveDate::from_ymd_opt(2017, 5, 18).expect("a valid date");
    let (_, created) = create(
        db,
        NewSeminar {
            title: "Seminar on Indonesia's South-South and Triangular Cooperation".into(),
            subtitle: Some(
                "Proud to Contribute: Maximizing Potentials in South-South Cooperation".into(),
            ),
            schedule: Schedule::daily(
                seminar::model::zone::Zone::known("Asia/Jakarta"),
                day,
                day,
                at(9, 0),
                at(12, 0),
            ),
            venue: Some("Auditorium Juwono Sudarsono".into()),
            organizers: vec![
                "FISIP UI".into(),
                "Tim Koordinasi Nasional Kerja Sama Selatan-Selatan".into(),
            ],
            description: None,
            slug: Some(SLUG.into()),
            status: Status::Confirmed,
            uid: None,
        },
        permission,
    )?;
    notices.extend(created);
    let slot = |title: &str, kind, start: NaiveTime, minutes, people: &[&str]| NewSlot {
        title: title.into(),
        kind,
        at: start,
        on: None,
        minutes,
        people: people.iter().map(|name| name.to_string()).collect(),
        uid: None,
        place: Default::default(),
        details: Default::default(),
    };
    notices.extend(
        add_slot(
            db,
            SLUG,
            slot("Opening remarks", SlotKind::Opening, at(9, 0), 15, &[]),
            permission,
        )?
        .1,
    );
    for speaker in SPEAKERS {
        let role = NewRole {
            kind: RoleKind::Speaker,
            name: speaker.name.into(),
            institution: Some(speaker.institution.into()),
            position: Some(speaker.position.into()),
            email: None,
            phone: None,
            titles: None,
            talk: Some(NewTalk {
                title: speaker.talk.into(),
                at: at(speaker.at.0, speaker.at.1),
                on: None,
                minutes: 30,
                place: Default::default(),
            }),
            from_file: Default::default(),
        };
        notices.extend(add_role(db, SLUG, role, permission)?.1);
    }
    let moderator = NewRole {
        kind: RoleKind::Moderator,
        name: "Valerina Daniel".into(),
        institution: None,
        position: None,
        email: None,
        phone: None,
        titles: None,
        talk: None,
        from_file: Default::default(),
    };
    notices.extend(add_role(db, SLUG, moderator, permission)?.1);
    let qa = slot(
        "Questions and answers",
        SlotKind::Qa,
        at(11, 15),
        35,
        &["Valerina Daniel"],
    );
    notices.extend(add_slot(db, SLUG, qa, permission)?.1);
    notices.extend(
        add_slot(
            db,
            SLUG,
            slot("Closing", SlotKind::Closing, at(11, 50), 10, &[]),
            permission,
        )?
        .1,
    );
    Ok(notices)
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opened = match args.as_slice() {
        [] => Store::open_in_memory(),
        [flag, path] if flag == "--db" => Store::open(std::path::Path::new(path)),
        _ => {
            eprintln!("usage: seed_seminar [--db PATH]");
            return std::process::ExitCode::from(2);
        }
    };
    let result = opened.and_then(|mut store| {
        store.write(build)?;
        let programme = store.read(|db| programme(db, SLUG))?;
        let terminal = std::io::IsTerminal::is_terminal(&std::io::stdout());
        for lang in [Lang::En, Lang::Id] {
            let style = Style {
                lang,
                width: if terminal {
                    Width::Terminal
                } else {
                    Width::Unlimited
                },
                terminal,
            };
            print!("{}", agenda::agenda(&programme, &style));
            if lang == Lang::En {
                println!("\n{}\n", "-".repeat(72));
            }
        }
        Ok(store.path().map(|path| path.display().to_string()))
    });
    match result {
        Ok(Some(path)) => {
            eprintln!("\nSaved in {path}; try: seminar --db {path} agenda {SLUG} --lang id");
            std::process::ExitCode::SUCCESS
        }
        Ok(None) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            std::process::ExitCode::from(error.exit_code())
        }
    }
}
