//! Reading one input file without trusting it: only a regular file, only
//! inside the bundle directory (unless `--follow-symlinks`), never more than
//! the size cap, and never blocking on a fifo or reading a device forever.
//!
//! The checks are made on the path first (for clear messages) and again on
//! the open file handle (so a file swapped for a fifo between the two cannot
//! hang the run): the file is opened non-blocking, its type and size are
//! read from the handle, and at most one byte past the cap is ever read.
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::LoadOptions;
use crate::error::{InputError, display_path};

/// Why a file was not read. The messages name no path: the caller knows
/// whether to put the error on the file or on the manifest line.
#[derive(Debug)]
pub enum ReadError {
    /// Nothing at that path.
    NotFound,
    /// There is something, but nothing to read: a fifo, a device, a
    /// directory, a symlink loop, a symlink to nothing. Skipped with a
    /// warning when found in a directory, an error when listed.
    NotAFile(String),
    /// Refused on purpose: outside the bundle, or over the size cap.
    Refused(String),
    /// The system would not let us (permissions, I/O).
    Io(io::Error),
}

impl ReadError {
    /// The message, for a file of the given kind ("document", "manifest").
    pub fn message(&self, what: &str) -> String {
        match self {
            ReadError::NotFound => format!("cannot read {what}: no such file"),
            ReadError::NotAFile(why) => format!("not read: {why}"),
            ReadError::Refused(why) => format!("not read: {why}"),
            ReadError::Io(e) => format!("cannot read {what}: {e}"),
        }
    }
}

/// Reads `path`. With `root`, the file (after every symlink on the way is
/// resolved) must lie inside `root` unless `options.follow_symlinks`.
pub fn read_regular(
    path: &Path,
    root: Option<&Path>,
    options: &LoadOptions,
) -> Result<Vec<u8>, ReadError> {
    let link = fs::symlink_metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    })?;
    let canonical = match fs::canonicalize(path) {
        Ok(c) => c,
        Err(e) if link.file_type().is_symlink() => {
            let target = fs::read_link(path)
                .map(|t| display_path(&t))
                .unwrap_or_default();
            return Err(ReadError::NotAFile(if is_loop(&e) {
                format!("a symlink loop (→ {target})")
            } else {
                format!("a symlink to `{target}`, which does not exist")
            }));
        }
        Err(e) => return Err(ReadError::Io(e)),
    };
    if let Some(root) = root
        && !options.follow_symlinks
    {
        let root_dir = if root.as_os_str().is_empty() {
            Path::new(".")
        } else {
            root
        };
        let root_canonical = fs::canonicalize(root_dir).map_err(ReadError::Io)?;
        if !canonical.starts_with(&root_canonical) {
            return Err(ReadError::Refused(format!(
                "it is a symlink to {}, outside the bundle directory; crosscheck reads only \
                 files inside the bundle (--follow-symlinks allows symlinks that leave it)",
                display_path(&canonical)
            )));
        }
    }
    let meta = fs::metadata(&canonical).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile(kind_of(&meta)));
    }
    check_size(meta.len(), options)?;

    let mut file = open_nonblocking(&canonical).map_err(|e| {
        if is_loop(&e) {
            ReadError::NotAFile("a symlink loop".to_string())
        } else {
            ReadError::Io(e)
        }
    })?;
    // The handle, not the path: this is the file we will read.
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile(kind_of(&meta)));
    }
    check_size(meta.len(), options)?;
    let cap = options.max_document_size;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // A file can grow after the check, and some (in /proc) report size 0:
    // read one byte past the cap and no further.
    file.by_ref()
        .take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    check_size(bytes.len() as u64, options)?;
    Ok(bytes)
}

/// Reads `path` as UTF-8 text with the same care as a document (a regular
/// file, under the size cap, never blocking): for the files beside the
/// bundles that a run also reads (manifest, baseline, config), so that a
/// fifo or `/dev/zero` given as one is an error naming it, not a hang.
/// `what` names the file in the message ("baseline", "config").
pub fn read_text(path: &Path, what: &str, options: &LoadOptions) -> Result<String, InputError> {
    let bytes =
        read_regular(path, None, options).map_err(|e| InputError::new(path, e.message(what)))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.into_bytes()[..offset]).into_owned();
        InputError::new(path, "not valid UTF-8").at_offset(&text, offset)
    })
}

fn check_size(len: u64, options: &LoadOptions) -> Result<(), ReadError> {
    if len > options.max_document_size {
        return Err(ReadError::Refused(format!(
            "it is {}, over the limit of {} per file (--max-document-size)",
            human_size(len),
            human_size(options.max_document_size)
        )));
    }
    Ok(())
}

/// A size as people write it: `64 MiB`, `2.1 KiB`, `300 B`.
pub fn human_size(bytes: u64) -> String {
    // A whole number of units reads as written on the command line.
    for (unit, name) in [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")] {
        if bytes >= unit && bytes.is_multiple_of(unit) {
            return format!("{} {name}", bytes / unit);
        }
    }
    bytesize::ByteSize(bytes).display().iec().to_string()
}

fn is_loop(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// What a path is when it is not a regular file, said as a reason.
fn kind_of(meta: &fs::Metadata) -> String {
    let t = meta.file_type();
    let kind = if t.is_dir() {
        "a directory"
    } else {
        special_kind(&t)
    };
    format!("{kind}, not a regular file")
}

#[cfg(unix)]
fn special_kind(t: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a fifo (named pipe)"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "something else"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &fs::FileType) -> &'static str {
    "something else"
}

/// Opens for reading without blocking (a fifo with no writer would block
/// `open` forever) and without following a symlink put in the file's place.
fn open_nonblocking(path: &PathBuf) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    options.open(path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn opts(cap: u64) -> LoadOptions {
        LoadOptions {
            follow_symlinks: false,
            max_document_size: cap,
        }
    }

    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("a.txt");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        let err = read_regular(&fifo, Some(dir.path()), &opts(1024)).unwrap_err();
        assert!(err.message("document").contains("fifo"), "{err:?}");
    }

    #[test]
    fn a_symlink_leaving_the_root_is_refused_unless_followed() {
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret.txt");
        fs::write(&secret, "secret").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("a.txt");
        std::os::unix::fs::symlink(&secret, &link).unwrap();
        let err = read_regular(&link, Some(dir.path()), &opts(1024)).unwrap_err();
        assert!(matches!(err, ReadError::Refused(_)), "{err:?}");
        let follow = LoadOptions {
            follow_symlinks: true,
            ..opts(1024)
        };
        assert_eq!(
            read_regular(&link, Some(dir.path()), &follow).unwrap(),
            b"secret"
        );
    }

    #[test]
    fn the_cap_counts_bytes_read_not_the_size_reported() {
        // /proc files report size 0 and /dev/zero is endless: neither is a
        // regular file under the cap.
        let err = read_regular(Path::new("/dev/zero"), None, &opts(1024)).unwrap_err();
        assert!(err.message("document").contains("character device"));
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        fs::write(&big, vec![b'a'; 2048]).unwrap();
        let err = read_regular(&big, None, &opts(1024)).unwrap_err();
        assert!(
            err.message("document")
                .contains("2 KiB, over the limit of 1 KiB"),
            "{}",
            err.message("document")
        );
    }

    #[test]
    fn a_symlink_loop_is_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        let err = read_regular(&a, Some(dir.path()), &opts(1024)).unwrap_err();
        assert!(err.message("document").contains("loop"), "{err:?}");
    }
}
