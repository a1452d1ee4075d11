//! The onboarding report (customer → reseller).

#[allow(unused_imports)]
use super::*;

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

/// That the customer workspace's key belongs to whoever activated the invitation:
/// the code's key ([`code_key`]) signed it. Only someone who knew the code can
/// make it; the issuing workspace checks it with the code's verifier.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeyProof {
    pub invitation_id: String,
    pub signature: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OnboardingReport {
    pub customer_id: String,
    pub customer_name: String,
    pub accounts: Vec<ReportAccount>,
    pub generated_at: String,
    pub generated_by: String,
    /// Pins this workspace's key on the reseller's side at the first import.
    pub proof: Option<KeyProof>,
}

/// An imported report (or one about to be): whose, who signed it, what it changes.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportedReport {
    pub customer: String,
    /// The fingerprint of the signing key.
    pub signer: String,
    /// Who exported it on the customer's side, and when.
    pub generated_by: String,
    pub generated_at: String,
    /// Whether this import pinned the key (the customer's first report).
    pub pinned_now: bool,
    /// One line per AWS account in the report.
    pub changes: Vec<ReportChange>,
}

/// What a report does to one of the customer's AWS accounts here.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportChange {
    pub aws_account_id: String,
    /// The account's state here before the import (none: new here).
    pub before: Option<AccountState>,
    /// Its state in the report.
    pub after: AccountState,
    /// The health of the validation the report carries, if any.
    pub health: Option<crate::progress::Health>,
    /// The report is older than what is known here: this account is left alone.
    pub kept: bool,
}

/// The customer's onboarding report, signed, to hand to the reseller.
pub fn export_report(store: &Store, actor: &Actor, customer_id: &str) -> Result<String, CoreError> {
    let conn = store.conn();
    auth::require_admin_over(conn, actor, customer_id, text!("act-export-report"), &[])?;
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
    let proof = conn
        .query_row(
            "SELECT invitation_id, signature FROM report_proofs WHERE customer_id = ?1",
            [&customer.id],
            |r| {
                Ok(KeyProof {
                    invitation_id: r.get(0)?,
                    signature: r.get(1)?,
                })
            },
        )
        .optional()?;
    let report = OnboardingReport {
        customer_id: customer.id,
        customer_name: customer.name,
        accounts,
        generated_at: now(),
        generated_by: actor.email.clone(),
        proof,
    };
    seal(&load_key(store.path())?, REPORT_FORMAT, &report)
}

/// Whether `proof` shows that the holder of the code of one of this customer's
/// invitations — issued after `after`, when given — vouched for `public_key`.
fn proof_holds(
    tx: &Transaction<'_>,
    customer_id: &str,
    public_key: &str,
    proof: &KeyProof,
    after: Option<&str>,
) -> Result<bool, CoreError> {
    let row: Option<(Option<String>, String)> = tx
        .query_row(
            "SELECT code_key, created_at FROM invitations WHERE id = ?1 AND customer_id = ?2",
            params![proof.invitation_id, customer_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((verifier, issued)) = row else {
        return Ok(false);
    };
    if let Some(after) = after {
        let newer = parse_time(&issued)
            .zip(parse_time(after))
            .is_some_and(|(issued, pinned)| issued > pinned);
        if !newer {
            return Ok(false);
        }
    }
    let verifier = Some(verifier);
    let decode = |text: &str| STANDARD.decode(text).ok();
    let (Some(vk), Some(sig)) = (
        verifier
            .flatten()
            .and_then(|v| decode(&v))
            .and_then(|b| <[u8; 32]>::try_from(b).ok())
            .and_then(|b| VerifyingKey::from_bytes(&b).ok()),
        decode(&proof.signature).and_then(|b| <[u8; 64]>::try_from(b).ok()),
    ) else {
        return Ok(false);
    };
    Ok(vk
        .verify_strict(
            &proof_message(customer_id, public_key),
            &Signature::from_bytes(&sig),
        )
        .is_ok())
}

/// On the reseller's machine: verifies the report and updates that customer's
/// accounts and validation runs. Only the customer's first report can pin its
/// key, and only with a proof made with its invitation's code; later reports
/// must be signed with the pinned key. Nothing else pins a key.
pub fn import_report(
    store: &mut Store,
    actor: &Actor,
    file: &[u8],
) -> Result<ImportedReport, CoreError> {
    let (sealed, report) = read_report(file)?;
    store.write(|tx| apply_report(tx, actor, &sealed, &report))
}

/// What importing `file` would do, with every check of the import (signature,
/// key pinning, rights), and nothing written: the import runs in a transaction
/// that is rolled back.
pub fn preview_report(
    store: &mut Store,
    actor: &Actor,
    file: &[u8],
) -> Result<ImportedReport, CoreError> {
    let (sealed, report) = read_report(file)?;
    store.rehearse(|tx| apply_report(tx, actor, &sealed, &report))
}

fn read_report(file: &[u8]) -> Result<(Sealed, OnboardingReport), CoreError> {
    let sealed = open_sealed(file, REPORT_FORMAT)?;
    let report: OnboardingReport = sealed.payload()?;
    for a in &report.accounts {
        crate::ids::aws_account_id(&a.aws_account_id)
            .map_err(|_| invalid_file(text!("report-err-account-id"), text!("report-fix-fresh")))?;
        AccountState::parse(&a.state)
            .map_err(|_| invalid_file(text!("report-err-state"), text!("report-fix-version")))?;
    }
    Ok((sealed, report))
}

/// Trusts `public_key` for the customer from now on; a key another organization
/// already holds is refused.
fn pin_key(tx: &Transaction<'_>, customer_id: &str, public_key: &str) -> Result<(), CoreError> {
    tx.execute(
        "INSERT INTO trusted_keys (public_key, org_id, added_at) VALUES (?1, ?2, ?3)",
        params![public_key, customer_id, now()],
    )
    .map_err(|_| invalid_file(text!("report-err-key-taken"), text!("report-fix-key-taken")))?;
    Ok(())
}

fn apply_report(
    tx: &Transaction<'_>,
    actor: &Actor,
    sealed: &Sealed,
    report: &OnboardingReport,
) -> Result<ImportedReport, CoreError> {
    let public_key = sealed.public_key.clone();
    let customer = get_org(tx, &report.customer_id).map_err(|_| {
        invalid_file(
            text!("report-err-customer", customer = &report.customer_name),
            text!("report-fix-customer"),
        )
    })?;
    auth::require_admin_over(
        tx,
        actor,
        &customer.id,
        text!("act-import-report"),
        &[OrgKind::Distributor, OrgKind::Reseller],
    )?;
    let pinned: Option<(String, String)> = tx
        .query_row(
            "SELECT public_key, added_at FROM trusted_keys WHERE org_id = ?1",
            [&customer.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let pinned_now = match pinned {
        Some((k, _)) if k == public_key => false,
        Some((_, since)) => {
            // Another key: only the code of an invitation issued after the pin
            // (the customer set the app up again and was invited anew) moves it.
            let renewed = match &report.proof {
                Some(proof) => proof_holds(tx, &customer.id, &public_key, proof, Some(&since))?,
                None => false,
            };
            if !renewed {
                return Err(invalid_file(
                    text!(
                        "report-err-other-key",
                        customer = &customer.name,
                        fingerprint = &sealed.fingerprint
                    ),
                    text!("report-fix-other-key"),
                ));
            }
            tx.execute("DELETE FROM trusted_keys WHERE org_id = ?1", [&customer.id])?;
            pin_key(tx, &customer.id, &public_key)?;
            audit(
                tx,
                &actor.email,
                "report.key_renewed",
                &customer.name,
                &sealed.fingerprint,
            )?;
            true
        }
        None => {
            let proven = match &report.proof {
                Some(proof) => proof_holds(tx, &customer.id, &public_key, proof, None)?,
                None => false,
            };
            if !proven {
                return Err(invalid_file(
                    text!(
                        "report-err-unproven",
                        customer = &customer.name,
                        fingerprint = &sealed.fingerprint
                    ),
                    text!("report-fix-unproven"),
                ));
            }
            // A report's key is now this customer's: another org's key is not re-pinned.
            pin_key(tx, &customer.id, &public_key)?;
            true
        }
    };
    let t = now();
    let mut changes = Vec::with_capacity(report.accounts.len());
    for a in &report.accounts {
        // A report never takes an account back: one older than what this
        // workspace already knows (a replayed file) leaves the account as it is.
        let incoming = AccountState::parse(&a.state)?;
        let known: Option<String> = tx
            .query_row(
                "SELECT state FROM cloud_accounts WHERE customer_id = ?1 AND aws_account_id = ?2",
                params![customer.id, a.aws_account_id],
                |r| r.get(0),
            )
            .optional()?;
        let before = known.as_deref().map(AccountState::parse).transpose()?;
        let behind = before.is_some_and(|k| k > incoming);
        changes.push(ReportChange {
            aws_account_id: a.aws_account_id.clone(),
            before,
            after: incoming,
            health: a
                .validation
                .as_ref()
                .map(|(h, _)| crate::progress::Health::parse(h)),
            kept: behind,
        });
        if behind {
            continue;
        }
        tx.execute(
                "INSERT INTO cloud_accounts (id, customer_id, aws_account_id, state, bucket, prefix, report_name, role_arn, external_id, stack_id, insights, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)
                 ON CONFLICT (customer_id, aws_account_id) DO UPDATE SET state = excluded.state, bucket = excluded.bucket, prefix = excluded.prefix,
                   report_name = excluded.report_name, role_arn = excluded.role_arn, stack_id = excluded.stack_id, insights = excluded.insights, updated_at = excluded.updated_at",
                params![new_id(), customer.id, a.aws_account_id, a.state, a.bucket, a.prefix, a.report_name, a.role_arn, a.external_id, a.stack_id, serde_json::to_string(&a.insights).unwrap_or_else(|_| "[]".into()), t],
            )?;
        if let Some((health, result)) = &a.validation {
            let account_id: String = tx.query_row(
                "SELECT id FROM cloud_accounts WHERE customer_id = ?1 AND aws_account_id = ?2",
                params![customer.id, a.aws_account_id],
                |r| r.get(0),
            )?;
            // The same report imported again adds no second run.
            let known: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM validation_runs WHERE cloud_account_id = ?1 AND created_at = ?2)", params![account_id, report.generated_at], |r| r.get(0))?;
            if known {
                continue;
            }
            let health = crate::progress::Health::parse(health).as_str();
            tx.execute(
                    "INSERT INTO validation_runs (id, cloud_account_id, health, result_json, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![new_id(), account_id, health, serde_json::to_string(result).unwrap_or_default(), report.generated_at],
                )?;
        }
    }
    // The customer Admin evidently activated.
    tx.execute(
        "UPDATE invitations SET used_at = COALESCE(used_at, ?2) WHERE customer_id = ?1",
        params![customer.id, t],
    )?;
    audit(
        tx,
        &actor.email,
        "report.import",
        &customer.name,
        &format!(
            "{} account(s), signed by {}",
            report.accounts.len(),
            sealed.fingerprint
        ),
    )?;
    Ok(ImportedReport {
        customer: customer.name,
        signer: sealed.fingerprint.clone(),
        generated_by: report.generated_by.clone(),
        generated_at: report.generated_at.clone(),
        pinned_now,
        changes,
    })
}
