//! The person's preferences on this machine (today: the display language),
//! kept in the data folder as `preferences.json`.
//!
//! Why the data folder, and not the web view's storage: the choice then follows
//! the data it goes with (a portable install, `CHANNELOPS_DATA_DIR`, a backup),
//! the CLI can read it too, and nothing outside the data folder — another
//! user's or an earlier test's web-view storage under the home folder — can
//! leak into a fresh workspace.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::CoreError;
use crate::files;

/// The file name in the data folder.
pub const FILE_NAME: &str = "preferences.json";
/// A preferences file larger than this is not ours: it is ignored.
const MAX_BYTES: u64 = crate::limits::PREFERENCES_BYTES;

/// A language the app speaks (defined with the catalogs it is rendered from).
pub use crate::text::Language;

/// What the person chose; `None` means "not chosen yet" (the system's language).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preferences {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
}

fn path_in(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE_NAME)
}

/// The saved preferences. A missing, unreadable or malformed file gives the
/// defaults (a preference must never keep the app from starting); the reason is logged.
pub fn load(data_dir: &Path) -> Preferences {
    let path = path_in(data_dir);
    if !path.exists() {
        return Preferences::default();
    }
    match files::read_bounded(&path, MAX_BYTES, crate::text!("files-kind-preferences")) {
        Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|e| {
            tracing::warn!(file = %path.display(), "preferences ignored: {e}");
            Preferences::default()
        }),
        Err(e) => {
            tracing::warn!(file = %path.display(), "preferences ignored: {e}");
            Preferences::default()
        }
    }
}

/// Saves the display language (whole or not at all), keeping other preferences.
pub fn set_language(data_dir: &Path, language: Language) -> Result<Preferences, CoreError> {
    files::ensure_writable_dir(data_dir)?;
    let mut prefs = load(data_dir);
    prefs.language = Some(language);
    let path = path_in(data_dir);
    let text = serde_json::to_vec_pretty(&prefs)
        .map_err(|e| CoreError::io("write", &path, std::io::Error::other(e)))?;
    files::write_atomic(&path, &text)?;
    Ok(prefs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_round_trips_and_bad_files_give_defaults() -> Result<(), Box<dyn std::error::Error>>
    {
        let tmp = tempfile::tempdir()?;
        let dir = tmp.path().join("data");
        assert_eq!(load(&dir), Preferences::default());
        set_language(&dir, Language::Ja)?;
        assert_eq!(load(&dir).language, Some(Language::Ja));
        assert_eq!(
            std::fs::read_to_string(dir.join(FILE_NAME))?.trim(),
            "{\n  \"language\": \"ja\"\n}"
        );
        set_language(&dir, Language::En)?;
        assert_eq!(load(&dir).language, Some(Language::En));

        std::fs::write(dir.join(FILE_NAME), b"{\"language\": \"klingon\"}")?;
        assert_eq!(load(&dir), Preferences::default());
        std::fs::write(dir.join(FILE_NAME), vec![b' '; 70_000])?;
        assert_eq!(load(&dir), Preferences::default());
        Ok(())
    }
}
