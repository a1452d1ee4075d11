//! Signed envelopes: a payload, its format, the signer's public key and an
//! ed25519 signature over the format and the payload's exact bytes.
//!
//! The payload is kept as the raw JSON text it arrived as (never a parsed tree:
//! a crafted file of millions of tiny values would become gigabytes), verified
//! over those bytes, then read straight into its type. A valid signature proves
//! only that nobody changed the file since the key's holder made it; *whose* key
//! that is, is decided by pinning (see ARCHITECTURE.md → Trust model).

#[allow(unused_imports)]
use super::*;

use serde_json::value::RawValue;

#[derive(Debug, Serialize, Deserialize)]
struct Envelope<'a> {
    format: &'a str,
    #[serde(borrow)]
    payload: &'a RawValue,
    public_key: &'a str,
    signature: &'a str,
}

fn message(format: &str, payload: &str) -> Vec<u8> {
    let mut m = format.as_bytes().to_vec();
    m.push(b'\n');
    m.extend(payload.as_bytes());
    m
}

/// A public key's fingerprint as people compare it: `SHA256:` and 22 characters.
pub fn fingerprint(public_key: &[u8]) -> String {
    format!("SHA256:{}", b64url(&Sha256::digest(public_key)[..16]))
}

/// The fingerprint of a key written as base64 (as envelopes and `trusted_keys` hold it).
pub fn fingerprint_b64(public_key: &str) -> String {
    STANDARD
        .decode(public_key)
        .map_or_else(|_| "unknown key".into(), |k| fingerprint(&k))
}

/// Signs `payload` into a hand-over file (JSON).
pub fn seal(key: &SigningKey, format: &str, payload: &impl Serialize) -> Result<String, CoreError> {
    let text = serde_json::to_string(payload).map_err(cannot_write)?;
    seal_raw(key, format, &text)
}

/// Signs a payload given as JSON text (also for fuzzing and tests: content no
/// type holds).
pub fn seal_raw(key: &SigningKey, format: &str, payload: &str) -> Result<String, CoreError> {
    let raw = RawValue::from_string(payload.to_owned()).map_err(cannot_write)?;
    let signature = key.sign(&message(format, raw.get()));
    let public_key = STANDARD.encode(key.verifying_key().as_bytes());
    let signature = STANDARD.encode(signature.to_bytes());
    serde_json::to_string_pretty(&Envelope {
        format,
        payload: &raw,
        public_key: &public_key,
        signature: &signature,
    })
    .map_err(cannot_write)
}

fn cannot_write(e: serde_json::Error) -> CoreError {
    invalid_file(
        text!("file-err-write", detail = e.to_string()),
        text!("remedy-report"),
    )
}

/// A verified hand-over file: its payload's JSON text and who signed it.
#[derive(Debug)]
pub struct Sealed {
    payload: String,
    /// The signer's public key, base64 (as `trusted_keys` holds it).
    pub public_key: String,
    /// The signer's key as people compare it (shown on every import).
    pub fingerprint: String,
}

impl Sealed {
    /// The payload read into its type.
    pub fn payload<T: for<'de> Deserialize<'de>>(&self) -> Result<T, CoreError> {
        serde_json::from_str(&self.payload).map_err(|e| {
            invalid_file(
                text!("file-err-content", detail = e.to_string()),
                text!("file-fix-content"),
            )
        })
    }
}

/// Verifies a hand-over file of `format` against the key it carries.
pub fn open_sealed(bytes: &[u8], format: &str) -> Result<Sealed, CoreError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(invalid_file(
            text!("file-err-size", size = bytes.len(), max = MAX_FILE_BYTES),
            text!("file-fix-right-file"),
        ));
    }
    let env: Envelope<'_> = serde_json::from_slice(bytes).map_err(|e| {
        invalid_file(
            text!("file-err-not-json", detail = e.to_string()),
            text!("file-fix-not-json"),
        )
    })?;
    if env.format != format {
        let (kind, version) = env.format.rsplit_once('/').unwrap_or((env.format, ""));
        let (want, _) = format.rsplit_once('/').unwrap_or((format, ""));
        if kind == want {
            return Err(invalid_file(
                text!("file-err-version", kind = kind, version = version),
                text!("file-fix-version"),
            ));
        }
        return Err(invalid_file(
            text!("file-err-kind", found = env.format, wanted = format),
            text!("file-fix-kind"),
        ));
    }
    let tampered = || invalid_file(text!("file-err-tampered"), text!("file-fix-tampered"));
    let pk: [u8; 32] = STANDARD
        .decode(env.public_key)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(tampered)?;
    let sig: [u8; 64] = STANDARD
        .decode(env.signature)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(tampered)?;
    let vk = VerifyingKey::from_bytes(&pk).map_err(|_| tampered())?;
    vk.verify_strict(
        &message(format, env.payload.get()),
        &Signature::from_bytes(&sig),
    )
    .map_err(|_| tampered())?;
    Ok(Sealed {
        payload: env.payload.get().to_owned(),
        public_key: env.public_key.to_owned(),
        fingerprint: fingerprint(&pk),
    })
}
