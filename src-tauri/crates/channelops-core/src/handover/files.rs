//! Files handed over: bounded reads, whole-or-nothing writes, where exports go.

#[allow(unused_imports)]
use super::*;

/// Version 2: the payload signed as its exact bytes; the invitation holds the
/// code's verifier, not the code; the report proves the code.
pub const INVITATION_FORMAT: &str = "channelops-invitation/2";
pub const REPORT_FORMAT: &str = "channelops-onboarding-report/2";
pub const BUNDLE_FORMAT: &str = "channelops-diagnostic-bundle/2";
/// Hand-over files larger than this are refused.
pub const MAX_FILE_BYTES: u64 = crate::limits::HANDOVER_FILE_BYTES;
/// Invitations are valid for 14 days.
pub const INVITATION_DAYS: i64 = 14;

/// Reads a hand-over file (invitation, report, bundle), refusing anything larger
/// than such a file can be, and anything that is not a regular file.
pub fn read_file(path: &Path) -> Result<Vec<u8>, CoreError> {
    crate::files::read_bounded(path, MAX_FILE_BYTES, text!("files-kind-handover"))
}

/// Writes an exported file whole or not at all (see [`crate::files::write_atomic`]).
pub fn write_file(path: &Path, text: &str) -> Result<(), CoreError> {
    crate::files::write_atomic(path, text.as_bytes())
}

/// Where exported files go unless the user picks another place: the Downloads
/// folder, else the home folder.
pub fn export_dir() -> Result<PathBuf, CoreError> {
    let dirs = directories::UserDirs::new().ok_or(CoreError::DataDirUnknown)?;
    Ok(dirs
        .download_dir()
        .filter(|d| d.is_dir())
        .map_or_else(|| dirs.home_dir().to_owned(), Path::to_owned))
}

/// A file name made of `name` (letters and digits kept, the rest as dashes) and `suffix`.
pub fn file_name(name: &str, suffix: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    format!("{}{suffix}", if slug.is_empty() { "export" } else { slug })
}

pub(super) fn invalid_file(message: Text, remedy: Text) -> CoreError {
    CoreError::InvalidFile { message, remedy }
}

pub use crate::signing::{b64url, ensure_key, key_path, load_key};
