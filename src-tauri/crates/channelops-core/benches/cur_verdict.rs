//! Time to verdict and bytes read on a large CUR, beside two peers on the same files:
//! the engine's own full scan (`deep`) and a DuckDB query that reads only the
//! interval column (what a support engineer would write). Prints figures; asserts
//! nothing (targets are judged from the printout, not by a flaky timed test).
//!
//!     cargo bench -p channelops-core --bench cur_verdict
//!
//! Data: see `common/data.rs` (≥ 2 GB, generated once and reused; `s3_verdict`
//! reads the same files through moto). DuckDB runs from the test venv (`pip install duckdb`), skipped when missing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use channelops_core::cur::{self, CancelToken, Options};

#[path = "common/data.rs"]
mod data;
use data::{bench_dir, dir_size, generate, walk};

fn run(path: &Path, deep: bool) -> (Duration, cur::ValidationResult) {
    let options = Options {
        deep,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 5),
        ..Options::default()
    };
    let t = Instant::now();
    let r = cur::validate(
        cur::open_local(path).unwrap(),
        &options,
        &|_| {},
        &CancelToken::default(),
    )
    .unwrap();
    (t.elapsed(), r)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn duckdb(query: &str) -> Option<(Duration, String)> {
    let python = std::env::var("CHANNELOPS_PYTHON").unwrap_or_else(|_| {
        let venv = PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
            .join(".cache/channelops/venv/bin/python");
        if venv.exists() {
            venv.display().to_string()
        } else {
            "python3".into()
        }
    });
    let script = format!(
        "import duckdb, time\ncon = duckdb.connect()\ncon.execute('SET enable_progress_bar=false')\nq = {query:?}\ncon.execute(q).fetchall()\nts = []\nfor _ in range(3):\n    t = time.perf_counter(); r = con.execute(q).fetchall(); ts.append(time.perf_counter() - t)\nts.sort(); print(ts[1]); print(r)\n"
    );
    let out = std::process::Command::new(python)
        .arg("-c")
        .arg(script)
        .output()
        .ok()?;
    if !out.status.success() {
        eprintln!(
            "duckdb peer skipped: {}",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("")
        );
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let mut lines = text.lines();
    let secs: f64 = lines.next()?.trim().parse().ok()?;
    Some((
        Duration::from_secs_f64(secs),
        lines.next().unwrap_or("").to_owned(),
    ))
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn report(label: &str, path: &Path, glob: &str, duck_query: &str) {
    let total = dir_size(path);
    // Warm the page cache once, as the peers' figures are hot-cache too.
    let _ = run(path, false);
    let mut times = Vec::new();
    // Median of 7 runs.
    let mut last = None;
    for _ in 0..7 {
        let (t, r) = run(path, false);
        times.push(t);
        last = Some(r);
    }
    let r = last.unwrap();
    let verdict = median(times);
    let valid = r.reports.first().is_some_and(|x| x.valid);
    println!(
        "\n== {label}: {} files, {:.2} GB ({glob})",
        walk(path).len(),
        total as f64 / 1e9
    );
    println!(
        "verdict (sampled) : {:>10}  read {:>12} bytes = {:.4} %  valid={valid}",
        ms(verdict),
        r.bytes_read,
        100.0 * r.bytes_read as f64 / total as f64
    );
    let (t, d) = run(path, true);
    println!(
        "full scan (--deep): {:>10}  read {:>12} bytes = {:.1} %  valid={}",
        ms(t),
        d.bytes_read,
        100.0 * d.bytes_read as f64 / total as f64,
        d.reports.first().is_some_and(|x| x.valid)
    );
    match duckdb(duck_query) {
        Some((t, answer)) => println!("duckdb interval query: {:>7}  answer {answer}", ms(t)),
        None => println!("duckdb interval query: not run (pip install duckdb into the test venv)"),
    }
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing useful: only run on --bench.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let root = bench_dir();
    generate(&root);
    let pq = root.join("parquet");
    let pq_glob = format!("{}/**/*.parquet", pq.display());
    report(
        "hourly Parquet CUR",
        &pq,
        &pq_glob,
        // The distinct intervals with their row counts: the engineer then checks each is 1 h.
        &format!(
            "SELECT count(*), sum(n) FROM (SELECT identity_time_interval, count(*) AS n FROM read_parquet('{pq_glob}') GROUP BY 1)"
        ),
    );
    let csv = root.join("csv");
    let csv_glob = format!("{}/**/*.csv.gz", csv.display());
    report(
        "hourly gzip CSV CUR",
        &csv,
        &csv_glob,
        &format!(
            "SELECT count(*), sum(n) FROM (SELECT \"identity/TimeInterval\", count(*) AS n FROM read_csv('{csv_glob}', header=true, all_varchar=true) GROUP BY 1)"
        ),
    );
}
