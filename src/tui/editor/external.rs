//! Editing a card in the user's own editor: `$VISUAL`, else `$EDITOR`, else `vi`, split into
//! words the way a shell would (so `EDITOR="code --wait"` works), run on the card file while
//! the app has given the terminal back. Afterwards the file is read again and checked, and the
//! app says what changed.

use std::path::Path;
use std::process::Command;

use crate::card::{SkillCard, parse_card};

/// The editor command: `$VISUAL`, then `$EDITOR`, then `vi`, as words.
pub fn editor_command() -> Vec<String> {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(std::env::var_os)
        .map(|value| split_words(&value.to_string_lossy()))
        .find(|words| !words.is_empty())
        .unwrap_or_else(|| vec!["vi".to_string()])
}

/// Splits a command line into words like a POSIX shell: spaces separate words, single quotes
/// keep everything, double quotes keep all but `\"` and `\\`, a backslash escapes one
/// character. No variables, globs or redirections: an editor setting needs none.
pub fn split_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                word.extend(chars.by_ref().take_while(|&c| c != '\''));
            }
            '"' => {
                in_word = true;
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.next() {
                            Some(next @ ('"' | '\\' | '$' | '`')) => word.push(next),
                            Some(next) => {
                                word.push('\\');
                                word.push(next);
                            }
                            None => word.push('\\'),
                        },
                        c => word.push(c),
                    }
                }
            }
            '\\' => {
                in_word = true;
                if let Some(next) = chars.next() {
                    word.push(next);
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// Runs the editor on `path` and waits for it. The terminal must have been given back first.
pub fn run_editor(path: &Path) -> Result<(), String> {
    let words = editor_command();
    let (program, args) = words.split_first().ok_or("no editor to run")?;
    let status = Command::new(program)
        .args(args)
        .arg(path)
        .status()
        .map_err(|error| format!("cannot run {program}: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{program} ended with {status}"))
    }
}

/// What changed between two versions of a card file, in a few short lines.
pub fn describe_changes(path: &Path, before: &str, after: &str) -> String {
    if before == after {
        return "Nothing changed.".into();
    }
    let after_card = match parse_card(path, after.as_bytes()) {
        Ok((card, _)) => card,
        Err(problems) => {
            return format!("The card does not read now; it is listed as broken:\n{problems}");
        }
    };
    let Ok((before_card, _)) = parse_card(path, before.as_bytes()) else {
        return "The card reads again.".into();
    };
    let mut lines = Vec::new();
    let fields = changed_fields(&before_card, &after_card);
    if !fields.is_empty() {
        lines.push(format!("Changed: {}.", fields.join(", ")));
    }
    let old: Vec<&str> = before_card.body.lines().collect();
    let new: Vec<&str> = after_card.body.lines().collect();
    let added = new.iter().filter(|line| !old.contains(line)).count();
    let removed = old.iter().filter(|line| !new.contains(line)).count();
    if added + removed > 0 {
        lines.push(format!(
            "Body: {added} lines added or changed, {removed} removed."
        ));
        for line in new.iter().filter(|line| !old.contains(line)).take(3) {
            lines.push(format!("+ {line}"));
        }
    }
    if lines.is_empty() {
        lines.push("Only layout or comments changed.".into());
    }
    lines.join("\n")
}

fn changed_fields(old: &SkillCard, new: &SkillCard) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let mut check = |name: &'static str, changed: bool| {
        if changed {
            fields.push(name);
        }
    };
    check("id", old.id != new.id);
    check("title", old.title != new.title);
    check("summary", old.summary != new.summary);
    check("tool", old.tool != new.tool);
    check("tags", old.tags != new.tags);
    check("level", old.level != new.level);
    check("duration", old.duration != new.duration);
    check("lang", old.lang != new.lang);
    check("prerequisites", old.prerequisites != new.prerequisites);
    check("outcomes", old.outcomes != new.outcomes);
    check("requires", old.requires != new.requires);
    check("materials", old.materials != new.materials);
    check("links", old.links != new.links);
    check(
        "checklist",
        old.checklist != new.checklist || old.ready != new.ready,
    );
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_like_a_shell() {
        let cases: [(&str, &[&str]); 6] = [
            ("vi", &["vi"]),
            ("code --wait", &["code", "--wait"]),
            ("  emacs   -nw ", &["emacs", "-nw"]),
            (
                "'/opt/my editor/bin/ed' -x",
                &["/opt/my editor/bin/ed", "-x"],
            ),
            (r#"ed "a \"b\" c" d\ e"#, &["ed", "a \"b\" c", "d e"]),
            ("''", &[""]),
        ];
        for (line, words) in cases {
            assert_eq!(split_words(line), words, "{line}");
        }
    }

    #[test]
    fn says_which_fields_and_lines_changed() {
        let before = "+++\ntitle = \"A\"\nduration = 10\n+++\nOne\nTwo\n";
        let after = "+++\ntitle = \"B\"\nduration = 10\n+++\nOne\nThree\n";
        let text = describe_changes(Path::new("a.md"), before, after);
        assert!(text.contains("Changed: title."), "{text}");
        assert!(
            text.contains("1 lines added or changed, 1 removed"),
            "{text}"
        );
        assert!(text.contains("+ Three"), "{text}");
        let broken = describe_changes(Path::new("a.md"), before, "no front matter");
        assert!(broken.contains("broken"), "{broken}");
    }
}
