//! The card editor's state: the front matter as a form, the Markdown body in a multi-line
//! editor (`ratatui-textarea`: cursor moves, selection, undo and redo, cut, copy and paste,
//! word wrap), and the would-be file text that every change recomputes.
//!
//! The would-be text is what a save writes, what the recovery file keeps every few seconds,
//! and what is checked by parsing it again, so a problem shows with its line and column while
//! the mentor types — and blocks nothing: the text can still be saved, and nothing is lost.

pub mod effects;
pub mod external;
pub mod fork_id;
pub mod form;
pub mod keys;
mod plans;

use std::path::{Path, PathBuf};

use ratatui_textarea::{TextArea, WrapMode};

use self::form::{Field, FieldKey, card_from, fields_of};
use super::effect::Effect;
use crate::card::{CardFile, SkillCard, parse_card, render_card};
use crate::safe_text::sanitize;
use crate::store::Fingerprint;

/// Ticks (about a second each) between two writes of the recovery file.
pub const RECOVERY_TICKS: u32 = 3;

/// The folder, inside the library, where unsaved edits are kept.
pub fn recovery_folder(root: &Path) -> PathBuf {
    root.join(".skillbook").join("recovery")
}

/// A question the editor is asking; it takes the keys until answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorPrompt {
    /// Leaving with unsaved changes: save, discard or cancel. `quit` when the app then quits.
    Leave { quit: bool },
    /// The file changed on disk since it was read: keep mine, take theirs, or see both.
    Conflict {
        theirs: String,
        fingerprint: Fingerprint,
        /// Both versions shown side by side.
        side_by_side: bool,
    },
}

/// What the editor asks of the app after a key.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct EditorOutcome {
    pub effects: Vec<Effect>,
    /// Close the editor.
    pub close: bool,
    /// Quit the app.
    pub quit: bool,
}

/// An open editor on one card file.
#[derive(Debug, Clone)]
pub struct EditorScreen {
    /// The card file this editor writes.
    pub path: PathBuf,
    /// Where the unsaved text is kept while editing.
    pub recovery: PathBuf,
    /// The file as last read or saved, which saves change only what changed in.
    file: CardFile,
    original: SkillCard,
    /// The fingerprint of the file on disk as last read or saved; `None` when it does not exist.
    pub expected: Option<Fingerprint>,
    /// The file's text as last read or saved.
    saved_text: String,
    pub fields: Vec<Field>,
    pub body: TextArea<'static>,
    /// The focused field; `fields.len()` is the body.
    pub focus: usize,
    /// The would-be file text.
    pub text: String,
    /// Problems with the would-be text, each with its line and column where there is one.
    pub problems: Vec<String>,
    pub prompt: Option<EditorPrompt>,
    /// The last text written to the recovery file.
    recovered: Option<String>,
    ticks: u32,
    /// Close (and maybe quit) once the save in flight succeeds.
    pub after_save: Option<EditorOutcome>,
}

/// Why a card cannot be edited in the app.
pub fn cannot_edit(text: &str) -> Option<String> {
    // Text the terminal cannot show faithfully would be edited blind; the external editor
    // shows it as it is.
    if sanitize(text) != text || text.contains('\r') {
        return Some(
            "This card holds control characters or CR line endings, which the in-app editor \
             cannot show as they are. Edit it with the external editor (E)."
                .into(),
        );
    }
    None
}

impl EditorScreen {
    /// An editor on the card file at `path`, whose text on disk is `disk` (`None` when there
    /// is no file yet: then `start` is the text to begin from).
    pub fn open(
        path: PathBuf,
        root: &Path,
        disk: Option<(&str, Fingerprint)>,
        start: Option<&str>,
    ) -> Result<EditorScreen, String> {
        let base_text = disk.map(|(text, _)| text).or(start).unwrap_or_default();
        if let Some(reason) = cannot_edit(base_text) {
            return Err(reason);
        }
        let (original, file) = parse_card(&path, base_text.as_bytes()).map_err(|problems| {
            format!("{problems}\nFix it with the external editor (E), then edit it here.")
        })?;
        let stem = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| format!("{}.md", original.id));
        let mut editor = EditorScreen {
            recovery: recovery_folder(root).join(stem),
            path,
            fields: Vec::new(),
            body: TextArea::default(),
            file,
            expected: disk.map(|(_, fingerprint)| fingerprint),
            saved_text: if disk.is_some() {
                base_text.to_string()
            } else {
                String::new()
            },
            original,
            focus: 0,
            text: String::new(),
            problems: Vec::new(),
            prompt: None,
            recovered: None,
            ticks: 0,
            after_save: None,
        };
        editor.fill(&editor.original.clone());
        if let Some(start) = start.filter(|_| disk.is_some()) {
            editor.restore(start)?;
        }
        Ok(editor)
    }

    /// Puts a card's values into the form and the body.
    fn fill(&mut self, card: &SkillCard) {
        self.fields = fields_of(card);
        let lines: Vec<String> = card.body.split('\n').map(str::to_string).collect();
        self.body = TextArea::new(lines);
        self.body.set_wrap_mode(WrapMode::WordOrGlyph);
        self.refresh();
    }

    /// Fills the editor with `text` (a recovered or external version) over the file as read.
    pub fn restore(&mut self, text: &str) -> Result<(), String> {
        if let Some(reason) = cannot_edit(text) {
            return Err(reason);
        }
        let (card, _) = parse_card(&self.path, text.as_bytes()).map_err(|p| p.to_string())?;
        self.fill(&card);
        Ok(())
    }

    /// The card's id, for titles and messages.
    pub fn id(&self) -> &str {
        &self.original.id
    }

    /// Whether there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.text != self.saved_text
    }

    /// The body's text.
    pub fn body_text(&self) -> String {
        self.body.lines().join("\n")
    }

    /// Recomputes the would-be text and its problems after a change.
    pub fn refresh(&mut self) {
        let (card, field_problems) = card_from(&self.original, &self.fields, &self.body_text());
        self.text = render_card(&self.file, &self.original, &card);
        self.problems = field_problems
            .into_iter()
            .map(|problem| format!("{}: {}", problem.key.label(), problem.message))
            .collect();
        if let Err(diagnostics) = parse_card(&self.path, self.text.as_bytes()) {
            self.problems.extend(
                diagnostics
                    .0
                    .iter()
                    .map(|d| format!("{}: {}", d.position, d.message)),
            );
        }
    }

    /// The card the would-be text describes, when it reads (for the preview).
    pub fn would_be_card(&self) -> Option<SkillCard> {
        parse_card(&self.path, self.text.as_bytes())
            .ok()
            .map(|(card, _)| card)
    }

    /// The field with the focus, if a field (not the body) has it.
    pub fn focused_field(&self) -> Option<FieldKey> {
        self.fields.get(self.focus).map(|field| field.key)
    }

    /// The effect that saves the would-be text.
    pub fn save(&self) -> Effect {
        Effect::Editing(effects::EditEffect::Save {
            path: self.path.clone(),
            expected: self.expected,
            text: self.text.clone(),
            recovery: self.recovery.clone(),
        })
    }

    /// A save went through: the written text is now the file as read.
    pub fn saved(&mut self, text: &str, fingerprint: Fingerprint) {
        if let Ok((card, file)) = parse_card(&self.path, text.as_bytes()) {
            self.original = card;
            self.file = file;
        }
        self.saved_text = text.to_string();
        self.expected = Some(fingerprint);
        self.recovered = None;
        self.prompt = None;
        self.refresh();
    }

    /// Takes the version on disk: the editor starts again from it.
    pub fn take_theirs(&mut self, theirs: &str, fingerprint: Fingerprint) -> Result<(), String> {
        if let Some(reason) = cannot_edit(theirs) {
            return Err(reason);
        }
        let (card, file) = parse_card(&self.path, theirs.as_bytes()).map_err(|p| p.to_string())?;
        self.file = file;
        self.original = card.clone();
        self.saved_text = theirs.to_string();
        self.expected = Some(fingerprint);
        self.prompt = None;
        self.fill(&card);
        Ok(())
    }

    /// One tick of the clock: every few ticks, unsaved text goes to the recovery file.
    pub fn tick(&mut self) -> Option<Effect> {
        self.ticks += 1;
        if self.ticks < RECOVERY_TICKS {
            return None;
        }
        self.ticks = 0;
        self.keep_now()
    }

    /// The effect that writes the unsaved text to the recovery file, unless it is there
    /// already (or nothing is unsaved).
    pub fn keep_now(&mut self) -> Option<Effect> {
        if !self.is_dirty() || self.recovered.as_deref() == Some(self.text.as_str()) {
            return None;
        }
        self.recovered = Some(self.text.clone());
        Some(Effect::Editing(effects::EditEffect::WriteRecovery {
            path: self.recovery.clone(),
            text: self.text.clone(),
        }))
    }

    /// The effect that removes the recovery file (after a save or a discard).
    pub fn forget_recovery(&self) -> Effect {
        Effect::Editing(effects::EditEffect::RemoveRecovery {
            path: self.recovery.clone(),
        })
    }
}
