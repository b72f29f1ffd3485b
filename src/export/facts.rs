//! The facts every export draws on: each session of a plan timed against the library, every
//! card it names looked up once, the conventional sections pulled out of each card's body, and
//! the "before you go" list gathered from the cards' `requires`.
//!
//! Text here is as the files say it; making it safe is the renderers' job, because what is safe
//! differs between Markdown, HTML and a calendar.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDateTime;

use crate::agenda::Agenda;
use crate::course::Rhythm;
use crate::duration::Minutes;
use crate::error::{Diagnostic, Position};
use crate::library::{CardRef, Library};
use crate::markdown::{Block, Inline, MarkdownDoc};
use crate::plan::{Plan, timetable};
use crate::timing::{MinutesFrom, RowKind, Timetable};

/// A whole plan, ready to be put on a page.
#[derive(Debug, Clone)]
pub struct PlanFacts {
    /// The agenda's or the course's title.
    pub title: String,
    /// The plan's file; calendar UIDs are derived from its name.
    pub path: PathBuf,
    /// What a course says beyond its sessions; `None` for a single agenda.
    pub course: Option<CourseFacts>,
    /// One agenda, or every session of a course in order.
    pub sessions: Vec<SessionFacts>,
    /// Card items naming no card of the library, at their place in the file.
    pub missing_cards: Vec<Diagnostic>,
}

/// The parts of a course that are not a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseFacts {
    pub audience: Option<String>,
    pub place: Option<String>,
    pub rhythm: Option<Rhythm>,
}

/// One session: the agenda, its timetable and its cards.
#[derive(Debug, Clone)]
pub struct SessionFacts {
    /// 1-based number of a course session; `None` for a single agenda.
    pub number: Option<usize>,
    /// Where the session starts in the plan's file (the file's start for an agenda).
    pub position: Position,
    pub agenda: Agenda,
    pub timetable: Timetable,
    /// The timetable's rows with the cards looked up.
    pub rows: Vec<RowFacts>,
    /// Each card the session names, once, in the order they first come up.
    pub cards: Vec<CardFacts>,
    /// Every card's `requires`, each thing once.
    pub before_you_go: Vec<Requirement>,
}

/// One row of a timetable, with the card's title looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowFacts {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub minutes: Minutes,
    pub what: What,
    /// The item's note (mentor-facing).
    pub note: Option<String>,
    /// Pins, overlaps and unknown lengths, in words.
    pub remarks: Vec<String>,
}

/// What a row is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// A card item; `card` indexes [`SessionFacts::cards`].
    Card {
        card: usize,
    },
    Break,
    Free {
        title: String,
    },
    /// Free time before a pinned item.
    Gap,
}

/// A card as the exports show it. `content` is `None` when the library has no such card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardFacts {
    /// The reference as the plan wrote it (`pivot-chart-slicers`, `excel-charts/excel-tables`).
    pub reference: String,
    pub content: Option<CardContent>,
}

/// What the exports take from a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardContent {
    pub title: String,
    pub summary: Option<String>,
    pub tool: Option<String>,
    pub outcomes: Vec<String>,
    pub requires: Vec<String>,
    /// The body's sections by their conventional headings; `None` when the card has none.
    pub show_it: Option<Vec<Block>>,
    pub try_it: Option<Vec<Block>>,
    pub pitfalls: Option<Vec<Block>>,
    pub leave_behind: Option<Vec<Block>>,
    /// The card's `links` that its Leave behind section does not already hold.
    pub more_links: Vec<String>,
}

/// One thing to have ready before the session, and the cards that need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    pub text: String,
    /// Titles (or references, for a missing card) of the cards that name it.
    pub cards: Vec<String>,
}

impl CardFacts {
    /// The card's title, or its reference when the library does not have it.
    pub fn title(&self) -> &str {
        self.content
            .as_ref()
            .map_or(self.reference.as_str(), |content| content.title.as_str())
    }

    /// Whether the library has no such card.
    pub fn is_missing(&self) -> bool {
        self.content.is_none()
    }
}

impl SessionFacts {
    /// When the session ends: the slot's end, or the plan's when it runs later (or has no slot).
    pub fn end(&self) -> NaiveDateTime {
        let slot_end = self.timetable.slot.and_then(|slot| {
            self.timetable
                .start
                .checked_add_signed(chrono::TimeDelta::minutes(i64::from(slot.get())))
        });
        slot_end.map_or(self.timetable.end, |end| end.max(self.timetable.end))
    }

    /// The card a row names, if it is a card row.
    pub fn card_of(&self, row: &RowFacts) -> Option<&CardFacts> {
        match row.what {
            What::Card { card } => self.cards.get(card),
            _ => None,
        }
    }
}

/// Looks up everything the exports need for `plan`.
pub fn gather(plan: &Plan, library: &Library, context_pack: Option<&str>) -> PlanFacts {
    let (path, course) = match plan {
        Plan::Agenda(agenda) => (agenda.path.clone(), None),
        Plan::Course(course) => (
            course.path.clone(),
            Some(CourseFacts {
                audience: course.audience.clone(),
                place: course.place.clone(),
                rhythm: course.rhythm,
            }),
        ),
    };
    let mut missing_cards = Vec::new();
    let sessions = plan
        .sessions()
        .into_iter()
        .enumerate()
        .map(|(index, agenda)| {
            let (number, position) = match plan {
                Plan::Agenda(_) => (None, Position::START),
                Plan::Course(course) => (
                    Some(index + 1),
                    course
                        .sessions
                        .get(index)
                        .map_or(Position::START, |session| session.position),
                ),
            };
            let timed = timetable(library, &agenda, context_pack);
            missing_cards.extend(timed.missing_cards.iter().cloned());
            session_facts(library, context_pack, number, position, timed)
        })
        .collect();
    PlanFacts {
        title: plan.title().to_string(),
        path,
        course,
        sessions,
        missing_cards,
    }
}

fn session_facts(
    library: &Library,
    context_pack: Option<&str>,
    number: Option<usize>,
    position: Position,
    timed: crate::plan::TimedSession,
) -> SessionFacts {
    let mut cards: Vec<CardFacts> = Vec::new();
    // A card named twice (before and after a break, say) is described once.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut rows = Vec::with_capacity(timed.timetable.rows.len());
    for row in &timed.timetable.rows {
        let what = match &row.kind {
            RowKind::Card { card, .. } => {
                let key = library
                    .find_index(card.as_str(), context_pack)
                    .map_or_else(|| format!("missing:{card}"), |index| index.to_string());
                let index = *seen.entry(key).or_insert_with(|| {
                    cards.push(card_facts(library, context_pack, card.as_str()));
                    cards.len() - 1
                });
                What::Card { card: index }
            }
            RowKind::Break => What::Break,
            RowKind::Free { title } => What::Free {
                title: title.clone(),
            },
            RowKind::Gap => What::Gap,
        };
        rows.push(RowFacts {
            start: row.start,
            end: row.end,
            minutes: row.minutes,
            what,
            note: row.note.clone(),
            remarks: remarks(row),
        });
    }
    let before_you_go = before_you_go(&cards);
    SessionFacts {
        number,
        position,
        agenda: timed.agenda,
        timetable: timed.timetable,
        rows,
        cards,
        before_you_go,
    }
}

fn remarks(row: &crate::timing::TimetableRow) -> Vec<String> {
    let mut remarks = Vec::new();
    if let Some(pin) = row.pinned {
        remarks.push(format!("pinned at {}", pin.format("%H:%M")));
    }
    if let Some(overlap) = row.overlap {
        remarks.push(format!("starts {overlap} before the item before it ends"));
    }
    if let RowKind::Card {
        minutes_from: MinutesFrom::Unknown,
        ..
    } = row.kind
    {
        remarks.push("length unknown, counted as 0 min".to_string());
    }
    remarks
}

fn card_facts(library: &Library, context_pack: Option<&str>, reference: &str) -> CardFacts {
    let content = match library.find(reference, context_pack) {
        CardRef::Missing => None,
        CardRef::Found(found) => {
            let card = &found.card;
            let body = MarkdownDoc::parse(&card.body);
            let section = |heading: &str| body.section(heading).map(<[Block]>::to_vec);
            let leave_behind = section("Leave behind");
            let mut targets = Vec::new();
            if let Some(blocks) = &leave_behind {
                link_targets(blocks, &mut targets);
            }
            let more_links = card
                .links
                .iter()
                .filter(|link| !targets.iter().any(|target| target == link.trim()))
                .cloned()
                .collect();
            Some(CardContent {
                title: card.title.clone(),
                summary: card.summary.clone(),
                tool: card.tool.clone(),
                outcomes: card.outcomes.clone(),
                requires: card.requires.clone(),
                show_it: section("Show it"),
                try_it: section("Try it"),
                pitfalls: section("Pitfalls"),
                leave_behind,
                more_links,
            })
        }
    };
    CardFacts {
        reference: reference.to_string(),
        content,
    }
}

/// Every link target in `blocks`, trimmed, in order.
fn link_targets(blocks: &[Block], out: &mut Vec<String>) {
    let inlines = |inlines: &[Inline], out: &mut Vec<String>| {
        for inline in inlines {
            if let Inline::Link(link) = inline {
                out.push(link.target.trim().to_string());
            }
        }
    };
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => inlines(content, out),
            Block::BlockQuote(inner) => link_targets(inner, out),
            Block::List(list) => {
                for item in &list.items {
                    link_targets(&item.blocks, out);
                }
            }
            Block::Table(table) => {
                for cell in table.header.iter().chain(table.rows.iter().flatten()) {
                    inlines(cell, out);
                }
            }
            Block::CodeBlock { .. } | Block::Rule | Block::Html(_) => {}
        }
    }
}

/// The cards' `requires`, each once: the same words with other spacing or case are one thing.
fn before_you_go(cards: &[CardFacts]) -> Vec<Requirement> {
    let mut list: Vec<Requirement> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for card in cards {
        let Some(content) = &card.content else {
            continue;
        };
        for text in &content.requires {
            let key = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let key = key.to_lowercase();
            if key.is_empty() {
                continue;
            }
            let index = *by_key.entry(key).or_insert_with(|| {
                list.push(Requirement {
                    text: text.trim().to_string(),
                    cards: Vec::new(),
                });
                list.len() - 1
            });
            let title = card.title().to_string();
            if !list[index].cards.contains(&title) {
                list[index].cards.push(title);
            }
        }
    }
    list
}
