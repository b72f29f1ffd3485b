//! A small question window for the editing keys: the title of a new card, whether to fork a
//! pack card before editing it, the id of a fork when one of my cards has the pack card's,
//! whether to restore unsaved text from an earlier run. Enter
//! answers yes (with the typed text), Esc cancels; a refused answer says why under the field.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::pane_block;
use crate::safe_text::sanitize_line;
use crate::tui::app::App;
use crate::tui::editor::effects::Recovered;
use crate::tui::editor::fork_id::ForkIdPrompt;
use crate::tui::layout::{centered, inner};
use crate::tui::widgets::text_input::TextInput;

/// What the question is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AskPurpose {
    /// The title of a new card.
    NewCard,
    /// Edit a pack card: fork it into my cards first (the pack card's qualified id).
    ForkToEdit { reference: String },
    /// A copy of a card under a new title (the source's qualified id).
    Duplicate { reference: String },
    /// Unsaved text from an earlier run: restore it (Enter) or discard it (`d`).
    Restore(Recovered),
    /// A new id for an own card.
    Rename { old: String },
    /// A new id for the fork of a pack card whose id one of my cards has (its qualified id).
    ForkId { reference: String },
}

/// A question window's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AskPopup {
    pub purpose: AskPurpose,
    pub title: String,
    /// What the window says above the field (or instead of it).
    pub text: String,
    /// A text field, when the answer is typed.
    pub input: Option<TextInput>,
    /// Why the last answer was refused.
    pub error: Option<String>,
}

impl AskPopup {
    /// Asks for a new card's title.
    pub fn new_card() -> AskPopup {
        AskPopup {
            purpose: AskPurpose::NewCard,
            title: "New card".into(),
            text: "Title of the new card (Enter writes it, Esc cancels):".into(),
            input: Some(TextInput::default()),
            error: None,
        }
    }

    /// Offers to fork a pack card so it can be edited.
    pub fn fork_to_edit(reference: String, title: &str) -> AskPopup {
        AskPopup {
            text: format!(
                "\"{title}\" comes from a pack, which is read only. Enter forks it into your \
                 cards and opens your copy in the editor; Esc cancels."
            ),
            purpose: AskPurpose::ForkToEdit { reference },
            title: "Fork to edit".into(),
            input: None,
            error: None,
        }
    }

    /// Asks for the id of a fork, when one of my cards has the pack card's: the question
    /// the pack browser asks too, in a window.
    pub fn fork_id(prompt: ForkIdPrompt) -> AskPopup {
        AskPopup {
            text: format!(
                "A new id for your fork of {} (Enter forks it and opens it in the editor, Esc \
                 cancels):",
                prompt.reference
            ),
            purpose: AskPurpose::ForkId {
                reference: prompt.reference,
            },
            title: "Fork as".into(),
            input: Some(prompt.input),
            error: prompt.problem,
        }
    }

    /// The fork-id question this window asks, with what is typed so far, if it is one.
    pub fn as_fork_id(&self) -> Option<ForkIdPrompt> {
        let AskPurpose::ForkId { reference } = &self.purpose else {
            return None;
        };
        Some(ForkIdPrompt {
            reference: reference.clone(),
            input: self.input.clone().unwrap_or_default(),
            problem: self.error.clone(),
        })
    }

    /// Asks for a card's new id, starting from the old one.
    pub fn rename(old: &str) -> AskPopup {
        let mut input = TextInput::default();
        for c in old.chars() {
            input.apply(crate::tui::action::TextEdit::Insert(c));
        }
        AskPopup {
            purpose: AskPurpose::Rename {
                old: old.to_string(),
            },
            title: "Rename".into(),
            text: format!(
                "New id for {old} (its file, agendas, courses and prerequisites follow; Enter \
                 renames, Esc cancels):"
            ),
            input: Some(input),
            error: None,
        }
    }

    /// Asks for the title of a copy of a card, starting from the source's title.
    pub fn duplicate(reference: String, title: &str) -> AskPopup {
        let mut input = TextInput::default();
        for c in format!("{title} (copy)").chars() {
            input.apply(crate::tui::action::TextEdit::Insert(c));
        }
        AskPopup {
            purpose: AskPurpose::Duplicate { reference },
            title: "Duplicate".into(),
            text: "Title of the copy, a new card of yours (Enter writes it and opens it in the \
                   editor, Esc cancels):"
                .into(),
            input: Some(input),
            error: None,
        }
    }

    /// Offers to restore unsaved text left by an earlier run.
    pub fn restore(recovered: Recovered, shown_path: &str) -> AskPopup {
        AskPopup {
            text: format!(
                "Unsaved changes to {shown_path} were left by an earlier session. Enter opens \
                 them in the editor; d discards them; Esc asks again next time."
            ),
            purpose: AskPurpose::Restore(recovered),
            title: "Unsaved changes found".into(),
            input: None,
            error: None,
        }
    }
}

/// Draws the question window over `main`.
pub fn render(app: &App, popup: &AskPopup, frame: &mut Frame<'_>, main: Rect) {
    let width = main.width.min(64);
    let height = main.height.min(9);
    let window = centered(main, width, height);
    frame.render_widget(Clear, window);
    frame.render_widget(
        pane_block(&popup.title, true, &app.theme).style(app.theme.base()),
        window,
    );
    let inside = inner(window);
    let reserved = u16::from(popup.input.is_some()) + u16::from(popup.error.is_some());
    let text_height = inside.height.saturating_sub(reserved);
    let text = Paragraph::new(sanitize_line(&popup.text).into_owned())
        .style(app.theme.text())
        .wrap(Wrap { trim: true });
    frame.render_widget(
        text,
        Rect::new(inside.x, inside.y, inside.width, text_height),
    );
    let mut y = inside.y + text_height;
    if let Some(input) = &popup.input {
        let area = Rect::new(inside.x, y, inside.width, 1);
        input.render(
            frame,
            area,
            Span::styled("> ", app.theme.accent()),
            app.theme.text(),
            true,
        );
        y += 1;
    }
    if let Some(error) = &popup.error {
        let line = Line::styled(format!("! {}", sanitize_line(error)), app.theme.warning());
        frame.render_widget(line, Rect::new(inside.x, y, inside.width, 1));
    }
}
