//! Following the vendor stack the user creates in the console: `DescribeStacks`
//! and `DescribeStackEvents` until CREATE_COMPLETE or a failure (with the failing
//! resource's reason), then `iam:GetRole` on the role the stack outputs.

use std::time::{Duration, Instant};

use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use serde::{Deserialize, Serialize};

use super::Aws;
use super::errors::{is_denied, sdk_error};
use crate::cur::CancelToken;
use crate::error::CoreError;
use crate::text;
use crate::text::Text;

const CANCEL_SLICE: Duration = Duration::from_millis(200);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum StackPhase {
    /// No stack of that name (yet): the user has not pressed "Create stack".
    NotFound,
    InProgress,
    Complete,
    Failed,
}

/// The resource whose failure made the stack fail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FailedResource {
    pub logical_id: String,
    pub resource_type: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StackStatus {
    pub stack_name: String,
    pub phase: StackPhase,
    /// CloudFormation's own status (CREATE_IN_PROGRESS, ROLLBACK_COMPLETE…).
    pub status: Option<String>,
    pub reason: Option<String>,
    pub failed_resource: Option<FailedResource>,
    /// The `RoleArn` output, once complete.
    pub role_arn: Option<String>,
    /// `iam:GetRole` found that role (`None` when not asked or not allowed).
    pub role_verified: Option<bool>,
    /// What to do next, in one sentence.
    pub next_step: Text,
}

impl StackStatus {
    /// The one rule of "the stack is done", for the window and the CLI alike:
    /// complete, with the role it outputs, and that role not found missing.
    pub fn is_done(&self) -> bool {
        self.phase == StackPhase::Complete
            && self.role_arn.is_some()
            && self.role_verified != Some(false)
    }
}

fn phase_of(status: &str) -> StackPhase {
    match status {
        "CREATE_COMPLETE" | "UPDATE_COMPLETE" | "IMPORT_COMPLETE" => StackPhase::Complete,
        s if s.contains("ROLLBACK") || s.ends_with("_FAILED") || s.starts_with("DELETE_") => {
            StackPhase::Failed
        }
        _ => StackPhase::InProgress,
    }
}

/// The stack's status now.
pub async fn status(aws: &Aws, stack_name: &str) -> Result<StackStatus, CoreError> {
    status_with(aws, &aws.cloudformation(), &aws.iam(), stack_name).await
}

/// [`status`] over explicit clients (tests put mocked ones in).
pub async fn status_with(
    aws: &Aws,
    cfn: &aws_sdk_cloudformation::Client,
    iam: &aws_sdk_iam::Client,
    stack_name: &str,
) -> Result<StackStatus, CoreError> {
    let described = cfn.describe_stacks().stack_name(stack_name).send().await;
    let stack = match described {
        Ok(out) => out.stacks().first().cloned(),
        // CloudFormation answers a missing stack with a ValidationError.
        Err(e)
            if e.code() == Some("ValidationError")
                && e.message().is_some_and(|m| m.contains("does not exist")) =>
        {
            None
        }
        Err(e) => return Err(sdk_error(aws, "cloudformation:DescribeStacks", &e)),
    };
    let Some(stack) = stack else {
        return Ok(StackStatus {
            stack_name: stack_name.to_owned(),
            phase: StackPhase::NotFound,
            status: None,
            reason: None,
            failed_resource: None,
            role_arn: None,
            role_verified: None,
            next_step: text!("stack-next-create"),
        });
    };
    let raw = stack
        .stack_status()
        .map(|s| s.as_str().to_owned())
        .unwrap_or_default();
    let phase = phase_of(&raw);
    let mut out = StackStatus {
        stack_name: stack_name.to_owned(),
        phase,
        status: Some(raw),
        reason: stack.stack_status_reason().map(str::to_owned),
        failed_resource: None,
        role_arn: None,
        role_verified: None,
        next_step: text!("stack-next-wait"),
    };
    match phase {
        StackPhase::Failed => {
            out.failed_resource = first_failure(aws, cfn, stack_name).await?;
            out.next_step = text!("stack-next-failed");
        }
        StackPhase::Complete => {
            out.role_arn = stack
                .outputs()
                .iter()
                .find(|o| o.output_key() == Some("RoleArn"))
                .and_then(|o| o.output_value())
                .map(str::to_owned);
            if let Some(arn) = &out.role_arn {
                let name = arn.rsplit('/').next().unwrap_or(arn);
                out.role_verified = match iam.get_role().role_name(name).send().await {
                    Ok(_) => Some(true),
                    Err(e) if e.code() == Some("NoSuchEntity") => Some(false),
                    Err(e) if is_denied(&e) => None,
                    Err(e) => return Err(sdk_error(aws, "iam:GetRole", &e)),
                };
            }
            out.next_step = match (&out.role_arn, out.role_verified) {
                (None, _) => text!("stack-next-no-role-output"),
                (Some(_), Some(false)) => text!("stack-next-role-missing"),
                _ => text!("stack-next-done"),
            };
        }
        StackPhase::InProgress => out.next_step = text!("stack-next-wait"),
        StackPhase::NotFound => {}
    }
    Ok(out)
}

/// The earliest failed resource event, skipping the "cancelled" echoes of others.
async fn first_failure(
    aws: &Aws,
    cfn: &aws_sdk_cloudformation::Client,
    stack_name: &str,
) -> Result<Option<FailedResource>, CoreError> {
    let events = cfn
        .describe_stack_events()
        .stack_name(stack_name)
        .into_paginator()
        .items()
        .send()
        .collect::<Result<Vec<_>, _>>()
        .await
        .map_err(|e| sdk_error(aws, "cloudformation:DescribeStackEvents", &e))?;
    // Events come newest first.
    Ok(events
        .iter()
        .rev()
        .filter(|e| {
            e.resource_status()
                .is_some_and(|s| s.as_str().ends_with("_FAILED"))
                && e.logical_resource_id() != Some(stack_name)
        })
        .map(|e| FailedResource {
            logical_id: e.logical_resource_id().unwrap_or_default().to_owned(),
            resource_type: e.resource_type().unwrap_or_default().to_owned(),
            reason: e.resource_status_reason().unwrap_or_default().to_owned(),
        })
        .find(|f| !f.reason.contains("Resource creation cancelled")))
}

/// Polls until the stack is complete or failed, `timeout` passes or `cancel` is
/// pressed (the last status seen is returned), reporting each change of status to
/// `on_update`.
pub async fn wait(
    aws: &Aws,
    stack_name: &str,
    interval: Duration,
    timeout: Duration,
    on_update: &(dyn Fn(&StackStatus) + Sync),
    cancel: &CancelToken,
) -> Result<StackStatus, CoreError> {
    let started = Instant::now();
    let mut last: Option<String> = None;
    loop {
        let s = status(aws, stack_name).await?;
        if s.status != last || last.is_none() {
            on_update(&s);
            last.clone_from(&s.status);
        }
        if matches!(s.phase, StackPhase::Complete | StackPhase::Failed)
            || started.elapsed() >= timeout
            || cancel.is_cancelled()
        {
            return Ok(s);
        }
        // Sleep in short slices so that Cancel is felt at once.
        let until = Instant::now() + interval;
        while Instant::now() < until && !cancel.is_cancelled() {
            tokio::time::sleep(CANCEL_SLICE.min(interval)).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_phases() {
        assert_eq!(phase_of("CREATE_COMPLETE"), StackPhase::Complete);
        assert_eq!(phase_of("CREATE_IN_PROGRESS"), StackPhase::InProgress);
        assert_eq!(phase_of("ROLLBACK_IN_PROGRESS"), StackPhase::Failed);
        assert_eq!(phase_of("ROLLBACK_COMPLETE"), StackPhase::Failed);
        assert_eq!(phase_of("CREATE_FAILED"), StackPhase::Failed);
        assert_eq!(phase_of("DELETE_COMPLETE"), StackPhase::Failed);
    }
}
