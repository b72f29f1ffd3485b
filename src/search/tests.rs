//! Search as case tables over a small library of cards.

use rstest::rstest;

use super::*;

/// A card as far as search cares.
#[derive(Debug, Clone, Default)]
struct Card {
    title: String,
    tool: String,
    tags: Vec<String>,
    summary: String,
    level: Option<String>,
    duration: Option<Minutes>,
    body: String,
}

impl Searchable for Card {
    fn title(&self) -> &str {
        &self.title
    }
    fn tool(&self) -> &str {
        &self.tool
    }
    fn tags(&self) -> &[String] {
        &self.tags
    }
    fn summary(&self) -> &str {
        &self.summary
    }
    fn level(&self) -> Option<&str> {
        self.level.as_deref()
    }
    fn duration(&self) -> Option<Minutes> {
        self.duration
    }
    fn body(&self) -> &str {
        &self.body
    }
}

fn card(title: &str, tool: &str, tags: &[&str], level: &str, minutes: u32) -> Card {
    Card {
        title: title.to_string(),
        tool: tool.to_string(),
        tags: tags.iter().map(|tag| tag.to_string()).collect(),
        level: (!level.is_empty()).then(|| level.to_string()),
        duration: (minutes > 0).then_some(Minutes(minutes)),
        ..Card::default()
    }
}

/// Titles are unique words so results read as titles in the tables below.
fn library() -> Vec<Card> {
    vec![
        Card {
            summary: "Summarise rows by region".to_string(),
            body: "## Show it\n\nDrag Region to rows, Sales to values.".to_string(),
            ..card(
                "Pivot tables",
                "Excel",
                &["data", "excel-basics"],
                "beginner",
                20,
            )
        },
        Card {
            summary: "Turn a pivot into a picture".to_string(),
            body: "Pick the chart type that fits the question.".to_string(),
            ..card(
                "Charts that explain",
                "Excel",
                &["charts"],
                "intermediate",
                30,
            )
        },
        Card {
            summary: "Reach buyers in B2B".to_string(),
            body: "Start with the pivot customers: the three biggest.".to_string(),
            ..card(
                "LinkedIn selling",
                "LinkedIn",
                &["sales", "social"],
                "advanced",
                45,
            )
        },
        Card {
            summary: "Animations that help, not distract".to_string(),
            body: "Use a pivotal moment. Keep the deck short.".to_string(),
            ..card("Kløft i æblet", "PowerPoint", &["slides"], "beginner", 10)
        },
        Card {
            body: "No duration, no level.".to_string(),
            ..card("Power BI first steps", "Power BI", &["data"], "", 0)
        },
    ]
}

fn titles(query: &str) -> Vec<(String, Tier)> {
    let cards = library();
    let index = SearchIndex::new(&cards);
    index
        .search(&Query::parse(query), usize::MAX)
        .into_iter()
        .map(|hit| (cards[hit.index].title.clone(), hit.tier))
        .collect()
}

fn titles_only(query: &str) -> Vec<String> {
    titles(query).into_iter().map(|(title, _)| title).collect()
}

#[test]
fn title_hits_come_before_field_hits_and_body_hits_last() {
    assert_eq!(
        titles("pivot"),
        [
            ("Pivot tables".to_string(), Tier::Title),
            ("Charts that explain".to_string(), Tier::Fields),
            ("LinkedIn selling".to_string(), Tier::Body),
        ]
    );
}

#[rstest]
#[case::whole_word_only("pivot", &["Pivot tables", "Charts that explain", "LinkedIn selling"])]
#[case::prefix_is_not_a_body_word("pivo", &["Pivot tables", "Charts that explain"])]
#[case::every_word("pivot customers", &["LinkedIn selling"])]
#[case::folded_body("QUESTION", &["Charts that explain"])]
#[case::no_match("zebra", &[])]
#[case::no_letters("+", &[])]
fn body_words_match_whole_words(#[case] query: &str, #[case] expected: &[&str]) {
    assert_eq!(titles_only(query), expected);
}

#[rstest]
#[case::no_diacritics("kloft", &["Kløft i æblet"])]
#[case::with_diacritics("kløft", &["Kløft i æblet"])]
#[case::ae("aeblet", &["Kløft i æblet"])]
#[case::upper("KLOFT", &["Kløft i æblet"])]
fn folding_finds_letters_typed_without_their_accents(
    #[case] query: &str,
    #[case] expected: &[&str],
) {
    assert_eq!(titles_only(query), expected);
}

#[rstest]
#[case::tag("#charts", &["Charts that explain"])]
#[case::tag_prefix("#excel", &["Pivot tables"])]
#[case::tag_key("tag:data", &["Pivot tables", "Power BI first steps"])]
#[case::two_tags("#data #excel", &["Pivot tables"])]
#[case::tool("tool:excel", &["Pivot tables", "Charts that explain"])]
#[case::tool_with_space("tool:powerbi", &["Power BI first steps"])]
#[case::tool_prefix("Tool:Power", &["Kløft i æblet", "Power BI first steps"])]
#[case::level("level:beginner", &["Pivot tables", "Kløft i æblet"])]
#[case::level_prefix("level:adv", &["LinkedIn selling"])]
#[case::less("<20m", &["Kløft i æblet"])]
#[case::at_most("<=20", &["Pivot tables", "Kløft i æblet"])]
#[case::more(">30", &["LinkedIn selling"])]
#[case::at_least(">=30m", &["Charts that explain", "LinkedIn selling"])]
#[case::equal("=45", &["LinkedIn selling"])]
#[case::spaced("< 15", &["Kløft i æblet"])]
#[case::hours("<1h >15", &["Pivot tables", "Charts that explain", "LinkedIn selling"])]
#[case::filter_and_words("tool:excel chart", &["Charts that explain"])]
#[case::still_typing("tool: #", &["Pivot tables", "Charts that explain", "LinkedIn selling", "Kløft i æblet", "Power BI first steps"])]
fn filters(#[case] query: &str, #[case] expected: &[&str]) {
    assert_eq!(titles_only(query), expected);
}

#[test]
fn an_empty_query_lists_every_card_in_input_order() {
    let found = titles("");
    assert_eq!(found.len(), library().len());
    assert!(found.iter().all(|(_, tier)| *tier == Tier::Filtered));
    assert_eq!(found[0].0, "Pivot tables");
    assert_eq!(found[4].0, "Power BI first steps");
}

#[test]
fn limit_keeps_the_best() {
    let cards = library();
    let index = SearchIndex::new(&cards);
    let hits = index.search(&Query::parse("pivot"), 1);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].index, 0);
}

#[rstest]
#[case::exact("kløft", &[0, 1, 2, 3, 4])]
#[case::folded("kloft", &[0, 1, 2, 3, 4])]
#[case::ae_points_at_one_letter("aeb", &[8, 9])]
#[case::two_words("kl ble", &[0, 1, 9, 10, 11])]
fn highlights_point_into_the_original_title(#[case] query: &str, #[case] expected: &[usize]) {
    let cards = vec![card("Kløft i æblet", "", &[], "", 0)];
    let index = SearchIndex::new(&cards);
    let hits = index.search(&Query::parse(query), 10);
    assert_eq!(hits.len(), 1, "{query:?} found nothing");
    assert_eq!(hits[0].highlights, expected);
    let marked: String = cards[0]
        .title
        .chars()
        .enumerate()
        .filter(|(i, _)| expected.contains(i))
        .map(|(_, c)| c)
        .collect();
    assert!(!marked.is_empty());
}

#[test]
fn highlight_runs_are_safe_and_split_at_highlights() {
    assert_eq!(
        highlight_runs("Kløft\u{1b}x", &[1, 2, 5]),
        [
            ("K".to_string(), false),
            ("lø".to_string(), true),
            ("ft".to_string(), false),
            ("␛".to_string(), true),
            ("x".to_string(), false),
        ]
    );
}

fn parsed(words: &[&str], tags: &[&str], tools: &[&str], levels: &[&str]) -> Query {
    let owned = |items: &[&str]| items.iter().map(|item| item.to_string()).collect();
    Query {
        words: owned(words),
        tags: owned(tags),
        tools: owned(tools),
        levels: owned(levels),
        ..Query::default()
    }
}

#[rstest]
#[case::words("Pivot  Tabel", parsed(&["pivot", "tabel"], &[], &[], &[]))]
#[case::folded_words("Kløft", parsed(&["kloft"], &[], &[], &[]))]
#[case::filters(
    "#Data tool:\"Power tag:æble LEVEL:Beg x",
    parsed(&["x"], &["data", "aeble"], &["\"power"], &["beg"])
)]
#[case::unknown_key_is_a_word("http://x", parsed(&["http://x"], &[], &[], &[]))]
#[case::empty_values("# tool: level:", parsed(&[], &[], &[], &[]))]
fn queries_are_parsed(#[case] input: &str, #[case] expected: Query) {
    assert_eq!(Query::parse(input), expected);
}

#[rstest]
#[case::less("<20", Comparison::Less, 20)]
#[case::at_most("<=1:30", Comparison::AtMost, 90)]
#[case::more(">10m", Comparison::More, 10)]
#[case::at_least(">=1h", Comparison::AtLeast, 60)]
#[case::equal("=45", Comparison::Equal, 45)]
#[case::spaced("<= 30", Comparison::AtMost, 30)]
fn durations_are_parsed(#[case] input: &str, #[case] comparison: Comparison, #[case] minutes: u32) {
    let filter = DurationFilter {
        comparison,
        minutes: Minutes(minutes),
    };
    assert_eq!(Query::parse(input).durations, [filter]);
}

#[rstest]
#[case::bad_unit("<20x", &["<20x"])]
#[case::too_long(">99999h", &[">99999h"])]
#[case::still_typing("<", &[])]
fn unreadable_durations_are_reported(#[case] input: &str, #[case] problems: &[&str]) {
    let query = Query::parse(input);
    assert_eq!(query.problems, problems);
    assert!(query.durations.is_empty() && query.words.is_empty());
}

#[test]
fn a_weak_title_hit_still_beats_a_strong_field_hit() {
    let cards = vec![
        card("Spreadsheets", "Excel", &["excel"], "", 0),
        card("Expert cell layout", "Word", &[], "", 0),
    ];
    let index = SearchIndex::new(&cards);
    let hits = index.search(&Query::parse("excel"), 10);
    let order: Vec<(usize, Tier)> = hits.iter().map(|hit| (hit.index, hit.tier)).collect();
    assert_eq!(order, [(1, Tier::Title), (0, Tier::Fields)]);
    assert!(
        hits[1].score > hits[0].score,
        "the field hit scores higher: {hits:?}"
    );
}

#[test]
fn formulas_are_words_not_durations() {
    let query = Query::parse("=SUM <div");
    assert_eq!(query.words, ["=sum", "<div"]);
    assert!(query.durations.is_empty() && query.problems.is_empty());
}

#[rstest]
#[case::longer_word("piv", "pivo", true)]
#[case::new_word("piv", "piv tab", true)]
#[case::shorter_word("pivo", "piv", false)]
#[case::other_word("piv", "tab", false)]
#[case::narrower_tag("#da", "#data", true)]
#[case::tighter_bound("<30", "<20", true)]
#[case::looser_bound("<2", "<20", false)]
#[case::range_in_range(">10", ">=20 <=30", true)]
#[case::dropped_filter("tool:ex pivot", "pivot", false)]
fn narrowing(#[case] previous: &str, #[case] next: &str, #[case] narrows: bool) {
    assert_eq!(Query::parse(next).narrows(&Query::parse(previous)), narrows);
}

#[test]
fn live_search_finds_what_a_fresh_search_finds_at_every_keystroke() {
    let cards = library();
    let index = SearchIndex::new(&cards);
    let mut live = LiveSearch::new();
    let typed = "tool:ex pivot<30 c";
    let mut inputs: Vec<&str> = (0..=typed.len()).map(|end| &typed[..end]).collect();
    // Then delete back to nothing, and type a body-only word whose prefix matched nothing.
    inputs.extend((0..typed.len()).rev().map(|end| &typed[..end]));
    inputs.extend(["cu", "cust", "customers"]);
    for input in inputs {
        let fresh = index.search(&Query::parse(input), usize::MAX);
        let narrowed = live.search(&index, Query::parse(input), usize::MAX);
        assert_eq!(narrowed, fresh, "after typing {input:?}");
    }
    assert!(live.candidates().is_some());
}

#[test]
fn live_search_notices_a_rebuilt_index() {
    let cards = library();
    let mut live = LiveSearch::new();
    let first = SearchIndex::new(&cards[..1]);
    assert_eq!(live.search(&first, Query::parse("p"), 10).len(), 1);
    let second = SearchIndex::new(&cards);
    let fresh = second.search(&Query::parse("pi"), 10);
    assert_eq!(live.search(&second, Query::parse("pi"), 10), fresh);
    assert!(fresh.len() > 1);
}

#[rstest]
#[case::scattered_title("pivot", "Present next to your content in a video call", false)]
#[case::substring("vot", "Build a pivot chart", true)]
#[case::word_starts("pcs", "pivot chart slicers", true)]
#[case::prefixes_of_words("piv", "Build a pivot chart", true)]
#[case::folded("kloft", "Over the kløft", true)]
fn only_structured_fuzzy_matches_count(
    #[case] query: &str,
    #[case] title: &str,
    #[case] found: bool,
) {
    let cards = vec![card(title, "", &[], "", 0)];
    let index = SearchIndex::new(&cards);
    let hits = index.search(&Query::parse(query), 10);
    assert_eq!(!hits.is_empty(), found, "{query:?} in {title:?}: {hits:?}");
}

#[test]
fn a_backspace_restores_the_earlier_results_without_searching() {
    let cards = library();
    let index = SearchIndex::new(&cards);
    let mut live = LiveSearch::new();
    let at_p = live.search(&index, Query::parse("p"), 10);
    let after_p = live.candidates();
    live.search(&index, Query::parse("pi"), 10);
    live.search(&index, Query::parse("piv"), 10);
    assert_eq!(
        live.search(&index, Query::parse("pi"), 10),
        index.search(&Query::parse("pi"), 10)
    );
    assert_eq!(live.search(&index, Query::parse("p"), 10), at_p);
    assert_eq!(
        live.candidates(),
        after_p,
        "the earlier matches are back to narrow from"
    );
}

#[test]
fn the_best_hits_come_first_whatever_the_limit() {
    let cards = library();
    let index = SearchIndex::new(&cards);
    let all = index.search(&Query::parse("c"), usize::MAX);
    for limit in [0, 1, 2, 3, all.len()] {
        let first = index.search(&Query::parse("c"), limit);
        assert_eq!(first, all[..limit.min(all.len())].to_vec(), "limit {limit}");
    }
}
