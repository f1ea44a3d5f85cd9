//! Where every output goes: standard output, or a file. All writing of
//! reports, pages and baselines passes through here, so that the safe
//! writer (atomic replace, refusing to overwrite an input; issue 9) is a
//! swap in this one place.

use std::path::Path;

use anyhow::Context;

/// Writes `contents` to `path`, or to standard output when `path` is `None`
/// (through `crosscheck::output::print`: a closed pipe ends the run
/// quietly, a full disk is exit 2 naming standard output).
pub fn write(path: Option<&Path>, contents: &str) -> anyhow::Result<()> {
    match path {
        Some(path) => std::fs::write(path, contents)
            .with_context(|| format!("cannot write {}", path.display())),
        None => Ok(crosscheck::output::print(contents)?),
    }
}
