//! The CUR bucket: does it exist, is it in us-east-1, may the user list and read it?

use crate::text;
use crate::text::Text;
use aws_sdk_s3::types::{BucketLocationConstraint, ServerSideEncryption};
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use serde::Serialize;

use super::errors::{is_denied, sdk_error};
use super::{Aws, AwsErrorKind, HOME_REGION};
use crate::error::CoreError;

pub use crate::ids::bucket_name as check_name;

pub(crate) enum Location {
    Region(String),
    Missing,
    Denied,
}

/// `GetBucketLocation`: an empty or null constraint means us-east-1, `EU` eu-west-1.
pub(crate) async fn location(aws: &Aws, bucket: &str) -> Result<Location, CoreError> {
    location_with(aws, &aws.s3(HOME_REGION), bucket).await
}

async fn location_with(
    aws: &Aws,
    s3: &aws_sdk_s3::Client,
    bucket: &str,
) -> Result<Location, CoreError> {
    match s3.get_bucket_location().bucket(bucket).send().await {
        Ok(out) => Ok(Location::Region(region_of(out.location_constraint()))),
        Err(e) if e.code() == Some("NoSuchBucket") => Ok(Location::Missing),
        Err(e) if is_denied(&e) => Ok(Location::Denied),
        Err(e) => Err(sdk_error(aws, "s3:GetBucketLocation", &e)),
    }
}

pub(crate) fn region_of(constraint: Option<&BucketLocationConstraint>) -> String {
    match constraint.map(BucketLocationConstraint::as_str) {
        None | Some("") => HOME_REGION.to_owned(),
        Some("EU") => "eu-west-1".to_owned(),
        Some(r) => r.to_owned(),
    }
}

pub(crate) fn missing(bucket: &str) -> CoreError {
    CoreError::aws(
        AwsErrorKind::NotFound,
        text!("bucket-err-missing", bucket = bucket),
        text!("bucket-fix-missing"),
    )
}

/// What the bucket check found; `ok` only when every step passed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BucketStatus {
    pub bucket: String,
    /// The region AWS reported (`None` when it could not be asked).
    pub region: Option<String>,
    pub ok: bool,
    /// What is wrong, in one sentence.
    pub problem: Option<Text>,
    pub remedy: Option<Text>,
    /// Objects seen by the listing probe (0 or 1).
    pub objects_seen: u32,
}

impl BucketStatus {
    fn fail(bucket: &str, region: Option<String>, problem: Text, remedy: Text) -> Self {
        BucketStatus {
            bucket: bucket.to_owned(),
            region,
            ok: false,
            problem: Some(problem),
            remedy: Some(remedy),
            objects_seen: 0,
        }
    }
}

/// Reachable, in us-east-1, listable, and its objects readable (KMS included).
pub async fn check(aws: &Aws, bucket: &str) -> Result<BucketStatus, CoreError> {
    check_with(aws, &aws.s3(HOME_REGION), bucket).await
}

/// [`check`] over a given us-east-1 client (tests put a mocked one in).
pub async fn check_with(
    aws: &Aws,
    s3: &aws_sdk_s3::Client,
    bucket: &str,
) -> Result<BucketStatus, CoreError> {
    check_name(bucket)?;
    let region = match location_with(aws, s3, bucket).await? {
        Location::Region(r) => r,
        Location::Missing => {
            let e = missing(bucket);
            return Ok(BucketStatus::fail(bucket, None, e.text(), e.remedy_text()));
        }
        Location::Denied => {
            return Ok(BucketStatus::fail(
                bucket,
                None,
                text!("bucket-location-denied", bucket = bucket),
                text!("bucket-location-denied-remedy", bucket = bucket),
            ));
        }
    };
    if region != HOME_REGION {
        return Ok(BucketStatus::fail(
            bucket,
            Some(region.clone()),
            text!("check-region-other", region = &region),
            text!("remedy-region"),
        ));
    }
    // Only a us-east-1 bucket gets this far: the same client reads it.
    let listed = match s3.list_objects_v2().bucket(bucket).max_keys(1).send().await {
        Ok(l) => l,
        Err(e) if is_denied(&e) => {
            return Ok(BucketStatus::fail(
                bucket,
                Some(region),
                text!("bucket-list-denied", bucket = bucket),
                text!("bucket-list-denied-remedy", bucket = bucket),
            ));
        }
        Err(e) => return Err(sdk_error(aws, "s3:ListBucket", &e)),
    };
    let first = listed
        .contents()
        .first()
        .and_then(|o| o.key())
        .map(str::to_owned);
    if let Some(key) = &first {
        // Can the objects be read? A KMS key the user may not use shows here.
        if let Err(e) = s3
            .get_object()
            .bucket(bucket)
            .key(key)
            .range("bytes=0-0")
            .send()
            .await
        {
            if is_denied(&e) {
                let kms = match s3.head_object().bucket(bucket).key(key).send().await {
                    Ok(h) => h.server_side_encryption() == Some(&ServerSideEncryption::AwsKms),
                    Err(_) => e
                        .message()
                        .is_some_and(|m| m.to_ascii_lowercase().contains("kms")),
                };
                let (problem, remedy) = if kms {
                    (
                        text!("bucket-kms-denied", bucket = bucket),
                        text!("bucket-kms-denied-remedy"),
                    )
                } else {
                    (
                        text!("bucket-get-denied", bucket = bucket),
                        text!("bucket-get-denied-remedy", bucket = bucket),
                    )
                };
                return Ok(BucketStatus::fail(bucket, Some(region), problem, remedy));
            }
            if e.code() != Some("InvalidRange") {
                return Err(sdk_error(aws, "s3:GetObject", &e));
            }
        }
    }
    Ok(BucketStatus {
        bucket: bucket.to_owned(),
        region: Some(region),
        ok: true,
        problem: None,
        remedy: None,
        objects_seen: u32::from(first.is_some()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_constraints_map_to_regions() {
        assert_eq!(region_of(None), "us-east-1");
        assert_eq!(
            region_of(Some(&BucketLocationConstraint::from(""))),
            "us-east-1"
        );
        assert_eq!(
            region_of(Some(&BucketLocationConstraint::from("EU"))),
            "eu-west-1"
        );
        assert_eq!(
            region_of(Some(&BucketLocationConstraint::EuWest1)),
            "eu-west-1"
        );
    }

    #[test]
    fn bucket_names_follow_s3_rules() {
        assert!(check_name("my-cur-bucket.2026").is_ok());
        for bad in [
            "ab",
            "My-Bucket",
            "-x-bucket",
            "a..b",
            "bucket_x",
            &"a".repeat(64),
        ] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }
}
