//! Stage 1, load: from command-line paths to bundles of documents.
//!
//! Takes the paths given to `crosscheck check`, finds the bundles they name
//! (a directory of documents, a `bundle.toml`, or a collection of bundle
//! directories), reads each manifest and each document (UTF-8, BOM and CRLF
//! tolerated) and hands on [`Bundle`]s whose documents know their id, path,
//! publication time and time zone. Problems become [`InputError`]s attached to
//! the bundle (errors, exit code 2, or warnings for entries skipped); the
//! documents that did load are still checked.
//!
//! Input is not trusted: only regular files inside the bundle directory are
//! read (symlinks that leave it only with `--follow-symlinks`), none larger
//! than `--max-document-size`, and a fifo or a device never blocks the run
//! (see [`read`]). Documents are known by their path, bytes and all: a file
//! name that is not UTF-8 is read by its real name and only shown lossily.
#![deny(clippy::unwrap_used, clippy::expect_used)]

mod discover;
mod document;
mod manifest;
pub mod read;

pub use discover::{BundleSource, discover, discover_with};
pub use document::{Document, LoadProblem, Published};
pub use manifest::{DocumentEntry, KeyLocations, Location, Manifest};

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{InputError, display_path};

/// Documents larger than this are refused unless `--max-document-size`
/// says otherwise: 64 MiB is some thousand times a long article, and what
/// a run holds in memory at once stays bounded.
pub const DEFAULT_MAX_DOCUMENT_SIZE: u64 = 64 * 1024 * 1024;

/// How careful loading is. The default is the safe one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadOptions {
    /// Read documents through symlinks that leave the bundle directory.
    pub follow_symlinks: bool,
    /// Largest document (and manifest) read, in bytes.
    pub max_document_size: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            follow_symlinks: false,
            max_document_size: DEFAULT_MAX_DOCUMENT_SIZE,
        }
    }
}

/// Parses a size as given to `--max-document-size`: bytes, or a number
/// with a unit (`64MiB`, `500 KiB`, `1.5GB`; `k`, `M`, `G` are decimal,
/// `KiB`, `MiB`, `GiB` binary).
pub fn parse_size(s: &str) -> Result<u64, String> {
    s.trim()
        .parse::<bytesize::ByteSize>()
        .map(|b| b.as_u64())
        .map_err(|_| format!("`{s}` is not a size (e.g. 64MiB, 500KiB, 1048576)"))
}

/// A story bundle ready for extraction.
#[derive(Clone, Debug)]
pub struct Bundle {
    /// The bundle as the user named it (directory, or manifest file).
    pub path: String,
    pub title: Option<String>,
    pub documents: Vec<Document>,
    /// What could not be loaded. Non-empty means exit code 2.
    pub errors: Vec<InputError>,
    /// What was skipped or looks like a mistake (a fifo in the directory, a
    /// document the manifest does not list); reported, does not fail.
    pub warnings: Vec<InputError>,
    /// The bundle directory, when the bundle came from disk.
    pub dir: Option<PathBuf>,
    /// Every file read or meant to be read (manifest, documents), so that no
    /// output of the run is written over one.
    pub inputs: Vec<PathBuf>,
}

impl Bundle {
    /// A bundle of documents already in memory (tests, benchmarks, callers
    /// embedding the library), with no manifest and no errors.
    pub fn in_memory(path: &str, documents: Vec<Document>) -> Bundle {
        Bundle {
            path: path.to_string(),
            title: None,
            documents,
            errors: Vec::new(),
            warnings: Vec::new(),
            dir: None,
            inputs: Vec::new(),
        }
    }
}

/// Loads one bundle with the default (safe) options.
pub fn load_bundle(source: &BundleSource) -> Bundle {
    load_bundle_with(source, &LoadOptions::default())
}

/// Loads one bundle: its manifest if it has one, otherwise every `.txt` and
/// `.md` file in the directory (but a README), sorted by name.
pub fn load_bundle_with(source: &BundleSource, options: &LoadOptions) -> Bundle {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut inputs = Vec::new();
    let (dir, manifest_path) = match source {
        BundleSource::Directory(dir) => {
            let manifest_path = dir.join("bundle.toml");
            let present = fs::symlink_metadata(&manifest_path).is_ok();
            (dir.clone(), present.then_some(manifest_path))
        }
        BundleSource::Manifest(file) => (
            file.parent().map(Path::to_path_buf).unwrap_or_default(),
            Some(file.clone()),
        ),
    };
    let manifest = match &manifest_path {
        Some(path) => {
            inputs.push(path.clone());
            Manifest::read(path, options)
        }
        None => Ok(Manifest::default()),
    };
    // A manifest that does not parse says nothing reliable about which files
    // are documents or when they were published, so its bundle is reported
    // as an error and not checked; other bundles go on.
    let manifest_ok = manifest.is_ok();
    let mut manifest = manifest.unwrap_or_else(|e| {
        errors.push(e);
        Manifest::default()
    });
    // Entries dropped for a problem still mean the manifest lists the
    // documents: never fall back to reading every file then.
    let lists_documents = !manifest.documents.is_empty() || !manifest.problems.is_empty();
    errors.append(&mut manifest.problems);
    // Listed but dropped, still the user's documents: no output goes there.
    inputs.extend(manifest.dropped.iter().map(|f| dir.join(f)));

    let entries: Vec<DocumentEntry> = if !manifest_ok {
        Vec::new()
    } else if !lists_documents {
        // No manifest, or one with a title but no [[document]]: every
        // document file in the directory is one.
        match document_files(&dir) {
            Ok(files) => files
                .into_iter()
                .filter_map(|file| file.file_name().map(DocumentEntry::bare))
                .collect(),
            Err(e) => {
                errors.push(e);
                Vec::new()
            }
        }
    } else {
        if let Some(manifest_path) = &manifest_path {
            warnings.extend(unlisted(
                &dir,
                manifest_path,
                &manifest.documents,
                &manifest.dropped,
            ));
        }
        manifest.documents.clone()
    };

    let mut documents: Vec<Document> = Vec::new();
    // The same file reached by two names (a symlink beside its target)
    // would agree with itself; it is checked once.
    let mut seen: BTreeMap<PathBuf, String> = BTreeMap::new();
    for entry in &entries {
        inputs.push(dir.join(&entry.file));
        match Document::load(&dir, entry, options) {
            Ok(doc) => {
                let real = fs::canonicalize(&doc.path).unwrap_or_else(|_| doc.path.clone());
                match seen.get(&real) {
                    Some(first) => warnings.push(InputError::new(
                        &doc.path,
                        format!("the same file as {first}; checked once"),
                    )),
                    None => {
                        seen.insert(real, doc.display_path());
                        documents.push(doc);
                    }
                }
            }
            Err(LoadProblem {
                error,
                skipped: true,
            }) => warnings.push(error),
            Err(LoadProblem { error, .. }) => errors.push(error),
        }
    }
    unique_ids(&mut documents, &dir);
    if documents.is_empty() && errors.is_empty() {
        errors.push(InputError::new(
            source.path(),
            "no documents: a bundle needs .txt or .md files, or a bundle.toml listing them",
        ));
    }

    Bundle {
        path: display_path(source.path()),
        title: manifest.title,
        documents,
        errors,
        warnings,
        dir: Some(dir),
        inputs,
    }
}

/// Document ids are file stems, shown in reports and messages. Two files
/// may share one (`a.txt` beside `a.md`, or names that differ only in bytes
/// that are not UTF-8): those are told apart by their file name, then by
/// their path in the bundle, then by a counter in path order — never by
/// dropping one.
fn unique_ids(documents: &mut [Document], dir: &Path) {
    let count = |docs: &[Document]| -> BTreeMap<String, usize> {
        let mut seen = BTreeMap::new();
        for d in docs {
            *seen.entry(d.id.clone()).or_insert(0) += 1;
        }
        seen
    };
    let relative = |d: &Document| display_path(d.path.strip_prefix(dir).unwrap_or(&d.path));
    let seen = count(documents);
    for d in documents.iter_mut() {
        if seen.get(&d.id).is_some_and(|&n| n > 1) {
            d.id = d
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| d.id.clone());
        }
    }
    let seen = count(documents);
    for d in documents.iter_mut() {
        if seen.get(&d.id).is_some_and(|&n| n > 1) {
            d.id = relative(d);
        }
    }
    let seen = count(documents);
    let mut order: Vec<usize> = (0..documents.len())
        .filter(|&i| seen.get(&documents[i].id).is_some_and(|&n| n > 1))
        .collect();
    order.sort_by(|&a, &b| documents[a].path.cmp(&documents[b].path));
    let mut taken: BTreeSet<String> = documents.iter().map(|d| d.id.clone()).collect();
    let mut first: BTreeSet<String> = BTreeSet::new();
    for i in order {
        let id = documents[i].id.clone();
        if first.insert(id.clone()) {
            continue;
        }
        let mut n = 2;
        while taken.contains(&format!("{id}~{n}")) {
            n += 1;
        }
        let new_id = format!("{id}~{n}");
        taken.insert(new_id.clone());
        documents[i].id = new_id;
    }
}

/// Documents in the directory that the manifest does not list: probably
/// forgotten, so each is a warning naming it.
fn unlisted(
    dir: &Path,
    manifest: &Path,
    listed: &[DocumentEntry],
    dropped: &[PathBuf],
) -> Vec<InputError> {
    let listed: BTreeSet<PathBuf> = listed
        .iter()
        .filter_map(|e| manifest::inside_bundle(&e.file.to_string_lossy()).ok())
        .chain(dropped.iter().cloned())
        .collect();
    let Ok(files) = document_files(dir) else {
        return Vec::new();
    };
    files
        .into_iter()
        .filter(|f| {
            f.file_name()
                .is_some_and(|name| !listed.contains(Path::new(name)))
        })
        .map(|f| {
            InputError::new(
                &f,
                format!(
                    "not listed in {}, so not checked; add a [[document]] for it, or move it out \
                     of the bundle",
                    display_path(manifest)
                ),
            )
        })
        .collect()
}

/// The `.txt` and `.md` entries directly inside `dir` (but a README),
/// sorted by name, whatever their type: a fifo or a symlink named like a
/// document is returned too, so that skipping it is reported, not silent.
pub(crate) fn document_files(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    let read = fs::read_dir(dir).map_err(|e| InputError::new(dir, e.to_string()))?;
    let mut files: Vec<PathBuf> = read
        .filter_map(|entry| entry.ok())
        .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()))
        .map(|e| e.path())
        .filter(|p| is_document(p))
        .collect();
    files.sort();
    Ok(files)
}

/// A `.txt` or `.md` file is a document, except a README: it describes the
/// bundle (or a collection of bundles) rather than reporting the story.
pub fn is_document(path: &Path) -> bool {
    let is_readme = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .is_some_and(|s| s.eq_ignore_ascii_case("readme"));
    !is_readme
        && matches!(
            path.extension().map(|e| e.to_string_lossy()).as_deref(),
            Some("txt") | Some("md")
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(parse_size("64MiB"), Ok(64 * 1024 * 1024));
        assert_eq!(parse_size("500 KiB"), Ok(500 * 1024));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("2k"), Ok(2000));
        assert!(parse_size("lots").is_err());
    }

    #[test]
    fn ids_that_clash_are_told_apart_not_dropped() {
        let doc = |path: &str| {
            let mut d = Document::from_text("x", "text");
            d.path = PathBuf::from(path);
            d.id = Path::new(path)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            d
        };
        let mut docs = vec![doc("b/a.txt"), doc("b/a.md"), doc("b/c.txt")];
        unique_ids(&mut docs, Path::new("b"));
        let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a.txt", "a.md", "c"]);

        let mut docs = vec![doc("b/x/a.txt"), doc("b/y/a.txt")];
        unique_ids(&mut docs, Path::new("b"));
        let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["x/a.txt", "y/a.txt"]);
    }
}
