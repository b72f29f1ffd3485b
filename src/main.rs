//! `skillbook`: with no arguments, the terminal app on the user's library.

use std::path::PathBuf;
use std::process::ExitCode;

use skillbook::library::{LIBRARY_ENV, default_root};
use skillbook::tui::{TuiOptions, configured_library};

fn main() -> ExitCode {
    if std::env::args_os().len() > 1 {
        eprintln!(
            "usage: skillbook   (opens the terminal app; set {LIBRARY_ENV} to use another library)"
        );
        return ExitCode::from(2);
    }
    let library = std::env::var_os(LIBRARY_ENV)
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
        .or_else(configured_library)
        .or_else(default_root)
        .unwrap_or_else(|| PathBuf::from("skillbook-library"));
    match skillbook::tui::run(library, TuiOptions::default()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("skillbook: {error:#}");
            ExitCode::FAILURE
        }
    }
}
