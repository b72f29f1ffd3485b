//! Unit tests of the merge helpers; whole updates with forks are tested through the binary.

use std::path::Path;

use super::*;
use crate::card::parse_card;

const CARD: &str = "+++\ntitle = \"Pivot\"\nduration = 20\n\n[[checklist]]\nitem = \"Rehearsed\"\ndone = false\n+++\n\n## Why it matters\n\nCharts.\n\n## Try it\n\nMake one.\n";

fn options(marker: usize) -> MergeOptions {
    let mut options = MergeOptions::new();
    options
        .set_conflict_style(ConflictStyle::Merge)
        .set_incomplete_hunk_style(IncompleteHunkStyle::Git)
        .set_conflict_marker_length(marker);
    options
}

#[test]
fn adding_then_removing_the_origin_gives_back_the_pack_text() {
    // A fork is the pack's text plus [origin]; taking it out again must give the pack's text
    // byte for byte, or every merge would see a change at the end of the front matter.
    let (card, file) = parse_card(Path::new("pivot.md"), CARD.as_bytes()).unwrap();
    let mut forked = card.clone();
    forked.origin = Some(Origin {
        pack: "excel".into(),
        card: "pivot".into(),
        version: "1.0.0".into(),
    });
    let fork_text = render_card(&file, &card, &forked);
    assert!(fork_text.contains("[origin]"), "{fork_text}");
    let (card, file) = parse_card(Path::new("pivot.md"), fork_text.as_bytes()).unwrap();
    let mut bare = card.clone();
    bare.origin = None;
    assert_eq!(render_card(&file, &card, &bare), CARD);
}

#[test]
fn changes_on_different_lines_combine() {
    let mine = CARD.replace("Make one.", "Make one with their own sales data.");
    let theirs = CARD.replace("duration = 20", "duration = 25");
    let merged = options(7).merge(CARD, &mine, &theirs).unwrap();
    assert!(merged.contains("duration = 25"), "{merged}");
    assert!(merged.contains("their own sales data"), "{merged}");
}

#[test]
fn conflicts_are_labelled_and_split_into_both_sides() {
    let mine = CARD.replace("Charts.", "Charts the director reads.");
    let theirs = CARD.replace("Charts.", "Charts that tell a story.");
    let marker = marker_length(&[CARD, &mine, &theirs]);
    let conflicted = options(marker).merge(CARD, &mine, &theirs).unwrap_err();
    let manifest = PackManifest {
        name: "excel".into(),
        version: "1.1.0".into(),
        title: "Excel".into(),
        description: None,
        author: None,
        license: None,
        lang: None,
        homepage: None,
    };
    let labelled = label_markers(&conflicted, marker, Path::new("cards/pivot.md"), &manifest);
    assert!(
        labelled.contains("<<<<<<< yours (pivot.md)\n"),
        "{labelled}"
    );
    assert!(labelled.contains(">>>>>>> excel 1.1.0\n"), "{labelled}");
    let hunks = conflict_hunks(&labelled, marker);
    assert_eq!(
        hunks,
        [ConflictHunk {
            mine: "Charts the director reads.\n".into(),
            upstream: "Charts that tell a story.\n".into(),
        }]
    );
}

#[test]
fn markers_are_longer_than_anything_in_the_cards() {
    assert_eq!(marker_length(&["a\nb\n"]), 7);
    assert_eq!(marker_length(&["<<<<<<<<<< not a marker\n", "==\n"]), 11);
}

#[test]
fn the_conflict_file_names_the_new_origin_inside_the_front_matter() {
    let origin = Origin {
        pack: "excel".into(),
        card: "pivot".into(),
        version: "1.1.0".into(),
    };
    let text = with_origin(CARD, &origin, Path::new("cards/pivot.md"));
    let (card, _) = parse_card(Path::new("pivot.md"), text.as_bytes()).unwrap();
    assert_eq!(card.origin, Some(origin));
    assert!(text.contains("save this over pivot.md"), "{text}");
}

#[test]
fn line_endings_never_conflict() {
    assert_eq!(normalize("\u{feff}a\r\nb\r\n"), "a\nb\n");
}
