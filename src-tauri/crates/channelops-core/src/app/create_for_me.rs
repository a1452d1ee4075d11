//! "Create the CUR for me" and "Create the stack for me": each shows its plan
//! first and changes AWS only for a plan the user confirmed; every change is
//! audited with AWS's request ID. The user must be signed in (the audit needs
//! who); the stack also needs a cloud account the user may take through Part 3.

use super::Session;
use crate::aws::change::Applied;
use crate::aws::create_cur::{self, CurCreated, CurPlan, CurRequest};
use crate::aws::create_stack::{self, StackPlan, StackStarted};
use crate::connect;
use crate::error::CoreError;
use crate::onboarding::audit;

/// Writes each change (and a failure) to the audit log.
fn audit_applied(
    store: &mut crate::store::Store,
    actor: &crate::auth::Actor,
    what: &str,
    applied: &Applied,
) -> Result<(), CoreError> {
    store.write(|tx| {
        for c in &applied.changes {
            let detail = format!("request {}", c.request_id.as_deref().unwrap_or("unknown"));
            audit(
                tx,
                &actor.email,
                &format!("aws.{}", c.action),
                &c.target,
                &detail,
            )?;
        }
        if let Some(f) = &applied.failure {
            audit(
                tx,
                &actor.email,
                &format!("aws.{}.failed", f.action),
                what,
                &f.message.en(),
            )?;
        }
        Ok(())
    })
}

impl Session {
    /// The plan of "Create the CUR for me": nothing is changed.
    pub async fn plan_cur(
        &self,
        profile: Option<String>,
        request: CurRequest,
    ) -> Result<CurPlan, CoreError> {
        create_cur::plan(&self.aws(profile).await?, request).await
    }

    /// Creates what the confirmed plan says (if it still holds), audits each
    /// change, then asks AWS about the CUR and bucket again.
    pub async fn create_cur(
        &self,
        profile: Option<String>,
        confirmed: CurPlan,
    ) -> Result<CurCreated, CoreError> {
        // Who will be audited, before anything is changed.
        self.as_actor(|_, _| Ok(())).await?;
        let created = create_cur::apply(&self.aws(profile).await?, &confirmed).await?;
        let (what, applied) = (
            format!(
                "s3://{}/{}",
                created.plan.request.bucket, created.plan.request.name
            ),
            created.applied.clone(),
        );
        self.as_actor(move |store, actor| audit_applied(store, actor, &what, &applied))
            .await?;
        Ok(created)
    }

    /// The plan of "Create the stack for me" for a cloud account (its external ID
    /// and bucket): nothing is changed.
    pub async fn plan_stack(
        &self,
        profile: Option<String>,
        account: String,
    ) -> Result<StackPlan, CoreError> {
        let (external_id, bucket, aws, vendor) = self.stack_inputs(profile, account).await?;
        create_stack::plan(&aws, &vendor, &external_id, &bucket).await
    }

    /// Creates the stack of the confirmed plan (if it still holds) and audits it;
    /// the stack watch follows it from there.
    pub async fn create_stack(
        &self,
        profile: Option<String>,
        account: String,
        confirmed: StackPlan,
    ) -> Result<StackStarted, CoreError> {
        let (external_id, bucket, aws, vendor) = self.stack_inputs(profile, account).await?;
        let started = create_stack::apply(&aws, &vendor, &external_id, &bucket, &confirmed).await?;
        let (what, applied) = (started.plan.stack_name.clone(), started.applied.clone());
        self.as_actor(move |store, actor| audit_applied(store, actor, &what, &applied))
            .await?;
        Ok(started)
    }

    async fn stack_inputs(
        &self,
        profile: Option<String>,
        account: String,
    ) -> Result<
        (
            String,
            String,
            crate::aws::Aws,
            crate::cloudformation::VendorSettings,
        ),
        CoreError,
    > {
        let account = self.changeable(account).await?;
        let bucket = connect::bucket_of(&account)?.to_owned();
        let (aws, vendor) = self.aws_and_vendor(profile).await?;
        Ok((account.external_id, bucket, aws, vendor))
    }
}
