//! Any bytes given as a `<report>-Manifest.json`: parse must return, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(m) = channelops_core::cur::manifest::parse(data) {
        let _ = m.account_id();
        let _ = m.data_exports_marker();
    }
});
