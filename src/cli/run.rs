//! `skillbook run FILE --plain`: an agenda run as lines of text, one line per change (an item
//! starts, 20 % of it is left, 5 % is left, it ends, the plan falls behind or gets ahead), for
//! screen readers and for anyone who wants the timer in a plain terminal.
//!
//! The clock is the wall clock, sped up by `--speed` (seconds per minute) so a run can be
//! tried, and tested, in seconds. Typed lines steer it: `n` skips to the next item, `+` adds
//! five minutes, `p` pauses or goes on, `q` stops.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use chrono::TimeDelta;
use clap::Args;

use super::agenda::find_template;
use crate::library::{CardRef, Library};
use crate::plan::{Plan, load_plan, timetable};
use crate::run::{Run, run_items};

#[derive(Debug, Args)]
pub struct RunArgs {
    /// An agenda file, or a pack template such as excel-charts/office-visit-60
    #[arg(value_name = "FILE")]
    file: String,
    /// Print the run as lines of text, one per change (the only mode outside the app)
    #[arg(long)]
    plain: bool,
    /// Real seconds per minute of the plan: 60 is real time, 1 runs an hour in a minute
    #[arg(long, value_name = "N", default_value_t = 60.0)]
    speed: f64,
}

/// What a typed line asks for.
enum Steer {
    Skip,
    AddFive,
    Pause,
    Stop,
}

pub fn run(args: &RunArgs, library: &Library, out: &mut dyn Write) -> Result<ExitCode> {
    if !args.plain {
        bail!("run mode outside the app is plain text: add --plain");
    }
    if !(args.speed.is_finite() && args.speed > 0.0) {
        bail!("--speed takes a number of seconds above 0, like 60 or 0.5");
    }
    let (path, text, context_pack) = if Path::new(&args.file).exists() {
        let text = std::fs::read_to_string(&args.file)
            .with_context(|| format!("reading {}", args.file))?;
        (PathBuf::from(&args.file), text, None)
    } else {
        let (path, text, pack) = find_template(library, &args.file)?;
        (path, text, Some(pack))
    };
    let plan = load_plan(&path, &text).map_err(|problems| anyhow::anyhow!("{problems}"))?;
    let Plan::Agenda(agenda) = plan else {
        bail!(
            "{} is a course: run one of its sessions' agendas",
            args.file
        );
    };
    let timed = timetable(library, &agenda, context_pack.as_deref());
    let title_of = |reference: &str| match library.find(reference, context_pack.as_deref()) {
        CardRef::Found(card) => Some(card.card.title.clone()),
        CardRef::Missing => None,
    };
    let mut run = Run::new(run_items(&timed.timetable, &title_of), true);
    let start = timed.timetable.start;
    let say = |run: &Run, out: &mut dyn Write, events: Vec<crate::run::RunEvent>| -> Result<()> {
        for event in events {
            let seconds = event.at().unwrap_or_else(|| run.elapsed());
            let at = start + TimeDelta::seconds(i64::try_from(seconds).unwrap_or(0));
            writeln!(out, "{} {}", at.format("%H:%M"), run.describe(&event))?;
        }
        out.flush().context("writing to standard output")
    };
    writeln!(
        out,
        "Running {}",
        crate::safe_text::sanitize_line(&agenda.title)
    )?;
    let events = run.start();
    say(&run, out, events)?;

    let steering = steer_from_stdin();
    let begun = Instant::now();
    // Wake often enough to see each plan second, and never sleep past a typed line.
    let wait = Duration::from_secs_f64((args.speed / 60.0).min(0.2));
    let clock = || (begun.elapsed().as_secs_f64() * 60.0 / args.speed) as u64;
    run.tick(clock());
    while !run.is_finished() {
        let events = match steering.recv_timeout(wait) {
            Ok(Steer::Skip) => run.skip(),
            Ok(Steer::AddFive) => run.add_five(),
            Ok(Steer::Pause) => run.toggle_pause(),
            Ok(Steer::Stop) => {
                writeln!(out, "stopped")?;
                break;
            }
            Err(_) => Vec::new(),
        };
        say(&run, out, events)?;
        let events = run.tick(clock());
        say(&run, out, events)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Typed lines, read on their own thread so the clock never waits for input. When standard
/// input ends the channel just stays quiet.
fn steer_from_stdin() -> mpsc::Receiver<Steer> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            let steer = match line.trim() {
                "n" => Steer::Skip,
                "+" => Steer::AddFive,
                "p" => Steer::Pause,
                "q" => Steer::Stop,
                _ => continue,
            };
            if send.send(steer).is_err() {
                break;
            }
        }
    });
    receive
}
