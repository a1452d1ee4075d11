//! The diagnostic bundle (customer → support): a validation result with the bytes it read.

#[allow(unused_imports)]
use super::*;

/// A source that remembers every byte range read through it.
pub struct Recording {
    inner: Arc<dyn Source>,
    listing: Mutex<Vec<ObjectInfo>>,
    reads: Mutex<Vec<(String, u64, Vec<u8>)>>,
}

impl Recording {
    pub fn new(inner: Arc<dyn Source>) -> Arc<Self> {
        Arc::new(Recording {
            inner,
            listing: Mutex::new(Vec::new()),
            reads: Mutex::new(Vec::new()),
        })
    }
}

impl Source for Recording {
    fn describe(&self) -> String {
        self.inner.describe()
    }
    fn list(&self) -> Result<Vec<ObjectInfo>, CoreError> {
        let listing = self.inner.list()?;
        if let Ok(mut l) = self.listing.lock() {
            l.clone_from(&listing);
        }
        Ok(listing)
    }
    fn read_range(&self, key: &str, start: u64, len: u64) -> Result<Vec<u8>, CoreError> {
        let bytes = self.inner.read_range(key, start, len)?;
        if let Ok(mut r) = self.reads.lock() {
            r.push((key.to_owned(), start, bytes.clone()));
        }
        Ok(bytes)
    }
    fn region(&self) -> Result<Option<String>, CoreError> {
        self.inner.region()
    }
    fn is_local(&self) -> bool {
        self.inner.is_local()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct BundleObject {
    key: String,
    size: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct BundleRange {
    key: String,
    start: u64,
    data: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct BundlePayload {
    source: String,
    /// Who made the bundle (user and workspace), as the maker's app knew it.
    #[serde(default)]
    made_by: Option<String>,
    region: Option<String>,
    result: ValidationResult,
    objects: Vec<BundleObject>,
    ranges: Vec<BundleRange>,
    created_at: String,
    /// The end of the maker's app log, when the user added it on export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    log: Option<BundleLog>,
}

/// The end of an app log carried in a bundle (see [`crate::logs::last_log`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BundleLog {
    /// The log file's name (its date).
    pub name: String,
    pub text: String,
}

/// The bundle `sealed` again with the end of the app log added (the user ticked
/// "add the log"); signed with the same workspace key.
pub fn with_log(sealed: &str, key: &SigningKey, log: BundleLog) -> Result<String, CoreError> {
    if log.text.len() as u64 > crate::limits::BUNDLE_LOG_BYTES {
        return Err(CoreError::invalid(
            text!("bundle-err-log"),
            text!("bundle-fix-log"),
        ));
    }
    let opened = open_sealed(sealed.as_bytes(), BUNDLE_FORMAT)?;
    let mut payload: BundlePayload = opened.payload()?;
    payload.log = Some(log);
    seal(key, BUNDLE_FORMAT, &payload)
}

/// Validates `source` and makes a diagnostic bundle of it: the result plus exactly
/// the bytes the verdict read (manifests, Parquet footers and sampled pages, CSV
/// heads) — no credentials, and no cost rows beyond the sample.
pub fn validate_and_bundle(
    source: Arc<dyn Source>,
    options: &cur::Options,
    key: &SigningKey,
    made_by: Option<&str>,
    progress: &(dyn Fn(cur::Progress) + Sync),
    cancel: &cur::CancelToken,
) -> Result<(ValidationResult, String), CoreError> {
    let recording = Recording::new(source);
    let result = cur::validate(recording.clone(), options, progress, cancel)?;
    // The listing the validation saw (not listed again: on S3 that is more requests).
    let objects = recording
        .listing
        .lock()
        .map(|l| l.clone())
        .unwrap_or_default()
        .into_iter()
        .map(|o| BundleObject {
            key: o.key,
            size: o.size,
        })
        .collect();
    let mut ranges: Vec<BundleRange> = recording
        .reads
        .lock()
        .map(|r| {
            r.iter()
                .map(|(k, s, d)| BundleRange {
                    key: k.clone(),
                    start: *s,
                    data: STANDARD.encode(d),
                })
                .collect()
        })
        .unwrap_or_default();
    ranges.sort_by(|a, b| (&a.key, a.start).cmp(&(&b.key, b.start)));
    ranges.dedup_by(|a, b| a.key == b.key && a.start == b.start && a.data == b.data);
    let payload = BundlePayload {
        source: result.source.clone(),
        made_by: made_by.map(str::to_owned),
        // The bucket's region as the validation knew it (S3 knows it; a copy only if given),
        // so the replay judges bucket_region and reads as the original did.
        region: match &options.region {
            Some(r) => Some(r.clone()),
            None => recording.region().ok().flatten(),
        },
        result: result.clone(),
        objects,
        ranges,
        created_at: now(),
        log: None,
    };
    Ok((result, seal(key, BUNDLE_FORMAT, &payload)?))
}

/// A diagnostic bundle read back as a source: the same listing, the same bytes.
/// Opening is linear in its size, and each read a lookup (no scan).
pub struct BundleSource {
    source: String,
    pub region: Option<String>,
    pub original: ValidationResult,
    /// Who made it, as the bundle says, and the fingerprint of its signing key.
    pub made_by: Option<String>,
    pub signer: String,
    /// The end of the maker's app log, when they added it.
    pub log: Option<BundleLog>,
    objects: Vec<ObjectInfo>,
    sizes: std::collections::HashMap<String, u64>,
    /// Per key, the byte ranges held, by start.
    ranges: std::collections::HashMap<String, std::collections::BTreeMap<u64, Vec<u8>>>,
}

/// Keys a bundle may hold: S3 keys (up to 1 024 bytes; `//` and a leading `/`
/// are valid there) without NUL, control characters or `.`/`..` segments — a key
/// is never a path on this machine, but nothing should look like one climbing out.
pub(super) fn safe_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= crate::limits::OBJECT_KEY_BYTES
        && !key.contains('\\')
        && !key.chars().any(char::is_control)
        && key.split('/').all(|p| p != ".." && p != ".")
}

impl BundleSource {
    /// Verifies and loads a bundle. Rejects path traversal, oversize and malformed content.
    pub fn open(bytes: &[u8]) -> Result<BundleSource, CoreError> {
        let sealed = open_sealed(bytes, BUNDLE_FORMAT)?;
        let p: BundlePayload = sealed.payload()?;
        let bad = |why: Text| {
            invalid_file(
                text!("bundle-err-malformed", why = why),
                text!("bundle-fix-malformed"),
            )
        };
        let most = crate::limits::BUNDLE_ENTRIES;
        if p.log
            .as_ref()
            .is_some_and(|l| l.text.len() as u64 > crate::limits::BUNDLE_LOG_BYTES)
        {
            return Err(bad(text!("bundle-why-log")));
        }
        if p.objects.len() > most || p.ranges.len() > most {
            return Err(bad(text!("bundle-why-entries", max = most)));
        }
        let mut sizes = std::collections::HashMap::with_capacity(p.objects.len());
        for o in &p.objects {
            if !safe_key(&o.key) {
                return Err(bad(text!("bundle-why-key", key = &o.key)));
            }
            sizes.insert(o.key.clone(), o.size);
        }
        let mut ranges: std::collections::HashMap<
            String,
            std::collections::BTreeMap<u64, Vec<u8>>,
        > = std::collections::HashMap::new();
        for r in p.ranges {
            let size = *sizes
                .get(&r.key)
                .ok_or_else(|| bad(text!("bundle-why-unknown", key = &r.key)))?;
            let data = STANDARD.decode(&r.data).map_err(|e| {
                bad(text!(
                    "bundle-why-base64",
                    key = &r.key,
                    detail = e.to_string()
                ))
            })?;
            if r.start
                .checked_add(data.len() as u64)
                .is_none_or(|end| end > size)
            {
                return Err(bad(text!("bundle-why-outside", key = &r.key)));
            }
            ranges.entry(r.key).or_default().insert(r.start, data);
        }
        Ok(BundleSource {
            source: p.source,
            region: p.region,
            original: p.result,
            made_by: p.made_by,
            signer: sealed.fingerprint,
            log: p.log,
            objects: p
                .objects
                .into_iter()
                .map(|o| ObjectInfo {
                    key: o.key,
                    size: o.size,
                })
                .collect(),
            sizes,
            ranges,
        })
    }

    /// Whether `bytes` look like a diagnostic bundle (to tell it from a data file).
    pub fn sniff(bytes: &[u8]) -> bool {
        bytes.len() < 4096 * 1024 * 16
            && std::str::from_utf8(&bytes[..bytes.len().min(4096)])
                .is_ok_and(|s| s.contains(BUNDLE_FORMAT))
    }
}

impl Source for BundleSource {
    fn describe(&self) -> String {
        format!(
            "diagnostic bundle of {}, made by {} (key {})",
            self.source,
            self.made_by.as_deref().unwrap_or("an unnamed workspace"),
            self.signer
        )
    }
    fn list(&self) -> Result<Vec<ObjectInfo>, CoreError> {
        Ok(self.objects.clone())
    }
    fn read_range(&self, key: &str, start: u64, len: u64) -> Result<Vec<u8>, CoreError> {
        let size = self.sizes.get(key).copied().unwrap_or(0);
        let want = len.min(size.saturating_sub(start));
        // The range starting at or before `start` that holds all that is wanted.
        let held = self.ranges.get(key).and_then(|by_start| {
            by_start
                .range(..=start)
                .rev()
                .take(1024)
                .find_map(|(s, data)| {
                    let from = usize::try_from(start - s).ok()?;
                    let to = from.checked_add(usize::try_from(want).ok()?)?;
                    (to <= data.len()).then(|| data[from..to].to_vec())
                })
        });
        held.ok_or_else(|| CoreError::InvalidFile {
            message: text!(
                "bundle-err-bytes",
                start = start,
                end = start.saturating_add(len),
                key = key
            ),
            remedy: text!("bundle-fix-bytes"),
        })
    }
    fn region(&self) -> Result<Option<String>, CoreError> {
        Ok(self.region.clone())
    }
    fn is_local(&self) -> bool {
        self.region.is_none()
    }
}

/// Opens what a support user points at: a folder, a data file, or a diagnostic
/// bundle (recognised by its content, not its name).
pub fn open_source(
    path: &std::path::Path,
) -> Result<std::sync::Arc<dyn crate::cur::Source>, CoreError> {
    // A bundle's own extension, or JSON (bundles of earlier versions); a file
    // larger than any bundle is left to the folder/file reader.
    let small_json = path
        .extension()
        .is_some_and(|e| e == "json" || e == HandoverKind::Bundle.extension())
        && std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() <= MAX_FILE_BYTES);
    if small_json {
        let bytes = read_file(path)?;
        if BundleSource::sniff(&bytes) {
            return Ok(std::sync::Arc::new(BundleSource::open(&bytes)?));
        }
    }
    crate::cur::open_local(path)
}
