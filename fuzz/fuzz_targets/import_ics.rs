//! The iCalendar reader of `seminar import`: any bytes give a plan or an error, never a
//! panic. A plan's seminars must have sane schedules, and every slot a sane length.

#![no_main]

#[path = "sane_plan.rs"]
mod sane_plan;

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use seminar::import::{ReadOptions, ics};

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions {
        seminar: None,
        today: NaiveDate::from_ymd_opt(2017, 5, 1).expect("a valid date"),
        zone: Some(seminar::model::time::parse_zone("Asia/Jakarta").expect("a zone")),
    };
    if let Ok(plan) = ics::read(data, &options) {
        sane_plan::assert_sane(&plan);
    }
});
