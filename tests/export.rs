//! Every export of the fixture plans as an insta snapshot: a visit over two bundled Excel cards
//! and a two-session course over bundled Slack cards, in each format and for each reader. The
//! snapshots are the review copy of what a mentor prints or mails.

use std::path::Path;

use chrono::{TimeZone, Utc};
use skillbook::export::{Document, ExportRequest, Exported, Format, export};
use skillbook::library::{self, Library};
use skillbook::plan::{Plan, load_plan};

/// The plan in `tests/fixtures/export/<name>`, read with a relative path so messages and
/// snapshots do not depend on where the repository is.
fn fixture(name: &str) -> Plan {
    let path = Path::new("tests/fixtures/export").join(name);
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    load_plan(&path, &text).expect("fixture parses")
}

/// A library with nothing of its own: only the bundled packs.
fn bundled_only() -> Library {
    let home = tempfile::tempdir().expect("temp dir");
    library::load(home.path())
}

fn run(plan: &Plan, format: Format, document: Document) -> Exported {
    let request = ExportRequest {
        format,
        document,
        stamp: Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap(),
    };
    export(plan, &bundled_only(), None, &request).expect("exports")
}

fn text(name: &str, format: Format, document: Document) -> String {
    let exported = run(&fixture(name), format, document);
    assert!(
        exported.missing_cards.is_empty(),
        "{:?}",
        exported.missing_cards
    );
    exported.text
}

#[test]
fn visit_run_sheet() {
    insta::assert_snapshot!(
        "visit_run_sheet_md",
        text("visit.toml", Format::Markdown, Document::RunSheet)
    );
    insta::assert_snapshot!(
        "visit_run_sheet_txt",
        text("visit.toml", Format::Text, Document::RunSheet)
    );
    insta::assert_snapshot!(
        "visit_run_sheet_html",
        text("visit.toml", Format::Html, Document::RunSheet)
    );
}

#[test]
fn visit_handout() {
    insta::assert_snapshot!(
        "visit_handout_md",
        text("visit.toml", Format::Markdown, Document::Handout)
    );
    insta::assert_snapshot!(
        "visit_handout_txt",
        text("visit.toml", Format::Text, Document::Handout)
    );
    insta::assert_snapshot!(
        "visit_handout_html",
        text("visit.toml", Format::Html, Document::Handout)
    );
}

#[test]
fn visit_card() {
    insta::assert_snapshot!(
        "visit_card_md",
        text("visit.toml", Format::Markdown, Document::VisitCard)
    );
    insta::assert_snapshot!(
        "visit_card_txt",
        text("visit.toml", Format::Text, Document::VisitCard)
    );
    insta::assert_snapshot!(
        "visit_card_html",
        text("visit.toml", Format::Html, Document::VisitCard)
    );
}

#[test]
fn visit_calendar() {
    // Line ends are CRLF in the file; the snapshot shows them as plain lines.
    let ics = text("visit.toml", Format::Ics, Document::RunSheet);
    insta::assert_snapshot!("visit_ics", ics.replace("\r\n", "\n"));
}

#[test]
fn course_exports() {
    insta::assert_snapshot!(
        "course_run_sheet_md",
        text("course.toml", Format::Markdown, Document::RunSheet)
    );
    insta::assert_snapshot!(
        "course_handout_txt",
        text("course.toml", Format::Text, Document::Handout)
    );
    insta::assert_snapshot!(
        "course_card_html",
        text("course.toml", Format::Html, Document::VisitCard)
    );
    let ics = text("course.toml", Format::Ics, Document::RunSheet);
    insta::assert_snapshot!("course_ics", ics.replace("\r\n", "\n"));
}

#[test]
fn a_missing_card_is_exported_as_missing_and_reported() {
    let plan = fixture("missing-card.toml");
    for (format, document) in [
        (Format::Markdown, Document::RunSheet),
        (Format::Text, Document::Handout),
        (Format::Html, Document::VisitCard),
        (Format::Ics, Document::RunSheet),
    ] {
        let exported = run(&plan, format, document);
        assert_eq!(exported.missing_cards.len(), 1, "{format:?}");
        let problem = exported.missing_cards[0].to_string();
        assert!(
            problem.starts_with("tests/fixtures/export/missing-card.toml:11:8: "),
            "{problem}"
        );
        assert!(problem.contains("no-such-card"), "{problem}");
        assert!(
            exported.text.contains("no-such-card (missing card)")
                || exported.text.contains("\"no-such-card\""),
            "{format:?}: {}",
            exported.text
        );
    }
    insta::assert_snapshot!(
        "missing_card_run_sheet_txt",
        run(&plan, Format::Text, Document::RunSheet).text
    );
}

#[test]
fn an_agenda_without_a_date_is_no_calendar_event() {
    let plan = fixture("undated.toml");
    let request = ExportRequest {
        format: Format::Ics,
        document: Document::RunSheet,
        stamp: Utc::now(),
    };
    let problems = export(&plan, &bundled_only(), None, &request).unwrap_err();
    assert_eq!(
        problems.to_string(),
        "tests/fixtures/export/undated.toml:1:1: the agenda has no date, so it cannot go in a \
         calendar: add one (date = 2026-12-03)"
    );
    // Every other format still works: a plan is worth printing before it is booked.
    let exported = run(&plan, Format::Text, Document::VisitCard);
    assert!(
        exported.text.contains("Date not set, 10:00–10:45"),
        "{}",
        exported.text
    );
}

#[test]
fn a_course_session_the_rhythm_cannot_place_is_named() {
    let text = "title = \"Course\"\nrhythm = { weekday = \"tuesday\", start = \"16:00\", minutes = 60 }\n\n\
                [[sessions]]\ntitle = \"First\"\n\n[[sessions]]\ntitle = \"Second\"\n";
    let plan = load_plan(Path::new("course.toml"), text).unwrap();
    let request = ExportRequest {
        format: Format::Ics,
        document: Document::RunSheet,
        stamp: Utc::now(),
    };
    let problems = export(&plan, &bundled_only(), None, &request).unwrap_err();
    let lines: Vec<String> = problems.0.iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].starts_with("course.toml:4:1: session 1 (\"First\") has no date"),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with("course.toml:7:1: session 2 (\"Second\") has no date"),
        "{lines:?}"
    );
}

#[test]
fn plain_text_fits_a_mail() {
    for name in ["visit.toml", "course.toml"] {
        for document in [Document::RunSheet, Document::Handout, Document::VisitCard] {
            let text = text(name, Format::Text, document);
            for line in text.lines() {
                let width = unicode_width::UnicodeWidthStr::width(line);
                assert!(width <= 72, "{name} {document:?}: {width} columns: {line}");
                assert_eq!(line, line.trim_end(), "trailing space: {line:?}");
            }
        }
    }
}
