//! End-to-end tests: the real `seminar` binary on temporary SQLite files.

mod agenda;
mod bad_input;
mod concurrency;
mod config;
mod conflicts;
mod crashes;
mod example;
mod exports;
mod files;
mod ics_import;
mod imports;
mod input;
mod maintenance;
mod merges;
mod people;
mod performance;
mod prompts;
mod rooms;
mod seminars;
mod shell;
mod slots;
mod storage;
mod support;
mod terminal;
mod venues;
mod versions;
