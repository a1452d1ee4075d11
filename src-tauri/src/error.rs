//! The one error shape that crosses the IPC boundary.

use channelops_core::text::Text;
use channelops_core::{CoreError, ErrorCode};
use serde::Serialize;

/// `{code, message, remedy, text, remedy_text}`: what every failing command
/// returns to the UI. `code` is stable (see [`ErrorCode`]); `message` and `remedy`
/// are the English sentences, `text` and `remedy_text` the same as ids of the
/// core's catalog with their arguments (the window renders them in its language).
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
    pub remedy: String,
    pub text: Option<Text>,
    pub remedy_text: Option<Text>,
}

impl From<CoreError> for IpcError {
    fn from(err: CoreError) -> Self {
        tracing::warn!(code = err.code().as_str(), "command failed: {err}");
        IpcError {
            code: err.code(),
            message: err.to_string(),
            remedy: err.remedy(),
            text: Some(err.text()),
            remedy_text: Some(err.remedy_text()),
        }
    }
}
