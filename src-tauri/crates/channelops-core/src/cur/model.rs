//! The validation result: what `channelops validate --json` prints, what the UI
//! shows and what is stored with a validation run.

use crate::text::Text;
use serde::{Deserialize, Serialize};

/// The kind of export a report is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    LegacyCsv,
    LegacyParquet,
    Cur2,
    Focus,
    Unknown,
}

/// The named checks, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CheckId {
    LegacyCur,
    Format,
    ResourceIds,
    SplitCostAllocation,
    Hourly,
    Readable,
    PayerAccount,
    Freshness,
    BucketRegion,
    /// A CUR definition's bucket and prefix are the ones entered (definitions only).
    Bucket,
    /// AWS's delivery status of a CUR definition (definitions only).
    Delivery,
}

impl CheckId {
    pub const ALL: [CheckId; 9] = [
        CheckId::LegacyCur,
        CheckId::Format,
        CheckId::ResourceIds,
        CheckId::SplitCostAllocation,
        CheckId::Hourly,
        CheckId::Readable,
        CheckId::PayerAccount,
        CheckId::Freshness,
        CheckId::BucketRegion,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CheckId::LegacyCur => "legacy_cur",
            CheckId::Format => "format",
            CheckId::ResourceIds => "resource_ids",
            CheckId::SplitCostAllocation => "split_cost_allocation",
            CheckId::Hourly => "hourly",
            CheckId::Readable => "readable",
            CheckId::PayerAccount => "payer_account",
            CheckId::Freshness => "freshness",
            CheckId::BucketRegion => "bucket_region",
            CheckId::Bucket => "bucket",
            CheckId::Delivery => "delivery",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Pass,
    Fail,
    Warn,
    Skipped,
}

/// What a check saw: which file, which column, which value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Evidence {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub column: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub value: Option<String>,
    /// What the value means, when it is not data read from the file (a column
    /// absent from the header, a file named by the manifest and not found…).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub note: Option<Text>,
}

impl Evidence {
    pub fn key(key: impl Into<String>) -> Self {
        Evidence {
            key: Some(key.into()),
            ..Default::default()
        }
    }
    pub fn with_column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into());
        self
    }
    pub fn with_value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }
    pub fn with_note(mut self, note: Text) -> Self {
        self.note = Some(note);
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Check {
    pub id: CheckId,
    pub status: CheckStatus,
    /// What was found (an id of the core's catalog and its arguments: see `text`).
    pub message: Text,
    /// What to do, in the AWS console; absent on a pass.
    pub remedy: Option<Text>,
    pub evidence: Option<Evidence>,
}

impl Check {
    pub fn pass(id: CheckId, message: Text) -> Self {
        Check {
            id,
            status: CheckStatus::Pass,
            message,
            remedy: None,
            evidence: None,
        }
    }
    pub fn skipped(id: CheckId, message: Text) -> Self {
        Check {
            id,
            status: CheckStatus::Skipped,
            message,
            remedy: None,
            evidence: None,
        }
    }
    pub fn fail(id: CheckId, message: Text, remedy: Text, evidence: Evidence) -> Self {
        Check::flagged(id, CheckStatus::Fail, message, remedy, evidence)
    }
    pub fn warn(id: CheckId, message: Text, remedy: Text, evidence: Evidence) -> Self {
        Check::flagged(id, CheckStatus::Warn, message, remedy, evidence)
    }
    /// A check that is not a pass always says what was seen and what to do.
    fn flagged(
        id: CheckId,
        status: CheckStatus,
        message: Text,
        remedy: Text,
        evidence: Evidence,
    ) -> Self {
        Check {
            id,
            status,
            message,
            remedy: Some(remedy),
            evidence: Some(evidence),
        }
    }
}

/// One report found in the source, with its verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportResult {
    /// Report (or export) name.
    pub name: String,
    /// Where it lives in the source: the key prefix of the report.
    pub location: String,
    pub kind: ReportKind,
    /// True when no check failed.
    pub valid: bool,
    /// Billing periods found (`YYYY-MM`), oldest first; the latest decides the verdict.
    pub billing_periods: Vec<String>,
    pub checks: Vec<Check>,
}

/// The result of validating a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ValidationResult {
    pub source: String,
    pub reports: Vec<ReportResult>,
    /// Names of the valid reports: the ones a user may choose (only one).
    pub selectable: Vec<String>,
    /// Set when more than one report is valid: only one CUR is supported.
    pub choose_one: Option<Text>,
    /// Set when no report was found at all.
    pub note: Option<Text>,
    /// Bytes actually read from the source.
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub bytes_read: u64,
    /// Reads the source served (on S3: ranged GETs; the listing not included).
    #[serde(default)]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub requests: u64,
    /// Total size of the files that make up the reports found.
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub bytes_total: u64,
}

/// Progress of a validation, for the UI's progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Progress {
    pub files_done: u32,
    pub files_total: u32,
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub bytes_read: u64,
}
