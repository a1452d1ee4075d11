//! "Create the CUR for me": the bucket in us-east-1 when absent, the delivery
//! statements for `billingreports.amazonaws.com` merged into its policy (never
//! replacing a statement), and a legacy CUR with exactly Part 3's settings
//! (`cur:PutReportDefinition`). A plan first — what will be created or changed,
//! in words and as JSON — and the changes only for a plan the user confirmed and
//! that still holds; nothing existing is deleted or overwritten.

use crate::text;
use crate::text::Text;
use aws_sdk_costandusagereport::types as cur_types;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use serde::{Deserialize, Serialize};

use super::bucket::{self, Location};
use super::change::{Applied, StepFailure};
use super::cur_definitions::{self, CurFormat, ReportDefinition};
use super::delivery::{self, BucketPolicy, PolicyVerdict, delivery_statements};
use super::errors::sdk_error;
use super::identity::{self, OrgRole};
use super::{Aws, AwsErrorKind, HOME_REGION};
use crate::error::CoreError;

/// The name and prefix offered when the user has none in mind.
pub const DEFAULT_NAME: &str = "channelops-cur";
pub const DEFAULT_PREFIX: &str = "cur";

/// What the user asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CurRequest {
    pub bucket: String,
    pub name: String,
    pub prefix: String,
    pub format: CurFormat,
}

impl CurRequest {
    /// Trims, applies the defaults, and checks AWS's rules for each field.
    pub fn checked(self) -> Result<CurRequest, CoreError> {
        let bucket = self.bucket.trim().to_owned();
        bucket::check_name(&bucket)?;
        let name = Some(self.name.trim())
            .filter(|n| !n.is_empty())
            .unwrap_or(DEFAULT_NAME)
            .to_owned();
        let allowed = |c: char, slash: bool| {
            c.is_ascii_alphanumeric() || "!-_.*'()".contains(c) || (slash && c == '/')
        };
        if name.len() > 256 || !name.chars().all(|c| allowed(c, false)) {
            return Err(CoreError::invalid(
                text!("cur-err-bad-name", name = &name),
                text!("cur-fix-bad-name"),
            ));
        }
        let prefix = self.prefix.trim().trim_matches('/').to_owned();
        if prefix.len() > 256 || !prefix.chars().all(|c| allowed(c, true)) {
            return Err(CoreError::invalid(
                text!("cur-err-bad-prefix", prefix = &prefix),
                text!("cur-fix-bad-prefix"),
            ));
        }
        Ok(CurRequest {
            bucket,
            name,
            prefix,
            format: self.format,
        })
    }
}

/// What "create the CUR for me" would do, shown before anything is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CurPlan {
    pub request: CurRequest,
    /// The credentials' AWS account (the CUR and bucket belong to it).
    pub account: String,
    /// The bucket is created (it does not exist yet).
    pub create_bucket: bool,
    /// The bucket policy before (absent: none), when it will change.
    pub policy_before: Option<String>,
    /// The whole bucket policy after the change, when it changes (every statement
    /// already there kept, the delivery statements added).
    pub policy_after: Option<String>,
    /// The legacy CUR definition that will be created.
    pub definition: ReportDefinition,
    /// The plan in words, step by step.
    pub steps: Vec<Text>,
    /// Why it cannot be done (each with what to do); empty when it can.
    pub refusals: Vec<Text>,
    /// What could not be checked beforehand (AWS will decide).
    pub warnings: Vec<Text>,
    pub ready: bool,
}

/// What was done, and what AWS says afterwards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CurCreated {
    pub plan: CurPlan,
    pub applied: Applied,
    /// AWS's word right after (definitions, the bucket's delivery check), when
    /// every change was made.
    pub overview: Option<super::cur_overview::CurOverview>,
}

/// Adds the delivery statements to `before` (a policy document, or none), keeping
/// every statement there; a Sid already taken gets a suffix. Returns the policy
/// after and how many statements were kept.
pub fn merged_policy(
    before: Option<&str>,
    bucket: &str,
    account: &str,
) -> Result<(String, usize), Text> {
    let mut doc: serde_json::Value = match before {
        Some(text) => serde_json::from_str(&super::policy::decode_document(text))
            .map_err(|e| text!("policy-err-json", detail = e.to_string()))?,
        None => serde_json::json!({ "Version": "2012-10-17" }),
    };
    let Some(obj) = doc.as_object_mut() else {
        return Err(text!("policy-err-not-object"));
    };
    let mut statements = match obj.remove("Statement") {
        None => Vec::new(),
        Some(serde_json::Value::Array(list)) => list,
        Some(one @ serde_json::Value::Object(_)) => vec![one],
        Some(_) => {
            return Err(text!("policy-err-statement-shape"));
        }
    };
    let kept = statements.len();
    let taken: Vec<String> = statements
        .iter()
        .filter_map(|s| s.get("Sid").and_then(|v| v.as_str()).map(str::to_owned))
        .collect();
    if let serde_json::Value::Array(add) = delivery_statements(bucket, account) {
        for mut s in add {
            if let Some(sid) = s.get("Sid").and_then(|v| v.as_str()).map(str::to_owned) {
                let mut unique = sid.clone();
                let mut n = 2;
                while taken.contains(&unique) {
                    unique = format!("{sid}{n}");
                    n += 1;
                }
                s["Sid"] = serde_json::Value::String(unique);
            }
            statements.push(s);
        }
    }
    obj.insert("Statement".into(), serde_json::Value::Array(statements));
    let after = serde_json::to_string_pretty(&doc)
        .map_err(|e| text!("error-internal", detail = e.to_string()))?;
    Ok((after, kept))
}

/// The plan: what exists, what will be created or changed, and what stands in the way.
pub async fn plan(aws: &Aws, request: CurRequest) -> Result<CurPlan, CoreError> {
    let request = request.checked()?;
    let account = identity::identify_with(aws, &aws.sts(), None)
        .await?
        .account;
    let s3 = aws.s3(HOME_REGION);
    let (bucket, name, prefix) = (&request.bucket, &request.name, &request.prefix);
    let definition = ReportDefinition::required(name, bucket, prefix, request.format);
    let (mut steps, mut refusals, mut warnings) = (Vec::new(), Vec::new(), Vec::new());

    match org_says(&identity::organization(aws, &account).await?) {
        Some(Ok(warning)) => warnings.push(warning),
        Some(Err(refusal)) => refusals.push(refusal),
        None => {}
    }
    match cur_definitions::describe(aws).await? {
        Ok(list) if list.iter().any(|d| &d.name == name) => {
            refusals.push(text!("plan-cur-name-taken", name = name))
        }
        Ok(_) => {}
        Err(u) => warnings.push(text!("plan-cur-names-unread", why = u.problem)),
    }

    let mut create_bucket = false;
    let (mut policy_before, mut policy_after) = (None, None);
    match bucket::location(aws, bucket).await? {
        Location::Missing => {
            create_bucket = true;
            steps.push(text!("plan-create-bucket", bucket = bucket));
            let (after, _) = merged_policy(None, bucket, &account).map_err(|e| {
                CoreError::invalid(text!("error-internal", detail = e), text!("remedy-report"))
            })?;
            steps.push(text!(
                "plan-new-policy",
                bucket = bucket,
                service = delivery::SERVICE
            ));
            policy_after = Some(after);
        }
        Location::Region(r) if r != HOME_REGION => {
            refusals.push(text!("plan-bucket-region", bucket = bucket, region = r))
        }
        Location::Denied => refusals.push(text!("plan-bucket-location-denied", bucket = bucket)),
        Location::Region(_) => match delivery::bucket_policy(aws, &s3, bucket, &account).await? {
            BucketPolicy::Foreign(_) => refusals.push(text!(
                "plan-bucket-foreign",
                bucket = bucket,
                account = &account
            )),
            BucketPolicy::Missing => refusals.push(text!("plan-bucket-gone", bucket = bucket)),
            BucketPolicy::Denied => {
                refusals.push(text!("plan-policy-read-denied", bucket = bucket))
            }
            BucketPolicy::Own(before) => {
                match delivery::policy_verdict(before.as_deref(), bucket, &account, prefix) {
                    PolicyVerdict::Allows => steps.push(text!(
                        "plan-keep-policy",
                        bucket = bucket,
                        service = delivery::SERVICE
                    )),
                    PolicyVerdict::Denies(actions) => refusals.push(text!(
                        "plan-policy-denies",
                        bucket = bucket,
                        service = delivery::SERVICE,
                        actions = actions.join(", ")
                    )),
                    _ => match merged_policy(before.as_deref(), bucket, &account) {
                        Ok((after, kept)) => {
                            steps.push(text!(
                                "plan-merge-policy",
                                bucket = bucket,
                                service = delivery::SERVICE,
                                kept = kept
                            ));
                            policy_before = before;
                            policy_after = Some(after);
                        }
                        Err(e) => refusals.push(text!(
                            "plan-policy-unmergeable",
                            bucket = bucket,
                            why = e
                        )),
                    },
                }
            }
        },
    }
    steps.push(text!(
        "plan-create-cur",
        name = name,
        format = match request.format {
            CurFormat::Parquet => "parquet",
            CurFormat::Csv => "gzip-csv",
        },
        url = format!("s3://{bucket}/{}", definition.location())
    ));
    steps.push(text!("plan-then-check"));
    Ok(CurPlan {
        ready: refusals.is_empty(),
        request,
        account,
        create_bucket,
        policy_before,
        policy_after,
        definition,
        steps,
        refusals,
        warnings,
    })
}

/// What Organizations says about creating a CUR here: a refusal for a member
/// account (its CUR would cover only its own costs), a warning when unknown.
pub fn org_says(org: &identity::Organization) -> Option<Result<Text, Text>> {
    match org.role {
        OrgRole::Member => Some(Err(text!(
            "plan-member-account",
            management = org.management_account_id.as_deref().unwrap_or("unknown")
        ))),
        OrgRole::Unknown => Some(Ok(org.detail.clone())),
        OrgRole::Management | OrgRole::Standalone => None,
    }
}

/// Carries out a plan the user confirmed — only if AWS still looks as it did when
/// it was made (else: review the new plan). Stops at the first refusal; what was
/// made before it is listed, never undone.
pub async fn apply(aws: &Aws, confirmed: &CurPlan) -> Result<CurCreated, CoreError> {
    let now = plan(aws, confirmed.request.clone()).await?;
    if !now.ready {
        return Err(CoreError::invalid(
            text!("cur-err-refused", why = text::sentences(&now.refusals)),
            text!("plan-fix-review"),
        ));
    }
    if now.create_bucket != confirmed.create_bucket
        || now.policy_after != confirmed.policy_after
        || now.account != confirmed.account
    {
        return Err(CoreError::invalid(
            text!("cur-err-plan-changed"),
            text!("cur-fix-plan-changed"),
        ));
    }
    let mut applied = Applied::default();
    let overview = match make(aws, &now, &mut applied).await {
        Ok(()) => Some(
            super::cur_overview::overview(aws, Some(&now.request.bucket), &now.request.prefix)
                .await?,
        ),
        Err(failure) => {
            applied.failure = Some(failure);
            None
        }
    };
    Ok(CurCreated {
        plan: now,
        applied,
        overview,
    })
}

/// The plan's changes in order, each recorded in `applied`; the first refusal stops them.
async fn make(aws: &Aws, plan: &CurPlan, applied: &mut Applied) -> Result<(), StepFailure> {
    use aws_sdk_s3::operation::RequestId;
    let req = &plan.request;
    let s3 = aws.s3(HOME_REGION);
    let bucket_arn = format!("arn:aws:s3:::{}", req.bucket);
    if plan.create_bucket {
        let out = s3
            .create_bucket()
            .bucket(&req.bucket)
            .send()
            .await
            .map_err(|e| StepFailure::from_error("s3:CreateBucket", &bucket_error(aws, &e)))?;
        applied.done("s3:CreateBucket", &bucket_arn, out.request_id());
    }
    if let Some(policy) = &plan.policy_after {
        let out = s3
            .put_bucket_policy()
            .bucket(&req.bucket)
            .expected_bucket_owner(&plan.account)
            .policy(policy)
            .send()
            .await
            .map_err(|e| {
                StepFailure::from_error(
                    "s3:PutBucketPolicy",
                    &sdk_error(aws, "s3:PutBucketPolicy", &e),
                )
            })?;
        applied.done("s3:PutBucketPolicy", &bucket_arn, out.request_id());
    }
    let id = put_definition(aws, &aws.cur(), &plan.definition)
        .await
        .map_err(|e| StepFailure::from_error("cur:PutReportDefinition", &e))?;
    applied.done(
        "cur:PutReportDefinition",
        format!(
            "arn:aws:cur:{HOME_REGION}:{}:definition/{}",
            plan.account, req.name
        ),
        id.as_deref(),
    );
    Ok(())
}

fn bucket_error<E>(
    aws: &Aws,
    e: &aws_sdk_sts::error::SdkError<E, aws_smithy_runtime_api::client::orchestrator::HttpResponse>,
) -> CoreError
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    match e.code() {
        Some("BucketAlreadyExists") => {
            CoreError::invalid(text!("cur-err-bucket-taken"), text!("cur-fix-bucket-taken"))
        }
        _ => sdk_error(aws, "s3:CreateBucket", e),
    }
}

/// `cur:PutReportDefinition` with `definition`; AWS's request ID on success.
pub async fn put_definition(
    aws: &Aws,
    client: &aws_sdk_costandusagereport::Client,
    d: &ReportDefinition,
) -> Result<Option<String>, CoreError> {
    use aws_sdk_costandusagereport::operation::RequestId;
    let built = cur_types::ReportDefinition::builder()
        .report_name(&d.name)
        .time_unit(cur_types::TimeUnit::from(d.time_unit.as_str()))
        .format(cur_types::ReportFormat::from(d.format.as_str()))
        .compression(cur_types::CompressionFormat::from(d.compression.as_str()))
        .set_additional_schema_elements(Some(
            d.schema_elements
                .iter()
                .map(|e| cur_types::SchemaElement::from(e.as_str()))
                .collect(),
        ))
        .s3_bucket(&d.bucket)
        .s3_prefix(&d.prefix)
        .s3_region(cur_types::AwsRegion::from(d.region.as_str()))
        .set_additional_artifacts(Some(Vec::new()))
        .refresh_closed_reports(true)
        .set_report_versioning(
            d.versioning
                .as_deref()
                .map(cur_types::ReportVersioning::from),
        )
        .build()
        .map_err(|e| {
            CoreError::invalid(
                text!("cur-err-incomplete", detail = e.to_string()),
                text!("remedy-report"),
            )
        })?;
    match client
        .put_report_definition()
        .report_definition(built)
        .send()
        .await
    {
        Ok(out) => Ok(out.request_id().map(str::to_owned)),
        Err(e) => Err(match e.code() {
            Some("DuplicateReportNameException") => CoreError::invalid(
                text!("cur-err-exists", name = &d.name),
                text!("cur-fix-exists"),
            ),
            Some("ReportLimitReachedException") => {
                CoreError::invalid(text!("cur-err-limit"), text!("cur-fix-limit"))
            }
            Some("ValidationException") => CoreError::aws(
                AwsErrorKind::Service,
                text!(
                    "cur-err-refused-by-aws",
                    detail = e.message().unwrap_or("ValidationException")
                ),
                text!("cur-fix-refused-by-aws"),
            ),
            _ => sdk_error(aws, "cur:PutReportDefinition", &e),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cur::CheckStatus;

    #[test]
    fn requests_get_defaults_and_follow_aws_rules() {
        let r = CurRequest {
            bucket: " acme-cur ".into(),
            name: " ".into(),
            prefix: "/cur/".into(),
            format: CurFormat::Parquet,
        }
        .checked()
        .unwrap();
        assert_eq!(
            (r.bucket.as_str(), r.name.as_str(), r.prefix.as_str()),
            ("acme-cur", DEFAULT_NAME, "cur")
        );
        for (name, prefix) in [("a b", "cur"), ("ok", "c u r"), ("ok", "ünï")] {
            let bad = CurRequest {
                bucket: "acme-cur".into(),
                name: name.into(),
                prefix: prefix.into(),
                format: CurFormat::Csv,
            };
            assert!(bad.checked().is_err(), "{name:?} {prefix:?}");
        }
    }

    #[test]
    fn a_member_account_is_refused_and_an_unknown_one_warned() {
        let org = |role| identity::Organization {
            role,
            management_account_id: Some("999988887777".into()),
            detail: crate::text!("org-member", management = "999988887777"),
        };
        assert!(
            matches!(org_says(&org(OrgRole::Member)), Some(Err(r)) if r.en().contains("Only the management account"))
        );
        assert!(matches!(org_says(&org(OrgRole::Unknown)), Some(Ok(_))));
        assert_eq!(org_says(&org(OrgRole::Management)), None);
        assert_eq!(org_says(&org(OrgRole::Standalone)), None);
    }

    #[test]
    fn merging_keeps_every_statement_and_avoids_taken_sids() {
        let before = r#"{"Version":"2012-10-17","Statement":{"Sid":"ChannelOpsCurDeliveryRead","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-cur/*"}}"#;
        let after: serde_json::Value = serde_json::from_str(
            &merged_policy(Some(before), "acme-cur", "111122223333")
                .unwrap()
                .0,
        )
        .unwrap();
        let list = after["Statement"].as_array().unwrap();
        assert_eq!(list.len(), 3);
        assert_eq!(
            list[0]["Principal"]["AWS"],
            "arn:aws:iam::999988887777:root"
        );
        assert_eq!(list[1]["Sid"], "ChannelOpsCurDeliveryRead2");
        // The merged policy allows delivery.
        let text = after.to_string();
        let (f, _) = delivery::judge_policy(Some(&text), "acme-cur", "111122223333", "cur");
        assert_eq!(f.status, CheckStatus::Pass);
        assert!(merged_policy(Some("[1]"), "acme-cur", "1").is_err());
        assert!(merged_policy(Some(r#"{"Statement":"x"}"#), "acme-cur", "1").is_err());
    }
}
