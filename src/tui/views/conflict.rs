//! The merge conflict pane (#8): a conflict a pack update left beside a forked card, shown side
//! by side (mine | the pack's new text, or the pack's original text with `o`), with the two ways
//! out: keep mine or take upstream wherever both changed. The choice is written by the runtime
//! through the checked, atomic save; this module keeps the state and builds the rows.

mod render;
mod routing;

pub use render::render;
pub use routing::ConflictResolve;

use std::path::{Path, PathBuf};

use ratatui::layout::Rect;

use crate::library::Library;
use crate::pack::conflict::{MergeConflict, Segment, Side, is_merge_comment};
use crate::pack::fork::pristine_path;
use crate::tui::command::Command;
use crate::tui::views::preview::FileCache;
use crate::tui::widgets::scroll::ScrollState;

/// The conflict pane's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictScreen {
    /// The conflict file shown, looked up in `Library::conflicts` on every use (a reload may
    /// have resolved it meanwhile).
    pub path: PathBuf,
    pub scroll: ScrollState,
    /// Whether the right column shows the pack's original text instead of its new one.
    pub show_origin: bool,
}

/// What the pane asks of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictOutcome {
    Nothing,
    Close,
    /// Read the original text (it is not in the file cache yet).
    ReadOrigin,
    Resolve(Side),
}

/// What a row of the side-by-side view is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Merged text, the same on both sides.
    Same,
    /// The heading of a place where both changed.
    Heading,
    /// A line of a place where both changed.
    Conflict,
    /// The original text, beside mine (not aligned).
    Origin,
}

/// One row: the left and right text, before wrapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub left: String,
    pub right: String,
    pub kind: RowKind,
}

impl ConflictScreen {
    pub fn new(path: PathBuf) -> Self {
        ConflictScreen {
            path,
            scroll: ScrollState::default(),
            show_origin: false,
        }
    }

    /// The conflict shown, while the library still has it.
    pub fn conflict<'a>(&self, library: &'a Library) -> Option<&'a MergeConflict> {
        library.conflicts.iter().find(|c| c.path == self.path)
    }

    /// Reacts to a command; `page` is how many rows the view shows.
    pub fn update(
        &mut self,
        command: Command,
        library: &Library,
        files: &FileCache,
        main: Rect,
    ) -> ConflictOutcome {
        match command {
            Command::Back => ConflictOutcome::Close,
            Command::KeepMine => ConflictOutcome::Resolve(Side::Mine),
            Command::TakeUpstream => ConflictOutcome::Resolve(Side::Upstream),
            Command::ToggleOrigin => {
                self.show_origin = !self.show_origin;
                self.scroll = ScrollState::default();
                let wanted = origin_path(library, &self.path);
                match wanted {
                    Some(path) if self.show_origin && !files.contains_key(&path) => {
                        ConflictOutcome::ReadOrigin
                    }
                    _ => ConflictOutcome::Nothing,
                }
            }
            _ => {
                let (total, page) = render::extent(self, library, files, main);
                self.scroll.apply(command, total, page);
                ConflictOutcome::Nothing
            }
        }
    }
}

/// Where the pack's original text of the conflicted card is kept: the pristine copy of the
/// version the user's card still names.
pub fn origin_path(library: &Library, conflict_path: &Path) -> Option<PathBuf> {
    let conflict = library.conflicts.iter().find(|c| c.path == conflict_path)?;
    let card = library
        .cards
        .iter()
        .find(|card| card.is_own() && card.path == conflict.card_path)?;
    pristine_path(&library.root, card.card.origin.as_ref()?)
}

/// The rows of the view: merged text on both sides, and each place where both changed with
/// mine on the left and upstream on the right; with `origin`, mine beside the original text.
pub fn rows(conflict: &MergeConflict, origin: Option<&str>) -> Vec<Row> {
    let segments = conflict.segments();
    let total = segments
        .iter()
        .filter(|s| matches!(s, Segment::Both { .. }))
        .count();
    if let Some(origin) = origin {
        let mine = crate::pack::conflict::resolved_text(&conflict.text, Side::Mine);
        let left: Vec<&str> = mine.lines().collect();
        let right: Vec<&str> = origin.lines().collect();
        return (0..left.len().max(right.len()))
            .map(|i| Row {
                left: left.get(i).copied().unwrap_or_default().to_string(),
                right: right.get(i).copied().unwrap_or_default().to_string(),
                kind: RowKind::Origin,
            })
            .collect();
    }
    let mut rows = Vec::new();
    let mut number = 0;
    for segment in segments {
        match segment {
            Segment::Same(text) => rows.extend(text.lines().filter(|l| !is_merge_comment(l)).map(
                |line| Row {
                    left: line.to_string(),
                    right: line.to_string(),
                    kind: RowKind::Same,
                },
            )),
            Segment::Both { mine, upstream } => {
                number += 1;
                rows.push(Row {
                    left: format!("both changed ({number} of {total}): yours"),
                    right: "the pack's".to_string(),
                    kind: RowKind::Heading,
                });
                let left: Vec<&str> = mine.lines().collect();
                let right: Vec<&str> = upstream.lines().collect();
                for i in 0..left.len().max(right.len()).max(1) {
                    rows.push(Row {
                        left: left.get(i).copied().unwrap_or_default().to_string(),
                        right: right.get(i).copied().unwrap_or_default().to_string(),
                        kind: RowKind::Conflict,
                    });
                }
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "+++\ntitle = \"P\"\n+++\nintro\n<<<<<<< yours (p.md)\nmine 1\nmine 2\n=======\ntheirs\n>>>>>>> demo 1.1.0\nend\n";

    #[test]
    fn rows_pair_each_side_of_a_conflict() {
        let conflict = MergeConflict::parse(Path::new("cards/p.conflict.md"), TEXT.as_bytes());
        let rows = rows(&conflict, None);
        let kinds: Vec<RowKind> = rows.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                RowKind::Same,
                RowKind::Same,
                RowKind::Same,
                RowKind::Same,
                RowKind::Heading,
                RowKind::Conflict,
                RowKind::Conflict,
                RowKind::Same
            ]
        );
        assert_eq!(
            (rows[5].left.as_str(), rows[5].right.as_str()),
            ("mine 1", "theirs")
        );
        assert_eq!(
            (rows[6].left.as_str(), rows[6].right.as_str()),
            ("mine 2", "")
        );
        assert!(rows[4].left.contains("1 of 1"));
    }

    #[test]
    fn the_origin_is_shown_beside_mine() {
        let conflict = MergeConflict::parse(Path::new("cards/p.conflict.md"), TEXT.as_bytes());
        let rows = rows(
            &conflict,
            Some("+++\ntitle = \"P\"\n+++\nintro\nold\nend\n"),
        );
        assert!(rows.iter().all(|r| r.kind == RowKind::Origin));
        assert_eq!(rows[4].left, "mine 1");
        assert_eq!(rows[4].right, "old");
    }
}
