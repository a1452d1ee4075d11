//! Identifiers that come from people or files, parsed in one place each.
//! Foundation layer: depends only on `error`.

use crate::error::CoreError;

/// An AWS account ID: 12 digits (spaces and dashes, as the console shows them, are dropped).
pub fn aws_account_id(id: &str) -> Result<String, CoreError> {
    let v: String = id
        .trim()
        .chars()
        .filter(|c| *c != '-' && *c != ' ')
        .collect();
    if v.len() == 12 && v.bytes().all(|b| b.is_ascii_digit()) {
        Ok(v)
    } else {
        Err(CoreError::invalid(
            format!("{id:?} is not an AWS account ID"),
            "An AWS account ID is 12 digits, e.g. 111122223333 (shown in the AWS console's account menu).",
        ))
    }
}

/// S3's bucket naming rules (general purpose buckets).
pub fn bucket_name(bucket: &str) -> Result<(), CoreError> {
    let ok = (3..=63).contains(&bucket.len())
        && bucket
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
        && bucket.starts_with(|c: char| c.is_ascii_alphanumeric())
        && bucket.ends_with(|c: char| c.is_ascii_alphanumeric())
        && !bucket.contains("..");
    if ok {
        Ok(())
    } else {
        Err(CoreError::invalid(
            format!("{bucket:?} is not a valid S3 bucket name"),
            "Bucket names have 3 to 63 characters: lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit. Enter the name only (not s3:// or a URL); copy it from the S3 console.",
        ))
    }
}

/// Now, as stored: RFC 3339 UTC with seconds.
pub fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A new random identifier.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// `n` random bytes from the OS.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], CoreError> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|e| {
        CoreError::io(
            "read random bytes from",
            "the operating system",
            std::io::Error::other(e.to_string()),
        )
    })?;
    Ok(buf)
}

/// CloudFormation's stack naming rule.
pub fn stack_name(name: &str) -> Result<(), CoreError> {
    let ok = !name.is_empty()
        && name.len() <= 128
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(CoreError::invalid(
            format!("{name:?} is not a valid stack name"),
            "A stack name starts with a letter and has only letters, digits and hyphens (at most 128).",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_ids_are_twelve_digits_with_dashes_and_spaces_dropped() {
        assert_eq!(
            aws_account_id(" 1111-2222-3333 ").ok().as_deref(),
            Some("111122223333")
        );
        for bad in ["11112222333", "1111222233334", "11112222333x", ""] {
            assert!(aws_account_id(bad).is_err(), "{bad}");
        }
    }
}
