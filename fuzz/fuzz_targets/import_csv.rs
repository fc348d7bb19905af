//! The CSV reader of `seminar import`: any text gives a plan or an error, never a panic.

#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use seminar::import::{ReadOptions, csv};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut options = ReadOptions {
        seminar: None,
        today: NaiveDate::from_ymd_opt(2017, 5, 1).expect("a valid date"),
        zone: Some(seminar::model::time::parse_zone("Asia/Jakarta").expect("a zone")),
    };
    if let Ok(plan) = csv::read(text, &options) {
        assert!(!plan.roles.is_empty(), "a plan with no rows");
        assert!(plan.seminars.is_empty(), "CSV creates no seminars");
    }
    // With --seminar, rows need no seminar column.
    options.seminar = Some("kss-2017".into());
    if let Ok(plan) = csv::read(text, &options) {
        assert!(plan.roles.iter().all(|entry| entry.seminar == "kss-2017"));
    }
});
