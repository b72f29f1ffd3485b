//! The app's side of editing cards: the editing commands (new card, edit, save), the editor's
//! keys and questions, the recovery clock, and the results of the editor's effects. Kept out of
//! `app.rs` so the app's core stays small; everything here is still pure `update` code.

use std::path::PathBuf;

use super::action::TextEdit;
use super::app::{App, Popup, Screen};
use super::command::{Command, Context};
use super::editor::effects::{EditEffect, EditResult, Known, Recovered, SaveOutcome};
use super::editor::external::describe_changes;
use super::editor::{EditorOutcome, EditorPrompt, EditorScreen};
use super::effect::Effect;
use super::event::{Key, KeyPress};
use super::views::ask::{AskPopup, AskPurpose};
use super::views::preview::Subject;
use crate::card::{CardTemplate, is_valid_id, new_card_text};

impl App {
    /// Runs an editing command, or returns `None` to leave it to the rest of the app.
    pub(crate) fn editing_command(&mut self, command: Command) -> Option<Vec<Effect>> {
        let context = self.context();
        if let Some(Popup::Ask(_)) = self.popups.last() {
            return match command {
                Command::Back => {
                    self.popups.pop();
                    Some(Vec::new())
                }
                Command::Quit => None,
                _ => Some(Vec::new()),
            };
        }
        if command == Command::Quit {
            // Quitting with unsaved changes asks first, in the editor that has them.
            let dirty = self.screens.iter().rposition(|screen| match screen {
                Screen::Editor(editor) => editor.is_dirty(),
                _ => false,
            })?;
            self.popups.clear();
            self.screens.truncate(dirty + 1);
            let outcome = self.top_editor()?.leave(true);
            return Some(self.editor_outcome(outcome));
        }
        if context == Context::Editor {
            let editor = self.top_editor()?;
            let outcome = match command {
                Command::Back if editor.prompt.is_some() => {
                    editor.prompt = None;
                    EditorOutcome::default()
                }
                Command::Back => editor.leave(false),
                Command::SaveCard if editor.prompt.is_none() => editor.request_save(),
                _ => return None,
            };
            return Some(self.editor_outcome(outcome));
        }
        match command {
            Command::NewCard if matches!(context, Context::Cards | Context::Preview) => {
                self.popups.push(Popup::Ask(AskPopup::new_card()));
                Some(Vec::new())
            }
            Command::EditCard
                if matches!(
                    context,
                    Context::Cards | Context::Preview | Context::CardView
                ) =>
            {
                Some(self.edit_selected())
            }
            Command::UndoDelete => Some(self.undo_delete()),
            Command::DuplicateCard
                if matches!(
                    context,
                    Context::Cards | Context::Preview | Context::CardView
                ) =>
            {
                Some(self.duplicate_selected())
            }
            Command::ExternalEdit
            | Command::ForkCard
            | Command::RenameCard
            | Command::DeleteCard
                if matches!(
                    context,
                    Context::Cards | Context::Preview | Context::CardView
                ) =>
            {
                Some(self.external_or_fork(command))
            }
            _ => None,
        }
    }

    /// The card the user is looking at: the full-screen card, or the selected one.
    fn current_card(&self) -> Option<usize> {
        let subject = match self.screens.last() {
            Some(Screen::Card(card)) => Some(card.subject.clone()),
            Some(_) => None,
            None => self.browser.subject(&self.library),
        };
        match subject {
            Some(Subject::Card(index)) if index < self.library.cards.len() => Some(index),
            _ => None,
        }
    }

    fn edit_selected(&mut self) -> Vec<Effect> {
        let Some(index) = self.current_card() else {
            self.show_message("Edit", "Select a card to edit it.");
            return Vec::new();
        };
        let card = &self.library.cards[index];
        if card.is_own() {
            return vec![Effect::Editing(EditEffect::Open {
                path: card.path.clone(),
                start: None,
            })];
        }
        let popup = AskPopup::fork_to_edit(card.qualified_id(), &card.card.title);
        self.popups.push(Popup::Ask(popup));
        Vec::new()
    }

    fn duplicate_selected(&mut self) -> Vec<Effect> {
        let Some(index) = self.current_card() else {
            self.show_message("Duplicate", "Select a card to duplicate it.");
            return Vec::new();
        };
        let card = &self.library.cards[index];
        let popup = AskPopup::duplicate(card.qualified_id(), &card.card.title);
        self.popups.push(Popup::Ask(popup));
        Vec::new()
    }

    fn external_or_fork(&mut self, command: Command) -> Vec<Effect> {
        let Some(index) = self.current_card() else {
            self.show_message("No card", "Select a card first.");
            return Vec::new();
        };
        let card = &self.library.cards[index];
        match (command, card.is_own()) {
            (Command::RenameCard, true) => {
                let popup = AskPopup::rename(&card.card.id);
                self.popups.push(Popup::Ask(popup));
                Vec::new()
            }
            (Command::DeleteCard, true) => {
                // The card may be shown full screen: go back to the list, where it was.
                if let Some(Screen::Card(_)) = self.screens.last() {
                    self.screens.pop();
                }
                vec![Effect::Editing(EditEffect::Trash {
                    root: self.library.root.clone(),
                    path: card.path.clone(),
                })]
            }
            (Command::ExternalEdit, true) => vec![Effect::Editing(EditEffect::External {
                path: card.path.clone(),
            })],
            (Command::ForkCard, false) => self.fork_pack_card(&card.qualified_id()),
            (Command::ForkCard, true) => {
                self.show_message("Fork", "This is your own card already.");
                Vec::new()
            }
            _ => {
                self.show_message(
                    "Read only",
                    "Pack cards are read only. Fork the card into your cards (f), then edit \
                     your copy.",
                );
                Vec::new()
            }
        }
    }

    fn undo_delete(&mut self) -> Vec<Effect> {
        match self.deleted.pop() {
            Some((path, trashed)) => vec![Effect::Editing(EditEffect::Untrash { trashed, path })],
            None => {
                self.show_message("Undo", "No card was deleted in this session.");
                Vec::new()
            }
        }
    }

    fn top_editor(&mut self) -> Option<&mut EditorScreen> {
        match self.screens.last_mut() {
            Some(Screen::Editor(editor)) => Some(editor),
            _ => None,
        }
    }

    /// Turns what the editor asked for into effects, closing it (or quitting) when asked.
    fn editor_outcome(&mut self, outcome: EditorOutcome) -> Vec<Effect> {
        let mut effects = outcome.effects;
        if outcome.close {
            self.screens.pop();
            effects.push(Effect::LoadLibrary(self.library.root.clone()));
        }
        if outcome.quit {
            self.stop();
        }
        effects
    }

    /// A key the keymap left to the editor or to a question window.
    pub(crate) fn editor_key(&mut self, key: KeyPress) -> Vec<Effect> {
        if let Some(Popup::Ask(_)) = self.popups.last() {
            return self.ask_key(key);
        }
        match self.top_editor() {
            Some(editor) => {
                let outcome = editor.key(key);
                self.editor_outcome(outcome)
            }
            None => Vec::new(),
        }
    }

    fn ask_key(&mut self, key: KeyPress) -> Vec<Effect> {
        let Some(Popup::Ask(mut ask)) = self.popups.pop() else {
            return Vec::new();
        };
        if key.key == Key::Enter && !key.ctrl && !key.alt {
            return self.answer(ask);
        }
        if let AskPurpose::Restore(recovered) = &ask.purpose
            && key.typed_char() == Some('d')
        {
            return vec![Effect::Editing(EditEffect::RemoveRecovery {
                path: recovered.recovery.clone(),
            })];
        }
        if let (Some(input), Some(edit)) = (ask.input.as_mut(), TextEdit::for_key(key))
            && input.apply(edit)
        {
            ask.error = None;
        }
        self.popups.push(Popup::Ask(ask));
        Vec::new()
    }

    fn answer(&mut self, mut ask: AskPopup) -> Vec<Effect> {
        match &ask.purpose {
            AskPurpose::NewCard => {
                let title = ask
                    .input
                    .as_ref()
                    .map(|input| input.text().trim().to_string())
                    .unwrap_or_default();
                match self.new_card_path(&title) {
                    Ok(path) => {
                        let template = CardTemplate {
                            title,
                            tool: None,
                            level: None,
                            duration: None,
                            lang: None,
                            tags: Vec::new(),
                        };
                        let text = new_card_text(&template);
                        vec![Effect::Editing(EditEffect::Create { path, text })]
                    }
                    Err(problem) => {
                        ask.error = Some(problem);
                        self.popups.push(Popup::Ask(ask));
                        Vec::new()
                    }
                }
            }
            AskPurpose::ForkToEdit { reference } => self.fork_pack_card(reference),
            AskPurpose::ForkId { .. } => match ask.as_fork_id() {
                Some(prompt) => self.answer_fork_id(prompt),
                None => Vec::new(),
            },
            AskPurpose::Rename { old } => {
                let new = ask
                    .input
                    .as_ref()
                    .map(|input| input.text().trim().to_string())
                    .unwrap_or_default();
                if !is_valid_id(&new) {
                    ask.error = Some("use lowercase letters, digits and dashes".into());
                    self.popups.push(Popup::Ask(ask));
                    return Vec::new();
                }
                self.rename_card(old, &new)
            }
            AskPurpose::Duplicate { reference } => {
                let title = ask
                    .input
                    .as_ref()
                    .map(|input| input.text().trim().to_string())
                    .unwrap_or_default();
                if let Err(problem) = self.new_card_path(&title) {
                    ask.error = Some(problem);
                    self.popups.push(Popup::Ask(ask));
                    return Vec::new();
                }
                self.duplicate_card(reference, &title)
            }
            AskPurpose::Restore(recovered) => vec![Effect::Editing(EditEffect::Open {
                path: recovered.card.clone(),
                start: Some(recovered.text.clone()),
            })],
        }
    }

    /// Where a new card with this title goes, or why it cannot.
    fn new_card_path(&self, title: &str) -> Result<PathBuf, String> {
        crate::duplicate::new_card_slot(&self.library, title).map(|(_, path)| path)
    }

    /// Every editor's unsaved text, to be written to its recovery file now: the app is about
    /// to end without the user's say.
    pub fn keep_unsaved(&mut self) -> Vec<Effect> {
        self.screens
            .iter_mut()
            .filter_map(|screen| match screen {
                Screen::Editor(editor) => editor.keep_now(),
                _ => None,
            })
            .collect()
    }

    /// One tick of the clock: editors keep their unsaved text every few ticks.
    pub(crate) fn editing_tick(&mut self) -> Vec<Effect> {
        self.screens
            .iter_mut()
            .filter_map(|screen| match screen {
                Screen::Editor(editor) => editor.tick(),
                _ => None,
            })
            .collect()
    }

    /// What an editor effect brought back.
    pub(crate) fn editing_result(&mut self, result: EditResult) -> Vec<Effect> {
        match result {
            EditResult::Opened { path, disk, start } => {
                let disk = disk.as_ref().map(|(text, print)| (text.as_str(), *print));
                match EditorScreen::open(path, &self.library.root, disk, start.as_deref()) {
                    Ok(editor) => {
                        self.popups.retain(|popup| !matches!(popup, Popup::Help(_)));
                        self.screens.push(Screen::Editor(Box::new(editor)));
                    }
                    Err(problem) => self.show_message("Cannot edit here", problem),
                }
                vec![Effect::LoadLibrary(self.library.root.clone())]
            }
            EditResult::Saved {
                path,
                text,
                outcome,
            } => self.saved(&path, &text, outcome),
            EditResult::Recoveries(found) => {
                for recovered in found.into_iter().rev() {
                    self.offer_restore(recovered);
                }
                Vec::new()
            }
            EditResult::ExternalDone {
                path,
                before,
                after,
                ran,
            } => {
                let shown = self.library.display_path(&path).display().to_string();
                let text = match (ran, before, after) {
                    (Err(problem), ..) => problem,
                    (Ok(()), Ok(before), Ok(after)) => describe_changes(&path, &before, &after),
                    (Ok(()), _, Err(problem)) | (Ok(()), Err(problem), _) => problem,
                };
                self.show_message(format!("Edited {shown}"), text);
                vec![Effect::LoadLibrary(self.library.root.clone())]
            }
            EditResult::Trashed { path, trashed } => {
                let shown = self.library.display_path(&trashed).display().to_string();
                self.show_message("Deleted", format!("Moved to {shown}. u brings it back."));
                self.deleted.push((path, trashed));
                vec![Effect::LoadLibrary(self.library.root.clone())]
            }
            EditResult::Told(text) => {
                self.show_message("Done", text);
                vec![Effect::LoadLibrary(self.library.root.clone())]
            }
            EditResult::OnDisk { path, disk } => self.changed_on_disk(&path, disk),
            EditResult::LibraryChanged => vec![Effect::LoadLibrary(self.library.root.clone())],
            EditResult::Done => Vec::new(),
            EditResult::Failed(problem) => {
                self.show_message("Not done", problem);
                Vec::new()
            }
        }
    }

    /// Files changed on disk, as the library watcher saw them: the library is read again, and
    /// each editor on a changed file checks what is on disk now.
    pub(crate) fn files_changed(&mut self, paths: &[PathBuf]) -> Vec<Effect> {
        let mut effects: Vec<Effect> = self
            .screens
            .iter()
            .filter_map(|screen| match screen {
                Screen::Editor(editor) if paths.contains(&editor.path) => {
                    Some(Effect::Editing(EditEffect::CheckDisk {
                        path: editor.path.clone(),
                    }))
                }
                _ => None,
            })
            .collect();
        let cards: std::collections::HashMap<&std::path::Path, usize> = self
            .library
            .cards
            .iter()
            .enumerate()
            .map(|(index, card)| (card.path.as_path(), index))
            .collect();
        let seen = paths
            .iter()
            .map(|path| {
                let known = if let Some(&index) = cards.get(path.as_path()) {
                    Known::Card(self.library.cards[index].fingerprint)
                } else if self.library.agenda_paths.contains(path)
                    || self.library.course_paths.contains(path)
                {
                    Known::Listed
                } else {
                    Known::Unknown
                };
                (path.clone(), known)
            })
            .collect();
        effects.push(Effect::Editing(EditEffect::CheckLibrary { seen }));
        effects
    }

    /// An edited file as it is on disk now. Our own save is recognised by its fingerprint and
    /// changes nothing. A change from outside is taken in place when nothing is unsaved, and
    /// otherwise asks keep mine / take theirs / see both, so neither side's text is lost.
    fn changed_on_disk(
        &mut self,
        path: &std::path::Path,
        disk: Result<Option<(String, crate::store::Fingerprint)>, String>,
    ) -> Vec<Effect> {
        let shown = self.library.display_path(path).display().to_string();
        let Some(editor) = self
            .screens
            .iter_mut()
            .rev()
            .find_map(|screen| match screen {
                Screen::Editor(editor) if editor.path == path => Some(editor),
                _ => None,
            })
        else {
            return Vec::new();
        };
        match disk {
            Ok(Some((_, fingerprint))) if editor.expected == Some(fingerprint) => Vec::new(),
            Ok(Some((theirs, fingerprint))) => {
                if editor.is_dirty() || editor.prompt.is_some() {
                    editor.after_save = None;
                    editor.prompt = Some(EditorPrompt::Conflict {
                        theirs,
                        fingerprint,
                        side_by_side: false,
                    });
                    return Vec::new();
                }
                let taken = editor.take_theirs(&theirs, fingerprint);
                let text = match taken {
                    Ok(()) => format!("{shown} changed on disk; the editor shows it as it is now."),
                    Err(problem) => {
                        format!("{shown} changed on disk and cannot be edited here now: {problem}")
                    }
                };
                self.show_message("Reloaded", text);
                Vec::new()
            }
            Ok(None) => {
                // Saving writes the file again; until then the text lives in the editor.
                editor.expected = None;
                self.show_message(
                    "Deleted on disk",
                    format!(
                        "{shown} was deleted by another program. Your text is still here: \
                         Ctrl-s writes it again, Esc then d lets it go."
                    ),
                );
                Vec::new()
            }
            Err(problem) => {
                self.show_message("Cannot read", problem);
                Vec::new()
            }
        }
    }

    fn offer_restore(&mut self, recovered: Recovered) {
        let shown = self
            .library
            .display_path(&recovered.card)
            .display()
            .to_string();
        self.popups
            .push(Popup::Ask(AskPopup::restore(recovered, &shown)));
    }

    fn saved(&mut self, path: &std::path::Path, text: &str, outcome: SaveOutcome) -> Vec<Effect> {
        let Some(editor) = self
            .screens
            .iter_mut()
            .rev()
            .find_map(|screen| match screen {
                Screen::Editor(editor) if editor.path == path => Some(editor),
                _ => None,
            })
        else {
            return vec![Effect::LoadLibrary(self.library.root.clone())];
        };
        match outcome {
            SaveOutcome::Saved(fingerprint) => {
                editor.saved(text, fingerprint);
                let after = editor.after_save.take().unwrap_or_default();
                let mut effects = self.editor_outcome(after);
                effects.push(Effect::LoadLibrary(self.library.root.clone()));
                effects
            }
            SaveOutcome::Conflict {
                theirs,
                fingerprint,
            } => {
                editor.after_save = None;
                editor.prompt = Some(EditorPrompt::Conflict {
                    theirs,
                    fingerprint,
                    side_by_side: false,
                });
                Vec::new()
            }
            SaveOutcome::Failed(problem) => {
                editor.after_save = None;
                self.show_message("Not saved", format!("{problem}\nYour text is still here."));
                Vec::new()
            }
        }
    }
}
