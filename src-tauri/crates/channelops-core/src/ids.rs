//! Identifiers that come from people or files, parsed in one place each.
//! Foundation layer: depends only on `error`.

use crate::error::CoreError;
use crate::text;

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
            text!("ids-err-account", id = id),
            text!("ids-fix-account"),
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
            text!("ids-err-bucket", bucket = bucket),
            text!("ids-fix-bucket"),
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
            text!("ids-err-stack", name = name),
            text!("ids-fix-stack"),
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
