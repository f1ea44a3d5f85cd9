//! Writing what crosscheck produces without ever losing a user's file.
//!
//! Takes the bytes a subcommand has rendered (a report, a baseline, a rule
//! file, an explanation) and where they go, and hands back only an
//! [`OutputError`] that `main` turns into an exit code:
//!
//! - [`Inputs`] knows every file the run read (documents, manifests, rule
//!   files, the baseline) and every bundle directory; [`Inputs::check`]
//!   refuses an output path that is one of them (same canonical path or same
//!   inode, so a hard link or a `./` prefix does not slip through) or that
//!   would be read back as a document on the next run.
//! - [`write_file`] writes atomically: a temporary file in the same
//!   directory, flushed and synced, then renamed over the target, so an
//!   interrupted run or a full disk leaves the old file whole. A device or
//!   fifo (`-o /dev/stdout`) is written to directly; it is not a file that
//!   could be lost, and renaming over it would replace the device.
//! - [`refuse_unparsable`] keeps a file crosscheck cannot read as what it is
//!   about to write (a baseline with hand-written reasons that has a syntax
//!   error) from being replaced.
//! - [`print`] is the one way to standard output: a closed pipe
//!   (`crosscheck … | head`) is [`OutputError::ClosedPipe`], which `main`
//!   ends quietly with exit code 0; any other failure (a full disk) is an
//!   error naming standard output, exit code 2. [`eprint`] writes messages
//!   and never fails: when standard error is gone there is no one to tell.
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use crate::error::{InputError, display_path};

/// Why an output was not written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The reader went away (`| head`): not a failure, stop quietly.
    #[error("standard output was closed")]
    ClosedPipe,
    /// Writing would destroy or pollute an input; nothing was written.
    #[error("refusing to write {path}: {reason}")]
    Refused { path: String, reason: String },
    /// The write failed (no space, no permission, no such directory); the
    /// old file, if any, is untouched.
    #[error("cannot write {path}: {cause}")]
    Io { path: String, cause: io::Error },
}

impl OutputError {
    fn io(path: &Path, source: io::Error) -> Self {
        OutputError::Io {
            path: display_path(path),
            cause: source,
        }
    }
}

/// One file the run read, by canonical path and by identity on disk.
#[derive(Clone, Debug)]
struct InputFile {
    canonical: PathBuf,
    #[cfg(unix)]
    id: Option<(u64, u64)>,
    /// What it is, for the message ("a document of bundle corpus/x").
    role: String,
}

/// Every file and bundle directory a run read from; outputs must land on
/// none of them.
#[derive(Clone, Debug, Default)]
pub struct Inputs {
    files: Vec<InputFile>,
    /// Bundle and collection directories (canonical), with how they were
    /// named: a `.txt` or `.md` written directly inside one would be a
    /// document (or turn a collection into a bundle) on the next run.
    dirs: Vec<(PathBuf, String)>,
}

impl Inputs {
    pub fn new() -> Self {
        Inputs::default()
    }

    /// Records a file read (or meant to be read) as input. A path that
    /// does not exist is skipped: nothing there to protect.
    pub fn add_file(&mut self, path: &Path, role: impl Into<String>) {
        if let Ok(canonical) = fs::canonicalize(path) {
            self.files.push(InputFile {
                #[cfg(unix)]
                id: file_id(&canonical),
                canonical,
                role: role.into(),
            });
        }
    }

    /// Records a bundle or collection directory.
    pub fn add_dir(&mut self, dir: &Path) {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(canonical) = fs::canonicalize(dir) {
            self.dirs.push((canonical, display_path(dir)));
        }
    }

    /// Records what a loaded bundle read: its manifest, every document it
    /// listed or found, and its directory.
    pub fn add_bundle(&mut self, bundle: &crate::load::Bundle) {
        for path in &bundle.inputs {
            let what = if path.extension().is_some_and(|e| e == "toml") {
                "the manifest"
            } else {
                "a document"
            };
            self.add_file(path, format!("{what} of bundle {}", bundle.path));
        }
        if let Some(dir) = &bundle.dir {
            self.add_dir(dir);
        }
    }

    /// Whether `out` may be written: not an input, not inside a bundle
    /// directory under a name the loader would take for a document.
    pub fn check(&self, out: &Path) -> Result<(), OutputError> {
        let refuse = |reason: String| OutputError::Refused {
            path: display_path(out),
            reason,
        };
        let target = resolve(out).map_err(|e| OutputError::io(out, e))?;
        if target.is_dir() {
            return Err(refuse("it is a directory".to_string()));
        }
        #[cfg(unix)]
        let id = file_id(&target);
        for input in &self.files {
            #[cfg(unix)]
            let same_inode = id.is_some() && id == input.id;
            #[cfg(not(unix))]
            let same_inode = false;
            if input.canonical == target || same_inode {
                return Err(refuse(format!(
                    "it is {} ({}); crosscheck never overwrites what it reads",
                    input.role,
                    display_path(&input.canonical)
                )));
            }
        }
        let parent = target.parent().unwrap_or(Path::new("/"));
        if crate::load::is_document(&target)
            && let Some((_, shown)) = self.dirs.iter().find(|(d, _)| d == parent)
        {
            return Err(refuse(format!(
                "it would sit in {shown} as a document and be checked as one on the next run; \
                 write it outside the bundle or under another extension (.html, .json, .log)"
            )));
        }
        Ok(())
    }
}

#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// The path an output really lands on: a symlink is followed (the file it
/// points to is the one replaced, and the link stays a link), and a path
/// that does not exist yet is made absolute through its parent directory.
fn resolve(out: &Path) -> io::Result<PathBuf> {
    match fs::canonicalize(out) {
        Ok(p) => Ok(p),
        Err(e) if fs::symlink_metadata(out).is_ok() => Err(io::Error::new(
            e.kind(),
            format!("it is a symlink that cannot be followed ({e})"),
        )),
        Err(_) => {
            let name = out
                .file_name()
                .ok_or_else(|| io::Error::other("the path does not name a file"))?;
            let parent = match out.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            Ok(fs::canonicalize(parent)?.join(name))
        }
    }
}

/// Writes `bytes` to `out`. A regular file (or a new one) is replaced
/// atomically: temporary file beside it, synced, renamed over it, keeping
/// the old file's permissions. A device or fifo is written to directly.
pub fn write_file(out: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    let target = resolve(out).map_err(|e| OutputError::io(out, e))?;
    if let Ok(meta) = fs::metadata(&target) {
        if meta.is_dir() {
            return Err(OutputError::Refused {
                path: display_path(out),
                reason: "it is a directory".to_string(),
            });
        }
        if !meta.is_file() {
            let mut f = fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(|e| OutputError::io(out, e))?;
            return f
                .write_all(bytes)
                .and_then(|()| f.flush())
                .map_err(|e| OutputError::io(out, e));
        }
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".crosscheck-").suffix(".tmp");
    #[cfg(unix)]
    {
        // New files get the usual 0666 less the umask, not tempfile's 0600;
        // a replaced file keeps its own mode (set below).
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| OutputError::io(out, e))?;
    if let Ok(meta) = fs::metadata(&target) {
        fs::set_permissions(tmp.path(), meta.permissions()).map_err(|e| OutputError::io(out, e))?;
    }
    tmp.write_all(bytes)
        .and_then(|()| tmp.flush())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| OutputError::io(out, e))?;
    // On failure the temporary file is removed when `tmp` is dropped.
    tmp.persist(&target)
        .map_err(|e| OutputError::io(out, e.error))?;
    Ok(())
}

/// Refuses to replace an existing file that `parse` cannot read: it is not
/// what crosscheck wrote, or it was edited by hand and broken, and either
/// way it holds something (a baseline's reasons) that would be lost. The
/// error names the file and what is wrong with it.
pub fn refuse_unparsable(
    out: &Path,
    what: &str,
    parse: impl FnOnce(&Path) -> Result<(), InputError>,
) -> Result<(), OutputError> {
    let exists = fs::metadata(out).is_ok_and(|m| m.is_file());
    if !exists {
        return Ok(());
    }
    parse(out).map_err(|e| OutputError::Refused {
        path: display_path(out),
        reason: format!(
            "it exists and is not a {what} crosscheck can read ({e}); \
             fix it or move it away, it was left as it is"
        ),
    })
}

/// Two outputs named alike would overwrite each other.
pub fn distinct(a: &Path, b: &Path) -> Result<(), OutputError> {
    let same = match (resolve(a), resolve(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => lexical(a) == lexical(b),
    };
    if same {
        return Err(OutputError::Refused {
            path: display_path(b),
            reason: "it is also where another output of this run goes".to_string(),
        });
    }
    Ok(())
}

fn lexical(p: &Path) -> Vec<Component<'_>> {
    p.components().filter(|c| *c != Component::CurDir).collect()
}

/// Writes to standard output, flushing before it returns. A closed pipe is
/// [`OutputError::ClosedPipe`]; any other failure names standard output.
pub fn print(text: &str) -> Result<(), OutputError> {
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| match e.kind() {
            io::ErrorKind::BrokenPipe => OutputError::ClosedPipe,
            _ => OutputError::io(Path::new("standard output"), e),
        })
}

/// Writes a message to standard error. Never panics (as `eprintln!` does
/// when standard error is closed or full): there is no one left to tell.
pub fn eprint(text: &str) {
    let mut stderr = io::stderr().lock();
    let _ = stderr
        .write_all(text.as_bytes())
        .and_then(|()| stderr.flush());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_input_is_refused_by_any_name() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("a.txt");
        fs::write(&doc, "text").unwrap();
        let mut inputs = Inputs::new();
        inputs.add_file(&doc, "a document");
        assert!(matches!(
            inputs.check(&dir.path().join("./a.txt")),
            Err(OutputError::Refused { .. })
        ));
        #[cfg(unix)]
        {
            let link = dir.path().join("hard-link.out");
            fs::hard_link(&doc, &link).unwrap();
            assert!(inputs.check(&link).is_err());
        }
        assert!(inputs.check(&dir.path().join("report.json")).is_ok());
    }

    #[test]
    fn a_document_name_inside_a_bundle_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut inputs = Inputs::new();
        inputs.add_dir(dir.path());
        let err = inputs.check(&dir.path().join("report.md")).unwrap_err();
        assert!(err.to_string().contains("next run"), "{err}");
        assert!(inputs.check(&dir.path().join("report.html")).is_ok());
    }

    #[test]
    fn atomic_write_replaces_and_keeps_mode() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("report.json");
        fs::write(&out, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&out, fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_file(&out, b"new").unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&out).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o640);
        }
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("missing-dir").join("report.json");
        assert!(matches!(
            write_file(&out, b"x"),
            Err(OutputError::Io { .. })
        ));
    }

    #[test]
    fn an_unparsable_file_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("baseline.toml");
        assert!(refuse_unparsable(&out, "baseline", |_| Ok(())).is_ok());
        fs::write(&out, "[[finding]\nreason = \"kept\"").unwrap();
        let err = refuse_unparsable(&out, "baseline", |p| {
            Err(InputError::new(p, "expected `]]`"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("expected `]]`"), "{err}");
    }

    #[test]
    fn two_outputs_on_one_path_are_refused() {
        assert!(distinct(Path::new("out/a.json"), Path::new("./out/a.json")).is_err());
        assert!(distinct(Path::new("a.json"), Path::new("b.toml")).is_ok());
    }
}
