//! Runs the real `channelops` binary.

// Test code: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

/// The CLI in English whatever the machine's locale (one test sets Japanese).
fn channelops() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_channelops"));
    cmd.env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

#[test]
fn info_json_reports_version_and_creates_the_data_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("nested/data");
    let out = channelops()
        .args(["info", "--json"])
        .env("CHANNELOPS_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["data_dir"], data.display().to_string());
    assert_eq!(v["data_dir_writable"], true);
    assert!(data.is_dir());
}

#[test]
fn unwritable_data_folder_is_reported_not_a_crash() {
    let tmp = tempfile::tempdir().unwrap();
    let blocker = tmp.path().join("a-file");
    std::fs::write(&blocker, b"x").unwrap();
    let out = channelops()
        .args(["info"])
        .env("CHANNELOPS_DATA_DIR", blocker.join("sub"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("not writable"), "{text}");
}

#[test]
fn usage_errors_exit_2() {
    let out = channelops().arg("no-such-command").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

fn fixtures() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let out = channelops()
        .arg("fixtures")
        .arg(tmp.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    tmp
}

#[test]
fn validate_json_has_the_documented_shape_and_exit_0_when_valid() {
    let tmp = fixtures();
    let out = channelops()
        .args([
            "validate",
            "--json",
            "--region",
            "us-east-1",
            "--account-id",
            "1111-2222-3333",
        ])
        .arg(tmp.path().join("valid-parquet-athena"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "source",
        "reports",
        "selectable",
        "bytes_read",
        "bytes_total",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let report = &v["reports"][0];
    for key in [
        "name",
        "location",
        "kind",
        "valid",
        "billing_periods",
        "checks",
    ] {
        assert!(report.get(key).is_some(), "missing reports[].{key}");
    }
    assert_eq!(report["kind"], "legacy_parquet");
    let ids: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "legacy_cur",
            "format",
            "resource_ids",
            "split_cost_allocation",
            "hourly",
            "readable",
            "payer_account",
            "freshness",
            "bucket_region"
        ]
    );
    for c in report["checks"].as_array().unwrap() {
        assert!(["pass", "fail", "warn", "skipped"].contains(&c["status"].as_str().unwrap()));
        for key in ["message", "remedy", "evidence"] {
            assert!(c.get(key).is_some(), "missing checks[].{key}");
        }
    }
    assert_eq!(v["selectable"], serde_json::json!(["cur-parquet"]));
    assert!(v["bytes_read"].as_u64().unwrap() < v["bytes_total"].as_u64().unwrap());
}

#[test]
fn validate_human_output_marks_each_check_and_exits_1_when_nothing_is_valid() {
    let tmp = fixtures();
    let out = channelops()
        .arg("validate")
        .arg(tmp.path().join("daily"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("✖ hourly"), "{text}");
    assert!(text.contains("✔ resource_ids"), "{text}");
    assert!(text.contains("fix:"), "{text}");
    assert!(text.contains("No valid CUR."), "{text}");
}

#[test]
fn validate_usage_and_io_errors_exit_2_with_a_remedy() {
    let missing = channelops()
        .args(["validate", "/no/such/folder"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(
        err.contains("/no/such/folder") && err.contains("fix:"),
        "{err}"
    );

    let bad_account = channelops()
        .args(["validate", ".", "--account-id", "12"])
        .output()
        .unwrap();
    assert_eq!(bad_account.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_account.stderr).contains("12 digits"));
}

const PW: &str = "a long enough password";

/// `channelops --db DB …` signed in as the distributor Admin of `workspace()`.
fn as_admin(db: &std::path::Path) -> Command {
    let mut cmd = channelops();
    cmd.arg("--db")
        .arg(db)
        .env("CHANNELOPS_PASSWORD", PW)
        .env("CHANNELOPS_USER", "d@dist.example");
    cmd
}

/// A distributor workspace with one reseller, made through the CLI.
fn workspace(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("ws.db");
    let run = |args: &[&str]| {
        let out = as_admin(&db).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    };
    run(&[
        "init",
        "--kind",
        "distributor",
        "--name",
        "Dist",
        "--domain",
        "dist.example",
        "--admin-email",
        "d@dist.example",
        "--admin-name",
        "Dana",
    ]);
    run(&[
        "resellers",
        "add",
        "--name",
        "Resell One",
        "--domain",
        "r1.example",
    ]);
    db
}

#[test]
fn the_cli_runs_parts_1_and_2_and_reports_progress_as_json() {
    let tmp = tempfile::tempdir().unwrap();
    let db = workspace(tmp.path());
    let cli = |args: &[&str]| as_admin(&db).args(args).output().unwrap();
    let inv = tmp.path().join("inv.json");
    let out = cli(&[
        "customers",
        "add",
        "--parent",
        "Resell One",
        "--name",
        "Acme",
        "--domain",
        "acme.example",
        "--contact-name",
        "Ann",
        "--contact-email",
        "ann@acme.example",
        "--json",
        "--invitation-out",
        inv.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let added: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(added["invitation"]["code"].as_str().unwrap().len() >= 26);
    assert!(inv.is_file());

    let p: serde_json::Value =
        serde_json::from_slice(&cli(&["progress", "--json"]).stdout).unwrap();
    assert_eq!(p[0]["step"], "contract");
    // JSON keeps the message's id and arguments, with its text in the language.
    assert_eq!(p[0]["who_must_act"]["id"], "who-parent-admin");
    assert_eq!(p[0]["who_must_act"]["args"]["parent"], "Resell One");
    assert_eq!(p[0]["who_must_act"]["text"], "Admin of Resell One");
    assert!(
        cli(&[
            "contracts",
            "add",
            "Acme",
            "--start",
            "2026-11-01",
            "--plan",
            "Standard"
        ])
        .status
        .success()
    );
    let p: serde_json::Value =
        serde_json::from_slice(&cli(&["progress", "--json"]).stdout).unwrap();
    assert_eq!(p[0]["step"], "activate");

    let audit: serde_json::Value =
        serde_json::from_slice(&cli(&["audit", "--json"]).stdout).unwrap();
    let actions: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"contract.add") && actions.contains(&"customer.add"),
        "{actions:?}"
    );

    let users: serde_json::Value =
        serde_json::from_slice(&cli(&["users", "list", "--json"]).stdout).unwrap();
    assert_eq!(users[0]["email"], "d@dist.example");
    assert_eq!(users[0]["role"], "admin");

    // Wrong password: refused with a remedy, exit 2.
    let out = channelops()
        .arg("--db")
        .arg(&db)
        .args(["progress"])
        .env("CHANNELOPS_PASSWORD", "wrong password!!")
        .env("CHANNELOPS_USER", "d@dist.example")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("fix:"));
}

/// Kills the CLI (SIGKILL) in the middle of a large import: the database opens,
/// passes `PRAGMA integrity_check`, and holds all of the import or none of it.
#[test]
fn a_killed_import_leaves_all_or_nothing_and_a_sound_database() {
    let tmp = tempfile::tempdir().unwrap();
    let db = workspace(tmp.path());
    let rows = 150_000;
    let mut csv = String::from("name,domain,contact_name,contact_email,parent\n");
    for i in 0..rows {
        csv.push_str(&format!(
            "Customer {i},c{i}.example,Person {i},p{i}@c{i}.example,Resell One\n"
        ));
    }
    let file = tmp.path().join("big.csv");
    std::fs::write(&file, csv).unwrap();

    let mut child = as_admin(&db)
        .args(["customers", "import"])
        .arg(&file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the transaction is spilling pages into the WAL, then kill.
    let wal = tmp.path().join("ws.db-wal");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while std::fs::metadata(&wal).map_or(0, |m| m.len()) < 2 << 20 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import finished before it could be killed: make it larger"
        );
        assert!(
            std::time::Instant::now() < deadline,
            "the import never started writing"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(9), "killed mid-import");
    }

    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let customers: i64 = conn
        .query_row(
            "SELECT count(*) FROM orgs WHERE kind = 'customer'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        customers == 0 || customers == rows,
        "partial import: {customers} of {rows}"
    );
    assert_eq!(customers, 0, "the kill came before the commit");
    // And the database still works: a small import goes through whole.
    let small = tmp.path().join("small.csv");
    std::fs::write(
        &small,
        "name,domain,contact_name,contact_email,parent
After,after.example,A,a@after.example,Resell One
",
    )
    .unwrap();
    let out = as_admin(&db)
        .args(["customers", "import"])
        .arg(&small)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let customers: i64 = conn
        .query_row(
            "SELECT count(*) FROM orgs WHERE kind = 'customer'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(customers, 1);
}

#[test]
fn a_diagnostic_bundle_is_accepted_by_validate_and_gives_the_same_verdict() {
    let tmp = fixtures();
    let bundle = tmp.path().join("bundle.json");
    let first = channelops()
        .args(["--db"])
        .arg(tmp.path().join("support.db"))
        .args([
            "validate",
            "--json",
            "--account-id",
            "111122223333",
            "--bundle-out",
        ])
        .arg(&bundle)
        .arg(tmp.path().join("no-split"))
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(1));
    let second = channelops()
        .args(["validate", "--json", "--account-id", "111122223333"])
        .arg(&bundle)
        .output()
        .unwrap();
    assert_eq!(
        second.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    let a: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
    let b: serde_json::Value = serde_json::from_slice(&second.stdout).unwrap();
    assert_eq!(a["reports"], b["reports"]);
    assert!(
        b["source"]
            .as_str()
            .unwrap()
            .starts_with("diagnostic bundle of")
    );
    // No secrets: the bundle holds no key material, only the signer's public key.
    let text = std::fs::read_to_string(&bundle).unwrap();
    assert!(!text.contains("PRIVATE") && text.contains("public_key"));
}

/// `LANG=ja_JP.UTF-8 channelops validate`: every check, remedy and note of every
/// generated variant is printed in Japanese, and none of their English sentences
/// is; `--lang` wins over `LANG`, and `--json` keeps ids and arguments.
#[test]
fn validate_speaks_the_language_of_lang_or_lang_option() {
    let tmp = fixtures();
    let mut variants = 0;
    for entry in std::fs::read_dir(tmp.path()).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        variants += 1;
        let json = channelops()
            .args(["validate", "--json", "--account-id", "111122223333"])
            .arg(&dir)
            .env("LANG", "ja_JP.UTF-8")
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        let human = channelops()
            .args(["validate", "--account-id", "111122223333"])
            .arg(&dir)
            .env("LANG", "ja_JP.UTF-8")
            .output()
            .unwrap();
        let ja = String::from_utf8_lossy(&human.stdout).into_owned();
        let en_run = channelops()
            .args([
                "validate",
                "--lang",
                "en",
                "--json",
                "--account-id",
                "111122223333",
            ])
            .arg(&dir)
            .env("LANG", "ja_JP.UTF-8")
            .output()
            .unwrap();
        let en: serde_json::Value = serde_json::from_slice(&en_run.stdout).unwrap();
        // Every message of the result, in both languages, by its place in the JSON.
        let mut pairs = vec![];
        collect_texts(&v, &en, &mut pairs);
        assert!(!pairs.is_empty(), "{}: no message", dir.display());
        for (id, ja_text, en_text) in &pairs {
            assert_ne!(ja_text, en_text, "{id} is not translated");
            assert!(
                ja.contains(ja_text.as_str()),
                "{}: {id} not printed in Japanese:\n{ja}",
                dir.display()
            );
            assert!(
                !ja.contains(en_text.as_str()),
                "{}: {id} printed in English:\n{ja}",
                dir.display()
            );
        }
        for english in [
            "Source:",
            "Report ",
            "fix:",
            "seen:",
            "Read ",
            "No valid CUR",
            "Valid CUR",
        ] {
            assert!(
                !ja.contains(english),
                "{}: {english:?} in\n{ja}",
                dir.display()
            );
        }
    }
    assert!(variants >= 8, "{variants} variants");
}

/// (id, text in `a`, text in `b`) of every message object found at the same place.
fn collect_texts(
    a: &serde_json::Value,
    b: &serde_json::Value,
    out: &mut Vec<(String, String, String)>,
) {
    match (a, b) {
        (serde_json::Value::Object(x), serde_json::Value::Object(y)) => {
            if let (Some(id), Some(ta), Some(tb)) = (x.get("id"), x.get("text"), y.get("text")) {
                // A message of the catalog: the id and its arguments are kept.
                assert!(x.get("args").is_some_and(serde_json::Value::is_object));
                assert_eq!(Some(id), y.get("id"));
                out.push((
                    id.as_str().unwrap_or_default().to_owned(),
                    ta.as_str().unwrap_or_default().to_owned(),
                    tb.as_str().unwrap_or_default().to_owned(),
                ));
                return;
            }
            for (k, va) in x {
                if let Some(vb) = y.get(k) {
                    collect_texts(va, vb, out);
                }
            }
        }
        (serde_json::Value::Array(x), serde_json::Value::Array(y)) => {
            for (va, vb) in x.iter().zip(y) {
                collect_texts(va, vb, out);
            }
        }
        _ => {}
    }
}
