//! Facts about this installation: version and where the app keeps its data.

use std::path::PathBuf;

use serde::Serialize;

use crate::error::CoreError;

/// Environment variable that overrides the data folder (tests, portable installs).
pub const DATA_DIR_ENV: &str = "CHANNELOPS_DATA_DIR";

/// What the app knows about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AppInfo {
    /// Product name shown to users.
    pub product: String,
    /// Semantic version of the app.
    pub version: String,
    /// Folder holding the local database and settings.
    pub data_dir: String,
    /// Whether the data folder exists and is writable right now.
    pub data_dir_writable: bool,
    /// The display language chosen on this machine (kept in the data folder), if any.
    pub language: Option<crate::preferences::Language>,
}

/// The data folder: `$CHANNELOPS_DATA_DIR` if set, else the platform's per-user
/// data directory (e.g. `~/.local/share/channelops` on Linux).
pub fn data_dir() -> Result<PathBuf, CoreError> {
    data_dir_from(std::env::var_os(DATA_DIR_ENV).map(PathBuf::from))
}

fn data_dir_from(overridden: Option<PathBuf>) -> Result<PathBuf, CoreError> {
    if let Some(dir) = overridden.filter(|d| !d.as_os_str().is_empty()) {
        return Ok(dir);
    }
    directories::ProjectDirs::from("com", "ChannelOps", "channelops")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(CoreError::DataDirUnknown)
}

/// Version and data folder, creating the folder if needed.
pub fn app_info() -> Result<AppInfo, CoreError> {
    let dir = data_dir()?;
    let writable = crate::files::ensure_writable_dir(&dir).is_ok();
    Ok(AppInfo {
        product: crate::PRODUCT_NAME.to_owned(),
        version: crate::VERSION.to_owned(),
        data_dir: dir.display().to_string(),
        data_dir_writable: writable,
        language: crate::preferences::load(&dir).language,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_wins_and_empty_override_is_ignored() {
        let dir = data_dir_from(Some(PathBuf::from("/tmp/co-test"))).ok();
        assert_eq!(dir, Some(PathBuf::from("/tmp/co-test")));
        let default = data_dir_from(Some(PathBuf::new())).ok();
        assert_ne!(default, Some(PathBuf::new()));
    }
}
