//! Files the program writes: documents (`-o`), database copies (`backup`, the copy kept
//! before a schema upgrade) and manual pages (`man --dir`).
//!
//! Each goes through a [`Target`], checked before anything is written: never a folder, and
//! never the database or one of its `-wal`, `-shm` and `-journal` companions, compared by
//! file identity rather than by spelling (`./seminar.db`, a symbolic or a hard link).
//!
//! - A regular file, a name that does not exist yet, or a symbolic link is replaced
//!   atomically: the bytes go to a temporary file beside it, which is synced and renamed over
//!   the name. A link is replaced itself; the file it points to is left alone.
//! - A device, a FIFO or a socket, and the process's own descriptors (`/dev/stdout`), are
//!   written in place: never renamed over, never replaced by a regular file.
//!
//! Temporary files are called `.seminar-<kind>-…` and are locked (`flock`) by the process that
//! writes them for as long as it lives. One that nobody holds was left by a process that was
//! killed: the next write into that folder removes it, with its SQLite companions.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::{Error, Result};

/// Who may read a file the program creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Privacy {
    /// A new file is created as the umask allows; a replaced file keeps its mode.
    Public,
    /// Personal data (contacts, a copy of the database): a new file is created 0600; a
    /// replaced file keeps its mode, but never more open than 0600.
    Private,
}

/// What a file is, which names its temporary files and, in error lines, the argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An export, agenda or listing written with `-o`.
    Document,
    /// A copy of the database (`backup FILE`, the copy before an upgrade).
    DatabaseCopy,
    /// A manual page written by `man --dir`.
    ManualPage,
}

impl Kind {
    fn field(self) -> &'static str {
        match self {
            Kind::Document => "output",
            Kind::DatabaseCopy => "file",
            Kind::ManualPage => "dir",
        }
    }

    fn temporary_prefix(self) -> &'static str {
        match self {
            Kind::Document => ".seminar-export-",
            Kind::DatabaseCopy => ".seminar-backup-",
            Kind::ManualPage => ".seminar-page-",
        }
    }
}

const KINDS: [Kind; 3] = [Kind::Document, Kind::DatabaseCopy, Kind::ManualPage];

/// The files SQLite keeps beside a database while it is in use.
pub const SQLITE_COMPANIONS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// A checked place to write a file.
#[derive(Debug)]
pub struct Target {
    path: PathBuf,
    kind: Kind,
    in_place: Option<InPlace>,
}

/// How a file that must not be replaced is written.
#[derive(Debug, Clone, Copy)]
enum InPlace {
    /// A device, FIFO or socket: opened and written.
    Special,
    /// A regular file reached through the process's own descriptors (`/dev/stdout` while
    /// stdout is redirected to a file): appended to, as the stream would be.
    Descriptor,
}

impl Target {
    /// Checks `path` as a place for a file of `kind`, next to the database at `database`.
    pub fn check(path: &Path, kind: Kind, database: &Path) -> Result<Target> {
        let field = kind.field();
        let followed = std::fs::metadata(path);
        if followed.as_ref().is_ok_and(|metadata| metadata.is_dir()) {
            return Err(Error::usage(format!(
                "{field}: {} is a folder; give a file name",
                path.display()
            )));
        }
        if let Some(which) = database_file(path, database) {
            return Err(Error::usage(format!(
                "{field}: {} is {which}; give another file name",
                path.display()
            )));
        }
        let in_place = if kind == Kind::ManualPage {
            // Pages never follow links: a link is replaced itself.
            match std::fs::symlink_metadata(path) {
                Ok(metadata) if !metadata.is_file() && !metadata.is_symlink() => {
                    Some(InPlace::Special)
                }
                _ => None,
            }
        } else {
            match &followed {
                Ok(metadata) if !metadata.is_file() => Some(InPlace::Special),
                Ok(_) if reaches_process_descriptors(path) => Some(InPlace::Descriptor),
                _ => None,
            }
        };
        Ok(Target {
            path: path.to_path_buf(),
            kind,
            in_place,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Refuses a target that can only be written in place (a device, a FIFO): for files that
    /// SQLite writes, which need a regular file.
    pub fn require_regular(&self) -> Result<()> {
        match self.in_place {
            None => Ok(()),
            Some(_) => Err(Error::usage(format!(
                "{}: {} is not a regular file; give the name of a file to create or replace",
                self.kind.field(),
                self.path.display()
            ))),
        }
    }

    /// Writes `bytes` as the whole file: in place for a device or a FIFO, else atomically.
    pub fn write(&self, bytes: &[u8], privacy: Privacy) -> Result<()> {
        match self.in_place {
            Some(way) => {
                let mut file = OpenOptions::new()
                    .write(true)
                    .append(matches!(way, InPlace::Descriptor))
                    .open(&self.path)
                    .map_err(|error| self.failed(error))?;
                file.write_all(bytes)
                    .and_then(|()| file.flush())
                    .map_err(|error| self.failed(error))
            }
            None => self.replace_with(privacy, |staged| {
                staged
                    .as_file_mut()
                    .write_all(bytes)
                    .map_err(|error| self.failed(error))
            }),
        }
    }

    /// Writes the whole file with what `fill` writes as it goes: in place for a device or a
    /// FIFO, else into a temporary file that replaces it only once `fill` has succeeded.
    pub fn write_with(
        &self,
        privacy: Privacy,
        fill: impl FnOnce(&mut dyn Write) -> Result<()>,
    ) -> Result<()> {
        let labelled = |error: Error| match error {
            Error::Io(error) => self.failed(error),
            other => other,
        };
        match self.in_place {
            Some(way) => {
                let file = OpenOptions::new()
                    .write(true)
                    .append(matches!(way, InPlace::Descriptor))
                    .open(&self.path)
                    .map_err(|error| self.failed(error))?;
                let mut buffered = std::io::BufWriter::new(file);
                fill(&mut buffered).map_err(labelled)?;
                buffered.flush().map_err(|error| self.failed(error))
            }
            None => self.replace_with(privacy, |staged| {
                let mut buffered = std::io::BufWriter::new(staged.as_file_mut());
                fill(&mut buffered).map_err(labelled)?;
                buffered.flush().map_err(|error| self.failed(error))
            }),
        }
    }

    /// Replaces the file atomically with what `fill` writes into a temporary file beside it
    /// (by its handle or its path). Stale temporary files in that folder are removed first.
    pub fn replace_with(
        &self,
        privacy: Privacy,
        fill: impl FnOnce(&mut NamedTempFile) -> Result<()>,
    ) -> Result<()> {
        self.require_regular()?;
        let folder = folder_of(&self.path);
        remove_stale_temporaries(folder);
        let mut staged = self.create_temporary(folder, privacy)?;
        fill(&mut staged)?;
        let file = staged.as_file();
        if let Ok(existing) = std::fs::metadata(&self.path)
            && existing.is_file()
        {
            file.set_permissions(kept_permissions(existing.permissions(), privacy))
                .map_err(|error| self.failed(error))?;
        }
        file.sync_all().map_err(|error| self.failed(error))?;
        if self.kind == Kind::DatabaseCopy {
            // A log left beside an older file of that name must not be read as the new one's.
            for suffix in ["-wal", "-shm"] {
                match std::fs::remove_file(with_suffix(&self.path, suffix)) {
                    Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                        return Err(self.failed(error));
                    }
                    _ => {}
                }
            }
        }
        staged
            .persist(&self.path)
            .map_err(|error| self.failed(error.error))?;
        Ok(())
    }

    /// A temporary file in `folder`, locked by this process until it is persisted or dropped.
    /// A cleaner in another process may remove it between its creation and the lock; then the
    /// name no longer leads to it, and another is made.
    fn create_temporary(&self, folder: &Path, privacy: Privacy) -> Result<NamedTempFile> {
        let mut builder = tempfile::Builder::new();
        builder.prefix(self.kind.temporary_prefix());
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(
            match privacy {
                Privacy::Public => 0o666,
                Privacy::Private => 0o600,
            },
        ));
        #[cfg(not(unix))]
        let _ = privacy;
        loop {
            let staged = builder
                .tempfile_in(folder)
                .map_err(|error| self.failed(error))?;
            staged
                .as_file()
                .lock()
                .map_err(|error| self.failed(error))?;
            let held = identity_of(staged.as_file().metadata().ok().as_ref());
            let named = identity_of(std::fs::symlink_metadata(staged.path()).ok().as_ref());
            if held.is_some() && held == named {
                return Ok(staged);
            }
        }
    }

    fn failed(&self, error: std::io::Error) -> Error {
        // The system's own words, without the temporary file's name that tempfile adds.
        let error = error
            .raw_os_error()
            .map_or(error, std::io::Error::from_raw_os_error);
        Error::Output(format!(
            "{}: cannot write {}: {error}",
            self.kind.field(),
            self.path.display()
        ))
    }
}

fn kept_permissions(existing: std::fs::Permissions, privacy: Privacy) -> std::fs::Permissions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = existing.mode() & 0o7777;
        std::fs::Permissions::from_mode(match privacy {
            Privacy::Public => mode,
            Privacy::Private => mode & 0o600,
        })
    }
    #[cfg(not(unix))]
    {
        let _ = privacy;
        existing
    }
}

/// The folder a file is in (`.` for a bare name).
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// `path` with `suffix` appended to its file name (`seminar.db` -> `seminar.db-wal`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// What file of the database `path` is, if it is one: the database itself or one of its
/// companions, existing or not (then the same name in the same folder).
fn database_file(path: &Path, database: &Path) -> Option<String> {
    let target = Location::of(path)?;
    if Location::of(database).as_ref() == Some(&target) {
        return Some(format!("the database itself ({})", database.display()));
    }
    SQLITE_COMPANIONS.iter().find_map(|suffix| {
        let companion = with_suffix(database, suffix);
        (Location::of(&companion).as_ref() == Some(&target)).then(|| {
            format!(
                "the database's {suffix} file ({}), which SQLite needs",
                companion.display()
            )
        })
    })
}

/// Where a file is, whatever the spelling of its path: an existing file by its identity
/// (links lead to the file), an absent one by its folder's identity and its name.
#[derive(Debug, PartialEq, Eq)]
enum Location {
    File(Identity),
    Absent { folder: Identity, name: OsString },
}

impl Location {
    fn of(path: &Path) -> Option<Location> {
        match std::fs::metadata(path) {
            Ok(metadata) => identity_of(Some(&metadata)).map(Location::File),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                let folder = identity_of(std::fs::metadata(folder_of(path)).ok().as_ref())?;
                Some(Location::Absent {
                    folder,
                    name: path.file_name()?.to_os_string(),
                })
            }
            Err(_) => None,
        }
    }
}

#[cfg(unix)]
type Identity = (u64, u64);

#[cfg(unix)]
fn identity_of(metadata: Option<&std::fs::Metadata>) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    metadata.map(|metadata| (metadata.dev(), metadata.ino()))
}

#[cfg(not(unix))]
type Identity = (u64, u128);

#[cfg(not(unix))]
fn identity_of(metadata: Option<&std::fs::Metadata>) -> Option<Identity> {
    // No inode numbers: a file is told by its size and modification time.
    metadata.map(|metadata| {
        (
            metadata.len(),
            metadata
                .modified()
                .ok()
                .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |since| since.as_nanos()),
        )
    })
}

/// Whether `path` leads, through links, into `/proc` (`/dev/stdout`, `/dev/fd/1`): the
/// process's own descriptors, which are written to, never replaced.
fn reaches_process_descriptors(path: &Path) -> bool {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        let folder = folder_of(&current).to_path_buf();
        if folder
            .canonicalize()
            .is_ok_and(|folder| folder.starts_with("/proc"))
        {
            return true;
        }
        match std::fs::read_link(&current) {
            Ok(next) => current = folder.join(next),
            Err(_) => return false,
        }
    }
    false
}

/// Removes the temporary files of this program in `folder` that no process holds any more
/// (left by a process that was killed), with their SQLite companions. Best effort: a file
/// that cannot be removed is left for the next time.
pub fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let names: BTreeSet<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| {
            KINDS
                .iter()
                .any(|kind| name.starts_with(kind.temporary_prefix()))
        })
        .collect();
    let main_name = |name: &str| -> String {
        SQLITE_COMPANIONS
            .iter()
            .find_map(|suffix| name.strip_suffix(suffix))
            .unwrap_or(name)
            .to_string()
    };
    let is_plain_file =
        |path: &Path| std::fs::symlink_metadata(path).is_ok_and(|metadata| metadata.is_file());
    let remove_with_companions = |main: &Path| {
        for suffix in SQLITE_COMPANIONS {
            let companion = with_suffix(main, suffix);
            if is_plain_file(&companion) {
                let _ = std::fs::remove_file(companion);
            }
        }
    };
    for name in &names {
        let path = folder.join(name);
        if main_name(name) != *name {
            if !names.contains(&main_name(name)) && is_plain_file(&path) {
                // The file it belonged to is gone.
                let _ = std::fs::remove_file(&path);
            }
            continue;
        }
        if !is_plain_file(&path) {
            continue;
        }
        let Ok(file) = File::open(&path) else {
            continue;
        };
        if file.try_lock().is_ok() {
            remove_with_companions(&path);
            let _ = std::fs::remove_file(&path);
        }
    }
}
