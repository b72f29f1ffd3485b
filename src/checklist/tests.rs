use std::path::Path;

use rstest::rstest;

use super::*;
use crate::card::{ChecklistItem, parse_card};
use crate::duration::Minutes;

/// A card with every gap closed: outcomes, the five sections, a link and a duration.
fn complete_card() -> SkillCard {
    let mut card = SkillCard::new("pivot", "Pivot");
    card.outcomes = vec!["Build a pivot chart".into()];
    card.duration = Some(Minutes(20));
    card.prerequisites = vec!["excel-tables".into()];
    card.body = "## Why it matters\n\nWhy.\n\n## Show it\n\n1. Show.\n\n## Try it\n\nTry.\n\n\
                 ## Pitfalls\n\n- One.\n\n## Leave behind\n\n- [Guide](https://x.example)\n"
        .into();
    card
}

fn gaps_of(card: &SkillCard) -> Vec<Gap> {
    content_gaps(card, &|id| id == "excel-tables")
}

#[test]
fn a_complete_card_has_no_gaps() {
    assert_eq!(gaps_of(&complete_card()), []);
}

#[rstest]
#[case::no_outcomes(|c: &mut SkillCard| c.outcomes.clear(), Gap::NoOutcomes)]
#[case::blank_outcome(|c: &mut SkillCard| c.outcomes = vec![" ".into()], Gap::NoOutcomes)]
#[case::no_duration(|c: &mut SkillCard| c.duration = None, Gap::NoDuration)]
#[case::missing_why(
    |c: &mut SkillCard| c.body = c.body.replace("## Why it matters\n\nWhy.\n\n", ""),
    Gap::MissingSection("Why it matters")
)]
#[case::empty_show_it(
    |c: &mut SkillCard| c.body = c.body.replace("1. Show.", ""),
    Gap::EmptySection("Show it")
)]
#[case::placeholder_try_it(
    |c: &mut SkillCard| c.body = c.body.replace("Try.", "<!-- fill in -->"),
    Gap::EmptySection("Try it")
)]
#[case::missing_pitfalls(
    |c: &mut SkillCard| c.body = c.body.replace("## Pitfalls", "## Traps"),
    Gap::MissingSection("Pitfalls")
)]
#[case::empty_leave_behind(
    |c: &mut SkillCard| c.body = c.body.replace("- [Guide](https://x.example)", ""),
    Gap::EmptySection("Leave behind")
)]
#[case::no_link(
    |c: &mut SkillCard| c.body = c.body.replace("[Guide](https://x.example)", "A printed sheet"),
    Gap::NoLeaveBehindLink
)]
#[case::unknown_prerequisite(
    |c: &mut SkillCard| c.prerequisites.push("nowhere".into()),
    Gap::UnknownPrerequisite("nowhere".into())
)]
fn each_check_fires_for_its_gap(#[case] change: fn(&mut SkillCard), #[case] gap: Gap) {
    let mut card = complete_card();
    change(&mut card);
    assert_eq!(gaps_of(&card), [gap]);
}

#[test]
fn a_bare_web_address_counts_as_a_link() {
    let mut card = complete_card();
    card.body = card
        .body
        .replace("[Guide](https://x.example)", "see https://x.example");
    assert_eq!(gaps_of(&card), []);
}

#[test]
fn gaps_stand_beside_their_items() {
    let mut card = complete_card();
    card.duration = None;
    card.prerequisites.push("nowhere".into());
    let list = checklist(&card, Ticks::OnCard, &|id| id == "excel-tables");
    let timing = list.entry(ItemId::Default(DefaultItem::Timing)).unwrap();
    assert_eq!(timing.gaps, [Gap::NoDuration]);
    assert_eq!(list.card_gaps, [Gap::UnknownPrerequisite("nowhere".into())]);
    assert_eq!(list.gaps().count(), 2);
}

#[test]
fn checklists_hold_default_own_and_requires_items_in_order() {
    let mut card = complete_card();
    card.checklist = vec![
        ChecklistItem {
            item: "Rehearsed".into(),
            done: true,
        },
        ChecklistItem {
            item: "Adapter".into(),
            done: false,
        },
    ];
    card.requires = vec!["Excel 2021".into()];
    card.ready = vec!["outcome".into(), "Requires:Excel 2021".into(), "odd".into()];
    let list = checklist(&card, Ticks::OnCard, &|_| true);
    let ids: Vec<ItemId> = list.entries.iter().map(|e| e.id).collect();
    assert_eq!(ids.len(), 10);
    assert_eq!(
        ids[7..],
        [ItemId::Own(0), ItemId::Own(1), ItemId::Requires(0)]
    );
    assert_eq!(list.readiness(), Readiness { done: 3, total: 10 });
    assert_eq!(list.readiness().to_string(), "3/10 ready");
    assert_eq!(list.entries[9].label, "Requires — Excel 2021");

    // The same card as a pack card: its own ticks do not count, the personal ones do.
    let personal = vec!["timing".to_string(), "checklist: Adapter".to_string()];
    let list = checklist(&card, Ticks::Personal(&personal), &|_| true);
    let done: Vec<ItemId> = list
        .entries
        .iter()
        .filter(|e| e.done)
        .map(|e| e.id)
        .collect();
    assert_eq!(done, [ItemId::Default(DefaultItem::Timing), ItemId::Own(1)]);
}

#[test]
fn toggling_own_cards_uses_the_one_line_scheme() {
    let mut card = complete_card();
    card.requires = vec!["A projector adapter".into()];
    card.checklist = vec![ChecklistItem {
        item: "Rehearsed".into(),
        done: false,
    }];
    assert_eq!(
        toggle(&mut card, ItemId::Default(DefaultItem::ShowIt)),
        Some(true)
    );
    assert_eq!(toggle(&mut card, ItemId::Requires(0)), Some(true));
    assert_eq!(toggle(&mut card, ItemId::Own(0)), Some(true));
    assert_eq!(card.ready, ["show-it", "requires: A projector adapter"]);
    assert!(card.checklist[0].done);
    assert_eq!(
        toggle(&mut card, ItemId::Default(DefaultItem::ShowIt)),
        Some(false)
    );
    assert_eq!(card.ready, ["requires: A projector adapter"]);
    assert_eq!(toggle(&mut card, ItemId::Requires(3)), None);
    assert_eq!(toggle(&mut card, ItemId::Own(1)), None);
}

const STATE: &str = "\
# my ticks
[\"excel-charts/pivot\"]   # the director's chart
ready = [\"outcome\"]

[\"slack/threads\"]
ready = [\"timing\"]
";

#[test]
fn state_ticks_keep_the_rest_of_the_file() {
    let path = Path::new("state/readiness.toml");
    let mut state = ReadinessState::parse(path, STATE).unwrap();
    assert_eq!(state.ticks("excel-charts/pivot"), ["outcome"]);
    assert!(!state.is_changed());
    let mut card = complete_card();
    card.requires = vec!["Excel 2021".into()];
    assert_eq!(
        state.toggle("excel-charts/pivot", &card, ItemId::Requires(0)),
        Some(true)
    );
    assert_eq!(
        state.render(),
        STATE.replace(
            "ready = [\"outcome\"]",
            "ready = [\"outcome\", \"requires: Excel 2021\"]"
        )
    );
    // Unticking the last tick of a card drops its table and nothing else.
    state.toggle("slack/threads", &card, ItemId::Default(DefaultItem::Timing));
    assert!(!state.render().contains("slack/threads"));
    assert!(
        state
            .render()
            .starts_with("# my ticks\n[\"excel-charts/pivot\"]   # the director's chart\n")
    );
    // A new card gets a table of its own.
    state.toggle("prezi/zoom", &card, ItemId::Default(DefaultItem::Pitfalls));
    let reread = ReadinessState::parse(path, &state.render()).unwrap();
    assert_eq!(reread.ticks("prezi/zoom"), ["pitfalls"]);
    assert_eq!(
        reread.cards().collect::<Vec<_>>(),
        ["excel-charts/pivot", "prezi/zoom"]
    );
}

#[test]
fn a_new_state_file_explains_itself() {
    let mut state = ReadinessState::empty("state/readiness.toml");
    state.toggle(
        "p/c",
        &complete_card(),
        ItemId::Default(DefaultItem::Outcome),
    );
    let text = state.render();
    assert!(
        text.starts_with("# skillbook's personal readiness state"),
        "{text}"
    );
    assert!(
        text.ends_with("[\"p/c\"]\nready = [\"outcome\"]\n"),
        "{text}"
    );
}

#[test]
fn bad_state_says_where() {
    let error = ReadinessState::parse(
        Path::new("state/readiness.toml"),
        "\"q/d\" = 3\n[\"p/c\"]\nready = [1]\n",
    )
    .unwrap_err()
    .to_string();
    assert!(
        error.contains("state/readiness.toml:3:10: expected a string"),
        "{error}"
    );
    assert!(
        error.contains("state/readiness.toml:1:9: expected a table"),
        "{error}"
    );
}

#[test]
fn guided_steps_continue_at_the_first_open_item() {
    let mut card = complete_card();
    assert_eq!(next_step(&card), Some(DefaultItem::Outcome));
    card.ready = vec!["outcome".into(), "their-world".into()];
    assert_eq!(next_step(&card), Some(DefaultItem::ShowIt));
    card.ready = DefaultItem::ALL
        .iter()
        .map(|i| i.key().to_string())
        .collect();
    assert_eq!(next_step(&card), None);
}

#[test]
fn cards_load_the_same_ticks_they_save() {
    let text = "+++\ntitle = \"x\"\nready = [\"timing\"]\n+++\n";
    let (card, _) = parse_card(Path::new("x.md"), text.as_bytes()).unwrap();
    let list = checklist(&card, Ticks::OnCard, &|_| true);
    assert!(
        list.entry(ItemId::Default(DefaultItem::Timing))
            .unwrap()
            .done
    );
}

#[test]
fn hand_wrapped_bullets_stay_one_bullet() {
    let card = complete_card();
    let answer = "- **Merged cells.** They break\nthe pivot.\n- Text numbers";
    let new = apply_answer(&card, DefaultItem::Pitfalls, answer).unwrap();
    assert_eq!(
        current_answer(&new, DefaultItem::Pitfalls),
        "- **Merged cells.** They break\n  the pivot.\n- Text numbers"
    );
    let new = apply_answer(&card, DefaultItem::Pitfalls, "Merged cells\nText numbers").unwrap();
    assert_eq!(
        current_answer(&new, DefaultItem::Pitfalls),
        "- Merged cells\n- Text numbers"
    );
}
