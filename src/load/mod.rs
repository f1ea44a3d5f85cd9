//! Stage 1, load: from command-line paths to bundles of documents.
//!
//! Takes the paths given to `crosscheck check`, finds the bundles they name
//! (a directory of documents, a `bundle.toml`, or a collection of bundle
//! directories), reads each manifest and each document (UTF-8, BOM and CRLF
//! tolerated) and hands on [`Bundle`]s whose documents know their id, path,
//! publication time and time zone. Problems become [`InputError`]s attached to
//! the bundle; the documents that did load are still checked.

mod discover;
mod document;
mod manifest;

pub use discover::{BundleSource, discover};
pub use document::{Document, Published};
pub use manifest::{DocumentEntry, Manifest};

use std::path::{Path, PathBuf};

use crate::error::{InputError, display_path};

/// A story bundle ready for extraction.
#[derive(Clone, Debug)]
pub struct Bundle {
    /// The bundle as the user named it (directory, or manifest file).
    pub path: String,
    pub title: Option<String>,
    pub documents: Vec<Document>,
    /// What could not be loaded. Non-empty means exit code 2.
    pub errors: Vec<InputError>,
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
        }
    }
}

/// Loads one bundle: its manifest if it has one, otherwise every `.txt` and
/// `.md` file in the directory (but a README), sorted by name.
pub fn load_bundle(source: &BundleSource) -> Bundle {
    let mut errors = Vec::new();
    let (dir, manifest) = match source {
        BundleSource::Directory(dir) => {
            let manifest_path = dir.join("bundle.toml");
            if manifest_path.is_file() {
                (dir.clone(), Manifest::read(&manifest_path))
            } else {
                (dir.clone(), Ok(Manifest::default()))
            }
        }
        BundleSource::Manifest(file) => (
            file.parent().map(Path::to_path_buf).unwrap_or_default(),
            Manifest::read(file),
        ),
    };
    // A manifest that does not parse says nothing reliable about which files
    // are documents or when they were published, so its bundle is reported
    // as an error and not checked; other bundles go on.
    let manifest_ok = manifest.is_ok();
    let manifest = manifest.unwrap_or_else(|e| {
        errors.push(e);
        Manifest::default()
    });

    let entries: Vec<DocumentEntry> = if !manifest_ok {
        Vec::new()
    } else if manifest.documents.is_empty() {
        match document_files(&dir) {
            Ok(files) => files
                .into_iter()
                .map(|file| DocumentEntry::bare(file.file_name().unwrap().to_string_lossy()))
                .collect(),
            Err(e) => {
                errors.push(e);
                Vec::new()
            }
        }
    } else {
        manifest.documents.clone()
    };

    let mut documents: Vec<Document> = Vec::new();
    for entry in &entries {
        match Document::load(&dir, entry) {
            Ok(doc) => {
                if documents.iter().any(|d| d.id == doc.id) {
                    errors.push(InputError::new(
                        &doc.path,
                        format!("a document with id `{}` is already in this bundle", doc.id),
                    ));
                } else {
                    documents.push(doc);
                }
            }
            Err(e) => errors.push(e),
        }
    }
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
    }
}

/// The `.txt` and `.md` files directly inside `dir`, sorted by name.
pub(crate) fn document_files(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    let read = std::fs::read_dir(dir).map_err(|e| InputError::new(dir, e.to_string()))?;
    let mut files: Vec<PathBuf> = read
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && is_document(p))
        .collect();
    files.sort();
    Ok(files)
}

/// A `.txt` or `.md` file is a document, except a README: it describes the
/// bundle (or a collection of bundles) rather than reporting the story.
pub(crate) fn is_document(path: &Path) -> bool {
    let is_readme = path
        .file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.eq_ignore_ascii_case("readme"));
    !is_readme
        && matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt") | Some("md")
        )
}
