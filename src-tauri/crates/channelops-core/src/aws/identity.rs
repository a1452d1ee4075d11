//! Who the user is in AWS: `sts:GetCallerIdentity`, the IAM principal behind an
//! assumed-role session, and whether the account is an organization's
//! management account.

use crate::text;
use crate::text::Text;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use serde::Serialize;

use super::Aws;
use super::errors::{is_denied, sdk_error};
use crate::error::CoreError;

/// The caller, as AWS sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Identity {
    /// The AWS account ID.
    pub account: String,
    /// The caller's ARN (an assumed-role session ARN for roles and SSO).
    pub arn: String,
    /// The IAM user or role ARN that policies are attached to (with its path).
    pub principal_arn: String,
    pub principal_kind: PrincipalKind,
    /// How the principal ARN was found, when not exact (e.g. "path unknown").
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PrincipalKind {
    User,
    Role,
    Root,
    /// A federated user (`sts:GetFederationToken`): no IAM principal to inspect.
    Federated,
}

/// Where an ARN's parts are: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`.
fn arn_parts(arn: &str) -> Option<(&str, &str, &str, &str)> {
    let mut it = arn.splitn(6, ':');
    let (_arn, partition, service, _region, account, resource) = (
        it.next()?,
        it.next()?,
        it.next()?,
        it.next()?,
        it.next()?,
        it.next()?,
    );
    Some((partition, service, account, resource))
}

/// What GetCallerIdentity's ARN says, before asking IAM for a role's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    User {
        arn: String,
    },
    Root {
        arn: String,
    },
    AssumedRole {
        partition: String,
        account: String,
        role: String,
    },
    Federated {
        arn: String,
    },
}

pub fn classify(arn: &str) -> Result<Caller, CoreError> {
    let bad = || {
        CoreError::aws(
            super::AwsErrorKind::Service,
            text!("aws-err-bad-arn", arn = arn),
            text!("aws-fix-bad-arn"),
        )
    };
    let (partition, service, account, resource) = arn_parts(arn).ok_or_else(bad)?;
    match (service, resource.split_once('/')) {
        ("iam", None) if resource == "root" => Ok(Caller::Root {
            arn: arn.to_owned(),
        }),
        ("iam", Some(("user", _))) => Ok(Caller::User {
            arn: arn.to_owned(),
        }),
        ("sts", Some(("assumed-role", rest))) => {
            let role = rest.split_once('/').map_or(rest, |(r, _session)| r);
            Ok(Caller::AssumedRole {
                partition: partition.to_owned(),
                account: account.to_owned(),
                role: role.to_owned(),
            })
        }
        ("sts", Some(("federated-user", _))) => Ok(Caller::Federated {
            arn: arn.to_owned(),
        }),
        // Emulators (moto) answer long-term keys with an sts "user" ARN.
        ("sts", Some(("user", name))) => Ok(Caller::User {
            arn: format!("arn:{partition}:iam::{account}:user/{name}"),
        }),
        // Some emulators answer with an IAM role ARN directly.
        ("iam", Some(("role", path))) => Ok(Caller::AssumedRole {
            partition: partition.to_owned(),
            account: account.to_owned(),
            role: path.rsplit('/').next().unwrap_or(path).to_owned(),
        }),
        _ => Err(bad()),
    }
}

/// The caller and its IAM principal.
pub async fn identify(aws: &Aws) -> Result<Identity, CoreError> {
    identify_with(aws, &aws.sts(), Some(&aws.iam())).await
}

/// [`identify`] over explicit clients (tests put mocked ones in); without an IAM
/// client, a role's path is inferred as when `iam:GetRole` is denied.
pub async fn identify_with(
    aws: &Aws,
    sts: &aws_sdk_sts::Client,
    iam: Option<&aws_sdk_iam::Client>,
) -> Result<Identity, CoreError> {
    let out = sts
        .get_caller_identity()
        .send()
        .await
        .map_err(|e| sdk_error(aws, "sts:GetCallerIdentity", &e))?;
    let account = out.account().unwrap_or_default().to_owned();
    let arn = out.arn().unwrap_or_default().to_owned();
    let (principal_arn, principal_kind, note) = match classify(&arn)? {
        Caller::User { arn } => (arn, PrincipalKind::User, None),
        Caller::Root { arn } => (arn, PrincipalKind::Root, Some(text!("identity-root"))),
        Caller::Federated { arn } => (
            arn,
            PrincipalKind::Federated,
            Some(text!("identity-federated")),
        ),
        Caller::AssumedRole {
            partition,
            account: role_account,
            role,
        } => match get_role(iam, &role).await {
            Ok(r) => (
                r.role().map(|r| r.arn().to_owned()).unwrap_or_default(),
                PrincipalKind::Role,
                None,
            ),
            Err(None) => inferred_role(&partition, &role_account, &role),
            Err(Some(e)) if is_denied(&e) => inferred_role(&partition, &role_account, &role),
            Err(Some(e)) => return Err(sdk_error(aws, "iam:GetRole", &e)),
        },
    };
    Ok(Identity {
        account,
        arn,
        principal_arn,
        principal_kind,
        note,
    })
}

async fn get_role(
    iam: Option<&aws_sdk_iam::Client>,
    role: &str,
) -> Result<
    aws_sdk_iam::operation::get_role::GetRoleOutput,
    Option<
        aws_sdk_iam::error::SdkError<aws_sdk_iam::operation::get_role::GetRoleError, HttpResponse>,
    >,
> {
    match iam {
        Some(iam) => iam.get_role().role_name(role).send().await.map_err(Some),
        None => Err(None),
    }
}

/// The role ARN when `iam:GetRole` cannot say its path: Identity Center roles
/// have a known one, others are assumed to be at `/`.
fn inferred_role(
    partition: &str,
    account: &str,
    role: &str,
) -> (String, PrincipalKind, Option<Text>) {
    let (path, note) = if role.starts_with("AWSReservedSSO_") {
        (
            "aws-reserved/sso.amazonaws.com/",
            text!("identity-sso-role-inferred"),
        )
    } else {
        ("", text!("identity-role-path-unknown"))
    };
    (
        format!("arn:{partition}:iam::{account}:role/{path}{role}"),
        PrincipalKind::Role,
        Some(note),
    )
}

/// The account's place in AWS Organizations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum OrgRole {
    /// The management (payer) account of an organization: where the CUR belongs.
    Management,
    /// A member account: a CUR made here covers only this account's costs.
    Member,
    /// Not in an organization: the account pays its own bill.
    Standalone,
    /// Could not be found out (organizations:DescribeOrganization was denied).
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Organization {
    pub role: OrgRole,
    pub management_account_id: Option<String>,
    pub detail: Text,
}

impl Organization {
    /// `true` management, `false` member or standalone, `None` unknown.
    pub fn is_management(&self) -> Option<bool> {
        match self.role {
            OrgRole::Management => Some(true),
            OrgRole::Member | OrgRole::Standalone => Some(false),
            OrgRole::Unknown => None,
        }
    }
}

/// `organizations:DescribeOrganization`: management, member, standalone or unknown.
pub async fn organization(aws: &Aws, account: &str) -> Result<Organization, CoreError> {
    match aws.organizations().describe_organization().send().await {
        Ok(out) => {
            let master = out
                .organization()
                .and_then(|o| o.master_account_id())
                .map(str::to_owned);
            let is_mgmt = master.as_deref() == Some(account);
            Ok(Organization {
                role: if is_mgmt {
                    OrgRole::Management
                } else {
                    OrgRole::Member
                },
                detail: if is_mgmt {
                    text!("org-management")
                } else {
                    text!(
                        "org-member",
                        management = master.as_deref().unwrap_or("unknown")
                    )
                },
                management_account_id: master,
            })
        }
        Err(e) if e.code() == Some("AWSOrganizationsNotInUseException") => Ok(Organization {
            role: OrgRole::Standalone,
            management_account_id: None,
            detail: text!("org-standalone"),
        }),
        Err(e) if is_denied(&e) => Ok(Organization {
            role: OrgRole::Unknown,
            management_account_id: None,
            detail: text!("org-unknown"),
        }),
        Err(e) => Err(sdk_error(aws, "organizations:DescribeOrganization", &e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caller_arns_are_classified() {
        assert_eq!(
            classify(
                "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_abc/jane@example.com"
            )
            .unwrap(),
            Caller::AssumedRole {
                partition: "aws".into(),
                account: "123456789012".into(),
                role: "AWSReservedSSO_Admin_abc".into()
            }
        );
        assert!(matches!(
            classify("arn:aws:iam::1:user/ops/jane").unwrap(),
            Caller::User { .. }
        ));
        assert!(matches!(
            classify("arn:aws:iam::1:root").unwrap(),
            Caller::Root { .. }
        ));
        assert!(matches!(
            classify("arn:aws-cn:sts::1:federated-user/bob").unwrap(),
            Caller::Federated { .. }
        ));
        assert!(classify("not-an-arn").is_err());
    }
}
