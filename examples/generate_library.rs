//! Writes a synthetic library of any size for benchmarks and the comparison with fzf:
//!
//!     cargo run --release --example generate_library -- 10000 /tmp/skillbook-10k
//!
//! Cards have realistic titles, tools, tags, summaries with Danish and German letters, and
//! bodies of about 1.6 KB with the five sections. The same count gives the same library (a
//! fixed-seed generator), so measurements can be repeated.

use std::fmt::Write as _;
use std::path::Path;

const VERBS: [&str; 16] = [
    "Build", "Share", "Filter", "Plan", "Present", "Automate", "Find", "Clean up", "Schedule",
    "Track", "Compare", "Explain", "Set up", "Review", "Publish", "Measure",
];
const OBJECTS: [&str; 20] = [
    "a pivot chart",
    "the monthly sales report",
    "a customer list",
    "the quote template",
    "a kløft analysis",
    "the project board",
    "the team channel",
    "a dashboard",
    "the price list",
    "a slide deck",
    "the job pipeline",
    "the LinkedIn profile",
    "a Facebook post",
    "the order backlog",
    "the budget for Ærø",
    "a workflow",
    "the supplier overview",
    "the Tønder branch figures",
    "a Müller order",
    "the Øresund route",
];
const ENDINGS: [&str; 12] = [
    "the director can filter himself",
    "in ten minutes",
    "without the accountant",
    "for the Monday meeting",
    "on his own laptop",
    "with slicers",
    "for the board",
    "that updates itself",
    "for new customers",
    "before the visit",
    "step by step",
    "with one click",
];
const TOOLS: [&str; 10] = [
    "Excel",
    "PowerPoint",
    "Prezi",
    "LinkedIn",
    "Facebook",
    "Slack",
    "Salesforce",
    "Podio",
    "Teams",
    "Outlook",
];
const TAGS: [&str; 14] = [
    "charts",
    "reporting",
    "sales",
    "customers",
    "automation",
    "meetings",
    "planning",
    "presentation",
    "social",
    "crm",
    "finance",
    "team",
    "søgning",
    "økonomi",
];
const LEVELS: [&str; 3] = ["beginner", "intermediate", "advanced"];
const WORDS: [&str; 24] = [
    "customer",
    "invoice",
    "region",
    "margin",
    "quarter",
    "supplier",
    "warehouse",
    "order",
    "salesperson",
    "chart",
    "filter",
    "table",
    "meeting",
    "board",
    "delivery",
    "kløft",
    "forecast",
    "budget",
    "pipeline",
    "template",
    "export",
    "Ærø",
    "Größe",
    "tilbud",
];

/// A small, fast, deterministic generator (xorshift64*); quality is not the point.
pub struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    fn sentence(&mut self, words: usize) -> String {
        let mut text = String::new();
        for i in 0..words {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(self.pick(&WORDS));
        }
        text.push('.');
        text
    }
}

/// The text of card number `n` of a generated library.
pub fn card_text(rng: &mut Rng, n: usize) -> String {
    let title = format!(
        "{} {} {} ({n})",
        rng.pick(&VERBS),
        rng.pick(&OBJECTS),
        rng.pick(&ENDINGS)
    );
    let tool = rng.pick(&TOOLS);
    let tags = [rng.pick(&TAGS), rng.pick(&TAGS)];
    let mut text = String::with_capacity(1800);
    let _ = write!(
        text,
        "+++\ntitle = \"{title}\"\nsummary = \"{}\"\ntool = \"{tool}\"\ntags = [\"{}\", \"{}\"]\n\
         level = \"{}\"\nduration = {}\nlang = \"en\"\noutcomes = [\"{}\", \"{}\"]\n\
         requires = [\"{tool} on their machine\"]\n\n[[checklist]]\nitem = \"{}\"\n+++\n",
        rng.sentence(9),
        tags[0],
        tags[1],
        rng.pick(&LEVELS),
        5 * (2 + rng.next() % 5),
        rng.sentence(6),
        rng.sentence(6),
        rng.sentence(7),
    );
    for section in [
        "Why it matters",
        "Show it",
        "Try it",
        "Pitfalls",
        "Leave behind",
    ] {
        let _ = write!(text, "\n## {section}\n\n");
        match section {
            "Show it" => {
                for step in 1..=5 {
                    let _ = writeln!(text, "{step}. {}", rng.sentence(10));
                }
            }
            "Pitfalls" => {
                for _ in 0..3 {
                    let _ = writeln!(text, "- {}", rng.sentence(9));
                }
            }
            "Leave behind" => {
                let _ = writeln!(text, "- [{tool} help](https://support.example.org/{n})");
            }
            _ => {
                let _ = writeln!(
                    text,
                    "{} {} {}",
                    rng.sentence(14),
                    rng.sentence(12),
                    rng.sentence(14)
                );
            }
        }
    }
    text
}

/// Writes `count` cards into `folder/cards/`.
pub fn generate(folder: &Path, count: usize) -> std::io::Result<()> {
    let cards = folder.join("cards");
    std::fs::create_dir_all(&cards)?;
    let mut rng = Rng(0x5EED_CAFE_F00D_u64 ^ count as u64);
    for n in 0..count {
        std::fs::write(
            cards.join(format!("card-{n:06}.md")),
            card_text(&mut rng, n),
        )?;
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: generate_library COUNT FOLDER";
    let count: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| std::io::Error::other(usage))?;
    let folder = args.next().ok_or_else(|| std::io::Error::other(usage))?;
    generate(Path::new(&folder), count)?;
    eprintln!("{count} cards written to {folder}/cards");
    Ok(())
}
