//! The iCalendar reader of `seminar import`: any bytes give a plan or an error, never a
//! panic. A plan's seminars must have sane schedules, and every slot a sane length.

#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use seminar::import::{ReadOptions, ics};
use seminar::model::{MAX_SLOT_MINUTES, check_day_hours};

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions {
        seminar: None,
        today: NaiveDate::from_ymd_opt(2017, 5, 1).expect("a valid date"),
        zone: Some(seminar::model::time::parse_zone("Asia/Jakarta").expect("a zone")),
    };
    if let Ok(plan) = ics::read(data, &options) {
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
