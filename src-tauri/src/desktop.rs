//! Desktop manners: the hand-over file the app was opened with (or handed by a
//! second launch on the same data folder), the logs folder, the import preview
//! of an onboarding report, and the window title. Each command converts its
//! arguments, calls the application layer and converts the result.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use channelops_core::app::{self, OpenedFile, Session};
use channelops_core::handover::ImportedReport;
use serde::Serialize;
use tauri::{AppHandle, Manager, State};
use tauri_specta::Event;

use crate::error::IpcError;

/// The file given on the command line at start, until the window asks for it
/// (read then, not on start-up: a second launch hands it over unread).
#[derive(Default)]
pub struct PendingFile(pub Mutex<Option<PathBuf>>);

/// A hand-over file to show, handed over by a second launch of the app.
#[derive(Debug, Clone, Serialize, specta::Type, tauri_specta::Event)]
pub struct FileOpened(pub OpenedFile);

/// The file this app was started with (a double-click), once: later calls get none.
#[tauri::command]
#[specta::specta]
pub async fn opened_file(state: State<'_, PendingFile>) -> Result<Option<OpenedFile>, IpcError> {
    let path = state.0.lock().ok().and_then(|mut f| f.take());
    Ok(path.map(|p| app::open_file(&p)))
}

/// Which hand-over file was dropped on the window (read, bounded, from its format).
#[tauri::command]
#[specta::specta]
pub async fn dropped_file(path: String) -> Result<OpenedFile, IpcError> {
    Ok(app::open_file(&crate::commands::path_of(&path)))
}

/// Saves a customer's signed onboarding report (the customer's "Save as…" in Assets).
#[tauri::command]
#[specta::specta]
pub async fn export_report(
    state: State<'_, Session>,
    customer_id: String,
    path: String,
) -> Result<(), IpcError> {
    Ok(state
        .export_report(customer_id, crate::commands::path_of(&path))
        .await?)
}

/// A second copy of the app was started on this data folder: it has exited, and
/// its file (if any) is shown here, in the first window, brought to the front.
pub fn second_launch(app: &AppHandle, argv: Vec<String>, cwd: String) {
    tracing::info!("a second launch handed over to this window");
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    if let Some(path) = app::file_argument(argv.into_iter().map(Into::into), Path::new(&cwd)) {
        let _ = FileOpened(app::open_file(&path)).emit(app);
    }
}

/// Opens the log folder in the file manager; returns where it is.
#[tauri::command]
#[specta::specta]
pub async fn open_logs_folder() -> Result<String, IpcError> {
    Ok(app::open_logs_folder()?)
}

/// Saves the latest validation's diagnostic bundle, with the end of the log when asked.
#[tauri::command]
#[specta::specta]
pub async fn export_bundle(
    state: State<'_, Session>,
    path: String,
    with_log: bool,
) -> Result<(), IpcError> {
    Ok(state
        .export_bundle(crate::commands::path_of(&path), with_log)
        .await?)
}

/// What importing a customer's onboarding report would change, nothing written.
#[tauri::command]
#[specta::specta]
pub async fn preview_report(
    state: State<'_, Session>,
    path: String,
) -> Result<ImportedReport, IpcError> {
    Ok(state
        .preview_report(crate::commands::path_of(&path))
        .await?)
}

/// Imports a customer's onboarding report.
#[tauri::command]
#[specta::specta]
pub async fn import_report(
    state: State<'_, Session>,
    path: String,
) -> Result<ImportedReport, IpcError> {
    Ok(state.import_report(crate::commands::path_of(&path)).await?)
}

/// The window title: the open workspace's name, then the product's.
pub fn set_title(app: &AppHandle, workspace: Option<&str>) {
    let title = match workspace {
        Some(name) => format!("{name} — {}", channelops_core::PRODUCT_NAME),
        None => channelops_core::PRODUCT_NAME.to_owned(),
    };
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&title);
    }
}
