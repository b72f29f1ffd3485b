//! A page as one self-contained HTML file to open in a browser and print: the stylesheet is
//! inline (with print rules: A4 or Letter margins, a session per sheet, link targets written
//! out on paper), there are no scripts and nothing is fetched.
//!
//! Every piece of text from cards, packs and plans is HTML-escaped after its control characters
//! are made visible; only `http`, `https` and `mailto` targets become links, anything else is
//! shown as text. A Content-Security-Policy that allows no scripts, no fetches and no forms
//! backs this up, should anything ever slip through.

mod blocks;

use std::fmt::Write as _;

use self::blocks::render_blocks;
use super::page::{Page, Part, RowClass, Section, TimetableView};
use super::{Document, one_line, safe_link};
use crate::safe_text::sanitize;

/// The stylesheet, screen and print.
const STYLE: &str = include_str!("html.css");

/// No scripts, no fetches, no forms, no base URL: only the inline stylesheet is allowed.
const POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// Renders a page as a complete HTML document.
pub fn render(page: &Page) -> String {
    let class = match page.document {
        Document::VisitCard => "visit-card",
        Document::Handout => "handout",
        Document::RunSheet => "run-sheet",
    };
    let title = escape(&one_line(&page.title));
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"generator\" content=\"skillbook\">\n\
         <title>{kind}: {title}</title>\n<style>\n{STYLE}</style>\n</head>\n\
         <body class=\"{class}\">\n<main>\n<header>\n<p class=\"kind\">{kind}</p>\n\
         <h1>{title}</h1>\n",
        kind = page.kind,
    );
    for part in &page.parts {
        render_part(part, &mut out);
    }
    out.push_str("</header>\n");
    for section in &page.sections {
        render_section(section, 2, &mut out);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn render_section(section: &Section, level: usize, out: &mut String) {
    let level = level.min(6);
    let class = if section.new_sheet {
        " class=\"new-sheet\""
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "<section{class}>\n<h{level}>{}</h{level}>",
        escape(&one_line(&section.heading))
    );
    for part in &section.parts {
        render_part(part, out);
    }
    for child in &section.children {
        render_section(child, level + 1, out);
    }
    out.push_str("</section>\n");
}

fn render_part(part: &Part, out: &mut String) {
    match part {
        Part::Facts(facts) => {
            out.push_str("<dl class=\"facts\">\n");
            for fact in facts {
                let _ = writeln!(
                    out,
                    "<dt>{}</dt><dd>{}</dd>",
                    fact.label,
                    escape(&one_line(&fact.value))
                );
            }
            out.push_str("</dl>\n");
        }
        Part::Paragraph(text) => {
            let _ = writeln!(out, "<p>{}</p>", multi_line(text));
        }
        Part::Bullets(items) => {
            out.push_str("<ul>\n");
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", escape(&one_line(item)));
            }
            out.push_str("</ul>\n");
        }
        Part::Checklist(ticks) => {
            out.push_str("<ul class=\"checklist\">\n");
            for tick in ticks {
                let remark = tick.remark.as_deref().map_or(String::new(), |remark| {
                    format!(
                        " <span class=\"remark\">({})</span>",
                        escape(&one_line(remark))
                    )
                });
                let _ = writeln!(
                    out,
                    "<li><span class=\"box\" aria-hidden=\"true\">☐</span> {}{remark}</li>",
                    escape(&one_line(&tick.text))
                );
            }
            out.push_str("</ul>\n");
        }
        Part::Timetable(view) => timetable(view, out),
        Part::Note(text) => {
            let _ = writeln!(
                out,
                "<p class=\"note\"><strong>Note:</strong> {}</p>",
                multi_line(text)
            );
        }
        Part::Warning(text) => {
            let _ = writeln!(
                out,
                "<p class=\"warning\" role=\"note\"><strong>Warning:</strong> {}</p>",
                multi_line(text)
            );
        }
        Part::Blocks(blocks) => {
            out.push_str("<div class=\"card-text\">\n");
            out.push_str(&render_blocks(blocks));
            out.push_str("</div>\n");
        }
        Part::Links(links) => {
            out.push_str("<ul class=\"links\">\n");
            for link in links {
                let _ = writeln!(out, "<li>{}</li>", link_html(link, link));
            }
            out.push_str("</ul>\n");
        }
    }
}

fn timetable(view: &TimetableView, out: &mut String) {
    out.push_str(
        "<table class=\"timetable\">\n<thead><tr><th scope=\"col\">Time</th>\
         <th scope=\"col\" class=\"length\">Length</th><th scope=\"col\">What</th></tr></thead>\n<tbody>\n",
    );
    for row in &view.rows {
        let class = match row.kind {
            RowClass::Card => "card",
            RowClass::MissingCard => "missing",
            RowClass::Break => "break",
            RowClass::Free => "free",
            RowClass::Gap => "gap",
        };
        let _ = write!(
            out,
            "<tr class=\"{class}\"><td class=\"time\">{}</td><td class=\"length\">{}</td><td>{}",
            row.time,
            row.minutes,
            escape(&one_line(&row.what))
        );
        if !row.remarks.is_empty() {
            let _ = write!(
                out,
                " <span class=\"remark\">({})</span>",
                escape(&one_line(&row.remarks.join("; ")))
            );
        }
        if let Some(note) = &row.note {
            let _ = write!(
                out,
                "<div class=\"row-note\"><strong>Note:</strong> {}</div>",
                escape(&one_line(note))
            );
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    if let Some(total) = &view.total {
        let _ = writeln!(
            out,
            "<p class=\"total\"><strong>Total:</strong> {}</p>",
            escape(&one_line(total))
        );
    }
}

/// Plain text with its line breaks kept as `<br>`.
fn multi_line(text: &str) -> String {
    sanitize(text.trim())
        .lines()
        .map(|line| escape(line.trim()))
        .collect::<Vec<_>>()
        .join("<br>\n")
}

/// A link to `target` showing `text` (already plain), or the text and target as inert text.
pub(super) fn link_html(text: &str, target: &str) -> String {
    let shown = escape(&one_line(text));
    match safe_link(target) {
        Some(href) => format!(
            "<a href=\"{}\" rel=\"noopener noreferrer\">{shown}</a>",
            escape(&href)
        ),
        None => format!("<span class=\"inert-link\">{shown}</span>"),
    }
}

/// Escapes text for HTML element content and attribute values alike.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
