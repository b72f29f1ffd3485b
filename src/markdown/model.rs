//! Our own Markdown element types: what a card body is, independent of the parser that read it
//! and of any screen that draws it. Text here is as the author wrote it (not yet made safe);
//! the layout sanitizes it on the way out.

/// A parsed Markdown document: the blocks of a card body, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkdownDoc {
    /// Top-level blocks in document order.
    pub blocks: Vec<Block>,
}

/// One block-level element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// `#` to `######`; `level` is 1 to 6.
    Heading { level: u8, content: Vec<Inline> },
    /// A paragraph of inline text.
    Paragraph(Vec<Inline>),
    /// A fenced or indented code block, kept verbatim.
    CodeBlock {
        /// The first word of a fence's info string (`excel`, `vba`), if any.
        language: Option<String>,
        /// The code with its line breaks; ends with a newline when the source did.
        code: String,
    },
    /// `>` quoted blocks.
    BlockQuote(Vec<Block>),
    /// A bullet or ordered list.
    List(List),
    /// A pipe table.
    Table(Table),
    /// `---`, `***`: a thematic break.
    Rule,
    /// A block of raw HTML; shown as text, never interpreted.
    Html(String),
}

/// A bullet list (`start` is `None`) or an ordered list counting from `start`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    /// The number of the first item of an ordered list; `None` for a bullet list.
    pub start: Option<u64>,
    /// The items, in order.
    pub items: Vec<ListItem>,
}

/// One list item: an optional task box and the blocks inside it (which may hold nested lists).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListItem {
    /// `Some` for task list items (`- [ ]` / `- [x]`).
    pub task: Option<TaskState>,
    /// The item's content.
    pub blocks: Vec<Block>,
}

/// Whether a task list item is ticked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TaskState {
    /// `[ ]`
    Open,
    /// `[x]`
    Done,
}

/// A table: one alignment per column, a header row and body rows. Rows may be shorter than
/// the header; the layout pads them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// Column alignments from the delimiter row.
    pub alignments: Vec<Alignment>,
    /// The header cells.
    pub header: Vec<Cell>,
    /// The body rows, each a list of cells.
    pub rows: Vec<Vec<Cell>>,
}

/// The inline content of one table cell.
pub type Cell = Vec<Inline>;

/// How a table column is aligned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Alignment {
    /// No alignment given: text starts at the left.
    #[default]
    None,
    /// `:--`
    Left,
    /// `:-:`
    Center,
    /// `--:`
    Right,
}

/// One inline element of a paragraph, heading or table cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Styled text.
    Text(Span),
    /// A link (or an image) and the styled text it shows.
    Link(Link),
    /// A line break in the source that is not a break on screen.
    SoftBreak,
    /// A forced line break (two trailing spaces or a backslash).
    HardBreak,
}

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text as written.
    pub text: String,
    /// Its style.
    pub style: SpanStyle,
}

/// The inline styles a span can carry; they combine (`***strong emphasis***`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct SpanStyle {
    /// `*emphasis*`
    pub emphasis: bool,
    /// `**strong**`
    pub strong: bool,
    /// `~~strikethrough~~`
    pub strikethrough: bool,
    /// `` `code` ``
    pub code: bool,
}

/// A link or image: where it points and the spans it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The destination URL as written.
    pub target: String,
    /// The link text (for an image, its alt text).
    pub content: Vec<Span>,
    /// True for `![alt](src)`.
    pub image: bool,
}

impl Link {
    /// The link text without styles.
    pub fn text(&self) -> String {
        self.content.iter().map(|span| span.text.as_str()).collect()
    }
}

/// The text of inline content without styles or link targets; soft breaks become spaces and
/// hard breaks newlines. Used for matching headings and for exports.
pub fn inline_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(span) => out.push_str(&span.text),
            Inline::Link(link) => out.push_str(&link.text()),
            Inline::SoftBreak => out.push(' '),
            Inline::HardBreak => out.push('\n'),
        }
    }
    out
}

impl MarkdownDoc {
    /// The blocks under the heading whose text is `heading` (ignoring case, surrounding space
    /// and a trailing colon), up to the next heading of the same or a higher level.
    ///
    /// `Some(&[])` means the heading is there with nothing under it; `None` that it is missing.
    pub fn section(&self, heading: &str) -> Option<&[Block]> {
        let wanted = heading_key(heading);
        let (start, level) = self
            .blocks
            .iter()
            .enumerate()
            .find_map(|(i, block)| match block {
                Block::Heading { level, content }
                    if heading_key(&inline_text(content)) == wanted =>
                {
                    Some((i, *level))
                }
                _ => None,
            })?;
        let body = &self.blocks[start + 1..];
        let end = body
            .iter()
            .position(|block| matches!(block, Block::Heading { level: l, .. } if *l <= level))
            .unwrap_or(body.len());
        Some(&body[..end])
    }
}

/// How headings are compared: `Show it`, `show it:` and ` SHOW  IT ` are the same section.
pub(crate) fn heading_key(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let joined = words.join(" ").to_lowercase();
    joined.trim_end_matches(':').trim_end().to_string()
}
