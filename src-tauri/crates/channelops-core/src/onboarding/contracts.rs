//! Part 2: contracts; Part 3 may start only with an active one.

#[allow(unused_imports)]
use super::*;

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
                text!("contract-err-status", status = other),
                text!("contract-fix-status"),
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

pub(super) fn one_active_conflict(customer: &str) -> CoreError {
    CoreError::Conflict {
        message: text!("contract-err-two-active", customer = customer),
        remedy: text!("contract-fix-two-active"),
    }
}

/// Part 2: a contract for a customer (at most one active).
pub fn add_contract(
    store: &mut Store,
    actor: &Actor,
    c: NewContract<'_>,
) -> Result<Contract, CoreError> {
    let start = validate_date(text!("field-start-date"), c.start_date)?;
    let end = c
        .end_date
        .map(|d| validate_date(text!("field-end-date"), d))
        .transpose()?;
    if end.as_deref().is_some_and(|e| e < start.as_str()) {
        return Err(CoreError::invalid(
            text!("contract-err-dates"),
            text!("contract-fix-dates"),
        ));
    }
    let plan = validate_name(text!("field-plan"), c.plan)?;
    store.write(|tx| {
        let customer = get_org(tx, c.customer_id)?;
        if customer.kind != OrgKind::Customer {
            return Err(CoreError::not_found(text!("nf-customer", id = c.customer_id)));
        }
        auth::require_admin_over(tx, actor, &customer.id, text!("act-assign-contract"), &[OrgKind::Distributor, OrgKind::Reseller])?;
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
            .ok_or_else(|| CoreError::not_found(text!("nf-contract", id = contract_id)))?;
        let customer = get_org(tx, &customer_id)?;
        auth::require_admin_over(
            tx,
            actor,
            &customer_id,
            text!("act-change-contract"),
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

pub(super) fn contract_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Contract> {
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
        return Err(CoreError::not_found(text!("nf-customer", id = customer_id)));
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
    let parent = customer.parent_name.map_or_else(
        || crate::text::Arg::from(text!("contract-its-reseller")),
        crate::text::Arg::from,
    );
    Err(CoreError::NotAllowed {
        message: text!("contract-err-none", customer = &customer.name),
        remedy: text!(
            "contract-fix-none",
            parent = parent,
            customer = &customer.name
        ),
    })
}
