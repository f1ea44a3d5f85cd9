//! Text for a terminal: runs of text with a tone (severity colours, diff
//! marks), wrapped by display width with a hanging indent, and written with
//! ANSI styles only when colour is on. Widths are measured on the plain
//! text, so colour never changes the layout.

use anstyle::{AnsiColor, Effects, Style};
use unicode_width::UnicodeWidthChar;

/// How a run of text is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Bold,
    Dim,
    Error,
    Warning,
    Info,
    Good,
    Deleted,
    Inserted,
}

impl Tone {
    fn style(self) -> Style {
        let fg = |c: AnsiColor| Style::new().fg_color(Some(c.into()));
        match self {
            Tone::Plain => Style::new(),
            Tone::Bold => Style::new().effects(Effects::BOLD),
            Tone::Dim => Style::new().effects(Effects::DIMMED),
            Tone::Error => fg(AnsiColor::Red).effects(Effects::BOLD),
            Tone::Warning => fg(AnsiColor::Yellow).effects(Effects::BOLD),
            Tone::Info => fg(AnsiColor::Blue),
            Tone::Good => fg(AnsiColor::Green),
            Tone::Deleted => fg(AnsiColor::Red).effects(Effects::STRIKETHROUGH),
            Tone::Inserted => fg(AnsiColor::Green).effects(Effects::UNDERLINE),
        }
    }
}

/// One line of toned characters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Line(pub Vec<(Tone, char)>);

impl Line {
    pub fn plain(text: &str) -> Line {
        Line::toned(Tone::Plain, text)
    }

    pub fn toned(tone: Tone, text: &str) -> Line {
        Line(text.chars().map(|c| (tone, c)).collect())
    }

    pub fn width(&self) -> usize {
        self.0.iter().map(|&(_, c)| char_width(c)).sum()
    }

    /// The line as text, with ANSI styles when `colour`.
    pub fn render(&self, colour: bool) -> String {
        let mut out = String::new();
        let mut current = Tone::Plain;
        for &(tone, c) in &self.0 {
            if colour && tone != current {
                if current != Tone::Plain {
                    out.push_str(&current.style().render_reset().to_string());
                }
                if tone != Tone::Plain {
                    out.push_str(&tone.style().render().to_string());
                }
                current = tone;
            }
            out.push(c);
        }
        if colour && current != Tone::Plain {
            out.push_str(&current.style().render_reset().to_string());
        }
        out
    }
}

pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Builds toned text run by run, then wraps it.
#[derive(Clone, Debug, Default)]
pub struct Text(Vec<(Tone, char)>);

impl Text {
    pub fn new() -> Text {
        Text::default()
    }

    pub fn push(&mut self, tone: Tone, text: &str) -> &mut Text {
        self.0.extend(text.chars().map(|c| (tone, c)));
        self
    }

    pub fn chars(&self) -> &[(Tone, char)] {
        &self.0
    }

    /// Greedy word wrap to `width` columns: the first line indented by
    /// `first`, the others by `hang`. Whitespace runs fold to one space; a
    /// word longer than a line is cut.
    pub fn wrap(&self, width: usize, first: usize, hang: usize) -> Vec<Line> {
        let mut words: Vec<Vec<(Tone, char)>> = Vec::new();
        let mut word = Vec::new();
        for &(tone, c) in &self.0 {
            if c.is_whitespace() {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            } else {
                word.push((tone, if c.is_control() { '\u{fffd}' } else { c }));
            }
        }
        if !word.is_empty() {
            words.push(word);
        }
        let mut lines = Vec::new();
        let mut line: Vec<(Tone, char)> = vec![(Tone::Plain, ' '); first];
        let mut used = first;
        let mut fresh = true;
        for w in words {
            let ww: usize = w.iter().map(|&(_, c)| char_width(c)).sum();
            let gap = usize::from(!fresh);
            if used + gap + ww > width && !fresh {
                lines.push(Line(std::mem::take(&mut line)));
                line = vec![(Tone::Plain, ' '); hang];
                used = hang;
                fresh = true;
            }
            if !fresh {
                // A space between two words of one tone takes that tone, so
                // a styled run (a deleted phrase) is not broken into words.
                let before = line.last().map(|&(t, _)| t);
                let after = w.first().map(|&(t, _)| t);
                let tone = if before == after {
                    before.unwrap_or(Tone::Plain)
                } else {
                    Tone::Plain
                };
                line.push((tone, ' '));
                used += 1;
            }
            for (tone, c) in w {
                let cw = char_width(c);
                if used + cw > width && used > hang {
                    lines.push(Line(std::mem::take(&mut line)));
                    line = vec![(Tone::Plain, ' '); hang];
                    used = hang;
                }
                line.push((tone, c));
                used += cw;
            }
            fresh = false;
        }
        if !fresh || lines.is_empty() {
            lines.push(Line(line));
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.render(false)).collect()
    }

    #[test]
    fn wraps_with_a_hanging_indent() {
        let mut t = Text::new();
        t.push(Tone::Plain, "• one two three four five");
        assert_eq!(
            plain(&t.wrap(12, 0, 2)),
            ["• one two", "  three four", "  five"]
        );
        let mut t = Text::new();
        t.push(Tone::Plain, "abcdefghijkl");
        assert_eq!(plain(&t.wrap(6, 2, 2)), ["  abcd", "  efgh", "  ijkl"]);
    }

    #[test]
    fn colour_does_not_change_width() {
        let mut t = Text::new();
        t.push(Tone::Error, "error").push(Tone::Plain, " x");
        let line = &t.wrap(80, 0, 0)[0];
        assert_eq!(line.width(), 7);
        let coloured = line.render(true);
        assert!(coloured.starts_with("\u{1b}["), "{coloured:?}");
        assert!(coloured.contains("error"));
        assert_eq!(line.render(false), "error x");
    }
}
