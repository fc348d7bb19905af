//! What every schedule reader's plan must hold, shared by the reader targets.

use seminar::model::{MAX_SLOT_MINUTES, check_day_hours};
use seminar::ops::import::Plan;

/// The plan has seminars; each one's first day is not after its last, its hours end after
/// they start, and each slot lasts 1–1440 minutes.
pub fn assert_sane(plan: &Plan) {
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
