//! `crosscheck explain <topic>`: what each finding kind and each category
//! means, why it matters, and an example, as ruff's `rule` command does. The
//! texts live here, beside nothing else, so they are easy to keep current.

/// Topics and their documentation.
pub const TOPICS: &[(&str, &str)] = &[
    (
        "conflict",
        "## What it is\nA group of claims about the same subject (the same event, person or count) whose normalised values cannot all be true: a quake at 1:17 p.m. EDT in one source and 18:17 GMT in another (17:17 vs 18:17 UTC).\n\n## Why it matters\nOne of the sources is wrong, or they are not describing the same thing. Either way an editor must look before publishing.\n\n## How it is decided\nValues are normalised first (times to UTC, numbers to units with tolerances), then clustered: values that can be true together (a time inside a stated window, \"about 12,000\" and \"12,400\") are one cluster. More than one cluster is a conflict, reported once with every value and every document that gives it.",
    ),
    (
        "variant",
        "## What it is\nThe same thing written differently: a misspelt name (\"Kir Starmer\" for Keir Starmer), a quote worded differently in two sources.\n\n## Why it matters\nA variant is rarely a contradiction, but it is often a typo or a misquote an editor wants to fix.",
    ),
    (
        "unresolved",
        "## What it is\nA claim crosscheck recognised but could not pin down: \"local time\" in a document with no time zone, \"yesterday\" with no publication date, an ambiguous abbreviation such as IST.\n\n## Why it matters\nIt is never guessed into a conflict. Give the document a `published` time or `timezone` in bundle.toml to resolve it.",
    ),
    (
        "agreement",
        "## What it is\nA fact that two or more documents corroborate, possibly written differently: \"16:00–18:00 Moscow time\" and \"1300–1500 GMT\" are the same window (13:00–15:00 UTC).\n\n## Why it matters\nIt shows an editor what the sources agree on, and why an apparent difference is not a discrepancy.",
    ),
];

/// The text for a topic, if there is one.
pub fn explain(topic: &str) -> Option<&'static str> {
    TOPICS
        .iter()
        .find(|(t, _)| *t == topic)
        .map(|(_, text)| *text)
}
