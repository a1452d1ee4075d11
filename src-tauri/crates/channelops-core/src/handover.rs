//! Hand-over files between machines, each signed with the issuing workspace's
//! ed25519 key and verified on import: the invitation (reseller → customer), the
//! onboarding report (customer → reseller) and the diagnostic bundle (customer →
//! support). Imports reject tampering, expiry, reuse, path traversal, oversize and
//! malformed content, and write nothing when they refuse.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::auth::{self, Actor, OrgKind};
use crate::cloudformation::percent_encode;
use crate::cur::{self, ObjectInfo, Source, ValidationResult};
use crate::error::CoreError;
use crate::onboarding::{self, audit, get_org};
use crate::store::{Store, new_id, now, random_bytes};

pub const INVITATION_FORMAT: &str = "channelops-invitation/1";
pub const REPORT_FORMAT: &str = "channelops-onboarding-report/1";
pub const BUNDLE_FORMAT: &str = "channelops-diagnostic-bundle/1";
/// Hand-over files larger than this are refused.
pub const MAX_FILE_BYTES: u64 = 64 << 20;
/// Invitations are valid for 14 days.
pub const INVITATION_DAYS: i64 = 14;

/// Reads a hand-over file (invitation, report, bundle), refusing anything larger
/// than such a file can be, and anything that is not a regular file.
pub fn read_file(path: &Path) -> Result<Vec<u8>, CoreError> {
    crate::files::read_bounded(path, MAX_FILE_BYTES, "hand-over file")
}

/// Writes an exported file whole or not at all (see [`crate::files::write_atomic`]).
pub fn write_file(path: &Path, text: &str) -> Result<(), CoreError> {
    crate::files::write_atomic(path, text.as_bytes())
}

/// Where exported files go unless the user picks another place: the Downloads
/// folder, else the home folder.
pub fn export_dir() -> Result<PathBuf, CoreError> {
    let dirs = directories::UserDirs::new().ok_or(CoreError::DataDirUnknown)?;
    Ok(dirs
        .download_dir()
        .filter(|d| d.is_dir())
        .map_or_else(|| dirs.home_dir().to_owned(), Path::to_owned))
}

/// A file name made of `name` (letters and digits kept, the rest as dashes) and `suffix`.
pub fn file_name(name: &str, suffix: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    format!("{}{suffix}", if slug.is_empty() { "export" } else { slug })
}

pub fn b64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn invalid_file(message: impl Into<String>, remedy: impl Into<String>) -> CoreError {
    CoreError::InvalidFile {
        message: message.into(),
        remedy: remedy.into(),
    }
}

// ---------- the workspace key ----------

/// The signing key lives beside the database (`<db>.key`, owner-only), never in it.
pub fn key_path(db: &Path) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(".key");
    PathBuf::from(p)
}

/// Creates the workspace key if there is none.
pub fn ensure_key(db: &Path) -> Result<(), CoreError> {
    let path = key_path(db);
    if path.exists() {
        return Ok(());
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| CoreError::io("create", parent, e))?;
    }
    let seed = random_bytes::<32>()?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    use std::io::Write;
    let mut f = options
        .open(&path)
        .map_err(|e| CoreError::io("create the workspace key", &path, e))?;
    f.write_all(STANDARD.encode(seed).as_bytes())
        .map_err(|e| CoreError::io("write the workspace key", &path, e))?;
    f.sync_all()
        .map_err(|e| CoreError::io("write the workspace key", &path, e))
}

pub fn load_key(db: &Path) -> Result<SigningKey, CoreError> {
    ensure_key(db)?;
    let path = key_path(db);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| CoreError::io("read the workspace key", &path, e))?;
    let bytes = STANDARD.decode(text.trim()).ok().and_then(|b| <[u8; 32]>::try_from(b).ok()).ok_or_else(|| {
        invalid_file(format!("the workspace key {} is damaged", path.display()), "Restore it from a backup; files signed with a new key will not be trusted by workspaces that trust the old one.")
    })?;
    Ok(SigningKey::from_bytes(&bytes))
}

// ---------- signed envelopes ----------

#[derive(Debug, Serialize, Deserialize)]
struct Envelope {
    format: String,
    payload: serde_json::Value,
    public_key: String,
    signature: String,
}

fn message(format: &str, payload: &serde_json::Value) -> Vec<u8> {
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

fn payload<T: for<'de> Deserialize<'de>>(value: serde_json::Value) -> Result<T, CoreError> {
    serde_json::from_value(value).map_err(|e| {
        invalid_file(
            format!("the file's content is not as expected ({e})"),
            "Ask the sender for a fresh copy made with the same version of ChannelOps.",
        )
    })
}

// ---------- invitations ----------

/// A one-time activation code: 130 random bits in 26 base32 characters, shown in groups.
fn new_code() -> Result<String, CoreError> {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32
    let bytes = random_bytes::<17>()?;
    let mut bits: u128 = 0;
    for b in &bytes[..16] {
        bits = (bits << 8) | u128::from(*b);
    }
    let mut chars = Vec::with_capacity(26);
    for i in 0..25 {
        chars.push(ALPHABET[((bits >> (i * 5)) & 31) as usize]);
    }
    chars.push(ALPHABET[(bytes[16] & 31) as usize]);
    let s = String::from_utf8_lossy(&chars).into_owned();
    Ok(s.as_bytes()
        .chunks(5)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-"))
}

/// SHA-256 of the code as typed (case, spaces and dashes ignored).
pub fn code_hash(code: &str) -> String {
    let norm: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    Sha256::digest(norm.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OrgSummary {
    pub id: String,
    pub kind: OrgKind,
    pub name: String,
    pub domain: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ContractSummary {
    pub plan: String,
    pub start_date: String,
    pub end_date: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InvitationPayload {
    pub invitation_id: String,
    pub customer: OrgSummary,
    pub contact_name: String,
    pub contact_email: String,
    /// The parent chain, reseller first.
    pub parents: Vec<OrgSummary>,
    pub contract: Option<ContractSummary>,
    pub code: String,
    pub expires_at: String,
    pub issued_at: String,
    pub issued_by: String,
}

/// What the reseller hands over: the code (shown once), the signed file, the welcome message.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IssuedInvitation {
    pub customer_id: String,
    pub email: String,
    pub code: String,
    pub expires_at: String,
    /// The signed invitation file (JSON) to save as `<customer>.channelops-invitation.json`.
    pub file: String,
    pub welcome_text: String,
    pub welcome_eml: String,
    pub mailto: String,
}

fn org_summary(o: &onboarding::Org) -> OrgSummary {
    OrgSummary {
        id: o.id.clone(),
        kind: o.kind,
        name: o.name.clone(),
        domain: o.domain.clone(),
    }
}

pub(crate) fn issue_invitation_in(
    tx: &Transaction<'_>,
    actor: &Actor,
    key: &SigningKey,
    customer_id: &str,
    user_id: &str,
) -> Result<IssuedInvitation, CoreError> {
    let customer = get_org(tx, customer_id)?;
    let (contact_name, contact_email) = (
        customer.contact_name.clone().unwrap_or_default(),
        customer.contact_email.clone().unwrap_or_default(),
    );
    let parents: Vec<OrgSummary> = auth::path_to_root(tx, customer_id)?
        .iter()
        .skip(1)
        .map(|o| get_org(tx, &o.id).map(|full| org_summary(&full)))
        .collect::<Result<_, _>>()?;
    let contract = onboarding::active_contract(tx, customer_id)?.map(|c| ContractSummary {
        plan: c.plan,
        start_date: c.start_date,
        end_date: c.end_date,
    });
    let code = new_code()?;
    let issued_at = now();
    let expires_at = (chrono::Utc::now() + chrono::Duration::days(INVITATION_DAYS))
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    // A new code replaces any unused one.
    tx.execute(
        "UPDATE invitations SET expires_at = ?2 WHERE customer_id = ?1 AND used_at IS NULL",
        params![customer_id, issued_at],
    )?;
    let invitation_id = new_id();
    tx.execute(
        "INSERT INTO invitations (id, customer_id, user_id, code_hash, expires_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![invitation_id, customer_id, user_id, code_hash(&code), expires_at, issued_at],
    )?;
    let reseller = parents.first().map(|p| p.name.clone()).unwrap_or_default();
    let payload = InvitationPayload {
        invitation_id,
        customer: org_summary(&customer),
        contact_name: contact_name.clone(),
        contact_email: contact_email.clone(),
        parents,
        contract,
        code: code.clone(),
        expires_at: expires_at.clone(),
        issued_at,
        issued_by: actor.email.clone(),
    };
    let file = seal(key, INVITATION_FORMAT, &payload)?;
    let subject = format!(
        "{reseller} invites {} to connect its AWS account",
        customer.name
    );
    let welcome_text = format!(
        "Hello {contact_name},\n\n{reseller} has set up {} on the cloud-cost platform. To connect your AWS management account:\n\n\
         1. Install the ChannelOps Onboarding Assistant.\n\
         2. Choose \"I have an invitation\" and open the attached invitation file.\n\
         3. Enter your activation code when asked, and choose a password:\n\n      {code}\n\n\
         The code can be used once and expires on {}. If it has expired, ask {reseller} for a new invitation.\n\n\
         You will need an AWS user or role with iam:CreatePolicy, iam:CreateRole, iam:AttachRolePolicy, iam:GetRole,\n\
         cloudformation:CreateStack, cloudformation:GetTemplateSummary and sns:Publish (or AdministratorAccess).\n\n— {}\n",
        customer.name,
        &expires_at[..10],
        actor.name
    );
    let attachment = STANDARD.encode(file.as_bytes());
    let wrapped: Vec<String> = attachment
        .as_bytes()
        .chunks(76)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    let boundary = format!("channelops-{}", &code_hash(&code)[..16]);
    let welcome_eml = format!(
        "To: {contact_name} <{contact_email}>\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n\
         --{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{}\r\n\
         --{boundary}\r\nContent-Type: application/json; name=\"invitation.channelops.json\"\r\nContent-Disposition: attachment; filename=\"invitation.channelops.json\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--{boundary}--\r\n",
        welcome_text.replace('\n', "\r\n"),
        wrapped.join("\r\n")
    );
    let mailto = format!(
        "mailto:{}?subject={}&body={}",
        percent_encode(&contact_email),
        percent_encode(&subject),
        percent_encode(&welcome_text)
    );
    audit(
        tx,
        &actor.email,
        "invitation.issue",
        &customer.name,
        &contact_email,
    )?;
    Ok(IssuedInvitation {
        customer_id: customer_id.to_owned(),
        email: contact_email,
        code,
        expires_at,
        file,
        welcome_text,
        welcome_eml,
        mailto,
    })
}

/// Issues a new invitation (a new code; the previous unused one stops working).
pub fn issue_invitation(
    store: &mut Store,
    actor: &Actor,
    customer_id: &str,
) -> Result<IssuedInvitation, CoreError> {
    issue_with(store, actor, customer_id, |_| Ok(()))
}

/// Issues an invitation and runs `deliver` on it before the transaction commits.
fn issue_with(
    store: &mut Store,
    actor: &Actor,
    customer_id: &str,
    deliver: impl FnOnce(&IssuedInvitation) -> Result<(), CoreError>,
) -> Result<IssuedInvitation, CoreError> {
    let key = load_key(store.path())?;
    store.write(|tx| {
        let customer = get_org(tx, customer_id)?;
        if customer.kind != OrgKind::Customer {
            return Err(CoreError::not_found(format!("customer {customer_id}")));
        }
        auth::require_admin_over(tx, actor, customer_id, "Inviting a customer Admin", &[OrgKind::Distributor, OrgKind::Reseller])?;
        let user_id: String = tx
            .query_row("SELECT id FROM users WHERE org_id = ?1 AND role = 'admin' ORDER BY created_at LIMIT 1", [customer_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| CoreError::not_found(format!("the Admin of {}", customer.name)))?;
        let inv = issue_invitation_in(tx, actor, &key, customer_id, &user_id)?;
        deliver(&inv)?;
        Ok(inv)
    })
}

/// Issues a new invitation and saves its file to `path` in one step: the file is
/// written before the new code is committed, so a file that cannot be written
/// leaves the previous invitation as it was.
pub fn export_invitation(
    store: &mut Store,
    actor: &Actor,
    customer_id: &str,
    path: &Path,
) -> Result<IssuedInvitation, CoreError> {
    issue_with(store, actor, customer_id, |inv| write_file(path, &inv.file))
}

fn expired_error(reseller: &str) -> CoreError {
    invalid_file(
        "this invitation has expired",
        format!("Ask {reseller} to send a new invitation (Customers → the customer → Invite)."),
    )
}

fn used_error(reseller: &str) -> CoreError {
    invalid_file(
        "this invitation has already been used",
        format!(
            "Sign in with the password chosen at activation, or ask {reseller} for a new invitation."
        ),
    )
}

/// On the customer's machine: verifies the invitation file and activates the
/// customer Admin with a password, creating the customer workspace. With `code`,
/// the code typed by the user must be the file's. Nothing is written on refusal.
pub fn activate_invitation(
    store: &mut Store,
    file: &[u8],
    code: Option<&str>,
    password: &str,
) -> Result<Actor, CoreError> {
    let (value, public_key) = open_sealed(file, INVITATION_FORMAT)?;
    let inv: InvitationPayload = payload(value)?;
    let reseller = inv
        .parents
        .first()
        .map(|p| p.name.clone())
        .unwrap_or_else(|| "your reseller".into());
    if code.is_some_and(|c| code_hash(c) != code_hash(&inv.code)) {
        return Err(invalid_file(
            "the activation code does not match this invitation",
            "Type the code exactly as in the welcome message (dashes and case do not matter).",
        ));
    }
    if inv.expires_at.as_str() <= now().as_str() {
        return Err(expired_error(&reseller));
    }
    let hash = auth::hash_password(password)?;
    let user_id = store.write(|tx| {
        let existing: Option<Option<String>> = tx
            .query_row("SELECT used_at FROM invitations WHERE id = ?1 OR code_hash = ?2", params![inv.invitation_id, code_hash(&inv.code)], |r| r.get(0))
            .optional()?;
        if let Some(Some(_)) = existing {
            return Err(used_error(&reseller));
        }
        if existing.is_none() {
            if let Some((_, _, home)) = onboarding::home_org(tx)?.filter(|(_, _, home)| *home != inv.customer.name) {
                return Err(CoreError::Conflict {
                    message: format!("this database already holds the workspace of {home}"),
                    remedy: "Activate the invitation in a new database (choose another --db), or on the customer's own machine.".into(),
                });
            }
            let t = now();
            // The parents (reseller first): insert from the root down.
            let mut parent: Option<String> = None;
            for p in inv.parents.iter().rev() {
                tx.execute(
                    "INSERT INTO orgs (id, kind, name, domain, parent_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) ON CONFLICT (id) DO NOTHING",
                    params![p.id, p.kind.as_str(), p.name, p.domain, parent, t],
                )?;
                parent = Some(p.id.clone());
            }
            tx.execute(
                "INSERT INTO orgs (id, kind, name, domain, parent_id, contact_name, contact_email, is_home, created_at, updated_at)
                 VALUES (?1, 'customer', ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7)",
                params![inv.customer.id, inv.customer.name, inv.customer.domain, parent, inv.contact_name, inv.contact_email, t],
            )?;
            let user_id = new_id();
            tx.execute(
                "INSERT INTO users (id, org_id, email, name, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4, 'admin', NULL, ?5)",
                params![user_id, inv.customer.id, inv.contact_email, inv.contact_name, t],
            )?;
            if let Some(c) = &inv.contract {
                tx.execute(
                    "INSERT INTO contracts (id, customer_id, start_date, end_date, plan, notes, status, created_at) VALUES (?1, ?2, ?3, ?4, ?5, 'from the invitation', 'active', ?6)",
                    params![new_id(), inv.customer.id, c.start_date, c.end_date, c.plan, t],
                )?;
            }
            tx.execute(
                "INSERT INTO invitations (id, customer_id, user_id, code_hash, expires_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![inv.invitation_id, inv.customer.id, user_id, code_hash(&inv.code), inv.expires_at, t],
            )?;
            if let Some(p) = inv.parents.first() {
                tx.execute("INSERT OR IGNORE INTO trusted_keys (public_key, org_id, added_at) VALUES (?1, ?2, ?3)", params![public_key, p.id, t])?;
            }
        }
        redeem(tx, &code_hash(&inv.code), &hash, &inv.contact_email, &inv.customer.name, "")
    })?;
    // The customer workspace's own signing key (for its onboarding reports), made
    // only once the activation has been accepted.
    ensure_key(store.path())?;
    auth::actor(store.conn(), &user_id)
}

/// Uses up a checked invitation: marks it used, sets its Admin's password, audits.
/// Returns the Admin's user ID.
fn redeem(
    tx: &Transaction<'_>,
    code_hash: &str,
    password_hash: &str,
    actor: &str,
    target: &str,
    detail: &str,
) -> Result<String, CoreError> {
    let user_id: String = tx.query_row(
        "SELECT user_id FROM invitations WHERE code_hash = ?1",
        [code_hash],
        |r| r.get(0),
    )?;
    tx.execute(
        "UPDATE invitations SET used_at = ?2 WHERE code_hash = ?1",
        params![code_hash, now()],
    )?;
    tx.execute(
        "UPDATE users SET password_hash = ?2 WHERE id = ?1",
        params![user_id, password_hash],
    )?;
    audit(tx, actor, "invitation.activate", target, detail)?;
    Ok(user_id)
}

/// Activates with a typed code an invitation this database already holds.
pub fn activate_code(
    store: &mut Store,
    email: &str,
    code: &str,
    password: &str,
) -> Result<Actor, CoreError> {
    let hash = auth::hash_password(password)?;
    let user_id = store.write(|tx| {
        let row: Option<(String, String, Option<String>, String)> = tx
            .query_row(
                "SELECT i.user_id, i.expires_at, i.used_at, u.email FROM invitations i JOIN users u ON u.id = i.user_id WHERE i.code_hash = ?1",
                [code_hash(code)],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((_, expires_at, used_at, owner)) = row.filter(|r| r.3.eq_ignore_ascii_case(email.trim())) else {
            return Err(invalid_file("this activation code is not valid for this email address", "Type the code exactly as in the welcome message, or import the invitation file."));
        };
        if used_at.is_some() {
            return Err(used_error("your reseller"));
        }
        if expires_at.as_str() <= now().as_str() {
            return Err(expired_error("your reseller"));
        }
        redeem(tx, &code_hash(code), &hash, &owner, &owner, "by code")
    })?;
    auth::actor(store.conn(), &user_id)
}

// ---------- onboarding report (customer → reseller) ----------

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportAccount {
    pub aws_account_id: String,
    pub state: String,
    pub bucket: Option<String>,
    pub prefix: Option<String>,
    pub report_name: Option<String>,
    pub role_arn: Option<String>,
    pub stack_id: Option<String>,
    pub external_id: String,
    pub insights: Vec<String>,
    /// The latest validation: health and full result.
    pub validation: Option<(String, ValidationResult)>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OnboardingReport {
    pub customer_id: String,
    pub customer_name: String,
    pub accounts: Vec<ReportAccount>,
    pub generated_at: String,
    pub generated_by: String,
}

/// The customer's onboarding report, signed, to hand to the reseller.
pub fn export_report(store: &Store, actor: &Actor, customer_id: &str) -> Result<String, CoreError> {
    let conn = store.conn();
    auth::require_admin_over(
        conn,
        actor,
        customer_id,
        "Exporting the onboarding report",
        &[],
    )?;
    let customer = get_org(conn, customer_id)?;
    let mut accounts = Vec::new();
    for a in onboarding::list_accounts(conn, actor, customer_id)? {
        let validation: Option<(String, String)> = conn
            .query_row("SELECT health, result_json FROM validation_runs WHERE cloud_account_id = ?1 ORDER BY rowid DESC LIMIT 1", [&a.id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        accounts.push(ReportAccount {
            aws_account_id: a.aws_account_id,
            state: a.state.as_str().to_owned(),
            bucket: a.bucket,
            prefix: a.prefix,
            report_name: a.report_name,
            role_arn: a.role_arn,
            stack_id: a.stack_id,
            external_id: a.external_id,
            insights: a.insights,
            validation: validation
                .and_then(|(h, json)| serde_json::from_str(&json).ok().map(|r| (h, r))),
        });
    }
    let report = OnboardingReport {
        customer_id: customer.id,
        customer_name: customer.name,
        accounts,
        generated_at: now(),
        generated_by: actor.email.clone(),
    };
    seal(&load_key(store.path())?, REPORT_FORMAT, &report)
}

/// On the reseller's machine: verifies the report and updates that customer's
/// accounts and validation runs. The first report from a customer pins its key;
/// later reports must be signed with the same key.
pub fn import_report(store: &mut Store, actor: &Actor, file: &[u8]) -> Result<String, CoreError> {
    let (value, public_key) = open_sealed(file, REPORT_FORMAT)?;
    let report: OnboardingReport = payload(value)?;
    for a in &report.accounts {
        onboarding::validate_account_id(&a.aws_account_id).map_err(|_| {
            invalid_file(
                "the report holds an invalid AWS account ID",
                "Ask the customer for a fresh report.",
            )
        })?;
        crate::onboarding::AccountState::parse(&a.state).map_err(|_| {
            invalid_file(
                "the report holds an unknown account state",
                "Ask the customer for a fresh report made with the same version of ChannelOps.",
            )
        })?;
    }
    store.write(|tx| {
        let customer = get_org(tx, &report.customer_id).map_err(|_| {
            invalid_file(format!("this report is for {}, who is not a customer in this workspace", report.customer_name), "Import it in the workspace that invited this customer.")
        })?;
        auth::require_admin_over(tx, actor, &customer.id, "Importing an onboarding report", &[OrgKind::Distributor, OrgKind::Reseller])?;
        let pinned: Option<String> = tx.query_row("SELECT public_key FROM trusted_keys WHERE org_id = ?1", [&customer.id], |r| r.get(0)).optional()?;
        match pinned {
            Some(k) if k != public_key => {
                return Err(invalid_file(
                    format!("this report is signed by a different workspace than earlier reports from {}", customer.name),
                    "Check with the customer that it comes from their machine; if they reinstalled, remove the old key first.",
                ));
            }
            Some(_) => {}
            None => {
                tx.execute("INSERT INTO trusted_keys (public_key, org_id, added_at) VALUES (?1, ?2, ?3)", params![public_key, customer.id, now()])?;
            }
        }
        let t = now();
        for a in &report.accounts {
            tx.execute(
                "INSERT INTO cloud_accounts (id, customer_id, aws_account_id, state, bucket, prefix, report_name, role_arn, external_id, stack_id, insights, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)
                 ON CONFLICT (customer_id, aws_account_id) DO UPDATE SET state = excluded.state, bucket = excluded.bucket, prefix = excluded.prefix,
                   report_name = excluded.report_name, role_arn = excluded.role_arn, stack_id = excluded.stack_id, insights = excluded.insights, updated_at = excluded.updated_at",
                params![new_id(), customer.id, a.aws_account_id, a.state, a.bucket, a.prefix, a.report_name, a.role_arn, a.external_id, a.stack_id, serde_json::to_string(&a.insights).unwrap_or_else(|_| "[]".into()), t],
            )?;
            if let Some((health, result)) = &a.validation {
                let account_id: String = tx.query_row("SELECT id FROM cloud_accounts WHERE customer_id = ?1 AND aws_account_id = ?2", params![customer.id, a.aws_account_id], |r| r.get(0))?;
                let health = match health.as_str() {
                    "valid" | "warnings" | "failed" => health.as_str(),
                    _ => "failed",
                };
                tx.execute(
                    "INSERT INTO validation_runs (id, cloud_account_id, health, result_json, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![new_id(), account_id, health, serde_json::to_string(result).unwrap_or_default(), report.generated_at],
                )?;
            }
        }
        // The customer Admin evidently activated.
        tx.execute("UPDATE invitations SET used_at = COALESCE(used_at, ?2) WHERE customer_id = ?1", params![customer.id, t])?;
        audit(tx, &actor.email, "report.import", &customer.name, &format!("{} account(s)", report.accounts.len()))?;
        Ok(customer.name)
    })
}

// ---------- diagnostic bundle (customer → support) ----------

/// A source that remembers every byte range read through it.
pub struct Recording {
    inner: Arc<dyn Source>,
    listing: Mutex<Vec<ObjectInfo>>,
    reads: Mutex<Vec<(String, u64, Vec<u8>)>>,
}

impl Recording {
    pub fn new(inner: Arc<dyn Source>) -> Arc<Self> {
        Arc::new(Recording {
            inner,
            listing: Mutex::new(Vec::new()),
            reads: Mutex::new(Vec::new()),
        })
    }
}

impl Source for Recording {
    fn describe(&self) -> String {
        self.inner.describe()
    }
    fn list(&self) -> Result<Vec<ObjectInfo>, CoreError> {
        let listing = self.inner.list()?;
        if let Ok(mut l) = self.listing.lock() {
            l.clone_from(&listing);
        }
        Ok(listing)
    }
    fn read_range(&self, key: &str, start: u64, len: u64) -> Result<Vec<u8>, CoreError> {
        let bytes = self.inner.read_range(key, start, len)?;
        if let Ok(mut r) = self.reads.lock() {
            r.push((key.to_owned(), start, bytes.clone()));
        }
        Ok(bytes)
    }
    fn region(&self) -> Result<Option<String>, CoreError> {
        self.inner.region()
    }
    fn is_local(&self) -> bool {
        self.inner.is_local()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct BundleObject {
    key: String,
    size: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct BundleRange {
    key: String,
    start: u64,
    data: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct BundlePayload {
    source: String,
    region: Option<String>,
    result: ValidationResult,
    objects: Vec<BundleObject>,
    ranges: Vec<BundleRange>,
    created_at: String,
}

/// Validates `source` and makes a diagnostic bundle of it: the result plus exactly
/// the bytes the verdict read (manifests, Parquet footers and sampled pages, CSV
/// heads) — no credentials, and no cost rows beyond the sample.
pub fn validate_and_bundle(
    source: Arc<dyn Source>,
    options: &cur::Options,
    key: &SigningKey,
    progress: &(dyn Fn(cur::Progress) + Sync),
    cancel: &cur::CancelToken,
) -> Result<(ValidationResult, String), CoreError> {
    let recording = Recording::new(source);
    let result = cur::validate(recording.clone(), options, progress, cancel)?;
    // The listing the validation saw (not listed again: on S3 that is more requests).
    let objects = recording
        .listing
        .lock()
        .map(|l| l.clone())
        .unwrap_or_default()
        .into_iter()
        .map(|o| BundleObject {
            key: o.key,
            size: o.size,
        })
        .collect();
    let mut ranges: Vec<BundleRange> = recording
        .reads
        .lock()
        .map(|r| {
            r.iter()
                .map(|(k, s, d)| BundleRange {
                    key: k.clone(),
                    start: *s,
                    data: STANDARD.encode(d),
                })
                .collect()
        })
        .unwrap_or_default();
    ranges.sort_by(|a, b| (&a.key, a.start).cmp(&(&b.key, b.start)));
    ranges.dedup_by(|a, b| a.key == b.key && a.start == b.start && a.data == b.data);
    let payload = BundlePayload {
        source: result.source.clone(),
        region: options.region.clone(),
        result: result.clone(),
        objects,
        ranges,
        created_at: now(),
    };
    Ok((result, seal(key, BUNDLE_FORMAT, &payload)?))
}

/// A diagnostic bundle read back as a source: the same listing, the same bytes.
pub struct BundleSource {
    source: String,
    pub region: Option<String>,
    pub original: ValidationResult,
    objects: Vec<ObjectInfo>,
    ranges: Vec<(String, u64, Vec<u8>)>,
}

fn safe_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 1024
        && !key.starts_with('/')
        && !key.contains('\\')
        && !key.contains('\0')
        && key
            .split('/')
            .all(|p| !p.is_empty() && p != ".." && p != ".")
}

impl BundleSource {
    /// Verifies and loads a bundle. Rejects path traversal, oversize and malformed content.
    pub fn open(bytes: &[u8]) -> Result<BundleSource, CoreError> {
        let (value, _) = open_sealed(bytes, BUNDLE_FORMAT)?;
        let p: BundlePayload = payload(value)?;
        let bad = |why: String| {
            invalid_file(
                format!("the diagnostic bundle is malformed: {why}"),
                "Ask the customer to export the bundle again.",
            )
        };
        if p.objects.len() > 200_000 || p.ranges.len() > 200_000 {
            return Err(bad("too many entries".into()));
        }
        for o in &p.objects {
            if !safe_key(&o.key) {
                return Err(bad(format!("unsafe object key {:?}", o.key)));
            }
        }
        let mut ranges = Vec::with_capacity(p.ranges.len());
        for r in p.ranges {
            let size = p
                .objects
                .iter()
                .find(|o| o.key == r.key)
                .map(|o| o.size)
                .ok_or_else(|| bad(format!("bytes for unknown object {:?}", r.key)))?;
            let data = STANDARD
                .decode(&r.data)
                .map_err(|e| bad(format!("bytes of {:?} are not base64 ({e})", r.key)))?;
            if r.start
                .checked_add(data.len() as u64)
                .is_none_or(|end| end > size)
            {
                return Err(bad(format!("bytes of {:?} lie outside the object", r.key)));
            }
            ranges.push((r.key, r.start, data));
        }
        Ok(BundleSource {
            source: p.source,
            region: p.region,
            original: p.result,
            objects: p
                .objects
                .into_iter()
                .map(|o| ObjectInfo {
                    key: o.key,
                    size: o.size,
                })
                .collect(),
            ranges,
        })
    }

    /// Whether `bytes` look like a diagnostic bundle (to tell it from a data file).
    pub fn sniff(bytes: &[u8]) -> bool {
        bytes.len() < 4096 * 1024 * 16
            && std::str::from_utf8(&bytes[..bytes.len().min(4096)])
                .is_ok_and(|s| s.contains(BUNDLE_FORMAT))
    }
}

impl Source for BundleSource {
    fn describe(&self) -> String {
        format!("diagnostic bundle of {}", self.source)
    }
    fn list(&self) -> Result<Vec<ObjectInfo>, CoreError> {
        Ok(self.objects.clone())
    }
    fn read_range(&self, key: &str, start: u64, len: u64) -> Result<Vec<u8>, CoreError> {
        for (k, s, data) in &self.ranges {
            let end = s + data.len() as u64;
            if k == key && *s <= start && start <= end {
                let from = (start - s) as usize;
                let size = self
                    .objects
                    .iter()
                    .find(|o| o.key == key)
                    .map_or(0, |o| o.size);
                let want = len.min(size.saturating_sub(start)) as usize;
                if from + want <= data.len() {
                    return Ok(data[from..from + want].to_vec());
                }
            }
        }
        Err(CoreError::InvalidFile {
            message: format!("the diagnostic bundle does not hold bytes {start}–{} of {key}", start + len),
            remedy: "The bundle holds only what the original verdict read; validate it without --deep, or ask for a copy of the file.".into(),
        })
    }
    fn region(&self) -> Result<Option<String>, CoreError> {
        Ok(self.region.clone())
    }
    fn is_local(&self) -> bool {
        self.region.is_none()
    }
}

/// Opens what a support user points at: a folder, a data file, or a diagnostic
/// bundle (recognised by its content, not its name).
pub fn open_source(
    path: &std::path::Path,
) -> Result<std::sync::Arc<dyn crate::cur::Source>, CoreError> {
    // A JSON file larger than any bundle is left to the folder/file reader.
    let small_json = path.extension().is_some_and(|e| e == "json")
        && std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() <= MAX_FILE_BYTES);
    if small_json {
        let bytes = read_file(path)?;
        if BundleSource::sniff(&bytes) {
            return Ok(std::sync::Arc::new(BundleSource::open(&bytes)?));
        }
    }
    crate::cur::open_local(path)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

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
