//! The one error type of the core.
//!
//! Every variant carries what the user needs: a message saying what went wrong and a
//! remedy saying what to do about it. [`ErrorCode`] is the stable, machine-readable
//! identity of a failure; the UI and scripts branch on it, never on the message text.

use std::path::PathBuf;

use serde::Serialize;

use crate::text;
use crate::text::Text;

/// The kind of an I/O failure, as the catalog words it (`error-io`).
fn io_kind(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::NotFound => "not-found",
        std::io::ErrorKind::PermissionDenied => "denied",
        std::io::ErrorKind::AlreadyExists => "exists",
        _ => "other",
    }
}

/// Stable identifiers for every kind of failure. Never rename a variant: the
/// serialized form (`snake_case`) is part of the IPC and CLI contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// No home/data directory could be determined for this user.
    DataDirUnknown,
    /// A file or folder could not be read or written.
    Io,
    /// The input given by the user is not acceptable.
    InvalidInput,
    /// The user cancelled a long operation.
    Cancelled,
    /// The local database failed.
    Database,
    /// The database was written by a newer version of the app.
    SchemaTooNew,
    /// The signed-in user may not do this.
    NotAllowed,
    /// Sign-in failed or is needed.
    NotSignedIn,
    /// The thing referred to does not exist.
    NotFound,
    /// The action conflicts with the current state.
    Conflict,
    /// A hand-over file is tampered, expired, reused or malformed.
    InvalidFile,
    /// AWS credentials are missing, expired or invalid (an SSO session to renew…).
    AwsCredentials,
    /// AWS refused an action to these credentials.
    AwsAccessDenied,
    /// The AWS resource (bucket, stack, role…) does not exist.
    AwsNotFound,
    /// AWS (or the configured endpoint) could not be reached.
    AwsUnreachable,
    /// Any other failure answered by AWS.
    Aws,
}

impl ErrorCode {
    /// The serialized form, as it appears in JSON and over IPC.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::DataDirUnknown => "data_dir_unknown",
            ErrorCode::Io => "io",
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::Cancelled => "cancelled",
            ErrorCode::Database => "database",
            ErrorCode::SchemaTooNew => "schema_too_new",
            ErrorCode::NotAllowed => "not_allowed",
            ErrorCode::NotSignedIn => "not_signed_in",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Conflict => "conflict",
            ErrorCode::InvalidFile => "invalid_file",
            ErrorCode::AwsCredentials => "aws_credentials",
            ErrorCode::AwsAccessDenied => "aws_access_denied",
            ErrorCode::AwsNotFound => "aws_not_found",
            ErrorCode::AwsUnreachable => "aws_unreachable",
            ErrorCode::Aws => "aws",
        }
    }
}

/// What kind of AWS failure this is (the error code the UI and scripts branch on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AwsErrorKind {
    /// No credentials, expired or invalid credentials, an expired SSO session.
    Credentials,
    /// The credentials work but the action is not allowed.
    AccessDenied,
    /// The bucket, stack, role… does not exist.
    NotFound,
    /// AWS (or the endpoint) could not be reached.
    Unreachable,
    /// Any other answer from AWS.
    Service,
}

/// Errors of the core library. `Display` is the user-facing message;
/// [`CoreError::remedy`] says what to do.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("{}", self.text())]
    DataDirUnknown,

    #[error("{}", self.text())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{message}")]
    InvalidInput { message: Text, remedy: Text },

    #[error("{}", self.text())]
    Cancelled,

    #[error("{}", self.text())]
    Database(#[from] rusqlite::Error),

    #[error("{}", self.text())]
    SchemaTooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error("{message}")]
    NotAllowed { message: Text, remedy: Text },

    #[error("{message}")]
    NotSignedIn { message: Text, remedy: Text },

    #[error("{}", self.text())]
    NotFound { what: Text },

    #[error("{message}")]
    Conflict { message: Text, remedy: Text },

    #[error("{message}")]
    InvalidFile { message: Text, remedy: Text },

    #[error("{message}")]
    Aws {
        kind: AwsErrorKind,
        message: Text,
        remedy: Text,
    },
}

impl CoreError {
    /// The stable code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::DataDirUnknown => ErrorCode::DataDirUnknown,
            CoreError::Io { .. } => ErrorCode::Io,
            CoreError::InvalidInput { .. } => ErrorCode::InvalidInput,
            CoreError::Cancelled => ErrorCode::Cancelled,
            CoreError::Database(_) => ErrorCode::Database,
            CoreError::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            CoreError::NotAllowed { .. } => ErrorCode::NotAllowed,
            CoreError::NotSignedIn { .. } => ErrorCode::NotSignedIn,
            CoreError::NotFound { .. } => ErrorCode::NotFound,
            CoreError::Conflict { .. } => ErrorCode::Conflict,
            CoreError::InvalidFile { .. } => ErrorCode::InvalidFile,
            CoreError::Aws { kind, .. } => match kind {
                AwsErrorKind::Credentials => ErrorCode::AwsCredentials,
                AwsErrorKind::AccessDenied => ErrorCode::AwsAccessDenied,
                AwsErrorKind::NotFound => ErrorCode::AwsNotFound,
                AwsErrorKind::Unreachable => ErrorCode::AwsUnreachable,
                AwsErrorKind::Service => ErrorCode::Aws,
            },
        }
    }

    /// What the user can do about it, in one or two sentences (English).
    pub fn remedy(&self) -> String {
        self.remedy_text().en()
    }

    /// The message as a [`Text`] of the catalog.
    pub fn text(&self) -> Text {
        match self {
            CoreError::DataDirUnknown => text!("error-data-dir-unknown"),
            CoreError::Io {
                action,
                path,
                source,
            } => text!(
                "error-io",
                action = *action,
                action_key = action.replace(' ', "-"),
                path = path.display().to_string(),
                kind = io_kind(source),
                detail = source.to_string()
            ),
            CoreError::Cancelled => text!("error-cancelled"),
            CoreError::Database(e) => text!("error-database", detail = e.to_string()),
            CoreError::SchemaTooNew { path, found, known } => text!(
                "error-schema-too-new",
                path = path.display().to_string(),
                found = *found,
                known = *known
            ),
            CoreError::NotFound { what } => text!("error-not-found", what = what),
            CoreError::InvalidInput { message, .. }
            | CoreError::NotAllowed { message, .. }
            | CoreError::NotSignedIn { message, .. }
            | CoreError::Conflict { message, .. }
            | CoreError::InvalidFile { message, .. }
            | CoreError::Aws { message, .. } => message.clone(),
        }
    }

    /// The remedy as a [`Text`] of the catalog (see [`CoreError::text`]).
    pub fn remedy_text(&self) -> Text {
        match self {
            CoreError::DataDirUnknown => text!("remedy-data-dir-unknown"),
            CoreError::Io {
                path,
                source,
                action,
            } => {
                let path = path.display().to_string();
                match source.kind() {
                    std::io::ErrorKind::PermissionDenied => text!("remedy-io-denied", path = path),
                    std::io::ErrorKind::NotFound => text!("remedy-io-not-found", path = path),
                    _ if source.raw_os_error() == Some(40) => text!("remedy-io-loop", path = path),
                    _ if ["open", "read", "list", "inspect"].contains(action) => {
                        text!("remedy-io-read", path = path)
                    }
                    _ => text!("remedy-io-write", path = path),
                }
            }
            CoreError::Cancelled => text!("remedy-cancelled"),
            CoreError::Database(_) => text!("remedy-database"),
            CoreError::SchemaTooNew { .. } => text!("remedy-schema-too-new"),
            CoreError::NotFound { .. } => text!("remedy-not-found"),
            CoreError::InvalidInput { remedy, .. }
            | CoreError::NotAllowed { remedy, .. }
            | CoreError::NotSignedIn { remedy, .. }
            | CoreError::Conflict { remedy, .. }
            | CoreError::InvalidFile { remedy, .. }
            | CoreError::Aws { remedy, .. } => remedy.clone(),
        }
    }

    pub fn invalid(message: Text, remedy: Text) -> Self {
        CoreError::InvalidInput { message, remedy }
    }

    pub fn aws(kind: AwsErrorKind, message: Text, remedy: Text) -> Self {
        CoreError::Aws {
            kind,
            message,
            remedy,
        }
    }

    pub fn not_found(what: Text) -> Self {
        CoreError::NotFound { what }
    }

    /// Helper for I/O failures that names the path and the action.
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        CoreError::Io {
            action,
            path: path.into(),
            source,
        }
    }
}

impl From<rusqlite::types::FromSqlError> for CoreError {
    fn from(e: rusqlite::types::FromSqlError) -> Self {
        CoreError::Database(rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            Box::new(e),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialize_to_their_stable_strings() {
        for code in [
            ErrorCode::DataDirUnknown,
            ErrorCode::Io,
            ErrorCode::InvalidInput,
            ErrorCode::Cancelled,
            ErrorCode::Database,
            ErrorCode::SchemaTooNew,
            ErrorCode::NotAllowed,
            ErrorCode::NotSignedIn,
            ErrorCode::NotFound,
            ErrorCode::Conflict,
            ErrorCode::InvalidFile,
            ErrorCode::AwsCredentials,
            ErrorCode::AwsAccessDenied,
            ErrorCode::AwsNotFound,
            ErrorCode::AwsUnreachable,
            ErrorCode::Aws,
        ] {
            let json = serde_json::to_string(&code).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }

    #[test]
    fn io_errors_name_the_path_and_give_a_remedy_fitting_the_cause() {
        let denied = CoreError::io(
            "create the data folder",
            "/x/y",
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        );
        assert_eq!(denied.code(), ErrorCode::Io);
        assert!(denied.to_string().contains("/x/y"), "{denied}");
        assert!(
            denied.remedy().contains("write access"),
            "{}",
            denied.remedy()
        );

        let missing = CoreError::io(
            "read",
            "/nope",
            std::io::Error::from(std::io::ErrorKind::NotFound),
        );
        assert!(missing.remedy().contains("exists"), "{}", missing.remedy());
    }
}
