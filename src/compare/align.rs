//! Alignment: which claims from different documents are about the same
//! fact, read from their frames.
//!
//! Copies of one claim (the same frame and value in several documents, as
//! a wire story run by many papers) are first taken as one unit, judged
//! once (see [`Units`]). Claims of one category and measure are then put in blocks by their
//! theme head and by their predicate (a claim is in both), so only claims
//! that share one of those are ever compared: no all-pairs loop. Each pair
//! in a block is then judged by [`judge_pair`], part by part, and every
//! part says why:
//!
//! - what cannot both be one fact (a *cannot-link*): different predicates
//!   or theme heads, modifiers that exclude each other ("workers at the
//!   palace" and "workers in the unions"), different named places or
//!   people, different times ("in 1997" and this year, "a year ago"),
//!   different modality (a forecast and a fact), different refinements (a
//!   rate and a total), or, inside one document, two figures in different
//!   sentences (a document that names one fact twice names it the same
//!   way; two figures of its own are two facts);
//! - what makes the pair *strong*: the same predicate and the same theme,
//!   or one of them and more evidence (shared names, shared modifiers, a
//!   sentence sharing much of its vocabulary).
//!
//! Strong pairs are merged into groups, strongest first, and two groups
//! merge only if no pair across them is a cannot-link. A claim that finds
//! no strong partner stays alone and is not judged: a weak alignment is
//! never reported as a conflict. Each group keeps the reasons of the link
//! that first joined it, for the finding's message.

use std::collections::BTreeMap;

use crate::claim::frame::{
    CIRCUMSTANCE, Frame, Modality, ONGOING, PHASE, ParticipantKind, STATEMENT, When,
};
use crate::claim::quantity::is_money;
use crate::claim::{Category, Claim, Value};

/// Claims judged to be about one fact.
#[derive(Clone, Debug)]
pub struct Aligned<'a> {
    pub claims: Vec<&'a Claim>,
    /// Why they were aligned ("same predicate 'killed'", "same theme
    /// 'people'", …), from the strongest link of the group.
    pub why: Vec<String>,
}

/// What a pair of frames says about being one fact.
#[derive(Clone, Debug, PartialEq)]
pub enum PairVerdict {
    /// They cannot be one fact.
    Cannot(String),
    /// Nothing strong enough either way.
    Weak,
    /// One fact, with a score and the reasons.
    Strong(u32, Vec<String>),
}

/// The days around publication a story's own time covers.
const STORY_DAYS: i64 = 7;

/// Groups the claims of one category by their frames. `published` gives
/// each document's publication day, `sentence` each claim's sentence index
/// in its document (for claims one document gives twice).
pub fn align<'a>(
    category: Category,
    claims: &[&'a Claim],
    published: &dyn Fn(usize) -> Option<chrono::NaiveDate>,
    sentence: &dyn Fn(&Claim) -> usize,
) -> Vec<Aligned<'a>> {
    let judge =
        |i: usize, j: usize| judge_pair(category, claims[i], claims[j], published, sentence);
    let units = Units::of(claims, published, &judge);
    let rep = |u: usize| claims[units.list[u].members[0]];
    // Blocks: by measure and theme head, and by measure and predicate; a
    // synonym class of the rules is one block in either slot (a happening
    // named by a verb in one report and a noun in another).
    let mut blocks: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for u in 0..units.list.len() {
        let f = &rep(u).frame;
        for k in block_keys(f) {
            blocks.entry((f.measure.clone(), k)).or_default().push(u);
        }
        // Times to the minute meet by their instant too (see
        // `same_minute`).
        if let Some((start, end)) = minute_of(&rep(u).value) {
            let at = format!("at:{}|{:?}", start.to_rfc3339(), end);
            blocks.entry((f.measure.clone(), at)).or_default().push(u);
        }
        // And by their minutes past the hour (see `zone_slip`).
        if let Some(m) = slip_minute(&rep(u).value) {
            blocks
                .entry((f.measure.clone(), format!("slip:{m}")))
                .or_default()
                .push(u);
        }
    }
    // Every pair of units sharing a block, once, with its verdict.
    let mut seen = std::collections::HashSet::new();
    let mut strong: Vec<(u32, usize, usize, Vec<String>)> = Vec::new();
    let mut cannot: std::collections::HashSet<(usize, usize)> = Default::default();
    for members in blocks.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let key = (i.min(j), i.max(j));
                if !seen.insert(key) {
                    continue;
                }
                let (a, b) = (rep(key.0), rep(key.1));
                let verdict = units.judge(key.0, key.1, &judge);
                if super::trace_alignment() {
                    eprintln!(
                        "{:?} d{}@{} {:?} ~ d{}@{} {:?}: {:?}",
                        category,
                        a.anchor.doc,
                        a.anchor.span.start,
                        a.value.display(),
                        b.anchor.doc,
                        b.anchor.span.start,
                        b.value.display(),
                        verdict
                    );
                }
                match verdict {
                    PairVerdict::Cannot(_) => {
                        cannot.insert(key);
                    }
                    PairVerdict::Strong(score, why) => strong.push((score, key.0, key.1, why)),
                    // A weak pair sharing a block and giving the same value
                    // corroborates: an agreement, never a conflict, so it
                    // joins with the lowest score.
                    PairVerdict::Weak if corroborates(a, b) && units.apart(key.0, key.1) => {
                        strong.push((0, key.0, key.1, vec!["same value".into()]))
                    }
                    PairVerdict::Weak => {}
                }
            }
        }
    }
    // Strongest first; ties in claim order, so the result is deterministic.
    strong.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let n = units.list.len();
    let mut group_of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut why: Vec<Vec<String>> = units.list.iter().map(|u| u.why.clone()).collect();
    for (score, i, j, reasons) in strong {
        let (gi, gj) = (group_of[i], group_of[j]);
        if gi == gj {
            continue;
        }
        // A link by value alone only joins groups that agree throughout:
        // it may add support to a side, never make a conflict.
        if score == 0
            && members[gi].iter().any(|&x| {
                members[gj]
                    .iter()
                    .any(|&y| !rep(x).value.compatible(&rep(y).value))
            })
        {
            continue;
        }
        let blocked = members[gi].iter().any(|&x| {
            members[gj].iter().any(|&y| {
                let key = (x.min(y), x.max(y));
                cannot.contains(&key)
                    || !seen.contains(&key)
                        && matches!(units.judge(key.0, key.1, &judge), PairVerdict::Cannot(_))
            })
        });
        if blocked {
            continue;
        }
        let (keep, gone) = (gi.min(gj), gi.max(gj));
        let moved = std::mem::take(&mut members[gone]);
        for &m in &moved {
            group_of[m] = keep;
        }
        members[keep].extend(moved);
        if why[keep].is_empty() {
            why[keep] = reasons;
        }
    }
    let mut out: Vec<Aligned<'a>> = members
        .into_iter()
        .enumerate()
        .filter_map(|(g, group)| {
            let mut m: Vec<usize> = group
                .iter()
                .flat_map(|&u| units.list[u].members.iter().copied())
                .collect();
            // Loose twins of one document alone are no group: the pair is
            // weak.
            let lone_twins = group.len() == 1 && {
                let u = &units.list[group[0]];
                u.loose && u.by_doc.len() == 1
            };
            if m.len() < 2 || lone_twins {
                return None;
            }
            m.sort_unstable();
            Some(Aligned {
                claims: m.iter().map(|&i| claims[i]).collect(),
                why: std::mem::take(&mut why[g]),
            })
        })
        .collect();
    out.sort_by_key(|a| a.claims[0].anchor);
    out
}

/// The block every measure of a dimension meets in (see [`block_keys`]):
/// its pairs are weak unless they share another block too.
pub(super) const MEASURE_BLOCK: &str = "measure";

/// The blocks a frame is put in: its theme head, its predicate, its
/// happening, and for a measure of a dimension the measure alone.
pub(super) fn block_keys(f: &Frame) -> Vec<String> {
    // One namespace for predicates and theme heads: a happening told as a
    // verb in one report and as a noun in another ("fined €30,000", "a
    // fine of 30,000 euros") meets in one block (see `crossed`).
    let key = |t: &crate::claim::frame::Term| match &t.class {
        Some(c) => format!("c:{c}"),
        None => format!("w:{}", t.stem),
    };
    let mut keys: Vec<String> = Vec::new();
    if let Some(t) = &f.theme {
        keys.push(key(&t.head));
    }
    if let Some(p) = &f.predicate {
        keys.push(key(p));
    }
    if let Some(e) = &f.event {
        keys.push(format!("c:{e}"));
    }
    // Bare figures, and every measure of a dimension, meet by measure
    // alone: such pairs are weak, and join only when they agree.
    if !keys.is_empty() && f.measure.chars().any(|c| c.is_lowercase()) && f.measure != "count" {
        keys.push(MEASURE_BLOCK.into());
    }
    keys.sort();
    keys.dedup();
    keys
}

/// Claims that are the same claim: the same frame and value, published the
/// same day, in different documents (a wire story run by many papers, an
/// update repeating its lead). Each is judged once as a unit, so a bundle
/// of copies costs what its distinct claims cost. A document that gives one
/// claim twice joins the two in one unit only when the pair would be linked
/// (else they are two units, judged as two claims); on text without copies
/// every unit is one claim and alignment is claim by claim.
struct Units {
    list: Vec<Unit>,
}

struct Unit {
    /// Claim indices, ascending, and the document of each.
    members: Vec<usize>,
    docs: Vec<usize>,
    /// The first member from each document.
    by_doc: std::collections::HashMap<usize, usize>,
    /// Why the members are one fact (empty for one claim).
    why: Vec<String>,
    /// One document's twins that are not linked to each other (the same
    /// claim repeated where the pair is weak): they stand or fall
    /// together with whatever they are linked to, but are no group alone.
    loose: bool,
}

impl Unit {
    fn new() -> Unit {
        Unit {
            members: Vec::new(),
            docs: Vec::new(),
            by_doc: Default::default(),
            why: Vec::new(),
            loose: false,
        }
    }

    fn push(&mut self, claim: usize, doc: usize) {
        self.members.push(claim);
        self.docs.push(doc);
        self.by_doc.entry(doc).or_insert(claim);
    }
}

impl Units {
    fn of(
        claims: &[&Claim],
        published: &dyn Fn(usize) -> Option<chrono::NaiveDate>,
        judge: &dyn Fn(usize, usize) -> PairVerdict,
    ) -> Units {
        // The units made so far for each key, in order.
        let mut units_of: std::collections::HashMap<String, Vec<usize>> = Default::default();
        let mut list: Vec<Unit> = Vec::new();
        for (i, c) in claims.iter().enumerate() {
            let doc = c.anchor.doc;
            // A claim in no block is never compared: it stays alone.
            let key = if block_keys(&c.frame).is_empty() {
                format!("#{i}")
            } else {
                format!("{:?}|{:?}|{:?}", c.frame, c.value, published(doc))
            };
            let same = units_of.entry(key).or_default();
            // A copy from a document the unit has no claim of yet; else the
            // same claim told again in one document (a repeated sentence),
            // which joins its twin unless the two cannot be one fact: a
            // linked pair as one fact, a weak pair as loose twins. Twins
            // have the same frame and value, so whatever links one links
            // the other; a document repeating itself thousands of times
            // is otherwise thousands of units, judged pair by pair.
            let mut loose = false;
            let into = same
                .iter()
                .copied()
                .find(|&u| !list[u].by_doc.contains_key(&doc))
                .or_else(|| {
                    same.iter().copied().find(|&u| {
                        list[u].by_doc.get(&doc).is_some_and(|&twin| {
                            match judge(twin.min(i), twin.max(i)) {
                                PairVerdict::Strong(..) => true,
                                PairVerdict::Weak => {
                                    loose = true;
                                    true
                                }
                                PairVerdict::Cannot(_) => false,
                            }
                        })
                    })
                });
            let u = into.unwrap_or_else(|| {
                list.push(Unit::new());
                same.push(list.len() - 1);
                list.len() - 1
            });
            list[u].push(i, doc);
            list[u].loose |= loose;
        }
        // Copies are one fact when two of them would be linked; else each
        // stands alone, as it would without this step.
        let mut out = Vec::with_capacity(list.len());
        for mut unit in list {
            let first = unit.members[0];
            let copy = unit
                .members
                .iter()
                .zip(&unit.docs)
                .find(|(_, d)| **d != unit.docs[0])
                .map(|(&m, _)| m);
            if let Some(b) = copy {
                match judge(first, b) {
                    PairVerdict::Strong(_, why) => unit.why = why,
                    PairVerdict::Weak if corroborates(claims[first], claims[b]) => {
                        unit.why = vec!["same value".into()]
                    }
                    _ => {
                        for (&m, &d) in unit.members.iter().zip(&unit.docs) {
                            let mut alone = Unit::new();
                            alone.push(m, d);
                            out.push(alone);
                        }
                        continue;
                    }
                }
            } else if unit.members.len() > 1 {
                // Twins in one document only: linked when they joined.
                if let PairVerdict::Strong(_, why) = judge(first, unit.members[1]) {
                    unit.why = why;
                }
            }
            out.push(unit);
        }
        out.sort_by_key(|u| u.members[0]);
        Units { list: out }
    }

    /// Whether two units hold a pair of claims from different documents
    /// (a pair within one document never corroborates).
    fn apart(&self, x: usize, y: usize) -> bool {
        let (x, y) = (&self.list[x], &self.list[y]);
        x.by_doc.len() > 1 || y.by_doc.len() > 1 || x.docs[0] != y.docs[0]
    }

    /// The verdict on two units: a pair of their claims in one document
    /// that cannot be one fact parts them; else the verdict on a pair from
    /// different documents, or on the one pair there is.
    fn judge(
        &self,
        x: usize,
        y: usize,
        judge: &dyn Fn(usize, usize) -> PairVerdict,
    ) -> PairVerdict {
        let (ux, uy) = (&self.list[x], &self.list[y]);
        let ordered = |a: usize, b: usize| judge(a.min(b), a.max(b));
        let (small, big) = if ux.members.len() <= uy.members.len() {
            (ux, uy)
        } else {
            (uy, ux)
        };
        let mut within = None;
        for (&m, doc) in small.members.iter().zip(&small.docs) {
            // A document's twins are judged alike: its first stands for
            // them.
            if small.by_doc.get(doc) != Some(&m) {
                continue;
            }
            if let Some(&n) = big.by_doc.get(doc) {
                let v = ordered(m, n);
                if matches!(v, PairVerdict::Cannot(_)) {
                    return v;
                }
                within.get_or_insert(v);
            }
        }
        let other = |u: &Unit, doc: usize| {
            u.members
                .iter()
                .zip(&u.docs)
                .find(|(_, d)| **d != doc)
                .map(|(&m, _)| m)
        };
        let across = other(uy, ux.docs[0])
            .map(|b| (ux.members[0], b))
            .or_else(|| other(ux, uy.docs[0]).map(|a| (a, uy.members[0])));
        match (across, within) {
            (Some((a, b)), _) => ordered(a, b),
            (None, Some(v)) => v,
            (None, None) => ordered(ux.members[0], uy.members[0]),
        }
    }
}

/// Whether two weakly aligned claims give the same value, so that they
/// may corroborate each other: figures bounded on both sides whose
/// intervals meet ("about 5 nautical miles", "9 km"), or the same value as
/// written (a day, a time). An open figure agrees with anything above it
/// ("at least 9" dead, "more than 350" aboard): it corroborates only a
/// figure of much the same size ("dozens", "more than 50").
fn corroborates(a: &Claim, b: &Claim) -> bool {
    match (&a.value, &b.value) {
        (Value::Quantity(x), Value::Quantity(y)) | (Value::Duration(x), Value::Duration(y)) => {
            // "less than four days" bounds nothing below: it meets any
            // shorter length, so it corroborates only a figure near its
            // top ("up to 12 feet", "3.7 m") or the same words.
            let near_top = |u: &crate::claim::QuantityValue, v: &crate::claim::QuantityValue| {
                u.low <= 0.0 && v.low > 0.0 && v.low * 3.0 >= u.high
            };
            let bounded = x.high.is_finite()
                && y.high.is_finite()
                && ((x.low > 0.0 && y.low > 0.0)
                    || near_top(x, y)
                    || near_top(y, x)
                    || a.value.display() == b.value.display());
            let (lo, hi) = (x.low.min(y.low), x.low.max(y.low));
            let alike = lo > 0.0 && hi <= 3.0 * lo;
            (bounded || alike) && a.value.compatible(&b.value)
        }
        _ => a.value.display() == b.value.display(),
    }
}

/// How two claims' frames align (see the module doc).
pub fn judge_pair(
    category: Category,
    a: &Claim,
    b: &Claim,
    published: &dyn Fn(usize) -> Option<chrono::NaiveDate>,
    sentence: &dyn Fn(&Claim) -> usize,
) -> PairVerdict {
    let (fa, fb) = (&a.frame, &b.frame);
    if fa.measure != fb.measure {
        return PairVerdict::Cannot("different measures".into());
    }
    let same_doc = a.anchor.doc == b.anchor.doc;
    let same_sentence = same_doc && sentence(a) == sentence(b);
    // A day told as a happening's start ("the storm, which began Monday")
    // and a day of the whole ("Tuesday night's storm") may agree, never
    // contradict: a happening begun one day may go on the next.
    let phase = |f: &Frame| f.refinements.iter().any(|r| r == PHASE);
    let one_sided_phase = phase(fa) != phase(fb);
    let unphased = |r: &&String| *r != PHASE;
    if !fa
        .refinements
        .iter()
        .filter(unphased)
        .eq(fb.refinements.iter().filter(unphased))
    {
        return PairVerdict::Cannot("different refinements".into());
    }
    // "the second call" and "the call": the bare one may be either of a
    // series, so the pair may agree but never contradicts.
    let one_sided_series = match (&fa.series, &fb.series) {
        (Some(x), Some(y)) if x != y => {
            return PairVerdict::Cannot(format!("the {x} one and the {y} one"));
        }
        (Some(_), None) | (None, Some(_)) => true,
        _ => false,
    };
    // Parts of wholes and members of lists ("194 of its people", "to 13
    // and 11 years") are each of something else: they may agree, never
    // contradict.
    let partial = fa
        .refinements
        .iter()
        .any(|r| matches!(r.as_str(), "part of a whole" | "one of a list"));
    if partial && !a.value.compatible(&b.value) {
        return PairVerdict::Cannot("parts of different wholes".into());
    }
    if category == Category::Duration
        && a.anchor.doc != b.anchor.doc
        && grew_with_calendar(a, b, published)
    {
        return PairVerdict::Cannot(
            "a length that grew between reports by the days between them".into(),
        );
    }
    // A day something was said is the day of one statement of many; a
    // doing under way goes on for days.
    if fa.refinements.iter().any(|r| r == STATEMENT) {
        return PairVerdict::Cannot("days things were said".into());
    }
    if fa.refinements.iter().any(|r| r == ONGOING) && !a.value.compatible(&b.value) {
        return PairVerdict::Cannot("a doing under way on both days".into());
    }
    if fa.refinements.iter().any(|r| r == CIRCUMSTANCE) && !a.value.compatible(&b.value) {
        return PairVerdict::Cannot("states of a count under way".into());
    }
    if fa.about.as_ref().map(|p| &p.key) != fb.about.as_ref().map(|p| &p.key) {
        return PairVerdict::Cannot("about different people".into());
    }
    if let (Some(x), Some(y)) = (&fa.agent, &fb.agent)
        && !same_agent(x, y)
    {
        return PairVerdict::Cannot("done by different people".into());
    }
    if let (Some(x), Some(y)) = (&fa.complement, &fb.complement)
        && !x.same(y)
    {
        return PairVerdict::Cannot(format!("done to {} and to {}", x.shown, y.shown));
    }
    if let (Some(x), Some(y)) = (&fa.destination, &fb.destination)
        && x.key != y.key
    {
        return PairVerdict::Cannot(format!("for {} and for {}", x.name, y.name));
    }
    if let (Some(x), Some(y)) = (&fa.scope, &fb.scope)
        && x != y
    {
        return PairVerdict::Cannot(format!("figures for {x} and for {y}"));
    }
    if let (Some(x), Some(y)) = (&fa.placed, &fb.placed)
        && x != y
    {
        return PairVerdict::Cannot(format!("distances of '{x}' and of '{y}'"));
    }
    let moment = matches!(category, Category::Time | Category::Date);
    // "would impose an 18-month freeze", "provides for a two-year
    // freeze": a length written as a thing's own ("a N-month freeze", "18
    // minutes of bidding") is that thing's whether it is planned or done.
    let own_themes = (category == Category::Duration)
        .then(|| fa.theme.as_ref().zip(fb.theme.as_ref()))
        .flatten()
        .filter(|(x, y)| x.defined && y.defined);
    let own_lengths = own_themes.is_some()
        && [fa.modality, fb.modality]
            .iter()
            .all(|m| matches!(m, Modality::Plan | Modality::Fact));
    if !own_lengths && !modalities_align(fa.modality, fb.modality, category) {
        return PairVerdict::Cannot(format!(
            "{} against {}",
            fa.modality.as_str(),
            fb.modality.as_str()
        ));
    }
    if !times_align(
        &fa.when,
        &fb.when,
        published(a.anchor.doc),
        published(b.anchor.doc),
    ) {
        return PairVerdict::Cannot("about different times".into());
    }
    // "£131 million in 2025" and "£214 million over 2024 and 2025": a
    // sum or a count for one period and one for another that holds it are
    // a part and its whole, not one figure told two ways. (A measure is of
    // a happening, dated in one report by its month and in another by its
    // year: "a magnitude 9.0 quake in March 2011", "in 2011".)
    let summed = fa.measure == "count" || is_money(&fa.measure);
    if category == Category::Quantity
        && summed
        && let (
            When::Days {
                first: a0,
                last: a1,
            },
            When::Days {
                first: b0,
                last: b1,
            },
        ) = (&fa.when, &fb.when)
        && (a0, a1) != (b0, b1)
        && (*a1 - *a0).num_days() > STORY_DAYS
        && (*b1 - *b0).num_days() > STORY_DAYS
    {
        return PairVerdict::Cannot("figures for different periods".into());
    }
    let mut why = Vec::new();
    let mut score = 0;
    // A happening the rules name is one happening in a story however its
    // reports word it ("the launch", "lifted off"); two named happenings
    // are two.
    if moment && let (Some(x), Some(y)) = (&fa.event, &fb.event) {
        if x != y {
            return PairVerdict::Cannot(format!("different happenings '{x}' and '{y}'"));
        }
        let (shared, clash, _) = participants(fa, fb, false);
        if let Some(c) = clash {
            return PairVerdict::Cannot(c);
        }
        why.push(format!("same happening '{x}'"));
        if !shared.is_empty() {
            why.push(format!("both name {}", shared.join(", ")));
        }
        let context = jaccard(&fa.context, &fb.context);
        // A day needs more than the happening's name: a name both give,
        // the same verb for it ("struck"), or much of the sentence shared.
        let same_verb = fa
            .predicate
            .as_ref()
            .is_some_and(|p| fb.predicate.as_ref().is_some_and(|q| p.key() == q.key()));
        let strong =
            category == Category::Time || !shared.is_empty() || same_verb || context >= 0.4;
        if same_verb && category == Category::Date {
            why.push("told with the same verb".into());
        }
        return if strong && !one_sided_series && !one_sided_phase {
            PairVerdict::Strong(3 + shared.len().min(2) as u32, why)
        } else {
            PairVerdict::Weak
        };
    }
    // One moment put in two zones: told with other words, it is still
    // one happening (see `zone_slip`).
    let slip = category == Category::Time && !same_doc && zone_slip(a, b);
    // Predicate. Two verbs that may still be one count's keep the words
    // for the verdict when they are not.
    let mut two_verbs = None;
    // "denouncing a two-year freeze", "would impose an 18-month freeze":
    // the verb says what is done with the thing, not what lasted; a length
    // written as one thing's own is that thing's whatever verb governs it.
    let one_thing = own_themes.is_some_and(|(x, y)| x.head.same(&y.head));
    let pred = match (&fa.predicate, &fb.predicate) {
        (Some(x), Some(y)) if x.same(y) => {
            why.push(format!("same predicate '{}'", x.shown));
            score += 2;
            Some(true)
        }
        (Some(x), Some(y)) => {
            let apart = || format!("different predicates '{}' and '{}'", x.shown, y.shown);
            // Light verbs ("began", "took place") name no happening of
            // their own: a time's frame is its theme then.
            if moment && (light(x) || light(y)) || slip || one_thing {
                None
            } else if category == Category::Quantity && crossed(fa, fb) {
                // "was fined €30,000", "ordered to pay a €35,000 fine": one
                // report's verb is the other's noun, and a figure written
                // as the noun's is its own whatever is done with it. (A
                // day is the verb's: "was arrested Thursday" and "his
                // arrest was announced Friday" are two happenings.)
                None
            } else if category == Category::Time && !same_doc && same_minute(a, b) {
                // One happening told with two verbs ("lifted the order",
                // "gave the all-clear") at the same minute: they may
                // agree, never contradict.
                return PairVerdict::Weak;
            } else if category == Category::Quantity && !same_doc && same_written_head(fa, fb) {
                // One count told with two verbs ("41 people were
                // arrested", "44 people were taken into custody"): the
                // verbs do not part them, nor join them; what else the
                // sentences share decides (see the strength below).
                two_verbs = Some(apart());
                Some(false)
            } else {
                return PairVerdict::Cannot(apart());
            }
        }
        _ => None,
    };
    // Theme. An implied theme (the dimension of a bare measure, the
    // people of a bare state) names a kind of fact: it never clashes, and
    // matching it is no evidence.
    let written = |t: &Option<crate::claim::frame::Theme>| t.clone().filter(|t| !t.implied);
    let (ta, tb) = (written(&fa.theme), written(&fb.theme));

    let theme = match (&ta, &tb) {
        (Some(x), Some(y)) if x.head.same(&y.head) && x.relation == y.relation => {
            why.push(format!("same theme '{}'", x.head.shown));
            score += 2;
            let (mx, my) = (&x.modifiers, &y.modifiers);
            // Modifiers narrow what is counted ("workers at the palace",
            // "workers in the unions"); of a happening they describe it.
            if category == Category::Quantity && !mx.is_empty() && !my.is_empty() {
                if x.shares_modifier(y) {
                    score += 1;
                } else {
                    return PairVerdict::Cannot(format!("'{}' of different kinds", x.head.shown));
                }
            }
            Some(true)
        }
        // Of one happening the same predicate may be told of different
        // words ("the capsule docked", "the spacecraft docked"): for times
        // and dates a different theme under the same predicate weakens the
        // pair rather than parting it.
        // So for a length: "the aircraft circled for 90 minutes", "the
        // pilots flew in circles for 1.5 hours", "a 90-minute holding
        // pattern" are one holding, whoever is its subject.
        (Some(_), Some(_))
            if (moment || category == Category::Duration)
                && (pred == Some(true) || crossed(fa, fb)) =>
        {
            Some(false)
        }
        // "The sprinter was fined €30,000", "pay a €35,000 fine": the
        // subject of the verb is not what the other report's noun names.
        (Some(_), Some(_)) if category == Category::Quantity && crossed(fa, fb) => Some(false),
        (Some(_), Some(_)) if category == Category::Time && !same_doc && same_minute(a, b) => {
            return PairVerdict::Weak;
        }
        (Some(_), Some(_)) if slip => Some(false),
        (Some(x), Some(y)) => {
            return PairVerdict::Cannot(format!(
                "different themes '{}' and '{}'",
                x.head.shown, y.head.shown
            ));
        }
        _ => None,
    };
    // "landing at 1:40 a.m." and "the landing at 6.40am": a happening the
    // rules name may stand as the predicate in one and the theme in the
    // other.
    let (pred, theme) = match (pred, theme) {
        (None, None) | (None, Some(false)) if crossed(fa, fb) => {
            why.push("same happening".into());
            score += 2;
            // A length of one doing told as a verb and as a noun
            // ("searched for more than nine hours", "the search lasted
            // almost seven hours") is its length, as with one verb.
            let pred = if category == Category::Duration {
                Some(true)
            } else {
                pred
            };
            (pred, Some(true))
        }
        other => other,
    };
    // Participants: named places, people and organisations.
    // Names the rules do not classify keep claims apart too ("Xu was
    // sentenced to 13 years", "Wang to 11"; "Demirel warned on Sunday",
    // "Greece warned on Monday").
    let (shared, clash, _) = participants(fa, fb, false);
    // A figure for one place against a figure for no place in particular
    // may be a part against the whole.
    let one_sided_place = fa.scope.is_some() != fb.scope.is_some();
    if let Some(c) = clash {
        return PairVerdict::Cannot(c);
    }
    if !shared.is_empty() {
        score += shared.len().min(2) as u32;
        why.push(format!("both name {}", shared.join(", ")));
    }
    // "the zoo will reopen on Tuesday", "Kesselberg Zoo will reopen on
    // Wednesday": a thing one report calls by a common noun and the other
    // by a name ending in that noun.
    let named_theme = theme_named(fa, fb).or_else(|| theme_named(fb, fa));
    if let Some(n) = &named_theme {
        score += 1;
        why.push(n.clone());
    }
    let context = jaccard(&fa.context, &fb.context);
    if context >= 0.3 {
        score += if context >= 0.5 { 2 } else { 1 };
    }
    if fa.when != When::Story && fa.when == fb.when {
        why.push("same time".into());
    }
    // One document naming one fact twice names it the same way: two
    // values of its own are two facts (two sums in a sentence, the points
    // of two indexes, the tolls of two places), unless the frame is named
    // twice: one happening given two times in one sentence ("At 15:00 …
    // today at noon"), or one length told twice with the same predicate,
    // theme and names ("the 48-hour strike", "the strike lasted three
    // days" is not that; "a 48-hour strike" and "a three-day strike" is).
    if same_doc && !a.value.compatible(&b.value) {
        let identical = fa.predicate.is_some()
            && fa.predicate == fb.predicate
            && fa.theme.is_some()
            && fa.theme == fb.theme
            && fa.participants == fb.participants;
        let one_moment = category == Category::Time && same_sentence && theme.is_some();
        let one_length = category == Category::Duration && identical && !same_sentence;
        if !one_moment && !one_length {
            return PairVerdict::Cannot("two values of one document".into());
        }
    }
    // Strength.
    let evidence = !shared.is_empty() || context >= 0.3 || named_theme.is_some();
    // "a reward of 50 million pesos", "after 18 minutes of bidding": both
    // written as one noun's value, and not many times apart (Microsoft's
    // "revenues of more than $14 billion", Netscape's "revenues of $162
    // million" are two things').
    let defined_alike = ta
        .as_ref()
        .zip(tb.as_ref())
        .is_some_and(|(x, y)| x.defined && y.defined)
        && !far_apart(&a.value, &b.value);
    let strong = match category {
        Category::Quantity => {
            // A written measure ("a depth of 40 km", "magnitude 6.9") is
            // the fact itself; a thing counted needs more to be one fact.
            let measure = !matches!(
                fa.measure.as_str(),
                "count" | "percent" | "percentage points"
            ) && fa.measure.chars().any(|c| c.is_lowercase());
            // A sum or a share with the verb and the thing it is of
            // ("estimates damage at $4.2 billion", "won 53.2% of the
            // vote") is one fact; a head count is not (tolls of other
            // places and days share both).
            let sum_or_share = fa.measure != "count";
            // Two figures of one count in reports of one story are seldom
            // many times apart; when they are ("85 were injured" against
            // "injured an estimated 5,000"), a part and its whole or two
            // places are likelier than a contradiction, unless the
            // sentences are much the same.
            let far_apart_ok =
                fa.measure != "count" || context >= 0.5 || !far_apart(&a.value, &b.value);
            // Money is written in a currency code ("USD"); a share is of
            // what follows it ("about 6% of its workforce").
            let sum = is_money(&fa.measure) || fa.measure == "percent";
            match (pred, theme) {
                // A count for one place is not the total ("357 killed in El
                // Salvador", "more than 10,000 killed").
                // A count is told of many things in a story (tolls of other
                // storms, of other countries, of other days): the same
                // predicate and theme are not enough without a name both
                // give or a sentence that is much the same.
                // A place one side names and the other not is no sign of
                // a part when the sentences are much the same.
                // Two verbs for one written thing, with its modifiers
                // alike, in much the same sentence: the same figure told
                // two ways ("2,870 points" the Nikkei "plunged" and
                // "dropped") agrees, and one figure's digits in another
                // order is one figure misprinted. Other figures are not
                // set against each other: two verbs are as often two
                // facts ("14,520 runners started", "13,912 runners
                // finished"; shares "fell as much as 9%" and "closed down
                // 6.2%").
                (Some(false), Some(true)) => {
                    !one_sided_place
                        && modifiers_alike(fa, fb)
                        && ((context >= 0.5 && a.value.compatible(&b.value))
                            || transposed(&a.value, &b.value))
                }
                (Some(true), Some(true)) => {
                    measure
                        || ((!one_sided_place || context >= 0.5)
                            && far_apart_ok
                            && (sum_or_share
                                || !shared.is_empty()
                                || context >= 0.25
                                || transposed(&a.value, &b.value)))
                }
                // Both only implied ("drove 300 miles", "drove one mile"):
                // the verb alone is not enough. A sum one side writes
                // with its noun and the other not, told with one verb, in
                // digits the other's in another order ("escaping with $1.38
                // million", "$1.83 million in cash was stolen"): one sum
                // misprinted.
                (Some(true), None) => {
                    (ta.is_none() && tb.is_none() && evidence && far_apart_ok)
                        || (sum && !one_sided_place && transposed(&a.value, &b.value))
                }
                // "a majority of 48", "a majority of 84": a relation the
                // figure is of names the fact; a measure written with what
                // it measures ("a depth of 40 km") is the fact itself. A
                // thing counted with no verb in common is not enough.
                // A sum or share of one written thing in much the same
                // words ("estimates damage at $4.2 billion").
                // Two exact counts of one written thing, each the other's
                // digits in another order, are one figure misprinted
                // ("286 passengers", "All 268 passengers … were unhurt").
                // "announced a reward of 50 million pesos", "offered a
                // reward of 30 million pesos": a sum both write as the value
                // of one noun is that noun's, whatever verb tells it.
                (None, Some(true)) => {
                    measure
                        || !fa.refinements.is_empty()
                        || (sum
                            && !one_sided_place
                            && (defined_alike || !shared.is_empty() || context >= 0.25))
                        || (!one_sided_place && transposed(&a.value, &b.value))
                }
                _ => false,
            }
        }
        // "57 minutes after the launch": the time between two happenings
        // is fixed by the one it counts from.
        Category::Duration => match (pred, theme) {
            (Some(true), Some(true)) => true,
            // A happening or doing the rules name ("holding", "strike"):
            // its length is one fact of the story.
            (Some(true), _) if fa.predicate.as_ref().is_some_and(|p| p.class.is_some()) => true,
            (None, Some(true))
                if fa.predicate.is_none()
                    && fb.predicate.is_none()
                    && fa
                        .refinements
                        .iter()
                        .any(|r| matches!(r.as_str(), "after" | "before" | "since")) =>
            {
                true
            }
            // "flew on one engine for 87 minutes", "after flying on one
            // engine for 78 minutes": one length misprinted. "The explosive
            // phase lasted about 40 minutes", "an explosive phase that
            // lasted almost two hours": one thing, named alike.
            // "after 18 minutes of bidding", "after 11 minutes of
            // bidding": a length both write as one noun's is that noun's.
            (_, Some(true)) | (Some(true), None) => {
                evidence
                    || defined_alike
                    || transposed(&a.value, &b.value)
                    || ta
                        .as_ref()
                        .zip(tb.as_ref())
                        .is_some_and(|(x, y)| x.shares_modifier(y))
            }
            _ => false,
        },
        // A time is of one happening: its theme or predicate is enough.
        Category::Time if slip => {
            why.push("the same minutes, whole hours apart".into());
            score += 1;
            true
        }
        Category::Time => match (pred, theme) {
            (Some(true), Some(true)) | (None, Some(true)) => true,
            (Some(true), None) => fa.theme.is_none() || fb.theme.is_none(),
            (Some(true), Some(false)) => evidence,
            _ => false,
        },
        // Days are given for many happenings: a date needs more.
        Category::Date => match (pred, theme) {
            (Some(true), Some(true)) => true,
            (None, Some(true)) | (Some(true), None) | (Some(true), Some(false)) => evidence,
            _ => false,
        },
        _ => false,
    };
    if super::trace_alignment() {
        eprintln!(
            "  {}: pred={pred:?} theme={theme:?} shared={shared:?} context={context:.2} one_sided_place={one_sided_place}",
            if strong { "strong" } else { "weak" }
        );
    }
    if strong && !one_sided_series && !one_sided_phase {
        PairVerdict::Strong(score, why)
    } else if let Some(why_not) = two_verbs
        && a.value.display() != b.value.display()
    {
        // Not one count after all: apart, as any two verbs are. A weak
        // pair may join a group whose value it gives: only the very same
        // figure ("27 people were taken to hospital", "27 people were
        // sent to hospital") may.
        PairVerdict::Cannot(why_not)
    } else {
        PairVerdict::Weak
    }
}

/// Whether two lengths are one doing still going on, told by reports
/// published days apart: the later report's length is longer by about the
/// days between them ("after a day of fighting" on 4 October, "after a week
/// of fighting" on 11 October), by a day at least. A length fixed once done
/// ("a 30-hour operation", "a 36-hour operation") is seldom longer by just
/// the days between two reports.
fn grew_with_calendar(
    a: &Claim,
    b: &Claim,
    published: &dyn Fn(usize) -> Option<chrono::NaiveDate>,
) -> bool {
    const DAY: f64 = 86_400.0;
    let (Value::Duration(x), Value::Duration(y)) = (&a.value, &b.value) else {
        return false;
    };
    let (Some(pa), Some(pb)) = (published(a.anchor.doc), published(b.anchor.doc)) else {
        return false;
    };
    let mid = |q: &crate::claim::quantity::QuantityValue| (q.low + q.high) / 2.0;
    let ((early, p_early), (late, p_late)) = if pa <= pb {
        ((mid(x), pa), (mid(y), pb))
    } else {
        ((mid(y), pb), (mid(x), pa))
    };
    let gap = (p_late - p_early).num_days() as f64;
    let grew = (late - early) / DAY;
    gap >= 1.0 && grew >= 1.0 && (grew - gap).abs() <= 1.5
}

/// A time written to the minute, with its day and no hedge: its instant
/// (start and end).
type Minute = (
    chrono::DateTime<chrono::Utc>,
    Option<chrono::DateTime<chrono::Utc>>,
);

fn minute_of(v: &Value) -> Option<Minute> {
    match v {
        Value::Time(t) if t.minutes_given && t.hedge.is_none() && t.floating.is_none() => {
            Some((t.start, t.end))
        }
        _ => None,
    }
}

/// Two reports giving the same instant to the minute, with its day: told
/// with different words for one happening, their times corroborate each
/// other (a weak pair that joins only groups that agree throughout); a
/// round hour or a hedged time is too often shared by chance.
fn same_minute(a: &Claim, b: &Claim) -> bool {
    matches!((minute_of(&a.value), minute_of(&b.value)), (Some(x), Some(y)) if x == y)
}

/// The minutes past the hour of a time that may have slipped zones (see
/// [`zone_slip`]): written to the minute, not a round or half hour, with
/// its day and no end.
fn slip_minute(v: &Value) -> Option<u32> {
    use chrono::Timelike;
    match v {
        Value::Time(t) if t.minutes_given && t.floating.is_none() && t.end.is_none() => {
            Some(t.start.minute()).filter(|m| *m != 0 && *m != 30)
        }
        _ => None,
    }
}

/// Two times whose clocks show the same minutes (not :00 or :30) one to
/// five whole hours apart, each trusted in its zone: one moment put in the
/// wrong zone ("5:47 p.m." local against "2347 GMT" for 22:47 UTC, a
/// tornado's touchdown; "12:20 GMT" against "6:20 a.m. EDT"), far likelier
/// than two happenings of one story at those minutes. Such a pair is one
/// fact whatever words tell it; happenings the rules name apart stay
/// apart (checked before).
fn zone_slip(a: &Claim, b: &Claim) -> bool {
    let (Value::Time(x), Value::Time(y)) = (&a.value, &b.value) else {
        return false;
    };
    let (Some(m), Some(n)) = (slip_minute(&a.value), slip_minute(&b.value)) else {
        return false;
    };
    let apart = (x.start - y.start).num_minutes().abs();
    m == n && apart % 60 == 0 && (60..=300).contains(&apart) && x.comparable(y)
}

/// Whether two figures of two or more digits (exact, or hedged alike) are
/// each other's digits in another order, written alike around them ("38
/// homes", "83 homes"; 312 and 321 passengers; "87 minutes", "78 minutes";
/// "£214 million", "£241 million"; "about 380,000" and "about 830,000"
/// customers): the mark of a misprint of one figure, not of two things
/// counted.
fn transposed(a: &crate::claim::Value, b: &crate::claim::Value) -> bool {
    use crate::claim::Value;
    let ((Value::Quantity(x), Value::Quantity(y)) | (Value::Duration(x), Value::Duration(y))) =
        (a, b)
    else {
        return false;
    };
    // The figure as shown (with its decimal point: "$1.38 million",
    // "$1.83 million"), its digits sorted, and the words around it. A
    // hedged figure ("about 380,000") is one figure too, written with its
    // hedge, which must be the same on both sides; a figure rounded to its
    // scale ("€38 million") is one figure; a range written with two
    // figures is not.
    let parts = |q: &crate::claim::QuantityValue| {
        let shown = q.shown.as_str();
        let start = shown.find(|c: char| c.is_ascii_digit())?;
        let len = shown[start..]
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(shown.len() - start);
        let len = shown[start..start + len].trim_end_matches(['.', ',']).len();
        if shown[start + len..].contains(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let figure: String = shown[start..start + len]
            .chars()
            .filter(|c| *c != ',')
            .collect();
        let mut digits: Vec<char> = figure.chars().collect();
        digits.sort_unstable();
        let around = format!("{}|{}", &shown[..start], &shown[start + len..]);
        (figure.len() >= 2).then_some((figure, digits, around))
    };
    matches!((parts(x), parts(y)), (Some(p), Some(q)) if p.0 != q.0 && p.1 == q.1 && p.2 == q.2)
}

/// Whether two counts are more than four times apart (the higher one's
/// lower bound over the lower one's upper bound).
fn far_apart(a: &crate::claim::Value, b: &crate::claim::Value) -> bool {
    use crate::claim::Value;
    let (Value::Quantity(x), Value::Quantity(y)) = (a, b) else {
        return false;
    };
    let (lo, hi) = if x.low <= y.low { (x, y) } else { (y, x) };
    lo.high.is_finite() && lo.high > 0.0 && hi.low > 4.0 * lo.high
}

/// Whether one frame's predicate is the other's theme, as a synonym class
/// of the rules (a happening named as a verb in one, a noun in the other).
fn crossed(a: &Frame, b: &Frame) -> bool {
    // By class, else by stem ("valued at $84 million", "a value of $48
    // million").
    // Runs for every pair judged: the keys are compared where they are.
    fn key(t: Option<&crate::claim::frame::Term>) -> Option<&str> {
        t.map(|t| t.key())
    }
    let (pa, pb) = (key(a.predicate.as_ref()), key(b.predicate.as_ref()));
    let (ta, tb) = (
        key(a.theme.as_ref().filter(|t| !t.implied).map(|t| &t.head)),
        key(b.theme.as_ref().filter(|t| !t.implied).map(|t| &t.head)),
    );
    (pa.is_some() && pa == tb) || (pb.is_some() && pb == ta)
}

/// Whether two agents' keys may name one doer: equal, or the words of one
/// among the other's ("Ishiyama" and "Ishiyama Pharmaceutical").
fn same_agent(x: &str, y: &str) -> bool {
    let (wx, wy): (Vec<&str>, Vec<&str>) = (
        x.split_whitespace().collect(),
        y.split_whitespace().collect(),
    );
    let within = |a: &[&str], b: &[&str]| !a.is_empty() && a.iter().all(|w| b.contains(w));
    x == y || within(&wx, &wy) || within(&wy, &wx)
}

fn light(t: &crate::claim::frame::Term) -> bool {
    // Light verbs carry no class; the frame builder has already put the
    // event they govern in the theme.
    matches!(
        t.stem.as_str(),
        "begin"
            | "start"
            | "end"
            | "take"
            | "happen"
            | "occur"
            | "hold"
            | "come"
            | "go"
            | "be"
            | "get"
            | "set"
            | "schedul"
            | "expect"
            | "plan"
            | "due"
            | "open"
            | "close"
            | "conclud"
            | "continu"
            | "resum"
            | "finish"
            | "last"
            | "run"
            | "strike"
            | "hit"
    )
}

/// Plans align with facts for dates and figures (a summit set for Monday
/// and the summit on Monday are one; an offer of S$14.2 billion and a deal
/// worth S$14.2 billion are one); a planned time or length and one that
/// happened are as often two happenings (a replacement flight; the two
/// hours set aside and the two and a half the call took), so for times and
/// durations modalities must be equal. Forecasts and suppositions align
/// only with their own kind.
fn modalities_align(a: Modality, b: Modality, category: Category) -> bool {
    let plan_or_fact = matches!(
        (a, b),
        (Modality::Plan, Modality::Fact) | (Modality::Fact, Modality::Plan)
    );
    a == b || (plan_or_fact && matches!(category, Category::Date | Category::Quantity))
}

/// Whether two clauses can be about the same time: the story's own time
/// is the days around each document's publication.
fn times_align(
    a: &When,
    b: &When,
    pa: Option<chrono::NaiveDate>,
    pb: Option<chrono::NaiveDate>,
) -> bool {
    // Saturating: an open bound ("by the end of the year") starts at
    // the calendar's first day, which has no day before it.
    let shift = |d: chrono::NaiveDate, n: i64| {
        let by = chrono::Days::new(n.unsigned_abs());
        if n < 0 {
            d.checked_sub_days(by)
        } else {
            d.checked_add_days(by)
        }
        .unwrap_or(d)
    };
    let story = |p: Option<chrono::NaiveDate>| p.map(|d| (shift(d, -STORY_DAYS), shift(d, 1)));
    let days = |w: &When, p: Option<chrono::NaiveDate>| match w {
        When::Story => Some(story(p)),
        When::Days { first, last } => Some(Some((*first, *last))),
        When::Elsewhere => None,
    };
    match (days(a, pa), days(b, pb)) {
        // A day apart is one moment told in two zones ("Monday" in Tokyo,
        // "Sunday" in New York).
        (Some(Some((a0, a1))), Some(Some((b0, b1)))) => shift(a0, -1) <= b1 && shift(b0, -1) <= a1,
        // Unknown publication: the story's time is anyone's.
        (Some(_), Some(_)) => matches!((a, b), (When::Story, _) | (_, When::Story)) || a == b,
        _ => false,
    }
}

/// Names both frames give, and a clash: the same kind of name on both
/// sides (places, people, organisations), none shared. Also whether a
/// place is named on one side only (a count for one country against a
/// total is not one fact).
/// Names both frames give, and a clash between them (see the comment in
/// the body).
fn participants(a: &Frame, b: &Frame, figures: bool) -> (Vec<String>, Option<String>, bool) {
    let shared: Vec<String> = a
        .participants
        .iter()
        .filter(|p| b.participants.iter().any(|q| q.key == p.key))
        .map(|p| p.name.clone())
        .collect();
    let mut clash = None;
    // Only people the rules know keep claims apart by name: organisations
    // are as often the sources of a figure as its subject (the JMA's and
    // the USGS's magnitudes are one fact told two ways), places are named
    // at every scale ("Iwate", "Japan"; a figure's own place is its
    // scope), and unclassified capitalised words are too loose.
    let mut kinds = vec![ParticipantKind::Person];
    if figures {
        kinds.push(ParticipantKind::Place);
    }
    for kind in kinds {
        let of = |f: &Frame| -> Vec<String> {
            f.participants
                .iter()
                .filter(|p| p.kind == kind)
                .map(|p| p.key.clone())
                .collect()
        };
        let (x, y) = (of(a), of(b));
        if !x.is_empty() && !y.is_empty() && !x.iter().any(|k| y.contains(k)) {
            clash = Some(format!("different {kind:?} named").to_lowercase());
        }
    }
    let places = |f: &Frame| {
        f.participants
            .iter()
            .any(|p| matches!(p.kind, ParticipantKind::Place))
    };
    let one_sided = places(a) != places(b);
    (shared, clash, one_sided)
}

/// Whether both frames write the same theme head (not one implied by a
/// bare measure).
fn same_written_head(a: &Frame, b: &Frame) -> bool {
    match (&a.theme, &b.theme) {
        (Some(x), Some(y)) => !x.implied && !y.implied && x.head.same(&y.head),
        _ => false,
    }
}

/// Whether two written themes carry the same modifiers, or neither has
/// any ("government MPs" and "government MPs"; "MPs" and "MPs").
fn modifiers_alike(a: &Frame, b: &Frame) -> bool {
    match (&a.theme, &b.theme) {
        (Some(x), Some(y)) => {
            (x.modifiers.is_empty() && y.modifiers.is_empty()) || x.shares_modifier(y)
        }
        _ => false,
    }
}

/// Whether `a`'s written theme is the last word of a name `b` gives ("the
/// zoo", "Kesselberg Zoo"): said as "'zoo' is Kesselberg Zoo".
fn theme_named(a: &Frame, b: &Frame) -> Option<String> {
    let head = &a.theme.as_ref().filter(|t| !t.implied)?.head;
    if head.class.is_some() {
        return None;
    }
    b.participants
        .iter()
        .find(|p| {
            p.name.contains(' ')
                && p.name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.to_lowercase() == head.shown)
        })
        .map(|p| format!("'{}' is {}", head.shown, p.name))
}

/// Jaccard similarity of two sorted lists of stems.
fn jaccard(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f64 / (a.len() + b.len() - both) as f64
}
