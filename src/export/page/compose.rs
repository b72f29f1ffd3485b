//! Which facts go on which document. The visit card is what both sides see at the table; the
//! handout is what the participant keeps; the run-sheet is everything the mentor needs, in the
//! order they need it: the timetable and what to pack, who and why, then item by item.

use super::shared::{clock, non_empty, timetable, weekdays, when, where_and_who};
use super::{Fact, Page, Part, Section, Tick};
use crate::export::Document;
use crate::export::facts::{CardFacts, PlanFacts, RowFacts, SessionFacts, What};
use crate::markdown::Block;
use crate::timing::Fit;

/// The page of `document` for a plan.
pub fn compose(facts: &PlanFacts, document: Document) -> Page {
    let kind = match document {
        Document::VisitCard => "Visit card",
        Document::Handout => "Handout",
        Document::RunSheet => "Run-sheet",
    };
    let session_sections = |session: &SessionFacts| match document {
        Document::VisitCard => visit_card(session),
        Document::Handout => handout(session),
        Document::RunSheet => run_sheet(session),
    };
    let (parts, sections) = match (&facts.course, facts.sessions.as_slice()) {
        (None, [session]) => {
            let (parts, sections) = session_sections(session);
            (parts, sections)
        }
        _ => {
            let sections = facts
                .sessions
                .iter()
                .map(|session| {
                    let (parts, children) = session_sections(session);
                    Section {
                        heading: session_heading(session),
                        parts,
                        children,
                        new_sheet: document != Document::Handout,
                    }
                })
                .collect();
            (course_parts(facts), sections)
        }
    };
    Page {
        document,
        kind,
        title: facts.title.clone(),
        parts,
        sections,
    }
}

/// `Session 2: Quieter notifications, faster answers`
fn session_heading(session: &SessionFacts) -> String {
    match session.number {
        Some(number) => format!("Session {number}: {}", session.agenda.title),
        None => session.agenda.title.clone(),
    }
}

fn course_parts(facts: &PlanFacts) -> Vec<Part> {
    let mut list = Vec::new();
    if let Some(course) = &facts.course {
        if let Some(audience) = non_empty(course.audience.as_deref()) {
            list.push(Fact::new("For", audience));
        }
        if let Some(place) = non_empty(course.place.as_deref()) {
            list.push(Fact::new("Where", place));
        }
        if let Some(rhythm) = course.rhythm {
            list.push(Fact::new(
                "When",
                format!(
                    "{} at {}, {} each",
                    weekdays(rhythm.weekday),
                    rhythm.start.format("%H:%M"),
                    rhythm.minutes
                ),
            ));
        }
    }
    let count = facts.sessions.len();
    list.push(Fact::new(
        "Sessions",
        if count == 1 {
            "1 session".to_string()
        } else {
            format!("{count} sessions")
        },
    ));
    vec![Part::Facts(list)]
}

fn visit_card(session: &SessionFacts) -> (Vec<Part>, Vec<Section>) {
    let mut facts = vec![Fact::new("When", when(session, false))];
    where_and_who(session, &mut facts, false);
    let mut sections = vec![goals(session)];
    sections.push(Section::new("Timetable").with(Part::Timetable(timetable(session, false))));
    sections.push(list_section("What I bring", &session.agenda.offer));
    sections.push(list_section(
        "What I would like to learn from you",
        &session.agenda.ask,
    ));
    (vec![Part::Facts(facts)], without_empty(sections))
}

fn handout(session: &SessionFacts) -> (Vec<Part>, Vec<Section>) {
    let mut facts = vec![Fact::new("When", when(session, false))];
    where_and_who(session, &mut facts, false);
    let mut sections = vec![goals(session)];
    for (index, card) in session.cards.iter().enumerate() {
        sections.push(handout_card(index + 1, card));
    }
    (vec![Part::Facts(facts)], without_empty(sections))
}

fn handout_card(number: usize, card: &CardFacts) -> Section {
    let mut section = Section::new(format!("{number}. {}", card.title()));
    let Some(content) = &card.content else {
        return section.with(Part::Warning(format!(
            "The card \"{}\" could not be found, so its material is not in this handout.",
            card.reference
        )));
    };
    if let Some(summary) = non_empty(content.summary.as_deref()) {
        section.parts.push(Part::Paragraph(summary.to_string()));
    }
    if !content.outcomes.is_empty() {
        section
            .parts
            .push(Part::Paragraph("Afterwards you can:".to_string()));
        section.parts.push(Part::Bullets(content.outcomes.clone()));
    }
    if let Some(blocks) = non_empty_blocks(content.try_it.as_ref()) {
        section
            .children
            .push(Section::new("Try it").with(Part::Blocks(blocks)));
    }
    let mut keep = Section::new("Leave behind");
    if let Some(blocks) = non_empty_blocks(content.leave_behind.as_ref()) {
        keep.parts.push(Part::Blocks(blocks));
    }
    if !content.more_links.is_empty() {
        keep.parts.push(Part::Links(content.more_links.clone()));
    }
    if !keep.is_empty() {
        section.children.push(keep);
    }
    section
}

fn run_sheet(session: &SessionFacts) -> (Vec<Part>, Vec<Section>) {
    let mut facts = vec![Fact::new("When", when(session, true))];
    where_and_who(session, &mut facts, true);
    let mut parts = vec![Part::Facts(facts)];
    for card in session.cards.iter().filter(|card| card.is_missing()) {
        parts.push(Part::Warning(format!(
            "The library has no card \"{}\": it is shown as missing below.",
            card.reference
        )));
    }
    if let (Some(Fit::Overrun(over)), Some(slot)) =
        (session.timetable.fit(), session.timetable.slot)
    {
        parts.push(Part::Warning(format!(
            "The plan runs {over} over the {slot} slot."
        )));
    }
    let agenda = &session.agenda;
    // The timetable is the spine of the visit; what to pack comes next, then the why.
    let mut sections =
        vec![Section::new("Timetable").with(Part::Timetable(timetable(session, true)))];
    if !session.before_you_go.is_empty() {
        let ticks = session
            .before_you_go
            .iter()
            .map(|requirement| Tick {
                text: requirement.text.clone(),
                // Which card needs it goes without saying for most things; a thing several
                // cards need says so, so it is not packed away after the first.
                remark: (requirement.cards.len() > 1)
                    .then(|| format!("for {}", requirement.cards.join("; "))),
            })
            .collect();
        sections.push(Section::new("Before you go").with(Part::Checklist(ticks)));
    }
    sections.push(goals(session));
    sections.push(list_section("What I bring", &agenda.offer));
    sections.push(list_section("What I want to learn", &agenda.ask));
    if let Some(about) = non_empty(agenda.about.as_deref()) {
        sections
            .push(Section::new("About the organisation").with(Part::Paragraph(about.to_string())));
    }
    let mut items = Section::new("Item by item");
    for row in &session.rows {
        if let Some(section) = run_sheet_item(session, row) {
            items.children.push(section);
        }
    }
    sections.push(items);
    (parts, without_empty(sections))
}

/// A card item with its steps and pitfalls, or a free item with a note; nothing for the rest.
fn run_sheet_item(session: &SessionFacts, row: &RowFacts) -> Option<Section> {
    let heading = |what: &str| format!("{} {what} ({})", clock(row.start), row.minutes);
    let mut section = match &row.what {
        What::Card { .. } => {
            let card = session.card_of(row)?;
            Section::new(heading(card.title()))
        }
        What::Free { title } if row.note.is_some() => Section::new(heading(title)),
        _ => return None,
    };
    if let Some(note) = non_empty(row.note.as_deref()) {
        section.parts.push(Part::Note(note.to_string()));
    }
    let Some(card) = session.card_of(row) else {
        return Some(section);
    };
    let Some(content) = &card.content else {
        section.parts.push(Part::Warning(format!(
            "The library has no card \"{}\": nothing to show here.",
            card.reference
        )));
        return Some(section);
    };
    if !content.outcomes.is_empty() {
        section
            .parts
            .push(Part::Paragraph("Afterwards they can:".to_string()));
        section.parts.push(Part::Bullets(content.outcomes.clone()));
    }
    for (heading, blocks) in [
        ("Show it", &content.show_it),
        ("Pitfalls", &content.pitfalls),
    ] {
        if let Some(blocks) = non_empty_blocks(blocks.as_ref()) {
            section
                .children
                .push(Section::new(heading).with(Part::Blocks(blocks)));
        }
    }
    Some(section)
}

/// The plan's goals, then the mentee's own in their words.
fn goals(session: &SessionFacts) -> Section {
    let agenda = &session.agenda;
    let mut section = Section::new("Goals");
    if !agenda.goals.is_empty() {
        section.parts.push(Part::Bullets(agenda.goals.clone()));
    }
    if let Some(mentee) = agenda.mentee.as_ref().filter(|m| !m.goals.is_empty()) {
        section
            .parts
            .push(Part::Paragraph(format!("{}'s own goals:", mentee.name)));
        section.parts.push(Part::Bullets(mentee.goals.clone()));
    }
    section
}

fn list_section(heading: &str, items: &[String]) -> Section {
    let section = Section::new(heading);
    if items.is_empty() {
        section
    } else {
        section.with(Part::Bullets(items.to_vec()))
    }
}

fn without_empty(sections: Vec<Section>) -> Vec<Section> {
    sections.into_iter().filter(|s| !s.is_empty()).collect()
}

fn non_empty_blocks(blocks: Option<&Vec<Block>>) -> Option<Vec<Block>> {
    blocks.filter(|blocks| !blocks.is_empty()).cloned()
}
