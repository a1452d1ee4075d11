//! `channelops aws curs`: AWS's own word on the CUR from the real binary, with
//! S3 and STS on `moto_server` and the CUR and Data Exports APIs (which moto
//! lacks) on the stand-in `tests/e2e/billing_api.py`, AWS's wire format.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../channelops-core/tests/common/billing.rs"]
mod billing;
#[path = "../../channelops-core/tests/common/moto.rs"]
mod moto;

use std::process::Command;

use billing::Billing;
use moto::Moto;
use serde_json::json;

fn definition(name: &str, changes: serde_json::Value) -> serde_json::Value {
    let mut d = json!({
        "ReportName": name, "TimeUnit": "HOURLY", "Format": "Parquet", "Compression": "Parquet",
        "AdditionalSchemaElements": ["RESOURCES", "SPLIT_COST_ALLOCATION_DATA"],
        "S3Bucket": "acme-cur", "S3Prefix": "cur", "S3Region": "us-east-1",
        "AdditionalArtifacts": [], "RefreshClosedReports": true, "ReportVersioning": "OVERWRITE_REPORT"
    });
    for (k, v) in changes.as_object().unwrap() {
        d[k] = v.clone();
    }
    d
}

/// `channelops aws curs ARGS` with the emulator's keys; (exit code, stdout, stderr).
fn curs(
    home: &std::path::Path,
    endpoint: &str,
    billing: &Billing,
    args: &[&str],
) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_channelops"));
    for (k, _) in std::env::vars() {
        if k.starts_with("AWS_") || k.starts_with("CHANNELOPS_") {
            cmd.env_remove(k);
        }
    }
    cmd.env("HOME", home)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_ENDPOINT_URL", endpoint)
        .envs(billing.env())
        .args(["aws", "curs"])
        .args(args);
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_cur_defined_a_minute_ago_is_judged_before_any_file_exists() {
    let moto = Moto::start();
    let home = tempfile::tempdir().unwrap();
    let billing = Billing::start(
        &home.path().join("billing.json"),
        &json!({"definitions": [definition("acme-new", json!({}))]}),
    );
    // The bucket exists, empty, with no policy: AWS could not deliver to it.
    let rt = channelops_core::aws::runtime().unwrap();
    let aws = moto::session(&rt, &moto.endpoint, "testing", "testing");
    rt.block_on(
        aws.s3("us-east-1")
            .create_bucket()
            .bucket("acme-cur")
            .send(),
    )
    .unwrap();

    let (code, out, err) = curs(
        home.path(),
        &moto.endpoint,
        &billing,
        &["--bucket", "acme-cur", "--json"],
    );
    assert_eq!(code, 0, "a right definition: {err}");
    let o: serde_json::Value = serde_json::from_str(&out).unwrap();
    let d = &o["definitions"][0];
    assert_eq!(
        (d["right"].as_bool(), d["delivery"].as_str()),
        (Some(true), Some("waiting"))
    );
    // The bucket lacks the delivery statement: reported with the exact statement.
    assert_eq!(o["delivery"]["ready"], false);
    let statement: serde_json::Value =
        serde_json::from_str(o["delivery"]["statement"].as_str().unwrap()).unwrap();
    assert_eq!(
        statement[1]["Principal"]["Service"],
        "billingreports.amazonaws.com"
    );
    assert_eq!(statement[1]["Resource"], "arn:aws:s3:::acme-cur/*");
    assert_eq!(
        statement[1]["Condition"]["StringEquals"]["aws:SourceAccount"],
        "123456789012"
    );
    // Text names the state and the statement too.
    let (_, text, _) = curs(
        home.path(),
        &moto.endpoint,
        &billing,
        &["--bucket", "acme-cur"],
    );
    assert!(text.contains("WAITING FOR THE FIRST DELIVERY"), "{text}");
    assert!(text.contains("statements to add"), "{text}");

    // Only wrong definitions, and a CUR 2.0 export: exit 1, each named.
    billing.set(&json!({
        "definitions": [definition("acme-daily", json!({"TimeUnit": "DAILY"}))],
        "exports": [{
            "ExportArn": "arn:aws:bcm-data-exports:us-east-1:123456789012:export/acme-cur2-0d1e",
            "Name": "acme-cur2",
            "DataQuery": {"QueryStatement": "SELECT line_item_unblended_cost FROM COST_AND_USAGE_REPORT", "TableConfigurations": {}},
            "DestinationConfigurations": {"S3Destination": {"S3Bucket": "acme-cur", "S3Prefix": "exports", "S3Region": "us-east-1",
                "S3OutputConfigurations": {"OutputType": "CUSTOM", "Format": "PARQUET", "Compression": "PARQUET", "Overwrite": "OVERWRITE_REPORT"}}},
            "RefreshCadence": {"Frequency": "SYNCHRONOUS"}
        }]
    }));
    let (code, text, _) = curs(
        home.path(),
        &moto.endpoint,
        &billing,
        &["--bucket", "acme-cur"],
    );
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("DEFINITION WRONG") && text.contains("Hourly"),
        "{text}"
    );
    assert!(text.contains("\"acme-cur2\" is a CUR 2.0 export"), "{text}");

    // Denied: said with the permission, and the bucket still checked.
    billing
        .set(&json!({"deny": ["cur:DescribeReportDefinitions", "bcm-data-exports:ListExports"]}));
    let (code, text, _) = curs(
        home.path(),
        &moto.endpoint,
        &billing,
        &["--bucket", "acme-cur"],
    );
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("Ask your AWS administrator to allow cur:DescribeReportDefinitions"),
        "{text}"
    );
    assert!(text.contains("ready for delivery: NO"), "{text}");

    // Usage and connection errors: exit 2.
    let (code, _, err) = curs(
        home.path(),
        &moto.endpoint,
        &billing,
        &["--bucket", "Not_A_Bucket"],
    );
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = curs(home.path(), &moto.endpoint, &billing, &["--prefix", "cur"]);
    assert_eq!(code, 2, "--prefix needs --bucket: {err}");
    drop(moto);
    let (code, _, err) = curs(home.path(), "http://127.0.0.1:9", &billing, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("fix:"), "{err}");
}
