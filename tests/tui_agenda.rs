//! The agenda builder and run mode: screens at 80x24 and 40x12, edits that change the
//! timetable, saving that keeps the user's comments, refusing to overwrite a file changed on
//! disk, exporting, and run-mode ticks crossing 20 % and 5 %.

mod tui_common;

use std::fs;
use std::path::PathBuf;

use ratatui::backend::TestBackend;
use skillbook::tui::action::Action;
use skillbook::tui::app::{App, Screen};
use skillbook::tui::keymap::Keymap;
use skillbook::tui::runtime::Tui;
use skillbook::tui::theme::Theme;
use skillbook::tui::views::agenda_builder::AgendaBuilder;
use tui_common::{load, temp_library, text_of, tui_of};

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

/// The fixture's agenda with the user's own comments and layout.
const HAND_WRITTEN: &str = r#"# Agreed with Erik on the phone
title = "Visit at Hansen & Co"
date = 2026-12-03
start = "09:00"
slot = 60   # he has an hour

# He asked for this one
[[items]]
card    = "pivot-chart-slicers"
note = "Use his sales export"

[[items]]
title   = "His questions"   # keep it open
minutes = 15
"#;

/// Keys from the start to the agenda in the Agendas source, opened.
const OPEN: &str = "<shift-tab>jj<tab><enter>";

fn builder_tui(width: u16, height: u16) -> (tempfile::TempDir, PathBuf, Tui<TestBackend>) {
    let (dir, root) = temp_library();
    let file = root.join("agendas/visit-hansen.toml");
    fs::write(&file, HAND_WRITTEN).unwrap();
    let mut theme = Theme::builtin("dark").unwrap();
    theme.color = true;
    let app = App::new(load(&root), Keymap::defaults(), theme, width, height);
    let mut tui = tui_of(app);
    tui.type_keys(OPEN).unwrap();
    (dir, file, tui)
}

fn builder(tui: &Tui<TestBackend>) -> &AgendaBuilder {
    match tui.app.screens.last() {
        Some(Screen::Builder(builder)) => builder,
        other => panic!("no builder on top: {other:?}"),
    }
}

/// The timetable as "HH:MM-HH:MM title" lines.
fn times(tui: &Tui<TestBackend>) -> Vec<String> {
    let builder = builder(tui);
    let timed = builder.timed(&tui.app.library);
    timed
        .timetable
        .rows
        .iter()
        .map(|row| {
            let title = row.item.map_or_else(
                || "gap".to_string(),
                |i| AgendaBuilder::item_title(&tui.app.library, &builder.agenda.items[i]),
            );
            format!(
                "{}-{} {title}",
                row.start.format("%H:%M"),
                row.end.format("%H:%M")
            )
        })
        .collect()
}

#[test]
fn the_builder_at_both_sizes() {
    for (width, height) in SIZES {
        let (_dir, _file, mut tui) = builder_tui(width, height);
        insta::assert_snapshot!(format!("builder_{width}x{height}"), text_of(&tui));
        // Over the slot: said in words as well as in style.
        tui.type_keys("++++++++").unwrap();
        insta::assert_snapshot!(format!("builder_overrun_{width}x{height}"), text_of(&tui));
    }
}

#[test]
fn edits_change_the_timetable() {
    let (_dir, _file, mut tui) = builder_tui(80, 24);
    assert_eq!(
        times(&tui),
        [
            "09:00-09:20 Build a pivot chart the director can filter himself",
            "09:20-09:35 His questions"
        ]
    );
    // A card from the picker, after the selected item.
    tui.type_keys("akloft<enter>").unwrap();
    assert_eq!(
        times(&tui)[1],
        "09:20-09:50 Kløften i regnearket: find fejlen"
    );
    // A break after it, then moved up two places.
    tui.type_keys("bKK").unwrap();
    assert_eq!(times(&tui)[0], "09:00-09:10 Break");
    // Five minutes more, and a typed length.
    tui.type_keys("+").unwrap();
    assert_eq!(times(&tui)[0], "09:00-09:15 Break");
    tui.type_keys("j<shift-down>t1:00<enter>").unwrap();
    assert_eq!(
        times(&tui)[1..],
        [
            "09:15-09:45 Kløften i regnearket: find fejlen",
            "09:45-10:45 Build a pivot chart the director can filter himself",
            "10:45-11:00 His questions",
        ]
    );
    // A pin leaves a gap, shown, not fixed.
    tui.type_keys("jp11:30<enter>").unwrap();
    assert_eq!(
        times(&tui)[3..],
        ["10:45-11:30 gap", "11:30-11:45 His questions"]
    );
    assert!(
        text_of(&tui).contains("gap 45 min before"),
        "{}",
        text_of(&tui)
    );
    // A pin before the clock overlaps, also shown.
    tui.type_keys("p<ctrl-u>10:30<enter>").unwrap();
    assert!(
        text_of(&tui).contains("overlaps 15 min"),
        "{}",
        text_of(&tui)
    );
    // Removing an item closes up the rest.
    tui.type_keys("p<ctrl-u><enter>kx").unwrap();
    assert_eq!(times(&tui).len(), 3);
    assert!(builder(&tui).dirty);
    assert!(text_of(&tui).contains("unsaved"));
}

#[test]
fn saving_keeps_comments_and_changes_only_what_changed() {
    let (_dir, file, mut tui) = builder_tui(80, 24);
    tui.type_keys("j+<ctrl-s>").unwrap();
    let saved = fs::read_to_string(&file).unwrap();
    let changed: Vec<(&str, &str)> = HAND_WRITTEN
        .lines()
        .zip(saved.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed, [("minutes = 15", "minutes = 20")], "{saved}");
    assert_eq!(HAND_WRITTEN.lines().count(), saved.lines().count());
    assert!(!builder(&tui).dirty);
    assert!(text_of(&tui).contains("Saved"));
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten() {
    let (_dir, file, mut tui) = builder_tui(80, 24);
    fs::write(&file, format!("{HAND_WRITTEN}\n# edited elsewhere\n")).unwrap();
    tui.type_keys("b<ctrl-s>").unwrap();
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .contains("edited elsewhere")
    );
    assert!(
        text_of(&tui).contains("changed on disk"),
        "{}",
        text_of(&tui)
    );
    assert!(builder(&tui).dirty);
}

#[test]
fn leaving_with_unsaved_changes_asks() {
    let (_dir, file, mut tui) = builder_tui(80, 24);
    tui.type_keys("b<esc>").unwrap();
    assert!(text_of(&tui).contains("Unsaved changes"));
    tui.type_keys("<esc>").unwrap();
    assert!(builder(&tui).dirty);
    tui.type_keys("<esc>x").unwrap();
    assert!(tui.app.screens.is_empty());
    assert_eq!(fs::read_to_string(&file).unwrap(), HAND_WRITTEN);
    // Saving from the question saves, then leaves.
    tui.type_keys("<enter>b<esc><ctrl-s>").unwrap();
    assert!(tui.app.screens.is_empty());
    assert!(fs::read_to_string(&file).unwrap().contains("break = 10"));
}

#[test]
fn export_writes_every_format_and_says_where() {
    let (_dir, file, mut tui) = builder_tui(80, 24);
    // The export window (#7) starts on "All of them" in Markdown.
    tui.type_keys("X").unwrap();
    assert!(
        text_of(&tui).contains("Participant handout"),
        "{}",
        text_of(&tui)
    );
    tui.type_keys("<enter>").unwrap();
    let exports = file
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("exports/visit-hansen");
    for name in [
        "visit-card.md",
        "handout.md",
        "run-sheet.md",
        "calendar.ics",
        "mail.txt",
    ] {
        assert!(exports.join(name).is_file(), "{name}");
    }
    let screen = text_of(&tui);
    assert!(
        screen.contains("exports/visit-hansen/handout.md"),
        "{screen}"
    );
    // One document in HTML.
    tui.type_keys("<esc>Xkkkk<right><enter>").unwrap();
    assert!(exports.join("handout.html").is_file());
    assert!(!exports.join("visit-card.html").is_file());
    assert!(text_of(&tui).contains("Exported 1 files to exports/visit-hansen"));
}

#[test]
fn run_mode_ticks_cross_twenty_and_five_percent() {
    for (width, height) in SIZES {
        let (_dir, _file, mut tui) = builder_tui(width, height);
        tui.type_keys("R").unwrap();
        let tick = |tui: &mut Tui<TestBackend>, seconds: u64| {
            let effects = tui.app.update(Action::Tick(seconds));
            tui.run_effects(effects);
            tui.draw().unwrap();
        };
        tick(&mut tui, 100);
        insta::assert_snapshot!(format!("run_{width}x{height}"), text_of(&tui));
        // The first item is 20 minutes: 20 % left after 16, 5 % after 19.
        tick(&mut tui, 100 + 16 * 60);
        assert!(
            text_of(&tui).contains("WARNING 20 % left"),
            "{}",
            text_of(&tui)
        );
        tick(&mut tui, 100 + 19 * 60);
        assert!(
            text_of(&tui).contains("ALARM 5 % left"),
            "{}",
            text_of(&tui)
        );
        insta::assert_snapshot!(format!("run_alarm_{width}x{height}"), text_of(&tui));
        tick(&mut tui, 100 + 22 * 60);
        assert!(text_of(&tui).contains("TIME UP"));
        assert!(
            text_of(&tui).contains("2 min behind plan"),
            "{}",
            text_of(&tui)
        );
        // n skips, + adds five minutes, p pauses.
        tui.type_keys("n").unwrap();
        assert!(text_of(&tui).contains("His questions"));
        tui.type_keys("p").unwrap();
        assert!(text_of(&tui).contains("PAUSED"));
        tui.type_keys("<esc>").unwrap();
        assert!(matches!(tui.app.screens.last(), Some(Screen::Builder(_))));
    }
}

#[test]
fn a_new_agenda_from_a_template_or_blank_opens_in_the_builder() {
    let (_dir, root) = temp_library();
    // With the bundled packs: their templates are what `N` offers.
    let library = skillbook::library::load(&root);
    let app = App::new(library, Keymap::defaults(), Theme::default(), 80, 24);
    let mut tui = tui_of(app);
    tui.type_keys("N").unwrap();
    insta::assert_snapshot!("new_agenda_80x24", text_of(&tui));
    // The fixture's own excel-charts pack (installed, no templates) hides the bundled one:
    // the window says so instead of making something else.
    tui.type_keys("Visit at Berg<enter>").unwrap();
    assert!(
        text_of(&tui).contains("has no template"),
        "{}",
        text_of(&tui)
    );
    tui.type_keys("<down><enter>").unwrap();
    let file = root.join("agendas/visit-at-berg.toml");
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.contains("title = \"Visit at Berg\""), "{text}");
    assert!(text.contains("slot = 30"), "{text}");
    assert!(text.contains("card = \"linkedin-b2b/"), "{text}");
    assert_eq!(builder(&tui).path, file);
    assert!(text_of(&tui).contains("Agenda: Visit at Berg"));
    // Blank, and a title that is taken is refused with the reason.
    tui.type_keys("<esc>N<down><down>Visit at Berg<enter>")
        .unwrap();
    assert!(
        text_of(&tui).contains("already exists"),
        "{}",
        text_of(&tui)
    );
    tui.type_keys("<ctrl-u>Coffee with Ida<enter>").unwrap();
    let blank = fs::read_to_string(root.join("agendas/coffee-with-ida.toml")).unwrap();
    assert!(blank.contains("slot = 60"), "{blank}");
    assert!(
        text_of(&tui).contains("Agenda: Coffee with Ida"),
        "{}",
        text_of(&tui)
    );
}
