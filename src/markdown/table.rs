//! Tables that fit the width: columns get their natural width when there is room; otherwise
//! narrow columns keep theirs and the wide ones share what is left, their cells wrapping. When
//! not even that fits, each row is shown as `Header: value` lines instead of a grid.

use super::layout::{natural_width, pieces, spaces};
use super::model::{Alignment, Cell, Table};
use super::style::{Role, StyledLine, TextStyle};
use super::wrap::{Piece, wrap};

/// A column is only squeezed below its natural width down to this many cells; if the grid
/// cannot give every column that much, rows are stacked instead.
const MIN_COLUMN: usize = 4;

/// Lays a table out in lines at most `width` cells wide.
pub(super) fn layout_table(table: &Table, width: usize, base: TextStyle) -> Vec<StyledLine> {
    let columns = table
        .rows
        .iter()
        .map(Vec::len)
        .chain([table.header.len()])
        .max()
        .unwrap_or(0);
    if columns == 0 {
        return Vec::new();
    }
    let header_style = TextStyle {
        role: Role::TableHeader,
        ..base
    };
    let natural: Vec<usize> = (0..columns)
        .map(|column| {
            let header = table.header.get(column).map(|cell| (cell, header_style));
            let body = table.rows.iter().filter_map(|row| row.get(column));
            header
                .into_iter()
                .chain(body.map(|cell| (cell, base)))
                .map(|(cell, style)| natural_width(&pieces(cell, style)))
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    // `│ a │ b │`: a bar and a space on the outside, ` │ ` between columns.
    let overhead = 3 * columns + 1;
    let least: usize = natural.iter().map(|&n| n.min(MIN_COLUMN)).sum();
    if width < overhead + least {
        return stacked(table, columns, width, base, header_style);
    }
    let widths = column_widths(&natural, width - overhead);
    Grid {
        widths: &widths,
        alignments: &table.alignments,
        base,
        border: TextStyle {
            role: Role::TableBorder,
            ..base
        },
    }
    .lines(table, header_style)
}

/// Shares `available` cells among columns: each column gets at most its natural width, and
/// columns are settled narrowest first so that what a narrow column leaves goes to the wide
/// ones. The sum never exceeds `available`; every column gets at least one cell when
/// `available` is at least the number of columns.
fn column_widths(natural: &[usize], available: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..natural.len()).collect();
    order.sort_by_key(|&column| natural[column]);
    let mut widths = vec![0; natural.len()];
    let mut remaining = available;
    for (settled, &column) in order.iter().enumerate() {
        let share = remaining / (natural.len() - settled);
        let width = natural[column].min(share);
        widths[column] = width;
        remaining -= width;
    }
    widths
}

struct Grid<'a> {
    widths: &'a [usize],
    alignments: &'a [Alignment],
    base: TextStyle,
    border: TextStyle,
}

impl Grid<'_> {
    fn lines(&self, table: &Table, header_style: TextStyle) -> Vec<StyledLine> {
        let mut lines = vec![self.rule('┌', '┬', '┐')];
        let has_header = table
            .header
            .iter()
            .any(|cell| natural_width(&pieces(cell, header_style)) > 0);
        if has_header {
            lines.extend(self.row(&table.header, header_style));
            if !table.rows.is_empty() {
                lines.push(self.rule('├', '┼', '┤'));
            }
        }
        let rows: Vec<Vec<StyledLine>> = table
            .rows
            .iter()
            .map(|row| self.row(row, self.base))
            .collect();
        // Rows that wrap need lines between them, or their cells would run together.
        let separate = rows.iter().any(|row| row.len() > 1);
        for (i, row) in rows.into_iter().enumerate() {
            if separate && i > 0 {
                lines.push(self.rule('├', '┼', '┤'));
            }
            lines.extend(row);
        }
        lines.push(self.rule('└', '┴', '┘'));
        lines
    }

    fn rule(&self, left: char, middle: char, right: char) -> StyledLine {
        let mut text = String::new();
        text.push(left);
        for (i, width) in self.widths.iter().enumerate() {
            if i > 0 {
                text.push(middle);
            }
            text.push_str(&"─".repeat(width + 2));
        }
        text.push(right);
        StyledLine::of(text, self.border)
    }

    fn row(&self, cells: &[Cell], style: TextStyle) -> Vec<StyledLine> {
        let wrapped: Vec<Vec<StyledLine>> = self
            .widths
            .iter()
            .enumerate()
            .map(|(column, &width)| match cells.get(column) {
                Some(cell) => wrap(&pieces(cell, style), width),
                None => Vec::new(),
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
        (0..height)
            .map(|line_index| {
                let mut line = StyledLine::of("│ ", self.border);
                for (column, cell_lines) in wrapped.iter().enumerate() {
                    if column > 0 {
                        line.push(" │ ", self.border);
                    }
                    let content = cell_lines.get(line_index).cloned().unwrap_or_default();
                    let alignment = self.alignments.get(column).copied().unwrap_or_default();
                    let pad = self.widths[column].saturating_sub(content.width());
                    let (before, after) = match alignment {
                        Alignment::Right => (pad, 0),
                        Alignment::Center => (pad / 2, pad - pad / 2),
                        Alignment::Left | Alignment::None => (0, pad),
                    };
                    line.append(spaces(before, self.base));
                    line.append(content);
                    line.append(spaces(after, self.base));
                }
                line.push(" │", self.border);
                line
            })
            .collect()
    }
}

/// Rows as `Header: value` lines, a rule between rows: for screens too narrow for a grid.
fn stacked(
    table: &Table,
    columns: usize,
    width: usize,
    base: TextStyle,
    header_style: TextStyle,
) -> Vec<StyledLine> {
    let mut lines = Vec::new();
    if table.rows.is_empty() {
        for cell in &table.header {
            lines.extend(wrap(&pieces(cell, header_style), width));
        }
        return lines;
    }
    let border = TextStyle {
        role: Role::TableBorder,
        ..base
    };
    for (i, row) in table.rows.iter().enumerate() {
        if i > 0 {
            lines.push(StyledLine::of("─".repeat(width), border));
        }
        for column in 0..columns {
            let mut all = Vec::new();
            if let Some(header) = table.header.get(column) {
                let label = pieces(header, header_style);
                if natural_width(&label) > 0 {
                    all.extend(label);
                    all.push(Piece::Text(": ".to_string(), header_style));
                }
            }
            if let Some(cell) = row.get(column) {
                all.extend(pieces(cell, base));
            }
            lines.extend(wrap(&all, width));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::column_widths;

    #[test]
    fn columns_share_what_is_left() {
        assert_eq!(column_widths(&[3, 10, 4], 30), [3, 10, 4]);
        assert_eq!(column_widths(&[3, 40, 30], 30), [3, 14, 13]);
        assert_eq!(column_widths(&[20, 20], 10), [5, 5]);
        assert_eq!(column_widths(&[1, 1, 1], 3), [1, 1, 1]);
    }
}
