//! Drawing and writing: a card's Markdown laid out as terminal lines, a full 200x50 frame of
//! the library screen on a test backend, and a 10-card agenda exported to every format.
//!
//!     cargo bench --bench render

mod support;

use std::time::Duration;

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::backend::TestBackend;
use skillbook::export::{Document, ExportRequest, Format, export};
use skillbook::library::{self, Library};
use skillbook::plan::load_plan;
use skillbook::tui::runtime::Tui;
use skillbook::tui::theme::Theme;
use skillbook::tui::widgets::document::{card_blocks, render_lines};
use skillbook::tui::{TuiOptions, build_app};

fn markdown(c: &mut Criterion, library: &Library) {
    let theme = Theme::default();
    let card = &library.cards[0];
    c.bench_function("markdown/card_to_lines", |b| {
        b.iter(|| render_lines(&card_blocks(card, "own"), 100, &theme));
    });
}

fn frame(c: &mut Criterion, library: &Library) {
    let app = build_app(library.clone(), &TuiOptions::default(), None, true, 200, 50);
    let mut tui = Tui::new(TestBackend::new(200, 50), app).expect("test terminal");
    c.bench_function("frame/library_200x50", |b| {
        b.iter(|| {
            // A full redraw each time, as after a resize, not just the changed cells.
            tui.terminal.clear().expect("clear");
            tui.draw().expect("draw");
        });
    });
}

fn exports(c: &mut Criterion, library: &Library) {
    let items: String = library
        .cards
        .iter()
        .take(10)
        .map(|card| {
            format!(
                "[[items]]\ncard = \"{}\"\nminutes = 10\n\n",
                card.qualified_id()
            )
        })
        .collect();
    let text =
        format!("title = \"Benchmark visit\"\ndate = 2026-11-23\nstart = \"09:00\"\n\n{items}");
    let plan = load_plan(std::path::Path::new("bench.toml"), &text).expect("agenda parses");
    let stamp = Utc
        .with_ymd_and_hms(2026, 11, 23, 8, 0, 0)
        .single()
        .expect("date");
    let requests: Vec<ExportRequest> = [
        (Format::Markdown, Document::RunSheet),
        (Format::Markdown, Document::Handout),
        (Format::Markdown, Document::VisitCard),
        (Format::Html, Document::RunSheet),
        (Format::Html, Document::Handout),
        (Format::Html, Document::VisitCard),
        (Format::Text, Document::RunSheet),
        (Format::Text, Document::Handout),
        (Format::Text, Document::VisitCard),
        (Format::Ics, Document::RunSheet),
    ]
    .into_iter()
    .map(|(format, document)| ExportRequest {
        format,
        document,
        stamp,
    })
    .collect();
    c.bench_function("export/agenda_10_cards_all_formats", |b| {
        b.iter(|| {
            for request in &requests {
                export(&plan, library, None, request).expect("exports");
            }
        });
    });
}

fn render(c: &mut Criterion) {
    let library = library::load(&support::library(1_000));
    markdown(c, &library);
    frame(c, &library);
    exports(c, &library);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = render
}
criterion_main!(benches);
