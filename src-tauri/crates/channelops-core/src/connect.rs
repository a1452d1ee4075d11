//! Part 3 as the wizard walks it: what each step found in AWS is recorded on the
//! cloud account, and the account's state only ever moves forward. The AWS work
//! itself is in [`crate::aws`]; the desktop shell and the CLI call these to record
//! it, so a step the user finished survives a crash or a restart.

use rusqlite::{Connection, OptionalExtension};

use crate::auth::Actor;
use crate::aws::bucket::BucketStatus;
use crate::aws::insights::InsightKind;
use crate::aws::stack::{StackPhase, StackStatus};
use crate::cur::ValidationResult;
use crate::error::CoreError;
use crate::onboarding::{self, AccountState, AccountUpdate, CloudAccount};
use crate::store::Store;

/// Moves `account` to `to` unless it is already further, with the other changes.
fn advance(
    store: &mut Store,
    actor: &Actor,
    account: &CloudAccount,
    to: AccountState,
    mut update: AccountUpdate,
) -> Result<CloudAccount, CoreError> {
    update.state = Some(account.state.max(to));
    onboarding::update_account(store, actor, &account.id, &update)
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
    let account = onboarding::get_account(store.conn(), account_id)?;
    if !status.ok {
        return Ok(account);
    }
    let prefix = prefix.trim().trim_matches('/');
    advance(
        store,
        actor,
        &account,
        AccountState::BucketSet,
        AccountUpdate {
            bucket: Some(status.bucket.clone()),
            prefix: Some(prefix.to_owned()),
            ..Default::default()
        },
    )
}

/// The stack step: once the stack is complete, records it and its role.
pub fn record_stack(
    store: &mut Store,
    actor: &Actor,
    account_id: &str,
    status: &StackStatus,
) -> Result<CloudAccount, CoreError> {
    let account = onboarding::get_account(store.conn(), account_id)?;
    if status.phase != StackPhase::Complete {
        return Ok(account);
    }
    advance(
        store,
        actor,
        &account,
        AccountState::StackCreated,
        AccountUpdate {
            stack_id: Some(status.stack_name.clone()),
            role_arn: status.role_arn.clone(),
            ..Default::default()
        },
    )
}

/// The CUR list: stores the validation run; an account with at least one valid CUR
/// moves to "CUR validated". Returns the account after the change.
pub fn record_listing(
    store: &mut Store,
    actor: &Actor,
    account_id: &str,
    result: &ValidationResult,
) -> Result<CloudAccount, CoreError> {
    onboarding::record_validation(store, actor, account_id, result)?;
    let account = onboarding::get_account(store.conn(), account_id)?;
    if result.selectable.is_empty() || account.state < AccountState::StackCreated {
        return Ok(account);
    }
    advance(
        store,
        actor,
        &account,
        AccountState::CurValidated,
        AccountUpdate::default(),
    )
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
                format!("the stored validation result cannot be read: {e}"),
                "Refresh the CUR list to validate again.",
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
    let account = onboarding::get_account(store.conn(), account_id)?;
    let latest = latest_result(store.conn(), &account.id)?.ok_or_else(|| {
        CoreError::invalid(
            format!(
                "the CUR files of AWS account {} have not been validated yet",
                account.aws_account_id
            ),
            "List the CUR files in the bucket (Refresh) and choose a valid one.",
        )
    })?;
    if !latest.selectable.iter().any(|n| n == report_name) {
        return Err(CoreError::invalid(
            format!("{report_name:?} is not one of the valid CURs of the latest validation"),
            "Refresh the list and choose one of the reports marked valid; the others say what to fix.",
        ));
    }
    advance(
        store,
        actor,
        &account,
        AccountState::Confirmed,
        AccountUpdate {
            report_name: Some(report_name.to_owned()),
            ..Default::default()
        },
    )
}

/// "Complete": the insights the customer chose to share, and the account done.
pub fn complete(
    store: &mut Store,
    actor: &Actor,
    account_id: &str,
    insights: &[InsightKind],
) -> Result<CloudAccount, CoreError> {
    let account = onboarding::get_account(store.conn(), account_id)?;
    if account.state < AccountState::Confirmed {
        return Err(CoreError::invalid(
            format!(
                "AWS account {} has no confirmed CUR yet",
                account.aws_account_id
            ),
            "Choose a valid CUR in the list and press \"Confirm and proceed\" first.",
        ));
    }
    let mut names: Vec<String> = insights.iter().map(|k| k.as_str().to_owned()).collect();
    names.sort();
    names.dedup();
    advance(
        store,
        actor,
        &account,
        AccountState::Completed,
        AccountUpdate {
            insights: Some(names),
            ..Default::default()
        },
    )
}
