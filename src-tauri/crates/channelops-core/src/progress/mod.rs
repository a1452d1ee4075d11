//! Every customer's onboarding progress, derived from the records (never stored):
//! which part and step it has reached, what blocks it, who must act, the next
//! action, and the health of its source data.

use rusqlite::Connection;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::auth::Actor;
use crate::error::CoreError;
use crate::onboarding::AccountState;
use crate::text;
use crate::text::Text;

mod table;
pub use table::ProgressTable;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Part 1: the profile was saved with "Complete later".
    Profile,
    /// Part 2: no active contract.
    Contract,
    /// Part 3, step 1: the customer Admin has not activated the invitation.
    Activate,
    /// Part 3: no AWS management account entered.
    Account,
    /// Part 3: the CUR bucket is not set.
    Bucket,
    /// Part 3: the CloudFormation stack is not created.
    Stack,
    /// Part 3: the CUR is not validated.
    Validate,
    /// Part 3: a right CUR definition waits for AWS's first delivery — nobody
    /// needs to act (AWS delivers within 24 hours); Refresh then.
    AwaitDelivery,
    /// Part 3: "Confirm and proceed" not done.
    Confirm,
    /// Part 3: insights not chosen / not completed.
    Insights,
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Health {
    Valid,
    Warnings,
    Failed,
    NotAvailable,
}

impl Health {
    /// The stable name, as stored with a validation run and in report files.
    pub fn as_str(self) -> &'static str {
        match self {
            Health::Valid => "valid",
            Health::Warnings => "warnings",
            Health::Failed => "failed",
            Health::NotAvailable => "not_available",
        }
    }

    /// The health of a stored run; anything unknown counts as failed.
    pub fn parse(s: &str) -> Health {
        match s {
            "valid" => Health::Valid,
            "warnings" => Health::Warnings,
            _ => Health::Failed,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CustomerProgress {
    pub customer_id: String,
    pub customer: String,
    pub parent: String,
    /// 1, 2 or 3; 4 when done.
    pub part: u8,
    pub step: Step,
    /// 0–100, for the progress ring.
    pub percent: u8,
    /// What blocks it (absent when it is simply the next step for the same person).
    pub blocker: Option<Text>,
    /// Who must act next.
    pub who_must_act: Text,
    /// The next action, as a button would say it.
    pub next_action: Text,
    pub health: Health,
    /// While waiting for AWS's first delivery: when the CUR definition was found.
    pub waiting_since: Option<String>,
}

struct Row {
    id: String,
    name: String,
    parent: String,
    contact: String,
    pending: bool,
    contract: bool,
    activated: bool,
    /// The furthest state of the customer's cloud accounts (none entered yet: `None`).
    best_state: Option<AccountState>,
    health: Health,
    /// A right CUR definition AWS has not delivered yet, and since when it is known.
    awaiting: Option<(String, String)>,
}

fn derive(r: Row) -> CustomerProgress {
    let parent_admin = || text!("who-parent-admin", parent = &r.parent);
    let customer_admin = || {
        text!(
            "who-customer-admin",
            customer = &r.name,
            contact = &r.contact
        )
    };
    let (part, step, percent, blocker, who, next): (u8, Step, u8, Option<Text>, Text, Text) =
        if r.pending {
            (
                1,
                Step::Profile,
                10,
                Some(text!("blocker-profile-later")),
                parent_admin(),
                text!("next-complete-profile"),
            )
        } else if !r.contract {
            (
                2,
                Step::Contract,
                25,
                Some(text!("blocker-no-contract")),
                parent_admin(),
                text!("next-assign-contract"),
            )
        } else if !r.activated {
            (
                3,
                Step::Activate,
                35,
                Some(text!("blocker-not-activated")),
                customer_admin(),
                text!("next-send-invitation"),
            )
        } else {
            let health_failed = r.health == Health::Failed;
            match r.best_state {
                None => (
                    3,
                    Step::Account,
                    45,
                    None,
                    customer_admin(),
                    text!("next-connect-account"),
                ),
                Some(AccountState::Entered) => (
                    3,
                    Step::Bucket,
                    55,
                    None,
                    customer_admin(),
                    text!("next-set-up-cur"),
                ),
                Some(AccountState::BucketSet) => (
                    3,
                    Step::Stack,
                    65,
                    None,
                    customer_admin(),
                    text!("next-open-cloudformation"),
                ),
                Some(AccountState::StackCreated) if r.awaiting.is_some() => {
                    let (report, since) = r.awaiting.clone().unwrap_or_default();
                    (
                        3,
                        Step::AwaitDelivery,
                        80,
                        Some(text!(
                            "blocker-awaiting-delivery",
                            report = report,
                            since = since
                        )),
                        text!("who-nobody-aws-delivers"),
                        text!("next-refresh-curs"),
                    )
                }
                Some(AccountState::StackCreated) => (
                    3,
                    Step::Validate,
                    75,
                    health_failed.then(|| text!("blocker-cur-failed")),
                    customer_admin(),
                    if health_failed {
                        text!("next-fix-cur")
                    } else {
                        text!("next-validate-cur")
                    },
                ),
                Some(AccountState::CurValidated) => (
                    3,
                    Step::Confirm,
                    85,
                    None,
                    customer_admin(),
                    text!("next-confirm"),
                ),
                Some(AccountState::Confirmed) => (
                    3,
                    Step::Insights,
                    95,
                    None,
                    customer_admin(),
                    text!("next-link-or-complete"),
                ),
                Some(AccountState::Completed) => (
                    4,
                    Step::Done,
                    100,
                    None,
                    text!("who-nobody"),
                    text!("next-nothing"),
                ),
            }
        };
    let waiting_since = (step == Step::AwaitDelivery)
        .then(|| r.awaiting.map(|(_, since)| since))
        .flatten();
    // Waiting is not a failure: no verdict yet.
    let health = if waiting_since.is_some() {
        Health::NotAvailable
    } else {
        r.health
    };
    CustomerProgress {
        customer_id: r.id,
        customer: r.name,
        parent: r.parent,
        part,
        step,
        percent,
        blocker,
        who_must_act: who,
        next_action: next,
        health,
        waiting_since,
    }
}

/// The progress of every customer the actor can see (its own organization and
/// the organizations under it: the tree is distributor → reseller → customer), by
/// customer name. A handful of set-wide queries joined in memory: one pass over each
/// table instead of a lookup per customer.
pub fn progress(conn: &Connection, actor: &Actor) -> Result<Vec<CustomerProgress>, CoreError> {
    // Keys are UUID strings: a fast non-cryptographic hash (no untrusted keys here).
    let ids = |set: &mut FxHashSet<String>, sql: &str| -> Result<(), CoreError> {
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            set.insert(r.get(0)?);
        }
        Ok(())
    };
    let mut contracted = FxHashSet::default();
    ids(
        &mut contracted,
        "SELECT customer_id FROM contracts WHERE status = 'active'",
    )?;
    // Activated: a password set, an invitation used (or an account connected, below).
    let mut activated = FxHashSet::default();
    ids(
        &mut activated,
        "SELECT org_id FROM users WHERE password_hash IS NOT NULL",
    )?;
    ids(
        &mut activated,
        "SELECT customer_id FROM invitations WHERE used_at IS NOT NULL",
    )?;

    // Per customer: the furthest account state, and the latest validation run.
    struct Accounts {
        best: AccountState,
        latest_run: i64,
        health: Option<Health>,
        awaiting: Option<(String, String)>,
    }
    let mut per_customer: FxHashMap<String, Accounts> = FxHashMap::default();
    let mut owner: FxHashMap<String, String> = FxHashMap::default();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT id, customer_id, state, awaiting_report, awaiting_since FROM cloud_accounts",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let rank = AccountState::parse(r.get_ref(2)?.as_str()?)?;
            let customer: String = r.get(1)?;
            let e = per_customer.entry(customer.clone()).or_insert(Accounts {
                best: rank,
                latest_run: -1,
                health: None,
                awaiting: None,
            });
            e.best = e.best.max(rank);
            if let (Some(report), Some(since)) = (r.get(3)?, r.get(4)?) {
                e.awaiting = Some((report, since));
            }
            owner.insert(r.get(0)?, customer);
        }
    }
    // The latest recorded run of each account (the highest rowid: runs are only ever
    // appended), read from the covering index — SQLite takes the bare column `health`
    // from the row holding the max.
    {
        let mut stmt = conn.prepare_cached("SELECT cloud_account_id, health, max(rowid) FROM validation_runs GROUP BY cloud_account_id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let Some(customer) = owner.get(r.get_ref(0)?.as_str()?) else {
                continue;
            };
            let at: i64 = r.get(2)?;
            if let Some(e) = per_customer.get_mut(customer).filter(|e| at > e.latest_run) {
                e.latest_run = at;
                e.health = Some(Health::parse(r.get_ref(1)?.as_str()?));
            }
        }
    }
    // The few distributors and resellers, then one sequential pass over the
    // customers (sorted here rather than through the name index's row lookups).
    let mut parents: FxHashMap<String, (String, Option<String>)> = FxHashMap::default();
    {
        let mut stmt =
            conn.prepare_cached("SELECT id, name, parent_id FROM orgs WHERE kind != 'customer'")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            parents.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
        }
    }
    let me = actor.org_id.as_str();
    let mut out = Vec::with_capacity(per_customer.len().max(contracted.len()));
    let mut stmt = conn.prepare_cached("SELECT id, name, parent_id, IFNULL(contact_email, ''), pending FROM orgs WHERE +kind = 'customer'")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id = r.get_ref(0)?.as_str()?;
        let parent_id = r.get_ref(2)?.as_str_or_null()?;
        let parent = parent_id.and_then(|p| parents.get(p));
        // Visible: the actor's own organization, its customers, or its resellers' customers.
        let visible = id == me
            || parent_id == Some(me)
            || parent.is_some_and(|(_, grand)| grand.as_deref() == Some(me));
        if !visible {
            continue;
        }
        let accounts = per_customer.get(id);
        out.push(derive(Row {
            contract: contracted.contains(id),
            activated: activated.contains(id) || accounts.is_some(),
            best_state: accounts.map(|a| a.best),
            health: accounts
                .and_then(|a| a.health)
                .unwrap_or(Health::NotAvailable),
            awaiting: accounts.and_then(|a| a.awaiting.clone()),
            parent: parent.map(|(n, _)| n.clone()).unwrap_or_default(),
            id: id.to_owned(),
            name: r.get(1)?,
            contact: r.get(3)?,
            pending: r.get(4)?,
        }));
    }
    out.sort_unstable_by(|a, b| {
        a.customer
            .cmp(&b.customer)
            .then_with(|| a.customer_id.cmp(&b.customer_id))
    });
    Ok(out)
}
