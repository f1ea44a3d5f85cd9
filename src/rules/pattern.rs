//! Shape patterns written as data: a regex with `{name}` references to named
//! sub-patterns (`[parts]` of the rule file, or parts built from word lists
//! such as `{month}`), and named captures the code reads by name.
//!
//! Takes a pattern as written (with its span in the rule file) and hands on
//! a compiled [`Regex`], after checking that every reference is known, that
//! the captures the code needs are there and that no unknown capture name
//! hides a typo. Problems point at the pattern's line. Also builds the one
//! combined regex that finds every shape of a kind in a single pass.

use std::collections::BTreeMap;

use regex::Regex;
use toml::Spanned;

use super::RuleProblem;
use super::word_regex::WordRegex;

/// Replaces every `{name}` by its part, recursively. `{2}` or `{1,2}` are
/// regex repetitions and stay as they are.
pub fn expand(
    pattern: &Spanned<String>,
    parts: &BTreeMap<String, String>,
) -> Result<String, RuleProblem> {
    expand_depth(pattern.get_ref(), parts, 0)
        .map_err(|message| RuleProblem::new(message, Some(pattern.span())))
}

fn expand_depth(
    text: &str,
    parts: &BTreeMap<String, String>,
    depth: usize,
) -> Result<String, String> {
    if depth > 8 {
        return Err("sub-patterns refer to each other in a loop".to_string());
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        // `\{` is a literal brace.
        let escaped = rest[..open]
            .chars()
            .rev()
            .take_while(|&c| c == '\\')
            .count()
            % 2
            == 1;
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let name = &after[..name_len];
        let is_ref = !escaped
            && after[name_len..].starts_with('}')
            && name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_');
        if !is_ref {
            out.push('{');
            rest = after;
            continue;
        }
        let Some(part) = parts.get(name) else {
            let known: Vec<&str> = parts.keys().map(String::as_str).collect();
            return Err(format!(
                "unknown sub-pattern `{{{name}}}`; the known ones are: {}",
                known.join(", ")
            ));
        };
        out.push_str(&format!("(?:{})", expand_depth(part, parts, depth + 1)?));
        rest = &after[name_len + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Compiles an expanded pattern and checks its capture names: each group
/// of `needs` must have at least one of its names present ("q" or "qn"),
/// and every name must be one of `allowed`.
pub fn compile_checked(
    pattern: &Spanned<String>,
    expanded: &str,
    needs: &[&[&str]],
    allowed: &[&str],
) -> Result<Regex, RuleProblem> {
    let re = Regex::new(expanded).map_err(|e| not_compiling(pattern, e))?;
    check_names(pattern, re.capture_names().flatten(), needs, allowed)?;
    Ok(re)
}

/// [`compile_checked`] for a pattern searched once over a whole text: as a
/// [`WordRegex`], whose ASCII twin is a fraction of the automaton to build
/// at start-up and gives the same matches.
pub fn compile_checked_word(
    pattern: &Spanned<String>,
    expanded: &str,
    needs: &[&[&str]],
    allowed: &[&str],
) -> Result<WordRegex, RuleProblem> {
    let re = word_regex(expanded).map_err(|e| not_compiling(pattern, e))?;
    check_names(pattern, re.capture_names().flatten(), needs, allowed)?;
    Ok(re)
}

/// A [`WordRegex`]; a problem is told of the pattern as written (the twin's
/// own message would quote the twin).
pub fn word_regex(pattern: &str) -> Result<WordRegex, regex::Error> {
    WordRegex::new(pattern).map_err(|twin| Regex::new(pattern).err().unwrap_or(twin))
}

fn not_compiling(pattern: &Spanned<String>, e: regex::Error) -> RuleProblem {
    RuleProblem::new(
        format!("pattern does not compile: {e}"),
        Some(pattern.span()),
    )
}

fn check_names<'a>(
    pattern: &Spanned<String>,
    names: impl Iterator<Item = &'a str>,
    needs: &[&[&str]],
    allowed: &[&str],
) -> Result<(), RuleProblem> {
    let at = || Some(pattern.span());
    let names: Vec<&str> = names.collect();
    if let Some(unknown) = names.iter().find(|n| !allowed.contains(n)) {
        return Err(RuleProblem::new(
            format!(
                "unknown capture `{unknown}`; the captures read are: {}",
                allowed.join(", ")
            ),
            at(),
        ));
    }
    for group in needs {
        if !group.iter().any(|n| names.contains(n)) {
            return Err(RuleProblem::new(
                format!("pattern needs a capture named {}", group.join(" or ")),
                at(),
            ));
        }
    }
    Ok(())
}

/// Checks that `pattern` parses, without building its automata: with no
/// room at all the build stops right after parsing, so only a syntax error
/// is an error here. For patterns that are compiled only as part of a
/// larger one: compiling each of them just to check it was a sixth of
/// start-up. A pattern too large on its own is one the larger one reports.
pub fn check_syntax(pattern: &str) -> Result<(), regex::Error> {
    match regex::RegexBuilder::new(pattern).size_limit(0).build() {
        Err(e @ regex::Error::Syntax(_)) => Err(e),
        _ => Ok(()),
    }
}

/// One regex that matches any of `patterns` (leftmost first, earlier
/// patterns winning at the same position), with group `r{i}` around the
/// i-th; inner names become plain groups so names may repeat across
/// patterns. Read the captures with the pattern's own regex at the match.
pub fn combine(patterns: &[String]) -> Result<Regex, RuleProblem> {
    let body: Vec<String> = patterns
        .iter()
        .enumerate()
        .map(|(i, p)| format!("(?P<r{i}>{})", unname(p)))
        .collect();
    let joined = if body.is_empty() {
        r"[^\s\S]".to_string()
    } else {
        body.join("|")
    };
    Regex::new(&joined).map_err(|e| RuleProblem::new(format!("shapes do not combine: {e}"), None))
}

/// `(?P<x>…)` and `(?<x>…)` become `(?:…)`; escapes are left alone.
fn unname(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            out.push(c);
            if let Some((_, n)) = chars.next() {
                out.push(n);
            }
            continue;
        }
        let rest = &pattern[i..];
        let prefix = if rest.starts_with("(?P<") {
            4
        } else if rest.starts_with("(?<") {
            3
        } else {
            0
        };
        if prefix > 0
            && let Some(close) = rest.find('>')
        {
            out.push_str("(?:");
            while chars.peek().is_some_and(|(j, _)| *j <= i + close) {
                chars.next();
            }
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spanned(s: &str) -> Spanned<String> {
        #[derive(serde::Deserialize)]
        struct T {
            p: Spanned<String>,
        }
        let t: T = toml::from_str(&format!("p = '{s}'")).unwrap();
        t.p
    }

    #[test]
    fn references_expand_and_repetitions_stay() {
        let parts = BTreeMap::from([("year".to_string(), r"(?P<y>\d{4})".to_string())]);
        let got = expand(&spanned(r"\d{1,2}/{year}"), &parts).unwrap();
        assert_eq!(got, r"\d{1,2}/(?:(?P<y>\d{4}))");
    }

    #[test]
    fn unknown_reference_points_at_the_pattern() {
        let p = spanned("{yaer}");
        let err = expand(&p, &BTreeMap::new()).unwrap_err();
        assert!(err.message.contains("yaer"), "{}", err.message);
        assert_eq!(err.span, Some(p.span()));
    }

    #[test]
    fn missing_and_unknown_captures_are_problems() {
        let p = spanned(r"(?P<h>\d+)");
        assert!(compile_checked(&p, p.get_ref(), &[&["m"]], &["h", "m"]).is_err());
        assert!(compile_checked(&p, p.get_ref(), &[&["h"]], &["m"]).is_err());
        assert!(compile_checked(&p, p.get_ref(), &[&["h"]], &["h"]).is_ok());
    }

    #[test]
    fn syntax_is_checked_as_a_full_compile_would() {
        for p in [
            r"(?i)\bno\.?\s+\d+\b",
            r"a)|(b",
            r"\p{Nope}",
            r"x{3",
            "(?P<a>x)(?P<a>y)",
        ] {
            let full = Regex::new(p).err().map(|e| e.to_string());
            let quick = check_syntax(p).err().map(|e| e.to_string());
            assert_eq!(quick, full, "{p}");
        }
    }

    #[test]
    fn combined_names_may_repeat() {
        let re = combine(&[r"(?P<h>\d)a".to_string(), r"(?<h>\d)b\(?P<x>".to_string()]).unwrap();
        let caps = re.captures("7b(P<x>").unwrap();
        assert!(caps.name("r1").is_some());
        assert!(caps.name("r0").is_none());
    }
}
