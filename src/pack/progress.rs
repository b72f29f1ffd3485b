//! How far a running install has got, shared between the thread doing it and whoever shows it.
//!
//! The unpacker counts every entry and byte it writes into a [`Meter`]; the terminal app and
//! the command line read it on their own clock, so counting costs one atomic add and showing
//! never slows the install down. The same meter carries a request to stop: an install that is
//! told to stop refuses at the next entry or chunk and cleans up like any refused install.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// Entries and bytes unpacked so far, and whether the install should stop.
#[derive(Debug, Default)]
pub struct Meter {
    entries: AtomicU64,
    bytes: AtomicU64,
    stop: AtomicBool,
}

impl Meter {
    /// Counts one more file or folder.
    pub fn add_entry(&self) {
        self.entries.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts bytes written.
    pub fn add_bytes(&self, bytes: u64) {
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    /// Files and folders unpacked so far.
    pub fn entries(&self) -> u64 {
        self.entries.load(Ordering::Relaxed)
    }

    /// Bytes unpacked so far.
    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Asks the install to stop (the app is quitting).
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// Whether the install was asked to stop.
    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

/// A byte count as a progress line shows it: `812 bytes`, `3.4 KiB`, `12.0 MiB`.
pub fn rough_size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    // Tenths by integer arithmetic: exact enough for progress, and no float casts.
    let tenths = |unit: u64| {
        let t = bytes.saturating_mul(10) / unit;
        format!("{}.{}", t / 10, t % 10)
    };
    if bytes >= MIB {
        format!("{} MiB", tenths(MIB))
    } else if bytes >= KIB {
        format!("{} KiB", tenths(KIB))
    } else if bytes == 1 {
        "1 byte".into()
    } else {
        format!("{bytes} bytes")
    }
}

/// The counts alone: `12 files and folders, 3.4 KiB`.
pub fn progress_counts(entries: u64, bytes: u64) -> String {
    let things = if entries == 1 {
        "1 file or folder".to_string()
    } else {
        format!("{entries} files and folders")
    };
    format!("{things}, {}", rough_size(bytes))
}

/// The progress line for a step with its counts: `unpacking x.zip (zip): 12 files and folders,
/// 3.4 KiB`; before anything is counted, just the step.
pub fn progress_line(step: &str, entries: u64, bytes: u64) -> String {
    if entries == 0 {
        return format!("{step}…");
    }
    format!("{step}: {}", progress_counts(entries, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_roughly() {
        for (bytes, shown) in [
            (0, "0 bytes"),
            (1, "1 byte"),
            (1023, "1023 bytes"),
            (1024, "1.0 KiB"),
            (3500, "3.4 KiB"),
            (12 * 1024 * 1024 + 1, "12.0 MiB"),
        ] {
            assert_eq!(rough_size(bytes), shown, "{bytes}");
        }
    }

    #[test]
    fn progress_lines_count_when_there_is_something_to_count() {
        assert_eq!(progress_line("cloning x", 0, 0), "cloning x…");
        assert_eq!(
            progress_line("unpacking x.zip (zip)", 12, 3500),
            "unpacking x.zip (zip): 12 files and folders, 3.4 KiB"
        );
        let meter = Meter::default();
        meter.add_entry();
        meter.add_bytes(5);
        assert_eq!((meter.entries(), meter.bytes()), (1, 5));
        assert!(!meter.stopped());
        meter.stop();
        assert!(meter.stopped());
    }
}
