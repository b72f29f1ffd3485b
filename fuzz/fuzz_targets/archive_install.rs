//! Any bytes as a pack archive, installed into a fresh library in a temporary folder through the
//! real install path (`stage`, then `commit`): no panic, nothing written outside
//! `<library>/packs/`, nothing left behind when the install fails, and never a link.
//!
//! The first byte picks the file name the archive gets (and so how it is read): `.tar`,
//! `.tar.gz`, `.zip`, or no extension (the format is then told from the bytes).
#![no_main]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use skillbook::library::{self, Library};
use skillbook::pack::install::stage;
use skillbook::pack::unpack::Limits;

/// Small limits keep each run fast; the limit checks are the same code at any size.
const LIMITS: Limits = Limits {
    total_bytes: 1024 * 1024,
    file_bytes: 256 * 1024,
    entries: 200,
};

const CANARY: &[u8] = b"a file outside the library that no install may touch";

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let name = match selector % 4 {
        0 => "pack.tar",
        1 => "pack.tar.gz",
        2 => "pack.zip",
        _ => "pack",
    };
    // tmpfs when there is one: the installer syncs every file it writes.
    let base = Path::new("/dev/shm");
    let sandbox = if base.is_dir() {
        tempfile::tempdir_in(base)
    } else {
        tempfile::tempdir()
    }
    .expect("a temporary folder");
    let sandbox = sandbox.path();
    let input = sandbox.join("input");
    let outside = sandbox.join("outside");
    let root = sandbox.join("library");
    for folder in [&input, &outside, &root] {
        fs::create_dir(folder).expect("a sandbox folder");
    }
    fs::write(outside.join("canary.txt"), CANARY).expect("the canary");
    let archive = input.join(name);
    fs::write(&archive, bytes).expect("the archive");

    // An empty library is the bundled packs alone: load them once, not on every run (loading
    // them is most of a run's time otherwise). Only the root differs from sandbox to sandbox.
    static BUNDLED: OnceLock<Library> = OnceLock::new();
    let mut before = BUNDLED.get_or_init(|| library::load(&root)).clone();
    before.root = root.clone();
    let given = archive.to_string_lossy().into_owned();
    let installed = match stage(&root, &given, LIMITS, &mut |_| {}) {
        Ok(staged) => staged.commit(&before, &mut |_| {}).ok(),
        Err(_) => None,
    };

    // Outside the library: exactly what the sandbox started with.
    let mut top: Vec<PathBuf> = walk(sandbox)
        .into_iter()
        .filter(|path| !path.starts_with(&root))
        .collect();
    top.sort();
    assert_eq!(
        top,
        vec![
            sandbox.to_path_buf(),
            input.clone(),
            archive.clone(),
            outside.clone(),
            outside.join("canary.txt"),
        ]
    );
    assert_eq!(
        fs::read(outside.join("canary.txt")).expect("the canary"),
        CANARY
    );
    assert_eq!(fs::read(&archive).expect("the archive"), bytes);

    let inside = walk(&root);
    match installed {
        // A failed install leaves the library as it was: empty.
        None => assert_eq!(
            inside,
            vec![root.clone()],
            "a failed install left files behind"
        ),
        Some(installed) => {
            let folder = root.join("packs").join(&installed.manifest.name);
            assert_eq!(installed.folder, folder);
            for path in inside {
                assert!(
                    path == root || path == root.join("packs") || path.starts_with(&folder),
                    "{} is outside the installed pack {}",
                    path.display(),
                    folder.display()
                );
            }
        }
    }
});

/// Every path below `folder`, `folder` included; panics on a link, which the installer never
/// makes.
fn walk(folder: &Path) -> Vec<PathBuf> {
    let mut found = vec![folder.to_path_buf()];
    let mut index = 0;
    while index < found.len() {
        let path = found[index].clone();
        index += 1;
        let kind = fs::symlink_metadata(&path).expect("metadata").file_type();
        assert!(!kind.is_symlink(), "{} is a link", path.display());
        if kind.is_dir() {
            for entry in fs::read_dir(&path).expect("a readable folder") {
                found.push(entry.expect("an entry").path());
            }
        }
    }
    found
}
