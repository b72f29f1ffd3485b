//! Cloning a pack's git repository with the system `git`, as a pack source and nothing more.
//!
//! The clone is shallow and runs with hooks pointed at `/dev/null`, no submodules, no tags, no
//! template, the `ext::` transport forbidden and no terminal prompts. The clone lands in the
//! staging folder; the files are then copied out of it by the same rules as an archive (so a
//! link committed to the repository refuses the pack) and `.git` is left behind.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use super::error::{PackError, PackResult};
use super::progress::Meter;

/// The git environment variables that would point the clone at another repository or add
/// configuration behind our back.
const CLEARED_ENV: &[&str] = &[
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_CONFIG",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_COUNT",
    "GIT_TEMPLATE_DIR",
    "GIT_EXEC_PATH",
];

/// Whether `text` reads as a git URL: `https://`, `http://`, `ssh://`, `git://`, `file://`, or
/// the scp form `user@host:path`. Transports of the `name::address` form (`ext::` runs a
/// command) are never URLs here.
pub fn looks_like_url(text: &str) -> bool {
    if text.starts_with('-') || text.contains("::") || text.chars().any(char::is_control) {
        return false;
    }
    const SCHEMES: [&str; 5] = ["https://", "http://", "ssh://", "git://", "file://"];
    if SCHEMES.iter().any(|scheme| text.starts_with(scheme)) {
        return true;
    }
    // scp-like: `host:path` or `user@host:path`, with no slash before the colon.
    match text.split_once(':') {
        Some((host, path)) => {
            !host.is_empty() && !host.contains('/') && host.contains('@') && !path.is_empty()
        }
        None => false,
    }
}

/// Clones `url` (or the repository in the local folder `local`) shallowly into `dest`, which
/// must not exist. Returns the commit that was cloned, when git tells it.
pub fn clone_shallow(
    url: &str,
    local: Option<&Path>,
    dest: &Path,
    source: &str,
    meter: &Meter,
) -> PackResult<Option<String>> {
    let target = match local {
        // A file:// URL makes --depth work for a local repository and avoids hard-linking its
        // objects into the library.
        Some(path) => format!("file://{}", path.display()),
        None => url.to_string(),
    };
    let mut command = git();
    if local.is_some() {
        command.args(["-c", "protocol.file.allow=always"]);
    }
    command
        .args([
            "clone",
            "--depth",
            "1",
            "--single-branch",
            "--no-tags",
            "--no-recurse-submodules",
            "--template=",
            "--quiet",
            "--",
        ])
        .arg(&target)
        .arg(dest);
    let output = run_stoppable(&mut command, meter, source)?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr).trim().to_string();
        return Err(PackError::Git {
            input: source.to_string(),
            message: if message.is_empty() {
                format!("git exited with {}", output.status)
            } else {
                message
            },
        });
    }
    let head = git()
        .arg("-C")
        .arg(dest)
        .args(["rev-parse", "HEAD"])
        .output()
        .ok()
        .filter(|output| output.status.success())
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_string())
        .filter(|commit| commit.bytes().all(|b| b.is_ascii_hexdigit()) && !commit.is_empty());
    Ok(head)
}

/// Runs `command` to its end, or kills it when the meter asks to stop (a clone of a large or
/// slow repository must not keep the app from quitting). Its output is read on threads, so a
/// chatty git never blocks on a full pipe.
fn run_stoppable(command: &mut Command, meter: &Meter, source: &str) -> PackResult<Output> {
    let mut child = command.spawn().map_err(|error| PackError::GitMissing {
        input: source.to_string(),
        error,
    })?;
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let status = loop {
        if meter.stopped() {
            let _ = child.kill();
            let _ = child.wait();
            return Err(PackError::Stopped {
                input: source.to_string(),
            });
        }
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => std::thread::sleep(Duration::from_millis(25)),
            Err(error) => {
                return Err(PackError::Git {
                    input: source.to_string(),
                    message: error.to_string(),
                });
            }
        }
    };
    Ok(Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}

/// A `git` command that runs no hook, asks for nothing, and ignores the caller's git
/// environment.
fn git() -> Command {
    let mut command = Command::new("git");
    for name in CLEARED_ENV {
        command.env_remove(name);
    }
    command
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GCM_INTERACTIVE", "never")
        .env("GIT_LFS_SKIP_SMUDGE", "1")
        .args([
            "-c",
            "core.hooksPath=/dev/null",
            "-c",
            "protocol.ext.allow=never",
            "-c",
            "core.fsmonitor=false",
            "-c",
            "submodule.recurse=false",
            "-c",
            "core.symlinks=true",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_other_text() {
        for url in [
            "https://example.org/packs/excel.git",
            "ssh://git@example.org/packs/excel.git",
            "git@example.org:packs/excel.git",
            "file:///srv/packs/excel",
        ] {
            assert!(looks_like_url(url), "{url}");
        }
        for text in [
            "ext::sh -c touch% /tmp/pwned",
            "--upload-pack=touch /tmp/pwned",
            "excel-charts",
            "packs/excel.tar.gz",
            "C:/packs/excel",
            "",
        ] {
            assert!(!looks_like_url(text), "{text}");
        }
    }
}
