//! What the agenda builder and the course planner share around their tables: a one-line
//! question typed at the bottom of the pane, the status line it stands in for, and the window
//! asking whether to save before leaving.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::safe_text::sanitize_line;
use crate::tui::action::TextEdit;
use crate::tui::layout::centered;
use crate::tui::theme::Theme;
use crate::tui::views::{pane_block, truncate};
use crate::tui::widgets::text_input::TextInput;

/// What a question is for: each pane has its own kinds, and says how each one is asked.
pub trait Question: Copy {
    /// The question, as the prompt shows it before the typing.
    fn prompt(self) -> &'static str;
}

/// A one-line question and what has been typed so far.
#[derive(Debug, Clone)]
pub struct Prompt<A> {
    pub ask: A,
    pub input: TextInput,
}

impl<A: Question> Prompt<A> {
    /// A question with `preset` typed in already, the cursor after it, so the current value
    /// can be changed rather than typed again.
    pub fn new(ask: A, preset: Option<String>) -> Self {
        let mut input = TextInput::default();
        for c in preset.unwrap_or_default().chars() {
            input.apply(TextEdit::Insert(c));
        }
        Prompt { ask, input }
    }

    /// What was typed, without the blanks around it.
    pub fn answer(&self) -> String {
        self.input.text().trim().to_string()
    }
}

/// The bottom line of a pane: the open question with its cursor, or else the status.
pub fn render_question_or_status<A: Question>(
    question: Option<&Prompt<A>>,
    status: Option<&str>,
    theme: &Theme,
    frame: &mut Frame<'_>,
    line: Rect,
) {
    match question {
        Some(question) => question.input.render(
            frame,
            line,
            Span::styled(question.ask.prompt(), theme.accent()),
            theme.text(),
            true,
        ),
        None => frame.render_widget(
            Line::styled(
                truncate(
                    &sanitize_line(status.unwrap_or("")),
                    usize::from(line.width),
                ),
                theme.muted(),
            ),
            line,
        ),
    }
}

/// A small window over `area` asking `question` (whether to save before leaving). The keys
/// (save, discard, cancel) are on the bottom line, read from the keymap.
pub fn render_leaving(question: &str, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let window = centered(area, 36.min(area.width), 5.min(area.height));
    frame.render_widget(Clear, window);
    let block = pane_block("Unsaved changes", true, theme);
    let inner = block.inner(window);
    frame.render_widget(block, window);
    let text = vec![
        Line::styled(question.to_string(), theme.text()),
        Line::styled("The keys are on the bottom line.", theme.muted()),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
}
