//! Part 1: customers under an explicitly chosen reseller.

#[allow(unused_imports)]
use super::*;

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
        name: validate_name(text!("field-company-name"), &c.name)?,
        domain: validate_domain(&c.domain)?,
        contact_name: validate_name(text!("field-contact-name"), &c.contact_name)?,
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
pub(super) fn checked_parent(
    conn: &Connection,
    actor: &Actor,
    parent_id: &str,
) -> Result<Org, CoreError> {
    let parent = get_org(conn, parent_id)?;
    if parent.kind != OrgKind::Reseller {
        return Err(CoreError::invalid(
            text!(
                "customers-err-not-reseller",
                name = &parent.name,
                kind = parent.kind.as_str()
            ),
            text!("customers-fix-not-reseller"),
        ));
    }
    auth::require_admin_over(
        conn,
        actor,
        &parent.id,
        text!("act-add-customer"),
        &[OrgKind::Distributor, OrgKind::Reseller],
    )?;
    Ok(parent)
}

/// Inserts a customer and its pending Admin under a parent already checked.
pub(super) fn insert_under(
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
            message: text!("ws-err-email-taken", email = &c.contact_email),
            remedy: text!("customers-fix-email-taken"),
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
        .map(|n| validate_name(text!("field-company-name"), n))
        .transpose()?;
    let domain = ch.domain.as_deref().map(validate_domain).transpose()?;
    let contact_name = ch
        .contact_name
        .as_deref()
        .map(|n| validate_name(text!("field-contact-name"), n))
        .transpose()?;
    let contact_email = ch
        .contact_email
        .as_deref()
        .map(validate_email)
        .transpose()?;
    store.write(|tx| {
        let current = get_org(tx, id)?;
        if current.kind != OrgKind::Customer {
            return Err(CoreError::not_found(text!("nf-customer", id = id)));
        }
        auth::require_admin_over(tx, actor, id, text!("act-edit-customer"), &[OrgKind::Distributor, OrgKind::Reseller])?;
        tx.execute(
            "UPDATE orgs SET name = COALESCE(?2, name), domain = COALESCE(?3, domain), contact_name = COALESCE(?4, contact_name),
                 contact_email = COALESCE(?5, contact_email), pending = COALESCE(?6, pending), updated_at = ?7 WHERE id = ?1",
            params![id, name, domain, contact_name, contact_email, ch.complete_later, now()],
        )?;
        audit(tx, &actor.email, "customer.edit", &current.name, "")?;
        get_org(tx, id)
    })
}
