//! skillbook: a terminal workbook for people who teach a concrete digital skill to someone more
//! experienced. The domain lives here; the command line and the terminal app are two faces on it.
//!
//! Everything but [`tui`] is the domain and never draws; [`tui`] is the terminal app.

pub mod card;
pub mod duration;
pub mod error;
pub mod library;
pub mod markdown;
pub mod pack;
pub mod safe_text;
pub mod search;
pub mod search_card;
pub mod store;
pub mod templates;
pub mod toml_read;
pub mod tui;
