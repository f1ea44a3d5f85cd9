//! Sentence segmentation: the unit most extractors look within. News text
//! breaks sentences at `.`, `!` or `?` followed by a space and a capital or
//! an opening quote, and always at a line break (of the flattened text: a
//! hard-wrapped paragraph has none inside); abbreviations (`abbreviations`
//! in `rules/words.toml`: "Feb.", "Mr.", and single letters like "U.S.",
//! "a.m.") and decimal points do not end a sentence.

use crate::claim::Span;
use crate::rules::words::{Class, Compiled as Words};

/// Sentence spans, trimmed of surrounding white space, in text order.
pub fn sentences(text: &str, words: &Words) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let end_here = match b {
            b'\n' => Some(i),
            b'.' | b'!' | b'?' => {
                let mut j = i + 1;
                // Closing quotes and brackets belong to the sentence.
                while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')') {
                    j += 1;
                }
                let rest = &text[j..];
                let rest = rest
                    .strip_prefix('”')
                    .or_else(|| rest.strip_prefix('’'))
                    .unwrap_or(rest);
                let j = text.len() - rest.len();
                let followed_by_break =
                    rest.starts_with(' ') || rest.starts_with('\n') || rest.is_empty();
                let next = rest.trim_start_matches(' ').chars().next();
                let next_starts = next.is_none_or(|c| {
                    c.is_uppercase()
                        || c.is_ascii_digit()
                        || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '\n')
                });
                if b == b'.' && is_abbreviation(&text[start..i], words) {
                    None
                } else if followed_by_break && next_starts {
                    Some(j)
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(end) = end_here {
            push_trimmed(text, start, end, &mut out);
            start = if b == b'\n' { i + 1 } else { end };
            i = start.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn is_abbreviation(before: &str, words: &Words) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    // "U.S." and "a.m.": single letters joined by dots.
    if word.len() <= 3 && word.chars().all(|c| c.is_alphabetic() || c == '.') && word.contains('.')
    {
        return true;
    }
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial: "John F. Kennedy"
    }
    words.class(&word.to_lowercase()).has(Class::ABBREVIATION)
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let words = crate::rules::Rules::builtin().expect("rules").words;
        sentences(text, &words)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_at_full_stops_and_lines() {
        assert_eq!(
            split("The call ended. It lasted 90 min.\nNext line"),
            ["The call ended.", "It lasted 90 min.", "Next line"]
        );
    }

    #[test]
    fn abbreviations_and_decimals_do_not_split() {
        assert_eq!(
            split("U.S. President Donald Trump spoke at 3 p.m. Tuesday. It lasted 1.5 hours."),
            [
                "U.S. President Donald Trump spoke at 3 p.m. Tuesday.",
                "It lasted 1.5 hours."
            ]
        );
        assert_eq!(split("On Feb. 12 they spoke."), ["On Feb. 12 they spoke."]);
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("He said, “It must end.” Then he left."),
            ["He said, “It must end.”", "Then he left."]
        );
    }
}
