//! The workspace's signing key: an ed25519 key kept beside the database
//! (`<db>.key`, owner-only), never in it. Foundation layer.

use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ed25519_dalek::SigningKey;

use crate::error::CoreError;
use crate::ids::random_bytes;

/// Bytes as unpadded URL-safe base64 (external IDs, fingerprints).
pub fn b64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The signing key lives beside the database (`<db>.key`, owner-only), never in it.
pub fn key_path(db: &Path) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(".key");
    PathBuf::from(p)
}

/// Creates the workspace key if there is none.
pub fn ensure_key(db: &Path) -> Result<(), CoreError> {
    let path = key_path(db);
    if path.exists() {
        return Ok(());
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| CoreError::io("create", parent, e))?;
    }
    let seed = random_bytes::<32>()?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    use std::io::Write;
    let mut f = options
        .open(&path)
        .map_err(|e| CoreError::io("create the workspace key", &path, e))?;
    f.write_all(STANDARD.encode(seed).as_bytes())
        .map_err(|e| CoreError::io("write the workspace key", &path, e))?;
    f.sync_all()
        .map_err(|e| CoreError::io("write the workspace key", &path, e))
}

pub fn load_key(db: &Path) -> Result<SigningKey, CoreError> {
    ensure_key(db)?;
    let path = key_path(db);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| CoreError::io("read the workspace key", &path, e))?;
    let bytes = STANDARD.decode(text.trim()).ok().and_then(|b| <[u8; 32]>::try_from(b).ok()).ok_or_else(|| {
        CoreError::InvalidFile {
            message: format!("the workspace key {} is damaged", path.display()),
            remedy: "Restore it from a backup; files signed with a new key will not be trusted by workspaces that trust the old one.".into(),
        }
    })?;
    Ok(SigningKey::from_bytes(&bytes))
}
