//! Reading pulldown-cmark's event stream into our own element types, once.
//!
//! Containers nested deeper than [`MAX_DEPTH`] are flattened into their parent: a card of ten
//! thousand `>` must load and draw, not overflow the stack of every recursive walk after us.

use std::iter::Peekable;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::model::{
    Alignment, Block, Cell, Inline, Link, List, ListItem, MarkdownDoc, Span, SpanStyle, Table,
    TaskState,
};

/// Deepest nesting of block quotes and lists kept as structure; far beyond what a person
/// writes, well within what a recursive walk can afford.
pub(crate) const MAX_DEPTH: usize = 16;

/// The Markdown dialect of card bodies: CommonMark plus tables, strikethrough and task lists.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// Parses Markdown text. Never fails: anything Markdown cannot make sense of is text.
pub(crate) fn parse(text: &str) -> MarkdownDoc {
    let mut reader = Reader {
        events: Parser::new_ext(text, options()).peekable(),
        depth: 0,
        flattened: 0,
        tasks: Vec::new(),
    };
    MarkdownDoc {
        blocks: reader.blocks(),
    }
}

struct Reader<'a> {
    events: Peekable<Parser<'a>>,
    /// How many quotes and lists we are inside.
    depth: usize,
    /// Containers past [`MAX_DEPTH`] whose start we skipped and whose end is still to come.
    flattened: usize,
    /// The task state of each list item being read, innermost last.
    tasks: Vec<Option<TaskState>>,
}

impl Reader<'_> {
    /// Reads blocks until the end of the enclosing container (consumed) or of the input.
    fn blocks(&mut self) -> Vec<Block> {
        let mut blocks = Vec::new();
        loop {
            if self.events.peek().is_some_and(is_inline) {
                // Tight list items hold their text without a paragraph around it.
                blocks.push(Block::Paragraph(self.inlines()));
                continue;
            }
            let Some(event) = self.events.next() else {
                return blocks;
            };
            match event {
                Event::End(_) if self.flattened > 0 => self.flattened -= 1,
                Event::End(_) => return blocks,
                Event::Start(tag) => self.start(tag, &mut blocks),
                Event::Rule => blocks.push(Block::Rule),
                Event::Html(html) => blocks.push(Block::Html(html.into_string())),
                _ => {}
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>, blocks: &mut Vec<Block>) {
        let container = matches!(tag, Tag::BlockQuote(_) | Tag::List(_) | Tag::Item);
        if container && self.depth >= MAX_DEPTH {
            self.flattened += 1;
            return;
        }
        match tag {
            Tag::Paragraph => {
                let content = self.inlines();
                self.skip_end();
                blocks.push(Block::Paragraph(content));
            }
            Tag::Heading { level, .. } => {
                let content = self.inlines();
                self.skip_end();
                blocks.push(Block::Heading {
                    level: heading_level(level),
                    content,
                });
            }
            Tag::BlockQuote(_) => {
                let inner = self.nested(Self::blocks);
                blocks.push(Block::BlockQuote(inner));
            }
            Tag::List(start) => {
                let items = self.nested(Self::items);
                blocks.push(Block::List(List { start, items }));
            }
            Tag::Item => {
                // Outside a list only when the list was too deep and flattened (handled above);
                // keep the content whatever happens.
                blocks.extend(self.item().blocks);
            }
            Tag::CodeBlock(kind) => {
                let language = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().map(String::from),
                    CodeBlockKind::Indented => None,
                };
                let code = self.raw_text();
                blocks.push(Block::CodeBlock { language, code });
            }
            Tag::HtmlBlock => blocks.push(Block::Html(self.raw_text())),
            Tag::Table(alignments) => {
                let alignments = alignments.into_iter().map(alignment).collect();
                blocks.push(Block::Table(self.table(alignments)));
            }
            // Other block tags (footnotes, metadata) are not enabled; read their content as
            // blocks so nothing is lost if they ever appear.
            _ => blocks.extend(self.blocks()),
        }
    }

    fn nested<T>(&mut self, read: impl FnOnce(&mut Self) -> T) -> T {
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    /// The items of a list, up to and including the list's end.
    fn items(&mut self) -> Vec<ListItem> {
        let mut items = Vec::new();
        while let Some(event) = self.events.next() {
            match event {
                Event::Start(Tag::Item) => items.push(self.item()),
                Event::End(_) => break,
                _ => {}
            }
        }
        items
    }

    /// One list item's content, up to and including the item's end.
    fn item(&mut self) -> ListItem {
        self.tasks.push(None);
        let blocks = self.blocks();
        let task = self.tasks.pop().flatten();
        ListItem { task, blocks }
    }

    fn table(&mut self, alignments: Vec<Alignment>) -> Table {
        let mut table = Table {
            alignments,
            ..Table::default()
        };
        while let Some(event) = self.events.next() {
            match event {
                Event::Start(Tag::TableHead) => table.header = self.row(),
                Event::Start(Tag::TableRow) => table.rows.push(self.row()),
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        table
    }

    /// The cells of a header or body row, up to and including the row's end.
    fn row(&mut self) -> Vec<Cell> {
        let mut cells = Vec::new();
        while let Some(event) = self.events.next() {
            match event {
                Event::Start(Tag::TableCell) => {
                    cells.push(self.inlines());
                    self.skip_end();
                }
                Event::End(_) => break,
                _ => {}
            }
        }
        cells
    }

    /// The text of a code or HTML block, up to and including its end.
    fn raw_text(&mut self) -> String {
        let mut text = String::new();
        for event in self.events.by_ref() {
            match event {
                Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => text.push_str(&t),
                Event::End(_) => break,
                _ => {}
            }
        }
        text
    }

    /// Consumes the end of the block whose inline content was just read.
    fn skip_end(&mut self) {
        self.events.next_if(|event| matches!(event, Event::End(_)));
    }

    /// Reads inline events until the next event that is not inline (left unread).
    fn inlines(&mut self) -> Vec<Inline> {
        let mut out = InlineBuilder::default();
        while let Some(event) = self.events.next_if(is_inline) {
            match event {
                Event::Text(text) | Event::InlineHtml(text) => out.text(&text, false),
                Event::Code(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                    out.text(&text, true);
                }
                Event::FootnoteReference(label) => out.text(&format!("[^{label}]"), false),
                Event::SoftBreak => out.soft_break(),
                Event::HardBreak => out.hard_break(),
                Event::TaskListMarker(done) => {
                    let state = if done {
                        TaskState::Done
                    } else {
                        TaskState::Open
                    };
                    match self.tasks.last_mut() {
                        Some(slot @ None) if self.flattened == 0 => *slot = Some(state),
                        // A marker we cannot attach to an item still shows.
                        _ => out.text(if done { "[x] " } else { "[ ] " }, false),
                    }
                }
                Event::Start(Tag::Emphasis) => out.style.emphasis.open(),
                Event::Start(Tag::Strong) => out.style.strong.open(),
                Event::Start(Tag::Strikethrough) => out.style.strikethrough.open(),
                Event::End(TagEnd::Emphasis) => out.style.emphasis.close(),
                Event::End(TagEnd::Strong) => out.style.strong.close(),
                Event::End(TagEnd::Strikethrough) => out.style.strikethrough.close(),
                Event::Start(Tag::Link { dest_url, .. }) => out.open_link(&dest_url, false),
                Event::Start(Tag::Image { dest_url, .. }) => out.open_link(&dest_url, true),
                Event::End(TagEnd::Link | TagEnd::Image) => out.close_link(),
                _ => {}
            }
        }
        out.inlines
    }
}

fn is_inline(event: &Event<'_>) -> bool {
    match event {
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineMath(_)
        | Event::DisplayMath(_)
        | Event::InlineHtml(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::TaskListMarker(_) => true,
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(end) => matches!(
            end,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        Event::Html(_) | Event::Rule => false,
    }
}

/// Nesting counts of the inline styles in effect (`*a *b* c*` is emphasis throughout).
#[derive(Default)]
struct StyleDepth {
    emphasis: Nesting,
    strong: Nesting,
    strikethrough: Nesting,
}

/// How many times one style is open. The parser balances starts and ends; an unbalanced end
/// is ignored rather than trusted.
#[derive(Default, Clone, Copy)]
struct Nesting(u32);

impl Nesting {
    fn open(&mut self) {
        self.0 = self.0.saturating_add(1);
    }

    fn close(&mut self) {
        self.0 = self.0.saturating_sub(1);
    }

    fn active(self) -> bool {
        self.0 > 0
    }
}

#[derive(Default)]
struct InlineBuilder {
    inlines: Vec<Inline>,
    style: StyleDepth,
    /// The link being read, and how many links or images were opened inside it (an image in a
    /// link shows its alt text as part of the link).
    link: Option<(Link, usize)>,
}

impl InlineBuilder {
    fn span_style(&self, code: bool) -> SpanStyle {
        SpanStyle {
            emphasis: self.style.emphasis.active(),
            strong: self.style.strong.active(),
            strikethrough: self.style.strikethrough.active(),
            code,
        }
    }

    fn text(&mut self, text: &str, code: bool) {
        let style = self.span_style(code);
        if let Some((link, _)) = &mut self.link {
            push_span(&mut link.content, text, style);
            return;
        }
        if let Some(Inline::Text(last)) = self.inlines.last_mut()
            && last.style == style
        {
            last.text.push_str(text);
            return;
        }
        self.inlines.push(Inline::Text(Span {
            text: text.to_string(),
            style,
        }));
    }

    fn soft_break(&mut self) {
        if self.link.is_some() {
            self.text(" ", false);
        } else {
            self.inlines.push(Inline::SoftBreak);
        }
    }

    fn hard_break(&mut self) {
        if self.link.is_some() {
            self.text(" ", false);
        } else {
            self.inlines.push(Inline::HardBreak);
        }
    }

    fn open_link(&mut self, target: &str, image: bool) {
        match &mut self.link {
            Some((_, inner)) => *inner += 1,
            None => {
                let link = Link {
                    target: target.to_string(),
                    content: Vec::new(),
                    image,
                };
                self.link = Some((link, 0));
            }
        }
    }

    fn close_link(&mut self) {
        match &mut self.link {
            Some((_, inner)) if *inner > 0 => *inner -= 1,
            Some(_) => {
                if let Some((link, _)) = self.link.take() {
                    self.inlines.push(Inline::Link(link));
                }
            }
            None => {}
        }
    }
}

fn push_span(spans: &mut Vec<Span>, text: &str, style: SpanStyle) {
    match spans.last_mut() {
        Some(last) if last.style == style => last.text.push_str(text),
        _ => spans.push(Span {
            text: text.to_string(),
            style,
        }),
    }
}

pub(crate) fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn alignment(alignment: pulldown_cmark::Alignment) -> Alignment {
    match alignment {
        pulldown_cmark::Alignment::None => Alignment::None,
        pulldown_cmark::Alignment::Left => Alignment::Left,
        pulldown_cmark::Alignment::Center => Alignment::Center,
        pulldown_cmark::Alignment::Right => Alignment::Right,
    }
}
