//! Report manifests: the legacy `<report>-Manifest.json` and the CUR 2.0 / FOCUS
//! Data Exports manifest. Parsed leniently (every field optional) because real
//! manifests vary; what a field is missing is decided by the checks, not here.

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, SeqAccess, Visitor};

use crate::limits;

/// Manifests larger than this are refused (real ones are a few hundred KB at most).
pub const MAX_MANIFEST_BYTES: u64 = limits::MANIFEST_BYTES;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Manifest {
    pub assembly_id: Option<String>,
    #[serde(deserialize_with = "account")]
    pub account: Option<String>,
    #[serde(deserialize_with = "capped")]
    pub columns: Vec<ManifestColumn>,
    pub compression: Option<String>,
    pub content_type: Option<String>,
    pub report_name: Option<String>,
    pub billing_period: Option<BillingPeriod>,
    pub bucket: Option<String>,
    #[serde(deserialize_with = "capped")]
    pub report_keys: Vec<String>,
    // CUR 2.0 / FOCUS Data Exports.
    pub export_arn: Option<String>,
    pub execution_id: Option<String>,
    #[serde(deserialize_with = "capped")]
    pub data_files: Vec<String>,
}

/// A list of at most [`limits::MANIFEST_LIST_ENTRIES`] entries (refused beyond).
fn capped<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    struct Capped<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for Capped<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "a list")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::new();
            while let Some(item) = seq.next_element()? {
                if out.len() == limits::MANIFEST_LIST_ENTRIES {
                    return Err(de::Error::custom(format!(
                        "a list holds more than {} entries (the limit)",
                        limits::MANIFEST_LIST_ENTRIES
                    )));
                }
                out.push(item);
            }
            Ok(out)
        }
    }
    d.deserialize_seq(Capped(std::marker::PhantomData))
}

/// The payer account: text, or a number (12 digits, zero-padded); anything else
/// is skipped without being kept.
fn account<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    struct Account;
    impl<'de> Visitor<'de> for Account {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "an account ID")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_owned()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(format!("{v:0>12}")))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(format!("{v:0>12}")))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(None)
        }
        fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(None)
        }
    }
    d.deserialize_any(Account)
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
        self.account.clone()
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
    pub why: crate::text::Text,
    pub remedy: Option<crate::text::Text>,
}

impl From<crate::text::Text> for Unreadable {
    fn from(why: crate::text::Text) -> Self {
        Unreadable { why, remedy: None }
    }
}

/// Parses a manifest. The error is a short sentence for the user.
/// Parsed straight into [`Manifest`] (never a whole JSON tree in memory): unknown
/// fields are skipped, lists are capped, nesting is bounded by serde_json (128).
pub fn parse(bytes: &[u8]) -> Result<Manifest, crate::text::Text> {
    use crate::text;
    if bytes.len() as u64 > MAX_MANIFEST_BYTES {
        return Err(text!(
            "decode-manifest-size",
            size = bytes.len(),
            max = MAX_MANIFEST_BYTES
        ));
    }
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return match serde_json::from_slice::<IgnoredAny>(bytes) {
            Err(e) => Err(text!("decode-not-json", detail = e.to_string())),
            Ok(_) => Err(text!("decode-not-object")),
        };
    }
    serde_json::from_slice(bytes).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => {
            text!("decode-manifest-content", detail = e.to_string())
        }
        _ => text!("decode-not-json", detail = e.to_string()),
    })
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
        assert!(
            parse(b"not json")
                .unwrap_err()
                .en()
                .contains("not valid JSON")
        );
        assert!(parse(b"[1,2]").unwrap_err().en().contains("object"));
        assert!(parse(br#"{"reportKeys": 5}"#).is_err());
    }
}
