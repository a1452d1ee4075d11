//! Any bytes as a hand-over file (invitation, onboarding report), raw and as a
//! signed payload: the opener and the payload types must give a value or a
//! clear error, never a panic or unbounded memory.
#![no_main]

use channelops_core::handover::{
    self, INVITATION_FORMAT, InvitationPayload, OnboardingReport, REPORT_FORMAT,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for format in [INVITATION_FORMAT, REPORT_FORMAT] {
        if let Ok(sealed) = handover::open_sealed(data, format) {
            let _ = sealed.payload::<InvitationPayload>();
            let _ = sealed.payload::<OnboardingReport>();
        }
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let key = ed25519_dalek::SigningKey::from_bytes(&[5u8; 32]);
    for format in [INVITATION_FORMAT, REPORT_FORMAT] {
        let Ok(file) = handover::seal_raw(&key, format, text) else {
            continue;
        };
        let sealed = handover::open_sealed(file.as_bytes(), format)
            .expect("a file just sealed opens");
        assert!(sealed.fingerprint.starts_with("SHA256:"));
        let _ = sealed.payload::<InvitationPayload>();
        let _ = sealed.payload::<OnboardingReport>();
    }
});
