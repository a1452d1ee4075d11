//! The one error shape that crosses the IPC boundary.

use channelops_core::{CoreError, ErrorCode};
use serde::Serialize;

/// `{code, message, remedy}`: what every failing command returns to the UI.
/// `code` is stable (see [`ErrorCode`]); `message` and `remedy` are for people.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
    pub remedy: String,
}

impl From<CoreError> for IpcError {
    fn from(err: CoreError) -> Self {
        tracing::warn!(code = err.code().as_str(), "command failed: {err}");
        IpcError {
            code: err.code(),
            message: err.to_string(),
            remedy: err.remedy(),
        }
    }
}
