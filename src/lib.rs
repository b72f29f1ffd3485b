//! skillbook: a terminal workbook for people who teach a concrete digital skill to someone more
//! experienced. The domain lives here; the command line and the terminal app are two faces on it.

pub mod card;
pub mod duration;
pub mod error;
pub mod library;
pub mod pack;
pub mod safe_text;
pub mod store;
pub mod templates;
pub mod toml_read;
pub mod markdown;
pub mod search;
