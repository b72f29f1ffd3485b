//! The checklist pane: a card's default items, own items and `requires` items, each with
//! `[x]`/`[ ]` (text, so a tick never relies on colour), the automatic gaps under the item they
//! belong to with a `⚠` mark, and a readiness gauge with its figure (`5/9 ready`).
//!
//! Every change goes through the domain ([`crate::checklist`]): a tick on an own card changes
//! one line of its file, a tick on a pack card goes to the library's personal state. Own items
//! can be added, edited, moved and removed here; answering a default item's question happens in
//! the window of [`super::answer`].

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::answer::{AnswerWindow, Purpose};
use super::{pane_block, truncate};
use crate::checklist::{Checklist, ItemId, card_checklist, current_answer, move_item, remove_item};
use crate::safe_text::sanitize_line;
use crate::tui::app::{App, Popup, Screen};
use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::layout::inner;
use crate::tui::widgets::list::SELECTED_MARK;

/// The checklist pane's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistScreen {
    /// The card, by its position in `Library::cards`.
    pub card: usize,
    /// The selected entry.
    pub selected: usize,
    /// The own item (by index of `checklist`) waiting for a second `x` to be removed.
    pub confirm_remove: Option<usize>,
}

impl ChecklistScreen {
    /// The checklist of a card, from its first item.
    pub fn new(card: usize) -> Self {
        ChecklistScreen {
            card,
            selected: 0,
            confirm_remove: None,
        }
    }
}

/// One row of the pane: an item (by its entry index) or a gap beside one.
enum Row {
    Item(usize),
    Gap(String),
}

fn rows(checklist: &Checklist) -> Vec<Row> {
    let mut rows = Vec::new();
    for (index, entry) in checklist.entries.iter().enumerate() {
        rows.push(Row::Item(index));
        rows.extend(entry.gaps.iter().map(|gap| Row::Gap(gap.to_string())));
    }
    rows.extend(
        checklist
            .card_gaps
            .iter()
            .map(|gap| Row::Gap(gap.to_string())),
    );
    rows
}

/// A text gauge: `█████░░░░`, as wide as `width`.
pub fn gauge_bar(done: usize, total: usize, width: usize) -> String {
    // An empty checklist has nothing open: a full bar.
    let filled = (done * width + total / 2)
        .checked_div(total)
        .unwrap_or(width);
    format!(
        "{}{}",
        "█".repeat(filled),
        "░".repeat(width - filled.min(width))
    )
}

impl App {
    /// The checklist of the card a checklist pane shows.
    pub fn checklist_of(&self, card: usize) -> Option<Checklist> {
        let card = self.library.cards.get(card)?;
        Some(card_checklist(&self.library, &self.readiness, card))
    }

    /// Opens the checklist pane of a card.
    pub fn open_checklist(&mut self, card: usize) {
        if self.library.cards.get(card).is_some() {
            self.screens
                .push(Screen::Checklist(ChecklistScreen::new(card)));
        }
    }

    /// Reacts to a command in the checklist pane.
    pub fn checklist_update(&mut self, command: Command) -> Vec<Effect> {
        let Some(Screen::Checklist(screen)) = self.screens.last().cloned() else {
            return Vec::new();
        };
        let Some(checklist) = self.checklist_of(screen.card) else {
            self.screens.pop();
            return Vec::new();
        };
        let len = checklist.entries.len();
        let page = usize::from(inner(self.main_area()).height.saturating_sub(2)).max(1);
        let mut next = screen.clone();
        // Any key but a second `x` calls off a removal that was asked about.
        if command != Command::RemoveItem {
            next.confirm_remove = None;
        }
        let id = checklist.entries.get(screen.selected).map(|entry| entry.id);
        let is_own = self
            .library
            .cards
            .get(screen.card)
            .is_some_and(|card| card.is_own());
        let mut effects = Vec::new();
        match command {
            Command::Back if screen.confirm_remove.is_none() => {
                self.screens.pop();
                return Vec::new();
            }
            Command::Up => next.selected = next.selected.saturating_sub(1),
            Command::Down => next.selected = (next.selected + 1).min(len.saturating_sub(1)),
            Command::PageUp => next.selected = next.selected.saturating_sub(page),
            Command::PageDown => next.selected = (next.selected + page).min(len.saturating_sub(1)),
            Command::Tick => {
                if let Some(id) = id {
                    effects = self.toggle_tick(screen.card, id);
                }
            }
            Command::MakeConcrete => match id {
                Some(ItemId::Default(item)) if is_own => {
                    let text = self
                        .library
                        .cards
                        .get(screen.card)
                        .map(|card| current_answer(&card.card, item))
                        .unwrap_or_default();
                    self.popups.push(Popup::Answer(AnswerWindow::new(
                        screen.card,
                        Purpose::Concrete(item),
                        &text,
                    )));
                }
                Some(ItemId::Default(_)) => self.pack_card_message(),
                _ => self.show_message(
                    "Make it concrete",
                    "Only the seven default items have a question behind them. Edit the text \
                     of an item of your own instead.",
                ),
            },
            Command::AddItem if is_own => self.popups.push(Popup::Answer(AnswerWindow::new(
                screen.card,
                Purpose::Add,
                "",
            ))),
            Command::EditItem if is_own => {
                if let (Some(ItemId::Own(index)), Some(entry)) =
                    (id, checklist.entries.get(screen.selected))
                {
                    let window = AnswerWindow::new(screen.card, Purpose::Edit(index), &entry.label);
                    self.popups.push(Popup::Answer(window));
                }
            }
            Command::MoveItemDown | Command::MoveItemUp if is_own => {
                if let Some(ItemId::Own(index)) = id {
                    let to = if command == Command::MoveItemDown {
                        index + 1
                    } else {
                        index.wrapping_sub(1)
                    };
                    if let Some(card) = self.library.cards.get(screen.card)
                        && to < card.card.checklist.len()
                    {
                        let mut new = card.card.clone();
                        if move_item(&mut new, index, to).is_ok() {
                            next.selected = next.selected + to - index;
                            effects = self.change_card(screen.card, new);
                        }
                    }
                }
            }
            Command::RemoveItem if is_own => {
                if let Some(ItemId::Own(index)) = id {
                    if screen.confirm_remove == Some(index) {
                        next.confirm_remove = None;
                        if let Some(card) = self.library.cards.get(screen.card) {
                            let mut new = card.card.clone();
                            if remove_item(&mut new, index).is_ok() {
                                effects = self.change_card(screen.card, new);
                            }
                        }
                    } else {
                        next.confirm_remove = Some(index);
                    }
                }
            }
            Command::AddItem
            | Command::EditItem
            | Command::MoveItemDown
            | Command::MoveItemUp
            | Command::RemoveItem => self.pack_card_message(),
            _ => {}
        }
        let len = self
            .checklist_of(screen.card)
            .map_or(0, |c| c.entries.len());
        next.selected = next.selected.min(len.saturating_sub(1));
        if let Some(Screen::Checklist(top)) = self.screens.last_mut() {
            *top = next;
        }
        effects
    }

    fn pack_card_message(&mut self) {
        self.show_message(
            "Pack card",
            "This card belongs to a pack, whose files are never written. Fork it into your own \
             cards first (f); your ticks on it are kept in your library.",
        );
    }
}

fn item_line(app: &App, checklist: &Checklist, index: usize, width: usize) -> Line<'static> {
    let Some(entry) = checklist.entries.get(index) else {
        return Line::default();
    };
    let (mark, style) = if entry.done {
        ("[x] ", app.theme.ok())
    } else {
        ("[ ] ", app.theme.text())
    };
    let label = sanitize_line(&entry.label);
    let gaps = if entry.gaps.is_empty() { "" } else { " ⚠" };
    let room = width.saturating_sub(mark.width() + gaps.width());
    Line::from(vec![
        Span::styled(mark, style),
        Span::styled(truncate(&label, room), app.theme.text()),
        Span::styled(gaps, app.theme.warning()),
    ])
}

/// Draws the checklist pane.
pub fn render(app: &App, screen: &ChecklistScreen, frame: &mut Frame<'_>, area: Rect) {
    let Some(card) = app.library.cards.get(screen.card) else {
        return;
    };
    let Some(checklist) = app.checklist_of(screen.card) else {
        return;
    };
    let kind = if card.is_own() { "" } else { " (pack)" };
    let title = format!("Checklist: {}{kind}", sanitize_line(&card.card.title));
    frame.render_widget(pane_block(&title, true, &app.theme), area);
    let inside = inner(area);
    if inside.height < 2 || inside.width < 4 {
        return;
    }
    let width = usize::from(inside.width);
    let readiness = checklist.readiness();
    let figure = format!(" {readiness}");
    let bar_width = width.saturating_sub(figure.width() + 1).min(30);
    let gauge = Line::from(vec![
        Span::raw(" "),
        Span::styled(
            gauge_bar(readiness.done, readiness.total, bar_width),
            app.theme.ok(),
        ),
        Span::styled(figure, app.theme.accent()),
    ]);
    frame.render_widget(
        gauge,
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
    let mut footer = None;
    if let Some(index) = screen.confirm_remove
        && let Some(own) = card.card.checklist.get(index)
    {
        footer = Some(format!(
            "Remove \"{}\"? x again removes, any other key keeps it.",
            sanitize_line(&own.item)
        ));
    }
    let list_height = usize::from(list_area.height) - usize::from(footer.is_some());
    let rows = rows(&checklist);
    let selected_row = rows
        .iter()
        .position(|row| matches!(row, Row::Item(i) if *i == screen.selected))
        .unwrap_or(0);
    let offset = (selected_row + 1).saturating_sub(list_height);
    let text_width = width.saturating_sub(SELECTED_MARK.width());
    for (at, row) in rows.iter().enumerate().skip(offset).take(list_height) {
        let y = list_area.y + u16::try_from(at - offset).unwrap_or(0);
        let row_area = Rect {
            y,
            height: 1,
            ..list_area
        };
        let selected = at == selected_row;
        let mut spans = vec![Span::styled(
            if selected { SELECTED_MARK } else { "  " },
            app.theme.accent(),
        )];
        match row {
            Row::Item(index) => spans.extend(item_line(app, &checklist, *index, text_width).spans),
            Row::Gap(text) => spans.push(Span::styled(
                truncate(&format!("    ⚠ {}", sanitize_line(text)), text_width),
                app.theme.warning(),
            )),
        }
        let style = if selected {
            app.theme.selection(true)
        } else {
            Style::new()
        };
        frame.buffer_mut().set_style(row_area, style);
        frame.render_widget(Line::from(spans), row_area);
    }
    if let Some(text) = footer {
        let y = list_area.bottom().saturating_sub(1);
        frame.render_widget(
            Line::styled(truncate(&text, width), app.theme.warning()),
            Rect {
                y,
                height: 1,
                ..list_area
            },
        );
    }
}
