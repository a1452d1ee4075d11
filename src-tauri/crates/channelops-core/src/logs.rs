//! The app's log: `tracing` events written to a daily file in the platform's log
//! folder (seven days kept), panics included. Foundation layer.
//!
//! What is logged is chosen where it is logged, and never holds a secret: no
//! password, activation code, signing key or AWS credential is ever passed to a
//! `tracing` macro (the end-to-end story checks the files for them). The AWS SDK
//! logs only warnings here, so request signing details stay out.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use tracing_subscriber::EnvFilter;
use tracing_subscriber::Layer as _;
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;

use crate::error::CoreError;

/// Overrides the log folder (tests, portable installs).
pub const LOG_DIR_ENV: &str = "CHANNELOPS_LOG_DIR";
/// Overrides what is logged, as a `tracing` filter (e.g. `debug`).
pub const LOG_FILTER_ENV: &str = "CHANNELOPS_LOG";
/// Log files are `channelops.YYYY-MM-DD.log`.
pub const FILE_PREFIX: &str = "channelops";
pub const FILE_SUFFIX: &str = "log";
/// Days of logs kept; older files are deleted when a new day starts.
pub const KEPT_FILES: usize = 7;
/// What is logged unless `CHANNELOPS_LOG` says otherwise.
const DEFAULT_FILTER: &str =
    "info,aws_config=warn,aws_smithy_runtime=warn,aws_runtime=warn,aws_sdk_sts=warn,hyper=warn";

/// The log folder: `$CHANNELOPS_LOG_DIR` if set, else where each platform keeps
/// an app's logs: `$XDG_STATE_HOME/channelops/logs` (`~/.local/state/…`) on Linux,
/// `~/Library/Logs/ChannelOps` on macOS, `%LOCALAPPDATA%\ChannelOps\channelops\logs`
/// on Windows.
pub fn log_dir() -> Result<PathBuf, CoreError> {
    if let Some(dir) = std::env::var_os(LOG_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    let dirs = directories::ProjectDirs::from("com", "ChannelOps", "channelops")
        .ok_or(CoreError::DataDirUnknown)?;
    if cfg!(target_os = "macos") {
        let home = directories::BaseDirs::new().ok_or(CoreError::DataDirUnknown)?;
        return Ok(home.home_dir().join("Library/Logs/ChannelOps"));
    }
    // Linux has a state folder (XDG), meant for logs; elsewhere the local data folder.
    Ok(dirs
        .state_dir()
        .unwrap_or_else(|| dirs.data_local_dir())
        .join("logs"))
}

/// Keeps the log open; logging stops when it is dropped.
pub struct LogGuard {
    pub dir: PathBuf,
}

/// Sends `tracing` events to the daily log file in `dir` (created if needed) and
/// to standard error, and makes every panic a logged event before the usual
/// report. Returns an error (and logs to standard error only) when the folder
/// cannot be written; the app works on without a file log.
pub fn init(dir: &Path) -> Result<LogGuard, CoreError> {
    let filter = || {
        EnvFilter::try_from_env(LOG_FILTER_ENV).unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER))
    };
    let stderr = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_filter(filter());
    let file = crate::files::ensure_writable_dir(dir).and_then(|()| {
        tracing_appender::rolling::RollingFileAppender::builder()
            .rotation(tracing_appender::rolling::Rotation::DAILY)
            .filename_prefix(FILE_PREFIX)
            .filename_suffix(FILE_SUFFIX)
            .max_log_files(KEPT_FILES)
            .build(dir)
            .map_err(|e| CoreError::io("open a log file in", dir, std::io::Error::other(e)))
    });
    let (file_layer, problem) = match file {
        Ok(appender) => (
            Some(
                tracing_subscriber::fmt::layer()
                    .with_ansi(false)
                    .with_writer(std::sync::Mutex::new(appender))
                    .with_filter(filter()),
            ),
            None,
        ),
        Err(e) => (None, Some(e)),
    };
    // A second init (tests) keeps the first subscriber.
    let _ = tracing_subscriber::registry()
        .with(stderr)
        .with(file_layer)
        .try_init();
    install_panic_hook();
    match problem {
        Some(e) => {
            tracing::warn!("no log file: {e}");
            Err(e)
        }
        None => {
            tracing::info!(version = crate::VERSION, "ChannelOps started");
            Ok(LogGuard {
                dir: dir.to_owned(),
            })
        }
    }
}

/// A panic is logged (message, place, backtrace) before the hook that was there
/// runs; the file writer is synchronous, so the line is on disk before an abort.
pub fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let backtrace = std::backtrace::Backtrace::force_capture();
            tracing::error!(target: "channelops::panic", "panic: {info}\n{backtrace}");
            previous(info);
        }));
    });
}

/// The newest log file in `dir`, if any.
pub fn newest_log(dir: &Path) -> Option<PathBuf> {
    let entries = std::fs::read_dir(dir).ok()?;
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(FILE_PREFIX) && n.ends_with(FILE_SUFFIX))
                && p.is_file()
        })
        .max()
}

/// The end of the newest log (at most `max_bytes`, cut at a line start): what a
/// diagnostic bundle carries when the user adds the log.
pub fn last_log(dir: &Path, max_bytes: u64) -> Result<Option<(String, String)>, CoreError> {
    let Some(path) = newest_log(dir) else {
        return Ok(None);
    };
    let io = |e: std::io::Error| CoreError::io("read the log", &path, e);
    let mut file = std::fs::File::open(&path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    let start = len.saturating_sub(max_bytes);
    std::io::Seek::seek(&mut file, std::io::SeekFrom::Start(start)).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(max_bytes).read_to_end(&mut bytes).map_err(io)?;
    let mut text = String::from_utf8_lossy(&bytes).into_owned();
    if start > 0 {
        // Begin at a whole line.
        if let Some(i) = text.find('\n') {
            text.drain(..=i);
        }
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Some((name, text)))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_last_log_is_the_newest_file_cut_at_a_line() {
        let dir = tempfile::tempdir().unwrap();
        assert!(last_log(dir.path(), 100).unwrap().is_none());
        std::fs::write(dir.path().join("channelops.2026-11-29.log"), "old\n").unwrap();
        std::fs::write(dir.path().join("other.txt"), "not a log\n").unwrap();
        let lines: String = (0..50).map(|i| format!("line {i}\n")).collect();
        std::fs::write(dir.path().join("channelops.2026-11-30.log"), &lines).unwrap();
        let (name, text) = last_log(dir.path(), 40).unwrap().unwrap();
        assert_eq!(name, "channelops.2026-11-30.log");
        assert!(text.starts_with("line "), "{text:?}");
        assert!(text.ends_with("line 49\n"), "{text:?}");
        assert!(text.len() <= 40);
        let (_, whole) = last_log(dir.path(), 1 << 20).unwrap().unwrap();
        assert_eq!(whole, lines);
    }
}
