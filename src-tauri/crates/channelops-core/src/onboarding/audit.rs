//! The audit log: every change recorded with who, what and when.

#[allow(unused_imports)]
use super::*;

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

/// The audit log, newest first: for Admins only (it names every user and action).
pub fn audit_log(
    conn: &Connection,
    actor: &Actor,
    limit: u32,
) -> Result<Vec<AuditEntry>, CoreError> {
    if actor.role != Role::Admin {
        return Err(CoreError::NotAllowed {
            message: text!("audit-err-viewer", org = &actor.org_name),
            remedy: text!("audit-fix-viewer"),
        });
    }
    // The log is the workspace's: a customer's Admin activated in a reseller's
    // database does not read what the reseller did.
    let home = super::home_org(conn)?;
    if actor.org_kind == OrgKind::Customer
        && home.as_ref().is_some_and(|(id, _, _)| *id != actor.org_id)
    {
        return Err(CoreError::NotAllowed {
            message: text!(
                "audit-err-not-home",
                home = home.map(|(_, _, name)| name).unwrap_or_default()
            ),
            remedy: text!("audit-fix-not-home"),
        });
    }
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
