//! A save into a really full filesystem: the test binary re-runs itself in a user and mount
//! namespace of its own (`unshare --user --map-root-user --mount`, no privileges needed where
//! the kernel allows unprivileged user namespaces), mounts a 256 KiB tmpfs over a temporary
//! folder there, fills it, and saves. The save must fail with a message naming the file and
//! "No space left on device", the old file must stay whole, and no temporary file may be left.
//! The tmpfs lives only in the child's namespace and goes away with it.
//!
//! Where user namespaces are not allowed (some CI kernels restrict them), the test says so and
//! passes; `tests/crash_safe_saves.rs` simulates the full disk with a file size limit instead.

#![cfg(target_os = "linux")]

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use skillbook::store::write_atomic;

const CHILD: &str = "SKILLBOOK_TEST_FULL_DISK";
const OLD: &[u8] = b"+++\ntitle = \"Old\"\n+++\nThe words the user wrote before the disk filled.\n";

/// The child's side, inside the namespace with the tmpfs mounted on the folder: fill it, save,
/// report on stdout.
#[test]
fn child_saves_on_a_full_disk() {
    let Some(folder) = std::env::var_os(CHILD) else {
        return;
    };
    let folder = PathBuf::from(folder);
    let path = folder.join("card.md");
    fs::write(&path, OLD).expect("the old file");
    fill(&folder.join("filler"));
    match write_atomic(&path, &vec![b'n'; 64 * 1024]) {
        Ok(()) => println!("result: saved"),
        Err(error) => println!("result: error: {error}"),
    }
    let whole = fs::read(&path).is_ok_and(|now| now == OLD);
    println!("result: old file whole: {whole}");
    let left: Vec<String> = fs::read_dir(&folder)
        .expect("the folder")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "card.md" && name != "filler")
        .collect();
    println!("result: left behind: {left:?}");
}

/// Writes zeros to `path` until the filesystem is full.
fn fill(path: &Path) {
    let mut file = OpenOptions::new()
        .create_new(true)
        .write(true)
        .open(path)
        .expect("the filler file");
    let block = vec![0u8; 4096];
    loop {
        match file.write(&block) {
            Ok(0) => break,
            Ok(_) => {}
            Err(error) if error.kind() == ErrorKind::StorageFull => break,
            Err(error) => panic!("filling: {error}"),
        }
    }
    // Any partial block still buffered by the kernel is accounted already; tmpfs has no cache.
}

#[test]
fn a_save_into_a_full_filesystem_fails_clearly_and_keeps_the_old_file() {
    let folder = tempfile::tempdir().expect("temp dir");
    let exe = std::env::current_exe().expect("test binary");
    let output = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "sh", "-c"])
        .arg(
            "mount -t tmpfs -o size=256k skillbook-full \"$1\" || exit 97; \
             exec \"$0\" --exact child_saves_on_a_full_disk --nocapture --test-threads=1",
        )
        .arg(&exe)
        .arg(folder.path())
        .env(CHILD, folder.path())
        .output();
    let output = match output {
        Ok(output) => output,
        Err(error) => {
            eprintln!("skipped: unshare is not installed ({error}); see crash_safe_saves.rs");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let results: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.split_once("result: ").map(|(_, result)| result))
        .collect();
    if results.is_empty() && (output.status.code() == Some(97) || stderr.contains("unshare")) {
        eprintln!(
            "skipped: no user namespace or tmpfs mount allowed here ({}); the full disk is \
             simulated in crash_safe_saves.rs",
            stderr.trim()
        );
        return;
    }
    let path = folder.path().join("card.md");
    let expected_error = format!("error: {}: No space left on device", path.display());
    assert!(
        results
            .first()
            .is_some_and(|line| line.starts_with(&expected_error)),
        "the save fails naming the file and the reason: {results:?}\n{stderr}"
    );
    assert_eq!(results.get(1), Some(&"old file whole: true"), "{results:?}");
    assert_eq!(results.get(2), Some(&"left behind: []"), "{results:?}");
    // The tmpfs was the child's alone: here the folder is as empty as it was made.
    assert_eq!(fs::read_dir(folder.path()).expect("folder").count(), 0);
}
