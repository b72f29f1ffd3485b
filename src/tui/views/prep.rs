//! An agenda's prep list (`r` in the agenda builder): every open checklist item of every card
//! in agenda order, grouped under each card with its figure (`5/9 ready`), then the gathered
//! "before you go" list and the card references that name no card. `Enter` opens the card's
//! checklist at that item, so what is ticked there is gone from the list on the way back.
//!
//! The list is computed from the library and the personal state as it is drawn (through
//! [`crate::checklist::prep_list`]), never kept: it cannot go stale while a checklist on top
//! changes them. The readiness line the builder's header shows is here too.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::checklist::{ChecklistScreen, gauge_bar};
use super::{pane_block, truncate};
use crate::agenda::Agenda;
use crate::checklist::{ItemId, Readiness, ReadinessState, prep_list, same_requirement};
use crate::library::Library;
use crate::safe_text::sanitize_line;
use crate::tui::app::{App, Screen};
use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::layout::inner;
use crate::tui::widgets::list::{ListState, SELECTED_MARK, UNSELECTED_MARK};

/// The prep list's state: the agenda it is for and which item is selected.
#[derive(Debug, Clone)]
pub struct PrepScreen {
    /// The agenda as the builder had it when the list was opened (saved or not).
    pub agenda: Agenda,
    /// The selected row among the rows that lead to a checklist.
    pub list: ListState,
}

impl PrepScreen {
    /// The prep list of an agenda, from its first item.
    pub fn new(agenda: Agenda) -> Self {
        PrepScreen {
            agenda,
            list: ListState::default(),
        }
    }
}

/// One row of the prep list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrepRow {
    /// A card of the agenda, by its position in `Library::cards`, with its readiness.
    Card {
        card: usize,
        title: String,
        pack: bool,
        readiness: Readiness,
        /// The entry its checklist opens at: the first open item.
        first_open: usize,
    },
    /// An open item of the card above, by its index in the card's checklist.
    Item {
        card: usize,
        entry: usize,
        label: String,
    },
    /// The "before you go" heading.
    BeforeYouGo,
    /// One thing to have with you, and the checklist item it leads to.
    Bring {
        target: Option<(usize, usize)>,
        text: String,
        cards: Vec<String>,
        done: bool,
    },
    /// A card reference that names no card.
    Missing(String),
}

impl PrepRow {
    /// The card (by position) and checklist entry `Enter` opens.
    pub fn target(&self) -> Option<(usize, usize)> {
        match self {
            PrepRow::Card {
                card, first_open, ..
            } => Some((*card, *first_open)),
            PrepRow::Item { card, entry, .. } => Some((*card, *entry)),
            PrepRow::Bring { target, .. } => *target,
            PrepRow::BeforeYouGo | PrepRow::Missing(_) => None,
        }
    }
}

/// The rows of an agenda's prep list and the readiness of all its cards together.
pub fn prep_rows(
    library: &Library,
    state: &ReadinessState,
    agenda: &Agenda,
) -> (Readiness, Vec<PrepRow>) {
    let prep = prep_list(library, state, std::slice::from_ref(agenda), None);
    let position = |card: &crate::library::LibraryCard| {
        library.cards.iter().position(|c| std::ptr::eq(c, card))
    };
    let mut rows = Vec::new();
    for card in &prep.cards {
        let Some(index) = position(card.card) else {
            continue;
        };
        let entries = &card.checklist.entries;
        rows.push(PrepRow::Card {
            card: index,
            title: card.card.card.title.clone(),
            pack: !card.card.is_own(),
            readiness: card.readiness(),
            first_open: entries.iter().position(|e| !e.done).unwrap_or(0),
        });
        rows.extend(
            entries
                .iter()
                .enumerate()
                .filter(|(_, entry)| !entry.done)
                .map(|(at, entry)| PrepRow::Item {
                    card: index,
                    entry: at,
                    label: entry.label.clone(),
                }),
        );
    }
    if !prep.before_you_go.is_empty() {
        rows.push(PrepRow::BeforeYouGo);
    }
    for bring in &prep.before_you_go {
        // The item to open: the requirement on the first card that still has it open, else on
        // the first card that needs it.
        let targets: Vec<(usize, usize, bool)> = prep
            .cards
            .iter()
            .filter(|card| bring.cards.contains(&card.card.qualified_id()))
            .filter_map(|card| {
                let index = position(card.card)?;
                let (at, entry) = card.checklist.entries.iter().enumerate().find(|(_, e)| {
                    matches!(e.id, ItemId::Requires(i)
                            if card.card.card.requires.get(i)
                                .is_some_and(|text| same_requirement(text, &bring.text)))
                })?;
                Some((index, at, entry.done))
            })
            .collect();
        let target = targets
            .iter()
            .find(|(_, _, done)| !done)
            .or(targets.first())
            .map(|&(card, entry, _)| (card, entry));
        rows.push(PrepRow::Bring {
            target,
            text: bring.text.clone(),
            cards: bring.cards.clone(),
            done: bring.done,
        });
    }
    rows.extend(prep.missing.iter().cloned().map(PrepRow::Missing));
    (prep.readiness(), rows)
}

/// The rows `Enter` works on, by their index in `rows`.
fn selectable(rows: &[PrepRow]) -> Vec<usize> {
    rows.iter()
        .enumerate()
        .filter(|(_, row)| row.target().is_some())
        .map(|(at, _)| at)
        .collect()
}

impl App {
    /// Opens the prep list of the agenda in the builder on top.
    pub fn open_prep(&mut self) {
        if let Some(Screen::Builder(builder)) = self.screens.last() {
            let screen = PrepScreen::new(builder.agenda.clone());
            self.screens.push(Screen::Prep(Box::new(screen)));
        }
    }

    /// Reacts to a command in the prep list.
    pub fn prep_update(&mut self, command: Command) -> Vec<Effect> {
        let Some(Screen::Prep(screen)) = self.screens.last() else {
            return Vec::new();
        };
        let (_, rows) = prep_rows(&self.library, &self.readiness, &screen.agenda);
        let targets = selectable(&rows);
        let page = usize::from(inner(self.main_area()).height.saturating_sub(1)).max(1);
        let mut list = screen.list;
        list.clamp(targets.len());
        match command {
            Command::Back => {
                self.screens.pop();
                return Vec::new();
            }
            Command::Open => {
                let target = targets
                    .get(list.selected)
                    .and_then(|&at| rows.get(at))
                    .and_then(PrepRow::target);
                if let Some((card, entry)) = target
                    && self.library.cards.get(card).is_some()
                {
                    let mut checklist = ChecklistScreen::new(card);
                    checklist.selected = entry;
                    self.screens.push(Screen::Checklist(checklist));
                }
                return Vec::new();
            }
            other => {
                list.apply(other, targets.len(), page);
            }
        }
        if let Some(Screen::Prep(screen)) = self.screens.last_mut() {
            screen.list = list;
        }
        Vec::new()
    }
}

/// A readiness line: a text gauge and the figure in words (`██████░░░ 12/30 ready`), so the
/// state never relies on colour. `label` goes before the gauge when there is room.
pub fn readiness_line(app: &App, label: &str, readiness: Readiness, width: usize) -> Line<'static> {
    let figure = if readiness.total == 0 {
        " no cards yet".to_string()
    } else {
        format!(" {readiness}")
    };
    let label = if label.width() + figure.width() + 8 <= width {
        label
    } else {
        ""
    };
    let bar_width = width.saturating_sub(label.width() + figure.width()).min(30);
    let style = if readiness.is_ready() && readiness.total > 0 {
        app.theme.ok()
    } else {
        app.theme.accent()
    };
    Line::from(vec![
        Span::styled(label.to_string(), app.theme.muted()),
        Span::styled(
            gauge_bar(readiness.done, readiness.total, bar_width),
            app.theme.ok(),
        ),
        Span::styled(truncate(&figure, width.saturating_sub(bar_width)), style),
    ])
}

fn row_line(app: &App, row: &PrepRow, width: usize) -> Line<'static> {
    let theme = &app.theme;
    match row {
        PrepRow::Card {
            title,
            pack,
            readiness,
            ..
        } => {
            let figure = if readiness.is_ready() {
                "✓ ready".to_string()
            } else {
                readiness.to_string()
            };
            let kind = if *pack { " (pack)" } else { "" };
            let room = width.saturating_sub(figure.width() + 1);
            let name = truncate(&format!("{}{kind}", sanitize_line(title)), room);
            let pad = width.saturating_sub(name.width() + figure.width());
            let style = if readiness.is_ready() {
                theme.ok()
            } else {
                theme.accent()
            };
            Line::from(vec![
                Span::styled(
                    name,
                    theme.text().add_modifier(ratatui::style::Modifier::BOLD),
                ),
                Span::raw(" ".repeat(pad)),
                Span::styled(figure, style),
            ])
        }
        PrepRow::Item { label, .. } => Line::from(vec![
            Span::styled("  [ ] ", theme.text()),
            Span::styled(
                truncate(&sanitize_line(label), width.saturating_sub(6)),
                theme.text(),
            ),
        ]),
        PrepRow::BeforeYouGo => Line::styled(
            "Before you go",
            theme.accent().add_modifier(ratatui::style::Modifier::BOLD),
        ),
        PrepRow::Bring {
            text, cards, done, ..
        } => {
            let (mark, style) = if *done {
                ("  [x] ", theme.ok())
            } else {
                ("  [ ] ", theme.text())
            };
            let text = format!(
                "{}  ({})",
                sanitize_line(text),
                sanitize_line(&cards.join(", "))
            );
            Line::from(vec![
                Span::styled(mark, style),
                Span::styled(truncate(&text, width.saturating_sub(6)), theme.text()),
            ])
        }
        PrepRow::Missing(reference) => Line::styled(
            truncate(
                &format!("⚠ {}: no such card", sanitize_line(reference)),
                width,
            ),
            theme.warning(),
        ),
    }
}

/// Draws the prep list.
pub fn render(app: &App, screen: &PrepScreen, frame: &mut Frame<'_>, area: Rect) {
    let title = format!("Prep list: {}", sanitize_line(&screen.agenda.title));
    frame.render_widget(pane_block(&title, true, &app.theme), area);
    let inside = inner(area);
    if inside.height < 2 || inside.width < 8 {
        return;
    }
    let width = usize::from(inside.width);
    let (readiness, rows) = prep_rows(&app.library, &app.readiness, &screen.agenda);
    let open = readiness.open();
    let label = if open == 0 { "" } else { "Cards " };
    frame.render_widget(
        readiness_line(app, label, readiness, width),
        Rect {
            height: 1,
            ..inside
        },
    );
    let list_area = Rect {
        y: inside.y + 1,
        height: inside.height - 1,
        ..inside
    };
    if rows.is_empty() {
        frame.render_widget(
            Line::styled(
                truncate("No cards in this agenda yet.", width),
                app.theme.muted(),
            ),
            list_area,
        );
        return;
    }
    let targets = selectable(&rows);
    let mut list = screen.list;
    list.clamp(targets.len());
    let selected_row = targets.get(list.selected).copied();
    let height = usize::from(list_area.height);
    // Keep the selected row in view; show the card heading above it when there is room.
    let offset = selected_row.map_or(0, |row| (row + 1).saturating_sub(height));
    let text_width = width.saturating_sub(SELECTED_MARK.width());
    for (at, row) in rows.iter().enumerate().skip(offset).take(height) {
        let y = list_area.y + u16::try_from(at - offset).unwrap_or(0);
        let row_area = Rect {
            y,
            height: 1,
            ..list_area
        };
        let selected = Some(at) == selected_row;
        let mut spans = vec![Span::styled(
            if selected {
                SELECTED_MARK
            } else {
                UNSELECTED_MARK
            },
            app.theme.accent(),
        )];
        spans.extend(row_line(app, row, text_width).spans);
        let style = if selected {
            app.theme.selection(true)
        } else {
            Style::new()
        };
        frame.buffer_mut().set_style(row_area, style);
        frame.render_widget(Line::from(spans), row_area);
    }
}
