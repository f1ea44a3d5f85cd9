//! Hard-wrapped paragraphs read as one line.
//!
//! Wire copy and e-mail often break lines at a fixed width inside
//! sentences. A line break is read as a space when the next line goes on
//! with the same sentence: it starts in lower case, or the line before is
//! about as long as the document's wrapped lines and does not end a
//! sentence. A blank line, a line starting a list item, heading or block
//! quote, and a short line (a headline, a byline) keep their breaks. Each
//! break read as a space is replaced byte for byte, so offsets do not move.

/// The text with in-paragraph line breaks replaced by spaces.
pub fn flatten(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    if lines.len() < 2 {
        return text.to_string();
    }
    let width = wrap_width(&lines);
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        let Some(next) = lines.get(i + 1) else {
            break;
        };
        out.push(if continues(line, next, width) {
            ' '
        } else {
            '\n'
        });
    }
    out
}

/// The width the document is wrapped at, if it looks wrapped: the length
/// that most of its long lines come close to. `None` for text with one
/// paragraph per line.
fn wrap_width(lines: &[&str]) -> Option<usize> {
    let mut lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.trim_end().chars().count())
        .filter(|&n| n > 0)
        .collect();
    if lengths.len() < 3 {
        return None;
    }
    lengths.sort_unstable();
    let p90 = lengths[(lengths.len() * 9 / 10).min(lengths.len() - 1)];
    // Lines of prose a paragraph long are not wrapped.
    (20..=120).contains(&p90).then_some(p90)
}

fn continues(line: &str, next: &str, width: Option<usize>) -> bool {
    let line = line.trim_end();
    let next_trimmed = next.trim_start();
    if line.is_empty() || next_trimmed.is_empty() || starts_block(next_trimmed) {
        return false;
    }
    let first = next_trimmed.chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return true;
    }
    let ends_sentence = line.ends_with(['.', '!', '?', ':', '"', '”', '’', '\'', ')', ']']);
    match width {
        Some(w) => !ends_sentence && line.chars().count() * 10 >= w * 7,
        None => false,
    }
}

/// A line that starts its own block: a list item, a heading, a quote
/// block, a table row.
fn starts_block(line: &str) -> bool {
    if line.starts_with(['#', '-', '*', '>', '|', '•', '+']) {
        return true;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
        && line.as_bytes().get(digits + 1) == Some(&b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_join_and_paragraphs_stay() {
        let text = "Officials said the ferry capsized at about 3:40 a.m.\nlocal time on Saturday, some 12 km off the coast of the\nisland, with 312 passengers and crew on board.\n\nA second paragraph starts here.";
        let flat = flatten(text);
        assert_eq!(flat.len(), text.len());
        assert_eq!(flat.matches('\n').count(), 2);
        assert!(flat.contains("3:40 a.m. local time"));
    }

    #[test]
    fn headlines_bylines_and_one_sentence_lines_keep_their_breaks() {
        let text = "Ferry Capsizes Off Mindoro\nBy Ana Cruz\nMANILA (Reuters) - A ferry capsized on Saturday.\nAt least 12 people died.";
        assert_eq!(flatten(text), text);
        let text = "- first item\n- second item";
        assert_eq!(flatten(text), text);
    }
}
