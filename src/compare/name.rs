//! The name judge: reports misspelt names as variants, never conflicts.
//!
//! A group of a known person (`name:<id>`) holds every mention of that
//! person in the bundle; any mention the normaliser marked as a misspelling
//! ("Kir Starmer", "Macro") makes one `variant` finding for the group, with
//! each misspelt form and, as the canonical value, the first correct
//! mention in each document that spells the name right.
//!
//! The `name:unlisted` group holds the names the rules do not know. Two of
//! them are one person spelt two ways when they have as many words, all
//! equal but one, and that one a near miss by one edit ("Olena Kovalenko"
//! and "Olena Kovalenco"), or equal once folded (diacritics, look-alike
//! letters; capitals alone are house style, "bin"/"Bin"). One
//! form merely extending the other ("Arabia"/"Arabian") is inflection, not
//! misspelling. Two slips in the surname ("Graham Oakes"/"Graham Oakley")
//! are as often another person, so they make a variant only when the two
//! spellings are given one office or one quote elsewhere in the bundle.
//! The form most documents use is taken as canonical. A name written one
//! way only is no finding. Names yield no agreements: that a
//! name is spelt alike everywhere is not news.

use std::collections::{BTreeSet, HashMap};

use super::{Bundle, Comparison, Finding, FindingValue, Group, Kind, Severity, list_docs};
use crate::claim::name::NameValue;
use crate::claim::{Anchor, Claim, Subject, Value};
use crate::normalise::name::{close_given_name, close_surname};
use crate::rules::entities::fold;

pub fn judge(bundle: &Bundle, group: &Group, marks: &Marks) -> Comparison {
    let mut out = Comparison::default();
    // Names the rules do not know carry no one they are about.
    if group
        .claims
        .first()
        .is_some_and(|c| c.frame.about.is_none())
    {
        out.findings = unlisted(bundle, group, marks);
    } else if let Some(f) = known(bundle, group) {
        out.findings.push(f);
    }
    out
}

fn name_of(c: &Claim) -> Option<&NameValue> {
    match &c.value {
        Value::Name(n) => Some(n),
        _ => None,
    }
}

fn docs_of(claims: &[&Claim]) -> Vec<usize> {
    claims
        .iter()
        .map(|c| c.anchor.doc)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// The variant finding of a known person, if any mention is misspelt.
fn known(bundle: &Bundle, group: &Group) -> Option<Finding> {
    let mut variants: Vec<(String, Vec<&Claim>)> = Vec::new();
    let mut right: Vec<&Claim> = Vec::new();
    let mut canonical = group.subject.label.clone();
    for &c in &group.claims {
        let Some(n) = name_of(c) else { continue };
        canonical = n.canonical.clone();
        if n.variant {
            match variants.iter_mut().find(|(s, _)| *s == n.surface) {
                Some((_, v)) => v.push(c),
                None => variants.push((n.surface.clone(), vec![c])),
            }
        } else if !right.iter().any(|r| r.anchor.doc == c.anchor.doc) {
            right.push(c);
        }
    }
    if variants.is_empty() {
        return None;
    }
    Some(finding(
        bundle,
        &group.subject,
        &canonical,
        &right,
        &variants,
    ))
}

fn finding(
    bundle: &Bundle,
    subject: &Subject,
    canonical: &str,
    right: &[&Claim],
    variants: &[(String, Vec<&Claim>)],
) -> Finding {
    let said: Vec<String> = variants
        .iter()
        .map(|(s, cs)| {
            format!(
                "\"{s}\" ({}) is a variant of {canonical}",
                list_docs(bundle, &docs_of(cs))
            )
        })
        .collect();
    let right_docs = docs_of(right);
    let mut message = said.join("; ");
    if !right_docs.is_empty() {
        message.push_str(&format!(
            ", as {} spell{} it",
            list_docs(bundle, &right_docs),
            if right_docs.len() == 1 { "s" } else { "" }
        ));
    }
    let mut values: Vec<FindingValue> = variants
        .iter()
        .map(|(s, cs)| FindingValue {
            value: s.clone(),
            evidence: cs.iter().map(|c| c.anchor).collect(),
        })
        .collect();
    values.push(FindingValue {
        value: canonical.to_string(),
        evidence: right.iter().map(|c| c.anchor).collect::<Vec<Anchor>>(),
    });
    Finding::new(
        Kind::Variant,
        crate::claim::Category::Name,
        Severity::Warning,
        subject.clone(),
        message,
        values,
        bundle.doc_ids,
    )
}

/// Whether two unlisted names are one name spelt two ways: as many
/// words, all the same once folded but at most one, and that one a near
/// miss that does not merely extend the other.
pub fn same_name_spelt_differently(a: &str, b: &str) -> bool {
    // Capitals alone ("Osama Bin Laden"/"Osama bin Laden") are house
    // style, not spelling.
    if a.to_lowercase() == b.to_lowercase() {
        return false;
    }
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    if wa.len() != wb.len() {
        return false;
    }
    let differing: Vec<usize> = (0..wa.len())
        .filter(|&i| fold(wa[i]) != fold(wb[i]))
        .collect();
    match differing.as_slice() {
        [] => true,
        [i] => {
            let (x, y) = (wa[*i], wb[*i]);
            let (fx, fy) = (fold(x), fold(y));
            if sound(&fx) == sound(&fy) {
                return true;
            }
            // One form merely extending the other by an ending of English
            // word-building ("Arabia"/"Arabian", a plural), or a lone word
            // extended at all ("Iraq"/"Iraqi"), is another word; a letter
            // more at the end of a surname in a name of several words
            // ("Whitcomb"/"Whitcombe", "Bouzid"/"Bouzidi") is a slip.
            let inflects = |long: &str, short: &str| {
                long.strip_prefix(short).is_some_and(|rest| {
                    rest.chars().count() > 1 || ["n", "s"].contains(&rest) || wa.len() < 2
                })
            };
            let extends = inflects(&fx, &fy) || inflects(&fy, &fx);
            // No rule vouches for either form, so one edit only: two
            // ("Patterson"/"Pattison") is as often another person. Two
            // neighbouring letters swapped ("Solhiem"/"Solheim") is one
            // slip of the typing hand, so it counts as one edit (OSA).
            // With the other words of the name the same, one letter
            // changed is a slip even where the similarity measure is
            // strict ("Mariam"/"Miriam Osei", "Pascal Remaury"/"Ramaury"):
            // the same first letter and one edit only.
            let given =
                wa.len() >= 2 && fx.chars().next() == fy.chars().next() && close_given_name(x, y);
            !extends
                && fx.chars().count() >= 5
                && (close_surname(x, y) || given)
                && strsim::osa_distance(&fx, &fy) <= 1
        }
        _ => false,
    }
}

/// A rough sound key for spellings of one name across languages and
/// transliterations: "Goikoetxea" (Basque) and "Goicoechea" (Spanish),
/// "Filipović"/"Filipovic" (already folded), "Rafael"/"Raphael". Takes a
/// folded word.
fn sound(folded: &str) -> String {
    let mut s = folded
        .replace("tx", "ch")
        .replace("ph", "f")
        .replace("ck", "k")
        .replace('k', "c")
        .replace('y', "i")
        // "Rajeev"/"Rajiv", "Pooja"/"Puja": two spellings of one vowel.
        .replace("ee", "i")
        .replace("oo", "u");
    // Doubled letters are one sound: "Mohammed"/"Mohamed".
    let mut out = String::with_capacity(s.len());
    for c in s.drain(..) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// What the bundle says of each person by the name as written: the offices
/// given them and the words quoted from them (lower case, words only).
/// Two spellings of a name that share one of these are likelier one person
/// misspelt than two people.
#[derive(Default)]
pub struct Marks {
    of: HashMap<String, (BTreeSet<String>, BTreeSet<String>)>,
}

/// Quoted words shorter than this say too little to mark a person.
const MARK_WORDS: usize = 8;

impl Marks {
    pub fn of(claims: &[&Claim]) -> Marks {
        let mut of: HashMap<String, (BTreeSet<String>, BTreeSet<String>)> = HashMap::new();
        for c in claims {
            match &c.value {
                Value::Role(r) => {
                    of.entry(r.person.clone())
                        .or_default()
                        .0
                        .insert(r.office.clone());
                }
                Value::Quote(q) => {
                    // A speaker found through "he said" counts: words
                    // quoted alike are a mark of their own.
                    let Some(s) = &q.speaker else {
                        continue;
                    };
                    // The quote's own words, folded as quote matching
                    // folds them.
                    if q.words.len() >= MARK_WORDS {
                        let words: Vec<&str> = q.words.iter().map(|w| w.norm.as_str()).collect();
                        of.entry(s.name.clone())
                            .or_default()
                            .1
                            .insert(words.join(" "));
                    }
                }
                _ => {}
            }
        }
        Marks { of }
    }

    /// The marks of a name, also where it was written after a title the
    /// speaker's name kept ("Inspector Tobias Wendling").
    fn marks_of(&self, name: &str) -> (BTreeSet<&String>, BTreeSet<&String>) {
        let suffix = format!(" {name}");
        let mut out = (BTreeSet::new(), BTreeSet::new());
        for (k, (offices, quotes)) in &self.of {
            if k == name || k.ends_with(&suffix) {
                out.0.extend(offices);
                out.1.extend(quotes);
            }
        }
        out
    }

    /// Whether the two names are given one office or one quote.
    fn shared(&self, a: &str, b: &str) -> bool {
        let (x, y) = (self.marks_of(a), self.marks_of(b));
        !x.0.is_disjoint(&y.0) || !x.1.is_disjoint(&y.1)
    }
}

/// For each name, the earlier names (by index, ascending) it may be one
/// with: as many words, and all the same once folded but at most one.
/// Both [`same_name_spelt_differently`] and [`two_slips_in_the_surname`]
/// ask that much first, so only these pairs need asking; each name is
/// filed under every way of leaving one of its words out, and compared
/// with the names filed beside it, rather than with every other name
/// (a bundle of a thousand documents has thousands of names).
fn may_be_one(names: &[&str]) -> Vec<Vec<usize>> {
    type Block = (usize, usize, Vec<String>);
    let blocks_of = |name: &str| -> Vec<Block> {
        let words: Vec<String> = name.split_whitespace().map(fold).collect();
        (0..words.len())
            .map(|skip| {
                let rest = words
                    .iter()
                    .enumerate()
                    .filter(|&(k, _)| k != skip)
                    .map(|(_, w)| w.clone())
                    .collect();
                (words.len(), skip, rest)
            })
            .collect()
    };
    let blocks: Vec<Vec<Block>> = names.iter().map(|n| blocks_of(n)).collect();
    let mut filed: crate::hash::HashMap<&Block, Vec<usize>> = Default::default();
    for (i, bs) in blocks.iter().enumerate() {
        for b in bs {
            filed.entry(b).or_default().push(i);
        }
    }
    blocks
        .iter()
        .enumerate()
        .map(|(i, bs)| {
            let mut earlier: Vec<usize> = bs
                .iter()
                .flat_map(|b| filed[b].iter().copied().take_while(|&j| j < i))
                .collect();
            earlier.sort_unstable();
            earlier.dedup();
            earlier
        })
        .collect()
}

/// Two names of several words, alike but for two slips in the surname
/// that keep its first three letters ("Graham Oakes"/"Graham Oakley",
/// "Tobias Wendling"/"Tobias Wendland"): as often another person as the
/// same, so a slip only with something more the two share.
fn two_slips_in_the_surname(a: &str, b: &str) -> bool {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let (Some((sa, ga)), Some((sb, gb))) = (wa.split_last(), wb.split_last()) else {
        return false;
    };
    if wa.len() < 2 || wa.len() != wb.len() || ga.iter().zip(gb).any(|(x, y)| fold(x) != fold(y)) {
        return false;
    }
    let (fa, fb) = (fold(sa), fold(sb));
    let prefix = |s: &str| s.chars().take(3).collect::<String>();
    fa != fb
        && fa.chars().count() >= 5
        && fb.chars().count() >= 5
        && prefix(&fa) == prefix(&fb)
        && strsim::osa_distance(&fa, &fb) <= 2
}

fn unlisted(bundle: &Bundle, group: &Group, marks: &Marks) -> Vec<Finding> {
    // Distinct surfaces in order of first appearance, with their claims.
    let mut forms: Vec<(String, Vec<&Claim>)> = Vec::new();
    let mut form_of: crate::hash::HashMap<&str, usize> = Default::default();
    for &c in &group.claims {
        let Some(n) = name_of(c) else { continue };
        match form_of.get(n.surface.as_str()) {
            Some(&k) => forms[k].1.push(c),
            None => {
                form_of.insert(&n.surface, forms.len());
                forms.push((n.surface.clone(), vec![c]));
            }
        }
    }
    // Connected components of "spelt differently", each name compared
    // with the earlier ones that may be it (see `may_be_one`), in the order
    // a comparison of every pair would take.
    let names: Vec<&str> = forms.iter().map(|(name, _)| name.as_str()).collect();
    let mut component: Vec<usize> = (0..forms.len()).collect();
    for (i, earlier) in may_be_one(&names).into_iter().enumerate() {
        for j in earlier {
            let (a, b) = (&forms[i].0, &forms[j].0);
            if same_name_spelt_differently(a, b)
                || (two_slips_in_the_surname(a, b) && marks.shared(a, b))
            {
                let (from, to) = (component[i], component[j]);
                component
                    .iter_mut()
                    .filter(|c| **c == from)
                    .for_each(|c| *c = to);
            }
        }
    }
    let roots: BTreeSet<usize> = component.iter().copied().collect();
    let mut out = Vec::new();
    for root in roots {
        let members: Vec<usize> = (0..forms.len()).filter(|&i| component[i] == root).collect();
        if members.len() < 2 {
            continue;
        }
        // Canonical: most documents, then most mentions, then first seen.
        let best = *members
            .iter()
            .max_by_key(|&&i| {
                (
                    docs_of(&forms[i].1).len(),
                    forms[i].1.len(),
                    std::cmp::Reverse(i),
                )
            })
            .unwrap_or(&members[0]);
        let canonical = forms[best].0.clone();
        let mut right: Vec<&Claim> = Vec::new();
        for c in &forms[best].1 {
            if !right.iter().any(|r| r.anchor.doc == c.anchor.doc) {
                right.push(c);
            }
        }
        let variants: Vec<(String, Vec<&Claim>)> = members
            .iter()
            .filter(|&&i| i != best)
            .map(|&i| forms[i].clone())
            .collect();
        let subject = Subject::new(
            format!("name:person:{}", fold(&canonical).replace(' ', "-")),
            canonical.clone(),
        );
        out.push(finding(bundle, &subject, &canonical, &right, &variants));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_filed_together_are_compared_and_no_pair_alike_is_missed() {
        let names = [
            "Andrzej Duda",
            "Andrzej Dud\u{430}",
            "Anna Kim",
            "Anna Kin",
            "Black Sea",
            "Red Sea",
            "Graham Oakes",
            "Graham Oakley",
            "Ingrid Solheim",
            "Ingrid Solhiem",
            "Ingrid Mlehios",
            "José Pérez",
            "Jose Perez",
            "Olena Kovalenko",
            "Olena Kovalenco",
            "Olena Kovalenko Jr",
            "Osama Bin Laden",
            "Osama bin Laden",
            "Rajeev Menon",
            "Rajiv Menon",
            "Whitcomb",
            "Whitcombe",
            "Saudi Arabia",
        ];
        let filed = may_be_one(&names);
        let mut compared = 0;
        for i in 0..names.len() {
            for j in 0..i {
                let (a, b) = (names[i], names[j]);
                let alike = same_name_spelt_differently(a, b)
                    || same_name_spelt_differently(b, a)
                    || two_slips_in_the_surname(a, b);
                if alike {
                    assert!(filed[i].contains(&j), "{a} / {b} must be compared");
                }
                compared += usize::from(filed[i].contains(&j));
            }
        }
        // Far fewer than every pair (253; 12 when written), but every
        // pair alike.
        assert!(compared < 40, "{compared} pairs compared");
        assert!(
            filed[1].contains(&0),
            "Duda with a Cyrillic a is filed with Duda"
        );
        assert!(filed[21].contains(&20), "one-word names are filed together");
    }

    #[test]
    fn neighbouring_letters_swapped_is_one_slip() {
        assert!(same_name_spelt_differently(
            "Ingrid Solheim",
            "Ingrid Solhiem"
        ));
        assert!(same_name_spelt_differently(
            "Ingrid Solhiem",
            "Ingrid Solheim"
        ));
        // Two letters swapped far apart are two edits: another name.
        assert!(!same_name_spelt_differently(
            "Ingrid Solheim",
            "Ingrid Mlehios"
        ));
        assert!(!same_name_spelt_differently(
            "Anna Pattison",
            "Anna Patterson"
        ));
    }

    #[test]
    fn a_letter_more_that_builds_no_word_is_a_slip() {
        assert!(same_name_spelt_differently(
            "Dale Whitcomb",
            "Dale Whitcombe"
        ));
        assert!(same_name_spelt_differently(
            "Marc Thibodeaux",
            "Marc Thibodeau"
        ));
        assert!(same_name_spelt_differently("Rajeev Menon", "Rajiv Menon"));
        assert!(same_name_spelt_differently("Karim Bouzidi", "Karim Bouzid"));
        // One vowel changed, the other words the same: one slip.
        assert!(same_name_spelt_differently("Mariam Osei", "Miriam Osei"));
        assert!(same_name_spelt_differently(
            "Pascal Remaury",
            "Pascal Ramaury"
        ));

        // Word-building endings make another word, and a lone word has no
        // other word to vouch that it is the same name.
        assert!(!same_name_spelt_differently(
            "Saudi Arabia",
            "Saudi Arabian"
        ));
        assert!(!same_name_spelt_differently("Tom Roberts", "Tom Robert"));
        assert!(!same_name_spelt_differently("Whitcomb", "Whitcombe"));
    }

    #[test]
    fn one_word_spelt_two_ways() {
        assert!(same_name_spelt_differently(
            "Olena Kovalenko",
            "Olena Kovalenco"
        ));
        assert!(same_name_spelt_differently("José Pérez", "Jose Perez"));
        assert!(same_name_spelt_differently(
            "Andrzej Duda",
            "Andrzej Dud\u{430}"
        ));
    }

    #[test]
    fn inflection_and_different_people_are_not_variants() {
        assert!(!same_name_spelt_differently(
            "Saudi Arabia",
            "Saudi Arabian"
        ));
        assert!(!same_name_spelt_differently(
            "Olena Kovalenko",
            "Olena Kovalenko"
        ));
        assert!(!same_name_spelt_differently(
            "Olena Kovalenko",
            "Iryna Kovalenko"
        ));
        assert!(!same_name_spelt_differently(
            "Olena Kovalenko",
            "Olena Kovalenko Jr"
        ));
        assert!(!same_name_spelt_differently("Black Sea", "Red Sea"));
        assert!(!same_name_spelt_differently("Anna Kim", "Anna Kin"));
        assert!(!same_name_spelt_differently(
            "James Patterson",
            "James Pattison"
        ));
        assert!(!same_name_spelt_differently(
            "Osama Bin Laden",
            "Osama bin Laden"
        ));
    }
}

#[cfg(test)]
mod bundle_tests {
    use crate::claim::Category;
    use crate::compare::{Comparison, Kind};
    use crate::load::{Bundle, Document};
    use crate::rules::Rules;

    fn check(docs: &[&str]) -> Comparison {
        let rules = Rules::builtin().expect("rules");
        let documents = docs
            .iter()
            .enumerate()
            .map(|(i, text)| Document::from_text(&format!("{i:03}"), text))
            .collect();
        crate::check_bundle(Bundle::in_memory("test", documents), &rules).comparison
    }

    fn variants(c: &Comparison) -> Vec<String> {
        c.findings
            .iter()
            .filter(|f| f.kind == Kind::Variant && f.category == Category::Name)
            .map(|f| f.message.clone())
            .collect()
    }

    /// Two slips in a surname are one person misspelt only when the two
    /// spellings share an office or a quote.
    #[test]
    fn two_slips_in_a_surname_need_a_shared_office_or_quote() {
        let office = check(&[
            "Detective Superintendent Graham Oakes said the inquiry had begun.",
            "Detective Superintendent Graham Oakley said arrests were possible.",
        ]);
        assert_eq!(variants(&office).len(), 1, "{:#?}", office.findings);
        let quote = check(&[
            "Police spokesman Tobias Wendling spoke to reporters. \"The animal was outside the zoo, a few metres from the public,\" he said.",
            "Police spokesman Tobias Wendland defended it. \"The animal was outside the zoo, a few metres from the public,\" he said.",
        ]);
        assert_eq!(variants(&quote).len(), 1, "{:#?}", quote.findings);
        let nothing_shared = check(&[
            "Detective Superintendent Graham Oakes said the inquiry had begun.",
            "Graham Oakley, a neighbour, said he had heard nothing.",
        ]);
        assert!(
            variants(&nothing_shared).is_empty(),
            "{:#?}",
            nothing_shared.findings
        );
        let other_names = check(&[
            "Detective Superintendent Graham Oakes said the inquiry had begun.",
            "Detective Superintendent Helen Oakley said arrests were possible.",
        ]);
        assert!(
            variants(&other_names).is_empty(),
            "{:#?}",
            other_names.findings
        );
    }

    #[test]
    fn an_unlisted_name_spelt_two_ways_across_the_bundle() {
        let c = check(&[
            "Olena Kovalenko, the mayor, said the bridge was closed.",
            "The mayor, Olena Kovalenko, confirmed the closure.",
            "Olena Kovalenco said repairs would take a week.",
        ]);
        assert_eq!(
            variants(&c),
            ["\"Olena Kovalenco\" (002) is a variant of Olena Kovalenko, as 000 and 001 spell it"]
        );
    }

    #[test]
    fn an_unlisted_name_written_once_is_no_finding() {
        let c = check(&[
            "Olena Kovalenko spoke.",
            "Iryna Kovalenko spoke.",
            "Black Sea ports.",
        ]);
        assert!(variants(&c).is_empty(), "{:?}", variants(&c));
    }

    #[test]
    fn listed_spellings_are_no_variants_across_documents() {
        let c = check(&[
            "Volodymyr Zelenskyy met Emmanuel Macron in Kyiv.",
            "Zelenskiy met Macron in Kiev.",
            "Vladimir Zelensky and Macron met in Kyiv.",
        ]);
        assert!(variants(&c).is_empty(), "{:?}", variants(&c));
    }

    #[test]
    fn a_homoglyph_in_a_known_name_is_a_variant() {
        let c = check(&[
            "Polish President Andrzej Duda arrived.",
            "Andrzej Dud\u{430} arrived on Monday.",
        ]);
        assert_eq!(
            variants(&c),
            ["\"Andrzej Dud\u{430}\" (001) is a variant of Andrzej Duda, as 000 spells it"]
        );
    }
}
