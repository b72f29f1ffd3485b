//! The seven default checklist items every card has: what makes a mentor's knowledge concrete.
//! Each has a stable key (stored in `ready = [...]`), a label shown in the checklist and the
//! question the guided "make it concrete" step asks.

use std::fmt;
use std::str::FromStr;

/// One of the default checklist items, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DefaultItem {
    /// In one sentence, what they can do afterwards.
    Outcome,
    /// An example from their business, their data, their customers.
    TheirWorld,
    /// A demo of five minutes or less, rehearsed.
    ShowIt,
    /// A hands-on task they do themselves, on their own machine.
    TryIt,
    /// The two or three mistakes beginners make.
    Pitfalls,
    /// A cheat sheet or link for afterwards.
    LeaveBehind,
    /// The duration is set and fits.
    Timing,
}

impl DefaultItem {
    /// Every default item, in checklist order.
    pub const ALL: [DefaultItem; 7] = [
        DefaultItem::Outcome,
        DefaultItem::TheirWorld,
        DefaultItem::ShowIt,
        DefaultItem::TryIt,
        DefaultItem::Pitfalls,
        DefaultItem::LeaveBehind,
        DefaultItem::Timing,
    ];

    /// The key stored in a card's `ready` list when the item is ticked.
    pub fn key(self) -> &'static str {
        match self {
            DefaultItem::Outcome => "outcome",
            DefaultItem::TheirWorld => "their-world",
            DefaultItem::ShowIt => "show-it",
            DefaultItem::TryIt => "try-it",
            DefaultItem::Pitfalls => "pitfalls",
            DefaultItem::LeaveBehind => "leave-behind",
            DefaultItem::Timing => "timing",
        }
    }

    /// The label shown in the checklist.
    pub fn label(self) -> &'static str {
        match self {
            DefaultItem::Outcome => "Outcome — in one sentence, what they can do afterwards.",
            DefaultItem::TheirWorld => {
                "Their world — an example from their business, their data, their customers."
            }
            DefaultItem::ShowIt => "Show it — a demo of five minutes or less, rehearsed.",
            DefaultItem::TryIt => {
                "Try it — a hands-on task they do themselves, on their own machine."
            }
            DefaultItem::Pitfalls => "Pitfalls — the two or three mistakes beginners make.",
            DefaultItem::LeaveBehind => "Leave behind — a cheat sheet or link for afterwards.",
            DefaultItem::Timing => "Timing — the duration is set and fits.",
        }
    }

    /// The short name before the dash of the label (`Show it`).
    pub fn name(self) -> &'static str {
        let label = self.label();
        label.split(" — ").next().unwrap_or(label)
    }

    /// The question behind the item, asked by the guided "make it concrete" step.
    pub fn question(self) -> &'static str {
        match self {
            DefaultItem::Outcome => "In one sentence: what will they be able to do afterwards?",
            DefaultItem::TheirWorld => "Which of their own numbers or customers will you use?",
            DefaultItem::ShowIt => "Write the demo as numbered steps of five minutes or less",
            DefaultItem::TryIt => "What will they do themselves, on their own machine?",
            DefaultItem::Pitfalls => "Which two or three mistakes do beginners make?",
            DefaultItem::LeaveBehind => "What will you leave behind?",
            DefaultItem::Timing => "How long does it take? (20, 1:30, 1h30, 45m)",
        }
    }

    /// The body section the item's content lives in, if it has one.
    pub fn section(self) -> Option<&'static str> {
        match self {
            DefaultItem::TheirWorld => Some("Why it matters"),
            DefaultItem::ShowIt => Some("Show it"),
            DefaultItem::TryIt => Some("Try it"),
            DefaultItem::Pitfalls => Some("Pitfalls"),
            DefaultItem::LeaveBehind => Some("Leave behind"),
            DefaultItem::Outcome | DefaultItem::Timing => None,
        }
    }
}

impl fmt::Display for DefaultItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for DefaultItem {
    type Err = ();

    /// Reads a key (`show-it`), ignoring case and surrounding space.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        DefaultItem::ALL
            .into_iter()
            .find(|item| item.key().eq_ignore_ascii_case(text))
            .ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_and_names_are_the_label_start() {
        for item in DefaultItem::ALL {
            assert_eq!(item.key().parse(), Ok(item));
            assert!(item.label().starts_with(item.name()));
            assert!(!item.name().contains('—'));
        }
        assert_eq!(" Show-It ".parse(), Ok(DefaultItem::ShowIt));
        assert_eq!("demo".parse::<DefaultItem>(), Err(()));
        assert_eq!(DefaultItem::LeaveBehind.name(), "Leave behind");
    }
}
