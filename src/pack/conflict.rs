//! Merge conflicts left by a pack update: the `<id>.conflict.md` files [`super::merge`] writes
//! beside a forked card when the user and the pack changed the same lines.
//!
//! A conflict file is not a card: loading keeps it apart (so it is never reported as a broken
//! card or a duplicate id) and reports it as a merge conflict to resolve. Resolving takes one
//! side of every conflicting place (the rest of the merge is kept as merged), saves the card with
//! the checked, atomic save, and only then removes the conflict file.

use std::fs;
use std::path::{Path, PathBuf};

use crate::card::parse_card;
use crate::error::{Diagnostic, Error, Position};
use crate::store::{Fingerprint, save_checked};

/// The comment line the merge puts in a conflict's front matter; a resolution drops it.
const COMMENT: &str = "# Merge conflict: ";

/// A conflict file in the user's `cards/`, as loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeConflict {
    /// The `.conflict.md` (or `.conflict-N.md`) file.
    pub path: PathBuf,
    /// The user's card it belongs to: `<stem>.md` beside it.
    pub card_path: PathBuf,
    /// The pack and version the conflict is with, from the closing marker; `None` when the
    /// file no longer says.
    pub pack: Option<String>,
    pub version: Option<String>,
    /// The first conflict marker, where the user should look.
    pub position: Position,
    /// The conflict file's text and fingerprint, for showing and for the checked removal.
    pub text: String,
    pub fingerprint: Fingerprint,
}

impl MergeConflict {
    /// Reads a conflict file's text.
    pub fn parse(path: &Path, bytes: &[u8]) -> MergeConflict {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let card_path = card_path_of(path).unwrap_or_else(|| path.to_path_buf());
        let mut conflict = MergeConflict {
            path: path.to_path_buf(),
            card_path,
            pack: None,
            version: None,
            position: Position::START,
            text: String::new(),
            fingerprint: Fingerprint::of(bytes),
        };
        if let Some(markers) = Markers::find(&text) {
            let mut offset = 0;
            for line in text.split_inclusive('\n') {
                let content = line.trim_end_matches(['\n', '\r']);
                if content.starts_with(&markers.open) && conflict.position == Position::START {
                    conflict.position = Position::of_offset(&text, offset);
                }
                if let Some(label) = content.strip_prefix(&markers.close) {
                    let mut words = label.split_whitespace();
                    conflict.pack = words.next().map(str::to_string);
                    conflict.version = words.next().map(str::to_string);
                    break;
                }
                offset += line.len();
            }
        }
        conflict.text = text;
        conflict
    }

    /// What `check` and `list` say about it.
    pub fn diagnostic(&self) -> Diagnostic {
        let with = match (&self.pack, &self.version) {
            (Some(pack), Some(version)) => format!("{pack} {version}"),
            (Some(pack), None) => pack.clone(),
            _ => "its pack".to_string(),
        };
        Diagnostic::new(
            &self.path,
            self.position,
            format!("merge conflict with {with}: resolve, then delete the .conflict.md"),
        )
    }

    /// The conflict's parts, for showing them side by side.
    pub fn segments(&self) -> Vec<Segment> {
        segments(&self.text)
    }
}

/// The card a conflict file belongs to: `pivot.conflict.md` and `pivot.conflict-2.md` belong
/// to `pivot.md`. `None` for any other name.
pub fn card_path_of(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(".md")?;
    let (card, suffix) = stem.rsplit_once(".conflict")?;
    let numbered = suffix
        .strip_prefix('-')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    (!card.is_empty() && (suffix.is_empty() || numbered))
        .then(|| path.with_file_name(format!("{card}.md")))
}

/// Whether `path` is a conflict file rather than a card.
pub fn is_conflict_file(path: &Path) -> bool {
    card_path_of(path).is_some()
}

/// The marker lines of a conflict text; their length is whatever the merge chose (at least
/// seven), read from the first opening marker.
struct Markers {
    open: String,
    middle: String,
    close: String,
}

impl Markers {
    fn find(text: &str) -> Option<Markers> {
        let length = text.lines().find_map(|line| {
            let count = line.chars().take_while(|&c| c == '<').count();
            (count >= 7 && line[count..].starts_with(' ')).then_some(count)
        })?;
        Some(Markers {
            open: format!("{} ", "<".repeat(length)),
            middle: "=".repeat(length),
            close: format!("{} ", ">".repeat(length)),
        })
    }
}

/// A part of a conflict text: merged lines, or a place where both sides changed the same lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Same(String),
    Both { mine: String, upstream: String },
}

/// Splits a conflict text into merged parts and conflicts. An unclosed conflict (a file edited
/// by hand) keeps what it has as merged text, so nothing in it is dropped.
pub fn segments(text: &str) -> Vec<Segment> {
    let Some(markers) = Markers::find(text) else {
        return vec![Segment::Same(text.to_string())];
    };
    let mut out = Vec::new();
    let mut same = String::new();
    // The marker lines of the conflict being read, kept so an unclosed one is not lost.
    let mut current: Option<(String, String, Option<String>)> = None;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        match &mut current {
            None if content.starts_with(&markers.open) => {
                current = Some((line.to_string(), String::new(), None));
            }
            None => same.push_str(line),
            Some((raw, _, upstream @ None)) if content == markers.middle => {
                raw.push_str(line);
                *upstream = Some(String::new());
            }
            Some((raw, mine, None)) => {
                raw.push_str(line);
                mine.push_str(line);
            }
            Some((raw, _, Some(upstream))) => {
                if content.starts_with(&markers.close) {
                    if let Some((_, mine, Some(upstream))) = current.take() {
                        if !same.is_empty() {
                            out.push(Segment::Same(std::mem::take(&mut same)));
                        }
                        out.push(Segment::Both { mine, upstream });
                    }
                } else {
                    raw.push_str(line);
                    upstream.push_str(line);
                }
            }
        }
    }
    if let Some((raw, _, _)) = current {
        same.push_str(&raw);
    }
    if !same.is_empty() {
        out.push(Segment::Same(same));
    }
    out
}

/// Whether `line` is the comment the merge puts in a conflict's front matter (a resolution
/// drops it; the conflict pane leaves it out).
pub fn is_merge_comment(line: &str) -> bool {
    line.starts_with(COMMENT)
}

/// Which side a resolution takes at every conflicting place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Mine,
    Upstream,
}

/// The resolved card text: every conflict takes `side`, merged parts stay, and the merge's
/// comment line goes.
pub fn resolved_text(text: &str, side: Side) -> String {
    let mut out = String::with_capacity(text.len());
    for segment in segments(text) {
        match (segment, side) {
            (Segment::Same(part), _) => out.push_str(&part),
            (Segment::Both { mine, .. }, Side::Mine) => out.push_str(&mine),
            (Segment::Both { upstream, .. }, Side::Upstream) => out.push_str(&upstream),
        }
    }
    out.split_inclusive('\n')
        .filter(|line| !is_merge_comment(line))
        .collect()
}

/// Resolves `conflict` by taking `side`: saves the card over the version with `card_expected`
/// (refusing when it changed on disk; `None` when the card is gone and is written anew), then
/// removes the conflict file unless it changed since it
/// was read. Returns a line saying what was done.
pub fn resolve(
    conflict: &MergeConflict,
    card_expected: Option<Fingerprint>,
    side: Side,
) -> Result<String, Error> {
    let text = resolved_text(&conflict.text, side);
    if let Err(problems) = parse_card(&conflict.card_path, text.as_bytes()) {
        return Err(Error::Refused {
            path: conflict.path.clone(),
            message: format!(
                "the resolved card would not parse ({problems}); edit the .conflict.md by hand"
            ),
        });
    }
    save_checked(&conflict.card_path, card_expected, text.as_bytes())?;
    let name = conflict
        .card_path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let kept = match side {
        Side::Mine => "kept your text",
        Side::Upstream => "took the pack's text",
    };
    match fs::read(&conflict.path) {
        Ok(bytes) if Fingerprint::of(&bytes) == conflict.fingerprint => {
            fs::remove_file(&conflict.path).map_err(|e| Error::io(&conflict.path, e))?;
            Ok(format!(
                "Resolved {name}: {kept} where both changed; the conflict file is removed."
            ))
        }
        Ok(_) => Ok(format!(
            "Resolved {name}: {kept} where both changed. The conflict file changed meanwhile and is kept: delete it when done."
        )),
        Err(_) => Ok(format!("Resolved {name}: {kept} where both changed.")),
    }
}

#[cfg(test)]
mod tests;
