//! The one error type of the core.
//!
//! Every variant carries what the user needs: a message saying what went wrong and a
//! remedy saying what to do about it. [`ErrorCode`] is the stable, machine-readable
//! identity of a failure; the UI and scripts branch on it, never on the message text.

use std::path::PathBuf;

use serde::Serialize;

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
    #[error("no data folder could be determined for this user (no home directory is set)")]
    DataDirUnknown,

    #[error("could not {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{message}")]
    InvalidInput { message: String, remedy: String },

    #[error("the operation was cancelled")]
    Cancelled,

    #[error("the local database failed: {0}")]
    Database(#[from] rusqlite::Error),

    #[error(
        "the database {path} was written by a newer version of ChannelOps (schema {found}; this version knows up to {known})"
    )]
    SchemaTooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error("{message}")]
    NotAllowed { message: String, remedy: String },

    #[error("{message}")]
    NotSignedIn { message: String, remedy: String },

    #[error("{what} was not found")]
    NotFound { what: String },

    #[error("{message}")]
    Conflict { message: String, remedy: String },

    #[error("{message}")]
    InvalidFile { message: String, remedy: String },

    #[error("{message}")]
    Aws {
        kind: AwsErrorKind,
        message: String,
        remedy: String,
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

    /// What the user can do about it, in one or two sentences.
    pub fn remedy(&self) -> String {
        match self {
            CoreError::DataDirUnknown => {
                "Set the HOME environment variable (or CHANNELOPS_DATA_DIR) to a folder you can write to, then start the app again.".to_owned()
            }
            CoreError::Io { path, source, action } => match source.kind() {
                std::io::ErrorKind::PermissionDenied => format!(
                    "Give your user read and write access to {} (or choose another folder), then try again.",
                    path.display()
                ),
                std::io::ErrorKind::NotFound => format!(
                    "Check that {} exists and is spelled correctly.",
                    path.display()
                ),
                // ELOOP: a symbolic link that points to itself, in a circle.
                _ if source.raw_os_error() == Some(40) => format!(
                    "{} is a symbolic link that leads back to itself: choose the file it should point to.",
                    path.display()
                ),
                _ if ["open", "read", "list", "inspect"].contains(action) => format!(
                    "Check that {} is a file you can read, then try again.",
                    path.display()
                ),
                _ => format!(
                    "Check that {} is on a disk with free space that you can write to, then try again.",
                    path.display()
                ),
            },
            CoreError::InvalidInput { remedy, .. } => remedy.clone(),
            CoreError::Cancelled => "Start it again when you are ready.".to_owned(),
            CoreError::Database(_) => "Close other copies of the app using the same database and try again; if it persists, restore the database from a backup.".to_owned(),
            CoreError::SchemaTooNew { .. } => "Install the newer version of ChannelOps that wrote this database (nothing was changed), or open another database with --db.".to_owned(),
            CoreError::NotAllowed { remedy, .. }
            | CoreError::NotSignedIn { remedy, .. }
            | CoreError::Conflict { remedy, .. }
            | CoreError::InvalidFile { remedy, .. }
            | CoreError::Aws { remedy, .. } => remedy.clone(),
            CoreError::NotFound { .. } => "Check the name or ID (list them with the matching `list` command).".to_owned(),
        }
    }

    pub fn invalid(message: impl Into<String>, remedy: impl Into<String>) -> Self {
        CoreError::InvalidInput {
            message: message.into(),
            remedy: remedy.into(),
        }
    }

    pub fn aws(kind: AwsErrorKind, message: impl Into<String>, remedy: impl Into<String>) -> Self {
        CoreError::Aws {
            kind,
            message: message.into(),
            remedy: remedy.into(),
        }
    }

    pub fn not_found(what: impl Into<String>) -> Self {
        CoreError::NotFound { what: what.into() }
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
