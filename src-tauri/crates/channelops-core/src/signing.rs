//! The workspace's signing key: an ed25519 key kept beside the database
//! (`<db>.key`, owner-only), never in it. Foundation layer.

use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ed25519_dalek::SigningKey;

use crate::error::CoreError;
use crate::ids::random_bytes;
use crate::text;

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

/// Creates the workspace key if there is none: written whole to a temporary
/// file (owner-only from its creation) and linked into place without
/// replacing a key made meanwhile, so no reader ever sees half a key.
pub fn ensure_key(db: &Path) -> Result<(), CoreError> {
    let path = key_path(db);
    if path.exists() {
        return Ok(());
    }
    let dir = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => parent.to_owned(),
        None => PathBuf::from("."),
    };
    crate::files::create_private_dir(&dir)?;
    let seed = random_bytes::<32>()?;
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)
        .map_err(|e| CoreError::io("create the workspace key", &path, e))?;
    use std::io::Write;
    tmp.write_all(STANDARD.encode(seed).as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| CoreError::io("write the workspace key", &path, e))?;
    match tmp.persist_noclobber(&path) {
        Ok(_) => Ok(()),
        // Another process made the key first: theirs is the key.
        Err(e) if path.exists() => {
            drop(e);
            Ok(())
        }
        Err(e) => Err(CoreError::io("write the workspace key", &path, e.error)),
    }
}

/// Refuses a key others can read (a copy, a restore with loose permissions):
/// whoever reads it can sign as this workspace.
fn check_private(path: &Path) -> Result<(), CoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(path)
            .map_err(|e| CoreError::io("read the workspace key", path, e))?;
        if meta.permissions().mode() & 0o077 != 0 {
            return Err(CoreError::InvalidFile {
                message: text!("key-err-readable", path = path.display().to_string()),
                remedy: text!("key-fix-readable", path = path.display().to_string()),
            });
        }
    }
    Ok(())
}

pub fn load_key(db: &Path) -> Result<SigningKey, CoreError> {
    ensure_key(db)?;
    let path = key_path(db);
    check_private(&path)?;
    let text = std::fs::read_to_string(&path)
        .map_err(|e| CoreError::io("read the workspace key", &path, e))?;
    let bytes = STANDARD
        .decode(text.trim())
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .ok_or_else(|| CoreError::InvalidFile {
            message: text!("key-err-damaged", path = path.display().to_string()),
            remedy: text!("key-fix-damaged"),
        })?;
    Ok(SigningKey::from_bytes(&bytes))
}
