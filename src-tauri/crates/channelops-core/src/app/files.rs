//! Hand-over files: invitations (reseller → customer), onboarding reports
//! (customer → reseller), diagnostic bundles (customer → support).

use std::path::PathBuf;

use serde::Serialize;

use super::Session;
use super::customers::customer_id;
use crate::auth::Actor;
use crate::error::CoreError;
use crate::handover::{self, IssuedInvitation};

/// What the reseller sees once an invitation is exported: the code (shown once),
/// where the file is, and the welcome message to send.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ExportedInvitation {
    pub email: String,
    pub code: String,
    pub expires_at: String,
    pub path: String,
    pub welcome_text: String,
    pub mailto: String,
}

/// A suggested place for an exported file: the Downloads folder and a file name
/// made from `name`.
pub fn export_path(name: &str, suffix: &str) -> Result<String, CoreError> {
    Ok(handover::export_dir()?
        .join(handover::file_name(name, suffix))
        .to_string_lossy()
        .into_owned())
}

impl Session {
    /// Issues a new invitation (the previous unused code stops working), saves its
    /// file at `path` and, when asked, the welcome e-mail at `eml`.
    pub async fn export_invitation(
        &self,
        customer: String,
        path: PathBuf,
        eml: Option<PathBuf>,
    ) -> Result<(ExportedInvitation, IssuedInvitation), CoreError> {
        self.as_actor(move |store, actor| {
            let id = customer_id(store, &customer)?;
            let inv = handover::export_invitation(store, actor, &id, &path)?;
            if let Some(eml) = &eml {
                handover::write_file(eml, &inv.welcome_eml)?;
            }
            let view = ExportedInvitation {
                email: inv.email.clone(),
                code: inv.code.clone(),
                expires_at: inv.expires_at.clone(),
                path: path.to_string_lossy().into_owned(),
                welcome_text: inv.welcome_text.clone(),
                mailto: inv.mailto.clone(),
            };
            Ok((view, inv))
        })
        .await
    }

    /// The customer Admin's first step: the invitation file, its code (required:
    /// the file alone activates nothing) and a new password; creates the
    /// customer's workspace here and signs in. Says who signed the invitation.
    pub async fn activate_invitation(
        &self,
        file: PathBuf,
        code: String,
        password: String,
    ) -> Result<handover::Activated, CoreError> {
        let activated = self
            .with_store(move |store| {
                let bytes = handover::read_file(&file)?;
                handover::activate_invitation(store, &bytes, code.trim(), &password)
            })
            .await?;
        self.set_user(Some(activated.actor.user_id.clone()));
        Ok(activated)
    }

    /// Activation with a typed code of an invitation this workspace already holds.
    pub async fn activate_code(
        &self,
        email: String,
        code: String,
        password: String,
    ) -> Result<Actor, CoreError> {
        let actor = self
            .with_store(move |store| handover::activate_code(store, &email, code.trim(), &password))
            .await?;
        self.set_user(Some(actor.user_id.clone()));
        Ok(actor)
    }

    /// Writes the signed onboarding report of a customer to `path`.
    pub async fn export_report(&self, customer: String, path: PathBuf) -> Result<(), CoreError> {
        self.as_actor(move |store, actor| {
            let id = customer_id(store, &customer)?;
            handover::write_file(&path, &handover::export_report(store, actor, &id)?)
        })
        .await
    }

    /// Imports a customer's onboarding report; says whose it is and who signed it.
    pub async fn import_report(
        &self,
        file: PathBuf,
    ) -> Result<handover::ImportedReport, CoreError> {
        self.as_actor(move |store, actor| {
            handover::import_report(store, actor, &handover::read_file(&file)?)
        })
        .await
    }

    /// The diagnostic bundle of the latest validation, sealed.
    pub(super) fn last_bundle(&self) -> Result<String, CoreError> {
        self.last_bundle
            .lock()
            .ok()
            .and_then(|b| b.clone())
            .ok_or_else(|| {
                CoreError::invalid(
                    crate::text!("bundle-err-nothing"),
                    crate::text!("bundle-fix-nothing"),
                )
            })
    }
}
