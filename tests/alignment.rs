//! The three cases the alignment issue was filed with, as a new user
//! would meet them: a happening whose verb is in no list (a ferry that
//! "capsized"), the same text hard-wrapped at 60 columns, and a subject
//! never shown both as a conflict and as an agreement.

use std::collections::BTreeSet;
use std::path::Path;

use crosscheck::load::{Bundle, Document, Published};
use crosscheck::report::Report;
use crosscheck::report::wire::BundleReport;
use crosscheck::rules::Rules;

fn doc(id: &str, text: &str, published: &str) -> Document {
    let mut d = Document::from_text(id, text);
    d.published = Some(Published::parse(published).unwrap());
    d
}

fn report(docs: Vec<Document>) -> BundleReport {
    let rules = Rules::builtin().unwrap();
    let checked = crosscheck::check_bundle(Bundle::in_memory("test", docs), &rules);
    Report::new(&[checked], Vec::new()).bundles.remove(0)
}

/// Two wire reports of one capsizing, an hour apart. "capsized" is in no
/// list of events; the verb itself is the happening.
const MANILA: &str = "MANILA, Feb 14 (Wire) - A passenger ferry capsized at 03:40 GMT on \
Saturday off Banton island, the coast guard said. Rescuers pulled survivors from the water \
through the morning.";
const CHRONICLE: &str = "The ferry MV Santa Lucia capsized at 04:40 GMT on Saturday near Banton, \
according to the coast guard, which said rescue boats reached the site within the hour.";

/// Wraps text at `width` columns, as a wire feed or an e-mail does.
fn hard_wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split_whitespace() {
        if line > 0 && line + 1 + word.len() > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += word.len();
    }
    out.push('\n');
    out
}

/// For each finding of `category`, the documents its values cite.
fn cited_docs<C: FromIterator<String>>(
    findings: &[crosscheck::report::wire::WireFinding],
    category: &str,
) -> Vec<C> {
    findings
        .iter()
        .filter(|f| f.category.to_string() == category)
        .map(|f| {
            f.values
                .iter()
                .flat_map(|v| v.evidence.iter().map(|e| e.document.clone()))
                .collect()
        })
        .collect()
}

fn time_conflicts(b: &BundleReport) -> Vec<Vec<String>> {
    b.findings
        .iter()
        .filter(|f| f.kind.as_str() == "conflict" && f.category.to_string() == "time")
        .map(|f| f.values.iter().map(|v| v.value.clone()).collect())
        .collect()
}

#[test]
fn a_ferry_capsizing_an_hour_apart_is_a_conflict() {
    let b = report(vec![
        doc("manila", MANILA, "2026-02-14T09:00:00+08:00"),
        doc("chronicle", CHRONICLE, "2026-02-14T10:30:00+00:00"),
    ]);
    let conflicts = time_conflicts(&b);
    assert_eq!(conflicts.len(), 1, "{:#?}", b.findings);
    let mut values = conflicts[0].clone();
    values.sort();
    assert_eq!(values, ["03:40 UTC", "04:40 UTC"]);
    // Its subject names the happening by its own verb.
    let f = b
        .findings
        .iter()
        .find(|f| f.category.to_string() == "time")
        .unwrap();
    assert!(f.subject.contains("capsiz"), "{}", f.subject);
}

#[test]
fn the_same_capsizing_agrees_in_two_zones() {
    let manila_local = "A passenger ferry capsized at 11:40 a.m. Manila time on Saturday \
off Banton island, the coast guard said.";
    let b = report(vec![
        doc("manila", manila_local, "2026-02-14T15:00:00+08:00"),
        doc("wire", MANILA, "2026-02-14T09:00:00+08:00"),
    ]);
    assert!(time_conflicts(&b).is_empty(), "{:#?}", b.findings);
    let agreed: Vec<&str> = b
        .agreements
        .iter()
        .filter(|f| f.category.to_string() == "time")
        .flat_map(|f| f.values.iter().map(|v| v.value.as_str()))
        .collect();
    assert_eq!(agreed, ["03:40 UTC"], "{:#?}", b.agreements);
}

#[test]
fn hard_wrapped_text_keeps_the_conflict() {
    let wrapped = report(vec![
        doc(
            "manila",
            &hard_wrap(MANILA, 60),
            "2026-02-14T09:00:00+08:00",
        ),
        doc(
            "chronicle",
            &hard_wrap(CHRONICLE, 60),
            "2026-02-14T10:30:00+00:00",
        ),
    ]);
    let flowing = report(vec![
        doc("manila", MANILA, "2026-02-14T09:00:00+08:00"),
        doc("chronicle", CHRONICLE, "2026-02-14T10:30:00+00:00"),
    ]);
    // The wrap falls inside the sentences (the test would prove nothing
    // if it did not).
    assert!(hard_wrap(MANILA, 60).trim_end().contains('\n'));
    assert_eq!(time_conflicts(&wrapped), time_conflicts(&flowing));
    assert_eq!(time_conflicts(&wrapped).len(), 1, "{:#?}", wrapped.findings);
    // Evidence still points at the exact text, across the line break.
    let f = wrapped
        .findings
        .iter()
        .find(|f| f.category.to_string() == "time")
        .unwrap();
    for v in &f.values {
        for e in &v.evidence {
            assert!(e.text.contains("GMT"), "{e:?}");
        }
    }
}

/// In every corpus bundle, a subject reported as a conflict or variant is
/// not also listed as an agreement.
#[test]
fn no_subject_is_both_a_conflict_and_an_agreement() {
    let rules = Rules::builtin().unwrap();
    let (sources, errors) = crosscheck::load::discover(&[Path::new("corpus").to_path_buf()]);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(sources.len() >= 10, "the corpus is read");
    let checked: Vec<_> = sources
        .iter()
        .map(|s| crosscheck::check_bundle(crosscheck::load::load_bundle(s), &rules))
        .collect();
    let report = Report::new(&checked, Vec::new());
    for b in &report.bundles {
        let disputed: BTreeSet<&str> = b
            .findings
            .iter()
            .filter(|f| matches!(f.kind.as_str(), "conflict" | "variant"))
            .map(|f| f.subject_id.as_str())
            .collect();
        for a in &b.agreements {
            assert!(
                !disputed.contains(a.subject_id.as_str()),
                "{}: '{}' is both disputed and agreed",
                b.path,
                a.subject
            );
        }
    }
}

/// A wire story run by many papers is one claim many times over: copies
/// are judged once as a unit, and the finding still shows every copy as
/// evidence, on the side it stands.
#[test]
fn copies_of_a_wire_story_stand_together_against_another_report() {
    let mut docs: Vec<Document> = (0..12)
        .map(|i| doc(&format!("copy{i:02}"), MANILA, "2026-02-14T09:00:00+08:00"))
        .collect();
    docs.push(doc("chronicle", CHRONICLE, "2026-02-14T10:30:00+00:00"));
    let b = report(docs);
    let conflicts: Vec<_> = b
        .findings
        .iter()
        .filter(|f| f.kind.as_str() == "conflict" && f.category.to_string() == "time")
        .collect();
    assert_eq!(conflicts.len(), 1, "{:#?}", b.findings);
    let sides: BTreeSet<(String, usize)> = conflicts[0]
        .values
        .iter()
        .map(|v| (v.value.clone(), v.evidence.len()))
        .collect();
    assert_eq!(
        sides,
        BTreeSet::from([("03:40 UTC".to_string(), 12), ("04:40 UTC".to_string(), 1)])
    );
}

/// A document that gives one figure twice, in two sentences, gives two
/// facts of its own; its copies in other papers do not make them one.
#[test]
fn a_document_repeating_itself_is_not_one_unit() {
    let text = "The ferry capsized at 03:40 GMT on Saturday off Banton, the coast guard said. \
Later the coast guard said a second ferry capsized at 05:10 GMT on Saturday off Romblon.";
    let docs: Vec<Document> = (0..3)
        .map(|i| doc(&format!("copy{i}"), text, "2026-02-14T09:00:00+08:00"))
        .collect();
    let b = report(docs);
    // Every copy says the same: nothing to dispute.
    assert!(
        b.findings.iter().all(|f| f.kind.as_str() != "conflict"),
        "{:#?}",
        b.findings
    );
}

/// Two reports of one story published at the same moment.
fn pair(a: &str, b: &str) -> BundleReport {
    let published = "2026-03-06T12:00:00+00:00";
    report(vec![doc("a", a, published), doc("b", b, published)])
}

fn quantity_conflicts(b: &BundleReport) -> Vec<Vec<String>> {
    conflicts_of(b, "quantity")
}

/// Each conflict of one category: its values, sorted.
fn conflicts_of(b: &BundleReport, category: &str) -> Vec<Vec<String>> {
    b.findings
        .iter()
        .filter(|f| f.kind.as_str() == "conflict" && f.category.to_string() == category)
        .map(|f| {
            let mut v: Vec<String> = f.values.iter().map(|v| v.value.clone()).collect();
            v.sort();
            v
        })
        .collect()
}

/// "wounding 21" counts people as "24 people were injured" does: the noun
/// a state's verb leaves out is not another thing counted.
#[test]
fn a_bare_count_of_the_injured_meets_a_count_of_people() {
    let b = pair(
        "A car bomb exploded on Friday in the crowded Carmel market, killing two people and wounding 21.",
        "The car bomb exploded in the crowded Carmel market on Friday, killing both attackers and wounding 24 people.",
    );
    assert_eq!(quantity_conflicts(&b), [["21", "24"]], "{:#?}", b.findings);
}

/// "19 men were wounded, eight seriously": the eight are some of the 19,
/// not another count of the wounded; the 22 of the other report is the one
/// to compare.
#[test]
fn a_part_told_after_a_comma_is_not_the_count() {
    let b = pair(
        "The army statement said 19 soldiers were wounded, eight seriously, in the ambush near the border post.",
        "The army statement said 22 soldiers were wounded in the ambush near the border post.",
    );
    assert_eq!(quantity_conflicts(&b), [["19", "22"]], "{:#?}", b.findings);
}

/// A figure for one of two attacks and the total for both, in sentences
/// that share little: far apart, they are two facts, not a contradiction.
#[test]
fn counts_many_times_apart_in_different_sentences_are_two_facts() {
    let b = pair(
        "Prosecutors blame the network for the twin blasts at the ministries in March that killed 120 people and injured an estimated 2,000 people.",
        "At the transport ministry on the river bank, 14 people were killed and 85 were injured, none of them foreigners.",
    );
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
}

/// "destroyed 38 homes" and "destroyed 83 homes", with nothing else in
/// common: a head count needs more than its verb and noun, but figures
/// whose digits are transposed are the mark of one figure misprinted.
#[test]
fn transposed_digits_of_one_count_are_a_conflict() {
    let b = pair(
        "Firefighters said the blaze destroyed 38 homes before the wind turned on Monday evening.",
        "By nightfall the fire had destroyed 83 homes, according to a council statement.",
    );
    assert_eq!(quantity_conflicts(&b), [["38", "83"]], "{:#?}", b.findings);
    // The same sentences with figures far from a misprint stay apart.
    let b = pair(
        "Firefighters said the blaze destroyed 38 homes before the wind turned on Monday evening.",
        "By nightfall the fire had destroyed 52 homes, according to a council statement.",
    );
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
}

/// A time told in a relative clause ("a ballot whose result was
/// announced at …") is not done by the main clause's subject after the
/// comma (Hollersbach won; she did not announce): told to the minute, it
/// meets the time another report gives the reading of the figures by the
/// commission's chair.
#[test]
fn a_relative_clauses_time_is_not_the_main_subjects() {
    let b = pair(
        "In a members' ballot whose result was announced at 4:15 p.m. GMT on Saturday, Miriam Hollersbach won 13,208 votes.",
        "The chair of the election commission, Herta Zangerl, read out the figures at 4:15 p.m. GMT on Saturday.",
    );
    let times: Vec<BTreeSet<String>> = cited_docs(&b.agreements, "time");
    assert_eq!(
        times,
        [BTreeSet::from(["a".to_string(), "b".to_string()])],
        "{:#?}",
        b.agreements
    );
}

/// A sum rounded to its scale ("€38 million", "€83 million") and one with
/// a decimal point ("$1.38 million", "$1.83 million") is one figure too:
/// transposed digits under one verb are one sum misprinted, even when one
/// side names what the sum is in ("in cash") and the other not. A range
/// is two figures, never a misprint of one.
#[test]
fn transposed_digits_of_a_sum_are_a_conflict() {
    let b = pair(
        "The mayor gave a first estimate of the damage in the town at €38 million on Tuesday.",
        "Speaking from a fire station, the mayor said the first estimate of the damage was €83 million.",
    );
    assert_eq!(
        quantity_conflicts(&b),
        [["EUR 38 million", "EUR 83 million"]],
        "{:#?}",
        b.findings
    );
    let b = pair(
        "Four masked men shot a guard before escaping with $1.38 million on Thursday.",
        "A guard was shot and $1.83 million in cash was stolen, police said on Thursday.",
    );
    assert_eq!(
        quantity_conflicts(&b),
        [["USD 1.38 million", "USD 1.83 million"]],
        "{:#?}",
        b.findings
    );
    // Not a misprint: other digits, or a range.
    let b = pair(
        "Four masked men shot a guard before escaping with $1.38 million on Thursday.",
        "A guard was shot and $1.52 million in cash was stolen, police said on Thursday.",
    );
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
}

/// "flew … for 87 minutes before landing" and "after flying … for 78
/// minutes": a length with "for" is how long the flying lasted (the
/// "before" clause is another happening), and the two lengths, the same
/// verb and transposed digits, are one figure misprinted; a single count
/// with no verb meets the verb's count when its digits are transposed.
#[test]
fn transposed_digits_of_one_length_or_a_verbless_count_conflict() {
    let b = pair(
        "The jet descended and flew on its remaining engine for 87 minutes before touching down in the city.",
        "The plane landed safely on Tuesday after flying on one engine for 78 minutes, the airline said.",
    );
    assert_eq!(
        conflicts_of(&b, "duration"),
        [["78 minutes", "87 minutes"]],
        "{:#?}",
        b.findings
    );
    let b = pair(
        "The aircraft was carrying 286 passengers and 14 crew members when the engine failed.",
        "All 268 passengers and 14 crew members were unhurt, the airline said.",
    );
    assert_eq!(
        quantity_conflicts(&b),
        [["268", "286"]],
        "{:#?}",
        b.findings
    );
}

/// "The ship, which had left port late on Sunday, drifted ashore at 2:15
/// a.m. CET": the relative clause's day is the departure's, not the grounding's
/// (which is Monday, the day of the other report).
#[test]
fn a_relative_clauses_day_is_not_the_times_day() {
    let b = report(vec![
        doc(
            "port",
            "The cargo ship Orla Bay, which had left Port Vell late on Sunday, drifted ashore at 2:15 a.m. CET near the breakwater.",
            "2026-03-09T08:00:00+01:00",
        ),
        doc(
            "wire",
            "The Orla Bay drifted ashore at 0115 GMT on Monday near the breakwater, the harbour master said.",
            "2026-03-09T09:00:00+00:00",
        ),
    ]);
    assert!(time_conflicts(&b).is_empty(), "{:#?}", b.findings);
    let agreed: Vec<Vec<String>> = b
        .agreements
        .iter()
        .filter(|f| f.category.to_string() == "time")
        .map(|f| f.values.iter().map(|v| v.value.clone()).collect())
        .collect();
    assert_eq!(agreed, [["01:15 UTC"]], "{:#?}", b.agreements);
    let docs: Vec<BTreeSet<String>> = cited_docs(&b.agreements, "time");
    assert_eq!(docs.len(), 1, "{:#?}", b.agreements);
    assert_eq!(docs[0].len(), 2, "{:#?}", b.agreements);
}

/// Several people sentenced in one story: "Owen Castellanos, 38, the former
/// sales director, received five years" and "Lena Ward, 61, a Cherry Hill
/// internist who signed thousands of orders, received four years" are two
/// people's sentences, though each clause's verb stands after an appositive
/// (and "years" is no theme); the same person's sentence in two reports
/// still meets.
#[test]
fn sentences_of_people_named_before_an_appositive_stay_apart() {
    let b = report(vec![
        doc(
            "ledger",
            "Owen Castellanos, 38, the former sales director, received five years.",
            "2026-09-15T20:00:00+00:00",
        ),
        doc(
            "press",
            "Lena Ward, 61, a Cherry Hill internist who signed thousands of orders, received four years.",
            "2026-09-15T20:00:00+00:00",
        ),
        doc(
            "post",
            "Owen Castellanos, the former head of sales, received six years.",
            "2026-09-15T21:00:00+00:00",
        ),
    ]);
    let conflicts: Vec<Vec<String>> = b
        .findings
        .iter()
        .filter(|f| f.kind.as_str() == "conflict")
        .map(|f| {
            let mut v: Vec<String> = f.values.iter().map(|v| v.value.clone()).collect();
            v.sort();
            v
        })
        .collect();
    assert_eq!(conflicts, [["5 years", "6 years"]], "{:#?}", b.findings);
}

/// "The collapse at the colliery near Vell, in the northern coalfield,
/// happened at 03:50 GMT": the happening is the subject before the place
/// set off by commas, and ", happened" is the main verb (no verb came
/// before it), not a clause of its own about nothing.
#[test]
fn a_subject_with_a_place_set_off_by_commas_names_the_happening() {
    let b = pair(
        "The collapse at the Karsk colliery near Vell, in the northern coalfield, happened at 03:50 GMT on Wednesday.",
        "The collapse happened at 04:50 GMT on Wednesday, the operator said.",
    );
    let mut conflicts = time_conflicts(&b);
    for c in &mut conflicts {
        c.sort();
    }
    assert_eq!(conflicts, [["03:50 UTC", "04:50 UTC"]], "{:#?}", b.findings);
}

/// A dateline's day ("GLENMOOR, Ohio, 5 March (Wire) -") dates the filing,
/// the day after the event the lead dates ("on Wednesday"): a time later
/// in the story is of the lead's day, so it still meets another report's
/// time of the same happening an hour apart.
#[test]
fn a_datelines_day_with_its_region_is_the_filing_day() {
    let b = report(vec![
        doc(
            "wire",
            "GLENMOOR, Ohio, 5 March (Wire) - A gas leak forced hundreds from their homes on Wednesday, officials said.\n\nThe shelter order was lifted at 23:15 CET, the county said.",
            "2026-03-05T08:00:00+01:00",
        ),
        doc(
            "local",
            "Hundreds of Glenmoor residents left their homes on Wednesday after a gas leak.\n\nThe shelter order was lifted at 4:15 p.m. EST, the county said.",
            "2026-03-04T20:00:00-05:00",
        ),
    ]);
    let conflicts = time_conflicts(&b);
    assert_eq!(conflicts.len(), 1, "{:#?}", b.findings);
    let mut values = conflicts[0].clone();
    values.sort();
    assert_eq!(values, ["21:15 UTC", "22:15 UTC"]);
}

/// "£131 million in 2025 and £83 million in 2024" against "£214 million
/// over 2024 and 2025": each figure's own year is the one written right
/// after it, and a figure for one year is part of the two years' figure,
/// not another reading of it.
#[test]
fn a_figure_for_one_year_is_part_of_the_two_years_figure() {
    let b = pair(
        "Rebates booked too early inflated pre-tax profit by £131 million in 2025 and £83 million in 2024, the company said.",
        "Rebates booked too early overstated pre-tax profit by £214 million over 2024 and 2025, the company said.",
    );
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
    // The same two years told two ways still meet.
    let b = pair(
        "Rebates booked too early overstated pre-tax profit by £241 million over 2024 and 2025, the company said.",
        "Rebates booked too early overstated pre-tax profit by £214 million over 2024 and 2025, the company said.",
    );
    assert_eq!(
        quantity_conflicts(&b),
        [["GBP 214 million", "GBP 241 million"]],
        "{:#?}",
        b.findings
    );
}

/// One happening told with two verbs ("the order was lifted", "gave the
/// all-clear") at the same minute: the two corroborate each other (an
/// agreement); at different minutes, two verbs are two happenings, neither
/// agreeing nor in conflict. "gave" with an object of its own is what
/// happened, not who told it.
#[test]
fn the_same_minute_told_with_two_verbs_agrees() {
    let lifted =
        |at: &str| format!("The evacuation order was lifted at {at} on Thursday, the county said.");
    let gave = "Coordinator Terrence Boyd gave the all-clear at 4:15 p.m. CDT on Thursday after air monitoring.";
    let time_findings = |b: &BundleReport| -> (usize, Vec<Vec<String>>) {
        (time_conflicts(b).len(), cited_docs(&b.agreements, "time"))
    };
    let b = report(vec![
        doc("wire", &lifted("23:15 CEST"), "2026-10-09T08:00:00+02:00"),
        doc("local", gave, "2026-10-08T20:00:00-05:00"),
    ]);
    let (conflicts, agreed) = time_findings(&b);
    assert_eq!(conflicts, 0, "{:#?}", b.findings);
    assert_eq!(agreed, [["wire", "local"]], "{:#?}", b.agreements);
    let b = report(vec![
        doc("wire", &lifted("23:45 CEST"), "2026-10-09T08:00:00+02:00"),
        doc("local", gave, "2026-10-08T20:00:00-05:00"),
    ]);
    assert_eq!(time_findings(&b), (0, Vec::new()), "{:#?}", b);
}

/// One statement given to two people, one of them found only through a
/// pronoun: too uncertain to call a misattribution, and no agreement
/// either (an agreement would vouch for both speakers); the reports that
/// give it to the one most often named still agree.
#[test]
fn a_statement_given_to_two_people_is_no_agreement() {
    let b = pair(
        "Governor Jane Roe visited the valley on Saturday. “Today is a black day for the whole of our valley,” she said.",
        "“Today is a black day for the whole of our valley,” said Lukas Brand, the managing director of the lift company.",
    );
    let quotes = |fs: &[crosscheck::report::wire::WireFinding]| {
        fs.iter()
            .filter(|f| f.category.to_string() == "quote")
            .count()
    };
    assert_eq!(quotes(&b.findings), 0, "{:#?}", b.findings);
    assert_eq!(quotes(&b.agreements), 0, "{:#?}", b.agreements);
    // The same speaker in both: an agreement, which a third report giving
    // it to someone else through a pronoun does not join.
    let third = "Lukas Brand, the managing director of the lift company, told reporters the lifts would stay shut. “Today is a black day for the whole of our valley,” he said.";
    let b = report(vec![
        doc(
            "a",
            "“Today is a black day for the whole of our valley,” said Governor Jane Roe.",
            "2026-03-06T12:00:00+00:00",
        ),
        doc(
            "b",
            "“Today is a black day for the whole of our valley,” Governor Jane Roe said.",
            "2026-03-06T12:00:00+00:00",
        ),
        doc("c", third, "2026-03-06T12:00:00+00:00"),
    ]);
    let agreed: Vec<BTreeSet<String>> = cited_docs(&b.agreements, "quote");
    assert_eq!(agreed.len(), 1, "{:#?}", b.agreements);
    assert_eq!(
        agreed[0],
        BTreeSet::from(["a".to_string(), "b".to_string()])
    );
}

/// "in 2012, when thieves stole seven paintings": the clause "when" opens
/// after a year is of that year, so its figure is no reading of today's.
#[test]
fn a_when_clause_after_a_year_is_of_that_year() {
    let b = pair(
        "Thieves broke into the gallery in the city early on Wednesday and stole at least four paintings, including works by a Flemish master.",
        "The raid has revived memories of the theft from the Kunsthal museum in Rotterdam in 2012, when thieves stole seven paintings, including works by Monet, in a night-time break-in.",
    );
    let agreed: Vec<Vec<String>> = cited_docs(&b.agreements, "quantity");
    assert!(agreed.is_empty(), "{:#?}", b.agreements);
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
}

/// A ship that "struck" or "hit" a shoal, called by its name: the verbs
/// name no happening of their own (a quake "struck"), so what was struck
/// is what the time is of, also when the shoal is placed "south of" an
/// island.
#[test]
fn a_named_ship_striking_a_shoal_an_hour_apart_is_a_conflict() {
    let b = pair(
        "The Vega Star struck the Hallo shoal at 02:40 GMT on Tuesday while sailing to Riga.",
        "The Maltese-flagged Vega Star hit a shoal south of the island at 01:40 GMT on Tuesday.",
    );
    assert_eq!(time_conflicts(&b).len(), 1, "{:#?}", b.findings);
    let agree = pair(
        "The Vega Star struck the Hallo shoal at 01:40 GMT on Tuesday while sailing to Riga.",
        "The Maltese-flagged Vega Star hit a shoal south of the island at 02:40 CET on Tuesday.",
    );
    assert!(time_conflicts(&agree).is_empty(), "{:#?}", agree.findings);
    assert!(
        agree
            .agreements
            .iter()
            .any(|f| f.category.to_string() == "time"),
        "{:#?}",
        agree.agreements
    );
}

/// A verb in a relative clause ("seven apes that slipped out") is the
/// clause's verb, not a participle qualifying a noun after "that".
#[test]
fn a_time_in_a_relative_clause_is_read() {
    let b = pair(
        "Kibo was one of seven apes that slipped out of their enclosure at 10:50 GMT, crossing the moat.",
        "The seven apes slipped out of their enclosure at 10:20 GMT on Saturday.",
    );
    assert_eq!(time_conflicts(&b).len(), 1, "{:#?}", b.findings);
}

/// "the zoo" in one report and "Kesselberg Zoo" in another are one thing:
/// reopening days that differ are a conflict.
#[test]
fn a_thing_called_by_its_noun_and_by_its_name_is_one() {
    let b = pair(
        "The zoo closed for the weekend and will reopen on Tuesday after inspections.",
        "Kesselberg Zoo will reopen on Wednesday, the city announced.",
    );
    assert_eq!(conflicts_of(&b, "date").len(), 1, "{:#?}", b.findings);
    let other = pair(
        "The school closed for the weekend and will reopen on Tuesday after inspections.",
        "Kesselberg Zoo will reopen on Wednesday, the city announced.",
    );
    assert_eq!(
        conflicts_of(&other, "date").len(),
        0,
        "{:#?}",
        other.findings
    );
}

/// "180 tonnes of heavy fuel oil" measures oil, as "810 tonnes of fuel
/// oil" does.
#[test]
fn a_measure_of_a_noun_phrase_is_of_its_head() {
    let b = pair(
        "Some 180 tonnes of heavy fuel oil had leaked from a ruptured tank by Tuesday morning.",
        "The tanker spilled an estimated 810 metric tons of fuel oil, officials said.",
    );
    assert_eq!(conflicts_of(&b, "quantity").len(), 1, "{:#?}", b.findings);
}

/// A time of something done to a happening ("brought the blaze under
/// control at 21:00") or of something counted from it ("restored at 14:00,
/// 19 hours after a transformer fire") is not the happening's own time.
#[test]
fn times_of_what_was_done_to_a_fire_are_not_the_fires() {
    let b = pair(
        "A transformer caught fire at 18:42 GMT on Wednesday. Firefighters brought the blaze under control shortly after 21:00 GMT.",
        "The fire broke out at 18:42 GMT on Wednesday. Power was restored shortly before 14:00 GMT on Thursday, 19 hours after a transformer fire.",
    );
    assert!(time_conflicts(&b).is_empty(), "{:#?}", b.findings);
    // The fire's own time still meets its other telling.
    let wrong = pair(
        "A transformer caught fire at 18:42 GMT on Wednesday.",
        "The fire broke out at 19:42 GMT on Wednesday.",
    );
    assert_eq!(time_conflicts(&wrong).len(), 1, "{:#?}", wrong.findings);
}

/// "on Tuesday evening" is a day and its part: the day is of the verb's
/// happening ("the blackout began"), not of "evening".
#[test]
fn a_part_of_a_day_is_no_happening() {
    let rules = Rules::builtin().unwrap();
    let d = doc(
        "a",
        "The blackout began on Tuesday evening, when a transformer exploded.",
        "2026-03-06T12:00:00+00:00",
    );
    let claims = crosscheck::analyse_document(&d, &rules);
    let themes: Vec<String> = claims
        .claims
        .iter()
        .filter(|c| c.category.to_string() == "date")
        .filter_map(|c| c.frame.theme.as_ref().map(|t| t.head.shown.clone()))
        .collect();
    assert_eq!(themes, ["blackout"]);
}

/// A tally after "by" ("approving its third reading by 68 votes to 55")
/// is of the verb before the object, so two reports of one vote meet.
#[test]
fn a_tally_after_by_is_of_the_verb_before_its_object() {
    let b = pair(
        "Parliament passed the bill late on Wednesday, approving its third reading by 68 votes to 55.",
        "Lawmakers approved the Rural Water Bill by 66 votes to 55 late on Wednesday.",
    );
    assert_eq!(conflicts_of(&b, "quantity").len(), 1, "{:#?}", b.findings);
}

/// A train's event "recorder" is not a "record" (a figure of another
/// time): the stemmer folds both into one stem, and the speeds the
/// recorder showed were set aside as of another time.
#[test]
fn an_event_recorder_is_no_record_of_another_time() {
    let b = pair(
        "Data from the event recorder showed the train was travelling at 118 km/h when it entered the curve.",
        "Preliminary data from the event recorder showed the train was travelling at 138 km/h as it entered the curve.",
    );
    assert_eq!(conflicts_of(&b, "quantity").len(), 1, "{:#?}", b.findings);
}

/// A series word between a determiner and a sum qualifies the sum ("will
/// pay an initial €75 million"), and the one paid may stand between the
/// verb and the sum ("paying Atlético Montemar €75 million"): either way
/// the sum is of the verb, and two reports' sums meet.
#[test]
fn a_sum_after_a_series_word_or_the_one_paid_is_of_the_verb() {
    let b = pair(
        "The club paid an initial €75 million for the winger.",
        "The club paid €57 million for the winger.",
    );
    assert_eq!(conflicts_of(&b, "quantity").len(), 1, "{:#?}", b.findings);
    let b = pair(
        "The club signed the winger on Thursday, paying Atlético Montemar €75 million.",
        "The club signed the winger on Thursday, paying Atlético Montemar €57 million.",
    );
    assert_eq!(conflicts_of(&b, "quantity").len(), 1, "{:#?}", b.findings);
}

/// "The number of people evacuated … has risen to 23,460" counts people
/// evacuated, as "24,360 people had been evacuated" does.
#[test]
fn the_number_of_people_evacuated_is_a_count_of_the_evacuated() {
    let b = pair(
        "The number of people evacuated from around Mount Sangkara has risen to 23,460, the agency said.",
        "The agency said 24,360 people had been evacuated from villages around Mount Sangkara.",
    );
    assert_eq!(conflicts_of(&b, "quantity").len(), 1, "{:#?}", b.findings);
}

/// A "that" clause is of the nearest noun ("in an explosive phase that
/// lasted almost two hours"), and one modifier both reports give the
/// thing that lasted ("explosive phase") makes it one.
#[test]
fn what_a_relative_clause_says_lasted_is_its_nearest_noun() {
    let b = pair(
        "The volcano erupted on Sunday, blasting ash into the sky in an explosive phase that lasted almost two hours.",
        "The volcano erupted on Sunday. The explosive phase lasted about 40 minutes.",
    );
    assert_eq!(conflicts_of(&b, "duration").len(), 1, "{:#?}", b.findings);
}

/// A happening after "into" (or "over", "about") past the time is the
/// topic of another noun: "opened a manslaughter investigation on
/// Wednesday into the derailment" dates the investigation, and agrees
/// with a report that says so, not with the derailment's day.
#[test]
fn a_topic_after_the_time_is_not_what_it_dates() {
    let b = pair(
        "Italian prosecutors opened a manslaughter investigation on Wednesday into the derailment of an intercity train.",
        "Prosecutors opened an investigation on Wednesday.",
    );
    assert_eq!(
        b.agreements
            .iter()
            .filter(|f| f.category.to_string() == "date")
            .count(),
        1,
        "{:#?}",
        b.agreements
    );
}

/// A plan word after a preposition measures what happened against the
/// plan: "opened at 7.40pm Singapore time, well behind schedule" is a
/// fact, and contradicts a report of the opening an hour earlier.
#[test]
fn behind_schedule_is_no_plan() {
    let b = pair(
        "The gates were opened at 7.40pm Singapore time, well behind schedule, on Saturday.",
        "The gates were opened at 6.40pm Singapore time on Saturday.",
    );
    assert_eq!(conflicts_of(&b, "time").len(), 1, "{:#?}", b.findings);
}

/// A day given to people killed or hurt "in a crush" is the crush's day:
/// the report that says when the crush happened is about the same thing.
/// The two days are neighbours, so the date judge lists them as one
/// happening (an agreement with two values: the crush is no once-only
/// happening the rules name); before, the two were never joined.
#[test]
fn a_day_of_people_killed_in_something_dates_it() {
    let b = pair(
        "Nine people were killed and dozens injured on Saturday in a crush at the Gelora Stadium.",
        "The crush happened on Friday evening at the Gelora Stadium.",
    );
    let dates: Vec<_> = b
        .findings
        .iter()
        .chain(&b.agreements)
        .filter(|f| f.category.to_string() == "date")
        .collect();
    assert_eq!(dates.len(), 1, "{dates:#?}");
    assert_eq!(dates[0].values.len(), 2, "{dates:#?}");
}

/// "87 injured Saturday": the day is not what is counted, so the count
/// is of injured people like the other report's.
#[test]
fn a_day_after_a_state_is_not_what_is_counted() {
    let b = pair(
        "At least 14 people were killed and 87 injured Saturday when fans surged through the gates.",
        "Police said 78 people were injured in the crush at the gates on Saturday.",
    );
    assert_eq!(
        quantity_conflicts(&b),
        vec![vec!["78".to_string(), "87".to_string()]],
        "{:#?}",
        b.findings
    );
}

/// "It lasted about 20 minutes before stewards pulled people clear": the
/// figure after "lasted" is a length, not the time from one happening to
/// another; "the crush at Gate 7 lasted …" is the crush's, past the name's
/// figure.
#[test]
fn what_lasted_before_a_clause_is_a_length() {
    let b = pair(
        "Police said the crush at Gate 7 lasted about 20 minutes before officers forced open an exit.",
        "The crush lasted nearly 40 minutes, according to police.",
    );
    assert_eq!(conflicts_of(&b, "duration").len(), 1, "{:#?}", b.findings);
}

/// A sum written as a noun's value ("a reward of 50 million pesos") is
/// that noun's, whatever verb tells it; bare pesos are a currency.
#[test]
fn a_reward_of_a_sum_is_the_reward() {
    let b = pair(
        "The interior minister announced a reward of 50 million pesos for information.",
        "The government has offered a reward of 30 million pesos for information leading to an arrest.",
    );
    assert_eq!(
        quantity_conflicts(&b),
        vec![vec![
            "PESO 30 million".to_string(),
            "PESO 50 million".to_string()
        ]],
        "{:#?}",
        b.findings
    );
}

/// "310km south of the prison" and "some 210 kilometres (130 miles)
/// south of the prison": how far from one thing in one direction, past a
/// conversion in brackets. A distance from a named place is not of it.
#[test]
fn a_distance_in_a_direction_of_a_thing_is_one_fact() {
    let b = pair(
        "The men were found in a barn 310km south of the prison.",
        "They hid on a farm some 210 kilometres (130 miles) south of the prison.",
    );
    assert_eq!(conflicts_of(&b, "quantity").len(), 1, "{:#?}", b.findings);
    let b = pair(
        "The men were found in a barn 310km south of Santiago.",
        "They hid on a farm some 210 kilometres (130 miles) south of the prison.",
    );
    assert_eq!(conflicts_of(&b, "quantity").len(), 0, "{:#?}", b.findings);
}

/// "Dr Julian Farrow, Aldermoor's chief executive" and "Julian Farrow,
/// the company's chief medical officer": an honorific before the name
/// and a common noun for the company are read; a chief medical officer is
/// one of the officers one person is one at a time.
#[test]
fn an_appositive_post_after_an_honorific_or_the_companys_is_read() {
    let b = pair(
        "\"We acted at once,\" Dr Julian Farrow, Aldermoor's chief executive, said in a statement.",
        "Aldermoor recalled the drops. Julian Farrow, the company's chief medical officer, said the fault was found.",
    );
    assert_eq!(conflicts_of(&b, "role").len(), 1, "{:#?}", b.findings);
}

/// "Aldermoor shares closed down 11.4%, their lowest level since 2020":
/// a verb with its particle before the figure, and a year after "since"
/// that does not move the figure out of the story.
#[test]
fn a_share_after_a_verb_and_particle_is_read() {
    let b = pair(
        "Aldermoor shares closed down 11.4% on Monday, their lowest level since 2020.",
        "Aldermoor shares closed 9.6% lower on Monday.",
    );
    assert_eq!(conflicts_of(&b, "quantity").len(), 1, "{:#?}", b.findings);
}

/// Bare clocks of one happening from papers in different zones are one
/// clock, the place's: a London paper's "6.15am" and a Santiago paper's
/// "6:15 a.m." headcount agree, and a Madrid paper's "7:15 a.m." one is an
/// hour off. Read each in its paper's zone, the first two were five hours
/// apart and the third matched the London one.
#[test]
fn bare_clocks_from_papers_in_different_zones_are_the_places() {
    let docs = |madrid: &str| {
        vec![
            {
                let mut d = doc(
                    "santiago",
                    "The men's absence was discovered at the 6:15 a.m. headcount on Tuesday, the governor said.",
                    "2026-06-09T09:40:00-04:00",
                );
                d.timezone = Some("America/Santiago".parse().unwrap());
                d
            },
            {
                let mut d = doc(
                    "london",
                    "Their absence was discovered at the 6.15am headcount on Tuesday.",
                    "2026-06-13T08:00:00+01:00",
                );
                d.timezone = Some("Europe/London".parse().unwrap());
                d
            },
            {
                let mut d = doc("madrid", madrid, "2026-06-11T10:00:00+02:00");
                d.timezone = Some("Europe/Madrid".parse().unwrap());
                d
            },
        ]
    };
    let b = report(docs(
        "The escape came to light at the 6:15 a.m. headcount on Tuesday.",
    ));
    assert_eq!(conflicts_of(&b, "time").len(), 0, "{:#?}", b.findings);
    assert_eq!(
        b.agreements
            .iter()
            .filter(|f| f.category.to_string() == "time")
            .count(),
        1,
        "{:#?}",
        b.agreements
    );
    let b = report(docs(
        "The escape came to light at the 7:15 a.m. headcount on Tuesday.",
    ));
    assert_eq!(conflicts_of(&b, "time").len(), 1, "{:#?}", b.findings);
}

/// "after 18 minutes of bidding" and "after 11 minutes of bidding": a
/// length both write as one noun's is that noun's, whatever else the
/// sentences share; many times apart, two sums written so are two
/// things' (Microsoft's revenues and Netscape's).
#[test]
fn a_length_or_sum_written_as_a_nouns_is_one_fact_unless_far_apart() {
    let b = pair(
        "The hammer fell at 8.47pm after 18 minutes of bidding between six bidders.",
        "The painting went to a telephone buyer after 11 minutes of bidding, the house said.",
    );
    assert_eq!(conflicts_of(&b, "duration").len(), 1, "{:#?}", b.findings);
    let b = pair(
        "Microsoft, by comparison, had revenues of more than $14 billion.",
        "Netscape said it earned $2.7 million on revenues of $162 million in the quarter.",
    );
    assert_eq!(conflicts_of(&b, "quantity").len(), 0, "{:#?}", b.findings);
}

/// A sum in brackets in another currency restates the sum before it
/// ("HK$412 million (US$52.8 million)"): it keeps that sum's frame in its
/// own currency, and so meets another report's figure in that currency.
#[test]
fn a_converted_sum_in_brackets_keeps_the_frame() {
    let b = pair(
        "A landscape by Lu Haoran sold for HK$412 million (US$52.8 million) at the evening sale.",
        "A landscape by Lu Haoran sold for $58.2 million at the evening sale.",
    );
    assert_eq!(
        quantity_conflicts(&b),
        vec![vec![
            "USD 52.8 million".to_string(),
            "USD 58.2 million".to_string()
        ]],
        "{:#?}",
        b.findings
    );
}

/// A later report whose own sentence tells its figure as a change ("80
/// tonnes, down from 100 tonnes") gives an update of an earlier report's
/// figure, not a contradiction, though the figure fell; with no such words
/// a fall stays a conflict, unless the rules say the thing measured rises
/// and falls (a storm's winds: `falls` in rules/words.toml).
#[test]
fn a_figure_told_as_a_change_in_a_later_report_is_an_update() {
    let docs = |first: &str, later: &str| {
        vec![
            doc("a", first, "1998-10-27T12:00:00-04:00"),
            doc("b", later, "1998-10-29T12:00:00-04:00"),
        ]
    };
    let storm = "The hurricane had sustained winds of 180 mph (289 kph), forecasters said.";
    let b = report(docs(
        storm,
        "The hurricane had sustained winds of 80 mph (130 kph), forecasters said.",
    ));
    assert_eq!(conflicts_of(&b, "quantity").len(), 0, "{:#?}", b.findings);
    let fuel = "The grounded freighter held 180 tonnes of fuel oil, the coast guard said.";
    let b = report(docs(
        fuel,
        "The grounded freighter held 80 tonnes of fuel oil, down from 100 tonnes at midnight.",
    ));
    assert_eq!(conflicts_of(&b, "quantity").len(), 0, "{:#?}", b.findings);
    assert_eq!(
        b.findings
            .iter()
            .filter(|f| f.category.to_string() == "quantity" && f.kind.as_str() == "variant")
            .count(),
        1,
        "{:#?}",
        b.findings
    );
    let b = report(docs(
        fuel,
        "The grounded freighter held 80 tonnes of fuel oil, the coast guard said.",
    ));
    assert_eq!(conflicts_of(&b, "quantity").len(), 1, "{:#?}", b.findings);
}

/// One moment put in the wrong zone shows the same minutes whole hours
/// apart: told with other words ("struck", "hit"; "the coach came off the
/// road", "the crash happened"), it is still one happening, and a
/// conflict. The value may follow a relative clause set off by commas, or
/// the subject stand before a participle phrase. A round or half hour, or
/// minutes many hours apart, are too often two happenings: nothing.
#[test]
fn the_same_minutes_whole_hours_apart_are_one_moment_in_two_zones() {
    let b = pair(
        "The freighter struck a pier of the Orm Bridge, which links the island to the mainland, at 3.12am GMT on Wednesday.",
        "The ship hit the bridge's main support at 02:12 GMT on Wednesday, the coast guard said.",
    );
    assert_eq!(
        sorted(time_conflicts(&b)),
        [["02:12 UTC", "03:12 UTC"]],
        "{:#?}",
        b.findings
    );
    let coach = |at: &str| {
        format!(
            "The coach, run by Pennine Heritage Tours, came off the pass road at {at} on Friday and rolled down a slope."
        )
    };
    let crash = |at: &str| format!("The crash happened at {at} on Friday, police said.");
    let b = pair(&coach("12:20 GMT"), &crash("11:20 CET"));
    assert_eq!(
        sorted(time_conflicts(&b)),
        [["10:20 UTC", "12:20 UTC"]],
        "{:#?}",
        b.findings
    );
    for (x, y) in [
        ("12:30 GMT", "11:30 CET"),
        ("12:00 GMT", "11:00 CET"),
        ("21:20 GMT", "11:20 CET"),
    ] {
        let b = pair(&coach(x), &crash(y));
        assert!(
            time_conflicts(&b).is_empty(),
            "{x} / {y}: {:#?}",
            b.findings
        );
    }
}

fn sorted(mut found: Vec<Vec<String>>) -> Vec<Vec<String>> {
    found.iter_mut().for_each(|v| v.sort());
    found
}

#[test]
fn distances_from_one_thing_are_one_fact_unless_they_place_different_things() {
    // A bare distance with no verb: the thing it is measured from and the
    // relation word say what it is of.
    let b = pair(
        "The climbers were found in a hut 300 metres below the summit.",
        "Rescuers reached the stranded climbers 500 metres below the summit on Tuesday.",
    );
    assert_eq!(
        quantity_conflicts(&b),
        [["300 m", "500 m"]],
        "{:#?}",
        b.findings
    );
    // Above and below one thing are two distances.
    let b = pair(
        "The climbers were found on a ledge 300 metres below the summit.",
        "The helicopter hovered 500 metres above the summit.",
    );
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
    // Two things placed from one coast: an island, and a storm the
    // sentence calls "it".
    let b = pair(
        "Roatan, an island 20 miles off the coast, was cut off.",
        "It was only 30 miles off the coast by nightfall, forecasters said.",
    );
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
    let b = pair(
        "Roatan, an island 20 miles off the coast, was cut off.",
        "The storm's eye was 30 miles off the coast by nightfall.",
    );
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
}

#[test]
fn two_verbs_join_one_figure_but_never_set_two_figures_against_each_other() {
    // The same figure told with two verbs in much the same sentence is one
    // fact; one figure's digits in another order is that fact misprinted.
    let published = "2026-05-18T12:00:00+00:00";
    let b = report(vec![
        doc(
            "a",
            "The benchmark index plunged 2,870 points on Monday, its worst day since 1987.",
            published,
        ),
        doc(
            "b",
            "The benchmark index dropped 2,870 points on Monday, its worst day since 1987.",
            published,
        ),
        doc(
            "c",
            "The benchmark index fell 2,780 points on Monday, its worst day since 1987.",
            published,
        ),
    ]);
    let docs: Vec<std::collections::BTreeSet<String>> = cited_docs(&b.findings, "quantity");
    assert_eq!(
        quantity_conflicts(&b),
        [["2,780", "2,870"]],
        "{:#?}",
        b.findings
    );
    assert_eq!(docs.len(), 1, "{:#?}", b.findings);
    assert_eq!(
        docs[0].len(),
        3,
        "all three reports cited: {:#?}",
        b.findings
    );
    // Two verbs over much the same words are as often two facts: runners
    // who started and runners who finished.
    let b = pair(
        "Organisers said 14,520 runners started the race, a record for the event.",
        "Organisers said 13,912 runners finished the race, a record for the event.",
    );
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
}

fn duration_conflicts(b: &BundleReport) -> Vec<Vec<String>> {
    conflicts_of(b, "duration")
}

#[test]
fn a_length_of_one_named_thing_or_one_doing_is_one_fact() {
    // A length written before its noun is that thing's length.
    let b = pair(
        "Firefighters ended a 36-hour operation at the collapsed warehouse.",
        "The 30-hour operation ended when the last worker was found.",
    );
    assert_eq!(
        duration_conflicts(&b),
        [["30 hours", "36 hours"]],
        "{:#?}",
        b.findings
    );
    // One doing told as a verb and as a noun.
    let b = pair(
        "Rescuers searched for more than nine hours before calling off the effort.",
        "The search lasted almost seven hours, the mountain rescue service said.",
    );
    assert_eq!(duration_conflicts(&b).len(), 1, "{:#?}", b.findings);
    // Two things' lengths are not one.
    let b = pair(
        "Firefighters ended a 36-hour operation at the collapsed warehouse.",
        "The 30-hour strike ended when the union accepted the offer.",
    );
    assert!(duration_conflicts(&b).is_empty(), "{:#?}", b.findings);
}

#[test]
fn the_one_happening_a_series_word_picks_out_is_one_happening_days_apart() {
    let b = pair(
        "The central bank's next policy decision is due on August 6, officials said.",
        "The central bank's next policy decision is due on August 8, officials said.",
    );
    assert_eq!(conflicts_of(&b, "date").len(), 1, "{:#?}", b.findings);
    // "Another" picks out no one happening: two days a week apart may be
    // two of them.
    let b = pair(
        "Another policy meeting is due on August 6, officials said.",
        "Another policy meeting is due on August 8, officials said.",
    );
    assert!(conflicts_of(&b, "date").is_empty(), "{:#?}", b.findings);
}

/// Two reports of one story published at the given moments.
fn apart(a: (&str, &str), b: (&str, &str)) -> BundleReport {
    report(vec![doc("a", a.0, a.1), doc("b", b.0, b.1)])
}

#[test]
fn the_day_something_was_said_is_not_the_day_of_what_was_said() {
    // Published on Friday 6 March: "Tuesday" is the 3rd, when the ministry
    // spoke; the arrests were on Monday the 2nd in both.
    let b = pair(
        "The ministry said Tuesday that two activists arrested this week would be charged.",
        "Police arrested two activists at their homes on Monday, the ministry said.",
    );
    assert!(conflicts_of(&b, "date").is_empty(), "{:#?}", b.findings);
    // The same arrests on two days are a conflict.
    let b = pair(
        "Police arrested two activists at their homes on Tuesday, the ministry said.",
        "Police arrested two activists at their homes on Monday, the ministry said.",
    );
    assert_eq!(conflicts_of(&b, "date").len(), 1, "{:#?}", b.findings);
}

#[test]
fn a_doing_under_way_on_two_days_is_no_conflict() {
    let b = apart(
        (
            "Soldiers were still searching today for the bodies of the missing crew.",
            "2026-03-05T18:00:00+00:00",
        ),
        (
            "Soldiers were searching Friday for the bodies of the missing crew.",
            "2026-03-06T18:00:00+00:00",
        ),
    );
    assert!(conflicts_of(&b, "date").is_empty(), "{:#?}", b.findings);
    // A thing done once, on two days, is.
    let b = pair(
        "Soldiers recovered the bodies of the missing crew on Thursday.",
        "Soldiers recovered the bodies of the missing crew on Wednesday.",
    );
    assert_eq!(conflicts_of(&b, "date").len(), 1, "{:#?}", b.findings);
}

#[test]
fn a_week_and_the_day_after_it_are_two_times() {
    // "This week" in a report of Friday 6 March is 2-8 March; "Monday" in a
    // report of 12 March is the 9th: another hearing.
    let b = apart(
        (
            "Earlier this week, the former minister appeared in court with a black eye.",
            "2026-03-06T18:00:00+00:00",
        ),
        (
            "The former minister appeared in court Monday, when the judge set a trial date.",
            "2026-03-12T18:00:00+00:00",
        ),
    );
    assert!(conflicts_of(&b, "date").is_empty(), "{:#?}", b.findings);
    // Two single days side by side are one day told wrong.
    let b = apart(
        (
            "The former minister appeared in court on Tuesday, when the judge set a trial date.",
            "2026-03-12T18:00:00+00:00",
        ),
        (
            "The former minister appeared in court Monday, when the judge set a trial date.",
            "2026-03-12T18:00:00+00:00",
        ),
    );
    assert_eq!(conflicts_of(&b, "date").len(), 1, "{:#?}", b.findings);
}

#[test]
fn a_length_that_grew_by_the_days_between_reports_is_no_conflict() {
    let a = "After a day of fighting, rebels entered the town of Kalemba.";
    let b = "After a week of fighting, rebels entered the town of Kalemba.";
    let week_apart = apart(
        (a, "2026-10-04T12:00:00+00:00"),
        (b, "2026-10-11T12:00:00+00:00"),
    );
    assert!(
        duration_conflicts(&week_apart).is_empty(),
        "{:#?}",
        week_apart.findings
    );
    // Told the same day, the two lengths contradict each other.
    let same_day = pair(a, b);
    assert_eq!(
        duration_conflicts(&same_day).len(),
        1,
        "{:#?}",
        same_day.findings
    );
}

#[test]
fn days_a_sentence_lists_are_each_another_members() {
    // Each prize has its day; the two lists agree, member by member.
    let b = pair(
        "The physics and chemistry prizes will be announced Tuesday, the economics prize on Wednesday and the peace prize on Friday.",
        "The medicine prize will be announced on March 9, physics and chemistry on March 10, economics on March 11 and peace on March 13.",
    );
    assert!(conflicts_of(&b, "date").is_empty(), "{:#?}", b.findings);
    // "Wednesday and Thursday": the doing spans both days.
    let b = pair(
        "The district closed all 64 of its schools Wednesday and Thursday.",
        "The district has closed all 64 of its schools for Thursday as well.",
    );
    assert!(conflicts_of(&b, "date").is_empty(), "{:#?}", b.findings);
    // One announcement on two neighbouring days is a conflict.
    let b = pair(
        "The physics prize will be announced on Tuesday in Stockholm.",
        "The physics prize will be announced on Wednesday in Stockholm.",
    );
    assert_eq!(conflicts_of(&b, "date").len(), 1, "{:#?}", b.findings);
}

#[test]
fn a_running_total_since_a_happening_is_not_one_days_count() {
    let b = pair(
        "Since dissidents began organising the party, police have detained more than two dozen members.",
        "Last week police detained 10 members of the party.",
    );
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
    // Two running totals since one happening are one fact.
    let b = pair(
        "Since dissidents began organising the party, police have detained more than two dozen members.",
        "Since dissidents began organising the party, police have detained 12 members.",
    );
    assert_eq!(quantity_conflicts(&b).len(), 1, "{:#?}", b.findings);
}

#[test]
fn a_figure_by_the_end_of_a_year_is_compared_without_a_panic() {
    // "by the end of the year" is a bound with no first day: the
    // calendar's first day, which has no day before it.
    // One plan, two figures: a conflict.
    let b = pair(
        "The agency will hire 40 inspectors by the end of the year.",
        "The agency will hire 45 inspectors by the end of the year.",
    );
    assert!(b.errors.is_empty(), "{:#?}", b.errors);
    assert_eq!(quantity_conflicts(&b).len(), 1, "{:#?}", b.findings);
    // A total up to the end of a year and a count over that year are two
    // periods' figures.
    let b = pair(
        "The agency had hired 40 inspectors by the end of 2025.",
        "The agency had hired 45 inspectors in 2025.",
    );
    assert!(b.errors.is_empty(), "{:#?}", b.errors);
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
}

#[test]
fn a_count_of_more_of_them_is_an_addition_not_the_toll() {
    // "four more deaths" adds to a toll told elsewhere.
    let b = pair(
        "Police said four more people died overnight in the cold.",
        "Police said 36 people died in the cold.",
    );
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
    // Two tolls are one fact.
    let b = pair(
        "Police said 32 people died in the cold.",
        "Police said 36 people died in the cold.",
    );
    assert_eq!(quantity_conflicts(&b).len(), 1, "{:#?}", b.findings);
}

#[test]
fn minus_is_the_sign_of_a_temperature() {
    // The conversion in brackets agrees only below zero: -20 °C is -4 °F.
    let b = pair(
        "Temperatures in Mouthe fell to minus 20 degrees Celsius (minus 4 Fahrenheit) on Monday.",
        "Temperatures in Mouthe fell to minus 4 Fahrenheit on Monday.",
    );
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
    let b = pair(
        "Temperatures in Mouthe fell to minus 20 degrees Celsius on Monday.",
        "Temperatures in Mouthe fell to 20 degrees Celsius on Monday.",
    );
    assert_eq!(quantity_conflicts(&b).len(), 1, "{:#?}", b.findings);
}

#[test]
fn gusts_after_the_sustained_winds_are_the_gusts() {
    let b = pair(
        "The typhoon had sustained winds of 120 kph, with gusts up to 150 kph, as it neared the coast.",
        "The typhoon had sustained winds of 150 kph as it neared the coast.",
    );
    let conflicts = quantity_conflicts(&b);
    assert_eq!(conflicts.len(), 1, "{:#?}", b.findings);
    // The gust is not one of the sustained winds' values.
    assert!(
        !conflicts[0].iter().any(|v| v.starts_with("at most")),
        "{conflicts:#?}"
    );
}

#[test]
fn a_share_recovered_rising_report_by_report_is_an_update() {
    let early = "Divers have recovered 60 percent of the plane from the sea floor.";
    let late = "About 70 percent of the plane has been recovered from the sea floor.";
    let b = apart(
        (early, "2026-10-27T12:00:00+00:00"),
        (late, "2026-10-29T12:00:00+00:00"),
    );
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
    assert!(
        b.findings
            .iter()
            .any(|f| f.kind.as_str() == "variant" && f.category.to_string() == "quantity"),
        "{:#?}",
        b.findings
    );
    // Told at the same time, the two figures contradict.
    let b = pair(early, late);
    assert_eq!(quantity_conflicts(&b).len(), 1, "{:#?}", b.findings);
}

#[test]
fn a_storms_winds_a_day_apart_are_an_update() {
    let first = "The typhoon had sustained winds of 120 kph as it crossed the island.";
    let next =
        "The typhoon gained strength, packing sustained winds of 130 kph as it crossed the island.";
    let b = apart(
        (first, "1998-10-23T12:00:00+00:00"),
        (next, "1998-10-24T12:00:00+00:00"),
    );
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
    // Told at the same time, the two figures contradict.
    let b = pair(first, next);
    assert_eq!(quantity_conflicts(&b).len(), 1, "{:#?}", b.findings);
}

#[test]
fn a_vote_for_another_end_is_another_vote() {
    let b = pair(
        "The House voted Friday to condemn the pact.",
        "The House voted Thursday to authorize an impeachment inquiry.",
    );
    assert!(conflicts_of(&b, "date").is_empty(), "{:#?}", b.findings);
    // One vote for one end on two days is a conflict.
    let b = pair(
        "The House voted Friday to condemn the pact.",
        "The House voted Thursday to condemn the pact.",
    );
    assert_eq!(conflicts_of(&b, "date").len(), 1, "{:#?}", b.findings);
}

#[test]
fn red_team_signs_additions_and_storm_moments() {
    // A minus sign glued to the figure is its sign.
    let b = pair(
        "Temperatures in Mouthe fell to -20C on Monday.",
        "Temperatures in Mouthe fell to 20C on Monday.",
    );
    assert_eq!(quantity_conflicts(&b).len(), 1, "{:#?}", b.findings);
    // "87 more" after another figure of the sentence are other people:
    // the injured, a total.
    let b = pair(
        "Fourteen people died and 87 more were injured in the crush.",
        "Police said 78 people were injured in the crush.",
    );
    assert_eq!(quantity_conflicts(&b).len(), 1, "{:#?}", b.findings);
    // Winds both reports give for one named day are of one moment, a day
    // apart or not.
    let b = apart(
        (
            "At landfall on Tuesday the typhoon had sustained winds of 150 kph.",
            "1998-10-21T12:00:00+00:00",
        ),
        (
            "At landfall on Tuesday the typhoon had sustained winds of 120 kph.",
            "1998-10-22T12:00:00+00:00",
        ),
    );
    assert_eq!(quantity_conflicts(&b).len(), 1, "{:#?}", b.findings);
    // Reports an hour apart give one state of the storm.
    let b = apart(
        (
            "The typhoon had sustained winds of 150 kph as it crossed the island.",
            "1998-10-21T12:00:00+00:00",
        ),
        (
            "The typhoon had sustained winds of 120 kph as it crossed the island.",
            "1998-10-21T13:00:00+00:00",
        ),
    );
    assert_eq!(quantity_conflicts(&b).len(), 1, "{:#?}", b.findings);
}

/// "killed at least 62 people throughout Europe": every preposition ends a
/// figure's noun phrase, so the place after it is the figure's scope and
/// the continent's toll stays apart from one country's.
#[test]
fn a_toll_throughout_a_region_is_not_one_countrys() {
    let b = pair(
        "An Arctic cold wave and blizzards have killed at least 62 people throughout Europe, police said Monday.",
        "The Arctic cold wave has killed 32 people in Poland, police said Monday.",
    );
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
    // The same region's tolls, told at one moment, still meet.
    let b = pair(
        "An Arctic cold wave and blizzards have killed 62 people throughout Europe, police said Monday.",
        "The Arctic cold wave has killed 65 people throughout Europe, police said Monday.",
    );
    assert_eq!(quantity_conflicts(&b), [["62", "65"]], "{:#?}", b.findings);
}

/// "That typhoon left 2,361 dead", after a sentence about one in October
/// 1970: a sentence opened by a distal determiner is about what the one
/// before it told, and so of that time, not the story's toll.
#[test]
fn that_storm_after_a_dated_one_is_that_storms() {
    let story = "Typhoon Babs left 129 dead in the northern Philippines, officials said.";
    let b = pair(
        story,
        "The last major typhoon struck in October 1970. That typhoon left 136 dead in the northern Philippines.",
    );
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
    // The same figure told of the story's typhoon meets it.
    let b = pair(
        story,
        "The last major typhoon struck in October 1970. Typhoon Babs left 136 dead in the northern Philippines.",
    );
    assert_eq!(
        quantity_conflicts(&b),
        [["129", "136"]],
        "{:#?}",
        b.findings
    );
}

/// "With 22 percent of the vote counted": a sentence with an absolute
/// clause of a share tells its figures at one moment of a count under
/// way; reports at other moments of the count give other figures.
#[test]
fn figures_told_at_a_count_under_way_never_contradict() {
    let b = pair(
        "With 22 percent of the vote counted, Cardoso had won 51 percent of the vote.",
        "With 56 percent of the votes counted, Cardoso had won 53 percent of the vote.",
    );
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
    // The final shares, told as such, still meet; so does a toll in an
    // absolute clause of a count ("…, with 12 people killed").
    let b = pair(
        "Cardoso had won 51 percent of the vote, officials said.",
        "Cardoso had won 53 percent of the vote, officials said.",
    );
    assert_eq!(
        quantity_conflicts(&b),
        [["51%", "53%"]],
        "{:#?}",
        b.findings
    );
    let b = pair(
        "The bus plunged into a ravine near Kandy on Sunday, with 12 people killed.",
        "The bus plunged into a ravine near Kandy on Sunday, with 14 people killed.",
    );
    assert_eq!(quantity_conflicts(&b), [["12", "14"]], "{:#?}", b.findings);
}

/// "left for Libya Saturday", "left Jerba on Sunday for the United Arab
/// Emirates", "left Sunday for a summit": a departure's destination, named
/// after the verb, tells one departure from another. (Days well before the
/// Friday publication: a Saturday may be read as the next day, which no past
/// departure can be, and would prove nothing.)
#[test]
fn departures_for_two_places_are_two_departures() {
    let libya =
        "Kofi Annan left for Libya Tuesday to hold talks with its leader, his spokesman said.";
    for other in [
        "Kofi Annan left Jerba on Wednesday for the United Arab Emirates, his spokesman said.",
        "Kofi Annan left Wednesday for a summit of Gulf states, which begins Thursday in Dubai.",
    ] {
        let b = pair(libya, other);
        assert!(
            conflicts_of(&b, "date").is_empty(),
            "{other}: {:#?}",
            b.findings
        );
    }
    // One destination on two days is one departure told two ways.
    let b = pair(
        libya,
        "Kofi Annan left for Libya on Wednesday, his spokesman said.",
    );
    assert_eq!(conflicts_of(&b, "date").len(), 1, "{:#?}", b.findings);
}

/// "announced Rs 5 lakh compensation": a sum written right before its noun
/// measures that noun, not the verb's subject, and a lakh is a hundred
/// thousand. Two sources naming different officials agree or disagree on
/// the compensation itself.
#[test]
fn a_sum_before_its_noun_is_a_sum_of_that_noun() {
    let rao = "Chief Minister Anil Rao announced Rs 4 lakh compensation for each bereaved family.";
    let b = pair(
        "The state government announced Rs 5 lakh compensation for each bereaved family.",
        rao,
    );
    assert_eq!(quantity_conflicts(&b).len(), 1, "{:#?}", b.findings);
    let b = pair(
        "The state government announced 400,000 rupees compensation for each bereaved family.",
        rao,
    );
    assert!(quantity_conflicts(&b).is_empty(), "{:#?}", b.findings);
    assert_eq!(b.agreements.len(), 1, "{:#?}", b.agreements);
}

/// "a guard was wounded and $1.83 million in cash was stolen": a sum that
/// opens a conjunct with its own verb is that verb's, so it meets another
/// report of the sum stolen, whatever the first conjunct did.
#[test]
fn a_sum_in_its_own_conjunct_is_of_its_own_verb() {
    let b = pair(
        "A guard was wounded and $1.83 million in cash was stolen, police said.",
        "Robbers shot a guard, and $1.38 million in cash was stolen, police said.",
    );
    assert_eq!(quantity_conflicts(&b).len(), 1, "{:#?}", b.findings);
}

/// Offices the title list does not know are read by their shape: the
/// lower-case words right before a person's name. "former coach" against
/// "coach" is a conflict; two different descriptions of one person are
/// not (a coach may be a former athlete), and words before a company's
/// name make no office (a person is called by the surname alone elsewhere;
/// a company seldom by its last word).
#[test]
fn an_office_the_rules_do_not_list_is_read_by_its_shape() {
    let coach =
        "His coach Daniel Rotich watched from the finish. Rotich said the race went to plan.";
    let b = pair(
        "Kiptanui's former coach Daniel Rotich was at the finish. Rotich said the race went to plan.",
        coach,
    );
    assert_eq!(conflicts_of(&b, "role").len(), 1, "{:#?}", b.findings);
    // "the party's deputy leader, Miriam Hollersbach": between a
    // possessive and a comma.
    let b = pair(
        "The party's deputy leader, Miriam Hollersbach, came first. Hollersbach thanked members.",
        "The former deputy leader Miriam Hollersbach came first. Hollersbach thanked members.",
    );
    assert_eq!(conflicts_of(&b, "role").len(), 1, "{:#?}", b.findings);
    // Two descriptions of one person are no conflict.
    let b = pair(
        "The veteran coach Daniel Rotich was at the finish. Rotich said the race went to plan.",
        coach,
    );
    assert!(conflicts_of(&b, "role").is_empty(), "{:#?}", b.findings);
    // A company named in full only: no office.
    let b = pair(
        "The former operator Alpen Verkehr ran the lift until 2020.",
        "The operator Alpen Verkehr ran the lift until 2020.",
    );
    assert!(conflicts_of(&b, "role").is_empty(), "{:#?}", b.findings);
}

/// "Ishiyama Pharmaceutical, which paid …" and "Ishiyama paid …": a doer
/// the document does not list is the whole run of capitals before the
/// relative clause, and one name's words among the other's are one doer.
/// Two doers stay apart.
#[test]
fn a_doer_named_in_full_and_in_short_is_one_doer() {
    let full = "Ishiyama Pharmaceutical, which paid $310 million upfront for the rights in 2025, \
                will handle sales in Asia.";
    let b = pair(
        full,
        "Ishiyama paid $310 million upfront in 2025 for the rights to the vaccine.",
    );
    let agreed: Vec<BTreeSet<String>> = cited_docs(&b.agreements, "quantity");
    assert_eq!(agreed.len(), 1, "{:#?}", b.agreements);
    assert_eq!(agreed[0].len(), 2, "{:#?}", b.agreements);
    let b = pair(
        full,
        "Its rival Kowa Holdings paid $310 million upfront in 2025 for the rights to the vaccine.",
    );
    assert!(
        cited_docs::<BTreeSet<String>>(&b.agreements, "quantity").is_empty(),
        "{:#?}",
        b.agreements
    );
}

/// "a 30-hour operation involving police divers": the participle starts a
/// clause of its own, so the operation, not the divers, is what lasted.
#[test]
fn a_length_of_a_thing_followed_by_a_participle_is_the_things() {
    let b = pair(
        "Crews stood down at dusk after a 30-hour operation involving police divers and volunteers.",
        "The 40-hour operation that found the two hikers ended at dusk on Sunday.",
    );
    assert_eq!(
        duration_conflicts(&b),
        [["30 hours", "40 hours"]],
        "{:#?}",
        b.findings
    );
}

/// A length written as one thing's own ("a three-year freeze") is that
/// thing's whether the sentence plans it or reports it, and whatever verb
/// governs it; a forecast still stands apart ("could end the two-month
/// war" against "a day of fighting").
#[test]
fn a_things_own_length_is_one_fact_under_any_verb() {
    let b = pair(
        "The budget would impose a three-year freeze on teachers' salaries from January.",
        "Thousands marched on Saturday against the two-year freeze on teachers' salaries.",
    );
    assert_eq!(
        duration_conflicts(&b),
        [["2 years", "3 years"]],
        "{:#?}",
        b.findings
    );
    let b = pair(
        "After a day of fighting, the rebels said Sunday they had entered the town.",
        "Commanders said the battle could decide the outcome of the two-month war.",
    );
    assert!(duration_conflicts(&b).is_empty(), "{:#?}", b.findings);
}

/// "The bridge, which opened in 1983, is the only link for the island's
/// 3,500 residents": a relative clause set off by commas dates its own
/// verb, not the figure of the clause around it.
#[test]
fn a_year_inside_a_relative_clause_does_not_date_the_main_clause() {
    let b = pair(
        "The bridge, which opened in 1983, is the only road link for the island's 3,500 residents.",
        "The bridge is the only road link for the island's 5,300 residents, officials said.",
    );
    assert_eq!(
        quantity_conflicts(&b),
        [["3,500", "5,300"]],
        "{:#?}",
        b.findings
    );
}

/// A sum told as a verb in one report and as a noun in the other ("was
/// fined €30,000", "ordered to pay a €35,000 fine") is one sum; a day is
/// the verb's own ("was arrested on Thursday", "his arrest was announced
/// on Friday" are two happenings).
#[test]
fn a_sum_told_as_verb_and_as_noun_is_one_sum_but_a_day_is_the_verbs() {
    let b = pair(
        "The sprinter was also fined €30,000 by the tribunal on Thursday.",
        "The tribunal ordered the sprinter to pay a €35,000 fine on Thursday.",
    );
    assert_eq!(
        quantity_conflicts(&b),
        [["EUR 30,000", "EUR 35,000"]],
        "{:#?}",
        b.findings
    );
    let b = pair(
        "The rebel leader was arrested on Thursday as he stepped off a plane, police said.",
        "The rebel leader is in custody in Rome, where his arrest was announced on Friday.",
    );
    assert!(conflicts_of(&b, "date").is_empty(), "{:#?}", b.findings);
}

/// "The ruling, published at 0900 GMT, backdates the ban to April 6": a
/// day something is set or moved to is its verb's, not the time's; the
/// time stays on the story's day and agrees with another report of it.
#[test]
fn a_day_something_is_moved_to_is_not_the_times_day() {
    let b = report(vec![
        doc(
            "wire",
            "The tribunal's ruling, published at 0900 GMT, backdates the ban to April 6, the day she was suspended.",
            "2027-06-10T10:20:00+01:00",
        ),
        doc(
            "paper",
            "The tribunal's ruling was published at 11 a.m. Monaco time (0900 GMT) on Thursday, the federation said.",
            "2027-06-10T13:00:00+02:00",
        ),
    ]);
    assert!(time_conflicts(&b).is_empty(), "{:#?}", b.findings);
    let docs: Vec<BTreeSet<String>> = cited_docs(&b.agreements, "time");
    assert_eq!(docs.len(), 1, "{:#?}", b.agreements);
    assert_eq!(docs[0].len(), 2, "{:#?}", b.agreements);
}
