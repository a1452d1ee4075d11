//! Validation of a folder, a data file, a diagnostic bundle or an `s3://` address,
//! with progress and Cancel; each run keeps its diagnostic bundle for export.

use std::path::PathBuf;
use std::sync::Arc;

use super::{Session, blocking};
use crate::aws::s3_source::{self, S3Source};
use crate::cur::{self, Progress, Source, ValidationResult};
use crate::error::CoreError;
use crate::handover;
use crate::ids::aws_account_id;

/// What to validate, and how.
#[derive(Debug, Clone, Default)]
pub struct ValidateRequest {
    /// A folder mirroring a bucket, a data file, a diagnostic bundle, or `s3://BUCKET[/PREFIX]`.
    pub path: String,
    /// The management (payer) account the CUR must belong to.
    pub account_id: Option<String>,
    /// The bucket's region, for a local copy.
    pub region: Option<String>,
    /// Read every row of every file.
    pub deep: bool,
    /// Rows sampled per file (the engine's default when `None`).
    pub sample_rows: Option<u64>,
    /// The diagnostic bundle is needed (the CLI's `--bundle-out`): when it cannot
    /// be signed (no data folder, a damaged or unreadable key), the validation is
    /// refused instead of run without one. (A missing key is created, as before.)
    pub bundle_required: bool,
}

/// True for an `s3://` address.
pub fn is_s3(path: &str) -> bool {
    path.trim().starts_with("s3://")
}

impl Session {
    /// Validates what `request` names, reporting progress; the run's diagnostic
    /// bundle is kept for [`Session::export_bundle`] when the workspace has its key.
    pub async fn validate(
        &self,
        request: ValidateRequest,
        on_progress: impl Fn(Progress) + Send + Sync + 'static,
    ) -> Result<ValidationResult, CoreError> {
        let account_id = request
            .account_id
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(aws_account_id)
            .transpose()?;
        let source = self.open_source(&request.path).await?;
        let mut options = cur::Options {
            account_id,
            region: request.region.clone(),
            deep: request.deep,
            ..Default::default()
        };
        if let Some(n) = request.sample_rows {
            options.sample_rows = n;
        }
        self.run_validation(source, options, request.bundle_required, on_progress)
            .await
    }

    /// Stops the running validation.
    pub fn cancel_validation(&self) {
        self.validation.cancel();
    }

    /// A folder, data file or bundle on disk, or a bucket read with the user's credentials.
    pub(super) async fn open_source(&self, path: &str) -> Result<Arc<dyn Source>, CoreError> {
        let path = path.trim();
        if is_s3(path) {
            let (bucket, prefix) = s3_source::parse_s3_uri(path)?;
            let aws = self.aws(None).await?;
            return Ok(Arc::new(S3Source::open(&aws, &bucket, &prefix).await?));
        }
        let path = PathBuf::from(path);
        blocking(move || handover::open_source(&path)).await
    }

    /// Validates `source` with the Cancel switch, keeping the run's bundle.
    pub(super) async fn run_validation(
        &self,
        source: Arc<dyn Source>,
        options: cur::Options,
        bundle_required: bool,
        on_progress: impl Fn(Progress) + Send + Sync + 'static,
    ) -> Result<ValidationResult, CoreError> {
        let cancel = self.validation.start();
        let db_path = self.db_path();
        let user = self.user();
        let (result, bundle) = blocking(move || {
            // Who makes the bundle: the signed-in user and workspace, when there is one.
            let made_by = match (&db_path, &user) {
                (Ok(p), Some(u)) if p.exists() => crate::store::Store::open(p)
                    .and_then(|s| crate::auth::actor(s.conn(), u))
                    .ok()
                    .map(|a| format!("{} ({})", a.email, a.org_name)),
                _ => None,
            };
            let key = match db_path.and_then(|p| handover::load_key(&p)) {
                Ok(key) => Some(key),
                Err(e) if bundle_required => return Err(e),
                // No workspace key yet: validated all the same, without a bundle.
                Err(_) => None,
            };
            match key {
                Some(key) => handover::validate_and_bundle(
                    source,
                    &options,
                    &key,
                    made_by.as_deref(),
                    &on_progress,
                    &cancel,
                )
                .map(|(r, b)| (r, Some(b))),
                None => cur::validate(source, &options, &on_progress, &cancel).map(|r| (r, None)),
            }
        })
        .await?;
        if let Ok(mut b) = self.last_bundle.lock() {
            *b = bundle;
        }
        Ok(result)
    }
}

/// Writes generated CUR fixtures (every layout, valid and invalid) under `dir`;
/// returns the folder of each variant.
pub fn write_fixtures(dir: &std::path::Path) -> Result<Vec<PathBuf>, CoreError> {
    cur::fixtures::write_all_variants(dir)?;
    Ok(cur::fixtures::VARIANTS
        .iter()
        .map(|v| dir.join(v.folder))
        .collect())
}

/// Writes the adversarial corpus under `dir` (tests and fuzzing seeds; see `hostile`).
pub fn write_hostile_corpus(dir: &std::path::Path) -> Result<Vec<crate::hostile::Case>, CoreError> {
    crate::hostile::write_corpus(dir)
}
