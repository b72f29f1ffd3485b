//! Any text as an agenda or course file: parsing never panics, timing a parsed plan never
//! panics, and every problem points inside the file. Every input also goes through both the
//! agenda and the course parser directly, so each is fuzzed whichever one `load_plan` picks.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use skillbook::agenda::parse_agenda;
use skillbook::course::parse_course;
use skillbook::error::Diagnostics;
use skillbook::plan::{Plan, load_plan};

/// Every problem's line lies inside the text.
fn assert_inside(text: &str, problems: &Diagnostics) {
    let lines = text.split('\n').count();
    for problem in &problems.0 {
        assert!(problem.position.line >= 1 && problem.position.line <= lines);
    }
}

fuzz_target!(|text: &str| {
    let path = Path::new("agendas/fuzz.toml");
    match load_plan(path, text) {
        Ok(plan) => {
            for session in plan.sessions() {
                let timetable = session.timetable(&|_| Some(skillbook::duration::Minutes(15)));
                assert!(timetable.end >= timetable.start);
            }
            if let Plan::Course(course) = &plan {
                for index in 0..course.sessions.len() {
                    let _ = course.bump(index);
                }
            }
        }
        Err(problems) => assert_inside(text, &problems),
    }
    if let Err(problems) = parse_agenda(path, text) {
        assert_inside(text, &problems);
    }
    match parse_course(Path::new("courses/fuzz.toml"), text) {
        Ok(course) => {
            let _ = course.fill_dates(None);
            for index in 0..course.sessions.len() {
                let _ = course.bump(index);
            }
        }
        Err(problems) => assert_inside(text, &problems),
    }
});
