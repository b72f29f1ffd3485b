//! `skillbook offer [--cards ID ...] [--linkedin] [--lang en|da]`: an invitation or a LinkedIn
//! note drafted from the cards that are ready (or the cards named), plain text to paste.
//! Exit 1 when no card is ready, naming the cards that are closest.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use super::output::line;
use crate::checklist::{
    CardReadiness, Entry, ItemId, ReadinessState, card_readiness, library_readiness,
};
use crate::library::Library;
use crate::offer::{LINKEDIN_LIMIT, Lang, OfferCard, OfferKind, common_lang, draft_offer};

/// How many of the closest cards to name when none is ready.
const CLOSEST: usize = 3;

#[derive(Debug, Args)]
pub struct OfferArgs {
    /// Offer these cards (id, or pack/id) instead of every ready card, in this order
    #[arg(long, value_name = "ID", num_args = 1..)]
    cards: Vec<String>,
    /// Write a LinkedIn note of at most 1,300 characters instead of an invitation
    #[arg(long)]
    linkedin: bool,
    /// Write in en or da [default: the language of most of the cards]
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    lang: Option<Lang>,
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    text.parse()
}

/// Prints the draft; exit 1 when no card is ready or a named card does not exist.
pub fn run(args: &OfferArgs, library: &Library, out: &mut dyn Write) -> Result<ExitCode> {
    let state = ReadinessState::load(&library.root).context("reading your readiness state")?;
    let chosen = if args.cards.is_empty() {
        let candidates = library_readiness(library, &state);
        let ready: Vec<CardReadiness<'_>> = candidates
            .iter()
            .filter(|card| card.readiness().is_ready())
            .cloned()
            .collect();
        if ready.is_empty() {
            explain_none_ready(candidates);
            return Ok(super::problem());
        }
        ready
    } else {
        let mut chosen = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for reference in &args.cards {
            let Some(index) = library.find_index(reference, None) else {
                eprintln!("no card {:?} (see `skillbook list`)", line(reference));
                return Ok(super::problem());
            };
            if !seen.insert(index) {
                continue;
            }
            let card = card_readiness(library, &state, &library.cards[index]);
            if !card.readiness().is_ready() {
                eprintln!(
                    "note: {} is {}",
                    line(&card.card.qualified_id()),
                    card.readiness()
                );
            }
            chosen.push(card);
        }
        chosen
    };
    let cards: Vec<OfferCard> = chosen
        .iter()
        .map(|c| OfferCard::of(&c.card.card).made_safe())
        .collect();
    let kind = if args.linkedin {
        OfferKind::LinkedIn
    } else {
        OfferKind::Invitation
    };
    let lang = args.lang.unwrap_or_else(|| common_lang(&cards));
    let draft = draft_offer(&cards, kind, lang);
    write!(out, "{}", draft.text)?;
    let left_out = [
        (cards.len() - draft.cards_used, "card"),
        (draft.outcomes_dropped, "outcome"),
    ]
    .iter()
    .filter(|(count, _)| *count > 0)
    .map(|&(count, what)| super::readiness::count(count, what))
    .collect::<Vec<_>>();
    if !left_out.is_empty() {
        eprintln!(
            "left out {} to stay within {LINKEDIN_LIMIT} characters",
            left_out.join(" and ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// No card is ready: say which are closest and what is open on them.
fn explain_none_ready(mut candidates: Vec<CardReadiness<'_>>) {
    if candidates.is_empty() {
        eprintln!(
            "no card is ready: you have no cards of your own and no ticks on pack cards yet; \
             start one with `skillbook new card`, or name cards with --cards ID"
        );
        return;
    }
    // Closest first: the largest share done, then the fewest items open; stable otherwise.
    candidates.sort_by(|a, b| {
        let (a, b) = (a.readiness(), b.readiness());
        b.fraction()
            .total_cmp(&a.fraction())
            .then(a.open().cmp(&b.open()))
    });
    eprintln!("no card is ready yet (every checklist item ticked); closest:");
    for card in candidates.iter().take(CLOSEST) {
        let open: Vec<String> = card.checklist.open().map(short_label).collect();
        eprintln!(
            "  {}  {}, open: {}",
            line(&card.card.qualified_id()),
            card.readiness(),
            line(&open.join("; "))
        );
    }
    eprintln!("see `skillbook readiness`, or offer chosen cards with --cards ID");
}

/// An item named briefly: a default item's name (`Show it`) rather than its whole label.
fn short_label(entry: &Entry) -> String {
    match entry.id {
        ItemId::Default(item) => item.name().to_string(),
        ItemId::Own(_) => entry.label.clone(),
        ItemId::Requires(_) => entry.label.replacen("Requires — ", "requires: ", 1),
    }
}
