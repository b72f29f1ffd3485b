//! How ready a whole plan is: every card an agenda (or every session of a course) names,
//! counted once, its items ticked of its items in all (`12/30 ready`). The agenda builder's
//! header, the library's list of agendas and courses and the course planner all show this one
//! figure, so it is computed here and nowhere else.

use std::collections::HashSet;

use super::{Readiness, ReadinessState, card_checklist};
use crate::agenda::{Agenda, AgendaItem, CardRef};
use crate::course::Course;
use crate::library::Library;
use crate::plan::Plan;

/// The readiness of an agenda or a course: see [`agenda_readiness`] and [`course_readiness`].
pub fn plan_readiness(
    plan: &Plan,
    library: &Library,
    state: &ReadinessState,
    context_pack: Option<&str>,
) -> Readiness {
    match plan {
        Plan::Agenda(agenda) => agenda_readiness(agenda, library, state, context_pack),
        Plan::Course(course) => course_readiness(course, library, state, context_pack),
    }
}

/// The readiness of the cards an agenda names, each counted once however often it comes up.
/// Card references are looked up from `context_pack` first (a pack's templates); references
/// that name no card count for nothing (the plan's checks report them).
pub fn agenda_readiness(
    agenda: &Agenda,
    library: &Library,
    state: &ReadinessState,
    context_pack: Option<&str>,
) -> Readiness {
    cards_readiness(agenda.cards(), library, state, context_pack)
}

/// The readiness of the cards every session of a course names, each card counted once for
/// the whole course: a card taught twice is prepared once.
pub fn course_readiness(
    course: &Course,
    library: &Library,
    state: &ReadinessState,
    context_pack: Option<&str>,
) -> Readiness {
    let references = course
        .sessions
        .iter()
        .flat_map(|session| session.items.iter().filter_map(AgendaItem::card));
    cards_readiness(references, library, state, context_pack)
}

fn cards_readiness<'r>(
    references: impl Iterator<Item = &'r CardRef>,
    library: &Library,
    state: &ReadinessState,
    context_pack: Option<&str>,
) -> Readiness {
    let mut seen = HashSet::new();
    references
        .filter_map(|reference| library.find_index(reference.as_str(), context_pack))
        .filter(|&index| seen.insert(index))
        .filter_map(|index| library.cards.get(index))
        .map(|card| card_checklist(library, state, card).readiness())
        .sum()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::agenda::parse_agenda;
    use crate::course::parse_course;

    /// A library of two own cards in a temporary folder: `a` with one `requires` (8 items)
    /// and two ticks, `b` with none (7 items) and no ticks.
    fn library() -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().expect("temp dir");
        let cards = dir.path().join("cards");
        std::fs::create_dir_all(&cards).expect("cards folder");
        std::fs::write(
            cards.join("a.md"),
            "+++\ntitle = \"A\"\nrequires = [\"Excel 2021\"]\n\
             ready = [\"outcome\", \"requires: Excel 2021\"]\n+++\n",
        )
        .expect("card a");
        std::fs::write(cards.join("b.md"), "+++\ntitle = \"B\"\n+++\n").expect("card b");
        let library = crate::library::load(dir.path());
        (dir, library)
    }

    fn agenda(items: &[&str]) -> Agenda {
        let items: String = items
            .iter()
            .map(|card| format!("[[items]]\ncard = \"{card}\"\n"))
            .collect();
        parse_agenda(
            Path::new("visit.toml"),
            &format!("title = \"Visit\"\n{items}"),
        )
        .expect("agenda")
    }

    #[test]
    fn agendas_count_each_card_once_and_skip_missing_ones() {
        let (_dir, library) = library();
        let state = ReadinessState::empty("state.toml");
        let cases: [(&[&str], Readiness); 5] = [
            (&[], Readiness { done: 0, total: 0 }),
            (&["a"], Readiness { done: 2, total: 8 }),
            (&["b"], Readiness { done: 0, total: 7 }),
            (&["a", "b", "a"], Readiness { done: 2, total: 15 }),
            (&["nowhere", "b"], Readiness { done: 0, total: 7 }),
        ];
        for (items, expected) in cases {
            let agenda = agenda(items);
            assert_eq!(
                agenda_readiness(&agenda, &library, &state, None),
                expected,
                "{items:?}"
            );
            let plan = Plan::Agenda(agenda);
            assert_eq!(plan_readiness(&plan, &library, &state, None), expected);
        }
    }

    #[test]
    fn courses_count_a_card_taught_twice_once() {
        let (_dir, library) = library();
        let state = ReadinessState::empty("state.toml");
        let course = parse_course(
            Path::new("course.toml"),
            "title = \"After work\"\n\
             rhythm = { weekday = \"tuesday\", start = \"16:00\", minutes = 90 }\n\
             [[sessions]]\ntitle = \"One\"\n[[sessions.items]]\ncard = \"a\"\n\
             [[sessions]]\ntitle = \"Two\"\n[[sessions.items]]\ncard = \"b\"\n\
             [[sessions.items]]\ncard = \"a\"\n",
        )
        .expect("course");
        let expected = Readiness { done: 2, total: 15 };
        assert_eq!(course_readiness(&course, &library, &state, None), expected);
        let plan = Plan::Course(course);
        assert_eq!(plan_readiness(&plan, &library, &state, None), expected);
    }
}
