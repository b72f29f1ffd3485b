//! Drawing the pack browser: the list of packs (or of one pack's cards), the selected pack's
//! manifest and provenance (or the selected card's preview), and a box at the bottom for
//! progress, the path being typed, or a yes/no question. Every text from a pack goes through
//! `crate::safe_text`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{PackMode, PackScreen};
use crate::library::PackLocation;
use crate::pack::progress::{progress_counts, progress_line};
use crate::safe_text::sanitize_line;
use crate::tui::app::App;
use crate::tui::command::{Command, Context};
use crate::tui::layout::inner;
use crate::tui::views::preview::{Subject, render_document};
use crate::tui::views::{pane_block, truncate, wrap_words};
use crate::tui::widgets::list::{SELECTED_MARK, render_rows};

/// Wide enough for the details beside the list.
const SIDE_BY_SIDE: u16 = 60;
/// Tall enough for the details under the list when they cannot go beside it.
const STACKED: u16 = 20;

/// Where the pack browser's parts are.
struct PackLayout {
    list: Rect,
    detail: Option<Rect>,
    status: Rect,
}

fn layout(main: Rect, screen: &PackScreen) -> PackLayout {
    // The box grows to show a whole question, but always leaves the list a few rows.
    let least = if main.width >= SIDE_BY_SIDE { 5 } else { 4 };
    let wanted = match &screen.mode {
        PackMode::Confirm { question, .. } => {
            let width = usize::from(main.width.saturating_sub(3)).max(1);
            u16::try_from(wrap_words(&sanitize_line(question), width).len() + 3).unwrap_or(u16::MAX)
        }
        _ => least,
    };
    let status_height = wanted
        .max(least)
        .min(main.height.saturating_sub(5).max(least));
    let [top, status] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(status_height)]).areas(main);
    if main.width >= SIDE_BY_SIDE {
        let [list, detail] =
            Layout::horizontal([Constraint::Percentage(40), Constraint::Min(20)]).areas(top);
        PackLayout {
            list,
            detail: Some(detail),
            status,
        }
    } else if main.height >= STACKED {
        let [list, detail] =
            Layout::vertical([Constraint::Percentage(40), Constraint::Min(3)]).areas(top);
        PackLayout {
            list,
            detail: Some(detail),
            status,
        }
    } else {
        PackLayout {
            list: top,
            detail: None,
            status,
        }
    }
}

/// How many rows the list shows in `main` (a page, for moving by pages).
pub fn list_height(main: Rect, screen: &PackScreen) -> u16 {
    inner(layout(main, screen).list).height
}

/// Draws the pack browser in `main`.
pub fn render(app: &App, screen: &PackScreen, frame: &mut Frame<'_>, main: Rect) {
    let areas = layout(main, screen);
    let browsing = matches!(screen.mode, PackMode::Browse);
    match &screen.opened {
        None => {
            render_packs(app, screen, frame, areas.list, browsing);
            if let Some(detail) = areas.detail {
                render_manifest(app, screen, frame, detail);
            }
        }
        Some(opened) => {
            render_cards(app, screen, frame, areas.list, browsing);
            if let Some(detail) = areas.detail {
                let subject = screen.selected_card(&app.library).map(Subject::Card);
                render_document(
                    app,
                    frame,
                    detail,
                    "Preview",
                    subject.as_ref(),
                    opened.preview,
                    false,
                );
            }
        }
    }
    render_status(app, screen, frame, areas.status);
}

fn render_packs(app: &App, screen: &PackScreen, frame: &mut Frame<'_>, area: Rect, focused: bool) {
    let title = format!("Packs · {}", app.library.packs.len());
    frame.render_widget(pane_block(&title, focused, &app.theme), area);
    let inside = inner(area);
    if app.library.packs.is_empty() {
        let text = "  No packs.";
        frame.render_widget(Line::styled(text, app.theme.muted()), inside);
        return;
    }
    let width = usize::from(inside.width).saturating_sub(SELECTED_MARK.width());
    let rows = app
        .library
        .packs
        .iter()
        .map(|pack| {
            let details = match pack.location {
                PackLocation::Bundled => {
                    format!("  {} · bundled", sanitize_line(&pack.manifest.version))
                }
                PackLocation::Installed { .. } => {
                    format!("  {}", sanitize_line(&pack.manifest.version))
                }
            };
            let title = sanitize_line(pack.manifest.title.trim()).into_owned();
            let title_room = width.saturating_sub(details.width().min(width / 3));
            let title = truncate(&title, title_room);
            let rest = width.saturating_sub(title.width());
            Line::from(vec![
                Span::styled(title, app.theme.text()),
                Span::styled(truncate(&details, rest), app.theme.muted()),
            ])
        })
        .collect();
    render_rows(
        rows,
        &screen.list,
        focused,
        &app.theme,
        inside,
        frame.buffer_mut(),
    );
}

fn render_cards(app: &App, screen: &PackScreen, frame: &mut Frame<'_>, area: Rect, focused: bool) {
    let Some(opened) = &screen.opened else {
        return;
    };
    let indices = screen.card_indices(&app.library);
    let pack_title = app
        .library
        .pack(&opened.name)
        .map_or(opened.name.as_str(), |pack| pack.manifest.title.trim());
    let title = format!("{} · {} cards", sanitize_line(pack_title), indices.len());
    frame.render_widget(pane_block(&title, focused, &app.theme), area);
    let inside = inner(area);
    if indices.is_empty() {
        let text = "  This pack has no cards.";
        frame.render_widget(Line::styled(text, app.theme.muted()), inside);
        return;
    }
    let width = usize::from(inside.width).saturating_sub(SELECTED_MARK.width());
    let rows = indices
        .iter()
        .filter_map(|&index| app.library.cards.get(index))
        .map(|card| {
            let title = sanitize_line(card.card.title.trim()).into_owned();
            Line::styled(truncate(&title, width), app.theme.text())
        })
        .collect();
    render_rows(
        rows,
        &opened.list,
        focused,
        &app.theme,
        inside,
        frame.buffer_mut(),
    );
}

/// The selected pack's manifest, where it came from, and the card ids it shares with others.
fn render_manifest(app: &App, screen: &PackScreen, frame: &mut Frame<'_>, area: Rect) {
    frame.render_widget(pane_block("Pack", false, &app.theme), area);
    let inside = inner(area);
    let Some(pack) = app.library.packs.get(screen.list.selected) else {
        return;
    };
    let width = usize::from(inside.width.saturating_sub(1)).max(1);
    let manifest = &pack.manifest;
    let mut lines: Vec<Line<'_>> = Vec::new();
    let heading = app.theme.heading().add_modifier(Modifier::BOLD);
    for line in wrap_words(&sanitize_line(manifest.title.trim()), width) {
        lines.push(Line::styled(line, heading));
    }
    lines.push(Line::styled(
        format!(
            "{} {}",
            sanitize_line(&manifest.name),
            sanitize_line(&manifest.version)
        ),
        app.theme.muted(),
    ));
    if let Some(description) = &manifest.description {
        lines.push(Line::default());
        for line in wrap_words(&sanitize_line(description), width) {
            lines.push(Line::styled(line, app.theme.text()));
        }
    }
    lines.push(Line::default());
    let mut field = |label: &str, value: &str| {
        let text = format!("{label}: {}", sanitize_line(value));
        for (i, line) in wrap_words(&text, width).into_iter().enumerate() {
            let style = if i == 0 {
                app.theme.text()
            } else {
                app.theme.muted()
            };
            lines.push(Line::styled(line, style));
        }
    };
    field("Cards", &pack.card_count.to_string());
    if let Some(author) = &manifest.author {
        field("Author", author);
    }
    if let Some(license) = &manifest.license {
        field("Licence", license);
    }
    if let Some(lang) = &manifest.lang {
        field("Language", lang);
    }
    if let Some(homepage) = &manifest.homepage {
        field("Homepage", homepage);
    }
    match &pack.location {
        PackLocation::Bundled => field("Source", "bundled with skillbook"),
        PackLocation::Installed { .. } => match screen.records.get(&manifest.name) {
            Some(record) => {
                field(
                    "Source",
                    &format!("{} ({})", record.source, record.kind.label()),
                );
                field("Installed", &record.installed);
                if let Some(commit) = &record.commit {
                    field("Commit", commit);
                }
            }
            None => field("Source", "unknown (copied in by hand)"),
        },
    }
    let clashes = crate::pack::installed::clashes_of(&app.library, &manifest.name);
    if !clashes.is_empty() {
        let ids: Vec<String> = clashes.iter().map(|c| format!("{:?}", c.id)).collect();
        let text = format!(
            "! Card ids also used elsewhere: {} (name them as pack/id)",
            ids.join(", ")
        );
        lines.push(Line::default());
        for line in wrap_words(&sanitize_line(&text), width) {
            lines.push(Line::styled(line, app.theme.warning()));
        }
    }
    let text_area = Rect {
        x: inside.x + 1,
        width: inside.width.saturating_sub(1),
        ..inside
    };
    frame.render_widget(Paragraph::new(lines), text_area);
}

/// The bottom box: the path being typed, a question, or the latest progress and results.
fn render_status(app: &App, screen: &PackScreen, frame: &mut Frame<'_>, area: Rect) {
    let inside = inner(area);
    let width = usize::from(inside.width.saturating_sub(1)).max(1);
    match &screen.mode {
        PackMode::Path(input) => {
            frame.render_widget(pane_block("Install from", true, &app.theme), area);
            let field = Rect {
                x: inside.x + 1,
                width: inside.width.saturating_sub(1),
                height: 1.min(inside.height),
                ..inside
            };
            input.render(
                frame,
                field,
                Span::styled("> ", app.theme.accent()),
                app.theme.text(),
                true,
            );
            let hint = "A folder, .tar.gz/.tgz/.tar, .zip or git URL";
            let below = Rect {
                y: inside.y + 1,
                height: inside.height.saturating_sub(1),
                ..field
            };
            frame.render_widget(
                Line::styled(truncate(hint, width), app.theme.muted()),
                below,
            );
        }
        // Forking under a new id (#8): the id field, and why the last one was not taken.
        PackMode::ForkId { input, problem, .. } => {
            frame.render_widget(pane_block("Fork as", true, &app.theme), area);
            let field = Rect {
                x: inside.x + 1,
                width: inside.width.saturating_sub(1),
                height: 1.min(inside.height),
                ..inside
            };
            input.render(
                frame,
                field,
                Span::styled("> ", app.theme.accent()),
                app.theme.text(),
                true,
            );
            let below = Rect {
                y: inside.y + 1,
                height: inside.height.saturating_sub(1),
                ..field
            };
            let (text, style) = match problem {
                Some(problem) => (sanitize_line(problem).into_owned(), app.theme.warning()),
                None => (
                    "A new id: lowercase letters, digits and dashes.".to_string(),
                    app.theme.muted(),
                ),
            };
            let lines: Vec<Line<'_>> = wrap_words(&text, width)
                .into_iter()
                .map(|line| Line::styled(line, style))
                .collect();
            frame.render_widget(Paragraph::new(lines), below);
        }
        PackMode::Confirm { question, .. } => {
            frame.render_widget(
                pane_block("Confirm", true, &app.theme).border_style(app.theme.warning()),
                area,
            );
            let mut lines: Vec<Line<'_>> = wrap_words(&sanitize_line(question), width)
                .into_iter()
                .map(|line| Line::styled(line, app.theme.warning()))
                .collect();
            lines.push(Line::styled("y yes · n no", app.theme.text()));
            render_tail(frame, inside, lines);
        }
        PackMode::Browse => {
            frame.render_widget(pane_block("Log", false, &app.theme), area);
            let lines: Vec<Line<'_>> = if screen.log.is_empty() {
                // Named by the live keymap, so a rebound key shows as it is bound.
                let key = app
                    .keymap
                    .keys_in(Command::InstallPack, Context::PackList)
                    .first()
                    .map_or_else(|| "install_pack".to_string(), ToString::to_string);
                let text = format!("{key} installs a pack from a folder, an archive or a git URL.");
                wrap_words(&text, width)
                    .into_iter()
                    .map(|line| Line::styled(line, app.theme.muted()))
                    .collect()
            } else {
                let mut lines: Vec<Line<'_>> = screen
                    .log
                    .iter()
                    .flat_map(|line| wrap_words(&sanitize_line(line), width))
                    .map(|line| Line::styled(line, app.theme.text()))
                    .collect();
                // The running install's progress, rewritten in place as it goes (#8).
                if let Some(busy) = &screen.busy {
                    let full = format!(
                        "⟳ {}",
                        sanitize_line(&progress_line(&busy.step, busy.entries, busy.bytes))
                    );
                    // A narrow box shows the counts alone: the step is the log line above.
                    let text = if full.width() <= width {
                        full
                    } else if busy.entries == 0 {
                        "⟳ working…".to_string()
                    } else {
                        format!("⟳ {}", progress_counts(busy.entries, busy.bytes))
                    };
                    let style = app.theme.accent().add_modifier(Modifier::BOLD);
                    for line in wrap_words(&text, width) {
                        lines.push(Line::styled(line, style));
                    }
                }
                lines
            };
            render_tail(frame, inside, lines);
        }
    }
}

/// Draws the last lines that fit, so the newest is always in view.
fn render_tail(frame: &mut Frame<'_>, area: Rect, lines: Vec<Line<'_>>) {
    let skip = lines.len().saturating_sub(usize::from(area.height));
    let shown: Vec<Line<'_>> = lines.into_iter().skip(skip).collect();
    let text_area = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(1),
        ..area
    };
    frame.render_widget(Paragraph::new(shown), text_area);
}
