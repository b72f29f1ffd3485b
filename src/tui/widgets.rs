//! Small drawing pieces the panes share.

pub mod document;
pub mod hints;
pub mod list;
pub mod prompt;
pub mod scroll;
pub mod text_input;
