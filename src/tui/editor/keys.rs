//! Keys in the editor: moving between fields, the level picker, the prompts' answers, and
//! everything else handed to the focused text field (`ratatui-textarea` does the editing).
//!
//! Commands bound in the keymap (save, back, quit, help) never get here: the app runs them.

use ratatui_textarea::{CursorMove, Input, Key as TaKey};

use super::form::{FieldKey, step_level};
use super::{EditorOutcome, EditorPrompt, EditorScreen};
use crate::tui::event::{Key, KeyPress};

/// The textarea's input for one of our key presses.
fn input_of(key: KeyPress) -> Option<Input> {
    let ta_key = match key.key {
        Key::Char(c) => TaKey::Char(c),
        Key::Enter => TaKey::Enter,
        Key::Tab => TaKey::Tab,
        Key::Backspace => TaKey::Backspace,
        Key::Delete => TaKey::Delete,
        Key::Up => TaKey::Up,
        Key::Down => TaKey::Down,
        Key::Left => TaKey::Left,
        Key::Right => TaKey::Right,
        Key::Home => TaKey::Home,
        Key::End => TaKey::End,
        Key::PageUp => TaKey::PageUp,
        Key::PageDown => TaKey::PageDown,
        Key::Esc | Key::BackTab | Key::Insert | Key::F(_) => return None,
    };
    Some(Input {
        key: ta_key,
        ctrl: key.ctrl,
        alt: key.alt,
        shift: key.shift,
    })
}

impl EditorScreen {
    /// Reacts to a key the keymap left to the editor.
    pub fn key(&mut self, key: KeyPress) -> EditorOutcome {
        if let Some(prompt) = self.prompt.clone() {
            return self.answer(&prompt, key);
        }
        let last = self.fields.len();
        let plain = !key.ctrl && !key.alt;
        match key.key {
            Key::Tab if plain => {
                self.focus = (self.focus + 1) % (last + 1);
                return EditorOutcome::default();
            }
            Key::BackTab => {
                self.focus = (self.focus + last) % (last + 1);
                return EditorOutcome::default();
            }
            _ => {}
        }
        if let Some(field) = self.focused_field() {
            let list = field.is_list();
            let row = self.fields[self.focus].input.cursor().0;
            let rows = self.fields[self.focus].input.lines().len();
            match key.key {
                Key::Enter if plain && !list => {
                    self.focus += 1;
                    return EditorOutcome::default();
                }
                Key::Down if plain && (!list || row + 1 >= rows) => {
                    self.focus += 1;
                    return EditorOutcome::default();
                }
                Key::Up if plain && (!list || row == 0) => {
                    self.focus = self.focus.saturating_sub(1);
                    return EditorOutcome::default();
                }
                _ => {}
            }
            if field == FieldKey::Level {
                self.level_key(key);
                return EditorOutcome::default();
            }
        }
        let target = match self.fields.get_mut(self.focus) {
            Some(field) => &mut field.input,
            None => &mut self.body,
        };
        let changed = match (key.key, key.ctrl, key.alt) {
            (Key::Char('z'), true, false) => target.undo(),
            // The first and last character of the text, as in most editors.
            (Key::Home, true, false) => {
                target.move_cursor(CursorMove::Top);
                target.move_cursor(CursorMove::Head);
                false
            }
            (Key::End, true, false) => {
                target.move_cursor(CursorMove::Bottom);
                target.move_cursor(CursorMove::End);
                false
            }
            (Key::Char('w'), false, true) => {
                target.copy();
                false
            }
            _ => input_of(key).is_some_and(|input| target.input(input)),
        };
        if changed {
            self.refresh();
        }
        EditorOutcome::default()
    }

    /// The level picker: Left, Right and Space step; Backspace or Delete clears.
    fn level_key(&mut self, key: KeyPress) {
        let field = &mut self.fields[self.focus].input;
        let current = field.lines().join("");
        let next = match key.key {
            Key::Right | Key::Char(' ') => step_level(&current, true),
            Key::Left => step_level(&current, false),
            Key::Backspace | Key::Delete => "",
            _ => return,
        };
        *field = ratatui_textarea::TextArea::new(vec![next.to_string()]);
        self.refresh();
    }

    /// Leaving: with unsaved changes, ask first.
    pub fn leave(&mut self, quit: bool) -> EditorOutcome {
        if self.is_dirty() {
            self.prompt = Some(EditorPrompt::Leave { quit });
            return EditorOutcome::default();
        }
        EditorOutcome {
            effects: vec![self.forget_recovery()],
            close: true,
            quit,
        }
    }

    /// Saves (`ctrl-s`).
    pub fn request_save(&mut self) -> EditorOutcome {
        EditorOutcome {
            effects: vec![self.save()],
            ..EditorOutcome::default()
        }
    }

    fn answer(&mut self, prompt: &EditorPrompt, key: KeyPress) -> EditorOutcome {
        let letter = match key.key {
            Key::Char(c) if !key.ctrl && !key.alt => c.to_ascii_lowercase(),
            Key::Esc => 'c',
            _ => return EditorOutcome::default(),
        };
        match (prompt, letter) {
            (EditorPrompt::Leave { quit }, 's') => {
                self.prompt = None;
                self.after_save = Some(EditorOutcome {
                    effects: Vec::new(),
                    close: true,
                    quit: *quit,
                });
                self.request_save()
            }
            (EditorPrompt::Leave { quit }, 'd') => EditorOutcome {
                effects: vec![self.forget_recovery()],
                close: true,
                quit: *quit,
            },
            (
                EditorPrompt::Conflict {
                    fingerprint,
                    side_by_side,
                    ..
                },
                'k',
            ) => {
                if !side_by_side {
                    // "Keep mine" saves only after the other version was seen.
                    self.show_both();
                    return EditorOutcome::default();
                }
                self.prompt = None;
                self.expected = Some(*fingerprint);
                self.request_save()
            }
            (
                EditorPrompt::Conflict {
                    theirs,
                    fingerprint,
                    ..
                },
                't',
            ) => {
                let effects = match self.take_theirs(theirs, *fingerprint) {
                    Ok(()) => vec![self.forget_recovery()],
                    Err(_) => Vec::new(),
                };
                EditorOutcome {
                    effects,
                    ..EditorOutcome::default()
                }
            }
            (EditorPrompt::Conflict { .. }, 'b') => {
                self.show_both();
                EditorOutcome::default()
            }
            (_, 'c') => {
                self.prompt = None;
                self.after_save = None;
                EditorOutcome::default()
            }
            _ => EditorOutcome::default(),
        }
    }

    fn show_both(&mut self) {
        if let Some(EditorPrompt::Conflict { side_by_side, .. }) = &mut self.prompt {
            *side_by_side = true;
        }
    }
}
