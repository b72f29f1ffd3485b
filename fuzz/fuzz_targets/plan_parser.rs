//! Any text as an agenda or course file: parsing never panics, timing a parsed plan never
//! panics, and every problem points inside the file.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use skillbook::plan::{Plan, load_plan};

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
        Err(problems) => {
            let lines = text.split('\n').count();
            for problem in &problems.0 {
                assert!(problem.position.line >= 1 && problem.position.line <= lines);
            }
        }
    }
});
