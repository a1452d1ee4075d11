//! Every customer's onboarding progress, derived from the records (never stored):
//! which part and step it has reached, what blocks it, who must act, the next
//! action, and the health of its source data.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;
use serde::Serialize;

use crate::auth::Actor;
use crate::error::CoreError;

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

#[derive(Debug, Clone, Serialize)]
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
    pub blocker: Option<String>,
    /// Who must act next.
    pub who_must_act: String,
    /// The next action, as a button would say it.
    pub next_action: String,
    pub health: Health,
}

struct Row {
    id: String,
    name: String,
    parent: String,
    contact: String,
    pending: bool,
    contract: bool,
    activated: bool,
    best_state: i64,
    health: Option<String>,
}

fn derive(r: Row) -> CustomerProgress {
    let parent_admin = format!("Admin of {}", r.parent);
    let customer_admin = format!("Admin of {} ({})", r.name, r.contact);
    let (part, step, percent, blocker, who, next): (u8, Step, u8, Option<String>, String, &str) =
        if r.pending {
            (
                1,
                Step::Profile,
                10,
                Some("The profile was saved with \"Complete later\".".into()),
                parent_admin,
                "Complete the customer profile",
            )
        } else if !r.contract {
            (
                2,
                Step::Contract,
                25,
                Some("No active contract: cloud accounts cannot be connected.".into()),
                parent_admin,
                "Assign a contract",
            )
        } else if !r.activated {
            (
                3,
                Step::Activate,
                35,
                Some("Waiting for the customer Admin to activate the invitation.".into()),
                customer_admin,
                "Send the invitation",
            )
        } else {
            let health_failed = r.health.as_deref() == Some("failed");
            match r.best_state {
                -1 => (
                    3,
                    Step::Account,
                    45,
                    None,
                    customer_admin,
                    "Connect your AWS Management Account",
                ),
                0 => (
                    3,
                    Step::Bucket,
                    55,
                    None,
                    customer_admin,
                    "Set up the CUR and enter its bucket",
                ),
                1 => (
                    3,
                    Step::Stack,
                    65,
                    None,
                    customer_admin,
                    "Open AWS CloudFormation Console",
                ),
                2 => (
                    3,
                    Step::Validate,
                    75,
                    health_failed.then(|| "The CUR failed validation.".to_owned()),
                    customer_admin,
                    if health_failed {
                        "Fix the CUR and Refresh"
                    } else {
                        "Validate the CUR"
                    },
                ),
                3 => (
                    3,
                    Step::Confirm,
                    85,
                    None,
                    customer_admin,
                    "Confirm and proceed",
                ),
                4 => (
                    3,
                    Step::Insights,
                    95,
                    None,
                    customer_admin,
                    "Link new account or Complete",
                ),
                _ => (4, Step::Done, 100, None, String::new(), "Nothing to do"),
            }
        };
    let health = match r.health.as_deref() {
        Some("valid") => Health::Valid,
        Some("warnings") => Health::Warnings,
        Some("failed") => Health::Failed,
        _ => Health::NotAvailable,
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
        next_action: next.to_owned(),
        health,
    }
}

/// The progress of every customer the actor can see (its own organization and
/// the organizations under it: the tree is distributor → reseller → customer), by
/// customer name. A handful of set-wide queries joined in memory: one pass over each
/// table instead of a lookup per customer.
pub fn progress(conn: &Connection, actor: &Actor) -> Result<Vec<CustomerProgress>, CoreError> {
    let ids = |set: &mut HashSet<String>, sql: &str| -> Result<(), CoreError> {
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            set.insert(r.get(0)?);
        }
        Ok(())
    };
    let mut contracted = HashSet::new();
    ids(
        &mut contracted,
        "SELECT customer_id FROM contracts WHERE status = 'active'",
    )?;
    // Activated: a password set, an invitation used (or an account connected, below).
    let mut activated = HashSet::new();
    ids(
        &mut activated,
        "SELECT org_id FROM users WHERE password_hash IS NOT NULL",
    )?;
    ids(
        &mut activated,
        "SELECT customer_id FROM invitations WHERE used_at IS NOT NULL",
    )?;
    // Accounts: the furthest state per customer, and which customer owns each.
    let mut best: HashMap<String, i64> = HashMap::new();
    let mut owner: HashMap<String, String> = HashMap::new();
    {
        let mut stmt = conn.prepare_cached("SELECT id, customer_id, state FROM cloud_accounts")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, customer, state): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let rank = match state.as_str() {
                "entered" => 0,
                "bucket_set" => 1,
                "stack_created" => 2,
                "cur_validated" => 3,
                "confirmed" => 4,
                _ => 5,
            };
            let e = best.entry(customer.clone()).or_insert(rank);
            *e = (*e).max(rank);
            owner.insert(id, customer);
        }
    }
    // The latest recorded run of each account (the highest rowid: runs are only ever
    // appended), read from the covering index — SQLite takes the bare column `health`
    // from the row holding the max — then the latest per customer.
    let mut health: HashMap<String, (i64, String)> = HashMap::new();
    {
        let mut stmt = conn.prepare_cached("SELECT cloud_account_id, health, max(rowid) FROM validation_runs GROUP BY cloud_account_id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (account, h, at): (String, String, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if let Some(customer) = owner.get(&account) {
                let newer = health.get(customer).is_none_or(|(seen, _)| at > *seen);
                if newer {
                    health.insert(customer.clone(), (at, h));
                }
            }
        }
    }
    // The few distributors and resellers, then one sequential pass over the
    // customers (sorted here rather than through the name index's row lookups).
    let mut parents: HashMap<String, (String, Option<String>)> = HashMap::new();
    {
        let mut stmt =
            conn.prepare_cached("SELECT id, name, parent_id FROM orgs WHERE kind != 'customer'")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            parents.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
        }
    }
    let me = actor.org_id.as_str();
    let mut out = Vec::new();
    let mut stmt = conn.prepare_cached("SELECT id, name, parent_id, IFNULL(contact_email, ''), pending FROM orgs WHERE +kind = 'customer'")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (id, name, parent_id, contact, pending): (
            String,
            String,
            Option<String>,
            String,
            bool,
        ) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        let parent = parent_id.as_ref().and_then(|p| parents.get(p));
        // Visible: the actor's own organization, its customers, or its resellers' customers.
        let visible = id == me
            || parent_id.as_deref() == Some(me)
            || parent.is_some_and(|(_, grand)| grand.as_deref() == Some(me));
        if !visible {
            continue;
        }
        out.push(derive(Row {
            contract: contracted.contains(&id),
            activated: activated.contains(&id) || best.contains_key(&id),
            best_state: best.get(&id).copied().unwrap_or(-1),
            health: health.remove(&id).map(|(_, h)| h),
            parent: parent.map(|(n, _)| n.clone()).unwrap_or_default(),
            id,
            name,
            contact,
            pending,
        }));
    }
    out.sort_unstable_by(|a, b| {
        a.customer
            .cmp(&b.customer)
            .then_with(|| a.customer_id.cmp(&b.customer_id))
    });
    Ok(out)
}
