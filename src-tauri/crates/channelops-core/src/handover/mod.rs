//! Hand-over files between machines, each signed with the issuing workspace's
//! ed25519 key and verified on import: the invitation (reseller → customer), the
//! onboarding report (customer → reseller) and the diagnostic bundle (customer →
//! support). Imports reject tampering, expiry, reuse, path traversal, oversize and
//! malformed content, and write nothing when they refuse.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::auth::{self, Actor, OrgKind};
use crate::cloudformation::percent_encode;
use crate::cur::{self, ObjectInfo, Source, ValidationResult};
use crate::error::CoreError;
use crate::onboarding::{self, AccountState, NewCustomer, audit, get_org};
use crate::store::{Store, new_id, now, random_bytes};
#[allow(unused_imports)]
use crate::text;
#[allow(unused_imports)]
use crate::text::Text;

mod bundle;
mod envelope;
mod files;
mod invitation;
mod kinds;
mod report;

pub use bundle::*;
pub use envelope::*;
pub use files::*;
pub use invitation::*;
pub use kinds::*;
pub use report::*;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn mail_headers_are_strictly_encoded_and_names_hold_no_line_breaks() {
        assert_eq!(header_text("Ann Lee"), "Ann Lee");
        let jp = header_text("株式会社テストの山田太郎さんへのご招待です、よろしくお願いします");
        assert!(
            jp.starts_with("=?utf-8?B?") && jp.contains("?=\r\n =?utf-8?B?"),
            "{jp}"
        );
        assert!(jp.lines().all(|l| l.trim_end().len() <= 76), "{jp}");
        let forged = header_text("Ann\r\nBcc: all@evil.example");
        assert!(
            !forged.contains("Bcc:") && !forged.contains('\n'),
            "{forged}"
        );
        assert_eq!(
            header_text("<x@y>"),
            format!("=?utf-8?B?{}?=", STANDARD.encode("<x@y>"))
        );
        for name in ["Ann\r\nBcc: x@evil.example", "Ann\u{1b}[31m", "Ann\u{202e}"] {
            assert!(
                onboarding::validate_name(text!("field-contact-name"), name).is_err(),
                "{name:?}"
            );
        }
        for email in [
            "ann\u{0}@acme.example",
            "a\"b@acme.example",
            "a<b>@acme.example",
        ] {
            assert!(onboarding::validate_email(email).is_err(), "{email:?}");
        }
    }

    #[test]
    fn a_bundle_of_keys_with_double_and_leading_slashes_reopens_with_the_same_verdict() {
        let csv = "identity/TimeInterval,lineItem/ResourceId\n2026-10-01T00:00:00Z/2026-10-01T01:00:00Z,i-1\n";
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, csv.as_bytes()).unwrap();
        let source = Arc::new(cur::InMemory {
            key: "/cur//r/20261001-20261101/r-1.csv.gz".into(),
            bytes: gz.finish().unwrap(),
            remote: false,
        });
        let key = SigningKey::from_bytes(&[1u8; 32]);
        let (original, bundle) = validate_and_bundle(
            source,
            &cur::Options::default(),
            &key,
            Some("s@support.example (Support)"),
            &|_| {},
            &cur::CancelToken::default(),
        )
        .unwrap();
        let replay = BundleSource::open(bundle.as_bytes()).unwrap();
        assert_eq!(
            replay.list().unwrap()[0].key,
            "/cur//r/20261001-20261101/r-1.csv.gz"
        );
        assert!(
            replay
                .describe()
                .contains("made by s@support.example (Support) (key SHA256:")
        );
        let again = cur::validate(
            Arc::new(replay),
            &cur::Options::default(),
            &|_| {},
            &cur::CancelToken::default(),
        )
        .unwrap();
        assert_eq!(again.reports, original.reports);
        // A key climbing out, or holding control characters, is refused.
        for bad in ["../etc/passwd", "a/./b", "a\u{1b}[2J", "a\\b"] {
            assert!(!safe_key(bad), "{bad:?}");
        }
        assert!(safe_key("//a") && safe_key("/a//b"));
    }

    #[test]
    fn exported_file_names_are_safe_slugs() {
        assert_eq!(
            file_name("Acme Corp.", ".channelops-invitation.json"),
            "acme-corp.channelops-invitation.json"
        );
        assert_eq!(file_name("../../etc", ".json"), "etc.json");
        assert_eq!(
            file_name("株式会社 テスト", ".json"),
            "株式会社-テスト.json"
        );
        assert_eq!(file_name("///", ".json"), "export.json");
    }

    #[test]
    fn an_export_replaces_the_file_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        std::fs::write(&path, "old and longer content").unwrap();
        write_file(&path, "new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let err = write_file(&dir.path().join("missing/out.json"), "x").unwrap_err();
        assert!(err.remedy().len() > 10, "{err:?}");
    }
}
