//! What goes on the page: a document as a small tree of headed sections holding parts (facts,
//! lists, a timetable, card text), with no format in it. [`compose`] decides what each document
//! shows; the Markdown, HTML and text renderers only decide how it looks, so the three formats
//! of one document always say the same thing.
//!
//! Text in the tree is as the files say it: each renderer makes it safe for its format.

mod compose;
mod shared;

pub use self::compose::compose;
use super::Document;
use crate::markdown::Block;

/// One document, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub document: Document,
    /// What kind of document this is, shown small above the title ("Run-sheet").
    pub kind: &'static str,
    pub title: String,
    /// What comes under the title before the first section.
    pub parts: Vec<Part>,
    pub sections: Vec<Section>,
}

/// A headed part of a page; sections nest (a session holds its timetable, a card its steps).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub parts: Vec<Part>,
    pub children: Vec<Section>,
    /// Starts on a new sheet of paper when printed (each session of a course).
    pub new_sheet: bool,
}

/// One piece of content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Labelled values, such as When, Where and With.
    Facts(Vec<Fact>),
    /// A paragraph of plain text.
    Paragraph(String),
    /// A bullet list of plain text.
    Bullets(Vec<String>),
    /// Things to tick off, each with an optional remark (which cards need it).
    Checklist(Vec<Tick>),
    /// A timed plan.
    Timetable(TimetableView),
    /// The mentor's note on an item.
    Note(String),
    /// Something the reader must not miss: a missing card, a plan that runs over its slot.
    Warning(String),
    /// Part of a card's Markdown body, such as its Show it steps.
    Blocks(Vec<Block>),
    /// Bare links (http, https or mailto ones become clickable where the format allows).
    Links(Vec<String>),
}

/// A label and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub label: &'static str,
    pub value: String,
}

/// One thing to tick off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    pub text: String,
    pub remark: Option<String>,
}

/// A timetable as a document shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimetableView {
    pub rows: Vec<RowView>,
    /// The items' total and how it fits the slot, in words; shown to the mentor only.
    pub total: Option<String>,
}

/// One line of a timetable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowView {
    /// `09:05–09:25`
    pub time: String,
    /// `20 min`, or `? min` for a card of unknown length.
    pub minutes: String,
    pub what: String,
    pub kind: RowClass,
    /// The item's note, on the mentor's documents.
    pub note: Option<String>,
    /// Pins, overlaps and unknown lengths, in words.
    pub remarks: Vec<String>,
}

/// What a timetable row is, for formats that set breaks and gaps apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowClass {
    Card,
    /// A card item whose card the library does not have.
    MissingCard,
    Break,
    Free,
    Gap,
}

impl Fact {
    /// A fact with this label and value.
    pub fn new(label: &'static str, value: impl Into<String>) -> Self {
        Fact {
            label,
            value: value.into(),
        }
    }
}

impl Section {
    /// A section with a heading and nothing in it yet.
    pub fn new(heading: impl Into<String>) -> Self {
        Section {
            heading: heading.into(),
            parts: Vec::new(),
            children: Vec::new(),
            new_sheet: false,
        }
    }

    /// Adds a part.
    pub fn with(mut self, part: Part) -> Self {
        self.parts.push(part);
        self
    }

    /// Whether the section has nothing to show.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty() && self.children.is_empty()
    }
}
