//! Tauri commands of Part 3 (the AWS stepper) and of the hand-over files
//! (invitations, diagnostic bundles). Like `commands`: arguments → one call of
//! the application layer → result.

use channelops_core::app::{self, BucketStep, CurListing, ExportedInvitation, Session, StackStep};
use channelops_core::auth::Actor;
use channelops_core::aws::insights::{Insight, InsightKind};
use channelops_core::aws::stack::{StackPhase, StackStatus};
use channelops_core::cur::ValidationResult;
use channelops_core::handover::Activated;
use channelops_core::onboarding::CloudAccount;
use serde::{Deserialize, Serialize};
use tauri::State;
use tauri_specta::Event;

use crate::commands::{path_of, progress_events};
use crate::error::IpcError;

/// The customer's cloud accounts (to resume the stepper where it was left).
#[tauri::command]
#[specta::specta]
pub async fn list_accounts(
    state: State<'_, Session>,
    customer_id: String,
) -> Result<Vec<CloudAccount>, IpcError> {
    Ok(state.accounts(customer_id).await?)
}

/// Part 3: the AWS management account (after the pre-flight passed).
#[tauri::command]
#[specta::specta]
pub async fn add_account(
    state: State<'_, Session>,
    customer_id: String,
    aws_account_id: String,
) -> Result<CloudAccount, IpcError> {
    Ok(state.add_account(customer_id, aws_account_id).await?)
}

/// The bucket step: name rules, region (us-east-1), list and read; recorded when it passes.
#[tauri::command]
#[specta::specta]
pub async fn check_bucket(
    state: State<'_, Session>,
    profile: Option<String>,
    account_id: String,
    bucket: String,
    prefix: String,
) -> Result<BucketStep, IpcError> {
    Ok(state
        .check_bucket(profile, account_id, bucket, prefix)
        .await?)
}

/// The CloudFormation quick-create link for the account (external ID and bucket filled in).
#[tauri::command]
#[specta::specta]
pub async fn stack_link(state: State<'_, Session>, account_id: String) -> Result<String, IpcError> {
    Ok(state.stack_link(account_id).await?)
}

/// Opens an AWS console link in the browser, or a `mailto:` link in the mail app.
#[tauri::command]
#[specta::specta]
pub async fn open_link(url: String) -> Result<(), IpcError> {
    Ok(app::open_link(&url)?)
}

/// Each status change of the stack being watched.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, Event)]
pub struct StackProgress {
    pub status: String,
    pub phase: StackPhase,
}

/// Watches the vendor stack until it is complete or failed (or "Stop watching"),
/// sending each change as an event; a finished stack is recorded with its role.
#[tauri::command]
#[specta::specta]
pub async fn watch_stack(
    app: tauri::AppHandle,
    state: State<'_, Session>,
    profile: Option<String>,
    account_id: String,
) -> Result<StackStep, IpcError> {
    let report = move |s: &StackStatus| {
        let _ = StackProgress {
            status: s.status.clone().unwrap_or_default(),
            phase: s.phase,
        }
        .emit(&app);
    };
    Ok(state.watch_stack(profile, account_id, report).await?)
}

/// Stops watching the stack (the step was left).
#[tauri::command]
#[specta::specta]
pub async fn stop_watching_stack(state: State<'_, Session>) -> Result<(), IpcError> {
    state.stop_watching_stack();
    Ok(())
}

/// The CUR list: validates every report in the account's bucket (progress events,
/// Cancel), records the run, and keeps its diagnostic bundle.
#[tauri::command]
#[specta::specta]
pub async fn list_curs(
    app: tauri::AppHandle,
    state: State<'_, Session>,
    profile: Option<String>,
    account_id: String,
) -> Result<CurListing, IpcError> {
    Ok(state
        .list_curs(profile, account_id, progress_events(app))
        .await?)
}

/// The latest recorded CUR list of the account (shown again when the stepper resumes).
#[tauri::command]
#[specta::specta]
pub async fn latest_curs(
    state: State<'_, Session>,
    account_id: String,
) -> Result<Option<ValidationResult>, IpcError> {
    Ok(state.latest_curs(account_id).await?)
}

/// "Confirm and proceed" with the one chosen CUR.
#[tauri::command]
#[specta::specta]
pub async fn confirm_cur(
    state: State<'_, Session>,
    account_id: String,
    report_name: String,
) -> Result<CloudAccount, IpcError> {
    Ok(state.confirm_cur(account_id, report_name).await?)
}

/// Trusted Advisor, Cost Optimization Hub and Security Hub, as they are now.
#[tauri::command]
#[specta::specta]
pub async fn aws_insights(
    state: State<'_, Session>,
    profile: Option<String>,
) -> Result<Vec<Insight>, IpcError> {
    Ok(state.insights(profile).await?)
}

/// "Complete": the insights chosen, and the account done.
#[tauri::command]
#[specta::specta]
pub async fn complete_account(
    state: State<'_, Session>,
    account_id: String,
    insights: Vec<InsightKind>,
) -> Result<CloudAccount, IpcError> {
    Ok(state.complete_account(account_id, insights).await?)
}

/// A suggested place for an exported file: the Downloads folder and a name.
#[tauri::command]
#[specta::specta]
pub async fn export_path(name: String, suffix: String) -> Result<String, IpcError> {
    Ok(app::export_path(&name, &suffix)?)
}

/// Issues a new invitation (the previous unused code stops working) and saves its file.
#[tauri::command]
#[specta::specta]
pub async fn export_invitation(
    state: State<'_, Session>,
    customer_id: String,
    path: String,
) -> Result<ExportedInvitation, IpcError> {
    let (view, _) = state
        .export_invitation(customer_id, path_of(&path), None)
        .await?;
    Ok(view)
}

/// The customer Admin's first step: the invitation file, its code and a new
/// password; creates the customer's workspace here and signs in.
#[tauri::command]
#[specta::specta]
pub async fn activate_invitation(
    state: State<'_, Session>,
    path: String,
    code: String,
    password: String,
) -> Result<Activated, IpcError> {
    Ok(state
        .activate_invitation(path_of(&path), code, password)
        .await?)
}

/// Activation with a typed code of an invitation this workspace already holds.
#[tauri::command]
#[specta::specta]
pub async fn activate_code(
    state: State<'_, Session>,
    email: String,
    code: String,
    password: String,
) -> Result<Actor, IpcError> {
    Ok(state.activate_code(email, code, password).await?)
}
