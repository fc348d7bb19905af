//! `seminar`: plan seminars from one local SQLite file.
//!
//! The binary is a thin shell around this library: [`cli`] parses arguments and calls
//! [`ops`], which runs each command as one transaction on a [`store::Store`] and returns
//! [`model`] types; [`render`] turns those into text or JSON.

pub mod cli;
pub mod error;
pub mod i18n;
pub mod import;
pub mod model;
pub mod ops;
pub mod output;
pub mod render;
pub mod sample;
pub mod store;
