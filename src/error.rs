//! The errors a command can end with, and the exit code of each, in one place.

use crate::model::conflict::Problem;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line or a value on it is wrong (exit 2).
    #[error("{0}")]
    Usage(String),
    /// A seminar, person, institution, venue or slot that does not exist (exit 1).
    #[error("{what} '{name}' not found{}", hint(suggestions, see))]
    NotFound {
        what: &'static str,
        name: String,
        suggestions: Vec<String>,
        see: &'static str,
    },
    /// A rule or an existing record stands in the way (exit 1).
    #[error("{0}")]
    Refused(String),
    /// A new person, institution or venue whose name is close to existing ones (exit 1).
    #[error(
        "{}{} '{name}' looks like existing {}; use that name, or pass --new to add '{name}' as a new {}",
        place.as_ref().map(|place| format!("{place}: ")).unwrap_or_default(),
        record.noun(), quoted(candidates), record.noun()
    )]
    LooksLike {
        record: Record,
        name: String,
        candidates: Vec<String>,
        /// Where in an input file the name is (`line 3`).
        place: Option<String>,
    },
    /// The change would break a booking rule (exit 1); the problems say which.
    #[error("the change breaks a booking rule")]
    Conflicts(Vec<Problem>),
    /// An input file cannot be read, or holds a value that cannot be used (exit 1).
    #[error("{0}")]
    Invalid(String),
    /// A file (`-o`, `backup`, `man --dir`) could not be written (exit 1).
    #[error("{0}")]
    Output(String),
    /// The database could not be opened, read or written (exit 1).
    #[error("database: {0}")]
    Storage(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The kinds of record that are created from a typed name, and so may be near-duplicates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    Person,
    Institution,
    Venue,
}

impl Record {
    pub fn noun(self) -> &'static str {
        match self {
            Record::Person => "person",
            Record::Institution => "institution",
            Record::Venue => "venue",
        }
    }
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|name| format!("'{name}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn hint(suggestions: &[String], see: &str) -> String {
    match suggestions {
        [] => format!("; see '{see}'"),
        [one] => format!("; did you mean '{one}'?"),
        many => format!("; did you mean one of: {}?", many.join(", ")),
    }
}

impl Error {
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage(message.into())
    }

    pub fn refused(message: impl Into<String>) -> Self {
        Error::Refused(message.into())
    }

    /// The process exit code: 0 success, 1 error, 2 usage error (3 is `check` finding problems).
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::Io(error) if error.kind() == std::io::ErrorKind::BrokenPipe => 0,
            Error::NotFound { .. }
            | Error::Refused(_)
            | Error::LooksLike { .. }
            | Error::Invalid(_)
            | Error::Conflicts(_)
            | Error::Storage(_)
            | Error::Output(_)
            | Error::Io(_) => 1,
        }
    }

    /// Says where in an input file the error comes from (`line 4`, `seminar kss-2017`).
    /// Booking conflicts keep their kind: their message already names what clashes.
    pub fn at(self, place: &str) -> Self {
        match self {
            Error::Conflicts(_) | Error::Storage(_) | Error::Output(_) | Error::Io(_) => self,
            Error::LooksLike {
                record,
                name,
                candidates,
                place: None,
            } => Error::LooksLike {
                record,
                name,
                candidates,
                place: Some(place.to_string()),
            },
            other => Error::Invalid(format!("{place}: {other}")),
        }
    }

    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io(error) if error.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        let message = match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                "the file is locked by another program or seminar command; try again when it is done".to_string()
            }
            Some(ErrorCode::NotADatabase) => {
                "the file is not an SQLite database; pass --db with a seminar database or a new file name".to_string()
            }
            Some(ErrorCode::DatabaseCorrupt) => {
                "the file is damaged; run 'seminar doctor' and restore a backup or an export".to_string()
            }
            Some(ErrorCode::ReadOnly) => "the file is read-only; check its permissions".to_string(),
            Some(ErrorCode::DiskFull) => "the disk is full; nothing was written".to_string(),
            Some(ErrorCode::SystemIoFailure) => format!(
                "cannot read or write the file ({error}); check that the disk has free space and that the file is a database on a working disk"
            ),
            Some(ErrorCode::CannotOpen) => {
                "cannot open the file; check that its folder exists and is writable".to_string()
            }
            _ => error.to_string(),
        };
        Error::Storage(message)
    }
}
