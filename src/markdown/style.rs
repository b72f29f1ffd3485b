//! What the layout produces: lines of text runs, each with a semantic style. A theme (in the
//! terminal app) or nothing at all (plain text) decides how a style looks; the domain only says
//! what a run *is*.

use unicode_width::UnicodeWidthStr;

/// The semantic style of a run of laid-out text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct TextStyle {
    /// What kind of text this is.
    pub role: Role,
    /// `*emphasis*`
    pub emphasis: bool,
    /// `**strong**`
    pub strong: bool,
    /// `~~strikethrough~~`
    pub strikethrough: bool,
    /// Inline `` `code` ``.
    pub code: bool,
    /// The text of a link.
    pub link: bool,
    /// Inside a block quote.
    pub quote: bool,
}

/// The kind of laid-out text, one per element the layout draws.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Role {
    /// Ordinary text.
    #[default]
    Text,
    /// Heading text and its marks, level 1 to 6.
    Heading(u8),
    /// A code block's text.
    CodeBlock,
    /// `(https://…)` after a link's text.
    LinkTarget,
    /// A bullet or item number.
    ListMarker,
    /// A ticked task box `[x]`.
    TaskDone,
    /// An open task box `[ ]`.
    TaskOpen,
    /// The `│` bar in front of a block quote.
    QuoteBar,
    /// A thematic break across the width.
    Rule,
    /// Table lines and corners.
    TableBorder,
    /// The text of a table's header row.
    TableHeader,
    /// Raw HTML, shown as text.
    Html,
    /// Text of less importance, such as a stand-in for what does not fit.
    Muted,
}

impl TextStyle {
    /// A style with only a role.
    pub const fn of(role: Role) -> Self {
        TextStyle {
            role,
            emphasis: false,
            strong: false,
            strikethrough: false,
            code: false,
            link: false,
            quote: false,
        }
    }
}

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StyledSpan {
    /// The text; safe to print (no control characters, no tabs or newlines).
    pub text: String,
    /// How it is meant.
    pub style: TextStyle,
}

/// One screen line: runs of styled text, never wider than the width it was laid out for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StyledLine {
    /// The runs, left to right.
    pub spans: Vec<StyledSpan>,
}

impl StyledLine {
    /// A line of one run.
    pub fn of(text: impl Into<String>, style: TextStyle) -> Self {
        let mut line = StyledLine::default();
        line.push(text, style);
        line
    }

    /// Width in terminal cells: the sum of the runs' widths, as a terminal UI measures them.
    pub fn width(&self) -> usize {
        self.spans.iter().map(|span| span.text.width()).sum()
    }

    /// The text without styles.
    pub fn plain(&self) -> String {
        self.spans.iter().map(|span| span.text.as_str()).collect()
    }

    /// True when the line has no text.
    pub fn is_empty(&self) -> bool {
        self.spans.iter().all(|span| span.text.is_empty())
    }

    /// Appends text, joining it to the last run when the style is the same.
    pub fn push(&mut self, text: impl Into<String>, style: TextStyle) {
        let text = text.into();
        if text.is_empty() {
            return;
        }
        match self.spans.last_mut() {
            Some(last) if last.style == style => last.text.push_str(&text),
            _ => self.spans.push(StyledSpan { text, style }),
        }
    }

    /// Appends all runs of another line.
    pub fn append(&mut self, other: StyledLine) {
        for span in other.spans {
            self.push(span.text, span.style);
        }
    }
}
