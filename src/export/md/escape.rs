//! Escaping plain text for Markdown: backslashes go only where a character could start markup,
//! so the file still reads well as plain text in a mail ("Data > Refresh All" stays as it is,
//! `snake_case` keeps its underscores), yet no card text can make a link, an HTML tag, a heading
//! or a list.

/// Escapes `text` (one line, already made safe) as if it starts a line of Markdown.
pub(super) fn escape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let first = chars.iter().position(|c| *c != ' ').unwrap_or(0);
    let number_mark = list_number_mark(&chars[first..]).map(|offset| first + offset);
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        if Some(i) == number_mark || needs_escape(c, i == first, before, after, &chars[i..]) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes `text` that stands inside a line (a heading's text, a value after a label): only
/// the characters that start markup anywhere are escaped.
pub(super) fn escape_inline(text: &str) -> String {
    // Behind any other character, nothing is at the start of a line.
    escape(&format!("x{text}"))[1..].to_string()
}

/// Escapes text for a table cell: one line, and `|` cannot end the cell.
pub(super) fn escape_cell(text: &str) -> String {
    escape_inline(&crate::export::one_line(text)).replace('|', "\\|")
}

fn needs_escape(
    c: char,
    at_line_start: bool,
    before: Option<char>,
    after: Option<char>,
    rest: &[char],
) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    match c {
        // Emphasis, code, strikethrough and link brackets, anywhere.
        '*' | '`' | '~' | '[' | ']' => true,
        // An underscore inside a word never starts emphasis.
        '_' => !(word(before) && word(after)),
        // A backslash only escapes punctuation (and ends a line as a hard break).
        '\\' => after.is_none_or(|next| next.is_ascii_punctuation()),
        // `<` starts raw HTML or an autolink only before a letter, `/`, `!` or `?`.
        '<' => after.is_some_and(|next| next.is_ascii_alphabetic() || "/!?".contains(next)),
        // `&` starts an entity only as `&name;` or `&#123;`.
        '&' => is_entity(rest),
        // `#` opens a heading at the start of a line, and closes one as the last word.
        '#' => {
            at_line_start
                || (before.is_some_and(char::is_whitespace)
                    && rest.iter().all(|c| *c == '#' || *c == ' '))
        }
        '>' | '-' | '+' | '=' | '|' => at_line_start,
        _ => false,
    }
}

/// Where the `.` or `)` of `12.` / `3)` is, when a line starting with `chars` would be an
/// ordered list item.
fn list_number_mark(chars: &[char]) -> Option<usize> {
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let mark = chars.get(digits)?;
    ((1..=9).contains(&digits) && matches!(mark, '.' | ')')).then_some(digits)
}

/// Whether `rest` (starting at `&`) reads as an HTML entity.
fn is_entity(rest: &[char]) -> bool {
    let body: Vec<char> = rest
        .iter()
        .skip(1)
        .take(33)
        .take_while(|c| **c != ';')
        .copied()
        .collect();
    let closed = rest.get(body.len() + 1) == Some(&';');
    closed && !body.is_empty() && body.iter().all(|c| c.is_ascii_alphanumeric() || *c == '#')
}

#[cfg(test)]
mod tests {
    use super::escape;
    use rstest::rstest;

    #[rstest]
    #[case::plain("Data > Refresh All", "Data > Refresh All")]
    #[case::snake("sales_2026_q3", "sales_2026_q3")]
    #[case::emphasis("*not bold*", "\\*not bold\\*")]
    #[case::underscore_edge("_x_", "\\_x\\_")]
    #[case::link("[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))")]
    #[case::html("<script>alert(1)</script>", "\\<script>alert(1)\\</script>")]
    #[case::less_than("3 < 4", "3 < 4")]
    #[case::entity("&lt;b&gt;", "\\&lt;b\\&gt;")]
    #[case::ampersand("R&D", "R&D")]
    #[case::heading("# not a heading", "\\# not a heading")]
    #[case::csharp("C# and F#", "C# and F#")]
    #[case::closing_hashes("Title #", "Title \\#")]
    #[case::channel("open #general now", "open #general now")]
    #[case::bullet("- not a list", "\\- not a list")]
    #[case::quote("> not a quote", "\\> not a quote")]
    #[case::number("1. not a list", "1\\. not a list")]
    #[case::year("2026. A year", "2026\\. A year")]
    #[case::mid_number("Version 1.2", "Version 1.2")]
    #[case::backslash_path("C:\\Users", "C:\\Users")]
    #[case::backslash_punct("a\\*b", "a\\\\\\*b")]
    #[case::code("`code`", "\\`code\\`")]
    fn escapes_only_what_starts_markup(#[case] text: &str, #[case] expected: &str) {
        assert_eq!(escape(text), expected);
    }
}
