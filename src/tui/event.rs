//! Our own input events, independent of the terminal library: a key press with its modifiers,
//! a mouse click or wheel turn, a resize. Keys read and print in one notation (`ctrl-s`,
//! `shift-tab`, `G`, `pagedown`), the same in the config file, the help screen and the hints.
//!
//! Converting from crossterm happens here and nowhere else, so tests script keys as strings.

use std::fmt;
use std::str::FromStr;

use ratatui::crossterm::event as ct;

/// A key without modifiers. Letters carry their case: `G` is shift-g.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// A key with the modifiers that matter. Shift is part of a character (`G`, `?`) and of
/// [`Key::BackTab`]; for other keys it is kept as a flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyPress {
    pub key: Key,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

impl KeyPress {
    /// A key with no modifiers.
    pub const fn plain(key: Key) -> Self {
        KeyPress {
            key,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    /// A character typed without ctrl or alt: text, when a text field has the focus.
    pub fn typed_char(self) -> Option<char> {
        match self.key {
            Key::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
    }
}

/// Where the pointer did something, in terminal cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MousePoint {
    pub column: u16,
    pub row: u16,
}

/// What the mouse did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseInput {
    Click(MousePoint),
    ScrollUp(MousePoint),
    ScrollDown(MousePoint),
}

/// One input event the app reacts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Key(KeyPress),
    Mouse(MouseInput),
    Resize { width: u16, height: u16 },
}

impl Event {
    /// Our event for a crossterm event; `None` for what the app ignores (key releases, mouse
    /// moves, focus changes).
    pub fn from_crossterm(event: ct::Event) -> Option<Event> {
        match event {
            ct::Event::Key(key) if key.kind != ct::KeyEventKind::Release => {
                key_press(key).map(Event::Key)
            }
            ct::Event::Mouse(mouse) => {
                let point = MousePoint {
                    column: mouse.column,
                    row: mouse.row,
                };
                match mouse.kind {
                    ct::MouseEventKind::Down(ct::MouseButton::Left) => {
                        Some(Event::Mouse(MouseInput::Click(point)))
                    }
                    ct::MouseEventKind::ScrollUp => Some(Event::Mouse(MouseInput::ScrollUp(point))),
                    ct::MouseEventKind::ScrollDown => {
                        Some(Event::Mouse(MouseInput::ScrollDown(point)))
                    }
                    _ => None,
                }
            }
            ct::Event::Resize(width, height) => Some(Event::Resize { width, height }),
            _ => None,
        }
    }
}

fn key_press(event: ct::KeyEvent) -> Option<KeyPress> {
    let key = match event.code {
        ct::KeyCode::Char(c) => Key::Char(c),
        ct::KeyCode::Enter => Key::Enter,
        ct::KeyCode::Esc => Key::Esc,
        ct::KeyCode::Tab => Key::Tab,
        ct::KeyCode::BackTab => Key::BackTab,
        ct::KeyCode::Backspace => Key::Backspace,
        ct::KeyCode::Delete => Key::Delete,
        ct::KeyCode::Insert => Key::Insert,
        ct::KeyCode::Up => Key::Up,
        ct::KeyCode::Down => Key::Down,
        ct::KeyCode::Left => Key::Left,
        ct::KeyCode::Right => Key::Right,
        ct::KeyCode::Home => Key::Home,
        ct::KeyCode::End => Key::End,
        ct::KeyCode::PageUp => Key::PageUp,
        ct::KeyCode::PageDown => Key::PageDown,
        ct::KeyCode::F(n) => Key::F(n),
        _ => return None,
    };
    let mods = event.modifiers;
    let ctrl = mods.contains(ct::KeyModifiers::CONTROL);
    let alt = mods.contains(ct::KeyModifiers::ALT);
    // Shift is already in the character and in BackTab; counting it again would make `G`
    // and `shift-G` two different keys.
    let shift =
        mods.contains(ct::KeyModifiers::SHIFT) && !matches!(key, Key::Char(_) | Key::BackTab);
    // Terminals send ctrl-letters in either case; bindings use lower case.
    let key = match key {
        Key::Char(c) if ctrl && c.is_ascii_uppercase() => Key::Char(c.to_ascii_lowercase()),
        other => other,
    };
    Some(KeyPress {
        key,
        ctrl,
        alt,
        shift,
    })
}

/// Why a key could not be read from text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "cannot read {0:?} as a key (write keys like \"q\", \"G\", \"ctrl-s\", \"shift-tab\", \"enter\", \"pagedown\", \"f1\")"
)]
pub struct KeyParseError(pub String);

impl FromStr for KeyPress {
    type Err = KeyParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let fail = || KeyParseError(text.to_string());
        let mut rest = text.trim();
        if rest.is_empty() {
            return Err(fail());
        }
        let mut press = KeyPress::plain(Key::Esc);
        // Modifiers come first; a lone "-" or "+" is the character itself.
        loop {
            let lower = rest.to_ascii_lowercase();
            let prefix = [
                "ctrl-", "ctrl+", "c-", "alt-", "alt+", "a-", "shift-", "shift+", "s-",
            ]
            .into_iter()
            .find(|p| lower.starts_with(p) && rest.len() > p.len());
            let Some(prefix) = prefix else { break };
            match prefix.as_bytes()[0] {
                b'c' => press.ctrl = true,
                b'a' => press.alt = true,
                _ => press.shift = true,
            }
            rest = &rest[prefix.len()..];
        }
        let mut chars = rest.chars();
        press.key = match (chars.next(), chars.next()) {
            (Some(c), None) => Key::Char(c),
            _ => named_key(&rest.to_ascii_lowercase()).ok_or_else(fail)?,
        };
        match press.key {
            Key::Char(c) if press.shift => {
                // "shift-g" is "G"; shift on other characters has no meaning of its own.
                press.shift = false;
                if c.is_alphabetic() {
                    press.key = Key::Char(c.to_uppercase().next().unwrap_or(c));
                }
            }
            Key::Char(c) if press.ctrl => press.key = Key::Char(c.to_ascii_lowercase()),
            Key::Tab if press.shift => {
                press.key = Key::BackTab;
                press.shift = false;
            }
            _ => {}
        }
        Ok(press)
    }
}

fn named_key(name: &str) -> Option<Key> {
    Some(match name {
        "enter" | "return" | "ret" => Key::Enter,
        "esc" | "escape" => Key::Esc,
        "tab" => Key::Tab,
        "backtab" => Key::BackTab,
        "backspace" | "bs" => Key::Backspace,
        "delete" | "del" => Key::Delete,
        "insert" | "ins" => Key::Insert,
        "up" => Key::Up,
        "down" => Key::Down,
        "left" => Key::Left,
        "right" => Key::Right,
        "home" => Key::Home,
        "end" => Key::End,
        "pageup" | "pgup" => Key::PageUp,
        "pagedown" | "pgdn" | "pgdown" => Key::PageDown,
        "space" => Key::Char(' '),
        "minus" => Key::Char('-'),
        "plus" => Key::Char('+'),
        _ => {
            let number: u8 = name.strip_prefix('f')?.parse().ok()?;
            if (1..=24).contains(&number) {
                Key::F(number)
            } else {
                return None;
            }
        }
    })
}

impl fmt::Display for KeyPress {
    /// How a key is shown to a person: `q`, `G`, `Ctrl-s`, `Shift-Tab`, `↑`, `PgDn`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        if self.shift {
            f.write_str("Shift-")?;
        }
        match self.key {
            Key::Char(' ') => f.write_str("Space"),
            Key::Char(c) => write!(f, "{c}"),
            Key::Enter => f.write_str("Enter"),
            Key::Esc => f.write_str("Esc"),
            Key::Tab => f.write_str("Tab"),
            Key::BackTab => f.write_str("Shift-Tab"),
            Key::Backspace => f.write_str("Backspace"),
            Key::Delete => f.write_str("Del"),
            Key::Insert => f.write_str("Ins"),
            Key::Up => f.write_str("↑"),
            Key::Down => f.write_str("↓"),
            Key::Left => f.write_str("←"),
            Key::Right => f.write_str("→"),
            Key::Home => f.write_str("Home"),
            Key::End => f.write_str("End"),
            Key::PageUp => f.write_str("PgUp"),
            Key::PageDown => f.write_str("PgDn"),
            Key::F(n) => write!(f, "F{n}"),
        }
    }
}

/// Scripted keys for tests and demos: `"/pivot<enter>j<esc>q"`. Characters stand for
/// themselves; `<name>` is any key [`KeyPress::from_str`] reads (`<ctrl-c>`, `<pagedown>`).
/// A `<` that starts no valid name is the character `<`.
pub fn script(keys: &str) -> Vec<KeyPress> {
    let mut out = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && let Ok(press) = rest[1..end].parse::<KeyPress>()
            && end > 2
        {
            out.push(press);
            rest = &rest[end + 1..];
            continue;
        }
        out.push(KeyPress::plain(Key::Char(c)));
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> KeyPress {
        text.parse().unwrap()
    }

    #[test]
    fn reads_the_notation_people_write() {
        assert_eq!(key("q"), KeyPress::plain(Key::Char('q')));
        assert_eq!(key("G"), KeyPress::plain(Key::Char('G')));
        assert_eq!(key("shift-g"), KeyPress::plain(Key::Char('G')));
        assert_eq!(key("shift-tab"), KeyPress::plain(Key::BackTab));
        assert_eq!(key("PageDown"), KeyPress::plain(Key::PageDown));
        assert_eq!(key("space"), KeyPress::plain(Key::Char(' ')));
        assert_eq!(key("-"), KeyPress::plain(Key::Char('-')));
        assert_eq!(key("f1"), KeyPress::plain(Key::F(1)));
        let ctrl_s = key("Ctrl-S");
        assert!(ctrl_s.ctrl && ctrl_s.key == Key::Char('s'));
        assert!(key("ctrl+alt-x").alt);
        assert_eq!(key("ctrl--").key, Key::Char('-'));
        assert!("nonsense".parse::<KeyPress>().is_err());
        assert!("f99".parse::<KeyPress>().is_err());
        assert!("".parse::<KeyPress>().is_err());
    }

    #[test]
    fn shows_keys_the_way_help_screens_do() {
        assert_eq!(key("ctrl-s").to_string(), "Ctrl-s");
        assert_eq!(key("backtab").to_string(), "Shift-Tab");
        assert_eq!(key("down").to_string(), "↓");
        assert_eq!(key("space").to_string(), "Space");
    }

    #[test]
    fn scripts_mix_text_and_named_keys() {
        let keys = script("/ab<enter><ctrl-c><x");
        assert_eq!(keys.len(), 7);
        assert_eq!(keys[3], KeyPress::plain(Key::Enter));
        assert!(keys[4].ctrl);
        assert_eq!(keys[5], KeyPress::plain(Key::Char('<')));
    }

    #[test]
    fn crossterm_shift_is_folded_into_characters() {
        let event = ct::KeyEvent::new(ct::KeyCode::Char('G'), ct::KeyModifiers::SHIFT);
        assert_eq!(
            Event::from_crossterm(ct::Event::Key(event)),
            Some(Event::Key(KeyPress::plain(Key::Char('G'))))
        );
        let event = ct::KeyEvent::new(ct::KeyCode::Char('C'), ct::KeyModifiers::CONTROL);
        assert_eq!(
            Event::from_crossterm(ct::Event::Key(event)),
            Some(Event::Key(key("ctrl-c")))
        );
    }
}
