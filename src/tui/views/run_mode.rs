//! Run mode: the agenda as a full-screen timer during the visit. The current item and its
//! countdown, the next item, ahead or behind plan, a warning at 20 % and an alarm at 5 % left
//! (in words and style, never colour alone), and the card's Show it steps and Pitfalls.
//!
//! Time comes in as `Action::Tick` from the runtime, so tests drive it without sleeping.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Wrap};

use super::pane_block;
use super::truncate;
use crate::agenda::Agenda;
use crate::library::{CardRef, Library};
use crate::markdown::section;
use crate::plan::timetable;
use crate::run::{Level, Run, left_words, pace_words, run_items};
use crate::safe_text::sanitize_line;
use crate::tui::app::App;
use crate::tui::command::Command;

/// A running agenda and the notes of its cards.
#[derive(Debug, Clone)]
pub struct RunScreen {
    pub title: String,
    pub run: Run,
    /// Per item: the card's Show it and Pitfalls sections, as they are written.
    pub notes: Vec<(Option<String>, Option<String>)>,
    /// What the last event said, for a screen reader and for the eye.
    pub said: Option<String>,
}

impl RunScreen {
    /// Starts running an agenda (the clock starts at the first tick).
    pub fn new(agenda: &Agenda, library: &Library) -> RunScreen {
        let timed = timetable(library, agenda, None);
        let title_of = |reference: &str| match library.find(reference, None) {
            CardRef::Found(card) => Some(card.card.title.clone()),
            CardRef::Missing => None,
        };
        let items = run_items(&timed.timetable, &title_of);
        let notes = items
            .iter()
            .map(|item| {
                let body = item
                    .card
                    .as_deref()
                    .and_then(|card| match library.find(card, None) {
                        CardRef::Found(found) => Some(found.card.body.clone()),
                        CardRef::Missing => None,
                    });
                let part = |heading: &str| {
                    body.as_deref()
                        .and_then(|body| section(body, heading))
                        .map(str::to_string)
                };
                (part("Show it"), part("Pitfalls"))
            })
            .collect();
        let mut run = Run::new(items, false);
        let events = run.start();
        let said = events.last().map(|event| run.describe(event));
        RunScreen {
            title: agenda.title.clone(),
            run,
            notes,
            said,
        }
    }

    /// A key in run mode: more time, skip, pause.
    pub fn update(&mut self, command: Command) {
        let events = match command {
            Command::AgendaLonger => self.run.add_five(),
            Command::RunSkip => self.run.skip(),
            Command::RunPause => self.run.toggle_pause(),
            _ => Vec::new(),
        };
        self.remember(&events);
    }

    /// The clock's reading, in seconds since any fixed point.
    pub fn tick(&mut self, seconds: u64) {
        let events = self.run.tick(seconds);
        self.remember(&events);
    }

    fn remember(&mut self, events: &[crate::run::RunEvent]) {
        if let Some(event) = events.last() {
            self.said = Some(self.run.describe(event));
        }
    }
}

/// `12:34` for seconds.
fn clock(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// Draws run mode into `area`.
pub fn render(app: &App, screen: &RunScreen, frame: &mut Frame<'_>, area: Rect) {
    let theme = &app.theme;
    let run = &screen.run;
    let paused = if run.is_paused() { " • PAUSED" } else { "" };
    let block = pane_block(
        &format!("Run: {}{paused}", sanitize_line(&screen.title)),
        true,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let Some(item) = run.current() else {
        let mut text = vec![
            Line::styled("Finished", theme.heading()),
            Line::styled(pace_words(run.behind() / 60), theme.text()),
        ];
        // The session log (#7): offered when the session is over, with the key from the keymap.
        if let Some(key) = app
            .keymap
            .keys_in(
                crate::tui::command::Command::AgendaLog,
                crate::tui::command::Context::Run,
            )
            .first()
        {
            text.push(Line::styled(
                format!("{key}: write the session log (covered, will try, bring next time)"),
                theme.accent(),
            ));
        }
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
        return;
    };
    let left = run.left();
    let (level_words, level_style) = match run.level() {
        Level::Normal => (String::new(), theme.ok()),
        Level::Warning => (
            "WARNING 20 % left".to_string(),
            theme.warning().add_modifier(Modifier::BOLD),
        ),
        Level::Alarm => (
            "ALARM 5 % left".to_string(),
            theme
                .danger()
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
        ),
        Level::Over => (
            "TIME UP".to_string(),
            theme
                .danger()
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
        ),
    };
    let countdown = if left >= 0 {
        format!("{} left", clock(left.unsigned_abs()))
    } else {
        format!("{} over", clock(left.unsigned_abs()))
    };
    let mut lines = vec![
        Line::styled(
            truncate(&sanitize_line(&item.title), width),
            theme.heading(),
        ),
        Line::from(vec![
            Span::styled(countdown, level_style.add_modifier(Modifier::BOLD)),
            Span::raw(" "),
            Span::styled(level_words, level_style),
        ]),
    ];
    let next = run.next().map_or_else(
        || "last item".to_string(),
        |next| format!("Next: {}", next.title),
    );
    lines.push(Line::styled(
        truncate(&sanitize_line(&next), width),
        theme.muted(),
    ));
    lines.push(Line::styled(pace_words(run.behind() / 60), theme.text()));
    let head = u16::try_from(lines.len()).unwrap_or(4);
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: head.min(inner.height),
            ..inner
        },
    );
    if inner.height <= head {
        return;
    }
    let used = run.item_elapsed() as f64 / run.length().max(1) as f64;
    let gauge_area = Rect {
        y: inner.y + head,
        height: 1,
        ..inner
    };
    frame.render_widget(
        Gauge::default()
            .ratio(used.min(1.0))
            .label(left_words(left.max(0).unsigned_abs()))
            .gauge_style(level_style),
        gauge_area,
    );
    let notes_area = Rect {
        y: gauge_area.y + 1,
        height: inner.height.saturating_sub(head + 1),
        ..inner
    };
    let (show, pitfalls) = screen
        .notes
        .get(run.current_index())
        .cloned()
        .unwrap_or_default();
    let mut notes = Vec::new();
    for (heading, text) in [("Show it", show), ("Pitfalls", pitfalls)] {
        if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
            notes.push(Line::styled(
                heading,
                theme.accent().add_modifier(Modifier::BOLD),
            ));
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                notes.push(Line::styled(sanitize_line(line).into_owned(), theme.text()));
            }
        }
    }
    if let Some(said) = &screen.said {
        notes.push(Line::styled(
            sanitize_line(said).into_owned(),
            theme.muted(),
        ));
    }
    frame.render_widget(Paragraph::new(notes).wrap(Wrap { trim: false }), notes_area);
}
