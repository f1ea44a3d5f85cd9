//! The default output: per bundle, a table with one row per finding (what
//! kind of finding, its subject and id, and what each source says: every
//! value with the outlet, line and text that give it), then the
//! agreements, then a summary line; for a collection, a total at the end.
//!
//! The table fits `Options::width` columns: below 140 the severity, kind
//! and category stack in one narrow column; text wraps by words with its
//! indent kept. Colour (severity, quote insertions and deletions) only when
//! `Options::colour`; without it a deletion reads `~~old~~ new`. Documents
//! are named by their label (outlet from bundle.toml, else a unique short
//! name).

use super::diff::{Segment, segments};
use super::term::{Line, Text, Tone};
use super::wire::{BaselineStatus, BundleReport, Evidence, WireFinding};
use super::{Counts, Options, Report, one_line, plural};
use crate::compare::Severity;
use crate::error::terminal_safe;

/// The narrowest table drawn; narrower terminals get it anyway.
const MIN_WIDTH: usize = 60;
/// From this width on, severity, kind and category get a column each.
const WIDE: usize = 140;
/// Evidence text is cut after this many characters (the JSON has it all).
const EVIDENCE_CHARS: usize = 160;

pub fn render(report: &Report, options: &Options) -> String {
    // Errors of the run itself (a path that is not there) go to standard
    // error only; a bundle's errors are listed under its table as well.
    let mut out = String::new();
    for (i, bundle) in report.bundles.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        render_bundle(bundle, options, &mut out);
    }
    for s in &report.stale_baseline {
        out.push_str(&stale_line(s));
    }
    if report.bundles.len() > 1 {
        let c = Counts::of_report(report, options.fail_on);
        let mut line = Text::new();
        line.push(
            Tone::Bold,
            &format!(
                "{}, {}: {}",
                plural(c.bundles, "bundle"),
                plural(c.documents, "document"),
                c.sentence()
            ),
        );
        out.push('\n');
        for l in line.wrap(options.width.max(MIN_WIDTH), 0, 2) {
            out.push_str(&l.render(options.colour));
            out.push('\n');
        }
    }
    out
}

fn render_bundle(bundle: &BundleReport, options: &Options, out: &mut String) {
    let width = options.width.max(MIN_WIDTH);
    let mut head = Text::new();
    head.push(Tone::Bold, &safe(&bundle.path));
    if let Some(title) = &bundle.title {
        head.push(Tone::Bold, &format!(" — {}", safe(title)));
    }
    head.push(
        Tone::Plain,
        &format!(" ({})", plural(bundle.documents.len(), "document")),
    );
    emit(&head.wrap(width, 0, 2), options, out);
    if bundle.documents.iter().any(|d| d.source.is_some()) {
        let mut legend = Text::new();
        let names: Vec<String> = bundle
            .documents
            .iter()
            .map(|d| {
                let file = d.path.rsplit('/').next().unwrap_or(&d.path);
                format!("{} = {}", safe(&d.label), safe(file))
            })
            .collect();
        legend.push(Tone::Dim, &format!("Sources: {}", names.join("; ")));
        emit(&legend.wrap(width, 0, 2), options, out);
    }

    let shown: Vec<&WireFinding> = bundle
        .findings
        .iter()
        .filter(|f| options.shows(f))
        .collect();
    let hidden = bundle.findings.len() - shown.len();
    if bundle.documents.is_empty() && !bundle.errors.is_empty() {
        out.push_str("Not checked: the bundle could not be loaded (see the errors below).\n");
    } else if shown.is_empty() {
        let mut line = String::from("No conflicts or variants found.");
        if hidden > 0 {
            line.push_str(&format!(
                " {} not shown (--show-unresolved lists them).",
                plural(hidden, "unresolved claim")
            ));
        }
        out.push_str(&line);
        out.push('\n');
    } else {
        let wide = width >= WIDE;
        let header: Vec<&str> = if wide {
            vec![
                "severity",
                "kind",
                "category",
                "subject",
                "what each source says",
            ]
        } else {
            vec!["finding", "subject", "what each source says"]
        };
        let rows: Vec<Vec<Text>> = shown.iter().map(|f| finding_row(bundle, f, wide)).collect();
        draw(&header, &rows, width, options.colour, out);
        if hidden > 0 {
            out.push_str(&format!(
                "{} not shown (--show-unresolved lists them).\n",
                plural(hidden, "unresolved claim")
            ));
        }
    }
    if options.agreements && !bundle.agreements.is_empty() {
        out.push_str("Agreements:\n");
        let rows: Vec<Vec<Text>> = bundle
            .agreements
            .iter()
            .map(|f| {
                let mut category = Text::new();
                category.push(Tone::Good, f.category.as_str());
                vec![category, subject_cell(f), values_cell(bundle, f)]
            })
            .collect();
        draw(
            &["category", "subject", "what the sources agree on"],
            &rows,
            width,
            options.colour,
            out,
        );
    }
    if !bundle.skipped.is_empty() {
        out.push_str("Read but not compared (--explain-skipped):\n");
        for s in &bundle.skipped {
            let mut line = Text::new();
            line.push(
                Tone::Plain,
                &format!(
                    "{}:{} “{}” ({}): ",
                    safe(bundle.label(&s.evidence.document)),
                    s.evidence.line,
                    safe(&s.evidence.text),
                    s.category.as_str()
                ),
            );
            line.push(Tone::Dim, &safe(&s.reason));
            emit(&line.wrap(width, 2, 4), options, out);
        }
    }
    for e in &bundle.errors {
        out.push_str(&format!("error: {}\n", safe(&e.to_string())));
    }
    for s in &bundle.stale_baseline {
        out.push_str(&stale_line(s));
    }
    let counts = Counts::of_bundle(bundle, options.fail_on);
    out.push_str(&counts.sentence());
    out.push('\n');
}

/// Text from the files for a cell, on one line and safe for a terminal:
/// control characters become visible Control Pictures (`␛`) and
/// bidirectional overrides `\u{…}` escapes (`terminal_safe`), before any
/// colour is added, so escape sequences in an article are shown, never
/// obeyed, while the table's own colour codes stay codes.
fn safe(text: &str) -> String {
    one_line(&terminal_safe(text))
}

fn stale_line(s: &super::wire::StaleEntry) -> String {
    format!(
        "stale baseline entry {} ({}): it matches no finding any more\n",
        s.id,
        safe(s.subject.as_deref().unwrap_or("no subject"))
    )
}

fn emit(lines: &[Line], options: &Options, out: &mut String) {
    for l in lines {
        out.push_str(&l.render(options.colour));
        out.push('\n');
    }
}

fn severity_tone(s: Severity) -> Tone {
    match s {
        Severity::Error => Tone::Error,
        Severity::Warning => Tone::Warning,
        Severity::Info => Tone::Info,
    }
}

fn finding_row(bundle: &BundleReport, f: &WireFinding, wide: bool) -> Vec<Text> {
    let mut severity = Text::new();
    severity.push(severity_tone(f.severity), f.severity.as_str());
    let mut kind = Text::new();
    kind.push(Tone::Plain, f.kind.as_str());
    let mut category = Text::new();
    category.push(Tone::Plain, f.category.as_str());
    let subject = subject_cell(f);
    let values = values_cell(bundle, f);
    if wide {
        vec![severity, kind, category, subject, values]
    } else {
        // One narrow column, one word a line.
        let mut what = Text::new();
        what.push(severity_tone(f.severity), f.severity.as_str())
            .push(Tone::Plain, "\n")
            .push(Tone::Plain, f.kind.as_str())
            .push(Tone::Plain, "\n")
            .push(Tone::Plain, f.category.as_str());
        vec![what, subject, values]
    }
}

/// The subject, the finding id, and what the baseline says of it.
fn subject_cell(f: &WireFinding) -> Text {
    let mut t = Text::new();
    t.push(Tone::Plain, &safe(&f.subject));
    t.push(Tone::Plain, "\n");
    t.push(Tone::Dim, &format!("[{}]", f.id));
    if let Some(mark) = &f.baseline {
        t.push(Tone::Plain, "\n");
        match mark.status {
            BaselineStatus::Accepted => {
                t.push(Tone::Dim, "accepted in baseline");
            }
            BaselineStatus::Changed => {
                t.push(Tone::Warning, "CHANGED since the baseline");
                if !mark.previous_values.is_empty() {
                    t.push(Tone::Plain, "\n").push(
                        Tone::Plain,
                        &format!("was: {}", safe(&mark.previous_values.join(" / "))),
                    );
                }
            }
        }
        if let Some(reason) = &mark.reason {
            t.push(Tone::Plain, "\n")
                .push(Tone::Dim, &format!("reason: {}", safe(reason)));
        }
    }
    t
}

/// Every value, then one indented line per piece of evidence:
/// `Reuters:7 “$4.2 billion”`. Lines of a cell are separated by `\n`
/// here and wrapped later, each with its own indent.
fn values_cell(bundle: &BundleReport, f: &WireFinding) -> Text {
    let mut t = Text::new();
    // When one side of a conflict holds several values written differently
    // (km and miles), letter the sides so the reader sees which agree.
    let sides: Vec<usize> = f.values.iter().filter_map(|v| v.side).collect();
    let lettered = (1..sides.len()).any(|i| sides[..i].contains(&sides[i]));
    for (i, v) in f.values.iter().enumerate() {
        if i > 0 {
            t.push(Tone::Plain, "\n");
        }
        match v.side {
            Some(side) if lettered => {
                let letter = char::from(b'A' + (side % 26) as u8);
                t.push(Tone::Bold, &format!("{letter} •"));
            }
            _ => {
                t.push(Tone::Bold, "•");
            }
        }
        t.push(Tone::Plain, "\u{0}");
        for s in segments(&safe(&v.value)) {
            match s {
                Segment::Same(x) => t.push(Tone::Plain, x),
                Segment::Deleted(x) => t.push(Tone::Deleted, x),
                Segment::Inserted(x) => t.push(Tone::Inserted, x),
            };
        }
        for e in &v.evidence {
            t.push(Tone::Plain, "\n\u{1}");
            t.push(
                Tone::Dim,
                &format!("{}:{}", safe(bundle.label(&e.document)), e.line),
            );
            t.push(Tone::Plain, " ");
            t.push(Tone::Plain, &quoted(e));
        }
    }
    t
}

/// Evidence text in quote marks, unless it already opens with one.
fn quoted(e: &Evidence) -> String {
    let text = safe(&e.text);
    let text = if text.chars().count() > EVIDENCE_CHARS {
        // Cut at a word, so the last word shown is whole.
        let cut: String = text.chars().take(EVIDENCE_CHARS - 1).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(keep, _)| keep);
        format!("{}…", cut.trim_end())
    } else {
        text
    };
    let opens = text.starts_with(['"', '“', '‘', '\'', '«']);
    if opens { text } else { format!("“{text}”") }
}

/// Splits a cell into its logical lines and wraps each: a value line
/// (marked by `\0` after its bullet) hangs under the value, an evidence
/// line (marked by `\1`) is indented 4 and hangs at 6; others hang at 0.
/// Deleted words are shown `~~old~~` without colour.
fn layout(cell: &Text, width: usize, colour: bool) -> Vec<Line> {
    let mut out = Vec::new();
    for raw in split_lines(cell) {
        let (first, hang, body) = match raw.first() {
            Some(&(_, '\u{1}')) => (4, 6, raw[1..].to_vec()),
            _ => match raw.iter().position(|&(_, c)| c == '\u{0}') {
                Some(p) => {
                    let bullet: usize = raw[..p]
                        .iter()
                        .map(|&(_, c)| super::term::char_width(c))
                        .sum();
                    let mut body = raw[..p].to_vec();
                    body.push((Tone::Plain, ' '));
                    body.extend_from_slice(&raw[p + 1..]);
                    (0, bullet + 1, body)
                }
                None => (0, 0, raw),
            },
        };
        let mut text = Text::new();
        let mut prev = Tone::Plain;
        for (tone, c) in body {
            if !colour && tone != prev {
                if prev == Tone::Deleted {
                    text.push(Tone::Plain, "~~");
                }
                if tone == Tone::Deleted {
                    text.push(Tone::Plain, "~~");
                }
            }
            prev = tone;
            text.push(tone, &c.to_string());
        }
        if !colour && prev == Tone::Deleted {
            text.push(Tone::Plain, "~~");
        }
        out.extend(text.wrap(width, first, hang));
    }
    out
}

fn split_lines(cell: &Text) -> Vec<Vec<(Tone, char)>> {
    let mut lines = vec![Vec::new()];
    for &(tone, c) in cell.chars() {
        if c == '\n' {
            lines.push(Vec::new());
        } else {
            lines.last_mut().expect("never empty").push((tone, c));
        }
    }
    lines
}

/// Column widths for `width` columns in all: the last column (values)
/// takes what the others leave, the subject about a third of the rest.
fn column_caps(natural: &[usize], width: usize) -> Vec<usize> {
    let n = natural.len();
    // "│ " before every column and " │" after the last.
    let chrome = 3 * n + 1;
    let room = width.saturating_sub(chrome);
    let mut caps = natural.to_vec();
    // Fixed columns (all but the last two) keep their natural width.
    let fixed: usize = caps[..n - 2].iter().sum();
    let flexible = room.saturating_sub(fixed);
    let subject_cap = (flexible * 3 / 10).clamp(14, 40);
    caps[n - 2] = natural[n - 2].min(subject_cap);
    caps[n - 1] = natural[n - 1].min(flexible.saturating_sub(caps[n - 2]).max(20));
    caps
}

fn draw(header: &[&str], rows: &[Vec<Text>], width: usize, colour: bool, out: &mut String) {
    let n = header.len();
    // Natural widths: the longest logical line of each column, unwrapped.
    let mut natural: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            for l in layout(cell, usize::MAX / 2, false) {
                natural[i] = natural[i].max(l.width());
            }
        }
    }
    let caps = column_caps(&natural, width);
    let cells: Vec<Vec<Vec<Line>>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(i, c)| layout(c, caps[i], colour))
                .collect()
        })
        .collect();
    let head: Vec<Vec<Line>> = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let mut t = Text::new();
            t.push(Tone::Bold, h);
            layout(&t, caps[i], colour)
        })
        .collect();
    let widths: Vec<usize> = (0..n)
        .map(|i| {
            cells
                .iter()
                .map(|r| &r[i])
                .chain(std::iter::once(&head[i]))
                .flat_map(|c| c.iter().map(Line::width))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let rule = |l: &str, m: &str, r: &str| -> String {
        let parts: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
        format!("{l}{}{r}\n", parts.join(m))
    };
    out.push_str(&rule("┌", "┬", "┐"));
    draw_row(&head, &widths, colour, out);
    for row in &cells {
        out.push_str(&rule("├", "┼", "┤"));
        draw_row(row, &widths, colour, out);
    }
    out.push_str(&rule("└", "┴", "┘"));
}

fn draw_row(cells: &[Vec<Line>], widths: &[usize], colour: bool, out: &mut String) {
    let height = cells.iter().map(Vec::len).max().unwrap_or(0);
    let empty = Line::default();
    for k in 0..height {
        out.push('│');
        for (cell, w) in cells.iter().zip(widths) {
            let line = cell.get(k).unwrap_or(&empty);
            out.push(' ');
            out.push_str(&line.render(colour));
            out.push_str(&" ".repeat(w - line.width()));
            out.push_str(" │");
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletions_read_as_strikethrough_without_colour() {
        let mut t = Text::new();
        t.push(Tone::Plain, "as ")
            .push(Tone::Deleted, "much")
            .push(Tone::Plain, " ")
            .push(Tone::Inserted, "long")
            .push(Tone::Plain, " as");
        let lines = layout(&t, 80, false);
        assert_eq!(lines[0].render(false), "as ~~much~~ long as");
    }

    #[test]
    fn evidence_lines_keep_their_indent_when_wrapped() {
        let mut t = Text::new();
        t.push(
            Tone::Plain,
            "•\u{0}a value\n\u{1}doc:3 “one two three four five six”",
        );
        let lines: Vec<String> = layout(&t, 20, false)
            .iter()
            .map(|l| l.render(false))
            .collect();
        assert_eq!(
            lines,
            [
                "• a value",
                "    doc:3 “one two",
                "      three four",
                "      five six”"
            ]
        );
    }
}
