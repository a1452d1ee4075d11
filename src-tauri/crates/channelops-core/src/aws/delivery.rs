//! Is the bucket ready for AWS to deliver the CUR? Its policy must let the service
//! principal `billingreports.amazonaws.com` read the bucket's ACL and policy and
//! write its objects, under conditions that match this account; the bucket must
//! belong to this account; and its default encryption must be one the vendor's
//! role can read. Without this, "nothing delivered yet" and "AWS cannot write
//! here" look the same.

use crate::text;
use crate::text::Text;
use aws_sdk_s3::types::ServerSideEncryption;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use serde::{Deserialize, Serialize};

use super::errors::{is_denied, sdk_error};
use super::policy::{self, Policy, Request, Verdict};
use super::{Aws, HOME_REGION};
use crate::cur::CheckStatus;
use crate::error::CoreError;

/// The service that delivers legacy CURs.
pub const SERVICE: &str = "billingreports.amazonaws.com";

/// Which part of the delivery check a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryCheckId {
    /// The bucket policy lets billingreports.amazonaws.com deliver.
    Policy,
    /// The bucket belongs to this account.
    Owner,
    /// The bucket's default encryption can be read by the vendor's role.
    Encryption,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Finding {
    pub id: DeliveryCheckId,
    pub status: CheckStatus,
    pub message: Text,
    pub remedy: Option<Text>,
}

impl Finding {
    fn new(id: DeliveryCheckId, status: CheckStatus, message: Text, remedy: Option<Text>) -> Self {
        Finding {
            id,
            status,
            message,
            remedy,
        }
    }
}

/// What the delivery check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeliveryCheck {
    pub bucket: String,
    /// The account the bucket must belong to (the credentials' account).
    pub account: String,
    /// No finding failed.
    pub ready: bool,
    pub findings: Vec<Finding>,
    /// The policy statements to add (JSON) when the policy does not allow delivery.
    pub statement: Option<String>,
}

/// The ARN AWS's CUR service sends as `aws:SourceArn` and documents for the
/// bucket policy (its `*` is literal: the documented policy uses StringEquals).
pub fn source_arn(account: &str) -> String {
    format!("arn:aws:cur:{HOME_REGION}:{account}:definition/*")
}

/// The two statements AWS documents for legacy CUR delivery, for this bucket and account.
pub fn delivery_statements(bucket: &str, account: &str) -> serde_json::Value {
    let condition = serde_json::json!({
        "StringEquals": {
            "aws:SourceArn": source_arn(account),
            "aws:SourceAccount": account,
        }
    });
    serde_json::json!([
        {
            "Sid": "ChannelOpsCurDeliveryRead",
            "Effect": "Allow",
            "Principal": { "Service": SERVICE },
            "Action": ["s3:GetBucketAcl", "s3:GetBucketPolicy"],
            "Resource": format!("arn:aws:s3:::{bucket}"),
            "Condition": condition,
        },
        {
            "Sid": "ChannelOpsCurDeliveryWrite",
            "Effect": "Allow",
            "Principal": { "Service": SERVICE },
            "Action": "s3:PutObject",
            "Resource": format!("arn:aws:s3:::{bucket}/*"),
            "Condition": condition,
        }
    ])
}

/// What a bucket policy says about AWS delivering reports under a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyVerdict {
    /// GetBucketAcl, GetBucketPolicy and PutObject are allowed.
    Allows,
    /// No policy at all.
    Absent,
    /// It cannot be read (not JSON, no statements, too large).
    Unreadable(Text),
    /// A Deny matches these actions.
    Denies(Vec<&'static str>),
    /// Nothing allows these actions.
    Lacks(Vec<&'static str>),
    /// Only conditions this app cannot evaluate decide these ("action: why").
    Undecided(Vec<Text>),
}

/// Evaluates a bucket policy document for `billingreports.amazonaws.com`
/// delivering under `prefix`, with this account's aws:SourceArn and
/// aws:SourceAccount.
pub fn policy_verdict(
    document: Option<&str>,
    bucket: &str,
    account: &str,
    prefix: &str,
) -> PolicyVerdict {
    let Some(document) = document else {
        return PolicyVerdict::Absent;
    };
    if document.len() > crate::limits::BUCKET_POLICY_BYTES {
        return PolicyVerdict::Unreadable(text!("policy-err-size", size = document.len()));
    }
    let policies = match Policy::parse("the bucket policy", document) {
        Ok(p) => vec![p],
        Err(e) => return PolicyVerdict::Unreadable(e),
    };
    let source_arn = source_arn(account);
    let context = [
        ("aws:SourceArn", source_arn.as_str()),
        ("aws:SourceAccount", account),
    ];
    let prefix = prefix.trim_matches('/');
    let object = if prefix.is_empty() {
        format!("arn:aws:s3:::{bucket}/report/file.parquet")
    } else {
        format!("arn:aws:s3:::{bucket}/{prefix}/report/file.parquet")
    };
    let bucket_arn = format!("arn:aws:s3:::{bucket}");
    let asks = [
        ("s3:GetBucketAcl", bucket_arn.as_str()),
        ("s3:GetBucketPolicy", bucket_arn.as_str()),
        ("s3:PutObject", object.as_str()),
    ];
    let mut missing = Vec::new();
    let mut denied = Vec::new();
    let mut undecided = Vec::new();
    for (action, resource) in asks {
        let req = Request {
            action,
            resource,
            service: Some(SERVICE),
            context: &context,
        };
        match policy::evaluate_request(&policies, &req) {
            Verdict::Allowed { .. } => {}
            Verdict::ExplicitDeny { .. } => denied.push(action),
            Verdict::ImplicitDeny => missing.push(action),
            Verdict::Undecided { reason } => {
                undecided.push(text!(
                    "policy-undecided-action",
                    action = action,
                    reason = reason
                ));
            }
        }
    }
    if !denied.is_empty() {
        PolicyVerdict::Denies(denied)
    } else if !missing.is_empty() {
        PolicyVerdict::Lacks(missing)
    } else if !undecided.is_empty() {
        PolicyVerdict::Undecided(undecided)
    } else {
        PolicyVerdict::Allows
    }
}

/// Judges a bucket policy document for delivery of reports under `prefix`.
/// Returns the finding and, when delivery is not allowed, the statements to add.
pub fn judge_policy(
    document: Option<&str>,
    bucket: &str,
    account: &str,
    prefix: &str,
) -> (Finding, Option<String>) {
    let statement = serde_json::to_string_pretty(&delivery_statements(bucket, account)).ok();
    let add = || text!("delivery-add-statements", bucket = bucket);
    let fail = |message: Text, remedy: Text| {
        (
            Finding::new(
                DeliveryCheckId::Policy,
                CheckStatus::Fail,
                message,
                Some(remedy),
            ),
            statement.clone(),
        )
    };
    match policy_verdict(document, bucket, account, prefix) {
        PolicyVerdict::Absent => fail(
            text!("delivery-no-policy", bucket = bucket, service = SERVICE),
            add(),
        ),
        PolicyVerdict::Unreadable(e) => fail(
            text!("delivery-policy-unreadable", bucket = bucket, why = e),
            add(),
        ),
        PolicyVerdict::Denies(actions) => fail(
            text!(
                "delivery-policy-denies",
                bucket = bucket,
                service = SERVICE,
                actions = actions.join(", ")
            ),
            text!("delivery-policy-denies-remedy", service = SERVICE),
        ),
        PolicyVerdict::Lacks(actions) => fail(
            text!(
                "delivery-policy-lacks",
                bucket = bucket,
                service = SERVICE,
                actions = actions.join(", "),
                account = account,
                arn = source_arn(account)
            ),
            add(),
        ),
        PolicyVerdict::Undecided(why) => (
            Finding::new(
                DeliveryCheckId::Policy,
                CheckStatus::Warn,
                text!(
                    "delivery-policy-undecided",
                    bucket = bucket,
                    service = SERVICE,
                    why = text::sentences(&why)
                ),
                Some(text!(
                    "delivery-policy-undecided-remedy",
                    account = account,
                    arn = source_arn(account)
                )),
            ),
            None,
        ),
        PolicyVerdict::Allows => (
            Finding::new(
                DeliveryCheckId::Policy,
                CheckStatus::Pass,
                text!("delivery-policy-allows", bucket = bucket, service = SERVICE),
                None,
            ),
            None,
        ),
    }
}

/// The default encryption rule's verdict: SSE-S3 is fine; SSE-KMS with the
/// AWS-managed key cannot be shared; a customer key needs its key policy.
pub fn judge_encryption(
    bucket: &str,
    algorithm: Option<&ServerSideEncryption>,
    key: Option<&str>,
) -> Finding {
    let kms = matches!(
        algorithm,
        Some(ServerSideEncryption::AwsKms | ServerSideEncryption::AwsKmsDsse)
    );
    if !kms {
        return Finding::new(
            DeliveryCheckId::Encryption,
            CheckStatus::Pass,
            text!("delivery-sse-s3", bucket = bucket),
            None,
        );
    }
    let aws_managed = key.is_none_or(|k| k.is_empty() || k.ends_with("alias/aws/s3"));
    if aws_managed {
        Finding::new(
            DeliveryCheckId::Encryption,
            CheckStatus::Fail,
            text!("delivery-aws-managed-kms", bucket = bucket),
            Some(text!(
                "delivery-aws-managed-kms-remedy",
                bucket = bucket,
                service = SERVICE
            )),
        )
    } else {
        Finding::new(
            DeliveryCheckId::Encryption,
            CheckStatus::Warn,
            text!(
                "delivery-customer-kms",
                bucket = bucket,
                key = key.unwrap_or_default()
            ),
            Some(text!("delivery-customer-kms-remedy", service = SERVICE)),
        )
    }
}

/// The delivery check of `bucket` for `account` (the credentials' account).
pub async fn check(
    aws: &Aws,
    bucket: &str,
    account: &str,
    prefix: &str,
) -> Result<DeliveryCheck, CoreError> {
    check_with(aws, &aws.s3(HOME_REGION), bucket, account, prefix).await
}

/// A bucket's policy as S3 answers it, and whose the bucket is.
pub(crate) enum BucketPolicy {
    /// This account's bucket, its policy document (none: no policy).
    Own(Option<String>),
    /// Another account's bucket (its policy, when readable).
    Foreign(Option<String>),
    Missing,
    /// Reading the policy was denied.
    Denied,
}

/// `s3:GetBucketPolicy` with `ExpectedBucketOwner`: S3 refuses when the bucket
/// belongs to another account; asked again without it, the refusal tells
/// ownership from permission.
pub(crate) async fn bucket_policy(
    aws: &Aws,
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    account: &str,
) -> Result<BucketPolicy, CoreError> {
    enum Read {
        Document(Option<String>),
        Missing,
        Denied,
    }
    let read = |owner: Option<&str>| {
        let ask = s3
            .get_bucket_policy()
            .bucket(bucket)
            .set_expected_bucket_owner(owner.map(str::to_owned))
            .send();
        async move {
            match ask.await {
                Ok(out) => Ok(Read::Document(out.policy().map(str::to_owned))),
                Err(e) if e.code() == Some("NoSuchBucketPolicy") => Ok(Read::Document(None)),
                Err(e) if e.code() == Some("NoSuchBucket") => Ok(Read::Missing),
                Err(e) if is_denied(&e) => Ok(Read::Denied),
                Err(e) => Err(sdk_error(aws, "s3:GetBucketPolicy", &e)),
            }
        }
    };
    Ok(match read(Some(account)).await? {
        Read::Document(d) => BucketPolicy::Own(d),
        Read::Missing => BucketPolicy::Missing,
        Read::Denied => match read(None).await? {
            Read::Document(d) => BucketPolicy::Foreign(d),
            Read::Missing => BucketPolicy::Missing,
            Read::Denied => BucketPolicy::Denied,
        },
    })
}

/// [`check`] over a given us-east-1 client (tests put a mocked one in).
pub async fn check_with(
    aws: &Aws,
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    account: &str,
    prefix: &str,
) -> Result<DeliveryCheck, CoreError> {
    let mut findings = Vec::new();
    let mut statement = None;
    let document = match bucket_policy(aws, s3, bucket, account).await? {
        BucketPolicy::Missing => {
            let e = super::bucket::missing(bucket);
            findings.push(Finding::new(
                DeliveryCheckId::Policy,
                CheckStatus::Fail,
                e.text(),
                Some(e.remedy_text()),
            ));
            return Ok(done(bucket, account, findings, None));
        }
        BucketPolicy::Own(d) => {
            findings.push(Finding::new(
                DeliveryCheckId::Owner,
                CheckStatus::Pass,
                text!("delivery-owner-pass", bucket = bucket, account = account),
                None,
            ));
            Some(d)
        }
        BucketPolicy::Foreign(d) => {
            findings.push(Finding::new(
                DeliveryCheckId::Owner,
                CheckStatus::Fail,
                text!("delivery-owner-foreign", bucket = bucket, account = account),
                Some(text!("delivery-owner-foreign-remedy", account = account)),
            ));
            Some(d)
        }
        BucketPolicy::Denied => {
            findings.push(Finding::new(
                DeliveryCheckId::Policy,
                CheckStatus::Skipped,
                text!("delivery-policy-read-denied", bucket = bucket),
                Some(text!("delivery-policy-read-denied-remedy", bucket = bucket)),
            ));
            None
        }
    };
    if let Some(document) = document {
        let (finding, add) = judge_policy(document.as_deref(), bucket, account, prefix);
        findings.insert(0, finding);
        statement = add;
    }
    findings.push(
        match s3.get_bucket_encryption().bucket(bucket).send().await {
            Ok(out) => {
                let rule = out
                    .server_side_encryption_configuration()
                    .and_then(|c| c.rules().first())
                    .and_then(|r| r.apply_server_side_encryption_by_default());
                judge_encryption(
                    bucket,
                    rule.map(|r| r.sse_algorithm()),
                    rule.and_then(|r| r.kms_master_key_id()),
                )
            }
            // No configuration: S3 encrypts with SSE-S3 by default (since January 2023).
            Err(e) if e.code() == Some("ServerSideEncryptionConfigurationNotFoundError") => {
                judge_encryption(bucket, None, None)
            }
            Err(e) if is_denied(&e) => Finding::new(
                DeliveryCheckId::Encryption,
                CheckStatus::Skipped,
                text!("delivery-encryption-read-denied", bucket = bucket),
                Some(text!(
                    "delivery-encryption-read-denied-remedy",
                    bucket = bucket
                )),
            ),
            Err(e) => return Err(sdk_error(aws, "s3:GetEncryptionConfiguration", &e)),
        },
    );
    Ok(done(bucket, account, findings, statement))
}

fn done(
    bucket: &str,
    account: &str,
    findings: Vec<Finding>,
    statement: Option<String>,
) -> DeliveryCheck {
    DeliveryCheck {
        bucket: bucket.to_owned(),
        account: account.to_owned(),
        ready: findings.iter().all(|f| f.status != CheckStatus::Fail),
        findings,
        statement,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACCOUNT: &str = "111122223333";

    fn documented() -> String {
        serde_json::json!({
            "Version": "2008-10-17",
            "Statement": delivery_statements("acme-cur", ACCOUNT),
        })
        .to_string()
    }

    #[test]
    fn the_documented_statements_allow_delivery() {
        let (f, add) = judge_policy(Some(&documented()), "acme-cur", ACCOUNT, "cur");
        assert_eq!(f.status, CheckStatus::Pass, "{f:?}");
        assert!(add.is_none());
    }

    #[test]
    fn no_policy_or_another_principal_gives_the_statement_to_add() {
        let (f, add) = judge_policy(None, "acme-cur", ACCOUNT, "");
        assert_eq!(f.status, CheckStatus::Fail);
        let add: serde_json::Value = serde_json::from_str(&add.unwrap()).unwrap();
        assert_eq!(add, delivery_statements("acme-cur", ACCOUNT));

        let other = r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999:root"},"Action":"s3:*","Resource":["arn:aws:s3:::acme-cur","arn:aws:s3:::acme-cur/*"]}]}"#;
        let (f, add) = judge_policy(Some(other), "acme-cur", ACCOUNT, "");
        assert_eq!(f.status, CheckStatus::Fail);
        assert!(f.message.en().contains("s3:PutObject"), "{}", f.message);
        assert!(add.is_some());
    }

    #[test]
    fn conditions_must_name_this_account() {
        let wrong_account = documented().replace(ACCOUNT, "999999999999");
        let (f, _) = judge_policy(Some(&wrong_account), "acme-cur", ACCOUNT, "");
        assert_eq!(f.status, CheckStatus::Fail, "{f:?}");
        // ArnLike with a wildcard region is as good; an unknown key is undecided.
        let like = r#"{"Statement":[{"Effect":"Allow","Principal":{"Service":"billingreports.amazonaws.com"},"Action":["s3:GetBucketAcl","s3:GetBucketPolicy","s3:PutObject"],"Resource":["arn:aws:s3:::acme-cur","arn:aws:s3:::acme-cur/*"],"Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:cur:*:111122223333:definition/*"}}}]}"#;
        assert_eq!(
            judge_policy(Some(like), "acme-cur", ACCOUNT, "").0.status,
            CheckStatus::Pass
        );
        let odd = like.replace("aws:SourceArn", "aws:PrincipalOrgID");
        assert_eq!(
            judge_policy(Some(&odd), "acme-cur", ACCOUNT, "").0.status,
            CheckStatus::Warn
        );
        // Writing only under another prefix does not cover reports under this one.
        let narrow =
            documented().replace("arn:aws:s3:::acme-cur/*", "arn:aws:s3:::acme-cur/other/*");
        assert_eq!(
            judge_policy(Some(&narrow), "acme-cur", ACCOUNT, "cur")
                .0
                .status,
            CheckStatus::Fail
        );
        // An explicit Deny of the service wins.
        let deny = r#"{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::acme-cur/*"}]}"#;
        let (f, _) = judge_policy(Some(deny), "acme-cur", ACCOUNT, "");
        assert!(f.message.en().contains("denies"), "{f:?}");
    }

    #[test]
    fn a_policy_larger_than_aws_allows_is_not_parsed() {
        let big = format!(
            r#"{{"Statement":[],"Pad":"{}"}}"#,
            "x".repeat(crate::limits::BUCKET_POLICY_BYTES)
        );
        assert!(matches!(
            policy_verdict(Some(&big), "acme-cur", ACCOUNT, ""),
            PolicyVerdict::Unreadable(_)
        ));
        assert_eq!(
            judge_policy(Some(&big), "acme-cur", ACCOUNT, "").0.status,
            CheckStatus::Fail
        );
    }

    #[test]
    fn the_aws_managed_kms_key_cannot_be_shared() {
        assert_eq!(judge_encryption("b", None, None).status, CheckStatus::Pass);
        assert_eq!(
            judge_encryption("b", Some(&ServerSideEncryption::Aes256), None).status,
            CheckStatus::Pass
        );
        assert_eq!(
            judge_encryption("b", Some(&ServerSideEncryption::AwsKms), None).status,
            CheckStatus::Fail
        );
        assert_eq!(
            judge_encryption(
                "b",
                Some(&ServerSideEncryption::AwsKms),
                Some("arn:aws:kms:us-east-1:1:alias/aws/s3")
            )
            .status,
            CheckStatus::Fail
        );
        assert_eq!(
            judge_encryption(
                "b",
                Some(&ServerSideEncryption::AwsKms),
                Some("arn:aws:kms:us-east-1:1:key/abc")
            )
            .status,
            CheckStatus::Warn
        );
    }
}
