//! The optional insights of the last step: Trusted Advisor, Cost Optimization Hub
//! and Security Hub — whether each is on, what turning it on means, and where.

use crate::text;
use crate::text::Text;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use serde::{Deserialize, Serialize};

use super::errors::{is_denied, sdk_error};
use super::{Aws, AwsErrorKind, HOME_REGION};
use crate::error::CoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum InsightKind {
    TrustedAdvisor,
    CostOptimizationHub,
    SecurityHub,
}

impl InsightKind {
    /// The stable name stored on a cloud account (as serialized).
    pub fn as_str(self) -> &'static str {
        match self {
            InsightKind::TrustedAdvisor => "trusted_advisor",
            InsightKind::CostOptimizationHub => "cost_optimization_hub",
            InsightKind::SecurityHub => "security_hub",
        }
    }

    /// The kind of its stable name.
    pub fn parse(name: &str) -> Result<Self, CoreError> {
        [
            InsightKind::TrustedAdvisor,
            InsightKind::CostOptimizationHub,
            InsightKind::SecurityHub,
        ]
        .into_iter()
        .find(|k| k.as_str() == name)
        .ok_or_else(|| {
            CoreError::invalid(
                text!("insight-err-unknown", name = name),
                text!("insight-fix-unknown"),
            )
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum InsightState {
    Enabled,
    NotEnabled,
    /// Trusted Advisor's full checks need a Business or Enterprise support plan.
    NeedsSupportPlan,
    /// The user may not ask (the status is unknown).
    AccessDenied,
    /// The service did not answer in a way we understand.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Insight {
    pub kind: InsightKind,
    pub name: String,
    pub state: InsightState,
    /// What was found.
    pub detail: Text,
    /// What enabling it means (cost, plan, who must act).
    pub enabling: Text,
    /// Where to turn it on (an https AWS console link).
    pub console_url: String,
    /// The region asked.
    pub region: String,
}

fn insight(kind: InsightKind, region: &str, state: InsightState, detail: Text) -> Insight {
    let (name, enabling, console_url) = match kind {
        InsightKind::TrustedAdvisor => (
            "AWS Trusted Advisor",
            text!("insight-ta-enabling"),
            format!(
                "https://{HOME_REGION}.console.aws.amazon.com/trustedadvisor/home?region={HOME_REGION}#/dashboard"
            ),
        ),
        InsightKind::CostOptimizationHub => (
            "Cost Optimization Hub",
            text!("insight-coh-enabling"),
            format!(
                "https://{HOME_REGION}.console.aws.amazon.com/costmanagement/home?region={HOME_REGION}#/cost-optimization-hub"
            ),
        ),
        InsightKind::SecurityHub => (
            "AWS Security Hub",
            text!("insight-sh-enabling"),
            format!("https://{region}.console.aws.amazon.com/securityhub/home?region={region}"),
        ),
    };
    Insight {
        kind,
        name: name.to_owned(),
        state,
        detail,
        enabling,
        console_url,
        region: region.to_owned(),
    }
}

/// An insight whose call did not answer: denied (its status unknown), or failed —
/// a failure that stops everything (no credentials, no network) is an error.
fn not_answered<E>(
    aws: &Aws,
    kind: InsightKind,
    region: &str,
    action: &str,
    e: &aws_sdk_sts::error::SdkError<E, HttpResponse>,
) -> Result<Insight, CoreError>
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    if is_denied(e) {
        return Ok(insight(
            kind,
            region,
            InsightState::AccessDenied,
            text!("insight-denied", action = action),
        ));
    }
    let err = sdk_error(aws, action, e);
    let why = err.text();
    fatal(err)?;
    Ok(insight(kind, region, InsightState::Unknown, why))
}

/// Failures that stop everything (no credentials, no network) are errors; the
/// rest is a status of the one insight.
fn fatal(err: CoreError) -> Result<(), CoreError> {
    match err {
        CoreError::Aws {
            kind: AwsErrorKind::Credentials | AwsErrorKind::Unreachable,
            ..
        } => Err(err),
        _ => Ok(()),
    }
}

pub async fn trusted_advisor(
    aws: &Aws,
    client: &aws_sdk_support::Client,
) -> Result<Insight, CoreError> {
    let kind = InsightKind::TrustedAdvisor;
    Ok(
        match client
            .describe_trusted_advisor_checks()
            .language("en")
            .send()
            .await
        {
            Ok(out) => insight(
                kind,
                HOME_REGION,
                InsightState::Enabled,
                text!("insight-ta-enabled", count = out.checks().len()),
            ),
            Err(e) if e.code() == Some("SubscriptionRequiredException") => insight(
                kind,
                HOME_REGION,
                InsightState::NeedsSupportPlan,
                text!("insight-ta-needs-plan"),
            ),
            Err(e) => not_answered(
                aws,
                kind,
                HOME_REGION,
                "support:DescribeTrustedAdvisorChecks",
                &e,
            )?,
        },
    )
}

pub async fn cost_optimization_hub(
    aws: &Aws,
    client: &aws_sdk_costoptimizationhub::Client,
) -> Result<Insight, CoreError> {
    let kind = InsightKind::CostOptimizationHub;
    let answer = client
        .list_enrollment_statuses()
        .customize()
        .config_override(
            aws_sdk_costoptimizationhub::config::Builder::default()
                .retry_config(aws_config::retry::RetryConfig::standard().with_max_attempts(2)),
        )
        .send()
        .await;
    Ok(match answer {
        Ok(out) => {
            let active = out
                .items()
                .iter()
                .any(|i| i.status().is_some_and(|s| s.as_str() == "Active"));
            if active {
                insight(
                    kind,
                    HOME_REGION,
                    InsightState::Enabled,
                    text!("insight-coh-enabled"),
                )
            } else {
                insight(
                    kind,
                    HOME_REGION,
                    InsightState::NotEnabled,
                    text!("insight-coh-not-enabled"),
                )
            }
        }
        Err(e) => not_answered(
            aws,
            kind,
            HOME_REGION,
            "cost-optimization-hub:ListEnrollmentStatuses",
            &e,
        )?,
    })
}

pub async fn security_hub(
    aws: &Aws,
    client: &aws_sdk_securityhub::Client,
    region: &str,
) -> Result<Insight, CoreError> {
    let kind = InsightKind::SecurityHub;
    Ok(match client.describe_hub().send().await {
        Ok(out) => insight(
            kind,
            region,
            InsightState::Enabled,
            text!(
                "insight-sh-enabled",
                region = region,
                since = out.subscribed_at().unwrap_or("none")
            ),
        ),
        Err(e) if e.code() == Some("InvalidAccessException") => insight(
            kind,
            region,
            InsightState::NotEnabled,
            text!("insight-sh-not-enabled", region = region),
        ),
        Err(e) => not_answered(aws, kind, region, "securityhub:DescribeHub", &e)?,
    })
}

/// All three, in the order the wizard shows them.
pub async fn status(aws: &Aws) -> Result<Vec<Insight>, CoreError> {
    let (support, coh, hub) = (
        aws.support(),
        aws.cost_optimization_hub(),
        aws.security_hub(),
    );
    let (ta, coh, sh) = tokio::join!(
        trusted_advisor(aws, &support),
        cost_optimization_hub(aws, &coh),
        security_hub(aws, &hub, aws.region()),
    );
    Ok(vec![ta?, coh?, sh?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn console_links_are_openable() {
        for kind in [
            InsightKind::TrustedAdvisor,
            InsightKind::CostOptimizationHub,
            InsightKind::SecurityHub,
        ] {
            let i = insight(kind, "eu-west-1", InsightState::Unknown, Text::raw(""));
            assert!(
                crate::cloudformation::is_console_url(&i.console_url),
                "{}",
                i.console_url
            );
        }
    }
}
