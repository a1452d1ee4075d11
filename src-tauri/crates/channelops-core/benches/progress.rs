//! Listing 10 000 customers with their onboarding progress, on a real SQLite file.
//! Prints the median of repeated runs (target ≤ 50 ms); asserts nothing.
//!
//!     cargo bench -p channelops-core --bench progress

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use channelops_core::auth::{self, OrgKind};
use channelops_core::onboarding as ob;
use channelops_core::progress;
use channelops_core::store::Store;

const CUSTOMERS: usize = 10_000;

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // CHANNELOPS_BENCH_DB keeps the database for inspection (it must not exist yet).
    let path = std::env::var_os("CHANNELOPS_BENCH_DB")
        .map_or_else(|| dir.path().join("bench.db"), std::path::PathBuf::from);
    let mut store = Store::open(&path).unwrap();
    let pw = "a long enough password";
    let dist = ob::init_workspace(
        &mut store,
        ob::NewWorkspace {
            kind: OrgKind::Distributor,
            name: "Dist",
            domain: "dist.example",
            admin_email: "d@dist.example",
            admin_name: "D",
            password: pw,
        },
    )
    .unwrap();
    let resellers: Vec<String> = (0..20)
        .map(|i| {
            ob::add_reseller(
                &mut store,
                &dist,
                &format!("Reseller {i}"),
                &format!("r{i}.example"),
            )
            .unwrap()
        })
        .collect();
    let t = Instant::now();
    let mut csv = String::from("name,domain,contact_name,contact_email,parent\n");
    for i in 0..CUSTOMERS {
        csv.push_str(&format!(
            "Customer {i:05},c{i}.example,P {i},p{i}@c{i}.example,{}\n",
            resellers[i % resellers.len()]
        ));
    }
    ob::import_customers(&mut store, &dist, csv.as_bytes()).unwrap();
    // Spread the customers over every step: contracts, activations, accounts in each state, validation runs.
    store
        .write(|tx| {
            let ids: Vec<String> = tx.prepare("SELECT id FROM orgs WHERE kind = 'customer' ORDER BY name")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
            let states = ["entered", "bucket_set", "stack_created", "cur_validated", "confirmed", "completed"];
            for (i, id) in ids.iter().enumerate() {
                if i % 10 == 0 {
                    continue; // no contract
                }
                tx.execute("INSERT INTO contracts (id, customer_id, start_date, plan, status, created_at) VALUES (?1, ?2, '2026-11-01', 'Standard', 'active', '2026-11-01T00:00:00Z')", rusqlite::params![format!("k{i}"), id])?;
                if i % 10 == 1 {
                    continue; // not activated
                }
                let state = states[i % states.len()];
                tx.execute(
                    "INSERT INTO cloud_accounts (id, customer_id, aws_account_id, state, external_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'x', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')",
                    rusqlite::params![format!("a{i}"), id, format!("{:012}", 100_000_000_000u64 + i as u64), state],
                )?;
                for run in 0..3 {
                    let health = ["valid", "warnings", "failed"][(i + run) % 3];
                    tx.execute(
                        "INSERT INTO validation_runs (id, cloud_account_id, health, result_json, created_at) VALUES (?1, ?2, ?3, '{}', ?4)",
                        rusqlite::params![format!("v{i}-{run}"), format!("a{i}"), health, format!("2026-11-0{}T00:00:00Z", run + 1)],
                    )?;
                }
            }
            Ok(())
        })
        .unwrap();
    eprintln!(
        "set up {CUSTOMERS} customers in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let actor = auth::sign_in(store.conn(), "d@dist.example", pw).unwrap();
    let _ = progress::progress(store.conn(), &actor).unwrap();
    let mut times: Vec<Duration> = (0..15)
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
}
