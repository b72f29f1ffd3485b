//! Taking the terminal over and giving it back. Whatever ends the app — quitting, an error, a
//! panic, SIGTERM, SIGHUP or SIGINT — the terminal is left as it was found: raw mode off, the
//! alternate screen left, mouse reporting off, the cursor shown.

use std::io::{self, Stdout, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// The real terminal.
pub type CrosstermTerminal = Terminal<CrosstermBackend<Stdout>>;

/// Whether the terminal is taken over, so restoring twice (from a panic and then from the
/// normal path) does nothing the second time.
static TAKEN: AtomicBool = AtomicBool::new(false);

/// Takes the terminal over: raw mode, alternate screen, mouse reporting. Installs the panic
/// hook first, so even a failure half-way gives the terminal back.
pub fn init() -> io::Result<CrosstermTerminal> {
    install_panic_hook();
    TAKEN.store(true, Ordering::SeqCst);
    let taken = enable_raw_mode()
        .and_then(|()| execute!(stdout(), EnterAlternateScreen, EnableMouseCapture))
        .and_then(|()| Terminal::new(CrosstermBackend::new(stdout())));
    if taken.is_err() {
        restore();
    }
    taken
}

/// Gives the terminal back. Safe to call more than once and from a panic hook; errors are
/// ignored because there is nothing better to do with them while leaving.
pub fn restore() {
    if !TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
}

/// Gives the terminal to another program (the user's editor) while `run` runs, then takes it
/// back: keys typed meanwhile are dropped, so they do not land in the app as commands. The
/// caller redraws fully afterwards. When the app does not own a terminal (tests), `run` just runs.
pub fn suspend<R>(run: impl FnOnce() -> R) -> R {
    if !TAKEN.load(Ordering::SeqCst) {
        return run();
    }
    let _ = execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let result = run();
    let _ = enable_raw_mode();
    while matches!(
        ratatui::crossterm::event::poll(std::time::Duration::ZERO),
        Ok(true)
    ) {
        let _ = ratatui::crossterm::event::read();
    }
    let _ = execute!(stdout(), EnterAlternateScreen, EnableMouseCapture);
    result
}

/// Restores the terminal before the default panic message is printed, so the message lands
/// on the normal screen where it can be read.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// The termination signals the app listens for: it stops, restores the terminal, then ends
/// the way the signal asked.
#[derive(Debug, Clone)]
pub struct Signals {
    received: Arc<AtomicUsize>,
}

impl Signals {
    /// Starts listening. A second signal of the same kind while the first is being handled
    /// ends the process at once (the escape hatch if the app were ever stuck).
    pub fn register() -> io::Result<Signals> {
        let received = Arc::new(AtomicUsize::new(0));
        let stop_now = Arc::new(AtomicBool::new(false));
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&stop_now))?;
            signal_hook::flag::register(signal, Arc::clone(&stop_now))?;
            let value = usize::try_from(signal).unwrap_or(0);
            signal_hook::flag::register_usize(signal, Arc::clone(&received), value)?;
        }
        Ok(Signals { received })
    }

    /// The signal received, if any.
    pub fn received(&self) -> Option<i32> {
        match self.received.load(Ordering::SeqCst) {
            0 => None,
            signal => i32::try_from(signal).ok(),
        }
    }
}

/// Ends the process the way `signal` would have, after the terminal was restored: the parent
/// shell sees "terminated by SIGTERM", not a normal exit.
pub fn end_by_signal(signal: i32) {
    let _ = signal_hook::low_level::emulate_default_handler(signal);
}

/// Watches the terminal the app reads keys from, to notice it going away (#10).
///
/// crossterm retries a read that returns end-of-file or EIO forever, so on a hung-up terminal
/// (the window closed without a SIGHUP reaching us) its `poll` never returns and burns a whole
/// core. The event loop therefore waits on the terminal itself and only lets crossterm read
/// while the terminal is still there.
#[derive(Debug)]
pub struct TerminalWatch {
    /// `/dev/tty` when standard input is not the terminal (crossterm then reads that);
    /// `None` means standard input.
    tty: Option<std::fs::File>,
}

/// The error the event loop stops with once the terminal is gone.
#[derive(Debug, thiserror::Error)]
#[error("the terminal went away (closed or hung up)")]
pub struct TerminalGone;

impl TerminalWatch {
    /// Watches standard input when it is a terminal, `/dev/tty` otherwise.
    pub fn new() -> TerminalWatch {
        use std::io::IsTerminal as _;
        let tty = if io::stdin().is_terminal() {
            None
        } else {
            std::fs::File::open("/dev/tty").ok()
        };
        TerminalWatch { tty }
    }

    /// Waits until the terminal has input or `timeout` passed (a signal such as SIGWINCH ends
    /// the wait early). Fails with [`TerminalGone`] when the terminal hung up.
    pub fn wait(&self, timeout: std::time::Duration) -> Result<(), TerminalGone> {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let stdin = io::stdin();
        let mut fds = match &self.tty {
            Some(tty) => [PollFd::new(tty, PollFlags::IN)],
            None => [PollFd::new(&stdin, PollFlags::IN)],
        };
        let timeout = Timespec::try_from(timeout).ok();
        match poll(&mut fds, timeout.as_ref()) {
            // Interrupted by a signal: the caller looks at signals and resizes next.
            Err(rustix::io::Errno::INTR) => return Ok(()),
            // Anything else wrong with the descriptor itself means no terminal to read.
            Err(_) => return Err(TerminalGone),
            Ok(_) => {}
        }
        let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
        if fds[0].revents().intersects(gone) {
            return Err(TerminalGone);
        }
        Ok(())
    }

    /// Fails with [`TerminalGone`] when the terminal hung up, without waiting.
    pub fn check(&self) -> Result<(), TerminalGone> {
        self.wait(std::time::Duration::ZERO)
    }
}

impl Default for TerminalWatch {
    fn default() -> Self {
        TerminalWatch::new()
    }
}
