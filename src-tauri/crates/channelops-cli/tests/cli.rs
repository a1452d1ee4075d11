//! Runs the real `channelops` binary.

// Test code: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn channelops() -> Command {
    Command::new(env!("CARGO_BIN_EXE_channelops"))
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
