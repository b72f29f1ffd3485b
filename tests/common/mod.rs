//! Shared helpers for the pack tests: a temp folder with a library in it, the real binary, small
//! packs, archive writers and a listing of everything on disk to compare before and after; and,
//! in `home`, the one way every test runs the binary, away from the user's own folders.

#![allow(dead_code)]

#[allow(clippy::duplicate_mod)]
pub mod home;

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A temp folder holding a library (`lib/`, not created until something writes it) and room
/// for sources beside it.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        Sandbox {
            dir: tempfile::tempdir().expect("temp folder"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn lib(&self) -> PathBuf {
        self.path().join("lib")
    }

    /// `skillbook --library <lib> args...`, with the caller's environment kept out.
    pub fn skillbook(&self, args: &[&str]) -> Command {
        let mut command = home::skillbook(&self.lib());
        command.current_dir(self.path()).args(args);
        command
    }

    /// Writes `files` (path, text) below `folder` (relative to the sandbox).
    pub fn write_folder(&self, folder: &str, files: &[(String, String)]) -> PathBuf {
        let root = self.path().join(folder);
        for (path, text) in files {
            let target = root.join(path);
            fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
            fs::write(target, text).expect("write");
        }
        root
    }
}

/// What a path is, for snapshots.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Folder,
    File(Vec<u8>),
    Link(PathBuf),
    Other,
}

/// Everything below `root`, links not followed: path -> kind and content.
pub fn snapshot(root: &Path) -> BTreeMap<PathBuf, Kind> {
    let mut found = BTreeMap::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let entry = entry.expect("entry");
            let path = entry.path();
            let kind = entry.file_type().expect("type");
            let relative = path.strip_prefix(root).expect("inside").to_path_buf();
            let value = if kind.is_symlink() {
                Kind::Link(fs::read_link(&path).expect("link"))
            } else if kind.is_dir() {
                pending.push(path.clone());
                Kind::Folder
            } else if kind.is_file() {
                Kind::File(fs::read(&path).expect("read"))
            } else {
                Kind::Other
            };
            found.insert(relative, value);
        }
    }
    found
}

/// A card file's text.
pub fn card(title: &str, duration: u32, body: &str) -> String {
    format!(
        "+++\ntitle = {title:?}\ntool = \"Excel\"\nduration = {duration}\nlevel = \"beginner\"\n\n[[checklist]]\nitem = \"Sample file ready\"\ndone = false\n+++\n{body}"
    )
}

/// The body every test card starts from.
pub const BODY: &str = "\n## Why it matters\n\nCharts tell the story.\n\n## Show it\n\nOpen the sales table.\n\n## Try it\n\nMake a chart of last month.\n\n## Pitfalls\n\n- Merged cells.\n\n## Leave behind\n\n- A link.\n";

/// A small pack: a manifest and two cards, `pivot` and `slicers`.
pub fn pack(name: &str, version: &str) -> Vec<(String, String)> {
    vec![
        (
            "pack.toml".into(),
            format!(
                "name = {name:?}\nversion = {version:?}\ntitle = \"Demo pack\"\nlang = \"en\"\n"
            ),
        ),
        (
            "cards/pivot.md".into(),
            card("Build a pivot chart", 20, BODY),
        ),
        (
            "cards/slicers.md".into(),
            card("Filter with slicers", 15, BODY),
        ),
    ]
}

/// Replaces the card at `path` in `files`.
pub fn with_file(
    mut files: Vec<(String, String)>,
    path: &str,
    text: String,
) -> Vec<(String, String)> {
    files.retain(|(p, _)| p != path);
    files.push((path.to_string(), text));
    files
}

/// Writes files as a gzipped tar, each under `prefix` (e.g. "demo-1.0.0/", or "").
pub fn write_tar_gz(path: &Path, prefix: &str, files: &[(String, String)]) {
    let file = fs::File::create(path).expect("create");
    let encoder = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
    let mut builder = tar::Builder::new(encoder);
    append_files(&mut builder, prefix, files);
    builder.into_inner().expect("tar").finish().expect("gzip");
}

/// Writes files as a plain tar.
pub fn write_tar(path: &Path, prefix: &str, files: &[(String, String)]) {
    let mut builder = tar::Builder::new(fs::File::create(path).expect("create"));
    append_files(&mut builder, prefix, files);
    builder.into_inner().expect("tar");
}

pub fn append_files<W: Write>(
    builder: &mut tar::Builder<W>,
    prefix: &str,
    files: &[(String, String)],
) {
    for (name, text) in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(text.len() as u64);
        header.set_mode(0o644);
        header.set_entry_type(tar::EntryType::Regular);
        builder
            .append_data(&mut header, format!("{prefix}{name}"), text.as_bytes())
            .expect("append");
    }
}

/// Writes files as a zip.
pub fn write_zip(path: &Path, prefix: &str, files: &[(String, String)]) {
    let mut writer = zip::ZipWriter::new(fs::File::create(path).expect("create"));
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in files {
        writer
            .start_file(format!("{prefix}{name}"), options)
            .expect("start");
        writer.write_all(text.as_bytes()).expect("write");
    }
    writer.finish().expect("finish");
}

/// Stdout and stderr of a finished command, as text.
pub fn outputs(output: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Whether `git` can be run here.
pub fn have_git() -> bool {
    std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs git in `dir` with a fixed identity, panicking on failure.
pub fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}
