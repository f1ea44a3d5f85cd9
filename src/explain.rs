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
    (
        "time",
        "## What it checks\nClock times of an event (\"at 1:17 p.m. EDT\", \"between 1300 and 1500 GMT\", \"at noon local time\"), converted to UTC through the IANA zone named in the text, or the document's own `timezone` for \"local time\", on the date in question so daylight saving is right.\n\n## When it is a conflict\nTimes of the same event (same kind, same day) that cannot be the same moment: 17:17 UTC against 18:17 UTC. A time inside a stated window, or within the precision written (\"about 3 p.m.\"), agrees.\n\n## When it is unresolved\n\"local time\" in a document with no zone, an ambiguous abbreviation (IST, CST outside the Americas), an hour that a clock change repeats or skips.",
    ),
    (
        "date",
        "## What it checks\nThe day an event happened (\"March 18, 2025\", \"on Sunday\", \"yesterday\", \"18/03\"), with relative dates anchored on the document's publication time and numeric dates read in the order of the document's zone.\n\n## When it is a conflict\nThe same event put on different days by different documents, or a weekday that does not match its date. Events of one kind far apart in time are taken to be different events, not a conflict.",
    ),
    (
        "duration",
        "## What it checks\nHow long something lasted (\"over two and a half hours\", \"a 90-minute stop\", \"for six hours\"), in one unit, with hedges as intervals.\n\n## When it is a conflict\nTwo lengths of the same thing that cannot both be true. A scheduled slot against an actual length is at most an info note.",
    ),
    (
        "quantity",
        "## What it checks\nCounts, money, percentages and measures, attached to what they count (\"175 prisoners\", \"a depth of 40 kilometers\") and normalised to one unit, with \"at least\", \"about\", \"more than\" and rounding turned into intervals.\n\n## When it is a conflict\nTwo figures for the same thing whose intervals do not meet: \"more than 200\" against \"about 120\". Rounding (52.3% and 52 per cent), unit conversion (40 km and 25 miles) and different currencies are never conflicts; a toll that rises in later reports is an update.",
    ),
    (
        "role",
        "## What it checks\nWho holds which office, with tense markers: former, ex-, then-, acting, incumbent, outgoing, -elect. Offices with dates in rules/entities.toml are also checked against the date of the event told.\n\n## When it is a conflict\n\"former US President Donald Trump\" in one source and \"US President\" in others, for the same time; or a role the entity table contradicts on that date. \"outgoing\" or \"acting\" against the plain title is not a conflict.",
    ),
    (
        "name",
        "## What it checks\nPeople and places, resolved to canonical entities through the aliases in rules/entities.toml (Kiev/Kyiv, Zelensky/Zelenskyy) and through similarity to known names.\n\n## When it is a variant\nA misspelling of a known entity (\"Kir Starmer\"), or one person spelt two ways across the bundle (with or without diacritics). A name that appears once and matches nothing is no finding.",
    ),
    (
        "quote",
        "## What it checks\nDirect quotes and their speakers (\"…,\" Peskov said), matched across documents by speaker and wording.\n\n## When it is a variant or a conflict\nThe same quote worded differently is a variant, showing the words that differ (a changed number, negation or name is a warning). The same words attributed to different speakers are a conflict. Identical quotes are an agreement.",
    ),
];

/// The text for a topic, if there is one.
pub fn explain(topic: &str) -> Option<&'static str> {
    TOPICS
        .iter()
        .find(|(t, _)| *t == topic)
        .map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Category;

    /// Every finding kind and every category can be explained.
    #[test]
    fn every_kind_and_category_has_a_text() {
        for topic in ["conflict", "variant", "unresolved", "agreement"] {
            assert!(explain(topic).is_some(), "no text for {topic}");
        }
        for c in Category::ALL {
            assert!(explain(c.as_str()).is_some(), "no text for {c}");
        }
    }
}
