//! Drawing the whole app: `render(&app, frame)` reads the state and changes nothing. The
//! library screen is at the bottom, screens over it, popups over those, and the bottom line
//! of key hints under everything.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::app::{App, Popup, Screen};
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH, centered};
use super::views::{browser, card_view, help, message, search};
// Pack browser.
use super::views::packs;
use super::widgets::hints::hints_line;
// The checklist pane and its windows (#6).
use super::views::{answer, checklist};
// The prep list and the offer window (#6).
use super::views::{offer_draw, prep};

/// Draws the app into a frame.
pub fn render(app: &App, frame: &mut Frame<'_>) {
    let area = frame.area();
    frame.render_widget(Block::new().style(app.theme.base()), area);
    if layout::too_small(area) {
        render_too_small(app, frame, area);
        return;
    }
    let (main, hints) = layout::screen(area);
    match app.screens.last() {
        Some(Screen::Card(card)) => card_view::render(app, card, frame, main),
        Some(Screen::Search(screen)) => search::render(app, screen, frame, main),
        // Agenda builder and run mode.
        Some(Screen::Builder(builder)) => {
            super::views::agenda_builder_draw::render(app, builder, frame, main);
        }
        Some(Screen::Run(run)) => super::views::run_mode::render(app, run, frame, main),
        Some(Screen::NewAgenda(window)) => {
            browser::render(app, frame, main);
            super::views::new_agenda::render(window, &app.theme, frame, main);
        }
        Some(Screen::Packs(screen)) => packs::render(app, screen, frame, main),
        Some(Screen::Checklist(screen)) => checklist::render(app, screen, frame, main),
        Some(Screen::Editor(editor)) => super::views::editor::render(app, editor, frame, main),
        Some(Screen::Prep(screen)) => prep::render(app, screen, frame, main),
        // Merge conflicts left by a pack update (#8).
        Some(Screen::Conflict(screen)) => {
            super::views::conflict::render(app, screen, frame, main);
        }
        // Course planner (#7).
        Some(Screen::Course(planner)) => {
            super::views::course_planner_draw::render(app, planner, frame, main);
        }
        None => browser::render(app, frame, main),
    }
    for popup in &app.popups {
        match popup {
            Popup::Help(popup) => help::render(app, popup, frame, main),
            Popup::Message(popup) => message::render(app, popup, frame, main),
            Popup::Answer(window) => answer::render(app, window, frame, main),
            Popup::Ask(popup) => super::views::ask::render(app, popup, frame, main),
            Popup::Offer(window) => offer_draw::render(app, window, frame, main),
            // The session log (#7).
            Popup::Log(window) => super::views::log_window::render(app, window, frame, main),
            // The export window (#7).
            Popup::Export(window) => super::views::export_window::render(app, window, frame, main),
        }
    }
    let line = hints_line(&app.keymap, app.context(), &app.theme, hints.width);
    frame.render_widget(line, hints);
    // Loading in the background (#9): the count, at the right of the bottom line.
    if let Some((done, total)) = app.loading {
        render_loading(app, frame, hints, done, total);
    }
}

/// "loading 34,000 / 100,000 cards" over the right end of the bottom line (#9).
fn render_loading(app: &App, frame: &mut Frame<'_>, line: Rect, done: usize, total: usize) {
    let text = if total == 0 {
        " loading cards… ".to_string()
    } else {
        format!(" loading {} / {} cards ", thousands(done), thousands(total))
    };
    let width = u16::try_from(text.chars().count())
        .unwrap_or(u16::MAX)
        .min(line.width);
    let area = Rect {
        x: line.x + line.width - width,
        width,
        ..line
    };
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(Line::styled(text, app.theme.accent()), area);
}

/// A count with thousands separated by commas: 34,000.
fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn render_too_small(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let text = vec![
        Line::styled("Terminal too small", app.theme.warning()),
        Line::styled(
            format!(
                "{}x{} here, {MIN_WIDTH}x{MIN_HEIGHT} needed",
                area.width, area.height
            ),
            app.theme.text(),
        ),
    ];
    let height = 2.min(area.height);
    let notice = centered(area, area.width, height);
    frame.render_widget(
        Paragraph::new(text).centered().wrap(Wrap { trim: true }),
        notice,
    );
}
