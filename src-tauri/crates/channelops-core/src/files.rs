//! Files on the local disk: bounded reads of files that came from outside, and
//! whole-or-nothing writes. Foundation layer: depends only on `error`.

use std::io::Read as _;
use std::path::Path;

use crate::error::CoreError;
use crate::text;
#[allow(unused_imports)]
use crate::text::Text;

/// Reads a regular file of at most `max` bytes. Special files (FIFOs, devices,
/// folders) are refused, and the read stops at `max + 1` bytes even when the
/// file grows while it is read. `what` names the kind of file in the error.
pub fn read_bounded(path: &Path, max: u64, what: Text) -> Result<Vec<u8>, CoreError> {
    let too_large = |len: u64| CoreError::InvalidFile {
        message: text!(
            "files-err-large",
            path = path.display().to_string(),
            size = len,
            what = &what,
            max = max
        ),
        remedy: text!("file-fix-right-file"),
    };
    let meta = std::fs::metadata(path).map_err(|e| CoreError::io("open", path, e))?;
    if !meta.is_file() {
        return Err(CoreError::InvalidFile {
            message: text!("files-err-not-file", path = path.display().to_string()),
            remedy: text!("files-fix-not-file", what = what),
        });
    }
    if meta.len() > max {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| CoreError::io("open", path, e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| CoreError::io("read", path, e))?;
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Writes a file whole or not at all: to a temporary file next to it, synced,
/// then renamed over the target, so a crash never leaves half a file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), CoreError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp =
        tempfile::NamedTempFile::new_in(dir).map_err(|e| CoreError::io("write", path, e))?;
    std::io::Write::write_all(&mut tmp, bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| CoreError::io("write", path, e))?;
    tmp.persist(path)
        .map_err(|e| CoreError::io("write", path, e.error))?;
    Ok(())
}

/// Creates a folder (and its parents) readable by the owner alone where it is
/// made (Unix: 0700); folders that exist are left as they are.
pub fn create_private_dir(dir: &Path) -> Result<(), CoreError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .map_err(|e| CoreError::io("create the folder", dir, e))
}

/// Creates `path` empty and owner-only (Unix: 0600) if it does not exist, and
/// takes group and other access away from it if it does: the database, whose
/// WAL and shared-memory files SQLite then creates with the same mode.
pub fn ensure_private_file(path: &Path) -> Result<(), CoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
        {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let meta = std::fs::metadata(path).map_err(|e| CoreError::io("open", path, e))?;
                let mode = meta.permissions().mode();
                if meta.is_file() && mode & 0o077 != 0 {
                    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & 0o700))
                        .map_err(|e| CoreError::io("protect", path, e))?;
                }
            }
            Err(e) => return Err(CoreError::io("create", path, e)),
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Makes sure a folder (the data folder) exists and can be written to.
pub fn ensure_writable_dir(dir: &Path) -> Result<(), CoreError> {
    create_private_dir(dir)?;
    let probe = dir.join(".write-check");
    std::fs::write(&probe, b"ok").map_err(|e| CoreError::io("write in the data folder", dir, e))?;
    // Leaving the probe behind would be harmless; removing it keeps the folder tidy.
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_read_refuses_large_and_special_files() -> Result<(), Box<dyn std::error::Error>> {
        let tmp = tempfile::tempdir()?;
        let small = tmp.path().join("small");
        std::fs::write(&small, b"12345")?;
        assert_eq!(
            read_bounded(&small, 5, crate::text!("files-kind-csv"))?,
            b"12345"
        );
        let err = read_bounded(&small, 4, crate::text!("files-kind-csv"))
            .err()
            .ok_or("expected an error")?;
        assert!(
            err.to_string().contains("larger than any customer CSV"),
            "{err}"
        );
        let err = read_bounded(tmp.path(), 4, crate::text!("files-kind-csv"))
            .err()
            .ok_or("expected an error")?;
        assert!(err.to_string().contains("not a regular file"), "{err}");
        Ok(())
    }

    #[test]
    fn atomic_write_replaces_the_whole_file_and_leaves_no_temporary()
    -> Result<(), Box<dyn std::error::Error>> {
        let tmp = tempfile::tempdir()?;
        let target = tmp.path().join("out.json");
        write_atomic(&target, b"first, longer content")?;
        write_atomic(&target, b"second")?;
        assert_eq!(std::fs::read(&target)?, b"second");
        assert_eq!(std::fs::read_dir(tmp.path())?.count(), 1);
        Ok(())
    }

    #[test]
    fn ensure_writable_dir_creates_nested_folders_and_reports_unwritable_ones()
    -> Result<(), Box<dyn std::error::Error>> {
        let tmp = tempfile::tempdir()?;
        let nested = tmp.path().join("a/b/c");
        ensure_writable_dir(&nested)?;
        assert!(nested.is_dir());
        assert!(!nested.join(".write-check").exists());

        // A regular file where the folder should be: must fail with an Io error naming it.
        let blocker = tmp.path().join("file");
        std::fs::write(&blocker, b"x")?;
        let err = ensure_writable_dir(&blocker.join("sub"))
            .err()
            .ok_or("expected an error")?;
        assert_eq!(err.code(), crate::ErrorCode::Io);
        assert!(err.to_string().contains("file"), "{err}");
        Ok(())
    }
}
