//! Offer drafts from the bundled cards: languages, the LinkedIn limit and how it trims.

use skillbook::duration::Minutes;
use skillbook::library::{self, Library};
use skillbook::offer::{
    Draft, LINKEDIN_LIMIT, Lang, OfferCard, OfferKind, common_lang, draft_offer,
};

fn bundled() -> Library {
    let empty = tempfile::tempdir().unwrap();
    library::load(empty.path())
}

fn offer_cards(library: &Library, references: &[&str]) -> Vec<OfferCard> {
    references
        .iter()
        .map(|reference| {
            let index = library.find_index(reference, None).unwrap();
            OfferCard::of(&library.cards[index].card)
        })
        .collect()
}

fn card(title: &str, tool: &str, minutes: u32, outcomes: &[&str], lang: &str) -> OfferCard {
    OfferCard {
        title: title.into(),
        tool: Some(tool.into()),
        duration: Some(Minutes(minutes)),
        outcomes: outcomes.iter().map(|o| o.to_string()).collect(),
        lang: Some(lang.into()),
    }
}

#[test]
fn an_english_invitation_says_what_how_long_and_what_afterwards() {
    let cards = [
        card(
            "Build a pivot chart he can filter",
            "Excel",
            20,
            &[
                "Turn a sales table into a pivot chart",
                "Add a slicer",
                "A third",
            ],
            "en",
        ),
        card(
            "Threads in Slack",
            "Slack",
            45,
            &["Reply in a thread"],
            "en-GB",
        ),
    ];
    let draft = draft_offer(&cards, OfferKind::Invitation, common_lang(&cards));
    assert_eq!(
        draft.text,
        "Hi,\n\n\
         I would like to offer you a short, hands-on session with a few things I know well and \
         that can save you time in your daily work. In about 1 hour and 5 minutes we can go \
         through:\n\n\
         - Build a pivot chart he can filter (20 min)\n\
         - Threads in Slack (45 min)\n\n\
         Afterwards you will be able to:\n\
         - Turn a sales table into a pivot chart\n\
         - Add a slicer\n\
         - Reply in a thread\n\n\
         We work on your own computer, with your own numbers and customers, and you keep a \
         short guide for afterwards. Would a visit in the coming weeks suit you?\n\n\
         Best regards\n"
    );
    assert_eq!(draft.outcomes_dropped, 0);
}

#[test]
fn danish_cards_get_a_danish_offer() {
    let library = bundled();
    let cards = offer_cards(
        &library,
        &[
            "mentoring-craft-da/kontorbesoeget",
            "mentoring-craft-da/find-50-profiler",
            "excel-charts/sparklines",
        ],
    );
    assert_eq!(common_lang(&cards), Lang::Da);
    let draft = draft_offer(&cards, OfferKind::Invitation, Lang::Da);
    assert!(draft.text.starts_with("Hej,\n\nJeg vil gerne tilbyde dig"));
    assert!(draft.text.contains("På cirka "), "{}", draft.text);
    assert!(draft.text.contains("\n\nBagefter kan du:\n- "));
    assert!(draft.text.ends_with("Venlig hilsen\n"));
    let note = draft_offer(&cards, OfferKind::LinkedIn, Lang::Da);
    assert!(note.text.contains("Jeg hjælper folk i mindre virksomheder"));
    assert!(note.text.contains(" min.)\n"), "{}", note.text);
    assert!(note.text.ends_with("Kunne det være nyttigt for dig?\n"));
}

#[test]
fn the_language_is_the_most_common_one() {
    let en = card("A", "Excel", 10, &[], "en");
    let da = card("B", "Excel", 10, &[], "da-DK");
    assert_eq!(common_lang(&[en.clone(), da.clone(), da.clone()]), Lang::Da);
    assert_eq!(common_lang(&[en.clone(), da.clone()]), Lang::En);
    assert_eq!(common_lang(&[da.clone(), en.clone()]), Lang::Da);
    assert_eq!(common_lang(&[]), Lang::En);
}

fn assert_fits(draft: &Draft) {
    assert!(
        draft.text.chars().count() <= LINKEDIN_LIMIT,
        "{} characters",
        draft.text.chars().count()
    );
}

#[test]
fn a_linkedin_note_of_every_card_is_trimmed_by_cards_and_outcomes() {
    let library = bundled();
    let cards: Vec<OfferCard> = library
        .cards
        .iter()
        .map(|c| OfferCard::of(&c.card))
        .collect();
    assert!(cards.len() > 20);
    for lang in [Lang::En, Lang::Da] {
        let draft = draft_offer(&cards, OfferKind::LinkedIn, lang);
        assert_fits(&draft);
        assert!(draft.cards_used >= 1 && draft.cards_used < cards.len());
        // Trimmed whole: the closing question is there and nothing is cut.
        assert!(draft.text.ends_with("?\n"), "{}", draft.text);
        assert!(!draft.text.contains('…'));
        // Every offered card keeps its title.
        for card in &cards[..draft.cards_used] {
            assert!(draft.text.contains(&card.title), "{}", card.title);
        }
    }
    // The invitation is not limited.
    let invitation = draft_offer(&cards, OfferKind::Invitation, Lang::En);
    assert_eq!(invitation.cards_used, cards.len());
}

#[test]
fn outcomes_go_before_cards() {
    let long = "an outcome that takes quite a few words to say ".repeat(3);
    let cards: Vec<OfferCard> = (0..4)
        .map(|i| card(&format!("Card {i}"), "Excel", 15, &[&long, &long], "en"))
        .collect();
    let draft = draft_offer(&cards, OfferKind::LinkedIn, Lang::En);
    assert_fits(&draft);
    assert_eq!(draft.cards_used, 4);
    assert!(draft.outcomes_dropped > 0);
}

#[test]
fn a_single_huge_card_is_cut_at_a_word() {
    let title = "word ".repeat(400);
    let cards = [card(title.trim(), "Excel", 15, &["x"], "en")];
    let draft = draft_offer(&cards, OfferKind::LinkedIn, Lang::En);
    assert_fits(&draft);
    let kept = draft.text.strip_suffix('…').unwrap();
    assert!(kept.ends_with("word"), "{kept}");
}

#[test]
fn durations_and_tools_read_naturally_in_both_languages() {
    let cards = [
        card("A", "Excel", 90, &[], "en"),
        card("B", "Slack", 31, &[], "en"),
        card("C", "excel", 0, &[], "en"),
        card("D", "Prezi", 0, &[], "en"),
    ];
    let note = draft_offer(&cards, OfferKind::LinkedIn, Lang::En).text;
    assert!(
        note.contains("more out of Excel, Slack and Prezi,"),
        "{note}"
    );
    assert!(note.contains("- A (1 h 30 min)\n- B (31 min)\n"), "{note}");
    assert!(
        note.contains("It takes about 2 hours and 1 minute,"),
        "{note}"
    );
    let note = draft_offer(&cards, OfferKind::LinkedIn, Lang::Da).text;
    assert!(note.contains("mere ud af Excel, Slack og Prezi,"), "{note}");
    assert!(note.contains("- A (1 t. 30 min.)\n"), "{note}");
    assert!(
        note.contains("Det tager cirka 2 timer og 1 minut,"),
        "{note}"
    );
    let one = draft_offer(&cards[1..2], OfferKind::Invitation, Lang::Da).text;
    assert!(one.contains("På cirka 31 minutter kan vi nå:"), "{one}");
    let mut unknown = cards[0].clone();
    unknown.duration = None;
    let text = draft_offer(&[unknown], OfferKind::Invitation, Lang::En).text;
    assert!(
        text.contains("time in your daily work. We can go through:\n\n- A\n"),
        "{text}"
    );
}

#[test]
fn language_tags_are_read_by_their_first_part() {
    assert_eq!(Lang::of_tag("da-DK"), Some(Lang::Da));
    assert_eq!(Lang::of_tag("EN_gb"), Some(Lang::En));
    assert_eq!(Lang::of_tag("sv"), None);
    assert!("de".parse::<Lang>().is_err());
}
