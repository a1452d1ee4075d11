//! AWS's own word on the account's legacy CURs: `cur:DescribeReportDefinitions`
//! (us-east-1 only), each definition judged from its settings with the same check
//! ids as the files, and AWS's delivery status with a remedy — so a wrong setting
//! is caught before the first file is delivered.

use crate::text;
use serde::{Deserialize, Serialize};

use super::errors::{Unanswered, unanswered};
use super::{Aws, HOME_REGION};
use crate::cur::{Check, CheckId, CheckStatus, Evidence};
use crate::error::CoreError;

/// Pages of definitions read at most (AWS allows 5 legacy CURs per account by
/// default; 5 per page): a bound on a hostile or looping answer.
const MAX_PAGES: usize = 40;

/// One legacy CUR definition, as AWS describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportDefinition {
    pub name: String,
    /// HOURLY, DAILY or MONTHLY.
    pub time_unit: String,
    /// textORcsv or Parquet.
    pub format: String,
    /// ZIP, GZIP or Parquet.
    pub compression: String,
    /// RESOURCES, SPLIT_COST_ALLOCATION_DATA, MANUAL_DISCOUNT_COMPATIBILITY.
    pub schema_elements: Vec<String>,
    pub bucket: String,
    pub prefix: String,
    pub region: String,
    /// REDSHIFT, QUICKSIGHT, ATHENA.
    pub artifacts: Vec<String>,
    /// CREATE_NEW_REPORT or OVERWRITE_REPORT.
    pub versioning: Option<String>,
    /// A billing view other than the account's primary one: a pro-forma CUR.
    pub billing_view_arn: Option<String>,
    /// When AWS last delivered it (AWS's own timestamp text), if ever.
    pub last_delivery: Option<String>,
    /// SUCCESS, ERROR_PERMISSIONS or ERROR_NO_BUCKET, if AWS has tried.
    pub last_status: Option<String>,
}

/// The two formats Part 3 accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CurFormat {
    Parquet,
    /// gzip-compressed CSV.
    Csv,
}

impl ReportDefinition {
    /// A definition with exactly the settings Part 3 needs: hourly, resource IDs,
    /// split cost allocation data, Parquet (or gzip CSV), delivered to `bucket` in
    /// us-east-1 under `prefix`, overwriting each month's report.
    pub fn required(name: &str, bucket: &str, prefix: &str, format: CurFormat) -> ReportDefinition {
        let (format, compression) = match format {
            CurFormat::Parquet => ("Parquet", "Parquet"),
            CurFormat::Csv => ("textORcsv", "GZIP"),
        };
        ReportDefinition {
            name: name.to_owned(),
            time_unit: "HOURLY".to_owned(),
            format: format.to_owned(),
            compression: compression.to_owned(),
            schema_elements: vec![
                "RESOURCES".to_owned(),
                "SPLIT_COST_ALLOCATION_DATA".to_owned(),
            ],
            bucket: bucket.to_owned(),
            prefix: prefix.trim_matches('/').to_owned(),
            region: HOME_REGION.to_owned(),
            artifacts: Vec::new(),
            versioning: Some("OVERWRITE_REPORT".to_owned()),
            billing_view_arn: None,
            last_delivery: None,
            last_status: None,
        }
    }

    /// Where its files go: `PREFIX/NAME`, the location the file checks report.
    pub fn location(&self) -> String {
        let prefix = self.prefix.trim_matches('/');
        if prefix.is_empty() {
            self.name.clone()
        } else {
            format!("{prefix}/{}", self.name)
        }
    }
}

/// Where AWS's delivery of a definition stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// Never delivered yet: AWS delivers the first files within 24 hours.
    Waiting,
    /// The last delivery succeeded.
    Delivered,
    /// AWS may not write to the bucket (its policy).
    ErrorPermissions,
    /// The bucket does not exist any more.
    ErrorNoBucket,
    /// A status this app does not know.
    Unknown,
}

/// A definition with its checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DefinitionVerdict {
    pub definition: ReportDefinition,
    /// No check of its settings failed (delivery aside).
    pub right: bool,
    /// It delivers to the bucket (and under the prefix) entered.
    pub for_this_bucket: bool,
    pub delivery: Delivery,
    pub checks: Vec<Check>,
}

/// The account's legacy CUR definitions, or why AWS did not say.
pub async fn describe(aws: &Aws) -> Result<Result<Vec<ReportDefinition>, Unanswered>, CoreError> {
    describe_with(aws, &aws.cur()).await
}

/// [`describe`] over a given client (tests put a mocked one in).
pub async fn describe_with(
    aws: &Aws,
    client: &aws_sdk_costandusagereport::Client,
) -> Result<Result<Vec<ReportDefinition>, Unanswered>, CoreError> {
    const ACTION: &str = "cur:DescribeReportDefinitions";
    let mut out = Vec::new();
    let mut token: Option<String> = None;
    for _ in 0..MAX_PAGES {
        let page = match client
            .describe_report_definitions()
            .set_next_token(token.take())
            .send()
            .await
        {
            Ok(p) => p,
            Err(e) => return unanswered(aws, ACTION, &e).map(Err),
        };
        out.extend(page.report_definitions().iter().map(convert));
        match page.next_token() {
            Some(t) if !t.is_empty() => token = Some(t.to_owned()),
            _ => return Ok(Ok(out)),
        }
    }
    Err(CoreError::aws(
        super::AwsErrorKind::Service,
        text!("aws-err-endless-pages", action = ACTION, max = MAX_PAGES),
        text!("remedy-later-or-report"),
    ))
}

fn convert(d: &aws_sdk_costandusagereport::types::ReportDefinition) -> ReportDefinition {
    let status = d.report_status();
    ReportDefinition {
        name: d.report_name().to_owned(),
        time_unit: d.time_unit().as_str().to_owned(),
        format: d.format().as_str().to_owned(),
        compression: d.compression().as_str().to_owned(),
        schema_elements: d
            .additional_schema_elements()
            .iter()
            .map(|e| e.as_str().to_owned())
            .collect(),
        bucket: d.s3_bucket().to_owned(),
        prefix: d.s3_prefix().to_owned(),
        region: d.s3_region().as_str().to_owned(),
        artifacts: d
            .additional_artifacts()
            .iter()
            .map(|a| a.as_str().to_owned())
            .collect(),
        versioning: d.report_versioning().map(|v| v.as_str().to_owned()),
        billing_view_arn: d.billing_view_arn().map(str::to_owned),
        last_delivery: status
            .and_then(|s| s.last_delivery())
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
        last_status: status
            .and_then(|s| s.last_status())
            .map(|s| s.as_str().to_owned()),
    }
}

/// Judges a definition against what Part 3 needs, for the bucket (and prefix) entered.
pub fn judge(d: &ReportDefinition, bucket: Option<&str>, prefix: &str) -> DefinitionVerdict {
    let evidence = |value: &str| Evidence::key(d.name.clone()).with_value(value.to_owned());
    let has = |e: &str| d.schema_elements.iter().any(|x| x == e);
    let mut checks = vec![Check::pass(CheckId::LegacyCur, text!("def-legacy-pass"))];
    checks.push(match (d.format.as_str(), d.compression.as_str()) {
        ("Parquet", _) => Check::pass(CheckId::Format, text!("def-format-parquet")),
        ("textORcsv", "GZIP") => Check::pass(CheckId::Format, text!("def-format-gzip")),
        (format, compression) => Check::fail(
            CheckId::Format,
            text!(
                "def-format-fail",
                format = format,
                compression = compression
            ),
            text!("def-format-remedy", name = &d.name),
            evidence(&format!("Format {format}, Compression {compression}")),
        ),
    });
    checks.push(if has("RESOURCES") {
        Check::pass(CheckId::ResourceIds, text!("def-resource-ids-pass"))
    } else {
        Check::fail(
            CheckId::ResourceIds,
            text!("def-resource-ids-fail"),
            text!("def-resource-ids-remedy", name = &d.name),
            evidence(&d.schema_elements.join(", ")),
        )
    });
    checks.push(if has("SPLIT_COST_ALLOCATION_DATA") {
        Check::pass(CheckId::SplitCostAllocation, text!("def-split-pass"))
    } else {
        Check::fail(
            CheckId::SplitCostAllocation,
            text!("def-split-fail"),
            text!("def-split-remedy", name = &d.name),
            evidence(&d.schema_elements.join(", ")),
        )
    });
    checks.push(if d.time_unit == "HOURLY" {
        Check::pass(CheckId::Hourly, text!("def-hourly-pass"))
    } else {
        Check::fail(
            CheckId::Hourly,
            text!("def-hourly-fail", unit = d.time_unit.to_ascii_lowercase()),
            text!("def-hourly-remedy", name = &d.name),
            evidence(&format!("TimeUnit {}", d.time_unit)),
        )
    });
    checks.push(match &d.billing_view_arn {
        Some(arn) if !arn.ends_with(":billingview/primary") => Check::fail(
            CheckId::PayerAccount,
            text!("def-billing-view-fail"),
            text!("def-billing-view-remedy"),
            evidence(arn),
        ),
        _ => Check::pass(CheckId::PayerAccount, text!("def-billing-view-pass")),
    });
    checks.push(if d.region == HOME_REGION {
        Check::pass(CheckId::BucketRegion, text!("def-region-pass"))
    } else {
        Check::fail(
            CheckId::BucketRegion,
            text!("def-region-fail", region = &d.region),
            text!("def-region-remedy"),
            evidence(&format!("S3Region {}", d.region)),
        )
    });
    let for_this_bucket = bucket_check(d, bucket, prefix, &mut checks);
    let right = checks.iter().all(|c| c.status != CheckStatus::Fail);
    let (delivery, check) = delivery_check(d);
    checks.push(check);
    DefinitionVerdict {
        definition: d.clone(),
        right,
        for_this_bucket,
        delivery,
        checks,
    }
}

/// `S3Bucket` equal to the bucket entered, and its files under the prefix entered.
fn bucket_check(
    d: &ReportDefinition,
    bucket: Option<&str>,
    prefix: &str,
    checks: &mut Vec<Check>,
) -> bool {
    let Some(bucket) = bucket else {
        checks.push(Check::skipped(
            CheckId::Bucket,
            text!(
                "def-bucket-where",
                url = format!("s3://{}/{}/", d.bucket, d.location())
            ),
        ));
        return true;
    };
    let prefix = prefix.trim_matches('/');
    let files_at = format!("{}/", d.location());
    let evidence =
        Evidence::key(d.name.clone()).with_value(format!("s3://{}/{}", d.bucket, files_at));
    if d.bucket != bucket {
        checks.push(Check::fail(
            CheckId::Bucket,
            text!("def-bucket-other", theirs = &d.bucket, entered = bucket),
            text!(
                "def-bucket-other-remedy",
                theirs = &d.bucket,
                prefix = d.prefix.trim_matches('/'),
                entered = bucket
            ),
            evidence,
        ));
        return false;
    }
    if !files_at.starts_with(prefix) {
        checks.push(Check::fail(
            CheckId::Bucket,
            text!(
                "def-prefix-other",
                theirs = &files_at,
                entered = format!("{prefix}/")
            ),
            text!(
                "def-prefix-other-remedy",
                prefix = d.prefix.trim_matches('/')
            ),
            evidence,
        ));
        return false;
    }
    checks.push(Check::pass(
        CheckId::Bucket,
        text!("def-bucket-pass", url = format!("s3://{bucket}/{files_at}")),
    ));
    true
}

/// AWS's `ReportStatus`, with what to do.
fn delivery_check(d: &ReportDefinition) -> (Delivery, Check) {
    let evidence = Evidence::key(d.name.clone()).with_value(
        d.last_status
            .clone()
            .unwrap_or_else(|| "no delivery yet".into()),
    );
    // The time of the last delivery, or "none" (the catalog then says nothing of it).
    let when = d.last_delivery.clone().unwrap_or_else(|| "none".to_owned());
    match d.last_status.as_deref() {
        None if d.last_delivery.is_none() => (
            Delivery::Waiting,
            Check::skipped(CheckId::Delivery, text!("def-delivery-waiting")),
        ),
        Some("SUCCESS") | None => (
            Delivery::Delivered,
            Check::pass(CheckId::Delivery, text!("def-delivery-pass", when = when)),
        ),
        Some("ERROR_PERMISSIONS") => (
            Delivery::ErrorPermissions,
            Check::fail(
                CheckId::Delivery,
                text!("def-delivery-permissions", bucket = &d.bucket, when = &when),
                text!("def-delivery-permissions-remedy", bucket = &d.bucket),
                evidence,
            ),
        ),
        Some("ERROR_NO_BUCKET") => (
            Delivery::ErrorNoBucket,
            Check::fail(
                CheckId::Delivery,
                text!("def-delivery-no-bucket", bucket = &d.bucket, when = &when),
                text!("def-delivery-no-bucket-remedy", bucket = &d.bucket),
                evidence,
            ),
        ),
        Some(other) => (
            Delivery::Unknown,
            Check::warn(
                CheckId::Delivery,
                text!("def-delivery-other", status = other, when = &when),
                text!("def-delivery-other-remedy"),
                evidence,
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn right(name: &str, bucket: &str, prefix: &str) -> ReportDefinition {
        ReportDefinition::required(name, bucket, prefix, CurFormat::Parquet)
    }

    fn failed(v: &DefinitionVerdict) -> Vec<CheckId> {
        v.checks
            .iter()
            .filter(|c| c.status == CheckStatus::Fail)
            .map(|c| c.id)
            .collect()
    }

    #[test]
    fn a_right_definition_waits_for_its_first_delivery() {
        let v = judge(&right("acme", "acme-cur", "cur"), Some("acme-cur"), "");
        assert!(v.right && v.for_this_bucket, "{v:?}");
        assert_eq!(v.delivery, Delivery::Waiting);
        assert!(failed(&v).is_empty());
        // The prefix entered covers the files; another one does not.
        assert!(judge(&right("acme", "acme-cur", "cur"), Some("acme-cur"), "cur/").right);
        let elsewhere = judge(
            &right("acme", "acme-cur", "cur"),
            Some("acme-cur"),
            "reports",
        );
        assert_eq!(failed(&elsewhere), vec![CheckId::Bucket]);
        assert!(!elsewhere.for_this_bucket);
    }

    #[test]
    fn each_wrong_setting_fails_its_own_check() {
        type Change = Box<dyn Fn(&mut ReportDefinition)>;
        let cases: Vec<(Change, CheckId)> = vec![
            (Box::new(|d| d.time_unit = "DAILY".into()), CheckId::Hourly),
            (
                Box::new(|d| d.schema_elements = vec!["SPLIT_COST_ALLOCATION_DATA".into()]),
                CheckId::ResourceIds,
            ),
            (
                Box::new(|d| d.schema_elements = vec!["RESOURCES".into()]),
                CheckId::SplitCostAllocation,
            ),
            (
                Box::new(|d| {
                    d.format = "textORcsv".into();
                    d.compression = "ZIP".into();
                }),
                CheckId::Format,
            ),
            (
                Box::new(|d| d.region = "eu-west-1".into()),
                CheckId::BucketRegion,
            ),
            (Box::new(|d| d.bucket = "other".into()), CheckId::Bucket),
            (
                Box::new(|d| {
                    d.billing_view_arn =
                        Some("arn:aws:billing::111122223333:billingview/billing-group-9".into())
                }),
                CheckId::PayerAccount,
            ),
        ];
        for (change, id) in cases {
            let mut d = right("acme", "acme-cur", "");
            change(&mut d);
            let v = judge(&d, Some("acme-cur"), "");
            assert!(!v.right, "{id:?}");
            assert_eq!(failed(&v), vec![id]);
            let c = v.checks.iter().find(|c| c.id == id).unwrap();
            assert!(
                c.remedy.as_ref().is_some_and(|r| !r.en().is_empty()),
                "{id:?}"
            );
        }
        let mut gzip = right("acme", "acme-cur", "");
        gzip.format = "textORcsv".into();
        gzip.compression = "GZIP".into();
        assert!(judge(&gzip, Some("acme-cur"), "").right);
    }

    #[test]
    fn aws_delivery_status_has_a_state_and_a_remedy() {
        let mut d = right("acme", "acme-cur", "");
        d.last_status = Some("ERROR_PERMISSIONS".into());
        d.last_delivery = Some("20261130T101500Z".into());
        let v = judge(&d, Some("acme-cur"), "");
        assert_eq!(v.delivery, Delivery::ErrorPermissions);
        assert!(
            v.right,
            "the settings are right; the delivery is what failed"
        );
        let c = v.checks.iter().find(|c| c.id == CheckId::Delivery).unwrap();
        assert_eq!(c.status, CheckStatus::Fail);
        assert!(
            c.remedy
                .as_ref()
                .unwrap()
                .en()
                .contains("billingreports.amazonaws.com")
        );
        d.last_status = Some("ERROR_NO_BUCKET".into());
        assert_eq!(
            judge(&d, Some("acme-cur"), "").delivery,
            Delivery::ErrorNoBucket
        );
        d.last_status = Some("SUCCESS".into());
        assert_eq!(
            judge(&d, Some("acme-cur"), "").delivery,
            Delivery::Delivered
        );
        d.last_status = Some("SOMETHING_NEW".into());
        assert_eq!(judge(&d, Some("acme-cur"), "").delivery, Delivery::Unknown);
    }

    #[test]
    fn without_a_bucket_every_definition_counts() {
        let v = judge(&right("acme", "anything", "p"), None, "");
        assert!(v.right && v.for_this_bucket);
        assert_eq!(right("acme", "b", "/p/").location(), "p/acme");
        assert_eq!(right("acme", "b", "").location(), "acme");
    }
}
