//! Element by element: what the model holds and what the layout draws, at widths from 1 to 80;
//! then a property test that no input at any width draws a line too wide or a control character.

use proptest::prelude::*;
use rstest::rstest;

use super::*;

fn render(markdown: &str, width: u16) -> Vec<String> {
    let lines = layout(&MarkdownDoc::parse(markdown), width);
    assert_fits(&lines, width);
    lines.iter().map(StyledLine::plain).collect()
}

fn assert_fits(lines: &[StyledLine], width: u16) {
    for line in lines {
        assert!(
            line.width() <= usize::from(width.max(1)),
            "{:?} is wider than {width}",
            line.plain()
        );
        let text = line.plain();
        assert!(!text.chars().any(char::is_control), "control in {text:?}");
    }
}

/// The style of the first run holding `needle`.
fn style_of(markdown: &str, needle: &str) -> TextStyle {
    layout(&MarkdownDoc::parse(markdown), 80)
        .iter()
        .flat_map(|line| &line.spans)
        .find(|span| span.text.contains(needle))
        .map(|span| span.style)
        .unwrap_or_else(|| panic!("{needle:?} not drawn"))
}

const SAMPLE: &str = "# Pivot tables in Excel\n\nSummarise *thousands* of rows in **two** \
    minutes. See [the guide](https://support.example.com/pivot) or <https://example.com>.\n\n\
    ## Show it\n\n1. Select the data\n2. Insert › PivotTable\n   - drag *Region* to rows\n\n\
    - [x] sample file\n- [ ] projector adapter\n\n```excel\n=SUM(Sales[Amount])\t# total\n```\n\n\
    > Tip: keep the raw data on its own sheet.\n\n| Region | Sales | Share |\n|:--|--:|:-:|\n\
    | North | 1 200 | 40 % |\n| Syd (表計算) | 1 800 | 60 % |\n\n---\n\n<div>raw html</div>\n\n\
    Kløft, æble, å — 表計算ソフト 📊 e\u{301}\u{1b}[2J\u{202e}txt.exe\n";

#[test]
fn headings_show_their_level() {
    let doc = MarkdownDoc::parse("# One\n\n## Two\n\n### Three\n\n###### Six");
    let levels: Vec<u8> = doc
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .collect();
    assert_eq!(levels, [1, 2, 3, 6]);
    assert_eq!(
        render("# One\n\n## Two\n\n### Three\n\n###### Six", 40),
        [
            "One",
            "═══",
            "",
            "Two",
            "───",
            "",
            "### Three",
            "",
            "###### Six"
        ]
    );
    assert_eq!(style_of("## Two", "Two").role, Role::Heading(2));
}

#[test]
fn paragraphs_wrap_at_words() {
    assert_eq!(
        render("Summarise thousands of rows\nin two minutes.", 20),
        ["Summarise thousands", "of rows in two", "minutes."]
    );
}

#[test]
fn inline_styles_reach_the_model_and_the_layout() {
    let doc = MarkdownDoc::parse("*em* **strong** ~~gone~~ `code` ***both***");
    let Block::Paragraph(inlines) = &doc.blocks[0] else {
        panic!("not a paragraph: {doc:?}");
    };
    let styles: Vec<SpanStyle> = inlines
        .iter()
        .filter_map(|inline| match inline {
            Inline::Text(span) if !span.text.trim().is_empty() => Some(span.style),
            _ => None,
        })
        .collect();
    let em = SpanStyle {
        emphasis: true,
        ..SpanStyle::default()
    };
    let strong = SpanStyle {
        strong: true,
        ..SpanStyle::default()
    };
    let strike = SpanStyle {
        strikethrough: true,
        ..SpanStyle::default()
    };
    let code = SpanStyle {
        code: true,
        ..SpanStyle::default()
    };
    let both = SpanStyle {
        emphasis: true,
        strong: true,
        ..SpanStyle::default()
    };
    assert_eq!(styles, [em, strong, strike, code, both]);
    let sample = "*em* **strong** ~~gone~~ `code`";
    assert!(style_of(sample, "em").emphasis);
    assert!(style_of(sample, "strong").strong);
    assert!(style_of(sample, "gone").strikethrough);
    assert!(style_of(sample, "code").code);
}

#[test]
fn ordered_lists_count_from_their_start() {
    let doc = MarkdownDoc::parse("7. seven\n1. eight\n1. nine\n1. ten");
    assert!(matches!(
        &doc.blocks[0],
        Block::List(List { start: Some(7), .. })
    ));
    assert_eq!(
        render("7. seven\n1. eight\n1. nine\n1. ten", 20),
        [" 7. seven", " 8. eight", " 9. nine", "10. ten"]
    );
    assert_eq!(style_of("3. x", "3.").role, Role::ListMarker);
}

#[test]
fn nested_lists_indent() {
    assert_eq!(
        render("- a\n  - b\n    - c long enough to wrap\n- d", 20),
        [
            "• a",
            "  ◦ b",
            "    ▪ c long enough",
            "      to wrap",
            "• d"
        ]
    );
}

#[test]
fn task_lists_show_their_boxes() {
    let doc = MarkdownDoc::parse("- [x] done\n- [ ] open\n- plain");
    let Block::List(list) = &doc.blocks[0] else {
        panic!("not a list: {doc:?}");
    };
    let tasks: Vec<Option<TaskState>> = list.items.iter().map(|item| item.task).collect();
    assert_eq!(tasks, [Some(TaskState::Done), Some(TaskState::Open), None]);
    assert_eq!(
        render("- [x] done\n- [ ] open\n- plain", 20),
        ["[x] done", "[ ] open", "• plain"]
    );
    assert_eq!(style_of("- [x] done", "[x]").role, Role::TaskDone);
    assert_eq!(style_of("- [ ] open", "[ ]").role, Role::TaskOpen);
    // Loose items put the marker inside a paragraph; it still belongs to the item.
    assert_eq!(render("1. [x] a\n\n2. [ ] b", 20), ["1. [x] a", "2. [ ] b"]);
}

#[test]
fn code_blocks_are_set_apart_verbatim_and_hard_wrapped() {
    let markdown = "```excel\n=SUM(A1:A30)  + B1\n\tx\n```";
    let doc = MarkdownDoc::parse(markdown);
    assert!(matches!(
        &doc.blocks[0],
        Block::CodeBlock { language: Some(lang), .. } if lang == "excel"
    ));
    assert_eq!(render(markdown, 80), ["  =SUM(A1:A30)  + B1", "      x"]);
    assert_eq!(
        render(markdown, 12),
        ["  =SUM(A1:A3", "  0)  + B1", "      x"]
    );
    assert_eq!(style_of(markdown, "SUM").role, Role::CodeBlock);
}

#[test]
fn block_quotes_get_a_bar() {
    assert_eq!(
        render("> Keep the raw data\n> on its own sheet.\n>\n> Always.", 20),
        [
            "│ Keep the raw data",
            "│ on its own sheet.",
            "│",
            "│ Always."
        ]
    );
    let style = style_of("> quoted", "quoted");
    assert!(style.quote);
    assert_eq!(style_of("> quoted", "│").role, Role::QuoteBar);
}

#[test]
fn tables_fit_the_width() {
    let markdown =
        "| Region | Sales |\n|:--|--:|\n| North | 1200 |\n| South and the islands | 800 |";
    let doc = MarkdownDoc::parse(markdown);
    let Block::Table(table) = &doc.blocks[0] else {
        panic!("not a table: {doc:?}");
    };
    assert_eq!(table.alignments, [Alignment::Left, Alignment::Right]);
    assert_eq!(table.header.len(), 2);
    assert_eq!(table.rows.len(), 2);
    assert_eq!(
        render(markdown, 80),
        [
            "┌───────────────────────┬───────┐",
            "│ Region                │ Sales │",
            "├───────────────────────┼───────┤",
            "│ North                 │  1200 │",
            "│ South and the islands │   800 │",
            "└───────────────────────┴───────┘",
        ]
    );
    assert_eq!(
        render(markdown, 20),
        [
            "┌──────────┬───────┐",
            "│ Region   │ Sales │",
            "├──────────┼───────┤",
            "│ North    │  1200 │",
            "├──────────┼───────┤",
            "│ South    │   800 │",
            "│ and the  │       │",
            "│ islands  │       │",
            "└──────────┴───────┘",
        ]
    );
    assert_eq!(style_of(markdown, "Region").role, Role::TableHeader);
    assert_eq!(style_of(markdown, "┌").role, Role::TableBorder);
}

#[test]
fn narrow_tables_stack_their_rows() {
    let markdown = "| Region | Sales |\n|--|--|\n| North | 1200 |\n| South | 800 |";
    assert_eq!(
        render(markdown, 12),
        [
            "Region:",
            "North",
            "Sales: 1200",
            "────────────",
            "Region:",
            "South",
            "Sales: 800"
        ]
    );
}

#[rstest]
#[case::with_target(
    "[the guide](https://example.com/pivot)",
    "the guide (https://example.com/pivot)"
)]
#[case::autolink("<https://example.com>", "https://example.com")]
#[case::mail("<ana@example.com>", "ana@example.com")]
#[case::empty_text("[](https://example.com)", "https://example.com")]
#[case::image("![chart](chart.png)", "[chart] (chart.png)")]
fn links_show_their_target_after_the_text(#[case] markdown: &str, #[case] expected: &str) {
    assert_eq!(render(markdown, 80), [expected]);
}

#[test]
fn link_styles() {
    let markdown = "[the guide](https://example.com)";
    assert!(style_of(markdown, "guide").link);
    assert_eq!(style_of(markdown, "(https").role, Role::LinkTarget);
}

#[rstest]
#[case(1)]
#[case(2)]
#[case(20)]
#[case(80)]
fn rules_span_the_width(#[case] width: u16) {
    assert_eq!(render("---", width), ["─".repeat(usize::from(width))]);
}

#[test]
fn raw_html_is_shown_as_text() {
    assert_eq!(
        render("<div onclick=\"x\">\nhi\n</div>", 80),
        ["<div onclick=\"x\">", "hi", "</div>"]
    );
    assert_eq!(style_of("<div>\nhi\n</div>", "div").role, Role::Html);
    assert_eq!(render("a <b>bold</b> c", 80), ["a <b>bold</b> c"]);
}

#[test]
fn wide_characters_and_long_words() {
    assert_eq!(render("表計算ソフト", 6), ["表計算", "ソフト"]);
    assert_eq!(render("表計算", 1), ["…", "…", "…"]);
    assert_eq!(render("Donaudampfschiff", 6), ["Donaud", "ampfsc", "hiff"]);
}

#[test]
fn control_characters_are_made_visible_everywhere() {
    let markdown = "# \u{1b}[2Jtitle\n\n[x\u{9b}](http://a\u{7}b)\n\n```\n\u{1b}]52;c;x\u{7}\n```\n\n\
        | a\u{202e} |\n|--|\n| \u{0} |";
    let text = render(markdown, 80).join("\n");
    for visible in ["␛[2Jtitle", "⟨U+009B⟩", "a␇b", "␛]52;c;x␇", "⟨U+202E⟩", "␀"]
    {
        assert!(text.contains(visible), "{visible:?} missing in {text}");
    }
}

#[rstest]
#[case(1)]
#[case(2)]
#[case(3)]
#[case(9)]
#[case(20)]
#[case(80)]
fn the_sample_fits_every_width(#[case] width: u16) {
    let lines = render(SAMPLE, width);
    assert!(!lines.is_empty());
}

#[test]
fn the_sample_at_80_columns() {
    insta::assert_snapshot!(render(SAMPLE, 80).join("\n"));
}

#[test]
fn deep_nesting_is_flattened_not_overflowed() {
    let quotes = format!("{} deep", ">".repeat(20_000));
    let lines = render(&quotes, 40);
    assert!(lines.iter().any(|line| line.contains("deep")));
    let lists: String = (0..2_000)
        .map(|depth| format!("{}- level {depth}\n", "  ".repeat(depth)))
        .collect();
    let lines = render(&lists, 40);
    assert!(lines.iter().any(|line| line.contains("1999")));
}

#[rstest]
#[case::show_it("Show it", Some("1. Open the file\n2. Insert a chart"))]
#[case::case_and_colon(
    "try IT:",
    Some("Do it yourself.\n\n> ## Leave behind\n> quoted, not a section")
)]
#[case::empty("Pitfalls", Some(""))]
#[case::missing("Leave behind", None)]
#[case::nested_ends_at_same_level("Why it matters", Some("Because.\n\n### Detail\n\nMore."))]
fn sections_are_found_in_text(#[case] heading: &str, #[case] expected: Option<&str>) {
    let text = "# Card\n\n## Why it matters\n\nBecause.\n\n### Detail\n\nMore.\n\n## Show it\n\n\
        1. Open the file\n2. Insert a chart\n\n## Try it:\nDo it yourself.\n\n\
        > ## Leave behind\n> quoted, not a section\n\n## Pitfalls\n\n";
    assert_eq!(section(text, heading), expected);
}

#[test]
fn sections_under_underlined_headings() {
    let text = "Show it\n-------\n\n    indented code\n\nTry it\n------\nGo.\n";
    assert_eq!(section(text, "Show it"), Some("    indented code"));
    assert_eq!(section(text, "Try it"), Some("Go."));
}

#[test]
fn sections_are_found_in_the_model() {
    let doc = MarkdownDoc::parse("## Show it\n\nDemo.\n\n- step\n\n## Try it\n\nGo.");
    let blocks = doc.section("show it").map(<[Block]>::len);
    assert_eq!(blocks, Some(2));
    assert_eq!(doc.section("Try it").map(<[Block]>::len), Some(1));
    assert_eq!(doc.section("Pitfalls"), None);
}

#[test]
fn plain_text_drops_styles_and_trailing_spaces() {
    let doc = MarkdownDoc::parse("# Title\n\n> quoted\n>\n> more\n\n- [x] done");
    assert_eq!(
        plain_text(&doc, 40),
        "Title\n═════\n\n│ quoted\n│\n│ more\n\n[x] done"
    );
}

/// Markdown made of the constructs above and hostile text, in any order.
fn markdown_strategy() -> impl Strategy<Value = String> {
    let fragment = prop_oneof![
        Just("# ".to_string()),
        Just("### ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("> ".to_string()),
        Just("- ".to_string()),
        Just("  - [x] ".to_string()),
        Just("12. ".to_string()),
        Just("```rust\n".to_string()),
        Just("```\n".to_string()),
        Just("    ".to_string()),
        Just("\t".to_string()),
        Just("| a | b |\n|:-|-:|\n| 1 | 2 |\n".to_string()),
        Just("---\n".to_string()),
        Just("*".to_string()),
        Just("**".to_string()),
        Just("~~".to_string()),
        Just("`".to_string()),
        Just("[link](https://example.com/a/very/long/path)".to_string()),
        Just("<https://example.com>".to_string()),
        Just("<div>".to_string()),
        Just("  \n".to_string()),
        Just("表計算ソフト".to_string()),
        Just("👩‍💻📊❤\u{fe0f}".to_string()),
        Just("e\u{301}\u{200d}".to_string()),
        Just("Kløft æble å".to_string()),
        Just("\u{1b}[2J\u{9b}\u{202e}\u{0}\u{7f}\r".to_string()),
        "[a-zA-Z ]{1,30}",
        any::<String>(),
    ];
    prop::collection::vec(fragment, 0..24).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_line_is_too_wide_or_holds_a_control(markdown in markdown_strategy(), width in 1u16..100) {
        let lines = layout(&MarkdownDoc::parse(&markdown), width);
        for line in &lines {
            prop_assert!(line.width() <= usize::from(width), "{:?} wider than {}", line.plain(), width);
            for span in &line.spans {
                prop_assert!(
                    !span.text.chars().any(|c| c.is_control()
                        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
                    "control in {:?}", span.text
                );
            }
        }
    }
}

#[test]
fn windows_line_endings_are_line_endings() {
    assert_eq!(
        render(
            "# T\r\n\r\na\r\nb\r\n\r\n```\r\ncode\r\n```\r\n\r\n<p>\r\nx\r\n</p>\r\n",
            40
        ),
        ["T", "═", "", "a b", "", "  code", "", "<p>", "x", "</p>"]
    );
}
