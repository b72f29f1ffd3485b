use super::*;

fn items() -> Vec<RunItem> {
    vec![
        RunItem {
            title: "Pivot charts".into(),
            card: Some("pivot".into()),
            planned_start: 0,
            seconds: 600,
        },
        RunItem {
            title: "Break".into(),
            card: None,
            planned_start: 600,
            seconds: 300,
        },
    ]
}

#[test]
fn ticks_cross_twenty_and_five_percent_then_end() {
    let mut run = Run::new(items(), false);
    assert_eq!(run.start(), vec![RunEvent::Started { index: 0, at: 0 }]);
    assert!(run.tick(1000).is_empty());
    assert!(run.tick(1000 + 479).is_empty());
    assert_eq!(run.level(), Level::Normal);
    assert_eq!(
        run.tick(1000 + 480),
        vec![RunEvent::Warning {
            index: 0,
            left: 120,
            at: 480
        }]
    );
    assert_eq!(run.level(), Level::Warning);
    assert_eq!(
        run.tick(1000 + 570),
        vec![RunEvent::Alarm {
            index: 0,
            left: 30,
            at: 570
        }]
    );
    assert_eq!(run.level(), Level::Alarm);
    assert_eq!(
        run.tick(1000 + 600),
        vec![RunEvent::Ended { index: 0, at: 600 }]
    );
    // Without auto-advance the item stays on and the plan falls behind.
    assert_eq!(
        run.tick(1000 + 720),
        vec![RunEvent::Pace { behind_minutes: 2 }]
    );
    assert_eq!(run.left(), -120);
    assert_eq!(run.level(), Level::Over);
    let skipped = run.skip();
    assert_eq!(skipped, vec![RunEvent::Started { index: 1, at: 720 }]);
    assert_eq!(run.behind(), 120);
}

#[test]
fn auto_advance_carries_over_and_finishes() {
    let mut run = Run::new(items(), true);
    run.start();
    run.tick(0);
    let events = run.tick(1000);
    assert!(events.contains(&RunEvent::Started { index: 1, at: 600 }));
    assert!(events.ends_with(&[RunEvent::Finished { at: 900 }]));
    assert!(run.is_finished());
    assert_eq!(
        run.describe(&RunEvent::Finished { at: 900 }),
        "finished: on plan"
    );
}

#[test]
fn adding_five_minutes_and_pausing() {
    let mut run = Run::new(items(), false);
    run.tick(0);
    run.tick(500);
    assert_eq!(run.level(), Level::Warning);
    let events = run.add_five();
    assert_eq!(events[0], RunEvent::Extended { index: 0 });
    assert!(events.contains(&RunEvent::Pace { behind_minutes: 5 }));
    assert_eq!(run.level(), Level::Normal);
    run.toggle_pause();
    run.tick(5000);
    assert_eq!(run.elapsed(), 500);
    run.toggle_pause();
    run.tick(5100);
    assert_eq!(run.elapsed(), 600);
    // Skipping early puts the plan ahead.
    let events = run.skip();
    assert!(events.contains(&RunEvent::Started { index: 1, at: 600 }));
    assert!(events.contains(&RunEvent::Pace { behind_minutes: 0 }));
}

#[test]
fn describes_events_in_words() {
    let run = Run::new(items(), false);
    assert_eq!(
        run.describe(&RunEvent::Started { index: 0, at: 0 }),
        "start: Pivot charts (10 min). Next: Break"
    );
    assert_eq!(
        run.describe(&RunEvent::Warning {
            index: 0,
            left: 120,
            at: 480
        }),
        "warning: 20 % left of Pivot charts, 2 min left"
    );
    assert_eq!(pace_words(-3), "3 min ahead of plan");
}
