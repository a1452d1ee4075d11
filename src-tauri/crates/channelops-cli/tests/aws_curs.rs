//! `channelops aws curs`, `aws create-cur` and `aws create-stack`: AWS's own word
//! on the CUR, and the CUR, bucket and stack created for the user, from the real
//! binary — S3, STS, IAM, Organizations and CloudFormation on `moto_server`, the
//! CUR and Data Exports APIs (which moto lacks) on the stand-in
//! `tests/e2e/billing_api.py`, in AWS's wire format.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../channelops-core/tests/common/billing.rs"]
mod billing;
#[path = "../../channelops-core/tests/common/moto.rs"]
mod moto;
#[path = "common/seed.rs"]
mod seed;

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

/// `channelops aws curs ARGS`; (exit code, stdout, stderr).
fn curs(
    home: &std::path::Path,
    endpoint: &str,
    billing: &Billing,
    args: &[&str],
) -> (i32, String, String) {
    let mut full = vec!["aws", "curs"];
    full.extend_from_slice(args);
    channelops(home, endpoint, billing, &full)
}

/// `channelops ARGS` with the emulator's keys, the stand-in, and the workspace
/// `ws.db` in `home` signed in as its Admin; (exit code, stdout, stderr).
fn channelops(
    home: &std::path::Path,
    endpoint: &str,
    billing: &Billing,
    args: &[&str],
) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_channelops"));
    cmd.env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
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
        .env("CHANNELOPS_DB", home.join("ws.db"))
        .env("CHANNELOPS_USER", "dee@dist.example")
        .env("CHANNELOPS_PASSWORD", "correct horse battery staple")
        .stdin(std::process::Stdio::null())
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

#[test]
fn the_cur_its_bucket_and_the_stack_are_created_for_the_user_after_the_plan() {
    let moto = Moto::start();
    let home = tempfile::tempdir().unwrap();
    let billing = Billing::start(&home.path().join("billing.json"), &json!({}));
    let rt = channelops_core::aws::runtime().unwrap();
    let aws = moto::session(&rt, &moto.endpoint, "testing", "testing");
    let s3 = aws.s3("us-east-1");
    let run = |args: &[&str]| channelops(home.path(), &moto.endpoint, &billing, args);
    let ok = |args: &[&str]| {
        let (code, out, err) = run(args);
        assert_eq!(code, 0, "{args:?}: {out}{err}");
        out
    };
    seed::acme_with_account(ok, "dee@dist.example", "123456789012");

    // A bucket that already has a policy of its own: its statement stays.
    rt.block_on(async {
        s3.create_bucket().bucket("acme-cur").send().await.unwrap();
        s3.put_bucket_policy()
            .bucket("acme-cur")
            .policy(r#"{"Version":"2012-10-17","Statement":[{"Sid":"AuditorRead","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-cur/*"}]}"#)
            .send()
            .await
            .unwrap();
    });
    let policy = || -> serde_json::Value {
        let text = rt
            .block_on(s3.get_bucket_policy().bucket("acme-cur").send())
            .unwrap()
            .policy()
            .unwrap()
            .to_owned();
        serde_json::from_str(&text).unwrap()
    };

    // --dry-run: the plan, nothing changed.
    let out = ok(&[
        "aws",
        "create-cur",
        "--bucket",
        "acme-cur",
        "--name",
        "acme-hourly",
        "--dry-run",
    ]);
    assert!(
        out.contains("Add two statements to the bucket policy of acme-cur"),
        "{out}"
    );
    assert!(out.contains("AuditorRead"), "the whole policy after: {out}");
    assert_eq!(policy()["Statement"].as_array().unwrap().len(), 1);
    // No terminal and no --yes: refused, nothing changed.
    let (code, _, err) = run(&[
        "aws",
        "create-cur",
        "--bucket",
        "acme-cur",
        "--name",
        "acme-hourly",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(policy()["Statement"].as_array().unwrap().len(), 1);

    // Applied: the existing statement kept, the delivery statements added, the CUR defined.
    let out = ok(&[
        "aws",
        "create-cur",
        "--bucket",
        "acme-cur",
        "--name",
        "acme-hourly",
        "--yes",
        "--json",
    ]);
    let created: serde_json::Value = serde_json::from_str(&out).unwrap();
    let actions: Vec<&str> = created["applied"]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["s3:PutBucketPolicy", "cur:PutReportDefinition"]);
    assert!(
        created["applied"]["changes"][0]["request_id"]
            .as_str()
            .is_some_and(|id| !id.is_empty())
    );
    let statements = policy()["Statement"].as_array().unwrap().clone();
    assert_eq!(statements.len(), 3);
    assert_eq!(statements[0]["Sid"], "AuditorRead");
    // The checks ran right after: the definition is right and waits; delivery is allowed.
    assert_eq!(
        created["overview"]["definitions"][0]["definition"]["name"],
        "acme-hourly"
    );
    assert_eq!(created["overview"]["definitions"][0]["right"], true);
    assert_eq!(created["overview"]["delivery"]["ready"], true);
    let (code, _, _) = curs(
        home.path(),
        &moto.endpoint,
        &billing,
        &["--bucket", "acme-cur", "--prefix", "cur"],
    );
    assert_eq!(code, 0);
    // Audited with AWS's request IDs.
    let audit = ok(&["audit", "--json"]);
    assert!(
        audit.contains("aws.s3:PutBucketPolicy") && audit.contains("aws.cur:PutReportDefinition"),
        "{audit}"
    );
    assert!(audit.contains("request "), "{audit}");

    // The same name again is refused at the plan: nothing existing is replaced.
    let (code, out, _) = run(&[
        "aws",
        "create-cur",
        "--bucket",
        "acme-cur",
        "--name",
        "acme-hourly",
        "--yes",
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("already exists"), "{out}");
    // A bucket that does not exist is created in us-east-1.
    ok(&[
        "aws",
        "create-cur",
        "--bucket",
        "acme-new-cur",
        "--name",
        "acme-new",
        "--format",
        "csv",
        "--yes",
    ]);
    let location = rt
        .block_on(s3.get_bucket_location().bucket("acme-new-cur").send())
        .unwrap();
    assert_eq!(
        location.location_constraint().map_or("", |c| c.as_str()),
        ""
    );

    // The stack: the template as the vendor publishes it (minus the SNS custom
    // resource, which moto cannot run) at the workspace's template URL.
    let template = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../channelops-core/templates/channelops-cur-access.yaml"
    ))
    .unwrap();
    let start = template.find("  NotifyPlatform:").unwrap();
    let end = template[start..].find("\nOutputs:").unwrap() + start;
    let runnable = format!("{}{}", &template[..start], &template[end + 1..]);
    rt.block_on(async {
        s3.create_bucket()
            .bucket("channelops-public")
            .send()
            .await
            .unwrap();
        s3.put_object()
            .bucket("channelops-public")
            .key("templates/channelops-cur-access.yaml")
            .body(runnable.into_bytes().into())
            .send()
            .await
            .unwrap();
    });
    ok(&[
        "accounts",
        "bucket",
        "123456789012",
        "acme-cur",
        "--prefix",
        "cur",
    ]);
    let out = ok(&["aws", "create-stack", "123456789012", "--dry-run"]);
    assert!(out.contains("AWS::IAM::Role"), "{out}");
    assert!(out.contains("CAPABILITY_NAMED_IAM"), "{out}");
    assert!(out.contains("CurBucketName = acme-cur"), "{out}");
    let out = ok(&["aws", "create-stack", "123456789012", "--yes", "--wait"]);
    assert!(out.contains("cloudformation:CreateStack"), "{out}");
    let list: serde_json::Value =
        serde_json::from_str(&ok(&["accounts", "list", "Acme", "--json"])).unwrap();
    assert_eq!(list[0]["state"], "stack_created");
    // Again: the stack exists and is never replaced.
    let (code, out, _) = run(&["aws", "create-stack", "123456789012", "--yes"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("never replaced"), "{out}");
}
