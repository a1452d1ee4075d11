//! Workspace settings with defaults: the vendor's CloudFormation settings and the
//! AWS endpoint. Each key is validated before it is stored, and every change is
//! audited. Only an Admin may change them.

use rusqlite::params;
use serde::Serialize;

use crate::auth::{Actor, Role};
use crate::cloudformation::VendorSettings;
use crate::error::CoreError;
use crate::onboarding::audit;
use crate::store::Store;

/// Another AWS endpoint for every call (a local emulator); empty = AWS itself.
pub const AWS_ENDPOINT_URL: &str = "aws_endpoint_url";

/// Every key that may be set, with what it means.
pub const KNOWN: [(&str, &str); 5] = [
    (
        "vendor_account_id",
        "The platform's AWS account, trusted by the access role",
    ),
    (
        "vendor_sns_topic_arn",
        "The platform's SNS topic (the custom resource's ServiceToken)",
    ),
    (
        "template_url",
        "Where the CloudFormation template is published (an S3 https URL)",
    ),
    ("stack_name", "The CloudFormation stack name"),
    (
        AWS_ENDPOINT_URL,
        "Another endpoint for every AWS call (a local emulator); empty = AWS",
    ),
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Setting {
    pub key: String,
    pub value: String,
    /// Set in this workspace (not the default).
    pub is_set: bool,
    pub meaning: String,
}

fn defaults(key: &str) -> String {
    let d = VendorSettings::default();
    match key {
        "vendor_account_id" => d.vendor_account_id,
        "vendor_sns_topic_arn" => d.sns_topic_arn,
        "template_url" => d.template_url,
        "stack_name" => d.stack_name,
        _ => String::new(),
    }
}

/// Every known setting with its value (set or default).
pub fn list(store: &Store) -> Result<Vec<Setting>, CoreError> {
    KNOWN
        .iter()
        .map(|(key, meaning)| {
            let set = store.setting(key)?;
            Ok(Setting {
                key: (*key).to_owned(),
                is_set: set.is_some(),
                value: set.unwrap_or_else(|| defaults(key)),
                meaning: (*meaning).to_owned(),
            })
        })
        .collect()
}

fn validate(key: &str, value: &str) -> Result<(), CoreError> {
    let bad = |what: &str| {
        Err(CoreError::invalid(
            format!("{value:?} is not {what}"),
            format!("Give {what} for {key}."),
        ))
    };
    match key {
        "vendor_account_id"
            if !(value.len() == 12 && value.bytes().all(|b| b.is_ascii_digit())) =>
        {
            bad("a 12-digit AWS account ID")
        }
        "vendor_sns_topic_arn" if !(value.starts_with("arn:aws") && value.contains(":sns:")) => {
            bad("an SNS topic ARN")
        }
        "template_url" if !(value.starts_with("https://") && value.contains(".amazonaws.com/")) => {
            bad("an https S3 URL")
        }
        "stack_name" => crate::cloudformation::check_stack_name(value),
        AWS_ENDPOINT_URL
            if !(value.is_empty()
                || value.starts_with("http://")
                || value.starts_with("https://")) =>
        {
            bad("an http(s) URL")
        }
        k if !KNOWN.iter().any(|(known, _)| *known == k) => Err(CoreError::invalid(
            format!("{k:?} is not a setting"),
            format!("Known settings: {}.", KNOWN.map(|(k, _)| k).join(", ")),
        )),
        _ => Ok(()),
    }
}

/// Sets (or, with an empty value, clears) one setting. Admins only.
pub fn set(store: &mut Store, actor: &Actor, key: &str, value: &str) -> Result<(), CoreError> {
    if actor.role != Role::Admin {
        return Err(CoreError::NotAllowed {
            message: format!(
                "changing settings needs an Admin; you are a Viewer of {}",
                actor.org_name
            ),
            remedy: "Ask an Admin of your organization to change it.".into(),
        });
    }
    let value = value.trim();
    validate(key, value)?;
    store.write(|tx| {
        if value.is_empty() {
            tx.execute("DELETE FROM settings WHERE key = ?1", [key])?;
        } else {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?;
        }
        audit(tx, &actor.email, "setting.set", key, value)
    })?;
    Ok(())
}

/// The endpoint setting, when set — unless `AWS_ENDPOINT_URL` is set (not blank)
/// in the environment, which the AWS SDK honours and which wins over the workspace.
pub fn aws_endpoint(store: &Store) -> Result<Option<String>, CoreError> {
    if std::env::var_os("AWS_ENDPOINT_URL").is_some_and(|v| !v.is_empty()) {
        return Ok(None);
    }
    Ok(store.setting(AWS_ENDPOINT_URL)?.filter(|v| !v.is_empty()))
}
