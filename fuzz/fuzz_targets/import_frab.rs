//! The frab / pretalx schedule.xml reader of `seminar import`: any text gives a plan or an
//! error, never a panic. A plan's seminars must have sane schedules.

#![no_main]

#[path = "sane_plan.rs"]
mod sane_plan;

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use seminar::import::{ReadOptions, frab};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let options = ReadOptions {
        seminar: None,
        today: NaiveDate::from_ymd_opt(2017, 5, 1).expect("a valid date"),
        zone: Some(seminar::model::time::parse_zone("Asia/Jakarta").expect("a zone")),
    };
    if let Ok(plan) = frab::read(text, &options) {
        sane_plan::assert_sane(&plan);
    }
});
