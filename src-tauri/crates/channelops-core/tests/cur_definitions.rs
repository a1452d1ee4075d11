//! AWS's own word on the CUR, for what the AWS emulator (moto) lacks, with the
//! SDK's mocks (`aws-smithy-mocks`) and responses in AWS's documented wire format:
//! - `cur:DescribeReportDefinitions` — moto has no CUR API: every ReportStatus and
//!   wrong setting, pages, AccessDenied;
//! - `bcm-data-exports:ListExports` / `GetExport` — moto has no Data Exports;
//! - a bucket of another account (`ExpectedBucketOwner` refused) — moto ignores
//!   the header.
//!
//! The bucket policy and encryption checks against moto are in `aws_emulator.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[macro_use]
#[path = "common/mocked.rs"]
mod mocked;

use aws_smithy_mocks::{RuleMode, mock};
use channelops_core::aws::cur_definitions::{self, Delivery};
use channelops_core::aws::data_exports::{self, ExportTable};
use channelops_core::aws::delivery::{self, DeliveryCheckId};
use channelops_core::cur::{CheckId, CheckStatus};
use mocked::{aws, json_error, response, rt};

fn json(body: &str) -> aws_smithy_runtime_api::client::orchestrator::HttpResponse {
    let mut r = response(200, body);
    r.headers_mut()
        .insert("content-type", "application/x-amz-json-1.1");
    r
}

/// One definition in DescribeReportDefinitions' wire format.
fn definition(name: &str, changes: &[(&str, serde_json::Value)]) -> serde_json::Value {
    let mut d = serde_json::json!({
        "ReportName": name,
        "TimeUnit": "HOURLY",
        "Format": "Parquet",
        "Compression": "Parquet",
        "AdditionalSchemaElements": ["RESOURCES", "SPLIT_COST_ALLOCATION_DATA"],
        "S3Bucket": "acme-cur",
        "S3Prefix": "cur",
        "S3Region": "us-east-1",
        "AdditionalArtifacts": ["ATHENA"],
        "RefreshClosedReports": true,
        "ReportVersioning": "OVERWRITE_REPORT",
        "BillingViewArn": "arn:aws:billing::111122223333:billingview/primary"
    });
    for (k, v) in changes {
        d[*k] = v.clone();
    }
    d
}

#[test]
fn definitions_are_read_across_pages_and_each_setting_and_status_is_judged() {
    use serde_json::json;
    let page1 = json!({
        "ReportDefinitions": [
            definition("fresh", &[]),
            definition("daily", &[("TimeUnit", json!("DAILY"))]),
            definition("no-split", &[("AdditionalSchemaElements", json!(["RESOURCES"]))]),
            definition("zip", &[("Format", json!("textORcsv")), ("Compression", json!("ZIP"))]),
            definition("pro-forma", &[("BillingViewArn", json!("arn:aws:billing::111122223333:billingview/custom-1a2b"))]),
        ],
        "NextToken": "page-2"
    });
    let page2 = json!({
        "ReportDefinitions": [
            definition("delivered", &[("ReportStatus", json!({"lastDelivery": "20261130T040512Z", "lastStatus": "SUCCESS"}))]),
            definition("no-policy", &[("ReportStatus", json!({"lastDelivery": "20261130T040512Z", "lastStatus": "ERROR_PERMISSIONS"}))]),
            definition("bucket-gone", &[("ReportStatus", json!({"lastStatus": "ERROR_NO_BUCKET"}))]),
            definition("elsewhere", &[("S3Bucket", json!("old-bucket")), ("S3Region", json!("eu-west-1"))]),
        ]
    });
    let (p1, p2) = (page1.to_string(), page2.to_string());
    let rules = [
        mock!(aws_sdk_costandusagereport::Client::describe_report_definitions)
            .match_requests(|r| r.next_token().is_none())
            .then_http_response(move || json(&p1)),
        mock!(aws_sdk_costandusagereport::Client::describe_report_definitions)
            .match_requests(|r| r.next_token() == Some("page-2"))
            .then_http_response(move || json(&p2)),
    ];
    let client = mocked!(aws_sdk_costandusagereport, RuleMode::MatchAny, &rules);
    let list = rt()
        .block_on(cur_definitions::describe_with(&aws(), &client))
        .unwrap()
        .unwrap();
    assert_eq!(list.len(), 9);
    let judged: Vec<_> = list
        .iter()
        .map(|d| cur_definitions::judge(d, Some("acme-cur"), ""))
        .collect();
    let by = |name: &str| judged.iter().find(|v| v.definition.name == name).unwrap();
    let failing = |name: &str| -> Vec<CheckId> {
        by(name)
            .checks
            .iter()
            .filter(|c| c.status == CheckStatus::Fail)
            .map(|c| c.id)
            .collect()
    };
    assert!(by("fresh").right);
    assert_eq!(by("fresh").delivery, Delivery::Waiting);
    assert_eq!(failing("daily"), [CheckId::Hourly]);
    assert_eq!(failing("no-split"), [CheckId::SplitCostAllocation]);
    assert_eq!(failing("zip"), [CheckId::Format]);
    assert_eq!(failing("pro-forma"), [CheckId::PayerAccount]);
    assert_eq!(by("delivered").delivery, Delivery::Delivered);
    assert!(
        by("delivered")
            .checks
            .iter()
            .any(|c| c.id == CheckId::Delivery
                && c.status == CheckStatus::Pass
                && c.message.en().contains("20261130T040512Z"))
    );
    assert_eq!(by("no-policy").delivery, Delivery::ErrorPermissions);
    assert_eq!(failing("no-policy"), [CheckId::Delivery]);
    assert_eq!(by("bucket-gone").delivery, Delivery::ErrorNoBucket);
    assert_eq!(
        failing("elsewhere"),
        [CheckId::BucketRegion, CheckId::Bucket]
    );
    assert!(!by("elsewhere").for_this_bucket);
    // Every failed check says what to do.
    for v in &judged {
        for c in v.checks.iter().filter(|c| c.status == CheckStatus::Fail) {
            assert!(
                c.remedy.as_ref().is_some_and(|r| r.en().len() > 20),
                "{c:?}"
            );
        }
    }
}

#[test]
fn a_denied_or_missing_api_is_said_and_not_an_error() {
    let denied = mock!(aws_sdk_costandusagereport::Client::describe_report_definitions)
        .then_http_response(|| {
            json_error(
                "AccessDeniedException",
                "User: arn:aws:iam::111122223333:user/pat is not authorized to perform: cur:DescribeReportDefinitions",
            )
        });
    let client = mocked!(aws_sdk_costandusagereport, [&denied]);
    let u = rt()
        .block_on(cur_definitions::describe_with(&aws(), &client))
        .unwrap()
        .unwrap_err();
    assert!(u.denied);
    assert_eq!(u.action, "cur:DescribeReportDefinitions");
    assert!(
        u.remedy.en().contains("cur:DescribeReportDefinitions"),
        "{}",
        u.remedy
    );

    let denied = mock!(aws_sdk_bcmdataexports::Client::list_exports).then_http_response(|| {
        json_error(
            "AccessDeniedException",
            "not authorized to perform: bcm-data-exports:ListExports",
        )
    });
    let client = mocked!(aws_sdk_bcmdataexports, [&denied]);
    let u = rt()
        .block_on(data_exports::list_with(&aws(), &client))
        .unwrap()
        .unwrap_err();
    assert!(
        u.denied && u.remedy.en().contains("bcm-data-exports:ListExports"),
        "{u:?}"
    );
}

#[test]
fn cur2_and_focus_exports_are_named_with_the_way_to_a_legacy_cur() {
    let list = r#"{"Exports":[
        {"ExportArn":"arn:aws:bcm-data-exports:us-east-1:111122223333:export/acme-cur2-0d1e","ExportName":"acme-cur2","ExportStatus":{"StatusCode":"HEALTHY","CreatedAt":"2026-11-02T09:14:00Z","LastUpdatedAt":"2026-11-02T09:14:00Z","LastRefreshedAt":"2026-11-30T04:05:12Z"}},
        {"ExportArn":"arn:aws:bcm-data-exports:us-east-1:111122223333:export/acme-focus-9f8e","ExportName":"acme-focus","ExportStatus":{"StatusCode":"UNHEALTHY","StatusReason":"INSUFFICIENT_PERMISSION"}}
    ]}"#;
    let export = |arn: &str, name: &str, table: &str| {
        format!(
            r#"{{"Export":{{"ExportArn":"{arn}","Name":"{name}","DataQuery":{{"QueryStatement":"SELECT identity_line_item_id, line_item_unblended_cost FROM {table}","TableConfigurations":{{}}}},"DestinationConfigurations":{{"S3Destination":{{"S3Bucket":"acme-cur","S3Prefix":"exports","S3Region":"us-east-1","S3OutputConfigurations":{{"OutputType":"CUSTOM","Format":"PARQUET","Compression":"PARQUET","Overwrite":"OVERWRITE_REPORT"}}}}}},"RefreshCadence":{{"Frequency":"SYNCHRONOUS"}}}}}}"#
        )
    };
    let cur2 = export(
        "arn:aws:bcm-data-exports:us-east-1:111122223333:export/acme-cur2-0d1e",
        "acme-cur2",
        "COST_AND_USAGE_REPORT",
    );
    let focus = export(
        "arn:aws:bcm-data-exports:us-east-1:111122223333:export/acme-focus-9f8e",
        "acme-focus",
        "FOCUS_1_0_AWS",
    );
    let rules = [
        mock!(aws_sdk_bcmdataexports::Client::list_exports).then_http_response(move || json(list)),
        mock!(aws_sdk_bcmdataexports::Client::get_export)
            .match_requests(|r| r.export_arn().is_some_and(|a| a.contains("cur2")))
            .then_http_response(move || json(&cur2)),
        mock!(aws_sdk_bcmdataexports::Client::get_export)
            .match_requests(|r| r.export_arn().is_some_and(|a| a.contains("focus")))
            .then_http_response(move || json(&focus)),
    ];
    let client = mocked!(aws_sdk_bcmdataexports, RuleMode::MatchAny, &rules);
    let exports = rt()
        .block_on(data_exports::list_with(&aws(), &client))
        .unwrap()
        .unwrap();
    assert_eq!(exports.len(), 2);
    assert_eq!(exports[0].table, ExportTable::Cur2);
    assert!(
        exports[0].message.en().contains("CUR 2.0"),
        "{}",
        exports[0].message
    );
    assert!(
        exports[0].message.en().contains("s3://acme-cur/exports/"),
        "{}",
        exports[0].message
    );
    assert!(exports[0].remedy.en().contains("Legacy CUR export"));
    assert_eq!(exports[1].table, ExportTable::Focus);
    assert!(
        exports[1].message.en().contains("FOCUS")
            && exports[1].message.en().contains("INSUFFICIENT_PERMISSION")
    );
}

fn s3_xml(status: u16, body: &str) -> aws_smithy_runtime_api::client::orchestrator::HttpResponse {
    let mut r = response(status, body);
    r.headers_mut().insert("content-type", "application/xml");
    r
}

#[test]
fn a_bucket_of_another_account_is_named_as_such() {
    let policy = r#"{"Version":"2012-10-17","Statement":[]}"#;
    let rules = [
        // S3 refuses when ExpectedBucketOwner is not the owner…
        mock!(aws_sdk_s3::Client::get_bucket_policy)
            .match_requests(|r| r.expected_bucket_owner().is_some())
            .then_http_response(|| {
                s3_xml(403, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>9QW8</RequestId></Error>")
            }),
        // …and answers without it.
        mock!(aws_sdk_s3::Client::get_bucket_policy)
            .match_requests(|r| r.expected_bucket_owner().is_none())
            .then_http_response(move || s3_xml(200, policy)),
        mock!(aws_sdk_s3::Client::get_bucket_encryption).then_http_response(|| {
            s3_xml(
                200,
                r#"<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>arn:aws:kms:us-east-1:111122223333:key/2f1c-77</KMSMasterKeyID></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>"#,
            )
        }),
    ];
    let s3 = mocked!(aws_sdk_s3, RuleMode::MatchAny, &rules);
    let d = rt()
        .block_on(delivery::check_with(
            &aws(),
            &s3,
            "acme-cur",
            "111122223333",
            "",
        ))
        .unwrap();
    assert!(!d.ready);
    let find = |id| d.findings.iter().find(|f| f.id == id).unwrap();
    assert_eq!(find(DeliveryCheckId::Owner).status, CheckStatus::Fail);
    assert!(
        find(DeliveryCheckId::Owner)
            .message
            .en()
            .contains("another AWS account")
    );
    // The (empty) policy was still read and judged, with the statement to add.
    assert_eq!(find(DeliveryCheckId::Policy).status, CheckStatus::Fail);
    assert!(
        d.statement
            .as_deref()
            .unwrap()
            .contains("billingreports.amazonaws.com")
    );
    // A customer managed key: a warning naming the key policy.
    assert_eq!(find(DeliveryCheckId::Encryption).status, CheckStatus::Warn);
}

#[test]
fn a_policy_nobody_may_read_is_not_checked_and_says_which_permission() {
    let rules = [
        mock!(aws_sdk_s3::Client::get_bucket_policy).then_http_response(|| {
            s3_xml(
                403,
                "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>",
            )
        }),
        mock!(aws_sdk_s3::Client::get_bucket_encryption).then_http_response(|| {
            s3_xml(
                403,
                "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>",
            )
        }),
    ];
    let s3 = mocked!(aws_sdk_s3, RuleMode::MatchAny, &rules);
    let d = rt()
        .block_on(delivery::check_with(
            &aws(),
            &s3,
            "acme-cur",
            "111122223333",
            "",
        ))
        .unwrap();
    assert!(d.ready, "nothing failed: {d:?}");
    assert!(
        d.findings.iter().all(|f| f.status == CheckStatus::Skipped),
        "{d:?}"
    );
    assert!(d.findings.iter().any(|f| {
        f.remedy
            .as_ref()
            .is_some_and(|r| r.en().contains("s3:GetBucketPolicy"))
    }));
    assert!(d.statement.is_none());
}

#[test]
fn put_report_definition_success_and_each_refusal_has_its_remedy() {
    // Missing from moto: cur:PutReportDefinition.
    use channelops_core::aws::create_cur;
    use channelops_core::aws::cur_definitions::{CurFormat, ReportDefinition};
    use channelops_core::error::ErrorCode;

    let d = ReportDefinition::required("acme-hourly", "acme-cur", "cur", CurFormat::Parquet);
    let sent = std::sync::Arc::new(std::sync::Mutex::new(None));
    let seen = sent.clone();
    let ok = mock!(aws_sdk_costandusagereport::Client::put_report_definition)
        .match_requests(move |r| {
            *seen.lock().unwrap() = r.report_definition().cloned();
            true
        })
        .then_http_response(|| {
            let mut r = json("{}");
            r.headers_mut()
                .insert("x-amzn-RequestId", "7d2c9a1e-13aa-4a5e-9f0b-2f3c4d5e6f70");
            r
        });
    let client = mocked!(aws_sdk_costandusagereport, [&ok]);
    let id = rt()
        .block_on(create_cur::put_definition(&aws(), &client, &d))
        .unwrap();
    assert_eq!(id.as_deref(), Some("7d2c9a1e-13aa-4a5e-9f0b-2f3c4d5e6f70"));
    // Exactly Part 3's settings went out.
    let out = sent.lock().unwrap().clone().unwrap();
    assert_eq!(out.time_unit().as_str(), "HOURLY");
    assert_eq!(
        (out.format().as_str(), out.compression().as_str()),
        ("Parquet", "Parquet")
    );
    let elements: Vec<&str> = out
        .additional_schema_elements()
        .iter()
        .map(|e| e.as_str())
        .collect();
    assert_eq!(elements, ["RESOURCES", "SPLIT_COST_ALLOCATION_DATA"]);
    assert_eq!(
        (out.s3_bucket(), out.s3_prefix(), out.s3_region().as_str()),
        ("acme-cur", "cur", "us-east-1")
    );

    for (kind, message, code, remedy) in [
        (
            "DuplicateReportNameException",
            "A report with the name acme-hourly already exists",
            ErrorCode::InvalidInput,
            "never replaced",
        ),
        (
            "ValidationException",
            "Failed to verify customer bucket permission.",
            ErrorCode::Aws,
            "billingreports.amazonaws.com",
        ),
        (
            "AccessDeniedException",
            "not authorized to perform: cur:PutReportDefinition",
            ErrorCode::AwsAccessDenied,
            "cur:PutReportDefinition",
        ),
        (
            "ReportLimitReachedException",
            "Report limit reached",
            ErrorCode::InvalidInput,
            "never deletes",
        ),
    ] {
        let rule = mock!(aws_sdk_costandusagereport::Client::put_report_definition)
            .then_http_response(move || json_error(kind, message));
        let client = mocked!(aws_sdk_costandusagereport, [&rule]);
        let e = rt()
            .block_on(create_cur::put_definition(&aws(), &client, &d))
            .unwrap_err();
        assert_eq!(e.code(), code, "{kind}: {e}");
        assert!(e.remedy().contains(remedy), "{kind}: {}", e.remedy());
    }
}
