//! "Create the stack for me": what the vendor template creates (GetTemplateSummary:
//! resources, capabilities, parameters with the external ID and the bucket), then
//! `CreateStack` from the vendor template URL with the quick-create link's
//! parameters and `CAPABILITY_NAMED_IAM` — for a plan the user confirmed. An
//! existing stack is never replaced; the stack watch follows it afterwards.

use crate::text;
use crate::text::Text;
use serde::{Deserialize, Serialize};

use super::change::{Applied, StepFailure};
use super::errors::sdk_error;
use super::stack::{self, StackPhase};
use super::{Aws, HOME_REGION};
use crate::cloudformation::{self, VendorSettings};
use crate::error::CoreError;

/// One parameter the stack is created with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StackParameter {
    pub key: String,
    pub value: String,
    pub description: String,
}

/// What "create the stack for me" would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StackPlan {
    pub stack_name: String,
    pub template_url: String,
    pub parameters: Vec<StackParameter>,
    /// What the template needs acknowledged (CAPABILITY_NAMED_IAM) and why.
    pub capabilities: Vec<String>,
    pub capabilities_reason: Option<String>,
    /// The resources it creates: "AWS::IAM::Role CurReadRole".
    pub resources: Vec<String>,
    pub steps: Vec<Text>,
    pub refusals: Vec<Text>,
    pub ready: bool,
}

/// What was done: the stack's ID when CloudFormation accepted it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StackStarted {
    pub plan: StackPlan,
    pub stack_id: Option<String>,
    pub applied: Applied,
}

/// The plan, from the template as CloudFormation reads it.
pub async fn plan(
    aws: &Aws,
    settings: &VendorSettings,
    external_id: &str,
    bucket: &str,
) -> Result<StackPlan, CoreError> {
    crate::ids::stack_name(&settings.stack_name)?;
    let cfn = aws.cloudformation();
    let summary = cfn
        .get_template_summary()
        .template_url(&settings.template_url)
        .send()
        .await
        .map_err(|e| sdk_error(aws, "cloudformation:GetTemplateSummary", &e))?;
    let offered = cloudformation::stack_parameters(settings, external_id, bucket);
    let mut refusals = Vec::new();
    let mut parameters = Vec::new();
    for p in summary.parameters() {
        let key = p.parameter_key().unwrap_or_default();
        let description = p.description().unwrap_or_default().to_owned();
        match offered.iter().find(|(k, _)| *k == key) {
            Some((_, value)) => parameters.push(StackParameter {
                key: key.to_owned(),
                value: (*value).to_owned(),
                description,
            }),
            None if p.default_value().is_some() => {}
            None => refusals.push(text!(
                "stack-plan-unknown-parameter",
                url = &settings.template_url,
                key = key
            )),
        }
    }
    let mut capabilities: Vec<String> = summary
        .capabilities()
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    // The vendor's role has a fixed name: the stack is always created with
    // CAPABILITY_NAMED_IAM (as the quick-create page asks the user to tick).
    if !capabilities.iter().any(|c| c == "CAPABILITY_NAMED_IAM") {
        capabilities.push("CAPABILITY_NAMED_IAM".to_owned());
    }
    let mut resources = Vec::new();
    for r in summary.resource_identifier_summaries() {
        for id in r.logical_resource_ids() {
            resources.push(format!("{} {id}", r.resource_type().unwrap_or_default()));
        }
    }
    if resources.is_empty() {
        resources = summary.resource_types().to_vec();
    }
    let name = &settings.stack_name;
    let existing = stack::status(aws, name).await?;
    match existing.phase {
        StackPhase::NotFound => {}
        StackPhase::Failed => refusals.push(text!(
            "stack-plan-failed-exists",
            name = name,
            status = existing.status.as_deref().unwrap_or("failed")
        )),
        _ => refusals.push(text!(
            "stack-plan-exists",
            name = name,
            status = existing.status.as_deref().unwrap_or("exists")
        )),
    }
    let steps = vec![
        text!(
            "stack-plan-create",
            name = name,
            region = HOME_REGION,
            url = &settings.template_url,
            capabilities = capabilities.join(", ")
        ),
        text!("stack-plan-resources", resources = resources.join(", ")),
        text!("stack-plan-follow"),
    ];
    Ok(StackPlan {
        stack_name: name.clone(),
        template_url: settings.template_url.clone(),
        parameters,
        capabilities,
        capabilities_reason: Some(summary.capabilities_reason().map_or_else(
            || "The template creates IAM resources with custom names (the vendor's read-only role).".to_owned(),
            str::to_owned,
        )),
        resources,
        steps,
        ready: refusals.is_empty(),
        refusals,
    })
}

/// Creates the stack of a confirmed plan, if the plan still holds.
pub async fn apply(
    aws: &Aws,
    settings: &VendorSettings,
    external_id: &str,
    bucket: &str,
    confirmed: &StackPlan,
) -> Result<StackStarted, CoreError> {
    use aws_sdk_cloudformation::operation::RequestId;
    use aws_sdk_cloudformation::types::{Capability, Parameter};
    let now = plan(aws, settings, external_id, bucket).await?;
    if !now.ready {
        return Err(CoreError::invalid(
            text!("stack-err-refused", why = text::sentences(&now.refusals)),
            text!("plan-fix-review"),
        ));
    }
    if now.parameters != confirmed.parameters
        || now.template_url != confirmed.template_url
        || now.capabilities != confirmed.capabilities
    {
        return Err(CoreError::invalid(
            text!("stack-err-plan-changed"),
            text!("stack-fix-plan-changed"),
        ));
    }
    let capabilities: Vec<Capability> = now
        .capabilities
        .iter()
        .map(|c| Capability::from(c.as_str()))
        .collect();
    let mut applied = Applied::default();
    let answer = aws
        .cloudformation()
        .create_stack()
        .stack_name(&now.stack_name)
        .template_url(&now.template_url)
        .set_parameters(Some(
            now.parameters
                .iter()
                .map(|p| {
                    Parameter::builder()
                        .parameter_key(&p.key)
                        .parameter_value(&p.value)
                        .build()
                })
                .collect(),
        ))
        .set_capabilities(Some(capabilities))
        .send()
        .await;
    let stack_id = match answer {
        Ok(out) => {
            let id = out.stack_id().map(str::to_owned);
            applied.done(
                "cloudformation:CreateStack",
                id.clone().unwrap_or_else(|| now.stack_name.clone()),
                out.request_id(),
            );
            id
        }
        Err(e) => {
            let err = match e
                .as_service_error()
                .map(|s| s.is_already_exists_exception())
            {
                Some(true) => CoreError::invalid(
                    text!("stack-err-exists", name = &now.stack_name),
                    text!("stack-fix-exists"),
                ),
                _ => sdk_error(aws, "cloudformation:CreateStack", &e),
            };
            applied.failure = Some(StepFailure::from_error("cloudformation:CreateStack", &err));
            None
        }
    };
    Ok(StackStarted {
        plan: now,
        stack_id,
        applied,
    })
}
