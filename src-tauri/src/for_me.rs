//! Tauri commands of "Create the CUR for me" and "Create the stack for me": the
//! plan, then the change of a confirmed plan. Arguments → one call of the
//! application layer → result.

use channelops_core::app::Session;
use channelops_core::aws::create_cur::{CurCreated, CurPlan, CurRequest};
use channelops_core::aws::create_stack::{StackPlan, StackStarted};
use tauri::State;

use crate::error::IpcError;

/// What "Create the CUR for me" would do; nothing is changed.
#[tauri::command]
#[specta::specta]
pub async fn plan_cur(
    state: State<'_, Session>,
    profile: Option<String>,
    request: CurRequest,
) -> Result<CurPlan, IpcError> {
    Ok(state.plan_cur(profile, request).await?)
}

/// Creates what the confirmed plan says (bucket, policy statements, CUR).
#[tauri::command]
#[specta::specta]
pub async fn create_cur(
    state: State<'_, Session>,
    profile: Option<String>,
    plan: CurPlan,
) -> Result<CurCreated, IpcError> {
    Ok(state.create_cur(profile, plan).await?)
}

/// What "Create the stack for me" would do for the account; nothing is changed.
#[tauri::command]
#[specta::specta]
pub async fn plan_stack(
    state: State<'_, Session>,
    profile: Option<String>,
    account_id: String,
) -> Result<StackPlan, IpcError> {
    Ok(state.plan_stack(profile, account_id).await?)
}

/// Creates the stack of the confirmed plan; the stack watch follows it.
#[tauri::command]
#[specta::specta]
pub async fn create_stack(
    state: State<'_, Session>,
    profile: Option<String>,
    account_id: String,
    plan: StackPlan,
) -> Result<StackStarted, IpcError> {
    Ok(state.create_stack(profile, account_id, plan).await?)
}
