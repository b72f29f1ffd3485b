//! Saves survive a crash: a child process (this test binary, re-run with an environment
//! variable) saves two large contents in turn with `store::write_atomic` and is killed with
//! SIGKILL at random moments, hundreds of times. The file is always exactly one of the two, and
//! at most the one temporary file that was in flight is left. A save into a read-only folder or
//! past a file size limit (how a full disk is simulated without root) fails with a message that
//! names the file and leaves the old one whole.

#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use skillbook::store::write_atomic;

const CHILD_LOOP: &str = "SKILLBOOK_TEST_SAVE_LOOP";
const CHILD_ONCE: &str = "SKILLBOOK_TEST_SAVE_ONCE";
const KILLS: usize = 300;
const SIZE: usize = 2 * 1024 * 1024;

fn contents() -> (Vec<u8>, Vec<u8>) {
    (vec![b'a'; SIZE], vec![b'b'; SIZE + 4096])
}

/// The child's side: saves A and B in turn until killed, saying "ready" after the first save.
#[test]
fn child_saves_in_a_loop() {
    let Some(path) = std::env::var_os(CHILD_LOOP) else {
        return;
    };
    let path = PathBuf::from(path);
    let (a, b) = contents();
    write_atomic(&path, &a).expect("first save");
    println!("ready");
    loop {
        write_atomic(&path, &b).expect("save");
        write_atomic(&path, &a).expect("save");
    }
}

/// The child's side of one save under limits: prints the error, if any.
#[test]
fn child_saves_once() {
    let Some(path) = std::env::var_os(CHILD_ONCE) else {
        return;
    };
    match write_atomic(Path::new(&path), &vec![b'n'; 64 * 1024]) {
        Ok(()) => println!("saved"),
        Err(error) => println!("error: {error}"),
    }
}

fn child(test: &str) -> Command {
    let mut command = Command::new(std::env::current_exe().expect("test binary"));
    command.args(["--exact", test, "--nocapture", "--test-threads=1"]);
    command
}

fn temporaries(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .expect("folder")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "tmp"))
        .collect()
}

/// A small, seeded random number generator: the kill moments differ run to run only by seed.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn a_killed_save_leaves_the_old_or_the_new_file() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("card.md");
    let (a, b) = contents();
    let mut seed = 0x5eed_u64 ^ u64::from(std::process::id());
    let mut seen = [0usize; 2];
    for round in 0..KILLS {
        let mut process = child("child_saves_in_a_loop")
            .env(CHILD_LOOP, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn the writer");
        let stdout = process.stdout.take().expect("stdout");
        let mut line = String::new();
        let mut reader = BufReader::new(stdout);
        while !line.contains("ready") {
            line.clear();
            assert!(
                reader.read_line(&mut line).expect("read") > 0,
                "the writer died"
            );
        }
        std::thread::sleep(Duration::from_micros(next(&mut seed) % 20_000));
        process.kill().expect("SIGKILL");
        process.wait().expect("wait");
        let now = std::fs::read(&path).expect("the file is there");
        if now == a {
            seen[0] += 1;
        } else if now == b {
            seen[1] += 1;
        } else {
            panic!(
                "round {round}: the file is neither old nor new ({} bytes)",
                now.len()
            );
        }
        let left = temporaries(folder.path());
        assert!(left.len() <= 1, "round {round}: {left:?}");
        for path in left {
            std::fs::remove_file(path).expect("remove the one in flight");
        }
    }
    // Both contents were seen, so the kills did land between and inside saves.
    assert!(seen[0] > 0 && seen[1] > 0, "{seen:?}");
}

fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

#[test]
fn a_save_into_a_read_only_folder_fails_clearly_and_keeps_the_old_file() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("card.md");
    std::fs::write(&path, "old").expect("write");
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o555))
        .expect("read only");
    let result = write_atomic(&path, b"new");
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o755))
        .expect("writable again");
    if running_as_root() {
        // Root writes anyway; what must hold is that the file is whole.
        let now = std::fs::read(&path).expect("read");
        assert!(now == b"old" || now == b"new");
    } else {
        let error = result.expect_err("a read-only folder refuses the save");
        let message = error.to_string();
        assert!(
            message.contains(folder.path().to_str().expect("utf-8")),
            "{message}"
        );
        assert!(message.to_lowercase().contains("permission"), "{message}");
        assert_eq!(std::fs::read(&path).expect("read"), b"old");
    }
    assert!(temporaries(folder.path()).is_empty());
}

/// A full disk cannot be made without root (no tmpfs mount); a file size limit (`ulimit -f`)
/// fails the write the same way, part way through, so it stands in for one.
#[test]
fn a_save_past_a_size_limit_fails_clearly_and_keeps_the_old_file() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("card.md");
    std::fs::write(&path, "old").expect("write");
    let exe = std::env::current_exe().expect("test binary");
    // SIGXFSZ would kill the child; ignored, the write returns EFBIG instead. An ignored
    // signal stays ignored across exec.
    let output = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 16; exec \"$0\" --exact child_saves_once --nocapture --test-threads=1")
        .arg(&exe)
        .env(CHILD_ONCE, &path)
        .output()
        .expect("run the child");
    let stdout = String::from_utf8_lossy(&output.stdout);
    // The test harness prints its own words on the same line: look for ours.
    let line = stdout
        .lines()
        .find(|line| line.contains("error: ") || line.contains("saved"))
        .unwrap_or_else(|| panic!("no result: {stdout}"));
    assert!(line.contains("error: "), "{line}");
    assert!(line.contains(path.to_str().expect("utf-8")), "{line}");
    assert!(line.to_lowercase().contains("too large"), "{line}");
    assert_eq!(std::fs::read(&path).expect("read"), b"old");
    assert!(
        temporaries(folder.path()).is_empty(),
        "the failed temporary is removed"
    );
}
