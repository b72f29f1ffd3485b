//! Where each pane goes for a terminal size: pure functions of the size, shared by drawing and
//! by `update` (which needs them to scroll by a page and to know what a click hit).

use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// The smallest terminal the app lays out; below it a notice asks for more room.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// Wide enough for three columns side by side.
const THREE_COLUMNS: u16 = 120;
/// Wide enough for the sources beside the cards and preview.
const TWO_COLUMNS: u16 = 60;
/// Wide enough to show a preview beside the search results.
const SEARCH_PREVIEW: u16 = 80;

/// Whether the terminal is below the smallest size the app lays out.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The main area and the bottom line of hints.
pub fn screen(area: Rect) -> (Rect, Rect) {
    let [main, hints] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    (main, hints)
}

/// The panes of the library screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BrowserPane {
    Sources,
    /// The card list has the focus at start: arrows move through cards straight away.
    #[default]
    Cards,
    Preview,
}

impl BrowserPane {
    /// Left to right, the order Tab moves in.
    pub const ALL: [BrowserPane; 3] = [
        BrowserPane::Sources,
        BrowserPane::Cards,
        BrowserPane::Preview,
    ];

    pub fn title(self) -> &'static str {
        match self {
            BrowserPane::Sources => "Sources",
            BrowserPane::Cards => "Cards",
            BrowserPane::Preview => "Preview",
        }
    }
}

/// Where the library screen's panes are. On a narrow terminal only the focused pane is shown,
/// under a row of tabs naming all three.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrowserLayout {
    pub tabs: Option<Rect>,
    pub panes: Vec<(BrowserPane, Rect)>,
}

impl BrowserLayout {
    pub fn area_of(&self, pane: BrowserPane) -> Option<Rect> {
        self.panes
            .iter()
            .find(|(p, _)| *p == pane)
            .map(|(_, area)| *area)
    }

    /// The pane at a point, if any.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<BrowserPane> {
        let point = ratatui::layout::Position::new(column, row);
        self.panes
            .iter()
            .find(|(_, area)| area.contains(point))
            .map(|(pane, _)| *pane)
    }
}

/// Lays out the library screen in `main`.
pub fn browser(main: Rect, focus: BrowserPane) -> BrowserLayout {
    if main.width >= THREE_COLUMNS {
        let [sources, cards, preview] = Layout::horizontal([
            Constraint::Length(28),
            Constraint::Percentage(40),
            Constraint::Min(30),
        ])
        .areas(main);
        return BrowserLayout {
            tabs: None,
            panes: vec![
                (BrowserPane::Sources, sources),
                (BrowserPane::Cards, cards),
                (BrowserPane::Preview, preview),
            ],
        };
    }
    if main.width >= TWO_COLUMNS {
        let left = (main.width / 4).clamp(18, 28);
        let [sources, right] =
            Layout::horizontal([Constraint::Length(left), Constraint::Min(20)]).areas(main);
        let [cards, preview] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Min(4)]).areas(right);
        return BrowserLayout {
            tabs: None,
            panes: vec![
                (BrowserPane::Sources, sources),
                (BrowserPane::Cards, cards),
                (BrowserPane::Preview, preview),
            ],
        };
    }
    let [tabs, pane] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(main);
    BrowserLayout {
        tabs: Some(tabs),
        panes: vec![(focus, pane)],
    }
}

/// The tab labels of the narrow layout and the columns each covers: ` Sources │ Cards │ ...`.
pub fn tabs(area: Rect) -> Vec<(BrowserPane, Rect)> {
    let mut x = area.x + 1;
    let mut out = Vec::new();
    for pane in BrowserPane::ALL {
        let width = u16::try_from(pane.title().len() + 2).unwrap_or(0);
        out.push((
            pane,
            Rect {
                x,
                y: area.y,
                width: width.min(area.right().saturating_sub(x)),
                height: 1,
            },
        ));
        // One cell for the separator between labels.
        x = x.saturating_add(width + 1);
    }
    out
}

/// Where the search screen's parts are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchLayout {
    /// The query box (with its border).
    pub input: Rect,
    pub results: Rect,
    pub preview: Option<Rect>,
}

/// Lays out the search screen in `main`.
pub fn search(main: Rect) -> SearchLayout {
    let [input, rest] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(main);
    if main.width >= SEARCH_PREVIEW {
        let [results, preview] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Min(20)]).areas(rest);
        SearchLayout {
            input,
            results,
            preview: Some(preview),
        }
    } else {
        SearchLayout {
            input,
            results: rest,
            preview: None,
        }
    }
}

/// A window of at most `width` x `height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Inside a one-cell border.
pub fn inner(area: Rect) -> Rect {
    area.inner(Margin::new(1, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_fit_and_do_not_overlap() {
        for (width, height) in [(40, 12), (59, 12), (60, 20), (80, 24), (119, 30), (200, 60)] {
            let area = Rect::new(0, 0, width, height);
            let (main, hints) = screen(area);
            assert_eq!(hints.height, 1);
            let layout = browser(main, BrowserPane::Cards);
            for (i, (_, a)) in layout.panes.iter().enumerate() {
                assert!(main.contains(a.as_position()), "{width}x{height}");
                assert!(a.right() <= main.right() && a.bottom() <= main.bottom());
                assert!(a.width >= 10 && a.height >= 3, "{width}x{height}: {a:?}");
                for (_, b) in &layout.panes[i + 1..] {
                    assert!(!a.intersects(*b));
                }
            }
            assert!(layout.area_of(BrowserPane::Cards).is_some());
        }
    }

    #[test]
    fn narrow_terminals_show_the_focused_pane_under_tabs() {
        let layout = browser(Rect::new(0, 0, 40, 11), BrowserPane::Preview);
        assert!(layout.tabs.is_some());
        assert_eq!(layout.panes.len(), 1);
        assert_eq!(layout.panes[0].0, BrowserPane::Preview);
        let tabs = tabs(layout.tabs.unwrap());
        assert_eq!(tabs[1].1.x, 11);
    }
}
