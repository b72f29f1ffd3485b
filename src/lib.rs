//! skillbook: a terminal workbook for people who teach a concrete digital skill to someone more
//! experienced. The domain lives here; the command line and the terminal app are two faces on it.
//!
//! The domain, which knows nothing of terminals:
//! - [`card`]: skill cards, their front matter and body, parsed and saved without losing a byte
//! - [`agenda`], [`course`], [`timing`]: timed plans, dated courses and the pure timing function
//! - [`plan`]: plans timed against the library; [`check`]: validating the whole library
//! - [`pack`]: pack manifests; [`library`]: loading the user's library and the bundled packs
//! - [`store`]: atomic, change-checked saves; [`templates`]: new agenda and course files
//! - [`markdown`]: card bodies parsed once into our own types and laid out to any width
//! - [`card_view`]: a card as blocks to read, the same in the command line and the app
//! - [`search`] (with [`search_card`]): the one owner of the fuzzy matcher
//! - [`safe_text`]: the one place untrusted text is made safe to show
//! - [`export`]: visit cards, handouts, run-sheets and calendar files, as pure functions of a plan
//! - [`duration`], [`toml_read`], [`error`]: forgiving durations, span-aware TOML, diagnostics
//! - [`checklist`]: what makes a card concrete, ticks, readiness per card, agenda and course
//! - [`offer`]: the invitation or LinkedIn note drafted from the cards that are ready
//! - [`rename`]: a card's new id, with every agenda, course and prerequisite following it
//!
//! The faces: [`cli`], the command line, and [`tui`], the terminal app. Nothing above them
//! imports ratatui or crossterm (a test holds the domain to that).

pub mod agenda;
pub mod card;
pub mod card_view;
pub mod check;
pub mod checklist;
pub mod cli;
pub mod course;
pub mod duplicate;
pub mod duration;
pub mod error;
pub mod export;
pub mod library;
// The session log (#7).
pub mod log;
pub mod markdown;
pub mod offer;
pub mod pack;
pub mod plan;
// Renaming cards (#5).
pub mod rename;
pub mod safe_text;
pub mod search;
pub mod search_card;
pub mod store;
pub mod templates;
pub mod timing;
pub mod toml_read;
pub mod tui;
// Run mode: an agenda running against a clock.
pub mod run;
