//! Stable finding ids: a fixed hash (SHA-256, first 64 bits in hex) of the
//! check, the subject key, the sorted normalised values and the sorted ids of
//! the documents involved. Never line numbers or offsets, so a baseline keyed
//! on the id survives edits that move text around.

use sha2::{Digest, Sha256};

use super::{FindingValue, Kind};
use crate::claim::{Category, Subject};

pub fn fingerprint(
    kind: Kind,
    category: Category,
    subject: &Subject,
    values: &[FindingValue],
    doc_ids: &[String],
) -> String {
    let mut shown: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
    shown.sort_unstable();
    let mut docs: Vec<&str> = values
        .iter()
        .flat_map(|v| v.evidence.iter().map(|a| doc_ids[a.doc].as_str()))
        .collect();
    docs.sort_unstable();
    docs.dedup();
    let mut hasher = Sha256::new();
    for part in [kind.as_str(), category.as_str(), subject.key.as_str()] {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    for v in shown {
        hasher.update(v.as_bytes());
        hasher.update([1]);
    }
    for d in docs {
        hasher.update(d.as_bytes());
        hasher.update([2]);
    }
    let digest = hasher.finalize();
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}
