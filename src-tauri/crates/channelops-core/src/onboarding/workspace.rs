//! The workspace: its home organization, first run, users and resellers.

#[allow(unused_imports)]
use super::*;

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
            text!("ws-err-customer-init"),
            text!("ws-fix-customer-init"),
        ));
    }
    let name = validate_name(text!("field-company-name"), w.name)?;
    let domain = validate_domain(w.domain)?;
    let email = validate_email(w.admin_email)?;
    let admin_name = validate_name(text!("field-name"), w.admin_name)?;
    let hash = auth::hash_password(w.password)?;
    crate::signing::ensure_key(store.path())?;
    let user_id = store.write(|tx| {
        if home_org(tx)?.is_some() {
            return Err(CoreError::Conflict {
                message: text!("ws-err-exists"),
                remedy: text!("ws-fix-exists"),
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
    let name = validate_name(text!("field-name"), name)?;
    let hash = auth::hash_password(password)?;
    store.write(|tx| {
        auth::require_admin_over(tx, actor, &actor.org_id, text!("act-add-user"), &[])?;
        let exists: bool = tx.query_row("SELECT EXISTS(SELECT 1 FROM users WHERE email = ?1)", [&email], |r| r.get(0))?;
        if exists {
            return Err(CoreError::Conflict {
                message: text!("ws-err-email-taken", email = &email),
                remedy: text!("ws-fix-email-taken"),
            });
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
    let name = validate_name(text!("field-company-name"), name)?;
    let domain = validate_domain(domain)?;
    store.write(|tx| {
        auth::require_admin_over(tx, actor, &actor.org_id, text!("act-add-reseller"), &[OrgKind::Distributor])?;
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

pub(super) fn org_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Org> {
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

pub(super) const ORG_SELECT: &str = "SELECT o.id, o.kind, o.name, o.domain, o.parent_id, p.name, o.contact_name, o.contact_email, o.pending FROM orgs o LEFT JOIN orgs p ON p.id = o.parent_id";

pub fn get_org(conn: &Connection, id: &str) -> Result<Org, CoreError> {
    conn.query_row(&format!("{ORG_SELECT} WHERE o.id = ?1"), [id], org_from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found(text!("nf-org", id = id)))
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
            .ok_or_else(|| CoreError::not_found(text!("nf-org", id = id_or_name)))?),
        0 => Err(CoreError::not_found(text!(
            "nf-named",
            kind = kind.map_or("organization", OrgKind::as_str),
            name = id_or_name
        ))),
        _ => Err(CoreError::invalid(
            text!("ws-err-ambiguous", name = id_or_name),
            text!("ws-fix-ambiguous"),
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
