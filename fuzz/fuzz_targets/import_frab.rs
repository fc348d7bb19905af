//! The frab / pretalx schedule.xml reader of `seminar import`: any text gives a plan or an
//! error, never a panic. A plan's seminars must have sane schedules.

#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use seminar::import::{ReadOptions, frab};
use seminar::model::{MAX_SLOT_MINUTES, check_day_hours};

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
        assert!(!plan.seminars.is_empty(), "a plan with no seminars");
        for entry in &plan.seminars {
            let schedule = &entry.seminar.schedule;
            assert!(schedule.first_day <= schedule.last_day, "{}", entry.place);
            assert!(
                check_day_hours(schedule.start, schedule.end).is_ok(),
                "{}",
                entry.place
            );
            for slot in &entry.slots {
                assert!(
                    (1..=MAX_SLOT_MINUTES).contains(&slot.minutes),
                    "{}: {} minutes",
                    entry.place,
                    slot.minutes
                );
            }
        }
    }
});
