//! Drawing the whole app: `render(&app, frame)` reads the state and changes nothing. The
//! library screen is at the bottom, screens over it, popups over those, and the bottom line
//! of key hints under everything.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::app::App;
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH, centered};
use super::views::browser;
use super::widgets::hints::hints_line;

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
        Some(screen) => screen.pane().render(app, frame, main),
        None => browser::render(app, frame, main),
    }
    for popup in &app.popups {
        popup.pane().render(app, frame, main);
    }
    let line = hints_line(&app.keymap, app.context(), &app.theme, hints.width);
    frame.render_widget(line, hints);
    // While the library loads in the background: the count, at the right of the bottom line.
    if let Some((done, total)) = app.loading {
        render_loading(app, frame, hints, done, total);
    }
}

/// "loading 34,000 / 100,000 cards" over the right end of the bottom line.
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
