//! Hostile card and plan text through every export. The HTML must stay inert: every tag and
//! attribute in it is one the renderer writes, every link goes to http, https or mailto, and
//! nothing is fetched. Markdown must not turn card text into HTML or script links, and no
//! format may carry a control character through.

use std::path::Path;

use chrono::Utc;
use skillbook::export::{Document, ExportRequest, Format, export};
use skillbook::library;
use skillbook::plan::load_plan;

const HOSTILE_CARD: &str = "+++
title = \"<script>alert('title')</script> \\\"quoted\\\" & 'single'\"
summary = \"Summary <img src=x onerror=alert(1)> and \\u001b[2J an escape\"
duration = 10
outcomes = [\"<b>bold</b> outcome\", \"javascript:alert(1)\"]
requires = [\"<iframe src=//evil.example>\"]
links = [\"javascript:alert('links')\", \"data:text/html,<script>alert(1)</script>\", \"https://example.org/ok?a=1&b=\\\"2\\\"\"]
+++

## Show it

1. Click [here](javascript:alert('show')) and [there](JaVaScRiPt:alert(2))
2. <script>alert('inline html')</script>

<div onclick=\"alert(1)\">raw html block</div>

### A heading <em>inside</em>

## Try it

![tracker](https://evil.example/pixel.png) and [mail](mailto:a@example.org) and [rel](../secret)
and [vb](vbscript:msgbox) and [file](file:///etc/passwd)

Control \u{1b}]52;c;ZXZpbA==\u{7} and bidi \u{202e}fdp.exe and C1 \u{9b}31m

| <b>head</b> | x |
|---|---|
| <script>cell</script> | [c](javascript:alert(3)) |

```html
<script>alert('code block')</script>
```

## Pitfalls

- `code <b>` and **bold \"quote\" 'single'**

## Leave behind

- [quote](https://example.org/a\"onmouseover=\"alert(1))
- <https://example.org/auto>
";

const HOSTILE_AGENDA: &str = "title = \"Visit </title><script>alert('agenda')</script>\"
date = 2026-12-03
start = \"09:00\"
slot = 30
place = \"\\\"><svg onload=alert(1)>\"
people = [\"<b>Jens</b>\"]
goals = [\"<marquee>goal</marquee>\"]
offer = [\"[link](javascript:alert(1))\"]
ask = [\"# not a heading\"]
about = \"Line one\\n<script>two</script>\\u001b[31m\"

[mentee]
name = \"<i>Mentee</i>\"
goals = [\"* not emphasis *\"]

[[items]]
card = \"hostile\"
note = \"<script>alert('note')</script>\"

[[items]]
title = \"<img src=x onerror=alert('free')>\"
minutes = 5
";

fn exports(format: Format) -> Vec<String> {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("cards")).unwrap();
    std::fs::write(home.path().join("cards/hostile.md"), HOSTILE_CARD).unwrap();
    let library = library::load(home.path());
    assert!(library.broken.is_empty(), "{:?}", library.broken);
    let plan = load_plan(Path::new("hostile.toml"), HOSTILE_AGENDA).unwrap();
    [Document::RunSheet, Document::Handout, Document::VisitCard]
        .into_iter()
        .map(|document| {
            let request = ExportRequest {
                format,
                document,
                stamp: Utc::now(),
            };
            export(&plan, &library, None, &request).unwrap().text
        })
        .collect()
}

const TAGS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "header",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dl",
    "dt",
    "dd",
    "section",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
    "div",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "hr",
    "a",
    "br",
];
const ATTRIBUTES: &[&str] = &[
    "lang",
    "charset",
    "http-equiv",
    "content",
    "name",
    "class",
    "href",
    "rel",
    "scope",
    "start",
    "aria-hidden",
    "role",
];

/// Every tag in `html` as (name, attributes). Text never holds a raw `<`, so each `<` starts a
/// tag the renderer wrote.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut found = Vec::new();
    for (start, _) in html.match_indices('<') {
        let rest = &html[start + 1..];
        let end = rest.find('>').expect("tag ends");
        let inner = &rest[..end];
        if inner.starts_with("!DOCTYPE") {
            continue;
        }
        let inner = inner.trim_start_matches('/');
        let (name, mut attrs) = inner.split_once(' ').unwrap_or((inner, ""));
        let mut attributes = Vec::new();
        while !attrs.trim().is_empty() {
            attrs = attrs.trim_start();
            let (key, after) = attrs.split_once("=\"").expect("attribute=\"value\"");
            let (value, after) = after.split_once('"').expect("closing quote");
            attributes.push((key.to_string(), value.to_string()));
            attrs = after;
        }
        found.push((name.to_string(), attributes));
    }
    found
}

#[test]
fn html_holds_only_the_renderers_tags_and_safe_links() {
    for html in exports(Format::Html) {
        for (name, attributes) in tags(&html) {
            assert!(TAGS.contains(&name.as_str()), "tag <{name}> in:\n{html}");
            for (key, value) in attributes {
                assert!(
                    ATTRIBUTES.contains(&key.as_str()),
                    "attribute {key}={value:?}"
                );
                if key == "href" {
                    assert!(
                        ["https://", "http://", "mailto:"]
                            .iter()
                            .any(|scheme| value.starts_with(scheme)),
                        "href {value:?}"
                    );
                }
            }
        }
        assert!(html.contains("default-src &#39;none&#39;") || html.contains("default-src 'none'"));
        let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
        assert!(!style.contains("alert"), "card text in the stylesheet");
        assert!(
            !html.chars().any(|c| c.is_control() && c != '\n'),
            "control character"
        );
    }
}

#[test]
fn html_shows_hostile_text_escaped() {
    let exports = exports(Format::Html);
    let [run_sheet, handout, card] = exports.as_slice() else {
        panic!("three documents");
    };
    assert!(run_sheet.contains("&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;"));
    assert!(run_sheet.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;"));
    assert!(
        run_sheet.contains("&lt;div onclick=&quot;alert(1)&quot;&gt;raw html block&lt;/div&gt;")
    );
    assert!(run_sheet.contains("&lt;iframe src=//evil.example&gt;"));
    assert!(
        handout.contains("␛]52;c;ZXZpbA==␇"),
        "controls made visible"
    );
    assert!(handout.contains("⟨U+202E⟩fdp.exe") && handout.contains("⟨U+009B⟩31m"));
    // An image is a link to it, never fetched.
    assert!(handout.contains(
        "<a href=\"https://evil.example/pixel.png\" rel=\"noopener noreferrer\">image: tracker</a>"
    ));
    assert!(
        handout.contains("<a href=\"mailto:a@example.org\" rel=\"noopener noreferrer\">mail</a>")
    );
    assert!(handout.contains("vb <span class=\"inert-link\">(vbscript:msgbox)</span>"));
    assert!(
        handout.contains("<span class=\"inert-link\">javascript:alert(&#39;links&#39;)</span>")
    );
    // The quote in the target cannot end the attribute.
    assert!(handout.contains("href=\"https://example.org/a%22onmouseover=%22alert%281%29\""));
    assert!(card.contains("<title>Visit card: Visit &lt;/title&gt;&lt;script&gt;"));
    assert!(card.contains("&quot;&gt;&lt;svg onload=alert(1)&gt;"));
}

#[test]
fn markdown_makes_no_html_and_no_script_links() {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    for markdown in exports(Format::Markdown) {
        // Read the export back as a Markdown reader would.
        for event in Parser::new_ext(&markdown, Options::all()) {
            match event {
                Event::Html(html) | Event::InlineHtml(html) => panic!("raw HTML {html:?}"),
                Event::Start(Tag::Image { dest_url, .. }) => panic!("an image {dest_url:?}"),
                Event::Start(Tag::Link { dest_url, .. }) => assert!(
                    ["https://", "http://", "mailto:"]
                        .iter()
                        .any(|scheme| dest_url.starts_with(scheme)),
                    "link to {dest_url:?}"
                ),
                _ => {}
            }
        }
        assert!(
            !markdown.chars().any(|c| c.is_control() && c != '\n'),
            "control character"
        );
    }
    let exports = exports(Format::Markdown);
    let run_sheet = &exports[0];
    assert!(run_sheet.contains("- \\# not a heading"), "{run_sheet}");
    assert!(
        run_sheet.contains("- \\[link\\](javascript:alert(1))"),
        "{run_sheet}"
    );
    assert!(
        run_sheet.contains("`code <b>`"),
        "code spans stay literal: {run_sheet}"
    );
}

#[test]
fn plain_text_and_calendar_carry_no_control_characters() {
    let texts = exports(Format::Text);
    for text in &texts {
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text}");
    }
    assert!(texts[1].contains("␛[2J"), "the escape is shown, not sent");
    for ics in exports(Format::Ics) {
        assert!(
            !ics.replace("\r\n", "").chars().any(char::is_control),
            "{ics}"
        );
    }
}
