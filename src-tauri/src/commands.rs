//! Tauri commands: each one is state → core function → typed result, nothing more.
//! Commands are `async` so that they run off the UI thread.

use channelops_core::AppInfo;

use crate::error::IpcError;

/// Version and data folder of this installation.
#[tauri::command]
#[specta::specta]
pub async fn app_info() -> Result<AppInfo, IpcError> {
    Ok(channelops_core::app_info()?)
}
