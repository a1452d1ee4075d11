//! The large CUR the benches share: 8 hourly Parquet files of ~2.6 M rows (≥ 2 GB,
//! 45 columns with resource IDs, split and tag columns) and 4 gzip CSV files of
//! 1 M rows, generated once into `$CHANNELOPS_BENCH_DIR` (default
//! `~/.cache/channelops/bench-data`) and reused.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use channelops_core::cur::fixtures::{self, CurSpec, Storage};

pub const PARQUET_FILES: usize = 8;
pub const PARQUET_ROWS: usize = 2_600_000;
pub const CSV_FILES: usize = 4;
pub const CSV_ROWS: usize = 1_000_000;

pub fn bench_dir() -> PathBuf {
    std::env::var_os("CHANNELOPS_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
                .join(".cache/channelops/bench-data")
        })
}

/// October 2026, whatever today is: the data is kept on disk between runs, written
/// under that month's folders, and judged as on 2026-11-05 (`Options::today`).
pub fn spec(rows: usize, seed: u64) -> CurSpec {
    CurSpec {
        rows,
        seed,
        tags: 4,
        year: 2026,
        month: 10,
        ..CurSpec::default()
    }
}

/// Writes the data once (in parallel on every core); files already there are kept
/// (each is written under a temporary name and renamed when complete).
pub fn generate(root: &Path) {
    let t = Instant::now();
    let mut jobs: Vec<(PathBuf, CurSpec, Storage)> = Vec::new();
    let part = root.join("parquet/cur/big-parquet/big-parquet/year=2026/month=10");
    for n in 1..=PARQUET_FILES {
        jobs.push((
            part.join(format!("big-parquet-{n:05}.snappy.parquet")),
            spec(PARQUET_ROWS, n as u64),
            Storage::Parquet,
        ));
    }
    let csv_dir =
        root.join("csv/cur/big-csv/20261001-20261101/0b6f0e1b-1111-4a4a-9b9b-0123456789ab");
    for n in 1..=CSV_FILES {
        jobs.push((
            csv_dir.join(format!("big-csv-{n}.csv.gz")),
            spec(CSV_ROWS, 100 + n as u64),
            Storage::GzipCsv,
        ));
    }
    jobs.retain(|(path, _, _)| !path.exists());
    if jobs.is_empty() {
        return;
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    eprintln!(
        "generating {} files into {} with {threads} threads (once)…",
        jobs.len(),
        root.display()
    );
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some((path, spec, storage)) = jobs.get(i) else {
                        break;
                    };
                    let partial = path.with_extension("partial");
                    fixtures::write_data_file(&partial, spec, *storage).unwrap();
                    std::fs::rename(&partial, path).unwrap();
                }
            });
        }
    });
    eprintln!("generated in {:.0} s", t.elapsed().as_secs_f64());
}

pub fn dir_size(path: &Path) -> u64 {
    walk(path)
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum()
}

pub fn walk(path: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(path).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if !p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            out.push(p);
        }
    }
    out
}
