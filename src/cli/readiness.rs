//! `skillbook readiness [FILE]`: the open checklist items, by card. Without FILE: every own
//! card and every pack card with a tick; with an agenda or course (or a pack template): its
//! cards in agenda order and the "before you go" list. Exit 1 when anything is open.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use super::output::{json, line};
use crate::checklist::{
    BeforeYouGo, CardReadiness, Entry, Gap, ItemId, Readiness, ReadinessState, library_readiness,
    prep_list, tick_key,
};
use crate::library::{CardSource, Library};
use crate::plan::load_plan;

#[derive(Debug, Args)]
pub struct ReadinessArgs {
    /// An agenda or course file, or a pack template such as excel-charts/office-visit-60
    /// [default: the whole library]
    #[arg(value_name = "FILE")]
    file: Option<String>,
    /// Print JSON: every item with its tick and gaps, and the before-you-go list
    #[arg(long)]
    json: bool,
}

/// What the command reports, before it is printed.
struct Report<'a> {
    /// The plan's title, when a plan was named.
    title: Option<String>,
    cards: Vec<CardReadiness<'a>>,
    /// Only for a plan.
    before_you_go: Option<Vec<BeforeYouGo>>,
    missing: usize,
}

/// Prints the open items; exit 1 while any is open or the plan names a missing card.
pub fn run(args: &ReadinessArgs, library: &Library, out: &mut dyn Write) -> Result<ExitCode> {
    let state = ReadinessState::load(&library.root).context("reading your readiness state")?;
    let report = match &args.file {
        None => Report {
            title: None,
            cards: library_readiness(library, &state),
            before_you_go: None,
            missing: 0,
        },
        Some(file) => plan_report(library, &state, file)?,
    };
    let readiness: Readiness = report.cards.iter().map(CardReadiness::readiness).sum();
    if args.json {
        writeln!(out, "{}", json(&JsonReport::of(&report, readiness))?)?;
    } else {
        write_text(out, &report, readiness)?;
    }
    let ready = report
        .cards
        .iter()
        .filter(|c| c.readiness().is_ready())
        .count();
    if report.cards.is_empty() && report.title.is_none() {
        eprintln!(
            "no cards of your own and no ticks on pack cards yet: `skillbook new card` starts one"
        );
    } else {
        eprintln!(
            "{}, {ready} ready; {} open",
            count(report.cards.len(), "card"),
            count(readiness.open(), "item")
        );
    }
    Ok(if readiness.is_ready() && report.missing == 0 {
        ExitCode::SUCCESS
    } else {
        super::problem()
    })
}

fn plan_report<'a>(library: &'a Library, state: &ReadinessState, file: &str) -> Result<Report<'a>> {
    let (path, text, context_pack) = if Path::new(file).exists() {
        let text = std::fs::read_to_string(file).with_context(|| format!("reading {file}"))?;
        (PathBuf::from(file), text, None)
    } else {
        let (path, text, pack) = super::agenda::find_template(library, file)?;
        (path, text, Some(pack))
    };
    let plan = load_plan(&path, &text).map_err(|problems| anyhow::anyhow!("{problems}"))?;
    let missing = plan.missing_cards(library, context_pack.as_deref());
    for problem in &missing {
        eprintln!("{}", line(&problem.to_string()));
    }
    let prep = prep_list(library, state, &plan.sessions(), context_pack.as_deref());
    Ok(Report {
        title: Some(plan.title().to_string()),
        cards: prep.cards,
        before_you_go: Some(prep.before_you_go),
        missing: missing.len(),
    })
}

fn write_text(out: &mut dyn Write, report: &Report<'_>, readiness: Readiness) -> Result<()> {
    if let Some(title) = &report.title {
        writeln!(out, "{} — {readiness}", line(title))?;
        if !report.cards.is_empty() {
            writeln!(out)?;
        }
    }
    for (index, card) in report.cards.iter().enumerate() {
        if index > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{}  {}  {}",
            line(&card.card.qualified_id()),
            card.readiness(),
            line(&card.card.card.title)
        )?;
        for entry in card.checklist.open() {
            writeln!(out, "  [ ] {}", line(&entry.label))?;
            for gap in &entry.gaps {
                writeln!(out, "      ! {}", line(&gap.to_string()))?;
            }
        }
        for entry in card.checklist.entries.iter().filter(|e| e.done) {
            for gap in &entry.gaps {
                let name = match entry.id {
                    ItemId::Default(item) => item.name(),
                    _ => "item",
                };
                writeln!(out, "  ! {name} is ticked, but {}", line(&gap.to_string()))?;
            }
        }
        for gap in &card.checklist.card_gaps {
            writeln!(out, "  ! {}", line(&gap.to_string()))?;
        }
    }
    if let Some(items) = report
        .before_you_go
        .as_ref()
        .filter(|items| !items.is_empty())
    {
        writeln!(out, "\nBefore you go")?;
        for item in items {
            let tick = if item.done { "[x]" } else { "[ ]" };
            writeln!(
                out,
                "  {tick} {}  ({})",
                line(&item.text),
                line(&item.cards.join(", "))
            )?;
        }
    }
    Ok(())
}

/// `1 card`, `3 cards`.
pub(super) fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

#[derive(serde::Serialize)]
struct JsonReport<'a> {
    title: Option<&'a str>,
    readiness: Readiness,
    text: String,
    cards: Vec<JsonCard<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    before_you_go: Option<&'a [BeforeYouGo]>,
}

#[derive(serde::Serialize)]
struct JsonCard<'a> {
    id: String,
    title: &'a str,
    path: String,
    source: &'a CardSource,
    readiness: Readiness,
    text: String,
    items: Vec<JsonItem>,
    gaps: Vec<JsonGap>,
}

#[derive(serde::Serialize)]
struct JsonItem {
    /// `default`, `own` or `requires`.
    kind: &'static str,
    /// The tick as stored in a `ready` list: `show-it`, `requires: <text>`, or for a pack
    /// card's own item `checklist: <text>`; none for an own card's own item (`done` flag).
    key: Option<String>,
    label: String,
    done: bool,
    gaps: Vec<JsonGap>,
}

#[derive(serde::Serialize)]
struct JsonGap {
    kind: &'static str,
    message: String,
}

impl<'a> JsonReport<'a> {
    fn of(report: &'a Report<'a>, readiness: Readiness) -> Self {
        JsonReport {
            title: report.title.as_deref(),
            readiness,
            text: readiness.to_string(),
            cards: report.cards.iter().map(JsonCard::of).collect(),
            before_you_go: report.before_you_go.as_deref(),
        }
    }
}

impl<'a> JsonCard<'a> {
    fn of(card: &'a CardReadiness<'a>) -> Self {
        let library_card = card.card;
        JsonCard {
            id: library_card.qualified_id(),
            title: &library_card.card.title,
            path: library_card.path.display().to_string(),
            source: &library_card.source,
            readiness: card.readiness(),
            text: card.readiness().to_string(),
            items: card
                .checklist
                .entries
                .iter()
                .map(|entry| JsonItem::of(card, entry))
                .collect(),
            gaps: card.checklist.card_gaps.iter().map(JsonGap::of).collect(),
        }
    }
}

impl JsonItem {
    fn of(card: &CardReadiness<'_>, entry: &Entry) -> Self {
        JsonItem {
            kind: match entry.id {
                ItemId::Default(_) => "default",
                ItemId::Own(_) => "own",
                ItemId::Requires(_) => "requires",
            },
            key: match entry.id {
                ItemId::Own(_) if card.card.is_own() => None,
                id => tick_key(&card.card.card, id),
            },
            label: entry.label.clone(),
            done: entry.done,
            gaps: entry.gaps.iter().map(JsonGap::of).collect(),
        }
    }
}

impl JsonGap {
    fn of(gap: &Gap) -> Self {
        JsonGap {
            kind: gap.kind(),
            message: gap.to_string(),
        }
    }
}
