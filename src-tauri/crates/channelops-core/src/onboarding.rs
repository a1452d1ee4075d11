//! Parts 1 and 2 of the flow and the records of Part 3: the workspace, resellers,
//! customers, contracts, cloud accounts and validation runs — each action one
//! transaction with its audit record, each checked against the actor's rights.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;

use crate::auth::{self, Actor, OrgKind, Role};
use crate::error::CoreError;
use crate::store::{Store, new_id, now};

/// Records one change in the audit log (inside the caller's transaction).
pub fn audit(
    tx: &Transaction<'_>,
    actor: &str,
    action: &str,
    target: &str,
    detail: &str,
) -> Result<(), CoreError> {
    tx.execute(
        "INSERT INTO audit (at, actor, action, target, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![now(), actor, action, target, detail],
    )?;
    Ok(())
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub target: String,
    pub detail: String,
}

pub fn audit_log(conn: &Connection, limit: u32) -> Result<Vec<AuditEntry>, CoreError> {
    let mut stmt = conn
        .prepare("SELECT at, actor, action, target, detail FROM audit ORDER BY id DESC LIMIT ?1")?;
    let rows = stmt.query_map([limit], |r| {
        Ok(AuditEntry {
            at: r.get(0)?,
            actor: r.get(1)?,
            action: r.get(2)?,
            target: r.get(3)?,
            detail: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

// ---------- validation of user input ----------

pub fn validate_domain(domain: &str) -> Result<String, CoreError> {
    let d = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = d.split('.').collect();
    let ok = labels.len() >= 2
        && d.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()));
    if ok {
        Ok(d)
    } else {
        Err(CoreError::invalid(
            format!("{domain:?} is not a domain name"),
            "Enter the company's domain, e.g. example.com (no http:// and no path).",
        ))
    }
}

pub fn validate_email(email: &str) -> Result<String, CoreError> {
    let e = email.trim();
    let ok = e.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && local.len() <= 64
            && !local.contains(char::is_whitespace)
            && validate_domain(domain).is_ok()
    });
    if ok {
        Ok(e.to_owned())
    } else {
        Err(CoreError::invalid(
            format!("{email:?} is not an email address"),
            "Enter an address like name@example.com.",
        ))
    }
}

fn validate_name(what: &str, name: &str) -> Result<String, CoreError> {
    let n = name.trim();
    if n.is_empty() || n.len() > 200 {
        return Err(CoreError::invalid(
            format!("the {what} is empty or too long"),
            format!("Enter a {what} of 1 to 200 characters."),
        ));
    }
    Ok(n.to_owned())
}

pub fn validate_account_id(id: &str) -> Result<String, CoreError> {
    let v: String = id
        .trim()
        .chars()
        .filter(|c| *c != '-' && *c != ' ')
        .collect();
    if v.len() == 12 && v.bytes().all(|b| b.is_ascii_digit()) {
        Ok(v)
    } else {
        Err(CoreError::invalid(
            format!("{id:?} is not an AWS account ID"),
            "An AWS account ID is 12 digits, e.g. 111122223333 (shown in the AWS console's account menu).",
        ))
    }
}

fn validate_date(what: &str, d: &str) -> Result<String, CoreError> {
    chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
        .map(|d| d.to_string())
        .map_err(|_| {
            CoreError::invalid(
                format!("the {what} {d:?} is not a date"),
                "Use the form YYYY-MM-DD, e.g. 2026-12-01.",
            )
        })
}

// ---------- workspace ----------

/// The home organization of this workspace, if set up.
pub fn home_org(conn: &Connection) -> Result<Option<(String, OrgKind, String)>, CoreError> {
    conn.query_row(
        "SELECT id, kind, name FROM orgs WHERE is_home = 1",
        [],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        },
    )
    .optional()?
    .map(|(id, kind, name)| Ok((id, OrgKind::parse(&kind)?, name)))
    .transpose()
}

pub struct NewWorkspace<'a> {
    pub kind: OrgKind,
    pub name: &'a str,
    pub domain: &'a str,
    pub admin_email: &'a str,
    pub admin_name: &'a str,
    pub password: &'a str,
}

/// First run of a distributor or reseller: its organization and first Admin.
pub fn init_workspace(store: &mut Store, w: NewWorkspace<'_>) -> Result<Actor, CoreError> {
    if w.kind == OrgKind::Customer {
        return Err(CoreError::invalid(
            "a customer workspace is created by importing an invitation",
            "Use `channelops invitation activate FILE`.",
        ));
    }
    let name = validate_name("company name", w.name)?;
    let domain = validate_domain(w.domain)?;
    let email = validate_email(w.admin_email)?;
    let admin_name = validate_name("name", w.admin_name)?;
    let hash = auth::hash_password(w.password)?;
    crate::handover::ensure_key(store.path())?;
    let user_id = store.write(|tx| {
        if home_org(tx)?.is_some() {
            return Err(CoreError::Conflict {
                message: "this database already holds a workspace".into(),
                remedy: "Sign in to it, or use another database with --db.".into(),
            });
        }
        let org_id = new_id();
        let t = now();
        tx.execute(
            "INSERT INTO orgs (id, kind, name, domain, is_home, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5)",
            params![org_id, w.kind.as_str(), name, domain, t],
        )?;
        let user_id = new_id();
        tx.execute(
            "INSERT INTO users (id, org_id, email, name, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4, 'admin', ?5, ?6)",
            params![user_id, org_id, email, admin_name, hash, t],
        )?;
        audit(tx, &email, "workspace.create", &name, w.kind.as_str())?;
        Ok(user_id)
    })?;
    auth::actor(store.conn(), &user_id)
}

/// Adds a user to the actor's own organization.
pub fn add_user(
    store: &mut Store,
    actor: &Actor,
    email: &str,
    name: &str,
    role: Role,
    password: &str,
) -> Result<(), CoreError> {
    let email = validate_email(email)?;
    let name = validate_name("name", name)?;
    let hash = auth::hash_password(password)?;
    store.write(|tx| {
        auth::require_admin_over(tx, actor, &actor.org_id, "Adding a user", &[])?;
        let exists: bool = tx.query_row("SELECT EXISTS(SELECT 1 FROM users WHERE email = ?1)", [&email], |r| r.get(0))?;
        if exists {
            return Err(CoreError::Conflict { message: format!("{email} already has an account"), remedy: "Use another email address.".into() });
        }
        tx.execute(
            "INSERT INTO users (id, org_id, email, name, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![new_id(), actor.org_id, email, name, role.as_str(), hash, now()],
        )?;
        audit(tx, &actor.email, "user.add", &email, role.as_str())
    })
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct User {
    pub email: String,
    pub name: String,
    pub role: Role,
    /// False while the user has not activated (no password yet).
    pub active: bool,
}

/// The users of the actor's own organization.
pub fn list_users(conn: &Connection, actor: &Actor) -> Result<Vec<User>, CoreError> {
    let mut stmt = conn.prepare("SELECT email, name, role, password_hash IS NOT NULL FROM users WHERE org_id = ?1 ORDER BY email")?;
    let rows = stmt.query_map([&actor.org_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, bool>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (email, name, role, active) = row?;
        out.push(User {
            email,
            name,
            role: Role::parse(&role)?,
            active,
        });
    }
    Ok(out)
}

/// A distributor Admin adds a reseller under the distributor.
pub fn add_reseller(
    store: &mut Store,
    actor: &Actor,
    name: &str,
    domain: &str,
) -> Result<String, CoreError> {
    let name = validate_name("company name", name)?;
    let domain = validate_domain(domain)?;
    store.write(|tx| {
        auth::require_admin_over(tx, actor, &actor.org_id, "Adding a reseller", &[OrgKind::Distributor])?;
        let id = new_id();
        let t = now();
        tx.execute(
            "INSERT INTO orgs (id, kind, name, domain, parent_id, created_at, updated_at) VALUES (?1, 'reseller', ?2, ?3, ?4, ?5, ?5)",
            params![id, name, domain, actor.org_id, t],
        )?;
        audit(tx, &actor.email, "reseller.add", &name, &domain)?;
        Ok(id)
    })
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Org {
    pub id: String,
    pub kind: OrgKind,
    pub name: String,
    pub domain: String,
    pub parent_id: Option<String>,
    pub parent_name: Option<String>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub pending: bool,
}

fn org_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Org> {
    let kind: String = r.get(1)?;
    Ok(Org {
        id: r.get(0)?,
        kind: OrgKind::parse(&kind).unwrap_or(OrgKind::Customer),
        name: r.get(2)?,
        domain: r.get(3)?,
        parent_id: r.get(4)?,
        parent_name: r.get(5)?,
        contact_name: r.get(6)?,
        contact_email: r.get(7)?,
        pending: r.get(8)?,
    })
}

const ORG_SELECT: &str = "SELECT o.id, o.kind, o.name, o.domain, o.parent_id, p.name, o.contact_name, o.contact_email, o.pending FROM orgs o LEFT JOIN orgs p ON p.id = o.parent_id";

pub fn get_org(conn: &Connection, id: &str) -> Result<Org, CoreError> {
    conn.query_row(&format!("{ORG_SELECT} WHERE o.id = ?1"), [id], org_from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found(format!("organization {id}")))
}

/// Finds an organization by ID or exact name (for the CLI).
pub fn find_org(
    conn: &Connection,
    id_or_name: &str,
    kind: Option<OrgKind>,
) -> Result<Org, CoreError> {
    let mut stmt = conn.prepare(&format!(
        "{ORG_SELECT} WHERE (o.id = ?1 OR o.name = ?1) AND (?2 IS NULL OR o.kind = ?2)"
    ))?;
    let found: Vec<Org> = stmt
        .query_map(params![id_or_name, kind.map(OrgKind::as_str)], org_from_row)?
        .collect::<Result<_, _>>()?;
    match found.len() {
        1 => Ok(found
            .into_iter()
            .next()
            .ok_or_else(|| CoreError::not_found(id_or_name))?),
        0 => Err(CoreError::not_found(format!(
            "{} {id_or_name:?}",
            kind.map_or("organization", OrgKind::as_str)
        ))),
        _ => Err(CoreError::invalid(
            format!("more than one organization is named {id_or_name:?}"),
            "Use its ID instead (see the `list` command).",
        )),
    }
}

/// Organizations the actor can see, of a kind, optionally matching `search`.
pub fn list_orgs(
    conn: &Connection,
    actor: &Actor,
    kind: OrgKind,
    search: Option<&str>,
) -> Result<Vec<Org>, CoreError> {
    let pattern = format!("%{}%", search.unwrap_or("").trim());
    let mut stmt = conn.prepare(&format!(
        "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id)
         {ORG_SELECT} WHERE o.id IN (SELECT id FROM sub) AND o.kind = ?2
           AND (o.name LIKE ?3 OR o.domain LIKE ?3 OR IFNULL(o.contact_email, '') LIKE ?3)
         ORDER BY o.name"
    ))?;
    let rows = stmt.query_map(params![actor.org_id, kind.as_str(), pattern], org_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

// ---------- Part 1: customers ----------

/// The organizations the actor may add a customer under: a reseller Admin's own
/// reseller, a distributor's resellers.
pub fn customer_parents(conn: &Connection, actor: &Actor) -> Result<Vec<Org>, CoreError> {
    match actor.org_kind {
        OrgKind::Reseller => Ok(vec![get_org(conn, &actor.org_id)?]),
        OrgKind::Distributor => list_orgs(conn, actor, OrgKind::Reseller, None),
        OrgKind::Customer => Ok(Vec::new()),
    }
}

#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewCustomer {
    pub parent_id: String,
    pub name: String,
    pub domain: String,
    pub contact_name: String,
    pub contact_email: String,
    /// "Complete later": keep the onboarding open as a pending task.
    pub complete_later: bool,
}

/// Checks a new customer's fields; the errors say which field and how to fix it.
pub fn check_new_customer(c: &NewCustomer) -> Result<NewCustomer, CoreError> {
    Ok(NewCustomer {
        parent_id: c.parent_id.trim().to_owned(),
        name: validate_name("company name", &c.name)?,
        domain: validate_domain(&c.domain)?,
        contact_name: validate_name("contact name", &c.contact_name)?,
        contact_email: validate_email(&c.contact_email)?,
        complete_later: c.complete_later,
    })
}

/// Inserts a customer and its pending Admin inside `tx` (rights already checked).
pub(crate) fn insert_customer(
    tx: &Transaction<'_>,
    actor: &Actor,
    c: &NewCustomer,
) -> Result<(String, String), CoreError> {
    let parent = checked_parent(tx, actor, &c.parent_id)?;
    insert_under(tx, actor, &parent, c)
}

/// The parent a customer is added under: a reseller the actor administers.
fn checked_parent(conn: &Connection, actor: &Actor, parent_id: &str) -> Result<Org, CoreError> {
    let parent = get_org(conn, parent_id)?;
    if parent.kind != OrgKind::Reseller {
        return Err(CoreError::invalid(
            format!(
                "{} is a {}, not a reseller",
                parent.name,
                parent.kind.as_str()
            ),
            "Choose the reseller the customer belongs to as its parent.",
        ));
    }
    auth::require_admin_over(
        conn,
        actor,
        &parent.id,
        "Adding a customer",
        &[OrgKind::Distributor, OrgKind::Reseller],
    )?;
    Ok(parent)
}

/// Inserts a customer and its pending Admin under a parent already checked.
fn insert_under(
    tx: &Transaction<'_>,
    actor: &Actor,
    parent: &Org,
    c: &NewCustomer,
) -> Result<(String, String), CoreError> {
    let taken: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM users WHERE email = ?1)",
        [&c.contact_email],
        |r| r.get(0),
    )?;
    if taken {
        return Err(CoreError::Conflict {
            message: format!("{} already has an account", c.contact_email),
            remedy: "Use another email address for the customer's Admin.".into(),
        });
    }
    let id = new_id();
    let t = now();
    tx.execute(
        "INSERT INTO orgs (id, kind, name, domain, parent_id, contact_name, contact_email, pending, created_at, updated_at)
         VALUES (?1, 'customer', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![id, c.name, c.domain, parent.id, c.contact_name, c.contact_email, c.complete_later, t],
    )?;
    let user_id = new_id();
    tx.execute(
        "INSERT INTO users (id, org_id, email, name, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4, 'admin', NULL, ?5)",
        params![user_id, id, c.contact_email, c.contact_name, t],
    )?;
    audit(
        tx,
        &actor.email,
        "customer.add",
        &c.name,
        &format!("under {}", parent.name),
    )?;
    Ok((id, user_id))
}

/// What adding a customer gives back: the one time the activation code is visible.
#[derive(Debug, Clone, Serialize)]
pub struct AddedCustomer {
    pub customer_id: String,
    pub invitation: crate::handover::IssuedInvitation,
}

/// Part 1: adds a customer under an explicitly chosen reseller, with its pending
/// Admin and a one-time activation code.
pub fn add_customer(
    store: &mut Store,
    actor: &Actor,
    c: &NewCustomer,
) -> Result<AddedCustomer, CoreError> {
    let c = check_new_customer(c)?;
    let key = crate::handover::load_key(store.path())?;
    store.write(|tx| {
        let (customer_id, user_id) = insert_customer(tx, actor, &c)?;
        let invitation =
            crate::handover::issue_invitation_in(tx, actor, &key, &customer_id, &user_id)?;
        Ok(AddedCustomer {
            customer_id,
            invitation,
        })
    })
}

#[derive(Debug, Clone, Default)]
pub struct CustomerChanges {
    pub name: Option<String>,
    pub domain: Option<String>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub complete_later: Option<bool>,
}

pub fn edit_customer(
    store: &mut Store,
    actor: &Actor,
    id: &str,
    ch: &CustomerChanges,
) -> Result<Org, CoreError> {
    let name = ch
        .name
        .as_deref()
        .map(|n| validate_name("company name", n))
        .transpose()?;
    let domain = ch.domain.as_deref().map(validate_domain).transpose()?;
    let contact_name = ch
        .contact_name
        .as_deref()
        .map(|n| validate_name("contact name", n))
        .transpose()?;
    let contact_email = ch
        .contact_email
        .as_deref()
        .map(validate_email)
        .transpose()?;
    store.write(|tx| {
        let current = get_org(tx, id)?;
        if current.kind != OrgKind::Customer {
            return Err(CoreError::not_found(format!("customer {id}")));
        }
        auth::require_admin_over(tx, actor, id, "Editing a customer", &[OrgKind::Distributor, OrgKind::Reseller])?;
        tx.execute(
            "UPDATE orgs SET name = COALESCE(?2, name), domain = COALESCE(?3, domain), contact_name = COALESCE(?4, contact_name),
                 contact_email = COALESCE(?5, contact_email), pending = COALESCE(?6, pending), updated_at = ?7 WHERE id = ?1",
            params![id, name, domain, contact_name, contact_email, ch.complete_later, now()],
        )?;
        audit(tx, &actor.email, "customer.edit", &current.name, "")?;
        get_org(tx, id)
    })
}

// ---------- Part 2: contracts ----------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ContractStatus {
    Draft,
    Active,
    Ended,
}

impl ContractStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ContractStatus::Draft => "draft",
            ContractStatus::Active => "active",
            ContractStatus::Ended => "ended",
        }
    }
    pub fn parse(s: &str) -> Result<Self, CoreError> {
        match s {
            "draft" => Ok(ContractStatus::Draft),
            "active" => Ok(ContractStatus::Active),
            "ended" => Ok(ContractStatus::Ended),
            other => Err(CoreError::invalid(
                format!("unknown contract status {other:?}"),
                "Use draft, active or ended.",
            )),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Contract {
    pub id: String,
    pub customer_id: String,
    pub start_date: String,
    pub end_date: Option<String>,
    pub plan: String,
    pub notes: String,
    pub status: ContractStatus,
}

pub struct NewContract<'a> {
    pub customer_id: &'a str,
    pub start_date: &'a str,
    pub end_date: Option<&'a str>,
    pub plan: &'a str,
    pub notes: &'a str,
    pub status: ContractStatus,
}

fn one_active_conflict(customer: &str) -> CoreError {
    CoreError::Conflict {
        message: format!("{customer} already has an active contract; a customer has at most one"),
        remedy:
            "End the current contract first (set its status to ended), then activate the new one."
                .into(),
    }
}

/// Part 2: a contract for a customer (at most one active).
pub fn add_contract(
    store: &mut Store,
    actor: &Actor,
    c: NewContract<'_>,
) -> Result<Contract, CoreError> {
    let start = validate_date("start date", c.start_date)?;
    let end = c
        .end_date
        .map(|d| validate_date("end date", d))
        .transpose()?;
    if end.as_deref().is_some_and(|e| e < start.as_str()) {
        return Err(CoreError::invalid(
            "the end date is before the start date",
            "Choose an end date on or after the start date, or leave it empty.",
        ));
    }
    let plan = validate_name("plan", c.plan)?;
    store.write(|tx| {
        let customer = get_org(tx, c.customer_id)?;
        if customer.kind != OrgKind::Customer {
            return Err(CoreError::not_found(format!("customer {}", c.customer_id)));
        }
        auth::require_admin_over(tx, actor, &customer.id, "Assigning a contract", &[OrgKind::Distributor, OrgKind::Reseller])?;
        if c.status == ContractStatus::Active && active_contract(tx, &customer.id)?.is_some() {
            return Err(one_active_conflict(&customer.name));
        }
        let id = new_id();
        tx.execute(
            "INSERT INTO contracts (id, customer_id, start_date, end_date, plan, notes, status, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![id, customer.id, start, end, plan, c.notes, c.status.as_str(), now()],
        )?;
        audit(tx, &actor.email, "contract.add", &customer.name, &format!("{plan}, {}", c.status.as_str()))?;
        Ok(Contract { id, customer_id: customer.id, start_date: start, end_date: end, plan, notes: c.notes.to_owned(), status: c.status })
    })
}

pub fn set_contract_status(
    store: &mut Store,
    actor: &Actor,
    contract_id: &str,
    status: ContractStatus,
) -> Result<(), CoreError> {
    store.write(|tx| {
        let customer_id: String = tx
            .query_row(
                "SELECT customer_id FROM contracts WHERE id = ?1",
                [contract_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| CoreError::not_found(format!("contract {contract_id}")))?;
        let customer = get_org(tx, &customer_id)?;
        auth::require_admin_over(
            tx,
            actor,
            &customer_id,
            "Changing a contract",
            &[OrgKind::Distributor, OrgKind::Reseller],
        )?;
        if status == ContractStatus::Active
            && active_contract(tx, &customer_id)?.is_some_and(|c| c.id != contract_id)
        {
            return Err(one_active_conflict(&customer.name));
        }
        tx.execute(
            "UPDATE contracts SET status = ?2 WHERE id = ?1",
            params![contract_id, status.as_str()],
        )?;
        audit(
            tx,
            &actor.email,
            "contract.status",
            &customer.name,
            status.as_str(),
        )
    })
}

fn contract_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Contract> {
    let status: String = r.get(6)?;
    Ok(Contract {
        id: r.get(0)?,
        customer_id: r.get(1)?,
        start_date: r.get(2)?,
        end_date: r.get(3)?,
        plan: r.get(4)?,
        notes: r.get(5)?,
        status: ContractStatus::parse(&status).unwrap_or(ContractStatus::Draft),
    })
}

pub fn active_contract(
    conn: &Connection,
    customer_id: &str,
) -> Result<Option<Contract>, CoreError> {
    Ok(conn
        .query_row(
            "SELECT id, customer_id, start_date, end_date, plan, notes, status FROM contracts WHERE customer_id = ?1 AND status = 'active'",
            [customer_id],
            contract_from_row,
        )
        .optional()?)
}

pub fn list_contracts(
    conn: &Connection,
    actor: &Actor,
    customer_id: &str,
) -> Result<Vec<Contract>, CoreError> {
    if !auth::can_see(conn, actor, customer_id)? {
        return Err(CoreError::not_found(format!("customer {customer_id}")));
    }
    let mut stmt = conn.prepare("SELECT id, customer_id, start_date, end_date, plan, notes, status FROM contracts WHERE customer_id = ?1 ORDER BY start_date")?;
    let rows = stmt.query_map([customer_id], contract_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Part 3 may start only with an active contract; the refusal says who must act.
pub fn require_active_contract(conn: &Connection, customer_id: &str) -> Result<(), CoreError> {
    if active_contract(conn, customer_id)?.is_some() {
        return Ok(());
    }
    let customer = get_org(conn, customer_id)?;
    let parent = customer
        .parent_name
        .unwrap_or_else(|| "its reseller".into());
    Err(CoreError::NotAllowed {
        message: format!(
            "{} has no active contract, so cloud accounts cannot be connected yet",
            customer.name
        ),
        remedy: format!(
            "An Admin of {parent} (or of its distributor) must assign a contract to {} first.",
            customer.name
        ),
    })
}

// ---------- Part 3: cloud accounts ----------

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
                    format!("unknown account state {other:?}"),
                    "See `channelops accounts --help`.",
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
}

fn account_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CloudAccount> {
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
    })
}

const ACCOUNT_SELECT: &str = "SELECT id, customer_id, aws_account_id, state, bucket, prefix, report_name, role_arn, external_id, stack_id, insights FROM cloud_accounts";

pub fn get_account(conn: &Connection, id: &str) -> Result<CloudAccount, CoreError> {
    conn.query_row(
        &format!("{ACCOUNT_SELECT} WHERE id = ?1 OR aws_account_id = ?1"),
        [id],
        account_from_row,
    )
    .optional()?
    .ok_or_else(|| CoreError::not_found(format!("cloud account {id}")))
}

pub fn list_accounts(
    conn: &Connection,
    actor: &Actor,
    customer_id: &str,
) -> Result<Vec<CloudAccount>, CoreError> {
    if !auth::can_see(conn, actor, customer_id)? {
        return Err(CoreError::not_found(format!("customer {customer_id}")));
    }
    let mut stmt = conn.prepare(&format!(
        "{ACCOUNT_SELECT} WHERE customer_id = ?1 ORDER BY created_at"
    ))?;
    let rows = stmt.query_map([customer_id], account_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn check_part3(
    tx: &Transaction<'_>,
    actor: &Actor,
    customer_id: &str,
    action: &str,
) -> Result<(), CoreError> {
    auth::require_admin_over(tx, actor, customer_id, action, &[])?;
    require_active_contract(tx, customer_id)
}

/// Part 3, step 4: the AWS management account, with a random external ID.
pub fn add_account(
    store: &mut Store,
    actor: &Actor,
    customer_id: &str,
    aws_account_id: &str,
) -> Result<CloudAccount, CoreError> {
    let aws = validate_account_id(aws_account_id)?;
    let external_id = crate::handover::b64url(&crate::store::random_bytes::<24>()?);
    store.write(|tx| {
        check_part3(tx, actor, customer_id, "Connecting a cloud account")?;
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

/// What to record on a cloud account as the wizard advances.
#[derive(Debug, Clone, Default)]
pub struct AccountUpdate {
    pub state: Option<AccountState>,
    pub bucket: Option<String>,
    pub prefix: Option<String>,
    pub report_name: Option<String>,
    pub role_arn: Option<String>,
    pub stack_id: Option<String>,
    pub insights: Option<Vec<String>>,
}

pub fn update_account(
    store: &mut Store,
    actor: &Actor,
    account_id: &str,
    u: &AccountUpdate,
) -> Result<CloudAccount, CoreError> {
    store.write(|tx| update_account_in(tx, actor, account_id, u, false))
}

/// [`update_account`] inside a transaction. With `forward_only`, the state never
/// moves backwards (the wizard's steps done again); without, it is set as given
/// (an Admin's correction from the CLI).
pub(crate) fn update_account_in(
    tx: &Transaction<'_>,
    actor: &Actor,
    account_id: &str,
    u: &AccountUpdate,
    forward_only: bool,
) -> Result<CloudAccount, CoreError> {
    if let Some(b) = &u.bucket {
        crate::aws::bucket::check_name(b)?;
    }
    let current = get_account(tx, account_id)?;
    check_part3(tx, actor, &current.customer_id, "Changing a cloud account")?;
    let state = match u.state {
        Some(s) if forward_only => Some(s.max(current.state)),
        other => other,
    };
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

/// Health of a validation result: valid, valid with warnings, or failed.
pub fn health_of(result: &crate::cur::ValidationResult, chosen: Option<&str>) -> &'static str {
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
            "warnings"
        }
        Some(r) if r.valid => "valid",
        _ => "failed",
    }
}

/// Stores a validation run with its full result.
pub fn record_validation(
    store: &mut Store,
    actor: &Actor,
    account_id: &str,
    result: &crate::cur::ValidationResult,
) -> Result<String, CoreError> {
    store.write(|tx| record_validation_in(tx, actor, account_id, result))
}

/// [`record_validation`] inside a transaction.
pub(crate) fn record_validation_in(
    tx: &Transaction<'_>,
    actor: &Actor,
    account_id: &str,
    result: &crate::cur::ValidationResult,
) -> Result<String, CoreError> {
    let json = serde_json::to_string(result).map_err(|e| {
        CoreError::invalid(
            format!("cannot store the result: {e}"),
            "Report this problem.",
        )
    })?;
    let account = get_account(tx, account_id)?;
    check_part3(tx, actor, &account.customer_id, "Recording a validation")?;
    let id = new_id();
    let health = health_of(result, account.report_name.as_deref());
    tx.execute(
        "INSERT INTO validation_runs (id, cloud_account_id, health, result_json, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, account.id, health, json, now()],
    )?;
    audit(
        tx,
        &actor.email,
        "validation.record",
        &account.aws_account_id,
        health,
    )?;
    Ok(id)
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
        return Err(CoreError::not_found(format!("cloud account {id}")));
    }
    Ok(a)
}

// ---------- bulk import ----------

/// Imports customers from CSV (`name,domain,contact_name,contact_email,parent[,complete_later]`,
/// parent = reseller name or ID). All or nothing: every bad row is reported with
/// its line number and reason, and then nothing is written.
pub fn import_customers(
    store: &mut Store,
    actor: &Actor,
    csv_bytes: &[u8],
) -> Result<usize, CoreError> {
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(csv_bytes);
    let header: Vec<String> = rdr
        .headers()
        .map_err(|e| {
            CoreError::invalid(
                format!("the CSV header cannot be read: {e}"),
                "The first line must name the columns.",
            )
        })?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_ascii_lowercase())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name);
    let required = ["name", "domain", "contact_name", "contact_email", "parent"];
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|c| col(c).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(CoreError::invalid(
            format!("the CSV lacks the column(s) {}", missing.join(", ")),
            "The first line must be: name,domain,contact_name,contact_email,parent[,complete_later]",
        ));
    }
    let idx: Vec<usize> = required.iter().filter_map(|c| col(c)).collect();
    let later = col("complete_later");

    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut emails = std::collections::HashSet::new();
    let mut parents: std::collections::HashMap<String, Result<String, String>> =
        std::collections::HashMap::new();
    for (i, record) in rdr.records().enumerate() {
        let line = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(format!("line {line}: {e}"));
                continue;
            }
        };
        let get = |j: usize| record.get(idx[j]).unwrap_or("").to_owned();
        // Each parent is looked up and its rights checked once, not per row.
        let parent_ref = get(4);
        let parent = parents
            .entry(parent_ref.clone())
            .or_insert_with(|| {
                find_org(store.conn(), &parent_ref, Some(OrgKind::Reseller))
                    .and_then(|p| checked_parent(store.conn(), actor, &p.id))
                    .map(|p| p.id)
                    .map_err(|e| e.to_string())
            })
            .clone();
        let parent = match parent {
            Ok(id) => id,
            Err(e) => {
                errors.push(format!("line {line}: parent: {e}"));
                continue;
            }
        };
        let candidate = NewCustomer {
            parent_id: parent,
            name: get(0),
            domain: get(1),
            contact_name: get(2),
            contact_email: get(3),
            complete_later: later
                .and_then(|j| record.get(j))
                .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "1" | "true" | "yes")),
        };
        match check_new_customer(&candidate) {
            Ok(c) => {
                if !emails.insert(c.contact_email.to_ascii_lowercase()) {
                    errors.push(format!(
                        "line {line}: contact_email {} appears twice in the file",
                        c.contact_email
                    ));
                } else {
                    rows.push((line, c));
                }
            }
            Err(e) => errors.push(format!("line {line}: {e}")),
        }
    }
    if errors.is_empty() && rows.is_empty() {
        return Err(CoreError::invalid(
            "the CSV has no rows",
            "Add one customer per line after the header.",
        ));
    }
    if errors.is_empty() {
        let count = rows.len();
        let result = store.write(|tx| {
            let mut errs = Vec::new();
            // Rights are checked here, in the transaction, once per parent.
            let mut checked: std::collections::HashMap<&str, Org> =
                std::collections::HashMap::new();
            for (line, c) in &rows {
                let parent = match checked.entry(c.parent_id.as_str()) {
                    std::collections::hash_map::Entry::Occupied(e) => Ok(e.into_mut()),
                    std::collections::hash_map::Entry::Vacant(v) => {
                        checked_parent(tx, actor, &c.parent_id).map(|p| v.insert(p))
                    }
                };
                let inserted = parent.and_then(|parent| insert_under(tx, actor, parent, c));
                if let Err(e) = inserted {
                    errs.push(format!("line {line}: {e}"));
                }
            }
            if errs.is_empty() {
                audit(
                    tx,
                    &actor.email,
                    "customers.import",
                    &format!("{count} customers"),
                    "",
                )?;
                Ok(())
            } else {
                Err(CoreError::invalid(import_message(&errs), IMPORT_REMEDY))
            }
        });
        result?;
        // A bulk write: empty the WAL so that later reads need not consult it.
        store.checkpoint()?;
        return Ok(count);
    }
    Err(CoreError::invalid(import_message(&errors), IMPORT_REMEDY))
}

const IMPORT_REMEDY: &str =
    "Nothing was imported. Fix these rows (or remove them) and import the whole file again.";

fn import_message(errors: &[String]) -> String {
    let shown: Vec<&str> = errors.iter().take(50).map(String::as_str).collect();
    let more = errors.len().saturating_sub(shown.len());
    format!(
        "{} row(s) cannot be imported:\n  {}{}",
        errors.len(),
        shown.join("\n  "),
        if more > 0 {
            format!("\n  … and {more} more")
        } else {
            String::new()
        }
    )
}
