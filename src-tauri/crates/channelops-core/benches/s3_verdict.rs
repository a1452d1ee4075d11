//! A CUR verdict from S3 when every request costs a round trip. The benches' large
//! CUR (`common/data.rs`: 8 Parquet files of ~280 MB, 4 gzip CSV files) is put in
//! `moto_server`, and read through a proxy on 127.0.0.1 that holds each request
//! for a fixed latency (100 ms, or `CHANNELOPS_BENCH_LATENCY_MS`): a bucket in
//! us-east-1 seen from Tokyo is ~150 ms away. Prints, per layout, the requests,
//! bytes and wall time from S3 beside the local folder's time; asserts nothing.
//!
//!     cargo bench -p channelops-core --bench s3_verdict
//!
//! Needs `moto_server` on PATH (`bash .ci/setup` puts it in the project's venv).
//! Before issue 18 the Parquet verdict took 146 requests through moto (18 per
//! data file: footer length, footer, then a header and body per page fetched in
//! 512-byte blocks), about 18 sequential rounds.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/common/moto.rs"]
mod moto;

#[path = "common/data.rs"]
mod data;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use aws_sdk_s3::primitives::ByteStream;
use channelops_core::aws::s3_source::S3Source;
use channelops_core::aws::{self, Aws};
use channelops_core::cur::{self, CancelToken, Options};

const BUCKET: &str = "bench-cur";

/// A TCP proxy to `port` that holds every HTTP request for `delay` before passing
/// it on, and counts them. Returns its own port.
fn latency_proxy(port: u16, delay: Duration, requests: Arc<AtomicU64>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let own = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let Ok(upstream) = TcpStream::connect(("127.0.0.1", port)) else {
                continue;
            };
            let requests = requests.clone();
            let (mut c_read, mut u_write) =
                (client.try_clone().unwrap(), upstream.try_clone().unwrap());
            std::thread::spawn(move || {
                let mut buf = vec![0u8; 64 * 1024];
                while let Ok(n) = c_read.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    let chunk = &buf[..n];
                    let starts_request = [&b"GET "[..], b"HEAD ", b"PUT ", b"POST "]
                        .iter()
                        .any(|m| chunk.starts_with(m));
                    if starts_request {
                        requests.fetch_add(1, Ordering::Relaxed);
                        std::thread::sleep(delay);
                    }
                    if u_write.write_all(chunk).is_err() {
                        break;
                    }
                }
                let _ = u_write.shutdown(std::net::Shutdown::Write);
            });
            let (mut u_read, mut c_write) = (upstream, client);
            std::thread::spawn(move || {
                let _ = std::io::copy(&mut u_read, &mut c_write);
                let _ = c_write.shutdown(std::net::Shutdown::Write);
            });
        }
    });
    own
}

fn session(rt: &tokio::runtime::Runtime, endpoint: &str) -> Aws {
    moto::session(rt, endpoint, "testing", "testing")
}

fn options() -> Options {
    Options {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 5),
        ..Options::default()
    }
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn local_time(path: &Path) -> Duration {
    let run = || {
        let t = Instant::now();
        cur::validate(
            cur::open_local(path).unwrap(),
            &options(),
            &|_| {},
            &CancelToken::default(),
        )
        .unwrap();
        t.elapsed()
    };
    run(); // warm the page cache
    let mut times: Vec<Duration> = (0..7).map(|_| run()).collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let latency = Duration::from_millis(
        std::env::var("CHANNELOPS_BENCH_LATENCY_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(100),
    );
    let root = data::bench_dir();
    data::generate(&root);
    let moto = moto::Moto::start();
    let rt = aws::runtime().unwrap();
    let direct = session(&rt, &moto.endpoint);

    // Upload straight to moto (not through the proxy).
    let t = Instant::now();
    rt.block_on(async {
        direct
            .s3("us-east-1")
            .create_bucket()
            .bucket(BUCKET)
            .send()
            .await
            .unwrap();
        for layout in ["parquet", "csv"] {
            for path in data::walk(&root.join(layout)) {
                let rel = path
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                direct
                    .s3("us-east-1")
                    .put_object()
                    .bucket(BUCKET)
                    .key(rel)
                    .body(ByteStream::from_path(&path).await.unwrap())
                    .send()
                    .await
                    .unwrap();
            }
        }
    });
    eprintln!("uploaded to moto in {:.0} s", t.elapsed().as_secs_f64());

    // moto serves a ranged GET of a large object slowly (it copies the object), so
    // the same reads through a proxy adding nothing show moto's own share of the time;
    // the difference is what the round trips cost.
    let requests = Arc::new(AtomicU64::new(0));
    let near = session(
        &rt,
        &format!(
            "http://127.0.0.1:{}",
            latency_proxy(moto.port, Duration::ZERO, requests.clone())
        ),
    );
    let far = session(
        &rt,
        &format!(
            "http://127.0.0.1:{}",
            latency_proxy(moto.port, latency, requests.clone())
        ),
    );
    println!(
        "\nS3 through moto_server, {} ms added to every request",
        latency.as_millis()
    );
    for (label, layout, data_ext) in [
        ("hourly Parquet CUR", "parquet", ".parquet"),
        ("hourly gzip CSV CUR", "csv", ".csv.gz"),
    ] {
        let folder = root.join(layout);
        let files = data::walk(&folder)
            .iter()
            .filter(|p| p.to_string_lossy().ends_with(data_ext))
            .count();
        let total = data::dir_size(&folder);
        // Best of 3, each from opening the bucket (its region) to the verdict.
        let best = |aws: &Aws| {
            let mut best: Option<(Duration, u64, cur::ValidationResult)> = None;
            for _ in 0..3 {
                requests.store(0, Ordering::Relaxed);
                let t = Instant::now();
                let src = rt.block_on(S3Source::open(aws, BUCKET, layout)).unwrap();
                let r = cur::validate(Arc::new(src), &options(), &|_| {}, &CancelToken::default())
                    .unwrap();
                let took = t.elapsed();
                let n = requests.load(Ordering::Relaxed);
                if best.as_ref().is_none_or(|(b, _, _)| took < *b) {
                    best = Some((took, n, r));
                }
            }
            best.unwrap()
        };
        let (base, _, _) = best(&near);
        let (took, all, r) = best(&far);
        let rounds = took.saturating_sub(base).as_secs_f64() / latency.as_secs_f64().max(1e-9);
        println!(
            "\n== {label}: {files} data files, {:.2} GB, valid={}",
            total as f64 / 1e9,
            r.reports.first().is_some_and(|x| x.valid)
        );
        println!(
            "requests  : {all} in all (bucket region + listing + {} reads = {:.1} per data file); read {} bytes = {:.4} %",
            r.requests,
            r.requests as f64 / files.max(1) as f64,
            r.bytes_read,
            100.0 * r.bytes_read as f64 / total as f64
        );
        println!(
            "from S3   : {:>8} with {} ms a request, {:>8} with none: the latency costs {} ≈ {rounds:.1} round trips",
            ms(took),
            latency.as_millis(),
            ms(base),
            ms(took.saturating_sub(base))
        );
        println!("local copy: {:>8}", ms(local_time(&folder)));
    }
}
