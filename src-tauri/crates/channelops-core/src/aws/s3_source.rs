//! An S3 bucket (or a prefix in it) as a source for the CUR engine: paginated
//! listing and ranged GETs, so only manifests, Parquet footers and sampled column
//! chunks, and gzip heads are fetched.
//!
//! The engine is synchronous and reads from several worker threads; each read
//! here runs on the AWS runtime and waits for it. A semaphore bounds the requests
//! in flight; the SDK retries throttling (`SlowDown`, 503) and transient errors
//! with exponential backoff, and a body cut off mid-transfer is fetched again.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use aws_sdk_s3::types::ServerSideEncryption;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use tokio::runtime::Handle;
use tokio::sync::Semaphore;

use super::bucket::{self, Location};
use super::errors::{is_denied, sdk_error};
use super::{Aws, AwsErrorKind};
use crate::cur::{ObjectInfo, Source};
use crate::error::CoreError;
use crate::text;
use crate::text::Arg;

/// Requests in flight at once, whatever the number of callers.
pub const MAX_IN_FLIGHT: usize = 8;

/// `s3://BUCKET[/PREFIX]` → (bucket, prefix without slashes at the ends).
pub fn parse_s3_uri(uri: &str) -> Result<(String, String), CoreError> {
    let rest = uri.strip_prefix("s3://").ok_or_else(|| {
        CoreError::invalid(
            text!("s3-err-not-s3-uri", uri = uri),
            text!("s3-fix-s3-uri"),
        )
    })?;
    let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
    bucket::check_name(bucket)?;
    Ok((bucket.to_owned(), prefix.trim_matches('/').to_owned()))
}

pub struct S3Source {
    aws: Aws,
    client: aws_sdk_s3::Client,
    bucket: String,
    prefix: String,
    region: String,
    handle: Handle,
    permits: Arc<Semaphore>,
    page_size: Option<i32>,
}

impl S3Source {
    /// Opens `bucket`/`prefix`: finds the bucket's region (its reads go there) and
    /// explains a missing or forbidden bucket.
    pub async fn open(aws: &Aws, bucket: &str, prefix: &str) -> Result<S3Source, CoreError> {
        bucket::check_name(bucket)?;
        let region = match bucket::location(aws, bucket).await? {
            Location::Region(r) => r,
            Location::Missing => return Err(bucket::missing(bucket)),
            Location::Denied => {
                return Err(CoreError::aws(
                    AwsErrorKind::AccessDenied,
                    text!("s3-err-location-denied", bucket = bucket),
                    text!("s3-fix-location-denied", bucket = bucket),
                ));
            }
        };
        Ok(S3Source::with_client(
            aws,
            aws.s3(&region),
            bucket,
            prefix,
            &region,
        ))
    }

    /// A source over a given client, the bucket's region already known (tests put a
    /// mocked client in). Must be called inside a multi-threaded runtime such as
    /// [`super::runtime`]: the engine's threads block on it, and only a
    /// multi-threaded runtime keeps timers (retry backoff) running meanwhile.
    pub fn with_client(
        aws: &Aws,
        client: aws_sdk_s3::Client,
        bucket: &str,
        prefix: &str,
        region: &str,
    ) -> S3Source {
        S3Source {
            aws: aws.clone(),
            client,
            bucket: bucket.to_owned(),
            prefix: prefix.trim_matches('/').to_owned(),
            region: region.to_owned(),
            handle: Handle::current(),
            permits: Arc::new(Semaphore::new(MAX_IN_FLIGHT)),
            page_size: None,
        }
    }

    /// Lists `n` keys per page instead of S3's 1000 (tests of pagination).
    pub fn with_page_size(mut self, n: i32) -> Self {
        self.page_size = Some(n);
        self
    }

    /// Runs `fut` on the AWS runtime from a synchronous caller.
    fn block<F: Future + Send>(&self, fut: F) -> F::Output
    where
        F::Output: Send,
    {
        match Handle::try_current() {
            // Called on a runtime thread (an async command): let others run meanwhile.
            Ok(_) => tokio::task::block_in_place(|| self.handle.block_on(fut)),
            Err(_) => self.handle.block_on(fut),
        }
    }

    fn full_key(&self, key: &str) -> String {
        if self.prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{}/{key}", self.prefix)
        }
    }

    async fn list_all(&self) -> Result<Vec<ObjectInfo>, CoreError> {
        let list_prefix = if self.prefix.is_empty() {
            String::new()
        } else {
            format!("{}/", self.prefix)
        };
        let mut pages = self
            .client
            .list_objects_v2()
            .bucket(&self.bucket)
            .prefix(&list_prefix)
            .set_max_keys(self.page_size)
            .into_paginator()
            .send();
        let mut out = Vec::new();
        while let Some(page) = pages.next().await {
            let page = page.map_err(|e| {
                if is_denied(&e) {
                    CoreError::aws(
                        AwsErrorKind::AccessDenied,
                        text!(
                            "s3-err-list-denied",
                            bucket = &self.bucket,
                            prefix = &list_prefix
                        ),
                        text!("s3-fix-list-denied", bucket = &self.bucket),
                    )
                } else {
                    sdk_error(&self.aws, "s3:ListBucket", &e)
                }
            })?;
            for o in page.contents() {
                let (Some(key), Some(size)) = (o.key(), o.size()) else {
                    continue;
                };
                let rel = key.strip_prefix(&list_prefix).unwrap_or(key);
                // "Folder" placeholder objects hold nothing.
                if rel.is_empty() || rel.ends_with('/') {
                    continue;
                }
                if out.len() == crate::limits::SOURCE_OBJECTS {
                    return Err(crate::cur::too_many_objects(&format!(
                        "s3://{}/{list_prefix}",
                        self.bucket
                    )));
                }
                out.push(ObjectInfo {
                    key: rel.to_owned(),
                    size: u64::try_from(size).unwrap_or(0),
                });
            }
        }
        out.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(out)
    }

    async fn get_range(&self, key: &str, start: u64, len: u64) -> Result<Vec<u8>, CoreError> {
        if len == 0 {
            return Ok(Vec::new());
        }
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| CoreError::Cancelled)?;
        let full = self.full_key(key);
        let range = format!("bytes={start}-{}", start + len - 1);
        let mut attempt = 0u32;
        loop {
            let resp = self
                .client
                .get_object()
                .bucket(&self.bucket)
                .key(&full)
                .range(&range)
                .send()
                .await;
            let out = match resp {
                Ok(out) => out,
                Err(e) if e.code() == Some("InvalidRange") => return Ok(Vec::new()),
                Err(e) if is_denied(&e) => {
                    return Err(self.explain_denied_read(&full, e.message()).await);
                }
                Err(e) if e.code() == Some("NoSuchKey") => {
                    return Err(CoreError::aws(
                        AwsErrorKind::NotFound,
                        text!("s3-err-gone", bucket = &self.bucket, key = &full),
                        text!("s3-fix-gone"),
                    ));
                }
                Err(e) => return Err(sdk_error(&self.aws, "s3:GetObject", &e)),
            };
            let ranged = out.content_range().is_some();
            // Never more than was asked for in memory: a server that ignores Range
            // sends the whole object, which is read only up to the range's end.
            let wanted_end = if ranged {
                len
            } else {
                start.saturating_add(len)
            };
            match read_body(out.body, wanted_end).await {
                Ok(mut bytes) => {
                    if !ranged {
                        let from = usize::try_from(start)
                            .unwrap_or(usize::MAX)
                            .min(bytes.len());
                        bytes.drain(..from);
                    }
                    bytes.truncate(usize::try_from(len).unwrap_or(usize::MAX));
                    return Ok(bytes);
                }
                Err(e) if attempt < 3 => {
                    attempt += 1;
                    tracing::debug!(key = %full, attempt, "S3 body cut off ({e}); fetching again");
                    tokio::time::sleep(Duration::from_millis(200 << attempt)).await;
                }
                Err(e) => {
                    return Err(CoreError::aws(
                        AwsErrorKind::Unreachable,
                        text!(
                            "s3-err-cut-off",
                            bucket = &self.bucket,
                            key = &full,
                            detail = e.to_string()
                        ),
                        text!("s3-fix-cut-off"),
                    ));
                }
            }
        }
    }

    /// An AccessDenied on GetObject: a KMS key the reader may not use, or no s3:GetObject.
    async fn explain_denied_read(&self, full: &str, message: Option<&str>) -> CoreError {
        let head = self
            .client
            .head_object()
            .bucket(&self.bucket)
            .key(full)
            .send()
            .await;
        let kms_key = match &head {
            Ok(h) if h.server_side_encryption() == Some(&ServerSideEncryption::AwsKms) => Some(
                h.ssekms_key_id()
                    .map_or_else(|| Arg::from(text!("s3-kms-key-hidden")), Arg::from),
            ),
            _ if message.is_some_and(|m| m.to_ascii_lowercase().contains("kms")) => {
                Some(Arg::from(text!("s3-kms-key-hidden")))
            }
            _ => None,
        };
        match kms_key {
            Some(key) => CoreError::aws(
                AwsErrorKind::AccessDenied,
                text!(
                    "s3-err-kms-denied",
                    bucket = &self.bucket,
                    key = full,
                    kms_key = key
                ),
                text!("s3-fix-kms-denied"),
            ),
            None => CoreError::aws(
                AwsErrorKind::AccessDenied,
                text!("s3-err-get-denied", bucket = &self.bucket, key = full),
                text!("s3-fix-get-denied", bucket = &self.bucket),
            ),
        }
    }
}

impl Source for S3Source {
    fn describe(&self) -> String {
        if self.prefix.is_empty() {
            format!("s3://{}", self.bucket)
        } else {
            format!("s3://{}/{}", self.bucket, self.prefix)
        }
    }

    fn list(&self) -> Result<Vec<ObjectInfo>, CoreError> {
        self.block(self.list_all())
    }

    fn read_range(&self, key: &str, start: u64, len: u64) -> Result<Vec<u8>, CoreError> {
        self.block(self.get_range(key, start, len))
    }

    fn region(&self) -> Result<Option<String>, CoreError> {
        Ok(Some(self.region.clone()))
    }

    fn is_local(&self) -> bool {
        false
    }
}

/// Reads a response body up to `max` bytes, dropping the connection after.
async fn read_body(
    mut body: aws_sdk_s3::primitives::ByteStream,
    max: u64,
) -> Result<Vec<u8>, aws_sdk_s3::primitives::ByteStreamError> {
    let mut bytes = Vec::with_capacity(usize::try_from(max.min(16 << 20)).unwrap_or(0));
    while let Some(chunk) = body.try_next().await? {
        let room = usize::try_from(max).unwrap_or(usize::MAX) - bytes.len();
        bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
        if bytes.len() as u64 >= max {
            break;
        }
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s3_uris_split_into_bucket_and_prefix() {
        assert_eq!(
            parse_s3_uri("s3://my-bucket").unwrap(),
            ("my-bucket".into(), String::new())
        );
        assert_eq!(
            parse_s3_uri("s3://my-bucket/cur/daily/").unwrap(),
            ("my-bucket".into(), "cur/daily".into())
        );
        assert!(parse_s3_uri("https://my-bucket").is_err());
        assert!(parse_s3_uri("s3://My_Bucket/x").is_err());
    }
}
