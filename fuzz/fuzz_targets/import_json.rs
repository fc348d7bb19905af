//! The JSON reader of `seminar import` (archives and single agendas): any text gives a plan
//! or an error, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use seminar::import::json;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(plan) = json::read(text) {
        assert!(!plan.seminars.is_empty(), "a plan with no seminars");
        assert!(plan.roles.is_empty(), "JSON roles come with their seminars");
    }
});
