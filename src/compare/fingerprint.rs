//! Stable finding ids. Two fixed hashes (SHA-256, first 64 bits in hex):
//!
//! - the finding id, from the kind, the category, the subject key and the
//!   sorted distinct normalised values;
//! - the subject id, from the category and the subject key alone.
//!
//! Neither looks at document ids, file names, lines, offsets or which
//! documents are involved, so a baseline keyed on them survives renaming a
//! file, moving paragraphs, and a new article that agrees with a value
//! already there. When a figure changes, the finding id changes but the
//! subject id does not: that is how the baseline tells a finding that
//! *changed* (and keeps its reason) from a new one.

use sha2::{Digest, Sha256};

use super::{Finding, FindingValue, Kind};
use crate::claim::{Category, Subject};

/// The finding id: kind, category, subject key and normalised values.
pub fn fingerprint(
    kind: Kind,
    category: Category,
    subject: &Subject,
    values: &[FindingValue],
) -> String {
    let mut shown: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
    shown.sort_unstable();
    shown.dedup();
    let mut hasher = Sha256::new();
    for part in [kind.as_str(), category.as_str(), subject.key.as_str()] {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    for v in shown {
        hasher.update(v.as_bytes());
        hasher.update([1]);
    }
    hex(&hasher.finalize())
}

/// The subject id: what the finding is about, whatever the values. The kind
/// is left out on purpose: a variant that becomes a conflict when a figure
/// changes is the same finding, changed.
pub fn subject_fingerprint(category: Category, subject: &Subject) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"subject");
    hasher.update([0]);
    hasher.update(category.as_str().as_bytes());
    hasher.update([0]);
    hasher.update(subject.key.as_bytes());
    hex(&hasher.finalize())
}

impl Finding {
    /// See [`subject_fingerprint`].
    pub fn subject_id(&self) -> String {
        subject_fingerprint(self.category, &self.subject)
    }
}

fn hex(digest: &[u8]) -> String {
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Anchor, Span};

    fn value(v: &str, doc: usize, at: usize) -> FindingValue {
        FindingValue {
            value: v.to_string(),
            evidence: vec![Anchor {
                doc,
                span: Span::new(at, at + 3),
            }],
        }
    }

    #[test]
    fn ignores_documents_and_positions() {
        let subject = Subject::new("quake@magnitude", "earthquake (magnitude)");
        let a = fingerprint(
            Kind::Conflict,
            Category::Quantity,
            &subject,
            &[value("6.8", 0, 10), value("6.9", 1, 20)],
        );
        // Other documents, other offsets, values in another order, one value
        // given twice: same id.
        let b = fingerprint(
            Kind::Conflict,
            Category::Quantity,
            &subject,
            &[value("6.9", 3, 99), value("6.8", 2, 1), value("6.8", 4, 7)],
        );
        assert_eq!(a, b);
        // A changed figure: another id, the same subject id.
        let c = fingerprint(
            Kind::Conflict,
            Category::Quantity,
            &subject,
            &[value("6.8", 0, 10), value("7.1", 1, 20)],
        );
        assert_ne!(a, c);
        assert_eq!(
            subject_fingerprint(Category::Quantity, &subject),
            subject_fingerprint(Category::Quantity, &subject.clone())
        );
        assert_ne!(
            subject_fingerprint(Category::Quantity, &subject),
            subject_fingerprint(Category::Duration, &subject)
        );
        assert_eq!(a.len(), 16);
    }
}
