//! The permission pre-flight: before the user starts Part 3, does their AWS
//! principal hold the seven actions the CloudFormation stack needs?
//!
//! Each action gets `allowed`, `denied` or `not_verified`, with the source of the
//! decision, through a ladder — the first step that decides an action wins:
//! 1. `iam:SimulatePrincipalPolicy` on the principal's IAM ARN (sees SCPs and
//!    permission boundaries);
//! 2. when simulation is denied or unavailable: the principal's own identity
//!    policies (attached, inline, via groups), read with IAM Get/List calls and
//!    evaluated locally (blind to SCPs, boundaries and session policies — said so);
//! 3. harmless probes: `cloudformation:GetTemplateSummary` on the vendor template,
//!    `iam:GetRole` of a role that does not exist (NoSuchEntity = allowed);
//! 4. otherwise `not_verified`. Nothing is ever `allowed` without evidence.

use crate::text;
use crate::text::Text;
use aws_sdk_iam::error::SdkError;
use aws_sdk_iam::types::PolicyEvaluationDecisionType;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use serde::Serialize;

use super::errors::{is_denied, sdk_error};
use super::identity::{Identity, Organization, PrincipalKind};
use super::policy::{self, Policy, Verdict};
use super::{Aws, AwsErrorKind};
use crate::cloudformation::{TEMPLATE, VendorSettings};
use crate::error::CoreError;

/// The seven actions creating the vendor stack needs (the product page's list).
pub const REQUIRED_ACTIONS: [&str; 7] = [
    "iam:CreatePolicy",
    "iam:CreateRole",
    "iam:AttachRolePolicy",
    "iam:GetRole",
    "cloudformation:CreateStack",
    "cloudformation:GetTemplateSummary",
    "sns:Publish",
];

/// What "Create the CUR for me" needs beyond the seven: optional, reported apart
/// (the manual path works without them).
pub const OPTIONAL_ACTIONS: [&str; 5] = [
    "cur:PutReportDefinition",
    "cur:DescribeReportDefinitions",
    "s3:CreateBucket",
    "s3:GetBucketPolicy",
    "s3:PutBucketPolicy",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Allowed,
    Denied,
    NotVerified,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DecisionSource {
    Simulation,
    IdentityPolicies,
    Probe,
    None,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PermissionCheck {
    pub action: String,
    pub decision: Decision,
    pub source: DecisionSource,
    /// Why: the policy that decided, the probe's answer, or what could not be checked.
    pub detail: Text,
    /// What the steps before the deciding one said (simulation, identity policies).
    pub tried: Vec<Text>,
    /// What to do when not allowed.
    pub remedy: Option<Text>,
}

/// The pre-flight's whole answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Preflight {
    pub identity: Identity,
    /// The signed-in account is the account entered.
    pub account_matches: bool,
    /// `true` management account, `false` member or standalone, `null` unknown.
    pub management_account: Option<bool>,
    pub organization: Organization,
    pub permissions: Vec<PermissionCheck>,
    /// The permissions "Create the CUR for me" needs ([`OPTIONAL_ACTIONS`]): they
    /// never block `ready`; a missing one makes that button say why.
    pub optional: Vec<PermissionCheck>,
    /// Every action allowed, the right account, not a member account.
    pub ready: bool,
    /// Why not ready, one sentence each with its fix.
    pub blockers: Vec<Text>,
}

/// The resource each action will act on when the stack is created, so that
/// policies scoped to resources are judged for the right ones.
pub fn resource_for(
    action: &str,
    account: &str,
    partition: &str,
    settings: &VendorSettings,
) -> String {
    let stack = &settings.stack_name;
    match action {
        "iam:CreateRole" | "iam:GetRole" | "iam:AttachRolePolicy" => {
            format!("arn:{partition}:iam::{account}:role/ChannelOpsCurReader")
        }
        "iam:CreatePolicy" => {
            format!("arn:{partition}:iam::{account}:policy/{stack}-CurReadPolicy")
        }
        "cloudformation:CreateStack" => format!(
            "arn:{partition}:cloudformation:{}:{account}:stack/{stack}/*",
            super::HOME_REGION
        ),
        "sns:Publish" => settings.sns_topic_arn.clone(),
        "cur:PutReportDefinition" | "cur:DescribeReportDefinitions" => format!(
            "arn:{partition}:cur:{}:{account}:definition/*",
            super::HOME_REGION
        ),
        _ => "*".to_owned(),
    }
}

fn partition_of(arn: &str) -> &str {
    arn.split(':')
        .nth(1)
        .filter(|p| !p.is_empty())
        .unwrap_or("aws")
}

fn remedy_for(action: &str) -> Text {
    text!("pf-remedy", action = action)
}

/// An action still undecided, with what each step said about it.
#[derive(Debug, Clone)]
struct Pending {
    action: &'static str,
    resource: String,
    tried: Vec<Text>,
}

fn decided(
    action: &str,
    decision: Decision,
    source: DecisionSource,
    detail: Text,
    tried: Vec<Text>,
) -> PermissionCheck {
    PermissionCheck {
        action: action.to_owned(),
        decision,
        source,
        remedy: (decision != Decision::Allowed).then(|| remedy_for(action)),
        detail,
        tried,
    }
}

/// Runs the whole pre-flight for the account the user entered.
pub async fn preflight(
    aws: &Aws,
    account_id: &str,
    settings: &VendorSettings,
) -> Result<Preflight, CoreError> {
    let identity = super::identity::identify(aws).await?;
    let organization = super::identity::organization(aws, &identity.account).await?;
    let (iam, cfn) = (aws.iam(), aws.cloudformation());
    let permissions = permissions(aws, &iam, &cfn, &identity, settings).await?;
    let optional = permissions_of(aws, &iam, &cfn, &identity, settings, &OPTIONAL_ACTIONS).await?;
    let mut p = assemble(identity, organization, permissions, account_id);
    p.optional = optional;
    Ok(p)
}

fn assemble(
    identity: Identity,
    organization: Organization,
    permissions: Vec<PermissionCheck>,
    account_id: &str,
) -> Preflight {
    let account_matches = identity.account == account_id.trim();
    let mut blockers = Vec::new();
    if !account_matches {
        blockers.push(text!(
            "pf-blocker-account",
            signed = &identity.account,
            entered = account_id.trim()
        ));
    }
    if organization.role == super::identity::OrgRole::Member {
        blockers.push(organization.detail.clone());
    }
    for p in &permissions {
        match p.decision {
            Decision::Allowed => {}
            Decision::Denied => blockers.push(text!("pf-blocker-denied", action = &p.action)),
            Decision::NotVerified => {
                blockers.push(text!("pf-blocker-not-verified", action = &p.action))
            }
        }
    }
    Preflight {
        management_account: organization.is_management(),
        ready: blockers.is_empty(),
        identity,
        account_matches,
        organization,
        permissions,
        optional: Vec::new(),
        blockers,
    }
}

/// The ladder for the seven actions, over explicit clients (so tests can put a
/// mocked IAM in).
pub async fn permissions(
    aws: &Aws,
    iam: &aws_sdk_iam::Client,
    cfn: &aws_sdk_cloudformation::Client,
    identity: &Identity,
    settings: &VendorSettings,
) -> Result<Vec<PermissionCheck>, CoreError> {
    permissions_of(aws, iam, cfn, identity, settings, &REQUIRED_ACTIONS).await
}

/// The ladder for `actions`, in their order.
pub async fn permissions_of(
    aws: &Aws,
    iam: &aws_sdk_iam::Client,
    cfn: &aws_sdk_cloudformation::Client,
    identity: &Identity,
    settings: &VendorSettings,
    actions: &[&'static str],
) -> Result<Vec<PermissionCheck>, CoreError> {
    let partition = partition_of(&identity.principal_arn).to_owned();
    let mut pending: Vec<Pending> = actions
        .iter()
        .map(|a| Pending {
            action: a,
            resource: resource_for(a, &identity.account, &partition, settings),
            tried: Vec::new(),
        })
        .collect();
    let mut done: Vec<PermissionCheck> = Vec::new();

    // (a) Simulation, on the user or role ARN (never the session ARN).
    let simulable = matches!(
        identity.principal_kind,
        PrincipalKind::User | PrincipalKind::Role
    );
    if simulable {
        match simulate(aws, iam, &identity.principal_arn, &pending).await? {
            Step::Decided(results) => {
                done.extend(results);
                pending.clear();
            }
            Step::Unavailable(why) => pending.iter_mut().for_each(|p| p.tried.push(why.clone())),
        }
    } else {
        let why = text!("pf-not-simulable");
        pending.iter_mut().for_each(|p| p.tried.push(why.clone()));
    }

    // (b) The principal's own identity policies, evaluated here.
    if !pending.is_empty() {
        let loaded = if simulable {
            identity_policies(iam, identity).await
        } else {
            Err(text!("pf-no-identity-policies"))
        };
        match loaded {
            Ok(policies) => {
                pending.retain_mut(
                    |p| match policy::evaluate(&policies, p.action, &p.resource) {
                        Verdict::Allowed { policy } => {
                            done.push(decided(
                                p.action,
                                Decision::Allowed,
                                DecisionSource::IdentityPolicies,
                                text!("pf-allowed-by-policy", policy = policy),
                                std::mem::take(&mut p.tried),
                            ));
                            false
                        }
                        Verdict::ExplicitDeny { policy } => {
                            done.push(decided(
                                p.action,
                                Decision::Denied,
                                DecisionSource::IdentityPolicies,
                                text!("pf-denied-by-policy", policy = policy),
                                std::mem::take(&mut p.tried),
                            ));
                            false
                        }
                        Verdict::ImplicitDeny => {
                            done.push(decided(
                                p.action,
                                Decision::Denied,
                                DecisionSource::IdentityPolicies,
                                text!("pf-no-policy-allows", resource = &p.resource),
                                std::mem::take(&mut p.tried),
                            ));
                            false
                        }
                        Verdict::Undecided { reason } => {
                            p.tried.push(text!("pf-policy-undecided", reason = reason));
                            true
                        }
                    },
                );
            }
            Err(why) => pending.iter_mut().for_each(|p| p.tried.push(why.clone())),
        }
    }

    // (c) Harmless probes, where one exists; (d) otherwise not verified.
    for p in pending {
        let probed = match p.action {
            "cloudformation:GetTemplateSummary" => {
                Some(probe_template_summary(aws, cfn, settings).await?)
            }
            "iam:GetRole" => Some(probe_get_role(aws, iam).await?),
            _ => None,
        };
        done.push(match probed {
            Some((decision, what)) => {
                decided(p.action, decision, DecisionSource::Probe, what, p.tried)
            }
            None => decided(
                p.action,
                Decision::NotVerified,
                DecisionSource::None,
                text!("pf-no-probe"),
                p.tried,
            ),
        });
    }
    done.sort_by_key(|c| actions.iter().position(|a| *a == c.action));
    Ok(done)
}

enum Step {
    Decided(Vec<PermissionCheck>),
    Unavailable(Text),
}

async fn simulate(
    aws: &Aws,
    iam: &aws_sdk_iam::Client,
    principal: &str,
    pending: &[Pending],
) -> Result<Step, CoreError> {
    let mut out = Vec::new();
    for p in pending {
        // One retry at most: an endpoint without the API should not cost a minute.
        let answer = iam
            .simulate_principal_policy()
            .policy_source_arn(principal)
            .action_names(p.action)
            .resource_arns(&p.resource)
            .customize()
            .config_override(
                aws_sdk_iam::config::Builder::default()
                    .retry_config(aws_config::retry::RetryConfig::standard().with_max_attempts(2)),
            )
            .send()
            .await;
        let result = match answer {
            Ok(r) => r,
            Err(e) => {
                let err = sdk_error(aws, "iam:SimulatePrincipalPolicy", &e);
                if let CoreError::Aws {
                    kind: AwsErrorKind::Credentials | AwsErrorKind::Unreachable,
                    ..
                } = err
                {
                    return Err(err);
                }
                return Ok(Step::Unavailable(if is_denied(&e) {
                    text!("pf-sim-denied-call")
                } else {
                    text!("pf-sim-unavailable", why = err.text())
                }));
            }
        };
        let Some(eval) = result
            .evaluation_results()
            .iter()
            .find(|r| r.eval_action_name().eq_ignore_ascii_case(p.action))
        else {
            return Ok(Step::Unavailable(text!(
                "pf-sim-no-result",
                action = p.action
            )));
        };
        let by_scp = eval
            .organizations_decision_detail()
            .is_some_and(|d| !d.allowed_by_organizations());
        let by_boundary = eval
            .permissions_boundary_decision_detail()
            .is_some_and(|d| !d.allowed_by_permissions_boundary());
        let statements: Vec<&str> = eval
            .matched_statements()
            .iter()
            .filter_map(|s| s.source_policy_id())
            .collect();
        // The statements that decided, or "none" (the catalog then names none).
        let by = if statements.is_empty() {
            "none".to_owned()
        } else {
            statements.join(", ")
        };
        let (decision, detail) = match eval.eval_decision() {
            PolicyEvaluationDecisionType::Allowed => {
                (Decision::Allowed, text!("pf-sim-allowed", by = by))
            }
            PolicyEvaluationDecisionType::ExplicitDeny => (
                Decision::Denied,
                if by_scp {
                    text!("pf-sim-denied-scp")
                } else {
                    text!("pf-sim-denied", by = by)
                },
            ),
            _ => (
                Decision::Denied,
                if by_scp {
                    text!("pf-sim-not-allowed-scp")
                } else if by_boundary {
                    text!("pf-sim-boundary")
                } else {
                    text!("pf-sim-implicit")
                },
            ),
        };
        out.push(decided(
            p.action,
            decision,
            DecisionSource::Simulation,
            detail,
            vec![],
        ));
    }
    Ok(Step::Decided(out))
}

fn last_segment(arn: &str) -> &str {
    arn.rsplit('/').next().unwrap_or(arn)
}

/// Every identity policy of the principal. `Err` says which call failed.
async fn identity_policies(
    iam: &aws_sdk_iam::Client,
    identity: &Identity,
) -> Result<Vec<Policy>, Text> {
    fn fail<E: ProvideErrorMetadata>(call: &str, e: &SdkError<E, HttpResponse>) -> Text {
        let why = if is_denied(e) {
            "AccessDenied"
        } else {
            e.code().unwrap_or("no answer")
        };
        text!("pf-policies-failed", call = call, why = why)
    }
    // Every page of a List call.
    macro_rules! all {
        ($request:expr, $call:literal) => {
            $request
                .into_paginator()
                .items()
                .send()
                .collect::<Result<Vec<_>, _>>()
                .await
                .map_err(|e| fail($call, &e))?
        };
    }
    // An inline policy's document, parsed under `$label`.
    macro_rules! inline {
        ($request:expr, $call:literal, $label:expr) => {{
            let label = $label;
            let out = $request.send().await.map_err(|e| fail($call, &e))?;
            Policy::parse(label.clone(), out.policy_document())
                .map_err(|e| text!("pf-policy-unreadable", policy = label, why = e))?
        }};
    }
    let name = last_segment(&identity.principal_arn).to_owned();
    let mut policies = Vec::new();
    let mut managed: Vec<String> = Vec::new();
    let arns = |list: Vec<aws_sdk_iam::types::AttachedPolicy>| {
        list.into_iter()
            .filter_map(|p| p.policy_arn)
            .collect::<Vec<_>>()
    };
    if identity.principal_kind == PrincipalKind::User {
        managed.extend(arns(all!(
            iam.list_attached_user_policies().user_name(&name),
            "iam:ListAttachedUserPolicies"
        )));
        for p in all!(
            iam.list_user_policies().user_name(&name),
            "iam:ListUserPolicies"
        ) {
            policies.push(inline!(
                iam.get_user_policy().user_name(&name).policy_name(&p),
                "iam:GetUserPolicy",
                p.clone()
            ));
        }
        for g in all!(
            iam.list_groups_for_user().user_name(&name),
            "iam:ListGroupsForUser"
        ) {
            let group = g.group_name().to_owned();
            managed.extend(arns(all!(
                iam.list_attached_group_policies().group_name(&group),
                "iam:ListAttachedGroupPolicies"
            )));
            for p in all!(
                iam.list_group_policies().group_name(&group),
                "iam:ListGroupPolicies"
            ) {
                policies.push(inline!(
                    iam.get_group_policy().group_name(&group).policy_name(&p),
                    "iam:GetGroupPolicy",
                    format!("{group}/{p}")
                ));
            }
        }
    } else {
        managed.extend(arns(all!(
            iam.list_attached_role_policies().role_name(&name),
            "iam:ListAttachedRolePolicies"
        )));
        for p in all!(
            iam.list_role_policies().role_name(&name),
            "iam:ListRolePolicies"
        ) {
            policies.push(inline!(
                iam.get_role_policy().role_name(&name).policy_name(&p),
                "iam:GetRolePolicy",
                p.clone()
            ));
        }
    }
    managed.sort();
    managed.dedup();
    for arn in managed {
        let p = iam
            .get_policy()
            .policy_arn(&arn)
            .send()
            .await
            .map_err(|e| fail("iam:GetPolicy", &e))?;
        let version = p
            .policy()
            .and_then(|p| p.default_version_id())
            .unwrap_or("v1")
            .to_owned();
        let v = iam
            .get_policy_version()
            .policy_arn(&arn)
            .version_id(&version)
            .send()
            .await
            .map_err(|e| fail("iam:GetPolicyVersion", &e))?;
        let doc = v
            .policy_version()
            .and_then(|v| v.document())
            .unwrap_or_default();
        policies.push(
            Policy::parse(last_segment(&arn).to_owned(), doc)
                .map_err(|e| text!("pf-policy-unreadable", policy = &arn, why = e))?,
        );
    }
    Ok(policies)
}

async fn probe_template_summary(
    aws: &Aws,
    cfn: &aws_sdk_cloudformation::Client,
    settings: &VendorSettings,
) -> Result<(Decision, Text), CoreError> {
    // The published template, as the console will read it; when that URL cannot
    // be fetched (a ValidationError), the copy shipped in the app.
    let mut answer = cfn
        .get_template_summary()
        .template_url(&settings.template_url)
        .send()
        .await;
    let mut what = "published";
    if matches!(&answer, Err(e) if e.code() == Some("ValidationError")) {
        answer = cfn
            .get_template_summary()
            .template_body(TEMPLATE)
            .send()
            .await;
        what = "shipped";
    }
    match answer {
        Ok(_) => Ok((
            Decision::Allowed,
            text!("pf-probe-template-ok", template = what),
        )),
        Err(e) if is_denied(&e) => Ok((
            Decision::Denied,
            text!("pf-probe-template-denied", template = what),
        )),
        Err(e) => match sdk_error(aws, "cloudformation:GetTemplateSummary", &e) {
            err @ CoreError::Aws {
                kind: AwsErrorKind::Credentials | AwsErrorKind::Unreachable,
                ..
            } => Err(err),
            other => Ok((
                Decision::NotVerified,
                text!("pf-probe-failed", why = other.text()),
            )),
        },
    }
}

async fn probe_get_role(
    aws: &Aws,
    iam: &aws_sdk_iam::Client,
) -> Result<(Decision, Text), CoreError> {
    // A name no one uses: NoSuchEntity means the call itself was allowed.
    let name = format!(
        "channelops-preflight-probe-{}",
        uuid::Uuid::new_v4().simple()
    );
    match iam.get_role().role_name(&name).send().await {
        Err(e) if e.code() == Some("NoSuchEntity") => {
            Ok((Decision::Allowed, text!("pf-probe-getrole-nosuch")))
        }
        Err(e) if is_denied(&e) => Ok((Decision::Denied, text!("pf-probe-getrole-denied"))),
        Ok(_) => Ok((Decision::Allowed, text!("pf-probe-getrole-ok"))),
        Err(e) => match sdk_error(aws, "iam:GetRole", &e) {
            err @ CoreError::Aws {
                kind: AwsErrorKind::Credentials | AwsErrorKind::Unreachable,
                ..
            } => Err(err),
            other => Ok((
                Decision::NotVerified,
                text!("pf-probe-failed", why = other.text()),
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::identity::OrgRole;

    fn identity(account: &str) -> Identity {
        Identity {
            account: account.into(),
            arn: format!("arn:aws:iam::{account}:user/jane"),
            principal_arn: format!("arn:aws:iam::{account}:user/jane"),
            principal_kind: PrincipalKind::User,
            note: None,
        }
    }

    fn org(role: OrgRole) -> Organization {
        Organization {
            role,
            management_account_id: None,
            detail: Text::raw(format!("{role:?}")),
        }
    }

    fn all(decision: Decision) -> Vec<PermissionCheck> {
        REQUIRED_ACTIONS
            .iter()
            .map(|a| {
                decided(
                    a,
                    decision,
                    DecisionSource::Simulation,
                    text!("pf-sim-implicit"),
                    vec![],
                )
            })
            .collect()
    }

    #[test]
    fn ready_needs_the_right_account_no_member_account_and_every_action() {
        let ok = assemble(
            identity("111"),
            org(OrgRole::Management),
            all(Decision::Allowed),
            "111",
        );
        assert!(ok.ready && ok.account_matches && ok.blockers.is_empty());
        assert_eq!(ok.management_account, Some(true));

        let standalone = assemble(
            identity("111"),
            org(OrgRole::Standalone),
            all(Decision::Allowed),
            " 111 ",
        );
        assert!(standalone.ready, "a standalone account pays its own bill");
        assert_eq!(standalone.management_account, Some(false));

        let wrong = assemble(
            identity("111"),
            org(OrgRole::Unknown),
            all(Decision::Allowed),
            "222",
        );
        assert!(!wrong.ready && !wrong.account_matches);
        assert!(
            wrong.blockers[0].en().contains("account 111")
                && wrong.blockers[0].en().contains("222"),
            "{:?}",
            wrong.blockers
        );
        assert_eq!(wrong.management_account, None);

        let member = assemble(
            identity("111"),
            org(OrgRole::Member),
            all(Decision::Allowed),
            "111",
        );
        assert!(!member.ready);

        let unverified = assemble(
            identity("111"),
            org(OrgRole::Management),
            all(Decision::NotVerified),
            "111",
        );
        assert!(!unverified.ready, "not verified is never ready");
        assert_eq!(unverified.blockers.len(), 7);
    }

    #[test]
    fn resources_name_the_stack_the_role_and_the_vendor_topic() {
        let s = VendorSettings::default();
        assert_eq!(
            resource_for("iam:CreateRole", "111", "aws", &s),
            "arn:aws:iam::111:role/ChannelOpsCurReader"
        );
        assert_eq!(
            resource_for("sns:Publish", "111", "aws", &s),
            s.sns_topic_arn
        );
        assert!(
            resource_for("cloudformation:CreateStack", "111", "aws", &s)
                .contains(":stack/ChannelOpsCurAccess/")
        );
        assert_eq!(
            resource_for("cloudformation:GetTemplateSummary", "111", "aws", &s),
            "*"
        );
    }
}
