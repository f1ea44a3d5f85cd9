//! An attribution pattern compiled cheaply and matched exactly.
//!
//! The `{speaker}` placeholder of `rules/speech.toml` is a run of at most
//! eight words, each capitalised or a title word ("Kremlin spokesman Dmitry
//! Peskov"). Written as a counted repetition, the regex compiler copies the
//! title words' alternation once per word of the run, in each of a dozen
//! patterns: that was half of compiling all the rules, the largest part of
//! crosscheck's start-up. So each pattern is compiled at load with the run
//! unbounded, and the pattern as written only the first time a match of the
//! unbounded one has a speaker of more than eight words.
//!
//! The two give the same match whenever the unbounded one's speaker is
//! within the bound. Every match of the bounded pattern is a match of the
//! unbounded one, and the unbounded one's paths with at most eight words are
//! tried in the same order as the bounded one's (a greedy `{0,7}` prefers
//! one more word exactly as `*` does). So the leftmost start is the same, and
//! at that start the first path that succeeds is the same. Only a longer
//! speaker needs the pattern as written (tested on the corpus, and on runs
//! made longer than the bound).

use std::sync::OnceLock;

use regex::Captures;

use super::word_regex::WordRegex;

/// How many words of the speaker's run may come before its last one.
pub const SPEAKER_RUN: usize = 7;

#[derive(Clone, Debug)]
pub struct SpeakerRegex {
    /// The pattern with the speaker's run unbounded, compiled at load (so a
    /// bad pattern is reported there).
    relaxed: WordRegex,
    /// The pattern as written, when it differs (it holds `{speaker}`):
    /// compiled on first need.
    exact: Option<(String, OnceLock<WordRegex>)>,
}

impl SpeakerRegex {
    /// `relaxed` is the pattern with the run unbounded, `exact` as written
    /// (the same text when the pattern has no `{speaker}`).
    pub fn new(relaxed: &str, exact: &str) -> Result<Self, regex::Error> {
        Ok(SpeakerRegex {
            relaxed: WordRegex::new(relaxed)?,
            exact: (relaxed != exact).then(|| (exact.to_string(), OnceLock::new())),
        })
    }

    /// Whether a match of the unbounded pattern may differ from the
    /// pattern's own: its speaker is longer than the bound allows.
    fn beyond_bound(&self, c: &Captures) -> bool {
        self.exact.is_some()
            && c.name("speaker")
                .is_some_and(|s| s.as_str().split_whitespace().count() > SPEAKER_RUN + 1)
    }

    fn exact(&self) -> &WordRegex {
        match &self.exact {
            None => &self.relaxed,
            Some((pattern, compiled)) => compiled.get_or_init(|| {
                // The pattern differs from the relaxed one, which compiled,
                // only in a quantifier's bound, so this fails only on the
                // size limits; the relaxed one is then the nearest answer.
                WordRegex::new(pattern).unwrap_or_else(|_| self.relaxed.clone())
            }),
        }
    }

    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        match self.relaxed.captures(hay) {
            Some(c) if self.beyond_bound(&c) => self.exact().captures(hay),
            found => found,
        }
    }

    /// Captures of the first match starting at or after `start`; the text
    /// before `start` is context for boundaries only.
    pub fn captures_at<'h>(&self, hay: &'h str, start: usize) -> Option<Captures<'h>> {
        match self.relaxed.captures_at(hay, start) {
            Some(c) if self.beyond_bound(&c) => self.exact().captures_at(hay, start),
            found => found,
        }
    }

    /// Every match, left to right. One speaker beyond the bound may move
    /// where the next search starts, so the whole text is then searched
    /// again with the pattern as written.
    pub fn captures_all<'h>(&self, hay: &'h str) -> Vec<Captures<'h>> {
        let found: Vec<_> = self.relaxed.captures_iter(hay).collect();
        if found.iter().any(|c| self.beyond_bound(c)) {
            return self.exact().captures_iter(hay).collect();
        }
        found
    }

    pub fn capture_names(&self) -> regex::CaptureNames<'_> {
        self.relaxed.capture_names()
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        match &self.exact {
            Some((pattern, _)) => pattern,
            None => self.relaxed.as_str(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;

    /// Spans of every group of a match, to compare two regexes' answers.
    fn groups(c: Option<Captures>) -> Option<Vec<Option<(usize, usize)>>> {
        c.map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
    }

    #[test]
    fn the_unbounded_run_with_its_fallback_matches_as_the_pattern_as_written() {
        let rules = Rules::builtin().expect("rules load");
        let long = "Deputy Regional Transport Minister Of The Northern Highlands Province Anna Maria Ostrova";
        let mut windows: Vec<String> = vec![
            format!(", {long} said on Monday."),
            format!("{long} said: "),
            format!("{long}, the minister, said "),
            format!("according to {long}"),
            format!("said {long}."),
            format!("{long} said the road would close and {long} said it would not."),
        ];
        for text in crate::test_support::corpus_texts() {
            // Lines and the text around each closing quote, as extraction
            // reads them.
            windows.extend(text.lines().map(str::to_string));
            for (i, _) in text.match_indices(['”', '"']) {
                let end = (i + 200).min(text.len());
                if let Some(w) = text.get(i + 1..end) {
                    windows.push(w.to_string());
                }
            }
        }
        let (mut compared, mut matched, mut beyond) = (0, 0, 0);
        for p in &rules.speech.patterns {
            let exact = WordRegex::new(p.regex.as_str()).expect("the pattern compiles");
            for w in &windows {
                let got = groups(p.regex.captures(w));
                assert_eq!(got, groups(exact.captures(w)), "{} on {w:?}", p.id);
                let all: Vec<_> = p
                    .regex
                    .captures_all(w)
                    .into_iter()
                    .map(|c| groups(Some(c)))
                    .collect();
                let want: Vec<_> = exact.captures_iter(w).map(|c| groups(Some(c))).collect();
                assert_eq!(all, want, "{} (every match) on {w:?}", p.id);
                compared += 1;
                if let Some(c) = p.regex.relaxed.captures(w) {
                    matched += 1;
                    beyond += usize::from(p.regex.beyond_bound(&c));
                }
            }
        }
        assert!(
            matched > 500,
            "only {matched} matches of {compared} windows"
        );
        assert!(beyond > 5, "the fallback was tried only {beyond} times");
    }
}
