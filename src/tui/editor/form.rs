//! The front matter as a form: one text field per value a mentor edits by hand, read back into
//! a [`SkillCard`] forgivingly. A value that does not read (a duration like `1x`, an empty
//! title) keeps the card's old value and says why beside the field, so a half-typed value never
//! loses the one that was there.

use ratatui_textarea::TextArea;

use crate::card::{Level, SkillCard};
use crate::duration::parse_minutes;

/// Which front-matter value a field edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKey {
    Title,
    Summary,
    Tool,
    /// Comma-separated on one line.
    Tags,
    /// A picker: Left, Right and Space step through the levels.
    Level,
    /// Typed forgivingly: `90`, `1:30`, `1h30`, `45m`.
    Duration,
    Lang,
    /// One item per line.
    Outcomes,
    /// One item per line.
    Requires,
}

impl FieldKey {
    /// The fields in the order the form shows them.
    pub const ALL: [FieldKey; 9] = [
        FieldKey::Title,
        FieldKey::Summary,
        FieldKey::Tool,
        FieldKey::Tags,
        FieldKey::Level,
        FieldKey::Duration,
        FieldKey::Lang,
        FieldKey::Outcomes,
        FieldKey::Requires,
    ];

    /// The label the form shows.
    pub fn label(self) -> &'static str {
        match self {
            FieldKey::Title => "Title",
            FieldKey::Summary => "Summary",
            FieldKey::Tool => "Tool",
            FieldKey::Tags => "Tags",
            FieldKey::Level => "Level",
            FieldKey::Duration => "Duration",
            FieldKey::Lang => "Lang",
            FieldKey::Outcomes => "Outcomes",
            FieldKey::Requires => "Requires",
        }
    }

    /// Whether the field holds a list, one item per line.
    pub fn is_list(self) -> bool {
        matches!(self, FieldKey::Outcomes | FieldKey::Requires)
    }
}

/// One field of the form.
#[derive(Debug, Clone)]
pub struct Field {
    pub key: FieldKey,
    pub input: TextArea<'static>,
}

/// The form's fields filled from a card.
pub fn fields_of(card: &SkillCard) -> Vec<Field> {
    FieldKey::ALL
        .into_iter()
        .map(|key| Field {
            key,
            input: TextArea::new(value_lines(card, key)),
        })
        .collect()
}

/// A field's text for a card, as lines.
fn value_lines(card: &SkillCard, key: FieldKey) -> Vec<String> {
    let one = |value: Option<&str>| vec![value.unwrap_or_default().to_string()];
    let list = |items: &[String]| {
        if items.is_empty() {
            vec![String::new()]
        } else {
            items.to_vec()
        }
    };
    match key {
        FieldKey::Title => vec![card.title.clone()],
        FieldKey::Summary => one(card.summary.as_deref()),
        FieldKey::Tool => one(card.tool.as_deref()),
        FieldKey::Tags => vec![card.tags.join(", ")],
        FieldKey::Level => one(card.level.map(Level::as_str)),
        FieldKey::Duration => vec![card.duration.map(|m| m.to_string()).unwrap_or_default()],
        FieldKey::Lang => one(card.lang.as_deref()),
        FieldKey::Outcomes => list(&card.outcomes),
        FieldKey::Requires => list(&card.requires),
    }
}

/// The next level after `current` (`forward`) or before it; empty goes to the first.
pub fn step_level(current: &str, forward: bool) -> &'static str {
    let levels = Level::ALL;
    let position = levels.iter().position(|l| l.as_str() == current.trim());
    let next = match (position, forward) {
        (None, true) => 0,
        (None, false) => levels.len() - 1,
        (Some(i), true) => (i + 1) % levels.len(),
        (Some(i), false) => (i + levels.len() - 1) % levels.len(),
    };
    levels[next].as_str()
}

/// A problem with one field's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub key: FieldKey,
    pub message: String,
}

/// The card the form and `body` describe, starting from `base` (so every value the form does
/// not show is kept), and the problems with values that could not be read.
pub fn card_from(base: &SkillCard, fields: &[Field], body: &str) -> (SkillCard, Vec<FieldProblem>) {
    let mut card = base.clone();
    let mut problems = Vec::new();
    for field in fields {
        let lines = field.input.lines();
        let line = lines.join(" ").trim().to_string();
        // An empty field keeps an empty value the file had (`summary = ""` stays a line to
        // fill in), and is no value otherwise.
        let optional = |text: &str, old: &Option<String>| match old {
            Some(old) if text.is_empty() && old.trim().is_empty() => Some(old.clone()),
            _ => (!text.is_empty()).then(|| text.to_string()),
        };
        let mut problem = |message: String| {
            problems.push(FieldProblem {
                key: field.key,
                message,
            });
        };
        match field.key {
            FieldKey::Title if line.is_empty() => problem("a card needs a title".into()),
            FieldKey::Title => card.title = line,
            FieldKey::Summary => card.summary = optional(&line, &base.summary),
            FieldKey::Tool => card.tool = optional(&line, &base.tool),
            FieldKey::Tags => {
                card.tags = line
                    .split(',')
                    .map(str::trim)
                    .filter(|tag| !tag.is_empty())
                    .map(str::to_string)
                    .collect();
            }
            FieldKey::Level if line.is_empty() => card.level = None,
            FieldKey::Level => match line.parse::<Level>() {
                Ok(level) => card.level = Some(level),
                Err(()) => problem("choose beginner, intermediate or advanced".into()),
            },
            FieldKey::Duration if line.is_empty() => card.duration = None,
            FieldKey::Duration => match parse_minutes(&line) {
                Ok(minutes) => card.duration = Some(minutes),
                Err(error) => problem(error.to_string()),
            },
            FieldKey::Lang => card.lang = optional(&line, &base.lang),
            FieldKey::Outcomes | FieldKey::Requires => {
                let items: Vec<String> = lines
                    .iter()
                    .map(|item| item.trim().to_string())
                    .filter(|item| !item.is_empty())
                    .collect();
                if field.key == FieldKey::Outcomes {
                    card.outcomes = items;
                } else {
                    card.requires = items;
                }
            }
        }
    }
    card.body = body.to_string();
    (card, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(fields: &mut [Field], key: FieldKey, lines: &[&str]) {
        let field = fields.iter_mut().find(|f| f.key == key).unwrap();
        field.input = TextArea::new(lines.iter().map(|l| l.to_string()).collect());
    }

    #[test]
    fn reads_values_back_forgivingly() {
        let mut base = SkillCard::new("pivot", "Pivot");
        base.author = Some("kept".into());
        let mut fields = fields_of(&base);
        set(&mut fields, FieldKey::Tags, &["excel,  charts ,"]);
        set(&mut fields, FieldKey::Duration, &["1h30"]);
        set(&mut fields, FieldKey::Outcomes, &["One", "", " Two "]);
        set(&mut fields, FieldKey::Level, &["Advanced"]);
        let (card, problems) = card_from(&base, &fields, "body\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(card.tags, ["excel", "charts"]);
        assert_eq!(card.duration.map(|m| m.get()), Some(90));
        assert_eq!(card.outcomes, ["One", "Two"]);
        assert_eq!(card.level, Some(Level::Advanced));
        assert_eq!(card.author.as_deref(), Some("kept"));
        assert_eq!(card.body, "body\n");
    }

    #[test]
    fn a_value_that_does_not_read_keeps_the_old_one() {
        let mut base = SkillCard::new("pivot", "Pivot");
        base.duration = Some(crate::duration::Minutes(20));
        let mut fields = fields_of(&base);
        set(&mut fields, FieldKey::Duration, &["soon"]);
        set(&mut fields, FieldKey::Title, &["  "]);
        let (card, problems) = card_from(&base, &fields, "");
        assert_eq!(card.duration.map(|m| m.get()), Some(20));
        assert_eq!(card.title, "Pivot");
        assert_eq!(problems.len(), 2);
    }

    #[test]
    fn levels_step_round() {
        assert_eq!(step_level("", true), "beginner");
        assert_eq!(step_level("advanced", true), "beginner");
        assert_eq!(step_level("beginner", false), "advanced");
    }
}
