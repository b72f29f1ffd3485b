//! The checklist against real files: ticks on own cards change one line, ticks on pack cards
//! go to the personal state, the guided steps make a bare card ready, and plans gather their
//! prep lists.

use std::fs;
use std::path::{Path, PathBuf};

use skillbook::agenda::parse_agenda;
use skillbook::card::{CardTemplate, new_card_text, parse_card};
use skillbook::checklist::{
    DefaultItem, Gap, ItemId, Readiness, ReadinessState, STATE_FILE, Toggled, apply_answer,
    card_checklist, current_answer, next_step, prep_list, save_card, toggle_item,
};
use skillbook::duration::Minutes;
use skillbook::error::Error;
use skillbook::library::{self, Library, LibraryCard};
use skillbook::markdown::{MarkdownDoc, plain_text};

const HAND_FORMATTED: &str = include_str!("fixtures/hand-formatted.md");

fn write(root: &Path, relative: &str, text: &str) -> PathBuf {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, text).unwrap();
    path
}

fn card<'a>(library: &'a Library, reference: &str) -> &'a LibraryCard {
    let index = library.find_index(reference, None).unwrap();
    &library.cards[index]
}

fn card_mut<'a>(library: &'a mut Library, reference: &str) -> &'a mut LibraryCard {
    let index = library.find_index(reference, None).unwrap();
    &mut library.cards[index]
}

/// The one line that differs between two texts of the same length in lines.
fn changed_line(before: &str, after: &str) -> (String, String) {
    assert_eq!(before.lines().count(), after.lines().count(), "{after}");
    let changed: Vec<(String, String)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    changed[0].clone()
}

#[test]
fn ticking_an_own_card_changes_exactly_one_line() {
    let root = tempfile::tempdir().unwrap();
    let path = write(root.path(), "cards/pivot.md", HAND_FORMATTED);
    let mut state = ReadinessState::load(root.path()).unwrap();
    let mut library = library::load(root.path());
    let cases = [
        (
            ItemId::Default(DefaultItem::ShowIt),
            "ready = [\"outcome\", \"timing\", \"show-it\"]   # my ticks",
        ),
        (
            ItemId::Requires(1),
            "ready = [\"outcome\", \"timing\", \"show-it\", \"requires: A copy of last quarter's sales export\"]   # my ticks",
        ),
        (ItemId::Own(0), "done = true   # check on the day"),
        (
            ItemId::Default(DefaultItem::Outcome),
            "ready = [\"timing\", \"show-it\", \"requires: A copy of last quarter's sales export\"]   # my ticks",
        ),
    ];
    for (item, expected) in cases {
        let before = fs::read_to_string(&path).unwrap();
        let toggled = toggle_item(card(&library, "pivot"), &mut state, item).unwrap();
        let Toggled::Card { card: new, .. } = toggled else {
            panic!("an own card's tick goes into the card");
        };
        save_card(card_mut(&mut library, "pivot"), *new).unwrap();
        let after = fs::read_to_string(&path).unwrap();
        assert_eq!(changed_line(&before, &after).1, expected);
    }
    assert!(!root.path().join(STATE_FILE).exists());
    let reloaded = library::load(root.path());
    let list = card_checklist(&reloaded, &state, card(&reloaded, "pivot"));
    // show-it, timing, one requires, both own items: 5 of 7 + 2 + 2.
    assert_eq!(list.readiness(), Readiness { done: 5, total: 11 });
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_by_a_tick() {
    let root = tempfile::tempdir().unwrap();
    let path = write(root.path(), "cards/pivot.md", HAND_FORMATTED);
    let mut state = ReadinessState::load(root.path()).unwrap();
    let mut library = library::load(root.path());
    fs::write(&path, HAND_FORMATTED.replace("20m", "25m")).unwrap();
    let item = ItemId::Default(DefaultItem::Pitfalls);
    let Some(Toggled::Card { card: new, .. }) =
        toggle_item(card(&library, "pivot"), &mut state, item)
    else {
        panic!("an own card's tick goes into the card");
    };
    let error = save_card(card_mut(&mut library, "pivot"), *new).unwrap_err();
    assert!(matches!(error, Error::ChangedOnDisk { .. }), "{error}");
    assert!(fs::read_to_string(&path).unwrap().contains("25m"));
}

#[test]
fn a_pack_card_tick_goes_to_the_library_state_and_the_pack_is_untouched() {
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        "packs/mine/pack.toml",
        "name = \"mine\"\nversion = \"1.0.0\"\ntitle = \"Mine\"\n",
    );
    let pack_card = write(root.path(), "packs/mine/cards/pivot.md", HAND_FORMATTED);
    let mut library = library::load(root.path());
    let mut state = ReadinessState::load(root.path()).unwrap();
    let pivot = card(&library, "mine/pivot");
    // The pack's own `ready` and `done = true` are the author's, not the user's.
    assert_eq!(
        card_checklist(&library, &state, pivot).readiness(),
        Readiness { done: 0, total: 11 }
    );
    for item in [
        ItemId::Default(DefaultItem::ShowIt),
        ItemId::Requires(0),
        ItemId::Own(1),
    ] {
        let toggled = toggle_item(pivot, &mut state, item).unwrap();
        assert_eq!(toggled, Toggled::State { done: true });
    }
    state.save().unwrap();
    assert_eq!(fs::read_to_string(&pack_card).unwrap(), HAND_FORMATTED);
    let saved = fs::read_to_string(root.path().join(STATE_FILE)).unwrap();
    assert!(
        saved.ends_with(
            "[\"mine/pivot\"]\nready = [\"show-it\", \"requires: Excel 2021 or newer on their machine\", \"checklist: Rehearsed on a small screen\"]\n"
        ),
        "{saved}"
    );

    // A new session reads the ticks back.
    let state = ReadinessState::load(root.path()).unwrap();
    let list = card_checklist(&library, &state, card(&library, "mine/pivot"));
    assert_eq!(list.readiness(), Readiness { done: 3, total: 11 });

    // Saving a pack card is refused, whatever changed.
    let pack = card_mut(&mut library, "mine/pivot");
    let mut changed = pack.card.clone();
    changed.ready.clear();
    let error = save_card(pack, changed).unwrap_err();
    assert!(error.to_string().contains("never written"), "{error}");
    assert_eq!(fs::read_to_string(&pack_card).unwrap(), HAND_FORMATTED);
}

#[test]
fn a_state_file_changed_since_it_was_read_is_not_overwritten() {
    let root = tempfile::tempdir().unwrap();
    let library = library::load(root.path());
    let mut state = ReadinessState::load(root.path()).unwrap();
    let bundled = card(&library, "excel-charts/pivot-chart-slicers");
    toggle_item(bundled, &mut state, ItemId::Default(DefaultItem::Timing)).unwrap();
    write(root.path(), STATE_FILE, "# written elsewhere\n");
    let error = state.save().unwrap_err();
    assert!(error.to_string().contains("already exists"), "{error}");
    assert!(state.is_changed());
}

fn bare_card() -> (skillbook::card::SkillCard, String) {
    let text = new_card_text(&CardTemplate {
        title: "Threads in Slack".into(),
        tool: Some("Slack".into()),
        level: None,
        duration: None,
        lang: None,
        tags: vec![],
    });
    let (card, _) = parse_card(Path::new("threads.md"), text.as_bytes()).unwrap();
    (card, text)
}

#[test]
fn each_guided_answer_lands_in_its_place() {
    let (card, _) = bare_card();
    let section = |card: &skillbook::card::SkillCard, title: &str| {
        skillbook::markdown::section(&card.body, title).map(str::to_string)
    };

    let new = apply_answer(&card, DefaultItem::Outcome, " Reply in a\nthread ").unwrap();
    assert_eq!(new.outcomes, ["Reply in a thread"]);

    let new = apply_answer(&card, DefaultItem::TheirWorld, "Their #orders channel").unwrap();
    assert_eq!(
        section(&new, "Why it matters").as_deref(),
        Some("**Their world:** Their #orders channel")
    );
    assert_eq!(
        current_answer(&new, DefaultItem::TheirWorld),
        "Their #orders channel"
    );
    let again = apply_answer(&new, DefaultItem::TheirWorld, "The #sales channel").unwrap();
    assert_eq!(
        section(&again, "Why it matters").as_deref(),
        Some("**Their world:** The #sales channel")
    );

    let new = apply_answer(
        &card,
        DefaultItem::ShowIt,
        "Open #orders\nHover, Reply in thread",
    )
    .unwrap();
    assert_eq!(
        section(&new, "Show it").as_deref(),
        Some("1. Open #orders\n2. Hover, Reply in thread")
    );
    let new = apply_answer(&card, DefaultItem::TryIt, "They answer a real question.").unwrap();
    assert_eq!(
        section(&new, "Try it").as_deref(),
        Some("They answer a real question.")
    );
    let new = apply_answer(
        &card,
        DefaultItem::Pitfalls,
        "* Replying in the channel\n1. Muting",
    )
    .unwrap();
    assert_eq!(
        section(&new, "Pitfalls").as_deref(),
        Some("- Replying in the channel\n- Muting")
    );
    let new = apply_answer(
        &card,
        DefaultItem::LeaveBehind,
        "Threads guide: https://slack.com/help/threads\nhttps://slack.com/help",
    )
    .unwrap();
    assert_eq!(
        section(&new, "Leave behind").as_deref(),
        Some("- [Threads guide](https://slack.com/help/threads)\n- <https://slack.com/help>")
    );
    let new = apply_answer(&card, DefaultItem::Timing, "1h 30m").unwrap();
    assert_eq!(new.duration, Some(Minutes(90)));
    assert_eq!(new.ready, ["timing"]);
    assert!(apply_answer(&card, DefaultItem::Timing, "soon").is_err());
    assert!(apply_answer(&card, DefaultItem::Timing, "0").is_err());
    assert!(apply_answer(&card, DefaultItem::TryIt, "  ").is_err());
}

#[test]
fn a_bare_card_becomes_ready_through_the_guided_steps() {
    let root = tempfile::tempdir().unwrap();
    let (_, text) = bare_card();
    let path = write(root.path(), "cards/threads.md", &text);
    let state = ReadinessState::load(root.path()).unwrap();
    let mut library = library::load(root.path());
    let threads = card(&library, "threads");
    let list = card_checklist(&library, &state, threads);
    assert_eq!(list.readiness().to_string(), "0/7 ready");
    assert_eq!(
        list.gaps().count(),
        7,
        "{:?}",
        list.gaps().collect::<Vec<_>>()
    );

    let answers = [
        "Keep a discussion in one thread instead of ten messages",
        "Their #orders channel, where a customer's delivery date got lost last week",
        "Open #orders\nHover over a message, choose Reply in thread\nShow \"Also send to channel\"",
        "They move yesterday's delivery question into a thread on their own laptop.",
        "Replying in the channel out of habit\nMissing replies because notifications are off",
        "Slack's guide: https://slack.com/help/articles/115000769927",
        "15m",
    ];
    while let Some(step) = next_step(&card(&library, "threads").card) {
        let answer = answers[DefaultItem::ALL.iter().position(|i| *i == step).unwrap()];
        let new = apply_answer(&card(&library, "threads").card, step, answer).unwrap();
        save_card(card_mut(&mut library, "threads"), new).unwrap();
    }

    let library = library::load(root.path());
    let threads = card(&library, "threads");
    let list = card_checklist(&library, &state, threads);
    assert_eq!(list.readiness().to_string(), "7/7 ready");
    assert_eq!(list.gaps().collect::<Vec<&Gap>>(), Vec::<&Gap>::new());

    // It parses, keeps the conventional order and reads as a lesson plan.
    let saved = fs::read_to_string(&path).unwrap();
    let (parsed, _) = parse_card(&path, saved.as_bytes()).unwrap();
    assert_eq!(parsed.duration, Some(Minutes(15)));
    let positions: Vec<usize> = skillbook::checklist::SECTIONS
        .iter()
        .map(|s| saved.find(&format!("## {s}\n")).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{saved}");
    let page = plain_text(&MarkdownDoc::parse(&parsed.body), 80);
    assert!(page.contains("1. Open #orders"), "{page}");
    assert!(
        page.contains("Their world: Their #orders channel"),
        "{page}"
    );
    let agenda = parse_agenda(
        Path::new("visit.toml"),
        "title = \"Visit\"\nstart = \"09:00\"\nslot = 30\n[[items]]\ncard = \"threads\"\n",
    )
    .unwrap();
    let timed = skillbook::plan::timetable(&library, &agenda, None);
    assert_eq!(timed.timetable.used(), Minutes(15));
}

fn requiring(title: &str, requires: &[&str]) -> String {
    let list: Vec<String> = requires.iter().map(|r| format!("{r:?}")).collect();
    format!(
        "+++\ntitle = \"{title}\"\nrequires = [{}]\n+++\n",
        list.join(", ")
    )
}

#[test]
fn prep_lists_follow_agenda_order_and_gather_what_to_bring() {
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        "cards/a.md",
        &requiring("A", &["Projector adapter (HDMI)", "Excel 2021"]),
    );
    write(
        root.path(),
        "cards/b.md",
        &requiring("B", &["Their sales export"]),
    );
    write(
        root.path(),
        "cards/c.md",
        &requiring("C", &["projector  adapter (HDMI).", "Wi-Fi code"]),
    );
    // Ticked on one card that needs it, open on the other: still to do.
    let c = root.path().join("cards/c.md");
    let text = fs::read_to_string(&c).unwrap();
    fs::write(
        &c,
        text.replace(
            "\n+++\n",
            "\nready = [\"requires: projector  adapter (HDMI).\"]\n+++\n",
        ),
    )
    .unwrap();
    let library = library::load(root.path());
    let state = ReadinessState::load(root.path()).unwrap();
    let agenda = parse_agenda(
        Path::new("visit.toml"),
        "title = \"Visit\"\n\
         [[items]]\ncard = \"c\"\n[[items]]\ncard = \"a\"\n[[items]]\ncard = \"nowhere\"\n\
         [[items]]\ncard = \"c\"\n[[items]]\ncard = \"b\"\n",
    )
    .unwrap();
    let prep = prep_list(&library, &state, &[agenda], None);
    let order: Vec<&str> = prep.cards.iter().map(|c| c.card.card.id.as_str()).collect();
    assert_eq!(order, ["c", "a", "b"]);
    assert_eq!(prep.missing, ["nowhere"]);
    let gathered: Vec<(&str, Vec<&str>)> = prep
        .before_you_go
        .iter()
        .map(|b| {
            (
                b.text.as_str(),
                b.cards.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        gathered,
        [
            ("projector  adapter (HDMI).", vec!["c", "a"]),
            ("Wi-Fi code", vec!["c"]),
            ("Excel 2021", vec!["a"]),
            ("Their sales export", vec!["b"]),
        ]
    );
    assert!(prep.before_you_go.iter().all(|b| !b.done));
    // 7 default items per card plus 2 + 2 + 1 requires items; one tick.
    assert_eq!(prep.readiness(), Readiness { done: 1, total: 26 });
}

#[test]
fn answering_with_the_current_text_changes_nothing_on_the_bundled_cards() {
    let library = library::load(tempfile::tempdir().unwrap().path());
    let (mut changed, mut checked) = (Vec::new(), 0);
    for card in &library.cards {
        for item in DefaultItem::ALL
            .into_iter()
            .filter(|i| i.section().is_some())
        {
            let current = current_answer(&card.card, item);
            if current.is_empty() {
                continue;
            }
            checked += 1;
            let new = apply_answer(&card.card, item, &current).unwrap();
            if new.body != card.card.body {
                changed.push(format!("{} {item}", card.qualified_id()));
            }
        }
    }
    assert!(checked > 200, "{checked}");
    assert_eq!(changed, Vec::<String>::new());
}
