//! The offer window (`O` in the library): the invitation or LinkedIn note that
//! `skillbook offer` drafts ([`crate::offer`]), with the cards it is made from. Ready cards
//! start chosen; `space` takes a card in or out and the text follows at once; `tab` switches
//! between the invitation and the LinkedIn note, whose length is shown against its limit in
//! words as well as colour; `ctrl-s` writes the text into the library's `offers/` folder (an
//! effect, never over an earlier offer) and shows where.

use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;
use unicode_width::UnicodeWidthStr;

use super::{pane_block, truncate, wrap_words};
use crate::checklist::{Readiness, library_readiness};
use crate::library::Library;
use crate::offer::{Draft, LINKEDIN_LIMIT, Lang, OfferCard, OfferKind, common_lang, draft_offer};
use crate::safe_text::sanitize_line;
use crate::tui::action::Action;
use crate::tui::app::{App, Popup};
use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::layout::{centered, inner};
use crate::tui::widgets::list::{ListState, SELECTED_MARK, UNSELECTED_MARK};

/// The offer window's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferWindow {
    /// The cards to choose from, by position in `Library::cards`, and whether each is in.
    pub cards: Vec<(usize, bool)>,
    /// The selected card.
    pub list: ListState,
    /// The invitation or the LinkedIn note.
    pub kind: OfferKind,
    /// How many lines of the text are scrolled off the top.
    pub scroll: usize,
    /// What the last save did: the file written, or why not.
    pub status: Option<Result<String, String>>,
}

impl OfferWindow {
    /// The window over a library: the cards whose readiness is the user's business (own cards
    /// and pack cards with a tick), ready ones chosen, and the card in view if it is not among
    /// them, not chosen.
    pub fn new(app: &App, in_view: Option<usize>) -> Self {
        let library = &app.library;
        let mut cards: Vec<(usize, bool)> = library_readiness(library, &app.readiness)
            .iter()
            .filter_map(|card| {
                let index = library
                    .cards
                    .iter()
                    .position(|c| std::ptr::eq(c, card.card))?;
                Some((index, card.readiness().is_ready()))
            })
            .collect();
        if let Some(index) = in_view
            && !cards.iter().any(|(card, _)| *card == index)
        {
            cards.push((index, false));
        }
        OfferWindow {
            cards,
            list: ListState::default(),
            kind: OfferKind::Invitation,
            scroll: 0,
            status: None,
        }
    }

    /// The chosen cards as the offer sees them, in list order.
    fn chosen(&self, library: &Library) -> Vec<OfferCard> {
        self.cards
            .iter()
            .filter(|(_, chosen)| *chosen)
            .filter_map(|(index, _)| library.cards.get(*index))
            .map(|card| OfferCard::of(&card.card).made_safe())
            .collect()
    }

    /// The draft of the chosen cards in their language, as `skillbook offer` writes it;
    /// `None` while no card is chosen.
    pub fn draft(&self, library: &Library) -> Option<(Draft, Lang, usize)> {
        let cards = self.chosen(library);
        if cards.is_empty() {
            return None;
        }
        let lang = common_lang(&cards);
        Some((draft_offer(&cards, self.kind, lang), lang, cards.len()))
    }
}

/// `1,300`: a count with thousands separated, as the limit is written.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (at, c) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl App {
    /// Opens the offer window.
    pub fn open_offer(&mut self) {
        let window = OfferWindow::new(self, self.card_in_view());
        self.popups.push(Popup::Offer(Box::new(window)));
    }

    /// Reacts to a command in the offer window.
    pub fn offer_update(&mut self, command: Command) -> Vec<Effect> {
        let Some(Popup::Offer(window)) = self.popups.last_mut() else {
            return Vec::new();
        };
        let len = window.cards.len();
        match command {
            Command::Back => {
                self.popups.pop();
            }
            Command::OfferToggleCard => {
                if let Some((_, chosen)) = window.cards.get_mut(window.list.selected) {
                    *chosen = !*chosen;
                    window.scroll = 0;
                }
            }
            Command::OfferVariant => {
                window.kind = match window.kind {
                    OfferKind::Invitation => OfferKind::LinkedIn,
                    OfferKind::LinkedIn => OfferKind::Invitation,
                };
                window.scroll = 0;
            }
            Command::PageDown => window.scroll += 5,
            Command::PageUp => window.scroll = window.scroll.saturating_sub(5),
            Command::OfferSave => {
                let kind = window.kind;
                match window.draft(&self.library) {
                    Some((draft, _, _)) => {
                        let stem = match kind {
                            OfferKind::Invitation => "invitation",
                            OfferKind::LinkedIn => "linkedin-note",
                        };
                        return vec![Effect::WriteOffer {
                            folder: self.library.root.join("offers"),
                            stem: stem.to_string(),
                            text: draft.text,
                        }];
                    }
                    None => {
                        window.status = Some(Err(
                            "Nothing to write: take at least one card in first.".to_string(),
                        ));
                    }
                }
            }
            other => {
                window.list.apply(other, len, 1);
            }
        }
        Vec::new()
    }

    /// An offer was written, or could not be: say so in the window, or in a message if the
    /// window was closed meanwhile.
    pub fn offer_written(&mut self, result: Result<PathBuf, String>) -> Vec<Effect> {
        let status = result.map(|path| {
            let shown = self.library.display_path(&path).display().to_string();
            format!("Wrote {shown}")
        });
        let window = self.popups.iter_mut().rev().find_map(|popup| match popup {
            Popup::Offer(window) => Some(window),
            _ => None,
        });
        match window {
            Some(window) => window.status = Some(status),
            None => match status {
                Ok(text) => self.show_message("Offer", text),
                Err(error) => self.show_message("Offer not written", error),
            },
        }
        Vec::new()
    }
}

/// Writes an offer as `<folder>/<stem>-<today>.txt`, or `-2`, `-3`... when that file exists,
/// so an earlier offer (which the user may have edited) is never overwritten.
pub fn write_offer(folder: &Path, stem: &str, text: &str) -> Action {
    let today = chrono::Local::now().date_naive().format("%Y-%m-%d");
    let mut last_error = String::new();
    for n in 1..=99 {
        let name = if n == 1 {
            format!("{stem}-{today}.txt")
        } else {
            format!("{stem}-{today}-{n}.txt")
        };
        let path = folder.join(name);
        match crate::store::save_checked(&path, None, text.as_bytes()) {
            Ok(_) => return Action::OfferWritten(Ok(path)),
            Err(crate::error::Error::Refused { .. }) => {
                last_error = format!("{}: already exists", path.display());
            }
            Err(error) => return Action::OfferWritten(Err(error.to_string())),
        }
    }
    Action::OfferWritten(Err(format!("{last_error}; 99 offers today already")))
}

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

    #[test]
    fn counts_read_as_the_limit_is_written() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1300), "1,300");
        assert_eq!(thousands(1234567), "1,234,567");
    }

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
