//! Loading a library: the full load (every card file read and parsed), the library index that
//! search uses, cold (no index yet: parse in parallel and write it) and warm, and the terminal
//! app's load through the index with lean cards (`app_lean_warm`, #9), at 1k, 10k and 100k
//! cards (the full parse and the cold index at 100k take seconds each: 1k and 10k only).
//!
//!     cargo bench --bench library

mod support;

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use skillbook::library;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    for count in [1_000, 10_000, 100_000] {
        let root = support::library(count);
        let label = support::label(count);
        if count < 100_000 {
            group.bench_with_input(BenchmarkId::new("full_parse", &label), &root, |b, root| {
                b.iter(|| library::load(root));
            });
            let cold = support::index_file(count, "cold");
            group.bench_with_input(BenchmarkId::new("index_cold", &label), &root, |b, root| {
                b.iter(|| {
                    let _ = std::fs::remove_file(&cold);
                    library::load_indexed(root, Some(&cold))
                });
            });
        }
        let warm = support::index_file(count, "warm");
        library::load_indexed(&root, Some(&warm));
        group.bench_with_input(BenchmarkId::new("index_warm", &label), &root, |b, root| {
            b.iter(|| library::load_indexed(root, Some(&warm)));
        });
        group.bench_with_input(
            BenchmarkId::new("app_lean_warm", &label),
            &root,
            |b, root| {
                b.iter(|| library::load_lean(root, Some(&warm), &|_, _| {}));
            },
        );
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
