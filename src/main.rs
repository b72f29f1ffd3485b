//! The `skillbook` binary: parse the arguments, hand them to the library's command line or (with
//! no command) the terminal app, print a fatal error. Everything else lives in the library crate.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = skillbook::cli::Cli::parse();
    match skillbook::cli::run(cli) {
        Ok(code) => code,
        // `skillbook list | head` closes the pipe early: that is the reader's choice, not an error.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            // Errors may quote file names or card text: make them safe to print.
            let message = format!("{error:#}");
            // Not eprintln: when the terminal is gone, stderr (the same terminal) fails too, and
            // eprintln would turn a clean exit into a panic.
            let _ = writeln!(
                std::io::stderr(),
                "skillbook: {}",
                skillbook::safe_text::sanitize(&message)
            );
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
