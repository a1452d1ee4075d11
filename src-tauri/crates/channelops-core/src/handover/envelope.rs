//! Signed envelopes: a payload, its format, the signer's public key and an ed25519 signature.

#[allow(unused_imports)]
use super::*;

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Envelope {
    format: String,
    payload: serde_json::Value,
    public_key: String,
    signature: String,
}

pub(super) fn message(format: &str, payload: &serde_json::Value) -> Vec<u8> {
    // serde_json::Value keeps object keys sorted: the same payload gives the same bytes.
    let mut m = format.as_bytes().to_vec();
    m.push(b'\n');
    m.extend(payload.to_string().as_bytes());
    m
}

/// Signs `payload` into a hand-over file (pretty JSON).
pub fn seal(key: &SigningKey, format: &str, payload: &impl Serialize) -> Result<String, CoreError> {
    let payload = serde_json::to_value(payload).map_err(|e| {
        invalid_file(
            format!("cannot write the file: {e}"),
            "Report this problem.",
        )
    })?;
    let signature = key.sign(&message(format, &payload));
    let env = Envelope {
        format: format.to_owned(),
        payload,
        public_key: STANDARD.encode(key.verifying_key().as_bytes()),
        signature: STANDARD.encode(signature.to_bytes()),
    };
    serde_json::to_string_pretty(&env).map_err(|e| {
        invalid_file(
            format!("cannot write the file: {e}"),
            "Report this problem.",
        )
    })
}

/// Verifies a hand-over file of `format`; returns its payload and signer's public key.
pub fn open_sealed(bytes: &[u8], format: &str) -> Result<(serde_json::Value, String), CoreError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(invalid_file(
            format!(
                "the file is {} bytes, more than the {} allowed",
                bytes.len(),
                MAX_FILE_BYTES
            ),
            "Check that you chose the right file.",
        ));
    }
    let env: Envelope = serde_json::from_slice(bytes).map_err(|e| {
        invalid_file(
            format!("this is not a ChannelOps hand-over file ({e})"),
            "Check that you chose the right file, and that it was not edited.",
        )
    })?;
    if env.format != format {
        return Err(invalid_file(
            format!("this is a {:?} file, not a {format:?} file", env.format),
            "Choose the right kind of file.",
        ));
    }
    let tampered = || {
        invalid_file(
            "the file's signature does not match its content: it was changed after it was made",
            "Ask the sender for a fresh copy; do not edit hand-over files.",
        )
    };
    let pk: [u8; 32] = STANDARD
        .decode(&env.public_key)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(tampered)?;
    let sig: [u8; 64] = STANDARD
        .decode(&env.signature)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(tampered)?;
    let vk = VerifyingKey::from_bytes(&pk).map_err(|_| tampered())?;
    vk.verify_strict(&message(format, &env.payload), &Signature::from_bytes(&sig))
        .map_err(|_| tampered())?;
    Ok((env.payload, env.public_key))
}

pub(super) fn payload<T: for<'de> Deserialize<'de>>(
    value: serde_json::Value,
) -> Result<T, CoreError> {
    serde_json::from_value(value).map_err(|e| {
        invalid_file(
            format!("the file's content is not as expected ({e})"),
            "Ask the sender for a fresh copy made with the same version of ChannelOps.",
        )
    })
}
