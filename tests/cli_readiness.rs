//! `skillbook readiness` and `skillbook offer` through the real binary, on temporary libraries.

mod common;

use std::fs;
use std::path::Path;

use common::home::skillbook;
use predicates::prelude::*;
use serde_json::Value;

const HAND_FORMATTED: &str = include_str!("fixtures/hand-formatted.md");

const ALL_READY: &str = "ready = [\"outcome\", \"their-world\", \"show-it\", \"try-it\", \"pitfalls\", \"leave-behind\", \"timing\"]";

fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// A card with every default item ticked and its content complete.
fn ready_card(title: &str, tool: &str, lang: &str, outcome: &str) -> String {
    format!(
        "+++\ntitle = \"{title}\"\ntool = \"{tool}\"\nduration = 20\nlang = \"{lang}\"\n\
         outcomes = [\"{outcome}\"]\n{ALL_READY}\n+++\n\n\
         ## Why it matters\n\nWhy.\n\n## Show it\n\n1. Show.\n\n## Try it\n\nTry.\n\n\
         ## Pitfalls\n\n- One.\n\n## Leave behind\n\n- <https://example.com>\n"
    )
}

#[test]
fn readiness_lists_open_items_by_card_and_fails_while_any_is_open() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "cards/pivot.md", HAND_FORMATTED);
    write(
        root.path(),
        "cards/threads.md",
        &ready_card("Threads in Slack", "Slack", "en", "Reply in a thread"),
    );
    // A pack card with a tick is the user's business; untouched pack cards are not listed.
    write(
        root.path(),
        "state/readiness.toml",
        "[\"excel-charts/sparklines\"]\nready = [\"timing\"]\n",
    );
    let output = skillbook(root.path())
        .arg("readiness")
        .assert()
        .code(1)
        .stderr("3 cards, 1 ready; 19 items open\n")
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).unwrap();
    assert!(text.starts_with(
        "pivot  3/11 ready  Build a pivot chart the director can filter himself\n\
         \x20 [ ] Their world — an example from their business, their data, their customers.\n"
    ));
    assert!(text.contains("  [ ] Their export has no merged cells\n"));
    assert!(text.contains("  [ ] Requires — A copy of last quarter's sales export\n"));
    assert!(text.contains("\nthreads  7/7 ready  Threads in Slack\n"));
    assert!(text.contains("\nexcel-charts/sparklines  1/12 ready  "));
    assert!(!text.contains("pivot-chart-slicers"));
}

#[test]
fn readiness_succeeds_when_everything_is_ticked_and_shows_gaps() {
    let root = tempfile::tempdir().unwrap();
    let card = ready_card("Threads in Slack", "Slack", "en", "Reply in a thread");
    write(
        root.path(),
        "cards/threads.md",
        &card.replace("duration = 20\n", ""),
    );
    skillbook(root.path())
        .arg("readiness")
        .assert()
        .success()
        .stdout(
            "threads  7/7 ready  Threads in Slack\n\
             \x20 ! Timing is ticked, but no duration: set how many minutes it takes\n",
        );
}

#[test]
fn readiness_of_an_agenda_follows_its_order_and_gathers_what_to_bring() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "cards/pivot.md", HAND_FORMATTED);
    write(
        root.path(),
        "agendas/visit.toml",
        "title = \"Visit at Hansen\"\n\
         [[items]]\ncard = \"excel-charts/sparklines\"\n\
         [[items]]\ncard = \"pivot\"\n\
         [[items]]\ncard = \"nowhere\"\n",
    );
    let assert = skillbook(root.path())
        .args(["readiness", "--json"])
        .arg(root.path().join("agendas/visit.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("names a missing card \"nowhere\""));
    let report: Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(report["title"], "Visit at Hansen");
    let ids: Vec<&str> = report["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|card| card["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["excel-charts/sparklines", "pivot"]);
    let pivot = &report["cards"][1];
    assert_eq!(pivot["text"], "3/11 ready");
    assert_eq!(pivot["items"][1]["key"], "their-world");
    assert_eq!(pivot["items"][7]["kind"], "own");
    assert_eq!(pivot["items"][7]["key"], Value::Null);
    assert_eq!(
        pivot["items"][10]["key"],
        "requires: A copy of last quarter's sales export"
    );
    let gathered = report["before_you_go"].as_array().unwrap();
    assert_eq!(gathered.last().unwrap()["cards"][0], "pivot");
    assert_eq!(
        report["readiness"]["total"].as_u64().unwrap(),
        pivot["readiness"]["total"].as_u64().unwrap()
            + report["cards"][0]["readiness"]["total"].as_u64().unwrap()
    );
}

#[test]
fn readiness_reads_pack_templates_and_courses() {
    let root = tempfile::tempdir().unwrap();
    skillbook(root.path())
        .args(["readiness", "slack/slack-after-work"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\nslack/slack-threads  0/"))
        .stdout(predicate::str::contains("\nBefore you go\n  [ ] "));
}

#[test]
fn offer_without_ready_cards_names_the_closest() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "cards/pivot.md", HAND_FORMATTED);
    skillbook(root.path())
        .arg("offer")
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "no card is ready yet (every checklist item ticked); closest:\n  pivot  3/11 ready, open: Their world; Show it;",
        ));
    let empty = tempfile::tempdir().unwrap();
    skillbook(empty.path())
        .arg("offer")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("skillbook new card"));
}

#[test]
fn offer_drafts_from_ready_cards_in_their_language() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "cards/pivot.md", HAND_FORMATTED);
    write(
        root.path(),
        "cards/threads.md",
        &ready_card("Threads in Slack", "Slack", "en", "Reply in a thread"),
    );
    skillbook(root.path())
        .arg("offer")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Hi,\n\nI would like to offer you",
        ))
        .stdout(predicate::str::contains(
            "In about 20 minutes we can go through:\n\n- Threads in Slack (20 min)\n\n\
             Afterwards you will be able to:\n- Reply in a thread\n",
        ))
        .stdout(predicate::str::contains("Build a pivot").not());
    skillbook(root.path())
        .args(["offer", "--lang", "da", "--linkedin"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Hej,\n\nJeg hjælper folk i mindre virksomheder med at få mere ud af Slack,",
        ));
    // A chosen card that is not ready is offered, with a note.
    skillbook(root.path())
        .args(["offer", "--cards", "pivot", "threads"])
        .assert()
        .success()
        .stdout(predicate::str::contains("- Build a pivot chart the director can filter himself (20 min)\n- Threads in Slack (20 min)\n"))
        .stderr("note: pivot is 3/11 ready\n");
}

#[test]
fn offer_follows_the_most_common_language_and_keeps_linkedin_short() {
    let root = tempfile::tempdir().unwrap();
    for (id, title) in [("a", "Tråde i Slack"), ("b", "Kanaler i Slack")] {
        let outcome = "Skrive et svar i en tråd i stedet for i kanalen ".repeat(8);
        write(
            root.path(),
            &format!("cards/{id}.md"),
            &ready_card(title, "Slack", "da", outcome.trim()),
        );
    }
    write(
        root.path(),
        "cards/c.md",
        &ready_card("Threads", "Slack", "en", "Reply in a thread"),
    );
    skillbook(root.path())
        .arg("offer")
        .assert()
        .success()
        .stdout(predicate::str::contains("På cirka 1 time kan vi nå:"))
        .stdout(predicate::str::ends_with("Venlig hilsen\n"));
    let assert = skillbook(root.path())
        .args(["offer", "--linkedin"])
        .assert()
        .success();
    let text = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(text.chars().count() <= 1300, "{}", text.chars().count());
    assert!(
        text.ends_with("Kunne det være nyttigt for dig?\n"),
        "{text}"
    );
}

#[test]
fn offer_refuses_unknown_cards_and_languages() {
    let root = tempfile::tempdir().unwrap();
    skillbook(root.path())
        .args(["offer", "--cards", "nowhere"])
        .assert()
        .code(1)
        .stderr("no card \"nowhere\" (see `skillbook list`)\n");
    skillbook(root.path())
        .args(["offer", "--lang", "de"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("offers are written in en or da"));
}
