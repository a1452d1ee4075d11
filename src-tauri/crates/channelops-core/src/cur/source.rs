//! Where CUR files come from. One trait, shaped for an object store: list the
//! keys under a prefix, read a byte range of one object. A local folder that
//! mirrors a bucket's keys, a single file and (later) S3 all implement it, so the
//! engine never knows which one it reads.

use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use crate::error::CoreError;
use crate::text;

/// One object of a source: its key (`/`-separated, relative to the source root) and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectInfo {
    pub key: String,
    pub size: u64,
}

/// A place holding CUR files, read by listing and ranged reads.
/// Implementations must be usable from several threads at once.
pub trait Source: Send + Sync {
    /// Human-readable location of the root, e.g. `/data/bucket-copy` or `s3://bucket/prefix`.
    fn describe(&self) -> String;
    /// Every object under the root (in any order).
    fn list(&self) -> Result<Vec<ObjectInfo>, CoreError>;
    /// Bytes `[start, start + len)` of object `key`; shorter only at the end of the object.
    fn read_range(&self, key: &str, start: u64, len: u64) -> Result<Vec<u8>, CoreError>;
    /// The bucket's AWS region, when the source knows it (S3). Local sources answer `None`.
    fn region(&self) -> Result<Option<String>, CoreError> {
        Ok(None)
    }
    /// Whether this source is a copy on disk (so `bucket_region` is skipped unless given).
    fn is_local(&self) -> bool {
        true
    }
}

/// A folder whose files mirror a bucket's keys (`<folder>/<key>`).
#[derive(Debug, Clone)]
pub struct LocalFolder {
    root: PathBuf,
}

impl LocalFolder {
    pub fn new(root: impl Into<PathBuf>) -> Result<Self, CoreError> {
        let root = root.into();
        let meta = std::fs::metadata(&root).map_err(|e| CoreError::io("open", &root, e))?;
        if !meta.is_dir() {
            return Err(CoreError::InvalidInput {
                message: text!("source-err-not-folder", path = root.display().to_string()),
                remedy: text!("source-fix-not-folder"),
            });
        }
        Ok(LocalFolder { root })
    }

    fn path_of(&self, key: &str) -> Result<PathBuf, CoreError> {
        // Keys come from our own listing, but never let one climb out of the root.
        if key.split('/').any(|part| part == ".." || part.is_empty()) {
            return Err(CoreError::InvalidInput {
                message: text!("source-err-key", key = key),
                remedy: text!("source-fix-key"),
            });
        }
        Ok(self.root.join(key))
    }
}

/// The error when a source holds more objects than [`crate::limits::SOURCE_OBJECTS`].
pub fn too_many_objects(place: &str) -> CoreError {
    CoreError::InvalidInput {
        message: text!(
            "source-err-too-many",
            place = place,
            max = crate::limits::SOURCE_OBJECTS
        ),
        remedy: text!("source-fix-too-many"),
    }
}

fn walk(dir: &Path, root: &Path, out: &mut Vec<ObjectInfo>) -> Result<(), CoreError> {
    let entries = std::fs::read_dir(dir).map_err(|e| CoreError::io("list", dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| CoreError::io("list", dir, e))?;
        let path = entry.path();
        let file_type = entry
            .file_type()
            .map_err(|e| CoreError::io("inspect", &path, e))?;
        if file_type.is_dir() {
            walk(&path, root, out)?;
        } else if file_type.is_file() {
            if out.len() == crate::limits::SOURCE_OBJECTS {
                return Err(too_many_objects(&root.display().to_string()));
            }
            let size = entry
                .metadata()
                .map_err(|e| CoreError::io("inspect", &path, e))?
                .len();
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let key = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push(ObjectInfo { key, size });
        }
        // Symlinks and special files are skipped: a bucket has neither.
    }
    Ok(())
}

fn read_file_range(path: &Path, start: u64, len: u64) -> Result<Vec<u8>, CoreError> {
    let mut file = std::fs::File::open(path).map_err(|e| CoreError::io("open", path, e))?;
    file.seek(SeekFrom::Start(start))
        .map_err(|e| CoreError::io("read", path, e))?;
    let mut buf = Vec::with_capacity(usize::try_from(len.min(16 << 20)).unwrap_or(0));
    file.take(len)
        .read_to_end(&mut buf)
        .map_err(|e| CoreError::io("read", path, e))?;
    Ok(buf)
}

impl Source for LocalFolder {
    fn describe(&self) -> String {
        self.root.display().to_string()
    }

    fn list(&self) -> Result<Vec<ObjectInfo>, CoreError> {
        let mut out = Vec::new();
        walk(&self.root, &self.root, &mut out)?;
        out.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(out)
    }

    fn read_range(&self, key: &str, start: u64, len: u64) -> Result<Vec<u8>, CoreError> {
        read_file_range(&self.path_of(key)?, start, len)
    }
}

/// A single data file (`.csv`, `.csv.gz`, `.csv.zip`, `.parquet`), seen as a
/// source holding one object whose key is the file name.
#[derive(Debug, Clone)]
pub struct SingleFile {
    path: PathBuf,
    key: String,
    size: u64,
}

impl SingleFile {
    pub fn new(path: impl Into<PathBuf>) -> Result<Self, CoreError> {
        let path = path.into();
        let meta = std::fs::metadata(&path).map_err(|e| CoreError::io("open", &path, e))?;
        if !meta.is_file() {
            return Err(CoreError::InvalidInput {
                message: text!("source-err-not-file", path = path.display().to_string()),
                remedy: text!("source-fix-not-file"),
            });
        }
        let key = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "data".into());
        Ok(SingleFile {
            size: meta.len(),
            path,
            key,
        })
    }
}

impl Source for SingleFile {
    fn describe(&self) -> String {
        self.path.display().to_string()
    }

    fn list(&self) -> Result<Vec<ObjectInfo>, CoreError> {
        Ok(vec![ObjectInfo {
            key: self.key.clone(),
            size: self.size,
        }])
    }

    fn read_range(&self, key: &str, start: u64, len: u64) -> Result<Vec<u8>, CoreError> {
        if key != self.key {
            return Err(no_such_object(key));
        }
        read_file_range(&self.path, start, len)
    }
}

/// One object held in memory (fuzzing, tests): local, or seen as remote so the
/// planned reads of an S3 source are taken.
#[derive(Debug, Clone)]
pub struct InMemory {
    pub key: String,
    pub bytes: Vec<u8>,
    pub remote: bool,
}

impl Source for InMemory {
    fn describe(&self) -> String {
        format!("memory:{}", self.key)
    }

    fn list(&self) -> Result<Vec<ObjectInfo>, CoreError> {
        Ok(vec![ObjectInfo {
            key: self.key.clone(),
            size: self.bytes.len() as u64,
        }])
    }

    fn read_range(&self, key: &str, start: u64, len: u64) -> Result<Vec<u8>, CoreError> {
        if key != self.key {
            return Err(no_such_object(key));
        }
        let from = usize::try_from(start)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        let to = from
            .saturating_add(usize::try_from(len).unwrap_or(usize::MAX))
            .min(self.bytes.len());
        Ok(self.bytes[from..to].to_vec())
    }

    fn is_local(&self) -> bool {
        !self.remote
    }
}

/// The error for a key a one-object source does not hold.
fn no_such_object(key: &str) -> CoreError {
    CoreError::io(
        "read",
        Path::new(key),
        std::io::Error::from(std::io::ErrorKind::NotFound),
    )
}

/// Opens a local path as a source: a folder or a single file.
pub fn open_local(path: &Path) -> Result<Arc<dyn Source>, CoreError> {
    let meta = std::fs::metadata(path).map_err(|e| CoreError::io("open", path, e))?;
    if meta.is_dir() {
        Ok(Arc::new(LocalFolder::new(path)?))
    } else {
        Ok(Arc::new(SingleFile::new(path)?))
    }
}

/// A shared handle on a source that counts the bytes actually read from it
/// (the "minimal reads" figure). Cheap to clone; clones share the counter.
#[derive(Clone)]
pub struct Counting {
    inner: Arc<dyn Source>,
    bytes: Arc<AtomicU64>,
    requests: Arc<AtomicU64>,
    cancel: super::CancelToken,
    /// The first failure of the source itself per object (access denied, network):
    /// its message and remedy, which a decoder's error would otherwise hide.
    failures: Arc<Mutex<HashMap<String, (crate::text::Text, crate::text::Text)>>>,
}

impl Counting {
    pub fn new(inner: Arc<dyn Source>) -> Self {
        Self::with_cancel(inner, super::CancelToken::default())
    }

    /// Every read after `cancel` is pressed fails with [`CoreError::Cancelled`]
    /// without reaching the source, so Cancel takes effect within one read (one
    /// round trip on S3), not after the file being read.
    pub fn with_cancel(inner: Arc<dyn Source>, cancel: super::CancelToken) -> Self {
        Counting {
            inner,
            bytes: Arc::new(AtomicU64::new(0)),
            requests: Arc::new(AtomicU64::new(0)),
            cancel,
            failures: Arc::default(),
        }
    }

    pub fn bytes_read(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Reads asked of the source so far (each one request on S3).
    pub fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }

    pub fn inner(&self) -> &dyn Source {
        self.inner.as_ref()
    }

    pub fn read_range(&self, key: &str, start: u64, len: u64) -> Result<Vec<u8>, CoreError> {
        if self.cancel.is_cancelled() {
            return Err(CoreError::Cancelled);
        }
        if len == 0 {
            return Ok(Vec::new());
        }
        self.requests.fetch_add(1, Ordering::Relaxed);
        let bytes = self.inner.read_range(key, start, len).inspect_err(|e| {
            if let Ok(mut failures) = self.failures.lock() {
                failures
                    .entry(key.to_owned())
                    .or_insert_with(|| (e.text(), e.remedy_text()));
            }
        })?;
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Ok(bytes)
    }

    /// Why the source itself could not serve `key` (message, remedy), if it failed.
    pub fn failure(&self, key: &str) -> Option<(crate::text::Text, crate::text::Text)> {
        self.failures.lock().ok()?.get(key).cloned()
    }
}

/// A sequential reader over one object that fetches `block` bytes at a time,
/// only as far as the consumer reads (for streaming gzip/CSV heads and Parquet
/// page headers).
pub struct ObjectReader {
    source: Counting,
    key: String,
    size: u64,
    pos: u64,
    block: u64,
    buf: Vec<u8>,
    buf_pos: usize,
}

impl ObjectReader {
    pub fn new(source: &Counting, key: &str, size: u64, start: u64, block: u64) -> Self {
        ObjectReader {
            source: source.clone(),
            key: key.to_owned(),
            size,
            pos: start,
            block: block.max(1),
            buf: Vec::new(),
            buf_pos: 0,
        }
    }
}

impl Read for ObjectReader {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.buf_pos >= self.buf.len() {
            if self.pos >= self.size {
                return Ok(0);
            }
            let len = self.block.min(self.size - self.pos);
            self.buf = self
                .source
                .read_range(&self.key, self.pos, len)
                .map_err(|e| std::io::Error::other(e.to_string()))?;
            self.buf_pos = 0;
            if self.buf.is_empty() {
                // The object is shorter than listed (truncated while we read).
                return Ok(0);
            }
            self.pos += self.buf.len() as u64;
        }
        let n = out.len().min(self.buf.len() - self.buf_pos);
        out[..n].copy_from_slice(&self.buf[self.buf_pos..self.buf_pos + n]);
        self.buf_pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_lists_keys_with_slashes_and_reads_ranges() -> Result<(), Box<dyn std::error::Error>> {
        let tmp = tempfile::tempdir()?;
        std::fs::create_dir_all(tmp.path().join("a/b"))?;
        std::fs::write(tmp.path().join("a/b/f.txt"), b"0123456789")?;
        std::fs::write(tmp.path().join("top"), b"x")?;
        let src = LocalFolder::new(tmp.path())?;
        let keys: Vec<_> = src.list()?.into_iter().map(|o| (o.key, o.size)).collect();
        assert_eq!(
            keys,
            vec![("a/b/f.txt".to_owned(), 10), ("top".to_owned(), 1)]
        );
        assert_eq!(src.read_range("a/b/f.txt", 3, 4)?, b"3456");
        assert_eq!(src.read_range("a/b/f.txt", 8, 100)?, b"89");
        assert!(src.read_range("../etc/passwd", 0, 1).is_err());
        Ok(())
    }

    #[test]
    fn object_reader_fetches_lazily_and_counts() -> Result<(), Box<dyn std::error::Error>> {
        let tmp = tempfile::tempdir()?;
        std::fs::write(tmp.path().join("f"), vec![7u8; 10_000])?;
        let counting = Counting::new(Arc::new(LocalFolder::new(tmp.path())?));
        let mut r = ObjectReader::new(&counting, "f", 10_000, 0, 1000);
        let mut first = [0u8; 10];
        r.read_exact(&mut first)?;
        assert_eq!(counting.bytes_read(), 1000);
        let mut rest = Vec::new();
        r.read_to_end(&mut rest)?;
        assert_eq!(rest.len(), 9_990);
        assert_eq!(counting.bytes_read(), 10_000);
        Ok(())
    }

    #[test]
    fn no_read_reaches_the_source_once_cancelled() -> Result<(), Box<dyn std::error::Error>> {
        let tmp = tempfile::tempdir()?;
        std::fs::write(tmp.path().join("f"), vec![7u8; 100])?;
        let cancel = crate::cur::CancelToken::default();
        let counting =
            Counting::with_cancel(Arc::new(LocalFolder::new(tmp.path())?), cancel.clone());
        assert_eq!(counting.read_range("f", 0, 10)?.len(), 10);
        cancel.cancel();
        assert!(matches!(
            counting.read_range("f", 10, 10),
            Err(CoreError::Cancelled)
        ));
        // Clones (the readers of each file) share the switch.
        assert!(counting.clone().read_range("f", 0, 1).is_err());
        assert_eq!(counting.bytes_read(), 10);
        Ok(())
    }
}
