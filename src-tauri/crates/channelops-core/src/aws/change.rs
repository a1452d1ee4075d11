//! What the app changes in AWS on the user's behalf, and only after they saw the
//! plan: each change as it was made (with AWS's request ID, for the audit log and
//! for AWS Support), and the step that failed, if one did — the ones before it
//! stay made and are listed, nothing is rolled back or deleted.

use serde::{Deserialize, Serialize};

/// One change AWS accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AwsChange {
    /// The IAM action (`s3:CreateBucket`).
    pub action: String,
    /// What it changed (`arn:aws:s3:::acme-cur`).
    pub target: String,
    /// AWS's request ID of the call (`x-amz-request-id` / `x-amzn-RequestId`).
    pub request_id: Option<String>,
}

/// The step AWS refused, with what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StepFailure {
    pub action: String,
    pub message: crate::text::Text,
    pub remedy: crate::text::Text,
}

impl StepFailure {
    pub fn from_error(action: &str, e: &crate::error::CoreError) -> StepFailure {
        StepFailure {
            action: action.to_owned(),
            message: e.text(),
            remedy: e.remedy_text(),
        }
    }
}

/// The changes made, in order, and the failure that stopped them (if any).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Applied {
    pub changes: Vec<AwsChange>,
    pub failure: Option<StepFailure>,
}

impl Applied {
    pub fn done(&mut self, action: &str, target: impl Into<String>, request_id: Option<&str>) {
        self.changes.push(AwsChange {
            action: action.to_owned(),
            target: target.into(),
            request_id: request_id.map(str::to_owned),
        });
    }
}
