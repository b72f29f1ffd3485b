use std::path::Path;

use super::*;

const CONFLICT: &str = "+++\ntitle = \"Pivot\"\n# Merge conflict: keep what you want between the markers, then save this over pivot.md\n[origin]\npack = \"excel\"\ncard = \"pivot\"\nversion = \"2.0.0\"\n+++\n\n## Show it\n\n<<<<<<< yours (pivot.md)\nMy demo.\n=======\nTheir demo.\n>>>>>>> excel 2.0.0\n\n## Try it\n\nSame.\n";

#[test]
fn conflict_files_are_told_from_cards() {
    let cases = [
        ("cards/pivot.conflict.md", Some("cards/pivot.md")),
        ("cards/pivot.conflict-2.md", Some("cards/pivot.md")),
        ("cards/a.b.conflict.md", Some("cards/a.b.md")),
        ("cards/pivot.md", None),
        ("cards/.conflict.md", None),
        ("cards/pivot.conflict-.md", None),
        ("cards/pivot.conflict-x.md", None),
        ("cards/pivot.conflicts.md", None),
    ];
    for (path, card) in cases {
        assert_eq!(
            card_path_of(Path::new(path)),
            card.map(std::path::PathBuf::from),
            "{path}"
        );
    }
}

#[test]
fn a_conflict_names_its_pack_version_and_first_marker() {
    let conflict = MergeConflict::parse(Path::new("cards/pivot.conflict.md"), CONFLICT.as_bytes());
    assert_eq!(conflict.card_path, Path::new("cards/pivot.md"));
    assert_eq!(conflict.pack.as_deref(), Some("excel"));
    assert_eq!(conflict.version.as_deref(), Some("2.0.0"));
    assert_eq!(
        conflict.diagnostic().to_string(),
        "cards/pivot.conflict.md:12:1: merge conflict with excel 2.0.0: resolve, then delete the .conflict.md"
    );
}

#[test]
fn segments_split_merged_text_from_conflicts() {
    let parts = segments(CONFLICT);
    assert_eq!(parts.len(), 3);
    assert_eq!(
        parts[1],
        Segment::Both {
            mine: "My demo.\n".into(),
            upstream: "Their demo.\n".into()
        }
    );
    let whole: String = parts
        .iter()
        .map(|p| match p {
            Segment::Same(t) => t.as_str(),
            Segment::Both { .. } => "",
        })
        .collect();
    assert!(whole.ends_with("## Try it\n\nSame.\n"));
}

#[test]
fn an_unclosed_conflict_keeps_every_line() {
    let text = "a\n<<<<<<< yours (x.md)\nmine\n=======\ntheirs\n";
    assert_eq!(segments(text), vec![Segment::Same(text.into())]);
}

#[test]
fn resolutions_take_one_side_and_drop_the_comment() {
    let mine = resolved_text(CONFLICT, Side::Mine);
    assert!(mine.contains("My demo.\n") && !mine.contains("Their demo."));
    assert!(!mine.contains("<<<<") && !mine.contains("Merge conflict"));
    assert!(mine.contains("version = \"2.0.0\""));
    let upstream = resolved_text(CONFLICT, Side::Upstream);
    assert!(upstream.contains("Their demo.\n") && !upstream.contains("My demo."));
}

#[test]
fn resolving_saves_the_card_and_removes_the_conflict() {
    let folder = tempfile::tempdir().unwrap();
    let card = folder.path().join("pivot.md");
    let conflict_path = folder.path().join("pivot.conflict.md");
    std::fs::write(&card, "+++\ntitle = \"Pivot\"\n+++\nold\n").unwrap();
    std::fs::write(&conflict_path, CONFLICT).unwrap();
    let conflict = MergeConflict::parse(&conflict_path, CONFLICT.as_bytes());
    let expected = Fingerprint::of(&std::fs::read(&card).unwrap());
    let said = resolve(&conflict, Some(expected), Side::Upstream).unwrap();
    assert!(said.contains("the conflict file is removed"), "{said}");
    assert!(!conflict_path.exists());
    let saved = std::fs::read_to_string(&card).unwrap();
    assert!(saved.contains("Their demo.") && saved.contains("version = \"2.0.0\""));
}

#[test]
fn a_card_changed_on_disk_is_not_overwritten() {
    let folder = tempfile::tempdir().unwrap();
    let card = folder.path().join("pivot.md");
    let conflict_path = folder.path().join("pivot.conflict.md");
    std::fs::write(&card, "+++\ntitle = \"Pivot\"\n+++\nedited since\n").unwrap();
    std::fs::write(&conflict_path, CONFLICT).unwrap();
    let conflict = MergeConflict::parse(&conflict_path, CONFLICT.as_bytes());
    let error = resolve(&conflict, Some(Fingerprint::of(b"other")), Side::Mine).unwrap_err();
    assert!(error.to_string().contains("changed"), "{error}");
    assert!(conflict_path.exists());
    assert!(
        std::fs::read_to_string(&card)
            .unwrap()
            .contains("edited since")
    );
}

#[test]
fn a_resolution_that_would_not_parse_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let card = folder.path().join("pivot.md");
    let conflict_path = folder.path().join("pivot.conflict.md");
    std::fs::write(&card, "+++\ntitle = \"Pivot\"\n+++\n").unwrap();
    let text = "+++\n<<<<<<< yours (pivot.md)\ntitle = \"A\"\n=======\ntitle = [\n>>>>>>> excel 2.0.0\n+++\n";
    std::fs::write(&conflict_path, text).unwrap();
    let conflict = MergeConflict::parse(&conflict_path, text.as_bytes());
    let expected = Fingerprint::of(&std::fs::read(&card).unwrap());
    let error = resolve(&conflict, Some(expected), Side::Upstream).unwrap_err();
    assert!(error.to_string().contains("would not parse"), "{error}");
    assert!(conflict_path.exists());
}
