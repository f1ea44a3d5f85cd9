//! The quote judge: which quotes across the bundle are one statement, and
//! whether the sources quote it the same way and from the same mouth.
//!
//! Takes every quote claim of the bundle (they share one subject, `quotes`,
//! because a misattribution is only found by comparing across speakers).
//! Candidate pairs come from an inverted index on content words (never all
//! pairs), from different documents only. Two quotes are one statement when
//! their words align (a longest common subsequence over words, where
//! spelling variants of five letters or more match: "normalisation" and
//! "normalization"):
//!
//! - same speaker: loosely, because outlets translate and trim. At least 70%
//!   of the shorter quote's words in order plus two shared content words
//!   ("as much as they deem necessary" in "…for as long as they deem
//!   necessary"), or half of the shorter quote's content words with at least
//!   four of them (Peskov's "large number of questions" in three renderings);
//! - different or unknown speakers: strictly, at least 90% of the shorter
//!   quote's words with four content words and six words in all (or three
//!   content words in ten words aligned), and no content word changed where
//!   both quote, so that two people saying something alike are not called a
//!   misattribution.
//!
//! Findings per statement: a `conflict` (`error`) when attributions next to
//! the quote name different speakers (speakers found only through a pronoun
//! or the sentence around are too uncertain to accuse a source of
//! misattribution); a `variant` when the words differ inside the stretch
//! both quote (a partial quote that only leaves words out at either end is
//! not a change), shown as a word diff `[-old-] {+new+}` against the most
//! supported wording, at `warning` when a number, negation or name changed
//! and `info` otherwise; else, when no conflict was raised, an agreement.
//! Identical quotes never make a variant.

use std::collections::{BTreeMap, BTreeSet};

use super::{Bundle, Comparison, Finding, FindingValue, Group, Kind, Severity, list_docs};
use crate::claim::quote::{QuoteValue, Speaker, Word, WordClass};
use crate::claim::{Anchor, Claim, Subject, Value};

/// Content words found in more quotes than this are not used to find
/// candidate pairs (keeps the pair search near linear on big bundles).
const MAX_POSTINGS: usize = 64;

/// One quote claim with its value.
struct Item<'a> {
    claim: &'a Claim,
    value: &'a QuoteValue,
}

pub fn judge(bundle: &Bundle, group: &Group) -> Comparison {
    let items: Vec<Item> = group
        .claims
        .iter()
        .filter_map(|c| match &c.value {
            Value::Quote(v) if !v.words.is_empty() => Some(Item { claim: c, value: v }),
            _ => None,
        })
        .collect();
    let mut out = Comparison::default();
    for members in statements(&items) {
        judge_statement(bundle, &items, &members, &mut out);
    }
    out
}

/// Groups the items into statements (union of matching pairs), each sorted,
/// in order of their first item; only statements quoted by two or more
/// documents.
///
/// Quotes with the same words from the same speaker (a wire story run by
/// many papers) are one *form*: the index and the word alignment work on
/// forms, so a thousand copies cost what one does and a statement quoted
/// by more documents than [`MAX_POSTINGS`] is still found. Two matching
/// forms join their quotes as matching every pair of quotes from different
/// documents would (see [`join_across`]).
fn statements(items: &[Item]) -> Vec<Vec<usize>> {
    let mut form_of: BTreeMap<String, usize> = BTreeMap::new();
    let mut forms: Vec<Form> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let key = format!("{:?}|{:?}", item.value.speaker, item.value.words);
        let f = *form_of.entry(key).or_insert_with(|| {
            forms.push(Form {
                value: item.value,
                items: Vec::new(),
            });
            forms.len() - 1
        });
        forms[f].items.push(i);
    }
    let mut index: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (f, form) in forms.iter().enumerate() {
        let content: BTreeSet<&str> = form
            .value
            .words
            .iter()
            .filter(|w| w.is_content())
            .map(|w| w.norm.as_str())
            .collect();
        for w in content {
            index.entry(w).or_default().push(f);
        }
    }
    let doc = |i: usize| items[i].claim.anchor.doc;
    let mut parent: Vec<usize> = (0..items.len()).collect();
    // Copies in different documents are one statement when a copy would
    // match another.
    for form in &forms {
        if form.items.iter().any(|&i| doc(i) != doc(form.items[0]))
            && same_statement(form.value, form.value)
        {
            join_across(&mut parent, &form.items, &form.items, &doc);
        }
    }
    let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
    for list in index.values() {
        // A word in very many quotes ("Ukraine" in a war story) tells
        // nothing; quotes that share it share rarer words too.
        if list.len() > MAX_POSTINGS {
            continue;
        }
        for (n, &f) in list.iter().enumerate() {
            for &g in &list[n + 1..] {
                if !seen.insert((f, g)) {
                    continue;
                }
                let (a, b) = (&forms[f], &forms[g]);
                let apart = a
                    .items
                    .iter()
                    .any(|&i| b.items.iter().any(|&j| doc(i) != doc(j)));
                if apart && same_statement(a.value, b.value) {
                    join_across(&mut parent, &a.items, &b.items, &doc);
                }
            }
        }
    }
    quoted_by_two(items, &mut parent)
}

/// The groups of a union-find over the items, each sorted, in order of
/// their first item; only those with quotes from two documents or more.
fn quoted_by_two(items: &[Item], parent: &mut [usize]) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..items.len() {
        let r = root(parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups
        .into_values()
        .filter(|m| {
            let docs: BTreeSet<usize> = m.iter().map(|&i| items[i].claim.anchor.doc).collect();
            docs.len() >= 2
        })
        .collect()
}

/// Quotes with the same words and speaker, and where they are.
struct Form<'a> {
    value: &'a QuoteValue,
    items: Vec<usize>,
}

/// Joins two sets of matching quotes as joining every pair from different
/// documents would, in time linear in their sizes: each quote of one side
/// joins the first quote of the other side and the first one from another
/// document than that (two hubs in different documents). A pair from
/// different documents then always meets through a hub, and quotes in the
/// same document as every quote of the other side join nothing, as before.
fn join_across(parent: &mut [usize], a: &[usize], b: &[usize], doc: &dyn Fn(usize) -> usize) {
    let hubs = |side: &[usize]| -> Vec<usize> {
        let first = side[0];
        let mut h = vec![first];
        h.extend(side.iter().copied().find(|&i| doc(i) != doc(first)));
        h
    };
    let mut union = |x: usize, y: usize| {
        let (r, s) = (root(parent, x), root(parent, y));
        parent[r.max(s)] = r.min(s);
    };
    for (side, other) in [(a, b), (b, a)] {
        let hs = hubs(other);
        for &i in side {
            for &h in &hs {
                if doc(i) != doc(h) {
                    union(i, h);
                }
            }
        }
    }
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// How well two quotes' words align.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overlap {
    /// Words aligned / words of the shorter quote.
    pub contain: f64,
    /// Aligned words that carry content.
    pub content: usize,
    /// `content` / content words of the quote with fewer of them.
    pub content_contain: f64,
    /// Words in the shorter quote.
    pub shorter: usize,
    /// Words aligned.
    pub matched: usize,
}

pub fn overlap(a: &[Word], b: &[Word]) -> Overlap {
    let ops = align(a, b);
    let matched: Vec<(usize, usize)> = ops
        .iter()
        .filter_map(|op| match op {
            Op::Same(i, j) => Some((*i, *j)),
            _ => None,
        })
        .collect();
    let content = matched.iter().filter(|(i, _)| a[*i].is_content()).count();
    let content_a = a.iter().filter(|w| w.is_content()).count();
    let content_b = b.iter().filter(|w| w.is_content()).count();
    let shorter = a.len().min(b.len());
    Overlap {
        contain: ratio(matched.len(), shorter),
        content,
        content_contain: ratio(content, content_a.min(content_b)),
        shorter,
        matched: matched.len(),
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

/// Whether two quotes are one statement (thresholds in the module doc).
pub fn same_statement(a: &QuoteValue, b: &QuoteValue) -> bool {
    let o = overlap(&a.words, &b.words);
    // Ten words in the same order are one quote even when few of them
    // carry content ("They are exhausted, but they are alive and they are
    // free"): nobody else says them so by chance.
    let strict = o.contain >= 0.9
        && ((o.content >= 4 && o.shorter >= 6) || (o.content >= 3 && o.matched >= 10));
    let loose = (o.contain >= 0.7 && o.shorter >= 5 && o.content >= 2)
        || (o.content_contain >= 0.5 && o.content >= 4);
    match (&a.speaker, &b.speaker) {
        (Some(x), Some(y)) if x.same(y) => loose,
        // Across speakers only the same words count: two people saying "we
        // will rebuild every home" and "every school" are not one quote.
        _ => strict && !diff(&a.words, &b.words).content_changed,
    }
}

/// Two words match when equal after folding, when both are ordinary words
/// of five letters or more one edit in four apart (spelling variants:
/// "normalisation"/"normalization", "Zelensky"/"Zelenskyy"), or when both
/// are names sharing a stem of three quarters of the shorter one
/// ("Ukraine"/"Ukrainian", "Russia"/"Russian": translations move between
/// the noun and the adjective). Numbers and negations must be equal.
fn same_word(a: &Word, b: &Word) -> bool {
    same_counted(a, &Letters::of(a), b, &Letters::of(b))
}

/// A word's length in characters and how many of each letter it has
/// (characters folded into 64 bins), counted once per word rather than
/// once per cell of the aligner's table.
struct Letters {
    len: usize,
    bins: [u8; 64],
}

impl Letters {
    fn of(w: &Word) -> Self {
        let mut bins = [0u8; 64];
        let mut len = 0;
        for c in w.norm.chars() {
            len += 1;
            let bin = &mut bins[c as usize % 64];
            *bin = bin.saturating_add(1);
        }
        Letters { len, bins }
    }

    /// At most how many characters the two words have in common, counted
    /// as a multiset (bins merge letters, so this may overcount, never
    /// undercount; a bin full to 255 may, so such a word counts as having
    /// all its characters in common).
    fn common(&self, other: &Letters) -> usize {
        if self.len > 255 || other.len > 255 {
            return self.len.max(other.len);
        }
        self.bins
            .iter()
            .zip(&other.bins)
            .map(|(a, b)| usize::from(*a.min(b)))
            .sum()
    }
}

/// [`same_word`] with each word's letters already counted.
fn same_counted(a: &Word, la: &Letters, b: &Word, lb: &Letters) -> bool {
    let (len_a, len_b) = (la.len, lb.len);
    if a.norm == b.norm {
        return true;
    }
    if a.class == WordClass::Name && b.class == WordClass::Name {
        let common = a
            .norm
            .chars()
            .zip(b.norm.chars())
            .take_while(|(x, y)| x == y)
            .count();
        let shorter = len_a.min(len_b);
        if common >= 4 && common * 4 >= shorter * 3 {
            return true;
        }
    }
    let fuzzy = |w: &Word, len: usize| {
        !matches!(w.class, WordClass::Number | WordClass::Negation) && len >= 5
    };
    // The edit distance is at least the difference in length, and at
    // least the longer length less the characters the two have in common
    // (each character of one kept unchanged in the other is a common one;
    // every other takes an edit), so words failing either bound cannot be
    // one edit in four apart: no need to count the edits.
    let longer = len_a.max(len_b);
    fuzzy(a, len_a)
        && fuzzy(b, len_b)
        && len_a.abs_diff(len_b) * 4 <= longer
        && longer.saturating_sub(la.common(lb)) * 4 <= longer
        && strsim::normalized_levenshtein(&a.norm, &b.norm) >= 0.75
}

/// One step of a word alignment: a word in both, only in the first
/// (`Del`), only in the second (`Ins`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Same(usize, usize),
    Del(usize),
    Ins(usize),
}

/// Longest common subsequence over words, as alignment steps; a shared
/// content word weighs twice a shared function word, so "Ukrainian" meeting
/// "Ukraine" beats a stray "the". Quotes are capped at 400 words each, so
/// the table stays small.
fn align(a: &[Word], b: &[Word]) -> Vec<Op> {
    let table = Table::new(a, b);
    // Among equally long alignments, take the one whose gaps fall at the
    // ends (a cut quote) rather than inside (a change): "the storm. The eye
    // is…" against "The eye is…" must match the second "the".
    let early = table.trace(false);
    let late = table.trace(true);
    if interior_gaps(&late) < interior_gaps(&early) {
        late
    } else {
        early
    }
}

fn interior_gaps(ops: &[Op]) -> usize {
    let first = ops.iter().position(|o| matches!(o, Op::Same(..)));
    let last = ops.iter().rposition(|o| matches!(o, Op::Same(..)));
    match (first, last) {
        (Some(f), Some(l)) => ops[f..l]
            .iter()
            .filter(|o| !matches!(o, Op::Same(..)))
            .count(),
        _ => ops.len(),
    }
}

/// The weighted longest-common-subsequence table of two quotes, with which
/// of their words match: built once per pair and traced back once for
/// each way of breaking ties (the table does not depend on it, and
/// matching words is the costly part).
struct Table<'w> {
    a: &'w [Word],
    /// Columns: words of the second quote, plus one.
    width: usize,
    /// `same[i * (width - 1) + j]`: word `i` of `a` matches word `j` of `b`.
    same: Vec<bool>,
    /// `t[i * width + j]`: the best weight aligning `a[i..]` with `b[j..]`.
    t: Vec<u32>,
}

impl<'w> Table<'w> {
    fn new(a: &'w [Word], b: &[Word]) -> Self {
        let a = &a[..a.len().min(400)];
        let b = &b[..b.len().min(400)];
        let (n, m) = (a.len(), b.len());
        let letters_a: Vec<Letters> = a.iter().map(Letters::of).collect();
        let letters_b: Vec<Letters> = b.iter().map(Letters::of).collect();
        let mut same = Vec::with_capacity(n * m);
        for (wa, la) in a.iter().zip(&letters_a) {
            same.extend(
                b.iter()
                    .zip(&letters_b)
                    .map(|(wb, lb)| same_counted(wa, la, wb, lb)),
            );
        }
        let width = m + 1;
        let mut t = vec![0u32; (n + 1) * width];
        for i in (0..n).rev() {
            let weight = if a[i].is_content() { 2 } else { 1 };
            for j in (0..m).rev() {
                let skip = t[(i + 1) * width + j].max(t[i * width + j + 1]);
                t[i * width + j] = if same[i * m + j] {
                    skip.max(t[(i + 1) * width + j + 1] + weight)
                } else {
                    skip
                };
            }
        }
        Table { a, width, same, t }
    }

    /// One longest alignment; `defer` prefers skipping a word over
    /// matching it when that loses nothing.
    fn trace(&self, defer: bool) -> Vec<Op> {
        let (n, m) = (self.a.len(), self.width - 1);
        let t = |i: usize, j: usize| self.t[i * self.width + j];
        let mut ops = Vec::with_capacity(n + m);
        let (mut i, mut j) = (0, 0);
        while i < n && j < m {
            let skip_free = t(i + 1, j) == t(i, j) || t(i, j + 1) == t(i, j);
            let weight = if self.a[i].is_content() { 2 } else { 1 };
            if self.same[i * m + j] && t(i, j) == t(i + 1, j + 1) + weight && !(defer && skip_free)
            {
                ops.push(Op::Same(i, j));
                i += 1;
                j += 1;
            } else if t(i + 1, j) >= t(i, j + 1) {
                ops.push(Op::Del(i));
                i += 1;
            } else {
                ops.push(Op::Ins(j));
                j += 1;
            }
        }
        ops.extend((i..n).map(Op::Del));
        ops.extend((j..m).map(Op::Ins));
        ops
    }
}

/// A wording compared with the base wording: its diff and whether any word
/// changed inside the stretch both quote, and how seriously.
#[derive(Debug, PartialEq)]
pub struct Diff {
    /// The other wording with `[-base words-]` and `{+its own words+}`.
    pub shown: String,
    pub changed: bool,
    /// A word other than a function word changed.
    pub content_changed: bool,
    /// A number, negation or name changed.
    pub serious: bool,
}

/// Diffs `other` against `base`. Words only one side has before the first
/// or after the last shared word are a shorter or longer cut of the same
/// quote: the other's are shown plain, the base's left out, neither counts
/// as a change.
pub fn diff(base: &[Word], other: &[Word]) -> Diff {
    let ops = align(base, other);
    let first = ops.iter().position(|o| matches!(o, Op::Same(..)));
    let last = ops.iter().rposition(|o| matches!(o, Op::Same(..)));
    let (Some(first), Some(last)) = (first, last) else {
        return Diff {
            shown: join(other.iter().map(|w| w.raw.as_str())),
            changed: true,
            content_changed: true,
            serious: true,
        };
    };
    let mut shown: Vec<String> = Vec::new();
    let mut changed = false;
    let mut content_changed = false;
    let mut serious = false;
    let mut run_del: Vec<&str> = Vec::new();
    let mut run_ins: Vec<&str> = Vec::new();
    let flush = |shown: &mut Vec<String>, del: &mut Vec<&str>, ins: &mut Vec<&str>| {
        if !del.is_empty() {
            shown.push(format!("[-{}-]", del.join(" ")));
            del.clear();
        }
        if !ins.is_empty() {
            shown.push(format!("{{+{}+}}", ins.join(" ")));
            ins.clear();
        }
    };
    for (k, op) in ops.iter().enumerate() {
        let inside = k > first && k < last;
        match *op {
            Op::Same(_, j) => {
                flush(&mut shown, &mut run_del, &mut run_ins);
                shown.push(other[j].raw.clone());
            }
            Op::Del(i) if inside => {
                changed = true;
                content_changed |= base[i].is_content();
                serious |= is_serious(&base[i], base, other);
                run_del.push(&base[i].raw);
            }
            Op::Ins(j) if inside => {
                changed = true;
                content_changed |= other[j].is_content();
                serious |= is_serious(&other[j], other, base);
                run_ins.push(&other[j].raw);
            }
            Op::Ins(j) => shown.push(other[j].raw.clone()),
            Op::Del(_) => {}
        }
    }
    flush(&mut shown, &mut run_del, &mut run_ins);
    Diff {
        shown: shown.join(" "),
        changed,
        content_changed,
        serious,
    }
}

/// A number, negation or name that one side has more often than the other
/// (a name only moved, as translations do, is no change of meaning; a
/// dropped "not" is, even when another "not" is left elsewhere).
fn is_serious(w: &Word, own: &[Word], other: &[Word]) -> bool {
    let count = |side: &[Word]| side.iter().filter(|o| same_word(w, o)).count();
    matches!(
        w.class,
        WordClass::Number | WordClass::Negation | WordClass::Name
    ) && count(own) != count(other)
}

fn join<'a>(words: impl Iterator<Item = &'a str>) -> String {
    words.collect::<Vec<_>>().join(" ")
}

/// One wording of a statement: the claims giving exactly these words (after
/// folding) from the same speaker.
struct Wording<'a> {
    value: &'a QuoteValue,
    claims: Vec<&'a Claim>,
}

impl Wording<'_> {
    fn docs(&self) -> Vec<usize> {
        let mut d: Vec<usize> = self.claims.iter().map(|c| c.anchor.doc).collect();
        d.sort_unstable();
        d.dedup();
        d
    }
    fn evidence(&self) -> Vec<Anchor> {
        self.claims.iter().map(|c| c.anchor).collect()
    }
}

fn wordings<'a>(items: &[Item<'a>], members: &[usize]) -> Vec<Wording<'a>> {
    let mut out: Vec<Wording> = Vec::new();
    for &i in members {
        let it = &items[i];
        match out.iter_mut().find(|w| w.value.compatible(it.value)) {
            Some(w) => w.claims.push(it.claim),
            None => out.push(Wording {
                value: it.value,
                claims: vec![it.claim],
            }),
        }
    }
    // The most supported wording first, then the earliest.
    out.sort_by_key(|w| (std::cmp::Reverse(w.docs().len()), w.claims[0].anchor));
    out
}

/// The statement's subject: its speaker and its opening words.
fn subject(speaker: Option<&Speaker>, base: &QuoteValue) -> Subject {
    let opening: Vec<&str> = base.words.iter().take(8).map(|w| w.raw.as_str()).collect();
    let key_words: Vec<&str> = base.words.iter().take(6).map(|w| w.norm.as_str()).collect();
    let more = if base.words.len() > 8 { "…" } else { "" };
    match speaker {
        Some(s) => Subject::new(
            format!("quote:{}:{}", s.key, key_words.join("-")),
            format!("{}: “{}{more}”", s.name, opening.join(" ")),
        ),
        None => Subject::new(
            format!("quote:?:{}", key_words.join("-")),
            format!("“{}{more}”", opening.join(" ")),
        ),
    }
}

/// Distinct speakers of a statement, most often named first (then most
/// often found at all, then first seen); `named_only` keeps those an
/// attribution names next to the quote, the only ones trusted enough to
/// call a misattribution (a pronoun may point at the wrong person).
fn speakers<'a>(items: &[Item<'a>], members: &[usize], named_only: bool) -> Vec<&'a Speaker> {
    let mut out: Vec<(&Speaker, usize, usize)> = Vec::new();
    for &i in members {
        let Some(s) = &items[i].value.speaker else {
            continue;
        };
        if named_only && !s.named {
            continue;
        }
        match out.iter_mut().find(|o| o.0.same(s)) {
            Some(o) => {
                o.1 += usize::from(s.named);
                o.2 += 1;
            }
            None => out.push((s, usize::from(s.named), 1)),
        }
    }
    out.sort_by_key(|o| (std::cmp::Reverse(o.1), std::cmp::Reverse(o.2)));
    out.into_iter().map(|o| o.0).collect()
}

fn judge_statement(bundle: &Bundle, items: &[Item], members: &[usize], out: &mut Comparison) {
    let named = speakers(items, members, true);
    let wordings = wordings(items, members);
    let Some(base) = wordings.first() else {
        return;
    };
    let misattributed = named.len() > 1;
    if misattributed {
        out.findings
            .push(misattribution(bundle, items, members, &named, &wordings));
    }
    let everyone = speakers(items, members, false);
    // Given to two people, one of them found only through a pronoun or
    // the sentence around: too uncertain to call a misattribution; the
    // sources agree only as far as they give it to the speaker most often
    // named.
    let disputed = misattributed || everyone.len() > 1;
    let subject = subject(everyone.first().copied(), base.value);
    // Each wording is diffed against the one it shares most words with, the
    // base first among equals: a statement may be linked through a long
    // quote whose two halves other sources quote apart.
    let diffs: Vec<Diff> = wordings[1..]
        .iter()
        .map(|w| {
            let reference = wordings
                .iter()
                .filter(|r| !std::ptr::eq(*r, w))
                .max_by_key(|r| {
                    let o = overlap(&r.value.words, &w.value.words);
                    (
                        (o.contain * o.shorter as f64).round() as usize,
                        std::ptr::eq(*r, base),
                    )
                })
                .unwrap_or(base);
            diff(&reference.value.words, &w.value.words)
        })
        .collect();
    if !diffs.iter().any(|d| d.changed) {
        if misattributed {
            return; // the conflict says it all
        }
        let theirs: Vec<&Wording> = wordings
            .iter()
            .filter(|w| {
                everyone.len() < 2
                    || w.value
                        .speaker
                        .as_ref()
                        .is_some_and(|s| s.same(everyone[0]))
            })
            .collect();
        if docs_of(theirs.iter().copied()).len() >= 2 {
            out.agreements
                .push(agreement(bundle, &subject, theirs.iter().copied()));
        }
        return;
    }
    let serious = diffs.iter().any(|d| d.serious);
    let mut values = vec![FindingValue {
        value: base.value.to_string(),
        evidence: base.evidence(),
    }];
    let mut parts = vec![format!(
        "{} quote “{}”",
        list_docs(bundle, &base.docs()),
        base.value.text
    )];
    // Wordings that only cut the base at either end agree with it: they are
    // no part of the variant, and corroborate the base in an agreement.
    let alike: Vec<&Wording> = wordings[1..]
        .iter()
        .zip(&diffs)
        .filter(|(_, d)| !d.changed)
        .map(|(w, _)| w)
        .collect();
    if !alike.is_empty() && !disputed {
        out.agreements.push(agreement(
            bundle,
            &subject,
            std::iter::once(base).chain(alike.iter().copied()),
        ));
    }
    for (w, d) in wordings[1..].iter().zip(&diffs).filter(|(_, d)| d.changed) {
        let speaker = w
            .value
            .speaker
            .as_ref()
            .map_or("unattributed", |s| s.name.as_str());
        values.push(FindingValue {
            value: format!("{speaker}: “{}”", d.shown),
            evidence: w.evidence(),
        });
        parts.push(format!("{} “{}”", list_docs(bundle, &w.docs()), d.shown));
    }
    let what = if serious {
        "quoted with a changed number, negation or name"
    } else {
        "quoted in different words"
    };
    out.findings.push(Finding::new(
        Kind::Variant,
        crate::claim::Category::Quote,
        if serious {
            Severity::Warning
        } else {
            Severity::Info
        },
        subject.clone(),
        format!("{}: {what}: {}", subject.label, parts.join("; ")),
        values,
        bundle.doc_ids,
    ));
}

/// The documents that quote any of `wordings`, ascending.
fn docs_of<'a>(wordings: impl Iterator<Item = &'a Wording<'a>>) -> Vec<usize> {
    let mut docs: Vec<usize> = wordings.flat_map(|w| w.docs()).collect();
    docs.sort_unstable();
    docs.dedup();
    docs
}

/// An agreement of wordings that quote one statement alike (identically,
/// or cut at either end).
fn agreement<'a>(
    bundle: &Bundle,
    subject: &Subject,
    wordings: impl Iterator<Item = &'a Wording<'a>> + Clone,
) -> Finding {
    let docs = docs_of(wordings.clone());
    Finding::new(
        Kind::Agreement,
        crate::claim::Category::Quote,
        Severity::Info,
        subject.clone(),
        format!(
            "{}: {} quote it alike",
            subject.label,
            list_docs(bundle, &docs)
        ),
        wordings
            .map(|w| FindingValue {
                value: w.value.to_string(),
                evidence: w.evidence(),
            })
            .collect(),
        bundle.doc_ids,
    )
}

/// One statement given to different speakers.
fn misattribution(
    bundle: &Bundle,
    items: &[Item],
    members: &[usize],
    speakers: &[&Speaker],
    wordings: &[Wording],
) -> Finding {
    let base = &wordings[0];
    let opening: Vec<&str> = base
        .value
        .words
        .iter()
        .take(8)
        .map(|w| w.raw.as_str())
        .collect();
    let key_words: Vec<&str> = base
        .value
        .words
        .iter()
        .take(6)
        .map(|w| w.norm.as_str())
        .collect();
    let subject = Subject::new(
        format!("quote:misattributed:{}", key_words.join("-")),
        format!("“{}…”", opening.join(" ")),
    );
    let sides: Vec<String> = speakers
        .iter()
        .map(|s| {
            let mut docs: Vec<usize> = members
                .iter()
                .filter(|&&i| {
                    items[i]
                        .value
                        .speaker
                        .as_ref()
                        .is_some_and(|x| x.named && x.same(s))
                })
                .map(|&i| items[i].claim.anchor.doc)
                .collect();
            docs.sort_unstable();
            docs.dedup();
            format!("{} to {}", list_docs(bundle, &docs), s.name)
        })
        .collect();
    Finding::new(
        Kind::Conflict,
        crate::claim::Category::Quote,
        Severity::Error,
        subject.clone(),
        format!(
            "{}: the same words are attributed by {}",
            subject.label,
            sides.join(", by ")
        ),
        wordings
            .iter()
            .map(|w| FindingValue {
                value: w.value.to_string(),
                evidence: w.evidence(),
            })
            .collect(),
        bundle.doc_ids,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::quote::words;
    use crate::rules::Rules;

    fn w(text: &str) -> Vec<Word> {
        words(text, &Rules::builtin().expect("rules").speech)
    }

    fn q(speaker: Option<&str>, text: &str) -> QuoteValue {
        QuoteValue {
            text: text.into(),
            speaker: speaker.map(|s| Speaker {
                key: s.to_lowercase(),
                name: s.into(),
                surname: s.to_lowercase(),
                named: true,
            }),
            verb: None,
            words: w(text),
        }
    }

    #[test]
    fn counting_letters_first_answers_as_counting_edits_would() {
        // Pairs of words from the corpus documents: the bounds that skip
        // the edit distance must never change the answer.
        let rules = Rules::builtin().expect("rules");
        let mut all: Vec<Word> = Vec::new();
        for text in crate::test_support::corpus_texts() {
            all.extend(words(&text, &rules.speech));
        }
        all.sort_by(|a, b| a.norm.cmp(&b.norm));
        all.dedup_by(|a, b| a.norm == b.norm && a.class == b.class);
        // Every few hundredth word, in alphabetical order, so neighbours
        // share beginnings (near misses) and the test stays quick.
        let step = (all.len() / 700).max(1);
        let all: Vec<Word> = all.into_iter().step_by(step).collect();
        let plain = |a: &Word, b: &Word| {
            let fuzzy = |w: &Word| {
                !matches!(w.class, WordClass::Number | WordClass::Negation)
                    && w.norm.chars().count() >= 5
            };
            fuzzy(a) && fuzzy(b) && strsim::normalized_levenshtein(&a.norm, &b.norm) >= 0.75
        };
        let letters: Vec<Letters> = all.iter().map(Letters::of).collect();
        let (mut pairs, mut near) = (0, 0);
        for i in 0..all.len() {
            for j in 0..i {
                let (a, b) = (&all[i], &all[j]);
                let names = a.class == WordClass::Name && b.class == WordClass::Name;
                if a.norm == b.norm || names {
                    continue;
                }
                let fast = same_counted(a, &letters[i], b, &letters[j]);
                assert_eq!(fast, plain(a, b), "{} / {}", a.norm, b.norm);
                pairs += 1;
                near += usize::from(fast);
            }
        }
        assert!(pairs > 100_000, "{pairs} pairs");
        assert!(near > 5, "{near} near misses among them");
    }

    #[test]
    fn a_cut_at_the_start_is_no_change() {
        let d = diff(
            &w("Do not go outside to look at the storm. The eye is not the end of it,"),
            &w("The eye is not the end of it."),
        );
        assert!(!d.changed, "{d:?}");
    }

    const TRUMP_000: &str = "Many elements of the final agreement have already been agreed, but much remains to be agreed.";
    const TRUMP_001: &str =
        "Many elements of a Final Agreement have been agreed to, but much remains,";
    const PESKOV_000: &str = "There are large questions surrounding the normalization of bilateral relations, especially concerning the Ukrainian settlement,";
    const PESKOV_001: &str = "But there are also a large number of questions regarding the further normalisation of our bilateral relations, and a settlement on Ukraine. All of this will have to be discussed by the two presidents,";
    const PESKOV_004: &str = "there are a number of major issues regarding further normalization of our bilateral relations and Ukraine. All these should be discussed by the two presidents.";

    #[test]
    fn reworded_quote_is_one_statement_with_a_function_word_diff() {
        assert!(same_statement(
            &q(Some("Trump"), TRUMP_000),
            &q(Some("Trump"), TRUMP_001)
        ));
        let d = diff(&w(TRUMP_000), &w(TRUMP_001));
        assert_eq!(
            d.shown,
            "Many elements of [-the-] {+a+} Final Agreement have [-already-] been agreed {+to+} but much remains"
        );
        assert!(d.changed);
        assert!(!d.serious);
    }

    #[test]
    fn partial_quote_matches_the_longer_one() {
        let short = q(Some("Peskov"), "as much as they deem necessary");
        let long = q(
            Some("Peskov"),
            "The leaders will speak for as long as they deem necessary",
        );
        assert!(same_statement(&short, &long));
        let d = diff(&short.words, &long.words);
        assert_eq!(
            d.shown,
            "The leaders will speak for as [-much-] {+long+} as they deem necessary"
        );
        // A pure cut is no change.
        let cut = q(
            Some("Peskov"),
            "The leaders will speak for as much as they deem necessary",
        );
        assert!(!diff(&short.words, &cut.words).changed);
    }

    #[test]
    fn translations_of_one_statement_match() {
        let (a, b, c) = (
            q(Some("Peskov"), PESKOV_000),
            q(Some("Peskov"), PESKOV_001),
            q(Some("Peskov"), PESKOV_004),
        );
        assert!(same_statement(&a, &b));
        assert!(same_statement(&b, &c));
        assert!(same_statement(&a, &c));
        // Words moved or respelt in translation are no serious change.
        assert!(!diff(&a.words, &b.words).serious);
        assert!(!diff(&a.words, &c.words).serious);
    }

    #[test]
    fn different_statements_of_one_speaker_are_apart() {
        let pairs = [
            (
                "We talked about a lot, but assistance was not discussed.",
                "I think much of this has already been discussed by both sides - Ukraine and Russia.",
            ),
            (
                "I think we will talk about territories… We will talk about power plants, because this is a big issue.",
                "We are already talking about this, about the division of certain assets.",
            ),
            (
                "Russia must prove it really wants peace",
                "Putin must agree to ceasefire if he is serious about peace",
            ),
        ];
        for (a, b) in pairs {
            assert!(
                !same_statement(&q(Some("Trump"), a), &q(Some("Trump"), b)),
                "{a} / {b}"
            );
        }
    }

    #[test]
    fn different_speakers_need_near_identical_words() {
        // Alike, but two people's own statements.
        assert!(!same_statement(
            &q(Some("Macron"), "Russia must prove it really wants peace"),
            &q(
                Some("Starmer"),
                "Russia must show it really wants peace now, and stop the attacks"
            ),
        ));
        assert!(same_statement(
            &q(
                Some("Macron"),
                "Russia must prove it really wants peace in Ukraine"
            ),
            &q(
                Some("Starmer"),
                "Russia must prove it really wants peace in Ukraine."
            ),
        ));
        // One content word apart: two people's own words.
        assert!(!same_statement(
            &q(
                Some("Mayor"),
                "We will rebuild every home that was lost in the flood"
            ),
            &q(
                Some("Governor"),
                "We will rebuild every school that was lost in the flood"
            ),
        ));
        // Loosely alike with an unknown speaker: not joined.
        assert!(!same_statement(
            &q(None, TRUMP_000),
            &q(Some("Trump"), TRUMP_001)
        ));
    }

    /// Ten words in the same order are one quote across speakers even when
    /// only three carry content: the misattribution is found.
    #[test]
    fn a_long_quote_with_few_content_words_is_one_statement() {
        let a = q(
            Some("Guarnieri"),
            "They are exhausted, but they are alive and they are free,",
        );
        let b = q(
            Some("Lodi"),
            "They are exhausted, but they are alive and they are free",
        );
        assert!(same_statement(&a, &b));
        // A stock phrase of fewer words stays two people's own.
        assert!(!same_statement(
            &q(Some("Mayor"), "We are doing everything we can for them"),
            &q(Some("Governor"), "We are doing everything we can for them"),
        ));
    }

    #[test]
    fn changed_number_negation_or_name_is_serious() {
        let base = w("Each week brings 2,500 soldier deaths, and it must end now");
        assert!(
            diff(
                &base,
                &w("Each week brings 3,000 soldier deaths, and it must end now")
            )
            .serious
        );
        assert!(
            diff(
                &w("assistance was not discussed at all"),
                &w("assistance was discussed at all")
            )
            .serious
        );
        // A "not" dropped while another stays is still a dropped negation.
        assert!(
            diff(
                &w("We are not considering a cut, and we will not be rushed"),
                &w("We are considering a cut, and we will not be rushed"),
            )
            .serious
        );
        assert!(
            diff(
                &w("we will meet Putin in Riyadh soon"),
                &w("we will meet Putin in Istanbul soon")
            )
            .serious
        );
        assert!(
            !diff(
                &w("we will meet them in the capital soon"),
                &w("we will meet them in a capital soon")
            )
            .serious
        );
    }

    #[test]
    fn identical_words_are_no_change() {
        let d = diff(
            &w(TRUMP_001),
            &w("many elements of a final agreement have been agreed to — but much remains…"),
        );
        assert!(!d.changed);
    }

    mod forms {
        use super::*;
        use crate::claim::{Category, Frame, Span};

        /// The reference: every pair of quotes from different documents
        /// compared, and matching pairs joined.
        fn every_pair(items: &[Item]) -> Vec<Vec<usize>> {
            let mut parent: Vec<usize> = (0..items.len()).collect();
            for i in 0..items.len() {
                for j in i + 1..items.len() {
                    if items[i].claim.anchor.doc != items[j].claim.anchor.doc
                        && same_statement(items[i].value, items[j].value)
                    {
                        let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                        parent[a.max(b)] = a.min(b);
                    }
                }
            }
            quoted_by_two(items, &mut parent)
        }

        /// Copies of a few wordings spread over a few documents in many
        /// arrangements (a deterministic pseudo-random walk): grouping by form
        /// gives what comparing every pair gives.
        #[test]
        fn forms_group_as_every_pair_does() {
            let values = [
                q(Some("Peskov"), PESKOV_000),
                q(Some("Peskov"), PESKOV_001),
                q(Some("Peskov"), PESKOV_004),
                q(Some("Trump"), TRUMP_000),
                q(Some("Trump"), TRUMP_001),
                q(None, TRUMP_001),
            ];
            let mut seed: u64 = 7;
            let mut next = |n: u64| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (seed >> 33) % n
            };
            for round in 0..300 {
                let count = 1 + next(9) as usize;
                let docs = 1 + next(4) as usize;
                let claims: Vec<Claim> = (0..count)
                    .map(|k| {
                        let v = values[next(values.len() as u64) as usize].clone();
                        Claim {
                            anchor: Anchor {
                                doc: next(docs as u64) as usize,
                                span: Span::new(k, k + 1),
                            },
                            category: Category::Quote,
                            frame: Frame::bare("quote"),
                            value: Value::Quote(v),
                        }
                    })
                    .collect();
                let items: Vec<Item> = claims
                    .iter()
                    .map(|c| match &c.value {
                        Value::Quote(v) => Item { claim: c, value: v },
                        _ => unreachable!(),
                    })
                    .collect();
                assert_eq!(statements(&items), every_pair(&items), "round {round}");
            }
        }
    }
}
