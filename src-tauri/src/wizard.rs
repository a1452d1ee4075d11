//! Tauri commands of Part 3 (the AWS stepper) and of the hand-over files
//! (invitations, diagnostic bundles). Like `commands`: state → core → typed result.
//! AWS calls run on the async runtime; database and file work on the blocking pool.

use std::path::PathBuf;
use std::time::Duration;

use channelops_core::CoreError;
use channelops_core::auth::Actor;
use channelops_core::aws::insights::{Insight, InsightKind};
use channelops_core::aws::s3_source::S3Source;
use channelops_core::aws::{self, bucket::BucketStatus, stack::StackStatus};
use channelops_core::cloudformation::{self, VendorSettings};
use channelops_core::connect;
use channelops_core::cur::{self, CancelToken, ValidationResult};
use channelops_core::handover;
use channelops_core::onboarding::{self, CloudAccount};
use serde::{Deserialize, Serialize};
use tauri::State;
use tauri_specta::Event;

use crate::commands::{AppState, blocking};
use crate::error::IpcError;

/// How often the stack step asks CloudFormation, and for how long at most.
const STACK_POLL: Duration = Duration::from_secs(3);
const STACK_TIMEOUT: Duration = Duration::from_secs(30 * 60);

/// The customer's cloud accounts (to resume the stepper where it was left).
#[tauri::command]
#[specta::specta]
pub async fn list_accounts(
    state: State<'_, AppState>,
    customer_id: String,
) -> Result<Vec<CloudAccount>, IpcError> {
    let (store, actor) = state.signed_in()?;
    blocking(move || onboarding::list_accounts(store.conn(), &actor, &customer_id)).await
}

/// Part 3: the AWS management account (after the pre-flight passed).
#[tauri::command]
#[specta::specta]
pub async fn add_account(
    state: State<'_, AppState>,
    customer_id: String,
    aws_account_id: String,
) -> Result<CloudAccount, IpcError> {
    let (mut store, actor) = state.signed_in()?;
    blocking(move || onboarding::add_account(&mut store, &actor, &customer_id, &aws_account_id))
        .await
}

/// What a step found in AWS and the account as recorded afterwards.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct BucketStep {
    pub status: BucketStatus,
    pub account: CloudAccount,
}

/// The bucket step: name rules, region (us-east-1), list and read; recorded when it passes.
#[tauri::command]
#[specta::specta]
pub async fn check_bucket(
    state: State<'_, AppState>,
    profile: Option<String>,
    account_id: String,
    bucket: String,
    prefix: String,
) -> Result<BucketStep, IpcError> {
    let bucket = bucket.trim().to_owned();
    aws::bucket::check_name(&bucket)?;
    let aws = state.aws(profile).await?;
    let status = aws::bucket::check(&aws, &bucket).await?;
    let (mut store, actor) = state.signed_in()?;
    blocking(move || {
        let account = connect::record_bucket(&mut store, &actor, &account_id, &status, &prefix)?;
        Ok(BucketStep { status, account })
    })
    .await
}

/// The CloudFormation quick-create link for the account (external ID and bucket filled in).
#[tauri::command]
#[specta::specta]
pub async fn stack_link(
    state: State<'_, AppState>,
    account_id: String,
) -> Result<String, IpcError> {
    let (store, actor) = state.signed_in()?;
    blocking(move || connect::stack_link(&store, &actor, &account_id)).await
}

/// Opens an AWS console link in the browser, or a `mailto:` link in the mail app.
#[tauri::command]
#[specta::specta]
pub async fn open_link(url: String) -> Result<(), IpcError> {
    cloudformation::check_link(&url)?;
    open::that_detached(&url)
        .map_err(|e| CoreError::io("open the browser or mail app for", "the link", e))?;
    Ok(())
}

/// Each status change of the stack being watched.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, Event)]
pub struct StackProgress {
    pub status: String,
    pub phase: aws::stack::StackPhase,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct StackStep {
    pub status: StackStatus,
    pub account: CloudAccount,
}

/// Watches the vendor stack until it is complete or failed (or "Stop watching"),
/// sending each change as an event; a complete stack is recorded with its role.
#[tauri::command]
#[specta::specta]
pub async fn watch_stack(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    profile: Option<String>,
    account_id: String,
) -> Result<StackStep, IpcError> {
    let stack_name = {
        let (store, actor) = state.signed_in()?;
        onboarding::visible_account(store.conn(), &actor, &account_id)?;
        VendorSettings::load(&store)?.stack_name
    };
    let cancel = CancelToken::default();
    // One watch at a time: a new one (the step entered again) stops the previous.
    if let Some(previous) = state.stack_cancel.replace(cancel.clone()) {
        previous.cancel();
    }
    let aws = state.aws(profile).await?;
    let report = |s: &StackStatus| {
        let _ = StackProgress {
            status: s.status.clone().unwrap_or_default(),
            phase: s.phase,
        }
        .emit(&app);
    };
    let status = aws::stack::wait(
        &aws,
        &stack_name,
        STACK_POLL,
        STACK_TIMEOUT,
        &report,
        &cancel,
    )
    .await?;
    let (mut store, actor) = state.signed_in()?;
    blocking(move || {
        let account = connect::record_stack(&mut store, &actor, &account_id, &status)?;
        Ok(StackStep { status, account })
    })
    .await
}

/// Stops watching the stack (the step was left).
#[tauri::command]
#[specta::specta]
pub async fn stop_watching_stack(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.stack_cancel.cancel();
    Ok(())
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct CurListing {
    pub result: ValidationResult,
    pub account: CloudAccount,
}

/// The CUR list: validates every report in the account's bucket (progress events,
/// Cancel), records the run, and keeps its diagnostic bundle.
#[tauri::command]
#[specta::specta]
pub async fn list_curs(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    profile: Option<String>,
    account_id: String,
) -> Result<CurListing, IpcError> {
    let account = {
        let (store, actor) = state.signed_in()?;
        onboarding::visible_account(store.conn(), &actor, &account_id)?
    };
    let bucket = connect::bucket_of(&account)?;
    let aws = state.aws(profile).await?;
    let source =
        S3Source::open(&aws, bucket, account.prefix.as_deref().unwrap_or_default()).await?;
    let options = cur::Options {
        account_id: Some(account.aws_account_id.clone()),
        ..Default::default()
    };
    let result = state
        .validate(app, std::sync::Arc::new(source), options)
        .await?;
    let (mut store, actor) = state.signed_in()?;
    blocking(move || {
        let account = connect::record_listing(&mut store, &actor, &account_id, &result)?;
        Ok(CurListing { result, account })
    })
    .await
}

/// The latest recorded CUR list of the account (shown again when the stepper resumes).
#[tauri::command]
#[specta::specta]
pub async fn latest_curs(
    state: State<'_, AppState>,
    account_id: String,
) -> Result<Option<ValidationResult>, IpcError> {
    let (store, actor) = state.signed_in()?;
    blocking(move || {
        let a = onboarding::visible_account(store.conn(), &actor, &account_id)?;
        connect::latest_result(store.conn(), &a.id)
    })
    .await
}

/// "Confirm and proceed" with the one chosen CUR.
#[tauri::command]
#[specta::specta]
pub async fn confirm_cur(
    state: State<'_, AppState>,
    account_id: String,
    report_name: String,
) -> Result<CloudAccount, IpcError> {
    let (mut store, actor) = state.signed_in()?;
    blocking(move || connect::confirm_report(&mut store, &actor, &account_id, &report_name)).await
}

/// Trusted Advisor, Cost Optimization Hub and Security Hub, as they are now.
#[tauri::command]
#[specta::specta]
pub async fn aws_insights(
    state: State<'_, AppState>,
    profile: Option<String>,
) -> Result<Vec<Insight>, IpcError> {
    let aws = state.aws(profile).await?;
    Ok(aws::insights::status(&aws).await?)
}

/// "Complete": the insights chosen, and the account done.
#[tauri::command]
#[specta::specta]
pub async fn complete_account(
    state: State<'_, AppState>,
    account_id: String,
    insights: Vec<InsightKind>,
) -> Result<CloudAccount, IpcError> {
    let (mut store, actor) = state.signed_in()?;
    blocking(move || connect::complete(&mut store, &actor, &account_id, &insights)).await
}

/// A suggested place for an exported file: the Downloads folder and a name.
#[tauri::command]
#[specta::specta]
pub async fn export_path(name: String, suffix: String) -> Result<String, IpcError> {
    let dir = handover::export_dir()?;
    Ok(dir
        .join(handover::file_name(&name, &suffix))
        .to_string_lossy()
        .into_owned())
}

/// What the reseller sees once an invitation is exported: the code (shown once),
/// where the file is, and the welcome message to send.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ExportedInvitation {
    pub email: String,
    pub code: String,
    pub expires_at: String,
    pub path: String,
    pub welcome_text: String,
    pub mailto: String,
}

/// Issues a new invitation (the previous unused code stops working) and saves its file.
#[tauri::command]
#[specta::specta]
pub async fn export_invitation(
    state: State<'_, AppState>,
    customer_id: String,
    path: String,
) -> Result<ExportedInvitation, IpcError> {
    let (mut store, actor) = state.signed_in()?;
    blocking(move || {
        let path = PathBuf::from(path.trim());
        let inv = handover::export_invitation(&mut store, &actor, &customer_id, &path)?;
        Ok(ExportedInvitation {
            email: inv.email,
            code: inv.code,
            expires_at: inv.expires_at,
            path: path.to_string_lossy().into_owned(),
            welcome_text: inv.welcome_text,
            mailto: inv.mailto,
        })
    })
    .await
}

/// The customer Admin's first step: the invitation file, its code and a new
/// password; creates the customer's workspace here and signs in.
#[tauri::command]
#[specta::specta]
pub async fn activate_invitation(
    state: State<'_, AppState>,
    path: String,
    code: String,
    password: String,
) -> Result<Actor, IpcError> {
    let mut store = state.open()?;
    let actor = blocking(move || {
        let bytes = handover::read_file(&PathBuf::from(path.trim()))?;
        handover::activate_invitation(&mut store, &bytes, Some(code.trim()), &password)
    })
    .await?;
    state.set_user(Some(actor.user_id.clone()));
    Ok(actor)
}

/// Activation with a typed code of an invitation this workspace already holds.
#[tauri::command]
#[specta::specta]
pub async fn activate_code(
    state: State<'_, AppState>,
    email: String,
    code: String,
    password: String,
) -> Result<Actor, IpcError> {
    let mut store = state.open()?;
    let actor =
        blocking(move || handover::activate_code(&mut store, &email, code.trim(), &password))
            .await?;
    state.set_user(Some(actor.user_id.clone()));
    Ok(actor)
}

/// Saves the latest validation's diagnostic bundle (result + the bytes it read).
#[tauri::command]
#[specta::specta]
pub async fn export_bundle(state: State<'_, AppState>, path: String) -> Result<(), IpcError> {
    let bundle = state
        .last_bundle
        .lock()
        .ok()
        .and_then(|b| b.clone())
        .ok_or_else(|| {
            CoreError::invalid(
                "there is no validation to export yet",
                "Run a validation first; its diagnostic bundle can then be saved.",
            )
        })?;
    blocking(move || handover::write_file(&PathBuf::from(path.trim()), &bundle)).await
}
