//! Drawing the offer window: the variant tabs with the text's length against the LinkedIn
//! limit (in words and style, never colour alone), the cards to choose from with their
//! readiness, the draft wrapped to the window, and where the last save went.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;
use unicode_width::UnicodeWidthStr;

use super::offer::{OfferWindow, thousands};
use super::{pane_block, truncate, wrap_words};
use crate::checklist::Readiness;
use crate::offer::{Draft, LINKEDIN_LIMIT, Lang, OfferKind};
use crate::safe_text::sanitize_line;
use crate::tui::app::App;
use crate::tui::layout::{centered, inner};
use crate::tui::widgets::list::{SELECTED_MARK, UNSELECTED_MARK};

/// The variant tabs and the length against the limit, in words and style.
fn header(
    app: &App,
    window: &OfferWindow,
    draft: Option<&(Draft, Lang, usize)>,
    width: usize,
) -> Line<'static> {
    // Narrow windows drop the words the numbers do without.
    let wide = width >= 60;
    let unit = if wide { " characters" } else { "" };
    let theme = &app.theme;
    let tab = |name: &str, on: bool| {
        if on {
            Span::styled(
                format!("[{name}]"),
                theme.accent().add_modifier(Modifier::BOLD),
            )
        } else {
            Span::styled(format!(" {name} "), theme.muted())
        }
    };
    let mut spans = vec![
        tab("Invitation", window.kind == OfferKind::Invitation),
        tab("LinkedIn", window.kind == OfferKind::LinkedIn),
        Span::raw(" "),
    ];
    if let Some((draft, lang, _)) = draft {
        let count = draft.text.chars().count();
        match window.kind {
            OfferKind::LinkedIn if count > LINKEDIN_LIMIT => spans.push(Span::styled(
                format!(
                    "{}/{}{unit}: {} over",
                    thousands(count),
                    thousands(LINKEDIN_LIMIT),
                    thousands(count - LINKEDIN_LIMIT)
                ),
                theme.danger().add_modifier(Modifier::BOLD),
            )),
            OfferKind::LinkedIn => spans.push(Span::styled(
                format!("{}/{}{unit}", thousands(count), thousands(LINKEDIN_LIMIT)),
                theme.ok(),
            )),
            OfferKind::Invitation => spans.push(Span::styled(
                format!("{}{unit}", thousands(count)),
                theme.muted(),
            )),
        }
        if wide {
            spans.push(Span::styled(format!(" · {lang}"), theme.muted()));
        }
    }
    Line::from(spans)
}

/// What was left out to stay within the limit, if anything.
fn left_out(draft: &Draft, chosen: usize) -> Option<String> {
    let cards = chosen - draft.cards_used.min(chosen);
    let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let parts: Vec<String> = [(cards, "card"), (draft.outcomes_dropped, "outcome")]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| plural(n, what))
        .collect();
    (!parts.is_empty()).then(|| {
        format!(
            "Left out {} to stay within {} characters.",
            parts.join(" and "),
            thousands(LINKEDIN_LIMIT)
        )
    })
}

fn card_line(app: &App, index: usize, chosen: bool, width: usize) -> Line<'static> {
    let Some(card) = app.library.cards.get(index) else {
        return Line::default();
    };
    let figure = app
        .card_readiness(index)
        .filter(|r| r.total > 0)
        .map(|r: Readiness| {
            if r.is_ready() {
                "ready".to_string()
            } else {
                r.to_string()
            }
        })
        .unwrap_or_default();
    let mark = if chosen { "[x] " } else { "[ ] " };
    let room = width.saturating_sub(mark.width() + figure.width() + 1);
    let title = truncate(&sanitize_line(&card.card.title), room);
    let pad = width.saturating_sub(mark.width() + title.width() + figure.width());
    Line::from(vec![
        Span::styled(
            mark,
            if chosen {
                app.theme.ok()
            } else {
                app.theme.text()
            },
        ),
        Span::styled(title, app.theme.text()),
        Span::raw(" ".repeat(pad)),
        Span::styled(figure, app.theme.muted()),
    ])
}

/// Draws the offer window over `main`.
pub fn render(app: &App, window: &OfferWindow, frame: &mut Frame<'_>, main: Rect) {
    let area = centered(main, main.width.min(90), main.height);
    frame.render_widget(Clear, area);
    let block = pane_block("Offer", true, &app.theme).style(app.theme.base());
    frame.render_widget(block, area);
    let inside = inner(area);
    if inside.height < 4 || inside.width < 10 {
        return;
    }
    let width = usize::from(inside.width);
    let draft = window.draft(&app.library);
    let mut y = inside.y;
    let line_at = |frame: &mut Frame<'_>, y: &mut u16, line: Line<'_>| {
        frame.render_widget(
            line,
            Rect {
                y: *y,
                height: 1,
                ..inside
            },
        );
        *y += 1;
    };
    line_at(frame, &mut y, header(app, window, draft.as_ref(), width));

    // The cards: at most a third of the window, the selected one in view.
    let status_rows = u16::from(window.status.is_some());
    let card_rows = u16::try_from(window.cards.len())
        .unwrap_or(u16::MAX)
        .clamp(1, (inside.height / 3).max(1));
    // The selected card in view, counted from the top each time (the rows shown depend on
    // the window's size, which the update does not know).
    let mut list = window.list;
    list.offset = (list.selected + 1).saturating_sub(usize::from(card_rows));
    if window.cards.is_empty() {
        line_at(
            frame,
            &mut y,
            Line::styled(
                truncate(
                    "No cards of your own and no ticks on pack cards yet.",
                    width,
                ),
                app.theme.muted(),
            ),
        );
    } else {
        let text_width = width.saturating_sub(SELECTED_MARK.width());
        for (at, (index, chosen)) in window
            .cards
            .iter()
            .enumerate()
            .skip(list.offset)
            .take(usize::from(card_rows))
        {
            let selected = at == list.selected;
            let row = Rect {
                y,
                height: 1,
                ..inside
            };
            let style = if selected {
                app.theme.selection(true)
            } else {
                Style::new()
            };
            frame.buffer_mut().set_style(row, style);
            let mut spans = vec![Span::styled(
                if selected {
                    SELECTED_MARK
                } else {
                    UNSELECTED_MARK
                },
                app.theme.accent(),
            )];
            spans.extend(card_line(app, *index, *chosen, text_width).spans);
            line_at(frame, &mut y, Line::from(spans));
        }
    }
    line_at(
        frame,
        &mut y,
        Line::styled("─".repeat(width), app.theme.muted()),
    );

    // The text, wrapped, scrolled by page keys; then what was left out and the last save.
    let bottom = inside.bottom().saturating_sub(status_rows);
    let mut lines: Vec<Line<'static>> = Vec::new();
    match &draft {
        Some((draft, _, chosen)) => {
            if window.kind == OfferKind::LinkedIn
                && let Some(note) = left_out(draft, *chosen)
            {
                lines.push(Line::styled(note, app.theme.warning()));
            }
            for paragraph in draft.text.lines() {
                if paragraph.trim().is_empty() {
                    lines.push(Line::default());
                    continue;
                }
                lines.extend(
                    wrap_words(&sanitize_line(paragraph), width)
                        .into_iter()
                        .map(|line| Line::styled(line, app.theme.text())),
                );
            }
        }
        None => lines.push(Line::styled(
            "No card is chosen: space takes the selected card in.",
            app.theme.muted(),
        )),
    }
    let room = usize::from(bottom.saturating_sub(y));
    let scroll = window.scroll.min(lines.len().saturating_sub(room));
    for line in lines.into_iter().skip(scroll).take(room) {
        line_at(frame, &mut y, line);
    }
    if let Some(status) = &window.status {
        let (text, style) = match status {
            Ok(text) => (text.as_str(), app.theme.ok()),
            Err(text) => (text.as_str(), app.theme.danger()),
        };
        frame.render_widget(
            Line::styled(truncate(&sanitize_line(text), width), style),
            Rect {
                y: bottom,
                height: 1,
                ..inside
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;

    fn text_of(line: &Line<'_>) -> String {
        line.spans
            .iter()
            .map(|span| span.content.as_ref())
            .collect()
    }

    #[test]
    fn a_linkedin_note_over_the_limit_says_so_in_words_and_style() {
        let app = App::new(
            Library::default(),
            crate::tui::keymap::Keymap::defaults(),
            crate::tui::theme::Theme::default(),
            80,
            24,
        );
        let mut window = OfferWindow::new(&app, None);
        window.kind = OfferKind::LinkedIn;
        let draft = |count: usize| Draft {
            text: "x".repeat(count),
            cards_used: 1,
            outcomes_dropped: 0,
        };
        let over = (draft(1340), Lang::En, 1);
        let line = header(&app, &window, Some(&over), 80);
        assert!(text_of(&line).contains("1,340/1,300 characters: 40 over"));
        let count = line.spans.iter().find(|s| s.content.contains("over"));
        assert_eq!(
            count.map(|s| s.style),
            Some(app.theme.danger().add_modifier(Modifier::BOLD))
        );
        let within = (draft(1300), Lang::En, 1);
        let line = header(&app, &window, Some(&within), 80);
        assert!(text_of(&line).contains("1,300/1,300 characters"));
        assert!(!text_of(&line).contains("over"));
        assert_eq!(
            left_out(&draft(10), 3).as_deref(),
            Some("Left out 2 cards to stay within 1,300 characters.")
        );
    }
}
