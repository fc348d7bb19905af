//! Parsers for values on the command line, so that clap names the flag in every error.

use crate::model::zone::Zone;
use chrono::{NaiveDate, NaiveTime};

use crate::model::time;

pub fn date(text: &str) -> Result<NaiveDate, String> {
    let today = super::context::today().unwrap_or_else(|_| chrono::Local::now().date_naive());
    time::parse_date(text, today)
}

pub fn time_of_day(text: &str) -> Result<NaiveTime, String> {
    time::parse_time(text)
}

pub fn zone(text: &str) -> Result<Zone, String> {
    time::parse_zone(text)
}

pub fn minutes(text: &str) -> Result<u32, String> {
    time::parse_minutes(text)
}

/// A capacity to set, or none (an empty value) to clear it.
#[derive(Debug, Clone, Copy)]
pub struct CapacityOrNone(pub Option<u32>);

pub fn capacity_or_none(text: &str) -> Result<CapacityOrNone, String> {
    if text.trim().is_empty() {
        return Ok(CapacityOrNone(None));
    }
    capacity(text).map(|capacity| CapacityOrNone(Some(capacity)))
}

pub fn capacity(text: &str) -> Result<u32, String> {
    match text.trim().parse::<i64>() {
        Ok(n) if (1..=1_000_000).contains(&n) => Ok(n as u32),
        _ => Err(format!(
            "'{text}' is not a capacity; accepted: a whole number from 1 to 1000000"
        )),
    }
}
