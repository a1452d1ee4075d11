//! Workspace actions: status, first run, sign-in, users, resellers, settings,
//! audit, and the person's preferences.

use serde::{Deserialize, Serialize};

use super::Session;
use crate::AppInfo;
use crate::auth::{self, Actor, OrgKind, Role};
use crate::error::CoreError;
use crate::onboarding::{self, AuditEntry, Org, User};
use crate::preferences::Language;
use crate::settings::{self, Setting};

/// Whether a workspace exists here, and who is signed in.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WorkspaceStatus {
    pub initialized: bool,
    pub workspace: Option<String>,
    pub user: Option<Actor>,
}

/// First run of a distributor or reseller workspace.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewWorkspaceInput {
    pub kind: OrgKind,
    pub name: String,
    pub domain: String,
    pub admin_email: String,
    pub admin_name: String,
    pub password: String,
}

/// Version and data folder of this installation, and the language chosen here.
pub fn app_info() -> Result<AppInfo, CoreError> {
    crate::app_info::app_info()
}

impl Session {
    /// Saves the display language in the data folder.
    pub async fn set_language(&self, language: Language) -> Result<(), CoreError> {
        super::blocking(move || {
            crate::preferences::set_language(&crate::app_info::data_dir()?, language).map(|_| ())
        })
        .await
    }

    /// Whether a workspace exists here, and who is signed in.
    pub async fn workspace_status(&self) -> Result<WorkspaceStatus, CoreError> {
        let user = self.user();
        self.with_store(move |store| {
            let home = onboarding::home_org(store.conn())?;
            let user = match user {
                Some(id) => auth::actor(store.conn(), &id).ok(),
                None => None,
            };
            Ok(WorkspaceStatus {
                initialized: home.is_some(),
                workspace: home.map(|(_, _, name)| name),
                user,
            })
        })
        .await
    }

    /// First run: the workspace and its first Admin, who is then signed in.
    pub async fn init_workspace(&self, input: NewWorkspaceInput) -> Result<Actor, CoreError> {
        let actor = self
            .with_store(move |store| {
                onboarding::init_workspace(
                    store,
                    onboarding::NewWorkspace {
                        kind: input.kind,
                        name: &input.name,
                        domain: &input.domain,
                        admin_email: &input.admin_email,
                        admin_name: &input.admin_name,
                        password: &input.password,
                    },
                )
            })
            .await?;
        self.set_user(Some(actor.user_id.clone()));
        Ok(actor)
    }

    /// Signs in (the password is checked, never kept).
    pub async fn sign_in(&self, email: String, password: String) -> Result<Actor, CoreError> {
        let actor = self
            .with_store(move |store| auth::sign_in(store.conn(), &email, &password))
            .await?;
        self.set_user(Some(actor.user_id.clone()));
        Ok(actor)
    }

    pub fn sign_out(&self) {
        self.set_user(None);
    }

    /// The users of the actor's own organization.
    pub async fn users(&self) -> Result<Vec<User>, CoreError> {
        self.as_actor(|store, actor| onboarding::list_users(store.conn(), actor))
            .await
    }

    /// Adds a user to the actor's own organization.
    pub async fn add_user(
        &self,
        email: String,
        name: String,
        role: Role,
        password: String,
    ) -> Result<(), CoreError> {
        self.as_actor(move |store, actor| {
            onboarding::add_user(store, actor, &email, &name, role, &password)
        })
        .await
    }

    /// The resellers under the actor's distributor.
    pub async fn resellers(&self) -> Result<Vec<Org>, CoreError> {
        self.as_actor(|store, actor| {
            onboarding::list_orgs(store.conn(), actor, OrgKind::Reseller, None)
        })
        .await
    }

    /// Adds a reseller under the actor's distributor; returns its ID.
    pub async fn add_reseller(&self, name: String, domain: String) -> Result<String, CoreError> {
        self.as_actor(move |store, actor| onboarding::add_reseller(store, actor, &name, &domain))
            .await
    }

    /// Every workspace setting with its value (set here, or the default).
    pub async fn settings(&self) -> Result<Vec<Setting>, CoreError> {
        self.with_store(|store| settings::list(store)).await
    }

    /// Sets one setting (an empty value restores the default).
    pub async fn set_setting(&self, key: String, value: String) -> Result<(), CoreError> {
        self.as_actor(move |store, actor| settings::set(store, actor, &key, &value))
            .await
    }

    /// The audit log, newest first.
    pub async fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>, CoreError> {
        self.as_actor(move |store, actor| onboarding::audit_log(store.conn(), actor, limit))
            .await
    }
}
