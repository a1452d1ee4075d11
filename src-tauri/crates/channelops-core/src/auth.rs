//! Users, local sign-in (argon2id) and the rights along the hierarchy.
//!
//! An action on an organization is allowed only to an Admin of an organization on
//! the path from the root to it: a reseller Admin acts on its customers, a
//! distributor Admin on its resellers' customers too, a customer Admin on its own
//! cloud accounts.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::error::CoreError;
use crate::text;
use crate::text::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    Distributor,
    Reseller,
    Customer,
}

impl OrgKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::Distributor => "distributor",
            OrgKind::Reseller => "reseller",
            OrgKind::Customer => "customer",
        }
    }
    pub fn parse(s: &str) -> Result<Self, CoreError> {
        match s {
            "distributor" => Ok(OrgKind::Distributor),
            "reseller" => Ok(OrgKind::Reseller),
            "customer" => Ok(OrgKind::Customer),
            other => Err(CoreError::invalid(
                text!("auth-err-unknown-kind", kind = other),
                text!("auth-fix-unknown-kind"),
            )),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Viewer,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Viewer => "viewer",
        }
    }
    pub fn parse(s: &str) -> Result<Self, CoreError> {
        match s {
            "admin" => Ok(Role::Admin),
            "viewer" => Ok(Role::Viewer),
            other => Err(CoreError::invalid(
                text!("auth-err-unknown-role", role = other),
                text!("auth-fix-unknown-role"),
            )),
        }
    }
}

/// The signed-in user.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Actor {
    pub user_id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub org_id: String,
    pub org_name: String,
    pub org_kind: OrgKind,
}

/// One organization on a path.
#[derive(Debug, Clone)]
pub struct OrgRef {
    pub id: String,
    pub name: String,
    pub kind: OrgKind,
}

pub fn hash_password(password: &str) -> Result<String, CoreError> {
    check_password_strength(password)?;
    let salt_bytes = crate::store::random_bytes::<16>()?;
    let salt = SaltString::encode_b64(&salt_bytes).map_err(|e| {
        CoreError::invalid(
            text!("auth-err-salt", detail = e.to_string()),
            text!("remedy-try-again"),
        )
    })?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| {
            CoreError::invalid(
                text!("auth-err-hash", detail = e.to_string()),
                text!("remedy-try-again"),
            )
        })
}

pub fn check_password_strength(password: &str) -> Result<(), CoreError> {
    if password.chars().count() < 10 {
        return Err(CoreError::invalid(
            text!("auth-err-short-password"),
            text!("auth-fix-short-password", min = 10_u32),
        ));
    }
    Ok(())
}

fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

fn bad_sign_in() -> CoreError {
    CoreError::NotSignedIn {
        message: text!("auth-err-bad-sign-in"),
        remedy: text!("auth-fix-bad-sign-in"),
    }
}

/// Signs in with email and password.
pub fn sign_in(conn: &Connection, email: &str, password: &str) -> Result<Actor, CoreError> {
    let row: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT id, password_hash FROM users WHERE email = ?1",
            [email.trim()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((user_id, hash)) = row else {
        // Spend the same time as a real check, so that timing does not reveal accounts.
        let _ = verify_password(
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$3q5y4y1d0v0w2hZQ3c6QbQ",
            password,
        );
        return Err(bad_sign_in());
    };
    let Some(hash) = hash else {
        return Err(CoreError::NotSignedIn {
            message: text!("auth-err-not-activated", email = email),
            remedy: text!("auth-fix-not-activated"),
        });
    };
    if !verify_password(&hash, password) {
        return Err(bad_sign_in());
    }
    actor(conn, &user_id)
}

/// The actor for a user ID (after activation, or in tests).
pub fn actor(conn: &Connection, user_id: &str) -> Result<Actor, CoreError> {
    conn.query_row(
        "SELECT u.id, u.email, u.name, u.role, o.id, o.name, o.kind FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.id = ?1",
        [user_id],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ))
        },
    )
    .optional()?
    .map(|(user_id, email, name, role, org_id, org_name, kind)| {
        Ok(Actor { user_id, email, name, role: Role::parse(&role)?, org_id, org_name, org_kind: OrgKind::parse(&kind)? })
    })
    .unwrap_or_else(|| Err(CoreError::not_found(text!("nf-user", id = user_id))))
}

/// The organizations from `org_id` up to the root, `org_id` first.
pub fn path_to_root(conn: &Connection, org_id: &str) -> Result<Vec<OrgRef>, CoreError> {
    let mut stmt = conn.prepare_cached(
        "WITH RECURSIVE up(id, name, kind, parent_id, depth) AS (
             SELECT id, name, kind, parent_id, 0 FROM orgs WHERE id = ?1
             UNION ALL
             SELECT o.id, o.name, o.kind, o.parent_id, up.depth + 1 FROM orgs o JOIN up ON o.id = up.parent_id WHERE up.depth < 16
         ) SELECT id, name, kind FROM up ORDER BY depth",
    )?;
    let rows = stmt.query_map([org_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, name, kind) = row?;
        out.push(OrgRef {
            id,
            name,
            kind: OrgKind::parse(&kind)?,
        });
    }
    if out.is_empty() {
        return Err(CoreError::not_found(text!("nf-org", id = org_id)));
    }
    Ok(out)
}

/// Allows the action when the actor is an Admin of an organization on the path
/// from the root to `target` (of one of `kinds`, when given). The refusal names
/// the role and the organizations that may act.
pub fn require_admin_over(
    conn: &Connection,
    actor: &Actor,
    target: &str,
    action: Text,
    kinds: &[OrgKind],
) -> Result<Vec<OrgRef>, CoreError> {
    let path = path_to_root(conn, target)?;
    let eligible: Vec<&OrgRef> = path
        .iter()
        .filter(|o| kinds.is_empty() || kinds.contains(&o.kind))
        .collect();
    let on_path = eligible.iter().any(|o| o.id == actor.org_id);
    if actor.role == Role::Admin && on_path {
        return Ok(path);
    }
    let who: Vec<Text> = eligible
        .iter()
        .map(|o| text!("auth-org-of-kind", name = &o.name, kind = o.kind.as_str()))
        .collect();
    let who = text::alternatives(&who);
    let target_name = path.first().map(|o| o.name.clone()).unwrap_or_default();
    Err(CoreError::NotAllowed {
        message: text!(
            "auth-err-needs-admin",
            action = action,
            target = target_name,
            who = &who,
            role = actor.role.as_str(),
            org = &actor.org_name
        ),
        remedy: text!("auth-fix-needs-admin", who = who),
    })
}

/// Whether the actor may see `target` (anyone in the organization or above it).
pub fn can_see(conn: &Connection, actor: &Actor, target: &str) -> Result<bool, CoreError> {
    Ok(path_to_root(conn, target)?
        .iter()
        .any(|o| o.id == actor.org_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let h = hash_password("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password(&h, "correct horse battery"));
        assert!(!verify_password(&h, "wrong horse battery"));
        assert!(hash_password("short").is_err());
    }
}
