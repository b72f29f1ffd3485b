//! The offer: a short, personal draft for an invitation or a LinkedIn note, made from the
//! cards that are ready. It says what I can show you, in how long, and what you will be able
//! to do afterwards, in English or Danish, as plain text ready to paste.
//!
//! Both variants list each card's title (with its minutes) and up to two outcomes per card.
//! The LinkedIn note is never longer than [`LINKEDIN_LIMIT`] characters: it drops outcomes
//! (down to one per card), then cards from the end, and only if a single card is still too
//! long cuts at a word boundary. The invitation is not limited.

use std::fmt;
use std::str::FromStr;

use crate::card::SkillCard;
use crate::duration::Minutes;

/// The most characters a LinkedIn note may have.
pub const LINKEDIN_LIMIT: usize = 1300;

/// Outcomes shown per card before any trimming: the offer stays short.
const MAX_OUTCOMES: usize = 2;

/// The languages offers are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Danish.
    Da,
}

impl Lang {
    /// The language of a BCP 47 tag (`en`, `en-GB`, `da-DK`), if offers can be written in it.
    pub fn of_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "da" => Some(Lang::Da),
            _ => None,
        }
    }

    /// The tag: `en` or `da`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Da => "da",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Lang::of_tag(text).ok_or_else(|| format!("offers are written in en or da, not {text:?}"))
    }
}

/// Which draft to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferKind {
    /// An invitation for a mail: greeting, the offer, a question, a closing.
    Invitation,
    /// A LinkedIn note of at most [`LINKEDIN_LIMIT`] characters.
    LinkedIn,
}

/// What the offer says about one card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferCard {
    /// The card's title: what it teaches.
    pub title: String,
    /// The tool it is about (`Excel`), named in the LinkedIn note.
    pub tool: Option<String>,
    /// How long it takes; the offer adds these up.
    pub duration: Option<Minutes>,
    /// What they can do afterwards.
    pub outcomes: Vec<String>,
    /// The card's language tag, which decides the offer's language by majority.
    pub lang: Option<String>,
}

impl OfferCard {
    /// The parts of a card an offer uses.
    pub fn of(card: &SkillCard) -> Self {
        OfferCard {
            title: card.title.trim().to_string(),
            tool: card.tool.clone().filter(|tool| !tool.trim().is_empty()),
            duration: card.duration,
            outcomes: card
                .outcomes
                .iter()
                .map(|outcome| outcome.trim().to_string())
                .filter(|outcome| !outcome.is_empty())
                .collect(),
            lang: card.lang.clone(),
        }
    }
}

impl OfferCard {
    /// The card's text made safe to show or print (control and escape sequences made
    /// visible), done before the draft is measured so the limit holds for what is shown.
    pub fn made_safe(self) -> OfferCard {
        use crate::safe_text::sanitize_line;
        OfferCard {
            title: sanitize_line(&self.title).into_owned(),
            tool: self.tool.map(|tool| sanitize_line(&tool).into_owned()),
            outcomes: self
                .outcomes
                .iter()
                .map(|outcome| sanitize_line(outcome).into_owned())
                .collect(),
            ..self
        }
    }
}

/// The language most of the cards are written in (English or Danish; on a tie the one of the
/// earlier card, English when no card says).
pub fn common_lang(cards: &[OfferCard]) -> Lang {
    let langs: Vec<Lang> = cards
        .iter()
        .filter_map(|card| card.lang.as_deref().and_then(Lang::of_tag))
        .collect();
    let count = |lang: Lang| langs.iter().filter(|l| **l == lang).count();
    let mut best = langs.first().copied().unwrap_or(Lang::En);
    for &lang in &langs {
        if count(lang) > count(best) {
            best = lang;
        }
    }
    best
}

/// A drafted offer and what was left out to keep it short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The draft, plain text ending in a newline.
    pub text: String,
    /// How many of the cards (from the first) the text offers.
    pub cards_used: usize,
    /// Outcomes of the offered cards left out to fit the LinkedIn limit (beyond the two per
    /// card every offer keeps at most).
    pub outcomes_dropped: usize,
}

/// Drafts an offer of `cards` in `lang`. Plain text, no trailing spaces, ending in a newline.
pub fn draft_offer(cards: &[OfferCard], kind: OfferKind, lang: Lang) -> Draft {
    let mut shown: Vec<usize> = cards
        .iter()
        .map(|card| card.outcomes.len().min(MAX_OUTCOMES))
        .collect();
    let mut used = cards.len();
    loop {
        let text = render(&cards[..used], &shown[..used], kind, lang);
        let fits = kind == OfferKind::Invitation || text.chars().count() <= LINKEDIN_LIMIT;
        let dropped = cards[..used]
            .iter()
            .zip(&shown)
            .map(|(card, shown)| card.outcomes.len().min(MAX_OUTCOMES) - shown)
            .sum();
        let draft = |text| Draft {
            text,
            cards_used: used,
            outcomes_dropped: dropped,
        };
        if fits {
            return draft(text);
        }
        if let Some(index) = (0..used).rev().find(|&i| shown[i] > 1) {
            shown[index] -= 1;
        } else if used > 1 {
            used -= 1;
        } else if shown.first().is_some_and(|&n| n > 0) {
            shown[0] = 0;
        } else {
            return draft(cut_at_word(&text, LINKEDIN_LIMIT));
        }
    }
}

/// The words each language needs.
struct Words {
    greeting: &'static str,
    intro: &'static str,
    with_time: &'static str,
    without_time: &'static str,
    afterwards: &'static str,
    close: &'static str,
    sign_off: &'static str,
    note_intro: &'static str,
    note_any_tool: &'static str,
    note_afterwards: &'static str,
    note_with_time: &'static str,
    note_without_time: &'static str,
    and: &'static str,
}

const ENGLISH: Words = Words {
    greeting: "Hi,",
    intro: "I would like to offer you a short, hands-on session with a few things I know well \
            and that can save you time in your daily work.",
    with_time: "In about {time} we can go through:",
    without_time: "We can go through:",
    afterwards: "Afterwards you will be able to:",
    close: "We work on your own computer, with your own numbers and customers, and you keep a \
            short guide for afterwards. Would a visit in the coming weeks suit you?",
    sign_off: "Best regards",
    note_intro: "I help people at small companies get more out of {tools}, and I would be glad \
                 to come by and show you, hands-on and on your own computer:",
    note_any_tool: "the tools they already use",
    note_afterwards: "Afterwards you can:",
    note_with_time: "It takes about {time}, and you keep a short guide. Would that be useful \
                     to you?",
    note_without_time: "You keep a short guide afterwards. Would that be useful to you?",
    and: "and",
};

const DANISH: Words = Words {
    greeting: "Hej,",
    intro: "Jeg vil gerne tilbyde dig en kort, praktisk gennemgang af nogle ting, jeg er god \
            til, og som kan spare dig tid i hverdagen.",
    with_time: "På cirka {time} kan vi nå:",
    without_time: "Vi kan gennemgå:",
    afterwards: "Bagefter kan du:",
    close: "Vi arbejder på din egen computer med jeres egne tal og kunder, og du får en kort \
            vejledning, du kan bruge bagefter. Passer det dig med et besøg i de kommende uger?",
    sign_off: "Venlig hilsen",
    note_intro: "Jeg hjælper folk i mindre virksomheder med at få mere ud af {tools}, og jeg \
                 kommer gerne forbi og viser dig det i praksis, på din egen computer:",
    note_any_tool: "de værktøjer, de allerede bruger",
    note_afterwards: "Bagefter kan du:",
    note_with_time: "Det tager cirka {time}, og du får en kort vejledning med. Kunne det være \
                     nyttigt for dig?",
    note_without_time: "Du får en kort vejledning med bagefter. Kunne det være nyttigt for dig?",
    and: "og",
};

fn render(cards: &[OfferCard], shown: &[usize], kind: OfferKind, lang: Lang) -> String {
    let words = match lang {
        Lang::En => &ENGLISH,
        Lang::Da => &DANISH,
    };
    let total = total_minutes(cards).map(|minutes| long_duration(minutes, lang));
    let titles: Vec<String> = cards
        .iter()
        .map(|card| match card.duration {
            Some(minutes) => format!("- {} ({})", card.title, short_duration(minutes, lang)),
            None => format!("- {}", card.title),
        })
        .collect();
    let outcomes: Vec<String> = cards
        .iter()
        .zip(shown)
        .flat_map(|(card, &n)| card.outcomes.iter().take(n))
        .map(|outcome| format!("- {outcome}"))
        .collect();
    let mut parts: Vec<String> = vec![words.greeting.to_string()];
    let afterwards = match kind {
        OfferKind::Invitation => {
            let lead = match &total {
                Some(time) => words.with_time.replace("{time}", time),
                None => words.without_time.to_string(),
            };
            parts.push(format!("{} {lead}", words.intro));
            words.afterwards
        }
        OfferKind::LinkedIn => {
            let tools = join(&tools(cards), words.and);
            let tools = if tools.is_empty() {
                words.note_any_tool.to_string()
            } else {
                tools
            };
            parts.push(words.note_intro.replace("{tools}", &tools));
            words.note_afterwards
        }
    };
    parts.push(titles.join("\n"));
    if !outcomes.is_empty() {
        parts.push(format!("{afterwards}\n{}", outcomes.join("\n")));
    }
    match kind {
        OfferKind::Invitation => {
            parts.push(words.close.to_string());
            parts.push(words.sign_off.to_string());
        }
        OfferKind::LinkedIn => parts.push(match &total {
            Some(time) => words.note_with_time.replace("{time}", time),
            None => words.note_without_time.to_string(),
        }),
    }
    let mut text = parts.join("\n\n");
    text.push('\n');
    text
}

/// The cards' minutes together, when every card has a duration.
fn total_minutes(cards: &[OfferCard]) -> Option<Minutes> {
    let minutes: Option<Vec<u32>> = cards
        .iter()
        .map(|card| card.duration.map(Minutes::get))
        .collect();
    minutes
        .filter(|m| !m.is_empty())
        .map(|m| Minutes(m.iter().sum()))
}

/// The cards' tools, each once, in order. "Mentoring" (the craft packs' tool) is how the mentor
/// works, not software the other person gets more out of, so it is left out of the sentence.
fn tools(cards: &[OfferCard]) -> Vec<String> {
    let mut tools: Vec<String> = Vec::new();
    for tool in cards.iter().filter_map(|card| card.tool.as_deref()) {
        let tool = tool.trim();
        if tool.eq_ignore_ascii_case("mentoring") {
            continue;
        }
        if !tools.iter().any(|t| t.eq_ignore_ascii_case(tool)) {
            tools.push(tool.to_string());
        }
    }
    tools
}

/// `A`, `A and B`, `A, B and C`.
fn join(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// `20 min`, `1 h 30 min`; in Danish `20 min.`, `1 t. 30 min.`.
fn short_duration(minutes: Minutes, lang: Lang) -> String {
    match lang {
        Lang::En => minutes.to_string(),
        Lang::Da => match (minutes.get() / 60, minutes.get() % 60) {
            (0, m) => format!("{m} min."),
            (h, 0) => format!("{h} t."),
            (h, m) => format!("{h} t. {m} min."),
        },
    }
}

/// `45 minutes`, `1 hour and 30 minutes`; in Danish `45 minutter`, `1 time og 30 minutter`.
fn long_duration(minutes: Minutes, lang: Lang) -> String {
    let (hours, rest) = (minutes.get() / 60, minutes.get() % 60);
    let (hour, hours_word, minute, minutes_word, and) = match lang {
        Lang::En => ("hour", "hours", "minute", "minutes", "and"),
        Lang::Da => ("time", "timer", "minut", "minutter", "og"),
    };
    let part = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (hours, rest) {
        (0, m) => part(m, minute, minutes_word),
        (h, 0) => part(h, hour, hours_word),
        (h, m) => format!(
            "{} {and} {}",
            part(h, hour, hours_word),
            part(m, minute, minutes_word)
        ),
    }
}

/// `text` cut to at most `limit` characters at a word boundary, ending in `…`.
fn cut_at_word(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let prefix: String = text.chars().take(limit.saturating_sub(1)).collect();
    let next_is_space = text
        .chars()
        .nth(limit.saturating_sub(1))
        .is_some_and(char::is_whitespace);
    let kept = if next_is_space {
        prefix.as_str()
    } else {
        prefix
            .rfind(char::is_whitespace)
            .map_or("", |at| &prefix[..at])
    };
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_never_split_a_word() {
        assert_eq!(cut_at_word("one two three", 9), "one two…");
        assert_eq!(cut_at_word("one two three", 8), "one two…");
        assert_eq!(cut_at_word("one two", 20), "one two");
        assert_eq!(cut_at_word("unbreakable", 5), "…");
    }
}
