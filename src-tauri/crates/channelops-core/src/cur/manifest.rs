//! Report manifests: the legacy `<report>-Manifest.json` and the CUR 2.0 / FOCUS
//! Data Exports manifest. Parsed leniently (every field optional) because real
//! manifests vary; what a field is missing is decided by the checks, not here.

use serde::Deserialize;

/// Manifests larger than this are refused (real ones are a few hundred KB at most).
pub const MAX_MANIFEST_BYTES: u64 = 16 << 20;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Manifest {
    pub assembly_id: Option<String>,
    pub account: Option<serde_json::Value>,
    pub columns: Vec<ManifestColumn>,
    pub compression: Option<String>,
    pub content_type: Option<String>,
    pub report_name: Option<String>,
    pub billing_period: Option<BillingPeriod>,
    pub bucket: Option<String>,
    pub report_keys: Vec<String>,
    // CUR 2.0 / FOCUS Data Exports.
    pub export_arn: Option<String>,
    pub execution_id: Option<String>,
    pub data_files: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ManifestColumn {
    pub category: Option<String>,
    pub name: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct BillingPeriod {
    pub start: Option<String>,
    pub end: Option<String>,
}

impl Manifest {
    /// The payer account the manifest names, as text.
    pub fn account_id(&self) -> Option<String> {
        match &self.account {
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            Some(serde_json::Value::Number(n)) => Some(format!("{n:0>12}")),
            _ => None,
        }
    }

    /// The CUR 2.0 marker that this manifest carries, if any.
    pub fn data_exports_marker(&self) -> Option<&'static str> {
        if self.export_arn.is_some() {
            Some("exportArn")
        } else if self.execution_id.is_some() {
            Some("executionId")
        } else if !self.data_files.is_empty() {
            Some("dataFiles")
        } else {
            None
        }
    }
}

/// Why a manifest could not be used, and the fix when the source itself failed
/// (access denied, network) rather than the manifest's content.
#[derive(Debug, Clone)]
pub struct Unreadable {
    pub why: String,
    pub remedy: Option<String>,
}

impl From<String> for Unreadable {
    fn from(why: String) -> Self {
        Unreadable { why, remedy: None }
    }
}

/// Parses a manifest. The error is a short sentence for the user.
pub fn parse(bytes: &[u8]) -> Result<Manifest, String> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| format!("not valid JSON ({e})"))?;
    if !value.is_object() {
        return Err("not a JSON object".into());
    }
    serde_json::from_value(value).map_err(|e| format!("unexpected content ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_legacy_manifest_and_tolerates_missing_fields() {
        let m = parse(br#"{"assemblyId":"a","account":"123456789012","columns":[{"category":"lineItem","name":"ResourceId"}],
            "compression":"GZIP","contentType":"text/csv","reportKeys":["p/r/20261001-20261101/a/r-1.csv.gz"],
            "billingPeriod":{"start":"20261001T000000.000Z","end":"20261101T000000.000Z"}}"#).unwrap();
        assert_eq!(m.account_id().as_deref(), Some("123456789012"));
        assert_eq!(m.report_keys.len(), 1);
        assert_eq!(m.columns[0].kind, None);
        assert_eq!(m.data_exports_marker(), None);
        assert!(parse(b"{}").is_ok());
    }

    #[test]
    fn recognises_data_exports_and_rejects_garbage() {
        let m = parse(
            br#"{"exportArn":"arn:aws:bcm-data-exports:us-east-1:1:export/x","dataFiles":[]}"#,
        )
        .unwrap();
        assert_eq!(m.data_exports_marker(), Some("exportArn"));
        assert!(parse(b"not json").unwrap_err().contains("not valid JSON"));
        assert!(parse(b"[1,2]").unwrap_err().contains("object"));
        assert!(parse(br#"{"reportKeys": 5}"#).is_err());
    }
}
