//! Merging pack updates into the user's forked cards, three ways and line by line: the pack's
//! text of the version the fork started from (the origin), the user's file (mine) and the new
//! pack's text (upstream).
//!
//! Changes that do not touch the same lines combine, and the card is saved with
//! `origin.version` moved on. A real conflict never touches the user's file: the merge with
//! conflict markers is written beside it as `<id>.conflict.md`, and both sides are reported.

use std::path::{Path, PathBuf};

use diffy::{ConflictStyle, IncompleteHunkStyle, MergeOptions};

use super::fork::{keep_pristine, read_pristine};
use super::{PackManifest, Version};
use crate::card::{Origin, parse_card, render_card};
use crate::library::{CardSource, Library, LibraryCard};
use crate::store::{save_checked, write_atomic};

/// What happened to one forked card when its pack was updated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeOutcome {
    /// Merged cleanly and saved; `origin.version` now names the new version.
    Merged {
        path: PathBuf,
        from: String,
        to: String,
        /// Whether the pack changed this card between the two versions.
        upstream_changed: bool,
    },
    /// Both sides changed the same lines. The user's file is as it was; the merge with
    /// markers is in `conflict_path`.
    Conflict {
        path: PathBuf,
        conflict_path: PathBuf,
        hunks: Vec<ConflictHunk>,
        /// The version the conflict is with.
        to: String,
    },
    /// Not merged, and the user's file is as it was.
    Skipped { path: PathBuf, reason: String },
}

/// One place where both sides changed the same lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictHunk {
    pub mine: String,
    pub upstream: String,
}

/// The user's own cards forked from `pack`.
pub fn forks_of<'a>(library: &'a Library, pack: &'a str) -> impl Iterator<Item = &'a LibraryCard> {
    library.cards.iter().filter(move |card| {
        card.source == CardSource::Own
            && card
                .card
                .origin
                .as_ref()
                .is_some_and(|origin| origin.pack == pack)
    })
}

/// Merges the new version of `manifest`'s pack (its cards in `after`) into every fork of it in
/// `before` (the library as it was before the install).
pub fn merge_forks(
    before: &Library,
    after: &Library,
    root: &Path,
    manifest: &PackManifest,
) -> Vec<MergeOutcome> {
    let Some(new_version) = Version::parse(&manifest.version) else {
        return Vec::new();
    };
    let mut outcomes = Vec::new();
    for fork in forks_of(before, &manifest.name) {
        let Some(origin) = &fork.card.origin else {
            continue;
        };
        if Version::parse(&origin.version).as_ref() == Some(&new_version) {
            continue;
        }
        outcomes.push(merge_fork(before, after, root, manifest, fork, origin));
    }
    outcomes
}

fn merge_fork(
    before: &Library,
    after: &Library,
    root: &Path,
    manifest: &PackManifest,
    fork: &LibraryCard,
    origin: &Origin,
) -> MergeOutcome {
    let skipped = |reason: String| MergeOutcome::Skipped {
        path: fork.path.clone(),
        reason,
    };
    let upstream_source = CardSource::Pack {
        pack: manifest.name.clone(),
    };
    let Some(upstream) = after
        .cards_of(&upstream_source)
        .find(|card| card.card.id == origin.card)
    else {
        return skipped(format!(
            "{} {} no longer has the card {:?}; your copy is kept as it is",
            manifest.name, manifest.version, origin.card
        ));
    };
    let Some(base) = base_text(before, root, origin) else {
        return skipped(format!(
            "no copy of {}/{} version {} to merge from; compare it with `{}/{}` by hand",
            origin.pack, origin.card, origin.version, origin.pack, origin.card
        ));
    };
    let new_origin = Origin {
        version: manifest.version.clone(),
        ..origin.clone()
    };
    // The new pristine copy goes first: a conflict resolved later merges from it.
    if let Err(error) = keep_pristine(root, &new_origin, upstream.file.original_text()) {
        return skipped(format!("cannot keep the new version's copy: {error}"));
    }
    let mut bare = fork.card.clone();
    bare.origin = None;
    let mine = normalize(&render_card(&fork.file, &fork.card, &bare));
    let theirs = normalize(upstream.file.original_text());
    let base = normalize(&base);
    let marker = marker_length(&[&base, &mine, &theirs]);
    let mut options = MergeOptions::new();
    options
        .set_conflict_style(ConflictStyle::Merge)
        .set_incomplete_hunk_style(IncompleteHunkStyle::Git)
        .set_conflict_marker_length(marker);
    match options.merge(&base, &mine, &theirs) {
        Ok(merged) => save_merged(fork, &merged, &new_origin, base != theirs, &origin.version),
        Err(conflicted) => {
            let labelled = label_markers(&conflicted, marker, &fork.path, manifest);
            let hunks = conflict_hunks(&labelled, marker);
            let text = with_origin(&labelled, &new_origin, &fork.path);
            match write_conflict(&fork.path, &text) {
                Ok(conflict_path) => MergeOutcome::Conflict {
                    path: fork.path.clone(),
                    conflict_path,
                    hunks,
                    to: manifest.version.clone(),
                },
                Err(error) => skipped(format!(
                    "conflicts, and the conflict file cannot be written: {error}"
                )),
            }
        }
    }
}

/// The ancestor text: the pristine copy kept at fork time, or the card as the library had it
/// before the install when that was the origin's version (a bundled pack, say).
fn base_text(before: &Library, root: &Path, origin: &Origin) -> Option<String> {
    if let Some(text) = read_pristine(root, origin) {
        return Some(text);
    }
    let pack = before.pack(&origin.pack)?;
    if Version::parse(&pack.manifest.version) != Version::parse(&origin.version) {
        return None;
    }
    let source = CardSource::Pack {
        pack: origin.pack.clone(),
    };
    before
        .cards_of(&source)
        .find(|card| card.card.id == origin.card)
        .map(|card| card.file.original_text().to_string())
}

/// Saves a clean merge over the user's file, with the origin moved to the new version and the
/// file's own line endings and byte-order mark kept.
fn save_merged(
    fork: &LibraryCard,
    merged: &str,
    new_origin: &Origin,
    upstream_changed: bool,
    from: &str,
) -> MergeOutcome {
    let skipped = |reason: String| MergeOutcome::Skipped {
        path: fork.path.clone(),
        reason,
    };
    let (card, file) = match parse_card(&fork.path, merged.as_bytes()) {
        Ok(parsed) => parsed,
        Err(problems) => {
            return skipped(format!(
                "the merged card would not parse ({problems}); your file is unchanged"
            ));
        }
    };
    let mut updated = card.clone();
    updated.origin = Some(new_origin.clone());
    let mut text = render_card(&file, &card, &updated);
    if fork.file.crlf {
        text = text.replace('\n', "\r\n");
    }
    if fork.file.bom {
        text.insert(0, '\u{feff}');
    }
    match save_checked(&fork.path, Some(fork.fingerprint), text.as_bytes()) {
        Ok(_) => MergeOutcome::Merged {
            path: fork.path.clone(),
            from: from.to_string(),
            to: new_origin.version.clone(),
            upstream_changed,
        },
        Err(error) => skipped(error.to_string()),
    }
}

/// Text with any byte-order mark dropped and CRLF made LF, so line endings never conflict.
fn normalize(text: &str) -> String {
    text.strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n")
}

/// A marker length longer than any run of marker characters opening a line in the texts, so a
/// marker line can never be mistaken for card text.
fn marker_length(texts: &[&str]) -> usize {
    let longest = texts
        .iter()
        .flat_map(|text| text.lines())
        .map(|line| {
            ['<', '=', '>', '|']
                .iter()
                .map(|&c| line.chars().take_while(|&x| x == c).count())
                .max()
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(0);
    (longest + 1).max(7)
}

fn label_markers(text: &str, marker: usize, card_path: &Path, manifest: &PackManifest) -> String {
    let ours = format!("{} ours", "<".repeat(marker));
    let theirs = format!("{} theirs", ">".repeat(marker));
    let file_name = card_path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        let (content, ending) = match line.strip_suffix('\n') {
            Some(content) => (content, "\n"),
            None => (line, ""),
        };
        if content == ours {
            out.push_str(&format!(
                "{} yours ({file_name}){ending}",
                "<".repeat(marker)
            ));
        } else if content == theirs {
            out.push_str(&format!(
                "{} {} {}{ending}",
                ">".repeat(marker),
                manifest.name,
                manifest.version
            ));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// The two sides of every conflict in a labelled merge.
fn conflict_hunks(text: &str, marker: usize) -> Vec<ConflictHunk> {
    let open = format!("{} ", "<".repeat(marker));
    let middle = "=".repeat(marker);
    let close = format!("{} ", ">".repeat(marker));
    let mut hunks = Vec::new();
    let mut current: Option<(String, Option<String>)> = None;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        match &mut current {
            None if content.starts_with(&open) => current = Some((String::new(), None)),
            None => {}
            Some((_, upstream @ None)) if content == middle => *upstream = Some(String::new()),
            Some((mine, None)) => mine.push_str(line),
            Some((mine, Some(upstream))) => {
                if content.starts_with(&close) {
                    hunks.push(ConflictHunk {
                        mine: std::mem::take(mine),
                        upstream: std::mem::take(upstream),
                    });
                    current = None;
                } else {
                    upstream.push_str(line);
                }
            }
        }
    }
    hunks
}

/// The conflict text with `[origin]` naming the new version added before the closing `+++`, so
/// a resolved file saved over the card merges from the right version next time.
fn with_origin(text: &str, origin: &Origin, card_path: &Path) -> String {
    let file_name = card_path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let block = format!(
        "# Merge conflict: keep what you want between the markers, then save this over {file_name}\n[origin]\npack = {}\ncard = {}\nversion = {}\n",
        toml_edit::Value::from(origin.pack.as_str()),
        toml_edit::Value::from(origin.card.as_str()),
        toml_edit::Value::from(origin.version.as_str()),
    );
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        if index > 0 && line.trim_end() == "+++" {
            return format!("{}{block}{}", &text[..offset], &text[offset..]);
        }
        offset += line.len();
    }
    format!("{text}{block}")
}

/// Writes the conflict beside the card: `<stem>.conflict.md`, or the next free
/// `<stem>.conflict-N.md` when an earlier, different conflict is still there.
fn write_conflict(card_path: &Path, text: &str) -> crate::error::Result<PathBuf> {
    let stem = card_path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let folder = card_path.parent().unwrap_or(Path::new("."));
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{stem}.conflict.md")
        } else {
            format!("{stem}.conflict-{n}.md")
        };
        let path = folder.join(name);
        match std::fs::read_to_string(&path) {
            Ok(existing) if existing == text => return Ok(path),
            // Another conflict the user may be resolving: leave it, try the next name.
            Ok(_) => {}
            Err(_) if path.exists() => {}
            Err(_) => {
                write_atomic(&path, text.as_bytes())?;
                return Ok(path);
            }
        }
    }
    Err(crate::error::Error::Refused {
        path: card_path.to_path_buf(),
        message: "too many conflict files beside this card; resolve some first".into(),
    })
}

#[cfg(test)]
mod tests;
