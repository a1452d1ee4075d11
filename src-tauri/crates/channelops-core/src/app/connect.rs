//! Part 3, the AWS stepper, step by step: each step's AWS work, then what it
//! found recorded by [`crate::connect`] (forward only). The visibility of the
//! account is checked before anything is asked of AWS.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;

use super::Session;
use crate::aws::bucket::{self, BucketStatus};
use crate::aws::cur_overview::{self, CurEntry, CurOverview};
use crate::aws::insights::{self, Insight, InsightKind};
use crate::aws::preflight::{self, Preflight};
use crate::aws::s3_source::S3Source;
use crate::aws::stack::{self, StackStatus};
use crate::aws::{self, Aws, ProfileInfo};
use crate::cloudformation::{self, VendorSettings};
use crate::connect;
use crate::cur::{self, Progress, ValidationResult};
use crate::error::CoreError;
use crate::ids::aws_account_id;
use crate::onboarding::{self, CloudAccount};

/// How often the stack watch asks CloudFormation, and for how long at most: one
/// policy for the window and the CLI.
pub const STACK_POLL: Duration = Duration::from_secs(3);
pub const STACK_TIMEOUT: Duration = Duration::from_secs(30 * 60);

/// What the bucket step found in AWS and the account as recorded afterwards.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BucketStep {
    pub status: BucketStatus,
    pub account: CloudAccount,
}

/// What the stack watch ended on and the account as recorded afterwards.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StackStep {
    pub status: StackStatus,
    pub account: CloudAccount,
}

/// The judged CUR list of the account's bucket and the account afterwards.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CurListing {
    pub result: ValidationResult,
    /// What AWS said of the account's CUR definitions, exports and the bucket's
    /// delivery check (absent when a local copy was judged).
    pub overview: Option<CurOverview>,
    /// Definitions and files as one list, merged by report name and prefix.
    pub entries: Vec<CurEntry>,
    pub account: CloudAccount,
}

/// The AWS profiles of the user's config files, for the profile picker.
pub async fn aws_profiles() -> Result<Vec<ProfileInfo>, CoreError> {
    aws::profiles().await
}

/// Opens an AWS console link in the browser, or a `mailto:` link in the mail
/// app — nothing else (see [`cloudformation::check_link`]).
pub fn open_link(url: &str) -> Result<(), CoreError> {
    cloudformation::check_link(url)?;
    open::that_detached(url)
        .map_err(|e| CoreError::io("open the browser or mail app for", "the link", e))
}

impl Session {
    /// An AWS session and the workspace's vendor settings (the defaults when there
    /// is no workspace), the store opened once for both.
    pub(super) async fn aws_and_vendor(
        &self,
        profile: Option<String>,
    ) -> Result<(Aws, VendorSettings), CoreError> {
        let (options, vendor) = {
            let store = self.existing_store().await?;
            let vendor = match &store {
                Some(store) => VendorSettings::load(store)?,
                None => VendorSettings::default(),
            };
            (self.aws_options(profile, store.as_ref())?, vendor)
        };
        Ok((Aws::connect(&options).await?, vendor))
    }

    /// The cloud account `account` (ID or AWS account ID) if the signed-in user may
    /// take it through Part 3 — asked before anything is asked of AWS.
    pub(super) async fn changeable(&self, account: String) -> Result<CloudAccount, CoreError> {
        self.as_actor(move |store, actor| {
            connect::changeable_account(store.conn(), actor, &account)
        })
        .await
    }

    /// Who the user is in AWS and whether they hold the seven permissions.
    pub async fn preflight(
        &self,
        profile: Option<String>,
        account_id: String,
    ) -> Result<Preflight, CoreError> {
        let account_id = aws_account_id(&account_id)?;
        let (aws, vendor) = self.aws_and_vendor(profile).await?;
        preflight::preflight(&aws, &account_id, &vendor).await
    }

    /// A customer's cloud accounts (to resume the stepper where it was left).
    pub async fn accounts(&self, customer: String) -> Result<Vec<CloudAccount>, CoreError> {
        self.as_actor(move |store, actor| {
            let id = super::customers::customer_id(store, &customer)?;
            onboarding::list_accounts(store.conn(), actor, &id)
        })
        .await
    }

    /// Part 3: the AWS management account (after the pre-flight passed).
    pub async fn add_account(
        &self,
        customer: String,
        aws_account_id: String,
    ) -> Result<CloudAccount, CoreError> {
        self.as_actor(move |store, actor| {
            let id = super::customers::customer_id(store, &customer)?;
            onboarding::add_account(store, actor, &id, &aws_account_id)
        })
        .await
    }

    /// A bucket's name, region (us-east-1), listing and reading, with no workspace.
    pub async fn check_bucket_only(
        &self,
        profile: Option<String>,
        bucket: String,
    ) -> Result<BucketStatus, CoreError> {
        let bucket = bucket.trim().to_owned();
        bucket::check_name(&bucket)?;
        bucket::check(&self.aws(profile).await?, &bucket).await
    }

    /// The bucket step: the checks, recorded on the account when they pass.
    pub async fn check_bucket(
        &self,
        profile: Option<String>,
        account: String,
        bucket: String,
        prefix: String,
    ) -> Result<BucketStep, CoreError> {
        let id = self.changeable(account).await?.id;
        let status = self.check_bucket_only(profile, bucket).await?;
        self.as_actor(move |store, actor| {
            let account = connect::record_bucket(store, actor, &id, &status, &prefix)?;
            Ok(BucketStep { status, account })
        })
        .await
    }

    /// The CloudFormation quick-create link for the account (external ID and bucket filled in).
    pub async fn stack_link(&self, account: String) -> Result<String, CoreError> {
        self.as_actor(move |store, actor| connect::stack_link(store, actor, &account))
            .await
    }

    /// The stack's status now, or (with `wait`) once it is complete or failed,
    /// reporting each change; no workspace needed. The stack name is the
    /// workspace's setting unless given.
    pub async fn stack_status(
        &self,
        profile: Option<String>,
        stack_name: Option<String>,
        wait: bool,
        on_change: impl Fn(&StackStatus) + Send + Sync,
    ) -> Result<StackStatus, CoreError> {
        let (aws, vendor) = self.aws_and_vendor(profile).await?;
        let name = stack_name
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(vendor.stack_name);
        if !wait {
            let s = stack::status(&aws, &name).await?;
            on_change(&s);
            return Ok(s);
        }
        let cancel = self.stack_watch.start();
        stack::wait(&aws, &name, STACK_POLL, STACK_TIMEOUT, &on_change, &cancel).await
    }

    /// The stack step: watches the vendor stack until it is complete or failed
    /// (or "Stop watching"), reporting each change; a finished stack is recorded
    /// with its role.
    pub async fn watch_stack(
        &self,
        profile: Option<String>,
        account: String,
        on_change: impl Fn(&StackStatus) + Send + Sync,
    ) -> Result<StackStep, CoreError> {
        let id = self.changeable(account).await?.id;
        let status = self.stack_status(profile, None, true, on_change).await?;
        self.as_actor(move |store, actor| {
            let account = connect::record_stack(store, actor, &id, &status)?;
            Ok(StackStep { status, account })
        })
        .await
    }

    /// Stops watching the stack (the step was left).
    pub fn stop_watching_stack(&self) {
        self.stack_watch.cancel();
    }

    /// The CUR list: validates every report in the account's bucket (progress,
    /// Cancel) and records the run; the run's bundle is kept for export.
    pub async fn list_curs(
        &self,
        profile: Option<String>,
        account: String,
        on_progress: impl Fn(Progress) + Send + Sync + 'static,
    ) -> Result<CurListing, CoreError> {
        let account = self.changeable(account).await?;
        let bucket = connect::bucket_of(&account)?.to_owned();
        let prefix = account.prefix.clone().unwrap_or_default();
        let aws = self.aws(profile).await?;
        // AWS's word first (a few quick calls): a right definition waiting for its
        // first delivery is known even when the bucket is still empty.
        let overview = cur_overview::overview(&aws, Some(&bucket), &prefix).await?;
        let source = S3Source::open(&aws, &bucket, &prefix).await?;
        self.record_curs(account, Arc::new(source), Some(overview), on_progress)
            .await
    }

    /// What AWS says of the account's CURs: every legacy CUR definition judged
    /// (for `bucket`, when given), the Data Exports that are not legacy CURs, and
    /// the bucket's readiness for delivery. No workspace needed.
    pub async fn cur_definitions(
        &self,
        profile: Option<String>,
        bucket: Option<String>,
        prefix: String,
    ) -> Result<CurOverview, CoreError> {
        let bucket = bucket
            .map(|b| b.trim().to_owned())
            .filter(|b| !b.is_empty());
        if let Some(b) = &bucket {
            bucket::check_name(b)?;
        }
        let aws = self.aws(profile).await?;
        cur_overview::overview(&aws, bucket.as_deref(), &prefix).await
    }

    /// The CUR list judged from a local copy of the account's bucket (or a bundle,
    /// or `s3://`), recorded as [`Session::list_curs`] records it.
    pub async fn list_curs_from(
        &self,
        account: String,
        path: PathBuf,
        on_progress: impl Fn(Progress) + Send + Sync + 'static,
    ) -> Result<CurListing, CoreError> {
        let account = self.changeable(account).await?;
        let source = self.open_source(&path.to_string_lossy()).await?;
        self.record_curs(account, source, None, on_progress).await
    }

    async fn record_curs(
        &self,
        account: CloudAccount,
        source: Arc<dyn cur::Source>,
        overview: Option<CurOverview>,
        on_progress: impl Fn(Progress) + Send + Sync + 'static,
    ) -> Result<CurListing, CoreError> {
        let options = cur::Options {
            account_id: Some(account.aws_account_id.clone()),
            ..Default::default()
        };
        let result = self
            .run_validation(source, options, false, on_progress)
            .await?;
        self.as_actor(move |store, actor| {
            let account =
                connect::record_listing(store, actor, &account.id, &result, overview.as_ref())?;
            let entries = cur_overview::merge(overview.as_ref(), &result);
            Ok(CurListing {
                result,
                overview,
                entries,
                account,
            })
        })
        .await
    }

    /// The latest recorded CUR list of the account (shown when the stepper resumes).
    pub async fn latest_curs(
        &self,
        account: String,
    ) -> Result<Option<ValidationResult>, CoreError> {
        self.as_actor(move |store, actor| {
            let a = onboarding::visible_account(store.conn(), actor, &account)?;
            connect::latest_result(store.conn(), &a.id)
        })
        .await
    }

    /// "Confirm and proceed" with the one chosen CUR.
    pub async fn confirm_cur(
        &self,
        account: String,
        report_name: String,
    ) -> Result<CloudAccount, CoreError> {
        self.as_actor(move |store, actor| {
            connect::confirm_report(store, actor, &account, &report_name)
        })
        .await
    }

    /// Trusted Advisor, Cost Optimization Hub and Security Hub, as they are now.
    pub async fn insights(&self, profile: Option<String>) -> Result<Vec<Insight>, CoreError> {
        insights::status(&self.aws(profile).await?).await
    }

    /// "Complete" (or "Link new account"): the insights chosen, and the account done.
    pub async fn complete_account(
        &self,
        account: String,
        insights: Vec<InsightKind>,
    ) -> Result<CloudAccount, CoreError> {
        self.as_actor(move |store, actor| connect::complete(store, actor, &account, &insights))
            .await
    }
}
