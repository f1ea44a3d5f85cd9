//! Word diffs inside quote values. The quote judge writes a reworded quote
//! against the most common wording as `[-old words-] {+new words+}`; each
//! format shows that its own way (colour, `~~old~~ new`, `<del>`/`<ins>`),
//! so the marks are split here, once.

/// One run of a diffed value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Same(&'a str),
    Deleted(&'a str),
    Inserted(&'a str),
}

/// Splits a value into runs. A value without marks is one `Same` run; an
/// opening mark with no closing one is left as text.
pub fn segments(value: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = value;
    loop {
        let del = rest.find("[-").map(|i| (i, "[-", "-]"));
        let ins = rest.find("{+").map(|i| (i, "{+", "+}"));
        let next = match (del, ins) {
            (Some(d), Some(i)) => Some(if d.0 < i.0 { d } else { i }),
            (d, i) => d.or(i),
        };
        let Some((at, open, close)) = next else { break };
        let body_start = at + open.len();
        let Some(len) = rest[body_start..].find(close) else {
            break;
        };
        if at > 0 {
            out.push(Segment::Same(&rest[..at]));
        }
        let body = &rest[body_start..body_start + len];
        out.push(if open == "[-" {
            Segment::Deleted(body)
        } else {
            Segment::Inserted(body)
        });
        rest = &rest[body_start + len + close.len()..];
    }
    if !rest.is_empty() {
        out.push(Segment::Same(rest));
    }
    out
}

/// Whether a value carries diff marks.
pub fn has_marks(value: &str) -> bool {
    segments(value)
        .iter()
        .any(|s| !matches!(s, Segment::Same(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_deletions_and_insertions() {
        assert_eq!(
            segments("for as [-much-] {+long+} as they [-deem-]"),
            [
                Segment::Same("for as "),
                Segment::Deleted("much"),
                Segment::Same(" "),
                Segment::Inserted("long"),
                Segment::Same(" as they "),
                Segment::Deleted("deem"),
            ]
        );
        assert_eq!(segments("plain [-open"), [Segment::Same("plain [-open")]);
        assert!(!has_marks("6.8"));
    }
}
