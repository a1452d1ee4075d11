//! Runs the real `channelops` binary.

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
