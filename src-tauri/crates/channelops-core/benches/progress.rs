//! Listing 10 000 customers with their onboarding progress, on a real SQLite file.
//! Prints the median of repeated runs (target ≤ 50 ms), and the size of the
//! answer over IPC as a list of objects and as the table the window receives,
//! with the time to build and serialize the table; asserts nothing.
//!
//!     cargo bench -p channelops-core --bench progress
//!
//! `CHANNELOPS_BENCH_DB=FILE` keeps the database (and reuses it when it exists);
//! `CHANNELOPS_BENCH_RUNS=N` sets the number of timed runs (default 15).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use channelops_core::auth::{self, OrgKind};
use channelops_core::onboarding as ob;
use channelops_core::progress;
use channelops_core::store::Store;

const CUSTOMERS: usize = 10_000;
const PASSWORD: &str = "a long enough password";

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let runs: usize = std::env::var("CHANNELOPS_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(15);
    if let Some(path) = std::env::var_os("CHANNELOPS_BENCH_DB").map(std::path::PathBuf::from) {
        let reuse = path.exists();
        let mut store = Store::open(&path).unwrap();
        if !reuse {
            set_up(&mut store);
        }
        measure(&store, runs.max(1));
        return;
    }
    // Build the database, then measure in a fresh process that opens it, as the
    // app does (and free of the set-up's heap).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.db");
    set_up(&mut Store::open(&path).unwrap());
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .arg("--bench")
        .env("CHANNELOPS_BENCH_DB", &path)
        .status()
        .unwrap();
    assert!(status.success());
}

/// 10 000 customers under 20 resellers, spread over every step: no contract, not
/// activated, accounts in each state, three validation runs per account.
fn set_up(store: &mut Store) {
    let t = Instant::now();
    let dist = ob::init_workspace(
        store,
        ob::NewWorkspace {
            kind: OrgKind::Distributor,
            name: "Dist",
            domain: "dist.example",
            admin_email: "d@dist.example",
            admin_name: "D",
            password: PASSWORD,
        },
    )
    .unwrap();
    let resellers: Vec<String> = (0..20)
        .map(|i| {
            ob::add_reseller(
                store,
                &dist,
                &format!("Reseller {i}"),
                &format!("r{i}.example"),
            )
            .unwrap()
        })
        .collect();
    let mut csv = String::from("name,domain,contact_name,contact_email,parent\n");
    for i in 0..CUSTOMERS {
        csv.push_str(&format!(
            "Customer {i:05},c{i}.example,P {i},p{i}@c{i}.example,{}\n",
            resellers[i % resellers.len()]
        ));
    }
    ob::import_customers(store, &dist, csv.as_bytes()).unwrap();
    store
        .write(|tx| {
            let ids: Vec<String> = tx.prepare("SELECT id FROM orgs WHERE kind = 'customer' ORDER BY name")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
            let states = ["entered", "bucket_set", "stack_created", "cur_validated", "confirmed", "completed"];
            for (i, id) in ids.iter().enumerate() {
                if i % 10 == 0 {
                    continue; // no contract
                }
                tx.execute(
                    "INSERT INTO contracts (id, customer_id, start_date, plan, status, created_at) VALUES (?1, ?2, '2026-11-01', 'Standard', 'active', '2026-11-01T00:00:00Z')",
                    rusqlite::params![format!("k{i}"), id],
                )?;
                if i % 10 == 1 {
                    continue; // not activated
                }
                tx.execute(
                    "INSERT INTO cloud_accounts (id, customer_id, aws_account_id, state, external_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'x', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')",
                    rusqlite::params![format!("a{i}"), id, format!("{:012}", 100_000_000_000u64 + i as u64), states[i % states.len()]],
                )?;
                for run in 0..3 {
                    tx.execute(
                        "INSERT INTO validation_runs (id, cloud_account_id, health, result_json, created_at) VALUES (?1, ?2, ?3, '{}', ?4)",
                        rusqlite::params![format!("v{i}-{run}"), format!("a{i}"), ["valid", "warnings", "failed"][(i + run) % 3], format!("2026-11-0{}T00:00:00Z", run + 1)],
                    )?;
                }
            }
            Ok(())
        })
        .unwrap();
    store.checkpoint().unwrap();
    eprintln!(
        "set up {CUSTOMERS} customers in {:.1} s",
        t.elapsed().as_secs_f64()
    );
}

fn measure(store: &Store, runs: usize) {
    let actor = auth::sign_in(store.conn(), "d@dist.example", PASSWORD).unwrap();
    let _ = progress::progress(store.conn(), &actor).unwrap();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let list = progress::progress(store.conn(), &actor).unwrap();
            assert_eq!(list.len(), CUSTOMERS);
            t.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "progress of {CUSTOMERS} customers: median {:.1} ms (min {:.1}, max {:.1}) over {} runs",
        times[times.len() / 2].as_secs_f64() * 1000.0,
        times[0].as_secs_f64() * 1000.0,
        times[times.len() - 1].as_secs_f64() * 1000.0,
        times.len()
    );

    // What goes over IPC: the rows as objects (the CLI's --json) against the table.
    let list = progress::progress(store.conn(), &actor).unwrap();
    let as_objects = serde_json::to_vec(&list).unwrap().len();
    let mut built: Vec<(Duration, usize, usize)> = (0..runs)
        .map(|_| {
            let rows = list.clone();
            let t = Instant::now();
            let table = progress::ProgressTable::from(rows);
            let bytes = serde_json::to_vec(&table).unwrap().len();
            (t.elapsed(), bytes, table.texts.len())
        })
        .collect();
    built.sort();
    let (took, as_table, texts) = built[built.len() / 2];
    println!(
        "over IPC: {:.2} MB as objects, {:.2} MB as the table ({texts} distinct messages), \
         built and serialized in {:.1} ms (median)",
        as_objects as f64 / 1e6,
        as_table as f64 / 1e6,
        took.as_secs_f64() * 1000.0
    );
}
