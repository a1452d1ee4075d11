//! Invitations (reseller → customer): issuing, the welcome message, activation.

#[allow(unused_imports)]
use super::*;

/// A one-time activation code: 130 random bits in 26 base32 characters, shown in groups.
pub(super) fn new_code() -> Result<String, CoreError> {
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

/// The code as typed, normalised: case, spaces and dashes ignored.
fn normalized(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// SHA-256 of the normalised code: how the issuing workspace finds an invitation
/// by its code (a verifier: the code has 130 random bits).
pub fn code_hash(code: &str) -> String {
    Sha256::digest(normalized(code).as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The key pair derived from an invitation's code, salted with its ID. Its
/// public half is the code's verifier (in the invitation file and the issuing
/// workspace); its private half, which only someone who knows the code can
/// make, signs the customer workspace's key in its first onboarding report.
pub fn code_key(invitation_id: &str, code: &str) -> SigningKey {
    let seed = Sha256::digest(
        format!(
            "channelops-code-key/1\n{invitation_id}\n{}",
            normalized(code)
        )
        .as_bytes(),
    );
    SigningKey::from_bytes(&seed.into())
}

/// What the code's key signs: this customer's workspace key.
pub(super) fn proof_message(customer_id: &str, workspace_key: &str) -> Vec<u8> {
    format!("channelops-report-proof/1\n{customer_id}\n{workspace_key}").into_bytes()
}

/// An invitation expiry (RFC 3339) as a time; `None` when it is not one.
pub(super) fn parse_time(text: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&chrono::Utc))
}

/// Whether an expiry has passed; one that is not a time counts as passed.
pub(super) fn has_expired(expires_at: &str) -> bool {
    parse_time(expires_at).is_none_or(|t| t <= chrono::Utc::now())
}

/// Text for a mail header (a display name, a subject), strictly encoded: plain
/// words of printable ASCII stay as they are; anything else becomes RFC 2047
/// encoded-words (UTF-8, base64), folded, so no character of a name can end the
/// header or start another.
pub fn header_text(text: &str) -> String {
    let plain = text
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b" .-_'!?&/+".contains(&b));
    if plain && !text.contains("=?") {
        return text.to_owned();
    }
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in text.chars() {
        // 45 bytes encode to 60 characters: each word stays under 76.
        if chunk.len() + c.len_utf8() > 45 {
            words.push(std::mem::take(&mut chunk));
        }
        chunk.push(c);
    }
    words.push(chunk);
    words
        .iter()
        .map(|w| format!("=?utf-8?B?{}?=", STANDARD.encode(w.as_bytes())))
        .collect::<Vec<_>>()
        .join("\r\n ")
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
    /// The verifier of the activation code: the public key derived from it
    /// ([`code_key`]). The code itself is never in the file.
    pub code_key: String,
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

pub(super) fn org_summary(o: &onboarding::Org) -> OrgSummary {
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
    let verifier = STANDARD.encode(code_key(&invitation_id, &code).verifying_key().as_bytes());
    tx.execute(
        "INSERT INTO invitations (id, customer_id, user_id, code_hash, code_key, expires_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![invitation_id, customer_id, user_id, code_hash(&code), verifier, expires_at, issued_at],
    )?;
    let reseller = parents.first().map(|p| p.name.clone()).unwrap_or_default();
    let payload = InvitationPayload {
        invitation_id,
        customer: org_summary(&customer),
        contact_name: contact_name.clone(),
        contact_email: contact_email.clone(),
        parents,
        contract,
        code_key: verifier,
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
         2. Open the attached invitation file (or choose \"I received an invitation\" and pick it).\n\
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
        "To: {} <{contact_email}>\r\nSubject: {}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n\
         --{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{}\r\n\
         --{boundary}\r\nContent-Type: application/json; name=\"invitation.channelops.json\"\r\nContent-Disposition: attachment; filename=\"invitation.channelops.json\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--{boundary}--\r\n",
        header_text(&contact_name),
        header_text(&subject),
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

/// What adding a customer gives back: the one time the activation code is visible.
#[derive(Debug, Clone, Serialize)]
pub struct AddedCustomer {
    pub customer_id: String,
    pub invitation: IssuedInvitation,
}

/// Part 1: adds a customer under an explicitly chosen reseller, with its pending
/// Admin and a one-time activation code.
pub fn add_customer(
    store: &mut Store,
    actor: &Actor,
    c: &NewCustomer,
) -> Result<AddedCustomer, CoreError> {
    let c = onboarding::check_new_customer(c)?;
    let key = load_key(store.path())?;
    store.write(|tx| {
        let (customer_id, user_id) = onboarding::insert_customer(tx, actor, &c)?;
        let invitation = issue_invitation_in(tx, actor, &key, &customer_id, &user_id)?;
        Ok(AddedCustomer {
            customer_id,
            invitation,
        })
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
pub(super) fn issue_with(
    store: &mut Store,
    actor: &Actor,
    customer_id: &str,
    deliver: impl FnOnce(&IssuedInvitation) -> Result<(), CoreError>,
) -> Result<IssuedInvitation, CoreError> {
    let key = load_key(store.path())?;
    store.write(|tx| {
        let customer = get_org(tx, customer_id)?;
        if customer.kind != OrgKind::Customer {
            return Err(CoreError::not_found(text!("nf-customer", id = customer_id)));
        }
        auth::require_admin_over(tx, actor, customer_id, text!("act-invite"), &[OrgKind::Distributor, OrgKind::Reseller])?;
        let user_id: String = tx
            .query_row("SELECT id FROM users WHERE org_id = ?1 AND role = 'admin' ORDER BY created_at LIMIT 1", [customer_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| CoreError::not_found(text!("nf-admin-of", customer = &customer.name)))?;
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

pub(super) fn expired_error(reseller: impl Into<text::Arg>) -> CoreError {
    invalid_file(
        text!("inv-err-expired"),
        text!("inv-fix-expired", reseller = reseller.into()),
    )
}

pub(super) fn used_error(reseller: impl Into<text::Arg>) -> CoreError {
    invalid_file(
        text!("inv-err-used"),
        text!("inv-fix-used", reseller = reseller.into()),
    )
}

/// An accepted invitation: who is signed in, and who signed the file.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Activated {
    pub actor: Actor,
    /// The reseller that issued the invitation.
    pub reseller: String,
    /// The fingerprint of the key that signed the invitation (now pinned).
    pub signer: String,
}

/// On the customer's machine: verifies the invitation file and the activation
/// code typed by the user, and activates the customer Admin with a password,
/// creating the customer workspace. The file alone activates nothing: it holds
/// only the code's verifier. The reseller's key is pinned from the first
/// invitation; a later one signed by another key is refused. Once accepted, the
/// code's key signs this workspace's key, the proof its first onboarding report
/// carries. Nothing is written on refusal.
pub fn activate_invitation(
    store: &mut Store,
    file: &[u8],
    code: &str,
    password: &str,
) -> Result<Activated, CoreError> {
    let sealed = open_sealed(file, INVITATION_FORMAT)?;
    let public_key = sealed.public_key.clone();
    let inv: InvitationPayload = sealed.payload()?;
    let reseller = inv
        .parents
        .first()
        .map(|p| p.name.clone())
        .unwrap_or_else(|| "your reseller".into());
    let code_key = code_key(&inv.invitation_id, code);
    if STANDARD.encode(code_key.verifying_key().as_bytes()) != inv.code_key {
        return Err(invalid_file(text!("inv-err-code"), text!("inv-fix-code")));
    }
    if has_expired(&inv.expires_at) {
        return Err(expired_error(&reseller));
    }
    let checked = inv
        .parents
        .iter()
        .chain([&inv.customer])
        .try_for_each(|o| onboarding::check_org_summary(&o.name, &o.domain))
        .and_then(|()| onboarding::validate_name(text!("field-contact-name"), &inv.contact_name))
        .and_then(|_| onboarding::validate_email(&inv.contact_email));
    if let Err(e) = checked {
        return Err(invalid_file(
            text!("inv-err-content", why = e.text()),
            text!("inv-fix-content"),
        ));
    }
    let hash = auth::hash_password(password)?;
    let user_id = store.write(|tx| {
        if let Some(p) = inv.parents.first() {
            let pinned: Option<String> = tx
                .query_row("SELECT public_key FROM trusted_keys WHERE org_id = ?1", [&p.id], |r| r.get(0))
                .optional()?;
            if pinned.is_some_and(|k| k != public_key) {
                return Err(invalid_file(
                    text!("inv-err-key", reseller = &reseller),
                    text!("inv-fix-key", reseller = &reseller, fingerprint = &sealed.fingerprint),
                ));
            }
        }
        let existing: Option<Option<String>> = tx
            .query_row("SELECT used_at FROM invitations WHERE id = ?1 OR code_hash = ?2", params![inv.invitation_id, code_hash(code)], |r| r.get(0))
            .optional()?;
        if let Some(Some(_)) = existing {
            return Err(used_error(&reseller));
        }
        if existing.is_none() {
            if let Some((_, _, home)) = onboarding::home_org(tx)?.filter(|(_, _, home)| *home != inv.customer.name) {
                return Err(CoreError::Conflict {
                    message: text!("inv-err-db-taken", home = home),
                    remedy: text!("inv-fix-db-taken"),
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
                "INSERT INTO invitations (id, customer_id, user_id, code_hash, code_key, expires_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![inv.invitation_id, inv.customer.id, user_id, code_hash(code), inv.code_key, inv.expires_at, t],
            )?;
            if let Some(p) = inv.parents.first() {
                tx.execute("INSERT OR IGNORE INTO trusted_keys (public_key, org_id, added_at) VALUES (?1, ?2, ?3)", params![public_key, p.id, t])?;
            }
        }
        let detail = format!("invitation signed by {}", sealed.fingerprint);
        redeem(tx, &code_hash(code), &hash, &inv.contact_email, &inv.customer.name, &detail)
    })?;
    // The customer workspace's own signing key (for its onboarding reports), made
    // only once the activation has been accepted; the code's key vouches for it.
    prove_workspace_key(store, &inv.customer.id, &inv.invitation_id, &code_key)?;
    Ok(Activated {
        actor: auth::actor(store.conn(), &user_id)?,
        reseller,
        signer: sealed.fingerprint,
    })
}

/// Signs this workspace's key with the code's key and keeps the signature (never
/// the code) for the customer's onboarding reports.
fn prove_workspace_key(
    store: &mut Store,
    customer_id: &str,
    invitation_id: &str,
    code_key: &SigningKey,
) -> Result<(), CoreError> {
    ensure_key(store.path())?;
    let workspace_key = STANDARD.encode(load_key(store.path())?.verifying_key().as_bytes());
    let signature = code_key.sign(&proof_message(customer_id, &workspace_key));
    store.write(|tx| {
        tx.execute(
            "INSERT INTO report_proofs (customer_id, invitation_id, signature, created_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (customer_id) DO UPDATE SET invitation_id = excluded.invitation_id, signature = excluded.signature, created_at = excluded.created_at",
            params![customer_id, invitation_id, STANDARD.encode(signature.to_bytes()), now()],
        )?;
        Ok(())
    })
}

/// Uses up a checked invitation: marks it used, sets its Admin's password, audits.
/// Returns the Admin's user ID.
pub(super) fn redeem(
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
                "SELECT i.id, i.expires_at, i.used_at, u.email FROM invitations i JOIN users u ON u.id = i.user_id WHERE i.code_hash = ?1",
                [code_hash(code)],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((_, expires_at, used_at, owner)) = row.filter(|r| r.3.eq_ignore_ascii_case(email.trim())) else {
            return Err(invalid_file(text!("inv-err-code-email"), text!("inv-fix-code-email")));
        };
        if used_at.is_some() {
            return Err(used_error(text!("inv-your-reseller")));
        }
        if has_expired(&expires_at) {
            return Err(expired_error(text!("inv-your-reseller")));
        }
        redeem(tx, &code_hash(code), &hash, &owner, &owner, "by code")
    })?;
    auth::actor(store.conn(), &user_id)
}
