//! Saves survive being killed: a helper process saves two versions of a card over each other
//! in a loop with `store::write_atomic`, and is killed at random moments, ~200 times. After
//! every kill the card is one version or the other, whole — never a mix, never empty.
//!
//! The helper is this test binary itself, run with an environment variable that makes the
//! `writer_loop` test loop instead of returning.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use skillbook::store::write_atomic;

const HELPER: &str = "SKILLBOOK_CRASH_WRITER";

/// Two versions large enough that a write takes a while and a torn one would show.
fn versions() -> [Vec<u8>; 2] {
    let make = |word: &str| {
        let mut text = String::from("+++\ntitle = \"Crash\"\n+++\n");
        while text.len() < 256 * 1024 {
            text.push_str(word);
            text.push('\n');
        }
        text.push_str("END\n");
        text.into_bytes()
    };
    [make("old old old"), make("new new new")]
}

/// The helper: saves the two versions in turn until killed. Does nothing in a normal run.
#[test]
fn writer_loop() {
    let Some(path) = std::env::var_os(HELPER) else {
        return;
    };
    let versions = versions();
    let path = Path::new(&path);
    for turn in 0.. {
        write_atomic(path, &versions[turn % 2]).expect("save");
    }
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_file_whole() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("card.md");
    let versions = versions();
    write_atomic(&path, &versions[0]).unwrap();
    let exe = std::env::current_exe().unwrap();
    // A cheap pseudo-random sequence: the moments differ run to run, and stay reproducible
    // from the printed seed.
    let mut seed = u64::from(std::process::id()) ^ 0x9e37_79b9_7f4a_7c15;
    println!("seed {seed}");
    let mut seen = [0usize; 2];
    for round in 0..200 {
        let mut child = Command::new(&exe)
            .args(["writer_loop", "--exact", "--nocapture", "--test-threads=1"])
            .env(HELPER, &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let wait = Duration::from_micros(5_000 + seed % 60_000);
        let start = Instant::now();
        while start.elapsed() < wait {
            std::thread::sleep(Duration::from_micros(500));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let now = std::fs::read(&path).unwrap();
        let which = versions.iter().position(|v| *v == now);
        assert!(
            which.is_some(),
            "round {round}: the card is neither version ({} bytes)",
            now.len()
        );
        seen[which.unwrap_or(0)] += 1;
    }
    println!("old {} / new {}", seen[0], seen[1]);
}
