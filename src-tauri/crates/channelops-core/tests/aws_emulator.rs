//! The AWS checks against a real AWS emulator (`moto_server`, started here on
//! 127.0.0.1 with a free port), called through the real AWS SDK for Rust.
//!
//! What the emulator lacks is tested elsewhere with the SDK's own mocks
//! (`aws_mocked.rs`): `iam:SimulatePrincipalPolicy`, Cost Optimization Hub, and a
//! stack that fails (moto creates every resource it understands).

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/moto.rs"]
mod moto;
#[path = "common/on_read.rs"]
mod on_read;

use std::path::Path;
use std::sync::Arc;

use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::{BucketLocationConstraint, CreateBucketConfiguration};
use channelops_core::aws::identity::OrgRole;
use channelops_core::aws::insights::{InsightKind, InsightState};
use channelops_core::aws::preflight::{Decision, DecisionSource, REQUIRED_ACTIONS};
use channelops_core::aws::s3_source::S3Source;
use channelops_core::aws::{self, Aws, bucket, identity, insights, preflight, stack};
use channelops_core::cloudformation::{TEMPLATE, VendorSettings};
use channelops_core::cur::fixtures::{self, CurSpec, Storage};
use channelops_core::cur::{self, CancelToken, CheckStatus, Options, ValidationResult};
use moto::{Moto, session};
use on_read::OnRead;

const ACCOUNT: &str = "123456789012";

fn admin(rt: &tokio::runtime::Runtime, moto: &Moto) -> Aws {
    session(rt, &moto.endpoint, "testing", "testing")
}

async fn create_bucket(aws: &Aws, name: &str, region: &str) {
    let mut req = aws.s3(region).create_bucket().bucket(name);
    if region != "us-east-1" {
        req = req.create_bucket_configuration(
            CreateBucketConfiguration::builder()
                .location_constraint(BucketLocationConstraint::from(region))
                .build(),
        );
    }
    req.send().await.unwrap();
}

/// Uploads every file under `dir` as `prefix` + its relative path.
async fn upload_tree(aws: &Aws, bucket: &str, region: &str, dir: &Path, prefix: &str) {
    let s3 = aws.s3(region);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                s3.put_object()
                    .bucket(bucket)
                    .key(format!("{prefix}{rel}"))
                    .body(ByteStream::from(std::fs::read(&p).unwrap()))
                    .send()
                    .await
                    .unwrap();
            }
        }
    }
}

fn copy_tree(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let target = to.join(p.file_name().unwrap());
        if p.is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_tree(&p, &target);
        } else {
            std::fs::copy(&p, &target).unwrap();
        }
    }
}

fn options() -> Options {
    Options {
        today: fixtures::CurSpec::default().day_after_period(1, 5),
        ..Options::default()
    }
}

fn run(source: Arc<dyn cur::Source>) -> ValidationResult {
    cur::validate(source, &options(), &|_| {}, &CancelToken::default()).unwrap()
}

/// The reports as JSON without what differs by nature between S3 and a copy.
fn comparable(result: &ValidationResult) -> serde_json::Value {
    let mut v = serde_json::to_value(result).unwrap();
    // How the bytes were read differs by design: planned reads on S3, on demand on disk.
    for by_nature in ["source", "bytes_read", "requests"] {
        v.as_object_mut().unwrap().remove(by_nature);
    }
    for r in v["reports"].as_array_mut().unwrap() {
        r["checks"]
            .as_array_mut()
            .unwrap()
            .retain(|c| c["id"] != "bucket_region");
    }
    v
}

fn check<'a>(result: &'a ValidationResult, report: &str, id: &str) -> &'a cur::Check {
    result
        .reports
        .iter()
        .find(|r| r.name == report)
        .unwrap_or_else(|| {
            panic!(
                "no report {report} in {:?}",
                result.reports.iter().map(|r| &r.name).collect::<Vec<_>>()
            )
        })
        .checks
        .iter()
        .find(|c| c.id.as_str() == id)
        .unwrap()
}

#[test]
fn s3_source_judges_like_a_local_copy_reading_only_samples_and_checks_the_region() {
    let moto = Moto::start();
    let rt = aws::runtime().unwrap();
    let aws = admin(&rt, &moto);
    let tmp = tempfile::tempdir().unwrap();
    let fx = tmp.path().join("fixtures");
    fixtures::write_all_variants(&fx).unwrap();
    // One valid CUR and one without resource IDs in us-east-1; a valid one in eu-west-1.
    let mirror = tmp.path().join("mirror");
    std::fs::create_dir_all(&mirror).unwrap();
    copy_tree(&fx.join("valid-csv-gz"), &mirror);
    copy_tree(&fx.join("no-resource-ids"), &mirror);
    let big = tmp.path().join("big.snappy.parquet");
    let spec = CurSpec {
        rows: 200_000,
        ..CurSpec::default()
    };
    fixtures::write_data_file(&big, &spec, Storage::Parquet).unwrap();
    rt.block_on(async {
        create_bucket(&aws, "cur-east", "us-east-1").await;
        upload_tree(&aws, "cur-east", "us-east-1", &mirror, "exports/").await;
        create_bucket(&aws, "cur-west", "eu-west-1").await;
        upload_tree(&aws, "cur-west", "eu-west-1", &fx.join("valid-csv-gz"), "").await;
        create_bucket(&aws, "cur-big", "us-east-1").await;
        aws.s3("us-east-1")
            .put_object()
            .bucket("cur-big")
            .key("data/big.snappy.parquet")
            .body(ByteStream::from(std::fs::read(&big).unwrap()))
            .send()
            .await
            .unwrap();
    });

    // Same verdicts, same bytes read, as the local copy; listing over many pages.
    let s3 = rt
        .block_on(S3Source::open(&aws, "cur-east", "exports"))
        .unwrap()
        .with_page_size(3);
    let from_s3 = run(Arc::new(s3));
    let local = run(cur::open_local(&mirror).unwrap());
    assert_eq!(from_s3.source, "s3://cur-east/exports");
    assert_eq!(comparable(&from_s3), comparable(&local));
    assert_eq!(from_s3.selectable, vec!["hourly-cur".to_owned()]);
    assert_eq!(
        check(&from_s3, "no-rid", "resource_ids").status,
        CheckStatus::Fail
    );
    assert_eq!(
        check(&from_s3, "hourly-cur", "bucket_region").status,
        CheckStatus::Pass
    );
    assert_eq!(
        check(&local, "hourly-cur", "bucket_region").status,
        CheckStatus::Skipped
    );

    // eu-west-1: the region check fails and says what it saw.
    let west = rt.block_on(S3Source::open(&aws, "cur-west", "")).unwrap();
    let west = run(Arc::new(west));
    let region = check(&west, "hourly-cur", "bucket_region");
    assert_eq!(region.status, CheckStatus::Fail);
    assert_eq!(
        region.evidence.as_ref().unwrap().value.as_deref(),
        Some("eu-west-1")
    );
    assert!(west.selectable.is_empty());
    let status = rt.block_on(bucket::check(&aws, "cur-west")).unwrap();
    assert!(!status.ok && status.problem.unwrap().en().contains("eu-west-1"));
    assert!(rt.block_on(bucket::check(&aws, "cur-east")).unwrap().ok);
    let missing = rt.block_on(bucket::check(&aws, "no-such-bucket")).unwrap();
    assert!(!missing.ok && missing.problem.unwrap().en().contains("does not exist"));

    // A 200 000-row Parquet file: only the footer and a sample are fetched.
    let big_src = rt
        .block_on(S3Source::open(&aws, "cur-big", "data/"))
        .unwrap();
    let result = run(Arc::new(big_src));
    let size = std::fs::metadata(&big).unwrap().len();
    assert_eq!(result.bytes_total, size);
    assert!(
        result.bytes_read * 10 < size,
        "read {} of {size}",
        result.bytes_read
    );
    assert_eq!(result.selectable.len(), 1, "{:?}", result.reports);
}

/// Creates user `name` with the given managed policies and inline policy; returns its keys.
async fn user(aws: &Aws, name: &str, managed: &[&str], inline: Option<&str>) -> (String, String) {
    let iam = aws.iam();
    iam.create_user().user_name(name).send().await.unwrap();
    for arn in managed {
        iam.attach_user_policy()
            .user_name(name)
            .policy_arn(*arn)
            .send()
            .await
            .unwrap();
    }
    if let Some(doc) = inline {
        iam.put_user_policy()
            .user_name(name)
            .policy_name(format!("{name}-inline"))
            .policy_document(doc)
            .send()
            .await
            .unwrap();
    }
    let key = iam
        .create_access_key()
        .user_name(name)
        .send()
        .await
        .unwrap();
    let key = key.access_key().unwrap();
    (
        key.access_key_id().to_owned(),
        key.secret_access_key().to_owned(),
    )
}

#[test]
fn preflight_ladder_and_denied_reads_with_iam_enforced() {
    let moto = Moto::start();
    let rt = aws::runtime().unwrap();
    let root = admin(&rt, &moto);
    let tmp = tempfile::tempdir().unwrap();
    fixtures::write_all_variants(tmp.path()).unwrap();
    let (alice, rita, dora, pat) = rt.block_on(async {
        root.organizations().create_organization().send().await.unwrap();
        // The template where the default settings publish it (the probe reads it there).
        create_bucket(&root, "channelops-public", "us-east-1").await;
        root.s3("us-east-1").put_object().bucket("channelops-public").key("templates/channelops-cur-access.yaml").body(ByteStream::from_static(TEMPLATE.as_bytes())).send().await.unwrap();
        create_bucket(&root, "cur-east", "us-east-1").await;
        upload_tree(&root, "cur-east", "us-east-1", &tmp.path().join("valid-csv-gz"), "").await;
        let alice = user(&root, "alice", &["arn:aws:iam::aws:policy/AdministratorAccess"], None).await;
        let rita = user(&root, "rita", &["arn:aws:iam::aws:policy/ReadOnlyAccess"], None).await;
        let dora = user(&root, "dora", &[], Some(r#"{"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","Action":["s3:ListBucket","s3:GetBucketLocation","s3:GetObject"],"Resource":["arn:aws:s3:::cur-east","arn:aws:s3:::cur-east/*"]},
            {"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::cur-east/*"}]}"#)).await;
        // Pat may not read his own policies: the ladder falls through to the probes.
        let pat = user(&root, "pat", &[], Some(r#"{"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","Action":["cloudformation:GetTemplateSummary","iam:GetRole","organizations:DescribeOrganization"],"Resource":"*"}]}"#)).await;
        (alice, rita, dora, pat)
    });
    moto.enforce_iam();
    let settings = VendorSettings::default();

    // AdministratorAccess: every action allowed, from the identity policies.
    let a = session(&rt, &moto.endpoint, &alice.0, &alice.1);
    let p = rt
        .block_on(preflight::preflight(&a, ACCOUNT, &settings))
        .unwrap();
    assert_eq!(
        p.identity.principal_arn,
        format!("arn:aws:iam::{ACCOUNT}:user/alice")
    );
    assert!(p.account_matches);
    assert_eq!(p.organization.role, OrgRole::Management);
    assert_eq!(p.management_account, Some(true));
    assert_eq!(p.permissions.len(), 7);
    for c in &p.permissions {
        assert_eq!(
            (c.decision, c.source),
            (Decision::Allowed, DecisionSource::IdentityPolicies),
            "{c:?}"
        );
        assert!(
            c.detail.en().contains("AdministratorAccess")
                && c.detail.en().contains("service control policies"),
            "{}",
            c.detail
        );
    }
    assert!(p.ready, "{:?}", p.blockers);
    // The same user entering another account is told so.
    let wrong = rt
        .block_on(preflight::preflight(&a, "210987654321", &settings))
        .unwrap();
    assert!(!wrong.account_matches && !wrong.ready);

    // ReadOnlyAccess: reads allowed, creating anything denied — not ready.
    let r = session(&rt, &moto.endpoint, &rita.0, &rita.1);
    let p = rt
        .block_on(preflight::preflight(&r, ACCOUNT, &settings))
        .unwrap();
    let by_action = |p: &preflight::Preflight, a: &str| {
        p.permissions
            .iter()
            .find(|c| c.action == a)
            .unwrap()
            .clone()
    };
    assert_eq!(by_action(&p, "iam:GetRole").decision, Decision::Allowed);
    assert_eq!(
        by_action(&p, "cloudformation:GetTemplateSummary").decision,
        Decision::Allowed
    );
    for a in [
        "iam:CreatePolicy",
        "iam:CreateRole",
        "iam:AttachRolePolicy",
        "cloudformation:CreateStack",
        "sns:Publish",
    ] {
        let c = by_action(&p, a);
        assert_eq!(
            (c.decision, c.source),
            (Decision::Denied, DecisionSource::IdentityPolicies),
            "{c:?}"
        );
        assert!(c.remedy.is_some());
    }
    assert!(!p.ready);

    // No access to his own policies: probes decide what they can, the rest is not verified.
    let pt = session(&rt, &moto.endpoint, &pat.0, &pat.1);
    let p = rt
        .block_on(preflight::preflight(&pt, ACCOUNT, &settings))
        .unwrap();
    let summary = by_action(&p, "cloudformation:GetTemplateSummary");
    assert_eq!(
        (summary.decision, summary.source),
        (Decision::Allowed, DecisionSource::Probe),
        "{summary:?}"
    );
    let get_role = by_action(&p, "iam:GetRole");
    assert_eq!(
        (get_role.decision, get_role.source),
        (Decision::Allowed, DecisionSource::Probe),
        "{get_role:?}"
    );
    for a in [
        "iam:CreatePolicy",
        "iam:CreateRole",
        "iam:AttachRolePolicy",
        "cloudformation:CreateStack",
        "sns:Publish",
    ] {
        let c = by_action(&p, a);
        assert_eq!(
            (c.decision, c.source),
            (Decision::NotVerified, DecisionSource::None),
            "{c:?}"
        );
        // The deciding step says no probe exists; the step before it, which call failed.
        assert!(
            c.tried
                .iter()
                .any(|t| t.en().contains("ListAttachedUserPolicies")),
            "{:?}",
            c.tried
        );
    }
    assert!(!p.ready);
    assert_eq!(
        p.permissions
            .iter()
            .map(|c| c.action.as_str())
            .collect::<Vec<_>>(),
        REQUIRED_ACTIONS
    );

    // Denied s3:GetObject: the bucket check and the validation both say so.
    let d = session(&rt, &moto.endpoint, &dora.0, &dora.1);
    let status = rt.block_on(bucket::check(&d, "cur-east")).unwrap();
    assert!(!status.ok);
    assert!(
        status
            .problem
            .as_ref()
            .unwrap()
            .en()
            .contains("s3:GetObject"),
        "{status:?}"
    );
    let src = rt.block_on(S3Source::open(&d, "cur-east", "")).unwrap();
    let result = run(Arc::new(src));
    let readable = check(&result, "hourly-cur", "readable");
    assert_eq!(readable.status, CheckStatus::Fail);
    // The fix is AWS's (the missing right), not "the file is damaged".
    let remedy = readable.remedy.as_ref().map(|r| r.en()).unwrap_or_default();
    assert!(
        remedy.contains("s3:GetObject") && !remedy.contains("damaged"),
        "{remedy}"
    );
    assert!(
        readable.message.en().contains("denied")
            || readable
                .evidence
                .as_ref()
                .and_then(|e| e.value.as_deref())
                .unwrap_or_default()
                .contains("denied"),
        "{readable:?}"
    );
    assert!(result.selectable.is_empty());
    // And a principal with no S3 rights at all cannot even find the region.
    let err = rt
        .block_on(S3Source::open(&pt, "cur-east", ""))
        .err()
        .unwrap();
    assert_eq!(err.code().as_str(), "aws_access_denied");
}

#[test]
fn stack_from_the_real_template_identity_organizations_and_insights() {
    let moto = Moto::start();
    let rt = aws::runtime().unwrap();
    let aws = admin(&rt, &moto);
    rt.block_on(async {
        // The template, as the console will read it.
        let summary = aws
            .cloudformation()
            .get_template_summary()
            .template_body(TEMPLATE)
            .send()
            .await
            .unwrap();
        let mut params: Vec<&str> = summary
            .parameters()
            .iter()
            .filter_map(|p| p.parameter_key())
            .collect();
        params.sort_unstable();
        assert_eq!(
            params,
            [
                "CurBucketName",
                "ExternalId",
                "RoleName",
                "VendorAccountId",
                "VendorSnsTopicArn"
            ]
        );

        let none = stack::status(&aws, "ChannelOpsCurAccess").await.unwrap();
        assert_eq!(none.phase, stack::StackPhase::NotFound);
        assert!(none.next_step.en().contains("Create stack"));

        // moto runs custom resources only as Lambda functions, never SNS topics, so the
        // stack is created from the real template minus its SNS custom resource.
        let start = TEMPLATE.find("  NotifyPlatform:").unwrap();
        let end = TEMPLATE[start..].find("\nOutputs:").unwrap() + start;
        let template = format!("{}{}", &TEMPLATE[..start], &TEMPLATE[end + 1..]);
        aws.cloudformation()
            .create_stack()
            .stack_name("ChannelOpsCurAccess")
            .template_body(template)
            .parameters(
                aws_sdk_cloudformation::types::Parameter::builder()
                    .parameter_key("ExternalId")
                    .parameter_value("0123456789abcdef0123")
                    .build(),
            )
            .parameters(
                aws_sdk_cloudformation::types::Parameter::builder()
                    .parameter_key("CurBucketName")
                    .parameter_value("cur-east")
                    .build(),
            )
            .send()
            .await
            .unwrap();
        let seen = std::sync::Mutex::new(Vec::new());
        let done = stack::wait(
            &aws,
            "ChannelOpsCurAccess",
            std::time::Duration::from_millis(100),
            std::time::Duration::from_secs(30),
            &|s| seen.lock().unwrap().push(s.phase),
            &channelops_core::cur::CancelToken::default(),
        )
        .await
        .unwrap();
        assert_eq!(done.phase, stack::StackPhase::Complete, "{done:?}");
        assert_eq!(
            done.role_arn.as_deref(),
            Some("arn:aws:iam::123456789012:role/ChannelOpsCurReader")
        );
        assert_eq!(done.role_verified, Some(true));
        assert!(!seen.lock().unwrap().is_empty());
        // The role trusts the vendor account, with the external ID.
        let role = aws
            .iam()
            .get_role()
            .role_name("ChannelOpsCurReader")
            .send()
            .await
            .unwrap();
        let trust = channelops_core::aws::policy::decode_document(
            role.role().unwrap().assume_role_policy_document().unwrap(),
        );
        assert!(
            trust.contains("0123456789abcdef0123") && trust.contains("sts:ExternalId"),
            "{trust}"
        );

        // Identity and Organizations: standalone, then management; a member account.
        let me = identity::identify(&aws).await.unwrap();
        assert_eq!(me.account, ACCOUNT);
        assert_eq!(
            identity::organization(&aws, ACCOUNT).await.unwrap().role,
            OrgRole::Standalone
        );
        aws.organizations()
            .create_organization()
            .send()
            .await
            .unwrap();
        assert_eq!(
            identity::organization(&aws, ACCOUNT).await.unwrap().role,
            OrgRole::Management
        );
        let member = identity::organization(&aws, "999988887777").await.unwrap();
        assert_eq!(member.role, OrgRole::Member);
        assert!(member.detail.en().contains(ACCOUNT));

        // Insights: Trusted Advisor answers; Security Hub off, then on.
        let ta = insights::trusted_advisor(&aws, &aws.support())
            .await
            .unwrap();
        assert_eq!(ta.state, InsightState::Enabled);
        let sh = insights::security_hub(&aws, &aws.security_hub(), "us-east-1")
            .await
            .unwrap();
        assert_eq!(sh.state, InsightState::NotEnabled);
        aws.security_hub()
            .enable_security_hub()
            .send()
            .await
            .unwrap();
        let all = insights::status(&aws).await.unwrap();
        let kinds: Vec<_> = all.iter().map(|i| i.kind).collect();
        assert_eq!(
            kinds,
            [
                InsightKind::TrustedAdvisor,
                InsightKind::CostOptimizationHub,
                InsightKind::SecurityHub
            ]
        );
        assert_eq!(all[2].state, InsightState::Enabled);
        // moto has no Cost Optimization Hub: the status is unknown, never made up.
        assert_eq!(all[1].state, InsightState::Unknown);
    });
}

#[test]
fn a_verdict_from_s3_takes_few_requests_per_data_file_whatever_the_layout() {
    use channelops_core::cur::fixtures::{ParquetLayout, write_parquet_with};
    let moto = Moto::start();
    let rt = aws::runtime().unwrap();
    let aws = admin(&rt, &moto);
    let tmp = tempfile::tempdir().unwrap();
    let big = CurSpec {
        rows: 20_000,
        ..CurSpec::default()
    };
    // (prefix, rows, layout, most requests per data file)
    let parquet = [
        ("dictionary", 20_000, ParquetLayout::default(), 2),
        (
            "plain",
            20_000,
            ParquetLayout {
                dictionary: false,
                ..ParquetLayout::default()
            },
            2,
        ),
        (
            "row-groups",
            20_000,
            ParquetLayout {
                rows_per_group: 400,
                page_rows: Some(100),
                ..ParquetLayout::default()
            },
            3,
        ),
        (
            "no-offset-index",
            20_000,
            ParquetLayout {
                offset_index: false,
                page_rows: Some(500),
                ..ParquetLayout::default()
            },
            3,
        ),
        ("small", 150, ParquetLayout::default(), 1),
    ];
    for (prefix, rows, layout, _) in &parquet {
        let spec = CurSpec {
            rows: *rows,
            ..big.clone()
        };
        let dir = tmp.path().join(prefix);
        for path in fixtures::legacy_athena_report(&dir, "", "cur", &spec, 2).unwrap() {
            let file = std::fs::File::create(&path).unwrap();
            write_parquet_with(file, &spec, layout).unwrap();
        }
    }
    fixtures::legacy_csv_report(
        &tmp.path().join("gzip-csv"),
        "",
        "cur",
        &big,
        Storage::GzipCsv,
        2,
    )
    .unwrap();
    let keys = tempfile::tempdir().unwrap();
    let key = channelops_core::handover::load_key(&keys.path().join("ws.db")).unwrap();
    rt.block_on(async {
        create_bucket(&aws, "layouts", "us-east-1").await;
        upload_tree(&aws, "layouts", "us-east-1", tmp.path(), "").await;
    });

    let cases = parquet
        .iter()
        .map(|(p, _, _, most)| (*p, ".parquet", *most))
        .chain([("gzip-csv", ".csv.gz", 1)]);
    for (prefix, data, most) in cases {
        let s3 = rt
            .block_on(S3Source::open(&aws, "layouts", prefix))
            .unwrap();
        // The reads of each object at the `Source` door (one read = one ranged GET).
        let reads = Arc::new(std::sync::Mutex::new(std::collections::BTreeMap::<
            String,
            u32,
        >::new()));
        let counter = reads.clone();
        let remote = run(Arc::new(OnRead {
            inner: Arc::new(s3),
            before: move |key: &str| {
                *counter.lock().unwrap().entry(key.to_owned()).or_default() += 1
            },
        }));
        let local = run(cur::open_local(&tmp.path().join(prefix)).unwrap());
        assert!(remote.reports[0].valid, "{prefix}: {remote:#?}");
        assert_eq!(comparable(&remote), comparable(&local), "{prefix}");
        assert!(remote.bytes_read <= remote.bytes_total, "{prefix}");
        let reads = reads.lock().unwrap().clone();
        let per_file: Vec<(&String, &u32)> =
            reads.iter().filter(|(k, _)| k.ends_with(data)).collect();
        assert_eq!(per_file.len(), 2, "{prefix}: {reads:?}");
        for (key, n) in &per_file {
            assert!(**n <= most, "{prefix}: {key} took {n} requests: {reads:?}");
        }
        // Manifests are one request each.
        for (key, n) in reads.iter().filter(|(k, _)| k.ends_with(".json")) {
            assert_eq!(*n, 1, "{prefix}: {key}");
        }
        // Support's replay of the customer's run: the bundle recorded from S3 holds
        // every read the planned path makes, and gives the same verdict.
        let s3 = rt
            .block_on(S3Source::open(&aws, "layouts", prefix))
            .unwrap();
        let (recorded, bundle) = channelops_core::handover::validate_and_bundle(
            Arc::new(s3),
            &options(),
            &key,
            Some("support@example.com (Example Support)"),
            &|_| {},
            &CancelToken::default(),
        )
        .unwrap();
        let replay = channelops_core::handover::BundleSource::open(bundle.as_bytes()).unwrap();
        let again = run(Arc::new(replay));
        assert_eq!(again.reports, recorded.reports, "{prefix}: bundle replay");
        assert!(again.reports[0].valid, "{prefix}: {again:#?}");
        println!(
            "{prefix}: {:?}, {} requests, {} of {} bytes",
            per_file, remote.requests, remote.bytes_read, remote.bytes_total
        );
    }
}

#[test]
fn the_bucket_delivery_check_reads_the_policy_owner_and_encryption_back() {
    use aws_sdk_s3::types::{
        ServerSideEncryption, ServerSideEncryptionByDefault, ServerSideEncryptionConfiguration,
        ServerSideEncryptionRule,
    };
    use channelops_core::aws::cur_overview;
    use channelops_core::aws::delivery::{self, DeliveryCheckId};

    let moto = Moto::start();
    let rt = aws::runtime().unwrap();
    let aws = admin(&rt, &moto);
    let s3 = aws.s3("us-east-1");
    let find =
        |d: &delivery::DeliveryCheck, id| d.findings.iter().find(|f| f.id == id).unwrap().status;
    rt.block_on(async {
        create_bucket(&aws, "acme-cur", "us-east-1").await;
        // A bucket without any policy: not ready, with the exact statements to add.
        let d = delivery::check(&aws, "acme-cur", ACCOUNT, "cur")
            .await
            .unwrap();
        assert!(!d.ready);
        assert_eq!(find(&d, DeliveryCheckId::Policy), CheckStatus::Fail);
        assert_eq!(find(&d, DeliveryCheckId::Owner), CheckStatus::Pass);
        assert_eq!(find(&d, DeliveryCheckId::Encryption), CheckStatus::Pass);
        let add: serde_json::Value = serde_json::from_str(d.statement.as_deref().unwrap()).unwrap();

        // A policy with another statement only: still not ready.
        let reader = serde_json::json!({
            "Sid": "VendorRead",
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::999988887777:root"},
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::acme-cur/*"
        });
        let put = |statements: Vec<serde_json::Value>| {
            let s3 = s3.clone();
            async move {
                s3.put_bucket_policy()
                    .bucket("acme-cur")
                    .policy(
                        serde_json::json!({"Version": "2012-10-17", "Statement": statements})
                            .to_string(),
                    )
                    .send()
                    .await
                    .unwrap();
            }
        };
        put(vec![reader.clone()]).await;
        let d = delivery::check(&aws, "acme-cur", ACCOUNT, "cur")
            .await
            .unwrap();
        assert_eq!(find(&d, DeliveryCheckId::Policy), CheckStatus::Fail);

        // The statements the check gave, added beside it: read back from S3, ready.
        let mut statements = vec![reader];
        statements.extend(add.as_array().unwrap().iter().cloned());
        put(statements).await;
        let d = delivery::check(&aws, "acme-cur", ACCOUNT, "cur")
            .await
            .unwrap();
        assert!(d.ready, "{d:?}");
        assert!(d.statement.is_none());

        // Default encryption with the AWS-managed KMS key cannot be shared.
        s3.put_bucket_encryption()
            .bucket("acme-cur")
            .server_side_encryption_configuration(
                ServerSideEncryptionConfiguration::builder()
                    .rules(
                        ServerSideEncryptionRule::builder()
                            .apply_server_side_encryption_by_default(
                                ServerSideEncryptionByDefault::builder()
                                    .sse_algorithm(ServerSideEncryption::AwsKms)
                                    .build()
                                    .unwrap(),
                            )
                            .build(),
                    )
                    .build()
                    .unwrap(),
            )
            .send()
            .await
            .unwrap();
        let d = delivery::check(&aws, "acme-cur", ACCOUNT, "cur")
            .await
            .unwrap();
        assert!(!d.ready);
        assert_eq!(find(&d, DeliveryCheckId::Encryption), CheckStatus::Fail);

        // The whole overview on an endpoint without the CUR and Data Exports APIs:
        // each said, the bucket still checked.
        let o = cur_overview::overview(&aws, Some("acme-cur"), "cur")
            .await
            .unwrap();
        assert_eq!(o.account, ACCOUNT);
        let u = o.definitions_unanswered.unwrap();
        assert!(
            !u.denied && u.problem.en().contains(&moto.endpoint),
            "{u:?}"
        );
        assert!(o.exports_unanswered.is_some());
        assert_eq!(o.delivery.unwrap().findings.len(), 3);
    });
}
