//! Part 3: the customer's cloud accounts and their states.

#[allow(unused_imports)]
use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AccountState {
    Entered,
    BucketSet,
    StackCreated,
    CurValidated,
    Confirmed,
    Completed,
}

impl AccountState {
    /// Every state, in the order Part 3 moves through them (exported to the UI).
    pub const ALL: [AccountState; 6] = [
        AccountState::Entered,
        AccountState::BucketSet,
        AccountState::StackCreated,
        AccountState::CurValidated,
        AccountState::Confirmed,
        AccountState::Completed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AccountState::Entered => "entered",
            AccountState::BucketSet => "bucket_set",
            AccountState::StackCreated => "stack_created",
            AccountState::CurValidated => "cur_validated",
            AccountState::Confirmed => "confirmed",
            AccountState::Completed => "completed",
        }
    }
    pub fn parse(s: &str) -> Result<Self, CoreError> {
        Ok(match s {
            "entered" => AccountState::Entered,
            "bucket_set" => AccountState::BucketSet,
            "stack_created" => AccountState::StackCreated,
            "cur_validated" => AccountState::CurValidated,
            "confirmed" => AccountState::Confirmed,
            "completed" => AccountState::Completed,
            other => {
                return Err(CoreError::invalid(
                    text!("accounts-err-state", state = other),
                    text!("accounts-fix-state"),
                ));
            }
        })
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CloudAccount {
    pub id: String,
    pub customer_id: String,
    pub aws_account_id: String,
    pub state: AccountState,
    pub bucket: Option<String>,
    pub prefix: Option<String>,
    pub report_name: Option<String>,
    pub role_arn: Option<String>,
    pub external_id: String,
    pub stack_id: Option<String>,
    pub insights: Vec<String>,
    /// A right CUR definition AWS has not delivered yet: the account waits for it.
    pub awaiting_report: Option<String>,
    /// When the app first saw that definition (RFC 3339, UTC).
    pub awaiting_since: Option<String>,
}

pub(super) fn account_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CloudAccount> {
    let state: String = r.get(3)?;
    let insights: String = r.get(10)?;
    Ok(CloudAccount {
        id: r.get(0)?,
        customer_id: r.get(1)?,
        aws_account_id: r.get(2)?,
        state: AccountState::parse(&state).unwrap_or(AccountState::Entered),
        bucket: r.get(4)?,
        prefix: r.get(5)?,
        report_name: r.get(6)?,
        role_arn: r.get(7)?,
        external_id: r.get(8)?,
        stack_id: r.get(9)?,
        insights: serde_json::from_str(&insights).unwrap_or_default(),
        awaiting_report: r.get(11)?,
        awaiting_since: r.get(12)?,
    })
}

pub(super) const ACCOUNT_SELECT: &str = "SELECT id, customer_id, aws_account_id, state, bucket, prefix, report_name, role_arn, external_id, stack_id, insights, awaiting_report, awaiting_since FROM cloud_accounts";

pub fn get_account(conn: &Connection, id: &str) -> Result<CloudAccount, CoreError> {
    conn.query_row(
        &format!("{ACCOUNT_SELECT} WHERE id = ?1 OR aws_account_id = ?1"),
        [id],
        account_from_row,
    )
    .optional()?
    .ok_or_else(|| CoreError::not_found(text!("nf-account", id = id)))
}

pub fn list_accounts(
    conn: &Connection,
    actor: &Actor,
    customer_id: &str,
) -> Result<Vec<CloudAccount>, CoreError> {
    if !auth::can_see(conn, actor, customer_id)? {
        return Err(CoreError::not_found(text!("nf-customer", id = customer_id)));
    }
    let mut stmt = conn.prepare(&format!(
        "{ACCOUNT_SELECT} WHERE customer_id = ?1 ORDER BY created_at"
    ))?;
    let rows = stmt.query_map([customer_id], account_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every cloud account of the workspace, oldest first (callers keep the ones the
/// actor may see: see [`crate::progress::customer_accounts`]).
pub(crate) fn all_accounts(conn: &Connection) -> Result<Vec<CloudAccount>, CoreError> {
    let mut stmt = conn.prepare(&format!("{ACCOUNT_SELECT} ORDER BY created_at"))?;
    let rows = stmt.query_map([], account_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(crate) fn check_part3(
    conn: &Connection,
    actor: &Actor,
    customer_id: &str,
    action: Text,
) -> Result<(), CoreError> {
    auth::require_admin_over(conn, actor, customer_id, action, &[])?;
    require_active_contract(conn, customer_id)
}

/// Part 3, step 4: the AWS management account, with a random external ID.
pub fn add_account(
    store: &mut Store,
    actor: &Actor,
    customer_id: &str,
    aws_account_id: &str,
) -> Result<CloudAccount, CoreError> {
    let aws = crate::ids::aws_account_id(aws_account_id)?;
    let external_id = crate::signing::b64url(&crate::ids::random_bytes::<24>()?);
    store.write(|tx| {
        check_part3(tx, actor, customer_id, text!("act-connect-account"))?;
        let id = new_id();
        let t = now();
        tx.execute(
            "INSERT INTO cloud_accounts (id, customer_id, aws_account_id, state, external_id, created_at, updated_at) VALUES (?1, ?2, ?3, 'entered', ?4, ?5, ?5)
             ON CONFLICT (customer_id, aws_account_id) DO NOTHING",
            params![id, customer_id, aws, external_id, t],
        )?;
        audit(tx, &actor.email, "account.add", &aws, "")?;
        Ok(tx.query_row(&format!("{ACCOUNT_SELECT} WHERE customer_id = ?1 AND aws_account_id = ?2"), params![customer_id, aws], account_from_row)?)
    })
}

/// What to record on a cloud account as the wizard advances. Only the Part 3
/// steps of [`crate::connect`] record it, each with its evidence.
#[derive(Debug, Clone, Default)]
pub(crate) struct AccountUpdate {
    pub state: Option<AccountState>,
    pub bucket: Option<String>,
    pub prefix: Option<String>,
    pub report_name: Option<String>,
    pub role_arn: Option<String>,
    pub stack_id: Option<String>,
    pub insights: Option<Vec<String>>,
}

/// Records `u` on a cloud account inside a transaction. The state only ever
/// moves forward: a step done again never takes the account back.
pub(crate) fn update_account_in(
    tx: &Transaction<'_>,
    actor: &Actor,
    account_id: &str,
    u: &AccountUpdate,
) -> Result<CloudAccount, CoreError> {
    if let Some(b) = &u.bucket {
        crate::ids::bucket_name(b)?;
    }
    let current = get_account(tx, account_id)?;
    check_part3(tx, actor, &current.customer_id, text!("act-change-account"))?;
    let state = u.state.map(|s| s.max(current.state));
    let insights = u
        .insights
        .as_ref()
        .map(|i| serde_json::to_string(i).unwrap_or_else(|_| "[]".into()));
    tx.execute(
        "UPDATE cloud_accounts SET state = COALESCE(?2, state), bucket = COALESCE(?3, bucket), prefix = COALESCE(?4, prefix),
             report_name = COALESCE(?5, report_name), role_arn = COALESCE(?6, role_arn), stack_id = COALESCE(?7, stack_id),
             insights = COALESCE(?8, insights), updated_at = ?9 WHERE id = ?1",
        params![current.id, state.map(AccountState::as_str), u.bucket, u.prefix, u.report_name, u.role_arn, u.stack_id, insights, now()],
    )?;
    audit(
        tx,
        &actor.email,
        "account.update",
        &current.aws_account_id,
        state.map_or("", AccountState::as_str),
    )?;
    get_account(tx, &current.id)
}

/// The cloud account `id` (or AWS account ID), if the actor may see its customer;
/// otherwise "not found", as if it did not exist.
pub fn visible_account(
    conn: &Connection,
    actor: &Actor,
    id: &str,
) -> Result<CloudAccount, CoreError> {
    let a = get_account(conn, id)?;
    if !auth::can_see(conn, actor, &a.customer_id)? {
        return Err(CoreError::not_found(text!("nf-account", id = id)));
    }
    Ok(a)
}
