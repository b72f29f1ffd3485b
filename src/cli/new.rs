//! `skillbook new card|agenda|course`: start a file in the library from a template.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use crate::card::{CardTemplate, Level, is_valid_id, new_card_text, slugify};
use crate::duration::{Minutes, parse_minutes};
use crate::library::Library;
use crate::store;
use crate::templates::{AgendaStart, CourseStart, new_agenda_text, new_course_text};

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A card with the five body sections, ready to fill in
    Card(NewCard),
    /// An agenda for one session, blank or from a pack template
    Agenda(NewAgenda),
    /// A course of sessions on a weekly rhythm
    Course(NewCourse),
}

#[derive(Debug, Args)]
pub struct NewCard {
    /// The title: what the learner will be able to do
    title: String,
    /// The id (default: derived from the title)
    #[arg(long)]
    id: Option<String>,
    /// The tool taught, e.g. Excel
    #[arg(long)]
    tool: Option<String>,
    /// beginner, intermediate or advanced
    #[arg(long, value_parser = parse_level)]
    level: Option<Level>,
    /// How long it takes: 20, 1:30, 1h30, 45m
    #[arg(long, value_parser = parse_duration)]
    duration: Option<Minutes>,
    /// Language (BCP 47, e.g. en, da)
    #[arg(long)]
    lang: Option<String>,
    /// A tag (repeat for more)
    #[arg(long = "tag")]
    tags: Vec<String>,
}

#[derive(Debug, Args)]
pub struct NewAgenda {
    /// The agenda's title, e.g. "Visit at Hansen Tømrer"
    title: String,
    /// Start from a pack template (e.g. excel-charts/office-visit-60); see `skillbook agenda --templates`
    #[arg(long, value_name = "TEMPLATE")]
    from: Option<String>,
    /// The date, e.g. 2026-12-03
    #[arg(long)]
    date: Option<NaiveDate>,
    /// The start time, e.g. 09:00
    #[arg(long, value_parser = parse_clock)]
    start: Option<chrono::NaiveTime>,
    /// The time available: 60, 1h30...
    #[arg(long, value_parser = parse_duration)]
    slot: Option<Minutes>,
}

#[derive(Debug, Args)]
pub struct NewCourse {
    /// The course's title, e.g. "Slack for the whole office"
    title: String,
    /// Weekday of the rhythm, e.g. tuesday
    #[arg(long, default_value = "tuesday")]
    weekday: chrono::Weekday,
    /// Start time of each session
    #[arg(long, value_parser = parse_clock, default_value = "16:00")]
    start: chrono::NaiveTime,
    /// Length of each session
    #[arg(long, value_parser = parse_duration, default_value = "90")]
    minutes: Minutes,
    /// How many sessions
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u8).range(1..=20))]
    sessions: u8,
    /// The date of the first session (default: the next rhythm day)
    #[arg(long)]
    first: Option<NaiveDate>,
}

fn parse_level(text: &str) -> Result<Level, String> {
    text.parse()
        .map_err(|()| "expected beginner, intermediate or advanced".to_string())
}

fn parse_duration(text: &str) -> Result<Minutes, String> {
    parse_minutes(text).map_err(|e| e.to_string())
}

fn parse_clock(text: &str) -> Result<chrono::NaiveTime, String> {
    crate::toml_read::parse_clock(text)
        .ok_or_else(|| format!("expected a time like 09:00, not {text:?}"))
}

pub fn run(command: &NewCommand, library: &Library, out: &mut dyn Write) -> Result<ExitCode> {
    let path = match command {
        NewCommand::Card(args) => new_card(args, library)?,
        NewCommand::Agenda(args) => new_agenda(args, library)?,
        NewCommand::Course(args) => new_course(args, library)?,
    };
    writeln!(out, "{}", path.display())?;
    Ok(ExitCode::SUCCESS)
}

fn new_card(args: &NewCard, library: &Library) -> Result<PathBuf> {
    let id = match &args.id {
        Some(id) => id.clone(),
        None => slugify(&args.title),
    };
    if !is_valid_id(&id) {
        bail!(
            "cannot make an id from {:?}; give one with --id (lowercase letters, digits, dashes)",
            args.title
        );
    }
    if let Some(existing) = library.cards.iter().find(|c| c.is_own() && c.card.id == id) {
        bail!(
            "{}: a card with the id {id:?} exists already; choose another with --id",
            existing.path.display()
        );
    }
    let text = new_card_text(&CardTemplate {
        title: args.title.clone(),
        tool: args.tool.clone(),
        level: args.level,
        duration: args.duration,
        lang: args.lang.clone(),
        tags: args.tags.clone(),
    });
    let path = library.cards_folder().join(format!("{id}.md"));
    create(&path, &text)?;
    Ok(path)
}

fn new_agenda(args: &NewAgenda, library: &Library) -> Result<PathBuf> {
    let template = match &args.from {
        Some(name) => Some(super::agenda::find_template(library, name)?),
        None => None,
    };
    let text = new_agenda_text(&AgendaStart {
        title: args.title.clone(),
        date: args.date,
        start: args.start,
        slot: args.slot,
        template: template
            .as_ref()
            .map(|(path, text, pack)| (path.as_path(), text.as_str(), pack.as_str())),
    })?;
    let path = free_path(&library.agendas_folder(), &args.title)?;
    create(&path, &text)?;
    Ok(path)
}

fn new_course(args: &NewCourse, library: &Library) -> Result<PathBuf> {
    let text = new_course_text(&CourseStart {
        title: args.title.clone(),
        weekday: args.weekday,
        start: args.start,
        minutes: args.minutes,
        sessions: args.sessions,
        first: args.first,
        today: chrono::Local::now().date_naive(),
    });
    let path = free_path(&library.courses_folder(), &args.title)?;
    create(&path, &text)?;
    Ok(path)
}

/// `folder/<slug>.toml`, refusing a name that is taken.
fn free_path(folder: &Path, title: &str) -> Result<PathBuf> {
    let slug = slugify(title);
    if slug.is_empty() {
        bail!("cannot make a file name from {title:?}; use letters or digits in the title");
    }
    let path = folder.join(format!("{slug}.toml"));
    if path.exists() {
        bail!("{}: exists already; choose another title", path.display());
    }
    Ok(path)
}

fn create(path: &Path, text: &str) -> Result<()> {
    store::save_checked(path, None, text.as_bytes())
        .with_context(|| format!("creating {}", path.display()))?;
    Ok(())
}
