//! Tauri commands of the workspace, Parts 1–2 and validation. Each one converts
//! its arguments, calls one function of the application layer
//! (`channelops_core::app`) and converts the result: no rule lives here.

use std::path::PathBuf;

use channelops_core::AppInfo;
use channelops_core::app::{
    self, AddedCustomerView, NewContractInput, NewWorkspaceInput, Session, ValidateRequest,
    WorkspaceStatus,
};
use channelops_core::auth::Actor;
use channelops_core::aws::{self, preflight::Preflight};
use channelops_core::cur::{self, ValidationResult};
use channelops_core::onboarding::{Contract, ContractStatus, NewCustomer, Org};
use channelops_core::overview::CustomerAccount;
use channelops_core::preferences::Language;
use channelops_core::progress::ProgressTable;
use serde::{Deserialize, Serialize};
use tauri::State;
use tauri_specta::Event;

use crate::error::IpcError;

/// Version and data folder of this installation.
#[tauri::command]
#[specta::specta]
pub async fn app_info() -> Result<AppInfo, IpcError> {
    Ok(app::app_info()?)
}

/// Saves the display language in the data folder.
#[tauri::command]
#[specta::specta]
pub async fn set_language(state: State<'_, Session>, language: Language) -> Result<(), IpcError> {
    Ok(state.set_language(language).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn workspace_status(
    app: tauri::AppHandle,
    state: State<'_, Session>,
) -> Result<WorkspaceStatus, IpcError> {
    let status = state.workspace_status().await?;
    // The window says which workspace is open (the UI asks after every change of it).
    crate::desktop::set_title(&app, status.workspace.as_deref());
    Ok(status)
}

/// First run: the distributor's or reseller's workspace and its first Admin (signed in).
#[tauri::command]
#[specta::specta]
pub async fn init_workspace(
    state: State<'_, Session>,
    input: NewWorkspaceInput,
) -> Result<Actor, IpcError> {
    Ok(state.init_workspace(input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn sign_in(
    state: State<'_, Session>,
    email: String,
    password: String,
) -> Result<Actor, IpcError> {
    Ok(state.sign_in(email, password).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn sign_out(state: State<'_, Session>) -> Result<(), IpcError> {
    state.sign_out();
    Ok(())
}

/// Every customer the signed-in user can see, with its onboarding progress (in
/// columns, each message sent once: the window expands it into rows).
#[tauri::command]
#[specta::specta]
pub async fn customer_progress(state: State<'_, Session>) -> Result<ProgressTable, IpcError> {
    Ok(state.progress_table().await?)
}

/// The AWS accounts of every customer the user can see, with their CUR health.
#[tauri::command]
#[specta::specta]
pub async fn customer_accounts(
    state: State<'_, Session>,
) -> Result<Vec<CustomerAccount>, IpcError> {
    Ok(state.customer_accounts().await?)
}

/// Saves the Customers list as shown (these customers, in this order, in the
/// window's language) as CSV.
#[tauri::command]
#[specta::specta]
pub async fn export_customers_csv(
    state: State<'_, Session>,
    ids: Vec<String>,
    path: String,
    language: Language,
) -> Result<u32, IpcError> {
    let count = state
        .export_customers_csv(ids, path_of(&path), language)
        .await?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// The organizations a customer may be added under (resellers, or one's own reseller).
#[tauri::command]
#[specta::specta]
pub async fn customer_parents(state: State<'_, Session>) -> Result<Vec<Org>, IpcError> {
    Ok(state.customer_parents().await?)
}

/// Part 1: add a customer under the chosen reseller.
#[tauri::command]
#[specta::specta]
pub async fn add_customer(
    state: State<'_, Session>,
    input: NewCustomer,
) -> Result<AddedCustomerView, IpcError> {
    Ok(state.add_customer(input, None).await?.into())
}

/// Part 2: assign an active contract.
#[tauri::command]
#[specta::specta]
pub async fn add_contract(
    state: State<'_, Session>,
    input: NewContractInput,
) -> Result<Contract, IpcError> {
    Ok(state.add_contract(input, ContractStatus::Active).await?)
}

/// The AWS profiles of the user's config files, for the profile picker.
#[tauri::command]
#[specta::specta]
pub async fn aws_profiles() -> Result<Vec<aws::ProfileInfo>, IpcError> {
    Ok(app::aws_profiles().await?)
}

/// Who the user is in AWS and whether they hold the seven permissions.
#[tauri::command]
#[specta::specta]
pub async fn aws_preflight(
    state: State<'_, Session>,
    profile: Option<String>,
    account_id: String,
) -> Result<Preflight, IpcError> {
    Ok(state.preflight(profile, account_id).await?)
}

/// Progress of the running validation (files and bytes read): the core's
/// `cur::Progress`, sent as an event.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, specta::Type, Event)]
pub struct ValidationProgress(pub cur::Progress);

/// Sends each progress report of a validation to the window.
pub(crate) fn progress_events(app: tauri::AppHandle) -> impl Fn(cur::Progress) + Send + Sync {
    move |p| {
        let _ = ValidationProgress(p).emit(&app);
    }
}

/// Support mode: validate a local folder, data file or diagnostic bundle. The
/// run's diagnostic bundle is kept for "Export diagnostic bundle".
#[tauri::command]
#[specta::specta]
pub async fn validate_path(
    app: tauri::AppHandle,
    state: State<'_, Session>,
    path: String,
    account_id: Option<String>,
) -> Result<ValidationResult, IpcError> {
    let request = ValidateRequest {
        path,
        account_id,
        ..Default::default()
    };
    Ok(state.validate(request, progress_events(app)).await?)
}

/// Stops the running validation.
#[tauri::command]
#[specta::specta]
pub async fn cancel_validation(state: State<'_, Session>) -> Result<(), IpcError> {
    state.cancel_validation();
    Ok(())
}

/// A path typed or picked in the window.
pub(crate) fn path_of(path: &str) -> PathBuf {
    PathBuf::from(path.trim())
}
