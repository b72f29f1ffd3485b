//! skillbook: a terminal workbook for people who teach a concrete digital skill to someone more
//! experienced. The domain lives here; the command line and the terminal app are two faces on it.
//!
//! The domain, which knows nothing of terminals:
//! - [`card`]: skill cards, their front matter and body, parsed and saved without losing a byte
//! - [`agenda`], [`course`], [`timing`]: timed plans, dated courses and the pure timing function
//! - [`pack`]: pack manifests; [`library`]: loading the user's library and the bundled packs
//! - [`store`]: atomic, change-checked saves; [`templates`]: new agenda and course files
//! - [`duration`], [`toml_read`], [`error`]: forgiving durations, span-aware TOML, diagnostics
//!
//! - [`plan`]: plans timed against the library; [`check`]: validating the whole library
//! - [`safe_text`]: the one place untrusted text is made safe to show
//! - [`export`]: visit cards, handouts, run-sheets and calendar files, as pure functions of a plan
//! - [`markdown`]: card bodies parsed once into our own types and laid out to any width
//! - [`search`]: the one owner of the fuzzy matcher; [`card_view`]: a card as blocks to read
//!
//! The faces: [`cli`], the command line.

pub mod agenda;
pub mod card;
pub mod card_view;
pub mod check;
pub mod cli;
pub mod course;
pub mod duration;
pub mod error;
pub mod export;
pub mod library;
pub mod markdown;
pub mod pack;
pub mod plan;
pub mod safe_text;
pub mod search;
pub mod store;
pub mod templates;
pub mod timing;
pub mod toml_read;
