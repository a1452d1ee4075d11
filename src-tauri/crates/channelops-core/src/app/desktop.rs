//! What a desktop app does besides its screens: opening the hand-over file it
//! was started with (a double-click) or handed by a second launch, where its log
//! is, and which data folder an instance owns.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Session;
use crate::error::CoreError;
use crate::handover::{self, HandoverKind};

/// A file the app was asked to open, and which screen it belongs on.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OpenedFile {
    pub path: String,
    /// The kind of hand-over file; none when it is not one (then `problem` says why).
    pub kind: Option<HandoverKind>,
    pub problem: Option<crate::text::Text>,
    pub remedy: Option<crate::text::Text>,
}

/// Which hand-over file `path` is (read, bounded, from the format inside it).
pub fn open_file(path: &Path) -> OpenedFile {
    let shown = path.to_string_lossy().into_owned();
    match handover::kind_of(path) {
        Ok(kind) => OpenedFile {
            path: shown,
            kind: Some(kind),
            problem: None,
            remedy: None,
        },
        Err(e) => OpenedFile {
            path: shown,
            kind: None,
            problem: Some(e.text()),
            remedy: Some(e.remedy_text()),
        },
    }
}

/// The file among the app's arguments (after the program's name): the first one
/// that is not an option. File managers pass it as a path; some as a `file://` URL.
/// A relative path is taken from `cwd` (a second launch's folder, not ours).
pub fn file_argument(args: impl IntoIterator<Item = OsString>, cwd: &Path) -> Option<PathBuf> {
    let arg = args
        .into_iter()
        .skip(1)
        .find(|a| !a.to_string_lossy().starts_with('-'))?;
    let text = arg.to_string_lossy();
    let path = match text.strip_prefix("file://") {
        Some(rest) => PathBuf::from(
            percent_encoding::percent_decode_str(rest)
                .decode_utf8_lossy()
                .into_owned(),
        ),
        None => PathBuf::from(arg),
    };
    Some(if path.is_absolute() {
        path
    } else {
        cwd.join(path)
    })
}

/// The log folder (see [`crate::logs::log_dir`]).
pub fn log_dir() -> Result<PathBuf, CoreError> {
    crate::logs::log_dir()
}

/// Opens the log folder in the file manager (Support's "Open logs folder").
pub fn open_logs_folder() -> Result<String, CoreError> {
    let dir = log_dir()?;
    crate::files::ensure_writable_dir(&dir)?;
    open::that_detached(&dir).map_err(|e| CoreError::io("open the file manager on", &dir, e))?;
    Ok(dir.display().to_string())
}

/// A name for the instance that owns the data folder of `db_path`: a second copy
/// of the app on the same folder hands its file to the first instead of racing
/// it; copies on other folders run side by side. Letters and digits only, so it
/// fits a D-Bus name.
pub fn instance_id(db_path: &Path) -> String {
    use sha2::Digest as _;
    let folder = db_path.parent().unwrap_or(db_path);
    let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_owned());
    let digest = sha2::Sha256::digest(folder.to_string_lossy().as_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("w{hex}")
}

impl Session {
    /// Saves the latest validation's diagnostic bundle (result + the bytes it read)
    /// at `path`, with the end of this machine's app log when `with_log` (the user
    /// ticked it).
    pub async fn export_bundle(&self, path: PathBuf, with_log: bool) -> Result<(), CoreError> {
        let bundle = self.last_bundle()?;
        let db_path = self.db_path()?;
        super::blocking(move || {
            let log = if with_log {
                crate::logs::last_log(&log_dir()?, crate::limits::BUNDLE_LOG_BYTES)?
            } else {
                None
            };
            let bundle = match log {
                Some((name, text)) => handover::with_log(
                    &bundle,
                    &handover::load_key(&db_path)?,
                    handover::BundleLog { name, text },
                )?,
                None => bundle,
            };
            handover::write_file(&path, &bundle)
        })
        .await
    }

    /// What importing a customer's onboarding report would change here, and who
    /// signed it; nothing is written (the window's import preview).
    pub async fn preview_report(
        &self,
        file: PathBuf,
    ) -> Result<handover::ImportedReport, CoreError> {
        self.as_actor(move |store, actor| {
            handover::preview_report(store, actor, &handover::read_file(&file)?)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_file_argument_is_the_first_non_option() {
        let cwd = Path::new("/home/ann");
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(file_argument(args(&["app"]), cwd), None);
        assert_eq!(
            file_argument(args(&["app", "--flag", "x.channelops-invitation"]), cwd),
            Some(PathBuf::from("/home/ann/x.channelops-invitation"))
        );
        assert_eq!(
            file_argument(args(&["app", "file:///tmp/a%20b.channelops-report"]), cwd),
            Some(PathBuf::from("/tmp/a b.channelops-report"))
        );
    }

    #[test]
    fn one_instance_name_per_data_folder() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let id = instance_id(&a.path().join("channelops.db"));
        assert_eq!(id, instance_id(&a.path().join("channelops.db")));
        assert_ne!(id, instance_id(&b.path().join("channelops.db")));
        assert!(id.starts_with('w') && id.chars().all(|c| c.is_ascii_alphanumeric()));
    }

    #[test]
    fn an_opened_file_says_its_kind_or_why_it_has_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        std::fs::write(&path, "hello").unwrap();
        let opened = open_file(&path);
        assert_eq!(opened.kind, None);
        assert!(
            opened
                .problem
                .unwrap()
                .en()
                .contains("not a ChannelOps hand-over file")
        );
        assert!(opened.remedy.is_some());
    }
}
