//! Searching while typing "pivot chart" one character at a time, as the search pane does
//! (`LiveSearch` narrowing, limit 500), and with every keystroke searching afresh.
//!
//! `keystroke/<size>/<prefix>` is the time from one key to its results, with the search state
//! the earlier keys left; the slowest of them is the worst case of the typed query.
//! `typed/*` is the whole query typed, eleven keystrokes per iteration.
//!
//!     cargo bench --bench search

mod support;

use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use skillbook::library;
use skillbook::search::{LiveSearch, Query, SearchIndex};

const TYPED: &str = "pivot chart";
/// The search pane's limit.
const LIMIT: usize = 500;

fn prefixes() -> Vec<&'static str> {
    TYPED
        .char_indices()
        .map(|(at, c)| &TYPED[..at + c.len_utf8()])
        .collect()
}

fn index_of(count: usize) -> SearchIndex {
    let root = support::library(count);
    let indexed = library::load_indexed(&root, Some(&support::index_file(count, "warm")));
    SearchIndex::with_body_index(&indexed.cards, indexed.body)
}

fn search(c: &mut Criterion) {
    for count in [1_000, 10_000, 100_000] {
        let index = index_of(count);
        let label = support::label(count);
        let mut group = c.benchmark_group(format!("keystroke/{label}"));
        group.sample_size(if count >= 100_000 { 10 } else { 30 });
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(2));
        let mut live = LiveSearch::new();
        for prefix in prefixes() {
            let before = live.clone();
            group.bench_function(BenchmarkId::from_parameter(format!("{prefix:?}")), |b| {
                b.iter_batched(
                    || before.clone(),
                    |mut live| live.search(&index, Query::parse(prefix), LIMIT),
                    BatchSize::SmallInput,
                );
            });
            live.search(&index, Query::parse(prefix), LIMIT);
        }
        group.finish();

        let mut group = c.benchmark_group(format!("typed/{label}"));
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(3));
        group.throughput(Throughput::Elements(prefixes().len() as u64));
        group.bench_function("narrowing", |b| {
            b.iter(|| {
                let mut live = LiveSearch::new();
                for prefix in prefixes() {
                    live.search(&index, Query::parse(prefix), LIMIT);
                }
            });
        });
        group.bench_function("fresh", |b| {
            b.iter(|| {
                for prefix in prefixes() {
                    index.search(&Query::parse(prefix), LIMIT);
                }
            });
        });
        group.finish();
    }
}

criterion_group!(benches, search);
criterion_main!(benches);
