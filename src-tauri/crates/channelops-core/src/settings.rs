//! Workspace settings with defaults: the vendor's CloudFormation settings and the
//! AWS endpoint. Each key is validated before it is stored, and every change is
//! audited. Only an Admin may change them.

use rusqlite::params;
use serde::Serialize;

use crate::auth::{Actor, Role};
use crate::error::CoreError;
use crate::onboarding::audit;
use crate::store::Store;
use crate::text;
#[allow(unused_imports)]
use crate::text::Text;

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

/// Settings with defaults (a workspace may override them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VendorSettings {
    /// The platform's account, trusted by the role.
    pub vendor_account_id: String,
    /// The platform's SNS topic (the custom resource's ServiceToken).
    pub sns_topic_arn: String,
    /// Where the template is published (an S3 URL, as quick-create requires).
    pub template_url: String,
    pub stack_name: String,
}

impl Default for VendorSettings {
    fn default() -> Self {
        VendorSettings {
            vendor_account_id: "123456789012".into(),
            sns_topic_arn: "arn:aws:sns:us-east-1:123456789012:channelops-onboarding".into(),
            template_url: "https://channelops-public.s3.us-east-1.amazonaws.com/templates/channelops-cur-access.yaml".into(),
            stack_name: "ChannelOpsCurAccess".into(),
        }
    }
}

impl VendorSettings {
    /// The workspace's settings (`settings` table), with the defaults for what is not set.
    pub fn load(store: &Store) -> Result<Self, CoreError> {
        let d = VendorSettings::default();
        Ok(VendorSettings {
            vendor_account_id: store
                .setting("vendor_account_id")?
                .unwrap_or(d.vendor_account_id),
            sns_topic_arn: store
                .setting("vendor_sns_topic_arn")?
                .unwrap_or(d.sns_topic_arn),
            template_url: store.setting("template_url")?.unwrap_or(d.template_url),
            stack_name: store.setting("stack_name")?.unwrap_or(d.stack_name),
        })
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
    let bad = |what: Text| {
        Err(CoreError::invalid(
            text!("settings-err-value", value = value, what = &what),
            text!("settings-fix-value", what = what, key = key),
        ))
    };
    match key {
        // Stored as given, so only the canonical 12 digits are accepted.
        "vendor_account_id" if crate::ids::aws_account_id(value).ok().as_deref() != Some(value) => {
            bad(text!("settings-kind-account-id"))
        }
        "vendor_sns_topic_arn" if !(value.starts_with("arn:aws") && value.contains(":sns:")) => {
            bad(text!("settings-kind-sns-arn"))
        }
        "template_url" if !(value.starts_with("https://") && value.contains(".amazonaws.com/")) => {
            bad(text!("settings-kind-s3-url"))
        }
        "stack_name" => crate::ids::stack_name(value),
        AWS_ENDPOINT_URL
            if !(value.is_empty()
                || value.starts_with("http://")
                || value.starts_with("https://")) =>
        {
            bad(text!("settings-kind-url"))
        }
        k if !KNOWN.iter().any(|(known, _)| *known == k) => Err(CoreError::invalid(
            text!("settings-err-unknown", key = k),
            text!(
                "settings-fix-unknown",
                keys = KNOWN.map(|(k, _)| k).join(", ")
            ),
        )),
        _ => Ok(()),
    }
}

/// Sets (or, with an empty value, clears) one setting. Admins only.
pub fn set(store: &mut Store, actor: &Actor, key: &str, value: &str) -> Result<(), CoreError> {
    let home = crate::onboarding::home_org(store.conn())?.map(|(id, _, name)| (id, name));
    if let Some((_, home_name)) = home.filter(|(id, _)| *id != actor.org_id) {
        return Err(CoreError::NotAllowed {
            message: text!(
                "settings-err-not-home",
                home = &home_name,
                org = &actor.org_name
            ),
            remedy: text!("settings-fix-not-home", home = home_name),
        });
    }
    if actor.role != Role::Admin {
        return Err(CoreError::NotAllowed {
            message: text!("settings-err-viewer", org = &actor.org_name),
            remedy: text!("settings-fix-viewer"),
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
