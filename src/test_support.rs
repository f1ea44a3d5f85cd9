//! Helpers for the unit tests of the pipeline stages: one document's
//! claims from a text, and how the aligner judges two sentences' claims.

use crate::claim::{Category, Claim};
use crate::compare::align::{PairVerdict, judge_pair};
use crate::load::{Document, Published};
use crate::rules::Rules;

/// The built-in rules, compiled once for all tests.
pub fn rules() -> &'static Rules {
    static RULES: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
    RULES.get_or_init(|| Rules::builtin().expect("built-in rules load"))
}

/// The claims of one category in `text` (published on `published`, a day
/// or an instant, when given).
pub fn claims_of(text: &str, category: Category, published: Option<&str>) -> Vec<Claim> {
    let mut doc = Document::from_text("t", text);
    doc.published = published.map(|p| Published::parse(p).expect("a publication date"));
    crate::analyse_document(&doc, rules())
        .claims
        .into_iter()
        .filter(|c| c.category == category)
        .collect()
}

/// The one claim of a category in `text`.
pub fn one_claim(text: &str, category: Category) -> Claim {
    let found = claims_of(text, category, None);
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.into_iter().next().expect("one claim")
}

/// How the aligner judges the one claim of each text, as if from two
/// documents published the same day.
pub fn verdict(a: &str, b: &str, category: Category) -> PairVerdict {
    let x = one_claim(a, category);
    let mut y = one_claim(b, category);
    y.anchor.doc = 1;
    judge_pair(category, &x, &y, &|_| None, &|_| 0)
}

/// Whether the two texts' claims are aligned as one fact.
pub fn same_fact(a: &str, b: &str, category: Category) -> bool {
    matches!(verdict(a, b, category), PairVerdict::Strong(..))
}

/// The text of every document in `corpus/` (`.txt` and `.md`), in no
/// particular order.
pub fn corpus_texts() -> Vec<String> {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut texts = Vec::new();
    for bundle in std::fs::read_dir(corpus).expect("corpus").flatten() {
        for doc in std::fs::read_dir(bundle.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            if doc
                .path()
                .extension()
                .is_some_and(|e| e == "txt" || e == "md")
            {
                texts.push(std::fs::read_to_string(doc.path()).expect("a document"));
            }
        }
    }
    texts
}
