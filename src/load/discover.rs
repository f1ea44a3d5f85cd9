//! Finding bundles from command-line paths. A directory with documents (or a
//! `bundle.toml`) is a bundle; a directory without documents of its own is a
//! collection whose sub-directories are bundles; a `.toml` file is a manifest.
//! A sub-directory of a collection that is a symlink leading out of it is
//! refused unless `--follow-symlinks`, as a document would be.

use std::fs;
use std::path::{Path, PathBuf};

use super::{LoadOptions, document_files, is_document};
use crate::error::{InputError, display_path};

/// Where one bundle comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BundleSource {
    Directory(PathBuf),
    Manifest(PathBuf),
}

impl BundleSource {
    pub fn path(&self) -> &Path {
        match self {
            BundleSource::Directory(p) | BundleSource::Manifest(p) => p,
        }
    }
}

/// [`discover_with`] with the default (safe) options.
pub fn discover(paths: &[PathBuf]) -> (Vec<BundleSource>, Vec<InputError>) {
    discover_with(paths, &LoadOptions::default())
}

/// Turns the paths given on the command line into bundle sources, in the
/// order given (collections expand to their sub-directories sorted by name).
/// A path that is not there, or holds no bundle, is an error; the others are
/// still returned.
pub fn discover_with(
    paths: &[PathBuf],
    options: &LoadOptions,
) -> (Vec<BundleSource>, Vec<InputError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_file() {
            if path.extension().and_then(|e| e.to_str()) == Some("toml") {
                sources.push(BundleSource::Manifest(path.clone()));
            } else if is_document(path) {
                errors.push(InputError::new(
                    path,
                    "this is a document, not a bundle: name the directory that holds it",
                ));
            } else {
                errors.push(InputError::new(
                    path,
                    "not a bundle: expected a directory or a bundle.toml",
                ));
            }
        } else if path.is_dir() {
            if is_bundle_dir(path) {
                sources.push(BundleSource::Directory(path.clone()));
            } else {
                let before = (sources.len(), errors.len());
                match fs::read_dir(path) {
                    Ok(read) => {
                        let mut subdirs: Vec<PathBuf> = read
                            .filter_map(|e| e.ok().map(|e| e.path()))
                            .filter(|p| p.is_dir() && is_bundle_dir(p))
                            .collect();
                        subdirs.sort();
                        for sub in subdirs {
                            match leaves(path, &sub, options) {
                                Some(target) => errors.push(InputError::new(
                                    &sub,
                                    format!(
                                        "not read: it is a symlink to {target}, outside the \
                                         collection; --follow-symlinks allows symlinks that \
                                         leave it"
                                    ),
                                )),
                                None => sources.push(BundleSource::Directory(sub)),
                            }
                        }
                    }
                    Err(e) => errors.push(InputError::new(path, e.to_string())),
                }
                if (sources.len(), errors.len()) == before {
                    errors.push(InputError::new(
                        path,
                        "no bundle here: no .txt or .md documents, no bundle.toml, and no sub-directory holding them",
                    ));
                }
            }
        } else if fs::symlink_metadata(path).is_ok() {
            errors.push(InputError::new(
                path,
                "not a bundle: not a directory or a regular file (a fifo, a device, or a \
                 symlink to nothing)",
            ));
        } else {
            errors.push(InputError::new(path, "no such file or directory"));
        }
    }
    (sources, errors)
}

/// Where `sub` really is, when that is outside `collection` and symlinks
/// are not to be followed.
fn leaves(collection: &Path, sub: &Path, options: &LoadOptions) -> Option<String> {
    if options.follow_symlinks {
        return None;
    }
    let root = fs::canonicalize(collection).ok()?;
    let real = fs::canonicalize(sub).ok()?;
    (!real.starts_with(&root)).then(|| display_path(&real))
}

fn is_bundle_dir(dir: &Path) -> bool {
    fs::symlink_metadata(dir.join("bundle.toml")).is_ok()
        || document_files(dir).is_ok_and(|f| !f.is_empty())
}
