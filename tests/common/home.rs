//! Keeps every test out of the user's own folders. skillbook writes a library's index to the
//! cache folder (`~/.cache/skillbook`), reads its config and themes from the config folder and
//! puts a library with no other place in the data folder. A test's skillbook, the real binary or
//! an app in the test process, finds all of them, and `HOME`, below a folder of the tests'.
//!
//! The test helpers (`common`, `tmux_common`, `tui_common`, `reliability_common`) include this
//! file, so each test gets it through the helper it already uses; `tests/architecture.rs` checks
//! that no test starts the binary any other way.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Once;

/// The binary under test.
pub const BINARY: &str = env!("CARGO_BIN_EXE_skillbook");

/// The home a test's skillbook has when the test gives it none: a folder in Cargo's scratch
/// space for integration tests (`target/tmp`), which `cargo clean` empties.
pub const TEST_HOME: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/skillbook-home");

/// The variables that put `HOME` and skillbook's cache, config and data folders below `home`.
pub fn home_env(home: &Path) -> [(&'static str, PathBuf); 4] {
    [
        ("HOME", home.to_path_buf()),
        ("XDG_CACHE_HOME", home.join("cache")),
        ("XDG_CONFIG_HOME", home.join("config")),
        ("XDG_DATA_HOME", home.join("data")),
    ]
}

/// The real binary, its folders below [`TEST_HOME`], and no library named by the environment
/// the tests run in.
pub fn binary() -> std::process::Command {
    let mut command = std::process::Command::new(BINARY);
    command
        .envs(home_env(Path::new(TEST_HOME)))
        .env_remove("SKILLBOOK_LIBRARY");
    command
}

/// `skillbook --library <library>` as [`binary`], in colourless output, for `assert_cmd`.
pub fn skillbook(library: &Path) -> assert_cmd::Command {
    let mut command = assert_cmd::Command::from_std(binary());
    command.env("NO_COLOR", "1").arg("--library").arg(library);
    command
}

/// Points this test process at [`TEST_HOME`] as well, for the apps tests run in process: a
/// reload after a change reads the library through its index in the cache folder. The helpers
/// that build an app call it; only the first call sets anything.
pub fn isolate_this_process() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        for (name, value) in home_env(Path::new(TEST_HOME)) {
            // SAFETY: std serialises its own reads and writes of the environment, and nothing in
            // the tests reads it past std (chrono reads `TZ` through std as well); the values are
            // set before the first app is built, as later calls wait on `ONCE`.
            unsafe { std::env::set_var(name, value) };
        }
    });
}
