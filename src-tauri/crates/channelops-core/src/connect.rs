//! Part 3 as the wizard walks it: what each step found in AWS is recorded on the
//! cloud account, and the account's state only ever moves forward. The AWS work
//! itself is in [`crate::aws`]; the desktop shell and the CLI call these to record
//! it, so a step the user finished survives a crash or a restart.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::auth::Actor;
use crate::aws::bucket::BucketStatus;
use crate::aws::cur_overview::{self, CurOverview};
use crate::aws::insights::InsightKind;
use crate::aws::stack::StackStatus;
use crate::cloudformation::{self, VendorSettings};
use crate::cur::ValidationResult;
use crate::error::CoreError;
use crate::ids::{new_id, now};
use crate::onboarding::{
    self, AccountState, AccountUpdate, CloudAccount, audit, check_part3, get_account,
};
use crate::progress::Health;
use crate::store::Store;
use crate::text;

/// Refuses a step whose previous step is not done: Part 3 is taken in order.
fn require_reached(account: &CloudAccount, needed: AccountState) -> Result<(), CoreError> {
    if account.state >= needed {
        return Ok(());
    }
    let id = &account.aws_account_id;
    let (message, remedy) = match (needed, account.state) {
        (AccountState::BucketSet, _) | (_, AccountState::Entered) => (
            text!("connect-err-no-bucket", account = id),
            text!("connect-fix-bucket-first"),
        ),
        (_, AccountState::BucketSet) => (
            text!("connect-err-no-stack", account = id),
            text!("connect-fix-no-stack"),
        ),
        (AccountState::CurValidated, _) => (
            text!("connect-err-no-valid-cur", account = id),
            text!("connect-fix-no-valid-cur"),
        ),
        _ => (
            text!("connect-err-not-confirmed", account = id),
            text!("connect-fix-not-confirmed"),
        ),
    };
    Err(CoreError::invalid(message, remedy))
}

/// Moves the account to `to` — once it has reached `from` — unless it is already
/// further, with the other changes: one transaction, the state read inside it.
fn advance(
    store: &mut Store,
    actor: &Actor,
    account_id: &str,
    from: AccountState,
    to: AccountState,
    update: AccountUpdate,
) -> Result<CloudAccount, CoreError> {
    let update = AccountUpdate {
        state: Some(to),
        ..update
    };
    store.write(|tx| {
        let account = changeable_account(tx, actor, account_id)?;
        require_reached(&account, from)?;
        onboarding::update_account_in(tx, actor, &account.id, &update)
    })
}

/// The cloud account (ID or AWS account ID) if the actor may take it through
/// Part 3: hidden (not found) when the actor may not see it, refused when the
/// actor is not an Admin over its customer or the customer has no active contract.
/// Checked before anything is asked of AWS.
pub fn changeable_account(
    conn: &Connection,
    actor: &Actor,
    account_id: &str,
) -> Result<CloudAccount, CoreError> {
    let account = onboarding::visible_account(conn, actor, account_id)?;
    check_part3(
        conn,
        actor,
        &account.customer_id,
        text!("act-change-account"),
    )?;
    Ok(account)
}

/// The account's CUR bucket, or what to do first.
pub fn bucket_of(account: &CloudAccount) -> Result<&str, CoreError> {
    account.bucket.as_deref().ok_or_else(|| {
        CoreError::invalid(
            text!(
                "connect-err-bucket-unset",
                account = &account.aws_account_id
            ),
            text!("connect-fix-bucket-first"),
        )
    })
}

/// "Open AWS CloudFormation Console": the quick-create link for an account the
/// actor may see, with its external ID and bucket filled in.
pub fn stack_link(store: &Store, actor: &Actor, account_id: &str) -> Result<String, CoreError> {
    let account = onboarding::visible_account(store.conn(), actor, account_id)?;
    let settings = VendorSettings::load(store)?;
    cloudformation::quick_create_link(&settings, &account.external_id, bucket_of(&account)?)
}

/// The bucket step: records the bucket (and the CUR's S3 prefix, if any) once the
/// check passed. A failed check records nothing: the account stays as it was.
pub fn record_bucket(
    store: &mut Store,
    actor: &Actor,
    account_id: &str,
    status: &BucketStatus,
    prefix: &str,
) -> Result<CloudAccount, CoreError> {
    if !status.ok {
        return onboarding::visible_account(store.conn(), actor, account_id);
    }
    let prefix = prefix.trim().trim_matches('/');
    advance(
        store,
        actor,
        account_id,
        AccountState::Entered,
        AccountState::BucketSet,
        AccountUpdate {
            bucket: Some(status.bucket.clone()),
            prefix: Some(prefix.to_owned()),
            ..Default::default()
        },
    )
}

/// The stack step: once the stack is done ([`StackStatus::is_done`]), records it and its role.
pub fn record_stack(
    store: &mut Store,
    actor: &Actor,
    account_id: &str,
    status: &StackStatus,
) -> Result<CloudAccount, CoreError> {
    if !status.is_done() {
        return onboarding::visible_account(store.conn(), actor, account_id);
    }
    advance(
        store,
        actor,
        account_id,
        AccountState::BucketSet,
        AccountState::StackCreated,
        AccountUpdate {
            stack_id: Some(status.stack_name.clone()),
            role_arn: status.role_arn.clone(),
            ..Default::default()
        },
    )
}

/// The CUR list: stores the validation run (with what AWS said of the account's
/// CUR definitions, when it was asked); an account with at least one valid CUR
/// (and its stack created) moves to "CUR validated" in the same transaction. With
/// no valid file but a right definition AWS has not delivered yet, the account
/// waits for it — since the first time it was seen. Returns the account after.
pub fn record_listing(
    store: &mut Store,
    actor: &Actor,
    account_id: &str,
    result: &ValidationResult,
    overview: Option<&CurOverview>,
) -> Result<CloudAccount, CoreError> {
    let entries = cur_overview::merge(overview, result);
    let awaited = cur_overview::awaited(&entries, result);
    store.write(|tx| {
        let run = record_validation_in(tx, actor, account_id, result)?;
        if let Some(o) = overview {
            tx.execute(
                "UPDATE validation_runs SET overview_json = ?2 WHERE id = ?1",
                params![run, to_json(o)?],
            )?;
        }
        let account = onboarding::get_account(tx, account_id)?;
        // A local copy says nothing of AWS's definitions: the wait stays as it was.
        if overview.is_some() {
            let since = match (&awaited, &account.awaiting_report) {
                (Some(name), Some(before)) if name == before => account.awaiting_since.clone(),
                (Some(_), _) => Some(now()),
                (None, _) => None,
            };
            tx.execute(
                "UPDATE cloud_accounts SET awaiting_report = ?2, awaiting_since = ?3 WHERE id = ?1",
                params![account.id, awaited, since],
            )?;
            if awaited != account.awaiting_report {
                audit(
                    tx,
                    &actor.email,
                    "account.awaiting_delivery",
                    &account.aws_account_id,
                    awaited.as_deref().unwrap_or(""),
                )?;
            }
        }
        let account = onboarding::get_account(tx, account_id)?;
        if result.selectable.is_empty() || account.state < AccountState::StackCreated {
            return Ok(account);
        }
        let update = AccountUpdate {
            state: Some(AccountState::CurValidated),
            ..Default::default()
        };
        onboarding::update_account_in(tx, actor, account_id, &update)
    })
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, CoreError> {
    serde_json::to_string(value).map_err(|e| {
        CoreError::invalid(
            text!("connect-err-store-result", detail = e.to_string()),
            text!("remedy-report"),
        )
    })
}

/// Health of a validation result: valid, valid with warnings, or failed.
pub fn health_of(result: &ValidationResult, chosen: Option<&str>) -> Health {
    let report = match chosen {
        Some(name) => result.reports.iter().find(|r| r.name == name),
        None => result.reports.iter().find(|r| r.valid),
    };
    match report {
        Some(r)
            if r.valid
                && r.checks
                    .iter()
                    .any(|c| c.status == crate::cur::CheckStatus::Warn) =>
        {
            Health::Warnings
        }
        Some(r) if r.valid => Health::Valid,
        _ => Health::Failed,
    }
}

/// Stores a validation run with its full result.
pub fn record_validation(
    store: &mut Store,
    actor: &Actor,
    account_id: &str,
    result: &ValidationResult,
) -> Result<String, CoreError> {
    store.write(|tx| record_validation_in(tx, actor, account_id, result))
}

/// [`record_validation`] inside a transaction.
pub(crate) fn record_validation_in(
    tx: &Transaction<'_>,
    actor: &Actor,
    account_id: &str,
    result: &ValidationResult,
) -> Result<String, CoreError> {
    let json = to_json(result)?;
    let account = get_account(tx, account_id)?;
    check_part3(
        tx,
        actor,
        &account.customer_id,
        text!("act-record-validation"),
    )?;
    let id = new_id();
    let health = health_of(result, account.report_name.as_deref());
    tx.execute(
        "INSERT INTO validation_runs (id, cloud_account_id, health, result_json, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, account.id, health.as_str(), json, now()],
    )?;
    audit(
        tx,
        &actor.email,
        "validation.record",
        &account.aws_account_id,
        health.as_str(),
    )?;
    Ok(id)
}

/// What AWS said alongside the account's latest validation run, if it was asked.
pub fn latest_overview(
    conn: &Connection,
    account_id: &str,
) -> Result<Option<CurOverview>, CoreError> {
    let json: Option<Option<String>> = conn
        .query_row(
            "SELECT overview_json FROM validation_runs WHERE cloud_account_id = ?1 ORDER BY rowid DESC LIMIT 1",
            [account_id],
            |r| r.get(0),
        )
        .optional()?;
    // A stored overview from another version that no longer reads is not worth an
    // error: Refresh asks AWS again.
    Ok(json.flatten().and_then(|j| serde_json::from_str(&j).ok()))
}

/// The result of the account's latest validation run, if any.
pub fn latest_result(
    conn: &Connection,
    account_id: &str,
) -> Result<Option<ValidationResult>, CoreError> {
    let json: Option<String> = conn
        .query_row(
            "SELECT result_json FROM validation_runs WHERE cloud_account_id = ?1 ORDER BY rowid DESC LIMIT 1",
            [account_id],
            |r| r.get(0),
        )
        .optional()?;
    json.map(|j| {
        serde_json::from_str(&j).map_err(|e| {
            CoreError::invalid(
                text!("connect-err-stored-result", detail = e.to_string()),
                text!("connect-fix-stored-result"),
            )
        })
    })
    .transpose()
}

/// "Confirm and proceed": the chosen CUR must be one of the valid ones of the
/// latest validation (only one is chosen; choosing again replaces it).
pub fn confirm_report(
    store: &mut Store,
    actor: &Actor,
    account_id: &str,
    report_name: &str,
) -> Result<CloudAccount, CoreError> {
    store.write(|tx| {
        let account = changeable_account(tx, actor, account_id)?;
        require_reached(&account, AccountState::CurValidated)?;
        let latest = latest_result(tx, &account.id)?.ok_or_else(|| {
            CoreError::invalid(
                text!(
                    "connect-err-not-validated",
                    account = &account.aws_account_id
                ),
                text!("connect-fix-not-validated"),
            )
        })?;
        if !latest.selectable.iter().any(|n| n == report_name) {
            return Err(CoreError::invalid(
                text!("connect-err-not-selectable", report = report_name),
                text!("connect-fix-not-selectable"),
            ));
        }
        let update = AccountUpdate {
            state: Some(AccountState::Confirmed),
            report_name: Some(report_name.to_owned()),
            ..Default::default()
        };
        onboarding::update_account_in(tx, actor, &account.id, &update)
    })
}

/// "Complete": the insights the customer chose to share, and the account done.
pub fn complete(
    store: &mut Store,
    actor: &Actor,
    account_id: &str,
    insights: &[InsightKind],
) -> Result<CloudAccount, CoreError> {
    let mut names: Vec<String> = insights.iter().map(|k| k.as_str().to_owned()).collect();
    names.sort();
    names.dedup();
    store.write(|tx| {
        let account = changeable_account(tx, actor, account_id)?;
        require_reached(&account, AccountState::Confirmed)?;
        let update = AccountUpdate {
            state: Some(AccountState::Completed),
            insights: Some(names),
            ..Default::default()
        };
        onboarding::update_account_in(tx, actor, &account.id, &update)
    })
}
