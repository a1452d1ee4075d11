//! One list of the account's CURs: AWS's definitions (with their delivery status),
//! the Data Exports that are not legacy CURs, the bucket's readiness for delivery,
//! and — merged by report name and prefix — the verdicts of the files themselves.

use serde::{Deserialize, Serialize};

use super::Aws;
use super::cur_definitions::{self, DefinitionVerdict, Delivery};
use super::data_exports::{self, DataExport};
use super::delivery::{self, DeliveryCheck};
use super::errors::Unanswered;
use super::identity;
use crate::cur::ValidationResult;
use crate::error::CoreError;

/// What AWS says about the account's CURs, for one bucket (or all).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CurOverview {
    /// The credentials' AWS account.
    pub account: String,
    /// The bucket entered, if any (without one every definition is judged, and no
    /// delivery check is made).
    pub bucket: Option<String>,
    pub prefix: String,
    /// Every legacy CUR definition of the account.
    pub definitions: Vec<DefinitionVerdict>,
    /// Why there are no definitions to show, when AWS did not say.
    pub definitions_unanswered: Option<Unanswered>,
    /// Data Exports (CUR 2.0, FOCUS): never usable here, named so the user knows.
    pub exports: Vec<DataExport>,
    pub exports_unanswered: Option<Unanswered>,
    pub delivery: Option<DeliveryCheck>,
    /// When AWS was asked (RFC 3339, UTC).
    pub checked_at: String,
}

impl CurOverview {
    /// The definitions that are right and deliver to the bucket entered.
    pub fn usable(&self) -> impl Iterator<Item = &DefinitionVerdict> {
        self.definitions
            .iter()
            .filter(|d| d.right && d.for_this_bucket)
    }
}

/// Asks AWS: who the account is, its CUR definitions and exports, and (with a
/// bucket) the bucket's delivery check. A denied or missing API is said, and the
/// rest carries on; no credentials or no network is an error.
pub async fn overview(
    aws: &Aws,
    bucket: Option<&str>,
    prefix: &str,
) -> Result<CurOverview, CoreError> {
    let account = identity::identify_with(aws, &aws.sts(), None)
        .await?
        .account;
    let prefix = prefix.trim().trim_matches('/').to_owned();
    let (described, listed) = tokio::join!(cur_definitions::describe(aws), data_exports::list(aws));
    let (definitions, definitions_unanswered) = match described? {
        Ok(list) => (
            list.iter()
                .map(|d| cur_definitions::judge(d, bucket, &prefix))
                .collect::<Vec<_>>(),
            None,
        ),
        Err(u) => (Vec::new(), Some(u)),
    };
    let (exports, exports_unanswered) = match listed? {
        Ok(list) => (list, None),
        Err(u) => (Vec::new(), Some(u)),
    };
    let delivery = match bucket {
        Some(b) => {
            // Checked for where the right definition writes, else the prefix entered.
            let at = definitions
                .iter()
                .find(|d| d.right && d.for_this_bucket)
                .map(|d| d.definition.prefix.clone())
                .unwrap_or_else(|| prefix.clone());
            Some(delivery::check(aws, b, &account, &at).await?)
        }
        None => None,
    };
    Ok(CurOverview {
        account,
        bucket: bucket.map(str::to_owned),
        prefix,
        definitions,
        definitions_unanswered,
        exports,
        exports_unanswered,
        delivery,
        checked_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    })
}

/// Where one CUR stands, definitions and files together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CurState {
    /// Files delivered and valid: it can be chosen.
    Delivered,
    /// Files delivered but not valid (their checks say why).
    FilesInvalid,
    /// The definition is right; AWS has not delivered to this bucket yet. Not a
    /// failure: AWS delivers within 24 hours.
    AwaitingFirstDelivery,
    /// No files, and the definition has a wrong setting.
    DefinitionWrong,
    /// AWS tried and could not deliver (ERROR_PERMISSIONS, ERROR_NO_BUCKET).
    DeliveryFailed,
    /// A definition that delivers to another bucket or prefix.
    OtherBucket,
}

/// One CUR of the merged list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CurEntry {
    pub name: String,
    /// `PREFIX/NAME`: the report's location in the bucket.
    pub location: String,
    pub state: CurState,
    /// AWS's definition of it, when AWS said.
    pub definition: Option<DefinitionVerdict>,
    /// True when its files were found (their verdict is in the validation result,
    /// under the same location).
    pub has_files: bool,
}

fn same_place(a: &str, b: &str) -> bool {
    a.trim_matches('/') == b.trim_matches('/')
}

/// Where a definition stands while none of its files is in the bucket.
pub fn definition_state(d: &DefinitionVerdict) -> CurState {
    if !d.for_this_bucket {
        CurState::OtherBucket
    } else if !d.right {
        CurState::DefinitionWrong
    } else if matches!(
        d.delivery,
        Delivery::ErrorPermissions | Delivery::ErrorNoBucket
    ) {
        CurState::DeliveryFailed
    } else {
        CurState::AwaitingFirstDelivery
    }
}

/// Merges AWS's definitions with the file verdicts by report name and location.
pub fn merge(overview: Option<&CurOverview>, result: &ValidationResult) -> Vec<CurEntry> {
    let definitions: &[DefinitionVerdict] = overview.map_or(&[], |o| &o.definitions);
    let mut out: Vec<CurEntry> = result
        .reports
        .iter()
        .map(|r| CurEntry {
            name: r.name.clone(),
            location: r.location.clone(),
            state: if r.valid {
                CurState::Delivered
            } else {
                CurState::FilesInvalid
            },
            definition: definitions
                .iter()
                .find(|d| {
                    d.definition.name == r.name && same_place(&d.definition.location(), &r.location)
                })
                .cloned(),
            has_files: true,
        })
        .collect();
    for d in definitions {
        let location = d.definition.location();
        if out
            .iter()
            .any(|e| e.name == d.definition.name && same_place(&e.location, &location))
        {
            continue;
        }
        out.push(CurEntry {
            name: d.definition.name.clone(),
            location,
            state: definition_state(d),
            definition: Some(d.clone()),
            has_files: false,
        });
    }
    out
}

/// The CUR the account waits for: a right definition AWS has not delivered to the
/// bucket yet, when no valid file is there.
pub fn awaited(entries: &[CurEntry], result: &ValidationResult) -> Option<String> {
    if !result.selectable.is_empty() {
        return None;
    }
    entries
        .iter()
        .find(|e| e.state == CurState::AwaitingFirstDelivery)
        .map(|e| e.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::cur_definitions::{CurFormat, ReportDefinition, judge};
    use crate::cur::{ReportKind, ReportResult};

    fn definition(name: &str, prefix: &str, hourly: bool) -> ReportDefinition {
        let mut d = ReportDefinition::required(name, "acme-cur", prefix, CurFormat::Parquet);
        if !hourly {
            d.time_unit = "DAILY".into();
        }
        d
    }

    fn report(name: &str, location: &str, valid: bool) -> ReportResult {
        ReportResult {
            name: name.into(),
            location: location.into(),
            kind: ReportKind::LegacyParquet,
            valid,
            billing_periods: vec![],
            checks: vec![],
        }
    }

    fn overview(defs: Vec<ReportDefinition>) -> CurOverview {
        CurOverview {
            account: "111122223333".into(),
            bucket: Some("acme-cur".into()),
            prefix: String::new(),
            definitions: defs
                .iter()
                .map(|d| judge(d, Some("acme-cur"), ""))
                .collect(),
            definitions_unanswered: None,
            exports: vec![],
            exports_unanswered: None,
            delivery: None,
            checked_at: String::new(),
        }
    }

    fn result(reports: Vec<ReportResult>) -> ValidationResult {
        ValidationResult {
            source: "s3://acme-cur/".into(),
            selectable: reports
                .iter()
                .filter(|r| r.valid)
                .map(|r| r.name.clone())
                .collect(),
            reports,
            choose_one: None,
            note: None,
            bytes_read: 0,
            requests: 0,
            bytes_total: 0,
        }
    }

    #[test]
    fn definitions_and_files_merge_by_name_and_prefix() {
        let o = overview(vec![
            definition("delivered", "cur", true),
            definition("fresh", "cur", true),
            definition("daily", "", false),
            // Same name as a delivered report, but another prefix: its own entry.
            definition("delivered", "old", true),
        ]);
        let r = result(vec![report("delivered", "cur/delivered", true)]);
        let entries = merge(Some(&o), &r);
        let states: Vec<(&str, &str, CurState)> = entries
            .iter()
            .map(|e| (e.name.as_str(), e.location.as_str(), e.state))
            .collect();
        assert_eq!(
            states,
            vec![
                ("delivered", "cur/delivered", CurState::Delivered),
                ("fresh", "cur/fresh", CurState::AwaitingFirstDelivery),
                ("daily", "daily", CurState::DefinitionWrong),
                (
                    "delivered",
                    "old/delivered",
                    CurState::AwaitingFirstDelivery
                ),
            ]
        );
        assert!(entries[0].definition.is_some() && entries[0].has_files);
        // A valid file means nobody waits.
        assert_eq!(awaited(&entries, &r), None);
        let none_valid = result(vec![report("delivered", "cur/delivered", false)]);
        let entries = merge(Some(&o), &none_valid);
        assert_eq!(entries[0].state, CurState::FilesInvalid);
        assert_eq!(awaited(&entries, &none_valid).as_deref(), Some("fresh"));
    }

    #[test]
    fn failed_deliveries_and_other_buckets_have_their_own_state() {
        let mut failing = definition("failing", "", true);
        failing.last_status = Some("ERROR_PERMISSIONS".into());
        let mut elsewhere = definition("elsewhere", "", true);
        elsewhere.bucket = "another-bucket".into();
        let o = overview(vec![failing, elsewhere]);
        let entries = merge(Some(&o), &result(vec![]));
        assert_eq!(entries[0].state, CurState::DeliveryFailed);
        assert_eq!(entries[1].state, CurState::OtherBucket);
        assert_eq!(awaited(&entries, &result(vec![])), None);
        // Without AWS's word, the files alone.
        let alone = merge(None, &result(vec![report("x", "x", true)]));
        assert_eq!(alone.len(), 1);
        assert!(alone[0].definition.is_none());
    }
}
