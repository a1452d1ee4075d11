//! Any bytes as a diagnostic bundle's payload, signed (a signature says nothing
//! about content): opening it must give a source or a clear error, and a
//! validation of what opened must give a verdict — never a panic, and in time
//! linear in the bundle. The raw bytes are also tried as a whole bundle file.
#![no_main]

use channelops_core::cur::{self, CancelToken, Options};
use channelops_core::handover::{self, BUNDLE_FORMAT, BundleSource};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = BundleSource::open(data);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let key = ed25519_dalek::SigningKey::from_bytes(&[3u8; 32]);
    let Ok(file) = handover::seal_raw(&key, BUNDLE_FORMAT, text) else {
        return;
    };
    if let Ok(source) = BundleSource::open(file.as_bytes()) {
        let _ = cur::validate(
            std::sync::Arc::new(source),
            &Options::default(),
            &|_| {},
            &CancelToken::default(),
        );
    }
});
