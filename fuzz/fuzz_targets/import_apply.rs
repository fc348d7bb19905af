//! A whole import: the first byte picks the reader (JSON, CSV, frab) and the permission
//! (--force, --new); the rest is the file. A plan that reads is applied, in a transaction
//! that is rolled back, to an in-memory database holding the seminars of
//! `seed/archive.json`; when it applies, every seminar is rendered in every export format
//! and the JSON archive must read back.

#![no_main]

use std::cell::RefCell;

use chrono::{DateTime, NaiveDate};
use libfuzzer_sys::fuzz_target;
use seminar::import::{Format, ReadOptions, json, read};
use seminar::ops::Permission;
use seminar::ops::import::apply;
use seminar::ops::seminars::programmes;
use seminar::render::{self, Lang, Style};
use seminar::store::Store;

/// A programme's snapshot, as `publish` keeps it: the reports of updated seminars compare two.
fn snapshot(programme: &seminar::model::Programme) -> String {
    render::json::to_string(&render::json::programme(programme))
}

const SEED: &str = include_str!("../seed/archive.json");

fn seeded() -> Store {
    let mut store = Store::open_in_memory().expect("an in-memory database");
    let plan = json::read(SEED).expect("the seed archive reads");
    store
        .write(|db| apply(db, plan.clone(), Permission::default(), &snapshot))
        .expect("the seed archive imports");
    store
}

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(seeded());
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let format = match first % 3 {
        0 => Format::Json,
        1 => Format::Csv,
        _ => Format::Frab,
    };
    let permission = Permission::new(first & 4 != 0, first & 8 != 0);
    let options = ReadOptions {
        seminar: (format == Format::Csv && first & 16 != 0).then(|| "kss-2017".to_string()),
        today: NaiveDate::from_ymd_opt(2017, 5, 1).expect("a valid date"),
        zone: Some(seminar::model::time::parse_zone("Asia/Jakarta").expect("a zone")),
    };
    let Ok(plan) = read(text, format, &options) else {
        return;
    };
    STORE.with_borrow_mut(|store| {
        let _ = store.rehearse(|db| {
            apply(db, plan, permission, &snapshot)?;
            let all = programmes(db, None, None)?;
            for lang in [Lang::En, Lang::Id] {
                for programme in &all {
                    render::agenda::agenda(programme, &Style::plain(lang));
                }
                render::markdown::agenda(&all, lang);
                render::html::agenda(&all, lang);
                let _ = render::frab::schedule(
                    &all,
                    &render::frab::FrabOptions {
                        lang,
                        title: "Fuzz".into(),
                        acronym: "fuzz".into(),
                    },
                );
                render::ics::calendar(
                    &all,
                    &render::ics::IcsOptions {
                        lang,
                        slots: true,
                        now: DateTime::from_timestamp(1_500_000_000, 0).expect("an instant"),
                    },
                );
            }
            render::csv::agenda(&all);
            let archive = render::json::to_string(&render::json::archive(&all));
            if let Err(error) = json::read(&archive) {
                panic!("the JSON archive does not read back: {error}\n{archive}");
            }
            Ok(())
        });
    });
});
